//! `ratio-mismatch`: a stated multiple ("doubled", "more than three times", "halved") that the
//! figures do not bear out.

use super::{input_with, miss, ratio_text, text, value_with};
use crate::checks::{Check, Context, RuleInfo};
use crate::claims::{Claim, RatioClaim};
use crate::declare_rule;
use crate::diagnostic::{Expected, Finding, Passed, Severity};
use crate::interval::Interval;
use crate::vocab::{HedgeKind, HedgeWidths};

declare_rule! {
    /// ## What it does
    /// Recomputes multiples and fractions stated between two figures of the same kind:
    /// "more than doubled to 381 mln from 160", "almost tripled", "halved to 166 mln from 311
    /// mln", "73 railcars, more than three times the 20 seen before".
    ///
    /// ## Why
    /// "Doubled" is a precise claim. Readers check it in their heads; a 55% rise called a
    /// doubling is the kind of slip that gets quoted back at the paper.
    ///
    /// ## How it decides
    /// The ratio of the two figures is computed with interval arithmetic and compared with the
    /// multiple read as the hedge says: "doubled" is 1.8..2.2, "more than doubled" at least 2,
    /// "nearly doubled" about 1.8..2.06, "halved" 0.45..0.55. The widths live in
    /// `rules/hedges.toml`.
    ///
    /// ## Example
    /// ```text
    /// Sales doubled from 20 to 73.
    /// ```
    /// 73 is 3.65 times 20, not double.
    ///
    /// ## Options
    /// `verbal_multiple`, `nearly_overshoot` and `more_than_undershoot` in `rules/hedges.toml`.
    pub struct RatioMismatch {
        id: "ratio-mismatch",
        family: "comparison",
        severity: Error,
        enabled: true,
        summary: "A stated multiple (doubled, three times, halved) does not hold",
    }
}

/// The ratios a multiple with a hedge allows.
pub fn allowed(factor: f64, hedge: Option<HedgeKind>, w: &HedgeWidths) -> Interval {
    let tol = w.verbal_multiple;
    let shrinking = factor < 1.0;
    // A change named as a fraction ("fell by a quarter", "rose by a third") is loose in the
    // change, not in the ratio: a fall of a quarter is 22.5..27.5%, and a fall from 40 to 32
    // (a fifth) is not one.
    let change = factor - 1.0;
    let fraction_change = change != 0.0 && change.abs() < 1.0 && factor != 0.5;
    match (hedge, shrinking) {
        (None | Some(HedgeKind::About), _) if fraction_change => {
            let (a, b) = (1.0 + change * (1.0 - tol), 1.0 + change * (1.0 + tol));
            Interval::new(a.min(b), a.max(b))
        }
        (None | Some(HedgeKind::About), _) => {
            Interval::new(factor * (1.0 - tol), factor * (1.0 + tol))
        }
        (Some(HedgeKind::Nearly), false) => {
            Interval::new(factor * (1.0 - tol), factor * (1.0 + w.nearly_overshoot))
        }
        (Some(HedgeKind::Nearly), true) => {
            Interval::new(factor * (1.0 - w.nearly_overshoot), factor * (1.0 + tol))
        }
        (Some(HedgeKind::MoreThan | HedgeKind::AtLeast), false) => {
            Interval::new(factor * (1.0 - w.more_than_undershoot), f64::INFINITY)
        }
        (Some(HedgeKind::MoreThan | HedgeKind::AtLeast), true) => {
            Interval::new(0.0, factor * (1.0 + w.more_than_undershoot))
        }
        (Some(HedgeKind::UpTo | HedgeKind::LessThan), false) => {
            Interval::new(0.0, factor * (1.0 + w.nearly_overshoot))
        }
        (Some(HedgeKind::UpTo | HedgeKind::LessThan), true) => {
            Interval::new(factor * (1.0 - w.nearly_overshoot), f64::INFINITY)
        }
    }
}

