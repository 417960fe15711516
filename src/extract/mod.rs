//! Extraction: from a paragraph's text to the quantities, multipliers, fractions and dates it
//! states, each with exact byte offsets.
//!
//! One pass over the tokens: at each number, guards decide whether it is a date, a time or an
//! identifier; otherwise the number is read with its scale, range, currency, unit, counted noun
//! and hedges, and becomes a [`Quantity`] whose interval every check uses.

mod guards;
pub mod hedge;
mod noun;
mod numeral;
pub mod para;
pub mod sentences;
pub mod token;
mod units;

pub use noun::Noun;
pub use para::Para;

use crate::interval::{Interval, Precision, stated_interval};
use crate::units::vocab::UnitMatch;
use crate::units::{Dimension, UnitId};
use crate::vocab::HedgeKind;
use numeral::{Numeral, NumeralKind};
use serde::Serialize;

/// A byte range in a paragraph's text (or, once mapped, in a source file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// The locale that settles ambiguous units ("gallon", "ton", "degrees").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub enum Locale {
    #[default]
    Unknown,
    EnGb,
    EnUs,
}

impl Locale {
    pub fn parse(s: &str) -> Option<Locale> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "en-gb" | "en-uk" | "gb" | "uk" => Some(Locale::EnGb),
            "en-us" | "us" => Some(Locale::EnUs),
            "auto" | "" => Some(Locale::Unknown),
            _ => None,
        }
    }
}

/// Options for extraction.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExtractOptions {
    pub locale: Locale,
}

/// How a temperature figure reads: an absolute temperature, a difference ("rose by 2C"), or
/// not settled by the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TemperatureReading {
    Absolute,
    Difference,
    Either,
}

/// A number as the writer meant it: its value, precision, unit, hedge and interval.
#[derive(Debug, Clone, Serialize)]
pub struct Quantity {
    /// The figure and its unit as written ("$48.2 million", "900 kilometres").
    pub span: Span,
    /// Just the figure ("48.2 million", "900").
    pub number_span: Span,
    /// The digits or words of the figure without its scale word ("48.2"); the low end of a
    /// range. What a suggestion rewrites.
    pub digits_span: Span,
    /// The high end's digits, for a range.
    pub high_digits_span: Option<Span>,
    /// The scale word's factor (1e6 for "million"), 1 when none.
    pub scale: f64,
    /// The figure with scale words applied; `None` for a range or a vague amount.
    pub value: Option<f64>,
    /// Both ends of a range ("10-15", "tens of thousands").
    pub range: Option<(f64, f64)>,
    pub precision: Precision,
    pub hedge: Option<HedgeKind>,
    pub hedge_span: Option<Span>,
    /// The interval the figure stands for, leniently read (trailing zeros may be rounding).
    pub interval: Interval,
    /// The interval under the strict reading (every written digit significant).
    pub strict: Interval,
    pub unit: Option<UnitId>,
    /// A price or rate's denominator: "$350 per kg" has unit dollar, per kilogram.
    pub per: Option<UnitId>,
    /// The unit's name as reported: the unit's, or an ambiguous word's ("gallon", "degree").
    pub unit_name: Option<std::sync::Arc<str>>,
    pub unit_span: Option<Span>,
    /// Other readings of an ambiguous unit, when context and locale did not settle it.
    pub alternatives: Vec<UnitId>,
    pub dimension: Dimension,
    pub noun: Option<Noun>,
    pub temperature: Option<TemperatureReading>,
    pub written_in_words: bool,
    pub vague: bool,
    /// Joined to its unit by a hyphen, as an adjective ("a 30-foot statue").
    pub adjectival: bool,
    /// Index of the sentence in its paragraph.
    pub sentence: usize,
    /// First and last token (inclusive) of `span`, hedge excluded.
    pub first_tok: usize,
    pub last_tok: usize,
}

impl Quantity {
    /// The single figure, or the middle of a range.
    pub fn stated(&self) -> f64 {
        match (self.value, self.range) {
            (Some(v), _) => v,
            (None, Some((a, b))) => (a + b) / 2.0,
            _ => self.interval.mid(),
        }
    }

    pub fn is_range(&self) -> bool {
        self.range.is_some() && !self.vague
    }

    /// The first token of the figure with its hedge ("about 20" starts at "about"): where the
    /// words before it end.
    pub fn first_tok_hedged(&self, p: &Para) -> usize {
        self.hedge_span
            .map_or(self.first_tok, |h| p.tok_at(h.start).min(self.first_tok))
    }
}

/// A multiple stated in words: "twice", "tripled", "three times", "threefold".
#[derive(Debug, Clone, Serialize)]
pub struct Multiplier {
    pub span: Span,
    pub factor: f64,
    pub text: String,
    pub first_tok: usize,
    pub last_tok: usize,
    pub sentence: usize,
    /// A hedge inside the words: "fell by more than half".
    #[serde(skip)]
    pub inner_hedge: Option<crate::vocab::HedgeKind>,
}

/// A fraction with nothing measured: "a third", "two-thirds", "one in four".
#[derive(Debug, Clone, Serialize)]
pub struct FractionMention {
    pub span: Span,
    pub value: f64,
    pub text: String,
    pub first_tok: usize,
    pub last_tok: usize,
    pub sentence: usize,
}

/// A date or time kept aside for the date checks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    pub span: Span,
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// 0 = Monday.
    pub weekday: Option<u8>,
    pub hour: Option<u8>,
    pub minute: Option<u8>,
}

/// Everything read from one paragraph.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facts {
    pub quantities: Vec<Quantity>,
    pub multipliers: Vec<Multiplier>,
    pub fractions: Vec<FractionMention>,
    pub dates: Vec<DateMention>,
    /// Byte ranges of sentences.
    pub sentences: Vec<(usize, usize)>,
}

/// Reads a tokenised paragraph (prose only: markup already removed) into its facts.
pub fn extract_facts(p: &Para, opts: &ExtractOptions) -> Facts {
    let mut facts = Facts {
        sentences: sentences::split(p),
        ..Facts::default()
    };
    let mut r = Reader {
        p,
        opts,
        facts: &mut facts,
    };
    r.run();
    facts
}

/// The second figure of a range ("10-15", "10 to 15"), as read after the first.
struct RangeEnd {
    /// The low end (scaled by the high end's scale word when only it has one).
    lo: f64,
    hi: f64,
    /// The range's last token.
    last: usize,
    /// The high end's digit tokens, first and last.
    digits: (usize, usize),
    /// The high end's precision, when both ends are on one scale and can share it.
    high_precision: Option<Precision>,
}

struct Reader<'r, 'a> {
    p: &'r Para<'a>,
    opts: &'r ExtractOptions,
    facts: &'r mut Facts,
}

impl Reader<'_, '_> {
    fn sentence_of(&self, pos: usize) -> usize {
        self.facts
            .sentences
            .partition_point(|s| s.1 <= pos)
            .min(self.facts.sentences.len().saturating_sub(1))
    }

    fn run(&mut self) {
        let p = self.p;
        let mut i = 0;
        while i < p.len() {
            if let Some(end) = url_at(p, i) {
                i = end + 1;
                continue;
            }
            if p.is_word(i) {
                if let Some(last) = self.multiplier_word(i) {
                    i = last + 1;
                    continue;
                }
                if let Some(last) = self.article_unit(i) {
                    i = last + 1;
                    continue;
                }
            }
            if p.is_digits(i)
                && let Some(g) = guards::before_numeral(p, i)
            {
                if let guards::Guarded::Date { mention, .. } = &g {
                    self.facts.dates.push(mention.clone());
                }
                i = g.last() + 1;
                continue;
            }
            match numeral::parse_at(p, i) {
                Some(n) => i = self.read_quantity(n) + 1,
                None => i += 1,
            }
        }
    }

    /// "twice", "doubled", "threefold": a multiplier in one word.
    fn multiplier_word(&mut self, i: usize) -> Option<usize> {
        let p = self.p;
        let w = p.tl(i);
        let factor = if p.has(i, crate::vocab::classes::MULTIPLIER) {
            *p.vocab.numbers.multipliers.get(w)?
        } else if let Some(stem) = w.strip_suffix("fold") {
            p.vocab
                .numbers
                .simple(stem)
                .or_else(|| p.vocab.numbers.scales.get(stem).copied())?
        } else {
            return None;
        };
        self.push_multiplier(i, i, factor);
        Some(i)
    }

    fn push_multiplier(&mut self, first: usize, last: usize, factor: f64) {
        let p = self.p;
        let span = Span::new(p.start(first), p.end(last));
        self.facts.multipliers.push(Multiplier {
            span,
            factor,
            text: p.slice(first, last).to_string(),
            first_tok: first,
            last_tok: last,
            sentence: self.sentence_of(span.start),
            inner_hedge: None,
        });
    }

