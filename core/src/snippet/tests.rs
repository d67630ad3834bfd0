use super::*;
use crate::text::stem::stem_in_place;

/// The text of each of `marks` in `text`.
fn marked_in(text: &str, marks: &[(u32, u32)]) -> Vec<String> {
    marks
        .iter()
        .map(|&(a, b)| utf16_slice(text, a, b))
        .collect()
}

fn utf16_slice(s: &str, a: u32, b: u32) -> String {
    let u: Vec<u16> = s.encode_utf16().collect();
    String::from_utf16(&u[a as usize..b as usize]).unwrap()
}

#[test]
fn highlights_are_utf16_offsets() {
    let body = "Chủ tịch nước Lương Cường gặp 🎉 Cường again.";
    let s = snippet(body, &["cuong".to_string()], &[], &stem_in_place);
    let marked = marked_in(&s.text, &s.highlights);
    assert_eq!(marked, ["Cường", "Cường"]);
}

#[test]
fn marks_find_every_form_of_a_term_in_a_title() {
    let terms = crate::text::terms("spawn cuong");
    let m = Matcher::new(&terms, &[], &stem_in_place);
    let title = "🎉 Spawns in Cường: std::thread::spawn";
    let marked = marked_in(title, &m.marks(title));
    assert_eq!(marked, ["Spawns", "Cường", "spawn"]);
    assert!(m.marks("no such words").is_empty());
}

#[test]
fn window_moves_to_the_matches() {
    let body = format!(
        "{} needle here. {}",
        "filler words ".repeat(50),
        "tail ".repeat(50)
    );
    let s = snippet(&body, &crate::text::terms("needle"), &[], &stem_in_place);
    assert!(
        s.text.starts_with('…') && s.text.ends_with('…'),
        "{}",
        s.text
    );
    assert_eq!(s.highlights.len(), 1);
    assert!(s.text.chars().count() < WINDOW + 40);
}

#[test]
fn stopwords_are_marked_only_in_a_query_of_stopwords() {
    let body = "How to publish a package: a short guide to the registry.";
    let marked = |q: &str| {
        let terms = crate::text::terms(q);
        let clauses: Vec<u8> = (0..terms.len() as u8).collect();
        let s = snippet(body, &terms, &clauses, &stem_in_place);
        marked_in(&s.text, &s.highlights)
    };
    assert_eq!(marked("publish a package"), ["publish", "package"]);
    assert_eq!(marked("to the"), ["to", "to", "the"]);
    // A name's part is marked; the word `to` is not.
    let body = "Use to_char(x) to format it.";
    let s = snippet(
        body,
        &crate::text::terms("to char"),
        &[0, 1],
        &stem_in_place,
    );
    let marked = marked_in(&s.text, &s.highlights);
    assert_eq!(marked, ["to", "char"]);
    assert_eq!(s.highlights[1].0, s.highlights[0].1 + 1, "both in to_char");
    // Another term of a stopword's clause (a completion) is marked.
    let body = "How to publish a package: a short guide to the registry.";
    let terms = ["publish", "a", "short"];
    let s = snippet(body, &terms, &[0, 1, 1], &stem_in_place);
    assert_eq!(s.highlights.len(), 2, "{}", s.text);
}

#[test]
fn compounds_are_marked_as_they_were_indexed() {
    // The index holds `Hà Nội` also as `hanoi`: a query for `hanoi`
    // finds it, and its snippet and title must show why.
    let terms = crate::text::terms("hanoi vietnam newyork");
    let m = Matcher::new(&terms, &[0, 1, 2], &stem_in_place);
    let text = "From Hà Nội, Việt Nam's capital, to New York.";
    let marked = marked_in(text, &m.marks(text));
    assert_eq!(
        marked,
        ["Hà Nội", "Việt Nam's"],
        "a possessive as single words have it"
    );
    let s = m.snippet(text);
    assert_eq!(s.highlights.len(), 2, "{}", s.text);
}

