//! The seed corpus's expected answers, through the whole native path:
//! corpus reader → index writer → reader → search.

use quarry_core::corpus::read_corpus;
use quarry_core::index::write_index;
mod common;

use common::seeds as index;
use quarry_core::{search, SearchOptions};
use std::path::Path;

const SANTIAGO: &str = "000_f2c9c479a8d22647";
const MEXICO: &str = "003_fd7ddbcd4b646995";

fn ids(query: &str) -> Vec<String> {
    ids_with(query, &SearchOptions::default())
}

fn ids_with(query: &str, opts: &SearchOptions) -> Vec<String> {
    let idx = index();
    search(idx, query, opts)
        .hits
        .iter()
        .map(|h| idx.doc(h.doc).unwrap().id)
        .collect()
}

#[test]
fn vietnamese_names_fold_both_ways() {
    for q in ["Cuong", "cường", "CƯỜNG", "Luong Cuong"] {
        assert_eq!(ids(q), [SANTIAGO], "query {q:?}");
    }
    assert_eq!(ids("Duc Thang"), [MEXICO]);
    assert_eq!(ids("Đức Thắng"), [MEXICO]);
}

#[test]
fn diacritics_do_not_change_results() {
    let with = ids("Đổi Mới");
    assert_eq!(with, ids("doi moi"));
    assert_eq!(with, [SANTIAGO]);
}

#[test]
fn places_and_prefixes() {
    assert_eq!(ids("mexico"), [MEXICO]);
    assert_eq!(ids("santiago"), [SANTIAGO]);
    assert_eq!(ids("chil"), [SANTIAGO]);
    let exact = SearchOptions {
        fuzzy: false,
        ..SearchOptions::default()
    };
    assert_eq!(
        ids_with("chil ", &exact).len(),
        0,
        "a finished word does not complete"
    );
    assert_eq!(ids_with("chil party", &exact).len(), 0);
    assert_eq!(
        ids_with("chil* party", &exact),
        [SANTIAGO],
        "a starred word completes"
    );
    assert_eq!(
        ids_with(
            "chil",
            &SearchOptions {
                prefix: false,
                ..exact
            }
        )
        .len(),
        0
    );
}

#[test]
fn stemming_meets_plurals() {
    assert_eq!(ids("parties"), ids("party"));
    assert_eq!(ids("delegations"), [MEXICO]);
    assert_eq!(
        ids("delegati"),
        [MEXICO],
        "a partial word completes to its stem"
    );
}

#[test]
fn typos_are_tolerated_and_respelled() {
    assert_eq!(ids("carmna"), [SANTIAGO]);
    assert_eq!(ids("Mexcio"), [MEXICO], "a swap is one edit");
    let r = search(index(), "Vietnm", &SearchOptions::default());
    assert_eq!(r.total, 2);
    assert_eq!(r.suggestion.as_deref(), Some("vietnam"));
    let r = search(index(), "communist pary", &SearchOptions::default());
    assert_eq!(r.suggestion.as_deref(), Some("communist party"));
    assert!(search(index(), "communist", &SearchOptions::default())
        .suggestion
        .is_none());
    let exact = SearchOptions {
        fuzzy: false,
        ..SearchOptions::default()
    };
    assert!(ids_with("carmna ", &exact).is_empty());
}

#[test]
fn numbers_are_not_respelled() {
    // A year or a version that is not in the corpus is not a typo of one
    // that is: `2032` must not find the page that says 2030.
    assert!(!ids("2030 ").is_empty());
    let r = search(index(), "2032 ", &SearchOptions::default());
    assert_eq!((r.total, r.suggestion), (0, None));
    // With a word the corpus has, only that word's pages: partly matched,
    // none by a respelled 2032.
    let r = search(index(), "cuong 2032", &SearchOptions::default());
    assert!(r.partial);
    assert_eq!(ids("cuong 2032"), ids("cuong"));
}

#[test]
fn words_no_page_has_together_find_the_pages_with_some() {
    // `Cuong` and `Thang` are in two different stories: each has one.
    assert_eq!(ids("cuong"), [SANTIAGO]);
    assert_eq!(ids("thang"), [MEXICO]);
    let r = search(index(), "cuong thang", &SearchOptions::default());
    assert!(r.partial);
    let mut got = ids("cuong thang");
    got.sort();
    assert_eq!(got, [SANTIAGO, MEXICO]);
    // Words that one page has together find that page alone, all matched.
    let r = search(index(), "luong cuong", &SearchOptions::default());
    assert!(!r.partial);
    assert_eq!(ids("luong cuong"), [SANTIAGO]);
    // An exclusion still excludes, and a word found nowhere, even
    // respelled, leaves the others to find.
    assert_eq!(ids("cuong thang -mexico"), [SANTIAGO]);
    assert_eq!(ids("cuong zzzzqx"), [SANTIAGO]);
    // One word that finds nothing has nothing to drop.
    let r = search(index(), "zzzzqx", &SearchOptions::default());
    assert_eq!((r.total, r.partial), (0, false));
    // Turned off, no words are dropped: every word or nothing.
    let strict = SearchOptions {
        partial: false,
        ..SearchOptions::default()
    };
    let r = search(index(), "cuong thang", &strict);
    assert_eq!((r.total, r.hits.len(), r.partial), (0, 0, false));
    assert_eq!(ids_with("luong cuong", &strict), [SANTIAGO]);
}

