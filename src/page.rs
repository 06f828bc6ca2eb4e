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
    let decoded = decode(bytes)?;
    Ok(process_html(&decoded.text))
}

/// Processes page text.
pub fn process_html(html: &str) -> Page {
    let article = extract::extract(html);
    let mut passages = passages::split(&article.blocks);
    let texts: Vec<&str> = passages.iter().map(|p| p.text.as_str()).collect();
    let found = quotes::find_quotes(&texts, article.lang.as_deref());
    for (passage, quotes) in passages.iter_mut().zip(found) {
        passage.quotes = quotes;
    }
    Page { article, passages }
}
