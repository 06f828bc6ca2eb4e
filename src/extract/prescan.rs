//! One scan of the markup before it is parsed: it bounds element nesting and leaves out the
//! content extraction never reads.
//!
//! **Nesting.** html5ever has no depth limit, and parts of the HTML tree-building algorithm scan
//! the stack of open elements ("has a `p` element in button scope", the list of active formatting
//! elements), so parsing N nested elements costs O(N²): 20,000 nested `<div>`s take seconds,
//! 200,000 take hours. The extraction passes after it grow with depth too. No real page nests more
//! than a few hundred elements, so, like Chromium's parser (which stops nesting at 512), clipdex
//! keeps at most [`MAX_DEPTH`] elements open: start tags deeper than that, and their end tags, are
//! left out of the markup. Their text stays, in the deepest element kept, so nothing is lost for
//! search.
//!
//! **Unread content.** Scripts (other than JSON-LD, which the metadata reads), style sheets and
//! `noscript` fallbacks are 60–75% of a saved news page's bytes, and the parser copies every one
//! of them into the tree only for extraction to skip them. Their elements stay, empty, so the
//! tree keeps its shape. Attributes extraction does not read on that element
//! ([`is_read_attribute`]) go too, with the space before them: the tokenizer reads tags a
//! character at a time. Together the parse takes about 40% less time.
//!
//! **Empty SVG elements.** Icon sprites are thousands of `<use href=…></use>` and `<path d=…/>`
//! that extraction reads nothing of; where leaving one out provably changes nothing else in the
//! tree (see [`unread_svg_leaf_end`]), it goes.
//!
//! **Images.** Teasers, thumbnails in links and `<picture>` sources are a tenth of a page's tags;
//! an `<img>` or `<source>` without attributes extraction reads goes where the start tag just
//! before it leaves the tree builder nothing else to do for it (see [`reopens_formatting`]).
//!
//! The scan is a simplified tokenizer: it skips comments, doctypes, and the content of raw-text
//! elements (`script`, `style`, `textarea`, ...), does not count void elements, elements whose end
//! tags are implied (`p`, `li`, `td`, ...) or self-closed foreign elements (`<path/>` in SVG), and
//! matches end tags against the nearest open element of that name. For nesting it only has to be
//! close to the real tree builder: it decides when to stop nesting, not what the tree is. Raw text
//! ends at the first appropriate end tag of its element, exactly as the tokenizer ends it, and
//! SVG elements are left out only where the scan knows the tree builder's state for certain.

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

/// A tag name, lower-cased, held inline: the scan meets a tag every ~200 bytes and allocates
/// nothing for it. Longer names keep their first [`NAME_LEN`] bytes, which tells apart every
/// element the scan classifies; two long custom names alike that far count as one, which only
/// makes the nesting count approximate, as it is anyway.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Name {
    bytes: [u8; NAME_LEN],
    len: u8,
}

const NAME_LEN: usize = 24;

impl Name {
    fn new(raw: &[u8]) -> Name {
        let mut bytes = [0; NAME_LEN];
        let len = raw.len().min(NAME_LEN);
        bytes[..len].copy_from_slice(&raw[..len]);
        // the whole array, zeros too: a fixed length the compiler lowers in a few vector steps
        bytes.make_ascii_lowercase();
        Name {
            bytes,
            len: len as u8,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }

    fn is_foreign_root(&self) -> bool {
        matches!(self.as_bytes(), b"svg" | b"math")
    }
}

struct Open {
    name: Name,
    dropped: bool,
}

/// Elements whose text extraction never reads: their content is left out before parsing.
fn is_unread_raw_text(name: &[u8], start_tag: &[u8]) -> bool {
    match name {
        b"style" | b"noscript" => true,
        b"script" => !start_tag
            .windows(b"ld+json".len())
            .any(|w| w.eq_ignore_ascii_case(b"ld+json")),
        _ => false,
    }
}

/// Returns the markup ready to parse: start tags nested deeper than [`MAX_DEPTH`] (and their end
/// tags) left out, the content of scripts, style sheets and `noscript` emptied, attributes
/// extraction does not read left out, and empty SVG elements and images that change nothing else
/// left out. Borrows it unchanged when there is nothing to leave out.
pub fn prepare(html: &str) -> Cow<'_, str> {
    prepare_at(html, MAX_DEPTH)
}

