//! Word lists: speech cues per language, titles, organisation words, nominals.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

pub use crate::text::lower;
use crate::text::push_lower;

/// Per-article sets and maps, with rustc-hash's Fx hasher: the keys are short, and the default
/// SipHash costs more than the rest of a look-up.
pub type FxSet<T> = rustc_hash::FxHashSet<T>;
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Hashes a word from its length and five of its bytes (first three, last two) with one
/// multiply: no loop and no branch on the word's length, where FxHash's branches on the length
/// of each word asked about mispredict. Words of a list that share these are told apart by the
/// key compare of the look-up. For the word lists' keys (str and String) only.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, b: &[u8]) {
        let n = b.len();
        let at = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
        let key = n as u64
            ^ at(0) << 8
            ^ at(1) << 16
            ^ at(2) << 24
            ^ at(n.wrapping_sub(2)) << 32
            ^ at(n.wrapping_sub(1)) << 40;
        self.0 = (self.0 ^ key).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    /// The end mark a str's hash writes after its bytes: the same for every word.
    #[inline]
    fn write_u8(&mut self, _: u8) {}

    #[inline]
    fn finish(&self) -> u64 {
        // the table takes its bucket from the low bits: those of a product depend on few bits
        self.0.rotate_left(26)
    }
}

/// Sets and maps of the word lists, hashed with [`WordHasher`].
pub type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
/// A set of words as bytes: for words asked about as the bytes of their lower case, sliced
/// from a text without testing character boundaries.
type ByteSet = HashSet<&'static [u8], BuildHasherDefault<WordHasher>>;

/// A word list as a hashed set behind a filter of its words' digests: most words asked about
/// are in no list, and a bit test turns them away where a look-up hashes and compares them.
/// Keyed by bytes, for [`FilteredSet::contains_lower`].
pub struct FilteredSet {
    filter: WordFilter,
    set: ByteSet,
}

impl FilteredSet {
    pub fn new(words: &[&'static str]) -> FilteredSet {
        FilteredSet {
            filter: WordFilter::new(words.iter().copied()),
            set: byte_set(words),
        }
    }

    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.contains_lower(WordFilter::digest(w.as_bytes()), w.as_bytes())
    }

    /// [`FilteredSet::contains`] of the word of bytes `w` and digest `d`: a token's lower case
    /// ([`Para::lb`]) and its [`Tok::digest`], read without a test of character boundaries
    /// and without a pass over the word for its digest.
    ///
    /// [`Para::lb`]: super::text::Para::lb
    /// [`Tok::digest`]: super::text::Tok::digest
    #[inline]
    pub fn contains_lower(&self, d: u16, w: &[u8]) -> bool {
        self.filter.may_contain_digest(d) && self.set.contains(w)
    }
}

/// Calls `f` with `w.to_lowercase()`: for a look-up that needs the lower-case form only for a
/// moment. The form is written into a String kept for the next call, without an allocation
/// (and for ASCII without a UTF-8 check).
pub fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUF: Cell<String> = const { Cell::new(String::new()) };
    }
    // a call from within `f` finds an empty String here and keeps its own afterwards
    let mut buf = BUF.take();
    buf.clear();
    // one pass copies and lowers the bytes as ASCII and gathers their high bits: a test for
    // ASCII, a copy and a lowering would each leave their loop at a length that differs from
    // word to word, and each mispredict there
    buf.reserve(w.len());
    let mut high = 0;
    for &b in w.as_bytes() {
        high |= b;
        buf.push(char::from(b & 0x7f).to_ascii_lowercase());
    }
    let r = if high < 0x80 {
        f(&buf)
    } else {
        buf.clear();
        if push_lower(&mut buf, w) {
            f(&buf)
        } else {
            // 'Σ' or a character that lowers to several: the standard library's rules
            f(&w.to_lowercase())
        }
    };
    BUF.set(buf);
    r
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    De,
    Fr,
    Ru,
}

/// How a cue word introduces speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// say/tell/add: a clause may follow without "that".
    Say,
    /// other speech verbs: a reported clause needs "that" (or a quote / colon).
    That,
    /// "according to X", "selon X", "laut X", "по словам X".
    According,
    /// German postposition "X zufolge".
    Zufolge,
    /// German "..., so X."
    So,
}

/// English speech verbs: (forms that take a clause without "that", all forms).
const EN_SAY_FORMS: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding",
];

/// English speech verbs needing "that"; inflections are generated.
const EN_THAT_BASES: &[&str] = &[
    "acknowledge",
    "admit",
    "advise",
    "affirm",
    "agree",
    "allege",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "assure",
    "boast",
    "caution",
    "charge",
    "claim",
    "clarify",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confirm",
    "contend",
    "counter",
    "declare",
    "deny",
    "disclose",
    "dispute",
    "emphasize",
    "emphasise",
    "estimate",
    "explain",
    "insist",
    "indicate",
    "inform",
    "joke",
    "lament",
    "maintain",
    "mention",
    "note",
    "observe",
    "predict",
    "promise",
    "pledge",
    "protest",
    "quip",
    "recall",
    "reckon",
    "recount",
    "reiterate",
    "remark",
    "remind",
    "repeat",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "state",
    "stress",
    "suggest",
    "testify",
    "tweet",
    "urge",
    "vow",
    "warn",
    "write",
    "conclude",
    "acknowledge",
    "allow",
    "concur",
    "shout",
    "exclaim",
    "whisper",
    "object",
    "complain",
    "forecast",
    "guarantee",
    "hint",
    "specify",
    "underline",
    "underscore",
    "assert",
    "aver",
    "opine",
];

const IRREGULAR: &[(&str, &[&str])] = &[
    ("write", &["write", "writes", "wrote", "written", "writing"]),
    ("forecast", &["forecast", "forecasts", "forecasting"]),
    ("quip", &["quip", "quips", "quipped", "quipping"]),
    ("admit", &["admit", "admits", "admitted", "admitting"]),
    ("concur", &["concur", "concurs", "concurred", "concurring"]),
    ("aver", &["aver", "avers", "averred", "averring"]),
    (
        "testify",
        &["testify", "testifies", "testified", "testifying"],
    ),
];

/// Appends the forms of English verb `base` to `out`, each ended by its end offset pushed to
/// `ends`: all forms share one String, where a String per form cost more than the look-ups of a
/// page.
fn inflect(base: &str, out: &mut String, ends: &mut Vec<usize>) {
    let mut push = |a: &str, b: &str| {
        out.push_str(a);
        out.push_str(b);
        ends.push(out.len());
    };
    if let Some((_, forms)) = IRREGULAR.iter().find(|(b, _)| *b == base) {
        forms.iter().for_each(|f| push(f, ""));
        return;
    }
    push(base, "");
    if let Some(stem) = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        push(stem, "ies");
        push(stem, "ied");
        push(base, "ing");
    } else if let Some(stem) = base.strip_suffix('e') {
        push(base, "s");
        push(base, "d");
        push(stem, "ing");
    } else if base.ends_with("sh")
        || base.ends_with("ch")
        || base.ends_with('s')
        || base.ends_with('x')
    {
        push(base, "es");
        push(base, "ed");
        push(base, "ing");
    } else {
        push(base, "s");
        push(base, "ed");
        push(base, "ing");
    }
}