    /// Reads everything around a number; returns the last token consumed.
    fn read_quantity(&mut self, n: Numeral) -> usize {
        let p = self.p;
        let vocab = p.vocab;
        let mut n = n;

        // "three times", "2.5 times", "3-fold", "ten-fold": multipliers, not quantities.
        let after = n.last + 1;
        if !matches!(n.kind, NumeralKind::Vague { .. }) {
            if p.tl(after) == "times" && p.is_word(after) {
                self.push_multiplier(n.first, after, n.value);
                return after;
            }
            if p.is_punct_any(after, &["-", "‑"]) && p.attached(after) && p.tl(after + 1) == "fold"
            {
                self.push_multiplier(n.first, after + 1, n.value);
                return after + 1;
            }
            if p.tl(after) == "fold" && p.is_word(after) {
                self.push_multiplier(n.first, after, n.value);
                return after;
            }
        }

        // "one in four", "three out of five": a fraction stated as a share.
        if n.kind != NumeralKind::Fraction && n.scale == 1.0 && n.value > 0.0 {
            let (k, ok) = if p.tl(after) == "in" {
                (after + 1, true)
            } else if p.tl(after) == "out" && p.tl(after + 1) == "of" {
                (after + 2, true)
            } else {
                (0, false)
            };
            if ok && let Some(d) = numeral::parse_at(p, k) {
                let unitless = units::unit_after(p, d.last + 1).is_none();
                if d.value > n.value
                    && d.value <= 1000.0
                    && d.scale == 1.0
                    && unitless
                    && d.kind != NumeralKind::Fraction
                {
                    let span = Span::new(p.start(n.first), p.end(d.last));
                    self.facts.fractions.push(FractionMention {
                        span,
                        value: n.value / d.value,
                        text: p.slice(n.first, d.last).to_string(),
                        first_tok: n.first,
                        last_tok: d.last,
                        sentence: self.sentence_of(span.start),
                    });
                    return d.last;
                }
            }
        }

        // The digits as written, without scale words: what a suggestion rewrites.
        let low_digits = (
            n.first,
            n.scale_tok
                .map_or(n.last, |t| t.saturating_sub(1).max(n.first)),
        );
        let mut high_digits: Option<(usize, usize)> = None;

        // Currency before: "$5", "US$ 48.2 million", "C$ 16.4"; not a code the previous
        // figure already took ("10 rmb 20 usd").
        let prev_end = self.facts.quantities.last().map(|q| q.last_tok);
        let currency_pre =
            units::currency_before(p, n.first).filter(|c| prev_end.is_none_or(|e| c.1 > e));

        // Ranges: "10-15", "10 to 15", "between 10 and 15".
        let mut range: Option<(f64, f64)> = None;
        if let Some(RangeEnd {
            lo: low,
            hi: high,
            last,
            digits: hd,
            high_precision,
        }) = self.range_after(&n, currency_pre.is_some())
        {
            range = Some((low, high));
            high_digits = Some(hd);
            if n.scale == 1.0 && low != n.value {
                // "10-15 million": the scale of the high end applies to the low end.
                n.scale = low / n.value.max(f64::MIN_POSITIVE);
            }
            // The finer precision of the two ends: "1100-1240" is rounded to tens, both ends.
            if let Some(hp) = high_precision
                && hp.lenient_step < n.precision.lenient_step
            {
                n.precision = hp;
            }
            n.last = last;
        } else if self.is_score(&n) {
            // "28-8": a score.
            return n.last + 2;
        }

        let mut unit: Option<UnitMatch> = None;
        let mut unit_first = None;
        let mut unit_last = n.last;
        let mut hyphenated = false;
        let mut currency: Option<UnitId> = currency_pre.map(|c| c.0);
        let mut span_first = currency_pre.map_or(n.first, |c| c.1);

        // Scale letters after a currency figure: "$48m", "£3k", "$5 bn".
        if currency.is_some() && n.scale == 1.0 && range.is_none() {
            let j = n.last + 1;
            if p.is_word(j)
                && (p.attached(j) || p.gap(j) == " ")
                && let Some(s) = vocab.numbers.currency_scale_letters.get(p.t(j))
            {
                n.value *= s;
                n.precision = n.precision.scaled(*s);
                n.scale = *s;
                n.scale_tok = Some(j);
                n.last = j;
                unit_last = j;
            }
        } else if let (Some(_), Some((lo, hi))) = (currency, range) {
            // "$10-15m"
            let j = n.last + 1;
            if p.is_word(j)
                && p.attached(j)
                && let Some(s) = vocab.numbers.currency_scale_letters.get(p.t(j))
            {
                range = Some((lo * s, hi * s));
                n.precision = n.precision.scaled(*s);
                n.last = j;
                unit_last = j;
            }
        }
        // Currency or unit after.
        if currency.is_none()
            && let Some((id, first, last)) = units::currency_after(p, n.last + 1)
        {
            currency = Some(id);
            unit_first = Some(first);
            unit_last = last;
            // "75 USD million"
            if n.scale == 1.0
                && p.is_word(last + 1)
                && let Some(s) = vocab
                    .numbers
                    .scales
                    .get(p.tl(last + 1))
                    .filter(|s| **s >= 1000.0)
            {
                n.value *= s;
                n.precision = n.precision.scaled(*s);
                n.scale = *s;
                unit_last = last + 1;
            }
        }
        if currency.is_none() {
            if let Some(hit) = units::unit_after(p, n.last + 1) {
                unit = Some(hit.m);
                unit_first = Some(hit.first);
                unit_last = hit.last;
                hyphenated = hit.hyphenated;
            }
        } else if let Some(c) = currency {
            unit = Some(UnitMatch::Unit(c));
            if unit_first.is_none() {
                unit_first = currency_pre.map(|c| c.1);
            }
        }

        // "30 MUSD", "MAUD 60": millions of a currency.
        if currency.is_none() && unit.is_none() {
            let after = units::million_code(p, n.last + 1).map(|c| (c, n.last + 1));
            let before = if n.first > 0 {
                units::million_code(p, n.first - 1).map(|c| (c, n.first - 1))
            } else {
                None
            };
            if let Some((c, t)) = after.or(before) {
                n.value *= 1e6;
                n.precision = n.precision.scaled(1e6);
                n.scale = 1e6;
                currency = Some(c);
                unit = Some(UnitMatch::Unit(c));
                unit_first = Some(t);
                if t > n.last {
                    unit_last = t;
                } else {
                    span_first = t;
                }
            }
        }
        // A bare "C" or "F" is a temperature only where temperature is talked about: not in
        // "13F filing", "Boeing 777F", "14.7C per security".
        if let (Some(UnitMatch::Unit(id)), Some(uf)) = (unit, unit_first)
            && unit_last == uf
            && matches!(p.t(uf), "C" | "F")
            && vocab.units.registry.get(id).dimension == Dimension::Temperature
            && !self.bare_temperature_ok(&n, uf)
        {
            unit = None;
            unit_first = None;
            unit_last = n.last;
        }
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents".
        if let (Some(c), Some(_)) = (currency, unit_first)
            && currency_pre.is_none()
            && range.is_none()
            && let Some((cents, last)) = self.subunit_after(c, unit_last + 1)
        {
            n.value += cents;
            n.precision = Precision::exact(0.01);
            unit_last = last;
        }
        // "$350 per kg", "$15.4/hour", "$80 a barrel": a price per unit. "7,000 MB/s", "5 mg/kg",
        // "12 mSv per year": a physical rate ("a" and "an" only for prices: "5 km a day" is
        // read as a distance).
        let mut per = None;
        let physical_unit = matches!(unit, Some(UnitMatch::Unit(id))
            if vocab.units.registry.get(id).dimension.is_physical());
        if currency.is_some() || physical_unit {
            let j = unit_last.max(n.last) + 1;
            let k = if (p.tl(j) == "per" && p.is_word(j))
                || (p.is_punct(j, "/")
                    && p.attached(j + 1)
                    && (currency.is_some() || p.attached(j)))
                || (currency.is_some() && matches!(p.tl(j), "a" | "an") && p.is_word(j))
            {
                Some(j + 1)
            } else {
                None
            };
            if let Some(k) = k {
                // "a year earlier" is a time, not a rate.
                let not_rate = |h: &units::UnitHit| {
                    matches!(
                        p.tl(h.last + 1),
                        "earlier"
                            | "ago"
                            | "before"
                            | "later"
                            | "after"
                            | "previously"
                            | "prior"
                            | "since"
                            | "back"
                            | "on"
                            | "from"
                            | "and"
                            | "or"
                    )
                };
                if let Some(hit) = units::unit_after(p, k)
                    .filter(|h| h.first == k && !h.hyphenated && !not_rate(h))
                {
                    let pid = match hit.m {
                        UnitMatch::Unit(id) => id,
                        UnitMatch::Ambiguous(a) => vocab.units.ambiguities[a].default,
                    };
                    if vocab.units.registry.get(pid).dimension.is_physical() {
                        per = Some((pid, vocab.units.match_name(hit.m).to_string()));
                        unit_last = hit.last;
                    }
                }
            }
        }
        // "45 and 50 mg": a bare figure shares the unit of the next one.
        // "by 2030 and 78% by 2035": a year after a preposition shares nothing.
        let year_after_preposition = n.is_year_like()
            && n.first > 0
            && matches!(
                p.tl(n.first - 1),
                "by" | "in"
                    | "since"
                    | "until"
                    | "till"
                    | "from"
                    | "to"
                    | "before"
                    | "after"
                    | "of"
                    | "during"
                    | "through"
            );
        if unit.is_none()
            && currency.is_none()
            && n.kind != NumeralKind::Fraction
            && !year_after_preposition
            && let Some(m) = self.shared_unit(n.last + 1, 3)
        {
            unit = Some(m);
        }
        // "aged 87", "age 87": years.
        if unit.is_none()
            && currency.is_none()
            && n.first > 0
            && matches!(p.tl(n.first - 1), "aged" | "age")
            && let Some(y) = vocab.units.registry.find_key("year")
        {
            unit = Some(UnitMatch::Unit(y));
        }
        // "The woman, 82, died", "John Smith, 34, of Leeds": a whole number set off by commas
        // after a person or a name is an age.
        if unit.is_none()
            && currency.is_none()
            && range.is_none()
            && self.age_in_apposition(&n)
            && let Some(y) = vocab.units.registry.find_key("year")
        {
            unit = Some(UnitMatch::Unit(y));
        }
        // "44 mg to 50 mg", "between 44 mg and 50 mg", "-18 °C to -34 °C": a range with the unit
        // written at both ends.
        if let (Some(m), None) = (unit, range)
            && let Some((hi, last, hd)) = self.unit_range_after(&n, m, unit_last)
        {
            range = Some((n.value, hi));
            unit_last = last;
            high_digits = Some(hd);
        }

        // "m": metre or million.
        if let (Some(UnitMatch::Unit(id)), Some(uf)) = (unit, unit_first)
            && Some(id) == vocab.units.metre
            && p.t(uf) == "m"
            && !hyphenated
            && n.scale == 1.0
        {
            // "62m, 46m and 19m passengers": the noun after the list's last figure counts for
            // every one.
            let mut next = unit_last + 1;
            loop {
                let mut j = next;
                if p.is_punct(j, ",") {
                    j += 1;
                }
                if matches!(p.tl(j), "and" | "or") {
                    j += 1;
                }
                if j > next && p.is_digits(j) && p.t(j + 1) == "m" && p.attached(j + 1) {
                    next = j + 2;
                } else {
                    break;
                }
            }
            let next_word = p.tl(next);
            // "133m text messages": a counted noun within a few words means millions.
            let plural_noun = p.is_word(next)
                && !vocab.units.metre_nouns.contains(next_word)
                && noun::noun_after(p, next, false).is_some_and(|nn| {
                    !vocab.units.metre_nouns.contains(&nn.lemma)
                        && !vocab.units.metre_nouns.contains(&nn.text.to_lowercase())
                });
            let currency_next = units::currency_after(p, next);
            if plural_noun || currency_next.is_some() {
                n.value *= 1e6;
                n.precision = n.precision.scaled(1e6);
                n.scale = 1e6;
                n.scale_tok = Some(uf);
                n.last = uf;
                unit = None;
                unit_first = None;
                unit_last = n.last;
                if let Some((cid, cf, cl)) = currency_next {
                    unit = Some(UnitMatch::Unit(cid));
                    currency = Some(cid);
                    unit_first = Some(cf);
                    unit_last = cl;
                }
            }
        }

        // Feet and inches as one quantity: "5ft 6in", "5 feet 6 inches", "six foot two".
        let mut value = n.value;
        if let Some(UnitMatch::Unit(id)) = unit
            && vocab.units.registry.get(id).key == "foot"
            && range.is_none()
            && let Some((inches, last)) = self.inches_after(unit_last + 1)
        {
            value += inches / 12.0;
            n.precision = Precision::exact(1.0 / 12.0);
            unit_last = last;
        }
        // Pounds and ounces, stones and pounds, hours and minutes as one quantity: "7lb 8oz",
        // "11st 4lb", "7h 30m", "2hr 15min", "4min 12s".
        if let Some(UnitMatch::Unit(id)) = unit
            && range.is_none()
            && let Some((minor, per, short)) = match vocab.units.registry.get(id).key.as_str() {
                "pound_mass" => Some(("ounce", 16.0, None)),
                "stone" => Some(("pound_mass", 14.0, None)),
                "hour" if p.attached(unit_first.unwrap_or(0)) => Some(("minute", 60.0, Some("m"))),
                "minute" if p.attached(unit_first.unwrap_or(0)) => {
                    Some(("second", 60.0, Some("s")))
                }
                _ => None,
            }
            && let Some((part, last)) = self.minor_after(unit_last + 1, minor, per, short)
        {
            value += part / per;
            n.precision = Precision::exact(1.0 / per);
            unit_last = last;
        }
        // 5'6" and 5′6″.
        if unit.is_none()
            && currency.is_none()
            && range.is_none()
            && let Some((inches, last)) = self.prime_feet_inches(n.last)
            && let Some(foot) = vocab.units.registry.find_key("foot")
        {
            value += inches / 12.0;
            n.precision = Precision::exact(1.0 / 12.0);
            unit = Some(UnitMatch::Unit(foot));
            unit_first = Some(n.last + 1);
            unit_last = last;
        }

        // What is counted, when nothing is measured.
        let value_is_one = (value - 1.0).abs() < 1e-12;
        let noun_start = unit_last + 1;
        let mut noun = None;
        if unit.is_none() {
            let mut j = noun_start;
            if matches!(n.kind, NumeralKind::Vague { .. }) && p.tl(j) == "of" {
                j += 1;
            }
            noun = noun::noun_after(p, j, value_is_one);
            // Index points: "the Dow fell 0.89 points".
            if noun.is_none()
                && p.is_word(noun_start)
                && vocab.units.index_points.contains(p.tl(noun_start))
            {
                noun = Some(Noun {
                    text: p.t(noun_start).to_string(),
                    lemma: "point".into(),
                    tok: noun_start,
                });
            }
        }

        // Not a quantity after all: labels, years, identifiers, a lone pronoun "one".
        if unit.is_none()
            && currency.is_none()
            && let Some(last) = self.not_a_quantity(&n, range, noun.as_ref())
        {
            return last;
        }
        // "by half a percentage point", "a quarter of a point": a fraction of a point is an
        // amount of points, not a multiple.
        if n.kind == NumeralKind::Fraction
            && unit.is_none()
            && currency.is_none()
            && n.value < 1.0
            && let Some(last) = self.fraction_of_a_point(&n)
        {
            return last;
        }
        // A fraction that names a change is a multiple of the earlier figure, taken with its
        // change word ("half" alone is not): "fell by half" 0.5, "rose by a third" 1.33, "a
        // reduction of a third" 0.67.
        if n.kind == NumeralKind::Fraction
            && unit.is_none()
            && currency.is_none()
            && n.value < 1.0
            && let Some((first, up)) = self.fraction_change(&n)
        {
            let factor = if up { 1.0 + n.value } else { 1.0 - n.value };
            self.push_multiplier(first, n.last, factor);
            if let Some(m) = self.facts.multipliers.last_mut() {
                m.inner_hedge = hedge::hedge_before(p, n.first).map(|h| h.0);
            }
            return n.last;
        }
        // "4,500, a third more than the 3,000": a fraction compared with a base is a multiple
        // of it (1.33; "a quarter fewer than" 0.75).
        if n.kind == NumeralKind::Fraction
            && unit.is_none()
            && currency.is_none()
            && n.value < 1.0
            && let Some(up) = comparative_than(p, n.last + 1)
        {
            let factor = if up { 1.0 + n.value } else { 1.0 - n.value };
            self.push_multiplier(n.first, n.last + 2, factor);
            return n.last + 2;
        }
        // "the fourth quarter", "the first half of the year": a period of the calendar, not a
        // fraction.
        if n.kind == NumeralKind::Fraction && n.first == n.last && self.is_period(n.first) {
            return n.last;
        }
        // A fraction with nothing measured is a fraction mention ("two-thirds of voters").
        if n.kind == NumeralKind::Fraction && unit.is_none() && currency.is_none() {
            let span = Span::new(p.start(n.first), p.end(n.last));
            self.facts.fractions.push(FractionMention {
                span,
                value,
                text: p.slice(n.first, n.last).to_string(),
                first_tok: n.first,
                last_tok: n.last,
                sentence: self.sentence_of(span.start),
            });
            return n.last;
        }

        // Hedges before (outside any currency symbol) and after.
        let mut hedge_span = None;
        let before = hedge::hedge_before(p, span_first).map(|(k, first)| {
            hedge_span = Some(Span::new(p.start(first), p.end(span_first - 1)));
            k
        });
        let after_from = noun.as_ref().map_or(unit_last, |nn| nn.tok);
        let after = hedge::hedge_after(p, after_from).map(|(k, last)| {
            let s = Span::new(p.start(after_from + 1), p.end(last));
            hedge_span = Some(hedge_span.map_or(s, |h: Span| h.cover(&s)));
            k
        });
        let hedge = hedge::combine(before, after);

        // Resolve the unit: ambiguity, temperature difference, pounds of money.
        let (mut unit_id, mut unit_name, mut alternatives) = match unit {
            Some(UnitMatch::Unit(id)) => (
                Some(id),
                Some(vocab.units.registry.get(id).name.clone()),
                Vec::new(),
            ),
            Some(UnitMatch::Ambiguous(a)) => self.resolve_ambiguous(a, span_first, unit_last),
            None => (None, None, Vec::new()),
        };
        // "830,492 bpd": barrels over a day, like "barrels per day".
        if let Some((u, d)) = unit_id.and_then(|u| vocab.units.registry.get(u).rate_of) {
            unit_id = Some(u);
            unit_name = Some(vocab.units.registry.get(u).name.clone());
            per = Some((d, vocab.units.registry.get(d).name.to_string()));
        }
        if unit_id.is_some() && unit_id == vocab.units.pound_mass && self.money_context(span_first)
        {
            unit_id = vocab.units.pound_sterling;
            unit_name = Some("pound sterling".into());
        }
        let mut dimension =
            unit_id.map_or(Dimension::Count, |u| vocab.units.registry.get(u).dimension);
        let mut temperature = None;
        if dimension == Dimension::Temperature {
            let reading = self.temperature_reading(span_first, unit_last);
            temperature = Some(reading);
            if reading == TemperatureReading::Difference
                && let Some(d) = unit_id.and_then(|u| vocab.units.registry.get(u).difference)
            {
                unit_id = Some(d);
                alternatives = alternatives
                    .iter()
                    .filter_map(|a| vocab.units.registry.get(*a).difference)
                    .collect();
                dimension = Dimension::TemperatureDifference;
            }
        }
        if unit_id.is_none() && currency.is_some() {
            unit_id = currency;
            dimension = Dimension::Currency;
        }
        if let (Some(name), Some((_, per_name))) = (&unit_name, &per) {
            unit_name = Some(format!("{name} per {per_name}").into());
        }

        let precision = n.precision;
        let widths = &vocab.hedges.widths;
        // "up to 20 railcars": counts and lengths do not go below zero.
        let floor_zero = !matches!(
            dimension,
            Dimension::Temperature | Dimension::TemperatureDifference
        );
        // A hedge says how approximate the figure is: "nearly 100" is 90..100, not 50..150
        // because 100 might also be rounded to hundreds.
        let lenient_step = if hedge.is_some() {
            precision.strict_step
        } else {
            precision.lenient_step
        };
        let (interval, strict, value_out) = match (n.kind, range) {
            (NumeralKind::Vague { low, high }, _) => {
                let iv = Interval::new(low, high);
                (iv, iv, None)
            }
            (_, Some((lo, hi))) => {
                let a = stated_interval(lo, lenient_step, hedge, widths);
                let b = stated_interval(hi, lenient_step, hedge, widths);
                let sa = stated_interval(lo, precision.strict_step, hedge, widths);
                let sb = stated_interval(hi, precision.strict_step, hedge, widths);
                // "-3C to -7C" is written high end first.
                let span = |x: Interval, y: Interval| Interval::new(x.lo.min(y.lo), x.hi.max(y.hi));
                (span(a, b), span(sa, sb), None)
            }
            _ => (
                stated_interval(value, lenient_step, hedge, widths),
                stated_interval(value, precision.strict_step, hedge, widths),
                Some(value),
            ),
        };
        if !value.is_finite() || !interval.lo.is_finite() && !interval.hi.is_finite() {
            return unit_last.max(n.last);
        }
        let (mut interval, mut strict) = (interval, strict);
        if floor_zero && value >= 0.0 && interval.lo < 0.0 {
            interval.lo = 0.0;
            strict.lo = strict.lo.max(0.0);
        }
        let range_out = match n.kind {
            NumeralKind::Vague { low, high } => Some((low, high)),
            _ => range,
        };
        let end_tok = unit_last.max(n.last);
        let span = Span::new(p.start(span_first), p.end(end_tok));
        let unit_span = unit_first.map(|f| {
            if currency_pre.is_some() && f < n.first {
                Span::new(p.start(f), p.end(n.first.saturating_sub(1).max(f)))
            } else {
                Span::new(p.start(f), p.end(unit_last))
            }
        });
        let q = Quantity {
            span,
            number_span: Span::new(p.start(n.first), p.end(n.last)),
            value: value_out,
            range: range_out,
            precision,
            hedge,
            hedge_span,
            interval,
            strict,
            digits_span: Span::new(p.start(low_digits.0), p.end(low_digits.1)),
            high_digits_span: high_digits.map(|(a, b)| Span::new(p.start(a), p.end(b))),
            scale: n.scale,
            unit: unit_id,
            per: per.map(|p| p.0),
            unit_name,
            unit_span,
            alternatives,
            dimension,
            noun,
            temperature,
            written_in_words: n.kind == NumeralKind::Words,
            vague: matches!(n.kind, NumeralKind::Vague { .. }),
            adjectival: hyphenated,
            sentence: self.sentence_of(span.start),
            first_tok: span_first,
            last_tok: end_tok,
        };
        self.facts.quantities.push(q);
        end_tok
    }

