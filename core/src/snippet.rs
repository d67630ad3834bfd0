//! Snippets: the window of body text that best shows why a document
//! matched, with the matched words located in UTF-16 code units (what
//! JavaScript's `String.prototype.slice` counts).

use crate::text::stopwords::is_stopword;
use crate::text::tokenize::compound_after;
use crate::text::{first_bytes, for_each_stretch, for_each_token_starting, head_bytes, stem_head};

/// Target snippet length in bytes of source text.
pub const WINDOW: usize = 180;
/// Matches considered per document, bounding the work on long bodies; a
/// clause's first match is kept past it.
const MAX_MATCHES: usize = 256;
/// Body bytes searched for matches: first a short head, where most
/// matches are; then up to 16 KB while a clause of the query has none (a
/// reference page names `os` and `path` at its top, `os.path.join` further
/// down); then up to 128 KB while nothing matched at all (scanning 128 KB
/// finds none in about 0.5 ms natively). Past the last limit the snippet
/// shows the start.
const SCAN_LIMITS: [usize; 3] = [HEAD, 16 << 10, 128 << 10];
/// The head of a body: its first lines, where most matches are.
pub const HEAD: usize = 512;

/// A snippet and the ranges of its highlighted words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The text shown, with `…` where it was cut.
    pub text: String,
    /// `[start, end)` of each highlighted word, in UTF-16 code units.
    pub highlights: Vec<(u32, u32)>,
    /// Byte offset in the body of the window's match that completes its
    /// set of clauses (0 without one): the section it lies in is the
    /// result's place.
    pub at: usize,
}

/// The snippet of `body` for the folded `terms`, in any order; `clauses`
/// gives each term's query clause (`SearchResults::term_clauses`: a word's
/// completions are one clause), and a term past its end is a clause of its
/// own. `stem` makes a folded word its stem, as the index did.
pub fn snippet<T: AsRef<str>>(
    body: &str,
    terms: &[T],
    clauses: &[u8],
    stem: &dyn Fn(&mut String),
) -> Snippet {
    Matcher::new(terms, clauses, stem).snippet(body)
}

/// A query's terms as snippets look for them, made once for all its hits.
pub struct Matcher<'t, T> {
    terms: &'t [T],
    clauses: &'t [u8],
    /// Terms not marked as words: a stopword (`a`, `the`) where another
    /// clause has a word that is none. Marked in every line, it would hide
    /// the words that say why a page matched; a query of stopwords alone
    /// (`to be or not to be`) keeps them, and so does a name's part (`to`
    /// in `to_char`). A heading must still hold them to name the query.
    skip: Vec<bool>,
    /// Stemming every word of every shown body would cost more than the
    /// search: only the words starting as a term's stem does are stemmed.
    heads: Vec<&'t [u8]>,
    /// [`first_bytes`] of `heads`.
    first: [bool; 256],
    stem: &'t dyn Fn(&mut String),
}

impl<'t, T: AsRef<str>> Matcher<'t, T> {
    /// See [`snippet`].
    pub fn new(terms: &'t [T], clauses: &'t [u8], stem: &'t dyn Fn(&mut String)) -> Self {
        let clause = |k: usize| clause_of(clauses, k);
        let stop: Vec<bool> = terms.iter().map(|t| is_stopword(t.as_ref())).collect();
        let skip: Vec<bool> = (0..terms.len())
            .map(|k| stop[k] && (0..terms.len()).any(|j| !stop[j] && clause(j) != clause(k)))
            .collect();
        let heads: Vec<&[u8]> = terms.iter().map(|t| stem_head(t.as_ref())).collect();
        Matcher {
            terms,
            clauses,
            skip,
            first: first_bytes(&heads),
            heads,
            stem,
        }
    }

    fn clause(&self, k: usize) -> usize {
        clause_of(self.clauses, k)
    }

    /// A bit for each of the query's clauses; without `stop`, only those
    /// with a term marked as a word (see `skip`).
    pub fn all(&self, stop: bool) -> u64 {
        (0..self.terms.len())
            .filter(|&k| stop || !self.skip[k])
            .fold(0, |m, k| m | 1 << self.clause(k))
    }

