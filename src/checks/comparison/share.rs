//! `share-mismatch`: a part, its whole and the share stated for it do not agree.

use super::{derived, input, input_with, miss, percent_text, text};
use crate::checks::{Check, Context, RuleInfo};
use crate::claims::{Claim, ShareStated};
use crate::declare_rule;
use crate::diagnostic::{Expected, Finding, Passed, Severity};
use crate::interval::Interval;

declare_rule! {
    /// ## What it does
    /// Checks a share stated with its part and whole: "30 of 120 people, or 25%", "one in four
    /// (25%)", "three-quarters (75%) of the 200 seats", "a fifth of the 50 missiles, 10".
    ///
    /// ## Why
    /// Shares are recomputed by readers in a second. A mismatch between the count and the
    /// percentage means one of them is wrong.
    ///
    /// ## Example
    /// ```text
    /// Of the 120 people asked, 30 of 120 people, or 30%, said yes.
    /// ```
    /// 30 of 120 is 25%.
    ///
    /// ## Options
    /// None.
    pub struct ShareMismatch {
        id: "share-mismatch",
        family: "comparison",
        severity: Error,
        enabled: true,
        summary: "A stated share does not match its part and whole",
    }
}

impl Check for ShareMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, passed: &mut Vec<Passed>) {
        let qs = &ctx.facts.quantities;
        for claim in ctx.claims {
            let Claim::Share(c) = claim else { continue };
            // The share the figures give, as a fraction interval, and what was stated.
            let (computed, exact, basis, stated_iv, stated_text) =
                match (c.part, c.fraction, c.whole, c.stated) {
                    (Some(part), None, Some(whole), ShareStated::Percent(pi)) => {
                        let (pv, wv) = (
                            input_with(ctx, &qs[part], 1.0, &qs[whole]),
                            input_with(ctx, &qs[whole], 1.0, &qs[part]),
                        );
                        let Some(r) = pv.div(&wv) else { continue };
                        let exact = qs[part].stated() / qs[whole].stated();
                        let p = &qs[pi];
                        (
                            r.map(|x| x * 100.0),
                            exact * 100.0,
                            format!("{} of {}", text(ctx, &qs[part]), text(ctx, &qs[whole])),
                            derived(ctx, p, exact * 100.0),
                            text(ctx, p).to_string(),
                        )
                    }
                    (None, Some(fi), None, ShareStated::Percent(pi)) => {
                        let f = &ctx.facts.fractions[fi];
                        let p = &qs[pi];
                        (
                            fraction_interval(ctx, f).map(|x| x * 100.0),
                            f.value * 100.0,
                            f.text.clone(),
                            derived(ctx, p, f.value * 100.0),
                            text(ctx, p).to_string(),
                        )
                    }
                    (Some(part), Some(fi), Some(whole), ShareStated::Count(_)) => {
                        let f = &ctx.facts.fractions[fi];
                        // A bare part takes the whole's unit ("9 of the 60 days, or about a
                        // sixth"): the whole is read in its own unit, not its family's base.
                        let own = if qs[part].unit.is_none() {
                            super::base_factor(ctx, &qs[whole])
                        } else {
                            1.0
                        };
                        let w = input(ctx, &qs[whole], 1.0).map(|x| x / own);
                        let exact = f.value * qs[whole].stated();
                        let share = fraction_interval(ctx, f);
                        (
                            Interval::new(w.lo * share.lo, w.hi * share.hi),
                            exact,
                            format!("{} of {}", f.text, text(ctx, &qs[whole])),
                            derived(ctx, &qs[part], exact),
                            text(ctx, &qs[part]).to_string(),
                        )
                    }
                    (Some(part), None, Some(whole), ShareStated::Count(_)) => {
                        let _ = (part, whole);
                        continue;
                    }
                    _ => continue,
                };
            let is_percent = matches!(c.stated, ShareStated::Percent(_));
            let shown = if is_percent {
                percent_text(exact, 1).trim_start_matches('+').to_string()
            } else {
                match c.part {
                    Some(part) if qs[part].scale > 1.0 => {
                        crate::checks::style::written_like(ctx, &qs[part], exact)
                    }
                    _ => crate::checks::style::exact_text(exact, 0),
                }
            };
            if stated_iv.intersects(&computed) {
                if ctx.want_passed {
                    passed.push(Passed {
                        kind: "share",
                        span: c.span,
                        claim: ctx.para.text[c.span.start..c.span.end].to_string(),
                        arithmetic: format!("{basis} is {shown}"),
                        verdict: format!("within the stated {stated_text}"),
                    });
                }
                continue;
            }
            let severity = Severity::from_miss(miss(&stated_iv, &computed));
            let mut f = Finding::new(
                Self::INFO.id,
                severity,
                c.span,
                format!("{basis} is {shown}, not {stated_text}"),
            );
            f.expected = Some(Expected {
                text: shown.clone(),
                value: exact,
                unit: if is_percent {
                    Some("percent".into())
                } else {
                    None
                },
            });
            out.push(f);
        }
    }
}

