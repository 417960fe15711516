//! `duration-mismatch`: a stated duration that does not fit the years it spans.

use super::Deferred;
use crate::checks::{DocInfo, DocParagraph, DocumentCheck, DocumentState, RuleInfo};
use crate::config::Config;
use crate::dates::document::DocumentDate;
use crate::dates::words::DateWords;
use crate::dates::{Days, mention_days};
use crate::declare_rule;
use crate::diagnostic::{Expected, Finding, Severity};
use crate::extract::{DateMention, Para, Quantity, Span};
use crate::units::Dimension;

declare_rule! {
    /// ## What it does
    /// Checks durations tied to the years they span: "between 2019 and 2023, a four-year
    /// period", "the four years from 2019 to 2023", "opened in 1931 and closed in 2008,
    /// having stood for 77 years", "begun in 1163 and finished in 1260, nearly a century
    /// later", "left in 1938 and came back 27 years later, in 1965", anniversaries ("completed
    /// in 1311, it celebrated its 700th anniversary in 2011", "its centenary in 1936"), and "the
    /// five years since 2020" (counted to the document's date). Reports a duration the years
    /// cannot give.
    ///
    /// ## Why
    /// "The five years since 2020" is right when written and wrong a year later; a period
    /// quoted with its years is easy to miscount.
    ///
    /// ## How it decides
    /// Years are whole stretches of days: from 2019 to 2023 is anything from three years and a
    /// day (31 December 2019 to 1 January 2023) to five years less a day, so "a four-year
    /// period" and "five years, counting both" hold, "a two-year period" does not. Since a year,
    /// the duration runs to the document's date. The stated duration is read with its hedge
    /// ("nearly five years") and rounding. Error when the miss is more than a month; warning
    /// when it is within a month, or only under the strict reading of a round figure ("the 30
    /// years since 1990" in 2024).
    ///
    /// ## Example
    /// ```text
    /// date: 2024-01-05
    /// In the five years since 2020, output has doubled.
    /// ```
    /// From 2020 to 5 January 2024 is 3.0 to 4.0 years, not five years.
    ///
    /// ## Options
    /// `--date YYYY-MM-DD` dates documents that carry no date of their own; durations since a
    /// year need one, durations between two years do not.
    pub struct DurationMismatch {
        id: "duration-mismatch",
        family: "date",
        severity: Error,
        enabled: true,
        summary: "A duration does not fit the years it spans",
    }
}

/// A miss within this many days is a warning: the story may have been written earlier.
const SLACK_DAYS: f64 = 31.0;

impl DocumentCheck for DurationMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn begin(&self, doc: &DocInfo, config: &Config) -> Box<dyn DocumentState> {
        Box::new(State {
            deferred: Deferred::new(doc, config),
        })
    }
}

/// What the duration runs from and to.
#[derive(Debug, Clone)]
enum Ends {
    /// From one year to another ("between 2019 and 2023").
    Years(i32, i32),
    /// From a date to the document's date ("since 2020", "since 5 October").
    Since(DateMention, String),
}

/// A duration and its ends, copied out of the paragraph.
#[derive(Debug, Clone)]
struct Stated {
    ends: Ends,
    ends_text: String,
    /// The duration in days, leniently and strictly read.
    lenient: (f64, f64),
    strict: (f64, f64),
    unit_days: f64,
    unit: String,
    duration_text: String,
    span: Span,
}

struct State {
    deferred: Deferred<Stated>,
}

impl DocumentState for State {
    fn paragraph(&mut self, para: &DocParagraph, out: &mut Vec<Finding>) {
        super::anniversary::anniversaries(para, DurationMismatch::INFO.id, out);
        let (now, later) = read(para);
        for s in now {
            check(&s, None, out);
        }
        if let Some((doc, ready)) = self.deferred.feed(para, later) {
            for s in ready {
                check(&s, doc, out);
            }
        }
    }

