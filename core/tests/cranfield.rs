//! Relevance budget: nDCG@10 on the Cranfield DEV queries, scored by the
//! kit's own eval.py, must not fall below the level reached (EVALUATION.md).
//! Needs ../shared/eval beside the repository (QUARRY_SHARED overrides).

use quarry_core::corpus::read_corpus;
use quarry_core::index::write_index;
use quarry_core::{search, Index, SearchOptions};
use std::fmt::Write;
use std::path::PathBuf;
use std::process::Command;

/// The level reached with the default tuning (0.4069), less a hair for
/// float summation order across platforms.
const MIN_NDCG10: f64 = 0.406;

fn kit() -> PathBuf {
    let shared = std::env::var_os("QUARRY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared")));
    shared.join("eval/cranfield")
}

#[test]
fn cranfield_dev_ndcg_stays_above_budget() {
    let kit = kit();
    assert!(
        kit.join("docs.jsonl").exists(),
        "Cranfield kit not found at {} (set QUARRY_SHARED)",
        kit.display()
    );
    let docs = read_corpus(&kit.join("docs.jsonl")).unwrap().docs;
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    let opts = SearchOptions {
        limit: 1000,
        ..SearchOptions::default()
    };
    let mut run = String::new();
    let queries = std::fs::read_to_string(kit.join("queries-dev.tsv")).unwrap();
    for line in queries.lines().filter(|l| !l.is_empty()) {
        let (qid, text) = line.split_once('\t').unwrap();
        for (rank, h) in search(&index, text, &opts).hits.iter().enumerate() {
            writeln!(
                run,
                "{qid} Q0 {} {} {} quarry",
                index.doc(h.doc).unwrap().id,
                rank + 1,
                h.score
            )
            .unwrap();
        }
    }
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cranfield-dev.run");
    std::fs::write(&path, run).unwrap();
    let out = Command::new("python3")
        .arg(kit.join("eval.py"))
        .arg(&path)
        .arg("dev")
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let ndcg: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("nDCG@10"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no nDCG@10 in eval.py output:\n{text}"));
    assert!(
        ndcg >= MIN_NDCG10,
        "nDCG@10 on Cranfield DEV fell to {ndcg:.4} (budget {MIN_NDCG10})"
    );
}
