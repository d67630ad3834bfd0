//! Corpus readers: a directory of files or one `.jsonl` file in, documents
//! out, or one error that names the place.

mod charset;
mod date;
mod error;
mod exclude;
mod front_matter;
mod html;
mod jsonl;
mod limits;
mod links;
mod markdown;
mod pagefind;
mod sections;
mod site_name;
mod template;
mod txt;

pub use error::CorpusError;
pub use exclude::Exclude;
pub use limits::Limits;

use crate::document::{Document, FieldValue};
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
    /// Files left out, with why: by `QUARRY_EXCLUDE` or `QUARRY_LANG`, and
    /// files that are not documents: HTML pages marked `noindex`
    /// or redirecting at once, copies of markup sources.
    pub left_out: Vec<(PathBuf, String)>,
    /// HTML pages neither UTF-8 nor declaring their encoding, read as
    /// windows-1252 as browsers do (see `charset`).
    pub guessed: Vec<PathBuf>,
    /// HTML pages by `<html lang>` (primary subtag), those left out by
    /// [`Limits::langs`] included: a site in several languages is searched
    /// as one unless told which to keep.
    pub langs: std::collections::BTreeMap<String, usize>,
}

/// Reads the corpus at `root` with the default [`Limits`].
pub fn read_corpus(root: &Path) -> Result<Corpus, CorpusError> {
    read_corpus_with(root, &Limits::default())
}

/// Reads the corpus at `root`: a directory (walked recursively, in name
/// order) or a single file. Files that cannot be documents (empty, binary,
/// not UTF-8, too large) are all named in one error; any other problem
/// stops the read where it is.
pub fn read_corpus_with(root: &Path, limits: &Limits) -> Result<Corpus, CorpusError> {
    let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CorpusError::NotFound {
            path: root.to_path_buf(),
        },
        _ => CorpusError::Io {
            path: root.to_path_buf(),
            source: e,
        },
    })?;
    let mut walker = Walker {
        root,
        limits,
        corpus: Corpus::default(),
        found: Vec::new(),
        site_names: site_name::SiteNames::default(),
        unusable: Vec::new(),
        pagefind_body: false,
        unmarked: Vec::new(),
        html: Vec::new(),
    };
    if meta.is_dir() {
        walker.walk(root)?;
    } else {
        walker.read_file(root)?;
    }
    let Walker {
        mut corpus,
        mut found,
        site_names,
        mut unusable,
        pagefind_body,
        unmarked,
        html,
        ..
    } = walker;
    if unusable.len() > 1 {
        return Err(CorpusError::Files { errors: unusable });
    }
    if let Some(e) = unusable.pop() {
        return Err(e);
    }
    site_names.cut_from(&mut found);
    template::cut_from(&mut found, &html);
    if pagefind_body {
        let mut drop = vec![false; found.len()];
        for (at, path) in unmarked {
            drop[at] = true;
            let why = "no data-pagefind-body, which other pages have";
            corpus.left_out.push((path, why.to_string()));
        }
        let mut at = 0;
        found.retain(|_| {
            at += 1;
            !drop[at - 1]
        });
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

/// The state of one corpus read.
struct Walker<'a> {
    root: &'a Path,
    limits: &'a Limits,
    corpus: Corpus,
    /// (document, place) pairs; the place names the file and line for errors.
    found: Vec<(Document, String)>,
    /// Site names cut from HTML titles, to cut from the others at the end.
    site_names: site_name::SiteNames,
    /// Files that cannot be documents, reported together at the end.
    unusable: Vec<CorpusError>,
    /// Whether a page marks its content with `data-pagefind-body`; then,
    /// as Pagefind does, the HTML pages that do not (`unmarked`: their
    /// place in `found`, and their path) are left out.
    pagefind_body: bool,
    unmarked: Vec<(usize, PathBuf)>,
    /// The places in `found` of HTML pages, whose repeated frame
    /// `template` cuts.
    html: Vec<usize>,
}