fn prepare_at(html: &str, max_depth: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut depth = 0usize; // kept (not dropped) elements open
    let mut foreign = 0usize; // open <svg>/<math>: there `<x/>` closes itself
    let mut cut: Vec<(usize, usize)> = Vec::new();
    // The parser's current node is certainly a foreign element (an `<svg>` or inside one) whose
    // content is foreign, so start tags go through the foreign-content rules; and `svg_node_end`
    // is where the last tag that put a node there (or opened it) ends, or the last element left
    // out after one with only whitespace between. See [`unread_svg_leaf_end`].
    let mut in_svg = false;
    let mut svg_node_end = usize::MAX;
    // Where the last start tag ends after which an image can be left out (see
    // [`reopens_formatting`]), and where the images left out start: on a page with a
    // `<frameset>` they stay.
    let mut image_may_follow = usize::MAX;
    let mut images: Vec<usize> = Vec::new();
    let mut frameset = false;
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &b[i..]) {
        let start = i + at;
        let rest = &b[start + 1..];
        if rest.starts_with(b"!--") {
            i = comment_end(b, start + 4);
            in_svg = false;
            continue;
        }
        match rest.first() {
            // `<!…>`, `<?…>` and `</` not followed by a letter are bogus comments to the next `>`
            // for the tokenizer (`</<script>` hides that script): they hide what they hold.
            Some(&c)
                if c == b'!'
                    || c == b'?'
                    || (c == b'/' && !rest.get(1).is_some_and(u8::is_ascii_alphabetic)) =>
            {
                i = memchr::memchr(b'>', rest).map_or(b.len(), |e| start + 1 + e + 1);
                in_svg = false;
                continue;
            }
            Some(b'/') => {
                let Tag { name, end, .. } = tag(b, start + 2, None);
                i = end;
                in_svg = false;
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
                    if open.name.is_foreign_root() {
                        foreign = foreign.saturating_sub(1);
                    }
                }
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let attributes_from = cut.len();
                let t = tag(b, start + 1, Some(&mut cut));
                let (name, end) = (t.name, t.end);
                i = end;
                let bytes = name.as_bytes();
                frameset |= bytes == b"frameset";
                if matches!(bytes, b"img" | b"source")
                    && foreign == 0
                    && !t.keeps_attribute
                    && only_whitespace(b, image_may_follow, start)
                {
                    cut.truncate(attributes_from);
                    cut.push((start, end));
                    images.push(start);
                    image_may_follow = end;
                    continue;
                }
                if in_svg && !t.keeps_attribute && only_whitespace(b, svg_node_end, start) {
                    if let Some(leaf_end) = unread_svg_leaf_end(b, start, &t) {
                        cut.truncate(attributes_from);
                        cut.push((start, leaf_end));
                        i = leaf_end;
                        svg_node_end = leaf_end;
                        continue;
                    }
                }
                in_svg = if in_svg {
                    !leaves_svg(bytes) && (t.self_closing || !is_html_integration_point(bytes))
                } else {
                    bytes == b"svg" && !t.self_closing
                };
                svg_node_end = end;
                let self_closed = end >= 2 && b[end - 2] == b'/';
                if is_raw_text(bytes) {
                    in_svg = false;
                    // Skip the element's text: markup inside a script is not markup.
                    i = raw_text_end(b, end, bytes);
                    // A script holding `<!--` may hide `</script>` in the tokenizer's escaped
                    // states, where its raw text runs on: such a script is left as it is.
                    if i > end
                        && is_unread_raw_text(bytes, &b[start..end])
                        && memchr::memmem::find(&b[end..i], b"<!--").is_none()
                    {
                        cut.push((end, i));
                    }
                    continue;
                }
                if is_void(bytes) || is_implied_end(bytes) || (self_closed && foreign > 0) {
                    continue;
                }
                if self_closed && name.is_foreign_root() {
                    continue;
                }
                let dropped = depth >= max_depth;
                if dropped {
                    in_svg = false;
                    cut.truncate(attributes_from);
                    cut.push((start, end));
                } else {
                    depth += 1;
                    if foreign == 0 && reopens_formatting(bytes) {
                        image_may_follow = end;
                    }
                }
                if name.is_foreign_root() {
                    foreign += 1;
                }
                stack.push(Open { name, dropped });
            }
            _ => i = start + 1,
        }
    }
    if frameset && !images.is_empty() {
        // An `<img>` turns the tree builder's "frameset-ok" flag off, so that a later
        // `<frameset>` is ignored instead of replacing the body: on such a page they stay.
        cut.retain(|&(start, _)| images.binary_search(&start).is_err());
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

/// Byte classes [`tag`] stops at: ASCII whitespace as the tokenizer knows it, `/`, `>`, `=`.
const SPACE: u8 = 1;
const SLASH: u8 = 2;
const GT: u8 = 4;
const EQ: u8 = 8;
static BYTE_CLASS: [u8; 256] = {
    let mut class = [0; 256];
    class[b'\t' as usize] = SPACE;
    class[b'\n' as usize] = SPACE;
    class[0x0c] = SPACE;
    class[b'\r' as usize] = SPACE;
    class[b' ' as usize] = SPACE;
    class[b'/' as usize] = SLASH;
    class[b'>' as usize] = GT;
    class[b'=' as usize] = EQ;
    class
};

/// A tag as [`tag`] reads it.
struct Tag {
    name: Name,
    /// where the name ends in the markup
    name_end: usize,
    /// just after the tag's `>`
    end: usize,
    /// ends in `/>` as the tokenizer reads it (`<a b=c/>`'s `/` is part of the value)
    self_closing: bool,
    /// some attribute is not left out
    keeps_attribute: bool,
}

/// The tag whose name starts at `at` (quoted attribute values may hold `>`). With `unread`, the
/// attributes extraction does not read are pushed to it as ranges to leave out (name to end of
/// value, and the whitespace before when it can go: [`with_space_before`]).
///
/// Attributes are read as the HTML tokenizer reads them: names end at whitespace, `/`, `>` or
/// `=` (a leading `=` belongs to the name), values are quoted or run to whitespace or `>`.
fn tag(b: &[u8], at: usize, mut unread: Option<&mut Vec<(usize, usize)>>) -> Tag {
    // the first byte of the markup from `i` on that is in `class`
    let until = |mut i: usize, class: u8| {
        while i < b.len() && BYTE_CLASS[usize::from(b[i])] & class == 0 {
            i += 1;
        }
        i
    };
    let mut i = until(at, SPACE | SLASH | GT);
    let mut t = Tag {
        name: Name::new(&b[at..i]),
        name_end: i,
        end: b.len(),
        self_closing: false,
        keeps_attribute: false,
    };
    let name = t.name;
    loop {
        let skipped_from = i;
        while i < b.len() && BYTE_CLASS[usize::from(b[i])] & (SPACE | SLASH) != 0 {
            i += 1;
        }
        match b.get(i) {
            None => return t,
            Some(b'>') => {
                t.end = i + 1;
                t.self_closing = i > skipped_from && b[i - 1] == b'/';
                return t;
            }
            Some(_) => {}
        }
        let attribute = i;
        i = until(i + 1, SPACE | SLASH | GT | EQ);
        let attribute_name = &b[attribute..i];
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match b.get(j) {
                Some(&quote @ (b'"' | b'\'')) => {
                    j = memchr::memchr(quote, &b[j + 1..]).map_or(b.len(), |e| j + 1 + e + 1);
                }
                _ => j = until(j, SPACE | GT),
            }
            i = j;
        }
        if let Some(unread) = unread.as_deref_mut() {
            // No attribute read is longer than `http-equiv`: longer names need no lower-casing,
            // and names are lower case on all but the odd page: only those are copied.
            let lower;
            let read = attribute_name.len() <= b"http-equiv".len()
                && is_read_attribute(
                    name.as_bytes(),
                    if attribute_name.iter().any(u8::is_ascii_uppercase) {
                        lower = Name::new(attribute_name);
                        lower.as_bytes()
                    } else {
                        attribute_name
                    },
                );
            if read {
                t.keeps_attribute = true;
            } else {
                unread.push((with_space_before(b, attribute, i), i));
            }
        }
    }
}

