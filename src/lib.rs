//! Quarry's JavaScript API: `search(query, options)` and `stats()` over the
//! index that build.rs compiled from the corpus and embedded here.
//!
//! Hits cross the boundary as document ordinals and scores left in wasm
//! memory; `js/hits.js` turns them into objects from a cache of decoded ids
//! and titles, which is much cheaper than serializing each hit (see
//! ARCHITECTURE.md).

#[cfg(any(target_arch = "wasm32", test))]
mod alloc;
mod engine;
mod object;
mod options;
mod results;
mod stats;

pub use engine::engine;
use wasm_bindgen::prelude::*;

/// Searches the embedded index. Never throws for a query string; throws an
/// `Error` naming the option for invalid options.
#[wasm_bindgen]
pub fn search(query: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let Some(text) = query.as_string() else {
        return Err(JsError::new(&format!(
            "search(query, options): query must be a string, got {}",
            options::describe(&query)
        )));
    };
    let opts = options::parse(&options).map_err(|e| JsError::new(&e))?;
    let index =
        engine().map_err(|e| JsError::new(&format!("Quarry index cannot be opened: {e}")))?;
    Ok(results::run(index, &text, &opts))
}

/// Document and term counts, and each index section's size.
#[wasm_bindgen]
pub fn stats() -> Result<JsValue, JsError> {
    let index =
        engine().map_err(|e| JsError::new(&format!("Quarry index cannot be opened: {e}")))?;
    Ok(stats::stats(index))
}
