//! Quotation detection and speaker attribution, rules only.
//!
//! Per paragraph: quote marks are paired into spans ([`marks`]), the paragraph is tokenised with each
//! span as one token and split into sentences ([`text`]); speech cues (verbs, "according to", colons)
//! are found outside quotes and attach quotes or reported clauses to a subject phrase; subject phrases
//! are resolved to canonical names across the article ([`names`]).

mod lex;
mod marks;
mod names;
mod text;

use lex::{CueClass, Lang, OrgKind};
use names::{Entity, Index, Kind, Pos};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;
use text::{Para, TK};

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// Quoted words (direct) or the reported clause, without the quote marks.
    pub text: String,
    /// Canonical speaker name, None when the text does not say.
    pub speaker: Option<String>,
    /// The cue: "said", "according to", "told reporters", "statement", ":" ...
    pub cue: Option<String>,
    pub kind: QuoteKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Reported,
    According,
}

/// How the speaker of a raw quote is found.
#[derive(Debug, Clone)]
enum Subj {
    /// token range of the subject phrase in the paragraph
    Phrase(usize, usize),
    /// a name given directly (transcript style)
    Name(String),
    /// same speaker as the quote before (or the attribution nearby)
    Carry,
    /// continuation of the previous paragraph's open quotation
    Cont,
    /// explicitly unknown ("hieß es")
    Unknown,
    /// the answer in a Q/A interview: the person interviewed
    Interviewee,
}

#[derive(Debug, Clone)]
struct Raw {
    text: String,
    kind: QuoteKind,
    /// none in a bare attribution, whose cue no one reads
    cue: Option<String>,
    subj: Subj,
    /// position of the cue (or the quote)
    pos: usize,
    /// a bare attribution ("Rubio said.") that only lends its speaker
    attr_only: bool,
}

fn detect_lang(lang: Option<&str>, paras: &[&str]) -> Lang {
    match lang.map(|l| l.to_ascii_lowercase()) {
        Some(l) if l.starts_with("de") => return Lang::De,
        Some(l) if l.starts_with("fr") => return Lang::Fr,
        Some(l) if l.starts_with("ru") => return Lang::Ru,
        Some(l) if l.starts_with("en") => return Lang::En,
        _ => {}
    }
    let sample: String = paras.iter().take(6).copied().collect::<Vec<_>>().join(" ");
    let cyr = sample
        .chars()
        .filter(|c| ('\u{400}'..='\u{4ff}').contains(c))
        .count();
    if cyr * 3 > sample.len() / 2 {
        return Lang::Ru;
    }
    let lw = format!(" {} ", sample.to_lowercase());
    let count = |ws: &[&str]| ws.iter().map(|w| lw.matches(w).count()).sum::<usize>();
    let de = count(&[" der ", " die ", " und ", " nicht ", " ist ", " das "]);
    let fr = count(&[" le ", " les ", " et ", " est ", " une ", " des "]);
    let en = count(&[" the ", " and ", " is ", " of ", " to "]);
    if de > en && de > fr {
        Lang::De
    } else if fr > en && fr > de {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// Time words and adverbs [`skip_pp`] skips after a cue ("that" is none there).
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "recently",
    "previously",
    "also",
    "again",
    "repeatedly",
    "publicly",
    "privately",
    "then",
    "once",
    "separately",
    "flatly",
    "simply",
    "bluntly",
    "firmly",
    "quietly",
    "further",
    "too",
    "late",
    "early",
    "afterward",
    "afterwards",
    "subsequently",
    "last",
    "this",
    "that",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
];
const PREP_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "via",
    "through",
    "over",
    "after",
    "before",
    "with",
    "by",
    "to",
    "from",
    "for",
    "about",
    "under",
    "of",
    "as",
    "into",
    "against",
    "outside",
    "inside",
    "when",
    "while",
    "if",
    "because",
    "throughout",
    "amid",
    "despite",
    "across",
    "within",
    "among",
];
static PREPS: LazyLock<lex::FilteredSet> = LazyLock::new(|| lex::FilteredSet::new(PREP_WORDS));
static DETS: LazyLock<lex::FilteredSet> = LazyLock::new(|| {
    lex::FilteredSet::new(&[
        "the", "a", "an", "these", "those", "this", "his", "her", "its", "their", "our", "my",
        "your", "such", "any", "some", "no", "of", "and", "or", "to", "in", "on", "for", "with",
        "by", "whose", "other", "many", "new", "latest", "initial", "first", "earlier", "public",
        "own", "repeated",
    ])
});
static TITLE_CUES: LazyLock<lex::FilteredSet> = LazyLock::new(|| {
    lex::FilteredSet::new(&[
        "titled",
        "entitled",
        "called",
        "dubbed",
        "named",
        "headlined",
        "so-called",
        "term",
        "word",
        "words",
        "phrase",
        "slogan",
        "nicknamed",
        "known",
        "label",
        "labelled",
        "labeled",
        "branded",
        "reading",
        "read",
        "marked",
        "tagged",
        "codenamed",
        "code-named",
        "motto",
        "heading",
        "headline",
        "title",
        "banner",
        "sign",
        "hashtag",
        "genannte",
        "sogenannte",
        "sogenannten",
        "intitulé",
        "baptisé",
        "appelé",
        "под",
        "названием",
        "так",
    ])
});

fn is_pronoun(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => matches!(w, "he" | "she" | "it" | "they" | "i" | "we"),
        Lang::De => matches!(w, "er" | "sie" | "es" | "ich" | "wir"),
        Lang::Fr => matches!(w, "il" | "elle" | "ils" | "elles" | "je" | "nous" | "on"),
        Lang::Ru => matches!(w, "он" | "она" | "оно" | "они" | "я" | "мы"),
    }
}

fn complementizer(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => w == "that",
        // ("Stellungnahmen, wonach Kaspersky keine Verbindungen unterhält")
        Lang::De => w == "dass" || w == "daß" || w == "wonach",
        Lang::Fr => w == "que" || w.starts_with("qu'") || w.starts_with("qu’"),
        Lang::Ru => w == "что",
    }
}

/// "The Glass Perimeter": short and every content word capitalised.
fn is_title_case(s: &str) -> bool {
    let ws: Vec<&str> = s.split_whitespace().collect();
    !ws.is_empty()
        && ws.len() <= 8
        && ws
            .iter()
            .filter(|w| w.len() > 3)
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        && ws[0].chars().next().is_some_and(|c| c.is_uppercase())
}

/// `w.trim_end_matches("'s").trim_end_matches("’s")` with `strip_suffix`, which compares the
/// ends where `trim_end_matches` sets up a substring searcher for every word.
fn trim_possessive(mut w: &str) -> &str {
    while let Some(x) = w.strip_suffix("'s") {
        w = x;
    }
    while let Some(x) = w.strip_suffix("’s") {
        w = x;
    }
    w
}

/// Words of a direct quotation's text, counted up to `cap`: the callers compare the count with
/// small numbers, and a quotation can run for a hundred words.
fn word_count(s: &str, cap: usize) -> usize {
    // `s.split_whitespace().filter(|w| w.chars().any(text::is_alnum)).take(cap).count()` in
    // one pass over the bytes: a word counts at its first letter or digit. An ASCII byte is
    // classified by arithmetic, as a branch per character mispredicts at every word's edges;
    // other characters are decoded at their first byte, their other bytes are neither
    let bytes = s.as_bytes();
    let (mut n, mut inside) = (0, false);
    let mut i = 0;
    while i < bytes.len() && n < cap {
        let x = bytes[i];
        let (space, alnum) = if x.is_ascii() {
            (
                (x == b' ') | (x.wrapping_sub(b'\t') < 5),
                ((x | 0x20).wrapping_sub(b'a') < 26) | (x.wrapping_sub(b'0') < 10),
            )
        } else {
            non_ascii_class(s, i)
        };
        n += usize::from(alnum & !inside);
        inside = (inside | alnum) & !space;
        i += 1;
    }
    n
}

/// Whether the character of `s` at byte `i` (not ASCII) is white space and whether it is a
/// letter or digit, for [`word_count`]: neither at a byte inside a character.
fn non_ascii_class(s: &str, i: usize) -> (bool, bool) {
    match s.get(i..).and_then(|r| r.chars().next()) {
        Some(c) => (c.is_whitespace(), text::is_alnum(c)),
        None => (false, false),
    }
}

/// Buffers [`analyse`] keeps from paragraph to paragraph.
struct Scratch {
    /// the sentences, and the token of each quoted span of the article (a paragraph's, and one
    /// more, written by [`Para::sentences`] before they are read)
    sents: Vec<text::Sentence>,
    span_toks: Vec<usize>,
    /// whether each quoted span of the article is attributed yet: a paragraph's are its own,
    /// false until it is read, and need no clearing
    used: Vec<bool>,
    /// the raw quotes found, which [`find_quotes`] reads after
    raws: Vec<Raw>,
    /// the tokens of the whole article that may start a cue, a bit each: see [`cue_bits`]
    cue_bits: Vec<u64>,
}

impl Scratch {
    /// Buffers for the paragraphs of `bufs` (all of an article's) in `lang`, whose cue bits are
    /// set here at once: one pass with one end, where a pass per paragraph mispredicts at each
    /// paragraph's.
    fn new(bufs: &text::ParaBufs, lang: Lang) -> Scratch {
        let toks = bufs.toks();
        let mut bits = Vec::with_capacity(toks.len() / 64 + 2);
        cue_bits(toks, lex::cue_filter_of(lang), lang == Lang::Fr, &mut bits);
        // a word after the last, read with it by `next_bit`
        bits.push(0);
        Scratch {
            sents: Vec::new(),
            span_toks: vec![0; bufs.span_count() + 1],
            used: vec![false; bufs.span_count()],
            raws: Vec::new(),
            cue_bits: bits,
        }
    }
}

/// Sets in `bits` the bit of each token of `toks` that may start a cue by `cues`, token `i` at
/// bit `i % 64` of word `i / 64` (and in French each word with a hyphen, which may part an
/// inverted pronoun from the cue): in one pass with no branch per token, where a scan for the
/// next one mispredicts at each. A token that is no word has digest 0, whose bit no cue
/// filter sets (a test holds them to it), and only a word has a hyphen: no need to ask a
/// token's kind.
fn cue_bits(toks: &[text::Tok], cues: &lex::CueFilter, fr: bool, bits: &mut Vec<u64>) {
    if fr {
        bits_of(toks, bits, |t| cues.bit(t.digest) | u64::from(t.hyphen));
    } else {
        bits_of(toks, bits, |t| cues.bit(t.digest));
    }
}

/// Pushes to `bits` the bits `bit` of `toks`, 64 to a word: whole words 8 tokens at a time,
/// by loops of fixed length the compiler unrolls (no test per token), then the rest.
#[inline]
fn bits_of(toks: &[text::Tok], bits: &mut Vec<u64>, bit: impl Fn(&text::Tok) -> u64) {
    let word = |chunk: &[text::Tok]| {
        chunk
            .iter()
            .enumerate()
            .fold(0, |m, (k, t)| m | bit(t) << k)
    };
    let mut chunks = toks.chunks_exact(64);
    for chunk in &mut chunks {
        bits.push(chunk.chunks_exact(8).enumerate().fold(0, |m, (j, c)| {
            let c: &[text::Tok; 8] = c.try_into().unwrap();
            m | word(c) << (8 * j)
        }));
    }
    bits.push(word(chunks.remainder()));
}

/// The first token of `from..end` whose bit is set in `bits` (of [`cue_bits`]), counting tokens
/// from `base`: the 64 bits from `from` on are read at once, from two words, and those from
/// `end` on cleared, so that a sentence of fewer tokens is searched with one test (a search of
/// the next bit set anywhere, then a test of where it is, mispredicted at both).
#[inline]
fn next_bit(bits: &[u64], base: usize, mut from: usize, end: usize) -> Option<usize> {
    while from < end {
        let g = base + from;
        let two = u128::from(bits[g / 64 + 1]) << 64 | u128::from(bits[g / 64]);
        let m = (two >> (g % 64)) as u64 & u64::MAX >> (64 - (end - from).min(64));
        if m != 0 {
            return Some(from + m.trailing_zeros() as usize);
        }
        from += 64;
    }
    None
}

/// The quoted spans of `sent` whose tokens (`span_toks`, of [`Para::sentences`]) are among
/// tokens `a..b`, which are among its own ([`text::count_below`]).
fn spans_within(span_toks: &[usize], sent: &text::Sentence, a: usize, b: usize) -> Range<usize> {
    let within = text::count_below(&span_toks[sent.spans.clone()], |&t| t, a, b);
    sent.spans.start + within.start..sent.spans.start + within.end
}

