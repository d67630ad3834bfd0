//! Splitting text into words on Unicode word boundaries (UAX #29), each
//! folded by [`super::normalize`], with its byte range in the original text.

use super::normalize::fold_into;
use super::stem::stem_in_place;
use super::words::{ends_chunk, for_each_word_span};

mod identifiers;
pub use identifiers::split_identifiers;
use identifiers::{identifier_parts, may_have_parts};

/// Words longer than this (in folded bytes) are not indexed: they are
/// almost always noise (hashes, base64), and the cap bounds query work.
pub const MAX_TERM_BYTES: usize = 48;

/// One indexed word: its folded term and where it stands in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'t> {
    /// The folded and stemmed term, as stored in the index.
    pub term: &'t str,
    /// The folded word before stemming (for prefix completion).
    pub folded: &'t str,
    /// Byte offset of the word's start in the source text.
    pub start: usize,
    /// Byte offset just past the word's end in the source text.
    pub end: usize,
    /// A compound of the two words before it (see
    /// [`for_each_positioned_word`]);
    /// it stands at the position of the first of them.
    pub joined: bool,
    /// A part of the identifier before it (see [`identifier_parts`]), at
    /// its position.
    pub part: bool,
}

/// Calls `f(folded, start, end)` with every word of `text`, folded but
/// not stemmed, and its byte range: the cheap first half of
/// [`for_each_token`], for callers that stem only the words they need.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    words(text, false, EVERY, &mut |folded, start, end, _| {
        f(folded, start, end)
    });
}

/// Heads that every word may start with.
const EVERY: &[&[u8]] = &[&[]];

/// Whether a word whose bytes start with `b` may fold to one starting with
/// one of `heads`. Told from its first two bytes where they are ASCII
/// letters or digits, which fold to themselves in lower case; any other
/// byte may fold to anything.
fn may_start(b: &[u8], heads: &[&[u8]]) -> bool {
    let low = |i: usize| {
        b.get(i)
            .filter(|c| c.is_ascii_alphanumeric())
            .map(u8::to_ascii_lowercase)
    };
    let Some(first) = low(0) else {
        return true;
    };
    let second = low(1);
    heads.iter().any(|h| match **h {
        [] => true,
        [x] => x == first,
        [x, y, ..] => x == first && second.is_none_or(|c| c == y),
    })
}

/// The word walk: with `parts`, each identifier's parts follow it (see
/// [`identifier_parts`]), with the last argument set. A word that cannot
/// start with one of `heads` ([`may_start`]) is skipped unfolded, unless
/// it has parts: folding is most of the walk ([`EVERY`] keeps all).
fn words(text: &str, parts: bool, heads: &[&[u8]], f: &mut dyn FnMut(&str, usize, usize, bool)) {
    let mut folded = String::new();
    for_each_word_span(text, |at, word| {
        // UAX #29 keeps `a:b` (Swedish) and `os.path` together; a search
        // box should not: `logging config` must find `logging.config`.
        let (mut part, mut start) = (word, at);
        loop {
            let end = part_end(part.as_bytes());
            let w = &part.as_bytes()[..end];
            // A word with parts may have one starting with a head.
            if may_start(w, heads) || (parts && may_have_parts(w)) {
                folded.clear();
                fold_into(&part[..end], &mut folded);
                strip_apostrophes(&mut folded);
                if !folded.is_empty() && folded.len() <= MAX_TERM_BYTES {
                    f(&folded, start, start + end, false);
                    if parts {
                        identifier_parts(w, &mut |a, b| {
                            folded.clear();
                            fold_into(&part[a..b], &mut folded);
                            f(&folded, start + a, start + b, true);
                        });
                    }
                }
            }
            if end == part.len() {
                break;
            }
            part = &part[end + 1..];
            start += end + 1;
        }
    });
}

/// Where the first part of a word ends: at a `:`, or a `.` between two
/// letters (`3.14` and `v1.2` stay whole). A byte loop: `split` sets up a
/// searcher, slow on short words.
fn part_end(w: &[u8]) -> usize {
    let letter = |i: usize| w.get(i).is_some_and(u8::is_ascii_alphabetic);
    (0..w.len())
        .find(|&i| w[i] == b':' || (w[i] == b'.' && i > 0 && letter(i - 1) && letter(i + 1)))
        .unwrap_or(w.len())
}

