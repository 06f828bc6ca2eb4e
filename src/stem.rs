//! The `en_stem` analyzer of the index with a memo of the stems it has computed.
//!
//! News text repeats a small vocabulary (Zipf: the 1,000 most common words make most of the
//! tokens), and the Snowball stemmer recomputes each word from scratch and allocates its result:
//! it took a sixth of the time spent inverting passages. This analyzer is tantivy's own `en_stem`
//! (simple tokenizer, tokens over 40 bytes dropped, lower case, English Snowball, the same
//! stemmer crate and version) whose stemming step looks the word up first. Its output is the same
//! token for token, so indexes built with either analyzer are interchangeable.

use std::borrow::Cow;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};
use tantivy::Index;

/// The analyzer's name in the schema (the same as tantivy's built-in one it replaces).
pub const EN_STEM: &str = "en_stem";

/// Distinct words remembered per analyzer before the memo starts over; a segment writer's copy
/// sees a few tens of thousands of words, a stem takes about 50 bytes.
const MEMO_LIMIT: usize = 200_000;

/// Registers the analyzer on an index, for indexing and query parsing alike.
pub fn register(index: &Index) {
    let analyzer = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(MemoStemmer)
        .build();
    index.tokenizers().register(EN_STEM, analyzer);
}

/// English Snowball stemming with a memo, as a tantivy token filter.
#[derive(Clone, Copy, Debug, Default)]
pub struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> MemoStemFilter<T> {
        MemoStemFilter {
            inner,
            memo: FxHashMap::default(),
        }
    }
}

/// [`MemoStemmer`] applied to a tokenizer; each copy (one per segment writer) has its own memo.
#[derive(Clone)]
pub struct MemoStemFilter<T> {
    inner: T,
    memo: FxHashMap<Box<str>, Box<str>>,
}

impl<T: Tokenizer> Tokenizer for MemoStemFilter<T> {
    type TokenStream<'a> = MemoStemStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.memo.len() > MEMO_LIMIT {
            self.memo.clear();
        }
        MemoStemStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

/// The token stream of [`MemoStemFilter`].
pub struct MemoStemStream<'a, T> {
    tail: T,
    memo: &'a mut FxHashMap<Box<str>, Box<str>>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for MemoStemStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.memo.get(token.text.as_str()) {
            if **stem != token.text {
                token.text.clear();
                token.text.push_str(stem);
            }
            return true;
        }
        let stem: Box<str> = match self.stemmer.stem(&token.text) {
            Cow::Borrowed(stem) => stem.into(),
            Cow::Owned(stem) => stem.into(),
        };
        self.memo.insert(token.text.as_str().into(), stem.clone());
        token.text.clear();
        token.text.push_str(&stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
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

    #[test]
    fn same_tokens_as_tantivys_en_stem() {
        let index = Index::create_in_ram(tantivy::schema::Schema::builder().build());
        let mut builtin = index.tokenizers().get(EN_STEM).unwrap();
        register(&index);
        let mut memo = index.tokenizers().get(EN_STEM).unwrap();
        let text = "Kaspersky Lab said the raids were running; the RUNNING raids ran. \
                    Officials' statements, stated, states: Überwachung der Behörden, \
                    «Касперский» заявил. generalizations generalization generalizations \
                    a-very-long-token-that-is-more-than-forty-bytes-long-for-sure ok";
        let expected = tokens(&mut builtin, text);
        // Twice: the second pass answers from the memo.
        assert_eq!(tokens(&mut memo, text), expected);
        assert_eq!(tokens(&mut memo, text), expected);
        assert!(expected.iter().any(|t| t.0 == "raid"));
    }
}
