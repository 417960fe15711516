//! `per-capita-mismatch`: an amount shared out over a population, and the share per person the
//! text gives, do not agree.

use super::{derived, input, miss, text};
use crate::checks::{Check, Context, RuleInfo};
use crate::claims::Claim;
use crate::declare_rule;
use crate::diagnostic::{Expected, Finding, Passed, Severity};

declare_rule! {
    /// ## What it does
    /// Divides an amount by the population it is shared over and compares the result with the
    /// share per person the sentence states: "£1.2bn for 2.4 million residents, £500 per
    /// head", "£2.7tn, equivalent to £40,300 for each of the country's 67 million people",
    /// "4.45 million tonnes for 8.9 million people, or half a tonne each". Also an amount
    /// shared by "each of" a count ("Each of the 14 hospitals will receive £2.5m, a total of
    /// £35m") and a price per unit set off after the amount it divides ("1.2 tonnes of cocaine
    /// worth £96m, or £80,000 a kilo"). And a rate per a round number of people: "1,390
    /// homicides, a rate of 6.2 per 100,000 of its 22.4 million residents" (one population, one
    /// counted thing, in the sentence).
    ///
    /// ## How it decides
    /// The quotient is computed with interval arithmetic from the two figures as written (a
    /// figure with a scale word stands for the interval it was rounded from) and must meet the
    /// stated share, read no coarser than two significant figures of the exact value.
    ///
    /// ## Example
    /// ```text
    /// With 2.4 million residents and a budget of £1.2bn, the region spends £800 per head.
    /// ```
    /// £1.2bn over 2.4 million is £500 a head.
    ///
    /// ## Options
    /// None.
    pub struct PerCapitaMismatch {
        id: "per-capita-mismatch",
        family: "comparison",
        severity: Error,
        enabled: true,
        summary: "An amount per person (or per unit) does not match the total and the population",
    }
}

