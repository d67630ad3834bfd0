//! Plain JavaScript objects built by `Reflect.set`: the few result shapes
//! that are objects (fields, facets, stats) need nothing more, and serde's
//! serializer cost about 2 KB of gzipped code.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// An object with these properties, in this order.
pub fn object<K: AsRef<str>>(entries: impl IntoIterator<Item = (K, JsValue)>) -> JsValue {
    let o = Object::new();
    for (k, v) in entries {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&o, &JsValue::from_str(k.as_ref()), &v);
    }
    o.into()
}
