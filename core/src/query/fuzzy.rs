//! Dictionary entries within one or two edits of a word, found by walking
//! the trie implicit in the sorted keys with the edit-distance table
//! computed one byte per node.
//!
//! Distances are restricted Damerau-Levenshtein (a swap of neighbouring
//! bytes is one edit) over bytes, which are letters once words are folded.
//! Only the band of the table within two cells of the diagonal is kept:
//! outside it a cell is at least its distance from the diagonal, so over
//! the limit. Each step therefore costs five cells whatever the word's
//! length. Unlike a Levenshtein DFA it costs nothing to set up, which
//! matters when every keystroke is a new word.
//!
//! Most of a walk is spent where no edit is left, and there the band
//! names the few keys that can still match (the rest of the word after
//! each cell at the limit): they are looked up, not walked to. Among the
//! children of a node with an edit left, every byte that is none of the
//! word's under the band gives the same next row, so it is made once.

use crate::index::filter::{step as hash_step, SEED};
use crate::index::trie::{Node, Sorted};

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
    w.node(keys.root(), &start, q.first.max(q.other), SEED);
}

struct Walker<'a, 'w, F> {
    keys: &'a Sorted,
    q: &'a Query<'w>,
    left: usize,
    f: &'a mut F,
}

impl<F: FnMut(&[u8], u8, u64)> Walker<'_, '_, F> {
    /// Walks `node` with table row `band` (row `i`, its depth); `max` is
    /// the limit in this subtree, `path` the hash of the node's path (see
    /// [`Sorted::find_filtered`]).
    fn node(&mut self, node: Node, band: &Band, max: u8, path: u64) {
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
                self.report(&mut [(node.from, d)]);
            }
        }
        if band.row.iter().any(|&c| c < max) {
            self.children(node, band, max, path);
        } else {
            self.exact_rests(node, band, max, path);
        }
    }

    /// Walks the children of `node`, whose row `band` has an edit left, so
    /// any byte may be a substitution. A byte that is none of the word's
    /// near depth `i` gives the same next row whatever it is: that row is
    /// made once, and where it leaves no edit, the rests of the word it
    /// allows are looked up in each such child.
    fn children(&mut self, node: Node, band: &Band, max: u8, path: u64) {
        let (w, i) = (self.q.word, node.depth);
        // The bytes a step from row i compares with, and those the swap
        // check of the step after compares with a byte read now: both are
        // under the band (a swap further out would need a cell under 2).
        let near = &w[i.saturating_sub(MAX_EDITS)..(i + MAX_EDITS + 1).min(w.len())];
        let stranger = (0..=u8::MAX).find(|b| !near.contains(b)).unwrap_or(0);
        let far_max = if i == 0 { self.q.other } else { max };
        let far = self.step(band, i, stranger);
        let far_edits = far.row.iter().any(|&c| c < far_max);
        let mut rests = [(0, FAR); BAND];
        let mut found = 0;
        for (t, &c) in far.row.iter().enumerate() {
            // Cell t of row i + 1 is column i + t - 1.
            if let Some(j) = (i + t + 1).checked_sub(MAX_EDITS) {
                if c <= far_max && j <= w.len() {
                    rests[found] = (j, c);
                    found += 1;
                }
            }
        }
        // No rest: no entry below such a child is within the limit.
        let rests = &rests[..found];
        let mut children = self.keys.children(node);
        while self.left > 0 {
            let Some((b, child)) = children.next() else {
                break;
            };
            let path = hash_step(path, b);
            if near.contains(&b) {
                self.edge(b, child, band, max, path);
            } else if far_edits {
                self.node(child, &Band { last: b, ..far }, far_max, path);
            } else if !rests.is_empty() {
                let mut hits = [(usize::MAX, FAR); BAND];
                let mut n = 0;
                for &(j, d) in rests {
                    // Most children lead nowhere the word goes on to.
                    if w.get(j).is_some_and(|&b| !child.may_lead(b)) {
                        continue;
                    }
                    if let Some(k) = self.keys.find_filtered(child, path, &w[j..]) {
                        hits[n] = (k, d);
                        n += 1;
                    }
                }
                self.report(&mut hits[..n]);
            }
        }
    }

    /// Reports the entries below `node` that match with no edit left
    /// (every cell of `band` at or over `max`): those whose key goes on
    /// with the rest of the word after a cell at the limit, or after a swap
    /// from a cell of the row before under it. There are at most ten such
    /// keys, so each is looked up directly instead of walked to byte by
    /// byte.
    fn exact_rests(&mut self, node: Node, band: &Band, max: u8, path: u64) {
        let (w, i) = (self.q.word, node.depth);
        let mut hits = [(usize::MAX, FAR); 2 * BAND];
        let mut found = 0;
        let mut swapped = [0u8; MAX_BYTES];
        for t in 0..BAND {
            // Cell t of row i is column i + t - 2; its key goes on with
            // the word from there (an empty rest is the node's own key).
            let j = (i + t).checked_sub(MAX_EDITS);
            if let Some(j) = j.filter(|&j| band.row[t] <= max && j < w.len()) {
                if let Some(k) = self.keys.find_filtered(node, path, &w[j..]) {
                    hits[found] = (k, band.row[t]);
                    found += 1;
                }
            }
            // Cell t of row i - 1 is column i + t - 3: the byte read last
            // was the word's next but one, and the key goes on with the
            // word's next, then the rest after both.
            let j = (i + t).checked_sub(MAX_EDITS + 1);
            if let Some(j) = j.filter(|&j| band.prev[t] < max && j + 1 < w.len()) {
                if w[j + 1] == band.last {
                    let rest = &mut swapped[..w.len() - j - 1];
                    rest[0] = w[j];
                    rest[1..].copy_from_slice(&w[j + 2..]);
                    if let Some(k) = self.keys.find_filtered(node, path, rest) {
                        hits[found] = (k, band.prev[t] + 1);
                        found += 1;
                    }
                }
            }
        }
        self.report(&mut hits[..found]);
    }

    /// Reports `hits` (key, distance) in key order, as the walk does; a
    /// key reached twice once, at its smaller distance.
    fn report(&mut self, hits: &mut [(usize, u8)]) {
        crate::sort::sort_by(hits, |a, b| a < b);
        for (n, &(k, d)) in hits.iter().enumerate() {
            if n > 0 && hits[n - 1].0 == k {
                continue;
            }
            if self.left == 0 {
                return;
            }
            self.left -= 1;
            (self.f)(self.keys.key(k), d, self.keys.value(k));
        }
    }

    /// Descends into `child` (path hash `path`), reached by byte `b` from a
    /// node with table row `band`, if some entry below can still match.
    fn edge(&mut self, b: u8, child: Node, band: &Band, max: u8, path: u64) {
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
        self.node(child, &next, max, path);
    }

    /// Row `i + 1` from row `i` (`band`) after reading byte `b`. Inlined,
    /// so that in WebAssembly the row is not returned through memory.
    #[inline(always)]
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
mod tests;
