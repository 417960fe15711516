//! Amounts shared out over a population: "With 2.4 million residents and a budget of £1.2bn,
//! the region spends £500 per head", "debt of £2.7tn, equivalent to £40,300 for each of the
//! country's 67 million people", "8.9 million people produced 4.45 million tonnes of waste, or
//! half a tonne each".

use super::sentence::Sentence;
use super::tokens::past_possessive;
use super::{comparable, cover};
use crate::claims::{Claim, PerCapitaClaim};
use crate::extract::{Para, Quantity};
use crate::units::Dimension;

/// Does `q` count a population ("2.4 million residents")? Its noun is a people word of
/// `rules/nouns.toml` or a `[per_capita] population` noun of `rules/comparisons.toml`.
fn is_population(p: &Para, q: &Quantity) -> bool {
    q.dimension == Dimension::Count
        && !q.vague
        && q.range.is_none()
        && q.noun.as_ref().is_some_and(|n| {
            p.vocab.nouns.people.contains(n.lemma.as_str())
                || p.vocab.comparisons.population.contains(n.lemma.as_str())
        })
}

/// "£500 per head", "£40,300 for each of the country's 67 million people", "two tonnes each".
pub(super) fn per_capita(s: &Sentence, out: &mut Vec<Claim>) {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    for &ei in qs {
        let e = &all[ei];
        if matches!(e.dimension, Dimension::Count | Dimension::Percent)
            || e.range.is_some()
            || e.vague
            || e.per.is_some()
        {
            continue;
        }
        let after = e.last_tok + 1;
        // The population named right after: "for each of the country's 67 million people".
        let named = (p.tl(after) == "for" && p.tl(after + 1) == "each" && p.tl(after + 2) == "of")
            .then(|| {
                let k = if p.tl(after + 3) == "the" {
                    after + 4
                } else {
                    after + 3
                };
                s.figure_at(past_possessive(p, k))
            })
            .flatten()
            .filter(|&i| is_population(p, &all[i]));
        let marked = named.is_some()
            || p.vocab
                .comparisons
                .per_head
                .iter()
                .any(|w| p.match_phrase(after, w).is_some());
        if !marked {
            continue;
        }
        let Some(pi) = named.or_else(|| {
            qs.iter()
                .copied()
                .filter(|&i| i != ei && is_population(p, &all[i]))
                .min_by_key(|&i| all[i].first_tok.abs_diff(e.first_tok))
        }) else {
            continue;
        };
        // The amount shared out: the same kind of thing as each one's share, and more of it;
        // the only such figure in the sentence, so that "GDP of £60bn ... wages of £30,000 per
        // head" beside another amount is not taken for a division.
        let candidates: Vec<usize> = qs
            .iter()
            .copied()
            .filter(|&i| {
                let t = &all[i];
                i != ei
                    && i != pi
                    && t.dimension == e.dimension
                    && t.range.is_none()
                    && !t.vague
                    && t.per.is_none()
                    && comparable(p, t, e)
                    && t.stated() > e.stated()
            })
            .collect();
        let [ti] = candidates[..] else {
            continue;
        };
        let span = cover(&[all[ti].span, e.span, all[pi].span]);
        out.push(Claim::PerCapita(PerCapitaClaim {
            total: ti,
            population: pi,
            each: ei,
            span,
        }));
    }
}
