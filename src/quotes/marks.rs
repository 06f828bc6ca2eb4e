//! Quote-mark detection: finds the top-level quoted spans of one paragraph,
//! whatever the typographic style, telling single quotes apart from apostrophes.

use super::text::char_at;

/// One top-level quotation inside a paragraph (byte offsets into the paragraph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Content range (without marks, trimmed).
    pub start: usize,
    pub end: usize,
    /// Byte offset just after the closing mark (paragraph end when unclosed).
    pub close_end: usize,
    pub closed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fam {
    Double,
    Guil,
    Single,
}

fn family(c: char) -> Option<Fam> {
    match c {
        '"' | '“' | '”' | '„' | '‟' | '＂' => Some(Fam::Double),
        '«' | '»' => Some(Fam::Guil),
        '\'' | '‘' | '’' | '‚' | '‹' | '›' => Some(Fam::Single),
        _ => None,
    }
}

/// Bits of [`ctx`]: whitespace; a character after which a quote may open; one before which a
/// quote may close.
const WS: u8 = 1;
const OPEN: u8 = 2;
const CLOSE: u8 = 4;

/// [`ctx`] of each ASCII character.
static ASCII_CTX: [u8; 128] = {
    let mut t = [0; 128];
    let mut b = 0;
    while b < t.len() {
        t[b] = ascii_ctx(b as u8);
        b += 1;
    }
    t
};

const fn ascii_ctx(b: u8) -> u8 {
    let ws = matches!(b, b'\t'..=b'\r' | b' ');
    let open = ws || matches!(b, b'(' | b'[' | b'{' | b'-' | b'/' | b':' | b'"' | b'\'');
    let close = ws
        || matches!(
            b,
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b')' | b']' | b'}' | b'-' | b'"' | b'\''
        );
    ctx_bits(ws, open, close)
}

/// The [`ctx`] bits of the three tests.
const fn ctx_bits(ws: bool, open: bool, close: bool) -> u8 {
    (ws as u8 * WS) | (open as u8 * OPEN) | (close as u8 * CLOSE)
}

/// The class of the character before or after a quote mark ([`WS`], [`OPEN`], [`CLOSE`]), the
/// paragraph's start or end read as a space. An ASCII character's is read from a table: tests
/// of the character, one after the other, mispredicted at many marks.
#[inline]
fn ctx(c: char) -> u8 {
    match ASCII_CTX.get(c as usize) {
        Some(&k) => k,
        None => non_ascii_ctx(c),
    }
}

/// [`ctx`] of a character other than ASCII.
fn non_ascii_ctx(c: char) -> u8 {
    let ws = c.is_whitespace();
    let open = ws || matches!(c, '—' | '–' | '«' | '„' | '“' | '‘');
    let close = ws || matches!(c, '—' | '–' | '»' | '”' | '’' | '“' | '…');
    ctx_bits(ws, open, close)
}

/// Elisions written with a leading apostrophe: '90s, 'em, 'til, 'cause, 'n'. Only the first six
/// characters are lower-cased: no elision is longer than six ASCII bytes, and every character
/// lowers to one byte or more. (Lower-casing the rest of the paragraph at every candidate mark
/// was quadratic.)
fn leading_elision(rest: &str) -> bool {
    let head = rest.char_indices().nth(6).map_or(rest, |(i, _)| &rest[..i]);
    let r = head.to_lowercase();
    let b = r.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit() {
        return true;
    }
    for e in [
        "em ", "em.", "em,", "til ", "tis ", "twas ", "cause ", "n ", "n'", "n’", "bout ", "round ",
    ] {
        if r.starts_with(e) {
            return true;
        }
    }
    false
}

/// Offsets of the bytes that can start a quote mark, in order: `"`, `'` and the lead bytes of the
/// others (0xc2 « », 0xe2 “ ” ‘ ’ „ ‚ ‹ › ‟, 0xef ＂), never a byte inside a character. memchr's
/// vectorised search skips the rest of the text, which a test per byte made most of the cost of
/// [`find_spans`]. ASCII lower case keeps these bytes: a lower-cased text has its marks where
/// the text has them.
pub fn mark_starts(p: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut common = memchr::memchr3_iter(b'"', b'\'', 0xe2, p);
    let mut rare = memchr::memchr2_iter(0xc2, 0xef, p);
    // the next offset of each search, the earlier one taken (a search that found none is not
    // asked again: it would search the rest of the text again)
    let (mut next_common, mut next_rare) = (common.next(), rare.next());
    std::iter::from_fn(move || match (next_common, next_rare) {
        (Some(a), Some(b)) if b < a => std::mem::replace(&mut next_rare, rare.next()),
        (Some(_), _) => std::mem::replace(&mut next_common, common.next()),
        (None, Some(_)) => std::mem::replace(&mut next_rare, rare.next()),
        (None, None) => None,
    })
}

/// Find the top-level quoted spans of a paragraph.
pub fn find_spans(p: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    push_spans_at(p, mark_starts(p.as_bytes()), &mut spans);
    spans
}

