//! Phrase matching over stored token positions.

use super::ast::Scope;
use crate::index::{Index, Posting, TermInfo};

/// Documents where `words` stand next to each other in order, each with
/// the postings of every word there (in `words` order).
pub fn matches(index: &Index<'_>, words: &[String], scope: Scope) -> Vec<(u32, Vec<Posting>)> {
    let infos: Option<Vec<_>> = words.iter().map(|w| index.term(w)).collect();
    let Some(infos) = infos else {
        return Vec::new();
    };
    // Documents containing every word.
    let lists: Vec<Vec<Posting>> = infos.iter().map(|&t| index.postings(t).collect()).collect();
    let mut common: Vec<u32> = lists[0].iter().map(|p| p.doc).collect();
    for l in &lists[1..] {
        common.retain(|d| l.binary_search_by_key(d, |p| p.doc).is_ok());
    }
    if common.is_empty() {
        return Vec::new();
    }
    // Positions of each word in the common documents.
    let pos: Option<Vec<Vec<Vec<u32>>>> = lists
        .iter()
        .zip(&infos)
        .map(|(list, &info)| positions_in(index, info, list.iter().map(|p| p.doc), &common))
        .collect();
    let Some(pos) = pos else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, &doc) in common.iter().enumerate() {
        let title_len = index.lengths(doc).0;
        let hit = pos[0][k].iter().any(|&start| {
            let in_scope = scope == Scope::Any || start < title_len;
            in_scope
                && pos[1..]
                    .iter()
                    .enumerate()
                    .all(|(i, p)| p[k].binary_search(&(start + 1 + i as u32)).is_ok())
        });
        if hit {
            let postings = lists
                .iter()
                .filter_map(|l| l.binary_search_by_key(&doc, |p| p.doc).ok().map(|i| l[i]))
                .collect();
            out.push((doc, postings));
        }
    }
    out
}

/// The positions of `info` in each of `docs` (sorted ordinals; empty where
/// the term is absent), walking its positions in step with `postings`, the
/// documents of its postings list. `None` if the positions do not decode.
pub(super) fn positions_in(
    index: &Index<'_>,
    info: TermInfo,
    postings: impl Iterator<Item = u32>,
    docs: &[u32],
) -> Option<Vec<Vec<u32>>> {
    let mut out = vec![Vec::new(); docs.len()];
    let mut cursor = index.positions(info);
    let mut k = 0;
    for doc in postings {
        while k < docs.len() && docs[k] < doc {
            k += 1;
        }
        if k == docs.len() {
            break;
        }
        if docs[k] == doc {
            cursor.read(&mut out[k])?;
        } else {
            cursor.skip()?;
        }
    }
    Some(out)
}
