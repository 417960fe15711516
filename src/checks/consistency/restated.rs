//! `restated-figure`: the same measured thing given different figures in one document.

use crate::checks::date::{sentence_lower, singular};
use crate::checks::{DocInfo, DocParagraph, DocumentCheck, DocumentState, RuleInfo};
use crate::config::Config;
use crate::dates::words::DateWords;
use crate::declare_rule;
use crate::diagnostic::{Expected, Finding, Severity};
use crate::extract::{Para, Quantity, Span};
use crate::interval::Interval;
use crate::units::{Dimension, UnitId};

declare_rule! {
    /// ## What it does
    /// Reports a figure that restates something the document already gave, with a value the
    /// first cannot be: "a range of 900 km" in one paragraph and "a range of 1,000 km" in
    /// another; "73 railcars were visible" and later "70 railcars were visible". The later
    /// place is reported, pointing at the first.
    ///
    /// ## Why
    /// Long stories are written in pieces and updated in place; a figure corrected in the lede
    /// and not in paragraph nine leaves the reader with two answers.
    ///
    /// ## How it decides
    /// Two figures are taken for the same thing only when they say so in the same words: a
    /// measure named the same way ("a range of", "a depth of") in the same unit (or its
    /// conversion in brackets), or the same counted noun doing the same thing ("railcars were
    /// visible", "carrying 73 railcars"). Figures are left alone when their sentence compares, changes,
    /// plans or averages ("previous", "rose", "will", "per"), names another subject ("the
    /// KN-25 has a range of 400 km" against "the Hwasong-11 ..."), is set in another year, or
    /// holds a second figure of the same kind; and a name given three different figures names
    /// several things. The figures are consistent when their intervals meet (hedges and
    /// rounding included: "about 900 km" and "1,000 km" differ, "more than 70" and "73" agree).
    /// Severity: error when even the lenient reading of round figures cannot make them meet,
    /// warning when only the strict one cannot ("70" may be "73" rounded).
    ///
    /// ## Example
    /// ```text
    /// The missile has a range of 900 km, the ministry said.
    /// ...
    /// Its range of 1,200 km puts the capital within reach.
    /// ```
    /// The range is 1,200 km here but 900 km earlier.
    ///
    /// ## Options
    /// None. Different things that share a name can be told apart in the text ("the older
    /// missile", "another train"), or the line can carry a suppression comment.
    pub struct RestatedFigure {
        id: "restated-figure",
        family: "consistency",
        severity: Error,
        enabled: true,
        summary: "The same thing is given different figures in one document",
    }
}

impl DocumentCheck for RestatedFigure {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn begin(&self, _doc: &DocInfo, _config: &Config) -> Box<dyn DocumentState> {
        Box::new(State {
            by_name: Default::default(),
        })
    }
}

/// What a figure measures.
#[derive(Debug, Clone, PartialEq)]
enum Key {
    /// "73 railcars": the counted noun.
    Count(String),
    /// "a range of 900 km": the measure's name, the kind of unit, and whose measure it is
    /// when the text says ("the frigate can reach speeds of"; `None` for "its range of").
    Measure(String, Dimension, Option<String>),
}

/// A figure, copied out of its paragraph.
#[derive(Debug, Clone)]
struct Figure {
    key: Key,
    /// For counted nouns: the content word before the figure and the one after the noun
    /// ("carrying 73 railcars", "73 railcars derailed").
    roles: [Option<String>; 2],
    /// Names in the figure's sentence: its subject or place, when it has one.
    names: Vec<String>,
    /// Years the sentence mentions.
    years: Vec<i32>,
    /// Days and times the sentence mentions, as written ("on monday", "3 january").
    when: Vec<String>,
    /// The figure as written, then its conversion in brackets if it has one: a restatement
    /// repeats one of the units.
    readings: Vec<Reading>,
    stated: f64,
    text: String,
    span: Span,
}

/// A figure in one unit.
#[derive(Debug, Clone, Copy)]
struct Reading {
    unit: Option<UnitId>,
    lenient: Interval,
    strict: Interval,
}

impl Reading {
    fn of(q: &Quantity) -> Reading {
        Reading {
            unit: q.unit,
            lenient: q.interval,
            strict: q.strict,
        }
    }
}

