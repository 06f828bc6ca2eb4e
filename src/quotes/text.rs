//! Tokens and sentences of one paragraph, with quoted spans as single tokens.

use super::lex::{lower, with_lower, WordFilter, ABBREV, ABBREV_FILTER, DE_MONTHS};
use super::marks::{mark_starts, push_spans_at, Span};
use crate::text::lower_char;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

/// One paragraph: its quoted spans and tokens.
pub struct Para<'a> {
    pub p: &'a str,
    pub spans: &'a [Span],
    pub toks: &'a [Tok],
    /// [`ParaBufs::ends`], and the article's index of the first token: [`Para::sentences`]
    /// reads the bits of its tokens from there
    ends: &'a [u64],
    first: usize,
    /// the article's index of the first quoted span: per-article state kept by span (which
    /// spans analysis has attributed) is read from there
    first_span: usize,
    /// Cues, names and roles are all looked up by their lower-case form, many times per token:
    /// the paragraph with every word lower-cased in place when that keeps every offset (almost
    /// always), a word's form is then a slice of it; held with the rest of the article's lower
    /// case and [`PAD`] after it, so that no word ends at the slice's end: that test of a
    /// character boundary, taken at each paragraph's last word, then always goes one way;
    low_text: Option<&'a str>,
    /// otherwise the lower-cased text of each token, computed on first use.
    low: Vec<OnceCell<Cow<'a, str>>>,
}

/// The quoted spans, tokens and lower-case texts of all paragraphs of an article, each kind in
/// one buffer: three allocations per article rather than up to three per paragraph.
#[derive(Default)]
pub struct ParaBufs {
    spans: Vec<Span>,
    toks: Vec<Tok>,
    /// the ASCII lower case of all paragraphs one after another, then [`PAD`]
    low: String,
    /// bit `i % 64` of word `i / 64` set when the article's token `i` [`Tok::ends`]: written as
    /// the tokenizer pushes each token (no test), where gathering them again per paragraph
    /// took a pass over the tokens (its end mispredicted). An article has no more tokens than
    /// bytes, and one word more is read after a paragraph's last.
    ends: Vec<u64>,
}

/// A paragraph read into [`ParaBufs`]: where its spans, tokens and lower-case text are.
pub struct Parts {
    spans: Range<usize>,
    toks: Range<usize>,
    low_text: Option<Range<usize>>,
}

impl ParaBufs {
    /// Buffers for paragraphs of `bytes` bytes in all.
    fn with_capacity(bytes: usize) -> ParaBufs {
        ParaBufs {
            // a quoted span per few hundred bytes even in quote-dense articles, and about one
            // token per five bytes of text: one allocation each for most articles
            spans: Vec::with_capacity(bytes / 128 + 4),
            toks: Vec::with_capacity(bytes / 4 + 4),
            low: String::with_capacity(bytes + PAD.len()),
            ends: vec![0; bytes / 64 + 2],
        }
    }

    /// The tokens of all paragraphs, each paragraph's after the one before.
    pub fn toks(&self) -> &[Tok] {
        &self.toks
    }

    /// How many quoted spans all paragraphs have.
    pub fn span_count(&self) -> usize {
        self.spans.len()
    }

    /// The buffers of paragraphs `texts`, and where each one is. The ASCII lower case and the
    /// quote marks of the whole article are found in one pass each, not one per paragraph
    /// (whose starts and ends cost as much as a short paragraph's bytes).
    pub fn read_all(texts: &[&str]) -> (ParaBufs, Vec<Parts>) {
        let mut bufs = ParaBufs::with_capacity(texts.iter().map(|p| p.len()).sum());
        for p in texts {
            bufs.low.push_str(p);
        }
        bufs.low.push_str(PAD);
        bufs.low.make_ascii_lowercase();
        // each paragraph's marks, from its byte range in the article's text: the next mark kept
        // by hand, where a Peekable tests its own state at each step as well
        let mut marks = mark_starts(bufs.low.as_bytes());
        let mut next_mark = marks.next();
        let mut base = 0;
        let mut parts: Vec<Parts> = texts
            .iter()
            .map(|p| {
                let (at, end) = (base, base + p.len());
                base = end;
                let in_p = std::iter::from_fn(|| {
                    let m = next_mark.filter(|&m| m < end)?;
                    next_mark = marks.next();
                    Some(m - at)
                });
                let first_span = bufs.spans.len();
                push_spans_at(p, in_p, &mut bufs.spans);
                let first = bufs.toks.len();
                let low = &bufs.low[at..];
                let spans = &bufs.spans[first_span..];
                let ascii_lower = tokenize(p, low, spans, &mut bufs.toks, &mut bufs.ends);
                Parts {
                    spans: first_span..bufs.spans.len(),
                    toks: first..bufs.toks.len(),
                    // its range, when lower case changes the ASCII characters of its words alone
                    low_text: ascii_lower.then_some(at..end),
                }
            })
            .collect();
        drop(marks);
        // the other paragraphs' words with characters other than ASCII that lower case changes
        let mut base = 0;
        for (p, part) in texts.iter().zip(&mut parts) {
            if part.low_text.is_none() {
                part.low_text = bufs.lower(p, part.toks.clone(), base);
            }
            base += p.len();
        }
        (bufs, parts)
    }

