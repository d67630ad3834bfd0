//! The index file format: the one place that knows its layout.
//!
//! ```text
//! header   magic "QRRY" | u32 version | u32 section count
//! table    per section: name [u8; 8] (ASCII, NUL-padded) | u32 offset | u32 length
//! sections meta, terms, postings, norms, ids, titles, fields, text,
//!          links, answers (any order)
//! ```
//! All integers little-endian; inside sections, LEB128 varints (see
//! `varint`). Section contents:
//!
//! - `meta`: varint document count, varint total title tokens, varint total
//!   body tokens, varint term count, varint field-name count, then each name
//!   length-prefixed, then varint count of documents with sections, then
//!   a varint 1 if `ids` holds numbers, else 0 (version 19).
//! - `terms`: the dictionary (see `dict`) of the folded terms (stems) and
//!   the folded words whose stem differs from them (`cents` for `cent`, at
//!   most [`MAX_ALIAS_BYTES`]), in byte order. One dictionary for both, so
//!   that typo tolerance walks written words and stems in one pass. `u32`
//!   key count, `u32` byte length of the key stream, then the key stream:
//!   per key, varint bytes shared with the key before (0 for the first),
//!   then the rest length-prefixed. Then the value stream: per key a
//!   varint `x << 2 | kind` ([`KeyKind`]). A key with its own list
//!   gives the list's document frequency `df` and its bits beyond the
//!   fewest it can take, `extra` ([`list_bits`]): lists follow key order
//!   in one stream of bits, so where each starts adds up from the first.
//!   For `df` up to 3, `x` is `extra << 2 | (df - 1)`; above, `x` is
//!   `df << 2 | 3` and a second varint follows with `extra` (version 18;
//!   before, `x` was the list's length in bytes, and each list began with
//!   its `df` and was padded to a whole byte: 16 KB more at 10,000
//!   documents, where two lists in three hold one posting). For an
//!   alias, `x` is the zigzag difference from its ordinal to its stem's.
//!   The dictionary is only ever read whole, in order, so it has no
//!   blocks to restart the front coding.
//! - `postings`: the lists, one bit stream (see `bits`) padded to a whole
//!   byte at its end. Per list, per document, ascending,
//!   the gap from the previous document plus one (the first: the document)
//!   as a Rice code with parameter `bits::rice_k(document count, df)`, then
//!   a bit `plain`: once in the body and not in the title (four postings in
//!   five). If not plain, gamma(body tf + 1), a bit `in_title`, and if set
//!   gamma(title tf). Rice codes come within a few percent of the entropy
//!   of randomly placed documents, where gzip over varints stays 20% above
//!   it. No token positions: phrases are confirmed against the stored text
//!   (`query::phrase`), which snippets need anyway.
//! - `norms`: per document a byte, the title's length in tokens quantized
//!   by [`encode_norm`], then per document the body's (version 21; before,
//!   each document's two bytes were side by side).
//! - `ids`: a table (see below) of document ids, each front-coded against
//!   the one before it in its block: varint bytes shared, then the rest.
//!   Documents are sorted by id, so neighbours share prefixes. When every
//!   id is a whole number written plainly (`document::numeric_id`), the
//!   documents are sorted by value and each entry is instead the varint
//!   of its id less the one before it in its block (the first: the id):
//!   at 10,000 documents 9 KB gzipped instead of 17 (version 19).
//! - `titles`: a table of titles. A title that starts its document's body
//!   (nearly all: a page's heading, a dictionary's headword, a story's
//!   first sentence) is varint its length in bytes, since the body is in
//!   `text`; any other is varint 0, then its bytes.
//! - `fields`: a table of the rest of each stored document: url (empty if
//!   none) length-prefixed, varint field count, then per field varint name
//!   index, kind byte (0 string, 1 number) and the value length-prefixed:
//!   UTF-8, or an f64 in 8 little-endian bytes. Then, only for a document
//!   with sections (an HTML page's headings; none at the body's start,
//!   the page's own heading), varint section count and per section, in
//!   body order: varint byte offset of its heading in the
//!   body after the previous section's, varint heading length in bytes,
//!   its fragment id length-prefixed.
//!   Stored apart, ids, titles and fields each compress better than
//!   interleaved (26 KB less gzipped at 10,000 documents).
//! - `text`: a table of the body texts, for snippets.
//! - `links`: per document one byte, the number of other documents whose
//!   content links to it, up to 255 (see `corpus::links`); no bytes when
//!   no document links to another (a JSON lines corpus).
//! - `answers`: the first page of the costliest one-word queries (see
//!   `answers`): `u32` count, then the entries back to back in key byte
//!   order (version 16; 15 had an offset table, which `open` now finds
//!   as it checks each entry): the query's folded word front-coded
//!   against the entry before's (varint bytes shared, then the rest
//!   length-prefixed; version 20), then a byte hit count (at most
//!   `answers::ANSWERED_HITS`), or `0xff` for the entry before's answer
//!   again (version 20: `variou` answers as `various` does), varint
//!   total, the hits' varint documents, then their scores in whole units
//!   of `rank::SHOWN_PER_POINT` (`search` returns scores to four
//!   decimals), the first as a varint and each next as the varint of how
//!   much lower it is (version 17; 16 stored `f32` bits). A count of 0
//!   when none is stored (an index with facets, which these answers do
//!   not count).
//!
//! A table is `u32 count`, then per block of [`TABLE_BLOCK`] entries two
//! u32 offsets, where the block's varint lengths start in the lengths
//! stream and where its entries start in the blob, plus one pair for the
//! ends; then the lengths stream, then the blob (the entries concatenated).
//! Lengths compress where absolute offsets do not, and apart from the text
//! (16 KB less gzipped at 10,000 documents); an entry costs reading at most
//! one block's lengths.

