//! Writes a corpus as Quarry reads it (titles and bodies extracted from
//! HTML, Markdown or text, files left out by `QUARRY_EXCLUDE`) as JSON
//! lines `{"id","title","body"}`, so that other engines can index the very
//! same text (eval/peers.mjs):
//! `cargo run --release -p quarry-core --features build --example export -- CORPUS OUT.jsonl`

use quarry_core::corpus::{read_corpus_with, Limits};
use std::io::Write;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [corpus, out] = args.as_slice() else {
        eprintln!("usage: export CORPUS OUT.jsonl");
        std::process::exit(2);
    };
    let limits = Limits::from_env(|name| std::env::var(name).ok()).unwrap_or_else(|e| {
        eprintln!("export: {e}");
        std::process::exit(1);
    });
    let docs = read_corpus_with(Path::new(corpus), &limits)
        .unwrap_or_else(|e| {
            eprintln!("export: {e}");
            std::process::exit(1);
        })
        .docs;
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).expect("create the output"));
    for d in &docs {
        let line = serde_json::json!({ "id": d.id, "title": d.title, "body": d.body });
        writeln!(w, "{line}").expect("write");
    }
    w.flush().expect("write");
    eprintln!("export: {} documents -> {out}", docs.len());
}
