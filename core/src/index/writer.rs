//! Builds index bytes from documents (build time only). Deterministic: the
//! same documents in the same order give the same bytes.

use super::answers;
use super::bits;
use super::dict::{encode, Entry};
use super::format::{
    encode_norm, list_bits, section_name, KeyKind, ENTRY_LEN, HEADER_LEN, MAGIC, MAX_ALIAS_BYTES,
    SECTIONS, TABLE_BLOCK, VERSION,
};
use super::varint::{put, put_bytes};
use super::{Index, WriteOptions};
use crate::document::{numeric_id, Anchor, Document, FieldValue};
use crate::text::{for_each_positioned_word, StemCache};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use thiserror::Error;

/// Why an index could not be written.
#[derive(Debug, Error)]
pub enum WriteError {
    /// The corpus outgrows the format's 32-bit offsets or counts.
    #[error("corpus too large for the index format: {0}")]
    TooLarge(String),
    /// The index just written does not open again: a bug of the writer.
    #[error("the index just written does not open: {0}")]
    Unreadable(String),
}

#[derive(Default)]
struct TermAcc {
    /// `(doc, tf_title, tf_body)`, documents ascending.
    postings: Vec<(u32, u32, u32)>,
    /// Some document writes the term as a word (it is that word's stem).
    written: bool,
}

/// Per-document occurrences of one term.
#[derive(Default)]
struct Occ {
    tf_title: u32,
    tf_body: u32,
    written: bool,
}

/// Writes the index of `docs` with the default options; document
/// ordinals are their order here.
pub fn write_index(docs: &[Document]) -> Result<Vec<u8>, WriteError> {
    write_index_with(docs, &WriteOptions::default())
}