impl Figure {
    /// The two figures in a unit both use.
    fn shared(&self, o: &Figure) -> Option<(Reading, Reading)> {
        self.readings.iter().find_map(|a| {
            o.readings
                .iter()
                .find(|b| b.unit == a.unit)
                .map(|b| (*a, *b))
        })
    }

    /// Do the two figures meet, read strictly or leniently? Figures in no common unit are
    /// not compared.
    fn meets(&self, o: &Figure, strict: bool) -> bool {
        match self.shared(o) {
            Some((a, b)) if strict => a.strict.intersects(&b.strict),
            Some((a, b)) => a.lenient.intersects(&b.lenient),
            None => true,
        }
    }
}

struct State {
    /// Figures by name; `None` once a name has more than [`MAX_NAMED`] (memory stays bounded
    /// however long the document).
    by_name: rustc_hash::FxHashMap<(String, &'static str), Option<Vec<Figure>>>,
}

impl DocumentState for State {
    fn paragraph(&mut self, para: &DocParagraph, _out: &mut Vec<Finding>) {
        let mut found = Vec::new();
        read(para, &mut found);
        for f in found {
            let slot = self
                .by_name
                .entry(name_of(&f.key))
                .or_insert_with(|| Some(Vec::new()));
            if let Some(v) = slot {
                if v.len() < MAX_NAMED {
                    v.push(f);
                } else {
                    *slot = None;
                }
            }
        }
    }

    fn finish(&mut self, out: &mut Vec<Finding>) {
        for figures in self.by_name.values().flatten() {
            if figures.len() >= 2 {
                check_named(figures, out);
            }
        }
    }
}

/// The first content word from token `i` stepping by `step`, at most three words, within the
/// sentence and before any punctuation.
fn content_word(p: &Para, i: usize, forward: bool, words: &DateWords) -> Option<String> {
    let mut k = i;
    for _ in 0..3 {
        if !p.is_word(k) {
            return None;
        }
        let w = p.tl(k);
        if p.vocab.nouns.not_nouns.contains(w) && !words.filler.has_word(w) {
            return None; // a pronoun or a preposition says nothing of what is counted
        }
        if !words.filler.has_word(w) {
            return Some(stem(w));
        }
        k = if forward { k + 1 } else { k.checked_sub(1)? };
    }
    None
}

/// A crude stem so "derailed" and "derail", "shows" and "showed" meet.
fn stem(w: &str) -> String {
    let w = w.trim_end_matches("'s").trim_end_matches("’s");
    for suf in ["ing", "ed", "es", "s"] {
        if let Some(s) = w.strip_suffix(suf)
            && s.len() >= 3
        {
            return s.to_string();
        }
    }
    w.to_string()
}

/// Is the figure at `j` the conversion of the one at `i` ("900 km (559 miles)", "900 km, or
/// about 560 miles")?
fn converts(p: &Para, a: &Quantity, b: &Quantity) -> bool {
    if a.dimension.family() != b.dimension.family() || b.span.start < a.span.end {
        return false;
    }
    let between = p.lower[a.span.end..b.span.start]
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ',' | '/' | '-' | '–'));
    between.is_empty()
        || p.vocab
            .comparisons
            .conversion_links
            .iter()
            .any(|l| l == between)
}

