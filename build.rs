//! Compiles the corpus named by QUARRY_CORPUS (default `seeds`) into
//! OUT_DIR/index.qry, embedded by src/lib.rs, and prints its size.

use quarry_core::corpus::{read_corpus_with, Limits};
use quarry_core::index::report::section_sizes;
use quarry_core::index::{write_index_with, WriteOptions};
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    if let Err(message) = run() {
        // Cargo shows the build script's stderr when it fails.
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    for var in [
        "QUARRY_CORPUS",
        "QUARRY_MAX_DOC_BYTES",
        "QUARRY_MAX_DOCS",
        "QUARRY_EXCLUDE",
        "QUARRY_LANG",
        "QUARRY_ANSWERS",
    ] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    println!("cargo:rerun-if-changed=build.rs");
    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let out_dir = PathBuf::from(env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let named = env::var("QUARRY_CORPUS")
        .ok()
        .filter(|s| !s.trim().is_empty());
    let root = crate_dir.join(named.as_deref().unwrap_or("seeds"));
    println!("cargo:rerun-if-changed={}", root.display());

    let limits = Limits::from_env(|name| env::var(name).ok())?;
    let write = WriteOptions::from_env(|name| env::var(name).ok())?;
    let corpus = read_corpus_with(&root, &limits).map_err(|e| match e.exclude_pattern(&root) {
        Some(p) if p.contains(',') => format!("corpus: {e}\nQUARRY_EXCLUDE='{p}' leaves them out"),
        Some(p) => format!("corpus: {e}; QUARRY_EXCLUDE='{p}' leaves it out"),
        None => format!("corpus: {e}"),
    })?;
    for path in corpus.dirs.iter().chain(&corpus.files) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let shown = |paths: &[PathBuf]| {
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
    };
    warn_list(
        "skipped {} file(s) of unknown type",
        &shown(&corpus.skipped),
    );
    let left_out: Vec<String> = corpus
        .left_out
        .iter()
        .map(|(p, why)| format!("{} ({why})", p.display()))
        .collect();
    warn_list("left out {} file(s)", &left_out);
    warn_list(
        "read {} HTML page(s) as windows-1252: not UTF-8, no charset declared",
        &shown(&corpus.guessed),
    );
    if corpus.langs.len() > 1 && limits.langs.is_empty() {
        let counts: Vec<String> = corpus
            .langs
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        println!(
            "cargo:warning=quarry: HTML pages in {} languages ({}) are searched together; QUARRY_LANG={} keeps one (a module per language, as Pagefind's index per language)",
            corpus.langs.len(),
            counts.join(", "),
            // The most pages; among equals, the first by name.
            corpus
                .langs
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map_or("en", |(l, _)| l.as_str())
        );
    }
    let started = std::time::Instant::now();
    let bytes = write_index_with(&corpus.docs, &write).map_err(|e| format!("index: {e}"))?;
    let index_ms = started.elapsed().as_millis();
    write_atomically(&out_dir.join("index.qry"), &bytes)?;

    let sizes = section_sizes(&bytes);
    let entries: Vec<String> = sizes
        .iter()
        .map(|s| format!("(\"{}\", {}, {})", s.name, s.bytes, s.gzip_bytes))
        .collect();
    let stats = format!(
        "/// (section, bytes, gzipped bytes), measured at build time.\npub const SECTION_SIZES: &[(&str, usize, usize)] = &[{}];\n",
        entries.join(", ")
    );
    write_atomically(&out_dir.join("index_sizes.rs"), stats.as_bytes())?;

    let gz: usize = sizes.iter().map(|s| s.gzip_bytes).sum();
    let text_gz = sizes
        .iter()
        .find(|s| s.name == "text")
        .map_or(0, |s| s.gzip_bytes);
    println!(
        "cargo:warning=quarry: indexed {} documents from {} in {index_ms} ms: index {} bytes, {} gzipped by section ({} of it stored text)",
        corpus.docs.len(),
        root.display(),
        bytes.len(),
        gz,
        text_gz
    );
    Ok(())
}

/// Writes through a temporary file and a rename, so a failed build never
/// leaves half an index behind.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension("tmp");
    fs::write(&tmp, bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

/// One build warning naming the first five of `items`; `what` has a `{}`
/// for their count. Nothing when there are none.
fn warn_list(what: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let shown = items.len().min(5);
    let more = match items.len() - shown {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    println!(
        "cargo:warning=quarry: {}: {}{more}",
        what.replacen("{}", &items.len().to_string(), 1),
        items[..shown].join(", ")
    );
}
