//! `total-mismatch`: a stated total against its listed parts; parts that exceed their whole;
//! percentage breakdowns of one whole that add up past 100.

use super::{derived, input, input_with, text, value_with};
use crate::checks::{Check, Context, RuleInfo};
use crate::claims::Claim;
use crate::declare_rule;
use crate::diagnostic::{Expected, Finding, Passed, Severity};
use crate::interval::Interval;

declare_rule! {
    /// ## What it does
    /// Adds up listed parts and compares them with their stated total ("a total of 12: 5
    /// missiles, 3 launchers and 4 shells"); reports parts that exceed an explicit whole ("of
    /// the 10, 6 ... and 5 ..."); and checks percentage breakdowns of one whole.
    ///
    /// ## How it decides
    /// Sums use interval arithmetic. Percentages of one whole may exceed 100 by 0.5 per rounded
    /// item; beyond that it is a warning when the wording makes the parts exclusive ("the
    /// rest", "the remaining"), and only a note otherwise, since survey answers can overlap.
    ///
    /// ## Example
    /// ```text
    /// The convoy carried a total of 12 weapons: 5 missiles, 3 launchers and 6 shells.
    /// ```
    /// 5 + 3 + 6 = 14, not 12.
    ///
    /// ## Options
    /// The total and rest words are in `rules/comparisons.toml` (`[total]`).
    pub struct TotalMismatch {
        id: "total-mismatch",
        family: "comparison",
        severity: Error,
        enabled: true,
        summary: "Listed parts do not add up to their stated total",
    }
}

