use quarry_core::corpus::read_corpus;
use quarry_core::index::write_index;
use quarry_core::query::expand::expand;
use quarry_core::{search, Index, SearchOptions};
use std::time::Instant;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let docs = read_corpus(std::path::Path::new(&args[0])).unwrap().docs;
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    let qs: Vec<String> = std::fs::read_to_string(&args[1])
        .unwrap()
        .lines()
        .map(String::from)
        .collect();
    let n = 2000;
    for q in qs.iter().take(3) {
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(quarry_core::query::parse(q, true));
        }
        let p = t.elapsed() / n;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(expand(&index, q, Some(q), true));
        }
        let e = t.elapsed() / n;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(expand(&index, q, None, true));
        }
        let e2 = t.elapsed() / n;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(search(&index, q, &SearchOptions::default()));
        }
        let s = t.elapsed() / n;
        println!("{q}: parse {p:?} expand+prefix {e:?} expand {e2:?} search {s:?}");
    }
}
