//! The engine's one entry point: query text and options in, ranked
//! document ordinals out, with facets. Hits are ordinals so that the wasm
//! boundary can pass them as numbers (see ARCHITECTURE.md).

pub mod answered;
mod facets;
mod titles;

use crate::index::Index;
use crate::named::Named;
pub use crate::named::{identifier, member_on_page};
use crate::query::eval::{joins_neighbours, Correction};
use crate::query::expand::may_join_long;
use crate::query::{evaluate, parse_with, Filter};
use crate::rank::{by_score, keep_best};
use crate::suggest::suggest;
use facets::facets;
pub use facets::has_facets;
use std::borrow::Cow;
use titles::{exact_titles, named_in_headings, plain_words};

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best score first.
    #[default]
    Relevance,
    /// Oldest `date` first.
    DateAsc,
    /// Newest `date` first.
    DateDesc,
}

/// What to search and how.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOptions {
    /// Hits returned at most.
    pub limit: usize,
    /// Hits skipped first.
    pub offset: usize,
    /// Let the last word complete as typed.
    pub prefix: bool,
    /// Let words missing from the dictionary match close spellings.
    pub fuzzy: bool,
    /// Let a query of two or three words that no document has together
    /// find the documents with some of them (see [`relaxes`]).
    pub partial: bool,
    /// Result order.
    pub sort: Sort,
    /// Filters from the options, added to those in the query text.
    pub filters: Vec<Filter>,
    /// Whether the results must list the terms that matched (snippets
    /// need them): without, a query answered from the index's stored
    /// answers skips expanding its word (see [`answered`]).
    pub terms: bool,
    /// Ranking parameters (not exposed to JavaScript; for evaluation).
    pub tuning: Tuning,
}

/// Ranking choices, measured on Cranfield (see EVALUATION.md).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// BM25F parameters.
    pub bm25: crate::rank::Bm25F,
    /// Drop stopwords from queries long enough to be ranked, not matched.
    pub stopwords: bool,
    /// Pseudo-relevance feedback for ranked queries.
    pub feedback: Option<crate::query::feedback::Feedback>,
    /// Queries of up to this many clauses need all of them; longer ones
    /// rank documents that match any.
    pub max_all_required: usize,
    /// A bonus for query words standing close together.
    pub proximity: Option<crate::query::proximity::Proximity>,
    /// Score factor of a document whose title is exactly the words of a
    /// query of plain words (1 turns it off; see `exact_titles`, and for
    /// one word `eval`'s lists).
    pub exact_title: f32,
    /// Score factor of a document whose title, or a section's heading,
    /// holds every clause of the query, among the best [`RESCORED`] (1
    /// turns it off; see `named_in_headings`).
    pub heading: f32,
    /// Score factor, among the same best documents and on top of
    /// `heading`, of a document whose title itself says every word of a
    /// query of plain words, as typed or as its plural or singular with
    /// `s` or `es` (a shared stem is not enough): the page a title says it
    /// is about over one with a section about it (1 turns it off).
    pub title: f32,
    /// Score factor, among the same best documents, of a document whose
    /// title or a heading names the identifier the query is (one word
    /// holding `_` or `.`, `PyDict_GetItem`, or a capital after a
    /// lower-case letter, `readFileSync`; see `identifier`) as a whole
    /// word: its definition, over a page that lists it (1 turns it off).
    pub defined: f32,
    /// Score factor `1 + links × n / (n + links_half)` of a document that
    /// `n` other pages of its site link to: among pages that match alike,
    /// the one the site itself points readers to (Cargo's `Configuration`
    /// for `config file`, over a changelog nineteen times the average
    /// length that says both words in many of its entries). 0 turns it
    /// off; a corpus without links has none (see EVALUATION.md, "Links
    /// between pages").
    pub links: f32,
    /// The links that give half of [`Tuning::links`].
    pub links_half: f32,
    /// Join two neighbouring words of any length into the term they make
    /// written together (see `expand::joins`); `search` sets it to read a
    /// query that found nothing again.
    pub join_long: bool,
    /// Decode without scoring the lists that cannot reach the page asked
    /// for, and the postings of documents an earlier required clause did
    /// not match (see `eval`); read no headings of documents that cannot
    /// reach it (see `named_in_headings`). Results are the same either
    /// way; tests turn it off to check that.
    pub prune: bool,
    /// Answer a query from the index's stored first pages when it holds
    /// the query's (see [`answered`]). Results are the same either way;
    /// tests turn it off to check that, and to test evaluation itself.
    pub answers: bool,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            bm25: crate::rank::Bm25F::default(),
            stopwords: true,
            feedback: Some(crate::query::feedback::Feedback {
                docs: 5,
                terms: 20,
                weight: 0.8,
                min_words: 8,
            }),
            max_all_required: crate::query::eval::MAX_ALL_REQUIRED,
            proximity: None,
            exact_title: 3.0,
            heading: 1.15,
            title: 1.15,
            defined: 2.0,
            links: 0.1,
            links_half: 5.0,
            join_long: false,
            prune: true,
            answers: true,
        }
    }
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 10,
            offset: 0,
            prefix: true,
            fuzzy: true,
            partial: true,
            sort: Sort::Relevance,
            filters: Vec::new(),
            terms: true,
            tuning: Tuning::default(),
        }
    }
}

