//! Tokens and sentences of one paragraph, with quoted spans as single tokens.

use super::lex::{lower, lower_aligned, ABBREV, DE_MONTHS};
use super::marks::{find_spans, Span};
use std::borrow::Cow;
use std::cell::OnceCell;

/// One paragraph: its quoted spans and tokens.
pub struct Para<'a> {
    pub p: &'a str,
    pub spans: Vec<Span>,
    pub toks: Vec<Tok>,
    /// whether each token is a word whose first character is upper-case: asked of every word
    /// by the name index, and known without decoding when the tokenizer reads that character
    caps: Vec<bool>,
    /// Cues, names and roles are all looked up by their lower-case form, many times per token:
    /// the paragraph lower-cased when that keeps every offset (almost always), a token's form is
    /// then a slice of it;
    low_text: Option<String>,
    /// otherwise the lower-cased text of each token, computed on first use.
    low: Vec<OnceCell<Cow<'a, str>>>,
}

impl<'a> Para<'a> {
    pub fn new(p: &'a str) -> Para<'a> {
        let spans = find_spans(p);
        let (toks, caps) = tokenize(p, &spans);
        let low_text = lower_aligned(p);
        let low = match low_text {
            Some(_) => Vec::new(),
            None => vec![OnceCell::new(); toks.len()],
        };
        Para {
            p,
            spans,
            toks,
            caps,
            low_text,
            low,
        }
    }
    pub fn w(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.p[t.start..t.end]
    }
    pub fn lw(&self, i: usize) -> &str {
        match &self.low_text {
            Some(low) => &low[self.toks[i].start..self.toks[i].end],
            None => self.low[i].get_or_init(|| lower(self.w(i))),
        }
    }
    /// Whether token `i` is a capitalised word.
    pub fn is_cap(&self, i: usize) -> bool {
        self.caps[i]
    }
    pub fn is_w(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].is_word()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TK {
    Word,
    Punct(char),
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub kind: TK,
    pub start: usize,
    pub end: usize,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TK::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TK::Punct(c)
    }
    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            TK::Quote(i) => Some(i),
            _ => None,
        }
    }
}

fn word_char(c: char) -> bool {
    match c {
        // frequent ranges answered without the Unicode tables: ASCII (by a table lookup),
        // punctuation (’ “ ” —), Cyrillic
        '\0'..='\x7f' => ASCII_ALNUM[c as usize],
        '\u{2000}'..='\u{206f}' => false,
        '\u{410}'..='\u{44f}' => true,
        _ => c.is_alphanumeric() || c == '\u{301}',
    }
}

/// Whether a byte is an ASCII letter or digit: one load per byte of a word.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// The character at byte `b` of `p` (a character boundary before its end).
fn char_at(p: &str, b: usize) -> char {
    match p.as_bytes().get(b) {
        // ASCII, most of the text, without decoding a character
        Some(&x) if x.is_ascii() => char::from(x),
        _ => p[b..].chars().next().unwrap_or_default(),
    }
}

