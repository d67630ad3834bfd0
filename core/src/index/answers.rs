//! The `answers` section: the first page of results of the one-word
//! queries that cost the most to evaluate, written at build time by
//! running them (see `search::answered`), so that typing `s`, `st`, `sta`
//! on a large corpus reads ten hits instead of decoding a hundred
//! thousand postings. Layout in `format`.

use super::format::read_u32;
use super::varint::Reader;

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

/// The section, borrowed: entry offsets and the entries.
#[derive(Debug, Clone, Copy, Default)]
pub struct Answers<'a> {
    offsets: &'a [u8],
    entries: &'a [u8],
}

impl<'a> Answers<'a> {
    /// Opens the section and checks every entry: keys in strictly rising
    /// byte order, each entry exactly filling its span, documents below
    /// `doc_count` and no more matches than that, scores finite.
    pub fn open(bytes: &'a [u8], doc_count: u32) -> Result<Self, String> {
        let count = read_u32(bytes, 0).ok_or("no entry count")? as usize;
        let offsets = count
            .checked_add(1)
            .and_then(|n| n.checked_mul(4))
            .and_then(|len| bytes.get(4..len.checked_add(4)?))
            .ok_or_else(|| format!("{count} entries, but the offsets are cut short"))?;
        let a = Answers {
            offsets,
            entries: &bytes[4 + offsets.len()..],
        };
        if a.end(0) != Some(0) || a.end(count) != Some(a.entries.len()) {
            return Err("entry offsets do not span the entries".into());
        }
        let mut last: Option<&[u8]> = None;
        for i in 0..count {
            let (key, answer) = a
                .entry(i)
                .ok_or_else(|| format!("entry {i} does not decode"))?;
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
        }
        Ok(a)
    }

    /// Number of stored answers.
    pub fn len(&self) -> usize {
        (self.offsets.len() / 4).saturating_sub(1)
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
            let at = self.end(mid)?;
            let k = Reader::at(self.entries, at).get_bytes()?;
            match k.cmp(key.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return self.entry(mid).map(|e| e.1),
            }
        }
        None
    }

    fn end(&self, i: usize) -> Option<usize> {
        read_u32(self.offsets, 4 * i).map(|o| o as usize)
    }

    /// Entry `i`, if it decodes to exactly its span.
    fn entry(&self, i: usize) -> Option<(&'a [u8], Answer)> {
        let span = self.entries.get(self.end(i)?..self.end(i + 1)?)?;
        let mut r = Reader::new(span);
        let key = r.get_bytes()?;
        let total = usize::try_from(r.get()?).ok()?;
        let n = usize::from(r.get_u8()?);
        if n > ANSWERED_HITS || n > total {
            return None;
        }
        let mut hits = Vec::with_capacity(n);
        for _ in 0..n {
            let doc = r.get_u32()?;
            let at = r.pos();
            let score = f32::from_bits(read_u32(span, at)?);
            r = Reader::at(span, at + 4);
            hits.push((doc, score));
        }
        let finite = hits.iter().all(|h| h.1.is_finite());
        (finite && r.pos() == span.len()).then_some((key, Answer { total, hits }))
    }
}

/// The section's bytes for `answers`, sorted by key here.
#[cfg(feature = "build")]
pub fn encode(mut answers: Vec<(String, Answer)>) -> Vec<u8> {
    use super::varint::{put, put_bytes};
    answers.sort_by(|a, b| a.0.cmp(&b.0));
    let mut entries = Vec::new();
    let mut out = Vec::with_capacity(8 + 4 * answers.len());
    out.extend_from_slice(&(answers.len() as u32).to_le_bytes());
    for (key, a) in &answers {
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        put_bytes(&mut entries, key.as_bytes());
        put(&mut entries, a.total as u64);
        entries.push(a.hits.len() as u8);
        for &(doc, score) in &a.hits {
            put(&mut entries, u64::from(doc));
            entries.extend_from_slice(&score.to_bits().to_le_bytes());
        }
    }
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    out.extend_from_slice(&entries);
    out
}

#[cfg(all(test, feature = "build"))]
mod tests;
