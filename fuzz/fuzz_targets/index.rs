//! Arbitrary bytes as an index: opening either fails with an error or gives
//! an index every reader path can walk without panicking or reading out of
//! bounds. Seed the corpus with a real index (scripts/fuzz does).
//!
//! The dictionary is checked entry by entry at open; whatever passes is
//! decoded and walked here. fuzz/regressions/index-forged-fst-checksum
//! once made the `fst` crate (format 9 and before) panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quarry_core::{search, snippet, Index, SearchOptions};

fuzz_target!(|data: &[u8]| {
    let Ok(index) = Index::open(data) else {
        return;
    };
    // Walk the dictionary: every key's postings.
    let sorted = index.dictionary().sorted();
    for key in 0..sorted.len().min(4_000) {
        let _ = index.dictionary().get(sorted.key(key));
        let (info, _) = index.entry(sorted.value(key));
        for posting in index.postings(info) {
            let _ = index.norm_codes(posting.doc);
        }
    }
    for query in [
        "party",
        "vietnam society",
        "\"new society\"",
        "carmna",
        "-chile p",
        "date:2022",
    ] {
        let results = search(&index, query, &SearchOptions::default());
        let stem = index.stemmer();
        for hit in &results.hits {
            if let Some(body) = index.body(hit.doc) {
                let _ = snippet(body, &results.terms, &results.term_clauses, &stem);
            }
            let _ = index.doc(hit.doc);
        }
    }
    for doc in 0..index.doc_count().min(64) {
        let _ = index.doc(doc);
        let _ = index.body(doc);
        let _ = index.lengths(doc);
        let _ = index.field_str(doc, "place");
        let _ = index.inlinks(doc);
    }
});
