use super::*;
use std::fs;

/// A fresh directory under the system's temporary one, removed when the
/// test ends (each run has its own: the name holds the process id).
fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("quarry-corpus-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn err_text(root: &Path) -> String {
    read_corpus(root).expect_err("corpus must fail").to_string()
}

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
fn jsonl_takes_integer_ids_flattens_lists_and_flags_and_dates_become_iso() {
    let dir = scratch("flat");
    let f = dir.join("docs.jsonl");
    fs::write(
        &f,
        "{\"id\":7,\"title\":\"t\",\"body\":\"x\",\"tags\":[\"a\",1,true,null,\"\"],\
         \"draft\":false,\"meta\":{\"k\":1},\"deep\":[[1]],\"n\":null,\"year\":2024,\
         \"date\":\"Mon, 01 May 2023 10:00:00 +0000\"}\n",
    )
    .unwrap();
    let d = &read_corpus(&f).unwrap().docs[0];
    assert_eq!(d.id, "7");
    let fields: Vec<(&str, &FieldValueOf)> =
        d.fields.iter().map(|(k, v)| (k.as_str(), v)).collect();
    assert_eq!(
        fields,
        [
            ("date", &FieldValueOf::Str("2023-05-01".into())),
            ("draft", &FieldValueOf::Str("false".into())),
            ("tags", &FieldValueOf::Str("a, 1, true".into())),
            ("year", &FieldValueOf::Num(2024.0)),
        ]
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
fn empty_directory_has_no_documents() {
    let dir = scratch("nodocs");
    fs::write(dir.join("notes.bin"), "x").unwrap();
    assert!(err_text(&dir)
        .ends_with("corpus has no documents (readable formats: .txt, .md, .mdx, .html, .jsonl)"));
}

#[test]
fn jsonl_fields_url_bom_and_crlf() {
    let dir = scratch("fields");
    let f = dir.join("docs.jsonl");
    fs::write(
        &f,
        "\u{feff}{\"id\":\"b\",\"title\":\"B\",\"body\":\"y\",\"year\":2024,\"url\":\"/b\"}\r\n{\"id\":\"a\",\"title\":\"A\",\"body\":\"x\",\"note\":null}\r\n",
    )
    .unwrap();
    let c = read_corpus(&f).unwrap();
    assert_eq!(c.docs.len(), 2);
    assert_eq!(c.docs[0].id, "a");
    assert!(c.docs[0].fields.is_empty());
    assert_eq!(c.docs[1].url.as_deref(), Some("/b"));
    assert_eq!(
        c.docs[1].fields,
        vec![("year".into(), FieldValueOf::Num(2024.0))]
    );
}

use crate::document::FieldValue as FieldValueOf;

#[test]
fn directory_ids_are_relative_paths_and_unknown_files_skipped() {
    let dir = scratch("ids");
    fs::create_dir_all(dir.join("news/2024")).unwrap();
    fs::write(dir.join("news/2024/a.txt"), "Hello there.").unwrap();
    fs::write(dir.join("b.txt"), "Bye.").unwrap();
    fs::write(dir.join("image.png"), "png").unwrap();
    let c = read_corpus(&dir).unwrap();
    let ids: Vec<&str> = c.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["b", "news/2024/a"]);
    assert_eq!(c.skipped, [dir.join("image.png")]);
    assert_eq!(c.files.len(), 2);
}

#[test]
fn copies_of_markup_sources_are_left_out_and_named() {
    // A Sphinx build: each page, and its source again under _sources.
    let dir = scratch("sources");
    fs::create_dir_all(dir.join("_sources/library")).unwrap();
    fs::write(dir.join("index.html"), "<title>Home</title><p>Hi.</p>").unwrap();
    fs::write(
        dir.join("_sources/library/json.rst.txt"),
        ".. module:: json",
    )
    .unwrap();
    fs::write(dir.join("_sources/intro.md.TXT"), "# Intro").unwrap();
    fs::write(dir.join("notes.txt"), "Plain notes.").unwrap();
    fs::write(dir.join("v1.2.txt"), "Release notes.").unwrap();
    let c = read_corpus(&dir).unwrap();
    let ids: Vec<&str> = c.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["index", "notes", "v1.2"]);
    let left: Vec<&Path> = c.left_out.iter().map(|(p, _)| p.as_path()).collect();
    assert_eq!(
        left,
        [
            dir.join("_sources/intro.md.TXT"),
            dir.join("_sources/library/json.rst.txt")
        ]
    );
    assert!(c.left_out[0].1.contains("markup source"));
}

