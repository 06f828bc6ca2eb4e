//! Named entities of one article and resolution of speaker phrases to canonical names.

use super::lex::*;
use super::marks::Span;
use super::text::{first_non_alnum, is_alnum, is_alpha, is_cyrillic, is_upper, Para, Tok, TK};
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::ops::Range;

/// Position in the article: (paragraph, byte).
pub type Pos = (usize, usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Org(OrgKind),
    /// a single capitalised word whose kind is unknown
    Unknown,
}

#[derive(Debug, Clone)]
pub struct Entity<'a> {
    /// the name as written: borrowed from the paragraph, as nearly all are (a copy only of a
    /// name that is not a slice of it)
    name: Cow<'a, str>,
    pub kind: Kind,
    /// the gender and roles its titles give it (and the gender the resolver adds); those its
    /// mentions' surroundings give are [`Index::gender`]'s and [`Index::has_role`]'s to find
    pub traits: Traits,
    /// [`Index::found_traits`], worked out the first time a query asks
    found: OnceCell<Traits>,
    /// its last mention ([`Index::infos`]), and the last of the one-word mentions that the index
    /// resolved to it
    last_own: Option<usize>,
    last_merged: Option<usize>,
    /// the name lower-cased: borrowed from the paragraph's lower-case text when it is a slice
    /// of it
    lower: Cow<'a, str>,
    /// where the entity is first mentioned
    pub first: Pos,
    /// whether the name has several words: the index resolves the mentions of the others
    multi_word: bool,
    /// the mentions of the entity: [`Index::canon_entity`] picks the most mentioned
    /// organisation among the candidates of every one-word mention, without a count over all
    /// mentions
    mention_count: u32,
    /// the entity before it in [`Index::by_name`] with the same key, and in [`Index::by_last`]
    /// (kept here, not in Vecs of their own: one allocation less per article each)
    same_key: Option<usize>,
    same_last: Option<usize>,
    /// [`Entity::media_form`], computed on first use
    media_form: OnceCell<bool>,
}

/// The gender counts and roles of an entity.
#[derive(Debug, Clone, Default)]
pub struct Traits {
    pub male: i32,
    pub female: i32,
    /// role words, each once: a few per entity at most, looked through rather than hashed
    pub roles: Vec<String>,
}

impl Traits {
    /// Adds the gender counts and the roles of `o`.
    fn merge(&mut self, o: &Traits) {
        self.male += o.male;
        self.female += o.female;
        for r in &o.roles {
            self.add_role_word(r);
        }
    }

    /// Adds role `r` unless the entity has it.
    fn add_role_word(&mut self, r: &str) {
        if !self.roles.iter().any(|x| x == r) {
            self.roles.push(r.to_string());
        }
    }
}

/// What [`Index::found_traits`] reads around a mention, kept as the index is built: the traits
/// its surroundings give are read by a few queries of a few entities, not for every mention.
#[derive(Debug, Clone, Copy)]
struct MentionInfo {
    /// the end and first token of the run
    end: usize,
    first: Option<usize>,
    /// where the next run of the paragraph starts (or its end), when the entity was a person
    /// then (its pronouns are looked for)
    pronoun_stop: Option<usize>,
    /// the entity of the mention as built (before the index resolves one-word mentions)
    orig: usize,
    /// the entity's mention before it, and the mention before it that the index resolved to
    /// the same entity
    prev_own: Option<usize>,
    prev_merged: Option<usize>,
}

impl Entity<'_> {
    /// Whether the name (without "The") is at most four words, the last a media word ("Tribune",
    /// "Journal"): [`Index::canon_entity`] asks for every media organisation at every one-word
    /// name.
    fn media_form(&self, name: &str) -> bool {
        *self.media_form.get_or_init(|| {
            let n = name.strip_prefix("The ").unwrap_or(name);
            name_word_count(n) <= 4 && with_lower(last_word(n), |l| MEDIA_WORDS.contains(l))
        })
    }
}

#[derive(Debug, Default)]
pub struct Index<'a> {
    pub ents: Vec<Entity<'a>>,
    /// (position, entity) in article order
    pub mentions: Vec<(Pos, usize)>,
    /// what lies around each mention of `mentions`
    infos: Vec<MentionInfo>,
    /// each entity by a hash of its lower-case name ([`name_key`]): the last entity with that
    /// hash, and in its `same_key` the one before it. No String per entity for the key, nor a
    /// second hashing of the name to insert it.
    by_name: FxMap<u64, usize>,
    /// whether `by_name` is keyed by a hash of all of each name ([`Index::by_name_key`])
    full_keys: bool,
    /// multi-word entities by the first five characters of their last word (lower-case): the
    /// candidates of a surname in [`Index::canon`] without a scan of every entity. No
    /// organisation (which is one for good: only a person is a candidate), where thousands of
    /// "The Xxx Tribune" would be read at every "Tribune". Keyed by a
    /// hash of those characters ([`last_key`]), without a String per entity: a shared hash only
    /// merges two lists, which [`Index::canon_entity`] filters by the word. Linked like
    /// `by_name`: the last entity with the key, and in its `same_last` the one before it (no
    /// Vec per key).
    by_last: FxMap<u64, usize>,
    /// the keys of `by_last`: most one-word names have no candidate in [`Index::canon_entity`],
    /// told by a bit test each without a look-up or a scan
    last_keys: KeyBloom,
    /// the persons of each long `by_last` list by surname ([`Index::person_of_last`]), read
    /// once: thousands of persons of one surname ("Anna Smith", "John Smith", …) made every
    /// "Smith" read them all. Empty in an ordinary article, which never hashes a word for it.
    long_last: RefCell<FxMap<u64, SurnamePersons>>,
    acronyms: FxMap<String, String>,
    /// the organisations among `ents`: the look-ups of an organisation's longer form read them
    /// only, not every entity. In the order they became organisations, not entity order (an
    /// entity that became one after later ones was put in its place, which moved all after it):
    /// the look-ups compare their indices.
    orgs: Vec<usize>,
    /// the candidates of [`Index::canon_entity`]'s organisations ([`add_org_starts`])
    org_starts: OrgStarts,
    /// [`OrgForms`] of `orgs`, built on the first look-up of an organisation's longer form in
    /// an article of many (the index is complete then)
    org_forms: OnceCell<OrgForms>,
    /// each entity's mentions (indices of `mentions`, in article order) one entity after
    /// another, and where each entity's start (and the last's end): built the first time
    /// [`Index::canon_one`] chooses between a person and an organisation (the index is complete
    /// then)
    mentions_of: OnceCell<Groups>,
    /// which capitalised words also occur lower-case
    lower_words: LowerWords<'a>,
}

/// Whether the lower-case form of a capitalised word of the article also occurs as a lower-case
/// word of it: tells "Critics" from "Rubio" at a sentence start. [`runs`] asks only about
/// capitalised words, a fifth of the words: their forms only set the bits of a filter, which
/// turns most lower-case words away, and the few left are kept, without a hashing of every form.
/// The capitalised words themselves are kept, for [`runs`] to go from one to the next, with what
/// it asks of each ([`Cap`]).
#[derive(Debug, Default)]
pub struct LowerWords<'a> {
    /// the lower-case words that pass the filter of the forms ([`lower_bare`]) of the
    /// capitalised words: among them every such form that occurs lower-case
    found: FxSet<&'a str>,
    /// the capitalised words of each paragraph (token indices), one paragraph after another
    caps: Vec<u32>,
    /// the paragraph of each word of `caps` (and one more after them): the name index reads
    /// the runs of all paragraphs in one pass over `caps`
    cap_para: Vec<u32>,
    /// what [`runs`] asks of each word of `caps`, and one more at the end ([`Cap::END`]), for
    /// [`Cap::skip`] after the last word
    info: Vec<Cap<'a>>,
    /// where each paragraph's capitalised words start in `caps` (and where they end)
    para_caps: Vec<usize>,
    /// whether the article is German: there "von der" between a name and a capitalised word
    /// says where one works ("Raabe von der Hochschule") as often as it is a family name's
    /// particles ("Ursula von der Leyen"), and "der" between nouns makes no name ("die Nutzung
    /// der Software") unless the first is an organisation's ("Bundesministerium der Finanzen")
    german: bool,
}

/// What [`runs`] asks of a capitalised word, worked out once per article in [`LowerWords::new`]:
/// its lists, ending and neighbours each took a branch per word in `runs`, which met the words
/// too few times (once in the name index, some again in the resolver) to learn them.
#[derive(Debug, Clone, Copy)]
struct Cap<'a> {
    /// the word's lower-case form without its possessive ending ([`low_bare`]): what a run keeps
    low: Low<'a>,
    /// the length of its possessive ending ([`poss_cut`])
    cut: u8,
    /// its `C_*` bits
    bits: u16,
    /// how many words from it on start no run (in the name index's reading of whole
    /// paragraphs: [`C_NO_START`] or [`C_COMMON`]): [`runs`] goes from one run's start to the
    /// next by adding, without a test of the words between, which mispredicted at about every
    /// other word
    skip: u32,
}

/// [`Cap::bits`]: a stop word (no title), role word or word with a lower-case part after a
/// hyphen, which starts no run.
const C_NO_START: u16 = 1;
/// A stop word, spokes word, person role (no title) or word with a lower-case part after a
/// hyphen, which ends a run before it.
const C_NO_INSIDE: u16 = 2;
/// A word in the capitalised stop list (a title or not): a connector before it joins nothing.
const C_CAP_STOP: u16 = 4;
/// A word at a sentence start: the first of its paragraph or after a token other than a word or
/// comma.
const C_SENT: u16 = 8;
/// A word of [`C_SENT`] that would start a run there ([`C_NO_START`] unset) and is a common word
/// ([`is_common`]): it starts none. Unset for all others, which are not asked.
const C_COMMON: u16 = 16;
/// A word after the word "the" (in any case).
const C_THE: u16 = 32;
/// A word the next token may continue a run after: a capitalised word, or a short word that
/// may be a connector ([`may_connect`]) before one. Without it, and for a possessive, the run
/// is the word alone.
const C_JOINS: u16 = 64;
/// A word whose [`Cap::low`] is a title ([`is_title_f`]).
const C_TITLE: u16 = 128;
/// A word whose [`Cap::low`] ends with a dot.
const C_DOT: u16 = 256;

impl<'a> LowerWords<'a> {
    /// The capitalised words of `paras`, whose tokens are `toks` (every paragraph's after the
    /// one before, each paragraph's first at its [`Para::article_offsets`]).
    fn new(paras: &'a [Para<'a>], toks: &[Tok], lang: Lang) -> LowerWords<'a> {
        debug_assert_eq!(
            toks.len(),
            paras.iter().map(|p| p.toks.len()).sum::<usize>()
        );
        // every token's index in the article is written, the next one over it unless it is
        // capitalised: a capitalised word in six or so, at no predictable place, would
        // mispredict a branch on each. The written indices never overtake the tokens: room for
        // every token, one allocation. The tokens are read in one loop, where a loop per
        // paragraph mispredicted at the end of each; how many capitalised words come before
        // each token is kept, for where each paragraph's are in `caps`.
        let mut caps = vec![0; toks.len()];
        let mut caps_before = vec![0u32; toks.len()];
        let mut n = 0;
        for (j, (t, before)) in toks.iter().zip(&mut caps_before).enumerate() {
            caps[n] = j as u32;
            *before = n as u32;
            n += usize::from(t.cap);
        }
        caps.truncate(n);
        let first_tok = |para: &Para| para.article_offsets().0;
        let mut para_caps = Vec::with_capacity(paras.len() + 1);
        para_caps.extend(
            paras
                .iter()
                .map(|para| caps_before.get(first_tok(para)).map_or(n, |&k| k as usize)),
        );
        para_caps.push(n);
        // each word's paragraph: how many paragraphs start at each word (one without a
        // capitalised word at the same as the next), summed in place, with no branch per word
        let mut starts = vec![0u32; n + 1];
        for &k in &para_caps[..paras.len()] {
            starts[k] += 1;
        }
        let mut started = 0;
        for s in &mut starts {
            started += *s;
            *s = started - 1;
        }
        let cap_para = starts;
        let mut filter = WordFilter::empty();
        // (written in place, where a push costs about as much as the Cap)
        let mut info = vec![Cap::END; n + 1];
        // the words asked whether they are common ([`C_COMMON`]), gathered as `caps` is
        let mut ask = vec![0u32; n];
        let mut n_ask = 0;
        for (k, (cap, slot)) in caps.iter_mut().zip(&mut info).enumerate() {
            let para = &paras[cap_para[k] as usize];
            // (the article's token index becomes the paragraph's)
            let i = *cap - first_tok(para) as u32;
            *cap = i;
            let c = Cap::new(para, i as usize, lang);
            // only a word that may start a run is asked whether it is common: the forms of the
            // others (stop words as "the", "but") would fill `found`
            let asked = c.bits & C_NO_START == 0;
            // (the form is the word's, whose digest is the token's, but for a possessive)
            let d = match c.cut {
                0 => para.toks[i as usize].digest,
                _ => WordFilter::digest(lower(c.bare(para, i as usize)).as_bytes()),
            };
            filter.insert_digest_if(d, asked);
            ask[n_ask] = k as u32;
            n_ask += usize::from(asked & (c.bits & C_SENT != 0));
            *slot = c;
        }
        // as many words pass as a capitalised word in two or so: sized once, not grown
        let mut found = FxSet::with_capacity_and_hasher(caps.len() / 2, Default::default());
        // the lower-case words that pass the filter, gathered as the capitalised ones are
        let mut pass = vec![0; paras.iter().map(|p| p.toks.len()).max().unwrap_or(0)];
        for para in paras {
            let mut n = 0;
            for (i, t) in para.toks.iter().enumerate() {
                pass[n] = i as u32;
                n += usize::from(t.is_word() & !t.cap & filter.may_contain_digest(t.digest));
            }
            for &i in &pass[..n] {
                found.insert(para.lw(i as usize));
            }
        }
        for &k in &ask[..n_ask] {
            let k = k as usize;
            let para = &paras[cap_para[k] as usize];
            let c = &mut info[k];
            c.bits |= C_COMMON * u16::from(is_common(&found, para, caps[k] as usize, c));
        }
        let mut skip = 0;
        for c in info[..n].iter_mut().rev() {
            skip = (skip + 1) * u32::from(c.bits & (C_NO_START | C_COMMON) != 0);
            c.skip = skip;
        }
        LowerWords {
            found,
            caps,
            cap_para,
            info,
            para_caps,
            german: lang == Lang::De,
        }
    }

    /// Where the capitalised words of paragraph `pi` are in `caps` and `info` (whose entry
    /// after them is the next paragraph's first, or [`Cap::END`]): [`runs`] reads both at these
    /// indices, with no slice of either (each slice tests its bounds).
    fn para_caps(&self, pi: usize) -> (usize, usize) {
        (self.para_caps[pi], self.para_caps[pi + 1])
    }

    /// The number of capitalised words of the article.
    fn n_caps(&self) -> usize {
        self.caps.len()
    }
}

impl<'a> Cap<'a> {
    /// The [`Cap`] after the article's last word, and the one each is written over.
    const END: Cap<'static> = Cap {
        low: ("", 0),
        cut: 0,
        bits: 0,
        skip: 0,
    };

    /// The [`Cap`] of capitalised word `i` of `para` (of a German article: `german`), but for
    /// [`C_COMMON`].
    fn new(para: &'a Para<'a>, i: usize, lang: Lang) -> Cap<'a> {
        let german = lang == Lang::De;
        let (t, pb) = (&para.toks[i], para.p.as_bytes());
        let l = para.lw(i);
        let f = word_flags(para, t.start, t.end, l);
        let cut = poss_cut(tail_at(pb, t.end), t.end - t.start);
        let low = low_bare(para, t.start..t.end, l, cut, f);
        let title = is_title_f(l, f);
        // (in French, "Le" and "La" between capitalised words are a family name's: "Marine Le
        // Pen", "Bruno Le Maire")
        let stop = (f & IN_CAP_STOP != 0)
            & !title
            & !(lang == Lang::Fr && matches!(l, "le" | "la") && french_name_article(para, i));
        // ("Press" ends a publisher's name, "Wrenfield Press", but starts "Press Secretary")
        let spokes = f & IN_SPOKES != 0 && !(l == "press" && press_in_name(para, i));
        let role = spokes | ((f & IN_PERSON_ROLES != 0) & (f & IN_TITLES == 0));
        let no_inside = stop | role | (t.hyphen && hyphen_lower(para.w(i)));
        // the token before (the word itself at the paragraph's start)
        let prev = &para.toks[i.max(1) - 1];
        // (a token other than a word that starts with a comma is one: a comma is no quote
        // mark. Its first byte is read whatever the token, for no branch on its kind.)
        let (prev_word, first) = (prev.is_word(), pb[prev.start]);
        let sent = (i == 0) | (u8::from(prev_word) | u8::from(first == b',') == 0);
        let the = (i > 0) & prev_word & (prev.end - prev.start == 3) & is_the_at(pb, prev.start);
        // (each token read whatever the one before, for no branch on it)
        let next = |d: usize| para.toks.get(i + d).copied().unwrap_or(*t);
        let (n1, n2, n3) = (next(1), next(2), next(3));
        // a capitalised word next, or one or two short words then one ("Bank of England",
        // "Ursula von der Leyen"): the run's reader tells which short words join
        let short = |t: &Tok| t.is_word() & may_connect(pb, t, german);
        // (or an apostrophe then one, which may be a plural's possessive inside an
        // organisation's name: "Road Hauliers' Federation", told by the run's reader)
        let apostrophe = (n1.kind == TK::Punct('\'')) | (n1.kind == TK::Punct('’'));
        let joins =
            n1.cap | (short(&n1) & (n2.cap | (short(&n2) & n3.cap))) | (apostrophe & n2.cap);
        // a generic word or an organisation's common noun starts no run ("the Company said"),
        // but for the head of a name of an organisation, before a connector and a capitalised
        // word ("Ministry of Defence", "Bundesamt für Sicherheit")
        let no_start = no_inside
            | (f & IN_GENERIC != 0)
            | (f & IN_ORG_NOMINALS != 0
                && !(short(&n1) & n2.cap
                    && (i + 1 < para.toks.len())
                    && is_connector(para.lw(i + 1))));
        let bit = |b: bool, c: u16| c * u16::from(b);
        Cap {
            low,
            cut: cut as u8,
            bits: bit(no_start, C_NO_START)
                | bit(no_inside, C_NO_INSIDE)
                | bit(f & IN_CAP_STOP != 0, C_CAP_STOP)
                | bit(sent, C_SENT)
                | bit(the, C_THE)
                | bit(joins, C_JOINS)
                | bit(
                    if cut == 0 {
                        title
                    } else {
                        is_title_f(low.0, low.1)
                    },
                    C_TITLE,
                )
                | bit(ends_dot(low.0), C_DOT),
            skip: 0,
        }
    }

    /// The word (token `i` of `para`, whose [`Cap`] this is) without its possessive ending.
    fn bare<'p>(&self, para: &Para<'p>, i: usize) -> &'p str {
        let t = &para.toks[i];
        &para.p[t.start..t.end - usize::from(self.cut)]
    }
}

