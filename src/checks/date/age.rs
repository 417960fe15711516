//! `age-mismatch`: an age that does not follow from the birth (or founding) date beside it.

use super::Deferred;
use crate::checks::{DocInfo, DocParagraph, DocumentCheck, DocumentState, RuleInfo};
use crate::config::Config;
use crate::dates::document::DocumentDate;
use crate::dates::words::DateWords;
use crate::dates::{Date, days_in_month};
use crate::declare_rule;
use crate::diagnostic::{Expected, Finding, Fix, Severity};
use crate::extract::{DateMention, Para, Quantity, Span};
use std::collections::HashMap;

declare_rule! {
    /// ## What it does
    /// Finds a sentence that gives both a birth or founding date ("born in 1952", "born on 3
    /// March 1952", "founded in 1990") and an age ("the 71-year-old", "aged 71", "34 years
    /// old", "Smith, 71,"), works out the ages possible on the document's date (or at the year
    /// the age is tied to), and reports an age outside them.
    ///
    /// ## Why
    /// Ages are copied from older stories and birth years from reference works; the two drift
    /// apart by a year or two, and readers who know the person notice.
    ///
    /// ## How it decides
    /// With only a birth year, two ages are possible on any date (before and after the
    /// birthday): someone born in 1952 is 71 or 72 on 5 January 2024. Both hold. An age outside
    /// them is an error, or a warning when it would hold had the story been dated within a
    /// month of its date (written earlier, published later). An age tied to a second year in
    /// the sentence is the age then, and needs no document date: "born in 1810 and died in
    /// 1849, aged 49" (38 or 39), "born in 1961, was 58 when he retired in 2024" (62 or 63).
    /// Other sentences that put the age at another time ("died", "when", "turns") are left
    /// alone.
    ///
    /// ## Example
    /// ```text
    /// date: 2024-01-05
    /// Born in 1952, the 74-year-old senator ...
    /// ```
    /// Someone born in 1952 is 71 or 72 on 5 January 2024, not 74.
    ///
    /// ## Options
    /// `--date YYYY-MM-DD` dates documents that carry no date of their own. Without a document
    /// date the rule stays silent.
    pub struct AgeMismatch {
        id: "age-mismatch",
        family: "date",
        severity: Error,
        enabled: true,
        summary: "An age does not follow from the birth or founding year beside it",
    }
}

/// An age that would hold had the story been dated this many days off is a warning.
const SLACK_DAYS: i64 = 31;

impl DocumentCheck for AgeMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn begin(&self, doc: &DocInfo, config: &Config) -> Box<dyn DocumentState> {
        Box::new(State {
            deferred: Deferred::new(doc, config),
        })
    }
}

/// A birth date and an age from one sentence, copied out of the paragraph.
#[derive(Debug, Clone)]
struct Stated {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    birth_text: String,
    founded: bool,
    age: i32,
    span: Span,
    /// The birth date, when it is in another sentence.
    related: Option<Span>,
    age_digits: Span,
    /// The date the age is at, when the sentence gives one ("died in 1849, aged 49"); without
    /// it, the age is at the document's date.
    at: Option<(DateMention, String)>,
}

struct State {
    deferred: Deferred<Stated>,
}

