//! A query word → the dictionary terms it stands for, each with a weight:
//! the word itself; for the word being typed, its completions; and, when
//! neither exists, the terms within a small edit distance (typos).

use crate::index::{Index, TermInfo};
use fst::automaton::Automaton;
use fst::{IntoStreamer, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use std::sync::OnceLock;

/// Completions kept for a prefix, the most frequent first.
pub const MAX_COMPLETIONS: usize = 24;
/// Dictionary entries read at most while looking for completions.
pub const MAX_PREFIX_SCAN: usize = 2048;
/// Typo candidates kept, the closest and most frequent first.
pub const MAX_FUZZY: usize = 8;
/// Dictionary entries read at most while looking for typo candidates.
pub const MAX_FUZZY_SCAN: usize = 512;
/// Score weight of a completion relative to an exact match.
pub const COMPLETION_WEIGHT: f32 = 0.85;
/// Score weight of a term one edit away; two edits get the square.
pub const TYPO_WEIGHT: f32 = 0.6;

/// Endings the English stemmer removes (Snowball steps 1 to 4), for
/// matching partly typed words against stems.
const STEMMED_SUFFIXES: &[&str] = &[
    "ational", "ation", "ations", "ative", "ator", "ement", "ment", "ness", "ful", "ing", "ings",
    "ion", "ions", "ied", "ies", "ed", "es", "er", "ers", "ly", "ally", "ity", "ities", "ive",
    "ize", "izing", "ise", "ism", "ist", "able", "ible", "ance", "ence", "ant", "ent", "ous", "al",
    "ic", "ical", "ate", "ated", "s",
];

/// How a dictionary term relates to the query word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The word itself.
    Exact,
    /// A completion of the word being typed.
    Completion,
    /// A respelling this many edits away.
    Typo(u8),
}

/// A dictionary term standing for a query word, with its score weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    /// The dictionary term.
    pub term: String,
    /// Where its postings are.
    pub info: TermInfo,
    /// Score multiplier.
    pub weight: f32,
    /// How it was found.
    pub kind: Kind,
}

/// How many edits a word of `chars` characters may have: none below 4,
/// one up to 7, two from 8.
pub fn max_edits(chars: usize) -> u8 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The terms `word` matches. `typed` (the folded word before stemming) is
/// given for the word being typed and adds completions; `fuzzy` allows
/// typo candidates when nothing else matches.
pub fn expand(index: &Index<'_>, word: &str, typed: Option<&str>, fuzzy: bool) -> Vec<Expansion> {
    let mut out = Vec::new();
    if let Some(info) = index.term(word) {
        out.push(Expansion {
            term: word.to_string(),
            info,
            weight: 1.0,
            kind: Kind::Exact,
        });
    }
    if let Some(typed) = typed {
        completions(index, word, typed, &mut out);
    }
    if out.is_empty() && fuzzy {
        typos(index, word, &mut out);
    }
    out
}

