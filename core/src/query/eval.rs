//! Evaluates a [`Query`] against an index: the matching documents with
//! their BM25F scores, and the terms to highlight.
//!
//! Term-at-a-time over postings into score accumulators (`scratch`) that
//! live as long as the thread and are reset by generation stamps, not by
//! clearing: a query costs what its postings cost, whatever the corpus
//! size.

mod bonus;
mod filters;
mod lists;
mod pruning;
mod required;

use super::ast::{Atom, Clause, Filter, Query, Scope};
use super::expand::{expand, joins, Expansion, Kind};
use super::scratch::{marked_only, Scratch};
use crate::index::Index;
use crate::rank::Scorer;
use crate::search::SearchOptions;
use crate::text::stopwords::is_stopword;
use filters::{allowed, Allowed};
use lists::{Accumulate, Lists};
use pruning::page_to_prune;
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

/// Up to this many positive clauses, every one must match; longer queries
/// (natural-language questions) rank documents that match any of them.
pub const MAX_ALL_REQUIRED: usize = 3;

/// Matching documents with scores, and what else the query learned.
#[derive(Debug, Default)]
pub struct Matches<'i> {
    /// `(document, score)`, in no particular order: the documents that may
    /// be ranked.
    pub docs: Vec<(u32, f32)>,
    /// Documents matching: `docs`, and those only counted because they
    /// cannot reach the page asked for (see `best_of_pruned`).
    pub total: usize,
    /// Those only counted, listed when the index has facets to count them
    /// in (see [`crate::search::has_facets`]).
    pub unranked: Vec<u32>,
    /// Terms to highlight, in the order the query found them (a term
    /// two words share comes twice).
    pub terms: Vec<Cow<'i, str>>,
    /// For each term, the clause of the query it stands for: a snippet
    /// looks for every clause, not every completion.
    pub term_clauses: Vec<u8>,
    /// Words found only by typo tolerance, every candidate at the closest
    /// distance.
    pub corrections: Vec<Correction>,
    /// Words, as (term, folded word), that nothing matched with typo
    /// tolerance on: their typo candidates are known to be none.
    pub unmatched: Vec<(String, String)>,
    /// Postings read, a measure of the work done.
    pub postings_read: usize,
    /// Lists read without scoring, as they could not reach the page.
    pub lists_unscored: usize,
}

/// A dictionary term that typo tolerance put in place of a query word.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    /// The query word's term.
    pub word: String,
    /// The dictionary term.
    pub term: String,
    /// The written word the typo walk matched, if any (see `Expansion`).
    pub written: Option<String>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `query` against `index` with the filters, typo tolerance and
/// tuning of `opts`.
pub fn evaluate<'i>(index: &'i Index<'_>, query: &Query, opts: &SearchOptions) -> Matches<'i> {
    SCRATCH.with(|s| {
        let mut s = s.borrow_mut();
        s.begin(index.doc_count() as usize);
        let (avg_title, avg_body) = index.avg_lengths();
        let key = (opts.tuning.bm25, index.doc_count(), avg_title, avg_body);
        let scorer = match &s.scorer {
            Some((k, scorer)) if *k == key => scorer.clone(),
            _ => {
                let scorer = Rc::new(Scorer::new(key.0, key.1, key.2, key.3));
                s.scorer = Some((key, scorer.clone()));
                scorer
            }
        };
        let alone = query.is_one_word();
        Eval {
            index,
            scorer,
            opts,
            s: &mut s,
            out: Matches::default(),
            words: Vec::new(),
            joins: Vec::new(),
            page: page_to_prune(query, opts).map(|p| {
                // The heading rescoring reads the best `RESCORED` again:
                // they must be scored as they would be without pruning.
                if crate::search::rescores(index, opts) {
                    p.max(crate::search::RESCORED)
                } else {
                    p
                }
            }),
            required: 0,
            alone,
            exact_title: if alone && opts.sort == crate::search::Sort::Relevance {
                opts.tuning.exact_title
            } else {
                1.0
            },
        }
        .run(query)
    })
}

struct Eval<'e, 'i, 'a> {
    index: &'i Index<'a>,
    /// Shared with the scratch space: its tables are 2 KB, not copied.
    scorer: Rc<Scorer>,
    opts: &'e SearchOptions,
    s: &'e mut Scratch,
    out: Matches<'i>,
    /// The query's words found as typed, with their idf, for proximity.
    words: Vec<(String, f32)>,
    /// The terms positive clauses make with a neighbour, each with the
    /// place of its clause among them (see [`joins`]).
    joins: Vec<(usize, Expansion<'i>)>,
    /// With a query whose one word's score is each document's whole score:
    /// how many of the best documents the page needs (see `page_to_prune`).
    page: Option<usize>,
    /// When every clause must match: the bits of the clauses scored so far.
    /// A document missing one cannot match, so the postings of later
    /// clauses are only read past for it, not scored.
    required: u32,
    /// Whether the query is one word and nothing else: a word with one
    /// term then scores each document once, straight into the results.
    alone: bool,
    /// With such a query, ranked by score: the factor of a document whose
    /// title is the word itself or a completion of it (see
    /// `Lists::exact_title`); else 1.
    exact_title: f32,
}

