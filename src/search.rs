//! Queries → hits: the query syntax (checked before tantivy sees it, so mistakes get a message that
//! says what and where), filters by speaker, site and date, BM25 or date order, at most a few
//! passages per article, snippets that respect phrases, and the aggregations behind `clipdex
//! speakers` and `clipdex timeline`.

use std::collections::HashMap;
use std::ops::Bound;
use std::sync::Mutex;

use serde::Serialize;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::{AggContextParams, AggregationCollector};
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    QueryParser, QueryParserError, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{UserInputAst, UserInputLeaf};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, DocAddress, IndexReader, Order, Searcher, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::index::{Fields, Store, KIND_ARTICLE, KIND_FILE};
use crate::join::{self, ArticleJoin};
use crate::quotes::Quote;
use crate::snippet::{self, Pattern};

/// Field names a query may use, as `name:word` or `name:"a phrase"`.
pub const QUERY_FIELDS: &[&str] = &["speaker", "title", "site", "author", "text"];

/// The query fields indexed on article documents (see [`crate::join`]).
const ARTICLE_FIELDS: &[&str] = &["title", "site", "author"];

/// The article document of the passage at `address` ([`join::article_document`]).
fn article_of(searcher: &Searcher, address: DocAddress) -> Result<DocAddress> {
    let segment = searcher.segment_reader(address.segment_ord);
    join::article_document(segment, address.doc_id)?
        .map(|doc_id| DocAddress::new(address.segment_ord, doc_id))
        .ok_or_else(|| {
            Error::Index(tantivy::TantivyError::InternalError(format!(
                "passage {address:?} has no article document"
            )))
        })
}

/// The value of `key` in `map`, made by `make` on first use: the per-search caches of article
/// documents and columns, which a failed read leaves without an entry.
fn get_or_try_insert<K, V, E>(
    map: &mut HashMap<K, V>,
    key: K,
    make: impl FnOnce(&K) -> std::result::Result<V, E>,
) -> std::result::Result<&mut V, E>
where
    K: std::hash::Hash + Eq,
{
    Ok(match map.entry(key) {
        std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
        std::collections::hash_map::Entry::Vacant(e) => {
            let value = make(e.key())?;
            e.insert(value)
        }
    })
}

/// The documents of one `kind` (file records, article documents).
fn kind_query(f: &Fields, kind: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(f.kind, kind),
        IndexRecordOption::Basic,
    ))
}

/// Most buckets one aggregation returns (tantivy's default bucket limit is 65,000).
const MAX_BUCKETS: usize = 50_000;

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

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Best match first (BM25).
    #[default]
    Score,
    /// Oldest first.
    Date,
    /// Newest first.
    DateDesc,
}

/// A search.
#[derive(Debug, Clone)]
pub struct Request {
    pub query: String,
    pub filters: Filters,
    pub limit: usize,
    /// Hits skipped before the first one returned (for paging).
    pub offset: usize,
    /// At most this many passages from one article (None: no limit).
    pub per_article: Option<usize>,
    pub sort: SortOrder,
    /// Words also match within one edit (typo tolerance).
    pub fuzzy: bool,
}

impl Request {
    /// A plain request: best matches first, at most 3 passages per article.
    pub fn new(query: &str, limit: usize) -> Request {
        Request {
            query: query.to_owned(),
            filters: Filters::default(),
            limit,
            offset: 0,
            per_article: Some(3),
            sort: SortOrder::Score,
            fuzzy: false,
        }
    }
}

/// What all passages of an article share: where it came from and what it is.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleInfo {
    pub path: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub site: Option<String>,
    /// RFC 3339 with the page's own offset.
    pub date: Option<String>,
    pub authors: Vec<String>,
}

/// One ranked passage. Field order and names are the JSON Lines interface (see README).
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub rank: usize,
    /// BM25 score; null when hits are sorted by date.
    pub score: Option<f32>,
    #[serde(flatten)]
    pub article: ArticleInfo,
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

/// Calendar periods for a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Month,
    Year,
}

/// Matching passages and articles in one period.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PeriodCount {
    /// `YYYY-MM` or `YYYY`.
    pub period: String,
    pub passages: u64,
    pub articles: u64,
}

