//! Section sizes of a corpus's index, raw and gzipped:
//! `cargo run --release -p quarry-core --features build --example sizes -- CORPUS`.

use quarry_core::corpus::read_corpus;
use quarry_core::index::report::section_sizes;
use quarry_core::index::write_index;
use std::path::Path;

fn main() {
    let path = std::env::args().nth(1).expect("usage: sizes CORPUS");
    let docs = read_corpus(Path::new(&path)).expect("corpus").docs;
    let bytes = write_index(&docs).expect("index");
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
