//! Relative references to time ("yesterday", "last week", "two weeks ago", "on Thursday") and
//! the days each may stand for, given the document's date.

use super::words::{DateWords, RelPart, RelUnit};
use super::{Date, Days};
use crate::extract::{Facts, Para, Span};
use crate::units::Dimension;

/// What a relative reference counts from the document's date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RelKind {
    /// "yesterday", "last week", "this month", "the past year" ("past year").
    Calendar {
        unit: RelUnit,
        offset: i32,
        part: Option<RelPart>,
        days: i64,
    },
    /// "two weeks ago": between `lo` and `hi` days back, give or take `slack`.
    Ago { lo: f64, hi: f64, slack: i64 },
    /// "on Thursday", "last Thursday": a `weekday` between `from` and `to` days away.
    Weekday { weekday: u8, from: i64, to: i64 },
}

/// A relative reference in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RelativeRef {
    pub span: Span,
    pub first_tok: usize,
    pub last_tok: usize,
    pub kind: RelKind,
}

impl RelativeRef {
    /// The days the reference stands for, before slack.
    pub fn core_days(&self, doc: Date) -> Days {
        let d = doc.days();
        match self.kind {
            RelKind::Calendar {
                unit,
                offset,
                part,
                days,
            } => {
                let off = i64::from(offset);
                let w = i64::from(doc.weekday());
                let mut r = match unit {
                    RelUnit::Day => Days::new(d + off, d + off),
                    // "last week": the calendar week before, or the seven days before.
                    RelUnit::Week => match offset {
                        -1 => Days::new(d - w - 7, d - 1),
                        0 => Days::new(d - w, d - w + 6),
                        _ => Days::new(d + 1, d - w + 13),
                    },
                    // "last month": the calendar month before, or the days since its start.
                    RelUnit::Month => {
                        let (y, m) = shift_month(doc.year, doc.month, offset);
                        let whole = Days::month(y, m).unwrap_or(Days::new(d, d));
                        match offset {
                            -1 => Days::new(whole.first, d - 1),
                            0 => whole,
                            _ => Days::new(d + 1, whole.last),
                        }
                    }
                    RelUnit::Year => Days::year(doc.year + offset).unwrap_or(Days::new(d, d)),
                    RelUnit::Past => Days::new(d - days, d),
                };
                match part {
                    Some(RelPart::Earlier) => r.last = r.last.min(d),
                    Some(RelPart::Later) => r.first = r.first.max(d),
                    None => {}
                }
                r
            }
            RelKind::Ago { lo, hi, .. } => Days::new(d - hi.ceil() as i64, d - lo.floor() as i64),
            RelKind::Weekday { from, to, .. } => Days::new(d + from, d + to),
        }
    }

    /// Days of slack on both ends: what the writer's rounding and the story's timing allow.
    pub fn slack(&self, words: &DateWords) -> i64 {
        match self.kind {
            RelKind::Calendar { unit, .. } => words.slack(unit),
            RelKind::Ago { slack, .. } => slack,
            RelKind::Weekday { .. } => 0,
        }
    }

    /// The days the reference may stand for, slack included.
    pub fn days(&self, doc: Date, words: &DateWords) -> Days {
        self.core_days(doc).widen(self.slack(words))
    }

    /// What the reference means on the document's date, for messages: "25 December 2023 to
    /// 4 January 2024", "a Thursday from 29 December 2023 to 12 January 2024".
    pub fn describe(&self, doc: Date) -> String {
        let core = self.core_days(doc).describe();
        match self.kind {
            RelKind::Weekday { weekday, .. } => {
                format!("a {} from {core}", super::weekday_name(weekday))
            }
            _ => core,
        }
    }

    /// For a weekday reference, the weekday (0 = Monday) the day must fall on.
    pub fn weekday(&self) -> Option<u8> {
        match self.kind {
            RelKind::Weekday { weekday, .. } => Some(weekday),
            _ => None,
        }
    }

    /// Can the reference and the explicit `days` name the same day? Days the gap, 0 if so.
    pub fn gap(&self, doc: Date, explicit: &Days, words: &DateWords) -> i64 {
        let r = self.days(doc, words);
        let g = r.gap(explicit);
        match (g, self.weekday()) {
            (0, Some(w)) => {
                let a = r.first.max(explicit.first);
                let b = r.last.min(explicit.last);
                if (a..=b).any(|x| Date::from_days(x).weekday() == w) {
                    0
                } else {
                    1
                }
            }
            _ => g,
        }
    }
}