/// Analyse one paragraph into raw quotes (speakers unresolved), in `scratch.raws`.
fn analyse(para: &Para, lang: Lang, prev_open: bool, scratch: &mut Scratch) {
    let p = para.p;
    let toks = &para.toks;
    let spans = &para.spans;
    let Scratch {
        sents,
        span_toks,
        used,
        raws,
        cue_bits: bits,
    } = scratch;
    let (base, span_base) = para.article_offsets();
    let used = &mut used[span_base..span_base + spans.len()];
    let span_toks = &mut span_toks[span_base..=span_base + spans.len()];
    raws.clear();
    // (a paragraph returned from before its sentences are read leaves none of another's)
    sents.clear();

    // transcript style: "SMITH: ..." / "Q: ..."
    if let Some(r) = transcript(para) {
        raws.push(r);
        return;
    }

    let en = lang == Lang::En;
    // without a quoted span only a cue yields a quote: a paragraph with no word that may start
    // one needs no sentences, and the words before the first are no cues
    let first = if spans.is_empty() {
        let mut from = 0;
        loop {
            let Some(c) = next_bit(bits, base, from, toks.len()) else {
                return;
            };
            if may_start_cue(para, lang, c) {
                break c;
            }
            from = c + 1;
        }
    } else {
        0
    };
    para.sentences(sents, span_toks);
    // names in quote marks are no speech ("«Газпром» заявил", "тренер «Спартака» Игорь
    // Власов", "sagte der „Bild“:"): used up before any cue is read
    for (qi, u) in used.iter_mut().enumerate() {
        *u |= quoted_name_in_phrase(para, qi, span_toks[qi]);
    }
    for (si, sent) in sents.iter().enumerate().filter(|(_, s)| s.b > first) {
        let (a, b) = (sent.a, sent.b);
        let mut covered = a; // tokens before this belong to an earlier reported clause
        let mut bare: Option<(usize, usize, Cow<str>, usize)> = None; // subject range, cue, pos
        let mut i = a.max(first);
        while i < b {
            // the next word from `covered` on that may start a cue
            match next_bit(bits, base, i.max(covered), b) {
                Some(c) => i = c,
                None => break,
            }
            // the candidate's lower case, as bytes
            let lw = para.lb(i);
            // a capitalised English word is a cue only as "According to" (below): no look-up
            // ("according" and "pointed" are told by their digests first, here and below)
            if en && para.is_cap(i) && (toks[i].digest != ACCORDING_DIGEST || lw != b"according") {
                i += 1;
                continue;
            }
            // multi-word according cues
            let mut class = if en {
                // the word passed the filter just now
                lex::listed_cue_class(lang, lw)
            } else {
                lex::cue_class_of(lang, lw)
            };
            let mut cue_end = i + 1; // first token after the cue words
            let mut cue_start = i; // its first token: before the cue for "как заявил"
            let mut ru_poss: Option<usize> = None; // "по его словам": the pronoun token
            match lang {
                Lang::En => {
                    if toks[i].digest == ACCORDING_DIGEST
                        && lw == b"according"
                        && para.is_w(i + 1)
                        && para.lb(i + 1) == b"to"
                    {
                        class = Some(CueClass::According);
                        cue_end = i + 2;
                    } else if para.is_cap(i) {
                        class = None;
                    } else if toks[i].digest == POINTED_DIGEST
                        && lw == b"pointed"
                        && para.is_w(i + 1)
                        && para.lb(i + 1) == b"out"
                    {
                        class = Some(CueClass::That);
                        cue_end = i + 2;
                    }
                }
                Lang::Ru => {
                    // "по словам X", "по его словам" (the possessive pronoun is the speaker)
                    let poss =
                        para.is_w(i + 1) && matches!(para.lw(i + 1), "его" | "её" | "ее" | "их");
                    let noun = i + 1 + usize::from(poss);
                    if lw == "по".as_bytes()
                        && para.is_w(noun)
                        && matches!(para.lw(noun), "словам" | "данным" | "мнению" | "информации")
                    {
                        class = Some(CueClass::According);
                        cue_end = noun + 1;
                        if poss {
                            ru_poss = Some(i + 1);
                        }
                    }
                    // "Как заявило ведомство, …" ("as the agency said"), opening a sentence or
                    // a clause after a quote: an according cue
                    if class.is_some()
                        && i > a
                        && para.is_w(i - 1)
                        && para.lb(i - 1) == "как".as_bytes()
                        && toks[covered.max(a)..i - 1]
                            .iter()
                            .all(|t| !t.is_word() && t.quote().is_none())
                    {
                        class = Some(CueClass::According);
                        cue_start = i - 1;
                    }
                }
                Lang::Fr => {
                    if lw == "d'après".as_bytes() || lw == "d’après".as_bytes() {
                        class = Some(CueClass::According);
                    }
                    // "a fait savoir que …"
                    if lw == b"fait" && para.is_w(i + 1) && para.lb(i + 1) == b"savoir" {
                        class = Some(CueClass::That);
                        cue_end = i + 2;
                    }
                    if lw == b"dit"
                        && i > a
                        && para.is_w(i - 1)
                        && matches!(para.lb(i - 1), b"on" | b"se")
                    {
                        class = None;
                    }
                }
                Lang::De => {
                    if lw == b"nach" && para.is_w(i + 1) && para.lb(i + 1) == b"angaben" {
                        class = Some(CueClass::According);
                        cue_end = i + 2;
                        if para.is_w(cue_end)
                            && matches!(para.lb(cue_end), b"von" | b"des" | b"der")
                        {
                            cue_end += 1;
                        }
                    }
                    // a separable verb's particle before a comma or "dass" is the cue's:
                    // "räumte ein, die Mannschaft habe …", "teilte mit, dass …", "kündigte
                    // an, …"; "kündigte", "gab" are cues with it only
                    let particle = para.is_w(i + 1)
                        && matches!(
                            para.lb(i + 1),
                            b"an" | b"ein" | b"zu" | b"hinzu" | b"fest" | b"mit"
                        )
                        && toks
                            .get(i + 2)
                            .is_some_and(|t| t.is_punct(',') || para.lb(i + 2) == b"dass");
                    // (or after the subject pronoun: "räumte er ein: …", "gab sie zu, …")
                    let particle_after_pronoun = para.is_w(i + 1)
                        && matches!(para.lb(i + 1), b"er" | b"sie")
                        && de_particle_at(para, i + 2).is_some();
                    if particle {
                        cue_end = i + 2;
                    } else if !particle_after_pronoun
                        && (matches!(lw, b"gab" | b"gibt") || lw.starts_with("kündigt".as_bytes()))
                    {
                        class = None;
                    }
                    if lw == b"so" {
                        // ", so Müller." only
                        let after_comma = i > a && toks[i - 1].is_punct(',');
                        let name_next = para.is_w(i + 1) && para.is_cap(i + 1);
                        if !(after_comma && name_next) {
                            class = None;
                        }
                    }
                }
            }
            // a negated verb reports no speech: "он не жалуется", "не сообщили"
            if lang == Lang::Ru && i > a && para.is_w(i - 1) && para.lb(i - 1) == "не".as_bytes()
            {
                class = None;
            }
            let Some(class) = class else {
                i += 1;
                continue;
            };
            // French inverted pronoun: "affirme-t-il"
            let fr_pron = lang == Lang::Fr
                && (lw.ends_with(b"-il") || lw.ends_with(b"-elle") || lw.ends_with(b"-ils"));
            let cue_text = cue_words(para, i, cue_end);

            // what precedes the cue
            let mut k = i;
            if lang == Lang::Fr
                && k > a
                && para.is_w(k - 1)
                && matches!(
                    para.lb(k - 1),
                    b"a" | b"ont"
                        | b"avait"
                        | b"avaient"
                        // reflexive: "« … », s'est indigné le maire"
                        | b"s'est"
                        | b"s\xe2\x80\x99est"
                        | b"s'\xc3\xa9tait"
                        | b"s\xe2\x80\x99\xc3\xa9tait"
                )
            {
                k -= 1;
            } else if lang == Lang::Fr
                && k > a + 1
                && para.is_w(k - 1)
                && para.is_w(k - 2)
                && para.lb(k - 1) == b"sont"
                && para.lb(k - 2) == b"se"
            {
                k -= 2;
            }
            // the verb's first token, its French auxiliary's ("…, a indiqué le procureur")
            let verb_start = k;
            while k > a
                && matches!(
                    toks[k - 1].kind,
                    TK::Punct(',') | TK::Punct('—') | TK::Punct('–') | TK::Punct('-')
                )
            {
                k -= 1;
            }
            let quote_before = k > a && toks[k - 1].quote().is_some_and(|q| !used[q]);
            // English inverted after a reported clause: "Computers have seen impacts, too, said
            // Mary E. Lovely, an economist."
            // (the cue after a comma that ends a clause: "Das sei falsch, sagte Müller.")
            let after_clause = k > a
                && k < verb_start
                && toks[verb_start - 1].is_punct(',')
                && toks[k - 1].is_word();
            let en_inverted = lang == Lang::En
                && matches!(lw, b"said" | b"says")
                && after_clause
                && inverted_name_at(para, cue_end, b);
            // Russian "Об этом сообщили в пресс-службе МВД": the words before the cue point back
            // to what was said, the subject follows
            let ru_fronted = lang == Lang::Ru && ru_fronted_object(para, covered.max(a), k);
            let inverted = class != CueClass::According
                && (en_inverted
                    || ru_fronted
                    || class == CueClass::So
                    || fr_pron
                    || (quote_before && k < i)
                    || (quote_before && lang != Lang::En)
                    || (quote_before && k == i)
                    // German / French / Russian verb-second: "Das sei falsch, sagte Müller." / "..., estime Marie Dupont."
                    || (lang != Lang::En && after_clause && verb_second_subject(para, lang, covered.max(a), k, cue_end)));
            if inverted {
                // subject after the cue: up to the next quote (over quoted names: "сказал
                // тренер «Спартака» Игорь Власов") or the sentence end
                let mut e = cue_end;
                while e < b
                    && toks[e]
                        .quote()
                        .is_none_or(|qi| quoted_name_in_phrase(para, qi, e))
                {
                    e += 1;
                }
                let subj = if fr_pron {
                    Subj::Phrase(i, i + 1)
                } else {
                    Subj::Phrase(cue_end, e)
                };
                // attach unused quotes before the cue in this sentence
                let mut any = false;
                for (q, tok) in toks.iter().enumerate().take(i).skip(a) {
                    if let Some(qi) = tok.quote() {
                        if !used[qi] && q >= covered {
                            used[qi] = true;
                            any = true;
                            raws.push(direct(p, &spans[qi], subj.clone(), &cue_text, q));
                        }
                    }
                }
                // "«…». Об этом сообщили в МВД." / "Уровень воды превысил норму. Об этом сообщил
                // глава района.": what was said is the sentence before
                if ru_fronted && !any && !(e < b && toks[e].quote().is_some()) {
                    if let Some(prev) = si.checked_sub(1).map(|s| &sents[s]) {
                        any = ru_said_before(para, prev.a, prev.b, used, raws, &subj, &cue_text);
                    }
                }
                // and a quote continuing after the attribution: "A," she said, "B."
                if e < b {
                    if let Some(qi) = toks[e].quote() {
                        if !used[qi] {
                            used[qi] = true;
                            raws.push(direct(p, &spans[qi], subj.clone(), &cue_text, e));
                        }
                    }
                }
                if !any
                    && !ru_fronted
                    && (lang != Lang::En || en_inverted)
                    && k > a
                    && toks[k - 1].is_word()
                {
                    // "Das sei falsch, sagte Müller." (after a wire dateline: "MÜNCHEN (dpa)
                    // - Die Polizei hat …, sagte ein Sprecher.")
                    let from = after_dateline(para, covered.max(a), k);
                    let t0 = toks[from].start;
                    let t1 = toks[k - 1].end;
                    // (nothing when the quotes already used reach past the cue's subject)
                    let txt = p.get(t0..t1).unwrap_or_default().trim().to_string();
                    if word_count(&txt, 3) >= 3 {
                        raws.push(clause(
                            txt,
                            QuoteKind::Reported,
                            cue_text.to_string(),
                            subj.clone(),
                            toks[i].start,
                        ));
                    }
                }
                covered = e.max(i + 1);
                i = covered;
                continue;
            }

            if class == CueClass::According {
                // subject: after the cue up to a comma / end (over a quoted name in Russian
                // and French: "Как сообщила газета «Ведомости», …")
                let mut e = cue_end;
                while e < b
                    && match toks[e].kind {
                        TK::Punct(',' | '.' | ';' | ':') => false,
                        TK::Quote(qi) => {
                            names::quotes_names(lang)
                                && names::name_like_span(para, &spans[qi as usize])
                                && toks.get(e + 1).is_some_and(|t| !t.is_punct(':'))
                        }
                        _ => true,
                    }
                {
                    e += 1;
                }
                // "Laut Bloomberg Businessweek beschreiben die Mails ...", "Nach Angaben der Stadt
                // Leipzig nutzen …": no comma, the name ends at the verb
                if lang == Lang::De && (lw == b"laut" || lw == b"nach") {
                    let mut t = cue_end;
                    while t < e
                        && para.is_w(t)
                        && (para.is_cap(t)
                            || matches!(
                                para.lw(t),
                                "des" | "der" | "dem" | "den" | "einem" | "einer" | "eines"
                            ))
                    {
                        t += 1;
                    }
                    if t > cue_end && t < e && para.is_w(t) {
                        e = t;
                    }
                }
                // "According to Martin Lindqvist, a former procurement official, buyers …": the
                // apposition belongs to the subject, not to what was said
                if let Some(c) = according_apposition_end(para, lang, cue_end, e, b) {
                    e = c;
                }
                let subj = match ru_poss {
                    Some(t) => Subj::Phrase(t, t + 1),
                    None => Subj::Phrase(cue_end, e),
                };
                let at_start = toks[covered.max(a)..cue_start]
                    .iter()
                    .all(|t| !t.is_word() && t.quote().is_none())
                    || (i > a
                        && (a..i).all(|t| {
                            para.is_w(t)
                                && matches!(
                                    para.lw(t),
                                    "but" | "and" | "yet" | "still" | "however" | "also"
                                )
                        }));
                let kind = QuoteKind::According;
                if at_start {
                    let mut s = e;
                    while s < b && matches!(toks[s].kind, TK::Punct(',') | TK::Punct(':')) {
                        s += 1;
                    }
                    if s < b {
                        if let Some(qi) = toks[s].quote() {
                            used[qi] = true;
                            raws.push(direct(p, &spans[qi], subj, &cue_text, s));
                        } else {
                            let txt = clause_text(para, s, b, used);
                            if !txt.is_empty() {
                                raws.push(clause(txt, kind, cue_text, subj, toks[i].start));
                            }
                        }
                    }
                    covered = b;
                } else {
                    // clause before: from the sentence start (or last quote) to the cue
                    let mut s0 = covered.max(a);
                    let qs: Vec<usize> = (s0..i)
                        .filter(|&q| toks[q].quote().is_some_and(|qi| !used[qi]))
                        .collect();
                    if let Some(&q) = qs.last() {
                        let qi = toks[q].quote().unwrap();
                        if (q + 1..i).all(|t| !toks[t].is_word()) {
                            used[qi] = true;
                            raws.push(direct(p, &spans[qi], subj, &cue_text, q));
                            covered = e;
                            i = e;
                            continue;
                        }
                    }
                    while s0 < i && !toks[s0].is_word() && toks[s0].quote().is_none() {
                        s0 += 1;
                    }
                    let mut s1 = cue_start;
                    while s1 > s0 && matches!(toks[s1 - 1].kind, TK::Punct(_)) {
                        s1 -= 1;
                    }
                    if s1 > s0 {
                        // mid-sentence "according to X," : keep the whole sentence
                        let end = if e < b { b } else { s1 };
                        let mut txt = clause_text(para, s0, s1, used);
                        if end == b && e < b {
                            let rest = clause_text(para, e, b, used);
                            if !rest.is_empty() {
                                txt.push_str(", ");
                                txt.push_str(&rest);
                            }
                        }
                        raws.push(clause(txt, kind, cue_text, subj, toks[i].start));
                    }
                    covered = b;
                }
                i = covered;
                continue;
            }
            if class == CueClass::Zufolge {
                i += 1;
                continue;
            }

            // normal order: subject before the cue
            let mut s0 = covered.max(a);
            // after the last quote before the cue: found from the spans' tokens, where a scan of
            // the tokens back from the cue tests each
            for qi in spans_within(span_toks, sent, s0, i).rev() {
                let q = span_toks[qi];
                // a title inside the subject phrase ("Owen Stroud, in “The Glass Perimeter,” argues")
                let title = q > s0
                    && para.is_w(q - 1)
                    && (matches!(para.lb(q - 1), b"in" | b"of" | b"from")
                        || TITLE_CUES.contains_lower(toks[q - 1].digest, para.lb(q - 1)))
                    && is_title_case(&p[spans[qi].start..spans[qi].end]);
                if title || quoted_name_in_phrase(para, qi, q) {
                    continue;
                }
                s0 = q + 1;
                break;
            }
            // the word right before the cue must not be a determiner / preposition (noun use)
            // (a quoted name is a word of the subject: "«Газпром» заявил")
            let mut lastw = i;
            while lastw > s0
                && !toks[lastw - 1].is_word()
                && toks[lastw - 1]
                    .quote()
                    .is_none_or(|qi| !quoted_name_in_phrase(para, qi, lastw - 1))
            {
                lastw -= 1;
            }
            let participle = i > a
                && toks[i - 1].is_punct(',')
                && match lang {
                    Lang::En => lw.ends_with(b"ing"),
                    Lang::Fr => lw.ends_with(b"ant"),
                    _ => false,
                }
                && raws.iter().any(|r| r.pos < toks[i].start);
            if lastw == s0 && !participle {
                i += 1;
                continue;
            }
            // its lower case as bytes, with its digest: no test of character boundaries
            let (before, before_d) = match lastw.checked_sub(1) {
                Some(x) => (para.lb(x), toks[x].digest),
                None => (&b""[..], 0),
            };
            // (a verb's past after "and" is a second verb of the subject's, no noun: "The
            // company denied the claims and said that …")
            if (DETS.contains_lower(before_d, before)
                && !(lang == Lang::Fr && matches!(before, b"a" | b"ont"))
                && !(before == b"and" && (lw == b"said" || lw == b"told" || lw.ends_with(b"ed"))))
                || (lang == Lang::En
                    && class == CueClass::That
                    && !matches!(
                        i.checked_sub(1).map(|x| toks[x].kind),
                        Some(TK::Word) | Some(TK::Punct(','))
                    ))
            {
                i += 1;
                continue;
            }
            // English plural noun, not a verb: "on treason charges that ...", "in news reports that ..."
            if lang == Lang::En
                && class == CueClass::That
                && lw.ends_with(b"s")
                && lastw >= s0 + 2
                && para.is_w(lastw - 2)
            {
                let b2 = para.lb(lastw - 2);
                if PREPS.contains_lower(toks[lastw - 2].digest, b2) && b2 != b"of" {
                    i += 1;
                    continue;
                }
            }
            // base form after "a/an X": a noun ("a newspaper report that ...")
            if lang == Lang::En
                && class == CueClass::That
                && !lw.ends_with(b"s")
                && !lw.ends_with(b"ed")
                && !lw.ends_with(b"ing")
                && lastw >= s0 + 2
                && para.is_w(lastw - 2)
                && matches!(para.lb(lastw - 2), b"a" | b"an")
            {
                i += 1;
                continue;
            }
            // English "passive / infinitive" uses: "is said to", "was told", "to say"
            // (the words before by their digests first: few cues follow one, and a comparison
            // with each word mispredicted at most)
            if lang == Lang::En {
                if EN_AUX_BEFORE.contains_lower(before_d, before)
                    && !(para.is_w(cue_end) && complementizer_at(para, lang, cue_end))
                {
                    // "would not say", "declined to say", "was told" – not a speech act here
                    if !matches!(before, b"would" | b"will" | b"could") {
                        i += 1;
                        continue;
                    }
                }
                // "unless told otherwise", "when asked", "has been asked that question"
                if EN_WHEN_BEFORE.contains_lower(before_d, before)
                    && (lw.ends_with(b"ed") || lw == b"told" || lw == b"said")
                {
                    i += 1;
                    continue;
                }
                if toks.get(cue_end).is_some_and(|t| t.digest == TO_DIGEST)
                    && para.is_w(cue_end)
                    && para.lb(cue_end) == b"to"
                    && lw == b"said"
                {
                    i += 1;
                    continue;
                }
            }
            // German verb-second after an adverbial, the subject after the verb: "Zugleich räumte
            // er ein: …", "Am Montag sagte der Minister, …"
            let de_subject = if lang == Lang::De && de_fronted_adverbial(para, s0, i) {
                de_subject_after(para, cue_end, b)
            } else {
                None
            };
            // where what was said is read from: after the cue, or after a subject that follows it
            let clause_from = de_subject.map_or(cue_end, |(_, _, j)| j);
            let subj_rng = (s0, i);
            // participial cue after a comma ("..., it said, adding that ..."): the same speaker as before
            let subj = if participle {
                Subj::Carry
            } else if let Some((s, e, _)) = de_subject {
                Subj::Phrase(s, e)
            } else {
                Subj::Phrase(s0, i)
            };
            // quote right before the subject: "...," Rubio said
            if s0 > a {
                if let Some(qi) = toks[s0 - 1].quote() {
                    let sp = &spans[qi];
                    let ends = p[sp.start..sp.end]
                        .trim_end()
                        .ends_with([',', '.', '!', '?', '…', ';', '—', '-'])
                        || toks.get(s0).is_some_and(|t| {
                            matches!(t.kind, TK::Punct(',') | TK::Punct('—') | TK::Punct('–'))
                        });
                    // a one-word scare quote inside a phrase ("une directive dite « contraignante »,") is no utterance
                    let scare = s0 >= 2
                        && para.is_w(s0 - 2)
                        && word_count(&p[sp.start..sp.end], 2) <= 1
                        && !p[sp.start..sp.end].ends_with([',', '.', '!', '?', '…']);
                    // the subject's words are counted only here, for a rare case
                    let subj_words = || (s0..i).filter(|&t| toks[t].is_word()).count();
                    if !used[qi] && ends && !scare && subj_words() <= 14 {
                        used[qi] = true;
                        raws.push(direct(p, &spans[qi], subj.clone(), &cue_text, s0 - 1));
                    }
                }
            }
            // after the cue
            let mut j = clause_from;
            // the cue with its addressee ("told reporters"), copied only when that is longer (a
            // clone of the cue's text borrows the paragraph as the cue does)
            let mut cue_full = cue_text.clone();
            if lang == Lang::En
                && matches!(
                    lw,
                    b"told"
                        | b"tell"
                        | b"tells"
                        | b"telling"
                        | b"informed"
                        | b"assured"
                        | b"reminded"
                        | b"warned"
                        | b"urged"
                )
            {
                let j0 = j;
                j = skip_addressee(para, j, b);
                // (the clause's subject, when a verb follows: "warned the cuts would hurt";
                // after an object pronoun: "telling me I would love it")
                if j > j0 && !zero_that_clause(para, j, b) {
                    let object = para.is_w(j0)
                        && matches!(para.lb(j0), b"me" | b"us" | b"him" | b"them" | b"you");
                    let from = j0 + usize::from(object);
                    if zero_that_clause(para, from, b) {
                        j = from;
                    }
                }
                if lw.starts_with(b"t") && j > j0 {
                    let addressee = p[toks[j0].start..toks[j - 1].end].trim();
                    cue_full = [&*cue_text, addressee].join(" ").into();
                }
            }
            j = skip_pp(para, j, b, lang);
            // "repeated its position that ...", "reiterated its view that ..." (told first by the
            // digest of "that", few words two after a cue's)
            if lang == Lang::En
                && toks.get(j + 2).is_some_and(|t| t.digest == THAT_DIGEST)
                && para.is_w(j)
                && matches!(para.lb(j), b"its" | b"his" | b"her" | b"their" | b"the")
                && para.is_w(j + 1)
                && matches!(
                    para.lw(j + 1),
                    "position"
                        | "view"
                        | "claim"
                        | "assertion"
                        | "stance"
                        | "argument"
                        | "belief"
                        | "contention"
                        | "line"
                )
                && para.is_w(j + 2)
                && para.lb(j + 2) == b"that"
            {
                j += 2;
            }
            let mut done = false;
            // direct quote after the cue
            let mut q = j;
            while q < b
                && matches!(
                    toks[q].kind,
                    TK::Punct(',') | TK::Punct(':') | TK::Punct('—') | TK::Punct('–')
                )
            {
                q += 1;
            }
            if q < b && q - j <= 1 {
                if let Some(qi) = toks[q].quote() {
                    if !used[qi] {
                        let colon = toks[j..q].iter().any(|t| t.is_punct(':'));
                        used[qi] = true;
                        let cue_s = if colon && cue_full.is_empty() {
                            ":"
                        } else {
                            &cue_full
                        };
                        raws.push(direct(p, &spans[qi], subj.clone(), cue_s, q));
                        // further quotes joined by "and" / commas
                        let mut r = q + 1;
                        while r + 1 < b
                            && (toks[r].is_punct(',') || (para.is_w(r) && para.lb(r) == b"and"))
                        {
                            if let Some(qj) = toks[r + 1].quote() {
                                used[qj] = true;
                                raws.push(direct(p, &spans[qj], subj.clone(), cue_s, r + 1));
                                r += 2;
                            } else {
                                break;
                            }
                        }
                        covered = r;
                        done = true;
                    }
                }
            }
            if !done {
                // clause after the cue
                let mut c = j;
                let mut comp = false;
                if c < b && toks[c].is_punct(',') && lang != Lang::En {
                    c += 1;
                }
                if c < b && toks[c].is_punct(':') {
                    c += 1;
                    comp = true;
                }
                if para.is_w(c) && complementizer_at(para, lang, c) {
                    c += 1;
                    comp = true;
                }
                if lang == Lang::Fr && c > 0 && para.is_w(c - 1) {
                    // "qu'il" token: text starts inside the token; keep the token
                    let l = para.lw(c - 1);
                    if l.starts_with("qu'") || l.starts_with("qu’") {
                        c -= 1;
                    }
                }
                // words and quotes: the tokens that are no punctuation, counted up to the 3 the
                // tests below ask about (a whole count is unrolled and mispredicts at its
                // remainder: two or three times a cue); the first four tokens without a branch
                // (those from `b` on read as the sentence's last and not counted), the rest only
                // after two marks among them, where a count a token mispredicted at its end
                let rest_word = |t: usize| {
                    usize::from((t < b) & !matches!(toks[t.min(b - 1)].kind, TK::Punct(_)))
                };
                let mut rest_words =
                    (rest_word(c) + rest_word(c + 1) + rest_word(c + 2) + rest_word(c + 3)).min(3);
                let mut t = c + 4;
                while (t < b) & (rest_words < 3) {
                    rest_words += usize::from(!matches!(toks[t].kind, TK::Punct(_)));
                    t += 1;
                }
                // the next word's lower case as bytes, with its digest
                let (first, first_d) = if para.is_w(c) {
                    (para.lb(c), toks[c].digest)
                } else {
                    (&b""[..], 0)
                };
                let gerund = lw.starts_with(b"den")
                    && first.ends_with(b"ing")
                    && !matches!(
                        first,
                        b"wrongdoing"
                            | b"anything"
                            | b"something"
                            | b"nothing"
                            | b"everything"
                            | b"funding"
                            | b"hearing"
                            | b"meeting"
                            | b"reporting"
                            | b"ruling"
                            | b"finding"
                            | b"spending"
                            | b"building"
                            | b"training"
                    );
                // "say what ...", "tells you what ...": an indirect question or an object, no reported claim
                let wh = lang == Lang::En
                    && !comp
                    && matches!(
                        first,
                        b"what"
                            | b"whether"
                            | b"how"
                            | b"why"
                            | b"who"
                            | b"where"
                            | b"which"
                            | b"when"
                            | b"you"
                            | b"me"
                            | b"us"
                            | b"them"
                            | b"him"
                    );
                // "that question," : a determiner, not a complementizer
                let det_that = lang == Lang::En
                    && comp
                    && c + 1 < b
                    && para.is_w(c)
                    && !toks[c + 1].is_word()
                    && para.w(c).chars().next().is_some_and(|ch| ch.is_lowercase());
                // "Doherty warned the cuts would hurt families": a clause without "that" after
                // any verb of speech, told by its verb
                // (a finite verb in the past or third person: "charging", "maintaining", "state"
                // are as often no verbs of speech)
                // (asked last: most cues are told without it)
                let zero_that = || {
                    lang == Lang::En
                        && !comp
                        && (lw.ends_with(b"ed") || lw.ends_with(b"s") || lw == b"said")
                        && zero_that_clause(para, c, b)
                };
                // "added Kaspersky to its list": "add" takes a clause only with "that" (or a pronoun subject)
                let add_obj = !comp
                    && ((lang == Lang::En && lw.starts_with(b"add"))
                        || (lang == Lang::Fr && lw.starts_with(b"ajout")))
                    && !matches!(first, b"he" | b"she" | b"it" | b"they" | b"we" | b"i")
                    && !zero_that();
                let clause_ok = if wh || det_that || add_obj {
                    false
                } else if comp || gerund {
                    rest_words >= 2
                } else if lang == Lang::En {
                    class == CueClass::Say
                        && rest_words >= 3
                        && para.is_w(c)
                        && !PREPS.contains_lower(first_d, first)
                        && !matches!(
                            first,
                            b"and"
                                | b"but"
                                | b"or"
                                | b"so"
                                | b"adding"
                                | b"saying"
                                | b"he"
                                | b"she"
                                | b"it"
                                | b"they"
                                // an object, unless a verb follows ("said nothing and left";
                                // "said nothing had changed" is a clause, told below)
                                | b"nothing"
                                | b"little"
                                | b"something"
                                | b"anything"
                        ) | (matches!(first, b"he" | b"she" | b"it" | b"they")
                            && rest_words >= 3
                            && class == CueClass::Say
                            && c == j)
                        || zero_that()
                } else {
                    // (a verb that also takes an object, after a comma only: "konterte, die
                    // Vorwürfe seien haltlos", not "a défendu le projet")
                    let bare_clause = class == CueClass::Say
                        || toks.get(clause_from).is_some_and(|t| t.is_punct(','));
                    rest_words >= 3
                        && (para.is_w(c) && bare_clause
                            || toks.get(c).is_some_and(|t| t.quote().is_some()))
                };
                // English clause-final attribution: "The plan is flawed, Rubio said."
                // ... or with a parenthetical attribution: "The project concerned X, the report said, and also involved Y."
                // (or a participle going on: "Costs rose, the cooperative said, adding that …")
                let paren = c < b
                    && toks[c].is_punct(',')
                    && para.is_w(c + 1)
                    && matches!(
                        para.lb(c + 1),
                        b"and" | b"but" | b"adding" | b"saying" | b"noting" | b"citing"
                    );
                if lang == Lang::En && !clause_ok && (rest_words == 0 || paren) {
                    // (after a wire dateline: "KYIV, Ukraine (AP) — …, officials said.")
                    let start = after_dateline(para, subj_rng.0, subj_rng.1);
                    let commas: Vec<usize> = (start..subj_rng.1)
                        .filter(|&t| toks[t].is_punct(','))
                        .collect();
                    if let Some(&lc) = commas.last() {
                        let first_chunk_words =
                            (start..commas[0]).filter(|&t| toks[t].is_word()).count();
                        let last_chunk_words =
                            (lc + 1..subj_rng.1).filter(|&t| toks[t].is_word()).count();
                        // (a name with its titles may be longer: "Bank of England Governor
                        // Arthur Kemble said")
                        let named = para.is_w(lc + 1) && para.is_cap(lc + 1);
                        if first_chunk_words >= 5
                            && (last_chunk_words <= 5 || named && last_chunk_words <= 8)
                            && !(start..commas[0]).any(|t| toks[t].quote().is_some())
                        {
                            // (a participle after it is a cue of its own, of the same speaker)
                            let going_on = paren && !matches!(para.lb(c + 1), b"and" | b"but");
                            let mut txt = clause_text(para, start, lc, used);
                            if paren && !going_on {
                                let rest = clause_text(para, c + 1, b, used);
                                txt.push_str(", ");
                                txt.push_str(&rest);
                            }
                            raws.push(clause(
                                txt,
                                QuoteKind::Reported,
                                cue_full.to_string(),
                                Subj::Phrase(lc + 1, i),
                                toks[i].start,
                            ));
                            let next = if going_on { c + 1 } else { b };
                            covered = next;
                            i = next;
                            continue;
                        }
                    }
                }
                if clause_ok && c < b {
                    // (up to a second speaker's attribution: "Aske said her budget was fair,
                    // and Rusk said his was better")
                    let end = match lang {
                        Lang::En => second_attribution(para, c, b).unwrap_or(b),
                        _ => b,
                    };
                    // a quote after a colon is one of its own: "Гарипов отмечает, что у
                    // пекарен есть преимущество: «Покупатель готов платить …»"
                    let colon_quote = (lang != Lang::En)
                        .then(|| {
                            (c + 1..end).find(|&t| {
                                toks[t].is_punct(':')
                                    && toks
                                        .get(t + 1)
                                        .and_then(|n| n.quote())
                                        .is_some_and(|qi| !used[qi])
                            })
                        })
                        .flatten();
                    let txt = clause_text(para, c, colon_quote.unwrap_or(end), used);
                    raws.push(clause(
                        txt,
                        QuoteKind::Reported,
                        cue_full.to_string(),
                        subj.clone(),
                        toks[i].start,
                    ));
                    covered = end;
                    if let Some(t) = colon_quote {
                        let q = t + 1;
                        if let Some(qi) = toks[q].quote() {
                            used[qi] = true;
                            raws.push(direct(p, &spans[qi], subj.clone(), &cue_text, q));
                            covered = q + 1;
                        }
                    }
                } else if class == CueClass::That && para.is_w(cue_end) && lang == Lang::En {
                    // "has advised several districts": a verb with an object, no speech attribution
                    i += 1;
                    continue;
                } else if lastw > s0 {
                    // a word before the cue (`lastw` is after the last one)
                    bare = Some((subj_rng.0, subj_rng.1, cue_full.clone(), toks[i].start));
                    raws.push(Raw {
                        text: String::new(),
                        kind: QuoteKind::Direct,
                        cue: None,
                        subj: subj.clone(),
                        pos: toks[i].start,
                        attr_only: true,
                    });
                    covered = i + 1;
                }
            }
            i = covered.max(i + 1);
        }

        // quotes of the sentence left over
        for qi in sent.spans.clone() {
            if used[qi] {
                continue;
            }
            let q = span_toks[qi];
            let s = &spans[qi];
            let content = &p[s.start..s.end];
            // continuation of a quotation left open in the previous paragraph
            if q == 0 && prev_open {
                used[qi] = true;
                raws.push(direct(p, s, Subj::Cont, "", q));
                continue;
            }
            if let Some((s0, s1, ref cue, _)) = bare {
                used[qi] = true;
                raws.push(direct(p, s, Subj::Phrase(s0, s1), cue, q));
                continue;
            }
            // colon introduction "Kaspersky's response: "...""
            let colon = q > a && toks[q - 1].is_punct(':');
            if colon && word_count(content, 3) >= 3 {
                let mut s0 = a;
                for t in (a..q - 1).rev() {
                    if toks[t].quote().is_some() {
                        s0 = t + 1;
                        break;
                    }
                }
                used[qi] = true;
                let has_stmt = (s0..q).any(|t| {
                    para.is_w(t) && matches!(para.lb(t), b"statement" | b"statements" | b"release")
                });
                // subject: a leading pronoun or a leading capitalised run ("She put it bluntly:")
                // (after a leading conjunction and article: "Mais le Pr Lucien Barre …:")
                let mut e0 = s0;
                while e0 < q - 1
                    && (!para.is_w(e0)
                        || LEAD_STRIP.contains_lower(toks[e0].digest, para.lb(e0))
                            && para.is_w(e0 + 1)
                        // (French only: "The New York Times" keeps its article)
                        || matches!(para.lw(e0), "le" | "la")
                            && para.is_w(e0 + 1)
                            && para.is_cap(e0 + 1))
                {
                    e0 += 1;
                }
                let mut e1 = e0;
                if e1 < q - 1 && is_pronoun(lang, para.lw(e1)) {
                    e1 += 1;
                } else {
                    while e1 < q - 1 && para.is_w(e1) && para.is_cap(e1) {
                        e1 += 1;
                    }
                    if e1 < q - 1
                        && para.is_w(e1)
                        && lex::cue_class(lang, para.lw(e1)).is_none()
                        && (e1 + 1..q - 1).any(|t| para.is_w(t))
                        && !has_stmt
                    {
                        // "Kaspersky's response:" keeps the whole phrase, and so does a
                        // person after a role ("Westmark captain Rhys Talbot:")
                        let person_after_role = (e1..q - 2).any(|t| {
                            para.is_w(t)
                                && lex::is_role_or_title(para.lw(t))
                                && para.is_w(t + 1)
                                && para.is_cap(t + 1)
                        });
                        if person_after_role {
                            e1 = q - 1;
                        } else if !(e0..e1)
                            .any(|t| para.w(t).ends_with("'s") || para.w(t).ends_with("’s"))
                        {
                            e1 = e1.max(e0);
                        }
                    }
                    if e1 == e0 {
                        e1 = q - 1;
                    }
                }
                raws.push(direct(
                    p,
                    s,
                    Subj::Phrase(e0, e1),
                    if has_stmt { "statement" } else { ":" },
                    q,
                ));
                continue;
            }
            // (or a sentence of a word or two after a quote of the paragraph: "“We believe in
            // this group,” Kelly Tran said. “Nothing changes.”")
            if speechlike(para, q, a, content)
                || raws
                    .iter()
                    .any(|r| r.kind == QuoteKind::Direct && !r.attr_only)
                    && short_sentence(para, q, a, content)
            {
                used[qi] = true;
                raws.push(direct(p, s, Subj::Carry, "", q));
            }
        }
    }
}

