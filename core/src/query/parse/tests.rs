use super::*;
use crate::query::ast::{Atom, Clause, Filter, Scope};

fn w(term: &str) -> Atom {
    Atom::Word {
        term: term.into(),
        scope: Scope::Any,
        folded: term.into(),
        prefix: false,
    }
}
/// A word whose stem differs from it.
fn stemmed(term: &str, folded: &str) -> Atom {
    Atom::Word {
        term: term.into(),
        scope: Scope::Any,
        folded: folded.into(),
        prefix: false,
    }
}
fn p(term: &str) -> Atom {
    Atom::Word {
        term: term.into(),
        scope: Scope::Any,
        folded: term.into(),
        prefix: true,
    }
}
fn pos(alts: Vec<Atom>) -> Clause {
    Clause {
        alts,
        negated: false,
    }
}
fn neg(alts: Vec<Atom>) -> Clause {
    Clause {
        alts,
        negated: true,
    }
}
fn phrase(ts: &[&str]) -> Atom {
    Atom::Phrase {
        terms: ts.iter().map(|t| t.to_string()).collect(),
        scope: Scope::Any,
    }
}

#[test]
fn table() {
    let cases: Vec<(&str, Vec<Clause>, Vec<Filter>)> = vec![
        ("", vec![], vec![]),
        ("   ", vec![], vec![]),
        ("!!! ...", vec![], vec![]),
        ("Cường", vec![pos(vec![p("cuong")])], vec![]),
        (
            "Duc Thang ",
            vec![pos(vec![w("duc")]), pos(vec![w("thang")])],
            vec![],
        ),
        ("chil", vec![pos(vec![p("chil")])], vec![]),
        (
            "\"new society\"",
            vec![pos(vec![phrase(&["new", "societi"])])],
            vec![],
        ),
        (
            "\"new society",
            vec![pos(vec![phrase(&["new", "societi"])])],
            vec![],
        ),
        (
            "party -chile",
            vec![pos(vec![stemmed("parti", "party")]), neg(vec![w("chile")])],
            vec![],
        ),
        (
            "cargo build --release",
            vec![
                pos(vec![w("cargo")]),
                pos(vec![w("build")]),
                pos(vec![Atom::Word {
                    term: "releas".into(),
                    scope: Scope::Any,
                    folded: "release".into(),
                    prefix: true,
                }]),
            ],
            vec![],
        ),
        ("--", vec![], vec![]),
        (
            "-\"new society\" x",
            vec![neg(vec![phrase(&["new", "societi"])]), pos(vec![p("x")])],
            vec![],
        ),
        (
            "a OR b c",
            vec![pos(vec![w("a"), w("b")]), pos(vec![p("c")])],
            vec![],
        ),
        ("OR a OR", vec![pos(vec![w("a")])], vec![]),
        (
            "(a OR b) c",
            vec![pos(vec![w("a"), w("b")]), pos(vec![p("c")])],
            vec![],
        ),
        (
            "c -(a OR \"d e\")",
            vec![pos(vec![w("c")]), neg(vec![w("a"), phrase(&["d", "e"])])],
            vec![],
        ),
        // A conjunction of OR-lists cannot say "not both": each is excluded.
        (
            "c -(a b) x",
            vec![
                pos(vec![w("c")]),
                neg(vec![w("a")]),
                neg(vec![w("b")]),
                pos(vec![p("x")]),
            ],
            vec![],
        ),
        // The group ends at `)`: the next OR joins positive words again.
        (
            "-(a) b OR x",
            vec![neg(vec![w("a")]), pos(vec![w("b"), p("x")])],
            vec![],
        ),
        (
            "-a OR b",
            vec![neg(vec![w("a")]), pos(vec![p("b")])],
            vec![],
        ),
        ("((a", vec![pos(vec![p("a")])], vec![]),
        (") a )) (", vec![pos(vec![w("a")])], vec![]),
        (
            "title:(a OR b)",
            vec![pos(vec![
                Atom::Word {
                    term: "a".into(),
                    scope: Scope::Title,
                    folded: "a".into(),
                    prefix: false,
                },
                Atom::Word {
                    term: "b".into(),
                    scope: Scope::Title,
                    folded: "b".into(),
                    prefix: false,
                },
            ])],
            vec![],
        ),
        ("- -- a", vec![pos(vec![p("a")])], vec![]),
        ("or", vec![pos(vec![p("or")])], vec![]),
        (
            "title:vietnam x",
            vec![
                pos(vec![Atom::Word {
                    term: "vietnam".into(),
                    scope: Scope::Title,
                    folded: "vietnam".into(),
                    prefix: false,
                }]),
                pos(vec![p("x")]),
            ],
            vec![],
        ),
        (
            "place:santiago x",
            vec![pos(vec![p("x")])],
            vec![Filter::Place("santiago".into())],
        ),
        // Being typed at the end, a place is a start of one.
        (
            "x place:Sant",
            vec![pos(vec![w("x")])],
            vec![Filter::PlaceStart("sant".into())],
        ),
        (
            "x place:\"Mexico Ci",
            vec![pos(vec![w("x")])],
            vec![Filter::PlaceStart("mexico ci".into())],
        ),
        // Being typed at the end, a date is a start of one: `202` is the
        // 2020s, `2024-` any month of 2024. Finished, it must be whole.
        (
            "x date:202",
            vec![pos(vec![w("x")])],
            vec![Filter::Date {
                from: "202".into(),
                to: "202\u{7f}".into(),
            }],
        ),
        (
            "x date:2024-",
            vec![pos(vec![w("x")])],
            vec![Filter::Date {
                from: "2024-".into(),
                to: "2024-\u{7f}".into(),
            }],
        ),
        ("x date:202 ", vec![pos(vec![w("x")])], vec![]),
        ("x date:2024-2", vec![pos(vec![w("x")])], vec![]),
        // A sign before a filter excludes what it lets through.
        (
            "-place:hanoi -date:2024 x",
            vec![pos(vec![p("x")])],
            vec![
                Filter::Not(Box::new(Filter::Place("hanoi".into()))),
                Filter::Not(Box::new(Filter::Date {
                    from: "2024".into(),
                    to: "2024\u{7f}".into(),
                })),
            ],
        ),
        // A field with nothing after it is being typed: neither a filter
        // nor the word `place`.
        (
            "party place:",
            vec![pos(vec![stemmed("parti", "party")])],
            vec![],
        ),
        (
            "title: party -date: x",
            vec![pos(vec![stemmed("parti", "party")]), pos(vec![p("x")])],
            vec![],
        ),
        (
            "place:\"Mexico City\" party",
            vec![pos(vec![Atom::Word {
                term: "parti".into(),
                scope: Scope::Any,
                folded: "party".into(),
                prefix: true,
            }])],
            vec![Filter::Place("mexico city".into())],
        ),
        (
            "date:2022",
            vec![],
            vec![Filter::Date {
                from: "2022".into(),
                to: "2022\u{7f}".into(),
            }],
        ),
        (
            "date:2022-01..2024-12",
            vec![],
            vec![Filter::Date {
                from: "2022-01".into(),
                to: "2024-12\u{7f}".into(),
            }],
        ),
        ("date:soon", vec![], vec![]),
        (
            "10:30",
            vec![pos(vec![w("10")]), pos(vec![p("30")])],
            vec![],
        ),
        (
            "unknown:word",
            vec![pos(vec![w("unknown")]), pos(vec![p("word")])],
            vec![],
        ),
        ("\"\" \"\"\"", vec![], vec![]),
    ];
    for (text, clauses, filters) in cases {
        let q = parse(text, true);
        assert_eq!(q.clauses, clauses, "clauses of {text:?}");
        assert_eq!(q.filters, filters, "filters of {text:?}");
    }
}