    fn finish(&mut self, out: &mut Vec<Finding>) {
        let (doc, rest) = self.deferred.finish();
        for s in rest {
            check(&s, doc, out);
        }
    }
}

/// The two years of a year range as written: "2019 and 2023", "2019 to 2023", "2019-23".
fn year_range(m: &DateMention, text: &str) -> Option<(i32, i32)> {
    if m.month.is_some() || m.day.is_some() || m.hour.is_some() {
        return None;
    }
    let nums: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    let [a, b] = nums.as_slice() else { return None };
    let y1: i32 = a.parse().ok()?;
    let y2: i32 = match b.len() {
        4 => b.parse().ok()?,
        2 => {
            let v: i32 = b.parse().ok()?;
            let y = y1 - y1 % 100 + v;
            if y < y1 { y + 100 } else { y }
        }
        _ => return None,
    };
    (a.len() == 4 && y2 > y1).then_some((y1, y2))
}

/// Only glue words and punctuation between tokens `a` and `b` (exclusive), and not many.
fn glued(p: &Para, a: usize, b: usize, words: &DateWords) -> bool {
    if b < a || b - a > 6 {
        return false;
    }
    (a..b).all(|k| {
        if p.is_word(k) {
            words.duration_glue.has_word(p.tl(k))
        } else {
            !p.is_digits(k) && !p.is_punct_any(k, &[".", ";", "?", "!"])
        }
    })
}

/// A duration in days: (low, high) of its lenient and strict intervals, and its unit.
struct InDays {
    lenient: (f64, f64),
    strict: (f64, f64),
    unit_days: f64,
}

fn in_days(p: &Para, q: &Quantity) -> Option<InDays> {
    if q.dimension != Dimension::Time {
        return None;
    }
    let unit = q.unit?;
    let unit_days = p.vocab.units.registry.get(unit).to_base(1.0) / 86_400.0;
    // "more than 700 years" is bounded on one side only, which is enough to miss.
    let some_end = |i: &crate::interval::Interval| i.lo.is_finite() || i.hi.is_finite();
    if unit_days.is_nan() || unit_days < 1.0 || !some_end(&q.interval) || !some_end(&q.strict) {
        return None;
    }
    Some(InDays {
        lenient: (q.interval.lo * unit_days, q.interval.hi * unit_days),
        strict: (q.strict.lo * unit_days, q.strict.hi * unit_days),
        unit_days,
    })
}

fn read(para: &DocParagraph) -> (Vec<Stated>, Vec<Stated>) {
    let p = para.para;
    let facts = para.facts;
    let words = DateWords::builtin();
    let (mut now, mut later) = (Vec::new(), Vec::new());
    'quantities: for q in &facts.quantities {
        let Some(InDays {
            lenient,
            strict,
            unit_days,
        }) = in_days(p, q)
        else {
            continue;
        };
        let sentence = super::sentence_lower(p, facts, q.sentence);
        let first = q.first_tok_hedged(p);
        let make = |ends: Ends, m: &DateMention| Stated {
            ends,
            ends_text: p.text[m.span.start..m.span.end].to_string(),
            lenient,
            strict,
            unit_days,
            unit: q.unit_name.as_deref().unwrap_or("").to_string(),
            duration_text: if q.adjectival {
                // "a two-year period" reads as "2 years" in the message.
                format!(
                    "{} {}s",
                    q.stated(),
                    q.unit_name.as_deref().unwrap_or("unit")
                )
            } else {
                // "not more than 700 years": the hedge is part of what was said.
                let start = q
                    .hedge_span
                    .map_or(q.span.start, |h| h.start.min(q.span.start));
                p.text[start..q.span.end].to_string()
            },
            span: para.to_source(q.span.cover(&m.span)),
        };
        // "the five years since 2020": the date right after "since".
        let k = q.last_tok + 1;
        if words.since.has_word(p.tl(k))
            && let Some(m) = facts.dates.iter().find(|m| m.span.start == p.start(k + 1))
        {
            // Another year in the sentence may be what the duration counts to ("By 2020,
            // five years since 2015").
            let counts_to_another = facts.dates.iter().any(|d| {
                let t = p.tok_at(d.span.start);
                d.span != m.span
                    && d.year.is_some()
                    && facts
                        .sentences
                        .get(q.sentence)
                        .is_some_and(|s| s.0 <= d.span.start && d.span.start < s.1)
                    && words.since_other_year.before(p, t).is_some()
            });
            if !counts_to_another && !words.since_elsewhere.in_text(sentence) {
                later.push(make(
                    Ends::Since(m.clone(), p.text[m.span.start..m.span.end].to_string()),
                    m,
                ));
            }
            continue;
        }
        // "between 2019 and 2023, a four-year period", "the four years from 2019 to 2023".
        for m in &facts.dates {
            let Some((y1, y2)) = year_range(m, &p.text[m.span.start..m.span.end]) else {
                continue;
            };
            let mt = p.tok_at(m.span.start);
            let me = p.tok_at(m.span.end);
            let tied = (me <= first && glued(p, me, first, words))
                || (q.last_tok < mt && glued(p, q.last_tok + 1, mt, words));
            if tied {
                now.push(make(Ends::Years(y1, y2), m));
                continue 'quantities;
            }
        }
        if let Some((a, b)) = events_before(p, facts, q, words)
            && let (Some(y1), Some(y2)) = (a.year, b.year)
        {
            let mut s = make(Ends::Years(y1, y2), b);
            s.ends_text = format!("{y1} to {y2}");
            s.span = para.to_source(q.span.cover(&a.span));
            now.push(s);
        }
    }
    (now, later)
}

