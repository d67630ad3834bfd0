//! The index: its byte format (one owner), writer and zero-copy reader.

pub mod answers;
pub mod bits;
pub mod column;
pub mod dict;
pub mod filter;
pub mod format;
#[cfg(feature = "build")]
mod options;
mod reader;
#[cfg(feature = "build")]
pub mod report;
pub mod trie;
pub mod varint;
#[cfg(feature = "build")]
mod writer;

pub use format::FormatError;
#[cfg(feature = "build")]
pub use options::WriteOptions;
pub use reader::{Index, Posting, Postings, StoredDoc, TermInfo};
#[cfg(feature = "build")]
pub use writer::{write_index, write_index_with, WriteError};
