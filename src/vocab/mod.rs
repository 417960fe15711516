//! Vocabulary: every word list numlint reads, loaded from `rules/*.toml`.
//!
//! The files are embedded in the binary (so a fresh build needs nothing else) and can be extended
//! at run time with extra files named in `numlint.toml` (`[vocabulary]`). Code never holds a word
//! list of its own: if a word decides something, it is here.

pub mod classes;
mod hedges;
mod numbers;

pub use hedges::{HedgeKind, HedgeWidths, Hedges};
pub use numbers::NumberWords;

use crate::units::{UnitVocabulary, VocabError};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::sync::OnceLock;

/// The default rules files, as shipped in `rules/`.
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    (
        "rules/numbers.toml",
        include_str!("../../rules/numbers.toml"),
    ),
    ("rules/hedges.toml", include_str!("../../rules/hedges.toml")),
    ("rules/units.toml", include_str!("../../rules/units.toml")),
    (
        "rules/currencies.toml",
        include_str!("../../rules/currencies.toml"),
    ),
    ("rules/guards.toml", include_str!("../../rules/guards.toml")),
    (
        "rules/sentences.toml",
        include_str!("../../rules/sentences.toml"),
    ),
    ("rules/nouns.toml", include_str!("../../rules/nouns.toml")),
    (
        "rules/comparisons.toml",
        include_str!("../../rules/comparisons.toml"),
    ),
];

/// The JSON twins of the shipped rules files, written by `build.rs`, each with the TOML text
/// it was made from.
const EMBEDDED_JSON: &[(&str, &str)] = &[
    (
        DEFAULT_FILES[0].1,
        include_str!(concat!(env!("OUT_DIR"), "/numbers.json")),
    ),
    (
        DEFAULT_FILES[1].1,
        include_str!(concat!(env!("OUT_DIR"), "/hedges.json")),
    ),
    (
        DEFAULT_FILES[2].1,
        include_str!(concat!(env!("OUT_DIR"), "/units.json")),
    ),
    (
        DEFAULT_FILES[3].1,
        include_str!(concat!(env!("OUT_DIR"), "/currencies.json")),
    ),
    (
        DEFAULT_FILES[4].1,
        include_str!(concat!(env!("OUT_DIR"), "/guards.json")),
    ),
    (
        DEFAULT_FILES[5].1,
        include_str!(concat!(env!("OUT_DIR"), "/sentences.json")),
    ),
    (
        DEFAULT_FILES[6].1,
        include_str!(concat!(env!("OUT_DIR"), "/nouns.json")),
    ),
    (
        DEFAULT_FILES[7].1,
        include_str!(concat!(env!("OUT_DIR"), "/comparisons.json")),
    ),
    (
        crate::dates::words::FILE,
        include_str!(concat!(env!("OUT_DIR"), "/dates.json")),
    ),
];

/// The JSON twin of `text` when `text` is one of the shipped files (compared by content: a
/// copy of a shipped file reads the same either way, and comparing costs microseconds).
pub fn embedded_json(text: &str) -> Option<&'static str> {
    EMBEDDED_JSON
        .iter()
        .find(|(toml, _)| *toml == text)
        .map(|&(_, json)| json)
}

/// Which vocabulary a rules file extends, from its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VocabKind {
    Numbers,
    Hedges,
    Units,
    Currencies,
    Guards,
    Sentences,
    Nouns,
    Comparisons,
}

