use super::*;
use proptest::prelude::*;

/// The whole table, for reference.
fn distance(a: &[u8], b: &[u8]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j - 1] + cost)
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

/// A value for key `k` with a list of its own.
fn own(k: usize) -> u64 {
    (k as u64) << 2 | 2
}

fn found(entries: &[&str], q: &Query<'_>) -> Vec<(String, u8, u64)> {
    let mut sorted: Vec<&str> = entries.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    // Each key's value is its ordinal, as a key with its own list (kind
    // 2): an alias's would be read through its stem.
    let keys = Sorted::from_sorted(sorted.iter().enumerate().map(|(k, e)| (*e, own(k))));
    let mut out = Vec::new();
    walk(&keys, q, usize::MAX, |e, d, v| {
        out.push((String::from_utf8(e.to_vec()).expect("utf-8"), d, v));
    });
    out
}

fn expected(entries: &[&str], q: &Query<'_>) -> Vec<(String, u8, u64)> {
    let mut sorted: Vec<&str> = entries.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted
        .iter()
        .enumerate()
        .filter_map(|(k, e)| {
            let max = if e.as_bytes().first() == q.word.first() {
                q.first
            } else {
                q.other
            };
            let d = distance(q.word, e.as_bytes());
            (d <= max as usize).then(|| (e.to_string(), d as u8, own(k)))
        })
        .collect()
}

#[test]
fn finds_substitutions_insertions_deletions_and_swaps() {
    let entries = [
        "heart", "chart", "hart", "hearth", "earth", "heat", "cart", "ehart",
    ];
    let q = Query {
        word: b"hcart",
        first: 1,
        other: 1,
    };
    let got = found(&entries, &q);
    assert_eq!(got, expected(&entries, &q));
    let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(names, ["cart", "chart", "hart", "heart"]);
}

#[test]
fn a_looser_limit_applies_only_under_the_first_byte() {
    let entries = ["contagious", "contact", "xontabiouz", "contabious"];
    let q = Query {
        word: b"contabious",
        first: 2,
        other: 1,
    };
    assert_eq!(found(&entries, &q), expected(&entries, &q));
}

#[test]
fn stops_after_the_limit() {
    let keys = Sorted::from_sorted(["aa", "ab", "ac", "ad"].map(|k| (k, 0)));
    let q = Query {
        word: b"ax",
        first: 1,
        other: 1,
    };
    let mut seen = Vec::new();
    walk(&keys, &q, 2, |e, _, _| seen.push(e.to_vec()));
    assert_eq!(seen, [b"aa".to_vec(), b"ab".to_vec()]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    /// Exactly the entries the whole table puts within the limits, with
    /// their distances and outputs.
    #[test]
    fn agrees_with_the_whole_table(
        word in "[abc]{1,7}",
        entries in proptest::collection::vec("[abcd]{1,8}", 0..40),
        first in 0u8..=2,
        other in 0u8..=2,
    ) {
        let refs: Vec<&str> = entries.iter().map(String::as_str).collect();
        let q = Query { word: word.as_bytes(), first, other };
        prop_assert_eq!(found(&refs, &q), expected(&refs, &q));
    }

    /// The same over a wider alphabet, with entries made from the word
    /// by up to three edits, so that most bytes of a node's children
    /// are none of the word's near its depth.
    #[test]
    fn agrees_with_the_whole_table_near_the_word(
        (word, entries) in "[a-h]{1,10}".prop_flat_map(|w| {
            let edit = (any::<usize>(), 0u8..4, b'a'..=b'h');
            let from = w.clone();
            let entry = proptest::collection::vec(edit, 0..=3)
                .prop_map(move |edits| edited(&from, &edits));
            (Just(w), proptest::collection::vec(entry, 0..40))
        }),
        first in 0u8..=2,
        other in 0u8..=2,
    ) {
        let refs: Vec<&str> = entries.iter().map(String::as_str).filter(|e| !e.is_empty()).collect();
        let q = Query { word: word.as_bytes(), first, other };
        prop_assert_eq!(found(&refs, &q), expected(&refs, &q));
    }
}

/// `word` after each edit (place, kind, byte): a substitution, an
/// insertion, a deletion or a swap with the next byte.
fn edited(word: &str, edits: &[(usize, u8, u8)]) -> String {
    let mut w = word.as_bytes().to_vec();
    for &(at, kind, b) in edits {
        let at = at % (w.len() + 1);
        match kind {
            0 if at < w.len() => w[at] = b,
            1 => w.insert(at, b),
            2 if at < w.len() => {
                w.remove(at);
            }
            3 if at + 1 < w.len() => w.swap(at, at + 1),
            _ => {}
        }
    }
    String::from_utf8(w).expect("ascii")
}
