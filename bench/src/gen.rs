//! A deterministic generator of realistic saved news pages.
//!
//! Every page is a function of (seed, page number) only: generating pages 0..N with the same seed
//! gives the same bytes on any machine. The article text draws words from a Zipf-distributed
//! vocabulary (real function and news words at the top ranks, made-up but pronounceable words in
//! the long tail), names people and organisations (themselves Zipf-distributed, so a few are quoted
//! often), and quotes them in the forms newspapers use. Around the article: head metadata, inline
//! styles and scripts, navigation, ad slots, related-story lists and footers, sized so that page
//! weight follows a log-normal law with a median around 150 KB, as real saved pages do.

// Markup is written line by line with `write!(.., "...\n")`, as it reads in the page.
#![allow(clippy::write_with_newline)]

use std::fmt::Write as _;

/// splitmix64: small, fast, and good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn pick_str(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(1e-12);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// Samples ranks 0..n with probability proportional to 1/(rank+1)^s.
#[derive(Debug, Clone)]
pub struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(s);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    pub fn sample(&self, rng: &mut Rng) -> usize {
        let x = rng.unit() * self.cumulative.last().copied().unwrap_or(0.0);
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.cumulative.len() - 1)
    }
}

/// English function words, most frequent first: the head of the Zipf curve.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "it", "with", "was", "as",
    "at", "by", "he", "be", "from", "have", "has", "are", "this", "not", "but", "an", "they",
    "said", "his", "which", "were", "or", "had", "its", "been", "would", "their", "who", "will",
    "more", "after", "also", "than", "one", "about", "there", "she", "other", "into", "two", "her",
    "we", "could", "when", "over", "last", "new", "some", "year", "out", "up", "what", "all",
    "our", "can", "first", "them", "if", "may", "no", "so", "only", "most", "any", "such", "those",
    "because", "under", "while", "since", "before", "between", "during", "against", "three",
    "where", "how", "many", "even", "still", "much", "should", "then", "these", "now", "well",
];

/// News vocabulary: the body of the curve.
const NEWS_WORDS: &[&str] = &[
    "government",
    "company",
    "security",
    "officials",
    "federal",
    "agency",
    "software",
    "report",
    "department",
    "state",
    "public",
    "people",
    "week",
    "month",
    "policy",
    "data",
    "national",
    "million",
    "percent",
    "market",
    "president",
    "minister",
    "court",
    "law",
    "investigation",
    "statement",
    "committee",
    "council",
    "election",
    "city",
    "police",
    "health",
    "workers",
    "budget",
    "plan",
    "program",
    "industry",
    "service",
    "network",
    "systems",
    "contract",
    "decision",
    "ruling",
    "evidence",
    "sources",
    "documents",
    "review",
    "hearing",
    "vote",
    "billion",
    "tax",
    "energy",
    "climate",
    "water",
    "school",
    "students",
    "hospital",
    "patients",
    "prices",
    "inflation",
    "bank",
    "rates",
    "economy",
    "trade",
    "tariffs",
    "exports",
    "imports",
    "border",
    "military",
    "defense",
    "attack",
    "cyber",
    "hackers",
    "breach",
    "privacy",
    "users",
    "platform",
    "online",
    "internet",
    "technology",
    "research",
    "university",
    "study",
    "scientists",
    "experts",
    "analysts",
    "investors",
    "shares",
    "earnings",
    "revenue",
    "quarter",
    "growth",
    "jobs",
    "unemployment",
    "union",
    "strike",
    "protest",
    "rights",
    "judge",
    "lawyers",
    "case",
    "charges",
    "trial",
    "prison",
    "sentence",
    "appeal",
    "regulators",
    "rules",
    "regulation",
    "oversight",
    "senate",
    "house",
    "congress",
    "parliament",
    "lawmakers",
    "bill",
    "legislation",
    "campaign",
    "candidate",
    "voters",
    "poll",
    "support",
    "opposition",
    "leader",
    "party",
    "coalition",
    "talks",
    "agreement",
    "deal",
    "sanctions",
    "embassy",
    "foreign",
    "diplomats",
    "region",
    "province",
    "county",
    "village",
    "residents",
    "community",
    "families",
    "children",
    "housing",
    "rent",
    "transport",
    "railway",
    "airport",
    "flights",
    "ships",
    "port",
    "storm",
    "flood",
    "fire",
    "drought",
    "emergency",
    "response",
    "aid",
    "funding",
    "grant",
    "spending",
    "deficit",
    "debt",
    "pension",
    "insurance",
    "contractors",
    "vendors",
    "supply",
    "chain",
    "factory",
    "production",
    "oil",
    "gas",
    "power",
    "grid",
    "electricity",
    "nuclear",
    "wind",
    "solar",
    "vehicles",
    "cars",
    "batteries",
    "chips",
    "semiconductor",
    "intelligence",
    "surveillance",
    "encryption",
    "antivirus",
    "malware",
    "ransomware",
    "vulnerability",
    "patch",
    "update",
    "cloud",
    "servers",
    "code",
    "source",
    "audit",
    "transparency",
    "compliance",
    "directive",
    "ban",
    "license",
    "permit",
    "inspection",
    "safety",
    "risk",
    "threat",
    "warning",
    "crisis",
    "recovery",
    "reform",
    "proposal",
    "measure",
    "amendment",
    "veto",
    "majority",
    "minority",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "director",
    "chief",
    "executive",
    "chairman",
    "secretary",
    "governor",
    "mayor",
    "ambassador",
    "general",
    "officer",
    "agent",
];

