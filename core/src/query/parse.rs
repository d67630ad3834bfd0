//! Text → [`Query`]. Lenient: every string parses; unbalanced quotes close
//! at the end, stray operators are dropped, unknown `field:` prefixes are
//! read as words. Parentheses group alternatives, `(a OR b) c`, and carry
//! a sign or field to their words, `-(a OR b)`, `title:(a OR b)`; an
//! unclosed group ends with the query and a stray `)` is dropped. The
//! query is a conjunction of OR-lists, so `-(a b)` reads as `-a -b`.

use super::ast::{Atom, Clause, Filter, Query, Scope, WordSpan};
use crate::text::stem::stem_in_place;
use crate::text::{fold, for_each_word, head_bytes};

/// Longest query text considered, in bytes; the rest is ignored. Bounds work.
pub const MAX_QUERY_BYTES: usize = 1024;
/// Most clauses kept from one query.
pub const MAX_CLAUSES: usize = 32;

/// A lexical piece of the query text.
#[derive(Debug, PartialEq)]
enum Piece<'q> {
    Word(&'q str),
    Quoted(&'q str),
    Or,
}

/// One piece with its modifiers.
struct Item<'q> {
    piece: Piece<'q>,
    negated: bool,
    field: Option<&'q str>,
    /// The parenthesized group it stands in, from 1; 0 outside any.
    group: u32,
}

/// Parses `text`; `prefix` lets the last word complete as typed.
pub fn parse(text: &str, prefix: bool) -> Query {
    parse_with(text, prefix, &stem_in_place)
}

/// [`parse`], with `stem` making a folded word its stem: the index's
/// [`crate::Index::stem_in_place`] knows most words' stems already.
pub fn parse_with(text: &str, prefix: bool, stem: &dyn Fn(&mut String)) -> Query {
    let text = head_bytes(text, MAX_QUERY_BYTES);
    let items = lex(text);
    // A word is being typed up to the last letter, or up to a `_` or `.`
    // that goes on with it: `pg_` is on its way to `pg_dump`, `3.` to
    // `3.11` (the index keeps both whole). The joiner is part of what
    // completes.
    let joiner = match text.as_bytes() {
        [.., x, b'_'] if x.is_ascii_alphanumeric() => Some("_"),
        [.., x, b'.'] if x.is_ascii_alphanumeric() => Some("."),
        _ => None,
    };
    let ends_in_word = text.chars().last().is_some_and(|c| c.is_alphanumeric()) || joiner.is_some();
    let mut q = Query::default();
    let mut join_next = false;
    // The group of the item the last clause came from.
    let mut last_group = 0;
    let count = items.len();
    // One list for every piece's atoms, emptied into the clauses.
    let mut atoms = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let is_last = i + 1 == count;
        match (&item.piece, item.field) {
            (Piece::Or, _) => {
                join_next = !q.clauses.is_empty();
                continue;
            }
            (Piece::Word(w) | Piece::Quoted(w), Some(f)) if is_filter_field(f) => {
                // Its value runs to the end: `date:2024-` is on its way.
                let typed = prefix && is_last && text.as_bytes().ends_with(w.as_bytes());
                let f = filter(f, w, typed);
                q.filters.extend(f.map(|f| match item.negated {
                    true => Filter::Not(Box::new(f)),
                    false => f,
                }));
                join_next = false;
                continue;
            }
            (Piece::Word(w), field) => {
                let scope = scope_of(field);
                // Byte offset of the word in the query text.
                let base = w.as_ptr() as usize - text.as_ptr() as usize;
                let words = &mut q.words;
                for_each_word(w, |folded, start, end| {
                    let mut term = folded.to_string();
                    stem(&mut term);
                    if !item.negated {
                        words.push(WordSpan {
                            term: term.clone(),
                            start: base + start,
                            end: base + end,
                        });
                    }
                    atoms.push(Atom::Word {
                        term,
                        scope,
                        prefix: false,
                        folded: folded.to_string(),
                    });
                });
                // The word being typed: the last of the query's last piece;
                // or any word written with a `*` after it (`instal* guide`).
                let typed = prefix && is_last && ends_in_word;
                if (typed || w.ends_with('*')) && !item.negated {
                    if let Some(Atom::Word { prefix, folded, .. }) = atoms.last_mut() {
                        *prefix = true;
                        if let Some(j) = joiner.filter(|&j| typed && !folded.ends_with(j)) {
                            folded.push_str(j);
                        }
                    }
                }
            }
            (Piece::Quoted(p), field) => {
                let mut ts = Vec::new();
                for_each_word(p, |folded, _, _| {
                    let mut term = folded.to_string();
                    stem(&mut term);
                    ts.push(term);
                });
                let scope = scope_of(field);
                match ts.len() {
                    0 => {}
                    1 => {
                        let term = ts.into_iter().next().unwrap_or_default();
                        atoms.push(Atom::Word {
                            folded: term.clone(),
                            term,
                            scope,
                            prefix: false,
                        });
                    }
                    _ => atoms.push(Atom::Phrase { terms: ts, scope }),
                }
            }
        }
        // `OR` joins positive words, and negated ones inside one group:
        // `-(a OR b)` excludes documents with either.
        let same_group = item.group != 0 && item.group == last_group;
        for (k, atom) in atoms.drain(..).enumerate() {
            let joinable = k == 0 && join_next && (!item.negated || same_group);
            let room = q.clauses.len() < MAX_CLAUSES;
            match q.clauses.last_mut() {
                Some(prev) if joinable && prev.negated == item.negated => prev.alts.push(atom),
                _ if room => q.clauses.push(Clause {
                    alts: vec![atom],
                    negated: item.negated,
                }),
                _ => {}
            }
        }
        last_group = item.group;
        join_next = false;
    }
    q
}

