//! Quarry's engine: the text pipeline, the index format, query parsing and
//! evaluation, ranking and snippets. No wasm-bindgen here: the `quarry`
//! crate wraps this for JavaScript, and `build.rs` uses the `build`
//! feature's corpus readers and index writer.
#![deny(missing_docs)]

#[cfg(feature = "build")]
pub mod corpus;
pub mod document;
pub mod index;
mod named;
pub mod place;
pub mod query;
pub mod rank;
pub mod search;
pub mod snippet;
mod sort;
pub mod suggest;
pub mod text;

pub use document::{Anchor, Document, FieldValue};
pub use index::{FormatError, Index};
pub use search::{search, Hit, SearchOptions, SearchResults, Sort};
pub use snippet::{snippet, Snippet};
