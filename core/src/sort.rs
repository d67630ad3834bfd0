//! The engine's one sort: a heapsort, and a heap that keeps the best `k`.
//!
//! The standard library's sorts compile to several kilobytes of WebAssembly
//! for each element type and comparison (its driftsort and ipnsort unroll
//! small-sort networks); with a dozen call sites they were a third of the
//! engine's code. A heap is a few hundred bytes per use, sorts in place
//! without allocating, and every order here is total (ties broken by
//! ordinal or name), so stability is never needed.

/// Sorts `v` so that no element is `before` an earlier one.
pub fn sort_by<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    // A heap with the element that comes last at its root.
    let after = |a: &T, b: &T| before(b, a);
    for i in (0..v.len() / 2).rev() {
        sift_down(v, i, &after);
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(&mut v[..end], 0, &after);
    }
}

/// Keeps the `k` elements of `v` that come first by `before`, sorted.
pub fn keep_first<T>(v: &mut Vec<T>, k: usize, before: impl Fn(&T, &T) -> bool) {
    if v.len() > k {
        // The first `k` elements as a heap with the one that comes last at
        // the root: each later element either replaces it or is dropped.
        let after = |a: &T, b: &T| before(b, a);
        let (heap, rest) = v.split_at_mut(k);
        for i in (0..k / 2).rev() {
            sift_down(heap, i, &after);
        }
        for x in rest {
            if let Some(root) = heap.first_mut() {
                if before(x, root) {
                    std::mem::swap(x, root);
                    sift_down(heap, 0, &after);
                }
            }
        }
        v.truncate(k);
    }
    sort_by(v, before);
}

/// Moves `heap[i]` down until no child is `above` it.
fn sift_down<T>(heap: &mut [T], mut i: usize, above: &impl Fn(&T, &T) -> bool) {
    loop {
        let mut child = 2 * i + 1;
        if child >= heap.len() {
            return;
        }
        if child + 1 < heap.len() && above(&heap[child + 1], &heap[child]) {
            child += 1;
        }
        if !above(&heap[child], &heap[i]) {
            return;
        }
        heap.swap(i, child);
        i = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_library(mut v in proptest::collection::vec(0u16..50, 0..200)) {
            let mut want = v.clone();
            want.sort_unstable();
            sort_by(&mut v, |a, b| a < b);
            prop_assert_eq!(v, want);
        }

        #[test]
        fn keeps_the_first_k_in_order(
            mut v in proptest::collection::vec((0u8..20, 0u32..1000), 0..200),
            k in 0usize..30,
        ) {
            let mut want = v.clone();
            want.sort_unstable_by(|a, b| b.cmp(a));
            want.truncate(k);
            keep_first(&mut v, k, |a, b| a > b);
            prop_assert_eq!(v, want);
        }
    }
}
