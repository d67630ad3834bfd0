//! Evaluates a [`Query`] against an index: the matching documents with
//! their BM25F scores, and the terms to highlight.
//!
//! Term-at-a-time over postings into score accumulators (`scratch`) that
//! live as long as the thread and are reset by generation stamps, not by
//! clearing: a query costs what its postings cost, whatever the corpus
//! size.

use super::ast::{Atom, Clause, Filter, Query, Scope};
use super::expand::{expand, joins, Expansion, Kind};
use super::feedback::{expansion, Feedback};
use super::proximity::{bonus, Proximity};
use super::scratch::{marked_only, Scratch};
use crate::index::column::Column;
use crate::index::Index;
use crate::rank::{keep_best, Scorer};
use crate::search::SearchOptions;
use crate::text::fold;
use crate::text::stopwords::is_stopword;
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

/// How many of the best documents the results need, when that bounds what
/// must be scored: one positive word (a document's score is its best
/// expansion's), nothing excluded or filtered afterwards, ranked by score
/// with no bonus added later. `None` when every match must be scored.
fn page_to_prune(query: &Query, opts: &SearchOptions) -> Option<usize> {
    let t = &opts.tuning;
    (t.prune
        && query.is_one_word()
        && query.filters.is_empty()
        && opts.filters.is_empty()
        && opts.sort == crate::search::Sort::Relevance
        && t.proximity.is_none())
    .then(|| opts.offset.saturating_add(opts.limit))
}

/// Whether `query` is long enough that its documents are ranked by the
/// words they match rather than required to match every one.
pub fn is_ranked(query: &Query, opts: &SearchOptions) -> bool {
    query.positive().count() > opts.tuning.max_all_required
}

/// Lists shorter than this are scored whatever their bound: checking the
/// bound costs more than they do.
const MIN_PRUNED_DF: u32 = 32;