/// An indexed article with all its passages, as `clipdex show` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct StoredArticle {
    pub article_id: String,
    #[serde(flatten)]
    pub article: ArticleInfo,
    pub lang: Option<String>,
    pub passages: Vec<StoredPassage>,
}

/// One passage of a [`StoredArticle`].
#[derive(Debug, Clone, Serialize)]
pub struct StoredPassage {
    pub position: u64,
    pub text: String,
    pub speakers: Vec<String>,
    pub quotes: Vec<Quote>,
}

/// A parsed user query: what tantivy runs, and what the snippets highlight.
struct UserQuery {
    query: Box<dyn Query>,
    patterns: Vec<Pattern>,
}

/// An opened index, ready to answer queries; open once per process.
pub struct Engine {
    store: Store,
    reader: IndexReader,
    parsers: Parsers,
    fuzzy_parsers: Parsers,
    /// The text field's analyzer for snippets and highlight patterns, kept from query to query:
    /// its memo of stems warms up instead of stemming every word of every hit again (a tenth of
    /// the search time of the benchmark's queries).
    text_analyzer: Mutex<TextAnalyzer>,
}

/// A built query (none when the analyzer dropped every word), and whether anything in it
/// matches on its own: a query of exclusions alone (`-ban`, or `!!! -ban` once the analyzer drops
/// `!!!`) is refused, as tantivy's parser refuses it after analysis.
struct Built {
    query: Option<Box<dyn Query>>,
    positive: bool,
}

/// Query parsers for the two default fields: a word with no field looks in the passage's text
/// and in its article's title, and the title part runs on article documents (see
/// [`Engine::build_query`]).
#[derive(Clone)]
struct Parsers {
    /// `text` for default field: also builds every leaf that names its field
    text: QueryParser,
    /// `title` for default field
    title: QueryParser,
}

impl Engine {
    pub fn open(store: Store) -> Result<Engine> {
        let reader = store.reader()?;
        let f = store.fields;
        let parser = |default_field| {
            let mut parser = QueryParser::for_index(&store.index, vec![default_field]);
            parser.set_conjunction_by_default();
            parser
        };
        let parsers = Parsers {
            text: parser(f.text),
            title: parser(f.title),
        };
        let mut fuzzy_parsers = parsers.clone();
        for parser in [&mut fuzzy_parsers.text, &mut fuzzy_parsers.title] {
            for field in [f.text, f.title, f.speaker, f.author] {
                parser.set_field_fuzzy(field, false, 1, true);
            }
        }
        let text_analyzer = Mutex::new(store.index.tokenizer_for_field(f.text)?);
        Ok(Engine {
            store,
            reader,
            parsers,
            fuzzy_parsers,
            text_analyzer,
        })
    }

    pub fn fields(&self) -> &Fields {
        &self.store.fields
    }

    /// Ranked passages for a request.
    pub fn search(&self, request: &Request) -> Result<Vec<Hit>> {
        let user =
            self.parse_user_query(&request.query, !request.filters.is_empty(), request.fuzzy)?;
        let query = self.with_filters(user.query.box_clone(), &request.filters);
        let searcher = self.reader.searcher();
        // Never more than there are documents: `-n 18446744073709551615` must not size a heap.
        let wanted = request
            .offset
            .saturating_add(request.limit)
            .min(searcher.num_docs() as usize);
        if request.limit == 0 || wanted <= request.offset {
            return Ok(Vec::new());
        }
        let ranked = self.top_passages(&searcher, &*query, request, wanted)?;
        // hits come a few per article: its document is read once
        let mut articles: HashMap<DocAddress, TantivyDocument> = HashMap::new();
        self.with_text_analyzer(|analyzer| {
            ranked
                .into_iter()
                .enumerate()
                .skip(request.offset)
                .map(|(i, (score, address))| {
                    let doc: TantivyDocument = searcher.doc(address)?;
                    let article =
                        get_or_try_insert(&mut articles, article_of(&searcher, address)?, |at| {
                            searcher.doc(*at)
                        })?;
                    let mut hit = self.hit_from(&doc, article, i + 1, score);
                    let matches =
                        snippet::find_matches(&hit.text, &user.patterns, analyzer, request.fuzzy);
                    let snippet = snippet::make_snippet(&hit.text, &matches, SNIPPET_CHARS);
                    hit.snippet = snippet.text;
                    hit.highlights = snippet.highlights;
                    Ok(hit)
                })
                .collect()
        })
    }