    /// Decides whether a unitless number is a year, label, identifier or pronoun; returns the
    /// token to skip to if so.
    fn not_a_quantity(
        &mut self,
        n: &Numeral,
        range: Option<(f64, f64)>,
        noun: Option<&Noun>,
    ) -> Option<usize> {
        let p = self.p;
        let prev = if n.first > 0 { p.tl(n.first - 1) } else { "" };
        // A lone "one" is usually a pronoun ("one of the"), unless it counts a noun.
        if n.bare_one && noun.is_none() {
            return Some(n.last);
        }
        if n.kind != NumeralKind::Digits || n.signed {
            return None;
        }
        // Identifiers glued to letters after the digits: "06F6", "5G", "200LR".
        if p.is_word(n.last + 1) && p.attached(n.last + 1) && n.scale == 1.0 {
            let mut last = n.last + 1;
            while p.attached(last + 1) && (p.is_word(last + 1) || p.is_digits(last + 1)) {
                last += 1;
            }
            // Possessive years: "1989's".
            return Some(last);
        }
        let plain_int = n.is_integer() && !n.grouped && n.scale == 1.0;
        // Years, and ranges of years ("2019-20", "between 2019 and 2023").
        let year_like = |v: f64| (1000.0..=2200.0).contains(&v) && v.fract() == 0.0;
        if plain_int && n.int_digits == 4 && year_like(n.value) {
            let possessive = p.is_punct_any(n.last + 1, &["'", "’"]) && p.tl(n.last + 2) == "s";
            let counted =
                noun.is_some_and(|nn| !p.is_capitalized(nn.tok)) && !guards::year_preposition(prev);
            if !counted || possessive {
                let mut last = n.last;
                let mut dm = DateMention {
                    span: Span::new(p.start(n.first), p.end(n.last)),
                    year: Some(n.value as i32),
                    month: None,
                    day: None,
                    weekday: None,
                    hour: None,
                    minute: None,
                };
                if let Some((lo, hi)) = range {
                    dm.year = Some(lo as i32);
                    let _ = hi;
                }
                if possessive {
                    last = n.last + 2;
                    dm.span.end = p.end(last);
                }
                self.facts.dates.push(dm);
                return Some(last);
            }
        }
        if let Some((lo, hi)) = range
            && n.int_digits == 4
            && year_like(lo)
            && (year_like(hi) || hi < 100.0)
        {
            self.facts.dates.push(DateMention {
                span: Span::new(p.start(n.first), p.end(n.last)),
                year: Some(lo as i32),
                month: None,
                day: None,
                weekday: None,
                hour: None,
                minute: None,
            });
            return Some(n.last);
        }
        // Leading zeros: "007", "020 7946".
        if n.leading_zero {
            return Some(n.last);
        }
        // Labels: "Section 427", "No. 10", "Row 21"; and names: "Boeing 747", "Voyager 2".
        if plain_int && range.is_none() && noun.is_none() {
            if guards::is_label(p, n.first) {
                return Some(n.last);
            }
            if n.first > 0
                && p.is_capitalized(n.first - 1)
                && !p.attached(n.first)
                && !self.sentence_starts_at(n.first - 1)
                && !p.vocab.hedges.before.iter().any(|(h, _)| h == prev)
                && !p.vocab.guards.months.contains_key(prev)
                && !p.vocab.guards.weekdays.contains_key(prev)
                && !matches!(prev, "i" | "a")
            {
                return Some(n.last);
            }
        }
        None
    }

