//! The `answers` section: the first page of results of the one-word
//! queries that cost the most to evaluate, written at build time by
//! running them (see `search::answered`), so that typing `s`, `st`, `sta`
//! on a large corpus reads ten hits instead of decoding a hundred
//! thousand postings. Layout in `format`.

use super::format::read_u32;
use super::varint::Reader;
use crate::rank::from_shown_units;

/// Hits kept per answer: the first page at the default limit.
pub const ANSWERED_HITS: usize = 10;

/// The stored first page of one query.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Documents matching.
    pub total: usize,
    /// The best `min(total, ANSWERED_HITS)`, `(document, score)`, in rank
    /// order.
    pub hits: Vec<(u32, f32)>,
}

/// The byte that stands for an answer in place of its hit count when it
/// is the entry before's (`variou`, `various`): no count is that large.
const SAME: u8 = 0xff;

/// The section, borrowed, with its keys rebuilt and where each answer
/// starts (found at open, which reads every entry to check it anyway).
#[derive(Debug, Clone, Default)]
pub struct Answers<'a> {
    /// The keys one after another, rebuilt from their front coding.
    keys: Vec<u8>,
    /// Per entry, where its key ends in `keys` and where its answer
    /// starts in `entries` (a repeated answer's, where the first is).
    ends: Vec<(u32, u32)>,
    entries: &'a [u8],
}

impl<'a> Answers<'a> {
    /// Opens the section and checks every entry: keys in strictly rising
    /// byte order, each entry exactly filling its span, documents below
    /// `doc_count`, no more matches than that, scores falling, and no
    /// repeat without an answer before it.
    pub fn open(bytes: &'a [u8], doc_count: u32) -> Result<Self, String> {
        let count = read_u32(bytes, 0).ok_or("no entry count")? as usize;
        let entries = &bytes[4..];
        // An entry takes 3 bytes at least: a forged count cannot reserve
        // more than the bytes can hold.
        if count > entries.len() / 3 {
            return Err(format!("{count} entries in {} bytes", entries.len()));
        }
        let mut a = Answers {
            keys: Vec::new(),
            ends: Vec::with_capacity(count),
            entries,
        };
        let mut r = Reader::at(entries, 0);
        let mut key = Vec::new();
        for i in 0..count {
            let bad = || format!("entry {i} does not decode");
            let shared = r.get().ok_or_else(bad)? as usize;
            let rest = r.get_bytes().ok_or_else(bad)?;
            let tail = key.get(shared..);
            if tail.is_none_or(|t| i > 0 && t >= rest) {
                return Err(format!("entry {i}: keys out of order"));
            }
            key.truncate(shared);
            key.extend_from_slice(rest);
            a.keys.extend_from_slice(&key);
            let at = if entries.get(r.pos()) == Some(&SAME) {
                r = Reader::at(entries, r.pos() + 1);
                a.ends.last().ok_or_else(bad)?.1 as usize
            } else {
                let (answer, end) = decode(entries, r.pos()).ok_or_else(bad)?;
                if let Some(&(doc, _)) = answer.hits.iter().find(|h| h.0 >= doc_count) {
                    return Err(format!("entry {i}: document {doc} of {doc_count}"));
                }
                if answer.total > doc_count as usize {
                    return Err(format!(
                        "entry {i}: {} matches of {doc_count}",
                        answer.total
                    ));
                }
                let at = r.pos();
                r = Reader::at(entries, end);
                at
            };
            a.ends.push((a.keys.len() as u32, at as u32));
        }
        if r.pos() != entries.len() {
            return Err("bytes after the last entry".into());
        }
        Ok(a)
    }

    /// Number of stored answers.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no answer is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Key `i`.
    fn key(&self, i: usize) -> Option<&[u8]> {
        let end = self.ends.get(i)?.0 as usize;
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p].0 as usize);
        self.keys.get(start..end)
    }

    /// The answer stored for `key` (a folded word), by binary search.
    pub fn get(&self, key: &str) -> Option<Answer> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.key(mid)?.cmp(key.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    return decode(self.entries, self.ends[mid].1 as usize).map(|a| a.0);
                }
            }
        }
        None
    }
}

/// The answer at `at` of `entries`, and where it ends: its hit count (a
/// byte, which [`SAME`] is too large to be), its total, its documents,
/// then each score in whole units of `rank::SHOWN_PER_POINT` (`search`
/// returns no finer), the first as a varint and each next one as the
/// varint of how much lower it is (scores fall down a page).
fn decode(entries: &[u8], at: usize) -> Option<(Answer, usize)> {
    let mut r = Reader::at(entries, at);
    let n = usize::from(r.get_u8()?);
    let total = usize::try_from(r.get()?).ok()?;
    if n > ANSWERED_HITS || n > total {
        return None;
    }
    let mut hits = Vec::with_capacity(n);
    for _ in 0..n {
        hits.push((r.get_u32()?, 0.0));
    }
    let mut units = 0u64;
    for (k, hit) in hits.iter_mut().enumerate() {
        let v = r.get()?;
        units = if k == 0 { v } else { units.checked_sub(v)? };
        hit.1 = from_shown_units(units);
    }
    Some((Answer { total, hits }, r.pos()))
}

/// The section's bytes for `answers`, sorted by key here.
#[cfg(feature = "build")]
pub fn encode(mut answers: Vec<(String, Answer)>) -> Vec<u8> {
    use super::varint::{put, put_bytes};
    answers.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::new();
    out.extend_from_slice(&(answers.len() as u32).to_le_bytes());
    let mut before: Option<(&str, &Answer)> = None;
    for (key, a) in &answers {
        let last = before.map_or("", |b| b.0);
        let shared = last
            .bytes()
            .zip(key.bytes())
            .take_while(|(x, y)| x == y)
            .count();
        put(&mut out, shared as u64);
        put_bytes(&mut out, &key.as_bytes()[shared..]);
        let same = before.is_some_and(|b| b.1 == a);
        before = Some((key, a));
        if same {
            out.push(SAME);
            continue;
        }
        out.push(a.hits.len() as u8);
        put(&mut out, a.total as u64);
        for &(doc, _) in &a.hits {
            put(&mut out, u64::from(doc));
        }
        let mut prev = None;
        for &(_, score) in &a.hits {
            let units = crate::rank::shown_units(score);
            assert_eq!(
                from_shown_units(units),
                score,
                "{key}: a stored score is one that search returns"
            );
            let fall = prev.map_or(Some(units), |p: u64| p.checked_sub(units));
            put(&mut out, fall.expect("scores fall down a page"));
            prev = Some(units);
        }
    }
    out
}

#[cfg(all(test, feature = "build"))]
mod tests;
