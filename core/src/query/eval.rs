//! Evaluates a [`Query`] against an index: the matching documents with
//! their BM25F scores, and the terms to highlight.

use super::ast::{Atom, Clause, Filter, Query, Scope};
use super::expand::{expand, Expansion, Kind};
use super::feedback::{expansion, Feedback};
use crate::index::{Index, Posting};
use crate::rank::Scorer;
use crate::search::SearchOptions;
use crate::text::stopwords::is_stopword;

/// Up to this many positive clauses, every one must match; longer queries
/// (natural-language questions) rank documents that match any of them.
pub const MAX_ALL_REQUIRED: usize = 3;

/// Matching documents in ordinal order, with scores, and the dictionary
/// terms that matched (for highlighting).
#[derive(Debug, Default)]
pub struct Matches {
    /// `(document, score)` in ascending document order.
    pub docs: Vec<(u32, f32)>,
    /// Terms to highlight.
    pub terms: Vec<String>,
}

/// Runs `query` against `index` with the filters, typo tolerance and
/// tuning of `opts`.
pub fn evaluate(index: &Index<'_>, query: &Query, opts: &SearchOptions) -> Matches {
    let (avg_title, avg_body) = index.avg_lengths();
    let scorer = Scorer::new(opts.tuning.bm25, index.doc_count(), avg_title, avg_body);
    let ctx = Ctx {
        index,
        scorer,
        fuzzy: opts.fuzzy,
    };
    let extra = &opts.filters;
    let ranked = query.positive().count() > MAX_ALL_REQUIRED;
    let mut terms = Vec::new();
    let mut lists: Vec<Vec<(u32, f32)>> = Vec::new();
    for clause in query.positive() {
        if ranked && opts.tuning.stopwords && is_stopword_clause(clause) {
            continue;
        }
        lists.push(ctx.clause(clause, &mut terms));
    }
    let filters: Vec<&Filter> = query.filters.iter().chain(extra).collect();
    let mut docs = if lists.is_empty() {
        if filters.is_empty() {
            Vec::new()
        } else {
            (0..index.doc_count()).map(|d| (d, 0.0)).collect()
        }
    } else {
        let need = if ranked { 1 } else { lists.len() };
        let docs = combine(lists, need);
        match opts.tuning.feedback {
            Some(fb) if ranked => {
                terms.sort();
                terms.dedup();
                ctx.with_feedback(docs, &terms, fb)
            }
            _ => docs,
        }
    };
    let mut ignored = Vec::new();
    for clause in query.clauses.iter().filter(|c| c.negated) {
        let excluded = ctx.clause(clause, &mut ignored);
        docs.retain(|(d, _)| excluded.binary_search_by_key(d, |e| e.0).is_err());
    }
    if !filters.is_empty() {
        docs.retain(|&(d, _)| filters.iter().all(|f| passes(index, d, f)));
    }
    terms.sort();
    terms.dedup();
    Matches { docs, terms }
}

struct Ctx<'i, 'a> {
    index: &'i Index<'a>,
    scorer: Scorer,
    fuzzy: bool,
}

impl Ctx<'_, '_> {
    /// Documents matching any alternative, scores summed.
    fn clause(&self, clause: &Clause, terms: &mut Vec<String>) -> Vec<(u32, f32)> {
        let lists: Vec<Vec<(u32, f32)>> = clause.alts.iter().map(|a| self.atom(a, terms)).collect();
        combine(lists, 1)
    }

    fn atom(&self, atom: &Atom, terms: &mut Vec<String>) -> Vec<(u32, f32)> {
        match atom {
            Atom::Word {
                term,
                scope,
                prefix,
            } => {
                let exp = expand(self.index, term, prefix.as_deref(), self.fuzzy);
                let mut scored: Vec<(u32, f32)> = Vec::new();
                for e in &exp {
                    let before = scored.len();
                    self.score_postings(e, *scope, &mut scored);
                    if scored.len() > before {
                        terms.push(e.term.clone());
                    }
                }
                // One word counts once per document: its best expansion.
                scored.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
                scored.dedup_by_key(|e| e.0);
                scored
            }
            Atom::Phrase {
                terms: words,
                scope,
            } => {
                let found = super::phrase::matches(self.index, words, *scope);
                if !found.is_empty() {
                    terms.extend(words.iter().cloned());
                }
                found
                    .into_iter()
                    .map(|(doc, postings)| {
                        let score = words
                            .iter()
                            .zip(&postings)
                            .map(|(w, p)| {
                                let df = self.index.term(w).map_or(1, |t| t.df);
                                self.posting_score(df, p, *scope, 1.0)
                            })
                            .sum();
                        (doc, score)
                    })
                    .collect()
            }
        }
    }

    /// Adds the feedback terms of the best of `docs` to their scores.
    fn with_feedback(
        &self,
        docs: Vec<(u32, f32)>,
        query_terms: &[String],
        fb: Feedback,
    ) -> Vec<(u32, f32)> {
        let mut lists = Vec::new();
        for (term, w) in expansion(self.index, &docs, query_terms, fb) {
            let Some(info) = self.index.term(&term) else {
                continue;
            };
            let mut scored = Vec::new();
            let e = Expansion {
                term,
                info,
                weight: fb.weight * w,
                kind: Kind::Exact,
            };
            self.score_postings(&e, Scope::Any, &mut scored);
            lists.push(scored);
        }
        lists.push(docs);
        combine(lists, 1)
    }

    fn score_postings(&self, e: &Expansion, scope: Scope, out: &mut Vec<(u32, f32)>) {
        for p in self.index.postings(e.info) {
            let s = self.posting_score(e.info.df, &p, scope, e.weight);
            if s > 0.0 {
                out.push((p.doc, s));
            }
        }
    }

    fn posting_score(&self, df: u32, p: &Posting, scope: Scope, weight: f32) -> f32 {
        let idf = self.scorer.idf(df);
        let len = self.index.lengths(p.doc);
        weight
            * self
                .scorer
                .score(idf, (p.tf_title, p.tf_body), len, scope == Scope::Title)
    }
}

/// Merges sorted `(doc, score)` lists: documents present in at least
/// `need` lists, scores summed.
fn combine(lists: Vec<Vec<(u32, f32)>>, need: usize) -> Vec<(u32, f32)> {
    if lists.len() == 1 {
        return lists.into_iter().next().unwrap_or_default();
    }
    let mut all: Vec<(u32, f32)> = lists.into_iter().flatten().collect();
    all.sort_unstable_by_key(|e| e.0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let doc = all[i].0;
        let (mut n, mut score) = (0, 0.0);
        while i < all.len() && all[i].0 == doc {
            n += 1;
            score += all[i].1;
            i += 1;
        }
        if n >= need {
            out.push((doc, score));
        }
    }
    out
}

fn is_stopword_clause(clause: &Clause) -> bool {
    matches!(clause.alts.as_slice(), [Atom::Word { term, .. }] if is_stopword(term))
}

fn passes(index: &Index<'_>, doc: u32, filter: &Filter) -> bool {
    match filter {
        Filter::Place(place) => index
            .field_str(doc, "place")
            .is_some_and(|p| crate::text::fold(p) == *place),
        Filter::Date { from, to } => index
            .field_str(doc, "date")
            .is_some_and(|d| d >= from.as_str() && d <= to.as_str()),
    }
}