/// [`find_spans`] of `p`, whose [`mark_starts`] are `marks`, appended to `out`: an article's
/// marks are found by one search of all its text (whose starts and ends cost as much as a short
/// paragraph's bytes), and its paragraphs' spans share one Vec.
pub fn push_spans_at(p: &str, marks: impl Iterator<Item = usize>, out: &mut Vec<Span>) {
    // a span with content only
    let mut push = |s: Span| {
        if s.end > s.start {
            out.push(s);
        }
    };
    // (family, opening char, its byte offset, reversed guillemets)
    let mut open: Option<(Fam, char, usize, bool)> = None;
    let mut single_closes = SingleCloses::default();
    let bytes = p.as_bytes();
    for b in marks {
        let Some((c, fam)) = mark_at(bytes, b) else {
            continue;
        };
        let after = b + c.len_utf8();
        // the characters around the mark, a space at the paragraph's start or end
        let (prev, next) = (char_before(p, b), char_at(p, after));
        let (pc, nc) = (ctx(prev), ctx(next));
        let can_open = (pc & OPEN != 0) & (nc & WS == 0);
        let can_close = (pc & WS == 0) & (nc & CLOSE != 0);
        match open {
            None => {
                let opens = match fam {
                    Fam::Double => match c {
                        '„' => true,
                        '”' => can_open && !can_close,
                        _ => can_open,
                    },
                    Fam::Guil => c == '«' || (c == '»' && can_open && !can_close),
                    Fam::Single => {
                        let ok_char = matches!(c, '\'' | '‘' | '‚' | '‹' | '’');
                        let letter_next = next.is_alphanumeric() || next == '…';
                        ok_char
                            && pc & OPEN != 0
                            && letter_next
                            && !leading_elision(&p[after..])
                            && single_closes.exists(p, b, c)
                    }
                };
                if opens {
                    open = Some((fam, c, b, fam == Fam::Guil && c == '»'));
                }
            }
            Some((ofam, oc, ob, rev)) => {
                if fam != ofam {
                    // nested quote of another family: content
                    continue;
                }
                let closes = match fam {
                    Fam::Double => match c {
                        '„' => false,
                        '“' => oc == '„' || (can_close && !can_open),
                        '”' => true,
                        _ => can_close || !can_open,
                    },
                    Fam::Guil => {
                        if rev {
                            c == '«'
                        } else {
                            c == '»'
                        }
                    }
                    Fam::Single => {
                        matches!(c, '\'' | '’' | '›')
                            && can_close
                            && !(possessive_s(prev, next, p[after..].chars().nth(1))
                                && single_closes.exists(p, b, oc))
                            && !(prev.is_alphanumeric() && next.is_alphanumeric())
                    }
                };
                let content_start = ob + oc.len_utf8();
                if closes {
                    push(make_span(p, ob, content_start, b, b + c.len_utf8(), true));
                    open = None;
                } else if fam == Fam::Double
                    && c != '”'
                    && can_open
                    && !can_close
                    && c == oc
                    && c == '"'
                {
                    // stray opener: previous quote was never closed; restart here
                    push(make_span(p, ob, content_start, b, b, false));
                    open = Some((fam, c, b, false));
                }
            }
        }
    }
    if let Some((_, oc, ob, _)) = open {
        let content_start = ob + oc.len_utf8();
        push(make_span(p, ob, content_start, p.len(), p.len(), false));
    }
}

/// The quote mark at byte `b` of a paragraph (a [`mark_starts`] offset) and its family, None
/// for another character of the same lead byte (— …). Decoded from its bytes (clamped reads):
/// slicing the paragraph there tested the slice's bounds, mispredicted where a quote opens or
/// closes the paragraph.
#[inline]
fn mark_at(bytes: &[u8], b: usize) -> Option<(char, Fam)> {
    let last = bytes.len() - 1;
    let b0 = u32::from(bytes[b]);
    let b1 = u32::from(bytes[(b + 1).min(last)]) & 0x3f;
    let b2 = u32::from(bytes[(b + 2).min(last)]) & 0x3f;
    // a lead byte below 0xf0: one, two or three bytes
    let cp = if b0 < 0x80 {
        b0
    } else if b0 < 0xe0 {
        ((b0 & 0x1f) << 6) | b1
    } else {
        ((b0 & 0x0f) << 12) | (b1 << 6) | b2
    };
    let c = char::from_u32(cp)?;
    Some((c, family(c)?))
}

/// The character before byte `i` of a non-empty `p` (a character boundary), a space at its
/// start; as [`char_at`] after it.
#[inline]
fn char_before(p: &str, i: usize) -> char {
    let byte = p.as_bytes()[i.saturating_sub(1)];
    let byte = if i > 0 { byte } else { b' ' };
    if byte < 0x80 {
        char::from(byte)
    } else {
        p[..i].chars().next_back().unwrap_or(' ')
    }
}

