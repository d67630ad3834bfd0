//! Prints every result of a query log and five variants of each query
//! (no completion, two words, a negation, a title scope with an offset, a
//! quoted pair): total, page with scores as bits, terms, suggestion and
//! facets, and with `SNIP=1` each hit's snippet. Two builds' dumps compared
//! with `cmp` show that a speed change changed no result:
//! `cargo run --release -p quarry-core --features build --example dump -- CORPUS.jsonl QUERIES.tsv > OUT`

use quarry_core::corpus::{read_corpus_with, Limits};
use quarry_core::index::write_index;
use quarry_core::{search, snippet, Index, SearchOptions};
use std::path::Path;
fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let limits = Limits::from_env(|k| std::env::var(k).ok()).unwrap();
    let docs = read_corpus_with(Path::new(&a[0]), &limits).unwrap().docs;
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    let log = std::fs::read_to_string(&a[1]).unwrap();
    let qs: Vec<&str> = log
        .lines()
        .skip(1)
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    let snip = std::env::var_os("SNIP").is_some();
    let mut variants: Vec<(String, SearchOptions)> = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        let next = qs[(i + 1) % qs.len()];
        let d = SearchOptions::default();
        variants.push((q.to_string(), d.clone()));
        variants.push((
            q.to_string(),
            SearchOptions {
                prefix: false,
                ..d.clone()
            },
        ));
        variants.push((format!("{q} {next}"), d.clone()));
        variants.push((format!("{next} -{q}"), d.clone()));
        variants.push((
            format!("title:{q}"),
            SearchOptions {
                limit: 20,
                offset: 5,
                ..d.clone()
            },
        ));
        variants.push((format!("\"{q} {next}\""), d.clone()));
    }
    for (q, o) in &variants {
        let r = search(&index, q, o);
        let mut terms = r.terms.clone();
        terms.sort();
        let hits: Vec<(u32, u32)> = r.hits.iter().map(|h| (h.doc, h.score.to_bits())).collect();
        println!(
            "{q:?} total={} hits={hits:?} terms={terms:?} sugg={:?} facets={:?}",
            r.total, r.suggestion, r.facets
        );
        if snip {
            for h in &r.hits {
                let s = snippet(
                    index.body(h.doc).unwrap_or(""),
                    &r.terms,
                    &r.term_clauses,
                    &index.stemmer(),
                );
                println!("  {:?} {:?}", s.text, s.highlights);
            }
        }
    }
}
