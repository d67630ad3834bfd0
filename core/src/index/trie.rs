//! The dictionary's keys decoded into one sorted array ([`Sorted`]), for
//! the typo walk and prefix completion. The trie they walk is implicit in
//! it: a node is the range of keys that share its path. Only the children
//! of the shallowest nodes, which have the most, are listed side by side.

use super::filter::KeyFilter;
use super::format::KeyKind;

/// Depths below which a node's children are listed side by side: the
/// nodes there have the most keys and the most children, and finding each
/// child by searching the keys would touch cache lines far apart.
const LEVELS: usize = 4;

/// Ends a list of children, and marks a node that has none listed.
const NONE: u32 = u32::MAX;

/// The keys in order in one buffer, with their values: the trie a typo walk
/// descends is implicit in it, a node being the range of keys that share
/// its path.
#[derive(Default)]
pub struct Sorted {
    bytes: Vec<u8>,
    /// Where each key starts in `bytes`, and one more for the end.
    starts: Vec<u32>,
    pub(super) values: Vec<u64>,
    /// The children of every node above depth [`LEVELS`], a list per node
    /// ended by a [`NONE`] start; the root's list comes first.
    kids: Vec<Kid>,
    /// The bytes of the root's children (see [`Kid::mask`]).
    root_mask: u32,
    /// Which keys may exist, for the typo walk's look-ups.
    filter: KeyFilter,
}

/// A child in a list of [`Sorted::kids`].
#[derive(Clone, Copy)]
struct Kid {
    /// Its first key; [`NONE`] ends the list.
    start: u32,
    /// Where its own list starts, or [`NONE`] at depth [`LEVELS`].
    kids: u32,
    /// The bytes of its children (see [`bit`]), and [`DIRECT`] if each
    /// has a bit of its own: a look-up of a missing child mostly ends here,
    /// and in a direct list a present one is found without a scan.
    mask: u32,
    /// The byte that leads to it.
    byte: u8,
}

/// The bit of byte `b` in a [`Kid::mask`]: one per letter, in order, and
/// one each for all bytes below them and all above. The order makes the
/// bits under a letter's count the children before it.
#[inline]
fn bit(b: u8) -> u32 {
    1 << match b {
        b'a'..=b'z' => u32::from(b - b'a') + 1,
        0..b'a' => 0,
        _ => 27,
    }
}

/// The bit of a [`Kid::mask`] saying that no two children share a bit.
const DIRECT: u32 = 1 << 31;

/// The mask of a node whose children are not known: every byte may lead on.
const ANY: u32 = u32::MAX;

/// Where [`Sorted`] keeps a list's document frequency in a value: above
/// its kind (2 bits) and the bit where the list starts in `postings`
/// (32 bits). An alias's value is its kind and its stem's ordinal above
/// it, and [`Sorted::value`] reads the stem's list there.
pub(crate) const DF_SHIFT: u32 = 34;

/// A node of the trie: the keys `from..to`, which share their first
/// `depth` bytes; the first may be that path itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Node {
    /// Its first key.
    pub from: usize,
    /// One past its last key.
    pub to: usize,
    /// Bytes its keys share.
    pub depth: usize,
    /// Whether its first key is its path (a key `depth` bytes long).
    pub own: bool,
    kids: u32,
    mask: u32,
}

impl Node {
    /// Whether some child may be led to by byte `b` (false: none is).
    #[inline]
    pub fn may_lead(&self, b: u8) -> bool {
        self.mask & bit(b) != 0
    }
}

/// A node's children in byte order (see [`Sorted::children`]).
pub struct Children<'s> {
    s: &'s Sorted,
    node: Node,
    /// The next child: an index in `kids` for a listed node, else a key.
    at: usize,
}