/// Whether quote `content` (token `q` of `para`, in the sentence from token `a`) is a sentence
/// of its own of one or two words: nothing before it in its sentence, a capital first, a full
/// stop, question or exclamation mark last ("Nothing changes.", "Never!").
fn short_sentence(para: &Para, q: usize, a: usize, content: &str) -> bool {
    let content = content.trim_end();
    !para.toks[a..q].iter().any(|t| t.is_word())
        && content.ends_with(['.', '!', '?'])
        && content.chars().next().is_some_and(char::is_uppercase)
        && (1..=2).contains(&word_count(content, 3))
}

/// The English words before a cue that make it no speech act but for a clause after it ("is
/// said to", "was told", "to say"; "would" "will" "could" turned away after), and those before
/// a participle or "told" / "said" ("unless told otherwise", "when asked"): see [`analyse`].
static EN_AUX_BEFORE: LazyLock<lex::FilteredSet> = LazyLock::new(|| {
    lex::FilteredSet::new(&[
        "is", "was", "were", "are", "be", "been", "being", "to", "would", "could", "should",
        "might", "will", "can", "must", "not", "did", "does", "do", "may",
    ])
});
static EN_WHEN_BEFORE: LazyLock<lex::FilteredSet> = LazyLock::new(|| {
    lex::FilteredSet::new(&[
        "unless", "if", "once", "until", "than", "when", "been", "being",
    ])
});
/// The digests of words [`analyse`] compares a token with, each told before its bytes.
const TO_DIGEST: u16 = lex::WordFilter::digest(b"to");
const THAT_DIGEST: u16 = lex::WordFilter::digest(b"that");
const ACCORDING_DIGEST: u16 = lex::WordFilter::digest(b"according");
const POINTED_DIGEST: u16 = lex::WordFilter::digest(b"pointed");

/// Whether word `i` of a paragraph in `lang` may start a cue for [`analyse`]: a listed cue word
/// or one of [`lex::cue_lead_words`]; in English capitalised only as "According".
fn may_start_cue(para: &Para, lang: Lang, i: usize) -> bool {
    let (lw, d) = (para.lb(i), para.toks[i].digest);
    if lang == Lang::En && para.is_cap(i) {
        return d == ACCORDING_DIGEST && lw == b"according";
    }
    // most words let through are listed: the lead words are compared only with the others
    lex::listed_cue_class(lang, lw).is_some()
        || lex::cue_lead_words(lang).iter().any(|w| w.as_bytes() == lw)
}

/// The auxiliaries [`cue_words`] takes into the cue, and their digests.
const AUX: [&[u8]; 6] = [b"a", b"ont", b"avait", b"has", b"had", b"have"];
const AUX_DIGESTS: [u16; 6] = {
    let mut d = [0; 6];
    let mut k = 0;
    while k < AUX.len() {
        d[k] = lex::WordFilter::digest(AUX[k]);
        k += 1;
    }
    d
};

/// The text of cue tokens `i..e`, after a French or English auxiliary ("a déclaré", "has
/// said"): borrowed from the paragraph when it is written there with one space. The paragraph
/// is sliced once, at the end: each slice of a str tests both ends for character boundaries.
fn cue_words<'p>(para: &'p Para, i: usize, e: usize) -> Cow<'p, str> {
    let (p, toks) = (para.p, &para.toks);
    let (mut start, end) = (toks[i].start, toks[e - 1].end);
    // the word before, an auxiliary by its digest (told without a branch) and then its bytes
    let before = toks[i.saturating_sub(1)];
    let d = before.digest;
    if (i > 0)
        & before.is_word()
        & AUX_DIGESTS.iter().fold(false, |m, &x| m | (x == d))
        & (before.end + 1 >= start)
        && AUX.contains(&para.lb(i - 1))
    {
        if &p.as_bytes()[before.end..start] != b" " {
            return Cow::Owned([para.w(i - 1), &p[start..end]].join(" "));
        }
        start = toks[i - 1].start;
    }
    Cow::Borrowed(&p[start..end])
}

/// A reported (or according-to) clause attributed at `pos`.
fn clause(text: String, kind: QuoteKind, cue: impl Into<String>, subj: Subj, pos: usize) -> Raw {
    Raw {
        text,
        kind,
        cue: Some(cue.into()),
        subj,
        pos,
        attr_only: false,
    }
}

fn direct(p: &str, s: &marks::Span, subj: Subj, cue: &str, _q: usize) -> Raw {
    Raw {
        text: p[s.start..s.end].trim().to_string(),
        kind: QuoteKind::Direct,
        cue: if cue.is_empty() {
            None
        } else {
            Some(cue.to_string())
        },
        subj,
        pos: s.open,
        attr_only: false,
    }
}

/// Text of tokens [a, b) with quote marks removed; quotes inside are absorbed.
fn clause_text(para: &Para, a: usize, b: usize, used: &mut [bool]) -> String {
    if a >= b {
        return String::new();
    }
    let mut last = para.toks[a].start;
    // French "qu'il …": the complementizer is elided into the clause's first word
    if para.is_w(a) {
        let w = para.w(a);
        if let Some(rest) = ["qu'", "qu’"]
            .iter()
            .find_map(|q| w.strip_prefix(q))
            .filter(|r| !r.is_empty())
        {
            last = para.toks[a].end - rest.len();
        }
    }
    let spans = para.spans_in(a, b);
    if spans.is_empty() {
        // one piece of the paragraph, trimmed as below before it is copied
        let s = &para.p[last..para.toks[b - 1].end];
        return s.trim().trim_end_matches(['.', ';']).trim().to_string();
    }
    let mut out = String::with_capacity(para.toks[b - 1].end.saturating_sub(last));
    for qi in spans {
        used[qi] = true;
        let s = para.spans[qi];
        out.push_str(&para.p[last..s.open]);
        out.push_str(&para.p[s.start..s.end]);
        last = s.close_end;
    }
    let mut end = para.toks[b - 1].end;
    if end < last {
        end = last;
    }
    out.push_str(&para.p[last..end]);
    // trimmed in place of a copy (white space, then trailing full stops and semicolons, then
    // white space again): what remains starts where the leading white space ends
    let lead = out.len() - out.trim_start().len();
    let len = out.trim().trim_end_matches(['.', ';']).trim().len();
    out.truncate(lead + len);
    out.drain(..lead);
    out
}

/// The comma that closes an apposition after the subject of "according to" (`cue_end..e`, `e` its
/// comma): "According to Martin Lindqvist, a former procurement official at a Nordic defense
/// ministry, …", "…, who runs the help line, …", "…, Clearpath's vice president, …", "Selon
/// Agnès Ferrand, chercheuse en sécurité informatique à Lyon, …", "Selon le préfet, Pascal
/// Régnier, …". None when what follows the comma may be what was said: it has a verb, or
/// nothing of an apposition ("According to Smith, the company, founded in 1997, has …").
fn according_apposition_end(
    para: &Para,
    lang: Lang,
    cue_end: usize,
    e: usize,
    b: usize,
) -> Option<usize> {
    let toks = &para.toks;
    if lang == Lang::Ru || e >= b || !toks[e].is_punct(',') || !para.is_w(cue_end) {
        return None;
    }
    let first = e + 1;
    let c = (first..b).find(|&t| !para.is_w(t))?;
    let words = c - first;
    if !toks[c].is_punct(',') || !(1..=14).contains(&words) || !para.is_w(first) {
        return None;
    }
    // what was said follows: a few words
    if (c + 1..b).filter(|&t| para.is_w(t)).take(3).count() < 3 {
        return None;
    }
    let f = para.lw(first);
    let has = |set: &[&str]| (first..c).any(|t| set.contains(&para.lw(t)));
    // a relative clause, whose verb is the apposition's own
    if matches!(f, "who" | "whose" | "qui") {
        return Some(c);
    }
    // finite auxiliaries and modals of the four languages (not [`EN_AUX_BEFORE`], which holds
    // "to" and "not": "a former adviser to the minister" is an apposition)
    const FINITE_AUX: &[&str] = &[
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
        "should", "may", "might", "must", "did", "does", "do", "est", "sont", "était", "sera",
        "serait", "ont", "avait", "va", "peut", "doit", "ist", "sind", "war", "hat", "haben",
        "wird", "werden", "würde", "kann", "soll", "muss",
    ];
    if has(FINITE_AUX) {
        return None;
    }
    let subject_named = para.is_cap(cue_end);
    let indefinite = words >= 2 && matches!(f, "a" | "an" | "un" | "une" | "ein" | "eine");
    let possessive =
        para.is_cap(first) && trim_possessive(para.w(first)).len() < para.w(first).len();
    // a name after a role ("Selon le préfet, Pascal Régnier,"): capitalised words only
    // (after a role only: not "According to the report, Russia, China and Iran
    // have", "According to police, John Smith, 45, was arrested")
    let role_subject = (cue_end..e).any(|t| {
        para.is_w(t) && {
            let w = para.lw(t);
            names::is_person_role(w) || is_french_role(w)
        }
    });
    let name_after_role = !subject_named
        && role_subject
        && (2..=4).contains(&words)
        && (first..c).all(|t| para.is_cap(t));
    // a role of no article, with its place or employer: "director of the institute"; in
    // French and German a noun and its preposition ("chercheuse en sécurité à Lyon"), not "most
    // of the money"
    let bare_role = !para.is_cap(first)
        && words >= 2
        && match lang {
            Lang::En => names::is_person_role(f),
            _ => matches!(
                para.lw(first + 1),
                "en" | "à" | "de" | "du" | "des" | "chez" | "bei" | "von" | "für" | "an"
            ),
        };
    let the_role = matches!(f, "the" | "le" | "la" | "der" | "die")
        && (first..c).any(|t| names::is_person_role(para.lw(t)));
    (subject_named && (indefinite || possessive || bare_role || the_role) || name_after_role)
        .then_some(c)
}

fn skip_addressee(para: &Para, j: usize, b: usize) -> usize {
    let toks = &para.toks;
    if j >= b || !toks[j].is_word() {
        return j;
    }
    let l = para.lw(j);
    if l == "that" {
        return j;
    }
    let mut k = j;
    if matches!(
        l,
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "this" | "fellow"
    ) {
        k += 1;
    }
    // an outlet described before its name: "told the Polish sports daily Gazeta that", "told
    // Iranian state media the crew had been stopped"
    // (not past a determiner: "told Reuters the agency would review")
    if let Some(h) = (k..b.min(k + 5))
        .take_while(|&t| {
            para.is_w(t) && para.lw(t) != "that" && (t == k || !DETS.contains(para.lw(t)))
        })
        .find(|&t| {
            matches!(
                para.lw(t),
                "media"
                    | "daily"
                    | "newspaper"
                    | "paper"
                    | "weekly"
                    | "magazine"
                    | "television"
                    | "radio"
                    | "broadcaster"
                    | "channel"
                    | "agency"
                    | "outlet"
                    | "website"
                    | "station"
            )
        })
    {
        let mut end = h + 1;
        while end < b && para.is_w(end) && para.is_cap(end) && end < h + 5 {
            end += 1;
        }
        return end;
    }
    // capitalised run ("The Capitol Ledger", "Reuters") or up to 2 lower-case nouns
    let mut n = 0;
    while k < b && toks[k].is_word() && n < 4 {
        let w = para.w(k);
        let lw = para.lw(k);
        if lw == "that" || complementizer(Lang::En, lw) {
            break;
        }
        let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
        if n >= 1
            && !cap
            && !matches!(
                lw,
                "committee"
                    | "panel"
                    | "reporters"
                    | "journalists"
                    | "lawmakers"
                    | "members"
                    | "subcommittee"
                    | "audience"
                    | "conference"
                    | "court"
                    | "jury"
            )
        {
            break;
        }
        if matches!(
            lw,
            "on" | "in" | "at" | "during" | "after" | "before" | "last" | "this"
        ) {
            break;
        }
        k += 1;
        n += 1;
        if !cap && n >= 2 {
            break;
        }
    }
    k
}

/// What [`skip_pp`] does at an English word.
#[derive(Clone, Copy)]
enum PpWord {
    /// a time word: skips it
    Time,
    /// "last", "this": skips it and the next word ("last week")
    TimeAndNext,
    /// a preposition: looks for the end of the phrase it opens
    Prep,
}

/// The English words of [`PpWord`], behind a filter of their digests: most words after a cue are
/// none, told by the token's digest without reading the word.
static EN_PP_WORDS: LazyLock<(lex::WordFilter, lex::WordMap<&'static [u8], PpWord>)> =
    LazyLock::new(|| {
        let preps = PREP_WORDS
            .iter()
            .filter(|w| {
                !matches!(
                    **w,
                    "as" | "when" | "while" | "if" | "because" | "of" | "about"
                )
            })
            .map(|&w| (w.as_bytes(), PpWord::Prep));
        // the time words after the prepositions: a word of both is a time word
        let times = TIME_WORDS
            .iter()
            .chain(lex::EN_WEEKDAYS)
            .filter(|w| **w != "that")
            .map(|&w| match w {
                "last" | "this" => (w.as_bytes(), PpWord::TimeAndNext),
                _ => (w.as_bytes(), PpWord::Time),
            });
        let map: lex::WordMap<&'static [u8], PpWord> = preps.chain(times).collect();
        let mut filter = lex::WordFilter::empty();
        for w in map.keys() {
            filter.insert_digest(lex::WordFilter::digest(w));
        }
        (filter, map)
    });

/// [`complementizer`] of word `i`, an English one told from its bytes.
fn complementizer_at(para: &Para, lang: Lang, i: usize) -> bool {
    match lang {
        Lang::En => para.lb(i) == b"that",
        _ => complementizer(lang, para.lw(i)),
    }
}

/// Skip adverbs and a short prepositional phrase after the cue ("on Tuesday", "in a statement").
fn skip_pp(para: &Para, mut j: usize, b: usize, lang: Lang) -> usize {
    let toks = &para.toks;
    loop {
        // (`b` is at most the tokens' count: one test, where `is_w` and a test of `b` took two)
        if !((j < b) & toks[j.min(b - 1)].is_word()) {
            return j;
        }
        let is_prep = if lang == Lang::En {
            let (filter, words) = &*EN_PP_WORDS;
            let word = if filter.may_contain_digest(toks[j].digest) {
                words.get(para.lb(j)).copied()
            } else {
                None
            };
            match word {
                Some(PpWord::Time) => {
                    j += 1;
                    continue;
                }
                Some(PpWord::TimeAndNext) => {
                    j += 2;
                    continue;
                }
                Some(PpWord::Prep) => true,
                None => {
                    // an adverb (a capitalised word is a name: "said Kelly")
                    let l = para.lb(j);
                    if l.len() > 4 && l.ends_with(b"ly") && !para.is_cap(j) {
                        j += 1;
                        continue;
                    }
                    false
                }
            }
        } else {
            lex::is_pp_word(lang, para.lw(j))
        };
        if !is_prep {
            return j;
        }
        // find the end of the PP: "that", comma, colon, quote, sentence end within 7 tokens
        let mut k = j + 1;
        while k < b && k <= j + 10 {
            let t = toks[k];
            if t.quote().is_some() || matches!(t.kind, TK::Punct(',') | TK::Punct(':')) {
                return k;
            }
            if t.is_word() && complementizer_at(para, lang, k) {
                return k;
            }
            // (or a clause's pronoun subject: "said on Tuesday it had seen no sign")
            if lang == Lang::En
                && t.is_word()
                && matches!(para.lb(k), b"he" | b"she" | b"it" | b"they" | b"we")
            {
                return k;
            }
            k += 1;
        }
        if k >= b {
            return b;
        }
        return j;
    }
}

/// German reported speech goes on in the subjunctive after its attribution: "„Wir haben uns
/// diese Entscheidung nicht leicht gemacht“, sagte Vorstandschef Jens Hollmann.
/// Betriebsbedingte Kündigungen wolle man so weit wie möglich vermeiden." A sentence of the
/// paragraph after its first quote, with none of its own, no quote mark and a verb in Konjunktiv
/// I (a form the indicative does not share: "sei", "habe", "wolle", "werde" …), is the same
/// speaker's.
fn german_continuations(para: &Para, scratch: &mut Scratch) {
    let Scratch { sents, raws, .. } = scratch;
    let toks = &para.toks;
    let first = raws.iter().map(|r| r.pos).min().unwrap_or(usize::MAX);
    for sent in sents.iter() {
        let (a, b) = (sent.a, sent.b);
        if a >= b || toks[a].start <= first || !sent.spans.is_empty() {
            continue;
        }
        let (start, end) = (toks[a].start, toks[b - 1].end);
        if raws.iter().any(|r| (start..end).contains(&r.pos)) {
            continue;
        }
        let subjunctive = (a..b).any(|t| {
            para.is_w(t)
                && matches!(
                    para.lw(t),
                    "sei"
                        | "seien"
                        | "habe"
                        | "wolle"
                        | "werde"
                        | "müsse"
                        | "könne"
                        | "dürfe"
                        | "solle"
                        | "möge"
                        | "gebe"
                        | "bleibe"
                        | "liege"
                        | "gehe"
                        | "komme"
                        | "stehe"
                        | "fehle"
                        | "wisse"
                        | "zeige"
                        | "brauche"
                        | "rechne"
                        | "sehe"
                        | "erwarte"
                        | "plane"
                )
        });
        if !subjunctive {
            continue;
        }
        let txt = clause_text(para, a, b, &mut []);
        if word_count(&txt, 3) < 3 {
            continue;
        }
        let at = raws
            .iter()
            .position(|r| r.pos > start)
            .unwrap_or(raws.len());
        let raw = Raw {
            text: txt,
            kind: QuoteKind::Reported,
            cue: None,
            subj: Subj::Carry,
            pos: start,
            attr_only: false,
        };
        raws.insert(at, raw);
    }
}

/// Whether the quote of token `q` (text `content`, in the sentence from token `a`), which no cue
/// attributes, reads as speech. Out of line: asked of few quotes, and a long body in
/// [`analyse`] would take registers and code space from its loop.
#[inline(never)]
fn speechlike(para: &Para, q: usize, a: usize, content: &str) -> bool {
    let toks = &para.toks;
    // title cues just before
    // (each word by its digest and bytes, with no test of character boundaries)
    for t in q.saturating_sub(3)..q {
        if toks[t].is_word() && TITLE_CUES.contains_lower(toks[t].digest, para.lb(t)) {
            return false;
        }
    }
    // embedded in a sentence (words before it) and not a sentence of its own: told before the
    // words are counted, as each check here only turns the quote away
    let embedded = toks[a..q].iter().any(|t| t.is_word());
    if embedded && !content.trim_end().ends_with(['.', '!', '?']) {
        return false;
    }
    // compared with 3, 6 and 8 below
    let wc = word_count(content, 8);
    if wc < 3 {
        return false;
    }
    let first = content.chars().find(|c| c.is_alphanumeric() || *c == '…');
    if !first.is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '…') && wc < 8 {
        return false;
    }
    // Title Case (words counted only without closing punctuation, as most quotes end with it)
    if !content.trim_end().ends_with(['.', '!', '?', ',']) {
        let (words, caps) = content.split_whitespace().fold((0, 0), |(n, caps), w| {
            let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
            (n + 1, caps + usize::from(cap))
        });
        if words >= 2 && caps * 10 >= words * 7 {
            return false;
        }
    }
    if embedded && wc < 6 {
        return false;
    }
    true
}

/// Bit 7 of each byte of `x` set when that byte is ':' or an ASCII lower-case letter, the
/// others clear.
fn colon_or_lower_mask(x: u64) -> u64 {
    use text::{bytes_at_least, HIGH_BITS};
    let v = x & !HIGH_BITS;
    let lower = bytes_at_least(v, b'a') & !bytes_at_least(v, b'z' + 1);
    let colon = bytes_at_least(v, b':') & !bytes_at_least(v, b':' + 1);
    (lower | colon) & !x & HIGH_BITS
}

/// "SMITH: text" / "Q: text" paragraphs.
fn transcript(para: &Para) -> Option<Raw> {
    let p = para.p.trim_start();
    let off = para.p.len() - p.len();
    // the speaker's colon comes within 40 bytes, and no lower-case letter before it (the name
    // is in capitals): most paragraphs are turned away at their second byte. Eight bytes are
    // tested at once: a test per byte mispredicts where the first such byte is
    let head = &p.as_bytes()[..p.len().min(41)];
    let mut k = 0;
    let stop = loop {
        let chunk = match head.get(k..k + 8) {
            Some(c) => u64::from_le_bytes(c.try_into().unwrap()),
            None => {
                // the last bytes, then zeros (neither a colon nor a letter)
                let mut b = [0; 8];
                b.iter_mut().zip(&head[k..]).for_each(|(d, &x)| *d = x);
                u64::from_le_bytes(b)
            }
        };
        let m = colon_or_lower_mask(chunk);
        if m != 0 {
            break k + (m.trailing_zeros() / 8) as usize;
        }
        k += 8;
        if k >= head.len() {
            return None;
        }
    };
    if stop == 0 || head[stop] != b':' {
        return None;
    }
    let colon = stop;
    let name = p[..colon].trim();
    let rest = p[colon + 1..].trim();
    if word_count(rest, 2) < 2 {
        return None;
    }
    let mut letters = name.chars().filter(|c| c.is_alphabetic()).peekable();
    if letters.peek().is_none()
        || !letters.all(|c| c.is_uppercase())
        || name.split_whitespace().count() > 4
    {
        return None;
    }
    if matches!(
        name,
        "UPDATE"
            | "NOTE"
            | "CORRECTION"
            | "EDITOR'S NOTE"
            | "WATCH"
            | "READ MORE"
            | "RELATED"
            | "PHOTO"
            | "VIDEO"
    ) {
        return None;
    }
    let text = rest
        .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '«' | '»' | '„'))
        .trim()
        .to_string();
    // questions of an interview are not quotations of a source
    let question = matches!(name, "Q" | "QUESTION" | "В" | "F" | "FRAGE");
    let subj = if matches!(name, "A" | "ANSWER" | "О" | "R" | "ANTWORT") {
        Subj::Interviewee
    } else if question {
        Subj::Unknown
    } else {
        Subj::Name(name.to_string())
    };
    Some(Raw {
        text,
        kind: QuoteKind::Direct,
        cue: Some(":".into()),
        subj,
        pos: off + colon,
        attr_only: question,
    })
}