const SYLLABLES: &[&str] = &[
    "ka", "ber", "tor", "vel", "min", "dra", "sol", "quen", "ti", "mar", "lo", "ven", "gra", "pol",
    "stri", "an", "der", "fel", "ho", "rin", "cas", "mo", "ne", "pra", "sel", "tu", "vor", "wen",
    "za", "bri", "cor", "dem", "el", "fra", "gul", "hes", "ir", "jor", "kle", "lum", "nor", "ost",
    "pel", "rud", "sar", "tam", "ul", "vin",
];
const SUFFIXES: &[&str] = &[
    "", "", "", "s", "ed", "ing", "ment", "tion", "er", "ly", "ity", "al",
];

const FIRST_NAMES: &[&str] = &[
    "Maria", "James", "Elena", "David", "Sofia", "Michael", "Anna", "Robert", "Laura", "Daniel",
    "Nina", "Thomas", "Claire", "Peter", "Irina", "Samuel", "Grace", "Victor", "Helen", "Oliver",
    "Amara", "Jonas", "Leila", "Marcus", "Rosa", "Henrik", "Yuki", "Paolo", "Fatima", "Andrew",
    "Chloe", "Rafael", "Ingrid", "Kofi", "Mei", "Tobias", "Alice", "Omar", "Beatrice", "Stefan",
];
const LAST_NAMES: &[&str] = &[
    "Hartley",
    "Novak",
    "Okafor",
    "Lindqvist",
    "Brennan",
    "Castillo",
    "Whitmore",
    "Petrov",
    "Sandoval",
    "Achterberg",
    "Mwangi",
    "Delacroix",
    "Fairbanks",
    "Kowalski",
    "Tanaka",
    "Osei",
    "Villanueva",
    "Abernathy",
    "Rasmussen",
    "Quint",
    "Halvorsen",
    "Moreau",
    "Ivanova",
    "Prescott",
    "Ferreira",
    "Calloway",
    "Nakamura",
    "Ostrowski",
    "Beaumont",
    "Draper",
    "Gallagher",
    "Haddad",
    "Kessler",
    "Lombardi",
    "Marchetti",
    "Nyberg",
    "Oyelaran",
    "Pembroke",
    "Rourke",
    "Sterling",
    "Thorne",
    "Underwood",
    "Vasquez",
    "Winslow",
    "Yilmaz",
    "Zeller",
    "Ashby",
    "Barlow",
];
const ORG_HEADS: &[&str] = &[
    "Kestrel",
    "Northgate",
    "Halcyon",
    "Bluewater",
    "Ironbridge",
    "Meridian",
    "Solstice",
    "Granite",
    "Evergreen",
    "Pinecrest",
    "Silverline",
    "Redwood",
    "Lakeshore",
    "Summit",
    "Harbor",
    "Crescent",
];
const ORG_TAILS: &[&str] = &[
    "Systems",
    "Labs",
    "Energy",
    "Holdings",
    "Security",
    "Bank",
    "Group",
    "Networks",
    "Analytics",
    "Institute",
    "Foundation",
    "Partners",
];
const AGENCIES: &[&str] = &[
    "the Department of Commerce",
    "the Federal Trade Commission",
    "the Ministry of Finance",
    "the European Commission",
    "the Securities and Exchange Commission",
    "the city council",
    "the Department of Homeland Security",
    "the Environmental Protection Agency",
    "the Treasury Department",
    "the Supreme Court",
    "the state legislature",
    "the central bank",
];
const ROLES: &[&str] = &[
    "a spokesperson for",
    "the chief executive of",
    "a senior analyst at",
    "the director of",
    "a lawyer representing",
    "a former official at",
    "the head of research at",
    "a board member of",
    "the general counsel of",
    "a researcher at",
];
const PLACES: &[&str] = &[
    "Washington",
    "Brussels",
    "London",
    "Berlin",
    "Toronto",
    "Sydney",
    "Singapore",
    "Geneva",
    "Chicago",
    "Denver",
    "Lisbon",
    "Warsaw",
    "Nairobi",
    "Seoul",
    "Austin",
    "Boston",
];
const SPEECH_VERBS: &[&str] = &[
    "said",
    "said",
    "said",
    "told reporters",
    "added",
    "wrote",
    "argued",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One outlet: name, domain, section names, and which of the four page templates it uses.
#[derive(Debug, Clone)]
pub struct Site {
    pub name: String,
    pub domain: String,
    pub template: usize,
    pub sections: Vec<String>,
}

/// A person who may be quoted.
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub role: String,
}

