//! English stemming (Snowball, via `rust-stemmers`), so that `parties`
//! finds `party`. Applied to folded words on both sides.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Words shorter than this are left alone: stemming them gains little and
/// makes prefixes typed so far (`pa`, `par`) unpredictable.
const MIN_LEN: usize = 3;

fn stemmer() -> &'static Stemmer {
    static S: OnceLock<Stemmer> = OnceLock::new();
    S.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Whether the stemmer may change `term`: an ASCII word long enough.
pub fn is_stemmable(term: &str) -> bool {
    term.len() >= MIN_LEN && term.bytes().all(|b| b.is_ascii_lowercase())
}

/// Replaces `term` with its stem, if it [`is_stemmable`].
pub fn stem_in_place(term: &mut String) {
    if !is_stemmable(term) {
        return;
    }
    let stemmed = stemmer().stem(term);
    if stemmed.len() != term.len() || stemmed != term.as_str() {
        let s = stemmed.into_owned();
        *term = s;
    }
}

/// The stem of `word`, as a new string (see [`stem_in_place`]).
pub fn stemmed(word: &str) -> String {
    let mut term = word.to_string();
    stem_in_place(&mut term);
    term
}

/// Values remembered by folded word: text repeats its words, and the
/// Snowball stemmer costs more than segmenting and folding together.
pub struct WordCache<V>(FxHashMap<V>);

/// A map by word with [`FxHasher`].
pub type FxHashMap<V> = HashMap<String, V, BuildHasherDefault<FxHasher>>;

impl<V> Default for WordCache<V> {
    fn default() -> Self {
        WordCache(HashMap::default())
    }
}

impl<V> WordCache<V> {
    /// The value for `word`, made by `make` the first time it is asked.
    pub fn get(&mut self, word: &str, make: impl FnOnce(&str) -> V) -> &V {
        if !self.0.contains_key(word) {
            self.0.insert(word.to_string(), make(word));
        }
        &self.0[word]
    }
}

/// Stems by folded word.
pub type StemCache = WordCache<String>;

impl StemCache {
    /// The stem of a folded word, as [`stem_in_place`] gives it.
    pub fn stem(&mut self, folded: &str) -> &str {
        self.get(folded, stemmed)
    }
}

/// FxHash's multiplier (rustc's).
const FX: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// rustc's FxHash: a multiply and rotate per 8 bytes, several times
/// faster than the default SipHash on words. The keys come from the site's
/// own text and its reader's query, so flooding is no concern.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(FX);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::{stemmed as stem, StemCache};

    #[test]
    fn the_cache_gives_the_stemmer_answer() {
        let mut cache = StemCache::default();
        for w in ["parties", "parties", "cuong", "dying", "a"] {
            assert_eq!(cache.stem(w), stem(w));
        }
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
