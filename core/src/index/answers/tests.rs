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
    ]
}

#[test]
fn what_is_written_is_read() {
    let bytes = encode(sample());
    let a = Answers::open(&bytes, 10).unwrap();
    assert_eq!(a.len(), 3);
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
    // Layout: count, 4 offsets, then entry "b" at 20: key, total, count,
    // two hits of varint document and 4 score bytes.
    let hit_b = 20 + 2 + 1 + 1;
    let cases: [(&str, Change, &str); 9] = [
        (
            "count past the offsets",
            Box::new(|b| b[0] = 200),
            "cut short",
        ),
        (
            "entries cut",
            Box::new(|b| b.truncate(b.len() - 1)),
            "do not span",
        ),
        ("offsets not from 0", Box::new(|b| b[4] = 1), "do not span"),
        (
            "keys out of order",
            Box::new(|b| b[21] = b'z'),
            "out of order",
        ),
        (
            "a document past the count",
            Box::new(move |b| b[hit_b] = 10),
            "document 10 of 10",
        ),
        (
            "a score not a number",
            Box::new(move |b| {
                b[hit_b + 1..hit_b + 5].copy_from_slice(&f32::NAN.to_bits().to_le_bytes())
            }),
            "does not decode",
        ),
        (
            "more hits than the total",
            Box::new(|b| b[22] = 1),
            "does not decode",
        ),
        (
            "more matches than documents",
            Box::new(|b| b[22] = 11),
            "11 matches of 10",
        ),
        (
            "more hits than a page",
            Box::new(|b| b[23] = 11),
            "does not decode",
        ),
    ];
    for (what, change, why) in cases {
        let err = forged(change).expect_err(what);
        assert!(err.contains(why), "{what}: {err}");
    }
    assert_eq!(forged(|_| {}), Ok(()));
}