const DE_CUES: &[&str] = &[
    "sagte",
    "sagt",
    "sagten",
    "erklärte",
    "erklärt",
    "erklärten",
    "betonte",
    "betont",
    "meinte",
    "meint",
    "ergänzte",
    "ergänzt",
    "fügte",
    "warnte",
    "warnt",
    "kritisierte",
    "kritisiert",
    "bestätigte",
    "bestätigt",
    "versicherte",
    "versichert",
    "teilte",
    "räumte",
    "räumt",
    "entgegnete",
    "entgegnet",
    // with their particles only ("kündigte an, …", "gab zu, …"): see `analyse`
    "kündigte",
    "kündigt",
    "gab",
    "gibt",
    "behauptete",
    "behauptet",
    "argumentierte",
    "sagen",
    "erläuterte",
    "unterstrich",
    "bekräftigte",
    "schrieb",
    "hieß",
    "berichtete",
    "berichtet",
    "antwortete",
    "widersprach",
    "forderte",
    "stellte",
    "verwies",
    "beteuerte",
    "bestritt",
    "dementierte",
    "riet",
    "rät",
    "empfahl",
    "empfiehlt",
    "mahnte",
    "schätzt",
    "schätzte",
    "glaubt",
    "findet",
    "gesagt",
    "mitteilte",
    "mitteilten",
    "mitgeteilt",
    "erklären",
    "betonen",
    "betonten",
    "berichten",
    "berichteten",
    "bekräftigt",
    "beteuert",
    "fordert",
    "forderten",
    "mahnt",
    "dementiert",
    "warnten",
    "kritisierten",
    "bestätigten",
    "meinten",
    "ergänzten",
    "antworteten",
    "antwortet",
    "widerspricht",
    "unterstreicht",
    "verweist",
    "bestreitet",
    "glaubte",
    "räumen",
    "schreibt",
    "schreiben",
    "erzählt",
    "erzählte",
    "fügt",
    "kritisieren",
    "fordern",
    "zugab",
    "einräumte",
    "eingeräumt",
    "hinzufügte",
    "ankündigte",
    "angekündigt",
    "bekanntgab",
];
/// German verbs of speech that also take an object ("lobte die Mannschaft", "forderte mehr
/// Geld"): cues of a quote, or of a clause after "dass" or a comma, not of the words after them.
const DE_MORE_CUES: &[&str] = &[
    "nannte",
    "nennt",
    "bezeichnete",
    "bezeichnet",
    "lobte",
    "lobt",
    "beklagte",
    "beklagt",
    "bemängelte",
    "bemängelt",
    "monierte",
    "moniert",
    "fragte",
    "fragt",
    "gestand",
    "gesteht",
    "versprach",
    "verspricht",
    "resümierte",
    "bilanzierte",
    "schilderte",
    "schildert",
    "erinnerte",
    "erinnert",
    "äußerte",
    "äußert",
    "kommentierte",
    "kommentiert",
    "urteilte",
    "argumentiert",
    "konterte",
    "kontert",
    "erwiderte",
    "erwidert",
    "appellierte",
    "appelliert",
    "jubelte",
    "jubelt",
    "scherzte",
    "schwärmte",
    "schwärmt",
    "heißt",
    "twitterte",
    "versprochen",
    "gewarnt",
    "gefordert",
    "geschrieben",
    "klagte",
    "rief",
    "ruft",
    "analysierte",
    "folgerte",
    "präzisierte",
    "lacht",
    "lachte",
    "seufzt",
    "seufzte",
    "schmunzelt",
    "schmunzelte",
    "grinst",
    "grinste",
    "lächelt",
    "lächelte",
    "verrät",
    "verriet",
    "hofft",
    "hoffte",
    "befürchtet",
    "befürchtete",
    "fürchtet",
    "fürchtete",
    "vermutet",
    "vermutete",
    "prophezeit",
    "prophezeite",
    "prognostiziert",
    "prognostizierte",
    "spottete",
    "spottet",
    "schimpft",
    "schimpfte",
    "stöhnt",
    "stöhnte",
    "staunt",
    "staunte",
    "sinniert",
    "sinnierte",
    "wundert",
    "wunderte",
    "freut",
    "freute",
    "ärgert",
    "ärgerte",
    "bilanziert",
    "resümiert",
    "urteilt",
    "schildern",
    "erzählen",
    "beklagen",
    "begründete",
    "begründet",
    "sprach",
    "spricht",
];
const FR_CUES: &[&str] = &[
    "déclaré",
    "déclare",
    "dit",
    "dire",
    "affirmé",
    "affirme",
    "expliqué",
    "explique",
    "souligné",
    "souligne",
    "ajouté",
    "ajoute",
    "indiqué",
    "indique",
    "estimé",
    "estime",
    "assuré",
    "assure",
    "précisé",
    "précise",
    "averti",
    "avertit",
    "annoncé",
    "annonce",
    "confié",
    "confie",
    "répondu",
    "répond",
    "insisté",
    "insiste",
    "rappelé",
    "rappelle",
    "martelé",
    "martèle",
    "reconnu",
    "reconnaît",
    "démenti",
    "dément",
    "nié",
    "nie",
    "déclarait",
    "disait",
    "expliquait",
    "affirmait",
    "écrit",
    "soutenu",
    "soutient",
    "prévenu",
    "jugé",
    "juge",
    "observé",
    "noté",
    "note",
    "commenté",
    "commente",
    "regretté",
    "regrette",
    "relevé",
    "relève",
    "raconte",
    "raconté",
    "résume",
    "résumé",
    "poursuit",
    "poursuivi",
    "conclut",
    "conclu",
    "lance",
    "lancé",
    "tranche",
    "tranché",
    "confirme",
    "confirmé",
    "rapporte",
    "rapporté",
    "prévient",
    "estimait",
    "expliquent",
    "estiment",
    "assurent",
    "affirment",
    "indiquent",
    "soulignent",
    "précisent",
    "rappellent",
    "ajoutent",
    "confient",
    "racontent",
    "déclarent",
    "disent",
    "répondent",
    "assurait",
    "indiquait",
    "racontait",
    "soulignait",
    "précisait",
    "ajoutait",
    "confiait",
    "répondait",
    "écrivait",
    "estimaient",
    "expliquaient",
    "martelait",
    "soulignaient",
    "insistait",
    "regrettait",
];
/// French verbs of speech that also take an object ("a défendu le projet", "réclame des
/// dérogations"): cues of a quote, or of a clause after "que" or a comma, not of the words after
/// them.
const FR_MORE_CUES: &[&str] = &[
    "justifié",
    "justifie",
    "déploré",
    "déplore",
    "déplorent",
    "lâché",
    "lâche",
    "souri",
    "sourit",
    "plaidé",
    "plaide",
    "réagi",
    "réagit",
    "promis",
    "promet",
    "tempéré",
    "tempère",
    "dénoncé",
    "dénonce",
    "détaillé",
    "détaille",
    "indigné",
    "indignée",
    "indignés",
    "s'indigne",
    "s’indigne",
    "rétorqué",
    "rétorque",
    "répliqué",
    "ironisé",
    "ironise",
    "glissé",
    "glisse",
    "soufflé",
    "souffle",
    "admis",
    "admet",
    "avoué",
    "avoue",
    "concédé",
    "concède",
    "renchéri",
    "renchérit",
    "nuancé",
    "témoigné",
    "témoigne",
    "exclamé",
    "exclamée",
    "inquiété",
    "inquiétée",
    "s'inquiète",
    "s’inquiète",
    "étonné",
    "étonnée",
    "s'étonne",
    "s’étonne",
    "réjoui",
    "réjouie",
    "réjouit",
    "félicité",
    "félicite",
    "salué",
    "salue",
    "fustigé",
    "fustige",
    "critiqué",
    "défendu",
    "argumenté",
    "argumente",
    "signalé",
    "signale",
    "relaté",
    "jure",
    "garanti",
    "garantit",
    "demandé",
    "réclamé",
    "réclame",
    "murmuré",
    "plaisanté",
    "plaisante",
    "amusé",
    "amusée",
    "s'amuse",
    "s’amuse",
    "constaté",
    "constate",
    "remarqué",
    "enchaîné",
    "enchaîne",
    "complété",
    "repris",
    "reprend",
    "contesté",
    "conteste",
    "considère",
    "pense",
    "maintenu",
    "maintient",
    "réaffirmé",
    "réaffirme",
    "répété",
    "répète",
    "rassuré",
    "rassure",
    "relativisé",
    "relativise",
    "riposté",
    "riposte",
    "objecté",
    "protesté",
    "proteste",
    "tonné",
    "tweeté",
    "reconnaissent",
    "dénoncent",
    "regrettent",
    "jugent",
    "préviennent",
    "annoncent",
    "confirment",
    "démentent",
    "nient",
    "reconnaissait",
    "soupire",
    "soupiré",
    "rit",
    "s'exclame",
    "s’exclame",
    "énumère",
    "énuméré",
    "espère",
    "espéré",
    "craint",
    "redoute",
    "abonde",
    "abondé",
    "acquiesce",
    "acquiescé",
    "tacle",
    "taclé",
    "cingle",
    "grince",
    "grincé",
    "rigole",
    "s'esclaffe",
    "s’esclaffe",
    "clame",
    "clamé",
    "proclame",
    "revendique",
    "revendiqué",
    "assume",
    "assumé",
    "s'agace",
    "s’agace",
    "s'emporte",
    "s’emporte",
    "s'enthousiasme",
    "s’enthousiasme",
    "s'insurge",
    "s’insurge",
    "s'offusque",
    "s’offusque",
    "s'interroge",
    "s’interroge",
    "désole",
    "s'alarme",
    "s’alarme",
    "tempête",
    "interpelle",
    "interpellé",
    "observe",
    "observent",
    "fulmine",
    "fulminé",
    "invoque",
    "invoqué",
    "exige",
    "exigé",
    "s'étrangle",
    "s’étrangle",
    "grogne",
    "enrage",
];
const RU_CUES: &[&str] = &[
    "уточнил",
    "уточнила",
    "уточнили",
    "вспоминает",
    "вспомнил",
    "вспомнила",
    "возмущается",
    "возмутился",
    "возмутилась",
    "заявил",
    "заявила",
    "заявили",
    "заявляет",
    "заявляют",
    "сказал",
    "сказала",
    "сказали",
    "отметил",
    "отметила",
    "отметили",
    "сообщил",
    "сообщила",
    "сообщили",
    "сообщает",
    "подчеркнул",
    "подчеркнула",
    "добавил",
    "добавила",
    "пояснил",
    "пояснила",
    "рассказал",
    "рассказала",
    "признал",
    "признала",
    "говорит",
    "говорил",
    "говорила",
    "считает",
    "уверен",
    "уверена",
    "заверил",
    "заверила",
    "предупредил",
    "предупредила",
    "написал",
    "написала",
    "ответил",
    "ответила",
    "утверждает",
    "утверждал",
    "объяснил",
    "объяснила",
    "указал",
    "указала",
    "настаивает",
    "опроверг",
    "опровергла",
    "отрицает",
    "напомнил",
    "напомнила",
    "напомнили",
    "заявило",
    "заявлял",
    "заявляла",
    "заявляли",
    "сообщило",
    "отметило",
    "считают",
    "полагает",
    "подчеркнули",
    "добавили",
    "пояснили",
    "рассказали",
    "признали",
    "ответили",
    "объяснили",
    "указали",
    "предупредили",
    "пояснило",
    "подчеркнуло",
    "сообщают",
    "отмечает",
    "отмечают",
    "подчёркивает",
    "подчеркивает",
    "добавляет",
    "поясняет",
    "рассказывает",
    "признаёт",
    "признает",
    "объясняет",
    "уверяет",
    "заверяет",
    "предупреждает",
    "напоминает",
    "указывает",
    "пишет",
    "написали",
    "сообщал",
    "сообщала",
    "говорят",
    "опровергли",
    "отрицал",
    "отрицала",
    "настаивал",
    "настаивала",
    "уточняет",
    "уточняют",
    "добавляют",
    "поясняют",
    "объясняют",
    "рассказывают",
    "признают",
    "подчёркивают",
    "подчеркивают",
    "предупреждают",
    "напоминают",
    "уверяют",
];
/// Russian verbs of speech that also take an object ("оценил ущерб", "назвал сроки"): cues
/// of a quote, or of a clause after "что" or a comma, not of the words after them.
const RU_MORE_CUES: &[&str] = &[
    "признаётся",
    "признается",
    "возразил",
    "возразила",
    "возражает",
    "парировал",
    "парировала",
    "назвал",
    "назвала",
    "охарактеризовал",
    "охарактеризовала",
    "оценил",
    "оценила",
    "прокомментировал",
    "прокомментировала",
    "прокомментировали",
    "посетовал",
    "посетовала",
    "пожаловался",
    "пожаловалась",
    "пообещал",
    "пообещала",
    "пообещали",
    "заметил",
    "заметила",
    "констатировал",
    "констатировала",
    "резюмировал",
    "резюмировала",
    "отрезал",
    "отрезала",
    "подытожил",
    "подытожила",
    "поделился",
    "поделилась",
    "признался",
    "призналась",
    "делится",
    "думает",
    "передаёт",
    "передает",
    "объявил",
    "объявила",
    "объявили",
    "предположил",
    "предположила",
    "согласился",
    "согласилась",
    "продолжил",
    "продолжила",
    "заключил",
    "заключила",
    "убеждён",
    "убежден",
    "убеждена",
    "сетует",
    "жалуется",
    "пошутил",
    "пошутила",
    "шутит",
    "резюмирует",
    "улыбается",
    "улыбнулся",
    "улыбнулась",
    "смеётся",
    "смеется",
    "засмеялся",
    "засмеялась",
    "рассмеялся",
    "рассмеялась",
    "вздыхает",
    "вздохнул",
    "вздохнула",
    "усмехается",
    "усмехнулся",
    "усмехнулась",
    "перечисляет",
    "перечислил",
    "перечислила",
    "удивляется",
    "удивился",
    "удивилась",
    "сокрушается",
    "сокрушался",
    "сокрушалась",
    "рассуждает",
    "размышляет",
    "повторяет",
    "повторил",
    "повторила",
    "твердит",
    "соглашается",
    "сомневается",
    "продолжает",
    "заключает",
    "замечает",
    "констатирует",
    "подытоживает",
    "хвастается",
    "жалуются",
    "сетуют",
    "обратился",
    "обратилась",
    "призвал",
    "призвала",
    "призвали",
];

