//! Shared by the property tests that compare against a reference: corpora
//! whose titles and bodies are word numbers.

use quarry_core::Document;

/// Documents whose titles and bodies are word numbers spelt by `word`.
pub fn documents(
    docs: &[(Vec<usize>, Vec<usize>)],
    word: impl Fn(usize) -> &'static str,
) -> Vec<Document> {
    let text = |ws: &[usize]| ws.iter().map(|&w| word(w)).collect::<Vec<_>>().join(" ");
    docs.iter()
        .enumerate()
        .map(|(i, (title, body))| Document {
            id: format!("d{i:03}"),
            title: text(title),
            body: text(body),
            url: None,
            fields: Vec::new(),
            anchors: Vec::new(),
            links: Vec::new(),
        })
        .collect()
}
