//! The `terms` dictionary (layout in `format`): front-coded keys in blocks,
//! read in place for lookups and prefix scans, and decoded once into a
//! sorted array ([`Sorted`]) the first time a typo walk needs one.
//!
//! Front coding gzips far better than an `fst`, whose node addresses look
//! random to gzip: 61 KB less at 10,000 documents, a quarter of the
//! dictionary. The trie the typo walk needs is implicit in the sorted
//! keys, so nothing about it is stored.

use super::format::{dict_value, read_u32, split_value, KeyKind, DICT_BLOCK};
use super::varint::Reader;
use std::sync::OnceLock;

/// Bytes of one block-index entry: key, value and postings offsets.
const INDEX_ENTRY: usize = 12;

/// A key's value as the writer gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The key has its own postings list, of `len` bytes; lists follow the
    /// order of their keys.
    Own {
        /// Stem, word or both.
        kind: KeyKind,
        /// Bytes of the list.
        len: u64,
    },
    /// An alias of the key at ordinal `stem`.
    Alias {
        /// The stem's ordinal.
        stem: usize,
    },
}

/// Encodes sorted, distinct `(key, entry)` pairs as a `terms` section.
#[cfg(feature = "build")]
pub fn encode(entries: &[(&[u8], Entry)]) -> Vec<u8> {
    use super::varint::{put, put_bytes};
    let (mut keys, mut values, mut index) = (Vec::new(), Vec::new(), Vec::new());
    let mut postings = 0u64;
    let mut push_index = |keys: &Vec<u8>, values: &Vec<u8>, postings: u64| {
        for v in [keys.len() as u64, values.len() as u64, postings] {
            index.extend_from_slice(&(v as u32).to_le_bytes());
        }
    };
    let mut prev: &[u8] = &[];
    for (ord, &(key, entry)) in entries.iter().enumerate() {
        if ord % DICT_BLOCK == 0 {
            push_index(&keys, &values, postings);
            prev = &[];
        }
        let shared = lcp(prev, key);
        put(&mut keys, shared as u64);
        put_bytes(&mut keys, &key[shared..]);
        prev = key;
        let value = match entry {
            Entry::Own { kind, len } => {
                postings += len;
                dict_value(len, kind)
            }
            Entry::Alias { stem } => {
                let delta = stem as i64 - ord as i64;
                dict_value(((delta << 1) ^ (delta >> 63)) as u64, KeyKind::Alias)
            }
        };
        put(&mut values, value);
    }
    push_index(&keys, &values, postings);
    let count = entries.len() as u32;
    let blocks = entries.len().div_ceil(DICT_BLOCK) as u32;
    [
        &count.to_le_bytes()[..],
        &blocks.to_le_bytes(),
        &index,
        &keys,
        &values,
    ]
    .concat()
}

/// Whether `key` sorts after `target`: a byte loop, as keys are short.
#[inline]
fn above(key: &[u8], target: &[u8]) -> bool {
    let n = lcp(key, target);
    match (key.get(n), target.get(n)) {
        (Some(k), Some(t)) => k > t,
        (k, _) => k.is_some(),
    }
}

/// Bytes two keys share at their start.
fn lcp(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// The dictionary, borrowing the `terms` section.
pub struct Dictionary<'a> {
    count: usize,
    blocks: usize,
    index: &'a [u8],
    keys: &'a [u8],
    values: &'a [u8],
    /// Each block's first key as [`head_word`]: a lookup's binary search
    /// compares integers, and reads a key only on a tie.
    heads: Vec<u64>,
    sorted: OnceLock<Sorted>,
}