/// Tokenise a paragraph: words (with inner ' ’ - . & kept), punctuation, quoted spans; and
/// whether each token is a word that starts with an upper-case character.
pub fn tokenize(p: &str, spans: &[Span]) -> (Vec<Tok>, Vec<bool>) {
    let bytes = p.as_bytes();
    // about one token per five bytes of text: one allocation for most paragraphs
    let mut toks = Vec::with_capacity(p.len() / 4 + 4);
    let mut caps = Vec::with_capacity(toks.capacity());
    let mut si = 0;
    let mut b = 0;
    // the opening mark of the next quoted span: a word stops there
    let open_of = |si: usize| spans.get(si).map_or(usize::MAX, |s: &Span| s.open);
    let mut open = open_of(0);
    while b < p.len() {
        if b >= open {
            let s = spans[si];
            toks.push(Tok {
                kind: TK::Quote(si),
                start: s.open,
                end: s.close_end,
            });
            caps.push(false);
            b = b.max(s.close_end);
            si += 1;
            open = open_of(si);
            continue;
        }
        let c = char_at(p, b);
        if c.is_whitespace() {
            b += c.len_utf8();
            continue;
        }
        if !word_char(c) {
            toks.push(Tok {
                kind: TK::Punct(c),
                start: b,
                end: b + c.len_utf8(),
            });
            caps.push(false);
            b += c.len_utf8();
            continue;
        }
        let start = b;
        let mut end = b + c.len_utf8();
        // a word stops at the next quoted span or the paragraph's end
        let lim = open.min(p.len());
        loop {
            // ASCII letters and digits, most of a word, without decoding characters
            while end < lim && ASCII_ALNUM[usize::from(bytes[end])] {
                end += 1;
            }
            if end >= lim {
                break;
            }
            let c2 = char_at(p, end);
            if word_char(c2) {
                end += c2.len_utf8();
                continue;
            }
            if matches!(c2, '\'' | '’' | '-' | '.' | '&' | '\u{2011}') {
                // keep if followed by a word char (it's, Moscow-based, U.S)
                let nb = end + c2.len_utf8();
                let nc = p[nb..].chars().next();
                if nc.is_some_and(word_char) && open != end {
                    end = nb;
                    continue;
                }
            }
            break;
        }
        // abbreviation / initial with final dot
        if bytes.get(end) == Some(&b'.') {
            let w = lower(&p[start..end]);
            let initial = w.chars().count() == 1
                && p[start..].chars().next().is_some_and(|c| c.is_uppercase());
            // German ordinal date: "am 29. September"
            let ordinal = w.chars().all(|c| c.is_ascii_digit())
                && w.len() <= 2
                && p[end + 1..].split_whitespace().next().is_some_and(|n| {
                    DE_MONTHS.contains(&n.to_lowercase().trim_end_matches([',', '.']))
                });
            if ABBREV.contains(w.as_ref()) || initial || ordinal || w.contains('.') {
                end += 1;
            }
        }
        toks.push(Tok {
            kind: TK::Word,
            start,
            end,
        });
        caps.push(c.is_uppercase());
        b = end;
    }
    (toks, caps)
}

/// Sentence ranges as token index ranges.
pub fn sentences(p: &str, toks: &[Tok], spans: &[Span]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..toks.len() {
        let t = toks[i];
        let next = toks.get(i + 1);
        let boundary = match t.kind {
            TK::Punct('.') | TK::Punct('!') | TK::Punct('?') | TK::Punct('…') => {
                // an abbreviation token already swallowed its dot, so a bare dot ends the sentence
                next.is_none_or(|n| match n.kind {
                    TK::Quote(_) => true,
                    TK::Word => p[n.start..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
                    TK::Punct(c) => matches!(c, '(' | '—' | '–'),
                })
            }
            TK::Word => {
                // "U.S." at end of a sentence
                // the last byte: a dot is no part of a longer character
                p.as_bytes()[t.end - 1] == b'.'
                    && p[t.start..t.end].matches('.').count() >= 2
                    && next.is_some_and(|n| {
                        n.is_word()
                            && p[n.start..]
                                .chars()
                                .next()
                                .is_some_and(|c| c.is_uppercase())
                            && super::lex::CAP_STOP
                                .contains(p[n.start..n.end].to_lowercase().as_str())
                    })
            }
            TK::Quote(q) => {
                let s = spans[q];
                let inner = p[s.start..s.end].trim_end_matches(['"', '\'', '’', '”']);
                s.closed
                    && inner.ends_with('.')
                    && next.is_some_and(|n| {
                        matches!(n.kind, TK::Quote(_))
                            || n.is_word()
                                && p[n.start..]
                                    .chars()
                                    .next()
                                    .is_some_and(|c| c.is_uppercase())
                    })
            }
            _ => false,
        };
        if boundary {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    out
}
