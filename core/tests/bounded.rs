//! Hostile queries finish within a budget of work, counted (not timed):
//! postings read and dictionary terms expanded, on the seed corpus.

mod common;

use common::{seeds, seeds_dir};
use quarry_core::query::{evaluate, parse};
use quarry_core::{search, SearchOptions};

#[test]
fn hostile_queries_do_bounded_work() {
    let root = seeds_dir();
    let index = seeds();
    let opts = SearchOptions::default();
    let long_word = "a".repeat(10_000);
    let thousand_words = (0..1000)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let quotes = "\"-\"".repeat(2000);
    let two_letter = (0..500).map(|_| "ab").collect::<Vec<_>>().join(" ");
    let cases: [(&str, &str); 7] = [
        ("a 10,000-character word", &long_word),
        ("1,000 words", &thousand_words),
        ("a one-letter prefix", "c"),
        ("two-letter words", &two_letter),
        ("runs of quotes and minus signs", &quotes),
        ("minus signs", &"- -- --- ".repeat(500)),
        (
            "every word of the corpus",
            &std::fs::read_to_string(root.join("000_f2c9c479a8d22647.txt")).unwrap(),
        ),
    ];
    // One clause may read every posting of its expansions: at most 32
    // clauses × (1 + 24 completions or 8 typos) lists, each at most one per
    // document, plus 20 feedback terms.
    let max_postings = (32 * 25 + 20) * index.doc_count() as usize;
    for (what, q) in cases {
        let parsed = parse(q, true);
        assert!(
            parsed.clauses.len() <= 32,
            "{what}: {} clauses",
            parsed.clauses.len()
        );
        let m = evaluate(index, &parsed, &opts);
        assert!(
            m.postings_read <= max_postings,
            "{what}: read {} postings",
            m.postings_read
        );
        assert!(
            m.terms.len() <= 32 * 25 + 20,
            "{what}: {} terms",
            m.terms.len()
        );
        let r = search(index, q, &opts);
        assert!(r.hits.len() <= opts.limit, "{what}");
    }
}

/// The same hostile queries on a corpus large enough for the caps to bite:
/// 2,000 documents over a vocabulary of about 20,000 made-up words.
#[test]
fn hostile_queries_do_bounded_work_on_a_large_vocabulary() {
    let mut seed = 0x2545_f491_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let vocab: Vec<String> = (0..20_000)
        .map(|_| {
            let len = 3 + (next() % 7) as usize;
            (0..len)
                .map(|_| char::from(b'a' + (next() % 26) as u8))
                .collect()
        })
        .collect();
    let docs: Vec<quarry_core::Document> = (0..2000)
        .map(|i| {
            let mut text = |n: usize| {
                (0..n)
                    .map(|_| vocab[(next() % vocab.len() as u64) as usize].as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            quarry_core::Document {
                id: format!("{i:04}"),
                title: text(6),
                body: text(120),
                url: None,
                fields: Vec::new(),
                anchors: Vec::new(),
                links: Vec::new(),
            }
        })
        .collect();
    let bytes = quarry_core::index::write_index(&docs).unwrap();
    let index = quarry_core::Index::open(&bytes).unwrap();
    let opts = SearchOptions::default();
    let n = index.doc_count() as usize;
    let thousand = vocab[..1000].join(" ");
    let typos: String = vocab[..40].iter().map(|w| format!("{w}q ")).collect();
    // (what, query, most dictionary terms expanded, most postings read)
    let cases: [(&str, String, usize, usize); 6] = [
        ("a one-letter prefix", "c".into(), 1 + 24, 25 * n),
        (
            "a 10,000-character query",
            "ab ".repeat(3334),
            32 * 9 + 20,
            (32 * 9 + 20) * n,
        ),
        ("1,000 words", thousand, 32 * 25 + 20, (32 * 25 + 20) * n),
        ("40 misspelled words", typos, 32 * 9 + 20, (32 * 9 + 20) * n),
        (
            "runs of quotes and minus signs",
            "\"-\"- ".repeat(2000),
            0,
            0,
        ),
        (
            "two-letter words",
            "xq zv jk ".repeat(300),
            32 * 9 + 20,
            (32 * 9 + 20) * n,
        ),
    ];
    for (what, q, max_terms, max_postings) in cases {
        let m = evaluate(&index, &parse(&q, true), &opts);
        assert!(
            m.terms.len() <= max_terms,
            "{what}: {} terms expanded",
            m.terms.len()
        );
        assert!(
            m.postings_read <= max_postings,
            "{what}: {} postings read",
            m.postings_read
        );
        let r = search(&index, &q, &opts);
        assert!(r.hits.len() <= opts.limit, "{what}");
    }
}
