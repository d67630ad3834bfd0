//! Runs a search and hands the page of hits to `js/hits.js` in one buffer
//! of wasm memory that JavaScript reads in place (no typed array is made
//! per call); document metadata crosses once per document, then stays
//! cached on the JavaScript side.

use crate::object::object;
use crate::options::Options;
use quarry_core::place::place;
use quarry_core::search::{identifier, Facets};
use quarry_core::snippet::Matcher;
use quarry_core::text::normalize::fold;
use quarry_core::{search, FieldValue, Index};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/hits.js")]
extern "C" {
    #[wasm_bindgen(js_name = cacheDoc)]
    fn cache_doc(ord: u32, id: &str, title: &str, url: Option<String>, fields: JsValue);
    #[wasm_bindgen(js_name = setMemory)]
    fn set_memory(memory: JsValue);
    /// `page` is the byte address of the page's words (layout in `run`).
    #[wasm_bindgen(js_name = makeResult)]
    fn make_result(
        total: u32,
        hits: u32,
        page: u32,
        snippets: Option<String>,
        suggestion: Option<String>,
        facets: JsValue,
        partial: bool,
    ) -> JsValue;
}

thread_local! {
    /// Which documents' metadata JavaScript already holds.
    static SENT: RefCell<Vec<bool>> = const { RefCell::new(Vec::new()) };
    /// The page handed to JavaScript, reused by every call.
    static PAGE: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// A document's fields as one object, in stored order.
fn fields(fields: &[(&str, FieldValue)]) -> JsValue {
    object(fields.iter().map(|(k, v)| {
        let v = match v {
            FieldValue::Str(s) => JsValue::from_str(s),
            FieldValue::Num(x) => JsValue::from_f64(*x),
        };
        (k, v)
    }))
}

/// Facets as `{ field: { value: count } }`.
fn facets(facets: &Facets) -> JsValue {
    object(facets.iter().map(|(field, counts)| {
        let counts = object(counts.iter().map(|&(v, n)| (v, JsValue::from(n))));
        (field, counts)
    }))
}

fn send_doc(index: &Index<'_>, ord: u32) {
    SENT.with(|sent| {
        let mut sent = sent.borrow_mut();
        if sent.len() < index.doc_count() as usize {
            sent.resize(index.doc_count() as usize, false);
        }
        let Some(seen) = sent.get_mut(ord as usize) else {
            return;
        };
        if *seen {
            return;
        }
        let Some(d) = index.doc(ord) else { return };
        cache_doc(
            ord,
            &d.id,
            d.title,
            d.url.map(str::to_string),
            fields(&d.fields),
        );
        *seen = true;
    });
}

/// `s` with each run of white space as one space, trimmed (a heading may
/// hold blocks: rustdoc's `where` clause).
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Searches and builds the JavaScript result object.
pub fn run(index: &Index<'_>, text: &str, opts: &Options) -> JsValue {
    static MEMORY: std::sync::Once = std::sync::Once::new();
    MEMORY.call_once(|| set_memory(wasm_bindgen::memory()));
    let r = search(index, text, &opts.search);
    let n = r.hits.len();
    for h in &r.hits {
        send_doc(index, h.doc);
    }
    // Layout, in 32-bit words: n ordinals, n scores (f32 bits), and with
    // snippets n snippet ends (UTF-16 units), then per hit the ends of its
    // section's heading and id, which follow the snippets in the text,
    // then per hit three lists of marks, each a count and that many start,
    // end pairs: in its snippet, its title and its section's heading.
    PAGE.with(|page| {
        let mut page = page.borrow_mut();
        page.clear();
        page.extend(r.hits.iter().map(|h| h.doc));
        page.extend(r.hits.iter().map(|h| h.score.to_bits()));
        let mut all_text = String::new();
        if opts.snippet {
            let stem = index.stemmer();
            let matcher = Matcher::new(&r.terms, &r.term_clauses, &stem);
            let typed = fold(text.trim());
            let name = identifier(text);
            let name = name.as_ref().map(|n| n.0.as_str());
            let mut highlights = Vec::new();
            let mut places = Vec::with_capacity(2 * n);
            let mut units = 0u32;
            for h in &r.hits {
                let (s, section) = place(index, h.doc, &matcher, &typed, name);
                units += s.text.encode_utf16().count() as u32;
                all_text.push_str(&s.text);
                page.push(units);
                let (heading, id) = section.unwrap_or_default();
                let heading = one_line(heading);
                let title = index.title(h.doc).unwrap_or("");
                for marks in [s.highlights, matcher.marks(title), matcher.marks(&heading)] {
                    highlights.push(marks.len() as u32);
                    highlights.extend(marks.into_iter().flat_map(|(a, b)| [a, b]));
                }
                places.extend([heading, id.to_string()]);
            }
            for part in &places {
                units += part.encode_utf16().count() as u32;
                all_text.push_str(part);
                page.push(units);
            }
            page.extend(highlights);
        }
        let facets = if r.facets.is_empty() {
            JsValue::UNDEFINED
        } else {
            facets(&r.facets)
        };
        make_result(
            r.total as u32,
            n as u32,
            page.as_ptr() as u32,
            opts.snippet.then_some(all_text),
            r.suggestion,
            facets,
            r.partial,
        )
    })
}