/// The share a fraction word stands for, bounded by its hedge: "nearly half" is just under
/// 0.5, "about a third" 0.3 to 0.37.
fn fraction_interval(ctx: &Context, f: &crate::extract::FractionMention) -> Interval {
    let hedge = crate::extract::hedge::hedge_before(ctx.para, f.first_tok).map(|h| h.0);
    crate::interval::stated_interval(f.value, 0.0, hedge, &ctx.para.vocab.hedges.widths)
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{check_rule, findings};

    #[test]
    fn part_whole_and_percentage() {
        assert!(findings("In the poll, 30 of 120 people, or 25%, said yes.").is_empty());
        let f = check_rule(
            "share-mismatch",
            "In the poll, 30 of 120 people, or 30%, said yes.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("25%"), "{}", f[0].message);
    }

    #[test]
    fn fractions() {
        assert!(findings("One in four (25%) said so.").is_empty());
        assert_eq!(
            check_rule("share-mismatch", "One in four (40%) said so.").len(),
            1
        );
        assert!(findings("A fifth of the 50 missiles, 10, failed.").is_empty());
        assert_eq!(
            check_rule("share-mismatch", "A fifth of the 50 missiles, 15, failed.").len(),
            1
        );
    }

    #[test]
    fn a_hedged_fraction_bounds_the_share() {
        // 322 of 680 is 47%: "nearly half" holds, a bare "half" (340) does not.
        assert!(findings("Nearly half of the 680 schools, 322, were shut.").is_empty());
        assert_eq!(
            check_rule("share-mismatch", "Half of the 680 schools, 322, were shut.").len(),
            1
        );
        // 250 of 680 is 37%: too far below half to be "nearly" half.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Nearly half of the 680 schools, 250, were shut."
            )
            .len(),
            1
        );
        // "more than half" needs over 340.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "More than half of the 680 schools, 322, were shut."
            )
            .len(),
            1
        );
        // 790 of 2,400 is 32.9%: about a third.
        assert!(findings("About a third of the 2,400 people asked, 790, agreed.").is_empty());
    }

    #[test]
    fn a_fraction_set_off_after_the_part() {
        // Three-quarters of 2,400 is 1,800.
        assert!(findings("Of the 2,400 members, 1,800, or three-quarters, backed it.").is_empty());
        let f = check_rule(
            "share-mismatch",
            "Of the 2,400 members, 1,200, or three-quarters, backed it.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "three-quarters of 2,400 is 1,800, not 1,200");
        // A third of 900 is 300; "of the total" names the same whole.
        assert!(findings("Some 300 of the 900 staff, a third of the total, left.").is_empty());
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Some 200 of the 900 staff, a third of the total, left."
            )
            .len(),
            1
        );
        // A fraction with a whole of its own is read against that whole (a third of 600 is
        // 200), not against the 900.
        assert!(findings("Of the 900 staff, 200, a third of the 600 in sales, left.").is_empty());
    }

    #[test]
    fn of_opening_the_sentence_with_words_describing_the_whole() {
        // 12 / 120 = 10%.
        assert!(
            findings("Of 120 patients given the drug, 12, or 10%, had side effects.").is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Of 120 patients given the drug, 12, or 15%, had side effects."
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_whole_first_then_the_part_and_its_share() {
        // 30 / 120 = 25%.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Of the 120 people asked, 30, or 35%, said yes."
            )
            .len(),
            1
        );
        assert!(findings("Of the 120 people asked, 30, or 25%, said yes.").is_empty());
        // 437 / 1,900 = 23%.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Of the 1,900 flights planned, 437 were cancelled, 32% of the total."
            )
            .len(),
            1
        );
        assert!(
            findings("Of the 1,900 flights planned, 437 were cancelled, 23% of the total.")
                .is_empty()
        );
        // The thing counted between a fraction and its percentage.
        assert_eq!(
            check_rule("share-mismatch", "One in three adults (25%) said so.").len(),
            1
        );
        assert!(findings("One in three adults (33%) said so.").is_empty());
    }

    #[test]
    fn the_part_before_its_share() {
        // 4.2 / 12.6 is a third; a quarter would be 3.15.
        let f = check_rule(
            "share-mismatch",
            "Exports to China were worth £4.2bn, a quarter of the £12.6bn total.",
        );
        assert_eq!(f.len(), 1);
        assert!(
            f[0].message.contains("£3.1bn, not £4.2bn"),
            "{}",
            f[0].message
        );
        assert!(
            findings("Exports to China were worth £4.2bn, a third of the £12.6bn total.")
                .is_empty()
        );
        // 450 of 3,000 is 15%.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "The firm cut 450 jobs, or 25% of its 3,000-strong workforce."
            )
            .len(),
            1
        );
        assert!(
            findings("The firm cut 450 jobs, or 15% of its 3,000-strong workforce.").is_empty()
        );
    }

    #[test]
    fn a_hedged_share_of_a_possessive_whole() {
        // 67 million of 8 billion is 0.84%.
        assert!(
            findings("The population is 67 million, about 0.8% of the world's 8 billion people.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "The population is 67 million, about 2% of the world's 8 billion people."
            )
            .len(),
            1
        );
    }

    #[test]
    fn jobs_out_of_staff_and_seats_in_a_place() {
        // 1,400 of 16,000 is 8.75%.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "The airline plans to cut 1,400 jobs, or 14% of its 16,000 staff."
            )
            .len(),
            1
        );
        assert!(
            findings("The airline plans to cut 1,400 jobs, or 9% of its 16,000 staff.").is_empty()
        );
        // 18 of 75 is 24%.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "The Greens won 18 of the 75 seats on the council, or 31 percent."
            )
            .len(),
            1
        );
        assert!(
            findings("The Greens won 18 of the 75 seats on the council, or 24 percent.").is_empty()
        );
    }

    #[test]
    fn a_part_that_accounts_for_a_share_and_a_whole_with_a_place() {
        // 12.4 of 62 is 20%.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Sales in Japan, at $12.4bn, accounted for 30% of the $62bn total."
            )
            .len(),
            1
        );
        assert!(
            findings("Sales in Japan, at $12.4bn, accounted for 20% of the $62bn total.")
                .is_empty()
        );
        // Half of 480 is 240.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Half of the 480 flats in the tower, 310, were empty."
            )
            .len(),
            1
        );
        assert!(findings("Half of the 480 flats in the tower, 240, were empty.").is_empty());
    }

    #[test]
    fn a_whole_named_before_its_figure() {
        // 1,500 of 30,000 is 5%; 38 of 52 is 73%.
        assert!(
            findings("The carmaker will cut 1,500 jobs, or 5% of its workforce of 30,000.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "The carmaker will cut 1,500 jobs, or 8% of its workforce of 30,000."
            )
            .len(),
            1
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Rainfall in May was 38mm, 83% of the long-term average of 52mm."
            )
            .len(),
            1
        );
        assert!(
            findings("Rainfall in May was 38mm, 73% of the long-term average of 52mm.").is_empty()
        );
    }

    #[test]
    fn shares_set_off_by_dashes_hedged_or_named_a_share() {
        // 390 of 1,500 is 26%.
        for wrong in [
            "Of the 1,500 people polled, 390 - about 32% - said they would move.",
            "Of the 1,500 flights planned, 390 were scrapped - more than 30 per cent.",
            "The carrier flew 390 of the region's 1,500 flights, a 32% share.",
            "Only 32% of the county's 1,500 nurses - 390 - are men.",
        ] {
            assert_eq!(check_rule("share-mismatch", wrong).len(), 1, "{wrong}");
        }
        for right in [
            "Of the 1,500 people polled, 390 - about 26% - said they would move.",
            "The carrier flew 390 of the region's 1,500 flights, a 26% share.",
            "Only 26% of the county's 1,500 nurses - 390 - are men.",
        ] {
            assert!(findings(right).is_empty(), "{right}");
        }
        // 96 of 400 is 24%, not roughly a third; 130 of 400 (32.5%) is.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Women hold 96 of the 400 seats, roughly a third."
            )
            .len(),
            1
        );
        assert!(findings("Women hold 130 of the 400 seats, roughly a third.").is_empty());
    }

    #[test]
    fn a_possessive_whole_and_what_it_is_made_of() {
        // 87 / 240 = 36.25%.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Wind supplied 87 TWh of the nation's 240 TWh of power, or 42%."
            )
            .len(),
            1
        );
        assert!(
            findings("Wind supplied 87 TWh of the nation's 240 TWh of power, or 36%.").is_empty()
        );
        // Three-quarters of 1,200 is 900, and the part may name people rather than voters.
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Three-quarters of the 1,200 voters - 800 people - backed the plan."
            )
            .len(),
            1
        );
        assert!(
            findings("Three-quarters of the 1,200 voters - 900 people - backed the plan.")
                .is_empty()
        );
    }

    #[test]
    fn a_whole_described_by_a_participle_and_a_part_described_at_length() {
        // 30 of 50 is 60%.
        let good = "Of the 50 samples tested, 30 were found to contain lead, or 60 pct.";
        assert!(findings(good).is_empty(), "{:?}", findings(good));
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Of the 50 samples tested, 30 were found to contain lead, or 65 pct."
            )
            .len(),
            1
        );
        // 25% of 3,600 is 900; three-fifths of 3,600 is 2,160.
        assert!(
            findings("Some 25% of the 3,600 tenants polled - 900 - had no heating.").is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Some 25% of the 3,600 tenants polled - 1,300 - had no heating."
            )
            .len(),
            1
        );
        assert!(
            findings("Three-fifths of the 3,600 tenants polled - 2,160 - paid late.").is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Three-fifths of the 3,600 tenants polled - 2,460 - paid late."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_percentage_before_the_part_of_a_whole() {
        // 360 of 2,400 is 15%.
        assert!(
            findings("The mill will cut its staff by 15%, or 360 of its 2,400 jobs.").is_empty()
        );
        let f = check_rule(
            "share-mismatch",
            "The mill will cut its staff by 12%, or 360 of its 2,400 jobs.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("15%"), "{}", f[0].message);
    }

    #[test]
    fn a_rate_named_before_the_percentage_and_a_percentage_of_the_vote_with_its_counts() {
        // 21 of 28 is 75%.
        assert!(
            findings("The striker scored 21 of 28 penalties, a conversion rate of 75%.").is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "The striker scored 21 of 28 penalties, a conversion rate of 82%."
            )
            .len(),
            1
        );
        // 30,150 of 67,000 is 45%.
        assert!(
            findings("She won 45% of the vote, with 30,150 of the 67,000 ballots cast.").is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "She won 51% of the vote, with 30,150 of the 67,000 ballots cast."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_part_that_was_a_percentage_of_a_whole() {
        // 612,000 / 850,000 = 72%.
        assert!(
            findings("The vote of 612,000 was 72% of the 850,000 registered voters.").is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "The vote of 612,000 was 77% of the 850,000 registered voters."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_part_after_of_whom() {
        // 156 / 1,200 = 13%.
        assert!(
            findings("The study followed 1,200 adults, of whom 156, or 13%, fell ill.").is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "The study followed 1,200 adults, of whom 156, or 9%, fell ill."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_whole_described_by_a_relative_clause() {
        // 450 / 600 = 75%.
        assert!(
            findings("Of the 600 pupils who sat the test in June, 450, or 75 percent, passed.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Of the 600 pupils who sat the test in June, 450, or 80 percent, passed."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_share_set_off_at_the_end_of_its_clause() {
        // 14 of 56 is 25%: a quarter.
        assert!(
            findings("Only 14 of the 56 stations met the target last winter, or a quarter.")
                .is_empty()
        );
        let f = check_rule(
            "share-mismatch",
            "Only 14 of the 56 stations met the target last winter, or about a third.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Only 14 of the 56 stations met the target last winter, or 40%."
            )
            .len(),
            1
        );
        // A bare part takes the whole's unit: 12 of 48 days is a quarter.
        assert!(findings("It rained on 12 of the 48 days of the trip, or a quarter.").is_empty());
        // A percentage that goes on to compare is not the share.
        assert!(
            findings("Only 14 of the 56 stations met the target, or 40% more than last year.")
                .is_empty()
        );
    }

    #[test]
    fn a_whole_named_by_a_possessive_and_a_share_ending_the_sentence() {
        // 2,100 of 7,000 is 30%.
        assert!(
            findings("Of the trust's 7,000 nurses, 2,100 are on night shifts, about 30%.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Of the trust's 7,000 nurses, 2,100 are on night shifts, about 40%."
            )
            .len(),
            1
        );
        // 9 of 12 is three-quarters, 75%.
        assert!(
            findings("Nine of the region's 12 mines have closed since the strike, three-quarters.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Nine of the 12 mines have closed since the strike, 60% of the total."
            )
            .len(),
            1
        );
        // A percentage that compares is not the share.
        assert!(
            findings("Nine of the 12 mines have closed, 5% more than in the north.").is_empty()
        );
    }

    #[test]
    fn a_named_rate_then_the_counts_it_comes_from() {
        // 13,500 of 25,000 is 54%.
        assert!(
            findings(
                "Turnout in the ward was 54%, with 13,500 of its 25,000 voters casting a ballot."
            )
            .is_empty()
        );
        assert_eq!(
            check_rule(
                "share-mismatch",
                "Turnout in the ward was 64%, with 13,500 of its 25,000 voters casting a ballot."
            )
            .len(),
            1
        );
        // A change with a breakdown after it is not a share.
        assert!(findings("Sales rose 5%, with 30 of the 40 stores reporting gains.").is_empty());
    }

    fn share_holds_and_fails(good: &str, bad: &str) {
        crate::checks::testing::holds_and_fails_rule("share-mismatch", good, bad);
    }

    #[test]
    fn a_hedged_part_after_its_whole() {
        // 1,200 of 4,800 is a quarter, not "almost half" (at least 42.5%).
        share_holds_and_fails(
            "Of the 4,800 runners who started in the rain, nearly 1,200 - about a quarter - dropped out.",
            "Of the 4,800 runners who started in the rain, nearly 1,200 - almost half - dropped out.",
        );
        // Half of 900 is 450; "some 600" is 600 give or take 10%. "extra" is read past.
        share_holds_and_fails(
            "Half of the 900 extra beds, some 450, will open in the north.",
            "Half of the 900 extra beds, some 600, will open in the north.",
        );
        // A third of 3,600 is 1,200; a place name may follow the whole.
        share_holds_and_fails(
            "A third of the 3,600 pubs in Wales, about 1,200, have closed since 2000.",
            "A third of the 3,600 pubs in Wales, about 1,900, have closed since 2000.",
        );
    }

    #[test]
    fn a_part_set_off_by_dashes_may_name_its_things_differently() {
        // 8% of 2,500 is 200; 350 would be 14%.
        share_holds_and_fails(
            "Only 8% of the 2,500 bats counted - 200 animals - were juveniles.",
            "Only 8% of the 2,500 bats counted - 350 animals - were juveniles.",
        );
    }

    #[test]
    fn a_percentage_of_something_then_the_counts() {
        // 1,600 of 4,000 is 40%; 2,200 of 4,000 is 55%.
        share_holds_and_fails(
            "Women made up 40% of new recruits last year, 1,600 out of 4,000.",
            "Women made up 40% of new recruits last year, 2,200 out of 4,000.",
        );
        share_holds_and_fails(
            "Rent swallows 35% of a nurse's take-home pay - £700 out of £2,000 a month.",
            "Rent swallows 35% of a nurse's take-home pay - £900 out of £2,000 a month.",
        );
    }

    #[test]
    fn a_whole_named_then_its_figure_or_after_a_possessive_pronoun() {
        // A quarter of 36 million is 9 million; 13 million would be more than a third.
        share_holds_and_fails(
            "The law gave the vote to 9 million men, about a quarter of the country's population of 36 million.",
            "The law gave the vote to 13 million men, about a quarter of the country's population of 36 million.",
        );
        // 96 of 240 is 40%, not "nearly half" (42.5..50%).
        share_holds_and_fails(
            "Sixes made up 96 of her 240 runs, or two-fifths.",
            "Sixes made up 96 of her 240 runs, or nearly half.",
        );
    }
}
