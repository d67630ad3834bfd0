//! Facets, the `place` and `date` filters and the sort by date read the
//! fields as columns (`index::column`); on random corpora they must agree
//! with the same work done from each document's stored fields.

mod random_corpus;

use proptest::prelude::*;
use quarry_core::index::write_index;
use quarry_core::query::Filter;
use quarry_core::rank::by_score;
use quarry_core::text::fold;
use quarry_core::{search, FieldValue, Index, SearchOptions, Sort};

const VOCAB: &[&str] = &["cab", "cabin", "cable", "call", "calm", "camp"];
/// Places as written, some folding to the same value.
const PLACES: &[&str] = &[
    "Hà Nội",
    "HA NOI",
    "Huế",
    "Da Nang",
    "an unusually long place name",
];
const DATES: &[&str] = &[
    "2019-12-31",
    "2020-01-01",
    "2020-06-15",
    "2021-03-05",
    "2021-03-05",
];

/// A document's place and date, by index into [`PLACES`] and [`DATES`];
/// `None` leaves the field out.
type Fields = (Option<usize>, Option<usize>);

fn corpus() -> impl Strategy<Value = Vec<(Vec<usize>, Fields)>> {
    let words = prop::collection::vec(0..VOCAB.len(), 1..6);
    let place = prop::option::of(0..PLACES.len());
    let date = prop::option::of(0..DATES.len());
    prop::collection::vec((words, (place, date)), 1..40)
}

fn filters() -> impl Strategy<Value = Vec<Filter>> {
    let place = (0..PLACES.len()).prop_map(|p| Filter::Place(fold(PLACES[p])));
    // Bounds cut to a year or whole, padded as the query parser pads an
    // upper bound or not, so that a bound may equal a value.
    let bound = (
        0..DATES.len(),
        prop::sample::select(&[4usize, 10][..]),
        any::<bool>(),
    )
        .prop_map(|(d, cut, pad)| DATES[d][..cut].to_string() + if pad { "\u{7f}" } else { "" });
    let date = (bound.clone(), bound).prop_map(|(from, to)| Filter::Date { from, to });
    // A place being typed: the start of a folded place.
    let start = (0..PLACES.len(), 1usize..8)
        .prop_map(|(p, n)| Filter::PlaceStart(fold(PLACES[p]).chars().take(n).collect()));
    let one = prop_oneof![place, date, start];
    let filter = prop_oneof![
        3 => one.clone(),
        1 => one.prop_map(|f| Filter::Not(Box::new(f))),
    ];
    prop::collection::vec(filter, 0..3)
}

/// Whether a document with these stored fields passes `f`, from the
/// fields themselves.
fn passes(f: &Filter, place: Option<&str>, date: Option<&str>) -> bool {
    match f {
        Filter::Place(p) => place.is_some_and(|v| fold(v) == *p),
        Filter::PlaceStart(p) => place.is_some_and(|v| fold(v).starts_with(p.as_str())),
        Filter::Date { from, to } => date.is_some_and(|v| v >= from.as_str() && v <= to.as_str()),
        Filter::Not(f) => !passes(f, place, date),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn columns_agree_with_the_stored_fields(
        docs in corpus(),
        word in 0..VOCAB.len(),
        filters in filters(),
        sort in prop::sample::select(&[Sort::Relevance, Sort::DateAsc, Sort::DateDesc][..]),
        limit in 1usize..8,
    ) {
        let bodies: Vec<(Vec<usize>, Vec<usize>)> =
            docs.iter().map(|(w, _)| (Vec::new(), w.clone())).collect();
        let mut documents = random_corpus::documents(&bodies, |w| VOCAB[w]);
        for (d, (_, (place, date))) in documents.iter_mut().zip(&docs) {
            d.title = format!("page {}", d.id);
            if let Some(p) = place {
                d.fields.push(("place".into(), FieldValue::Str(PLACES[*p].into())));
            }
            if let Some(t) = date {
                d.fields.push(("date".into(), FieldValue::Str(DATES[*t].into())));
            }
        }
        let bytes = write_index(&documents).unwrap();
        let index = Index::open(&bytes).unwrap();
        let query = VOCAB[word];
        // The reference: every match unfiltered, then the same work from
        // each document's stored fields.
        let everything = SearchOptions { limit: 1000, ..SearchOptions::default() };
        let all = search(&index, query, &everything);
        let field = |d: u32, name: &str| index.field_str(d, name);
        let passes = |d: u32| {
            filters.iter().all(|f| passes(f, field(d, "place"), field(d, "date")))
        };
        let mut want: Vec<(u32, f32)> =
            all.hits.iter().filter(|h| passes(h.doc)).map(|h| (h.doc, h.score)).collect();
        let date = |d: u32| field(d, "date").unwrap_or("");
        want.sort_by(|a, b| match sort {
            Sort::Relevance => by_score(a, b),
            Sort::DateAsc => date(a.0).cmp(date(b.0)).then(by_score(a, b)),
            Sort::DateDesc => date(b.0).cmp(date(a.0)).then(by_score(a, b)),
        });
        let opts = SearchOptions { limit, sort, filters: filters.clone(), ..SearchOptions::default() };
        let got = search(&index, query, &opts);
        prop_assert_eq!(got.total, want.len());
        let page: Vec<(u32, f32)> = got.hits.iter().map(|h| (h.doc, h.score)).collect();
        want.truncate(limit);
        prop_assert_eq!(page, want);
        // Facets count every filtered match: places whole, dates by year.
        let matched: Vec<u32> =
            all.hits.iter().map(|h| h.doc).filter(|&d| passes(d)).collect();
        for (name, field_name, cut) in [("place", "place", usize::MAX), ("year", "date", 4)] {
            let mut counts: Vec<(String, u32)> = Vec::new();
            for &d in &matched {
                if let Some(v) = field(d, field_name) {
                    let v = &v[..cut.min(v.len())];
                    match counts.iter_mut().find(|c| c.0 == v) {
                        Some(c) => c.1 += 1,
                        None => counts.push((v.to_string(), 1)),
                    }
                }
            }
            counts.sort();
            let facet: Vec<(String, u32)> = got
                .facets
                .iter()
                .find(|f| f.0 == name)
                .map(|f| f.1.iter().map(|&(v, n)| (v.to_string(), n)).collect())
                .unwrap_or_default();
            prop_assert_eq!(facet, counts, "facet {}", name);
        }
    }
}