/// English cue words with their class, say-forms over that-verbs: one look-up per word of every
/// paragraph.
static EN: LazyLock<WordMap<&'static [u8], CueClass>> = LazyLock::new(|| {
    let mut forms = String::with_capacity(4096);
    let mut ends = Vec::with_capacity(4 * EN_THAT_BASES.len());
    for b in EN_THAT_BASES {
        inflect(b, &mut forms, &mut ends);
    }
    // kept for the life of the process, as the map is
    let forms: &'static str = forms.leak();
    let mut m =
        WordMap::with_capacity_and_hasher(ends.len() + EN_SAY_FORMS.len(), Default::default());
    let mut start = 0;
    for end in ends {
        m.insert(&forms.as_bytes()[start..end], CueClass::That);
        start = end;
    }
    m.extend(EN_SAY_FORMS.iter().map(|w| (w.as_bytes(), CueClass::Say)));
    m
});
fn byte_set(words: &[&'static str]) -> ByteSet {
    words.iter().map(|w| w.as_bytes()).collect()
}
static DE: LazyLock<ByteSet> = LazyLock::new(|| byte_set(DE_CUES));
static FR: LazyLock<ByteSet> = LazyLock::new(|| byte_set(FR_CUES));
static RU: LazyLock<ByteSet> = LazyLock::new(|| byte_set(RU_CUES));
static DE_MORE: LazyLock<ByteSet> = LazyLock::new(|| byte_set(DE_MORE_CUES));
static FR_MORE: LazyLock<ByteSet> = LazyLock::new(|| byte_set(FR_MORE_CUES));
static RU_MORE: LazyLock<ByteSet> = LazyLock::new(|| byte_set(RU_MORE_CUES));
/// The class of `w` in a language's lists: a bare clause may follow a verb of `core`, one of
/// `more` needs a quote, a complementizer or a comma.
fn core_or_more(w: &[u8], core: &ByteSet, more: &ByteSet) -> Option<CueClass> {
    if core.contains(w) {
        Some(CueClass::Say)
    } else if more.contains(w) {
        Some(CueClass::That)
    } else {
        None
    }
}
/// A one-bit-per-digest summary of a word list: a word whose bit is clear is not in the list.
/// A bit test costs a tenth of a hash look-up, and most words asked about are in no list.
pub struct WordFilter([u64; WordFilter::BITS / 64]);

impl WordFilter {
    const BITS: usize = 8192;

    /// The digest of the word whose UTF-8 bytes are `b`: 16 bits from its length, first two
    /// bytes and last byte, each with bit 5 set; a filter's bit is its top 13, a
    /// [`CueFilter`]'s all 16. That is the bit of ASCII lower case (and set in
    /// ASCII digits and most punctuation), so an ASCII word and its lower case share a digest,
    /// told without lower-casing the word. [`Tok::digest`] keeps each word's: every filter is
    /// asked about the same word with it, without reading the word again. A `const fn`, for
    /// the digests of words a test knows.
    ///
    /// [`Tok::digest`]: super::text::Tok::digest
    #[inline]
    pub const fn digest(b: &[u8]) -> u16 {
        match b {
            [] => Self::digest_parts(0, 0, 0, 0),
            [first, rest @ ..] => Self::digest_parts(
                b.len(),
                *first | 0x20,
                match rest.first() {
                    Some(&x) => x | 0x20,
                    None => 0,
                },
                b[b.len() - 1] | 0x20,
            ),
        }
    }

    /// [`WordFilter::digest`] of a word of `len` bytes from its first two bytes and last one,
    /// each with bit 5 set (0 for none): for a reader that has them at hand.
    #[inline]
    pub const fn digest_parts(len: usize, first: u8, second: u8, last: u8) -> u16 {
        let key = (len as u32) ^ (first as u32) << 8 ^ (second as u32) << 16 ^ (last as u32) << 24;
        (key.wrapping_mul(0x9e37_79b1) >> 16) as u16
    }

    /// The bit of digest `d`: its top 13 bits, in bounds without a test.
    #[inline]
    const fn bit(d: u16) -> usize {
        (d >> (16 - Self::BITS.trailing_zeros())) as usize
    }

    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> WordFilter {
        let mut filter = WordFilter::empty();
        for w in words {
            filter.insert(w);
        }
        filter
    }

    /// A filter of the words of `lists`, built at compile time: a `static` of it is read with no
    /// test of whether it is built yet (a `LazyLock` tests at each use, where such a branch of a
    /// rarely run path mispredicts).
    pub const fn of_lists(lists: &[&[&str]]) -> WordFilter {
        let mut filter = WordFilter::empty();
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                filter.insert_digest(Self::digest(lists[l][i].as_bytes()));
                i += 1;
            }
            l += 1;
        }
        filter
    }

    /// A filter of no word, for [`WordFilter::insert`].
    pub const fn empty() -> WordFilter {
        WordFilter([0; Self::BITS / 64])
    }

    /// Adds word `w` to the filter.
    #[inline]
    pub fn insert(&mut self, w: &str) {
        self.insert_digest(Self::digest(w.as_bytes()));
    }

    /// Adds the word whose [`WordFilter::digest`] is `d`.
    #[inline]
    pub const fn insert_digest(&mut self, d: u16) {
        let d = Self::bit(d);
        self.0[d / 64] |= 1 << (d % 64);
    }

    /// [`WordFilter::insert_digest`] when `add`: with no branch on `add`, for a caller that
    /// adds some of many words, at no predictable place.
    #[inline]
    pub fn insert_digest_if(&mut self, d: u16, add: bool) {
        let d = Self::bit(d);
        self.0[d / 64] |= u64::from(add) << (d % 64);
    }

    /// [`WordFilter::may_contain`] of the word whose [`WordFilter::digest`] is `d`.
    #[inline]
    pub fn may_contain_digest(&self, d: u16) -> bool {
        let d = Self::bit(d);
        self.0[d / 64] & (1 << (d % 64)) != 0
    }

    /// False when `w` is certainly not in the list.
    #[inline]
    pub fn may_contain(&self, w: &str) -> bool {
        self.may_contain_digest(Self::digest(w.as_bytes()))
    }

    /// [`WordFilter::may_contain`] of `w` lower-cased, told without lower-casing an ASCII word
    /// (whose lower case has its digest); always true otherwise.
    #[inline]
    pub fn may_contain_lower_of(&self, w: &str) -> bool {
        !w.is_ascii() || self.may_contain(w)
    }
}

/// The words at which `analyse` starts a cue beyond the cue lists of `lang`: the first words
/// of its multi-word cues ("according to", "pointed out", "nach Angaben", "по словам", "fait
/// savoir") and "d'après".
pub fn cue_lead_words(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["according", "pointed"],
        Lang::De => &["nach"],
        Lang::Fr => &["d'après", "d’après", "fait"],
        Lang::Ru => &["по"],
    }
}

/// A [`WordFilter`] of a bit per 16-bit digest, for the cues: of the words of a paragraph, a
/// 13-bit filter of the 700 English cue forms lets one in twelve through, most of them no cue,
/// each then looked up (and each a mispredicted branch of the pass that looks for cues).
pub struct CueFilter([u64; 1 << 10]);

impl CueFilter {
    /// [`WordFilter::may_contain_digest`] with every bit of the digest.
    #[inline]
    pub fn may_contain_digest(&self, d: u16) -> bool {
        let d = usize::from(d);
        self.0[d / 64] & (1 << (d % 64)) != 0
    }

    /// [`CueFilter::may_contain_digest`] of digest `d` as bit 0, the others clear.
    #[inline]
    pub fn bit(&self, d: u16) -> u64 {
        let d = usize::from(d);
        self.0[d / 64] >> (d % 64) & 1
    }

    /// [`CueFilter::may_contain_digest`] of the word of bytes `w`.
    #[inline]
    pub fn may_contain(&self, w: &[u8]) -> bool {
        self.may_contain_digest(WordFilter::digest(w))
    }
}

/// The filter of the cues of `lang`: its listed `cues`, the words [`listed_cue_class`] reads
/// beyond them (`unlisted`) and its [`cue_lead_words`]. One filter per language: a filter of
/// every language lets through many words whose digest is that of a cue of another language.
fn lang_cue_filter<'w>(
    lang: Lang,
    cues: impl Iterator<Item = &'w [u8]>,
    unlisted: &[&'w str],
) -> CueFilter {
    let mut bits = [0; 1 << 10];
    for w in cues.chain(
        unlisted
            .iter()
            .chain(cue_lead_words(lang))
            .map(|w| w.as_bytes()),
    ) {
        let d = usize::from(WordFilter::digest(w));
        bits[d / 64] |= 1 << (d % 64);
    }
    CueFilter(bits)
}

static EN_CUE_FILTER: LazyLock<CueFilter> =
    LazyLock::new(|| lang_cue_filter(Lang::En, EN.keys().copied(), &[]));
static DE_CUE_FILTER: LazyLock<CueFilter> = LazyLock::new(|| {
    lang_cue_filter(
        Lang::De,
        DE_CUES.iter().chain(DE_MORE_CUES).map(|w| w.as_bytes()),
        &["laut", "zufolge", "so"],
    )
});
static FR_CUE_FILTER: LazyLock<CueFilter> = LazyLock::new(|| {
    lang_cue_filter(
        Lang::Fr,
        FR_CUES.iter().chain(FR_MORE_CUES).map(|w| w.as_bytes()),
        &["selon"],
    )
});
static RU_CUE_FILTER: LazyLock<CueFilter> = LazyLock::new(|| {
    lang_cue_filter(
        Lang::Ru,
        RU_CUES.iter().chain(RU_MORE_CUES).map(|w| w.as_bytes()),
        &[],
    )
});

/// The filter of the cues of `lang`: a word whose [`WordFilter::digest`] it does not contain is
/// no cue, told without reading the word (in French, unless a hyphen may part an inverted
/// pronoun from it: "affirme-t-il"). Taken once for a pass over many words.
pub fn cue_filter_of(lang: Lang) -> &'static CueFilter {
    match lang {
        Lang::En => &EN_CUE_FILTER,
        Lang::De => &DE_CUE_FILTER,
        Lang::Ru => &RU_CUE_FILTER,
        Lang::Fr => &FR_CUE_FILTER,
    }
}

/// Classify a lower-cased word as a speech cue in `lang`.
///
/// Inlined up to the filter: asked of every word of every paragraph, and few words are cues.
#[inline]
pub fn cue_class(lang: Lang, w: &str) -> Option<CueClass> {
    cue_class_of(lang, w.as_bytes())
}

/// [`cue_class`] of the word of bytes `w`.
#[inline]
pub fn cue_class_of(lang: Lang, w: &[u8]) -> Option<CueClass> {
    // French words are filtered once their inverted pronoun is off, in `listed_cue_class`
    if lang != Lang::Fr && !cue_filter_of(lang).may_contain(w) {
        return None;
    }
    listed_cue_class(lang, w)
}