/// Writes the index of `docs` as `opts` say.
pub fn write_index_with(docs: &[Document], opts: &WriteOptions) -> Result<Vec<u8>, WriteError> {
    let n = u32::try_from(docs.len())
        .map_err(|_| WriteError::TooLarge("over 2^32 documents".into()))?;
    let field_names: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.fields.iter().map(|(k, _)| k.as_str()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

    let mut terms: HashMap<String, TermAcc> = HashMap::new();
    let mut title_norms = Vec::with_capacity(docs.len());
    let mut body_norms = Vec::with_capacity(docs.len());
    let (mut total_title, mut total_body) = (0u64, 0u64);
    let mut occ: HashMap<String, Occ> = HashMap::new();
    let mut aliases: BTreeMap<String, String> = BTreeMap::new();
    let mut stems = StemCache::default();
    let mut names: HashMap<String, u32> = HashMap::new();
    let mut parts: Vec<(String, String)> = Vec::new();
    for (ord, doc) in (0u32..).zip(docs) {
        occ.clear();
        names.clear();
        parts.clear();
        let mut field = Field {
            occ: &mut occ,
            aliases: &mut aliases,
            stems: &mut stems,
            names: &mut names,
            parts: &mut parts,
        };
        let title_len = field.add(&doc.title, true);
        let body_len = field.add(&doc.body, false);
        field.count_parts();
        total_title += u64::from(title_len);
        total_body += u64::from(body_len);
        title_norms.push(encode_norm(title_len));
        body_norms.push(encode_norm(body_len));
        for (term, o) in occ.drain() {
            let acc = terms.entry(term).or_default();
            acc.written |= o.written;
            acc.postings.push((ord, o.tf_title, o.tf_body));
        }
    }

    // A column each: alike bytes side by side gzip better (2 KB less at
    // 10,000 documents than pairs).
    let norms = [title_norms, body_norms].concat();
    let mut sorted: Vec<(String, TermAcc)> = terms.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut postings = bits::Writer::default();
    let mut extras = Vec::with_capacity(sorted.len());
    for (_, acc) in &sorted {
        extras.push(put_list(&mut postings, &acc.postings, n));
    }
    // Lists start at bit offsets that the reader keeps in 32 bits.
    if postings.bit_len() > u64::from(u32::MAX) {
        return Err(WriteError::TooLarge("postings over 512 MiB".into()));
    }
    let postings = postings.finish();
    let dict = dictionary(&sorted, &extras, &aliases);

    let mut meta = Vec::new();
    put(&mut meta, u64::from(n));
    put(&mut meta, total_title);
    put(&mut meta, total_body);
    put(&mut meta, sorted.len() as u64);
    put(&mut meta, field_names.len() as u64);
    for name in &field_names {
        put_bytes(&mut meta, name.as_bytes());
    }
    put(
        &mut meta,
        docs.iter()
            .filter(|d| !stored_anchors(d).is_empty())
            .count() as u64,
    );
    let numbers = numeric_ids(docs);
    put(&mut meta, u64::from(numbers.is_some()));

    let ids = match numbers {
        Some(numbers) => table(number_gaps(&numbers))?,
        None => table(front_coded_ids(docs))?,
    };
    let titles = table(docs.iter().map(title_entry))?;
    let fields = table(docs.iter().map(|d| stored_fields(d, &field_names)))?;
    let text = table(docs.iter().map(|d| d.body.as_bytes().to_vec()))?;
    let links = inlinks(docs);
    // The answers are those of the index without them: written, opened
    // and searched, then written again with them.
    let none = answers::encode(Vec::new());
    let mut sections: [&[u8]; SECTIONS.len()] = [
        &meta, &dict, &postings, &norms, &ids, &titles, &fields, &text, &links, &none,
    ];
    let bytes = assemble(&sections)?;
    let Some(from) = opts.answers_from else {
        return Ok(bytes);
    };
    let index = Index::open(&bytes).map_err(|e| WriteError::Unreadable(e.to_string()))?;
    let stored = crate::search::answered::select(&index, from);
    if stored.is_empty() {
        return Ok(bytes);
    }
    let stored = answers::encode(stored);
    sections[SECTIONS.len() - 1] = &stored;
    assemble(&sections)
}

/// The `links` section: per document, how many other documents link to
/// it, up to 255; empty when none links to any. A link reaches the
/// document of its id, or else a folder's `index`. A document nearly
/// every other one links to (nine in ten, of ten or more) is linked from
/// a menu the page's markup does not mark as one (Node.js's list of
/// modules): those links say nothing about it, and count 0.
fn inlinks(docs: &[Document]) -> Vec<u8> {
    let counts = crate::corpus::links::linked_from(docs.iter());
    let everywhere = |c: usize| docs.len() >= 10 && c * 10 >= (docs.len() - 1) * 9;
    let bytes: Vec<u8> = (counts.iter())
        .map(|&c| if everywhere(c) { 0 } else { c.min(255) as u8 })
        .collect();
    if bytes.iter().all(|&c| c == 0) {
        return Vec::new();
    }
    bytes
}

/// The `terms` dictionary: terms (sorted, with their lists' extra bits) and
/// aliases merged in key order.
fn dictionary(
    terms: &[(String, TermAcc)],
    extras: &[u64],
    aliases: &BTreeMap<String, String>,
) -> Vec<u8> {
    // Each key with its entry, an alias's stem still named by its key.
    let mut keys: Vec<(&str, Result<Entry, &str>)> =
        Vec::with_capacity(terms.len() + aliases.len());
    let mut aliases = aliases.iter().peekable();
    for ((term, acc), &extra) in terms.iter().zip(extras) {
        while let Some((word, stem)) = aliases.next_if(|a| a.0 < term) {
            keys.push((word, Err(stem)));
        }
        let also_alias = aliases.next_if(|a| a.0 == term).is_some();
        let kind = match (also_alias, acc.written) {
            (true, _) => KeyKind::Both,
            (false, true) => KeyKind::Word,
            (false, false) => KeyKind::Stem,
        };
        let df = acc.postings.len() as u32;
        keys.push((term, Ok(Entry::Own { kind, df, extra })));
    }
    keys.extend(aliases.map(|(w, s)| (w.as_str(), Err(s.as_str()))));
    let ordinal: HashMap<&str, usize> = keys.iter().enumerate().map(|(o, k)| (k.0, o)).collect();
    let entries: Vec<(&[u8], Entry)> = keys
        .iter()
        .map(|&(key, entry)| {
            let entry = entry.unwrap_or_else(|stem| Entry::Alias {
                stem: ordinal[stem],
            });
            (key.as_bytes(), entry)
        })
        .collect();
    encode(&entries)
}

/// Appends one postings list (layout in `format`) and returns its bits
/// beyond the fewest its length allows (`format::list_bits`), which the
/// dictionary stores.
fn put_list(w: &mut bits::Writer, list: &[(u32, u32, u32)], n: u32) -> u64 {
    let df = list.len() as u32;
    let k = bits::rice_k(n, df);
    let start = w.bit_len();
    let mut next = 0;
    for &(doc, tf_title, tf_body) in list {
        w.rice(u64::from(doc - next), k);
        next = doc + 1;
        let plain = tf_title == 0 && tf_body == 1;
        w.bits(u64::from(plain), 1);
        if !plain {
            w.gamma(u64::from(tf_body) + 1);
            w.bits(u64::from(tf_title > 0), 1);
            if tf_title > 0 {
                w.gamma(u64::from(tf_title));
            }
        }
    }
    let fewest = list_bits(n, df, 0).expect("a list of at most n documents");
    w.bit_len() - start - fewest
}

/// Where a document's fields are counted.
struct Field<'w> {
    occ: &'w mut HashMap<String, Occ>,
    /// Written words whose stem differs from them, with the stem.
    aliases: &'w mut BTreeMap<String, String>,
    stems: &'w mut StemCache,
    /// Occurrences of each name with parts (`work_mem`) in the document.
    names: &'w mut HashMap<String, u32>,
    /// (part's term, name) for each part met in the document, at each
    /// occurrence: a name's parts depend on its case (`XMLHttp`, `XmlHttp`
    /// fold alike); counted once the document is read (`count_parts`).
    parts: &'w mut Vec<(String, String)>,
}

