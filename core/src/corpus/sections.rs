//! Where an HTML page's sections start, and the fragment that links to
//! each: a result found deep in a long reference page then points at its
//! section (`os.path.html#os.path.join`), as Pagefind's sub-results do.
//!
//! A section starts at each heading (`<h1>` to `<h6>`) and each definition
//! term with an id (Sphinx's and Javadoc's API entries). Its id is the
//! element's own; else that of an `<a id>` or `<a name>` inside it (older
//! DocBook); else that of the innermost enclosing element not yet claimed
//! by a heading, if the heading opens it: a `<section>` (Sphinx, rustdoc,
//! which puts a version and a source link before the heading), or any
//! element with no text before the heading (DocBook's `<div class="sect1"
//! id>`). A heading with no id starts no section, as in Pagefind: its text
//! stays in the one before it, which is the enclosing one when sections
//! nest. The first `<h1>` is the page's own heading, not a section (rustdoc
//! puts a breadcrumb before it).

use crate::document::Anchor;
use crate::text::head_bytes;
use ego_tree::NodeId;
use scraper::ElementRef;

/// `body` without white space at its ends, with `anchors` moved to match
/// and those left outside it dropped (HTML and Markdown bodies alike).
pub fn trim(body: &str, anchors: &mut Vec<Anchor>) -> String {
    cut(body, 0..body.len(), anchors)
}

/// [`trim`] of `body[range]`: a site's repeated frame cut from a page (see
/// `template`). `range` must fall on character boundaries.
pub fn cut(body: &str, range: std::ops::Range<usize>, anchors: &mut Vec<Anchor>) -> String {
    let part = &body[range.start..range.end];
    let trimmed = part.trim();
    let lead = (range.start + part.len() - part.trim_start().len()) as u32;
    anchors.retain_mut(|a| {
        a.at = a.at.wrapping_sub(lead);
        a.at.checked_add(a.len)
            .is_some_and(|end| end as usize <= trimmed.len())
    });
    trimmed.to_string()
}

/// Longest heading text kept, in bytes: a long signature is cut for the
/// line that shows it.
const MAX_HEADING: usize = 120;

/// An open element with an id.
struct Ided<'h> {
    node: NodeId,
    id: &'h str,
    /// Body length when it opened (white space trimmed).
    at: usize,
    section: bool,
    claimed: bool,
}

/// Collects anchors during the walk over a page's visible text.
#[derive(Default)]
pub struct Sections<'h> {
    anchors: Vec<Anchor>,
    ided: Vec<Ided<'h>>,
    /// The heading being read: its node and its anchor's index.
    open: Option<(NodeId, usize)>,
    /// Whether the page's first `<h1>` has been read.
    h1: bool,
}

