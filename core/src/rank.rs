//! BM25F: per-field length-normalized term frequencies, weighted and summed
//! before one saturation (Robertson & Zaragoza, "The Probabilistic Relevance
//! Framework: BM25 and Beyond", 2009, section 3.4).

use crate::index::format::decode_norm;

/// Ranking parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bm25F {
    /// Term-frequency saturation.
    pub k1: f32,
    /// Title weight relative to the body.
    pub w_title: f32,
    /// Body weight.
    pub w_body: f32,
    /// Title length normalization.
    pub b_title: f32,
    /// Body length normalization.
    pub b_body: f32,
    /// Longest body, as a multiple of the average, that length
    /// normalization tells from a shorter one: a reference page many times
    /// the average (`Option` in the Rust docs) is normalized as this long.
    pub max_body: f32,
}

impl Default for Bm25F {
    fn default() -> Self {
        // k1 = 2 measured best on Cranfield (EVALUATION.md); the title
        // weight was a wash there and helps short queries on titled news.
        Bm25F {
            k1: 2.0,
            w_title: 2.5,
            w_body: 1.0,
            b_title: 0.75,
            b_body: 0.75,
            max_body: 4.0,
        }
    }
}

/// BM25F bound to one index's statistics. Field lengths are stored as
/// one-byte codes, so each field's length normalization is a 256-entry
/// table computed once: scoring a posting costs no division by length.
#[derive(Debug, Clone)]
pub struct Scorer {
    params: Bm25F,
    docs: f32,
    /// `w_title / (1 - b + b * len / avg)` by title length code.
    title: [f32; 256],
    /// The same for the body.
    body: [f32; 256],
    /// By body length code, the saturated frequency of a term once in the
    /// body and not in the title, four postings in five: scored with one
    /// multiplication.
    once: [f32; 256],
    /// [`Scorer::idf`] of the rarer terms, which are most completions and
    /// typo candidates: a logarithm is a call in WebAssembly.
    rare_idf: [f32; 256],
}

impl Scorer {
    /// A scorer for an index of `docs` documents with these average lengths.
    pub fn new(params: Bm25F, docs: u32, avg_title: f32, avg_body: f32) -> Self {
        let table = |w: f32, b: f32, avg: f32, max: f32| {
            let avg = avg.max(1.0);
            let mut t = [0f32; 256];
            for (code, slot) in t.iter_mut().enumerate() {
                let len = (decode_norm(code as u8) as f32).min(max * avg);
                *slot = w / (1.0 - b + b * len / avg);
            }
            t
        };
        let body = table(params.w_body, params.b_body, avg_body, params.max_body);
        let mut rare_idf = [0f32; 256];
        for (df, slot) in rare_idf.iter_mut().enumerate() {
            *slot = idf(docs as f32, df as f32);
        }
        Scorer {
            params,
            docs: docs as f32,
            title: table(params.w_title, params.b_title, avg_title, f32::INFINITY),
            once: body.map(|t| saturate(params.k1, t)),
            body,
            rare_idf,
        }
    }

    /// Term-frequency saturation.
    pub fn k1(&self) -> f32 {
        self.params.k1
    }

    /// Inverse document frequency, never negative (Lucene's form).
    pub fn idf(&self, df: u32) -> f32 {
        match self.rare_idf.get(df as usize) {
            Some(&v) => v,
            None => idf(self.docs, df as f32),
        }
    }

    /// More than any score of a term of this `idf` in any document: the
    /// limit of the saturation as the frequency grows, raised by far more
    /// than the rounding of a score can add.
    pub fn bound(&self, idf: f32) -> f32 {
        idf * (self.params.k1 + 1.0) * 1.001
    }

    /// Whether [`Scorer::score`] is positive for these frequencies: the
    /// documents a list matches, told without scoring them.
    #[inline]
    pub fn matches(&self, tf: (u32, u32), title_only: bool) -> bool {
        (tf.0 > 0 && self.params.w_title > 0.0)
            || (!title_only && tf.1 > 0 && self.params.w_body > 0.0)
    }

    /// Whether [`Scorer::matches`] holds for every posting (each has a
    /// title or a body occurrence).
    #[inline]
    pub fn matches_any(&self, title_only: bool) -> bool {
        self.params.w_title > 0.0 && !title_only && self.params.w_body > 0.0
    }

