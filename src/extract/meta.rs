//! Article metadata: title, authors, publication date, site, canonical URL and language.
//!
//! Each field is read from the most deliberate source a page offers, in order: JSON-LD, then
//! OpenGraph and other meta tags, then marked-up elements (`<time>`, `rel=author`, bylines), then
//! what is visible, and last the URL. Sources inside comment sections are never used.

use html5ever::local_name;
use scraper::{ElementRef, Html};
use serde_json::Value;

use super::dates::{parse_machine_date, parse_text_date, parse_url_date, PubDate};
use crate::text::{clean, url_host};

/// What a page says about its article, apart from the body.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<PubDate>,
    pub site: Option<String>,
    pub url: Option<String>,
    /// ISO 639-1 code: declared by the page (extraction fills it from the body when not).
    pub lang: Option<String>,
}

/// The elements each metadata source reads, found in one pass over the page's nodes instead of
/// one selector walk per source (ten walks, the `[class*=…]` lists testing every element against
/// a dozen selectors, cost more than the rest of metadata extraction). Each list holds what
/// `Html::select` with the selector in its comment would yield, in the same order: the order the
/// parser created the nodes, counting only nodes with a parent.
#[derive(Default)]
struct Candidates<'a> {
    /// `script[type="application/ld+json"]`
    json_ld: Vec<ElementRef<'a>>,
    /// `meta[content]`
    metas: Vec<ElementRef<'a>>,
    /// `title`
    titles: Vec<ElementRef<'a>>,
    /// `h1`
    h1s: Vec<ElementRef<'a>>,
    /// `link[rel="canonical"][href]`
    canonical: Vec<ElementRef<'a>>,
    /// the first `html[lang]`
    html_lang: Option<ElementRef<'a>>,
    /// `time`
    times: Vec<ElementRef<'a>>,
    /// `[itemprop="datePublished"]`
    date_published: Vec<ElementRef<'a>>,
    /// `[rel="author"], [itemprop="author"], .byline, .by-line, .author-name, .entry-author,
    /// .article-author, .author, [class*="byline"], [class*="autor"], [class*="avtor"],
    /// [class*="auteur"]`
    author_markup: Vec<ElementRef<'a>>,
    /// `[class*="date"], [class*="time"], [class*="dateline"], [class*="byline"],
    /// [class*="posted"], [class*="published"], [class*="meta"], [id*="date"]`
    dateline: Vec<ElementRef<'a>>,
    /// the first `body`
    body: Option<ElementRef<'a>>,
}

impl<'a> Candidates<'a> {
    fn read(doc: &'a Html) -> Self {
        let mut found = Candidates::default();
        for node in doc.tree.nodes() {
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            if el.parent().is_none() {
                continue;
            }
            found.add(el);
        }
        found
    }

