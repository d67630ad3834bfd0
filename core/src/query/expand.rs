//! A query word → the dictionary terms it stands for, each with a weight:
//! the word itself; for the word being typed, its completions; and, when
//! neither exists, the terms within a small edit distance (typos); and the
//! word two neighbouring query words make written together (`joins`).

use super::ast::{Atom, Clause, Query, Scope};
use super::fuzzy;
use crate::index::format::KeyKind;
use crate::index::{Index, TermInfo};
use crate::rank::idf;
use std::borrow::Cow;

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
/// document that has it scores about as one with both words.
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
        let next = query.clauses.get(k + 1);
        // One word short: `log in`, `set up`, `e mail`. Two longer words
        // are more often two things (`read stream` is not `ReadStream`).
        let pair = plain(c).zip(next.and_then(plain));
        if let Some((a, b)) = pair.filter(|(a, b)| long || a.len().min(b.len()) <= 3) {
            let mut joined = a.to_string();
            joined.push_str(b);
            index.stem_in_place(&mut joined);
            if let Some(info) = index.term(&joined).filter(|i| long || i.df > RARE_DF) {
                let e = Expansion {
                    term: Cow::Owned(joined),
                    info,
                    weight: JOINED_WEIGHT,
                    kind: Kind::Joined,
                    written: None,
                };
                out.push((at, e.clone()));
                out.push((at + 1, e));
            }
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
        let Some((info, kind)) = index.entry(keys.value(ord)) else {
            continue;
        };
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

/// Dictionary terms whose written words are within [`max_edits`] of the
/// written word `folded` (the stem `word` sets the length), only those at
/// the smallest distance found, most frequent first. Words of 8 letters or
/// more may have two edits after their first letter, or one anywhere.
/// A word with a digit has none: a year, a version or a part number that
/// the corpus lacks is not a misspelling of a neighbouring one.
pub fn typos<'i>(index: &Index<'_>, word: &str, folded: &str, out: &mut Vec<Expansion<'i>>) {
    // Letters counted by their first bytes: `chars().count()` brings the
    // standard library's 800-byte word-at-a-time count into the `.wasm`.
    let letters = |s: &str| s.bytes().filter(|&b| (b as i8) >= -0x40).count();
    let edits = max_edits(letters(word).max(letters(folded)));
    if edits == 0 || folded.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    // One candidate per dictionary term.
    let mut found: Vec<Candidate> = Vec::new();
    // Only the closest candidates are kept (below), so two edits are looked
    // for only when no term is one edit away: most typos are one slip, and
    // the one-edit walk is the cheap one.
    for first in 1..=edits {
        if first > 1 && !found.is_empty() {
            break;
        }
        // `first` edits below the word's first letter; one anywhere.
        let q = fuzzy::Query {
            word: folded.as_bytes(),
            first,
            other: 1,
        };
        // Stems and written words in one walk; a written word stands for its
        // stem: `cnts` is one edit from `cents` but two from `cent`.
        fuzzy::walk(
            index.dictionary().sorted(),
            &q,
            MAX_FUZZY_SCAN,
            |key, d, value| {
                // The word itself is no typo of itself (only a respelling
                // walks from a word the index has: `pyhton`, in one
                // document, is still `python`).
                if d == 0 {
                    return;
                }
                let (Ok(key), Some((info, kind))) = (std::str::from_utf8(key), index.entry(value))
                else {
                    return;
                };
                let hit = Hit { folded, d, key };
                match kind {
                    KeyKind::Alias => {
                        hit.keep(info, kind, || index.stem(key), &mut found);
                    }
                    KeyKind::Both => {
                        hit.keep(info, kind, || key.to_string(), &mut found);
                        let stem = crate::text::stem::stemmed(key);
                        if let Some(info) = index.term(&stem) {
                            hit.keep(info, KeyKind::Alias, || stem, &mut found);
                        }
                    }
                    KeyKind::Stem | KeyKind::Word => {
                        hit.keep(info, kind, || key.to_string(), &mut found);
                    }
                }
            },
        );
    }
    // Only the closest: a frequent word two edits away must not crowd out
    // the rarer one a single edit away (`contabious` is `contagious`, not
    // `contact`). Among single edits, two neighbouring letters swapped is
    // the fast typist's slip: `hcart` is `chart` before `heart`; unless the
    // swapped word is itself too rare to be taken as meant (`certifcate`
    // is `certificate`, not a changelog's `certficate`).
    let closest = found.iter().map(|f| f.d).min().unwrap_or(0);
    found.retain(|f| f.d == closest);
    if found.iter().any(|f| f.swap && f.e.info.df > RARE_DF) {
        found.retain(|f| f.swap);
    }
    let mut found: Vec<Expansion> = found.into_iter().map(|f| f.e).collect();
    keep_most_frequent(&mut found, MAX_FUZZY);
    // The frequent respelling should lead: a rare neighbour one edit away
    // (`nuer` for `nubers`) weighs less than the common one (`number`).
    let (weight, max_df) = (TYPO_WEIGHT.powi(i32::from(closest)), max_df(found.iter()));
    weigh(&mut found, weight, Kind::Typo(closest), max_df);
    out.extend(found);
}

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

/// Keeps the `k` most frequent of `found`, most frequent first; ties in
/// dictionary order, for determinism.
fn keep_most_frequent(found: &mut Vec<Expansion>, k: usize) {
    crate::sort::keep_first(found, k, |a, b| {
        b.info
            .df
            .cmp(&a.info.df)
            .then_with(|| a.term.cmp(&b.term))
            .is_lt()
    });
}

/// A dictionary key the typo walk matched, `d` edits from `folded`.
struct Hit<'a> {
    folded: &'a str,
    d: u8,
    key: &'a str,
}

impl Hit<'_> {
    /// Records the key as a candidate for the term whose list is `info`;
    /// `term` names it, and is only made for a term not yet found.
    fn keep(
        &self,
        info: TermInfo,
        kind: KeyKind,
        term: impl FnOnce() -> String,
        found: &mut Vec<Candidate>,
    ) {
        let d = self.d;
        let swap = d == 1 && is_swap(self.folded, self.key);
        let written = kind.is_written().then(|| self.key.to_string());
        if let Some(f) = found.iter_mut().find(|f| f.e.info == info) {
            if d < f.d || (d == f.d && f.e.written.is_none()) {
                f.e.written = written;
            }
            f.d = f.d.min(d);
            f.swap |= swap;
        } else {
            let e = Expansion {
                term: Cow::Owned(term()),
                info,
                weight: 0.0,
                kind: Kind::Typo(d),
                written,
            };
            found.push(Candidate { d, swap, e });
        }
    }
}

/// A typo candidate while the dictionary is walked.
struct Candidate<'i> {
    /// Edits from the query word.
    d: u8,
    /// One of its written words is the query word with two neighbouring
    /// letters swapped.
    swap: bool,
    e: Expansion<'i>,
}

/// Whether `b` is `a` with two neighbouring letters swapped.
fn is_swap(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let Some(i) = a.iter().zip(b).position(|(x, y)| x != y) else {
        return false;
    };
    i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
}
