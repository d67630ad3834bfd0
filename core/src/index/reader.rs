//! Opens index bytes in place: the header and a few counts are read at
//! open; every other lookup decodes on demand from the borrowed bytes.

mod postings;
mod stored;
mod table;

use super::answers::Answers;
use super::bits;
use super::column::Column;
use super::dict::{Dictionary, StemOf};
use super::format::{decode_norm, read_header, split_value, FormatError, KeyKind, SectionEntry};
use super::trie::DF_SHIFT;
use super::varint::Reader;
use crate::document::FieldValue;
use crate::text::stem;
pub use postings::{Posting, Postings};
use std::sync::OnceLock;
use table::Table;

/// An opened index borrowing its bytes.
pub struct Index<'a> {
    sections: Vec<SectionEntry>,
    /// Whether any document has sections (headings with ids).
    has_sections: bool,
    /// Whether `ids` holds numbers (see `format`).
    numeric_ids: bool,
    doc_count: u32,
    term_count: usize,
    avg_title: f32,
    avg_body: f32,
    field_names: Vec<&'a str>,
    terms: Dictionary,
    postings: &'a [u8],
    norms: &'a [u8],
    ids: Table<'a>,
    titles: Table<'a>,
    fields: Table<'a>,
    text: Table<'a>,
    /// Per document, the documents linking to it (see `format`); empty
    /// when none links to any.
    links: &'a [u8],
    /// The stored first pages of the costliest one-word queries.
    answers: Answers<'a>,
    /// Per field name, its column once a query has needed it.
    columns: Vec<OnceLock<Column<'a>>>,
}

/// Where a term's postings start.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TermInfo {
    /// Number of documents containing the term.
    pub df: u32,
    /// The bit where the list starts in `postings`.
    postings_at: u32,
}

/// A stored document's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDoc<'a> {
    /// The document id.
    pub id: String,
    /// The title.
    pub title: &'a str,
    /// The url, if any.
    pub url: Option<&'a str>,
    /// Fields by name.
    pub fields: Vec<(&'a str, FieldValue)>,
}

fn corrupt(section: &'static str, why: impl Into<String>) -> FormatError {
    FormatError::Corrupt {
        section,
        why: why.into(),
    }
}

impl<'a> Index<'a> {
    /// Opens `bytes`, checking magic, version, the section table and the
    /// small `meta` section. Never panics on malformed input.
    pub fn open(bytes: &'a [u8]) -> Result<Self, FormatError> {
        let sections = read_header(bytes)?;
        let get = |name: &'static str| -> Result<&'a [u8], FormatError> {
            let s = sections
                .iter()
                .find(|s| s.name == name)
                .ok_or(FormatError::MissingSection(name))?;
            Ok(&bytes[s.offset..s.offset + s.len])
        };
        let mut meta = Reader::new(get("meta")?);
        let bad_meta = || corrupt("meta", "counts do not decode");
        let doc_count = meta.get_u32().ok_or_else(bad_meta)?;
        let total_title = meta.get().ok_or_else(bad_meta)?;
        let total_body = meta.get().ok_or_else(bad_meta)?;
        let term_count = meta.get().ok_or_else(bad_meta)? as usize;
        let n_fields = meta.get_u32().ok_or_else(bad_meta)?;
        let mut field_names = Vec::new();
        for _ in 0..n_fields {
            field_names.push(
                meta.get_str()
                    .ok_or_else(|| corrupt("meta", "field name"))?,
            );
        }
        let has_sections = meta.get().ok_or_else(bad_meta)? > 0;
        let numeric_ids = meta.get().ok_or_else(bad_meta)? > 0;
        let postings = get("postings")?;
        let terms = Dictionary::open(get("terms")?, postings.len() as u64, doc_count)
            .map_err(|why| corrupt("terms", why))?;
        let norms = get("norms")?;
        if norms.len() != 2 * doc_count as usize {
            return Err(corrupt(
                "norms",
                format!("{} bytes for {doc_count} documents", norms.len()),
            ));
        }
        let ids = Table::open(get("ids")?, doc_count, "ids")?;
        let titles = Table::open(get("titles")?, doc_count, "titles")?;
        let fields = Table::open(get("fields")?, doc_count, "fields")?;
        let text = Table::open(get("text")?, doc_count, "text")?;
        let links = get("links")?;
        if !links.is_empty() && links.len() != doc_count as usize {
            return Err(corrupt(
                "links",
                format!("{} bytes for {doc_count} documents", links.len()),
            ));
        }
        let answers =
            Answers::open(get("answers")?, doc_count).map_err(|why| corrupt("answers", why))?;
        let avg = |total: u64| (total as f64 / f64::from(doc_count.max(1))).max(1.0) as f32;
        Ok(Index {
            doc_count,
            term_count,
            avg_title: avg(total_title),
            avg_body: avg(total_body),
            field_names,
            terms,
            postings,
            norms,
            ids,
            titles,
            fields,
            text,
            links,
            answers,
            sections,
            has_sections,
            numeric_ids,
            columns: (0..n_fields).map(|_| OnceLock::new()).collect(),
        })
    }

    /// Number of documents.
    pub fn doc_count(&self) -> u32 {
        self.doc_count
    }

    /// Number of distinct terms (stems; aliases are not counted).
    pub fn term_count(&self) -> usize {
        self.term_count
    }