fn shift_month(y: i32, m: u8, by: i32) -> (i32, u8) {
    let k = y * 12 + i32::from(m) - 1 + by;
    (k.div_euclid(12), (k.rem_euclid(12) + 1) as u8)
}

/// Is token `i` inside one of the paragraph's date mentions?
fn in_date(facts: &Facts, p: &Para, i: usize) -> bool {
    let s = p.start(i);
    facts
        .dates
        .iter()
        .any(|m| m.span.start <= s && s < m.span.end)
}

/// Every relative reference of a paragraph, in order.
pub fn find(p: &Para, facts: &Facts, words: &DateWords) -> Vec<RelativeRef> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.len() {
        if !p.is_word(i) {
            i += 1;
            continue;
        }
        let found = calendar_at(p, i, words)
            .or_else(|| weekday_at(p, i, words))
            .or_else(|| article_ago_at(p, i, words));
        match found {
            // A weekday inside a date is the date's ("Thursday, 4 January").
            Some(r) if !in_date(facts, p, i) => {
                i = r.last_tok + 1;
                out.push(r);
            }
            _ => i += 1,
        }
    }
    // "two weeks ago", "about three years ago": a duration counted back.
    let registry = &p.vocab.units.registry;
    for q in &facts.quantities {
        let k = q.last_tok + 1;
        if q.dimension != Dimension::Time || !words.ago.has_word(p.tl(k)) {
            continue;
        }
        let Some(u) = q.unit else { continue };
        let unit_days = registry.get(u).to_base(1.0) / 86_400.0;
        // Beyond ten thousand years, "ago" is geology, not a date.
        if unit_days.is_nan()
            || unit_days < 1.0
            || !q.interval.is_bounded()
            || q.interval.lo < 0.0
            || q.interval.hi * unit_days > 3_652_500.0
        {
            continue;
        }
        out.push(RelativeRef {
            span: Span::new(q.span.start, p.end(k)),
            first_tok: q.first_tok,
            last_tok: k,
            kind: RelKind::Ago {
                lo: q.interval.lo * unit_days,
                hi: q.interval.hi * unit_days,
                slack: ((unit_days / 2.0) as i64).max(1),
            },
        });
    }
    out.sort_by_key(|r| r.span.start);
    out
}

/// Strips a possessive "'s" ("Thursday's", "week’s").
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Like [`Para::match_phrase`], letting the last word carry a possessive ("last week's").
pub fn match_phrase_possessive(p: &Para, i: usize, phrase: &str) -> Option<usize> {
    if let Some(last) = p.match_phrase(i, phrase) {
        return Some(last);
    }
    let (head, tail) = match phrase.rsplit_once(' ') {
        Some((h, t)) => (Some(h), t),
        None => (None, phrase),
    };
    let last = match head {
        Some(h) => p.match_phrase(i, h)? + 1,
        None => i,
    };
    (p.is_word(last) && strip_possessive(p.tl(last)) == tail && p.tl(last) != tail).then_some(last)
}

fn calendar_at(p: &Para, i: usize, words: &DateWords) -> Option<RelativeRef> {
    let w = strip_possessive(p.tl(i));
    let bits = words.relative_initials[usize::from(*w.as_bytes().first()?)];
    if bits & super::words::length_bit(w.len()) == 0 {
        return None;
    }
    let candidates = words.relative_by_first.get(w)?;
    candidates.iter().find_map(|r| {
        let last = match_phrase_possessive(p, i, &r.phrase)?;
        Some(RelativeRef {
            span: Span::new(p.start(i), p.end(last)),
            first_tok: i,
            last_tok: last,
            kind: RelKind::Calendar {
                unit: r.unit,
                offset: r.offset,
                part: r.part,
                days: r.days,
            },
        })
    })
}

/// "on Thursday", "last Thursday", "Thursday's": a weekday written out in full, capitalised,
/// not part of a date ("Thursday, 4 January" is a date, for the weekday rule).
fn weekday_at(p: &Para, i: usize, words: &DateWords) -> Option<RelativeRef> {
    let w = strip_possessive(p.tl(i));
    if w.len() < 6 || !p.is_capitalized(i) {
        return None;
    }
    let weekday = *p.vocab.guards.weekdays.get(w)?;
    // The longest word before it that the list knows; none is fine too.
    let (first, range) = words
        .weekday_before
        .iter()
        .filter(|(k, _)| !k.is_empty())
        .filter_map(|(k, r)| Some((p.match_phrase_before(i, k)?, k.len(), *r)))
        .max_by_key(|(_, len, _)| *len)
        .map(|(f, _, r)| (f, r))
        .or_else(|| words.weekday_before.get("").map(|r| (i, *r)))?;
    Some(RelativeRef {
        span: Span::new(p.start(first), p.end(i)),
        first_tok: first,
        last_tok: i,
        kind: RelKind::Weekday {
            weekday,
            from: range[0],
            to: range[1],
        },
    })
}

