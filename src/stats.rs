//! `stats()`: document and term counts and the index's section sizes.

use crate::object::object;
use quarry_core::Index;
use wasm_bindgen::JsValue;

include!(concat!(env!("OUT_DIR"), "/index_sizes.rs"));

/// `{ documents, terms, sections: [{ name, bytes, gzipBytes }] }`.
pub fn stats(index: &Index<'_>) -> JsValue {
    let sections: js_sys::Array = SECTION_SIZES
        .iter()
        .map(|&(name, bytes, gzip_bytes)| {
            object([
                ("name", JsValue::from_str(name)),
                ("bytes", JsValue::from(bytes as f64)),
                ("gzipBytes", JsValue::from(gzip_bytes as f64)),
            ])
        })
        .collect();
    object([
        ("documents", JsValue::from(index.doc_count())),
        ("terms", JsValue::from(index.term_count() as f64)),
        ("sections", sections.into()),
    ])
}
