//! The word being typed: its completions rank by what it most likely
//! becomes, not by how rare each one is.

use quarry_core::index::write_index;
use quarry_core::{search, Document, Index, SearchOptions};

fn doc(i: usize, body: &str) -> Document {
    Document {
        id: format!("{i:03}"),
        title: format!("page {i}"),
        body: body.to_string(),
        url: None,
        fields: Vec::new(),
        anchors: Vec::new(),
        links: Vec::new(),
    }
}

/// Page `i`, titled `title`.
fn titled(i: usize, title: &str, body: &str) -> Document {
    Document {
        title: title.to_string(),
        ..doc(i, body)
    }
}

/// The index of `n` pages, each with the body `body` gives it.
fn index_of(n: usize, body: impl Fn(usize) -> &'static str) -> Vec<u8> {
    let docs: Vec<Document> = (0..n).map(|i| doc(i, body(i))).collect();
    write_index(&docs).unwrap()
}

/// The ids of the hits for `q`, best first.
fn ids_of(index: &Index, q: &str, opts: &SearchOptions) -> Vec<String> {
    search(index, q, opts)
        .hits
        .iter()
        .map(|h| index.doc(h.doc).unwrap().id)
        .collect()
}

/// Typo tolerance without completion: the query's words are finished.
fn finished() -> SearchOptions {
    SearchOptions {
        prefix: false,
        ..SearchOptions::default()
    }
}

#[test]
fn a_rare_completion_does_not_lead_the_word_being_typed() {
    // 20 pages say `lifetime`, one says `lifetimeparam`, the rest neither.
    let bytes = index_of(200, |i| match i {
        0..20 => "every reference has a lifetime in rust",
        20 => "a lifetimeparam names one in the grammar",
        _ => "other words about traits and closures",
    });
    let index = Index::open(&bytes).unwrap();
    let r = search(&index, "lifetim", &SearchOptions::default());
    assert_eq!(r.total, 21, "both still match");
    let first = index.doc(r.hits[0].doc).unwrap().id;
    assert_ne!(first, "020", "the rare completion leads");
    // Typed further, it is the only match and leads.
    let r = search(&index, "lifetimep", &SearchOptions::default());
    assert_eq!(r.total, 1);
    assert_eq!(index.doc(r.hits[0].doc).unwrap().id, "020");
}

#[test]
fn a_whole_word_in_most_pages_leads_its_rare_completions() {
    // `process` is in nine pages of ten (a low idf); its own page says it
    // most, and one page says the rare `processchunk` once.
    let mut docs: Vec<Document> = (0..40)
        .map(|i| match i {
            0 => doc(
                i,
                "process process process: the process object and its events",
            ),
            1 => doc(i, "a processchunk callback reads the stream"),
            2..36 => doc(i, "this module runs in the current process"),
            _ => doc(i, "other words about timers"),
        })
        .collect();
    docs[0].title = "Process".to_string();
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    let all = SearchOptions {
        limit: 50,
        ..SearchOptions::default()
    };
    let r = search(&index, "process", &all);
    assert_eq!(r.total, 36, "the completion still matches");
    assert_eq!(index.doc(r.hits[0].doc).unwrap().id, "000");
    let rank = |id: &str| {
        r.hits
            .iter()
            .position(|h| index.doc(h.doc).unwrap().id == id)
    };
    assert!(
        rank("001").unwrap() > rank("002").unwrap(),
        "a page with the rare completion outranks one with the word itself: {:?}",
        r.hits
    );
}

#[test]
fn a_swap_into_a_rare_misspelling_does_not_hide_the_word_meant() {
    // `certifcate` is a swap from a changelog's `certficate` (two pages)
    // and a letter short of `certificate` (twenty).
    let bytes = index_of(100, |i| match i {
        0..20 => "renew the certificate before it expires",
        20 | 21 => "doc: update the Certficate class",
        _ => "other words about keys and hosts",
    });
    let index = Index::open(&bytes).unwrap();
    let r = search(&index, "certifcate", &finished());
    assert_eq!(r.total, 22, "both spellings match");
    let first = index.doc(r.hits[0].doc).unwrap().id;
    assert!(first.as_str() < "020", "the word meant leads, not {first}");
    assert_eq!(r.suggestion.as_deref(), Some("certificate"));
}

#[test]
fn a_swap_into_a_word_in_use_wins_over_other_single_edits() {
    let bytes = index_of(60, |i| match i {
        0..5 => "the chart of sales",
        5..25 => "the heart of the city",
        _ => "other words about keys and hosts",
    });
    let index = Index::open(&bytes).unwrap();
    assert_eq!(
        search(&index, "hcart", &finished()).total,
        5,
        "`chart`, not `heart`"
    );
}

