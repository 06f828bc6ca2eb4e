//! Queries → hits: the query syntax (checked before tantivy sees it, so mistakes get a message that
//! says what and where), filters by speaker, site and date, BM25 ranking, snippets, and the
//! speaker counts behind `clipdex speakers`.

use std::ops::Bound;

use serde::Serialize;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::{AggContextParams, AggregationCollector};
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, QueryParser,
    QueryParserError, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{IndexReader, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::index::{Fields, Store, KIND_PASSAGE};
use crate::quotes::Quote;

/// Field names a query may use, as `name:word` or `name:"a phrase"`.
pub const QUERY_FIELDS: &[&str] = &["speaker", "title", "site", "author", "text"];

/// Longest snippet, in characters.
const SNIPPET_CHARS: usize = 220;

/// Filters that narrow any query.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Matches speakers by full name or part of it, case-insensitively.
    pub speaker: Option<String>,
    /// Matches the outlet's name or its domain.
    pub site: Option<String>,
    /// First second included, in calendar seconds (see [`crate::extract::PubDate`]).
    pub since: Option<i64>,
    /// First second excluded.
    pub until: Option<i64>,
}

/// A search.
#[derive(Debug, Clone)]
pub struct Request {
    pub query: String,
    pub filters: Filters,
    pub limit: usize,
}

/// One ranked passage. Field order and names are the JSON Lines interface (see README).
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    pub path: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub site: Option<String>,
    /// RFC 3339 with the page's own offset.
    pub date: Option<String>,
    pub authors: Vec<String>,
    /// 0-based position of the passage in its article.
    pub passage: u64,
    pub article_id: String,
    pub text: String,
    pub snippet: String,
    /// `[start, end)` character offsets of the highlighted words in `snippet`.
    pub highlights: Vec<[usize; 2]>,
    pub speakers: Vec<String>,
    pub quotes: Vec<Quote>,
}

/// A speaker and how often they are quoted in the matching passages.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SpeakerCount {
    pub speaker: String,
    /// Passages quoting the speaker.
    pub passages: u64,
    /// Articles quoting the speaker.
    pub articles: u64,
}

/// An opened index, ready to answer queries; open once per process.
pub struct Engine {
    store: Store,
    reader: IndexReader,
    parser: QueryParser,
}

impl Engine {
    pub fn open(store: Store) -> Result<Engine> {
        let reader = store.reader()?;
        let f = store.fields;
        let mut parser = QueryParser::for_index(&store.index, vec![f.text, f.title]);
        parser.set_conjunction_by_default();
        Ok(Engine {
            store,
            reader,
            parser,
        })
    }

    pub fn fields(&self) -> &Fields {
        &self.store.fields
    }

