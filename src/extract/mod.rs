//! Page → article: one parse per page, then the body, the metadata and the language.

pub mod body;
pub mod dates;
pub mod meta;
pub mod prescan;

use html5ever::tendril::TendrilSink;
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
/// [`prescan::MAX_DEPTH`] are flattened, and script and style content, attributes extraction
/// does not read and empty SVG elements are left out first (see [`prescan`]), which bounds the
/// parse's time and shortens it.
pub fn extract(html: &str) -> Article {
    let doc = parse(&prescan::prepare(html));
    extract_parsed(&doc)
}

/// `Html::parse_document` with the node list sized for the markup up front: grown as it fills,
/// the list of a page's thousands of nodes was copied a dozen times over.
pub fn parse(markup: &str) -> Html {
    // About one node per tag: an element has one or two tags, and there is text between most.
    let nodes = memchr::memchr_iter(b'<', markup.as_bytes()).count() + 1;
    let mut html = Html::new_document();
    html.tree = ego_tree::Tree::with_capacity(scraper::Node::Document, nodes);
    html5ever::driver::parse_document(scraper::HtmlTreeSink::new(html), Default::default())
        .one(markup)
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
