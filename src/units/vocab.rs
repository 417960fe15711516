//! Loads `rules/units.toml` and `rules/currencies.toml` into a [`UnitVocabulary`]: the registry
//! plus every spelling that points into it.

use super::{Dimension, System, UnitDef, UnitId, UnitRegistry, uom_table};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::fmt;

/// A problem in a vocabulary file, with the file and line it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct VocabError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for VocabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for VocabError {}

/// Parses a rules file. The shipped files ([`crate::vocab::DEFAULT_FILES`] and
/// [`crate::dates::words::FILE`]) are read from the JSON twin `build.rs` made of them, which
/// is several times faster than parsing TOML at every start; any other text is parsed as TOML,
/// with errors located at file:line.
pub fn parse_rules<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
) -> Result<T, VocabError> {
    if let Some(json) = crate::vocab::embedded_json(text) {
        return serde_json::from_str(json).map_err(|e| VocabError {
            file: file.to_string(),
            line: None,
            message: format!("the build's JSON copy does not read back: {e}"),
        });
    }
    toml::from_str(text).map_err(|e| VocabError::from_toml(file, text, e))
}

impl VocabError {
    /// An error about `needle`, located at the first line of `text` that mentions it.
    pub fn at(file: &str, text: &str, needle: &str, message: String) -> VocabError {
        let line = text.lines().position(|l| l.contains(needle)).map(|i| i + 1);
        VocabError {
            file: file.to_string(),
            line,
            message,
        }
    }

    pub fn from_toml(file: &str, text: &str, e: toml::de::Error) -> VocabError {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        VocabError {
            file: file.to_string(),
            line,
            message: e.message().trim().to_string(),
        }
    }
}

/// What a spelling names: one unit, or a word with several readings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitMatch {
    Unit(UnitId),
    Ambiguous(usize),
}