    fn add(&mut self, el: ElementRef<'a>) {
        let e = el.value();
        // CSS attribute selectors without a namespace read attributes without one; `type` and
        // `rel` values compare ignoring ASCII case on HTML elements (selectors' list of
        // case-insensitive HTML attributes), everything else exactly.
        let (mut kind, mut rel, mut itemprop, mut class, mut id) = (None, None, None, None, None);
        let (mut content, mut href, mut lang) = (false, false, false);
        // Attributes are told by their interned names, one comparison each, where reading a name
        // as text takes a table look-up and matching it several comparisons.
        for (key, value) in e.attrs.iter() {
            if !key.ns.is_empty() {
                continue;
            }
            let attribute = &key.local;
            if *attribute == local_name!("class") {
                class = Some(&**value);
            } else if *attribute == local_name!("id") {
                id = Some(&**value);
            } else if *attribute == local_name!("type") {
                kind = Some(&**value);
            } else if *attribute == local_name!("rel") {
                rel = Some(&**value);
            } else if *attribute == local_name!("itemprop") {
                itemprop = Some(&**value);
            } else if *attribute == local_name!("content") {
                content = true;
            } else if *attribute == local_name!("href") {
                href = true;
            } else if *attribute == local_name!("lang") {
                lang = true;
            }
        }
        let html = e.name.ns == html5ever::ns!(html);
        let is = |value: Option<&str>, expected: &str| {
            value.is_some_and(|v| {
                if html {
                    v.eq_ignore_ascii_case(expected)
                } else {
                    v == expected
                }
            })
        };
        match e.name() {
            "script" if is(kind, "application/ld+json") => self.json_ld.push(el),
            "meta" if content => self.metas.push(el),
            "title" => self.titles.push(el),
            "h1" => self.h1s.push(el),
            "link" if href && is(rel, "canonical") => self.canonical.push(el),
            "html" if lang && self.html_lang.is_none() => self.html_lang = Some(el),
            "time" => self.times.push(el),
            "body" if self.body.is_none() => self.body = Some(el),
            _ => {}
        }
        if itemprop == Some("datePublished") {
            self.date_published.push(el);
        }
        let (author_part, date_part) = class.map_or((false, false), class_parts);
        // `byline` itself is any class holding it (`class_parts`)
        const BYLINE_CLASSES: [&str; 5] = [
            "by-line",
            "author-name",
            "entry-author",
            "article-author",
            "author",
        ];
        if is(rel, "author")
            || itemprop == Some("author")
            || class.is_some_and(|c| {
                c.split_ascii_whitespace()
                    .any(|c| BYLINE_CLASSES.contains(&c))
            })
            || author_part
        {
            self.author_markup.push(el);
        }
        if date_part || id.is_some_and(|i| i.contains("date")) {
            self.dateline.push(el);
        }
    }
}

/// Whether a class attribute holds (anywhere, case-sensitively) one of the parts that mark a
/// byline (`byline`, `autor`, `avtor`, `auteur`), and one of those that mark a dateline (`date`,
/// `time`, `byline`, `posted`, `published`, `meta`; `dateline` holds `date`). One pass over the
/// value: a `str::contains` per part costs more than the rest of the walk.
fn class_parts(class: &str) -> (bool, bool) {
    let b = class.as_bytes();
    let (mut author, mut date) = (false, false);
    for i in 0..b.len() {
        let rest = &b[i..];
        let has = |part: &[u8]| rest.starts_with(part);
        match b[i] {
            b'b' if has(b"byline") => return (true, true),
            b'a' => author |= has(b"autor") || has(b"avtor") || has(b"auteur"),
            b'd' => date |= has(b"date"),
            b't' => date |= has(b"time"),
            b'p' => date |= has(b"posted") || has(b"published"),
            b'm' => date |= has(b"meta"),
            _ => {}
        }
    }
    (author, date)
}

/// The JSON-LD types that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "OpinionNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "LiveBlogPosting",
    "Report",
    "TechArticle",
    "ScholarlyArticle",
    "PressRelease",
];