#[test]
fn a_query_finding_nothing_respells_a_rare_word_the_index_has() {
    // One package misspells `python`; the word typed so finds its page,
    // but with `numpy` the query finds nothing: `python numpy` does.
    let bytes = index_of(40, |i| match i {
        0 => "documentation pyhton peewee",
        1..6 => "fast arrays for python with numpy",
        6..20 => "python bindings",
        _ => "other words about keys and hosts",
    });
    let index = Index::open(&bytes).unwrap();
    let alone = search(&index, "pyhton", &finished());
    assert_eq!((alone.total, alone.suggestion), (1, None), "found as typed");
    let r = search(&index, "pyhton numpy", &finished());
    assert_eq!(r.total, 0);
    assert_eq!(r.suggestion.as_deref(), Some("python numpy"));
}

#[test]
fn a_word_typed_past_its_stem_finds_the_written_words() {
    // `delegation` is indexed as `deleg`, `mapping` as `map` and `using` as
    // `use`: what is typed on the way to them runs past their stems, and
    // only the words the corpus writes lead back to them. `parties` (stem
    // `parti`) is a whole word, not on its way to `part`; `mapp`, a word of
    // its own, is not where `user mapp` is going.
    let bytes = index_of(7, |i| match i {
        0 => "a delegation arrived",
        1 => "political parties met",
        2 => "they took part",
        3 => "the user mapping of a server",
        4 => "using the server",
        5 => "the bytes mapp in hex",
        _ => "other words",
    });
    let index = Index::open(&bytes).unwrap();
    let ids = |q: &str| ids_of(&index, q, &SearchOptions::default());
    assert_eq!(ids("delegati"), ["000"]);
    assert_eq!(ids("parties"), ["001"]);
    for typed in ["user mapp", "user mappi", "user mappin"] {
        assert_eq!(ids(typed), ["003"], "{typed}");
    }
    assert_eq!(ids("usin"), ["004"]);
    // A finished word is not completed: `mapp ` is the word itself.
    assert_eq!(ids("mapp "), ["005"]);
}

#[test]
fn a_word_typed_in_two_finds_it_written_as_one() {
    // Four pages say `login`, one says `log` and `in` apart, the rest neither.
    let bytes = index_of(40, |i| match i {
        0..4 => "run npm login to sign the account",
        4 => "each log line is written in the file",
        _ => "other words about packages and scripts",
    });
    let index = Index::open(&bytes).unwrap();
    let ids = |q: &str, opts: &SearchOptions| ids_of(&index, q, opts);
    let found = ids("log in", &finished());
    assert_eq!(found, ["004", "000", "001", "002", "003"]);
    // Its snippets can mark it: `login` is one of the query's terms.
    let r = search(&index, "log in", &finished());
    assert!(r.terms.iter().any(|t| t == "login"), "{:?}", r.terms);
    // Not without typo tolerance, nor in a long question, where neighbours
    // meet by chance.
    let exact = SearchOptions {
        fuzzy: false,
        ..finished()
    };
    assert_eq!(ids("log in", &exact), ["004"]);
    assert_eq!(
        ids("where is the log in", &finished())
            .first()
            .map(String::as_str),
        Some("004")
    );
    assert!(!search(&index, "where is the log in", &finished())
        .terms
        .iter()
        .any(|t| t == "login"));
}

#[test]
fn two_long_words_are_joined_only_when_nothing_matches_them_apart() {
    // Rust by Example's page is `Supertraits`; a reader types `super trait`.
    let bytes = index_of(40, |i| match i {
        0 => "a supertrait is a trait another trait requires",
        3 => "use super to reach the parent module",
        4 => "read stream and write stream",
        5..8 => "a readstream reads bytes",
        _ => "other words about a trait object",
    });
    let index = Index::open(&bytes).unwrap();
    let ids = |q: &str, opts: &SearchOptions| ids_of(&index, q, opts);
    assert_eq!(ids("super trait", &finished()), ["000"]);
    let r = search(&index, "super trait", &finished());
    assert!(r.terms.iter().any(|t| t == "supertrait"), "{:?}", r.terms);
    // Both words written apart: found as typed, nothing joined.
    assert_eq!(ids("read stream", &finished()), ["004"]);
    // Not without typo tolerance.
    let exact = SearchOptions {
        fuzzy: false,
        ..finished()
    };
    let r = search(&index, "super trait", &exact);
    assert!(r.partial, "each word apart, none joined");
    assert!(!r.terms.iter().any(|t| t == "supertrait"), "{:?}", r.terms);
}

#[test]
fn an_identifier_the_corpus_never_writes_whole_finds_its_parts() {
    // Cargo's book writes `dev-dependencies`; a reader types it as a key.
    let bytes = index_of(60, |i| match i {
        0..3 => "list them under dev-dependencies in the manifest",
        3 => "the dev_server_port key",
        _ => "build scripts and other dependencies of a package",
    });
    let index = Index::open(&bytes).unwrap();
    for q in [
        "dev_dependencies",
        "devDependencies",
        "DEV_DEPENDENCIES manifest",
    ] {
        assert_eq!(ids_of(&index, q, &finished()), ["000", "001", "002"], "{q}");
    }
    // Written whole, an identifier is found whole, not by its parts.
    assert_eq!(ids_of(&index, "dev_server_port", &finished()), ["003"]);
    // Parts only when nothing matched: a word absent stays absent.
    assert!(ids_of(&index, "dev_nothing", &finished()).is_empty());
}