impl Field<'_> {
    /// Counts one field's words into `occ` and `aliases`, and returns its
    /// length in words.
    fn add(&mut self, text: &str, title: bool) -> u32 {
        // The word the parts that follow belong to, and whether this
        // occurrence of it was counted in `names`.
        let mut word = String::new();
        let mut counted = false;
        for_each_positioned_word(text, |w, _| {
            if !w.part {
                word.clear();
                word.push_str(w.folded);
                counted = false;
            } else if !counted {
                *self.names.entry(word.clone()).or_default() += 1;
                counted = true;
            }
            let term = self.stems.stem(w.folded);
            let alias = w.folded != term;
            if alias && w.folded.len() <= MAX_ALIAS_BYTES && !self.aliases.contains_key(w.folded) {
                self.aliases.insert(w.folded.to_string(), term.to_string());
            }
            let o = match self.occ.get_mut(term) {
                Some(o) => o,
                None => self.occ.entry(term.to_string()).or_default(),
            };
            o.written |= !alias;
            if w.part {
                self.parts.push((term.to_string(), word.clone()));
            } else if title {
                o.tf_title += 1;
            } else {
                o.tf_body += 1;
            }
        })
    }

    /// Adds to each part's body count as many occurrences as the most
    /// frequent name holding it has: `work_mem` said ten times is `work`
    /// ten times, but eight `PyDict_Get…` names once each are `dict` once,
    /// not eight times over the page that says `dict.get`. In the body
    /// even from the title: a page titled `EventEmitter` is not titled
    /// `Event` (see `eval::Lists::exact_title`).
    fn count_parts(&mut self) {
        let mut most: HashMap<&str, u32> = HashMap::new();
        for (term, name) in self.parts.iter() {
            let n = self.names.get(name).copied().unwrap_or(0);
            let m = most.entry(term).or_default();
            *m = (*m).max(n);
        }
        for (term, n) in most {
            if let Some(o) = self.occ.get_mut(term) {
                o.tf_body += n;
            }
        }
    }
}

/// Every document's id as a number, when each is one ([`numeric_id`]) and
/// they rise (as `corpus` sorts them).
fn numeric_ids(docs: &[Document]) -> Option<Vec<u32>> {
    let numbers: Option<Vec<u32>> = docs.iter().map(|d| numeric_id(&d.id)).collect();
    numbers.filter(|n| !n.is_empty() && n.windows(2).all(|w| w[0] < w[1]))
}

/// Each id as a varint: its difference from the one before in its block,
/// the first its value.
fn number_gaps(numbers: &[u32]) -> impl ExactSizeIterator<Item = Vec<u8>> + '_ {
    numbers.iter().enumerate().map(|(i, &v)| {
        let prev = if i % TABLE_BLOCK == 0 {
            0
        } else {
            numbers[i - 1]
        };
        let mut out = Vec::new();
        put(&mut out, u64::from(v - prev));
        out
    })
}

