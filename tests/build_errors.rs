//! Bad corpora fail the real build (build.rs) with one message that names
//! the file and line. Runs `cargo check` with QUARRY_CORPUS set, in a target
//! directory of its own so that it never waits on the outer cargo's lock.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bad-corpora")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the build script on `corpus`; returns (success, stderr).
fn build_with(corpus: &Path) -> (bool, String) {
    build_with_env(corpus, &[])
}

/// Runs the build script on `corpus` with extra environment variables.
fn build_with_env(corpus: &Path, vars: &[(&str, &str)]) -> (bool, String) {
    let out = Command::new(env!("CARGO"))
        .args(["check", "--lib", "-p", "quarry"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("QUARRY_CORPUS", corpus)
        .env_remove("QUARRY_MAX_DOC_BYTES")
        .env_remove("QUARRY_MAX_DOCS")
        .env_remove("QUARRY_ANSWERS")
        .envs(vars.iter().copied())
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-errors-target"),
        )
        .output()
        .expect("cargo runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_fails_with(corpus: &Path, message: &str) {
    let (ok, stderr) = build_with(corpus);
    assert!(!ok, "the build must fail for {}", corpus.display());
    let line = format!("error: corpus: {message}");
    assert!(stderr.contains(&line), "stderr lacks {line:?}:\n{stderr}");
    assert!(!stderr.contains("panicked"), "no panic:\n{stderr}");
}

#[test]
fn bad_corpora_fail_the_build_naming_the_place() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-corpus");
    assert_fails_with(
        &missing,
        &format!("{}: corpus not found", missing.display()),
    );

    let dir = scratch("utf8");
    std::fs::write(dir.join("a.txt"), b"ok line\nbad \xc3\x28 byte\n").unwrap();
    let file = dir.join("a.txt");
    assert_fails_with(
        &dir,
        &format!(
            "{}:2: not UTF-8 (invalid byte at offset 12); QUARRY_EXCLUDE='/a.txt' leaves it out",
            file.display()
        ),
    );

    let dir = scratch("json");
    let file = dir.join("docs.jsonl");
    std::fs::write(
        &file,
        "{\"id\":\"1\",\"title\":\"t\",\"body\":\"b\"}\n{\"id\":\"2\",\n",
    )
    .unwrap();
    assert_fails_with(&file, &format!("{}:2: malformed JSON line", file.display()));

    std::fs::write(
        &file,
        "{\"id\":\"1\",\"title\":\"t\",\"body\":\"b\"}\n{\"id\":\"2\",\"title\":\"t\",\"body\":\"b\"}\n{\"id\":\"1\",\"title\":\"u\",\"body\":\"c\"}\n",
    )
    .unwrap();
    let p = file.display();
    assert_fails_with(
        &file,
        &format!("{p}:3: duplicate id \"1\" (first defined at {p}:1)"),
    );

    // And a good corpus builds.
    std::fs::write(&file, "{\"id\":\"1\",\"title\":\"t\",\"body\":\"b\"}\n").unwrap();
    let (ok, stderr) = build_with(&file);
    assert!(ok, "a valid corpus builds:\n{stderr}");
    assert!(stderr.contains("quarry: indexed 1 documents"), "{stderr}");
}

#[test]
fn limits_come_from_the_environment_and_unknown_files_warn() {
    let dir = scratch("limits");
    std::fs::write(dir.join("a.txt"), "A short page about rivers.").unwrap();
    std::fs::write(
        dir.join("b.md"),
        "# B\n\nAnother page, somewhat longer than the first one.",
    )
    .unwrap();
    std::fs::write(dir.join("logo.png"), "not text").unwrap();
    std::fs::write(dir.join("notes.pdf"), "not text").unwrap();

    let (ok, stderr) = build_with_env(&dir, &[("QUARRY_MAX_DOC_BYTES", "40")]);
    assert!(!ok, "a document over the limit fails the build");
    let big = dir.join("b.md");
    let line = format!(
        "error: corpus: {}: document \"b\" is {} bytes, over the limit of 40 (set QUARRY_MAX_DOC_BYTES to raise it); QUARRY_EXCLUDE='/b.md' leaves it out",
        big.display(),
        std::fs::metadata(&big).unwrap().len()
    );
    assert!(stderr.contains(&line), "stderr lacks {line:?}:\n{stderr}");

    // Both over the limit: one build names them all, and what takes them.
    let (ok, stderr) = build_with_env(&dir, &[("QUARRY_MAX_DOC_BYTES", "20")]);
    assert!(!ok, "documents over the limit fail the build");
    let biggest = std::fs::metadata(&big).unwrap().len();
    let head = format!("error: corpus: 2 files cannot be documents (over the size limit; QUARRY_MAX_DOC_BYTES={biggest} takes them all):");
    assert!(stderr.contains(&head), "stderr lacks {head:?}:\n{stderr}");
    assert!(
        stderr.contains("QUARRY_EXCLUDE='/a.txt,/b.md' leaves them out"),
        "{stderr}"
    );

    let (ok, stderr) = build_with_env(&dir, &[("QUARRY_MAX_DOCS", "1")]);
    assert!(!ok, "too many documents fails the build");
    assert!(
        stderr.contains("b.md: more than 1 documents (set QUARRY_MAX_DOCS"),
        "{stderr}"
    );

    let (ok, stderr) = build_with_env(&dir, &[("QUARRY_MAX_DOCS", "many")]);
    assert!(!ok);
    assert!(
        stderr.contains("error: QUARRY_MAX_DOCS must be a positive whole number, got \"many\""),
        "{stderr}"
    );

    let (ok, stderr) = build_with_env(&dir, &[("QUARRY_ANSWERS", "-1")]);
    assert!(!ok);
    assert!(
        stderr.contains(
            "error: QUARRY_ANSWERS must be a positive whole number of postings, or none, got \"-1\""
        ),
        "{stderr}"
    );

    let (ok, stderr) = build_with(&dir);
    assert!(ok, "{stderr}");
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("skipped")).collect();
    assert_eq!(
        warnings,
        [format!(
            "warning: quarry@0.1.0: quarry: skipped 2 file(s) of unknown type: {}, {}",
            dir.join("logo.png").display(),
            dir.join("notes.pdf").display()
        )],
        "one warning line lists the skipped files"
    );

    let (ok, stderr) = build_with_env(&dir, &[("QUARRY_EXCLUDE", "b.md")]);
    assert!(ok, "{stderr}");
    let line = format!(
        "warning: quarry@0.1.0: quarry: left out 1 file(s): {} (QUARRY_EXCLUDE b.md)",
        dir.join("b.md").display()
    );
    assert!(stderr.contains(&line), "stderr lacks {line:?}:\n{stderr}");
    assert!(stderr.contains("indexed 1 documents"), "{stderr}");

    // Pages in two languages: a warning names them, QUARRY_LANG keeps one.
    std::fs::write(
        dir.join("c.html"),
        "<html lang=\"fr-CA\"><title>C</title><p>Une page.</p></html>",
    )
    .unwrap();
    std::fs::write(
        dir.join("d.html"),
        "<html lang=\"en\"><title>D</title><p>A page.</p></html>",
    )
    .unwrap();
    let (ok, stderr) = build_with(&dir);
    assert!(ok, "{stderr}");
    let line = "quarry: HTML pages in 2 languages (en 1, fr 1) are searched together; QUARRY_LANG=en keeps one";
    assert!(stderr.contains(line), "stderr lacks {line:?}:\n{stderr}");
    let (ok, stderr) = build_with_env(&dir, &[("QUARRY_LANG", "fr")]);
    assert!(ok, "{stderr}");
    assert!(!stderr.contains("languages"), "{stderr}");
    assert!(
        stderr.contains(&format!("{} (lang en)", dir.join("d.html").display())),
        "{stderr}"
    );
    assert!(stderr.contains("indexed 3 documents"), "{stderr}");
    let (ok, stderr) = build_with_env(&dir, &[("QUARRY_LANG", "fr;en")]);
    assert!(!ok, "a bad QUARRY_LANG fails the build");
    assert!(
        stderr.contains(
            "error: QUARRY_LANG must list language codes such as en or en,fr, got \"fr;en\""
        ),
        "{stderr}"
    );
}