impl DocumentState for State {
    fn paragraph(&mut self, para: &DocParagraph, out: &mut Vec<Finding>) {
        let records = read(para);
        if let Some((doc, ready)) = self.deferred.feed(para, records) {
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

/// A birth or founding date in a paragraph.
struct Birth<'a> {
    sentence: usize,
    mention: &'a DateMention,
    word: &'a str,
}

fn read(para: &DocParagraph) -> Vec<Stated> {
    let p = para.para;
    let facts = para.facts;
    let words = DateWords::builtin();
    let sentence_of = |pos: usize| super::sentence_at(facts, pos);
    // Sentences that may hold a present age: none of "died", "when", "turns", "ago".
    let clean = |s: usize| {
        !words
            .age_elsewhere
            .in_text(super::sentence_lower(p, facts, s))
    };
    // An agency dateline's date is the story's, not a date in its first sentence.
    let body = crate::dates::document::dateline_end(p, facts).unwrap_or(0);
    // Years per sentence, counted once (a paragraph may have thousands of sentences).
    let mut years: HashMap<usize, usize> = HashMap::new();
    for m in &facts.dates {
        if m.year.is_some() && m.span.start >= body {
            *years.entry(sentence_of(m.span.start)).or_default() += 1;
        }
    }
    let years_in = |s: usize| years.get(&s).copied().unwrap_or(0);
    let births: Vec<Birth> = facts
        .dates
        .iter()
        .filter(|m| m.year.is_some() && m.hour.is_none())
        // Not a range of years ("born between 1950 and 1955").
        .filter(|m| m.month.is_some() || m.span.end - m.span.start <= 4)
        .filter_map(|m| {
            let t = p.tok_at(m.span.start);
            // "born in Salzburg in 1756", "born at Stratford in 1564": past the place.
            let (word, _) = words
                .birth
                .before(p, t)
                .or_else(|| words.birth.before(p, place_before(p, t)?))?;
            Some(Birth {
                sentence: sentence_of(m.span.start),
                mention: m,
                word,
            })
        })
        .collect();
    let ages: Vec<&Quantity> = facts
        .quantities
        .iter()
        .filter(|q| is_age(p, q, words))
        .collect();
    let mut ages_in: HashMap<usize, usize> = HashMap::new();
    for q in &ages {
        *ages_in.entry(q.sentence).or_default() += 1;
    }
    let mut births_in: HashMap<usize, Vec<&Birth>> = HashMap::new();
    for b in &births {
        births_in.entry(b.sentence).or_default().push(b);
    }
    let mut out = Vec::new();
    for q in &ages {
        let s = q.sentence;
        if ages_in.get(&s) != Some(&1) {
            continue;
        }
        let here: &[&Birth] = births_in.get(&s).map_or(&[], |v| v.as_slice());
        // "born in 1810 and died in 1849, aged 49", "Elected in 2010 at the age of 43, she was
        // born in 1961": an age tied to the sentence's other year is the age then.
        if let [b] = here
            && years_in(s) == 2
        {
            if let Some(e) = event_of(p, facts, body, b, q, words)
                && let Some(year) = b.mention.year
            {
                out.push(Stated {
                    year,
                    month: b.mention.month,
                    day: b.mention.day,
                    birth_text: birth_text(p, b),
                    founded: founded(b.word),
                    age: q.value.unwrap_or(0.0) as i32,
                    span: para.to_source(q.span.cover(&b.mention.span).cover(&e.span)),
                    related: None,
                    age_digits: para.to_source(q.digits_span),
                    at: Some((e.clone(), p.text[e.span.start..e.span.end].to_string())),
                });
            }
            continue;
        }
        if !clean(s) {
            continue;
        }
        let birth = match here {
            // "Born in 1952, the 71-year-old ...": the sentence's only year.
            [b] if years_in(s) == 1 => Some((*b, false)),
            [] if years_in(s) == 0 => {
                // "Chuck Schumer, 73, said ... Schumer was born in 1950": the name ties them.
                let name = aside_name(p, q);
                let named: Vec<&Birth> = births
                    .iter()
                    .filter(|b| {
                        name.is_some_and(|n| {
                            facts.sentences.get(b.sentence).is_some_and(|&(a, e)| {
                                (p.tok_at(a)..p.tok_at(e)).any(|k| p.t(k) == n)
                            })
                        })
                    })
                    .collect();
                match named.as_slice() {
                    [b] => Some((*b, true)),
                    _ => None,
                }
            }
            _ => None,
        };
        let Some((b, apart)) = birth else { continue };
        let m = b.mention;
        let Some(year) = m.year else { continue };
        let word = b.word;
        let (span, related) = if apart {
            (para.to_source(q.span), Some(para.to_source(m.span)))
        } else {
            (para.to_source(q.span.cover(&m.span)), None)
        };
        out.push(Stated {
            year,
            month: m.month,
            day: m.day,
            birth_text: birth_text(p, b),
            founded: founded(word),
            age: q.value.unwrap_or(0.0) as i32,
            span,
            related,
            age_digits: para.to_source(q.digits_span),
            at: None,
        });
    }
    out
}

/// "born in 1952", "founded in 1990": the birth as the message quotes it.
fn birth_text(p: &Para, b: &Birth) -> String {
    let m = b.mention;
    let word = b.word.trim_start_matches("was ");
    // "born in Salzburg in 1756" is quoted "born in 1756".
    let word = if word == "born" && m.month.is_none() {
        "born in"
    } else {
        word
    };
    format!("{word} {}", &p.text[m.span.start..m.span.end])
}

/// A founding, not a birth: the age is a thing's.
fn founded(word: &str) -> bool {
    !word.starts_with("born") && !word.starts_with("was born") && word != "b."
}

/// The sentence's one other dated year, when the age is tied to it: only a comma and the
/// `age_at_event` words of `rules/dates.toml` between them ("died in 1849, aged 49"), and it
/// comes after the birth.
fn event_of<'f>(
    p: &Para,
    facts: &'f crate::extract::Facts,
    body: usize,
    b: &Birth,
    q: &Quantity,
    words: &DateWords,
) -> Option<&'f DateMention> {
    let sentence = facts.sentences.get(q.sentence)?;
    let others: Vec<&DateMention> = facts
        .dates
        .iter()
        .filter(|m| {
            m.year.is_some()
                && m.hour.is_none()
                && m.span.start >= body.max(sentence.0)
                && m.span.start < sentence.1
                && m.span != b.mention.span
        })
        .collect();
    let [e] = others[..] else { return None };
    if e.year? <= b.mention.year? || e.span.end - e.span.start > 4 && e.month.is_none() {
        return None;
    }
    let (et0, et1) = (p.tok_at(e.span.start), p.tok_at(e.span.end));
    let first = q.first_tok_hedged(p);
    let gap = if et1 <= first {
        et1..first
    } else if q.last_tok < et0 {
        q.last_tok + 1..et0
    } else {
        return None;
    };
    let tied = gap.len() <= 6
        && gap
            .clone()
            .all(|k| p.is_punct(k, ",") || (p.is_word(k) && words.age_at_event.has_word(p.tl(k))));
    (tied || (q.last_tok < et0 && when_then_year(p, q, et0))).then_some(e)
}

