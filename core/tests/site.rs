//! The site-folder fixture (tests/site): Markdown and HTML pages as a site
//! owner has them, read, indexed and searched.

mod placing;

use placing::first_placed;
use quarry_core::corpus::read_corpus;
use quarry_core::index::write_index;
use quarry_core::{search, snippet, Document, Index, SearchOptions};
use std::path::Path;

fn site() -> (Vec<Document>, Vec<std::path::PathBuf>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/site");
    let corpus = read_corpus(&root).expect("the fixture site reads");
    let skipped = corpus
        .skipped
        .iter()
        .map(|p| p.strip_prefix(&root).unwrap().to_path_buf())
        .collect();
    (corpus.docs, skipped)
}

#[test]
fn pages_give_ids_titles_urls_and_fields() {
    let (docs, skipped) = site();
    let got: Vec<(&str, &str, &str)> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.title.as_str(), d.url.as_deref().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "blog/hanoi-meetup",
                "Meetup in Hà Nội",
                "blog/hanoi-meetup.html"
            ),
            ("changes/v1", "Release notes", "changes/v1.html"),
            ("changes/v2", "Release notes", "changes/v2.html"),
            (
                "guide/config",
                "Configuration reference",
                "guide/config.html"
            ),
            ("guide/install", "Installing Lotus", "guide/install.html"),
            (
                "guide/search-syntax",
                "Search syntax",
                "guide/search-syntax.html"
            ),
            ("index", "Lotus Docs: home", "index.html"),
            ("notes/security", "Security notes", "notes/security.html"),
        ]
    );
    assert_eq!(skipped, [Path::new("assets/site.css")]);
    let page = |id: &str| docs.iter().find(|d| d.id == id).unwrap();
    let blog = page("blog/hanoi-meetup");
    assert_eq!(blog.field_str("place"), Some("Hà Nội"));
    assert_eq!(blog.field_str("date"), Some("2024-06-01"));
    assert_eq!(blog.field_str("author"), Some("Nguyễn Đức Thắng"));
    assert!(!blog.body.contains("Draft note"), "hidden text is not body");
    let install = page("guide/install");
    assert_eq!(install.field_str("tags"), Some("guide, setup"));
    assert!(install
        .body
        .starts_with("Install\n\nDownload the release archive"));
    let home = page("index");
    assert!(
        home.body
            .starts_with("Welcome to Lotus\nLotus turns a folder"),
        "{}",
        home.body
    );
    for absent in ["Blog", "contributors", "dataset"] {
        assert!(
            !home.body.contains(absent),
            "nav, footer and scripts are not body: {absent}"
        );
    }
}

#[test]
fn the_site_is_searchable_and_markup_stays_text() {
    let (docs, _) = site();
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    let ids = |q: &str| -> Vec<String> {
        search(&index, q, &SearchOptions::default())
            .hits
            .iter()
            .map(|h| index.doc(h.doc).unwrap().id.to_string())
            .collect()
    };
    assert_eq!(ids("Cuong"), ["blog/hanoi-meetup"]);
    assert_eq!(ids("place:\"ha noi\""), ["blog/hanoi-meetup"]);
    let mut typo = ids("templatng");
    typo.sort();
    assert_eq!(
        typo,
        ["guide/install", "guide/search-syntax"],
        "a typo finds both pages that say templating"
    );
    assert_eq!(ids("title:install"), ["guide/install"]);
    let results = search(&index, "onerror", &SearchOptions::default());
    assert_eq!(results.hits.len(), 1);
    let body = index.body(results.hits[0].doc).unwrap();
    let shown = snippet(
        body,
        &results.terms,
        &results.term_clauses,
        &index.stemmer(),
    );
    assert!(
        shown.text.contains("<img src=x onerror=alert(1)>"),
        "{}",
        shown.text
    );
}

#[test]
fn a_match_deep_in_a_reference_page_names_its_section() {
    let (docs, _) = site();
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    // The section and the snippet text of the first hit, on the config page.
    let placed = |q: &str| {
        let ((shown, section), doc) = first_placed(&index, q, "guide/config");
        assert_eq!(section, index.section(doc, shown.at), "{q}");
        (section, shown.text)
    };
    let section = |q: &str| placed(q).0;
    // (query, heading, id of the section it lands on, why)
    let lands = [
        (
            "port privileges",
            "server.port = 8080",
            "server.port",
            "a definition with an id is a section",
        ),
        (
            "answer requests",
            "server.workers = 4",
            "server.workers",
            "the window's section",
        ),
        (
            "mid-write",
            "Storage",
            "storage",
            "an id-less heading stays in the section around it",
        ),
        (
            "storage.backups",
            "storage.backups = 7\nsince 2.1",
            "storage.backups",
            "the heading holding the query as typed wins over one its stems match first",
        ),
        (
            "storage backup",
            "storage.backup = false",
            "storage.backup",
            "the first heading holding both",
        ),
        (
            "storage backups",
            "storage.backups = 7\nsince 2.1",
            "storage.backups",
            "the query as typed, spaced where the name has dots",
        ),
        (
            "server workers",
            "server.workers = 4",
            "server.workers",
            "a heading holding every word wins over the text before it",
        ),
        (
            "max connections",
            "server.maxConnections = 100",
            "server.maxConnections",
            "a camelCase name holds its parts",
        ),
    ];
    for (q, heading, id, why) in lands {
        assert_eq!(section(q), Some((heading, id)), "{q}: {why}");
    }
    assert_eq!(
        placed("server workers").1,
        "server.workers = 4 How many worker threads answer requests.",
        "the snippet ends where the section does"
    );
    assert_eq!(
        placed("answer requests").1,
        "server.workers = 4 How many worker threads answer requests.",
        "a snippet found by its window ends where its section does too"
    );
    assert_eq!(
        placed("privileges").1,
        "server.port = 8080 The TCP port to listen on. Ports below 1024 need privileges.",
        "a section short enough to show whole is shown whole"
    );
    assert_eq!(
        section("server.timeout"),
        Some(("timeout = 30", "server.timeout")),
        "a name typed whole lands on the entry whose id it is, though its heading omits a part"
    );
    assert_eq!(
        placed("server.timeout").1,
        "timeout = 30 Seconds before an idle connection is closed."
    );
    assert_eq!(
        section("lotus.toml"),
        None,
        "the page's own heading is no section"
    );
    assert_eq!(
        placed("lotus.toml").1,
        "Configuration reference Lotus reads one file, lotus.toml, at start-up. Every key is optional.",
        "a snippet before the first section ends where it starts"
    );
    let r = search(&index, "upgrade restart", &SearchOptions::default());
    let h = &r.hits[0];
    assert_eq!(index.doc(h.doc).unwrap().id, "guide/install");
    let shown = snippet(
        index.body(h.doc).unwrap(),
        &r.terms,
        &r.term_clauses,
        &index.stemmer(),
    );
    assert_eq!(
        index.section(h.doc, shown.at),
        Some(("Upgrading", "upgrading")),
        "a Markdown heading's id is GitHub's slug"
    );
}