/// [`cue_class_of`] past the filter: of a word that [`cue_filter_of`] let through.
pub fn listed_cue_class(lang: Lang, w: &[u8]) -> Option<CueClass> {
    match lang {
        Lang::En => EN.get(w).copied(),
        // in the other languages, any listed verb may introduce a clause or a quote
        Lang::De => {
            if w == b"laut" {
                Some(CueClass::According)
            } else if w == b"zufolge" {
                Some(CueClass::Zufolge)
            } else if w == b"so" {
                Some(CueClass::So)
            } else {
                core_or_more(w, &DE, &DE_MORE)
            }
        }
        Lang::Fr => {
            // inverted pronoun: "résume-t-il", "affirme-t-elle"
            let w = [
                "-t-il", "-t-elle", "-t-ils", "-t-elles", "-il", "-elle", "-ils", "-elles",
            ]
            .iter()
            .find_map(|s| w.strip_suffix(s.as_bytes()))
            .unwrap_or(w);
            if w == b"selon" {
                Some(CueClass::According)
            } else if FR_CUE_FILTER.may_contain(w) {
                core_or_more(w, &FR, &FR_MORE)
            } else {
                None
            }
        }
        Lang::Ru => core_or_more(w, &RU, &RU_MORE),
    }
}

/// Honorifics and titles removed in front of a name (lower-case, without the dot).
const TITLES_LIST: &[&str] = &[
    "sen",
    "senator",
    "councillor",
    "councilor",
    // members of parliaments ("Labour MP Sarah Okonjo")
    "mp",
    "mep",
    "msp",
    "councilman",
    "councilwoman",
    "rep",
    "representative",
    "adm",
    "admiral",
    "dr",
    "prof",
    // (French "le Pr Lucien Barre")
    "pr",
    "professor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "gen",
    "general",
    "gov",
    "governor",
    "lt",
    "col",
    "colonel",
    "sgt",
    "capt",
    "captain",
    "cmdr",
    "director",
    "president",
    "secretary",
    "minister",
    "judge",
    "justice",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "ceo",
    "coach",
    "detective",
    "officer",
    "agent",
    "deputy",
    "acting",
    "former",
    "attorney",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "prosecutor",
    "inspector",
    "commissioner",
    "mayor",
    "ambassador",
    "analyst",
    "researcher",
    "executive",
    "founder",
    "co-founder",
    "cofounder",
    "secretary-general",
    "director-general",
    // French lawyers' "Maître" ("Me" is a leading noun: an English "me" is no title)
    "maître",
    // British courts' and police's ("Recorder Alan Whitby", "Det Insp Martin Greer")
    "recorder",
    "coroner",
    "det",
    "insp",
    "supt",
    "assemblyman",
    "assemblywoman",
    "head",
    "leader",
    "lawyer",
    "counsel",
    "superintendent",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "quarterback",
    "forward",
    "guard",
    "pitcher",
    "speaker",
    "premier",
    "chancellor",
    "dean",
    "sheriff",
    "herr",
    "frau",
    "m",
    "mme",
    "monsieur",
    "madame",
    "der",
    "die",
    "sir",
    "dame",
    "lord",
    "lady",
    "vice",
    "assistant",
    "associate",
    "senior",
    "state",
    "federal",
    "u.s",
    "us",
    "house",
    "senate",
    "pastor",
    "rev",
    "father",
    "bishop",
    "editor",
    "correspondent",
    "reporter",
    "correspondent",
    "economist",
    "strategist",
    "trainer",
    "manager",
    "owner",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rabbi",
    "imam",
    "chef",
    "officer",
    "constable",
    "cabinet",
    "staff",
    "sergeant",
    "corporal",
    "private",
    "major",
    "lieutenant",
];
pub static TITLES: ListSet = ListSet(IN_TITLES);

/// Organisation words that mark a government body.
const GOV_LIST: &[&str] = &[
    "department",
    "agency",
    "administration",
    "committee",
    "commission",
    "bureau",
    "ministry",
    "office",
    "council",
    "court",
    "senate",
    "congress",
    "parliament",
    "house",
    "police",
    "constabulary",
    "authority",
    "government",
    "kremlin",
    "pentagon",
    "white",
    "army",
    "navy",
    "bundesamt",
    "ministerium",
    "regierung",
    "gericht",
    "ministère",
    "gouvernement",
    "министерство",
    "правительство",
    "суд",
    "служба",
    "service",
];
/// Organisation words that mark a news outlet.
const MEDIA_LIST: &[&str] = &[
    "journal",
    "news",
    "times",
    "post",
    "tribune",
    "herald",
    "gazette",
    "ledger",
    "review",
    "daily",
    "weekly",
    "magazine",
    "radio",
    "tv",
    "television",
    "businessweek",
    "reuters",
    "press",
    "zeitung",
    "kommersant",
    "tass",
    "interfax",
    "media",
];
/// Organisation words that mark neither (companies, institutions, ...).
const ORG_MISC_LIST: &[&str] = &[
    // ("Delta Air Lines", "British Airways", "General Motors")
    "airlines",
    "lines",
    "airways",
    "motors",
    "lab",
    "labs",
    "inc",
    "corp",
    "corporation",
    "company",
    "co",
    "ltd",
    "llc",
    "group",
    "services",
    "party",
    "bank",
    "university",
    "institute",
    "association",
    "union",
    "foundation",
    "board",
    "fund",
    "systems",
    "technologies",
    "technology",
    "software",
    "networks",
    "club",
    "fc",
    "team",
    "league",
    "federation",
    "bloomberg",
    "cabinet",
    "force",
    "forces",
    "network",
    "centre",
    "center",
    "labour",
    "microsoft",
    "google",
    "apple",
    "amazon",
    "facebook",
    "buy",
    "airlines",
    "motors",
    "partners",
    "holdings",
    "capital",
    "ag",
    "gmbh",
    "sa",
    "plc",
    "verlag",
    "amt",
    "agentur",
    "agence",
    "société",
    "компания",
    "лаборатория",
    "rbc",
    "security",
    "solutions",
    "associates",
    "consulting",
    "research",
    // companies by their trade ("Harwood Foods", "Larkspur Pharmaceuticals", "Saltcell Energy")
    "foods",
    "pharmaceuticals",
    "pharma",
    "energy",
    "industries",
    "logistics",
    "telecom",
    "mining",
    "shipping",
    "insurance",
];

/// Organisation words of bodies that are neither companies, government nor media (forums, initiatives,
/// schools): organisations, but not what "the company" / "the agency" refers to.
const OTHER_ORG_LIST: &[&str] = &[
    "trust",
    "charity",
    "cooperative",
    "co-operative",
    "museum",
    "hospital",
    "orchestra",
    "theatre",
    "theater",
    "forum",
    "initiative",
    "alliance",
    "coalition",
    "society",
    "consortium",
    "academy",
    "college",
    "school",
    "institution",
    "watch",
    "project",
    "verband",
    "verein",
    "stiftung",
    "institut",
    "hochschule",
    "universität",
    "collectif",
    "fédération",
    "observatoire",
    "université",
    "programme",
    "program",
    // ("Center for Strategic and International Studies", "Centers for Disease Control")
    "center",
    "centre",
    "centers",
    "centres",
];

pub static MEDIA_WORDS: LazyLock<WordSet> = LazyLock::new(|| MEDIA_LIST.iter().copied().collect());

/// The organisation kind a word gives a capitalised run, the highest of its lists by precedence
/// media > government > company > other: one look-up per word instead of one per list.
pub static ORG_WORD_KIND: LazyLock<WordMap<&'static str, OrgKind>> = LazyLock::new(|| {
    // later inserts override: lowest precedence first
    let mut m: WordMap<&'static str, OrgKind> = OTHER_ORG_LIST
        .iter()
        .map(|&w| (w, OrgKind::Other))
        .collect();
    m.extend(ORG_MISC_LIST.iter().map(|&w| (w, OrgKind::Company)));
    m.extend(GOV_LIST.iter().map(|&w| (w, OrgKind::Gov)));
    m.extend(MEDIA_LIST.iter().map(|&w| (w, OrgKind::Media)));
    m
});
static ORG_WORD_FILTER: LazyLock<WordFilter> =
    LazyLock::new(|| WordFilter::new(ORG_WORD_KIND.keys().copied()));

/// [`org_word_kind`] of a word from its lower-case form `l` and [`list_flags`] `f`: looked up
/// only for a word in an organisation list (or with a final dot, whose flags are another form's).
pub fn low_org_kind(l: &str, f: u8) -> Option<OrgKind> {
    if !l.ends_with('.') && f & (IN_ORG_WORDS | IN_OTHER_ORG) == 0 {
        return None;
    }
    ORG_WORD_KIND.get(l.trim_end_matches('.')).copied()
}

/// [`ORG_WORD_KIND`] of word `w` lower-cased: asked of every word of every capitalised run, most
/// of which are in no list, told so by the filter before any lower-casing.
pub fn org_word_kind(w: &str) -> Option<OrgKind> {
    if !ORG_WORD_FILTER.may_contain_lower_of(w) {
        return None;
    }
    with_lower(w, |l| ORG_WORD_KIND.get(l).copied())
}

/// Whether lower-case word `w` is a person's role or a title ("captain", "coach", "Dr"): a
/// capitalised word after it is a person's name ("Westmark captain Rhys Talbot").
pub fn is_role_or_title(w: &str) -> bool {
    list_flags(w) & (IN_PERSON_ROLES | IN_TITLES) != 0
}

/// Whether lower-case word `w` is a company's legal form ("plc", "Ltd", "GmbH"), which ends its
/// name and heads nothing.
pub fn is_legal_form(w: &str) -> bool {
    matches!(
        w,
        "plc"
            | "ltd"
            | "inc"
            | "llc"
            | "co"
            | "corp"
            | "gmbh"
            | "ag"
            | "sa"
            | "nv"
            | "bv"
            | "spa"
            | "se"
            | "lp"
            | "llp"
    )
}

