//! Arbitrary bytes as a corpus file of each format: the reader gives
//! documents or an error naming the place, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quarry_core::corpus::read_corpus;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let ext = ["txt", "jsonl", "md", "html"][kind as usize % 4];
    let dir = std::env::temp_dir().join(format!("quarry-fuzz-corpus-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("doc.{ext}")), bytes).unwrap();
    match read_corpus(&dir) {
        Ok(corpus) => {
            let index =
                quarry_core::index::write_index(&corpus.docs).expect("index of a read corpus");
            quarry_core::Index::open(&index).expect("a written index opens");
        }
        Err(e) => assert!(e.to_string().contains("doc."), "error names the file: {e}"),
    }
});
