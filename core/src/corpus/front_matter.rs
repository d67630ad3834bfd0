//! A Markdown page's front matter, `---` YAML or `+++` TOML, read by real
//! parsers: block lists (`tags:` then `- a` lines, indented or not),
//! folded and literal text (`description: >`), quoted strings with
//! escapes, comments and TOML dates are what site generators accept, and
//! a line-by-line reader got them wrong or refused them.
//!
//! Each top-level key gives one flat text value: a scalar as written, a
//! list of scalars as `a, b`. A nested table has no flat value and a key
//! with no value gives nothing; both are left out.

use super::{list_text, CorpusError};
use std::path::Path;
use toml::Value as Toml;
use yaml_rust2::{Yaml, YamlLoader};

/// Front matter as `(key, value)` pairs, in file order for YAML.
pub type Pairs = Vec<(String, String)>;

/// Splits off the front matter: its pairs and the text after it.
pub fn split<'t>(path: &Path, text: &'t str) -> Result<(Pairs, &'t str), CorpusError> {
    let fence = match text.lines().next().map(str::trim_end) {
        Some("---") => "---",
        Some("+++") => "+++",
        _ => return Ok((Vec::new(), text)),
    };
    let error = |line: usize, detail: String| CorpusError::FrontMatter {
        path: path.to_path_buf(),
        line,
        detail,
    };
    let start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut end = start;
    for line in text[start..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == fence || (fence == "---" && bare == "...") {
            let matter = &text[start..end];
            let rest = &text[end + line.len()..];
            // Line numbers in the file: the fence is line 1.
            let pairs = if fence == "---" {
                yaml(matter).map_err(|(line, e)| error(line + 1, e))?
            } else {
                toml(matter).map_err(|(line, e)| error(line + 1, e))?
            };
            return Ok((pairs, rest));
        }
        end += line.len();
    }
    Err(error(1, format!("opened with `{fence}` but never closed")))
}

/// YAML's pairs, or the 1-based line of the matter where it is wrong.
fn yaml(matter: &str) -> Result<Pairs, (usize, String)> {
    let docs = YamlLoader::load_from_str(matter)
        .map_err(|e| (e.marker().line().max(1), format!("YAML: {}", e.info())))?;
    let map = match docs.into_iter().next() {
        None | Some(Yaml::Null) => return Ok(Vec::new()),
        Some(Yaml::Hash(map)) => map,
        Some(other) => {
            return Err((
                1,
                format!("expected `key: value` lines, got {}", yaml_kind(&other)),
            ));
        }
    };
    Ok(map
        .into_iter()
        .filter_map(|(k, v)| Some((yaml_scalar(&k)?, yaml_text(&v)?)))
        .collect())
}