/// The two years a duration after them spans: "began in 1163 and was complete by 1260, nearly
/// a century later", "opened in 1931 and was demolished in 2008, having stood for 77 years".
/// The sentence's only two dates, single years in order; after the later one, a comma, then
/// the duration with `duration_later` after it or in a clause opened by `duration_having`.
fn events_before<'f>(
    p: &Para,
    facts: &'f crate::extract::Facts,
    q: &Quantity,
    words: &DateWords,
) -> Option<(&'f DateMention, &'f DateMention)> {
    let sentence = facts.sentences.get(q.sentence)?;
    let years: Vec<&DateMention> = facts
        .dates
        .iter()
        .filter(|m| m.span.start >= sentence.0 && m.span.start < sentence.1)
        .collect();
    let [a, b] = years[..] else { return None };
    let single =
        |m: &DateMention| m.year.is_some() && m.month.is_none() && m.span.end - m.span.start == 4;
    if !single(a) || !single(b) || a.year >= b.year {
        return None;
    }
    // "left in 1938 and came back 20 years later, in 1958": the duration before the later
    // year, which follows ", in".
    let bt = p.tok_at(b.span.start);
    if q.last_tok + 4 == bt
        && p.tl(q.last_tok + 1) == "later"
        && p.is_punct(q.last_tok + 2, ",")
        && p.tl(q.last_tok + 3) == "in"
        && p.tok_at(a.span.end) <= q.first_tok
    {
        return Some((a, b));
    }
    let from = p.tok_at(b.span.end);
    let first = q.first_tok_hedged(p);
    // "closed in 1961 after 97 years of service": "after" may follow the year with no comma.
    let comma = p.is_punct(from, ",");
    if from >= first || first - from > 7 || !(comma || p.tl(from) == "after") {
        return None;
    }
    let from = if comma { from } else { from - 1 };
    let gap: Vec<&str> = (from + 1..first).map(|k| p.tl(k)).collect();
    if !(from + 1..first).all(|k| p.is_word(k)) {
        return None;
    }
    let later = words.duration_later.at(p, q.last_tok + 1).is_some()
        && gap.iter().all(|w| words.duration_glue.has_word(w));
    // "having stood for", "after": the clause's verb may be any word.
    let having = match gap[..] {
        [h, ..] if words.duration_having.has_word(h) => gap[1..]
            .iter()
            .enumerate()
            .all(|(i, w)| (i == 0 && h == "having") || words.duration_glue.has_word(w)),
        // "endured for more than six centuries"
        [v, "for", ..] if comma && words.duration_lasting.has_word(v) => {
            gap[2..].iter().all(|w| words.duration_glue.has_word(w))
        }
        _ => false,
    };
    (later || having).then_some((a, b))
}

