//! Section sizes, raw and gzipped, for the build's size report and `stats()`.

use super::format::read_header;
use std::io::Write;

/// One section's name and sizes in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionSize {
    /// Section name.
    pub name: &'static str,
    /// Raw bytes.
    pub bytes: usize,
    /// Bytes after gzip at the best level, as a server would send them.
    pub gzip_bytes: usize,
}

/// Sizes of every section of `index` (which must be well formed).
pub fn section_sizes(index: &[u8]) -> Vec<SectionSize> {
    let Ok(sections) = read_header(index) else {
        return Vec::new();
    };
    sections
        .iter()
        .map(|s| SectionSize {
            name: s.name,
            bytes: s.len,
            gzip_bytes: gzip_len(&index[s.offset..s.offset + s.len]),
        })
        .collect()
}

/// Length of `bytes` gzipped at the best level.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(0)
}