// ---------------------------------------------------------------------------------------------
// Resolution

struct Resolver<'a> {
    idx: Index<'a>,
    paras: &'a [Para<'a>],
    lang: Lang,
    /// resolved speakers in order
    history: Vec<Record>,
    /// the last record of `history` whose speaker is of each kind ([`kind_slot`])
    last_record_of_kind: [Option<u32>; KIND_SLOTS],
    /// the mentions of the index grouped by kind, built when a search reaches beyond the last
    /// [`NEAR_MENTIONS`]
    mentions_by_kind: std::cell::OnceCell<names::Groups>,
    /// what the searches for a man and for a woman learnt ([`male`], [`female`]), each until a
    /// name's answer changes ([`Resolver::record`])
    gender_searches: std::cell::RefCell<[KnownLast; 2]>,
    /// what the searches for a person of each role learnt ([`Resolver::nearest_known`])
    role_searches: std::cell::RefCell<lex::FxMap<&'a str, KnownLast>>,
    /// what [`Resolver::is_recent`] read of each speaker's long windows of mentions
    recent_scans: std::cell::RefCell<lex::FxMap<Sid, RecentScan>>,
    /// each name resolved as a speaker in the article, once (a cell: subject phrases add
    /// theirs as they are read)
    speakers: std::cell::RefCell<Speakers>,
    /// [`names::runs`]'s buffers, kept from one subject phrase to the next
    run_bufs: std::cell::RefCell<names::RunBufs<'a>>,
    /// [`Resolver::classify`]'s lower-case words and runs of a subject phrase, kept likewise
    subject_bufs: std::cell::RefCell<(Vec<&'a str>, Vec<names::Run<'a>>)>,
    /// [`Resolver::resolve_range`]'s chunks of a subject phrase, kept likewise
    chunk_buf: std::cell::RefCell<Vec<(usize, usize)>>,
}

/// Whether the English tokens from `c` (before `b`) of `para` open a clause without "that":
/// up to four words, none of them a preposition first nor a relative pronoun, then an
/// auxiliary or modal verb ("the cuts would hurt", "the company had never helped", "he was").
/// A verb of speech with an object has none ("warned the public of the risk", "admitted the
/// charges", "added Kaspersky to its list").
fn zero_that_clause(para: &Para, c: usize, b: usize) -> bool {
    if !para.is_w(c) || PREPS.contains_lower(para.toks[c].digest, para.lb(c)) {
        return false;
    }
    for t in c..(c + 5).min(b) {
        if !para.is_w(t) {
            return false;
        }
        let w = para.lb(t);
        let aux = matches!(
            w,
            b"would"
                | b"will"
                | b"could"
                | b"can"
                | b"should"
                | b"may"
                | b"might"
                | b"must"
                | b"had"
                | b"has"
                | b"have"
                | b"was"
                | b"were"
                | b"is"
                | b"are"
                | b"did"
                | b"does"
        );
        if aux {
            return t > c;
        }
        if matches!(
            w,
            b"who" | b"which" | b"that" | b"whose" | b"whom" | b"to" | b"and"
        ) {
            return false;
        }
    }
    false
}

/// Whether quoted span `qi` of `para` (at token `q`) is a name inside a phrase, no speech: at
/// most four capitalised words with no punctuation, followed by a word ("«Газпром» заявил",
/// "«Спартака» Игорь Власов", "“Operation Falcon” and") or after an article ("der „Bild“",
/// "the “Patriot”"). (Short speech has a word in lower case, or its punctuation: "«Мы
/// проиграли», —", "“Nothing changes.”")
fn quoted_name_in_phrase(para: &Para, qi: usize, q: usize) -> bool {
    let s = &para.spans[qi];
    // where it stands first: most quotes are followed by punctuation, and longer (after an
    // article, a preposition, an organisation's common noun or a spokes-word: "компания
    // «Газпром»", "сообщили в пресс-службе «Газпрома».", "заявили в «Газпроме».")
    let after_noun = |w: &str| {
        const BEFORE_NAMES: &[&str] = &[
            "the", "der", "die", "das", "dem", "den", "des", "le", "la", "les", "du", "au", "aux",
            "в", "во", "на", "из", "от", "in", "im", "bei", "à", "chez", "dans",
        ];
        BEFORE_NAMES.contains(&w)
            || lex::list_flags(w) & (lex::IN_ORG_NOMINALS | lex::IN_SPOKES) != 0
    };
    let placed = s.closed
        && s.end - s.start <= 64
        && (para.is_w(q + 1) || q > 0 && para.is_w(q - 1) && after_noun(para.lw(q - 1)));
    placed
        && para.p.get(s.start..s.end).is_some_and(|inner| {
            !inner.is_empty()
                && inner.split(' ').enumerate().all(|(k, w)| {
                    k < 4
                        && w.chars()
                            .next()
                            .is_some_and(|c| text::is_upper(c) || c.is_ascii_digit())
                        && w.chars()
                            .all(|c| text::is_alnum(c) || matches!(c, '-' | '&' | '\'' | '’'))
                })
        })
}

/// Whether tokens from `t` (before `b`) of an English `para` are a name and no more: its
/// capitalised words (and dotted initials, "of", "and", "&"), then a comma, the sentence's end
/// or a preposition ("said Eli Johnson of the Red Cross"). After "…, said" that is the
/// speaker, inverted; a clause goes on after its subject ("Marcus Feld, a prosecutor, said the
/// sentencing sent a warning", "…, said Kaspersky had lied", "…, said Tuesday that").
fn inverted_name_at(para: &Para, t: usize, b: usize) -> bool {
    let name_word =
        |k: usize| para.is_w(k) && (para.is_cap(k) || matches!(para.lb(k), b"of" | b"and" | b"&"));
    // a role before the name: "said study co-author Anezina Solomonidou", "said the team's
    // coach Ana Ruiz"
    let mut t = t;
    if let Some(r) = (t..b.min(t + 4)).find(|&k| {
        para.is_w(k)
            && !para.is_cap(k)
            && (names::is_person_role(trim_possessive(para.lw(k)))
                || para.lw(k).ends_with("-author"))
    }) {
        let lead_ok = (t..r).all(|k| {
            para.is_w(k)
                && !para.is_cap(k)
                && !PREPS.contains(para.lw(k))
                && (k == t || !DETS.contains(para.lw(k)) || para.lw(k).ends_with("'s"))
        });
        if lead_ok && para.is_w(r + 1) && para.is_cap(r + 1) {
            t = r + 1;
        }
    }
    if !(para.is_w(t) && para.is_cap(t)) || lex::EN_WEEKDAYS.contains(&para.lw(t)) {
        return false;
    }
    let mut k = t;
    while k < b && k < t + 8 && (name_word(k) || para.toks[k].is_punct('.')) {
        k += 1;
    }
    k == b
        || para.toks[k].is_punct(',')
        || para.is_w(k) && matches!(para.lb(k), b"in" | b"at" | b"from" | b"for" | b"on")
}

/// Whether lower-case word `w` reads as a nationality or region's people ("brazilian",
/// "spaniard", "englishman", "pakistani", "savoyard"), not an organisation ("the taliban", "the
/// pentagon", "the vatican").
pub(super) fn is_demonym(w: &str) -> bool {
    // (nor an organisation's word: "The Board said", "The Standard")
    w.chars().count() >= 5
        && lex::org_word_kind(w).is_none()
        && !lex::ORG_NOMINALS.contains_key(w)
        && !matches!(w, "standard" | "award" | "wizard" | "leopard")
        && [
            "ian", "ean", "ard", "man", "ani", "eli", "aqi", "ais", "ois", "can", "aise", "oise",
            "ienne",
        ]
        .iter()
        .any(|s| w.ends_with(s))
        && !matches!(
            w,
            "taliban"
                | "vatican"
                | "guardian"
                | "chairman"
                | "spokesman"
                | "ombudsman"
                | "congressman"
                | "businessman"
                | "foreman"
                | "freeman"
                | "newsman"
                | "hangman"
                | "batsman"
                | "sportsman"
                | "frontman"
                | "layman"
                | "republican"
        )
        || matches!(
            w,
            "german" | "dane" | "swede" | "finn" | "pole" | "brit" | "scot"
        )
}

/// Whether the last word of tokens `a..b` of `para` is capitalised: a description's noun
/// ("the Spaniard", "der ÖVP-Politiker"), not a common noun ("the striker").
fn last_word_capitalised(para: &Para, a: usize, b: usize) -> bool {
    (a..b)
        .rev()
        .find(|&t| para.is_w(t))
        .is_some_and(|t| para.is_cap(t))
}

/// The head noun of English subject tokens `a..b` when run `r` only modifies it: one to three
/// lower-case words after the run end the phrase, none a preposition, determiner, conjunction
/// or reflexive ("Trump allies", "Middle East observers", "The German automaker"; not
/// "Kaspersky Lab itself", "Smith and his lawyer").
fn lower_head_after(para: &Para, r: Option<&names::Run>, a: usize, b: usize) -> Option<usize> {
    // (most subjects end with their name: told by one comparison)
    let r = r.filter(|r| !r.possessive && b > a && r.end < para.toks[b - 1].end)?;
    let t0 = (a..b).find(|&t| para.toks[t].start >= r.end)?;
    if !(1..=3).contains(&(b - t0)) {
        return None;
    }
    (t0..b)
        .all(|t| {
            para.is_w(t) && !para.is_cap(t) && {
                let w = para.lw(t);
                !PREPS.contains(w)
                    && !DETS.contains(w)
                    && !EN_AUX_BEFORE.contains(w)
                    && !w.ends_with("ly")
                    // (a verb and its object: "… Arben Leka showed him telling", "the
                    // Cooperative said, adding")
                    && !w.ends_with("ed")
                    && lex::cue_class(Lang::En, w).is_none()
                    && !matches!(
                        w,
                        "him" | "her" | "them" | "us" | "me" | "it" | "his" | "its" | "their"
                            | "you" | "he" | "she" | "they" | "we" | "i"
                    )
                    // a company's legal form: "Harwood Foods plc"
                    && !lex::is_legal_form(w)
                    && !matches!(
                        w,
                        "itself"
                            | "himself"
                            | "herself"
                            | "themselves"
                            | "both"
                            | "all"
                            | "alone"
                            | "who"
                            | "which"
                            | "that"
                            | "each"
                            | "together"
                            | "first"
                            | "jr"
                            | "sr"
                            | "has"
                            | "have"
                            | "had"
                            | "since"
                            | "already"
                            | "just"
                            | "still"
                            | "never"
                            | "often"
                            | "always"
                            | "again"
                            | "even"
                            | "now"
                            | "long"
                            | "ever"
                            | "too"
                            | "once"
                            | "later"
                            | "earlier"
                            | "also"
                            | "then"
                            | "soon"
                            | "twice"
                            | "yet"
                            | "last"
                            // (sentence adverbs: "Jane Doe meanwhile said")
                            | "meanwhile"
                            | "instead"
                            | "nonetheless"
                            | "nevertheless"
                            | "however"
                            | "therefore"
                            | "thus"
                            | "likewise"
                            | "otherwise"
                            | "anyway"
                            | "indeed"
                            | "though"
                            | "today"
                            | "yesterday"
                            | "tomorrow"
                            | "tonight"
                    )
            }
        })
        .then_some(b - 1)
}

/// The token after a wire dateline that opens tokens `a..b` of `para`: up to four words in
/// capitals, or a place in capitals and its region after a comma ("KYIV, Ukraine"), a
/// parenthesis ("(AP)"), then a dash, with words after it.
pub(super) fn dateline_end(para: &Para, a: usize, b: usize) -> Option<usize> {
    let toks = &para.toks;
    // the kind compared whole with each dash and the answers joined by `|`: one branch a token,
    // where a `match` branches on the kind and then on the character
    let dash = |k: TK| (k == TK::Punct('—')) | (k == TK::Punct('–')) | (k == TK::Punct('-'));
    // (most paragraphs are told by their first word, before a search for a dash)
    let caps = |t: usize| {
        para.w(t)
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    };
    if !(para.is_w(a) && para.is_cap(a) && caps(a)) {
        return None;
    }
    // a Russian wire's: a city in capitals, a date, a full stop ("НОВОСИБИРСК. Суд …",
    // "ЕКАТЕРИНБУРГ, 14 октября. Завод …")
    // (the city's full stop right after it, or a comma and a day's number: not an acronym
    // opening a sentence, "ВЦИОМ провёл опрос"; else a dash's dateline, "МОСКВА — …")
    let cyrillic = para
        .w(a)
        .chars()
        .next()
        .is_some_and(|c| ('А'..='Я').contains(&c));
    if cyrillic && a + 2 < b {
        let stop = if toks[a + 1].is_punct('.') {
            Some(a + 1)
        } else if toks[a + 1].is_punct(',')
            && para.is_w(a + 2)
            && para.w(a + 2).bytes().all(|c| c.is_ascii_digit())
        {
            (a + 3..b.min(a + 6)).find(|&t| toks[t].is_punct('.'))
        } else {
            None
        };
        if let Some(stop) = stop {
            let date_only =
                (a + 2..stop).all(|t| toks[t].is_punct(',') || para.is_w(t) && !para.is_cap(t));
            if date_only && (stop + 1..b).any(|t| para.is_w(t)) {
                return Some(stop + 1);
            }
        }
    }
    let d = (a..b).find(|&t| dash(toks[t].kind))?;
    let mut depth = 0i32;
    let mut words = 0;
    // words in capitals, and after a comma capitalised ones or numbers (a region: "KYIV,
    // Ukraine"; a date: "PARIS, March 3 (Reuters) -")
    let mut after_comma = false;
    let mut fits = true;
    for (t, tok) in toks.iter().enumerate().take(d).skip(a) {
        match tok.kind {
            TK::Punct('(') => depth += 1,
            TK::Punct(')') => depth -= 1,
            TK::Punct(',') if depth == 0 && words > 0 => after_comma = true,
            TK::Word if depth == 0 => {
                let mut letters = para.w(t).chars().filter(|c| c.is_alphabetic());
                fits &= if after_comma {
                    letters.next().is_none_or(char::is_uppercase)
                } else {
                    letters.all(char::is_uppercase)
                };
                words += 1;
            }
            _ => {}
        }
    }
    (fits && (1..=4).contains(&words) && (d + 1..b).any(|t| para.is_w(t))).then_some(d + 1)
}

/// Where a clause that starts at token `s` of `para` and ends before `end` really starts: after
/// the wire dateline that opens the paragraph, when it starts there.
fn after_dateline(para: &Para, s: usize, end: usize) -> usize {
    match s {
        0 => dateline_end(para, 0, end).unwrap_or(0),
        s => s,
    }
}

/// Whether `word` is an age: a number and `suffix` ("27" and "-year-old", "17" and "-летняя").
fn is_age(word: &str, suffix: &str) -> bool {
    word.strip_suffix(suffix)
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the words after a cue at token `cue_end` are its subject, the cue following a
/// clause (tokens `s..k`, `k` its comma) in German, French or Russian: "Das sei falsch, sagte
/// Müller", "Un homme a été mis en examen, a indiqué vendredi le procureur". Not when a
/// complementizer follows the cue (after a day: "a assuré mercredi que"), nor after a subject
/// in apposition ("Le gendarme des télécoms, la FCC, a ajouté vendredi Kaspersky à sa liste").
fn verb_second_subject(para: &Para, lang: Lang, s: usize, k: usize, cue_end: usize) -> bool {
    let b = para.toks.len();
    let after = if lang == Lang::Fr {
        french_lead_end(para, cue_end, b)
    } else {
        cue_end
    };
    if !para.is_w(cue_end) || complementizer_at(para, lang, after) {
        return false;
    }
    // (a subject and its apposition have no verb: "Le gendarme des télécoms, la FCC,",
    // "Bernard Mollaret, 56 ans, guide à Chamonix,"; "Samedi, un homme a été arrêté à Lyon," is
    // a clause)
    let apposition = lang == Lang::Fr
        && k >= 2
        && para.is_w(k - 1)
        && para.is_cap(k - 1)
        && (s..k - 1).any(|t| para.toks[t].is_punct(','))
        && !(s..k).any(|t| {
            para.is_w(t)
                && matches!(
                    para.lw(t),
                    "a" | "ont"
                        | "est"
                        | "sont"
                        | "était"
                        | "étaient"
                        | "sera"
                        | "seront"
                        | "serait"
                        | "avait"
                        | "avaient"
                        | "va"
                        | "vont"
                        | "été"
                        | "peut"
                        | "doit"
                )
        });
    !apposition
}

/// What an "Об этом сообщил X" sentence attributes to X: the quotes of the sentence before it
/// (tokens `a..b`) not yet attributed, or, when it has none and holds no quote or clause found,
/// that sentence as reported speech. Whether it found any.
fn ru_said_before(
    para: &Para,
    a: usize,
    b: usize,
    used: &mut [bool],
    raws: &mut Vec<Raw>,
    subj: &Subj,
    cue: &str,
) -> bool {
    let toks = &para.toks;
    let mut quoted = false;
    let mut any = false;
    for (t, tok) in toks.iter().enumerate().take(b).skip(a) {
        if let Some(qi) = tok.quote() {
            quoted = true;
            if !used[qi] {
                used[qi] = true;
                any = true;
                raws.push(direct(para.p, &para.spans[qi], subj.clone(), cue, t));
            }
        }
    }
    let (start, end) = (toks[a].start, toks[b - 1].end);
    // (a quote alone in its sentence was taken as the speaker's before)
    for r in raws.iter_mut() {
        if (start..end).contains(&r.pos) && matches!(r.subj, Subj::Carry) && r.cue.is_none() {
            r.subj = subj.clone();
            r.cue = Some(cue.to_string());
            any = true;
        }
    }
    if quoted || raws.iter().any(|r| (start..end).contains(&r.pos)) {
        return any;
    }
    let mut e = b;
    while e > a && matches!(toks[e - 1].kind, TK::Punct(_)) {
        e -= 1;
    }
    let text = clause_text(para, a, e, used);
    if word_count(&text, 3) < 3 {
        return false;
    }
    raws.push(clause(text, QuoteKind::Reported, cue, subj.clone(), start));
    true
}

/// The tokens of a French institution's name in tokens `a..b` of `para`: after an article, an
/// institution's common noun ("parquet", "Union", "Agence") and the words that complete it up to
/// a preposition of place or time, a relative pronoun or a verb ("la préfecture du Rhône dans un
/// communiqué"); at least one of them capitalised, or an adjective after a lower-case noun ("la
/// police cantonale valaisanne"). None when the noun is a person's role or stands alone.
fn french_institution(para: &Para, a: usize, b: usize) -> Option<(usize, usize)> {
    const HEADS: &[&str] = &[
        "association",
        "agence",
        "autorité",
        "assemblée",
        "banque",
        "caisse",
        "centre",
        "chambre",
        "collectif",
        "comité",
        "commission",
        "confédération",
        "conférence",
        "conseil",
        "coordination",
        "cour",
        "direction",
        "fédération",
        "fondation",
        "forum",
        "gendarmerie",
        "groupement",
        "institut",
        "ligue",
        "mairie",
        "ministère",
        "mouvement",
        "observatoire",
        "office",
        "ordre",
        "organisation",
        "parquet",
        "plateforme",
        "police",
        "préfecture",
        "rectorat",
        "syndicat",
        "tribunal",
        "union",
        "université",
    ];
    let mut s = a;
    while s < b && para.is_w(s) && matches!(para.lw(s), "le" | "la" | "les") {
        s += 1;
    }
    if s >= b || !para.is_w(s) {
        return None;
    }
    let head = para.lw(s);
    let head = without_elided_article(head).unwrap_or(head);
    if !HEADS.contains(&head) {
        return None;
    }
    let mut e = s + 1;
    while e < b
        && para.is_w(e)
        && !FR_NAME_STOPS.contains(&para.lw(e))
        && !para
            .lw(e)
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    {
        e += 1;
    }
    // (no function word last: "le parquet de")
    while e > s + 1
        && matches!(
            para.lw(e - 1),
            "de" | "du" | "des" | "la" | "le" | "les" | "et" | "d'" | "d’" | "l'" | "l’" | "en"
        )
    {
        e -= 1;
    }
    if !(2..=9).contains(&(e - s)) {
        return None;
    }
    // (a capital after an elision counts: "ministère de l'Agriculture")
    let capitalised = |t: usize| {
        para.is_cap(t)
            || para
                .w(t)
                .split(['\'', '’'])
                .nth(1)
                .is_some_and(|r| r.starts_with(char::is_uppercase))
    };
    let capital_after = (s + 1..e).any(capitalised);
    let next = para.lw(s + 1);
    let adjective_after = !matches!(next, "de" | "du" | "des")
        && !["d'", "d’", "l'", "l’"].iter().any(|e| next.starts_with(e));
    (capital_after || para.is_cap(s) || adjective_after).then_some((s, e))
}

/// A Russian institution named by its common noun in tokens `a..b` of `para` (after "в"), in
/// any case, and the words that complete it ("министерстве транспорта Красноярского края",
/// "администрации Ижевска"): the noun's nominative and the tokens of the rest, up to a
/// preposition (but "по": "управление МВД по Свердловской области") or a conjunction.
fn russian_institution(para: &Para, a: usize, b: usize) -> Option<(&'static str, usize, usize)> {
    const HEADS: &[(&str, &[&str])] = &[
        (
            "администрация",
            &["администрация", "администрации", "администрацию"],
        ),
        ("мэрия", &["мэрия", "мэрии"]),
        (
            "министерство",
            &["министерство", "министерства", "министерстве"],
        ),
        (
            "правительство",
            &["правительство", "правительства", "правительстве"],
        ),
        (
            "прокуратура",
            &["прокуратура", "прокуратуры", "прокуратуре"],
        ),
        ("дума", &["дума", "думы", "думе"]),
        ("полиция", &["полиция", "полиции"]),
        ("управление", &["управление", "управления", "управлении"]),
        (
            "департамент",
            &["департамент", "департамента", "департаменте"],
        ),
        ("комитет", &["комитет", "комитета", "комитете"]),
        ("суд", &["суд", "суда", "суде"]),
        ("инспекция", &["инспекция", "инспекции"]),
    ];
    let mut s = a;
    while s < b && para.is_w(s) && matches!(para.lw(s), "в" | "во") {
        s += 1;
    }
    if s >= b || !para.is_w(s) {
        return None;
    }
    let w = para.lw(s);
    let &(head, _) = HEADS.iter().find(|(_, forms)| forms.contains(&w))?;
    let mut e = s + 1;
    while e < b
        && (para.is_w(e) || para.toks[e].quote().is_some())
        && !matches!(
            para.lw(e),
            "в" | "во"
                | "на"
                | "с"
                | "о"
                | "об"
                | "что"
                | "и"
                | "а"
                | "но"
                | "для"
                | "после"
                | "при"
        )
    {
        e += 1;
    }
    (e > s + 1 && e - s <= 7).then_some((head, s + 1, e))
}

/// Words that end a French institution's name: prepositions of place and time, relative
/// pronouns, auxiliaries and conjunctions of clauses.
const FR_NAME_STOPS: &[&str] = &[
    "dans", "lors", "devant", "auprès", "sur", "hier", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "qui", "que", "dont", "a", "ont", "est", "sont", "avait",
    "mais", "selon", "par", "aussi", "encore", "alors", "ce", "cette", "soir", "matin", "dès",
    "avant", "après", "depuis", "vers",
];

/// Whether lower-case word `w` is a subject pronoun of `lang` that may end an introduction
/// right before the verb ("This week she announced", "На вопрос о первых шагах он ответил").
fn subject_pronoun_after_intro(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => matches!(w, "he" | "she" | "they"),
        Lang::Ru => matches!(w, "он" | "она" | "они"),
        Lang::Fr => matches!(w, "il" | "elle" | "ils"),
        Lang::De => false,
    }
}