/// A possessive apostrophe, from the characters around it (a space at the paragraph's ends).
fn possessive_s(prev: char, next: char, after_next: Option<char>) -> bool {
    // "dogs' owners": s + apostrophe + space + lowercase word
    matches!(prev, 's' | 'S') && next == ' ' && after_next.is_some_and(|c| c.is_lowercase())
}

/// Where the first closing single quote for opener `oc` after the character at byte `from` is.
fn next_single_close(p: &str, from: usize, oc: char) -> Option<usize> {
    let want_guil = oc == '‹';
    let mut cs = p[from..].char_indices().peekable();
    let mut prev = cs.next().map(|(_, c)| c);
    while let Some((i, c)) = cs.next() {
        let next = cs.peek().map(|&(_, c)| c);
        let ok = if want_guil {
            c == '›'
        } else {
            matches!(c, '\'' | '’')
        };
        if ok
            && ctx(prev.unwrap_or(' ')) & WS == 0
            && ctx(next.unwrap_or(' ')) & CLOSE != 0
            && !(prev.is_some_and(|p| p.is_alphanumeric())
                && next.is_some_and(|n| n.is_alphanumeric()))
        {
            return Some(from + i);
        }
        prev = Some(c);
    }
    None
}

/// Whether a closing single quote follows a mark, remembered for the paragraph: a search from
/// a later mark finds the same close while it lies after that mark, and none when the search
/// from an earlier one found none (the test of a character reads only it and its neighbours).
/// Searched anew at every candidate mark, a paragraph of many unclosed ones was quadratic.
#[derive(Default)]
struct SingleCloses {
    /// per opener family (‹ and the others): the mark searched from and the close found
    found: [Option<(usize, Option<usize>)>; 2],
}

impl SingleCloses {
    /// Whether a closing single quote for opener `oc` follows the character at byte `from`.
    fn exists(&mut self, p: &str, from: usize, oc: char) -> bool {
        let memo = &mut self.found[usize::from(oc == '‹')];
        match *memo {
            Some((searched, None)) if searched <= from => false,
            Some((searched, Some(close))) if searched <= from && from < close => true,
            _ => {
                let close = next_single_close(p, from, oc);
                *memo = Some((from, close));
                close.is_some()
            }
        }
    }
}

fn make_span(p: &str, open: usize, cs: usize, ce: usize, close_end: usize, closed: bool) -> Span {
    let inner = &p[cs..ce];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let (start, end) = if lead + trail >= inner.len() {
        (cs, cs)
    } else {
        (cs + lead, ce - trail)
    };
    Span {
        open,
        start,
        end,
        close_end,
        closed,
    }
}

/// Replace quoted content (marks included) by a neutral mask of the same byte length:
/// `"` at each mark, `x` for the content. Sentence and cue scanning then ignore quoted words.
#[allow(dead_code)]
pub fn mask(p: &str, spans: &[Span]) -> String {
    let mut bytes = p.as_bytes().to_vec();
    for s in spans {
        for b in &mut bytes[s.open..s.close_end] {
            *b = b'x';
        }
        bytes[s.open] = b'"';
        if s.closed && s.close_end > s.end {
            bytes[s.close_end - 1] = b'"';
        }
    }
    // non-ASCII bytes outside spans stay; content is ASCII now so the string stays valid UTF-8
    // only if we did not cut a multibyte char: marks are whole chars and spans start/end on them.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_families() {
        let fams = [
            ("\"“”„‟＂", Some(Fam::Double)),
            ("«»", Some(Fam::Guil)),
            ("'‘’‚‹›", Some(Fam::Single)),
            ("—…‛‐€ ®", None),
        ];
        for (cs, fam) in fams {
            for c in cs.chars() {
                let s = format!("{c}x");
                assert_eq!(mark_at(s.as_bytes(), 0).map(|m| m.1), fam, "{c}");
                assert_eq!(mark_at(s.as_bytes(), 0).map_or(c, |m| m.0), c);
            }
        }
    }
    fn texts(p: &str) -> Vec<&str> {
        find_spans(p).iter().map(|s| &p[s.start..s.end]).collect()
    }
    #[test]
    fn styles() {
        assert_eq!(texts("He said \"no way,\" and left."), vec!["no way,"]);
        assert_eq!(texts("„Wir bleiben“, sagte er."), vec!["Wir bleiben"]);
        assert_eq!(texts("« Nous restons », a-t-il dit."), vec!["Nous restons"]);
        assert_eq!(texts("«Мы остаёмся», — заявил он."), vec!["Мы остаёмся"]);
        assert_eq!(texts("»Wir bleiben«, sagte er."), vec!["Wir bleiben"]);
        assert_eq!(
            texts("‘It’s over,’ she said of Kaspersky’s ’90s hits."),
            vec!["It’s over,"]
        );
        assert_eq!(
            texts("'The senators' concerns are valid,' he said."),
            vec!["The senators' concerns are valid,"]
        );
        assert_eq!(texts("The dogs' owners and it's fine."), Vec::<&str>::new());
        assert_eq!(texts("“Open to the end"), vec!["Open to the end"]);
    }
}