/// Start tags that end SVG content: the tree builder pops back to HTML and reads them as HTML
/// (`font` only with some attributes; all count here).
fn leaves_svg(name: &[u8]) -> bool {
    matches!(
        name,
        b"b" | b"big"
            | b"blockquote"
            | b"body"
            | b"br"
            | b"center"
            | b"code"
            | b"dd"
            | b"div"
            | b"dl"
            | b"dt"
            | b"em"
            | b"embed"
            | b"h1"
            | b"h2"
            | b"h3"
            | b"h4"
            | b"h5"
            | b"h6"
            | b"head"
            | b"hr"
            | b"i"
            | b"img"
            | b"li"
            | b"listing"
            | b"menu"
            | b"meta"
            | b"nobr"
            | b"ol"
            | b"p"
            | b"pre"
            | b"ruby"
            | b"s"
            | b"small"
            | b"span"
            | b"strong"
            | b"strike"
            | b"sub"
            | b"sup"
            | b"table"
            | b"tt"
            | b"u"
            | b"ul"
            | b"var"
            | b"font"
    )
}

/// SVG elements whose content is HTML, and the MathML ones whose content may be (an `<svg>` in
/// `<math>` is a MathML element, and so are the elements in it).
fn is_html_integration_point(name: &[u8]) -> bool {
    matches!(
        name,
        b"foreignobject"
            | b"desc"
            | b"title"
            | b"mi"
            | b"mo"
            | b"mn"
            | b"ms"
            | b"mtext"
            | b"annotation-xml"
    )
}

