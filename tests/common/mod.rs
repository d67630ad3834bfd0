//! The wasm API's tests, shared by `tests/node.rs` and `tests/browser.rs`.

use js_sys::{Array, JsString, Map, Object, Reflect, JSON};
use quarry::{search, stats};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const SANTIAGO: &str = "000_f2c9c479a8d22647";
const MEXICO: &str = "003_fd7ddbcd4b646995";

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property read")
}

fn opts(json: &str) -> JsValue {
    JSON::parse(json).expect("test options are JSON")
}

fn run(query: &str) -> JsValue {
    search(JsValue::from_str(query), JsValue::UNDEFINED).expect("search must not throw")
}

fn ids(query: &str) -> Vec<String> {
    let hits: Array = get(&run(query), "hits").unchecked_into();
    hits.iter()
        .map(|h| get(&h, "id").as_string().expect("id is a string"))
        .collect()
}

fn error_message(query: &str, options: &str) -> String {
    let err =
        search(JsValue::from_str(query), opts(options)).expect_err("options must be rejected");
    let err = JsValue::from(err);
    assert!(err.is_instance_of::<js_sys::Error>(), "an Error object");
    get(&err, "message").as_string().expect("message")
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object()
        && !v.is_instance_of::<Map>()
        && Object::get_prototype_of(v) == Object::get_prototype_of(&Object::new().into())
}

#[wasm_bindgen_test]
fn seed_queries_find_the_right_articles() {
    for q in ["Cuong", "cường", "CƯỜNG"] {
        assert_eq!(ids(q), [SANTIAGO], "query {q}");
    }
    assert_eq!(ids("Duc Thang"), [MEXICO]);
    assert_eq!(ids("Đổi Mới"), ids("doi moi"));
    assert_eq!(ids("mexico"), [MEXICO]);
    assert_eq!(ids("santiago"), [SANTIAGO]);
    assert_eq!(ids("chil"), [SANTIAGO]);
}

