//! `relative-date-mismatch`: "last week" beside a date that was not last week.

use super::{Deferred, plural, singular};
use crate::checks::{DocInfo, DocParagraph, DocumentCheck, DocumentState, RuleInfo};
use crate::config::Config;
use crate::dates::document::DocumentDate;
use crate::dates::relative::{RelKind, RelativeRef, strip_possessive};
use crate::dates::words::DateWords;
use crate::dates::{Days, mention_days};
use crate::declare_rule;
use crate::diagnostic::{Finding, Severity};
use crate::extract::{DateMention, Facts, Para, Span};
use crate::units::Dimension;

declare_rule! {
    /// ## What it does
    /// Finds relative references to time ("yesterday", "last week", "this month", "last
    /// year", "two weeks ago", "last Thursday") that are tied to an explicit date, and reports
    /// those that cannot be that date counted from the document's date (its metadata, a
    /// dateline near the top, or `--date`). A reference is tied to a date when the two stand
    /// together ("yesterday (4 January)", "last Thursday, 28 December") or date the same thing:
    /// "satellite images from 5 October" and, later, "the images from last week" (or "last
    /// week's images").
    ///
    /// ## Why
    /// Copy written one day and published another, or a paragraph pasted from an older story,
    /// leaves "last week" pointing at the wrong week. Nothing in the sentence looks wrong;
    /// only the calendar shows it.
    ///
    /// ## How it decides
    /// Each reference stands for a stretch of days with some slack: "yesterday" is the day
    /// before, give or take a day (stories are written the day before they are dated, across
    /// time zones); "last week" is the calendar week before or the seven days before; "two
    /// weeks ago" is 10 to 18 days back, give or take half a week. A yearless date takes the
    /// year nearest the document's date. To be tied through a noun, the later mention must
    /// point back ("the images", "those images", "last week's images"), the noun must not be
    /// dated twice in ways that disagree (then it names several things), and neither sentence
    /// may set one thing against another ("previous images", "another attack", "whereas").
    /// Severity: error (the slack already allows for when the story was written).
    ///
    /// ## Example
    /// ```text
    /// date: 2024-01-05
    /// Satellite images from 5 October show the pads. The images from last week show trucks.
    /// ```
    /// "last week" cannot be 5 October (2023): counted from 5 January 2024 it means 25
    /// December 2023 to 4 January 2024.
    ///
    /// ## Options
    /// `--date YYYY-MM-DD` dates documents that carry no date of their own. Without a document
    /// date the rule stays silent.
    pub struct RelativeDateMismatch {
        id: "relative-date-mismatch",
        family: "date",
        severity: Error,
        enabled: true,
        summary: "A relative date (\"last week\") cannot be the explicit date it refers to",
    }
}

impl DocumentCheck for RelativeDateMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn begin(&self, doc: &DocInfo, config: &Config) -> Box<dyn DocumentState> {
        Box::new(State {
            deferred: Deferred::new(doc, config),
            nouns: Default::default(),
        })
    }
}

/// An explicit date, copied out of its paragraph.
#[derive(Debug, Clone)]
struct Explicit {
    mention: DateMention,
    text: String,
    span: Span,
}

/// A relative reference, copied out of its paragraph.
#[derive(Debug, Clone)]
struct Relative {
    rel: RelativeRef,
    text: String,
    span: Span,
}

/// Either side of a tie.
#[derive(Debug, Clone)]
enum Side {
    Explicit(Explicit),
    Relative(Relative),
}

/// A relative reference standing with an explicit date.
#[derive(Debug, Clone)]
struct Pair {
    rel: Relative,
    date: Explicit,
}

/// A date or relative reference that dates a noun ("images from 5 October").
#[derive(Debug, Clone)]
struct NounDate {
    noun: String,
    /// The noun phrase points back at something named before ("the images").
    definite: bool,
    /// Its sentence sets one thing against another ("the previous images").
    contrast: bool,
    side: Side,
}

impl NounDate {
    fn span(&self) -> Span {
        match &self.side {
            Side::Explicit(e) => e.span,
            Side::Relative(r) => r.span,
        }
    }
}

enum Record {
    Pair(Pair),
    Noun(NounDate),
}

struct State {
    deferred: Deferred<Record>,
    /// Dated nouns by noun; `None` once a noun is dated more than [`MAX_DATED`] times (it
    /// names many things, and memory stays bounded).
    nouns: rustc_hash::FxHashMap<String, Option<Vec<NounDate>>>,
}