    /// The section table, for size reports.
    pub fn sections(&self) -> &[SectionEntry] {
        &self.sections
    }

    /// Average title and body lengths, in tokens.
    pub fn avg_lengths(&self) -> (f32, f32) {
        (self.avg_title, self.avg_body)
    }

    /// A document's title: the start of its body, or stored apart.
    pub fn title(&self, doc: u32) -> Option<&'a str> {
        let entry = self.titles.get(doc)?;
        let mut r = Reader::new(entry);
        match usize::try_from(r.get()?).ok()? {
            0 => std::str::from_utf8(entry.get(r.pos()..)?).ok(),
            // Only the title's bytes are checked, not the whole body.
            len => std::str::from_utf8(self.text.get(doc)?.get(..len)?).ok(),
        }
    }

    /// A document's id, rebuilt from its block's front-coded ids.
    pub fn id(&self, doc: u32) -> Option<String> {
        // One walk for both kinds: a second would be a second copy of the
        // table's code in the module.
        let (mut id, mut number) = (Vec::new(), 0u32);
        self.ids.each_to(doc, |entry| {
            let mut r = Reader::new(entry);
            let v = r.get()?;
            if self.numeric_ids {
                number = number.checked_add(u32::try_from(v).ok()?)?;
                return Some(());
            }
            let shared = usize::try_from(v).ok()?;
            if shared > id.len() {
                return None;
            }
            id.truncate(shared);
            id.extend_from_slice(entry.get(r.pos()..)?);
            Some(())
        })?;
        if self.numeric_ids {
            // Through `Display`, which the module has anyway: `to_string`
            // of an integer is code of its own.
            return Some(format!("{number}"));
        }
        String::from_utf8(id).ok()
    }

    /// The dictionary of terms and aliases, for prefix and fuzzy expansion;
    /// [`Index::entry`] reads its values.
    pub fn dictionary(&self) -> &Dictionary {
        &self.terms
    }

    /// Replaces a folded word with its stem as the writer made it: read
    /// from the dictionary when the word is written in the corpus, one
    /// lookup instead of the Snowball stemmer's four thousand instructions,
    /// else from the stemmer.
    pub fn stem_in_place(&self, word: &mut String) {
        if !stem::is_stemmable(word) {
            return;
        }
        match self.terms.stem_of(word.as_bytes()) {
            Some(StemOf::Itself) => {}
            Some(StemOf::Key(key)) => match String::from_utf8(key) {
                Ok(key) => *word = key,
                Err(_) => stem::stem_in_place(word),
            },
            None => stem::stem_in_place(word),
        }
    }

    /// The stem of a folded word (see [`Index::stem_in_place`]).
    pub fn stem(&self, word: &str) -> String {
        let mut s = word.to_string();
        self.stem_in_place(&mut s);
        s
    }

    /// [`Index::stem_in_place`] as a function, for the text pipeline.
    pub fn stemmer(&self) -> impl Fn(&mut String) + use<'_, 'a> {
        |word| self.stem_in_place(word)
    }

    /// Looks up a folded term (a stem; aliases are not terms).
    pub fn term(&self, term: &str) -> Option<TermInfo> {
        match self.entry(self.terms.get(term.as_bytes())?) {
            (_, KeyKind::Alias) => None,
            (info, _) => Some(info),
        }
    }

    /// What a dictionary value stands for: the postings of the key (of its
    /// stem, for an alias) and the key's kind (see `trie::DF_SHIFT`).
    /// Inlined: a completion scan calls it for every key it passes, and in
    /// WebAssembly the pair would be returned through memory.
    #[inline(always)]
    pub fn entry(&self, value: u64) -> (TermInfo, KeyKind) {
        let info = TermInfo {
            df: (value >> DF_SHIFT) as u32,
            postings_at: (value >> 2) as u32,
        };
        (info, split_value(value).1)
    }

    /// Iterates a term's postings in document order.
    pub fn postings(&self, t: TermInfo) -> Postings<'a> {
        Postings {
            r: bits::Reader::at_bit(self.postings, t.postings_at),
            k: bits::rice_k(self.doc_count, t.df),
            left: t.df,
            next: 0,
            doc_count: self.doc_count,
        }
    }

    /// Title and body lengths of a document, in tokens (quantized).
    pub fn lengths(&self, doc: u32) -> (u32, u32) {
        let (title, body) = self.norm_codes(doc);
        (decode_norm(title), decode_norm(body))
    }

    /// Title and body length codes of a document (see `format::encode_norm`).
    #[inline]
    pub fn norm_codes(&self, doc: u32) -> (u8, u8) {
        let (doc, n) = (doc as usize, self.doc_count as usize);
        match (self.norms.get(doc), self.norms.get(n + doc)) {
            (Some(&t), Some(&b)) => (t, b),
            _ => (0, 0),
        }
    }

    /// The stored first pages of the costliest one-word queries.
    pub fn answers(&self) -> &Answers<'a> {
        &self.answers
    }

    /// Whether any document links to another (the `links` section has
    /// bytes).
    pub fn has_links(&self) -> bool {
        !self.links.is_empty()
    }

    /// How many other documents link to `doc`, at most 255 (0 in an index
    /// without links).
    #[inline]
    pub fn inlinks(&self, doc: u32) -> u8 {
        self.links.get(doc as usize).copied().unwrap_or(0)
    }
}
