//! Where a hit is shown from: its snippet, and the section of the page
//! that holds it.

use crate::index::Index;
use crate::named::id_names;
use crate::snippet::{Matcher, Snippet, HEAD};
use crate::text::normalize::fold;

/// A hit's snippet and its section (heading text, fragment id), if any.
pub type Place<'a> = (Snippet, Option<(&'a str, &'a str)>);

/// The place of document `doc` for the query `m` stands for: for a query
/// that is an identifier, the entry whose fragment id names it; else the
/// first section whose heading holds every clause of the query, else the
/// snippet's window, found again within the section it lies in, so that
/// the snippet shows no other section's text. A heading named by the
/// query wins over a window elsewhere, even where the page's first lines
/// name the same words (`str.split` lands on `str.split(sep=None, …)`):
/// an API entry is where its reader wants to land. With one clause, or a
/// title holding them all, the page's first lines naming them keep the
/// window there (`path` on the `os.path` page is about the page, not
/// `os.path.abspath(path)`).
///
/// Among the headings holding every clause, the first that holds the query
/// as typed (`typed`, folded) wins: stems make `json.dump(obj, fp, …)`
/// hold `json.dumps`, whose own entry comes after it. `name` is the
/// identifier the query is, if it is one ([`crate::search::identifier`]).
pub fn place<'a, T: AsRef<str>>(
    index: &Index<'a>,
    doc: u32,
    m: &Matcher<'_, T>,
    typed: &str,
    name: Option<&str>,
) -> Place<'a> {
    let body = index.body(doc).unwrap_or("");
    let headings = index.headings(doc);
    // An identifier lands on the entry whose id it is, or ends
    // (`PyConfig.quiet` on `c.PyConfig.quiet`, shown as `int quiet`), typed
    // whole or as words (`list sort` on `list.sort`); else, on a page of
    // the owner, on the member's (`Iterator::map` on `Iterator in
    // std::iter`, at `method.map`).
    if let Some(name) = name {
        let entry = |id: &str| headings.iter().find(|h| id_names(h.2, id));
        let entry = entry(name).or_else(|| {
            let title = index.title(doc)?;
            entry(crate::named::member_on_page(title, name)?)
        });
        if let Some(&(at, heading, id)) = entry {
            return (within(m, body, &headings, at), Some((heading, id)));
        }
    }
    let all = m.all(true);
    // One clause, or a title holding every clause (`child process` on the
    // page `Child process`, whose entries say `child_process`): the window
    // stays where the page's first lines name them, else the first heading
    // holding them is the definition.
    let about_page = all.count_ones() < 2 || index.title(doc).is_some_and(|t| m.holds_all(t));
    let first = about_page.then(|| m.snippet(body));
    if first.as_ref().is_none_or(|s| s.at >= HEAD) {
        let holding: Vec<_> = headings.iter().filter(|h| m.holds_all(h.1)).collect();
        // As typed, whatever joins its words: `json dumps` names
        // `json.dumps(obj, …)`. Bytes: ASCII joiners, and no `str` pattern.
        let loose = |t: &str| -> Vec<u8> {
            t.bytes()
                .map(|b| {
                    if matches!(b, b'.' | b'_' | b':') {
                        b' '
                    } else {
                        b
                    }
                })
                .collect()
        };
        let typed = loose(typed);
        let named = holding.iter().find(|h| {
            let heading = loose(&fold(h.1));
            typed.is_empty() || heading.windows(typed.len()).any(|w| w == typed)
        });
        if let Some(&&(at, heading, id)) = named.or(holding.first()) {
            return (within(m, body, &headings, at), Some((heading, id)));
        }
    }
    let s = first.unwrap_or_else(|| m.snippet(body));
    match headings.iter().take_while(|h| h.0 <= s.at).last() {
        // The window may run into the next section or start in the one
        // before: it is found again within its own.
        Some(&(at, heading, id)) => (within(m, body, &headings, at), Some((heading, id))),
        // Before the first section: up to it, unless that is one line, the
        // page's own heading alone (`cargo-add(1)` before `NAME`).
        None if headings
            .first()
            .and_then(|h| body.get(..h.0))
            .is_some_and(|top| top.trim().contains('\n')) =>
        {
            (within(m, body, &headings, 0), None)
        }
        None => (s, None),
    }
}

/// Text a section shows of its own, in bytes, at least: a shorter one runs
/// on into the sections after it (rustdoc's `impl` blocks, whose text is a
/// `Source` link before their first method's heading), shown from after
/// its heading, which the result shows above the snippet.
const MIN_SECTION_TEXT: usize = 40;

/// The snippet of the section starting at byte `at`: up to the next heading
/// after [`MIN_SECTION_TEXT`] of text.
fn within<T: AsRef<str>>(
    m: &Matcher<'_, T>,
    body: &str,
    headings: &[(usize, &str, &str)],
    at: usize,
) -> Snippet {
    let own = |h: &(usize, &str, &str)| h.0 + h.1.len();
    let after = headings.iter().find(|h| h.0 == at).map_or(at, own);
    let mut text = after;
    let mut next = headings.iter().filter(|h| h.0 > at);
    let first = next.clone().next().map(|h| h.0);
    let end = next
        .find(|h| {
            let long = body
                .get(text..h.0)
                .is_some_and(|t| t.trim().len() >= MIN_SECTION_TEXT);
            text = text.max(own(h));
            long
        })
        .map_or(body.len(), |h| h.0);
    let at = if end == first.unwrap_or(body.len()) {
        at
    } else {
        after
    };
    let section = &body[at..end];
    let at = at + (section.len() - section.trim_ascii_start().len());
    let mut s = m.snippet(section.trim_ascii());
    s.at += at;
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_of_a_link_alone_runs_on_into_the_next() {
        let body = "impl FromIterator for HashMap\nSource\n\
            fn from_iter(iter) -> HashMap\nConstructs a map from an iterator of key and value pairs.\n\
            fn other()\nText.";
        let heading = |h: &'static str, id: &'static str| (body.find(h).unwrap(), h, id);
        let headings = [
            heading("impl FromIterator for HashMap", "impl-FromIterator"),
            heading("fn from_iter(iter) -> HashMap", "method.from_iter"),
            heading("fn other()", "method.other"),
        ];
        let terms = ["pair"];
        let stem = |w: &mut String| {
            if w == "pairs" {
                w.pop();
            }
        };
        let m = Matcher::new(&terms, &[], &stem);
        // Shown from after its heading, which the result shows above it.
        let short = within(&m, body, &headings, headings[0].0);
        assert!(
            short.text.starts_with("Source fn from_iter(iter)"),
            "{:?}",
            short.text
        );
        assert!(short.text.contains("value pairs."), "{:?}", short.text);
        assert!(!short.text.contains("Text."), "{:?}", short.text);
        assert_eq!(&body[short.at..short.at + 5], "pairs");
        // A section with text of its own stays within it, its heading first.
        let long = within(&m, body, &headings, headings[1].0);
        assert!(
            long.text
                .starts_with("fn from_iter(iter) -> HashMap Constructs"),
            "{:?}",
            long.text
        );
        assert!(!long.text.contains("other"), "{:?}", long.text);
    }
}
