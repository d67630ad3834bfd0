//! Shared by the tests that compare two ways of getting one result
//! (pruned and full evaluation, stored answers and evaluation).

use quarry_core::SearchResults;

/// Whether `a` and `b` hold the same page (scores to the bit), total,
/// terms, facets and suggestion; else both, for the failure message.
pub fn same(a: &SearchResults, b: &SearchResults) -> Result<(), String> {
    let page = |r: &SearchResults| -> Vec<(u32, u32)> {
        r.hits.iter().map(|h| (h.doc, h.score.to_bits())).collect()
    };
    if a.total != b.total
        || page(a) != page(b)
        || a.terms != b.terms
        || a.term_clauses != b.term_clauses
        || a.facets != b.facets
        || a.suggestion != b.suggestion
    {
        return Err(format!("first {a:?}\nsecond {b:?}"));
    }
    Ok(())
}
