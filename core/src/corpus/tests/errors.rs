//! Bad corpus input: each error names the file, line or offset and the
//! problem, and every unusable file is named at once.

use super::*;

#[test]
fn missing_corpus_is_named() {
    let root = Path::new("/nonexistent/quarry-corpus");
    let e = err_text(root);
    assert!(
        e.starts_with("/nonexistent/quarry-corpus: corpus not found"),
        "{e}"
    );
}

#[test]
fn invalid_utf8_names_file_line_and_offset() {
    let dir = scratch("utf8");
    let f = dir.join("bad.txt");
    fs::write(&f, b"first line\nsecond \xff line\n").unwrap();
    let e = err_text(&dir);
    assert_eq!(
        e,
        format!("{}:2: not UTF-8 (invalid byte at offset 18)", f.display())
    );
}

#[test]
fn malformed_json_line_names_file_and_line() {
    let dir = scratch("json");
    let f = dir.join("docs.jsonl");
    fs::write(
        &f,
        "{\"id\":\"a\",\"title\":\"A\",\"body\":\"x\"}\n\n{\"id\": \"b\", oops}\n",
    )
    .unwrap();
    let e = err_text(&f);
    assert!(
        e.starts_with(&format!("{}:3: malformed JSON line:", f.display())),
        "{e}"
    );
}

#[test]
fn duplicate_id_names_both_places() {
    let dir = scratch("dup");
    let f = dir.join("docs.jsonl");
    fs::write(
        &f,
        "{\"id\":\"a\",\"title\":\"A\",\"body\":\"x\"}\n{\"id\":\"a\",\"title\":\"B\",\"body\":\"y\"}\n",
    )
    .unwrap();
    let e = err_text(&f);
    let p = f.display();
    assert_eq!(
        e,
        format!("{p}:2: duplicate id \"a\" (first defined at {p}:1)")
    );
}

#[test]
fn missing_and_mistyped_keys_are_named() {
    let dir = scratch("keys");
    let f = dir.join("docs.jsonl");
    fs::write(&f, "{\"id\":\"a\",\"body\":\"x\"}\n").unwrap();
    assert_eq!(
        err_text(&f),
        format!("{}:1: missing required key \"title\"", f.display())
    );
    fs::write(&f, "{\"id\":7.5,\"title\":\"t\",\"body\":\"x\"}\n").unwrap();
    assert_eq!(
        err_text(&f),
        format!(
            "{}:1: key \"id\" must be a string or an integer",
            f.display()
        )
    );
    fs::write(&f, "{\"id\":[\"a\"],\"title\":\"t\",\"body\":\"x\"}\n").unwrap();
    assert_eq!(
        err_text(&f),
        format!(
            "{}:1: key \"id\" must be a string or an integer",
            f.display()
        )
    );
    fs::write(&f, "{\"id\":\"a\",\"title\":1,\"body\":\"x\"}\n").unwrap();
    assert_eq!(
        err_text(&f),
        format!("{}:1: key \"title\" must be a string", f.display())
    );
}

#[test]
fn empty_and_binary_files_fail() {
    let dir = scratch("empty");
    fs::write(dir.join("a.txt"), "  \n").unwrap();
    assert_eq!(
        err_text(&dir),
        format!("{}: empty file", dir.join("a.txt").display())
    );
    let e = read_corpus(&dir).unwrap_err();
    assert_eq!(e.exclude_pattern(&dir).as_deref(), Some("/a.txt"));
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::write(dir.join("a.txt"), "text").unwrap();
    fs::write(dir.join("sub/b, c.txt"), "").unwrap();
    let e = read_corpus(&dir).unwrap_err();
    assert_eq!(e.exclude_pattern(&dir), None, "a comma would split it");
    fs::rename(dir.join("sub/b, c.txt"), dir.join("sub/b.txt")).unwrap();
    let e = read_corpus(&dir).unwrap_err();
    assert_eq!(e.exclude_pattern(&dir).as_deref(), Some("sub/b.txt"));
    // The corpus is this one file: nothing to leave out.
    let e = read_corpus(&dir.join("sub/b.txt")).unwrap_err();
    assert_eq!(e.exclude_pattern(&dir.join("sub/b.txt")), None);
    let dir = scratch("binary");
    fs::write(dir.join("a.txt"), b"ab\0cd").unwrap();
    assert_eq!(
        err_text(&dir),
        format!(
            "{}: binary file (NUL byte at offset 2)",
            dir.join("a.txt").display()
        )
    );
}