    /// "a mile", "an inch", "a gallon": one of a measuring unit. Time units ("a year") and
    /// idioms on ambiguous words ("a ton of") are left alone, as are rates ("$5 a gallon").
    fn article_unit(&mut self, i: usize) -> Option<usize> {
        let p = self.p;
        if !matches!(p.tl(i), "a" | "an") {
            return None;
        }
        if i > 0
            && (p.is_digits(i - 1)
                || self
                    .facts
                    .quantities
                    .last()
                    .is_some_and(|q| q.last_tok + 1 == i))
        {
            return None;
        }
        // "a penny", "a dollar"
        let hit = match units::currency_after(p, i + 1) {
            Some((c, first, last)) if first == i + 1 && p.is_word(first) => units::UnitHit {
                m: UnitMatch::Unit(c),
                first,
                last,
                hyphenated: false,
            },
            _ => units::unit_after(p, i + 1)?,
        };
        if hit.hyphenated
            || hit.first != i + 1
            || !p.is_word(hit.first)
            || p.tl(hit.first).len() < 3
        {
            return None;
        }
        let units = &p.vocab.units;
        let (id, name, alternatives) = match hit.m {
            UnitMatch::Unit(id) => (id, units.registry.get(id).name.clone(), Vec::new()),
            UnitMatch::Ambiguous(a) => {
                let amb = &units.ambiguities[a];
                // "a ton of", "a degree": idioms and diplomas, not measures.
                if matches!(&*amb.name, "ton" | "degree") {
                    return None;
                }
                let alts = amb
                    .readings
                    .iter()
                    .copied()
                    .filter(|r| *r != amb.default)
                    .collect();
                (amb.default, amb.name.clone(), alts)
            }
        };
        let def = units.registry.get(id);
        if matches!(
            def.dimension,
            Dimension::Time
                | Dimension::Angle
                | Dimension::Temperature
                | Dimension::TemperatureDifference
                | Dimension::Percent
                | Dimension::Count
        ) {
            return None;
        }
        // A unit word followed by a noun is an adjective ("a yard sale", "a foot soldier").
        let next = hit.last + 1;
        if p.is_word(next)
            && !p.vocab.nouns.not_nouns.contains(p.tl(next))
            && !matches!(
                p.tl(next),
                "away" | "long" | "wide" | "high" | "deep" | "tall"
            )
        {
            return None;
        }
        let widths = &p.vocab.hedges.widths;
        let span = Span::new(p.start(i), p.end(hit.last));
        // "an inch" means one inch, not 0.5..1.5 inches.
        let precision = Precision::exact(0.1);
        let interval = stated_interval(1.0, 0.1, None, widths);
        self.facts.quantities.push(Quantity {
            span,
            number_span: Span::new(p.start(i), p.end(i)),
            digits_span: Span::new(p.start(i), p.end(i)),
            high_digits_span: None,
            scale: 1.0,
            value: Some(1.0),
            range: None,
            precision,
            hedge: None,
            hedge_span: None,
            interval,
            strict: interval,
            unit: Some(id),
            per: None,
            unit_name: Some(name),
            unit_span: Some(Span::new(p.start(hit.first), p.end(hit.last))),
            alternatives,
            dimension: def.dimension,
            noun: None,
            temperature: None,
            written_in_words: true,
            vague: false,
            adjectival: false,
            sentence: self.sentence_of(span.start),
            first_tok: i,
            last_tok: hit.last,
        });
        Some(hit.last)
    }