    /// Runs `f` with the engine's text analyzer, or with a fresh copy while another thread
    /// holds it.
    fn with_text_analyzer<R>(&self, f: impl FnOnce(&mut TextAnalyzer) -> R) -> R {
        match self.text_analyzer.try_lock() {
            Ok(mut analyzer) => f(&mut analyzer),
            Err(_) => f(&mut self
                .store
                .index
                .tokenizer_for_field(self.store.fields.text)
                .expect("the text field has an analyzer (Engine::open took one)")),
        }
    }

    /// The first `wanted` passages in the requested order, at most `per_article` from one article.
    /// Fetches more candidates until enough survive the per-article cap or the matches run out.
    fn top_passages(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
        request: &Request,
        wanted: usize,
    ) -> Result<Vec<(Option<f32>, DocAddress)>> {
        let all = (searcher.num_docs() as usize).max(1);
        let mut fetch = wanted
            .saturating_mul(if request.per_article.is_some() { 4 } else { 1 })
            .clamp(16.min(all), all);
        loop {
            let candidates: Vec<(Option<f32>, DocAddress)> = match request.sort {
                SortOrder::Score => searcher
                    .search(query, &TopDocs::with_limit(fetch).order_by_score())?
                    .into_iter()
                    .map(|(score, address)| (Some(score), address))
                    .collect(),
                SortOrder::Date | SortOrder::DateDesc => {
                    let order = if request.sort == SortOrder::Date {
                        Order::Asc
                    } else {
                        Order::Desc
                    };
                    searcher
                        .search(
                            query,
                            &TopDocs::with_limit(fetch)
                                .order_by_fast_field::<DateTime>("date", order),
                        )?
                        .into_iter()
                        .map(|(_, address)| (None, address))
                        .collect()
                }
            };
            let exhausted = candidates.len() < fetch || fetch >= all;
            let kept = match request.per_article {
                Some(cap) => self.cap_per_article(searcher, candidates, cap, wanted)?,
                None => candidates.into_iter().take(wanted).collect(),
            };
            if kept.len() >= wanted || exhausted {
                return Ok(kept);
            }
            fetch = fetch.saturating_mul(4).min(all);
        }
    }

    fn cap_per_article(
        &self,
        searcher: &Searcher,
        candidates: Vec<(Option<f32>, DocAddress)>,
        cap: usize,
        wanted: usize,
    ) -> Result<Vec<(Option<f32>, DocAddress)>> {
        let mut columns = HashMap::new();
        // An article's passages are all in one segment, so its id's ordinal in the segment's
        // column tells it apart without reading the id itself: looking the string up in the
        // column's dictionary took a third of the search time.
        let mut per_article: HashMap<(u32, Option<u64>), usize> = HashMap::new();
        let mut kept = Vec::new();
        for (score, address) in candidates {
            let column = get_or_try_insert(&mut columns, address.segment_ord, |&segment| {
                searcher
                    .segment_reader(segment)
                    .fast_fields()
                    .str("article_id")
            })?;
            let ordinal = column
                .as_ref()
                .and_then(|column| column.term_ords(address.doc_id).next());
            let seen = per_article
                .entry((address.segment_ord, ordinal))
                .or_default();
            if *seen < cap {
                *seen += 1;
                kept.push((score, address));
                if kept.len() == wanted {
                    break;
                }
            }
        }
        Ok(kept)
    }

    /// A hit from a passage's document and its article's.
    fn hit_from(
        &self,
        doc: &TantivyDocument,
        article: &TantivyDocument,
        rank: usize,
        score: Option<f32>,
    ) -> Hit {
        let f = self.store.fields;
        Hit {
            rank,
            score,
            article: self.article_info(article),
            passage: doc
                .get_first(f.position)
                .and_then(|v| v.as_u64())
                .unwrap_or(0),
            article_id: first_text(doc, f.article_id).unwrap_or_default(),
            text: first_text(doc, f.text).unwrap_or_default(),
            snippet: String::new(),
            highlights: Vec::new(),
            speakers: all_text(doc, f.speaker),
            quotes: quotes_of(doc, f.quotes),
        }
    }

