//! Reading a postings list: Rice-coded gaps between documents, each with
//! its term frequencies in the title and the body (layout in `format`).

use crate::index::bits;

/// One document of a postings list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// Document ordinal.
    pub doc: u32,
    /// Occurrences in the title.
    pub tf_title: u32,
    /// Occurrences in the body.
    pub tf_body: u32,
}

/// Postings iterator. Stops early, without panicking, on corrupt bytes.
#[derive(Clone)]
pub struct Postings<'a> {
    pub(super) r: bits::Reader<'a>,
    /// Rice parameter of the list's gaps.
    pub(super) k: u32,
    pub(super) left: u32,
    /// The smallest document the next posting may have.
    pub(super) next: u32,
    pub(super) doc_count: u32,
}

impl Postings<'_> {
    /// Calls `f` with every posting left, in order. Faster than the
    /// iterator in a scoring loop: the reader's state stays in registers
    /// instead of going through memory at each call of `next`.
    /// Returns how many postings it read.
    #[inline(always)]
    pub fn each(mut self, mut f: impl FnMut(Posting)) -> u32 {
        let mut read = 0;
        while let Some(p) = self.step() {
            read += 1;
            f(p);
        }
        read
    }

    /// The next posting; `None` at the end, and for good after corrupt
    /// bytes.
    #[inline(always)]
    fn step(&mut self) -> Option<Posting> {
        if self.left == 0 {
            return None;
        }
        let Some(p) = self.decode() else {
            self.left = 0;
            return None;
        };
        self.left -= 1;
        self.next = p.doc + 1;
        Some(p)
    }

    #[inline(always)]
    fn decode(&mut self) -> Option<Posting> {
        let last = self.doc_count.checked_sub(1)?;
        let (gap, one) = self.r.rice_bit(self.k, last.checked_sub(self.next)?)?;
        let doc = self.next + gap;
        if one {
            return Some(Posting {
                doc,
                tf_title: 0,
                tf_body: 1,
            });
        }
        let tf_body = self.r.gamma()? - 1;
        let tf_title = if self.r.bit()? { self.r.gamma()? } else { 0 };
        Some(Posting {
            doc,
            tf_title,
            tf_body,
        })
    }
}

impl Iterator for Postings<'_> {
    type Item = Posting;

    #[inline]
    fn next(&mut self) -> Option<Posting> {
        self.step()
    }
}
