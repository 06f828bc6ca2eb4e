//! Article-body extraction from an already parsed page.
//!
//! Pipeline (all passes iterative and linear in the page size):
//! 1. one walk of the DOM builds a flat pre-order arena of elements and a list of
//!    open/close/text events, skipping non-content subtrees (script, style, ...)
//!    and collecting JSON-LD `articleBody` strings;
//! 2. the events are turned into passages (text of the innermost block element),
//!    each with its owner element, kind and link density; boilerplate signals from
//!    tags/classes/ids/roles (nav, footer, comments, share bars, cookie banners, ...)
//!    are strong (always boilerplate) or weak (layout words such as `sidebar`,
//!    `widget`, `paywall`, overruled when the element holds a large share of the
//!    page's prose);
//! 3. each passage gets a value (long, low-link prose is positive; short lines,
//!    link lists and boilerplate are negative); values are summed bottom-up and the
//!    element with the best subtree score (plus a bonus for structural hints such
//!    as `itemprop=articleBody`, `article-body` classes, `<article>`) is the body;
//!    it is then narrowed to a marked body element inside it that holds most of
//!    its value, plus sibling chunks with the same body markup;
//! 4. passages inside the body are filtered (boilerplate, link lists, headline and
//!    the standfirst heading right under it) and the edges are trimmed by text:
//!    leading kickers, release headers ("FOR IMMEDIATE RELEASE"), date/time-only and
//!    "Printed from" lines; trailing copyright/trademark lines, view counters and
//!    subscribe/paywall prompts (en, de, fr, ru); and from a closing marker (`###`,
//!    "About <Company>", media contact, forward-looking statements, "Subscribe to
//!    continue reading") to the end; the rest is returned in reading order;
//!    the JSON-LD `articleBody` is used when the DOM yields nothing usable.

use std::borrow::Cow;
use std::collections::HashMap;

use html5ever::local_name;
use scraper::{Html, Node};

/// Kinds of body block kept as passages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Preformatted,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// The article body of a parsed page, in reading order; empty when the page has no article.
pub fn extract_body(doc: &Html) -> Vec<Block> {
    let arena = build_arena(doc);
    let mut passages = make_passages(&arena);
    mark_junk(&arena, &mut passages);
    let dom_blocks = select_body(&arena, &passages);
    if let Some(ld) = arena.jsonld_body.as_deref() {
        // counted only here: most pages have no JSON-LD body to weigh the DOM's against
        let dom_words: usize = dom_blocks.iter().map(|b| word_count(&b.text)).sum();
        let ld_words = word_count(ld);
        if ld_words >= 50 && dom_words * 10 < ld_words * 3 {
            return jsonld_blocks(ld);
        }
    }
    dom_blocks
}

// ---------------------------------------------------------------------------
// Arena

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
enum Ev<'a> {
    Open(u32),
    Close(u32),
    Text(&'a str),
}

struct El<'a> {
    role: Role,
    elem: &'a scraper::node::Element,
    parent: u32,
    /// exclusive end of the subtree in the element arena (pre-order)
    end: u32,
    /// boilerplate signal: 0 none, 1 weak (may be overruled), 2 strong
    junk: u8,
    /// structural hint strength: 0 none, 1 `<article>`/weak, 2 content class, 3 itemprop articleBody
    hint: u8,
}

struct Arena<'a> {
    els: Vec<El<'a>>,
    evs: Vec<Ev<'a>>,
    jsonld_body: Option<String>,
}

/// Tags whose content the body skips: scripts, style sheets, media, form controls.
pub(crate) fn is_skip_tag(name: &str) -> bool {
    tag_of(name).is_none()
}

/// What an element's tag says to the body. Read once per element, in one match on its name: the
/// walks ask it of every element, on opening and on closing it, and comparing the name with each
/// tag list every time cost as much as the rest of the walk.
#[derive(Debug, Clone, Copy)]
struct Tag {
    role: Role,
    /// boilerplate signal: 0 none, 1 weak (`<aside>`, `<header>`), 2 strong (`<nav>`...)
    junk: u8,
    /// `<article>`: a weak hint that it holds the body
    article: bool,
    /// `<html>`, `<body>`, `<main>`, `<article>`: wrappers of the body, whose classes and id mark
    /// no boilerplate
    wrapper: bool,
}

/// What an element does to the passages around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// `<br>`: a line break inside a passage
    Break,
    /// `<a>`: its text is link text
    Link,
    /// ends the passage before it and starts its own; kept as a passage of the given kind and
    /// heading level when it has one
    Block(Option<(BlockKind, u8)>),
    /// any other element: its text joins the passage around it
    Inline,
}

/// The tag named `name`; None for the tags whose content the body skips.
fn tag_of(name: &str) -> Option<Tag> {
    use BlockKind::*;
    let tag = |role| Tag {
        role,
        junk: 0,
        article: false,
        wrapper: false,
    };
    let kept = |kind, level| tag(Role::Block(Some((kind, level))));
    let block = tag(Role::Block(None));
    Some(match name {
        "script" | "style" | "noscript" | "template" | "title" | "meta" | "link" | "svg"
        | "math" | "iframe" | "object" | "embed" | "canvas" | "video" | "audio" | "select"
        | "option" | "textarea" | "button" | "input" | "map" | "source" | "track" | "picture"
        | "img" => return None,
        // AMP pages' ads, trackers, consent boxes and media, whose placeholders and fallbacks
        // ("Advertisement") sit in the story's text
        "amp-ad"
        | "amp-embed"
        | "amp-sticky-ad"
        | "amp-auto-ads"
        | "amp-analytics"
        | "amp-pixel"
        | "amp-consent"
        | "amp-user-notification"
        | "amp-iframe"
        | "amp-img"
        | "amp-anim"
        | "amp-video"
        | "amp-audio" => return None,
        "br" => tag(Role::Break),
        "a" => tag(Role::Link),
        "h1" => kept(Heading, 1),
        "h2" => kept(Heading, 2),
        "h3" => kept(Heading, 3),
        "h4" => kept(Heading, 4),
        "h5" => kept(Heading, 5),
        "h6" => kept(Heading, 6),
        "li" | "dd" | "dt" => kept(ListItem, 0),
        "pre" => kept(Preformatted, 0),
        "blockquote" => kept(Quote, 0),
        "p" => kept(Paragraph, 0),
        "html" | "body" | "main" => Tag {
            wrapper: true,
            ..block
        },
        "article" => Tag {
            article: true,
            wrapper: true,
            ..block
        },
        "nav" | "footer" | "figcaption" | "dialog" | "menu" | "amp-sidebar" => {
            Tag { junk: 2, ..block }
        }
        "aside" | "header" => Tag { junk: 1, ..block },
        "head" => Tag {
            junk: 2,
            ..tag(Role::Inline)
        },
        "div" | "section" | "ul" | "ol" | "dl" | "table" | "tr" | "td" | "th" | "tbody"
        | "thead" | "tfoot" | "caption" | "figure" | "form" | "fieldset" | "address" | "hr"
        | "center" | "details" | "summary" | "hgroup" | "legend" => block,
        _ => tag(Role::Inline),
    })
}

