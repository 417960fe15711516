//! The words the date and consistency rules read, from `rules/dates.toml` (embedded).

use crate::extract::Para;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
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

/// A list of words and phrases, indexed so that a paragraph is read once whatever the length
/// of the list: single words by hash, phrases by their first and last tokens.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(from = "Vec<String>")]
pub struct Phrases {
    /// Longest first.
    pub all: Vec<String>,
    words: HashSet<String>,
    multi: Vec<String>,
    by_first: HashMap<String, Vec<String>>,
    by_last: HashMap<String, Vec<String>>,
}

/// The tokens of a phrase as the tokenizer cuts them: words (letters, digits, apostrophes)
/// and single punctuation marks ("b." is "b" and ".").
fn phrase_tokens(phrase: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in phrase.char_indices() {
        if word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(a) = start.take() {
            out.push(&phrase[a..i]);
        }
        if !c.is_whitespace() {
            out.push(&phrase[i..i + c.len_utf8()]);
        }
    }
    if let Some(a) = start {
        out.push(&phrase[a..]);
    }
    out
}

impl From<Vec<String>> for Phrases {
    fn from(mut all: Vec<String>) -> Phrases {
        all.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        all.dedup();
        let is_word = |p: &String| p.chars().all(word_char);
        let mut by_first: HashMap<String, Vec<String>> = HashMap::default();
        let mut by_last: HashMap<String, Vec<String>> = HashMap::default();
        for p in &all {
            let toks = phrase_tokens(p);
            if let (Some(f), Some(l)) = (toks.first(), toks.last()) {
                by_first.entry(f.to_string()).or_default().push(p.clone());
                by_last.entry(l.to_string()).or_default().push(p.clone());
            }
        }
        Phrases {
            words: all.iter().filter(|p| is_word(p)).cloned().collect(),
            multi: all.iter().filter(|p| !is_word(p)).cloned().collect(),
            by_first,
            by_last,
            all,
        }
    }
}

impl Phrases {
    /// Is `w` (lower case) one of the single words?
    pub fn has_word(&self, w: &str) -> bool {
        // A few words are compared faster than hashed.
        if self.words.len() <= 4 {
            return self.words.iter().any(|x| x == w);
        }
        self.words.contains(w)
    }

    /// Does the lower-case `text` hold any of them as whole words?
    pub fn in_text(&self, text: &str) -> bool {
        text.split(|c: char| !word_char(c))
            .any(|w| !w.is_empty() && self.words.contains(w))
            || self.multi.iter().any(|p| has_phrase(text, p))
    }

    /// The longest of them starting at token `i`, and its last token.
    pub fn at(&self, p: &Para, i: usize) -> Option<(&str, usize)> {
        self.by_first
            .get(p.tl(i))?
            .iter()
            .find_map(|ph| Some((ph.as_str(), p.match_phrase(i, ph)?)))
    }

    /// The longest of them ending just before token `t`, and its first token.
    pub fn before(&self, p: &Para, t: usize) -> Option<(&str, usize)> {
        let last = t.checked_sub(1)?;
        self.by_last
            .get(p.tl(last))?
            .iter()
            .find_map(|ph| Some((ph.as_str(), p.match_phrase_before(t, ph)?)))
    }
}

fn no_initials() -> [u32; 256] {
    [0; 256]
}

