//! Native latency and index build time on a corpus and a query log:
//! `cargo run --release -p quarry-core --features build --example latency -- CORPUS.jsonl QUERIES.txt`
//! (the side-by-side comparison with other engines is bench/, through wasm).
//! `PASSES=N` times the log N times, the first as a warm-up (default 4).

use quarry_core::corpus::read_corpus;
use quarry_core::index::write_index;
use quarry_core::{search, Index, SearchOptions};
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let t = Instant::now();
    let docs = read_corpus(Path::new(&args[0])).expect("corpus").docs;
    let read = t.elapsed();
    let t = Instant::now();
    let bytes = write_index(&docs).expect("index");
    let built = t.elapsed();
    let t = Instant::now();
    let index = Index::open(&bytes).expect("open");
    eprintln!("open: {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
    // A .tsv query log (query, category, note) also reports each category.
    let log = std::fs::read_to_string(&args[1]).expect("queries");
    let rows: Vec<(String, String)> = log
        .lines()
        .filter(|l| !l.starts_with("query\t"))
        .map(|l| {
            let mut f = l.split('\t');
            (
                f.next().unwrap_or("").to_string(),
                f.next().unwrap_or("all").to_string(),
            )
        })
        .collect();
    let queries: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    // Typos: is the intended word's top result in the misspelling's top 10?
    let (mut typos, mut kept) = (0, 0);
    for l in log.lines() {
        let f: Vec<&str> = l.split('\t').collect();
        if f.len() < 3 || f[1] != "typo" {
            continue;
        }
        let Some(word) = f[2].split(" of ").nth(1).and_then(|r| r.split(' ').next()) else {
            continue;
        };
        typos += 1;
        // Whole words (the log's typos are finished words): no completion.
        let whole = std::env::var_os("TYPO_PREFIX").is_none();
        let base = SearchOptions {
            prefix: !whole,
            ..SearchOptions::default()
        };
        let one = SearchOptions {
            limit: 1,
            ..base.clone()
        };
        let want = search(&index, word, &one).hits.first().map(|h| h.doc);
        let got = search(&index, f[0], &base);
        if want.is_some_and(|w| got.hits.iter().any(|h| h.doc == w)) {
            kept += 1;
        } else if std::env::var_os("SHOW_MISSES").is_some() {
            let q = quarry_core::query::parse(f[0], true);
            let terms = quarry_core::query::evaluate(&index, &q, &SearchOptions::default()).terms;
            println!(
                "    miss {} -> {word}: total {} terms {:?}",
                f[0], got.total, terms
            );
        }
    }
    if typos > 0 {
        println!("  typos: intended top result in the top 10 for {kept}/{typos}");
    }
    let opts = SearchOptions::default();
    let mut times = Vec::new();
    let mut empty = 0;
    let passes: usize = std::env::var("PASSES")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(4);
    for pass in 0..passes {
        for q in &queries {
            let t = Instant::now();
            let r = search(&index, q, &opts);
            let e = t.elapsed();
            if pass > 0 {
                times.push(e.as_secs_f64() * 1e6);
            } else if r.total == 0 {
                empty += 1;
            }
        }
    }
    let mut cats: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    cats.sort();
    cats.dedup();
    for cat in cats {
        let mut t: Vec<f64> = Vec::new();
        for (i, x) in times.iter().enumerate() {
            if rows[i % rows.len()].1 == cat {
                t.push(*x);
            }
        }
        t.sort_by(f64::total_cmp);
        println!(
            "  {cat:8} n={:4} p50 {:7.1} us p95 {:7.1} us",
            t.len() / 3,
            t[t.len() / 2],
            t[t.len() * 95 / 100]
        );
    }
    // Snippets for the top 10 of every query, timed apart.
    let mut snip = Vec::new();
    for q in &queries {
        let r = search(&index, q, &opts);
        let t = Instant::now();
        for h in &r.hits {
            std::hint::black_box(quarry_core::snippet(
                index.body(h.doc).unwrap_or(""),
                &r.terms,
                &r.term_clauses,
                &index.stemmer(),
            ));
        }
        snip.push(t.elapsed().as_secs_f64() * 1e6);
    }
    snip.sort_by(f64::total_cmp);
    println!(
        "  snippets for 10 hits: p50 {:.1} us p95 {:.1} us",
        snip[snip.len() / 2],
        snip[snip.len() * 95 / 100]
    );
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() as f64 - 1.0) * p) as usize];
    println!(
        "docs {} read {:?} index {:?} bytes {} | p50 {:.1} us p95 {:.1} us max {:.1} us | no answer {}/{}",
        docs.len(), read, built, bytes.len(), pct(0.5), pct(0.95), pct(1.0), empty, queries.len()
    );
}
