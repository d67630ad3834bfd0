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
        links: Vec::new(),
    }
}

/// `(id, score)` of each result of `query` with `tuning`.
fn ranked(index: &Index, query: &str, tuning: Tuning) -> Vec<(String, f32)> {
    let opts = SearchOptions {
        tuning,
        ..SearchOptions::default()
    };
    search(index, query, &opts)
        .hits
        .iter()
        .map(|h| (index.doc(h.doc).unwrap().id, h.score))
        .collect()
}

fn ids(index: &Index, query: &str, heading: f32) -> Vec<String> {
    let tuning = Tuning {
        heading,
        ..Tuning::default()
    };
    ranked(index, query, tuning)
        .into_iter()
        .map(|r| r.0)
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
fn a_title_naming_the_query_lifts_its_page_as_a_heading_does() {
    // The Rust book: "References and Borrowing" names borrowing in its
    // title, which is no section heading; "Shared State" names it nowhere.
    let mut refs = page(
        "references",
        "References and Borrowing\nA reference borrows a value.\nMutable References\nOne at a time.",
        Some("Mutable References"),
    );
    refs.title = "References and Borrowing".into();
    let mut other = page("shared", "Shared State\nA mutex borrows nothing.", None);
    other.title = "Shared State".into();
    let bytes = write_index(&[refs, other]).unwrap();
    let index = Index::open(&bytes).unwrap();
    let score = |heading: f32, q: &str, id: &str| {
        let tuning = Tuning {
            heading,
            ..Tuning::default()
        };
        ranked(&index, q, tuning)
            .into_iter()
            .find(|r| r.0 == id)
            .unwrap()
            .1
    };
    let lifted = score(2.0, "borrowing", "references") / score(1.0, "borrowing", "references");
    assert!((lifted - 2.0).abs() < 1e-4, "{lifted}");
    let kept = score(2.0, "borrows", "shared") / score(1.0, "borrows", "shared");
    assert!(
        (kept - 1.0).abs() < 1e-4,
        "neither title nor heading names it: {kept}"
    );
}

#[test]
fn without_sections_nothing_is_read_again() {
    let bytes = corpus(false);
    let index = Index::open(&bytes).unwrap();
    assert!(!index.has_sections());
    assert_eq!(ids(&index, "namedtuple", 3.0), ["sndhdr", "collections"]);
}

/// Each result's score by id, with `Tuning::defined` at `defined`.
fn scores(index: &Index, query: &str, defined: f32) -> std::collections::BTreeMap<String, f32> {
    let tuning = Tuning {
        defined,
        ..Tuning::default()
    };
    ranked(index, query, tuning).into_iter().collect()
}

/// The first result's id, with `Tuning::defined` at `defined`.
fn first(index: &Index, query: &str, defined: f32) -> String {
    let tuning = Tuning {
        defined,
        ..Tuning::default()
    };
    ranked(index, query, tuning).swap_remove(0).0
}

#[test]
fn an_identifier_asked_whole_finds_its_definition_over_a_list() {
    // Python's C API: the page defining a function, long, against the
    // stable ABI's list of every function, shorter, that names it as often.
    let long = format!(
        "Unicode objects and codecs. {} PyObject *PyUnicode_Splitlines(PyObject *s, int keepend) \
         Split a Unicode string at line breaks. PyObject *PyUnicode_Split(PyObject *s) Split it.",
        "Encoders and decoders for many codecs, with error handlers. ".repeat(12)
    );
    let mut unicode = page(
        "unicode",
        &long,
        Some("PyObject *PyUnicode_Splitlines(PyObject *s, int keepend)"),
    );
    unicode.title = "Unicode Objects".into();
    let list = format!(
        "Contents of the limited API: {}PyUnicode_Splitlines() {}",
        "PyUnicode_Split() PyUnicode_Substring() PyUnicode_Tailmatch() ".repeat(10),
        "PyUnicode_Translate() PyUnicode_Type PyUnicode_WriteChar() ".repeat(10)
    );
    let mut stable = page("stable", &list, Some("Contents of the limited API"));
    stable.title = "C API Stability".into();
    let mut dump = page(
        "dumpall",
        "pg_dumpall writes every database; pg_dump writes one. pg_dumpall options follow.",
        Some("pg_dumpall options"),
    );
    dump.title = "Dumping a cluster".into();
    let mut tool = page(
        "pg_dump",
        "The tool reads a database and writes a script. pg_dump is its name, and many options it has: ".repeat(8).as_str(),
        None,
    );
    tool.title = "pg_dump".into();
    // Node's docs: an example page quoting `readFileSync` three times against
    // the page whose entry defines it.
    let mut fs = page(
        "fs",
        "File system. Files are read and written with many functions and options. \
         fs.readFileSync(path) Returns the contents of the path; readFileSync blocks.",
        Some("fs.readFileSync(path)"),
    );
    fs.title = "File system".into();
    let mut https = page(
        "https",
        "HTTPS server example. key: readFileSync(key), cert: readFileSync(cert), ca: readFileSync(ca)",
        None,
    );
    https.title = "HTTPS".into();
    let bytes = write_index(&[unicode, stable, dump, tool, fs, https]).unwrap();
    let index = Index::open(&bytes).unwrap();
    let q = "PyUnicode_Splitlines";
    assert_eq!(first(&index, q, 1.0), "stable", "BM25 and headings alone");
    assert_eq!(first(&index, q, 2.0), "unicode");
    assert_eq!(Tuning::default().defined, 2.0);
    // Two words name an identifier only through a fragment id (see
    // `words_name_an_entry_by_its_fragment_id`), and no id here does.
    assert_eq!(
        scores(&index, "PyUnicode Splitlines", 2.0),
        scores(&index, "PyUnicode Splitlines", 1.0)
    );
    // A title naming it counts; a name inside a longer one does not.
    let (once, twice) = (
        scores(&index, "pg_dump", 1.0),
        scores(&index, "pg_dump", 2.0),
    );
    assert_eq!(twice["pg_dump"], 2.0 * once["pg_dump"]);
    assert_eq!(twice["dumpall"], once["dumpall"]);
    // A capital after a lower-case letter makes an identifier too.
    assert_eq!(first(&index, "readFileSync", 1.0), "https");
    assert_eq!(first(&index, "readFileSync", 2.0), "fs");
    assert_eq!(
        scores(&index, "readfilesync", 2.0),
        scores(&index, "readfilesync", 1.0),
        "typed in lower case, it is a word"
    );
}

/// `page`, with its one section's fragment id `id`.
fn entry(title: &str, body: &str, heading: &str, id: &str) -> Document {
    let mut d = page(title, body, Some(heading));
    d.anchors[0].id = id.into();
    d
}

#[test]
fn words_name_an_entry_by_its_fragment_id() {
    // Python's docs: `list sort` asks for `list.sort`, an entry of the long
    // page of built-in types, whose heading says only `sort(…)`, against a
    // shorter page on sorting lists.
    let types = format!(
        "Built-in types. {} sort(*, key=None, reverse=False) Sorts the list in place.",
        "Numbers, sequences, mappings, classes and list methods. ".repeat(30)
    );
    let sorting = "Sorting how to. A list can sort itself; sort and sorted sort a list.";
    // PostgreSQL's docs: a setting named as the words, in a heading.
    let settings = entry(
        "settings",
        "Client defaults. transaction_isolation (enum) The default isolation of each transaction.",
        "transaction_isolation (enum)",
        "GUC-TRANSACTION-ISOLATION",
    );
    let concept = "Transaction isolation. Each transaction sees its own snapshot; isolation levels                    differ in what a transaction sees of others, and isolation has a cost.";
    let bytes = write_index(&[
        entry(
            "stdtypes",
            &types,
            "sort(*, key=None, reverse=False)",
            "list.sort",
        ),
        page("sorting", sorting, None),
        settings,
        page("mvcc", concept, None),
    ])
    .unwrap();
    let index = Index::open(&bytes).unwrap();
    assert_eq!(
        first(&index, "list sort", 1.0),
        "sorting",
        "BM25 and headings alone"
    );
    assert_eq!(first(&index, "list sort", 2.0), "stdtypes");
    assert_eq!(first(&index, "list.sort", 2.0), "stdtypes", "typed whole");
    // A heading that says the words joined is no fragment id.
    assert_eq!(
        scores(&index, "transaction isolation", 2.0),
        scores(&index, "transaction isolation", 1.0)
    );
    // Four words are no identifier.
    assert_eq!(
        scores(&index, "list sort key reverse", 2.0),
        scores(&index, "list sort key reverse", 1.0)
    );
}

/// A chapter whose title says the word typed outranks one that says it
/// more often, with a section heading about it too (the Rust book's
/// `borrowing`); a title that only shares the word's stem does not count
/// (`collect` is not `collections`), and the rule has a switch.
#[test]
fn a_title_that_says_the_words_outranks_a_heading_that_does() {
    let titled = |id: &str, title: &str, body: &str, heading: Option<&str>| Document {
        title: title.to_string(),
        ..page(id, body, heading)
    };
    let bytes = write_index(&[
        titled(
            "refs",
            "References and Borrowing",
            &format!(
                "A reference lets you use a value without owning it. We call this borrowing. {}",
                "A reference must always be valid, and the compiler checks it. ".repeat(3)
            ),
            None,
        ),
        titled(
            "refcell",
            "RefCell and Interior Mutability",
            "Interior mutability. Keeping Track of Borrows at Runtime. RefCell tracks borrowing \
             at runtime: borrowing twice mutably panics, and borrowing rules still hold. \
             The borrowing checks move from compile time to run time.",
            Some("Keeping Track of Borrows at Runtime"),
        ),
        titled(
            "sets",
            "Collections of sets",
            "Sets hold values once. Collections collect values.",
            None,
        ),
        titled(
            "iter",
            "Iterators",
            "Collect gathers an iterator into a collection: collect, collect, collect.",
            Some("Collect gathers an iterator into a collection"),
        ),
    ])
    .unwrap();
    let index = Index::open(&bytes).unwrap();
    let off = Tuning {
        title: 1.0,
        ..Tuning::default()
    };
    assert_eq!(ranked(&index, "borrowing", off)[0].0, "refcell");
    assert_eq!(ranked(&index, "borrowing", Tuning::default())[0].0, "refs");
    // Its plural too.
    assert_eq!(ranked(&index, "borrowings", Tuning::default())[0].0, "refs");
    // `Collections of sets` shares `collect`'s stem, `Iterators` nothing.
    assert_eq!(
        ranked(&index, "collect", Tuning::default()),
        ranked(&index, "collect", off)
    );
}
