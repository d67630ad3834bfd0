//! MaxScore over a word's expansions (eval's `best_of_pruned`), skipping
//! the documents an earlier required clause missed (eval's `required`),
//! and reading no headings of documents that cannot reach the page
//! (search's `named_in_headings`), must not change any result, links
//! raising scores after pruning included: on random corpora full of
//! shared prefixes, every query gives the same total, page, scores (to the
//! bit), terms, facets and suggestion with pruning on and off.

mod random_corpus;
mod same_results;

use proptest::prelude::*;
use quarry_core::index::write_index;
use quarry_core::search::Tuning;
use quarry_core::{search, Anchor, Document, FieldValue, Index, SearchOptions, SearchResults};
use same_results::same;

/// Words sharing prefixes, the first ones much more frequent than the last
/// (they are drawn from [`DRAWS`]), so that completions have long lists of
/// low bound and short lists of high bound.
const VOCAB: &[&str] = &[
    "bat", "bake", "baker", "bakery", "baked", "bath", "bathe", "batch", "cab", "cabin", "cable",
    "call", "calm", "camp",
];
/// Indexes into [`VOCAB`], repeated by frequency.
const DRAWS: &[usize] = &[
    0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 8, 8, 8, 8, 11, 11, 11, 2, 2, 3, 4, 5, 6, 7, 9, 10, 12, 13,
];

fn words(max: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(prop::sample::select(DRAWS), 0..max)
}

/// The random corpus with a place and a date on most documents, so that
/// facets count the documents pruning only marks.
fn with_facets(mut docs: Vec<Document>) -> Vec<Document> {
    for (i, d) in docs.iter_mut().enumerate() {
        if i % 5 != 4 {
            let place = ["Hanoi", "Hue", "Da Nang"][i % 3];
            d.fields
                .push(("place".into(), FieldValue::Str(place.into())));
            let date = format!("20{:02}-01-0{}", 10 + i % 4, 1 + i % 7);
            d.fields.push(("date".into(), FieldValue::Str(date)));
        }
    }
    docs
}

/// The random corpus with a section heading on every third document of
/// two words or more (its second word), so that the heading rescoring of
/// the best documents applies.
fn with_sections(mut docs: Vec<Document>) -> Vec<Document> {
    for d in docs.iter_mut().step_by(3) {
        let mut words = d.body.split(' ');
        if let (Some(first), Some(second)) = (words.next(), words.next()) {
            d.anchors.push(Anchor {
                at: first.len() as u32 + 1,
                len: second.len() as u32,
                id: "s".into(),
            });
        }
    }
    docs
}

/// The random corpus with links: document `i` links to `i / 2` and to
/// `i² + 1` modulo the count, so that a few documents are linked to by
/// many and the scores pruning compared are raised unevenly afterwards.
fn with_links(mut docs: Vec<Document>) -> Vec<Document> {
    let n = docs.len();
    for (i, d) in docs.iter_mut().enumerate() {
        d.links = [i / 2, (i * i + 1) % n]
            .iter()
            .map(|j| format!("d{j:03}"))
            .collect();
    }
    docs
}

