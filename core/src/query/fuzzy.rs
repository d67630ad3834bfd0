//! Dictionary entries within one or two edits of a word, found by walking
//! the trie implicit in the sorted keys with the edit-distance table
//! computed one byte per node.
//!
//! Distances are restricted Damerau-Levenshtein (a swap of neighbouring
//! bytes is one edit) over bytes, which are letters once words are folded.
//! Only the band of the table within two cells of the diagonal is kept:
//! outside it a cell is at least its distance from the diagonal, so over
//! the limit. Each step therefore costs five cells whatever the word's
//! length, and a child (a run of keys sharing one more byte) is looked for
//! only when the band says some entry below it can still match. Unlike a
//! Levenshtein DFA it costs nothing to set up, which matters when every
//! keystroke is a new word.

use crate::index::dict::{Node, Sorted};

/// Longest word (in bytes) that typo tolerance considers.
pub const MAX_BYTES: usize = 24;
/// Most edits the band holds.
const MAX_EDITS: usize = 2;
const BAND: usize = 2 * MAX_EDITS + 1;
/// A cell known to be over every limit.
const FAR: u8 = MAX_EDITS as u8 + 1;

/// What to look for: `word` within `first` edits in the subtree of its own
/// first byte, and within `other` edits elsewhere (typos rarely start a
/// word, and a looser limit under one first byte keeps the walk small).
pub struct Query<'w> {
    /// The word as written, folded.
    pub word: &'w [u8],
    /// Edits allowed below the word's first byte.
    pub first: u8,
    /// Edits allowed elsewhere.
    pub other: u8,
}

/// Row `i` of the table, cells `j` from `i - 2` to `i + 2` (index `j - i + 2`).
#[derive(Clone, Copy)]
struct Band {
    row: [u8; BAND],
    /// Row `i - 1`, for swaps.
    prev: [u8; BAND],
    /// Byte `i` of the entry (the last one read).
    last: u8,
}

/// Calls `f(entry, distance, value)` for the entries of `keys` that match
/// `q`, in order, and stops after `limit` of them. Words longer than
/// [`MAX_BYTES`] or asking more than two edits find nothing.
pub fn walk(keys: &Sorted, q: &Query<'_>, limit: usize, mut f: impl FnMut(&[u8], u8, u64)) {
    let n = q.word.len();
    if n == 0 || n > MAX_BYTES || q.first.max(q.other) as usize > MAX_EDITS {
        return;
    }
    let mut row = [FAR; BAND];
    for (t, cell) in row.iter_mut().enumerate().skip(MAX_EDITS) {
        let j = t - MAX_EDITS;
        if j <= n {
            *cell = j as u8;
        }
    }
    let start = Band {
        row,
        prev: [FAR; BAND],
        last: 0,
    };
    let mut w = Walker {
        keys,
        q,
        left: limit,
        f: &mut f,
    };
    w.node(keys.root(), &start, q.first.max(q.other));
}

struct Walker<'a, 'w, F> {
    keys: &'a Sorted,
    q: &'a Query<'w>,
    left: usize,
    f: &'a mut F,
}

impl<F: FnMut(&[u8], u8, u64)> Walker<'_, '_, F> {
    /// Walks `node` with table row `band` (row `i`, its depth); `max` is
    /// the limit in this subtree.
    fn node(&mut self, node: Node, band: &Band, max: u8) {
        let i = node.depth;
        if node.own {
            // The node's own key, first of its range: cell j = n of row i.
            let d = (self.q.word.len() + MAX_EDITS)
                .checked_sub(i)
                .and_then(|k| band.row.get(k))
                .copied()
                .unwrap_or(FAR);
            if d <= max && i > 0 {
                if self.left == 0 {
                    return;
                }
                self.left -= 1;
                (self.f)(self.keys.key(node.from), d, self.keys.value(node.from));
            }
        }
        let mut children = self.keys.children(node);
        if band.row.iter().any(|&c| c < max) {
            // An edit is left: any byte may be a substitution.
            while self.left > 0 {
                let Some((b, child)) = children.next() else {
                    break;
                };
                self.edge(b, child, band, max);
            }
        } else {
            // No edit left: only the byte after a cell at the limit (a
            // match) or after a cell of the row before under it (a swap)
            // keeps an entry within it. Seeking those skips the other
            // children without looking at them.
            let w = self.q.word;
            let mut bytes = [0u8; 2 * BAND];
            let mut found = 0;
            for t in 0..BAND {
                // Cell t of row i is column i + t - 2; of row i - 1, i + t - 3.
                let wanted = [
                    (band.row[t] <= max, (i + t).checked_sub(2)),
                    (band.prev[t] < max, (i + t).checked_sub(3)),
                ];
                for (live, j) in wanted {
                    if let (true, Some(&b)) = (live, j.and_then(|j| w.get(j))) {
                        bytes[found] = b;
                        found += 1;
                    }
                }
            }
            let bytes = &mut bytes[..found];
            bytes.sort_unstable();
            for (k, &b) in bytes.iter().enumerate() {
                if k > 0 && bytes[k - 1] == b {
                    continue;
                }
                if let Some(child) = children.seek(b) {
                    self.edge(b, child, band, max);
                }
            }
        }
    }