/// Where an empty SVG element with no attribute extraction reads ends, when the start tag `t` at
/// `start` is one: self-closing (`<path d=…/>`), or followed at once by its end tag (`<use
/// href=…></use>`); icon sprites are thousands of them. Extraction finds nothing in one: the body
/// skips `<svg>`, and metadata reads elements by attribute or text, which it has not. It is left
/// out only where leaving it out changes nothing else in the tree: in SVG content (in HTML, a
/// start tag can rebuild formatting elements left open), right after the tag that opened its
/// parent or put a node before it, or only whitespace after it (so texts that join around it are
/// whitespace and a text: one text that trims the same), and not when it leaves SVG (`<p/>`) or
/// starts raw text.
fn unread_svg_leaf_end(b: &[u8], start: usize, t: &Tag) -> Option<usize> {
    let name = t.name.as_bytes();
    if leaves_svg(name) || is_raw_text(name) {
        return None;
    }
    if t.self_closing {
        return Some(t.end);
    }
    let raw_name = &b[start + 1..t.name_end];
    let close = b.get(t.end..t.end + raw_name.len() + 3)?;
    (close.starts_with(b"</")
        && close[2..2 + raw_name.len()].eq_ignore_ascii_case(raw_name)
        && close.ends_with(b">"))
    .then_some(t.end + close.len())
}

