use super::*;
use proptest::prelude::*;

/// Memory for the tests: a buffer handed out `PAGE` bytes at a time, with a
/// gap before every `gap_every`-th stretch, as when something else grew the
/// memory in between.
struct Arena {
    buf: Vec<u128>,
    used: usize,
    grows: usize,
    gap_every: usize,
}

const PAGE: usize = 4096;

impl Arena {
    fn new(bytes: usize, gap_every: usize) -> Self {
        Arena {
            buf: vec![0; bytes / 16],
            used: 0,
            grows: 0,
            gap_every,
        }
    }
    fn range(&self) -> (usize, usize) {
        let start = self.buf.as_ptr() as usize;
        (start, start + self.buf.len() * 16)
    }
}

impl Source for Arena {
    fn grow(&mut self, n: usize) -> Option<(usize, usize)> {
        self.grows += 1;
        if self.gap_every > 0 && self.grows.is_multiple_of(self.gap_every) {
            self.used += PAGE;
        }
        let len = n.div_ceil(PAGE) * PAGE;
        if self.used + len > self.buf.len() * 16 {
            return None;
        }
        let at = self.buf.as_ptr() as usize + self.used;
        self.used += len;
        Some((at, len))
    }
}

fn layout(size: usize, align: usize) -> Layout {
    Layout::from_size_align(size, align).unwrap()
}

#[test]
fn a_freed_block_serves_the_next_request_of_its_size() {
    let mut b = Blocks::new(Arena::new(1 << 16, 0));
    unsafe {
        let x = b.alloc(layout(24, 8));
        let y = b.alloc(layout(30, 4));
        assert_ne!(x, y);
        b.dealloc(x, layout(24, 8));
        assert_eq!(b.alloc(layout(32, 8)), x, "same class, 32 bytes");
        // Growing within the class keeps the block; past it, moves it,
        // unless it is the last block handed out (below).
        assert_eq!(b.realloc(y, layout(30, 4), 32), y);
        let after = b.alloc(layout(16, 1));
        let z = b.realloc(y, layout(32, 4), 33);
        assert_ne!(z, y);
        assert!(z > after);
        assert_eq!(b.alloc(layout(17, 1)), y, "the moved block's old place");
    }
}

#[test]
fn the_last_block_grows_and_shrinks_where_it_is() {
    let mut b = Blocks::new(Arena::new(1 << 20, 0));
    unsafe {
        let v = b.alloc(layout(16, 8));
        let mut size = 16;
        // A vector doubling from 16 bytes to 64 KiB, past the first
        // stretch of memory too, keeps its place.
        while size < 1 << 16 {
            assert_eq!(b.realloc(v, layout(size, 8), 2 * size), v, "{size}");
            size *= 2;
        }
        // Shrunk, it gives the rest back to the next request.
        assert_eq!(b.realloc(v, layout(size, 8), 100), v);
        assert_eq!(b.alloc(layout(16, 8)) as usize, v as usize + 128);
    }
}

#[test]
fn resizing_the_last_block_again_and_again_takes_no_more_memory() {
    // A query's vector made at the end of memory, grown, then freed: once
    // a block of the grown size is free, the growth takes that one.
    let mut b = Blocks::new(Arena::new(1 << 20, 0));
    let mut used = Vec::new();
    unsafe {
        for _ in 0..100 {
            let v = b.alloc(layout(32, 8));
            let w = b.realloc(v, layout(32, 8), 64);
            b.dealloc(w, layout(64, 8));
            used.push(b.next);
        }
    }
    assert!(used[2..].iter().all(|&n| n == used[1]), "{used:?}");
}

#[test]
fn the_last_block_moves_when_the_new_memory_does_not_follow() {
    // Every other stretch comes after a gap: the second cannot extend
    // the first's last block.
    let mut b = Blocks::new(Arena::new(1 << 20, 2));
    unsafe {
        let v = b.alloc(layout(4000, 8));
        v.write_bytes(7, 4000);
        // The first stretch holds 8 KiB: 16,000 bytes need the second.
        let w = b.realloc(v, layout(4000, 8), 16000);
        assert_ne!(w, v);
        assert!(holds(w, 4000, 7));
    }
}

#[test]
fn running_out_gives_null() {
    let mut b = Blocks::new(Arena::new(1 << 14, 0));
    unsafe {
        assert!(!b.alloc(layout(8000, 8)).is_null());
        assert!(b.alloc(layout(1 << 20, 8)).is_null());
        assert!(b
            .alloc(Layout::from_size_align(usize::MAX / 2, 1).unwrap())
            .is_null());
        // What was left still serves a small request, which cannot grow
        // past the memory even as the last block.
        let p = b.alloc(layout(100, 8));
        assert!(!p.is_null());
        assert!(b.realloc(p, layout(100, 8), 1 << 20).is_null());
    }
}

#[derive(Debug, Clone)]
enum Op {
    Alloc(usize, u32),
    Free(usize),
    Realloc(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (1usize..3000, 0u32..7).prop_map(|(n, a)| Op::Alloc(n, a)),
        (0usize..64).prop_map(Op::Free),
        (0usize..64, 1usize..5000).prop_map(|(i, n)| Op::Realloc(i, n)),
    ]
}

/// Checks a block's bytes still hold its tag.
fn holds(ptr: *mut u8, size: usize, tag: u8) -> bool {
    unsafe { std::slice::from_raw_parts(ptr, size) }
        .iter()
        .all(|&x| x == tag)
}

proptest! {
    /// Live blocks are aligned, inside the memory, apart from each other,
    /// and keep their bytes through a resize.
    #[test]
    fn blocks_are_aligned_apart_and_keep_their_bytes(
        ops in proptest::collection::vec(op(), 1..200),
        gap_every in 0usize..4,
    ) {
        let mut b = Blocks::new(Arena::new(1 << 20, gap_every));
        let (lo, hi) = b.source.range();
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        for (n, op) in ops.into_iter().enumerate() {
            let tag = n as u8;
            unsafe {
                match op {
                    Op::Alloc(size, a) => {
                        let l = layout(size, 1 << a);
                        let p = b.alloc(l);
                        prop_assert!(!p.is_null());
                        live.push((p, l, tag));
                    }
                    Op::Free(i) if i < live.len() => {
                        let (p, l, t) = live.swap_remove(i);
                        prop_assert!(holds(p, l.size(), t));
                        b.dealloc(p, l);
                        continue;
                    }
                    Op::Realloc(i, size) if i < live.len() => {
                        let (p, l, t) = live[i];
                        let q = b.realloc(p, l, size);
                        prop_assert!(!q.is_null());
                        prop_assert!(holds(q, l.size().min(size), t));
                        live[i] = (q, layout(size, l.align()), tag);
                    }
                    _ => continue,
                }
            }
            for &(p, l, _) in &live {
                let at = p as usize;
                prop_assert_eq!(at % l.align(), 0);
                prop_assert!(at >= lo && at + l.size() <= hi);
            }
            let mut spans: Vec<(usize, usize)> = live.iter().map(|&(p, l, _)| (p as usize, p as usize + l.size())).collect();
            spans.sort();
            for w in spans.windows(2) {
                prop_assert!(w[0].1 <= w[1].0, "{:?} overlaps {:?}", w[0], w[1]);
            }
            // The block just made or moved holds its tag from here on.
            let last = match op { Op::Realloc(i, _) => i, _ => live.len() - 1 };
            let (p, l, t) = live[last];
            unsafe { std::ptr::write_bytes(p, t, l.size()) };
        }
        for &(p, l, t) in &live {
            prop_assert!(holds(p, l.size(), t));
        }
    }
}
