//! The nesting guard: a page nested past [`MAX_DEPTH`] is refused before
//! the HTML5 tree builder, which would take quadratic time over it.

/// Elements nested deeper than this are refused: the HTML5 tree builder
/// takes time quadratic in the depth (20,000 levels: 6 s), and no real page
/// comes near it.
pub const MAX_DEPTH: usize = 4096;

/// Offset of `</name` (any case) in `rest`, or its length.
fn end_of_raw_text(rest: &str, name: &str) -> usize {
    let b = rest.as_bytes();
    let mut from = 0;
    while let Some(at) = rest[from..].find("</") {
        let start = from + at + 2;
        let candidate = b.get(start..start + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return from + at;
        }
        from = start;
    }
    rest.len()
}

/// The line where open tags first nest past [`MAX_DEPTH`], by a scan that
/// over-counts (implied end tags are not applied) and so never misses.
pub fn too_deep(text: &str) -> Option<usize> {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(at) = b[i..].iter().position(|&c| c == b'<') {
        i += at + 1;
        let rest = &text[i..];
        if rest.starts_with("!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - name_start);
        let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
            continue;
        }
        let tag_end = rest.find('>').map_or(rest.len(), |e| e + 1);
        if closing {
            depth = depth.saturating_sub(1);
        } else if name == "script" || name == "style" {
            i += end_of_raw_text(rest, &name);
            continue;
        } else if !VOID.contains(&name.as_str()) && !rest[..tag_end].ends_with("/>") {
            depth += 1;
            if depth > MAX_DEPTH {
                return Some(1 + b[..i].iter().filter(|&&c| c == b'\n').count());
            }
        }
        i += tag_end.min(rest.len());
    }
    None
}
