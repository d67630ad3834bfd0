//! What a query names, and whether a page names it: an identifier typed
//! whole (`os.path.join`, `Iterator::map`) or as words (`list sort`), or one
//! word (`Result`), against a page's title, headings and fragment ids. The
//! rescoring of the best pages (`search`) and a hit's place (`place`) ask
//! the same questions.

use crate::text::fold;

/// `text` folded, if it is an identifier typed whole: one word holding a
/// `_`, a `.` or a `::` (read as `.`) and a letter (`PyDict_GetItem`,
/// `os.path.join`, `Iterator::map`), or a capital after a lower-case
/// letter (`readFileSync`); with `true`. Or two
/// or three plain ASCII words joined by a `.`, with `false`: an identifier
/// may be typed as words (`list sort` for `list.sort`), but then only a
/// fragment id naming it counts, as headings that say it are often a
/// setting's (`transaction_isolation`) where the reader typed a concept.
/// Byte tests: `str` patterns cost a kilobyte of `.wasm` here.
pub fn identifier(text: &str) -> Option<(String, bool)> {
    let text = text.trim();
    let camel = (text.as_bytes().windows(2))
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    let mut typed = fold(text);
    let b = typed.as_bytes();
    let one_word = !b.is_empty() && !b.iter().any(u8::is_ascii_whitespace);
    let path = b.windows(2).any(|w| w == b"::");
    let joined = camel || path || b.iter().any(|&c| c == b'_' || c == b'.');
    if one_word {
        if path {
            typed = dotted(&typed);
        }
        let b = typed.as_bytes();
        return (joined && b.iter().any(u8::is_ascii_alphabetic)).then_some((typed, true));
    }
    let (mut id, mut words, mut gap) = (String::new(), 0, true);
    for &c in b {
        if c.is_ascii_whitespace() {
            gap = true;
            continue;
        }
        if !c.is_ascii_alphanumeric() {
            return None;
        }
        if gap {
            if words > 0 {
                id.push('.');
            }
            words += 1;
            gap = false;
        }
        id.push(c as char);
    }
    (2..=3).contains(&words).then_some((id, false))
}

/// What a query names, for the rescoring: an [`identifier`], or one word.
pub(crate) struct Named {
    pub identifier: Option<(String, bool)>,
    /// The query folded, when it is one word of letters and digits.
    pub word: Option<String>,
}

impl Named {
    pub fn of(text: &str) -> Self {
        let word = fold(text.trim());
        let plain = !word.is_empty() && word.chars().all(char::is_alphanumeric);
        Named {
            identifier: identifier(text),
            word: plain.then_some(word),
        }
    }
}

/// The item a reference page's title names before what it is, and the
/// rest of the title: its first word, alone, before ` in ` or a dash, or
/// before a colon (rustdoc's `Result in std::result`, Python's `json —
/// JSON encoder and decoder`). A chapter's first word is none (`Reference
/// Cycles Can Leak Memory`).
fn item(title: &str) -> Option<(&str, &str)> {
    let title = title.trim();
    let b = title.as_bytes();
    let space = b.iter().position(|&c| c == b' ').unwrap_or(b.len());
    let (first, rest) = (&title[..space], title.get(space + 1..).unwrap_or(""));
    if let Some(first) = first.strip_suffix(':') {
        return Some((first, rest));
    }
    let before = |s: &&str| rest.starts_with(*s);
    (rest.is_empty() || ["in ", "— ", "– ", "- "].iter().any(before)).then_some((first, rest))
}

/// `path` with each run of `:` read as one `.` (`iterator.map` for
/// `iterator::map`).
fn dotted(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut colon = false;
    for c in path.chars() {
        if c != ':' {
            out.push(c);
        } else if !colon {
            out.push('.');
        }
        colon = c == ':';
    }
    out
}

/// Where the last part of a path starts: after its last `.` or `:`.
fn last_cut(path: &str) -> usize {
    let b = path.as_bytes();
    b.iter()
        .rposition(|&c| c == b'.' || c == b':')
        .map_or(0, |i| i + 1)
}

/// The last part of a path (`iter` of `std::iter`, `path` of `os.path`).
fn last_part(path: &str) -> &str {
    &path[last_cut(path)..]
}

/// An identifier `owner.member` as its two parts.
fn owner_member(id: &str) -> Option<(&str, &str)> {
    let cut = last_cut(id);
    Some((id.get(..cut.checked_sub(1)?)?, &id[cut..]))
}

/// Whether `title` names the item `word` (folded), or one whose path ends
/// with it (`std::iter` for `iter`).
pub(crate) fn titled(title: &str, word: &str) -> bool {
    item(title).is_some_and(|(item, _)| is_folded(last_part(item), word))
}

/// Whether `text` folds to `folded`; ASCII without a copy, as the rescoring
/// asks it of thirty titles per query.
fn is_folded(text: &str, folded: &str) -> bool {
    if text.is_ascii() {
        text.eq_ignore_ascii_case(folded)
    } else {
        fold(text) == folded
    }
}

