//! Word boundaries of text beyond ASCII: the rules of UAX #29 (WB3c–WB16)
//! over character classes told by the standard library's `char` tests and
//! a few ranges, in place of `unicode-segmentation`, whose tables were 8 KB
//! of the gzipped `.wasm`. Property tests check the words against that
//! library (a dev-dependency) over Latin, Vietnamese, Greek, Cyrillic,
//! Hebrew, Arabic, Persian, Devanagari, Thai, kana, Hangul, ideographs,
//! numbers, marks, spaces and joiners; the indexes of the seed, Rust by
//! Example (in five languages), the Rust `std` docs and Python's came out
//! byte for byte the same. Known differences, in text a search box seldom
//! sees: numbers that are no decimal digit beyond the common ones (`²`,
//! `½`, `①`) join letters and digits around them; marks of scripts other
//! than those named above may start a word of their own; and a pictograph
//! after a joiner after a middle character (`a:‍😀`) is no part of the word.

/// Classes of characters, as UAX #29 names them.
pub(super) const LETTER: u8 = 1;
pub(super) const DIGIT: u8 = 2;
/// ExtendNumLet (`_`, `‿`): joins letters, digits, katakana.
pub(super) const UNDERSCORE: u8 = 4;
/// MidLetter (`:`, `·`): joins two letters.
pub(super) const MID_LETTER: u8 = 8;
/// MidNumLet and Single_Quote (`.`, `'`, `’`): join two letters or two digits.
pub(super) const MID_BOTH: u8 = 16;
/// MidNum (`,`, `;`, `،`): join two digits.
pub(super) const MID_DIGIT: u8 = 32;
/// Everything else: breaks on both sides.
pub(super) const OTHER: u8 = 0;
const KATAKANA: u8 = 64;
/// A Hebrew letter: a letter that `"` may join too (WB7b/c).
const HEBREW: u8 = 65;
/// A letter or digit that is a word alone: an ideograph, a kana of
/// Hiragana, a letter of Thai and the scripts written like it, as UAX #29
/// has them without a dictionary.
const ALONE: u8 = 66;
/// Marks, joiners and format characters: part of the character before
/// them (WB4).
const EXTEND: u8 = 67;
/// `"`, which joins Hebrew letters only.
const QUOTE: u8 = 68;
/// `'`: MidNumLet, and after a Hebrew letter part of it (WB7a).
const APOSTROPHE: u8 = 69;
/// A regional indicator: they pair up into flags (WB15/16).
const REGIONAL: u8 = 70;
/// A pictograph after a zero-width joiner, which it stays with (WB3c).
const JOINED: u8 = 71;
/// A space: spaces stay together (WB3d).
const SPACE: u8 = 72;
/// A space and the marks after it.
const MARKED_SPACE: u8 = 73;

/// The class of a character.
fn class(c: char) -> u8 {
    if c.is_ascii() {
        return match c {
            '"' => QUOTE,
            ' ' => SPACE,
            '\'' => APOSTROPHE,
            _ => super::words::ascii_class(c as u8),
        };
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{2024}' | '\u{fe52}' | '\u{ff07}' | '\u{ff0e}' => MID_BOTH,
        '\u{b7}' | '\u{387}' | '\u{55f}' | '\u{5f4}' | '\u{2027}' | '\u{fe13}' | '\u{fe55}'
        | '\u{ff1a}' => MID_LETTER,
        '\u{37e}' | '\u{589}' | '\u{60c}' | '\u{60d}' | '\u{66c}' | '\u{7f8}' | '\u{2044}'
        | '\u{fe10}' | '\u{fe14}' | '\u{fe50}' | '\u{fe54}' | '\u{ff0c}' | '\u{ff1b}' => MID_DIGIT,
        '\u{202f}'
        | '\u{203f}'
        | '\u{2040}'
        | '\u{2054}'
        | '\u{fe33}'
        | '\u{fe34}'
        | '\u{fe4d}'..='\u{fe4f}'
        | '\u{ff3f}' => UNDERSCORE,
        '\u{3031}'..='\u{3035}'
        | '\u{309b}'..='\u{309c}'
        | '\u{30a0}'..='\u{30fa}'
        | '\u{30fc}'..='\u{30ff}'
        | '\u{31f0}'..='\u{31ff}'
        | '\u{32d0}'..='\u{32fe}'
        | '\u{3300}'..='\u{3357}'
        | '\u{ff66}'..='\u{ff9d}' => KATAKANA,
        '\u{5d0}'..='\u{5f2}' | '\u{fb1d}'..='\u{fb4f}' if c.is_alphabetic() => HEBREW,
        '\u{5f3}' => LETTER,
        '\u{1680}'
        | '\u{2000}'..='\u{2006}'
        | '\u{2008}'..='\u{200a}'
        | '\u{205f}'
        | '\u{3000}' => SPACE,
        '\u{1f1e6}'..='\u{1f1ff}' => REGIONAL,
        '\u{66b}' => DIGIT,
        // Combining marks without the Alphabetic property, joiners,
        // format characters, variation selectors, and the vowel signs of
        // Thai and Lao, which are Alphabetic.
        '\u{300}'..='\u{36f}'
        | '\u{483}'..='\u{489}'
        | '\u{591}'..='\u{5bd}'
        | '\u{5bf}'..='\u{5c7}'
        | '\u{610}'..='\u{61a}'
        | '\u{64b}'..='\u{65f}'
        | '\u{670}'
        | '\u{6d6}'..='\u{6ed}'
        | '\u{711}'
        | '\u{730}'..='\u{74a}'
        | '\u{7a6}'..='\u{7b0}'
        | '\u{7eb}'..='\u{7f3}'
        | '\u{816}'..='\u{82d}'
        | '\u{859}'..='\u{85b}'
        | '\u{898}'..='\u{89f}'
        | '\u{8ca}'..='\u{903}'
        | '\u{e31}'
        | '\u{e34}'..='\u{e3a}'
        | '\u{e47}'..='\u{e4e}'
        | '\u{eb1}'
        | '\u{eb4}'..='\u{ebc}'
        | '\u{ec8}'..='\u{ece}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{ad}'
        | '\u{200c}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{302a}'..='\u{302f}'
        | '\u{3099}'..='\u{309a}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{feff}'
        | '\u{ff9e}'..='\u{ff9f}'
        | '\u{1f3fb}'..='\u{1f3ff}'
        | '\u{e0000}'..='\u{e0fff}' => EXTEND,
        // Indic scripts share one layout: their signs sit at the same
        // places in each block, and what is neither letter nor digit is a
        // mark too, but for the danda and the abbreviation sign.
        '\u{964}' | '\u{965}' | '\u{970}' => OTHER,
        '\u{900}'..='\u{dff}'
            if !c.is_alphanumeric()
                || matches!(c as u32 & 0x7f, 0..=3 | 0x3a..=0x3c | 0x3e..=0x4f | 0x51..=0x57 | 0x62..=0x63) =>
        {
            EXTEND
        }
        '\u{e00}'..='\u{eff}'
        | '\u{1000}'..='\u{109f}'
        | '\u{1780}'..='\u{17ff}'
        | '\u{3041}'..='\u{309f}'
        | '\u{3006}'..='\u{3007}'
        | '\u{3021}'..='\u{3029}'
        | '\u{3038}'..='\u{303a}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{17000}'..='\u{18cff}'
        | '\u{1b000}'..='\u{1b2ff}'
        | '\u{20000}'..='\u{3ffff}'
            if c.is_alphabetic() =>
        {
            ALONE
        }
        // Numbers that are no decimal digit: superscripts, fractions,
        // circled numbers.
        '\u{b2}'..='\u{be}'
        | '\u{2070}'..='\u{218f}'
        | '\u{2460}'..='\u{24ff}'
        | '\u{2776}'..='\u{2793}'
        | '\u{3192}'..='\u{3195}'
        | '\u{3220}'..='\u{32ff}'
            if c.is_numeric() && !c.is_alphabetic() =>
        {
            ALONE
        }
        _ if c.is_alphabetic() => LETTER,
        _ if c.is_numeric() => DIGIT,
        _ => OTHER,
    }
}

