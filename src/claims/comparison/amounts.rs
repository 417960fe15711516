//! Percent changes stated with the change as an amount, where the base is the level minus the
//! change: "up 64 pence, or 6%, at 1130p" (the amount before the percentage), "rose 180 mln stg
//! to 2.46 billion stg, an increase of 7.9 pct" (the amount after the change word), "fell 2.4%
//! to $81.20 a barrel, down $1.60" (the amount after the level).

use super::anchors::{Anchor, AnchorKind, REACH};
use super::sentence::Sentence;
use super::tokens::{trend_of, word_before, words_then_comma};
use super::{Trend, comparable, cover, inherited_scale};
use crate::claims::{Claim, PercentChangeClaim};
use crate::extract::Quantity;
use crate::units::Dimension;

/// "up 64 pence, or 6%, at 1130p": a change stated as an amount and a percentage, with the
/// level after it; the base is the level minus the change.
pub(super) fn amounts_with_base(
    s: &Sentence,
    anchors: &[Anchor],
    out: &mut Vec<Claim>,
    claimed: &mut Vec<usize>,
) {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    for a in anchors {
        let AnchorKind::Percent(pi) = a.kind else {
            continue;
        };
        if a.from.is_some() {
            continue;
        }
        let pq = &all[pi];
        // The amount: the figure just before "or P%" / "P%" ("64 pence, or 6%", "0.89 points, or").
        let end_of = |q: &Quantity| q.noun.as_ref().map_or(q.last_tok, |n| n.tok);
        let amount = qs.iter().copied().rfind(|&i| {
            i != pi
                && end_of(&all[i]) < pq.first_tok
                && pq.first_tok - end_of(&all[i]) <= 3
                && all[i].dimension != Dimension::Percent
        });
        // "64 pence, or 6%", "64 pence (6%)": only these join the two; in "to 615 mln dlrs, up
        // 7.8 pct" the figure before is the level, read below.
        let joined = |di: usize| {
            let gap = p.lower[p.end(end_of(&all[di]))..pq.span.start].trim();
            matches!(gap, "," | "(" | ", or") || gap == "or" || gap.starts_with("or ")
        };
        let Some(di) = amount.filter(|&di| joined(di)) else {
            if a.to.is_none() {
                amount_after_change_word(s, anchors, a, pi, out, claimed);
            } else {
                amount_before_level(s, a, pi, out, claimed);
            }
            level_then_amount(s, a, pi, out, claimed);
            continue;
        };
        let d = &all[di];
        // The trend: a change word before the amount ("up 64 pence", "lost 65 cents").
        let dk = word_before(p, d).0;
        let trend = a.trend.or_else(|| {
            (dk.saturating_sub(2)..=dk)
                .rev()
                .find_map(|k| trend_of(p, p.tl(k)))
        });
        let Some(trend) = trend else { continue };
        // The level: "at C" or "to C" after the percentage, within a few words; or before the
        // change, set off by a comma ("closed at 245p, up 11p or 4.7%").
        let level = qs
            .iter()
            .copied()
            .find(|&i| {
                let q = &all[i];
                let (_, w) = word_before(p, q);
                q.first_tok > pq.last_tok
                    && q.first_tok - pq.last_tok <= 8
                    && matches!(w.as_str(), "at" | "to")
                    && comparable(p, d, q)
            })
            .or_else(|| {
                let change = word_before(p, d).0;
                // "closed at 1,934.20 dlrs an ounce in New York, up 21.70 dlrs": words may say
                // where.
                qs.iter().copied().rfind(|&i| {
                    let q = &all[i];
                    (end_of(q) + 2 == change || words_then_comma(p, end_of(q), change, 7))
                        && p.is_punct(change - 1, ",")
                        && q.dimension != Dimension::Percent
                        && comparable(p, d, q)
                })
            });
        let Some(ci) = level else { continue };
        push_amount_claim(all, (pi, ci, di), Some(trend), 1.0, out, claimed);
    }
}

