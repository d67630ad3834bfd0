//! The format's guard: a committed index of a tiny corpus must be what the
//! writer produces today (QUARRY_REGENERATE=1 rewrites it on purpose, with
//! a format version bump), and damaged copies of it must fail cleanly.

use quarry_core::index::format::{FormatError, KeyKind};
use quarry_core::index::write_index;
use quarry_core::text::stem::stemmed;
use quarry_core::{search, Anchor, Document, FieldValue, Index, SearchOptions};

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
        anchors: Vec::new(),
        links: Vec::new(),
    };
    let mut b = doc(
        "b",
        "Delegation in Mexico",
        "Delegation in Mexico: a delegation joined parties at a conference on a new society in Việt Nam.",
        "MEXICO CITY",
    );
    // A section, as an HTML heading with an id gives.
    b.anchors.push(Anchor {
        at: 53,
        len: 12,
        id: "conference".into(),
    });
    // A link, as from an HTML or Markdown page's content.
    b.links.push("a".into());
    vec![
        doc(
            "a",
            "Lương Cường visits Chile",
            "State President Lương Cường met the Communist Party of Chile.",
            "SANTIAGO",
        ),
        b,
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
    // Sections: found by offset, none before the first or without any.
    assert_eq!(idx.section(1, 60), Some(("a conference", "conference")));
    assert_eq!(idx.section(1, 52), None);
    assert_eq!(idx.section(0, 60), None);
    // Written words whose stem differs are aliases of their stem's list.
    let mut aliases = Vec::new();
    let sorted = idx.dictionary().sorted();
    for j in 0..sorted.len() {
        let (info, kind) = idx.entry(sorted.value(j));
        let key = String::from_utf8(sorted.key(j).to_vec()).unwrap();
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
    let kind = |k: &str| idx.dictionary().get(k.as_bytes()).map(|v| idx.entry(v).1);
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
                    let _ = (idx.doc(h.doc), idx.body(h.doc), idx.section(h.doc, 60));
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

/// Dictionaries that decode but lie are refused at open, naming the
/// section: lookups then trust what they read. Also the bytes of the `fst`
/// of format 2 on which fuzzing once made the `fst` crate panic.
#[test]
fn forged_dictionaries_are_refused_at_open() {
    use quarry_core::index::dict::{encode, Entry};
    let golden = std::fs::read(GOLDEN).unwrap();
    let idx = Index::open(&golden).unwrap();
    let postings = idx
        .sections()
        .iter()
        .find(|s| s.name == "postings")
        .unwrap()
        .len as u64;
    // A list of `bytes` whole bytes: one posting of the index's two
    // documents takes 3 bits at the fewest (`format::list_bits`).
    let own = |bytes: u64| Entry::Own {
        kind: KeyKind::Word,
        df: 1,
        extra: 8 * bytes - 3,
    };
    let forged: [&[(&[u8], Entry)]; 6] = [
        // Out of order.
        &[(b"b", own(1)), (b"a", own(postings - 1))],
        // A list of more documents than the index has, which would size
        // the scoring's buffers (fuzz/regressions/index-forged-df): 3 of
        // 2, each taking 2 bits at the fewest.
        &[(
            b"a",
            Entry::Own {
                kind: KeyKind::Word,
                df: 3,
                extra: 8 * postings - 6,
            },
        )],
        // An alias of an alias.
        &[
            (b"a", own(postings)),
            (b"b", Entry::Alias { stem: 2 }),
            (b"c", Entry::Alias { stem: 0 }),
        ],
        // An alias of a key that is not there.
        &[(b"a", own(postings)), (b"b", Entry::Alias { stem: 7 })],
        // One so far past the keys that, shifted into a decoded value, its
        // ordinal would wrap around to key 0's.
        &[
            (b"a", own(postings)),
            (b"b", Entry::Alias { stem: 1 << 30 }),
        ],
        // Lists that do not fill `postings`.
        &[(b"a", own(1)), (b"b", own(1))],
    ];
    let old = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fuzz/regressions/index-forged-fst-checksum"
    ))
    .unwrap();
    let mut dicts: Vec<Vec<u8>> = forged.iter().map(|f| encode(f)).collect();
    dicts.push(old[155..155 + 245].to_vec());
    dicts.push(old[400..400 + 120].to_vec());
    for dict in &dicts {
        match Index::open(&with_terms(&golden, dict)) {
            Err(e) => assert!(e.to_string().contains("'terms' is corrupt"), "{e}"),
            Ok(_) => panic!("a forged dictionary was opened: {dict:?}"),
        }
    }
    // The same section rebuilt honestly opens.
    let fine = encode(&[(b"a", own(postings))]);
    assert!(Index::open(&with_terms(&golden, &fine)).is_ok());
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
