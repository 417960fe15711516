//! Amounts shared out over a population: "With 2.4 million residents and a budget of £1.2bn,
//! the region spends £500 per head", "debt of £2.7tn, equivalent to £40,300 for each of the
//! country's 67 million people", "8.9 million people produced 4.45 million tonnes of waste, or
//! half a tonne each", "Each of the 14 hospitals will receive £2.5m, a total of £35m" and
//! "1.2 tonnes of cocaine with a street value of £96m, or £80,000 a kilo" (a price per unit),
//! and rates per a round number of people: "1,390 cases among its 337,000 residents, a rate of
//! 412 per 100,000".

use super::sentence::Sentence;
use super::tokens::past_possessive;
use super::{comparable, cover};
use crate::claims::{Claim, PerCapitaClaim};
use crate::extract::{Para, Quantity};
use crate::units::Dimension;

/// Does `q` count a population ("2.4 million residents", "a population of 5.4 million")? Its
/// noun is a people word of `rules/nouns.toml` or a `[per_capita] population` noun of
/// `rules/comparisons.toml`, or it has none and follows a `[per_capita] places` word and "of"
/// ("a county of 3.4 million").
fn is_population(p: &Para, q: &Quantity) -> bool {
    let named = |q: &Quantity| {
        q.noun.as_ref().is_some_and(|n| {
            p.vocab.nouns.people.contains(n.lemma.as_str())
                || p.vocab.comparisons.population.contains(n.lemma.as_str())
        }) || (q.noun.is_none()
            && q.first_tok >= 2
            && p.tl(q.first_tok - 1) == "of"
            && p.vocab
                .comparisons
                .population_places
                .contains(p.tl(q.first_tok - 2)))
    };
    q.dimension == Dimension::Count && !q.vague && q.range.is_none() && named(q)
}

/// "Each of the 14 hospitals will receive £2.5m": a count introduced by "each of", which
/// shares what follows among its members, whatever they are.
fn each_of(p: &Para, q: &Quantity) -> bool {
    let k = q.first_tok;
    let k = if k >= 1 && p.tl(k - 1) == "the" {
        k - 1
    } else {
        k
    };
    let shareable = q.dimension == Dimension::Count && !q.vague && q.range.is_none();
    // "Each of the 14 hospitals"
    let each = k >= 2 && p.tl(k - 1) == "of" && p.tl(k - 2) == "each";
    // "shared among 12,000 families", "Split between six walkers", "split three ways"
    let among = k >= 2
        && matches!(p.tl(k - 1), "among" | "amongst" | "between")
        && matches!(p.tl(k - 2), "shared" | "split" | "divided");
    let ways =
        k >= 1 && p.tl(k - 1) == "split" && q.noun.as_ref().is_some_and(|n| n.lemma == "way");
    shareable && (each || among || ways)
}

/// "The 850 tickets sold raised £38,250, or £45 each": an amount per item set off by ", or"
/// right after the total, in a sentence with one count (the items, whatever they are).
fn counted_things(s: &Sentence, e: &Quantity) -> Option<usize> {
    let (p, all) = (s.p, &s.facts.quantities);
    let first = e.first_tok_hedged(p);
    let set_off = first >= 3 && p.tl(first - 1) == "or" && p.is_punct(first - 2, ",");
    if !set_off || !s.figure_at_end(first - 3) {
        return None;
    }
    let counts: Vec<usize> =
        s.qs.iter()
            .copied()
            .filter(|&i| all[i].dimension == Dimension::Count)
            .collect();
    let [ci] = counts[..] else { return None };
    let c = &all[ci];
    (!c.vague && c.range.is_none() && c.noun.is_some() && c.first_tok < e.first_tok).then_some(ci)
}

/// "1.2 tonnes of cocaine worth £96m, or £80,000 a kilo": a price per unit set off right
/// after the amount it divides (", or", "(", "equivalent to"...), and the quantity of that
/// unit's kind it is the price of. Returns the quantity.
fn priced_quantity(s: &Sentence, e: &Quantity) -> Option<usize> {
    let (p, all, qs) = (s.p, &s.facts.quantities, s.qs);
    let per = e.per?;
    let kind = p.vocab.units.registry.get(per).dimension;
    let first = e.first_tok_hedged(p);
    let set_off = first >= 2
        && (p.is_punct(first - 1, "(")
            || (p.tl(first - 1) == "or" && p.is_punct(first - 2, ","))
            || matches!(
                (p.tl(first - 2), p.tl(first - 1)),
                ("equivalent" | "equal", "to") | ("out", "at")
            ));
    if !set_off {
        return None;
    }
    let found: Vec<usize> = qs
        .iter()
        .copied()
        .filter(|&i| {
            let q = &all[i];
            // Not "a 40-hour week": an adjective says what kind of week, not how long the
            // amount took ("£26,000 for a 40-hour week works out at £12.50 an hour").
            q.dimension == kind && q.unit.is_some() && q.per.is_none() && !q.vague && !q.adjectival
        })
        .collect();
    let [qi] = found[..] else { return None };
    (all[qi].range.is_none()).then_some(qi)
}

