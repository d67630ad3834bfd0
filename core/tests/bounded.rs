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
