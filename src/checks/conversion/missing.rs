//! `missing-conversion` (house style, off by default): a figure in the secondary system with no
//! equivalent in the primary one, or the reverse.

use super::{text, unit_text};
use crate::checks::style::{format_like, in_quotes};
use crate::checks::{Check, Context, RuleInfo};
use crate::claims::Claim;
use crate::declare_rule;
use crate::diagnostic::{Finding, Fix, Passed, Severity};
use crate::units::System;

declare_rule! {
    /// ## What it does
    /// House style: reports a measurement given only in one system. With the default
    /// `primary-system = "metric"` an imperial or US figure ("550 miles") must be followed by
    /// its metric equivalent ("550 miles (885 km)"); with `"imperial"` it is the reverse.
    ///
    /// ## Why
    /// Many style books (Reuters, the BBC, AP for international copy) require both systems so
    /// every reader can picture the figure.
    ///
    /// ## Example
    /// ```text
    /// The convoy travelled 550 miles.
    /// ```
    /// Suggestion: `550 miles (885 km)`.
    ///
    /// ## Options
    /// `[rules.missing-conversion]` in numlint.toml: `primary-system` ("metric" or "imperial")
    /// and `dimensions` (default length, mass, area, volume, speed, temperature).
    pub struct MissingConversion {
        id: "missing-conversion",
        family: "style",
        severity: Warning,
        enabled: false,
        summary: "A measurement is given in one system only (house style)",
    }
}

impl Check for MissingConversion {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, _passed: &mut Vec<Passed>) {
        let style = &ctx.config.house_style;
        let units = &ctx.para.vocab.units;
        let metric_primary = style.primary_system != "imperial";
        let in_claim = |i: usize| {
            ctx.claims.iter().any(|c| match c {
                Claim::Conversion(c) => c.a == i || c.b == i,
                #[allow(unreachable_patterns)]
                _ => false,
            })
        };
        for (i, q) in ctx.facts.quantities.iter().enumerate() {
            let Some(unit) = q.unit else { continue };
            if !style
                .conversion_dimensions
                .iter()
                .any(|d| d == q.dimension.family().as_str())
                || in_claim(i)
            {
                continue;
            }
            let system = units.registry.get(unit).system;
            let needs = if metric_primary {
                system.is_customary()
            } else {
                system == System::Metric
            };
            if !needs {
                continue;
            }
            let Some(target) = units.house_conversions.get(&unit).copied() else {
                continue;
            };
            let reg = &units.registry;
            let difference = q.dimension == crate::units::Dimension::TemperatureDifference;
            let ends: Vec<f64> = super::ends(q)
                .iter()
                .map(|v| super::convert(reg, *v, unit, target, difference))
                .collect();
            let step = q.precision.lenient_step * reg.get(unit).factor / reg.get(target).factor;
            let figures: Vec<String> = ends.iter().map(|v| format_like(*v, step, 2, "")).collect();
            let addition = format!(" ({} {})", figures.join(" to "), reg.get(target).short);
            let message = format!(
                "{} has no {} equivalent: add{}",
                text(ctx, q),
                if metric_primary { "metric" } else { "imperial" },
                addition
            );
            let mut f = Finding::new(Self::INFO.id, Severity::Warning, q.span, message);
            if !in_quotes(ctx.para, q.span.start) {
                f.suggestion = Some(Fix {
                    span: crate::extract::Span::new(q.span.end, q.span.end),
                    replacement: addition,
                    safe: false,
                });
            }
            let _ = unit_text(ctx, q);
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::check_rule;

    #[test]
    fn imperial_figure_without_metric() {
        let f = check_rule("missing-conversion", "The convoy travelled 550 miles.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, " (890 km)");
        assert!(
            check_rule(
                "missing-conversion",
                "The convoy travelled 550 miles (885 km)."
            )
            .is_empty()
        );
        assert!(check_rule("missing-conversion", "The convoy travelled 885 km.").is_empty());
    }
}