/// "£500 per head", "£40,300 for each of the country's 67 million people", "two tonnes each".
pub(super) fn per_capita(s: &Sentence, out: &mut Vec<Claim>) {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    let shared_by = qs.iter().copied().find(|&i| each_of(p, &all[i]));
    for &ei in qs {
        let e = &all[ei];
        if matches!(e.dimension, Dimension::Count | Dimension::Percent)
            || e.range.is_some()
            || e.vague
        {
            continue;
        }
        if e.per.is_some() {
            if let Some(qi) = priced_quantity(s, e) {
                push_shared(s, ei, qi, out);
            }
            continue;
        }
        let after = e.last_tok + 1;
        // The population named right after: "for each of the country's 67 million people",
        // "for every one of the 180 homes", "per head of the 56.5 million population". Named
        // so, any counted things share the amount.
        let of_at = if p.tl(after) == "for" && p.tl(after + 1) == "each" && p.tl(after + 2) == "of"
        {
            Some(after + 2)
        } else if p.tl(after) == "for"
            && p.tl(after + 1) == "every"
            && p.tl(after + 2) == "one"
            && p.tl(after + 3) == "of"
        {
            Some(after + 3)
        } else if p.tl(after) == "per" && p.tl(after + 1) == "head" && p.tl(after + 2) == "of" {
            Some(after + 2)
        } else {
            None
        };
        let named = of_at
            .and_then(|of| {
                let k = if matches!(p.tl(of + 1), "the" | "its" | "their") {
                    of + 2
                } else {
                    of + 1
                };
                s.figure_at(past_possessive(p, k))
            })
            .filter(|&i| {
                let q = &all[i];
                q.dimension == Dimension::Count && q.range.is_none() && !q.vague
            });
        // "Each of the 14 hospitals will receive £2.5m": the count shares any amount after it.
        let named = named.or(shared_by.filter(|&i| all[i].first_tok < e.first_tok));
        let words = &p.vocab.comparisons;
        // "£2,600 per patient": "per" and a population noun.
        let per_member = p.tl(after) == "per"
            && p.is_word(after + 1)
            && (words.population.contains(p.tl(after + 1))
                || p.vocab.nouns.people.contains(p.tl(after + 1)));
        let marked = named.is_some()
            || per_member
            || words
                .per_head
                .iter()
                .any(|w| p.match_phrase(after, w).is_some());
        if !marked {
            continue;
        }
        let Some(pi) = named
            .or_else(|| {
                qs.iter()
                    .copied()
                    .filter(|&i| i != ei && is_population(p, &all[i]))
                    .min_by_key(|&i| all[i].first_tok.abs_diff(e.first_tok))
            })
            .or_else(|| counted_things(s, e))
        else {
            continue;
        };
        push_shared(s, ei, pi, out);
    }
    one_for_every(s, out);
}

/// "9,850 officers serving 2.9 million people, one officer for every 190 residents": the
/// larger of the sentence's two other counts over the smaller, when it has exactly two.
fn one_for_every(s: &Sentence, out: &mut Vec<Claim>) {
    let (p, all) = (s.p, &s.facts.quantities);
    for &ei in s.qs {
        let e = &all[ei];
        let k = e.first_tok;
        let one_before = k >= 4
            && p.tl(k - 1) == "every"
            && p.tl(k - 2) == "for"
            && (k.saturating_sub(5)..k - 2).any(|j| p.tl(j) == "one");
        if !one_before || e.dimension != Dimension::Count || e.range.is_some() || e.vague {
            continue;
        }
        let others: Vec<usize> =
            s.qs.iter()
                .copied()
                .filter(|&i| {
                    let q = &all[i];
                    i != ei
                    && q.dimension == Dimension::Count
                    && q.range.is_none()
                    && !q.vague
                    // Not the "one" itself.
                    && !(q.first_tok + 5 >= k && q.first_tok < k)
                })
                .collect();
        let [a, b] = others[..] else { continue };
        let (total, per) = if all[a].stated() > all[b].stated() {
            (a, b)
        } else {
            (b, a)
        };
        out.push(Claim::PerCapita(PerCapitaClaim {
            total,
            population: per,
            each: ei,
            per_count: None,
            span: cover(&[all[a].span, all[b].span, e.span]),
        }));
    }
}

