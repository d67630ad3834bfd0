//! How much a corpus may hold: a guard against a stray log file or a runaway
//! export turning into a module nobody can download.

use super::exclude::Exclude;

/// Corpus limits, and the files left out. `build.rs` reads them from
/// `QUARRY_MAX_DOC_BYTES`, `QUARRY_MAX_DOCS` and `QUARRY_EXCLUDE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest document, in bytes of its file (or of its JSON line).
    pub max_doc_bytes: usize,
    /// Most documents in the corpus.
    pub max_docs: usize,
    /// Files of a corpus folder left out by name.
    pub exclude: Exclude,
    /// Languages kept (primary subtags, lower-case): an HTML page whose
    /// `<html lang>` is another is left out. Empty keeps every page.
    pub langs: Vec<String>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_doc_bytes: 1 << 20,
            max_docs: 1_000_000,
            exclude: Exclude::default(),
            langs: Vec::new(),
        }
    }
}

impl Limits {
    /// The defaults, overridden by environment variables read through
    /// `var`; a value that is not a positive whole number is an error
    /// naming the variable.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<Limits, String> {
        let mut limits = Limits {
            exclude: Exclude::parse(&var("QUARRY_EXCLUDE").unwrap_or_default()),
            langs: langs(&var("QUARRY_LANG").unwrap_or_default())?,
            ..Limits::default()
        };
        for (name, slot) in [
            ("QUARRY_MAX_DOC_BYTES", &mut limits.max_doc_bytes),
            ("QUARRY_MAX_DOCS", &mut limits.max_docs),
        ] {
            let Some(value) = var(name).filter(|v| !v.trim().is_empty()) else {
                continue;
            };
            *slot = positive_whole(&value).ok_or_else(|| {
                format!("{name} must be a positive whole number, got \"{value}\"")
            })?;
        }
        Ok(limits)
    }
}

/// An environment variable's positive whole number, its `_` dropped
/// (`1_000_000`) and spaces around it allowed.
pub(crate) fn positive_whole<N: std::str::FromStr + PartialOrd + Default>(
    value: &str,
) -> Option<N> {
    let n = value.trim().replace('_', "").parse::<N>().ok()?;
    (n > N::default()).then_some(n)
}

/// A language tag as pages are compared by it, `QUARRY_LANG`'s and
/// `<html lang>`'s alike: its primary subtag, lower-case (`en-GB` is `en`).
pub(super) fn primary_subtag(tag: &str) -> String {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
    primary.trim().to_ascii_lowercase()
}

/// `QUARRY_LANG`'s languages: `en` or `en,fr`, by [`primary_subtag`].
fn langs(value: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for item in value.split(',').map(str::trim).filter(|l| !l.is_empty()) {
        let primary = primary_subtag(item);
        if primary.is_empty() || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(format!(
                "QUARRY_LANG must list language codes such as en or en,fr, got \"{item}\""
            ));
        }
        out.push(primary);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_overrides_defaults() {
        let l = Limits::from_env(|k| (k == "QUARRY_MAX_DOCS").then(|| "2_000".into())).unwrap();
        assert_eq!(l.max_docs, 2000);
        assert_eq!(l.max_doc_bytes, Limits::default().max_doc_bytes);
    }

    #[test]
    fn languages_are_primary_subtags() {
        let l = Limits::from_env(|k| (k == "QUARRY_LANG").then(|| " en-GB, FR ,".into())).unwrap();
        assert_eq!(l.langs, ["en", "fr"]);
        assert!(Limits::default().langs.is_empty());
        let e = Limits::from_env(|k| (k == "QUARRY_LANG").then(|| "en,*".into())).unwrap_err();
        assert_eq!(
            e,
            "QUARRY_LANG must list language codes such as en or en,fr, got \"*\""
        );
    }

    #[test]
    fn bad_values_name_the_variable() {
        for bad in ["0", "-5", "lots", "1.5"] {
            let e = Limits::from_env(|k| (k == "QUARRY_MAX_DOC_BYTES").then(|| bad.into()))
                .unwrap_err();
            assert!(e.starts_with("QUARRY_MAX_DOC_BYTES must be"), "{e}");
            assert!(e.contains(bad), "{e}");
        }
    }
}
