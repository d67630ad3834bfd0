use super::*;
use proptest::prelude::*;

/// The children of `node` computed from the keys alone: each byte at
/// its depth, with the range of keys that have it.
fn naive_children(s: &Sorted, node: Node) -> Vec<(u8, usize, usize)> {
    let mut out: Vec<(u8, usize, usize)> = Vec::new();
    for j in node.from..node.to {
        let Some(&b) = s.key(j).get(node.depth) else {
            continue;
        };
        match out.last_mut() {
            Some(last) if last.0 == b => last.2 = j + 1,
            _ => out.push((b, j, j + 1)),
        }
    }
    out
}

proptest! {
    /// Listed nodes (above `LEVELS`) and searched ones give the children
    /// the keys imply, by iteration and by looking up each byte.
    #[test]
    fn children_are_those_the_keys_imply(
        keys in proptest::collection::btree_set("[abcAB]{0,7}", 1..60),
    ) {
        let s = Sorted::from_sorted(keys.iter().map(|k| (k.as_bytes(), 0)));
        let mut todo = vec![s.root()];
        while let Some(node) = todo.pop() {
            let want = naive_children(&s, node);
            let got: Vec<(u8, Node)> = s.children(node).collect();
            let ranges: Vec<(u8, usize, usize)> =
                got.iter().map(|(b, c)| (*b, c.from, c.to)).collect();
            prop_assert_eq!(&ranges, &want);
            // 'A', 'B' and 'C' share a bit of the mask; letters have their own.
            for b in b"ABCabcd" {
                let b = *b;
                let found = s.child(node, b).map(|c| (c.from, c.to));
                let expected = want.iter().find(|w| w.0 == b).map(|w| (w.1, w.2));
                prop_assert_eq!(found, expected);
            }
            for (_, child) in got {
                prop_assert_eq!(child.depth, node.depth + 1);
                prop_assert_eq!(child.own, s.key(child.from).len() == child.depth);
                todo.push(child);
            }
        }
    }
}

#[test]
fn runs_and_seeks_find_children() {
    let s = Sorted::from_sorted(["ab", "abc", "abd", "ac", "b", "ba"].map(|k| (k, 0)));
    // Below "a" (keys 0..4), byte 1: the run of 'b' is keys 0..3.
    assert_eq!(s.run_end(0, 4, 1), 3);
    assert_eq!(s.first_at_least(0, 4, 1, b'c'), 3);
    assert_eq!(s.first_at_least(0, 4, 1, b'd'), 4);
    assert_eq!(s.run_end(4, 6, 0), 6);
}
