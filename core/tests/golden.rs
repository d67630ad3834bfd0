//! The format's guard: a committed index of a tiny corpus must be what the
//! writer produces today (QUARRY_REGENERATE=1 rewrites it on purpose, with
//! a format version bump), and damaged copies of it must fail cleanly.

use fst::Streamer;
use quarry_core::index::format::{FormatError, KeyKind};
use quarry_core::index::write_index;
use quarry_core::text::stem::stemmed;
use quarry_core::{search, Document, FieldValue, Index, SearchOptions};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/small.qry");

fn corpus() -> Vec<Document> {
    let doc = |id: &str, title: &str, body: &str, place: &str| Document {
        id: id.into(),
        title: title.into(),
        body: body.into(),
        url: Some(format!("/{id}")),
        fields: vec![
            ("place".into(), FieldValue::Str(place.into())),
            ("year".into(), FieldValue::Num(2024.0)),
        ],
    };
    vec![
        doc(
            "a",
            "Lương Cường visits Chile",
            "State President Lương Cường met the Communist Party of Chile.",
            "SANTIAGO",
        ),
        doc(
            "b",
            "Delegation in Mexico",
            "Delegation in Mexico: a delegation joined parties at a conference on a new society in Việt Nam.",
            "MEXICO CITY",
        ),
    ]
}

#[test]
fn writer_output_matches_the_golden_file() {
    let bytes = write_index(&corpus()).unwrap();
    if std::env::var_os("QUARRY_REGENERATE").is_some() {
        std::fs::write(GOLDEN, &bytes).unwrap();
    }
    let golden = std::fs::read(GOLDEN).expect("golden index is committed");
    assert!(
        bytes == golden,
        "the index format changed: bump format::VERSION and regenerate the golden file"
    );
    let idx = Index::open(&golden).unwrap();
    // One title stored apart, one as the start of its body.
    for (ord, doc) in (0..).zip(corpus()) {
        assert_eq!(idx.title(ord), Some(doc.title.as_str()));
    }
    let r = search(&idx, "cuong", &SearchOptions::default());
    assert_eq!(idx.doc(r.hits[0].doc).unwrap().id, "a");
    // Written words whose stem differs are aliases of their stem's list.
    let mut aliases = Vec::new();
    let mut stream = idx.dictionary().stream();
    while let Some((key, value)) = stream.next() {
        let (info, kind) = idx.entry(value).unwrap();
        let key = String::from_utf8(key.to_vec()).unwrap();
        if kind == KeyKind::Alias {
            assert_eq!(Some(info), idx.term(&stemmed(&key)), "{key}");
            aliases.push(key);
        } else {
            assert_eq!(Some(info), idx.term(&key), "{key}");
        }
    }
    assert_eq!(
        aliases,
        [
            "conference",
            "delegation",
            "joined",
            "parties",
            "party",
            "president",
            "society",
            "visits"
        ]
    );
    let keys = idx.dictionary().len();
    assert_eq!(idx.term_count(), keys - aliases.len());
    let kind = |k: &str| idx.dictionary().get(k).map(|v| idx.entry(v).unwrap().1);
    assert_eq!(kind("parti"), Some(KeyKind::Stem));
    assert_eq!(kind("chile"), Some(KeyKind::Word));
    let r = search(&idx, "delegtaion", &SearchOptions::default());
    assert_eq!(r.total, 1);
    assert_eq!(
        idx.doc(r.hits[0].doc).unwrap().id,
        "b",
        "a swap in `delegation`"
    );
}

#[test]
fn wrong_version_is_a_typed_error() {
    let mut bytes = std::fs::read(GOLDEN).unwrap();
    bytes[4] = 99;
    match Index::open(&bytes) {
        Err(FormatError::Version {
            expected: quarry_core::index::format::VERSION,
            found: 99,
        }) => {}
        other => panic!("expected a version error, got {:?}", other.err()),
    }
}

#[test]
fn truncated_and_flipped_indexes_never_panic() {
    let golden = std::fs::read(GOLDEN).unwrap();
    let opts = SearchOptions::default();
    let exercise = |bytes: &[u8]| {
        if let Ok(idx) = Index::open(bytes) {
            for q in [
                "cuong",
                "party",
                "\"new society\"",
                "chil",
                "mexcio",
                "place:santiago",
            ] {
                let r = search(&idx, q, &opts);
                for h in &r.hits {
                    let _ = (idx.doc(h.doc), idx.body(h.doc));
                }
            }
        }
    };
    for len in 0..golden.len() {
        exercise(&golden[..len]);
    }
    for i in 0..golden.len() {
        for bit in (0..8).map(|k| 1u8 << k) {
            let mut b = golden.clone();
            b[i] ^= bit;
            exercise(&b);
        }
    }
}

/// The input on which fuzzing made `fst` panic: a dictionary with a forged
/// crc32c, written in format version 2 (with separate `terms` and `surface`
/// dictionaries). Each of its two dictionaries is put in place of the
/// golden index's `terms`: the forged one must be refused at open, by the
/// node-by-node check, naming the section.
#[test]
fn forged_dictionary_is_refused_at_open() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fuzz/regressions/index-forged-fst-checksum"
    );
    let old = std::fs::read(path).unwrap();
    let golden = std::fs::read(GOLDEN).unwrap();
    let mut refused = 0;
    for (at, len) in [(155, 245), (400, 120)] {
        let bytes = with_terms(&golden, &old[at..at + len]);
        if let Err(e) = Index::open(&bytes) {
            let msg = e.to_string();
            assert!(msg.contains("'terms' is corrupt"), "{msg}");
            refused += 1;
        }
    }
    assert_eq!(refused, 1, "the forged dictionary, and only it, is refused");
}

/// `index` with its `terms` section replaced by `dict`.
fn with_terms(index: &[u8], dict: &[u8]) -> Vec<u8> {
    use quarry_core::index::format::{read_header, HEADER_LEN};
    let sections = read_header(index).unwrap();
    let mut body = Vec::new();
    let mut table = Vec::new();
    let start = HEADER_LEN + 16 * sections.len();
    for s in &sections {
        let bytes = if s.name == "terms" {
            dict
        } else {
            &index[s.offset..s.offset + s.len]
        };
        table.extend_from_slice(&quarry_core::index::format::section_name(s.name));
        table.extend_from_slice(&((start + body.len()) as u32).to_le_bytes());
        table.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        body.extend_from_slice(bytes);
    }
    [&index[..HEADER_LEN], &table, &body].concat()
}
