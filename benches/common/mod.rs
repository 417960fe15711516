//! A compact, deterministic corpus of news-like prose for the benchmarks.
//!
//! This is a small port of `bench/gen_corpus.py` (which has far more templates and is what
//! `bench/throughput.sh` uses), so that `cargo bench` needs no Python. Same seed, same bytes,
//! on every platform: all randomness comes from a xorshift64* generator, and floats are only
//! formatted, never hashed or summed in parallel.
//!
//! Environment variables:
//! - `NUMLINT_BENCH_CORPUS`, `NUMLINT_BENCH_CORPUS_MARKDOWN`, `NUMLINT_BENCH_CORPUS_HTML`: read
//!   the text / Markdown / HTML corpus from this file instead of generating it.
//! - `NUMLINT_BENCH_SIZE`: bytes to generate (default 2,000,000; suffixes KB and MB are accepted).

#![allow(dead_code)]

use std::fmt::Write as _;

/// Output flavour of the generated corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    Text,
    Markdown,
    Html,
}

/// The benchmark corpus for `flavour`: from the environment's file if set, else generated.
pub fn corpus(flavour: Flavour) -> String {
    let var = match flavour {
        Flavour::Text => "NUMLINT_BENCH_CORPUS",
        Flavour::Markdown => "NUMLINT_BENCH_CORPUS_MARKDOWN",
        Flavour::Html => "NUMLINT_BENCH_CORPUS_HTML",
    };
    if let Ok(path) = std::env::var(var) {
        return std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{var}={path}: {e}"));
    }
    generate(bench_size(), 1, flavour)
}

/// `NUMLINT_BENCH_SIZE` in bytes, or 2 MB.
pub fn bench_size() -> usize {
    let Ok(s) = std::env::var("NUMLINT_BENCH_SIZE") else {
        return 2_000_000;
    };
    let s = s.trim().to_ascii_uppercase();
    let (num, mult) = if let Some(n) = s.strip_suffix("MB") {
        (n, 1_000_000.0)
    } else if let Some(n) = s.strip_suffix("KB") {
        (n, 1_000.0)
    } else {
        (s.strip_suffix('B').unwrap_or(&s), 1.0)
    };
    let n: f64 = num
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("NUMLINT_BENCH_SIZE={s}: not a size"));
    (n * mult) as usize
}

/// xorshift64*: tiny, fast and good enough to pick templates.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // splitmix the seed so that 0, 1, 2 ... start far apart; never zero.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    pub fn f(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [0, n).
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() >> 32) * n) >> 32
    }

    /// Uniform in [lo, hi].
    pub fn int(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }

    /// Log-uniform in [lo, hi): small figures as common as large ones.
    pub fn log_uniform(&mut self, lo: f64, hi: f64) -> f64 {
        (lo.ln() + self.f() * (hi.ln() - lo.ln())).exp()
    }
}

