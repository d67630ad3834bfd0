//! A table of variable-length entries in blocks, such as the titles or the
//! stored text: one entry read without decoding the others.

use super::corrupt;
use crate::index::format::{read_u32, FormatError, TABLE_BLOCK};
use crate::index::varint::Reader;

/// A table of variable-length entries in blocks (layout in `format`).
pub(super) struct Table<'a> {
    count: u32,
    /// Per block, and once for the ends: lengths offset, blob offset.
    index: &'a [u8],
    lens: &'a [u8],
    blob: &'a [u8],
}

impl<'a> Table<'a> {
    pub(super) fn open(
        bytes: &'a [u8],
        expect: u32,
        name: &'static str,
    ) -> Result<Self, FormatError> {
        let count = read_u32(bytes, 0).ok_or_else(|| corrupt(name, "no entry count"))?;
        if count != expect {
            return Err(corrupt(
                name,
                format!("{count} entries for {expect} documents"),
            ));
        }
        let blocks = (count as usize).div_ceil(TABLE_BLOCK);
        let index = bytes
            .get(4..4 + 8 * (blocks + 1))
            .ok_or_else(|| corrupt(name, "block index truncated"))?;
        let rest = &bytes[4 + index.len()..];
        let lens_len = read_u32(index, 8 * blocks).unwrap_or(0) as usize;
        let (lens, blob) = rest
            .split_at_checked(lens_len)
            .ok_or_else(|| corrupt(name, "lengths truncated"))?;
        Ok(Table {
            count,
            index,
            lens,
            blob,
        })
    }

    /// Entry `i`: the lengths before it in its block are added up, and
    /// only its own bytes are sliced.
    pub(super) fn get(&self, i: u32) -> Option<&'a [u8]> {
        let (mut r, mut at, k) = self.block_of(i)?;
        for _ in 0..k {
            at = at.checked_add(usize::try_from(r.get()?).ok()?)?;
        }
        let end = at.checked_add(usize::try_from(r.get()?).ok()?)?;
        self.blob.get(at..end)
    }

    /// Calls `f` on the entries of entry `i`'s block up to `i`, in order;
    /// `None` if an entry is out of bounds or `f` says so.
    #[inline]
    pub(super) fn each_to(&self, i: u32, mut f: impl FnMut(&'a [u8]) -> Option<()>) -> Option<()> {
        let (mut r, mut at, k) = self.block_of(i)?;
        for _ in 0..=k {
            let end = at.checked_add(usize::try_from(r.get()?).ok()?)?;
            f(self.blob.get(at..end)?)?;
            at = end;
        }
        Some(())
    }

    /// For entry `i`: a reader at its block's lengths, where the block's
    /// entries start, and how many entries of the block come before it.
    pub(super) fn block_of(&self, i: u32) -> Option<(Reader<'a>, usize, usize)> {
        if i >= self.count {
            return None;
        }
        let (block, k) = (i as usize / TABLE_BLOCK, i as usize % TABLE_BLOCK);
        let lens_at = read_u32(self.index, 8 * block)? as usize;
        let at = read_u32(self.index, 8 * block + 4)? as usize;
        Some((Reader::at(self.lens, lens_at), at, k))
    }
}