/// Whether capitalised word `i` of `para`, whose [`Cap`] is `c`, is a common word: its form
/// ([`lower_bare`]) is no title and occurs lower-case in the article (is in `found`,
/// [`LowerWords::found`]), and it is no acronym. At a sentence start it is no name ("Critics",
/// "But"). (Whether the form is a title is [`C_TITLE`]: the form is [`Cap::low`] but for a
/// Greek final sigma, and no title is Greek. The cheap tests come first, the acronym's last,
/// as the form is found for few words.)
fn is_common(found: &FxSet<&str>, para: &Para, i: usize, c: &Cap) -> bool {
    let bare = c.bare(para, i);
    c.bits & C_TITLE == 0
        && found.contains(lower_bare(c.low.0, || bare, c.cut > 0).as_ref())
        && !is_acronym(bare)
}

/// A capitalised run found in text.
#[derive(Debug, Clone)]
pub struct Run<'p> {
    /// the words joined by single spaces (no word holds a space): the name most callers need,
    /// borrowed from the paragraph for a one-word run (most runs) and a String otherwise
    pub name: Cow<'p, str>,
    /// the number of words
    pub n_words: usize,
    pub start: usize,
    pub end: usize,
    /// the token index of its first word in its paragraph, for a run [`runs`] read: the name
    /// index reads the word before it from the tokens
    pub first: Option<usize>,
    pub possessive: bool,
    pub titles: Vec<String>,
    pub the: bool,
    /// the organisation kind its words give ([`best_org_kind`] of their [`org_word_kind`]s):
    /// [`runs`] works it out from the lower-case forms and list flags it already has
    pub org: Option<OrgKind>,
    /// the name lower-cased when that is a slice of the paragraph's lower-case text (a one-word
    /// run, or words parted by single spaces): the name index need not lower it again
    pub lower: Option<&'p str>,
}

impl<'p> Run<'p> {
    /// A name found otherwise than by reading capitalised words (quoted, a known name with
    /// lower-case words, a speaker named whole), at bytes `start..end`: its words and
    /// organisation kind told by the name, nothing known of its surroundings.
    pub fn of_name(name: Cow<'p, str>, start: usize, end: usize) -> Run<'p> {
        Run {
            n_words: name_word_count(&name),
            org: name_org_kind(&name),
            name,
            start,
            end,
            first: None,
            possessive: false,
            titles: Vec::new(),
            the: false,
            lower: None,
        }
    }
}

const CONNECT: &[&str] = &[
    "of", "for", "de", "von", "van", "der", "du", "la", "al", "bin", "&", "del", "des", "di", "für",
];

/// Whether token `t` of a paragraph of bytes `p` is short enough to be a connector: of up to
/// three bytes, or in a German article (`german`) "für", told by its length, first, second and
/// last bytes, as [`connector_key`] does.
#[inline]
fn may_connect(p: &[u8], t: &Tok, german: bool) -> bool {
    let n = t.end - t.start;
    (n <= 3)
        | (german
            && (n == 4)
            && p[t.start] == b'f'
            && p[t.start + 1] == 0xc3
            && p[t.end - 1] == b'r')
}

/// The slot of a [`connector_key`] in [`CONNECT_TABLE`]: a multiplicative hash, whose
/// multiplier gives each connector a slot of its own.
const fn connector_slot(key: u32) -> usize {
    (key.wrapping_mul(0x72c1_704d) >> 28) as usize
}

/// The [`connector_key`] of each [`CONNECT`] word at its [`connector_slot`], 0 in the others (no
/// word's key): a word is a connector when its slot holds its key. (A compile error when two
/// connectors share a slot.)
const CONNECT_TABLE: [u32; 16] = {
    let mut table = [0; 16];
    let mut k = 0;
    while k < CONNECT.len() {
        let key = connector_key(CONNECT[k].as_bytes());
        assert!(
            table[connector_slot(key)] == 0,
            "two connectors in one slot"
        );
        table[connector_slot(key)] = key;
        k += 1;
    }
    table
};

/// A number equal for equal words of one to four bytes (`b`): their length (5 for any longer)
/// and first, second and last bytes. (Of four-byte words, "f", a two-byte letter and "r" share
/// "für"'s key: [`is_connector`] compares that word whole.)
const fn connector_key(b: &[u8]) -> u32 {
    let n = b.len();
    (if n < 5 { n as u32 } else { 5 }) << 24
        | (b[0] as u32) << 16
        | (b[if n > 1 { 1 } else { 0 }] as u32) << 8
        | b[n - 1] as u32
}

/// Whether lower-case word `l` is in [`CONNECT`]: one compare with the key in its slot of
/// [`CONNECT_TABLE`], where comparing strings one by one branched on each. (A word longer than
/// four bytes has a key of length 5, which no slot holds.)
fn is_connector(l: &str) -> bool {
    !l.is_empty() && {
        let key = connector_key(l.as_bytes());
        // (a key of four bytes is "für"'s alone when it is "für")
        CONNECT_TABLE[connector_slot(key)] == key && (l.len() < 4 || l == "für")
    }
}

/// The last four bytes of `b[..end]` as a number, the last one lowest (as many as there are).
/// Read as the four bytes from `end - 4`, or from 0 shifted right by those after `end`: an end
/// before byte 4 (a short word at a paragraph's start) takes no branch of its own.
fn tail_at(b: &[u8], end: usize) -> u32 {
    let s = end.saturating_sub(4);
    match b.get(s..s + 4) {
        Some(&[w, x, y, z]) => {
            (u64::from(u32::from_be_bytes([w, x, y, z])) >> (8 * (s + 4 - end))) as u32
        }
        _ => b[..end].iter().fold(0, |t, &x| t << 8 | u32::from(x)),
    }
}

/// The length of the possessive ending ("'s", "’s", "'", "’") of a word of `n` bytes whose last
/// bytes are `tail` ([`tail_at`], which may hold bytes before the word): 0 without one, or when
/// nothing would be left. Each ending is compared at once, with no branch on the bytes.
fn poss_cut(tail: u32, n: usize) -> usize {
    // the endings exclude each other: by their last byte, and the two in 's' by the one before
    let cut = 2 * usize::from(tail & 0xffff == 0x2773)
        + 4 * usize::from(tail == 0xe280_9973)
        + usize::from(tail & 0xff == 0x27)
        + 3 * usize::from(tail & 0xff_ffff == 0xe2_8099);
    // (an ending that reaches before the word is longer than it)
    if cut < n {
        cut
    } else {
        0
    }
}

/// Whether the words of `w` are consecutive words of `s` (both split at spaces): `w` at a word
/// start of `s` (its start, or after a space), followed by a space or the end. Compared at the
/// few word starts of short names, without setting up a substring searcher for each.
fn has_words(s: &str, w: &str) -> bool {
    let (s, w) = (s.as_bytes(), w.as_bytes());
    let Some(&first) = w.first() else {
        // (a word start followed by a space or the end)
        return (0..=s.len())
            .any(|i| (i == 0 || s[i - 1] == b' ') && s.get(i).is_none_or(|&c| c == b' '));
    };
    // a word start with `w`'s first byte, both told by one branch (a branch on each word start
    // mispredicted as often as words start), is then compared whole
    let Some(last) = s.len().checked_sub(w.len()) else {
        return false;
    };
    let mut prev = b' ';
    s[..=last].iter().enumerate().any(|(i, &c)| {
        let start = (prev == b' ') & (c == first);
        prev = c;
        start && s[i..].starts_with(w) && s.get(i + w.len()).is_none_or(|&c| c == b' ')
    })
}

/// The last word of a name.
#[inline]
fn last_word(name: &str) -> &str {
    &name[last_space(name.as_bytes()).map_or(0, |i| i + 1)..]
}

/// Where the last space of name `b` is: its last 16 bytes read as two numbers, each tested for
/// a space in all its bytes at once (two overlapping eights of a name of 8 to 15 bytes: the
/// first holds no space after the second's start when the second holds none), where a search
/// byte by byte mispredicted at about every last word's start. A name of fewer than 8 bytes, or
/// with no space in its last 16, is searched byte by byte (the str pattern searcher costs more
/// than the short names it looks through).
#[inline]
fn last_space(b: &[u8]) -> Option<usize> {
    /// Bit 7 of each byte of `x` that is a space, the others clear (exact: no carry crosses
    /// bytes).
    fn spaces(x: u64) -> u64 {
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        let y = x ^ 0x2020_2020_2020_2020;
        !(((y & LOW7) + LOW7) | y | LOW7)
    }
    let n = b.len();
    if let Some(hi) = b.last_chunk::<8>() {
        let lo_at = n.saturating_sub(16);
        let lo = u64::from_le_bytes(b[lo_at..lo_at + 8].try_into().unwrap());
        let (hi, lo) = (spaces(u64::from_le_bytes(*hi)), spaces(lo));
        if hi | lo != 0 {
            let (m, at) = if hi != 0 { (hi, n - 8) } else { (lo, lo_at) };
            // (bit 7 of byte k, the highest set, leaves 56 - 8k zeros above it)
            return Some(at + 7 - m.leading_zeros() as usize / 8);
        }
    }
    b.iter().rposition(|&c| c == b' ')
}

/// `s.split(' ')`, by a byte search (see [`last_word`]).
fn split_spaces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b' ') {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// `s.split(|c: char| !is_alnum(c))`, each piece with whether it is ASCII: the pronoun scan
/// after every person's name goes through a few dozen pieces, where the char searcher decodes
/// every character, and tells most by their bytes. Eight bytes are looked at together
/// ([`first_non_alnum`]): the first that is no ASCII letter or digit ends the piece (or, another
/// than ASCII, is decoded), without a branch per byte that mispredicts at about every piece's end.
fn alnum_pieces(s: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        let b = r.as_bytes();
        let (mut k, mut ascii) = (0, true);
        loop {
            let stop = match b.get(k..k + 8) {
                Some(chunk) => first_non_alnum(chunk.try_into().unwrap()),
                // the last few bytes, then the end as a stop
                None => b[k..]
                    .iter()
                    .position(|&x| !x.is_ascii_alphanumeric())
                    .unwrap_or(b.len() - k),
            };
            if stop == 8 {
                k += 8;
                continue;
            }
            k += stop;
            let Some(&x) = b.get(k) else {
                rest = None;
                return Some((r, ascii));
            };
            let n = if x.is_ascii() {
                1
            } else {
                let c = r[k..].chars().next()?;
                if is_alnum(c) {
                    ascii = false;
                    k += c.len_utf8();
                    continue;
                }
                c.len_utf8()
            };
            rest = Some(&r[k + n..]);
            return Some((&r[..k], ascii));
        }
    })
}

/// The first five characters of `w`: equal for a surname and its inflected forms in [`Index::canon`].
fn prefix5(w: &str) -> &str {
    match w.as_bytes().get(..5) {
        // five ASCII bytes are five characters
        Some(head) if head.is_ascii() => &w[..5],
        _ if w.len() < 5 && w.is_ascii() => w,
        _ => &w[..w.char_indices().nth(5).map_or(w.len(), |(b, _)| b)],
    }
}

/// The key of [`Index::by_name`] of a lower-case name: its length, its middle byte and its first
/// and last four bytes, read without a loop or a test of the length (but whether it has four),
/// where the hasher's loop and its tests of the length mispredicted at most names. The names of
/// one key are told apart by comparing them.
fn name_key(l: &str) -> u64 {
    let b = l.as_bytes();
    let ends = match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        (Some(&h), Some(&t)) => {
            u64::from(u32::from_le_bytes(h)) | u64::from(u32::from_le_bytes(t)) << 32
        }
        // (fewer than four bytes)
        _ => b.iter().fold(0, |x, &c| x << 8 | u64::from(c)),
    };
    let mid = b.get(b.len() / 2).map_or(0, |&c| u64::from(c));
    ends ^ (mid | (b.len() as u64) << 8).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The key of [`Index::by_last`]: a hash of [`prefix5`] of a lower-case last word. Five ASCII
/// bytes, as most such prefixes are, are hashed as one number, without the hasher's loop over
/// the length of a str.
fn last_key(w: &str) -> u64 {
    use std::hash::BuildHasher;
    if let [a, b, c, d, e, ..] = *w.as_bytes() {
        let x = u64::from_le_bytes([a, b, c, d, e, 0, 0, 0]);
        if x & 0x80_8080_8080 == 0 {
            return rustc_hash::FxBuildHasher.hash_one(x);
        }
    }
    str_hash(prefix5(w))
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(is_upper)
}

fn is_acronym(w: &str) -> bool {
    is_acronym_ascii(w.as_bytes()).unwrap_or_else(|| is_acronym_chars(w))
}

/// [`is_acronym`] of a word's bytes, `None` for one with a byte outside ASCII: by bytes while
/// they are ASCII, whose only letters are A-Z and a-z (most words asked are told by their
/// second letter), with no str to slice.
fn is_acronym_ascii(w: &[u8]) -> Option<bool> {
    let mut n = 0usize;
    for &b in w {
        if !b.is_ascii() {
            return None;
        }
        if b.is_ascii_lowercase() {
            return Some(false);
        }
        n += usize::from(b.is_ascii_uppercase());
    }
    Some(n >= 2)
}

/// [`is_acronym`] of a word with a character outside ASCII (every upper-case character is a
/// letter: the other letters are the lower-case ones, which end it).
#[cold]
fn is_acronym_chars(w: &str) -> bool {
    let mut n = 0usize;
    for c in w.chars() {
        if is_upper(c) {
            n += 1;
        } else if is_alpha(c) {
            return false;
        }
    }
    n >= 2
}

/// Whether `titles` make a one-word name a person's ("Mr", "Sen").
fn person_title(titles: &[String]) -> bool {
    titles.iter().any(|t| {
        matches!(
            t.as_str(),
            "mr" | "mrs" | "ms" | "dr" | "sen" | "rep" | "prof" | "adm" | "miss" | "senator"
        )
    })
}

/// A title word, from its lower-case form.
fn is_title(l: &str) -> bool {
    TITLES.contains(l.trim_end_matches('.'))
}

/// [`is_title`] of `l` whose [`list_flags`] are `f`: a second look-up only for a trailing dot.
fn is_title_f(l: &str, f: u8) -> bool {
    if ends_dot(l) {
        is_title(l)
    } else {
        f & IN_TITLES != 0
    }
}

/// Whether `w` ends with a dot: one byte compare.
fn ends_dot(w: &str) -> bool {
    w.as_bytes().last() == Some(&b'.')
}

/// A lower-case word of a run with its [`list_flags`]: a slice of the paragraph's lower-case
/// forms, so that the buffer holds nothing to drop.
type Low<'p> = (&'p str, u8);

fn low(l: &str) -> Low<'_> {
    (l, list_flags(l))
}

/// The [`Low`] of a word of a run, bytes `at` of `para`, whose lower-case form is `l` and list
/// flags `f`, without its possessive ending of `cut` bytes ([`poss_cut`]): the ending is ASCII
/// or '’', which lower case keeps, so the bare word's form is the start of `l`. (One exception:
/// a Greek capital sigma right before the ending is 'σ' in `l`, where the bare word lowered
/// alone would end in the final 'ς'. No word list holds a Greek word, and the form reaches
/// nothing but the lists, so both forms have the same flags: none.)
fn low_bare<'p>(para: &Para, at: Range<usize>, l: &'p str, cut: usize, f: u8) -> Low<'p> {
    if cut == 0 {
        (l, f)
    } else {
        let bare = &l[..l.len() - cut];
        (bare, word_flags(para, at.start, at.end - cut, bare))
    }
}

/// [`list_flags`] of lower-case word `l`, bytes `start..end` of `para`: by [`list_flags_at`]
/// in the paragraph's lower-case text (which most paragraphs have), with no branch on whether
/// the word is in a list.
#[inline(always)]
fn word_flags(para: &Para, start: usize, end: usize, l: &str) -> u8 {
    para.low_bytes()
        .and_then(|low| list_flags_at(low, start, end))
        .unwrap_or_else(|| list_flags(l))
}

