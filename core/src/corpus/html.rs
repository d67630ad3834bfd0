//! HTML pages: `<title>` (else the first `<h1>`) is the title, the visible
//! text of `<body>` the body, `<meta name content>` the fields. Scripts,
//! styles, templates, `<nav>`, `<footer>`, `hidden` elements and anything
//! marked `data-quarry-ignore` are not text; when elements are marked
//! `data-quarry-body`, only they are indexed (as Pagefind's
//! `data-pagefind-body`, read too, with its other attributes: see
//! `pagefind`), and otherwise, when the page has a `<main>`, only
//! it: HTML defines it as the page's dominant content, so what lies outside
//! (menus, help pop-ups, banners) repeats on every page of a site.
//! Pages that ask search engines to leave them out (`robots` `noindex`) and
//! pages that only redirect at once (`refresh` with no delay) are not
//! documents: their content is elsewhere. A heading's permalink (an `<a
//! href="#…">` of only a symbol, such as Sphinx's `¶`) is not text, and a
//! `<title>` that is the content's first heading plus the site's name
//! (`Coroutines — Python 3.11 documentation`) gives the heading alone.

use super::pagefind;
use super::sections::Sections;
use super::site_name::without_site_name;
use crate::document::{Document, FieldValue};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never body text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
    "nav", "footer", "select", "button",
];

/// ARIA roles of elements that are never body text: `<nav>`, `<footer>`
/// and a search form by another name.
const SKIPPED_ROLES: &[&str] = &["navigation", "contentinfo", "search"];

/// Classes of the same, from generators that write neither tag nor role:
/// DocBook's Prev / Up / Home / Next bars above and below every page, and
/// tables of contents (DocBook's `toc`, Sphinx's `toctree-wrapper`,
/// Docusaurus's `table-of-contents`). A contents page's list is the titles
/// of other pages: indexed, it outranks each of them for its own title.
const SKIPPED_CLASSES: &[&str] = &[
    "navheader",
    "navfooter",
    "toc",
    "toctree-wrapper",
    "table-of-contents",
    // A control's label or a link to the source, not the page's words:
    // rustdoc's `Expand description` toggle, Sphinx's `[source]`.
    "hideme",
    "viewcode-link",
];

/// Ids of tables of contents in markup that names them by id alone:
/// Node.js's `<details id="toc">`, MediaWiki's and many themes' `toc`.
const SKIPPED_IDS: &[&str] = &["toc", "TableOfContents", "table-of-contents"];

/// Elements after which words must not run together.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "aside",
    "header",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "hr",
    "form",
    "fieldset",
    "details",
    "summary",
    "address",
];

/// `<meta name>` values that describe the page's rendering, not its content.
const META_SKIPPED: &[&str] = &[
    "viewport",
    "generator",
    "color-scheme",
    "theme-color",
    "robots",
    "referrer",
    "format-detection",
];

/// Elements nested deeper than this are refused: the HTML5 tree builder
/// takes time quadratic in the depth (20,000 levels: 6 s), and no real page
/// comes near it.
pub const MAX_DEPTH: usize = 4096;

