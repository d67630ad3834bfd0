//! Walking a corpus directory: each file read by its format's reader,
//! checked against the limits, or left out with the reason.

use super::files::{
    decode_text, doc_id, html_head_left_out, is_site_file, is_source_copy, read_bytes, read_text,
    rel_path,
};
use super::{charset, date, html, jsonl, markdown, site_name, txt, Corpus, CorpusError, Limits};
use crate::document::{Document, FieldValue};
use std::path::{Path, PathBuf};

/// The state of one corpus read.
pub(super) struct Walker<'a> {
    pub(super) root: &'a Path,
    pub(super) limits: &'a Limits,
    pub(super) corpus: Corpus,
    /// (document, place) pairs; the place names the file and line for errors.
    pub(super) found: Vec<(Document, String)>,
    /// Site names cut from HTML titles, to cut from the others at the end.
    pub(super) site_names: site_name::SiteNames,
    /// Files that cannot be documents, reported together at the end.
    pub(super) unusable: Vec<CorpusError>,
    /// Whether a page marks its content with `data-pagefind-body`; then,
    /// as Pagefind does, the HTML pages that do not (`unmarked`: their
    /// place in `found`, and their path) are left out.
    pub(super) pagefind_body: bool,
    pub(super) unmarked: Vec<(usize, PathBuf)>,
    /// The places in `found` of HTML pages, whose repeated frame
    /// `template` cuts.
    pub(super) html: Vec<usize>,
}

impl Walker<'_> {
    pub(super) fn walk(&mut self, dir: &Path) -> Result<(), CorpusError> {
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

    pub(super) fn read_file(&mut self, path: &Path) -> Result<(), CorpusError> {
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
