//! JSON lines: one object a line with `id` (a string, or an integer as
//! databases export them), `title` and `body` (strings, required), `url`
//! (string, optional) and any other keys as fields: strings and numbers as
//! they are, `true` / `false` as text, a list of those as `a, b` (as in
//! Markdown front matter); a nested object has no flat value and is left
//! out. Blank lines are allowed; `null` values are ignored.

use super::{list_text, CorpusError};
use crate::document::{Document, FieldValue};
use serde_json::{Map, Value};
use std::path::Path;

/// Reads every document of a `.jsonl` file, each with its 1-based line and
/// the length of that line in bytes.
pub fn read(path: &Path, text: &str) -> Result<Vec<(Document, usize, usize)>, CorpusError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let obj: Map<String, Value> =
            serde_json::from_str(line).map_err(|e| CorpusError::Json {
                path: path.to_path_buf(),
                line: line_no,
                detail: e.to_string(),
            })?;
        out.push((document(path, line_no, obj)?, line_no, line.len()));
    }
    Ok(out)
}

fn document(path: &Path, line: usize, obj: Map<String, Value>) -> Result<Document, CorpusError> {
    let wrong = |key: &str, expected| CorpusError::WrongType {
        path: path.to_path_buf(),
        line,
        key: key.to_string(),
        expected,
    };
    let required = |key: &'static str| -> Result<String, CorpusError> {
        match obj.get(key) {
            None | Some(Value::Null) => Err(CorpusError::MissingKey {
                path: path.to_path_buf(),
                line,
                key,
            }),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(wrong(key, "a string")),
        }
    };
    let id = match obj.get("id") {
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
        Some(Value::String(_) | Value::Null) | None => required("id")?,
        Some(_) => return Err(wrong("id", "a string or an integer")),
    };
    if id.is_empty() {
        return Err(wrong("id", "a non-empty string"));
    }
    let title = required("title")?;
    let body = required("body")?;
    let url = match obj.get("url") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(wrong("url", "a string")),
    };
    let mut fields = Vec::new();
    for (key, value) in &obj {
        if matches!(key.as_str(), "id" | "title" | "body" | "url") {
            continue;
        }
        let v = match value {
            Value::Null => continue,
            Value::Number(n) => FieldValue::Num(n.as_f64().unwrap_or(0.0)),
            Value::Array(items) => {
                match items.iter().map(scalar_text).collect::<Option<Vec<_>>>() {
                    Some(items) => FieldValue::Str(list_text(items)),
                    // A list holding a list or an object has no flat text.
                    None => continue,
                }
            }
            // Nor has an object.
            _ => match scalar_text(value) {
                Some(text) => FieldValue::Str(text),
                None => continue,
            },
        };
        fields.push((key.clone(), v));
    }
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Document {
        id,
        title,
        body,
        url,
        fields,
        anchors: Vec::new(),
        links: Vec::new(),
    })
}

/// A string, number, boolean or null as text (null as none); `None` for a
/// list or an object, which has no flat text.
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => Some(String::new()),
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Array(_) | Value::Object(_) => None,
    }
}
