//! Score factors read from titles and section headings: a title that is
//! the query's words, and among the best documents, a title or heading
//! that holds every clause or names the identifier the query is.

use super::{SearchOptions, Sort};
use crate::index::Index;
use crate::named::{id_names, member_on_page, names, page_of, titled, Named};

/// Scales by `Tuning::heading` the score of each of `docs` whose title, or
/// a section's heading, holds every clause of the query: the page that
/// defines `namedtuple` (`collections.namedtuple(typename, …)`) over a
/// short page that mentions it, and the Rust book's `Packages and Crates`
/// for `crate` over `Publishing a Crate`'s many mentions of crates. With a
/// query that is an `identifier`, a document whose title, a heading or a
/// fragment id names it whole (only an id, for one typed as words) is
/// scaled by `Tuning::defined` too:
/// `PyUnicode_Splitlines(…)`'s page over the C API's list of every
/// stable function, which is shorter and says the name as often. Headings
/// are no field of the index, so only the best documents are read again,
/// as a rescoring pass. A one-word query's factor is `Tuning::defined` on
/// the pages whose title starts with the word; a dotted identifier's also
/// on the owner's page with an entry named by the member, and on the
/// member's page under the owner (see [`member_on_page`]).
pub fn named_in_headings<T: AsRef<str>>(
    index: &Index<'_>,
    m: &crate::snippet::Matcher<'_, T>,
    opts: &SearchOptions,
    named: &Named,
    words: &Words,
    docs: &mut [(u32, f32)],
    end: usize,
) {
    let identifier = named
        .identifier
        .as_ref()
        .map(|(id, whole)| (id.as_str(), *whole));
    if m.all(true) == 0 {
        return;
    }
    // `docs` come best first. One that all factors together leave below
    // the page's last score never reaches the page, whose scores only
    // rise: its headings, a reference page's hundreds, are not read. A
    // plain word's `defined` comes from the title alone, so a page whose
    // title does not define it reads its headings only for `heading`.
    let t = &opts.tuning;
    let defined = |may: bool| if may { t.defined } else { 1.0 };
    let last = match docs.get(end.wrapping_sub(1)) {
        Some(last) if t.prune && t.heading >= 1.0 && t.title >= 1.0 && t.defined >= 1.0 => last.1,
        _ => f32::MIN,
    };
    let reaches = |score: f32, factor: f32| score * factor * 1.001 >= last;
    let most = t.heading * t.title * defined(identifier.is_some() || named.word.is_some());
    for d in docs.iter_mut().take_while(|d| reaches(d.1, most)) {
        // The title first, then the headings, read only until both
        // questions have their answer.
        let title = index.title(d.0).unwrap_or("");
        let names_whole = |t: &str| identifier.is_some_and(|(id, whole)| whole && names(t, id));
        let mut defines = names_whole(title)
            || named.word.as_ref().is_some_and(|w| titled(title, w))
            || identifier.is_some_and(|(id, _)| page_of(title, id));
        let title_factor = if says_all(title, words, true) {
            t.title
        } else {
            1.0
        };
        if !reaches(
            d.1,
            t.heading * title_factor * defined(defines || identifier.is_some()),
        ) {
            continue;
        }
        let mut holds = m.holds_all(title);
        let answered = |holds: bool, defines: bool| holds && (defines || identifier.is_none());
        if !answered(holds, defines) {
            let member = identifier.and_then(|(id, _)| member_on_page(title, id));
            index.any_heading(d.0, |_, heading, frag| {
                holds = holds || m.holds_all(heading);
                defines = defines
                    || names_whole(heading)
                    || identifier.is_some_and(|(id, _)| names(frag, id))
                    || member.is_some_and(|member| id_names(frag, member));
                answered(holds, defines)
            });
        }
        if holds {
            d.1 *= opts.tuning.heading;
        }
        d.1 *= title_factor;
        if defines {
            d.1 *= opts.tuning.defined;
        }
    }
}