    /// "half a percentage point", "a quarter of a point", "three-quarters of a percentage
    /// point": pushes the amount of points (percentage points, or index points as a noun) and
    /// returns its last token.
    fn fraction_of_a_point(&mut self, n: &Numeral) -> Option<usize> {
        let p = self.p;
        let mut k = n.last + 1;
        if p.tl(k) == "of" {
            k += 1;
        }
        if p.tl(k) != "a" {
            return None;
        }
        k += 1;
        let units = &p.vocab.units;
        let (unit, last) = if matches!(p.tl(k), "percentage" | "percent")
            && matches!(p.tl(k + 1), "point" | "points")
        {
            (units.percentage_point, k + 1)
        } else if p.tl(k) == "basis" && matches!(p.tl(k + 1), "point" | "points") {
            (units.basis_point, k + 1)
        } else if p.tl(k) == "point" {
            (None, k)
        } else {
            return None;
        };
        let widths = &p.vocab.hedges.widths;
        let span = Span::new(p.start(n.first), p.end(last));
        let interval = stated_interval(n.value, 0.01, None, widths);
        let noun = unit.is_none().then(|| Noun {
            text: p.t(last).to_string(),
            lemma: "point".into(),
            tok: last,
        });
        let (dimension, unit_name) = match unit {
            Some(u) => (Dimension::Percent, Some(units.registry.get(u).name.clone())),
            None => (Dimension::Count, None),
        };
        self.facts.quantities.push(Quantity {
            span,
            number_span: Span::new(p.start(n.first), p.end(n.last)),
            // "half a" is what a suggestion rewrites: "half a point" -> "0.25 point".
            digits_span: Span::new(p.start(n.first), p.end(k - 1)),
            high_digits_span: None,
            scale: 1.0,
            value: Some(n.value),
            range: None,
            precision: Precision::exact(0.01),
            hedge: None,
            hedge_span: None,
            interval,
            strict: interval,
            unit,
            per: None,
            unit_name,
            unit_span: unit.map(|_| Span::new(p.start(k), p.end(last))),
            alternatives: Vec::new(),
            dimension,
            noun,
            temperature: None,
            written_in_words: true,
            vague: false,
            adjectival: false,
            sentence: self.sentence_of(span.start),
            first_tok: n.first,
            last_tok: last,
        });
        Some(last)
    }

    /// Does a bare "C"/"F" after `n` (at token `uf`) read as a temperature?
    fn bare_temperature_ok(&self, n: &Numeral, uf: usize) -> bool {
        let p = self.p;
        let next = uf + 1;
        if p.is_punct_any(next, &["/", "-"])
            || p.tl(next) == "per"
            || p.is_capitalized(next) && p.attached(next)
        {
            return false;
        }
        if !(-100.0..=200.0).contains(&n.value) {
            // Above 200 only as one side of a Celsius/Fahrenheit pair: "250C (482F)" in a kiln
            // or a furnace, never "777F" alone.
            return n.value >= -273.15 && self.bare_temperature_pair(n, uf);
        }
        let words = &p.vocab.units.temperature_context;
        let lo = n.first.saturating_sub(6);
        let hi = (next + 4).min(p.len());
        let context = (lo..hi).any(|k| p.is_word(k) && words.contains(p.tl(k)))
            || (n.first > 0 && p.vocab.units.temperature_lead.contains(p.tl(n.first - 1)));
        let bracketed = (n.first > 0 && p.is_punct(n.first - 1, "("))
            || p.is_punct(next, "(")
            || p.is_punct(next, ")");
        let ends = next >= p.len() || p.is_punct_any(next, &[".", ",", ";", ")", "!", "?"]);
        context || bracketed || (ends && (n.decimal || n.signed))
    }

    /// Is the bare "C"/"F" at `uf` (after `n`) one side of a pair in brackets with the other
    /// letter: "250C (482F)", "(482F)" after "250C"?
    fn bare_temperature_pair(&self, n: &Numeral, uf: usize) -> bool {
        let p = self.p;
        let other = if p.t(uf) == "C" { "F" } else { "C" };
        let other_at = |k: usize| p.t(k) == other && p.attached(k) && p.is_digits(k - 1);
        // "250C (482F)": the bracket opens right after, and its figure ends in the other letter.
        if p.is_punct(uf + 1, "(")
            && let Some(m) = numeral::parse_at(p, uf + 2)
            && other_at(m.last + 1)
        {
            return true;
        }
        // "(482F)" after "250C": the bracket closes right after, and opens after the other letter.
        n.first >= 2
            && p.is_punct(n.first - 1, "(")
            && p.is_punct(uf + 1, ")")
            && other_at(n.first - 2)
    }

