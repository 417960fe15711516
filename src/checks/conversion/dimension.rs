//! `conversion-dimension`: a bracket that converts into a different kind of quantity.

use super::{text, verdicts};
use crate::checks::{Check, Context, RuleInfo};
use crate::declare_rule;
use crate::diagnostic::{Finding, Passed, Severity};
use crate::extract::Span;

declare_rule! {
    /// ## What it does
    /// Reports a figure whose bracketed "equivalent" measures something else: a distance given
    /// in kilograms, a speed in kilometres per litre.
    ///
    /// ## Why
    /// No factor turns kilometres into kilograms. The bracket was meant to convert, so one of
    /// the two units is wrong (often a fuel economy pasted where a speed belongs).
    ///
    /// ## How it decides
    /// Only a bracket that holds nothing but one figure counts: "13 inch (256 GB SSD)" lists
    /// specifications and "a 2 km (20-minute) walk" gives a time, so neither is reported.
    ///
    /// ## Example
    /// ```text
    /// The crash test ran at 40 miles per hour (17 kilometers per liter).
    /// ```
    /// A speed cannot be converted into a fuel economy.
    ///
    /// ## Options
    /// None.
    pub struct ConversionDimension {
        id: "conversion-dimension",
        family: "conversion",
        severity: Error,
        enabled: true,
        summary: "A conversion in brackets measures a different kind of quantity",
    }
}

impl Check for ConversionDimension {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, _passed: &mut Vec<Passed>) {
        for v in verdicts(ctx) {
            if v.comparable {
                continue;
            }
            let qs = &ctx.facts.quantities;
            let (a, b) = (&qs[v.claim.a], &qs[v.claim.b]);
            let message = format!(
                "{} is a {} but {} is a {}: one cannot be converted into the other",
                text(ctx, a),
                a.dimension.as_str().replace('_', " "),
                text(ctx, b),
                b.dimension.as_str().replace('_', " ")
            );
            out.push(Finding::new(
                Self::INFO.id,
                Severity::Error,
                Span::new(a.span.start, b.span.end),
                message,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::check_rule;

    #[test]
    fn kilometres_are_not_kilograms() {
        let f = check_rule("conversion-dimension", "The wall is 10 km (6 kg) long.");
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("length") && f[0].message.contains("mass"));
    }

    #[test]
    fn specifications_and_times_are_not_conversions() {
        assert!(check_rule("conversion-dimension", "The 13 inch (256 GB SSD) laptop.").is_empty());
        assert!(check_rule("conversion-dimension", "A 2 km (20 minutes) walk.").is_empty());
    }
}
