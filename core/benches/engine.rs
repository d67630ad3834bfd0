//! Criterion benches of the core's hot paths on Cranfield's 1,400 abstracts
//! (real English, from ../shared/eval): opening the index, each kind of
//! query, snippets, tokenizing and writing the index, and the first query
//! on a news-like copy (a date and a place on each abstract), which builds
//! the field columns.
//! `cargo bench -p quarry-core --features build --bench engine`
//! (QUARRY_SHARED points elsewhere than ../shared).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use quarry_core::corpus::read_corpus;
use quarry_core::index::write_index;
use quarry_core::text::for_each_token;
use quarry_core::{search, snippet, Document, FieldValue, Index, SearchOptions};
use std::hint::black_box;
use std::path::PathBuf;

fn corpus() -> Vec<Document> {
    let shared = std::env::var_os("QUARRY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    let path = shared.join("eval/cranfield/docs.jsonl");
    read_corpus(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .docs
}

fn benches(c: &mut Criterion) {
    let docs = corpus();
    let bytes = write_index(&docs).expect("index");
    let index = Index::open(&bytes).expect("open");
    let opts = SearchOptions::default();
    let plain = SearchOptions {
        prefix: false,
        ..SearchOptions::default()
    };

    c.bench_function("open", |b| {
        b.iter(|| Index::open(black_box(&bytes)).is_ok())
    });
    for (name, query, o) in [
        ("query/one word", "boundary", &plain),
        ("query/two words", "boundary layer", &plain),
        ("query/three words, the rarest last", "flow layer hypersonic", &plain),
        ("query/phrase", "\"boundary layer\"", &plain),
        ("query/prefix as typed", "supersonic aerod", &opts),
        ("query/one-letter prefix", "s", &opts),
        ("query/typo", "turbulant", &plain),
        ("query/exclusion", "flow -supersonic", &plain),
        (
            "query/question (ranked, feedback)",
            "what similarity laws must be obeyed when constructing aeroelastic models of heated high speed aircraft",
            &plain,
        ),
    ] {
        c.bench_function(name, |b| b.iter(|| search(&index, black_box(query), o).total));
    }
    let r = search(&index, "boundary layer transition", &plain);
    c.bench_function("snippets for 10 hits", |b| {
        b.iter(|| {
            r.hits
                .iter()
                .map(|h| {
                    snippet(
                        index.body(h.doc).unwrap_or(""),
                        &r.terms,
                        &r.term_clauses,
                        &index.stemmer(),
                    )
                    .text
                    .len()
                })
                .sum::<usize>()
        })
    });
    let body = &docs[0].body;
    c.bench_function("tokenize one abstract", |b| {
        b.iter(|| {
            let mut n = 0;
            for_each_token(black_box(body), |_| n += 1);
            n
        })
    });
    // Dates and places spread as a news archive's, from the ordinal alone.
    let mut news = docs.clone();
    for (i, d) in news.iter_mut().enumerate() {
        let date = format!("{}-{:02}-{:02}", 2000 + i % 26, 1 + i % 12, 1 + i * 7 % 28);
        let place = ["HANOI", "DA NANG", "HUE", "PARIS", "SANTIAGO"][i * 3 % 5];
        d.fields.push(("date".into(), FieldValue::Str(date)));
        d.fields
            .push(("place".into(), FieldValue::Str(place.into())));
    }
    let news = write_index(&news).expect("index");
    c.bench_function("first query with facets (opens, builds columns)", |b| {
        b.iter(|| {
            let index = Index::open(black_box(&news)).expect("open");
            search(&index, "boundary", &plain).total
        })
    });
    let mut group = c.benchmark_group("build");
    group.sample_size(10);
    group.bench_function("write_index (1,400 abstracts)", |b| {
        b.iter_batched(
            || docs.clone(),
            |d| write_index(&d).map(|v| v.len()),
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
