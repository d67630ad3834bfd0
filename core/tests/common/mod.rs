//! Shared by the integration tests: the seed corpus's index, built once.

use quarry_core::corpus::read_corpus;
use quarry_core::index::write_index;
use quarry_core::Index;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The seed corpus folder.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds")
}

/// The index of the seed corpus, written and opened once per test binary.
pub fn seeds() -> &'static Index<'static> {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    static INDEX: OnceLock<Index<'static>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let bytes =
            BYTES.get_or_init(|| write_index(&read_corpus(&seeds_dir()).unwrap().docs).unwrap());
        Index::open(bytes).unwrap()
    })
}
