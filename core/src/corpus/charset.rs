//! HTML pages in a legacy encoding: older documentation is often written
//! in ISO-8859-1, usually saying so (`<meta charset>`, `http-equiv`
//! Content-Type, `<?xml encoding?>`), and a browser shows it right. Such
//! a page is decoded as the browser would, with `encoding_rs` (the WHATWG
//! encodings), instead of failing the build as not UTF-8; one that
//! declares nothing is read as windows-1252, the browsers' fallback for
//! Western locales, and the build names it.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// How far into a page a declaration is looked for, as in the HTML
/// standard's prescan.
const PRESCAN: usize = 1024;

/// How a page that is not UTF-8 was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// In the encoding its byte order mark or declaration names.
    Declared,
    /// In windows-1252, as it declares nothing.
    Guessed,
}

/// The text of an HTML page whose bytes are not UTF-8, or carry a UTF-16
/// byte order mark, and how it was read. `None` leaves the bytes to be
/// read as UTF-8: they are, or the page declares UTF-8 (then the build
/// refuses them with their place) or an encoding no browser knows.
pub fn decode_html(bytes: &[u8]) -> Option<(String, Source)> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return (enc != UTF_8).then(|| (decode(enc, &bytes[bom..]), Source::Declared));
    }
    if std::str::from_utf8(bytes).is_ok() {
        return None;
    }
    let Some(label) = declared(&bytes[..bytes.len().min(PRESCAN)]) else {
        return Some((decode(WINDOWS_1252, bytes), Source::Guessed));
    };
    let enc = Encoding::for_label(label)?;
    // A page cannot declare UTF-16 in its own bytes: browsers read UTF-8.
    (enc != UTF_8 && enc != UTF_16LE && enc != UTF_16BE)
        .then(|| (decode(enc, bytes), Source::Declared))
}

fn decode(enc: &'static Encoding, bytes: &[u8]) -> String {
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// The label after the first `charset=` or, in an XML declaration,
/// `encoding=`, quoted or not.
fn declared(head: &[u8]) -> Option<&[u8]> {
    let lower = head.to_ascii_lowercase();
    let key: &[u8] = if lower.starts_with(b"<?xml") {
        b"encoding"
    } else {
        b"charset"
    };
    let at = lower.windows(key.len()).position(|w| w == key)? + key.len();
    let rest = &head[at..];
    let skip = |s: &[u8], set: &[u8]| s.iter().take_while(|b| set.contains(b)).count();
    let rest = &rest[skip(rest, b" \t\r\n")..];
    let rest = rest.strip_prefix(b"=")?;
    let rest = &rest[skip(rest, b" \t\r\n\"'")..];
    let len = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b))
        .count();
    (len > 0).then_some(&rest[..len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_legacy_encoding_is_decoded() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>Caf\xe9 \x93quoted\x94</body></html>";
        let (text, how) = decode_html(page).unwrap();
        assert_eq!(how, Source::Declared);
        // ISO-8859-1 is read as windows-1252, as browsers do.
        assert!(text.contains("Café \u{201c}quoted\u{201d}"), "{text}");
        let xml = b"<?xml version=\"1.0\" encoding='iso-8859-1'?>\n<html><p>na\xefve</p></html>";
        assert!(decode_html(xml).unwrap().0.contains("naïve"));
        let meta = b"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
        assert!(decode_html(meta).unwrap().0.contains("Привет"));
    }

    #[test]
    fn utf8_is_left_alone_and_nothing_declared_is_windows_1252() {
        assert_eq!(
            decode_html("<meta charset=latin1>Café".as_bytes()),
            None,
            "valid UTF-8 wins"
        );
        assert_eq!(
            decode_html(b"<p>Pokorn\xfd</p>"),
            Some(("<p>Pokorný</p>".to_string(), Source::Guessed))
        );
        assert_eq!(decode_html(b"<meta charset=utf-8><p>Caf\xe9</p>"), None);
        assert_eq!(decode_html(b"<meta charset=bogus><p>Caf\xe9</p>"), None);
        assert_eq!(decode_html(b"<meta charset=utf-16><p>Caf\xe9</p>"), None);
    }

    #[test]
    fn a_utf16_byte_order_mark_is_followed() {
        let mut page = vec![0xFF, 0xFE];
        for u in "<p>Hà Nội</p>".encode_utf16() {
            page.extend(u.to_le_bytes());
        }
        assert_eq!(
            decode_html(&page),
            Some(("<p>Hà Nội</p>".to_string(), Source::Declared))
        );
        assert_eq!(
            decode_html(b"\xEF\xBB\xBF<p>x</p>"),
            None,
            "UTF-8's own mark"
        );
    }
}
