//! BM25F: per-field length-normalized term frequencies, weighted and summed
//! before one saturation (Robertson & Zaragoza, "The Probabilistic Relevance
//! Framework: BM25 and Beyond", 2009, section 3.4).

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
        }
    }
}

/// BM25F bound to one index's statistics.
#[derive(Debug, Clone, Copy)]
pub struct Scorer {
    params: Bm25F,
    docs: f32,
    avg_title: f32,
    avg_body: f32,
}

impl Scorer {
    /// A scorer for an index of `docs` documents with these average lengths.
    pub fn new(params: Bm25F, docs: u32, avg_title: f32, avg_body: f32) -> Self {
        Scorer {
            params,
            docs: docs as f32,
            avg_title: avg_title.max(1.0),
            avg_body: avg_body.max(1.0),
        }
    }

    /// Inverse document frequency, never negative (Lucene's form).
    pub fn idf(&self, df: u32) -> f32 {
        let df = df as f32;
        (1.0 + (self.docs - df + 0.5) / (df + 0.5)).ln()
    }

    /// The score of one term in one document. `title_only` ignores the body.
    pub fn score(&self, idf: f32, tf: (u32, u32), len: (u32, u32), title_only: bool) -> f32 {
        let p = &self.params;
        let norm =
            |tf: u32, len: u32, avg: f32, b: f32| tf as f32 / (1.0 - b + b * len as f32 / avg);
        let mut t = p.w_title * norm(tf.0, len.0, self.avg_title, p.b_title);
        if !title_only {
            t += p.w_body * norm(tf.1, len.1, self.avg_body, p.b_body);
        }
        if t <= 0.0 {
            return 0.0;
        }
        idf * t * (p.k1 + 1.0) / (p.k1 + t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_occurrences_and_title_score_higher() {
        let s = Scorer::new(Bm25F::default(), 100, 10.0, 100.0);
        let idf = s.idf(5);
        let once = s.score(idf, (0, 1), (10, 100), false);
        let twice = s.score(idf, (0, 2), (10, 100), false);
        let title = s.score(idf, (1, 0), (10, 100), false);
        assert!(twice > once && title > once);
        assert_eq!(s.score(idf, (0, 3), (10, 100), true), 0.0);
        assert!(s.idf(1) > s.idf(50) && s.idf(100) > 0.0);
    }

    #[test]
    fn longer_documents_score_lower() {
        let s = Scorer::new(Bm25F::default(), 100, 10.0, 100.0);
        let idf = s.idf(5);
        assert!(s.score(idf, (0, 1), (10, 50), false) > s.score(idf, (0, 1), (10, 400), false));
    }
}
