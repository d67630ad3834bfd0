//! Identifiers written whole in API documentation (`readFileSync`,
//! `PyDict_GetItem`, `child_process`) are found by their parts typed as
//! words (`read file sync`), without their parts outweighing the words.

mod placing;

use placing::{first_placed, page};
use quarry_core::index::write_index;
use quarry_core::search::{identifier, member_on_page, Tuning};
use quarry_core::{search, snippet, Index, SearchOptions};

fn ids(index: &Index, query: &str) -> Vec<String> {
    ids_with(index, query, &SearchOptions::default())
}

fn ids_with(index: &Index, query: &str, opts: &SearchOptions) -> Vec<String> {
    search(index, query, opts)
        .hits
        .iter()
        .map(|h| index.doc(h.doc).unwrap().id)
        .collect()
}

/// The words the snippet of document `id` marks for `query`.
fn marked(index: &Index, query: &str, id: &str) -> Vec<String> {
    let r = search(index, query, &SearchOptions::default());
    let hit = r.hits.iter().find(|h| index.doc(h.doc).unwrap().id == id);
    let body = index.body(hit.expect("the document is found").doc).unwrap();
    let s = snippet(body, &r.terms, &r.term_clauses, &index.stemmer());
    let text: Vec<u16> = s.text.encode_utf16().collect();
    s.highlights
        .iter()
        .map(|&(a, b)| String::from_utf16_lossy(&text[a as usize..b as usize]))
        .collect()
}

fn corpus() -> Vec<u8> {
    // Many names holding `Dict` and `Get`, each once.
    let capi = "PyDict_GetItem PyDict_GetItemString PyDict_GetItemRef PyDict_GetItemWithError \
        PyDict_GetItemStringRef PyDict_GetKeys PyDict_GetValues PyDict_GetSize";
    write_index(&[
        page(
            "fs",
            "File system",
            "File system. fs.readFileSync(path) Returns the contents of the path.",
            &[],
        ),
        page(
            "events",
            "EventEmitter",
            "EventEmitter. The class that emits named events to listeners.",
            &[],
        ),
        page(
            "loop",
            "Event loop",
            "Event loop. Timers and callbacks run in turn.",
            &[],
        ),
        page(
            "stdtypes",
            "Built-in types",
            "Built-in types. The get method of a dict returns the value for a key: \
             dict.get never raises.",
            &[],
        ),
        page("capi", "Dictionary objects", capi, &[]),
        page(
            "resource",
            "Resource consumption",
            "Resource consumption. work_mem (integer) Sets the memory of a sort; \
             raising work_mem helps, and work_mem is per operation.",
            &[],
        ),
        page(
            "memory",
            "Memory",
            "Memory. The work of a context: mem is short for memory.",
            &[],
        ),
        page(
            "class_event",
            "Class Event",
            "Class Event. One event, as a class.",
            &[],
        ),
        page(
            "class_eventemitter",
            "Class EventEmitter",
            "Class EventEmitter. The class every class of event emitters extends; \
             an event class, an event, a class.",
            &[],
        ),
        page(
            "child_process",
            "Child process",
            "Child process. The module runs other programs. \
             child_process.spawn(command) Starts a command. \
             child_process.exec(command) Runs a command in a shell.",
            &[
                ("child_process.spawn(command)", "spawn"),
                ("child_process.exec(command)", "exec"),
            ],
        ),
    ])
    .unwrap()
}

#[test]
fn an_identifier_is_found_by_its_parts_as_words() {
    let bytes = corpus();
    let index = Index::open(&bytes).unwrap();
    assert_eq!(ids(&index, "read file sync"), ["fs"]);
    assert_eq!(ids(&index, "readFileSync"), ["fs"], "and whole");
    // The snippet marks the parts found inside the name (after the title's
    // `File`), side by side as one mark; a part not asked stays unmarked.
    assert_eq!(
        marked(&index, "read file sync", "fs"),
        ["File", "readFileSync"]
    );
    assert_eq!(marked(&index, "read file", "fs"), ["File", "readFile"]);
    // A part within a word already marked is not marked again.
    assert_eq!(
        marked(&index, "EventEmitter emitter", "events"),
        ["EventEmitter"]
    );
}

#[test]
fn a_title_counts_its_identifier_whole() {
    let bytes = corpus();
    let index = Index::open(&bytes).unwrap();
    // `EventEmitter` is not a title saying `event` (which, typed last,
    // would complete to it).
    let whole = SearchOptions {
        prefix: false,
        ..SearchOptions::default()
    };
    let titled = ids_with(&index, "title:event", &whole);
    assert!(titled.contains(&"loop".to_string()), "{titled:?}");
    assert!(!titled.contains(&"events".to_string()), "{titled:?}");
    assert_eq!(
        ids(&index, "title:eventemitter"),
        ["events", "class_eventemitter"]
    );
    // Its body, which repeats the title, finds it by its parts.
    assert!(ids(&index, "event emitter").contains(&"events".to_string()));
    // Nor is `Class EventEmitter` a title saying `class event`: the factor
    // of a title that is the query's words lifts `Class Event` alone.
    let score = |id: &str, exact_title: f32| {
        let opts = SearchOptions {
            tuning: Tuning {
                exact_title,
                ..Tuning::default()
            },
            ..whole.clone()
        };
        let r = search(&index, "class event", &opts);
        let h = r.hits.iter().find(|h| index.doc(h.doc).unwrap().id == id);
        h.unwrap().score
    };
    assert_eq!(
        score("class_eventemitter", 2.0),
        score("class_eventemitter", 1.0)
    );
    assert!(score("class_event", 2.0) > 1.9 * score("class_event", 1.0));
}

