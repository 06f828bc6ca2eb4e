//! A bound on element nesting, applied to the markup before it is parsed.
//!
//! html5ever has no depth limit, and parts of the HTML tree-building algorithm scan the stack of
//! open elements ("has a `p` element in button scope", the list of active formatting elements), so
//! parsing N nested elements costs O(N²): 20,000 nested `<div>`s take seconds, 200,000 take hours.
//! The extraction passes after it grow with depth too. No real page nests more than a few hundred
//! elements, so, like Chromium's parser (which stops nesting at 512), clipdex keeps at most
//! [`MAX_DEPTH`] elements open: start tags deeper than that, and their end tags, are left out of
//! the markup. Their text stays, in the deepest element kept, so nothing is lost for search.
//!
//! The scan is a simplified tokenizer: it skips comments, doctypes, and the content of raw-text
//! elements (`script`, `style`, `textarea`, ...), does not count void elements, elements whose end
//! tags are implied (`p`, `li`, `td`, ...) or self-closed foreign elements (`<path/>` in SVG), and
//! matches end tags against the nearest open element of that name. It only has to be close to the
//! real tree builder: it decides when to stop nesting, not what the tree is.

use std::borrow::Cow;

/// Elements kept open at most; deeper start tags (and their end tags) are dropped.
pub const MAX_DEPTH: usize = 512;

/// How far down the open-element stack an end tag looks for its start tag (bounds the work on
/// markup full of stray end tags).
const END_TAG_SEARCH: usize = 64;

/// Elements that never have content.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"keygen"
            | b"frame"
            | b"basefont"
            | b"bgsound"
            | b"image"
    )
}

/// Elements the tree builder closes by itself when a sibling starts (or that it never nests):
/// counting them would over-count pages that leave them unclosed.
fn is_implied_end(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"rb"
            | b"rp"
            | b"rt"
            | b"rtc"
            | b"tr"
            | b"td"
            | b"th"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"html"
            | b"head"
            | b"body"
            | b"frameset"
    )
}

/// Elements whose content is text up to their end tag.
fn is_raw_text(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"textarea"
            | b"title"
            | b"xmp"
            | b"iframe"
            | b"noembed"
            | b"noframes"
            | b"noscript"
            | b"plaintext"
    )
}

struct Open {
    name: Vec<u8>,
    dropped: bool,
}

/// Returns the markup with start tags nested deeper than [`MAX_DEPTH`] (and their end tags) left
/// out; borrows it unchanged when nothing is that deep.
pub fn cap_nesting(html: &str) -> Cow<'_, str> {
    cap_nesting_at(html, MAX_DEPTH)
}

fn cap_nesting_at(html: &str, max_depth: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut depth = 0usize; // kept (not dropped) elements open
    let mut foreign = 0usize; // open <svg>/<math>: there `<x/>` closes itself
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(at) = memchr(b'<', &b[i..]) {
        let start = i + at;
        let rest = &b[start + 1..];
        if rest.starts_with(b"!--") {
            i = find(b, start + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        match rest.first() {
            Some(b'!' | b'?') => {
                i = memchr(b'>', rest).map_or(b.len(), |e| start + 1 + e + 1);
                continue;
            }
            Some(b'/') if rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
                let (name, end) = tag(b, start + 2);
                i = end;
                let Some(found) = stack
                    .iter()
                    .rev()
                    .take(END_TAG_SEARCH)
                    .position(|o| o.name == name)
                else {
                    continue;
                };
                let keep = stack.len() - 1 - found;
                if stack[keep].dropped {
                    cut.push((start, end));
                }
                for open in stack.drain(keep..) {
                    if !open.dropped {
                        depth -= 1;
                    }
                    if open.name == b"svg" || open.name == b"math" {
                        foreign = foreign.saturating_sub(1);
                    }
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, end) = tag(b, start + 1);
                i = end;
                let self_closed = end >= 2 && b[end - 2] == b'/';
                if is_raw_text(&name) {
                    // Skip the element's text: markup inside a script is not markup.
                    i = raw_text_end(b, end, &name);
                    continue;
                }
                if is_void(&name) || is_implied_end(&name) || (self_closed && foreign > 0) {
                    continue;
                }
                if self_closed && (name == b"svg" || name == b"math") {
                    continue;
                }
                let dropped = depth >= max_depth;
                if dropped {
                    cut.push((start, end));
                } else {
                    depth += 1;
                }
                if name == b"svg" || name == b"math" {
                    foreign += 1;
                }
                stack.push(Open { name, dropped });
            }
            _ => i = start + 1,
        }
    }
    if cut.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (s, e) in cut {
        out.push_str(&html[from..s]);
        from = e;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

/// The lower-cased name of the tag whose name starts at `at`, and the index just after its `>`
/// (quoted attribute values may hold `>`).
fn tag(b: &[u8], at: usize) -> (Vec<u8>, usize) {
    let mut i = at;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = b[at..i].to_ascii_lowercase();
    while i < b.len() {
        match b[i] {
            b'>' => return (name, i + 1),
            b'=' => {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    i = memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e + 1);
                }
            }
            _ => i += 1,
        }
    }
    (name, b.len())
}

/// Where the raw text of element `name` (starting at `from`) ends: at its end tag, not after it,
/// so that the end tag is scanned (and ignored, having no start on the stack).
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    if name == b"plaintext" {
        return b.len();
    }
    let mut i = from;
    while let Some(at) = memchr(b'<', &b[i..]) {
        let s = i + at;
        if b.get(s + 1) == Some(&b'/')
            && b.len() >= s + 2 + name.len()
            && b[s + 2..s + 2 + name.len()].eq_ignore_ascii_case(name)
        {
            return s;
        }
        i = s + 1;
    }
    b.len()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_markup_is_borrowed() {
        let html =
            "<html><body><div><p>One<p>Two<br><img src='a>b'></div><svg><path/><path/></svg>";
        assert!(matches!(cap_nesting_at(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_start_and_end_tags_are_dropped_text_kept() {
        let html = "<div><div><div><div>deep</div></div></div></div>after";
        assert_eq!(cap_nesting_at(html, 2), "<div><div>deep</div></div>after");
    }

    #[test]
    fn script_content_and_comments_are_not_markup() {
        let html = "<script>'<div><div><div>'</script><!-- <div><div><div> --><div>x</div>";
        assert!(matches!(cap_nesting_at(html, 1), Cow::Borrowed(_)));
    }

    #[test]
    fn unclosed_and_stray_tags() {
        // Stray end tags close nothing; unclosed paragraphs and list items do not nest.
        let mut html = String::from("<ul>");
        for _ in 0..1000 {
            html.push_str("<li><p>item</span></b>");
        }
        assert!(matches!(cap_nesting_at(&html, 4), Cow::Borrowed(_)));
        let deep = "<b>".repeat(10_000) + "text";
        let capped = cap_nesting(&deep);
        assert_eq!(capped.matches("<b>").count(), MAX_DEPTH);
        assert!(capped.ends_with("text"));
    }

    #[test]
    fn two_hundred_thousand_divs_parse_quickly() {
        let depth = 200_000;
        let html = format!(
            "<html><body><article>{}<p>{}</p>{}</article>",
            "<div>".repeat(depth),
            "The deepest paragraph of the page still reaches the index, word for word.",
            "</div>".repeat(depth)
        );
        let started = std::time::Instant::now();
        let capped = cap_nesting(&html);
        let doc = scraper::Html::parse_document(&capped);
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
        assert!(doc
            .root_element()
            .text()
            .any(|t| t.contains("word for word")));
    }
}