/// Everything pages are drawn from; built once from the seed.
#[derive(Debug, Clone)]
pub struct World {
    pub seed: u64,
    pub vocab: Vec<String>,
    word_zipf: Zipf,
    pub people: Vec<Person>,
    person_zipf: Zipf,
    pub orgs: Vec<String>,
    org_zipf: Zipf,
    pub sites: Vec<Site>,
}

/// Vocabulary size: function words, news words, then the made-up long tail.
pub const VOCAB_SIZE: usize = 40_000;
/// First year of publication dates; pages span `FIRST_YEAR..FIRST_YEAR + YEARS`.
pub const FIRST_YEAR: i32 = 2016;
pub const YEARS: i32 = 9;

impl World {
    pub fn new(seed: u64) -> World {
        let mut rng = Rng::new(seed ^ 0x0005_eed0_fc11_dde7);
        let mut vocab: Vec<String> = FUNCTION_WORDS.iter().map(|w| w.to_string()).collect();
        vocab.extend(NEWS_WORDS.iter().map(|w| w.to_string()));
        let mut seen: std::collections::HashSet<String> = vocab.iter().cloned().collect();
        while vocab.len() < VOCAB_SIZE {
            let mut word = String::new();
            for _ in 0..rng.range(1, 3) {
                word.push_str(rng.pick_str(SYLLABLES));
            }
            word.push_str(rng.pick_str(SUFFIXES));
            if seen.insert(word.clone()) {
                vocab.push(word);
            }
        }
        let mut orgs: Vec<String> = Vec::new();
        for head in ORG_HEADS {
            for _ in 0..2 {
                let org = format!("{head} {}", rng.pick(ORG_TAILS));
                if !orgs.contains(&org) {
                    orgs.push(org);
                }
            }
        }
        let mut people = Vec::new();
        let mut names = std::collections::HashSet::new();
        while people.len() < 600 {
            let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
            if names.insert(name.clone()) {
                let role = if rng.chance(0.7) {
                    format!("{} {}", rng.pick(ROLES), rng.pick(&orgs))
                } else {
                    format!("{} {}", rng.pick(ROLES), rng.pick(AGENCIES))
                };
                people.push(Person { name, role });
            }
        }
        let site_names = [
            ("The Morning Ledger", "morningledger.com"),
            ("Northern Dispatch", "northerndispatch.co.uk"),
            ("Bay Area Sentinel", "bayareasentinel.com"),
            ("Techwire Daily", "techwiredaily.com"),
            ("The Civic Observer", "civicobserver.org"),
            ("Capital Business Review", "capbizreview.com"),
            ("Riverside Herald", "riversideherald.com"),
            ("Global Affairs Monitor", "globalaffairsmonitor.net"),
            ("The Evening Standard-Post", "eveningstandardpost.com"),
            ("Metro Newsline", "metronewsline.com"),
            ("Coastal Gazette", "coastalgazette.com"),
            ("Signal & Noise", "signalandnoise.io"),
        ];
        let section_pool = [
            "Politics",
            "Business",
            "Technology",
            "World",
            "National",
            "Science",
            "Health",
            "Opinion",
            "Climate",
            "Local",
            "Markets",
            "Security",
        ];
        let sites = site_names
            .iter()
            .enumerate()
            .map(|(i, (name, domain))| Site {
                name: name.to_string(),
                domain: domain.to_string(),
                template: i % 4,
                sections: (0..rng.range(6, 10))
                    .map(|_| rng.pick(&section_pool[..]).to_string())
                    .collect(),
            })
            .collect();
        World {
            seed,
            word_zipf: Zipf::new(vocab.len(), 1.05),
            vocab,
            person_zipf: Zipf::new(people.len(), 0.9),
            people,
            org_zipf: Zipf::new(orgs.len(), 0.8),
            orgs,
            sites,
        }
    }

