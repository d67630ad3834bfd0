//! The `answers` section: the first page of results of the one-word
//! queries that cost the most to evaluate, written at build time by
//! running them (see `search::answered`), so that typing `s`, `st`, `sta`
//! on a large corpus reads ten hits instead of decoding a hundred
//! thousand postings. Layout in `format`.

use super::format::read_u32;
use super::varint::Reader;
use crate::rank::SHOWN_PER_POINT;

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

/// The section, borrowed, with where each entry starts (found at open,
/// which reads every entry to check it anyway: stored, the offsets cost
/// 4 bytes an answer).
#[derive(Debug, Clone, Default)]
pub struct Answers<'a> {
    starts: Vec<u32>,
    entries: &'a [u8],
}

impl<'a> Answers<'a> {
    /// Opens the section and checks every entry: keys in strictly rising
    /// byte order, each entry exactly filling its span, documents below
    /// `doc_count`, no more matches than that, scores falling.
    pub fn open(bytes: &'a [u8], doc_count: u32) -> Result<Self, String> {
        let count = read_u32(bytes, 0).ok_or("no entry count")? as usize;
        let entries = &bytes[4..];
        // An entry takes 3 bytes at least: a forged count cannot reserve
        // more than the bytes can hold.
        if count > entries.len() / 3 {
            return Err(format!("{count} entries in {} bytes", entries.len()));
        }
        let mut starts = Vec::with_capacity(count);
        let mut at = 0;
        let mut last: Option<&[u8]> = None;
        for i in 0..count {
            starts.push(at as u32);
            let (key, answer, end) =
                decode(entries, at).ok_or_else(|| format!("entry {i} does not decode"))?;
            if last.is_some_and(|l| l >= key) {
                return Err(format!("entry {i}: keys out of order"));
            }
            if let Some(&(doc, _)) = answer.hits.iter().find(|h| h.0 >= doc_count) {
                return Err(format!("entry {i}: document {doc} of {doc_count}"));
            }
            if answer.total > doc_count as usize {
                return Err(format!(
                    "entry {i}: {} matches of {doc_count}",
                    answer.total
                ));
            }
            last = Some(key);
            at = end;
        }
        if at != entries.len() {
            return Err("bytes after the last entry".into());
        }
        Ok(Answers { starts, entries })
    }

    /// Number of stored answers.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether no answer is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The answer stored for `key` (a folded word), by binary search.
    pub fn get(&self, key: &str) -> Option<Answer> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let at = self.start(mid)?;
            let k = Reader::at(self.entries, at).get_bytes()?;
            match k.cmp(key.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.entry(mid).map(|e| e.1),
            }
        }
        None
    }

    fn start(&self, i: usize) -> Option<usize> {
        self.starts.get(i).map(|&o| o as usize)
    }

    /// Entry `i`.
    fn entry(&self, i: usize) -> Option<(&'a [u8], Answer)> {
        decode(self.entries, self.start(i)?).map(|(k, a, _)| (k, a))
    }
}

/// The entry at `at` of `entries`, and where it ends: its key, then its
/// answer, each score in whole units of [`SHOWN_PER_POINT`] (`search`
/// returns no finer), the first as a varint and each next one as the
/// varint of how much lower it is (scores fall down a page).
fn decode(entries: &[u8], at: usize) -> Option<(&[u8], Answer, usize)> {
    let mut r = Reader::at(entries, at);
    let key = r.get_bytes()?;
    let total = usize::try_from(r.get()?).ok()?;
    let n = usize::from(r.get_u8()?);
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
        hit.1 = (units as f64 / SHOWN_PER_POINT) as f32;
    }
    Some((key, Answer { total, hits }, r.pos()))
}

/// The section's bytes for `answers`, sorted by key here.
#[cfg(feature = "build")]
pub fn encode(mut answers: Vec<(String, Answer)>) -> Vec<u8> {
    use super::varint::{put, put_bytes};
    answers.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Vec::new();
    out.extend_from_slice(&(answers.len() as u32).to_le_bytes());
    for (key, a) in &answers {
        put_bytes(&mut out, key.as_bytes());
        put(&mut out, a.total as u64);
        out.push(a.hits.len() as u8);
        for &(doc, _) in &a.hits {
            put(&mut out, u64::from(doc));
        }
        let mut prev = None;
        for &(_, score) in &a.hits {
            let units = (f64::from(score) * SHOWN_PER_POINT).round() as u64;
            assert_eq!(
                (units as f64 / SHOWN_PER_POINT) as f32,
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
