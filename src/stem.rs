//! The analyzers of the index's word fields, as single token streams.
//!
//! tantivy's `default` analyzer is a chain of token streams (simple tokenizer, tokens of 40 bytes
//! or more dropped, lower case) and `en_stem` adds English Snowball stemming: each stage is a
//! virtual call per token, the tokenizer decodes every character, and the stemmer recomputes each
//! word from scratch and allocates its result. Inverting passages spent two thirds of its time
//! there. [`Words`] does the same in one pass over the bytes, lower-cases ASCII words as it copies
//! them, and looks stems up in a memo first (news text repeats a small vocabulary: the 1,000 most
//! common words make most of the tokens). It uses the stemmer crate and version tantivy uses, and
//! its output is the chain's token for token (text, offsets, positions), so indexes built with
//! either are interchangeable.

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use tantivy::Index;

/// The stemmed analyzer's name in the schema (the same as tantivy's built-in one it replaces).
pub const EN_STEM: &str = "en_stem";

/// The unstemmed analyzer's name in the schema (tantivy's built-in `default`, replaced).
pub const DEFAULT: &str = "default";

/// Tokens of this many bytes or more are dropped (tantivy's `RemoveLongFilter::limit(40)`); they
/// still take a position.
const MAX_TOKEN_BYTES: usize = 40;

/// Words of this many bytes or fewer have at most two letters, which English Snowball leaves as
/// they are ("not hop 3"): "a", "of", "to", "in", about a fifth of English text, skip the memo.
const MAX_UNSTEMMED_BYTES: usize = 2;

/// Distinct words remembered per analyzer before the memo starts over; a segment writer's copy
/// sees a few tens of thousands of words, an entry takes 48 bytes.
const MEMO_LIMIT: usize = 200_000;

/// Longest word (and stem) the memo holds, in bytes; longer words are rare and stemmed each time.
const SHORT_BYTES: usize = 23;

/// A word of at most [`SHORT_BYTES`] held in place: a memo look-up compares it, and reads the
/// stem, inside the table's entry rather than through pointers to the heap (on an index of 1,000
/// pages those two cache misses were half the time of the token stream).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Short {
    len: u8,
    bytes: [u8; SHORT_BYTES],
}

impl Short {
    fn new(word: &str) -> Option<Short> {
        let mut bytes = [0; SHORT_BYTES];
        bytes
            .get_mut(..word.len())?
            .copy_from_slice(word.as_bytes());
        Some(Short {
            len: word.len() as u8,
            bytes,
        })
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).expect("made from a str")
    }
}

/// Registers both analyzers on an index, for indexing and query parsing alike.
pub fn register(index: &Index) {
    let tokenizers = index.tokenizers();
    tokenizers.register(EN_STEM, TextAnalyzer::from(Words::stemmed()));
    tokenizers.register(DEFAULT, TextAnalyzer::from(Words::plain()));
}

/// Lower-cased alphanumeric words, stemmed or not; each copy (one per segment writer) has its own
/// memo of stems.
#[derive(Clone)]
pub struct Words {
    stemmer: Option<frostem::Stemmer>,
    memo: FxHashMap<Short, Short>,
    token: Token,
    lower: String,
}

impl Words {
    /// tantivy's `en_stem`.
    pub fn stemmed() -> Words {
        Words::new(Some(frostem::Stemmer::new(frostem::Algorithm::English)))
    }

    /// tantivy's `default`.
    pub fn plain() -> Words {
        Words::new(None)
    }

    fn new(stemmer: Option<frostem::Stemmer>) -> Words {
        Words {
            stemmer,
            memo: FxHashMap::default(),
            token: Token::default(),
            lower: String::new(),
        }
    }
}

impl Tokenizer for Words {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        if self.memo.len() > MEMO_LIMIT {
            self.memo.clear();
        }
        self.token.reset();
        WordStream {
            text,
            cursor: 0,
            words: self,
        }
    }
}

/// What a byte of UTF-8 text says about its character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// An ASCII character other than a letter or digit.
    Separator,
    /// An ASCII letter or digit.
    Alphanumeric,
    /// Part of a character outside ASCII.
    NonAscii,
}

/// The class of each byte value: one table look-up per byte of ASCII text.
const CLASS: [Class; 256] = {
    let mut table = [Class::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            Class::Alphanumeric
        } else {
            Class::Separator
        };
        b += 1;
    }
    table
};

/// The token stream of [`Words`].
pub struct WordStream<'a> {
    text: &'a str,
    /// Where the search for the next word starts, in bytes.
    cursor: usize,
    words: &'a mut Words,
}