/// A word with several readings ("tons", "gallons", "degrees").
#[derive(Debug, Clone)]
pub struct Ambiguity {
    pub name: std::sync::Arc<str>,
    pub readings: Vec<UnitId>,
    pub en_us: Option<UnitId>,
    pub en_gb: Option<UnitId>,
    pub default: UnitId,
    /// Readings picked by a word in the sentence: a wheat bushel (60 lb) by "wheat".
    pub context: Vec<(UnitId, Vec<String>)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnitsFile {
    #[serde(default)]
    unit: Vec<RawUnit>,
    #[serde(default)]
    ambiguous: Vec<RawAmbiguous>,
    angle_context: Option<RawWords>,
    temperature_context: Option<RawWords>,
    temperature_lead: Option<RawWords>,
    difference_context: Option<RawDifference>,
    metre_or_million: Option<RawMetre>,
    percent: Option<RawPercent>,
    guarded_symbols: Option<HashMap<String, Vec<String>>>,
    confusions: Option<RawConfusions>,
    house_conversions: Option<HashMap<String, String>>,
    #[serde(default)]
    rule_of_thumb: Vec<RawThumb>,
    #[serde(default)]
    customary_step: Vec<RawCustomaryStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCustomaryStep {
    unit: String,
    step: f64,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfusions {
    pairs: Vec<[String; 2]>,
}

/// A step a trade rounds a unit to when its words are in the sentence (`[[customary_step]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct CustomaryStep {
    pub unit: UnitId,
    pub step: f64,
    /// Lower-case words, one of which must be in the sentence ("oven", "bake").
    pub words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawThumb {
    from: String,
    to: String,
    factor: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    id: String,
    uom: String,
    #[serde(default)]
    multiple: Option<f64>,
    #[serde(default)]
    per: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    dimension: Option<String>,
    #[serde(default)]
    difference: Option<String>,
    system: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    symbols: Vec<String>,
    #[serde(default)]
    attached: Vec<String>,
    /// `["barrel", "day"]`: the symbols stand for that unit per that unit (ids defined above).
    #[serde(default)]
    rate_of: Option<[String; 2]>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAmbiguous {
    name: String,
    names: Vec<String>,
    readings: Vec<String>,
    #[serde(rename = "en-US")]
    en_us: Option<String>,
    #[serde(rename = "en-GB")]
    en_gb: Option<String>,
    default: String,
    /// Reading id -> words in the sentence that pick it.
    #[serde(default)]
    context: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDifference {
    before: Vec<String>,
    after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetre {
    metre_nouns: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPercent {
    names: Vec<String>,
    symbols: Vec<String>,
    points: Vec<String>,
    basis_points: Vec<String>,
    #[serde(default)]
    index_points: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCurrencyFile {
    #[serde(default)]
    currency: Vec<RawCurrency>,
    pound_money_context: Option<RawBefore>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCurrency {
    name: String,
    #[serde(default)]
    subunit: Option<String>,
    #[serde(default)]
    part: Option<f64>,
    #[serde(default)]
    prefixes: Vec<String>,
    #[serde(default)]
    codes: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    suffixes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBefore {
    before: Vec<String>,
}

/// Lower-cases and collapses whitespace: the form every case-insensitive spelling is stored in.
pub fn normalize_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, true, &mut out);
    out
}

/// Collapses whitespace but keeps case: the form every symbol is stored in.
pub fn normalize_symbol(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, false, &mut out);
    out
}

/// Writes the normalised form of `s` into `out` (cleared first), so lookups can reuse one
/// buffer instead of allocating per candidate.
pub fn normalize_into(s: &str, lower: bool, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if lower && !c.is_ascii() {
            out.extend(c.to_lowercase());
        } else if lower {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
}

/// The lower-case first token of a spelling ("km/h" -> "km", "°C" -> "°", "sq. mi." -> "sq"),
/// for the quick test that rules out most words before any lookup.
pub fn first_token(s: &str) -> String {
    let mut toks = Vec::new();
    crate::extract::token::tokenize_into(s, &mut toks);
    toks.first()
        .map(|t| t.text(s).to_lowercase())
        .unwrap_or_default()
}

/// Every spelling of every unit, currency and percent word, and the context words that decide
/// between readings.
#[derive(Debug, Clone, Default)]
pub struct UnitVocabulary {
    pub registry: UnitRegistry,
    /// Case-insensitive spellings (normalised with [`normalize_name`]).
    pub names: HashMap<String, UnitMatch>,
    /// Case-sensitive symbols, spaced or attached ("km", "°C").
    pub symbols: HashMap<String, UnitMatch>,
    /// Case-sensitive symbols valid only straight after the digits ("5t", "13A").
    pub attached: HashMap<String, UnitMatch>,
    /// Symbols that are also words: valid spaced only before these words or punctuation.
    pub guarded: HashMap<String, Vec<String>>,
    pub ambiguities: Vec<Ambiguity>,
    /// Longest spelling in bytes, to bound the lookup.
    pub max_len: usize,
    pub angle_context: HashSet<String>,
    /// Words that make a bare "C"/"F" a temperature.
    pub temperature_context: HashSet<String>,
    /// Words straight before a bare "20C" that make it a temperature ("It was 20C").
    pub temperature_lead: HashSet<String>,
    pub difference_before: HashSet<String>,
    pub difference_after: HashSet<String>,
    pub metre_nouns: HashSet<String>,
    pub index_points: HashSet<String>,
    pub percent: Option<UnitId>,
    pub percentage_point: Option<UnitId>,
    pub basis_point: Option<UnitId>,
    pub metre: Option<UnitId>,
    pub pound_mass: Option<UnitId>,
    pub pound_sterling: Option<UnitId>,
    /// Currency symbols written before the figure, longest first.
    pub currency_prefixes: Vec<(String, UnitId)>,
    pub currency_codes: HashMap<String, UnitId>,
    pub currency_words: HashMap<String, UnitId>,
    pub currency_suffixes: HashMap<String, UnitId>,
    pub pound_money_before: HashSet<String>,
    /// Lower-case first tokens of every unit spelling (names, symbols, percent words): a word
    /// not in here cannot start a unit.
    pub unit_first_tokens: HashSet<String>,
    /// Every lower-case spelling cut at a token boundary ("miles", "miles per"): a longer
    /// candidate is tried only while it is still the start of some spelling.
    pub unit_prefixes: HashSet<String>,
    /// Lower-case first tokens of every currency word, code and symbol written after a figure.
    pub currency_first_tokens: HashSet<String>,
    /// The currency symbols written before a figure, by their last character (and its lower
    /// case, for "us$"), longest first: the character before a figure picks the few to try.
    pub prefixes_by_last_char: HashMap<char, Vec<(String, UnitId)>>,
    /// Units writers mix up (mile and nautical mile, US and imperial gallon).
    pub confusions: Vec<(UnitId, UnitId)>,
    /// The unit each unit converts to when a house style asks for a conversion.
    pub house_conversions: HashMap<UnitId, UnitId>,
    /// Approximate factors writers use: (from, to, factor).
    pub rules_of_thumb: Vec<(UnitId, UnitId, f64)>,
    /// Steps a trade rounds a unit to, whatever its digits say, when its words are in the
    /// sentence: recipes give oven temperatures to 25F ("180C (350F)").
    pub customary_steps: Vec<CustomaryStep>,
    names_source: HashMap<String, String>,
}

impl UnitVocabulary {
    /// Builds the vocabulary from units files and currency files, each `(file name, text)`.
    /// Later files extend earlier ones; a spelling defined twice is an error.
    pub fn load(
        units_files: &[(&str, &str)],
        currency_files: &[(&str, &str)],
    ) -> Result<UnitVocabulary, VocabError> {
        let mut v = UnitVocabulary::default();
        let mut pending_differences: Vec<(usize, String, String)> = Vec::new();
        let mut pending_ambiguous = Vec::new();
        let mut pending_confusions: Vec<(usize, [String; 2])> = Vec::new();
        let mut pending_thumbs: Vec<(usize, RawThumb)> = Vec::new();
        let mut pending_steps: Vec<(usize, RawCustomaryStep)> = Vec::new();
        let mut pending_house: Vec<(usize, String, String)> = Vec::new();
        for (file_index, (file, text)) in units_files.iter().enumerate() {
            let raw: RawUnitsFile = parse_rules(file, text)?;
            for u in raw.unit {
                if let Some(d) = &u.difference {
                    pending_differences.push((file_index, u.id.clone(), d.clone()));
                }
                v.add_unit(file, text, u)?;
            }
            pending_ambiguous.extend(raw.ambiguous.into_iter().map(|a| (*file, *text, a)));
            if let Some(t) = raw.temperature_context {
                v.temperature_context
                    .extend(t.words.iter().map(|w| normalize_name(w)));
            }
            if let Some(t) = raw.temperature_lead {
                v.temperature_lead
                    .extend(t.words.iter().map(|w| normalize_name(w)));
            }
            if let Some(a) = raw.angle_context {
                v.angle_context
                    .extend(a.words.iter().map(|w| normalize_name(w)));
            }
            if let Some(d) = raw.difference_context {
                v.difference_before
                    .extend(d.before.iter().map(|w| normalize_name(w)));
                v.difference_after
                    .extend(d.after.iter().map(|w| normalize_name(w)));
            }
            if let Some(m) = raw.metre_or_million {
                v.metre_nouns
                    .extend(m.metre_nouns.iter().map(|w| normalize_name(w)));
            }
            if let Some(p) = raw.percent {
                v.add_percent(file, text, p)?;
            }
            if let Some(h) = raw.house_conversions {
                pending_house.extend(h.into_iter().map(|(k, t)| (file_index, k, t)));
            }
            if let Some(c) = raw.confusions {
                pending_confusions.extend(c.pairs.into_iter().map(|p| (file_index, p)));
            }
            pending_thumbs.extend(raw.rule_of_thumb.into_iter().map(|t| (file_index, t)));
            pending_steps.extend(raw.customary_step.into_iter().map(|t| (file_index, t)));
            if let Some(g) = raw.guarded_symbols {
                for (k, words) in g {
                    v.guarded
                        .insert(k, words.iter().map(|w| normalize_name(w)).collect());
                }
            }
        }
        for (file_index, key, diff) in pending_differences {
            let (file, text) = units_files[file_index];
            let target = v.registry.find_key(&diff).ok_or_else(|| {
                VocabError::at(
                    file,
                    text,
                    &diff,
                    format!("unknown difference unit `{diff}`"),
                )
            })?;
            let id = v.registry.find_key(&key).expect("unit was just added");
            v.registry.get_mut(id).difference = Some(target);
        }
        for (file_index, [x, y]) in pending_confusions {
            let (file, text) = units_files[file_index];
            let find = |k: &str| {
                v.registry.find_key(k).ok_or_else(|| {
                    VocabError::at(file, text, k, format!("unknown unit `{k}` in [confusions]"))
                })
            };
            let pair = (find(&x)?, find(&y)?);
            v.confusions.push(pair);
        }
        for (file_index, from, to) in pending_house {
            let (file, text) = units_files[file_index];
            let find = |k: &str| {
                v.registry.find_key(k).ok_or_else(|| {
                    VocabError::at(
                        file,
                        text,
                        k,
                        format!("unknown unit `{k}` in [house_conversions]"),
                    )
                })
            };
            let pair = (find(&from)?, find(&to)?);
            v.house_conversions.insert(pair.0, pair.1);
        }
        for (file_index, t) in pending_thumbs {
            let (file, text) = units_files[file_index];
            let find = |k: &str| {
                v.registry.find_key(k).ok_or_else(|| {
                    VocabError::at(
                        file,
                        text,
                        k,
                        format!("unknown unit `{k}` in [[rule_of_thumb]]"),
                    )
                })
            };
            let thumb = (find(&t.from)?, find(&t.to)?, t.factor);
            v.rules_of_thumb.push(thumb);
        }
        for (file_index, c) in pending_steps {
            let (file, text) = units_files[file_index];
            let unit = v.registry.find_key(&c.unit).ok_or_else(|| {
                VocabError::at(
                    file,
                    text,
                    &c.unit,
                    format!("unknown unit `{}` in [[customary_step]]", c.unit),
                )
            })?;
            if !(c.step.is_finite() && c.step > 0.0) {
                return Err(VocabError::at(
                    file,
                    text,
                    "customary_step",
                    format!("the step of `{}` must be a positive number", c.unit),
                ));
            }
            v.customary_steps.push(CustomaryStep {
                unit,
                step: c.step,
                words: c.words.iter().map(|w| w.to_lowercase()).collect(),
            });
        }
        for (file, text, a) in pending_ambiguous {
            v.add_ambiguous(file, text, a)?;
        }
        for (file, text) in currency_files {
            let raw: RawCurrencyFile = parse_rules(file, text)?;
            v.add_currencies(file, text, raw)?;
        }
        v.currency_prefixes
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        v.metre = v.registry.find_key("metre");
        v.pound_mass = v.registry.find_key("pound_mass");
        v.build_prefilters();
        Ok(v)
    }

    fn add_unit(&mut self, file: &str, text: &str, u: RawUnit) -> Result<(), VocabError> {
        let err = |needle: &str, msg: String| VocabError::at(file, text, needle, msg);
        if self.registry.find_key(&u.id).is_some() {
            return Err(err(&u.id, format!("unit id `{}` defined twice", u.id)));
        }
        let base = uom_table::lookup(&u.uom).ok_or_else(|| {
            err(
                &u.uom,
                format!("`{}` is not a uom unit numlint knows", u.uom),
            )
        })?;
        let mut factor = base.coefficient * u.multiple.unwrap_or(1.0);
        let mut dimension = base.dimension;
        if let Some(per) = &u.per {
            let p = uom_table::lookup(per)
                .ok_or_else(|| err(per, format!("`{per}` is not a uom unit numlint knows")))?;
            factor /= p.coefficient;
        }
        if let Some(d) = &u.dimension {
            dimension =
                Dimension::parse(d).ok_or_else(|| err(d, format!("unknown dimension `{d}`")))?;
        }
        let rate_of = match &u.rate_of {
            Some([unit, per]) => {
                let find = |k: &str| {
                    self.registry.find_key(k).ok_or_else(|| {
                        err(
                            k,
                            format!("`rate_of` names `{k}`, which is not defined above"),
                        )
                    })
                };
                Some((find(unit)?, find(per)?))
            }
            None => None,
        };
        let system = match u.system.as_str() {
            "metric" => System::Metric,
            "imperial" => System::Imperial,
            "us" => System::Us,
            "other" => System::Other,
            s => return Err(err(s, format!("unknown system `{s}`"))),
        };
        let short = u
            .symbols
            .first()
            .cloned()
            .or_else(|| u.names.first().cloned())
            .unwrap_or_else(|| base.singular.to_string());
        let id = self.registry.push(UnitDef {
            key: u.id.clone(),
            name: u.name.unwrap_or_else(|| base.singular.to_string()).into(),
            dimension,
            factor,
            offset: base.constant,
            system,
            difference: None,
            currency_family: None,
            short,
            rate_of,
        });
        for n in &u.names {
            self.insert_name(file, text, n, UnitMatch::Unit(id))?;
        }
        for s in &u.symbols {
            self.insert_symbol(file, text, s, UnitMatch::Unit(id), false)?;
        }
        for s in &u.attached {
            self.insert_symbol(file, text, s, UnitMatch::Unit(id), true)?;
        }
        Ok(())
    }

    fn add_ambiguous(&mut self, file: &str, text: &str, a: RawAmbiguous) -> Result<(), VocabError> {
        let find = |k: &str| {
            self.registry.find_key(k).ok_or_else(|| {
                VocabError::at(
                    file,
                    text,
                    k,
                    format!("unknown unit `{k}` in [[ambiguous]]"),
                )
            })
        };
        let readings = a
            .readings
            .iter()
            .map(|r| find(r))
            .collect::<Result<Vec<_>, _>>()?;
        let en_us = a.en_us.as_deref().map(find).transpose()?;
        let en_gb = a.en_gb.as_deref().map(find).transpose()?;
        let default = find(&a.default)?;
        let context = a
            .context
            .iter()
            .map(|(k, words)| Ok((find(k)?, words.iter().map(|w| normalize_name(w)).collect())))
            .collect::<Result<Vec<_>, VocabError>>()?;
        let idx = self.ambiguities.len();
        self.ambiguities.push(Ambiguity {
            name: a.name.into(),
            readings,
            en_us,
            en_gb,
            default,
            context,
        });
        for n in &a.names {
            self.insert_name(file, text, n, UnitMatch::Ambiguous(idx))?;
        }
        Ok(())
    }

    fn add_percent(&mut self, file: &str, text: &str, p: RawPercent) -> Result<(), VocabError> {
        let mut make = |name: &str, factor: f64| {
            self.registry.push(UnitDef {
                key: name.replace(' ', "_"),
                name: name.into(),
                dimension: Dimension::Percent,
                factor,
                offset: 0.0,
                system: System::Other,
                difference: None,
                currency_family: None,
                short: name.to_string(),
                rate_of: None,
            })
        };
        let percent = make("percent", 1.0);
        let point = make("percentage point", 1.0);
        let basis = make("basis point", 0.01);
        self.registry.get_mut(percent).short = "%".into();
        self.registry.get_mut(point).short = "points".into();
        self.percent = Some(percent);
        self.percentage_point = Some(point);
        self.basis_point = Some(basis);
        for n in &p.names {
            self.insert_name(file, text, n, UnitMatch::Unit(percent))?;
        }
        for s in &p.symbols {
            self.insert_symbol(file, text, s, UnitMatch::Unit(percent), false)?;
        }
        for n in &p.points {
            self.insert_name(file, text, n, UnitMatch::Unit(point))?;
        }
        for n in &p.basis_points {
            self.insert_name(file, text, n, UnitMatch::Unit(basis))?;
        }
        self.index_points
            .extend(p.index_points.iter().map(|w| normalize_name(w)));
        Ok(())
    }

    fn add_currencies(
        &mut self,
        file: &str,
        text: &str,
        raw: RawCurrencyFile,
    ) -> Result<(), VocabError> {
        let mut subunits = Vec::new();
        for c in raw.currency {
            let key = format!("currency:{}", c.name);
            if self.registry.find_key(&key).is_some() {
                return Err(VocabError::at(
                    file,
                    text,
                    &c.name,
                    format!("currency `{}` defined twice", c.name),
                ));
            }
            let id = self.registry.push(UnitDef {
                key,
                name: c.name.as_str().into(),
                dimension: Dimension::Currency,
                factor: 1.0,
                offset: 0.0,
                system: System::Other,
                difference: None,
                currency_family: None,
                short: c
                    .prefixes
                    .first()
                    .cloned()
                    .unwrap_or_else(|| c.name.clone()),
                rate_of: None,
            });
            if c.name == "pound sterling" {
                self.pound_sterling = Some(id);
            }
            match &c.subunit {
                Some(parent) => subunits.push((id, parent.clone(), c.part.unwrap_or(0.01))),
                None => self.registry.get_mut(id).currency_family = Some(id),
            }
            for p in &c.prefixes {
                if self.currency_prefixes.iter().any(|(q, _)| q == p) {
                    return Err(dup(file, text, p));
                }
                self.currency_prefixes.push((p.clone(), id));
            }
            for code in &c.codes {
                if self.currency_codes.insert(code.clone(), id).is_some() {
                    return Err(dup(file, text, code));
                }
            }
            for w in &c.words {
                if self.currency_words.insert(normalize_name(w), id).is_some() {
                    return Err(dup(file, text, w));
                }
            }
            for s in &c.suffixes {
                if self.currency_suffixes.insert(s.clone(), id).is_some() {
                    return Err(dup(file, text, s));
                }
            }
        }
        for (id, parent, part) in subunits {
            let p = self
                .registry
                .find_key(&format!("currency:{parent}"))
                .ok_or_else(|| {
                    VocabError::at(file, text, &parent, format!("unknown currency `{parent}`"))
                })?;
            let def = self.registry.get_mut(id);
            def.currency_family = Some(p);
            def.factor = part;
        }
        if let Some(b) = raw.pound_money_context {
            self.pound_money_before
                .extend(b.before.iter().map(|w| normalize_name(w)));
        }
        Ok(())
    }

    fn insert_name(
        &mut self,
        file: &str,
        text: &str,
        name: &str,
        m: UnitMatch,
    ) -> Result<(), VocabError> {
        let key = normalize_name(name);
        self.max_len = self.max_len.max(key.len());
        if self.names.insert(key.clone(), m).is_some() {
            return Err(dup(file, text, name));
        }
        self.names_source.insert(key, file.to_string());
        Ok(())
    }

    fn insert_symbol(
        &mut self,
        file: &str,
        text: &str,
        sym: &str,
        m: UnitMatch,
        attached: bool,
    ) -> Result<(), VocabError> {
        let key = normalize_symbol(sym);
        self.max_len = self.max_len.max(key.len());
        let map = if attached {
            &mut self.attached
        } else {
            &mut self.symbols
        };
        if map.insert(key, m).is_some() {
            return Err(dup(file, text, sym));
        }
        Ok(())
    }

    /// Builds the quick tests that rule words out before any lookup.
    fn build_prefilters(&mut self) {
        let mut units = HashSet::default();
        let mut prefixes = HashSet::default();
        let mut toks = Vec::new();
        for k in self
            .names
            .keys()
            .chain(self.symbols.keys())
            .chain(self.attached.keys())
        {
            units.insert(first_token(k));
            crate::extract::token::tokenize_into(k, &mut toks);
            for t in &toks {
                prefixes.insert(normalize_name(&k[..t.end as usize]));
            }
        }
        self.unit_prefixes = prefixes;
        let mut currencies = HashSet::default();
        for k in self
            .currency_words
            .keys()
            .chain(self.currency_codes.keys())
            .chain(self.currency_suffixes.keys())
        {
            currencies.insert(first_token(k));
        }
        for (p, id) in &self.currency_prefixes {
            currencies.insert(first_token(p));
            if let Some(c) = p.chars().next_back() {
                let mut keys = vec![c];
                keys.extend(c.to_lowercase().filter(|l| *l != c));
                for k in keys {
                    self.prefixes_by_last_char
                        .entry(k)
                        .or_default()
                        .push((p.clone(), *id));
                }
            }
        }
        for code in self.currency_codes.keys() {
            currencies.insert(code.to_lowercase());
        }
        self.unit_first_tokens = units;
        self.currency_first_tokens = currencies;
    }

    /// The name to report for a match: the unit's name, or the ambiguous word's family name.
    pub fn match_name(&self, m: UnitMatch) -> &str {
        match m {
            UnitMatch::Unit(id) => &self.registry.get(id).name,
            UnitMatch::Ambiguous(i) => &self.ambiguities[i].name,
        }
    }
}

fn dup(file: &str, text: &str, s: &str) -> VocabError {
    VocabError::at(file, text, s, format!("`{s}` is defined twice"))
}
