//! The Markdown reader's tests.

use super::*;

fn md(text: &str) -> Document {
    read(Path::new("site/page.md"), "page", text).unwrap()
}

fn err(text: &str) -> String {
    read(Path::new("site/page.md"), "page", text)
        .unwrap_err()
        .to_string()
}

#[test]
fn links_to_other_pages_are_kept_as_ids() {
    let d = read(
        Path::new("site/guide/page.md"),
        "guide/page",
        "# Page\n\nSee [install](install.md#linux), [the API](../api/), [again](install.md),\n[this](#top), [here](page.md) and [the web](https://example.org).\n",
    )
    .unwrap();
    assert_eq!(d.links, ["api/index", "guide/install"]);
}

#[test]
fn front_matter_gives_title_url_and_fields() {
    let d = md("---\ntitle: \"Install: the guide\"\ndate: 2024-03-01\ntags: [setup, 'cli']\nplace: Hà Nội\nurl: /guide/install/\n---\n# Heading\n\nSome *text*.\n");
    assert_eq!(d.title, "Install: the guide");
    assert_eq!(d.url.as_deref(), Some("/guide/install/"));
    assert_eq!(d.field_str("date"), Some("2024-03-01"));
    assert_eq!(d.field_str("tags"), Some("setup, cli"));
    assert_eq!(d.field_str("place"), Some("Hà Nội"));
    // The heading stays in the body when front matter names the title.
    assert_eq!(d.body, "Heading\n\nSome text.");
}

#[test]
fn first_heading_is_the_title_otherwise() {
    let d = md("Intro line.\n\n# The Title\n\nBody `code` and [a link](x.html).\n\n## Sub\n\n- one\n- two\n");
    assert_eq!(d.title, "The Title");
    assert_eq!(
        d.body,
        "Intro line.\n\nBody code and a link.\n\nSub\n\none\n\ntwo"
    );
    assert_eq!(d.url.as_deref(), Some("page.html"));
}

#[test]
fn raw_html_is_dropped_and_lists_in_front_matter_join() {
    let d = md("+++\ntitle = \"T\"\n+++\ntext <b>bold</b> <img src=x onerror=alert(1)>\n");
    assert_eq!(d.title, "T");
    assert_eq!(d.body, "text bold");
    let d = md("---\ntags:\n  - a\n  - b\nnested:\n  key: v\n---\nx\n");
    assert_eq!(d.field_str("tags"), Some("a, b"));
    assert_eq!(d.field_str("nested"), None);
    assert_eq!(d.title, "x");
}

#[test]
fn bad_front_matter_names_the_line() {
    assert_eq!(
        err("---\ntitle: a\nkey: [x\n---\nx"),
        "site/page.md:4: front matter: YAML: while parsing a flow sequence, expected ',' or ']'"
    );
    assert_eq!(
        err("---\ntitle: a\n"),
        "site/page.md:1: front matter: opened with `---` but never closed"
    );
}

#[test]
fn a_description_is_the_first_paragraph() {
    let d = md(
        "---\ntitle: npm-publish\ndescription: Publish a package\n---\n\
                Intro.\n\n## Usage\n\nSteps.\n",
    );
    assert_eq!(d.body, "Publish a package\n\nIntro.\n\nUsage\n\nSteps.");
    let a = &d.anchors[0];
    assert_eq!(&d.body[a.at as usize..(a.at + a.len) as usize], "Usage");
    assert_eq!(
        d.field("description"),
        Some(&FieldValue::Str("Publish a package".into()))
    );
    // Not twice where the page already starts with it, nor blank.
    let d = md("---\ndescription: Intro.\n---\nIntro. More.\n");
    assert_eq!(d.body, "Intro. More.");
    let d = md("---\ndescription: ' '\n---\nText.\n");
    assert_eq!(d.body, "Text.");
}

#[test]
fn crlf_line_ends_read_like_lf() {
    let d = md("---\r\ntitle: Win\r\n---\r\nLine one\r\nline two.\r\n");
    assert_eq!(d.title, "Win");
    assert_eq!(d.body, "Line one line two.");
}