#[test]
fn files_sites_serve_as_they_are_are_left_out_and_named() {
    // An mdBook build: pages, and the licences of its fonts.
    let dir = scratch("site-files");
    fs::create_dir_all(dir.join("fonts")).unwrap();
    fs::write(dir.join("index.html"), "<title>Home</title><p>Hi.</p>").unwrap();
    fs::write(dir.join("fonts/OPEN-SANS-LICENSE.txt"), "Apache License").unwrap();
    fs::write(dir.join("LICENSE_MIT.txt"), "MIT License").unwrap();
    fs::write(dir.join("robots.txt"), "User-agent: *").unwrap();
    fs::write(dir.join("licensed-fonts.txt"), "Which fonts we use.").unwrap();
    fs::write(dir.join("robotics.txt"), "Notes on robots.").unwrap();
    let c = read_corpus(&dir).unwrap();
    let ids: Vec<&str> = c.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["index", "licensed-fonts", "robotics"]);
    let left: Vec<&Path> = c.left_out.iter().map(|(p, _)| p.as_path()).collect();
    assert_eq!(
        left,
        [
            dir.join("LICENSE_MIT.txt"),
            dir.join("fonts/OPEN-SANS-LICENSE.txt"),
            dir.join("robots.txt")
        ]
    );
    assert!(c.left_out.iter().all(|(_, why)| why.contains("not a page")));
}

#[test]
fn excluded_files_are_left_out_and_named_with_their_pattern() {
    let dir = scratch("exclude");
    fs::create_dir_all(dir.join("blog/page/2")).unwrap();
    fs::create_dir_all(dir.join("tags")).unwrap();
    fs::write(dir.join("blog/post.md"), "# Post\n\nText.").unwrap();
    fs::write(dir.join("blog/page/2/index.html"), "<title>Page 2</title>").unwrap();
    fs::write(dir.join("tags/rust.html"), "<title>Rust</title>").unwrap();
    fs::write(dir.join("genindex.html"), "<title>Index</title>").unwrap();
    let limits = Limits::from_env(|k| {
        (k == "QUARRY_EXCLUDE").then(|| "genindex*.html, blog/page/*/index.html, tags/".into())
    })
    .unwrap();
    let c = read_corpus_with(&dir, &limits).unwrap();
    let ids: Vec<&str> = c.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["blog/post"]);
    let left: Vec<(PathBuf, &str)> = c
        .left_out
        .iter()
        .map(|(p, w)| (p.clone(), w.as_str()))
        .collect();
    assert_eq!(
        left,
        [
            (
                dir.join("blog/page/2/index.html"),
                "QUARRY_EXCLUDE blog/page/*/index.html"
            ),
            (dir.join("genindex.html"), "QUARRY_EXCLUDE genindex*.html"),
            (dir.join("tags/rust.html"), "QUARRY_EXCLUDE tags/"),
        ]
    );
    // Every file stays watched, so that a change rebuilds the index.
    assert_eq!(c.files.len(), 4);
}

#[test]
fn seed_corpus_reads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let c = read_corpus(&root).unwrap();
    assert_eq!(c.docs.len(), 2);
    let place = |i: usize| {
        c.docs[i]
            .fields
            .iter()
            .find(|(k, _)| k == "place")
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(place(0), FieldValueOf::Str("SANTIAGO".into()));
    assert_eq!(place(1), FieldValueOf::Str("MEXICO CITY".into()));
}

