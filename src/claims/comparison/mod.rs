//! Comparison claims: percent changes, multiples, shares, directions, differences and totals.
//!
//! A sentence is read around its anchors: change words ("rose", "fell", "up"), percentages next
//! to them, and multipliers ("doubled", "three times"). Each anchor takes the figures introduced
//! by "from" and "to" nearest to it, so "sales were up 17.5 pct to 94.0 mln from 80.0 mln and
//! orders up 15.5 pct to 101.1 mln from 87.4 mln" gives two claims, each with its own figures.
//! Then each family of phrasing is read by its own finder, in this order:
//!
//! - `anchors`: changes from one figure to another ("rose 17.5 pct to 94.0 mln from 80.0 mln");
//! - `amounts`: changes stated as an amount ("up 64 pence, or 6%, at 1130p");
//! - `multiples`: multiples between two figures ("73, more than three times the 20");
//! - `shares`: parts of a whole ("30 of 120 people, or 25%");
//! - `differences`: differences ("73, 53 more than the 20"; "rose to 214, up 38 from 176");
//! - `percent_than`: a percentage between two figures ("4,500, 50% more than the 3,000");
//! - `totals`: totals and their parts ("a total of 12: 5 missiles, 3 launchers and 4 shells");
//! - `contrasts`: two counts of one thing set side by side ("73 railcars ... whereas 20").

mod amounts;
mod anchors;
mod contrasts;
mod differences;
mod multiples;
mod per_capita;
mod percent_than;
mod sentence;
mod shares;
mod tokens;
mod totals;

use super::Claim;
use crate::extract::{Facts, Para, Quantity, Span};
use crate::units::Dimension;
use crate::vocab::HedgeKind;
use amounts::amounts_with_base;
use contrasts::contrasts;
use differences::differences;
use multiples::multiples_between;
use per_capita::{per_capita, rates_per};
use percent_than::percent_than;
use sentence::Sentence;
use shares::shares;
use totals::totals;

/// Finds the comparison claims of a paragraph.
pub fn find(p: &Para, facts: &Facts, out: &mut Vec<Claim>) {
    // The quantities, multipliers and fractions of each sentence, gathered in one pass: a paragraph with
    // many sentences (a long file with no blank line) must not be rescanned per sentence.
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); facts.sentences.len()];
    for (i, q) in facts.quantities.iter().enumerate() {
        if let Some(v) = by_sentence.get_mut(q.sentence) {
            v.push(i);
        }
    }
    let mut multipliers_in: Vec<Vec<usize>> = vec![Vec::new(); facts.sentences.len()];
    for (i, m) in facts.multipliers.iter().enumerate() {
        if let Some(v) = multipliers_in.get_mut(m.sentence) {
            v.push(i);
        }
    }
    let mut fractions_in: Vec<Vec<usize>> = vec![Vec::new(); facts.sentences.len()];
    for (i, f) in facts.fractions.iter().enumerate() {
        if let Some(v) = fractions_in.get_mut(f.sentence) {
            v.push(i);
        }
    }
    for (si, &(s_start, s_end)) in facts.sentences.iter().enumerate() {
        let (t0, t1) = (p.tok_at(s_start), p.tok_at(s_end));
        let all_qs = std::mem::take(&mut by_sentence[si]);
        let (ms, fs) = (&multipliers_in[si], &fractions_in[si]);
        if all_qs.len() + fs.len() < 2 {
            continue;
        }
        // "28mg per 100g", "8.2 per 100,000": the figure after "per" is the unit of a rate,
        // not a figure to compare; only the rate finder reads it.
        let qs: Vec<usize> = all_qs
            .iter()
            .copied()
            .filter(|&i| !after_per(p, facts, i))
            .collect();
        let s = Sentence {
            p,
            facts,
            qs: &qs,
            ms,
            fs,
            t0,
            t1,
        };
        let mut anchors = anchors::find(&s);
        anchors::assign_from_to(&s, &mut anchors);
        let mut claimed: Vec<usize> = Vec::new();
        for a in &anchors {
            anchors::emit(&s, a, out, &mut claimed);
        }
        amounts_with_base(&s, &anchors, out, &mut claimed);
        multiples_between(&s, &anchors, out);
        shares(&s, out);
        differences(&s, out);
        percent_than(&s, out);
        totals(&s, out);
        per_capita(&s, out);
        rates_per(&Sentence { qs: &all_qs, ..s }, out);
        contrasts(&s, &claimed, out);
    }
}