/// "in Salzburg in" before token `t` (a year): a preposition, one to three capitalised words,
/// then "in". Returns the token of the first preposition, where a birth word should end.
fn place_before(p: &Para, t: usize) -> Option<usize> {
    if t < 3 || p.tl(t - 1) != "in" {
        return None;
    }
    let names = (1..=3)
        .take_while(|&n| t >= 2 + n && p.is_capitalized(t - 1 - n))
        .last()?;
    let prep = t - 2 - names;
    matches!(p.tl(prep), "in" | "at" | "near").then_some(prep)
}

/// "was 58 when he retired in 2024": an age, "when", up to ten words without figures, then
/// "in" and the year (token `et0`). The age is at that year.
fn when_then_year(p: &Para, q: &Quantity, et0: usize) -> bool {
    let when = q.last_tok + 1;
    p.tl(when) == "when"
        && et0 > when + 2
        && et0 - when <= 11
        && p.tl(et0 - 1) == "in"
        && (when + 1..et0).all(|k| p.is_word(k) && !p.is_digits(k))
}

/// The name before an age in commas: "Chuck Schumer, 73," -> "Schumer".
fn aside_name<'p>(p: &'p Para, q: &Quantity) -> Option<&'p str> {
    let k = q.first_tok.checked_sub(2)?;
    (p.is_punct(k + 1, ",") && p.is_capitalized(k) && p.is_punct(q.last_tok + 1, ","))
        .then(|| p.t(k))
}

