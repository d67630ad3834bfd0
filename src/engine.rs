//! The embedded index, opened once on first use.

use quarry_core::{FormatError, Index};
use std::sync::OnceLock;

/// The index bytes build.rs wrote for the current corpus.
static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.qry"));

/// The opened embedded index, or why it could not be opened.
pub fn engine() -> Result<&'static Index<'static>, &'static FormatError> {
    static ENGINE: OnceLock<Result<Index<'static>, FormatError>> = OnceLock::new();
    ENGINE.get_or_init(|| Index::open(INDEX_BYTES)).as_ref()
}
