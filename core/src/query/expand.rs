//! A query word → the dictionary terms it stands for: itself, and, for the
//! word being typed, its most frequent completions.

use crate::index::{Index, TermInfo};
use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Streamer};

/// Completions kept for a prefix, the most frequent first.
pub const MAX_COMPLETIONS: usize = 24;
/// Dictionary entries read at most while looking for completions.
pub const MAX_PREFIX_SCAN: usize = 2048;
/// Score weight of a completion relative to an exact match.
pub const COMPLETION_WEIGHT: f32 = 0.85;

/// A dictionary term standing for a query word, with its score weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    /// The dictionary term.
    pub term: String,
    /// Where its postings are.
    pub info: TermInfo,
    /// Score multiplier: 1 for the word itself, less for completions.
    pub weight: f32,
}

/// The terms a word matches. `prefix` adds completions.
pub fn expand(index: &Index<'_>, word: &str, prefix: bool) -> Vec<Expansion> {
    let mut out = Vec::new();
    if let Some(info) = index.term(word) {
        out.push(Expansion {
            term: word.to_string(),
            info,
            weight: 1.0,
        });
    }
    if prefix {
        let mut completions = Vec::new();
        let aut = Str::new(word).starts_with();
        let mut stream = index.dictionary().search(aut).into_stream();
        while let Some((term, at)) = stream.next() {
            if completions.len() >= MAX_PREFIX_SCAN {
                break;
            }
            if term.len() == word.len() {
                continue; // the word itself, already added
            }
            let (Ok(term), Some(info)) = (std::str::from_utf8(term), index.term_at(at)) else {
                continue;
            };
            completions.push(Expansion {
                term: term.to_string(),
                info,
                weight: COMPLETION_WEIGHT,
            });
        }
        // Most frequent first; ties in dictionary order, for determinism.
        completions.sort_by(|a, b| b.info.df.cmp(&a.info.df).then_with(|| a.term.cmp(&b.term)));
        completions.truncate(MAX_COMPLETIONS);
        out.extend(completions);
    }
    out
}
