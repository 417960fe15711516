//! `conversion-ambiguous-unit`: a conversion that holds only under a less likely reading of an
//! ambiguous unit (US or imperial gallons, short, long or metric tons).

use super::{exact_values, text, unit_text, verdicts};
use crate::checks::{Check, Context, RuleInfo};
use crate::declare_rule;
use crate::diagnostic::{Finding, Passed, Severity};
use crate::extract::Span;

declare_rule! {
    /// ## What it does
    /// Reports a conversion whose verdict depends on which unit an ambiguous word means, when
    /// neither the sentence nor `--locale` says: it holds for imperial gallons but not US ones,
    /// for metric tonnes but not short tons.
    ///
    /// ## Why
    /// Readers on either side of the Atlantic read "gallon" and "ton" differently. Saying which
    /// one is meant ("US gallons", "metric tons") removes the doubt.
    ///
    /// ## Example
    /// ```text
    /// The tank holds 10 gallons (45 litres).
    /// ```
    /// Holds for imperial gallons (45.5 litres), not US gallons (37.9 litres).
    ///
    /// ## Options
    /// `--locale en-GB` reads gallons and pints as imperial, `en-US` as US.
    pub struct ConversionAmbiguousUnit {
        id: "conversion-ambiguous-unit",
        family: "conversion",
        severity: Warning,
        enabled: true,
        summary: "A conversion holds only under one reading of an ambiguous unit",
    }
}

impl Check for ConversionAmbiguousUnit {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, _passed: &mut Vec<Passed>) {
        let reg = &ctx.para.vocab.units.registry;
        for v in verdicts(ctx) {
            let (Some(good), Some(pref)) = (v.holds_otherwise(), v.preferred()) else {
                continue;
            };
            let qs = &ctx.facts.quantities;
            let (a, b) = (&qs[v.claim.a], &qs[v.claim.b]);
            let name = |id| reg.get(id).name.clone();
            // Which side's reading changed.
            let (side, good_unit, bad_unit) = if good.reading.a != pref.reading.a {
                (a, good.reading.a, pref.reading.a)
            } else {
                (b, good.reading.b, pref.reading.b)
            };
            let message = format!(
                "{} ({}) holds only for {}s: in {}s, {} is {} {}",
                text(ctx, a),
                text(ctx, b),
                name(good_unit),
                name(bad_unit),
                text(ctx, a),
                exact_values(&pref.forward.exact, b),
                unit_text(ctx, b),
            );
            let _ = side;
            let mut f = Finding::new(
                Self::INFO.id,
                Severity::Warning,
                Span::new(a.span.start, b.span.end),
                message,
            );
            f.notes.push(format!(
                "write \"{}s\" to say which unit is meant",
                name(good_unit)
            ));
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::check_rule;

    #[test]
    fn imperial_gallons_hold_us_gallons_do_not() {
        let f = check_rule(
            "conversion-ambiguous-unit",
            "The tank holds 12 gallons (55 litres).",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("imperial gallon"), "{}", f[0].message);
    }

    #[test]
    fn context_settles_it() {
        assert!(
            check_rule(
                "conversion-ambiguous-unit",
                "The tank holds 12 imperial gallons (55 litres)."
            )
            .is_empty()
        );
        assert!(
            check_rule(
                "conversion-ambiguous-unit",
                "The tank holds 12 gallons (55 litres).\n\nPrices in the UK."
            )
            .len()
                == 1
        );
        let f = check_rule(
            "conversion-mismatch",
            "The tank holds 12 US gallons (55 litres).",
        );
        assert_eq!(f.len(), 1);
        assert!(
            f[0].notes.iter().any(|n| n.contains("imperial gallon")),
            "{:?}",
            f[0].notes
        );
    }
}