fn yaml_scalar(v: &Yaml) -> Option<String> {
    match v {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

fn yaml_text(v: &Yaml) -> Option<String> {
    match v {
        Yaml::Array(items) => Some(list_text(items.iter().filter_map(yaml_scalar))),
        _ => yaml_scalar(v),
    }
}

fn yaml_kind(v: &Yaml) -> &'static str {
    match v {
        Yaml::Array(_) => "a list",
        _ => "a lone value",
    }
}

/// TOML's pairs, or the 1-based line of the matter where it is wrong.
fn toml(matter: &str) -> Result<Pairs, (usize, String)> {
    let table: toml::Table = matter.parse().map_err(|e: toml::de::Error| {
        let at = e.span().map_or(0, |s| s.start).min(matter.len());
        let line = matter.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        (line, format!("TOML: {}", e.message()))
    })?;
    Ok(table
        .into_iter()
        .filter_map(|(k, v)| Some((k, toml_text(&v)?)))
        .collect())
}

fn toml_scalar(v: &Toml) -> Option<String> {
    match v {
        Toml::String(s) => Some(s.clone()),
        Toml::Integer(i) => Some(i.to_string()),
        Toml::Float(x) => Some(x.to_string()),
        Toml::Boolean(b) => Some(b.to_string()),
        Toml::Datetime(d) => Some(d.to_string()),
        Toml::Array(_) | Toml::Table(_) => None,
    }
}

fn toml_text(v: &Toml) -> Option<String> {
    match v {
        Toml::Array(items) => Some(list_text(items.iter().filter_map(toml_scalar))),
        _ => toml_scalar(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Pairs {
        split(Path::new("p.md"), text).unwrap().0
    }

    fn err(text: &str) -> String {
        split(Path::new("p.md"), text).unwrap_err().to_string()
    }

    fn get<'p>(p: &'p Pairs, key: &str) -> Option<&'p str> {
        p.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    #[test]
    fn yaml_block_lists_folded_text_quotes_and_comments() {
        let p = pairs(
            "---\nlabels:\n- \"Question/Not a bug\"\n- bug\ntags:\n  - a\n  - 'b'\n\
             description: >-\n  one\n  two\nquoted: \"say \\\"hi\\\"\" # a comment\n\
             it's: 'it''s'\nn: 3\nempty:\nauthor:\n  name: x\n---\nbody\n",
        );
        assert_eq!(get(&p, "labels"), Some("Question/Not a bug, bug"));
        assert_eq!(get(&p, "tags"), Some("a, b"));
        assert_eq!(get(&p, "description"), Some("one two"));
        assert_eq!(get(&p, "quoted"), Some("say \"hi\""));
        assert_eq!(get(&p, "it's"), Some("it's"));
        assert_eq!(get(&p, "n"), Some("3"));
        assert_eq!(get(&p, "empty"), None);
        assert_eq!(get(&p, "author"), None);
        let keys: Vec<&str> = p.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["labels", "tags", "description", "quoted", "it's", "n"]
        );
    }

    #[test]
    fn toml_values_dates_and_lists() {
        let p = pairs("+++\ntitle = \"T\"\ndate = 2024-01-02T10:00:00Z\ntags = [\"a\", \"b\"]\n[params]\nx = 1\n+++\nbody");
        assert_eq!(get(&p, "title"), Some("T"));
        assert_eq!(get(&p, "date"), Some("2024-01-02T10:00:00Z"));
        assert_eq!(get(&p, "tags"), Some("a, b"));
        assert_eq!(get(&p, "params"), None);
    }

    #[test]
    fn the_rest_follows_the_closing_fence() {
        let (p, rest) = split(Path::new("p.md"), "---\r\ntitle: Win\r\n...\r\nLine\r\n").unwrap();
        assert_eq!(get(&p, "title"), Some("Win"));
        assert_eq!(rest, "Line\r\n");
        assert_eq!(
            split(Path::new("p.md"), "# No matter\n").unwrap().1,
            "# No matter\n"
        );
        assert!(pairs("---\n---\nx").is_empty());
    }

    #[test]
    fn errors_name_the_file_line() {
        assert_eq!(
            err("---\ntitle: a\ntags: [x, y\nb: 1\n---\nx"),
            "p.md:4: front matter: YAML: illegal placement of ':' indicator"
        );
        assert_eq!(
            err("+++\ntitle = \"T\"\nb = \n+++\nx"),
            "p.md:3: front matter: TOML: string values must be quoted, expected literal string"
        );
        assert_eq!(
            err("---\n- a\n- b\n---\nx"),
            "p.md:2: front matter: expected `key: value` lines, got a list"
        );
        assert_eq!(
            err("---\ntitle: a\n"),
            "p.md:1: front matter: opened with `---` but never closed"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_matter_gives_pairs_or_an_error_on_a_line_of_it(
            fence in "---|\\+\\+\\+",
            matter in "[a-z: \\-\\[\\]\"'=|>#\n]{0,60}|\\PC{0,30}",
        ) {
            let text = format!("{fence}\n{matter}\n{fence}\nbody");
            if let Err(CorpusError::FrontMatter { line, .. }) = split(Path::new("p.md"), &text) {
                proptest::prop_assert!(line >= 1 && line <= text.lines().count());
            }
        }
    }
}
