//! English stemming (Snowball, via `rust-stemmers`), so that `parties`
//! finds `party`. Applied to folded words on both sides.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

/// Words shorter than this are left alone: stemming them gains little and
/// makes prefixes typed so far (`pa`, `par`) unpredictable.
const MIN_LEN: usize = 3;

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Replaces `term` with its stem, if it is an ASCII word long enough.
pub fn stem_in_place(term: &mut String) {
    if term.len() < MIN_LEN || !term.bytes().all(|b| b.is_ascii_lowercase()) {
        return;
    }
    let stemmed = stemmer().stem(term);
    if stemmed.len() != term.len() || stemmed != term.as_str() {
        let s = stemmed.into_owned();
        *term = s;
    }
}

#[cfg(test)]
mod tests {
    use super::stem_in_place;

    fn stem(w: &str) -> String {
        let mut s = w.to_string();
        stem_in_place(&mut s);
        s
    }

    #[test]
    fn plurals_and_inflections_meet() {
        assert_eq!(stem("parties"), stem("party"));
        assert_eq!(stem("delegations"), stem("delegation"));
        assert_eq!(stem("meeting"), stem("meetings"));
    }

    #[test]
    fn names_numbers_and_short_words_stay() {
        assert_eq!(stem("cuong"), "cuong");
        assert_eq!(stem("2024"), "2024");
        assert_eq!(stem("13th"), "13th");
        assert_eq!(stem("as"), "as");
    }
}