    /// Ranked passages for a request.
    pub fn search(&self, request: &Request) -> Result<Vec<Hit>> {
        let user_query = self.parse_user_query(&request.query, !request.filters.is_empty())?;
        let query = self.with_filters(user_query.box_clone(), &request.filters);
        let searcher = self.reader.searcher();
        // No more hits than documents: `-n 18446744073709551615` would overflow an allocation.
        let limit = request.limit.min(searcher.num_docs() as usize);
        if limit == 0 {
            return Ok(Vec::new());
        }
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let f = self.store.fields;
        let mut snippets = SnippetGenerator::create(&searcher, &*user_query, f.text)?;
        snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut hits = Vec::with_capacity(top.len());
        for (rank, (score, address)) in top.into_iter().enumerate() {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = first_text(&doc, f.text).unwrap_or_default();
            let snippet = snippets.snippet(&text);
            let (snippet, highlights) = if snippet.fragment().is_empty() {
                (opening(&text, SNIPPET_CHARS), Vec::new())
            } else {
                let fragment = snippet.fragment();
                let highlights = snippet
                    .highlighted()
                    .iter()
                    .map(|r| [char_offset(fragment, r.start), char_offset(fragment, r.end)])
                    .collect();
                (fragment.to_owned(), highlights)
            };
            hits.push(Hit {
                rank: rank + 1,
                score,
                path: first_text(&doc, f.path).unwrap_or_default(),
                url: first_text(&doc, f.url),
                title: first_text(&doc, f.title),
                site: first_text(&doc, f.site),
                date: first_text(&doc, f.date_text),
                authors: all_text(&doc, f.author),
                passage: doc
                    .get_first(f.position)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0),
                article_id: first_text(&doc, f.article_id).unwrap_or_default(),
                text,
                snippet,
                highlights,
                speakers: all_text(&doc, f.speaker),
                quotes: first_text(&doc, f.quotes)
                    .and_then(|q| serde_json::from_str(&q).ok())
                    .unwrap_or_default(),
            });
        }
        Ok(hits)
    }

    /// The speakers quoted most in the passages matching `query` (all passages when empty).
    pub fn speakers(
        &self,
        query: &str,
        filters: &Filters,
        limit: usize,
    ) -> Result<Vec<SpeakerCount>> {
        let user_query = self.parse_user_query(query, true)?;
        let query = self.with_filters(user_query, filters);
        let request: Aggregations = serde_json::from_value(serde_json::json!({
            "speakers": {
                "terms": {"field": "speaker_exact", "size": limit.clamp(1, 65_536), "order": {"_count": "desc"}},
                "aggs": {"articles": {"cardinality": {"field": "article_id"}}}
            }
        }))
        .map_err(|e| Error::Query(format!("aggregation request: {e}")))?;
        let collector = AggregationCollector::from_aggs(request, AggContextParams::default());
        let searcher = self.reader.searcher();
        let result = searcher.search(&query, &collector)?;
        let json = serde_json::to_value(result).map_err(|e| Error::Query(e.to_string()))?;
        let buckets = json["speakers"]["buckets"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        Ok(buckets
            .iter()
            .filter_map(|b| {
                Some(SpeakerCount {
                    speaker: b["key"].as_str()?.to_owned(),
                    passages: b["doc_count"].as_u64()?,
                    articles: b["articles"]["value"]
                        .as_f64()
                        .map_or(0, |v| v.round() as u64),
                })
            })
            .collect())
    }

    /// Parses the user's query; an empty query matches everything when something else narrows it.
    fn parse_user_query(&self, raw: &str, empty_ok: bool) -> Result<Box<dyn Query>> {
        if raw.trim().is_empty() {
            return if empty_ok {
                Ok(Box::new(AllQuery))
            } else {
                Err(Error::Query(
                    "empty query: give words to search for, or a filter such as --speaker".into(),
                ))
            };
        }
        check_syntax(raw)?;
        self.parser.parse_query(raw).map_err(|e| explain(raw, e))
    }

    fn with_filters(&self, query: Box<dyn Query>, filters: &Filters) -> Box<dyn Query> {
        let f = self.store.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, query),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.kind, KIND_PASSAGE),
                    IndexRecordOption::Basic,
                )),
            ),
        ];
        let mut filter = |q: Box<dyn Query>| {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
        };
        if let Some(speaker) = &filters.speaker {
            filter(self.words_query(f.speaker, speaker));
        }
        if let Some(site) = &filters.site {
            filter(self.words_query(f.site, site));
        }
        if filters.since.is_some() || filters.until.is_some() {
            let bound = |secs: Option<i64>, make: fn(Term) -> Bound<Term>| {
                secs.map_or(Bound::Unbounded, |s| {
                    make(Term::from_field_date(f.date, crate::index::date_value(s)))
                })
            };
            filter(Box::new(RangeQuery::new(
                bound(filters.since, Bound::Included),
                bound(filters.until, Bound::Excluded),
            )));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// The words of `value` in order, in a field indexed as lower-cased words.
    fn words_query(&self, field: Field, value: &str) -> Box<dyn Query> {
        let mut tokenizer = self
            .store
            .index
            .tokenizer_for_field(field)
            .expect("field has a tokenizer");
        let mut stream = tokenizer.token_stream(value);
        let mut terms = Vec::new();
        while let Some(token) = stream.next() {
            terms.push(Term::from_field_text(field, &token.text));
        }
        match terms.len() {
            // Nothing to match on: match nothing rather than everything.
            0 => Box::new(TermQuery::new(
                Term::from_field_text(field, "\u{0}"),
                IndexRecordOption::Basic,
            )),
            1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic)),
            _ => Box::new(PhraseQuery::new(terms)),
        }
    }
}

impl Filters {
    fn is_empty(&self) -> bool {
        self.speaker.is_none()
            && self.site.is_none()
            && self.since.is_none()
            && self.until.is_none()
    }
}