/// Whether `query` is long enough that its documents are ranked by the
/// words they match rather than required to match every one.
pub fn is_ranked(query: &Query, opts: &SearchOptions) -> bool {
    query.positive().count() > opts.tuning.max_all_required
}

/// Whether neighbouring words of `query` are also read joined (see
/// `expand::joins`): a short query's words are typed one by one, split or
/// not; a question's neighbours are joined by chance (`in put`). Out of
/// line: inlined in `search` as well, it cost 290 gzipped bytes of code.
#[inline(never)]
pub fn joins_neighbours(query: &Query, opts: &SearchOptions) -> bool {
    opts.fuzzy && !is_ranked(query, opts)
}

impl<'i> Eval<'_, 'i, '_> {
    fn run(mut self, query: &Query) -> Matches<'i> {
        let ranked = is_ranked(query, self.opts);
        if joins_neighbours(query, self.opts) {
            self.joins = joins(self.index, query, self.opts.tuning.join_long);
        }
        let mut clauses = 0u32;
        if !ranked && self.required_words(query) {
            clauses = query.positive().count() as u32;
        }
        for (at, clause) in query.positive().enumerate().skip(clauses as usize) {
            if (ranked && self.opts.tuning.stopwords && is_stopword_clause(clause)) || clauses >= 31
            {
                continue;
            }
            self.clause(clause, 1 << clauses, Some(at));
            clauses += 1;
            if !ranked && self.opts.tuning.prune {
                self.required = (1 << clauses) - 1;
            }
        }
        let filters: Vec<&Filter> = query.filters.iter().chain(&self.opts.filters).collect();
        if clauses == 0 {
            if !filters.is_empty() {
                // Filters alone: every document is a candidate.
                for d in 0..self.index.doc_count() {
                    self.s.add(d, 0.0, 1);
                }
                clauses = 1;
            }
        } else if ranked {
            if let Some(fb) = self.opts.tuning.feedback.filter(|f| clauses >= f.min_words) {
                self.feedback(fb);
            }
        }
        let need = if ranked { 1 } else { clauses };
        if let Some(p) = self.opts.tuning.proximity {
            self.proximity(p, clauses, need);
        }
        self.required = 0;
        for clause in query.clauses.iter().filter(|c| c.negated) {
            self.clause(clause, 0, None);
        }
        let mut docs = std::mem::take(&mut self.s.pushed);
        let s = &*self.s;
        let negated = query.clauses.iter().any(|c| c.negated);
        if !docs.is_empty() {
            // Scored straight into the results (`Accumulate::Push`).
        } else if clauses == 1 && !negated && !ranked {
            docs = Vec::with_capacity(s.touched.len());
            // Every document scored matched the one clause (feedback, which
            // scores documents of its own, runs only for ranked queries).
            docs.extend(s.touched.iter().map(|&d| (d, s.slots[d as usize].score)));
        } else {
            docs = Vec::with_capacity(s.touched.len());
            docs.extend(
                s.touched
                    .iter()
                    .filter(|&&d| {
                        s.matches(d, clauses, need) && s.excluded[d as usize] != s.generation
                    })
                    .map(|&d| (d, s.slots[d as usize].score)),
            );
        }
        if !filters.is_empty() {
            let allowed: Vec<Allowed> = filters.iter().map(|f| allowed(self.index, f)).collect();
            docs.retain(|&(d, _)| allowed.iter().all(|a| a.passes(d)));
        }
        // Marks come only with one word and nothing filtered or excluded
        // (`page_to_prune`), so every document scored is among them.
        self.out.total = if s.marked {
            s.marks.iter().map(|w| w.count_ones() as usize).sum()
        } else {
            docs.len()
        };
        if s.marked && crate::search::has_facets(self.index) {
            self.out.unranked = marked_only(s);
        }
        self.out.docs = docs;
        self.out
    }

    /// The expansions of a positive word, the clause at `at` of the
    /// positive ones, noting a word nothing matched and, for proximity,
    /// the word as typed.
    fn expand_word(&mut self, atom: &Atom, at: usize) -> Vec<Expansion<'i>> {
        let Atom::Word {
            term,
            folded,
            prefix,
            ..
        } = atom
        else {
            return Vec::new();
        };
        let typed = prefix.then_some(folded.as_str());
        let mut exp = expand(self.index, term, folded, typed, self.opts.fuzzy);
        if exp.is_empty() && self.opts.fuzzy {
            self.out.unmatched.push((term.clone(), folded.clone()));
        }
        for (_, j) in self.joins.iter().filter(|j| j.0 == at) {
            if !exp.iter().any(|e| e.info == j.info) {
                exp.push(j.clone());
            }
        }
        if self.opts.tuning.proximity.is_some() {
            if let Some(e) = exp.iter().find(|e| e.kind == Kind::Exact) {
                self.words
                    .push((e.term.to_string(), self.scorer.idf(e.info.df)));
            }
        }
        exp
    }

    /// Scores a clause into the accumulators with `bit`, or, when not
    /// positive (no place `at` among the positive ones), marks the
    /// documents it matches as excluded.
    fn clause(&mut self, clause: &Clause, bit: u32, at: Option<usize>) {
        let positive = at.is_some();
        for atom in &clause.alts {
            match atom {
                Atom::Word {
                    term,
                    scope,
                    folded,
                    prefix,
                } => {
                    if let Some(at) = at {
                        let exp = self.expand_word(atom, at);
                        self.word(&exp, *scope, bit);
                        self.note_terms(term, exp, bit);
                    } else {
                        let typed = prefix.then_some(folded.as_str());
                        let exp = expand(self.index, term, folded, typed, self.opts.fuzzy);
                        let title_only = *scope == Scope::Title;
                        for e in &exp {
                            let postings = self.index.postings(e.info);
                            self.exclude(
                                postings
                                    .filter(|p| !title_only || p.tf_title > 0)
                                    .map(|p| p.doc),
                            );
                        }
                    }
                }
                Atom::Phrase { terms, scope } => {
                    let found = super::phrase::matches(self.index, terms, *scope);
                    if !positive {
                        self.exclude(found.iter().map(|f| f.0));
                        continue;
                    }
                    if !found.is_empty() {
                        self.out
                            .terms
                            .extend(terms.iter().map(|t| Cow::Owned(t.clone())));
                        let clause = bit.trailing_zeros() as u8;
                        self.out.term_clauses.resize(self.out.terms.len(), clause);
                    }
                    let idfs: Vec<f32> = terms
                        .iter()
                        .map(|t| self.scorer.idf(self.index.term(t).map_or(1, |i| i.df)))
                        .collect();
                    for (doc, postings) in found {
                        let codes = self.index.norm_codes(doc);
                        let score = postings
                            .iter()
                            .zip(&idfs)
                            .map(|(p, &idf)| {
                                self.scorer.score(
                                    idf,
                                    (p.tf_title, p.tf_body),
                                    codes,
                                    *scope == Scope::Title,
                                )
                            })
                            .sum();
                        self.s.add(doc, score, bit);
                    }
                }
            }
        }
    }

    /// Keeps a word's expansions as terms to highlight, and its closest
    /// typo candidates as corrections (the suggestion picks one).
    fn note_terms(&mut self, word: &str, exp: Vec<Expansion<'i>>, bit: u32) {
        let closest = match exp.first().map(|e| e.kind) {
            Some(Kind::Typo(d)) => Some(Kind::Typo(d)),
            _ => None,
        };
        self.out.terms.reserve(exp.len());
        for e in exp {
            if Some(e.kind) == closest {
                self.out.corrections.push(Correction {
                    word: word.to_string(),
                    term: e.term.to_string(),
                    written: e.written,
                });
            }
            self.out.terms.push(e.term);
        }
        let clause = bit.trailing_zeros() as u8;
        self.out.term_clauses.resize(self.out.terms.len(), clause);
    }

    /// One word: each document gets the score of its best expansion.
    fn word(&mut self, exp: &[Expansion], scope: Scope, bit: u32) {
        let title_only = scope == Scope::Title;
        let lists = Lists {
            index: self.index,
            scorer: &self.scorer,
            title_only,
            required: self.required,
            exact_title: self.exact_title,
        };
        let (s, read) = (&mut *self.s, &mut self.out.postings_read);
        if let [e] = exp {
            let into = if self.alone {
                s.pushed.reserve(e.info.df as usize);
                Accumulate::Push
            } else {
                Accumulate::Add(bit)
            };
            lists.score(s, read, e, into);
            return;
        }
        if s.touched.is_empty() && lists.required == 0 {
            // Nothing scored yet: the best expansion's score can go straight
            // into the accumulators, without a pass over the word's own.
            if let Some(page) = self.page {
                self.best_of_pruned(exp, page, bit, title_only);
                return;
            }
            for e in exp {
                lists.score(s, read, e, Accumulate::KeepMax(bit));
            }
            return;
        }
        s.begin_word();
        for e in exp {
            lists.score(s, read, e, Accumulate::BestOfWord);
        }
        s.add_word(bit);
    }

    fn exclude(&mut self, docs: impl Iterator<Item = u32>) {
        for d in docs {
            if let Some(slot) = self.s.excluded.get_mut(d as usize) {
                *slot = self.s.generation;
            }
        }
    }
}

fn is_stopword_clause(clause: &Clause) -> bool {
    matches!(clause.alts.as_slice(), [Atom::Word { term, .. }] if is_stopword(term))
}
