//! `percentage-points`: a change between two percentages given in percent where points fit, or
//! in points where percent fits.

use super::percent_change::{
    between_percentages, compute, meets_either_sign, points_change, stated,
};
use super::{percent_text, text};
use crate::checks::{Check, Context, RuleInfo};
use crate::claims::Claim;
use crate::declare_rule;
use crate::diagnostic::{Finding, Passed, Severity};
use crate::interval::Interval;

declare_rule! {
    /// ## What it does
    /// Reports a change between two percentages whose stated size fits the difference in
    /// percentage points but is written as a percent ("from 20% to 30%, a 10% rise"), or the
    /// reverse ("up 5 percentage points" where the relative change is 5%).
    ///
    /// ## Why
    /// A rate going from 20% to 30% has risen by 10 percentage points, or by 50%. Writing one
    /// for the other misleads by a factor that grows with the base.
    ///
    /// ## Example
    /// ```text
    /// Turnout rose from 20% to 30%, a 10% rise.
    /// ```
    /// 10 percentage points, or a 50% rise: say which.
    ///
    /// ## Options
    /// None. A warning: newswire copy often writes "pct" for points.
    pub struct PercentagePoints {
        id: "percentage-points",
        family: "comparison",
        severity: Warning,
        enabled: true,
        summary: "A change between percentages mixes up percent and percentage points",
    }
}

impl Check for PercentagePoints {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, _passed: &mut Vec<Passed>) {
        let units = &ctx.para.vocab.units;
        for claim in ctx.claims {
            let Claim::PercentChange(c) = claim else {
                continue;
            };
            if !between_percentages(ctx, c) {
                continue;
            }
            let qs = &ctx.facts.quantities;
            let (from, to, pq) = (&qs[c.from.expect("checked")], &qs[c.to], &qs[c.percent]);
            let Some(relative) = compute(ctx, c) else {
                continue;
            };
            let points = points_change(ctx, c);
            let exact_points = to.stated() - from.stated();
            let st = stated(ctx, c, false, relative.exact);
            let fits = |iv: &Interval| meets_either_sign(&st, iv);
            let in_percent = pq.unit == units.percent;
            let confused = if in_percent {
                !fits(&relative.interval) && fits(&points)
            } else {
                !fits(&points) && fits(&relative.interval)
            };
            if !confused {
                continue;
            }
            let message = format!(
                "{} to {} is {} percentage points, or {}: {} reads as {}",
                text(ctx, from),
                text(ctx, to),
                crate::checks::style::exact_text(exact_points.abs(), 1),
                percent_text(relative.exact, 1),
                text(ctx, pq),
                if in_percent {
                    "percentage points"
                } else {
                    "a percent change"
                }
            );
            let mut f = Finding::new(Self::INFO.id, Severity::Warning, c.span, message);
            f.notes.push(if in_percent {
                format!(
                    "write \"{} percentage points\" or give the relative change",
                    crate::checks::style::exact_text(exact_points.abs(), 1)
                )
            } else {
                "write the change as a percent, or check the points".to_string()
            });
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::check_rule;

    #[test]
    fn points_written_as_percent() {
        let f = check_rule(
            "percentage-points",
            "Turnout rose from 20% to 30%, a 10% rise.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.contains("10 percentage points") && f[0].message.contains("+50%"),
            "{}",
            f[0].message
        );
        let f = check_rule(
            "percentage-points",
            "The load factor declined 1.6 pct to 55.9 pct from 57.5 pct.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn a_true_relative_change_is_fine() {
        assert!(
            check_rule(
                "percentage-points",
                "Turnout rose from 20% to 30%, a 50% rise."
            )
            .is_empty()
        );
        assert!(
            check_rule(
                "percentage-points",
                "Turnout rose from 20% to 30%, up 10 percentage points."
            )
            .is_empty()
        );
    }
}