/// [`Run::org`] of a run's words `lows`: [`low_org_kind`] of only those words it may find in
/// a list (of an organisation list or with a final dot, as it tells first), found by a pass with
/// no branch per word and read as the set bits of a mask, where asking each word mispredicted.
#[inline]
fn run_org_kind(lows: &[Low]) -> Option<OrgKind> {
    let kind = |k: usize| low_org_kind(lows[k].0, lows[k].1);
    if lows.len() > 64 {
        return best_org_kind((0..lows.len()).map(kind));
    }
    let mask = lows.iter().enumerate().fold(0u64, |m, (k, w)| {
        m | u64::from((w.1 & (IN_ORG_WORDS | IN_OTHER_ORG) != 0) | ends_dot(w.0)) << k
    });
    let bits = std::iter::successors(Some(mask), |&m| Some(m & m.wrapping_sub(1)));
    best_org_kind(
        bits.take_while(|&m| m != 0)
            .map(|m| kind(m.trailing_zeros() as usize)),
    )
}

/// A particle of a family name that may come before "der", "la" and the like: "von der
/// Leyen", "van den Berg", "de la Cruz".
fn is_particle(l: &str) -> bool {
    matches!(l, "von" | "van" | "de" | "di" | "du" | "del")
}

fn any_org_word(lows: &[Low]) -> bool {
    lows.iter().any(|w| w.1 & IN_ORG_WORDS != 0)
}

/// Whether a word with a hyphen has a lower-case part after one.
fn hyphen_lower(w: &str) -> bool {
    w.split(['-', '‑'])
        .skip(1)
        .any(|x| x.chars().next().is_some_and(|c| c.is_lowercase()))
}

/// Whether the three bytes at `at` of `p` spell "the" in any ASCII case: one compare of the
/// bytes with the case bit set, no byte loop.
fn is_the_at(p: &[u8], at: usize) -> bool {
    p.get(at..at + 3).is_some_and(|s| {
        let w = u32::from(s[0]) | u32::from(s[1]) << 8 | u32::from(s[2]) << 16;
        // (setting bit 5 makes 't' of 'T' and 't' alone among all bytes, and so on)
        w | 0x20_2020 == u32::from_le_bytes(*b"the\0")
    })
}

/// What [`runs`] learns of a run's words as it reads them: the tests after its last word need
/// no pass over them.
#[derive(Clone, Copy)]
struct RunState {
    /// the words up to the last title word (0 without one)
    n_titles: usize,
    /// whether a word after the last title word is in an organisation list
    org_after: bool,
    /// whether a word is in an organisation list or ends with a dot: only such words give the
    /// run an organisation kind
    org_words: bool,
    /// whether a word is in an organisation list or an organisation's common noun: "of",
    /// "for" and "für" join a run only after one ("Bank of England", "Ministry of Defence")
    org_head: bool,
    /// whether one space parts each word from the next
    spaced: bool,
}

impl RunState {
    const NEW: RunState = RunState {
        n_titles: 0,
        org_after: false,
        org_words: false,
        org_head: false,
        spaced: true,
    };

    /// The state after word `w`, the `m`-th of the run.
    #[inline]
    fn add(self, m: usize, w: Low) -> RunState {
        self.add_known(m, w.1, is_title_f(w.0, w.1), ends_dot(w.0))
    }

    /// [`RunState::add`] of word `w` after word `prev` of the run: a word after a family
    /// name's particle ("der" in "von der Leyen"), or a connector after a word that is no title
    /// ("der" in "Bundesministerium der Finanzen", "Die Gewerkschaft der Polizei"), is no
    /// title, which it is elsewhere ("der Kanzler", "Präsident der Vereinigten Staaten").
    #[inline]
    fn add_after(self, m: usize, w: Low, prev: Option<&str>) -> RunState {
        if prev.is_some_and(|p| is_particle(p) || is_connector(w.0) && !is_title(p)) {
            self.add_known(m, w.1, false, false)
        } else {
            self.add(m, w)
        }
    }

    /// [`RunState::add`] of capitalised word `c`, from its bits.
    #[inline]
    fn add_cap(self, m: usize, c: &Cap) -> RunState {
        self.add_known(m, c.low.1, c.bits & C_TITLE != 0, c.bits & C_DOT != 0)
    }

    /// [`RunState::add`] of a word with list flags `f`, whether it is a title and whether it
    /// ends with a dot.
    #[inline]
    fn add_known(self, m: usize, f: u8, title: bool, dot: bool) -> RunState {
        RunState {
            n_titles: if title { m + 1 } else { self.n_titles },
            org_after: !title & (self.org_after | (f & IN_ORG_WORDS != 0)),
            org_words: self.org_words | (f & (IN_ORG_WORDS | IN_OTHER_ORG) != 0) | dot,
            org_head: self.org_head | (f & (IN_ORG_WORDS | IN_OTHER_ORG | IN_ORG_NOMINALS) != 0),
            spaced: self.spaced,
        }
    }
}

/// Buffers for [`runs`]: the words (without a possessive ending, as their start and end in the
/// paragraph) and lower-case forms of the run being read, kept from run to run (and by the name
/// index from paragraph to paragraph): only a run that is kept gets its own Strings. A word is
/// kept by its offsets, not as a str: each str slice tests that both ends are character
/// boundaries, and the test of a start at 0 mispredicts at every paragraph that starts with a
/// capital.
pub struct RunBufs<'p> {
    words: Vec<(usize, usize)>,
    lows: Vec<Low<'p>>,
}

impl Default for RunBufs<'_> {
    /// Buffers for runs of up to eight words, as most are, without growing.
    fn default() -> Self {
        RunBufs {
            words: Vec::with_capacity(8),
            lows: Vec::with_capacity(8),
        }
    }
}

/// Capitalised runs in tokens[a..b] of paragraph `pi`, `para`, appended to `out`.
///
/// The tests of each word are mostly bit arithmetic on its list flags, joined into one branch
/// where they decide the same thing: the words come once per article, too few times for the
/// processor to learn their branches.
pub fn runs<'p>(
    pi: usize,
    para: &'p Para,
    a: usize,
    b: usize,
    lower_words: &LowerWords<'p>,
    bufs: &mut RunBufs<'p>,
    out: &mut Vec<Run<'p>>,
) {
    let toks = &para.toks;
    // a run starts at a capitalised word: from one to the next, without a look at the others
    let (caps, info) = (&lower_words.caps, &lower_words.info);
    let (first, last) = lower_words.para_caps(pi);
    // the words in tokens a..b (the name index reads whole paragraphs, no count): counted with
    // no branch per word, where a search for each end mispredicted at a step or two of each; but
    // in a paragraph of more than 64 found by binary search ([`search_caps`]: counted there, a
    // paragraph of thousands of quotes was quadratic)
    let (k, k_end) = if (a == 0) & (b == toks.len()) {
        (first, last)
    } else {
        let in_para = &caps[first..last];
        let (k, k_end) = if in_para.len() > 64 {
            search_caps(in_para, first, a, b)
        } else {
            in_para.iter().fold((first, first), |(ka, kb), &c| {
                (
                    ka + usize::from((c as usize) < a),
                    kb + usize::from((c as usize) < b),
                )
            })
        };
        // a stop word, or a capitalised common word at a sentence start, is no name; a role
        // word or one with a lower-case part after a hyphen starts no run either
        // ([`Cap::skip`]). The range's first token starts a sentence in it: a word there that
        // starts a run in the paragraph is asked whether it is common (known at sentence starts
        // only, as at a paragraph's start). One branch for the few such words.
        let at_a = (k < last) & (caps.get(k).map(|&i| i as usize) == Some(a));
        let common = (at_a & (info[k].skip == 0) & (info[k].bits & C_SENT == 0))
            && is_common(&lower_words.found, para, a, &info[k]);
        (k + usize::from(common), k_end)
    };
    read_runs(
        k,
        k_end,
        |_| (pi, para, a, b),
        lower_words,
        bufs,
        |_, r| out.push(r),
    );
}

/// Where the capitalised words `in_para` (token indices in order, the first at `first` in
/// [`LowerWords::caps`]) of tokens `a..b` start and end: [`runs`]'s count, by binary searches
/// in a paragraph of many.
#[cold]
#[inline(never)]
fn search_caps(in_para: &[u32], first: usize, a: usize, b: usize) -> (usize, usize) {
    let at = |t: usize| first + in_para.partition_point(|&c| (c as usize) < t);
    (at(a), at(b))
}

/// The runs of all paragraphs `paras` (of [`LowerWords`] `lower_words`), each passed to `emit`
/// with its paragraph's index: one pass over the article's capitalised words, where a pass per
/// paragraph mispredicted at the end of each.
fn article_runs<'p>(
    paras: &'p [Para<'p>],
    lower_words: &LowerWords<'p>,
    bufs: &mut RunBufs<'p>,
    emit: impl FnMut(usize, Run<'p>),
) {
    let whole = |k: usize| {
        let pi = lower_words.cap_para[k] as usize;
        let para = &paras[pi];
        (pi, para, 0, para.toks.len())
    };
    read_runs(0, lower_words.n_caps(), whole, lower_words, bufs, emit);
}

/// Whether token `j` of `para` (tokens up to `b`) is the apostrophe of a plural's possessive
/// inside an organisation's name: right after a word in "s", before the name's head word ("Road
/// Hauliers' Federation", "Musicians' Guild", "Landlords' Association").
#[inline]
fn plural_possessive_in_org(para: &Para, j: usize, b: usize) -> bool {
    // (most tokens after a capitalised word are no apostrophe: told inline)
    j + 1 < b
        && matches!(para.toks[j].kind, TK::Punct('\'' | '’'))
        && plural_apostrophe_in_org(para, j)
}

/// [`plural_possessive_in_org`] of an apostrophe `j`, not the last token.
#[inline(never)]
fn plural_apostrophe_in_org(para: &Para, j: usize) -> bool {
    let toks = &para.toks;
    j > 0
        && toks[j - 1].end == toks[j].start
        && para.w(j - 1).ends_with('s')
        && para.is_w(j + 1)
        && para.is_cap(j + 1)
        && (org_word_kind(para.w(j + 1)).is_some()
            || matches!(
                para.lw(j + 1),
                "guild" | "collective" | "confederation" | "movement" | "campaign"
            ))
}

/// The runs that start at capitalised words `k..k_end` of `lower_words` (the first at `k` or
/// at the first after it that may start one), each passed to `emit` with its paragraph's
/// index. `at` tells the paragraph of a word (its index and itself) and the tokens `a..b` of it
/// read.
fn read_runs<'p, 'x: 'p>(
    mut k: usize,
    k_end: usize,
    at: impl Fn(usize) -> (usize, &'p Para<'x>, usize, usize),
    lower_words: &LowerWords<'p>,
    bufs: &mut RunBufs<'p>,
    mut emit: impl FnMut(usize, Run<'p>),
) {
    let RunBufs { words, lows } = bufs;
    let (caps, info) = (&lower_words.caps, &lower_words.info);
    k += info[k].skip as usize;
    while k < k_end {
        let (pi, para, a, b) = at(k);
        let (p, toks) = (para.p, &para.toks);
        let pb = p.as_bytes();
        let i = caps[k] as usize;
        let c = &info[k];
        let t = &toks[i];
        let bare_end = t.end - usize::from(c.cut);
        let the = (i > a) & (c.bits & C_THE != 0);
        // most runs are one word: told once, with none of the tests of a longer run's words
        // after it, each of which mispredicted at about every other run
        if (c.bits & C_JOINS == 0) | (c.cut > 0) | (i + 1 >= b) {
            k += 1;
            k += info[k].skip as usize;
            // (a connector or title alone is no name)
            if (c.bits & C_TITLE == 0) & !is_connector(c.low.0) {
                emit(
                    pi,
                    Run {
                        name: Cow::Borrowed(&p[t.start..bare_end]),
                        n_words: 1,
                        start: t.start,
                        end: t.end,
                        first: Some(i),
                        possessive: c.cut > 0,
                        titles: Vec::new(),
                        the,
                        // ([`run_org_kind`] of the one word)
                        org: low_org_kind(c.low.0, c.low.1),
                        // (a possessive word's form is its own, not a slice of the paragraph's)
                        lower: (c.cut == 0).then_some(c.low.0),
                    },
                );
            }
            continue;
        }
        words.clear();
        lows.clear();
        words.push((t.start, bare_end));
        let mut st = RunState::NEW.add_cap(0, c);
        lows.push(c.low);
        let start = t.start;
        let mut end = t.end;
        let mut possessive = c.cut > 0;
        let mut j = i + 1;
        // where the run's last capitalised word is in `caps`: the next one follows it there
        let mut kc = k;
        while !possessive && j < b {
            let tj = &toks[j];
            let single = one_space(pb, toks[j - 1].end, tj.start);
            // (a capitalised token is a word)
            if !tj.cap {
                // a plural's possessive inside an organisation's name: "Road Hauliers'
                // Federation", "Landlords' Association" (the apostrophe is a token of its own)
                if plural_possessive_in_org(para, j, b) {
                    if let Some(w) = words.last_mut() {
                        w.1 = tj.end;
                    }
                    j += 1;
                    continue;
                }
                // connector followed by a capitalised word: a short word before the next
                // capitalised one, one test for most words
                let next = &toks[(j + 1).min(toks.len() - 1)];
                if (j + 1 < b) & next.cap & tj.is_word() & may_connect(pb, tj, lower_words.german)
                    && (single || !has_break(pb, toks[j - 1].end, tj.start))
                    && {
                        let l = para.lw(j);
                        (is_connector(l)
                            && (!matches!(l, "of" | "for" | "für" | "&")
                                || st.org_head
                                || l == "für"
                                    && lows.iter().any(|w| german_org_noun(w.0).is_some()))
                            && info[kc + 1].bits & C_CAP_STOP == 0)
                            || (l == "and" && and_joins(para, j, b, lows, st, &info[kc + 1..]))
                    }
                {
                    words.push((tj.start, tj.end));
                    let lj = low(para.lw(j));
                    st = st.add_after(lows.len(), lj, lows.last().map(|w| w.0));
                    st.spaced &= single;
                    lows.push(lj);
                    j += 1;
                    continue;
                }
                // two short words before a capitalised word that joins (none is left at the
                // run's end, where "den" and "le", no connectors, would not be dropped):
                // - a name's particles, between a first name (after any titles or a leading
                //   noun) and the last: "President Ursula von der Leyen", "Jorge de la Cruz"
                //   (after a full name they say where one works: "Henning Raabe von der
                //   Hochschule Nordhafen", and in German after any name unless the last word
                //   looks like a family name's, [`german_family_name`]);
                // - "in der" in a German organisation's name after "für" and one word:
                //   "Bundesamt für Sicherheit in der Informationstechnik"
                let particles = (j + 2 < b) & !next.cap & next.is_word() & tj.is_word()
                    && toks[j + 2].cap
                    && single
                    && one_space(pb, tj.end, next.start)
                    && one_space(pb, next.end, toks[j + 2].start)
                    && is_particle(para.lw(j))
                    && matches!(para.lw(j + 1), "der" | "den" | "la" | "le" | "de" | "des")
                    && (lows.len() == st.n_titles + 1
                        || lows.len() == 2 && is_leading_noun(lows[0].0, lower_words.german))
                    && (!lower_words.german || german_family_name(para, j + 2));
                let in_der =
                    lower_words.german & (j + 2 < b) & (lows.len() >= 3) && in_der_joins(para, j);
                if (particles || in_der) && info[kc + 1].bits & (C_CAP_STOP | C_NO_INSIDE) == 0 {
                    for t in [j, j + 1] {
                        words.push((toks[t].start, toks[t].end));
                        let lt = low(para.lw(t));
                        st = st.add_after(lows.len(), lt, lows.last().map(|w| w.0));
                        lows.push(lt);
                    }
                    j += 2;
                    continue;
                }
                break;
            }
            // a line break ends a name ("Media Contact\nJordan Price\nClearpath Security")
            if !single && has_break(pb, toks[j - 1].end, tj.start) {
                break;
            }
            // the run's capitalised words are the next ones in `caps`
            debug_assert_eq!(caps[kc + 1] as usize, j);
            let cj = &info[kc + 1];
            if cj.bits & C_NO_INSIDE != 0 {
                break;
            }
            words.push((tj.start, tj.end - usize::from(cj.cut)));
            st = st.add_cap(lows.len(), cj);
            st.spaced &= single;
            lows.push(cj.low);
            end = tj.end;
            j += 1;
            kc += 1;
            possessive = cj.cut > 0;
        }
        // the next run starts after this one's last capitalised word
        k = kc + 1;
        k += info[k].skip as usize;
        // letters after a name ("Jonathan Hale KC", "Sarah Okonjo MP") are no part of it
        // (the word first: most runs end with none, told at its first byte)
        if matches!(
            lows.last().map(|w| w.0),
            Some("kc" | "qc" | "mp" | "msp" | "mep" | "obe" | "mbe" | "cbe" | "kbe")
        ) && lows.len() > 2
        {
            words.pop();
            lows.pop();
        }
        // drop trailing connectors (then the titles are looked for again)
        if lows.last().is_some_and(|w| is_connector(w.0)) {
            while lows.last().is_some_and(|w| is_connector(w.0)) {
                words.pop();
                lows.pop();
            }
            st = lows.iter().enumerate().fold(
                RunState {
                    n_titles: 0,
                    org_after: false,
                    ..st
                },
                |st, (m, w)| st.add_after(m, *w, m.checked_sub(1).map(|k| lows[k].0)),
            );
        }
        // titles: keep what follows the last title word (when a name remains and is no
        // organisation's)
        let mut titles = Vec::new();
        if (st.n_titles > 0) & (st.n_titles < words.len()) && !st.org_after {
            titles = lows[..st.n_titles]
                .iter()
                .map(|w| w.0.trim_end_matches('.').to_string())
                .collect();
            words.drain(..st.n_titles);
            lows.drain(..st.n_titles);
        }
        // German: the organisation kind of a name with "der" or "des" comes from the words
        // before it (the head), and one whose head names no organisation is no name, but for
        // a name after a common noun ("Bericht der Zeitung Handelsblatt")
        let mut org = None;
        // German: a title's organisation ("Präsident des Deutschen Fußball-Bunds, Bernd
        // Neuendorf"): the person is named elsewhere
        if lower_words.german
            && titles.len() >= 2
            && titles.last().is_some_and(|t| t == "der" || t == "des")
        {
            continue;
        }
        if lower_words.german && words.len() >= 3 {
            match german_head(words, lows) {
                Some(k) => org = k,
                None => continue,
            }
        }
        // a leading common noun ("Softwarehersteller Kaspersky", "Юрист Дмитрий Ковалёв")
        // a generic kind noun ("Magazin", "Konzern") is stripped even before an organisation name
        while words.len() >= 2
            && is_leading_noun(lows[0].0, lower_words.german)
            && (matches!(
                lows[0].0,
                "magazin" | "zeitung" | "konzern" | "firma" | "hersteller" | "unternehmen"
            ) || !any_org_word(&lows[1..]))
            && !is_connector(lows[1].0)
        {
            titles.push(lows.remove(0).0.to_string());
            words.remove(0);
        }
        // a nationality after a French article, before a person's two names: "la Française
        // Manon Lefèvre", "l'Ukrainienne" (not "the Canadian Coast Guard", "the European
        // Space Observatory")
        if i > a
            && para.is_w(i - 1)
            && matches!(para.lw(i - 1), "la" | "le")
            && words.len() == 3
            && super::is_demonym(lows[0].0)
            && !any_org_word(&lows[1..])
        {
            titles.push(lows.remove(0).0.to_string());
            words.remove(0);
        }
        // German: a place's genitive and a title before a person's names ("Bayerns
        // Ministerpräsident Ludwig Hainbach", "Österreichs Finanzminister Gernot Pichler")
        if lower_words.german
            && words.len() == 4
            && !st.org_words
            && lows[0].0.ends_with('s')
            && is_leading_noun(lows[1].0, true)
        {
            titles.push(lows[1].0.to_string());
            words.drain(..2);
            lows.drain(..2);
        }
        // Russian: a genitive before a person's first and last names says whose office it is
        // ("пресс-секретарь Кремля Дмитрий Варенков", "Президент Казахстана Нурлан Токаев")
        if words.len() == 3
            && !st.org_words
            && russian_genitive_head(lows, &p[words[0].0..words[0].1])
        {
            words.remove(0);
            lows.remove(0);
        }
        // German: a capitalised word after an article or other determiner is a noun ("auf
        // welchen Geräten Kaspersky", "der Politiker Friedrich Merz"), no first name: not part
        // of a name without an organisation's word
        if lower_words.german && words.len() >= 2 {
            drop_noun_after_determiner(para, i > a, i, &titles, words, lows);
        }
        let only_a_title = words.len() == 1 && is_title_f(lows[0].0, lows[0].1);
        if !words.is_empty() && !only_a_title {
            let name = run_name(p, words, st.spaced);
            emit(
                pi,
                Run {
                    // most runs have no word of an organisation list nor a final dot: one test
                    org: if org.is_some() {
                        org
                    } else if st.org_words {
                        run_org_kind(lows)
                    } else {
                        None
                    },
                    lower: match (&lows[..], &name) {
                        // (a possessive word's form is its own, not a slice of the paragraph's)
                        ([(l, _)], _) if !possessive => Some(l),
                        // several words, as written: the paragraph's lower-case text of them
                        ([_, _, ..], Cow::Borrowed(n)) => para.low_at(words[0].0, n.len()),
                        _ => None,
                    },
                    name,
                    n_words: words.len(),
                    start,
                    end,
                    first: Some(i),
                    possessive,
                    titles,
                    the,
                },
            );
        }
    }
}