    /// The score of one term in one document from its frequencies and
    /// length codes. `title_only` ignores the body.
    #[inline]
    pub fn score(&self, idf: f32, tf: (u32, u32), codes: (u8, u8), title_only: bool) -> f32 {
        if tf == (0, 1) && !title_only {
            return idf * self.once[codes.1 as usize];
        }
        let mut t = tf.0 as f32 * self.title[codes.0 as usize];
        if !title_only {
            t += tf.1 as f32 * self.body[codes.1 as usize];
        }
        idf * saturate(self.params.k1, t)
    }
}

/// Inverse document frequency of a term in `df` of `docs` documents.
pub fn idf(docs: f32, df: f32) -> f32 {
    (1.0 + (docs - df + 0.5) / (df + 0.5)).ln()
}

/// BM25's saturation of a weighted frequency `t` (0 for none).
fn saturate(k1: f32, t: f32) -> f32 {
    if t <= 0.0 {
        return 0.0;
    }
    t * (k1 + 1.0) / (k1 + t)
}

/// A score as `search` returns it: to four decimals, as a reader compares
/// no more, so that a stored answer keeps each score as a small whole
/// number of [`SHOWN_PER_POINT`] (`index::answers`) and gives the same
/// bits as evaluating the query (`js/hits.js` rounds the same way, from
/// the `f32` to a JavaScript number). Half up by `floor`, one WebAssembly
/// instruction, where `round` is a call to a hundred bytes of code.
pub fn shown(score: f32) -> f32 {
    ((f64::from(score) * SHOWN_PER_POINT + 0.5).floor() / SHOWN_PER_POINT) as f32
}

/// Units of a shown score per point.
pub const SHOWN_PER_POINT: f64 = 1e4;

/// A shown score in whole [`SHOWN_PER_POINT`] units, as a stored answer
/// keeps it (negative scores, which `search` never gives, as 0).
pub fn shown_units(score: f32) -> u64 {
    (f64::from(score) * SHOWN_PER_POINT).round() as u64
}

/// The score of `units` whole [`SHOWN_PER_POINT`] units: the inverse of
/// [`shown_units`] for a score [`shown`] gave.
pub fn from_shown_units(units: u64) -> f32 {
    (units as f64 / SHOWN_PER_POINT) as f32
}

