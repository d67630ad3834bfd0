//! Corpus readers: a directory of files or one `.jsonl` file in, documents
//! out, or one error that names the place.

mod error;
mod jsonl;
mod txt;

pub use error::CorpusError;

use crate::document::Document;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What a corpus read gives: the documents, sorted by id, and the paths the
/// build must watch to rebuild when they change.
#[derive(Debug, Default)]
pub struct Corpus {
    /// The documents, in id order.
    pub docs: Vec<Document>,
    /// Every file read.
    pub files: Vec<PathBuf>,
    /// Every directory walked (a new file there must trigger a rebuild).
    pub dirs: Vec<PathBuf>,
    /// Files skipped because no reader knows their extension.
    pub skipped: Vec<PathBuf>,
}

/// Reads the corpus at `root`: a directory (walked recursively, in name
/// order) or a single `.jsonl` file.
pub fn read_corpus(root: &Path) -> Result<Corpus, CorpusError> {
    let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CorpusError::NotFound {
            path: root.to_path_buf(),
        },
        _ => CorpusError::Io {
            path: root.to_path_buf(),
            source: e,
        },
    })?;
    let mut corpus = Corpus::default();
    // (document, place) pairs; the place names the file and line for errors.
    let mut found: Vec<(Document, String)> = Vec::new();
    if meta.is_dir() {
        walk(root, root, &mut corpus, &mut found)?;
    } else {
        read_file(root, root, &mut corpus, &mut found)?;
    }
    if found.is_empty() {
        return Err(CorpusError::NoDocuments {
            path: root.to_path_buf(),
        });
    }
    let mut first: HashMap<&str, &str> = HashMap::with_capacity(found.len());
    for (doc, place) in &found {
        if let Some(prev) = first.insert(&doc.id, place) {
            return Err(CorpusError::DuplicateId {
                place: place.clone(),
                id: doc.id.clone(),
                first: prev.to_string(),
            });
        }
    }
    corpus.docs = found.into_iter().map(|(d, _)| d).collect();
    corpus.docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(corpus)
}

fn walk(
    root: &Path,
    dir: &Path,
    corpus: &mut Corpus,
    found: &mut Vec<(Document, String)>,
) -> Result<(), CorpusError> {
    corpus.dirs.push(dir.to_path_buf());
    let io = |e| CorpusError::Io {
        path: dir.to_path_buf(),
        source: e,
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue; // hidden files and folders (.git, .DS_Store)
        }
        if path.is_dir() {
            walk(root, &path, corpus, found)?;
        } else {
            read_file(root, &path, corpus, found)?;
        }
    }
    Ok(())
}

fn read_file(
    root: &Path,
    path: &Path,
    corpus: &mut Corpus,
    found: &mut Vec<(Document, String)>,
) -> Result<(), CorpusError> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "txt" => {
            let text = read_text(path)?;
            let place = path.display().to_string();
            found.push((txt::read(&doc_id(root, path), &text), place));
        }
        "jsonl" => {
            let text = read_text(path)?;
            for (doc, line) in jsonl::read(path, &text)? {
                found.push((doc, format!("{}:{line}", path.display())));
            }
        }
        _ => {
            corpus.skipped.push(path.to_path_buf());
            return Ok(());
        }
    }
    corpus.files.push(path.to_path_buf());
    Ok(())
}

/// The id of a file's document: its path below the root, without extension,
/// with `/` separators on every platform.
fn doc_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path).with_extension("");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.is_empty() {
        // The corpus root is the file itself.
        return path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    parts.join("/")
}

/// Reads a text file: rejects NUL bytes, invalid UTF-8 and empty files;
/// drops a byte order mark.
fn read_text(path: &Path) -> Result<String, CorpusError> {
    let bytes = std::fs::read(path).map_err(|e| CorpusError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
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

#[cfg(test)]
mod tests;
