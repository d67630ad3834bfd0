//! Where a hit is shown from: its snippet, and the section of the page
//! that holds it.

use crate::index::Index;
use crate::snippet::{Matcher, Snippet};

/// A hit's snippet and its section (heading text, fragment id), if any.
pub type Place<'a> = (Snippet, Option<(&'a str, &'a str)>);

/// The place of document `doc` for the query `m` stands for: the snippet's
/// window, in the section it lies in. But with two clauses or more, the
/// first section whose heading holds them all wins over a window
/// elsewhere: for `json.dumps`, the entry `json.dumps(obj, …)`, though the
/// page's first lines name json and dumps too. An API entry named by the
/// query is where its reader wants to land.
pub fn place<'a, T: AsRef<str>>(index: &Index<'a>, doc: u32, m: &Matcher<'_, T>) -> Place<'a> {
    let body = index.body(doc).unwrap_or("");
    let headings = index.headings(doc);
    let all = m.all();
    let named = (all.count_ones() >= 2)
        .then(|| headings.iter().find(|h| m.clauses_in(h.1) == all))
        .flatten();
    if let Some(&(at, heading, id)) = named {
        let mut s = m.snippet(&body[at..]);
        s.at += at;
        return (s, Some((heading, id)));
    }
    let s = m.snippet(body);
    let section = headings.iter().take_while(|h| h.0 <= s.at).last();
    (s, section.map(|&(_, heading, id)| (heading, id)))
}
