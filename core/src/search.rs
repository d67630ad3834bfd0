//! The engine's one entry point: query text and options in, ranked
//! document ordinals out, with facets. Hits are ordinals so that the wasm
//! boundary can pass them as numbers (see ARCHITECTURE.md).

use crate::index::Index;
use crate::named::{id_names, names, page_of, titled, Named};
pub use crate::named::{identifier, member_on_page};
use crate::query::eval::Correction;
use crate::query::{evaluate, parse_with, Filter};
use crate::rank::{by_score, keep_best};
use crate::suggest::suggest;
use std::borrow::Cow;

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
    /// Result order.
    pub sort: Sort,
    /// Filters from the options, added to those in the query text.
    pub filters: Vec<Filter>,
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
    /// Decode without scoring the lists that cannot reach the page asked
    /// for, and the postings of documents an earlier required clause did
    /// not match (see `eval`); read no headings of documents that cannot
    /// reach it (see `named_in_headings`). Results are the same either
    /// way; tests turn it off to check that.
    pub prune: bool,
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
            prune: true,
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
            sort: Sort::Relevance,
            filters: Vec::new(),
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
}

/// Searches `index` for `text`.
pub fn search<'i>(index: &'i Index<'_>, text: &str, opts: &SearchOptions) -> SearchResults<'i> {
    let stem = index.stemmer();
    let mut text = std::borrow::Cow::Borrowed(text);
    loop {
        let query = parse_with(&text, opts.prefix, &stem);
        let (mut r, corrections, unmatched) = run(index, &query, opts, &text);
        if r.total == 0 {
            // An identifier the corpus never writes whole: its parts, which
            // the index holds for every identifier it does write.
            if let Some(parts) = crate::text::tokenize::split_identifiers(&text) {
                text = parts.into();
                continue;
            }
        }
        let spelling = (corrections.as_slice(), unmatched.as_slice());
        r.suggestion = suggest(index, &query, &text, r.total, spelling, |respelled| {
            run(index, &parse_with(respelled, opts.prefix, &stem), opts, "")
                .0
                .total
        });
        return r;
    }
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
        .map(|&(doc, score)| Hit { doc, score })
        .collect();
    let results = SearchResults {
        total,
        hits,
        terms: matches.terms,
        term_clauses: matches.term_clauses,
        facets,
        suggestion: None,
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

/// Scales by `Tuning::heading` the score of each of `docs` whose title, or
/// a section's heading, holds every clause of the query: the page that
/// defines `namedtuple` (`collections.namedtuple(typename, …)`) over a
/// short page that mentions it, and the Rust book's `Packages and Crates`
/// for `crate` over `Publishing a Crate`'s many mentions of crates. With a
/// query that is an `identifier`, a document whose title, a heading or a
/// fragment id names it whole (only an id, for one typed as words) is
/// scaled by `Tuning::defined` too:
/// `PyUnicode_Splitlines(…)`'s page over the C API's list of every
/// stable function, which is shorter and says the name as often. Headings
/// are no field of the index, so only the best documents are read again,
/// as a rescoring pass. A one-word query's factor is `Tuning::defined` on
/// the pages whose title starts with the word; a dotted identifier's also
/// on the owner's page with an entry named by the member, and on the
/// member's page under the owner (see [`member_on_page`]).
fn named_in_headings<T: AsRef<str>>(
    index: &Index<'_>,
    m: &crate::snippet::Matcher<'_, T>,
    opts: &SearchOptions,
    named: &Named,
    words: &Words,
    docs: &mut [(u32, f32)],
    end: usize,
) {
    let identifier = named
        .identifier
        .as_ref()
        .map(|(id, whole)| (id.as_str(), *whole));
    if m.all(true) == 0 {
        return;
    }
    // `docs` come best first. One that all factors together leave below
    // the page's last score never reaches the page, whose scores only
    // rise: its headings, a reference page's hundreds, are not read. A
    // plain word's `defined` comes from the title alone, so a page whose
    // title does not define it reads its headings only for `heading`.
    let t = &opts.tuning;
    let defined = |may: bool| if may { t.defined } else { 1.0 };
    let last = match docs.get(end.wrapping_sub(1)) {
        Some(last) if t.prune && t.heading >= 1.0 && t.title >= 1.0 && t.defined >= 1.0 => last.1,
        _ => f32::MIN,
    };
    let reaches = |score: f32, factor: f32| score * factor * 1.001 >= last;
    let most = t.heading * t.title * defined(identifier.is_some() || named.word.is_some());
    for d in docs.iter_mut().take_while(|d| reaches(d.1, most)) {
        // The title first, then the headings, read only until both
        // questions have their answer.
        let title = index.title(d.0).unwrap_or("");
        let names_whole = |t: &str| identifier.is_some_and(|(id, whole)| whole && names(t, id));
        let mut defines = names_whole(title)
            || named.word.as_ref().is_some_and(|w| titled(title, w))
            || identifier.is_some_and(|(id, _)| page_of(title, id));
        let title_factor = if says_all(title, words, true) {
            t.title
        } else {
            1.0
        };
        if !reaches(
            d.1,
            t.heading * title_factor * defined(defines || identifier.is_some()),
        ) {
            continue;
        }
        let mut holds = m.holds_all(title);
        let answered = |holds: bool, defines: bool| holds && (defines || identifier.is_none());
        if !answered(holds, defines) {
            let member = identifier.and_then(|(id, _)| member_on_page(title, id));
            index.any_heading(d.0, |_, heading, frag| {
                holds = holds || m.holds_all(heading);
                defines = defines
                    || names_whole(heading)
                    || identifier.is_some_and(|(id, _)| names(frag, id))
                    || member.is_some_and(|member| id_names(frag, member));
                answered(holds, defines)
            });
        }
        if holds {
            d.1 *= opts.tuning.heading;
        }
        d.1 *= title_factor;
        if defines {
            d.1 *= opts.tuning.defined;
        }
    }
}

/// Scales by `exact_title` the score of each document whose title is
/// exactly the query's words (`CREATE TABLE` for `create table`, before the
/// pages that only mention both), for a query of plain words: two or
/// three, which must all match, or more, ranked by the words they match (a
/// reader who types a page's whole title wants that page). A title holding
/// as many words as the query is read again; most are not, by their
/// stored length. (A one-word query's
/// list tells a one-word title as it is scored: see `eval`.)
#[inline(never)]
fn exact_titles(index: &Index<'_>, words: &Words, opts: &SearchOptions, docs: &mut [(u32, f32)]) {
    let n = words.0.len();
    if opts.tuning.exact_title == 1.0 || opts.sort != Sort::Relevance || n < 2 {
        return;
    }
    for d in docs.iter_mut() {
        // Most titles are ruled out by their stored length alone.
        if index.norm_codes(d.0).0 as usize != n {
            continue;
        }
        let Some(title) = index.title(d.0) else {
            continue;
        };
        // As many words as the query, each said: the title is the query's words.
        if says_all(title, words, false) {
            d.1 *= opts.tuning.exact_title;
        }
    }
}

/// The words of a query of plain words as typed (folded), repeats kept;
/// none for a query with any other clause or more than 32 words (a bit
/// each in [`says_all`]). A title must say each of them,
/// not only share their stems (`collect` is not `collections`), and
/// `http.client — HTTP protocol client` says two of its words twice.
fn plain_words(query: &crate::query::Query) -> Words<'_> {
    let (mut words, mut typing) = (Vec::new(), false);
    for c in query.positive() {
        let [crate::query::Atom::Word { folded, prefix, .. }] = c.alts.as_slice() else {
            return (Vec::new(), false);
        };
        words.push(folded.as_str());
        typing = *prefix;
    }
    if words.len() > 32 {
        return (Vec::new(), false);
    }
    // A lone word only starting a title's word does not count: `collect`
    // is not `std::collections`, and the engine cannot tell it finished.
    let typing = typing && words.len() > 1;
    (words, typing)
}

/// A query's plain words, and whether the last of two or more is being
/// typed: then a title word it starts counts as that word (`cargo ad` is
/// `cargo add`'s title; see `says_all`).
type Words<'a> = (Vec<&'a str>, bool);