/// The member that `id`, an identifier `owner.member`, names on the page
/// of its owner: a reference page of one type names its entries by the
/// member alone (rustdoc's `Iterator in std::iter` has `method.map` for
/// `Iterator::map`).
pub fn member_on_page<'n>(title: &str, id: &'n str) -> Option<&'n str> {
    let (owner, member) = owner_member(id)?;
    // The item's path is the owner's last parts: `Iterator` for
    // `std.iter.iterator`, but `email.message` is not `email.message.message`.
    let item = dotted(item(title)?.0);
    let cut = owner.len().checked_sub(item.len())?;
    let whole = cut == 0 || owner.as_bytes()[cut - 1] == b'.';
    (whole && owner.get(cut..).is_some_and(|tail| is_folded(&item, tail))).then_some(member)
}

/// Whether `title` is the page of `id`: its item is `id` written as a
/// path (cppreference's `std::vector - cppreference.com` for
/// `std::vector`), or `id`'s member under its owner (rustdoc's `spawn in
/// std::thread` for `thread spawn`).
pub(crate) fn page_of(title: &str, id: &str) -> bool {
    let Some((item, rest)) = item(title) else {
        return false;
    };
    if is_folded(&dotted(item), id) {
        return true;
    }
    owner_member(id)
        .is_some_and(|(owner, member)| is_folded(item, member) && names(rest, last_part(owner)))
}

/// Whether `text`, folded, holds the folded identifier `id` as a whole
/// word: not inside a longer name (`pg_dump` is not in `pg_dumpall`). A
/// `.` or `_` of `id` stands for either.
pub(crate) fn names(text: &str, id: &str) -> bool {
    // ASCII folds to its lower case, compared below: a reference page's
    // thousand headings are not copied.
    let folded;
    let t = if text.is_ascii() {
        text.as_bytes()
    } else {
        folded = fold(text);
        folded.as_bytes()
    };
    let id = id.as_bytes();
    // A letter, digit, `_` or part of a non-ASCII character.
    let word =
        |i: Option<&u8>| i.is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80);
    let joiner = |c: u8| c == b'.' || c == b'_';
    let same = |a: &u8, b: &u8| a.to_ascii_lowercase() == *b || (joiner(*a) && joiner(*b));
    let named_at = |at: usize| {
        t.get(at..at + id.len())
            .is_some_and(|w| w.iter().zip(id).all(|(a, b)| same(a, b)))
            && !word(at.checked_sub(1).and_then(|k| t.get(k)))
            && !word(t.get(at + id.len()))
    };
    // A name's first `.` or `_` is rare in text: only where the text has
    // one can the name start (a reference page's thousand headings are
    // read for `os.path.join`).
    match id.iter().position(|&c| joiner(c)) {
        Some(j) => t
            .iter()
            .enumerate()
            .filter(|&(_, &c)| joiner(c))
            .any(|(k, _)| k.checked_sub(j).is_some_and(named_at)),
        None => (0..t.len()).any(named_at),
    }
}

/// Whether the fragment id `id` is the identifier `typed` (folded), or
/// ends with it after a `.`.
pub(crate) fn id_names(id: &str, typed: &str) -> bool {
    let (id, typed) = (id.as_bytes(), typed.as_bytes());
    let Some(cut) = id.len().checked_sub(typed.len()) else {
        return false;
    };
    id[cut..].eq_ignore_ascii_case(typed) && (cut == 0 || id[cut - 1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_title_names_its_item_first() {
        assert!(titled("Result in std::result", "result"));
        assert!(titled("json — JSON encoder and decoder", "json"));
        assert!(titled("std::iter", "iter"));
        assert!(titled("os.path — Common pathname manipulations", "path"));
        assert!(titled(
            "Refutability: Whether a Pattern Might Fail",
            "refutability"
        ));
        assert!(!titled("Reference Cycles Can Leak Memory", "reference"));
        assert!(!titled("Logging HOWTO", "logging"));
        assert!(!titled("Result in std::result", "std"));
        assert!(page_of("spawn in std::thread", "thread.spawn"));
        assert!(!page_of("spawn in std::process", "thread.spawn"));
        assert!(!page_of("spawn", "thread.spawn"));
        assert!(page_of("std::vector - cppreference.com", "std.vector"));
        assert!(!page_of("std::vector - cppreference.com", "std.vec"));
        assert_eq!(
            member_on_page("Iterator in std::iter", "std.iter.iterator.map"),
            Some("map")
        );
        assert_eq!(member_on_page("Iterator Adapters", "iterator.map"), None);
        assert_eq!(member_on_page("Map in std::iter", "iterator.map"), None);
        let compat = "email.message.message.walk";
        assert_eq!(
            member_on_page("email.message: Representing an email message", compat),
            None
        );
        assert_eq!(
            member_on_page("email.message.Message: Representing…", compat),
            Some("walk")
        );
        assert_eq!(member_on_page("Iterator", "map"), None);
        assert_eq!(dotted("std::iter::Iterator"), "std.iter.Iterator");
        assert_eq!(owner_member("a.b.c"), Some(("a.b", "c")));
    }
}