/// Whether "and", token `j` of `para`, goes on in the name of run `lows` (state `st`) before
/// the capitalised words whose [`Cap`]s start `next` (tokens before `b`): organisations
/// named by two things, whether a public body named by its common noun and "of"/"for"
/// ("Department of Health and Human Services", "Office of Management and Budget", "Centers for
/// Disease Control and Prevention") or two words before a public body's word ("Food and Drug
/// Administration", "Securities and Exchange Commission"). Two named subjects are no name
/// ("Kaspersky Lab and Microsoft", "Bank of America and Wells Fargo", "the Department of Justice
/// and FBI"): no public body's noun, no public body's word at the end, an acronym or an
/// organisation's common noun after "and". (Rare: out of line.)
#[inline(never)]
fn and_joins(para: &Para, j: usize, b: usize, lows: &[Low], st: RunState, next: &[Cap]) -> bool {
    let Some(first) = next.first() else {
        return false;
    };
    if first.bits & (C_CAP_STOP | C_NO_INSIDE | C_TITLE) != 0
        || first.low.1 & IN_ORG_NOMINALS != 0
        || is_acronym(para.w(j + 1))
    {
        return false;
    }
    // the capitalised words after "and", one space apart, at most three (the next tokens that
    // are capitalised are the next in `next`)
    let mut n = 0;
    while n < next.len()
        && n < 4
        && j + 1 + n < b
        && para.toks[j + 1 + n].cap
        && next[n].bits & C_NO_INSIDE == 0
        && (n == 0
            || one_space(
                para.p.as_bytes(),
                para.toks[j + n].end,
                para.toks[j + 1 + n].start,
            ))
    {
        n += 1;
    }
    if n == 0 || n > 3 {
        return false;
    }
    // (one word after the connector, or two and one after "and": "Department of Homeland
    // Security and Alex Azar" are two)
    let public_body = (lows.len() == 3 && n <= 2 || lows.len() == 4 && n == 1)
        && matches!(lows[1].0, "of" | "for")
        && matches!(
            lows[0].0,
            "department"
                | "ministry"
                | "office"
                | "bureau"
                | "centers"
                | "centres"
                | "center"
                | "centre"
                | "secretary"
                | "institute"
                | "institutes"
                | "council"
                | "committee"
                | "commission"
                | "board"
                | "agency"
                | "administration"
                | "school"
                | "college"
                | "university"
                | "academy"
                | "division"
                | "directorate"
        );
    // (a public body's word, or a company's legal form: companies are coordinated more often
    // than named by two, "McClatchy and Tribune Publishing", but for "Pacific Gas and Electric
    // Co.")
    let last = &next[n - 1];
    let corporate = is_legal_form(last.low.0.trim_end_matches('.'));
    let named_by_two = !st.org_words
        && lows.len() <= 2
        && (corporate || low_org_kind(last.low.0, last.low.1) == Some(OrgKind::Gov));
    public_body || named_by_two
}

/// Whether the three words `lows` of a run are a Russian genitive and a person's first and last
/// names: Cyrillic, the first ending as a genitive does, the second no patronymic ("Владимир
/// Владимирович Путин", "Анна Сергеевна Иванова" are one person).
fn russian_genitive_head(lows: &[Low], first_word: &str) -> bool {
    let cyrillic = |w: &str| w.chars().next().is_some_and(|c| ('а'..='я').contains(&c));
    let [(first, _), (second, _), (third, _)] = lows else {
        return false;
    };
    // (or an acronym, which has no ending: "глава ЦБ Ольга Скворцова")
    [first, second, third].iter().all(|w| cyrillic(w))
        && (["а", "я", "и", "ы", "ого", "его"]
            .iter()
            .any(|e| first.ends_with(e))
            || first.chars().count() <= 3 && first_word.chars().all(|c| c.is_uppercase()))
        && !["вич", "вна", "ична", "ьич"]
            .iter()
            .any(|e| second.ends_with(e))
}

/// A German run of words `words` (lower-case `lows`) read by its head, the words before its
/// first "der" or "des" (after no particle nor "in"): the organisation kind the head gives the
/// name (none without a "der"), or `None` for no name, when the head is no organisation's.
/// A head is an organisation's when a word of it is in an organisation list or the last ends as
/// the compounds of such nouns do ("Bundesministerium", "Landgericht", "Verbraucherzentrale").
/// A name of several words after a common noun is kept, without the head ("Bericht der Zeitung
/// Handelsblatt"), but not after a person's noun ("Präsident des Robert Koch-Instituts, Lothar
/// Wieler": the person is the speaker).
#[inline(never)]
fn german_head(words: &mut Vec<(usize, usize)>, lows: &mut Vec<Low>) -> Option<Option<OrgKind>> {
    let Some(m) = (1..lows.len()).find(|&m| {
        matches!(lows[m].0, "der" | "des") && !is_particle(lows[m - 1].0) && lows[m - 1].0 != "in"
    }) else {
        return Some(None);
    };
    let kind = run_org_kind(&lows[..m]).or_else(|| german_org_noun(lows[m - 1].0));
    if kind.is_some() {
        return Some(kind);
    }
    // (a person's head, "Chef der Deutschen Bank", "Präsident des Robert Koch-Instituts",
    // names the person, whom an apposition names)
    let person = |w: &Low| {
        const PERSON_ENDS: &[&str] = &[
            "ent",
            "entin",
            "tor",
            "torin",
            "chef",
            "chefin",
            "vorsitzende",
            "vorsitzender",
            "meister",
            "meisterin",
            "leiter",
            "leiterin",
            "minister",
            "ministerin",
        ];
        w.1 & (IN_TITLES | IN_PERSON_ROLES | IN_SPOKES) != 0
            || PERSON_ENDS.iter().any(|e| w.0.ends_with(e))
    };

    if words.len() < m + 3 || person(&lows[m - 1]) {
        return None;
    }
    words.drain(..=m);
    lows.drain(..=m);
    Some(None)
}

/// Leaves out of a German run of words `words` (lower-case `lows`, after `titles`) its first
/// word when that comes after an article or other determiner (`after_word`: a word is before it
/// in the range read) and what follows it is a name of its own: a noun before a name ("der
/// Politiker Friedrich Merz", "auf welchen Geräten Kaspersky"). An adjective comes there too
/// ("der Deutschen Bahn", "der Vereinten Nationen", "der Technischen Universität München"): the
/// word stays when the rest is one word that is no known name, or names an organisation.
#[inline(never)]
fn drop_noun_after_determiner(
    para: &Para,
    after_word: bool,
    i: usize,
    titles: &[String],
    words: &mut Vec<(usize, usize)>,
    lows: &mut Vec<Low>,
) {
    let after_determiner = match titles {
        [] => after_word && is_german_determiner(para.lw(i - 1)),
        [t] => is_german_determiner(t),
        _ => false,
    };
    let rest = &lows[1..];
    let rest_is_a_name = match rest {
        [(w, _)] => word_alias(w, w).is_some(),
        _ => !rest.iter().any(|w| {
            w.1 & (IN_ORG_WORDS | IN_OTHER_ORG | IN_ORG_NOMINALS) != 0
                || german_org_noun(w.0).is_some()
        }),
    };
    if after_determiner && rest_is_a_name && !is_connector(rest[0].0) {
        lows.remove(0);
        words.remove(0);
    }
}

/// The endings of German organisations' nouns, compounds included ("Bundesministerium",
/// "Landgericht", "Verbraucherzentrale", "Zentralrat"), with the kind each names.
const GERMAN_ORG_ENDINGS: &[(&str, OrgKind)] = {
    use OrgKind::*;
    &[
        ("ministerium", Gov),
        ("amt", Gov),
        ("behörde", Gov),
        ("gericht", Gov),
        ("regierung", Gov),
        ("kommission", Gov),
        ("polizei", Gov),
        ("agentur", Gov),
        ("senat", Gov),
        ("bundesrat", Gov),
        ("bundestag", Gov),
        ("landtag", Gov),
        ("staatsanwaltschaft", Gov),
        ("ausschuss", Gov),
        ("bank", Company),
        ("konzern", Company),
        ("versicherung", Company),
        ("werke", Company),
        ("institut", Other),
        ("verband", Other),
        ("universität", Other),
        ("hochschule", Other),
        ("stiftung", Other),
        ("gesellschaft", Other),
        ("gewerkschaft", Other),
        ("partei", Other),
        ("zentrum", Other),
        ("akademie", Other),
        ("kammer", Other),
        ("vereinigung", Other),
        ("verein", Other),
        ("zentrale", Other),
        ("union", Other),
        ("bund", Other),
        ("rat", Other),
        ("komitee", Other),
        ("gremium", Other),
        ("liga", Other),
    ]
};

/// The organisation kind a German noun `head` names by its ending ([`GERMAN_ORG_ENDINGS`]; in
/// the genitive too: "des Bundesministeriums", "des Landesamts").
fn german_org_noun(head: &str) -> Option<OrgKind> {
    // most nouns end otherwise: told by their last three bytes before the endings are read
    static TAILS: std::sync::LazyLock<FxSet<&'static [u8]>> = std::sync::LazyLock::new(|| {
        GERMAN_ORG_ENDINGS
            .iter()
            .map(|(e, _)| &e.as_bytes()[e.len() - 3..])
            .collect()
    });
    fn tail(w: &str) -> &[u8] {
        &w.as_bytes()[w.len().saturating_sub(3)..]
    }
    let bare = [Some(head), head.strip_suffix('s'), head.strip_suffix("es")]
        .into_iter()
        .flatten()
        .find(|w| TAILS.contains(tail(w)))?;
    // (the first ending in the list that fits: "Bundesrat" before "rat")
    GERMAN_ORG_ENDINGS
        .iter()
        .find(|(e, _)| bare.ends_with(e))
        .map(|&(_, k)| k)
}

/// The runs of `paras` into `all_runs` (their paragraphs into `run_para`), with `other` names
/// (in paragraph and text order, each with its paragraph) put in their places: the runs inside
/// one ("США" of "Министерство торговли США") are left out.
#[cold]
#[inline(never)]
fn put_among_runs<'p>(
    paras: &'p [Para<'p>],
    lower_words: &LowerWords<'p>,
    bufs: &mut RunBufs<'p>,
    other: Vec<(u32, Run<'p>)>,
    all_runs: &mut Vec<Run<'p>>,
    run_para: &mut Vec<u32>,
) {
    let mut other = other.into_iter().peekable();
    // (the end of the last other name put in, and its paragraph)
    let mut covered = (0, 0);
    article_runs(paras, lower_words, bufs, |pi, r| {
        let pi = pi as u32;
        while let Some((op, o)) = other.next_if(|(op, o)| (*op, o.start) < (pi, r.start)) {
            covered = (op, o.end);
            all_runs.push(o);
            run_para.push(op);
        }
        if !(covered.0 == pi && r.start < covered.1) {
            all_runs.push(r);
            run_para.push(pi);
        }
    });
    for (op, o) in other {
        all_runs.push(o);
        run_para.push(op);
    }
}

/// Whether articles in `lang` write organisations' names in quote marks, as Russian and French
/// do («Лаборатория Касперского», la société « Kaspersky »), where English quotes a title or a
/// nickname ("Patriot").
pub fn quotes_names(lang: Lang) -> bool {
    matches!(lang, Lang::Ru | Lang::Fr)
}

/// The organisations' names in `paras` that runs miss, in paragraph and text order, each with
/// its paragraph: those quoted ([`quoted_name`]) and, in Russian, the known ones with words in
/// lower case ([`lower_case_names`]).
#[cold]
#[inline(never)]
fn other_names<'p>(paras: &'p [Para<'p>], lang: Lang) -> Vec<(u32, Run<'p>)> {
    let mut other = Vec::new();
    for (pi, para) in paras.iter().enumerate() {
        let from = other.len();
        if !para.spans.is_empty() {
            other.extend(quoted_names(para, 0, para.toks.len()).map(|r| (pi as u32, r)));
        }
        if lang == Lang::Ru {
            other.extend(lower_case_names(para).map(|r| (pi as u32, r)));
            other[from..].sort_by_key(|(_, r)| r.start);
        }
    }
    other
}

/// The known organisations' names with words in lower case ([`LOWER_CASE_ALIASES`]) in
/// `para`, as runs: whole words only. Each name is looked for where its first word in lower
/// case is, found by one search per such word.
fn lower_case_names<'p>(para: &Para<'p>) -> impl Iterator<Item = Run<'p>> + use<'p> {
    let p: &'p str = para.p;
    LOWER_CASE_ALIASES.iter().flat_map(move |key| {
        key.finder.find_iter(p.as_bytes()).flat_map(move |at| {
            key.names.iter().filter_map(move |&(name, offset)| {
                let start = at.checked_sub(offset)?;
                let end = start + name.len();
                let whole = p.get(start..end)? == name
                    && !p[..start].chars().next_back().is_some_and(is_alnum)
                    && !p[end..].chars().next().is_some_and(is_alnum);
                whole.then(|| Run::of_name(Cow::Borrowed(&p[start..end]), start, end))
            })
        })
    })
}