/// Checks quotes, parentheses and field names, naming the column of the first mistake.
pub fn check_syntax(query: &str) -> Result<()> {
    let mut open_quote: Option<usize> = None;
    let mut open_parens: Vec<usize> = Vec::new();
    let mut word_start = true;
    let chars: Vec<char> = query.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        if open_quote.is_some() {
            if c == '"' {
                open_quote = None;
            }
            i += 1;
            continue;
        }
        match c {
            '"' => open_quote = Some(column),
            '(' => open_parens.push(column),
            ')' if open_parens.pop().is_none() => {
                return Err(Error::Query(format!(
                    "unbalanced parenthesis: ')' at column {column} closes nothing"
                )));
            }
            _ => {}
        }
        if word_start && (c.is_alphabetic() || c == '_') {
            let name: String = chars[i..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .collect();
            let after = i + name.chars().count();
            if chars.get(after) == Some(&':')
                && !QUERY_FIELDS.contains(&name.to_lowercase().as_str())
            {
                return Err(Error::Query(format!(
                    "unknown field '{name}:' at column {column}; fields are {}",
                    QUERY_FIELDS
                        .iter()
                        .map(|f| format!("{f}:"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        }
        word_start = c.is_whitespace() || matches!(c, '(' | '-' | '+');
        i += 1;
    }
    if let Some(column) = open_quote {
        return Err(Error::Query(format!(
            "unbalanced quote: the phrase opened at column {column} is not closed"
        )));
    }
    if let Some(column) = open_parens.pop() {
        return Err(Error::Query(format!(
            "unbalanced parenthesis: '(' at column {column} is not closed"
        )));
    }
    Ok(())
}

fn explain(query: &str, err: QueryParserError) -> Error {
    let message = match err {
        QueryParserError::AllButQueryForbidden => {
            "a query of only exclusions (-word) matches nothing: add a word to search for"
                .to_owned()
        }
        QueryParserError::FieldDoesNotExist(field) => format!(
            "unknown field '{field}:'; fields are {}",
            QUERY_FIELDS.join(", ")
        ),
        QueryParserError::SyntaxError(detail) => {
            format!("cannot read the query {query:?}: {detail}")
        }
        other => format!("cannot read the query {query:?}: {other}"),
    };
    Error::Query(message)
}

/// Parses `2017`, `2017-07` or `2017-07-11` as the first second of that period (`end = false`) or
/// the first second after it (`end = true`), in calendar seconds.
pub fn parse_date_bound(raw: &str, end: bool) -> Result<i64> {
    let bad = || {
        Error::Query(format!(
            "invalid date '{raw}': expected YYYY, YYYY-MM or YYYY-MM-DD (for example 2017, 2017-07 or 2017-07-11)"
        ))
    };
    let parts: Vec<&str> = raw.trim().split('-').collect();
    if parts.is_empty()
        || parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(bad());
    }
    if parts[0].len() != 4 {
        return Err(bad());
    }
    let year: i16 = parts[0].parse().map_err(|_| bad())?;
    let month: i8 = parts
        .get(1)
        .map_or(Ok(1), |m| m.parse())
        .map_err(|_| bad())?;
    let day: i8 = parts
        .get(2)
        .map_or(Ok(1), |d| d.parse())
        .map_err(|_| bad())?;
    let start = jiff::civil::Date::new(year, month, day).map_err(|_| bad())?;
    let date = if end {
        let step = match parts.len() {
            1 => jiff::Span::new().years(1),
            2 => jiff::Span::new().months(1),
            _ => jiff::Span::new().days(1),
        };
        start.checked_add(step).map_err(|_| bad())?
    } else {
        start
    };
    let ts = jiff::tz::TimeZone::UTC
        .to_timestamp(date.at(0, 0, 0, 0))
        .map_err(|_| bad())?;
    Ok(ts.as_second())
}

fn first_text(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(str::to_owned))
}

fn all_text(doc: &TantivyDocument, field: Field) -> Vec<String> {
    doc.get_all(field)
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

/// The passage's opening, cut at a word boundary, for hits that matched only filters.
fn opening(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_bounds() {
        let day = 86_400;
        let july = parse_date_bound("2017-07", false).unwrap();
        assert_eq!(parse_date_bound("2017-07-01", false).unwrap(), july);
        assert_eq!(parse_date_bound("2017-07", true).unwrap(), july + 31 * day);
        assert_eq!(
            parse_date_bound("2017-07-11", true).unwrap(),
            july + 11 * day
        );
        assert_eq!(
            parse_date_bound("2017", true).unwrap(),
            parse_date_bound("2018", false).unwrap()
        );
        for bad in ["99999", "2017-13", "2017-02-30", "July", "", "2017-", "-5"] {
            let err = parse_date_bound(bad, false).unwrap_err().to_string();
            assert!(err.contains("expected YYYY"), "{bad}: {err}");
        }
    }

    #[test]
    fn syntax_errors_name_the_column() {
        let err = check_syntax(r#"kaspersky "active countermeasures"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("column 11"), "{err}");
        let err = check_syntax("(ban OR directive").unwrap_err().to_string();
        assert!(err.contains("'(' at column 1"), "{err}");
        let err = check_syntax("ban)").unwrap_err().to_string();
        assert!(err.contains("column 4"), "{err}");
        let err = check_syntax("foo:bar").unwrap_err().to_string();
        assert!(err.contains("unknown field 'foo:'"), "{err}");
        check_syntax(r#"speaker:"Eugene Kaspersky" (ban OR directive) -raid"#).unwrap();
        check_syntax(r#""it's 10:30 here""#).unwrap();
    }

    #[test]
    fn opening_cuts_at_words() {
        let text = "word ".repeat(100);
        let cut = opening(text.trim(), 22);
        assert_eq!(cut, "word word word word …");
    }
}
