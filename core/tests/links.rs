//! Links between pages: the index counts, per document, the other pages
//! that link to it, and ranking lifts a page many others point to above
//! pages that match alike (`Tuning::links`).

use quarry_core::index::write_index;
use quarry_core::search::Tuning;
use quarry_core::{search, Document, Index, SearchOptions};

fn page(id: &str, body: &str, links: &[&str]) -> Document {
    Document {
        id: id.into(),
        title: id.into(),
        body: body.into(),
        url: None,
        fields: Vec::new(),
        anchors: Vec::new(),
        links: links.iter().map(|l| l.to_string()).collect(),
    }
}

fn first(index: &Index<'_>, query: &str, links: f32) -> String {
    let opts = SearchOptions {
        tuning: Tuning {
            links,
            ..Tuning::default()
        },
        ..SearchOptions::default()
    };
    let hit = search(index, query, &opts).hits[0];
    index.id(hit.doc).unwrap()
}

#[test]
fn a_page_others_link_to_comes_before_one_that_matches_as_well() {
    let mut docs = vec![
        page("dbm", "open file open a database file", &[]),
        // A little longer, so that it ranks second on its words alone.
        page("functions", "open file open a database file too", &[]),
    ];
    for i in 0..20 {
        docs.push(page(
            &format!("p{i}"),
            "see the built in functions",
            &["functions", "functions"],
        ));
    }
    // Pages that link nowhere: fewer than nine in ten link to it.
    for i in 0..10 {
        docs.push(page(&format!("q{i}"), "other words", &[]));
    }
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    assert_eq!(first(&index, "open file", 0.0), "dbm");
    assert_eq!(
        first(&index, "open file", Tuning::default().links),
        "functions"
    );
    // Linked to by twenty pages, each counted once.
    assert!(index.has_links());
    assert_eq!(index.inlinks(1), 20);
    assert_eq!(index.inlinks(0), 0);
}

#[test]
fn links_count_distinct_other_pages_reaching_a_folder_index_and_saturate() {
    let mut docs = vec![
        page("guide/index", "the guide", &["guide/index"]),
        page(
            "guide/install",
            "install it",
            &["guide", "guide/index", "nowhere"],
        ),
    ];
    for i in 0..300 {
        docs.push(page(&format!("n{i:03}"), "a note", &["guide/install"]));
    }
    for i in 0..100 {
        docs.push(page(&format!("o{i:03}"), "a note", &[]));
    }
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    // `guide` and `guide/index` are one page, and its own link is no vote.
    assert!(index.has_links());
    assert_eq!(index.inlinks(0), 1);
    assert_eq!(index.inlinks(1), 255);
}

#[test]
fn a_corpus_without_links_stores_none_and_ranks_as_before() {
    let docs = vec![page("a", "open file", &[]), page("b", "open the file", &[])];
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    assert!(!index.has_links());
    assert_eq!(index.inlinks(0), 0);
    let size = index
        .sections()
        .iter()
        .find(|s| s.name == "links")
        .unwrap()
        .len;
    assert_eq!(size, 0);
    assert_eq!(
        first(&index, "open file", 0.0),
        first(&index, "open file", 0.1)
    );
}

#[test]
fn a_page_nearly_every_page_links_to_counts_none() {
    // Each of twelve pages links to `home` (a menu the markup does not
    // mark) and to the next page; `home` is linked from all the others.
    let mut docs = vec![page("home", "welcome", &[])];
    for i in 0..12 {
        let next = format!("p{:02}", (i + 1) % 12);
        docs.push(page(&format!("p{i:02}"), "a page", &["home", &next]));
    }
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    assert!(index.has_links());
    assert_eq!(index.inlinks(0), 0);
    assert_eq!(index.inlinks(1), 1);
}
