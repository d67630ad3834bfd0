//! Text a site repeats around every page's content, in markup that does
//! not say it is a menu: Node.js's docs list every module, in a plain
//! `<div>`, before each page's heading. Kept, it matches a query in every
//! page (`crypto` showed the list as the snippet of each of its first five
//! results) and adds the same words to every page's length. Lines that
//! more than half of a site's HTML pages hold are cut where they start or
//! end a page's text, before its own heading; the same lines in the
//! middle of a page, such as a table's header repeated under each API
//! entry, are content and stay.

use super::sections;
use crate::document::Document;
use std::collections::HashMap;

/// Fewer pages than this cannot tell a site's frame from its content.
const MIN_PAGES: usize = 10;

/// Cuts the repeated lines from the start and the end of the bodies of
/// the HTML pages `html` (places in `found`), moving their sections'
/// offsets to match. A page whose every line is repeated is left whole.
pub fn cut_from<T>(found: &mut [(Document, T)], html: &[usize]) {
    if html.len() < MIN_PAGES {
        return;
    }
    let cuts: Vec<(usize, usize, usize)> = {
        let mut pages: HashMap<&str, usize> = HashMap::new();
        let mut lines: Vec<&str> = Vec::new();
        for &i in html {
            lines.clear();
            lines.extend(found[i].0.body.lines().map(str::trim));
            lines.sort_unstable();
            lines.dedup();
            for &line in &lines {
                *pages.entry(line).or_default() += 1;
            }
        }
        let repeated = |line: &str| {
            let line = line.trim();
            line.is_empty() || pages.get(line).is_some_and(|&n| 2 * n > html.len())
        };
        html.iter()
            .filter_map(|&i| {
                let (body, title) = (&found[i].0.body, found[i].0.title.trim());
                let parts: Vec<&str> = body.split_inclusive('\n').collect();
                let run = parts.iter().take_while(|l| repeated(l)).count();
                // The page's own heading starts its content, even when the
                // menu before it names the page so (Node.js: `C++ addons`).
                let run = (parts[..run].iter())
                    .rposition(|l| l.trim() == title)
                    .unwrap_or(run);
                let head: usize = parts[..run].iter().map(|l| l.len()).sum();
                let tail: usize = (parts.iter().rev())
                    .take_while(|l| repeated(l))
                    .map(|l| l.len())
                    .sum();
                (head + tail < body.len() && head + tail > 0).then(|| (i, head, body.len() - tail))
            })
            .collect()
    };
    for (i, start, end) in cuts {
        let doc = &mut found[i].0;
        doc.body = sections::cut(&doc.body, start..end, &mut doc.anchors);
    }
}

#[cfg(test)]
mod tests {
    use super::cut_from;
    use crate::document::{Anchor, Document};

    fn page(i: usize, body: String) -> (Document, ()) {
        let doc = Document {
            id: format!("p{i}"),
            title: format!("Page {i}"),
            body,
            url: None,
            fields: Vec::new(),
            anchors: Vec::new(),
            links: Vec::new(),
        };
        (doc, ())
    }

    #[test]
    fn a_menu_every_page_starts_with_is_cut_and_repeated_lines_within_stay() {
        let menu = "Node.js\nAbout this documentation\nCrypto\nPage 3\nWeb Crypto API\n";
        let mut found: Vec<(Document, ())> = (0..12)
            .map(|i| {
                let own = format!("Page {i}\nHistory\nVersion\nChanges\nCrypto\nText {i}.\n");
                page(i, format!("{menu}{own}Edit on GitHub"))
            })
            .collect();
        let at = |s: &str| found[3].0.body.find(s).unwrap() as u32;
        let (changes, in_menu) = (at("Changes"), at("About"));
        found[3].0.anchors.push(Anchor {
            at: in_menu,
            len: 5,
            id: "in-menu".into(),
        });
        found[3].0.anchors.push(Anchor {
            at: changes,
            len: 7,
            id: "changes".into(),
        });
        let html: Vec<usize> = (0..12).collect();
        cut_from(&mut found, &html);
        assert_eq!(
            found[3].0.body,
            "Page 3\nHistory\nVersion\nChanges\nCrypto\nText 3."
        );
        // The section in the content moved with it; the one in the menu went.
        assert_eq!(found[3].0.anchors.len(), 1);
        let a = &found[3].0.anchors[0];
        assert_eq!(a.id, "changes");
        assert_eq!(
            &found[3].0.body[a.at as usize..(a.at + a.len) as usize],
            "Changes"
        );
    }

    #[test]
    fn few_pages_or_pages_of_repeated_lines_only_are_left_whole() {
        let mut found: Vec<(Document, ())> = (0..9)
            .map(|i| page(i, format!("Menu\nHome\nPage {i}")))
            .collect();
        let html: Vec<usize> = (0..9).collect();
        cut_from(&mut found, &html);
        assert_eq!(found[0].0.body, "Menu\nHome\nPage 0");
        let mut found: Vec<(Document, ())> =
            (0..12).map(|_| page(0, "Menu\nHome".to_string())).collect();
        let html: Vec<usize> = (0..12).collect();
        cut_from(&mut found, &html);
        assert_eq!(found[5].0.body, "Menu\nHome");
    }
}
