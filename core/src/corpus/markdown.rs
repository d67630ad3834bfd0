//! Markdown pages: front matter (`---` YAML or `+++` TOML, see
//! `front_matter`) gives the title, `url` and fields;
//! the first `#` heading is the title otherwise (or a raw HTML `<h1>`
//! before it, as READMEs centre theirs); the body is the Markdown
//! rendered to plain text, its raw HTML blocks read as HTML pages are
//! (their links are not counted). Each other heading starts a section,
//! with the id a generator gives it: `{#id}` if written, else GitHub's
//! slug of its text (Hugo, Docusaurus and Jekyll make the same for most
//! headings).
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
/// first level-1 heading (`#`, or `<h1>` in raw HTML) becomes the title
/// and leaves the body; the alt text of its images (badges) is left out
/// of it unless it has no other text.
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
    // A raw HTML block being read, and images open in the title with
    // their alt text.
    let mut raw: Option<String> = None;
    let (mut images, mut title_alt) = (0usize, String::new());
    for event in Parser::new_ext(markdown, options) {
        match &event {
            Event::Start(Tag::HtmlBlock) => raw = Some(String::new()),
            Event::Html(html) => raw.get_or_insert_with(String::new).push_str(html),
            // The block's indentation, which the parser gives as text.
            Event::Text(t) if raw.is_some() => {
                raw.get_or_insert_with(String::new).push_str(t);
                continue;
            }
            Event::End(TagEnd::HtmlBlock) => {
                let html = raw.take().unwrap_or_default();
                let take_h1 = take_heading && title.is_none();
                let (h1, text) = super::html::fragment_text(&html, take_h1);
                title = title.or(h1);
                if !text.is_empty() {
                    body.push_str(&text);
                    end_block(&mut body);
                }
                continue;
            }
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images = images.saturating_sub(1),
            _ => {}
        }
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
            (true, Some(_)) if images > 0 => &mut title_alt,
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
            // Inline HTML is markup around text, which is read.
            _ => {}
        }
    }
    let title = title.map(|t| match t.trim() {
        "" => title_alt.trim().to_string(),
        t => t.to_string(),
    });
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
mod tests;