fn read(para: &DocParagraph, out: &mut Vec<Figure>) {
    let p = para.para;
    let facts = para.facts;
    let words = DateWords::builtin();
    // Read only for a paragraph with figures worth comparing.
    // An agency dateline's date is the story's, not its first sentence's.
    let body = crate::dates::document::dateline_end(p, facts).unwrap_or(0);
    // The figures of each sentence, gathered in one pass (not one pass per sentence).
    let mut by_sentence: Vec<Vec<&Quantity>> = vec![Vec::new(); facts.sentences.len()];
    for q in &facts.quantities {
        if let Some(v) = by_sentence.get_mut(q.sentence) {
            v.push(q);
        }
    }
    for (s, &(a, b)) in facts.sentences.iter().enumerate() {
        let in_sentence = std::mem::take(&mut by_sentence[s]);
        // The figures of the sentence, each with its conversion.
        let mut own: Vec<(&Quantity, Option<&Quantity>)> = Vec::new();
        for q in &in_sentence {
            if let Some(last) = own.last_mut()
                && last.1.is_none()
                && converts(p, last.0, q)
            {
                last.1 = Some(q);
                continue;
            }
            own.push((q, None));
        }
        // A percentage worked out from two figures beside it ("23 of 31 kicks, a success rate
        // of 74%") belongs to those figures, not to a name another sentence may share.
        let counted = in_sentence
            .iter()
            .filter(|q| q.dimension != Dimension::Percent)
            .count();
        let derived = |q: &Quantity| q.dimension == Dimension::Percent && counted >= 2;
        // Those the text names ("a range of", "railcars were visible").
        let keyed: Vec<_> = own
            .iter()
            .filter(|(q, _)| {
                !q.vague && q.dimension != Dimension::Time && q.interval.is_bounded() && !derived(q)
            })
            .filter_map(|&(q, c)| key_of(p, q, words).map(|(k, r)| (q, c, k, r)))
            .collect();
        if keyed.is_empty() {
            continue;
        }
        let lower = sentence_lower(p, facts, s);
        if words.restated_skip.in_text(lower) {
            continue;
        }
        // Change words ("rose", "cut") outside the figures' own hedges.
        let hedged = |pos: usize| {
            in_sentence
                .iter()
                .any(|q| q.hedge_span.is_some_and(|h| h.start <= pos && pos < h.end))
        };
        let first_tok = p.tok_at(a);
        let last_tok = p.tok_at(b);
        let changes = (first_tok..last_tok).any(|k| {
            p.is_word(k) && !hedged(p.start(k)) && p.vocab.comparisons.trend.contains_key(p.tl(k))
        });
        if changes {
            continue;
        }
        let years: Vec<i32> = facts
            .dates
            .iter()
            .filter(|m| a.max(body) <= m.span.start && m.span.start < b)
            .filter_map(|m| m.year)
            .collect();
        let when: Vec<String> = facts
            .dates
            .iter()
            .map(|m| m.span)
            .chain(para.relative_refs().iter().map(|r| r.span))
            .filter(|x| a.max(body) <= x.start && x.start < b)
            .map(|x| p.lower[x.start..x.end].to_string())
            .collect();
        let mut found: Vec<Figure> = Vec::new();
        for (q, conversion, key, roles) in keyed {
            // "73 railcars": the count with its noun.
            let end = match (&key, &q.noun) {
                (Key::Count(_), Some(n)) => p.end(n.tok).max(q.span.end),
                _ => q.span.end,
            };
            let span = Span::new(q.span.start, end);
            // Names before the figure (its subject) and just after it ("killed in Gaza"), not
            // the far end of the sentence ("bound for the port of Easton").
            let after = p.tok_at(end);
            let mut names = names_in(p, first_tok, first_tok, q.first_tok);
            names.extend(names_in(p, first_tok, after, (after + 4).min(last_tok)));
            found.push(Figure {
                key,
                roles,
                names,
                years: years.clone(),
                when: when.clone(),
                readings: std::iter::once(q)
                    .chain(conversion)
                    .map(Reading::of)
                    .collect(),
                stated: q.stated(),
                text: p.text[span.start..span.end].to_string(),
                span: para.to_source(span),
            });
        }
        // Two figures of one kind in a sentence compare or list: neither restates anything.
        let alone: Vec<bool> = found
            .iter()
            .enumerate()
            .map(|(i, f)| {
                !found
                    .iter()
                    .enumerate()
                    .any(|(j, g)| i != j && same_kind(&f.key, &g.key))
            })
            .collect();
        out.extend(
            found
                .into_iter()
                .zip(alone)
                .filter(|(_, a)| *a)
                .map(|(f, _)| f),
        );
    }
}

/// The same measure or counted noun, whoever it belongs to.
fn same_name(a: &Key, b: &Key) -> bool {
    match (a, b) {
        (Key::Count(x), Key::Count(y)) => x == y,
        (Key::Measure(x, dx, _), Key::Measure(y, dy, _)) => x == y && dx == dy,
        _ => false,
    }
}

fn same_kind(a: &Key, b: &Key) -> bool {
    match (a, b) {
        (Key::Count(x), Key::Count(y)) => x == y,
        (Key::Measure(_, x, _), Key::Measure(_, y, _)) => x.family() == y.family(),
        _ => false,
    }
}