/// A bit for a word length (lengths past 31 share the last bit).
pub fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Everything in `rules/dates.toml`, phrase lists longest first so the longest match wins.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateWords {
    pub relative: Vec<RelPhrase>,
    /// `relative` by first word: only the phrases that can start at a word are tried there.
    #[serde(skip)]
    pub relative_by_first: HashMap<String, Vec<RelPhrase>>,
    /// The first bytes and lengths of those first words (a bit per length, by first byte):
    /// most words are passed over without a lookup.
    #[serde(skip, default = "no_initials")]
    pub relative_initials: [u32; 256],
    slack: Slack,
    pub ago: Phrases,
    pub weekday_before: HashMap<String, [i64; 2]>,
    pub anniversary: Phrases,
    pub anniversary_names: HashMap<String, i32>,
    pub weekday_with_date: Phrases,
    pub dateline_words: Phrases,
    pub dating_links: Phrases,
    pub apposition: Phrases,
    pub birth: Phrases,
    pub age_after: Phrases,
    pub age_before: Phrases,
    pub age_at_event: Phrases,
    pub age_elsewhere: Phrases,
    pub duration_glue: Phrases,
    pub since: Phrases,
    pub duration_later: Phrases,
    pub duration_having: Phrases,
    pub duration_lasting: Phrases,
    pub since_elsewhere: Phrases,
    pub since_other_year: Phrases,
    pub measure_links: Phrases,
    pub contrast: Phrases,
    pub contrast_sentence: Phrases,
    pub restated_elsewhere: Phrases,
    /// `contrast`, `contrast_sentence` and `restated_elsewhere` in one, read in one pass.
    #[serde(skip)]
    pub restated_skip: Phrases,
    pub reporting: Phrases,
    pub filler: Phrases,
}

impl DateWords {
    /// Parses a dates word list.
    pub fn parse(text: &str) -> Result<DateWords, String> {
        let mut w: DateWords = crate::units::vocab::parse_rules("rules/dates.toml", text)
            .map_err(|e| e.to_string())?;
        w.relative
            .sort_by_key(|r| std::cmp::Reverse(r.phrase.len()));
        w.restated_skip = Phrases::from(
            [&w.contrast, &w.contrast_sentence, &w.restated_elsewhere]
                .iter()
                .flat_map(|p| p.all.iter().cloned())
                .collect::<Vec<_>>(),
        );
        for r in &w.relative {
            let first = r.phrase.split(' ').next().unwrap_or("").to_string();
            if let Some(b) = first.bytes().next() {
                w.relative_initials[usize::from(b)] |= length_bit(first.len());
            }
            w.relative_by_first
                .entry(first)
                .or_default()
                .push(r.clone());
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
    let is_word = word_char;
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
            &w.apposition,
            &w.birth,
            &w.age_after,
            &w.age_before,
            &w.age_at_event,
            &w.age_elsewhere,
            &w.duration_glue,
            &w.since,
            &w.anniversary,
            &w.duration_later,
            &w.duration_having,
            &w.duration_lasting,
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
            assert!(!list.all.is_empty());
            for p in &list.all {
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
        for k in &w.weekday_with_date.all {
            assert!(w.weekday_before.contains_key(k), "{k} needs a range");
        }
    }

    #[test]
    fn phrase_sets_find_words_and_phrases() {
        let p = Phrases::from(vec!["new".to_string(), "at the time".to_string()]);
        assert!(p.in_text("the new bridge"));
        assert!(!p.in_text("the newest bridge"));
        assert!(p.in_text("at the time, it"));
        assert!(!p.in_text("at the timeline"));
        assert!(p.has_word("new"));
        assert!(!p.has_word("at the time"));
    }

    #[test]
    fn phrases_are_found_at_and_before_tokens() {
        let v = crate::vocab::Vocabulary::builtin();
        let p = Para::new("Smith (b. 1952) was born in Leeds; the 71-year-old", v);
        let births = Phrases::from(vec![
            "b.".to_string(),
            "born in".to_string(),
            "born".to_string(),
        ]);
        let t = p.tok_at(p.text.find("1952").expect("year"));
        assert_eq!(births.before(&p, t).map(|x| x.0), Some("b."));
        let t = p.tok_at(p.text.find("Leeds").expect("place"));
        assert_eq!(births.before(&p, t).map(|x| x.0), Some("born in"));
        let after = Phrases::from(vec!["-old".to_string(), "old".to_string()]);
        let t = p.tok_at(p.text.find("-old").expect("age"));
        assert_eq!(after.at(&p, t).map(|x| x.0), Some("-old"));
        assert_eq!(phrase_tokens("b. 1952-old"), ["b", ".", "1952", "-", "old"]);
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