/// Each id as bytes shared with the previous one in its block, then the
/// rest (see `format`).
fn front_coded_ids(docs: &[Document]) -> impl ExactSizeIterator<Item = Vec<u8>> + '_ {
    docs.iter().enumerate().map(|(i, d)| {
        let id = d.id.as_bytes();
        let prev = match i % TABLE_BLOCK {
            0 => &[][..],
            _ => docs[i - 1].id.as_bytes(),
        };
        let shared = id.iter().zip(prev).take_while(|(a, b)| a == b).count();
        let mut out = Vec::with_capacity(id.len() - shared + 1);
        put(&mut out, shared as u64);
        out.extend_from_slice(&id[shared..]);
        out
    })
}

/// A title that starts the body is stored as its length in bytes, since
/// the body is in `text` anyway; any other as 0 and its bytes (see `format`).
fn title_entry(d: &Document) -> Vec<u8> {
    let mut out = Vec::new();
    if !d.title.is_empty() && d.body.starts_with(&d.title) {
        put(&mut out, d.title.len() as u64);
    } else {
        put(&mut out, 0);
        out.extend_from_slice(d.title.as_bytes());
    }
    out
}

fn stored_fields(d: &Document, field_names: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    put_bytes(&mut out, d.url.as_deref().unwrap_or("").as_bytes());
    put(&mut out, d.fields.len() as u64);
    for (name, value) in &d.fields {
        let idx = field_names.binary_search(&name.as_str()).unwrap_or(0);
        put(&mut out, idx as u64);
        match value {
            FieldValue::Str(s) => {
                out.push(0);
                put_bytes(&mut out, s.as_bytes());
            }
            FieldValue::Num(x) => {
                out.push(1);
                put_bytes(&mut out, &x.to_le_bytes());
            }
        }
    }
    let anchors = stored_anchors(d);
    if !anchors.is_empty() {
        put(&mut out, anchors.len() as u64);
        let mut last = 0;
        for a in anchors {
            put(&mut out, u64::from(a.at.saturating_sub(last)));
            put(&mut out, u64::from(a.len));
            put_bytes(&mut out, a.id.as_bytes());
            last = last.max(a.at);
        }
    }
    out
}

/// The sections of `d` that the index keeps: those within the body, in
/// order (a reader finds a section by offset), but one at the body's very
/// start, which is the page's own heading rather than a part of it.
fn stored_anchors(d: &Document) -> Vec<&Anchor> {
    let body = d.body.len() as u64;
    d.anchors
        .iter()
        .filter(|a| a.at > 0 && u64::from(a.at) + u64::from(a.len) <= body)
        .collect()
}

/// A table of `entries` (layout in `format`).
fn table(entries: impl ExactSizeIterator<Item = Vec<u8>>) -> Result<Vec<u8>, WriteError> {
    let count = entries.len();
    let mut index = Vec::with_capacity(8 * (count.div_ceil(TABLE_BLOCK) + 1) + 4);
    index.extend_from_slice(&(count as u32).to_le_bytes());
    let (mut lens, mut blob) = (Vec::new(), Vec::new());
    let too_large = |_| WriteError::TooLarge("a stored table over 4 GiB".into());
    for (i, e) in entries.enumerate() {
        if i % TABLE_BLOCK == 0 {
            index.extend_from_slice(&u32::try_from(lens.len()).map_err(too_large)?.to_le_bytes());
            index.extend_from_slice(&u32::try_from(blob.len()).map_err(too_large)?.to_le_bytes());
        }
        put(&mut lens, e.len() as u64);
        blob.extend_from_slice(&e);
    }
    index.extend_from_slice(&u32::try_from(lens.len()).map_err(too_large)?.to_le_bytes());
    index.extend_from_slice(&u32::try_from(blob.len()).map_err(too_large)?.to_le_bytes());
    Ok([index, lens, blob].concat())
}

fn assemble(sections: &[&[u8]; SECTIONS.len()]) -> Result<Vec<u8>, WriteError> {
    let table_len = HEADER_LEN + ENTRY_LEN * SECTIONS.len();
    let total: usize = table_len + sections.iter().map(|s| s.len()).sum::<usize>();
    if u32::try_from(total).is_err() {
        return Err(WriteError::TooLarge(format!(
            "index of {total} bytes exceeds 4 GiB"
        )));
    }
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(SECTIONS.len() as u32).to_le_bytes());
    let mut offset = table_len;
    for (name, bytes) in SECTIONS.iter().zip(sections) {
        out.extend_from_slice(&section_name(name));
        out.extend_from_slice(&(offset as u32).to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        offset += bytes.len();
    }
    for s in sections {
        out.extend_from_slice(s);
    }
    Ok(out)
}