#[test]
fn a_part_counts_as_often_as_its_most_frequent_name() {
    let bytes = corpus();
    let index = Index::open(&bytes).unwrap();
    // Eight names holding `Dict` and `Get` once each count once: the page
    // that says the words twice leads.
    assert_eq!(ids(&index, "dict get"), ["stdtypes", "capi"]);
    // `work_mem` said three times counts three times: its page leads the
    // shorter one that says `work` and `mem` once.
    assert_eq!(ids(&index, "work mem"), ["resource", "memory"]);
}

#[test]
fn a_page_titled_as_the_query_is_not_sent_to_an_entry_naming_it() {
    let bytes = corpus();
    let index = Index::open(&bytes).unwrap();
    let section = |q: &str| {
        let ((_, section), _) = first_placed(&index, q, "child_process");
        section
    };
    assert_eq!(section("child process"), None, "the page itself");
    assert_eq!(
        section("child process exec"),
        Some(("child_process.exec(command)", "exec"))
    );
}

/// rustdoc's pages: one per type, titled by it, each method an entry whose
/// fragment id is the method alone.
fn rustdoc() -> Vec<u8> {
    let methods = "fn next(&mut self) -> Option<Self::Item> Advances the iterator. ".repeat(20);
    let iterator = format!(
        "Trait Iterator. {methods} fn flat_map<U, F>(self, f: F) -> FlatMap<Self, U, F> where U: IntoIterator \
         Creates an iterator that works like map, but flattens nested structure. \
         fn map<B, F>(self, f: F) -> Map<Self, F> Takes a closure and creates an iterator which calls that closure on each element."
    );
    write_index(&[
        page(
            "iterator",
            "Iterator in std::iter",
            &iterator,
            &[
                ("fn flat_map<U, F>(self, f: F) -> FlatMap<Self, U, F> where U: IntoIterator", "method.flat_map"),
                ("fn map<B, F>(self, f: F) -> Map<Self, F>", "method.map"),
            ],
        ),
        page(
            "map",
            "Map in std::iter",
            "Struct Map. An iterator that maps the values of iter with f. This struct is created by the map method on Iterator.",
            &[],
        ),
    ])
    .unwrap()
}

#[test]
fn a_path_lands_on_its_member_on_the_owners_page() {
    let bytes = rustdoc();
    let index = Index::open(&bytes).unwrap();
    assert_eq!(
        identifier("Iterator::map"),
        Some(("iterator.map".to_string(), true))
    );
    assert_eq!(
        identifier("std::iter::Iterator"),
        Some(("std.iter.iterator".to_string(), true))
    );
    assert_eq!(identifier("title:map"), None, "one colon is a scope");
    // The short page on `Map` says both words more densely; the owner's
    // page, whose entry `method.map` is the member, defines it.
    let first = |q: &str, defined: f32| {
        let opts = SearchOptions {
            tuning: Tuning {
                defined,
                ..Tuning::default()
            },
            ..SearchOptions::default()
        };
        ids_with(&index, q, &opts)[0].clone()
    };
    for q in ["Iterator::map", "iterator map", "std::iter::Iterator::map"] {
        assert_eq!(first(q, 1.0), "map", "{q}: BM25 alone");
        assert_eq!(first(q, 2.0), "iterator", "{q}");
        let ((_, section), _) = first_placed(&index, q, "iterator");
        assert_eq!(section.map(|s| s.1), Some("method.map"), "{q}");
    }
    // Another owner's page is not it.
    assert_eq!(member_on_page("Map in std::iter", "iterator.map"), None);
    assert_eq!(
        member_on_page("Iterator in std::iter", "iterator.map"),
        Some("map")
    );
}

#[test]
fn one_word_lifts_the_page_titled_by_it_over_pages_using_it() {
    let uses = "pub fn from_str_radix(src: &str) -> Result<u32, ParseIntError> Parses. ";
    let bytes = write_index(&[
        page(
            "result",
            "Result in std::result",
            &format!(
                "Enum Result. {} pub enum Result<T, E> Result is a type for success or failure.",
                "Variants, methods and trait implementations of the type. ".repeat(20)
            ),
            &[("pub enum Result<T, E>", "variants")],
        ),
        page("wrapping", "Wrapping in std::num", &uses.repeat(4), &[]),
        page("chapter", "Result Types Explained", &uses.repeat(3), &[]),
    ])
    .unwrap();
    let index = Index::open(&bytes).unwrap();
    let first = |defined: f32| {
        let opts = SearchOptions {
            tuning: Tuning {
                defined,
                ..Tuning::default()
            },
            ..SearchOptions::default()
        };
        ids_with(&index, "Result", &opts)[0].clone()
    };
    assert_ne!(first(1.0), "result", "BM25 alone");
    assert_eq!(first(2.0), "result");
}