/// Where an attribute ending at `end` can be cut from so that the whitespace before it goes too:
/// only when what follows it is whitespace or the tag's end, which still separates what came before
/// from what comes after (`<a class=x href=y id=z>` must not become `<a class=xid=z>`), and not
/// after a `/`, which would make `<path / d=x>` self-closing.
fn with_space_before(b: &[u8], attribute: usize, end: usize) -> usize {
    if !b
        .get(end)
        .is_some_and(|&c| c.is_ascii_whitespace() || c == b'>')
    {
        return attribute;
    }
    let mut from = attribute;
    while from > 0 && b[from - 1].is_ascii_whitespace() {
        from -= 1;
    }
    if from < attribute && from > 0 && b[from - 1] != b'/' {
        from
    } else {
        attribute
    }
}

/// The attributes extraction reads (`extract::meta`, `extract::body`), on the elements it reads
/// them on; the parser never sees the others (`data-*`, event handlers, `srcset`, ARIA, links'
/// `href`, image classes...), which are most of the bytes of a page's tags. A new attribute read
/// by extraction must be added here.
fn is_read_attribute(element: &[u8], attribute: &[u8]) -> bool {
    match attribute {
        // an `<img>` never holds text (it is void even inside `<svg>`, which it leaves), so the
        // bylines and datelines its class or id would mark are always empty
        b"class" | b"id" => element != b"img",
        // the body's boilerplate signals, read on the elements it does not skip
        b"style" | b"hidden" | b"role" => {
            !std::str::from_utf8(element).is_ok_and(super::body::is_skip_tag)
        }
        b"itemprop" | b"content" | b"datetime" | b"rel" => true,
        b"pubdate" => element == b"time",
        b"lang" => element == b"html",
        // not read, but a `<font>` with one of them leaves SVG content, as the tree builder sees it
        b"color" | b"face" | b"size" => element == b"font",
        b"name" | b"property" | b"http-equiv" => element == b"meta",
        // JSON-LD scripts; and an `<input>`'s type decides where the tree builder puts it
        b"type" => matches!(element, b"script" | b"input"),
        // only the canonical `<link>`'s address is read
        b"href" => element == b"link",
        _ => false,
    }
}

/// Whether the markup from `from` to `to` is only whitespace (or nothing); false when `from` is
/// past `to`, as `usize::MAX` is when nothing came before.
fn only_whitespace(b: &[u8], from: usize, to: usize) -> bool {
    b.get(from..to)
        .is_some_and(|gap| gap.iter().all(u8::is_ascii_whitespace))
}

/// Elements whose start tag makes the tree builder reopen, before inserting them, any formatting
/// element (`<b>`, `<a>`...) that markup closed too early ("reconstruct the active formatting
/// elements"), as most start tags do, and that it never ignores in the body.
///
/// An `<img>` or `<source>` right after one of them (whitespace aside, and after other images
/// left out) whose attributes extraction does not read is left out: a thumbnail in a link, the
/// sources and image of a `<picture>`, most of the tags of a page of teasers. That changes
/// nothing extraction reads. The body skips both elements (`body::is_skip_tag`) and the metadata
/// reads neither without those attributes. What the tree builder does for them besides inserting
/// them does not happen either: the start tag just before has reopened the formatting elements
/// already, so the image reopens none; a void element leaves nothing open. The whitespace stays,
/// so the only text nodes joined are whitespace with a neighbour, which changes no text
/// extraction reads (the metadata trims each text node). The one other effect, of `<img>` on a
/// later `<frameset>`, is why a page with one keeps its images.
fn reopens_formatting(name: &[u8]) -> bool {
    matches!(
        name,
        b"a" | b"span" | b"picture" | b"b" | b"i" | b"em" | b"strong" | b"small" | b"u"
    )
}