    /// The range of the lower-case text of paragraph `p`, whose ASCII lower case is at `base`
    /// in `low` and whose tokens are `toks`, when [`lower_words`] can lower its words in place;
    /// otherwise the digests of its other words, from their lower-case forms.
    fn lower(&mut self, p: &str, toks: Range<usize>, base: usize) -> Option<Range<usize>> {
        if lower_words(p, &mut self.toks[toks.clone()], base, &mut self.low) {
            return Some(base..base + p.len());
        }
        for t in self.toks[toks]
            .iter_mut()
            .filter(|t| t.is_word() && !t.ascii)
        {
            t.digest = WordFilter::digest(lower(&p[t.start..t.end]).as_bytes());
        }
        None
    }
}

impl<'a> Para<'a> {
    /// Paragraph `p`, whose `parts` [`ParaBufs::read_all`] read into `bufs`.
    pub fn new(p: &'a str, parts: Parts, bufs: &'a ParaBufs) -> Para<'a> {
        let toks = &bufs.toks[parts.toks.clone()];
        let low_text = parts.low_text.map(|r| &bufs.low[r.start..]);
        let low = match low_text {
            Some(_) => Vec::new(),
            None => vec![OnceCell::new(); toks.len()],
        };
        Para {
            p,
            first_span: parts.spans.start,
            spans: &bufs.spans[parts.spans],
            toks,
            ends: &bufs.ends,
            first: parts.toks.start,
            low_text,
            low,
        }
    }
    /// The article's indices of the paragraph's first token and first quoted span: where its
    /// bits and flags are in the article-wide vectors built once per article.
    pub fn article_offsets(&self) -> (usize, usize) {
        (self.first, self.first_span)
    }
    pub fn w(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.p[t.start..t.end]
    }
    /// The lower-cased text of word `i`: asked of most words several times, a slice of
    /// `low_text` inline, the rare per-token form out of line.
    #[inline]
    pub fn lw(&self, i: usize) -> &str {
        match &self.low_text {
            Some(low) => &low[self.toks[i].start..self.toks[i].end],
            None => self.token_lower(i),
        }
    }
    /// The bytes of [`Para::lw`]: for comparing a word with another, where slicing the text tests
    /// both ends for character boundaries (each a branch, and such branches mispredict as often
    /// as data-dependent ones where a pass meets them once per candidate cue)
    #[inline]
    pub fn lb(&self, i: usize) -> &[u8] {
        match &self.low_text {
            Some(low) => &low.as_bytes()[self.toks[i].start..self.toks[i].end],
            None => self.token_lower(i).as_bytes(),
        }
    }
    /// The paragraph's lower-case text, when it has one (of which [`Para::lw`] slices each
    /// word's form, at the word's offsets), as bytes, followed by more bytes (the rest of the
    /// article's lower case, then [`PAD`]).
    #[inline]
    pub fn low_bytes(&self) -> Option<&'a [u8]> {
        self.low_text.map(str::as_bytes)
    }
    /// The lower-cased text of the `len` bytes at `at`, which hold words parted by spaces, when
    /// the paragraph has its lower-case text.
    pub fn low_at(&self, at: usize, len: usize) -> Option<&'a str> {
        self.low_text.map(|low| &low[at..at + len])
    }
    #[cold]
    #[inline(never)]
    fn token_lower(&self, i: usize) -> &str {
        self.low[i].get_or_init(|| lower(self.w(i)))
    }
    /// Whether token `i` is a capitalised word.
    pub fn is_cap(&self, i: usize) -> bool {
        self.toks[i].cap
    }
    pub fn is_w(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].is_word()
    }
    /// The quoted spans whose tokens are among tokens `a..b`: found from the spans' offsets, in
    /// order, without a look at each token ([`count_below`]).
    pub fn spans_in(&self, a: usize, b: usize) -> Range<usize> {
        if a >= b {
            return 0..0;
        }
        let (first, last) = (self.toks[a].start, self.toks[b - 1].start);
        count_below(self.spans, |s| s.open, first, last + 1)
    }
}