/// Scales by `exact_title` the score of each document whose title is
/// exactly the query's words (`CREATE TABLE` for `create table`, before the
/// pages that only mention both), for a query of plain words: two or
/// three, which must all match, or more, ranked by the words they match (a
/// reader who types a page's whole title wants that page). A title holding
/// as many words as the query is read again; most are not, by their
/// stored length. (A one-word query's
/// list tells a one-word title as it is scored: see `eval`.)
#[inline(never)]
pub fn exact_titles(
    index: &Index<'_>,
    words: &Words,
    opts: &SearchOptions,
    docs: &mut [(u32, f32)],
) {
    let n = words.0.len();
    if opts.tuning.exact_title == 1.0 || opts.sort != Sort::Relevance || n < 2 {
        return;
    }
    for d in docs.iter_mut() {
        // Most titles are ruled out by their stored length alone.
        if index.norm_codes(d.0).0 as usize != n {
            continue;
        }
        let Some(title) = index.title(d.0) else {
            continue;
        };
        // As many words as the query, each said: the title is the query's words.
        if says_all(title, words, false) {
            d.1 *= opts.tuning.exact_title;
        }
    }
}

/// The words of a query of plain words as typed (folded), repeats kept;
/// none for a query with any other clause or more than 32 words (a bit
/// each in [`says_all`]). A title must say each of them,
/// not only share their stems (`collect` is not `collections`), and
/// `http.client — HTTP protocol client` says two of its words twice.
pub fn plain_words(query: &crate::query::Query) -> Words<'_> {
    let (mut words, mut typing) = (Vec::new(), false);
    for c in query.positive() {
        let [crate::query::Atom::Word { folded, prefix, .. }] = c.alts.as_slice() else {
            return (Vec::new(), false);
        };
        words.push(folded.as_str());
        typing = *prefix;
    }
    if words.len() > 32 {
        return (Vec::new(), false);
    }
    // A lone word only starting a title's word does not count: `collect`
    // is not `std::collections`, and the engine cannot tell it finished.
    let typing = typing && words.len() > 1;
    (words, typing)
}

/// A query's plain words, and whether the last of two or more is being
/// typed: then a title word it starts counts as that word (`cargo ad` is
/// `cargo add`'s title; see `says_all`).
pub type Words<'a> = (Vec<&'a str>, bool);

/// Whether `title` says each of `words`, each of its words taking one
/// query word not yet taken; with `plural`, a word's plural or singular
/// made with `s` or `es` counts as the word (`trait`, `Traits`), and the
/// word being typed counts as a title word it starts.
fn says_all(title: &str, (words, typing): &Words, plural: bool) -> bool {
    // Most titles say none of the words: an ASCII one without a word's
    // first letters is passed by untokenized.
    let t = title.as_bytes();
    let lacks = |w: &&str| {
        let Some(&first) = w.as_bytes().first() else {
            return true;
        };
        let head = &w.as_bytes()[..w.len().saturating_sub(2).max(1)];
        !(0..(t.len() + 1).saturating_sub(head.len())).any(|i| {
            t[i].to_ascii_lowercase() == first && t[i..i + head.len()].eq_ignore_ascii_case(head)
        })
    };
    if words.is_empty() || title.is_ascii() && words.iter().any(lacks) {
        return false;
    }
    let same = |w: &str, t: &str| {
        w == t
            || plural && {
                let (short, long) = if w.len() < t.len() { (w, t) } else { (t, w) };
                long.strip_prefix(short)
                    .is_some_and(|end| end == "s" || end == "es")
            }
    };
    let heads: Vec<&[u8]> = words
        .iter()
        .map(|w| &w.as_bytes()[..w.len().min(2)])
        .collect();
    let mut taken = 0u32;
    crate::text::for_each_token_starting(title, &heads, &|_| {}, &mut |t| {
        if t.part {
            return;
        }
        let free = (0..words.len()).find(|&i| {
            taken & 1 << i == 0
                && (same(words[i], t.folded)
                    || *typing && i + 1 == words.len() && t.folded.starts_with(words[i]))
        });
        if let Some(i) = free {
            taken |= 1 << i;
        }
    });
    taken.count_ones() as usize == words.len()
}
