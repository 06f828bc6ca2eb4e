//! Matching passages by what their article says once: its title, site and authors.
//!
//! An article's title, site and authors are indexed on one article document, stored right after
//! the article's passages (see `index::passage_docs`), not on each of its twenty-odd passages:
//! inverting them for every passage was a tenth of the tokens of a page. A query on those fields
//! runs on the article documents, and [`ArticleJoin`] turns each article it matches into that
//! article's passages, with the article's score. The article document holds the number of
//! passages before it (the `passages` column), and a segment keeps an article's documents together
//! and in order: they reach the writer as one batch, merges keep the order of documents, and
//! deletes remove an article's documents all together.
//!
//! BM25 is computed over articles: the number of documents is the number of article documents
//! (`kind:article`), so a title word's weight and the length norm of a title compare articles
//! with articles, as they compared passages with passages when every passage carried its title.

use tantivy::columnar::Column;
use tantivy::query::{
    Bm25StatisticsProvider, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::schema::{Field, Term};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

/// The column of an article document that counts the passages stored before it.
pub const PASSAGES_COLUMN: &str = "passages";

/// Passages whose article document matches `inner`.
#[derive(Debug)]
pub struct ArticleJoin {
    inner: Box<dyn Query>,
    /// the term every article document has (`kind:article`): counts the articles for BM25
    article_term: Term,
}

impl ArticleJoin {
    pub fn new(inner: Box<dyn Query>, article_term: Term) -> ArticleJoin {
        ArticleJoin {
            inner,
            article_term,
        }
    }
}

impl Clone for ArticleJoin {
    fn clone(&self) -> ArticleJoin {
        ArticleJoin {
            inner: self.inner.box_clone(),
            article_term: self.article_term.clone(),
        }
    }
}

/// The searcher's statistics, with articles for documents.
struct ArticleStatistics<'a> {
    outer: &'a dyn Bm25StatisticsProvider,
    articles: u64,
}

impl Bm25StatisticsProvider for ArticleStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.outer.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Ok(self.articles)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        // never more than the articles (BM25's idf requires it)
        Ok(self.outer.doc_freq(term)?.min(self.articles))
    }
}

impl Query for ArticleJoin {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = match enable_scoring {
            EnableScoring::Enabled {
                searcher,
                statistics_provider,
            } => {
                let statistics = ArticleStatistics {
                    outer: statistics_provider,
                    articles: statistics_provider.doc_freq(&self.article_term)?.max(1),
                };
                self.inner
                    .weight(EnableScoring::enabled_from_statistics_provider(
                        &statistics,
                        searcher,
                    ))?
            }
            disabled => self.inner.weight(disabled)?,
        };
        Ok(Box::new(JoinWeight { inner }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

/// The article document of the passage `passage` of `segment`: the first document after it with
/// a passage count. The inverse of what [`ArticleJoin`] does; None only if the index breaks the
/// layout the module describes.
pub fn article_document(segment: &SegmentReader, passage: DocId) -> tantivy::Result<Option<DocId>> {
    let passages = segment.fast_fields().u64(PASSAGES_COLUMN)?;
    Ok((passage + 1..segment.max_doc()).find(|&doc| passages.first(doc).is_some()))
}

struct JoinWeight {
    inner: Box<dyn Weight>,
}

/// The number of passages before article document `doc`.
fn passages_before(column: &Column<u64>, doc: DocId) -> DocId {
    column
        .first(doc)
        .map_or(0, |n| DocId::try_from(n).unwrap_or(doc).min(doc))
}

impl JoinWeight {
    fn join_scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<JoinScorer> {
        let mut scorer = JoinScorer {
            inner: self.inner.scorer(reader, boost)?,
            passages: reader.fast_fields().u64(PASSAGES_COLUMN)?,
            doc: 0,
            article: 0,
        };
        scorer.enter_article(0);
        Ok(scorer)
    }
}

impl Weight for JoinWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let scorer = self.join_scorer(reader, boost)?;
        if scorer.doc == TERMINATED {
            // tantivy leaves an empty scorer out of a union, so that the other clauses, when all
            // are terms, keep its block-max pruning (a word in no title of the segment)
            return Ok(Box::new(EmptyScorer));
        }
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.join_scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is not a passage of a matching article"
            )));
        }
        let mut explanation = Explanation::new("passage of a matching article", scorer.score());
        explanation.add_detail(self.inner.explain(reader, scorer.article)?);
        Ok(explanation)
    }
}

/// Walks the passages of the articles the inner scorer matches, in document order.
struct JoinScorer {
    inner: Box<dyn Scorer>,
    passages: Column<u64>,
    /// the current passage
    doc: DocId,
    /// its article document (the inner scorer's document)
    article: DocId,
}

impl JoinScorer {
    /// Moves to the first passage at or after `target` of the inner scorer's article, or of the
    /// next matching article that has one.
    fn enter_article(&mut self, target: DocId) {
        loop {
            let article = self.inner.doc();
            if article == TERMINATED {
                self.doc = TERMINATED;
                self.article = TERMINATED;
                return;
            }
            let first = article - passages_before(&self.passages, article);
            let doc = first.max(target);
            if doc < article {
                self.doc = doc;
                self.article = article;
                return;
            }
            self.inner.advance();
        }
    }
}

impl DocSet for JoinScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.doc += 1;
        if self.doc >= self.article {
            self.inner.advance();
            self.enter_article(0);
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if target <= self.doc {
            return self.doc;
        }
        if target < self.article {
            self.doc = target;
            return target;
        }
        if target >= TERMINATED {
            self.doc = TERMINATED;
            self.article = TERMINATED;
            return TERMINATED;
        }
        // the article of passage `target` is the first article document after it
        self.inner.seek(target + 1);
        self.enter_article(target);
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        // about twenty passages per article
        self.inner.size_hint().saturating_mul(20)
    }
}

impl Scorer for JoinScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}