/// How many of `items`, ascending by `key`, are below `a`, and how many below `b`, as a range
/// (`a` ≤ `b`): the items from `a` up to `b`. Counted in one pass without a branch, where two
/// binary searches would take one each step: most lists are short (a paragraph's or a
/// sentence's quoted spans). A long one (a paragraph of thousands of quotes, asked at each
/// cue) is searched.
#[inline]
pub fn count_below<T>(items: &[T], key: impl Fn(&T) -> usize, a: usize, b: usize) -> Range<usize> {
    if items.len() > 32 {
        return items.partition_point(|x| key(x) < a)..items.partition_point(|x| key(x) < b);
    }
    let (mut below_a, mut below_b) = (0, 0);
    for k in items.iter().map(key) {
        below_a += usize::from(k < a);
        below_b += usize::from(k < b);
    }
    below_a..below_b
}

/// Lowers in place every word of `toks` in `low[base..]`, the ASCII lower case of `p`, and tells
/// whether none changes length in lower case (nor holds a 'Σ', whose lower case depends on the
/// next character): the other characters of the words whose lower case changes some, whose
/// digests it sets from their lower case. Nothing else is kept of a text it returns false of.
fn lower_words(p: &str, toks: &mut [Tok], base: usize, low: &mut String) -> bool {
    let mut buf = [0u8; 4];
    for t in toks.iter_mut().filter(|t| t.lowers) {
        // the ASCII characters are lower-case already
        for (i, c) in p[t.start..t.end]
            .char_indices()
            .filter(|(_, c)| !c.is_ascii())
        {
            match lower_char(c) {
                Some(l) if l == c => {}
                Some(l) if c != 'Σ' && l.len_utf8() == c.len_utf8() => {
                    let at = base + t.start + i;
                    low.replace_range(at..at + c.len_utf8(), l.encode_utf8(&mut buf));
                }
                _ => return false,
            }
        }
        t.digest = WordFilter::digest(&low.as_bytes()[base + t.start..base + t.end]);
    }
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TK {
    Word,
    Punct(char),
    /// the index of the quoted span (u32: the kind stays 8 bytes)
    Quote(u32),
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub kind: TK,
    pub start: usize,
    pub end: usize,
    /// a word whose first character is upper-case: asked of every word by the name index, and
    /// known without decoding when the tokenizer reads that character
    pub cap: bool,
    /// a word with a hyphen inside ('-' or '\u{2011}'): the name index asks whether a part after
    /// one is lower-case, and the tokenizer sees every hyphen it keeps
    pub hyphen: bool,
    /// a word whose characters are all ASCII (false for other tokens): lower-casing a paragraph
    /// visits only the other words, which the tokenizer tells as it reads them
    pub ascii: bool,
    /// the [`WordFilter::digest`] of a word's lower-case form (0 for other tokens): the cue
    /// filter, the name index and the word lists ask about most words, each by a filter
    pub digest: u16,
    /// a token after which a sentence may end: a quoted span, '.' '!' '?' '…' as punctuation, a
    /// word with a dot inside that keeps one after it ("U.S."): [`Para::sentences`] looks at
    /// these alone, from the bits of [`ParaBufs::ends`]
    pub ends: bool,
    /// a word with a character other than ASCII that lower case changes (true of few words):
    /// lower-casing a paragraph visits these alone, and the tokenizer, which decodes their
    /// characters, tells them
    pub lowers: bool,
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
            TK::Quote(i) => Some(i as usize),
            _ => None,
        }
    }
}

fn word_char(c: char) -> bool {
    is_alnum(c) || c == '\u{301}'
}

/// `c.is_alphanumeric()`, with the frequent ranges answered without the Unicode tables: ASCII
/// (by a table lookup) and those of [`letter_outside_ascii`].
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return CLASS[c as usize] == ALNUM;
    }
    letter_outside_ascii(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// `c.is_alphabetic()`, with the frequent ranges answered without the Unicode tables, as
/// [`is_alnum`].
#[inline]
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    letter_outside_ascii(c).unwrap_or_else(|| c.is_alphabetic())
}

/// Whether `c`, a character outside ASCII, is a letter, where its range tells without the
/// Unicode tables: general punctuation (’ “ ” —, none), the letters of Latin-1 (German,
/// French) and of basic Cyrillic (Russian), whose table search cost a fifth of a Russian
/// article's tokenizing. None elsewhere.
#[inline]
fn letter_outside_ascii(c: char) -> Option<bool> {
    match c {
        '\u{2000}'..='\u{206f}' => Some(false),
        '\u{c0}'..='\u{ff}' => Some(!matches!(c, '\u{d7}' | '\u{f7}')),
        '\u{400}'..='\u{45f}' => Some(true),
        _ => None,
    }
}

/// Whether `c` is in the Cyrillic block (a Russian word's letter, of either case).
#[inline]
pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04ff}').contains(&c)
}

