//! Number words, scale words, fractions and vague quantities (`rules/numbers.toml`).

use crate::units::VocabError;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNumbers {
    #[serde(default)]
    cardinals: HashMap<String, f64>,
    #[serde(default)]
    tens: HashMap<String, f64>,
    #[serde(default)]
    scales: HashMap<String, f64>,
    #[serde(default)]
    scale_abbreviations: HashMap<String, f64>,
    #[serde(default)]
    currency_scale_letters: HashMap<String, f64>,
    #[serde(default)]
    counting_words: HashMap<String, f64>,
    #[serde(default)]
    fractions: HashMap<String, f64>,
    #[serde(default)]
    fraction_glyphs: HashMap<String, f64>,
    #[serde(default)]
    phrases: HashMap<String, f64>,
    #[serde(default)]
    vague: HashMap<String, RawVague>,
    #[serde(default)]
    multipliers: HashMap<String, f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVague {
    low: f64,
    high: f64,
}

/// The number vocabulary, keyed by lower-case word (symbols and glyphs as written).
#[derive(Debug, Clone, Default)]
pub struct NumberWords {
    pub cardinals: HashMap<String, f64>,
    pub tens: HashMap<String, f64>,
    pub scales: HashMap<String, f64>,
    pub scale_abbreviations: HashMap<String, f64>,
    pub currency_scale_letters: HashMap<String, f64>,
    pub counting_words: HashMap<String, f64>,
    pub fractions: HashMap<String, f64>,
    pub fraction_glyphs: HashMap<char, f64>,
    /// Multi-word phrases ("a couple of"), longest first.
    pub phrases: Vec<(String, f64)>,
    /// Vague phrases ("tens of thousands"), longest first, with their bounds.
    pub vague: Vec<(String, f64, f64)>,
    pub multipliers: HashMap<String, f64>,
    /// Every word that can start a number written in words: a word not in here is not one.
    pub first_words: HashSet<String>,
}

impl NumberWords {
    pub fn extend(&mut self, file: &str, text: &str) -> Result<(), VocabError> {
        let raw: RawNumbers = crate::units::vocab::parse_rules(file, text)?;
        let lower = |m: HashMap<String, f64>| {
            m.into_iter()
                .map(|(k, v)| (k.to_lowercase(), v))
                .collect::<Vec<_>>()
        };
        self.cardinals.extend(lower(raw.cardinals));
        self.tens.extend(lower(raw.tens));
        self.scales.extend(lower(raw.scales));
        self.scale_abbreviations
            .extend(lower(raw.scale_abbreviations));
        self.currency_scale_letters
            .extend(raw.currency_scale_letters);
        self.counting_words.extend(lower(raw.counting_words));
        self.fractions.extend(lower(raw.fractions));
        self.multipliers.extend(lower(raw.multipliers));
        for (k, v) in raw.fraction_glyphs {
            let mut chars = k.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => {
                    self.fraction_glyphs.insert(c, v);
                }
                _ => {
                    return Err(VocabError::at(
                        file,
                        text,
                        &k,
                        format!("fraction glyph `{k}` must be one character"),
                    ));
                }
            }
        }
        for (k, v) in raw.phrases {
            self.phrases.push((k.to_lowercase(), v));
        }
        for (k, v) in raw.vague {
            if v.low > v.high {
                return Err(VocabError::at(
                    file,
                    text,
                    &k,
                    format!("vague quantity `{k}` has low > high"),
                ));
            }
            self.vague.push((k.to_lowercase(), v.low, v.high));
        }
        self.phrases
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let first = |p: &str| {
            p.split(|c: char| !c.is_alphanumeric() && c != '\'')
                .next()
                .unwrap_or("")
                .to_string()
        };
        self.first_words = self
            .cardinals
            .keys()
            .chain(self.tens.keys())
            .chain(self.fractions.keys())
            .cloned()
            .chain(self.phrases.iter().map(|(p, _)| first(p)))
            .chain(self.vague.iter().map(|(p, _, _)| first(p)))
            .chain(["a", "an"].map(String::from))
            .collect();
        self.vague
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Ok(())
    }

    /// The value of a simple number word ("seven", "forty"), if it is one.
    pub fn simple(&self, w: &str) -> Option<f64> {
        self.cardinals.get(w).or_else(|| self.tens.get(w)).copied()
    }
}