/// "rose 180 mln stg to 2.46 billion stg, an increase of 7.9 pct": a change word with the
/// amount right after it and the level after "to", then the percentage.
fn amount_after_change_word(
    s: &Sentence,
    anchors: &[Anchor],
    a: &Anchor,
    pi: usize,
    out: &mut Vec<Claim>,
    claimed: &mut Vec<usize>,
) {
    let Sentence { p, facts, .. } = *s;
    let all = &facts.quantities;
    let Some(change) = anchors.iter().rfind(|c| {
        c.kind == AnchorKind::Change
            && c.tok < a.tok
            && a.tok - c.tok <= REACH + 8
            && c.from.is_none()
            && c.to.is_some()
    }) else {
        return;
    };
    let (Some(word), Some(ci)) = (change.word_tok, change.to) else {
        return;
    };
    let at = if p.tl(word + 1) == "by" {
        word + 2
    } else {
        word + 1
    };
    let Some(di) = s.figure_at(at) else {
        return;
    };
    let (d, level) = (&all[di], &all[ci]);
    if di == ci
        || d.dimension == Dimension::Percent
        || d.range.is_some()
        || level.first_tok <= d.last_tok
        || !comparable(p, d, level)
    {
        return;
    }
    let trend = change.trend.or(a.trend);
    push_amount_claim(
        all,
        (pi, ci, di),
        trend,
        inherited_scale(d, level),
        out,
        claimed,
    );
}

/// "will cut its workforce by 1,200 to 8,400, a reduction of 12.5 pct": the amount after "by",
/// then the level the percentage's change goes to.
fn amount_before_level(
    s: &Sentence,
    a: &Anchor,
    pi: usize,
    out: &mut Vec<Claim>,
    claimed: &mut Vec<usize>,
) {
    let Sentence { p, facts, .. } = *s;
    let all = &facts.quantities;
    let (Some(ci), Some(trend)) = (a.to, a.trend) else {
        return;
    };
    let level = &all[ci];
    let (to, w) = word_before(p, level);
    if w != "to" || to == 0 {
        return;
    }
    let end_of = |q: &Quantity| q.noun.as_ref().map_or(q.last_tok, |n| n.tok);
    let Some(di) = (to.saturating_sub(4)..to)
        .rev()
        .find_map(|k| s.figure_at(k))
        .filter(|&di| end_of(&all[di]) + 1 == to)
    else {
        return;
    };
    let d = &all[di];
    if word_before(p, d).1 != "by"
        || d.dimension == Dimension::Percent
        || d.range.is_some()
        || !comparable(p, d, level)
    {
        return;
    }
    push_amount_claim(all, (pi, ci, di), Some(trend), 1.0, out, claimed);
}

/// "ended 1.6% lower at 7,402.3, down 44.7 points", "fell 2.4% to $81.20 a barrel, down $1.60":
/// the percentage, the level after "at" or "to", then the change as an amount.
fn level_then_amount(
    s: &Sentence,
    a: &Anchor,
    pi: usize,
    out: &mut Vec<Claim>,
    claimed: &mut Vec<usize>,
) {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    let pq = &all[pi];
    let Some(trend) = a.trend else { return };
    // The level: the change's "to" figure ("fell 2.4% to $81.20"), or one "at" just after.
    let Some(ci) = a.to.or_else(|| {
        qs.iter().copied().find(|&i| {
            let q = &all[i];
            q.first_tok > pq.last_tok
                && q.first_tok - pq.last_tok <= 4
                && word_before(p, q).1 == "at"
                && q.dimension != Dimension::Percent
        })
    }) else {
        return;
    };
    let level = &all[ci];
    let end = level.noun.as_ref().map_or(level.last_tok, |n| n.tok);
    // ", down 44.7 points": a comma, the change word agreeing with the percentage, the amount.
    if !(p.is_punct(end + 1, ",") && trend_of(p, p.tl(end + 2)) == Some(trend)) {
        return;
    }
    let Some(di) = s.figure_at(end + 3) else {
        return;
    };
    let d = &all[di];
    if d.dimension == Dimension::Percent || d.range.is_some() || !comparable(p, d, level) {
        return;
    }
    push_amount_claim(all, (pi, ci, di), Some(trend), 1.0, out, claimed);
}

/// Records a percent change stated with its amount: `(percentage, level, amount)`.
fn push_amount_claim(
    all: &[Quantity],
    (pi, ci, di): (usize, usize, usize),
    trend: Option<Trend>,
    from_scale: f64,
    out: &mut Vec<Claim>,
    claimed: &mut Vec<usize>,
) {
    claimed.extend([di, ci, pi]);
    out.push(Claim::PercentChange(PercentChangeClaim {
        percent: pi,
        from: None,
        to: ci,
        amount: Some(di),
        trend,
        from_scale,
        span: cover(&[all[di].span, all[pi].span, all[ci].span]),
    }));
}