/// `c.is_uppercase()`, with ASCII, Latin-1 and basic Cyrillic answered without the Unicode
/// tables, as [`is_alnum`]: a word's first letter is tested at every word not in ASCII.
#[inline]
pub fn is_upper(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_uppercase(),
        '\u{c0}'..='\u{de}' => c != '\u{d7}',
        '\u{80}'..='\u{bf}' | '\u{df}'..='\u{ff}' | '\u{430}'..='\u{45f}' => false,
        '\u{400}'..='\u{42f}' => true,
        _ => c.is_uppercase(),
    }
}

/// Classes of bytes for the tokenizer, which reads ASCII text byte by byte without decoding
/// characters: ASCII whitespace (as `char::is_whitespace`), ASCII letters and digits, the ASCII
/// characters a word keeps inside (' - . &), other ASCII, and the bytes of other characters.
const SPACE: u8 = 0;
const ALNUM: u8 = 1;
const OTHER: u8 = 2;
const JOIN: u8 = 3;
const NON_ASCII: u8 = 4;
static CLASS: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            SPACE
        } else if matches!(b, b'\'' | b'-' | b'.' | b'&') {
            JOIN
        } else {
            OTHER
        };
        i += 1;
    }
    t
};

/// The character at byte `i` of a non-empty `p` (a character boundary), a space at its end; an
/// ASCII one, most of the text, read from its byte without decoding, and without the bounds
/// tests of a slice (clamped read, then a select): the tokenizer and the quote-mark scan ask at
/// every word's and every mark's end, which is the paragraph's end at no predictable place.
pub fn char_at(p: &str, i: usize) -> char {
    let bytes = p.as_bytes();
    let byte = bytes[i.min(bytes.len() - 1)];
    let byte = if i < bytes.len() { byte } else { b' ' };
    if byte < 0x80 {
        char::from(byte)
    } else {
        p[i..].chars().next().unwrap_or(' ')
    }
}

/// Bytes after the text of the last paragraph in [`ParaBufs::low`]: the tokenizer reads sixteen
/// bytes at a time from any offset in a paragraph without a test for the end of the text.
const PAD: &str = "                ";

/// Tokenise a paragraph into `toks`: words (with inner ' ’ - . & kept), punctuation, quoted
/// spans; and tell whether lower case changes the ASCII characters of the words alone (no word
/// [`Tok::lowers`]). `low` is the ASCII lower case of `p` followed by at least [`PAD`] bytes.
fn tokenize(p: &str, low: &str, spans: &[Span], toks: &mut Vec<Tok>, ends: &mut [u64]) -> bool {
    let mut ascii_lower = true;
    let mut b = 0;
    // the text before each quoted span, whose opening mark stops a word, then the span
    for (si, s) in spans.iter().enumerate() {
        ascii_lower &= tokenize_run(p, low, b, s.open, toks, ends);
        ends[toks.len() / 64] |= 1 << (toks.len() % 64);
        toks.push(Tok {
            kind: TK::Quote(si as u32),
            start: s.open,
            end: s.close_end,
            cap: false,
            hyphen: false,
            ascii: false,
            digest: 0,
            ends: true,
            lowers: false,
        });
        b = s.close_end;
    }
    ascii_lower & tokenize_run(p, low, b, p.len(), toks, ends)
}

/// Tokenise `p[b..lim]`, text without a quoted span, into `toks` and [`ParaBufs::ends`]
/// (`low_text` as `low` for [`tokenize`]); and tell whether no word [`Tok::lowers`].
fn tokenize_run(
    p: &str,
    low_text: &str,
    mut b: usize,
    lim: usize,
    toks: &mut Vec<Tok>,
    ends: &mut [u64],
) -> bool {
    let bytes = &p.as_bytes()[..lim];
    let low = &low_text.as_bytes()[..lim + PAD.len()];
    let mut ascii_lower = true;
    while let Some(&x) = bytes.get(b) {
        let tok = match CLASS[usize::from(x)] {
            ALNUM => {
                let end = alnum_end(low, b + 1, lim);
                // the byte after the word (the run's end as a space: nothing is read after it)
                let after = low[end];
                let y = if end < lim { after } else { b' ' };
                if CLASS[usize::from(y)] < JOIN {
                    // ASCII letters and digits alone, most words
                    toks.push(plain_word(bytes, b, end));
                    b = end + usize::from(y == b' ');
                    continue;
                }
                if y == b'.' && !word_char(char_at(p, end + 1)) {
                    // a full stop after the word, or an abbreviation's dot
                    plain_word(
                        bytes,
                        b,
                        end + usize::from(ascii_keeps_dot(p, low_text, b, end)),
                    )
                } else {
                    // a character a word keeps inside, or another than ASCII: the general reader
                    let t = word::<true>(p, low_text, lim, b, char::from(x), end);
                    ascii_lower &= !t.lowers;
                    t
                }
            }
            SPACE => {
                b += 1;
                continue;
            }
            OTHER | JOIN => punct(char::from(x), b),
            _ => {
                let c = char_at(p, b);
                if c.is_whitespace() {
                    b += c.len_utf8();
                    continue;
                }
                if word_char(c) {
                    let t = word::<false>(p, low_text, lim, b, c, b + c.len_utf8());
                    ascii_lower &= !t.lowers;
                    t
                } else {
                    punct(c, b)
                }
            }
        };
        // (a plain word, above, never ends a sentence)
        ends[toks.len() / 64] |= u64::from(tok.ends) << (toks.len() % 64);
        toks.push(tok);
        // the space after most tokens, skipped here rather than by a turn of the loop
        b = tok.end + usize::from(bytes.get(tok.end) == Some(&b' '));
    }
    ascii_lower
}

