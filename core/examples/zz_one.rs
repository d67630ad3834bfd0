use quarry_core::corpus::read_corpus;
use quarry_core::index::write_index;
use quarry_core::{Index, SearchOptions};
use std::path::Path;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let docs = read_corpus(Path::new(&args[0])).expect("corpus").docs;
    let bytes = write_index(&docs).expect("index");
    let index = Index::open(&bytes).expect("open");
    let opts = SearchOptions::default();
    let n: usize = args[1].parse().unwrap();
    let qs: Vec<&str> = args[2..].iter().map(|s| s.as_str()).collect();
    let t = std::time::Instant::now();
    for _ in 0..n {
        for q in &qs {
            std::hint::black_box(quarry_core::search(&index, q, &opts));
        }
    }
    eprintln!(
        "us/query {:.2}",
        t.elapsed().as_secs_f64() * 1e6 / (n * qs.len()) as f64
    );
}
