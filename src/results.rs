//! Runs a search and hands the page of hits to `js/hits.js` as typed
//! arrays; document metadata crosses once per document, then stays cached
//! on the JavaScript side.

use crate::object::object;
use crate::options::Options;
use quarry_core::search::Facets;
use quarry_core::{search, snippet, FieldValue, Index};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/hits.js")]
extern "C" {
    #[wasm_bindgen(js_name = cacheDoc)]
    fn cache_doc(ord: u32, id: &str, title: &str, url: Option<String>, fields: JsValue);
    #[wasm_bindgen(js_name = makeResult)]
    fn make_result(
        total: u32,
        ords: &[u32],
        scores: &[f32],
        snippets: Option<String>,
        snippet_ends: &[u32],
        highlights: &[u32],
        suggestion: Option<String>,
        facets: JsValue,
    ) -> JsValue;
}

thread_local! {
    /// Which documents' metadata JavaScript already holds.
    static SENT: RefCell<Vec<bool>> = const { RefCell::new(Vec::new()) };
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
        let counts = object(counts.iter().map(|(v, &n)| (v, JsValue::from(n))));
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

/// Searches and builds the JavaScript result object.
pub fn run(index: &Index<'_>, text: &str, opts: &Options) -> JsValue {
    let r = search(index, text, &opts.search);
    let ords: Vec<u32> = r.hits.iter().map(|h| h.doc).collect();
    let scores: Vec<f32> = r.hits.iter().map(|h| h.score).collect();
    for &ord in &ords {
        send_doc(index, ord);
    }
    let mut all_text = String::new();
    let mut ends = Vec::with_capacity(ords.len());
    let mut highlights = Vec::new();
    let mut units = 0u32;
    if opts.snippet {
        for &ord in &ords {
            let s = snippet(index.body(ord).unwrap_or(""), &r.terms, &index.stemmer());
            units += s.text.encode_utf16().count() as u32;
            all_text.push_str(&s.text);
            ends.push(units);
            highlights.push(s.highlights.len() as u32);
            for (a, b) in s.highlights {
                highlights.extend([a, b]);
            }
        }
    }
    make_result(
        r.total as u32,
        &ords,
        &scores,
        opts.snippet.then_some(all_text),
        &ends,
        &highlights,
        r.suggestion,
        facets(&r.facets),
    )
}