/// The end of the ASCII letters and digits from byte `from` on, at most `lim`: sixteen bytes at
/// a time ([`first_non_alnum16`]; a test of each byte costs fewer instructions, but mispredicts
/// about once a word, which costs more, and so did eight bytes at a time, for the one word in
/// eight longer than that). The bytes are read from `low`, which holds [`PAD`] bytes more than
/// `lim` (as for [`tokenize`]), past `lim` too, whatever they are: no test of how many are left,
/// the end cut at `lim` by a select.
#[inline]
fn alnum_end(low: &[u8], mut from: usize, lim: usize) -> usize {
    loop {
        let k = first_non_alnum16(low[from..from + PAD.len()].try_into().unwrap());
        if k < PAD.len() {
            return lim.min(from + k);
        }
        from += PAD.len();
        if from >= lim {
            return lim;
        }
    }
}

/// Where the first byte of `chunk` that is no ASCII letter or digit is (16 when all are): each
/// byte's test written as a loop over the sixteen that the compiler turns into a few SIMD
/// compares, and the first byte that fails found as the trailing zeros of the sixteen results.
#[inline]
fn first_non_alnum16(chunk: [u8; 16]) -> usize {
    let mut other = [0u8; 16];
    for (o, &b) in other.iter_mut().zip(&chunk) {
        let alnum = (b.wrapping_sub(b'0') < 10) | ((b | 0x20).wrapping_sub(b'a') < 26);
        *o = if alnum { 0 } else { 0xff };
    }
    (u128::from_le_bytes(other).trailing_zeros() / 8) as usize
}

/// Where the first byte of `chunk` that is no ASCII letter or digit is (8 when all eight are),
/// told without a branch per byte: the end of a word, or of a piece of text between other
/// characters, is at a different byte each time, and a test per byte mispredicts about once a
/// word.
#[inline]
pub fn first_non_alnum(chunk: [u8; 8]) -> usize {
    ((ascii_alnum_mask(u64::from_le_bytes(chunk)) ^ HIGH_BITS).trailing_zeros() / 8) as usize
}

/// Bit 0 of each of eight bytes.
const ONES: u64 = 0x0101_0101_0101_0101;
/// Bit 7 of each of eight bytes.
pub const HIGH_BITS: u64 = ONES * 0x80;

/// Bit 7 of each byte of `v`, bytes of seven bits, set when that byte is at least `k` (at most
/// 0x80): eight bytes compared at once, with no branch (and no borrow crossing bytes).
#[inline]
pub fn bytes_at_least(v: u64, k: u8) -> u64 {
    ((v | HIGH_BITS) - ONES * u64::from(k)) & HIGH_BITS
}

/// Bit 7 of each byte of `x` set when that byte is an ASCII letter or digit, the others clear.
#[inline]
fn ascii_alnum_mask(x: u64) -> u64 {
    let v = x & !HIGH_BITS;
    let digit = bytes_at_least(v, b'0') & !bytes_at_least(v, b'9' + 1);
    // upper-case letters become lower-case with bit 5, and no other byte becomes a letter
    let l = v | (ONES * 0x20);
    let letter = bytes_at_least(l, b'a') & !bytes_at_least(l, b'z' + 1);
    (digit | letter) & !x & HIGH_BITS
}

/// The token of ASCII word `bytes[start..end]`, of letters and digits and maybe a dot after
/// them.
#[inline]
fn plain_word(bytes: &[u8], start: usize, end: usize) -> Tok {
    let w = &bytes[start..end];
    Tok {
        kind: TK::Word,
        start,
        end,
        cap: w[0].is_ascii_uppercase(),
        hyphen: false,
        ascii: true,
        digest: WordFilter::digest(w),
        ends: false,
        lowers: false,
    }
}