#[test]
fn empty_and_punctuation_queries_find_nothing() {
    for q in ["", "   ", "!!!", "\"\"", "- -", "OR", "...,;"] {
        let r = search(index(), q, &SearchOptions::default());
        assert_eq!(r.total, 0, "query {q:?}");
        assert!(r.hits.is_empty());
    }
}

#[test]
fn phrases_and_exclusions() {
    assert_eq!(ids("\"new society\""), [MEXICO]);
    assert!(ids("\"society new\"").is_empty());
    assert_eq!(ids("party -chile"), [MEXICO]);
    assert_eq!(ids("place:santiago"), [SANTIAGO]);
    assert_eq!(ids("place:\"mexico city\""), [MEXICO]);
    // Spaces and punctuation aside, as places are written both ways
    // (`Hanoi`, `Hà Nội`).
    assert_eq!(ids("place:mexicocity"), [MEXICO]);
    assert_eq!(ids("place:\"san-tiago\""), [SANTIAGO]);
    // A part of a place is not it, unless the place is still being typed.
    assert_eq!(ids("place:mexico ").len(), 0);
    assert_eq!(ids("place:mexico"), [MEXICO]);
    assert_eq!(ids("-place:\"mexico city\""), [SANTIAGO]);
    assert_eq!(ids("date:2022"), [MEXICO]);
    assert_eq!(ids("communist date:2024-01..2024-12"), [SANTIAGO]);
    // A date being typed takes the dates it starts: the 2020s, then
    // November 2024 (`2024-1` is October to December).
    let mut both = ids("party date:202");
    both.sort();
    assert_eq!(both, [SANTIAGO, MEXICO]);
    assert_eq!(ids("party date:2024-1"), [SANTIAGO]);
    assert_eq!(ids("party date:2022-"), [MEXICO]);
    assert_eq!(ids("party -date:202").len(), 0);
}

#[test]
fn a_filter_on_one_word_counts_only_what_it_keeps() {
    // One word with one term is scored straight into the results; the
    // filter must still drop from the total what it drops from the page.
    let exact = SearchOptions {
        prefix: false,
        ..SearchOptions::default()
    };
    let mut both = ids_with("party", &exact);
    both.sort();
    assert_eq!(both, [SANTIAGO, MEXICO]);
    for (q, want) in [
        ("party date:2022", MEXICO),
        ("party place:santiago", SANTIAGO),
    ] {
        let r = search(index(), q, &exact);
        assert_eq!(r.total, 1, "query {q:?}");
        assert_eq!(ids_with(q, &exact), [want], "query {q:?}");
    }
}

#[test]
fn parentheses_group_alternatives() {
    let mut both = ids("(chile OR \"new society\") communist");
    both.sort();
    assert_eq!(both, [SANTIAGO, MEXICO]);
    assert!(ids("communist -(chile OR \"new society\")").is_empty());
    assert_eq!(ids("communist -(chile OR nothingelse)"), [MEXICO]);
}

#[test]
fn both_match_communist_with_facets() {
    let r = search(index(), "communist", &SearchOptions::default());
    assert_eq!(r.total, 2);
    let facet = |name: &str| r.facets.iter().find(|f| f.0 == name).unwrap().1.clone();
    assert_eq!(facet("place"), [("MEXICO CITY", 1), ("SANTIAGO", 1)]);
    assert_eq!(facet("year"), [("2022", 1), ("2024", 1)]);
}

#[test]
fn title_matches_rank_higher() {
    // "delegation" is in 003's title; 000 does not contain it at all, so
    // compare a word in both bodies where only one title has it.
    let idx = index();
    let r = search(idx, "president", &SearchOptions::default());
    assert_eq!(idx.doc(r.hits[0].doc).unwrap().id, SANTIAGO);
}

#[test]
fn writer_is_deterministic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let docs = read_corpus(&root).unwrap().docs;
    assert_eq!(write_index(&docs).unwrap(), write_index(&docs).unwrap());
}