#[test]
fn txt_with_bom_and_crlf_reads_like_plain() {
    let dir = scratch("crlf");
    fs::write(
        dir.join("a.txt"),
        "\u{feff} date 2024-01-02 HUE - First line.\r\nSecond line.\r\n",
    )
    .unwrap();
    let c = read_corpus(&dir).unwrap();
    let d = &c.docs[0];
    assert_eq!(d.title, "First line.");
    assert_eq!(d.body, "First line.\nSecond line.");
    assert_eq!(
        d.fields[1],
        ("place".into(), FieldValueOf::Str("HUE".into()))
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
fn pages_are_counted_by_language_and_kept_by_quarry_lang() {
    let dir = scratch("langs");
    for (name, lang) in [
        ("a", " lang=\"en\""),
        ("b", " lang=\"en-US\""),
        ("c", " lang=\"es\""),
        ("d", ""),
    ] {
        let page = format!("<html{lang}><title>{name}</title><p>Text {name}.</p></html>");
        fs::write(dir.join(format!("{name}.html")), page).unwrap();
    }
    let c = read_corpus(&dir).unwrap();
    assert_eq!(c.docs.len(), 4);
    let counts: Vec<(&str, usize)> = c.langs.iter().map(|(l, n)| (l.as_str(), *n)).collect();
    assert_eq!(counts, [("en", 2), ("es", 1)]);
    let limits = Limits {
        langs: vec!["en".into()],
        ..Limits::default()
    };
    let c = read_corpus_with(&dir, &limits).unwrap();
    let ids: Vec<&str> = c.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "d"], "a page without lang is kept");
    assert_eq!(c.left_out, vec![(dir.join("c.html"), "lang es".into())]);
}