    /// The index of `term` among the query's terms; without `stop`, not
    /// one of those skipped (see `skip`). A few dozen at most: a scan, and
    /// no sorting per query.
    fn find(&self, term: &str, stop: bool) -> Option<usize> {
        (0..self.terms.len()).find(|&k| (stop || !self.skip[k]) && self.terms[k].as_ref() == term)
    }

    /// Calls `f(start, end, clause)` for each match in `text`, in order.
    /// With `stop`, the terms `skip` leaves out are matched too; a name's
    /// parts always match them.
    fn each(&self, text: &str, stop: bool, f: &mut dyn FnMut(usize, usize, usize)) {
        for_each_stretch(text, &self.heads, &self.first, &mut |start, end| {
            for_each_token_starting(&text[start..end], &self.heads, self.stem, &mut |t| {
                let stop = stop || t.part;
                let (a, b) = (start + t.start, start + t.end);
                if let Some(k) = self.find(t.term, stop) {
                    f(a, b, self.clause(k));
                } else if let Some((b, mut compound)) = compound_after(text, a, b, t.folded) {
                    // `Hà Nội` for `hanoi`, as the index joined it.
                    (self.stem)(&mut compound);
                    if let Some(k) = self.find(&compound, stop) {
                        f(a, b, self.clause(k));
                    }
                }
            });
        });
    }

    /// Whether `text` holds every clause of the query (a heading that
    /// names it).
    pub fn holds_all(&self, text: &str) -> bool {
        let mut found = 0;
        self.each(text, true, &mut |_, _, c| found |= 1 << c);
        found == self.all(true)
    }

    /// `[start, end)` of each match in `text` (a title or a heading), in
    /// UTF-16 code units, as the snippet marks its own.
    pub fn marks(&self, text: &str) -> Vec<(u32, u32)> {
        let mut marks = Vec::new();
        let (mut cursor, mut units) = (0, 0);
        self.each(text, false, &mut |s, e, _| {
            if s >= cursor {
                units += utf16_len(&text[cursor..s]);
                let len = utf16_len(&text[s..e]);
                mark(&mut marks, units, len);
                units += len;
                cursor = e;
            }
        });
        marks
    }

    /// The snippet of `body`.
    pub fn snippet(&self, body: &str) -> Snippet {
        let all = self.all(false);
        let mut found = 0u64;
        // (start, end, clause), in body order.
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        let mut from = 0;
        for (i, limit) in SCAN_LIMITS.into_iter().enumerate() {
            let to = cut_at_space(body, limit).max(from);
            let last = i + 1 == SCAN_LIMITS.len();
            if found == all || (last && found != 0) || from >= to {
                break;
            }
            self.each(&body[from..to], false, &mut |start, end, c| {
                if hits.len() < MAX_MATCHES || found & 1 << c == 0 {
                    hits.push((from + start, from + end, c));
                    found |= 1 << c;
                }
            });
            from = to;
        }
        show(body, &hits)
    }
}

/// The clause of term `k` (see [`snippet`]).
fn clause_of(clauses: &[u8], k: usize) -> usize {
    clauses.get(k).map_or(k, |&c| usize::from(c)) % 64
}

/// The snippet of `body` around the best window of `hits`.
fn show(body: &str, hits: &[(usize, usize, usize)]) -> Snippet {
    let (from, to, at) = window(body, hits);
    let mut text = String::with_capacity(to - from + 8);
    let mut highlights = Vec::new();
    let mut units = 0u32;
    if from > 0 {
        text.push('…');
        units += 1;
    }
    let mut cursor = from;
    for &(s, e, _) in hits.iter().filter(|h| h.0 >= from && h.1 <= to) {
        // An identifier's part within a match already marked.
        if s < cursor {
            continue;
        }
        units += push_flat(&mut text, &body[cursor..s]);
        let len = push_flat(&mut text, &body[s..e]);
        mark(&mut highlights, units, len);
        units += len;
        cursor = e;
    }
    push_flat(&mut text, &body[cursor..to]);
    if to < body.len() {
        text.push('…');
    }
    Snippet {
        text,
        highlights,
        at,
    }
}

