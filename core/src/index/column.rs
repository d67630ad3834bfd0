//! A stored string field as a column: each document's value as its rank
//! among the field's distinct values, in byte order. Facets, the `place`
//! and `date` filters and the sort by date read ranks instead of each
//! matching document's stored fields: a word in half of 100,000 news
//! stories took 15 ms to count facets for and 290 ms to sort by date that
//! way. It is built in memory the first time a query needs the field, so
//! the index carries no byte for it.

use super::dict::head_word;

/// The rank of a document without the field (or with a number in it).
pub const NONE: u32 = u32::MAX;

/// One field's values, by document.
#[derive(Debug, Default)]
pub struct Column<'a> {
    /// The distinct values, sorted.
    pub values: Vec<&'a str>,
    /// Per document, the rank of its value in `values`, or [`NONE`].
    ranks: Vec<u32>,
}

impl<'a> Column<'a> {
    /// The column of `values`, one per document in order.
    pub fn new(values: impl Iterator<Item = Option<&'a str>>) -> Column<'a> {
        let mut ranks = Vec::new();
        // Sorted by their first eight bytes as an integer, then as strings
        // where those tie: mostly integer comparisons.
        let mut keyed: Vec<(u64, &'a str, u32)> = Vec::new();
        for (doc, v) in values.enumerate() {
            ranks.push(NONE);
            if let Some(v) = v {
                keyed.push((head_word(v.as_bytes()), v, doc as u32));
            }
        }
        crate::sort::sort_by(&mut keyed, |a, b| (a.0, a.1) < (b.0, b.1));
        let mut out: Vec<&'a str> = Vec::new();
        for (_, v, doc) in keyed {
            if out.last() != Some(&v) {
                out.push(v);
            }
            ranks[doc as usize] = out.len() as u32 - 1;
        }
        Column { values: out, ranks }
    }

    /// `doc`'s rank, or [`NONE`].
    #[inline]
    pub fn rank(&self, doc: u32) -> u32 {
        self.ranks.get(doc as usize).copied().unwrap_or(NONE)
    }

    /// The ranks of the values from `from` to `to`, both included.
    pub fn between(&self, from: &str, to: &str) -> std::ops::Range<u32> {
        let lo = self.values.partition_point(|v| *v < from);
        let hi = self.values.partition_point(|v| *v <= to).max(lo);
        lo as u32..hi as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_follow_the_order_of_the_values() {
        let docs = [
            Some("2024-03-05"),
            None,
            Some("2023-12-31"),
            Some("2024-03-05"),
            Some("a place whose name shares its first eight bytes, b"),
            Some("a place whose name shares its first eight bytes, a"),
        ];
        let c = Column::new(docs.iter().copied());
        assert_eq!(
            c.values,
            [
                "2023-12-31",
                "2024-03-05",
                "a place whose name shares its first eight bytes, a",
                "a place whose name shares its first eight bytes, b",
            ]
        );
        let ranks: Vec<u32> = (0..7).map(|d| c.rank(d)).collect();
        assert_eq!(ranks, [1, NONE, 0, 1, 3, 2, NONE]);
        assert_eq!(c.between("2024", "2024\u{7f}"), 1..2);
        assert_eq!(c.between("2024-03-05", "b"), 1..4);
        assert_eq!(c.between("2025", "9999"), 2..2);
        assert_eq!(c.between("2025", "2024"), 2..2);
    }
}