impl Iterator for Children<'_> {
    /// The byte leading to a child, and the child.
    type Item = (u8, Node);

    // Inlined into the typo walk: returned through memory in WebAssembly,
    // the (byte, node) pair cost a tenth of a typo query there.
    #[inline(always)]
    fn next(&mut self) -> Option<(u8, Node)> {
        let (s, n) = (self.s, self.node);
        if n.kids != NONE {
            let kid = s.kids[self.at];
            if kid.start == NONE {
                return None;
            }
            let child = s.listed(self.at, n);
            self.at += 1;
            return Some((kid.byte, child));
        }
        if self.at >= n.to {
            return None;
        }
        let b = s.byte(self.at, n.depth);
        let end = s.run_end(self.at, n.to, n.depth);
        let child = s.node(self.at, end, n.depth + 1, NONE, ANY);
        self.at = end;
        Some((b, child))
    }
}

impl Sorted {
    /// The whole trie.
    pub fn root(&self) -> Node {
        let kids = if self.kids.is_empty() { NONE } else { 0 };
        self.node(0, self.len(), 0, kids, self.root_mask)
    }

    /// The node `from..to` of `depth`, whose list of children starts at
    /// `kids` ([`NONE`] if they are searched for) and whose children's
    /// bytes are in `mask`.
    #[inline]
    fn node(&self, from: usize, to: usize, depth: usize, kids: u32, mask: u32) -> Node {
        Node {
            from,
            to,
            depth,
            own: self.own(from, to, depth),
            kids,
            mask,
        }
    }

    /// Whether the first of the keys `from..to` is `depth` bytes long, the
    /// path they share.
    #[inline]
    fn own(&self, from: usize, to: usize, depth: usize) -> bool {
        from < to && self.key(from).len() == depth
    }