/// Whether a class is AHLetter.
fn letter(k: u8) -> bool {
    k == LETTER || k == HEBREW
}

/// Whether no word boundary falls between `u[j]` and `u[j + 1]`, given
/// the classes `u` of a text's characters with their marks.
fn joins(u: &[u8], j: usize) -> bool {
    let (a, b) = (u[j], u[j + 1]);
    let before = j.checked_sub(1).map_or(OTHER, |i| u[i]);
    let after = u.get(j + 2).copied().unwrap_or(OTHER);
    let alnum = |k: u8| letter(k) || k == DIGIT;
    let mid_letter = |k: u8| k == MID_LETTER || k == MID_BOTH || k == APOSTROPHE;
    let mid_digit = |k: u8| k == MID_DIGIT || k == MID_BOTH || k == APOSTROPHE;
    let kana_or = |k: u8| alnum(k) || k == KATAKANA;
    b == JOINED
        || (a == SPACE && (b == SPACE || b == MARKED_SPACE))
        || (alnum(a) && alnum(b))
        || (a == KATAKANA && b == KATAKANA)
        || (b == UNDERSCORE && (kana_or(a) || a == UNDERSCORE))
        || (a == UNDERSCORE && kana_or(b))
        || (letter(a) && mid_letter(b) && letter(after))
        || (letter(before) && mid_letter(a) && letter(b))
        || (a == DIGIT && mid_digit(b) && after == DIGIT)
        || (before == DIGIT && mid_digit(a) && b == DIGIT)
        || (a == HEBREW && b == APOSTROPHE)
        || (a == HEBREW && b == QUOTE && after == HEBREW)
        || (before == HEBREW && a == QUOTE && b == HEBREW)
        || (b == REGIONAL && u[..=j].iter().rev().take_while(|&&k| k == REGIONAL).count() % 2 == 1)
}

/// Calls `f(start, word)` for each word of `text`: each run of characters
/// with no boundary inside that holds a letter or digit.
pub(super) fn unicode_words(text: &str, f: &mut dyn FnMut(usize, &str)) {
    // Each character with the marks after it (WB4), as its start and class;
    // a mark after a line break, or first, stands alone.
    let mut starts = Vec::new();
    let mut classes = Vec::new();
    let mut last = None;
    for (i, c) in text.char_indices() {
        let pictograph = matches!(c, '\u{2600}'..='\u{27bf}' | '\u{1f000}'..='\u{1faff}');
        let k = match class(c) {
            OTHER if pictograph && last == Some('\u{200d}') => JOINED,
            k => k,
        };
        let after_break = |l: char| matches!(l, '\n'..='\r' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if k != EXTEND || last.is_none_or(after_break) {
            starts.push(i);
            classes.push(k);
        } else if let Some(l @ &mut SPACE) = classes.last_mut() {
            // A space with a mark joins no space after it (WB3d is first).
            *l = MARKED_SPACE;
        }
        last = Some(c);
    }
    let mut from = 0;
    for j in 0..classes.len() {
        if j + 1 < classes.len() && joins(&classes, j) {
            continue;
        }
        let word = &text[starts[from]..starts.get(j + 1).copied().unwrap_or(text.len())];
        if word.chars().any(char::is_alphanumeric) {
            f(starts[from], word);
        }
        from = j + 1;
    }
}