/// The word starting at byte `start` with character `c`, read up to byte `end` (at most
/// `lim`, the end of the text without a quoted span; `low_text` as for [`tokenize_run`]): any
/// word, with the characters it keeps inside and the dot it may keep after it. Out of line, as
/// few words need it: the short paths of [`tokenize_run`] keep their registers.
///
/// `ASCII_START` when `c` is ASCII: a copy for each kind of first character, which the caller
/// knows, so that `c` is not tested at each word (ASCII? upper case? changed by lower case?),
/// one way for an English word with an apostrophe and the other for a Russian word, which
/// mispredicted at a mix of both.
#[inline(never)]
fn word<const ASCII_START: bool>(
    p: &str,
    low_text: &str,
    lim: usize,
    start: usize,
    c: char,
    mut end: usize,
) -> Tok {
    let bytes = &p.as_bytes()[..lim];
    let low = low_text.as_bytes();
    let mut hyphen = false;
    let mut dotted = false;
    let mut ascii = ASCII_START;
    let changes = |c: char| lower_char(c) != Some(c);
    let mut lowers = !ASCII_START && changes(c);
    loop {
        end = alnum_end(low, end, lim);
        let Some(&y) = bytes.get(end) else {
            break;
        };
        let c2 = match CLASS[usize::from(y)] {
            JOIN => char::from(y),
            NON_ASCII => {
                // the word's characters from here that are not ASCII, one after another (all of
                // a Russian word's), then again ASCII letters and digits
                let from = end;
                // basic Cyrillic letters (U+0400..U+045F: bytes D0 80..BF, D1 80..9F) read as
                // bytes, without decoding them; the upper-case ones, which lower case changes,
                // are D0 80..AF
                while let [lead @ (0xd0 | 0xd1), second, ..] = bytes[end..] {
                    if lead == 0xd1 && second > 0x9f {
                        break;
                    }
                    lowers |= (lead == 0xd0) & (second <= 0xaf);
                    end += 2;
                }
                for c2 in p[end..]
                    .chars()
                    .take_while(|&c| !c.is_ascii() && word_char(c))
                {
                    lowers |= changes(c2);
                    end += c2.len_utf8();
                }
                if end > from {
                    ascii = false;
                    continue;
                }
                let c2 = char_at(p, end);
                if !matches!(c2, '’' | '\u{2011}') {
                    break;
                }
                c2
            }
            _ => break,
        };
        // kept if followed by a word char (it's, Moscow-based, U.S)
        let nb = end + c2.len_utf8();
        if !word_char(char_at(p, nb)) {
            break;
        }
        ascii &= c2.is_ascii();
        // (compares joined without a branch: which character joins is not predictable)
        hyphen |= (c2 == '-') | (c2 == '\u{2011}');
        dotted |= c2 == '.';
        end = nb;
    }
    let dot = bytes.get(end) == Some(&b'.') && keeps_dot(p, low_text, start, end, dotted, ascii);
    end += usize::from(dot);
    Tok {
        kind: TK::Word,
        start,
        end,
        cap: if ASCII_START {
            c.is_ascii_uppercase()
        } else {
            is_upper(c)
        },
        hyphen,
        ascii,
        // an ASCII word's lower case is its bytes with bit 5 set, as the digest takes them, and
        // so are the other bytes of a word whose other characters are lower-case; the words
        // lower case changes have their digests from it: see [`lower_words`]
        digest: if lowers {
            0
        } else {
            WordFilter::digest(&bytes[start..end])
        },
        ends: dotted && dot,
        lowers,
    }
}

/// A punctuation token: character `c` at byte `b`.
fn punct(c: char, b: usize) -> Tok {
    Tok {
        kind: TK::Punct(c),
        start: b,
        end: b + c.len_utf8(),
        cap: false,
        hyphen: false,
        ascii: false,
        digest: 0,
        // compares joined without a branch: which punctuation comes next is not predictable
        ends: (c == '.') | (c == '!') | (c == '?') | (c == '…'),
        lowers: false,
    }
}

/// Whether the dot after word `p[start..end]` belongs to it: an abbreviation, an initial, a
/// German ordinal date ("am 29. September"). The reader of the word tells whether it keeps a
/// dot inside and whether it is all ASCII; `low` is the ASCII lower case of `p`.
fn keeps_dot(p: &str, low: &str, start: usize, end: usize, dotted: bool, ascii: bool) -> bool {
    // a dot inside ("U.S") is no part of a longer character, and lower case adds none
    if dotted {
        return true;
    }
    if ascii {
        return ascii_keeps_dot(p, low, start, end);
    }
    let l = lower(&p[start..end]);
    let initial = l.chars().count() == 1 && p[start..].chars().next().is_some_and(is_upper);
    abbrev_keeps_dot(p, end, &l) || initial || ordinal(p, end, &l)
}

/// Whether word `p[..end]`, lower-cased `l`, is an abbreviation ([`ABBREV`]) that keeps the dot
/// after it: one that numbers ("No. 5", "Nr. 3", "fig. 2") only before a number, as "all
/// answered no. Andrew McCabe said" ends a sentence at "no.".
fn abbrev_keeps_dot(p: &str, end: usize, l: &str) -> bool {
    const NUMBERING: [&str; 3] = ["no", "nr", "fig"];
    ABBREV.contains(l)
        && (!NUMBERING.contains(&l)
            || p[end + 1..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit()))
}

