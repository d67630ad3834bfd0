//! Where a page's links lead, as document ids: the index counts the pages
//! that link to each one, a measure of how central a page is to its site
//! (see `index::writer` and `search::Tuning::links`).

use crate::document::Document;
use std::collections::HashMap;

/// The id of the document that `href`, written in the page at `from` (its
/// path below the corpus root), points to: the path resolved against the
/// page's folder, without its fragment, query and extension, a folder's
/// page being its `index`. `None` for a link off the site (a scheme,
/// `//host`), within the page (`#…`), or above the root.
pub fn target(from: &str, href: &str) -> Option<String> {
    let href = href.trim();
    let path = href.split(['#', '?']).next().unwrap_or("");
    let scheme = path.find(':').is_some_and(|c| !path[..c].contains('/'));
    if path.is_empty() || scheme || path.starts_with("//") {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    if !path.starts_with('/') {
        parts.extend(from.split('/'));
        parts.pop();
    }
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    if path.ends_with('/') || parts.is_empty() {
        parts.push("index");
    }
    let mut id = percent_decoded(&parts.join("/"));
    let name_at = id.rfind('/').map_or(0, |i| i + 1);
    if let Some(dot) = id[name_at..].rfind('.').filter(|&d| d > 0) {
        id.truncate(name_at + dot);
    }
    Some(id)
}

/// `s` with each `%XX` escape decoded (`my%20page.html` names the file
/// `my page.html`), or as it is if that is not UTF-8.
fn percent_decoded(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = (b.get(i + 1..i + 3))
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok());
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(byte) if b[i] == b'%' => {
                out.push(byte);
                i += 3;
            }
            _ => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// The ids that `hrefs`, written in the page `id` at `from`, reach: each
/// once, in order, without the page itself.
pub fn targets<S: AsRef<str>>(from: &str, id: &str, hrefs: &[S]) -> Vec<String> {
    let mut ids: Vec<String> = (hrefs.iter())
        .filter_map(|h| target(from, h.as_ref()))
        .filter(|to| to != id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The document a link to the id `to` reaches, by its place in `ords`
/// (ids to places): the document of that id, else the folder's `index`.
pub fn reached(ords: &HashMap<&str, usize>, to: &str) -> Option<usize> {
    let folder = || ords.get(format!("{to}/index").as_str()).copied();
    ords.get(to).copied().or_else(folder)
}

/// The places of `docs` by id.
pub fn places<'d>(docs: impl Iterator<Item = &'d Document>) -> HashMap<&'d str, usize> {
    docs.enumerate().map(|(i, d)| (d.id.as_str(), i)).collect()
}

/// Per document of `docs`, how many others link to it, each linking page
/// counted once (see [`reached`]).
pub fn linked_from<'d>(docs: impl Iterator<Item = &'d Document> + Clone) -> Vec<usize> {
    let ords = places(docs.clone());
    let mut counts = vec![0usize; docs.clone().count()];
    let mut reached_here = Vec::new();
    for (from, d) in docs.enumerate() {
        reached_here.clear();
        reached_here.extend(d.links.iter().filter_map(|to| reached(&ords, to)));
        reached_here.sort_unstable();
        reached_here.dedup();
        for &to in reached_here.iter().filter(|&&to| to != from) {
            counts[to] += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::target;

    #[test]
    fn links_resolve_against_the_page_folder() {
        let t = |href| target("library/os.html", href);
        assert_eq!(
            t("functions.html#open").as_deref(),
            Some("library/functions")
        );
        assert_eq!(
            t("../tutorial/classes.html").as_deref(),
            Some("tutorial/classes")
        );
        assert_eq!(t("./io.html?x=1").as_deref(), Some("library/io"));
        assert_eq!(
            t("/reference/index.html").as_deref(),
            Some("reference/index")
        );
        assert_eq!(t("guide/").as_deref(), Some("library/guide/index"));
        assert_eq!(t("/").as_deref(), Some("index"));
        assert_eq!(t("../../up.html"), None);
        assert_eq!(t("#open"), None);
        assert_eq!(t("https://example.org/a.html"), None);
        assert_eq!(t("mailto:a@b.c"), None);
        assert_eq!(t("//cdn.example.org/x.js"), None);
        assert_eq!(t(""), None);
        assert_eq!(target("a.md", "b.md").as_deref(), Some("b"));
        assert_eq!(t("my%20page.html").as_deref(), Some("library/my page"));
        assert_eq!(
            t("r%C3%A9sum%C3%A9.html").as_deref(),
            Some("library/résumé")
        );
        assert_eq!(t("100%.html").as_deref(), Some("library/100%"));
        assert_eq!(t("a%+1.html").as_deref(), Some("library/a%+1"));
        assert_eq!(
            target("posts/x.md", ".hidden").as_deref(),
            Some("posts/.hidden")
        );
    }
}
