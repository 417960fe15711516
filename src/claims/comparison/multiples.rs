//! Multiples between two figures that no anchor joined as "from" and "to": "73 railcars, more
//! than three times the 20 seen before" (the figure before the multiplier, the base after it),
//! and a verb of change with two figures after it ("doubled the leave: it was 13 weeks, now 26").

use super::anchors::{Anchor, AnchorKind};
use super::sentence::Sentence;
use super::{comparable, cover, inherited_scale};
use crate::claims::{Claim, RatioClaim};
use crate::extract::hedge;
use crate::units::Dimension;

/// "B was twice the A", "73 railcars, more than three times the 20 seen before", and verbs
/// with two figures after them ("doubled the leave: it was 13 weeks ... now 26 weeks").
pub(super) fn multiples_between(s: &Sentence, anchors: &[Anchor], out: &mut Vec<Claim>) {
    let Sentence {
        p, facts, qs, ms, ..
    } = *s;
    let all = &facts.quantities;
    for &mi in ms {
        let m = &facts.multipliers[mi];
        let has_pair = anchors
            .iter()
            .any(|a| a.kind == AnchorKind::Multiple(mi) && a.from.is_some() && a.to.is_some());
        if has_pair {
            continue;
        }
        let before = hedge::multiplier_hedge_before(p, m.first_tok);
        let hedge = before.map(|h| h.0).or(m.inner_hedge);
        let hedge_first = before.map_or(m.first_tok, |h| h.1);
        let after: Vec<usize> = qs
            .iter()
            .copied()
            .filter(|&i| all[i].first_tok > m.last_tok && all[i].first_tok - m.last_tok <= 30)
            .collect();
        let before: Vec<usize> = qs
            .iter()
            .copied()
            .filter(|&i| all[i].last_tok < hedge_first && hedge_first - all[i].last_tok <= 14)
            .collect();
        // "twice the 169,000", "three times as many as the 20", "times that of".
        let next = p.tl(m.last_tok + 1);
        let compares = (matches!(
            next,
            "the" | "as" | "that" | "what" | "those" | "its" | "their"
        ) && after
            .first()
            .is_some_and(|&i| all[i].first_tok - m.last_tok <= 8))
            || after
                .first()
                .is_some_and(|&i| all[i].first_tok == m.last_tok + 1);
        if compares
            && let (Some(&den), Some(&num)) = (
                after.first(),
                before.iter().rev().find(|&&i| {
                    after
                        .first()
                        .is_some_and(|&d| comparable(p, &all[i], &all[d]))
                }),
            )
        {
            let scale = inherited_scale(&all[den], &all[num]);
            out.push(Claim::Ratio(RatioClaim {
                factor: m.factor,
                hedge,
                multiplier: mi,
                numerator: num,
                denominator: den,
                denominator_scale: scale,
                span: cover(&[all[num].span, m.span, all[den].span]),
            }));
            continue;
        }
        // "four times its 2010 level: 27 GW against 9 GW", "up tenfold, at 1.8 million
        // compared with 300,000": the two figures set against each other after the multiple.
        let set_against = after
            .windows(2)
            .find(|w| {
                let (a, b) = (&all[w[0]], &all[w[1]]);
                let end = a
                    .noun
                    .as_ref()
                    .map_or(a.span.end, |n| p.end(n.tok).max(a.span.end));
                let start = b
                    .hedge_span
                    .map_or(b.span.start, |h| h.start.min(b.span.start));
                end <= start
                    && matches!(
                        p.lower[end..start].trim().trim_start_matches(',').trim(),
                        "against" | "compared with" | "compared to" | "versus" | "vs" | "vs."
                    )
                    && comparable(p, a, b)
            })
            .map(|w| (w[0], w[1]));
        // "halved in value, falling to 42p from 112p": a change word with its figures in a
        // clause right after the multiple says what halved.
        let clause = || {
            let a = anchors.iter().find(|a| {
                a.kind == AnchorKind::Change
                    && a.word_tok.is_some_and(|w| {
                        w > m.last_tok + 1
                            && w - m.last_tok <= 6
                            && p.is_punct(w - 1, ",")
                            && (m.last_tok + 1..w - 1).all(|k| p.is_word(k))
                    })
            })?;
            let (num, den) = (a.to?, a.from?);
            comparable(p, &all[num], &all[den]).then_some((num, den))
        };
        if let Some((num, den)) = set_against.or_else(clause) {
            out.push(Claim::Ratio(RatioClaim {
                factor: m.factor,
                hedge,
                multiplier: mi,
                numerator: num,
                denominator: den,
                denominator_scale: inherited_scale(&all[den], &all[num]),
                span: cover(&[m.span, all[num].span, all[den].span]),
            }));
            continue;
        }
        // A verb of change with two figures after it, earlier first.
        let verb = !matches!(p.tl(m.first_tok), "twice" | "once" | "thrice");
        if verb {
            let same: Vec<usize> = after
                .iter()
                .copied()
                .filter(|&i| all[i].dimension != Dimension::Percent)
                .collect();
            if let [x, y, ..] = same[..]
                && comparable(p, &all[x], &all[y])
                && same.len() == 2
            {
                out.push(Claim::Ratio(RatioClaim {
                    factor: m.factor,
                    hedge,
                    multiplier: mi,
                    numerator: y,
                    denominator: x,
                    denominator_scale: 1.0,
                    span: cover(&[m.span, all[x].span, all[y].span]),
                }));
            }
        }
    }
}