/// The lemma of a figure's noun, if it has one.
fn lemma(q: &Quantity) -> Option<&str> {
    q.noun.as_ref().map(|n| n.lemma.as_str())
}

/// "The state recorded 1,390 homicides, a rate of 6.2 per 100,000 of its 22.4 million
/// residents": a count, then "per" and a power of ten; the sentence's one population (of the
/// rate's own noun when it has one: "per 1,000 live births" takes a count of births) and one
/// other counted thing, fewer than the population, to divide by it.
pub(super) fn rates_per(s: &Sentence, out: &mut Vec<Claim>) {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    let plain = |q: &Quantity| q.dimension == Dimension::Count && !q.vague && q.range.is_none();
    for &ri in qs {
        let r = &all[ri];
        if !plain(r) || p.tl(r.last_tok + 1) != "per" {
            continue;
        }
        let Some(ni) = s.figure_at(r.last_tok + 2) else {
            continue;
        };
        let n = &all[ni];
        let round = n.value.is_some_and(|v| {
            (100.0..=1e7).contains(&v) && (v.log10() - v.log10().round()).abs() < 1e-9
        });
        if !plain(n) || !round || n.hedge.is_some() {
            continue;
        }
        let is_pop = |i: usize| {
            let q = &all[i];
            i != ri
                && i != ni
                && match lemma(n) {
                    Some(l) if !p.vocab.nouns.people.contains(l) => plain(q) && lemma(q) == Some(l),
                    _ => is_population(p, q),
                }
        };
        let pops: Vec<usize> = qs.iter().copied().filter(|&i| is_pop(i)).collect();
        let [pi] = pops[..] else { continue };
        let counted: Vec<usize> = qs
            .iter()
            .copied()
            .filter(|&i| {
                let q = &all[i];
                i != ri
                    && i != ni
                    && i != pi
                    && plain(q)
                    && lemma(q).is_some()
                    && lemma(q) != lemma(&all[pi])
                    && lemma(r).is_none_or(|l| lemma(q) == Some(l))
            })
            .collect();
        let [ci] = counted[..] else { continue };
        if all[ci].stated() >= all[pi].stated() {
            continue;
        }
        out.push(Claim::PerCapita(PerCapitaClaim {
            total: ci,
            population: pi,
            each: ri,
            per_count: Some(ni),
            span: cover(&[all[ci].span, r.span, n.span, all[pi].span]),
        }));
    }
}

/// Pushes "the total over `pi` is `ei` each" when the sentence has one total for it: the same
/// kind of thing as each one's share, and more of it; the only such figure in the sentence, so
/// that "GDP of £60bn ... wages of £30,000 per head" beside another amount is not taken for a
/// division.
fn push_shared(s: &Sentence, ei: usize, pi: usize, out: &mut Vec<Claim>) {
    let (p, all) = (s.p, &s.facts.quantities);
    let e = &all[ei];
    let candidates: Vec<usize> =
        s.qs.iter()
            .copied()
            .filter(|&i| {
                let t = &all[i];
                i != ei
                    && i != pi
                    && t.dimension == e.dimension
                    && t.range.is_none()
                    && !t.vague
                    && t.per.is_none()
                    && comparable_total(p, t, e)
                    && t.stated() > e.stated()
            })
            .collect();
    let [ti] = candidates[..] else {
        return;
    };
    let span = cover(&[all[ti].span, e.span, all[pi].span]);
    out.push(Claim::PerCapita(PerCapitaClaim {
        total: ti,
        population: pi,
        each: ei,
        per_count: None,
        span,
    }));
}

/// Can `t` be the total of which `e` is each one's share? Comparable figures; for a price per
/// unit ("£80,000 a kilo"), an amount of its currency.
fn comparable_total(p: &Para, t: &Quantity, e: &Quantity) -> bool {
    if e.per.is_none() {
        return comparable(p, t, e);
    }
    let reg = &p.vocab.units.registry;
    let family = |q: &Quantity| {
        q.unit
            .map(|u| (reg.get(u).dimension, reg.get(u).currency_family))
    };
    family(t) == family(e)
}
