//! The `clipdex` binary end to end on the bundled corpus: indexing, incremental re-indexing,
//! searching with filters, JSON output, errors and exit codes.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn clipdex(index: &Path) -> Command {
    let mut cmd = Command::cargo_bin("clipdex").unwrap();
    cmd.env("CLIPDEX_INDEX", index).env("NO_COLOR", "1");
    cmd
}

/// One index of the bundled corpus, shared by the read-only tests.
fn corpus_index() -> &'static Path {
    static INDEX: OnceLock<TempDir> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let dir = TempDir::new().unwrap();
            clipdex(dir.path())
                .arg("index")
                .arg(corpus())
                .assert()
                .success();
            dir
        })
        .path()
}

fn search_json(args: &[&str]) -> Vec<Value> {
    let out = clipdex(corpus_index())
        .arg("search")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0) || out.status.code() == Some(1),
        "search {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn stderr_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn phrase_query_finds_the_passage_first() {
    let hits = search_json(&["\"saying out loud what it has been saying privately\""]);
    assert!(!hits.is_empty());
    let top = &hits[0];
    assert!(
        top["path"]
            .as_str()
            .unwrap()
            .ends_with("capitol-ledger/2017-05-11-intelligence-chiefs-kaspersky.html"),
        "{top}"
    );
    assert!(top["text"]
        .as_str()
        .unwrap()
        .contains("saying out loud what it has been saying privately"));
    assert_eq!(top["speakers"][0], "Gregory Thane");
}

#[test]
fn phrase_needs_the_words_in_order() {
    let phrase = search_json(&["\"active countermeasures\""]);
    assert!(!phrase.is_empty());
    for hit in &phrase {
        let text = hit["text"].as_str().unwrap().to_lowercase();
        let title = hit["title"].as_str().unwrap_or_default().to_lowercase();
        assert!(
            text.contains("active countermeasures") || title.contains("active countermeasures"),
            "{hit}"
        );
    }
    let words = search_json(&["active countermeasures", "-n", "100"]);
    assert!(words.len() >= phrase.len());
}

#[test]
fn json_hits_have_the_documented_schema() {
    let hits = search_json(&["kaspersky", "-n", "5"]);
    assert_eq!(hits.len(), 5);
    for (i, hit) in hits.iter().enumerate() {
        assert_eq!(hit["rank"], i + 1);
        assert!(hit["score"].is_f64());
        assert!(hit["path"].is_string());
        for key in ["url", "title", "site", "date"] {
            assert!(hit[key].is_string() || hit[key].is_null(), "{key}: {hit}");
        }
        assert!(hit["authors"].is_array());
        assert!(hit["passage"].is_u64());
        assert!(hit["text"].is_string());
        assert!(hit["snippet"].is_string());
        assert!(hit["highlights"].is_array());
        assert!(hit["speakers"].is_array());
        for quote in hit["quotes"].as_array().unwrap() {
            assert!(quote["text"].is_string());
            assert!(quote["speaker"].is_string() || quote["speaker"].is_null());
        }
    }
    let scores: Vec<f64> = hits.iter().map(|h| h["score"].as_f64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "ranked by score: {scores:?}"
    );
}

