//! Document ids read back as written, numbers (stored as differences,
//! `index::format`) as well as any other text.

use proptest::prelude::*;
use quarry_core::document::sort_by_id;
use quarry_core::index::write_index;
use quarry_core::{Document, Index};

fn docs(ids: impl IntoIterator<Item = String>) -> Vec<Document> {
    ids.into_iter()
        .map(|id| Document {
            title: format!("title {id}"),
            body: "a body".into(),
            id,
            url: None,
            fields: Vec::new(),
            anchors: Vec::new(),
            links: Vec::new(),
        })
        .collect()
}

fn ids_read_back(docs: &[Document]) -> Vec<String> {
    let bytes = write_index(docs).unwrap();
    let idx = Index::open(&bytes).unwrap();
    (0..idx.doc_count()).map(|d| idx.id(d).unwrap()).collect()
}

fn ids_section_len(docs: &[Document]) -> usize {
    let bytes = write_index(docs).unwrap();
    let idx = Index::open(&bytes).unwrap();
    idx.sections().iter().find(|s| s.name == "ids").unwrap().len
}

proptest! {
    /// Over three blocks of the table, with gaps from one to the whole
    /// range of `u64`, sorted as the corpus sorts them or in any order
    /// (then stored as text).
    #[test]
    fn numbers_read_back(set in prop::collection::btree_set(
        prop_oneof![0u64..200, 0u64..=u64::from(u32::MAX), any::<u64>()], 1..100), sorted: bool) {
        let mut d = docs(set.iter().rev().map(u64::to_string));
        if sorted {
            sort_by_id(&mut d);
        }
        let want: Vec<String> = d.iter().map(|d| d.id.clone()).collect();
        prop_assert_eq!(ids_read_back(&d), want);
    }

    #[test]
    fn text_and_numbers_mixed_read_back(ids in prop::collection::btree_set("0|[1-9][0-9]{0,3}|0[0-9]{1,2}|[a-z]{1,4}", 1..80)) {
        let mut d = docs(ids);
        sort_by_id(&mut d);
        let want: Vec<String> = d.iter().map(|d| d.id.clone()).collect();
        prop_assert_eq!(ids_read_back(&d), want);
    }
}

#[test]
fn numbers_take_less_room_than_their_text() {
    // 64 ids close together: a byte each as a difference, two as the
    // text they share all but their last digit with the one before.
    let numbers = docs((100_000..100_064).map(|i| i.to_string()));
    let text = docs((100_000..100_064).map(|i| format!("x{i}")));
    let (n, t) = (ids_section_len(&numbers), ids_section_len(&text));
    assert!(n + 64 <= t, "numbers {n} bytes, text {t}");
}
