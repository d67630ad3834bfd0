//! Word boundaries (UAX #29), with a fast path for ASCII.
//!
//! `unicode-segmentation` walks a general state machine at about 35 MB/s
//! here, and word splitting bounds the speed of indexing, snippets and
//! phrase checks. For ASCII the rules reduce to a few character classes,
//! so text is cut into chunks at ASCII separators (where UAX #29 always
//! breaks), ASCII chunks are split by [`ascii_words`], and only chunks
//! holding other characters go through the library. A property test
//! checks that both ways give the same words.

use unicode_segmentation::UnicodeSegmentation;

/// Calls `f(start, word)` for every word of `text` in order, exactly as
/// `text.unicode_word_indices()` yields them.
pub fn for_each_word_span(text: &str, mut f: impl FnMut(usize, &str)) {
    spans(text, &mut f);
}

/// The walk itself, not generic: one copy in the `.wasm` for all callers.
fn spans(text: &str, f: &mut dyn FnMut(usize, &str)) {
    let bytes = text.as_bytes();
    if bytes.is_ascii() {
        ascii_words(bytes, |s, e| f(s, &text[s..e]));
        return;
    }
    let mut chunk_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // A separator ends a chunk only when an ASCII byte follows it: a
        // combining mark after it would attach to it (UAX #29 rule WB4).
        let separator = bytes[i].is_ascii() && class(bytes[i]) == OTHER;
        let cut = separator && bytes.get(i + 1).is_none_or(u8::is_ascii);
        if cut {
            chunk(text, chunk_start, i, f);
            chunk_start = i + 1;
        }
        i += 1;
    }
    chunk(text, chunk_start, bytes.len(), f);
}

fn chunk(text: &str, start: usize, end: usize, f: &mut dyn FnMut(usize, &str)) {
    if start >= end {
        return;
    }
    // Both ends sit next to an ASCII byte, so they are char boundaries.
    let part = &text[start..end];
    if part.is_ascii() {
        ascii_words(part.as_bytes(), |s, e| f(start + s, &part[s..e]));
    } else {
        for (at, word) in part.unicode_word_indices() {
            f(start + at, word);
        }
    }
}

// Classes of ASCII bytes, as bit flags.
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
/// `_` (ExtendNumLet): joins letters and digits on either side.
const UNDERSCORE: u8 = 4;
/// `:` (MidLetter): joins two letters.
const MID_LETTER: u8 = 8;
/// `.` and `'` (MidNumLet, Single_Quote): join two letters or two digits.
const MID_BOTH: u8 = 16;
/// `,` and `;` (MidNum): join two digits.
const MID_DIGIT: u8 = 32;
/// Everything else: UAX #29 breaks on both sides.
const OTHER: u8 = 0;
const JOINS: u8 = LETTER | DIGIT | UNDERSCORE;

const CLASSES: [u8; 128] = {
    let mut t = [OTHER; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b'_' => UNDERSCORE,
            b':' => MID_LETTER,
            b'.' | b'\'' => MID_BOTH,
            b',' | b';' => MID_DIGIT,
            _ => OTHER,
        };
        b += 1;
    }
    t
};

/// The class of an ASCII byte (other bytes are never asked about).
#[inline(always)]
fn class(b: u8) -> u8 {
    CLASSES[usize::from(b & 0x7f)]
}

/// Whether `mid` joins `before` and `after` (WB6/7, WB11/12).
#[inline(always)]
fn bridges(before: u8, mid: u8, after: u8) -> bool {
    (before == LETTER && after == LETTER && mid & (MID_LETTER | MID_BOTH) != 0)
        || (before == DIGIT && after == DIGIT && mid & (MID_DIGIT | MID_BOTH) != 0)
}

/// The words of ASCII `bytes` as `(start, end)`: runs of letters, digits
/// and `_` (rules WB5, WB8–10, WB13a/b), bridged by one middle character
/// between two letters or two digits; a run counts as a word if it holds
/// a letter or digit.
#[inline(always)]
fn ascii_words(bytes: &[u8], mut f: impl FnMut(usize, usize)) {
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        if class(bytes[i]) & JOINS == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut alnum = false;
        loop {
            let c = class(bytes[i]);
            alnum |= c != UNDERSCORE;
            i += 1;
            if i == n {
                break;
            }
            let next = class(bytes[i]);
            if next & JOINS != 0 {
                continue;
            }
            if i + 1 < n && bridges(c, next, class(bytes[i + 1])) {
                i += 1;
                continue;
            }
            break;
        }
        if alnum {
            f(start, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::for_each_word_span;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn words(text: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for_each_word_span(text, |at, w| out.push((at, w.to_string())));
        out
    }

    fn reference(text: &str) -> Vec<(usize, String)> {
        text.unicode_word_indices()
            .map(|(at, w)| (at, w.to_string()))
            .collect()
    }

    #[test]
    fn ascii_rules() {
        for text in [
            "can't stop 3.14 a.b.c 1,000,000 a,b 3:4 a:b __ _x x_ a1,2 e.g. end.",
            "U.S.A. 'quoted' x'' 1'000 1.a a.1 _1_ ,;.:'",
            "Lương Cường, 2030-marking Chile’s 13th",
            "a\u{301}b (\u{301}x) ,\u{200d}y ü.b 2.\u{663}",
        ] {
            assert_eq!(words(text), reference(text), "{text}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn same_words_as_the_library(
            text in proptest::collection::vec(prop_oneof![
                8 => proptest::char::range('a', 'e'),
                4 => proptest::sample::select(vec!['A', 'Z', '0', '7', ' ', ' ', '\n', '\r']),
                6 => proptest::sample::select(vec!['.', ',', ';', ':', '\'', '_', '-', '(', '"']),
                3 => proptest::sample::select(vec![
                    'é', 'Đ', 'ư', '\u{301}', '\u{200d}', '\u{a0}', '’', '·', '٣', '中', '😀',
                    '\u{200b}', '\u{ad}', 'א', '״',
                ]),
            ], 0..40).prop_map(|cs| cs.into_iter().collect::<String>())
        ) {
            prop_assert_eq!(words(&text), reference(&text));
        }
    }
}
