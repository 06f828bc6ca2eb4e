//! The pre-parse scan (`extract::prescan`) leaves out scripts, style sheets and the attributes
//! extraction does not read, to shorten the parse. It must change nothing extraction finds: on
//! every bundled page (and every AEB page when `../shared/aeb` is beside the checkout), the
//! article extracted through the scan equals the one extracted from the whole page. A new
//! attribute read by extraction but missing from `is_read_attribute` fails here.

use std::io::Read;
use std::path::Path;

use clipdex::extract::{extract, extract_parsed};

/// Metadata and body of a page, through the scan and without it.
fn both_ways(html: &str) -> (String, String) {
    let html = clipdex::text::strip_escape_sequences(html);
    let scanned = extract(&html);
    let whole = extract_parsed(&scraper::Html::parse_document(&html));
    (format!("{scanned:?}"), format!("{whole:?}"))
}

#[test]
fn the_scan_changes_nothing_extraction_finds_on_the_corpus() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (pages, _) = clipdex::walk::walk(&corpus);
    assert!(pages.len() >= 40, "{} corpus pages", pages.len());
    for page in pages {
        let bytes = clipdex::decode::read_page(&page.path).unwrap();
        let html = clipdex::decode::decode(&bytes).unwrap().text;
        let (scanned, whole) = both_ways(&html);
        assert_eq!(scanned, whole, "{}", page.path.display());
    }
}

#[test]
fn the_scan_changes_nothing_extraction_finds_on_aeb_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/aeb/html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let mut checked = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_end(&mut raw)
            .unwrap();
        let html = clipdex::decode::decode(&raw).unwrap().text;
        let (scanned, whole) = both_ways(&html);
        assert_eq!(scanned, whole, "{}", path.display());
        checked += 1;
    }
    assert_eq!(checked, 181);
}