const CITIES: &[&str] = &[
    "London",
    "Glasgow",
    "Dublin",
    "Paris",
    "Lyon",
    "Berlin",
    "Munich",
    "Madrid",
    "Lisbon",
    "Rome",
    "Vienna",
    "Geneva",
    "Brussels",
    "Rotterdam",
    "Oslo",
    "Warsaw",
    "Athens",
    "Istanbul",
    "Cairo",
    "Lagos",
    "Nairobi",
    "Cape Town",
    "Dubai",
    "Karachi",
    "Delhi",
    "Mumbai",
    "Dhaka",
    "Bangkok",
    "Jakarta",
    "Manila",
    "Singapore",
    "Hong Kong",
    "Shanghai",
    "Seoul",
    "Tokyo",
    "Sydney",
    "Auckland",
    "New York",
    "Chicago",
    "Houston",
    "Seattle",
    "Toronto",
    "Mexico City",
    "Lima",
    "Santiago",
    "Buenos Aires",
    "Sao Paulo",
];
const COUNTRIES: &[&str] = &[
    "Britain",
    "France",
    "Germany",
    "Spain",
    "Italy",
    "Poland",
    "Greece",
    "Turkey",
    "Egypt",
    "Nigeria",
    "Kenya",
    "India",
    "Pakistan",
    "Japan",
    "China",
    "Australia",
    "Canada",
    "Brazil",
    "Mexico",
    "the United States",
    "the U.S.",
    "the UK",
    "the EU",
];
const COMPANIES: &[&str] = &[
    "Norvale Energy",
    "Brightwater Holdings",
    "Castlegate Bank",
    "Orrin Motors",
    "Tidewell Foods",
    "Kestrel Airways",
    "Halden Steel",
    "Pinecrest Pharma",
    "Ostara Telecom",
    "Vantor Logistics",
    "Redfern Mining",
    "Calder Water",
    "Ironbridge Rail",
    "Solway Wind",
    "Meridian Foods",
];
const BODIES: &[&str] = &[
    "the central bank",
    "the health ministry",
    "the statistics office",
    "the Met Office",
    "the coastguard",
    "the city council",
    "the World Bank",
    "the United Nations",
    "the police",
    "the energy regulator",
    "the Treasury",
    "the Red Cross",
    "the U.N. refugee agency",
];
const FIRST: &[&str] = &[
    "Anna", "James", "Priya", "Mohammed", "Chen", "Olga", "Kwame", "Lucia", "Tomasz", "Aiko",
    "Fatima", "Sean", "Rafael", "Mei", "Arjun", "Sofia", "Niamh", "Kofi", "Elena", "Dmitri",
];
const LAST: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Hartley",
    "Nakamura",
    "Petrov",
    "Mensah",
    "Alvarez",
    "Kowalski",
    "Brennan",
    "Haddad",
    "Novak",
    "Fischer",
    "Osei",
    "Sharma",
    "Byrne",
    "Romero",
    "Kim",
    "Rossi",
    "O'Connell",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
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
const PEOPLE: &[&str] = &[
    "patients",
    "passengers",
    "students",
    "workers",
    "teachers",
    "nurses",
    "residents",
    "voters",
    "people",
    "children",
    "customers",
    "tourists",
    "refugees",
    "employees",
];
const THINGS: &[&str] = &[
    "homes",
    "jobs",
    "schools",
    "vehicles",
    "flights",
    "farms",
    "shops",
    "hospital beds",
    "turbines",
    "buses",
    "branches",
    "bridges",
    "charging points",
    "libraries",
];
const METRICS: &[&str] = &[
    "revenue",
    "net profit",
    "sales",
    "exports",
    "operating income",
    "the budget deficit",
    "turnover",
    "ticket sales",
    "capital spending",
    "the dividend",
];
const IDENTS: &[&str] = &[
    "F-16 fighter jets",
    "COVID-19",
    "the A380",
    "a Boeing 737-800",
    "the G7 summit",
    "the M25 motorway",
    "Article 50",
    "Section 230",
    "Apollo 11",
    "the H5N1 strain",
    "SARS-CoV-2",
    "PM2.5 particles",
    "Windows 11",
    "Terminal 5",
    "No. 10 Downing Street",
    "the Omicron BA.5 variant",
    "Formula 1",
    "the Class 800 trains",
];
const HEDGES: &[&str] = &[
    "about ",
    "around ",
    "roughly ",
    "some ",
    "nearly ",
    "almost ",
    "more than ",
    "over ",
    "at least ",
    "up to ",
    "",
    "",
    "",
    "",
    "",
    "",
];
const PLAIN: &[&str] = &[
    "Officials declined to comment.",
    "The company did not respond to a request for comment.",
    "Critics say the plan does little to address the underlying problem.",
    "Residents were advised to stay indoors and keep their windows closed.",
    "It was not immediately clear what caused the fire.",
    "The announcement came after weeks of speculation.",
    "Rescue teams worked through the night in freezing conditions.",
    "The proposal still needs the approval of parliament.",
    "Analysts had expected a weaker result.",
    "Neither side has said what a deal would look like.",
    "Campaigners welcomed the decision but said more needed to be done.",
    "Police have appealed for witnesses.",
    "Mr. Brennan said he had not been consulted.",
    "Details of the settlement were not disclosed.",
    "The U.S. embassy issued a travel advisory on Friday.",
    "Forecasters warned of further disruption over the weekend.",
    "The findings have yet to be peer reviewed.",
    "Dr. Osei, who led the study, said the results were encouraging.",
];

