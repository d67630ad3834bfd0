//! Pages that are not documents, told before their text is read: those
//! that ask search engines to leave them out and those that only redirect.

use scraper::{Html, Selector};

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
pub fn left_out(html: &Html) -> Option<&'static str> {
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