/// "the 71-year-old", "71 years old", "aged 71", "Smith, 71,": a present age, unhedged.
fn is_age(p: &Para, q: &Quantity, words: &DateWords) -> bool {
    let Some(v) = q.value else { return false };
    if q.hedge.is_some() || q.is_range() || v.fract() != 0.0 || !(0.0..=150.0).contains(&v) {
        return false;
    }
    let years = q.unit_name.as_deref() == Some("year");
    let bare = q.unit.is_none() && q.noun.is_none();
    if !years && !bare {
        return false;
    }
    let after = words.age_after.at(p, q.last_tok + 1).is_some();
    let before = words.age_before.before(p, q.first_tok).is_some();
    // "was 58 when he retired": a bare figure after "was", before "when".
    let was_at = |k: usize| matches!(p.tl(k), "was" | "were");
    let was_when = bare
        && q.first_tok >= 2
        && (was_at(q.first_tok - 1)
            || (matches!(p.tl(q.first_tok - 1), "just" | "only" | "still")
                && was_at(q.first_tok - 2)))
        && p.tl(q.last_tok + 1) == "when";
    // Extraction reads "Smith, 71," after a full name as years already; after a surname alone it
    // stays bare.
    let aside = (bare || years)
        && q.first_tok >= 2
        && p.is_punct(q.first_tok - 1, ",")
        && p.is_capitalized(q.first_tok - 2)
        && p.is_punct(q.last_tok + 1, ",");
    (years && after) || ((years || bare) && before) || aside || was_when
}

/// Completed years from `born` to `on`.
fn age_on(on: Date, born: Date) -> i32 {
    on.year - born.year - i32::from((on.month, on.day) < (born.month, born.day))
}

/// The `n`th birthday (29 February falls on 1 March in other years).
fn birthday(born: Date, n: i32) -> Option<Date> {
    let y = born.year + n;
    Date::new(y, born.month, born.day).or_else(|| Date::new(y, 3, 1))
}

/// The first and last days the birth (or founding) date can stand for.
fn birth_days(s: &Stated) -> Option<(Date, Date)> {
    date_days(s.year, s.month, s.day)
}

/// The first and last days a year, with its month and day when given, can stand for.
fn date_days(year: i32, month: Option<u8>, day: Option<u8>) -> Option<(Date, Date)> {
    let (m1, m2) = month.map_or((1, 12), |m| (m, m));
    let first = Date::new(year, m1, day.unwrap_or(1))?;
    let last = Date::new(year, m2, day.unwrap_or(days_in_month(year, m2)))?;
    Some((first, last))
}

fn check(s: &Stated, doc: Option<DocumentDate>, out: &mut Vec<Finding>) {
    if let Some((e, text)) = &s.at {
        check_at(s, e, text, out);
        return;
    }
    let Some(doc) = doc else { return };
    let d = doc.date;
    let Some((first, last)) = birth_days(s) else {
        return;
    };
    if last > d {
        return; // born after the story: not an age we can read
    }
    let lo = age_on(d, last).max(0);
    let hi = age_on(d, first);
    if (lo..=hi).contains(&s.age) {
        return;
    }
    // How far the document's date would have to move for the age to hold.
    let gap = if s.age > hi {
        birthday(first, s.age).map_or(i64::MAX, |b| b.days() - d.days())
    } else {
        birthday(last, s.age + 1).map_or(i64::MAX, |b| d.days() - (b.days() - 1))
    };
    let severity = if gap <= SLACK_DAYS {
        Severity::Warning
    } else {
        Severity::Error
    };
    let mut f = finding(s, (lo, hi), ("is", &format!("on {d}")), severity);
    f.related.extend(s.related);
    if lo != hi {
        f.notes.push(format!(
            "{lo} before the {} comes round in {}, {hi} after",
            if s.founded { "anniversary" } else { "birthday" },
            d.year
        ));
    }
    f.notes.push(doc.describe());
    out.push(f);
}