/// Nominal heads that refer back to an organisation, with the kind they need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    Company,
    Gov,
    Media,
    Any,
    /// forums, initiatives, schools
    Other,
}
const ORG_NOMINAL_LIST: &[(&str, OrgKind)] = {
    use OrgKind::*;
    &[
        ("company", Company),
        ("publisher", Any),
        ("firm", Company),
        ("lab", Company),
        ("vendor", Company),
        ("maker", Company),
        ("developer", Company),
        ("business", Company),
        ("retailer", Company),
        // companies by their trade ("Orion Motors … The carmaker said")
        ("carmaker", Company),
        ("automaker", Company),
        ("airline", Company),
        ("carrier", Company),
        ("bank", Company),
        ("lender", Company),
        ("insurer", Company),
        ("chipmaker", Company),
        ("drugmaker", Company),
        ("manufacturer", Company),
        ("brewer", Company),
        ("miner", Company),
        ("operator", Company),
        ("startup", Company),
        ("conglomerate", Company),
        ("utility", Company),
        ("group", Any),
        ("corporation", Company),
        ("provider", Company),
        ("club", Any),
        ("team", Any),
        ("organisation", Any),
        ("organization", Any),
        ("agency", Gov),
        ("department", Gov),
        ("administration", Gov),
        ("bureau", Gov),
        ("commission", Gov),
        ("ministry", Gov),
        ("office", Gov),
        ("regulator", Gov),
        ("watchdog", Gov),
        ("committee", Gov),
        ("government", Gov),
        ("court", Gov),
        ("panel", Gov),
        ("newspaper", Media),
        ("paper", Media),
        ("outlet", Media),
        ("magazine", Media),
        ("publication", Media),
        ("broadcaster", Media),
        ("report", Media),
        ("reporting", Media),
        ("article", Media),
        ("story", Media),
        ("unternehmen", Company),
        ("konzern", Company),
        ("firma", Company),
        ("behörde", Gov),
        ("ministerium", Gov),
        ("verband", Any),
        ("verein", Any),
        ("gewerkschaft", Any),
        ("partei", Any),
        ("gericht", Gov),
        ("société", Company),
        ("entreprise", Company),
        ("groupe", Any),
        ("agence", Gov),
        ("компания", Company),
        ("компании", Company),
        // ("Как сообщила газета «Ведомости»", "компания «Газпром»")
        ("газета", Media),
        ("газеты", Media),
        ("издание", Media),
        ("издания", Media),
        ("агентство", Media),
        ("агентства", Media),
        ("телеканал", Media),
        ("холдинг", Company),
        ("холдинга", Company),
        ("корпорация", Company),
        ("корпорации", Company),
        ("ведомство", Gov),
        ("unternehmens", Company),
        ("konzerns", Company),
        ("herstellers", Company),
        ("hersteller", Company),
        ("ministeriums", Gov),
        ("amt", Gov),
        ("amtes", Gov),
        ("bundesamt", Gov),
        ("bundesamts", Gov),
        ("behörden", Gov),
        ("regierung", Gov),
        ("ministère", Gov),
        ("autorité", Gov),
        ("régulateur", Gov),
        ("éditeur", Company),
        ("fabricant", Company),
        ("ministerium", Gov),
        ("министерство", Gov),
        ("министерства", Gov),
        ("ведомства", Gov),
        ("компанией", Company),
        ("производитель", Company),
    ]
};
pub static ORG_NOMINALS: LazyLock<WordMap<&'static str, OrgKind>> =
    LazyLock::new(|| ORG_NOMINAL_LIST.iter().copied().collect());

/// Spokes-roles: with an organisation but no name, the organisation is the speaker.
pub const SPOKES_LIST: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "representative",
    "representatives",
    "spokesmen",
    "spokeswomen",
    "sprecher",
    "sprecherin",
    "porte-parole",
    "представитель",
    "пресс-служба",
    "пресс-службе",
    "пресс-службы",
    "пресс-службу",
    "press",
];
pub static SPOKES: ListSet = ListSet(IN_SPOKES);

/// Person role nominals ("the senator") resolved to a person introduced with that role.
const PERSON_ROLES_LIST: &[&str] = &[
    "эксперт",
    "юрист",
    "аналитик",
    "адвокат",
    "специалист",
    "исследователь",
    "гособвинитель",
    "обвинитель",
    "мэр",
    "губернатор",
    "министр",
    "спикер",
    "пресс-секретарь",
    "депутат",
    "сенатор",
    "врач",
    "учёный",
    "ученый",
    "синоптик",
    "спасатель",
    "полицейский",
    "следователь",
    "защитник",
    "нападающий",
    "форвард",
    "голкипер",
    "вратарь",
    "хоккеист",
    "футболист",
    "теннисист",
    "теннисистка",
    "спортсмен",
    "спортсменка",
    "чемпион",
    "чемпионка",
    "певица",
    "певец",
    "актёр",
    "актер",
    "актриса",
    "режиссёр",
    "режиссер",
    "художник",
    "писатель",
    "поэт",
    "композитор",
    "директор",
    "ректор",
    "учитель",
    "учительница",
    "педагог",
    "премьер",
    "префект",
    "руководитель",
    "начальник",
    "председатель",
    "гендиректор",
    "основатель",
    "владелец",
    "владелица",
    "предприниматель",
    "фермер",
    "пенсионер",
    "пенсионерка",
    "очевидец",
    "свидетель",
    "потерпевший",
    "потерпевшая",
    "подсудимый",
    "подсудимая",
    "обвиняемый",
    "обвиняемая",
    "истец",
    "судья",
    "прокурор",
    "омбудсмен",
    "эколог",
    "инженер",
    "пилот",
    "капитан",
    "командир",
    "тренер",
    "наставник",
    "менеджер",
    "экономист",
    "политолог",
    "профессор",
    "академик",
    "журналист",
    "блогер",
    "волонтёр",
    "волонтер",
    "активист",
    "активистка",
    "senator",
    "lawmaker",
    "official",
    "analyst",
    "researcher",
    "professor",
    "expert",
    "judge",
    "director",
    "executive",
    "founder",
    "investigator",
    "minister",
    "coach",
    "manager",
    "prosecutor",
    "lawyer",
    "attorney",
    "chairman",
    "chairwoman",
    "congressman",
    "congresswoman",
    "representative",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "president",
    "secretary",
    "economist",
    "scientist",
    "officer",
    "detective",
    "mayor",
    "governor",
    "ambassador",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "captain",
    "quarterback",
    "player",
    "veteran",
    "rookie",
    "witness",
    "defendant",
    "plaintiff",
    "consultant",
    "engineer",
    "specialist",
    "strategist",
    "author",
    "historian",
    "diplomat",
    "ceo",
    "commissioner",
    "inspector",
    "sheriff",
    "spokesperson",
    "head",
    "boss",
    "skipper",
    "manager",
    "coach",
    "trainer",
    "candidate",
    "activist",
    "adviser",
    "advisor",
    "banker",
    "doctor",
    "physician",
    "teacher",
    "student",
    "pilot",
    "architect",
    "agent",
    "contractor",
    "entrepreneur",
    "businessman",
    "businesswoman",
    "general",
    "admiral",
    "colonel",
    "defense",
    "counsel",
    "auditor",
    "regulator",
];
pub static PERSON_ROLES: ListSet = ListSet(IN_PERSON_ROLES);

/// Russian name `name`, written in the genitive ("Игоря Кравченко", "Анны Петровой",
/// "Омскстата", "Банка России"), in the nominative: every word of a person's name
/// (`person`), the first word of another's (its complements stay in the genitive). None when a
/// word's ending tells no case (acronyms, indeclinable names, Latin letters).
pub fn ru_nominative(name: &str, person: bool) -> Option<String> {
    fn word(w: &str) -> Option<String> {
        // (one capital, first: a name's word, not an acronym nor an institution's noun)
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        if upper != 1
            || !w.starts_with(char::is_uppercase)
            || !w.chars().all(|c| super::text::is_cyrillic(c) || c == '-')
        {
            return None;
        }
        const RULES: &[(&str, &str)] = &[
            ("ского", "ский"),
            ("цкого", "цкий"),
            ("ской", "ская"),
            ("цкой", "цкая"),
            ("ой", "а"),
            ("ея", "ей"),
            ("ия", "ий"),
            ("ии", "ия"),
            ("ы", "а"),
            ("ки", "ка"),
            ("ги", "га"),
            ("хи", "ха"),
        ];
        for (from, to) in RULES {
            if let Some(stem) = w.strip_suffix(from) {
                return Some(format!("{stem}{to}"));
            }
        }
        // "Игоря" → "Игорь", "Петрова" / "Ивана" / "Омскстата" → "Петров" / "Иван" / "Омскстат"
        let stem = w
            .strip_suffix('я')
            .map(|s| (s, "ь"))
            .or_else(|| w.strip_suffix('а').map(|s| (s, "")));
        match stem {
            Some((s, to))
                if s.chars()
                    .last()
                    .is_some_and(|c| !"аеёиоуыэюяйь".contains(c)) =>
            {
                Some(format!("{s}{to}"))
            }
            // indeclinable: "Кравченко", "Дурново"
            _ if w.ends_with(['о', 'е', 'у', 'и', 'ю'])
                || w.ends_with("ых")
                || w.ends_with("их") =>
            {
                Some(w.to_string())
            }
            _ => None,
        }
    }
    let words: Vec<&str> = name.split(' ').collect();
    let (head, rest) = words.split_first()?;
    let mut out = word(head)?;
    for w in rest {
        out.push(' ');
        if person {
            out.push_str(&word(w)?);
        } else {
            out.push_str(w);
        }
    }
    Some(out)
}

/// The Russian person role a genitive form stands for ("по словам мэра", "депутата",
/// "председателя"): the listed nominative.
pub fn ru_role_of_genitive(w: &str) -> Option<&'static str> {
    let stem = w.strip_suffix('а').or_else(|| w.strip_suffix('я'))?;
    PERSON_ROLES_LIST.iter().copied().find(|r| {
        r.strip_prefix(stem)
            .is_some_and(|end| end.is_empty() || end == "ь" || end == "й")
    })
}

/// The name index asks of the words around every name whether they are a role, and few are:
/// this filter tells most apart before they are lower-cased.
pub static ROLE_FILTER: LazyLock<WordFilter> =
    LazyLock::new(|| WordFilter::new(PERSON_ROLES_LIST.iter().copied()));

/// Generic subjects that never name a speaker.
const GENERIC_LIST: &[&str] = &[
    "officials",
    "police",
    "experts",
    "analysts",
    "critics",
    "sources",
    "source",
    "источник",
    "источники",
    "people",
    "observers",
    "lawmakers",
    "researchers",
    "some",
    "others",
    "many",
    "several",
    "one",
    "witnesses",
    "residents",
    "authorities",
    "investigators",
    "prosecutors",
    "documents",
    "reports",
    "report",
    "filings",
    "records",
    "studies",
    "study",
    "data",
    "survey",
    "statement",
    "letter",
    "directive",
    "memo",
    "email",
    "emails",
    "article",
    "story",
    "someone",
    "somebody",
    "nobody",
    "everyone",
    "fans",
    "supporters",
    "opponents",
    "users",
    "customers",
    "employees",
    "staff",
    "insiders",
    "voters",
    "who",
    "which",
    "that",
    "this",
    "these",
    "those",
];
pub static GENERIC: ListSet = ListSet(IN_GENERIC);

