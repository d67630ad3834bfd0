//! The index: its byte format (one owner), writer and zero-copy reader.

pub mod format;
mod reader;
pub mod varint;
#[cfg(feature = "build")]
pub mod report;
#[cfg(feature = "build")]
mod writer;

pub use format::FormatError;
pub use reader::{Index, Posting, Postings, Positions, StoredDoc, TermInfo};
#[cfg(feature = "build")]
pub use writer::{write_index, WriteError};
