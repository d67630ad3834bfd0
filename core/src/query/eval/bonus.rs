//! What ranked queries add to the scores: words standing close together
//! (`proximity`) and the words the best first results share (`feedback`).

use super::Eval;
use crate::query::ast::Scope;
use crate::query::expand::{Expansion, Kind};
use crate::query::feedback::{expansion, Feedback};
use crate::query::proximity::{bonus, Proximity};
use crate::rank::keep_best;

impl Eval<'_, '_, '_> {
    /// Adds a bonus to the best candidates matching `need` of `clauses`
    /// where query words stand close together (see `proximity`).
    pub(super) fn proximity(&mut self, p: Proximity, clauses: u32, need: u32) {
        if self.words.len() < 2 {
            return;
        }
        let s = &*self.s;
        let mut top: Vec<(u32, f32)> = s
            .touched
            .iter()
            .filter(|&&d| s.matches(d, clauses, need))
            .map(|&d| (d, s.slots[d as usize].score))
            .collect();
        keep_best(&mut top, p.depth);
        if top.is_empty() {
            return;
        }
        let docs: Vec<u32> = top.into_iter().map(|(d, _)| d).collect();
        let extra = bonus(self.index, &self.words, &docs, self.scorer.k1(), p);
        for (&doc, v) in docs.iter().zip(extra) {
            if v > 0.0 {
                self.s.add(doc, v, 1 << 31);
            }
        }
    }

    /// Adds the words the best first results share (see `feedback`).
    pub(super) fn feedback(&mut self, fb: Feedback) {
        let ranked: Vec<(u32, f32)> = self
            .s
            .touched
            .iter()
            .map(|&d| (d, self.s.slots[d as usize].score))
            .collect();
        let mut query_terms: Vec<String> = self.out.terms.iter().map(|t| t.to_string()).collect();
        sort_unique(&mut query_terms);
        for (term, w) in expansion(self.index, &ranked, &query_terms, fb) {
            let Some(info) = self.index.term(&term) else {
                continue;
            };
            let e = Expansion {
                term: term.into(),
                info,
                weight: fb.weight * w,
                kind: Kind::Exact,
                written: None,
            };
            // Bit 31: counts as no clause of the query's own.
            self.word(std::slice::from_ref(&e), Scope::Any, 1 << 31);
        }
    }
}

/// Sorts `terms` and drops repeats.
fn sort_unique(terms: &mut Vec<String>) {
    crate::sort::sort_by(terms, |a, b| a < b);
    terms.dedup();
}