use thiserror::Error;

/// The first four bytes of every index.
pub const MAGIC: [u8; 4] = *b"QRRY";
/// Bumped on every incompatible change of layout.
pub const VERSION: u32 = 21;
/// Header bytes before the section table.
pub const HEADER_LEN: usize = 12;
/// Bytes of one section-table entry.
pub const ENTRY_LEN: usize = 16;

/// Section names, in the order the writer lays them out.
pub const SECTIONS: [&str; 10] = [
    "meta", "terms", "postings", "norms", "ids", "titles", "fields", "text", "links", "answers",
];
/// Entries per block of a table.
pub const TABLE_BLOCK: usize = 32;
/// Longest alias kept in `terms` (typo tolerance ignores longer ones).
pub const MAX_ALIAS_BYTES: usize = 24;

/// What a `terms` key is, in the low two bits of its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// A written word whose stem differs (`cents`); the value points to the
    /// stem's list.
    Alias = 0,
    /// A stem never written as such (`parti`); its own list.
    Stem = 1,
    /// A written word that is its own stem (`cat`); its own list.
    Word = 2,
    /// A stem of other words that is also written as a word with another
    /// stem; its own list (the other stem's is found by stemming it).
    Both = 3,
}

impl KeyKind {
    /// Whether the key is written as such in some document.
    pub fn is_written(self) -> bool {
        self != KeyKind::Stem
    }
}

/// A stored dictionary value: `x` (see `terms` above) and the key's kind.
pub fn dict_value(x: u64, kind: KeyKind) -> u64 {
    (x << 2) | kind as u64
}

/// The bits of a list of `df` of `n` documents: each posting's fewest (a
/// Rice code's closing bit, its `k` low bits and the `plain` bit) and
/// `extra` more. `None` past `u64`.
pub fn list_bits(n: u32, df: u32, extra: u64) -> Option<u64> {
    let fewest = u64::from(super::bits::rice_k(n, df) + 2);
    u64::from(df).checked_mul(fewest)?.checked_add(extra)
}

/// Splits a stored dictionary value into `x` and kind.
pub fn split_value(value: u64) -> (u64, KeyKind) {
    let kind = match value & 3 {
        0 => KeyKind::Alias,
        1 => KeyKind::Stem,
        2 => KeyKind::Word,
        _ => KeyKind::Both,
    };
    (value >> 2, kind)
}

/// `bytes` in hexadecimal, `51 52 59 49`: by hand, since `{:?}` of a
/// byte slice brings a kilobyte of formatting code into the module.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::new();
    for &b in bytes {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// Why index bytes could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FormatError {
    /// The bytes do not start with [`MAGIC`].
    #[error("not a Quarry index: magic bytes {}, expected {}", hex(.found), hex(.expected))]
    BadMagic {
        /// What the format requires.
        expected: [u8; 4],
        /// What the bytes hold.
        found: Vec<u8>,
    },
    /// Written by another version of the format.
    #[error(
        "index format version {found}, but this build reads version {expected}: rebuild the index"
    )]
    Version {
        /// The version this reader understands.
        expected: u32,
        /// The version in the bytes.
        found: u32,
    },
    /// The bytes end before the header or a section does.
    #[error("index truncated: {0}")]
    Truncated(String),
    /// A section the reader needs is absent.
    #[error("index section '{0}' is missing")]
    MissingSection(&'static str),
    /// A section's contents do not decode.
    #[error("index section '{section}' is corrupt: {why}")]
    Corrupt {
        /// The section's name.
        section: &'static str,
        /// What is wrong with it.
        why: String,
    },
}

