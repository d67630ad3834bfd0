//! Raw HTML inside a Markdown page (a README's centred `<h1>`, a
//! `<details>` block, a multi-line JSX element in MDX): its visible text,
//! read as a page's is, and its first `<h1>` apart when it is the title.

use super::{heading_text, too_deep, visible_text};
use scraper::{Html, Selector};

/// The visible text of `html`, one raw HTML block of a Markdown page;
/// with `take_h1`, its first `<h1>` with text comes apart, to be the
/// page's title, and leaves the text. Nothing for markup nested past
/// [`super::MAX_DEPTH`], as before raw HTML was read at all.
pub fn fragment_text(html: &str, take_h1: bool) -> (Option<String>, String) {
    if too_deep(html).is_some() {
        return (None, String::new());
    }
    let mut doc = Html::parse_fragment(html);
    let mut title = None;
    if take_h1 {
        let h1 = Selector::parse("h1").expect("static selector");
        let found = doc
            .select(&h1)
            .find_map(|e| heading_text(e).map(|text| (e.id(), text)));
        if let Some((id, text)) = found {
            if let Some(mut node) = doc.tree.get_mut(id) {
                node.detach();
            }
            title = Some(text);
        }
    }
    let mut text = String::new();
    visible_text(doc.root_element(), &mut text);
    (title, text.trim().to_string())
}
