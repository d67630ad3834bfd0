//! The index's stored answers (`search::answered`): a one-word query that
//! is answered from them gives what evaluating it gives (page, scores,
//! total, terms, facets, suggestion), whatever the page asked for, the
//! case typed, typo tolerance and the corpus's sections and links; and
//! only the queries and options the answers were made for are answered.

mod random_corpus;
mod same_results;

use proptest::prelude::*;
use quarry_core::index::answers::ANSWERED_HITS;
use quarry_core::index::{write_index, write_index_with, WriteOptions};
use quarry_core::search::answered::answered;
use quarry_core::search::{Sort, Tuning};
use quarry_core::{search, Anchor, Document, FieldValue, Index, SearchOptions, SearchResults};
use same_results::same;

/// Words sharing prefixes, written and stemmed apart (`running` is
/// indexed as `run`), the first ones drawn most often.
const VOCAB: &[&str] = &[
    "bat", "bake", "baker", "bakery", "baked", "baking", "bath", "bathe", "batch", "cab", "cabin",
    "cable", "call", "calls", "calling", "run", "running", "runner", "state", "states",
];
const DRAWS: &[usize] = &[
    0, 0, 0, 0, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 10, 11, 12, 12, 13, 14, 15, 15, 16, 17, 18, 18,
    19,
];

fn words(max: usize) -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(prop::sample::select(DRAWS), 1..max)
}

fn options(limit: usize, offset: usize, answers: bool) -> SearchOptions {
    SearchOptions {
        limit,
        offset,
        tuning: Tuning {
            answers,
            ..Tuning::default()
        },
        ..SearchOptions::default()
    }
}

/// Headings on every fourth document and links between some, so that the
/// rescoring of the best and the link factor both apply.
fn with_sections_and_links(mut docs: Vec<Document>) -> Vec<Document> {
    let n = docs.len();
    for (i, d) in docs.iter_mut().enumerate() {
        if i % 4 == 0 {
            if let Some(first) = d.body.split(' ').next() {
                let at = first.len() as u32 + 1;
                if (at as usize) < d.body.len() {
                    d.anchors.push(Anchor {
                        at,
                        len: (d.body.len() as u32 - at).min(5),
                        id: "s".into(),
                    });
                }
            }
        }
        d.links = vec![format!("d{:03}", (i * 7 + 1) % n)];
    }
    docs
}

/// A corpus where `ba` and `c` expand to lists holding well over
/// [`quarry_core::search::answered::MIN_POSTINGS`] postings, and `run`
/// (every document, with `running`, and a few with `runner`) to fewer.
fn large() -> Vec<u8> {
    let docs: Vec<(Vec<usize>, Vec<usize>)> = (0..400)
        .map(|i| (vec![i % 20], vec![0, 1, i % 20, 15, 16, 12, (i * 7) % 20]))
        .collect();
    write_index(&random_corpus::documents(&docs, |w| VOCAB[w])).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn answered_queries_give_what_evaluation_gives(
        docs in prop::collection::vec((words(3), words(20)), 150..400),
        word in prop::sample::select(VOCAB),
        cut in 1usize..9,
        capital in prop::bool::weighted(0.3),
        finished in prop::bool::weighted(0.2),
        limit in 0usize..14,
        offset in 0usize..4,
        terms in prop::bool::ANY,
        rich in prop::bool::ANY,
        fuzzy in prop::bool::weighted(0.7),
    ) {
        let corpus = random_corpus::documents(&docs, |w| VOCAB[w]);
        let corpus = if rich { with_sections_and_links(corpus) } else { corpus };
        let bytes = write_index(&corpus).unwrap();
        let index = Index::open(&bytes).unwrap();
        let mut query = word[..cut.min(word.len())].to_string();
        if capital {
            query[..1].make_ascii_uppercase();
        }
        if finished {
            query.push(' ');
        }
        let stored = SearchOptions { terms, fuzzy, ..options(limit, offset, true) };
        let a = search(&index, &query, &stored);
        let b = search(&index, &query, &SearchOptions { fuzzy, ..options(limit, offset, false) });
        if terms {
            prop_assert!(same(&a, &b).is_ok(), "{query:?} limit {limit} offset {offset}: {}",
                same(&a, &b).unwrap_err());
        } else {
            // Without terms asked for, an answer may leave them out.
            let b = SearchResults { terms: a.terms.clone(), term_clauses: a.term_clauses.clone(), ..b };
            prop_assert!(same(&a, &b).is_ok(), "{query:?} limit {limit} offset {offset}: {}",
                same(&a, &b).unwrap_err());
        }
    }
}

