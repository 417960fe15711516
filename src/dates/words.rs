//! The words the date and consistency rules read, from `rules/dates.toml` (embedded).

use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::sync::OnceLock;

/// The shipped word list.
pub const FILE: &str = include_str!("../../rules/dates.toml");

/// A calendar unit of a relative reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelUnit {
    Day,
    Week,
    Month,
    Year,
    /// The `days` days before the document's date ("the past week").
    Past,
}

/// Which part of the unit a reference keeps ("earlier this week").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelPart {
    Earlier,
    Later,
}

/// One relative phrase of `relative = [...]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelPhrase {
    pub phrase: String,
    pub unit: RelUnit,
    #[serde(default)]
    pub offset: i32,
    #[serde(default)]
    pub part: Option<RelPart>,
    #[serde(default)]
    pub days: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Slack {
    day: i64,
    week: i64,
    month: i64,
    year: i64,
    past: i64,
}

/// Everything in `rules/dates.toml`, phrase lists longest first so the longest match wins.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateWords {
    pub relative: Vec<RelPhrase>,
    slack: Slack,
    pub ago: Vec<String>,
    pub weekday_before: HashMap<String, [i64; 2]>,
    pub weekday_with_date: Vec<String>,
    pub dateline_words: Vec<String>,
    pub dating_links: Vec<String>,
    pub apposition: Vec<String>,
    pub birth: Vec<String>,
    pub age_after: Vec<String>,
    pub age_before: Vec<String>,
    pub age_elsewhere: Vec<String>,
    pub duration_glue: Vec<String>,
    pub since: Vec<String>,
    pub since_elsewhere: Vec<String>,
    pub since_other_year: Vec<String>,
    pub measure_links: Vec<String>,
    pub contrast: Vec<String>,
    pub contrast_sentence: Vec<String>,
    pub restated_elsewhere: Vec<String>,
    pub reporting: Vec<String>,
    pub filler: Vec<String>,
}

impl DateWords {
    /// Parses a dates word list.
    pub fn parse(text: &str) -> Result<DateWords, String> {
        let mut w: DateWords = toml::from_str(text).map_err(|e| e.to_string())?;
        let longest_first = |v: &mut Vec<String>| {
            v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            v.dedup();
        };
        w.relative
            .sort_by_key(|r| std::cmp::Reverse(r.phrase.len()));
        for v in [
            &mut w.ago,
            &mut w.weekday_with_date,
            &mut w.dateline_words,
            &mut w.dating_links,
            &mut w.apposition,
            &mut w.birth,
            &mut w.age_after,
            &mut w.age_before,
            &mut w.age_elsewhere,
            &mut w.duration_glue,
            &mut w.since,
            &mut w.since_elsewhere,
            &mut w.since_other_year,
            &mut w.measure_links,
            &mut w.contrast,
            &mut w.contrast_sentence,
            &mut w.restated_elsewhere,
            &mut w.reporting,
            &mut w.filler,
        ] {
            longest_first(v);
        }
        Ok(w)
    }

    /// The shipped list, parsed once.
    pub fn builtin() -> &'static DateWords {
        static WORDS: OnceLock<DateWords> = OnceLock::new();
        WORDS.get_or_init(|| DateWords::parse(FILE).expect("rules/dates.toml is checked by a test"))
    }

    /// Days of slack on both ends of a relative reference of this unit.
    pub fn slack(&self, unit: RelUnit) -> i64 {
        match unit {
            RelUnit::Day => self.slack.day,
            RelUnit::Week => self.slack.week,
            RelUnit::Month => self.slack.month,
            RelUnit::Year => self.slack.year,
            RelUnit::Past => self.slack.past,
        }
    }
}

/// Does the lower-case `text` contain `phrase` as whole words?
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let mut from = 0;
    while let Some(k) = text[from..].find(phrase) {
        let a = from + k;
        let b = a + phrase.len();
        let before_ok = !phrase.starts_with(is_word) || !text[..a].ends_with(is_word);
        let after_ok = !phrase.ends_with(is_word) || !text[b..].starts_with(is_word);
        if before_ok && after_ok {
            return true;
        }
        from = a + phrase.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Does the lower-case `text` contain any of `phrases` as whole words?
pub fn has_any(text: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| has_phrase(text, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_list_parses_and_is_lower_case() {
        let w = DateWords::parse(FILE).expect("rules/dates.toml parses");
        let lists = [
            &w.ago,
            &w.weekday_with_date,
            &w.dateline_words,
            &w.dating_links,
            &w.birth,
            &w.age_after,
            &w.age_before,
            &w.age_elsewhere,
            &w.duration_glue,
            &w.since,
            &w.since_elsewhere,
            &w.since_other_year,
            &w.measure_links,
            &w.contrast,
            &w.contrast_sentence,
            &w.restated_elsewhere,
            &w.reporting,
            &w.filler,
        ];
        for list in lists {
            assert!(!list.is_empty());
            for p in list.iter() {
                assert_eq!(p, &p.to_lowercase(), "{p}");
                assert_eq!(p.trim(), p, "{p:?}");
            }
        }
        for r in &w.relative {
            assert_eq!(r.phrase, r.phrase.to_lowercase());
            assert!((-1..=1).contains(&r.offset), "{}", r.phrase);
            assert_eq!(r.unit == RelUnit::Past, r.days > 0, "{}", r.phrase);
        }
        for (k, [a, b]) in &w.weekday_before {
            assert!(a <= b, "{k}");
            assert!(b - a >= 6, "{k}: a weekday comes round once a week");
        }
        assert!(w.slack(RelUnit::Year) > w.slack(RelUnit::Day));
        for k in &w.weekday_with_date {
            assert!(w.weekday_before.contains_key(k), "{k} needs a range");
        }
    }

    #[test]
    fn phrases_match_whole_words_only() {
        assert!(has_phrase("it was built in 1990", "built in"));
        assert!(!has_phrase("the rebuilt inn", "built in"));
        assert!(has_phrase("a year earlier, it", "a year earlier"));
        assert!(!has_phrase("the newest", "new"));
        assert!(has_phrase("new", "new"));
        assert!(has_phrase("(on", "(on"));
        assert!(!has_phrase("", "new"));
    }
}
