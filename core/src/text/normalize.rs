//! Folding of one word to its index form. The index writer and the query
//! parser both call this, so `Cường`, `CƯỜNG` and `Cuong` meet at `cuong`.
//!
//! The fold is: compatibility decomposition (NFKD), diacritic marks
//! dropped, letters that do not decompose mapped (`đ → d`, `ø → o`,
//! `ł → l`, `æ → ae`, `œ → oe`, `ß → ss`, `þ → th`), curly apostrophes made
//! straight, lower case. The decompositions come from a table generated
//! from `unicode-normalization` (tests/fold_table.rs) for the ranges in
//! [`TABLE_RANGES`]: every alphabet with diacritics, ligatures and
//! full-width forms, but not the CJK compatibility ideographs, Hangul
//! syllables or Arabic presentation forms, whose tables would triple the
//! size of the `.wasm` for characters nobody types into a search box.
//! Outside those ranges the table holds the lower case of every cased
//! letter, so the `.wasm` carries none of the standard library's case
//! tables.

use super::fold_table::{KEY_GAPS, LENS, POOL};
use std::sync::OnceLock;

/// The fold table decoded: keys ascending, and where each one's folded
/// form ends in `POOL`.
struct Table {
    keys: Vec<u32>,
    ends: Vec<u32>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut keys = Vec::with_capacity(LENS.len());
        let (mut key, mut gap, mut shift) = (0u32, 0u32, 0);
        for &b in &KEY_GAPS {
            gap |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b < 0x80 {
                key += gap;
                keys.push(key);
                (gap, shift) = (0, 0);
            }
        }
        let mut end = 0u32;
        let ends = LENS
            .iter()
            .map(|&l| {
                end += u32::from(l);
                end
            })
            .collect();
        Table { keys, ends }
    })
}

/// Code point ranges the fold table covers.
pub const TABLE_RANGES: &[(u32, u32)] = &[
    (0x00A0, 0x2FFF),
    (0x3000, 0x33FF),
    (0xFB00, 0xFB4F),
    (0xFF00, 0xFFEF),
];

/// Whether `c` is a combining diacritical mark that folding drops. Marks of
/// other scripts (Indic vowel signs, Hebrew points) are kept: they are
/// letters to their readers.
pub fn is_diacritic_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Appends the folded form of one character.
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let t = table();
    if let Ok(i) = t.keys.binary_search(&(c as u32)) {
        let start = if i == 0 { 0 } else { t.ends[i - 1] as usize };
        out.push_str(POOL.get(start..t.ends[i] as usize).unwrap_or(""));
        return;
    }
    if !is_diacritic_mark(c) {
        out.push(c);
    }
}

/// Appends the folded form of `word` to `out`.
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        let at = out.len();
        out.push_str(word);
        out[at..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        fold_char_into(c, out);
    }
}

/// The folded form of `word` as a new string.
pub fn fold(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    fold_into(word, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn vietnamese_marks_fold_away() {
        assert_eq!(fold("Cường"), "cuong");
        assert_eq!(fold("CƯỜNG"), "cuong");
        assert_eq!(fold("Đức"), "duc");
        assert_eq!(fold("Thắng"), "thang");
        assert_eq!(fold("Đổi"), "doi");
        assert_eq!(fold("Mới"), "moi");
        assert_eq!(fold("Việt"), "viet");
    }

    #[test]
    fn decomposed_input_folds_the_same() {
        // "Cường" typed in NFD form: base letters plus combining marks.
        assert_eq!(fold("Cu\u{31b}\u{300}o\u{31b}\u{302}ng"), "cuong");
    }

    #[test]
    fn letters_without_decomposition_are_mapped() {
        assert_eq!(fold("ðø łæ œß Þ"), "do lae oess th");
        assert_eq!(fold("İstanbul"), "istanbul");
    }

    #[test]
    fn compatibility_forms_and_apostrophes() {
        assert_eq!(fold("ﬁle"), "file");
        assert_eq!(fold("Ｈａｎｏｉ"), "hanoi");
        assert_eq!(fold("Carmona’s"), "carmona's");
        assert_eq!(fold("2045"), "2045");
        assert_eq!(fold("हिन्दी"), "हिन्दी");
    }
}