#[test]
fn highlights_point_at_query_words() {
    let hits = search_json(&["directive", "-n", "3"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        let snippet: Vec<char> = hit["snippet"].as_str().unwrap().chars().collect();
        let highlights = hit["highlights"].as_array().unwrap();
        assert!(!highlights.is_empty(), "{hit}");
        for range in highlights {
            let (start, end) = (
                range[0].as_u64().unwrap() as usize,
                range[1].as_u64().unwrap() as usize,
            );
            let word: String = snippet[start..end].iter().collect();
            assert!(word.to_lowercase().starts_with("directive"), "{word}");
        }
    }
}

#[test]
fn speaker_filter_narrows() {
    let all = search_json(&["kaspersky", "-n", "500"]);
    let thane = search_json(&["kaspersky", "--speaker", "gregory thane", "-n", "500"]);
    assert!(!thane.is_empty());
    assert!(thane.len() < all.len());
    for hit in &thane {
        let speakers: Vec<&str> = hit["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert!(speakers.contains(&"Gregory Thane"), "{hit}");
    }
    // The same filter written in the query.
    let in_query = search_json(&["kaspersky speaker:\"gregory thane\"", "-n", "500"]);
    assert_eq!(in_query.len(), thane.len());
}

#[test]
fn date_filters_narrow() {
    let all = search_json(&["kaspersky", "-n", "1000"]);
    let in_2017 = search_json(&[
        "kaspersky",
        "--since",
        "2017",
        "--until",
        "2017",
        "-n",
        "1000",
    ]);
    let july = search_json(&[
        "kaspersky",
        "--since",
        "2017-07",
        "--until",
        "2017-07-31",
        "-n",
        "1000",
    ]);
    assert!(!july.is_empty());
    assert!(july.len() < in_2017.len() && in_2017.len() < all.len());
    for hit in &in_2017 {
        assert!(hit["date"].as_str().unwrap().starts_with("2017-"), "{hit}");
    }
    for hit in &july {
        assert!(
            hit["date"].as_str().unwrap().starts_with("2017-07-"),
            "{hit}"
        );
    }
    let later = search_json(&["kaspersky", "--since", "2022-01-01", "-n", "1000"]);
    assert!(!later.is_empty());
    for hit in &later {
        assert!(hit["date"].as_str().unwrap() >= "2022", "{hit}");
    }
}

#[test]
fn site_filter_narrows() {
    let hits = search_json(&["kaspersky", "--site", "capitol ledger", "-n", "1000"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        assert_eq!(hit["site"], "The Capitol Ledger");
    }
    let by_query = search_json(&["kaspersky site:bytefront", "-n", "1000"]);
    assert!(!by_query.is_empty());
    assert!(by_query.iter().all(|h| h["site"] == "Bytefront"));
}

#[test]
fn exclusion_and_or() {
    let either = search_json(&["bestbuy OR directive", "-n", "1000"]);
    let directive = search_json(&["directive", "-n", "1000"]);
    assert!(either.len() >= directive.len());
    let without = search_json(&["directive -agencies", "-n", "1000"]);
    assert!(without.len() < directive.len());
    for hit in &without {
        assert!(!hit["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("agencies"));
    }
}

#[test]
fn no_results_exit_1_and_bad_query_exit_2() {
    clipdex(corpus_index())
        .args(["search", "xyzzyplugh"])
        .assert()
        .code(1)
        .stdout("");
    for bad in [
        "\"unclosed phrase",
        "(ban",
        "nosuchfield:x",
        "-onlyexcluded",
    ] {
        let out = clipdex(corpus_index())
            .args(["search", "--", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(out.stdout.is_empty(), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("clipdex: error:"), "{bad}: {err}");
    }
    let out = clipdex(corpus_index())
        .args(["search", "kaspersky", "--since", "99999"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected YYYY"));
}

#[test]
fn searching_before_indexing_says_how_to_index() {
    let empty = TempDir::new().unwrap();
    let out = clipdex(&empty.path().join("index"))
        .current_dir(empty.path())
        .args(["search", "kaspersky"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("clipdex index"));
}

#[test]
fn first_search_indexes_the_bundled_corpus() {
    let work = TempDir::new().unwrap();
    copy_dir(&corpus().join("northwire"), &work.path().join("corpus"));
    let index = work.path().join("index");
    let out = clipdex(&index)
        .current_dir(work.path())
        .args(["search", "kaspersky", "--json", "-n", "1"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("indexing the bundled corpus/"));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn incremental_reindex_counts_and_deletions() {
    let work = TempDir::new().unwrap();
    let pages = work.path().join("pages");
    copy_dir(&corpus().join("capitol-ledger"), &pages);
    copy_dir(&corpus().join("bytefront"), &pages.join("bytefront"));
    let index = work.path().join("index");
    let total = walkdir::WalkDir::new(&pages)
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "html")
        })
        .count();

    let first = stderr_of(clipdex(&index).arg("index").arg(&pages));
    assert!(
        first.contains(&format!(
            "{total} added, 0 updated, 0 removed, 0 unchanged, 0 failed"
        )),
        "{first}"
    );

    let again = stderr_of(clipdex(&index).arg("index").arg(&pages));
    assert!(
        again.contains(&format!(
            "0 added, 0 updated, 0 removed, {total} unchanged, 0 failed"
        )),
        "{again}"
    );

    // Change one page, delete one, add one (a copy under a new name).
    let changed = pages.join("2017-12-12-kaspersky-ban-defense-bill.html");
    let html = std::fs::read_to_string(&changed).unwrap();
    let first_sentence = "Software made by Kaspersky Lab is now banned";
    assert!(html.contains(first_sentence));
    let html = html.replacen(
        first_sentence,
        &format!("Zanzibarian quokkas were also mentioned in the bill. {first_sentence}"),
        1,
    );
    std::fs::write(&changed, html).unwrap();
    let deleted = pages.join("2017-05-11-intelligence-chiefs-kaspersky.html");
    std::fs::remove_file(&deleted).unwrap();
    std::fs::copy(
        pages.join("2017-07-11-gsa-kaspersky-vendor-lists.html"),
        pages.join("copy-of-gsa.html"),
    )
    .unwrap();
    // Touch without changing content: not re-extracted, counted unchanged.
    let touched = pages.join("2017-07-11-gsa-kaspersky-vendor-lists.html");
    let content = std::fs::read(&touched).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&touched, content).unwrap();

    let third = stderr_of(clipdex(&index).arg("index").arg(&pages));
    assert!(
        third.contains(&format!(
            "1 added, 1 updated, 1 removed, {} unchanged, 0 failed",
            total - 2
        )),
        "{third}"
    );

    let search = |query: &str| {
        clipdex(&index)
            .args(["search", query, "--json", "-n", "100"])
            .output()
            .unwrap()
    };
    let gone = search("\"saying out loud what it has been saying privately\"");
    assert_eq!(
        gone.status.code(),
        Some(1),
        "deleted file's passages are gone"
    );
    let new_text = search("zanzibarian quokkas");
    assert_eq!(new_text.status.code(), Some(0), "changed file re-extracted");
    let hits: Vec<Value> = String::from_utf8(new_text.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 1, "no duplicate passages of the changed file");
}

#[test]
fn broken_pages_are_reported_and_the_rest_indexed() {
    let work = TempDir::new().unwrap();
    let pages = work.path().join("pages");
    copy_dir(&corpus().join("northwire"), &pages);
    std::fs::write(pages.join("empty.html"), b"").unwrap();
    let binary: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(pages.join("binary.html"), &binary).unwrap();
    std::fs::write(pages.join("fake.html.gz"), b"<p>not gzip at all</p>").unwrap();
    let good = walkdir::WalkDir::new(corpus().join("northwire"))
        .into_iter()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "html")
        })
        .count();

    let index = work.path().join("index");
    let err = stderr_of(clipdex(&index).arg("index").arg(&pages));
    for (name, reason) in [
        ("empty.html", "empty file"),
        ("binary.html", "binary data"),
        ("fake.html.gz", "not gzip"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no warning for {name}: {err}"));
        assert!(
            line.starts_with("clipdex: warning:") && line.contains(reason),
            "{line}"
        );
    }
    assert!(
        err.contains(&format!(
            "{good} added, 0 updated, 0 removed, 0 unchanged, 3 failed"
        )),
        "{err}"
    );
}

#[test]
fn extract_json_has_the_documented_schema() {
    let page = corpus().join("capitol-ledger/2017-05-11-intelligence-chiefs-kaspersky.html");
    let out = Command::cargo_bin("clipdex")
        .unwrap()
        .arg("extract")
        .arg(&page)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    let article = &lines[0];
    assert_eq!(
        article["title"],
        "Intelligence chiefs say they would not use Kaspersky software"
    );
    assert_eq!(article["site"], "The Capitol Ledger");
    assert_eq!(article["lang"], "en");
    assert!(article["date"].as_str().unwrap().starts_with("2017-05-11T"));
    assert_eq!(article["authors"][0], "Dana Whitfield");
    let passages = article["passages"].as_array().unwrap();
    assert!(passages.len() > 5);
    for (i, p) in passages.iter().enumerate() {
        assert_eq!(p["position"], i);
        assert!(p["text"].is_string());
        for q in p["quotes"].as_array().unwrap() {
            assert!(q["text"].is_string() && q.get("speaker").is_some() && q.get("cue").is_some());
        }
    }
}

#[test]
fn speakers_counts_quoted_people() {
    let out = clipdex(corpus_index())
        .args(["speakers", "--json", "-n", "200"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let thane = rows
        .iter()
        .find(|r| r["speaker"] == "Gregory Thane")
        .expect("Thane is quoted");
    let passages = thane["passages"].as_u64().unwrap();
    let hits = search_json(&["", "--speaker", "gregory thane", "-n", "1000"]);
    assert_eq!(passages as usize, hits.len());
    let counts: Vec<u64> = rows
        .iter()
        .map(|r| r["passages"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
}