#[test]
fn once_a_page_has_data_pagefind_body_pages_without_it_are_left_out() {
    let dir = scratch("pagefind-body");
    fs::write(
        dir.join("a.html"),
        "<title>A</title><main data-pagefind-body>Post.</main>",
    )
    .unwrap();
    fs::write(
        dir.join("b.html"),
        "<title>B</title><main>Tag listing.</main>",
    )
    .unwrap();
    fs::write(dir.join("c.md"), "# C\n\nNotes.").unwrap();
    let c = read_corpus(&dir).unwrap();
    let ids: Vec<&str> = c.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"], "other formats are no HTML page to mark");
    assert_eq!(
        c.left_out,
        vec![(
            dir.join("b.html"),
            "no data-pagefind-body, which other pages have".into()
        )]
    );
    fs::remove_file(dir.join("a.html")).unwrap();
    assert_eq!(
        read_corpus(&dir).unwrap().docs.len(),
        2,
        "no page marked: all kept"
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
fn oversized_html_that_asks_not_to_be_indexed_is_left_out_not_an_error() {
    let limits = Limits {
        max_doc_bytes: 200,
        ..Limits::default()
    };
    let dir = scratch("toobig-noindex");
    let body = "<p>Every chapter again.</p>".repeat(20);
    fs::write(
        dir.join("print.html"),
        format!("<html><head><meta name=\"robots\" content=\"noindex\"></head><body>{body}</body></html>"),
    )
    .unwrap();
    fs::write(dir.join("a.html"), "<title>A</title><p>Chapter.</p>").unwrap();
    let c = read_corpus_with(&dir, &limits).unwrap();
    assert_eq!(c.docs.len(), 1);
    assert_eq!(c.left_out, vec![(dir.join("print.html"), "noindex".into())]);
    // Without the mark, the same page is still an error.
    fs::write(
        dir.join("print.html"),
        format!("<html><head><title>All</title></head><body>{body}</body></html>"),
    )
    .unwrap();
    let e = read_corpus_with(&dir, &limits).unwrap_err().to_string();
    assert!(e.contains("over the limit of 200"), "{e}");
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
fn markdown_and_html_pages_read_with_ids_and_urls() {
    let dir = scratch("site");
    fs::create_dir_all(dir.join("guide")).unwrap();
    fs::write(
        dir.join("guide/install.md"),
        "---\ntitle: Install\n---\nRun it.\n",
    )
    .unwrap();
    fs::write(dir.join("index.html"), "<title>Home</title><p>Welcome.</p>").unwrap();
    let c = read_corpus(&dir).unwrap();
    let got: Vec<(&str, &str, Option<&str>)> = c
        .docs
        .iter()
        .map(|d| (d.id.as_str(), d.title.as_str(), d.url.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("guide/install", "Install", Some("guide/install.html")),
            ("index", "Home", Some("index.html"))
        ]
    );
}

#[test]
fn a_site_name_cut_from_titles_leaves_the_titles_whose_heading_differs() {
    let dir = scratch("site-name");
    fs::create_dir_all(dir.join("commands")).unwrap();
    for page in ["Profiles", "Workspaces", "Features"] {
        let html = format!("<title>{page} - The Cargo Book</title><main><h1>{page}</h1></main>");
        fs::write(dir.join(format!("{}.html", page.to_lowercase())), html).unwrap();
    }
    fs::write(
        dir.join("commands/cargo-add.html"),
        "<title>cargo add - The Cargo Book</title><main><h1>cargo-add(1)</h1></main>",
    )
    .unwrap();
    // Markdown titles are the author's own: they keep the words.
    fs::write(dir.join("notes.md"), "# Notes - The Cargo Book\nText.\n").unwrap();
    let c = read_corpus(&dir).unwrap();
    let got: Vec<(&str, &str)> = c
        .docs
        .iter()
        .map(|d| (d.id.as_str(), d.title.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("commands/cargo-add", "cargo add"),
            ("features", "Features"),
            ("notes", "Notes - The Cargo Book"),
            ("profiles", "Profiles"),
            ("workspaces", "Workspaces"),
        ]
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

#[test]
fn html_in_a_legacy_encoding_is_read_as_a_browser_reads_it() {
    let dir = scratch("charset");
    fs::write(
        dir.join("declared.html"),
        b"<meta charset=\"iso-8859-1\"><title>Caf\xe9</title><p>Cr\xe8me br\xfbl\xe9e</p>",
    )
    .unwrap();
    fs::write(
        dir.join("undeclared.html"),
        b"<title>Pokorn\xfd</title><p>Fix typos</p>",
    )
    .unwrap();
    fs::write(dir.join("notes.txt"), b"Caf\xe9\n").unwrap();
    let e = read_corpus(&dir).unwrap_err().to_string();
    assert!(
        e.contains("notes.txt:1: not UTF-8"),
        "text files stay UTF-8: {e}"
    );
    fs::remove_file(dir.join("notes.txt")).unwrap();
    let c = read_corpus(&dir).unwrap();
    let titles: Vec<&str> = c.docs.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(titles, ["Café", "Pokorný"]);
    assert_eq!(c.docs[0].body, "Crème brûlée");
    assert_eq!(c.guessed, [dir.join("undeclared.html")]);
}

#[test]
fn a_menu_the_markup_does_not_mark_leaves_every_page_and_its_links_count_none() {
    let dir = scratch("unmarked-menu");
    let menu: String = (0..12)
        .map(|i| format!("<li><a href=\"p{i:02}.html\">Topic {i}</a></li>"))
        .collect();
    for i in 0..12 {
        let next = (i + 1) % 12;
        let page = format!(
            "<title>Topic {i}</title><div id=column2><ul>{menu}</ul></div>\
             <div><h1>Topic {i}</h1><p>Words of page {i}, see <a href=\"p{next:02}.html#x\">the next</a>.</p></div>"
        );
        fs::write(dir.join(format!("p{i:02}.html")), page).unwrap();
    }
    // A Markdown page among them links to two of them, once each.
    fs::write(
        dir.join("notes.md"),
        "# Notes\n\n[one](p03.html) and [again](p03.html#y), [two](./p05.html).\n",
    )
    .unwrap();
    let c = read_corpus(&dir).unwrap();
    let p = |id: &str| c.docs.iter().find(|d| d.id == id).unwrap();
    assert_eq!(p("p04").body, "Topic 4\nWords of page 4, see the next.");
    assert_eq!(p("notes").links, ["p03", "p05"]);
    // Every page lists every other in the menu: none of those counts.
    let bytes = crate::index::write_index(&c.docs).unwrap();
    let index = crate::Index::open(&bytes).unwrap();
    let ord = |id: &str| c.docs.iter().position(|d| d.id == id).unwrap() as u32;
    assert_eq!(index.inlinks(ord("p03")), 0);
}
