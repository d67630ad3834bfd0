//! `stats()`: a cold path, so plain serde.

use quarry_core::Index;
use serde::Serialize;
use wasm_bindgen::JsValue;

include!(concat!(env!("OUT_DIR"), "/index_sizes.rs"));

#[derive(Serialize)]
struct Stats {
    documents: u32,
    terms: usize,
    sections: Vec<Section>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Section {
    name: &'static str,
    bytes: usize,
    gzip_bytes: usize,
}

pub fn stats(index: &Index<'_>) -> Result<JsValue, serde_wasm_bindgen::Error> {
    let s = Stats {
        documents: index.doc_count(),
        terms: index.term_count(),
        sections: SECTION_SIZES
            .iter()
            .map(|&(name, bytes, gzip_bytes)| Section {
                name,
                bytes,
                gzip_bytes,
            })
            .collect(),
    };
    s.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
}