/// Reads all metadata of a parsed page.
pub fn extract_meta(doc: &Html) -> Meta {
    let found = Candidates::read(doc);
    let ld = json_ld_article(&found.json_ld);
    let metas = MetaTags::read(&found.metas);

    let url = ld
        .as_ref()
        .and_then(ld_url)
        .or_else(|| first_attr(&found.canonical, "href"))
        .or_else(|| metas.get(&["og:url", "twitter:url"]))
        .map(|u| clean(&u, false))
        .filter(|u| !u.is_empty());

    let site = metas
        .get(&["og:site_name", "application-name", "twitter:site:name"])
        .or_else(|| {
            ld.as_ref()
                .and_then(|a| a.get("publisher"))
                .and_then(ld_name)
        });

    let page_title = first_text(&found.titles);
    let h1 = first_text(&found.h1s);
    let raw_title = ld
        .as_ref()
        .and_then(|a| a.get("headline").and_then(Value::as_str).map(str::to_owned))
        .or_else(|| metas.get(&["og:title", "twitter:title", "dc.title"]))
        .or_else(|| h1.clone())
        .or_else(|| page_title.clone());
    let site = site.or_else(|| {
        page_title
            .as_deref()
            .and_then(|t| split_title(t, None, h1.as_deref()).1)
            .or_else(|| url.as_deref().and_then(url_host).map(str::to_owned))
    });
    let title = raw_title.map(|t| split_title(&t, site.as_deref(), h1.as_deref()).0);

    let mut authors = ld
        .as_ref()
        .and_then(|a| a.get("author"))
        .map(ld_names)
        .unwrap_or_default();
    if authors.is_empty() {
        if let Some(names) = metas.get(&[
            "author",
            "article:author",
            "dc.creator",
            "byl",
            "parsely-author",
            "sailthru.author",
        ]) {
            if !names.starts_with("http") {
                authors = split_names(&names);
            }
        }
    }
    if authors.is_empty() {
        authors = byline_authors(&found.author_markup);
    }
    if authors.is_empty() {
        authors = loose_byline(found.body);
    }
    authors.retain(|a| Some(a.as_str()) != site.as_deref());

    let date = ld
        .as_ref()
        .and_then(|a| a.get("datePublished").or_else(|| a.get("dateCreated")))
        .and_then(Value::as_str)
        .and_then(parse_machine_date)
        .or_else(|| {
            metas
                .get(&[
                    "article:published_time",
                    "og:article:published_time",
                    "article:published",
                    "datepublished",
                    "pubdate",
                    "publishdate",
                    "publish-date",
                    "publish_date",
                    "dc.date.issued",
                    "dc.date",
                    "dcterms.created",
                    "dcterms.date",
                    "citation_publication_date",
                    "sailthru.date",
                    "parsely-pub-date",
                    "originalpublicationdate",
                    "date",
                ])
                .and_then(|d| parse_machine_date(&d))
        })
        .or_else(|| itemprop_date(&found.date_published))
        .or_else(|| time_element_date(&found.times))
        .or_else(|| visible_date(&found.dateline))
        .or_else(|| url.as_deref().and_then(parse_url_date))
        .or_else(|| loose_text_date(found.body));

    let lang = found
        .html_lang
        .and_then(|h| h.value().attr("lang"))
        .map(str::to_owned)
        .or_else(|| metas.get(&["content-language", "og:locale", "language", "dc.language"]))
        .or_else(|| {
            ld.as_ref()
                .and_then(|a| a.get("inLanguage"))
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .and_then(|l| iso_639_1(&l));

    Meta {
        title: title.filter(|t| !t.is_empty()),
        authors,
        date,
        site: site.map(|s| clean(&s, false)).filter(|s| !s.is_empty()),
        url,
        lang,
    }
}

/// Meta tags by lower-cased `name`, `property` or `http-equiv`, first value wins.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(metas: &[ElementRef]) -> Self {
        let tags = metas
            .iter()
            .filter_map(|m| {
                let el = m.value();
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"))
                    .or_else(|| el.attr("http-equiv"))?;
                let content = clean(el.attr("content")?, false);
                (!content.is_empty()).then(|| (key.to_ascii_lowercase(), content))
            })
            .collect();
        MetaTags(tags)
    }

    /// The first tag among `keys`, in the order of `keys`.
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|key| {
            self.0
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        })
    }
}

/// The first JSON-LD object whose `@type` is an article type, searching `@graph` arrays too.
fn json_ld_article(scripts: &[ElementRef]) -> Option<Value> {
    scripts.iter().find_map(|script| {
        let raw: String = script.text().collect();
        let value: Value = serde_json::from_str(raw.trim()).ok()?;
        find_article(value)
    })
}

fn find_article(value: Value) -> Option<Value> {
    match value {
        Value::Array(items) => items.into_iter().find_map(find_article),
        Value::Object(mut obj) => {
            if obj.get("@type").is_some_and(is_article_type) {
                return Some(Value::Object(obj));
            }
            obj.remove("@graph").and_then(find_article)
        }
        _ => None,
    }
}

fn is_article_type(kind: &Value) -> bool {
    match kind {
        Value::String(s) => ARTICLE_TYPES.contains(&s.as_str()),
        Value::Array(items) => items.iter().any(is_article_type),
        _ => false,
    }
}

fn ld_url(article: &Value) -> Option<String> {
    article
        .get("url")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| match article.get("mainEntityOfPage")? {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => o
                .get("@id")
                .or_else(|| o.get("url"))
                .and_then(Value::as_str)
                .map(str::to_owned),
            _ => None,
        })
        .filter(|u| u.starts_with("http"))
}

