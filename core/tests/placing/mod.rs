//! Shared by the tests of where a hit lands: the first hit of a query,
//! which must be a given document, placed as the page would show it.

use quarry_core::place::{place, Place};
use quarry_core::search::identifier;
use quarry_core::snippet::Matcher;
use quarry_core::text::normalize::fold;
use quarry_core::{search, Anchor, Document, Index, SearchOptions};

/// The snippet and section of the first hit of `q`, which must be `id`,
/// and that hit's document.
pub fn first_placed<'a>(index: &Index<'a>, q: &str, id: &str) -> (Place<'a>, u32) {
    let r = search(index, q, &SearchOptions::default());
    let h = &r.hits[0];
    assert_eq!(index.doc(h.doc).unwrap().id, id, "{q}");
    let stem = index.stemmer();
    let m = Matcher::new(&r.terms, &r.term_clauses, &stem);
    let name = identifier(q);
    let name = name.as_ref().map(|n| n.0.as_str());
    (place(index, h.doc, &m, &fold(q), name), h.doc)
}

/// A page titled `title` with a section at each (heading, id) of `entries`,
/// each heading found in `body`.
#[allow(dead_code)] // not every test file that shares this module builds pages
pub fn page(id: &str, title: &str, body: &str, entries: &[(&str, &str)]) -> Document {
    let anchors = entries
        .iter()
        .map(|&(heading, id)| Anchor {
            at: body.find(heading).expect("the heading is in the body") as u32,
            len: heading.len() as u32,
            id: id.into(),
        })
        .collect();
    Document {
        id: id.to_string(),
        title: title.to_string(),
        body: body.to_string(),
        url: Some(format!("{id}.html")),
        fields: Vec::new(),
        anchors,
        links: Vec::new(),
    }
}
