//! Real sites: the pages and files a corpus leaves out, and why; titles,
//! languages and encodings as the site's pages give them.

use super::*;

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

#[test]
fn a_page_served_twice_is_read_once_and_links_to_either_count_for_it() {
    let dir = scratch("copies");
    // mdBook's `index.html` is its first chapter again.
    let intro = "<title>Introduction</title><main><h1>Introduction</h1><p>Welcome.</p></main>";
    fs::write(dir.join("index.html"), intro).unwrap();
    fs::write(dir.join("intro.html"), intro).unwrap();
    // Same title, other text: two pages (the Nomicon's two `Layout`s).
    fs::create_dir_all(dir.join("vec")).unwrap();
    fs::write(
        dir.join("vec/layout.html"),
        "<title>Layout</title><main><p>Of a vector.</p></main>",
    )
    .unwrap();
    fs::write(
        dir.join("layout.html"),
        "<title>Layout</title><main><p>Of an arc; <a href=\"intro.html\">back</a>, \
         <a href=\"index.html\">home</a>.</p></main>",
    )
    .unwrap();
    fs::write(
        dir.join("notes.md"),
        "# Notes\n\nSee [the start](intro.html).\n",
    )
    .unwrap();
    let c = read_corpus(&dir).unwrap();
    let ids: Vec<&str> = c.docs.iter().map(|d| d.id.as_str()).collect();
    // Two pages link to `intro`, none to `index` alone: `intro` is kept.
    assert_eq!(ids, ["intro", "layout", "notes", "vec/layout"]);
    let (path, why) = c
        .left_out
        .iter()
        .find(|(p, _)| p.ends_with("index.html"))
        .unwrap();
    assert!(
        why.contains("same title and text") && why.contains("intro.html"),
        "{path:?}: {why}"
    );
    let layout = c.docs.iter().find(|d| d.id == "layout").unwrap();
    assert_eq!(layout.links, ["intro", "intro"]);
    let bytes = crate::index::write_index(&c.docs).unwrap();
    let index = crate::Index::open(&bytes).unwrap();
    assert_eq!(index.inlinks(0), 2, "each linking page counts once");
}
