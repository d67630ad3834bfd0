//! A query word → the dictionary terms it stands for, each with a weight:
//! the word itself; for the word being typed, its completions; and, when
//! neither exists, the terms within a small edit distance (`typos`); and
//! the word two neighbouring query words make written together (`joins`).

use super::ast::{Atom, Clause, Query, Scope};
use crate::index::format::KeyKind;
use crate::index::{Index, TermInfo};
use crate::rank::idf;
use std::borrow::Cow;

mod typos;
pub use typos::typos;

/// Completions kept for a prefix, the most frequent first.
pub const MAX_COMPLETIONS: usize = 24;
/// Dictionary entries read at most while looking for completions.
pub const MAX_PREFIX_SCAN: usize = 2048;
/// Typo candidates kept, the closest and most frequent first.
pub const MAX_FUZZY: usize = 8;
/// Dictionary entries read at most while looking for typo candidates.
pub const MAX_FUZZY_SCAN: usize = 512;
/// Score weight of a completion relative to an exact match, for the most
/// frequent of a word's matches (rarer ones get less, see `completions`).
pub const COMPLETION_WEIGHT: f32 = 0.85;
/// Score weight of a term one edit away; two edits get the square. It is
/// scaled down further for candidates rarer than the most frequent one.
pub const TYPO_WEIGHT: f32 = 0.6;

/// Weight of a term that two neighbouring words of the query make when
/// written together (`log in` → `login`), in each word's expansions: a
/// document that has it scores about as one with both words (and no more:
/// see [`joins`]).
pub const JOINED_WEIGHT: f32 = 0.5;

/// The terms that positive clauses of `query` make with a neighbour, each
/// with the place of its clause among the positive ones: two plain words
/// side by side whose writing together is a term in more than [`RARE_DF`]
/// documents (`log in`: `login`, `set up`: `setup`), the split word being a
/// typo of a kind. Both words get it, as an expansion of [`Kind::Joined`].
///
/// With `long`, two longer words are joined too, into a term in any
/// number of documents: `search` asks so once a query has found nothing
/// as typed (`super trait` finds Rust by Example's one `Supertraits`).
pub fn joins<'i>(index: &'i Index<'_>, query: &Query, long: bool) -> Vec<(usize, Expansion<'i>)> {
    let mut out = Vec::new();
    // One word short: `log in`, `set up`, `e mail`. Two longer words are
    // more often two things (`read stream` is not `ReadStream`).
    for (at, a, b) in neighbours(query)
        .into_iter()
        .filter(|&(_, a, b)| long || is_short(a, b))
    {
        let mut joined = a.to_string();
        joined.push_str(b);
        index.stem_in_place(&mut joined);
        if let Some(info) = index.term(&joined).filter(|i| long || i.df > RARE_DF) {
            let e = Expansion {
                term: Cow::Owned(joined),
                info,
                weight: JOINED_WEIGHT * as_both(index, a, b, info.df),
                kind: Kind::Joined,
                written: None,
            };
            out.push((at, e.clone()));
            out.push((at + 1, e));
        }
    }
    out
}

/// The factor that keeps a joined term's score to about that of the two
/// words it joins: its idf is no more than theirs together. `howto` is in
/// a few pages where `how` and `to` are in most, and a page with a
/// `HOWTO` heading led `how to install` on that alone. A word the
/// dictionary lacks sets no bound.
fn as_both(index: &Index<'_>, a: &str, b: &str, joined_df: u32) -> f32 {
    let docs = index.doc_count() as f32;
    let word_idf = |w: &str| index.term(&index.stem(w)).map(|i| idf(docs, i.df as f32));
    let joined = idf(docs, joined_df as f32);
    match (word_idf(a), word_idf(b)) {
        (Some(x), Some(y)) => (x + y).min(joined) / joined,
        _ => 1.0,
    }
}

