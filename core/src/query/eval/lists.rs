//! Scoring one expansion's postings list into the accumulators, in the
//! way the query asks (added, kept as the best, or only marked).

use super::super::expand::{Expansion, Kind};
use super::super::scratch::Scratch;
use crate::index::Index;
use crate::rank::Scorer;

/// How one word's lists are scored.
pub struct Lists<'e, 'a> {
    pub index: &'e Index<'a>,
    pub scorer: &'e Scorer,
    pub title_only: bool,
    /// Clause bits a document must already have to be scored (see
    /// `Eval::required`).
    pub required: u32,
    /// The factor of a document whose title is one word, this list's
    /// term, in the list of the word as typed or a completion of it (not
    /// a typo): `Tuning::exact_title` for a one-word query, else 1. Told
    /// from the posting alone, by a title frequency and a title length of
    /// one.
    pub exact_title: f32,
}

impl Lists<'_, '_> {
    /// Scores an expansion's postings into `s` as `into` says, each
    /// counted in `read`. One loop for every use, not a generic one: the
    /// decoding inlined in it is the engine's largest loop body.
    pub fn score(&self, s: &mut Scratch, read: &mut usize, e: &Expansion, into: Accumulate) {
        let idf = self.scorer.idf(e.info.df);
        let title_factor = title_factor(e, self.exact_title);
        // Whether every posting counts, whatever its frequencies: then
        // marking tests none.
        let all = e.weight > 0.0 && self.scorer.matches_any(self.title_only);
        *read += self.index.postings(e.info).each(|p| {
            if self.required != 0 && !s.has_all(p.doc, self.required) {
                return;
            }
            let tf = (p.tf_title, p.tf_body);
            // A one-word title's posting may beat the floor by its factor,
            // which the list's bound leaves out: it is scored.
            let titled = p.tf_title > 0 && title_factor != 1.0;
            if matches!(into, Accumulate::Mark(..)) && !titled {
                if all || (e.weight > 0.0 && self.scorer.matches(tf, self.title_only)) {
                    s.mark(p.doc);
                }
                return;
            }
            let codes = self.index.norm_codes(p.doc);
            let mut v = e.weight * self.scorer.score(idf, tf, codes, self.title_only);
            if p.tf_title > 0 && codes.0 == 1 {
                v *= title_factor;
            }
            if v > 0.0 {
                match into {
                    Accumulate::Add(bit) => s.add(p.doc, v, bit),
                    Accumulate::KeepMax(bit) => s.keep_max(p.doc, v, bit),
                    Accumulate::KeepMaxAbove(bit, floor) | Accumulate::Mark(bit, floor) => {
                        s.mark(p.doc);
                        if v >= floor {
                            s.keep_max(p.doc, v, bit);
                        }
                    }
                    Accumulate::BestOfWord => s.best_of_word(p.doc, v),
                    Accumulate::Push => s.pushed.push((p.doc, v)),
                }
            }
        }) as usize;
    }
}

/// The factor of a one-word title in `e`'s list, given the query's
/// `exact_title` (see `Lists::exact_title`): the word as typed and its
/// completions have it, as a reader typing `Err` is on the way to the page
/// titled `Errors`; a typo's candidates do not. MaxScore's bounds and the
/// scoring loop both take it from here.
fn title_factor(e: &Expansion, exact_title: f32) -> f32 {
    if matches!(e.kind, Kind::Exact | Kind::Completion) {
        exact_title
    } else {
        1.0
    }
}

/// What scoring a list does with each document's score.
#[derive(Clone, Copy)]
pub enum Accumulate {
    /// Adds it to the accumulator, with the clause bit.
    Add(u32),
    /// Keeps the larger of it and the accumulator's.
    KeepMax(u32),
    /// Marks the document as matching, and keeps the larger score only
    /// from this floor up: a document scoring less here cannot reach the
    /// page through this list (see `best_of_pruned`), and its accumulator
    /// is a cache miss saved on a large index.
    KeepMaxAbove(u32, f32),
    /// Keeps the best of the current word's expansions (`best_of_word`).
    BestOfWord,
    /// Pushes it with the document, seen once (see `Eval::alone`).
    Push,
    /// Only marks the document as matching: the list's body scores cannot
    /// reach the page (see `best_of_pruned`). A posting of a one-word title
    /// is scored as by `KeepMaxAbove` with this clause bit and floor.
    Mark(u32, f32),
}