/// A key's first eight bytes, zero-padded, as a big-endian integer: of two
/// keys, the smaller never gives the larger integer (a tie says nothing).
fn head_word(key: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    let n = key.len().min(8);
    w[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(w)
}

/// A value as stored: an own list's `dict_value`, or an alias's stem.
#[derive(Clone, Copy)]
enum Raw {
    Own(u64),
    Alias(usize),
}

impl Raw {
    /// The dictionary value: an own list's, or for an alias its stem's
    /// list, read by `stem` from the stem's ordinal.
    fn value(self, stem: impl FnOnce(usize) -> Option<Raw>) -> Option<u64> {
        match self {
            Raw::Own(v) => Some(v),
            Raw::Alias(ord) => match stem(ord)? {
                Raw::Own(v) => Some(dict_value(split_value(v).0, KeyKind::Alias)),
                Raw::Alias(_) => None,
            },
        }
    }
}

/// A written word's stem, as [`Dictionary::stem_of`] reads it.
#[derive(Debug, PartialEq, Eq)]
pub enum StemOf {
    /// The word is its own stem.
    Itself,
    /// The stem is this key.
    Key(Vec<u8>),
}

/// Where a lookup stopped: the first key not below the target.
struct Stop {
    ord: usize,
    /// Whether that key is the target.
    exact: bool,
}

/// Reads the entries in order from a block's start, rebuilding each key.
struct Cursor<'a> {
    keys: Reader<'a>,
    values: Reader<'a>,
    /// Where the next own list starts in `postings`.
    postings_at: u64,
    /// Ordinal of the next entry.
    ord: usize,
    count: usize,
    key: Vec<u8>,
}

impl Cursor<'_> {
    /// Reads the next entry; returns the bytes its key shares with the
    /// previous one (0 at a block's start) and its value.
    fn next(&mut self) -> Option<(usize, Raw)> {
        if self.ord >= self.count {
            return None;
        }
        let shared = usize::try_from(self.keys.get()?).ok()?;
        let rest = self.keys.get_bytes()?;
        if shared > self.key.len() {
            return None;
        }
        self.key.truncate(shared);
        self.key.extend_from_slice(rest);
        let raw = self.value()?;
        Some((shared, raw))
    }

    /// Reads the next entry's value alone.
    fn value(&mut self) -> Option<Raw> {
        let (v, kind) = split_value(self.values.get()?);
        let ord = self.ord;
        self.ord += 1;
        Some(if kind == KeyKind::Alias {
            let delta = (v >> 1) as i64 ^ -((v & 1) as i64);
            Raw::Alias(usize::try_from(ord as i64 + delta).ok()?)
        } else {
            let at = self.postings_at;
            self.postings_at = at.checked_add(v)?;
            Raw::Own(dict_value(at, kind))
        })
    }
}

impl<'a> Dictionary<'a> {
    /// Opens a `terms` section whose lists fill `postings_len` bytes,
    /// checking every entry once: keys strictly ascending and front-coded
    /// against the key before, the block index where the blocks are, the
    /// lists filling `postings` exactly and each alias naming a key with a
    /// list. Lookups can then trust what they read.
    pub fn open(bytes: &'a [u8], postings_len: u64) -> Result<Self, String> {
        let count = read_u32(bytes, 0).ok_or("no key count")? as usize;
        let blocks = read_u32(bytes, 4).ok_or("no block count")? as usize;
        if blocks != count.div_ceil(DICT_BLOCK) {
            return Err(format!("{blocks} blocks for {count} keys"));
        }
        let index_end = (blocks + 1)
            .checked_mul(INDEX_ENTRY)
            .and_then(|n| n.checked_add(8))
            .filter(|&n| n <= bytes.len())
            .ok_or("block index truncated")?;
        let index = &bytes[8..index_end];
        let rest = &bytes[index_end..];
        let end = block_start(index, blocks).ok_or("block index truncated")?;
        if end.0.checked_add(end.1) != Some(rest.len()) || end.2 != postings_len {
            return Err("the block index does not end where the streams do".into());
        }
        let mut dict = Dictionary {
            count,
            blocks,
            index,
            keys: &rest[..end.0],
            values: &rest[end.0..],
            heads: Vec::new(),
            sorted: OnceLock::new(),
        };
        dict.check(postings_len)?;
        let mut heads = Vec::with_capacity(blocks);
        for b in 0..blocks {
            heads.push(head_word(
                dict.head(b).ok_or("a block's first key does not decode")?,
            ));
        }
        dict.heads = heads;
        Ok(dict)
    }

