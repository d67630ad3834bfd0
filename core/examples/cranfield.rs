//! Ranking experiments on Cranfield, natively (no wasm rebuild per variant).
//! `cargo run --release -p quarry-core --features build --example cranfield -- KIT_DIR OUT.run [key=value…]`
//! keys: k1, wt (title weight), bt, bb (length normalization), stop (0/1),
//! fb=0 (no feedback), fbd, fbt, fbw (feedback docs, terms, weight), and
//! (most clauses that must all match), prox, pwin, pdepth (proximity weight,
//! window, depth; prox=0 turns it off).
//! The official figure comes from `scripts/eval`, through the wasm module.

use quarry_core::corpus::read_corpus;
use quarry_core::index::write_index;
use quarry_core::query::feedback::Feedback;
use quarry_core::query::proximity::Proximity;
use quarry_core::{search, Index, SearchOptions};
use std::fmt::Write;
use std::path::Path;

const PROX: Proximity = Proximity {
    weight: 0.3,
    window: 5,
    depth: 100,
};

const FB: Feedback = Feedback {
    docs: 10,
    terms: 10,
    weight: 0.3,
    min_words: 0,
};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (kit, out) = (Path::new(&args[0]), &args[1]);
    let mut opts = SearchOptions {
        limit: 1000,
        ..SearchOptions::default()
    };
    for kv in &args[2..] {
        let (k, v) = kv.split_once('=').expect("key=value");
        let x: f32 = v.parse().expect("number");
        let t = &mut opts.tuning;
        match k {
            "k1" => t.bm25.k1 = x,
            "wt" => t.bm25.w_title = x,
            "bt" => t.bm25.b_title = x,
            "bb" => t.bm25.b_body = x,
            "cap" => t.bm25.max_body = x,
            "stop" => t.stopwords = x != 0.0,
            "fb" if x == 0.0 => t.feedback = None,
            "and" => t.max_all_required = x as usize,
            "fbd" => t.feedback.get_or_insert(FB).docs = x as usize,
            "fbt" => t.feedback.get_or_insert(FB).terms = x as usize,
            "fbw" => t.feedback.get_or_insert(FB).weight = x,
            "fbmin" => t.feedback.get_or_insert(FB).min_words = x as u32,
            "prox" if x == 0.0 => t.proximity = None,
            "prox" => t.proximity.get_or_insert(PROX).weight = x,
            "pwin" => t.proximity.get_or_insert(PROX).window = x as u32,
            "pdepth" => t.proximity.get_or_insert(PROX).depth = x as usize,
            _ => panic!("unknown key {k}"),
        }
    }
    let docs = read_corpus(&kit.join("docs.jsonl")).expect("corpus").docs;
    let bytes = write_index(&docs).expect("index");
    let index = Index::open(&bytes).expect("open");
    let queries = std::fs::read_to_string(kit.join("queries-dev.tsv")).expect("queries");
    let mut run = String::new();
    for line in queries.lines().filter(|l| !l.is_empty()) {
        let (qid, text) = line.split_once('\t').expect("qid<TAB>text");
        for (rank, h) in search(&index, text, &opts).hits.iter().enumerate() {
            let id = index.doc(h.doc).expect("doc").id;
            writeln!(run, "{qid} Q0 {id} {} {} quarry", rank + 1, h.score).unwrap();
        }
    }
    std::fs::write(out, run).expect("write run");
}