impl DocumentState for State {
    fn paragraph(&mut self, para: &DocParagraph, out: &mut Vec<Finding>) {
        let records = read(para);
        if let Some((doc, ready)) = self.deferred.feed(para, records) {
            self.take(doc, ready, out);
        }
    }

    fn finish(&mut self, out: &mut Vec<Finding>) {
        let (doc, rest) = self.deferred.finish();
        self.take(doc, rest, out);
        if let Some(doc) = doc {
            check_nouns(&self.nouns, doc, out);
        }
    }
}

impl State {
    fn take(&mut self, doc: Option<DocumentDate>, records: Vec<Record>, out: &mut Vec<Finding>) {
        let Some(doc) = doc else { return };
        for r in records {
            match r {
                Record::Pair(p) => {
                    if let Some(f) = compare(&p.rel, &p.date, doc, None) {
                        out.push(f);
                    }
                }
                // Nouns are compared once every mention has been read.
                Record::Noun(n) => {
                    let slot = self
                        .nouns
                        .entry(n.noun.clone())
                        .or_insert_with(|| Some(Vec::new()));
                    if let Some(v) = slot {
                        if v.len() < MAX_DATED {
                            v.push(n);
                        } else {
                            *slot = None;
                        }
                    }
                }
            }
        }
    }
}

/// Reads the ties of one paragraph.
fn read(para: &DocParagraph) -> Vec<Record> {
    let p = para.para;
    let facts = para.facts;
    let words = DateWords::builtin();
    let refs = para.relative_refs();
    let mut out = Vec::new();
    let explicit = |m: &DateMention| Explicit {
        mention: m.clone(),
        text: p.text[m.span.start..m.span.end].to_string(),
        span: para.to_source(m.span),
    };
    let relative = |r: &RelativeRef| Relative {
        rel: *r,
        text: p.text[r.span.start..r.span.end].to_string(),
        span: para.to_source(r.span),
    };
    // "yesterday (4 January)", "last week, on 28 December,".
    for r in refs {
        for m in &facts.dates {
            if usable(m) && in_apposition(p, facts, r.span, m.span, words) {
                out.push(Record::Pair(Pair {
                    rel: relative(r),
                    date: explicit(m),
                }));
            }
        }
    }
    // "last Thursday, 28 December": the date must be a Thursday before the document's date.
    for m in &facts.dates {
        if m.weekday.is_none() || !usable(m) {
            continue;
        }
        let t = p.tok_at(m.span.start);
        let Some((first, range)) = words
            .weekday_with_date
            .before(p, t)
            .and_then(|(k, first)| Some((first, words.weekday_before.get(k)?)))
        else {
            continue;
        };
        let r = RelativeRef {
            span: Span::new(p.start(first), m.span.end),
            first_tok: first,
            last_tok: p.tok_at(m.span.end).saturating_sub(1),
            kind: RelKind::Weekday {
                weekday: m.weekday.unwrap_or(0),
                from: range[0],
                to: range[1],
            },
        };
        let mut rel = relative(&r);
        rel.text = p.text[r.span.start..p.end(t)].to_string();
        out.push(Record::Pair(Pair {
            rel,
            date: explicit(m),
        }));
    }
    // Nouns dated by a relative reference or by an explicit date. Whether a sentence sets
    // things against each other is read once per sentence, not once per dated noun.
    let mut contrasted: Vec<Option<bool>> = vec![None; facts.sentences.len()];
    for r in refs {
        if let Some((noun, k, definite)) = noun_of_relative(p, r, words) {
            out.push(Record::Noun(NounDate {
                contrast: contrast_at(p, facts, k, words, &mut contrasted),
                noun,
                definite,
                side: Side::Relative(relative(r)),
            }));
        }
    }
    for m in &facts.dates {
        if !usable(m) {
            continue;
        }
        if let Some((noun, k, definite)) = noun_of_explicit(p, m, words) {
            out.push(Record::Noun(NounDate {
                contrast: contrast_at(p, facts, k, words, &mut contrasted),
                noun,
                definite,
                side: Side::Explicit(explicit(m)),
            }));
        }
    }
    out
}

/// A date that stands for a day, a month or a year (not a time, a range or a decade).
fn usable(m: &DateMention) -> bool {
    m.hour.is_none() && (m.year.is_some() || (m.month.is_some() && m.day.is_some()))
}

