//! `direction-mismatch`: the words say up and the figures go down, or the reverse.

use super::{input_with, text};
use crate::checks::{Check, Context, RuleInfo};
use crate::claims::{Claim, Trend};
use crate::declare_rule;
use crate::diagnostic::{Finding, Passed, Severity};

declare_rule! {
    /// ## What it does
    /// Reports a change word that contradicts its figures: "rose to 20 from 73", "fell 5% to
    /// 21 from 20", "doubled to 10 from 40".
    ///
    /// ## Why
    /// Swapped figures are a classic copy-editing slip: the sentence reads fluently and every
    /// number is right, but the story says the opposite of what happened.
    ///
    /// ## How it decides
    /// Only when the two figures cannot be in the stated order under any reading of their
    /// rounding and hedges.
    ///
    /// ## Example
    /// ```text
    /// Exports rose to 20 mln tonnes from 73 mln.
    /// ```
    /// 73 mln to 20 mln is a fall.
    ///
    /// ## Options
    /// The change words are in `rules/comparisons.toml` (`[change] up` and `down`).
    pub struct DirectionMismatch {
        id: "direction-mismatch",
        family: "comparison",
        severity: Error,
        enabled: true,
        summary: "A change word says up where the figures go down, or the reverse",
    }
}

impl Check for DirectionMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, _passed: &mut Vec<Passed>) {
        let qs = &ctx.facts.quantities;
        for claim in ctx.claims {
            let Claim::Direction(c) = claim else { continue };
            let (from, to) = (&qs[c.from], &qs[c.to]);
            let (a, b) = (
                input_with(ctx, from, c.from_scale, to),
                input_with(ctx, to, 1.0, from),
            );
            let wrong = match c.trend {
                Trend::Up => b.hi < a.lo,
                Trend::Down => b.lo > a.hi,
            };
            if !wrong {
                continue;
            }
            let word = ctx.para.t(c.word_tok);
            let message = format!(
                "\"{word}\" says {}, but {} to {} is a {}",
                if c.trend == Trend::Up { "up" } else { "down" },
                text(ctx, from),
                text(ctx, to),
                if c.trend == Trend::Up { "fall" } else { "rise" }
            );
            let mut f = Finding::new(Self::INFO.id, Severity::Error, c.span, message);
            f.notes
                .push("are the figures swapped, or is the word wrong?".into());
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{check_rule, findings};

    #[test]
    fn rose_to_less() {
        let f = check_rule(
            "direction-mismatch",
            "Exports rose to 20 mln tonnes from 73 mln tonnes.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(findings("Exports rose to 73 mln tonnes from 20 mln tonnes.").is_empty());
        assert_eq!(
            check_rule("direction-mismatch", "Sales fell 5% to 21 from 20.").len(),
            1
        );
    }

    #[test]
    fn rounding_can_excuse_a_tie() {
        assert!(
            check_rule(
                "direction-mismatch",
                "Output edged up to 1.5 mln from 1.52 mln."
            )
            .is_empty()
        );
    }

    #[test]
    fn the_level_first_then_up_or_down_from() {
        assert_eq!(
            check_rule(
                "direction-mismatch",
                "The county recorded 6,400 burglaries, down from 6,000."
            )
            .len(),
            1
        );
        assert!(findings("The county recorded 5,400 burglaries, down from 6,000.").is_empty());
        assert!(findings("Officials counted 73 railcars, up from 20.").is_empty());
    }

    #[test]
    fn a_currency_against_another_goes_either_way() {
        // Quoted per dollar, the yen's figure falls as the yen rises: no direction to check.
        assert!(
            findings("The yen firmed 0.6 pct against the dollar to 151.10 from 152.00.").is_empty()
        );
        // The size still counts: 152.00 to 151.10 is 0.59%, not 1.6%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "The yen firmed 1.6 pct against the dollar to 151.10 from 152.00."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_semicolon_ends_a_results_item() {
        // The per-share item's 87 cts is not the base of the net profit's rise.
        assert!(
            findings("Qtr shr 1.12 dlrs vs 87 cts; net 14.6 mln vs 11.3 mln, up 29.2 pct; revs 402.1 mln vs 371.8 mln.")
                .is_empty()
        );
        // The net profit's own rise is still checked: 11.3 to 14.6 mln is 29.2%.
        assert_eq!(
            check_rule(
                "percent-change-mismatch",
                "Qtr shr 1.12 dlrs vs 87 cts; net 14.6 mln vs 11.3 mln, up 19.2 pct; revs 402.1 mln vs 371.8 mln."
            )
            .len(),
            1
        );
        // A semicolon inside brackets lists one figure's equivalents: $900m to $300m is a third.
        assert!(
            findings("Losses halved last year to $300m (£160m; 280m euros) from $600m.").is_empty()
        );
        assert_eq!(
            check_rule(
                "ratio-mismatch",
                "Losses halved last year to $300m (£160m; 280m euros) from $900m."
            )
            .len(),
            1
        );
    }

    #[test]
    fn money_is_not_compared_with_a_count_of_things() {
        let t = "Revenue per subscriber rose to $9.80, on sales of $441 million from 45 million subscribers.";
        assert!(findings(t).is_empty(), "{:?}", findings(t));
        // A bare figure after money takes its unit: "to 94.0 mln dlrs from 80.0 mln" still
        // reads as a change; 80 up to 74 is a fall.
        assert_eq!(
            check_rule(
                "direction-mismatch",
                "Net income rose to 74.0 mln dlrs from 80.0 mln."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_change_word_contradicted_by_the_base_clause() {
        let f = check_rule(
            "direction-mismatch",
            "Operating profit rose to £41.2m, down from £47.5m the year before.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("\"rose\""), "{}", f[0].message);
        assert!(
            findings("Operating profit rose to £41.2m, up from £37.5m the year before.").is_empty()
        );
        assert!(
            findings("Operating profit fell to £41.2m, down from £47.5m the year before.")
                .is_empty()
        );
    }

    #[test]
    fn the_particle_of_a_verb_of_moving() {
        // 412,500 to 398,000 is a fall; 398,000 to 412,500 a rise.
        assert!(
            findings("Average rents edged down in March, from £412,500 to £398,000 a year.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "direction-mismatch",
                "Average rents edged down in March, from £398,000 to £412,500 a year."
            )
            .len(),
            1
        );
        assert_eq!(
            check_rule(
                "direction-mismatch",
                "The deficit was revised up, from £41.2bn to £38.9bn."
            )
            .len(),
            1
        );
    }
}