/// Where a comment whose text starts at `from` ends, as the tokenizer reads it: `<!-->` and
/// `<!--->` are empty comments, and `--!>` closes one as `-->` does.
fn comment_end(b: &[u8], from: usize) -> usize {
    let text = &b[from..];
    if text.starts_with(b">") {
        return from + 1;
    }
    if text.starts_with(b"->") {
        return from + 2;
    }
    let close = memchr::memmem::find(text, b"-->").map_or(text.len(), |e| e + 3);
    // only a `--!>` that ends by then can end the comment first: searched for up to there, not
    // through the rest of the page for each comment (quadratic in a page of comments)
    from + memchr::memmem::find(&text[..close], b"--!>").map_or(close, |e| e + 4)
}

/// Where the raw text of element `name` (starting at `from`) ends: at its end tag, not after it,
/// so that the end tag is scanned (and ignored, having no start on the stack).
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    if name == b"plaintext" {
        return b.len();
    }
    memchr::memmem::find_iter(&b[from..], b"</")
        .map(|at| from + at)
        .find(|&s| {
            let after = s + 2 + name.len();
            // The tokenizer's "appropriate end tag": the name, then white space, `/` or `>`.
            // `</title<a` or `</styleing` is text, and the element runs on.
            b.get(s + 2..after)
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
                && b.get(after).is_some_and(|c| {
                    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
                })
        })
        .unwrap_or(b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_end_where_the_tokenizer_ends_them() {
        let html = b"<!-->a<!--->b<!-- x --!>c<!-- y -->d";
        assert_eq!(comment_end(html, 4), 5);
        assert_eq!(comment_end(html, 10), 12);
        assert_eq!(comment_end(html, 17), 24);
        assert_eq!(comment_end(html, 29), 35);
        assert_eq!(comment_end(b"<!-- open", 4), 9);
        assert_eq!(comment_end(b"<!-- a --> b --!>", 4), 10);
        assert_eq!(comment_end(b"<!-- only --!> x", 4), 14);
    }

    #[test]
    fn a_font_with_a_colour_still_leaves_svg() {
        let html = "<svg><font color=red><p class=x>Text</p></font></svg>";
        let scanned = scraper::Html::parse_document(&prepare(html));
        let whole = scraper::Html::parse_document(html);
        assert_eq!(scanned.root_element().html(), whole.root_element().html());
    }

    #[test]
    fn raw_text_ends_only_at_an_appropriate_end_tag() {
        let html = b"<title>a</title<b>c</titled></TITLE >d";
        assert_eq!(raw_text_end(html, 7, b"title"), 28);
        assert_eq!(raw_text_end(b"x</title", 0, b"title"), 8);
    }

    #[test]
    fn shallow_markup_is_borrowed() {
        let html =
            "<html><body><div><p>One<p>Two<br><span class='a>b'></div><svg><path id='a'/>x<path/></svg>";
        assert!(matches!(prepare_at(html, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_start_and_end_tags_are_dropped_text_kept() {
        let html = "<div><div><div><div>deep</div></div></div></div>after";
        assert_eq!(prepare_at(html, 2), "<div><div>deep</div></div>after");
    }

    #[test]
    fn script_content_and_comments_are_not_markup() {
        let html = "<textarea>'<div><div><div>'</textarea><!-- <div><div><div> --><div>x</div>";
        assert!(matches!(prepare_at(html, 1), Cow::Borrowed(_)));
        let html = "<script>'<div><div><div>'</script><div>x</div>";
        assert_eq!(prepare_at(html, 1), "<script></script><div>x</div>");
    }

    #[test]
    fn unread_content_is_emptied_and_json_ld_kept() {
        let html = concat!(
            "<head><SCRIPT type=text/javascript>if (a </b) {}</SCRIPT>",
            "<style>p > a { color: red }</style>",
            r#"<script type="application/LD+JSON">{"headline": "Kept"}</script>"#,
            "<title>Kept too</title></head>",
            "<body><noscript><img src=x></noscript><p>Text</p><script src=a.js></script></body>"
        );
        assert_eq!(
            prepare(html),
            concat!(
                "<head><SCRIPT type=text/javascript></SCRIPT><style></style>",
                r#"<script type="application/LD+JSON">{"headline": "Kept"}</script>"#,
                "<title>Kept too</title></head>",
                "<body><noscript></noscript><p>Text</p><script></script></body>"
            )
        );
    }

    #[test]
    fn unread_attributes_are_left_out_as_the_tokenizer_reads_them() {
        let cases = [
            (
                r#"<a href="/x" data-id=7 class=lead title='t>' onclick="f()">x</a>"#,
                r#"<a class=lead>x</a>"#,
            ),
            (
                r#"<a href="x"title="y" CLASS="z">x</a>"#,
                r#"<a  CLASS="z">x</a>"#,
            ),
            (
                r#"<div =x class = "a b" hidden data-x>"#,
                r#"<div class = "a b" hidden>"#,
            ),
            (
                r#"<link rel=canonical href="https://news.example/a"><img src=x.png/>"#,
                // an unquoted value runs on through `/`, as in the tokenizer
                r#"<link rel=canonical href="https://news.example/a"><img>"#,
            ),
            (
                r#"<time datetime="2024-05-01" itemprop=datePublished aria-label="May">"#,
                r#"<time datetime="2024-05-01" itemprop=datePublished>"#,
            ),
            // the space before an attribute stays where it keeps an unquoted value apart from
            // what follows, or the tag from turning self-closing
            (r#"<a class=k href="x"id=y>"#, r#"<a class=k id=y>"#),
            (r#"<path / d=x>"#, r#"<path / >"#),
            // attributes are kept only on the elements extraction reads them on
            (
                r#"<html lang=en><p lang=fr style="x" itemtype=t><source type="image/webp"><img class=a itemprop=image style="x">"#,
                r#"<html lang=en><p style="x"><source><img itemprop=image>"#,
            ),
            (
                r#"<script type=application/ld+json></script><input type=hidden name=q><meta name=author content=A>"#,
                r#"<script type=application/ld+json></script><input type=hidden><meta name=author content=A>"#,
            ),
        ];
        for (html, expected) in cases {
            assert_eq!(prepare(html), expected, "{html}");
        }
    }

    #[test]
    fn empty_unread_svg_elements_are_left_out() {
        let cases = [
            (
                "<svg class=icon><use href='#i'></use></svg>",
                "<svg class=icon></svg>",
            ),
            (
                "<svg>\n <symbol id=a>\n  <path d='M0 0'/>\n  <PATH d='M1 1' />\n </symbol></svg>",
                "<svg>\n <symbol id=a>\n  \n  \n </symbol></svg>",
            ),
            // after text or an end tag, holding a read attribute, not empty, leaving SVG, in
            // HTML content or outside SVG: kept
            ("<svg>a<use></use></svg>", "<svg>a<use></use></svg>"),
            (
                "<svg><g id=a></g><use></use></svg>",
                "<svg><g id=a></g><use></use></svg>",
            ),
            ("<svg><g></g><use></use></svg>", "<svg></svg>"),
            (
                "<svg><use class=x></use></svg>",
                "<svg><use class=x></use></svg>",
            ),
            ("<svg><use>x</use></svg>", "<svg><use>x</use></svg>"),
            ("<svg><p></p><span/></svg>", "<svg><p></p><span/></svg>"),
            (
                "<svg><foreignObject><use></use></foreignObject></svg>",
                "<svg><foreignObject><use></use></foreignObject></svg>",
            ),
            ("<math><svg><mi><use></use>", "<math><svg><mi><use></use>"),
            ("<p><use></use><path/>", "<p><use></use><path/>"),
            // `M0/` is the value: not self-closing
            ("<svg><path d=M0/></svg>", "<svg><path></svg>"),
        ];
        for (html, expected) in cases {
            assert_eq!(prepare(html), expected, "{html}");
        }
    }

    #[test]
    fn images_right_after_a_start_tag_that_reopens_formatting_are_left_out() {
        let cases = [
            (
                "<a href=/x><img src=t.jpg alt=''><span>Teaser</span></a>",
                "<a><span>Teaser</span></a>",
            ),
            (
                "<picture>\n <source srcset=a.webp type=image/webp>\n <IMG src=b.jpg></picture>",
                "<picture>\n \n </picture>",
            ),
            // after text, a comment, an end tag or a block; holding a read attribute; in SVG;
            // `<image>`: kept
            ("<a>By <img>Ann</a>", "<a>By <img>Ann</a>"),
            ("<a><!----><img></a>", "<a><!----><img></a>"),
            ("<a></b><img></a>", "<a></b><img></a>"),
            ("<div><img></div>", "<div><img></div>"),
            ("<a><img itemprop=image></a>", "<a><img itemprop=image></a>"),
            ("<svg><a><img></a></svg>", "<svg><a><img></a></svg>"),
            ("<a><image></a>", "<a><image></a>"),
        ];
        for (html, expected) in cases {
            assert_eq!(prepare(html), expected, "{html}");
        }
        // An `<img>` keeps a later `<frameset>` from replacing the body: such a page keeps them
        // (whole: this rare page is not worth a second pass for their attributes).
        let frames = "<body><a><img src=x></a><frameset></frameset>";
        assert_eq!(prepare(frames), frames);
    }

    #[test]
    fn unclosed_script_runs_to_the_end_as_in_the_tokenizer() {
        assert_eq!(
            prepare("<p>a</p><script>var x = 1; <p>b"),
            "<p>a</p><script>"
        );
    }

    #[test]
    fn a_bogus_end_tag_hides_what_it_holds() {
        // `</<script>` is a comment for the tokenizer, not the start of a script.
        let html = "<p>a</p></<script>HEAD><p>Kept text</p><script>x()</script>";
        assert_eq!(
            prepare(html),
            "<p>a</p></<script>HEAD><p>Kept text</p><script></script>"
        );
    }

    #[test]
    fn escaped_script_text_is_left_to_the_parser() {
        let html =
            r#"<script><!-- document.write("<script>x()</script>"); --></script><p>Text</p>"#;
        assert!(matches!(prepare(html), Cow::Borrowed(_)));
    }

    #[test]
    fn unclosed_and_stray_tags() {
        // Stray end tags close nothing; unclosed paragraphs and list items do not nest.
        let mut html = String::from("<ul>");
        for _ in 0..1000 {
            html.push_str("<li><p>item</span></b>");
        }
        assert!(matches!(prepare_at(&html, 4), Cow::Borrowed(_)));
        let deep = "<b>".repeat(10_000) + "text";
        let capped = prepare(&deep);
        assert_eq!(capped.matches("<b>").count(), MAX_DEPTH);
        assert!(capped.ends_with("text"));
    }

    #[test]
    fn two_hundred_thousand_divs_are_capped_and_keep_their_text() {
        let depth = 200_000;
        let html = format!(
            "<html><body><article>{}<p>{}</p>{}</article>",
            "<div>".repeat(depth),
            "The deepest paragraph of the page still reaches the index, word for word.",
            "</div>".repeat(depth)
        );
        let doc = crate::extract::parse(&prepare(&html));
        // The depth of the tree is what makes parsing it quadratic: the parser sees at most
        // MAX_DEPTH open elements (plus the document node and the few elements the scan does
        // not count), and the text is kept at the deepest of them.
        let text = doc
            .tree
            .nodes()
            .find(|n| matches!(n.value(), scraper::Node::Text(t) if t.contains("word for word")))
            .expect("the deepest paragraph's text is kept");
        let ancestors = text.ancestors().count();
        assert!(
            (MAX_DEPTH..=MAX_DEPTH + 4).contains(&ancestors),
            "{ancestors} ancestors"
        );
    }
}
