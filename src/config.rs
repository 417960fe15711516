//! Settings for a run: locale, rule selection, severities, house style and vocabulary.
//!
//! The command line and `numlint.toml` both fill a [`Config`]; the library takes one.

use crate::diagnostic::Severity;
use crate::extract::Locale;
use crate::vocab::Vocabulary;
use std::collections::HashMap;
use std::sync::Arc;

/// Which rules run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleSelection {
    /// Rules (or rule families) to run; `None` runs the rules on by default.
    pub select: Option<Vec<String>>,
    /// Rules added to the default set (house-style rules are off by default).
    pub extend_select: Vec<String>,
    /// Rules never to run.
    pub ignore: Vec<String>,
}

/// House-style options for the conversion rules.
#[derive(Debug, Clone, PartialEq)]
pub struct HouseStyle {
    /// The system whose figures come first: "metric" (default) or "imperial".
    pub primary_system: String,
    /// Dimensions the missing-conversion rule looks at.
    pub conversion_dimensions: Vec<String>,
}

impl Default for HouseStyle {
    fn default() -> Self {
        HouseStyle {
            primary_system: "metric".into(),
            conversion_dimensions: vec![
                "length".into(),
                "mass".into(),
                "area".into(),
                "volume".into(),
                "speed".into(),
                "temperature".into(),
            ],
        }
    }
}

/// Everything a run needs to know.
#[derive(Debug, Clone)]
pub struct Config {
    pub locale: Locale,
    pub rules: RuleSelection,
    /// Findings at or above this severity make the exit code 1.
    pub fail_on: Severity,
    /// `fail-on = "never"`: findings never make the exit code 1 (errors reading input still do).
    pub never_fail: bool,
    /// Per-rule severity overrides.
    pub severities: HashMap<String, Severity>,
    pub house_style: HouseStyle,
    /// The document's date when the document does not give one (`--date`).
    pub date: Option<String>,
    /// Describe the claims that hold, not only those that fail. On by default for library
    /// callers; the command line turns it off unless `--show-passed` or a format that shows
    /// them asks, since the descriptions cost more than the checks.
    pub show_passed: bool,
    vocab: Option<Arc<Vocabulary>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            locale: Locale::Unknown,
            rules: RuleSelection::default(),
            fail_on: Severity::Error,
            never_fail: false,
            severities: HashMap::new(),
            house_style: HouseStyle::default(),
            date: None,
            show_passed: true,
            vocab: None,
        }
    }
}

impl Config {
    /// The vocabulary: the built-in one unless extra files were loaded.
    pub fn vocab(&self) -> &Vocabulary {
        match &self.vocab {
            Some(v) => v,
            None => Vocabulary::builtin(),
        }
    }

    pub fn set_vocab(&mut self, v: Vocabulary) {
        self.vocab = Some(Arc::new(v));
    }
}
