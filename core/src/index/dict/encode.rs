//! Writing the `terms` dictionary (the build only): keys front-coded, each
//! against the one before, then their values.

use super::lcp;
use crate::index::format::{dict_value, KeyKind};
use crate::index::varint::{put, put_bytes, zigzag};

/// A key's value as the writer gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The key has its own postings list; lists follow the order of their
    /// keys.
    Own {
        /// Stem, word or both.
        kind: KeyKind,
        /// Documents in the list.
        df: u32,
        /// The list's bits beyond the fewest (`format::list_bits`).
        extra: u64,
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
        match entry {
            // Most lists are short: their length and extra bits in one
            // varint, which gzip codes as one symbol (1.9 KB less).
            Entry::Own { kind, df, extra } if df <= 3 => {
                put(&mut values, dict_value(extra * 4 + u64::from(df) - 1, kind));
            }
            Entry::Own { kind, df, extra } => {
                put(&mut values, dict_value(u64::from(df) * 4 + 3, kind));
                put(&mut values, extra);
            }
            Entry::Alias { stem } => {
                let delta = stem as i64 - ord as i64;
                put(&mut values, dict_value(zigzag(delta), KeyKind::Alias));
            }
        }
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
