//! Time per page of each stage of the pipeline, one thread, and the share of quote detection and
//! attribution in extraction (issue 5: target ≤ 20%).
//!
//! Usage: `stages DIR [DIR...] [--reps N] [--pages]` (e.g. `corpus` and a `gencorpus` folder;
//! `--pages` prints each page's share and times on stderr). "Extraction" is everything that
//! makes an article's passages from its bytes except the quotes: decode + parse, metadata and
//! body, passages. The share is quotes / extraction, per page (median and 90th percentile,
//! largest) and over the whole folder (sum of quotes / sum of extraction).

use std::path::PathBuf;
use std::time::Instant;

use clipdex_bench::stages;

fn pct(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn main() {
    let mut dirs = Vec::new();
    let mut reps = 3usize;
    let mut per_page = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--pages" => per_page = true,
            "--reps" => reps = args.next().and_then(|s| s.parse().ok()).expect("--reps N"),
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: stages DIR [DIR...] [--reps N] [--pages]");
        std::process::exit(2);
    }
    println!("| folder | pages | decode + parse ms | metadata + body ms | passages ms | quotes ms | quotes / extraction: median page | p90 page | max page | whole folder |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for dir in dirs {
        let pages = stages::load_dir(&dir);
        let n = pages.len();
        // Per page, the best of `reps` runs of each stage (least disturbed by the machine). The
        // runs go through the whole folder in turn, as indexing does, not one page `reps` times
        // in a row: a page run again at once finds its own code paths and data still warm,
        // which flatters the stage that comes last.
        let mut best = vec![[f64::MAX; 4]; n];
        for _ in 0..reps {
            for ((_, bytes), best) in pages.iter().zip(&mut best) {
                let t = Instant::now();
                let doc = stages::decode_parse(bytes);
                let t1 = t.elapsed().as_secs_f64();
                let t = Instant::now();
                let article = stages::extraction(&doc);
                let t2 = t.elapsed().as_secs_f64();
                // the tree is freed before the quotes run, as in `clipdex::page`, where it goes
                // at the end of `extract::extract`: its freeing is the parse's cost
                let t = Instant::now();
                drop(doc);
                let t1 = t1 + t.elapsed().as_secs_f64();
                let t = Instant::now();
                let passages = stages::passages(&article);
                let t3 = t.elapsed().as_secs_f64();
                let t = Instant::now();
                let found = std::hint::black_box(stages::quotes(&article, &passages));
                let t4 = t.elapsed().as_secs_f64();
                // each stage's output is freed untimed, as the article and passages are: the
                // indexer frees them all once the page's documents are built
                drop(found);
                for (b, t) in best.iter_mut().zip([t1, t2, t3, t4]) {
                    *b = b.min(t);
                }
            }
        }
        let mut totals = [0f64; 4];
        let mut shares = Vec::with_capacity(n);
        for ((path, _), best) in pages.iter().zip(best) {
            for (total, b) in totals.iter_mut().zip(best) {
                *total += b;
            }
            let share = best[3] / (best[0] + best[1] + best[2]);
            if per_page {
                eprintln!(
                    "{:5.1}% {:7.1} µs quotes {:7.1} µs extraction {}",
                    100.0 * share,
                    best[3] * 1e6,
                    (best[0] + best[1] + best[2]) * 1e6,
                    path.display()
                );
            }
            shares.push(share);
        }
        shares.sort_by(f64::total_cmp);
        let ms = |s: f64| s * 1e3 / n as f64;
        println!(
            "| {} | {n} | {:.2} | {:.2} | {:.3} | {:.2} | {:.1}% | {:.1}% | {:.1}% | {:.1}% |",
            dir.display(),
            ms(totals[0]),
            ms(totals[1]),
            ms(totals[2]),
            ms(totals[3]),
            100.0 * pct(&shares, 0.5),
            100.0 * pct(&shares, 0.9),
            100.0 * pct(&shares, 1.0),
            100.0 * totals[3] / (totals[0] + totals[1] + totals[2]),
        );
    }
}