impl Check for PerCapitaMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, passed: &mut Vec<Passed>) {
        let qs = &ctx.facts.quantities;
        for claim in ctx.claims {
            let Claim::PerCapita(c) = claim else { continue };
            let (t, n, e) = (&qs[c.total], &qs[c.population], &qs[c.each]);
            // "£80,000 a kilo" of "1.2 tonnes": the quantity counted in the price's unit.
            // A rate per 100,000 divides by the population in hundred thousands.
            let per = match (c.per_count, e.per) {
                (Some(k), _) => super::value(ctx, &qs[k], 1.0),
                (None, Some(u)) => ctx.para.vocab.units.registry.get(u).factor,
                (None, None) => 1.0,
            };
            let Some(computed) = input(ctx, t, 1.0).div(&input(ctx, n, 1.0 / per)) else {
                continue;
            };
            let exact_base = super::value(ctx, t, 1.0) / super::value(ctx, n, 1.0 / per);
            let factor = super::base_factor(ctx, e);
            let exact = exact_base / factor;
            let stated = derived(ctx, e, exact);
            let shown = crate::checks::style::written_like(ctx, e, exact);
            let basis = format!("{} over {}", text(ctx, t), text(ctx, n));
            // "£100,000 a kilo" says per what already; "£3.2m" needs "each".
            let each = match c.per_count {
                Some(k) => format!(" per {}", text(ctx, &qs[k])),
                None if e.per.is_some() => String::new(),
                None => " each".to_string(),
            };
            if stated.intersects(&computed) {
                if ctx.want_passed {
                    passed.push(Passed {
                        kind: "per-capita",
                        span: c.span,
                        claim: ctx.para.text[c.span.start..c.span.end].to_string(),
                        arithmetic: format!("{basis} is {shown}{each}"),
                        verdict: format!("within the stated {}", text(ctx, e)),
                    });
                }
                continue;
            }
            let severity = Severity::from_miss(miss(&stated, &computed));
            let mut f = Finding::new(
                Self::INFO.id,
                severity,
                c.span,
                format!("{basis} is {shown}{each}, not {}", text(ctx, e)),
            );
            f.expected = Some(Expected {
                text: shown,
                value: exact,
                unit: e.unit_name.as_deref().map(String::from),
            });
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{check_rule, findings};

    #[test]
    fn an_amount_shared_over_a_population() {
        // £1.5bn / 3 million = £500.
        let f = check_rule(
            "per-capita-mismatch",
            "With 3 million residents and a budget of £1.5bn, the county spends £700 per head.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("500"), "{}", f[0].message);
        assert!(
            findings(
                "With 3 million residents and a budget of £1.5bn, the county spends £500 per head."
            )
            .is_empty()
        );
        // £1.8tn / 60 million = £30,000.
        assert_eq!(
            check_rule(
                "per-capita-mismatch",
                "The debt is £1.8tn, or £45,000 for each of the country's 60 million people."
            )
            .len(),
            1
        );
        assert!(
            findings("The debt is £1.8tn, or £30,000 for each of the country's 60 million people.")
                .is_empty()
        );
        // 3.6 million tonnes / 7.2 million people = 0.5 tonnes.
        assert_eq!(
            check_rule(
                "per-capita-mismatch",
                "The state's 7.2 million people threw away 3.6 million tonnes of food, or two tonnes each."
            )
            .len(),
            1
        );
    }

    #[test]
    fn an_amount_per_head_with_nothing_to_divide_is_left_alone() {
        assert!(findings("Tickets cost £40 per head, and 300 people came.").is_empty());
    }

    #[test]
    fn a_price_per_unit_of_a_quantity() {
        // £72m / 0.9 tonnes = £72m / 900 kg = £80,000 a kilo.
        let good = "Officers seized 0.9 tonnes of heroin worth £72m, or £80,000 a kilo.";
        assert!(findings(good).is_empty(), "{:?}", findings(good));
        let f = check_rule(
            "per-capita-mismatch",
            "Officers seized 0.9 tonnes of heroin worth £90m, or £80,000 a kilo.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "£90m over 0.9 tonnes is £100,000 a kilo, not £80,000 a kilo"
        );
        // A price of other land, not set off after the amount, divides nothing.
        assert!(
            findings(
                "The estate of 300 acres sold for £6m; farmland nearby fetches £9,000 an acre."
            )
            .is_empty()
        );
    }

    #[test]
    fn each_of_a_count_shares_an_amount() {
        // 12 x £1.5m = £18m.
        assert!(findings("Each of the 12 colleges will get £1.5m, a total of £18m.").is_empty());
        let f = check_rule(
            "per-capita-mismatch",
            "Each of the 12 colleges will get £1.5m, a total of £24m.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("£2.0m each"), "{}", f[0].message);
    }

    #[test]
    fn a_population_of() {
        // £9bn / 4.5 million = £2,000.
        assert!(
            findings(
                "With a population of 4.5 million and a budget of £9bn, that is £2,000 per person."
            )
            .is_empty()
        );
        assert_eq!(
            check_rule(
                "per-capita-mismatch",
                "With a population of 4.5 million and a budget of £9bn, that is £1,500 per person."
            )
            .len(),
            1
        );
    }

    #[test]
    fn an_amount_per_item_set_off_after_the_total_or_per_member() {
        // £27,000 / 600 = £45 each.
        assert!(findings("The 600 tickets sold raised £27,000, or £45 each.").is_empty());
        assert_eq!(
            check_rule(
                "per-capita-mismatch",
                "The 600 tickets sold raised £27,000, or £54 each."
            )
            .len(),
            1
        );
        // £360m / 200,000 = £1,800 a patient.
        assert!(
            findings("The trust's £360m budget works out at £1,800 per patient for the 200,000 people it serves.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "per-capita-mismatch",
                "The trust's £360m budget works out at £2,800 per patient for the 200,000 people it serves."
            )
            .len(),
            1
        );
        // 18.6 billion dlrs / 31 mln = 600 dlrs.
        assert_eq!(
            check_rule(
                "per-capita-mismatch",
                "The debt stands at 18.6 billion dlrs, equal to 500 dlrs for each of its 31 mln people."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_rate_per_a_round_number_of_people() {
        // 2,150 over 860,000 residents is 250 per 100,000.
        let good = "The county logged 2,150 burglaries among its 860,000 residents, a rate of 250 per 100,000.";
        assert!(findings(good).is_empty(), "{:?}", findings(good));
        let f = check_rule(
            "per-capita-mismatch",
            "The county logged 2,150 burglaries among its 860,000 residents, a rate of 350 per 100,000.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "2,150 over 860,000 is 250 per 100,000, not 350"
        );
        // 96 deaths over 24,000 births is 4 per 1,000 births.
        assert!(
            findings("The region recorded 96 infant deaths in 24,000 live births, or 4.0 per 1,000 births.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "per-capita-mismatch",
                "The region recorded 96 infant deaths in 24,000 live births, or 6.0 per 1,000 births."
            )
            .len(),
            1
        );
        // Nothing to divide: no population, or two counted things.
        assert!(findings("The murder rate fell to 5.1 per 100,000 in 2023 from 6.3.").is_empty());
        assert!(
            findings("Its 500,000 residents reported 3,000 burglaries and 1,200 robberies, 840 per 100,000.")
                .is_empty()
        );
    }

    #[test]
    fn a_rate_over_a_place_of_a_population() {
        // 1,300 over 2.6 million is 50 per 100,000.
        assert!(
            findings("A rate of 50 per 100,000 means some 1,300 cases in a state of 2.6 million.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "per-capita-mismatch",
                "A rate of 80 per 100,000 means some 1,300 cases in a state of 2.6 million."
            )
            .len(),
            1
        );
    }

    #[test]
    fn an_adjective_is_not_the_time_an_amount_took() {
        // "a 37-hour week" says what kind of week; £24,000 a year is not shared over 37 hours.
        assert!(
            findings("A salary of £24,000 for a 37-hour week works out at £12.47 an hour.")
                .is_empty()
        );
    }

    #[test]
    fn a_population_named_after_the_amount_or_shared_out() {
        let one = |s: &str| check_rule("per-capita-mismatch", s).len();
        // £30m over 120 homes is £250,000 each; any counted things may be named so.
        assert!(
            findings("The £30m repair scheme works out at £250,000 for each of the 120 homes.")
                .is_empty()
        );
        assert_eq!(
            one("The £30m repair scheme works out at £150,000 for each of the 120 homes."),
            1
        );
        // £5.4bn over 6 million people is £900 a head.
        assert!(findings("The £5.4bn plan comes to roughly £900 for every one of the region's 6 million people.").is_empty());
        assert_eq!(
            one(
                "The £5.4bn plan comes to roughly £600 per head of the region's 6 million population."
            ),
            1
        );
        // £90,000 shared among 3,000 families is £30 each; £240 split four ways is £60.
        assert!(
            findings("The £90,000 fund was shared among 3,000 families, about £30 each.")
                .is_empty()
        );
        assert_eq!(
            one("The £90,000 fund was shared among 3,000 families, about £45 each."),
            1
        );
        assert!(findings("Split four ways, the £240 cottage bill comes to £60 each.").is_empty());
        assert_eq!(
            one("Split four ways, the £240 cottage bill comes to £80 each."),
            1
        );
    }

    #[test]
    fn one_for_every() {
        // 1.2 million over 4,000 is 300; 38,400 over 1,600 is 24.
        assert!(findings("With 4,000 nurses for 1.2 million residents, there is one nurse for every 300 people.").is_empty());
        assert_eq!(
            check_rule(
                "per-capita-mismatch",
                "With 4,000 nurses for 1.2 million residents, there is one nurse for every 200 people."
            )
            .len(),
            1
        );
        assert!(
            findings("The college has 1,600 teachers for its 38,400 pupils, one for every 24.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "per-capita-mismatch",
                "The college has 1,600 teachers for its 38,400 pupils, one for every 16."
            )
            .len(),
            1
        );
    }
}
