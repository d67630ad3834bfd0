//! "Did you mean": words missing from the corpus that typo tolerance
//! matched are written back with the spelling found; a query that finds
//! nothing at all also tries respelling its other words.

use crate::index::{Index, TermInfo};
use crate::query::ast::Query;
use crate::query::eval::Correction;
use crate::query::expand::{typos, Kind, RARE_DF};
use crate::text::{for_each_token_starting, head_bytes, stem_head};

/// The respelled query text, or `None`. `spelling` is the evaluator's
/// corrections and the words it found no candidate for (see
/// [`crate::query::Matches`]); `count` runs a query text and counts its
/// results (used only when the query found nothing).
pub fn suggest(
    index: &Index<'_>,
    query: &Query,
    text: &str,
    total: usize,
    spelling: (&[Correction], &[(String, String)]),
    count: impl Fn(&str) -> usize,
) -> Option<String> {
    let (corrections, unmatched) = spelling;
    if query.words.is_empty() || (corrections.is_empty() && total > 0) {
        return None;
    }
    let mut respelled = text.to_string();
    let mut changed = false;
    for span in query.words.iter().rev() {
        // Among equally close candidates, the one most used in the corpus
        // (counted only if there are several: a count reads a whole list).
        let mut mine = corrections
            .iter()
            .filter(|c| c.word == span.term)
            .filter_map(|c| index.term(&c.term).map(|info| (c, info)));
        let best = match (mine.next(), mine.next()) {
            (Some(one), None) => Some(one),
            (Some(a), Some(b)) => [a, b]
                .into_iter()
                .chain(mine)
                .map(|(c, info)| (occurrences(index, info), c, info))
                .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.term.cmp(&a.1.term)))
                .map(|(_, c, info)| (c, info)),
            _ => None,
        };
        let better = match best {
            Some((c, info)) => c
                .written
                .clone()
                .or_else(|| surface(index, &c.term, info))
                .or_else(|| Some(c.term.clone())),
            None if total == 0 => {
                let written = crate::text::fold(text.get(span.start..span.end).unwrap_or(""));
                // The evaluator's typo walk of this very word found nothing:
                // respelling would walk it again to the same end.
                let walked = unmatched
                    .iter()
                    .any(|(t, f)| *t == span.term && *f == written);
                (!walked)
                    .then(|| respell(index, &span.term, &written))
                    .flatten()
            }
            None => None,
        };
        if let Some(better) = better {
            respelled.replace_range(span.start..span.end, &better);
            changed = true;
        }
    }
    if !changed || (total == 0 && count(&respelled) == 0) {
        return None;
    }
    Some(respelled)
}

/// A much more frequent close spelling of a rare `term`, as a document
/// writes it.
fn respell(index: &Index<'_>, term: &str, written: &str) -> Option<String> {
    let own = index.term(term).map_or(0, |t| t.df);
    if own > RARE_DF {
        return None;
    }
    let mut candidates = Vec::new();
    typos(index, term, written, &mut candidates);
    // Closest first, then the most occurrences in the corpus.
    let best = candidates
        .into_iter()
        .filter_map(|e| match e.kind {
            Kind::Typo(d) if d > 0 && e.info.df > 2 * own => {
                Some((d, occurrences(index, e.info), e))
            }
            _ => None,
        })
        .min_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.1.cmp(&a.1))
                .then_with(|| a.2.term.cmp(&b.2.term))
        })?
        .2;
    best.written
        .or_else(|| surface(index, &best.term, best.info))
        .or(Some(best.term.into_owned()))
}

/// How often a term occurs in the whole corpus.
fn occurrences(index: &Index<'_>, info: TermInfo) -> u64 {
    index
        .postings(info)
        .map(|p| u64::from(p.tf_title) + u64::from(p.tf_body))
        .sum()
}

/// Bytes of a body searched for a term's written form.
const SURFACE_SCAN: usize = 4096;

/// The folded word behind a stemmed term, read from a document holding it.
fn surface(index: &Index<'_>, term: &str, info: TermInfo) -> Option<String> {
    let doc = index.postings(info).next()?.doc;
    let body = head_bytes(index.body(doc)?, SURFACE_SCAN);
    let heads = [stem_head(term)];
    let mut found = None;
    for text in [index.doc(doc)?.title, body] {
        for_each_token_starting(text, &heads, &index.stemmer(), &mut |t| {
            if found.is_none() && t.term == term {
                found = Some(t.folded.to_string());
            }
        });
        if found.is_some() {
            break;
        }
    }
    found
}