    /// The children of `node`, in byte order.
    pub fn children(&self, node: Node) -> Children<'_> {
        let at = if node.kids != NONE {
            node.kids as usize
        } else {
            node.from + usize::from(node.own)
        };
        Children { s: self, node, at }
    }

    /// The child of `node` its byte `b` leads to: in a listed node by the
    /// mask, then a scan of the list; below, by a search of the keys.
    pub fn child(&self, node: Node, b: u8) -> Option<Node> {
        if !node.may_lead(b) {
            return None;
        }
        if node.kids != NONE {
            return self
                .kid(node.kids, node.mask, b)
                .map(|k| self.listed(k, node));
        }
        let at = self.first_at_least(node.from + usize::from(node.own), node.to, node.depth, b);
        (at < node.to && self.byte(at, node.depth) == b).then(|| {
            let end = self.run_end(at, node.to, node.depth);
            self.node(at, end, node.depth + 1, NONE, ANY)
        })
    }

    /// Where in `kids` the child by byte `b` is, in the list starting at
    /// `list` of a node whose children's bytes are in `mask`.
    #[inline]
    fn kid(&self, list: u32, mask: u32, b: u8) -> Option<usize> {
        if mask & bit(b) == 0 {
            return None;
        }
        let mut k = list as usize;
        if mask & DIRECT != 0 {
            // The children before it are the bits below its own. (A byte
            // outside the letters may share its bit with another.)
            k += (mask & (bit(b) - 1)).count_ones() as usize;
            return (self.kids[k].byte == b).then_some(k);
        }
        while self.kids[k].start != NONE && self.kids[k].byte < b {
            k += 1;
        }
        let kid = self.kids[k];
        (kid.start != NONE && kid.byte == b).then_some(k)
    }

    /// The child at `kids[k]` of the listed node `parent`.
    #[inline(always)]
    fn listed(&self, k: usize, parent: Node) -> Node {
        let kid = self.kids[k];
        let end = self.kid_end(k, parent.to);
        self.node(
            kid.start as usize,
            end,
            parent.depth + 1,
            kid.kids,
            kid.mask,
        )
    }

    /// Where the keys of `kids[k]` end: at the next child's first key, or
    /// for the last child at its parent's end, `to`.
    #[inline]
    fn kid_end(&self, k: usize, to: usize) -> usize {
        match self.kids[k + 1].start {
            NONE => to,
            e => e as usize,
        }
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The keys that start with `prefix`, as a range of ordinals.
    pub fn prefix(&self, prefix: &[u8]) -> std::ops::Range<usize> {
        let mut node = self.root();
        for &b in prefix {
            match self.child(node, b) {
                Some(n) => node = n,
                None => return 0..0,
            }
        }
        node.from..node.to
    }

    /// [`Sorted::find`] behind the key filter, given `path`, the hash of
    /// `node`'s path (see [`super::filter::step`]): most of the typo
    /// walk's look-ups are of missing keys, and end at the filter.
    #[inline]
    pub fn find_filtered(&self, node: Node, path: u64, rest: &[u8]) -> Option<usize> {
        if !self.filter.may_hold(path, rest) {
            return None;
        }
        self.find(node, rest)
    }

    /// The key of `node` whose bytes after its path are `rest`: the walk's
    /// shortcut once a key must match exactly.
    pub fn find(&self, node: Node, mut rest: &[u8]) -> Option<usize> {
        // Most rests are missing from their first or second byte on: the
        // listed levels find that in a few steps each, by the list alone
        // (a whole `Node` per level would read the keys' starts).
        let (mut from, mut to, mut depth) = (node.from, node.to, node.depth);
        let (mut list, mut mask) = (node.kids, node.mask);
        while list != NONE {
            let Some((&b, after)) = rest.split_first() else {
                return self.own(from, to, depth).then_some(from);
            };
            let k = self.kid(list, mask, b)?;
            let kid = self.kids[k];
            (from, to, depth) = (kid.start as usize, self.kid_end(k, to), depth + 1);
            (list, mask) = (kid.kids, kid.mask);
            rest = after;
        }
        let tail = |j: usize| &self.key(j)[depth..];
        // Keys mostly differ from `rest` at their first byte or two: a byte
        // loop beats a call to memcmp.
        let below = |key: &[u8]| {
            for (a, b) in key.iter().zip(rest) {
                if a != b {
                    return a < b;
                }
            }
            key.len() < rest.len()
        };
        if rest.first().is_some_and(|&b| mask & bit(b) == 0) {
            return None;
        }
        let (mut lo, mut hi) = (from, to);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if below(tail(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (lo < to && tail(lo) == rest).then_some(lo)
    }

    /// Key `j`.
    #[inline]
    pub fn key(&self, j: usize) -> &[u8] {
        &self.bytes[self.starts[j] as usize..self.starts[j + 1] as usize]
    }

    /// Value of key `j`: kind, list and document frequency (see
    /// `DF_SHIFT`); an alias's is its stem's with the alias's kind.
    #[inline]
    pub fn value(&self, j: usize) -> u64 {
        let v = self.values[j];
        match self.alias_stem(j).and_then(|stem| self.values.get(stem)) {
            Some(stem) => stem & !3,
            None => v,
        }
    }

    /// The ordinal of the stem key `j` is an alias of, if `j` is an alias.
    #[inline]
    pub fn alias_stem(&self, j: usize) -> Option<usize> {
        let v = self.values[j];
        (v & 3 == KeyKind::Alias as u64).then_some((v >> 2) as usize)
    }

    /// Byte `i` of key `j`, which is longer than `i`.
    #[inline]
    fn byte(&self, j: usize, i: usize) -> u8 {
        self.bytes[self.starts[j] as usize + i]
    }

    /// The first key in `from..to` whose byte `i` is at least `b`, every key
    /// there being longer than `i` and ascending at `i`: a gallop then a
    /// binary search, so a child costs the log of its size.
    fn first_at_least(&self, from: usize, to: usize, i: usize, b: u8) -> usize {
        if from >= to || self.byte(from, i) >= b {
            return from;
        }
        // byte(lo) < b; the answer is in (lo, hi].
        let (mut lo, mut hi, mut step) = (from, to, 1);
        while lo + step < to {
            if self.byte(lo + step, i) >= b {
                hi = lo + step;
                break;
            }
            lo += step;
            step *= 2;
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.byte(mid, i) < b {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        hi
    }

    /// The end of the keys in `from..to` whose byte `i` is that of key
    /// `from`.
    #[inline]
    fn run_end(&self, from: usize, to: usize, i: usize) -> usize {
        match self.byte(from, i).checked_add(1) {
            Some(next) => self.first_at_least(from, to, i, next),
            None => to,
        }
    }
}

mod build;
#[cfg(test)]
mod tests;
