//! Property tests: any query is answered without panicking, within limits;
//! what the writer stores is what the reader reads.

mod common;

use common::seeds;
use proptest::prelude::*;
use quarry_core::index::write_index;
use quarry_core::text::terms;
use quarry_core::{search, snippet, Document, FieldValue, Index, SearchOptions};

/// Query text mixing words of the corpus, operators and arbitrary Unicode.
fn query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("-".to_string()),
        Just(" OR ".to_string()),
        Just("title:".to_string()),
        Just("place:".to_string()),
        Just("date:".to_string()),
        Just("..".to_string()),
        Just(" ".to_string()),
        prop::sample::select(vec![
            "cường", "party", "chile", "mexico", "new", "society", "2022", "Đổi"
        ])
        .prop_map(String::from),
        any::<String>(),
        "[a-z]{1,12}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_query_is_answered(q in query(), limit in 0usize..20, prefix: bool, fuzzy: bool) {
        let idx = seeds();
        let opts = SearchOptions { limit, prefix, fuzzy, ..SearchOptions::default() };
        let r = search(idx, &q, &opts);
        prop_assert!(r.hits.len() <= limit);
        prop_assert!(r.hits.len() <= r.total);
        for h in &r.hits {
            prop_assert!(h.doc < idx.doc_count());
            let s = snippet(idx.body(h.doc).unwrap(), &r.terms, &r.term_clauses, &idx.stemmer());
            let units = s.text.encode_utf16().count() as u32;
            for &(a, b) in &s.highlights {
                prop_assert!(a < b && b <= units);
            }
        }
    }

    /// Up to three blocks of the stored tables, the last one partial.
    #[test]
    fn written_documents_read_back(docs in prop::collection::vec(("[a-z ]{1,30}", "[a-zA-Zà-ỹ ,.]{0,200}", prop::option::of("[a-z]{1,8}")), 1..70)) {
        let docs: Vec<Document> = docs
            .into_iter()
            .enumerate()
            .map(|(i, (title, body, place))| Document {
                id: format!("d{i:03}"),
                // A third of the bodies start with their title, which is
                // then stored as a length (`format`, `titles`).
                body: if i % 3 == 0 { format!("{title}{body}") } else { body },
                title,
                url: (i % 2 == 0).then(|| format!("/d/{i}")),
                fields: place.into_iter().map(|p| ("place".to_string(), FieldValue::Str(p))).collect(),
                anchors: Vec::new(),
                links: Vec::new(),
            })
            .collect();
        let bytes = write_index(&docs).unwrap();
        let idx = Index::open(&bytes).unwrap();
        prop_assert_eq!(idx.doc_count() as usize, docs.len());
        for (ord, d) in docs.iter().enumerate() {
            let ord = ord as u32;
            let stored = idx.doc(ord).unwrap();
            prop_assert_eq!(stored.id, d.id.as_str());
            prop_assert_eq!(stored.title, d.title.as_str());
            prop_assert_eq!(stored.url, d.url.as_deref());
            prop_assert_eq!(idx.body(ord).unwrap(), d.body.as_str());
            let want: Vec<(&str, FieldValue)> = d.fields.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            prop_assert_eq!(stored.fields, want);
            // Every word of the document finds it in its postings.
            for t in terms(&d.title).into_iter().chain(terms(&d.body)) {
                let info = idx.term(&t).unwrap();
                prop_assert!(idx.postings(info).any(|p| p.doc == ord), "{} misses {}", t, d.id);
            }
        }
    }

    /// The stem the index reads from its dictionary is the stemmer's, for
    /// the corpus's own words (aliases, words that are their own stem,
    /// stems also written with another stem) and for words it lacks.
    #[test]
    fn the_dictionary_stems_as_the_stemmer_does(
        words in prop::collection::vec((
            prop::sample::select(vec!["part", "parti", "general", "run", "happ", "die", "ly", "news", "cent", "condition"]),
            prop::sample::select(vec!["", "s", "ies", "y", "ing", "ed", "ization", "ally", "ness", "ning", "e", "al"]),
        ), 1..60),
        others in prop::collection::vec("[a-z]{1,10}", 0..20),
    ) {
        let words: Vec<String> = words.into_iter().map(|(a, b)| format!("{a}{b}")).collect();
        let docs: Vec<Document> = words
            .chunks(7)
            .enumerate()
            .map(|(i, w)| Document {
                id: format!("d{i}"),
                title: String::new(),
                body: w.join(" "),
                url: None,
                fields: Vec::new(),
                anchors: Vec::new(),
                links: Vec::new(),
            })
            .collect();
        let bytes = write_index(&docs).unwrap();
        let idx = Index::open(&bytes).unwrap();
        // From the front-coded blocks, then from the keys decoded whole.
        for decoded in [false, true] {
            if decoded {
                idx.dictionary().sorted();
            }
            for w in words.iter().chain(&others) {
                let (mut read, mut stemmed) = (w.clone(), w.clone());
                idx.stem_in_place(&mut read);
                quarry_core::text::stem::stem_in_place(&mut stemmed);
                prop_assert_eq!(read, stemmed, "{} (decoded: {})", w, decoded);
            }
        }
    }
}