/// Do the reference and the date stand together as one ("yesterday (4 January)")?
fn in_apposition(p: &Para, facts: &Facts, r: Span, m: Span, words: &DateWords) -> bool {
    let (a, b) = if r.end <= m.start {
        (r, m)
    } else if m.end <= r.start {
        (m, r)
    } else {
        return false;
    };
    // A gap longer than the longest apposition word (with room for spaces) cannot be one;
    // checking first keeps a paragraph with many dates linear.
    let longest = words.apposition.all.first().map_or(0, String::len);
    if b.start - a.end > 2 * longest + 8 {
        return false;
    }
    let gap: String = p.text[a.end..b.start]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if !words.apposition.all.contains(&gap) {
        return false;
    }
    if super::sentence_at(facts, a.start) != super::sentence_at(facts, b.start) {
        return false;
    }
    // The second must close the aside: "yesterday (4 January)", "yesterday, 4 January, it",
    // not "last year, 2022 was the hottest".
    let after = p.text[b.end..].trim_start();
    if gap.starts_with('(') {
        return after.starts_with(')');
    }
    if gap.starts_with(',') && !gap.ends_with(" on") && !gap.ends_with(" in") {
        return after.is_empty() || after.starts_with([',', ')', '.', ';', ':', '—', '–']);
    }
    true
}

/// Is the noun at token `noun` set against another of its kind: "previous images", or a
/// sentence with "whereas"?
fn contrast_at(
    p: &Para,
    facts: &Facts,
    noun: usize,
    words: &DateWords,
    contrasted: &mut [Option<bool>],
) -> bool {
    let si = super::sentence_at(facts, p.start(noun));
    let sentence = |si| {
        words
            .contrast_sentence
            .in_text(super::sentence_lower(p, facts, si))
    };
    let contrast = match contrasted.get_mut(si) {
        Some(Some(known)) => *known,
        Some(slot) => *slot.insert(sentence(si)),
        None => sentence(si),
    };
    if contrast {
        return true;
    }
    // The noun's own modifiers: up to four words before it.
    let mut k = noun;
    for _ in 0..4 {
        let Some(j) = k.checked_sub(1) else { break };
        if !p.is_word(j) {
            break;
        }
        if words.contrast.has_word(p.tl(j)) {
            return true;
        }
        k = j;
    }
    false
}

/// A word that can name a dated thing: lower case, not a function word, a verb form or a
/// unit of time ("the week of 5 October" dates a week, not a thing).
fn noun_word(p: &Para, i: usize, words: &DateWords) -> Option<String> {
    if !p.is_word(i) || p.is_capitalized(i) {
        return None;
    }
    let w = strip_possessive(p.tl(i));
    let verb_like = w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"));
    if w.len() < 3
        || verb_like
        || p.vocab.nouns.not_nouns.contains(w)
        || words.filler.has_word(w)
        || words.dating_links.has_word(w)
        || p.vocab.guards.months.contains_key(w)
        || p.vocab.guards.weekdays.contains_key(w)
    {
        return None;
    }
    if let Some(u) = p.vocab.units.registry.find_key(&singular(w))
        && p.vocab.units.registry.get(u).dimension == Dimension::Time
    {
        return None;
    }
    if matches!(w, "night" | "morning" | "afternoon" | "evening" | "weekend") {
        return None;
    }
    Some(singular(w))
}

/// Does a determiner or possessive open the noun phrase ending at token `noun`?
fn definite_before(p: &Para, noun: usize) -> bool {
    let mut k = noun;
    for _ in 0..4 {
        if k == 0 {
            return false;
        }
        k -= 1;
        if !p.is_word(k) {
            return false;
        }
        let w = p.tl(k);
        if matches!(
            w,
            "the" | "these" | "those" | "this" | "that" | "its" | "their" | "his" | "her" | "our"
        ) || w.ends_with("'s")
            || w.ends_with("’s")
        {
            return true;
        }
        if p.is_capitalized(k) || p.vocab.nouns.not_nouns.contains(w) {
            return false;
        }
    }
    false
}

/// The head of the words after token `i`: "last week's deadly attack on" -> "attack".
fn head_after(p: &Para, i: usize, words: &DateWords) -> Option<(String, usize)> {
    let mut head = None;
    let mut k = i + 1;
    while k < p.len() && k <= i + 3 && p.is_word(k) && !p.attached(k) {
        match noun_word(p, k, words) {
            Some(n) => head = Some((n, k)),
            None => break,
        }
        k += 1;
    }
    head
}

