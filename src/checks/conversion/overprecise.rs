//! `conversion-overprecise`: a conversion written with more precision than the original has.

use super::{text, unit_text, verdicts};
use crate::checks::style::{format_like, in_quotes};
use crate::checks::{Check, Context, RuleInfo};
use crate::declare_rule;
use crate::diagnostic::{Finding, Fix, Passed, Severity};

declare_rule! {
    /// ## What it does
    /// Reports a conversion that claims more significant figures than the original figure has:
    /// "6,000 kilometres (3,728 miles)".
    ///
    /// ## Why
    /// "6,000 km" is a round figure; "3,728 miles" pretends to know the distance to the mile.
    /// House styles ask for the conversion to be rounded like the original: "3,700 miles".
    ///
    /// ## Example
    /// ```text
    /// The pipeline will run 6,000 kilometres (3,728 miles).
    /// ```
    /// Fix: `6,000 kilometres (3,700 miles)`.
    ///
    /// ## Options
    /// None. Style advice: severity info.
    pub struct ConversionOverprecise {
        id: "conversion-overprecise",
        family: "conversion",
        severity: Info,
        enabled: true,
        summary: "A conversion claims more precision than the original figure",
    }
}

impl Check for ConversionOverprecise {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, _passed: &mut Vec<Passed>) {
        for v in verdicts(ctx) {
            if !v.holds() {
                continue;
            }
            let qs = &ctx.facts.quantities;
            let (a, b) = (&qs[v.claim.a], &qs[v.claim.b]);
            if a.range.is_some() || b.range.is_some() || a.hedge.is_some() {
                continue;
            }
            let allowed = a.precision.lenient_sig.max(2) + 1;
            if b.precision.lenient_sig <= allowed {
                continue;
            }
            let Some(value) = b.value else { continue };
            let sig = a.precision.lenient_sig.max(2);
            let scale = if b.scale > 0.0 { b.scale } else { 1.0 };
            let digits = &ctx.para.text[b.digits_span.start..b.digits_span.end];
            let rounded = format_like(value / scale, 0.0, sig, digits);
            let message = format!(
                "{} has {} significant figures but {} has {}: round it to {} {}",
                text(ctx, b),
                b.precision.lenient_sig,
                text(ctx, a),
                a.precision.lenient_sig,
                rounded,
                unit_text(ctx, b)
            );
            let mut f = Finding::new(Self::INFO.id, Severity::Info, b.span, message);
            if !in_quotes(ctx.para, b.span.start) {
                f.suggestion = Some(Fix {
                    span: b.digits_span,
                    replacement: rounded,
                    safe: true,
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
    fn round_original_precise_conversion() {
        let f = check_rule(
            "conversion-overprecise",
            "The pipeline will run 6,000 kilometres (3,728 miles).",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "3,700");
    }

    #[test]
    fn matching_precision_is_fine() {
        assert!(
            check_rule(
                "conversion-overprecise",
                "The peak is 4,810 metres (15,780 feet) high."
            )
            .is_empty()
        );
        // 4,810 m is good to ten metres; 15,781 ft claims a single foot.
        assert_eq!(
            check_rule(
                "conversion-overprecise",
                "The peak is 4,810 metres (15,781 feet) high."
            )
            .len(),
            1
        );
        assert!(
            check_rule(
                "conversion-overprecise",
                "It weighed 2,749 pounds (1,246.9 kilograms)."
            )
            .is_empty()
        );
    }
}
