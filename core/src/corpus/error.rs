//! Corpus errors: each names the file, and the line or byte where it can.

use std::path::{Path, PathBuf};
use thiserror::Error;

/// Why a corpus could not be read. Displayed as one line that starts with
/// the place (`file:line:` or `file:`) and says what is wrong.
#[derive(Debug, Error)]
pub enum CorpusError {
    /// `QUARRY_CORPUS` names nothing.
    #[error("{}: corpus not found (QUARRY_CORPUS must name a directory or a .jsonl file)", path.display())]
    NotFound {
        /// The path that was looked up.
        path: PathBuf,
    },
    /// An I/O error other than absence.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Bytes that are not UTF-8.
    #[error("{}:{line}: not UTF-8 (invalid byte at offset {offset})", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the bad byte.
        line: usize,
        /// 0-based byte offset of the bad byte.
        offset: usize,
    },
    /// A NUL byte: a binary file, not text.
    #[error("{}: binary file (NUL byte at offset {offset})", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// A file with no text.
    #[error("{}: empty file", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A JSON line that does not parse as an object.
    #[error("{}:{line}: malformed JSON line: {detail}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What the parser said.
        detail: String,
    },
    /// A JSON line without `id`, `title` or `body`.
    #[error("{}:{line}: missing required key \"{key}\"", path.display())]
    MissingKey {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The key.
        key: &'static str,
    },
    /// A key whose value has the wrong type.
    #[error("{}:{line}: key \"{key}\" must be {expected}", path.display())]
    WrongType {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The key.
        key: String,
        /// What it must be.
        expected: &'static str,
    },
    /// Two documents with one id.
    #[error("{place}: duplicate id \"{id}\" (first defined at {first})")]
    DuplicateId {
        /// Where the second one is (`file` or `file:line`).
        place: String,
        /// The id.
        id: String,
        /// Where the first one is.
        first: String,
    },
    /// A document bigger than [`super::Limits::max_doc_bytes`].
    #[error("{place}: document \"{id}\" is {bytes} bytes, over the limit of {limit} (set QUARRY_MAX_DOC_BYTES to raise it)")]
    TooBig {
        /// The file, or `file:line` for a JSON line.
        place: String,
        /// The document's id.
        id: String,
        /// Its size.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// More documents than [`super::Limits::max_docs`].
    #[error("{place}: more than {limit} documents (set QUARRY_MAX_DOCS to raise the limit)")]
    TooMany {
        /// Where the first document over the limit is.
        place: String,
        /// The limit.
        limit: usize,
    },
    /// HTML nested too deep to parse in reasonable time.
    #[error("{}:{line}: elements nested deeper than {limit} levels", path.display())]
    TooDeep {
        /// The file.
        path: PathBuf,
        /// 1-based line where the limit is passed.
        line: usize,
        /// The limit.
        limit: usize,
    },
    /// Markdown front matter that cannot be read.
    #[error("{}:{line}: front matter: {detail}", path.display())]
    FrontMatter {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        detail: String,
    },
    /// Several files that cannot be documents (each empty, binary, not
    /// UTF-8 or over the size limit), all named at once so that one
    /// `QUARRY_EXCLUDE` or `QUARRY_MAX_DOC_BYTES` takes them all.
    #[error("{} files cannot be documents{}:{}", errors.len(), size_hint(errors), listed(errors))]
    Files {
        /// One error per file, in walk order.
        errors: Vec<CorpusError>,
    },
    /// A corpus without any document.
    #[error("{}: corpus has no documents (readable formats: .txt, .md, .mdx, .html, .jsonl)", path.display())]
    NoDocuments {
        /// The corpus root.
        path: PathBuf,
    },
}

/// Files listed in full in [`CorpusError::Files`]; the rest are counted.
const LISTED: usize = 20;

fn listed(errors: &[CorpusError]) -> String {
    let line = |e: &CorpusError| match e {
        // The header says how to raise the limit, once.
        CorpusError::TooBig {
            place,
            id,
            bytes,
            limit,
        } => format!("\n  {place}: document \"{id}\" is {bytes} bytes, over the limit of {limit}"),
        e => format!("\n  {e}"),
    };
    let mut out: String = errors.iter().take(LISTED).map(line).collect();
    if errors.len() > LISTED {
        out += &format!("\n  and {} more", errors.len() - LISTED);
    }
    out
}

/// With every file over the size limit: the limit that takes them all.
fn size_hint(errors: &[CorpusError]) -> String {
    let sizes: Option<Vec<usize>> = errors
        .iter()
        .map(|e| match e {
            CorpusError::TooBig { bytes, .. } => Some(*bytes),
            _ => None,
        })
        .collect();
    match sizes.and_then(|s| s.into_iter().max()) {
        Some(max) => format!(" (over the size limit; QUARRY_MAX_DOC_BYTES={max} takes them all)"),
        None => String::new(),
    }
}

impl CorpusError {
    /// The file this error makes unusable as a document, when the rest of
    /// the corpus can still be read: empty, binary, not UTF-8, or over the
    /// size limit (a whole file, not a JSON line).
    pub fn unusable_file(&self) -> Option<&Path> {
        match self {
            CorpusError::NotUtf8 { path, .. }
            | CorpusError::Binary { path, .. }
            | CorpusError::Empty { path } => Some(path.as_path()),
            // A whole file's place is its path; a JSON line's is not a file.
            CorpusError::TooBig { place, .. } if Path::new(place).is_file() => {
                Some(Path::new(place))
            }
            _ => None,
        }
    }

    /// For files of the corpus folder `root` that cannot be documents (see
    /// [`CorpusError::unusable_file`]): the `QUARRY_EXCLUDE` patterns that
    /// leave just them out, to name in the message.
    pub fn exclude_pattern(&self, root: &Path) -> Option<String> {
        if let CorpusError::Files { errors } = self {
            let all: Option<Vec<String>> = errors.iter().map(|e| e.exclude_pattern(root)).collect();
            return all.map(|p| p.join(","));
        }
        let path = self.unusable_file()?;
        let rel = path.strip_prefix(root).ok()?.to_str()?.replace('\\', "/");
        // A leading `/` anchors a top-level name; a path has its own `/`.
        let anchor = if rel.contains('/') { "" } else { "/" };
        // A comma would split the pattern, a quote the shell's word.
        (!rel.is_empty() && !rel.contains([',', '\''])).then(|| format!("{anchor}{rel}"))
    }
}