/// What a figure measures, if the text names it.
fn key_of(p: &Para, q: &Quantity, words: &DateWords) -> Option<(Key, [Option<String>; 2])> {
    let first = q.first_tok_hedged(p);
    if let (Some(noun), None) = (&q.noun, q.unit) {
        let before = first
            .checked_sub(1)
            .and_then(|k| content_word(p, k, false, words));
        let after = content_word(p, noun.tok + 1, true, words);
        if before.is_none() && after.is_none() {
            return None;
        }
        return Some((Key::Count(noun.lemma.clone()), [before, after]));
    }
    q.unit?;
    // "a range of 900 km", "its range is about 900 km".
    let (_, link) = words.measure_links.before(p, first)?;
    let k = link.checked_sub(1)?;
    if !p.is_word(k) || p.is_capitalized(k) {
        return None;
    }
    let w = p.tl(k);
    if w.len() < 3
        || p.vocab.nouns.not_nouns.contains(w)
        || words.filler.has_word(w)
        || p.vocab.units.registry.find_key(w).is_some()
    {
        return None;
    }
    let owner = owner_before(p, k, words);
    Some((Key::Measure(singular(w), q.dimension, owner), [None, None]))
}

/// Whose measure the word at `m` is: the nearest noun after a determiner before it in the
/// clause ("The frigate can reach speeds of" -> frigate). `None` when a pronoun stands there
/// ("its range of") or nothing is found.
fn owner_before(p: &Para, m: usize, words: &DateWords) -> Option<String> {
    let nounish = |k: usize| {
        p.is_word(k)
            && !p.is_capitalized(k)
            && !p.vocab.nouns.not_nouns.contains(p.tl(k))
            && !words.filler.has_word(p.tl(k))
    };
    let mut k = m;
    for _ in 0..8 {
        k = k.checked_sub(1)?;
        if !p.is_word(k) {
            return None;
        }
        let w = p.tl(k);
        // "its range of": the owner was named before. "The county said the range of": the
        // sayer owns nothing.
        if matches!(w, "its" | "their" | "his" | "her" | "our" | "it" | "they")
            || words.reporting.has_word(w)
        {
            return None;
        }
        let det = k > 0 && matches!(p.tl(k - 1), "the" | "a" | "an" | "this" | "that");
        if det && nounish(k) {
            // The head of the phrase: "The evacuation zone has" -> zone.
            let mut head = k;
            while head + 1 < m && nounish(head + 1) && !p.attached(head + 1) {
                head += 1;
            }
            return Some(singular(p.tl(head)));
        }
    }
    None
}

/// The names between tokens `from` and `to` of a sentence starting at token `start` ("The
/// Hwasong-11 has a range of", "were killed in Gaza"): the subject or the place a figure
/// belongs to. The sentence's first word counts only when it looks like a name ("KN-25",
/// "NASA").
fn names_in(p: &Para, start: usize, from: usize, to: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut k = from;
    while k < to {
        // Identifiers with figures in them: "747-400", "A380", "F-16".
        let glued =
            |j: usize| j < to && p.attached(j) && !p.is_punct_any(j, &[",", ".", ";", ":", ")"]);
        if (p.is_digits(k) || p.is_word(k))
            && glued(k + 1)
            && (p.is_digits(k + 1) || p.is_punct_any(k + 1, &["-", "‑"]))
        {
            let mut e = k + 1;
            while glued(e + 1) {
                e += 1;
            }
            if (k..=e).any(|j| p.is_digits(j)) && (k..=e).any(|j| !p.is_digits(j)) {
                out.push(p.slice_lower(k, e).to_string());
                k = e + 1;
                continue;
            }
        }
        if p.is_capitalized(k) {
            let w = p.tl(k);
            let skip = p.vocab.guards.months.contains_key(w)
                || p.vocab.guards.weekdays.contains_key(w)
                || p.vocab.nouns.not_nouns.contains(w)
                || (k == start && p.t(k).chars().filter(|c| c.is_uppercase()).count() < 2);
            if !skip {
                out.push(w.to_string());
            }
        }
        k += 1;
    }
    out
}