/// (metric units, imperial units, imperial per metric, low, high, contexts with `{q}`)
type Conversion = (
    &'static [&'static str],
    &'static [&'static str],
    f64,
    f64,
    f64,
    &'static [&'static str],
);
const MILE_KM: f64 = 1.609344;
const CONVERSIONS: &[Conversion] = &[
    (
        &["km", "kilometres", "kilometers"],
        &["miles"],
        1.0 / MILE_KM,
        5.0,
        9000.0,
        &[
            "The pipeline will run for {q} from the coast.",
            "The convoy travelled {q} to reach the capital.",
            "The missiles can fly {q}, officials said.",
            "Traffic was backed up for {q} on the motorway.",
        ],
    ),
    (
        &["m", "metres", "meters"],
        &["ft", "feet"],
        1.0 / 0.3048,
        2.0,
        9000.0,
        &[
            "Waves of up to {q} battered the harbour.",
            "The tower, which stands {q} tall, will open in spring.",
            "Climbers reached a height of {q} before turning back.",
        ],
    ),
    (
        &["kg", "kilograms"],
        &["lb", "pounds"],
        1.0 / 0.45359237,
        2.0,
        2000.0,
        &[
            "Customs officers seized {q} of cocaine.",
            "The record-breaking pumpkin weighed {q}.",
        ],
    ),
    (
        &["km/h", "kph"],
        &["mph"],
        1.0 / MILE_KM,
        20.0,
        400.0,
        &[
            "Winds gusted at {q} overnight.",
            "Police said the car was travelling at {q}.",
        ],
    ),
    (
        &["sq km", "square kilometres"],
        &["sq miles", "square miles"],
        1.0 / (MILE_KM * MILE_KM),
        2.0,
        500000.0,
        &[
            "The fire has burned through {q} of forest.",
            "Floodwater covered {q} of farmland.",
        ],
    ),
    (
        &["litres"],
        &["gallons"],
        1.0 / 3.785411784,
        10.0,
        5.0e6,
        &["The tanker spilled {q} of diesel into the river."],
    ),
    (
        &["km"],
        &["nautical miles"],
        1.0 / 1.852,
        5.0,
        3000.0,
        &["The fishing boat was found {q} off the coast."],
    ),
];

/// Rounds to `sig` significant figures.
fn sig_round(x: f64, sig: i32) -> f64 {
    if x == 0.0 {
        return 0.0;
    }
    let d = sig - 1 - x.abs().log10().floor() as i32;
    let p = 10f64.powi(d);
    (x * p).round() / p
}

/// Significant figures of a figure as written: "900" -> 1, "1,250" -> 3, "4.5" -> 2.
fn sig_figs(s: &str) -> i32 {
    let digits: String = s
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let n = if digits.contains('.') {
        digits.replace('.', "").trim_start_matches('0').len()
    } else {
        digits.trim_start_matches('0').trim_end_matches('0').len()
    };
    n.max(1) as i32
}

