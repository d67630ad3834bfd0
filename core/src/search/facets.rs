//! Facets: the values of `place` and the years of `date` over every match.

use super::Facets;
use crate::index::Index;

/// The fields counted in facets: `place`, and `date` by year.
const FACETS: [(&str, &str, usize); 2] = [("place", "place", usize::MAX), ("date", "year", 4)];

/// Whether the corpus has a field that facets count.
pub fn has_facets(index: &Index<'_>) -> bool {
    FACETS.iter().any(|f| index.has_field(f.0))
}

/// Counts `place` values and `date` years over `docs` and `unranked`, where
/// the corpus has them.
pub fn facets<'i>(index: &Index<'i>, docs: &[(u32, f32)], unranked: &[u32]) -> Facets<'i> {
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
