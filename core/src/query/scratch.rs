//! The evaluator's per-document scratch space: score accumulators and
//! match marks that live as long as the thread and are reset by generation
//! stamps, not by clearing, so a query costs what its postings cost,
//! whatever the corpus size.

use crate::rank::{Bm25F, Scorer};
use std::rc::Rc;

/// Per-document scratch space, reused across queries.
#[derive(Default)]
pub(super) struct Scratch {
    pub(super) generation: u32,
    /// Per document, side by side: one cache line per posting scored.
    pub(super) slots: Vec<Slot>,
    pub(super) touched: Vec<u32>,
    /// Best score of the current word among its expansions.
    pub(super) word_stamp: Vec<u32>,
    pub(super) word_best: Vec<f32>,
    pub(super) word_touched: Vec<u32>,
    pub(super) word_generation: u32,
    /// `excluded[d] == generation` when a negated clause matched `d`.
    pub(super) excluded: Vec<u32>,
    /// A bit per document matched by a list that cannot reach the page, and
    /// by every list scored before it (see `best_of_pruned`): twelve times
    /// smaller than the slots, so marking stays in cache.
    pub(super) marks: Vec<u64>,
    /// Whether this query set any of `marks`.
    pub(super) marked: bool,
    /// `(document, score)` straight from the one list of a query that is
    /// one word with one term: no accumulator is needed (see `Eval::alone`).
    pub(super) pushed: Vec<(u32, f32)>,
    /// The last scorer built, with what it was built from: its tables are
    /// the same for every query on one index.
    pub(super) scorer: Option<(ScorerKey, Rc<Scorer>)>,
}

pub(super) type ScorerKey = (Bm25F, u32, f32, f32);

/// A document's accumulator.
#[derive(Clone, Copy, Default)]
pub(super) struct Slot {
    /// Equal to the generation when `score` and `mask` are live.
    pub(super) stamp: u32,
    pub(super) score: f32,
    /// Bit `i` set when clause `i` matched.
    pub(super) mask: u32,
}

impl Scratch {
    pub(super) fn begin(&mut self, docs: usize) {
        if self.slots.len() != docs {
            *self = Scratch::default();
            self.slots = vec![Slot::default(); docs];
            self.word_stamp = vec![0; docs];
            self.word_best = vec![0.0; docs];
            self.excluded = vec![0; docs];
            self.marks = vec![0; docs.div_ceil(64)];
        }
        if self.marked {
            self.marks.fill(0);
            self.marked = false;
        }
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            // Stamps wrapped around: clear them once every 2^32 queries.
            self.slots.fill(Slot::default());
            self.excluded.fill(0);
            self.generation = 1;
        }
        self.touched.clear();
        self.pushed.clear();
    }

    /// Starts a word whose documents keep their best expansion's score.
    pub(super) fn begin_word(&mut self) {
        self.word_generation = self.word_generation.wrapping_add(1);
        if self.word_generation == 0 {
            self.word_stamp.fill(0);
            self.word_generation = 1;
        }
        self.word_touched.clear();
    }

    /// Keeps, for each document, the best score seen for the current word.
    #[inline]
    pub(super) fn best_of_word(&mut self, doc: u32, v: f32) {
        let d = doc as usize;
        if self.word_stamp[d] != self.word_generation {
            self.word_stamp[d] = self.word_generation;
            self.word_best[d] = v;
            self.word_touched.push(doc);
        } else if v > self.word_best[d] {
            self.word_best[d] = v;
        }
    }

    /// Adds the current word's best scores to the accumulators.
    pub(super) fn add_word(&mut self, bit: u32) {
        let touched = std::mem::take(&mut self.word_touched);
        for &doc in &touched {
            self.add(doc, self.word_best[doc as usize], bit);
        }
        self.word_touched = touched;
    }

    /// The `n`-th best score of the documents scored so far (`f32::MIN` if
    /// fewer; `n` > 0).
    pub(super) fn nth_best(&self, n: usize) -> f32 {
        if self.touched.len() < n {
            return f32::MIN;
        }
        let mut scores: Vec<f32> = self
            .touched
            .iter()
            .map(|&d| self.slots[d as usize].score)
            .collect();
        crate::sort::keep_first(&mut scores, n, |a, b| a > b);
        scores.last().copied().unwrap_or(f32::MIN)
    }

    /// Marks `doc` as matching without a score.
    #[inline]
    pub(super) fn mark(&mut self, doc: u32) {
        if let Some(w) = self.marks.get_mut(doc as usize / 64) {
            *w |= 1 << (doc % 64);
        }
    }

    /// Starts marking: the documents scored so far are marked too, so that
    /// the marks count every match once.
    pub(super) fn start_marking(&mut self) {
        if !self.marked {
            self.marked = true;
            for i in 0..self.touched.len() {
                self.mark(self.touched[i]);
            }
        }
    }

    /// Whether this query scored `doc` for every clause in `bits`.
    #[inline]
    pub(super) fn has_all(&self, doc: u32, bits: u32) -> bool {
        let slot = &self.slots[doc as usize];
        slot.stamp == self.generation && slot.mask & bits == bits
    }

    /// Whether `doc` matched at least `need` of the first `clauses` clauses.
    pub(super) fn matches(&self, doc: u32, clauses: u32, need: u32) -> bool {
        let all = (1u32 << clauses.min(31)) - 1;
        (self.slots[doc as usize].mask & all).count_ones() >= need
    }

    /// Like [`Scratch::add`], but keeps the larger score instead of summing.
    #[inline]
    pub(super) fn keep_max(&mut self, doc: u32, score: f32, bit: u32) {
        let slot = self.slot(doc, f32::NEG_INFINITY);
        // Not `f32::max`: its NaN rule makes it a call in WebAssembly.
        if score > slot.score {
            slot.score = score;
        }
        slot.mask |= bit;
    }

    #[inline]
    pub(super) fn add(&mut self, doc: u32, score: f32, bit: u32) {
        let slot = self.slot(doc, 0.0);
        slot.score += score;
        slot.mask |= bit;
    }

    /// `doc`'s slot, started at score `fresh` if this query had not touched it.
    #[inline]
    pub(super) fn slot(&mut self, doc: u32, fresh: f32) -> &mut Slot {
        let generation = self.generation;
        let slot = &mut self.slots[doc as usize];
        if slot.stamp != generation {
            *slot = Slot {
                stamp: generation,
                score: fresh,
                mask: 0,
            };
            self.touched.push(doc);
        }
        slot
    }
}

/// The marked documents that were not scored.
pub(super) fn marked_only(s: &Scratch) -> Vec<u32> {
    let mut out = Vec::new();
    for (i, &w) in s.marks.iter().enumerate() {
        let mut w = w;
        while w != 0 {
            let doc = (i * 64) as u32 + w.trailing_zeros();
            w &= w - 1;
            if s.slots[doc as usize].stamp != s.generation {
                out.push(doc);
            }
        }
    }
    out
}
