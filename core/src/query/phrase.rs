//! Phrase matching over stored token positions.

use super::ast::Scope;
use crate::index::{Index, Posting};

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
    let mut pos: Vec<Vec<Vec<u32>>> = Vec::with_capacity(words.len());
    for (list, &info) in lists.iter().zip(&infos) {
        let mut cursor = index.positions(info);
        let mut per_doc = Vec::with_capacity(common.len());
        for p in list {
            if common.binary_search(&p.doc).is_ok() {
                let mut v = Vec::new();
                if cursor.read(&mut v).is_none() {
                    return Vec::new();
                }
                per_doc.push(v);
            } else if cursor.skip().is_none() {
                return Vec::new();
            }
        }
        pos.push(per_doc);
    }
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
