use super::*;

#[test]
fn identifiers_split_into_their_parts_in_place() {
    let split = |t: &str| split_identifiers(t);
    assert_eq!(
        split("dev_dependencies").as_deref(),
        Some("dev dependencies")
    );
    assert_eq!(
        split("-readFileSync \"pg_dump x\"").as_deref(),
        Some("-read File Sync \"pg dump x\"")
    );
    assert_eq!(
        split("iPhone XMLHttpRequest").as_deref(),
        Some("Phone XML Http Request")
    );
    assert_eq!(split("plain words, __init__ and Cường"), None);
}

#[test]
fn words_numbers_and_offsets() {
    let text = "Lương Cường, 2030-marking Chile’s 13th";
    let mut got = Vec::new();
    for_each_token(text, |t| {
        got.push((t.term.to_string(), &text[t.start..t.end]))
    });
    let want = [
        ("luong", "Lương"),
        ("cuong", "Cường"),
        ("2030", "2030"),
        ("mark", "marking"),
        ("chile", "Chile’s"),
        ("13th", "13th"),
    ];
    let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    assert_eq!(got, want);
}

#[test]
fn colons_and_dots_between_letters_part_words() {
    let text = "os.path, logging.config: a:b e.g. 3.14 v1.2 U.S. end.";
    let mut got = Vec::new();
    for_each_word(text, |folded, start, end| {
        got.push((folded.to_string(), &text[start..end]))
    });
    let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    let want = [
        ("os", "os"),
        ("path", "path"),
        ("logging", "logging"),
        ("config", "config"),
        ("a", "a"),
        ("b", "b"),
        ("e", "e"),
        ("g", "g"),
        ("3.14", "3.14"),
        ("v1.2", "v1.2"),
        ("u", "U"),
        ("s", "S"),
        ("end", "end"),
    ];
    assert_eq!(got, want);
}

#[test]
fn vietnamese_syllables_also_index_as_one_word() {
    let text = "in Việt Nam and Hà Nội, not New York or Viet Nam";
    let mut got = Vec::new();
    for_each_positioned_word(text, |t, _| {
        if t.joined {
            got.push((t.term.to_string(), &text[t.start..t.end]));
        }
    });
    let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), *b)).collect();
    assert_eq!(got, [("vietnam", "Việt Nam"), ("hanoi", "Hà Nội")]);
}

#[test]
fn positions_count_words_and_compounds_stand_at_their_first() {
    let text = "Đức Thắng met partying crowds";
    let mut got = Vec::new();
    let words = for_each_positioned_word(text, |t, pos| got.push((t.term.to_string(), pos)));
    assert_eq!(words, 5);
    let got: Vec<(&str, u32)> = got.iter().map(|(a, p)| (a.as_str(), *p)).collect();
    let want = [
        ("duc", 0),
        ("thang", 1),
        ("ducthang", 0),
        ("met", 2),
        ("partying", 3),
        ("crowds", 4),
    ];
    assert_eq!(got, want);
}

/// The parts `for_each_positioned_word` gives after each word, as
/// (folded part, source text, position).
fn parts_of(text: &str) -> Vec<(String, String, u32)> {
    let mut got = Vec::new();
    for_each_positioned_word(text, |t, pos| {
        if t.part {
            got.push((t.term.to_string(), text[t.start..t.end].to_string(), pos));
        }
    });
    got
}

#[test]
fn identifiers_also_index_their_parts_at_their_position() {
    let got = parts_of("use readFileSync, XMLHttpRequest and PyDict_GetItem");
    let want = [
        ("read", "read", 1),
        ("file", "File", 1),
        ("sync", "Sync", 1),
        ("xml", "XML", 2),
        ("http", "Http", 2),
        ("request", "Request", 2),
        ("py", "Py", 4),
        ("dict", "Dict", 4),
        ("get", "Get", 4),
        ("item", "Item", 4),
    ];
    let got: Vec<(&str, &str, u32)> = got
        .iter()
        .map(|(a, b, p)| (a.as_str(), b.as_str(), *p))
        .collect();
    assert_eq!(got, want);
    // Parts do not count as words.
    assert_eq!(for_each_positioned_word("readFile x", |_, _| {}), 2);
    let got = parts_of("pg_dump http2Server utf8Decode");
    let folded: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(folded, ["pg", "dump", "http2", "server", "utf8", "decode"]);
}

/// Every word of `text` whose folded form starts with one of `heads`,
/// found by folding them all: what `for_each_token_starting` must give.
fn starting_by_folding_all(text: &str, heads: &[&[u8]]) -> Vec<(String, usize, usize, bool)> {
    let mut out = Vec::new();
    words(text, true, EVERY, &mut |folded, start, end, part| {
        if starts_with_any(folded, heads) {
            out.push((crate::text::stem::stemmed(folded), start, end, part));
        }
    });
    out
}

fn starting(text: &str, heads: &[&[u8]]) -> Vec<(String, usize, usize, bool)> {
    let mut out = Vec::new();
    for_each_token_starting(text, heads, &stem_in_place, &mut |t| {
        out.push((t.term.to_string(), t.start, t.end, t.part));
    });
    out
}

