//! The fixed query set of the benchmark, written against the generator's vocabulary: single words
//! (very common, common, rare), phrases, OR, exclusions, grouping, fields, and the speaker, site and
//! date filters. Each has the `rg` pattern that finds the same words in the HTML folder
//! (exclusions and filters cannot be expressed with one `rg -i -c`: only the positive words are
//! searched for there).

use crate::gen::World;

#[derive(Debug, Clone)]
pub struct BenchQuery {
    pub query: String,
    pub speaker: Option<String>,
    pub site: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    /// Regular expression for `rg -i -c`.
    pub rg: String,
}

impl BenchQuery {
    fn new(query: &str, rg: &str) -> BenchQuery {
        BenchQuery {
            query: query.to_owned(),
            speaker: None,
            site: None,
            since: None,
            until: None,
            rg: rg.to_owned(),
        }
    }

    /// The filters given, as `clipdex search` flags with their values.
    fn filter_flags(&self) -> impl Iterator<Item = (&'static str, &String)> {
        [
            ("--speaker", &self.speaker),
            ("--site", &self.site),
            ("--since", &self.since),
            ("--until", &self.until),
        ]
        .into_iter()
        .filter_map(|(flag, value)| value.as_ref().map(|v| (flag, v)))
    }

    /// Command-line arguments of `clipdex search` for this query (after `search`).
    pub fn cli_args(&self) -> Vec<String> {
        let mut args = Vec::new();
        for (flag, value) in self.filter_flags() {
            args.push(flag.to_owned());
            args.push(value.clone());
        }
        args.push("--".to_owned());
        args.push(self.query.clone());
        args
    }

    /// How the query reads in a report.
    pub fn describe(&self) -> String {
        let mut s = self.query.clone();
        for (flag, value) in self.filter_flags() {
            s.push_str(&format!(" {flag} {value:?}"));
        }
        s
    }
}

/// The query set (34 queries) for a generated corpus of this world.
pub fn query_set(world: &World) -> Vec<BenchQuery> {
    let rare = &world.vocab[30_000];
    let rarer = &world.vocab[39_000];
    let mid = &world.vocab[3_000];
    let person = &world.people[0].name;
    let surname = person.rsplit(' ').next().unwrap_or(person).to_lowercase();
    let person2 = &world.people[5].name;
    let org = &world.orgs[0];
    let site = &world.sites[2];
    let mut q = vec![
        // Single words: very common, common, rare.
        BenchQuery::new("the", "the"),
        BenchQuery::new("said", "said"),
        BenchQuery::new("government", "government"),
        BenchQuery::new("sanctions", "sanctions"),
        BenchQuery::new("ransomware", "ransomware"),
        BenchQuery::new(mid, mid),
        BenchQuery::new(rare, rare),
        BenchQuery::new(rarer, rarer),
        // Several words (all must match).
        BenchQuery::new("government security report", "government.*security.*report"),
        BenchQuery::new("court ruling appeal", "court.*ruling.*appeal"),
        BenchQuery::new(&format!("minister {rare}"), &format!("minister.*{rare}")),
        // Phrases.
        BenchQuery::new("\"the government\"", "the government"),
        BenchQuery::new("\"said the\"", "said the"),
        BenchQuery::new("\"according to\"", "according to"),
        BenchQuery::new("\"federal agency\"", "federal agency"),
        BenchQuery::new(&format!("\"{org}\""), &org.to_lowercase()),
        // OR and grouping.
        BenchQuery::new("sanctions OR tariffs", "sanctions|tariffs"),
        BenchQuery::new(
            "ransomware OR malware OR breach",
            "ransomware|malware|breach",
        ),
        BenchQuery::new("the OR said", "the|said"),
        BenchQuery::new(
            "(sanctions OR tariffs) minister",
            "(sanctions|tariffs).*minister",
        ),
        // Exclusions.
        BenchQuery::new("security -cyber", "security"),
        BenchQuery::new("government -federal -state", "government"),
        BenchQuery::new("budget -the", "budget"),
        // Fields.
        BenchQuery::new(&format!("speaker:{surname}"), &surname),
        BenchQuery::new(
            &format!("speaker:\"{}\" the", person2.to_lowercase()),
            &person2.to_lowercase(),
        ),
        BenchQuery::new("title:security", "security"),
        BenchQuery::new("author:vasquez economy", "vasquez"),
    ];
    let mut with = |query: &str, rg: &str, f: &dyn Fn(&mut BenchQuery)| {
        let mut b = BenchQuery::new(query, rg);
        f(&mut b);
        q.push(b);
    };
    // Filters.
    with("government", person, &|b| b.speaker = Some(person.clone()));
    with("", &surname, &|b| b.speaker = Some(surname.clone()));
    with("the", &site.name.to_lowercase(), &|b| {
        b.site = Some(site.name.clone())
    });
    with("security", "security", &|b| {
        b.since = Some("2019".into());
        b.until = Some("2020".into());
    });
    with("said", "said", &|b| b.since = Some("2024-06".into()));
    with("", "2018-03-1", &|b| {
        b.since = Some("2018-03-10".into());
        b.until = Some("2018-03-19".into());
    });
    with(
        &format!("\"the government\" {mid}"),
        "the government",
        &|b| {
            b.speaker = Some(surname.clone());
            b.since = Some("2017".into());
        },
    );
    q
}
