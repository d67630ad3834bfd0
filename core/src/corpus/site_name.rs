//! A site's name in page titles (`Ownership - The Rust Book`): cut where
//! the title is the page's first heading plus the name, and then from the
//! site's other titles that end with a name cut that way. A page whose
//! heading differs from its title (`cargo-add(1)` for `cargo add - The
//! Cargo Book`) loses the name too. A site none of whose headings starts
//! its title (rustdoc: `Vec in std::vec - Rust` under `Struct Vec`) has
//! its name found by count instead: the same last part after a spaced
//! dash or bar ends at least half of its titles.

use crate::document::Document;

/// Pages a name must have been cut from before other titles lose it: a
/// site's name ends most of its titles, a word after a dash only a few.
const MIN_PROVEN: usize = 3;

/// Titles that must end with the same last part, and at least half of
/// the pages, for that part to be taken as the site's name unproven.
const MIN_COMMON: usize = 10;

/// Separators a site's name follows in a title, with a space each side.
const SPACED: &[&str] = &[" - ", " — ", " – ", " | ", " · ", " • ", " » "];

/// `title` without the site's name, when it is the page's first heading
/// followed by a separator and the name: the heading's words, as `title`
/// writes them, and the separator with the name (`- The Rust Book`);
/// `None` otherwise. A name before the heading (`Docs | Install`) cannot be
/// told from a page named after its site whose first heading is the site's
/// name, so it stays.
pub fn without_site_name(title: &str, heading: &str) -> Option<(String, String)> {
    const SEPARATORS: &[&str] = &["—", "–", "-", "|", "·", "•", ":", "»", "/"];
    let (t, h) = (title.to_lowercase(), heading.to_lowercase());
    // Lower-casing keeps byte lengths for nearly all text: compare in place
    // only when it kept the whole title's, and cut only on a boundary.
    if t.len() != title.len() || h.is_empty() || !t.starts_with(&h) {
        return None;
    }
    let rest = t[h.len()..].trim();
    let named = rest.chars().any(char::is_alphanumeric);
    let after_space = t.as_bytes().get(h.len()) == Some(&b' ');
    let separated = SEPARATORS.iter().any(|s| rest.starts_with(s));
    let cut = title.get(..h.len())?;
    let name = title.get(h.len()..)?.trim();
    (after_space && named && separated).then(|| (cut.to_string(), name.to_string()))
}

/// The names cut from a corpus's titles, and the documents whose titles
/// kept theirs.
#[derive(Default)]
pub struct SiteNames {
    /// Each name cut, once per page.
    cut: Vec<String>,
    /// Indices of the documents whose titles were not cut.
    uncut: Vec<usize>,
    /// The last part of each title not cut, from its last spaced separator
    /// on (`- Rust`), if it has one.
    endings: Vec<String>,
}

impl SiteNames {
    /// Notes document `i`, titled `title`: `name` is what its title lost,
    /// if anything.
    pub fn note(&mut self, i: usize, title: &str, name: Option<String>) {
        match name {
            Some(name) => self.cut.push(name),
            None => {
                self.uncut.push(i);
                let last = SPACED.iter().filter_map(|s| title.rfind(s)).max();
                if let Some(at) = last {
                    self.endings.push(title[at..].trim().to_string());
                }
            }
        }
    }