impl Walker<'_> {
    fn walk(&mut self, dir: &Path) -> Result<(), CorpusError> {
        self.corpus.dirs.push(dir.to_path_buf());
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
                self.walk(&path)?;
            } else if let Some(p) = self.limits.exclude.matching(&rel_path(self.root, &path)) {
                self.leave_out(&path, format!("QUARRY_EXCLUDE {p}"));
            } else if let Err(e) = self.read_file(&path) {
                if e.unusable_file().is_none() {
                    return Err(e);
                }
                self.unusable.push(e);
            }
        }
        Ok(())
    }

    /// Lists a file that is not a document, with why; it stays watched,
    /// so that a change to it rebuilds the index.
    fn leave_out(&mut self, path: &Path, why: String) {
        self.corpus.left_out.push((path.to_path_buf(), why));
        self.corpus.files.push(path.to_path_buf());
    }

    fn read_file(&mut self, path: &Path) -> Result<(), CorpusError> {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let ext = ext.to_ascii_lowercase();
        if ext == "txt" && is_source_copy(path) {
            let why = "a copy of a page's markup source, as in Sphinx's _sources";
            self.leave_out(path, why.to_string());
            return Ok(());
        }
        if ext == "txt" && is_site_file(path) {
            let why = "a file sites serve as it is (robots.txt, a licence), not a page";
            self.leave_out(path, why.to_string());
            return Ok(());
        }
        let id = || doc_id(self.root, path);
        let doc = match ext.as_str() {
            "txt" => txt::read(&id(), &self.read_document(path, false)?),
            "md" | "markdown" => markdown::read(path, &id(), &self.read_document(path, false)?)?,
            "mdx" => {
                let text = markdown::without_esm(&self.read_document(path, false)?);
                markdown::read(path, &id(), &text)?
            }
            "html" | "htm" => {
                let text = match self.read_document(path, true) {
                    Err(e @ CorpusError::TooBig { .. }) => match html_head_left_out(path) {
                        Some(why) => {
                            self.leave_out(path, why.to_string());
                            return Ok(());
                        }
                        None => return Err(e),
                    },
                    read => read?,
                };
                let page = html::read(&id(), &rel_path(self.root, path), &text).map_err(
                    |(line, limit)| CorpusError::TooDeep {
                        path: path.to_path_buf(),
                        line,
                        limit,
                    },
                )?;
                match page {
                    html::Page::Doc {
                        doc,
                        site_name,
                        lang,
                        pagefind_body,
                    } => {
                        if let Some(lang) = lang {
                            *self.corpus.langs.entry(lang.clone()).or_default() += 1;
                            let kept = &self.limits.langs;
                            if !kept.is_empty() && !kept.contains(&lang) {
                                self.leave_out(path, format!("lang {lang}"));
                                return Ok(());
                            }
                        }
                        self.site_names
                            .note(self.found.len(), &doc.title, site_name);
                        self.html.push(self.found.len());
                        if pagefind_body {
                            self.pagefind_body = true;
                        } else {
                            self.unmarked.push((self.found.len(), path.to_path_buf()));
                        }
                        *doc
                    }
                    html::Page::LeftOut(why) => {
                        self.leave_out(path, why.to_string());
                        return Ok(());
                    }
                }
            }
            "jsonl" => {
                let text = read_text(path)?;
                for (doc, line, bytes) in jsonl::read(path, &text)? {
                    let place = format!("{}:{line}", path.display());
                    self.check_size(&place, || doc.id.clone(), bytes as u64)?;
                    self.push(doc, place)?;
                }
                self.corpus.files.push(path.to_path_buf());
                return Ok(());
            }
            _ => {
                self.corpus.skipped.push(path.to_path_buf());
                return Ok(());
            }
        };
        self.push(doc, path.display().to_string())?;
        self.corpus.files.push(path.to_path_buf());
        Ok(())
    }

    /// A document of `bytes` (its file, or its JSON line) over the size
    /// limit fails with its place and id.
    fn check_size(
        &self,
        place: &str,
        id: impl FnOnce() -> String,
        bytes: u64,
    ) -> Result<(), CorpusError> {
        if bytes > self.limits.max_doc_bytes as u64 {
            return Err(CorpusError::TooBig {
                place: place.to_string(),
                id: id(),
                bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                limit: self.limits.max_doc_bytes,
            });
        }
        Ok(())
    }

    fn push(&mut self, mut doc: Document, place: String) -> Result<(), CorpusError> {
        // Every reader's dates in one form (see `date`).
        for (key, value) in &mut doc.fields {
            if let ("date", FieldValue::Str(v)) = (key.as_str(), &*value) {
                if let Some(iso) = date::iso(v) {
                    *value = FieldValue::Str(iso);
                }
            }
        }
        if self.found.len() >= self.limits.max_docs {
            return Err(CorpusError::TooMany {
                place,
                limit: self.limits.max_docs,
            });
        }
        self.found.push((doc, place));
        Ok(())
    }

    /// Reads a file that holds one document: its size is checked against
    /// the limit before it is read. An HTML page may be in the encoding it
    /// declares (see `charset`).
    fn read_document(&mut self, path: &Path, html: bool) -> Result<String, CorpusError> {
        let size = std::fs::metadata(path)
            .map_err(|e| CorpusError::Io {
                path: path.to_path_buf(),
                source: e,
            })?
            .len();
        self.check_size(
            &path.display().to_string(),
            || doc_id(self.root, path),
            size,
        )?;
        if !html {
            return read_text(path);
        }
        let bytes = read_bytes(path)?;
        // Most pages are UTF-8: their own encoding is looked for only when
        // they are not (a UTF-16 one reads as binary).
        let err = match decode_text(path, &bytes) {
            Err(e @ (CorpusError::NotUtf8 { .. } | CorpusError::Binary { .. })) => e,
            read => return read,
        };
        let Some((text, how)) = charset::decode_html(&bytes) else {
            return Err(err);
        };
        if how == charset::Source::Guessed {
            self.corpus.guessed.push(path.to_path_buf());
        }
        decode_text(path, text.as_bytes())
    }
}