fn check(s: &Stated, doc: Option<DocumentDate>, out: &mut Vec<Finding>) {
    let (span, from_to) = match &s.ends {
        Ends::Years(y1, y2) => {
            let (Some(a), Some(b)) = (Days::year(*y1), Days::year(*y2)) else {
                return;
            };
            (
                Days::new(b.first - a.last, b.last - a.first),
                format!("from {y1} to {y2}"),
            )
        }
        Ends::Since(m, text) => {
            let Some(doc) = doc else { return };
            let Some(md) = mention_days(m, text, Some(doc.date)) else {
                return;
            };
            let d = doc.date.days();
            if md.days.first > d {
                return;
            }
            (
                Days::new(d - md.days.last, d - md.days.first),
                format!("from {text} to {}", doc.date),
            )
        }
    };
    let (lo, hi) = (span.first as f64, span.last as f64);
    let miss = |(a, b): (f64, f64)| {
        if b < lo {
            lo - b
        } else if a > hi {
            a - hi
        } else {
            0.0
        }
    };
    let strict_miss = miss(s.strict);
    if strict_miss == 0.0 {
        return;
    }
    let lenient_miss = miss(s.lenient);
    let severity = if lenient_miss > SLACK_DAYS {
        Severity::Error
    } else {
        Severity::Warning
    };
    // A span stated in decades or centuries is told in years: "from 1163 to 1260 is 96.0 to
    // 98.0 years, not two centuries".
    let (u, unit) = if s.unit_days > 366.0 {
        (365.2425, "year")
    } else {
        (s.unit_days, if s.unit.is_empty() { "day" } else { &s.unit })
    };
    let message = format!(
        "{from_to} is {:.1} to {:.1} {unit}s, not {}",
        lo / u,
        hi / u,
        s.duration_text
    );
    let mut f = Finding::new(DurationMismatch::INFO.id, severity, s.span, message);
    let nearest = if s.strict.1 < lo { lo } else { hi };
    f.expected = Some(Expected {
        text: format!("{:.1} to {:.1} {unit}s", lo / u, hi / u),
        value: nearest / u,
        unit: Some(unit.to_string()),
    });
    if let Ends::Years(..) = s.ends {
        f.notes.push(format!(
            "{} covers whole years: its length depends on where in them it starts and ends",
            s.ends_text
        ));
    } else if let Some(doc) = doc {
        f.notes.push(doc.describe());
    }
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::check_rule;
    use crate::pipeline::check_source;
    use crate::source::InputFormat;

    const ID: &str = "duration-mismatch";

    fn dated(text: &str, date: &str) -> Vec<Finding> {
        let mut config = Config::default();
        config.rules.select = Some(vec![ID.into()]);
        config.date = Some(date.into());
        check_source(text, InputFormat::Text, &config)
            .expect("checks")
            .findings
    }

    #[test]
    fn periods_between_years() {
        assert!(
            check_rule(
                ID,
                "Between 2019 and 2023, a four-year period, sales doubled."
            )
            .is_empty()
        );
        assert!(check_rule(ID, "Over the four years from 2019 to 2023, sales doubled.").is_empty());
        // Counting both ends is fine too.
        assert!(
            check_rule(
                ID,
                "Between 2019 and 2023, a five-year period, sales doubled."
            )
            .is_empty()
        );
        let f = check_rule(
            ID,
            "Between 2019 and 2023, a two-year period, sales doubled.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(
            f[0].message,
            "from 2019 to 2023 is 3.0 to 5.0 years, not 2 years"
        );
    }

    #[test]
    fn durations_since_a_year_count_to_the_document_date() {
        let f = dated(
            "In the five years since 2020, output has doubled.",
            "2024-01-05",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert!(
            dated(
                "In the four years since 2020, output has doubled.",
                "2024-01-05"
            )
            .is_empty()
        );
        assert!(
            dated(
                "In the five years since 2020, output has doubled.",
                "2025-06-01"
            )
            .is_empty()
        );
        // No document date, no verdict.
        assert!(check_rule(ID, "In the five years since 2020, output has doubled.").is_empty());
    }

    #[test]
    fn near_misses_are_left_alone() {
        // A duration that does not span the years beside it.
        assert!(check_rule(ID, "In 2019 and 2023 the plant shut for two years.").is_empty());
        assert!(dated("By 2020 it had been five years since 2012.", "2024-01-05").is_empty());
        assert!(dated("In 2019, five years since 2014, it closed.", "2024-01-05").is_empty());
        assert_eq!(year_range_of("2019-20"), Some((2019, 2020)));
        assert_eq!(year_range_of("1999-02"), Some((1999, 2002)));
    }

    fn year_range_of(text: &str) -> Option<(i32, i32)> {
        let m = DateMention {
            span: Span::new(0, text.len()),
            year: text.get(..4).and_then(|s| s.parse().ok()),
            month: None,
            day: None,
            weekday: None,
            hour: None,
            minute: None,
        };
        year_range(&m, text)
    }

    #[test]
    fn a_duration_after_two_years_spans_them() {
        // From 1912 to 1967 is 54 to 56 years.
        assert!(
            check_rule(
                ID,
                "The pier opened in 1912 and burned down in 1967, having stood for 55 years."
            )
            .is_empty()
        );
        let f = check_rule(
            ID,
            "The pier opened in 1912 and burned down in 1967, having stood for 65 years.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.starts_with("from 1912 to 1967 is 54"),
            "{}",
            f[0].message
        );
        // Told in years when stated in decades: 1220 to 1258 is 37 to 39 years.
        let f = check_rule(
            ID,
            "Work on the nave began in 1220 and ended in 1258, some three decades later.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.contains("years, not some three decades"),
            "{}",
            f[0].message
        );
        assert!(
            check_rule(
                ID,
                "The club went down in 1994 and came back up in 2003, nine years later."
            )
            .is_empty()
        );
        // A duration counted from something else is not the span of the two years.
        assert!(
            check_rule(
                ID,
                "In 2001 it had 300 staff; by 2010, five years after the merger, it had 900."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_bounded_duration_and_verbs_of_lasting() {
        // 1410 to 1795 is 384 to 386 years: not "more than five centuries", and "after 300
        // years" is off too; "more than three centuries" holds.
        let f = check_rule(
            ID,
            "The priory was founded in 1410 and dissolved in 1795, more than five centuries later.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.ends_with("not more than five centuries"),
            "{}",
            f[0].message
        );
        assert!(
            check_rule(
                ID,
                "The priory was founded in 1410 and dissolved in 1795, having stood for more than three centuries."
            )
            .is_empty()
        );
        assert_eq!(
            check_rule(
                ID,
                "The priory was founded in 1410 and dissolved in 1795 after 300 years of worship."
            )
            .len(),
            1
        );
        assert_eq!(
            check_rule(
                ID,
                "The dynasty came to power in 1410 and fell in 1795, having ruled for 300 years."
            )
            .len(),
            1
        );
        assert_eq!(
            check_rule(
                ID,
                "The dynasty came to power in 1410 and fell in 1795, and ruled for 300 years."
            )
            .len(),
            0
        );
        // A sentence served is no span between the two years.
        assert!(
            check_rule(
                ID,
                "He was arrested in 1998 and convicted in 2000, jailed for 20 years."
            )
            .is_empty()
        );
        assert_eq!(
            check_rule(
                ID,
                "The mill opened in 1850 and closed in 1990, operated for 100 years by one family."
            )
            .len(),
            1
        );
    }
}
