//! "Did you mean": when a query finds little, respell its words that are
//! missing or rare with the closest frequent dictionary term, and offer the
//! respelling if it finds clearly more.

use crate::index::Index;
use crate::query::ast::Query;
use crate::query::expand::{typos, Kind};
use crate::text::for_each_token;

/// Queries finding fewer documents than this may get a suggestion.
pub const SUGGEST_BELOW: usize = 5;

/// The respelled query text, if it finds at least twice as much as the
/// original (`total`); `count` runs a query text and counts its results.
pub fn suggest(
    index: &Index<'_>,
    query: &Query,
    text: &str,
    total: usize,
    count: impl Fn(&str) -> usize,
) -> Option<String> {
    if total >= SUGGEST_BELOW || query.words.is_empty() {
        return None;
    }
    let mut respelled = text.to_string();
    let (mut changed, mut missing) = (false, false);
    for span in query.words.iter().rev() {
        if let Some(better) = respell(index, &span.term) {
            respelled.replace_range(span.start..span.end, &better);
            changed = true;
            missing |= index.term(&span.term).is_none();
        }
    }
    if !changed {
        return None;
    }
    let found = count(&respelled);
    // A word missing from the corpus is a typo: its correction is worth
    // showing even when fuzzy matching already found the same documents.
    let better = if missing {
        found > 0 && found >= total
    } else {
        found >= 2 * total.max(1)
    };
    better.then_some(respelled)
}

/// A frequent close spelling of `term`, written as it appears in a document.
fn respell(index: &Index<'_>, term: &str) -> Option<String> {
    let own = index.term(term).map_or(0, |t| t.df);
    let mut candidates = Vec::new();
    typos(index, term, &mut candidates);
    // Closest first, then the most occurrences in the corpus.
    let best = candidates
        .into_iter()
        .filter_map(|e| match e.kind {
            Kind::Typo(d) if d > 0 && e.info.df > 2 * own => Some((d, occurrences(index, &e), e)),
            _ => None,
        })
        .min_by(|a, b| {
            a.0.cmp(&b.0)
                .then(b.1.cmp(&a.1))
                .then_with(|| a.2.term.cmp(&b.2.term))
        })?
        .2;
    Some(surface(index, &best.term, best.info).unwrap_or(best.term))
}

/// How often a term occurs in the whole corpus.
fn occurrences(index: &Index<'_>, e: &crate::query::expand::Expansion) -> u64 {
    index
        .postings(e.info)
        .map(|p| u64::from(p.tf_title) + u64::from(p.tf_body))
        .sum()
}

/// The folded word behind a stemmed term, read from a document holding it.
fn surface(index: &Index<'_>, term: &str, info: crate::index::TermInfo) -> Option<String> {
    let doc = index.postings(info).next()?.doc;
    let title = index.doc(doc)?.title;
    let mut found = None;
    for text in [title, index.body(doc)?] {
        for_each_token(text, |t| {
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