/// Whether `title` says each of `words`, each of its words taking one
/// query word not yet taken; with `plural`, a word's plural or singular
/// made with `s` or `es` counts as the word (`trait`, `Traits`), and the
/// word being typed counts as a title word it starts.
fn says_all(title: &str, (words, typing): &Words, plural: bool) -> bool {
    // Most titles say none of the words: an ASCII one without a word's
    // first letters is passed by untokenized.
    let t = title.as_bytes();
    let lacks = |w: &&str| {
        let Some(&first) = w.as_bytes().first() else {
            return true;
        };
        let head = &w.as_bytes()[..w.len().saturating_sub(2).max(1)];
        !(0..(t.len() + 1).saturating_sub(head.len())).any(|i| {
            t[i].to_ascii_lowercase() == first && t[i..i + head.len()].eq_ignore_ascii_case(head)
        })
    };
    if words.is_empty() || title.is_ascii() && words.iter().any(lacks) {
        return false;
    }
    let same = |w: &str, t: &str| {
        w == t
            || plural && {
                let (short, long) = if w.len() < t.len() { (w, t) } else { (t, w) };
                long.strip_prefix(short)
                    .is_some_and(|end| end == "s" || end == "es")
            }
    };
    let heads: Vec<&[u8]> = words
        .iter()
        .map(|w| &w.as_bytes()[..w.len().min(2)])
        .collect();
    let mut taken = 0u32;
    crate::text::for_each_token_starting(title, &heads, &|_| {}, &mut |t| {
        if t.part {
            return;
        }
        let free = (0..words.len()).find(|&i| {
            taken & 1 << i == 0
                && (same(words[i], t.folded)
                    || *typing && i + 1 == words.len() && t.folded.starts_with(words[i]))
        });
        if let Some(i) = free {
            taken |= 1 << i;
        }
    });
    taken.count_ones() as usize == words.len()
}

