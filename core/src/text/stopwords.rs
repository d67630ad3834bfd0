//! English stopwords (Lucene's classic list of 33, stemmed as the index
//! stems them). Dropped only from long, ranked queries: a short query such
//! as `to be or not to be` means every word.

const WORDS: [&str; 33] = [
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these",
    "they", "this", "to", "was", "will", "with",
];

/// Whether the folded, stemmed `term` is a stopword.
pub fn is_stopword(term: &str) -> bool {
    // "thi" is how the stemmer leaves "this"; both spellings are listed.
    WORDS.contains(&term) || term == "thi"
}