fn words(c: &RatioClaim, ctx: &Context) -> String {
    let m = &ctx.facts.multipliers[c.multiplier];
    let hedge = crate::extract::hedge::hedge_before(ctx.para, m.first_tok)
        .map(|(_, first)| ctx.para.slice(first, m.first_tok - 1).to_string());
    match hedge {
        Some(h) => format!("{h} {}", m.text),
        None => m.text.clone(),
    }
}

impl Check for RatioMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, passed: &mut Vec<Passed>) {
        let widths = &ctx.para.vocab.hedges.widths;
        for claim in ctx.claims {
            if let Claim::Comparison(c) = claim {
                let qs = &ctx.facts.quantities;
                let (a, b) = (&qs[c.a], &qs[c.b]);
                let (x, y) = (a.stated(), b.stated());
                if x > 0.0 && y > 0.0 {
                    let (hi, lo) = if x >= y { (a, b) } else { (b, a) };
                    if ctx.want_passed {
                        passed.push(Passed {
                            kind: "comparison",
                            span: c.span,
                            claim: format!("{} vs {}", text(ctx, a), text(ctx, b)),
                            arithmetic: format!(
                                "{} / {} = {}",
                                text(ctx, hi),
                                text(ctx, lo),
                                ratio_text(hi.stated() / lo.stated())
                            ),
                            verdict: format!(
                                "{} is {}x {}",
                                text(ctx, hi),
                                ratio_text(hi.stated() / lo.stated()),
                                text(ctx, lo)
                            ),
                        });
                    }
                }
                continue;
            }
            let Claim::Ratio(c) = claim else { continue };
            let qs = &ctx.facts.quantities;
            let (num, den) = (&qs[c.numerator], &qs[c.denominator]);
            let (n, d) = (
                input_with(ctx, num, 1.0, den),
                input_with(ctx, den, c.denominator_scale, num),
            );
            let Some(ratio) = n.div(&d) else { continue };
            let exact =
                value_with(ctx, num, 1.0, den) / value_with(ctx, den, c.denominator_scale, num);
            // A multiple that says up while the figures fall is direction-mismatch's.
            if (c.factor > 1.0 && ratio.hi < 1.0) || (c.factor < 1.0 && ratio.lo > 1.0) {
                continue;
            }
            let ok = allowed(c.factor, c.hedge, widths);
            let said = words(c, ctx);
            // The figures' rounding and the word's looseness do not stack: the exact ratio of
            // the figures as written meets the word's range, or the figures' rounding alone
            // reaches the multiple read to the letter (its hedge's bound). "Doubled to 2.3bn
            // from 1.0bn" is 2.3 times: neither.
            let holds = if c.hedge.is_none() {
                ok.contains(exact) || ratio.contains(c.factor)
            } else {
                ok.intersects(&ratio)
            };
            if holds {
                if ctx.want_passed {
                    passed.push(Passed {
                        kind: "ratio",
                        span: c.span,
                        claim: ctx.para.text[c.span.start..c.span.end].to_string(),
                        arithmetic: format!(
                            "{} / {} = {}",
                            text(ctx, num),
                            text(ctx, den),
                            ratio_text(exact)
                        ),
                        verdict: format!("{} fits \"{said}\"", ratio_text(exact)),
                    });
                }
                continue;
            }
            // Severity from the figures as written: their rounding already had its chance to
            // make the claim hold ("doubled to $1.9bn from $1.2bn" is 1.58 times: an error).
            let severity = Severity::from_miss(miss(&ok, &Interval::point(exact)));
            let message = format!(
                "{} against {} is {} times, not \"{said}\"",
                text(ctx, num),
                text(ctx, den),
                ratio_text(exact)
            );
            let mut f = Finding::new(Self::INFO.id, severity, c.span, message);
            f.expected = Some(Expected {
                text: format!("{} times", ratio_text(exact)),
                value: exact,
                unit: None,
            });
            let change = (exact - 1.0) * 100.0;
            f.notes.push(format!(
                "that is a {} of {:.0}%; \"{said}\" allows {} to {} times",
                if change >= 0.0 { "rise" } else { "fall" },
                change.abs(),
                ratio_text(ok.lo),
                if ok.hi.is_finite() {
                    ratio_text(ok.hi)
                } else {
                    "any number of".into()
                }
            ));
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{check_rule, findings};

    #[test]
    fn more_than_three_times_holds_doubled_does_not() {
        assert!(
            findings(
                "Approximately 73 railcars were visible, more than three times the 20 seen before."
            )
            .is_empty()
        );
        let f = check_rule(
            "ratio-mismatch",
            "The number of railcars doubled from 20 to 73.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("3.65"), "{}", f[0].message);
    }

    #[test]
    fn hedged_multiples() {
        assert!(findings("Usage nearly doubled to 399,000 tonnes from 201,000.").is_empty());
        assert!(findings("The average more than doubled to 381 mln dlrs from 160.").is_empty());
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "The average more than doubled to 248 mln dlrs from 160."
            )
            .len(),
            1
        );
        assert!(findings("Profits halved to 166 mln marks from 311 mln.").is_empty());
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Profits halved to 116 mln marks from 311 mln."
            )
            .len(),
            1
        );
    }

    #[test]
    fn twice_the_figure() {
        assert!(findings("The 337,000 jobs added was twice the 169,000 forecast.").is_empty());
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "The 202,000 jobs added was twice the 169,000 forecast."
            )
            .len(),
            1
        );
    }

    #[test]
    fn rounding_and_a_loose_word_do_not_stack() {
        // 2.3 / 1.0 = 2.3: beyond "doubled" (1.8..2.2), and 1.0bn and 2.3bn rounded cannot
        // make 2 either (at least 2.25 / 1.05 = 2.14).
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Profits have doubled to £2.3bn from £1.0bn."
            )
            .len(),
            1
        );
        // 41 / 20 = 2.05: within the word's range.
        assert!(findings("Sales doubled from 20 to 41.").is_empty());
        // 2.3 / 1.0 with "more than": at least 2 holds.
        assert!(findings("Profits have more than doubled to £2.3bn from £1.0bn.").is_empty());
    }

    #[test]
    fn by_a_fraction_is_a_multiple() {
        // "fell by half": 0.5 of the start; 301 / 412 = 0.73.
        let f = check_rule("ratio-mismatch", "Deaths fell by half, from 412 to 301.");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("\"fell by half\""),
            "{}",
            f[0].message
        );
        assert!(findings("Deaths fell by half, from 412 to 210.").is_empty());
        // "rose by a third": 4/3; 400 / 300 holds, 500 / 300 does not.
        assert!(findings("Costs rose by a third, from 300 to 400.").is_empty());
        assert_eq!(
            check_rule("ratio-mismatch", "Costs rose by a third, from 300 to 500.").len(),
            1
        );
    }

    #[test]
    fn a_fraction_more_or_fewer_than_a_base() {
        // A third more than 3,000 is 4,000; a quarter fewer is 2,250.
        assert!(
            findings("It employs 4,000 people, a third more than the 3,000 it had.").is_empty()
        );
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "It employs 4,500 people, a third more than the 3,000 it had."
            )
            .len(),
            1
        );
        assert!(
            findings("It employs 2,250 people, a quarter fewer than the 3,000 it had.").is_empty()
        );
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "It employs 2,500 people, a quarter fewer than the 3,000 it had."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_hedge_between_by_and_the_fraction() {
        // More than half lost: under 0.5 of the start. 25 / 60 = 0.42 holds, 35 / 60 = 0.58
        // does not.
        assert!(
            findings("Its value has fallen by more than half, from $60bn to $25bn.").is_empty()
        );
        let f = check_rule(
            "ratio-mismatch",
            "Its value has fallen by more than half, from $60bn to $35bn.",
        );
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("fallen by more than half"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_fraction_change_is_loose_in_the_change_not_the_ratio() {
        // A quarter off 40 is 30; 32 is a fifth off (ratio 0.80, inside 0.75 +- 10% but a
        // change of 20% against 25% +- 10%).
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Average speed fell by a quarter, from 40mph to 31mph."
            )
            .len(),
            0
        );
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Average speed fell by a quarter, from 40mph to 32mph."
            )
            .len(),
            1
        );
        // Up by a third from 300: 400; 390 is a 30% rise, within a tenth of a third.
        assert!(findings("Costs rose by a third, from 300 to 390.").is_empty());
        assert_eq!(
            check_rule("ratio-mismatch", "Costs rose by a third, from 300 to 370.").len(),
            1
        );
    }

    #[test]
    fn a_change_named_as_a_fraction_and_a_multiple_after_the_figures() {
        // £10m -> £8m is a fifth off, not a third.
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "The budget was cut from £10m to £8m, a reduction of a third."
            )
            .len(),
            1
        );
        assert!(
            findings("The budget was cut from £10m to £8m, a reduction of a fifth.").is_empty()
        );
        // 300 -> 400 is a third more; 300 -> 500 is two thirds.
        assert!(findings("Sales rose from 300 to 400, an increase of a third.").is_empty());
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Sales rose from 300 to 500, an increase of a third."
            )
            .len(),
            1
        );
        // 50 / 20 = 2.5: not more than three times.
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Sales rose from 20 to 50, more than three times."
            )
            .len(),
            1
        );
        // A currency sign between "from" and the figure: still a change, not a range.
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Household debt tripled in a decade, from £600bn to £1.2trn."
            )
            .len(),
            1
        );
    }

    #[test]
    fn half_an_amount_is_no_multiple() {
        // "fell by half an hour" from 3.5 to 3 hours is no halving.
        assert!(findings("The trip fell by half an hour to 3 hours from 3.5 hours.").is_empty());
        assert!(
            findings("The bank cut rates by half a percentage point to 4.5% from 5%.").is_empty()
        );
        // "fell by half" still is: 9 to 6 is not half.
        assert_eq!(
            check_rule("ratio-mismatch", "Sales fell by half to $6m from $9m.").len(),
            1
        );
    }

    #[test]
    fn two_figures_set_against_each_other_after_the_multiple() {
        // 36 / 12 = 3 times, not four.
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Solar output is now four times its 2015 level: 36 GW against 12 GW."
            )
            .len(),
            1
        );
        assert!(
            findings("Solar output is now three times its 2015 level: 36 GW against 12 GW.")
                .is_empty()
        );
        // 2.4 million / 400,000 = 6.
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Members were up tenfold, at 2.4 million compared with 400,000 in 2020."
            )
            .len(),
            1
        );
        assert!(
            findings("Members were up sixfold, at 2.4 million compared with 400,000 in 2020.")
                .is_empty()
        );
    }

    #[test]
    fn a_multiple_then_a_change_clause_with_the_figures() {
        // 96p to 48p is half; 96p to 60p is 0.63 times.
        assert!(findings("The shares have halved in value, falling to 48p from 96p.").is_empty());
        let f = check_rule(
            "ratio-mismatch",
            "The shares have halved in value, falling to 60p from 96p.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        // 30m to 90m is three times.
        assert!(findings("Sales tripled over the decade, rising to 90m from 30m.").is_empty());
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Sales tripled over the decade, rising to 60m from 30m."
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_unit_of_a_rate_is_not_a_figure_to_compare() {
        // "per 100g" names what 10.5g is counted over; 10.5g against 3.5g is three times.
        let t = "Oats have three times the fibre of white rice, at 10.5g per 100g against 3.5g.";
        assert!(findings(t).is_empty(), "{:?}", findings(t));
    }

    #[test]
    fn a_multiple_with_its_base_in_a_clause_of_its_own() {
        // 1.5 million against 0.5 million is three times.
        assert!(
            findings("Members tripled in two years to 1.5 million, up from 0.5 million.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Members tripled in two years to 1.5 million, up from 0.9 million."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_hedge_before_the_article_of_a_multiple() {
        // 500 / 150 = 3.33 is more than threefold; 400 / 150 = 2.67 is not.
        assert!(
            findings("Parking fines will rise from £150 to £500, more than a threefold increase.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Parking fines will rise from £150 to £400, more than a threefold increase."
            )
            .len(),
            1
        );
    }
}
