//! The `terms` dictionary (layout in `format`): front-coded keys, decoded
//! and checked in one pass when the index opens, into a sorted
//! array ([`Sorted`], in `trie`) that every lookup, completion and typo
//! walk reads. Every query's last word is completed, so the first query
//! needed the array anyway; reading the keys twice, once to check them and
//! once to decode them, cost a fifth of the first answer at 100,000
//! documents. Read only in order, the keys need no blocks: each is coded
//! against the one before, with no restarts and no index of where blocks
//! start.
//!
//! Front coding gzips far better than an `fst`, whose node addresses look
//! random to gzip: 61 KB less at 10,000 documents, a quarter of the
//! dictionary. The trie the typo walk needs is implicit in the sorted
//! keys, so nothing about it is stored.

use super::format::{read_u32, split_value, KeyKind};
use super::trie::Sorted;
use super::varint::Reader;
use cursor::{Cursor, Raw};

mod cursor;
#[cfg(feature = "build")]
mod encode;
#[cfg(feature = "build")]
pub use encode::{encode, Entry};

/// Bytes two keys share at their start.
fn lcp(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// The dictionary: the `terms` section's keys, decoded.
pub struct Dictionary {
    sorted: Sorted,
}

/// The parts of a `terms` section, read while it is decoded.
struct Streams<'a> {
    count: usize,
    keys: &'a [u8],
    values: &'a [u8],
}

/// A written word's stem, as [`Dictionary::stem_of`] reads it.
#[derive(Debug, PartialEq, Eq)]
pub enum StemOf {
    /// The word is its own stem.
    Itself,
    /// The stem is this key.
    Key(Vec<u8>),
}

impl Dictionary {
    /// Decodes a `terms` section whose lists, over `doc_count` documents,
    /// fill `postings_len` bytes, checking every entry (see
    /// `Streams::decode`): lookups can then trust what they read.
    pub fn open(bytes: &[u8], postings_len: u64, doc_count: u32) -> Result<Self, String> {
        let count = read_u32(bytes, 0).ok_or("no key count")? as usize;
        let keys_len = read_u32(bytes, 4).ok_or("no key stream length")? as usize;
        let keys = bytes
            .get(8..)
            .and_then(|rest| rest.get(..keys_len))
            .ok_or("key stream truncated")?;
        let streams = Streams {
            count,
            keys,
            values: &bytes[8 + keys_len..],
        };
        Ok(Dictionary {
            sorted: streams.decode(postings_len, doc_count)?,
        })
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// What the writer recorded of `word`'s stem, if `word` is a key
    /// written as such: it is its own stem (`Word`), or an `Alias` names
    /// the stem's key. `None` otherwise (absent, or a `Stem` or `Both`
    /// key, whose stem only the stemmer knows).
    pub fn stem_of(&self, word: &[u8]) -> Option<StemOf> {
        let s = &self.sorted;
        let j = s.find(s.root(), word)?;
        match (split_value(s.value(j)).1, s.alias_stem(j)) {
            (KeyKind::Word, _) => Some(StemOf::Itself),
            (KeyKind::Alias, Some(stem)) => Some(StemOf::Key(s.key(stem).to_vec())),
            _ => None,
        }
    }

    /// The value of `key` (see `format::dict_value`; an alias's points to
    /// its stem's list).
    pub fn get(&self, key: &[u8]) -> Option<u64> {
        let s = &self.sorted;
        s.find(s.root(), key).map(|j| s.value(j))
    }

    /// Every key in one array.
    pub fn sorted(&self) -> &Sorted {
        &self.sorted
    }
}

impl Streams<'_> {
    /// Every key, decoded into one array, and each entry checked on the
    /// way: keys strictly ascending and front-coded against the key
    /// before, both streams read to their ends, the lists filling
    /// `postings` to its last byte and each alias naming a key with a
    /// list.
    fn decode(&self, postings_len: u64, doc_count: u32) -> Result<Sorted, String> {
        // A key takes two bytes at least: bound the count before trusting it.
        if self.count > self.keys.len() / 2 {
            return Err(format!("{} keys in {} bytes", self.count, self.keys.len()));
        }
        let mut c = Cursor {
            keys: Reader::at(self.keys, 0),
            values: Reader::at(self.values, 0),
            postings_at: 0,
            doc_count,
            ord: 0,
            key: Vec::new(),
        };
        // The key bytes grow as they are read; the rest are sized now, so
        // that the one growing vector can grow where it is.
        let mut s = Sorted::with_capacity(self.count);
        for ord in 0..self.count {
            let bad = |why: &str| format!("key {ord}: {why}");
            let (shared, raw) = c.next().ok_or_else(|| bad("does not decode"))?;
            let (key, prev) = (
                c.key.as_slice(),
                ord.checked_sub(1).map_or(&[][..], |p| s.key(p)),
            );
            let canonical = shared == lcp(prev, key);
            if !canonical || key <= prev {
                return Err(bad("out of order"));
            }
            s.push(key);
            s.values.push(match raw {
                Raw::Own(v) => v,
                Raw::Alias(stem) if stem < self.count => stem as u64 * 4 + KeyKind::Alias as u64,
                Raw::Alias(stem) => return Err(bad(&format!("alias of {stem}, not a key"))),
            });
        }
        let end = (self.keys.len(), self.values.len(), postings_len);
        if (c.keys.pos(), c.values.pos(), c.postings_at.div_ceil(8)) != end {
            return Err("the keys end before their streams or lists do".into());
        }
        // Each alias reads its stem's list, which must be the stem's own.
        for j in 0..s.len() {
            if let Some(stem) = s.alias_stem(j) {
                if s.alias_stem(stem).is_some() {
                    return Err(format!("key {j}: alias of {stem}, which has no list"));
                }
            }
        }
        s.list_kids();
        Ok(s)
    }
}

#[cfg(all(test, feature = "build"))]
mod tests;
