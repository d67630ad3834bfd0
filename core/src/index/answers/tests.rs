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
        // The same answer as the entry before: stored once.
        ("stat".into(), answer(9, &[(3, 2.5), (7, 2.25), (1, 1.0)])),
        ("b".into(), answer(2, &[(0, 0.5), (9, 0.25)])),
        ("state".into(), answer(10, &[(4, 3.0); ANSWERED_HITS])),
        ("up".into(), answer(3, &[(1, 4.0), (2, 1.0001), (3, 0.0)])),
    ]
}

#[test]
fn what_is_written_is_read() {
    let bytes = encode(sample());
    let a = Answers::open(&bytes, 10).unwrap();
    assert_eq!(a.len(), 5);
    for (key, want) in sample() {
        assert_eq!(a.get(&key), Some(want), "{key}");
    }
    for missing in ["", "a", "st", "stata", "states", "z"] {
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
    // Layout: count, then entry "b" at 4: bytes shared with the key
    // before, the rest's length and the rest, hit count, total, two
    // varint documents, then the scores (see
    // `a_score_rising_down_the_page_is_refused`).
    let cases: [(&str, Change, &str); 10] = [
        (
            "a count the bytes cannot hold",
            Box::new(|b| b[0] = 200),
            "200 entries in",
        ),
        (
            "entries cut",
            Box::new(|b| b.truncate(b.len() - 1)),
            "entry 4 does not decode",
        ),
        (
            "bytes after the last entry",
            Box::new(|b| b.push(0)),
            "after the last entry",
        ),
        (
            "keys out of order",
            Box::new(|b| b[6] = b'z'),
            "out of order",
        ),
        (
            "a first key sharing bytes with none",
            Box::new(|b| b[4] = 1),
            "out of order",
        ),
        (
            "a repeat with no answer before it",
            Box::new(|b| b[7] = SAME),
            "entry 0 does not decode",
        ),
        (
            "a document past the count",
            Box::new(|b| b[10] = 10),
            "document 10 of 10",
        ),
        (
            "more hits than the total",
            Box::new(|b| b[8] = 1),
            "does not decode",
        ),
        (
            "more matches than documents",
            Box::new(|b| b[8] = 11),
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
fn a_score_rising_down_the_page_is_refused() {
    // Entry "b": 0.5 is 5,000 units, and 0.25 is 2,500 less; 5,001 less
    // would go below zero.
    let mut bytes = encode(sample());
    let mut fall = Vec::new();
    crate::index::varint::put(&mut fall, 2_500);
    assert_eq!(&bytes[13..15], fall.as_slice());
    fall.clear();
    crate::index::varint::put(&mut fall, 5_001);
    bytes.splice(13..15, fall);
    let err = Answers::open(&bytes, 10).expect_err("a negative score");
    assert!(err.contains("entry 0 does not decode"), "{err}");
}

#[test]
#[should_panic(expected = "scores fall down a page")]
fn the_writer_refuses_a_page_out_of_order() {
    encode(vec![("a".into(), answer(2, &[(0, 1.0), (1, 2.0)]))]);
}

#[test]
#[should_panic(expected = "a stored score is one that search returns")]
fn the_writer_refuses_a_score_search_would_not_return() {
    encode(vec![("a".into(), answer(1, &[(0, 1.00001)]))]);
}

#[test]
fn a_repeated_answer_and_a_shared_start_are_stored_once() {
    let page = answer(2, &[(0, 0.5), (9, 0.25)]);
    let one = encode(vec![("ab".into(), page.clone())]);
    let two = encode(vec![
        ("ab".into(), page.clone()),
        ("abc".into(), page.clone()),
    ]);
    // The second entry: 2 bytes shared, the rest's length, `c`, `SAME`.
    assert_eq!(two.len(), one.len() + 4);
    assert_eq!(&two[two.len() - 4..], &[2, 1, b'c', SAME]);
    let a = Answers::open(&two, 10).unwrap();
    assert_eq!(a.get("abc"), Some(page));
}
