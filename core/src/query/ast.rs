//! The parsed form of a query.

/// Which indexed field a word or phrase must match in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Title or body.
    Any,
    /// Title only (`title:word`).
    Title,
}

/// A single thing to match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// One folded, stemmed term.
    Word {
        /// The folded, stemmed term.
        term: String,
        /// Where it must match.
        scope: Scope,
        /// The folded word before stemming, for typo tolerance: typos are
        /// matched against written words, not stems (`cnts` → `cents`,
        /// whose stem `cent` is two edits away).
        folded: String,
        /// Whether it is the word being typed: terms that start with
        /// `folded` (or with `term`) match too.
        prefix: bool,
    },
    /// Folded terms that must stand next to each other, in order.
    Phrase {
        /// The folded terms.
        terms: Vec<String>,
        /// Where it must match.
        scope: Scope,
    },
}

/// Alternatives joined by `OR`; a negated clause excludes what it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// At least one must match.
    pub alts: Vec<Atom>,
    /// `-word` or `-"phrase"`.
    pub negated: bool,
}

/// A restriction on stored fields, from `place:` and `date:` in the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// The folded place must equal this, spaces and punctuation aside.
    Place(String),
    /// The folded place must start with this, spaces and punctuation
    /// aside: a `place:` being typed at the end of the query (`place:ha`
    /// on its way to `place:hanoi`).
    PlaceStart(String),
    /// `date` must fall in `from..=to`, compared as ISO strings where `to`
    /// has been padded to cover its whole period (`2024` → `2024\u{7f}`).
    Date {
        /// Inclusive lower bound.
        from: String,
        /// Inclusive upper bound.
        to: String,
    },
    /// A document must not pass this filter (`-place:hanoi`); one without
    /// the field passes.
    Not(Box<Filter>),
}

/// A plain positive word of the query text and where it stands, so that a
/// respelled query ("did you mean") can be written back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordSpan {
    /// The folded, stemmed term.
    pub term: String,
    /// Byte range in the query text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
}

/// A whole query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Text clauses, in query order.
    pub clauses: Vec<Clause>,
    /// Field filters.
    pub filters: Vec<Filter>,
    /// Positive plain words with their places in the text.
    pub words: Vec<WordSpan>,
}

impl Query {
    /// The clauses that must or should match (not negated).
    pub fn positive(&self) -> impl Iterator<Item = &Clause> {
        self.clauses.iter().filter(|c| !c.negated)
    }

    /// Whether the query is one word and nothing else (no exclusion, no
    /// alternative, no phrase).
    pub fn is_one_word(&self) -> bool {
        matches!(self.clauses.as_slice(), [c] if !c.negated
            && matches!(c.alts.as_slice(), [Atom::Word { .. }]))
    }
}
