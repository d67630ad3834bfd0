//! Reading the dictionary's entries in order: each key rebuilt from its
//! front coding, each value as an own list's or an alias's.

use crate::index::format::{list_bits, split_value, KeyKind};
use crate::index::trie::DF_SHIFT;
use crate::index::varint::{unzigzag, Reader};

/// A value as read: an own list's, as [`crate::index::trie::Sorted`]
/// keeps it, or an alias's stem.
#[derive(Clone, Copy)]
pub(super) enum Raw {
    Own(u64),
    Alias(usize),
}

/// Reads the entries in order from the first, rebuilding each key.
pub(super) struct Cursor<'a> {
    pub(super) keys: Reader<'a>,
    pub(super) values: Reader<'a>,
    /// The bit where the next own list starts in `postings`.
    pub(super) postings_at: u64,
    /// Documents in the index, which a list's Rice parameter depends on.
    pub(super) doc_count: u32,
    /// Ordinal of the next entry.
    pub(super) ord: usize,
    pub(super) key: Vec<u8>,
}

impl Cursor<'_> {
    /// Reads the next entry; returns the bytes its key shares with the
    /// previous one (0 for the first) and its value.
    pub(super) fn next(&mut self) -> Option<(usize, Raw)> {
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

    /// Reads the next entry's value.
    fn value(&mut self) -> Option<Raw> {
        let (v, kind) = split_value(self.values.get()?);
        let ord = self.ord;
        self.ord += 1;
        Some(if kind == KeyKind::Alias {
            Raw::Alias(usize::try_from(ord as i64 + unzigzag(v)).ok()?)
        } else {
            // No list is longer than the documents: a forged count would
            // size the scoring's buffers (fuzz/regressions/index-forged-df).
            let (df, extra) = if v & 3 != 3 {
                ((v & 3) + 1, v >> 2)
            } else {
                (v >> 2, self.values.get()?)
            };
            let df = u32::try_from(df)
                .ok()
                .filter(|&df| df > 0 && df <= self.doc_count)?;
            let at = self.postings_at;
            let end = at.checked_add(list_bits(self.doc_count, df, extra)?)?;
            // Starts are kept in 32 bits, and counts in the 30 above them.
            if end > u64::from(u32::MAX) || df >> (64 - DF_SHIFT) != 0 {
                return None;
            }
            self.postings_at = end;
            Raw::Own(u64::from(df) << DF_SHIFT | at << 2 | kind as u64)
        })
    }
}