/// Reads a little-endian u32 at `at`, or `None` past the end.
pub fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// One entry of the section table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionEntry {
    /// Name, as in [`SECTIONS`].
    pub name: &'static str,
    /// Byte offset from the start of the index.
    pub offset: usize,
    /// Length in bytes.
    pub len: usize,
}

/// Checks magic and version and reads the section table. Unknown section
/// names are skipped so that newer writers can add sections.
pub fn read_header(bytes: &[u8]) -> Result<Vec<SectionEntry>, FormatError> {
    if bytes.len() < HEADER_LEN {
        return Err(FormatError::Truncated(format!(
            "{} bytes, shorter than the {HEADER_LEN}-byte header",
            bytes.len()
        )));
    }
    if bytes[..4] != MAGIC {
        return Err(FormatError::BadMagic {
            expected: MAGIC,
            found: bytes[..4].to_vec(),
        });
    }
    let version = read_u32(bytes, 4).unwrap_or(0);
    if version != VERSION {
        return Err(FormatError::Version {
            expected: VERSION,
            found: version,
        });
    }
    let count = read_u32(bytes, 8).unwrap_or(0) as usize;
    let mut out = Vec::with_capacity(count.min(SECTIONS.len()));
    for i in 0..count {
        let at = HEADER_LEN + i * ENTRY_LEN;
        let entry = bytes
            .get(at..at + ENTRY_LEN)
            .ok_or_else(|| FormatError::Truncated(format!("section table entry {i}")))?;
        let raw_name = &entry[..8];
        let offset = read_u32(entry, 8).unwrap_or(0) as usize;
        let len = read_u32(entry, 12).unwrap_or(0) as usize;
        let Some(name) = SECTIONS.iter().find(|n| section_name(n) == raw_name) else {
            continue;
        };
        if offset.checked_add(len).is_none_or(|end| end > bytes.len()) {
            return Err(FormatError::Truncated(format!(
                "section '{name}' spans bytes {offset}..{} of {}",
                offset.saturating_add(len),
                bytes.len()
            )));
        }
        out.push(SectionEntry { name, offset, len });
    }
    Ok(out)
}

/// A section name padded to its 8 stored bytes.
pub fn section_name(name: &str) -> [u8; 8] {
    let mut b = [0u8; 8];
    b[..name.len()].copy_from_slice(name.as_bytes());
    b
}

/// Quantizes a field length to one byte: exact below 64, then a 3-bit
/// mantissa (at most 12.5% low). BM25 needs only the rough length.
pub fn encode_norm(n: u32) -> u8 {
    if n < 64 {
        return n as u8;
    }
    let e = 31 - n.leading_zeros(); // >= 6
    let m = (n >> (e - 3)) & 7;
    let code = 64 + (e - 6) * 8 + m;
    code.min(255) as u8
}

/// The length a norm byte stands for.
pub fn decode_norm(code: u8) -> u32 {
    if code < 64 {
        return u32::from(code);
    }
    let c = u32::from(code) - 64;
    let e = c / 8 + 6;
    (8 + (c % 8)) << (e - 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norms_are_monotonic_and_close() {
        let mut last = 0;
        for n in 0..100_000u32 {
            let d = decode_norm(encode_norm(n));
            assert!(d <= n && d >= last, "n={n} d={d}");
            assert!(n - d <= n / 8, "n={n} d={d}");
            last = d;
        }
    }

    #[test]
    fn dictionary_values_round_trip() {
        for kind in [KeyKind::Alias, KeyKind::Stem, KeyKind::Word, KeyKind::Both] {
            for offset in [0, 1, 4_000_000_000, u64::MAX >> 2] {
                assert_eq!(split_value(dict_value(offset, kind)), (offset, kind));
            }
        }
        assert!(!KeyKind::Stem.is_written() && KeyKind::Alias.is_written());
    }

    #[test]
    fn header_errors_are_typed() {
        assert!(matches!(read_header(b"QR"), Err(FormatError::Truncated(_))));
        let bad = read_header(b"NOPE\x01\0\0\0\0\0\0\0");
        assert!(matches!(bad, Err(FormatError::BadMagic { .. })));
        assert_eq!(
            bad.unwrap_err().to_string(),
            "not a Quarry index: magic bytes 4e 4f 50 45, expected 51 52 52 59"
        );
        assert_eq!(
            read_header(b"QRRY\x63\0\0\0\0\0\0\0"),
            Err(FormatError::Version {
                expected: VERSION,
                found: 99
            })
        );
    }
}