    fn check(&self, postings_len: u64) -> Result<(), String> {
        // A key takes two bytes at least: bound the count before trusting it.
        if self.count > self.keys.len() / 2 {
            return Err(format!("{} keys in {} bytes", self.count, self.keys.len()));
        }
        let mut c = self.cursor(0).ok_or("block index truncated")?;
        let mut own = vec![false; self.count];
        let mut aliases = Vec::new();
        let mut prev = Vec::new();
        for (ord, is_own) in own.iter_mut().enumerate() {
            if ord % DICT_BLOCK == 0 {
                let at = block_start(self.index, ord / DICT_BLOCK);
                if at != Some((c.keys.pos(), c.values.pos(), c.postings_at)) {
                    return Err(format!(
                        "block {} is not where the index says",
                        ord / DICT_BLOCK
                    ));
                }
            }
            let bad = |why: &str| format!("key {ord}: {why}");
            let (shared, raw) = c.next().ok_or_else(|| bad("does not decode"))?;
            let key = &c.key;
            let canonical = if ord % DICT_BLOCK == 0 {
                shared == 0
            } else {
                shared == lcp(&prev, key)
            };
            if !canonical || key.as_slice() <= prev.as_slice() {
                return Err(bad("out of order"));
            }
            match raw {
                Raw::Own(_) => *is_own = true,
                Raw::Alias(stem) => aliases.push((ord, stem)),
            }
            prev.clone_from(key);
        }
        let end = (self.keys.len(), self.values.len(), postings_len);
        if (c.keys.pos(), c.values.pos(), c.postings_at) != end {
            return Err("the keys end before their streams or lists do".into());
        }
        match aliases
            .iter()
            .find(|&&(_, stem)| !own.get(stem).copied().unwrap_or(false))
        {
            Some((ord, stem)) => Err(format!("key {ord}: alias of {stem}, which has no list")),
            None => Ok(()),
        }
    }