#[test]
fn headings_start_sections_with_written_or_github_ids() {
    let d = md(
        "# Title\n\nIntro.\n\n## Install the CLI\n\nSteps.\n\n## Install the CLI\n\n\
                Again.\n\n### Hà Nội, 2024!\n\nText.\n\n## Custom {#my-id}\n\nMore.\n",
    );
    let got: Vec<(&str, &str)> = d
        .anchors
        .iter()
        .map(|a| {
            (
                &d.body[a.at as usize..(a.at + a.len) as usize],
                a.id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Install the CLI", "install-the-cli"),
            ("Install the CLI", "install-the-cli-1"),
            ("Hà Nội, 2024!", "hà-nội-2024"),
            ("Custom", "my-id"),
        ]
    );
    assert!(!d.body.contains("{#"), "a written id is not text");
}

#[test]
fn mdx_module_blocks_are_not_text() {
    let text = "---\ntitle: Tabs\n---\nimport Tabs from '@theme/Tabs';\nimport {\n  TabItem,\n} from '@theme/TabItem';\n\n\
                Pick one.\n\n<Tabs>\n\nInside the tab.\n\n</Tabs>\n\n```js\nimport x from 'y';\n```\n\nexport const meta = 1;\n";
    let d = md(&without_esm(text));
    assert_eq!(d.title, "Tabs");
    assert_eq!(d.body, "Pick one.\n\nInside the tab.\n\nimport x from 'y';");
}

#[test]
fn a_post_is_dated_by_its_file_name_unless_its_front_matter_says() {
    let post = |name: &str, text: &str| read(Path::new(name), "p", text).unwrap();
    let d = post("_posts/2023-05-01-hello.md", "# Hello\n\nText.");
    assert_eq!(d.field_str("date"), Some("2023-05-01"));
    let d = post(
        "_posts/2023-05-01-hello.md",
        "---\ndate: 2024-02-03\n---\nText.",
    );
    assert_eq!(d.field_str("date"), Some("2024-02-03"));
    assert_eq!(post("2023-05-hello.md", "Text.").field_str("date"), None);
    assert_eq!(post("2023-05-01.md", "Text.").field_str("date"), None);
}

#[test]
fn badges_are_not_the_title_and_a_lone_image_names_it() {
    let d = md("# Serde &emsp; [![Build Status]][ci] [![Latest](v.svg)](https://crates.io)\n\n[Build Status]: https://ci/badge.svg\n[ci]: https://ci\n\nA framework.\n");
    assert_eq!(d.title, "Serde");
    assert_eq!(d.body, "A framework.");
    assert_eq!(md("# ![Quarry](logo.svg)\n\nText.\n").title, "Quarry");
    // In the body an image's alt text stays: it is what the image says.
    assert_eq!(
        md("# T\n\nSee ![the diagram](d.png).\n").body,
        "See the diagram."
    );
}

#[test]
fn raw_html_blocks_are_read_as_html() {
    // A README's centred header: its `<h1>` is the title, its visible
    // text the body; badges, comments and scripts are not text.
    let d = md("<div align=\"center\">\n\n  <h1><code>wasm-bindgen</code></h1>\n\n  <p>\n    <strong>Facilitating high-level interactions.</strong>\n  </p>\n  <p><a href=\"x\"><img src=\"b.svg\" alt=\"Build Status\" /></a></p>\n</div>\n\n<!-- a comment -->\n\n<script>\nlet hidden = 1;\n</script>\n\n## Install\n\nRun it.\n");
    assert_eq!(d.title, "wasm-bindgen");
    assert_eq!(
        d.body,
        "Facilitating high-level interactions.\n\nInstall\n\nRun it."
    );
    assert_eq!(d.anchors.len(), 1, "the Markdown heading starts a section");
    // Indented blocks: the parser gives the indentation as text.
    let d = md("<p>One.</p>\n\n  <h3>\n    <a href=\"g\">Guide</a> |\n    <a href=\"d\">Docs</a>\n  </h3>\n");
    assert_eq!(d.body, "One.\n\nGuide | Docs");
    // After a `#` title, an `<h1>` is body text like any other.
    let d = md("# Title\n\n<h1 align=\"center\">Logo</h1>\n\n<details><summary>More</summary>\n\nInside.\n\n</details>\n");
    assert_eq!(d.title, "Title");
    assert_eq!(d.body, "Logo\n\nMore\n\nInside.");
    // Front matter's title wins over both.
    let d = md("---\ntitle: Named\n---\n<h1>Header</h1>\n\nText.\n");
    assert_eq!(
        (d.title.as_str(), d.body.as_str()),
        ("Named", "Header\n\nText.")
    );
}
