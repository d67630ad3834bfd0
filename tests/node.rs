//! The wasm API tests under Node (ES modules, so that the JS snippet in
//! js/hits.js loads).
#![cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_node_experimental);
mod common;
