//! The pre-parse scan (`extract::prescan`) leaves out scripts, style sheets, empty SVG elements,
//! images after a start tag that reopens formatting and the attributes extraction does not read,
//! to shorten the parse. It must change nothing extraction finds: on every bundled page (and every
//! AEB page when `../shared/aeb` is beside the checkout), the article extracted through the scan
//! equals the one extracted from the whole page. A new attribute read by extraction but missing
//! from `is_read_attribute`, or not kept on the element it is read on, fails here.

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
        let html = clipdex::decode::decode(&bytes).unwrap();
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
        let raw = clipdex::decode::read_page(&path).unwrap();
        let html = clipdex::decode::decode(&raw).unwrap();
        let (scanned, whole) = both_ways(&html);
        assert_eq!(scanned, whole, "{}", path.display());
        checked += 1;
    }
    assert_eq!(checked, 181);
}

/// What the scan leaves out beyond scripts and styles, on one page that has all of it: classes of
/// images, types of sources, languages and names on elements that are not read for them, and
/// empty SVG elements (sprites, icons, whitespace between them), next to the same markup where
/// it must stay (texts around an element, attributes that are read, SVG left for HTML).
#[test]
fn the_scan_changes_nothing_extraction_finds_on_svg_and_attribute_markup() {
    let paragraph = "The council approved the budget on Tuesday after a debate that lasted \
                     well into the night, with members split over the cost of new schools.";
    let html = format!(
        r##"<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Budget | Ledger</title>
        <meta name="author" content="Ana Ruiz"><link rel="Canonical" href="https://ledger.example/a">
        <link rel="stylesheet" href="/s.css"></head><body lang="fr">
        <svg style="display:none"><symbol id="icon-date"><path d="M0 0"/><use href="#a"></use></symbol>
        <symbol id="i2">
          <path d="M1 1"/>
          <g><path/></g><title>Published March 3, 2020</title></symbol></svg>
        <article class="story" itemscope itemtype="https://schema.org/NewsArticle">
        <h1 class="headline">Budget approved</h1>
        <div class="byline">By <svg class="icon"><use href="#i"></use></svg>Ana Ruiz</div>
        <span class="date"><svg>x<use></use>y</svg>March 4, 2020</span>
        <svg><p>Left SVG</p><use></use></svg><svg><foreignObject><use></use>text</foreignObject></svg>
        <picture><source type="image/webp" srcset="a.webp"><img class="author" src="a.jpg" itemprop="image"></picture>
        <p style="color: red" role="note">{paragraph}</p><p hidden>{paragraph}</p>
        <p lang="de" name="x">{paragraph}</p><input type="hidden" name="q"></article></body></html>"##
    );
    let (scanned, whole) = both_ways(&html);
    assert_eq!(scanned, whole);
    assert!(whole.contains("Ana Ruiz") && whole.contains("council approved"));
}
