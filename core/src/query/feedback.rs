//! Pseudo-relevance feedback (RM3-like): the words that the best first
//! results share, added to a long query with a small weight. It recovers
//! documents that answer a question in other words. Used only for long,
//! ranked queries, so that short queries stay exactly what was typed.

use crate::index::Index;
use crate::rank::keep_best;
use crate::text::stem::FxHashMap;
use crate::text::{for_each_token, stopwords::is_stopword};

/// How feedback is done.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Feedback {
    /// First results read.
    pub docs: usize,
    /// Expansion terms added.
    pub terms: usize,
    /// Weight of the expansion terms relative to the query's own.
    pub weight: f32,
}

/// Tokens read at most from each feedback document.
const MAX_TOKENS: usize = 2000;

/// The `fb.terms` best expansion terms from the top `fb.docs` of `ranked`
/// (document, score), each with a weight in (0, 1], skipping `query_terms`
/// (sorted) and stopwords.
pub fn expansion(
    index: &Index<'_>,
    ranked: &[(u32, f32)],
    query_terms: &[String],
    fb: Feedback,
) -> Vec<(String, f32)> {
    let mut top: Vec<(u32, f32)> = ranked.to_vec();
    let k = fb.docs.min(top.len());
    if k == 0 || fb.terms == 0 {
        return Vec::new();
    }
    keep_best(&mut top, k);
    let total: f32 = top.iter().map(|d| d.1).sum::<f32>().max(f32::MIN_POSITIVE);
    // Per term, its weight so far and its count in the current document:
    // one map for both, so the engine carries one hash table type less.
    let mut weights: FxHashMap<(f32, u32)> = FxHashMap::default();
    for &(doc, score) in &top {
        let mut len = 0u32;
        let title = index.doc(doc).map_or("", |d| d.title);
        for text in [title, index.body(doc).unwrap_or("")] {
            for_each_token(text, |t| {
                if (len as usize) < MAX_TOKENS {
                    len += 1;
                    weights.entry(t.term.to_string()).or_default().1 += 1;
                }
            });
        }
        let doc_weight = score / total / len.max(1) as f32;
        for w in weights.values_mut().filter(|w| w.1 > 0) {
            w.0 += doc_weight * w.1 as f32;
            w.1 = 0;
        }
    }
    let n = index.doc_count() as f32;
    let mut terms: Vec<(String, f32)> = weights
        .into_iter()
        .filter(|(t, _)| t.len() > 2 && !is_stopword(t) && query_terms.binary_search(t).is_err())
        .filter_map(|(t, (w, _))| {
            // Favour words that say something: rare in the corpus as a whole.
            let df = index.term(&t)?.df as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            Some((t, w * idf))
        })
        .collect();
    crate::sort::keep_first(&mut terms, fb.terms, |a, b| {
        b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)).is_lt()
    });
    let max = terms.first().map_or(1.0, |t| t.1).max(f32::MIN_POSITIVE);
    terms.into_iter().map(|(t, w)| (t, w / max)).collect()
}
