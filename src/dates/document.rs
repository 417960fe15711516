//! The document's date, which "yesterday", ages and "the five years since 2020" count from.
//!
//! In order: the metadata (front matter `date:`, HTML `<time datetime>` or
//! `article:published_time`), a dateline near the top ("Friday 05 January 2024 06:15 GMT",
//! "LONDON, Jan 5, 2024 (Reuters) -"), then `--date`. Without any of them the rules that need a
//! date stay silent: guessing today's date would turn every old story into a list of errors.

use super::Date;
use super::words::DateWords;
use crate::extract::{Facts, Para};
use rustc_hash::FxHashMap as HashMap;

/// Where the document's date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    Metadata,
    Dateline,
    /// `--date` (or the API's `date`).
    Option,
}

/// The date a document carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentDate {
    pub date: Date,
    pub source: DateSource,
}

impl DocumentDate {
    /// "the story is dated Friday 5 January 2024 (dateline)", for notes.
    pub fn describe(&self) -> String {
        let from = match self.source {
            DateSource::Metadata => "its metadata",
            DateSource::Dateline => "its dateline",
            DateSource::Option => "--date",
        };
        format!(
            "the document is dated {} {} (from {from})",
            super::weekday_name(self.date.weekday()),
            self.date
        )
    }
}

/// Reads a date as metadata and options write it: ISO ("2024-01-05T06:15:00Z"), "January 5,
/// 2024", "5 January 2024", "Fri, 05 Jan 2024 06:15:00 GMT". Quotes around it are fine.
pub fn parse_date_text(s: &str, months: &HashMap<String, u8>) -> Option<Date> {
    let s = s.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    if let Some(d) = Date::parse_iso(s) {
        return Some(d);
    }
    let (mut year, mut month, mut day) = (None, None, None);
    for part in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
    {
        let lower = part.to_lowercase();
        if let Some(m) = months.get(lower.as_str()) {
            if month.replace(*m).is_some() {
                return None;
            }
            continue;
        }
        let digits = part.trim_end_matches(|c: char| c.is_alphabetic());
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        // A time ("06:15:00") comes after the date: stop at it.
        if year.is_some() && month.is_some() && day.is_some() {
            break;
        }
        match digits.len() {
            4 if year.is_none() => year = digits.parse::<i32>().ok(),
            1 | 2 if day.is_none() => day = digits.parse::<u8>().ok(),
            _ => return None,
        }
    }
    Date::new(year?, month?, day?)
}

/// How many paragraphs from the top a dateline may be in.
const DATELINE_WINDOW: usize = 6;
/// A paragraph longer than this is body text; two of them end the search for a dateline.
const BODY_PARAGRAPH: usize = 200;

/// The date of a dateline paragraph: a short paragraph that is a full date and little else
/// ("Friday 05 January 2024 06:15 GMT", "Published 5 January 2024"), or an agency dateline
/// opening a paragraph ("LONDON, Jan 5, 2024 (Reuters) -"). A dateline without a year
/// ("LONDON, Jan 5 (Reuters) -") does not date the document: the rules would have to guess it.
pub fn dateline(p: &Para, facts: &Facts, words: &DateWords) -> Option<Date> {
    let full = |m: &crate::extract::DateMention| Date::new(m.year?, m.month?, m.day?);
    let text = p.text.trim();
    if text.len() <= 120
        && let Some(date) = facts.dates.iter().find_map(full)
    {
        // Everything but the dates and times must be dateline words or punctuation.
        let only_dateline = (0..p.len()).all(|i| {
            let s = p.start(i);
            let in_date = facts
                .dates
                .iter()
                .any(|m| m.span.start <= s && s < m.span.end);
            in_date || !(p.is_word(i) || p.is_digits(i)) || words.dateline_words.has_word(p.tl(i))
        });
        if only_dateline {
            return Some(date);
        }
    }
    agency_dateline(p, facts).and_then(|(m, _)| full(m))
}

/// Where an agency dateline opening the paragraph ends ("LONDON, Jan 5, 2024 (Reuters) -"),
/// as a byte offset: rules that count the dates of a sentence leave the dateline's out.
pub fn dateline_end(p: &Para, facts: &Facts) -> Option<usize> {
    agency_dateline(p, facts).map(|(_, end)| end)
}

/// "LONDON, Jan 5, 2024 (Reuters) -", "NEW YORK, 5 January 2024 —": a place in capitals, a
/// comma, a date, an optional agency in brackets and a dash, at the start of a paragraph.
fn agency_dateline<'f>(
    p: &Para,
    facts: &'f Facts,
) -> Option<(&'f crate::extract::DateMention, usize)> {
    let mut i = 0;
    let mut place_words = 0;
    while p.is_word(i) {
        let t = p.t(i);
        if t.len() > 1 && t.chars().all(|c| !c.is_lowercase()) {
            place_words += 1;
            i += 1;
        } else {
            break;
        }
    }
    if place_words == 0 || !p.is_punct(i, ",") {
        return None;
    }
    let date_start = p.start(i + 1);
    let m = facts.dates.iter().find(|m| m.span.start == date_start)?;
    m.month?;
    m.day?;
    let mut j = p.tok_at(m.span.end);
    if p.is_punct(j, "(") {
        while j < p.len() && !p.is_punct(j, ")") {
            j += 1;
        }
        j += 1;
    }
    if p.is_punct_any(j, &["-", "–", "—"]) {
        Some((m, p.end(j)))
    } else {
        None
    }
}

/// Follows a document's paragraphs until its date is settled.
#[derive(Debug, Clone)]
pub struct Tracker {
    settled: Option<Option<DocumentDate>>,
    fallback: Option<DocumentDate>,
    body_seen: usize,
}

