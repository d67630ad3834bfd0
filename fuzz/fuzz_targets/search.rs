//! Any query text and options against the seed index: parse, expand,
//! evaluate, facets, suggestion and snippets must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quarry_core::corpus::read_corpus;
use quarry_core::index::write_index;
use quarry_core::{search, snippet, Index, SearchOptions, Sort};
use std::sync::OnceLock;

fn index() -> &'static Index<'static> {
    static INDEX: OnceLock<Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        let docs = read_corpus(&root).expect("seed corpus").docs;
        let bytes: &'static [u8] = Box::leak(write_index(&docs).unwrap().into_boxed_slice());
        Index::open(bytes).unwrap()
    })
}

fuzz_target!(|data: &[u8]| {
    let (flags, text) = data.split_first().unwrap_or((&0, data));
    let text = String::from_utf8_lossy(text);
    let opts = SearchOptions {
        limit: 1 + (*flags as usize & 15),
        offset: (*flags as usize >> 4) & 3,
        prefix: flags & 64 != 0,
        fuzzy: flags & 128 == 0,
        sort: match flags & 3 {
            0 => Sort::DateAsc,
            1 => Sort::DateDesc,
            _ => Sort::Relevance,
        },
        ..SearchOptions::default()
    };
    let index = index();
    let results = search(index, &text, &opts);
    assert!(results.hits.len() <= opts.limit);
    assert!(results.hits.len() <= results.total);
    for hit in &results.hits {
        let body = index.body(hit.doc).expect("hit is a stored document");
        let s = snippet(body, &results.terms);
        assert!(s.text.len() <= body.len() + 8);
    }
});