/// "1234567" -> "1,234,567" (most of the time; writers sometimes skip the commas).
fn num(rng: &mut Rng, x: f64, decimals: usize) -> String {
    let commas = rng.chance(0.85);
    let s = format!("{x:.decimals$}");
    if !commas {
        return s;
    }
    let (int, frac) = match s.find('.') {
        Some(i) => (&s[..i], &s[i..]),
        None => (&s[..], ""),
    };
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::with_capacity(s.len() + 4);
    out.push_str(sign);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn year(rng: &mut Rng) -> u64 {
    if rng.chance(0.7) {
        rng.int(1995, 2025)
    } else {
        rng.int(1900, 1994)
    }
}

fn date(rng: &mut Rng) -> String {
    let d = rng.int(1, 28);
    let m = rng.pick(MONTHS);
    match rng.below(5) {
        0 | 1 => format!("on {d} {m}"),
        2 => format!("on {m} {d}"),
        3 => format!("on {d} {m} {}", year(rng)),
        _ => format!("on {}", rng.pick(DAYS)),
    }
}

fn time(rng: &mut Rng) -> String {
    let h = rng.below(24);
    let mi = *rng.pick(&[0, 5, 15, 30, 45]);
    match rng.below(3) {
        0 => format!(
            "{h:02}:{mi:02} {}",
            rng.pick(&["GMT", "BST", "CET", "local time"])
        ),
        1 => format!(
            "{}.{mi:02}{}",
            if h.is_multiple_of(12) { 12 } else { h % 12 },
            if h < 12 { "am" } else { "pm" }
        ),
        _ => format!(
            "{}:{mi:02} {}",
            if h.is_multiple_of(12) { 12 } else { h % 12 },
            if h < 12 { "a.m." } else { "p.m." }
        ),
    }
}

/// ("$", "") or ("", " euros"): one currency per sentence.
fn currency(rng: &mut Rng) -> (&'static str, &'static str) {
    if rng.chance(0.8) {
        (*rng.pick(&["$", "$", "£", "£", "€", "US$", "C$", "¥"]), "")
    } else {
        (
            "",
            *rng.pick(&[" euros", " dollars", " pounds", " yen", " rupees"]),
        )
    }
}

fn money(rng: &mut Rng, v: f64, cur: (&str, &str)) -> String {
    let (scale, div) = if v >= 1e9 {
        (*rng.pick(&["bn", " billion"]), 1e9)
    } else if v >= 1e6 {
        (*rng.pick(&["m", " million", "mn"]), 1e6)
    } else {
        ("", 1.0)
    };
    let scale = match (cur.1.is_empty(), scale) {
        (false, "bn") => " billion",
        (false, "m" | "mn") => " million",
        _ => scale,
    };
    let x = v / div;
    let mut fig = num(rng, x, if x >= 100.0 || div == 1.0 { 0 } else { 1 });
    if fig.ends_with(".0") {
        fig.truncate(fig.len() - 2);
    }
    format!("{}{fig}{scale}{}", cur.0, cur.1)
}

fn name(rng: &mut Rng) -> String {
    if rng.chance(0.3) {
        format!(
            "{} {}",
            rng.pick(&["Mr.", "Ms.", "Dr.", "Mrs", "Prof."]),
            rng.pick(LAST)
        )
    } else {
        format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
    }
}

fn s_conversion(rng: &mut Rng) -> String {
    let (metric, imperial, factor, lo, hi, contexts) = *rng.pick(CONVERSIONS);
    let sig = *rng.pick(&[1, 2, 2, 3, 3, 4]);
    let x = sig_round(rng.log_uniform(lo, hi), sig).round().max(1.0);
    let metric_first = rng.chance(0.7);
    let truth = if metric_first { x * factor } else { x / factor };
    let a = num(rng, x, 0);
    let k = rng.f();
    let b = if k < 0.7 {
        sig_round(truth, sig_figs(&a).max(2))
    } else if k < 0.76 {
        truth // over-precise
    } else if k < 0.82 {
        truth * 10.0 // a x10 slip
    } else if k < 0.9 {
        if metric_first { x / factor } else { x * factor } // factor the wrong way round
    } else {
        sig_round(truth * rng.pick(&[0.8, 1.15, 1.3]), 2)
    };
    let b = num(rng, b, 0);
    let (ua, ub) = if metric_first {
        (rng.pick(metric), rng.pick(imperial))
    } else {
        (rng.pick(imperial), rng.pick(metric))
    };
    let hedge = if rng.chance(0.3) {
        *rng.pick(HEDGES)
    } else {
        ""
    };
    let q = if rng.chance(0.85) {
        format!("{hedge}{a} {ua} ({b} {ub})")
    } else {
        format!("{hedge}{a} {ua}, or about {b} {ub},")
    };
    rng.pick(contexts)
        .replace("{q}", &q)
        .replace(",,", ",")
        .replace(",.", ".")
}

fn s_temperature(rng: &mut Rng) -> String {
    if rng.chance(0.7) {
        let c = *rng.pick(&[-12i32, -5, 0, 4, 12, 18, 21, 25, 30, 35, 38, 41, 45]);
        let mut f = c as f64 * 9.0 / 5.0 + 32.0;
        if rng.chance(0.2) {
            f -= 32.0; // forgot the offset
        }
        let deg = rng.pick(&["C", "°C", " degrees Celsius"]);
        format!(
            "Temperatures reached {c}{deg} ({}F) in {} on {}.",
            f.round(),
            rng.pick(CITIES),
            rng.pick(DAYS)
        )
    } else {
        let d = *rng.pick(&[0.5, 1.0, 1.5, 2.0, 3.0]);
        let mut f = d * 9.0 / 5.0;
        if rng.chance(0.3) {
            f += 32.0; // a difference converted as if absolute
        }
        format!("The sea was {d}C ({f:.1}F) warmer than the long-term average.")
    }
}

fn s_percent_change(rng: &mut Rng) -> String {
    let up = rng.chance(0.6);
    let mut pct = sig_round(
        0.5 + rng.f() * if up { 45.0 } else { 30.0 },
        *rng.pick(&[1, 2, 2]),
    );
    if pct >= 10.0 {
        pct = pct.round();
    }
    let old = sig_round(rng.log_uniform(2e5, 9e10), *rng.pick(&[2, 3]));
    let new = if up {
        old * (1.0 + pct / 100.0)
    } else {
        old * (1.0 - pct / 100.0)
    };
    let stated = if rng.chance(0.15) {
        ((new - old).abs() / new * 100.0).round() // the wrong base
    } else {
        pct
    };
    let cur = currency(rng);
    let (n, o) = (money(rng, new, cur), money(rng, old, cur));
    let metric = *rng.pick(METRICS);
    let verb = if up {
        rng.pick(&["rose", "climbed", "jumped", "grew"])
    } else {
        rng.pick(&["fell", "dropped", "slipped"])
    };
    let per = rng.pick(&["%", "%", " percent", " per cent"]);
    match rng.below(3) {
        0 => {
            let org = rng.pick(COMPANIES);
            let poss = if org.ends_with('s') { "'" } else { "'s" };
            format!(
                "{org}{poss} {} {verb} {stated}{per} to {n} from {o}.",
                metric.trim_start_matches("the ")
            )
        }
        1 => format!(
            "{} {verb} {stated}{per} to {n}, {} from {o} a year earlier.",
            cap(metric),
            if up { "up" } else { "down" }
        ),
        _ => {
            let (went, change) = if up {
                ("grew", "an increase")
            } else {
                ("shrank", "a decrease")
            };
            format!(
                "{} {went} from {o} to {n}, {change} of {stated}{per}.",
                cap(metric)
            )
        }
    }
}

fn s_ratio(rng: &mut Rng) -> String {
    let nouns = if rng.chance(0.5) { PEOPLE } else { THINGS };
    let noun = rng.pick(nouns);
    let a = (sig_round(rng.log_uniform(8.0, 4e5), 2) as u64).max(2);
    let (mult, word) = *rng.pick(&[
        (2.0, "doubled"),
        (3.0, "tripled"),
        (0.5, "halved"),
        (2.1, "more than doubled"),
        (1.9, "nearly doubled"),
        (5.0, "rose fivefold"),
        (2.0 / 3.0, "fell by a third"),
    ]);
    let mut b = a as f64 * mult;
    if rng.chance(0.25) {
        b *= rng.pick(&[0.7, 1.3, 1.6]);
    }
    let b = sig_round(b, 2).max(1.0);
    let (a, b) = (num(rng, a as f64, 0), num(rng, b, 0));
    format!(
        "The number of {noun} in {} {word}, from {a} to {b}.",
        rng.pick(CITIES)
    )
}

fn s_share(rng: &mut Rng) -> String {
    let noun = rng.pick(PEOPLE);
    match rng.below(3) {
        0 => format!(
            "{} {noun} surveyed said they backed the plan.",
            rng.pick(&[
                "One in four",
                "One in three",
                "Two in five",
                "Three in four",
                "One in ten"
            ])
        ),
        1 => {
            let total = *rng.pick(&[120u64, 400, 1000, 2000, 5000]);
            let part = (total as f64 * (0.05 + rng.f() * 0.9)) as u64;
            let mut pct = part as f64 / total as f64 * 100.0;
            if rng.chance(0.2) {
                pct *= 1.2;
            }
            format!(
                "Of the {} {noun}, {}, or {}%, were women.",
                num(rng, total as f64, 0),
                part,
                pct.round()
            )
        }
        _ => format!(
            "{} of the {} in {} are more than 30 years old.",
            rng.pick(&[
                "A third",
                "A quarter",
                "Two-thirds",
                "Nearly half",
                "More than a third"
            ]),
            rng.pick(THINGS),
            rng.pick(CITIES)
        ),
    }
}

fn s_sum(rng: &mut Rng) -> String {
    let total = *rng.pick(&[80u64, 120, 200, 300, 450, 650]);
    let a = (total as f64 * (0.3 + rng.f() * 0.4)) as u64;
    let mut b = total - a;
    if rng.chance(0.25) {
        b += rng.int(1, 12);
    }
    format!("Of the {total} seats, {a} went to the ruling party and {b} to the opposition.")
}

fn s_count(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => {
            let n = 2.0 + rng.f().powi(3) * 90000.0;
            format!(
                "{}{} {} were evacuated {}.",
                rng.pick(HEDGES),
                num(rng, n, 0),
                rng.pick(PEOPLE),
                date(rng)
            )
        }
        1 => format!(
            "{} {} were left without power, {} said.",
            rng.pick(&[
                "Tens of thousands of",
                "Hundreds of",
                "A dozen",
                "Two and a half thousand",
                "1.5 million"
            ]),
            rng.pick(PEOPLE),
            rng.pick(BODIES)
        ),
        2 => {
            let n = rng.int(3, 120);
            let m = (n as f64 * (0.05 + rng.f() * 0.9)) as u64;
            format!(
                "A freight train of {n} railcars derailed near {}, and {m} of them caught fire.",
                rng.pick(CITIES)
            )
        }
        _ => format!(
            "{}, {}, was charged with fraud.",
            name(rng),
            rng.int(18, 88)
        ),
    }
}

