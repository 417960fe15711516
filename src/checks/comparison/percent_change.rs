//! `percent-change-mismatch`: a stated percent change that the figures do not give.

use super::{derived, input_with, miss, percent_text, strict, text, value_with};
use crate::checks::style::{format_like, in_quotes};
use crate::checks::{Check, Context, RuleInfo};
use crate::claims::{Claim, PercentChangeClaim, Trend};
use crate::declare_rule;
use crate::diagnostic::{Expected, Finding, Fix, Passed, Severity};
use crate::interval::Interval;
use crate::units::Dimension;

declare_rule! {
    /// ## What it does
    /// Recomputes a stated percent change from the figures it joins: "rose 17.5 pct to 94.0 mln
    /// from 80.0 mln", "fell from 7,613 to 6,630, or 12.9%", and share-price style "up 64
    /// pence, or 6%, at 1130p" (the base is the price before the change).
    ///
    /// ## Why
    /// Percent changes are the most common arithmetic in business copy and the easiest to get
    /// wrong: the wrong base, the figures swapped, a typo in either figure.
    ///
    /// ## How it decides
    /// The change (B - A) / A is computed with interval arithmetic on both figures as written
    /// ("94.0" is 93.95..94.05) and must meet the stated percentage's interval ("17.5" is
    /// 17.45..17.55). Changes between two percentages that fit as percentage points are left to
    /// `percentage-points`; contradictory directions to `direction-mismatch`.
    ///
    /// ## Example
    /// ```text
    /// Prices rose from $4 to $5, a 50% increase.
    /// ```
    /// $4 to $5 is +25%, not 50%. Fix: `a 25% increase`.
    ///
    /// ## Options
    /// None.
    pub struct PercentChangeMismatch {
        id: "percent-change-mismatch",
        family: "comparison",
        severity: Error,
        enabled: true,
        summary: "A stated percent change does not follow from its figures",
    }
}

/// The computed change, in percent, as an interval and as a single best value.
pub struct Computed {
    pub interval: Interval,
    pub exact: f64,
    /// What the computation was, for messages: "$4 to $5".
    pub basis: String,
}

/// Recomputes a claim's change (signed: negative for a fall).
pub fn compute(ctx: &Context, c: &PercentChangeClaim) -> Option<Computed> {
    let qs = &ctx.facts.quantities;
    let to = &qs[c.to];
    if let Some(fi) = c.from {
        let from = &qs[fi];
        let a = input_with(ctx, from, c.from_scale, to);
        let b = input_with(ctx, to, 1.0, from);
        if !(a.lo > 0.0 && a.hi.is_finite() && b.hi.is_finite() && b.lo.is_finite()) {
            return None;
        }
        let lo = (b.lo / a.hi - 1.0) * 100.0;
        let hi = (b.hi / a.lo - 1.0) * 100.0;
        let exact = (value_with(ctx, to, 1.0, from) / value_with(ctx, from, c.from_scale, to)
            - 1.0)
            * 100.0;
        return Some(Computed {
            interval: Interval::new(lo, hi),
            exact,
            basis: format!("{} to {}", text(ctx, from), text(ctx, to)),
        });
    }
    let di = c.amount?;
    let d = &qs[di];
    let level = input_with(ctx, to, 1.0, d);
    let amount = input_with(ctx, d, 1.0, to);
    let (dv, cv) = (
        value_with(ctx, d, 1.0, to).abs(),
        value_with(ctx, to, 1.0, d),
    );
    if !(amount.hi.is_finite() && level.is_bounded() && amount.lo >= 0.0) {
        return None;
    }
    let up = c.trend == Some(Trend::Up);
    let (lo, hi, exact) = if up {
        (
            amount.lo / (level.hi - amount.lo),
            amount.hi / (level.lo - amount.hi),
            dv / (cv - dv),
        )
    } else {
        (
            amount.lo / (level.hi + amount.lo),
            amount.hi / (level.lo + amount.hi),
            dv / (cv + dv),
        )
    };
    if !(lo.is_finite() && hi.is_finite() && hi > 0.0) {
        return None;
    }
    let sign = if up { 1.0 } else { -1.0 };
    let iv = Interval::new(sign * lo * 100.0, sign * hi * 100.0);
    Some(Computed {
        interval: iv,
        exact: sign * exact * 100.0,
        // "a rise of 11p to 245p": the base is the level less the rise.
        basis: format!(
            "a {} of {} to {}",
            if up { "rise" } else { "fall" },
            text(ctx, d),
            text(ctx, to)
        ),
    })
}

