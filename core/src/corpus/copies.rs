//! Pages a site serves twice: mdBook writes its first chapter both as
//! `index.html` and under the chapter's own name, on every book (the Rust
//! book's sibling books, the Reference, the Nomicon, the rustc book).
//! Indexed twice, that chapter takes two places in every result list it
//! enters, under one title. A page whose title and text are another's is
//! left out, and links to it count for the copy kept.

use crate::document::Document;
use std::collections::HashMap;
use std::path::PathBuf;

/// Marks in `drop` each HTML page (places `html` in `found`, whose second
/// member is the file's path) with the title and body of another page
/// not yet marked, and lists it in `left_out` with the page kept. Of the
/// copies, the one kept is the one most pages link to, then the one with
/// the shortest id (a site's `index`), then the first by id.
pub fn mark(
    found: &mut [(Document, String)],
    html: &[usize],
    drop: &mut [bool],
    left_out: &mut Vec<(PathBuf, String)>,
) {
    let mut same: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for &i in html.iter().filter(|&&i| !drop[i]) {
        let d = &found[i].0;
        same.entry((&d.title, &d.body)).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = same.into_values().filter(|g| g.len() > 1).collect();
    if groups.is_empty() {
        return;
    }
    groups.sort();
    let mut inlinks: HashMap<&str, usize> = HashMap::new();
    for (d, _) in found.iter() {
        for target in &d.links {
            *inlinks.entry(target).or_default() += 1;
        }
    }
    // (copy left out, page kept), as ids.
    let mut moved: Vec<(String, String)> = Vec::new();
    for mut group in groups {
        group.sort_by_key(|&i| {
            let id = &found[i].0.id;
            (
                std::cmp::Reverse(inlinks.get(id.as_str()).copied().unwrap_or(0)),
                id.len(),
                id.clone(),
            )
        });
        let kept = &found[group[0]];
        for &i in &group[1..] {
            drop[i] = true;
            let why = format!("the same title and text as {}", kept.1);
            left_out.push((PathBuf::from(&found[i].1), why));
            moved.push((found[i].0.id.clone(), kept.0.id.clone()));
        }
    }
    // A link to a folder reaches its `index` (see the writer's `inlinks`),
    // which counts each linking page once, whichever copy it named.
    let mut to_kept: HashMap<String, String> = HashMap::new();
    for (copy, kept) in moved {
        if let Some(folder) = copy.strip_suffix("/index") {
            to_kept.insert(folder.to_string(), kept.clone());
        }
        to_kept.insert(copy, kept);
    }
    for (d, _) in found.iter_mut() {
        for target in &mut d.links {
            if let Some(kept) = to_kept.get(target.as_str()) {
                target.clone_from(kept);
            }
        }
    }
}