fn s_money(rng: &mut Rng) -> String {
    let v = sig_round(rng.log_uniform(1e3, 5e11), *rng.pick(&[1, 2, 2, 3]));
    let cur = currency(rng);
    let m = money(rng, v, cur);
    let hedge = rng.pick(HEDGES);
    match rng.below(3) {
        0 => format!(
            "{} agreed to pay {hedge}{m} to settle the case.",
            rng.pick(COMPANIES)
        ),
        1 => format!("The project is expected to cost {hedge}{m}, double the original estimate."),
        _ => format!(
            "{} set aside {hedge}{m} for flood defences.",
            cap(rng.pick::<&str>(BODIES))
        ),
    }
}

fn s_datetime(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => format!("The explosion happened at {} {}.", time(rng), date(rng)),
        1 => {
            let y = year(rng);
            format!(
                "{} was founded in {y} and listed in {}.",
                rng.pick(COMPANIES),
                y + rng.int(1, 30)
            )
        }
        _ => format!(
            "It was the wettest {} since records began in {}.",
            rng.pick(MONTHS),
            year(rng)
        ),
    }
}

fn s_ident(rng: &mut Rng) -> String {
    let id = rng.pick(IDENTS);
    if rng.chance(0.5) {
        format!("{} came up again at the hearing {}.", cap(id), date(rng))
    } else {
        format!(
            "Officials said {id} had caused concern since {}.",
            year(rng)
        )
    }
}