pub const MALE_PRONOUNS: &[&str] = &[
    "he", "him", "his", "himself", "er", "ihm", "ihn", "sein", "seine", "il", "он", "его", "ему",
];
pub const FEMALE_PRONOUNS: &[&str] = &[
    "she", "her", "hers", "herself", "elle", "она", "её", "ее", "ей", "ihr", "ihre",
];

pub fn is_male_pronoun(w: &str) -> bool {
    MALE_PRONOUNS.contains(&w)
}
pub fn is_female_pronoun(w: &str) -> bool {
    FEMALE_PRONOUNS.contains(&w)
}

/// The name index looks for a pronoun in the words after every person's name, and few are one:
/// this filter tells most apart before they are lower-cased.
pub static PRONOUN_FILTER: WordFilter = WordFilter::of_lists(&[MALE_PRONOUNS, FEMALE_PRONOUNS]);

/// Abbreviations that do not end a sentence.
pub static ABBREV: LazyLock<WordSet> = LazyLock::new(|| {
    [
        "sen", "rep", "dr", "mr", "mrs", "ms", "prof", "adm", "gen", "gov", "lt", "col", "st",
        "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "u.s", "u.k", "e.g", "i.e", "jan",
        "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "sgt", "capt", "cmdr",
        "rev", "mt", "ft", "d.c", "a.m", "p.m", "approx", "dept", "est", "fig", "z.b", "bzw",
        "usw", "etc", "m", "mme", "mlle", "hr", "fr", "nr", "вт", "т.е", "г", "ул", "u.n", "e.u",
        "n.y", "calif", "fla", "mass", "wash", "va", "md", "tex", "ariz",
    ]
    .into_iter()
    .collect()
});
/// Most words before a full stop end a sentence, and this filter tells them from [`ABBREV`]
/// without lower-casing them.
pub static ABBREV_FILTER: LazyLock<WordFilter> =
    LazyLock::new(|| WordFilter::new(ABBREV.iter().copied()));

/// Capitalised function words that start sentences and are not names.
/// English weekday names: capitalised, but no names; a time phrase after a cue.
pub const EN_WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const CAP_STOP_LIST: &[&str] = &[
    // French prepositions open sentences, not names ("Avec ce troisième roman, Camille Roche")
    "avec",
    "pour",
    "sans",
    "après",
    "chez",
    "depuis",
    "pendant",
    "malgré",
    // a role's adjective ("la Première ministre, Claire Dumontel")
    "première",
    // a live blog's time ("10.11 Uhr – Wallmann greift an")
    "uhr",
    // German adverbs that open sentences ("Jetzt antwortet Bundeskanzler …", "Zugleich
    // räumte er ein")
    "jetzt",
    "zugleich",
    "zudem",
    "außerdem",
    "dennoch",
    "jedoch",
    "trotzdem",
    "danach",
    "später",
    "inzwischen",
    "immerhin",
    "allerdings",
    "zunächst",
    "впрочем",
    // German interrogatives and relatives ("Wer Humanität wolle, müsse …")
    "wer",
    "wie",
    "wo",
    "warum",
    "wann",
    // Russian possessives open noun phrases ("Его основной соперник, … Бауыржан Оспанов,")
    "его",
    "её",
    "их",
    // German possessives and numerals start capitalised noun phrases, not names
    "ihr",
    "ihre",
    "sein",
    "seine",
    "unser",
    "unsere",
    "zwei",
    "drei",
    "vier",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "for",
    "of",
    "to",
    "by",
    "with",
    "from",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    // "I" with a verb, one token, no name: "I’ve said that …"
    "i’m",
    "i'm",
    "i’ve",
    "i've",
    "i’d",
    "i'd",
    "i’ll",
    "i'll",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "you",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "yet",
    "so",
    "still",
    "however",
    "meanwhile",
    "also",
    "then",
    "now",
    "asked",
    "speaking",
    "during",
    "since",
    "until",
    "under",
    "over",
    "according",
    "earlier",
    "later",
    "last",
    "next",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "no",
    "not",
    "one",
    "two",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "und",
    "aber",
    "im",
    "am",
    "le",
    "la",
    "les",
    "un",
    "une",
    "et",
    "mais",
    "en",
    "dans",
    "selon",
    "laut",
    "in",
    "по",
    "и",
    "но",
    "в",
    "на",
    "как",
    "это",
    "q",
    "a",
    "mr",
    "mrs",
    "ms",
    "dr",
    "both",
    "even",
    "only",
    "just",
    "despite",
    "although",
    "though",
    "because",
    "instead",
    "among",
    "without",
    "within",
    "about",
    "against",
    "between",
    "through",
    "toward",
    "towards",
    "again",
    "once",
    "twice",
    "nor",
    "such",
    "other",
    "another",
    "any",
    "those",
    "thus",
    "nevertheless",
    "first",
    "second",
    "third",
    "finally",
    "indeed",
    "yes",
    "well",
    "oh",
    "sure",
    "please",
    "thank",
    "thanks",
    "we're",
    "i'm",
    "it's",
    "that's",
    "there's",
    "don't",
    "let",
    "let's",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "must",
    "might",
    "shall",
    "whether",
    "not",
    "never",
    "always",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
];
pub static CAP_STOP: ListSet = ListSet(IN_CAP_STOP);

/// Well-known organisation aliases: (alias, canonical name). Applied after the in-article resolution
/// (short forms and acronyms -> the fullest form used in the article), case-insensitively.
/// General-purpose data; the canonical side follows common usage (acronym where the acronym is the
/// usual name, e.g. "FCC", "BSI").
pub const ORG_ALIASES: &[(&str, &str)] = &[
    ("Kaspersky", "Kaspersky Lab"),
    ("Kaspersky Labs", "Kaspersky Lab"),
    ("Лаборатория Касперского", "Kaspersky Lab"),
    // (its other cases: genitive, dative and prepositional; accusative; instrumental)
    ("Лаборатории Касперского", "Kaspersky Lab"),
    ("Лабораторию Касперского", "Kaspersky Lab"),
    ("Лабораторией Касперского", "Kaspersky Lab"),
    // ("В Кремле заявили")
    ("Кремле", "Кремль"),
    // (with words in lower case, which no capitalised run reads: [`LOWER_CASE_ALIASES`])
    ("Министерство торговли США", "Commerce Department"),
    ("Министерства торговли США", "Commerce Department"),
    ("Министерству торговли США", "Commerce Department"),
    ("Министерством торговли США", "Commerce Department"),
    ("Министерстве торговли США", "Commerce Department"),
    ("Federal Communications Commission", "FCC"),
    ("U.S. Federal Communications Commission", "FCC"),
    ("DHS", "Department of Homeland Security"),
    ("Homeland Security", "Department of Homeland Security"),
    (
        "Homeland Security Department",
        "Department of Homeland Security",
    ),
    (
        "U.S. Department of Homeland Security",
        "Department of Homeland Security",
    ),
    ("GSA", "General Services Administration"),
    ("Department of Commerce", "Commerce Department"),
    ("U.S. Commerce Department", "Commerce Department"),
    ("U.S. Department of Commerce", "Commerce Department"),
    ("Commerce", "Commerce Department"),
    ("Handelsministerium", "Commerce Department"),
    ("US-Handelsministerium", "Commerce Department"),
    ("Bundesamt für Sicherheit in der Informationstechnik", "BSI"),
    (
        "Bundesamts für Sicherheit in der Informationstechnik",
        "BSI",
    ),
    ("Wall Street Journal", "The Wall Street Journal"),
    ("WSJ", "The Wall Street Journal"),
    ("Businessweek", "Bloomberg Businessweek"),
    ("Federal Bureau of Investigation", "FBI"),
    ("National Security Agency", "NSA"),
    ("Federal Security Service", "FSB"),
    ("ФСБ", "FSB"),
    ("ФБР", "FBI"),
];

/// The aliases of [`ORG_ALIASES`] with a word in lower case after the first ("Министерство
/// торговли США"), as a Russian name often is, which a run of capitalised words never reads
/// whole: found in the text itself, by their first word in lower case, one searcher per such
/// word.
pub static LOWER_CASE_ALIASES: LazyLock<Vec<LowerCaseKey>> = LazyLock::new(|| {
    let mut keys: Vec<LowerCaseKey> = Vec::new();
    for &(name, _) in ORG_ALIASES.iter().filter(|(a, _)| !a.is_ascii()) {
        let Some((offset, word)) = name
            .match_indices(' ')
            .map(|(k, _)| k + 1)
            .map(|k| (k, name[k..].split(' ').next().unwrap_or("")))
            .find(|(_, w)| w.chars().next().is_some_and(char::is_lowercase))
        else {
            continue;
        };
        match keys.iter_mut().find(|k| k.word == word) {
            Some(k) => k.names.push((name, offset)),
            None => keys.push(LowerCaseKey {
                word,
                finder: memchr::memmem::Finder::new(word),
                names: vec![(name, offset)],
            }),
        }
    }
    keys
});

/// A word in lower case of names of [`LOWER_CASE_ALIASES`], its searcher, and those names,
/// each with the word's offset in it.
pub struct LowerCaseKey {
    word: &'static str,
    pub finder: memchr::memmem::Finder<'static>,
    pub names: Vec<(&'static str, usize)>,
}

static ALIAS_MAP: LazyLock<WordMap<String, &'static str>> = LazyLock::new(|| {
    ORG_ALIASES
        .iter()
        .map(|(a, c)| (a.to_lowercase(), *c))
        .collect()
});
/// The digest [`ALIAS_FILTER`] keeps of a name whose UTF-8 bytes are `b`: from its first two
/// bytes and last one (0 for none), each with bit 5 set, so that an ASCII byte and its lower case
/// share it; not from its length, which lower-casing a character between them may change. With
/// whether one of these bytes is not ASCII (then the name's lower case may have another digest).
#[inline]
fn alias_digest(b: &[u8]) -> (u16, bool) {
    let [first, second, last] = [b.first(), b.get(1), b.last()].map(|x| x.map_or(0, |&x| x) | 0x20);
    (
        WordFilter::digest_parts(0, first, second, last),
        (first | second | last) >= 0x80,
    )
}

/// The [`alias_digest`]s of [`ALIAS_MAP`]'s keys: most names are no alias, and a bit test tells
/// so without lower-casing them.
static ALIAS_FILTER: LazyLock<WordFilter> = LazyLock::new(|| {
    let mut filter = WordFilter::empty();
    for k in ALIAS_MAP.keys() {
        filter.insert_digest(alias_digest(k.as_bytes()).0);
    }
    filter
});

/// [`org_alias`] of one word `w` whose lower case `l` the caller has.
pub fn word_alias(w: &str, l: &str) -> Option<&'static str> {
    if w.len() > 60 || !ALIAS_FILTER.may_contain_digest(alias_digest(l.as_bytes()).0) {
        return None;
    }
    ALIAS_MAP.get(l).copied()
}

/// Canonical name of a well-known organisation alias.
pub fn org_alias(name: &str) -> Option<&'static str> {
    org_alias_lower(name, None)
}

