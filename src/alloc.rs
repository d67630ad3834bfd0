//! The module's allocator: one free list per power-of-two size, filled
//! from the end of memory. A query makes a few dozen short-lived
//! allocations of a few sizes, which a size's list serves at once; Rust's
//! default for WebAssembly, dlmalloc, splits and merges blocks, and is
//! several kilobytes of code that every download carries (ARCHITECTURE.md,
//! "The allocator").
//!
//! Freed blocks are never merged, so memory is what the busiest moment of
//! each size needed, rounded up to a power of two.

use std::alloc::Layout;

/// Smallest block: 2^4 bytes, so that every block is 16-byte aligned.
const MIN_SHIFT: u32 = 4;
/// A block of size class `c` holds `1 << (c + MIN_SHIFT)` bytes.
const CLASSES: usize = 28;

/// Where blocks come from.
pub trait Source {
    /// The address and length of at least `n` new bytes, or `None`.
    fn grow(&mut self, n: usize) -> Option<(usize, usize)>;
}

/// The allocator's state: the head of each size's free list, and the
/// stretch of memory not yet handed out.
pub struct Blocks<S> {
    free: [usize; CLASSES],
    next: usize,
    end: usize,
    source: S,
}

/// The bytes of a block of size class `c`.
#[inline(always)]
fn block(c: usize) -> usize {
    1 << (c as u32 + MIN_SHIFT)
}

/// The size class of a layout, or `None` past the largest. This and the
/// paths that call it are inlined by force: the crate is built for size,
/// which left each a call of its own on every allocation (alternated in
/// Node, the benchmark log's p50 fell by 2.5 to 6%, for 82 bytes of code).
#[inline(always)]
fn class(layout: Layout) -> Option<usize> {
    let n = layout.size().max(layout.align()).max(1 << MIN_SHIFT);
    let c = (n.next_power_of_two().trailing_zeros() - MIN_SHIFT) as usize;
    (c < CLASSES).then_some(c)
}

impl<S: Source> Blocks<S> {
    pub const fn new(source: S) -> Self {
        Blocks {
            free: [0; CLASSES],
            next: 0,
            end: 0,
            source,
        }
    }

    /// A block for `layout`, or null.
    ///
    /// # Safety
    /// Each free list's blocks must be ones this allocator handed out and
    /// got back, untouched since.
    #[inline(always)]
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some(c) = class(layout) else {
            return std::ptr::null_mut();
        };
        let head = self.free[c];
        // Blocks are 16-byte aligned; a stricter alignment takes a new one.
        if head != 0 && layout.align() <= 1 << MIN_SHIFT {
            self.free[c] = *(head as *const usize);
            return head as *mut u8;
        }
        let size = block(c);
        let align = layout.align().max(1 << MIN_SHIFT);
        let align_up = |at: usize| (at + align - 1) & !(align - 1);
        let mut start = align_up(self.next);
        if self.end.saturating_sub(start) < size {
            // More memory, with room to align.
            if !self.more(size + align) {
                return std::ptr::null_mut();
            }
            start = align_up(self.next);
        }
        self.next = start + size;
        start as *mut u8
    }

    /// At least `n` more bytes from the source; what is left at the end of
    /// the last stretch is used when the new one follows it, otherwise
    /// `next` moves to the new one.
    fn more(&mut self, n: usize) -> bool {
        let Some((at, len)) = self.source.grow(n) else {
            return false;
        };
        if at != self.end {
            self.next = at;
        }
        self.end = at + len;
        true
    }

    /// Gives `ptr`, allocated with `layout`, back to its size's list.
    ///
    /// # Safety
    /// `ptr` must come from `alloc` with this `layout` and not be freed.
    #[inline(always)]
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        if let Some(c) = class(layout) {
            *(ptr as *mut usize) = self.free[c];
            self.free[c] = ptr as usize;
        }
    }

    /// `ptr` resized to `new_size`: in place while the size class holds it,
    /// or when it is the last block handed out, the memory after it is
    /// free and no free block has the new size (a vector growing at the
    /// end of memory leaves no trail of smaller blocks behind).
    ///
    /// # Safety
    /// As `dealloc`.
    pub unsafe fn realloc(&mut self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        let (old, c) = (class(layout), class(new));
        if c == old {
            return ptr;
        }
        if let (Some(old), Some(c)) = (old, c) {
            let (last, end) = (ptr as usize + block(old), ptr as usize + block(c));
            // Only when its new size has no free block: otherwise each
            // resize would leave one more block of that size unused.
            if last == self.next && self.free[c] == 0 {
                if end > self.end {
                    self.more(end - self.end);
                }
                // `more` moved `next` if the new memory does not follow.
                if end <= self.end && self.next == last {
                    self.next = end;
                    return ptr;
                }
            }
        }
        let to = self.alloc(new);
        if !to.is_null() {
            std::ptr::copy_nonoverlapping(ptr, to, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        to
    }
}

/// The allocator of the module, over WebAssembly memory.
#[cfg(target_arch = "wasm32")]
mod global {
    use super::{Blocks, Source};
    use std::alloc::{GlobalAlloc, Layout};
    use std::cell::UnsafeCell;

    /// WebAssembly memory, grown a page (64 KiB) at a time.
    struct Memory;

    impl Source for Memory {
        fn grow(&mut self, n: usize) -> Option<(usize, usize)> {
            let pages = n.div_ceil(1 << 16);
            let old = core::arch::wasm32::memory_grow(0, pages);
            (old != usize::MAX).then_some((old << 16, pages << 16))
        }
    }

    struct Global(UnsafeCell<Blocks<Memory>>);

    // SAFETY: this module runs on one thread.
    unsafe impl Sync for Global {}

    unsafe impl GlobalAlloc for Global {
        #[inline(always)]
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            (*self.0.get()).alloc(layout)
        }
        #[inline(always)]
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            (*self.0.get()).dealloc(ptr, layout)
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            (*self.0.get()).realloc(ptr, layout, new_size)
        }
    }

    #[global_allocator]
    static ALLOCATOR: Global = Global(UnsafeCell::new(Blocks::new(Memory)));
}

// Natively: the tests use proptest, which WebAssembly builds leave out.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
