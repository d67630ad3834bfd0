//! The corpus reader on real files in a scratch directory: formats here,
//! bad input in `errors`, what a site's pages leave out in `sites`.

mod errors;
mod sites;

use super::*;
use crate::document::FieldValue as FieldValueOf;
use std::fs;

/// A fresh directory under the system's temporary one, removed when the
/// test ends (each run has its own: the name holds the process id).
fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("quarry-corpus-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    Scratch(dir)
}

struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn err_text(root: &Path) -> String {
    read_corpus(root).expect_err("corpus must fail").to_string()
}

#[test]
fn jsonl_takes_integer_ids_flattens_lists_and_flags_and_dates_become_iso() {
    let dir = scratch("flat");
    let f = dir.join("docs.jsonl");
    fs::write(
        &f,
        "{\"id\":7,\"title\":\"t\",\"body\":\"x\",\"tags\":[\"a\",1,true,null,\"\"],\
         \"draft\":false,\"meta\":{\"k\":1},\"deep\":[[1]],\"n\":null,\"year\":2024,\
         \"date\":\"Mon, 01 May 2023 10:00:00 +0000\"}\n",
    )
    .unwrap();
    let d = &read_corpus(&f).unwrap().docs[0];
    assert_eq!(d.id, "7");
    let fields: Vec<(&str, &FieldValueOf)> =
        d.fields.iter().map(|(k, v)| (k.as_str(), v)).collect();
    assert_eq!(
        fields,
        [
            ("date", &FieldValueOf::Str("2023-05-01".into())),
            ("draft", &FieldValueOf::Str("false".into())),
            ("tags", &FieldValueOf::Str("a, 1, true".into())),
            ("year", &FieldValueOf::Num(2024.0)),
        ]
    );
}

#[test]
fn empty_directory_has_no_documents() {
    let dir = scratch("nodocs");
    fs::write(dir.join("notes.bin"), "x").unwrap();
    assert!(err_text(&dir)
        .ends_with("corpus has no documents (readable formats: .txt, .md, .mdx, .html, .jsonl)"));
}

#[test]
fn jsonl_fields_url_bom_and_crlf() {
    let dir = scratch("fields");
    let f = dir.join("docs.jsonl");
    fs::write(
        &f,
        "\u{feff}{\"id\":\"b\",\"title\":\"B\",\"body\":\"y\",\"year\":2024,\"url\":\"/b\"}\r\n{\"id\":\"a\",\"title\":\"A\",\"body\":\"x\",\"note\":null}\r\n",
    )
    .unwrap();
    let c = read_corpus(&f).unwrap();
    assert_eq!(c.docs.len(), 2);
    assert_eq!(c.docs[0].id, "a");
    assert!(c.docs[0].fields.is_empty());
    assert_eq!(c.docs[1].url.as_deref(), Some("/b"));
    assert_eq!(
        c.docs[1].fields,
        vec![("year".into(), FieldValueOf::Num(2024.0))]
    );
}

#[test]
fn directory_ids_are_relative_paths_and_unknown_files_skipped() {
    let dir = scratch("ids");
    fs::create_dir_all(dir.join("news/2024")).unwrap();
    fs::write(dir.join("news/2024/a.txt"), "Hello there.").unwrap();
    fs::write(dir.join("b.txt"), "Bye.").unwrap();
    fs::write(dir.join("image.png"), "png").unwrap();
    let c = read_corpus(&dir).unwrap();
    let ids: Vec<&str> = c.docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["b", "news/2024/a"]);
    assert_eq!(c.skipped, [dir.join("image.png")]);
    assert_eq!(c.files.len(), 2);
}

#[test]
fn seed_corpus_reads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let c = read_corpus(&root).unwrap();
    assert_eq!(c.docs.len(), 2);
    let place = |i: usize| {
        c.docs[i]
            .fields
            .iter()
            .find(|(k, _)| k == "place")
            .unwrap()
            .1
            .clone()
    };
    assert_eq!(place(0), FieldValueOf::Str("SANTIAGO".into()));
    assert_eq!(place(1), FieldValueOf::Str("MEXICO CITY".into()));
}

#[test]
fn txt_with_bom_and_crlf_reads_like_plain() {
    let dir = scratch("crlf");
    fs::write(
        dir.join("a.txt"),
        "\u{feff} date 2024-01-02 HUE - First line.\r\nSecond line.\r\n",
    )
    .unwrap();
    let c = read_corpus(&dir).unwrap();
    let d = &c.docs[0];
    assert_eq!(d.title, "First line.");
    assert_eq!(d.body, "First line.\nSecond line.");
    assert_eq!(
        d.fields[1],
        ("place".into(), FieldValueOf::Str("HUE".into()))
    );
}
