//! Term proximity, BM25TP-style (Rasolofo & Savoy, "Term Proximity Scoring
//! for Keyword-Based Retrieval Systems", ECIR 2003): each pair of query
//! words found within a few tokens of each other adds a saturated bonus,
//! weighted by the rarer word's idf. Applied to the best first candidates
//! only, reading their positions from the stored text.

use super::phrase::{positions, Finder};
use crate::index::Index;

/// How proximity is scored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Proximity {
    /// Bonus weight relative to a term's BM25 score.
    pub weight: f32,
    /// Farthest distance, in tokens, that still counts.
    pub window: u32,
    /// Best candidates re-scored.
    pub depth: usize,
}

/// Query words considered at most (pairs grow with the square).
const MAX_WORDS: usize = 12;

/// The bonus of each of `candidates` (document ordinals) for `words` (each a
/// term and its idf, in query order), with saturation `k1`.
pub fn bonus(
    index: &Index<'_>,
    words: &[(String, f32)],
    candidates: &[u32],
    k1: f32,
    p: Proximity,
) -> Vec<f32> {
    let words = &words[..words.len().min(MAX_WORDS)];
    let mut out = vec![0.0; candidates.len()];
    if words.len() < 2 || candidates.is_empty() {
        return out;
    }
    let terms: Vec<&str> = words.iter().map(|w| w.0.as_str()).collect();
    let mut finder = Finder::new(&terms);
    for (&doc, slot) in candidates.iter().zip(&mut out) {
        let at = positions(&mut finder, index, doc);
        for i in 0..words.len() {
            for j in i + 1..words.len() {
                let near = closeness(&at[i], &at[j], p.window);
                if near > 0.0 {
                    let idf = words[i].1.min(words[j].1);
                    *slot += p.weight * idf * near * (k1 + 1.0) / (near + k1);
                }
            }
        }
    }
    out
}

/// Sum of 1 / distance² over the occurrences of two words at most `window`
/// tokens apart.
fn closeness(a: &[u32], b: &[u32], window: u32) -> f32 {
    let mut sum = 0.0;
    let mut start = 0;
    for &x in a {
        while start < b.len() && b[start] + window < x {
            start += 1;
        }
        for &y in &b[start..] {
            if y > x + window {
                break;
            }
            let d = x.abs_diff(y);
            if d > 0 {
                sum += 1.0 / (d * d) as f32;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::closeness;

    #[test]
    fn closeness_counts_pairs_within_the_window() {
        assert_eq!(closeness(&[1], &[2], 5), 1.0);
        assert_eq!(closeness(&[3], &[1], 5), 0.25);
        assert_eq!(closeness(&[1], &[9], 5), 0.0);
        assert_eq!(closeness(&[1, 10], &[2, 11], 5), 2.0);
        assert_eq!(closeness(&[4], &[4], 5), 0.0);
        assert_eq!(closeness(&[], &[1], 5), 0.0);
    }
}
