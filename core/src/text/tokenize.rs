//! Splitting text into words on Unicode word boundaries (UAX #29), each
//! folded by [`super::normalize`], with its byte range in the original text.

use super::normalize::fold_into;
use super::stem::stem_in_place;
use unicode_segmentation::UnicodeSegmentation;

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
    /// A compound of the two words before it (see [`for_each_token_joined`]);
    /// it stands at the position of the first of them.
    pub joined: bool,
}

/// Calls `f(folded, start, end)` with every word of `text`, folded but
/// not stemmed, and its byte range: the cheap first half of
/// [`for_each_token`], for callers that stem only the words they need.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    let mut folded = String::new();
    for (at, word) in text.unicode_word_indices() {
        // UAX #29 keeps `a:b` together (Swedish); a search box should not.
        let mut start = at;
        for part in word.split(':') {
            let part_start = start;
            start += part.len() + 1;
            folded.clear();
            fold_into(part, &mut folded);
            strip_apostrophes(&mut folded);
            if folded.is_empty() || folded.len() > MAX_TERM_BYTES {
                continue;
            }
            f(&folded, part_start, part_start + part.len());
        }
    }
}

/// Calls `f` with every token of `text`, in order.
pub fn for_each_token(text: &str, f: impl FnMut(Token<'_>)) {
    for_each_token_starting(text, &[b""], f);
}

/// Like [`for_each_token`], but only for words whose folded form starts
/// with one of `heads`; the others are not stemmed, which is most of the
/// cost. With [`stem_head`]s of the terms sought, no match is missed.
pub fn for_each_token_starting(text: &str, heads: &[&[u8]], mut f: impl FnMut(Token<'_>)) {
    let mut term = String::new();
    for_each_word(text, |folded, start, end| {
        if !heads.iter().any(|h| folded.as_bytes().starts_with(h)) {
            return;
        }
        term.clear();
        term.push_str(folded);
        stem_in_place(&mut term);
        f(Token {
            term: &term,
            folded,
            start,
            end,
            joined: false,
        });
    });
}

/// What every word that stems to `term` starts with: its first two bytes
/// (a stem keeps them: `parties` → `parti`, `happy` → `happi`).
pub fn stem_head(term: &str) -> &[u8] {
    &term.as_bytes()[..term.len().min(2)]
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

/// Like [`for_each_token`], and after each pair of capitalized words
/// separated by one space where either carries a diacritic (`Việt Nam`,
/// `Hà Nội`), also their compound (`vietnam`, `hanoi`) with `joined` set:
/// Vietnamese names are written as syllables, English text writes them as
/// one word. Indexing uses this; queries do not, so `Việt Nam`
/// typed still means its two words.
pub fn for_each_token_joined(text: &str, mut f: impl FnMut(Token<'_>)) {
    let mut prev: Option<(String, usize, usize)> = None; // (folded, start, end)
    let mut compound = String::new();
    for_each_token(text, |t| {
        let word = &text[t.start..t.end];
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let marked = !word.is_ascii();
        let short = t.folded.len() <= 6;
        if let Some((p_folded, p_start, p_end)) = &prev {
            let p_word = &text[*p_start..*p_end];
            let gap_is_space = &text[*p_end..t.start] == " ";
            if capital && short && gap_is_space && (marked || !p_word.is_ascii()) {
                compound.clear();
                compound.push_str(p_folded);
                compound.push_str(t.folded);
                let folded = compound.clone();
                stem_in_place(&mut compound);
                let (start, end) = (*p_start, t.end);
                f(t.clone());
                f(Token {
                    term: &compound,
                    folded: &folded,
                    start,
                    end,
                    joined: true,
                });
                prev = None;
                return;
            }
        }
        prev = (capital && short).then(|| (t.folded.to_string(), t.start, t.end));
        f(t);
    });
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
    if term.ends_with("'s") {
        term.truncate(term.len() - 2);
    }
    if term.contains('\'') {
        term.retain(|c| c != '\'');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_offsets() {
        let text = "Lương Cường, 2030-marking Chile’s 13th";
        let mut got = Vec::new();
        for_each_token(text, |t| {
            got.push((t.term.to_string(), &text[t.start..t.end]))
        });
        let want = [
            ("luong", "Lương"),
            ("cuong", "Cường"),
            ("2030", "2030"),
            ("mark", "marking"),
            ("chile", "Chile’s"),
            ("13th", "13th"),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), *b)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn vietnamese_syllables_also_index_as_one_word() {
        let text = "in Việt Nam and Hà Nội, not New York or Viet Nam";
        let mut got = Vec::new();
        for_each_token_joined(text, |t| {
            if t.joined {
                got.push((t.term.to_string(), &text[t.start..t.end]));
            }
        });
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), *b)).collect();
        assert_eq!(got, [("vietnam", "Việt Nam"), ("hanoi", "Hà Nội")]);
    }

    #[test]
    fn punctuation_only_gives_nothing() {
        assert!(terms("!!! -- \"\" ... ()").is_empty());
        assert!(terms("").is_empty());
    }

    #[test]
    fn overlong_words_are_skipped() {
        let long = "a".repeat(MAX_TERM_BYTES + 1);
        assert_eq!(terms(&format!("x {long} y")), ["x", "y"]);
    }
}