/// Adds to `runs` of tokens `a..b` of `para` the organisations' names quoted there
/// ([`quoted_name`]), each in its place. (Rare: out of line.)
#[cold]
#[inline(never)]
pub fn add_quoted_names<'p>(para: &Para<'p>, a: usize, b: usize, runs: &mut Vec<Run<'p>>) {
    for r in quoted_names(para, a, b) {
        let at = runs.partition_point(|x| x.start < r.start);
        runs.insert(at, r);
    }
}

/// The organisations' names quoted in tokens `a..b` of `para` ([`quoted_name`]), in order.
fn quoted_names<'p, 'a>(
    para: &'a Para<'p>,
    a: usize,
    b: usize,
) -> impl Iterator<Item = Run<'p>> + use<'p, 'a> {
    (a..b).filter_map(move |q| {
        let si = para.toks[q].quote()?;
        quoted_name(para, &para.spans[si], q)
    })
}

/// Whether quoted span `s` of `para` holds what may be a name: closed, of up to 64 bytes and
/// four words, capitalised ("«Ведомости»", "« Le Monde »"), where speech is longer or starts in
/// lower case.
pub fn name_like_span(para: &Para, s: &Span) -> bool {
    para.p.get(s.start..s.end).is_some_and(|inner| {
        s.closed
            && inner.len() <= 64
            && inner.split(' ').count() <= 4
            && inner.chars().next().is_some_and(is_upper)
            && !inner.contains(['.', ',', '!', '?'])
    })
}

/// The organisation's name quoted in span `s` (token `q` of `para`), if it is one: a
/// capitalised name of up to four words, one space apart, that names an organisation
/// ([`run_kind`]: a known one, an acronym, one with an organisation's word) or follows a common
/// noun of organisations ("компания «Газпром»", "la société « Kaspersky »").
fn quoted_name<'p>(para: &Para<'p>, s: &Span, q: usize) -> Option<Run<'p>> {
    let p: &'p str = para.p;
    let inner = p.get(s.start..s.end)?;
    if !s.closed || inner.len() > 64 {
        return None;
    }
    // the common noun before it, if it is one: its kind is the name's
    // (or a spokes-word: "в пресс-службе «Газпрома»")
    let nominal = q.checked_sub(1).filter(|&k| para.is_w(k)).and_then(|k| {
        let w = para.lw(k);
        ORG_NOMINALS
            .get(w)
            .copied()
            .or_else(|| SPOKES.contains(w).then_some(OrgKind::Any))
    });
    // short speech ("«Это сигнал»") is told from a name by a word in lower case, unless a
    // common noun comes before ("компания «Газпром нефть»")
    for (k, w) in inner.split(' ').enumerate() {
        let first = w.chars().next()?;
        let name_word = (is_upper(first) || (nominal.is_some() && k > 0))
            && w.chars()
                .all(|c| is_alnum(c) || matches!(c, '-' | '&' | '.' | '\'' | '’'));
        if !name_word || k >= 4 {
            return None;
        }
    }
    let mut run = Run::of_name(Cow::Borrowed(inner), s.start, s.end);
    match run_kind(&run) {
        Kind::Org(_) => Some(run),
        _ => {
            run.org = Some(nominal?);
            Some(run)
        }
    }
}

/// Whether capitalised word `k` of a German paragraph `para`, after particles ("von der"),
/// ends a family name ("Ursula von der Leyen") rather than says where one works ("Raabe von der
/// Hochschule", "von der Polizei", "von der CDU", "von der Deutschen Bank"): the last word of
/// the name, in no list of organisations' words, no acronym, not ending as German common nouns
/// do. (Rare: asked out of line.)
#[inline(never)]
fn german_family_name(para: &Para, k: usize) -> bool {
    const NOUN_ENDS: &[&str] = &[
        "e", "ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ie", "ik", "ur", "nis", "tum",
        "anz", "enz", "ern",
    ];
    let l = para.lw(k);
    para.toks.get(k + 1).is_none_or(|t| !t.cap)
        && list_flags(l) & (IN_ORG_WORDS | IN_OTHER_ORG | IN_ORG_NOMINALS | IN_GENERIC) == 0
        && german_org_noun(l).is_none()
        && !is_acronym(para.w(k))
        && !NOUN_ENDS.iter().any(|e| l.ends_with(e))
        // the parties: "von der Linken", "von den Grünen"
        && !matches!(l, "linken" | "grünen")
}

/// Whether token `t` of a German paragraph `para` is a particle that [`runs`] joins to a family
/// name ("von" of "Ursula von der Leyen"), or the "in" of "für X in der Y" ([`in_der_joins`]):
/// a subject phrase after a cue goes on over it.
pub fn german_name_goes_on(para: &Para, t: usize) -> bool {
    let toks = &para.toks;
    in_der_joins(para, t)
        || (t >= 1 && t + 2 < toks.len())
            && toks[t - 1].cap
            && toks[t + 2].cap
            && is_particle(para.lw(t))
            && matches!(para.lw(t + 1), "der" | "den")
            && german_family_name(para, t + 2)
}

/// Whether "Le" or "La" at token `i` of a French paragraph `para` is inside a name: a
/// capitalised word before it and after it, one space apart ("Marine Le Pen").
fn french_name_article(para: &Para, i: usize) -> bool {
    let (toks, pb) = (&para.toks, para.p.as_bytes());
    i > 0
        && i + 1 < toks.len()
        && toks[i].cap
        && toks[i - 1].cap
        && toks[i + 1].cap
        && toks[i - 1].is_word()
        && toks[i + 1].is_word()
        && one_space(pb, toks[i - 1].end, toks[i].start)
        && one_space(pb, toks[i].end, toks[i + 1].start)
}

/// Whether the capitalised word "Press" at token `i` of `para` is part of a name ("Wrenfield
/// Press", "the Associated Press"): after a capitalised word, and before no word of a press
/// office ("Press Secretary", "press office").
fn press_in_name(para: &Para, i: usize) -> bool {
    i > 0
        && para.toks[i - 1].cap
        && !(para.is_w(i + 1)
            && matches!(
                para.lw(i + 1),
                "office" | "secretary" | "service" | "officer" | "release" | "team"
            ))
}

/// Whether token `j` of `para` is the "in" of "für X in der Y", which goes on a German
/// organisation's name ("Bundesamt für Sicherheit in der Informationstechnik"), each word parted
/// from the next by one space. (Rare: asked out of line.)
#[inline(never)]
pub fn in_der_joins(para: &Para, j: usize) -> bool {
    let (toks, pb) = (&para.toks, para.p.as_bytes());
    j >= 2
        && j + 2 < toks.len()
        && toks[j + 2].cap
        && toks[j - 1].cap
        && para.lw(j) == "in"
        && para.lw(j + 1) == "der"
        && para.lw(j - 2) == "für"
        && (j - 2..j + 2).all(|t| one_space(pb, toks[t].end, toks[t + 1].start))
}

/// Whether one space parts a word ending at `end` from the next, starting at `start`.
fn one_space(p: &[u8], end: usize, start: usize) -> bool {
    (start == end + 1) & (p[end] == b' ')
}

/// Whether the gap between a word ending at `end` and the next starting at `start` holds a line
/// break: asked only when it is not [`one_space`].
fn has_break(p: &[u8], end: usize, start: usize) -> bool {
    p[end..start].contains(&b'\n')
}

/// The words of a run (at their offsets in `p`) joined by single spaces: borrowed from `p`
/// where one space parts each word from the next there, as in most names (known when
/// `spaced`).
#[inline]
fn run_name<'p>(p: &'p str, words: &[(usize, usize)], spaced: bool) -> Cow<'p, str> {
    if spaced
        || words
            .windows(2)
            .all(|w| w[1].0 == w[0].1 + 1 && p.as_bytes()[w[0].1] == b' ')
    {
        return Cow::Borrowed(&p[words[0].0..words[words.len() - 1].1]);
    }
    // `join(" ")`, whose generic copy costs more than the few short words it joins
    let mut name = String::with_capacity(words.iter().map(|w| w.1 - w.0 + 1).sum());
    for (k, &(a, b)) in words.iter().enumerate() {
        if k > 0 {
            name.push(' ');
        }
        name.push_str(&p[a..b]);
    }
    Cow::Owned(name)
}

/// Lower-case form of a word without its possessive ending (`bare`, `stripped` from
/// [`strip_poss`]): the word's lower-case form `l` when nothing was stripped, with no str of
/// the bare word sliced then.
fn lower_bare<'p>(l: &'p str, bare: impl FnOnce() -> &'p str, stripped: bool) -> Cow<'p, str> {
    if stripped {
        lower(bare())
    } else {
        Cow::Borrowed(l)
    }
}

/// The last word of `s` without the characters around it that are no letter or digit
/// (`s.split_whitespace().next_back()` trimmed so), asked before every name: read as bytes when
/// they are ASCII, where the standard library decodes each character.
fn word_before(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let mut end = b.len();
    while end > 0 && is_ascii_space(b[end - 1]) {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && !is_ascii_space(b[start - 1]) {
        start -= 1;
    }
    if !b[start..].is_ascii() {
        return s
            .split_whitespace()
            .next_back()
            .map(|w| w.trim_matches(|c: char| !is_alnum(c)));
    }
    (end > start).then(|| trim_ascii_word(s, start, end))
}

/// The first word of `s`, trimmed as [`word_before`] trims the last
/// (`s.split_whitespace().next()` trimmed so), read as bytes when it is ASCII.
fn first_word(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let start = b
        .iter()
        .position(|&x| !is_ascii_space(x))
        .unwrap_or(b.len());
    let end = b[start..]
        .iter()
        .position(|&x| is_ascii_space(x))
        .map_or(b.len(), |k| start + k);
    if !b[start..end].is_ascii() {
        return s
            .split_whitespace()
            .next()
            .map(|w| w.trim_matches(|c: char| !is_alnum(c)));
    }
    (end > start).then(|| trim_ascii_word(s, start, end))
}

/// `s[start..end]`, an ASCII word, without the characters at its ends that are no letter or
/// digit (what `trim_matches(|c| !is_alnum(c))` leaves of it).
fn trim_ascii_word(s: &str, start: usize, end: usize) -> &str {
    let w = &s.as_bytes()[start..end];
    let lead = w.iter().take_while(|x| !x.is_ascii_alphanumeric()).count();
    let trail = w[lead..]
        .iter()
        .rev()
        .take_while(|x| !x.is_ascii_alphanumeric())
        .count();
    &s[start + lead..end - trail]
}

/// Whether the first word of apposition `app` ([`first_word`]) opens the description of a
/// person: article languages "a former investigator", Russian "эксперт по ...". An ASCII word,
/// as most are, is compared without lower-casing it.
fn opens_description(app: &str) -> bool {
    const OPENERS: [&str; 7] = ["a", "an", "the", "its", "his", "her", "their"];
    /// [`OPENERS`] as [`opener_key`]s, worked out once at compile time.
    const OPENER_KEYS: [u64; OPENERS.len()] = {
        let mut keys = [0; OPENERS.len()];
        let mut k = 0;
        while k < OPENERS.len() {
            keys[k] = opener_key(OPENERS[k].as_bytes());
            k += 1;
        }
        keys
    };
    // most appositions open with ASCII letters or digits and a space within their first eight
    // bytes: that is the first word, compared lower-cased with each opener as one u64 (the
    // letters and digits, whose 0x20 bit is their lower case, with zeros after them), with no
    // scan of the bytes that stops at a varying one
    if let Some(head) = app.as_bytes().first_chunk::<8>() {
        let k = first_non_alnum(*head);
        if (1..8).contains(&k) && is_ascii_space(head[k]) {
            let mask = (1u64 << (8 * k)) - 1;
            let key = (u64::from_le_bytes(*head) | 0x2020_2020_2020_2020) & mask;
            return OPENER_KEYS.iter().fold(false, |m, &o| m | (key == o));
        }
    }
    first_word(app).is_some_and(|w| {
        if w.is_ascii() {
            return OPENERS.iter().any(|a| w.eq_ignore_ascii_case(a));
        }
        let w = lower(w);
        OPENERS.contains(&w.as_ref()) || (!w.is_ascii() && PERSON_ROLES.contains(w.as_ref()))
    })
}

/// Lower-case word `o` of at most eight bytes as a u64, its first byte lowest, zeros after it.
const fn opener_key(o: &[u8]) -> u64 {
    let (mut key, mut k) = (0, o.len());
    while k > 0 {
        k -= 1;
        key = key << 8 | o[k] as u64;
    }
    key
}

/// ASCII white space as `char::is_whitespace` has it.
fn is_ascii_space(x: u8) -> bool {
    matches!(x, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Whether `w` is a person's role ("official", "lawyer"): see [`role_of`].
pub fn is_person_role(w: &str) -> bool {
    role_of(w).is_some()
}

/// `w` lower-cased when that is a person's role ("analyst"): told of most words by a filter,
/// without lower-casing them.
fn role_of(w: &str) -> Option<Cow<'_, str>> {
    if !ROLE_FILTER.may_contain_lower_of(w) {
        return None;
    }
    let l = lower(w);
    PERSON_ROLES.contains(l.as_ref()).then_some(l)
}

/// [`role_of`] the word before a run of `para` that starts at byte `start` and token `first`
/// ([`Run::first`]; [`word_before`] its start): the token before
/// when that is an ASCII word, parted from the run by one space and from what precedes it by
/// white space, with a letter or digit at each end (then it is that word, trimmed of nothing),
/// told by its digest and lower-case form without reading the text again.
fn role_before<'p>(para: &'p Para, first: Option<usize>, start: usize) -> Option<Cow<'p, str>> {
    let (p, toks) = (para.p.as_bytes(), &para.toks);
    if let Some(first) = first {
        // before the paragraph's first token there is white space alone (the tokenizer skips
        // nothing else): no word
        let k = first.checked_sub(1)?;
        let t = &toks[k];
        // told together, each without a branch of its own: which of them fails varies from
        // run to run (every byte read is in the paragraph: a token is not empty, and the run
        // starts at or after its end)
        if t.is_word()
            & t.ascii
            & (start == t.end + 1)
            & (p[t.end] == b' ')
            & ((t.start == 0) | is_ascii_space(p[t.start.saturating_sub(1)]))
            & p[t.start].is_ascii_alphanumeric()
            & p[t.end - 1].is_ascii_alphanumeric()
        {
            let l = para.lw(k);
            if ROLE_FILTER.may_contain_digest(t.digest) && PERSON_ROLES.contains(l) {
                return Some(Cow::Borrowed(l));
            }
            return german_role(l, para.is_cap(k)).then_some(Cow::Borrowed(l));
        }
    }
    let w = word_before(&para.p[..start])?;
    role_of(w).or_else(|| {
        let l = lower(w);
        german_role(&l, w.chars().next().is_some_and(is_upper)).then_some(l)
    })
}

/// The gender a Russian surname tells by its ending ("Мухина", "Иванова", "Орловская" a
/// woman's; "Кольцов", "Гончаренко" no), as (male, female) counts.
fn ru_surname_gender(name: &str) -> (i32, i32) {
    let Some(last) = name.split_whitespace().next_back() else {
        return (0, 0);
    };
    if !last.chars().next().is_some_and(is_cyrillic) {
        return (0, 0);
    }
    let ends = |list: &[&str]| list.iter().any(|e| last.ends_with(e));
    if ends(&["ова", "ева", "ёва", "ина", "ына", "ская", "цкая"]) {
        (0, 2)
    } else if ends(&["ов", "ев", "ёв", "ин", "ын", "ский", "цкий"]) {
        (2, 0)
    } else {
        (0, 0)
    }
}

/// A Russian role before a name over the words that complete it, up to four ("министр
/// транспорта края Константин Димитров", "председатель комиссии по градостроительству Андрей
/// Кольцов"), in text `before` the name: none past a mark.
fn ru_role_before(before: &str) -> Option<String> {
    let first = before.trim_end().chars().next_back()?;
    if !is_cyrillic(first) {
        return None;
    }
    for w in before.split_whitespace().rev().take(5) {
        if !w.chars().all(|c| is_alpha(c) || c == '-') {
            return None;
        }
        let l = w.to_lowercase();
        if PERSON_ROLES.contains(l.as_str()) {
            return Some(l);
        }
    }
    None
}

/// Whether lower-case word `l`, capitalised in the text when `cap`, is a German role noun
/// before a name ("Bundesgesundheitsministerin Karin Lehmberg", "Kämmerer Lutz Bräuninger"):
/// a role a later "die Ministerin" refers back to ([`Index::has_role`] matches a compound by
/// its last part), and a woman's when it ends in "-in".
pub fn german_role(l: &str, cap: bool) -> bool {
    cap && l.len() >= 6 && !l.contains('.') && is_leading_noun(l, true)
}

/// How many of the first pieces ([`alnum_pieces`]) of the text after a person's mention are
/// read for a pronoun.
const PRONOUN_PIECES: usize = 40;