/// Words (from class/id names) that mark boilerplate containers.
fn is_junk_word(w: &str) -> bool {
    matches!(
        w,
        "comment"
            | "comments"
            | "commentlist"
            | "share"
            | "sharing"
            | "sharebar"
            | "social"
            | "newsletter"
            | "subscribe"
            | "subscription"
            | "related"
            | "recommended"
            | "recommendations"
            | "promo"
            | "promotion"
            | "advert"
            | "advertisement"
            | "ad"
            | "ads"
            | "adslot"
            | "sponsor"
            | "sponsored"
            | "cookie"
            | "cookies"
            | "consent"
            | "paywall"
            | "byline"
            | "author"
            | "caption"
            | "credit"
            | "credits"
            | "breadcrumb"
            | "breadcrumbs"
            | "tags"
            | "footer"
            | "sidebar"
            | "nav"
            | "navbar"
            | "navigation"
            | "menu"
            | "masthead"
            | "popup"
            | "modal"
            | "signup"
            | "trending"
            | "outbrain"
            | "taboola"
            | "toolbar"
            | "disqus"
            | "widget"
            | "teaser"
            | "rail"
            | "timestamp"
            | "dateline"
            | "meta"
            | "headline"
            | "header"
            | "login"
            | "overlay"
            | "follow"
            | "tools"
            | "pagination"
            | "pager"
            | "tooltip"
            | "skip"
            | "readmore"
            | "newsletters"
            | "gallery"
            // section labels above the headline, print-view header/footer, view counters
            | "kicker"
            | "eyebrow"
            | "overline"
            | "rubric"
            | "hdr"
            | "ftr"
            | "noprint"
            | "views"
            | "viewcount"
            | "wall"
            // transliterated Russian layout words (rubric, author, views, subscription, ads)
            | "rubrika"
            | "avtor"
            | "prosmotry"
            | "prosmotr"
            | "podpiska"
            | "reklama"
    )
}

/// State/taxonomy class prefixes that carry no layout meaning (WordPress & co).
fn is_state_class(c: &str) -> bool {
    const P: [&str; 14] = [
        "tag-",
        "category-",
        "has-",
        "post-",
        "format-",
        "type-",
        "status-",
        "single-",
        "page-",
        "template-",
        "no-",
        "with-",
        "is-",
        "js-",
    ];
    P.iter().any(|p| c.starts_with(p))
}

/// Words that mark boilerplate which never wraps an article body.
fn is_strong_junk_word(w: &str) -> bool {
    matches!(
        w,
        "comment"
            | "comments"
            | "commentlist"
            | "disqus"
            | "cookie"
            | "cookies"
            | "consent"
            | "gdpr"
            | "privacy"
            | "modal"
            | "popup"
            | "newsletter"
            | "newsletters"
            | "related"
            | "recommended"
            | "recommendations"
            | "share"
            | "sharing"
            | "social"
            | "footer"
            | "outbrain"
            | "taboola"
            | "breadcrumb"
            | "breadcrumbs"
            | "byline"
            | "caption"
    )
}

/// 0: not boilerplate, 1: weak (layout words that may wrap the body), 2: strong.
fn class_junk_level(c: &str) -> u8 {
    let lc = c.to_ascii_lowercase();
    if matches!(
        lc.as_str(),
        "hidden"
            | "sr-only"
            | "visually-hidden"
            | "screen-reader-text"
            | "d-none"
            | "visuallyhidden"
    ) {
        return 2;
    }
    if is_state_class(&lc) {
        return 0;
    }
    const STATE_SUFFIX: [&str; 10] = [
        "-enabled",
        "-disabled",
        "-active",
        "-open",
        "-opened",
        "-closed",
        "-visible",
        "-loaded",
        "-ready",
        "-init",
    ];
    if STATE_SUFFIX.iter().any(|x| lc.ends_with(x)) {
        return 0;
    }
    let words = || lc.split(['-', '_', ':', '.']);
    // embedded posts/tweets/media quoted by the article are content
    if words().any(|w| matches!(w, "embed" | "embedded" | "tweet")) {
        return 0;
    }
    let mut lvl = 0;
    for w in words() {
        if is_strong_junk_word(w) {
            return 2;
        }
        if is_junk_word(w) {
            lvl = 1;
        }
    }
    lvl
}

fn hint_of_name(c: &str) -> u8 {
    // the name's ASCII letters and digits, lower-cased, in a buffer sized once
    let mut norm = Vec::with_capacity(c.len());
    norm.extend(
        c.bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|byte| byte.to_ascii_lowercase()),
    );
    const STRONG: [&str; 16] = [
        "articlebody",
        "storybody",
        "entrycontent",
        "postcontent",
        "postbody",
        "articlecontent",
        "storycontent",
        "articletext",
        "bodytext",
        "contentbody",
        "storytext",
        "bodycopy",
        "articlebodytext",
        "textbody",
        "entrybody",
        "postentry",
    ];
    // one pass over the name instead of a substring search per word (each with its set-up)
    let holds_strong = (0..norm.len()).any(|i| {
        STRONG
            .iter()
            .any(|s| s.as_bytes()[0] == norm[i] && norm[i..].starts_with(s.as_bytes()))
    });
    if holds_strong {
        2
    } else {
        0
    }
}

/// What a class or id name says about its element: a content hint, a boilerplate level, and
/// whether it marks an embedded post (content the article quotes).
#[derive(Clone, Copy)]
struct NameSignals {
    hint: u8,
    junk: u8,
    embed: bool,
}

/// Signals of each class and id name met on a page: layouts repeat the same few hundred names
/// on thousands of elements, and reading one means lower-casing and splitting it. foldhash
/// hashes a short name several times faster than the standard SipHash, and its seed differs
/// in each process, so a page cannot be crafted to make the names collide.
type NameCache<'a> = HashMap<&'a str, NameSignals, foldhash::fast::RandomState>;

fn name_signals<'a>(cache: &mut NameCache<'a>, name: &'a str) -> NameSignals {
    *cache.entry(name).or_insert_with(|| NameSignals {
        hint: hint_of_name(name),
        junk: class_junk_level(name),
        embed: name
            .to_ascii_lowercase()
            .split(['-', '_'])
            .any(|w| matches!(w, "embed" | "embedded" | "tweet")),
    })
}

fn classify<'a>(e: &'a scraper::node::Element, tag: Tag, cache: &mut NameCache<'a>) -> (u8, u8) {
    let mut hint = u8::from(tag.article);
    let mut junk = tag.junk;
    // One pass over the attributes: `Element::attr` interns its argument and binary-searches,
    // and `Element::classes` interns every class, for each of the page's thousands of elements.
    // Attributes are told by their interned names, one comparison each, where reading a name as
    // text takes a table look-up and matching it several comparisons.
    let (mut classes, mut id) = (None, None);
    for (key, value) in e.attrs.iter() {
        let (attribute, value) = (&key.local, &**value);
        if *attribute == local_name!("class") {
            classes = Some(value);
        } else if *attribute == local_name!("id") {
            id = Some(value);
        } else if *attribute == local_name!("itemprop") {
            if value.eq_ignore_ascii_case("articleBody") || value.eq_ignore_ascii_case("reviewBody")
            {
                hint = 3;
            }
        } else if *attribute == local_name!("role") {
            if matches!(
                value,
                "navigation"
                    | "banner"
                    | "contentinfo"
                    | "complementary"
                    | "dialog"
                    | "alertdialog"
                    | "menu"
                    | "menubar"
            ) {
                junk = 2;
            }
            if value == "main" || value == "article" {
                hint = hint.max(1);
            }
        } else if *attribute == local_name!("hidden") {
            junk = 2;
        } else if *attribute == local_name!("style") {
            let st: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if st.contains("display:none") || st.contains("visibility:hidden") {
                junk = 2;
            }
        }
    }
    // Classes and the id speak alike, except that only a class marks an embedded post.
    let class_and_id = classes
        .into_iter()
        .flat_map(str::split_ascii_whitespace)
        .map(|c| (c, true))
        .chain(id.map(|id| (id, false)));
    let mut embed = false;
    for (label, is_class) in class_and_id {
        let signals = name_signals(cache, label);
        hint = hint.max(signals.hint);
        embed |= is_class && signals.embed;
        if !tag.wrapper && signals.hint == 0 {
            junk = junk.max(signals.junk);
        }
    }
    if hint >= 2 || embed {
        junk = 0;
    }
    (junk, hint)
}