/// [`org_alias`] of `name`, whose lower case (of the same length) `lower` is when the caller
/// has it: then lower-cased by no one.
pub fn org_alias_lower(name: &str, lower: Option<&str>) -> Option<&'static str> {
    // "the " or "The ", told by one compare of four bytes: bit 5 makes 'T' 't'
    let the = name
        .as_bytes()
        .first_chunk::<4>()
        .is_some_and(|p| u32::from_le_bytes(*p) | 0x20 == u32::from_le_bytes(*b"the "));
    let n = &name[if the { 4 } else { 0 }..];
    if n.len() > 60 {
        return None;
    }
    // the prefix stripped above, lower-cased
    let lower = lower.map(|l| &l[name.len() - n.len()..]);
    // a lower case at hand has its own digest; a name of unknown case, when not ASCII where the
    // digest reads it, is looked up
    let (d, high) = alias_digest(lower.unwrap_or(n).as_bytes());
    if !ALIAS_FILTER.may_contain_digest(d) & (lower.is_some() | !high) {
        return None;
    }
    match lower {
        Some(l) => ALIAS_MAP.get(l).copied(),
        None => with_lower(n, |l| ALIAS_MAP.get(l).copied()),
    }
}

/// German month names: "am 29. September" is an ordinal, no sentence end.
pub const DE_MONTHS: &[&str] = &[
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

/// Prepositions and adverbials that open a phrase after a speech verb ("sagte am Dienstag", "a déclaré
/// mardi devant", "заявил журналистам"): skipped after the cue, and they end an inverted subject.
const DE_PP: &[&str] = &[
    "am",
    "im",
    "in",
    "auf",
    "bei",
    "gegenüber",
    "nach",
    "vor",
    "zu",
];
const FR_PP: &[&str] = &[
    "à", "au", "aux", "dans", "lors", "devant", "auprès", "sur", "hier", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const RU_PP: &[&str] = &[
    "в",
    "во",
    "на",
    "журналистам",
    "агентству",
    "изданию",
    "газете",
    "корреспонденту",
    "также",
    "ранее",
];

/// Start of a prepositional / adverbial phrase after the cue (not English: its list is longer).
pub fn is_pp_word(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::De => DE_PP.contains(&w) || matches!(w, "dem" | "der" | "den"),
        Lang::Fr => FR_PP.contains(&w) || w == "en",
        Lang::Ru => RU_PP.contains(&w),
        Lang::En => false,
    }
}

/// German articles and other determiners, and prepositions joined with an article: the
/// capitalised word after one is a noun.
pub fn is_german_determiner(w: &str) -> bool {
    matches!(
        w,
        "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
            | "ein"
            | "eine"
            | "einen"
            | "einem"
            | "einer"
            | "eines"
            | "welche"
            | "welcher"
            | "welchen"
            | "welchem"
            | "welches"
            | "diese"
            | "dieser"
            | "diesen"
            | "diesem"
            | "dieses"
            | "jede"
            | "jeder"
            | "jeden"
            | "jedem"
            | "jedes"
            | "alle"
            | "allen"
            | "sein"
            | "seine"
            | "seinen"
            | "seinem"
            | "seiner"
            | "ihr"
            | "ihre"
            | "ihren"
            | "ihrem"
            | "ihrer"
            | "unser"
            | "unsere"
            | "unseren"
            | "unserem"
            | "am"
            | "im"
            | "zum"
            | "zur"
            | "vom"
            | "beim"
    )
}

/// Words that end a non-English subject phrase after the cue ("die Behörde am Dienstag").
pub fn is_tail_word(lang: Lang, w: &str) -> bool {
    match lang {
        Lang::De => {
            DE_PP.contains(&w)
                || matches!(
                    w,
                    "mit"
                        | "von"
                        | "vom"
                        | "beim"
                        | "zum"
                        | "zur"
                        | "dazu"
                        | "damals"
                        | "heute"
                        | "gestern"
                        | "außerdem"
                        | "weiter"
                        | "auch"
                        | "bereits"
                        | "hinzu"
                        | "ein"
                )
        }
        Lang::Fr => FR_PP.contains(&w) || matches!(w, "encore" | "aussi" | "alors" | "pour"),
        Lang::Ru => {
            RU_PP.contains(&w)
                || matches!(
                    w,
                    "позднее" | "потом" | "тогда" | "нам" | "нашему" | "при" | "после"
                )
        }
        Lang::En => false,
    }
}

/// Bits of [`list_flags`]: the word lists a capitalised run looks a word up in.
pub const IN_CAP_STOP: u8 = 1;
pub const IN_TITLES: u8 = 2;
pub const IN_SPOKES: u8 = 4;
pub const IN_GENERIC: u8 = 8;
pub const IN_ORG_NOMINALS: u8 = 16;
pub const IN_PERSON_ROLES: u8 = 32;
/// A word that makes a capitalised run an organisation: of the government, media or company lists.
pub const IN_ORG_WORDS: u8 = 64;
pub const IN_OTHER_ORG: u8 = 128;

/// The lists [`list_flags`] covers, each with its bit (and [`ORG_NOMINAL_LIST`], whose bit is
/// [`IN_ORG_NOMINALS`]).
const LISTS: [(&[&str], u8); 10] = [
    (CAP_STOP_LIST, IN_CAP_STOP),
    (EN_WEEKDAYS, IN_CAP_STOP),
    (TITLES_LIST, IN_TITLES),
    (SPOKES_LIST, IN_SPOKES),
    (GENERIC_LIST, IN_GENERIC),
    (PERSON_ROLES_LIST, IN_PERSON_ROLES),
    (GOV_LIST, IN_ORG_WORDS),
    (MEDIA_LIST, IN_ORG_WORDS),
    (ORG_MISC_LIST, IN_ORG_WORDS),
    (OTHER_ORG_LIST, IN_OTHER_ORG),
];

/// The number of words of [`LISTS`] and [`ORG_NOMINAL_LIST`], counted once per list a word is in.
const LIST_WORDS: usize = {
    let (mut n, mut k) = (ORG_NOMINAL_LIST.len(), 0);
    while k < LISTS.len() {
        n += LISTS[k].0.len();
        k += 1;
    }
    n
};

/// Word -> the lists it is in, for the lists [`list_flags`] covers.
static LIST_FLAGS: LazyLock<WordMap<&'static str, u8>> = LazyLock::new(|| {
    let mut m = WordMap::with_capacity_and_hasher(LIST_WORDS, Default::default());
    for (list, bit) in LISTS {
        for &w in list {
            *m.entry(w).or_default() |= bit;
        }
    }
    for &(w, _) in ORG_NOMINAL_LIST {
        *m.entry(w).or_default() |= IN_ORG_NOMINALS;
    }
    m
});

static LIST_FILTER: LazyLock<WordFilter> =
    LazyLock::new(|| WordFilter::new(LIST_FLAGS.keys().copied()));

/// The `IN_*` lists lower-case word `l` is in: one look-up where a capitalised word needed up
/// to seven.
#[inline]
pub fn list_flags(l: &str) -> u8 {
    // most words asked are in no list
    if !LIST_FILTER.may_contain(l) {
        return 0;
    }
    LIST_FLAGS.get(l).copied().unwrap_or(0)
}

/// [`list_flags`] of the word at bytes `start..end` of lower-case text `low`, by [`LIST_TABLE`],
/// with no branch on the word: `None` for a word the table does not tell (empty, longer than
/// 16 bytes, of a crowded bucket, or in a text of fewer than eight bytes), for [`list_flags`]
/// to tell. The word is read as the eight bytes of `low` that hold it (its first eight when it
/// is longer), and its last eight.
#[inline]
pub fn list_flags_at(low: &[u8], start: usize, end: usize) -> Option<u8> {
    let n = end.wrapping_sub(start);
    // (from the start, or from eight bytes before the text's end, which the word ends before;
    // and from eight bytes before the word's end, or the same eight for a word of up to eight)
    let at = start.min(low.len().wrapping_sub(8));
    let last = end.max(at + 8) - 8;
    let b = low.get(at..last + 8)?;
    if n.wrapping_sub(1) >= 16 {
        return None;
    }
    // the word's bytes from either: for a word of up to eight bytes both are those at `at`, and
    // for a longer one `at` is its start, so no shift or mask drops any (with no select)
    let word = |x: &[u8; 8]| {
        u64::from_le_bytes(*x) >> (8 * (start - at)) & u64::MAX >> (8 * (8 - n.min(8)))
    };
    LIST_TABLE.flags(ListKey {
        head: word(b.first_chunk()?),
        tail: word(b.last_chunk()?),
        len: n as u64,
    })
}

/// A word of up to 16 bytes for [`LIST_TABLE`]: its first and last eight bytes (its bytes
/// zero-padded for both when it has eight or fewer) and its length. No word holds a zero byte:
/// equal keys are equal words.
#[derive(Clone, Copy)]
struct ListKey {
    head: u64,
    tail: u64,
    len: u64,
}

impl ListKey {
    /// The key of word `w` of 1 to 16 bytes, byte by byte (for the table, at compile time).
    const fn of(w: &[u8]) -> ListKey {
        let n = w.len();
        let m = if n < 8 { n } else { 8 };
        let (mut head, mut tail, mut k) = (0, 0, 0);
        while k < m {
            head |= (w[k] as u64) << (8 * k);
            tail |= (w[n - m + k] as u64) << (8 * k);
            k += 1;
        }
        ListKey {
            head,
            tail,
            len: n as u64,
        }
    }

    /// The key's bucket of [`ListTable::slot`].
    #[inline]
    const fn bucket(&self) -> usize {
        let x = self.head ^ self.tail.rotate_left(23) ^ self.len;
        (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - ListTable::BUCKET_BITS)) as usize
    }
}

/// A word of [`LIST_TABLE`]: its [`ListKey`], the length with the word's `IN_*` bits above it
/// (read with the compare: the compiler branched around a load of the bits alone).
#[derive(Clone, Copy)]
struct ListEntry {
    head: u64,
    tail: u64,
    len_flags: u64,
}

impl ListEntry {
    /// Whether the entry is the word of `key`: one test, no branch per part.
    #[inline]
    const fn is(&self, key: &ListKey) -> bool {
        (self.head ^ key.head) | (self.tail ^ key.tail) | (self.len_flags & 0xff ^ key.len) == 0
    }
}

/// The words of [`LIST_FLAGS`] of up to 16 bytes, by a hash of their [`ListKey`]: a word's
/// lists are told by comparing its key with the two entries from its bucket's first, with no
/// branch on whether it is in one (where the filter of [`list_flags`] let about every other
/// capitalised word through, at no predictable place, before a hashed look-up). Built at
/// compile time.
struct ListTable {
    /// each bucket's first entry in `entries`: entry 0 (of no word) for an empty bucket,
    /// [`ListTable::CROWDED`] for one of more than two words, which the table does not tell
    slot: [u16; 1 << ListTable::BUCKET_BITS],
    /// the words by bucket, after two entries of no word (of length 0, as no word) and
    /// followed by more: the second entry read after a bucket's first is in bounds (it may be
    /// the next bucket's: equal keys are equal words, so its flags are right when it matches).
    /// A power of two of them, read at a masked index with no bounds test.
    entries: [ListEntry; ListTable::ENTRIES],
}