#[test]
fn words_skipped_unfolded_could_not_start_with_a_head() {
    let text = "O'Clock oc Ocean readFileSync FILE fi_le \u{c9}cole Ecole \u{110}\u{1ee9}c D\u{fa}c x.Fi 2024 20x";
    for heads in [
        &[&b"oc"[..]][..],
        &[b"fi"],
        &[b"ec", b"du"],
        &[b"20"],
        &[b"d"],
        &[b""],
        &[],
    ] {
        assert_eq!(
            starting(text, heads),
            starting_by_folding_all(text, heads),
            "{heads:?}"
        );
    }
    let found: Vec<String> = starting(text, &[b"oc"]).into_iter().map(|t| t.0).collect();
    assert_eq!(found, ["oclock", "oc", "ocean"]);
}

proptest::proptest! {
    /// Skipping words by their first two bytes finds every word that
    /// folding them all finds, over ASCII letters in both cases,
    /// digits, joiners, apostrophes and letters that fold to ASCII.
    #[test]
    fn skipping_unfolded_words_loses_none(
        text in "([a-eA-E0-2_.:' ]|\u{e9}|\u{c9}|\u{110}|\u{2019}){0,60}",
        heads in proptest::collection::vec("[a-e0-2]{1,2}", 0..4),
    ) {
        let heads: Vec<&[u8]> = heads.iter().map(|h| h.as_bytes()).collect();
        proptest::prop_assert_eq!(starting(&text, &heads), starting_by_folding_all(&text, &heads));
    }

    /// Every compound that indexing makes, matching finds from its
    /// first word: what `hanoi` found, its snippet marks.
    #[test]
    fn matching_finds_every_indexed_compound(
        text in "([A-Da-d ,.]|\u{e0}|\u{1ec7}|\u{110}|\u{111}|H\u{e0}|N\u{1ed9}i){0,40}",
    ) {
        let mut words: Vec<(usize, usize, String)> = Vec::new();
        let mut compounds = Vec::new();
        for_each_positioned_word(&text, |t, _| {
            if t.joined {
                compounds.push((t.start, t.end, t.term.to_string()));
            } else if !t.part {
                words.push((t.start, t.end, t.folded.to_string()));
            }
        });
        for (start, end, term) in compounds {
            let first = words.iter().find(|w| w.0 == start).expect("first word");
            proptest::prop_assert_eq!(
                compound_after(&text, start, first.1, &first.2),
                Some((end, term))
            );
        }
    }

    #[test]
    fn parts_are_pieces_of_their_name_in_order(w in "[A-Za-z0-9_]{0,24}") {
        let b = w.as_bytes();
        let mut got = Vec::new();
        identifier_parts(b, &mut |a, e| got.push((a, e)));
        let mut end = 0;
        for &(a, e) in &got {
            // In order, apart, two bytes or more, no `_`, and cut where
            // the case or an `_` says (a part never ends mid-word: the
            // next byte is `_`, a capital or the end).
            proptest::prop_assert!(a >= end && e - a >= 2 && e <= b.len(), "{w}: {got:?}");
            proptest::prop_assert!(!b[a..e].contains(&b'_'), "{w}: {got:?}");
            proptest::prop_assert!(
                e == b.len() || b[e] == b'_' || b[e].is_ascii_uppercase(),
                "{w}: {got:?}"
            );
            end = e;
        }
        // A name with parts has a capital past its start or an `_`.
        if !got.is_empty() {
            proptest::prop_assert!(b[1..].iter().any(|&c| c == b'_' || c.is_ascii_uppercase()));
        }
    }
}

#[test]
fn words_that_are_not_identifiers_have_no_parts() {
    // A capital first letter, all capitals, one letter parts, `__init__`
    // (one part), digits alone, and words beyond ASCII.
    let text = "President NASA iPhone __init__ base64 3.14 x_y Đức_Thắng O'Brien";
    let got: Vec<String> = parts_of(text).into_iter().map(|p| p.0).collect();
    assert_eq!(got, ["phone"]);
    // Queries read words whole: `readFile` typed is the one term.
    let mut query_words = Vec::new();
    for_each_word("readFile", |w, _, _| query_words.push(w.to_string()));
    assert_eq!(query_words, ["readfile"]);
}

#[test]
fn every_word_starts_with_its_stems_head() {
    let words = "dying lying tying ties skies skis happy happiness parties generously ugly \
        early only idly news agreed hopping relational ability sensibility organization";
    for w in words.split(' ') {
        let stem = &terms(w)[0];
        assert!(starts_with_any(w, &[stem_head(stem)]), "{w} -> {stem}");
    }
}

#[test]
fn punctuation_only_gives_nothing() {
    assert!(terms("!!! -- \"\" ... ()").is_empty());
    assert!(terms("").is_empty());
}

#[test]
fn overlong_words_are_skipped() {
    let long = "a".repeat(MAX_TERM_BYTES + 1);
    assert_eq!(terms(&format!("x {long} y")), ["x", "y"]);
}