    fn word<'a>(&'a self, rng: &mut Rng) -> &'a str {
        &self.vocab[self.word_zipf.sample(rng)]
    }

    fn org<'a>(&'a self, rng: &mut Rng) -> &'a str {
        &self.orgs[self.org_zipf.sample(rng)]
    }

    /// Words of a clause, without capital or final stop; names and places mixed in.
    fn clause(&self, rng: &mut Rng, words: usize, out: &mut String) {
        for i in 0..words {
            if i > 0 {
                out.push(' ');
            }
            let roll = rng.unit();
            if roll < 0.025 {
                out.push_str(rng.pick_str(PLACES));
            } else if roll < 0.04 {
                out.push_str(self.org(rng));
            } else if roll < 0.045 {
                out.push_str(rng.pick_str(AGENCIES));
            } else {
                out.push_str(self.word(rng));
            }
            if i + 1 < words && rng.chance(0.06) {
                out.push(',');
            }
        }
    }

    fn sentence(&self, rng: &mut Rng, out: &mut String) {
        let start = out.len();
        let n = rng.range(8, 26);
        self.clause(rng, n, out);
        capitalise_at(out, start);
        out.push('.');
    }

    /// One paragraph: plain sentences, or one of the quotation forms newspapers use.
    fn paragraph(&self, rng: &mut Rng, first_mention: &mut Vec<usize>, out: &mut String) {
        let roll = rng.unit();
        if roll < 0.45 {
            for i in 0..rng.range(2, 5) {
                if i > 0 {
                    out.push(' ');
                }
                self.sentence(rng, out);
            }
            return;
        }
        let person_index = self.person_zipf.sample(rng);
        let person = &self.people[person_index];
        let full = !first_mention.contains(&person_index);
        if full {
            first_mention.push(person_index);
        }
        let surname = person.name.rsplit(' ').next().unwrap_or(&person.name);
        let verb = *rng.pick(SPEECH_VERBS);
        let mut quoted = String::new();
        let n = rng.range(8, 22);
        self.clause(rng, n, &mut quoted);
        capitalise_at(&mut quoted, 0);
        match rng.below(6) {
            0 | 1 => {
                if full {
                    let _ = write!(out, "“{quoted},” {verb} {}, {}.", person.name, person.role);
                } else {
                    let _ = write!(out, "“{quoted},” {verb} {surname}.");
                }
                if rng.chance(0.4) {
                    out.push_str(" “");
                    self.sentence(rng, out);
                    out.push('”');
                }
            }
            2 => {
                let _ = write!(out, "{} {verb}: “{quoted}.”", person.name);
            }
            3 => {
                out.push_str("According to ");
                out.push_str(self.org(rng));
                out.push_str(", ");
                let n = rng.range(8, 20);
                self.clause(rng, n, out);
                out.push('.');
            }
            4 => {
                let _ = write!(out, "{} said that ", person.name);
                let n = rng.range(10, 24);
                self.clause(rng, n, out);
                out.push('.');
            }
            _ => {
                self.sentence(rng, out);
                let _ = write!(out, " “{quoted},” {} {verb}.", person.name);
            }
        }
    }
}

fn capitalise_at(s: &mut String, at: usize) {
    if let Some(c) = s[at..].chars().next() {
        if c.is_ascii_lowercase() {
            s.replace_range(at..at + 1, &c.to_ascii_uppercase().to_string());
        }
    }
}

/// A generated page: where it goes (relative path) and its HTML.
#[derive(Debug, Clone)]
pub struct GenPage {
    pub rel_path: String,
    pub html: String,
}

struct Meta<'a> {
    site: &'a Site,
    section: &'a str,
    title: String,
    teaser: String,
    authors: Vec<String>,
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    offset: &'static str,
    url: String,
    slug: String,
    id: u64,
}

impl Meta<'_> {
    fn iso(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:00{}",
            self.year, self.month, self.day, self.hour, self.minute, self.offset
        )
    }
    fn human_date(&self) -> String {
        format!(
            "{} {}, {}",
            MONTHS[self.month as usize - 1],
            self.day,
            self.year
        )
    }
}