    /// "50 cents" after "3 dollars": the value of the subunit, in the main unit.
    fn subunit_after(&self, currency: UnitId, j: usize) -> Option<(f64, usize)> {
        let p = self.p;
        let registry = &p.vocab.units.registry;
        let has_subunits = registry
            .iter()
            .any(|(id, d)| d.currency_family == Some(currency) && id != currency);
        if !has_subunits {
            return None;
        }
        let k = if p.tl(j) == "and" && p.is_word(j) {
            j + 1
        } else {
            j
        };
        if matches!(p.tl(k), "a" | "an") {
            return None;
        }
        let m = numeral::parse_at(p, k)?;
        if !m.is_integer() || m.value <= 0.0 || m.value >= 100.0 || m.scale != 1.0 {
            return None;
        }
        if let Some((sub, _, last)) = units::currency_after(p, m.last + 1) {
            let d = registry.get(sub);
            if d.currency_family == Some(currency) && sub != currency {
                return Some((m.value * d.factor, last));
            }
            return None;
        }
        // "15 dollars 50" at the end of a sentence.
        let next = m.last + 1;
        if next >= p.len() || p.is_punct_any(next, &[".", ",", ";", "!", "?"]) {
            return Some((m.value / 100.0, m.last));
        }
        None
    }

    /// The unit of the next figure in "45 and 50 mg", "5, 10 or 15 km". A list needs its
    /// "and" or "or": in "employs 2,000, 20% fewer" the figures are not a list.
    fn shared_unit(&self, j: usize, depth: usize) -> Option<UnitMatch> {
        self.shared_unit_in_list(j, depth, false)
    }

    fn shared_unit_in_list(&self, j: usize, depth: usize, joined: bool) -> Option<UnitMatch> {
        let p = self.p;
        if depth == 0 || !matches!(p.tl(j), "and" | "or" | ",") {
            return None;
        }
        let joined = joined || p.tl(j) != ",";
        // ", or 21.9%" after a figure is a restatement, not a list: "from 7,613 to 6,630, or 21.9%".
        if p.t(j) == "," && matches!(p.tl(j + 1), "or" | "and") {
            return None;
        }
        let k = j + 1;
        if !p.is_digits(k) {
            return None;
        }
        let m = numeral::parse_at(p, k)?;
        if m.kind != NumeralKind::Digits || m.scale != 1.0 {
            return None;
        }
        match units::unit_after(p, m.last + 1) {
            Some(hit) if !hit.hyphenated && joined => {
                let dim = match hit.m {
                    UnitMatch::Unit(id) => p.vocab.units.registry.get(id).dimension,
                    UnitMatch::Ambiguous(_) => Dimension::Length,
                };
                (dim != Dimension::Time).then_some(hit.m)
            }
            Some(_) => None,
            None => self.shared_unit_in_list(m.last + 1, depth - 1, joined),
        }
    }

    /// The other end of a range written with its unit twice: "44 mg to 50 mg".
    fn unit_range_after(
        &self,
        n: &Numeral,
        unit: UnitMatch,
        unit_last: usize,
    ) -> Option<(f64, usize, (usize, usize))> {
        let p = self.p;
        if matches!(n.kind, NumeralKind::Vague { .. } | NumeralKind::Fraction) {
            return None;
        }
        let j = unit_last + 1;
        let between = n.first > 0 && p.tl(n.first - 1) == "between";
        let ok = match p.tl(j) {
            "to" => !self.change_before(n.first),
            "and" => between,
            "-" | "–" => p.tok(j).is_some_and(|t| t.is_punct()),
            _ => false,
        };
        if !ok || !p.is_word(j) && p.tl(j) == "to" {
            return None;
        }
        let mut k = j + 1;
        if p.is_punct_any(k, &["-", "−"]) && p.is_digits(k + 1) && p.attached(k + 1) {
            k += 1; // "-18 °C to -34 °C": the sign is read with the number
        }
        if p.is_digits(k) && guards::before_numeral(p, k).is_some() {
            return None;
        }
        let m = numeral::parse_at(p, k)?;
        if m.scale != n.scale || matches!(m.kind, NumeralKind::Vague { .. } | NumeralKind::Fraction)
        {
            return None;
        }
        let hit = units::unit_after(p, m.last + 1)?;
        if hit.m != unit {
            return None;
        }
        let ascending = n.value < m.value;
        let both_negative = n.value < 0.0 && m.value < 0.0;
        if !(ascending || both_negative) {
            return None;
        }
        Some((
            m.value,
            hit.last,
            (m.first, m.scale_tok.map_or(m.last, |t| t - 1)),
        ))
    }

    fn sentence_starts_at(&self, tok: usize) -> bool {
        let pos = self.p.start(tok);
        self.facts.sentences.iter().any(|s| s.0 == pos)
    }

    /// A range continuing after `n`: "-15", " to 15", " and 15" after "between".
    fn range_after(&self, n: &Numeral, _currency: bool) -> Option<RangeEnd> {
        let p = self.p;
        if matches!(n.kind, NumeralKind::Vague { .. }) || n.kind == NumeralKind::Fraction {
            return None;
        }
        let j = n.last + 1;
        let between = n.first > 0 && {
            let mut k = n.first - 1;
            if p.tok(k).is_some_and(|t| t.is_punct()) && k > 0 {
                k -= 1; // "between $10 and $15"
            }
            p.tl(k) == "between"
        };
        // "8- to 16-meter"
        let j = if p.is_punct(j, "-") && p.attached(j) && p.tl(j + 1) == "to" {
            j + 1
        } else {
            j
        };
        let (k, dash) = if p.is_punct_any(j, &["-", "–", "—", "‑"]) {
            let tight = p.attached(j) && p.attached(j + 1);
            let spaced_en = p.t(j) != "-" && !p.attached(j) && !p.attached(j + 1);
            if !(tight || spaced_en) {
                return None;
            }
            (j + 1, true)
        } else if p.tl(j) == "to"
            || (p.tl(j) == "and" && between)
            || (p.tl(j) == "or" && p.is_word(j))
        {
            (j + 1, false)
        } else {
            return None;
        };
        // A currency symbol may repeat: "$10-$15".
        let k = if p.tok(k).is_some_and(|t| t.is_punct())
            && units::currency_before(p, k + 1).is_some()
        {
            k + 1
        } else {
            k
        };
        // "-3 to -7C": the sign is read with the number.
        let k = if n.value < 0.0
            && !dash
            && p.is_punct_any(k, &["-", "−"])
            && p.attached(k + 1)
            && p.is_digits(k + 1)
        {
            k + 1
        } else {
            k
        };
        if !p.is_digits(k) && !p.is_word(k) {
            return None;
        }
        if p.is_digits(k) && guards::before_numeral(p, k).is_some() {
            return None;
        }
        let m = numeral::parse_at(p, k)?;
        if matches!(m.kind, NumeralKind::Vague { .. }) || m.kind == NumeralKind::Fraction {
            return None;
        }
        let mut lo = n.value;
        let hi = m.value;
        // "in 2003 to 28,041": a year does not start a range of amounts.
        let year_like = Numeral::is_year_like;
        // "930 to 1240 miles": a unit after the second figure makes it an amount, not a year.
        let amount_ending_in_unit =
            !year_like(n) && p.has(m.last + 1, crate::vocab::classes::UNIT_START);
        if year_like(n) != year_like(&m)
            && !(year_like(n) && m.value < 100.0)
            && !amount_ending_in_unit
        {
            return None;
        }
        // "10-15 million": the scale applies to both ends.
        if n.scale == 1.0 && m.scale != 1.0 && lo * m.scale <= hi {
            lo *= m.scale;
        }
        let word = p.tl(j);
        // "lows of -3 to -7C": two negatives may be written high end first.
        let falling_negatives = hi < lo && lo < 0.0 && word != "or";
        if lo.partial_cmp(&hi) != Some(std::cmp::Ordering::Less) && !falling_negatives {
            return None;
        }
        if word == "to" && !dash && (self.change_before(n.first) || self.change_around(n, &m)) {
            // "rose from 20 to 73": two figures, not a range.
            return None;
        }
        if word == "or" && (hi - lo) > lo.abs().max(1.0) {
            return None; // "5 or 500": not a range
        }
        // The high end's precision, when both ends are on one scale and can share it.
        let high_precision = (m.scale == n.scale).then_some(m.precision);
        Some(RangeEnd {
            lo,
            hi,
            last: m.last,
            digits: (m.first, m.scale_tok.map_or(m.last, |t| t - 1)),
            high_precision,
        })
    }