impl<'i> Eval<'_, 'i, '_> {
    fn run(mut self, query: &Query) -> Matches<'i> {
        let ranked = is_ranked(query, self.opts);
        // A short query's words are typed one by one, split or not; a
        // question's neighbours are joined by chance (`in put`).
        if self.opts.fuzzy && !ranked {
            self.joins = joins(self.index, query);
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

    /// Scores a query of two or three required plain words (each clause
    /// one word, up to [`MAX_ALL_REQUIRED`]), the one with fewest postings
    /// first: with pruning, every later one then
    /// scores only the documents all before it matched (`required`). A
    /// word that matches nothing spares the others' scoring. The order is
    /// the same without pruning, so that scores, summed in it, agree to
    /// the bit; clause bits and the terms noted keep the query's order.
    /// False, having done nothing, for any other query.
    fn required_words(&mut self, query: &Query) -> bool {
        let words: Vec<&Atom> = query
            .positive()
            .filter_map(|c| match c.alts.as_slice() {
                [w @ Atom::Word { .. }] => Some(w),
                _ => None,
            })
            .collect();
        let n = words.len();
        if !(2..=MAX_ALL_REQUIRED).contains(&n) || n != query.positive().count() {
            return false;
        }
        let exps: Vec<Vec<Expansion<'i>>> = (words.iter().enumerate())
            .map(|(at, w)| self.expand_word(w, at))
            .collect();
        let cost = |i: usize| exps[i].iter().map(|e| u64::from(e.info.df)).sum::<u64>();
        // An insertion sort: three words at most, and no sort's code.
        let mut order = [0, 1, 2];
        for i in 1..n {
            let mut j = i;
            while j > 0 && cost(order[j]) < cost(order[j - 1]) {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
        if cost(order[0]) > 0 {
            for &i in &order[..n] {
                if let Atom::Word { scope, .. } = words[i] {
                    self.word(&exps[i], *scope, 1 << i);
                    if self.opts.tuning.prune {
                        self.required |= 1 << i;
                    }
                }
            }
        }
        for (i, (w, exp)) in words.iter().zip(exps).enumerate() {
            if let Atom::Word { term, .. } = w {
                self.note_terms(term, exp, 1 << i);
            }
        }
        true
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
    fn best_of_pruned(&mut self, exp: &[Expansion], page: usize, bit: u32, title_only: bool) {
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

    fn exclude(&mut self, docs: impl Iterator<Item = u32>) {
        for d in docs {
            if let Some(slot) = self.s.excluded.get_mut(d as usize) {
                *slot = self.s.generation;
            }
        }
    }

    /// Adds a bonus to the best candidates matching `need` of `clauses`
    /// where query words stand close together (see `proximity`).
    fn proximity(&mut self, p: Proximity, clauses: u32, need: u32) {
        if self.words.len() < 2 {
            return;
        }
        let s = &*self.s;
        let mut top: Vec<(u32, f32)> = s
            .touched
            .iter()
            .filter(|&&d| s.matches(d, clauses, need))
            .map(|&d| (d, s.slots[d as usize].score))
            .collect();
        keep_best(&mut top, p.depth);
        if top.is_empty() {
            return;
        }
        let docs: Vec<u32> = top.into_iter().map(|(d, _)| d).collect();
        let extra = bonus(self.index, &self.words, &docs, self.scorer.k1(), p);
        for (&doc, v) in docs.iter().zip(extra) {
            if v > 0.0 {
                self.s.add(doc, v, 1 << 31);
            }
        }
    }

    /// Adds the words the best first results share (see `feedback`).
    fn feedback(&mut self, fb: Feedback) {
        let ranked: Vec<(u32, f32)> = self
            .s
            .touched
            .iter()
            .map(|&d| (d, self.s.slots[d as usize].score))
            .collect();
        let mut query_terms: Vec<String> = self.out.terms.iter().map(|t| t.to_string()).collect();
        sort_unique(&mut query_terms);
        for (term, w) in expansion(self.index, &ranked, &query_terms, fb) {
            let Some(info) = self.index.term(&term) else {
                continue;
            };
            let e = Expansion {
                term: term.into(),
                info,
                weight: fb.weight * w,
                kind: Kind::Exact,
                written: None,
            };
            // Bit 31: counts as no clause of the query's own.
            self.word(std::slice::from_ref(&e), Scope::Any, 1 << 31);
        }
    }
}

/// How one word's lists are scored.
struct Lists<'e, 'a> {
    index: &'e Index<'a>,
    scorer: &'e Scorer,
    title_only: bool,
    /// Clause bits a document must already have to be scored (see
    /// `Eval::required`).
    required: u32,
    /// The factor of a document whose title is one word, this list's
    /// term, in the list of the word as typed or a completion of it (not
    /// a typo): `Tuning::exact_title` for a one-word query, else 1. Told
    /// from the posting alone, by a title frequency and a title length of
    /// one.
    exact_title: f32,
}

impl Lists<'_, '_> {
    /// Scores an expansion's postings into `s` as `into` says, each
    /// counted in `read`. One loop for every use, not a generic one: the
    /// decoding inlined in it is the engine's largest loop body.
    fn score(&self, s: &mut Scratch, read: &mut usize, e: &Expansion, into: Accumulate) {
        let idf = self.scorer.idf(e.info.df);
        let title_factor = title_factor(e, self.exact_title);
        // Whether every posting counts, whatever its frequencies: then
        // marking tests none.
        let all = e.weight > 0.0 && self.scorer.matches_any(self.title_only);
        *read += self.index.postings(e.info).each(|p| {
            if self.required != 0 && !s.has_all(p.doc, self.required) {
                return;
            }
            let tf = (p.tf_title, p.tf_body);
            // A one-word title's posting may beat the floor by its factor,
            // which the list's bound leaves out: it is scored.
            let titled = p.tf_title > 0 && title_factor != 1.0;
            if matches!(into, Accumulate::Mark(..)) && !titled {
                if all || (e.weight > 0.0 && self.scorer.matches(tf, self.title_only)) {
                    s.mark(p.doc);
                }
                return;
            }
            let codes = self.index.norm_codes(p.doc);
            let mut v = e.weight * self.scorer.score(idf, tf, codes, self.title_only);
            if p.tf_title > 0 && codes.0 == 1 {
                v *= title_factor;
            }
            if v > 0.0 {
                match into {
                    Accumulate::Add(bit) => s.add(p.doc, v, bit),
                    Accumulate::KeepMax(bit) => s.keep_max(p.doc, v, bit),
                    Accumulate::KeepMaxAbove(bit, floor) | Accumulate::Mark(bit, floor) => {
                        s.mark(p.doc);
                        if v >= floor {
                            s.keep_max(p.doc, v, bit);
                        }
                    }
                    Accumulate::BestOfWord => s.best_of_word(p.doc, v),
                    Accumulate::Push => s.pushed.push((p.doc, v)),
                }
            }
        }) as usize;
    }
}

/// The factor of a one-word title in `e`'s list, given the query's
/// `exact_title` (see `Lists::exact_title`): the word as typed and its
/// completions have it, as a reader typing `Err` is on the way to the page
/// titled `Errors`; a typo's candidates do not. MaxScore's bounds and the
/// scoring loop both take it from here.
fn title_factor(e: &Expansion, exact_title: f32) -> f32 {
    if matches!(e.kind, Kind::Exact | Kind::Completion) {
        exact_title
    } else {
        1.0
    }
}

/// What scoring a list does with each document's score.
#[derive(Clone, Copy)]
enum Accumulate {
    /// Adds it to the accumulator, with the clause bit.
    Add(u32),
    /// Keeps the larger of it and the accumulator's.
    KeepMax(u32),
    /// Marks the document as matching, and keeps the larger score only
    /// from this floor up: a document scoring less here cannot reach the
    /// page through this list (see `best_of_pruned`), and its accumulator
    /// is a cache miss saved on a large index.
    KeepMaxAbove(u32, f32),
    /// Keeps the best of the current word's expansions (`best_of_word`).
    BestOfWord,
    /// Pushes it with the document, seen once (see `Eval::alone`).
    Push,
    /// Only marks the document as matching: the list's body scores cannot
    /// reach the page (see `best_of_pruned`). A posting of a one-word title
    /// is scored as by `KeepMaxAbove` with this clause bit and floor.
    Mark(u32, f32),
}

fn is_stopword_clause(clause: &Clause) -> bool {
    matches!(clause.alts.as_slice(), [Atom::Word { term, .. }] if is_stopword(term))
}

/// The values of a field that a filter lets through, as ranks of its
/// column (see `index::column`): a filter costs a few value comparisons,
/// then one lookup per document.
struct Allowed<'c> {
    column: Option<&'c Column<'c>>,
    /// Per rank, whether its value passes.
    ranks: Vec<bool>,
    /// Whether a document without the field passes.
    missing: bool,
}

impl Allowed<'_> {
    fn passes(&self, doc: u32) -> bool {
        self.column.map_or(self.missing, |c| {
            (self.ranks.get(c.rank(doc) as usize).copied()).unwrap_or(self.missing)
        })
    }
}

fn allowed<'c>(index: &'c Index<'_>, filter: &Filter) -> Allowed<'c> {
    let column = index.column(match filter {
        Filter::Not(f) => {
            let mut a = allowed(index, f);
            a.ranks.iter_mut().for_each(|r| *r = !*r);
            a.missing = !a.missing;
            return a;
        }
        Filter::Place(_) | Filter::PlaceStart(_) => "place",
        Filter::Date { .. } => "date",
    });
    let ranks = match (column, filter) {
        (None, _) | (_, Filter::Not(_)) => Vec::new(),
        (Some(c), Filter::Place(place) | Filter::PlaceStart(place)) => {
            // Letters and digits alone: `hanoi` is `Hà Nội`, `da nang` `Danang`.
            let key = |s: &str| {
                s.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
            };
            let want = key(place);
            let start = matches!(filter, Filter::PlaceStart(_));
            (c.values.iter())
                .map(|v| {
                    let v = key(&fold(v));
                    v == want || start && v.as_bytes().starts_with(want.as_bytes())
                })
                .collect()
        }
        (Some(c), Filter::Date { from, to }) => {
            let range = c.between(from, to);
            (0..c.values.len() as u32)
                .map(|r| range.contains(&r))
                .collect()
        }
    };
    Allowed {
        column,
        ranks,
        missing: false,
    }
}

/// Sorts `terms` and drops repeats.
fn sort_unique(terms: &mut Vec<String>) {
    crate::sort::sort_by(terms, |a, b| a < b);
    terms.dedup();
}