/// Marks `len` units from `at`. Parts side by side (`read`, `File` in
/// `readFileSync`) are one mark: the name is not shown as words.
fn mark(marks: &mut Vec<(u32, u32)>, at: u32, len: u32) {
    match marks.last_mut() {
        Some((_, end)) if *end == at => *end += len,
        _ => marks.push((at, at + len)),
    }
}

fn utf16_len(s: &str) -> u32 {
    s.chars().map(|c| c.len_utf16() as u32).sum()
}

/// A byte offset at or before `at` where `body` has white space (or its end).
fn cut_at_space(body: &str, at: usize) -> usize {
    if at >= body.len() {
        return body.len();
    }
    let head = head_bytes(body, at);
    head.rfind(char::is_whitespace).unwrap_or(head.len())
}

/// Appends `s` with line breaks and tabs as spaces; returns its UTF-16 length.
fn push_flat(out: &mut String, s: &str) -> u32 {
    let mut n = 0;
    for c in s.chars() {
        out.push(if c.is_whitespace() { ' ' } else { c });
        n += c.len_utf16() as u32;
    }
    n
}

/// The byte range to show: the window with the most distinct clauses,
/// then the most matches, widened to word boundaries; and where it
/// completes its clauses.
fn window(body: &str, hits: &[(usize, usize, usize)]) -> (usize, usize, usize) {
    // (distinct clauses, matches, first match) of the best window so far.
    let mut best = (0usize, 0usize, 0usize);
    // Two pointers over the matches, with counts per clause: [i, j) is the
    // window starting at match i.
    let mut counts = [0u16; 64];
    let (mut j, mut distinct) = (0, 0);
    for i in 0..hits.len() {
        while j < hits.len() && (j == i || hits[j].1 - hits[i].0 <= WINDOW) {
            distinct += usize::from(counts[hits[j].2] == 0);
            counts[hits[j].2] += 1;
            j += 1;
        }
        if (distinct, j - i) > (best.0, best.1) {
            best = (distinct, j - i, i);
        }
        counts[hits[i].2] -= 1;
        distinct -= usize::from(counts[hits[i].2] == 0);
    }
    let anchor = hits.get(best.2).map_or(0, |h| h.0);
    // The end of the window's last match: what is shown must reach it.
    let last = hits
        .get(best.2 + best.1.saturating_sub(1))
        .map_or(anchor, |h| h.1);
    // Start a little before the first match, at a sentence start if one
    // is near, but not so far before that the last match falls off.
    let room = WINDOW.saturating_sub(last - anchor);
    let lead = anchor.saturating_sub((WINDOW / 4).min(room));
    // Bytes, not a `str` pattern: its searcher is 2 KB of the module.
    let mut from = (body.as_bytes().get(..anchor).unwrap_or_default())
        .windows(2)
        .rposition(|w| w == b". ")
        .map(|i| i + 2)
        .filter(|&i| i >= lead)
        .unwrap_or_else(|| word_start(body, lead));
    // Near the start, or a text that fits whole (a short section): all of it.
    if anchor < WINDOW / 3 || body.len() <= WINDOW {
        from = 0;
    }
    let to = word_end(body, (from + WINDOW).max(last).min(body.len()));
    // The result's place: the match by which the window holds all its
    // clauses (`join` in `… path-like. os.path.join(path`), not its first.
    let mut seen = 0u64;
    let complete = hits[best.2.min(hits.len())..]
        .iter()
        .find(|h| {
            seen |= 1 << h.2;
            seen.count_ones() as usize >= best.0
        })
        .map_or(anchor, |h| h.0);
    (from, to, complete)
}

/// The start of the word at or after byte `i`.
fn word_start(body: &str, i: usize) -> usize {
    if i == 0 {
        return 0;
    }
    let i = ceil_char(body, i);
    body[i..]
        .find(char::is_whitespace)
        .map_or(i, |k| i + k + 1)
        .min(body.len())
}

/// The end of the word at byte `i`.
fn word_end(body: &str, i: usize) -> usize {
    let i = ceil_char(body, i);
    body[i..]
        .find(char::is_whitespace)
        .map_or(body.len(), |k| i + k)
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

#[cfg(test)]
mod tests;