fn run<'i>(
    index: &'i Index<'_>,
    query: &str,
    limit: usize,
    offset: usize,
    prune: bool,
) -> SearchResults<'i> {
    let opts = SearchOptions {
        limit,
        offset,
        // Evaluated: not from the index's stored answers (tests/answers.rs).
        tuning: Tuning {
            prune,
            answers: false,
            ..Tuning::default()
        },
        ..SearchOptions::default()
    };
    search(index, query, &opts)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn pruning_changes_no_result(
        docs in prop::collection::vec((words(4), words(25)), 20..160),
        word in prop::sample::select(VOCAB),
        cut in 1usize..8,
        title in prop::bool::weighted(0.2),
        limit in 0usize..12,
        offset in 0usize..3,
        facets in prop::bool::ANY,
        sections in prop::bool::ANY,
        links in prop::bool::ANY,
    ) {
        let corpus = random_corpus::documents(&docs, |w| VOCAB[w]);
        let corpus = if facets { with_facets(corpus) } else { corpus };
        let corpus = if sections { with_sections(corpus) } else { corpus };
        let corpus = if links { with_links(corpus) } else { corpus };
        let bytes = write_index(&corpus).unwrap();
        let index = Index::open(&bytes).unwrap();
        let prefix = &word[..cut.min(word.len())];
        let query = if title { format!("title:{prefix}") } else { prefix.to_string() };
        let pruned = run(&index, &query, limit, offset, true);
        let full = run(&index, &query, limit, offset, false);
        prop_assert!(same(&pruned, &full).is_ok(), "{query:?} limit {limit} offset {offset}: {}",
            same(&pruned, &full).unwrap_err());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    /// Queries of two or three words, some negated, scoped to titles or
    /// joined by OR, the last one completing as typed.
    #[test]
    fn skipping_documents_a_clause_missed_changes_no_result(
        docs in prop::collection::vec((words(4), words(25)), 20..160),
        picks in prop::collection::vec(
            (prop::sample::select(VOCAB), 1usize..8, 0usize..6),
            2..4,
        ),
        limit in 0usize..12,
        sections in prop::bool::ANY,
    ) {
        let corpus = random_corpus::documents(&docs, |w| VOCAB[w]);
        let corpus = if sections { with_sections(corpus) } else { corpus };
        let bytes = write_index(&corpus).unwrap();
        let index = Index::open(&bytes).unwrap();
        let query = picks
            .iter()
            .map(|&(word, cut, how)| {
                let w = &word[..cut.min(word.len())];
                match how {
                    0 => format!("-{w}"),
                    1 => format!("title:{w}"),
                    2 => format!("{w} OR"),
                    _ => w.to_string(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let pruned = run(&index, &query, limit, 0, true);
        let full = run(&index, &query, limit, 0, false);
        prop_assert!(same(&pruned, &full).is_ok(), "{query:?} limit {limit}: {}",
            same(&pruned, &full).unwrap_err());
    }
}

/// On a corpus where `ba` completes to a few very common words and many
/// rare ones, the common lists are read without scoring, and the page is
/// the same as when every list is scored.
#[test]
fn common_completions_are_not_scored() {
    let mut docs = Vec::new();
    for i in 0..400 {
        let mut body = vec![0, 1];
        if i % 40 == 0 {
            body = vec![3, 3, 5];
        }
        docs.push((vec![], body));
    }
    docs.push((vec![6, 7], vec![6, 7, 4]));
    let bytes = write_index(&random_corpus::documents(&docs, |w| VOCAB[w])).unwrap();
    let index = Index::open(&bytes).unwrap();
    let q = quarry_core::query::parse("ba", true);
    let opts = SearchOptions::default();
    let m = quarry_core::query::evaluate(&index, &q, &opts);
    assert!(m.lists_unscored >= 2, "{} lists unscored", m.lists_unscored);
    same(
        &run(&index, "ba", 10, 0, true),
        &run(&index, "ba", 10, 0, false),
    )
    .unwrap();
    assert_eq!(run(&index, "ba", 10, 0, true).total, 401);
}

/// Once a floor has started the marking, a short list scored later (a
/// rare completion, of low weight) must mark its documents too, or the
/// total misses them (a version that set the floor within a long list's
/// first postings did, and gave 60).
#[test]
fn a_short_list_after_a_long_one_is_counted() {
    let doc = |i: usize, body: &str| Document {
        id: format!("{i:03}"),
        title: String::new(),
        body: body.to_string(),
        url: None,
        fields: Vec::new(),
        anchors: Vec::new(),
        links: Vec::new(),
    };
    let docs: Vec<Document> = (0..100)
        .map(|i| match i {
            0..60 => doc(i, &"bat ".repeat(1 + i % 3)),
            60 => doc(i, "batch"),
            _ => doc(i, "cab"),
        })
        .collect();
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    let pruned = run(&index, "bat", 10, 0, true);
    assert_eq!(pruned.total, 61);
    same(&pruned, &run(&index, "bat", 10, 0, false)).unwrap();
}

/// Required words are scored from the one with fewest postings: one that
/// matches nothing leaves every other list unread, wherever it stands in
/// the query, and a rare one first gives the same page as the query order.
#[test]
fn a_required_word_matching_nothing_spares_the_others() {
    // Every body has `bat bake`; one in ten has `calm` too.
    let body = |i: usize| [&[0, 1][..], if i.is_multiple_of(10) { &[12] } else { &[] }].concat();
    let docs: Vec<(Vec<usize>, Vec<usize>)> = (0..120).map(|i| (vec![], body(i))).collect();
    let bytes = write_index(&random_corpus::documents(&docs, |w| VOCAB[w])).unwrap();
    let index = Index::open(&bytes).unwrap();
    let read = |q: &str| {
        let q = quarry_core::query::parse(q, true);
        quarry_core::query::evaluate(&index, &q, &SearchOptions::default()).postings_read
    };
    assert!(read("bat bake") >= 240);
    assert_eq!(read("bat bake zyxwvut"), 0);
    assert_eq!(read("zyxwvut bat"), 0);
    let rare_last = run(&index, "bat bake calm", 10, 0, true);
    assert_eq!(rare_last.total, 12);
    same(&rare_last, &run(&index, "bat bake calm", 10, 0, false)).unwrap();
}