fn completions(index: &Index<'_>, word: &str, typed: &str, out: &mut Vec<Expansion>) {
    // The most frequent completions, kept as (df, term, postings offset).
    let mut top: Vec<(u32, Vec<u8>, u64)> = Vec::with_capacity(MAX_COMPLETIONS + 1);
    // One prefix when one of the two starts with the other.
    let prefixes: &[&str] = if typed.starts_with(word) {
        &[word]
    } else if word.starts_with(typed) {
        &[typed]
    } else {
        &[word, typed]
    };
    let mut scanned = 0;
    for prefix in prefixes {
        // A range seek goes straight to the prefix's subtree.
        let mut upper = prefix.as_bytes().to_vec();
        upper.push(0xff);
        let mut stream = index
            .dictionary()
            .range()
            .ge(prefix)
            .lt(&upper)
            .into_stream();
        while let Some((term, at)) = stream.next() {
            scanned += 1;
            if scanned > MAX_PREFIX_SCAN {
                break;
            }
            if term == word.as_bytes() {
                continue;
            }
            let Some(df) = index.term_at(at).map(|t| t.df) else {
                continue;
            };
            let full = top.len() == MAX_COMPLETIONS;
            if full && top.last().is_some_and(|l| l.0 >= df) {
                continue;
            }
            if top.iter().any(|e| e.1 == term) {
                continue;
            }
            // Most frequent first; ties in dictionary order (stable insert).
            let at_rank = top.partition_point(|e| e.0 >= df);
            top.insert(at_rank, (df, term.to_vec(), at));
            top.truncate(MAX_COMPLETIONS);
        }
    }
    let mut found: Vec<Expansion> = Vec::with_capacity(top.len());
    for (_, term, at) in top {
        if let (Ok(term), Some(info)) = (String::from_utf8(term), index.term_at(at)) {
            found.push(Expansion {
                term,
                info,
                weight: COMPLETION_WEIGHT,
                kind: Kind::Completion,
            });
        }
    }
    // Stems shorter than what was typed: `delegati` is on its way to
    // `delegation`, indexed as `deleg`. Only where the rest of the typed word
    // starts a suffix the stemmer removes, so `vietnm` does not become `viet`.
    let min = typed.len().saturating_sub(4).max(4);
    for end in (min..typed.len()).rev() {
        let (Some(stem), Some(rest)) = (typed.get(..end), typed.get(end..)) else {
            continue;
        };
        if !STEMMED_SUFFIXES.iter().any(|s| s.starts_with(rest)) {
            continue;
        }
        if let Some(info) = index.term(stem) {
            if stem != word && !found.iter().any(|e| e.term == stem) {
                found.push(Expansion {
                    term: stem.to_string(),
                    info,
                    weight: COMPLETION_WEIGHT,
                    kind: Kind::Completion,
                });
            }
        }
    }
    // Most frequent first; ties in dictionary order, for determinism.
    found.sort_by(|a, b| b.info.df.cmp(&a.info.df).then_with(|| a.term.cmp(&b.term)));
    found.truncate(MAX_COMPLETIONS);
    out.extend(found);
}

fn builder(edits: u8) -> &'static LevenshteinAutomatonBuilder {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    // A swap of neighbouring letters counts as one edit (`mexcio`).
    let cell = if edits == 1 { &ONE } else { &TWO };
    cell.get_or_init(|| LevenshteinAutomatonBuilder::new(edits, true))
}

/// A Levenshtein DFA as an `fst` automaton, optionally pinned to the
/// word's first byte: with two edits allowed, letting the first letter vary
/// too would visit most of the dictionary, and typos rarely start a word.
struct Lev<'d> {
    dfa: &'d DFA,
    first: Option<u8>,
}

impl Automaton for Lev<'_> {
    /// (DFA state, whether the first byte has been read)
    type State = (u32, bool);
    fn start(&self) -> (u32, bool) {
        (self.dfa.initial_state(), false)
    }
    fn is_match(&self, s: &(u32, bool)) -> bool {
        matches!(self.dfa.distance(s.0), Distance::Exact(_))
    }
    fn can_match(&self, s: &(u32, bool)) -> bool {
        s.0 != SINK_STATE
    }
    fn accept(&self, s: &(u32, bool), b: u8) -> (u32, bool) {
        match self.first {
            Some(f) if !s.1 && b != f => (SINK_STATE, true),
            _ => (self.dfa.transition(s.0, b), true),
        }
    }
}

/// Dictionary terms within [`max_edits`] of `word` (itself included if
/// present), closest first, then most frequent.
pub fn typos(index: &Index<'_>, word: &str, out: &mut Vec<Expansion>) {
    let edits = max_edits(word.chars().count());
    if edits == 0 {
        return;
    }
    let dfa = builder(edits).build_dfa(word);
    let mut found: Vec<(u8, Expansion)> = Vec::new();
    let first = (edits > 1).then(|| word.as_bytes()[0]);
    let mut stream = index
        .dictionary()
        .search_with_state(Lev { dfa: &dfa, first })
        .into_stream();
    let mut scanned = 0;
    while let Some((term, at, state)) = stream.next() {
        scanned += 1;
        if scanned > MAX_FUZZY_SCAN {
            break;
        }
        let d = match dfa.distance(state.0) {
            Distance::Exact(d) => d,
            Distance::AtLeast(_) => continue,
        };
        let (Ok(term), Some(info)) = (std::str::from_utf8(term), index.term_at(at)) else {
            continue;
        };
        let weight = TYPO_WEIGHT.powi(i32::from(d));
        found.push((
            d,
            Expansion {
                term: term.to_string(),
                info,
                weight,
                kind: Kind::Typo(d),
            },
        ));
    }
    found.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then(b.1.info.df.cmp(&a.1.info.df))
            .then_with(|| a.1.term.cmp(&b.1.term))
    });
    out.extend(found.into_iter().take(MAX_FUZZY).map(|(_, e)| e));
}
