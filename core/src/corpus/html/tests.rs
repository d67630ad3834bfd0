use super::*;

fn doc(text: &str) -> Document {
    match read("x", "x.html", text).unwrap() {
        Page::Doc { doc, .. } => *doc,
        Page::LeftOut(why) => panic!("left out: {why}"),
    }
}

#[test]
fn links_in_the_content_are_kept_as_ids_those_of_menus_are_not() {
    let Ok(Page::Doc { doc: d, .. }) = read(
        "library/os",
        "library/os.html",
        r##"<title>os</title><nav><a href="../index.html">Home</a></nav>
        <div role=main><h1>os<a class=headerlink href="#os">¶</a></h1>
        <p>See <a href="functions.html#open">open()</a>, <a href="io.html">io</a> and
        <a href="./io.html#text">text files</a>, <a href="os.html#x">here</a>,
        <a href="https://example.org/">elsewhere</a>, <a href="../../up.html">up</a>.</p>
        <div class=toctree-wrapper><a href="sys.html">sys</a></div></div>
        <div class=sphinxsidebar><a href="glossary.html">Glossary</a></div>"##,
    ) else {
        panic!("not a document")
    };
    assert_eq!(d.links, ["library/functions", "library/io"]);
}

#[test]
fn title_visible_text_and_meta() {
    let Ok(Page::Doc { doc: d, .. }) = read(
        "docs/a",
        "docs/a.html",
        r#"<!doctype html><html><head><title> Đức Thắng &amp; co </title>
        <meta name="description" content="About   us"><meta name="viewport" content="width=device-width">
        <meta name="date" content="2024-05-06"><style>p{color:red}</style></head>
        <body><nav>Home | Docs</nav><h1>Heading</h1><p>First <b>bold</b>word.</p><p>Second&nbsp;para</p>
        <script>var hidden = 1;</script><div hidden>secret</div><p data-quarry-ignore>ignored</p>
        <footer>© site</footer></body></html>"#,
    ) else {
        panic!("not a document")
    };
    assert_eq!(d.title, "Đức Thắng & co");
    assert_eq!(d.url.as_deref(), Some("docs/a.html"));
    assert_eq!(d.body, "Heading\nFirst boldword.\nSecond para");
    assert_eq!(
        d.field("description"),
        Some(&FieldValue::Str("About us".into()))
    );
    assert_eq!(d.field("date"), Some(&FieldValue::Str("2024-05-06".into())));
    assert_eq!(d.field("viewport"), None);
}

