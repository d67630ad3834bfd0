//! Reading the dictionary's entries in order: each key rebuilt from its
//! front coding, each value as an own list's or an alias's.

use crate::index::format::{dict_value, split_value, KeyKind};
use crate::index::varint::{unzigzag, Reader};

/// A value as stored: an own list's `dict_value`, or an alias's stem.
#[derive(Clone, Copy)]
pub(super) enum Raw {
    Own(u64),
    Alias(usize),
}

/// Reads the entries in order from the first, rebuilding each key.
pub(super) struct Cursor<'a> {
    pub(super) keys: Reader<'a>,
    pub(super) values: Reader<'a>,
    /// Where the next own list starts in `postings`.
    pub(super) postings_at: u64,
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
            let at = self.postings_at;
            self.postings_at = at.checked_add(v)?;
            Raw::Own(dict_value(at, kind))
        })
    }
}
