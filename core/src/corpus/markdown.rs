//! Markdown pages: front matter (`---` YAML or `+++` TOML, see
//! `front_matter`) gives the title, `url` and fields;
//! the first `#` heading is the title otherwise; the body is the Markdown
//! rendered to plain text. Each other heading starts a section, with the
//! id a generator gives it: `{#id}` if written, else GitHub's slug of its
//! text (Hugo, Docusaurus and Jekyll make the same for most headings).
//! A `description` in front matter leads the body, as generators show it.

use super::{front_matter, txt, CorpusError};
use crate::document::{Anchor, Document, FieldValue};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::path::Path;

/// Reads one Markdown document with the given id.
pub fn read(path: &Path, id: &str, text: &str) -> Result<Document, CorpusError> {
    let (matter, markdown) = front_matter::split(path, text)?;
    let (heading, mut body, mut anchors, hrefs) =
        render(markdown, !matter.iter().any(|(k, _)| k == "title"));
    // A page's `description` is written for readers, and generators show
    // it under the title: it is the page's first paragraph.
    if let Some((_, lead)) = matter
        .iter()
        .find(|(k, v)| k == "description" && !v.trim().is_empty())
    {
        let lead = lead.trim();
        if !body.starts_with(lead) {
            let before = body.len();
            body = if body.is_empty() {
                lead.to_string()
            } else {
                format!("{lead}\n\n{body}")
            };
            // Sections start after it: their offsets move by what it added.
            let shift = (body.len() - before) as u32;
            for a in &mut anchors {
                a.at += shift;
            }
        }
    }
    let mut title = None;
    let mut url = None;
    let mut fields = Vec::new();
    for (key, value) in matter {
        match key.as_str() {
            "title" => title = Some(value),
            "url" | "permalink" => url = Some(value),
            _ => fields.push((key, FieldValue::Str(value))),
        }
    }
    // Jekyll's posts are dated by their names: `2023-05-01-hello.md`.
    let named = path
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(date_of_name);
    if let Some(date) = named.filter(|_| !fields.iter().any(|(k, _)| k == "date")) {
        fields.push(("date".to_string(), FieldValue::Str(date.to_string())));
    }
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    fields.dedup_by(|a, b| a.0 == b.0);
    let title = title
        .or(heading)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| txt::title_of(&body));
    // The id is the page's path without its extension: its folder is the
    // one links resolve against.
    let links = super::links::targets(id, id, &hrefs);
    Ok(Document {
        id: id.to_string(),
        title,
        body,
        url: url.or_else(|| Some(format!("{id}.html"))),
        fields,
        anchors,
        links,
    })
}

/// The `YYYY-MM-DD` a file name starts with, before a `-`.
fn date_of_name(name: &str) -> Option<&str> {
    let shape = b"0000-00-00-";
    let fits = name.len() > shape.len()
        && name.bytes().zip(shape).all(|(c, &s)| match s {
            b'0' => c.is_ascii_digit(),
            _ => c == s,
        });
    fits.then(|| &name[..10])
}

/// MDX (Docusaurus and the like) without its ES module blocks: a line
/// that opens with `import` or `export` starts one, and a blank line ends
/// it, as MDX reads them; inside code fences they are text. JSX elements
/// are HTML to the Markdown parser and dropped as such, their text kept.
pub fn without_esm(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut fence, mut esm) = (None::<&str>, false);
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end();
        let opens = ["```", "~~~"]
            .into_iter()
            .find(|f| bare.trim_start().starts_with(f));
        match (fence, opens) {
            (None, Some(f)) => fence = Some(f),
            (Some(f), Some(g)) if f == g => fence = None,
            _ => {}
        }
        if fence.is_none() && !esm {
            esm = bare.starts_with("import ") || bare.starts_with("export ");
        }
        if esm && bare.is_empty() {
            esm = false;
        }
        if !esm {
            out.push_str(line);
        }
    }
    out
}

/// Markdown to plain text, one blank line between blocks, where its
/// sections start, and its links' destinations. With `take_heading`, the
/// first level-1 heading becomes the title and leaves the body.
fn render(markdown: &str, take_heading: bool) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut body = String::with_capacity(markdown.len());
    let mut title: Option<String> = None;
    let mut in_title = false;
    let mut anchors = Vec::new();
    // The heading being read: where its text starts, its written id.
    let mut heading: Option<(usize, Option<String>)> = None;
    let mut slugs = Slugs::default();
    let mut hrefs = Vec::new();
    for event in Parser::new_ext(markdown, options) {
        match &event {
            Event::Start(Tag::Link { dest_url, .. }) => hrefs.push(dest_url.to_string()),
            Event::Start(Tag::Heading { id, level, .. })
                if !(take_heading && title.is_none() && *level == HeadingLevel::H1) =>
            {
                heading = Some((body.len(), id.as_ref().map(|i| i.to_string())));
            }
            Event::End(TagEnd::Heading(_)) if !in_title => {
                if let Some((at, id)) = heading.take() {
                    let text = body[at..].trim_end();
                    if !text.is_empty() {
                        anchors.push(Anchor {
                            at: at as u32,
                            len: text.len() as u32,
                            id: id.unwrap_or_else(|| slugs.next(text)),
                        });
                    }
                }
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if take_heading && title.is_none() => {
                title = Some(String::new());
                in_title = true;
                continue;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if in_title => {
                in_title = false;
                continue;
            }
            _ => {}
        }
        let out = match (in_title, title.as_mut()) {
            (true, Some(t)) => t,
            _ => &mut body,
        };
        match event {
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => end_block(out),
            Event::End(TagEnd::TableCell) => out.push(' '),
            // Raw HTML in Markdown is markup, not text.
            _ => {}
        }
    }
    let title = title.map(|t| t.trim().to_string());
    let body = super::sections::trim(&body, &mut anchors);
    (title, body, anchors, hrefs)
}

/// What [`render`] gives: the title, the body, its anchors and its links.
type Rendered = (Option<String>, String, Vec<Anchor>, Vec<String>);

/// GitHub's heading ids: the text lower-cased, spaces as hyphens, other
/// punctuation dropped; a repeated id gets `-1`, `-2`…
#[derive(Default)]
struct Slugs(Vec<String>);

impl Slugs {
    fn next(&mut self, text: &str) -> String {
        let slug: String = text
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                '-' | '_' => Some(c),
                c if c.is_alphanumeric() => Some(c),
                _ => None,
            })
            .flat_map(char::to_lowercase)
            .collect();
        let mut id = slug.clone();
        let mut n = 0;
        while self.0.contains(&id) {
            n += 1;
            id = format!("{slug}-{n}");
        }
        self.0.push(id.clone());
        id
    }
}

fn end_block(out: &mut String) {
    let trimmed = out.trim_end_matches([' ', '\n']).len();
    out.truncate(trimmed);
    if !out.is_empty() {
        out.push_str("\n\n");
    }
}

#[cfg(test)]
mod tests {
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
}