/// What one HTML file gives.
#[derive(Debug)]
pub enum Page {
    /// A document.
    Doc {
        doc: Box<Document>,
        /// The site's name with its separator, if the title held one after
        /// the heading (see [`without_site_name`]).
        site_name: Option<String>,
        /// `<html lang>`, as `limits::primary_subtag` gives it.
        lang: Option<String>,
        /// Whether the page marks its content with `data-pagefind-body`
        /// (see `pagefind`).
        pagefind_body: bool,
    },
    /// A page that is not one, and why (see the module's comment).
    LeftOut(&'static str),
}

/// Reads one HTML document with the given id; its URL is its path. A page
/// nested past [`MAX_DEPTH`] gives the line where it does, and the limit.
pub fn read(id: &str, rel_path: &str, text: &str) -> Result<Page, (usize, usize)> {
    if let Some(line) = too_deep(text) {
        return Err((line, MAX_DEPTH));
    }
    let html = Html::parse_document(text);
    if let Some(why) = left_out(&html) {
        return Ok(Page::LeftOut(why));
    }
    let first_text = |css: &str| {
        let selector = Selector::parse(css).expect("static selector");
        html.select(&selector)
            .map(|e| collapse(&e.text().collect::<String>()))
            .find(|t| !t.is_empty())
    };
    let roots = outermost(&html, &format!("[data-quarry-body], {}", pagefind::BODY))
        .or_else(|| outermost(&html, "main, [role=main]"))
        .unwrap_or_else(|| vec![html.root_element()]);
    let mut body = String::with_capacity(text.len() / 2);
    let mut sections = Sections::default();
    let mut hrefs = Vec::new();
    for &root in &roots {
        walk(root, &mut body, &mut sections, &mut hrefs);
        end_block(&mut body);
    }
    let mut anchors = sections.finish();
    let body = super::sections::trim(&body, &mut anchors);
    // The content's first heading (a site's menu bar may hold an `<h1>` of
    // the site's name before it): its first `<h1>`, or `<h2>` for the site
    // name's sake (mdBook chapters start at `<h2>`), else the page's `<h1>`.
    let heading = |h: ElementRef| {
        let mut text = String::new();
        visible_text(h, &mut text);
        Some(collapse(&text)).filter(|t| !t.is_empty())
    };
    let first_heading = |level: &str, within: &[ElementRef]| {
        let selector = Selector::parse(level).expect("static selector");
        within
            .iter()
            .flat_map(|r| r.select(&selector))
            .find_map(heading)
    };
    let h1 = first_heading("h1", &roots).or_else(|| first_heading("h1", &[html.root_element()]));
    let (title, site_name) = match first_text("title") {
        Some(title) => match [h1.clone(), first_heading("h2", &roots)]
            .into_iter()
            .flatten()
            .find_map(|h| without_site_name(&title, &h))
        {
            Some((heading, name)) => (heading, Some(name)),
            None => (title, None),
        },
        None => (h1.unwrap_or_else(|| super::txt::title_of(&body)), None),
    };
    let mut fields = meta_fields(&html);
    let mut title = title;
    // Pagefind's attributes name fields on purpose: they win over `<meta>`,
    // and its `title` is the result's title.
    for (key, value) in pagefind::fields(&html) {
        if key == "title" {
            title = value;
            continue;
        }
        fields.retain(|(k, _)| *k != key);
        fields.push((key, FieldValue::Str(value)));
    }
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    let links = super::links::targets(rel_path, id, &hrefs);
    let doc = Document {
        id: id.to_string(),
        title,
        body,
        url: Some(rel_path.to_string()),
        fields,
        anchors,
        links,
    };
    let lang = html
        .root_element()
        .attr("lang")
        .map(super::limits::primary_subtag)
        .filter(|l| !l.is_empty());
    let marked = Selector::parse(pagefind::BODY).expect("static selector");
    let pagefind_body = html.select(&marked).next().is_some();
    Ok(Page::Doc {
        doc: Box::new(doc),
        site_name,
        lang,
        pagefind_body,
    })
}

/// The visible elements matching `css` that no other one contains, in
/// order; `None` if there are none.
fn outermost<'h>(html: &'h Html, css: &str) -> Option<Vec<ElementRef<'h>>> {
    let selector = Selector::parse(css).expect("static selector");
    let found: Vec<ElementRef> = html
        .select(&selector)
        .filter(|e| {
            !e.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| selector.matches(&a) || is_skipped(a))
                && !is_skipped(*e)
        })
        .collect();
    (!found.is_empty()).then_some(found)
}

/// Bytes of a page's start that [`left_out_by_head`] reads: a `<head>`
/// is far shorter.
pub const HEAD_BYTES: usize = 64 * 1024;

