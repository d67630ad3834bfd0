//! Queries answered from the index's stored first pages (the `answers`
//! section): one word being typed, with the default options, whose
//! evaluation decodes at least [`MIN_POSTINGS`] postings. The writer
//! runs each such query on the finished index and stores what `search`
//! gave ([`select`]); `search` then returns it without evaluating
//! ([`answered`]). These are the first keystrokes of a search box (`s`,
//! `st`, `sta`) and the common words, the slowest one-word queries.

use super::{Hit, SearchOptions, SearchResults, Sort, Tuning};
use crate::index::Index;
use crate::named::Named;
use crate::query::ast::{Atom, Query, Scope};
use crate::query::expand::expand;

/// Postings that a one-word query's terms must hold together for its
/// first page to be stored, by default (`QUARRY_ANSWERS` sets it: see
/// `index::WriteOptions`): about 1.5 µs of evaluation natively, against
/// some 20 bytes gzipped for the answer. At 100 the log's median query on
/// the benchmark's 10,000 documents is answered faster than FlexSearch
/// answers its own, and the search structures stay under half of
/// MiniSearch's index (0.497 with the format of version 21; 300, the
/// default until session 45, left 0.466 and a median 1.4 times
/// FlexSearch's).
pub const MIN_POSTINGS: u64 = 100;

/// The stored answer to `query` (parsed from `text`), as `search` would
/// give it, when the index holds one and `opts` are those it was made
/// with. Its terms, for snippets, only when `opts.terms` asks for them.
pub fn answered<'i>(
    index: &'i Index<'_>,
    query: &Query,
    text: &str,
    opts: &SearchOptions,
) -> Option<SearchResults<'i>> {
    if index.answers().is_empty() || !answerable(opts) {
        return None;
    }
    let (term, folded) = typed_word(query)?;
    let answer = index.answers().get(folded)?;
    if !names_word(text, folded) {
        return None;
    }
    let end = opts.offset.saturating_add(opts.limit).min(answer.total);
    let page = answer.hits.get(opts.offset.min(end)..end)?;
    let mut r = SearchResults {
        total: answer.total,
        hits: page
            .iter()
            .map(|&(doc, score)| Hit { doc, score })
            .collect(),
        ..SearchResults::default()
    };
    if opts.terms {
        // As `eval` notes them: one clause, its expansions in order.
        let exp = expand(index, term, folded, Some(folded), true);
        r.terms = exp.into_iter().map(|e| e.term).collect();
        r.term_clauses = vec![0; r.terms.len()];
    }
    Some(r)
}

/// Whether `opts` are those the stored answers were made with, but for
/// the page, `terms` and `fuzzy`. Typo tolerance does not change a stored
/// query's results: a word gets typo candidates only when it has neither
/// an exact match nor a completion, and a stored one has them (`select`);
/// it finds documents with no typo, so no respelling is suggested either.
fn answerable(opts: &SearchOptions) -> bool {
    opts.sort == Sort::Relevance
        && opts.filters.is_empty()
        && opts.prefix
        && opts.tuning == Tuning::default()
}

/// Whether `text` names the word `folded` and no identifier, as the
/// rescoring reads the text itself (an identifier's case): answers are
/// made for such words only.
fn names_word(text: &str, folded: &str) -> bool {
    let named = Named::of(text);
    named.identifier.is_none() && named.word.as_deref() == Some(folded)
}

/// The one word of `query` as (term, folded), when it is nothing else: a
/// word being typed, anywhere in a document.
fn typed_word(query: &Query) -> Option<(&str, &str)> {
    match (query.clauses.as_slice(), query.filters.is_empty()) {
        ([c], true) if !c.negated => match c.alts.as_slice() {
            [Atom::Word {
                term,
                folded,
                prefix: true,
                scope: Scope::Any,
            }] => Some((term, folded)),
            _ => None,
        },
        _ => None,
    }
}

/// The answers to store for `index` (which has none yet): for every
/// prefix of a dictionary key typed as a query, when the terms it
/// expands to (the word and its completions, no typo) hold at least
/// `min_postings` postings ([`MIN_POSTINGS`] by default), the first page
/// `search` gives. None for an index with facets, which answers do not
/// count.
#[cfg(feature = "build")]
pub fn select(
    index: &Index<'_>,
    min_postings: u64,
) -> Vec<(String, crate::index::answers::Answer)> {
    use crate::index::answers::{Answer, ANSWERED_HITS};
    use crate::query::expand::Kind;
    let mut out = Vec::new();
    if super::has_facets(index) {
        return out;
    }
    let keys = index.dictionary().sorted();
    // Postings under each range of keys, for a bound on a prefix's cost
    // before expanding it (an alias counts its stem's again: a bound).
    let mut sums = vec![0u64; keys.len() + 1];
    for ord in 0..keys.len() {
        let df = index.entry(keys.value(ord)).0.df;
        sums[ord + 1] = sums[ord] + u64::from(df);
    }
    let opts = SearchOptions {
        limit: ANSWERED_HITS,
        ..SearchOptions::default()
    };
    let stem = index.stemmer();
    let mut prev: &[u8] = &[];
    for ord in 0..keys.len() {
        let key = keys.key(ord);
        let shared = prev.iter().zip(key).take_while(|(a, b)| a == b).count();
        prev = key;
        for len in shared + 1..=key.len() {
            let Ok(p) = std::str::from_utf8(&key[..len]) else {
                continue;
            };
            let range = keys.prefix(p.as_bytes());
            let under = sums[range.end] - sums[range.start];
            // The word's own term may sort elsewhere (`run` for `running`).
            if under < min_postings
                && under + index.term(&index.stem(p)).map_or(0, |i| u64::from(i.df)) < min_postings
            {
                continue;
            }
            let query = crate::query::parse_with(p, true, &stem);
            let Some((term, folded)) = typed_word(&query).filter(|w| w.1 == p) else {
                continue;
            };
            if !names_word(p, p) {
                continue;
            }
            let exp = expand(index, term, folded, Some(folded), true);
            let cost: u64 = exp.iter().map(|e| u64::from(e.info.df)).sum();
            if cost < min_postings || exp.iter().any(|e| matches!(e.kind, Kind::Typo(_))) {
                continue;
            }
            let r = super::search(index, p, &opts);
            if r.suggestion.is_none() && r.facets.is_empty() {
                let hits = r.hits.iter().map(|h| (h.doc, h.score)).collect();
                out.push((
                    p.to_string(),
                    Answer {
                        total: r.total,
                        hits,
                    },
                ));
            }
        }
    }
    out
}
