//! The typo candidates of a word: dictionary terms a small edit distance
//! away, found by walking the dictionary's trie (`fuzzy`).

use super::{
    max_df, max_edits, weigh, Expansion, Kind, MAX_FUZZY, MAX_FUZZY_SCAN, RARE_DF, TYPO_WEIGHT,
};
use crate::index::format::KeyKind;
use crate::index::{Index, TermInfo};
use crate::query::fuzzy;
use std::borrow::Cow;

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
                let Ok(key) = std::str::from_utf8(key) else {
                    return;
                };
                let (info, kind) = index.entry(value);
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