    fn article_info(&self, article: &TantivyDocument) -> ArticleInfo {
        let f = self.store.fields;
        ArticleInfo {
            path: first_text(article, f.path).unwrap_or_default(),
            url: first_text(article, f.url),
            title: first_text(article, f.title),
            site: first_text(article, f.site),
            date: first_text(article, f.date_text),
            authors: all_text(article, f.author),
        }
    }

    /// The speakers quoted most in the passages matching `query` (all passages when empty).
    pub fn speakers(
        &self,
        query: &str,
        filters: &Filters,
        limit: usize,
    ) -> Result<Vec<SpeakerCount>> {
        let json = self.aggregate(
            query,
            filters,
            "speaker_exact",
            limit.clamp(1, MAX_BUCKETS),
            "_count",
            "desc",
        )?;
        Ok(json["buckets"]
            .as_array()
            .into_iter()
            .flatten()
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

    /// Matching passages and articles per month or year, oldest first, with empty periods between
    /// the first and the last filled in.
    pub fn timeline(
        &self,
        query: &str,
        filters: &Filters,
        period: Period,
    ) -> Result<Vec<PeriodCount>> {
        let json = self.aggregate(query, filters, "month", MAX_BUCKETS, "_key", "asc")?;
        let mut counts: Vec<PeriodCount> = Vec::new();
        for bucket in json["buckets"].as_array().into_iter().flatten() {
            let Some(month) = bucket["key"].as_str() else {
                continue;
            };
            let key = match period {
                Period::Month => month.to_owned(),
                Period::Year => month[..4].to_owned(),
            };
            let passages = bucket["doc_count"].as_u64().unwrap_or(0);
            // An article has one date, so its month's article count adds up across a year.
            let articles = bucket["articles"]["value"]
                .as_f64()
                .map_or(0, |v| v.round() as u64);
            match counts.last_mut() {
                Some(last) if last.period == key => {
                    last.passages += passages;
                    last.articles += articles;
                }
                _ => counts.push(PeriodCount {
                    period: key,
                    passages,
                    articles,
                }),
            }
        }
        Ok(fill_gaps(counts, period))
    }

    /// A terms aggregation on a fast field with the article count of each bucket, as JSON.
    fn aggregate(
        &self,
        query: &str,
        filters: &Filters,
        field: &str,
        size: usize,
        order_key: &str,
        order: &str,
    ) -> Result<serde_json::Value> {
        let user = self.parse_user_query(query, true, false)?;
        let query = self.with_filters(user.query, filters);
        let request: Aggregations = serde_json::from_value(serde_json::json!({
            "buckets": {
                "terms": {"field": field, "size": size, "order": {order_key: order}},
                "aggs": {"articles": {"cardinality": {"field": "article_id"}}}
            }
        }))
        .map_err(|e| Error::Query(format!("aggregation request: {e}")))?;
        let collector = AggregationCollector::from_aggs(request, AggContextParams::default());
        let result = self.reader.searcher().search(&*query, &collector)?;
        let mut json = serde_json::to_value(result).map_err(|e| Error::Query(e.to_string()))?;
        Ok(json["buckets"].take())
    }

    /// An article with all its passages, by article id or by the path of its file.
    pub fn article(&self, id_or_path: &str) -> Result<Option<StoredArticle>> {
        let f = self.store.fields;
        let searcher = self.reader.searcher();
        // the passages of the article and its article document
        let by = |field, value: &str| -> Result<Vec<DocAddress>> {
            let query = TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            );
            Ok(searcher
                .search(&query, &TopDocs::with_limit(100_000).order_by_score())?
                .into_iter()
                .map(|(_, a)| a)
                .collect())
        };
        let mut addresses = by(f.article_id, id_or_path)?;
        if addresses.is_empty() {
            let path = std::fs::canonicalize(id_or_path)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| id_or_path.to_owned());
            addresses = by(f.article_id, &crate::index::article_id(&path))?;
        }
        let (mut docs, articles): (Vec<TantivyDocument>, Vec<TantivyDocument>) = addresses
            .into_iter()
            .map(|a| searcher.doc::<TantivyDocument>(a))
            .collect::<tantivy::Result<Vec<_>>>()?
            .into_iter()
            .partition(|d| d.get_first(f.position).is_some());
        docs.sort_by_key(|d| {
            d.get_first(f.position)
                .and_then(|v| v.as_u64())
                .unwrap_or(0)
        });
        let Some(article) = articles.first() else {
            return Ok(None);
        };
        Ok(Some(StoredArticle {
            article_id: first_text(article, f.article_id).unwrap_or_default(),
            article: self.article_info(article),
            lang: first_text(article, f.lang),
            passages: docs
                .iter()
                .map(|d| StoredPassage {
                    position: d
                        .get_first(f.position)
                        .and_then(|v| v.as_u64())
                        .unwrap_or(0),
                    text: first_text(d, f.text).unwrap_or_default(),
                    speakers: all_text(d, f.speaker),
                    quotes: quotes_of(d, f.quotes),
                })
                .collect(),
        }))
    }