fn ld_name(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(clean(s, false)),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| clean(s, false)),
        Value::Array(items) => items.iter().find_map(ld_name),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn ld_names(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items.iter().filter_map(ld_name).collect(),
        other => ld_name(other).map(|n| split_names(&n)).unwrap_or_default(),
    }
}

/// The first value of `attr` among `elements`, trimmed, when not empty.
fn first_attr(elements: &[ElementRef], attr: &str) -> Option<String> {
    elements
        .iter()
        .find_map(|el| el.value().attr(attr))
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn first_text(elements: &[ElementRef]) -> Option<String> {
    elements
        .iter()
        .filter(|el| !in_comments(el))
        .map(|el| clean(&el.text().collect::<String>(), false))
        .find(|t| !t.is_empty())
}

/// True inside a comment section, where names and dates belong to readers, not the article.
fn in_comments(el: &ElementRef) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| {
        // The id and class told by their interned names: `Element::attr` interns its argument,
        // for each ancestor of each element asked about.
        a.value().attrs.iter().any(|(key, value)| {
            key.ns.is_empty()
                && (key.local == local_name!("id") || key.local == local_name!("class"))
                && marks_comments(value.as_bytes())
        })
    })
}

/// Whether an id or class holds `comment`, `respond` or `reply` in any case: one pass over it,
/// without a lower-cased copy.
fn marks_comments(value: &[u8]) -> bool {
    const MARKS: [&[u8]; 3] = [b"comment", b"respond", b"reply"];
    (0..value.len()).any(|i| {
        let rest = &value[i..];
        MARKS.iter().any(|mark| {
            rest[0].to_ascii_lowercase() == mark[0]
                && rest
                    .get(..mark.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(mark))
        })
    })
}

const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// Splits "Headline | Site Name" (or "Site Name - Headline") into the headline and the site.
/// The site side is the one that matches the known site name, else the one the page's `<h1>` is
/// not, else a short name-like side next to a much longer headline.
pub fn split_title(title: &str, site: Option<&str>, h1: Option<&str>) -> (String, Option<String>) {
    let title = clean(title, false);
    for sep in TITLE_SEPARATORS {
        let Some((head, tail)) = title
            .rsplit_once(sep)
            .filter(|(h, t)| !h.trim().is_empty() && !t.trim().is_empty())
        else {
            continue;
        };
        let (head, tail) = (head.trim(), tail.trim());
        let (lead, rest) = title
            .split_once(sep)
            .map_or((head, tail), |(l, r)| (l.trim(), r.trim()));
        let trailing_site = strip_site_decoration(tail);
        let leading_site = strip_site_decoration(lead);
        if let Some(site) = site {
            if same_name(trailing_site, site) {
                return (head.to_owned(), Some(trailing_site.to_owned()));
            }
            if same_name(leading_site, site) {
                return (rest.to_owned(), Some(leading_site.to_owned()));
            }
            continue;
        }
        if let Some(h1) = h1 {
            if same_name(head, h1) {
                return (head.to_owned(), Some(trailing_site.to_owned()));
            }
            if same_name(rest, h1) {
                return (rest.to_owned(), Some(leading_site.to_owned()));
            }
        }
        let words = |s: &str| s.split_whitespace().count();
        if words(trailing_site) <= 4 && head.len() > tail.len() * 2 {
            return (head.to_owned(), Some(trailing_site.to_owned()));
        }
        if words(leading_site) <= 4 && rest.len() > lead.len() * 2 {
            return (rest.to_owned(), Some(leading_site.to_owned()));
        }
    }
    (title, None)
}

/// "The Evening Courier (Print View)" → "The Evening Courier".
fn strip_site_decoration(site: &str) -> &str {
    match site.rsplit_once(" (") {
        Some((name, note)) if note.ends_with(')') && !name.trim().is_empty() => name.trim(),
        _ => site,
    }
}

fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.to_lowercase()
            .trim_start_matches("the ")
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    norm(a) == norm(b)
}

fn itemprop_date(elements: &[ElementRef]) -> Option<PubDate> {
    elements.iter().find_map(|el| {
        let v = el.value();
        v.attr("content")
            .or_else(|| v.attr("datetime"))
            .and_then(parse_machine_date)
            .or_else(|| parse_text_date(&el.text().collect::<String>()))
    })
}