/// Why a page is not a document, told from its start alone (see
/// [`HEAD_BYTES`]): for a page too large to read whole, such as mdBook's
/// `print.html`, which is every chapter again and says `noindex`.
pub fn left_out_by_head(start: &[u8]) -> Option<&'static str> {
    let text = String::from_utf8_lossy(start);
    let end = text.find("</head").or_else(|| text.find("</HEAD"));
    left_out(&Html::parse_document(&text[..end.unwrap_or(text.len())]))
}

/// Why a page is not a document: `robots` says `noindex` (or `none`), or a
/// `refresh` sends the reader elsewhere at once.
fn left_out(html: &Html) -> Option<&'static str> {
    let selector = Selector::parse("meta[content]").expect("static selector");
    for meta in html.select(&selector) {
        let content = meta.attr("content").unwrap_or("").to_ascii_lowercase();
        let is = |attr: &str, value: &str| {
            meta.attr(attr)
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(value))
        };
        if is("name", "robots")
            && content
                .split(',')
                .any(|d| matches!(d.trim(), "noindex" | "none"))
        {
            return Some("noindex");
        }
        if is("http-equiv", "refresh") {
            let (delay, rest) = content.split_once([';', ',']).unwrap_or((&content, ""));
            if delay.trim().parse::<f64>() == Ok(0.0) && rest.trim_start().starts_with("url") {
                return Some("redirect");
            }
        }
    }
    None
}

/// Offset of `</name` (any case) in `rest`, or its length.
fn end_of_raw_text(rest: &str, name: &str) -> usize {
    let b = rest.as_bytes();
    let mut from = 0;
    while let Some(at) = rest[from..].find("</") {
        let start = from + at + 2;
        let candidate = b.get(start..start + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return from + at;
        }
        from = start;
    }
    rest.len()
}

/// The line where open tags first nest past [`MAX_DEPTH`], by a scan that
/// over-counts (implied end tags are not applied) and so never misses.
fn too_deep(text: &str) -> Option<usize> {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(at) = b[i..].iter().position(|&c| c == b'<') {
        i += at + 1;
        let rest = &text[i..];
        if rest.starts_with("!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - name_start);
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
            continue;
        }
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        if closing {
            depth = depth.saturating_sub(1);
        } else if name == "script" || name == "style" {
            i += end_of_raw_text(rest, &name);
            continue;
        } else if !VOID.contains(&name.as_str()) && !rest[..tag_end].ends_with("/>") {
            depth += 1;
            if depth > MAX_DEPTH {
                return Some(1 + b[..i].iter().filter(|&&c| c == b'\n').count());
            }
        }
        i += tag_end.min(rest.len());
    }
    None
}

/// Appends the visible text under `root`, a newline after each block.
fn visible_text(root: ElementRef, out: &mut String) {
    walk(root, out, &mut Sections::default(), &mut Vec::new());
}

/// [`visible_text`], noting in `sections` where sections start, and in
/// `hrefs` the targets of its links (those of skipped elements, menus and
/// tables of contents, are not the page's own).
fn walk<'h>(
    root: ElementRef<'h>,
    out: &mut String,
    sections: &mut Sections<'h>,
    hrefs: &mut Vec<&'h str>,
) {
    // Depth of skipped elements we are inside; iterative, so deep nesting
    // cannot overflow the stack.
    let mut skipping = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(_)
                    if skipping > 0 || ElementRef::wrap(node).is_some_and(is_skipped) =>
                {
                    skipping += 1
                }
                Node::Element(e) => {
                    // A block starts a line: `T<div>where</div>` is two words.
                    if BLOCKS.contains(&e.name()) {
                        end_block(out);
                    }
                    if let Some(e) = ElementRef::wrap(node) {
                        sections.open(e, out);
                    }
                    if e.name() == "a" {
                        hrefs.extend(e.attr("href"));
                    }
                }
                Node::Text(t) if skipping == 0 => push_text(out, t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skipping > 0 {
                        skipping -= 1;
                        continue;
                    }
                    sections.close(node.id(), out);
                    if BLOCKS.contains(&e.name()) {
                        end_block(out);
                    }
                }
            }
        }
    }
}