#[test]
fn the_window_shows_its_last_match() {
    // Two words 158 bytes apart, far from the start: the window
    // holding both must show both, not start early and cut the second
    // off.
    let body = format!(
        "{}First Vietnam {}economies and more. {}",
        "filler words ".repeat(20),
        "word ".repeat(30),
        "tail ".repeat(50)
    );
    let gap = body.find("economies").unwrap() - body.find("Vietnam").unwrap();
    assert!(gap > WINDOW * 3 / 4 && gap + 9 < WINDOW);
    let terms = crate::text::terms("vietnam economy");
    let s = snippet(&body, &terms, &[0, 1], &stem_in_place);
    let marked = marked_in(&s.text, &s.highlights);
    assert_eq!(marked, ["Vietnam", "economies"], "{}", s.text);
}

#[test]
fn deep_matches_are_found_up_to_the_last_limit() {
    let terms = crate::text::terms("needle");
    let at = |n: usize| {
        format!(
            "{}needle here. {}",
            "filler ".repeat(n / 7),
            "tail ".repeat(9)
        )
    };
    let deep = snippet(&at(100_000), &terms, &[], &stem_in_place);
    assert_eq!(deep.highlights.len(), 1, "{}", deep.text);
    let past = snippet(&at(140_000), &terms, &[], &stem_in_place);
    assert!(past.highlights.is_empty() && past.text.starts_with("filler"));
}

#[test]
fn every_clause_is_looked_for_past_the_head() {
    // `os` and `path` at the top, all three words 2 KB down.
    let body = format!(
        "The os.path module. {}See os.path.join(path, *paths) here. {}",
        "Other words fill the page. ".repeat(80),
        "tail ".repeat(9)
    );
    let terms = crate::text::terms("os path join");
    let s = snippet(&body, &terms, &[0, 1, 2], &stem_in_place);
    assert!(s.text.contains("os.path.join("), "{}", s.text);
    assert_eq!(
        &body[s.at..s.at + 4],
        "join",
        "the match completing the clauses"
    );
    assert!(s.at > 2000);
    // A word's completions are one clause: `path` and `paths` do not
    // make the head's window hold two of them.
    let terms = ["path", "paths", "join"];
    let s = snippet(&body, &terms, &[0, 0, 1], &stem_in_place);
    assert!(s.text.contains("join"), "{}", s.text);
}

#[test]
fn no_match_shows_the_start() {
    let s = snippet(
        "Short body.\nSecond line.",
        &["zzz".to_string()],
        &[],
        &stem_in_place,
    );
    assert_eq!(s.text, "Short body. Second line.");
    assert!(s.highlights.is_empty());
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Folding only the stretches around a head's bytes finds every
    /// match that folding every word of the text finds, in order.
    #[test]
    fn stretches_find_every_match(
        text in proptest::collection::vec(proptest::sample::select(vec![
            "ca", "Ca", "CA", "cable", "Cab", "o'cab", "don't", "'s", "a_cab", "readCable",
            "x.cab", "cab's", "  ", " ", "\n", "\t", ",", ".", "'", "\u{301}", "Cà", "çab",
            "Đức", "đuc", "ba", "abc", "中", "ca’b", "dying", "DIE", "_", "1", "c\u{301}ab",
        ]), 0..24).prop_map(|w: Vec<&str>| w.concat()),
        terms in proptest::collection::vec(proptest::sample::select(vec![
            "cab", "cabl", "ca", "duc", "die", "oc", "ocab", "c", "dont", "read", "cable", "x",
        ]), 1..4),
    ) {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        let clauses: Vec<u8> = (0..terms.len() as u8).collect();
        let m = Matcher::new(&terms, &clauses, &stem_in_place);
        let mut got = Vec::new();
        m.each(&text, true, &mut |a, b, c| got.push((a, b, c)));
        let mut want = Vec::new();
        for_each_token_starting(&text, &m.heads, &stem_in_place, &mut |t| {
            if let Some(k) = terms.iter().position(|x| *x == t.term) {
                want.push((t.start, t.end, m.clause(k)));
            }
        });
        prop_assert_eq!(got, want);
    }
}