/// May two figures be the same thing?
fn comparable(a: &Figure, b: &Figure) -> bool {
    let owners_agree = match (&a.key, &b.key) {
        (Key::Measure(_, _, ox), Key::Measure(_, _, oy)) => {
            ox.is_none() || oy.is_none() || ox == oy
        }
        _ => true,
    };
    owners_agree && related(a, b)
}

/// Might the two be one thing, whoever the text says owns the measure? The same name and
/// role, a unit in common, and nothing (names, years, days) setting them apart.
fn related(a: &Figure, b: &Figure) -> bool {
    if !same_name(&a.key, &b.key) || a.shared(b).is_none() {
        return false;
    }
    if let Key::Count(_) = a.key {
        let shared = (a.roles[0].is_some() && a.roles[0] == b.roles[0])
            || (a.roles[1].is_some() && a.roles[1] == b.roles[1]);
        if !shared {
            return false;
        }
    }
    let named_apart =
        !a.names.is_empty() && !b.names.is_empty() && !a.names.iter().any(|n| b.names.contains(n));
    let years_apart = (!a.years.is_empty() || !b.years.is_empty()) && a.years != b.years;
    // "120 warnings on Monday" and "45 warnings on Wednesday" are two days' counts.
    let days_apart =
        !a.when.is_empty() && !b.when.is_empty() && !a.when.iter().any(|w| b.when.contains(w));
    !named_apart && !years_apart && !days_apart
}

/// A name given to more figures than this in one document heads a table of figures (or the
/// document is many stories in one file), not one thing restated.
const MAX_NAMED: usize = 40;

/// The name a figure is filed under: only figures of one name are ever compared.
fn name_of(k: &Key) -> (String, &'static str) {
    match k {
        Key::Count(noun) => (noun.clone(), "count"),
        Key::Measure(name, dim, _) => (name.clone(), dim.as_str()),
    }
}

/// Compares the figures of one name, in document order.
fn check_named(figures: &[Figure], out: &mut Vec<Finding>) {
    let named: Vec<usize> = (0..figures.len()).collect();
    let mut done = vec![false; named.len()];
    for (a, &i) in named.iter().enumerate() {
        if done[a] {
            continue;
        }
        // Every figure that may be the same thing as figure i.
        let mut group: Vec<usize> = Vec::new();
        for (b, &j) in named.iter().enumerate().skip(a) {
            if j == i || comparable(&figures[i], &figures[j]) {
                done[b] = true;
                group.push(j);
            }
        }
        // Three figures that all disagree name several things, not one thing restated: count
        // them over every figure that might be the first's, whoever owns it ("a depth of 40 m",
        // "a depth of 90 m", "a depth of 150 m" are three sites, not one).
        let mut values: Vec<&Figure> = Vec::new();
        for f in named
            .iter()
            .map(|&j| &figures[j])
            .filter(|f| related(&figures[i], f))
        {
            if !values.iter().any(|v| v.meets(f, false)) {
                values.push(f);
            }
        }
        if values.len() > 2 {
            continue;
        }
        let first = &figures[i];
        let mut flagged: Vec<&Figure> = Vec::new();
        for &j in &group[1..] {
            let f = &figures[j];
            if f.meets(first, true) || flagged.iter().any(|g| g.meets(f, true)) {
                continue;
            }
            flagged.push(f);
            out.push(finding(first, f));
        }
    }
}

