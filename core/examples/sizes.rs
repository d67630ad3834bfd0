//! Section sizes of a corpus's index, raw and gzipped:
//! `cargo run --release -p quarry-core --features build --example sizes -- CORPUS`,
//! written as build.rs writes it (`QUARRY_ANSWERS` too).

use quarry_core::corpus::read_corpus;
use quarry_core::index::report::section_sizes;
use quarry_core::index::{write_index_with, WriteOptions};
use std::path::Path;

fn main() {
    let path = std::env::args().nth(1).expect("usage: sizes CORPUS");
    let docs = read_corpus(Path::new(&path)).expect("corpus").docs;
    let opts = WriteOptions::from_env(|name| std::env::var(name).ok()).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    let bytes = write_index_with(&docs, &opts).expect("index");
    let (mut raw, mut gz) = (0, 0);
    for s in section_sizes(&bytes) {
        println!(
            "{:>9} {:>10} bytes {:>10} gzipped",
            s.name, s.bytes, s.gzip_bytes
        );
        if s.name != "text" {
            raw += s.bytes;
            gz += s.gzip_bytes;
        }
    }
    println!("search structures (all but text): {raw} bytes, {gz} gzipped");
}