/// One ranked document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    /// Document ordinal in the index.
    pub doc: u32,
    /// Relevance score.
    pub score: f32,
}

/// Value counts of a field over the whole result set, by field name.
pub type Facets<'i> = Vec<(&'static str, Vec<(&'i str, u32)>)>;

/// A page of results.
#[derive(Debug, Clone, Default)]
pub struct SearchResults<'i> {
    /// Documents matching, before `offset` and `limit`.
    pub total: usize,
    /// The requested page.
    pub hits: Vec<Hit>,
    /// Folded terms that matched, for snippets, in no useful order
    /// (completions borrow the index's keys).
    pub terms: Vec<Cow<'i, str>>,
    /// For each of `terms`, the query clause it stands for (a word and its
    /// completions share one), for snippets.
    pub term_clauses: Vec<u8>,
    /// Counts of `place` and `year` over all matches.
    pub facets: Facets<'i>,
    /// A better spelling of the query, when one finds much more.
    pub suggestion: Option<String>,
    /// No document matches every word of a short query, and the hits are
    /// those that match some of them (see [`relaxes`]).
    pub partial: bool,
}

/// Searches `index` for `text`.
pub fn search<'i>(index: &'i Index<'_>, text: &str, opts: &SearchOptions) -> SearchResults<'i> {
    let stem = index.stemmer();
    let mut text = std::borrow::Cow::Borrowed(text);
    let mut opts = Cow::Borrowed(opts);
    // Whether `text` is now an identifier's parts: one name, not words to
    // find apart.
    let mut split = false;
    loop {
        let query = parse_with(&text, opts.prefix, &stem);
        if let Some(r) = answered::answered(index, &query, &text, &opts) {
            return r;
        }
        let (mut r, corrections, unmatched) = run(index, &query, &opts, &text);
        if r.total == 0 {
            // An identifier the corpus never writes whole: its parts, which
            // the index holds for every identifier it does write.
            if let Some(parts) = crate::text::tokenize::split_identifiers(&text) {
                text = parts.into();
                split = true;
                continue;
            }
            // Or two words it writes as one (`super trait`, `Supertraits`),
            // when the index has such a word.
            if !opts.tuning.join_long && long_joins(index, &query, &opts) {
                opts.to_mut().tuning.join_long = true;
                continue;
            }
        }
        let spelling = (corrections.as_slice(), unmatched.as_slice());
        r.suggestion = suggest(index, &query, &text, r.total, spelling, |respelled| {
            run(index, &parse_with(respelled, opts.prefix, &stem), &opts, "")
                .0
                .total
        });
        if r.total == 0 && r.suggestion.is_none() && !split && relaxes(&query, &opts) {
            opts.to_mut().tuning.max_all_required = 0;
            let mut some = run(index, &query, &opts, &text).0;
            some.partial = some.total > 0;
            return some;
        }
        return r;
    }
}

/// Whether a query that found nothing is read again with each of its
/// words optional, as a long query is: one of two or three words that no
/// document has together (`academy magnetic`, `cuong 2032`), with no
/// respelling that finds something. The documents with some of the words
/// beat an empty page, ranked as a question's are, by the words they
/// have (Meilisearch drops the last words until something matches;
/// ranking keeps a rare first word). Exclusions and filters still hold.
/// An identifier read as its parts (`dev_nothing`) is one name: it is not
/// read so. With `SearchOptions::partial` off, no query is.
fn relaxes(query: &crate::query::Query, opts: &SearchOptions) -> bool {
    opts.partial && query.positive().count() > 1 && !crate::query::eval::is_ranked(query, opts)
}