#[test]
fn stems_and_the_typed_prefix() {
    let q = parse("parties delegati", true);
    let want = vec![
        pos(vec![stemmed("parti", "parties")]),
        pos(vec![Atom::Word {
            term: "delegati".into(),
            scope: Scope::Any,
            folded: "delegati".into(),
            prefix: true,
        }]),
    ];
    assert_eq!(q.clauses, want);
    let spans: Vec<(&str, usize, usize)> = q
        .words
        .iter()
        .map(|s| (s.term.as_str(), s.start, s.end))
        .collect();
    assert_eq!(spans, [("parti", 0, 7), ("delegati", 8, 16)]);
}

#[test]
fn a_word_typed_up_to_a_joiner_completes_with_it() {
    // The last atom of `text`: its stem, what completes, whether it does.
    let last = |text: &str, prefix: bool| match parse(text, prefix).clauses.last() {
        Some(Clause { alts, .. }) => match alts.last() {
            Some(Atom::Word {
                term,
                folded,
                prefix,
                ..
            }) => (term.clone(), folded.clone(), *prefix),
            other => panic!("{other:?}"),
        },
        None => panic!("no clause in {text:?}"),
    };
    assert_eq!(last("pg_", true), ("pg_".into(), "pg_".into(), true));
    assert_eq!(last("python 3.", true), ("3".into(), "3.".into(), true));
    assert_eq!(last("os.", true), ("os".into(), "os.".into(), true));
    // A sentence's end, or anything but a word before the joiner, is not.
    assert_eq!(last("flow. ", true), ("flow".into(), "flow".into(), false));
    assert_eq!(last("flow?", true), ("flow".into(), "flow".into(), false));
    assert_eq!(last("3 .", true), ("3".into(), "3".into(), false));
    assert_eq!(last("pg_", false), ("pg_".into(), "pg_".into(), false));
}