fn s_quote(rng: &mut Rng) -> String {
    let inner = match rng.below(4) {
        0 => {
            let n = rng.int(20, 4000) as f64;
            format!("We saw about {} people at the gate", num(rng, n, 0))
        }
        1 => format!(
            "Prices have gone up {}% since {} and wages haven't moved",
            rng.int(5, 60),
            year(rng)
        ),
        2 => "Nobody told us anything".to_string(),
        _ => format!("I waited {} hours for an ambulance", rng.int(2, 12)),
    };
    let who = name(rng);
    let (q1, q2) = if rng.chance(0.5) {
        ("“", "”")
    } else {
        ("\"", "\"")
    };
    if rng.chance(0.5) {
        format!(
            "{q1}{inner},{q2} said {who}, a spokeswoman for {}.",
            rng.pick(COMPANIES)
        )
    } else {
        format!(
            "{who}, the mayor of {}, told reporters: {q1}{inner}.{q2}",
            rng.pick(CITIES)
        )
    }
}

fn sentence(rng: &mut Rng) -> String {
    cap(&sentence_raw(rng))
}

fn sentence_raw(rng: &mut Rng) -> String {
    // weights: plain 22, conversion 12, percent 8, count 9, quote 7, money 6, date 6 ...
    let x = rng.below(100);
    match x {
        0..22 => {
            let s = rng.pick(PLAIN);
            if rng.chance(0.15) {
                format!(
                    "In {}, {}{}",
                    rng.pick(CITIES),
                    s[..1].to_lowercase(),
                    &s[1..]
                )
            } else {
                s.to_string()
            }
        }
        22..36 => s_conversion(rng),
        36..46 => s_percent_change(rng),
        46..52 => s_ratio(rng),
        52..58 => s_share(rng),
        58..61 => s_sum(rng),
        61..71 => s_count(rng),
        71..78 => s_money(rng),
        78..84 => s_datetime(rng),
        84..89 => s_ident(rng),
        89..95 => s_quote(rng),
        _ => s_temperature(rng),
    }
}

