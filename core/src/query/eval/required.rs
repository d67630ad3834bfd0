//! A query of two or three required words, scored from the rarest word on.

use super::{Eval, MAX_ALL_REQUIRED};
use crate::query::ast::{Atom, Query};
use crate::query::expand::Expansion;

impl<'i> Eval<'_, 'i, '_> {
    /// Scores a query of two or three required plain words (each clause
    /// one word, up to [`MAX_ALL_REQUIRED`]), the one with fewest postings
    /// first: with pruning, every later one then
    /// scores only the documents all before it matched (`required`). A
    /// word that matches nothing spares the others' scoring. The order is
    /// the same without pruning, so that scores, summed in it, agree to
    /// the bit; clause bits and the terms noted keep the query's order.
    /// False, having done nothing, for any other query.
    pub(super) fn required_words(&mut self, query: &Query) -> bool {
        let words: Vec<&Atom> = query
            .positive()
            .filter_map(|c| match c.alts.as_slice() {
                [w @ Atom::Word { .. }] => Some(w),
                _ => None,
            })
            .collect();
        let n = words.len();
        if !(2..=MAX_ALL_REQUIRED).contains(&n) || n != query.positive().count() {
            return false;
        }
        let exps: Vec<Vec<Expansion<'i>>> = (words.iter().enumerate())
            .map(|(at, w)| self.expand_word(w, at))
            .collect();
        let cost = |i: usize| exps[i].iter().map(|e| u64::from(e.info.df)).sum::<u64>();
        // An insertion sort: three words at most, and no sort's code.
        let mut order = [0, 1, 2];
        for i in 1..n {
            let mut j = i;
            while j > 0 && cost(order[j]) < cost(order[j - 1]) {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
        if cost(order[0]) > 0 {
            for &i in &order[..n] {
                if let Atom::Word { scope, .. } = words[i] {
                    self.word(&exps[i], *scope, 1 << i);
                    if self.opts.tuning.prune {
                        self.required |= 1 << i;
                    }
                }
            }
        }
        for (i, (w, exp)) in words.iter().zip(exps).enumerate() {
            if let Atom::Word { term, .. } = w {
                self.note_terms(term, exp, 1 << i);
            }
        }
        true
    }
}