/// Whether [`joins`] with `long` may find a term that it finds only so:
/// two longer neighbours written together as a word of the index. One
/// lookup of each such pair as written, which the dictionary holds for
/// every word of the corpus: most queries that find nothing are two words
/// that no document has together, and read again they would take twice
/// as long.
pub fn may_join_long(index: &Index<'_>, query: &Query) -> bool {
    neighbours(query).into_iter().any(|(_, a, b)| {
        if is_short(a, b) {
            return false;
        }
        let mut joined = a.to_string();
        joined.push_str(b);
        index.dictionary().get(joined.as_bytes()).is_some()
    })
}

fn is_short(a: &str, b: &str) -> bool {
    a.len().min(b.len()) <= 3
}

/// Each two neighbouring plain words of `query`, with the place of the
/// first among the positive clauses.
fn neighbours(query: &Query) -> Vec<(usize, &str, &str)> {
    fn plain(c: &Clause) -> Option<&str> {
        match c.alts.as_slice() {
            [Atom::Word {
                folded,
                scope: Scope::Any,
                ..
            }] if !c.negated => Some(folded.as_str()),
            _ => None,
        }
    }
    let mut out = Vec::new();
    let mut at = 0;
    for (k, c) in query.clauses.iter().enumerate() {
        if c.negated {
            continue;
        }
        if let Some((a, b)) = plain(c).zip(query.clauses.get(k + 1).and_then(plain)) {
            out.push((at, a, b));
        }
        at += 1;
    }
    out
}

/// How a dictionary term relates to the query word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The word itself.
    Exact,
    /// A completion of the word being typed.
    Completion,
    /// A respelling this many edits away.
    Typo(u8),
    /// What the word makes written together with its neighbour in the
    /// query (see [`joins`]).
    Joined,
}

/// A dictionary term standing for a query word, with its score weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion<'i> {
    /// The dictionary term: a completion borrows the index's decoded key,
    /// sparing an allocation for each of a prefix's two dozen.
    pub term: Cow<'i, str>,
    /// Where its postings are.
    pub info: TermInfo,
    /// Score multiplier.
    pub weight: f32,
    /// How it was found.
    pub kind: Kind,
    /// For a typo, the written word the walk matched (`party` for the stem
    /// `parti`), if the dictionary holds one.
    pub written: Option<String>,
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

/// The terms `word` (a stem; `folded` is the word as written) matches.
/// `typed` is given for the word being typed and adds completions;
/// `fuzzy` allows typo candidates when nothing else matches.
pub fn expand<'i>(
    index: &'i Index<'_>,
    word: &str,
    folded: &str,
    typed: Option<&str>,
    fuzzy: bool,
) -> Vec<Expansion<'i>> {
    // Room for the completions: the list is allocated once.
    let mut out = Vec::with_capacity(MAX_COMPLETIONS + 1);
    match typed {
        // A word typed as its own stem is the first key its completions
        // scan: one lookup finds both.
        Some(typed) if typed == word => completions(index, word, typed, &mut out),
        _ => {
            if let Some(info) = index.term(word) {
                out.push(exact(word, info));
            }
            if let Some(typed) = typed {
                completions(index, word, typed, &mut out);
            }
        }
    }
    if out.is_empty() && fuzzy {
        typos(index, word, folded, &mut out);
    }
    out
}

fn exact(word: &str, info: TermInfo) -> Expansion<'static> {
    Expansion {
        term: Cow::Owned(word.to_string()),
        info,
        weight: 1.0,
        kind: Kind::Exact,
        written: None,
    }
}

