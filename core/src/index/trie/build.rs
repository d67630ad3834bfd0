//! Building [`Sorted`]: the keys pushed in order, then the lists of the
//! shallowest nodes' children and the key filter.

use super::{bit, Kid, Sorted, DIRECT, LEVELS, NONE};
use crate::index::filter::KeyFilter;

/// The mask of the bytes of `kids`, with [`DIRECT`] if each has its own bit.
fn mask_of(bytes: impl Iterator<Item = u8>) -> u32 {
    let (mut mask, mut direct) = (0, DIRECT);
    for b in bytes {
        if mask & bit(b) != 0 {
            direct = 0;
        }
        mask |= bit(b);
    }
    mask | direct
}

impl Sorted {
    /// From keys in ascending order, with their values.
    pub fn from_sorted<K: AsRef<[u8]>>(pairs: impl IntoIterator<Item = (K, u64)>) -> Sorted {
        let mut s = Sorted::default();
        for (k, v) in pairs {
            s.push(k.as_ref());
            s.values.push(v);
        }
        s.list_kids();
        s
    }

    /// Room for `n` keys' starts and values.
    pub(in crate::index) fn with_capacity(n: usize) -> Self {
        Sorted {
            starts: Vec::with_capacity(n + 1),
            values: Vec::with_capacity(n),
            ..Sorted::default()
        }
    }

    pub(in crate::index) fn push(&mut self, key: &[u8]) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.bytes.extend_from_slice(key);
        self.starts.push(self.bytes.len() as u32);
    }

    /// Fills `kids`, from the root down, and the filter.
    pub(in crate::index) fn list_kids(&mut self) {
        let filter = KeyFilter::of_keys(self.len(), (0..self.len()).map(|j| self.key(j)));
        self.filter = filter;
        self.kids.clear();
        if !self.is_empty() {
            self.root_mask = self.list(0, self.len(), 0).1;
        }
    }

    /// Appends the list of the node `from..to` of `depth`, then those of
    /// its children above [`LEVELS`]; where its list starts, and the mask
    /// of its children's bytes.
    fn list(&mut self, from: usize, to: usize, depth: usize) -> (u32, u32) {
        let at = self.kids.len();
        let mut c = from + usize::from(self.own(from, to, depth));
        while c < to {
            self.kids.push(Kid {
                start: c as u32,
                kids: NONE,
                mask: 0,
                byte: self.byte(c, depth),
            });
            c = self.run_end(c, to, depth);
        }
        let mask = mask_of(self.kids[at..].iter().map(|k| k.byte));
        self.kids.push(Kid {
            start: NONE,
            kids: NONE,
            mask: 0,
            byte: 0,
        });
        for k in at..self.kids.len() - 1 {
            let (start, end) = (self.kids[k].start as usize, self.kid_end(k, to));
            let kid = if depth + 1 < LEVELS {
                self.list(start, end, depth + 1)
            } else {
                // Not listed: its children's bytes are read from its keys.
                let skip = usize::from(self.own(start, end, depth + 1));
                let bytes = (start + skip..end).map(|j| self.byte(j, depth + 1));
                (NONE, mask_of(bytes) & !DIRECT)
            };
            (self.kids[k].kids, self.kids[k].mask) = kid;
        }
        (at as u32, mask)
    }
}
