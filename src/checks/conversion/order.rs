//! `conversion-order` (house style, off by default): the primary system's figure should come
//! first, its conversion second.

use super::text;
use crate::checks::{Check, Context, RuleInfo};
use crate::claims::Claim;
use crate::declare_rule;
use crate::diagnostic::{Finding, Passed, Severity};
use crate::extract::Span;
use crate::units::System;

declare_rule! {
    /// ## What it does
    /// House style: in a conversion, the figure in the primary system comes first. With the
    /// default `primary-system = "metric"`, "550 miles (885 km)" should be "885 km (550 miles)".
    ///
    /// ## Why
    /// Consistent order tells the reader which figure is the original and which the
    /// conversion.
    ///
    /// ## Example
    /// ```text
    /// The convoy travelled 550 miles (885 km).
    /// ```
    /// Suggestion: `885 km (550 miles)`.
    ///
    /// ## Options
    /// `[rules.conversion-order]` in numlint.toml: `primary-system` ("metric" or "imperial").
    pub struct ConversionOrder {
        id: "conversion-order",
        family: "style",
        severity: Warning,
        enabled: false,
        summary: "The primary unit system's figure does not come first (house style)",
    }
}

impl Check for ConversionOrder {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, _passed: &mut Vec<Passed>) {
        let metric_primary = ctx.config.house_style.primary_system != "imperial";
        let reg = &ctx.para.vocab.units.registry;
        for c in ctx.claims {
            let Claim::Conversion(c) = c else { continue };
            let qs = &ctx.facts.quantities;
            let (a, b) = (&qs[c.a], &qs[c.b]);
            let (Some(ua), Some(ub)) = (a.unit, b.unit) else {
                continue;
            };
            let (sa, sb) = (reg.get(ua).system, reg.get(ub).system);
            let primary = |s: System| {
                if metric_primary {
                    s == System::Metric
                } else {
                    s.is_customary()
                }
            };
            if primary(sa) || !primary(sb) || a.dimension.family() != b.dimension.family() {
                continue;
            }
            let message = format!(
                "{} should come before {}: the {} figure goes first",
                text(ctx, b),
                text(ctx, a),
                if metric_primary { "metric" } else { "imperial" }
            );
            let mut f = Finding::new(
                Self::INFO.id,
                Severity::Warning,
                Span::new(a.span.start, b.span.end),
                message,
            );
            if c.link == crate::claims::Link::Bracket {
                let replacement = format!("{} ({}", text(ctx, b), text(ctx, a));
                f.suggestion = Some(crate::diagnostic::Fix {
                    span: Span::new(a.span.start, b.span.end),
                    replacement,
                    safe: false,
                });
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::check_rule;

    #[test]
    fn metric_first() {
        let f = check_rule(
            "conversion-order",
            "The convoy travelled 550 miles (885 km).",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].suggestion.as_ref().unwrap().replacement,
            "885 km (550 miles"
        );
        assert!(
            check_rule(
                "conversion-order",
                "The convoy travelled 885 km (550 miles)."
            )
            .is_empty()
        );
    }
}
