//! `weekday-mismatch`: a weekday that does not fall on the date beside it.

use super::Deferred;
use crate::checks::{DocInfo, DocParagraph, DocumentCheck, DocumentState, RuleInfo};
use crate::config::Config;
use crate::dates::document::DocumentDate;
use crate::dates::{Date, nearest_year, weekday_name};
use crate::declare_rule;
use crate::diagnostic::{Expected, Finding, Fix, Severity};
use crate::extract::Span;

declare_rule! {
    /// ## What it does
    /// Works out the weekday of every date written with one ("Friday 5 January 2024", "on
    /// Thursday, 4 January") and reports those where the two disagree. A date without a year
    /// takes the year that puts it nearest the document's date (from its metadata, a dateline
    /// or `--date`); without a document date such dates are left alone.
    ///
    /// ## Why
    /// A wrong weekday is the commonest date slip in news copy (a story updated on another day,
    /// a date retyped from memory), and readers notice it at once. It also casts doubt on the
    /// date: the note names the nearest day that has the weekday written, since numlint cannot
    /// tell which of the two is wrong.
    ///
    /// ## Example
    /// ```text
    /// The talks ended on Tuesday 5 January 2024.
    /// ```
    /// 5 January 2024 is a Friday, not a Tuesday; the nearest Tuesday is 2 January 2024.
    /// Severity: error when the year is written, or inferred for a date within two months of
    /// the document's date; warning when the year had to be inferred for a date further off,
    /// or when another year within a year of the document's date would make the weekday
    /// right.
    ///
    /// ## Options
    /// `--date YYYY-MM-DD` dates documents that carry no date of their own.
    pub struct WeekdayMismatch {
        id: "weekday-mismatch",
        family: "date",
        severity: Error,
        enabled: true,
        summary: "A weekday does not fall on the date written beside it",
    }
}

/// Dates within this many days of the document's date are sure of their inferred year.
const NEAR_DAYS: i64 = 61;

impl DocumentCheck for WeekdayMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn begin(&self, doc: &DocInfo, config: &Config) -> Box<dyn DocumentState> {
        Box::new(State {
            deferred: Deferred::new(doc, config),
        })
    }
}

/// A weekday written with its date, copied out of the paragraph.
#[derive(Debug, Clone)]
struct Stated {
    span: Span,
    weekday_span: Span,
    weekday_text: String,
    weekday: u8,
    year: Option<i32>,
    month: u8,
    day: u8,
}

struct State {
    deferred: Deferred<Stated>,
}