/// The gender a pronoun after a person's mention gives it, as (male, female) counts: the first
/// of the first [`PRONOUN_PIECES`] pieces of `seg` that is a male or female pronoun ("ihr" and
/// "ihre" count for neither). The ASCII pieces, most of them, are read eight bytes
/// at a time ([`first_non_alnum`]) and looked up lower-cased as one u64 in [`PRONOUN_TABLE`]:
/// no branch per byte, nor a lower-casing, nor a string compare per pronoun, that mispredicted
/// at every piece. At a piece with other characters the rest is read
/// piece by piece.
fn pronoun_after(seg: &str) -> (i32, i32) {
    let b = seg.as_bytes();
    // `i` is at the start of piece `piece`, or within it after eight of its bytes (`in_long`)
    let (mut i, mut piece, mut start, mut in_long) = (0, 0, 0, false);
    while i < b.len() && piece < PRONOUN_PIECES {
        let chunk: [u8; 8] = match b.get(i..i + 8) {
            Some(c) => c.try_into().unwrap(),
            None => {
                let mut c = [0; 8];
                c[..b.len() - i].copy_from_slice(&b[i..]);
                c
            }
        };
        start = if in_long { start } else { i };
        let n = first_non_alnum(chunk);
        let long = n == 8;
        // the separator after the piece: an ASCII byte, general punctuation (U+2000..U+203F,
        // quotation marks and dashes, no letter or digit), or the end
        let sep = match b.get(i + n) {
            Some(&x) if x < 0x80 => 1,
            Some(0xe2) if b.get(i + n + 1) == Some(&0x80) => 3,
            Some(_) => return pronoun_in(alnum_pieces(&seg[start..]).take(PRONOUN_PIECES - piece)),
            None => 1,
        };
        // (a piece of eight bytes or more is none of them: its key is no pronoun's)
        let mask = ((1u128 << (8 * n)) - 1) as u64;
        let key = (u64::from_le_bytes(chunk) | 0x2020_2020_2020_2020) & mask;
        let (male, female) = PRONOUN_TABLE.gender(key);
        if (male | female) & !in_long {
            return (i32::from(male), i32::from(female));
        }
        i += n + sep * usize::from(!long);
        piece += usize::from(!long);
        in_long = long;
    }
    (0, 0)
}

/// [`pronoun_after`] of `pieces`, read one by one.
fn pronoun_in<'s>(pieces: impl Iterator<Item = (&'s str, bool)>) -> (i32, i32) {
    for (w, ascii) in pieces {
        // ([`WordFilter::may_contain_lower_of`], the piece known to be ASCII)
        if ascii && !PRONOUN_FILTER.may_contain(w) {
            continue;
        }
        let lw = lower(w);
        if is_male_pronoun(&lw) && lw != "ihr" {
            return (1, 0);
        }
        if is_female_pronoun(&lw) && lw != "ihr" && lw != "ihre" {
            return (0, 1);
        }
    }
    (0, 0)
}

/// The ASCII male and female pronouns [`pronoun_after`] counts (of at most seven bytes, as all
/// are), as [`opener_key`]s in a table of 64 slots without collisions: a key's slot is the top
/// six bits of the key times [`PronounTable::mul`], which is found at compile time. One load and
/// compare tell a piece, where comparing it with every pronoun's key took one each.
struct PronounTable {
    mul: u64,
    /// the key of each slot, [`NO_KEY`] for the empty ones
    keys: [u64; 64],
    /// bit `s` set when slot `s` holds a male pronoun
    male: u64,
}

impl PronounTable {
    /// The slot of `key`.
    const fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(self.mul) >> 58) as usize
    }

    /// Whether `key` is that of a male and of a female pronoun.
    fn gender(&self, key: u64) -> (bool, bool) {
        let s = self.slot(key);
        let hit = self.keys[s] == key;
        let male = self.male >> s & 1 != 0;
        (hit & male, hit & !male)
    }
}

/// A key no piece has: its bytes are no ASCII letters or digits.
const NO_KEY: u64 = u64::MAX;

/// [`PronounTable`] of [`MALE_PRONOUNS`] and [`FEMALE_PRONOUNS`], "ihr" and "ihre" left out.
static PRONOUN_TABLE: PronounTable = {
    let mut t = PronounTable {
        mul: 0x9e37_79b9_7f4a_7c15,
        keys: [NO_KEY; 64],
        male: 0,
    };
    'search: loop {
        t.keys = [NO_KEY; 64];
        t.male = 0;
        let mut g = 0;
        while g < 2 {
            let words = if g == 0 {
                MALE_PRONOUNS
            } else {
                FEMALE_PRONOUNS
            };
            let mut k = 0;
            while k < words.len() {
                let w = words[k].as_bytes();
                if w.is_ascii() && w.len() < 8 && !eq_bytes(w, b"ihr") && !eq_bytes(w, b"ihre") {
                    let key = opener_key(w);
                    let s = t.slot(key);
                    if t.keys[s] != NO_KEY {
                        // a collision: the next odd multiplier
                        t.mul = t.mul.wrapping_add(0x2545_f491_4f6c_dd1e);
                        continue 'search;
                    }
                    t.keys[s] = key;
                    t.male |= ((g == 0) as u64) << s;
                }
                k += 1;
            }
            g += 1;
        }
        break t;
    }
};

/// `a == b`, at compile time.
const fn eq_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

/// A role word of an entity (a title, "spokeswoman", ...): counts towards its gender and is kept
/// in its roles under its full form.
fn add_role(e: &mut Traits, rl: &str) {
    match rl {
        "mr" | "spokesman" | "chairman" | "congressman" | "businessman" | "herr" | "monsieur"
        | "m" => e.male += 3,
        "mrs" | "ms" | "miss" | "spokeswoman" | "chairwoman" | "congresswoman"
        | "businesswoman" | "frau" | "mme" | "madame" => e.female += 3,
        _ => {}
    }
    let rl = match rl {
        "sen" => "senator",
        "rep" => "representative",
        "adm" => "admiral",
        "gen" => "general",
        "prof" => "professor",
        "gov" => "governor",
        x => x,
    };
    e.add_role_word(rl);
}

impl Run<'_> {
    /// Calls `f` with the name lower-cased, lowered only if the run does not have it.
    pub fn with_lower<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        match self.lower {
            Some(l) => f(l),
            None => with_lower(&self.name, f),
        }
    }
}

/// The kind of run `r`.
pub fn run_kind(r: &Run) -> Kind {
    let alias = match r.lower {
        // one word, lower-cased already; as in alias_target, a name is no alias of itself
        Some(l) if r.n_words == 1 => word_alias(&r.name, l).filter(|&c| c != r.name),
        lower => alias_target(&r.name, lower),
    };
    match alias {
        Some(c) => ALIAS_KIND.get(c).copied().unwrap_or_else(|| alias_kind(c)),
        None => listed_kind(&r.name, r.n_words, &r.titles, r.org),
    }
}

/// The highest of organisation kinds `kinds` by precedence media > government > company >
/// other (the last of equals).
fn best_org_kind(kinds: impl Iterator<Item = Option<OrgKind>>) -> Option<OrgKind> {
    let rank = |k: &OrgKind| match k {
        OrgKind::Media => 3,
        OrgKind::Gov => 2,
        OrgKind::Company => 1,
        _ => 0,
    };
    kinds.flatten().max_by_key(rank)
}

/// [`Run::org`] of a name: its words joined by spaces.
pub fn name_org_kind(joined: &str) -> Option<OrgKind> {
    best_org_kind(split_spaces(joined).map(|w| org_word_kind(w.trim_end_matches('.'))))
}

/// The number of words of a name.
fn name_word_count(name: &str) -> usize {
    name.bytes().filter(|&b| b == b' ').count() + 1
}

/// The canonical organisation a name (its words joined by spaces, lower-cased `lower` when known)
/// is an alias of, unless the name is that canonical form itself.
fn alias_target(joined: &str, lower: Option<&str>) -> Option<&'static str> {
    org_alias_lower(joined, lower).filter(|&c| c != joined)
}

/// [`run_kind`] of a name that is no alias, from its `n` words joined by spaces, `titles` and
/// the organisation kind `org` its words give.
fn listed_kind(joined: &str, n: usize, titles: &[String], org: Option<OrgKind>) -> Kind {
    if let Some(k) = org {
        return Kind::Org(k);
    }
    if n == 1 && is_acronym(joined) {
        return Kind::Org(OrgKind::Any);
    }
    if titles.iter().any(|t| {
        matches!(
            t.as_str(),
            "mr" | "mrs" | "ms" | "dr" | "sen" | "rep" | "prof" | "adm" | "miss"
        )
    }) {
        return Kind::Person;
    }
    if (2..=4).contains(&n) {
        return Kind::Person;
    }
    Kind::Unknown
}

/// [`run_kind`] of an alias of canonical organisation `c` (computed: [`ALIAS_KIND`] is built
/// from it).
fn alias_kind(c: &str) -> Kind {
    let n = name_word_count(c);
    let k = match alias_target(c, None) {
        Some(c2) => alias_kind(c2),
        None => listed_kind(c, n, &[], name_org_kind(c)),
    };
    if k == Kind::Unknown || k == Kind::Person {
        Kind::Org(OrgKind::Company)
    } else {
        k
    }
}

/// [`alias_kind`] of every canonical name in [`ORG_ALIASES`]: a sixth of the runs are aliases,
/// whose canonical name's kind would otherwise be worked out again each time.
static ALIAS_KIND: std::sync::LazyLock<FxMap<&'static str, Kind>> =
    std::sync::LazyLock::new(|| {
        ORG_ALIASES
            .iter()
            .map(|&(_, c)| (c, alias_kind(c)))
            .collect()
    });

/// The name as written, from the run's words joined by spaces (`n`, its [`Run::name`]) and
/// `kind`, its [`run_kind`]. It only ever lengthens `n` ("The" before a media name): the build
/// tells a name left as the run's by its length alone, and borrows its lower case then.
fn display_name<'p>(r: &Run, kind: Kind, n: Cow<'p, str>) -> Cow<'p, str> {
    if r.the && matches!(kind, Kind::Org(OrgKind::Media)) && r.n_words >= 2 {
        Cow::Owned(format!("The {n}"))
    } else {
        n
    }
}

/// Indices `0..n` of `n` keys grouped by key (those of no key left out), each group in index
/// order: a counting sort, two passes over the keys, no sort and no Vec per group. The mentions
/// of each entity ([`Index::last_mention_before`]) and of each kind of entity (the resolver's).
#[derive(Debug)]
pub struct Groups {
    /// the indices of group `k`: `order[starts[k]..starts[k + 1]]`
    order: Vec<u32>,
    starts: Vec<usize>,
}

impl Groups {
    /// The indices of `keys` grouped by key, each key below `groups`.
    pub fn new(groups: usize, keys: impl Iterator<Item = Option<usize>> + Clone) -> Groups {
        let mut starts = vec![0; groups + 1];
        for k in keys.clone().flatten() {
            starts[k + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        // each group filled from its start
        let mut next = starts.clone();
        let mut order = vec![0; starts[groups]];
        for (i, k) in keys.enumerate() {
            if let Some(k) = k {
                order[next[k]] = i as u32;
                next[k] += 1;
            }
        }
        Groups { order, starts }
    }

    /// The indices of group `k`, in order.
    pub fn of(&self, k: usize) -> &[u32] {
        &self.order[self.starts[k]..self.starts[k + 1]]
    }
}

/// The number of persons of a `by_last` list past which [`Index::person_of_last`] reads it
/// into [`SurnamePersons`].
const LONG_LAST: usize = 16;

/// The persons of a long `by_last` list: the first mentioned of each last word, and of each
/// last word's first five characters.
#[derive(Debug, Default)]
struct SurnamePersons {
    by_word: FxMap<Box<str>, usize>,
    by_prefix: FxMap<Box<str>, usize>,
}

impl SurnamePersons {
    /// [`Index::person_of_last`] of surname `lw`, by its first five characters if `by_prefix`.
    fn of(&self, lw: &str, by_prefix: bool) -> Option<usize> {
        match by_prefix {
            true => self.by_prefix.get(prefix5(lw)),
            false => self.by_word.get(lw),
        }
        .copied()
    }
}

/// A summary of a set of keys in 256 bits, one per key: a key whose bit is clear is not in it.
#[derive(Debug, Default, Clone, Copy)]
struct KeyBloom([u64; 4]);

impl KeyBloom {
    /// The bit of `key`: the top bits of the key mixed by a multiplication.
    fn bit(key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) as usize
    }

    fn insert(&mut self, key: u64) {
        let b = Self::bit(key);
        self.0[b / 64] |= 1 << (b % 64);
    }

    /// False when `key` is certainly not in the set.
    fn may_contain(&self, key: u64) -> bool {
        let b = Self::bit(key);
        self.0[b / 64] >> (b % 64) & 1 != 0
    }
}

/// A word that may be the one word [`Index::canon_entity`] resolves to organisation `ent`: its
/// [`first_word_key`] `key`.
#[derive(Debug, Clone, Copy)]
struct OrgStart {
    key: u64,
    ent: usize,
}

/// The [`OrgStart`]s of an article, in no particular order, and their keys in a [`KeyBloom`]:
/// most one-word names have no candidate in [`Index::canon_entity`], told by a bit test each
/// without a look-up or a scan. The few starts of most articles are scanned for a key; past
/// [`OrgStarts::MAX_SCANNED_STARTS`] of them, where thousands of organisations may share a
/// word ("The Xxx Tribune"), each word's organisation is kept in `best` as the counts change
/// ([`Index::org_counted`]).
#[derive(Debug, Default)]
struct OrgStarts {
    list: Vec<OrgStart>,
    words: KeyBloom,
    /// each word (ASCII lower-case) a one-word name is to resolve to an organisation, to the
    /// one [`Index::canon_entity`] resolves it to: built once the index has read the runs
    best: Option<FxMap<String, usize>>,
}

impl OrgStarts {
    /// How many starts are scanned for a word before each word's organisation is kept.
    const MAX_SCANNED_STARTS: usize = 32;