/// Adds the completions of `typed` to `out`, which holds `word`'s exact
/// match if there is one; when `typed` is `word`, it is found here, the
/// first key of the scan, and put first.
fn completions<'i>(index: &'i Index<'_>, word: &str, typed: &str, out: &mut Vec<Expansion<'i>>) {
    let scan_finds_exact = typed == word;
    let mut exact_info = out.first().map(|e| e.info);
    // The most frequent completions, kept as (df, key's ordinal, postings),
    // on the stack: every query's last word comes here.
    let none = TermInfo::default();
    let mut top = [(0u32, 0usize, none); MAX_COMPLETIONS];
    let mut kept = 0;
    // What was typed, not its stem: `sals` should not complete to `salt`
    // through its stem `sal` (the stem itself is already an exact match).
    // The keys under the prefix are one range of the sorted keys.
    let keys = index.dictionary().sorted();
    let range = keys.prefix(typed.as_bytes());
    for mut ord in range.clone().take(MAX_PREFIX_SCAN) {
        let (info, kind) = index.entry(keys.value(ord));
        if kind == KeyKind::Alias {
            // A written word stands for its stem when the stem is not
            // under the prefix, as what was typed has run past it: `mappi`
            // is on its way to `mapping`, indexed as `map` (`usin`, `use`).
            // The other stems are keys of the range, met as such.
            match keys.alias_stem(ord) {
                Some(stem)
                    if !keys.key(stem).starts_with(typed.as_bytes())
                        && !top[..kept].iter().any(|e| e.2 == info) =>
                {
                    ord = stem
                }
                _ => continue,
            }
        }
        if scan_finds_exact && ord == range.start && keys.key(ord) == word.as_bytes() {
            exact_info = Some(info);
            continue;
        }
        if Some(info) == exact_info {
            continue;
        }
        if kept == MAX_COMPLETIONS && top[kept - 1].0 >= info.df {
            continue;
        }
        // Most frequent first; ties in dictionary order (stable insert).
        let at_rank = top[..kept].partition_point(|e| e.0 >= info.df);
        kept = (kept + 1).min(MAX_COMPLETIONS);
        top.copy_within(at_rank..kept - 1, at_rank + 1);
        top[at_rank] = (info.df, ord, info);
    }
    if scan_finds_exact {
        if let Some(info) = exact_info {
            out.push(exact(word, info));
        }
    }
    let mut found: Vec<Expansion> = Vec::with_capacity(kept);
    for &(_, ord, info) in &top[..kept] {
        let Ok(term) = std::str::from_utf8(keys.key(ord)) else {
            continue;
        };
        found.push(Expansion {
            term: Cow::Borrowed(term),
            info,
            weight: COMPLETION_WEIGHT,
            kind: Kind::Completion,
            written: None,
        });
    }
    // The word being typed most likely ends as its frequent completions:
    // a rare one (`lifetimeparam` for `lifetim`) must not lead on its idf
    // alone.
    let max_df = max_df(out.iter().chain(&found));
    weigh(&mut found, COMPLETION_WEIGHT, Kind::Completion, max_df);
    // The word being typed most likely ends as its most frequent match, so
    // that match's idf is what the typing tells: no match scores on more.
    // Else, where that word is in most documents (`system` on Node's
    // docs), a rare one (`sysctl`, or the word `sys` itself) outranks the
    // page about it on idf alone, and `File sys` does not find `File system`.
    let docs = index.doc_count() as f32;
    let cap = idf(docs, max_df as f32);
    // (idf falls as df rises: only a rarer match needs its own.)
    for e in out.iter_mut().chain(&mut found) {
        if e.info.df < max_df {
            e.weight *= cap / idf(docs, e.info.df as f32);
        }
    }
    out.extend(found);
}

/// Words in more documents than this are taken as spelled as meant; rarer
/// ones may be misspellings themselves.
pub const RARE_DF: u32 = 2;

/// The largest document frequency among `matches` (at least 1).
fn max_df<'e, 'i: 'e>(matches: impl Iterator<Item = &'e Expansion<'i>>) -> u32 {
    matches.map(|e| e.info.df).max().unwrap_or(1).max(1)
}

/// Sets each candidate's kind, and its weight: `weight` for one as
/// frequent as `max_df`, less by the square root of how much rarer it is.
fn weigh(found: &mut [Expansion], weight: f32, kind: Kind, max_df: u32) {
    for e in found {
        e.kind = kind;
        e.weight = weight * (e.info.df as f32 / max_df as f32).sqrt();
    }
}
