//! MaxScore for a query of one word: only the documents that can reach
//! the page asked for are scored; the others are only counted.

use super::lists::{Accumulate, Lists};
use super::Eval;
use crate::query::ast::Query;
use crate::query::expand::Expansion;
use crate::search::SearchOptions;

/// How many of the best documents the results need, when that bounds what
/// must be scored: one positive word (a document's score is its best
/// expansion's), nothing excluded or filtered afterwards, ranked by score
/// with no bonus added later. `None` when every match must be scored.
pub(super) fn page_to_prune(query: &Query, opts: &SearchOptions) -> Option<usize> {
    let t = &opts.tuning;
    (t.prune
        && query.is_one_word()
        && query.filters.is_empty()
        && opts.filters.is_empty()
        && opts.sort == crate::search::Sort::Relevance
        && t.proximity.is_none())
    .then(|| opts.offset.saturating_add(opts.limit))
}

/// Lists shorter than this are scored whatever their bound: checking the
/// bound costs more than they do.
const MIN_PRUNED_DF: u32 = 32;

impl Eval<'_, '_, '_> {
    /// MaxScore over one word's expansions, when the word is the whole
    /// query and only the best `page` documents are shown. Lists go from
    /// the highest score bound down; once the `page`-th best score so far
    /// beats a list's bound, no document can gain a place from it, so its
    /// documents are only marked as matching (for the total and facets)
    /// with a score of 0, which is below their true one, and every later
    /// list's bound is lower still. In a list whose bound beats that
    /// floor, a posting scoring below it is only marked too: the document
    /// needs a better posting elsewhere to reach the page, and one that
    /// never gets a true score never ranks above its place. The page and
    /// the total come out the same as scoring everything.
    pub(super) fn best_of_pruned(
        &mut self,
        exp: &[Expansion],
        page: usize,
        bit: u32,
        title_only: bool,
    ) {
        let scorer = &self.scorer;
        // Without the one-word title's factor, which a marked list still
        // gives its few such postings (`Accumulate::Mark`): with it, every
        // completion's bound was three times its body's best.
        let bound = |e: &Expansion| e.weight * scorer.bound(scorer.idf(e.info.df));
        let mut order: Vec<(f32, &Expansion)> = exp.iter().map(|e| (bound(e), e)).collect();
        crate::sort::sort_by(&mut order, |a, b| a.0 > b.0);
        // The `page`-th best score, and how many documents it was taken over.
        let mut floor = if page == 0 { f32::INFINITY } else { f32::MIN };
        let widest = crate::search::most_linked(self.index, &self.opts.tuning);
        let mut floor_over = 0;
        for (bound, e) in order {
            let s = &mut *self.s;
            // The floor only rises: worth finding again once the documents
            // it was taken over have doubled.
            let grown = s.touched.len() >= page.max(2 * floor_over);
            if bound >= floor && e.info.df >= MIN_PRUNED_DF && grown {
                // Links may still raise a score by up to `widest`.
                floor = s.nth_best(page);
                if floor > 0.0 {
                    floor /= widest;
                }
                floor_over = s.touched.len();
            }
            let into = if bound < floor {
                // Every later list's bound is lower still: all are marked.
                self.out.lists_unscored += 1;
                s.start_marking();
                Accumulate::Mark(bit, floor)
            } else if floor > f32::MIN {
                // Only its postings that beat the floor can reach the page.
                s.start_marking();
                Accumulate::KeepMaxAbove(bit, floor)
            } else {
                Accumulate::KeepMax(bit)
            };
            let lists = Lists {
                index: self.index,
                scorer,
                title_only,
                required: 0,
                exact_title: self.exact_title,
            };
            lists.score(s, &mut self.out.postings_read, e, into);
        }
    }
}