/// Best score first, ties by document ordinal: the one order of every
/// ranking (results, feedback documents, proximity candidates).
pub fn by_score(a: &(u32, f32), b: &(u32, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Pages up to this long are kept by insertion instead of a heap.
const SMALL_PAGE: usize = 16;

/// Keeps the `k` best of `docs`, best first by [`by_score`].
pub fn keep_best(docs: &mut Vec<(u32, f32)>, k: usize) {
    // Most documents lose to the worst kept on score alone; a lower score
    // is never first by `by_score` (a NaN or a zero's sign falls through).
    let before = |a: &(u32, f32), b: &(u32, f32)| {
        a.1.partial_cmp(&b.1) != Some(std::cmp::Ordering::Less) && by_score(a, b).is_lt()
    };
    if k == 0 || k > SMALL_PAGE || docs.len() <= k {
        crate::sort::keep_first(docs, k, before);
        return;
    }
    // A page: the best `k` so far kept sorted, each better document moved
    // into place. A heap's sifting cost a tenth of a one-word query.
    crate::sort::sort_by(&mut docs[..k], before);
    for i in k..docs.len() {
        let x = docs[i];
        if !before(&x, &docs[k - 1]) {
            continue;
        }
        let mut j = k - 1;
        while j > 0 && by_score(&x, &docs[j - 1]).is_lt() {
            docs[j] = docs[j - 1];
            j -= 1;
        }
        docs[j] = x;
    }
    docs.truncate(k);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::format::encode_norm;

    fn codes(t: u32, b: u32) -> (u8, u8) {
        (encode_norm(t), encode_norm(b))
    }

    #[test]
    fn more_occurrences_and_title_score_higher() {
        let s = Scorer::new(Bm25F::default(), 100, 10.0, 100.0);
        let idf = s.idf(5);
        let once = s.score(idf, (0, 1), codes(10, 100), false);
        let twice = s.score(idf, (0, 2), codes(10, 100), false);
        let title = s.score(idf, (1, 0), codes(10, 100), false);
        assert!(twice > once && title > once);
        assert_eq!(s.score(idf, (0, 3), codes(10, 100), true), 0.0);
        assert!(s.idf(1) > s.idf(50) && s.idf(100) > 0.0);
    }

    #[test]
    fn bodies_past_the_cap_are_normalized_as_the_cap() {
        let s = Scorer::new(Bm25F::default(), 100, 10.0, 100.0);
        let idf = s.idf(5);
        let at = |body: u32| s.score(idf, (0, 3), codes(10, body), false);
        // Below four times the average, longer is lower; past it, equal.
        assert!(at(100) > at(200) && at(200) > at(400));
        assert_eq!(at(500), at(1000));
        assert_eq!(at(500), at(100_000));
        let uncapped = Bm25F {
            max_body: f32::INFINITY,
            ..Bm25F::default()
        };
        let u = Scorer::new(uncapped, 100, 10.0, 100.0);
        assert!(u.score(idf, (0, 3), codes(10, 1000), false) < at(1000));
        assert_eq!(u.score(idf, (0, 3), codes(10, 200), false), at(200));
    }

    #[test]
    fn bound_and_matches_agree_with_scores() {
        for params in [
            Bm25F::default(),
            Bm25F {
                w_title: 0.0,
                ..Bm25F::default()
            },
            Bm25F {
                k1: 0.0,
                ..Bm25F::default()
            },
            Bm25F {
                w_body: 0.0,
                ..Bm25F::default()
            },
        ] {
            let s = Scorer::new(params, 1000, 8.0, 120.0);
            for df in [1, 10, 999, 1000] {
                let idf = s.idf(df);
                for tf_title in [0, 1, 3, 1000] {
                    for tf_body in [0, 1, 7, 100_000] {
                        for len in [0, 1, 8, 60, 5000] {
                            let codes = codes(len, len * 10);
                            for title_only in [false, true] {
                                let tf = (tf_title, tf_body);
                                let v = s.score(idf, tf, codes, title_only);
                                assert!(v < s.bound(idf), "{v} for {tf:?} {codes:?}");
                                assert_eq!(v > 0.0, s.matches(tf, title_only), "{tf:?} {params:?}");
                                // A posting has an occurrence somewhere.
                                if tf != (0, 0) && s.matches_any(title_only) {
                                    assert!(v > 0.0, "{tf:?} {params:?}");
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    proptest::proptest! {
        /// The quick test on scores changes no order, NaN and signed zeros
        /// included.
        #[test]
        fn keep_best_is_a_prefix_of_the_full_order(
            picks in proptest::collection::vec((0u32..50, 0usize..6), 0..80),
            k in 0usize..20,
        ) {
            const SCORES: [f32; 6] = [f32::NAN, -0.0, 0.0, 1.0, 2.5, f32::INFINITY];
            let mut docs: Vec<(u32, f32)> = picks.iter().map(|&(d, s)| (d, SCORES[s])).collect();
            let mut want = docs.clone();
            crate::sort::sort_by(&mut want, |a, b| by_score(a, b).is_lt());
            want.truncate(k);
            keep_best(&mut docs, k);
            let bits = |v: &[(u32, f32)]| v.iter().map(|&(d, s)| (d, s.to_bits())).collect::<Vec<_>>();
            proptest::prop_assert_eq!(bits(&docs), bits(&want));
        }
    }

    #[test]
    fn longer_documents_score_lower() {
        let s = Scorer::new(Bm25F::default(), 100, 10.0, 100.0);
        let idf = s.idf(5);
        assert!(
            s.score(idf, (0, 1), codes(10, 50), false)
                > s.score(idf, (0, 1), codes(10, 400), false)
        );
    }

    #[test]
    fn matches_the_textbook_formula() {
        let p = Bm25F::default();
        let s = Scorer::new(p, 1000, 8.0, 120.0);
        let (tf_t, tf_b, lt, lb) = (1.0f32, 3.0f32, 8.0f32, 60.0f32);
        let t = p.w_title * tf_t / (1.0 - p.b_title + p.b_title * lt / 8.0)
            + p.w_body * tf_b / (1.0 - p.b_body + p.b_body * lb / 120.0);
        let idf = s.idf(10);
        let want = idf * t * (p.k1 + 1.0) / (p.k1 + t);
        let got = s.score(idf, (1, 3), codes(8, 60), false);
        assert!((got - want).abs() < 1e-5, "{got} vs {want}");
    }
}
