//! Corpus readers: a directory of files or one `.jsonl` file in, documents
//! out, or one error that names the place.

mod charset;
mod copies;
mod date;
mod error;
mod exclude;
mod files;
mod front_matter;
mod html;
mod jsonl;
mod limits;
pub(crate) mod links;
mod markdown;
mod pagefind;
mod sections;
mod site_name;
mod template;
mod txt;
mod walker;

pub use error::CorpusError;
pub use exclude::Exclude;
pub(crate) use limits::positive_whole;
pub use limits::Limits;

use crate::document::Document;
use files::list_text;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use walker::Walker;

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
    let mut drop = vec![false; found.len()];
    if pagefind_body {
        for (at, path) in unmarked {
            drop[at] = true;
            let why = "no data-pagefind-body, which other pages have";
            corpus.left_out.push((path, why.to_string()));
        }
    }
    copies::mark(&mut found, &html, &mut drop, &mut corpus.left_out);
    let mut at = 0;
    found.retain(|_| {
        at += 1;
        !drop[at - 1]
    });
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
    crate::document::sort_by_id(&mut corpus.docs);
    Ok(corpus)
}

#[cfg(test)]
mod tests;
