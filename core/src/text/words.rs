//! Word boundaries (UAX #29), with a fast path for ASCII.
//!
//! Word splitting bounds the speed of indexing, snippets and phrase checks.
//! For ASCII the rules reduce to a few character classes, so text is cut
//! into chunks at ASCII separators (where UAX #29 always breaks), ASCII
//! chunks are split by [`ascii_words`], and only chunks holding other
//! characters go through the general rules of `segment`. Property tests
//! check the words against `unicode-segmentation`.

/// Calls `f(start, word)` for every word of `text` in order, as
/// `unicode-segmentation`'s `text.unicode_word_indices()` yields them
/// (differences: `segment`).
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
        if ends_chunk(bytes, i) {
            chunk(text, chunk_start, i, f);
            chunk_start = i + 1;
        }
        i += 1;
    }
    chunk(text, chunk_start, bytes.len(), f);
}

/// Whether no word runs across `b[i]`, whatever comes before it or after
/// the next byte: an ASCII separator before an ASCII byte (a mark after
/// it would attach to it, rule WB4), but not a space before a space (WB3d
/// keeps them together, and a mark after the last attaches to them all).
pub fn ends_chunk(b: &[u8], i: usize) -> bool {
    let next = b.get(i + 1);
    b[i].is_ascii()
        && ascii_class(b[i]) == OTHER
        && next.is_none_or(|&n| n.is_ascii() && !(n == b' ' && b[i] == b' '))
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
        super::segment::unicode_words(part, &mut |at, word| f(start + at, word));
    }
}

use super::segment::{DIGIT, LETTER, MID_BOTH, MID_DIGIT, MID_LETTER, OTHER, UNDERSCORE};

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
pub(super) fn ascii_class(b: u8) -> u8 {
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
        if ascii_class(bytes[i]) & JOINS == 0 {
            i += 1;
            continue;
        }
        let start = i;
        let mut alnum = false;
        loop {
            let c = ascii_class(bytes[i]);
            alnum |= c != UNDERSCORE;
            i += 1;
            if i == n {
                break;
            }
            let next = ascii_class(bytes[i]);
            if next & JOINS != 0 {
                continue;
            }
            if i + 1 < n && bridges(c, next, ascii_class(bytes[i + 1])) {
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

    #[test]
    fn same_words_as_the_library_in_many_scripts() {
        let mut texts: Vec<String> = vec![
            "हिन्दी भाषा विश्व की एक प्रमुख भाषा है। क्षत्रिय, द्वारा".into(),
            "اللُّغَةُ العَرَبِيَّة هي أكثر اللغات تحدثاً، ١٢٣٫٤٥ ٣,٤".into(),
            "ภาษาไทยเป็นภาษาราชการของประเทศไทย ๑๒๓".into(),
            "日本語（にほんご）は、日本国内や、かつての日本領だった国、カタカナ・ひらがな ＡＢＣ１２３".into(),
            "中华人民共和国是一个位于东亚的社会主义国家。".into(),
            "Русский язык — один из восточнославянских языков, 3,14".into(),
            "Η ελληνική γλώσσα ανήκει στην ινδοευρωπαϊκή οικογένεια· τι;".into(),
            "עִבְרִית היא שפה שמית, צה\"ל ו־ת\"א, ג'ירפה".into(),
            "한국어는 대한민국과 조선민주주의인민공화국의 공용어이다.".into(),
            "Ελλάδα, Köln, naïve café, l·lengua, Chile’s, don’t, 10 m² ½ cup".into(),
            "Tiếng Việt: Nguyễn Phú Trọng, Đức Thắng, Cường, Hà Nội".into(),
            "فارسی‌زبان می‌شود".into(),
        ];
        for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds")).unwrap() {
            texts.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
        }
        let mut bad = 0;
        for t in &texts {
            let mut got = Vec::new();
            for_each_word_span(t, |at, w| got.push((at, w.to_string())));
            let want: Vec<(usize, String)> = t
                .unicode_word_indices()
                .map(|(a, w)| (a, w.to_string()))
                .collect();
            if got != want {
                bad += 1;
                let d: Vec<_> = got.iter().filter(|g| !want.contains(g)).take(5).collect();
                let e: Vec<_> = want.iter().filter(|g| !got.contains(g)).take(5).collect();
                eprintln!(
                    "DIFF {:?}\n  got {:?}\n  want {:?}",
                    &t.chars().take(40).collect::<String>(),
                    d,
                    e
                );
            }
        }
        assert_eq!(bad, 0);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_words_as_the_library(
            text in proptest::collection::vec(prop_oneof![
                8 => proptest::char::range('a', 'e'),
                4 => proptest::sample::select(vec!['A', 'Z', '0', '7', ' ', ' ', '\n', '\r']),
                6 => proptest::sample::select(vec!['.', ',', ';', ':', '\'', '_', '-', '(', '"']),
                3 => proptest::sample::select(vec![
                    'é', 'Đ', 'ư', '\u{301}', '\u{200d}', '\u{a0}', '’', '·', '٣', '中', '€',
                    '\u{200b}', '\u{ad}', 'א', '״',
                ]),
                // Scripts, marks, numbers and joiners of every kind that
                // `segment` tells apart.
                4 => proptest::sample::select(vec![
                    'ạ', '\u{300}', '\u{200c}', '‘', '٫', '،', '国', '׳', 'Ж', 'Ω', 'ά', ';', 'ह',
                    'ि', 'न', '्', '।', 'क', '़', 'ก', 'ั', 'ี', '่', 'ไ', '๏', 'ๆ', 'ฯ', '๑', 'あ',
                    'ゝ', 'ア', 'ー', 'ｱ', 'ﾞ', '々', '〆', '゙', 'ع', 'َ', 'ّ', '٠', '한', '²', '½',
                    '①', 'Ⅻ', '‿', '・', '，', '．', '＇', '：', '\u{fe0f}', '\u{1f3fb}', '🇺',
                    '\u{2060}', '\u{feff}', '\u{200e}', '\u{3000}', '\u{2003}',
                ]),
            ], 0..40).prop_map(|cs| cs.into_iter().collect::<String>())
        ) {
            prop_assert_eq!(words(&text), reference(&text));
        }
    }
}
