//! What the corpus reader asks of a file: whether a site serves it as it
//! is or it copies a markup source, its bytes and text, its id and URL.

use super::{html, CorpusError};
use std::path::Path;

/// Why an HTML page too large to read is not a document anyway, from its
/// head (see `html::left_out_by_head`); `None` if it is one or cannot be read.
pub(super) fn html_head_left_out(path: &Path) -> Option<&'static str> {
    use std::io::Read;
    let mut start = Vec::with_capacity(html::HEAD_BYTES);
    let file = std::fs::File::open(path).ok()?;
    file.take(html::HEAD_BYTES as u64)
        .read_to_end(&mut start)
        .ok()?;
    html::left_out_by_head(&start)
}

/// `robots.txt`, `LICENSE.txt`, mdBook's `fonts/OPEN-SANS-LICENSE.txt`:
/// text files a site publishes for crawlers or for the record, which a
/// reader searching its pages never means to land on.
pub(super) fn is_site_file(path: &Path) -> bool {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let lower = stem.to_ascii_lowercase();
    const SERVED: [&str; 7] = [
        "robots",
        "humans",
        "ads",
        "app-ads",
        "security",
        "llms",
        "llms-full",
    ];
    const RECORD: [&str; 6] = [
        "license",
        "licence",
        "copying",
        "copyright",
        "notice",
        "notices",
    ];
    SERVED.contains(&lower.as_str())
        || lower
            .split(['-', '_', '.', ' '])
            .any(|part| RECORD.contains(&part))
}

/// `page.rst.txt`, `notes.md.txt`: documentation generators (Sphinx's
/// `_sources`) publish each page's markup source beside the page under
/// this name; read as text it would be every page again, in raw markup.
pub(super) fn is_source_copy(path: &Path) -> bool {
    let stem = Path::new(path.file_stem().unwrap_or_default());
    let inner = stem.extension().and_then(|e| e.to_str()).unwrap_or("");
    ["rst", "rest", "md", "markdown", "txt", "ipynb"]
        .iter()
        .any(|e| inner.eq_ignore_ascii_case(e))
}

/// Reads a text file: rejects NUL bytes, invalid UTF-8 and empty files;
/// drops a byte order mark.
pub(super) fn read_text(path: &Path) -> Result<String, CorpusError> {
    decode_text(path, &read_bytes(path)?)
}

pub(super) fn read_bytes(path: &Path) -> Result<Vec<u8>, CorpusError> {
    std::fs::read(path).map_err(|e| CorpusError::Io {
        path: path.to_path_buf(),
        source: e,
    })
}

/// A list field as text, `a, b`, empty items left out: the one form of
/// front matter lists and JSON arrays.
pub(super) fn list_text(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A file's path below the root with `/` separators.
pub(super) fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        return path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    parts.join("/")
}

/// The id of a file's document: its path below the root, without extension,
/// with `/` separators on every platform.
pub(super) fn doc_id(root: &Path, path: &Path) -> String {
    let rel = rel_path(root, path);
    let name_at = rel.rfind('/').map_or(0, |i| i + 1);
    match rel[name_at..].rfind('.') {
        Some(dot) if dot > 0 => rel[..name_at + dot].to_string(),
        _ => rel,
    }
}

/// Checks a file's bytes as text: no NUL byte, valid UTF-8, not empty; a
/// byte order mark is dropped.
pub(super) fn decode_text(path: &Path, bytes: &[u8]) -> Result<String, CorpusError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(CorpusError::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        CorpusError::NotUtf8 {
            path: path.to_path_buf(),
            line: 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count(),
            offset,
        }
    })?;
    if text.trim().is_empty() {
        return Err(CorpusError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(text.to_string())
}
