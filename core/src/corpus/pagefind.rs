//! Pagefind's data attributes, read as Pagefind reads them, so that a site
//! marked up for Pagefind indexes the same with Quarry: `data-pagefind-body`
//! (the page's content; once one page of the site has it, pages without it
//! are left out), `data-pagefind-ignore` (not content), and the fields of
//! `data-pagefind-meta` and `data-pagefind-filter`, each a comma-separated
//! list of `key` (the element's text), `key[attr]` (an attribute's value)
//! or `key:value` (a value as written).

use scraper::{ElementRef, Html, Selector};

/// Marks the page's content, as `data-quarry-body` does.
pub const BODY: &str = "data-pagefind-body";

/// Marks an element that is not content, as `data-quarry-ignore` does
/// (any value: Pagefind's `index` and `all` alike).
pub const IGNORE: &str = "data-pagefind-ignore";

/// Fields the page's elements give, in document order, first of a key wins;
/// a filter's several values are joined as `a, b`, as lists are elsewhere.
pub fn fields(html: &Html) -> Vec<(String, String)> {
    let selector =
        Selector::parse("[data-pagefind-meta], [data-pagefind-filter]").expect("static selector");
    let mut out: Vec<(String, String)> = Vec::new();
    for e in html.select(&selector) {
        for (attr, joined) in [
            ("data-pagefind-meta", false),
            ("data-pagefind-filter", true),
        ] {
            for (key, value) in e.attr(attr).into_iter().flat_map(|spec| specs(e, spec)) {
                match out.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, v)) if joined && !v.split(", ").any(|x| x == value) => {
                        v.push_str(", ");
                        v.push_str(&value);
                    }
                    Some(_) => {}
                    None => out.push((key, value)),
                }
            }
        }
    }
    out
}

/// The (key, value) pairs of one attribute's `spec` on element `e`; empty
/// keys and values are left out.
fn specs(e: ElementRef, spec: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for item in spec.split(',').map(str::trim) {
        let (key, value) = if let Some((key, value)) = item.split_once(':') {
            (key, value.trim().to_string())
        } else if let Some((key, attr)) = item.strip_suffix(']').and_then(|i| i.split_once('[')) {
            (key, e.attr(attr.trim()).unwrap_or("").to_string())
        } else {
            (item, e.text().collect::<String>())
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if !key.is_empty() && !value.is_empty() {
            out.push((key, value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_and_filters_from_text_attributes_and_values() {
        let html = Html::parse_document(
            r#"<h1 data-pagefind-meta="title">Hà Nội  meetup</h1>
            <img src="/a.png" alt="A" data-pagefind-meta="image[src], image_alt[alt]">
            <p data-pagefind-meta="date:2024-06-01, place: Hà Nội">Text.</p>
            <span data-pagefind-filter="tag">rust</span><span data-pagefind-filter="tag">wasm</span>
            <span data-pagefind-filter="tag">rust</span>
            <p data-pagefind-meta="title">Second title</p><i data-pagefind-meta="empty[nope], :x"></i>"#,
        );
        let got = fields(&html);
        let want = [
            ("title", "Hà Nội meetup"),
            ("image", "/a.png"),
            ("image_alt", "A"),
            ("date", "2024-06-01"),
            ("place", "Hà Nội"),
            ("tag", "rust, wasm"),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(got, want);
    }
}