#[test]
fn prefix_off_means_no_prefix() {
    assert_eq!(parse("chil", false).clauses, vec![pos(vec![w("chil")])]);
}

#[test]
fn long_queries_are_bounded() {
    let text = "word ".repeat(5000);
    let q = parse(&text, true);
    assert!(q.clauses.len() <= MAX_CLAUSES);
    // Truncation lands inside a two-byte character without panicking.
    let q = parse(&format!("x{}", "é".repeat(2000)), true);
    assert!(q.clauses.is_empty(), "one overlong word is not a term");
    let q = parse(&format!("x{}", " é".repeat(2000)), true);
    assert_eq!(q.clauses.len(), MAX_CLAUSES);
}

#[test]
fn date_ranges_take_real_months_and_days_in_order() {
    let range = |from: &str, to: &str| {
        Some(Filter::Date {
            from: from.into(),
            to: to.into(),
        })
    };
    assert_eq!(
        date_range("2024-02-29", false),
        range("2024-02-29", "2024-02-29\u{7f}")
    );
    assert_eq!(date_range(" 2023-12 .. ", false), range("2023-12", "9999"));
    assert_eq!(
        date_range("..2024-01-31", false),
        range("", "2024-01-31\u{7f}")
    );
    assert_eq!(
        date_range("2024..2024-06", false),
        range("2024", "2024-06\u{7f}")
    );
    for bad in [
        "2024-13",
        "2024-00",
        "2024-01-32",
        "2024-01-00",
        "2024-1",
        "24",
        "2024/01",
        "..",
        "2024..2023",
        "2024-06..2024-05-31",
        "x..2024",
    ] {
        assert_eq!(date_range(bad, false), None, "{bad:?}");
    }
    // Being typed, a start of a date; still not one that no date starts.
    assert_eq!(date_range("2024-1", true), range("2024-1", "2024-1\u{7f}"));
    assert_eq!(date_range("2023..202", true), range("2023", "202\u{7f}"));
    assert_eq!(date_range("2", true), range("2", "2\u{7f}"));
    for bad in [
        "2024-2",
        "2024-00",
        "2024-01-4",
        "2024-1x",
        "202.",
        "2024-01-011",
    ] {
        assert_eq!(date_range(bad, true), None, "{bad:?}");
    }
    // In a query, a bad date is no filter (the query language never errs).
    assert!(parse("date:2024-13", true).filters.is_empty());
}

#[test]
fn a_star_completes_its_word_wherever_it_stands() {
    let q = parse("pack* json ", true);
    assert_eq!(q.clauses, [pos(vec![p("pack")]), pos(vec![w("json")])]);
    // Even with completion off, and last; not when excluded.
    let q = parse("json pack*", false);
    assert_eq!(q.clauses, [pos(vec![w("json")]), pos(vec![p("pack")])]);
    let q = parse("json -pack*", true);
    assert_eq!(q.clauses, [pos(vec![w("json")]), neg(vec![w("pack")])]);
}
