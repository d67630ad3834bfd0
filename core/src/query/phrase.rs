//! Phrases and word positions, read from the stored text.
//!
//! The index keeps no token positions: they would be a third of its search
//! structures gzipped, for the few queries that quote a phrase. Candidates
//! come from intersecting the postings; each is confirmed by tokenizing its
//! title and body again, stemming only the words that could match.

use super::ast::Scope;
use crate::index::{Index, Posting};
use crate::text::stem::stemmed;
use crate::text::{for_each_positioned_word, starts_with_any, stem_head};

/// Body positions start this far after the title's last word, so that
/// neither a phrase nor a proximity window spans the two.
const BODY_GAP: u32 = 16;

/// A phrase is matched on its first 64 words (one bit each in `Finder`).
const MAX_WORDS: usize = 64;

/// Documents where `words` stand next to each other in order, each with
/// the postings of every word there (in `words` order).
pub fn matches(index: &Index<'_>, words: &[String], scope: Scope) -> Vec<(u32, Vec<Posting>)> {
    let words = &words[..words.len().min(MAX_WORDS)];
    let infos: Option<Vec<_>> = words.iter().map(|w| index.term(w)).collect();
    let Some(infos) = infos else {
        return Vec::new();
    };
    let lists: Vec<Vec<Posting>> = infos.iter().map(|&t| index.postings(t).collect()).collect();
    let title_only = scope == Scope::Title;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut finder = Finder::new(&words);
    let mut out = Vec::new();
    for candidate in intersect(&lists) {
        if title_only && candidate.iter().any(|p| p.tf_title == 0) {
            continue;
        }
        let doc = candidate[0].doc;
        let mut found_in = |text: Option<&str>| has_run(&finder.find(text.unwrap_or(""), 0).0);
        let hit = found_in(index.title(doc)) || (!title_only && found_in(index.body(doc)));
        if hit {
            out.push((doc, candidate));
        }
    }
    out
}

/// The postings of every list for each document in all of them.
fn intersect(lists: &[Vec<Posting>]) -> Vec<Vec<Posting>> {
    let Some(shortest) = lists.iter().min_by_key(|l| l.len()) else {
        return Vec::new();
    };
    let mut at = vec![0usize; lists.len()];
    let mut out = Vec::new();
    'docs: for p in shortest {
        let mut row = Vec::with_capacity(lists.len());
        for (list, i) in lists.iter().zip(&mut at) {
            *i += list[*i..].partition_point(|q| q.doc < p.doc);
            match list.get(*i) {
                Some(q) if q.doc == p.doc => row.push(*q),
                _ => continue 'docs,
            }
        }
        out.push(row);
    }
    out
}

/// The positions of each of `words` (folded terms) in a document: title
/// words count from 0, body words from after the title and a gap.
pub(super) fn positions(finder: &mut Finder<'_>, index: &Index<'_>, doc: u32) -> Vec<Vec<u32>> {
    let (mut out, title_words) = finder.find(index.title(doc).unwrap_or(""), 0);
    let body = finder
        .find(index.body(doc).unwrap_or(""), title_words + BODY_GAP)
        .0;
    for (all, more) in out.iter_mut().zip(body) {
        all.extend(more);
    }
    out
}

/// Finds terms in texts, stemming only the words that could match them,
/// and each distinct word once.
pub(super) struct Finder<'w> {
    words: &'w [&'w str],
    heads: Vec<&'w [u8]>,
    /// By folded word, which of `words` it stems to, as a bit mask; sorted
    /// by word. (A sorted list, not a hash map: the few words that pass
    /// `heads` do not pay for a hash table's code in the `.wasm`.)
    matches: Vec<(String, u64)>,
}

impl<'w> Finder<'w> {
    pub(super) fn new(words: &'w [&'w str]) -> Self {
        let words = &words[..words.len().min(MAX_WORDS)];
        Finder {
            words,
            heads: words.iter().map(|w| stem_head(w)).collect(),
            matches: Vec::new(),
        }
    }

    /// The positions, counted from `base`, of each word in `text`, and
    /// where the text's words end.
    fn find(&mut self, text: &str, base: u32) -> (Vec<Vec<u32>>, u32) {
        let mut out = vec![Vec::new(); self.words.len()];
        let (words, heads, matches) = (self.words, &self.heads, &mut self.matches);
        let count = for_each_positioned_word(text, |t, pos| {
            if !starts_with_any(t.folded, heads) {
                return;
            }
            let mask = match matches.binary_search_by(|m| m.0.as_str().cmp(t.folded)) {
                Ok(i) => matches[i].1,
                Err(i) => {
                    let term = stemmed(t.folded);
                    let mask = (words.iter().zip(0..))
                        .filter(|(w, _)| **w == term)
                        .fold(0u64, |m, (_, i)| m | 1 << i);
                    matches.insert(i, (t.folded.to_string(), mask));
                    mask
                }
            };
            for (slot, i) in out.iter_mut().zip(0..) {
                if mask & 1 << i != 0 {
                    slot.push(base.saturating_add(pos));
                }
            }
        });
        (out, base.saturating_add(count))
    }
}

/// Whether some position of the first word is followed by the second
/// word, then the third, and so on.
fn has_run(positions: &[Vec<u32>]) -> bool {
    let Some((first, rest)) = positions.split_first() else {
        return false;
    };
    first.iter().any(|&start| {
        rest.iter()
            .zip(1u32..)
            .all(|(p, i)| p.binary_search(&start.saturating_add(i)).is_ok())
    })
}

#[cfg(test)]
mod tests {
    use super::{has_run, Finder};

    #[test]
    fn runs_need_every_word_in_order() {
        assert!(has_run(&[vec![3, 9], vec![10], vec![11]]));
        assert!(!has_run(&[vec![3], vec![5]]));
        assert!(!has_run(&[vec![4], vec![3]]));
        assert!(!has_run(&[]));
    }

    #[test]
    fn positions_follow_the_words_of_the_text() {
        let words = ["parti", "hanoi", "die"];
        let mut finder = Finder::new(&words);
        let (pos, end) = finder.find("Parties in Hà Nội party, dying", 10);
        assert_eq!(pos, [vec![10, 14], vec![12], vec![15]]);
        assert_eq!(end, 16);
    }
}
