//! Folding of one word to its index form. The index writer and the query
//! parser both call this, so `Cường`, `CƯỜNG` and `Cuong` meet at `cuong`.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Appends the folded form of `word` to `out`: compatibility decomposition
/// (NFKD), combining marks dropped, letters that do not decompose mapped to
/// ASCII (`đ → d`, `ø → o`, `ł → l`, `æ → ae`, `œ → oe`, `ß → ss`, `þ → th`),
/// curly apostrophes made straight, and everything lower-cased.
pub fn fold_into(word: &str, out: &mut String) {
    for c in word.nfkd() {
        match c {
            'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
            'ø' | 'Ø' => out.push('o'),
            'ł' | 'Ł' => out.push('l'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            'ß' | 'ẞ' => out.push_str("ss"),
            'þ' | 'Þ' => out.push_str("th"),
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => out.push('\''),
            c => {
                // Lower-casing may itself produce marks (`İ` → `i̇`): drop them too.
                for l in c.to_lowercase() {
                    if !is_combining_mark(l) {
                        out.push(l);
                    }
                }
            }
        }
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
    }
}