static LIST_TABLE: ListTable = ListTable::new();

impl ListTable {
    const BUCKET_BITS: u32 = 12;
    const CROWDED: u16 = u16::MAX;
    const ENTRIES: usize = (LIST_WORDS + 3).next_power_of_two();
    const NONE: ListEntry = ListEntry {
        head: 0,
        tail: 0,
        len_flags: 0,
    };

    const fn new() -> ListTable {
        const BUCKETS: usize = 1 << ListTable::BUCKET_BITS;
        // each word once, its flags merged, chained per bucket
        let mut words = [ListTable::NONE; LIST_WORDS];
        let (mut first, mut next) = ([usize::MAX; BUCKETS], [usize::MAX; LIST_WORDS]);
        let mut count = [0; BUCKETS];
        let mut n = 0;
        let mut li = 0;
        while li <= LISTS.len() {
            let len = if li < LISTS.len() {
                LISTS[li].0.len()
            } else {
                ORG_NOMINAL_LIST.len()
            };
            let mut wi = 0;
            while wi < len {
                let (w, bit) = if li < LISTS.len() {
                    (LISTS[li].0[wi].as_bytes(), LISTS[li].1)
                } else {
                    (ORG_NOMINAL_LIST[wi].0.as_bytes(), IN_ORG_NOMINALS)
                };
                wi += 1;
                if w.is_empty() || w.len() > 16 {
                    continue;
                }
                let key = ListKey::of(w);
                let b = key.bucket();
                let mut e = first[b];
                while e != usize::MAX && !words[e].is(&key) {
                    e = next[e];
                }
                if e == usize::MAX {
                    words[n] = ListEntry {
                        head: key.head,
                        tail: key.tail,
                        len_flags: key.len | (bit as u64) << 8,
                    };
                    (next[n], first[b]) = (first[b], n);
                    count[b] += 1;
                    n += 1;
                } else {
                    words[e].len_flags |= (bit as u64) << 8;
                }
            }
            li += 1;
        }
        let mut t = ListTable {
            slot: [0; BUCKETS],
            entries: [ListTable::NONE; ListTable::ENTRIES],
        };
        let (mut at, mut b) = (2, 0);
        while b < BUCKETS {
            if count[b] > 2 {
                t.slot[b] = ListTable::CROWDED;
            } else if count[b] > 0 {
                t.slot[b] = at as u16;
                let mut e = first[b];
                while e != usize::MAX {
                    t.entries[at] = words[e];
                    at += 1;
                    e = next[e];
                }
            }
            b += 1;
        }
        t
    }

    /// The flags of the word of `key`, `None` when its bucket is crowded.
    #[inline]
    fn flags(&self, key: ListKey) -> Option<u8> {
        let s = self.slot[key.bucket()];
        if s == ListTable::CROWDED {
            return None;
        }
        let s = usize::from(s);
        // (the bits are read with the compare, which a select of them keeps from a branch)
        let f = |e: &ListEntry| (e.len_flags >> 8) as u8 & 0u8.wrapping_sub(u8::from(e.is(&key)));
        let at = |k: usize| &self.entries[k & (ListTable::ENTRIES - 1)];
        Some(f(at(s)) | f(at(s + 1)))
    }
}

/// A word list kept as its bit of [`LIST_FLAGS`]: asked through [`list_flags`] (a filter, then
/// the one map of all lists), so it is never hashed into a set of its own.
pub struct ListSet(u8);

impl ListSet {
    /// Whether lower-case word `l` is in the list.
    #[inline]
    pub fn contains(&self, l: &str) -> bool {
        list_flags(l) & self.0 != 0
    }
}

/// Role or common nouns that stand capitalised before a name in German (all nouns), or at a sentence
/// start in Russian / French: "Softwarehersteller Kaspersky", "Юрист Дмитрий Ковалёв". `l` is lower-case.
pub fn is_leading_noun(l: &str, german: bool) -> bool {
    // most words are none: the filter tells them apart where a match on the word compared it
    // with the listed words of its length one by one
    static LEADING_NOUNS: LazyLock<FilteredSet> = LazyLock::new(|| {
        FilteredSet::new(&[
            "magazin",
            "zeitung",
            "verband",
            "sprecher",
            "sprecherin",
            "experte",
            "expertin",
            "anwalt",
            "anwältin",
            "analyst",
            "analystin",
            "konzern",
            "behörde",
            "gründer",
            "chef",
            "chefin",
            "leiter",
            "leiterin",
            "direktor",
            "direktorin",
            "minister",
            "ministerin",
            "hersteller",
            "firma",
            "unternehmen",
            "initiative",
            "юрист",
            "эксперт",
            "аналитик",
            "адвокат",
            "директор",
            "глава",
            "руководитель",
            "профессор",
            "специалист",
            "исследователь",
            "бывший",
            "бывшая",
            "представитель",
            "сотрудник",
            "журналист",
            "издание",
            "газета",
            "агентство",
            "министр",
            "сенатор",
            "компания",
            "юристка",
            "программист",
            "avocat",
            "avocate",
            "me",
            "expert",
            "analyste",
            "consultant",
            "consultante",
            "directeur",
            "directrice",
            "chercheur",
            "chercheuse",
            "professeur",
            "porte-parole",
            "ingénieur",
            // people by what they do or where they live, before their names ("Cyclist Bram de
            // Wit", "Kapitän Jonas Albrecht", "Судья Наталья Орлова")
            "administrator",
            // makers by their trade ("Toymaker Brickwell", "Lawmaker Jo Reyes"), listed: a
            // suffix test of every word mispredicted
            "toymaker",
            "carmaker",
            "automaker",
            "chipmaker",
            "drugmaker",
            "filmmaker",
            "lawmaker",
            "policymaker",
            "winemaker",
            "watchmaker",
            "shoemaker",
            "campaigner",
            "parent",
            "pensioner",
            "fisherman",
            "trawlerman",
            "shopkeeper",
            "landlord",
            "investigator",
            "coordinator",
            "supervisor",
            "negotiator",
            "commentator",
            "principal",
            "headteacher",
            "cyclist",
            "neighbour",
            "neighbor",
            "reader",
            "resident",
            "novelist",
            "farmer",
            "actress",
            "actor",
            "singer",
            "nurse",
            "passenger",
            "shopper",
            "organiser",
            "organizer",
            "survivor",
            "volunteer",
            "photographer",
            "musician",
            "kapitän",
            "präsident",
            "präsidentin",
            "капитан",
            "эколог",
            "rechtsanwalt",
            "rechtsanwältin",
            "staatsanwalt",
            "staatsanwältin",
            "oberstaatsanwalt",
            "oberstaatsanwältin",
            "finanzvorstand",
            "vorstand",
            "tochter",
            "sohn",
            "torhüter",
            "trainer",
            "trainerin",
            "richter",
            "richterin",
            "kämmerer",
            "kämmerin",
            "wirt",
            "wirtin",
            "gastwirt",
            "gastwirtin",
            "kandidat",
            "kandidatin",
            "sekretär",
            "sekretärin",
            "kommissar",
            "kommissarin",
            "polizist",
            "polizistin",
            "landrat",
            "landrätin",
            "stadtrat",
            "stadträtin",
            "arzt",
            "ärztin",
            "pfarrer",
            "pfarrerin",
            "lehrer",
            "lehrerin",
            "mitglied",
            "linksaußen",
            "rechtsaußen",
            "torwart",
            "stürmerin",
            "stürmer",
            "verteidiger",
            "судья",
            "защитник",
            "вратарь",
            "нападающий",
            "полузащитник",
            "режиссёр",
            "тренер",
            "прокурор",
            "следователь",
            "губернатор",
            "депутат",
            "председатель",
            "президент",
            "писатель",
            "врач",
        ])
    });
    // (and the Russian person roles: "Гособвинитель Денис Арутюнов")
    if LEADING_NOUNS.contains(l) || !l.is_ascii() && PERSON_ROLES.contains(l) {
        return true;
    }
    // a German compound whose last part is a listed noun: "Arcturus-Chef", "SPD-Kandidatin"
    if german {
        if let Some((_, head)) = l.rsplit_once('-') {
            if LEADING_NOUNS.contains(head) {
                return true;
            }
        }
    }
    // long German compound nouns: "Verbraucherinitiative", "Sicherheitsforscher", "CDU-Politiker"
    // (no fewer bytes than characters: most words are told by their length), in German articles
    // only, and after a hyphen a noun of its own: "Jean-Pierre", "Marie-Hélène", "Hans-Peter"
    // are first names
    german
        && l.len() >= 10
        && l.rsplit('-')
            .next()
            .is_some_and(|head| head.chars().count() >= 7)
        && l.chars().count() >= 10
        && [
            "er", "in", "ung", "heit", "keit", "schaft", "tion", "ive", "ium", "ent", "ant", "ist",
            "e", "or", "eur", "euse", "chef", "wirt", "wirts", "anwalt", "vorstand", "at", "är",
            "mitglied",
        ]
        .iter()
        .any(|s| l.ends_with(s))
        && l.chars().all(|c| super::text::is_alpha(c) || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`list_flags_at`] tells every listed word of up to 16 bytes (but those of a crowded
    /// bucket) as [`list_flags`] does, wherever it stands in a text, and a word next to one as
    /// in no list.
    #[test]
    fn list_table_agrees_with_list_flags() {
        let mut untold = 0;
        for &w in LIST_FLAGS.keys() {
            for (pre, post) in [
                ("", ""),
                ("", " x"),
                ("abc ", ""),
                ("a b c d e f g h ", " x"),
            ] {
                let text = format!("{pre}{w}{post}");
                let (s, e) = (pre.len(), pre.len() + w.len());
                match list_flags_at(text.as_bytes(), s, e) {
                    Some(f) => assert_eq!(f, list_flags(w), "{w:?} in {text:?}"),
                    None => untold += usize::from(w.len() <= 16 && text.len() >= 8),
                }
                // the word less its last character, and with a character more
                let less = w.char_indices().last().map_or(0, |(k, _)| k);
                for (a, b) in [(s, s + less), (s, e + post.len().min(1))] {
                    let o = &text[a..b];
                    if let (Some(f), true) = (list_flags_at(text.as_bytes(), a, b), o != w) {
                        assert_eq!(f, list_flags(o), "{o:?} in {text:?}");
                    }
                }
            }
        }
        assert!(untold < 40, "{untold} untold");
    }
}