    /// Is there a change verb before "from"? ("rose from 20 to 73").
    fn change_before(&self, first: usize) -> bool {
        let p = self.p;
        let sentence_start = self
            .facts
            .sentences
            .get(self.sentence_of(p.start(first)))
            .map_or(0, |s| p.tok_at(s.0));
        // "rose from 20 to 73" and "would nearly double ... from 12,300 to 20,000": a "from" lets
        // the change word sit further back.
        // "from £600bn": a currency sign may stand between.
        let from_before = (first > 0 && p.tl(first - 1) == "from")
            || (first > 1 && !p.is_word(first - 1) && p.tl(first - 2) == "from");
        let reach = if from_before { 20 } else { 6 };
        let start = first.saturating_sub(reach).max(sentence_start);
        (start..first).any(|k| {
            p.is_word(k)
                && (p.vocab.comparisons.is_change_word(p.tl(k))
                    || p.vocab.numbers.multipliers.contains_key(p.tl(k)))
        })
    }

    /// "went from 1,200 to 1,500", "from 1,200 to 1,500, an increase of 25%": a verb of
    /// movement before "from", or a change word just after the second figure, makes "from A to
    /// B" a change rather than a range.
    fn change_around(&self, n: &Numeral, m: &Numeral) -> bool {
        let p = self.p;
        if !(n.first > 0 && p.tl(n.first - 1) == "from") {
            return false;
        }
        let mover = |k: usize| {
            matches!(
                p.tl(k),
                "went"
                    | "gone"
                    | "go"
                    | "goes"
                    | "going"
                    | "moved"
                    | "moves"
                    | "moving"
                    | "changed"
            )
        };
        if (n.first.saturating_sub(4)..n.first - 1).any(|k| p.is_word(k) && mover(k)) {
            return true;
        }
        // ", an increase of", ", a fall of": within a few tokens after, in the same sentence.
        let sentence = self.sentence_of(p.start(n.first));
        (m.last + 1..(m.last + 6).min(p.len())).any(|k| {
            p.is_word(k)
                && self.sentence_of(p.start(k)) == sentence
                && p.vocab.comparisons.is_change_word(p.tl(k))
                && matches!(p.tl(k - 1), "a" | "an")
        })
    }

    /// Is `n` an age set off by commas after a person ("The woman, 82, died") or a name ("Mr
    /// Jones, 64, and his wife, 61,")?
    fn age_in_apposition(&self, n: &Numeral) -> bool {
        let p = self.p;
        if !(n.is_integer()
            && n.kind == NumeralKind::Digits
            && !n.grouped
            && n.scale == 1.0
            && (1.0..=115.0).contains(&n.value)
            && n.first >= 2
            && p.is_punct(n.first - 1, ",")
            && p.is_punct(n.last + 1, ",")
            && p.is_word(n.first - 2))
        {
            return false;
        }
        let w = n.first - 2;
        let person = p.vocab.nouns.people.contains(p.tl(w));
        // A person's name: a title and a surname ("Mr Jones"), or a first name and a surname
        // ("John Smith"); not "the US, 39," in a medal table.
        let titled = w >= 1
            && matches!(
                p.tl(w - 1),
                "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "lord" | "lady"
            );
        let first_and_last = w >= 1
            && p.is_capitalized(w - 1)
            && !(w >= 2 && matches!(p.tl(w - 2), "the" | "of" | "in" | "from" | "at" | "to"));
        let month_or_day = p.has(
            w,
            crate::vocab::classes::MONTH | crate::vocab::classes::WEEKDAY,
        );
        person || (p.is_capitalized(w) && !month_or_day && (titled || first_and_last))
    }

    /// Is the "quarter" or "half" at token `i` a period ("the fourth quarter", "the first half",
    /// "in the quarter")? An ordinal or "the" before it, and no "of" after it unless a
    /// period follows ("the first half of the year").
    fn is_period(&self, i: usize) -> bool {
        let p = self.p;
        if !matches!(p.tl(i), "quarter" | "half" | "quarters" | "halves") || i == 0 {
            return false;
        }
        let before = p.tl(i - 1);
        let ordinal = matches!(
            before,
            "first"
                | "second"
                | "third"
                | "fourth"
                | "final"
                | "last"
                | "latest"
                | "previous"
                | "same"
                | "current"
                | "next"
                | "opening"
                | "1st"
                | "2nd"
                | "3rd"
                | "4th"
        ) || (p.is_digits(i - 1) && p.attached(i));
        let of_period = p.tl(i + 1) == "of"
            && matches!(p.tl(i + 2), "the" | "this" | "last" | "next")
            && matches!(
                p.tl(i + 3),
                "year" | "season" | "century" | "decade" | "month" | "game" | "match" | "race"
            );
        (ordinal || before == "the") && (p.tl(i + 1) != "of" || of_period)
    }

    /// "28-8": two numbers joined by a hyphen, the second smaller: a score, not a range.
    fn is_score(&self, n: &Numeral) -> bool {
        let p = self.p;
        let j = n.last + 1;
        if !(p.is_punct_any(j, &["-", "–"])
            && p.attached(j)
            && p.attached(j + 1)
            && p.is_digits(j + 1))
        {
            return false;
        }
        let second: f64 = p.t(j + 1).parse().unwrap_or(f64::MAX);
        n.is_integer() && second < n.value && n.value < 1000.0
    }

    /// "6in", "6 inches", "two" after "six foot": inches following a feet figure.
    fn inches_after(&self, j: usize) -> Option<(f64, usize)> {
        let p = self.p;
        let (k, _hyphen) = if p.is_punct_any(j, &["-"]) && p.attached(j) && p.attached(j + 1) {
            (j + 1, true)
        } else if p.tl(j) == "and" && p.is_word(j) {
            (j + 1, false)
        } else {
            (j, false)
        };
        let m = numeral::parse_at(p, k)?;
        if m.value < 0.0 || m.value >= 12.0 || m.scale != 1.0 {
            return None;
        }
        // "12 ft 2 in": the guarded "in" is an inch here.
        if matches!(p.tl(m.last + 1), "in" | "ins") && p.is_word(m.last + 1) {
            let last = if p.is_punct(m.last + 2, ".") && p.attached(m.last + 2) {
                m.last + 2
            } else {
                m.last + 1
            };
            return Some((m.value, last));
        }
        if let Some(hit) = units::unit_after(p, m.last + 1) {
            if let UnitMatch::Unit(id) = hit.m
                && p.vocab.units.registry.get(id).key == "inch"
            {
                return Some((m.value, hit.last));
            }
            return None;
        }
        // "six foot two", "5-foot-6": a bare small number straight after "foot".
        let foot_word = p.tl(j - 1) == "foot" || p.tl(j - 1) == "feet" || p.tl(j - 1) == "ft";
        if foot_word && m.is_integer() && (m.kind == NumeralKind::Words || p.attached(k)) {
            let next = m.last + 1;
            let ends =
                next >= p.len() || !p.is_word(next) || p.vocab.nouns.not_nouns.contains(p.tl(next));
            if ends {
                return Some((m.value, m.last));
            }
        }
        None
    }

    /// The first token of the change words a fraction completes, and whether they say up:
    /// "fell by half" (from the verb), "an increase of a quarter" (from the article; not "... of
    /// a quarter of").
    fn fraction_change(&self, n: &Numeral) -> Option<(usize, bool)> {
        let p = self.p;
        let trend = |k: usize| p.vocab.comparisons.trend.get(p.tl(k)).copied();
        // "fell by half an hour", "cut by a quarter of a percentage point": the fraction
        // measures an amount, it is no multiple.
        let next = p.tl(n.last + 1);
        if matches!(next, "a" | "an") || (next == "of" && matches!(p.tl(n.last + 2), "a" | "an")) {
            return None;
        }
        // "fell by more than half": the hedge sits between "by" and the fraction.
        let start = hedge::hedge_before(p, n.first).map_or(n.first, |h| h.1);
        if start < n.first {
            return (start >= 2 && p.tl(start - 1) == "by" && p.is_word(start - 2))
                .then(|| Some((start - 2, trend(start - 2)?)))
                .flatten();
        }
        match p.tl(n.first.checked_sub(1)?) {
            "by" if n.first >= 2 && p.is_word(n.first - 2) => {
                Some((n.first - 2, trend(n.first - 2)?))
            }
            "of" if n.first >= 3
                && matches!(p.tl(n.first - 3), "a" | "an")
                && p.tl(n.last + 1) != "of" =>
            {
                Some((n.first - 3, trend(n.first - 2)?))
            }
            _ => None,
        }
    }