impl World {
    /// Page number `n` of the corpus: always the same bytes for the same seed and `n`.
    pub fn page(&self, n: u64) -> GenPage {
        let mut rng =
            Rng::new(self.seed.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ n.wrapping_mul(0x9e37_79b9));
        rng.next_u64();
        let site = &self.sites[rng.below(self.sites.len())];
        let section = rng.pick(&site.sections).clone();
        let year = FIRST_YEAR + rng.below(YEARS as usize) as i32;
        let month = rng.range(1, 12) as u32;
        let day = rng.range(1, 28) as u32;
        let mut title = String::new();
        let n_title = rng.range(6, 12);
        self.clause(&mut rng, n_title, &mut title);
        let title = title.replace(',', "");
        let mut title_c = title.clone();
        capitalise_at(&mut title_c, 0);
        let slug: String = title
            .to_lowercase()
            .split_whitespace()
            .take(8)
            .collect::<Vec<_>>()
            .join("-");
        let slug = format!("{slug}-{n}");
        let mut teaser = String::new();
        self.sentence(&mut rng, &mut teaser);
        let authors = (0..if rng.chance(0.25) { 2 } else { 1 })
            .map(|_| format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)))
            .collect();
        let meta = Meta {
            site,
            section: &section,
            title: title_c,
            teaser,
            authors,
            year,
            month,
            day,
            hour: rng.range(5, 22) as u32,
            minute: rng.range(0, 59) as u32,
            offset: rng.pick_str(&["-04:00", "-05:00", "Z", "+01:00", "+02:00"]),
            url: format!(
                "https://www.{}/{}/{year}/{month:02}/{day:02}/{slug}",
                site.domain,
                section.to_lowercase()
            ),
            slug: slug.clone(),
            id: rng.next_u64() % 10_000_000,
        };

        // The article: 8 to 30 paragraphs, some sub-headings.
        let mut paragraphs: Vec<(bool, String)> = Vec::new();
        let mut mentioned = Vec::new();
        let count = rng.range(8, 30);
        for i in 0..count {
            if i > 3 && rng.chance(0.08) {
                let mut h = String::new();
                let n = rng.range(3, 7);
                self.clause(&mut rng, n, &mut h);
                capitalise_at(&mut h, 0);
                paragraphs.push((true, h.replace(',', "")));
            }
            let mut p = String::new();
            if i == 0 {
                let _ = write!(p, "{} — ", rng.pick(PLACES).to_uppercase());
            }
            self.paragraph(&mut rng, &mut mentioned, &mut p);
            paragraphs.push((false, p));
        }

        // Total weight: log-normal, median 150 KB.
        let target =
            (150_000.0 * (0.55 * rng.normal()).exp()).clamp(30_000.0, 1_500_000.0) as usize;
        let html = render(self, &mut rng, &meta, &paragraphs, target);
        GenPage {
            rel_path: format!("{}/{year}/{month:02}/{}.html", site.domain, meta.slug),
            html,
        }
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn ident(rng: &mut Rng) -> String {
    const A: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
    let len = rng.range(1, 3);
    (0..len).map(|_| A[rng.below(A.len())] as char).collect()
}

/// Minified-looking JavaScript of about `bytes` bytes.
fn script_blob(rng: &mut Rng, bytes: usize, out: &mut String) {
    let start = out.len();
    out.push_str("!function(e,t){\"use strict\";");
    while out.len() - start < bytes {
        let (a, b, c) = (ident(rng), ident(rng), ident(rng));
        match rng.below(6) {
            0 => {
                let _ = write!(
                    out,
                    "var {a}=function({b},{c}){{return {b}&&{b}.{c}?{b}[{c}]:void 0}};"
                );
            }
            1 => {
                let _ = write!(out, "{a}.prototype.{b}=function(){{this.{c}=this.{c}||[];return this.{c}.push(arguments),this}};");
            }
            2 => {
                let _ = write!(
                    out,
                    "if(\"undefined\"!=typeof {a}&&{a}.{b}){{{c}({a}.{b},{})}}",
                    rng.below(1000)
                );
            }
            3 => {
                let _ = write!(out, "t.addEventListener(\"{}\",function({a}){{{b}.{c}({a}.target,{{passive:!0}})}});", ["click", "scroll", "load", "resize"][rng.below(4)]);
            }
            4 => {
                let _ = write!(
                    out,
                    "var {a}=[{},{},{},\"{:x}\"];",
                    rng.below(99999),
                    rng.below(99999),
                    rng.below(99999),
                    rng.next_u64()
                );
            }
            _ => {
                let _ = write!(
                    out,
                    "e.{a}=e.{a}||{{}};e.{a}.{b}=\"{:016x}\";",
                    rng.next_u64()
                );
            }
        }
    }
    out.push_str("}(window,document);");
}

/// CSS rules of about `bytes` bytes.
fn style_blob(rng: &mut Rng, bytes: usize, out: &mut String) {
    let start = out.len();
    const PROPS: &[&str] = &[
        "margin:0 auto",
        "padding:12px 16px",
        "display:flex",
        "color:#1a1a1a",
        "font-size:1.125rem",
        "line-height:1.6",
        "background:#fff",
        "border-bottom:1px solid #e5e5e5",
        "position:relative",
        "max-width:720px",
        "font-weight:700",
        "text-decoration:none",
    ];
    while out.len() - start < bytes {
        let _ = write!(
            out,
            ".{}-{}__{}{{{};{};{}}}",
            ["c", "m", "u", "ad", "nav", "art"][rng.below(6)],
            ident(rng).to_lowercase(),
            ["item", "link", "wrap", "title", "meta", "grid"][rng.below(6)],
            rng.pick(PROPS),
            rng.pick(PROPS),
            rng.pick(PROPS)
        );
    }
}