fn finding(first: &Figure, later: &Figure) -> Finding {
    let severity = if later.meets(first, false) {
        Severity::Warning
    } else {
        Severity::Error
    };
    let (message, note) = match &first.key {
        Key::Measure(name, _, _) => (
            format!(
                "the {name} is {} here but {} earlier",
                later.text, first.text
            ),
            format!(
                "if these are two different {}, say which is which",
                crate::checks::date::plural(name)
            ),
        ),
        Key::Count(noun) => (
            format!("{} here but {} earlier", later.text, first.text),
            format!(
                "both count {p} in the same words; if they are different {p}, say which is which",
                p = crate::checks::date::plural(noun)
            ),
        ),
    };
    let mut f = Finding::new(RestatedFigure::INFO.id, severity, later.span, message);
    f.related.push(first.span);
    f.expected = Some(Expected {
        text: first.text.clone(),
        value: first.stated,
        unit: None,
    });
    f.notes.push(note);
    if severity == Severity::Warning {
        f.notes
            .push("the two meet only if the round figure was rounded loosely".into());
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::testing::check_rule;

    const ID: &str = "restated-figure";

    #[test]
    fn a_measure_restated_differently() {
        let text = "The missile has a range of 900 km, the ministry said.\n\n\
                    Analysts noted that its range of 1,200 km puts the capital within reach.";
        let f = check_rule(ID, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(
            f[0].message,
            "the range is 1,200 km here but 900 km earlier"
        );
        assert_eq!(&text[f[0].related[0].start..f[0].related[0].end], "900 km");
        assert_eq!(&text[f[0].span.start..f[0].span.end], "1,200 km");
    }

    #[test]
    fn a_count_restated_differently() {
        let text = "Exactly 73 railcars were visible at the depot.\n\n\
                    Officials confirmed that 60 railcars were visible at the depot.";
        let f = check_rule(ID, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[0].message, "60 railcars here but 73 railcars earlier");
        // 73 is not 70, but "70" may be a loose rounding of it: a warning.
        let text = "Exactly 73 railcars were visible at the depot.\n\n\
                    Officials confirmed that 70 railcars were visible at the depot.";
        let f = check_rule(ID, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, Severity::Warning);
        // "Approximately 73" covers 70.
        let text = "Approximately 73 railcars were visible at the depot.\n\n\
                    Officials confirmed that 70 railcars were visible at the depot.";
        assert!(check_rule(ID, text).is_empty());
    }

    #[test]
    fn restatements_that_agree_hold() {
        for text in [
            "The missile has a range of about 900 km. Its range of 880 km covers the capital.",
            "The missile has a range of 900 km (560 miles). Its range of 559 miles is enough.",
            "More than 70 railcars were visible. In all, 73 railcars were visible.",
        ] {
            assert!(check_rule(ID, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn different_things_with_the_same_name_are_left_alone() {
        for text in [
            // Two missiles, named apart.
            "The Hwasong-11 has a range of 900 km. The KN-25 has a range of 400 km.",
            // Two places.
            "Twelve people were killed in Gaza. Forty people were killed in Rafah.",
            // Two days.
            "The agency issued 120 flood warnings on Monday. On Wednesday it issued 45 flood \
             warnings.",
            // A change over time.
            "The train carried 73 railcars. Last year it carried 60 railcars.",
            // Different roles: killed and injured.
            "Twelve people were killed. Forty people were injured.",
            // A comparison in one sentence.
            "Images showed 73 railcars, whereas earlier pictures showed 20 railcars.",
            // The same unit, different things: a depth and a length.
            "The well has a depth of 40 m. The pipe has a length of 900 m.",
            // The same measure of different things.
            "The frigate can reach speeds of 30 knots. The robot moves at a speed of 2 knots.",
            // No unit in common.
            "The park has an area of 208 square miles. It has an area of 55,699 acres.",
            // Contrast words.
            "The old bridge has a span of 300 m. The new bridge has a span of 450 m.",
        ] {
            assert!(check_rule(ID, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn figures_of_other_places_do_not_count_as_other_values() {
        let text = "In Turkey, 8,574 people were killed, the disaster agency said. In Syria, \
                    2,662 people were killed. In 1939, 33,000 people were killed in Erzincan.\n\n\
                    In Turkey, 8,754 people were killed, the agency said.";
        let f = check_rule(ID, text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].message, "8,754 people here but 8,574 people earlier");
    }

    #[test]
    fn three_different_values_name_several_things() {
        let text = "The survey logged a depth of 40 m. Divers found a depth of 90 m at the \
                    ridge. The sonar showed a depth of 150 m.";
        assert!(check_rule(ID, text).is_empty());
    }

    #[test]
    fn a_rate_worked_out_from_its_own_figures_restates_nothing() {
        // 17/25 = 68% and 23/31 = 74.2%: two rates of two things, each from its own figures.
        let text = "The kicker landed 17 of 25 field goals, a success rate of 68%.\n\n\
                    The team converted 23 of 31 penalty kicks, a success rate of 74%.";
        assert!(check_rule(ID, text).is_empty());
        // A rate stated on its own is still a figure the document can restate.
        let text = "The clinic has a success rate of 74%.\n\nThe clinic has a success rate of 64%.";
        assert_eq!(check_rule(ID, text).len(), 1);
    }
}
