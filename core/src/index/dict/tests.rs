use super::*;
use proptest::prelude::*;

/// Documents in the index the tests' lists are in.
const DOCS: u32 = 100;

/// Keys with lists of 1 to 5 documents, every third an alias of the key
/// before it when that one has a list.
fn entries(keys: &[Vec<u8>]) -> Vec<(&[u8], Entry)> {
    let mut out: Vec<(&[u8], Entry)> = Vec::new();
    for (ord, k) in keys.iter().enumerate() {
        let entry = match out.last() {
            Some((_, Entry::Own { .. })) if ord % 3 == 2 => Entry::Alias { stem: ord - 1 },
            _ => Entry::Own {
                kind: KeyKind::Word,
                df: 1 + ord as u32 % 5,
                extra: ord as u64 % 7,
            },
        };
        out.push((k, entry));
    }
    out
}

/// Where each key's list starts, in bits, and where the last ends.
fn starts(entries: &[(&[u8], Entry)]) -> (Vec<u64>, u64) {
    let mut at = Vec::new();
    let mut sum = 0;
    for e in entries {
        at.push(sum);
        if let Entry::Own { df, extra, .. } = e.1 {
            sum += crate::index::format::list_bits(DOCS, df, extra).unwrap();
        }
    }
    (at, sum)
}

fn postings_len(entries: &[(&[u8], Entry)]) -> u64 {
    starts(entries).1.div_ceil(8)
}

/// The value each key should read back as.
fn expected(entries: &[(&[u8], Entry)]) -> Vec<u64> {
    let at = starts(entries).0;
    let own = |ord: usize| match entries[ord].1 {
        Entry::Own { df, .. } => u64::from(df) << crate::index::trie::DF_SHIFT | at[ord] << 2,
        Entry::Alias { .. } => unreachable!("an alias of an alias"),
    };
    entries
        .iter()
        .enumerate()
        .map(|(ord, e)| match e.1 {
            Entry::Own { kind, .. } => own(ord) | kind as u64,
            Entry::Alias { stem } => own(stem) | KeyKind::Alias as u64,
        })
        .collect()
}

proptest! {
    #[test]
    fn what_is_written_is_read(
        set in proptest::collection::btree_set(
            (proptest::bool::ANY, proptest::collection::vec(b'a'..b'e', 1..7)), 0..200),
        probes in proptest::collection::vec(
            (proptest::bool::ANY, proptest::collection::vec(b'a'..b'f', 0..7)), 0..40),
    ) {
        // Half the keys share their first eight bytes, so that blocks'
        // first keys tie as integers and lookups compare their bytes.
        let long = |(shared, rest): (bool, Vec<u8>)| {
            if shared { [b"abababab".as_slice(), &rest].concat() } else { rest }
        };
        let set: std::collections::BTreeSet<Vec<u8>> = set.into_iter().map(long).collect();
        let probes: Vec<Vec<u8>> = probes.into_iter().map(long).collect();
        let keys: Vec<Vec<u8>> = set.into_iter().collect();
        let entries = entries(&keys);
        let want = expected(&entries);
        let bytes = encode(&entries);
        let dict = Dictionary::open(&bytes, postings_len(&entries), DOCS).unwrap();
        prop_assert_eq!(dict.len(), keys.len());
        // From the front-coded blocks, before the keys are decoded whole.
        for (ord, k) in keys.iter().enumerate() {
            prop_assert_eq!(dict.get(k), Some(want[ord]));
        }
        for p in &probes {
            prop_assert_eq!(dict.get(p), keys.binary_search(p).ok().map(|o| want[o]));
        }
        // Then from the decoded keys' trie.
        for (ord, k) in keys.iter().enumerate() {
            prop_assert_eq!(dict.get(k), Some(want[ord]));
            prop_assert_eq!(dict.sorted().key(ord), k.as_slice());
            prop_assert_eq!(dict.sorted().value(ord), want[ord]);
        }
        for p in &probes {
            prop_assert_eq!(dict.get(p), keys.binary_search(p).ok().map(|o| want[o]));
            let under: Vec<usize> = (0..keys.len()).filter(|&o| keys[o].starts_with(p)).collect();
            let got: Vec<usize> = dict.sorted().prefix(p).collect();
            prop_assert_eq!(got, under);
        }
    }
}

#[test]
fn damage_is_refused_at_open_never_read() {
    let keys: Vec<Vec<u8>> = (0..100u32)
        .map(|i| format!("k{i:03}").into_bytes())
        .collect();
    let entries = entries(&keys);
    let len = postings_len(&entries);
    let bytes = encode(&entries);
    assert!(Dictionary::open(&bytes, len, DOCS).is_ok());
    assert!(
        Dictionary::open(&bytes, len + 1, DOCS).is_err(),
        "lists must fill postings"
    );
    let mut refused = 0;
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut b = bytes.clone();
            b[i] ^= 1 << bit;
            match Dictionary::open(&b, len, DOCS) {
                Err(_) => refused += 1,
                // Accepted damage is a well-formed dictionary: every key
                // reads back, still in order.
                Ok(d) => {
                    let s = d.sorted();
                    for j in 0..s.len() {
                        assert_eq!(d.get(s.key(j)), Some(s.value(j)));
                    }
                }
            }
        }
    }
    assert!(
        refused > bytes.len() * 4,
        "{refused} of {} flips refused",
        bytes.len() * 8
    );
}
