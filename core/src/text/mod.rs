//! The text pipeline shared by indexing and querying: normalize, tokenize.

#[rustfmt::skip]
mod fold_table;
pub mod normalize;
mod segment;
pub mod stem;
pub mod stopwords;
pub mod tokenize;
mod words;

pub use normalize::{fold, fold_into};
pub use stem::{StemCache, WordCache};
pub use tokenize::{
    first_bytes, for_each_positioned_word, for_each_stretch, for_each_token,
    for_each_token_starting, for_each_word, head_bytes, starts_with_any, stem_head, terms, Token,
    MAX_TERM_BYTES,
};