/// The noun before a dating link ending just before token `t`: "images from", "images,
/// taken on". `own_link` says the reference starts with its own link ("on Thursday").
fn noun_before_link(p: &Para, t: usize, own_link: bool, words: &DateWords) -> Option<usize> {
    let mut k = t;
    if !own_link {
        let (_, first) = words.dating_links.before(p, t)?;
        k = first;
    }
    if k > 0 && p.is_punct(k - 1, ",") {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    Some(k - 1)
}

/// The noun a relative reference dates, its token, and whether its phrase points back.
fn noun_of_relative(p: &Para, r: &RelativeRef, words: &DateWords) -> Option<(String, usize, bool)> {
    // "last week's images", "Thursday's attack".
    let last = p.tl(r.last_tok);
    if strip_possessive(last) != last {
        let (noun, k) = head_after(p, r.last_tok, words)?;
        return Some((noun, k, true));
    }
    let own_link = words
        .dating_links
        .at(p, r.first_tok)
        .is_some_and(|(_, e)| e < r.last_tok);
    let k = noun_before_link(p, r.first_tok, own_link, words)?;
    let noun = noun_word(p, k, words)?;
    Some((noun, k, definite_before(p, k)))
}

/// The noun an explicit date dates ("images from 5 October", "the 5 October attack"), its
/// token, and whether its phrase points back.
fn noun_of_explicit(p: &Para, m: &DateMention, words: &DateWords) -> Option<(String, usize, bool)> {
    let t = p.tok_at(m.span.start);
    if t > 0 && matches!(p.tl(t - 1), "the" | "a" | "an" | "its" | "their") {
        let end = p.tok_at(m.span.end).saturating_sub(1);
        let (noun, k) = head_after(p, end, words)?;
        return Some((noun, k, p.tl(t - 1) != "a" && p.tl(t - 1) != "an"));
    }
    let k = noun_before_link(p, t, false, words)?;
    let noun = noun_word(p, k, words)?;
    Some((noun, k, definite_before(p, k)))
}

/// A noun dated more often than this in one document is not one thing.
const MAX_DATED: usize = 20;

/// Compares every noun dated both ways.
fn check_nouns(
    nouns: &rustc_hash::FxHashMap<String, Option<Vec<NounDate>>>,
    doc: DocumentDate,
    out: &mut Vec<Finding>,
) {
    let words = DateWords::builtin();
    for group in nouns.values().flatten() {
        if group.len() < 2 {
            continue;
        }
        let mut same: Vec<&NounDate> = group.iter().collect();
        let n = same[0];
        // In the order they are written (a paragraph's records come relative ones first).
        same.sort_by_key(|m| m.span().start);
        let dated: Vec<Days> = same
            .iter()
            .filter_map(|m| match &m.side {
                Side::Explicit(e) => explicit_days(e, doc),
                Side::Relative(_) => None,
            })
            .collect();
        let relative: Vec<Days> = same
            .iter()
            .filter_map(|m| match &m.side {
                Side::Relative(r) => Some(r.rel.days(doc.date, words)),
                Side::Explicit(_) => None,
            })
            .collect();
        // Dated twice in ways that disagree: the noun names several things.
        let disagree = |v: &[Days]| v.iter().any(|a| v.iter().any(|b| !a.meets(b)));
        if disagree(&dated) || disagree(&relative) {
            continue;
        }
        'pairs: for (j, later) in same.iter().enumerate() {
            if !later.definite || later.contrast {
                continue;
            }
            for earlier in &same[..j] {
                if earlier.contrast {
                    continue;
                }
                let (rel, date) = match (&earlier.side, &later.side) {
                    (Side::Explicit(e), Side::Relative(r))
                    | (Side::Relative(r), Side::Explicit(e)) => (r, e),
                    _ => continue,
                };
                let related = earlier.span();
                if let Some(mut f) = compare(rel, date, doc, Some(related)) {
                    f.notes.push(format!(
                        "both date the {}: numlint takes them to be the same {}",
                        plural(&n.noun),
                        plural(&n.noun)
                    ));
                    out.push(f);
                    break 'pairs;
                }
            }
        }
    }
}

fn explicit_days(e: &Explicit, doc: DocumentDate) -> Option<Days> {
    mention_days(&e.mention, &e.text, Some(doc.date)).map(|m| m.days)
}