impl VocabKind {
    /// `units.toml`, `my-units.toml` and `units.extra.toml` all extend the units vocabulary.
    pub fn from_file_name(name: &str) -> Option<VocabKind> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let kinds = [
            ("currencies", VocabKind::Currencies),
            ("numbers", VocabKind::Numbers),
            ("hedges", VocabKind::Hedges),
            ("units", VocabKind::Units),
            ("guards", VocabKind::Guards),
            ("sentences", VocabKind::Sentences),
            ("nouns", VocabKind::Nouns),
            ("comparisons", VocabKind::Comparisons),
        ];
        kinds
            .iter()
            .find(|(k, _)| base.contains(k))
            .map(|(_, v)| *v)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGuards {
    #[serde(default)]
    months: Vec<Vec<String>>,
    #[serde(default)]
    weekdays: Vec<Vec<String>>,
    #[serde(default)]
    time_words: Vec<String>,
    #[serde(default)]
    labels: Vec<String>,
    #[serde(default)]
    ordinal_suffixes: Vec<String>,
}

/// Words that mark a figure as a date, time, label or ordinal.
#[derive(Debug, Clone, Default)]
pub struct Guards {
    /// Lower-case month word -> month number (1-12).
    pub months: HashMap<String, u8>,
    /// Lower-case weekday word -> 0 (Monday) .. 6 (Sunday).
    pub weekdays: HashMap<String, u8>,
    pub time_words: HashSet<String>,
    pub labels: HashSet<String>,
    pub ordinal_suffixes: HashSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSentences {
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    sentence_final_ok: Vec<String>,
}

/// Abbreviations the sentence splitter must not break after.
#[derive(Debug, Clone, Default)]
pub struct SentenceWords {
    pub abbreviations: HashSet<String>,
    pub sentence_final_ok: HashSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNouns {
    #[serde(default)]
    not_nouns: Vec<String>,
    #[serde(default)]
    irregular: HashMap<String, String>,
    #[serde(default)]
    people: Vec<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

/// What can and cannot be a counted noun, and irregular plurals.
#[derive(Debug, Clone, Default)]
pub struct NounWords {
    pub not_nouns: HashSet<String>,
    pub irregular: HashMap<String, String>,
    /// Nouns naming a person, after which ", 34," is an age ("The woman, 82, died").
    pub people: HashSet<String>,
    /// Words read past between a figure and its noun, though no noun themselves ("270 new
    /// homes", "300 extra staff").
    pub modifiers: HashSet<String>,
}

/// Everything numlint knows about words.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub numbers: NumberWords,
    pub hedges: Hedges,
    pub units: UnitVocabulary,
    pub guards: Guards,
    pub sentences: SentenceWords,
    pub nouns: NounWords,
    pub comparisons: crate::claims::ComparisonWords,
    /// Every known word with its classes, for one lookup per word while reading.
    pub classes: classes::WordClasses,
}

impl Vocabulary {
    fn build_classes(&self) -> classes::WordClasses {
        use classes::*;
        let mut c = WordClasses::default();
        let keys = |m: &HashMap<String, f64>| m.keys().cloned().collect::<Vec<_>>();
        let n = &self.numbers;
        c.add(n.first_words.iter().map(String::as_str), NUMBER_START);
        c.add(keys(&n.multipliers).iter().map(String::as_str), MULTIPLIER);
        c.add(
            self.units.unit_first_tokens.iter().map(String::as_str),
            UNIT_START,
        );
        c.add(
            self.units.currency_first_tokens.iter().map(String::as_str),
            CURRENCY_START,
        );
        c.add(
            self.hedges.before_by_last_word.keys().map(String::as_str),
            HEDGE_END,
        );
        c.add(
            self.hedges.after_by_first_word.keys().map(String::as_str),
            HEDGE_AFTER_START,
        );
        c.add(self.comparisons.up.iter().map(String::as_str), CHANGE_UP);
        c.add(
            self.comparisons.down.iter().map(String::as_str),
            CHANGE_DOWN,
        );
        c.add(self.guards.months.keys().map(String::as_str), MONTH);
        c.add(self.guards.weekdays.keys().map(String::as_str), WEEKDAY);
        c.add(self.nouns.not_nouns.iter().map(String::as_str), NOT_NOUN);
        c
    }

    /// The embedded defaults. Built once per process.
    pub fn builtin() -> &'static Vocabulary {
        static V: OnceLock<Vocabulary> = OnceLock::new();
        V.get_or_init(|| {
            Vocabulary::load(&[]).expect("the embedded rules files are checked by the test suite")
        })
    }