#[test]
fn costly_prefixes_are_answered_only_with_options_that_give_the_same() {
    let bytes = large();
    let index = Index::open(&bytes).unwrap();
    assert!(
        index.answers().len() >= 3,
        "{} answers",
        index.answers().len()
    );
    let stem = index.stemmer();
    let is_answered = |text: &str, opts: &SearchOptions| {
        let query = quarry_core::query::parse_with(text, opts.prefix, &stem);
        answered(&index, &query, text, opts).is_some()
    };
    let default = SearchOptions::default();
    // With typo tolerance off too: a stored word has matches of its own,
    // so it gets no typo candidates either way.
    for fuzzy in [true, false] {
        let stored = SearchOptions {
            fuzzy,
            ..default.clone()
        };
        let evaluated = SearchOptions {
            fuzzy,
            ..options(10, 0, false)
        };
        for text in ["ba", "Ba", " ba", "c", "CA"] {
            assert!(is_answered(text, &stored), "{text:?} fuzzy {fuzzy}");
            assert!(same(
                &search(&index, text, &stored),
                &search(&index, text, &evaluated)
            )
            .is_ok());
        }
    }
    let beyond = SearchOptions {
        limit: ANSWERED_HITS,
        offset: 1,
        ..default.clone()
    };
    let cases = [
        ("ba ", default.clone(), "a finished word"),
        ("ba -bat", default.clone(), "an exclusion"),
        ("title:ba", default.clone(), "a scope"),
        ("ba place:hanoi", default.clone(), "a filter in the text"),
        ("ba", beyond, "a page past the stored hits"),
        (
            "ba",
            SearchOptions {
                sort: Sort::DateDesc,
                ..default.clone()
            },
            "another order",
        ),
        (
            "ba",
            SearchOptions {
                prefix: false,
                ..default.clone()
            },
            "no completion",
        ),
        ("ba", options(10, 0, false), "answers turned off"),
    ];
    for (text, opts, what) in cases {
        assert!(!is_answered(text, &opts), "{what}: {text:?}");
    }
    // A page within the stored hits is answered; a prefix whose words are
    // in some 80 documents, under `MIN_POSTINGS`, is evaluated.
    assert!(is_answered(
        "ba",
        &SearchOptions {
            limit: 3,
            offset: 7,
            ..default.clone()
        }
    ));
    assert!(!is_answered("sta", &default));
}

#[test]
fn an_index_with_facets_stores_no_answers() {
    let mut corpus = random_corpus::documents(
        &(0..400)
            .map(|i| (vec![0], vec![0, 1, 2, i % 20]))
            .collect::<Vec<_>>(),
        |w| VOCAB[w],
    );
    let index_of = |docs: &[Document]| write_index(docs).unwrap();
    let plain = index_of(&corpus);
    assert!(!Index::open(&plain).unwrap().answers().is_empty());
    corpus[0]
        .fields
        .push(("place".into(), FieldValue::Str("Hue".into())));
    let faceted = index_of(&corpus);
    assert!(Index::open(&faceted).unwrap().answers().is_empty());
}

#[test]
fn the_threshold_chooses_how_many_answers_not_what_they_say() {
    let docs: Vec<(Vec<usize>, Vec<usize>)> = (0..400)
        .map(|i| (vec![i % 20], vec![0, 1, i % 20, 15, 16, 12, (i * 7) % 20]))
        .collect();
    let corpus = random_corpus::documents(&docs, |w| VOCAB[w]);
    let write = |answers_from| write_index_with(&corpus, &WriteOptions { answers_from }).unwrap();
    let (none, few, default, many) = (
        write(None),
        write(Some(800)),
        write(Some(quarry_core::search::answered::MIN_POSTINGS)),
        write(Some(20)),
    );
    assert_eq!(default, write_index(&corpus).unwrap());
    let indexes: Vec<Index> = [&none, &few, &default, &many]
        .iter()
        .map(|b| Index::open(b).unwrap())
        .collect();
    let counts: Vec<usize> = indexes.iter().map(|i| i.answers().len()).collect();
    assert_eq!(counts[0], 0);
    assert!(
        counts[0] < counts[1] && counts[1] < counts[2] && counts[2] < counts[3],
        "answers stored from none to 20 postings: {counts:?}"
    );
    // Only the bytes differ: every index gives what evaluation gives.
    for text in ["b", "ba", "bak", "c", "ca", "r", "run", "sta", "s"] {
        let want = search(&indexes[0], text, &SearchOptions::default());
        for (index, count) in indexes.iter().zip(&counts).skip(1) {
            let got = search(index, text, &SearchOptions::default());
            assert!(
                same(&got, &want).is_ok(),
                "{text:?} with {count} answers: {}",
                same(&got, &want).unwrap_err()
            );
        }
    }
}
