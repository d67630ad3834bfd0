//! What in a page is not its text: scripts and styles, menus and footers
//! by tag, role, class or id, tables of contents, hidden and ignored
//! elements, permalinks and links to the source.

use super::pagefind;
use scraper::ElementRef;

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

/// Whether `element` and all it holds are left out of the text.
pub fn is_skipped(element: ElementRef) -> bool {
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
