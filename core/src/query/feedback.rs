//! Pseudo-relevance feedback (RM3-like): the words that the best first
//! results share, added to a long query with a small weight. It recovers
//! documents that answer a question in other words. Used only for long,
//! ranked queries, so that short queries stay exactly what was typed.

use crate::index::Index;
use crate::rank::keep_best;
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
    /// Fewest words (clauses, stopwords not counted) a query needs for
    /// feedback.
    pub min_words: u32,
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
    // Each document's terms with their weight there and the document's
    // rank, sorted by term then rank, so that each term's weights are
    // summed in rank order. Sorted lists, not a hash map: this is the
    // engine's only other use of one, and its code is not worth the bytes.
    let mut weighed: Vec<(String, usize, f32)> = Vec::new();
    let mut tokens: Vec<String> = Vec::new();
    for (rank, &(doc, score)) in top.iter().enumerate() {
        tokens.clear();
        let title = index.doc(doc).map_or("", |d| d.title);
        for text in [title, index.body(doc).unwrap_or("")] {
            for_each_token(text, |t| {
                if tokens.len() < MAX_TOKENS {
                    tokens.push(t.term.to_string());
                }
            });
        }
        let doc_weight = score / total / tokens.len().max(1) as f32;
        crate::sort::sort_by(&mut tokens, |a, b| a < b);
        for run in tokens.chunk_by(|a, b| a == b) {
            weighed.push((run[0].clone(), rank, doc_weight * run.len() as f32));
        }
    }
    crate::sort::sort_by(&mut weighed, |a, b| (&a.0, a.1) < (&b.0, b.1));
    let mut weights: Vec<(String, f32)> = Vec::new();
    for run in weighed.chunk_by(|a, b| a.0 == b.0) {
        let w = run.iter().fold(0.0, |sum, r| sum + r.2);
        weights.push((run[0].0.clone(), w));
    }
    let n = index.doc_count() as f32;
    let mut terms: Vec<(String, f32)> = weights
        .into_iter()
        .filter(|(t, _)| t.len() > 2 && !is_stopword(t) && query_terms.binary_search(t).is_err())
        .filter_map(|(t, w)| {
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
