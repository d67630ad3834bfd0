//! The `place` and `date` filters, read through the fields' columns.

use super::super::ast::Filter;
use crate::index::column::Column;
use crate::index::Index;
use crate::text::fold;

/// The values of a field that a filter lets through, as ranks of its
/// column (see `index::column`): a filter costs a few value comparisons,
/// then one lookup per document.
pub struct Allowed<'c> {
    column: Option<&'c Column<'c>>,
    /// Per rank, whether its value passes.
    ranks: Vec<bool>,
    /// Whether a document without the field passes.
    missing: bool,
}

impl Allowed<'_> {
    /// Whether `doc` passes the filter.
    pub fn passes(&self, doc: u32) -> bool {
        self.column.map_or(self.missing, |c| {
            (self.ranks.get(c.rank(doc) as usize).copied()).unwrap_or(self.missing)
        })
    }
}

/// What `filter` lets through on `index`; a `Filter::Not` is its inner
/// filter's answer reversed, a document without the field included.
pub fn allowed<'c>(index: &'c Index<'_>, filter: &Filter) -> Allowed<'c> {
    let column = index.column(match filter {
        Filter::Not(f) => {
            let mut a = allowed(index, f);
            a.ranks.iter_mut().for_each(|r| *r = !*r);
            a.missing = !a.missing;
            return a;
        }
        Filter::Place(_) | Filter::PlaceStart(_) => "place",
        Filter::Date { .. } => "date",
    });
    let ranks = match (column, filter) {
        (None, _) | (_, Filter::Not(_)) => Vec::new(),
        (Some(c), Filter::Place(place) | Filter::PlaceStart(place)) => {
            // Letters and digits alone: `hanoi` is `Hà Nội`, `da nang` `Danang`.
            let key = |s: &str| {
                s.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
            };
            let want = key(place);
            let start = matches!(filter, Filter::PlaceStart(_));
            (c.values.iter())
                .map(|v| {
                    let v = key(&fold(v));
                    v == want || start && v.as_bytes().starts_with(want.as_bytes())
                })
                .collect()
        }
        (Some(c), Filter::Date { from, to }) => {
            let range = c.between(from, to);
            (0..c.values.len() as u32)
                .map(|r| range.contains(&r))
                .collect()
        }
    };
    Allowed {
        column,
        ranks,
        missing: false,
    }
}