/// A `<time>` element outside comments; one marked as the publication time wins over others.
fn time_element_date(times: &[ElementRef]) -> Option<PubDate> {
    let times: Vec<ElementRef> = times.iter().copied().filter(|t| !in_comments(t)).collect();
    let marked = times.iter().find(|t| {
        let v = t.value();
        v.attr("pubdate").is_some()
            || v.attr("class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                c.contains("publish") || c.contains("posted") || c.contains("created")
            })
    });
    let parse = |t: &ElementRef| {
        t.value()
            .attr("datetime")
            .and_then(parse_machine_date)
            .or_else(|| parse_text_date(&t.text().collect::<String>()))
    };
    marked.and_then(parse).or_else(|| {
        times
            .iter()
            .filter(|t| !is_modification(&t.text().collect::<String>()))
            .find_map(parse)
    })
}

/// Text of an element with a line break for each `<br>` and block element, so that "By Ana
/// Ruiz<br>Washington Bureau" does not run together.
fn text_with_breaks(el: &ElementRef) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        match node.value() {
            scraper::Node::Text(t) => out.push_str(t),
            scraper::Node::Element(e) if matches!(e.name(), "br" | "div" | "p" | "li") => {
                out.push('\n')
            }
            _ => {}
        }
    }
    out
}

/// Last resort: the first short text on the page that is a date ("NATION | Tuesday, July 11,
/// 2017" in an old table layout), skipping print stamps, updates and copyright lines.
fn loose_text_date(body: Option<ElementRef>) -> Option<PubDate> {
    short_texts(body).find_map(|t| {
        let lower = t.to_lowercase();
        let stamp = [
            "printed",
            "copyright",
            "©",
            "updated",
            "modified",
            "retrieved",
            "accessed",
        ]
        .iter()
        .any(|w| lower.contains(w));
        (!stamp).then(|| parse_text_date(t)).flatten()
    })
}

/// The first lines of visible text of a page, short ones only, outside scripts and comments:
/// where old layouts put datelines and bylines without any markup saying so.
fn short_texts<'a>(body: Option<ElementRef<'a>>) -> impl Iterator<Item = &'a str> {
    body.into_iter()
        .flat_map(|body| body.descendants())
        .filter_map(|node| match node.value() {
            scraper::Node::Text(t) => Some((node, t.trim())),
            _ => None,
        })
        // the length first: most texts are whitespace between tags or long paragraphs, and
        // `in_comments` walks up the tree
        .filter(|(_, t)| (6..=100).contains(&t.len()))
        .filter(|(node, _)| {
            node.parent().and_then(ElementRef::wrap).is_some_and(|p| {
                !matches!(p.value().name(), "script" | "style" | "noscript") && !in_comments(&p)
            })
        })
        .map(|(_, t)| t)
        .take(300)
}

/// A byline written as plain text ("<b>By Ellen Marchetti</b>").
fn loose_byline(body: Option<ElementRef>) -> Vec<String> {
    const MARKERS: &[&str] = &["by ", "von ", "par ", "автор: ", "written by "];
    short_texts(body)
        .find(|t| {
            let lower = t.to_lowercase();
            MARKERS.iter().any(|m| lower.starts_with(m)) && t.split_whitespace().count() <= 10
        })
        .map(split_names)
        .unwrap_or_default()
}

/// A date printed in a dateline, byline or meta element. Publication stamps win over "Updated".
fn visible_date(candidates: &[ElementRef]) -> Option<PubDate> {
    let mut updated = None;
    for el in candidates {
        if in_comments(el) {
            continue;
        }
        let text = clean(&el.text().collect::<String>(), false);
        if text.is_empty() || text.len() > 160 {
            continue;
        }
        let published_part = published_segment(&text);
        if let Some(date) = parse_text_date(published_part) {
            if is_modification(published_part) {
                updated.get_or_insert(date);
            } else {
                return Some(date);
            }
        }
    }
    updated
}