/// [`keeps_dot`] of ASCII word `p[start..end]` without a dot inside: most words before a dot
/// are longer than an initial or an ordinal and fail the filter of abbreviations, told from
/// bytes at hand (an ASCII word's lower case has its length, told without a String). Out of
/// line, as the tokenizer's short paths keep their registers. `low` is the ASCII lower case
/// of `p`: an abbreviation is looked up there, not lowered again.
#[inline(never)]
fn ascii_keeps_dot(p: &str, low: &str, start: usize, end: usize) -> bool {
    let w = &p.as_bytes()[start..end];
    w.len() <= 2 && (w.len() == 1 && w[0].is_ascii_uppercase() || ordinal(p, end, &p[start..end]))
        || ABBREV_FILTER.may_contain_digest(WordFilter::digest(w))
            && abbrev_keeps_dot(p, end, &low[start..end])
}

/// Whether `w`, word `p[..end]` or its lower case, is a German ordinal day before a dot and a
/// month ("am 29. September"): out of line, as its words are few.
#[inline(never)]
fn ordinal(p: &str, end: usize, w: &str) -> bool {
    w.len() <= 2
        && w.chars().all(|c| c.is_ascii_digit())
        && p[end + 1..]
            .split_whitespace()
            .next()
            .is_some_and(|n| DE_MONTHS.contains(&n.to_lowercase().trim_end_matches([',', '.'])))
}

impl Para<'_> {
    /// The sentences, into `out` (a buffer kept from paragraph to paragraph), and the token of
    /// each quoted span, into `span_toks` (one more than the spans).
    ///
    /// The tokens after which a sentence may end ([`Tok::ends`], few) are read as the bits of
    /// one u64 per 64 tokens from [`ParaBufs::ends`], then taken one by one: a test per token,
    /// or per few, mispredicts at most of them. Each quoted span's token is one of them, in the
    /// spans' order: its index is kept, and the spans counted, without a branch.
    pub fn sentences(&self, out: &mut Vec<Sentence>, span_toks: &mut [usize]) {
        let (p, toks, spans) = (self.p, self.toks, self.spans);
        out.clear();
        let (mut start, mut q0, mut quotes) = (0, 0, 0);
        for block in (0..toks.len()).step_by(64) {
            // the 64 bits from the article's token `first + block` on, those of later
            // paragraphs' tokens cleared
            let g = self.first + block;
            let two = u128::from(self.ends[g / 64 + 1]) << 64 | u128::from(self.ends[g / 64]);
            let mut ends =
                (two >> (g % 64)) as u64 & u64::MAX >> (64 - (toks.len() - block).min(64));
            while ends != 0 {
                let i = block + ends.trailing_zeros() as usize;
                ends &= ends - 1;
                span_toks[quotes] = i;
                quotes += usize::from(matches!(toks[i].kind, TK::Quote(_)));
                if ends_sentence(p, toks, spans, i) {
                    out.push(Sentence {
                        a: start,
                        b: i + 1,
                        spans: q0..quotes,
                    });
                    start = i + 1;
                    q0 = quotes;
                }
            }
        }
        if start < toks.len() {
            out.push(Sentence {
                a: start,
                b: toks.len(),
                spans: q0..quotes,
            });
        }
    }
}

/// A sentence of a paragraph, of [`Para::sentences`].
pub struct Sentence {
    /// its tokens, `a..b`
    pub a: usize,
    pub b: usize,
    /// its quoted spans: those whose tokens are among its own (as [`Para::spans_in`] of
    /// `a..b`), in order, as the quoted spans' tokens are
    pub spans: Range<usize>,
}

/// Whether a sentence ends after token `i`, one that [`Tok::ends`].
fn ends_sentence(p: &str, toks: &[Tok], spans: &[Span], i: usize) -> bool {
    let next = toks.get(i + 1);
    match toks[i].kind {
        TK::Punct(_) => {
            // an abbreviation token already swallowed its dot, so a bare dot ends the sentence
            next.is_none_or(|n| match n.kind {
                TK::Quote(_) => true,
                TK::Word => n.cap || p[n.start..].chars().next().is_some_and(char::is_numeric),
                TK::Punct(c) => matches!(c, '(' | '—' | '–'),
            })
        }
        // "U.S." at end of a sentence
        TK::Word => next.is_some_and(|n| {
            n.is_word()
                && n.cap
                && with_lower(&p[n.start..n.end], |l| super::lex::CAP_STOP.contains(l))
        }),
        TK::Quote(q) => {
            let s = spans[q as usize];
            s.closed
                && ends_with_full_stop(&p.as_bytes()[s.start..s.end])
                && next.is_some_and(|n| matches!(n.kind, TK::Quote(_)) || n.is_word() && n.cap)
        }
    }
}

