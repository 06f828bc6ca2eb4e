//! The Article Extraction Benchmark (AEB) metric: 4-token shingle overlap, page-level precision
//! and recall averaged over the corpus, plus exact-token accuracy. One implementation serves the
//! regression gate in the tests and the side-by-side comparison in the bench crate.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Unicode `\w+` runs, case kept.
pub fn tokens(text: &str) -> Vec<&str> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| regex::Regex::new(r"\w+").unwrap());
    re.find_iter(text).map(|m| m.as_str()).collect()
}

fn shingles<'a>(toks: &[&'a str]) -> HashMap<Vec<&'a str>, i64> {
    let mut m = HashMap::new();
    if toks.is_empty() {
        return m;
    }
    if toks.len() < 4 {
        *m.entry(toks.to_vec()).or_insert(0) += 1;
        return m;
    }
    for w in toks.windows(4) {
        *m.entry(w.to_vec()).or_insert(0) += 1;
    }
    m
}

/// Per-page counts, already divided by tp+fp+fn.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageScore {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
    /// token list of prediction equals truth's exactly
    pub exact: bool,
}

impl PageScore {
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fp == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }
    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            1.0
        } else if self.tp == 0.0 && self.fn_ == 0.0 {
            0.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Score one page.
pub fn score_page(truth: &str, pred: &str) -> PageScore {
    let tt = tokens(truth);
    let pt = tokens(pred);
    let ts = shingles(&tt);
    let ps = shingles(&pt);
    let (mut tp, mut fp, mut fn_) = (0i64, 0i64, 0i64);
    for (k, &t) in &ts {
        let p = ps.get(k).copied().unwrap_or(0);
        tp += t.min(p);
        fn_ += (t - p).max(0);
    }
    for (k, &p) in &ps {
        let t = ts.get(k).copied().unwrap_or(0);
        fp += (p - t).max(0);
    }
    let total = (tp + fp + fn_) as f64;
    let norm = |x: i64| if total > 0.0 { x as f64 / total } else { 0.0 };
    PageScore {
        tp: norm(tp),
        fp: norm(fp),
        fn_: norm(fn_),
        exact: tt == pt,
    }
}

/// Corpus summary.
#[derive(Debug, Clone, Copy, Default)]
pub struct CorpusScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
}

pub fn score_corpus(pages: &[PageScore]) -> CorpusScore {
    let (mut ps, mut pn, mut rs, mut rn, mut acc) = (0.0, 0usize, 0.0, 0usize, 0usize);
    for p in pages {
        if p.tp + p.fp > 0.0 {
            ps += p.precision();
            pn += 1;
        }
        if p.tp + p.fn_ > 0.0 {
            rs += p.recall();
            rn += 1;
        }
        if p.exact {
            acc += 1;
        }
    }
    let precision = if pn > 0 { ps / pn as f64 } else { 0.0 };
    let recall = if rn > 0 { rs / rn as f64 } else { 0.0 };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let accuracy = if pages.is_empty() {
        0.0
    } else {
        acc as f64 / pages.len() as f64
    };
    CorpusScore {
        precision,
        recall,
        f1,
        accuracy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn identical_and_empty() {
        let s = score_page("a b c d e", "a b c d e");
        assert_eq!((s.precision(), s.recall(), s.exact), (1.0, 1.0, true));
        let s = score_page("a b c d e", "");
        assert_eq!((s.precision(), s.recall()), (0.0, 0.0));
        let s = score_page("one two", "one two three four five");
        assert_eq!(s.tp, 0.0);
    }
}