    /// Cuts, from the titles not cut yet, a name cut from at least
    /// [`MIN_PROVEN`] pages, or a last part that ends at least half the
    /// titles (and [`MIN_COMMON`]), when the title ends with a space and
    /// it; the longest such name first.
    pub fn cut_from<T>(mut self, found: &mut [(Document, T)]) {
        self.cut.sort();
        self.endings.sort();
        let pages = self.cut.len() + self.uncut.len();
        let common = MIN_COMMON.max(pages.div_ceil(2));
        let mut names: Vec<&str> = self
            .cut
            .chunk_by(|a, b| a == b)
            .filter(|run| run.len() >= MIN_PROVEN)
            .chain(
                self.endings
                    .chunk_by(|a, b| a == b)
                    .filter(|run| run.len() >= common),
            )
            .map(|run| run[0].as_str())
            .collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        for &i in &self.uncut {
            let Some((doc, _)) = found.get_mut(i) else {
                continue;
            };
            let title = &doc.title;
            let kept = names.iter().find_map(|name| {
                let head = title.strip_suffix(name)?.strip_suffix(' ')?.trim_end();
                head.chars()
                    .any(char::is_alphanumeric)
                    .then_some(head.len())
            });
            if let Some(len) = kept {
                doc.title.truncate(len);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(titles: &[&str]) -> Vec<(Document, ())> {
        titles
            .iter()
            .map(|t| {
                let doc = Document {
                    id: t.to_string(),
                    title: t.to_string(),
                    body: String::new(),
                    url: None,
                    fields: Vec::new(),
                    anchors: Vec::new(),
                    links: Vec::new(),
                };
                (doc, ())
            })
            .collect()
    }

    #[test]
    fn a_name_cut_from_enough_pages_leaves_the_other_titles() {
        let book = " - The Cargo Book";
        let mut docs = found(&[
            "cargo add - The Cargo Book",
            "Profiles - The Cargo Book",
            "Intro - The Cargo Book",
            "Home - The Cargo Book",
            "Linux - Install - Linux",
            "The Cargo Book",
            " - The Cargo Book",
            "Not - The Cargo Books",
        ]);
        let mut names = SiteNames::default();
        for (i, (doc, _)) in docs.iter_mut().enumerate() {
            // Pages 1 to 3 had the heading rule cut their titles.
            if (1..=3).contains(&i) {
                let (head, name) = doc.title.split_at(doc.title.len() - book.len());
                names.note(i, &doc.title, Some(name.trim().to_string()));
                doc.title = head.to_string();
            } else {
                names.note(i, &doc.title, None);
            }
        }
        names.cut_from(&mut docs);
        let titles: Vec<&str> = docs.iter().map(|(d, _)| d.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "cargo add",
                "Profiles",
                "Intro",
                "Home",
                "Linux - Install - Linux",
                "The Cargo Book",
                " - The Cargo Book",
                "Not - The Cargo Books",
            ]
        );
    }

    #[test]
    fn a_name_cut_from_fewer_pages_stays() {
        let mut docs = found(&["Configure - Linux", "Install"]);
        let mut names = SiteNames::default();
        names.note(0, "Configure - Linux", None);
        names.note(1, "Install", Some("- Linux".into()));
        names.note(2, "Setup", Some("- Linux".into()));
        names.cut_from(&mut docs);
        assert_eq!(docs[0].0.title, "Configure - Linux");
    }

    #[test]
    fn a_name_that_ends_half_the_titles_is_cut_unproven() {
        // rustdoc: no heading starts its title.
        let mut titles: Vec<String> = (0..12)
            .map(|i| format!("Item{i} in std::mod{i} - Rust"))
            .collect();
        titles.extend(["std - Rust", "Rust"].map(String::from));
        titles.extend((0..10).map(|i| format!("Guide {i} | Other")));
        let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
        let mut docs = found(&refs);
        let mut names = SiteNames::default();
        for (i, t) in refs.iter().enumerate() {
            names.note(i, t, None);
        }
        names.cut_from(&mut docs);
        assert_eq!(docs[0].0.title, "Item0 in std::mod0");
        assert_eq!(docs[12].0.title, "std");
        assert_eq!(docs[13].0.title, "Rust");
        // Ten of 24 pages end with `| Other`: fewer than half.
        assert_eq!(docs[14].0.title, "Guide 0 | Other");
    }

    #[test]
    fn the_heading_rule_returns_the_name_as_written() {
        assert_eq!(
            without_site_name("What is Ownership? - The Rust Book", "What Is Ownership?"),
            Some(("What is Ownership?".into(), "- The Rust Book".into()))
        );
        assert_eq!(without_site_name("Docs | Install", "Install"), None);
    }
}
