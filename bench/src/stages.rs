//! The pipeline of one page cut into its stages, each callable on its own, for the stage timings
//! (`stages` binary) and the criterion micro-benchmarks. Same calls as `clipdex::page`.

use clipdex::extract::{self, Article};
use clipdex::passages::{self, Passage};
use clipdex::quotes::{self, Quote};
use scraper::Html;

/// Bytes (already read and gunzipped) → text → markup ready to parse (escape sequences removed,
/// the pre-parse scan applied) → DOM.
pub fn decode_parse(bytes: &[u8]) -> Html {
    let text = clipdex::decode::decode(bytes).expect("decodable");
    let text = clipdex::text::strip_escape_sequences(&text);
    extract::parse(&extract::prescan::prepare(&text))
}

/// DOM → article (metadata, body blocks, language).
pub fn extraction(doc: &Html) -> Article {
    extract::extract_parsed(doc)
}

/// Body blocks → passages.
pub fn passages(article: &Article) -> Vec<Passage> {
    passages::split(&article.blocks)
}

/// Quote detection and attribution over an article's passages.
pub fn quotes(article: &Article, passages: &[Passage]) -> Vec<Vec<Quote>> {
    let texts: Vec<&str> = passages.iter().map(|p| p.text.as_str()).collect();
    quotes::find_quotes(&texts, article.meta.lang.as_deref())
}

/// Reads every page file under `dir` (gunzipped), sorted by path.
pub fn load_dir(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let (mut found, _) = clipdex::walk::walk(dir);
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
        .into_iter()
        .filter_map(|f| {
            let bytes = clipdex::decode::read_page(&f.path).ok()?;
            Some((f.path, bytes))
        })
        .collect()
}