/// Calls `f` with every token of `text`, in order.
pub fn for_each_token(text: &str, mut f: impl FnMut(Token<'_>)) {
    for_each_token_starting(text, &[b""], &stem_in_place, &mut f);
}

/// Like [`for_each_token`], but only for words whose folded form starts
/// with one of `heads`; the others are not stemmed, which is most of the
/// cost. With [`stem_head`]s of the terms sought, no match is missed.
/// `stem` makes a folded word its stem (the index's
/// `Index::stem_in_place` knows the stems of the corpus's own words).
/// Not generic: its callers (snippets, titles, surface forms) share one
/// copy of the word walk in the `.wasm`; few words reach `f`.
pub fn for_each_token_starting(
    text: &str,
    heads: &[&[u8]],
    stem: &dyn Fn(&mut String),
    f: &mut dyn FnMut(Token<'_>),
) {
    let mut term = String::new();
    words(text, true, heads, &mut |folded, start, end, part| {
        if !starts_with_any(folded, heads) {
            return;
        }
        term.clear();
        term.push_str(folded);
        stem(&mut term);
        f(Token {
            term: &term,
            folded,
            start,
            end,
            joined: false,
            part,
        });
    });
}

/// What every word that stems to `term` starts with: its first two bytes
/// (a stem keeps them: `parties` → `parti`, `happy` → `happi`), or only
/// the first for the Snowball stemmer's irregular `dying` → `die`,
/// `lying` → `lie` and `tying` → `tie`.
pub fn stem_head(term: &str) -> &[u8] {
    let keep = if matches!(term, "die" | "lie" | "tie") {
        1
    } else {
        2
    };
    &term.as_bytes()[..term.len().min(keep)]
}

/// The longest prefix of `text` of at most `max` bytes that ends on a
/// character boundary.
pub fn head_bytes(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The words of `text`, folded but not stemmed (the token's `term` is its
/// folded form: callers stem, or cache stems), each with its position, and
/// after each pair of capitalized words separated by one space where either
/// carries a diacritic (`Việt Nam`, `Hà Nội`), also their compound
/// (`vietnam`, `hanoi`) with `joined` set, at the first word's position:
/// Vietnamese names are written as syllables, English text writes them as
/// one word. After an identifier, its parts, with `part` set, at its own
/// position. Indexing and phrase checks use this; queries do not, so
/// `Việt Nam` typed still means its two words. Words count from 0; returns
/// the number of words, parts and compounds not counted.
pub fn for_each_positioned_word(text: &str, mut f: impl FnMut(Token<'_>, u32)) -> u32 {
    let mut prev: Option<(String, usize, usize)> = None; // (folded, start, end)
    let mut compound = String::new();
    let mut pos = 0u32;
    words(text, true, EVERY, &mut |folded, start, end, part| {
        let joined = false;
        // The word's parts stand at its own position.
        let at = if part { pos.saturating_sub(1) } else { pos };
        f(
            Token {
                term: folded,
                folded,
                start,
                end,
                joined,
                part,
            },
            at,
        );
        if part {
            return;
        }
        let word = &text[start..end];
        let candidate = joinable(word, folded);
        let mut joined = false;
        if let Some((p_folded, p_start, p_end)) = &prev {
            let gap_is_space = &text[*p_end..start] == " ";
            if candidate && gap_is_space && either_marked(&text[*p_start..*p_end], word) {
                joined = true;
                compound.clear();
                compound.push_str(p_folded);
                compound.push_str(folded);
                let t = Token {
                    term: &compound,
                    folded: &compound,
                    start: *p_start,
                    end,
                    joined,
                    part: false,
                };
                f(t, pos.saturating_sub(1));
            }
        }
        prev = (candidate && !joined).then(|| (folded.to_string(), start, end));
        pos = pos.saturating_add(1);
    });
    pos
}

/// Whether a word may be half of a compound (see
/// [`for_each_positioned_word`]): a capital, and a short syllable.
fn joinable(word: &str, folded: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && folded.len() <= 6
}

/// Whether either word of a pair carries a diacritic, as one of a
/// Vietnamese name's does (`Việt Nam`, not `New York`).
fn either_marked(a: &str, b: &str) -> bool {
    !a.is_ascii() || !b.is_ascii()
}

/// The compound that the word `text[start..end]`, folded as `folded`,
/// makes with the word after it, as [`for_each_positioned_word`] indexes
/// it: its end and its folded form (`Hà` in `Hà Nội` gives `hanoi`).
/// Matching uses it to find `Hà Nội` for `hanoi`; it does not know the
/// words before, so after `Nguyễn Văn` it also joins `Văn Thanh`, which
/// the index does not hold: a compound the query never asks for.
pub fn compound_after(
    text: &str,
    start: usize,
    end: usize,
    folded: &str,
) -> Option<(usize, String)> {
    let first = text.get(start..end)?;
    if !joinable(first, folded) || text.as_bytes().get(end) != Some(&b' ') {
        return None;
    }
    // The next word is a short syllable: a few bytes of text hold it.
    let rest = head_bytes(text.get(end + 1..)?, 32);
    // Most capitals start English words: both ASCII, no compound.
    if first.is_ascii()
        && rest
            .bytes()
            .take_while(|&b| b != b' ')
            .all(|b| b.is_ascii())
    {
        return None;
    }
    let mut next = None;
    words(rest, false, EVERY, &mut |f, a, b, _| {
        if next.is_none() {
            next = Some((a, b, f.to_string()));
        }
    });
    let (a, b, second) = next?;
    let word = &rest[a..b];
    let whole = b < rest.len() || rest.len() + end + 1 == text.len();
    (a == 0 && whole && joinable(word, &second) && either_marked(first, word))
        .then(|| (end + 1 + b, format!("{folded}{second}")))
}

/// The folded, stemmed terms of `text`, in order.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t.term.to_string()));
    out
}

/// `country's` → `country`, `o'neil` → `oneil`: the possessive goes, other
/// apostrophes join the word so that both spellings meet.
fn strip_apostrophes(term: &mut String) {
    // Byte loops: the `str` searches call out to memchr, slow on short words.
    if term.as_bytes().ends_with(b"'s") {
        term.truncate(term.len() - 2);
    }
    if term.bytes().any(|b| b == b'\'') {
        term.retain(|c| c != '\'');
    }
}

/// By byte, whether a word starting with one of `heads` may start there:
/// a head's first letter in either case, or a non-ASCII byte.
pub fn first_bytes(heads: &[&[u8]]) -> [bool; 256] {
    let mut first = [false; 256];
    for (c, may) in first.iter_mut().enumerate() {
        let c = (c as u8).to_ascii_lowercase();
        *may = c >= 0x80 || heads.iter().any(|h| h.first().is_none_or(|&x| x == c));
    }
    first
}

/// Calls `f(start, end)` for each stretch of `text` where a word starting
/// with one of `heads` (see [`stem_head`]) may be: around each byte that
/// may start one, a head in either case (an ASCII word folds to its lower
/// case, less an apostrophe) or a non-ASCII byte, out to where no word
/// runs across (`ends_chunk`). Words outside them start with no head: a
/// long page holds few stretches, and only they need folding.
/// `first` is [`first_bytes`] of `heads`.
pub fn for_each_stretch(
    text: &str,
    heads: &[&[u8]],
    first: &[bool; 256],
    f: &mut dyn FnMut(usize, usize),
) {
    let b = text.as_bytes();
    // Stricter than `may_start`, which lets through any second byte that
    // is no letter or digit (`s.`, `r `): with it, snippets on Python's
    // docs took a third longer natively (`subprocess run`: 1.7 to 2.7 ms).
    let low = |i: usize| b.get(i).map(u8::to_ascii_lowercase);
    let starts = |i: usize| {
        b[i] >= 0x80
            || heads.iter().any(|h| match **h {
                [x, y, ..] => {
                    low(i) == Some(x)
                        && (low(i + 1) == Some(y)
                            || (low(i + 1) == Some(b'\'') && low(i + 2) == Some(y)))
                }
                _ => true,
            })
    };
    let mut from = 0;
    while let Some(at) = (from..b.len()).find(|&i| first[usize::from(b[i])] && starts(i)) {
        let start = (from..at)
            .rev()
            .find(|&i| ends_chunk(b, i))
            .map_or(from, |i| i + 1);
        let end = (at..b.len()).find(|&i| ends_chunk(b, i)).unwrap_or(b.len());
        f(start, end);
        from = end + 1;
    }
}

/// Whether `word` starts with one of `heads` (see [`stem_head`]).
#[inline]
pub fn starts_with_any(word: &str, heads: &[&[u8]]) -> bool {
    let w = word.as_bytes();
    heads
        .iter()
        .any(|h| h.len() <= w.len() && h.iter().zip(w).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests;