    /// Parses the user's query; an empty query matches everything when something else narrows it.
    fn parse_user_query(&self, raw: &str, empty_ok: bool, fuzzy: bool) -> Result<UserQuery> {
        if raw.trim().is_empty() {
            return if empty_ok {
                Ok(UserQuery {
                    query: self.all_passages(),
                    patterns: Vec::new(),
                })
            } else {
                Err(Error::Query(
                    "empty query: give words to search for, or a filter such as --speaker".into(),
                ))
            };
        }
        check_syntax(raw)?;
        let ast = tantivy::query_grammar::parse_query(raw)
            .map_err(|_| Error::Query(format!("cannot read the query {raw:?}")))?;
        let parsers = if fuzzy {
            &self.fuzzy_parsers
        } else {
            &self.parsers
        };
        let built = self
            .build_query(parsers, ast.clone())
            .map_err(|e| explain(raw, e))?;
        // as tantivy's parser, which lets a query of nothing at all through: no clause, or one
        // word the analyzer drops
        let nothing = match &ast {
            UserInputAst::Clause(clauses) => clauses.is_empty(),
            UserInputAst::Leaf(_) => true,
            UserInputAst::Boost(..) => false,
        };
        if !built.positive && !nothing {
            return Err(explain(raw, QueryParserError::AllButQueryForbidden));
        }
        let query = built.query.unwrap_or_else(|| Box::new(EmptyQuery));
        let mut patterns = Vec::new();
        self.with_text_analyzer(|analyzer| collect_patterns(&ast, false, analyzer, &mut patterns));
        Ok(UserQuery { query, patterns })
    }

    /// The query of a parsed user query, built as tantivy's parser builds it with `text` and
    /// `title` for default fields (a clause without an operator is required, a word with no
    /// field is looked for in both fields), except that leaves on the fields of article
    /// documents run through [`ArticleJoin`]. No query when nothing is left to match on (a word
    /// the analyzer drops entirely), which tantivy's parser also leaves out of its clause.
    fn build_query(
        &self,
        parsers: &Parsers,
        ast: UserInputAst,
    ) -> std::result::Result<Built, QueryParserError> {
        Ok(match ast {
            UserInputAst::Clause(clauses) => {
                let mut built = Vec::with_capacity(clauses.len());
                let mut positive = false;
                for (occur, clause) in clauses {
                    let clause = self.build_query(parsers, clause)?;
                    let occur = occur.unwrap_or(Occur::Must);
                    positive |= occur != Occur::MustNot && clause.positive;
                    if let Some(query) = clause.query {
                        built.push((occur, query));
                    }
                }
                Built {
                    query: (!built.is_empty())
                        .then(|| Box::new(BooleanQuery::new(built)) as Box<dyn Query>),
                    positive,
                }
            }
            UserInputAst::Boost(inner, boost) => {
                let inner = self.build_query(parsers, *inner)?;
                Built {
                    query: inner.query.map(|query| {
                        Box::new(BoostQuery::new(query, boost.into_inner() as f32))
                            as Box<dyn Query>
                    }),
                    positive: inner.positive,
                }
            }
            UserInputAst::Leaf(leaf) => {
                let query = self.build_leaf(parsers, *leaf)?;
                Built {
                    positive: query.is_some(),
                    query,
                }
            }
        })
    }

