//! A document's stored metadata, read from the index bytes on demand: its
//! fields, title and body, and its sections' headings.

use super::Index;
use super::StoredDoc;
use crate::document::FieldValue;
use crate::index::column::Column;
use crate::index::varint::Reader;

impl<'a> Index<'a> {
    /// A document's stored metadata, or `None` if out of range or corrupt.
    pub fn doc(&self, doc: u32) -> Option<StoredDoc<'a>> {
        let id = self.id(doc)?;
        let title = self.title(doc)?;
        let mut r = Reader::new(self.fields.get(doc)?);
        let url = Some(r.get_str()?).filter(|u| !u.is_empty());
        let n = r.get_u32()?;
        let mut fields = Vec::with_capacity(n.min(16) as usize);
        for _ in 0..n {
            let name = *self.field_names.get(r.get()? as usize)?;
            let kind = r.get_u8()?;
            let raw = r.get_bytes()?;
            let value = match kind {
                0 => FieldValue::Str(std::str::from_utf8(raw).ok()?.to_string()),
                1 => FieldValue::Num(f64::from_le_bytes(raw.try_into().ok()?)),
                _ => return None,
            };
            fields.push((name, value));
        }
        Some(StoredDoc {
            id,
            title,
            url,
            fields,
        })
    }

    /// A document's sections, in body order: byte offset, heading text,
    /// fragment id (the writer keeps none for the page's own heading).
    /// Corrupt bytes end the list.
    pub fn headings(&self, doc: u32) -> Vec<(usize, &'a str, &'a str)> {
        let mut out = Vec::new();
        self.any_heading(doc, |at, heading, id| {
            out.push((at, heading, id));
            false
        });
        out
    }

    /// Whether `f` holds for one of a document's sections (see
    /// [`Index::headings`]), read in order only until it does: a reference
    /// page has thousands (rustdoc's `Result` has 2,700).
    pub fn any_heading(
        &self,
        doc: u32,
        mut f: impl FnMut(usize, &'a str, &'a str) -> bool,
    ) -> bool {
        // Each heading's bytes are checked, not the whole body: a page
        // of 150 KB is read for every hit rescored by its headings.
        let (Some(entry), Some(body)) = (self.fields.get(doc), self.text.get(doc)) else {
            return false;
        };
        let mut r = Reader::new(entry);
        let mut read = || {
            r.get_bytes()?;
            for _ in 0..r.get_u32()? {
                r.get()?;
                r.get_u8()?;
                r.get_bytes()?;
            }
            let mut start = 0usize;
            for _ in 0..r.get().unwrap_or(0) {
                start = start.checked_add(r.get()? as usize)?;
                let (len, id) = (r.get()? as usize, r.get_str()?);
                let heading =
                    std::str::from_utf8(body.get(start..start.checked_add(len)?)?).ok()?;
                if f(start, heading, id) {
                    return Some(true);
                }
            }
            Some(false)
        };
        read() == Some(true)
    }

    /// The section of a document's body that byte `at` lies in, as its
    /// heading's text and fragment id.
    pub fn section(&self, doc: u32, at: usize) -> Option<(&'a str, &'a str)> {
        let h = self.headings(doc);
        let (_, heading, id) = h.iter().take_while(|h| h.0 <= at).last()?;
        Some((heading, id))
    }

    /// Whether any document has sections (see [`Index::headings`]).
    pub fn has_sections(&self) -> bool {
        self.has_sections
    }

    /// Whether any document has a field of this name.
    pub fn has_field(&self, name: &str) -> bool {
        self.field_names.contains(&name)
    }

    /// The string field `name` of every document as a column, built the
    /// first time it is asked for; `None` if no document has the field.
    pub fn column(&self, name: &str) -> Option<&Column<'a>> {
        let i = self.field_names.iter().position(|f| *f == name)?;
        let docs = 0..self.doc_count;
        Some(
            self.columns
                .get(i)?
                .get_or_init(|| Column::new(docs.map(|d| self.field_str(d, name)))),
        )
    }

    /// A string field of a document, without decoding the others' values.
    pub fn field_str(&self, doc: u32, name: &str) -> Option<&'a str> {
        let mut r = Reader::new(self.fields.get(doc)?);
        r.get_bytes()?;
        for _ in 0..r.get_u32()? {
            let field = *self.field_names.get(r.get()? as usize)?;
            let kind = r.get_u8()?;
            let raw = r.get_bytes()?;
            if field == name {
                return if kind == 0 {
                    std::str::from_utf8(raw).ok()
                } else {
                    None
                };
            }
        }
        None
    }

    /// A document's body text.
    pub fn body(&self, doc: u32) -> Option<&'a str> {
        std::str::from_utf8(self.text.get(doc)?).ok()
    }
}
