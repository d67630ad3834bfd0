use super::*;
use proptest::prelude::*;

/// Keys with lists of 1 byte each, every third an alias of the key
/// before it when that one has a list.
fn entries(keys: &[Vec<u8>]) -> Vec<(&[u8], Entry)> {
    let mut out: Vec<(&[u8], Entry)> = Vec::new();
    for (ord, k) in keys.iter().enumerate() {
        let entry = match out.last() {
            Some((_, Entry::Own { .. })) if ord % 3 == 2 => Entry::Alias { stem: ord - 1 },
            _ => Entry::Own {
                kind: KeyKind::Word,
                len: 1 + ord as u64 % 5,
            },
        };
        out.push((k, entry));
    }
    out
}

fn postings_len(entries: &[(&[u8], Entry)]) -> u64 {
    entries
        .iter()
        .map(|e| match e.1 {
            Entry::Own { len, .. } => len,
            Entry::Alias { .. } => 0,
        })
        .sum()
}

/// The value each key should read back as.
fn expected(entries: &[(&[u8], Entry)]) -> Vec<u64> {
    let mut at = Vec::new();
    let mut sum = 0;
    for e in entries {
        at.push(sum);
        if let Entry::Own { len, .. } = e.1 {
            sum += len;
        }
    }
    entries
        .iter()
        .enumerate()
        .map(|(ord, e)| match e.1 {
            Entry::Own { kind, .. } => dict_value(at[ord], kind),
            Entry::Alias { stem } => dict_value(at[stem], KeyKind::Alias),
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
        let dict = Dictionary::open(&bytes, postings_len(&entries)).unwrap();
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
    assert!(Dictionary::open(&bytes, len).is_ok());
    assert!(
        Dictionary::open(&bytes, len + 1).is_err(),
        "lists must fill postings"
    );
    let mut refused = 0;
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut b = bytes.clone();
            b[i] ^= 1 << bit;
            match Dictionary::open(&b, len) {
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
