//! Plain-text documents, with the seed corpus's dateline header:
//! ` date 2024-11-11 SANTIAGO - text…`, sometimes followed by a second
//! dateline (`VIETNAM, September 25 - MEXICO CITY — text…`) whose place wins.

use crate::document::{Document, FieldValue};

/// Titles are cut at a word boundary near this many characters.
const TITLE_CHARS: usize = 90;

/// Reads one `.txt` document with the given id.
pub fn read(id: &str, text: &str) -> Document {
    let text = text.trim();
    let (fields, body) = match parse_header(text) {
        Some((date, place, rest)) => (
            vec![
                ("date".to_string(), FieldValue::Str(date.to_string())),
                ("place".to_string(), FieldValue::Str(place)),
            ],
            rest,
        ),
        None => (Vec::new(), text),
    };
    let body = body.trim();
    Document {
        id: id.to_string(),
        title: title_of(body),
        body: body.replace("\r\n", "\n"),
        url: None,
        fields,
        anchors: Vec::new(),
        links: Vec::new(),
    }
}

/// `date YYYY-MM-DD PLACE - rest` → (date, place, rest), where a second
/// dateline at the start of `rest` replaces the place.
fn parse_header(text: &str) -> Option<(&str, String, &str)> {
    let rest = text.strip_prefix("date ")?;
    let date = rest.get(..10)?;
    if !is_iso_date(date) {
        return None;
    }
    let rest = rest[10..].strip_prefix(' ')?;
    let (place, rest) = rest.split_once(" - ")?;
    // `VIETNAM, September 25` names the place before the comma.
    let mut place = place.split(',').next().unwrap_or(place).trim().to_string();
    let mut rest = rest;
    if let Some((second, after)) = second_dateline(rest) {
        place = second.to_string();
        rest = after;
    }
    if place.is_empty() {
        return None;
    }
    Some((date, place, rest))
}

/// An upper-case place name followed by a dash: `MEXICO CITY — A delegation`.
fn second_dateline(text: &str) -> Option<(&str, &str)> {
    let dash = [" — ", " – ", " - "]
        .iter()
        .filter_map(|d| text.find(d).map(|i| (i, d.len())))
        .min()?;
    let head = &text[..dash.0];
    let is_place = !head.is_empty()
        && head.chars().count() <= 40
        && head.chars().any(|c| c.is_alphabetic())
        && head
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '\'' || c == '-');
    is_place.then(|| (head.trim(), &text[dash.0 + dash.1..]))
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The first sentence (or line), cut at a word boundary near
/// [`TITLE_CHARS`] characters with an ellipsis.
pub(super) fn title_of(body: &str) -> String {
    let line = body.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let sentence = sentence_end(line).map_or(line, |end| &line[..end]);
    // Tabs and runs of spaces (Vim's help: `*change.txt*\tFor Vim…`) as one.
    let sentence = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    if sentence.chars().count() <= TITLE_CHARS {
        return sentence;
    }
    let cut = sentence
        .char_indices()
        .nth(TITLE_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..cut];
    let at_word = head.rfind(' ').filter(|&i| i > cut / 2).unwrap_or(cut);
    format!(
        "{}…",
        head[..at_word].trim_end_matches([',', ';', ':', ' '])
    )
}

/// Byte index just past the first `.`, `?` or `!` that ends a sentence.
fn sentence_end(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    (0..b.len()).find_map(|i| {
        let ends = matches!(b[i], b'.' | b'?' | b'!');
        let next_is_space = b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace());
        (ends && next_is_space).then_some(i + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_header_gives_date_place_and_title() {
        let d = read(
            "000",
            " date 2024-11-11 SANTIAGO - State President Lương Cường had a meeting with President of the Communist Party of Chile Lautaro Carmona in Santiago on November 10. More.",
        );
        assert_eq!(d.field("date"), Some(&FieldValue::Str("2024-11-11".into())));
        assert_eq!(d.field("place"), Some(&FieldValue::Str("SANTIAGO".into())));
        assert!(d.body.starts_with("State President"));
        assert!(d
            .title
            .starts_with("State President Lương Cường had a meeting"));
        assert!(d.title.ends_with('…'));
        assert!(d.title.chars().count() <= TITLE_CHARS + 1);
    }

    #[test]
    fn second_dateline_wins() {
        let d = read(
            "003",
            " date 2022-09-25 VIETNAM, September 25 - MEXICO CITY — A delegation joined. Then more.",
        );
        assert_eq!(
            d.field("place"),
            Some(&FieldValue::Str("MEXICO CITY".into()))
        );
        assert_eq!(d.title, "A delegation joined.");
        assert_eq!(d.body, "A delegation joined. Then more.");
    }

    #[test]
    fn text_without_header_has_no_fields() {
        let d = read("x", "Just a note. With two sentences.");
        assert!(d.fields.is_empty());
        assert_eq!(d.title, "Just a note.");
    }

    #[test]
    fn a_title_has_its_white_space_collapsed() {
        let d = read(
            "change",
            "*change.txt*\tFor Vim version 9.0.  Last change: 2022",
        );
        assert_eq!(d.title, "*change.txt* For Vim version 9.0.");
    }
}