/// Whether quoted text `q` ends with a full stop, the quote marks " ' ’ ” after it aside: read
/// from its bytes backwards, where slicing the text at characters tests their boundaries.
fn ends_with_full_stop(q: &[u8]) -> bool {
    let mut n = q.len();
    loop {
        match q[..n] {
            [.., b'"' | b'\''] => n -= 1,
            // ’ ”
            [.., 0xe2, 0x80, 0x99 | 0x9d] => n -= 3,
            [.., b'.'] => return true,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        alnum_end, ascii_alnum_mask, first_non_alnum16, is_alnum, is_alpha, is_upper, ALNUM, CLASS,
        PAD,
    };

    /// Words of Cyrillic, Latin-1 and ASCII letters in every mix of cases (the tokenizer reads
    /// basic Cyrillic as bytes): each word's lower case, digest and capital as the slow ways
    /// tell them, and its end where `char::is_alphanumeric` puts it.
    #[test]
    fn words_outside_ascii_read_as_their_characters_tell() {
        use super::{Para, ParaBufs};
        use crate::quotes::lex::WordFilter;
        let letters: Vec<char> = "aZéÉßÿÀ\u{d7}ёЁѐЀџЏѠѡабяАБЯРрЪъ\u{301}’-."
            .chars()
            .chain((0x3f0..0x4a0).filter_map(char::from_u32))
            .collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let texts: Vec<String> = (0..400)
            .map(|_| {
                (0..1 + next(8))
                    .map(|_| {
                        (0..1 + next(7))
                            .map(|_| letters[next(letters.len())])
                            .collect()
                    })
                    .collect::<Vec<String>>()
                    .join(" ")
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (bufs, parts) = ParaBufs::read_all(&refs);
        for (p, parts) in refs.iter().zip(parts) {
            let para = Para::new(p, parts, &bufs);
            for (i, t) in para.toks.iter().enumerate().filter(|(_, t)| t.is_word()) {
                let w = para.w(i);
                let low = crate::text::lower(w);
                assert_eq!(para.lw(i), low, "{w:?} in {p:?}");
                assert_eq!(
                    t.digest,
                    WordFilter::digest(low.as_bytes()),
                    "{w:?} in {p:?}"
                );
                assert_eq!(
                    t.cap,
                    w.chars().next().is_some_and(char::is_uppercase),
                    "{w:?}"
                );
                let next = p[t.end..].chars().next();
                assert!(
                    !next.is_some_and(char::is_alphanumeric),
                    "{w:?} ends early in {p:?}"
                );
            }
        }
    }

    /// The short ways of [`is_alnum`], [`is_alpha`] and [`is_upper`] answer as the Unicode tables do, over
    /// every character the ranges they test could mistake.
    #[test]
    fn char_classes_agree_with_unicode() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
    }

    /// Every byte value, at every place of the eight, as the class table tells it.
    #[test]
    fn alnum_mask_agrees_with_the_class_table() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[at] = b;
                let mask = ascii_alnum_mask(u64::from_le_bytes(chunk));
                let alnum = (mask >> (8 * at + 7)) & 1 == 1;
                assert_eq!(alnum, CLASS[usize::from(b)] == ALNUM, "byte {b:#x} at {at}");
                assert_eq!(
                    mask.count_ones(),
                    7 + u32::from(alnum),
                    "byte {b:#x} at {at}"
                );
            }
        }
    }

    /// Every byte value, at every place of the sixteen, as the class table tells it.
    #[test]
    fn first_non_alnum16_agrees_with_the_class_table() {
        for b in 0..=255u8 {
            for at in 0..16 {
                let mut chunk = *b"abcdefghijKLMN09";
                chunk[at] = b;
                let expected = if CLASS[usize::from(b)] == ALNUM {
                    16
                } else {
                    at
                };
                assert_eq!(first_non_alnum16(chunk), expected, "byte {b:#x} at {at}");
            }
        }
    }

    /// At every place and with every limit, the text followed by more letters then [`PAD`].
    #[test]
    fn alnum_end_stops_at_the_first_other_byte() {
        let text = "Kaspersky2017 Lab's x-ray \u{e9}t\u{e9} abcdefghijklmnopqrstuvwxyz0123456789";
        let low = format!("{text}more{PAD}");
        for lim in 0..=text.len() {
            for from in 0..=lim {
                let expected = text.as_bytes()[from..lim]
                    .iter()
                    .position(|&y| CLASS[usize::from(y)] != ALNUM)
                    .map_or(lim, |i| from + i);
                let low = &low.as_bytes()[..lim + PAD.len()];
                assert_eq!(alnum_end(low, from, lim), expected, "{from} {lim}");
            }
        }
    }
}