    /// "8oz" after "7lb", "4lb" after "11st", "30m" after "7h": a figure in the next smaller
    /// unit, below `per`. `short` is a one-letter symbol the minor unit has only here ("m").
    fn minor_after(
        &self,
        j: usize,
        minor: &str,
        per: f64,
        short: Option<&str>,
    ) -> Option<(f64, usize)> {
        let p = self.p;
        let k = if p.tl(j) == "and" && p.is_word(j) {
            j + 1
        } else {
            j
        };
        let m = numeral::parse_at(p, k)?;
        let runs_on = |t: usize| p.attached(t + 1) && (p.is_word(t + 1) || p.is_digits(t + 1));
        // "30m" after "7h" is thirty minutes, not thirty million.
        if let (Some(s), Some(t)) = (short, m.scale_tok)
            && p.t(t) == s
            && t == m.last
            && p.attached(t)
            && !runs_on(t)
        {
            let v = m.value / m.scale;
            return (0.0..per).contains(&v).then_some((v, t));
        }
        if m.value < 0.0 || m.value >= per || m.scale != 1.0 {
            return None;
        }
        let after = m.last + 1;
        if short.is_some_and(|s| p.t(after) == s && p.attached(after) && !runs_on(after)) {
            return Some((m.value, after));
        }
        let hit = units::unit_after(p, after)?;
        match hit.m {
            UnitMatch::Unit(id) if p.vocab.units.registry.get(id).key == minor => {
                Some((m.value, hit.last))
            }
            _ => None,
        }
    }

    /// 5'6" or 5′ 6″: feet and inches written with primes.
    fn prime_feet_inches(&self, last: usize) -> Option<(f64, usize)> {
        let p = self.p;
        let j = last + 1;
        if !(p.is_punct_any(j, &["'", "′", "’"]) && p.attached(j)) {
            return None;
        }
        let k = j + 1;
        if !p.is_digits(k) || p.gap(k).len() > 1 {
            return None;
        }
        let inches: f64 = p.t(k).parse().ok()?;
        if inches >= 12.0 {
            return None;
        }
        let q = k + 1;
        if p.is_punct_any(q, &["\"", "″", "”", "''"]) && p.attached(q) {
            return Some((inches, q));
        }
        None
    }

    /// Picks a reading for an ambiguous unit word from context and locale.
    fn resolve_ambiguous(
        &self,
        a: usize,
        first: usize,
        last: usize,
    ) -> (Option<UnitId>, Option<std::sync::Arc<str>>, Vec<UnitId>) {
        let p = self.p;
        let units = &p.vocab.units;
        let amb = &units.ambiguities[a];
        let sentence = self.sentence_of(p.start(first));
        let (s_start, s_end) = self
            .facts
            .sentences
            .get(sentence)
            .copied()
            .unwrap_or((0, p.text.len()));
        let sentence_lower = &p.lower[s_start..s_end];
        // Angle words near a bare "degrees".
        let angle = amb
            .readings
            .iter()
            .copied()
            .find(|r| units.registry.get(*r).dimension == Dimension::Angle);
        if let Some(angle) = angle {
            let lo = first.saturating_sub(8);
            let hi = (last + 8).min(p.len());
            if (lo..hi).any(|k| p.is_word(k) && units.angle_context.contains(p.tl(k))) {
                return (
                    Some(angle),
                    Some(units.registry.get(angle).name.clone()),
                    Vec::new(),
                );
            }
        }
        let readings: Vec<UnitId> = amb
            .readings
            .iter()
            .copied()
            .filter(|r| Some(*r) != angle)
            .collect();
        // Words in the sentence that name one reading: "Imperial", "U.S.", "metric".
        let mentions = |needle: &str| sentence_lower.contains(needle);
        let pick = |key_part: &str| {
            readings
                .iter()
                .copied()
                .find(|r| units.registry.get(*r).key.contains(key_part))
        };
        // A reading named by a word of the sentence: "450,000 tonnes (16.5 mln bushels) of
        // wheat" is in wheat bushels of 60 lb.
        let named = amb.context.iter().find_map(|(u, words)| {
            let (t0, t1) = (p.tok_at(s_start), p.tok_at(s_end));
            (t0..t1)
                .any(|k| p.is_word(k) && words.iter().any(|w| w == p.tl(k)))
                .then_some(*u)
        });
        let by_context = if let Some(u) = named {
            Some(u)
        } else if mentions("imperial") || mentions("uk gallon") || mentions("british") {
            pick("imperial").or_else(|| pick("long"))
        } else if mentions("metric") {
            pick("tonne")
        } else {
            None
        };
        let chosen = by_context.or(match self.opts.locale {
            Locale::EnUs => amb.en_us,
            Locale::EnGb => amb.en_gb,
            Locale::Unknown => None,
        });
        match chosen {
            Some(u) => (
                Some(u),
                Some(units.registry.get(u).name.clone()),
                Vec::new(),
            ),
            None => {
                let alts = readings
                    .iter()
                    .copied()
                    .filter(|r| *r != amb.default)
                    .collect();
                (Some(amb.default), Some(amb.name.clone()), alts)
            }
        }
    }

    /// Money words just before a figure in "pounds" ("paid 500 pounds").
    fn money_context(&self, first: usize) -> bool {
        let p = self.p;
        let lo = first.saturating_sub(4);
        (lo..first).any(|k| p.is_word(k) && p.vocab.units.pound_money_before.contains(p.tl(k)))
    }

    /// Is a temperature a difference ("rose by 2C", "2C warmer"), absolute, or either?
    fn temperature_reading(&self, first: usize, last: usize) -> TemperatureReading {
        let p = self.p;
        let units = &p.vocab.units;
        // Skip a hedge: "an increase of about 1.4C".
        let mut k = first;
        if let Some((_, h)) = hedge::hedge_before(p, first) {
            k = h;
        }
        let w1 = if k > 0 { p.tl(k - 1) } else { "" };
        let w2 = if k > 1 { p.tl(k - 2) } else { "" };
        // "highs rarely climb above 18C", "fell below -5C": a change past a level names the
        // level, not the size of the change.
        if k < first
            && matches!(
                p.tl(k),
                "above" | "below" | "past" | "beyond" | "over" | "under"
            )
            && !matches!(w1, "by" | "of")
        {
            return TemperatureReading::Absolute;
        }
        if units.difference_before.contains(w1) && w1 != "to" {
            return TemperatureReading::Difference;
        }
        if matches!(w1, "of" | "a" | "an") && units.difference_before.contains(w2) {
            return TemperatureReading::Difference;
        }
        let next = p.tl(last + 1);
        if units.difference_after.contains(next) {
            return TemperatureReading::Difference;
        }
        if matches!(
            w1,
            "of" | "at" | "to" | "reached" | "hit" | "hitting" | "touched"
        ) {
            let w = if w1 == "of" { w2 } else { w1 };
            if matches!(
                w,
                "high"
                    | "low"
                    | "temperature"
                    | "temperatures"
                    | "at"
                    | "reached"
                    | "hit"
                    | "hitting"
                    | "touched"
            ) {
                return TemperatureReading::Absolute;
            }
        }
        TemperatureReading::Either
    }
}

/// A URL or e-mail address starting at token `i`: returns its last token.
fn url_at(p: &Para, i: usize) -> Option<usize> {
    let w = p.tl(i);
    let is_url =
        (matches!(w, "http" | "https" | "ftp") && p.is_punct(i + 1, ":") && p.attached(i + 1))
            || (w == "www" && p.is_punct(i + 1, ".") && p.attached(i + 1));
    let is_mail = p.is_word(i) && p.is_punct(i + 1, "@") && p.attached(i + 1);
    if !is_url && !is_mail {
        return None;
    }
    let mut last = i;
    while last + 1 < p.len() && p.attached(last + 1) {
        last += 1;
    }
    // A full stop at the end of the address ends the sentence.
    if p.is_punct(last, ".") && last > i {
        last -= 1;
    }
    Some(last)
}

/// "more than", "fewer than" (and "higher", "greater", "larger", "bigger"; "less", "lower",
/// "smaller") at token `k`: whether it says more. Read after a percentage or a fraction that
/// compares a figure with a base.
pub fn comparative_than(p: &Para, k: usize) -> Option<bool> {
    if p.tl(k + 1) != "than" {
        return None;
    }
    match p.tl(k) {
        "more" | "higher" | "greater" | "larger" | "bigger" => Some(true),
        "fewer" | "less" | "lower" | "smaller" => Some(false),
        _ => None,
    }
}
