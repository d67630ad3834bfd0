//! Pagefind's data attributes, read as Pagefind reads them, so that a site
//! marked up for Pagefind indexes the same with Quarry: `data-pagefind-body`
//! (the page's content; once one page of the site has it, pages without it
//! are left out), `data-pagefind-ignore` (not content), and the fields of
//! `data-pagefind-meta` and `data-pagefind-filter`, each a comma-separated
//! list of `key` (the element's text), `key[attr]` (an attribute's value)
//! or `key:value` (a value as written).

use scraper::{ElementRef, Html, Selector};

/// Selects the page's content, as `[data-quarry-body]` does.
pub const BODY: &str = "[data-pagefind-body]";

/// Marks an element that is not content, as `data-quarry-ignore` does
/// (any value: Pagefind's `index` and `all` alike).
pub const IGNORE: &str = "data-pagefind-ignore";

/// Fields the page's elements give, in document order. As in Pagefind, a
/// later element's meta replaces an earlier one's, and a filter's several
/// values are all kept, here joined as lists are elsewhere (`list_text`).
/// Unlike Pagefind, an empty key or value gives no field.
pub fn fields(html: &Html) -> Vec<(String, String)> {
    let selector =
        Selector::parse("[data-pagefind-meta], [data-pagefind-filter]").expect("static selector");
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    for e in html.select(&selector) {
        for (attr, filter) in [
            ("data-pagefind-meta", false),
            ("data-pagefind-filter", true),
        ] {
            for (key, value) in e.attr(attr).into_iter().flat_map(|spec| specs(e, spec)) {
                let at = match found.iter().position(|(k, _)| *k == key) {
                    Some(at) => at,
                    None => {
                        found.push((key, Vec::new()));
                        found.len() - 1
                    }
                };
                let values = &mut found[at].1;
                if !filter {
                    values.clear();
                }
                if !values.contains(&value) {
                    values.push(value);
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(key, values)| (key, super::list_text(values)))
        .collect()
}

/// The (key, value) pairs of one attribute's `spec` on element `e`, as
/// Pagefind 1.x parses it (checked against its Node API): items are split
/// at commas, but a `key:value` item's value runs to the end of the spec,
/// commas and all (`date:2024-06-01, x` is the date `2024-06-01, x`).
/// Empty keys and values are left out.
fn specs(e: ElementRef, spec: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = spec;
    loop {
        let (item, next) = match rest.split_once(',') {
            Some((item, next)) => (item, Some(next)),
            None => (rest, None),
        };
        let (key, value) = if let Some((key, _)) = item.split_once(':') {
            (key, rest[key.len() + 1..].to_string())
        } else if let Some((key, attr)) = item
            .trim()
            .strip_suffix(']')
            .and_then(|i| i.split_once('['))
        {
            (key, e.attr(attr.trim()).unwrap_or("").to_string())
        } else {
            (item, e.text().collect::<String>())
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if !key.is_empty() && !value.is_empty() {
            out.push((key, value));
        }
        match next {
            Some(next) if !item.contains(':') => rest = next,
            _ => return out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_and_filters_from_text_attributes_and_values() {
        let html = Html::parse_document(
            r#"<h1 data-pagefind-meta="title">Hà Nội  meetup</h1>
            <img src="/a.png" alt="A" data-pagefind-meta="image[src], image_alt[alt]">
            <p data-pagefind-meta="place: Hà Nội">Text.</p>
            <i data-pagefind-meta="cover[src], date:2024-06-01, x"></i>
            <b data-pagefind-meta="a:b:c"></b>
            <span data-pagefind-filter="tag">rust</span><span data-pagefind-filter="tag">wasm</span>
            <span data-pagefind-filter="tag">rust</span>
            <p data-pagefind-meta="title">Second title</p><i data-pagefind-meta="empty[nope], :x"></i>"#,
        );
        let got = fields(&html);
        // As Pagefind 1.6's Node API gives them for the same markup.
        let want = [
            ("title", "Second title"),
            ("image", "/a.png"),
            ("image_alt", "A"),
            ("place", "Hà Nội"),
            ("date", "2024-06-01, x"),
            ("a", "b:c"),
            ("tag", "rust, wasm"),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn odd_specs_give_no_field_or_a_plain_one_and_never_panic() {
        for spec in [
            ":", "[]", "a[b", "]", ",", ", ,", "é:ü", "k:", "k[]", "ü[ü]",
        ] {
            let html = Html::parse_document(&format!(
                "<p data-pagefind-meta=\"{spec}\" data-pagefind-filter=\"{spec}\">text</p>"
            ));
            for (key, value) in fields(&html) {
                assert!(
                    !key.is_empty() && !value.is_empty(),
                    "{spec}: {key:?} {value:?}"
                );
            }
        }
    }
}
