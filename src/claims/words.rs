//! Comparison and linking words (`rules/comparisons.toml`).

use crate::units::VocabError;
use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComparisons {
    change: Option<RawChange>,
    conversion: Option<RawConversion>,
    share: Option<RawShare>,
    difference: Option<RawDifference>,
    total: Option<RawTotal>,
    per_capita: Option<RawPerCapita>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerCapita {
    #[serde(default)]
    per_head: Vec<String>,
    #[serde(default)]
    population: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    #[serde(default)]
    up: Vec<String>,
    #[serde(default)]
    down: Vec<String>,
    #[serde(default)]
    change_neutral: Vec<String>,
    #[serde(default)]
    earlier_level: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConversion {
    #[serde(default)]
    links: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShare {
    #[serde(default)]
    of: Vec<String>,
    #[serde(default)]
    percent_of: Vec<String>,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    participles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDifference {
    #[serde(default)]
    more: Vec<String>,
    #[serde(default)]
    less: Vec<String>,
    #[serde(default)]
    gap: Vec<String>,
    #[serde(default)]
    after_up: Vec<String>,
    #[serde(default)]
    after_down: Vec<String>,
    #[serde(default)]
    base_nouns: Vec<String>,
    #[serde(default)]
    result_verbs: Vec<String>,
    #[serde(default)]
    added: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTotal {
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    rest: Vec<String>,
    #[serde(default)]
    whole_verbs: Vec<String>,
    #[serde(default)]
    within_verbs: Vec<String>,
}

/// Words the claim finders read.
#[derive(Debug, Clone, Default)]
pub struct ComparisonWords {
    pub up: HashSet<String>,
    pub down: HashSet<String>,
    /// `up` and `down` in one map: true for up. One lookup per word on the hot path.
    pub trend: rustc_hash::FxHashMap<String, bool>,
    pub change_neutral: HashSet<String>,
    /// Phrases opening a clause with the level a change started from ("having closed at").
    pub earlier_level: Vec<String>,
    /// Conversion links, longest first.
    pub conversion_links: Vec<String>,
    pub share_of: Vec<String>,
    pub percent_of: Vec<String>,
    /// Verbs that put a part before its share of a whole ("A accounted for P% of B").
    pub share_verbs: Vec<String>,
    /// Irregular past participles describing a whole ("of the 40 homes sold, 12").
    pub share_participles: HashSet<String>,
    pub more: Vec<String>,
    pub less: Vec<String>,
    pub gap: Vec<String>,
    /// Words after a difference giving its direction ("312 points lower"): true for up.
    pub direction_after: rustc_hash::FxHashMap<String, bool>,
    /// Nouns naming the base of a difference ("last season's average of 32,800").
    pub base_nouns: HashSet<String>,
    /// Participles giving the result of a change ("..., reducing its workforce from A to B").
    pub result_verbs: HashSet<String>,
    /// Phrases before an amount that was added ("an extra 1,500").
    pub added: Vec<String>,
    pub total_before: Vec<String>,
    /// Phrases right after a total figure ("480 in all", "26 between them").
    pub total_after: Vec<String>,
    pub total_rest: Vec<String>,
    /// Verbs after a whole that its parts follow and fill ("are made up of", "is split between").
    pub whole_verbs: Vec<String>,
    /// Verbs after a whole whose parts need not fill it but may not exceed it ("covers").
    pub within_verbs: Vec<String>,
    /// Phrases after a figure that make it an amount per person ("per head", "each").
    pub per_head: Vec<String>,
    /// Nouns that count a population, besides the people words of `rules/nouns.toml`.
    pub population: HashSet<String>,
    /// Words before "of" that make the figure after it a population ("a county of 3.4 million").
    pub population_places: HashSet<String>,
}

fn lower_sorted(v: Vec<String>) -> Vec<String> {
    let mut v: Vec<String> = v.into_iter().map(|s| s.to_lowercase()).collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v.dedup();
    v
}

impl ComparisonWords {
    pub fn extend(&mut self, file: &str, text: &str) -> Result<(), VocabError> {
        let raw: RawComparisons = crate::units::vocab::parse_rules(file, text)?;
        if let Some(c) = raw.change {
            self.up.extend(c.up.into_iter().map(|s| s.to_lowercase()));
            self.trend.extend(self.up.iter().map(|w| (w.clone(), true)));
            self.down
                .extend(c.down.into_iter().map(|s| s.to_lowercase()));
            for w in &self.down {
                self.trend.entry(w.clone()).or_insert(false);
            }
            self.change_neutral
                .extend(c.change_neutral.into_iter().map(|s| s.to_lowercase()));
            self.earlier_level.extend(c.earlier_level);
            self.earlier_level = lower_sorted(std::mem::take(&mut self.earlier_level));
        }
        if let Some(c) = raw.conversion {
            self.conversion_links.extend(c.links);
            self.conversion_links = lower_sorted(std::mem::take(&mut self.conversion_links));
        }
        if let Some(s) = raw.share {
            self.share_of.extend(s.of);
            self.share_of = lower_sorted(std::mem::take(&mut self.share_of));
            self.percent_of.extend(s.percent_of);
            self.percent_of = lower_sorted(std::mem::take(&mut self.percent_of));
            self.share_verbs.extend(s.verbs);
            self.share_verbs = lower_sorted(std::mem::take(&mut self.share_verbs));
            self.share_participles
                .extend(s.participles.into_iter().map(|w| w.to_lowercase()));
        }
        if let Some(d) = raw.difference {
            self.more.extend(d.more);
            self.more = lower_sorted(std::mem::take(&mut self.more));
            self.less.extend(d.less);
            self.less = lower_sorted(std::mem::take(&mut self.less));
            self.gap.extend(d.gap);
            self.gap = lower_sorted(std::mem::take(&mut self.gap));
            let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase());
            self.direction_after
                .extend(lower(d.after_up).map(|w| (w, true)));
            self.direction_after
                .extend(lower(d.after_down).map(|w| (w, false)));
            self.base_nouns.extend(lower(d.base_nouns));
            self.result_verbs.extend(lower(d.result_verbs));
            self.added.extend(d.added);
            self.added = lower_sorted(std::mem::take(&mut self.added));
        }
        if let Some(c) = raw.per_capita {
            self.per_head.extend(c.per_head);
            self.per_head = lower_sorted(std::mem::take(&mut self.per_head));
            self.population
                .extend(c.population.into_iter().map(|s| s.to_lowercase()));
            self.population_places
                .extend(c.places.into_iter().map(|s| s.to_lowercase()));
        }
        if let Some(t) = raw.total {
            self.total_before.extend(t.before);
            self.total_before = lower_sorted(std::mem::take(&mut self.total_before));
            self.total_after.extend(t.after);
            self.total_after = lower_sorted(std::mem::take(&mut self.total_after));
            self.total_rest.extend(t.rest);
            self.total_rest = lower_sorted(std::mem::take(&mut self.total_rest));
            self.whole_verbs.extend(t.whole_verbs);
            self.whole_verbs = lower_sorted(std::mem::take(&mut self.whole_verbs));
            self.within_verbs.extend(t.within_verbs);
            self.within_verbs = lower_sorted(std::mem::take(&mut self.within_verbs));
        }
        Ok(())
    }

    /// A word that says a figure changed ("rose", "fell", "went").
    pub fn is_change_word(&self, w: &str) -> bool {
        self.up.contains(w) || self.down.contains(w) || self.change_neutral.contains(w)
    }
}