/// Whether lower-case word `w` opens a relative clause in `lang`, which is no subject.
fn is_relative_pronoun(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::En => matches!(w, "who" | "which" | "whose" | "whom"),
        Lang::Ru => w.starts_with("котор"),
        Lang::Fr => matches!(w, "qui" | "dont" | "lequel" | "laquelle"),
        Lang::De => w.starts_with("welch"),
    }
}

/// The separable particle of a German verb at token `t` of `para`, when a comma, a colon or
/// "dass" follows it: "räumte er ein: …", "teilte sie mit, dass …".
fn de_particle_at(para: &Para, t: usize) -> Option<usize> {
    (para.is_w(t)
        && is_de_particle(para.lw(t))
        && para
            .toks
            .get(t + 1)
            .is_some_and(|n| n.is_punct(',') || n.is_punct(':') || para.lb(t + 1) == b"dass"))
    .then_some(t)
}

/// Whether lower-case German word `w` is a separable particle of a verb of speech ("räumte …
/// ein", "fügte … hinzu", "hielt … entgegen").
fn is_de_particle(w: &str) -> bool {
    matches!(
        w,
        "an" | "ein" | "zu" | "hinzu" | "fest" | "mit" | "entgegen" | "ab"
    )
}

/// Whether German tokens `s..k` of `para`, before a verb, are an adverbial that takes the
/// subject's place ("Zugleich", "Am Montag", "Nach der Sitzung"): the subject then follows
/// the verb.
fn de_fronted_adverbial(para: &Para, s: usize, k: usize) -> bool {
    let Some(first) = (s..k).find(|&t| para.is_w(t)) else {
        return false;
    };
    // (no comma or quote inside: "Zugleich, sagte er, …" is another order)
    if (first..k).any(|t| !para.is_w(t)) || k - first > 6 {
        return false;
    }
    matches!(
        para.lw(first),
        "zugleich"
            | "zudem"
            | "außerdem"
            | "dennoch"
            | "jedoch"
            | "trotzdem"
            | "später"
            | "danach"
            | "dann"
            | "anschließend"
            | "gleichzeitig"
            | "allerdings"
            | "ebenso"
            | "ferner"
            | "schließlich"
            | "inzwischen"
            | "nun"
            | "jetzt"
            | "heute"
            | "gestern"
            | "damals"
            | "deshalb"
            | "daher"
            | "darum"
            | "dazu"
            | "dabei"
            | "hierzu"
            | "daraufhin"
            | "zuvor"
            | "zuletzt"
            | "kürzlich"
            | "immerhin"
            | "bisher"
            | "stattdessen"
            | "ebenfalls"
            | "unterdessen"
            | "mittlerweile"
            | "zunächst"
            | "konkret"
            | "deutlich"
            | "deutlicher"
            | "ähnlich"
            | "vielmehr"
            | "scharf"
            | "offen"
            | "erneut"
            | "wörtlich"
            | "ausdrücklich"
            | "kritisch"
            | "zuversichtlich"
            | "skeptisch"
            | "am"
            | "im"
            | "beim"
            | "bei"
            | "nach"
            | "vor"
            | "während"
            | "seit"
            | "gegenüber"
            | "angesichts"
            | "auf"
            | "mit"
            | "in"
            | "vom"
            | "zum"
            | "zur"
    )
}

/// The subject after a German verb ending at token `t`, its start and end (after a reflexive
/// "sich", up to a separable particle, a preposition, a comma, colon, quote or "dass"), of a few
/// words; and where what was said is read from.
fn de_subject_after(para: &Para, t: usize, b: usize) -> Option<(usize, usize, usize)> {
    // (a reflexive verb's pronoun first: "Konkret sprach sich die 44-Jährige für … aus")
    let t = if para.is_w(t) && para.lb(t) == b"sich" {
        t + 1
    } else {
        t
    };
    let mut e = t;
    while e < b && para.is_w(e) && para.lb(e) != b"dass" {
        e += 1;
    }
    // (up to a separable particle or a preposition: "räumte er ein:", "für schnellere …")
    let end = (t + 1..e)
        .find(|&k| {
            let w = para.lw(k);
            is_de_particle(w)
                || matches!(
                    w,
                    "aus"
                        | "für"
                        | "gegen"
                        | "über"
                        | "auf"
                        | "von"
                        | "vom"
                        | "bei"
                        | "beim"
                        | "nach"
                        | "in"
                        | "im"
                        | "am"
                        | "um"
                        | "vor"
                        | "zum"
                        | "zur"
                )
        })
        .unwrap_or(e);
    (end > t && end - t <= 6).then_some((t, end, e))
}

/// Whether the words before a Russian cue at token `k` of `para` (from token `s` or the last mark
/// or quote on) are only a fronted "об этом" ("Об этом также сообщили …", "Ранее об этом заявил
/// …"): an object that points back to what was said, after which the cue's subject follows.
fn ru_fronted_object(para: &Para, s: usize, k: usize) -> bool {
    let mut points_back = false;
    let mut t = k;
    while t > s && para.is_w(t - 1) {
        match para.lw(t - 1) {
            "этом" | "том" | "это" => points_back = true,
            "об" | "о" | "также" | "тоже" | "ранее" | "позже" | "позднее" | "же" | "затем"
            | "и" | "а" => {}
            _ => return false,
        }
        t -= 1;
    }
    // (after the sentence's start, a quote or a mark: "«…». Об этом сообщили …")
    points_back && (t == s || !para.toks[t - 1].is_word())
}

/// Whether the two words before token `a` of Russian `para` are a cue after which a name is in
/// the genitive: "по словам", "по данным", "по мнению" …
fn ru_genitive_cue_before(para: &Para, a: usize) -> bool {
    a >= 2
        && para.is_w(a - 2)
        && para.is_w(a - 1)
        && para.lw(a - 2) == "по"
        && matches!(
            para.lw(a - 1),
            "словам" | "данным" | "мнению" | "информации" | "оценке" | "оценкам"
        )
}

/// French word `w` without its elided article ("l'élue", "l’entreprise"), when it has one.
fn without_elided_article(w: &str) -> Option<&str> {
    w.strip_prefix("l'").or_else(|| w.strip_prefix("l’"))
}

/// Where a French subject in tokens `a..b` of `para` starts after the words that open no name:
/// a possessive ("Son avocate, Me Sophie Lartigue, a annoncé"; a Korean "Son" is English
/// text's) and a day after an inverted verb ("a indiqué vendredi le procureur").
fn french_lead_end(para: &Para, mut a: usize, b: usize) -> usize {
    while a + 1 < b
        && para.is_w(a)
        && matches!(
            para.lw(a),
            "son"
                | "sa"
                | "ses"
                | "leur"
                | "leurs"
                | "lundi"
                | "mardi"
                | "mercredi"
                | "jeudi"
                | "vendredi"
                | "samedi"
                | "dimanche"
                | "hier"
                | "soir"
                | "matin"
        )
    {
        a += 1;
    }
    a
}

/// Whether lower-case French word `w` is a person's role or trade ("la ministre", "le
/// procureur de la République", "la cinéaste").
fn is_french_role(w: &str) -> bool {
    matches!(
        w,
        "maire"
            | "procureur"
            | "procureure"
            | "ministre"
            | "pdg"
            | "président"
            | "présidente"
            | "directeur"
            | "directrice"
            | "juge"
            | "préfet"
            | "préfète"
            | "secrétaire"
            | "patron"
            | "patronne"
            | "avocat"
            | "avocate"
            | "porte-parole"
            | "cinéaste"
            | "réalisatrice"
            | "réalisateur"
            | "romancier"
            | "romancière"
            | "chanteuse"
            | "chanteur"
            | "skieur"
            | "skieuse"
            | "joueur"
            | "joueuse"
            | "entraîneur"
            | "sélectionneur"
            | "élu"
            | "élue"
            | "député"
            | "députée"
            | "sénateur"
            | "sénatrice"
            | "technicien"
            | "technicienne"
            | "comédien"
            | "comédienne"
            | "acteur"
            | "actrice"
            | "infirmier"
            | "infirmière"
            | "médecin"
            | "chirurgien"
            | "chirurgienne"
            | "agriculteur"
            | "agricultrice"
            | "éleveur"
            | "éleveuse"
            | "viticulteur"
            | "viticultrice"
            | "vigneron"
            | "vigneronne"
            | "commerçant"
            | "commerçante"
            | "restaurateur"
            | "restauratrice"
            | "gérant"
            | "gérante"
            | "enseignant"
            | "enseignante"
            | "institutrice"
            | "instituteur"
            | "proviseur"
            | "proviseure"
            | "étudiant"
            | "étudiante"
            | "retraité"
            | "retraitée"
            | "syndicaliste"
            | "militant"
            | "militante"
            | "adjoint"
            | "adjointe"
            | "conseiller"
            | "conseillère"
            | "capitaine"
            | "attaquant"
            | "attaquante"
            | "défenseur"
            | "gardien"
            | "gardienne"
            | "milieu"
            | "pilote"
            | "cycliste"
            | "nageur"
            | "nageuse"
            | "athlète"
            | "champion"
            | "championne"
            | "entraîneuse"
            | "sélectionneuse"
            | "auteur"
            | "autrice"
            | "écrivain"
            | "écrivaine"
            | "artiste"
            | "musicien"
            | "musicienne"
            | "chef"
            | "cheffe"
            | "scientifique"
            | "chercheur"
            | "chercheuse"
            | "pompier"
            | "gendarme"
            | "policier"
            | "policière"
            | "commissaire"
            | "enquêteur"
            | "enquêtrice"
            | "magistrat"
            | "magistrate"
            | "prévenu"
            | "prévenue"
            | "accusé"
            | "accusée"
            | "plaignant"
            | "plaignante"
            | "témoin"
            | "intéressé"
            | "intéressée"
            | "responsable"
            | "dirigeant"
            | "dirigeante"
            | "fondateur"
            | "fondatrice"
            | "salarié"
            | "salariée"
            | "architecte"
            | "économiste"
            | "sociologue"
            | "historien"
            | "historienne"
            | "politologue"
            | "climatologue"
            | "épidémiologiste"
            | "virologue"
            | "météorologue"
            | "prévisionniste"
            | "vice-président"
            | "vice-présidente"
            | "trésorier"
            | "trésorière"
            | "délégué"
            | "déléguée"
            | "représentant"
            | "représentante"
            | "négociateur"
            | "négociatrice"
            | "ingénieur"
            | "ingénieure"
            | "professeur"
            | "professeure"
            | "ministre-président"
            | "maire-adjoint"
            | "édile"
            | "sous-préfet"
            | "sous-préfète"
            | "rapporteur"
            | "rapporteure"
            | "président-directeur"
            | "échevin"
            | "échevine"
            | "bourgmestre"
    )
}

/// The pronoun a French role noun `w` stands for, by its ending: "elle" for "l'élue",
/// "l'avocate", "l'enquêtrice", "il" for "l'entraîneur", "l'élu", "person" when it does not say
/// ("l'architecte").
fn french_role_pronoun(w: &str) -> &'static str {
    let feminine_of_role = w
        .strip_suffix('e')
        .is_some_and(|m| !m.ends_with('e') && is_french_role(m));
    if feminine_of_role
        || ["trice", "euse", "ienne", "ière", "esse"]
            .iter()
            .any(|e| w.ends_with(e))
    {
        "elle"
    } else if w.ends_with('e') {
        "person"
    } else {
        "il"
    }
}

/// Whether tokens `a..b` of `para` open with a person's role and "of" ("the mayor of Lyon",
/// "le procureur de la République", "der Präsident des Verbands"): the name in them is where
/// the person works, who is named elsewhere.
fn role_of_name(para: &Para, lang: Lang, a: usize, b: usize) -> bool {
    let a = if lang == Lang::Fr {
        french_lead_end(para, a, b)
    } else {
        a
    };
    let mut words = (a..b).filter(|&t| para.is_w(t)).map(|t| para.lw(t));
    let mut first = words.next().unwrap_or_default();
    if matches!(first, "the" | "le" | "la" | "der" | "die" | "das") {
        first = words.next().unwrap_or_default();
    }
    // (elided: "l'échevine des Affaires sociales, Nadia Ouali")
    if lang == Lang::Fr {
        first = without_elided_article(first).unwrap_or(first);
    }
    let role = lex::list_flags(first) & (lex::IN_PERSON_ROLES | lex::IN_TITLES | lex::IN_SPOKES)
        != 0
        || is_french_role(first)
        || matches!(
            first,
            "bürgermeister"
                | "präsident"
                | "präsidentin"
                | "minister"
                | "ministerin"
                | "chef"
                | "chefin"
                | "sprecher"
                | "sprecherin"
                | "leiter"
                | "leiterin"
        );
    role && words.any(|w| matches!(w, "of" | "de" | "des" | "du" | "der" | "d'" | "d’"))
}

/// Where a second speaker's attribution starts in the English clause of tokens `a..b` of
/// `para`: "and" or "but" (after a comma or not) or a comma, capitalised words or a pronoun,
/// then a verb of speech ("…, and Rusk said his was better", "but she added that …", "…,
/// Hawk Sawyer told lawmakers"); the
/// clause ends before it, and the attribution is read as one of its own. (Asked of each
/// reported clause: a scan of its tokens for a conjunction, most of them short.)
fn second_attribution(para: &Para, a: usize, b: usize) -> Option<usize> {
    (a + 1..b.saturating_sub(2)).find_map(|t| {
        // (or a comma before a name: "… may have been murdered, Hawk Sawyer told lawmakers")
        let conj = para.is_w(t) && matches!(para.lb(t), b"and" | b"but");
        let comma_name = para.toks[t].is_punct(',') && para.is_w(t + 1) && para.is_cap(t + 1);
        if !(conj || comma_name) {
            return None;
        }
        let mut k = t + 1;
        while k < b
            && para.is_w(k)
            && (para.is_cap(k) || matches!(para.lb(k), b"he" | b"she" | b"they"))
            && k - t <= 4
        {
            k += 1;
        }
        let said = k > t + 1
            && k < b
            && para.is_w(k)
            && matches!(
                para.lb(k),
                b"said"
                    | b"says"
                    | b"added"
                    | b"told"
                    | b"argued"
                    | b"insisted"
                    | b"replied"
                    | b"countered"
                    | b"noted"
                    | b"warned"
                    | b"claimed"
                    | b"stressed"
            );
        said.then(|| t - usize::from(conj && para.toks[t - 1].is_punct(',')))
    })
}

/// The end of the subject at the start of tokens `a..b` of `para`, a clause whose verb is
/// followed by a second one ("The company denied the claims and said"): the subject's words are
/// articles and determiners, connectors, capitalised words, commas, and the nouns of
/// organisations, spokespersons, roles and people in general; the first other word (the verb)
/// ends it. (Rare: out of line.)
#[inline(never)]
fn coordinated_subject_end(para: &Para, a: usize, b: usize) -> usize {
    let subject_word = |t: usize| {
        let l = para.lw(t);
        para.is_cap(t)
            || lex::is_german_determiner(l)
            || matches!(
                l,
                "the"
                    | "a"
                    | "an"
                    | "le"
                    | "la"
                    | "les"
                    | "l'"
                    | "l’"
                    | "un"
                    | "une"
                    | "сама"
                    | "сам"
                    // an organisation's name goes on over its connectors ("Bundesamt für …")
                    | "of"
                    | "for"
                    | "für"
                    | "de"
                    | "du"
                    | "des"
                    | "von"
                    | "van"
            )
            || lex::list_flags(l)
                & (lex::IN_ORG_NOMINALS | lex::IN_SPOKES | lex::IN_PERSON_ROLES | lex::IN_GENERIC)
                != 0
    };

    // (commas go on: "Der Chef der Deutschen Bank, Christian Sewing, wies … zurück und sagte")
    (a..b)
        .find(|&t| {
            !(para.is_w(t) && subject_word(t))
                && para.toks[t].quote().is_none()
                && !para.toks[t].is_punct(',')
        })
        .filter(|&t| t > a)
        .unwrap_or(b)
}

/// Words that open an introductory phrase, not a subject: asked of the first word of every
/// chunk of a subject phrase.
static INTRO: LazyLock<lex::FilteredSet> = LazyLock::new(|| {
    lex::FilteredSet::new(&[
        "in",
        "on",
        "at",
        "after",
        "before",
        "during",
        "speaking",
        "asked",
        "earlier",
        "later",
        "meanwhile",
        "last",
        "this",
        "when",
        "while",
        "as",
        "since",
        "following",
        "writing",
        "testifying",
        "responding",
        "addressing",
        "however",
        "though",
        "too",
        "also",
        "instead",
        "separately",
        "still",
        "yet",
        "for",
        "with",
        "under",
        "in",
        "despite",
        "although",
        "if",
        "once",
        "until",
        "now",
        "today",
        "yesterday",
        "interviewed",
        "reached",
        "contacted",
        "questioned",
        "pressed",
        "approached",
        "then",
        "by",
        "outside",
        "inside",
        "behind",
        "across",
        "from",
        "im",
        "am",
        "nach",
        "dans",
        "lors",
        "parmi",
        "en",
        "в",
        "на",
        "после",
        // ("Whatever the definition, VW says", "Besides having more oomph, Nissan said")
        "whatever",
        "whichever",
        "besides",
        "unlike",
        "like",
        "shortly",
        "amid",
        "throughout",
        "regardless",
        "beyond",
        "without",
        "against",
    ])
});
static LEAD_STRIP: LazyLock<lex::FilteredSet> = LazyLock::new(|| {
    lex::FilteredSet::new(&[
        "but",
        "and",
        "yet",
        "still",
        "however",
        "so",
        "meanwhile",
        "now",
        "also",
        "then",
        "instead",
        "separately",
        "both",
        "even",
        "only",
        "aber",
        "und",
        "doch",
        "mais",
        "et",
        "а",
        "но",
        "и",
        "однако",
        "сама",
        "сам",
        "само",
        "сами",
    ])
});

/// The last of tokens `a..b` of `para` that is a ';' or a ':': found in the text by a byte
/// search, not by a test of each token's kind (which mispredicts at every punctuation mark). A
/// quoted span's text may hold one, which is passed over (a word holds none).
fn last_semicolon_or_colon(para: &Para, a: usize, b: usize) -> Option<usize> {
    let toks = &para.toks;
    if a >= b {
        return None;
    }
    let from = toks[a].start;
    let mut end = toks[b - 1].end;
    while let Some(k) = memchr::memrchr2(b';', b':', &para.p.as_bytes()[from..end]) {
        let at = from + k;
        let t = toks.partition_point(|x| x.start < at);
        // (a colon between digits is a score or a time: "nach dem 0:2 gegen Augsburg")
        let bytes = para.p.as_bytes();
        let in_number = at > 0
            && bytes[at - 1].is_ascii_digit()
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
        if t < b && toks[t].start == at && matches!(toks[t].kind, TK::Punct(_)) && !in_number {
            return Some(t);
        }
        end = at;
    }
    None
}

/// Subordinators that may stand right before the subject in a subject phrase ("... hardened
/// after The Wall Street Journal reported").
const SUBORDINATORS: &[&str] = &[
    "after", "when", "because", "since", "until", "once", "while", "although", "though", "before",
    "as", "where", "whereas",
];

/// The digests of [`SUBORDINATORS`]: asked of most words of a subject phrase.
static SUBORDINATORS_FILTER: lex::WordFilter = lex::WordFilter::of_lists(&[SUBORDINATORS]);

/// Adverbs and auxiliaries at the end of a subject phrase, which [`Resolver::classify`] drops.
const TRAILING: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "was",
    "is",
    "will",
    "would",
    "later",
    "then",
    "again",
    "once",
    "previously",
    "repeatedly",
    "never",
    "not",
    "did",
    "does",
    "could",
    "hat",
    "habe",
    "a",
    "ont",
    "avait",
    "long",
    "consistently",
    "always",
    "toujours",
    "déjà",
    "également",
    "aussi",
    "encore",
    "pourtant",
    "toutefois",
    "néanmoins",
    "cependant",
    "ensuite",
    "stets",
    "immer",
    "bereits",
    "auch",
    "ebenfalls",
    "всегда",
    "также",
    "уже",
    "ранее",
];

/// The digests of [`TRAILING`]: most words of a subject phrase fail it, without a compare.
static TRAILING_FILTER: lex::WordFilter = lex::WordFilter::of_lists(&[TRAILING]);

/// The digests of [`lex::SPOKES_LIST`]: almost no other word passes it.
static SPOKES_FILTER: lex::WordFilter = lex::WordFilter::of_lists(&[lex::SPOKES_LIST]);

