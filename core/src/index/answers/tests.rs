use super::*;

fn answer(total: usize, hits: &[(u32, f32)]) -> Answer {
    Answer {
        total,
        hits: hits.to_vec(),
    }
}

fn sample() -> Vec<(String, Answer)> {
    vec![
        ("sta".into(), answer(9, &[(3, 2.5), (7, 2.25), (1, 1.0)])),
        ("b".into(), answer(2, &[(0, 0.5), (9, 0.25)])),
        ("state".into(), answer(10, &[(4, 3.0); ANSWERED_HITS])),
        // Scores that rise down the page: a negative difference.
        ("up".into(), answer(3, &[(1, 1.0), (2, 4.0), (3, 0.125)])),
    ]
}

#[test]
fn what_is_written_is_read() {
    let bytes = encode(sample());
    let a = Answers::open(&bytes, 10).unwrap();
    assert_eq!(a.len(), 4);
    for (key, want) in sample() {
        assert_eq!(a.get(&key), Some(want), "{key}");
    }
    for missing in ["", "a", "st", "stat", "states", "z"] {
        assert_eq!(a.get(missing), None, "{missing}");
    }
}

#[test]
fn none_stored_is_an_empty_section() {
    let bytes = encode(Vec::new());
    let a = Answers::open(&bytes, 0).unwrap();
    assert!(a.is_empty());
    assert_eq!(a.get("a"), None);
}

/// A change to the sample's bytes.
type Change = Box<dyn Fn(&mut Vec<u8>)>;

/// The sample's bytes with one change, opened over ten documents.
fn forged(change: impl Fn(&mut Vec<u8>)) -> Result<(), String> {
    let mut bytes = encode(sample());
    change(&mut bytes);
    Answers::open(&bytes, 10).map(|_| ())
}

#[test]
fn forged_sections_are_refused_at_open() {
    // Layout: count, then entry "b" at 4: key length and key, total, hit
    // count, two varint documents, the first score's 4 bytes, then the
    // second's difference as a varint.
    let cases: [(&str, Change, &str); 9] = [
        (
            "a count the bytes cannot hold",
            Box::new(|b| b[0] = 200),
            "200 entries in",
        ),
        (
            "entries cut",
            Box::new(|b| b.truncate(b.len() - 1)),
            "entry 3 does not decode",
        ),
        (
            "bytes after the last entry",
            Box::new(|b| b.push(0)),
            "after the last entry",
        ),
        (
            "keys out of order",
            Box::new(|b| b[5] = b'z'),
            "out of order",
        ),
        (
            "a document past the count",
            Box::new(|b| b[8] = 10),
            "document 10 of 10",
        ),
        (
            "a score not a number",
            Box::new(|b| b[10..14].copy_from_slice(&f32::NAN.to_bits().to_le_bytes())),
            "does not decode",
        ),
        (
            "more hits than the total",
            Box::new(|b| b[6] = 1),
            "does not decode",
        ),
        (
            "more matches than documents",
            Box::new(|b| b[6] = 11),
            "11 matches of 10",
        ),
        (
            "more hits than a page",
            Box::new(|b| b[7] = 11),
            "does not decode",
        ),
    ];
    for (what, change, why) in cases {
        let err = forged(change).expect_err(what);
        assert!(err.contains(why), "{what}: {err}");
    }
    assert_eq!(forged(|_| {}), Ok(()));
}

#[test]
fn a_difference_that_makes_no_number_is_refused() {
    // Entry "b"'s second score, 0.25, is 0.5's bits less 2^23; a
    // difference that lands on infinity's bits instead is refused.
    let mut bytes = encode(sample());
    assert_eq!(&bytes[10..14], &0.5f32.to_bits().to_le_bytes());
    let difference = |to: f32| {
        let d = to.to_bits().wrapping_sub(0.5f32.to_bits()) as i32;
        let mut out = Vec::new();
        crate::index::varint::put(&mut out, crate::index::varint::zigzag(i64::from(d)));
        out
    };
    let (old, z) = (difference(0.25), difference(f32::INFINITY));
    assert_eq!(&bytes[14..14 + old.len()], old.as_slice());
    bytes.splice(14..14 + old.len(), z);
    let err = Answers::open(&bytes, 10).expect_err("infinite score");
    assert!(err.contains("entry 0 does not decode"), "{err}");
}