fn build_arena(doc: &Html) -> Arena<'_> {
    // At most one element per node, and an event per text node or two per element: sized once
    // rather than grown, and copied, a dozen times on a page of thousands of nodes.
    let nodes = doc.tree.values().len();
    let mut els: Vec<El> = Vec::with_capacity(nodes);
    let mut evs: Vec<Ev> = Vec::with_capacity(2 * nodes);
    let mut stack: Vec<u32> = Vec::new();
    let mut jsonld: Vec<String> = Vec::new();
    let mut names = NameCache::default();

    let root = doc.tree.root();
    let mut node = root;
    'outer: loop {
        let mut descend = false;
        match node.value() {
            Node::Element(e) => {
                let name = e.name();
                if let Some(tag) = tag_of(name) {
                    let idx = els.len() as u32;
                    let (junk, hint) = classify(e, tag, &mut names);
                    els.push(El {
                        role: tag.role,
                        elem: e,
                        parent: stack.last().copied().unwrap_or(NONE),
                        end: idx + 1,
                        junk,
                        hint,
                    });
                    evs.push(Ev::Open(idx));
                    stack.push(idx);
                    descend = true;
                } else if name == "script" && e.attr("type").is_some_and(|t| t.contains("ld+json"))
                {
                    let mut s = String::new();
                    let mut c = node.first_child();
                    while let Some(ch) = c {
                        if let Node::Text(t) = ch.value() {
                            s.push_str(t);
                        }
                        c = ch.next_sibling();
                    }
                    jsonld.push(s);
                }
            }
            Node::Text(t) => evs.push(Ev::Text(t)),
            Node::Document | Node::Fragment => descend = true,
            _ => {}
        }
        if descend {
            if let Some(c) = node.first_child() {
                node = c;
                continue;
            }
        }
        loop {
            // An element the walk opened is on top of the stack when it is left; a skipped one
            // never is.
            if let (Node::Element(e), Some(&i)) = (node.value(), stack.last()) {
                if std::ptr::eq(els[i as usize].elem, e) {
                    stack.pop();
                    els[i as usize].end = els.len() as u32;
                    evs.push(Ev::Close(i));
                }
            }
            if node.id() == root.id() {
                break 'outer;
            }
            if let Some(s) = node.next_sibling() {
                node = s;
                continue 'outer;
            }
            match node.parent() {
                Some(p) => node = p,
                None => break 'outer,
            }
        }
    }
    let jsonld_body = jsonld
        .iter()
        .filter_map(|s| jsonld_article_body(s))
        .max_by_key(|s| s.len());
    Arena {
        els,
        evs,
        jsonld_body,
    }
}

/// Longest `articleBody` string anywhere in a JSON-LD script (iterative walk).
fn jsonld_article_body(src: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(src.trim()).ok()?;
    let mut best: Option<&str> = None;
    let mut todo = vec![&v];
    while let Some(v) = todo.pop() {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    if k == "articleBody" || k == "reviewBody" {
                        if let Some(s) = x.as_str() {
                            if best.is_none_or(|b| b.len() < s.len()) {
                                best = Some(s);
                            }
                        }
                    } else {
                        todo.push(x);
                    }
                }
            }
            serde_json::Value::Array(a) => todo.extend(a.iter()),
            _ => {}
        }
    }
    best.map(|s| s.to_string())
}