    /// A cursor at the start of block `b`.
    fn cursor(&self, b: usize) -> Option<Cursor<'a>> {
        let (keys_at, values_at, postings_at) = block_start(self.index, b)?;
        Some(Cursor {
            keys: Reader::at(self.keys, keys_at),
            values: Reader::at(self.values, values_at),
            postings_at,
            ord: b * DICT_BLOCK,
            count: self.count,
            key: Vec::new(),
        })
    }

    /// The first key of block `b`, stored whole.
    fn head(&self, b: usize) -> Option<&'a [u8]> {
        let mut r = Reader::at(self.keys, keys_at(self.index, b)?);
        r.get()?;
        r.get_bytes()
    }

    /// The last block whose first key is not above `target` (block 0 if
    /// none is).
    fn block_of(&self, target: &[u8]) -> Option<usize> {
        let word = head_word(target);
        let (mut lo, mut hi) = (0, self.blocks);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            let below = match self.heads[mid].cmp(&word) {
                std::cmp::Ordering::Equal => !above(self.head(mid)?, target),
                o => o.is_lt(),
            };
            if below {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Some(lo)
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The first key not below `target` (the key count if none is), and
    /// whether it is `target`. Keys are compared by what they share with
    /// the one before, so none is rebuilt.
    fn rank(&self, target: &[u8]) -> Option<Stop> {
        let lo = self.block_of(target)?;
        let mut keys = Reader::at(self.keys, keys_at(self.index, lo)?);
        let end = self.count.min((lo + 1) * DICT_BLOCK);
        // `m`: bytes the last key read, which is below `target`, shares
        // with it. A key sharing more with that one is below too; one
        // sharing less is above.
        let mut m = 0;
        for ord in lo * DICT_BLOCK..end {
            let shared = usize::try_from(keys.get()?).ok()?;
            let rest = keys.get_bytes()?;
            let stop = |exact| Some(Stop { ord, exact });
            if shared < m {
                return stop(false);
            }
            if shared == m {
                let wanted = target.get(m..)?;
                let common = lcp(rest, wanted);
                m += common;
                if common == wanted.len() {
                    return stop(common == rest.len());
                }
                if rest.get(common).is_some_and(|&k| k > wanted[common]) {
                    return stop(false);
                }
            }
        }
        // The next block's first key is above `target`.
        Some(Stop {
            ord: end,
            exact: false,
        })
    }

    /// The stored value of key `ord`.
    fn raw(&self, ord: usize) -> Option<Raw> {
        let mut c = self.cursor(ord / DICT_BLOCK)?;
        for _ in 0..ord % DICT_BLOCK {
            c.value()?;
        }
        c.value()
    }

    /// What the writer recorded of `word`'s stem, if `word` is a key
    /// written as such: it is its own stem (`Word`), or an `Alias` names
    /// the stem's key. `None` otherwise (absent, or a `Stem` or `Both`
    /// key, whose stem only the stemmer knows).
    pub fn stem_of(&self, word: &[u8]) -> Option<StemOf> {
        if let Some(s) = self.sorted.get() {
            let j = s.find(s.root(), word)?;
            return match (split_value(s.value(j)).1, s.alias_stem(j)) {
                (KeyKind::Word, _) => Some(StemOf::Itself),
                (KeyKind::Alias, Some(stem)) => Some(StemOf::Key(s.key(stem).to_vec())),
                _ => None,
            };
        }
        let ord = match self.rank(word)? {
            Stop { ord, exact: true } => ord,
            _ => return None,
        };
        match self.raw(ord)? {
            Raw::Own(v) if split_value(v).1 == KeyKind::Word => Some(StemOf::Itself),
            Raw::Own(_) => None,
            Raw::Alias(stem) => self.key(stem).map(StemOf::Key),
        }
    }

    /// Key `ord`, rebuilt from its block's start.
    fn key(&self, ord: usize) -> Option<Vec<u8>> {
        let mut c = self.cursor(ord / DICT_BLOCK)?;
        for _ in 0..=ord % DICT_BLOCK {
            c.next()?;
        }
        Some(c.key)
    }

    /// The value of `key` (see `format::dict_value`; an alias's points to
    /// its stem's list).
    pub fn get(&self, key: &[u8]) -> Option<u64> {
        // Once decoded for a completion or a typo, the keys are a trie.
        if let Some(s) = self.sorted.get() {
            return s.find(s.root(), key).map(|j| s.value(j));
        }
        match self.rank(key)? {
            Stop {
                ord, exact: true, ..
            } => self.raw(ord)?.value(|stem| self.raw(stem)),
            _ => None,
        }
    }

    /// Every key in one array, decoded at the first call.
    pub fn sorted(&self) -> &Sorted {
        self.sorted.get_or_init(|| {
            let mut s = Sorted::default();
            let mut raws = Vec::with_capacity(self.count);
            if let Some(mut c) = self.cursor(0) {
                while let Some((_, raw)) = c.next() {
                    s.push(&c.key);
                    raws.push(raw);
                }
            }
            s.values = raws
                .iter()
                .map(|&raw| {
                    let value = raw.value(|stem| raws.get(stem).copied()).unwrap_or(0);
                    match raw {
                        Raw::Alias(stem) => value | ((stem as u64 + 1) << ALIAS_SHIFT),
                        Raw::Own(_) => value,
                    }
                })
                .collect();
            s.list_kids();
            s
        })
    }
}

/// Block `b`'s offsets in the key and value streams and in `postings`.
fn block_start(index: &[u8], b: usize) -> Option<(usize, usize, u64)> {
    let get = |k: usize| read_u32(index, b.checked_mul(INDEX_ENTRY)? + 4 * k);
    Some((keys_at(index, b)?, get(1)? as usize, u64::from(get(2)?)))
}

/// Where block `b` starts in the key stream, the offset lookups need most.
fn keys_at(index: &[u8], b: usize) -> Option<usize> {
    read_u32(index, b.checked_mul(INDEX_ENTRY)?).map(|v| v as usize)
}

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
    values: Vec<u64>,
    /// The children of every node above depth [`LEVELS`], a list per node
    /// ended by a [`NONE`] start; the root's list comes first.
    kids: Vec<Kid>,
    /// The bytes of the root's children (see [`Kid::mask`]).
    root_mask: u32,
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

/// The mask of a node whose children are not known: every byte may lead on.
const ANY: u32 = u32::MAX;

/// Where [`Sorted`] keeps an alias's stem's ordinal (plus one) in its
/// value: above the list offset, which is below 2^32 (a `u32` in the
/// block index), and its kind.
const ALIAS_SHIFT: u32 = 34;

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

    fn push(&mut self, key: &[u8]) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.bytes.extend_from_slice(key);
        self.starts.push(self.bytes.len() as u32);
    }

    /// Fills `kids`, from the root down.
    fn list_kids(&mut self) {
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
    #[inline]
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

    /// Value of key `j`.
    #[inline]
    pub fn value(&self, j: usize) -> u64 {
        self.values[j] & ((1 << ALIAS_SHIFT) - 1)
    }

    /// The ordinal of the stem key `j` is an alias of, if the dictionary
    /// it was decoded from said.
    fn alias_stem(&self, j: usize) -> Option<usize> {
        (self.values[j] >> ALIAS_SHIFT)
            .checked_sub(1)
            .map(|s| s as usize)
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

#[cfg(all(test, feature = "build"))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Keys with lists of 1 byte each, every third an alias of the key
    /// before it when that one has a list.
    fn entries(keys: &[Vec<u8>]) -> Vec<(&[u8], Entry)> {
        let mut out: Vec<(&[u8], Entry)> = Vec::new();
        for (ord, k) in keys.iter().enumerate() {
            let entry = match out.last() {
                Some((_, Entry::Own { .. })) if ord % 3 == 2 => Entry::Alias { stem: ord - 1 },
                _ => Entry::Own {
                    kind: KeyKind::Word,
                    len: 1 + ord as u64 % 5,
                },
            };
            out.push((k, entry));
        }
        out
    }

    fn postings_len(entries: &[(&[u8], Entry)]) -> u64 {
        entries
            .iter()
            .map(|e| match e.1 {
                Entry::Own { len, .. } => len,
                Entry::Alias { .. } => 0,
            })
            .sum()
    }

    /// The value each key should read back as.
    fn expected(entries: &[(&[u8], Entry)]) -> Vec<u64> {
        let mut at = Vec::new();
        let mut sum = 0;
        for e in entries {
            at.push(sum);
            if let Entry::Own { len, .. } = e.1 {
                sum += len;
            }
        }
        entries
            .iter()
            .enumerate()
            .map(|(ord, e)| match e.1 {
                Entry::Own { kind, .. } => dict_value(at[ord], kind),
                Entry::Alias { stem } => dict_value(at[stem], KeyKind::Alias),
            })
            .collect()
    }

    proptest! {
        #[test]
        fn what_is_written_is_read(
            set in proptest::collection::btree_set(
                (proptest::bool::ANY, proptest::collection::vec(b'a'..b'e', 1..7)), 0..200),
            probes in proptest::collection::vec(
                (proptest::bool::ANY, proptest::collection::vec(b'a'..b'f', 0..7)), 0..40),
        ) {
            // Half the keys share their first eight bytes, so that blocks'
            // first keys tie as integers and lookups compare their bytes.
            let long = |(shared, rest): (bool, Vec<u8>)| {
                if shared { [b"abababab".as_slice(), &rest].concat() } else { rest }
            };
            let set: std::collections::BTreeSet<Vec<u8>> = set.into_iter().map(long).collect();
            let probes: Vec<Vec<u8>> = probes.into_iter().map(long).collect();
            let keys: Vec<Vec<u8>> = set.into_iter().collect();
            let entries = entries(&keys);
            let want = expected(&entries);
            let bytes = encode(&entries);
            let dict = Dictionary::open(&bytes, postings_len(&entries)).unwrap();
            prop_assert_eq!(dict.len(), keys.len());
            // From the front-coded blocks, before the keys are decoded whole.
            for (ord, k) in keys.iter().enumerate() {
                prop_assert_eq!(dict.get(k), Some(want[ord]));
            }
            for p in &probes {
                prop_assert_eq!(dict.get(p), keys.binary_search(p).ok().map(|o| want[o]));
            }
            // Then from the decoded keys' trie.
            for (ord, k) in keys.iter().enumerate() {
                prop_assert_eq!(dict.get(k), Some(want[ord]));
                prop_assert_eq!(dict.sorted().key(ord), k.as_slice());
                prop_assert_eq!(dict.sorted().value(ord), want[ord]);
            }
            for p in &probes {
                prop_assert_eq!(dict.get(p), keys.binary_search(p).ok().map(|o| want[o]));
                let under: Vec<usize> = (0..keys.len()).filter(|&o| keys[o].starts_with(p)).collect();
                let got: Vec<usize> = dict.sorted().prefix(p).collect();
                prop_assert_eq!(got, under);
            }
        }
    }

    #[test]
    fn damage_is_refused_at_open_never_read() {
        let keys: Vec<Vec<u8>> = (0..100u32)
            .map(|i| format!("k{i:03}").into_bytes())
            .collect();
        let entries = entries(&keys);
        let len = postings_len(&entries);
        let bytes = encode(&entries);
        assert!(Dictionary::open(&bytes, len).is_ok());
        assert!(
            Dictionary::open(&bytes, len + 1).is_err(),
            "lists must fill postings"
        );
        let mut refused = 0;
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut b = bytes.clone();
                b[i] ^= 1 << bit;
                match Dictionary::open(&b, len) {
                    Err(_) => refused += 1,
                    // Accepted damage is a well-formed dictionary: every key
                    // reads back, still in order.
                    Ok(d) => {
                        let s = d.sorted();
                        for j in 0..s.len() {
                            assert_eq!(d.get(s.key(j)), Some(s.value(j)));
                        }
                    }
                }
            }
        }
        assert!(
            refused > bytes.len() * 4,
            "{refused} of {} flips refused",
            bytes.len() * 8
        );
    }

    /// The children of `node` computed from the keys alone: each byte at
    /// its depth, with the range of keys that have it.
    fn naive_children(s: &Sorted, node: Node) -> Vec<(u8, usize, usize)> {
        let mut out: Vec<(u8, usize, usize)> = Vec::new();
        for j in node.from..node.to {
            let Some(&b) = s.key(j).get(node.depth) else {
                continue;
            };
            match out.last_mut() {
                Some(last) if last.0 == b => last.2 = j + 1,
                _ => out.push((b, j, j + 1)),
            }
        }
        out
    }

    proptest! {
        /// Listed nodes (above `LEVELS`) and searched ones give the children
        /// the keys imply, by iteration and by looking up each byte.
        #[test]
        fn children_are_those_the_keys_imply(
            keys in proptest::collection::btree_set("[abcAB]{0,7}", 1..60),
        ) {
            let s = Sorted::from_sorted(keys.iter().map(|k| (k.as_bytes(), 0)));
            let mut todo = vec![s.root()];
            while let Some(node) = todo.pop() {
                let want = naive_children(&s, node);
                let got: Vec<(u8, Node)> = s.children(node).collect();
                let ranges: Vec<(u8, usize, usize)> =
                    got.iter().map(|(b, c)| (*b, c.from, c.to)).collect();
                prop_assert_eq!(&ranges, &want);
                // 'A', 'B' and 'C' share a bit of the mask; letters have their own.
                for b in b"ABCabcd" {
                    let b = *b;
                    let found = s.child(node, b).map(|c| (c.from, c.to));
                    let expected = want.iter().find(|w| w.0 == b).map(|w| (w.1, w.2));
                    prop_assert_eq!(found, expected);
                }
                for (_, child) in got {
                    prop_assert_eq!(child.depth, node.depth + 1);
                    prop_assert_eq!(child.own, s.key(child.from).len() == child.depth);
                    todo.push(child);
                }
            }
        }
    }

    #[test]
    fn runs_and_seeks_find_children() {
        let s = Sorted::from_sorted(["ab", "abc", "abd", "ac", "b", "ba"].map(|k| (k, 0)));
        // Below "a" (keys 0..4), byte 1: the run of 'b' is keys 0..3.
        assert_eq!(s.run_end(0, 4, 1), 3);
        assert_eq!(s.first_at_least(0, 4, 1, b'c'), 3);
        assert_eq!(s.first_at_least(0, 4, 1, b'd'), 4);
        assert_eq!(s.run_end(4, 6, 0), 6);
    }
}