fn paragraph(rng: &mut Rng) -> String {
    let n = *rng.pick(&[1, 2, 2, 3, 3, 3, 4, 4, 5, 6]);
    let mut p = String::new();
    for i in 0..n {
        if i > 0 {
            p.push(' ');
        }
        p.push_str(&sentence(rng));
    }
    p
}

fn headline(rng: &mut Rng) -> String {
    let topic = rng.pick(&[
        "Storm", "Budget", "Strike", "Election", "Drought", "Rail", "Housing", "Energy",
    ]);
    match rng.below(3) {
        0 => format!(
            "{topic} hits {} as officials count the cost",
            rng.pick(CITIES)
        ),
        1 => format!("{} profit beats forecasts", rng.pick(COMPANIES)),
        _ => format!(
            "{} unveils plan to tackle {} crisis",
            cap(rng.pick::<&str>(COUNTRIES)),
            topic.to_lowercase()
        ),
    }
}

/// Decorates some words: `f(word)` for roughly one word in twenty.
fn decorate(rng: &mut Rng, p: &str, mut f: impl FnMut(&mut Rng, &str) -> String) -> String {
    let mut out = String::with_capacity(p.len() + 64);
    for (i, w) in p.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if w.len() > 2 && w.bytes().all(|b| b.is_ascii_alphabetic()) && rng.chance(0.05) {
            out.push_str(&f(rng, w));
        } else {
            out.push_str(w);
        }
    }
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Generates about `size` bytes (it stops after the article that reaches it).
pub fn generate(size: usize, seed: u64, flavour: Flavour) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(size + 8192);
    match flavour {
        Flavour::Markdown => out.push_str("---\ntitle: Generated news corpus\nwords: 1200\n---\n\n"),
        Flavour::Html => out.push_str(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>News</title></head>\n<body>\n",
        ),
        Flavour::Text => {}
    }
    let mut article = 0u64;
    while out.len() < size {
        article += 1;
        let paras = rng.int(3, 12);
        match flavour {
            Flavour::Text => {
                out.push_str(&headline(&mut rng));
                out.push_str("\n\n");
                for _ in 0..paras {
                    out.push_str(&paragraph(&mut rng));
                    out.push_str("\n\n");
                }
            }
            Flavour::Markdown => {
                let _ = write!(
                    out,
                    "# {}\n\n*By {}*\n\n",
                    headline(&mut rng),
                    name(&mut rng)
                );
                for i in 0..paras {
                    if i > 0 && rng.chance(0.1) {
                        let _ = write!(out, "## {}\n\n", headline(&mut rng));
                    }
                    match rng.below(25) {
                        0 => {
                            for _ in 0..3 {
                                let _ = writeln!(out, "- {}", sentence(&mut rng));
                            }
                            out.push('\n');
                        }
                        1 => {
                            let _ = write!(out, "> {}\n\n", s_quote(&mut rng));
                        }
                        2 => {
                            let _ = write!(
                                out,
                                "```json\n{{\"id\": {}, \"distance_km\": {}, \"miles\": {}}}\n```\n\n",
                                rng.below(1_000_000),
                                rng.below(900),
                                rng.below(900)
                            );
                        }
                        _ => {}
                    }
                    let p = paragraph(&mut rng);
                    let p = decorate(&mut rng, &p, |rng, w| match rng.below(4) {
                        0 => format!("*{w}*"),
                        1 => format!("**{w}**"),
                        2 => format!(
                            "[{w}](https://example.com/news/{}/{})",
                            year(rng),
                            w.to_lowercase()
                        ),
                        _ => format!("`{w}`"),
                    });
                    out.push_str(&p);
                    out.push_str("\n\n");
                }
            }
            Flavour::Html => {
                let _ = write!(
                    out,
                    "<article id=\"a{article}\">\n<h1>{}</h1>\n",
                    html_escape(&headline(&mut rng))
                );
                for _ in 0..paras {
                    if rng.chance(0.05) {
                        let _ = writeln!(
                            out,
                            "<script>dataLayer.push({{\"event\":\"view\",\"id\":{},\"w\":300,\"h\":250}});</script>",
                            rng.below(100_000_000)
                        );
                    }
                    let p = html_escape(&paragraph(&mut rng));
                    let p = decorate(&mut rng, &p, |rng, w| match rng.below(3) {
                        0 => format!("<b>{w}</b>"),
                        1 => format!("<em>{w}</em>"),
                        _ => format!(
                            "<a href=\"https://example.com/story/{}?ref=home&amp;pos=3\">{w}</a>",
                            rng.below(10_000_000)
                        ),
                    });
                    let _ = write!(out, "<p>{p}</p>\n\n");
                }
                out.push_str("</article>\n");
            }
        }
    }
    if flavour == Flavour::Html {
        out.push_str("</body>\n</html>\n");
    }
    out
}
