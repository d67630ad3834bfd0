//! A page whose text before its first section is only its own heading
//! (`cargo-add(1)` before `NAME`, as in man-page-style docs) shows the
//! text after it, not the heading alone; a real introduction still keeps
//! the snippet to itself.

mod placing;

use placing::{first_placed, page};
use quarry_core::index::write_index;
use quarry_core::Index;

#[test]
fn a_page_heading_alone_before_the_first_section_is_not_the_snippet() {
    let intro = "Cargo tidy removes build files that no package of the workspace uses any more, \
                 and reports how much space it gave back to the disk.";
    let bytes = write_index(&[
        page(
            "cargo-add",
            "cargo add",
            "cargo-add(1)\nNAME\ncargo-add — Add dependencies to a manifest file\nSYNOPSIS\ncargo add [options] crate",
            &[("NAME", "name"), ("SYNOPSIS", "synopsis")],
        ),
        page(
            "cargo-tidy",
            "cargo tidy",
            &format!("cargo-tidy(1)\n{intro}\nNAME\ncargo-tidy — Remove unused files\nOPTIONS\n--dry-run"),
            &[("NAME", "name"), ("OPTIONS", "options")],
        ),
    ])
    .unwrap();
    let index = Index::open(&bytes).unwrap();
    let ((s, section), _) = first_placed(&index, "cargo add", "cargo-add");
    assert!(s.text.contains("Add dependencies"), "{}", s.text);
    assert_eq!(section, None);
    // An introduction before the first section is the page's top: the
    // snippet stays within it.
    let ((s, section), _) = first_placed(&index, "cargo tidy", "cargo-tidy");
    assert!(s.text.ends_with("back to the disk."), "{}", s.text);
    assert_eq!(section, None);
}
