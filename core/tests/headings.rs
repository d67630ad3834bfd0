//! A page with a section whose heading names what was asked for (an API
//! entry, `collections.namedtuple(…)`) is lifted over pages that only
//! mention it, and only when the index has sections.

use quarry_core::index::write_index;
use quarry_core::search::Tuning;
use quarry_core::{search, Anchor, Document, Index, SearchOptions};

fn page(id: &str, body: &str, heading: Option<&str>) -> Document {
    let anchors = heading
        .map(|h| {
            let at = body.find(h).expect("the heading is in the body") as u32;
            vec![Anchor {
                at,
                len: h.len() as u32,
                id: "entry".into(),
            }]
        })
        .unwrap_or_default();
    Document {
        id: id.to_string(),
        title: id.to_string(),
        body: body.to_string(),
        url: Some(format!("{id}.html")),
        fields: Vec::new(),
        anchors,
    }
}

fn ids(index: &Index, query: &str, heading: f32) -> Vec<String> {
    let opts = SearchOptions {
        tuning: Tuning {
            heading,
            ..Tuning::default()
        },
        ..SearchOptions::default()
    };
    search(index, query, &opts)
        .hits
        .iter()
        .map(|h| index.doc(h.doc).unwrap().id)
        .collect()
}

fn corpus(with_heading: bool) -> Vec<u8> {
    let long = format!(
        "Container datatypes. {} namedtuple(typename, field_names) Factory function for tuples.",
        "Counter and deque and other types. ".repeat(12)
    );
    write_index(&[
        page(
            "collections",
            &long,
            with_heading.then_some("namedtuple(typename, field_names)"),
        ),
        page(
            "sndhdr",
            "Sound headers: a namedtuple of five fields.",
            None,
        ),
    ])
    .unwrap()
}

#[test]
fn a_heading_naming_the_query_lifts_its_page() {
    let bytes = corpus(true);
    let index = Index::open(&bytes).unwrap();
    assert!(index.has_sections());
    assert_eq!(
        ids(&index, "namedtuple", 1.0),
        ["sndhdr", "collections"],
        "BM25 alone"
    );
    assert_eq!(ids(&index, "namedtuple", 3.0), ["collections", "sndhdr"]);
    assert_eq!(ids(&index, "sound", 3.0), ["sndhdr"], "no heading names it");
}

#[test]
fn without_sections_nothing_is_read_again() {
    let bytes = corpus(false);
    let index = Index::open(&bytes).unwrap();
    assert!(!index.has_sections());
    assert_eq!(ids(&index, "namedtuple", 3.0), ["sndhdr", "collections"]);
}
