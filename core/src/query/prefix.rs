//! The dictionary entries under a prefix, in key order, found by a direct
//! walk of the `fst` subtree: no range bounds to compare at every key, as a
//! range stream must.

use fst::raw::{Fst, Node};

/// Calls `f(key, output)` for the first `limit` entries of `fst` starting
/// with `prefix`, in key order.
pub fn walk<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    prefix: &[u8],
    limit: usize,
    mut f: impl FnMut(&[u8], u64),
) {
    let mut node = fst.root();
    let mut out = 0u64;
    for &b in prefix {
        let Some(k) = node.find_input(b) else {
            return;
        };
        let t = node.transition(k);
        out = out.wrapping_add(t.out.value());
        node = fst.node(t.addr);
    }
    let mut w = Walker {
        fst,
        path: prefix.to_vec(),
        left: limit,
        f: &mut f,
    };
    w.node(node, out);
}

struct Walker<'a, D, F> {
    fst: &'a Fst<D>,
    path: Vec<u8>,
    left: usize,
    f: &'a mut F,
}

impl<D: AsRef<[u8]>, F: FnMut(&[u8], u64)> Walker<'_, D, F> {
    fn node(&mut self, node: Node<'_>, out: u64) {
        if node.is_final() {
            if self.left == 0 {
                return;
            }
            self.left -= 1;
            (self.f)(&self.path, out.wrapping_add(node.final_output().value()));
        }
        for t in node.transitions() {
            if self.left == 0 {
                return;
            }
            self.path.push(t.inp);
            self.node(self.fst.node(t.addr), out.wrapping_add(t.out.value()));
            self.path.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fst::{IntoStreamer, Streamer};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// The same entries, in the same order, as a range stream.
        #[test]
        fn walk_matches_a_range_stream(
            keys in proptest::collection::btree_set("[a-d]{0,6}", 0..80),
            prefix in "[a-d]{0,3}",
            limit in 0usize..100,
        ) {
            let map = fst::Map::from_iter(keys.iter().enumerate().map(|(i, k)| (k, i as u64 * 7))).unwrap();
            let mut want = Vec::new();
            let mut upper = prefix.as_bytes().to_vec();
            upper.push(0xff);
            let mut s = map.range().ge(&prefix).lt(&upper).into_stream();
            while let Some((k, v)) = s.next() {
                if want.len() == limit {
                    break;
                }
                want.push((k.to_vec(), v));
            }
            let mut got = Vec::new();
            walk(map.as_fst(), prefix.as_bytes(), limit, |k, v| got.push((k.to_vec(), v)));
            prop_assert_eq!(got, want);
        }
    }
}