    /// The defaults extended by `extra` files, each `(file name, text)`; the file name says
    /// which vocabulary it extends (see [`VocabKind::from_file_name`]).
    pub fn load(extra: &[(&str, &str)]) -> Result<Vocabulary, VocabError> {
        let mut by_kind: HashMap<u8, Vec<(&str, &str)>> = HashMap::default();
        for (name, text) in DEFAULT_FILES.iter().copied().chain(extra.iter().copied()) {
            let kind = VocabKind::from_file_name(name).ok_or_else(|| VocabError {
                file: name.to_string(),
                line: None,
                message: "cannot tell which vocabulary this file extends: its name must contain \
                          numbers, hedges, units, currencies, guards, sentences, nouns or comparisons"
                    .into(),
            })?;
            by_kind.entry(kind as u8).or_default().push((name, text));
        }
        let files = |k: VocabKind| by_kind.get(&(k as u8)).cloned().unwrap_or_default();

        let mut numbers = NumberWords::default();
        for (name, text) in files(VocabKind::Numbers) {
            numbers.extend(name, text)?;
        }
        let mut hedges = Hedges::default();
        for (name, text) in files(VocabKind::Hedges) {
            hedges.extend(name, text)?;
        }
        let units = UnitVocabulary::load(&files(VocabKind::Units), &files(VocabKind::Currencies))?;
        let mut guards = Guards::default();
        for (name, text) in files(VocabKind::Guards) {
            let raw: RawGuards = crate::units::vocab::parse_rules(name, text)?;
            for (i, words) in raw.months.iter().enumerate() {
                for w in words {
                    guards.months.insert(w.to_lowercase(), (i + 1) as u8);
                }
            }
            for (i, words) in raw.weekdays.iter().enumerate() {
                for w in words {
                    guards.weekdays.insert(w.to_lowercase(), i as u8);
                }
            }
            guards
                .time_words
                .extend(raw.time_words.iter().map(|w| w.to_lowercase()));
            guards
                .labels
                .extend(raw.labels.iter().map(|w| w.to_lowercase()));
            guards.ordinal_suffixes.extend(raw.ordinal_suffixes);
        }
        let mut sentences = SentenceWords::default();
        for (name, text) in files(VocabKind::Sentences) {
            let raw: RawSentences = crate::units::vocab::parse_rules(name, text)?;
            sentences
                .abbreviations
                .extend(raw.abbreviations.iter().map(|w| w.to_lowercase()));
            sentences
                .sentence_final_ok
                .extend(raw.sentence_final_ok.iter().map(|w| w.to_lowercase()));
        }
        let mut nouns = NounWords::default();
        for (name, text) in files(VocabKind::Nouns) {
            let raw: RawNouns = crate::units::vocab::parse_rules(name, text)?;
            nouns
                .not_nouns
                .extend(raw.not_nouns.iter().map(|w| w.to_lowercase()));
            nouns.irregular.extend(raw.irregular);
            nouns
                .people
                .extend(raw.people.iter().map(|w| w.to_lowercase()));
            nouns
                .modifiers
                .extend(raw.modifiers.iter().map(|w| w.to_lowercase()));
        }
        let mut comparisons = crate::claims::ComparisonWords::default();
        for (name, text) in files(VocabKind::Comparisons) {
            comparisons.extend(name, text)?;
        }
        let mut v = Vocabulary {
            numbers,
            hedges,
            units,
            guards,
            sentences,
            nouns,
            comparisons,
            classes: classes::WordClasses::default(),
        };
        v.classes = v.build_classes();
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shipped rules file has a JSON twin, and the twin holds the same values as the TOML.
    #[test]
    fn json_twins_hold_the_toml_values() {
        for (name, text) in DEFAULT_FILES
            .iter()
            .copied()
            .chain([("rules/dates.toml", crate::dates::words::FILE)])
        {
            let json = embedded_json(text).unwrap_or_else(|| panic!("{name} has no JSON twin"));
            let from_toml: toml::Value = toml::from_str(text).unwrap();
            let from_json: toml::Value = serde_json::from_str(json).unwrap();
            assert_eq!(from_toml, from_json, "{name}");
        }
        // A user's file is not a shipped one, so it is parsed as TOML (errors with lines).
        assert!(embedded_json("[widths]\nabout = 0.1\n").is_none());
    }
}
