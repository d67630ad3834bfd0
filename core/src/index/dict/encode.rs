//! Writing the `terms` dictionary (the build only): keys front-coded, each
//! against the one before, then their values.

use super::lcp;
use crate::index::format::{dict_value, KeyKind};
use crate::index::varint::{put, put_bytes, zigzag};

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
pub fn encode(entries: &[(&[u8], Entry)]) -> Vec<u8> {
    let (mut keys, mut values) = (Vec::new(), Vec::new());
    let mut prev: &[u8] = &[];
    for (ord, &(key, entry)) in entries.iter().enumerate() {
        let shared = lcp(prev, key);
        put(&mut keys, shared as u64);
        put_bytes(&mut keys, &key[shared..]);
        prev = key;
        let value = match entry {
            Entry::Own { kind, len } => dict_value(len, kind),
            Entry::Alias { stem } => {
                let delta = stem as i64 - ord as i64;
                dict_value(zigzag(delta), KeyKind::Alias)
            }
        };
        put(&mut values, value);
    }
    let count = entries.len() as u32;
    [
        &count.to_le_bytes()[..],
        &(keys.len() as u32).to_le_bytes(),
        &keys,
        &values,
    ]
    .concat()
}