/// Nested markup of about `bytes` bytes: SVG icons, menu entries, story cards.
fn markup_blob(world: &World, rng: &mut Rng, m: &Meta, bytes: usize, out: &mut String) {
    let start = out.len();
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" style=\"display:none\">");
    for i in 0..rng.range(10, 30) {
        let _ = write!(out, "<symbol id=\"icon-{i}\" viewBox=\"0 0 24 24\"><path d=\"M{} {}l{} {}c{} {} {} {} {} {}z\"/></symbol>", rng.below(24), rng.below(24), rng.below(9), rng.below(9), rng.below(9), rng.below(9), rng.below(9), rng.below(9), rng.below(24), rng.below(24));
    }
    out.push_str("</svg>\n<div class=\"offcanvas\" hidden><ul class=\"offcanvas__list\">");
    while out.len() - start < bytes / 3 {
        let w = world.word(rng).to_string();
        let _ = write!(out, "<li class=\"offcanvas__item\" data-track=\"menu-{w}\"><a class=\"offcanvas__link\" href=\"/{}/{w}/\"><span class=\"label\">{w}</span><svg class=\"icon\"><use href=\"#icon-{}\"></use></svg></a></li>", m.section.to_lowercase(), rng.below(10));
    }
    out.push_str("</ul></div>\n<section class=\"more-stories\"><div class=\"grid\">");
    while out.len() - start < bytes {
        let h = headline(world, rng);
        let _ = write!(out, "<div class=\"card card--{}\"><a class=\"card__link\" href=\"https://www.{}/{}/{:x}\"><picture><source srcset=\"/img/{:x}-640.webp 640w, /img/{:x}-1280.webp 1280w\" type=\"image/webp\"><img class=\"card__img\" src=\"/img/{:x}.jpg\" alt=\"\" width=\"640\" height=\"360\" loading=\"lazy\"></picture><div class=\"card__body\"><span class=\"card__kicker\">{}</span><h4 class=\"card__title\">{h}</h4><time class=\"card__time\">{} hours ago</time></div></a></div>", rng.below(4), m.site.domain, m.section.to_lowercase(), rng.next_u64(), rng.next_u64() >> 20, rng.next_u64() >> 20, rng.next_u64() >> 20, m.section, rng.range(1, 23));
    }
    out.push_str("</div></section>\n");
}

fn headline(world: &World, rng: &mut Rng) -> String {
    let mut h = String::new();
    let n = rng.range(5, 10);
    world.clause(rng, n, &mut h);
    capitalise_at(&mut h, 0);
    esc(&h.replace(',', ""))
}

fn nav(world: &World, rng: &mut Rng, m: &Meta, out: &mut String) {
    let _ = write!(out, "<header class=\"site-header\"><div class=\"logo\"><a href=\"https://www.{}/\">{}</a></div>\n<nav class=\"main-nav\" aria-label=\"Sections\"><ul>", m.site.domain, esc(&m.site.name));
    for section in &m.site.sections {
        let _ = write!(
            out,
            "<li class=\"nav-item\"><a href=\"/{}/\">{section}</a><ul class=\"mega\">",
            section.to_lowercase()
        );
        for _ in 0..rng.range(6, 14) {
            let w = world.word(rng).to_string();
            let _ = write!(
                out,
                "<li><a href=\"/{}/{w}/\">{}</a></li>",
                section.to_lowercase(),
                w
            );
        }
        out.push_str("</ul></li>");
    }
    out.push_str("<li><a href=\"/subscribe\">Subscribe</a></li><li><a href=\"/login\">Sign in</a></li></ul></nav>\n<div class=\"breaking\">Breaking: ");
    out.push_str(&headline(world, rng));
    out.push_str("</div></header>\n");
}

fn ad(rng: &mut Rng, out: &mut String) {
    let slot = rng.below(99);
    let _ = write!(out, "<div class=\"ad-container\" data-ad-slot=\"slot-{slot}\"><div class=\"ad-label\">Advertisement</div><div id=\"div-gpt-ad-{:x}\"><script>googletag.cmd.push(function(){{googletag.display('div-gpt-ad-{slot}')}});</script></div></div>\n", rng.next_u64());
}