/// Why an HTML page too large to read is not a document anyway, from its
/// head (see `html::left_out_by_head`); `None` if it is one or cannot be read.
fn html_head_left_out(path: &Path) -> Option<&'static str> {
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
fn is_site_file(path: &Path) -> bool {
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
fn is_source_copy(path: &Path) -> bool {
    let stem = Path::new(path.file_stem().unwrap_or_default());
    let inner = stem.extension().and_then(|e| e.to_str()).unwrap_or("");
    ["rst", "rest", "md", "markdown", "txt", "ipynb"]
        .iter()
        .any(|e| inner.eq_ignore_ascii_case(e))
}

/// Reads a text file: rejects NUL bytes, invalid UTF-8 and empty files;
/// drops a byte order mark.
fn read_text(path: &Path) -> Result<String, CorpusError> {
    decode_text(path, &read_bytes(path)?)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, CorpusError> {
    std::fs::read(path).map_err(|e| CorpusError::Io {
        path: path.to_path_buf(),
        source: e,
    })
}

/// A list field as text, `a, b`, empty items left out: the one form of
/// front matter lists and JSON arrays.
fn list_text(items: impl IntoIterator<Item = String>) -> String {
    items
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A file's path below the root with `/` separators.
fn rel_path(root: &Path, path: &Path) -> String {
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
fn doc_id(root: &Path, path: &Path) -> String {
    let rel = rel_path(root, path);
    let name_at = rel.rfind('/').map_or(0, |i| i + 1);
    match rel[name_at..].rfind('.') {
        Some(dot) if dot > 0 => rel[..name_at + dot].to_string(),
        _ => rel,
    }
}

/// Checks a file's bytes as text: no NUL byte, valid UTF-8, not empty; a
/// byte order mark is dropped.
fn decode_text(path: &Path, bytes: &[u8]) -> Result<String, CorpusError> {
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

#[cfg(test)]
mod tests;