impl<'h> Sections<'h> {
    /// Notes an element opening, before its text is appended to `out`
    /// (a heading's on a line of its own: it is a block).
    pub fn open(&mut self, e: ElementRef<'h>, out: &str) {
        let v = e.value();
        let at = out.trim_end().len();
        if let Some(id) = v.attr("id").filter(|id| !id.is_empty()) {
            self.ided.push(Ided {
                node: e.id(),
                id,
                at,
                section: matches!(v.name(), "section" | "article"),
                claimed: false,
            });
        }
        let heading = matches!(v.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        let term = v.name() == "dt" && v.attr("id").is_some();
        if self.open.is_some() || !(heading || term) {
            return;
        }
        let id = self.claim(e, at);
        if v.name() == "h1" && !std::mem::replace(&mut self.h1, true) {
            return;
        }
        let Some(id) = id else {
            return;
        };
        let id = id.to_string();
        self.open = Some((e.id(), self.anchors.len()));
        self.anchors.push(Anchor {
            at: out.len() as u32,
            len: 0,
            id,
        });
    }

    /// Notes an element closing, before the block break after it.
    pub fn close(&mut self, node: NodeId, out: &str) {
        if self.ided.last().is_some_and(|i| i.node == node) {
            self.ided.pop();
        }
        if let Some((_, i)) = self.open.filter(|o| o.0 == node) {
            let a = &mut self.anchors[i];
            let text = out[a.at as usize..].trim_end();
            a.len = head_bytes(text, MAX_HEADING).len() as u32;
            self.open = None;
        }
    }

    /// The anchors found, but those of empty headings.
    pub fn finish(mut self) -> Vec<Anchor> {
        self.anchors.retain(|a| a.len > 0);
        self.anchors
    }

    /// The id for heading `e`, opened at `at` (see the module's comment).
    fn claim(&mut self, e: ElementRef<'h>, at: usize) -> Option<&'h str> {
        if let Some(own) = self.ided.last_mut().filter(|i| i.node == e.id()) {
            own.claimed = true;
            return Some(own.id);
        }
        let inner = e.descendants().filter_map(ElementRef::wrap).find_map(|d| {
            let d = d.value();
            (d.name() == "a").then(|| d.attr("id").or(d.attr("name")))?
        });
        if let Some(id) = inner.filter(|id| !id.is_empty()) {
            return Some(id);
        }
        for i in self.ided.iter_mut().rev() {
            if i.claimed {
                break;
            }
            if i.section || i.at == at {
                i.claimed = true;
                return Some(i.id);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::html::{read, Page};

    /// Each anchor as (heading text, id), read back from the body.
    fn sections(html: &str) -> Vec<(String, String)> {
        let Ok(Page::Doc { doc: d, .. }) = read("x", "x.html", html) else {
            panic!("not a document")
        };
        d.anchors
            .iter()
            .map(|a| {
                let text = &d.body[a.at as usize..(a.at + a.len) as usize];
                (text.to_string(), a.id.clone())
            })
            .collect()
    }

    fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
        want.iter()
            .map(|(t, i)| (t.to_string(), i.to_string()))
            .collect()
    }

    #[test]
    fn sphinx_sections_and_api_entries() {
        let page = "<title>os.path</title><section id=\"os-path\"><h1>os.path<a class=headerlink \
                    href=\"#os-path\">¶</a></h1><p>Intro.</p><dl><dt id=\"os.path.join\">os.path.join(a, \
                    *p)</dt><dd>Joins.</dd></dl><section id=\"notes\"><h2>Notes</h2><h3>Deeper</h3>\
                    <p>Text.</p></section></section>";
        assert_eq!(
            sections(page),
            pairs(&[("os.path.join(a, *p)", "os.path.join"), ("Notes", "notes"),]),
            "the first <h1> is the page's; an id-less heading inside a claimed section starts none"
        );
    }

    #[test]
    fn rustdoc_breadcrumb_heading_and_methods() {
        let page = "<main><section id=main-content><div>std::vec</div><h1>Struct <span>Vec</span></h1>\
                    <p>A vector.</p><h2 id=impls>Implementations</h2><section id=method.push>\
                    <span>1.0.0 · Source</span><h4>pub fn push(&mut self, v: T)<div>where T: Copy</div>\
                    </h4></section><h1 id=second>Another h1</h1></section></main>";
        assert_eq!(
            sections(page),
            pairs(&[
                ("Implementations", "impls"),
                ("pub fn push(&mut self, v: T)\nwhere T: Copy", "method.push"),
                ("Another h1", "second"),
            ])
        );
    }

    #[test]
    fn ids_from_the_heading_a_link_inside_it_or_the_element_it_opens() {
        let page = "<main><h2 id=own>Own</h2><p>a</p><h2><a name=old></a>Named</h2><p>b</p>\
                    <div class=sect1 id=sect><div class=titlepage><h2>DocBook</h2></div><p>c</p></div>\
                    <div id=late><p>text first</p><h2>Not opening</h2></div>\
                    <section id=method.push><span>1.0.0 · Source</span><h4>pub fn push</h4></section>\
                    <h2 id=empty><a href=\"#empty\">§</a></h2></main>";
        assert_eq!(
            sections(page),
            pairs(&[
                ("Own", "own"),
                ("Named", "old"),
                ("DocBook", "sect"),
                ("pub fn push", "method.push"),
            ]),
            "a div is claimed only by a heading that opens it; empty headings are dropped"
        );
    }

    #[test]
    fn a_heading_after_inline_text_starts_its_own_line() {
        let Ok(Page::Doc { doc: d, .. }) =
            read("x", "x.html", "<main>lead<h2 id=h>Head</h2>tail</main>")
        else {
            panic!()
        };
        assert_eq!(d.body, "lead\nHead\ntail");
        assert_eq!((d.anchors[0].at, d.anchors[0].len), (5, 4));
    }

    #[test]
    fn long_headings_are_cut_at_a_character() {
        let long = "é".repeat(100);
        let got = sections(&format!("<main><p>x</p><dt id=d>{long}</dt></main>"));
        assert_eq!(got[0].0.len(), super::MAX_HEADING);
        assert!(got[0].0.chars().all(|c| c == 'é'));
    }
}
