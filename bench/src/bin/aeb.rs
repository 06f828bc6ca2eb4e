//! AEB evaluation: clipdex's extractor side by side with the `trafilatura` 0.6.0 and
//! `dom_smoothie` 0.19.0 crates on the same pages in the same run, with the benchmark's metric.
//!
//! Usage: `cargo run --release -p clipdex-bench --bin aeb -- [AEB_DIR] [--dump DIR] [--only ours]`
//! (AEB_DIR defaults to `../shared/aeb`). One thread; gunzip is not timed, parsing is.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clipdex::eval::{score_corpus, score_page, PageScore};

struct Page {
    id: String,
    html: String,
    truth: String,
}

fn load(dir: &Path) -> Vec<Page> {
    let raw = std::fs::read_to_string(dir.join("ground-truth.json"))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.join("ground-truth.json").display()));
    let truth: serde_json::Value = serde_json::from_str(&raw).expect("ground-truth.json is JSON");
    let mut ids: Vec<&String> = truth.as_object().expect("an object").keys().collect();
    ids.sort();
    ids.into_iter()
        .filter_map(|id| {
            let bytes =
                clipdex::decode::read_page(&dir.join("html").join(format!("{id}.html.gz"))).ok()?;
            Some(Page {
                id: id.clone(),
                html: clipdex::decode::decode(&bytes).ok()?.into_owned(),
                truth: truth[id]["articleBody"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            })
        })
        .collect()
}

/// What `clipdex index` does to a page's text: the pre-parse scan, one parse, metadata and body.
fn ours(html: &str) -> String {
    let blocks = clipdex::extract::extract(html).blocks;
    blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse_only(html: &str) -> String {
    std::hint::black_box(scraper::Html::parse_document(html));
    String::new()
}

fn trafilatura_crate(html: &str) -> String {
    trafilatura::extract(html, &trafilatura::Options::default())
        .map(|r| r.content_text)
        .unwrap_or_default()
}

fn dom_smoothie_crate(html: &str) -> String {
    dom_smoothie::Readability::new(html, None, None)
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

/// A sanity check of metadata on real pages: how often clipdex finds a title and a date, and how
/// often they agree with the page's own OpenGraph title and JSON-LD `datePublished`.
fn metadata_sanity(pages: &[Page]) {
    let og_title = scraper::Selector::parse(r#"meta[property="og:title"]"#).expect("selector");
    let (mut titles, mut dates, mut og, mut og_agree, mut ld, mut ld_agree) = (0, 0, 0, 0, 0, 0);
    for page in pages {
        let doc = scraper::Html::parse_document(&page.html);
        let meta = clipdex::extract::meta::extract_meta(&doc);
        titles += usize::from(meta.title.is_some());
        dates += usize::from(meta.date.is_some());
        if let Some(expected) = doc
            .select(&og_title)
            .find_map(|m| m.value().attr("content"))
        {
            og += 1;
            let expected =
                clipdex::extract::meta::split_title(expected, meta.site.as_deref(), None).0;
            og_agree += usize::from(
                meta.title
                    .as_deref()
                    .is_some_and(|t| same_words(t, &expected)),
            );
        }
        let published = page
            .html
            .split("\"datePublished\"")
            .nth(1)
            .and_then(|rest| {
                let start = rest.find('"')? + 1;
                let end = start + rest[start..].find('"')?;
                clipdex::extract::dates::parse_machine_date(&rest[start..end])
            });
        if let Some(published) = published {
            ld += 1;
            ld_agree += usize::from(meta.date.is_some_and(|d| d.day() == published.day()));
        }
    }
    let n = pages.len();
    println!("Metadata on {n} pages: title found {titles}, date found {dates}; title agrees with og:title on {og_agree} of {og}; date agrees with JSON-LD datePublished on {ld_agree} of {ld}.\n");
}

fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

fn percentile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    values
        .get(((values.len().max(1) - 1) as f64 * q).round() as usize)
        .copied()
        .unwrap_or(0.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("../shared/aeb");
    let mut dump: Option<PathBuf> = None;
    let mut only_ours = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dump" => dump = Some(args.next().expect("--dump DIR").into()),
            "--only" => only_ours = args.next().as_deref() == Some("ours"),
            _ => dir = arg.into(),
        }
    }
    let pages = load(&dir);
    eprintln!("{} pages from {}", pages.len(), dir.display());
    type Extractor = fn(&str) -> String;
    let mut systems: Vec<(&str, Extractor)> = vec![("clipdex", ours)];
    if !only_ours {
        systems.push(("trafilatura 0.6.0 (crate)", trafilatura_crate));
        systems.push(("dom_smoothie 0.19.0", dom_smoothie_crate));
        systems.push(("(scraper parse only)", parse_only));
    }
    metadata_sanity(&pages);
    println!("| system | F1 | precision | recall | accuracy | median ms | p95 ms |");
    println!("|---|---|---|---|---|---|---|");
    for (index, (name, extract)) in systems.iter().enumerate() {
        let mut scores: Vec<PageScore> = Vec::new();
        let mut times = Vec::new();
        let mut rows = Vec::new();
        for page in &pages {
            let started = Instant::now();
            let out = extract(&page.html);
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            let score = score_page(&page.truth, &out);
            if let (0, Some(dir)) = (index, &dump) {
                std::fs::create_dir_all(dir).expect("dump folder");
                std::fs::write(dir.join(format!("{}.out.txt", page.id)), &out).expect("dump");
                std::fs::write(dir.join(format!("{}.truth.txt", page.id)), &page.truth)
                    .expect("dump");
                rows.push(format!("{:.3}\t{}", score.f1(), page.id));
            }
            scores.push(score);
        }
        if let Some(dir) = dump.as_ref().filter(|_| index == 0) {
            rows.sort();
            std::fs::write(dir.join("scores.tsv"), rows.join("\n") + "\n").expect("dump");
        }
        let total = score_corpus(&scores);
        let median = percentile(&mut times.clone(), 0.5);
        let p95 = percentile(&mut times, 0.95);
        if name.starts_with('(') {
            println!("| {name} | – | – | – | – | {median:.2} | {p95:.2} |");
        } else {
            println!(
                "| {name} | {:.3} | {:.3} | {:.3} | {:.3} | {median:.2} | {p95:.2} |",
                total.f1, total.precision, total.recall, total.accuracy
            );
        }
    }
}