/// The fields counted in facets: `place`, and `date` by year.
const FACETS: [(&str, &str, usize); 2] = [("place", "place", usize::MAX), ("date", "year", 4)];

/// Whether the corpus has a field that facets count.
pub fn has_facets(index: &Index<'_>) -> bool {
    FACETS.iter().any(|f| index.has_field(f.0))
}

/// Counts `place` values and `date` years over `docs` and `unranked`, where
/// the corpus has them.
fn facets<'i>(index: &Index<'i>, docs: &[(u32, f32)], unranked: &[u32]) -> Facets<'i> {
    let mut out = Facets::new();
    for (field, name, cut) in FACETS {
        let Some(column) = index.column(field) else {
            continue;
        };
        let mut per_rank = vec![0u32; column.values.len()];
        for d in docs.iter().map(|d| d.0).chain(unranked.iter().copied()) {
            if let Some(n) = per_rank.get_mut(column.rank(d) as usize) {
                *n += 1;
            }
        }
        // Values in order, so those that share their first `cut` bytes (a
        // date's year) are neighbours. A sorted list, not a map: a
        // `BTreeMap` was a kilobyte of the `.wasm`.
        let mut counts: Vec<(&str, u32)> = Vec::new();
        for (v, n) in column.values.iter().zip(per_rank) {
            let v = v.get(..cut.min(v.len())).unwrap_or(v);
            match counts.last_mut() {
                Some(last) if last.0 == v => last.1 += n,
                _ if n > 0 => counts.push((v, n)),
                _ => {}
            }
        }
        out.push((name, counts));
    }
    out
}