/// The finding, if the reference cannot be the date. With `related`, it is reported at the
/// later of the two and points at the earlier.
fn compare(
    rel: &Relative,
    date: &Explicit,
    doc: DocumentDate,
    related: Option<Span>,
) -> Option<Finding> {
    let words = DateWords::builtin();
    let md = mention_days(&date.mention, &date.text, Some(doc.date))?;
    let gap = rel.rel.gap(doc.date, &md.days, words);
    if gap == 0 {
        return None;
    }
    // The slack already allows for when the story was written: beyond it is wrong.
    let severity = Severity::Error;
    let explicit = if md.year_inferred {
        format!(
            "{} ({})",
            date.text,
            crate::dates::Date::from_days(md.days.first).year
        )
    } else {
        date.text.clone()
    };
    let message = format!(
        "\"{}\" cannot be {explicit}: counted from {} it means {}",
        rel.text,
        doc.date,
        rel.rel.describe(doc.date)
    );
    let (span, other) = match related {
        Some(r) if r == date.span => (rel.span, date.span),
        Some(r) => (date.span, r),
        None => (rel.span.cover(&date.span), rel.span),
    };
    let mut f = Finding::new(RelativeDateMismatch::INFO.id, severity, span, message);
    if related.is_some() {
        f.related.push(other);
    }
    f.notes.push(doc.describe());
    if md.year_inferred {
        f.notes.push(format!(
            "{} has no year: taken as the one nearest the document's date",
            date.text
        ));
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::check_rule;
    use crate::pipeline::check_source;
    use crate::source::InputFormat;

    const ID: &str = "relative-date-mismatch";

    fn dated(text: &str, date: &str) -> Vec<Finding> {
        let mut config = Config::default();
        config.rules.select = Some(vec![ID.into()]);
        config.date = Some(date.into());
        check_source(text, InputFormat::Text, &config)
            .expect("checks")
            .findings
    }

    #[test]
    fn a_stale_last_week_on_the_same_images() {
        let text = "Satellite images from 5 October show two launch pads.\n\n\
                    Analysts said the images from last week also show fuel trucks.";
        let f = dated(text, "2024-01-05");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(
            f[0].message,
            "\"last week\" cannot be 5 October (2023): counted from 5 January 2024 it means \
             25 December 2023 to 4 January 2024"
        );
        // Reported at the later mention, pointing at the earlier.
        assert!(f[0].span.start > f[0].related[0].start);
        // Without a date for the document, nothing can be said.
        assert!(check_rule(ID, text).is_empty());
    }

    #[test]
    fn both_mentions_in_one_paragraph() {
        let text = "Satellite images from 5 October show the pads. \
                    The images from last week show trucks.";
        assert_eq!(dated(text, "2024-01-05").len(), 1);
        // The other way round: the relative mention first, the explicit one pointing back.
        let text = "Satellite images from last week show the pads. \
                    The images from 5 October show trucks.";
        assert_eq!(dated(text, "2024-01-05").len(), 1);
    }

    #[test]
    fn references_that_agree_hold() {
        let text = "Satellite images from 2 January show two launch pads. \
                    The images from last week also show fuel trucks.";
        assert!(dated(text, "2024-01-05").is_empty());
        assert!(dated("Yesterday (4 January) the port reopened.", "2024-01-05").is_empty());
        assert!(dated("Last Thursday, 28 December, the port closed.", "2024-01-05").is_empty());
    }

    #[test]
    fn apposition_that_disagrees() {
        // Yesterday is 4 January, or 3 January for a story written the day before.
        let f = dated("Yesterday (2 January) the port reopened.", "2024-01-05");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert!(dated("Yesterday (3 January) the port reopened.", "2024-01-05").is_empty());
        let f = dated("The port reopened last week, on 5 October.", "2024-01-05");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        let f = dated("Last Thursday, 11 January, the port closed.", "2024-01-05");
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn different_things_with_the_same_noun_are_left_alone() {
        // Contrast: older images against newer ones.
        let text = "Previous satellite images from 5 October showed two pads. \
                    The images from last week show four.";
        assert!(dated(text, "2024-01-05").is_empty());
        // Not pointing back: "images from last week" may be other images.
        let text = "Satellite images from 5 October showed two pads. \
                    Images from last week show four.";
        assert!(dated(text, "2024-01-05").is_empty());
        // Two events, each dated: released last week, taken in October.
        let text = "The images, released last week, were taken on 5 October.";
        assert!(dated(text, "2024-01-05").is_empty());
        // A year after a comma is not an aside: "last year, 2022 was the hottest".
        assert!(dated("Last year, 2022 was the hottest on record.", "2024-01-05").is_empty());
    }

    #[test]
    fn the_noun_dated_twice_differently_names_several_things() {
        let text = "The attack on 5 October killed four. The attack on 12 November killed two. \
                    The attack last week killed one.";
        assert!(dated(text, "2024-01-05").is_empty());
    }
}
