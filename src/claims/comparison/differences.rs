//! Differences between two figures: "73, 53 more than the 20 before" (a difference before
//! "than"), "fell from $25 to $12, a drop of $13" (two joined figures, then the change named
//! with its amount), "rose to 214, up 38 from 176" (a change by an amount from a base), and
//! "a gap of 5 km between 12 km and 17 km".

use super::sentence::Sentence;
use super::tokens::{
    is_year, just_before, past_possessive, strong_change, time_phrase_at, trend_at, trend_of,
    word_before,
};
use super::{Trend, comparable, cover, states_percent_change};
use crate::claims::{Claim, DifferenceClaim};
use crate::units::Dimension;

/// "73, 53 more than the 20 before"; "a gap of 5 km between 12 km and 17 km".
pub(super) fn differences(s: &Sentence, out: &mut Vec<Claim>) {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    let words = &p.vocab.comparisons;
    for &di in qs {
        let d = &all[di];
        let after = d.noun.as_ref().map_or(d.last_tok, |n| n.tok) + 1;
        let mut found = None;
        for (list, more) in [(&words.more, true), (&words.less, false)] {
            for w in list
                .iter()
                .filter(|w| w.ends_with("than") || w.as_str() == "short of")
            {
                if let Some(end) = p.match_phrase(after, w) {
                    found = Some((end, more));
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        let Some((end, more)) = found else { continue };
        let Some(ai) = s.base_after(end) else {
            continue;
        };
        // The figure compared: just before the difference ("73, 53 more than the 20"), or a
        // few words further back when only words and a comma come between ("45 goals this
        // season, 12 more than ...").
        // "At 1,740kg, the electric model is 190kg heavier than ...", "The new record, 437
        // days, is 97 days longer than ...": the subject's figure, then a verb of being.
        let subject = |q: &crate::extract::Quantity| {
            let first = d.first_tok_hedged(p);
            q.last_tok < first
                && first - q.last_tok <= 9
                && first >= 1
                && matches!(p.tl(first - 1), "is" | "was" | "are" | "were")
                && (q.last_tok + 1..first).all(|k| p.is_word(k) || p.is_punct(k, ","))
        };
        let Some(&bi) = qs.iter().rfind(|&&i| {
            (just_before(p, &all[i], d.first_tok, 4) || subject(&all[i]))
                && all[i].sentence == d.sentence
        }) else {
            continue;
        };
        let (a, b) = (&all[ai], &all[bi]);
        // "59.7%, 6.1 points lower than the 67.3%": points between percentages.
        if !separates(p, a, b, d) {
            continue;
        }
        out.push(Claim::Difference(DifferenceClaim {
            larger_is_b: more,
            a: ai,
            b: bi,
            difference: di,
            span: cover(&[b.span, d.span, a.span]),
        }));
    }
    margins_then_result(s, out);
    // "fell from $25 to $12, a drop of $13", "62%, down from 71%, a fall of 9 points": two
    // figures joined as a change, then the change named with its amount.
    for &di in qs {
        let d = &all[di];
        let (w, _) = word_before(p, d);
        // "a loss of 870 residents" names a change only here, after two joined figures:
        // alone, "a loss of $5m" is a result, not a change.
        let named = w >= 2
            && p.tl(w) == "of"
            && (trend_of(p, p.tl(w - 1)).is_some()
                || matches!(p.tl(w - 1), "loss" | "gain" | "majority" | "margin"))
            && matches!(p.tl(w - 2), "a" | "an");
        // "fell to 59.7% from 67.3% in 2019, down 7.6 points": the change word alone.
        let bare = w >= 1 && matches!(p.tl(w), "up" | "down") && p.is_punct(w - 1, ",");
        let named = named || bare;
        // "a fall of 9 points" between two percentages is a difference in points.
        let points = is_points_unit(p, d)
            || (d.dimension == Dimension::Count
                && d.unit.is_none()
                && d.noun.as_ref().is_some_and(|n| n.lemma == "point"));
        let named_elsewhere = states_percent_change(out, di);
        if !named
            || (d.dimension == Dimension::Percent && !points)
            || named_elsewhere
            || d.range.is_some()
            || d.vague
        {
            continue;
        }
        let article = if bare { w } else { w - 2 };
        // The nearer figure ends just before ("$12, a drop of"), the other joined to it.
        let Some(&bi) = qs
            .iter()
            .rfind(|&&i| just_before(p, &all[i], article, 3) && all[i].sentence == d.sentence)
        else {
            continue;
        };
        let b = &all[bi];
        // "53.4% of the vote to the Democrat's 44.9%": words may name what the first is of.
        let Some(&ai) = qs.iter().rfind(|&&i| {
            let q = &all[i];
            q.last_tok < b.first_tok
                && (b.first_tok - q.last_tok <= 4
                    || (b.first_tok - q.last_tok <= 8
                        && (q.last_tok + 1..b.first_tok).all(|k| p.is_word(k))))
                && q.sentence == d.sentence
        }) else {
            continue;
        };
        let a = &all[ai];
        let joined = (a.last_tok + 1..b.first_tok).any(|k| matches!(p.tl(k), "to" | "from"));
        if !joined || a.range.is_some() || b.range.is_some() || a.vague || b.vague {
            continue;
        }
        // Points between percentages are the percent rules'; temperatures in one scale only.
        // Temperatures: a change in the figures' own scale, in degrees the size of a kelvin
        // (the difference check reads both in the figures' scale: Fahrenheit is left out).
        let reg = &p.vocab.units.registry;
        let temperature = a.dimension.family() == Dimension::Temperature;
        let same_unit = a.unit == b.unit
            && (!temperature
                || (d.dimension.family() == Dimension::Temperature
                    && d.unit.is_some_and(|u| reg.get(u).factor == 1.0)
                    && (d.unit == a.unit
                        || a.unit.is_some_and(|u| reg.get(u).difference == d.unit))));
        let percentages = a.unit.is_some() && a.unit == p.vocab.units.percent;
        if points != percentages
            || !same_unit
            || !comparable(p, a, b)
            || (!temperature && !points && !comparable(p, a, d))
        {
            continue;
        }
        out.push(Claim::Difference(DifferenceClaim {
            larger_is_b: b.stated() > a.stated(),
            a: ai,
            b: bi,
            difference: di,
            span: cover(&[a.span, b.span, d.span]),
        }));
    }
    changes_by_an_amount(s, out);
    changes_named_after(s, out);
    result_clauses(s, out);
    // "a gap of D between A and B"
    for &di in qs {
        let d = &all[di];
        let (w, _) = word_before(p, d);
        let gap_word = w >= 1
            && matches!(p.tl(w), "of")
            && matches!(p.tl(w - 1), "gap" | "difference" | "margin" | "majority");
        if !gap_word || d.range.is_some() || d.vague {
            continue;
        }
        let j = d.last_tok + 1;
        // "re-elected by a margin of 12,400 votes, with 61,250 to 52,850"
        let k = d.noun.as_ref().map_or(d.last_tok, |n| n.tok) + 1;
        if p.is_punct(k, ",")
            && p.tl(k + 1) == "with"
            && let Some(ai) = s.figure_at(k + 2)
            && matches!(p.tl(all[ai].last_tok + 1), "to" | "against" | "versus")
            && let Some(bi) = s.figure_at(all[ai].last_tok + 2)
        {
            let (a, b) = (&all[ai], &all[bi]);
            if comparable(p, a, b) && comparable(p, a, d) && a.range.is_none() && b.range.is_none()
            {
                out.push(Claim::Difference(DifferenceClaim {
                    larger_is_b: b.stated() > a.stated(),
                    a: ai,
                    b: bi,
                    difference: di,
                    span: cover(&[d.span, a.span, b.span]),
                }));
            }
            continue;
        }
        // "51% of the population but only 32% of MPs, a gap of 19 points": the two figures
        // before, the nearer a few words before the comma.
        // Not when an earlier finder read it ("to her rival's 46.1%, a margin of 5.1 points").
        if w >= 3
            && matches!(p.tl(w - 2), "a" | "an")
            && p.is_punct(w - 3, ",")
            && !out
                .iter()
                .any(|c| matches!(c, Claim::Difference(x) if x.difference == di))
        {
            let before: Vec<usize> = qs
                .iter()
                .copied()
                .filter(|&i| all[i].last_tok < w - 3)
                .collect();
            if let [.., ai, bi] = before[..] {
                let (a, b) = (&all[ai], &all[bi]);
                // Words (hyphenated ones too: "of non-graduates").
                let near = (b.last_tok + 1..w - 3).len() <= 6
                    && (b.last_tok + 1..w - 3)
                        .all(|k| p.is_word(k) || (p.is_punct(k, "-") && p.attached(k)));
                if near
                    && separates(p, a, b, d)
                    && a.range.is_none()
                    && b.range.is_none()
                    && !a.vague
                    && !b.vague
                {
                    out.push(Claim::Difference(DifferenceClaim {
                        larger_is_b: b.stated() > a.stated(),
                        a: ai,
                        b: bi,
                        difference: di,
                        span: cover(&[a.span, b.span, d.span]),
                    }));
                }
            }
            continue;
        }
        if p.tl(j) != "between" {
            continue;
        }
        let Some(ai) = s.figure_at(j + 1) else {
            continue;
        };
        let a = &all[ai];
        // "between 12 km and 17 km" was read as one range.
        if a.range.is_some() && !a.vague && comparable(p, a, d) {
            out.push(Claim::Difference(DifferenceClaim {
                larger_is_b: true,
                a: ai,
                b: ai,
                difference: di,
                span: cover(&[d.span, a.span]),
            }));
            continue;
        }
        if p.tl(a.last_tok + 1) != "and" {
            continue;
        }
        let Some(bi) = s.figure_at(a.last_tok + 2) else {
            continue;
        };
        if comparable(p, a, &all[bi]) && comparable(p, a, d) {
            out.push(Claim::Difference(DifferenceClaim {
                larger_is_b: true,
                a: ai,
                b: bi,
                difference: di,
                span: cover(&[d.span, all[bi].span]),
            }));
        }
    }
}

/// "won by eight points, 51.9% to 48.1%", "lost by 12 votes, 1,406 to 1,418": a margin after
/// "by", then the two figures it separates, the larger first.
fn margins_then_result(s: &Sentence, out: &mut Vec<Claim>) {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    for &di in qs {
        let d = &all[di];
        let (w, _) = word_before(p, d);
        if p.tl(w) != "by" || d.range.is_some() || d.vague {
            continue;
        }
        let end = d.noun.as_ref().map_or(d.last_tok, |n| n.tok);
        if !p.is_punct(end + 1, ",") {
            continue;
        }
        let Some(bi) = s.figure_at(end + 2) else {
            continue;
        };
        let b = &all[bi];
        let Some(ai) = s.figure_at(b.last_tok + 2) else {
            continue;
        };
        let a = &all[ai];
        if p.tl(b.last_tok + 1) != "to"
            || !separates(p, a, b, d)
            || a.range.is_some()
            || b.range.is_some()
        {
            continue;
        }
        out.push(Claim::Difference(DifferenceClaim {
            larger_is_b: b.stated() >= a.stated(),
            a: ai,
            b: bi,
            difference: di,
            span: cover(&[d.span, b.span, a.span]),
        }));
    }
}

/// Can `d` be the difference between `a` and `b`: points between two percentages, or a
/// figure of their kind between two others?
fn separates(
    p: &crate::extract::Para,
    a: &crate::extract::Quantity,
    b: &crate::extract::Quantity,
    d: &crate::extract::Quantity,
) -> bool {
    if a.dimension == Dimension::Percent {
        let points = is_points_unit(p, d) || d.noun.as_ref().is_some_and(|n| n.lemma == "point");
        points && b.dimension == Dimension::Percent
    } else {
        comparable(p, a, b) && comparable(p, a, d)
    }
}

/// "6 percentage points", "50 basis points": a difference between two percentages.
fn is_points_unit(p: &crate::extract::Para, d: &crate::extract::Quantity) -> bool {
    let units = &p.vocab.units;
    d.unit.is_some() && (d.unit == units.percentage_point || d.unit == units.basis_point)
}

/// A change by an amount from a base: "rose to 214, up 38 from 176", "rose 12 to 42 from 30",
/// "rose by 12 to 42 from 30", "now 42, an increase of 12 from 30".
fn changes_by_an_amount(s: &Sentence, out: &mut Vec<Claim>) {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    for &di in qs {
        let d = &all[di];
        // "raised rates by 0.25 percentage points to 5.25% from 5%": points between percentages
        // ("slipped 6 points to 34% from 38%" too: [`push_change`] reads the bare points).
        if !usable_difference(p, d) {
            continue;
        }
        // The change word: "up 38", "rose 12", "rose by 12", "an increase of 12".
        let (w, _) = word_before(p, d);
        let change = match p.tl(w) {
            // "rose by 12", "raised rates by 0.25 points": the verb may take an object first.
            "by" if w >= 1 => (w.saturating_sub(4)..w)
                .rev()
                .take_while(|&k| p.is_word(k))
                .find_map(|k| Some((k, trend_of(p, p.tl(k))?))),
            "of" if w >= 2 && matches!(p.tl(w - 2), "a" | "an") => {
                trend_of(p, p.tl(w - 1)).map(|t| (w - 2, t))
            }
            _ if p.is_word(w) => strong_change(p, w)
                .or_else(|| trend_of(p, p.tl(w)))
                .map(|t| (w, t))
                // "cut its discount rate 0.5 percentage point": a verb, its object, the amount.
                .or_else(|| {
                    let det = (w.saturating_sub(2)..w)
                        .find(|&k| matches!(p.tl(k), "its" | "their" | "his" | "her"))?;
                    let verb = det.checked_sub(1)?;
                    trend_at(p, verb).map(|t| (verb, t))
                }),
            _ => None,
        };
        let Some((first_word, trend)) = change else {
            continue;
        };
        let after = d.noun.as_ref().map_or(d.last_tok, |n| n.tok) + 1;
        // "rose by 48, from 176 to 214": a comma may set the figures off.
        let after = if p.is_punct(after, ",") && matches!(p.tl(after + 1), "from" | "to") {
            after + 1
        } else {
            after
        };
        // "12 to 42 from 30": the level after "to", then the base after "from".
        let (level, from_at) = if p.tl(after) == "to"
            && let Some(l) = s.figure_at(after + 1)
        {
            (
                Some(l),
                all[l].noun.as_ref().map_or(all[l].last_tok, |n| n.tok) + 1,
            )
        } else {
            (None, after)
        };
        // "to 1.18 billion stg in May from 824 mln stg": when the level was may come between.
        let from_at = match level.and_then(|_| time_phrase_at(p, from_at)) {
            Some(last) if matches!(p.tl(last + 1), "from" | ",") => last + 1,
            _ => from_at,
        };
        // "fell by 3,400 to 5,120, down from 9,520": the base in a clause of its own.
        let from_at = if p.is_punct(from_at, ",") && level.is_some() {
            if matches!(p.tl(from_at + 1), "up" | "down") {
                from_at + 2
            } else {
                from_at + 1
            }
        } else {
            from_at
        };
        // "down five points on last month's 35%": "on" names the base after "up" or "down".
        let on_base = p.tl(from_at) == "on" && matches!(p.tl(first_word), "up" | "down");
        if p.tl(from_at) != "from" && !on_base {
            continue;
        }
        // "from last week's 1,300", "on the 71,102"
        let Some(bi) = s
            .figure_at(past_possessive(p, from_at + 1))
            .or_else(|| s.base_after(from_at))
        else {
            continue;
        };
        // "rose by 12 from 30 to 42": the level after the base.
        let base_end = all[bi].noun.as_ref().map_or(all[bi].last_tok, |n| n.tok);
        // "from 62% in 2019 to 70% in 2024": the base's year may come between.
        let base_end = if p.tl(base_end + 1) == "in" && is_year(p, base_end + 2) {
            base_end + 2
        } else {
            base_end
        };
        let level = level.or_else(|| {
            (p.tl(base_end + 1) == "to")
                .then(|| s.figure_at(base_end + 2))
                .flatten()
        });
        // "rose to 214, up 38 from 176", "now 42, an increase of 12": the level just before;
        // a percentage only for a change in points ("Turnout was 67.3%, up 1.5 points from").
        let in_points = is_points_unit(p, d) || d.noun.as_ref().is_some_and(|n| n.lemma == "point");
        let level = level.or_else(|| {
            let upto = qs.partition_point(|&i| all[i].first_tok < first_word);
            qs[..upto].iter().rev().take(3).copied().find(|&i| {
                just_before(p, &all[i], first_word, 4)
                    && all[i].sentence == d.sentence
                    && (in_points || all[i].dimension != Dimension::Percent)
            })
        });
        let Some(li) = level else { continue };
        push_change(s, (bi, li, di), trend == Trend::Up, out);
    }
}

/// Is difference `d` one a finder can use: a plain amount, or points between percentages
/// (a percentage is a relative change, the percent rules' to read)?
fn usable_difference(p: &crate::extract::Para, d: &crate::extract::Quantity) -> bool {
    !((d.dimension == Dimension::Percent && !is_points_unit(p, d)) || d.range.is_some() || d.vague)
}

/// Pushes the difference claim "from `bi` to `li`, a change of `di`" when the three figures
/// can be compared: points only between percentages, a plain amount in the figures' unit.
fn push_change(s: &Sentence, (bi, li, di): (usize, usize, usize), up: bool, out: &mut Vec<Claim>) {
    let (p, all) = (s.p, &s.facts.quantities);
    let (base, lvl, d) = (&all[bi], &all[li], &all[di]);
    let units = &p.vocab.units;
    let index_points = d.unit.is_none() && d.noun.as_ref().is_some_and(|n| n.lemma == "point");
    let percentages = base.unit.is_some() && base.unit == units.percent;
    let points = is_points_unit(p, d) || (index_points && percentages);
    if bi == li
        || base.range.is_some()
        || lvl.range.is_some()
        || base.vague
        || lvl.vague
        || base.dimension.family() == Dimension::Temperature
        || !comparable(p, base, lvl)
        || points != percentages
        || (!points && !comparable(p, base, d))
        || out
            .iter()
            .any(|c| matches!(c, Claim::Difference(x) if x.difference == di))
    {
        return;
    }
    out.push(Claim::Difference(DifferenceClaim {
        larger_is_b: up,
        a: bi,
        b: li,
        difference: di,
        span: cover(&[lvl.span, d.span, base.span]),
    }));
}

/// A difference whose direction follows it: "closed 312 points lower at 38,904, down from
/// 39,316" (the level after "at", the base after "from"), "a crowd of 41,250, 6,000 down on
/// last season's 47,250" and "peaked at 5.9 metres, 1.9 metres above its usual level of 4.0
/// metres" (the level just before, the base after).
fn changes_named_after(s: &Sentence, out: &mut Vec<Claim>) {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    let words = &p.vocab.comparisons;
    for &di in qs {
        let d = &all[di];
        if !usable_difference(p, d) {
            continue;
        }
        let dir_at = d.noun.as_ref().map_or(d.last_tok, |n| n.tok) + 1;
        if !p.is_word(dir_at) {
            continue;
        }
        let Some(&up) = words.direction_after.get(p.tl(dir_at)) else {
            continue;
        };
        let k = dir_at + 1;
        if matches!(p.tl(k), "at" | "to")
            && let Some(li) = s.figure_at(k + 1)
        {
            // "lower at 38,904, down from 39,316", "higher at 7,420 from 7,200"
            let mut j = all[li].noun.as_ref().map_or(all[li].last_tok, |n| n.tok) + 1;
            if p.is_punct(j, ",") && matches!(p.tl(j + 1), "up" | "down") {
                j += 2;
            }
            if matches!(p.tl(j), "from" | "on")
                && let Some(bi) = s.base_after(j)
            {
                push_change(s, (bi, li, di), up, out);
            }
            continue;
        }
        // "6,000 down on the 47,250", "1.9 metres above its usual level of 4.0 metres"
        let intro = if matches!(p.tl(k), "on" | "from") {
            k
        } else if matches!(p.tl(dir_at), "above" | "below") {
            dir_at
        } else if matches!(p.tl(dir_at), "ahead" | "behind") {
            // "nine points ahead of Labour on 28%", "five behind the champions on 76": the
            // rival named, then its figure.
            let rival = if p.tl(k) == "of" { k + 1 } else { k };
            let Some(on) = (rival + 1..rival + 4)
                .take_while(|&j| p.is_word(j))
                .find(|&j| matches!(p.tl(j), "on" | "at" | "with"))
            else {
                continue;
            };
            if let (Some(bi), true) = (s.figure_at(on + 1), p.is_word(rival)) {
                push_level_before(s, bi, di, up, out);
            }
            continue;
        } else {
            continue;
        };
        let Some(bi) = s.base_after(intro) else {
            continue;
        };
        push_level_before(s, bi, di, up, out);
    }
}

/// Pushes the change from `bi` to the figure just before the difference `di` ("a crowd of
/// 41,250, 6,000 down on ...", "on 34%, nine points ahead of ..."), if there is one.
fn push_level_before(s: &Sentence, bi: usize, di: usize, up: bool, out: &mut Vec<Claim>) {
    let (p, all, qs) = (s.p, &s.facts.quantities, s.qs);
    let d = &all[di];
    let upto = qs.partition_point(|&i| all[i].first_tok < d.first_tok);
    let level = qs[..upto].iter().rev().take(2).copied().find(|&i| {
        let q = &all[i];
        just_before(p, q, d.first_tok, 3) && q.sentence == d.sentence
    });
    if let Some(li) = level {
        push_change(s, (bi, li, di), up, out);
    }
}

/// A change by an amount whose result has a clause of its own: "cut 1,200 jobs, reducing its
/// workforce from 9,800 to 8,600", "hired an extra 1,500 inspectors, bringing the total to
/// 5,700 from 4,200". The direction is the change word's, or up for an amount added.
fn result_clauses(s: &Sentence, out: &mut Vec<Claim>) {
    let Sentence { p, facts, qs, .. } = *s;
    let all = &facts.quantities;
    let words = &p.vocab.comparisons;
    for &di in qs {
        let d = &all[di];
        if !usable_difference(p, d) {
            continue;
        }
        let (w, _) = word_before(p, d);
        let next = p.tl(d.last_tok + 1);
        let up = if words
            .added
            .iter()
            .any(|a| p.match_phrase_before(d.first_tok, a).is_some())
            || matches!(next, "more" | "extra" | "additional")
        {
            true
        } else if matches!(next, "fewer" | "less") {
            false
        } else if let Some(t) = p.is_word(w).then(|| trend_at(p, w)).flatten() {
            t == Trend::Up
        } else {
            continue;
        };
        // "cut 1,200 jobs, reducing", "hired 40 more wardens, bringing"
        let Some(comma) = (d.last_tok + 1..d.last_tok + 5).find(|&k| !p.is_word(k)) else {
            continue;
        };
        if !p.is_punct(comma, ",") || !words.result_verbs.contains(p.tl(comma + 1)) {
            continue;
        }
        // The object: "its workforce", "the total", "the number of staff".
        let Some(k) = (comma + 2..comma + 7)
            .take_while(|&k| p.is_word(k))
            .find(|&k| matches!(p.tl(k), "from" | "to"))
        else {
            continue;
        };
        let Some(first) = s.figure_at(past_possessive(p, k + 1)) else {
            continue;
        };
        let end = all[first]
            .noun
            .as_ref()
            .map_or(all[first].last_tok, |n| n.tok)
            + 1;
        let Some(second) = (matches!(p.tl(end), "from" | "to") && p.tl(end) != p.tl(k))
            .then(|| s.figure_at(past_possessive(p, end + 1)))
            .flatten()
        else {
            continue;
        };
        let (bi, li) = if p.tl(k) == "from" {
            (first, second)
        } else {
            (second, first)
        };
        push_change(s, (bi, li, di), up, out);
    }
}
