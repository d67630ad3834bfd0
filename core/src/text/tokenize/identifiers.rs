//! The parts of identifiers written in camelCase or snake_case, indexed
//! beside the whole word: a reader types `read file` for `readFileSync`.

use super::{words, EVERY};

/// Calls `f(start, end)` with each part of an identifier written in
/// camelCase or snake_case, when it has two or more: `readFileSync` gives
/// `read`, `File`, `Sync`; `XMLHttpRequest` gives `XML`, `Http`, `Request`;
/// `pg_dump` gives `pg`, `dump`. A reader types `read file` for `readFile`,
/// and API documentation writes names whole. ASCII letters, digits and `_`
/// only; a part of one letter is left out (`iPhone` gives `Phone`).
pub(super) fn identifier_parts(w: &[u8], f: &mut dyn FnMut(usize, usize)) {
    if !may_have_parts(w) || !w.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_') {
        return;
    }
    let (mut a, mut parts) = (0, 0);
    while let Some((from, to)) = next_part(w, a) {
        // Two parts at least: `__init__` is one.
        if parts == 0 && next_part(w, to).is_none() {
            return;
        }
        if to - from >= 2 {
            f(from, to);
        }
        (a, parts) = (to, parts + 1);
    }
}

/// `text` with each identifier that has parts written as its parts
/// (`dev_dependencies` as `dev dependencies`), or `None` if it has none.
/// The index holds every identifier's parts, so a name the corpus writes
/// otherwise (`dev-dependencies`) is still found by them.
pub fn split_identifiers(text: &str) -> Option<String> {
    let mut out = String::new();
    // The last whole word's span, and how much of `text` is in `out`.
    let (mut word, mut copied) = ((0, 0), 0);
    words(text, true, EVERY, &mut |_, start, end, part| {
        if !part {
            word = (start, end);
            return;
        }
        if copied <= word.0 {
            out.push_str(&text[copied..word.0]);
        } else {
            out.push(' ');
        }
        out.push_str(&text[start..end]);
        copied = word.1;
    });
    (copied > 0).then(|| out + &text[copied..])
}

/// Whether `w` has a capital past its first byte or an `_`, as every
/// identifier with parts does; most words have neither.
pub(super) fn may_have_parts(w: &[u8]) -> bool {
    w.iter()
        .skip(1)
        .any(|&b| b.is_ascii_uppercase() || b == b'_')
}

/// The first identifier part of `w` at or after `from` (see
/// [`identifier_parts`]). A part starts after `_`, at a capital after a
/// lower-case letter or a digit, and at the last capital of a run that a
/// lower-case letter follows (`XMLHttp`).
fn next_part(w: &[u8], from: usize) -> Option<(usize, usize)> {
    let start = from + w.get(from..)?.iter().position(|&b| b != b'_')?;
    let up = |i: usize| w[i].is_ascii_uppercase();
    let end = (start + 1..w.len())
        .find(|&i| {
            w[i] == b'_'
                || (up(i) && !up(i - 1))
                || (up(i) && up(i - 1) && w.get(i + 1).is_some_and(u8::is_ascii_lowercase))
        })
        .unwrap_or(w.len());
    Some((start, end))
}