#[test]
fn document_over_the_size_limit_names_file_id_and_limit() {
    let limits = Limits {
        max_doc_bytes: 64,
        ..Limits::default()
    };
    let dir = scratch("toobig");
    fs::write(dir.join("small.md"), "# Small\n\nok").unwrap();
    fs::write(dir.join("big.txt"), "word ".repeat(20)).unwrap();
    let e = read_corpus_with(&dir, &limits).unwrap_err();
    assert_eq!(e.exclude_pattern(&dir).as_deref(), Some("/big.txt"));
    assert_eq!(
        e.to_string(),
        format!(
            "{}: document \"big\" is 100 bytes, over the limit of 64 (set QUARRY_MAX_DOC_BYTES to raise it)",
            dir.join("big.txt").display()
        )
    );
    let f = dir.join("docs.jsonl");
    let long = format!(
        "{{\"id\":\"long\",\"title\":\"t\",\"body\":\"{}\"}}",
        "x".repeat(64)
    );
    fs::write(
        &f,
        format!("{{\"id\":\"a\",\"title\":\"t\",\"body\":\"x\"}}\n{long}\n"),
    )
    .unwrap();
    let e = read_corpus_with(&f, &limits).unwrap_err();
    assert_eq!(e.exclude_pattern(&dir), None, "a JSON line is no file");
    assert_eq!(
        e.to_string(),
        format!(
            "{}:2: document \"long\" is {} bytes, over the limit of 64 (set QUARRY_MAX_DOC_BYTES to raise it)",
            f.display(),
            long.len()
        )
    );
}

#[test]
fn every_unusable_file_is_named_in_one_error() {
    let limits = Limits {
        max_doc_bytes: 64,
        ..Limits::default()
    };
    let dir = scratch("unusable");
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::write(dir.join("a.txt"), "word ".repeat(20)).unwrap();
    fs::write(dir.join("b.txt"), "Fine.").unwrap();
    fs::write(dir.join("sub/c.md"), "word ".repeat(30)).unwrap();
    let e = read_corpus_with(&dir, &limits).unwrap_err();
    assert_eq!(e.exclude_pattern(&dir).as_deref(), Some("/a.txt,sub/c.md"));
    assert_eq!(
        e.to_string(),
        format!(
            "2 files cannot be documents (over the size limit; QUARRY_MAX_DOC_BYTES=150 takes them all):\n  {}: document \"a\" is 100 bytes, over the limit of 64\n  {}: document \"sub/c\" is 150 bytes, over the limit of 64",
            dir.join("a.txt").display(),
            dir.join("sub/c.md").display()
        )
    );
    // Mixed reasons: no size hint. Past 20 files, the rest are counted.
    fs::write(dir.join("empty.txt"), "").unwrap();
    for i in 0..20 {
        fs::write(dir.join(format!("z{i:02}.txt")), b"\0").unwrap();
    }
    let e = read_corpus_with(&dir, &limits).unwrap_err().to_string();
    assert!(e.starts_with("23 files cannot be documents:\n  "), "{e}");
    assert!(e.ends_with("\n  and 3 more"), "{e}");
    assert_eq!(e.lines().count(), 22, "{e}");
    // Any other problem still stops the read at once.
    fs::write(dir.join("bad.jsonl"), "{").unwrap();
    let e = read_corpus_with(&dir, &limits).unwrap_err().to_string();
    assert!(e.contains("bad.jsonl:1"), "{e}");
}

#[test]
fn more_documents_than_the_limit_names_the_first_over_it() {
    let limits = Limits {
        max_docs: 2,
        ..Limits::default()
    };
    let dir = scratch("toomany");
    for name in ["a", "b", "c"] {
        fs::write(dir.join(format!("{name}.txt")), "Text.").unwrap();
    }
    let e = read_corpus_with(&dir, &limits).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "{}: more than 2 documents (set QUARRY_MAX_DOCS to raise the limit)",
            dir.join("c.txt").display()
        )
    );
    let two = Limits {
        max_docs: 3,
        ..limits
    };
    assert_eq!(read_corpus_with(&dir, &two).unwrap().docs.len(), 3);
}

#[test]
fn unreadable_file_is_named() {
    // Running as root, permissions do not stop a read; a dangling symlink
    // is a file that cannot be read for any user.
    let dir = scratch("unreadable");
    fs::write(dir.join("a.txt"), "Fine.").unwrap();
    std::os::unix::fs::symlink(dir.join("gone.txt"), dir.join("b.txt")).unwrap();
    let e = err_text(&dir);
    assert!(
        e.starts_with(&format!("{}: cannot read: ", dir.join("b.txt").display())),
        "{e}"
    );
}

#[test]
fn same_id_from_two_formats_is_a_duplicate() {
    let dir = scratch("twoformats");
    fs::write(dir.join("a.md"), "# A\n\ntext").unwrap();
    fs::write(dir.join("a.txt"), "text").unwrap();
    assert_eq!(
        err_text(&dir),
        format!(
            "{}: duplicate id \"a\" (first defined at {})",
            dir.join("a.txt").display(),
            dir.join("a.md").display()
        )
    );
}
