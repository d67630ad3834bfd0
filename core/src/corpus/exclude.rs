//! `QUARRY_EXCLUDE`: files of a corpus folder left out by name, with
//! patterns in the manner of `.gitignore`, so that the pages a site
//! generator makes around its content (`genindex*.html`, `tags/`,
//! `page/*/index.html`) can be kept out without editing them.

/// Patterns a file's path below the corpus root is checked against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exclude {
    patterns: Vec<String>,
}

impl Exclude {
    /// Comma-separated patterns: `*` is any run of characters but `/`, `?`
    /// one of them, `**` any run including `/`. A pattern without `/` is
    /// matched against the file's name in every folder; with one, against
    /// its whole path from the corpus root (a leading `/` changes nothing);
    /// one ending in `/` leaves out the folder with everything under it.
    pub fn parse(list: &str) -> Exclude {
        let patterns = list
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                let p = p.trim_start_matches('/');
                match p.strip_suffix('/') {
                    Some(dir) => format!("{dir}/**"),
                    None => p.to_string(),
                }
            })
            .collect();
        Exclude { patterns }
    }

    /// The first pattern that `path` (relative, `/`-separated) matches.
    pub fn matching(&self, path: &str) -> Option<&str> {
        let name = path.rsplit('/').next().unwrap_or(path);
        self.patterns.iter().map(String::as_str).find(|p| {
            let whole = if p.contains('/') { path } else { name };
            let (p, s): (Vec<char>, Vec<char>) = (p.chars().collect(), whole.chars().collect());
            glob(&p, &s)
        })
    }
}

/// Whether `text` matches `pattern` (see [`Exclude::parse`]), in time
/// proportional to their lengths' product, whatever the stars.
fn glob(pattern: &[char], text: &[char]) -> bool {
    let (p, t) = (pattern.len(), text.len());
    // `ok[i][j]`: `pattern[i..]` matches `text[j..]`; filled from the ends.
    let mut ok = vec![vec![false; t + 1]; p + 1];
    ok[p][t] = true;
    for i in (0..p).rev() {
        let double = pattern[i] == '*' && pattern.get(i + 1) == Some(&'*');
        for j in (0..=t).rev() {
            let here = text.get(j).copied();
            ok[i][j] = match pattern[i] {
                // `**/` also matches no folder at all: `a/**/b` takes `a/b`.
                '*' if double => {
                    ok[i + 2][j]
                        || (here.is_some() && ok[i][j + 1])
                        || (pattern.get(i + 2) == Some(&'/') && ok[i + 3][j])
                }
                '*' => ok[i + 1][j] || (here.is_some_and(|c| c != '/') && ok[i][j + 1]),
                '?' => here.is_some_and(|c| c != '/') && ok[i + 1][j + 1],
                c => here == Some(c) && ok[i + 1][j + 1],
            };
        }
    }
    ok[0][0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_paths_and_folders() {
        let e = Exclude::parse(
            " genindex*.html, /search.html ,blog/page/*/index.html, tags/, ,a/**/b.md",
        );
        for (path, want) in [
            ("genindex.html", Some("genindex*.html")),
            ("api/genindex-A.html", Some("genindex*.html")),
            ("genindex.htm", None),
            ("search.html", Some("search.html")),
            ("docs/search.html", Some("search.html")),
            ("blog/page/2/index.html", Some("blog/page/*/index.html")),
            ("blog/page/2/3/index.html", None),
            ("blog/post/index.html", None),
            ("tags/rust.html", Some("tags/**")),
            ("tags/2024/rust.html", Some("tags/**")),
            ("old/tags/rust.html", None),
            ("a/b.md", Some("a/**/b.md")),
            ("a/x/y/b.md", Some("a/**/b.md")),
            ("ab.md", None),
        ] {
            assert_eq!(e.matching(path), want, "{path}");
        }
        assert_eq!(Exclude::parse("").matching("a.html"), None);
        assert_eq!(Exclude::parse("?.md").matching("é.md"), Some("?.md"));
        assert_eq!(Exclude::parse("*").matching("x/y.txt"), Some("*"));
        // Many stars on a long path: no backtracking blow-up.
        let long = format!("{}/c", "a".repeat(300));
        assert_eq!(
            Exclude::parse("**a**a**a**a**a**a**b/").matching(&long),
            None
        );
    }
}
