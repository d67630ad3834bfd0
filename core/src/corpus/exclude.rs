//! `QUARRY_EXCLUDE`: files of a corpus folder left out by name, with
//! patterns in the manner of `.gitignore`, so that the pages a site
//! generator makes around its content (`genindex*.html`, `tags/`,
//! `page/*/index.html`) can be kept out without editing them.

/// Patterns a file's path below the corpus root is checked against.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Exclude {
    patterns: Vec<Pattern>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    /// As written, to name it.
    text: String,
    glob: Vec<char>,
    /// Matched against a path from the root, not one name.
    anchored: bool,
    /// Matches folders only.
    dir: bool,
}

impl Exclude {
    /// Comma-separated patterns, read as `.gitignore` reads them: `*` is
    /// any run of characters but `/`, `?` one of them, `**` any run
    /// including `/`. A pattern with a `/` at its start or in its middle is
    /// matched against paths from the corpus root, any other against one
    /// name at any depth; one ending in `/` matches folders only. A folder
    /// matched leaves out everything under it.
    pub fn parse(list: &str) -> Exclude {
        let patterns = list
            .split(',')
            .map(str::trim)
            .filter_map(|text| {
                let dir = text.ends_with('/');
                let body = text.trim_end_matches('/');
                let anchored = body.contains('/');
                let glob: Vec<char> = body.trim_start_matches('/').chars().collect();
                (!glob.is_empty()).then(|| Pattern {
                    text: text.to_string(),
                    glob,
                    anchored,
                    dir,
                })
            })
            .collect();
        Exclude { patterns }
    }

    /// The first pattern that `path` (relative, `/`-separated) or one of
    /// its folders matches.
    pub fn matching(&self, path: &str) -> Option<&str> {
        if self.patterns.is_empty() {
            return None;
        }
        // Each folder's path and name, then the file's.
        let mut steps = Vec::new();
        let mut start = 0;
        for (end, _) in path.match_indices('/').chain([(path.len(), "")]) {
            steps.push((&path[..end], &path[start..end], end == path.len()));
            start = end + 1;
        }
        self.patterns.iter().find_map(|p| {
            steps
                .iter()
                .filter(|&&(_, _, file)| !(p.dir && file))
                .any(|&(whole, name, _)| {
                    let text: Vec<char> = if p.anchored { whole } else { name }.chars().collect();
                    glob(&p.glob, &text)
                })
                .then_some(p.text.as_str())
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
            " genindex*.html, /search.html ,blog/page/*/index.html, tags/, ,a/**/b.md, /drafts",
        );
        for (path, want) in [
            ("genindex.html", Some("genindex*.html")),
            ("api/genindex-A.html", Some("genindex*.html")),
            ("genindex.htm", None),
            ("search.html", Some("/search.html")),
            ("docs/search.html", None),
            ("genindex.html/x.html", Some("genindex*.html")),
            ("blog/page/2/index.html", Some("blog/page/*/index.html")),
            ("blog/page/2/3/index.html", None),
            ("blog/post/index.html", None),
            ("tags/rust.html", Some("tags/")),
            ("tags/2024/rust.html", Some("tags/")),
            ("old/tags/rust.html", Some("tags/")),
            ("tags", None),
            ("drafts", Some("/drafts")),
            ("drafts/a.md", Some("/drafts")),
            ("x/drafts/a.md", None),
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
