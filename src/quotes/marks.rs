//! Quote-mark detection: finds the top-level quoted spans of one paragraph,
//! whatever the typographic style, telling single quotes apart from apostrophes.

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
/// paragraph's start or end (None) a space. An ASCII character's is read from a table: tests
/// of the character, one after the other, mispredicted at many marks.
#[inline]
fn ctx(c: Option<char>) -> u8 {
    let c = c.unwrap_or(' ');
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

/// Elisions written with a leading apostrophe: '90s, 'em, 'til, 'cause, 'n'.
fn leading_elision(rest: &str) -> bool {
    let r = rest.to_lowercase();
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
    for b in marks {
        // the mark and the character after it (the one after that is rarely asked)
        let mut after = p[b..].chars();
        let Some((c, fam)) = after.next().and_then(|c| Some((c, family(c)?))) else {
            continue;
        };
        let next = after.next();
        let prev = p[..b].chars().next_back();
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
                        let letter_next = next.is_some_and(|n| n.is_alphanumeric() || n == '…');
                        ok_char
                            && pc & OPEN != 0
                            && letter_next
                            && !leading_elision(&p[b + c.len_utf8()..])
                            && single_close_exists(p, b, c)
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
                            && !(possessive_s(prev, next, after.next())
                                && single_close_exists(p, b, oc))
                            && !(prev.is_some_and(|p| p.is_alphanumeric())
                                && next.is_some_and(|n| n.is_alphanumeric()))
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

/// A possessive apostrophe, from the characters around it.
fn possessive_s(prev: Option<char>, next: Option<char>, after_next: Option<char>) -> bool {
    // "dogs' owners": s + apostrophe + space + lowercase word
    matches!(prev, Some('s' | 'S'))
        && next == Some(' ')
        && after_next.is_some_and(|c| c.is_lowercase())
}

/// Whether a closing single quote for opener `oc` follows the character at byte `from`.
fn single_close_exists(p: &str, from: usize, oc: char) -> bool {
    let want_guil = oc == '‹';
    let mut cs = p[from..].chars().peekable();
    let mut prev = cs.next();
    while let Some(c) = cs.next() {
        let next = cs.peek().copied();
        let ok = if want_guil {
            c == '›'
        } else {
            matches!(c, '\'' | '’')
        };
        if ok
            && ctx(prev) & WS == 0
            && ctx(next) & CLOSE != 0
            && !(prev.is_some_and(|p| p.is_alphanumeric())
                && next.is_some_and(|n| n.is_alphanumeric()))
        {
            return true;
        }
        prev = Some(c);
    }
    false
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