fn is_filter_field(f: &str) -> bool {
    f.eq_ignore_ascii_case("place") || f.eq_ignore_ascii_case("date")
}

fn scope_of(field: Option<&str>) -> Scope {
    match field {
        Some(f) if f.eq_ignore_ascii_case("title") => Scope::Title,
        _ => Scope::Any,
    }
}

/// The filter `field:value` asks for; with `typed`, the value is being
/// typed, and a place or a date it starts is let through, as a word being
/// typed completes (`place:ha` is on its way to `place:hanoi`, `date:202`
/// to a date of the 2020s).
fn filter(field: &str, value: &str, typed: bool) -> Option<Filter> {
    let v = value.trim();
    if field.eq_ignore_ascii_case("place") {
        let v = fold(v);
        return (!v.is_empty()).then_some(match typed {
            true => Filter::PlaceStart(v),
            false => Filter::Place(v),
        });
    }
    date_range(v, typed)
}

/// `2024`, `2024-03`, `2024-03-05`, or `FROM..TO` with either side open;
/// `None` for anything else, and for a `FROM` after its `TO`. With
/// `typed`, a side may be the start of a date (`202`, `2024-0`): dates
/// compare as text, so it takes every date that starts so.
pub fn date_range(value: &str, typed: bool) -> Option<Filter> {
    let value = value.trim();
    // A byte scan: a `str` pattern pulls a kilobyte of searcher into the
    // `.wasm` for this one use. `..` is ASCII, so both cuts are boundaries.
    let (from, to) = match value.as_bytes().windows(2).position(|w| w == b"..") {
        Some(i) => (value[..i].trim(), value[i + 2..].trim()),
        None => (value, value),
    };
    let ok = |s: &str| s.is_empty() || is_date(s, typed);
    if !ok(from) || !ok(to) || (from.is_empty() && to.is_empty()) {
        return None;
    }
    let to = if to.is_empty() {
        "9999".to_string()
    } else {
        to.to_string() + "\u{7f}"
    };
    // `2024..2023` would match nothing, silently.
    (from <= to.as_str()).then(|| Filter::Date {
        from: from.to_string(),
        to,
    })
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a month from 01 to 12 and a
/// day from 01 to 31; with `typed`, also the start of one, whose rest
/// `0000-11-11` fills in: it makes a date of every start of one.
fn is_date(s: &str, typed: bool) -> bool {
    let mut b = s.as_bytes().to_vec();
    if typed {
        b.extend_from_slice(b"0000-11-11".get(b.len()..).unwrap_or_default());
    }
    // Two digits at `i` after a dash, from 1 to `max`.
    let part = |i: usize, max: u8| match b.get(i - 1..i + 2) {
        Some(&[b'-', x @ b'0'..=b'9', y @ b'0'..=b'9']) => {
            (1..=max).contains(&((x - b'0') * 10 + y - b'0'))
        }
        _ => false,
    };
    b.get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit))
        && match b.len() {
            4 => true,
            7 => part(5, 12),
            10 => part(5, 12) && part(8, 31),
            _ => false,
        }
}

fn lex(text: &str) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    let mut rest = text;
    // The open group: its number, and the sign and field it gives its items.
    let mut group: Option<(u32, bool, Option<&str>)> = None;
    let mut groups = 0;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix(')') {
            group = None;
            rest = r;
            continue;
        }
        if rest.is_empty() {
            break;
        }
        // `-word` excludes; `--word` is a command-line flag (`--release`),
        // a word to find.
        let mut negated = false;
        if let Some(r) = rest.strip_prefix('-').filter(|r| !r.starts_with('-')) {
            negated = true;
            rest = r;
        }
        // `field:` directly before a word, a quote or a group.
        let mut field = None;
        if let Some(colon) = rest.find(':') {
            let name = &rest[..colon];
            if is_filter_field(name) || name.eq_ignore_ascii_case("title") {
                let after = &rest[colon + 1..];
                rest = after;
                if !after.starts_with(|c: char| !c.is_whitespace()) {
                    // A field with nothing after it (`place:` as it is
                    // typed) is a stray operator, not the word `place`.
                    continue;
                }
                field = Some(name);
            }
        }
        if let Some(r) = rest.strip_prefix('(') {
            groups += 1;
            group = Some((groups, negated, field));
            rest = r;
            continue;
        }
        let piece;
        if let Some(r) = rest.strip_prefix('"') {
            let end = r.find('"').unwrap_or(r.len());
            piece = Piece::Quoted(&r[..end]);
            rest = r.get(end + 1..).unwrap_or("");
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || c == '"' || c == ')')
                .unwrap_or(rest.len());
            let word = &rest[..end];
            rest = &rest[end..];
            piece = if word == "OR" && !negated && field.is_none() {
                Piece::Or
            } else {
                Piece::Word(word)
            };
        }
        let (in_group, negated, field) = match group {
            Some((id, sign, f)) => (id, negated || sign, field.or(f)),
            None => (0, negated, field),
        };
        items.push(Item {
            piece,
            negated,
            field,
            group: in_group,
        });
    }
    items
}

#[cfg(test)]
mod tests;
