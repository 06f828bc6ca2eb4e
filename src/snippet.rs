//! Snippets that respect the query: a phrase is highlighted only where the words stand together
//! (tantivy's generator highlights each word anywhere), fragments prefer whole sentences, start and
//! end at word boundaries, and mark cuts with "…".

use tantivy::tokenizer::TextAnalyzer;

use crate::passages::sentence_ends;

/// What to highlight: each pattern is a sequence of analysed (lower-cased, stemmed) tokens that must
/// stand at consecutive positions; a single-token pattern is a word.
pub type Pattern = Vec<String>;

/// A fragment of a passage and the matched spans in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// `[start, end)` character offsets into `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// Byte ranges in `text` where the patterns match.
pub fn find_matches(
    text: &str,
    patterns: &[Pattern],
    analyzer: &mut TextAnalyzer,
    fuzzy: bool,
) -> Vec<(usize, usize, usize)> {
    if patterns.is_empty() {
        return Vec::new();
    }
    let mut tokens = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        tokens.push((
            token.text.clone(),
            token.position,
            token.offset_from,
            token.offset_to,
        ));
    }
    let same = |a: &str, b: &str| a == b || (fuzzy && within_one_edit(a, b));
    let mut found = Vec::new();
    for (index, pattern) in patterns.iter().enumerate() {
        for start in 0..tokens.len() {
            let matched = pattern.iter().enumerate().all(|(k, word)| {
                tokens.get(start + k).is_some_and(|(text, position, _, _)| {
                    *position == tokens[start].1 + k && same(text, word)
                })
            });
            if matched {
                found.push((tokens[start].2, tokens[start + pattern.len() - 1].3, index));
            }
        }
    }
    found.sort_unstable();
    // Drop matches inside an earlier, longer one.
    let mut kept: Vec<(usize, usize, usize)> = Vec::with_capacity(found.len());
    for m in found {
        match kept.last_mut() {
            Some(last) if m.0 < last.1 => last.1 = last.1.max(m.1),
            _ => kept.push(m),
        }
    }
    kept
}

/// Levenshtein distance of at most one, counting a swap of neighbours as one edit.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        if prefix == short.len() {
            return true;
        }
        let rest = prefix + 1;
        let substitution = short[rest..] == long[rest..];
        let swap = rest < short.len()
            && short[prefix] == long[rest]
            && short[rest] == long[prefix]
            && short[rest + 1..] == long[rest + 1..];
        substitution || swap
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// The best fragment of `text` of at most about `max_chars` characters: the run of whole sentences
/// with the most distinct patterns matched (then the most matches, then the earliest); a single
/// sentence that is too long is cut around its first match. Without matches, the opening.
pub fn make_snippet(text: &str, matches: &[(usize, usize, usize)], max_chars: usize) -> Snippet {
    let mut bounds = vec![0];
    bounds.extend(sentence_ends(text));
    bounds.dedup();
    let sentences: Vec<(usize, usize)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();

    let mut best: Option<((usize, usize, isize), usize, usize)> = None;
    for (first, &(start, _)) in sentences.iter().enumerate() {
        for (last, &(_, end)) in sentences.iter().enumerate().skip(first) {
            if last > first && text[start..end].chars().count() > max_chars {
                break;
            }
            let inside: Vec<&(usize, usize, usize)> = matches
                .iter()
                .filter(|m| m.0 >= start && m.1 <= end)
                .collect();
            let mut distinct: Vec<usize> = inside.iter().map(|m| m.2).collect();
            distinct.sort_unstable();
            distinct.dedup();
            let key = (distinct.len(), inside.len(), -(first as isize));
            if best.as_ref().is_none_or(|(k, _, _)| key > *k) {
                best = Some((key, start, end));
            }
        }
    }
    let (start, end) = match best {
        Some(((0, _, _), _, _)) | None => (0, text.len()),
        Some((_, start, end)) => (start, end),
    };
    let (start, end) = fit(text, start, end, matches, max_chars);
    let piece = text[start..end].trim();
    let lead = text[start..end].len() - text[start..end].trim_start().len();
    let piece_start = start + lead;
    let mut out = String::new();
    let mut offset_chars = 0;
    if piece_start > 0 {
        out.push_str("… ");
        offset_chars = 2;
    }
    out.push_str(piece);
    let piece_end = piece_start + piece.len();
    if piece_end < text.trim_end().len() {
        out.push_str(" …");
    }
    let highlights = matches
        .iter()
        .filter(|m| m.0 >= piece_start && m.1 <= piece_end)
        .map(|m| {
            let s = offset_chars + text[piece_start..m.0].chars().count();
            let e = offset_chars + text[piece_start..m.1].chars().count();
            [s, e]
        })
        .collect();
    Snippet {
        text: out,
        highlights,
    }
}