impl Tracker {
    /// Starts with the metadata's date (which settles it at once) and `--date` (kept in case
    /// no dateline turns up).
    pub fn new(
        metadata: Option<&str>,
        option: Option<&str>,
        months: &HashMap<String, u8>,
    ) -> Tracker {
        let meta = metadata
            .and_then(|s| parse_date_text(s, months))
            .map(|date| DocumentDate {
                date,
                source: DateSource::Metadata,
            });
        let fallback = option
            .and_then(|s| parse_date_text(s, months))
            .map(|date| DocumentDate {
                date,
                source: DateSource::Option,
            });
        Tracker {
            settled: meta.map(Some),
            fallback,
            body_seen: 0,
        }
    }

    /// Reads paragraph `index`; true once the document's date is settled (found, or known to
    /// be absent).
    pub fn observe(&mut self, index: usize, p: &Para, facts: &Facts, words: &DateWords) -> bool {
        if self.settled.is_some() {
            return true;
        }
        if let Some(date) = dateline(p, facts, words) {
            self.settled = Some(Some(DocumentDate {
                date,
                source: DateSource::Dateline,
            }));
            return true;
        }
        if p.text.len() > BODY_PARAGRAPH {
            self.body_seen += 1;
        }
        if index + 1 >= DATELINE_WINDOW || self.body_seen >= 2 {
            self.settled = Some(self.fallback);
        }
        self.settled.is_some()
    }

    /// The settled date, if settled.
    pub fn settled(&self) -> Option<Option<DocumentDate>> {
        self.settled
    }

    /// Settles the date at the end of the document.
    pub fn finish(&mut self) -> Option<DocumentDate> {
        *self.settled.get_or_insert(self.fallback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{ExtractOptions, extract_facts};
    use crate::vocab::Vocabulary;

    fn months() -> &'static HashMap<String, u8> {
        &Vocabulary::builtin().guards.months
    }

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("valid")
    }

    fn dateline_of(text: &str) -> Option<Date> {
        let p = Para::new(text, Vocabulary::builtin());
        let facts = extract_facts(&p, &ExtractOptions::default());
        dateline(&p, &facts, DateWords::builtin())
    }

    #[test]
    fn metadata_dates_in_the_forms_sites_write() {
        let m = months();
        for s in [
            "2024-01-05",
            "\"2024-01-05\"",
            "2024-01-05T06:15:00+00:00",
            "January 5, 2024",
            "5 January 2024",
            "Fri, 05 Jan 2024 06:15:00 GMT",
            "Jan 5th, 2024",
        ] {
            assert_eq!(parse_date_text(s, m), Some(d(2024, 1, 5)), "{s}");
        }
        for s in [
            "",
            "soon",
            "January 2024",
            "2024",
            "5/1/2024",
            "31 February 2024",
        ] {
            assert_eq!(parse_date_text(s, m), None, "{s}");
        }
    }

    #[test]
    fn datelines_are_found() {
        assert_eq!(
            dateline_of("Friday 05 January 2024 06:15 GMT"),
            Some(d(2024, 1, 5))
        );
        assert_eq!(
            dateline_of("Published 5 January 2024, updated 6 January 2024"),
            Some(d(2024, 1, 5))
        );
        assert_eq!(
            dateline_of(
                "LONDON, Jan. 5, 2024 (Reuters) - The port reopened on Friday after a week of strikes."
            ),
            Some(d(2024, 1, 5))
        );
        assert_eq!(
            dateline_of("NEW YORK, 5 January 2024 — Shares fell."),
            Some(d(2024, 1, 5))
        );
    }

    #[test]
    fn prose_with_a_date_is_not_a_dateline() {
        assert_eq!(
            dateline_of("Officials said on Friday 05 January 2024 that it rained."),
            None
        );
        assert_eq!(dateline_of("LONDON, Jan 5 (Reuters) - No year here."), None);
        assert_eq!(
            dateline_of("London, Jan. 5, 2024 was cold - everyone said so."),
            None
        );
        assert_eq!(dateline_of("By a staff reporter"), None);
        let text = "LONDON, Jan. 5, 2024 (Reuters) - The port reopened.";
        let p = Para::new(text, Vocabulary::builtin());
        let facts = extract_facts(&p, &ExtractOptions::default());
        assert_eq!(dateline_end(&p, &facts), text.find(" The"));
    }

    #[test]
    fn metadata_wins_then_dateline_then_option() {
        let w = DateWords::builtin();
        let v = Vocabulary::builtin();
        let p = Para::new("Friday 05 January 2024", v);
        let f = extract_facts(&p, &ExtractOptions::default());

        let mut t = Tracker::new(Some("2024-02-01"), Some("2024-03-01"), months());
        assert!(t.observe(0, &p, &f, w));
        assert_eq!(t.finish().map(|x| x.date), Some(d(2024, 2, 1)));

        let mut t = Tracker::new(None, Some("2024-03-01"), months());
        assert!(t.observe(0, &p, &f, w));
        assert_eq!(t.finish().map(|x| x.source), Some(DateSource::Dateline));

        let body = "x ".repeat(150);
        let q = Para::new(&body, v);
        let g = extract_facts(&q, &ExtractOptions::default());
        let mut t = Tracker::new(None, Some("2024-03-01"), months());
        assert!(!t.observe(0, &q, &g, w));
        assert!(t.observe(1, &q, &g, w));
        assert_eq!(
            t.settled(),
            Some(Some(DocumentDate {
                date: d(2024, 3, 1),
                source: DateSource::Option
            }))
        );

        let mut t = Tracker::new(None, Some("not a date"), months());
        assert_eq!(t.finish(), None);
    }
}
