//! Page → article: one parse per page, then the body, the metadata and the language.

pub mod body;
pub mod dates;
pub mod meta;
pub mod prescan;

use scraper::Html;

pub use body::{Block, BlockKind};
pub use dates::PubDate;
pub use meta::Meta;

/// What extraction makes of one page: its metadata (the language detected from the body when the
/// page declares none) and its body.
#[derive(Debug, Clone, Default)]
pub struct Article {
    pub meta: Meta,
    pub blocks: Vec<Block>,
}

/// Extracts the article from a page's text. Elements nested deeper than
/// [`prescan::MAX_DEPTH`] are flattened, and script and style content and attributes extraction
/// does not read are left out first (see [`prescan`]), which bounds the parse's time and
/// shortens it.
pub fn extract(html: &str) -> Article {
    let doc = Html::parse_document(&prescan::prepare(html));
    extract_parsed(&doc)
}

/// Extracts the article from an already parsed page.
pub fn extract_parsed(doc: &Html) -> Article {
    let mut meta = meta::extract_meta(doc);
    let mut blocks = body::extract_body(doc);
    // A body that only repeats the headline is not a body.
    if let (Some(title), [only]) = (&meta.title, blocks.as_slice()) {
        if only.text == *title {
            blocks.clear();
        }
    }
    if meta.lang.is_none() {
        meta.lang = detect_language(&blocks);
    }
    Article { meta, blocks }
}

/// Detects the language of a body that does not declare one; short bodies stay unknown.
fn detect_language(blocks: &[Block]) -> Option<String> {
    let mut sample = String::new();
    for block in blocks {
        if sample.len() > 2000 {
            break;
        }
        sample.push_str(&block.text);
        sample.push(' ');
    }
    if sample.len() < 80 {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    info.is_reliable()
        .then(|| iso_639_1(info.lang()).to_owned())
}

fn iso_639_1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match lang {
        Eng => "en",
        Deu => "de",
        Fra => "fr",
        Rus => "ru",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Pol => "pl",
        Ukr => "uk",
        Swe => "sv",
        Dan => "da",
        Fin => "fi",
        Tur => "tr",
        Jpn => "ja",
        Cmn => "zh",
        Kor => "ko",
        Ara => "ar",
        Heb => "he",
        Ces => "cs",
        Ell => "el",
        Hun => "hu",
        Ron => "ro",
        Bul => "bg",
        _ => "und",
    }
}
