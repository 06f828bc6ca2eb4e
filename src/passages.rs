//! Body blocks → passages: the unit that search returns. A passage is a natural paragraph (or list
//! item, block quote, sub-heading); a paragraph too long to read as one hit is split between
//! sentences; only a "sentence" that is itself longer than [`MAX_PASSAGE_BYTES`] (a run-on line of
//! text without full stops, a 5 MB line with no markup) is split between words, or, without
//! spaces, between characters.

use crate::extract::{Block, BlockKind};
use crate::quotes::Quote;

/// Paragraphs longer than this many bytes are split at sentence boundaries into pieces of about
/// [`TARGET_BYTES`]; shorter ones are kept whole.
pub const MAX_PASSAGE_BYTES: usize = 1500;
const TARGET_BYTES: usize = 800;

/// One passage of an article, with the quotations it contains.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Passage {
    /// 0-based position in the article.
    pub position: u32,
    pub kind: BlockKind,
    pub text: String,
    pub quotes: Vec<Quote>,
}

impl Passage {
    /// Distinct speakers of the passage's quotes, in order of appearance.
    pub fn speakers(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for quote in &self.quotes {
            if let Some(name) = quote.speaker.as_deref() {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    }
}

/// Splits body blocks into passage texts, numbered in order (quotes are attached later).
pub fn split(blocks: &[Block]) -> Vec<Passage> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let pieces = if block.text.len() > MAX_PASSAGE_BYTES {
            split_long(&block.text)
        } else {
            vec![block.text.as_str()]
        };
        for piece in pieces {
            out.push(Passage {
                position: out.len() as u32,
                kind: block.kind,
                text: piece.to_owned(),
                quotes: Vec::new(),
            });
        }
    }
    out
}

/// Groups whole sentences into pieces of about [`TARGET_BYTES`].
fn split_long(text: &str) -> Vec<&str> {
    let ends = sentence_ends(text);
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut last_end = 0;
    for end in ends {
        if end - start > TARGET_BYTES && last_end > start {
            pieces.push(text[start..last_end].trim());
            start = last_end;
        }
        last_end = end;
    }
    if start < text.len() {
        pieces.push(text[start..].trim());
    }
    pieces.retain(|p| !p.is_empty());
    if pieces.iter().any(|p| p.len() > MAX_PASSAGE_BYTES) {
        pieces = pieces
            .into_iter()
            .flat_map(|p| {
                if p.len() > MAX_PASSAGE_BYTES {
                    split_words(p)
                } else {
                    vec![p]
                }
            })
            .collect();
    }
    pieces
}

/// Cuts text without sentence ends into pieces of at most [`TARGET_BYTES`], at the last space
/// before that size, or at a character boundary when there is none.
fn split_words(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = text.trim();
    while rest.len() > TARGET_BYTES {
        let mut cut = TARGET_BYTES;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = match rest[..cut].rfind(char::is_whitespace) {
            Some(space) if space > TARGET_BYTES / 2 => space,
            _ => cut,
        };
        pieces.push(rest[..cut].trim());
        rest = rest[cut..].trim_start();
    }
    if !rest.is_empty() {
        pieces.push(rest);
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "adm", "col", "lt", "sgt", "capt",
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "u.s", "u.k", "e.g", "i.e", "vs", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "ft",
    "mt", "p.m", "a.m", "etc", "al", "fig", "vol", "z.b", "bzw", "nr", "m", "mme", "gén",
];

/// Byte offsets just after each sentence end (".", "!", "?" and closing quotes or brackets after
/// them, followed by a space and an upper-case letter, digit or opening quote).
pub fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '“')
            {
                j += 1;
            }
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            let next_starts = chars[j..]
                .iter()
                .find(|(_, c)| !c.is_whitespace())
                .is_some_and(|&(_, c)| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || matches!(c, '"' | '“' | '«' | '„' | '‘' | '(')
                });
            let next_is_digit = chars[j..]
                .iter()
                .find(|(_, c)| !c.is_whitespace())
                .is_some_and(|&(_, c)| c.is_ascii_digit());
            if followed_by_space
                && next_starts
                && !(c == '.' && is_abbreviation(&text[..at], next_is_digit))
            {
                let end = chars.get(j).map_or(text.len(), |&(pos, _)| pos);
                ends.push(end);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    ends.push(text.len());
    ends.dedup();
    ends
}

fn is_abbreviation(before: &str, next_is_digit: bool) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    // Single capital initials ("J. Smith") and known abbreviations.
    word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
        || ABBREVIATIONS.contains(&word.as_str())
        || (next_is_digit && matches!(word.as_str(), "no" | "nr" | "art" | "sec" | "p"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_respect_abbreviations() {
        let text =
            "Sen. Marco Rubio asked six chiefs. All said no. Mr. J. Smith of the U.S. Army agreed.";
        let ends = sentence_ends(text);
        let sentences: Vec<&str> = ends
            .iter()
            .scan(0, |start, &end| {
                let s = text[*start..end].trim();
                *start = end;
                Some(s)
            })
            .collect();
        assert_eq!(
            sentences,
            vec![
                "Sen. Marco Rubio asked six chiefs.",
                "All said no.",
                "Mr. J. Smith of the U.S. Army agreed."
            ]
        );
    }

    #[test]
    fn long_paragraphs_split_between_sentences() {
        let sentence =
            "The agency said the directive applies to every civilian network in the government. ";
        let text = sentence.repeat(40);
        let blocks = vec![Block {
            kind: BlockKind::Paragraph,
            text: text.trim().to_owned(),
        }];
        let passages = split(&blocks);
        assert!(passages.len() > 1);
        for (i, p) in passages.iter().enumerate() {
            assert_eq!(p.position as usize, i);
            assert!(
                p.text.ends_with("government."),
                "cut mid-sentence: {}",
                p.text
            );
            assert!(p.text.len() <= MAX_PASSAGE_BYTES);
        }
        let rejoined: Vec<&str> = passages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(rejoined.join(" "), text.trim());
    }

    #[test]
    fn run_on_text_is_split_between_words_then_characters() {
        // tests/hostile.rs: a 5 MB line with no markup and no full stop was one 5 MB passage.
        for text in [
            "a long line without any full stop, and on it goes, ".repeat(2000),
            "ж".repeat(5000),
            format!("{} and then {}", "x".repeat(4000), "words, ".repeat(500)),
        ] {
            let passages = split(&[Block {
                kind: BlockKind::Paragraph,
                text: text.trim().to_owned(),
            }]);
            assert!(passages.len() > 1);
            let mut total = 0;
            for p in &passages {
                assert!(!p.text.is_empty() && p.text.len() <= MAX_PASSAGE_BYTES);
                total += p.text.split_whitespace().map(str::len).sum::<usize>();
            }
            assert_eq!(total, text.split_whitespace().map(str::len).sum::<usize>());
        }
    }
}