/// "a week ago", "a year ago", "one month ago": no figure for the extractor to read.
fn article_ago_at(p: &Para, i: usize, words: &DateWords) -> Option<RelativeRef> {
    if !matches!(p.tl(i), "a" | "an" | "one") {
        return None;
    }
    let unit = p.tl(i + 1);
    if !words.ago.has_word(p.tl(i + 2)) {
        return None;
    }
    let registry = &p.vocab.units.registry;
    let id = registry.find_key(unit)?;
    let def = registry.get(id);
    if def.dimension != Dimension::Time {
        return None;
    }
    let unit_days = def.to_base(1.0) / 86_400.0;
    if unit_days < 1.0 {
        return None;
    }
    Some(RelativeRef {
        span: Span::new(p.start(i), p.end(i + 2)),
        first_tok: i,
        last_tok: i + 2,
        kind: RelKind::Ago {
            lo: unit_days,
            hi: unit_days,
            slack: ((unit_days / 2.0) as i64).max(1),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ExtractOptions, extract_facts};
    use crate::vocab::Vocabulary;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("valid")
    }

    fn refs(text: &str) -> Vec<(String, Days)> {
        let p = Para::new(text, Vocabulary::builtin());
        let facts = extract_facts(&p, &ExtractOptions::default());
        let w = DateWords::builtin();
        find(&p, &facts, w)
            .into_iter()
            .map(|r| {
                (
                    text[r.span.start..r.span.end].to_string(),
                    r.days(d(2024, 1, 5), w),
                )
            })
            .collect()
    }

    fn span(a: Date, b: Date) -> Days {
        Days::new(a.days(), b.days())
    }

    #[test]
    fn relative_references_and_their_days() {
        // 5 January 2024 was a Friday.
        let r = refs(
            "The images from last week were taken yesterday, and two weeks ago, a year ago, \
             last Thursday and on Thursday; earlier this month it rained.",
        );
        let texts: Vec<&str> = r.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "last week",
                "yesterday",
                "two weeks ago",
                "a year ago",
                "last Thursday",
                "on Thursday",
                "earlier this month"
            ]
        );
        // Last week: the calendar week of 25 December, or the seven days before, a day's slack.
        assert_eq!(r[0].1, span(d(2023, 12, 24), d(2024, 1, 5)));
        assert_eq!(r[1].1, span(d(2024, 1, 3), d(2024, 1, 5)));
        // Two weeks (1.5 to 2.5 weeks as written) ago, give or take half a week.
        assert_eq!(r[2].1, span(d(2023, 12, 15), d(2023, 12, 29)));
        assert!(r[3].1.meets(&Days::day(d(2023, 1, 5))));
        assert_eq!(r[4].1, span(d(2023, 12, 22), d(2024, 1, 4)));
        assert_eq!(r[6].1, span(d(2023, 12, 30), d(2024, 1, 7)));
    }

    #[test]
    fn weekday_references_must_fall_on_their_weekday() {
        let p = Para::new("It happened on Thursday.", Vocabulary::builtin());
        let facts = extract_facts(&p, &ExtractOptions::default());
        let w = DateWords::builtin();
        let r = find(&p, &facts, w)[0];
        let doc = d(2024, 1, 5);
        assert_eq!(r.gap(doc, &Days::day(d(2024, 1, 4)), w), 0);
        assert_ne!(r.gap(doc, &Days::day(d(2024, 1, 3)), w), 0);
        assert_ne!(r.gap(doc, &Days::day(d(2023, 10, 5)), w), 0);
    }

    #[test]
    fn dates_and_names_are_not_relative() {
        assert!(refs("On Thursday, 4 January 2024, it rained.").is_empty());
        assert!(refs("The Sun said so; the weekend was quiet.").is_empty());
        assert_eq!(refs("Thursday's attack").len(), 1);
        assert_eq!(refs("last week's attack")[0].0, "last week's");
    }

    #[test]
    fn months_shift_across_years() {
        assert_eq!(shift_month(2024, 1, -1), (2023, 12));
        assert_eq!(shift_month(2023, 12, 1), (2024, 1));
        assert_eq!(shift_month(2024, 5, 0), (2024, 5));
    }
}
