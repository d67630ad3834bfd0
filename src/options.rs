//! Reads the `options` object of `search` by hand: a few `Reflect` lookups
//! are far cheaper than serde here, and every error names the option.

use js_sys::{Array, Object, Reflect};
use quarry_core::query::parse::date_range;
use quarry_core::query::Filter;
use quarry_core::{SearchOptions, Sort};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/js/hits.js")]
extern "C" {
    /// The common options in one number (layout in js/hits.js), or -1.
    #[wasm_bindgen(js_name = packOptions)]
    fn pack_options(options: &JsValue, max_limit: u32) -> f64;
}

/// The limits as literals, so that each error message is spelled from the
/// same number as the check (`concat!` expands them in place).
macro_rules! max_limit {
    () => {
        1000
    };
}
macro_rules! max_offset {
    () => {
        2147483647
    };
}

/// Most hits one call may ask for.
pub const MAX_LIMIT: usize = max_limit!();

/// `SearchOptions` plus what only the boundary needs.
pub struct Options {
    pub search: SearchOptions,
    pub snippet: bool,
}

const KNOWN: &str = "limit, offset, filters, sort, prefix, fuzzy, partial, snippet";

/// A short description of a value for error messages: `string "ten"`.
pub fn describe(v: &JsValue) -> String {
    if v.is_undefined() {
        return "undefined".into();
    }
    if v.is_null() {
        return "null".into();
    }
    if Array::is_array(v) {
        return "an array".into();
    }
    let kind = v.js_typeof().as_string().unwrap_or_default();
    // JSON.stringify formats numbers in JavaScript, keeping Rust's float
    // formatting out of the .wasm.
    match js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()) {
        Some(text) if kind != "object" => format!("{kind} {text}"),
        _ => kind,
    }
}

fn object_keys(v: &JsValue, what: &str) -> Result<Option<(Object, Vec<String>)>, String> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if !v.is_object() || Array::is_array(v) {
        return Err(format!("{what} must be an object, got {}", describe(v)));
    }
    let obj: Object = v.clone().unchecked_into();
    let keys = Object::keys(&obj)
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    Ok(Some((obj, keys)))
}