    fn push(&mut self, key: u64, ent: usize) {
        self.words.insert(key);
        self.list.push(OrgStart { key, ent });
    }
}

/// The name without "The " of an organisation named `name`, and where its first space is, when
/// it has [`OrgStart`]s: when it has several words or "The " before one (a name of one word no
/// word is shorter than and the start of).
fn org_start_name(name: &str) -> Option<(&str, Option<usize>)> {
    let nb = name.strip_prefix("The ").unwrap_or(name);
    let space = memchr::memchr(b' ', nb.as_bytes());
    (space.is_some() || nb.len() < name.len()).then_some((nb, space))
}

/// The initials of organisation name `name` ([`Index::org_long_form`]): the first characters
/// of its capitalised words.
fn initials(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split(' ')
        .filter(|w| is_cap(w))
        .filter_map(|w| w.chars().next())
}

/// A hash of all the bytes of `s`: a word of a lower-case organisation name ([`OrgForms`]), a
/// whole lower-case name once [`Index::by_name`] is keyed by them.
fn str_hash(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

/// The look-ups of [`Index::org_long_form`] in an article of more than
/// [`OrgForms::MAX_SCANNED_ORGS`] organisations, where a pass over all of them per speaker made
/// the article quadratic.
#[derive(Debug, Default)]
struct OrgForms {
    /// the first multi-word organisation (in entity order) of each string of initials
    by_initials: FxMap<String, usize>,
    /// each word ([`str_hash`]) of the organisations' lower-case names: the last of
    /// `words` with it, and how many have it
    by_word: FxMap<u64, (usize, usize)>,
    /// an organisation with a word, and the entry before it with the same word
    words: Vec<(usize, Option<usize>)>,
}

impl OrgForms {
    /// How many organisations [`Index::org_long_form`] scans before it builds the look-ups.
    const MAX_SCANNED_ORGS: usize = 32;

    fn new(idx: &Index) -> OrgForms {
        let mut f = OrgForms::default();
        for &o in &idx.orgs {
            let e = &idx.ents[o];
            let name = idx.name(e);
            if name.contains(' ') {
                let first = f.by_initials.entry(initials(name).collect()).or_insert(o);
                *first = o.min(*first);
            }
            for w in idx.lower(e).split(' ') {
                let at = f.words.len();
                let (last, count) = f.by_word.entry(str_hash(w)).or_insert((at, 0));
                f.words.push((o, (*count > 0).then_some(*last)));
                (*last, *count) = (at, *count + 1);
            }
        }
        f
    }

    /// The organisations with every word of lower-case name `ln` (and some more, of a shared
    /// hash), read by its rarest word: an organisation with `ln`'s words in it
    /// ([`has_words`]) has each of them as a word. Some more than once.
    fn with_words(&self, ln: &str) -> impl Iterator<Item = usize> + '_ {
        let rarest = ln
            .split(' ')
            .map(|w| self.by_word.get(&str_hash(w)).copied())
            .try_fold((None, usize::MAX), |(at, n), found| {
                // (a word no organisation has: none)
                let (last, count) = found?;
                Some(if count < n {
                    (Some(last), count)
                } else {
                    (at, n)
                })
            });
        let mut next = rarest.and_then(|(at, _)| at);
        std::iter::from_fn(move || {
            let (o, before) = self.words[next?];
            next = before;
            Some(o)
        })
    }
}

/// A key of a word (`w`, not empty, with no space) equal for words equal in ASCII case aside:
/// its length and its first, middle and last bytes with the ASCII case bit set. Three loads, no
/// loop.
fn first_word_key(w: &[u8]) -> u64 {
    let n = w.len();
    let byte = |k: usize| u64::from(w.get(k).map_or(0, |&b| b | 0x20));
    (n as u64) << 32 | byte(0) | byte(n / 2) << 8 | byte(n.wrapping_sub(1)) << 16
}

/// Adds to `starts` the words a one-word name may be to resolve to organisation `ent`, named
/// `name`, of kind `kind`: the first word of the name without "The ", and for a media
/// organisation every word ([`org_start_name`]). [`Index::canon_entity`] reads the few
/// organisations whose key is the word's, where a pass over all of them mispredicted at most.
fn add_org_starts(ent: usize, name: &str, kind: Kind, starts: &mut OrgStarts) {
    let Some((nb, space)) = org_start_name(name) else {
        return;
    };
    let mut add = |w: &str| starts.push(first_word_key(w.as_bytes()), ent);
    if kind == Kind::Org(OrgKind::Media) {
        split_spaces(nb).for_each(add);
    } else {
        add(&nb[..space.unwrap_or(nb.len())]);
    }
}

/// The last mention of each entity among the first `upto` mentions (its index + 1, 0 for
/// none), read on as the pass over the single-word mentions goes: [`Index::canon_entity`]'s
/// choice between a person and an organisation asks for the last before each such mention in
/// turn, where the mentions before it are resolved for good.
#[derive(Default)]
struct LastMentions {
    upto: usize,
    last: Vec<usize>,
}

impl LastMentions {
    /// The last mention of entity `e` before mention `m` of `idx` (its index + 1, 0 for none).
    fn before(&mut self, idx: &Index, m: usize, e: usize) -> usize {
        self.last.resize(idx.ents.len(), 0);
        for k in self.upto..m {
            self.last[idx.mentions[k].1] = k + 1;
        }
        self.upto = self.upto.max(m);
        self.last[e]
    }
}

impl<'a> Index<'a> {
    /// The index of paragraphs `paras`, whose tokens are `toks` (every paragraph's after the
    /// one before, as [`ParaBufs::toks`](super::text::ParaBufs::toks) holds them).
    pub fn build(paras: &'a [Para<'a>], toks: &[Tok], lang: Lang) -> Index<'a> {
        let mut idx = Index {
            lower_words: LowerWords::new(paras, toks, lang),
            ..Index::default()
        };
        // a name starts with a capital: their count bounds the entities, which then never
        // grow their Vec and map one doubling at a time
        let caps = idx.lower_words.n_caps();
        idx.ents.reserve(caps);
        idx.by_name.reserve(caps);
        idx.by_last.reserve(caps);
        idx.mentions.reserve(caps);
        idx.infos.reserve(caps);
        // the runs of all paragraphs, each with its paragraph, dropped together at the end,
        // where those of each paragraph, dropped before the next, mispredicted at the end of
        // every paragraph's; a run starts at a capitalised word: room for all at once
        // names in quote marks, as Russian and French write organisations' («Лаборатория
        // Касперского», компания «Газпром»): a quoted span is one token, which runs miss; and
        // known Russian names with words in lower case ("Министерство торговли США"): each
        // put in its place among the runs, whose runs inside it ("США") it replaces
        let other = if quotes_names(lang) {
            other_names(paras, lang)
        } else {
            Vec::new()
        };
        let mut all_runs = Vec::with_capacity(caps + other.len());
        let mut run_para = Vec::with_capacity(caps + other.len());
        let mut bufs = RunBufs::default();
        if other.is_empty() {
            article_runs(paras, &idx.lower_words, &mut bufs, |pi, r| {
                all_runs.push(r);
                run_para.push(pi as u32);
            });
        } else {
            put_among_runs(
                paras,
                &idx.lower_words,
                &mut bufs,
                other,
                &mut all_runs,
                &mut run_para,
            );
        }
        // a wire dateline names no one ("HALIFAX, Nova Scotia (Coastline Press) -"): its place
        // and agency are no antecedents of "the agency said". It opens the article.
        if let Some(first) = paras.first() {
            let cut =
                super::dateline_end(first, 0, first.toks.len()).map_or(0, |d| first.toks[d].start);
            if cut > 0 {
                let n = run_para
                    .iter()
                    .zip(&all_runs)
                    .take_while(|(&pi, r)| pi == 0 && r.start < cut)
                    .count();
                all_runs.drain(..n);
                run_para.drain(..n);
            }
        }
        for (ri, r) in all_runs.iter().enumerate() {
            let pi = run_para[ri] as usize;
            let p = paras[pi].p;
            // the kind is worked out only where it can matter: for the name of a media
            // organisation ("The Tribune"), and for an entity new or of no kind yet
            let the_kind = (r.the && r.n_words >= 2).then(|| run_kind(r));
            // (a clone of a borrowed name is the same slice: no copy)
            let name = match the_kind {
                Some(kind) => display_name(r, kind, r.name.clone()),
                None => r.name.clone(),
            };
            // acronym definitions "Long Name (ACR)"
            let after = &p[r.end..];
            if let Some(rest) = after.strip_prefix(" (") {
                if let Some(close) = rest.find(')') {
                    let acr = &rest[..close];
                    if is_acronym(acr) && !acr.contains(' ') && r.n_words >= 2 {
                        idx.acronyms.insert(acr.to_string(), name.to_string());
                    }
                }
            }
            // ("The Tribune" is no lower case of the run's name, and longer than it)
            let run_lower = r.lower.filter(|_| name.len() == r.name.len());
            let kind = || the_kind.unwrap_or_else(|| run_kind(r));
            let ei = idx.intern(name, run_lower, kind, (pi, r.start), r.n_words > 1);
            let e = &mut idx.ents[ei];
            // roles from titles; those from around the mention are found when asked for
            for t in &r.titles {
                add_role(&mut e.traits, t);
            }
            let person = e.kind == Kind::Person;
            // (a person's pronouns are looked for up to the next run of the paragraph)
            let next_start = || match all_runs.get(ri + 1) {
                Some(n) if run_para[ri + 1] as usize == pi => n.start,
                _ => p.len(),
            };
            idx.infos.push(MentionInfo {
                end: r.end,
                first: r.first,
                pronoun_stop: person.then(next_start),
                orig: ei,
                prev_own: e.last_own.replace(idx.mentions.len()),
                prev_merged: None,
            });
            idx.mentions.push(((pi, r.start), ei));
            idx.ents[ei].mention_count += 1;
        }
        // single-word mentions ("Rubio", "Kaspersky") point to their canonical entity: found
        // first in a pass that writes each mention and moves on past the single-word ones, with
        // no branch on each (half of them are)
        let mut singles = vec![0; idx.mentions.len()];
        let mut n = 0;
        for (m, &(_, ei)) in idx.mentions.iter().enumerate() {
            singles[n] = m;
            n += usize::from(!idx.ents[ei].multi_word);
        }
        idx.keep_orgs_by_word_when_many();
        let mut last_mentions = LastMentions::default();
        for &m in &singles[..n] {
            let (pos, ei) = idx.mentions[m];
            // what [`Index::canon_one`] resolves the name to, without its Strings: an entity
            // stands for itself (its own name finds it and changes nothing), and a word that is
            // its own canonical name is this entity's name
            let name = idx.name(&idx.ents[ei]);
            let ci = match idx.acronyms.get(name) {
                Some(long) => {
                    if long.eq_ignore_ascii_case(name) {
                        continue;
                    }
                    let long: Cow<str> = Cow::Owned(long.clone());
                    let multi_word = long.contains(' ');
                    let ci = idx.intern(long, None, || Kind::Org(OrgKind::Gov), pos, multi_word);
                    // (a long form may be a new organisation, past the few scanned)
                    idx.keep_orgs_by_word_when_many();
                    ci
                }
                None => {
                    match idx.canon_entity(name, idx.lower(&idx.ents[ei]), &[], |idx, e| {
                        last_mentions.before(idx, m, e)
                    }) {
                        Some(c) if !idx.name(&idx.ents[c]).eq_ignore_ascii_case(name) => c,
                        _ => continue,
                    }
                }
            };
            // the traits of its titles now, those of its surroundings when asked for
            let t = std::mem::take(&mut idx.ents[ei].traits);
            idx.ents[ci].traits.merge(&t);
            idx.ents[ei].traits = t;
            idx.infos[m].prev_merged = idx.ents[ci].last_merged.replace(m);
            idx.mentions[m].1 = ci;
            idx.ents[ei].mention_count -= 1;
            idx.ents[ci].mention_count += 1;
            idx.org_counted(ci);
        }
        idx
    }

    /// The gender counts (male, female) of entity `e`: those of its titles and the resolver's,
    /// and those of its surroundings ([`Index::found_traits`]) in `paras`, the paragraphs the
    /// index was built of.
    pub fn gender(&self, paras: &[Para], e: &Entity) -> (i32, i32) {
        let f = self.found_traits(paras, e);
        (e.traits.male + f.male, e.traits.female + f.female)
    }

    /// [`Index::gender`] of entity `e` when its surroundings have been read (by a query of it or
    /// of a role), and else none, without reading them.
    pub fn gender_if_read(&self, e: &Entity) -> Option<(i32, i32)> {
        let f = e.found.get()?;
        Some((e.traits.male + f.male, e.traits.female + f.female))
    }

    /// Whether entity `e` has role `r`, from a title or from its surroundings.
    pub fn has_role(&self, paras: &[Para], e: &Entity, r: &str) -> bool {
        // (a German compound by its last part: "bundesgesundheitsministerin" is a "ministerin")
        let is_r = |x: &String| x == r || r.len() >= 5 && x.len() > r.len() && x.ends_with(r);
        e.traits.roles.iter().any(is_r) || self.found_traits(paras, e).roles.iter().any(is_r)
    }

    /// The traits the surroundings of entity `e`'s mentions give it: the roles of an apposition
    /// (", a former investigator,") and of the word before ("spokeswoman Anna Lind"), the
    /// gender of a pronoun after a person's name, and all those of the one-word mentions the
    /// index resolved to it, once per such mention. Worked out on first use, for the few
    /// entities a query asks about.
    fn found_traits<'s>(&self, paras: &[Para], e: &'s Entity) -> &'s Traits {
        e.found.get_or_init(|| {
            let mut t = Traits::default();
            let mut m = e.last_own;
            while let Some(k) = m {
                self.mention_traits(paras, k, &mut t);
                m = self.infos[k].prev_own;
            }
            let mut m = e.last_merged;
            while let Some(k) = m {
                // (a one-word entity, itself the target of no mention)
                t.merge(self.found_traits(paras, &self.ents[self.infos[k].orig]));
                m = self.infos[k].prev_merged;
            }
            let (male, female) = ru_surname_gender(&e.name);
            t.male += male;
            t.female += female;
            t
        })
    }

    /// Adds to `t` the traits the surroundings of mention `m` give.
    fn mention_traits(&self, paras: &[Para], m: usize, t: &mut Traits) {
        let ((pi, start), _) = self.mentions[m];
        let info = &self.infos[m];
        let para = &paras[pi];
        let p = para.p;
        let after = &p[info.end..];
        // an apposition ", a former investigator,"
        if let Some(apposition) = after.strip_prefix(", ") {
            // its first 80 characters, up to the first comma, full stop or semicolon
            // (ASCII, found by a byte search where `split` would decode every
            // character). The 80 characters are at least 80 bytes: a stop within the
            // first 80 bytes ends the apposition before them, which are counted only
            // when there is none (as bytes when they are ASCII, without decoding them)
            let b = apposition.as_bytes();
            let stop = |n| memchr::memchr3(b',', b'.', b';', &b[..n]).unwrap_or(n);
            let app = &apposition[..match b.get(..80) {
                None => stop(b.len()),
                Some(head) => match memchr::memchr3(b',', b'.', b';', head) {
                    Some(s) => s,
                    None if head.is_ascii() => 80,
                    None => stop(
                        apposition
                            .char_indices()
                            .nth(80)
                            .map_or(b.len(), |(k, _)| k),
                    ),
                },
            }];
            let aw = app
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !is_alnum(c)));
            if opens_description(app) {
                for w in aw.filter_map(role_of) {
                    add_role(t, &w);
                }
            }
        }
        // "spokeswoman Anna Lind" / "analyst Anna Lind": lower-case role just before the name
        if let Some(pw) = role_before(para, info.first, start) {
            // (a German woman's role: "Bahn-Personalvorständin Ulrike Hansen")
            if pw.ends_with("in") && !PERSON_ROLES.contains(&pw) && german_role(&pw, true) {
                t.female += 1;
            }
            add_role(t, &pw);
        } else if let Some(r) = ru_role_before(&p[..start]) {
            add_role(t, &r);
        }
        // pronoun after the mention (up to the next capitalised run, same paragraph), but not
        // one in a quotation, which speaks of someone else ("… declined to name the suspect.
        // “He is cooperating,” she said.")
        if let Some(stop) = info.pronoun_stop {
            // (the spans are in order: searched, where a scan of a paragraph of thousands of
            // quotes at each mention was quadratic)
            let next = para.spans.partition_point(|s| s.open < info.end);
            let quote = para.spans.get(next).map(|s| s.open);
            let stop = quote.map_or(stop, |o| o.min(stop));
            let (ma, fe) = pronoun_after(&p[info.end..stop]);
            t.male += ma;
            t.female += fe;
        }
    }

    /// Where mention `j` ends in its paragraph (possessive ending included).
    pub fn mention_end(&self, j: usize) -> usize {
        self.infos[j].end
    }

    /// Whether mention `j` (of the paragraphs `paras`) is a possessive ("Rovers' captain"): it
    /// names whose the subject is, not the subject.
    pub fn possessive_mention(&self, paras: &[Para], j: usize) -> bool {
        let ((pi, start), _) = self.mentions[j];
        let end = self.infos[j].end;
        let p = paras[pi].p;
        // the ending the runs cut ([`poss_cut`]), or after the word a plural's ASCII apostrophe,
        // which the tokenizer leaves out of it, as a mark
        poss_cut(tail_at(p.as_bytes(), end), end - start) > 0
            || p[end..].starts_with("' ")
            || p[end..].starts_with("’ ")
    }

    /// The name of entity `e` as written.
    pub fn name<'s>(&self, e: &'s Entity) -> &'s str {
        &e.name
    }

    /// The lower-case name of entity `e`.
    fn lower<'s>(&self, e: &'s Entity) -> &'s str {
        &e.lower
    }

    /// The key of lower-case name `l` in [`Index::by_name`]: its [`name_key`], or a hash of all
    /// its bytes once names of one key have been many ([`Index::key_names_fully`]).
    fn by_name_key(&self, l: &str) -> u64 {
        if self.full_keys {
            str_hash(l)
        } else {
            name_key(l)
        }
    }

    /// Keys every entity by a hash of all the bytes of its lower-case name: names of a template
    /// ("the xxx tribune", thousands of them) share [`name_key`]'s bytes, and each look-up
    /// compared the names of one key one by one.
    #[cold]
    fn key_names_fully(&mut self) {
        self.full_keys = true;
        self.by_name.clear();
        for i in 0..self.ents.len() {
            let key = self.by_name_key(&self.ents[i].lower);
            self.ents[i].same_key = self.by_name.insert(key, i);
        }
    }

    /// The entity whose lower-case name is `l`.
    fn find_lower(&self, l: &str) -> Option<usize> {
        let mut i = *self.by_name.get(&self.by_name_key(l))?;
        while *self.ents[i].lower != *l {
            i = self.ents[i].same_key?;
        }
        Some(i)
    }

    /// How many names of one [`name_key`] [`Index::find_or_add_lower`] compares before it keys
    /// all names by a hash of all their bytes.
    const NAMES_OF_A_KEY: usize = 16;

    /// The entity with lower-case name `l`, or else the entity before it of the same key
    /// ([`Entity::same_key`]): the entity to be added next is in [`Index::by_name`] then, put
    /// there by the one probe that found no entity (as [`Index::find_lower`] finds it).
    // (inlined into `intern`, its one caller, which the optimiser does not always see fit to)
    #[inline]
    fn find_or_add_lower(&mut self, l: &str) -> Result<usize, Option<usize>> {
        use std::collections::hash_map::Entry;
        let next = self.ents.len();
        let same_key = match self.by_name.entry(self.by_name_key(l)) {
            Entry::Occupied(mut o) => {
                let mut at = Some(*o.get());
                let mut compared = 0;
                while let Some(i) = at {
                    if *self.ents[i].lower == *l {
                        return Ok(i);
                    }
                    at = self.ents[i].same_key;
                    compared += 1;
                }
                // (a name of this key added to many: each later look-up would compare them)
                if compared > Self::NAMES_OF_A_KEY && !self.full_keys {
                    self.key_names_fully();
                    return self.find_or_add_lower(l);
                }
                Some(o.insert(next))
            }
            Entry::Vacant(v) => {
                v.insert(next);
                None
            }
        };
        Err(same_key)
    }

    /// The entity named `name` (ASCII case aside), added with `kind` and first mention `pos` when
    /// new. `lower` is the name lower-cased when the caller has it, `multi_word` whether it has
    /// a space. `kind` is asked only of a new name or one of no kind yet.
    fn intern(
        &mut self,
        name: Cow<'a, str>,
        lower: Option<&'a str>,
        kind: impl FnOnce() -> Kind,
        pos: Pos,
        multi_word: bool,
    ) -> usize {
        // else the lower-case form in a reused buffer, copied only for a new name
        let found = match lower {
            Some(l) => self.find_or_add_lower(l).map_err(|k| (Cow::Borrowed(l), k)),
            None => with_lower(&name, |l| {
                self.find_or_add_lower(l)
                    .map_err(|k| (Cow::Owned(l.to_owned()), k))
            }),
        };
        let (lower, same_key) = match found {
            Ok(i) => {
                if self.ents[i].kind == Kind::Unknown {
                    let kind = kind();
                    if kind != Kind::Unknown {
                        self.ents[i].kind = kind;
                        if matches!(kind, Kind::Org(_)) {
                            self.orgs.push(i);
                            add_org_starts(i, &self.ents[i].name, kind, &mut self.org_starts);
                            self.org_counted(i);
                        }
                    }
                }
                return i;
            }
            Err(new) => new,
        };
        let kind = kind();
        let ei = self.ents.len();
        let org = matches!(kind, Kind::Org(_));
        if org {
            self.orgs.push(ei);
            add_org_starts(ei, &name, kind, &mut self.org_starts);
        }
        let same_last = if multi_word & !org {
            let last = last_key(last_word(&lower));
            self.last_keys.insert(last);
            self.by_last.insert(last, ei)
        } else {
            None
        };
        self.ents.push(Entity {
            name,
            kind,
            traits: Traits::default(),
            found: OnceCell::new(),
            last_own: None,
            last_merged: None,
            lower,
            first: pos,
            multi_word,
            mention_count: 0,
            same_key,
            same_last,
            media_form: OnceCell::new(),
        });
        self.org_counted(ei);
        ei
    }

    /// Past [`OrgStarts::MAX_SCANNED_STARTS`] organisation starts, keeps each word's
    /// organisation from now on, as the counts change ([`OrgStarts::best`]): asked once the runs
    /// are read, and as the pass over the single-word mentions adds the long forms of acronyms.
    fn keep_orgs_by_word_when_many(&mut self) {
        if self.org_starts.best.is_none()
            && self.org_starts.list.len() > OrgStarts::MAX_SCANNED_STARTS
        {
            self.org_starts.best = Some(FxMap::default());
            for k in 0..self.org_starts.list.len() {
                self.org_counted(self.org_starts.list[k].ent);
            }
        }
    }

    /// Keeps organisation `i` as the one each of its words resolves to ([`OrgStarts::best`],
    /// once the index keeps them) where its count and index beat those of the one kept: asked
    /// as it becomes an organisation and as its count grows. Its words are those
    /// [`Index::canon_entity`]'s scan finds it by: the first of its name without "The ", and
    /// every word of a media name of [`Entity::media_form`]. (No count of an organisation
    /// falls: only a one-word entity's, which has no [`OrgStart`].)
    #[inline]
    fn org_counted(&mut self, i: usize) {
        if self.org_starts.best.is_some() {
            self.keep_best_org(i);
        }
    }

    /// [`Index::org_counted`] once the index keeps each word's organisation.
    #[cold]
    fn keep_best_org(&mut self, i: usize) {
        let Some(best) = &mut self.org_starts.best else {
            return;
        };
        let e = &self.ents[i];
        let Some((nb, space)) = org_start_name(&e.name).filter(|_| matches!(e.kind, Kind::Org(_)))
        else {
            return;
        };
        let media = e.kind == Kind::Org(OrgKind::Media) && e.media_form(&e.name);
        let first = &nb[..space.unwrap_or(nb.len())];
        for w in std::iter::once(first).chain(split_spaces(nb).filter(|_| media)) {
            let o = best.entry(w.to_ascii_lowercase()).or_insert(i);
            if (e.mention_count, i) > (self.ents[*o].mention_count, *o) {
                *o = i;
            }
        }
    }

    /// Canonical name of a run at `pos`, with its kind.
    /// Borrowed from the run or the index: a caller keeps one name of several runs.
    pub fn canon<'s>(&'s self, r: &'s Run, pos: Pos) -> (Cow<'s, str>, Kind) {
        if r.n_words == 1 {
            return self.canon_one(r, pos);
        }
        let kind = run_kind(r);
        (display_name(r, kind, Cow::Borrowed(&r.name)), kind)
    }

    /// [`Index::canon`] of a one-word run `r`, whose [`run_kind`] is asked for only when the
    /// article has no entity of that name.
    fn canon_one<'s>(&'s self, r: &'s Run, pos: Pos) -> (Cow<'s, str>, Kind) {
        let (w, titles) = (r.name.as_ref(), r.titles.as_slice());
        let word_kind = || run_kind(r);
        if let Some(long) = self.acronyms.get(w) {
            return (Cow::Borrowed(long), Kind::Org(OrgKind::Gov));
        }
        // no String per one-word mention for its lower-case form
        let last_mention = |idx: &Self, e| idx.last_mention_before(e, pos);
        r.with_lower(|lw| match self.canon_entity(w, lw, titles, last_mention) {
            Some(c) => (Cow::Borrowed(self.name(&self.ents[c])), self.ents[c].kind),
            // a single word is its own display name
            None if person_title(titles) => (Cow::Borrowed(w), Kind::Person),
            None => {
                let k = self
                    .find_lower(lw)
                    .map_or_else(word_kind, |i| self.ents[i].kind);
                (Cow::Borrowed(w), k)
            }
        })
    }

    /// The last mention of entity `e` before `pos` (its index in `mentions` + 1, 0 for none),
    /// once the index is complete.
    fn last_mention_before(&self, e: usize, pos: Pos) -> usize {
        let mentions_of = self.mentions_of.get_or_init(|| {
            Groups::new(
                self.ents.len(),
                self.mentions.iter().map(|&(_, ei)| Some(ei)),
            )
        });
        let own = mentions_of.of(e);
        let before = self.mentions.partition_point(|m| m.0 < pos);
        match own.partition_point(|&m| (m as usize) < before) {
            0 => 0,
            k => own[k - 1] as usize + 1,
        }
    }

    /// The person surname `lw` (lower case) resolves to: of the full names ending with it (or,
    /// for a word of six characters or more beyond ASCII, with its first five: a Russian surname
    /// declines), the first mentioned. A list of more than [`LONG_LAST`] persons is read once,
    /// into [`SurnamePersons`] (the persons and their names are final once the index is built,
    /// when this is first asked).
    fn person_of_last(&self, lw: &str) -> Option<usize> {
        let lk = last_key(lw);
        if !self.last_keys.may_contain(lk) {
            return None;
        }
        // (asked of a few candidates only, where the list is short)
        let by_prefix = || !lw.is_ascii() && lw.chars().count() >= 6;
        let long_last = self.long_last.borrow();
        if !long_last.is_empty() {
            if let Some(persons) = long_last.get(&lk) {
                return persons.of(lw, by_prefix());
            }
        }
        drop(long_last);
        let chain = |mut next: Option<usize>| {
            std::iter::from_fn(move || {
                let i = next?;
                next = self.ents[i].same_last;
                Some(i)
            })
            .map(|i| (i, &self.ents[i]))
            .filter(|(_, e)| e.kind == Kind::Person)
        };
        let head = self.by_last.get(&lk).copied();
        let mut read = 0;
        let person = chain(head)
            .inspect(|_| read += 1)
            .filter(|(_, e)| {
                let last = last_word(self.lower(e));
                last == lw || (by_prefix() && prefix5(last) == prefix5(lw))
            })
            // the first of equals in entity order, as the list is read backwards
            .min_by_key(|&(i, e)| (e.first, i))
            .map(|(i, _)| i);
        if read > LONG_LAST {
            let mut persons = SurnamePersons::default();
            for (i, e) in chain(head) {
                let last = last_word(self.lower(e));
                for (map, key) in [
                    (&mut persons.by_word, last),
                    (&mut persons.by_prefix, prefix5(last)),
                ] {
                    let first = map.entry(key.into()).or_insert(i);
                    if (e.first, i) < (self.ents[*first].first, *first) {
                        *first = i;
                    }
                }
            }
            self.long_last.borrow_mut().insert(lk, persons);
        }
        person
    }

    /// The entity [`Index::canon_one`] resolves word `w` (lower-cased `lw`) at a place of the
    /// article to, if any. `last_mention` tells the last mention of an entity before that place
    /// (its index in `mentions` + 1, 0 for none).
    fn canon_entity(
        &self,
        w: &str,
        lw: &str,
        titles: &[String],
        mut last_mention: impl FnMut(&Self, usize) -> usize,
    ) -> Option<usize> {
        let person = self.person_of_last(lw);
        // candidate orgs: longer forms starting with the word, the most mentioned (the last in
        // entity order of equals: read in no order, and some twice, they are compared by both)
        let mut org: Option<usize> = None;
        let key = first_word_key(w.as_bytes());
        // (none to read when no organisation may start with the word)
        let may = self.org_starts.words.may_contain(key);
        let best = self.org_starts.best.as_ref();
        let starts = match best {
            None if may => &self.org_starts.list[..],
            _ => &[],
        };
        for &OrgStart { ent: i, .. } in starts.iter().filter(|s| s.key == key) {
            let e = &self.ents[i];
            if e.name.len() > w.len()
                && org.is_none_or(|o| (e.mention_count, i) > (self.ents[o].mention_count, o))
                && {
                    // the first word is `w` (ASCII case aside): a space or the end right after
                    // its length rules out most names before their bytes are compared, read as
                    // bytes without slicing a str
                    let name = e.name.as_bytes();
                    let nb = name.strip_prefix(b"The ").unwrap_or(name);
                    nb.len() >= w.len()
                        && nb.get(w.len()).is_none_or(|&c| c == b' ')
                        && nb[..w.len()].eq_ignore_ascii_case(w.as_bytes())
                        || (matches!(e.kind, Kind::Org(OrgKind::Media)) && {
                            let name = self.name(e);
                            let n = name.strip_prefix("The ").unwrap_or(name);
                            e.media_form(name) && split_spaces(n).any(|f| f.eq_ignore_ascii_case(w))
                        })
                }
            {
                org = Some(i);
            }
        }
        if let Some(best) = best.filter(|_| may) {
            // an ASCII word's lower case is its ASCII lower case: no String for it
            org = if w.is_ascii() {
                best.get(lw)
            } else {
                best.get(&w.to_ascii_lowercase())
            }
            .copied();
        }
        match (person, org) {
            (Some(p), None) => Some(p),
            (None, Some(o)) => Some(o),
            (Some(p), Some(o)) => {
                if person_title(titles) {
                    Some(p)
                } else {
                    // the one mentioned last before pos (the bare word counts for the org)
                    let bare = self.find_lower(lw);
                    let lp = last_mention(self, p);
                    let lo = last_mention(self, o).max(bare.map_or(0, |b| last_mention(self, b)));
                    if lp > lo {
                        Some(p)
                    } else {
                        Some(o)
                    }
                }
            }
            (None, None) => None,
        }
    }

    /// Final canonical form of a resolved speaker name: an organisation's short form or acronym becomes the
    /// fullest form used in the article ("DHS" / "Homeland Security" -> "Department of Homeland Security"),
    /// then a well-known alias maps to its canonical name ([`ORG_ALIASES`]). `ei` is the entity
    /// named `name` ([`Index::entity_index`]), which the caller has looked up.
    pub fn canonical(&self, name: &str, ei: Option<usize>) -> String {
        let e = ei.map(|i| &self.ents[i]);
        let is_org = matches!(e.map(|e| e.kind), Some(Kind::Org(_))) || is_acronym(name);
        // the entity's lower-case name is the name's (the look-up compared them): the name is
        // not lower-cased again
        let low = e.map(|e| self.lower(e)).filter(|l| l.len() == name.len());
        // asked once of a name that stays itself
        let alias = org_alias_lower(name, low);
        let long = (is_org && alias.is_none())
            .then(|| self.org_long_form(name, low))
            .flatten();
        match long {
            // not when the bare word is a person's surname in this article ("Kaspersky" =
            // Eugene Kaspersky is resolved before)
            Some(long) => org_alias(long).unwrap_or(long).to_string(),
            None => alias.unwrap_or(name).to_string(),
        }
    }

    /// The fullest form of organisation name `n` in the article, when it has one: the long form
    /// of an acronym it defines, the multi-word organisation whose initials it is, or the longest
    /// organisation with all its words. `low` is `n` lower-cased, when the caller has it.
    fn org_long_form(&self, n: &str, low: Option<&str>) -> Option<&str> {
        if let Some(long) = self.acronyms.get(n) {
            return Some(long);
        }
        let forms = (self.orgs.len() > OrgForms::MAX_SCANNED_ORGS)
            .then(|| self.org_forms.get_or_init(|| OrgForms::new(self)));
        if is_acronym(n) {
            // initials of a multi-word organisation in the article (the first in entity order)
            let first = match forms {
                Some(f) => f.by_initials.get(n).copied(),
                None => self
                    .orgs
                    .iter()
                    .copied()
                    .fold(None, |first: Option<usize>, o| {
                        let name = self.name(&self.ents[o]);
                        if first.is_none_or(|f| o < f)
                            && name.contains(' ')
                            && initials(name).eq(n.chars())
                        {
                            Some(o)
                        } else {
                            first
                        }
                    }),
            };
            first.map(|o| self.name(&self.ents[o]))
        } else {
            // "Homeland Security" -> "Department of Homeland Security": longest org containing
            // all its words (the last in entity order of equals)
            let ln = low.map_or_else(|| lower(n), Cow::Borrowed);
            let (read, scanned) = match forms {
                Some(f) => (Some(f.with_words(&ln)), None),
                None => (None, Some(self.orgs.iter().copied())),
            };
            (read.into_iter().flatten())
                .chain(scanned.into_iter().flatten())
                .map(|o| (o, &self.ents[o]))
                .filter(|(_, e)| self.name(e).len() > n.len())
                .filter(|(_, e)| has_words(self.lower(e), &ln))
                .max_by_key(|&(o, e)| (self.name(e).len(), o))
                .map(|(_, e)| self.name(e))
        }
    }

    pub fn lower_words(&self) -> &LowerWords<'a> {
        &self.lower_words
    }

    pub fn entity_index(&self, name: &str) -> Option<usize> {
        with_lower(name, |l| self.find_lower(l))
    }
}