    fn build_leaf(
        &self,
        parsers: &Parsers,
        leaf: UserInputLeaf,
    ) -> std::result::Result<Option<Box<dyn Query>>, QueryParserError> {
        let build = |parser: &QueryParser, leaf: UserInputLeaf| {
            parser
                .build_query_from_user_input_ast(UserInputAst::Leaf(Box::new(leaf)))
                .map(|query| (!query.is::<EmptyQuery>()).then_some(query))
        };
        let field = match &leaf {
            UserInputLeaf::Literal(literal) => literal.field_name.as_deref(),
            UserInputLeaf::Range { field, .. }
            | UserInputLeaf::Set { field, .. }
            | UserInputLeaf::Regex { field, .. } => field.as_deref(),
            UserInputLeaf::Exists { field } => Some(field.as_str()),
            UserInputLeaf::All => return Ok(Some(self.all_passages())),
        };
        match field {
            // The AST is the authority on fields: `check_syntax` reads the raw text, and a leaf
            // right after a phrase (`"" ""kind:article`) got past it to the schema's other fields.
            Some(name) if !QUERY_FIELDS.contains(&name) => {
                Err(QueryParserError::FieldDoesNotExist(name.to_owned()))
            }
            Some(name) if ARTICLE_FIELDS.contains(&name) => {
                Ok(build(&parsers.text, leaf)?.map(|query| self.join(query)))
            }
            Some(_) => build(&parsers.text, leaf),
            None => {
                let in_text = build(&parsers.text, leaf.clone())?;
                let in_title = build(&parsers.title, leaf)?.map(|query| self.join(query));
                Ok(match (in_text, in_title) {
                    (Some(text), Some(title)) => Some(Box::new(BooleanQuery::new(vec![
                        (Occur::Should, text),
                        (Occur::Should, title),
                    ]))),
                    (text, title) => text.or(title),
                })
            }
        }
    }

