//! Hedge words and their widths (`rules/hedges.toml`).

use crate::units::VocabError;
use serde::{Deserialize, Serialize};

/// How a hedge bounds a figure. Directional: "nearly" is at or just below, "more than" at or
/// above, "up to" at or below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HedgeKind {
    About,
    Nearly,
    MoreThan,
    AtLeast,
    UpTo,
    LessThan,
}

impl HedgeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HedgeKind::About => "about",
            HedgeKind::Nearly => "nearly",
            HedgeKind::MoreThan => "more_than",
            HedgeKind::AtLeast => "at_least",
            HedgeKind::UpTo => "up_to",
            HedgeKind::LessThan => "less_than",
        }
    }

    /// Bounded below only ("more than", "at least").
    pub fn is_lower_bound(self) -> bool {
        matches!(self, HedgeKind::MoreThan | HedgeKind::AtLeast)
    }

    /// Bounded above only ("up to", "less than").
    pub fn is_upper_bound(self) -> bool {
        matches!(self, HedgeKind::UpTo | HedgeKind::LessThan)
    }
}

/// Relative widths from `[widths]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HedgeWidths {
    pub about: f64,
    pub nearly: f64,
    pub verbal_multiple: f64,
    pub nearly_overshoot: f64,
    pub more_than_undershoot: f64,
}

impl Default for HedgeWidths {
    fn default() -> Self {
        HedgeWidths {
            about: 0.10,
            nearly: 0.10,
            verbal_multiple: 0.10,
            nearly_overshoot: 0.03,
            more_than_undershoot: 0.0,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHedges {
    widths: Option<RawWidths>,
    #[serde(default)]
    hedge: Vec<RawHedge>,
    #[serde(default)]
    hedge_after: Vec<RawHedge>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWidths {
    about: Option<f64>,
    nearly: Option<f64>,
    verbal_multiple: Option<f64>,
    nearly_overshoot: Option<f64>,
    more_than_undershoot: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHedge {
    kind: HedgeKind,
    phrases: Vec<String>,
}

/// Hedge phrases before and after a figure, longest first, and their widths.
#[derive(Debug, Clone, Default)]
pub struct Hedges {
    pub widths: HedgeWidths,
    pub before: Vec<(String, HedgeKind)>,
    pub after: Vec<(String, HedgeKind)>,
    /// `before`, grouped by the phrase's last token ("about", "than"), longest first: the word
    /// before a figure picks the few phrases to try.
    pub before_by_last_word: rustc_hash::FxHashMap<String, Vec<(String, HedgeKind)>>,
    /// `after`, grouped by the phrase's first token ("or", "at"), longest first.
    pub after_by_first_word: rustc_hash::FxHashMap<String, Vec<(String, HedgeKind)>>,
}

impl Hedges {
    pub fn extend(&mut self, file: &str, text: &str) -> Result<(), VocabError> {
        let raw: RawHedges = crate::units::vocab::parse_rules(file, text)?;
        if let Some(w) = raw.widths {
            let set = |dst: &mut f64, v: Option<f64>, key: &str| -> Result<(), VocabError> {
                if let Some(v) = v {
                    if !(0.0..=1.0).contains(&v) {
                        return Err(VocabError::at(
                            file,
                            text,
                            key,
                            format!("width `{key}` must be between 0 and 1, not {v}"),
                        ));
                    }
                    *dst = v;
                }
                Ok(())
            };
            set(&mut self.widths.about, w.about, "about")?;
            set(&mut self.widths.nearly, w.nearly, "nearly")?;
            set(
                &mut self.widths.verbal_multiple,
                w.verbal_multiple,
                "verbal_multiple",
            )?;
            set(
                &mut self.widths.nearly_overshoot,
                w.nearly_overshoot,
                "nearly_overshoot",
            )?;
            set(
                &mut self.widths.more_than_undershoot,
                w.more_than_undershoot,
                "more_than_undershoot",
            )?;
        }
        for h in raw.hedge {
            for p in h.phrases {
                push_unique(&mut self.before, p.to_lowercase(), h.kind, file, text)?;
            }
        }
        for h in raw.hedge_after {
            for p in h.phrases {
                push_unique(&mut self.after, p.to_lowercase(), h.kind, file, text)?;
            }
        }
        self.before
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        self.after
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        self.before_by_last_word.clear();
        self.after_by_first_word.clear();
        let mut first_toks = Vec::new();
        for (phrase, kind) in &self.after {
            crate::extract::token::tokenize_into(phrase, &mut first_toks);
            if let Some(t) = first_toks.first() {
                self.after_by_first_word
                    .entry(t.text(phrase).to_string())
                    .or_default()
                    .push((phrase.clone(), *kind));
            }
        }
        let mut toks = Vec::new();
        for (phrase, kind) in &self.before {
            crate::extract::token::tokenize_into(phrase, &mut toks);
            if let Some(t) = toks.last() {
                self.before_by_last_word
                    .entry(t.text(phrase).to_string())
                    .or_default()
                    .push((phrase.clone(), *kind));
            }
        }
        Ok(())
    }
}

fn push_unique(
    list: &mut Vec<(String, HedgeKind)>,
    phrase: String,
    kind: HedgeKind,
    file: &str,
    text: &str,
) -> Result<(), VocabError> {
    if list.iter().any(|(p, _)| *p == phrase) {
        return Err(VocabError::at(
            file,
            text,
            &phrase,
            format!("hedge `{phrase}` is listed twice"),
        ));
    }
    list.push((phrase, kind));
    Ok(())
}
