//! Lists the sections the corpus readers find in a folder: offset in the
//! body, fragment id, heading. For a site owner asking why a heading gives
//! no section (it has no id, or is the page's first `<h1>`).
//!   cargo run --release -p quarry-core --features build --example sections -- DIR
use quarry_core::corpus::read_corpus;

fn main() {
    let root = std::env::args().nth(1).expect("usage: sections DIR");
    let corpus = read_corpus(std::path::Path::new(&root)).unwrap_or_else(|e| panic!("{e}"));
    for d in &corpus.docs {
        println!("{}", d.id);
        for a in &d.anchors {
            let heading = &d.body[a.at as usize..(a.at + a.len) as usize];
            println!("  {:>7} #{} {heading:?}", a.at, a.id);
        }
    }
}
