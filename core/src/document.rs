//! A document as the corpus readers give it and the index stores it.

/// The value of a metadata field: text (`place`, `date`) or a number.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// A text value.
    Str(String),
    /// A numeric value, from a JSON number.
    Num(f64),
}

impl FieldValue {
    /// The text of a text value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            FieldValue::Str(s) => Some(s),
            FieldValue::Num(_) => None,
        }
    }
}

/// One searchable document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Unique id: a path relative to the corpus root without extension, or
    /// the `id` key of a JSON line.
    pub id: String,
    /// Title, searched with a higher weight than the body.
    pub title: String,
    /// Body text, searched and shown in snippets.
    pub body: String,
    /// Link to the document, if the corpus gives one.
    pub url: Option<String>,
    /// Metadata fields by name, sorted by name.
    pub fields: Vec<(String, FieldValue)>,
    /// Where the body's sections start, in order (HTML pages only).
    pub anchors: Vec<Anchor>,
    /// The ids of the documents this one links to, from links in its
    /// content (HTML and Markdown pages; see `corpus::links`): the index
    /// counts each document's links from other pages.
    pub links: Vec<String>,
}

/// A heading, or a definition with an id (Sphinx's `os.path.join`), where
/// a section of the body starts: results point into long pages with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Byte offset of the heading's text in the body.
    pub at: u32,
    /// Byte length of the heading's text there.
    pub len: u32,
    /// The fragment id that reaches it (`gather` for `#gather`).
    pub id: String,
}

impl Document {
    /// The value of the field `name`, if the document has it.
    pub fn field(&self, name: &str) -> Option<&FieldValue> {
        self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The text of the field `name`, if it is a text value.
    pub fn field_str(&self, name: &str) -> Option<&str> {
        self.field(name).and_then(FieldValue::as_str)
    }
}

/// An id that is a whole number written plainly (`0`, `107416`; not
/// `007` or `+7`) and below 2^32, which the index stores as a number: one
/// such id in every document of a corpus orders the documents by value
/// and keeps each id as its difference from the one before
/// (`index::format`). Larger numbers are kept as text: reading them back
/// would take 64-bit formatting, 350 bytes more of the module's code.
pub fn numeric_id(id: &str) -> Option<u32> {
    let plain = !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
    let canonical = plain && (id == "0" || !id.starts_with('0'));
    canonical.then(|| id.parse().ok()).flatten()
}

/// Sorts `docs` in the index's order: by id, by value when every id is
/// a whole number ([`numeric_id`]), else by bytes.
pub fn sort_by_id(docs: &mut [Document]) {
    if docs.iter().all(|d| numeric_id(&d.id).is_some()) {
        docs.sort_by_cached_key(|d| numeric_id(&d.id));
    } else {
        docs.sort_by(|a, b| a.id.cmp(&b.id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plainly_written_whole_numbers_are_numeric() {
        for (id, want) in [
            ("0", Some(0)),
            ("7", Some(7)),
            ("107416", Some(107_416)),
            ("4294967295", Some(u32::MAX)),
        ] {
            assert_eq!(numeric_id(id), want, "{id}");
        }
        for id in [
            "",
            "007",
            "00",
            "+7",
            "-7",
            "1e3",
            "12a",
            " 1",
            "١٢",
            "4294967296",
        ] {
            assert_eq!(numeric_id(id), None, "{id}");
        }
    }

    fn ids(docs: &[Document]) -> Vec<&str> {
        docs.iter().map(|d| d.id.as_str()).collect()
    }

    fn with_ids(ids: &[&str]) -> Vec<Document> {
        let doc = |id: &&str| Document {
            id: id.to_string(),
            title: String::new(),
            body: String::new(),
            url: None,
            fields: Vec::new(),
            anchors: Vec::new(),
            links: Vec::new(),
        };
        ids.iter().map(doc).collect()
    }

    #[test]
    fn numbers_sort_by_value_and_anything_else_by_bytes() {
        let mut docs = with_ids(&["10", "9", "100", "0"]);
        sort_by_id(&mut docs);
        assert_eq!(ids(&docs), ["0", "9", "10", "100"]);
        // One id that is not a number: every id sorts by bytes.
        let mut docs = with_ids(&["10", "9", "100", "09"]);
        sort_by_id(&mut docs);
        assert_eq!(ids(&docs), ["09", "10", "100", "9"]);
    }
}