fn related(world: &World, rng: &mut Rng, m: &Meta, title: &str, out: &mut String) {
    let _ = write!(out, "<aside class=\"related\"><h3>{title}</h3><ul>");
    for _ in 0..rng.range(5, 12) {
        let h = headline(world, rng);
        let _ = write!(out, "<li class=\"related__item\"><a href=\"https://www.{}/{}/{:x}\"><img src=\"/img/{:x}.jpg\" alt=\"\" loading=\"lazy\"><span>{h}</span></a></li>", m.site.domain, m.section.to_lowercase(), rng.next_u64(), rng.next_u64());
    }
    out.push_str("</ul></aside>\n");
}

fn footer(world: &World, rng: &mut Rng, m: &Meta, out: &mut String) {
    out.push_str("<footer class=\"site-footer\"><div class=\"footer-links\">");
    for _ in 0..rng.range(30, 80) {
        let w = world.word(rng).to_string();
        let _ = write!(out, "<a href=\"/topics/{w}\">{w}</a> ");
    }
    let _ = write!(out, "</div><p class=\"copyright\">© {} {}. All rights reserved. <a href=\"/privacy\">Privacy Policy</a> · <a href=\"/terms\">Terms of Use</a> · <a href=\"/cookies\">Cookie Settings</a></p></footer>\n", m.year, esc(&m.site.name));
}

fn head(m: &Meta, template: usize, out: &mut String) {
    let title = esc(&m.title);
    let _ = write!(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} | {}</title>\n<meta name=\"description\" content=\"{}\">\n", esc(&m.site.name), esc(&m.teaser));
    if template != 3 {
        let _ = write!(out, "<link rel=\"canonical\" href=\"{url}\">\n<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:site_name\" content=\"{site}\">\n<meta property=\"og:title\" content=\"{title}\">\n<meta property=\"og:url\" content=\"{url}\">\n<meta property=\"og:image\" content=\"https://cdn.{dom}/img/{id}.jpg\">\n<meta name=\"twitter:card\" content=\"summary_large_image\">\n", url = m.url, site = esc(&m.site.name), dom = m.site.domain, id = m.id);
    }
    if template == 1 {
        let _ = write!(out, "<meta property=\"article:published_time\" content=\"{}\">\n<meta property=\"article:section\" content=\"{}\">\n", m.iso(), m.section);
        for a in &m.authors {
            let _ = writeln!(out, "<meta name=\"author\" content=\"{a}\">");
        }
    }
    if template == 0 {
        let authors: Vec<String> = m
            .authors
            .iter()
            .map(|a| format!("{{\"@type\":\"Person\",\"name\":\"{a}\"}}"))
            .collect();
        let _ = write!(out, "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"{}\",\"datePublished\":\"{}\",\"author\":[{}],\"publisher\":{{\"@type\":\"Organization\",\"name\":\"{}\"}},\"mainEntityOfPage\":\"{}\"}}</script>\n", m.title.replace('"', "\\\""), m.iso(), authors.join(","), m.site.name, m.url);
    }
    let _ = write!(out, "<link rel=\"stylesheet\" href=\"https://www.{}/static/css/main.{:x}.css\">\n<link rel=\"preload\" as=\"font\" href=\"/static/fonts/serif.woff2\" crossorigin>\n", m.site.domain, m.id);
}