/// In "Published July 11, 2017 · Updated July 12, 2017", the part that is not the update.
fn published_segment(text: &str) -> &str {
    let lower = text.to_lowercase();
    match (
        lower.find("updated"),
        lower.find("published").or_else(|| lower.find("posted")),
    ) {
        (Some(u), Some(p)) if p > u => &text[p..],
        (Some(u), Some(_)) => &text[..u],
        _ => text,
    }
}

fn is_modification(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("updated")
        || lower.contains("modified")
        || lower.contains("aktualisiert")
        || lower.contains("mis à jour")
}

/// Names from visible bylines ("By Ana Ruiz and Tom Lee"), outside comment sections.
fn byline_authors(candidates: &[ElementRef]) -> Vec<String> {
    for el in candidates {
        if in_comments(el) {
            continue;
        }
        let text = text_with_breaks(el);
        if text.trim().is_empty() || text.len() > 200 {
            continue;
        }
        let names = split_names(&text);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

/// Splits "By Ana Ruiz, Tom Lee and Kim Yo | Staff writers" into names, dropping the "By", roles
/// and anything that is not a person's name (dates, e-mail addresses, long phrases).
pub fn split_names(raw: &str) -> Vec<String> {
    let first_line = raw
        .split(['|', '·', '•', '—', '\n'])
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or_default();
    let raw = clean(first_line, false);
    let raw = raw.as_str();
    let lower = raw.to_lowercase();
    let mut body = raw;
    for prefix in [
        "by ",
        "von ",
        "par ",
        "от ",
        "автор: ",
        "author: ",
        "written by ",
        "text: ",
        "texte : ",
    ] {
        if lower.starts_with(prefix) {
            body = &raw[prefix.len()..];
            break;
        }
    }
    let mut names = Vec::new();
    for part in body.split([',', ';', '&']) {
        for name in split_on_conjunction(part) {
            let name = name.trim().trim_end_matches(['.', ':']).trim();
            if is_plausible_name(name) && !names.iter().any(|n: &String| n == name) {
                names.push(name.to_owned());
            }
        }
    }
    names
}

fn split_on_conjunction(part: &str) -> Vec<&str> {
    let mut pieces = vec![part];
    for conj in [" and ", " und ", " et ", " и "] {
        pieces = pieces.into_iter().flat_map(|p| p.split(conj)).collect();
    }
    pieces
}

fn is_plausible_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && !name.contains('@')
        && !name.contains("http")
        && !name.chars().any(|c| c.is_ascii_digit())
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && !matches!(
            words[0].to_lowercase().as_str(),
            "staff" | "updated" | "published" | "posted" | "share" | "opinion"
        )
}

/// `en-US` → `en`; `de_DE` → `de`. Only plausible two- or three-letter codes are kept.
fn iso_639_1(raw: &str) -> Option<String> {
    let code = raw.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase())).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_is_split_from_titles() {
        let split = |t, s, h| split_title(t, s, h);
        assert_eq!(
            split(
                "Kaspersky banned | The Capitol Ledger",
                Some("The Capitol Ledger"),
                None
            )
            .0,
            "Kaspersky banned"
        );
        assert_eq!(
            split(
                "Kaspersky banned from federal networks - Bytefront",
                None,
                None
            ),
            (
                "Kaspersky banned from federal networks".into(),
                Some("Bytefront".into())
            )
        );
        assert_eq!(
            split(
                "The Harbor Gazette - Federal agency drops Russian antivirus maker",
                None,
                None
            ),
            (
                "Federal agency drops Russian antivirus maker".into(),
                Some("The Harbor Gazette".into())
            )
        );
        assert_eq!(
            split(
                "Judge dismisses suits - The Evening Courier (Print View)",
                None,
                Some("Judge dismisses suits")
            )
            .1,
            Some("The Evening Courier".into())
        );
        assert_eq!(split("A - B", Some("Other"), None).0, "A - B");
    }

    #[test]
    fn byline_names() {
        assert_eq!(
            split_names("By Ana Ruiz, Tom Lee and Kim Yo | Staff writers"),
            vec!["Ana Ruiz", "Tom Lee", "Kim Yo"]
        );
        assert_eq!(
            split_names("Von Jana Köhler und Paul Brandt"),
            vec!["Jana Köhler", "Paul Brandt"]
        );
        assert!(split_names("Updated July 11, 2017").is_empty());
    }

    #[test]
    fn reads_json_ld_and_meta() {
        let page = r#"<html lang="en-US"><head><title>Headline here | Ledger</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
              {"@type":"NewsArticle","headline":"Headline here","datePublished":"2017-07-11T09:30:00-04:00",
               "dateModified":"2017-07-12T10:00:00-04:00","author":[{"@type":"Person","name":"Dana Whitfield"}],
               "publisher":{"@type":"Organization","name":"The Ledger"}}]}</script>
            <meta property="og:url" content="https://ledger.example/a"></head><body></body></html>"#;
        let meta = extract_meta(&Html::parse_document(page));
        assert_eq!(meta.title.as_deref(), Some("Headline here"));
        assert_eq!(meta.authors, vec!["Dana Whitfield"]);
        assert_eq!(meta.date.unwrap().to_rfc3339(), "2017-07-11T09:30:00-04:00");
        assert_eq!(meta.site.as_deref(), Some("The Ledger"));
        assert_eq!(meta.url.as_deref(), Some("https://ledger.example/a"));
        assert_eq!(meta.lang.as_deref(), Some("en"));
    }

    /// Each candidate list is what the selector it stands for yields, in the same order, on
    /// markup that tests case, namespaces, foreign elements and nodes the parser moves.
    #[test]
    fn candidates_are_what_the_selectors_select() {
        let page = r#"<html lang=en><head><title>T</title><SCRIPT TYPE="Application/LD+JSON">{}</SCRIPT>
            <meta content=x><meta name=y><link REL=Canonical href=/a><link rel=canonical></head>
            <body><p><b class="byline x">By <i>A</b> B</i></p><table><tr><td>x</td></tr><h1 class=meta>Moved</h1></table>
            <svg><title>S</title><script type="Application/LD+JSON"></script><a rel=Author class=author>s</a>
            <time class=pubdate xlink:type=x></time></svg><html lang=fr><span itemprop=datePublished id=update>
            <span rel=AUTHOR class="Author article-author">x</span><em class="c-auteur timestamp">x</em></body></html>"#;
        let doc = Html::parse_document(page);
        let found = Candidates::read(&doc);
        let same = |css: &str, list: &[ElementRef]| {
            let selector = scraper::Selector::parse(css).unwrap();
            let expected: Vec<_> = doc.select(&selector).map(|e| e.id()).collect();
            let got: Vec<_> = list.iter().map(|e| e.id()).collect();
            assert_eq!(got, expected, "{css}");
            assert!(!expected.is_empty(), "{css}");
        };
        same(r#"script[type="application/ld+json"]"#, &found.json_ld);
        same("meta[content]", &found.metas);
        same("title", &found.titles);
        same("h1", &found.h1s);
        same(r#"link[rel="canonical"][href]"#, &found.canonical);
        same(
            "html[lang]",
            &found.html_lang.into_iter().collect::<Vec<_>>(),
        );
        same("time", &found.times);
        same(r#"[itemprop="datePublished"]"#, &found.date_published);
        same(
            r#"[rel="author"], [itemprop="author"], .byline, .by-line, .author-name, .entry-author, .article-author, .author, [class*="byline"], [class*="autor"], [class*="avtor"], [class*="auteur"]"#,
            &found.author_markup,
        );
        same(
            r#"[class*="date"], [class*="time"], [class*="dateline"], [class*="byline"], [class*="posted"], [class*="published"], [class*="meta"], [id*="date"]"#,
            &found.dateline,
        );
        same("body", &found.body.into_iter().collect::<Vec<_>>());
    }

    #[test]
    fn comments_do_not_give_authors_or_dates() {
        let page = r#"<html><body><article><p class="byline">By Ana Ruiz</p>
            <p class="dateline">Published July 11, 2017 · Updated July 12, 2017</p><p>Text.</p></article>
            <div id="comments"><span class="author">Troll 1</span><time datetime="2019-01-01">x</time></div></body></html>"#;
        let meta = extract_meta(&Html::parse_document(page));
        assert_eq!(meta.authors, vec!["Ana Ruiz"]);
        assert_eq!(meta.date.unwrap().day(), "2017-07-11");
    }
}
