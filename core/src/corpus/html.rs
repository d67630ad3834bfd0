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

mod depth;
mod fragment;
mod left_out;
mod skip;

pub use depth::MAX_DEPTH;
pub use fragment::fragment_text;
pub use left_out::{left_out_by_head, HEAD_BYTES};

use super::pagefind;
use super::sections::Sections;
use super::site_name::without_site_name;
use crate::document::{Document, FieldValue};
use depth::too_deep;
use ego_tree::iter::Edge;
use left_out::left_out;
use scraper::{ElementRef, Html, Node, Selector};
use skip::is_skipped;

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
    let first_heading = |level: &str, within: &[ElementRef]| {
        let selector = Selector::parse(level).expect("static selector");
        within
            .iter()
            .flat_map(|r| r.select(&selector))
            .find_map(heading_text)
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

/// A heading's visible text on one line, if it has any.
fn heading_text(h: ElementRef) -> Option<String> {
    let mut text = String::new();
    visible_text(h, &mut text);
    Some(collapse(&text)).filter(|t| !t.is_empty())
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
mod tests;