/// The stated percentage as a signed interval: "fell 12%" is -12%. `exact` is the change the
/// figures give, which bounds how coarsely the percentage may be read.
pub fn stated(ctx: &Context, c: &PercentChangeClaim, strict_reading: bool, exact: f64) -> Interval {
    let pq = &ctx.facts.quantities[c.percent];
    let iv = if strict_reading {
        strict(ctx, pq, 1.0)
    } else {
        derived(ctx, pq, exact)
    };
    let negative_word = c.trend == Some(Trend::Down) && pq.value.is_some_and(|v| v > 0.0);
    if negative_word {
        Interval::new(-iv.hi, -iv.lo)
    } else {
        iv
    }
}

/// Is the claim's direction contradicted by its figures? Then `direction-mismatch` speaks.
pub fn contradicts_trend(c: &PercentChangeClaim, computed: &Computed) -> bool {
    match c.trend {
        Some(Trend::Up) => computed.interval.hi < 0.0,
        Some(Trend::Down) => computed.interval.lo > 0.0,
        None => false,
    }
}

/// The change in percentage points between the claim's two percentages, with their rounding.
pub fn points_change(ctx: &Context, c: &PercentChangeClaim) -> Interval {
    let qs = &ctx.facts.quantities;
    let (from, to) = (&qs[c.from.unwrap_or(c.to)], &qs[c.to]);
    Interval::new(
        to.interval.lo - from.interval.hi,
        to.interval.hi - from.interval.lo,
    )
}

/// Does the stated change meet `iv` with either sign (the words carry the direction)?
pub fn meets_either_sign(stated: &Interval, iv: &Interval) -> bool {
    stated.intersects(iv) || Interval::new(-stated.hi, -stated.lo).intersects(iv)
}

/// A change stated in percentage points between two percentages that fits neither the points
/// nor the relative change: "from 4.5% to 4.1%, a fall of 0.6 percentage points" (0.4).
fn wrong_points(ctx: &Context, c: &PercentChangeClaim) -> Option<Finding> {
    if !between_percentages(ctx, c) {
        return None;
    }
    let qs = &ctx.facts.quantities;
    let (from, to, pq) = (&qs[c.from?], &qs[c.to], &qs[c.percent]);
    let relative = compute(ctx, c)?;
    let points = points_change(ctx, c);
    let st = stated(ctx, c, false, relative.exact);
    if meets_either_sign(&st, &points) || meets_either_sign(&st, &relative.interval) {
        return None;
    }
    let exact = (to.stated() - from.stated()).abs();
    let strict = stated(ctx, c, true, relative.exact);
    let severity = Severity::from_miss(
        miss(&strict, &points).min(miss(&Interval::new(-strict.hi, -strict.lo), &points)),
    );
    let shown = crate::checks::style::exact_text(exact, 1);
    let mut f = Finding::new(
        PercentChangeMismatch::INFO.id,
        severity,
        c.span,
        format!(
            "{} to {} is {shown} percentage points, not {}",
            text(ctx, from),
            text(ctx, to),
            text(ctx, pq)
        ),
    );
    f.expected = Some(Expected {
        text: shown,
        value: exact,
        unit: Some("percentage points".into()),
    });
    if !in_quotes(ctx.para, pq.span.start) {
        let digits = &ctx.para.text[pq.digits_span.start..pq.digits_span.end];
        f.suggestion = Some(Fix {
            span: pq.digits_span,
            replacement: format_like(exact, pq.precision.strict_step, 1, digits),
            safe: true,
        });
    }
    Some(f)
}