impl Check for TotalMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, passed: &mut Vec<Passed>) {
        let qs = &ctx.facts.quantities;
        for claim in ctx.claims {
            let Claim::Total(c) = claim else { continue };
            // "2.8 mln tonnes, of which wheat 1.9 mln and maize 0.9 mln": parts written without
            // the unit take the total's.
            let whole = c.total.map(|ti| &qs[ti]);
            let sum = c.parts.iter().fold(Interval::point(0.0), |acc, &i| {
                let iv = match whole {
                    Some(t) => input_with(ctx, &qs[i], 1.0, t),
                    None => input(ctx, &qs[i], 1.0),
                };
                Interval::new(acc.lo + iv.lo, acc.hi + iv.hi)
            });
            let exact: f64 = match whole {
                Some(t) => {
                    let sum: f64 = c
                        .parts
                        .iter()
                        .map(|&i| value_with(ctx, &qs[i], 1.0, t))
                        .sum();
                    sum / super::base_factor(ctx, t)
                }
                None => c.parts.iter().map(|&i| qs[i].stated()).sum(),
            };
            let listed = c
                .parts
                .iter()
                .map(|&i| text(ctx, &qs[i]))
                .collect::<Vec<_>>()
                .join(" + ");
            if c.percent {
                let slack = 0.5 * c.parts.len() as f64;
                if exact <= 100.0 + slack {
                    continue;
                }
                let severity = if c.exclusive {
                    Severity::Warning
                } else {
                    Severity::Info
                };
                let mut f = Finding::new(
                    Self::INFO.id,
                    severity,
                    c.span,
                    format!(
                        "{listed} = {}%, more than 100%",
                        crate::checks::style::exact_text(exact, 1)
                    ),
                );
                if !c.exclusive {
                    f.notes.push("fine if the groups overlap (several answers allowed); otherwise one share is wrong".into());
                }
                out.push(f);
                continue;
            }
            let Some(ti) = c.total else { continue };
            let t = &qs[ti];
            let total = derived(ctx, t, exact * super::base_factor(ctx, t));
            let shown = if t.scale > 1.0 {
                crate::checks::style::written_like(ctx, t, exact)
            } else {
                crate::checks::style::exact_text(exact, 0)
            };
            let holds = if c.whole_of {
                sum.lo <= total.hi
            } else {
                sum.intersects(&total)
            };
            if holds {
                if ctx.want_passed {
                    passed.push(Passed {
                        kind: "total",
                        span: c.span,
                        claim: ctx.para.text[c.span.start..c.span.end].to_string(),
                        arithmetic: format!("{listed} = {shown}"),
                        verdict: format!(
                            "{} {}",
                            if c.whole_of { "within" } else { "matches" },
                            text(ctx, t)
                        ),
                    });
                }
                continue;
            }
            let message = if c.whole_of {
                format!(
                    "the parts {listed} = {shown} exceed the whole, {}",
                    text(ctx, t)
                )
            } else {
                format!("{listed} = {shown}, not {}", text(ctx, t))
            };
            let mut f = Finding::new(Self::INFO.id, Severity::Error, c.span, message);
            f.expected = Some(Expected {
                text: shown,
                value: exact,
                unit: t.unit_name.as_deref().map(String::from),
            });
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{check_rule, findings};

    #[test]
    fn listed_parts_against_total() {
        assert!(
            findings(
                "The convoy carried a total of 12 weapons: 5 missiles, 3 launchers and 4 shells."
            )
            .is_empty()
        );
        let f = check_rule(
            "total-mismatch",
            "The convoy carried a total of 12 weapons: 5 missiles, 3 launchers and 6 shells.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("14"), "{}", f[0].message);
    }

    #[test]
    fn breakdowns_past_100() {
        let f = check_rule(
            "total-mismatch",
            "Of those asked, 45% backed the plan, 40% opposed it and the rest, 25%, were unsure.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, crate::diagnostic::Severity::Warning);
        assert!(check_rule("total-mismatch", "Of those asked, 45% backed the plan, 35% opposed it and the rest, 20%, were unsure.").is_empty());
    }

    #[test]
    fn percentages_each_in_a_clause_of_their_own_are_no_breakdown() {
        // 90 + 6 + 4 = 100 would not matter: these are three different measures.
        let t = "Public debt is 91% of output, and the deficit is 6.2% of output, against a goal of 4%.";
        assert!(check_rule("total-mismatch", t).is_empty());
        // A list of answers still is: 61 + 33 + 12 = 106.
        assert_eq!(
            check_rule(
                "total-mismatch",
                "Asked about the bypass, 61% backed it, 33% opposed it and 12% had no view."
            )
            .len(),
            1
        );
    }

    #[test]
    fn lists_without_a_total_are_left_alone() {
        assert!(findings("In total, the tower has 61 lifts, 34 of them double-deckers, and 50 escalators serving 106 floors.").is_empty());
    }

    #[test]
    fn the_whole_then_its_parts_and_a_total_set_off_by_a_comma() {
        // 15 + 9 + 5 = 29.
        assert_eq!(
            check_rule(
                "total-mismatch",
                "The 27 victims were 15 women, 9 men and 5 children."
            )
            .len(),
            1
        );
        assert!(findings("The 29 victims were 15 women, 9 men and 5 children.").is_empty());
        // 800 + 450 = 1,250.
        assert_eq!(
            check_rule(
                "total-mismatch",
                "In all, 1,150 people were evacuated: 800 from Riverside and 450 from Hill End."
            )
            .len(),
            1
        );
        // Not a list of parts.
        assert!(findings("The 27 victims were aged between 15 and 40.").is_empty());
    }

    #[test]
    fn a_budget_and_its_lines_in_the_writers_style() {
        // 1.8 + 1.1 + 0.6 = 3.5.
        let f = check_rule(
            "total-mismatch",
            "The $3.2bn budget comprises $1.8bn for roads, $1.1bn for rail and $0.6bn for buses.",
        );
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("= $3.5bn, not $3.2bn"),
            "{}",
            f[0].message
        );
        assert!(
            findings(
                "The $3.5bn budget comprises $1.8bn for roads, $1.1bn for rail and $0.6bn for buses."
            )
            .is_empty()
        );
    }

    #[test]
    fn parts_a_whole_included_may_not_exceed_it() {
        // 140 + 95 = 235 > 220: wrong; 120 + 80 = 200 <= 220 need not fill the whole.
        assert_eq!(
            check_rule(
                "total-mismatch",
                "The 220 passengers included 140 adults and 95 children."
            )
            .len(),
            1
        );
        assert!(findings("The 220 passengers included 120 adults and 80 children.").is_empty());
    }

    #[test]
    fn parts_listed_before_their_total() {
        // 210 + 95 + 130 = 435.
        let f = check_rule(
            "total-mismatch",
            "The storm damaged 210 houses, 95 barns and 130 sheds - 455 buildings in all.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("435"), "{}", f[0].message);
        assert!(
            findings(
                "The storm damaged 210 houses, 95 barns and 130 sheds - 435 buildings in all."
            )
            .is_empty()
        );
        // £12m + £7m + £4m = £23m.
        assert_eq!(
            check_rule(
                "total-mismatch",
                "The trust gave £12m to schools, £7m to clinics and £4m to libraries, a total of £26m."
            )
            .len(),
            1
        );
        // 31m + 18m + 9m = 58 million: "m" before "passengers" is millions for the whole list.
        assert_eq!(
            check_rule(
                "total-mismatch",
                "The ports handled 31m, 18m and 9m passengers, a combined 68 million."
            )
            .len(),
            1
        );
        // 6 + 4 + 3 = 13.
        assert_eq!(
            check_rule(
                "total-mismatch",
                "The tries came from Moss (6), Reed (4) and Kerr (3) - 16 between them."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_figure_before_the_list_is_not_one_of_its_parts() {
        // 210 + 95 + 130 = 435 holds; the 40 staff are not buildings.
        assert!(
            findings(
                "The firm, with 40 staff, repaired 210 houses, 95 barns and 130 sheds - 435 in all."
            )
            .is_empty()
        );
        // A change, not a total: "to 75 from 60".
        assert!(
            findings("The crash left 14 dead and 61 hurt, bringing the total to 75 from 60.")
                .is_empty()
        );
    }

    #[test]
    fn what_a_counted_group_does_together_is_no_total() {
        // "two bridges together": 160,000 is what the two carry, not 2 = 160,000 + ...
        assert!(
            findings(
                "The two bridges together carry 160,000 vehicles a day, 95,000 on the old crossing and 65,000 on the new one."
            )
            .is_empty()
        );
        // A year after "by" takes no percent sign from the next figure: no 68% + 2030 + 78%.
        assert!(
            findings("The plan would cut emissions by 68% by 2030 and 78% by 2035.").is_empty()
        );
    }

    #[test]
    fn a_count_broken_down_after_a_colon_or_between_dashes() {
        // 12 + 9 + 7 = 28.
        assert_eq!(
            check_rule(
                "total-mismatch",
                "Police arrested 31 people: 12 on Friday, 9 on Saturday and 7 on Sunday."
            )
            .len(),
            1
        );
        assert!(
            findings("Police arrested 28 people: 12 on Friday, 9 on Saturday and 7 on Sunday.")
                .is_empty()
        );
        // 6 + 9 + 4 = 19.
        assert_eq!(
            check_rule(
                "total-mismatch",
                "The squad won 21 medals - 6 gold, 9 silver and 4 bronze - in Rome."
            )
            .len(),
            1
        );
        // "three ways" counts the answers; it does not total them.
        assert!(
            findings("The 250 members split three ways: 122 yes, 96 no and 32 undecided.")
                .is_empty()
        );
    }

    #[test]
    fn parts_that_may_not_exceed_a_whole_described_or_named_first() {
        // £1.6m + £0.7m = £2.3m is more than the £2.1m raised.
        let f = check_rule(
            "total-mismatch",
            "Of the £2.1m raised, £1.6m came from donors and £0.7m from the council.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            findings("Of the £2.5m raised, £1.6m came from donors and £0.7m from the council.")
                .is_empty()
        );
        // 1,900 + 1,200 + 500 = 3,600: more than 3,500, less than 3,800 (the rest elsewhere).
        assert_eq!(
            check_rule(
                "total-mismatch",
                "The bank's staff of 3,500 includes 1,900 in Spain, 1,200 in Portugal and 500 in France."
            )
            .len(),
            1
        );
        assert!(
            findings("The bank's staff of 3,800 includes 1,900 in Spain, 1,200 in Portugal and 500 in France.")
                .is_empty()
        );
    }

    #[test]
    fn parts_written_without_the_totals_unit() {
        // 2.1 + 1.4 = 3.5 mln tonnes.
        assert!(
            findings("Grain exports totalled 3.5 mln tonnes, of which wheat accounted for 2.1 mln and maize 1.4 mln.")
                .is_empty()
        );
        let f = check_rule(
            "total-mismatch",
            "Grain exports totalled 3.5 mln tonnes, of which wheat accounted for 2.1 mln and maize 1.9 mln.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("4.0 mln"), "{}", f[0].message);
    }

    #[test]
    fn a_place_phrase_between_the_whole_and_its_verb() {
        // 285 + 37 = 322.
        assert!(findings("The 322 people on board were 285 passengers and 37 crew.").is_empty());
        assert_eq!(
            check_rule(
                "total-mismatch",
                "The 322 people on board were 285 passengers and 47 crew."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_list_ends_at_its_and() {
        // 24 + 6 + 4 = 34 games; the 78 points after the list are no part of them.
        assert!(
            findings(
                "Of the 34 games played, Rovers won 24, drew 6 and lost 4, collecting 78 points."
            )
            .is_empty()
        );
        assert_eq!(
            check_rule(
                "total-mismatch",
                "Of the 34 games played, Rovers won 24, drew 7 and lost 4, collecting 78 points."
            )
            .len(),
            1
        );
    }

    #[test]
    fn parts_after_of_which() {
        // 12.1 + 6.4 + 3.5 = 22.0 billion: the rest named, the parts must fill the whole.
        assert!(
            findings("Group sales were 22.0 billion francs, of which Europe accounted for 12.1 billion, Asia 6.4 billion and other regions 3.5 billion.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "total-mismatch",
                "Group sales were 23.0 billion francs, of which Europe accounted for 12.1 billion, Asia 6.4 billion and other regions 3.5 billion."
            )
            .len(),
            1
        );
        // Without the rest, the parts need only fit inside the whole.
        assert!(
            findings("Group sales were 23.0 billion francs, of which Europe accounted for 12.1 billion and Asia 6.4 billion.")
                .is_empty()
        );
    }

    #[test]
    fn parts_after_a_comma_and_including() {
        // 22 + 9 = 31 is more than 29.
        assert_eq!(
            check_rule(
                "total-mismatch",
                "The toll rose to 29, including 22 in the capital and 9 in the north."
            )
            .len(),
            1
        );
        assert!(
            findings("The toll rose to 29, including 22 in the capital and 5 in the north.")
                .is_empty()
        );
    }

    #[test]
    fn a_whole_then_a_verb_whose_parts_fill_it() {
        // 3,100 + 1,450 + 950 = 5,500.
        assert!(findings("The trust's 5,500 nurses are made up of 3,100 in hospitals, 1,450 in the community and 950 in mental health.").is_empty());
        let f = check_rule(
            "total-mismatch",
            "The trust's 6,200 nurses are made up of 3,100 in hospitals, 1,450 in the community and 950 in mental health.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].message, "3,100 + 1,450 + 950 = 5,500, not 6,200");
        // Parts after a noun in brackets: £3.4m + £2.2m + £0.9m = £6.5m.
        assert_eq!(
            check_rule(
                "total-mismatch",
                "The £7.5m parks budget is split between grounds (£3.4m), play areas (£2.2m) and trees (£0.9m)."
            )
            .len(),
            1
        );
        assert!(findings("Turnover of €9.6bn comprised €5.1bn from retail, €3.2bn from wholesale and €1.3bn from online sales.").is_empty());
        assert_eq!(
            check_rule(
                "total-mismatch",
                "Turnover of €8.6bn comprised €5.1bn from retail, €3.2bn from wholesale and €1.3bn from online sales."
            )
            .len(),
            1
        );
    }

    fn total_holds_and_fails(good: &str, bad: &str) {
        crate::checks::testing::holds_and_fails_rule("total-mismatch", good, bad);
    }

    #[test]
    fn verbs_that_fill_a_whole_from_its_sources() {
        // 310 + 145 + 65 = 520; 310 + 145 + 95 = 550.
        total_holds_and_fails(
            "The charity's £520,000 income came from legacies (£310,000), events (£145,000) and grants (£65,000).",
            "The charity's £520,000 income came from legacies (£310,000), events (£145,000) and grants (£95,000).",
        );
        // A hedged whole with a verb that fills it: about 600 is 540..660; 250 + 180 + 120 =
        // 550 holds, 250 + 180 + 320 = 750 does not.
        total_holds_and_fails(
            "The trip's budget of about £600 broke down as £250 for rooms, £180 for food and £120 for trains.",
            "The trip's budget of about £600 broke down as £250 for rooms, £180 for food and £320 for trains.",
        );
    }

    #[test]
    fn counted_parts_may_name_different_things() {
        // 5 + 4 + 3 = 12, not eleven; the whole's words may come before its verb.
        total_holds_and_fails(
            "The committee's twelve members comprise five councillors, four residents and three traders.",
            "The committee's eleven members comprise five councillors, four residents and three traders.",
        );
        total_holds_and_fails(
            "The 900 people evacuated from the valley comprised 520 adults, 310 children and 70 patients.",
            "The 900 people evacuated from the valley comprised 620 adults, 310 children and 70 patients.",
        );
        // "and one Japanese astronaut" is a part not read as a figure: the sum would be short.
        assert!(
            findings("The crew of seven comprised four Americans, two Russians and one Japanese astronaut.")
                .is_empty()
        );
    }

    #[test]
    fn parts_that_may_not_exceed_a_whole_they_are_within() {
        // "covers" and "included" need not fill the whole: 12 + 5 = 17 within 20 holds;
        // 12 + 5 + 6 = 23 exceeds it.
        total_holds_and_fails(
            "The town's £20m transport plan covers new buses (£12m) and cycle lanes (£5m).",
            "The town's £20m transport plan covers new buses (£12m), cycle lanes (£5m) and paving (£6m).",
        );
        total_holds_and_fails(
            "The estate's 40 homes include eleven flats and nine bungalows.",
            "The estate's 40 homes include 21 flats and 29 bungalows.",
        );
    }
}