/// What a subject phrase names; a pronoun or a role is a word of the paragraph (or a static
/// one), borrowed.
#[derive(Debug)]
enum Head<'w> {
    Name(Sid, Kind),
    Pronoun(&'w str),
    /// a person described, who refers back as the pronoun does unless named in apposition
    /// ("the Spaniard", "la présidente, Clémence Ravel")
    Described(&'w str),
    OrgNominal(OrgKind),
    Spokes(Option<Sid>),
    Role(&'w str),
    Generic,
    Nothing,
}

/// `a < b`, without a branch: a tuple's `<` branches on its first fields (which mispredicts in
/// the binary search of the mentions and in the reads of the history).
#[inline]
fn pos_before(a: Pos, b: Pos) -> bool {
    (a.0 < b.0) | ((a.0 == b.0) & (a.1 < b.1))
}

/// What [`Resolver::is_recent`] read of the mentions from `from` (its window's first) for a
/// speaker: up to `read_to`, and the first there of the speaker's name. (The mentions and a
/// speaker's name do not change while the resolver runs.)
#[derive(Clone, Copy)]
struct RecentScan {
    from: usize,
    read_to: usize,
    first_found: Option<usize>,
}

/// A speaker's index in [`Speakers::list`].
type Sid = usize;

/// What the searches of a predicate learnt of the article up to some point, while its answer
/// for each name stays the same ([`Resolver::nearest_known`]).
#[derive(Default)]
struct KnownLast {
    /// the records read, `history[..records]` (all at places before the searches'), and the
    /// best of them that passes
    records: usize,
    best_record: Option<(Pos, usize, Sid)>,
    /// the mentions read, `mentions[..mentions]`, and the last of them that passes
    mentions: usize,
    last_mention: Option<usize>,
}

/// Whether a name of [`Index::gender`] `(male, female)` may be referred to as "he": as many
/// signs of a man as of a woman or more. (Its signs grow as the resolver records pronouns.)
fn male((m, f): (i32, i32)) -> bool {
    m >= f
}

/// Whether a name of [`Index::gender`] `(male, female)` may be referred to as "she".
fn female((m, f): (i32, i32)) -> bool {
    f >= m
}

/// A speaker resolved at a place of the article.
#[derive(Clone, Copy)]
struct Record {
    pos: Pos,
    /// its [`Speaker`] in [`Resolver::speakers`]
    id: Sid,
    /// the record before it whose speaker has the same kind: [`Resolver::nearest`] reads the
    /// records of the kinds it wants only
    prev_of_kind: Option<u32>,
    /// the latest place in its paragraph of it and the paragraph's records before it (which
    /// may be out of place order): where none can beat a record found, the search stops
    latest_in_para: usize,
}

/// Kinds a search for a name wants, a bit per [`kind_slot`].
type KindSet = u8;
const KIND_SLOTS: usize = 6;
// (a person's slot and one per kind of organisation)
const _: () = assert!(OrgKind::Other as usize + 2 == KIND_SLOTS);
const PERSON: KindSet = 1;
/// Organisations of any kind.
const ORGS: KindSet = 0b11_1110;

/// The [`KindSet`] of kind `k` alone: bit 0 a person's, bit 1 + its [`OrgKind`] an
/// organisation's; none for [`Kind::Unknown`], which no search wants.
fn kind_bit(k: Kind) -> KindSet {
    match k {
        Kind::Person => PERSON,
        Kind::Org(o) => org_kind(o),
        Kind::Unknown => 0,
    }
}

fn org_kind(o: OrgKind) -> KindSet {
    2 << o as u8
}

/// The slot of kind `k` (its bit's), of [`Resolver::last_record_of_kind`] and
/// [`Resolver::mentions_by_kind`]; none for [`Kind::Unknown`].
fn kind_slot(k: Kind) -> Option<usize> {
    Some(kind_bit(k).trailing_zeros() as usize).filter(|&s| s < KIND_SLOTS)
}

/// How many of the mentions right before a place [`Resolver::nearest`] reads one by one, before
/// it reads further back only those of the kinds it wants (from [`Resolver::mentions_by_kind`], built then).
const NEAR_MENTIONS: usize = 64;

/// How many tokens into its sentence a name may start and be read as the sentence's subject
/// ([`Resolver::sentence_subject`]): room for an introduction and a role before it ("Following
/// a performance of their jam “Black Water,” Simmons", "High school math teacher Angela Cooper").
const SUBJECT_TOKENS: usize = 16;

/// How far back from a name [`Resolver::sentence_subject`] looks for its sentence's start: a
/// name in a longer sentence is taken as it is.
const SENTENCE_WINDOW: usize = 256;

/// The slots of the kinds in `kinds`: its set bits.
fn kind_slots(kinds: KindSet) -> impl Iterator<Item = usize> {
    std::iter::successors(Some(kinds), |&m| Some(m & m.wrapping_sub(1)))
        .take_while(|&m| m != 0)
        .map(|m| m.trailing_zeros() as usize)
}

/// The names resolved as speakers in an article, each once: quotes and paragraphs pass a speaker
/// on as its index, with no String, and its entity is looked up and its canonical form worked
/// out once.
#[derive(Default)]
struct Speakers {
    list: Vec<Speaker>,
    /// the last speaker in `list` whose name has a hash, and in its `same_key` the one before
    /// it: no String per speaker for the key
    ids: lex::FxMap<u64, Sid>,
}

/// A name resolved as a speaker: most quotes of an article share a few speakers, which are
/// passed from quote to quote and paragraph to paragraph as their [`Sid`], without a String
/// each, and looked up in the index once.
struct Speaker {
    name: String,
    /// the speaker before it in [`Speakers::ids`] with the same key
    same_key: Option<Sid>,
    /// its entity in the index
    ei: Option<usize>,
    /// the entity's kind, a person when it has none
    kind: Kind,
    /// [`Index::canonical`] of `name`, once a quote asks for it
    canonical: Option<String>,
}

impl<'a> Resolver<'a> {
    /// Whether speaker `n`'s name begins with the first capitalised word of the phrase of tokens
    /// `a..b` of `para` (after an article): the role was read as part of the name.
    fn name_opens_chunk(&self, n: Sid, para: &Para, a: usize, b: usize) -> bool {
        let Some(t) = (a..b).find(|&t| {
            para.is_w(t)
                && para.is_cap(t)
                && !matches!(para.lw(t), "the" | "le" | "la" | "der" | "die" | "das")
        }) else {
            return false;
        };
        let list = &self.speakers.borrow().list;
        let (name, word) = (list[n].name.as_bytes(), para.w(t).as_bytes());
        name.starts_with(word) && name.get(word.len()).is_none_or(|&c| c == b' ')
    }

    /// The speaker named `name`, added when new.
    fn speaker(&self, name: &str) -> Sid {
        use std::hash::BuildHasher;
        let key = rustc_hash::FxBuildHasher.hash_one(name);
        let Speakers { list, ids } = &mut *self.speakers.borrow_mut();
        let mut at = ids.get(&key).copied();
        while let Some(id) = at {
            if list[id].name == name {
                return id;
            }
            at = list[id].same_key;
        }
        let ei = self.idx.entity_index(name);
        let kind = match ei.map(|i| self.idx.ents[i].kind) {
            None | Some(Kind::Unknown) => Kind::Person,
            Some(k) => k,
        };
        let id = list.len();
        list.push(Speaker {
            name: name.to_string(),
            same_key: ids.insert(key, id),
            ei,
            kind,
            canonical: None,
        });
        id
    }

    /// [`Index::canonical`] of speaker `id`, worked out once per speaker.
    fn canonical(&mut self, id: Sid) -> String {
        let s = &mut self.speakers.get_mut().list[id];
        s.canonical
            .get_or_insert_with(|| self.idx.canonical(&s.name, s.ei))
            .clone()
    }

    /// The name mentioned or quoted last before `pos` whose kind is among `kinds` and for which
    /// `pred` holds, given its entity (each mention's own, without a look-up by name). A quoted
    /// speaker wins over a mention at the same place, and of two records at one place the later.
    ///
    /// Both lists are read back from `pos` and only as far as the answer: an article of
    /// thousands of quoted paragraphs ("she said" in each) asked in every one of them was
    /// quadratic when the whole history was read each time. And only the names of the kinds
    /// wanted are read: with no company named, every "they" read the article's persons back to
    /// its start.
    fn nearest(
        &self,
        pos: Pos,
        kinds: KindSet,
        pred: impl Fn(Option<&Entity>) -> bool,
    ) -> Option<Sid> {
        self.search(pos, kinds, pred, None, false)
    }

    /// [`Resolver::nearest`], for a `pred` whose answer for a name does not change while `known`
    /// is kept (a role's never; a gender's until the name's signs change it), with what its
    /// searches before learnt: this one reads only the records and mentions that came after.
    /// Every "the spokesman said" (or "he said" among women) read all the persons named before.
    /// A pronoun's search (`pronoun`) takes the subject of the sentence of the name found
    /// ([`Resolver::sentence_subject`]).
    fn nearest_known(
        &self,
        pos: Pos,
        kinds: KindSet,
        pred: impl Fn(Option<&Entity>) -> bool,
        known: &mut KnownLast,
        pronoun: bool,
    ) -> Option<Sid> {
        self.search(pos, kinds, pred, Some(known), pronoun)
    }

    fn search(
        &self,
        pos: Pos,
        kinds: KindSet,
        pred: impl Fn(Option<&Entity>) -> bool,
        mut known: Option<&mut KnownLast>,
        pronoun: bool,
    ) -> Option<Sid> {
        // the history is in paragraph order (within a paragraph, in the order of resolution),
        // and so is each kind's chain of it: the best is the latest place before `pos`, the
        // later record of two at one place, and no record of a paragraph before the best's can
        // beat it, nor one of its paragraph from a record whose `latest_in_para` is not after it
        // on (one paragraph of thousands of quotes read all its records at every search)
        let mut best_record: Option<(Pos, usize, Sid)> = None;
        // (of two, the later is the best)
        let later = |best: Option<(Pos, usize, Sid)>, hp: Pos, i: usize| {
            best.is_none_or(|(bp, bi, _)| pos_before(bp, hp) | ((bp == hp) & (bi < i)))
        };
        // whether no record from `r`, at `i` in the history, back beats `best`: all are of
        // paragraphs before the best's, or of its paragraph at places before it, or at its place
        // and before it in the history (another kind's chain may hold a later one at its place)
        let cannot_beat = |best: Option<(Pos, usize, Sid)>, r: Record, i: usize| {
            best.is_some_and(|(bp, bi, _)| {
                let latest = r.latest_in_para;
                r.pos.0 < bp.0
                    || (r.pos.0 == bp.0) & ((latest < bp.1) | (latest == bp.1) & (i < bi))
            })
        };
        {
            let speakers = &self.speakers.borrow().list;
            // with what searches before learnt, the chains read only the records after the
            // first `split`, those all before `pos` (the latest place of each record's paragraph
            // up to it grows from record to record)
            let latest_up_to = |r: &Record| (r.pos.0, r.latest_in_para);
            let split = known.as_deref().and_then(|kn| {
                // (most often all are: no binary search, which mispredicts)
                let all = self
                    .history
                    .last()
                    .is_none_or(|r| pos_before(latest_up_to(r), pos));
                let split = if all {
                    self.history.len()
                } else {
                    self.history
                        .partition_point(|r| pos_before(latest_up_to(r), pos))
                };
                (kn.records <= split).then_some(split)
            });
            let from_record = split.unwrap_or(0);
            for k in kind_slots(kinds) {
                let mut at = self.last_record_of_kind[k];
                while let Some(i) = at.map(|i| i as usize).filter(|&i| i >= from_record) {
                    let record = self.history[i];
                    if cannot_beat(best_record, record, i) {
                        break;
                    }
                    let Record {
                        pos: hp,
                        id,
                        prev_of_kind,
                        ..
                    } = record;
                    let s = &speakers[id];
                    // the positions first, without a branch between them; `pred` (a look-up at
                    // times) only of an entry that would be the best
                    if pos_before(hp, pos) & later(best_record, hp, i)
                        && pred(s.ei.map(|i| &self.idx.ents[i]))
                    {
                        best_record = Some((hp, i, id));
                    }
                    at = prev_of_kind;
                }
            }
            // and unless the best found there is at or after the latest of them, the first
            // `split`: the best of those not read yet, found as the chains find theirs, or the
            // best known, whichever is later
            let beats_split = |(bp, _, _): (Pos, usize, Sid)| {
                split
                    .and_then(|n| n.checked_sub(1))
                    .is_none_or(|last| !pos_before(bp, latest_up_to(&self.history[last])))
            };
            if let (Some(split), false, Some(kn)) = (
                split,
                best_record.is_some_and(beats_split),
                known.as_deref_mut(),
            ) {
                let mut best_new = None;
                for i in (kn.records..split).rev() {
                    let r = self.history[i];
                    if cannot_beat(best_new, r, i) {
                        break;
                    }
                    let s = &speakers[r.id];
                    if kinds & kind_bit(s.kind) != 0
                        && later(best_new, r.pos, i)
                        && pred(s.ei.map(|i| &self.idx.ents[i]))
                    {
                        best_new = Some((r.pos, i, r.id));
                    }
                }
                let latest = |a: Option<(Pos, usize, Sid)>, b: Option<(Pos, usize, Sid)>| match b {
                    Some((bp, bi, _)) if later(a, bp, bi) => b,
                    _ => a,
                };
                kn.best_record = latest(kn.best_record, best_new);
                kn.records = split;
                best_record = latest(best_record, kn.best_record);
            }
        }
        // the mentions are in article order: the last one before `pos` that passes, read back
        // from `pos`, and only while it would come after the best record (made a speaker at the
        // end: a speaker of the history is one already)
        let mentions = &self.idx.mentions;
        let after_best = |mp: Pos| best_record.is_none_or(|(bp, _, _)| pos_before(bp, mp));
        let passes = |ei: usize| {
            let e = &self.idx.ents[ei];
            kinds & kind_bit(e.kind) != 0 && pred(Some(e))
        };
        let to = mentions.partition_point(|m| pos_before(m.0, pos));
        if let Some(kn) = known.filter(|kn| kn.mentions <= to) {
            // read back to those read before, while after the best record: the last that passes
            // before `pos` is the known one unless one after it does; when one not after the
            // best record stops the reading, none is the answer (and nothing more is known)
            let mut last = kn.last_mention;
            let mut stopped = false;
            for j in (kn.mentions..to).rev() {
                let (mp, ei) = mentions[j];
                if !after_best(mp) {
                    stopped = true;
                    break;
                }
                if passes(ei) {
                    last = Some(j);
                    break;
                }
            }
            if stopped {
                return best_record.map(|(_, _, id)| id);
            }
            (kn.mentions, kn.last_mention) = (to, last);
            return match last.filter(|&j| after_best(mentions[j].0)) {
                Some(j) if pronoun => Some(self.sentence_subject(j, best_record, &passes)),
                Some(j) => Some(self.speaker(self.idx.name(&self.idx.ents[mentions[j].1]))),
                None => best_record.map(|(_, _, id)| id),
            };
        }
        let near = to.saturating_sub(NEAR_MENTIONS);
        let mut mention = (near..to)
            .rev()
            .take_while(|&j| after_best(mentions[j].0))
            .find(|&j| passes(mentions[j].1));
        if mention.is_none() && near > 0 && after_best(mentions[near].0) {
            // further back, each kind's mentions alone: the last that passes of all kinds
            let by_kind = self.mentions_by_kind.get_or_init(|| {
                let slot = |&(_, ei): &(Pos, usize)| kind_slot(self.idx.ents[ei].kind);
                names::Groups::new(KIND_SLOTS, self.idx.mentions.iter().map(slot))
            });
            let mut last: Option<usize> = None;
            for k in kind_slots(kinds) {
                let of_kind = by_kind.of(k);
                let before = &of_kind[..of_kind.partition_point(|&i| (i as usize) < near)];
                last = before
                    .iter()
                    .rev()
                    .map(|&i| i as usize)
                    .take_while(|&i| last.is_none_or(|l| l < i) && after_best(mentions[i].0))
                    .find(|&i| pred(Some(&self.idx.ents[mentions[i].1])))
                    .or(last);
            }
            mention = last;
        }
        match (mention, best_record) {
            (Some(j), _) if pronoun => Some(self.sentence_subject(j, best_record, &passes)),
            (Some(j), _) => Some(self.speaker(self.idx.name(&self.idx.ents[mentions[j].1]))),
            (None, record) => record.map(|(_, _, id)| id),
        }
    }

    /// The speaker for mention `j`, the latest that passes a search (`passes`, of an entity),
    /// read as the subject of its sentence: a quoted speaker of that sentence before it
    /// (`best_record`), else the sentence's first mention that passes. A pronoun refers back
    /// to the sentence's subject more often than to a name after it ("Prosecutor Alan Reeve
    /// told jurors that Maria Vance had stolen … “She lied,” he said"; "Tom Hale, the coach of
    /// Dunmore United, was upbeat. “We are ready,” he said").
    fn sentence_subject(
        &self,
        j: usize,
        best_record: Option<(Pos, usize, Sid)>,
        passes: &impl Fn(usize) -> bool,
    ) -> Sid {
        let mentions = &self.idx.mentions;
        let (mp, ei) = mentions[j];
        let para = &self.paras[mp.0];
        let toks = &para.toks;
        let tok_at = |off: usize| toks.partition_point(|t| t.start < off);
        let at = tok_at(mp.1);
        let plain = || self.speaker(self.idx.name(&self.idx.ents[ei]));
        // the sentence's start: after the last token before the mention that ends one, looked
        // for over a window only (a sentence of thousands of quotes and pronouns, read back
        // from each, was quadratic)
        let window = at.saturating_sub(SENTENCE_WINDOW);
        let start = match toks[window..at].iter().rposition(|t| t.ends) {
            Some(t) => window + t + 1,
            None if window == 0 => 0,
            None => return plain(),
        };
        let in_sentence = |p: Pos| p.0 == mp.0 && tok_at(p.1) >= start;
        if let Some((bp, _, id)) = best_record.filter(|&(bp, _, _)| in_sentence(bp)) {
            debug_assert!(pos_before(bp, mp));
            return id;
        }
        // (a name far into the sentence is no subject: "… which I came to think of as Iceberg
        // Passages, after the novelist Jo Walton explained them")
        // (nor is a dateline's place in capitals: "TORONTO — Redwood Partners …")
        let near_start = |k: usize| {
            tok_at(mentions[k].0 .1) < start + SUBJECT_TOKENS
                && self
                    .idx
                    .name(&self.idx.ents[mentions[k].1])
                    .chars()
                    .any(char::is_lowercase)
        };
        // the sentence's mentions from its start (the mentions are in article order), only
        // those near it
        let sentence_start = (mp.0, toks.get(start).map_or(mp.1, |t| t.start));
        let from = mentions.partition_point(|m| pos_before(m.0, sentence_start));
        // a name after a preposition says where the subject works ("The coach of Ashdown United,
        // Gareth Pollard"); one before a role or an apposition names the subject's employer
        // ("Real Oviedo striker Mateo Rinaldi", "L'entraîneur du Stade Lavallois, Patrice
        // Morvan"): the next name is the subject
        let after_prep = |k: usize| {
            let t = tok_at(mentions[k].0 .1);
            t > 0
                && para.is_w(t - 1)
                && matches!(
                    para.lw(t - 1),
                    "of" | "for" | "at" | "de" | "du" | "des" | "der" | "von" | "bei"
                )
        };
        let modifier_of_next = |k: usize| {
            let next = mentions.get(k + 1).filter(|m| m.0 .0 == mp.0 && k < j)?;
            let between = para.p.get(self.idx.mention_end(k)..next.0 .1)?.trim();
            let words: Vec<&str> = between.split_whitespace().collect();
            let joins = between == ","
                || (1..=2).contains(&words.len())
                    && words.iter().all(|w| w.chars().all(char::is_lowercase))
                    && words.iter().any(|w| {
                        lex::list_flags(w)
                            & (lex::IN_PERSON_ROLES | lex::IN_TITLES | lex::IN_SPOKES)
                            != 0
                    });
            (joins && passes(next.1)).then_some(k + 1)
        };
        match (from..j)
            .take_while(|&k| tok_at(mentions[k].0 .1) < start + SUBJECT_TOKENS)
            .find(|&k| {
                near_start(k)
                    && passes(mentions[k].1)
                    && !self.idx.possessive_mention(self.paras, k)
                    && !after_prep(k)
            }) {
            Some(k) => {
                let k = modifier_of_next(k).unwrap_or(k);
                self.speaker(self.idx.name(&self.idx.ents[mentions[k].1]))
            }
            None => plain(),
        }
    }

    /// The company (or unspecified organisation) last named in this or the previous paragraph.
    fn recent_company(&self, pos: Pos) -> Option<Sid> {
        let r = self.nearest(
            pos,
            org_kind(OrgKind::Company) | org_kind(OrgKind::Any),
            |_| true,
        )?;
        self.is_recent(r, pos).then_some(r)
    }

    /// Whether speaker `id` is mentioned or quoted in the paragraph of `pos` (before it) or the
    /// one before. Reads those two paragraphs' mentions and records only (both lists are in
    /// paragraph order), not the article's.
    fn is_recent(&self, id: Sid, pos: Pos) -> bool {
        let name = &self.speakers.borrow().list[id].name;
        let mentions = &self.idx.mentions;
        let from = mentions.partition_point(|m| m.0 .0 + 1 < pos.0);
        let to = mentions.partition_point(|m| pos_before(m.0, pos));
        let named = |&(_, ei): &(Pos, usize)| self.idx.name(&self.idx.ents[ei]) == name;
        let mentioned = if to - from <= NEAR_MENTIONS {
            mentions[from..to].iter().any(named)
        } else {
            // a window of thousands of names, asked about at thousands of quotes: each
            // speaker's is read once, on from where the last question read it
            let mut scans = self.recent_scans.borrow_mut();
            let fresh = RecentScan {
                from,
                read_to: from,
                first_found: None,
            };
            let scan = scans.entry(id).or_insert(fresh);
            if scan.from != from {
                *scan = fresh;
            }
            if scan.first_found.is_none() && scan.read_to < to {
                let found = mentions[scan.read_to..to].iter().position(named);
                scan.first_found = found.map(|k| scan.read_to + k);
                scan.read_to = to;
            }
            scan.first_found.is_some_and(|f| f < to)
        };
        mentioned
            || self
                .history
                .iter()
                .rev()
                .take_while(|r| r.pos.0 + 1 >= pos.0)
                .any(|r| pos_before(r.pos, pos) && r.id == id)
    }

    /// The first organisation of `kinds` named after `pos` in the first paragraph, or in the
    /// next, when none was before: a lede's "…, the company said on Thursday." names it only after
    /// ("Saltcell Energy said the money would …").
    fn named_after(&self, pos: Pos, kinds: KindSet) -> Option<Sid> {
        // (in the lede only: later, "the prosecutor's office said" is none named after)
        if pos.0 > 0 {
            return None;
        }
        let mentions = &self.idx.mentions;
        let from = mentions.partition_point(|m| !pos_before(pos, m.0));
        mentions[from..]
            .iter()
            .take_while(|(mp, _)| mp.0 <= pos.0 + 1)
            .find(|(_, ei)| kinds & kind_bit(self.idx.ents[*ei].kind) != 0)
            .map(|&(_, ei)| self.speaker(self.idx.name(&self.idx.ents[ei])))
    }

    /// The kinds of organisation a nominal head of kind `want` refers back to ("the ministry":
    /// a government or an unspecified one; "the forum": none).
    fn org_kinds(want: OrgKind) -> KindSet {
        match want {
            OrgKind::Any => ORGS,
            OrgKind::Other => 0,
            OrgKind::Gov => org_kind(OrgKind::Gov) | org_kind(OrgKind::Any),
            w => org_kind(w),
        }
    }

    fn classify(&self, pi: usize, a: usize, b: usize) -> Head<'a> {
        let para = &self.paras[pi];
        // (a quoted name may come first or last: «Лаборатории Касперского», газета «Ведомости»)
        let (a0, b0) = (a, b);
        // a quoted name alone is the subject ("«Газпром» заявил"): an organisation's, a
        // company's, a team's, a newspaper's
        if let [q] = &para.toks[a..b] {
            if let Some(qi) = q.quote().filter(|&qi| quoted_name_in_phrase(para, qi, a)) {
                let span = &para.spans[qi];
                return Head::Name(
                    self.speaker(&para.p[span.start..span.end]),
                    Kind::Org(OrgKind::Any),
                );
            }
        }
        let mut a = a;
        let mut b = b;
        while a < b && !para.is_w(a) {
            a += 1;
        }
        // each word's lower-case bytes and digest, without a test of character boundaries
        while a < b && LEAD_STRIP.contains_lower(para.toks[a].digest, para.lb(a)) {
            a += 1;
        }
        // (French: "Son avocate, …", "a indiqué vendredi le procureur")
        if self.lang == Lang::Fr {
            a = french_lead_end(para, a, b);
        }
        // trailing adverbs / auxiliaries, a word told from the others by its digest first
        while b > a
            && (!para.toks[b - 1].is_word()
                || (TRAILING_FILTER.may_contain_digest(para.toks[b - 1].digest)
                    && TRAILING.contains(&para.lw(b - 1)))
                || {
                    // (a capitalised one is a name: "Tom Donnelly", "Mary E. Lovely")
                    let w = para.lb(b - 1);
                    w.len() > 4 && w.ends_with(b"ly") && b - 1 > a && !para.is_cap(b - 1)
                })
        {
            b -= 1;
        }
        if a >= b {
            return Head::Nothing;
        }
        // a pronoun right before the verb after an introduction, before the introduction's
        // prepositions cut the phrase: "На вопрос о первых шагах на посту он ответил"
        if b > a + 1 && para.is_w(b - 1) && subject_pronoun_after_intro(self.lang, para.lw(b - 1)) {
            return Head::Pronoun(para.lw(b - 1));
        }
        // a French institution named by its common noun and what completes it ("l'Union
        // générale tunisienne du travail", "le parquet de Nîmes", "l'Agence Bio"): the whole
        // phrase is its name, not the place or word in capitals within it
        if self.lang == Lang::Fr {
            if let Some((s, e)) = french_institution(para, a, b) {
                let name = &para.p[para.toks[s].start..para.toks[e - 1].end];
                let name = without_elided_article(name).unwrap_or(name);
                return Head::Name(self.speaker(name), Kind::Org(OrgKind::Any));
            }
        }
        // and a Russian one, its noun in the nominative ("сообщили в министерстве транспорта
        // Красноярского края" is the "министерство транспорта Красноярского края")
        if self.lang == Lang::Ru {
            if let Some((head, s, e)) = russian_institution(para, a, b) {
                let rest = &para.p[para.toks[s].start..para.toks[e - 1].end];
                return Head::Name(
                    self.speaker(&format!("{head} {rest}")),
                    Kind::Org(OrgKind::Any),
                );
            }
        }
        if self.lang != Lang::En {
            // "die Behörde am Dienstag", "он журналистам": the subject ends before a preposition / adverbial
            if let Some(t) = (a + 1..b).find(|&t| {
                para.is_w(t)
                    && lex::is_tail_word(self.lang, para.lw(t))
                    && !names::german_name_goes_on(para, t)
            }) {
                b = t;
            }
        }
        // German: the addressee in the dative after the speaker ("sagte er der B.Z.", "sagte
        // Jörg Brenneke der Deutschen Presse-Agentur", "sagte Müller dem Sender"), not the
        // genitive after a role ("der Sprecher der Polizei")
        if self.lang == Lang::De {
            if let Some(t) = (a + 1..b).find(|&t| {
                para.is_w(t)
                    && para.is_w(t - 1)
                    // (an object's possessive: "begründete das Gericht seine Entscheidung")
                    && (matches!(
                        para.lw(t),
                        "seine" | "seinen" | "seinem" | "ihre" | "ihren" | "ihrem"
                    ) || matches!(para.lw(t), "dem" | "der") && {
                    // (a name's last word: no role, no noun after an article, no particle
                    // of a name: "dem Bericht der Zeitung", "Van der Bellen")
                    let before = para.lw(t - 1);
                    let after_article = t >= a + 2
                        && para.is_w(t - 2)
                        && matches!(
                            para.lw(t - 2),
                            "der"
                                | "die"
                                | "das"
                                | "dem"
                                | "den"
                                | "des"
                                | "ein"
                                | "eine"
                                | "einem"
                                | "einer"
                                | "eines"
                        );
                    matches!(before, "er" | "sie")
                        || para.is_cap(t - 1)
                            && !after_article
                            && !lex::is_leading_noun(before, true)
                            && !matches!(
                                before,
                                "der" | "die" | "das" | "des" | "van" | "von" | "de" | "zu"
                            )
                    })
            }) {
                b = t;
            }
        }
        let mut bufs = self.subject_bufs.borrow_mut();
        let (words, rs) = &mut *bufs;
        words.clear();
        // the words, and whether one is a spokes-word, in one pass: told by the token's digest
        // (a filter of few words, which lets by almost no other) unless a possessive ending is
        // off
        let mut has_spokes = false;
        // and whether one is "press", rare, which the test for a press office reads the words for
        let mut has_press = false;
        for t in (a..b).filter(|&t| para.is_w(t)) {
            let w = para.lw(t);
            words.push(w);
            has_press |= w == "press";
            // a possessive ending told by the last two bytes ("'s", or "’s" whose '’' ends in
            // 0x99), without two suffix compares a word; a word that passes but has none (one
            // ending in another such character) is looked up whole, as the filter would let it
            has_spokes |= if matches!(w.as_bytes(), [.., b'\'' | 0x99, b's']) {
                lex::SPOKES.contains(trim_possessive(w))
            } else {
                SPOKES_FILTER.may_contain_digest(para.toks[t].digest) && lex::SPOKES.contains(w)
            };
        }
        if words.len() == 1 && is_pronoun(self.lang, words[0]) {
            return Head::Pronoun(words[0]);
        }
        // a person by their age refers back as a pronoun does: "the 27-year-old said", "sagte
        // der 58-Jährige" (a man), "die 58-Jährige" (a woman)
        if let [article, age] = words[..] {
            let aged = |suffix: &str| is_age(age, suffix);
            match article {
                "the" if aged("-year-old") => return Head::Described("person"),
                "der" if aged("-jährige") => return Head::Described("he"),
                "die" if aged("-jährige") => return Head::Described("she"),
                _ => {}
            }
        }
        // German: "sprach sich die 44-Jährige aus", "sagte der 31-Jährige"
        if let [article @ ("der" | "die"), desc] = words[..] {
            if self.lang == Lang::De && (is_age(desc, "-jährige") || is_age(desc, "-jähriger")) {
                return Head::Described(if article == "der" { "he" } else { "she" });
            }
        }
        // Russian: "рассказала 17-летняя спортсменка", "сказал 40-летний тренер"
        if self.lang == Lang::Ru && (1..=2).contains(&words.len()) {
            let aged = |suffix: &str| is_age(words[0], suffix);
            if aged("-летний") {
                return Head::Described("он");
            }
            if aged("-летняя") {
                return Head::Described("она");
            }
        }
        // a person by their nationality or region, as by their age: "the Brazilian joked",
        // "the Spaniard said", "The Englishman, who shot a 76, said", "a confié le Savoyard"
        if let [article @ ("the" | "le" | "la"), desc] = words[..] {
            if is_demonym(desc) && last_word_capitalised(para, a, b) {
                return Head::Described(match article {
                    "le" => "il",
                    "la" => "elle",
                    _ => "person",
                });
            }
        }
        // French: a person by their role, named before ("a lancé la cinéaste", "a déclaré la
        // ministre")
        if let [article @ ("le" | "la"), desc] = words[..] {
            if self.lang == Lang::Fr
                && !lex::ORG_NOMINALS.contains_key(desc)
                && (lex::is_leading_noun(desc, false) || is_french_role(desc))
            {
                return Head::Described(if article == "le" { "il" } else { "elle" });
            }
        }
        // (elided, its gender told by its ending: "a dénoncé l'élue", "l'entraîneur")
        if let [elided] = words[..] {
            if let Some(desc) = without_elided_article(elided) {
                if self.lang == Lang::Fr
                    && !lex::ORG_NOMINALS.contains_key(desc)
                    && (lex::is_leading_noun(desc, false) || is_french_role(desc))
                {
                    return Head::Described(french_role_pronoun(desc));
                }
            }
        }
        // German: someone unnamed ("sagt eine Krankenpflegerin aus Leverkusen", "ein Rentner"):
        // no one of the article's names, nor the noun as a name
        if self.lang == Lang::De
            && !has_spokes
            && matches!(words.first(), Some(&("ein" | "eine" | "einer")))
            && words.len() > 1
        {
            // (but "ein Microsoft-Sprecher" speaks for Microsoft)
            let second = (a..b).filter(|&t| para.is_w(t)).nth(1).map(|t| para.w(t));
            if let Some(org) = second.and_then(|w| {
                ["-Sprecher", "-Sprecherin"]
                    .iter()
                    .find_map(|e| w.strip_suffix(e))
            }) {
                return Head::Name(self.speaker(org), Kind::Org(OrgKind::Any));
            }
            if (a..b)
                .filter(|&t| para.is_w(t))
                .nth(1)
                .is_some_and(|t| para.is_cap(t))
            {
                return Head::Generic;
            }
        }
        // German: a person by a role or party ("sagte der ÖVP-Politiker", "die Anwohnerin")
        if let [article @ ("der" | "die"), desc] = words[..] {
            if self.lang == Lang::De
                && lex::is_leading_noun(desc, true)
                && !lex::ORG_NOMINALS.contains_key(desc)
                && !matches!(desc, "magazin" | "zeitung")
                && lex::org_word_kind(desc).is_none()
                && last_word_capitalised(para, a, b)
            {
                // (a plain role, "Der Richter sagte", may be a person never named: one with
                // that role, as in English)
                if !desc.contains('-')
                    && !desc.ends_with("politiker")
                    && !desc.ends_with("politikerin")
                {
                    return Head::Role(desc);
                }
                // ("die" of a man's noun is a plural: "sagten die CDU-Politiker")
                if article == "die" && !desc.ends_with("in") {
                    return Head::Generic;
                }
                return Head::Described(if article == "der" { "he" } else { "she" });
            }
        }
        // an English pronoun right before the verb after an introduction: "This week she
        // announced", "On Tuesday he told reporters"
        // (and in French and Russian: "На вопрос о первых шагах он ответил")
        if words.len() > 1 && subject_pronoun_after_intro(self.lang, words[words.len() - 1]) {
            return Head::Pronoun(words[words.len() - 1]);
        }
        // "her campaign said", "his spokesman said": the person the possessive refers to
        if let [owner, what] = words[..] {
            if matches!(
                what,
                "campaign"
                    | "camp"
                    | "spokesman"
                    | "spokeswoman"
                    | "spokesperson"
                    | "aides"
                    | "aide"
                    | "staff"
            ) {
                // (described: "Her spokesman, Owen Price, said" names him)
                match owner {
                    "her" => return Head::Described("she"),
                    "his" => return Head::Described("he"),
                    _ => {}
                }
            }
        }
        // Russian possessive of "по его словам" stands for the subject pronoun
        if words.len() == 1 && self.lang == Lang::Ru {
            let subj = match words[0] {
                "его" => "он",
                "её" | "ее" => "она",
                "их" => "они",
                _ => "",
            };
            if !subj.is_empty() {
                return Head::Pronoun(subj);
            }
        }
        // French "affirme-t-il"; "Selon lui"; "D'après l'Insee" (a name after an elided article)
        if words.len() == 1 && self.lang == Lang::Fr {
            let w = words[0];
            match w {
                "lui" => return Head::Pronoun("il"),
                "elle" => return Head::Pronoun("elle"),
                _ => {}
            }
            let t = (a..b).find(|&t| para.is_w(t)).unwrap_or(a);
            if let Some(name) = ["l'", "l’", "d'", "d’"]
                .iter()
                .find_map(|e| para.w(t).strip_prefix(e))
                .filter(|n| n.chars().next().is_some_and(char::is_uppercase))
            {
                // (a nationality refers back: "a confié l'Ukrainienne")
                let low = name.to_lowercase();
                if is_demonym(&low) {
                    let female = ["enne", "aise", "oise"].iter().any(|e| low.ends_with(e));
                    return Head::Described(if female { "elle" } else { "person" });
                }
                return Head::Name(self.speaker(name), Kind::Org(OrgKind::Any));
            }
            if w.ends_with("-il") || w.ends_with("-ils") {
                return Head::Pronoun(if w.ends_with("-ils") { "ils" } else { "il" });
            }
            if w.ends_with("-elle") {
                return Head::Pronoun("elle");
            }
        }
        let pos = (pi, para.toks[a].start);
        rs.clear();
        names::runs(
            pi,
            para,
            a,
            b,
            self.idx.lower_words(),
            &mut self.run_bufs.borrow_mut(),
            rs,
        );
        // and the organisations' names in quote marks ("В «Лаборатории Касперского» заявили")
        if names::quotes_names(self.lang) && !para.spans_in(a0, b0).is_empty() {
            names::add_quoted_names(para, a0, b0, rs);
        }
        // a French noun after an elided article is no name, though it opens the sentence
        // ("L'entreprise a indiqué", "L'autorité"), where a name is ("L'Oréal")
        if self.lang == Lang::Fr {
            rs.retain(|r| {
                !(r.n_words == 1
                    && ["L'", "L’", "D'", "D’"].iter().any(|e| {
                        r.name
                            .strip_prefix(e)
                            .and_then(|rest| rest.chars().next())
                            .is_some_and(char::is_lowercase)
                    }))
            });
        }
        // a lone generic, role, nominal or spokes-word: one look-up in all four lists; and a
        // place after "in" or "near" is no subject's name ("Police in Dunmore said")
        rs.retain(|r| {
            !(r.n_words == 1
                && r.with_lower(|l| {
                    lex::list_flags(l)
                        & (lex::IN_GENERIC
                            | lex::IN_PERSON_ROLES
                            | lex::IN_ORG_NOMINALS
                            | lex::IN_SPOKES)
                        != 0
                }))
                && r.first.is_none_or(|f| {
                    f <= a + 1
                        || r.possessive
                        || !(para.is_w(f - 1) && matches!(para.lw(f - 1), "in" | "near"))
                        || matches!(names::run_kind(r), Kind::Org(_))
                })
        });
        if !rs.is_empty() {
            let spokes_only = has_spokes && !has_press
                || has_press
                    && words.windows(2).any(|w| {
                        w[0] == "press" && matches!(w[1], "office" | "service" | "secretary")
                    });
            // each run's canonical name worked out as it is read, without a Vec of them
            if spokes_only {
                // the spokesperson named after the spokes-word ("Interior Ministry spokesman
                // Kofi Mensah", "White House press secretary Dana Ocampo"), else the
                // organisation ("a Kaspersky representative", "a spokeswoman for Kaspersky
                // Lab"), else the first person
                let spokes_at = (a..b).rev().find(|&t| {
                    para.is_w(t) && {
                        let w = trim_possessive(para.lw(t));
                        lex::SPOKES.contains(w) || matches!(w, "secretary" | "office")
                    }
                });
                let mut org = None;
                let mut person = None;
                for r in rs.iter() {
                    let (n, k) = self.idx.canon(r, pos);
                    let after_spokes = spokes_at.is_some_and(|s| r.first.is_some_and(|f| f > s));
                    if k == Kind::Person && !r.possessive && after_spokes {
                        return Head::Name(self.speaker(&n), Kind::Person);
                    }
                    if org.is_none() && matches!(k, Kind::Org(_) | Kind::Unknown) {
                        org = Some(n);
                    } else if person.is_none() && k == Kind::Person && !r.possessive {
                        person = Some(n);
                    }
                }
                return match (org, person) {
                    (Some(n), _) => Head::Spokes(Some(self.speaker(&n))),
                    (None, Some(n)) => Head::Name(self.speaker(&n), Kind::Person),
                    (None, None) => Head::Spokes(None),
                };
            }
            // English: a name before a lower-case head noun only modifies it ("Trump allies
            // say", "Middle East observers say", "Israeli settlers said", "The German automaker
            // says"); an organisation's people speak for it, as before
            if self.lang == Lang::En {
                if let Some(h) = lower_head_after(para, rs.last(), a, b) {
                    let r = rs.last().expect("a head after the last run");
                    if !matches!(self.idx.canon(r, pos).1, Kind::Org(_)) {
                        let head = trim_possessive(para.lw(h));
                        // (a government's body named by its country is none just named: "the
                        // Jordanian government", "The French foreign ministry")
                        return match lex::ORG_NOMINALS.get(head) {
                            Some(&k) if words.first() == Some(&"the") && k != OrgKind::Gov => {
                                Head::OrgNominal(k)
                            }
                            _ if lex::PERSON_ROLES.contains(head) => Head::Role(head),
                            _ => Head::Generic,
                        };
                    }
                }
            }
            // the last person, else the first run; a name after a preposition says where the
            // speaker is from ("Eli Johnson of the Red Cross", "Gary Holloway after the defeat
            // at Ashford Park", "Markus Feldmann nach dem 0:2 gegen Augsburg")
            let after_prep = |r: &names::Run| {
                r.first.is_some_and(|f| {
                    let mut t = f;
                    while t > a + 1
                        && para.is_w(t - 1)
                        && matches!(para.lw(t - 1), "the" | "der" | "dem" | "den" | "le" | "la")
                    {
                        t -= 1;
                    }
                    // ("tests by Digital Foundry": the agent)
                    t > a
                        && para.is_w(t - 1)
                        && para.lb(t - 1) != b"by"
                        && (PREPS.contains_lower(para.toks[t - 1].digest, para.lb(t - 1))
                            || matches!(
                                para.lw(t - 1),
                                "von" | "bei" | "gegen" | "nach" | "aus" | "de" | "du" | "chez"
                            ))
                })
            };
            // (a name right after a role is a person's: "Westmark captain Rhys Talbot")
            let after_role = |r: &names::Run| {
                r.first.is_some_and(|f| {
                    f > a && para.is_w(f - 1) && lex::is_role_or_title(para.lw(f - 1))
                })
            };
            for r in rs[1..].iter().rev() {
                let (n, k) = self.idx.canon(r, pos);
                if (k == Kind::Person || after_role(r)) && !r.possessive && !after_prep(r) {
                    return Head::Name(self.speaker(&n), Kind::Person);
                }
            }
            let (n, k) = self.idx.canon(&rs[0], pos);
            if k == Kind::Person && !rs[0].possessive {
                return Head::Name(self.speaker(&n), Kind::Person);
            }
            if rs[0].possessive {
                // possessive: "Kaspersky's statement" names the speaker; "Kaspersky's lawyers" do not
                let after: Vec<&str> = words
                    .iter()
                    .copied()
                    .skip_while(|w| !(w.ends_with("'s") || w.ends_with("’s") || w.ends_with('\'')))
                    .skip(1)
                    .collect();
                let head = after.last().copied().unwrap_or("");
                if after.is_empty()
                    || (matches!(
                        head,
                        "statement"
                            | "release"
                            | "response"
                            | "website"
                            | "blog"
                            | "account"
                            | "letter"
                            | "filing"
                            | "reply"
                            | "announcement"
                            | "office"
                            | "service"
                    ) || after.iter().any(|w| {
                        matches!(
                            *w,
                            "advice"
                                | "view"
                                | "message"
                                | "verdict"
                                | "answer"
                                | "conclusion"
                                | "warning"
                                | "argument"
                                | "position"
                                | "reply"
                                | "response"
                                | "statement"
                                | "recommendation"
                                | "point"
                                | "assessment"
                                | "explanation"
                        )
                    }))
                {
                    return Head::Name(self.speaker(&n), k);
                }
                if lex::PERSON_ROLES.contains(head) {
                    return Head::Role(head);
                }
                return Head::Generic;
            }
            // "a Kaspersky researcher": name used as a modifier of a role/generic noun
            let lastw = words.last().copied().unwrap_or("");
            let last_in_run = rs.last().is_some_and(|r| r.end >= para.toks[b - 1].end);
            if !last_in_run && (lex::PERSON_ROLES.contains(lastw) || lex::GENERIC.contains(lastw)) {
                if lex::PERSON_ROLES.contains(lastw) {
                    return Head::Role(lastw);
                }
                return Head::Generic;
            }
            return Head::Name(self.speaker(&n), k);
        }
        let head = trim_possessive(words.last().copied().unwrap_or_default());
        // French elision: "l’entreprise" is "la entreprise"
        let elided;
        let (words, head): (&[&str], _) = match without_elided_article(head) {
            Some(h) if self.lang == Lang::Fr && words.len() == 1 => {
                elided = ["la", h];
                (&elided, h)
            }
            _ => (words, head),
        };
        if has_spokes {
            if words.iter().any(|w| lex::ORG_NOMINALS.contains_key(w)) {
                let k = words
                    .iter()
                    .find_map(|w| lex::ORG_NOMINALS.get(w).copied())
                    .unwrap();
                return Head::Spokes(self.nearest(pos, Self::org_kinds(k), |_| true));
            }
            if words.first().is_some_and(|&w| w == "the") {
                return Head::Role(head);
            }
            return Head::Spokes(None);
        }
        if let Some(&k) = lex::ORG_NOMINALS.get(head) {
            if words.first().is_some_and(|w| {
                matches!(
                    *w,
                    "the" | "der" | "die" | "das" | "le" | "la" | "l'" | "l’"
                )
            }) || self.lang == Lang::Ru
            {
                return Head::OrgNominal(k);
            }
            return Head::Generic;
        }
        if lex::PERSON_ROLES.contains(head) {
            // Russian has no article: a bare role noun ("— добавил эксперт") refers back
            if words.first().is_some_and(|&w| w == "the")
                || (self.lang == Lang::Ru && words.len() == 1)
            {
                return Head::Role(head);
            }
            return Head::Generic;
        }
        // ("по словам мэра")
        if self.lang == Lang::Ru && words.len() == 1 {
            if let Some(r) = lex::ru_role_of_genitive(head) {
                return Head::Role(r);
            }
        }
        Head::Generic
    }

    /// Resolve a subject token range of paragraph `pi` to a canonical name.
    fn resolve_range(&self, pi: usize, a: usize, b: usize) -> Option<Sid> {
        let sid = self.resolve_range_as_written(pi, a, b)?;
        match self.lang {
            Lang::De => Some(self.german_nominative(sid)),
            // Russian "по словам Игоря Кравченко", "по данным Омскстата": the name in the
            // genitive, given in the nominative
            Lang::Ru if ru_genitive_cue_before(&self.paras[pi], a) => {
                Some(self.russian_nominative(sid))
            }
            _ => Some(sid),
        }
    }

    /// Speaker `sid`, named in the genitive, in the nominative: every word of a person's name,
    /// the first of another's ("Банка России" is "Банк России").
    fn russian_nominative(&self, sid: Sid) -> Sid {
        let nominative = {
            let list = &self.speakers.borrow().list;
            let (name, kind) = (&list[sid].name, list[sid].kind);
            // (a person's name ends in a surname in the genitive: not "Банка России")
            let last = name.rsplit(' ').next().unwrap_or_default();
            let person = kind == Kind::Person
                && name.contains(' ')
                && [
                    "ова", "ева", "ёва", "ина", "ына", "ого", "ой", "ко", "ук", "юк", "ича",
                ]
                .iter()
                .any(|e| last.ends_with(e));
            match lex::ru_nominative(name, person) {
                Some(n) if n != *name => n,
                _ => return sid,
            }
        };
        self.speaker(&nominative)
    }

    /// Speaker `sid` with a German organisation's adjective in the nominative: "der Deutschen
    /// Bahn", "der Europäischen Zentralbank", "der Grünen Jugend" name "Deutsche Bahn",
    /// "Europäische Zentralbank", "Grüne Jugend" (an adjective's "-en" after an article in the
    /// dative or genitive). Asked of every German subject: the name is read in place, and
    /// copied only when it changes.
    fn german_nominative(&self, sid: Sid) -> Sid {
        const ENDINGS: [&str; 7] = [
            "ischen", "schen", "lichen", "alen", "ären", "grünen", "neuen",
        ];
        let nominative = {
            let list = &self.speakers.borrow().list;
            // (no first name ends like these adjectives: a person's name is left as it is)
            let Some((first, rest)) = list[sid].name.split_once(' ') else {
                return sid;
            };
            // (an ending is lower case but where it is the whole word: "Grünen")
            let adjective = ENDINGS.iter().any(|e| {
                first.ends_with(e) || first.len() == e.len() && first.to_lowercase() == *e
            });
            if !adjective || !first.starts_with(char::is_uppercase) {
                return sid;
            }
            format!("{} {rest}", &first[..first.len() - 1])
        };
        self.speaker(&nominative)
    }

    /// [`Resolver::resolve_range`] of the name as the text writes it.
    fn resolve_range_as_written(&self, pi: usize, a: usize, b: usize) -> Option<Sid> {
        let para = &self.paras[pi];
        let mut a = self.subject_start(pi, a, b);
        // a second verb after "and": "The company denied the claims and said", "Компания
        // отвергает обвинения и настаивает": the subject is the first clause's
        let b = if b > a + 2
            && para.is_w(b - 1)
            && matches!(para.lw(b - 1), "and" | "und" | "et" | "и")
        {
            coordinated_subject_end(para, a, b - 1)
        } else {
            b
        };
        // Russian "В «Лаборатории Касперского» заявили, что …", "В компании сообщили": a plural
        // verb with no subject speaks for the organisation after "в" (quoted, the phrase read
        // starts after the quote); where that organisation starts, once found
        // (or after it: "— сообщили в пресс-службе «Газпрома»")
        let plural_verb = |t: usize| para.is_w(t) && para.lw(t).ends_with("ли");
        let ru_in_org = self.lang == Lang::Ru && (plural_verb(b) || a > 0 && plural_verb(a - 1));
        let is_v = |t: usize| para.is_w(t) && matches!(para.lw(t), "в" | "во");
        let mut after_v = None;
        if ru_in_org && a >= 2 && para.toks[a - 1].quote().is_some() && is_v(a - 2) {
            a -= 1;
            after_v = Some(a);
        }
        // split into chunks at commas / dashes / parentheses
        let mut chunks = self.chunk_buf.borrow_mut();
        chunks.clear();
        let mut s = a;
        // the kind compared whole with each mark and the answers joined by `|`, the start moved
        // by a select: a branch a token only where a chunk ends (a `match` mispredicted often)
        for t in a..b {
            let k = para.toks[t].kind;
            let sep = (k == TK::Punct(','))
                | (k == TK::Punct('—'))
                | (k == TK::Punct('–'))
                | (k == TK::Punct('('))
                | (k == TK::Punct(')'))
                | (k == TK::Punct(';'));
            if sep & (t > s) {
                chunks.push((s, t));
            }
            s = if sep { t + 1 } else { s };
        }
        if b > s {
            chunks.push((s, b));
        }
        if let Some(c) = chunks.first_mut().filter(|c| ru_in_org && is_v(c.0)) {
            c.0 += 1;
            after_v = Some(c.0);
        }
        // (an introduction and the subject pronoun in one: "This week she announced")
        let ends_in_pronoun = |y: usize| {
            y > 0 && para.is_w(y - 1) && subject_pronoun_after_intro(self.lang, para.lw(y - 1))
        };
        // (an opening participle's phrase, before the subject's chunk: "Sentencing Holt, Judge
        // Sarah Finch said", "Interrogé par l'AFP, le porte-parole …")
        let participle = |t: usize| {
            para.is_cap(t) && {
                let w = para.lb(t);
                match self.lang {
                    Lang::En => w.len() > 5 && w.ends_with(b"ing"),
                    Lang::Fr => {
                        w.len() > 5
                            && ["é", "ée", "és", "ées"]
                                .iter()
                                .any(|e| w.ends_with(e.as_bytes()))
                    }
                    _ => false,
                }
            }
        };
        let last_chunk = chunks.last().map_or(0, |c| c.0);
        chunks.retain(|&(x, y)| match (x..y).find(|&t| para.is_w(t)) {
            Some(t) if x < last_chunk && participle(t) => false,
            // (a quoted name alone: "«Газпром» заявил")
            None => (x..y).any(|t| {
                para.toks[t]
                    .quote()
                    .is_some_and(|qi| quoted_name_in_phrase(para, qi, t))
            }),
            Some(_) if ends_in_pronoun(y) => true,
            Some(t) => {
                let f = para.lw(t);
                // (a relative clause is no subject: "…, которые краевые власти обещали городу, мэр ответил")
                !(is_relative_pronoun(self.lang, f)
                    || INTRO.contains_lower(para.toks[t].digest, para.lb(t))
                    || lex::EN_WEEKDAYS.contains(&f)
                    // French "De son côté, Kaspersky a affirmé", "Pour sa part, …" (not "De
                    // Gaulle", nor "Du côté de Kaspersky")
                    || self.lang == Lang::Fr
                        && matches!(f, "de" | "du" | "pour" | "quant")
                        && !(t + 1..y).any(|u| para.is_w(u) && para.is_cap(u)))
                    || (y - x == 1 && is_pronoun(self.lang, f))
            }
        });
        let &(ha, hb) = chunks.first()?;
        let head = self.classify(pi, ha, hb);
        // (what follows "в" speaks only when it is an organisation: "В Кремле заявили", not
        // "В Москве заявили")
        if after_v == Some(ha)
            && !matches!(
                head,
                Head::Name(_, Kind::Org(_)) | Head::OrgNominal(_) | Head::Spokes(_)
            )
        {
            return None;
        }
        let pos = (pi, para.toks[ha].start);
        // an apposition naming a person
        let appos_person = || -> Option<Sid> {
            for &(x, y) in chunks.iter().skip(1) {
                if let Head::Name(n, Kind::Person) = self.classify(pi, x, y) {
                    return Some(n);
                }
            }
            None
        };
        // "The developer, Thistledown Homes, said": an apposition names the organisation
        let appos_name = || -> Option<Sid> {
            let starts_cap = |x: usize| {
                (x..b)
                    .find(|&t| para.is_w(t))
                    .is_some_and(|t| para.is_cap(t))
            };
            chunks
                .iter()
                .skip(1)
                .find_map(|&(x, y)| match self.classify(pi, x, y) {
                    Head::Name(n, _) if starts_cap(x) => Some(n),
                    _ => None,
                })
        };
        match head {
            // "The mayor of Lyon, Paul Girard, said", "Le procureur de la République, Antoine
            // Lefèvre, a indiqué": the person in apposition, not the place or organisation
            // (and a "person" whose name begins with the role: "Le PDG du Groupe Hélion")
            Head::Name(n, k)
                if (matches!(k, Kind::Org(_) | Kind::Unknown)
                    || self.name_opens_chunk(n, para, ha, hb))
                    && role_of_name(para, self.lang, ha, hb) =>
            {
                appos_person().or(Some(n))
            }
            Head::Name(n, _) => Some(n),
            Head::Pronoun(p) => self.pronoun(p, pos),
            // (a description with the person in apposition: "la présidente, Clémence Ravel")
            Head::Described(p) => appos_person().or_else(|| self.pronoun(p, pos)),
            Head::OrgNominal(k) => appos_name()
                .or_else(|| self.nearest(pos, Self::org_kinds(k), |_| true))
                .or_else(|| self.named_after(pos, Self::org_kinds(k))),
            // a spokesperson of no named organisation speaks for the company just talked about
            Head::Spokes(org) => appos_person().or(org).or_else(|| self.recent_company(pos)),
            Head::Role(r) => appos_person().or_else(|| {
                let mut roles = self.role_searches.borrow_mut();
                let has_role =
                    |e: Option<&Entity>| e.is_some_and(|e| self.idx.has_role(self.paras, e, r));
                self.nearest_known(pos, PERSON, has_role, roles.entry(r).or_default(), false)
            }),
            // ("Her publisher, Wrenfield Press, said")
            Head::Generic => appos_person().or_else(appos_name),
            Head::Nothing => None,
        }
    }

    /// Where the subject phrase really starts: after the last ';' / ':', after a dateline ("MOSCOW (Wire) —"),
    /// after a subordinator right before the subject ("... hardened after The Wall Street Journal reported").
    fn subject_start(&self, pi: usize, a: usize, b: usize) -> usize {
        let para = &self.paras[pi];
        let toks = &para.toks;
        // a phrase of one token (a third of them) starts where it is: none of the tests below
        // moves the start to a word after that token
        if b - a <= 1 {
            return a;
        }
        let mut a = a;
        let has_word = |x: usize| (x..b).any(|t| para.is_w(t));
        if let Some(t) = last_semicolon_or_colon(para, a, b) {
            if has_word(t + 1) {
                a = t + 1;
            }
        }
        // a clause after ", but": "Trump has been eager to withdraw, but General Mark Milley,
        // chairman of the Joint Chiefs, told US media"
        if let Some(t) = (a + 1..b - 1).rev().find(|&t| {
            toks[t - 1].is_punct(',')
                && para.is_w(t)
                && matches!(
                    (self.lang, para.lw(t)),
                    (Lang::En, "but" | "yet")
                        | (Lang::Fr, "mais")
                        | (Lang::De, "aber")
                        | (Lang::Ru, "но")
                )
        }) {
            if has_word(t + 1) {
                a = t + 1;
            }
        }
        // dateline: upper-case words (and a parenthesis) then a dash, at the paragraph start
        if a == 0 || (0..a).all(|t| !toks[t].is_word()) {
            if let Some(d) = dateline_end(para, a, b) {
                a = d;
            }
        }
        if b > a + 2 && para.is_w(b - 1) && self.lang == Lang::En {
            // a word's digest first: almost no other word passes the filter (a non-word's digest
            // is 0, which passes none)
            if let Some(t) = (a + 1..b - 1).rev().find(|&t| {
                SUBORDINATORS_FILTER.may_contain_digest(toks[t].digest)
                    && para.is_w(t)
                    && SUBORDINATORS.contains(&para.lw(t))
            }) {
                let nx = para.w(t + 1);
                let ok = nx.chars().next().is_some_and(|c| c.is_uppercase())
                    || is_pronoun(self.lang, &nx.to_lowercase())
                    || nx == "the";
                if ok && !(t + 1..b).any(|x| toks[x].is_punct(',')) {
                    a = t + 1;
                }
            }
        }
        a
    }

    fn pronoun(&self, p: &str, pos: Pos) -> Option<Sid> {
        let gender = |e: Option<&Entity>| e.map_or((0, 0), |e| self.idx.gender(self.paras, e));
        match p {
            "he" | "er" | "il" | "он" => {
                let known = &mut self.gender_searches.borrow_mut()[0];
                self.nearest_known(pos, PERSON, |e| male(gender(e)), known, true)
            }
            "she" | "sie" | "elle" | "она" => {
                let known = &mut self.gender_searches.borrow_mut()[1];
                let r = self.nearest_known(pos, PERSON, |e| female(gender(e)), known, true);
                if p == "sie" && r.is_none() {
                    return self.nearest(pos, ORGS, |_| true);
                }
                r
            }
            "it" | "es" | "оно" => {
                if let Some(c) = self.nearest(pos, org_kind(OrgKind::Company), |_| true) {
                    if self.is_recent(c, pos) {
                        return Some(c);
                    }
                }
                self.nearest(pos, ORGS, |_| true)
            }
            // only when that organisation is recent (same or previous paragraph)
            "they" | "ils" | "они" => self.recent_company(pos),
            // a person of either sex ("the 27-year-old")
            "person" => self.search(pos, PERSON, |_| true, None, true),
            _ => None,
        }
    }

    /// Records speaker `id` as quoted at `pos`; a pronoun subject `pron` counts for its gender.
    fn record(&mut self, pos: Pos, id: Sid, pron: Option<&str>) {
        if let (Some(pr), Some(i)) = (pron, self.speakers.get_mut().list[id].ei) {
            let before = self.idx.gender_if_read(&self.idx.ents[i]);
            let e = &mut self.idx.ents[i];
            if lex::is_male_pronoun(pr) {
                e.traits.male += 1;
            } else if lex::is_female_pronoun(pr) {
                e.traits.female += 1;
            }
            // what a search of a gender keeps (the latest record and mention that pass) holds
            // until a name's answer turns to yes, or to no for the name kept: then it is dropped.
            // (A name turning to no elsewhere was not kept; a name whose gender no search asked,
            // its surroundings unread, was read by none.)
            let after = self.idx.gender_if_read(&self.idx.ents[i]);
            if let (Some(before), Some(after)) = (before, after) {
                let speakers = &self.speakers.get_mut().list;
                let mentions = &self.idx.mentions;
                let searches = self.gender_searches.get_mut();
                for (known, holds) in searches.iter_mut().zip([male, female]) {
                    let found = known.last_mention.is_some_and(|j| mentions[j].1 == i)
                        || known
                            .best_record
                            .is_some_and(|(_, _, id)| speakers[id].ei == Some(i));
                    if holds(before) != holds(after) && (holds(after) || found) {
                        *known = KnownLast::default();
                    }
                }
            }
        }
        let slot = kind_slot(self.speakers.get_mut().list[id].kind).unwrap_or(0);
        let prev_of_kind = self.last_record_of_kind[slot].replace(self.history.len() as u32);
        let latest_in_para = match self.history.last() {
            Some(r) if r.pos.0 == pos.0 => r.latest_in_para.max(pos.1),
            _ => pos.1,
        };
        self.history.push(Record {
            pos,
            id,
            prev_of_kind,
            latest_in_para,
        });
    }
}

/// Quotes of each paragraph of one article (same length as `paragraphs`), speakers resolved across the article.
/// `lang` is an ISO 639-1 code when known ("en", "de", "fr", "ru").
pub fn find_quotes(paragraphs: &[&str], lang: Option<&str>) -> Vec<Vec<Quote>> {
    let lang = detect_lang(lang, paragraphs);
    // Russian and French paragraphs rewritten where the attribution is inside the quote; the
    // others (and no Vec for them) as they are
    let split: Vec<Option<String>> = match lang {
        Lang::Ru => paragraphs
            .iter()
            .map(|p| split_dash_attribution(p))
            .collect(),
        Lang::Fr => paragraphs.iter().map(|p| split_incise(p)).collect(),
        _ => Vec::new(),
    };
    // the paragraphs themselves but in Russian and French, without a Vec
    let texts: std::borrow::Cow<[&str]> = match lang {
        Lang::Ru | Lang::Fr => paragraphs
            .iter()
            .zip(&split)
            .map(|(p, s)| s.as_deref().unwrap_or(p))
            .collect(),
        _ => paragraphs.into(),
    };
    let (bufs, parts) = text::ParaBufs::read_all(&texts);
    let paras: Vec<Para> = texts
        .iter()
        .zip(parts)
        .map(|(p, parts)| Para::new(p, parts, &bufs))
        .collect();
    // the name index is the costliest part, and an article without a quote never needs it
    let mut resolver: Option<Resolver> = None;

    let mut out: Vec<Vec<Quote>> = Vec::with_capacity(paras.len());
    let mut prev_open = false;
    let mut prev_speaker: Option<Sid> = None; // speaker of the previous paragraph's last direct quote
    let mut open_speaker: Option<Sid> = None;
    let mut interviewee: Option<Option<Sid>> = None;
    let mut prev_quotes = 0usize;
    let mut scratch = Scratch::new(&bufs, lang);
    // each raw quote's speaker: kept from paragraph to paragraph
    let mut speakers: Vec<Option<Sid>> = Vec::new();
    for (pi, para) in paras.iter().enumerate() {
        analyse(para, lang, prev_open, &mut scratch);
        if lang == Lang::De && !scratch.raws.is_empty() {
            german_continuations(para, &mut scratch);
        }
        let raws = &mut scratch.raws;
        if raws.is_empty() {
            (prev_open, open_speaker, prev_speaker) = carried_state(para, &[], &[]);
            prev_quotes = 0;
            out.push(Vec::new());
            continue;
        }
        let res = resolver.get_or_insert_with(|| Resolver {
            idx: Index::build(&paras, bufs.toks(), lang),
            paras: &paras,
            lang,
            // about a speaker per paragraph, a name of a few words each
            history: Vec::with_capacity(paras.len()),
            last_record_of_kind: [None; KIND_SLOTS],
            mentions_by_kind: Default::default(),
            role_searches: Default::default(),
            gender_searches: Default::default(),
            recent_scans: Default::default(),
            // a few speakers per article
            speakers: Speakers {
                list: Vec::with_capacity(8),
                ids: lex::FxMap::with_capacity_and_hasher(8, Default::default()),
            }
            .into(),
            run_bufs: Default::default(),
            // a subject phrase of a few words and runs
            subject_bufs: (Vec::with_capacity(16), Vec::with_capacity(4)).into(),
            chunk_buf: Default::default(),
        });
        // resolve explicit subjects first, in one pass that also tells whether any speaker is
        // carried (and a short subject phrase, which may be a pronoun)
        speakers.clear();
        let mut carried = false;
        for (ri, r) in raws.iter().enumerate() {
            let pos = (pi, r.pos);
            let mut short = None;
            let sp = match &r.subj {
                &Subj::Phrase(a, b) => {
                    short = Some((a, b)).filter(|_| b - a <= 2);
                    // the quotes of one attribution follow one another with its subject: what
                    // the record of the first adds (that name again) resolves it to that name
                    let before = ri.checked_sub(1).filter(
                        |&k| matches!(raws[k].subj, Subj::Phrase(x, y) if (x, y) == (a, b)),
                    );
                    match before {
                        Some(k) => speakers[k],
                        None => res.resolve_range(pi, a, b),
                    }
                }
                Subj::Name(n) => {
                    let mut words: Vec<String> = n.split_whitespace().map(titlecase).collect();
                    if let Some(k) = words.iter().rposition(|w| {
                        lex::TITLES.contains(w.trim_end_matches('.').to_lowercase().as_str())
                    }) {
                        if k + 1 < words.len() {
                            words.drain(..=k);
                        }
                    }
                    let name = words.join(" ");
                    let run = names::Run::of_name(name.into(), r.pos, r.pos);
                    Some(res.speaker(&res.idx.canon(&run, pos).0))
                }
                Subj::Unknown => None,
                Subj::Interviewee => {
                    if interviewee.is_none() {
                        interviewee = Some(res.nearest((pi, 0), PERSON, |_| true));
                    }
                    interviewee.flatten()
                }
                Subj::Carry | Subj::Cont => {
                    carried = true;
                    None
                }
            };
            if let Some(s) = sp {
                // the first word of a short phrase, when its digest lets it be a gendered
                // pronoun (which alone [`Resolver::record`] counts), without its lower case else
                let pron = short
                    .and_then(|(a, b)| (a..b).find(|&t| para.is_w(t)))
                    .filter(|&t| lex::PRONOUN_FILTER.may_contain_digest(para.toks[t].digest))
                    .map(|t| para.lw(t));
                res.record(pos, s, pron);
            }
            speakers.push(sp);
        }
        // carried speakers
        if carried {
            for ri in 0..raws.len() {
                match raws[ri].subj {
                    Subj::Cont => {
                        speakers[ri] = open_speaker.or(prev_speaker);
                    }
                    Subj::Carry => {
                        let before = (0..ri)
                            .rev()
                            .find(|&k| {
                                speakers[k].is_some()
                                    && !matches!(raws[k].kind, QuoteKind::According)
                            })
                            .and_then(|k| speakers[k]);
                        let after = || {
                            (ri + 1..raws.len())
                                .find(|&k| {
                                    !matches!(raws[k].subj, Subj::Carry | Subj::Cont)
                                        && speakers[k].is_some()
                                })
                                .and_then(|k| speakers[k])
                        };
                        speakers[ri] = before.or_else(after).or_else(|| {
                            if ri == 0 || raws[..ri].iter().all(|r| r.attr_only) {
                                prev_speaker
                            } else {
                                None
                            }
                        });
                        // a quotation paragraph right after a paragraph that introduces one person (and quotes nobody)
                        if speakers[ri].is_none() && ri == 0 && pi > 0 && prev_quotes == 0 {
                            // (the mentions are in article order: the paragraph's are a
                            // slice of them, found without a scan of the article's)
                            let mentions = &res.idx.mentions;
                            let from = mentions.partition_point(|m| m.0 .0 + 1 < pi);
                            let to = mentions.partition_point(|m| m.0 .0 < pi);
                            let persons: Vec<&str> = mentions[from..to]
                                .iter()
                                .filter(|m| res.idx.ents[m.1].kind == Kind::Person)
                                .map(|m| res.idx.name(&res.idx.ents[m.1]))
                                .collect();
                            // "Frank DeLuca, owner of ..., recalled the day the directive came out:" introduces the quotation
                            let first = persons
                                .first()
                                .filter(|_| paras[pi - 1].p.trim_end().ends_with(':'));
                            let only = persons
                                .last()
                                .filter(|&last| persons.iter().all(|p| p == last));
                            if let Some(n) = first.or(only) {
                                speakers[ri] = Some(res.speaker(n));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut qs = Vec::with_capacity(raws.len());
        // the texts and cues move into the quotes: what follows reads only kinds and attr_only
        for (ri, r) in raws.iter_mut().enumerate() {
            if r.attr_only {
                continue;
            }
            qs.push(Quote {
                text: std::mem::take(&mut r.text),
                speaker: speakers[ri].map(|s| res.canonical(s)),
                cue: r.cue.take(),
                kind: r.kind,
            });
        }
        (prev_open, open_speaker, prev_speaker) = carried_state(para, raws, &speakers);
        prev_quotes = qs.len();
        out.push(qs);
    }
    out
}

/// What a paragraph leaves to the next: whether its last quotation is still open, the speaker of
/// that open quotation (its last direct quote's), and the last speaker it named (any kind of quote
/// or a bare attribution). `speakers` holds one entry per raw quote.
fn carried_state(
    para: &Para,
    raws: &[Raw],
    speakers: &[Option<Sid>],
) -> (bool, Option<Sid>, Option<Sid>) {
    let open = para.spans.last().is_some_and(|s| !s.closed);
    let open_at = if open {
        raws.iter()
            .rposition(|r| r.kind == QuoteKind::Direct && !r.attr_only)
    } else {
        None
    };
    let last_named = speakers.iter().rev().find_map(|&s| s);
    let open_speaker = open_at.and_then(|i| speakers[i]);
    (open, open_speaker, last_named)
}

/// Where a quote holds its own attribution: the text of a quote in guillemets cut into the
/// first part (ending where `close` is written after it), the attribution, and the second part
/// (after `open` is written), as offsets into the quote's text.
struct InnerAttribution {
    first_end: usize,
    close: &'static str,
    attr: Range<usize>,
    open: &'static str,
    second_start: usize,
}

/// Paragraph `p` rewritten where a quote in guillemets holds its attribution (`find`, asked of
/// each quote's text): the quote closed before it and opened again after it, so that both parts
/// are quotes and the speaker an ordinary inverted subject. `None` when no quote does.
fn split_inner_attribution(
    p: &str,
    find: impl Fn(&str) -> Option<InnerAttribution>,
) -> Option<String> {
    let mut out = String::new();
    let mut last = 0;
    for s in marks::find_spans(p) {
        if !s.closed || !p[s.open..].starts_with('«') {
            continue;
        }
        let inner = &p[s.start..s.end];
        let Some(cut) = find(inner) else {
            continue;
        };
        out.push_str(&p[last..s.start]);
        out.push_str(&inner[..cut.first_end]);
        out.push_str(cut.close);
        out.push_str(&inner[cut.attr]);
        out.push_str(cut.open);
        out.push_str(&inner[cut.second_start..]);
        last = s.end;
    }
    if last == 0 {
        return None;
    }
    out.push_str(&p[last..]);
    Some(out)
}

/// Russian style puts the attribution inside the guillemets: «A, — сказал X, эксперт. — B». Rewritten
/// as «A», — сказал X, эксперт. «B».
fn split_dash_attribution(p: &str) -> Option<String> {
    // " — " found by one searcher built once, where `match_indices` built one per quote
    static DASH: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(" — "));
    // a paragraph without a guillemet or a dash has nothing to rewrite: no scan of its marks
    if !(p.contains('«') && p.contains('—')) {
        return None;
    }
    split_inner_attribution(p, |inner| {
        // "<punct> — <cue> ..." inside the quote
        let d = DASH.find_iter(inner.as_bytes()).find(|&i| {
            inner[..i].ends_with([',', '!', '?', '…'])
                && inner[i + 5..]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| lex::cue_class(Lang::Ru, w).is_some())
        })?;
        let after = d + " — ".len();
        // the attribution ends at ". — " or ", — " before the second part
        let e = DASH
            .find_iter(&inner.as_bytes()[after..])
            .map(|i| after + i)
            .find(|&i| inner[..i].ends_with(['.', ',']))?;
        let comma = inner[..d].ends_with(',');
        let attr_end = e - usize::from(inner[..e].ends_with(','));
        Some(InnerAttribution {
            first_end: d - usize::from(comma),
            close: if comma { "»," } else { "»" },
            attr: d..attr_end,
            open: if inner[..attr_end].ends_with('.') {
                " «"
            } else {
                ". «"
            },
            second_start: e + " — ".len(),
        })
    })
}

/// French style puts the attribution inside the guillemets, between commas: « A, a expliqué
/// X. B » or « A, affirme-t-il. B ». Rewritten as « A », a expliqué X. « B ».
fn split_incise(p: &str) -> Option<String> {
    // a paragraph without a full stop and a second sentence between its guillemets has
    // nothing to rewrite: no scan of its marks
    let (Some(open), Some(close)) = (p.find('«'), p.rfind('»')) else {
        return None;
    };
    if open >= close || !p[open..close].contains(". ") {
        return None;
    }
    split_inner_attribution(p, |inner| {
        // ", <a|ont|avait> <cue> …" inside the quote, after some words
        let c = inner.match_indices(", ").map(|(i, _)| i).find(|&i| {
            let mut words = inner[i + 2..].split_whitespace();
            let first = words.next().unwrap_or_default();
            let cue = if matches!(first, "a" | "ont" | "avait" | "avaient") {
                words.next().unwrap_or_default()
            } else {
                first
            };
            i > 0 && lex::cue_class(Lang::Fr, cue.trim_end_matches([',', '.'])).is_some()
        })?;
        let after = c + ", ".len();
        // the attribution ends at the full stop before the second part, a capital after it
        // (not the dot of an initial or a title: "M. Dupont")
        let e = inner[after..]
            .match_indices('.')
            .map(|(i, _)| after + i)
            .find(|&i| {
                inner[i + 1..].starts_with(' ')
                    && inner[i + 1..]
                        .trim_start()
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    && inner[after..i]
                        .split_whitespace()
                        .last()
                        .is_some_and(|w| w.chars().count() > 2)
            })?;
        let second_start = e + 1 + (inner[e + 1..].len() - inner[e + 1..].trim_start().len());
        Some(InnerAttribution {
            first_end: c,
            close: " »,",
            attr: c + 1..e,
            open: ". « ",
            second_start,
        })
    })
}

fn titlecase(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