/// The age at a year the sentence gives: from the birth's first and last days to the event's.
fn check_at(s: &Stated, e: &DateMention, text: &str, out: &mut Vec<Finding>) {
    let Some(ey) = e.year else { return };
    let (Some((first, last)), Some((from, to))) = (birth_days(s), date_days(ey, e.month, e.day))
    else {
        return;
    };
    let lo = age_on(from, last).max(0);
    let hi = age_on(to, first);
    if !(lo..=hi).contains(&s.age) {
        out.push(finding(
            s,
            (lo, hi),
            ("was", &format!("in {text}")),
            Severity::Error,
        ));
    }
}

/// The finding for an age outside `lo..=hi`, the ages possible at `when` ("on 5 January
/// 2024", "in 1849"); a fix when only one age is possible.
fn finding(
    s: &Stated,
    (lo, hi): (i32, i32),
    (verb, when): (&str, &str),
    severity: Severity,
) -> Finding {
    let possible = if lo == hi {
        lo.to_string()
    } else {
        format!("{lo} or {hi}")
    };
    let message = if s.founded {
        format!(
            "{}, it {verb} {possible} years old {when}, not {}",
            capitalise(&s.birth_text),
            s.age
        )
    } else {
        format!(
            "someone {} {verb} {possible} {when}, not {}",
            s.birth_text, s.age
        )
    };
    let mut f = Finding::new(AgeMismatch::INFO.id, severity, s.span, message);
    f.expected = Some(Expected {
        text: possible,
        value: f64::from(if s.age > hi { hi } else { lo }),
        unit: Some("year".into()),
    });
    if lo == hi {
        f.suggestion = Some(Fix {
            span: s.age_digits,
            replacement: lo.to_string(),
            safe: false,
        });
    }
    f
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::check_rule;
    use crate::pipeline::check_source;
    use crate::source::InputFormat;

    const ID: &str = "age-mismatch";

    fn dated(text: &str, date: &str) -> Vec<Finding> {
        let mut config = Config::default();
        config.rules.select = Some(vec![ID.into()]);
        config.date = Some(date.into());
        check_source(text, InputFormat::Text, &config)
            .expect("checks")
            .findings
    }

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("valid")
    }

    #[test]
    fn ages_either_side_of_the_birthday_hold() {
        for text in [
            "Born in 1952, the 71-year-old senator spoke for an hour.",
            "Born in 1952, the 72-year-old senator spoke for an hour.",
            "The senator, who was born in 1952, is 71 years old.",
            "Founded in 1990, the 34-year-old company employs 300 people.",
        ] {
            assert!(dated(text, "2024-06-05").is_empty(), "{text}");
        }
    }

    #[test]
    fn an_age_off_by_more_than_the_birthday_is_an_error() {
        let f = dated("Born in 1952, the 74-year-old senator spoke.", "2024-01-05");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(
            f[0].message,
            "someone born in 1952 is 71 or 72 on 5 January 2024, not 74"
        );
        let f = dated(
            "Founded in 1990, the 30-year-old company employs 300 people.",
            "2024-01-05",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "Founded in 1990, it is 33 or 34 years old on 5 January 2024, not 30"
        );
    }

    #[test]
    fn an_exact_birth_date_gives_one_age_and_a_fix() {
        let f = dated("Smith, 71, was born on 3 March 1952.", "2024-01-05");
        assert!(f.is_empty(), "{f:?}");
        let f = dated("Smith, 72, was born on 3 March 1952.", "2024-01-05");
        assert_eq!(f.len(), 1, "{f:?}");
        // Turning 72 on 3 March is two months off: an error.
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(
            f[0].suggestion.as_ref().map(|x| x.replacement.as_str()),
            Some("71")
        );
        // Within a month of the birthday, the story's timing may explain it: a warning.
        let f = dated("Smith, 72, was born on 20 January 1952.", "2024-01-05");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn ages_at_other_times_and_undated_documents_are_left_alone() {
        let date = "2024-01-05";
        assert!(dated("Born in 1952, he died at the age of 60 in 2012.", date).is_empty());
        assert!(dated("Born in 1952, she was 30 when she won.", date).is_empty());
        assert!(dated("Born in 1952, she turns 75 in 2027.", date).is_empty());
        // Two people: the age is not the one born in 1920.
        assert!(
            dated(
                "Her father was born in 1920. Jones, 64, runs the farm.",
                date
            )
            .is_empty()
        );
        assert!(check_rule(ID, "Born in 1952, the 74-year-old senator spoke.").is_empty());
    }

    #[test]
    fn a_name_ties_an_age_to_a_birth_in_another_sentence() {
        let text = "Senate leader Chuck Schumer, 78, called it a historic vote. \
                    Schumer was born in 1950 in Brooklyn.";
        let f = dated(text, "2024-03-14");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "someone born in 1950 is 73 or 74 on 14 March 2024, not 78"
        );
        assert_eq!(f[0].related.len(), 1);
        let right = text.replace("78", "73");
        assert!(dated(&right, "2024-03-14").is_empty());
    }

    #[test]
    fn completed_years() {
        assert_eq!(age_on(d(2024, 1, 5), d(1952, 12, 31)), 71);
        assert_eq!(age_on(d(2024, 1, 5), d(1952, 1, 1)), 72);
        assert_eq!(age_on(d(2024, 1, 5), d(1952, 1, 5)), 72);
        assert_eq!(birthday(d(2000, 2, 29), 1), Some(d(2001, 3, 1)));
        assert_eq!(birthday(d(2000, 2, 29), 4), Some(d(2004, 2, 29)));
    }

    #[test]
    fn an_age_at_the_sentences_other_year() {
        // No document date needed: from 1797 to 1828 is 30 or 31 years.
        assert!(
            check_rule(
                ID,
                "The painter was born in 1797 and died in 1828, aged 31."
            )
            .is_empty()
        );
        let f = check_rule(
            ID,
            "The painter was born in 1797 and died in 1828, aged 41.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "someone born in 1797 was 30 or 31 in 1828, not 41"
        );
        let f = check_rule(
            ID,
            "Appointed in 1998 at the age of 37, he was born in 1951.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("46 or 47"), "{}", f[0].message);
        assert!(
            check_rule(
                ID,
                "Appointed in 1998 at the age of 47, he was born in 1951."
            )
            .is_empty()
        );
        // Full dates give one age and a fix: 14 May 1890 to 2 May 1950 is 59.
        let f = check_rule(
            ID,
            "She was born on 14 May 1890 and died on 2 May 1950, aged 60.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].suggestion.as_ref().map(|x| x.replacement.as_str()),
            Some("59")
        );
        // An age not tied to the other year is left to the present-age reading.
        assert!(
            check_rule(
                ID,
                "Born in 1952, she joined the bank in 1980 and is now 64."
            )
            .is_empty()
        );
    }

    #[test]
    fn an_age_when_something_happened_in_a_year() {
        // 1887 to 1920 is 32 or 33 years.
        assert!(
            check_rule(
                ID,
                "The engineer, born in 1887, was 33 when she opened her own works in 1920."
            )
            .is_empty()
        );
        let f = check_rule(
            ID,
            "The engineer, born in 1887, was just 23 when she opened her own works in 1920.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "someone born in 1887 was 32 or 33 in 1920, not 23"
        );
        // Without a birth year in the sentence, "was 23 when" is an age at another time.
        assert!(check_rule(ID, "She was 23 when she opened her own works in 1920.").is_empty());
    }

    #[test]
    fn a_birthplace_between_born_and_the_year() {
        // 1803 to 1869 is 65 or 66 years.
        assert!(
            check_rule(
                ID,
                "The composer, born in Grenoble in 1803, died in Paris in 1869 aged 65."
            )
            .is_empty()
        );
        let f = check_rule(
            ID,
            "The composer, born at Grenoble in 1803, died in Paris in 1869 aged 56.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "someone born in 1803 was 65 or 66 in 1869, not 56"
        );
    }
}