impl WordStream<'_> {
    /// The next run of alphanumeric characters (`char::is_alphanumeric`, as tantivy's simple
    /// tokenizer) from the cursor, as byte offsets, and whether it is all ASCII.
    fn next_word(&mut self) -> Option<(usize, usize, bool)> {
        let text = self.text;
        let bytes = text.as_bytes();
        // The character starting at `i`, when it is alphanumeric: its length in bytes.
        let alphanumeric_at = |i: usize| {
            let c = text[i..].chars().next()?;
            c.is_alphanumeric().then_some(c.len_utf8())
        };
        let mut i = self.cursor;
        let start = loop {
            match CLASS[*bytes.get(i)? as usize] {
                Class::Alphanumeric => break i,
                Class::Separator => i += 1,
                Class::NonAscii => match alphanumeric_at(i) {
                    Some(_) => break i,
                    None => i += text[i..].chars().next().map_or(1, char::len_utf8),
                },
            }
        };
        let mut ascii = true;
        let mut end = start;
        loop {
            end += bytes[end..]
                .iter()
                .position(|&b| CLASS[b as usize] != Class::Alphanumeric)
                .unwrap_or(bytes.len() - end);
            if end == bytes.len() || CLASS[bytes[end] as usize] == Class::Separator {
                break;
            }
            match alphanumeric_at(end) {
                Some(len) => {
                    ascii = false;
                    end += len;
                }
                None => break,
            }
        }
        self.cursor = end;
        Some((start, end, ascii))
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        let (start, end, ascii) = loop {
            let Some(word) = self.next_word() else {
                return false;
            };
            // Every word takes a position, dropped or not.
            self.words.token.position = self.words.token.position.wrapping_add(1);
            if word.1 - word.0 < MAX_TOKEN_BYTES {
                break word;
            }
        };
        let word = &self.text[start..end];
        let Words {
            stemmer,
            memo,
            token,
            lower,
        } = &mut *self.words;
        token.offset_from = start;
        token.offset_to = end;
        lower.clear();
        if ascii {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            // As tantivy's lower caser: character by character, no final-sigma rule.
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        token.text.clear();
        let Some(stemmer) = stemmer.filter(|_| lower.len() > MAX_UNSTEMMED_BYTES) else {
            token.text.push_str(lower);
            return true;
        };
        let key = Short::new(lower);
        if let Some(stem) = key.and_then(|key| memo.get(&key)) {
            token.text.push_str(stem.as_str());
            return true;
        }
        let stem = stemmer.stem(lower);
        token.text.push_str(&stem);
        if let (Some(key), Some(stem)) = (key, Short::new(&stem)) {
            memo.insert(key, stem);
        }
        true
    }

    fn token(&self) -> &Token {
        &self.words.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.words.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
        }
        out
    }

    /// Text that exercises every branch: Unicode letters and digits (whose lower case is longer
    /// or shorter in bytes), punctuation, tokens of 39 to 41 bytes, apostrophes, mixed case.
    const HOSTILE: &str = "Kaspersky Lab said the raids were running; the RUNNING raids ran. \
        Officials' statements, stated, states: Überwachung der Behörden, «Касперский» заявил. \
        generalizations generalization GENERALIZATIONS isn't O'Neill's rock'n'roll \
        a-very-long-token-that-is-more-than-forty-bytes-long-for-sure ok \
        abcdefghijklmnopqrstuvwxyzabcdefghijklm abcdefghijklmnopqrstuvwxyzabcdefghijklmn \
        abcdefghijklmnopqrstuvwxyzabcdefghijklmno İstanbul ΣΊΣΥΦΟΣ ǅemal ﬁnance Straße \
        ÉTATS-UNIS ١٢٣ 2017-09-13 3.5% x86_64 v1.2.3 日本語のテキスト 😀emoji😀 \u{301}e\u{301} \
        ⅫⅧ ß ＡＢＣ 𝐀𝐁𝐂 KİLİM İİİİİİİİİİİİİİİİİİİİ İİİİİİİİİİİİİİİİİİİ aİ\u{0}b\tc\nd";

    fn compare(builtin: &str, text: &str) {
        let index = Index::create_in_ram(tantivy::schema::Schema::builder().build());
        let mut theirs = index.tokenizers().get(builtin).unwrap();
        register(&index);
        let mut ours = index.tokenizers().get(builtin).unwrap();
        let expected = tokens(&mut theirs, text);
        // Twice: the second pass answers from the memo.
        assert_eq!(tokens(&mut ours, text), expected, "{builtin}");
        assert_eq!(tokens(&mut ours, text), expected, "{builtin}");
    }

    #[test]
    fn same_tokens_as_tantivys_analyzers_on_hostile_text() {
        for builtin in [EN_STEM, DEFAULT] {
            compare(builtin, HOSTILE);
            compare(builtin, "");
            compare(builtin, " ,;");
            compare(builtin, "é");
            compare(builtin, "word");
        }
        // Every word of one or two letters, digits or other characters.
        let chars: Vec<char> = ('a'..='z')
            .chain('0'..='9')
            .chain("éßİΣЖ日ǅ".chars())
            .collect();
        let mut short = String::new();
        for &a in &chars {
            short.push(a);
            short.push(' ');
            for &b in &chars {
                short.extend([a, b, ' ']);
            }
        }
        compare(EN_STEM, &short);
        let index = Index::create_in_ram(tantivy::schema::Schema::builder().build());
        register(&index);
        let stems = tokens(&mut index.tokenizers().get(EN_STEM).unwrap(), HOSTILE);
        assert!(stems.iter().any(|t| t.0 == "raid"));
    }

    #[test]
    fn same_tokens_as_tantivys_analyzers_on_the_corpus() {
        let mut files = 0;
        for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus")) {
            let entry = entry.unwrap();
            if entry.file_type().is_file() {
                let text =
                    String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
                compare(EN_STEM, &text);
                compare(DEFAULT, &text);
                files += 1;
            }
        }
        assert!(files > 10);
    }
}