/// Whether joining long neighbours (`Tuning::join_long`) may add a term
/// to what `query` looks up.
fn long_joins(index: &Index<'_>, query: &crate::query::Query, opts: &SearchOptions) -> bool {
    joins_neighbours(query, opts) && may_join_long(index, query)
}

fn run<'i>(
    index: &'i Index<'_>,
    query: &crate::query::Query,
    opts: &SearchOptions,
    text: &str,
) -> (SearchResults<'i>, Vec<Correction>, Vec<(String, String)>) {
    let matches = evaluate(index, query, opts);
    let mut docs = matches.docs;
    if opts.sort == Sort::Relevance {
        linked(index, &opts.tuning, &mut docs);
    }
    // Only titles of results ranked by relevance are compared with them.
    let words = match opts.sort {
        Sort::Relevance => plain_words(query),
        Sort::DateAsc | Sort::DateDesc => (Vec::new(), false),
    };
    exact_titles(index, &words, opts, &mut docs);
    let facets = facets(index, &docs, &matches.unranked);
    let total = matches.total;
    let end = opts.offset.saturating_add(opts.limit).min(total);
    match opts.sort {
        Sort::Relevance => {
            if rescores(index, opts) {
                keep_best(&mut docs, end.max(RESCORED));
                let stem = index.stemmer();
                let m = crate::snippet::Matcher::new(&matches.terms, &matches.term_clauses, &stem);
                named_in_headings(index, &m, opts, &Named::of(text), &words, &mut docs, end);
            }
            keep_best(&mut docs, end);
        }
        Sort::DateAsc | Sort::DateDesc => {
            // A document without a date sorts as the earliest.
            let column = index.column("date");
            let date = |d: u32| column.map_or(0, |c| c.rank(d).wrapping_add(1));
            crate::sort::keep_first(&mut docs, end, |a, b| {
                let o = date(a.0).cmp(&date(b.0));
                let o = if opts.sort == Sort::DateDesc {
                    o.reverse()
                } else {
                    o
                };
                o.then(by_score(a, b)).is_lt()
            });
        }
    }
    let hits = docs
        .get(opts.offset.min(end)..end)
        .unwrap_or(&[])
        .iter()
        .map(|&(doc, score)| Hit {
            doc,
            score: crate::rank::shown(score),
        })
        .collect();
    let results = SearchResults {
        total,
        hits,
        terms: matches.terms,
        term_clauses: matches.term_clauses,
        facets,
        suggestion: None,
        partial: false,
    };
    (results, matches.corrections, matches.unmatched)
}

/// Scales each document's score by the pages linking to it (see
/// [`Tuning::links`]).
#[inline(never)]
fn linked(index: &Index<'_>, t: &Tuning, docs: &mut [(u32, f32)]) {
    if t.links == 0.0 || !index.has_links() {
        return;
    }
    for d in docs {
        let n = f32::from(index.inlinks(d.0));
        d.1 *= 1.0 + t.links * n / (n + t.links_half);
    }
}

/// The largest factor [`linked`] gives on `index`: pruning must take a
/// score this much higher as within reach of the page.
pub fn most_linked(index: &Index<'_>, t: &Tuning) -> f32 {
    if index.has_links() {
        1.0 + t.links.max(0.0)
    } else {
        1.0
    }
}

/// Documents re-scored by their headings: a page's worth and more, so that
/// the section that names the query can lift a page onto the first one.
pub const RESCORED: usize = 30;

/// Whether the best [`RESCORED`] documents are scored again by their
/// headings and titles (`named_in_headings`): ranked by relevance, on an
/// index with sections, with a factor that is not 1. Pruning asks too, as
/// it must then score them all.
pub fn rescores(index: &Index<'_>, opts: &SearchOptions) -> bool {
    let t = &opts.tuning;
    opts.sort == Sort::Relevance
        && index.has_sections()
        && (t.heading != 1.0 || t.title != 1.0 || t.defined != 1.0)
}
