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
    let out = Command::new(env!("CARGO"))
        .args(["check", "--lib", "-p", "quarry"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("QUARRY_CORPUS", corpus)
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
            "{}:2: not UTF-8 (invalid byte at offset 12)",
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
