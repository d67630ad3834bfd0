//! How an index is written, beyond its documents: build.rs reads it from
//! the environment.

use crate::search::answered::MIN_POSTINGS;

/// The writer's choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOptions {
    /// Store the first page of every one-word query whose evaluation reads
    /// at least this many postings (see `search::answered`); `None`
    /// stores none. Lower answers more words from the index, for more
    /// bytes.
    pub answers_from: Option<u64>,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            answers_from: Some(MIN_POSTINGS),
        }
    }
}

impl WriteOptions {
    /// The defaults, overridden by `QUARRY_ANSWERS` read through `var`: a
    /// positive whole number of postings, or `none`. Anything else is an
    /// error naming the variable.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<WriteOptions, String> {
        let mut opts = WriteOptions::default();
        let Some(value) = var("QUARRY_ANSWERS").filter(|v| !v.trim().is_empty()) else {
            return Ok(opts);
        };
        opts.answers_from = if value.trim().eq_ignore_ascii_case("none") {
            None
        } else {
            Some(crate::corpus::positive_whole(&value).ok_or_else(|| {
                format!(
                    "QUARRY_ANSWERS must be a positive whole number of postings, or none, got \"{value}\""
                )
            })?)
        };
        Ok(opts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(value: Option<&str>) -> Result<WriteOptions, String> {
        WriteOptions::from_env(|name| {
            assert_eq!(name, "QUARRY_ANSWERS");
            value.map(str::to_string)
        })
    }

    #[test]
    fn answers_threshold_comes_from_the_environment() {
        assert_eq!(read(None), Ok(WriteOptions::default()));
        assert_eq!(read(Some(" ")), Ok(WriteOptions::default()));
        assert_eq!(read(Some("100")).unwrap().answers_from, Some(100));
        assert_eq!(read(Some(" 1_000 ")).unwrap().answers_from, Some(1000));
        assert_eq!(read(Some("none")).unwrap().answers_from, None);
        assert_eq!(read(Some("NONE")).unwrap().answers_from, None);
        for bad in ["0", "-5", "1.5", "lots", "300 postings"] {
            let e = read(Some(bad)).unwrap_err();
            assert!(e.starts_with("QUARRY_ANSWERS must be"), "{e}");
            assert!(e.ends_with(&format!("got \"{bad}\"")), "{e}");
        }
    }
}
