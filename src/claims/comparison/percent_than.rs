//! A percentage between two figures, comparing the one before it with a base after "than":
//! "4,500 people, 50% more than the 3,000 in 2020" is a percent change from 3,000 to 4,500;
//! so is "4,500, 50% above the 3,000".

use super::sentence::Sentence;
use super::tokens::just_before;
use super::{Trend, comparable, cover, inherited_scale, states_percent_change};
use crate::claims::{Claim, PercentChangeClaim};
use crate::extract::Quantity;
use crate::units::Dimension;

/// "4,500 people, 50% more than the 3,000 in 2020": a percentage compares the figure before
/// it with the base after "than"; a percent change from the base to the figure.
pub(super) fn percent_than(s: &Sentence, out: &mut Vec<Claim>) {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    for &pi in qs {
        let pq = &all[pi];
        if pq.unit.is_none() || pq.unit != p.vocab.units.percent || pq.range.is_some() {
            continue;
        }
        let k = pq.last_tok + 1;
        // "50% more than the 3,000", and "3.2 pct above the 1.39 mln" with no "than".
        let (trend, than) = match crate::extract::comparative_than(p, k) {
            Some(true) => (Trend::Up, k + 1),
            Some(false) => (Trend::Down, k + 1),
            None => match p.tl(k) {
                "above" => (Trend::Up, k),
                "below" => (Trend::Down, k),
                _ => continue,
            },
        };
        if states_percent_change(out, pi) {
            continue;
        }
        let Some(bi) = s.base_after(than) else {
            continue;
        };
        let first = pq.first_tok_hedged(p);
        let Some(&ci) = qs
            .iter()
            .rfind(|&&i| just_before(p, &all[i], first, 3) && all[i].sentence == pq.sentence)
        else {
            continue;
        };
        let (base, compared) = (&all[bi], &all[ci]);
        let percentages = |q: &Quantity| q.dimension == Dimension::Percent;
        if percentages(base)
            || percentages(compared)
            || base.range.is_some()
            || compared.range.is_some()
            || base.vague
            || compared.vague
            || !comparable(p, base, compared)
            || !{
                // Set off by a comma, or joined by a copula ("120,000 cars were 20% higher").
                let end = compared
                    .noun
                    .as_ref()
                    .map_or(compared.span.end, |n| p.end(n.tok));
                let gap = p.lower[end.min(pq.span.start)..pq.span.start].trim();
                gap.contains(',') || matches!(gap, "was" | "were" | "is" | "are" | "was now")
            }
        {
            continue;
        }
        out.push(Claim::PercentChange(PercentChangeClaim {
            percent: pi,
            from: Some(bi),
            to: ci,
            amount: None,
            trend: Some(trend),
            from_scale: inherited_scale(base, compared),
            span: cover(&[compared.span, pq.span, base.span]),
        }));
    }
}