    /// Descends into `child`, reached by byte `b` from a node with table
    /// row `band`, if some entry below can still match.
    fn edge(&mut self, b: u8, child: Node, band: &Band, max: u8) {
        if self.left == 0 {
            return;
        }
        let i = child.depth - 1;
        let max = match i {
            0 if b == self.q.word[0] => self.q.first,
            0 => self.q.other,
            _ => max,
        };
        let next = self.step(band, i, b);
        if next.row.iter().all(|&c| c > max) {
            return;
        }
        self.node(child, &next, max);
    }

    /// Row `i + 1` from row `i` (`band`) after reading byte `b`.
    fn step(&self, band: &Band, i: usize, b: u8) -> Band {
        let w = self.q.word;
        let mut row = [FAR; BAND];
        for t in 0..BAND {
            // Column j of row i + 1 sits at t = j - (i + 1) + 2.
            let Some(j) = (t + i + 1).checked_sub(MAX_EDITS) else {
                continue;
            };
            if j > w.len() {
                break;
            }
            if j == 0 {
                row[t] = (i + 1).min(FAR as usize) as u8;
                continue;
            }
            // Row i holds column j - 1 at t and column j at t + 1.
            let sub = band.row[t].saturating_add(u8::from(w[j - 1] != b));
            let del = band.row.get(t + 1).map_or(FAR, |c| c + 1);
            let ins = if t > 0 { row[t - 1] + 1 } else { FAR };
            let mut d = sub.min(del).min(ins);
            // Row i - 1 holds column j - 2 at t.
            if i > 0 && j > 1 && w[j - 1] == band.last && w[j - 2] == b {
                d = d.min(band.prev[t] + 1);
            }
            row[t] = d.min(FAR);
        }
        Band {
            row,
            prev: band.row,
            last: b,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The whole table, for reference.
    fn distance(a: &[u8], b: &[u8]) -> usize {
        let (n, m) = (a.len(), b.len());
        let mut d = vec![vec![0usize; m + 1]; n + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=n {
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (d[i - 1][j - 1] + cost)
                    .min(d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        d[n][m]
    }

    fn found(entries: &[&str], q: &Query<'_>) -> Vec<(String, u8, u64)> {
        let mut sorted: Vec<&str> = entries.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let keys = Sorted::from_sorted(sorted.iter().enumerate().map(|(k, e)| (*e, k as u64)));
        let mut out = Vec::new();
        walk(&keys, q, usize::MAX, |e, d, v| {
            out.push((String::from_utf8(e.to_vec()).expect("utf-8"), d, v));
        });
        out
    }

    fn expected(entries: &[&str], q: &Query<'_>) -> Vec<(String, u8, u64)> {
        let mut sorted: Vec<&str> = entries.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        sorted
            .iter()
            .enumerate()
            .filter_map(|(k, e)| {
                let max = if e.as_bytes().first() == q.word.first() {
                    q.first
                } else {
                    q.other
                };
                let d = distance(q.word, e.as_bytes());
                (d <= max as usize).then(|| (e.to_string(), d as u8, k as u64))
            })
            .collect()
    }

    #[test]
    fn finds_substitutions_insertions_deletions_and_swaps() {
        let entries = [
            "heart", "chart", "hart", "hearth", "earth", "heat", "cart", "ehart",
        ];
        let q = Query {
            word: b"hcart",
            first: 1,
            other: 1,
        };
        let got = found(&entries, &q);
        assert_eq!(got, expected(&entries, &q));
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(names, ["cart", "chart", "hart", "heart"]);
    }

    #[test]
    fn a_looser_limit_applies_only_under_the_first_byte() {
        let entries = ["contagious", "contact", "xontabiouz", "contabious"];
        let q = Query {
            word: b"contabious",
            first: 2,
            other: 1,
        };
        assert_eq!(found(&entries, &q), expected(&entries, &q));
    }

    #[test]
    fn stops_after_the_limit() {
        let keys = Sorted::from_sorted(["aa", "ab", "ac", "ad"].map(|k| (k, 0)));
        let q = Query {
            word: b"ax",
            first: 1,
            other: 1,
        };
        let mut seen = Vec::new();
        walk(&keys, &q, 2, |e, _, _| seen.push(e.to_vec()));
        assert_eq!(seen, [b"aa".to_vec(), b"ab".to_vec()]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// Exactly the entries the whole table puts within the limits, with
        /// their distances and outputs.
        #[test]
        fn agrees_with_the_whole_table(
            word in "[abc]{1,7}",
            entries in proptest::collection::vec("[abcd]{1,8}", 0..40),
            first in 0u8..=2,
            other in 0u8..=2,
        ) {
            let refs: Vec<&str> = entries.iter().map(String::as_str).collect();
            let q = Query { word: word.as_bytes(), first, other };
            prop_assert_eq!(found(&refs, &q), expected(&refs, &q));
        }
    }
}