#[test]
fn a_title_the_query_completes_leads_while_its_last_word_is_typed() {
    let mut docs = vec![
        titled(0, "cargo add", "Add dependencies to a manifest file."),
        titled(
            1,
            "Changelog",
            &"cargo added a flag; cargo added a lint. ".repeat(8),
        ),
        titled(2, "cargo build", "Compile the current package."),
    ];
    docs.extend((3..40).map(|i| doc(i, "other pages about crates and registries")));
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    let opts = SearchOptions::default();
    assert_eq!(ids_of(&index, "cargo ad", &opts)[0], "000");
    assert_eq!(ids_of(&index, "cargo bu", &opts)[0], "002");
    // Finished words are not completed: only the title as typed counts.
    let finished_first = &ids_of(&index, "cargo ad", &finished())[..];
    assert!(
        !finished_first.contains(&"000".to_string()),
        "{finished_first:?}"
    );
}

#[test]
fn a_rare_match_of_the_word_being_typed_does_not_outrank_its_frequent_one() {
    // As on Node's docs: `file` and `system` are in most pages, so their
    // idf is low; `sys` and `sysctl` are each in one page.
    let mut docs = vec![
        titled(
            0,
            "File system",
            "the file system: read a file, write a file",
        ),
        titled(1, "OS", "a file names the sysctl setting of the system"),
        titled(2, "Process", "the sys module reads a file from the system"),
    ];
    docs.extend((3..40).map(|i| doc(i, "this module uses a file on the system")));
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    let opts = SearchOptions::default();
    assert_eq!(ids_of(&index, "file sys", &opts)[0], "000");
    assert_eq!(ids_of(&index, "file system", &opts)[0], "000");
    // Typed further, the rare word is what the typing tells: it leads.
    assert_eq!(ids_of(&index, "file sysc", &opts), ["001"]);
}

#[test]
fn a_one_word_title_the_lone_word_being_typed_completes_leads() {
    // Every page says `error`, most of them more often than the page
    // about errors, whose one-word title is what a reader typing `err`
    // is on the way to.
    let long = "what a call throws when it fails, and why. ".repeat(20) + "an error";
    let mut docs = vec![titled(0, "Errors", &long)];
    let often = "error event, error code, error callback, error first. ".repeat(3);
    docs.extend((1..40).map(|i| doc(i, &often)));
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    let opts = SearchOptions::default();
    assert_eq!(ids_of(&index, "err", &opts)[0], "000");
    assert_eq!(ids_of(&index, "errors", &opts)[0], "000");
}

#[test]
fn a_word_typed_up_to_an_underscore_or_a_dot_completes_past_it() {
    let docs = [
        "pg_dump extracts a database into a file",
        "pg_ctl starts and stops the server",
        "names that start with pg_ are reserved",
        "new in python 3.11: faster calls",
        "new in python 3.10: pattern matching",
        "python 3 was released in 2008",
    ];
    let bytes = index_of(docs.len(), |i| docs[i]);
    let index = Index::open(&bytes).unwrap();
    let opts = SearchOptions::default();
    let mut ids = ids_of(&index, "pg_", &opts);
    ids.sort();
    assert_eq!(ids, ["000", "001", "002"], "pg_ on its way to pg_dump");
    let mut ids = ids_of(&index, "python 3.", &opts);
    ids.sort();
    assert_eq!(ids, ["003", "004", "005"], "3. on its way to 3.11");
    // Finished, the word is what it says.
    assert_eq!(ids_of(&index, "pg_", &finished()), ["002"]);
}

#[test]
fn a_joined_word_does_not_outrank_the_words_as_typed() {
    // `how` and `to` are everywhere; `howto` is in a few pages, one of
    // them about installing. The page that says `how to install` leads.
    let bytes = index_of(40, |i| match i {
        0 => "howto notes on porting and how to install",
        1 => "a howto of porting",
        2 => "another howto page",
        3 => "how to install the tool",
        _ => "how to do other things",
    });
    let index = Index::open(&bytes).unwrap();
    let found = ids_of(&index, "how to install", &finished());
    assert_eq!(found.first().map(String::as_str), Some("003"), "{found:?}");
    assert!(found.contains(&"000".to_string()), "{found:?}");
    // It still counts for both words: a page titled with it is found with
    // the page that says them apart (on Python's docs, `logging how to`
    // still gives `Logging HOWTO` first).
    let docs: Vec<Document> = (0..40)
        .map(|i| match i {
            0 => titled(0, "Logging HOWTO", "the basics of logging"),
            1 => titled(1, "Logging cookbook", "how to log to files with logging"),
            2 | 3 => titled(i, "A HOWTO", "notes"),
            _ => doc(i, "how to do other things"),
        })
        .collect();
    let bytes = write_index(&docs).unwrap();
    let index = Index::open(&bytes).unwrap();
    let mut found = ids_of(&index, "logging how to", &finished());
    found.sort();
    assert_eq!(found, ["000", "001"]);
}
