//! A document's `date` in ISO form (`2023-05-01`), which the year facet and
//! `date:` filters compare as text. Feeds and older pages write dates as
//! `Mon, 01 May 2023 10:00:00 +0000` (RFC 2822), `May 1, 2023` or
//! `2023/05/01`; those are rewritten, anything else is kept as written.

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The ISO form of a date written another recognised way; `None` for one
/// already ISO or not understood.
pub fn iso(value: &str) -> Option<String> {
    let v = value.trim();
    let b = v.as_bytes();
    let year_first = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit);
    if year_first && matches!(b.get(4), None | Some(b'-')) {
        return None;
    }
    if year_first && matches!(b.get(4), Some(b'/' | b'.')) {
        let parts: Vec<&str> = v[5..]
            .split(|c: char| !c.is_ascii_digit())
            .take(2)
            .collect();
        let [m, d] = parts.as_slice() else {
            return None;
        };
        return ymd(&v[..4], number(m, 12)?, Some(number(d, 31)?));
    }
    by_month_name(v)
}

/// `May 1, 2023`, `1 May 2023`, `Mon, 01 May 2023 10:00:00 +0000`,
/// `May 2023`: one month name, one four-digit year, at most one day;
/// weekdays, times and zones may stand beside them.
fn by_month_name(v: &str) -> Option<String> {
    let (mut month, mut year, mut day) = (None, None, None);
    for word in v.split(|c: char| c.is_whitespace() || c == ',') {
        let w = word.trim_end_matches('.').to_ascii_lowercase();
        if w.is_empty() {
            continue;
        }
        let named = (w.len() >= 3)
            .then(|| MONTHS.iter().position(|m| m.starts_with(&w)))
            .flatten();
        if let Some(m) = named {
            if month.replace(m as u32 + 1).is_some() {
                return None;
            }
        } else if w.len() == 4 && w.bytes().all(|c| c.is_ascii_digit()) {
            if year.replace(w).is_some() {
                return None;
            }
        } else if w.len() <= 2 && w.bytes().all(|c| c.is_ascii_digit()) {
            if day.replace(number(&w, 31)?).is_some() {
                return None;
            }
        } else if !is_time_or_zone(&w) && !WEEKDAYS.iter().any(|d| w.starts_with(d)) {
            return None;
        }
    }
    ymd(&year?, month?, day)
}

/// `10:00`, `10:00:00`, `+0000`, `-05:00`, `gmt`, `utc`, `z`.
fn is_time_or_zone(w: &str) -> bool {
    let digits_and = |extra: &[u8]| w.bytes().all(|c| c.is_ascii_digit() || extra.contains(&c));
    matches!(w, "gmt" | "utc" | "z")
        || (w.contains(':') && digits_and(b":."))
        || (w.starts_with(['+', '-']) && w.len() > 1 && digits_and(b"+-:"))
}

/// A number from 1 to `max`.
fn number(s: &str, max: u32) -> Option<u32> {
    s.parse().ok().filter(|n| (1..=max).contains(n))
}

fn ymd(year: &str, month: u32, day: Option<u32>) -> Option<String> {
    Some(match day {
        Some(d) => format!("{year}-{month:02}-{d:02}"),
        None => format!("{year}-{month:02}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_ways_of_writing_a_date_become_iso() {
        for (written, want) in [
            ("Mon, 01 May 2023 10:00:00 +0000", "2023-05-01"),
            ("Tue, 2 Jan 2024 08:30:00 GMT", "2024-01-02"),
            ("May 1, 2023", "2023-05-01"),
            ("September 30, 2022", "2022-09-30"),
            ("1 Sept. 2021", "2021-09-01"),
            ("May 2023", "2023-05"),
            ("2023/05/01", "2023-05-01"),
            ("2023.5.1 10:00", "2023-05-01"),
        ] {
            assert_eq!(iso(written).as_deref(), Some(want), "{written}");
        }
    }

    #[test]
    fn iso_and_unknown_dates_are_kept() {
        for written in [
            "2023-05-01",
            "2023-05-01T10:00:00Z",
            "2023",
            "next tuesday",
            "May 1, 2023 to June 2, 2024",
            "31/12/2023",
            "2023/13/01",
            "May 32, 2023",
            "mayor 2023",
            "",
        ] {
            assert_eq!(iso(written), None, "{written}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_iso_or_nothing(s in "[A-Za-z0-9 ,.:/+-]{0,40}|\\PC{0,20}") {
            if let Some(d) = iso(&s) {
                let b = d.as_bytes();
                proptest::prop_assert!(b.len() == 7 || b.len() == 10, "{d}");
                proptest::prop_assert!(b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-');
            }
        }
    }
}