#[test]
fn a_blog_post_date_comes_from_open_graph_or_schema_org() {
    let og = doc(
        r#"<meta property="article:published_time" content="2023-05-01T10:00:00+02:00"><p>x</p>"#,
    );
    assert_eq!(
        og.field("date"),
        Some(&FieldValue::Str("2023-05-01T10:00:00+02:00".into()))
    );
    let schema = doc(r#"<meta itemprop="datePublished" content="2022-01-02"><p>x</p>"#);
    assert_eq!(schema.field_str("date"), Some("2022-01-02"));
    let named = doc(
        r#"<meta name="date" content="2024-05-06"><meta property="article:published_time" content="2023-05-01"><p>x</p>"#,
    );
    assert_eq!(
        named.field_str("date"),
        Some("2024-05-06"),
        "a date by name wins"
    );
}

#[test]
fn h1_is_the_title_without_title_element_and_markup_stays_text() {
    let d =
        doc("<h1>Main   heading</h1><p>Text with &lt;img src=x onerror=alert(1)&gt; in it.</p>");
    assert_eq!(d.title, "Main heading");
    assert_eq!(
        d.body,
        "Main heading\nText with <img src=x onerror=alert(1)> in it."
    );
}

#[test]
fn marked_body_narrows_the_text() {
    let d = doc(
        "<title>T</title><div>menu</div><main>main</main><article data-quarry-body><p>only this</p></article>",
    );
    assert_eq!(d.body, "only this");
}

#[test]
fn pagefind_attributes_read_as_pagefind_reads_them() {
    let page = r#"<html><head><title>Meetup — Blog</title><meta name="date" content="2020-01-01">
        <meta name="author" content="An"></head><body><nav>menu</nav>
        <article data-pagefind-body><h1 data-pagefind-meta="title">Meetup in Hà Nội</h1>
        <p data-pagefind-meta="date:2024-06-01">We met <span data-pagefind-filter="place">Hà Nội</span>.</p>
        <aside data-pagefind-ignore="all">Related posts</aside></article>
        <footer>Footer</footer></body></html>"#;
    let Ok(Page::Doc {
        doc: d,
        pagefind_body: marked,
        ..
    }) = read("x", "x.html", page)
    else {
        panic!("a document")
    };
    assert!(marked, "the page marks its content for Pagefind");
    assert_eq!(d.title, "Meetup in Hà Nội");
    assert_eq!(d.body, "Meetup in Hà Nội\nWe met Hà Nội.");
    let fields: Vec<(&str, Option<&str>)> = ["author", "date", "place", "title"]
        .iter()
        .map(|&k| (k, d.field_str(k)))
        .collect();
    assert_eq!(
        fields,
        [
            ("author", Some("An")),
            ("date", Some("2024-06-01")),
            ("place", Some("Hà Nội")),
            ("title", None)
        ],
        "Pagefind's date wins over <meta>; its title is the title"
    );
    let Ok(Page::Doc {
        pagefind_body: marked,
        ..
    }) = read("y", "y.html", "<title>Y</title><p>Text.</p>")
    else {
        panic!("a document")
    };
    assert!(!marked);
}

#[test]
fn permalinks_are_not_text_and_the_site_name_leaves_the_title() {
    let d = doc(
        "<title>Coroutines and Tasks — Python 3.11 documentation</title>             <h1>Coroutines and Tasks<a class=headerlink href=\"#tasks\">¶</a></h1>             <p>See <a href=\"#gather\">gather</a>, note <a href=\"#fn1\">1</a>.</p>             <h2>Gather<a href=\"#g\">#</a></h2><p>Fixed.<a href=\"https://x.org/c/1\">§</a> \
         <a href=\"https://x.org\">+</a></p>",
    );
    assert_eq!(d.title, "Coroutines and Tasks");
    assert_eq!(
        d.body, "Coroutines and Tasks\nSee gather, note 1.\nGather\nFixed. +",
        "a mark linking elsewhere is no text either, other symbols are"
    );
    for (title, h1, want) in [
        (
            "What is Ownership? - The Rust Book",
            "What Is Ownership?",
            "What is Ownership?",
        ),
        ("Docs | Install", "Install", "Docs | Install"),
        ("Ownership", "Own", "Ownership"),
        ("Ownership rules", "Ownership", "Ownership rules"),
        ("Tasks — ", "Tasks", "Tasks —"),
        ("Home", "Welcome", "Home"),
    ] {
        let d = doc(&format!("<title>{title}</title><h1>{h1}</h1>"));
        assert_eq!(d.title, want, "title {title:?}, h1 {h1:?}");
    }
    // mdBook: the menu bar's <h1> is the book's name, the content's
    // first heading the page's.
    let book = "<div class=menu-bar><h1 class=menu-title>The Rust Book</h1></div>\
                <main><h1>What Is Ownership?</h1><p>Rules.</p></main>";
    let d = doc(&format!(
        "<title>What is Ownership? - The Rust Book</title>{book}"
    ));
    assert_eq!(d.title, "What is Ownership?");
    assert_eq!(doc(book).title, "What Is Ownership?");
    let chapter = "<h1 class=menu-title>The Rust Book</h1><main><h2>Ownership</h2></main>";
    let d = doc(&format!(
        "<title>Ownership - The Rust Book</title>{chapter}"
    ));
    assert_eq!(d.title, "Ownership");
}

#[test]
fn navigation_by_role_or_docbook_class_is_not_text() {
    let d = doc(
        "<title>VACUUM</title><div class=navheader><table><tr><td><a href=a.html>Prev</a>\
         </td><th>SQL Commands</th></tr></table></div><div role=navigation>index modules</div>\
         <h2>VACUUM</h2><p>VACUUM — garbage-collect a database</p>\
         <div class=\"navfooter x\"><a href=b.html>Next</a></div><div role=contentinfo>© 2024</div>",
    );
    assert_eq!(d.body, "VACUUM\nVACUUM — garbage-collect a database");
    let d = doc(
        "<title>BBV</title><div><table class=nav summary=\"Navigation header\"><tr>\
         <th>Valgrind User Manual</th></tr></table></div><h1>13. BBV</h1><p>To use it</p>\
         <table summary=\"Navigation footer\"><tr><td>Home</td></tr></table>\
         <table summary=\"Options\"><tr><td>--bb-out-file</td></tr></table>",
    );
    assert_eq!(d.body, "13. BBV\nTo use it\n--bb-out-file");
}

#[test]
fn generated_controls_are_not_text() {
    // rustdoc's toggle, notable-traits marker and source link; Sphinx's.
    let d = doc(
        "<title>spawn in std::thread</title><h1>Function spawn</h1>\
         <a class=src href=../src/lib.rs.html#1>Source</a><pre>fn spawn() -> JoinHandle \
         <a href=# class=tooltip data-notable-ty=JoinHandle>ⓘ</a></pre>\
         <details class=toggle open><summary class=hideme><span>Expand description</span></summary>\
         <p>Spawns a new thread.</p></details>\
         <dt>join<a class=reference href=_modules/x.html><span class=viewcode-link>[source]</span></a></dt>",
    );
    assert_eq!(
        d.body,
        "Function spawn\nfn spawn() -> JoinHandle\nSpawns a new thread.\njoin"
    );
}

#[test]
fn tables_of_contents_are_not_text() {
    // DocBook's chapter page, Sphinx's toctree, Docusaurus's page
    // outline, Node.js's by its id.
    let d = doc(
        "<title>Chapter 40. Event Triggers</title><h2>Chapter 40. Event Triggers</h2>\
         <div class=toc><p>Table of Contents</p><dl class=toc><dt><a href=m.html>\
         40.2. Event Trigger Firing Matrix</a></dt></dl></div><p>To supplement triggers.</p>\
         <div class=\"toctree-wrapper compound\"><ul><li><a href=r.html>Runners</a></li></ul></div>\
         <ul class=\"table-of-contents x\"><li><a href=#s>Setup</a></li></ul>\
         <details id=toc open><summary>Table of contents</summary><ul><li><a href=#s>Setup</a></li></ul></details>",
    );
    assert_eq!(
        d.body,
        "Chapter 40. Event Triggers\nTo supplement triggers."
    );
    // A class that only starts like one is text.
    let d = doc("<title>T</title><div class=toc-item>Kept</div>");
    assert_eq!(d.body, "Kept");
}

#[test]
fn main_is_the_body_when_there_is_one() {
    let d = doc(
        "<title>T</title><div>Keyboard shortcuts</div><h1 class=menu>Site</h1>\
         <main><h1>Ownership</h1><main><p>Rules.</p></main></main><div>Press ? for help</div>\
         <div role=main>Also</div><main hidden>Not this</main>",
    );
    assert_eq!(d.body, "Ownership\nRules.\nAlso");
    assert_eq!(d.title, "T");
    let d = doc("<div>menu</div><p>no main</p>");
    assert_eq!(d.body, "menu\nno main");
}

#[test]
fn noindex_and_redirect_pages_are_left_out() {
    let page = |head: &str| read("x", "x.html", &format!("<head>{head}</head><p>text</p>"));
    for (head, why) in [
        (
            r#"<meta name="robots" content="noindex, follow">"#,
            "noindex",
        ),
        (r#"<meta name="ROBOTS" content="None">"#, "noindex"),
        (
            r#"<meta http-equiv="refresh" content="0; url=other.html">"#,
            "redirect",
        ),
        (
            r#"<meta http-equiv="Refresh" content="0;URL='other.html'">"#,
            "redirect",
        ),
    ] {
        assert!(
            matches!(page(head), Ok(Page::LeftOut(w)) if w == why),
            "{head}"
        );
    }
    for head in [
        r#"<meta name="robots" content="index, nofollow">"#,
        r#"<meta http-equiv="refresh" content="30">"#,
        r#"<meta http-equiv="refresh" content="5; url=other.html">"#,
        r#"<meta name="description" content="noindex">"#,
    ] {
        assert!(matches!(page(head), Ok(Page::Doc { .. })), "{head}");
    }
}

#[test]
fn nesting_is_read_up_to_the_limit_and_refused_past_it() {
    let nested = |n: usize| "<div>".repeat(n) + "deep" + &"</div>".repeat(n);
    let d = doc(&nested(MAX_DEPTH - 8));
    assert_eq!(d.body, "deep");
    let e = read(
        "x",
        "x.html",
        &format!("<p>a</p>\n{}", nested(MAX_DEPTH + 1)),
    )
    .unwrap_err();
    assert_eq!(e, (2, MAX_DEPTH));
}

#[test]
fn depth_estimate_ignores_void_elements_comments_and_scripts() {
    let flat = "<br><img src=x><input/>".repeat(MAX_DEPTH)
        + "<!-- <div><div> -->"
        + &"<script>let s = '<div>';</SCRIPT>".repeat(MAX_DEPTH);
    assert_eq!(too_deep(&flat), None);
    assert_eq!(too_deep(&"<div>".repeat(MAX_DEPTH + 1)), Some(1));
}