fn is_skipped(element: ElementRef) -> bool {
    let e = element.value();
    SKIPPED.contains(&e.name())
        || e.attr("hidden").is_some()
        || e.attr("data-quarry-ignore").is_some()
        || e.attr(pagefind::IGNORE).is_some()
        || e.attr("aria-hidden") == Some("true")
        || e.attr("role").is_some_and(|r| SKIPPED_ROLES.contains(&r))
        || e.classes().any(|c| SKIPPED_CLASSES.contains(&c))
        || e.id().is_some_and(|id| SKIPPED_IDS.contains(&id))
        || is_nav_table(e)
        || is_permalink(element)
        || is_source_link(e)
}

/// rustdoc's `Source` link beside each item: a word on every entry.
fn is_source_link(e: &scraper::node::Element) -> bool {
    e.name() == "a" && e.classes().any(|c| c == "src")
}

/// DocBook's Prev / Up / Next tables, which keep their `summary` where a
/// site's stylesheet renames their class (Valgrind's manual: `nav`).
fn is_nav_table(e: &scraper::node::Element) -> bool {
    e.name() == "table"
        && e.attr("summary").is_some_and(|s| {
            let s = s.trim_start();
            s.get(..10)
                .is_some_and(|head| head.eq_ignore_ascii_case("navigation"))
        })
}

/// A link to a place on its own page whose text is no word, only a
/// symbol: a heading's permalink (`¶`, `#`, `§`, `🔗`); or a link
/// elsewhere whose text is only such a mark (PostgreSQL's release notes
/// link each item's commit as `§`).
fn is_permalink(a: ElementRef) -> bool {
    // `ⓘ`: rustdoc's marker of notable traits and failing examples.
    const MARKS: &[char] = &['¶', '§', '#', '🔗', '↩', '⚓', 'ⓘ'];
    let here = a.value().attr("href").is_some_and(|h| h.starts_with('#'));
    a.value().name() == "a"
        && a.text()
            .flat_map(str::chars)
            .all(|c| c.is_whitespace() || MARKS.contains(&c) || (here && !c.is_alphanumeric()))
}

/// Appends text with runs of white space collapsed to one space.
fn push_text(out: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        let at_start = out.is_empty() || out.ends_with(['\n', ' ']);
        if (i > 0 || text.starts_with(char::is_whitespace)) && !at_start {
            out.push(' ');
        }
        out.push_str(word);
    }
    if text.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with(['\n', ' ']) {
        out.push(' ');
    }
}

fn end_block(out: &mut String) {
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `<meta name=… content=…>` pairs, by name, first one wins.
fn meta_fields(html: &Html) -> Vec<(String, FieldValue)> {
    let selector = Selector::parse("meta[name][content]").expect("static selector");
    let mut fields: Vec<(String, FieldValue)> = Vec::new();
    for meta in html.select(&selector) {
        let name = meta.attr("name").unwrap_or("").trim().to_ascii_lowercase();
        let content = collapse(meta.attr("content").unwrap_or(""));
        if name.is_empty() || content.is_empty() || META_SKIPPED.contains(&name.as_str()) {
            continue;
        }
        if !fields.iter().any(|(n, _)| *n == name) {
            fields.push((name, FieldValue::Str(content)));
        }
    }
    // Blogs give their date as Open Graph's or schema.org's, not by name.
    if !fields.iter().any(|(n, _)| n == "date") {
        let selector = Selector::parse(
            "meta[property='article:published_time'][content], meta[itemprop='datePublished'][content]",
        )
        .expect("static selector");
        if let Some(date) = html.select(&selector).find_map(|m| m.attr("content")) {
            fields.push(("date".to_string(), FieldValue::Str(collapse(date))));
        }
    }
    fields
}

#[cfg(test)]
mod tests {
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
        let d = doc(
            "<h1>Main   heading</h1><p>Text with &lt;img src=x onerror=alert(1)&gt; in it.</p>",
        );
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
}