impl DocumentState for State {
    fn paragraph(&mut self, para: &DocParagraph, out: &mut Vec<Finding>) {
        let p = para.para;
        let mut now = Vec::new();
        let mut later = Vec::new();
        for m in &para.facts.dates {
            let (Some(weekday), Some(month), Some(day)) = (m.weekday, m.month, m.day) else {
                continue;
            };
            // The weekday is the mention's first token.
            let t = p.tok_at(m.span.start);
            let s = Stated {
                span: para.to_source(m.span),
                weekday_span: para.to_source(Span::new(p.start(t), p.end(t))),
                weekday_text: p.t(t).to_string(),
                weekday,
                year: m.year,
                month,
                day,
            };
            // A full date needs no document date: check it now.
            if s.year.is_some() {
                now.push(s);
            } else {
                later.push(s);
            }
        }
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

fn check(s: &Stated, doc: Option<DocumentDate>, out: &mut Vec<Finding>) {
    let (date, inferred) = match s.year {
        Some(y) => match Date::new(y, s.month, s.day) {
            Some(d) => (d, None),
            None => return,
        },
        None => {
            let Some(doc) = doc else { return };
            match nearest_year(s.month, s.day, doc.date) {
                Some(d) => (d, Some(doc)),
                None => return,
            }
        }
    };
    let actual = date.weekday();
    if actual == s.weekday {
        return;
    }
    let mut severity = Severity::Error;
    let mut notes = Vec::new();
    // The nearest day with the weekday written: perhaps the date that was meant.
    let shift = (i64::from(s.weekday) - i64::from(actual) + 7).rem_euclid(7);
    let shift = if shift > 3 { shift - 7 } else { shift };
    notes.push(format!(
        "the nearest {} is {}",
        weekday_name(s.weekday),
        date.add_days(shift)
    ));
    if let Some(doc) = inferred {
        notes.push(format!(
            "no year is written: taken as {}, nearest the document's date; {}",
            date.year,
            doc.describe()
        ));
        if (date.days() - doc.date.days()).abs() > NEAR_DAYS {
            severity = Severity::Warning;
        }
        for y in [date.year - 1, date.year + 1] {
            if let Some(other) = Date::new(y, s.month, s.day)
                && other.weekday() == s.weekday
                && (other.days() - doc.date.days()).abs() <= 366
            {
                severity = Severity::Warning;
                notes.push(format!(
                    "{other} was a {}: is the year {y}?",
                    weekday_name(s.weekday)
                ));
            }
        }
    }
    let right = weekday_name(actual);
    let shown = if inferred.is_some() {
        format!("{date}")
    } else {
        format!(
            "{} {} {}",
            s.day,
            crate::dates::month_name(s.month),
            date.year
        )
    };
    let mut f = Finding::new(
        WeekdayMismatch::INFO.id,
        severity,
        s.span,
        format!("{shown} is a {right}, not a {}", weekday_name(s.weekday)),
    );
    f.expected = Some(Expected {
        text: right.to_string(),
        value: f64::from(actual),
        unit: Some("weekday (0 = Monday)".into()),
    });
    f.suggestion = Some(Fix {
        span: s.weekday_span,
        replacement: same_style(&s.weekday_text, right),
        safe: false,
    });
    f.notes = notes;
    out.push(f);
}

/// The weekday `name` written the way `written` was: "Fri" for "Tue", "FRIDAY" for "TUESDAY".
fn same_style(written: &str, name: &str) -> String {
    let short = written.chars().count() <= 4;
    let s: String = if short {
        name.chars().take(3).collect()
    } else {
        name.to_string()
    };
    if written.len() > 1 && written.chars().all(|c| !c.is_lowercase()) {
        s.to_uppercase()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::check_rule;
    use crate::config::Config;
    use crate::pipeline::check_source;
    use crate::source::InputFormat;

    const ID: &str = "weekday-mismatch";

    fn dated(text: &str, date: &str) -> Vec<Finding> {
        let mut config = Config::default();
        config.rules.select = Some(vec![ID.into()]);
        config.date = Some(date.into());
        check_source(text, InputFormat::Text, &config)
            .expect("checks")
            .findings
    }

    #[test]
    fn a_right_weekday_holds() {
        assert!(check_rule(ID, "The ceasefire began on Friday 5 January 2024.").is_empty());
        assert!(check_rule(ID, "Polls close on Thursday, July 4, 2024, at 10pm.").is_empty());
    }

    #[test]
    fn a_wrong_weekday_is_an_error_with_the_fix() {
        let f = check_rule(ID, "The ceasefire began on Tuesday 5 January 2024.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[0].message, "5 January 2024 is a Friday, not a Tuesday");
        assert!(f[0].notes[0].contains("the nearest Tuesday is 2 January 2024"));
        let fix = f[0].suggestion.as_ref().expect("fix");
        assert_eq!(fix.replacement, "Friday");
        assert!(!fix.safe);
    }

    #[test]
    fn yearless_dates_need_the_document_date() {
        let text = "Talks resumed on Wednesday, 4 January.";
        assert!(check_rule(ID, text).is_empty());
        let f = dated(text, "2024-01-05");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "4 January 2024 is a Thursday, not a Wednesday"
        );
        // 4 January 2023 was a Wednesday: the year may be what is wrong.
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(dated("Talks resumed on Thursday, 4 January.", "2024-01-05").is_empty());
        // Late December in an early January story is last year's.
        assert!(dated("It snowed on Thursday, 28 December.", "2024-01-05").is_empty());
        // 2 March 2025 is a Sunday, but more than a year off: the year is not in doubt.
        let f = dated("The sides meet again on Sunday, 2 March.", "2024-01-14");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
    }

    #[test]
    fn abbreviations_keep_their_style() {
        assert_eq!(same_style("Tue", "Friday"), "Fri");
        assert_eq!(same_style("TUESDAY", "Friday"), "FRIDAY");
        assert_eq!(same_style("Tuesday", "Friday"), "Friday");
    }

    #[test]
    fn impossible_dates_are_not_this_rules_business() {
        assert!(check_rule(ID, "On Friday 30 February 2024 nothing happened.").is_empty());
    }
}