fn get(obj: &Object, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

impl Default for Options {
    fn default() -> Self {
        Options {
            search: SearchOptions::default(),
            snippet: true,
        }
    }
}

/// Parses `search`'s options; `undefined` and `null` mean the defaults.
pub fn parse(v: &JsValue) -> Result<Options, String> {
    let packed = pack_options(v, MAX_LIMIT as u32);
    let mut out = if packed >= 0.0 {
        unpack(packed as u64)
    } else {
        parse_object(v)?
    };
    // Only snippets read the matched terms.
    out.search.terms = out.snippet;
    Ok(out)
}

/// Options packed by `packOptions`, already checked there.
fn unpack(n: u64) -> Options {
    let mut out = Options::default();
    let flag = |shift: u32, unset: bool| match (n >> shift) & 3 {
        1 => false,
        2 => true,
        _ => unset,
    };
    let s = &mut out.search;
    s.sort = match n & 3 {
        2 => Sort::DateAsc,
        3 => Sort::DateDesc,
        _ => Sort::Relevance,
    };
    s.prefix = flag(2, s.prefix);
    s.fuzzy = flag(4, s.fuzzy);
    out.snippet = flag(6, out.snippet);
    s.partial = flag(8, s.partial);
    if let Some(limit) = ((n >> 10) & 2047).checked_sub(1) {
        s.limit = limit as usize;
    }
    if let Some(offset) = (n >> 21).checked_sub(1) {
        s.offset = offset as usize;
    }
    out
}

/// Parses an options object the slow way, one property at a time.
fn parse_object(v: &JsValue) -> Result<Options, String> {
    let mut out = Options::default();
    let Some((obj, keys)) = object_keys(v, "search options")? else {
        return Ok(out);
    };
    for key in keys {
        let value = get(&obj, &key);
        if value.is_undefined() {
            continue;
        }
        let s = &mut out.search;
        match key.as_str() {
            "limit" => {
                let what = concat!("a whole number from 0 to ", max_limit!());
                s.limit = whole(&key, &value, MAX_LIMIT, what)?
            }
            "offset" => {
                s.offset = whole(
                    &key,
                    &value,
                    MAX_OFFSET,
                    concat!("a whole number from 0 to ", max_offset!()),
                )?
            }
            "prefix" => s.prefix = boolean(&key, &value)?,
            "fuzzy" => s.fuzzy = boolean(&key, &value)?,
            "partial" => s.partial = boolean(&key, &value)?,
            "snippet" => out.snippet = boolean(&key, &value)?,
            "sort" => s.sort = sort(&value)?,
            "filters" => s.filters = filters(&value)?,
            _ => return Err(format!("unknown option \"{key}\" (known options: {KNOWN})")),
        }
    }
    Ok(out)
}

/// The one form of a bad value's error: `option "limit" must be a whole
/// number from 0 to 1000, got number -1` (one `format!` for all: each
/// costs the `.wasm` its own argument code).
fn must(key: &str, what: &str, v: &JsValue) -> String {
    format!("option \"{key}\" must be {what}, got {}", describe(v))
}

/// Largest `offset`: `usize::MAX >> 1` on wasm32.
const MAX_OFFSET: usize = max_offset!();
#[cfg(target_arch = "wasm32")]
const _: () = assert!(MAX_OFFSET == usize::MAX >> 1);

/// A whole number from 0 to `max`, which `what` says in words.
fn whole(key: &str, v: &JsValue, max: usize, what: &str) -> Result<usize, String> {
    match v.as_f64() {
        Some(n) if n.is_finite() && n.fract() == 0.0 && n >= 0.0 && n <= max as f64 => {
            Ok(n as usize)
        }
        _ => Err(must(key, what, v)),
    }
}

fn boolean(key: &str, v: &JsValue) -> Result<bool, String> {
    v.as_bool().ok_or_else(|| must(key, "true or false", v))
}

fn sort(v: &JsValue) -> Result<Sort, String> {
    match v.as_string().as_deref() {
        Some("relevance") => Ok(Sort::Relevance),
        Some("date") => Ok(Sort::DateAsc),
        Some("-date") => Ok(Sort::DateDesc),
        _ => Err(must("sort", "\"relevance\", \"date\" or \"-date\"", v)),
    }
}

fn filters(v: &JsValue) -> Result<Vec<Filter>, String> {
    let mut out = Vec::new();
    let Some((obj, keys)) = object_keys(v, "option \"filters\"")? else {
        return Ok(out);
    };
    for key in keys {
        let value = get(&obj, &key);
        if value.is_undefined() || value.is_null() {
            continue;
        }
        match key.as_str() {
            "place" => {
                let place =
                    (value.as_string()).ok_or_else(|| must("filters.place", "a string", &value))?;
                out.push(Filter::Place(quarry_core::text::fold(place.trim())));
            }
            "date" => out.push(date_filter(&value)?),
            _ => {
                return Err(format!(
                    "unknown filter \"{key}\" in option \"filters\" (known filters: place, date)"
                ))
            }
        }
    }
    Ok(out)
}

/// `date: "2024"` or `date: { from: "2022-01", to: "2024-12" }`.
fn date_filter(v: &JsValue) -> Result<Filter, String> {
    let bad = |why: String| format!("option \"filters.date\" {why}");
    let text = if let Some(s) = v.as_string() {
        s
    } else {
        let (obj, keys) = object_keys(v, "option \"filters.date\"")?
            .ok_or_else(|| bad("must be a date string or { from, to }".into()))?;
        if let Some(k) = keys.iter().find(|k| *k != "from" && *k != "to") {
            return Err(bad(format!("has unknown key \"{k}\" (known: from, to)")));
        }
        let side = |k: &str, key: &str| -> Result<String, String> {
            let x = get(&obj, k);
            if x.is_undefined() || x.is_null() {
                return Ok(String::new());
            }
            (x.as_string()).ok_or_else(|| must(key, "a string like \"2024-03\"", &x))
        };
        format!(
            "{}..{}",
            side("from", "filters.date.from")?,
            side("to", "filters.date.to")?
        )
    };
    date_range(&text, false).ok_or_else(|| {
        bad(format!(
            "must be dates as YYYY, YYYY-MM or YYYY-MM-DD (month 01-12, day 01-31), \
             from..to with from not after to, got \"{text}\""
        ))
    })
}