#[wasm_bindgen_test]
fn typos_find_and_suggest() {
    let r = run("Vietnm");
    assert_eq!(get(&r, "total").as_f64(), Some(2.0));
    assert_eq!(
        get(&r, "suggestion").as_string().as_deref(),
        Some("vietnam")
    );
    assert_eq!(ids("carmna"), [SANTIAGO]);
    let exact = search(
        JsValue::from_str("carmna"),
        opts(r#"{"fuzzy": false, "prefix": false}"#),
    )
    .unwrap();
    assert_eq!(get(&exact, "total").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn results_are_plain_objects_with_nulls() {
    let r = run("Cuong");
    assert!(is_plain_object(&r));
    assert_eq!(get(&r, "total").as_f64(), Some(1.0));
    assert!(
        get(&r, "suggestion").is_null(),
        "absent suggestion is null, not undefined"
    );
    let facets = get(&r, "facets");
    assert!(is_plain_object(&facets), "facets are an object, not a Map");
    assert!(is_plain_object(&get(&facets, "place")));
    assert_eq!(get(&get(&facets, "place"), "SANTIAGO").as_f64(), Some(1.0));
    let hit = Array::from(&get(&r, "hits")).get(0);
    assert!(is_plain_object(&hit));
    assert!(get(&hit, "url").is_null(), "absent url is null");
    let fields = get(&hit, "fields");
    assert!(is_plain_object(&fields));
    assert_eq!(
        get(&fields, "place").as_string().as_deref(),
        Some("SANTIAGO")
    );
    assert_eq!(
        get(&fields, "date").as_string().as_deref(),
        Some("2024-11-11")
    );
    // Shared by every hit of the document: frozen, so no caller changes
    // another's.
    assert!(Object::is_frozen(fields.unchecked_ref::<Object>()));
    assert!(get(&hit, "score").as_f64().unwrap() > 0.0);
    assert!(Array::is_array(&get(&hit, "highlights")));
    assert!(
        get(&hit, "section").is_null(),
        "a story has no sections: null, not undefined"
    );
    assert_eq!(get(&r, "partial").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn words_no_story_has_together_find_those_with_some() {
    // Each story has one of the names: the two find both, partly matched.
    let r = run("cuong thang");
    assert_eq!(get(&r, "partial").as_bool(), Some(true));
    let mut found = ids("cuong thang");
    found.sort();
    assert_eq!(found, [SANTIAGO, MEXICO]);
    assert_eq!(get(&run("luong cuong"), "partial").as_bool(), Some(false));
    // Turned off: every word or nothing.
    let strict = search(
        JsValue::from_str("cuong thang"),
        opts(r#"{"partial": false}"#),
    )
    .unwrap();
    assert_eq!(get(&strict, "total").as_f64(), Some(0.0));
    assert_eq!(get(&strict, "partial").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn highlights_are_utf16_ranges_of_the_snippet() {
    let hit = Array::from(&get(&run("cuong"), "hits")).get(0);
    let marks = marked(&hit, "snippet", "highlights");
    assert!(!marks.is_empty());
    for m in marks {
        assert_eq!(m, "Cường");
    }
}

/// The marked words of `hit[text]`, by `hit[ranges]`.
fn marked(hit: &JsValue, text: &str, ranges: &str) -> Vec<String> {
    let text: JsString = get(hit, text).unchecked_into();
    Array::from(&get(hit, ranges))
        .iter()
        .map(|m| {
            let m = Array::from(&m);
            let at = |i| m.get(i).as_f64().unwrap() as u32;
            String::from(text.slice(at(0), at(1)))
        })
        .collect()
}

#[wasm_bindgen_test]
fn titles_are_marked_as_snippets_are() {
    let hit = Array::from(&get(&run("cuong"), "hits")).get(0);
    assert_eq!(marked(&hit, "title", "titleHighlights"), ["Cường"]);
    // Another form of the word than the query's, and a typo.
    for q in ["parties", "comunist"] {
        let hits = Array::from(&get(&run(q), "hits"));
        assert_eq!(hits.length(), 2, "{q}");
        for hit in hits.iter() {
            let title = marked(&hit, "title", "titleHighlights");
            assert_eq!(title, [if q == "parties" { "Party" } else { "Communist" }]);
        }
    }
    // A name written as syllables is marked whole where `vietnam` found it.
    let r = run("vietnam");
    let hit = Array::from(&get(&r, "hits"))
        .iter()
        .find(|h| get(h, "id").as_string().as_deref() == Some(MEXICO))
        .expect("the Mexico City story says Việt Nam");
    assert_eq!(marked(&hit, "title", "titleHighlights"), ["Việt Nam"]);
    assert!(marked(&hit, "snippet", "highlights").contains(&"Việt Nam".to_string()));
    let none = search(JsValue::from_str("cuong"), opts(r#"{"snippet": false}"#)).unwrap();
    let hit = Array::from(&get(&none, "hits")).get(0);
    assert!(marked(&hit, "title", "titleHighlights").is_empty());
}

#[wasm_bindgen_test]
fn results_survive_the_memory_growing() {
    // Hits are read from wasm memory through views that growing it detaches.
    let json = |q: &str| String::from(JSON::stringify(&run(q)).expect("JSON"));
    let before = json("party");
    assert!(before.contains(MEXICO) && before.contains("highlights"));
    assert_ne!(core::arch::wasm32::memory_grow(0, 16), usize::MAX);
    assert_eq!(json("party"), before);
}

#[wasm_bindgen_test]
fn the_same_queries_again_take_no_more_memory() {
    // The allocator never gives memory back, so a block lost, or freed
    // and not reused, shows as memory that keeps growing.
    let queries = [
        "party",
        "Cuong",
        "Vietnm",
        "\"political parties\" -chile",
        "place:sant communist",
        "date:202 pa",
        "conference themed political parties new society",
    ];
    let all = || {
        for q in queries {
            run(q);
            search(JsValue::from_str(q), opts(r#"{"snippet":false,"limit":1}"#)).expect("search");
        }
    };
    all();
    let pages = core::arch::wasm32::memory_size(0);
    for _ in 0..200 {
        all();
    }
    assert_eq!(core::arch::wasm32::memory_size(0), pages);
}

#[wasm_bindgen_test]
fn snippet_false_leaves_snippets_empty() {
    let r = search(
        JsValue::from_str("communist"),
        opts(r#"{"snippet": false, "limit": 1}"#),
    )
    .unwrap();
    assert_eq!(get(&r, "total").as_f64(), Some(2.0));
    let hits = Array::from(&get(&r, "hits"));
    assert_eq!(hits.length(), 1);
    assert_eq!(
        get(&hits.get(0), "snippet").as_string().as_deref(),
        Some("")
    );
    assert_eq!(Array::from(&get(&hits.get(0), "highlights")).length(), 0);
}

#[wasm_bindgen_test]
fn bad_options_throw_errors_that_name_the_option() {
    let cases = [
        (r#"{"limti": 3}"#, "unknown option \"limti\""),
        (
            r#"{"limit": -1}"#,
            "option \"limit\" must be a whole number",
        ),
        (
            r#"{"limit": 2.5}"#,
            "option \"limit\" must be a whole number",
        ),
        (r#"{"limit": "10"}"#, "got string \"10\""),
        (r#"{"offset": -3}"#, "option \"offset\""),
        (
            r#"{"prefix": "yes"}"#,
            "option \"prefix\" must be true or false",
        ),
        (r#"{"sort": "newest"}"#, "option \"sort\""),
        (
            r#"{"partial": 0}"#,
            "option \"partial\" must be true or false",
        ),
        (r#"{"filters": {"city": "x"}}"#, "unknown filter \"city\""),
        (
            r#"{"filters": {"date": {"from": "last week"}}}"#,
            "option \"filters.date\" must be dates as YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            r#"{"filters": {"date": {"from": "2024-01", "to": "2024-13"}}}"#,
            "(month 01-12, day 01-31), from..to with from not after to, got \"2024-01..2024-13\"",
        ),
        (
            r#"{"filters": {"date": {"from": "2024", "to": "2023-12"}}}"#,
            "got \"2024..2023-12\"",
        ),
        (
            r#"{"filters": {"date": "2024-02-32"}}"#,
            "got \"2024-02-32\"",
        ),
        (
            r#"{"filters": {"date": {"to": 2024}}}"#,
            "option \"filters.date.to\" must be a string like \"2024-03\", got number 2024",
        ),
        ("[1]", "search options must be an object"),
    ];
    for (options, want) in cases {
        let msg = error_message("x", options);
        assert!(
            msg.contains(want),
            "options {options}: message {msg:?} lacks {want:?}"
        );
    }
}

/// The common options arrive packed in one number (js/hits.js); with a
/// `filters` key they are read one by one. Both must mean the same.
#[wasm_bindgen_test]
fn packed_options_mean_what_the_object_says() {
    for (query, options) in [
        ("communist", r#""limit": 1, "offset": 1, "snippet": false"#),
        ("communist", r#""sort": "-date", "limit": 0"#),
        ("communist", r#""sort": "date", "snippet": true"#),
        ("communist", r#""sort": "relevance", "offset": 5"#),
        ("chil", r#""prefix": false"#),
        ("chil", r#""prefix": true, "limit": 1000"#),
        ("Vietnm", r#""fuzzy": false"#),
        ("Vietnm", r#""fuzzy": true, "prefix": false, "offset": 0"#),
        ("cuong thang", r#""partial": false, "limit": 3"#),
        (
            "cuong thang",
            r#""partial": true, "offset": 1, "sort": "date""#,
        ),
    ] {
        let json = |extra: &str| {
            let r = search(
                JsValue::from_str(query),
                opts(&format!("{{{options}{extra}}}")),
            )
            .expect("valid options");
            JSON::stringify(&r).unwrap().as_string().unwrap()
        };
        let packed = json("");
        assert_eq!(packed, json(r#", "filters": {}"#), "{query} with {options}");
        assert!(packed.contains("\"total\""), "{packed}");
    }
    let defaults = search(JsValue::from_str("chil"), opts("{}")).unwrap();
    let slow = search(JsValue::from_str("chil"), opts(r#"{"filters": null}"#)).unwrap();
    assert_eq!(
        JSON::stringify(&defaults).unwrap(),
        JSON::stringify(&slow).unwrap()
    );
    assert!(error_message("x", r#"{"limit": 1001}"#).contains("from 0 to 1000"));
    assert!(error_message("x", r#"{"toString": true}"#).contains("unknown option \"toString\""));
}

#[wasm_bindgen_test]
fn no_query_string_throws() {
    for q in [
        "",
        " ",
        "\"",
        "\"\"\"",
        "-",
        "--",
        "OR",
        "OR OR",
        "a OR",
        "title:",
        "place:",
        "date:..",
        "(((",
        "🎉",
        "\u{0}",
        "\u{FFFF}x",
    ] {
        let r = run(q);
        assert!(get(&r, "total").as_f64().is_some(), "query {q:?}");
    }
    assert_eq!(get(&run(""), "total").as_f64(), Some(0.0));
    assert_eq!(get(&run("?!."), "total").as_f64(), Some(0.0));
    assert_eq!(
        get(&run(&"qqqqqqqqqq ".repeat(5000)), "total").as_f64(),
        Some(0.0)
    );
}

#[wasm_bindgen_test]
fn filters_in_the_query_text() {
    let both = ids("party");
    assert_eq!(both.len(), 2);
    assert_eq!(ids("party place:santiago"), [SANTIAGO]);
    // A sign excludes what the filter lets through, alone or with words.
    assert_eq!(ids("party -place:santiago"), [MEXICO]);
    assert_eq!(ids("party -date:2024"), [MEXICO]);
    assert_eq!(ids("-place:\"mexico city\""), [SANTIAGO]);
    // A place being typed lets through the places it starts.
    assert_eq!(ids("party place:sant"), [SANTIAGO]);
    assert_eq!(ids("party place:\"Mexico Ci"), [MEXICO]);
    // A field with nothing after it yet changes nothing, and is no word
    // to correct (`place` is not in the seeds; `peace` is).
    for q in [
        "party place:",
        "party date:",
        "party title:",
        "party -place:",
    ] {
        assert_eq!(ids(q), both, "query {q}");
        assert!(get(&run(q), "suggestion").is_null(), "query {q}");
    }
}

#[wasm_bindgen_test]
fn filters_and_sort_from_options() {
    let r = search(
        JsValue::from_str("communist"),
        opts(r#"{"filters": {"place": "Mexico City"}}"#),
    )
    .unwrap();
    assert_eq!(get(&r, "total").as_f64(), Some(1.0));
    let r = search(JsValue::from_str("communist"), opts(r#"{"sort": "-date"}"#)).unwrap();
    let first = Array::from(&get(&r, "hits")).get(0);
    assert_eq!(get(&first, "id").as_string().as_deref(), Some(SANTIAGO));
    let r = search(JsValue::from_str("communist"), opts(r#"{"sort": "date"}"#)).unwrap();
    let first = Array::from(&get(&r, "hits")).get(0);
    assert_eq!(get(&first, "id").as_string().as_deref(), Some(MEXICO));
}

#[wasm_bindgen_test]
fn stats_counts_documents_and_sections() {
    let s = stats().expect("stats");
    assert!(is_plain_object(&s));
    assert_eq!(get(&s, "documents").as_f64(), Some(2.0));
    assert!(get(&s, "terms").as_f64().unwrap() > 100.0);
    let sections = Array::from(&get(&s, "sections"));
    let names: Vec<String> = sections
        .iter()
        .map(|x| get(&x, "name").as_string().unwrap())
        .collect();
    for name in ["terms", "text", "links"] {
        assert!(names.contains(&name.to_string()), "{name} in {names:?}");
    }
    for x in sections.iter() {
        let bytes = get(&x, "bytes").as_f64().unwrap();
        // The seed corpus is text files: none links to another.
        if get(&x, "name").as_string().as_deref() == Some("links") {
            assert_eq!(bytes, 0.0);
        } else {
            assert!(bytes > 0.0);
            assert!(get(&x, "gzipBytes").as_f64().unwrap() > 0.0);
        }
    }
}
