//! Any query text and options against the seed corpus and the site
//! fixture (sections): parse, expand, evaluate, facets, suggestion, and
//! for each hit what the wasm API makes of it (its place, snippet and the
//! marks of its title and heading) must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quarry_core::corpus::read_corpus;
use quarry_core::index::write_index;
use quarry_core::place::place;
use quarry_core::search::identifier;
use quarry_core::snippet::Matcher;
use quarry_core::text::normalize::fold;
use quarry_core::{search, Index, SearchOptions, Sort};
use std::sync::OnceLock;

fn index() -> &'static Index<'static> {
    static INDEX: OnceLock<Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut docs = read_corpus(&root.join("seeds")).expect("seed corpus").docs;
        docs.extend(read_corpus(&root.join("tests/site")).expect("site fixture").docs);
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
    let stem = index.stemmer();
    let m = Matcher::new(&results.terms, &results.term_clauses, &stem);
    let typed = fold(text.trim());
    let name = identifier(&text);
    let name = name.as_ref().map(|n| n.0.as_str());
    let units = |s: &str| s.encode_utf16().count() as u32;
    for hit in &results.hits {
        let body = index.body(hit.doc).expect("hit is a stored document");
        let (s, section) = place(index, hit.doc, &m, &typed, name);
        assert!(s.text.len() <= body.len() + 8);
        let (heading, _) = section.unwrap_or_default();
        for text in [s.text.as_str(), index.title(hit.doc).unwrap_or(""), heading] {
            let marks = if text == s.text { s.highlights.clone() } else { m.marks(text) };
            assert!(marks.windows(2).all(|w| w[0].1 <= w[1].0));
            assert!(marks.iter().all(|&(a, b)| a < b && b <= units(text)));
        }
    }
});
