//! The date rules: weekdays that do not match their dates, relative references that cannot be
//! the dates they stand beside, ages and durations that do not follow from their years.
//!
//! They are document rules: most need the document's date (`crate::dates::document`), which
//! may come from a dateline a few paragraphs down, so each keeps the little it needs from the
//! paragraphs it has read (owned copies, never references) until the date is settled.

pub mod age;
mod anniversary;
pub mod duration;
pub mod relative;
pub mod weekday;

use crate::checks::{DocInfo, DocParagraph};
use crate::config::Config;
use crate::dates::document::{DocumentDate, Tracker};
use crate::dates::words::DateWords;
use crate::extract::{Facts, Para, Span};

/// Records a rule keeps until the document's date is settled.
pub struct Deferred<R> {
    tracker: Tracker,
    pending: Vec<R>,
}

impl<R> Deferred<R> {
    pub fn new(doc: &DocInfo, config: &Config) -> Deferred<R> {
        Deferred {
            tracker: Tracker::new(
                doc.metadata_date.as_deref(),
                doc.config_date.as_deref(),
                &config.vocab().guards.months,
            ),
            pending: Vec::new(),
        }
    }

    /// Reads a paragraph with the records the rule took from it. Once the document's date is
    /// settled, returns it with every record waiting (this paragraph's included).
    pub fn feed(
        &mut self,
        para: &DocParagraph,
        records: Vec<R>,
    ) -> Option<(Option<DocumentDate>, Vec<R>)> {
        let settled = self
            .tracker
            .observe(para.index, para.para, para.facts, DateWords::builtin());
        self.pending.extend(records);
        if settled {
            Some((self.tracker.finish(), std::mem::take(&mut self.pending)))
        } else {
            None
        }
    }

    /// At the end of the document: the date (if any) and the records still waiting.
    pub fn finish(&mut self) -> (Option<DocumentDate>, Vec<R>) {
        (self.tracker.finish(), std::mem::take(&mut self.pending))
    }
}

/// The lower-case text of sentence `s` of a paragraph ("" if out of range).
pub fn sentence_lower<'p>(p: &'p Para, facts: &Facts, s: usize) -> &'p str {
    match facts.sentences.get(s) {
        Some(&(a, b)) if a <= b && b <= p.lower.len() => &p.lower[a..b],
        _ => "",
    }
}

/// The index of the sentence holding byte `pos` of a paragraph.
pub fn sentence_at(facts: &Facts, pos: usize) -> usize {
    facts
        .sentences
        .partition_point(|s| s.1 <= pos)
        .min(facts.sentences.len().saturating_sub(1))
}

/// A paragraph span as the source file has it.
pub fn source_span(para: &DocParagraph, s: Span) -> Span {
    para.to_source(s)
}

/// The singular of a lower-case noun, roughly ("images" -> "image", "batteries" ->
/// "battery"): enough to see that two mentions name the same thing.
pub fn singular(w: &str) -> String {
    let w = crate::dates::relative::strip_possessive(w);
    if let Some(stem) = w.strip_suffix("ies")
        && stem.len() > 1
    {
        return format!("{stem}y");
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// The plural of a lower-case noun, roughly ("image" -> "images", "coach" -> "coaches",
/// "battery" -> "batteries"), for messages. "people" and other plurals stay as they are.
pub fn plural(noun: &str) -> String {
    if matches!(noun, "people" | "staff" | "police" | "data" | "cattle") {
        return noun.to_string();
    }
    let vowel_y = noun.ends_with("ay") || noun.ends_with("ey") || noun.ends_with("oy");
    if noun.ends_with('y') && !vowel_y {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if noun.ends_with('s')
        || noun.ends_with('x')
        || noun.ends_with("ch")
        || noun.ends_with("sh")
    {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        assert_eq!(plural("image"), "images");
        assert_eq!(plural("coach"), "coaches");
        assert_eq!(plural("battery"), "batteries");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("people"), "people");
        assert_eq!(plural("bus"), "buses");
    }

    #[test]
    fn singulars() {
        assert_eq!(singular("images"), "image");
        assert_eq!(singular("batteries"), "battery");
        assert_eq!(singular("attack's"), "attack");
        assert_eq!(singular("glass"), "glass");
        assert_eq!(singular("bus"), "bus");
        assert_eq!(singular("gas"), "gas");
    }
}
