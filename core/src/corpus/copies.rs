//! Pages a site serves twice: mdBook writes its first chapter both as
//! `index.html` and under the chapter's own name, on every book (the Rust
//! book's sibling books, the Reference, the Nomicon, the rustc book).
//! Indexed twice, that chapter takes two places in every result list it
//! enters, under one title. A page whose title and text are another's is
//! left out, and links to it count for the copy kept.

use super::links::{linked_from, places, reached};
use crate::document::Document;
use std::collections::HashMap;
use std::path::PathBuf;

/// Marks in `drop` each HTML page (places `html` in `found`, whose second
/// member is the file's path) with the title and body of another page
/// not yet marked, and lists it in `left_out` with the page kept. Of the
/// copies, the one kept is the one most pages link to (as the index
/// counts them), then the one with the shortest id (a site's `index`),
/// then the first by id.
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
    let inlinks = linked_from(found.iter().map(|f| &f.0));
    // Per copy left out (by place), the id of the page kept.
    let mut kept_for: HashMap<usize, String> = HashMap::new();
    for mut group in groups {
        group.sort_by_key(|&i| {
            let id = &found[i].0.id;
            (std::cmp::Reverse(inlinks[i]), id.len(), id.clone())
        });
        let kept = &found[group[0]];
        for &i in &group[1..] {
            drop[i] = true;
            let why = format!("the same title and text as {}", kept.1);
            left_out.push((PathBuf::from(&found[i].1), why));
            kept_for.insert(i, kept.0.id.clone());
        }
    }
    // A link reaching a copy reaches the page kept, whichever form it
    // takes (`vec/index` or the folder `vec`).
    let moved: Vec<(usize, usize, String)> = {
        let ords = places(found.iter().map(|f| &f.0));
        (found.iter().enumerate())
            .flat_map(|(d, f)| f.0.links.iter().enumerate().map(move |(l, to)| (d, l, to)))
            .filter_map(|(d, l, to)| Some((d, l, kept_for.get(&reached(&ords, to)?)?.clone())))
            .collect()
    };
    for (d, l, kept) in moved {
        found[d].0.links[l] = kept;
    }
}