#[cfg(test)]
mod tests {
    use super::{
        alnum_pieces, first_word, has_words, last_space, opens_description, pronoun_after,
        pronoun_in, word_before, PRONOUN_PIECES,
    };
    use crate::quotes::text::is_alnum;

    /// A word without the characters around it that are no letter or digit, as the standard
    /// library trims it.
    fn trimmed(w: &str) -> &str {
        w.trim_matches(|c: char| !is_alnum(c))
    }

    #[test]
    fn word_before_is_the_last_word_trimmed() {
        for s in [
            "",
            "  ",
            "said (spokeswoman ",
            "the analyst,\t",
            "-- ",
            "x\u{a0}analyst ",
            "said\u{a0}",
            "Sprecherin ",
            "эксперт ",
            "a\x0banalyst ",
        ] {
            let std = s.split_whitespace().next_back().map(trimmed);
            assert_eq!(word_before(s), std, "{s:?}");
        }
    }

    #[test]
    fn opens_description_reads_the_first_word() {
        // the standard library's reading of the first word, and of whether it opens one
        let opens = |w: &str| {
            let w = crate::text::lower(w);
            matches!(
                w.as_ref(),
                "a" | "an" | "the" | "its" | "his" | "her" | "their"
            ) || (!w.is_ascii() && crate::quotes::lex::PERSON_ROLES.contains(w.as_ref()))
        };
        for app in [
            "",
            "  ",
            "a former investigator",
            " The company's",
            "(an) analyst",
            "an\u{a0}analyst",
            "thea",
            "\"A\" man",
            "эксперт по",
            "Its\tfounder",
            "their-own",
            "ihr Sprecher",
        ] {
            let first = app.split_whitespace().next().map(trimmed);
            assert_eq!(first_word(app), first, "{app:?}");
            assert_eq!(opens_description(app), first.is_some_and(opens), "{app:?}");
        }
    }

    #[test]
    fn alnum_pieces_split_as_the_standard_library() {
        for s in [
            "",
            " ",
            "he said",
            ", she added.",
            "a--b ",
            "sagte er: «ihr»",
            "— заявил он,",
            "l’avocat a dit",
            "x\u{a0}y\u{2019}z",
        ] {
            let std: Vec<&str> = s.split(|c: char| !is_alnum(c)).collect();
            let pieces: Vec<(&str, bool)> = alnum_pieces(s).collect();
            let ascii: Vec<(&str, bool)> = std.iter().map(|w| (*w, w.is_ascii())).collect();
            assert_eq!(pieces, ascii, "{s:?}");
        }
    }

    #[test]
    fn last_space_is_the_last_space() {
        let names = [
            "",
            " ",
            "ab",
            "a b",
            "marco rubio",
            "anna-lena van der berg",
            "x y",
        ];
        for name in names {
            for pad in 0..20 {
                for at in [0, 1, 7, 8, 15, 16] {
                    let mut s = "a".repeat(pad) + name;
                    if at < s.len() {
                        s.insert(at, ' ');
                    }
                    let b = s.as_bytes();
                    assert_eq!(last_space(b), b.iter().rposition(|&c| c == b' '), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn has_words_matches_whole_words_only() {
        assert!(has_words(
            "department of homeland security",
            "homeland security"
        ));
        assert!(!has_words(
            "department of homeland security",
            "land security"
        ));
        // an earlier match that is no whole word overlaps the one that is
        assert!(has_words("xa a a", "a a"));
        assert!(!has_words("a b", ""));
        assert!(has_words("a  b", ""));
    }

    #[test]
    fn pronoun_after_reads_as_piece_by_piece() {
        let many = ", x".repeat(39) + " he";
        let fewer = ", x".repeat(38) + " she";
        for s in [
            ", who said he",
            " and Her",
            " told ihr that she",
            " longwordhis his",
            " chairmanship and HIMSELF",
            " der Präsident er",
            " da sie",
            " \u{201c}she\u{201d} said",
            " \u{2014}he",
            " сказал он",
            " hé he",
            "",
            ", ",
            many.as_str(),
            fewer.as_str(),
        ] {
            let one_by_one = pronoun_in(alnum_pieces(s).take(PRONOUN_PIECES));
            assert_eq!(pronoun_after(s), one_by_one, "{s:?}");
        }
    }
}
