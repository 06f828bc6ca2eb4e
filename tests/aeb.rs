//! Regression gate on the Article Extraction Benchmark: when `../shared/aeb` is beside the
//! checkout, body extraction F1 must stay at or above the floor. Skips (and says so) without it.

use std::path::Path;

use clipdex::eval::{score_corpus, score_page};

/// Just under what the extractor achieves (0.976 measured; see docs/benchmarks.md).
const F1_FLOOR: f64 = 0.970;

#[test]
fn aeb_f1_floor() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/aeb");
    let Ok(truth) = std::fs::read_to_string(dir.join("ground-truth.json")) else {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    };
    let truth: serde_json::Value = serde_json::from_str(&truth).unwrap();
    let mut scores = Vec::new();
    for (id, entry) in truth.as_object().unwrap() {
        let raw =
            clipdex::decode::read_page(&dir.join("html").join(format!("{id}.html.gz"))).unwrap();
        let html = clipdex::decode::decode(&raw).unwrap();
        let article = clipdex::extract::extract(&html);
        let text: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
        scores.push(score_page(
            entry["articleBody"].as_str().unwrap_or_default(),
            &text.join("\n"),
        ));
    }
    let result = score_corpus(&scores);
    println!(
        "AEB: {} pages, F1 {:.4}, precision {:.4}, recall {:.4}, accuracy {:.4}",
        scores.len(),
        result.f1,
        result.precision,
        result.recall,
        result.accuracy
    );
    assert_eq!(scores.len(), 181);
    assert!(
        result.f1 >= F1_FLOOR,
        "AEB F1 {:.4} fell below {F1_FLOOR}",
        result.f1
    );
}