/// Narrows `[start, end)` to at most `max_chars` characters at word boundaries, keeping the first
/// match inside it with some context before it.
fn fit(
    text: &str,
    start: usize,
    end: usize,
    matches: &[(usize, usize, usize)],
    max_chars: usize,
) -> (usize, usize) {
    if text[start..end].chars().count() <= max_chars {
        return (start, end);
    }
    let anchor = matches
        .iter()
        .find(|m| m.0 >= start && m.1 <= end)
        .map_or(start, |m| m.0);
    // Up to a third of the room before the first match.
    let before: usize = text[start..anchor]
        .chars()
        .rev()
        .take(max_chars / 3)
        .map(char::len_utf8)
        .sum();
    let mut from = anchor - before;
    if from > start {
        // Move forward to the start of a word.
        from = text[from..end]
            .find(char::is_whitespace)
            .map_or(from, |i| from + i + 1);
        if from > anchor {
            from = anchor;
        }
    }
    let room: usize = text[from..end]
        .chars()
        .take(max_chars)
        .map(char::len_utf8)
        .sum();
    let mut to = from + room;
    if to < end {
        // Back to the end of a word.
        to = text[from..to]
            .rfind(char::is_whitespace)
            .map_or(to, |i| from + i);
    }
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer, Stemmer};

    fn analyzer() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::default())
            .build()
    }

    fn snippet(text: &str, patterns: &[&[&str]], max: usize) -> (String, Vec<String>) {
        let patterns: Vec<Pattern> = patterns
            .iter()
            .map(|p| p.iter().map(|w| w.to_string()).collect())
            .collect();
        let matches = find_matches(text, &patterns, &mut analyzer(), false);
        let s = make_snippet(text, &matches, max);
        let chars: Vec<char> = s.text.chars().collect();
        let marked = s
            .highlights
            .iter()
            .map(|[a, b]| chars[*a..*b].iter().collect())
            .collect();
        (s.text, marked)
    }

    #[test]
    fn phrase_is_highlighted_only_where_it_occurs() {
        let text = "Active defence is one thing. The emails called for active countermeasures, a step further.";
        let (_, marked) = snippet(text, &[&["activ", "countermeasur"]], 300);
        assert_eq!(marked, vec!["active countermeasures"]);
    }

    #[test]
    fn prefers_the_sentence_with_the_matches() {
        let text = "The first sentence is about nothing at all. The ban came into force in December. More text follows here.";
        let (s, marked) = snippet(text, &[&["ban"]], 50);
        assert_eq!(s, "… The ban came into force in December. …");
        assert_eq!(marked, vec!["ban"]);
    }

    #[test]
    fn long_sentences_are_cut_at_words() {
        let text = format!(
            "{} the directive {}",
            "word ".repeat(60),
            "tail ".repeat(60)
        );
        let (s, marked) = snippet(&text, &[&["direct"]], 80);
        assert!(s.starts_with("… word") && s.ends_with("tail …"), "{s}");
        assert!(s.chars().count() <= 84);
        assert_eq!(marked, vec!["directive"]);
    }

    #[test]
    fn no_match_gives_the_opening() {
        let text = "One sentence here. Another one there.";
        let (s, marked) = snippet(text, &[], 300);
        assert_eq!(s, text);
        assert!(marked.is_empty());
    }

    #[test]
    fn edits() {
        assert!(within_one_edit("kaspersky", "kasperski"));
        assert!(within_one_edit("rubio", "rubo"));
        assert!(within_one_edit("rubio", "urbio"));
        assert!(within_one_edit("ban", "bans"));
        assert!(!within_one_edit("ban", "bent"));
        assert!(!within_one_edit("kaspersky", "kapsersyk"));
    }
}
