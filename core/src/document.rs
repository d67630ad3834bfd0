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
