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
    /// A corpus without any document.
    #[error("{}: corpus has no documents (readable formats: .txt, .md, .mdx, .html, .jsonl)", path.display())]
    NoDocuments {
        /// The corpus root.
        path: PathBuf,
    },
}

impl CorpusError {
    /// For a file of the corpus folder `root` that cannot be a document
    /// (empty, binary, not UTF-8, over the size limit): the
    /// `QUARRY_EXCLUDE` pattern that leaves just it out, to name in the
    /// message.
    pub fn exclude_pattern(&self, root: &Path) -> Option<String> {
        let path = match self {
            CorpusError::NotUtf8 { path, .. }
            | CorpusError::Binary { path, .. }
            | CorpusError::Empty { path } => path.as_path(),
            // A whole file's place is its path; a JSON line's is not a file.
            CorpusError::TooBig { place, .. } if Path::new(place).is_file() => Path::new(place),
            _ => return None,
        };
        let rel = path.strip_prefix(root).ok()?.to_str()?.replace('\\', "/");
        // A leading `/` anchors a top-level name; a path has its own `/`.
        let anchor = if rel.contains('/') { "" } else { "/" };
        // A comma would split the pattern, a quote the shell's word.
        (!rel.is_empty() && !rel.contains([',', '\''])).then(|| format!("{anchor}{rel}"))
    }
}