    /// Every passage. Only match-all reaches file records and article documents (they have no
    /// text, speaker or date, article fields go through [`ArticleJoin`], and no other field of
    /// theirs is a query field), so only it has to leave them out; `* -word` once listed file
    /// records as empty hits.
    fn all_passages(&self) -> Box<dyn Query> {
        let f = &self.store.fields;
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
            (Occur::MustNot, kind_query(f, KIND_FILE)),
            (Occur::MustNot, kind_query(f, KIND_ARTICLE)),
        ]))
    }

    /// The passages of the articles whose article document matches `query`.
    fn join(&self, query: Box<dyn Query>) -> Box<dyn Query> {
        Box::new(ArticleJoin::new(
            query,
            Term::from_field_text(self.store.fields.kind, KIND_ARTICLE),
        ))
    }

    fn with_filters(&self, query: Box<dyn Query>, filters: &Filters) -> Box<dyn Query> {
        let f = self.store.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
        let mut filter = |q: Box<dyn Query>| {
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
        };
        if let Some(speaker) = &filters.speaker {
            filter(self.words_query(f.speaker, speaker));
        }
        if let Some(site) = &filters.site {
            let site = crate::text::without_www(site.trim());
            filter(self.join(self.words_query(f.site, site)));
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

/// The words and phrases of a query that can appear in passage text (not the excluded ones, nor
/// those aimed at another field), analysed as the text field is.
fn collect_patterns(
    ast: &UserInputAst,
    excluded: bool,
    analyzer: &mut TextAnalyzer,
    out: &mut Vec<Pattern>,
) {
    match ast {
        UserInputAst::Clause(clauses) => {
            for (occur, sub) in clauses {
                collect_patterns(
                    sub,
                    excluded || *occur == Some(Occur::MustNot),
                    analyzer,
                    out,
                );
            }
        }
        UserInputAst::Boost(sub, _) => collect_patterns(sub, excluded, analyzer, out),
        UserInputAst::Leaf(leaf) => {
            if let UserInputLeaf::Literal(literal) = &**leaf {
                let on_text = literal.field_name.as_deref().is_none_or(|f| f == "text");
                if excluded || !on_text {
                    return;
                }
                let mut stream = analyzer.token_stream(&literal.phrase);
                let mut words = Vec::new();
                while let Some(token) = stream.next() {
                    words.push(token.text.clone());
                }
                if !words.is_empty() {
                    out.push(words);
                }
            }
        }
    }
}

/// Months (or years) with no match between the first and the last, as zero counts.
fn fill_gaps(counts: Vec<PeriodCount>, period: Period) -> Vec<PeriodCount> {
    let next = |p: &str| -> Option<String> {
        match period {
            Period::Year => p.parse::<i32>().ok().map(|y| (y + 1).to_string()),
            Period::Month => {
                let (y, m) = p.split_once('-')?;
                let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
                Some(if m == 12 {
                    format!("{}-01", y + 1)
                } else {
                    format!("{y}-{:02}", m + 1)
                })
            }
        }
    };
    let mut out: Vec<PeriodCount> = Vec::with_capacity(counts.len());
    for count in counts {
        while let Some(expected) = out.last().and_then(|last| next(&last.period)) {
            if expected >= count.period {
                break;
            }
            out.push(PeriodCount {
                period: expected,
                passages: 0,
                articles: 0,
            });
        }
        out.push(count);
    }
    out
}

impl Filters {
    fn is_empty(&self) -> bool {
        self.speaker.is_none()
            && self.site.is_none()
            && self.since.is_none()
            && self.until.is_none()
    }
}

fn quotes_of(doc: &TantivyDocument, field: Field) -> Vec<Quote> {
    first_text(doc, field)
        .and_then(|q| serde_json::from_str(&q).ok())
        .unwrap_or_default()
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
                    field_list()
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
    check_operands(&chars)
}

/// A piece of a query whose quotes and parentheses are balanced, with its column (from 1).
#[derive(Debug, PartialEq)]
enum QueryToken {
    Open,
    Close,
    /// a word, a phrase, or a field and its value: what lies between spaces and parentheses
    /// (a phrase's spaces and parentheses included)
    Term(String),
}

/// The tokens of `chars`, whose quotes are balanced ([`check_syntax`] tells where not).
fn query_tokens(chars: &[char]) -> Vec<(QueryToken, usize)> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let column = i + 1;
        match chars[i] {
            c if c.is_whitespace() => i += 1,
            '(' => {
                tokens.push((QueryToken::Open, column));
                i += 1;
            }
            ')' => {
                tokens.push((QueryToken::Close, column));
                i += 1;
            }
            _ => {
                let mut term = String::new();
                let mut quoted = false;
                while let Some(&c) = chars.get(i) {
                    if !quoted && (c.is_whitespace() || c == '(' || c == ')') {
                        break;
                    }
                    quoted ^= c == '"';
                    term.push(c);
                    i += 1;
                }
                tokens.push((QueryToken::Term(term), column));
            }
        }
    }
    tokens
}

