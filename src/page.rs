//! One file through the pipeline: bytes → text → article → passages with quotes. The indexer and
//! `clipdex extract` both use this, so what you see with `extract` is what gets indexed.

use std::path::Path;

use crate::decode::{decode, read_page};
use crate::error::PageError;
use crate::extract::{self, Article};
use crate::passages::{self, Passage};
use crate::quotes;

/// A processed page: its article metadata and its passages (quotes attached).
#[derive(Debug, Clone)]
pub struct Page {
    pub article: Article,
    pub passages: Vec<Passage>,
}

/// Reads and processes one file.
pub fn process_file(path: &Path) -> Result<Page, PageError> {
    let bytes = read_page(path)?;
    process_bytes(&bytes)
}

/// Processes page bytes already read (and gunzipped).
pub fn process_bytes(bytes: &[u8]) -> Result<Page, PageError> {
    let text = decode(bytes)?;
    Ok(process_html(&text))
}

/// Processes page text.
pub fn process_html(html: &str) -> Page {
    let article = extract::extract(&crate::text::strip_escape_sequences(html));
    let mut passages = passages::split(&article.blocks);
    let texts: Vec<&str> = passages.iter().map(|p| p.text.as_str()).collect();
    let found = quotes::find_quotes(&texts, article.meta.lang.as_deref());
    for (passage, quotes) in passages.iter_mut().zip(found) {
        passage.quotes = quotes;
    }
    Page { article, passages }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the fuzz target (fuzz/fuzz_targets/page.rs): escape sequences and a bell in a
    /// paragraph reached the passage text, and from there JSON consumers' terminals.
    #[test]
    fn control_characters_never_reach_passages() {
        let page = process_bytes(
            "<p>\u{201c}We did nothing wrong,\u{201d} said Eugene Kaspersky, the company\u{2019}s founder. \
             She said \u{1b}[2J\u{7} it \u{1b}]8;;http://x.example\u{7}here\u{1b}]8;;\u{7}\u{0}.</p>"
                .as_bytes(),
        )
        .unwrap();
        let text = &page.passages[0].text;
        assert!(!text.chars().any(char::is_control), "{text:?}");
        assert!(text.contains("She said it here."), "{text:?}");
        assert_eq!(
            page.passages[0].quotes[0].speaker.as_deref(),
            Some("Eugene Kaspersky")
        );
    }

    #[test]
    fn control_characters_never_reach_metadata() {
        let page = process_bytes(
            b"<html><head><title>Head\x1b[31mline</title>\
              <link rel=canonical href=\"https://news.example/a\x1b[2J\"></head>\
              <body><article><p>A paragraph long enough to be the body of the article, with words.</p></article></body></html>",
        )
        .unwrap();
        let a = &page.article.meta;
        for field in [&a.title, &a.url].into_iter().flatten() {
            assert!(!field.chars().any(char::is_control), "{field:?}");
        }
    }
}