fn render(
    world: &World,
    rng: &mut Rng,
    m: &Meta,
    paragraphs: &[(bool, String)],
    target: usize,
) -> String {
    let template = m.site.template;
    let mut out = String::with_capacity(target + 8192);
    head(m, template, &mut out);
    // Inline styles and scripts in the head take part of the filler budget, set at the end.
    let head_fill_at = out.len();
    out.push_str("</head>\n");
    let _ = write!(out, "<body class=\"page-article tmpl-{template}\">\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n");
    nav(world, rng, m, &mut out);
    ad(rng, &mut out);
    let title = esc(&m.title);
    let byline: Vec<String> = m.authors.iter().map(|a| esc(a)).collect();
    match template {
        0 => {
            let _ = write!(out, "<main id=\"main\"><article class=\"story\">\n<header class=\"story-header\"><span class=\"kicker\">{}</span><h1 class=\"headline\">{title}</h1><p class=\"dek\">{}</p>\n<div class=\"byline\">By {}</div><time datetime=\"{}\">{}</time></header>\n<div class=\"story-body\">\n", m.section, esc(&m.teaser), byline.iter().map(|a| format!("<a rel=\"author\" href=\"/by/{}\">{a}</a>", a.to_lowercase().replace(' ', "-"))).collect::<Vec<_>>().join(" and "), m.iso(), m.human_date());
        }
        1 => {
            let _ = write!(out, "<div id=\"main\" class=\"site-content\"><div class=\"content-area\"><div class=\"post type-post\">\n<h1 class=\"entry-title\">{title}</h1>\n<div class=\"entry-meta\"><span class=\"author vcard\">{}</span> <span class=\"posted-on\">{}</span></div>\n<div class=\"entry-content\">\n", byline.join(", "), m.human_date());
        }
        2 => {
            let _ = write!(out, "<div id=\"main\" itemscope itemtype=\"https://schema.org/NewsArticle\"><meta itemprop=\"datePublished\" content=\"{}\">\n<h1 itemprop=\"headline\">{title}</h1>\n<div class=\"article-meta\">{}<span class=\"date\">Updated {}</span></div>\n<div class=\"article-body\" itemprop=\"articleBody\">\n", m.iso(), byline.iter().map(|a| format!("<span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">{a}</span></span>")).collect::<Vec<_>>().join(" "), m.human_date());
        }
        _ => {
            let _ = write!(out, "<table width=\"100%\" id=\"main\"><tr><td class=\"leftnav\" width=\"160\"><a href=\"/\">Home</a><br><a href=\"/news\">News</a><br><a href=\"/archive\">Archive</a></td><td class=\"storytext\">\n<h1>{title}</h1>\n<p class=\"byline\">By {}, Staff Writer<br>Published {}</p>\n", byline.join(" and "), m.human_date());
        }
    }
    for (i, (heading, text)) in paragraphs.iter().enumerate() {
        if *heading {
            let _ = writeln!(out, "<h2>{}</h2>", esc(text));
        } else {
            let _ = writeln!(out, "<p>{}</p>", esc(text));
        }
        if i == paragraphs.len() / 2 && template != 3 {
            // Mid-article ad and newsletter box.
            ad(rng, &mut out);
            out.push_str("<div class=\"newsletter-signup\"><p>Sign up for our daily briefing. Get the news that matters delivered to your inbox every morning.</p><form><input type=\"email\" placeholder=\"Email address\"><button>Subscribe</button></form></div>\n");
        }
    }
    match template {
        0 => out.push_str("</div>\n<div class=\"share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a> <a href=\"#\">Email</a></div></article>\n"),
        1 => out.push_str("</div><div class=\"tags\">Posted in news</div></div></div>\n"),
        2 => out.push_str("</div>\n"),
        _ => out.push_str("</td></tr></table>\n"),
    }
    related(world, rng, m, "Related coverage", &mut out);
    ad(rng, &mut out);
    related(world, rng, m, "Most read", &mut out);
    if rng.chance(0.5) {
        out.push_str("<section class=\"comments\"><h3>Comments</h3>");
        for _ in 0..rng.range(2, 8) {
            let mut c = String::new();
            world.sentence(rng, &mut c);
            let _ = write!(
                out,
                "<div class=\"comment\"><span class=\"user\">{}{}</span><p>{}</p></div>",
                world.word(rng),
                rng.below(999),
                esc(&c)
            );
        }
        out.push_str("</section>\n");
    }
    if template < 2 {
        out.push_str("</main>\n");
    } else if template == 2 {
        out.push_str("</div>\n");
    }
    footer(world, rng, m, &mut out);
    // Filler: styles and scripts up to the target weight, some in the head, most at the end.
    let tail_at = out.len();
    let missing = target.saturating_sub(out.len() + 200);
    let mut head_fill = String::new();
    let head_share = missing / 3;
    if head_share > 0 {
        head_fill.push_str("<style>");
        style_blob(rng, head_share / 2, &mut head_fill);
        head_fill.push_str("</style>\n<script>");
        script_blob(rng, head_share / 2, &mut head_fill);
        head_fill.push_str("</script>\n");
    }
    // Markup-heavy filler (an icon sprite, the off-canvas menu, a grid of story cards), as
    // real pages carry: about a quarter of what is missing, so that scripts and styles make some 70%
    // of the page, and there is a tag every 150 to 250 bytes, as in real saved pages.
    let mut tail = String::new();
    let markup_share = missing.saturating_sub(head_fill.len()) / 4;
    markup_blob(world, rng, m, markup_share, &mut tail);
    let mut left = missing.saturating_sub(head_fill.len() + tail.len());
    while left > 0 {
        let chunk = left.min(rng.range(8_000, 40_000));
        let before = tail.len();
        let _ = write!(tail, "<script id=\"s{}\">", rng.below(9999));
        script_blob(rng, chunk, &mut tail);
        tail.push_str("</script>\n");
        left = left.saturating_sub(tail.len() - before);
    }
    tail.push_str("<script>window.dataLayer=window.dataLayer||[];dataLayer.push({event:'pageview'});</script>\n</body>\n</html>\n");
    out.insert_str(tail_at, &tail);
    out.insert_str(head_fill_at, &head_fill);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic() {
        let a = World::new(7).page(3);
        let b = World::new(7).page(3);
        assert_eq!(a.html, b.html);
        assert_eq!(a.rel_path, b.rel_path);
    }
}