/// Says what is wrong where tantivy's parser would only fail: an operator (`OR`, `AND`) with
/// no word on one side, an empty pair of parentheses, a field without a value, a `:` after no
/// field name, a lone `-` or `+`.
fn check_operands(chars: &[char]) -> Result<()> {
    use QueryToken::{Close, Open, Term};
    let tokens = query_tokens(chars);
    let is_operator =
        |t: Option<&(QueryToken, usize)>| matches!(t, Some((Term(w), _)) if is_operator_word(w));
    let error = |message: String| Err(Error::Query(message));
    for (k, (token, column)) in tokens.iter().enumerate() {
        let before = k.checked_sub(1).and_then(|b| tokens.get(b));
        let after = tokens.get(k + 1);
        let ends_operand = matches!(before, Some((Term(_) | Close, _))) && !is_operator(before);
        let starts_operand = matches!(after, Some((Term(_) | Open, _))) && !is_operator(after);
        match token {
            Open if matches!(after, Some((Close, _))) => {
                return error(format!(
                    "empty parentheses at column {column}: put words between them"
                ));
            }
            Term(w) if is_operator_word(w) => {
                if !ends_operand {
                    return error(format!(
                        "'{w}' at column {column} has no word before it: write a {w} b"
                    ));
                }
                if !starts_operand {
                    return error(format!(
                        "'{w}' at column {column} has no word after it: write a {w} b"
                    ));
                }
            }
            // (a group may follow it at once: `-(ban OR raid)`)
            Term(w)
                if (w == "-" || w == "+")
                    && !matches!(after, Some((Open, next)) if *next == column + 1) =>
            {
                return error(format!(
                    "'{w}' at column {column} has no word after it: write {w}word, without a space"
                ));
            }
            Term(w) if w.starts_with(':') => {
                return error(format!(
                    "':' at column {column} follows no field name; fields are {}",
                    field_list()
                ));
            }
            // (a group may follow it: `title:(ban OR raid)`)
            Term(w) if w.ends_with(':') && !matches!(after, Some((Term(_) | Open, _))) => {
                let field = w.trim_start_matches(['-', '+']);
                return error(format!(
                    "'{field}' at column {column} has no value: write {field}word or {field}\"two words\""
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// The binary operators of tantivy's query grammar, which take a word on each side.
fn is_operator_word(w: &str) -> bool {
    w == "OR" || w == "AND"
}

/// The fields a query may name, as `speaker:, title:, ...`.
fn field_list() -> String {
    QUERY_FIELDS
        .iter()
        .map(|f| format!("{f}:"))
        .collect::<Vec<_>>()
        .join(", ")
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
        start.checked_add(step).ok()
    } else {
        Some(start)
    };
    // a real date past jiff's last instant (9999-12-30, or the day after 9999-12-31) is later
    // than any article's date, which the index keeps within 1677–2262: the last instant serves
    let last = jiff::Timestamp::MAX.as_second();
    Ok(date
        .and_then(|date| {
            jiff::tz::TimeZone::UTC
                .to_timestamp(date.at(0, 0, 0, 0))
                .ok()
        })
        .map_or(last, |ts| ts.as_second()))
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
        // the last days jiff can hold are dates, and the latest of bounds
        let last = jiff::Timestamp::MAX.as_second();
        for raw in ["9999", "9999-12", "9999-12-31"] {
            assert_eq!(parse_date_bound(raw, true).unwrap(), last, "{raw}");
        }
        assert_eq!(parse_date_bound("9999-12-31", false).unwrap(), last);
        assert!(parse_date_bound("9999-12-30", false).unwrap() < last);
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

    /// What tantivy's parser only refuses is said with its column; what it takes passes.
    #[test]
    fn operators_and_fields_without_operands_are_explained() {
        for (query, says) in [
            ("ban OR", "'OR' at column 5 has no word after it"),
            ("OR", "'OR' at column 1 has no word before it"),
            ("OR ban", "'OR' at column 1 has no word before it"),
            ("ban AND", "'AND' at column 5 has no word after it"),
            (
                "ban OR OR directive",
                "'OR' at column 5 has no word after it",
            ),
            (
                "ban AND OR directive",
                "'AND' at column 5 has no word after it",
            ),
            ("(OR ban)", "'OR' at column 2 has no word before it"),
            (
                "(ban OR) directive",
                "'OR' at column 6 has no word after it",
            ),
            ("()", "empty parentheses at column 1"),
            ("ban ( )", "empty parentheses at column 5"),
            ("speaker:", "'speaker:' at column 1 has no value"),
            ("ban -title:", "'title:' at column 5 has no value"),
            (":", "':' at column 1 follows no field name"),
            ("ban :x", "':' at column 5 follows no field name"),
            ("ban -", "'-' at column 5 has no word after it"),
            ("+", "'+' at column 1 has no word after it"),
        ] {
            let err = check_syntax(query).unwrap_err().to_string();
            assert!(err.contains(says), "{query:?}: {err}");
        }
        for fine in [
            "ban OR directive",
            "(ban OR directive) kaspersky",
            "ban OR -directive",
            "ban OR (directive AND raid)",
            "title: ban",
            r#"speaker:"Eugene Kaspersky" OR site:bytefront"#,
            r#""ban OR" directive"#,
            r#""(ban)""#,
            "or and",
            "kaspersky -(ban OR directive)",
            "kaspersky +(ban)",
            "title:(ban OR directive)",
            "-title:(ban)",
            "title: (ban kaspersky)",
            "ban*",
        ] {
            check_syntax(fine).unwrap_or_else(|e| panic!("{fine:?}: {e}"));
        }
    }
}