fn jsonld_blocks(s: &str) -> Vec<Block> {
    // JSON-LD bodies are plain text, sometimes with HTML tags or entities left in.
    let mut out = Vec::new();
    for line in s.split('\n') {
        let mut t = String::new();
        let mut in_tag = false;
        let mut sp = false;
        for c in line.chars() {
            if c == '<' {
                in_tag = true;
                continue;
            }
            if in_tag {
                if c == '>' {
                    in_tag = false;
                    sp = true;
                }
                continue;
            }
            if c.is_whitespace() {
                sp = true;
            } else if crate::text::is_hidden(c) {
                continue;
            } else {
                if sp && !t.is_empty() {
                    t.push(' ');
                }
                sp = false;
                t.push(c);
            }
        }
        let t = t
            .replace("&nbsp;", " ")
            .replace("&amp;", "&")
            .replace("&quot;", "\"")
            .replace("&#39;", "'");
        if !t.trim().is_empty() {
            out.push(Block {
                kind: BlockKind::Paragraph,
                text: t.trim().to_string(),
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Passages

struct Passage {
    text: String,
    owner: u32,
    kind: BlockKind,
    /// heading level (1..6) or 0
    level: u8,
    junk: bool,
    /// innermost boilerplate ancestor (debugging)
    junk_el: u32,
    chars: u32,
    link_chars: u32,
    words: u32,
}

impl Passage {
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

struct Builder {
    buf: String,
    space: bool,
    chars: u32,
    link_chars: u32,
    words: u32,
    cjk: u32,
}

impl Builder {
    /// Appends visible text: `chars` characters that are not whitespace, in words joined by
    /// `spaces` single spaces; counted as link text when `in_link`.
    fn push_visible(&mut self, text: &str, chars: u32, spaces: u32, in_link: bool) {
        self.start_word();
        self.buf.push_str(text);
        self.chars += chars;
        self.words += spaces;
        if in_link {
            self.link_chars += chars;
        }
    }

    /// Before visible text: a pending space becomes one (except after a line break) and a new
    /// word is counted when one starts.
    fn start_word(&mut self) {
        if self.space {
            if !self.buf.ends_with('\n') {
                self.buf.push(' ');
            }
            self.words += 1;
        } else if self.buf.is_empty() || self.buf.ends_with('\n') {
            self.words += 1;
        }
        self.space = false;
    }
}

/// The start of a text that goes into a passage as it is: printable ASCII words joined by single
/// spaces, most of a page's text (no such character is hidden or CJK). Its length in bytes, and
/// its number of spaces, each of which starts a word.
fn plain_prefix(text: &[u8]) -> (usize, u32) {
    let (mut len, mut spaces) = (0, 0);
    while let Some(&byte) = text.get(len) {
        if byte.is_ascii_graphic() {
            len += 1;
        } else if byte == b' ' && len > 0 && text.get(len + 1).is_some_and(u8::is_ascii_graphic) {
            len += 2;
            spaces += 1;
        } else {
            break;
        }
    }
    (len, spaces)
}

fn is_cjk(c: char) -> bool {
    // one comparison for the alphabets below the first range (every character of most pages)
    c >= '\u{3040}'
        && matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

fn make_passages(a: &Arena) -> Vec<Passage> {
    // Each passage holds text, and a text node goes into one passage: there are at most as many
    // passages as text events, the events that are not an element's opening or closing. Sized
    // once, the list is not copied over as it grows.
    let mut out = Vec::with_capacity(a.evs.len() - 2 * a.els.len());
    let mut block_stack: Vec<u32> = Vec::new();
    let mut kind_stack: Vec<(BlockKind, u8)> = Vec::new();
    let mut junk_stack: Vec<u32> = Vec::new();
    let mut a_depth = 0u32;
    let mut pre_depth = 0u32;
    let mut b = Builder {
        buf: String::new(),
        space: false,
        chars: 0,
        link_chars: 0,
        words: 0,
        cjk: 0,
    };

    let flush = |b: &mut Builder,
                 out: &mut Vec<Passage>,
                 block_stack: &[u32],
                 kind_stack: &[(BlockKind, u8)]| {
        // Half the blocks hold no text of their own (wrappers, lists): nothing was added since
        // the last flush, which left every count at zero.
        if b.buf.is_empty() {
            return;
        }
        let t = b.buf.trim_matches(|c: char| c.is_whitespace());
        if b.chars > 0 && !t.is_empty() {
            let (kind, level) = kind_stack
                .last()
                .copied()
                .unwrap_or((BlockKind::Paragraph, 0));
            let in_quote = kind_stack
                .iter()
                .rev()
                .take(4)
                .any(|k| k.0 == BlockKind::Quote);
            let kind = if kind == BlockKind::Paragraph && in_quote {
                BlockKind::Quote
            } else {
                kind
            };
            out.push(Passage {
                text: t.to_string(),
                owner: block_stack.last().copied().unwrap_or(0),
                kind,
                level,
                junk: false,
                junk_el: NONE,
                chars: b.chars,
                link_chars: b.link_chars,
                words: b.words + b.cjk / 2,
            });
        }
        b.buf.clear();
        b.space = false;
        b.chars = 0;
        b.link_chars = 0;
        b.words = 0;
        b.cjk = 0;
    };

    for ev in &a.evs {
        match *ev {
            Ev::Open(i) => {
                let el = &a.els[i as usize];
                match el.role {
                    Role::Break => {
                        let t = b.buf.trim_end_matches(' ');
                        if t.ends_with('\n') {
                            flush(&mut b, &mut out, &block_stack, &kind_stack);
                        } else if !t.is_empty() {
                            let l = t.len();
                            b.buf.truncate(l);
                            b.buf.push('\n');
                            b.space = false;
                        }
                    }
                    Role::Block(kind) => {
                        flush(&mut b, &mut out, &block_stack, &kind_stack);
                        block_stack.push(i);
                        if let Some(k) = kind {
                            kind_stack.push(k);
                            if k.0 == BlockKind::Preformatted {
                                pre_depth += 1;
                            }
                        }
                    }
                    Role::Link | Role::Inline => {
                        if el.junk > 0 {
                            junk_stack.push(i);
                        }
                        if el.role == Role::Link {
                            a_depth += 1;
                        }
                    }
                }
            }
            Ev::Close(i) => {
                let el = &a.els[i as usize];
                match el.role {
                    Role::Break => {}
                    Role::Block(kind) => {
                        flush(&mut b, &mut out, &block_stack, &kind_stack);
                        block_stack.pop();
                        if let Some(k) = kind {
                            kind_stack.pop();
                            if k.0 == BlockKind::Preformatted {
                                pre_depth -= 1;
                            }
                        }
                    }
                    Role::Link | Role::Inline => {
                        if el.junk > 0 {
                            junk_stack.pop();
                        }
                        if el.role == Role::Link {
                            a_depth -= 1;
                        }
                    }
                }
            }
            Ev::Text(t) => {
                if !junk_stack.is_empty() {
                    continue;
                }
                let mut rest = t;
                while !rest.is_empty() {
                    let (run, spaces) = plain_prefix(rest.as_bytes());
                    if run > 0 {
                        // A text node is far shorter than 4 GB.
                        let chars = run as u32 - spaces;
                        b.push_visible(&rest[..run], chars, spaces, a_depth > 0);
                        rest = &rest[run..];
                        continue;
                    }
                    // Runs of ASCII whitespace, the indentation between the tags of most pages,
                    // fold to one pending space at once (but in `<pre>`, which keeps line breaks).
                    let blank = rest.bytes().take_while(u8::is_ascii_whitespace).count();
                    if blank > 0 && pre_depth == 0 {
                        if !b.buf.is_empty() {
                            b.space = true;
                        }
                        rest = &rest[blank..];
                        continue;
                    }
                    let c = rest.chars().next().expect("rest is not empty");
                    let (one, after) = rest.split_at(c.len_utf8());
                    rest = after;
                    if c.is_whitespace() {
                        if pre_depth > 0 && c == '\n' && !b.buf.is_empty() {
                            b.buf.push('\n');
                            b.space = false;
                        } else if !b.buf.is_empty() {
                            b.space = true;
                        }
                    } else if crate::text::is_hidden(c) {
                        // NUL, terminal escapes, bells, bidi overrides: never part of the text.
                        continue;
                    } else {
                        b.push_visible(one, 1, 0, a_depth > 0);
                        if is_cjk(c) {
                            b.cjk += 1;
                        }
                    }
                }
            }
        }
    }
    flush(&mut b, &mut out, &block_stack, &kind_stack);
    out
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

// ---------------------------------------------------------------------------
// Scoring and selection

fn ends_like_sentence(t: &str) -> bool {
    let last = t.trim_end().chars().last().unwrap_or(' ');
    matches!(
        last,
        '.' | '!' | '?' | '"' | '”' | '’' | ')' | ':' | '…' | '。' | '»' | '！' | '？' | '」'
    )
}

fn passage_value(p: &Passage) -> f64 {
    if p.junk {
        return -(p.chars as f64);
    }
    raw_value(p)
}

fn raw_value(p: &Passage) -> f64 {
    let n = p.chars as f64;
    let ld = p.link_density();
    if ld > 0.8 || (ld > 0.5 && p.words < 20) {
        return -n;
    }
    let base = if p.words >= 12 {
        n
    } else if p.words >= 5 && ends_like_sentence(&p.text) {
        n * 0.5
    } else {
        -n * 0.3
    };
    if base > 0.0 {
        base * (1.0 - ld) * (1.0 - ld)
    } else {
        base
    }
}

/// Decide which boilerplate signals hold: a container flagged by its tag or class
/// is not boilerplate when it holds a large share of the page's prose (layout
/// wrappers such as `content-with-sidebar` or `paywall` around the article).
fn mark_junk(a: &Arena, ps: &mut [Passage]) {
    let n = a.els.len();
    if n == 0 {
        return;
    }
    let mut pos = vec![0f64; n];
    let mut cnt = vec![0u32; n];
    for p in ps.iter() {
        let v = raw_value(p);
        if v > 0.0 {
            pos[p.owner as usize] += v;
            cnt[p.owner as usize] += 1;
        }
    }
    for i in (1..n).rev() {
        let par = a.els[i].parent;
        if par != NONE {
            pos[par as usize] += pos[i];
            cnt[par as usize] += cnt[i];
        }
    }
    let total: f64 = (0..n)
        .filter(|&i| a.els[i].parent == NONE)
        .map(|i| pos[i])
        .sum();
    let mut junk_el = vec![NONE; n];
    for i in 0..n {
        let el = &a.els[i];
        let inherited = if el.parent == NONE {
            NONE
        } else {
            junk_el[el.parent as usize]
        };
        junk_el[i] = if inherited != NONE {
            inherited
        } else if el.junk >= 2
            || (el.junk == 1 && !(total > 0.0 && pos[i] >= 0.4 * total && cnt[i] >= 2))
        {
            i as u32
        } else {
            NONE
        };
    }
    for p in ps.iter_mut() {
        p.junk_el = junk_el[p.owner as usize];
        p.junk = p.junk_el != NONE;
    }
}

struct Choice {
    /// subtree roots whose passages form the body (pre-order, disjoint)
    roots: Vec<u32>,
    best: u32,
    best_score: f64,
}

fn choose_root(a: &Arena, ps: &[Passage]) -> Choice {
    let n = a.els.len();
    let mut val = vec![0f64; n];
    let mut pos = vec![0f64; n];
    for p in ps {
        let v = passage_value(p);
        val[p.owner as usize] += v;
        if v > 0.0 {
            pos[p.owner as usize] += v;
        }
    }
    for i in (1..n).rev() {
        let par = a.els[i].parent;
        if par != NONE {
            val[par as usize] += val[i];
            pos[par as usize] += pos[i];
        }
    }
    let mut best = NONE;
    let mut best_score = f64::MIN;
    for i in (0..n).rev() {
        let el = &a.els[i];
        let w = match el.hint {
            3 => 0.3,
            2 => 0.2,
            1 => 0.05,
            _ => 0.0,
        };
        let s = val[i] + w * pos[i];
        if s > best_score {
            best_score = s;
            best = i as u32;
        }
    }
    let roots = refine(a, best, &val);
    Choice {
        roots,
        best,
        best_score,
    }
}

/// Same tag and a shared body-marking class (or both `itemprop=articleBody`).
fn same_body_markup(x: &scraper::node::Element, y: &scraper::node::Element) -> bool {
    if x.name() != y.name() {
        return false;
    }
    if x.attr("itemprop").is_some() && x.attr("itemprop") == y.attr("itemprop") {
        return true;
    }
    x.classes()
        .any(|c| hint_of_name(c) >= 2 && y.classes().any(|d| d == c))
}

/// Narrow the best-scoring subtree to a structurally marked body inside it when that
/// body holds most of the value (teaser lists or "more stories" next to the article
/// otherwise pull the choice up to a common ancestor). Sibling chunks with the same
/// markup as the chosen body (articles split by ads) are kept too.
fn refine(a: &Arena, best: u32, val: &[f64]) -> Vec<u32> {
    if best == NONE {
        return Vec::new();
    }
    let b = best as usize;
    let bv = val[b];
    if bv <= 0.0 {
        return vec![best];
    }
    let mut pick = NONE;
    let mut pick_key = (0u8, 0f64);
    for (i, (el, &value)) in a
        .els
        .iter()
        .zip(val)
        .enumerate()
        .take(a.els[b].end as usize)
        .skip(b + 1)
    {
        let need = match el.hint {
            0 => continue,
            1 => 0.8,
            _ => 0.4,
        };
        if value >= need * bv {
            let key = (el.hint.min(2), value);
            if key > pick_key {
                pick_key = key;
                pick = i as u32;
            }
        }
    }
    if pick == NONE {
        return vec![best];
    }
    let pe = a.els[pick as usize].elem;
    let mut roots = Vec::new();
    let mut i = b + 1;
    while i < a.els[b].end as usize {
        if i as u32 == pick
            || (val[i] > 0.0 && a.els[i].hint >= 2 && same_body_markup(a.els[i].elem, pe))
        {
            roots.push(i as u32);
            i = a.els[i].end as usize;
        } else {
            i += 1;
        }
    }
    roots
}

fn select_body(a: &Arena, ps: &[Passage]) -> Vec<Block> {
    if a.els.is_empty() || ps.is_empty() {
        return Vec::new();
    }
    let Choice {
        roots,
        best,
        best_score,
        ..
    } = choose_root(a, ps);
    if best == NONE || best_score <= 0.0 {
        return Vec::new();
    }
    let ranges: Vec<(u32, u32)> = roots.iter().map(|&r| (r, a.els[r as usize].end)).collect();
    let mut sel: Vec<&Passage> = Vec::new();
    // what the passages up to the first prose are, which trim_edges asks again at the start
    let mut known: Vec<Option<EdgeJunk>> = Vec::new();
    let (mut title_seen, mut prose_seen) = (false, false);
    let mut ri = 0;
    for p in ps {
        // passages come in document order, so are the ranges
        while ri < ranges.len() && p.owner >= ranges[ri].1 {
            ri += 1;
        }
        if ri == ranges.len() {
            break;
        }
        if p.owner < ranges[ri].0 || p.junk {
            continue;
        }
        if p.level == 1 {
            title_seen = true;
            continue;
        }
        let ld = p.link_density();
        if ld > 0.8 || (ld > 0.5 && p.words < 20) {
            continue;
        }
        // a sub-heading right under the headline, before any prose, is its standfirst
        if p.kind == BlockKind::Heading && title_seen && !prose_seen {
            continue;
        }
        let kind = (!prose_seen).then(|| classify_edge(p));
        prose_seen = prose_seen || kind == Some(EdgeJunk::No);
        sel.push(p);
        known.push(kind);
    }
    trim_edges(&mut sel, &known);
    sel.into_iter()
        .map(|p| Block {
            kind: p.kind,
            text: p.text.clone(),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Edge trimming: lines around the article that are not its prose

/// What a body line is when it is not article prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EdgeJunk {
    /// article prose (or anything not recognised)
    No,
    /// may only be dropped before the first prose line: kickers, release headers
    Lead,
    /// dropped at either edge: dates, view counters, print lines, copyright, prompts
    Edge,
    /// starts the closing boilerplate: it and everything after it go
    /// (`###`, "About <Company>", media contacts, paywall prompts)
    Tail,
}

/// Lower-cased words (letters and digits) of a text, borrowed where already lower case.
fn norm_words(t: &str) -> Vec<Cow<'_, str>> {
    norm_words_upto(t, usize::MAX)
}

/// The first `n` of [`norm_words`].
fn norm_words_upto(t: &str, n: usize) -> Vec<Cow<'_, str>> {
    norm_word_iter(t).take(n).collect()
}

/// [`norm_words`] one at a time.
fn norm_word_iter(t: &str) -> impl Iterator<Item = Cow<'_, str>> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(crate::text::lower)
}

/// Whether a phrase's words start with `word`.
fn is_first_word(word: &str, phrase: &str) -> bool {
    phrase
        .strip_prefix(word)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

fn starts_with_words(w: &[Cow<str>], phrase: &str) -> bool {
    // Most lines start with none of the phrases' first letters: no need to split the phrase.
    if w.first().and_then(|x| x.as_bytes().first()) != phrase.as_bytes().first() {
        return false;
    }
    let mut n = 0;
    for (i, p) in phrase.split(' ').enumerate() {
        if w.get(i).is_none_or(|x| x != p) {
            return false;
        }
        n += 1;
    }
    n > 0
}

fn contains_words(w: &[Cow<str>], phrase: &str) -> bool {
    let mut rest = phrase.split(' ');
    let Some(first) = rest.next() else {
        return false;
    };
    // Most lines hold no phrase's first word: the rest is compared only where one starts.
    w.iter().enumerate().any(|(i, word)| {
        word == first
            && rest
                .clone()
                .enumerate()
                .all(|(k, p)| w.get(i + 1 + k).is_some_and(|x| x == p))
    })
}

/// Words that may appear in a line holding only a date and/or time.
fn is_date_word(w: &str) -> bool {
    if w.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    // 1st, 2nd, 21st, 3rd, 4th; 10h30
    let digits = w.chars().take_while(|c| c.is_ascii_digit()).count();
    let rest = &w[digits..];
    if digits > 0
        && (matches!(rest, "st" | "nd" | "rd" | "th" | "er" | "h")
            || rest
                .strip_prefix('h')
                .is_some_and(|m| m.chars().all(|c| c.is_ascii_digit())))
    {
        return true;
    }
    matches!(
        w,
        // en
        "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october"
            | "november" | "december" | "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept"
            | "oct" | "nov" | "dec" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday"
            | "sunday" | "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat" | "sun"
            | "am" | "pm" | "a" | "p" | "m" | "at" | "on" | "of" | "published" | "updated" | "posted"
            | "last" | "modified" | "utc" | "gmt" | "et" | "edt" | "est" | "ct" | "cdt" | "cst" | "mt" | "mdt"
            | "mst" | "pt" | "pdt" | "pst" | "bst" | "cet" | "cest" | "z"
            // de
            | "januar" | "jänner" | "februar" | "märz" | "mai" | "juni" | "juli" | "oktober" | "dezember"
            | "montag" | "dienstag" | "mittwoch" | "donnerstag" | "freitag" | "samstag" | "sonntag" | "uhr"
            | "um" | "veröffentlicht" | "aktualisiert" | "stand" | "mez" | "mesz"
            // fr
            | "janvier" | "février" | "mars" | "avril" | "juin" | "juillet" | "août" | "septembre" | "octobre"
            | "novembre" | "décembre" | "lundi" | "mardi" | "mercredi" | "jeudi" | "vendredi" | "samedi"
            | "dimanche" | "le" | "à" | "publié" | "mis" | "jour" | "modifié" | "er"
            // ru
            | "января" | "февраля" | "марта" | "апреля" | "мая" | "июня" | "июля" | "августа" | "сентября"
            | "октября" | "ноября" | "декабря" | "январь" | "февраль" | "март" | "апрель" | "май" | "июнь"
            | "июль" | "август" | "сентябрь" | "октябрь" | "ноябрь" | "декабрь" | "понедельник" | "вторник"
            | "среда" | "четверг" | "пятница" | "суббота" | "воскресенье" | "г" | "года" | "в" | "мск"
            | "опубликовано" | "обновлено" | "сегодня" | "вчера"
    )
}

/// A line holding only a date and/or time ("20 June 2024, 21:17", "Updated Jun 2, 2018 8:14 AM").
fn is_date_line(w: &[Cow<str>]) -> bool {
    !w.is_empty()
        && w.len() <= 16
        && w.iter().any(|x| x.chars().any(|c| c.is_ascii_digit()))
        && w.iter().all(|x| is_date_word(x))
}

/// "1,234 views", "Просмотров: 2 306", "Aufrufe 90".
fn is_counter_line(w: &[Cow<str>]) -> bool {
    w.len() <= 6
        && w.iter().any(|x| x.chars().all(|c| c.is_ascii_digit()))
        && w.iter().any(|x| {
            matches!(
                x.as_ref(),
                "views"
                    | "view"
                    | "reads"
                    | "hits"
                    | "просмотров"
                    | "просмотры"
                    | "просмотра"
                    | "просмотр"
                    | "прочтений"
                    | "aufrufe"
                    | "gelesen"
                    | "vues"
                    | "lectures"
                    | "comments"
                    | "комментариев"
                    | "kommentare"
                    | "commentaires"
            )
        })
        && w.iter().all(|x| x.len() <= 24)
}

/// Press-release end marks.
fn is_end_marker(t: &str) -> bool {
    matches!(t, "###" | "# # #" | "-30-" | "- 30 -" | "—30—" | "-###-")
}

fn classify_edge(p: &Passage) -> EdgeJunk {
    classify_tail(p).unwrap_or_else(|| classify_non_tail(p))
}

/// Words read by [`classify_tail`]: enough for its longest phrase (five words) and to tell a
/// heading of up to seven words from a longer line.
const TAIL_WORDS: usize = 8;

/// The first steps of [`classify_edge`], which decide every [`EdgeJunk::Tail`]: the kind when
/// they decide it, else None, for [`classify_non_tail`]. Only the edges of a body need the rest;
/// every passage may be a tail. Only the first [`TAIL_WORDS`] words are read.
fn classify_tail(p: &Passage) -> Option<EdgeJunk> {
    let t = p.text.trim();
    if is_end_marker(t) {
        return Some(EdgeJunk::Tail);
    }
    if p.words > 60 {
        return Some(EdgeJunk::No);
    }
    let Some(first) = norm_word_iter(t).next() else {
        return Some(EdgeJunk::Edge);
    };
    // closing blocks of press releases and paywalls: they and what follows them go
    const ABOUT: [&str; 5] = ["about", "über", "à propos", "a propos", "о компании"];
    const TAIL: [&str; 22] = [
        "media contact",
        "media contacts",
        "press contact",
        "press contacts",
        "media inquiries",
        "media enquiries",
        "media relations",
        "investor contact",
        "investor relations contact",
        "forward looking statements",
        "safe harbor statement",
        "cautionary statement regarding forward looking",
        "pressekontakt",
        "medienkontakt",
        "contact presse",
        "contacts presse",
        "relations presse",
        "контакты для сми",
        "контакт для сми",
        "пресс служба",
        "subscribe to continue reading",
        "subscribe to keep reading",
    ];
    // Each phrase starts the passage (or its first line, which starts with the same word): most
    // passages are told apart by their first word alone, without reading the next ones.
    if !ABOUT
        .iter()
        .chain(&TAIL)
        .any(|ph| is_first_word(&first, ph))
    {
        return None;
    }
    let w = norm_words_upto(t, TAIL_WORDS);
    let first_line = t.lines().next().unwrap_or(t).trim();
    // most passages are one line: their first line's words are the words already read
    let first_line_words;
    let fl: &[Cow<str>] = if first_line.len() == t.len() {
        &w
    } else {
        first_line_words = norm_words_upto(first_line, TAIL_WORDS);
        &first_line_words
    };
    let heading_like = fl.len() <= 7
        && !ends_like_sentence(first_line)
        && (first_line.len() < t.len() || p.kind == BlockKind::Heading || p.words <= 7);
    if heading_like && fl.len() >= 2 && ABOUT.iter().any(|ph| starts_with_words(fl, ph)) {
        return Some(EdgeJunk::Tail);
    }
    if TAIL.iter().any(|ph| starts_with_words(&w, ph)) {
        return Some(EdgeJunk::Tail);
    }
    None
}

/// The rest of [`classify_edge`], for a passage [`classify_tail`] leaves undecided.
fn classify_non_tail(p: &Passage) -> EdgeJunk {
    let t = p.text.trim();
    let w = &norm_words(t)[..];
    const PROMPT: [&str; 30] = [
        "reached your limit",
        "reached the limit",
        "free articles remaining",
        "free stories remaining",
        "already a subscriber",
        "get unlimited access",
        "subscribe now",
        "subscribe today",
        "continue reading with",
        "sign up for our newsletter",
        "subscribe to our newsletter",
        "subscribe to our channel",
        "follow us on",
        "jetzt abonnieren",
        "abonnieren sie",
        "bereits abonnent",
        "weiterlesen mit",
        "abonnez vous",
        "réservé aux abonnés",
        "déjà abonné",
        "la suite est réservée",
        "inscrivez vous à notre newsletter",
        "подписывайтесь на наш",
        "подпишитесь на наш",
        "подписывайтесь на нас",
        "подпишитесь на нас",
        "уже подписаны",
        "оформите подписку",
        "printed from",
        "print this page",
    ];
    if p.words <= 40 && PROMPT.iter().any(|ph| contains_words(w, ph)) {
        return EdgeJunk::Edge;
    }
    const EDGE_START: [&str; 10] = [
        "copyright",
        "printed on",
        "printed at",
        "gedruckt am",
        "imprimé le",
        "all rights reserved",
        "alle rechte vorbehalten",
        "tous droits réservés",
        "все права защищены",
        "this copy is for your personal",
    ];
    let copyright_sign = t.starts_with('©') || t.starts_with("(c)") || t.starts_with("(C)");
    if p.words <= 40
        && (copyright_sign
            || EDGE_START.iter().any(|ph| starts_with_words(w, ph))
            || (starts_with_words(w, "url")
                && w.len() <= 20
                && (t.contains("http") || t.contains("www.")))
            || contains_words(w, "all rights reserved")
            || contains_words(w, "alle rechte vorbehalten")
            || contains_words(w, "tous droits réservés")
            || contains_words(w, "все права защищены")
            || contains_words(w, "is a registered trademark of")
            || contains_words(w, "is a trademark of")
            || contains_words(w, "is a service mark of")
            || contains_words(w, "trademarks are the property of"))
    {
        return EdgeJunk::Edge;
    }
    if is_date_line(w) || is_counter_line(w) {
        return EdgeJunk::Edge;
    }
    const LEAD: [&str; 8] = [
        "for immediate release",
        "for release",
        "embargoed until",
        "embargoed for release",
        "pressemitteilung",
        "communiqué de presse",
        "пресс релиз",
        "press release",
    ];
    if w.len() <= 8 && !ends_like_sentence(t) && LEAD.iter().any(|ph| starts_with_words(w, ph)) {
        return EdgeJunk::Lead;
    }
    // kicker / section label above the headline: one to three words, no sentence, no digits
    if p.kind == BlockKind::Paragraph
        && w.len() <= 3
        && !ends_like_sentence(t)
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.contains('\n')
    {
        return EdgeJunk::Lead;
    }
    EdgeJunk::No
}

/// Drops what surrounds the article prose inside the chosen body: leading kickers,
/// release headers, date and print lines; trailing copyright, counters, prompts; and
/// from a closing marker (`###`, "About <Company>", media contact, paywall) to the end.
/// `known` holds, for each passage, its kind when [`classify_edge`] has already read it.
fn trim_edges(sel: &mut Vec<&Passage>, known: &[Option<EdgeJunk>]) {
    if sel.len() < 2 {
        return;
    }
    // Every passage may be a tail; what else a line is matters only at the edges. A known kind
    // is a tail exactly when `classify_tail` says so, as only it decides tails.
    let tails: Vec<_> = sel
        .iter()
        .zip(known)
        .map(|(p, &kind)| kind.or_else(|| classify_tail(p)))
        .collect();
    let kind = |i: usize| tails[i].unwrap_or_else(|| classify_non_tail(sel[i]));
    // A closing marker cuts the rest when it sits in the second half of the body and
    // what it cuts is a small share of the text (a sub-heading such as "About the
    // study" in the middle of an article is not one); `###`/`-30-` always end a release.
    let n = sel.len();
    let total: u32 = sel.iter().map(|p| p.words).sum();
    let mut after = total;
    let mut end = n;
    for i in 0..n {
        if i > 0 && tails[i] == Some(EdgeJunk::Tail) {
            let hard = is_end_marker(sel[i].text.trim());
            if hard || (i * 2 >= n && after * 3 <= total) {
                end = i;
                break;
            }
        }
        after -= sel[i].words;
    }
    while end > 1 && matches!(kind(end - 1), EdgeJunk::Edge | EdgeJunk::Tail) {
        end -= 1;
    }
    let mut start = 0;
    while start + 1 < end && matches!(kind(start), EdgeJunk::Edge | EdgeJunk::Lead) {
        start += 1;
    }
    sel.truncate(end);
    sel.drain(..start);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        extract_body(&Html::parse_document(html))
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    const LONG1: &str = "The city council voted on Tuesday to approve a new budget that increases spending on schools, parks and public transport by a wide margin.";
    const LONG2: &str = "Critics said the plan, which was debated for more than six hours, would raise property taxes for most homeowners in the next two years.";

    #[test]
    fn nav_article_comments_related() {
        let html = format!(
            r#"<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
            <article><h1>Budget approved</h1><div class="byline">By Jane Doe</div>
            <div class="article-body"><p>{LONG1}</p><h2>Taxes</h2><p>{LONG2}</p>
            <blockquote><p>We did what we had to do for the children of this city.</p></blockquote>
            <ul><li>Schools get more money.</li><li>Parks get new staff.</li></ul></div></article>
            <div class="related"><h3>Related</h3><ul><li><a href="/a">Another story about the council meeting last week</a></li></ul></div>
            <section id="comments"><div class="comment"><p>This is a long comment by a reader who disagrees strongly with the council decision and says so at length.</p></div></section>
            <footer>Copyright 2024 The Paper</footer></body></html>"#
        );
        let b = extract_body(&Html::parse_document(&html));
        let t: Vec<&str> = b.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            t,
            vec![
                LONG1,
                "Taxes",
                LONG2,
                "We did what we had to do for the children of this city.",
                "Schools get more money.",
                "Parks get new staff."
            ]
        );
        assert_eq!(b[1].kind, BlockKind::Heading);
        assert_eq!(b[3].kind, BlockKind::Quote);
        assert_eq!(b[4].kind, BlockKind::ListItem);
    }

    /// An AMP page of the corpus with an ad slot between two paragraphs: its placeholder
    /// ("Advertisement") is no passage, and the paragraphs around it are kept.
    #[test]
    fn amp_ads_are_skipped() {
        let page = include_str!(
            "../../corpus/midwest-record/2017/09/09/best-buy-drops-kaspersky-twin-cities-react.amp.html"
        );
        let t = texts(page);
        assert!(!t.iter().any(|t| t == "Advertisement"), "{t:?}");
        let before = t
            .iter()
            .position(|t| t.starts_with("Lindgren said he tells"));
        let after = t
            .iter()
            .position(|t| t.starts_with("\"I'm not going to talk"));
        assert_eq!(after, before.map(|b| b + 1), "{t:?}");
    }

    #[test]
    fn divs_and_br_only() {
        let html = format!(
            r#"<html><body><div id="top"><a href="/">Home</a> | <a href="/x">News</a></div>
            <div><div>{LONG1}<br><br>{LONG2}<br>Second line of the <b>same</b> paragraph, with <i>inline</i>words.</div></div>
            <div><a href="/p">Privacy</a> <a href="/t">Terms</a></div></body></html>"#
        );
        let t = texts(&html);
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(t[0], LONG1);
        assert_eq!(
            t[1],
            format!("{LONG2}\nSecond line of the same paragraph, with inlinewords.")
        );
    }

    #[test]
    fn jsonld_only() {
        let body = format!("{LONG1}\n{LONG2} {LONG1}\n{LONG2}");
        let html = format!(
            r#"<html><head><script type="application/ld+json">{}</script></head>
            <body><div id="app"><a href="/">Home</a></div></body></html>"#,
            serde_json::json!({"@context":"https://schema.org","@type":"NewsArticle","headline":"x","articleBody": body})
        );
        let t = texts(&html);
        assert_eq!(t.len(), 3);
        assert_eq!(t[0], LONG1);
    }

    #[test]
    fn empty_page() {
        assert!(texts("<html><body><nav><a href='/'>Home</a></nav></body></html>").is_empty());
    }

    const LONG3: &str = "Officials said the money would be released in three stages, with the first payments reaching districts before the start of the autumn term.";
    const LONG4: &str = "The mayor, who had promised during her campaign to keep taxes flat, said she was confident the new revenue would cover most of the cost.";

    #[test]
    fn press_release_header_about_and_contact() {
        // no "###" marker: the "About <Company>" block and what follows it still go
        let html = format!(
            r#"<html><body><div class="wrap"><p class="x-fir">FOR IMMEDIATE RELEASE</p>
            <h1>Acme launches a thing</h1><h2 class="x-sub"><em>Program helps customers do things faster</em></h2>
            <p><strong>SPRINGFIELD -- May 1, 2024 --</strong> {LONG1}</p><p>{LONG2}</p><p>{LONG3}</p><p>{LONG4}</p>
            <p>{LONG1} {LONG2}</p><p>Customers can enroll today at the company website.</p>
            <p><strong>About Acme Widgets</strong><br>Acme Widgets is a Springfield-based maker of widgets serving customers across the region since 1990.</p>
            <p><em>Forward-Looking Statements: This release contains forward-looking statements. Actual results may differ.</em></p>
            <p>Acme is a registered trademark of Acme Widgets, Inc.</p>
            <p><strong>Media Contact</strong><br>Pat Doe<br>Acme Widgets<br><a href="mailto:p@acme.test">p@acme.test</a><br>+1 555 0100</p>
            </div></body></html>"#
        );
        let t = texts(&html);
        assert_eq!(
            t.first().map(String::as_str),
            Some(format!("SPRINGFIELD -- May 1, 2024 -- {LONG1}").as_str()),
            "{t:?}"
        );
        assert_eq!(
            t.last().map(String::as_str),
            Some("Customers can enroll today at the company website."),
            "{t:?}"
        );
        // with the end mark, everything after it goes even when it is long
        let html = format!(
            r#"<html><body><article><p>{LONG1}</p><p>{LONG2}</p><p>{LONG3}</p><p style="text-align:center">###</p>
            <p>About Acme<br>{LONG4} {LONG4} {LONG4}</p></article></body></html>"#
        );
        assert_eq!(texts(&html), vec![LONG1, LONG2, LONG3]);
    }

    #[test]
    fn print_view_header_kicker_date_and_footer() {
        let html = format!(
            r#"<html><body><div class="print-hdr">Printed from paper.example &nbsp;|&nbsp; Printed on Sat, Jun 2, 2018 8:14 AM <span>| <a href="/print">Print this page</a></span></div>
            <div class="section">National</div><h1>Budget approved</h1><div class="pubdate">Wednesday, May 30, 2018</div>
            <div class="story"><p>{LONG1}</p><p>{LONG2}</p><p>{LONG3}</p></div>
            <div class="print-ftr">Copyright &copy; The Paper. All rights reserved. This copy is for your personal, non-commercial use only.<br>
            URL: https://paper.example/news/1?print=1</div></body></html>"#
        );
        assert_eq!(texts(&html), vec![LONG1, LONG2, LONG3]);
        // the same lines without class names are trimmed by their text
        let html = format!(
            r#"<html><body><div><p>Printed from paper.example | Printed on Sat, Jun 2, 2018 8:14 AM | Print this page</p>
            <p>Politics</p><p>May 30, 2018 at 4:40 p.m. CDT</p><p>{LONG1}</p><p>{LONG2}</p><p>{LONG3}</p>
            <p>Copyright © The Paper. All rights reserved. This copy is for your personal, non-commercial use only.</p></div></body></html>"#
        );
        assert_eq!(texts(&html), vec![LONG1, LONG2, LONG3]);
    }

    #[test]
    fn russian_date_counter_and_channel_prompt() {
        let p1 = "Московский суд приговорил бывшего руководителя отдела к четырнадцати годам колонии строгого режима по делу о государственной измене, сообщили в суде.";
        let p2 = "Заседания проходили в закрытом режиме, поэтому подробности обвинения до сих пор не раскрываются, а защита намерена обжаловать приговор в апелляционной инстанции.";
        let html = format!(
            r#"<html><body><div id="content"><div class="r1">Происшествия</div><h1>Заголовок</h1>
            <div class="d">27 февраля 2019, 10:05</div><div class="text"><p>{p1}</p><p>{p2}</p><p>{p1}</p></div>
            <div class="c1">Просмотров: 2 306</div>
            <div class="c2">Подписывайтесь на наш канал, чтобы первыми узнавать главные новости.</div></div></body></html>"#
        );
        assert_eq!(texts(&html), vec![p1, p2, p1]);
    }

    #[test]
    fn paywall_prompts_at_the_end() {
        for (h, p) in [
            ("Subscribe to continue reading", "You’ve reached your limit of free stories this month. Get unlimited access for $1 a week."),
            ("Weiterlesen mit Abo", "Jetzt abonnieren und alle Artikel lesen."),
            ("La suite est réservée aux abonnés", "Abonnez-vous pour lire la suite. Déjà abonné ? Connectez-vous."),
        ] {
            let html = format!(
                r#"<html><body><article><div class="ct-body"><p>{LONG1}</p><p>{LONG2}</p><p>{LONG3}</p>
                <section class="ct-gate"><h3>{h}</h3><p>{p}</p><p>Already a subscriber? <a href="/login">Log in</a></p></section>
                </div></article></body></html>"#
            );
            assert_eq!(texts(&html), vec![LONG1, LONG2, LONG3], "{h}");
        }
    }

    #[test]
    fn kicker_class_and_mid_article_about_heading_kept() {
        let html = format!(
            r#"<html><body><article class="story"><div class="mdr-kicker">Business</div><h1>Budget approved</h1>
            <p>{LONG1}</p><p>{LONG2}</p><h2>About the study</h2><p>{LONG3}</p><p>{LONG4}</p><p>{LONG1}</p></article></body></html>"#
        );
        assert_eq!(
            texts(&html),
            vec![LONG1, LONG2, "About the study", LONG3, LONG4, LONG1]
        );
    }

    #[test]
    fn date_and_counter_lines() {
        let yes = [
            "20 июня 2024, 21:17",
            "Wednesday, May 30, 2018",
            "Oct. 5, 2017 at 4:40 p.m. CDT",
            "15. März 2022, 10:30 Uhr",
            "Publié le 4 mars 2022 à 10h30",
            "2024-06-20 21:17",
        ];
        for t in yes {
            assert!(is_date_line(&norm_words(t)), "{t}");
        }
        for t in ["May 30 was a big day for the city.", "Wednesday", "Updated"] {
            assert!(!is_date_line(&norm_words(t)), "{t}");
        }
        for t in ["просмотров 4 812", "1,204 views", "Aufrufe: 90"] {
            assert!(is_counter_line(&norm_words(t)), "{t}");
        }
        assert!(!is_counter_line(&norm_words(
            "The page had 40 views of the harbour and the hills beyond it."
        )));
    }

    #[test]
    fn deep_nesting_and_many_paragraphs() {
        // No recursion: 200,000 nested elements must not overflow the stack. (html5ever's own
        // parse of deeply nested <div>s is quadratic, so the block-level case is smaller.)
        for (tag, depth) in [("span", 200_000usize), ("div", 5_000)] {
            let mut h = String::with_capacity(depth * 8);
            h.push_str("<html><body><article>");
            for _ in 0..depth {
                h.push_str(&format!("<{tag}>"));
            }
            h.push_str(LONG1);
            h.push_str(LONG2);
            let doc = Html::parse_document(&h);
            let b = extract_body(&doc);
            assert_eq!(b.len(), 1, "{tag}");
        }
        let mut h = String::from("<html><body><article>");
        for _ in 0..20_000 {
            h.push_str("<p>");
            h.push_str(LONG2);
            h.push_str("</p>");
        }
        let doc = Html::parse_document(&h);
        let b = extract_body(&doc);
        assert_eq!(b.len(), 20_000);
    }
}