/// Is quantity `i` the denominator of a rate, right after "per" and a figure ("28mg per 100g")?
fn after_per(p: &Para, facts: &Facts, i: usize) -> bool {
    let k = facts.quantities[i].first_tok;
    k >= 2 && p.tl(k - 1) == "per" && i > 0 && facts.quantities[i - 1].last_tok + 2 == k
}

/// Up or down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
}

/// Can `part` be counted out of `whole` when the sentence says so ("450 jobs, or 15% of its
/// 3,000 staff")? Comparable figures, or two counts of things named differently: the wording
/// makes the share, not the nouns.
pub(super) fn part_of_whole(p: &Para, part: &Quantity, whole: &Quantity) -> bool {
    comparable(p, part, whole)
        || (part.dimension == Dimension::Count && whole.dimension == Dimension::Count)
}

/// Are two quantities the same kind of thing, so one can be compared with the other?
pub fn comparable(p: &Para, a: &Quantity, b: &Quantity) -> bool {
    let reg = &p.vocab.units.registry;
    let kind = |q: &Quantity| match q.dimension {
        Dimension::Count => None,
        d => Some(d),
    };
    match (kind(a), kind(b)) {
        (None, None) => match (&a.noun, &b.noun) {
            (Some(x), Some(y)) => x.lemma == y.lemma || x.lemma == "point" || y.lemma == "point",
            _ => true,
        },
        // "to 94.0 mln dlrs from 80.0 mln": the unit is written once. A count of things
        // ("64 million users") is not money.
        (Some(Dimension::Currency), None) => b.noun.is_none(),
        (None, Some(Dimension::Currency)) => a.noun.is_none(),
        (Some(d), None) | (None, Some(d)) => {
            d.is_physical() && a.noun.is_none() && b.noun.is_none()
        }
        (Some(x), Some(y)) => {
            if x != y {
                return false;
            }
            if x == Dimension::Currency {
                let fam = |q: &Quantity| q.unit.and_then(|u| reg.get(u).currency_family);
                return fam(a) == fam(b);
            }
            if x == Dimension::Percent {
                return a.unit == b.unit;
            }
            a.per == b.per
        }
    }
}

/// "to 381 mln dlrs from 160": the second figure takes the first's scale when the writer left
/// it out and only that reading makes sense.
pub fn inherited_scale(from: &Quantity, to: &Quantity) -> f64 {
    if from.scale <= 1.0 && to.scale > 1.0 {
        let raw = to.stated() / from.stated().abs().max(f64::MIN_POSITIVE);
        let scaled = raw / to.scale;
        if raw > 1000.0 && (0.01..=100.0).contains(&scaled) {
            return to.scale;
        }
    }
    if to.scale <= 1.0 && from.scale > 1.0 {
        let raw = from.stated() / to.stated().abs().max(f64::MIN_POSITIVE);
        if raw > 1000.0 && (0.01..=100.0).contains(&(raw / from.scale)) {
            return 1.0 / from.scale;
        }
    }
    1.0
}

/// True when a hedge makes a multiple a lower bound ("more than doubled").
pub fn is_lower(h: Option<HedgeKind>) -> bool {
    h.is_some_and(|h| h.is_lower_bound())
}

/// Is quantity `i` already the percentage of a percent-change claim?
fn states_percent_change(claims: &[Claim], i: usize) -> bool {
    claims
        .iter()
        .any(|c| matches!(c, Claim::PercentChange(pc) if pc.percent == i))
}

/// The smallest span that covers all of `spans`.
fn cover(spans: &[Span]) -> Span {
    spans.iter().skip(1).fold(spans[0], |acc, s| acc.cover(s))
}