/// Both figures are percentages: the change may be meant in points.
pub fn between_percentages(ctx: &Context, c: &PercentChangeClaim) -> bool {
    let qs = &ctx.facts.quantities;
    c.from
        .is_some_and(|f| qs[f].dimension == Dimension::Percent)
        && qs[c.to].dimension == Dimension::Percent
}

impl Check for PercentChangeMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, passed: &mut Vec<Passed>) {
        for claim in ctx.claims {
            let Claim::PercentChange(c) = claim else {
                continue;
            };
            let pq = &ctx.facts.quantities[c.percent];
            if pq.unit != ctx.para.vocab.units.percent {
                // Stated in points: percentage-points reports a points/percent mix-up; a
                // figure that fits neither reading is reported here.
                if let Some(f) = wrong_points(ctx, c) {
                    out.push(f);
                }
                continue;
            }
            let Some(computed) = compute(ctx, c) else {
                continue;
            };
            if contradicts_trend(c, &computed) {
                continue;
            }
            let mut st = stated(ctx, c, false, computed.exact);
            // No trend word and an unsigned figure: "(or 12.9%)" after a fall means -12.9%.
            if c.trend.is_none() && pq.value.is_some_and(|v| v > 0.0) && computed.exact < 0.0 {
                st = Interval::new(-st.hi, -st.lo);
            }
            if st.intersects(&computed.interval) {
                if ctx.want_passed {
                    passed.push(Passed {
                        kind: "percent-change",
                        span: c.span,
                        claim: ctx.para.text[c.span.start..c.span.end].to_string(),
                        arithmetic: format!(
                            "{} is {}",
                            computed.basis,
                            percent_text(computed.exact, 2)
                        ),
                        verdict: format!("within the stated {}", text(ctx, pq)),
                    });
                }
                continue;
            }
            if between_percentages(ctx, c) {
                // percentage-points reports it if the points reading fits; otherwise fall through.
                if meets_either_sign(&st, &points_change(ctx, c)) {
                    continue;
                }
            }
            let strict_st = stated(ctx, c, true, computed.exact);
            let strict_st = if st.lo < 0.0 && strict_st.lo > 0.0 {
                Interval::new(-strict_st.hi, -strict_st.lo)
            } else {
                strict_st
            };
            let severity = Severity::from_miss(miss(&strict_st, &computed.interval));
            let decimals = crate::interval::decimals_for(pq.precision.strict_step) + 1;
            let message = format!(
                "{} is {}, not {}",
                computed.basis,
                percent_text(computed.exact, decimals),
                text(ctx, pq)
            );
            let mut f = Finding::new(Self::INFO.id, severity, c.span, message);
            f.expected = Some(Expected {
                text: percent_text(computed.exact, decimals),
                value: computed.exact,
                unit: Some("percent".into()),
            });
            if !in_quotes(ctx.para, pq.span.start) {
                let digits = &ctx.para.text[pq.digits_span.start..pq.digits_span.end];
                let v = if pq.value.is_some_and(|v| v < 0.0) {
                    computed.exact
                } else {
                    computed.exact.abs()
                };
                f.suggestion = Some(Fix {
                    span: pq.digits_span,
                    replacement: format_like(v, pq.precision.strict_step, 1, digits),
                    safe: true,
                });
            }
            f.notes.push(format!(
                "the figures allow {} to {}",
                percent_text(computed.interval.lo, decimals),
                percent_text(computed.interval.hi, decimals)
            ));
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{check_rule, findings};

    #[test]
    fn holds_and_fails() {
        assert!(findings("The count went from 20 to 73, an increase of 265%.").is_empty());
        let f = check_rule(
            "percent-change-mismatch",
            "Prices rose from $4 to $5, a 50% increase.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("+25%"), "{}", f[0].message);
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "25");
    }

    #[test]
    fn newswire_style() {
        assert!(
            findings("Sales were up 17.5 pct to 94.0 mln dlrs from 80.0 mln dlrs a year before.")
                .is_empty()
        );
        let f = check_rule(
            "percent-change-mismatch",
            "Sales were up 17.5 pct to 94.0 mln dlrs from 80.0 mln dlrs and orders were up 12.5 pct to 101.1 mln from 87.4 mln.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("15.68"), "{}", f[0].message);
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "15.7");
    }

    #[test]
    fn share_price_style_uses_the_price_before() {
        // 64 / (1130 - 64) = 6.0%
        assert!(findings("Shares closed up 64 pence, or 6%, at 1130p.").is_empty());
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Shares closed up 64 pence, or 9%, at 1130p."
            )
            .len(),
            1
        );
        // 0.89 / (10,385.48 + 0.89)
        assert!(findings("The index closed down 0.89 points, or 0.01%, at 10,385.48.").is_empty());
    }

    #[test]
    fn hedged_percentages() {
        // 4 / 544 = 0.74%: "nearly 1%" holds, "nearly 2%" does not.
        assert!(findings("The share price rose 4p or nearly 1% to 548p.").is_empty());
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The share price rose 4p or nearly 2% to 548p."
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_level_first_and_the_base_after_on_or_from() {
        // 377 -> 418 is +10.9%.
        let wrong = [
            "Profit was £418m, up 18% on the £377m made a year earlier.",
            "Profit was £418m, up 18% from £377m a year earlier.",
        ];
        for s in wrong {
            assert_eq!(check_rule("percent-change-mismatch", s).len(), 1, "{s}");
        }
        assert!(findings("Profit was £418m, up 11% on the £377m made a year earlier.").is_empty());
        // "on the news" is not a base.
        assert!(findings("Shares lost 65 cents or 25% on the news to 1.90 dollars.").is_empty());
    }

    #[test]
    fn fillers_and_loose_change_words() {
        // 268,700 -> 285,000 is +6.07%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Sales rose 6.8% to an average of £285,000 from £268,700."
            )
            .len(),
            1
        );
        assert!(findings("Sales rose 6.1% to an average of £285,000 from £268,700.").is_empty());
        // 4,200 -> 3,360 is -20%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Staff numbers were cut by 15%, from 4,200 to 3,360."
            )
            .len(),
            1
        );
        assert!(findings("Staff numbers were cut by 20%, from 4,200 to 3,360.").is_empty());
    }

    #[test]
    fn the_level_first_with_a_percentage_after() {
        // 20 -> 73 is +265%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Sales were 73 units, up from 20 (+200%)."
            )
            .len(),
            1
        );
        assert!(findings("Sales were 73 units, up from 20 (+265%).").is_empty());
        // 6,000 -> 5,400 is -10%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The county recorded 5,400 burglaries, down from 6,000, a 20% drop."
            )
            .len(),
            1
        );
    }

    #[test]
    fn points_that_fit_neither_reading() {
        // 4.5% -> 4.1% is 0.4 points (or -8.9%): "0.6 percentage points" fits neither.
        let f = check_rule(
            "percent-change-mismatch",
            "Unemployment fell from 4.5% to 4.1%, a fall of 0.6 percentage points.",
        );
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("is 0.4 percentage points"),
            "{}",
            f[0].message
        );
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "0.4");
        assert!(
            findings("Unemployment fell from 4.5% to 4.1%, a fall of 0.4 percentage points.")
                .is_empty()
        );
    }

    #[test]
    fn a_percentage_more_or_fewer_than_a_base() {
        // 3,000 to 4,500 is +50%; 3,000 to 2,000 is -33.3%; 100,000 to 120,000 is +20%.
        assert!(findings("It employs 4,500 people, 50% more than the 3,000 it had.").is_empty());
        let f = check_rule(
            "percent-change-mismatch",
            "It employs 4,500 people, 20% more than the 3,000 it had.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "3,000 to 4,500 is +50%, not 20%");
        assert!(
            findings("It now employs 2,000 staff, about 33% fewer than the 3,000 it had.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "It now employs 2,000 staff, 20% fewer than the 3,000 it had."
            )
            .len(),
            1
        );
        assert!(
            findings("Sales of 120,000 cars were 20% higher than last year's 100,000.").is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Sales of 120,000 cars were 30% higher than last year's 100,000."
            )
            .len(),
            1
        );
        // No figure to compare: nothing to check.
        assert!(findings("The bill is 10% more than the 300 quoted.").is_empty());
    }

    #[test]
    fn a_change_noun_with_one_word_naming_what_changed() {
        // £30,000 to £32,000 is +6.7%; £20 to £19 is -5%.
        assert!(findings("A 7% pay rise takes the salary from £30,000 to £32,000.").is_empty());
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "A 4% pay rise takes the salary from £30,000 to £32,000."
            )
            .len(),
            1
        );
        assert!(findings("The 5% price cut took fares from £20 to £19.").is_empty());
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The 10% price cut took fares from £20 to £19."
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_level_named_by_the_change_word_and_the_base_by_the_percentage() {
        // £10.42 to £11.44 is +9.8%.
        assert!(
            findings("The wage rises to £11.44 in April, an increase of 9.8% from £10.42.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The wage rises to £11.44 in April, an increase of 12.8% from £10.42."
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_level_first_with_words_naming_the_rate() {
        // 350,000 to 500,000 is +42.9%.
        assert!(
            findings("It will make 500,000 cars a year, up from 350,000, a rise of about 43%.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "It will make 500,000 cars a year, up from 350,000, a rise of about 30%."
            )
            .len(),
            1
        );
    }

    #[test]
    fn compared_with_marks_the_base() {
        // 3.8 -> 4.1 is +7.9%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Revenue was $4.1 billion, compared with $3.8 billion in 2022, a rise of 12%."
            )
            .len(),
            1
        );
        assert!(
            findings("Revenue was $4.1 billion, compared with $3.8 billion in 2022, a rise of 8%.")
                .is_empty()
        );
        // 100 -> 120 is +20%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Net profit was 120 mln dlrs, compared with 100 mln dlrs a year earlier, up 25 pct."
            )
            .len(),
            1
        );
    }

    #[test]
    fn against_marks_the_base_as_newswire_writes_it() {
        // 2.10 -> 1.85 million is -11.9%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Deliveries came to 1.85 million, against 2.10 million a year before, a drop of 7%."
            )
            .len(),
            1
        );
        assert!(
            findings("Deliveries came to 1.85 million, against 2.10 million a year before, a drop of 12%.")
                .is_empty()
        );
        // 64.0 -> 61.5 mln tonnes is -3.9%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Grain output fell 9.2 pct to 61.5 mln tonnes, against 64.0 mln tonnes."
            )
            .len(),
            1
        );
        // "against" between two shares of a vote is no change.
        assert!(findings("The bill passed by 61% against 39%, a clear win.").is_empty());
    }

    #[test]
    fn a_year_between_the_level_and_the_change() {
        // 1.6 -> 2.1 billion is +31.3%: "up 18 pct" is wrong, "up 31 pct" holds.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The group earned 2.1 billion dlrs in 1986, up 18 pct from 1.6 billion dlrs."
            )
            .len(),
            1
        );
        assert!(
            findings("The group earned 2.1 billion dlrs in 1986, up 31 pct from 1.6 billion dlrs.")
                .is_empty()
        );
    }

    #[test]
    fn a_per_share_figure_set_off_by_or_is_not_the_level() {
        // The level is 96 mln (not the 1.12 dlrs a share): 80 -> 96 is +20%.
        let right = "Net income was 96 mln dlrs, or 1.12 dlrs per share, up from 80 mln dlrs, \
                     or 94 cts, a year earlier, a rise of 20 pct.";
        assert!(findings(right).is_empty(), "{:?}", findings(right));
        let wrong = right.replace("20 pct", "35 pct");
        let f = check_rule("percent-change-mismatch", &wrong);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("+20"), "{}", f[0].message);
    }

    #[test]
    fn an_amount_and_a_percentage_around_the_level() {
        // Closed at 318p after a rise of 12p: from 306p, 12/306 = +3.92%.
        assert!(findings("Shares in the brewer closed at 318p, up 12p or 3.9%.").is_empty());
        let f = check_rule(
            "percent-change-mismatch",
            "Shares in the brewer closed at 318p, up 12p or 6.2%.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].message, "a rise of 12p to 318p is +3.92%, not 6.2%");
        // An index 52.5 points down at 6,947.5 was 7,000: -0.75%.
        assert!(findings("The index ended 0.75% lower at 6,947.5, down 52.5 points.").is_empty());
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The index ended 1.75% lower at 6,947.5, down 52.5 points."
            )
            .len(),
            1
        );
        // Rose 150 mln to 1.35 billion: from 1.2 billion, +12.5%.
        assert!(
            findings("Reserves rose 150 mln stg to 1.35 billion stg, an increase of 12.5 pct.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Reserves rose 150 mln stg to 1.35 billion stg, an increase of 11.1 pct."
            )
            .len(),
            1
        );
    }

    #[test]
    fn higher_at_and_a_rise_on_the_base() {
        // 80,000 -> 92,000 is +15%.
        assert!(
            findings("Exports were 15% higher at 92,000 tonnes, compared with 80,000 tonnes.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Exports were 25% higher at 92,000 tonnes, compared with 80,000 tonnes."
            )
            .len(),
            1
        );
        // 2.40 -> 2.76 million is +15%.
        assert!(
            findings("Visitors numbered 2.76 million, a rise of 15% on the 2.40 million of 2019.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Visitors numbered 2.76 million, a rise of 9% on the 2.40 million of 2019."
            )
            .len(),
            1
        );
        // From 120p to 129p is a rise of 9p, or 7.5%; "or 9%" is wrong even with the amount between.
        assert!(
            findings("The fare rose from 120p to 129p, an increase of 9p, or 7.5%.").is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The fare rose from 120p to 129p, an increase of 9p, or 9%."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_results_statement_gives_the_base_in_brackets() {
        // 52.0 -> 61.1 is +17.5%.
        assert!(findings("Revenue was up 17.5 per cent at £61.1m (2023: £52.0m).").is_empty());
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Revenue was up 12.5 per cent at £61.1m (2023: £52.0m)."
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_level_first_then_the_base_after_against_versus_or_at_from() {
        // 4.00 -> 4.60 is +15%.
        for word in ["against", "compared with", "versus"] {
            let right = format!("Turnover was $4.60bn, up 15% {word} $4.00bn.");
            assert!(findings(&right).is_empty(), "{right}");
            let wrong = format!("Turnover was $4.60bn, up 25% {word} $4.00bn.");
            assert_eq!(
                check_rule("percent-change-mismatch", &wrong).len(),
                1,
                "{wrong}"
            );
        }
        // 2.50 -> 2.30 is -8%.
        assert!(
            findings("Imports were down 8.0 pct at 2.30 billion dlrs from 2.50 billion dlrs.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Imports were down 12.0 pct at 2.30 billion dlrs from 2.50 billion dlrs."
            )
            .len(),
            1
        );
        // 2.50 -> 2.75 is +10%, "higher than a year earlier at".
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Exports were 20 pct higher than a year earlier at 2.75 billion dlrs, compared with 2.50 billion."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_neutral_verb_or_a_change_noun_makes_from_to_a_change() {
        // 1,600 -> 2,000 is +25%: "from A to B" is no range here.
        assert!(findings("Enrolment went from 1,600 to 2,000, an increase of 25%.").is_empty());
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Enrolment went from 1,600 to 2,000, an increase of 40%."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_change_with_its_own_subject_after_the_pair_is_not_theirs() {
        // The 3.1% is of sales, not of profit (£640m to £1.51bn).
        assert!(
            findings(
                "Pre-tax profit was £1.51bn, against £640m the year before, on sales up 3.1%."
            )
            .is_empty()
        );
        assert!(
            findings("Profit was $2.6bn, against $2.2bn, with revenue up 4% to $31bn.").is_empty()
        );
        // Without a subject of its own the percentage is the pair's: 640 -> 1,510 is +136%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Pre-tax profit was £1.51bn, against £640m the year before, a rise of 3.1%."
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_amount_after_the_level_a_percentage_reached() {
        // Down $2.40 to $77.60: from $80.00, -3%.
        assert!(findings("Brent fell 3% to $77.60 a barrel, down $2.40.").is_empty());
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Brent fell 4.5% to $77.60 a barrel, down $2.40."
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_base_in_a_clause_of_its_own_after_the_level() {
        // 150 to 180 is +20%.
        let f = check_rule(
            "percent-change-mismatch",
            "Operating profit rose 12% to £180m, up from £150m a year earlier.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("+20%"), "{}", f[0].message);
        assert!(
            findings("Operating profit rose 20% to £180m, up from £150m a year earlier.")
                .is_empty()
        );
        // 52,000 to 48,000 is -7.7%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Enrolment fell by 3% to 48,000, down from 52,000 in 2019."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_verb_with_its_object_and_a_possessive_base() {
        // 8,000 to 7,200 is -10%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The bank cut its staff by 15%, from 8,000 to 7,200."
            )
            .len(),
            1
        );
        assert!(findings("The bank cut its staff by 10%, from 8,000 to 7,200.").is_empty());
        // 30p to 36p is +20%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The board lifted its payout 12% to 36p from 30p."
            )
            .len(),
            1
        );
        // 250 to 300 is +20%: the base named by whose it is.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Bookings rose 25% to 300 from last year's 250."
            )
            .len(),
            1
        );
        assert!(findings("Bookings rose 20% to 300 from last year's 250.").is_empty());
    }

    #[test]
    fn an_amount_by_which_a_level_was_reached_then_the_percentage() {
        // Up 36 mln to 486 mln: from 450 mln, 36/450 = +8%; 36/486 = 7.4% takes the new figure.
        assert!(findings("Turnover rose by 36 mln dlrs to 486 mln dlrs, up 8 pct.").is_empty());
        let f = check_rule(
            "percent-change-mismatch",
            "Turnover rose by 36 mln dlrs to 486 mln dlrs, up 7.4 pct.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("+8%"), "{}", f[0].message);
        // Cut by 900 to 5,100: from 6,000, -15%; 900/5,100 = 17.6% again takes the new figure.
        assert!(
            findings("The airline will cut its staff by 900 to 5,100, a reduction of 15 pct.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The airline will cut its staff by 900 to 5,100, a reduction of 17.6 pct."
            )
            .len(),
            1
        );
    }

    #[test]
    fn words_saying_when_the_level_was_before_compared_with() {
        // 660,000 to 1.1 mln bags is +66.7%.
        let good = "Shipments totalled 1.1 mln bags in April, compared with 660,000 bags, a rise of 66.7 pct.";
        assert!(findings(good).is_empty(), "{:?}", findings(good));
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Shipments totalled 1.1 mln bags in April, compared with 660,000 bags, a rise of 40 pct."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_rate_reached_in_a_clause_of_its_own_is_another_measure() {
        // The monthly rise is 0.3 pct; the annual rate went from 2.9 to 3.1 pct.
        assert!(
            findings("Prices rose 0.3 pct in May, bringing the annual rate to 3.1 pct, up from 2.9 pct in April.")
                .is_empty()
        );
    }

    #[test]
    fn a_clause_after_and_has_its_own_change() {
        // Manchester against Wales is no change; the 7% rise is of Manchester's rents.
        assert!(
            findings("Rents in Manchester average £1,300 a month, compared with £900 in Wales, and rose 7% last year.")
                .is_empty()
        );
    }

    #[test]
    fn a_percentage_above_a_base_and_on_a_possessive_base() {
        // 2.05 / 1.90 = +7.9%.
        assert!(
            findings("Zinc output reached 2.05 mln tonnes in 1986, 7.9 pct above the 1.90 mln tonnes of 1985.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Zinc output reached 2.05 mln tonnes in 1986, 9.7 pct above the 1.90 mln tonnes of 1985."
            )
            .len(),
            1
        );
        // 18,900 / 17,500 = +8%.
        assert!(
            findings("Crowds averaged 18,900, a rise of 8% on last season's 17,500.").is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Crowds averaged 18,900, a rise of 12% on last season's 17,500."
            )
            .len(),
            1
        );
    }

    #[test]
    fn words_saying_where_between_the_level_and_its_change() {
        // Up 30.40 to 2,030.40: from 2,000, +1.52%.
        assert!(
            findings(
                "Gold settled at 2,030.40 dlrs an ounce in London, up 30.40 dlrs, or 1.52 pct."
            )
            .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Gold settled at 2,030.40 dlrs an ounce in London, up 30.40 dlrs, or 2.52 pct."
            )
            .len(),
            1
        );
        // 8.4 million against 7.5 million is +12%.
        assert!(
            findings("The port handled 8.4 million boxes, 12 percent more than a year earlier, when it handled 7.5 million.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The port handled 8.4 million boxes, 16 percent more than a year earlier, when it handled 7.5 million."
            )
            .len(),
            1
        );
    }

    #[test]
    fn base_in_a_clause_of_its_own() {
        // 640p from 580p is +10.3%; 271p from 305p is -11.1%.
        assert!(
            findings("The retailer's shares rose 10% to 640p, having closed at 580p on Monday.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The retailer's shares rose 16% to 640p, having closed at 580p on Monday."
            )
            .len(),
            1
        );
        assert!(
            findings("The bank's stock ended down 11% at 271p, after opening the session at 305p.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The bank's stock ended down 4% at 271p, after opening the session at 305p."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_percentage_then_an_instance_with_both_figures() {
        // £3.20 to £3.60 is +12.5%.
        assert!(
            findings(
                "Ferry fares will rise by 12.5%, with a return ticket going up from £3.20 to £3.60."
            )
            .is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Ferry fares will rise by 25%, with a return ticket going up from £3.20 to £3.60."
            )
            .len(),
            1
        );
        // A part of the whole changes by its own percentage.
        assert!(
            findings(
                "Exports rose 4%, with shipments to Japan rising from 12,000 to 15,000 tonnes."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_two_word_object_and_a_longer_level_phrase() {
        // 16 to 24 is +50%.
        assert!(
            findings("The Greens increased their seat total by 50%, from 16 to 24.").is_empty()
        );
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The Greens increased their seat total by 25%, from 16 to 24."
            )
            .len(),
            1
        );
        // 720 from 600 is +20%, with words saying where between the level and its change.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Volunteers counted 720 nests on the whole island, up 40% from 600 in 2015."
            )
            .len(),
            1
        );
        assert!(
            findings("Volunteers counted 720 nests on the whole island, up 20% from 600 in 2015.")
                .is_empty()
        );
    }
}
