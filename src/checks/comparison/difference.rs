//! `difference-mismatch`: "73, 53 more than the 20 before" where the difference is wrong.

use super::{derived, input_with, miss, text, value_with};
use crate::checks::{Check, Context, RuleInfo};
use crate::claims::Claim;
use crate::declare_rule;
use crate::diagnostic::{Expected, Finding, Passed, Severity};
use crate::interval::Interval;

declare_rule! {
    /// ## What it does
    /// Checks a stated difference between two figures: "73 railcars, 53 more than the 20
    /// before", "a gap of 5 km between 12 km and 17 km".
    ///
    /// ## Why
    /// A difference is a third figure derived from two others; when one of them is corrected
    /// the difference is often left behind.
    ///
    /// ## Example
    /// ```text
    /// Officials counted 73 railcars, 43 more than the 20 seen before.
    /// ```
    /// 73 - 20 = 53.
    ///
    /// ## Options
    /// None.
    pub struct DifferenceMismatch {
        id: "difference-mismatch",
        family: "comparison",
        severity: Error,
        enabled: true,
        summary: "A stated difference between two figures is wrong",
    }
}

impl Check for DifferenceMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, passed: &mut Vec<Passed>) {
        let qs = &ctx.facts.quantities;
        for claim in ctx.claims {
            let Claim::Difference(c) = claim else {
                continue;
            };
            let (a, b, d) = (&qs[c.a], &qs[c.b], &qs[c.difference]);
            // "between 12 km and 17 km" is one range quantity: its ends are the two figures.
            let (ai, bi, av, bv) = match (c.a == c.b, a.range) {
                (true, Some((lo, hi))) => {
                    let k = super::base_factor(ctx, a);
                    (
                        Interval::point(lo * k),
                        Interval::point(hi * k),
                        lo * k,
                        hi * k,
                    )
                }
                _ => (
                    input_with(ctx, a, 1.0, b),
                    input_with(ctx, b, 1.0, a),
                    value_with(ctx, a, 1.0, b),
                    value_with(ctx, b, 1.0, a),
                ),
            };
            let k = super::base_factor(ctx, d);
            let computed = if c.larger_is_b {
                Interval::new(bi.lo - ai.hi, bi.hi - ai.lo)
            } else {
                Interval::new(ai.lo - bi.hi, ai.hi - bi.lo)
            };
            let computed = computed.map(|x| x / k);
            let exact = if c.larger_is_b { bv - av } else { av - bv } / k;
            let basis = if c.a == c.b {
                format!("the gap within {}", text(ctx, a))
            } else {
                format!(
                    "{} - {}",
                    text(ctx, if c.larger_is_b { b } else { a }),
                    text(ctx, if c.larger_is_b { a } else { b })
                )
            };
            let stated_iv = derived(ctx, d, exact * k).map(|x| x / k);
            // "9 points, not six points": a count of points keeps its noun.
            let points = d
                .noun
                .as_ref()
                .filter(|n| n.lemma == "point" && d.unit.is_none());
            // ("half a point" has its noun inside the figure's text already.)
            let stated_text = match points {
                Some(noun) if noun.tok > d.last_tok => format!("{} {}", text(ctx, d), noun.text),
                _ => text(ctx, d).to_string(),
            };
            // "$13", "13C": a difference with a unit is shown the way the writer wrote it.
            let shown = if d.unit.is_some() && d.dimension != crate::units::Dimension::Count {
                crate::checks::style::written_like(ctx, d, exact)
            } else {
                let digits = crate::checks::style::exact_text(
                    exact,
                    crate::interval::decimals_for(d.precision.strict_step),
                );
                match points {
                    Some(_) if digits == "1" => format!("{digits} point"),
                    Some(_) => format!("{digits} points"),
                    None => digits,
                }
            };
            if stated_iv.intersects(&computed) {
                if ctx.want_passed {
                    passed.push(Passed {
                        kind: "difference",
                        span: c.span,
                        claim: ctx.para.text[c.span.start..c.span.end].to_string(),
                        arithmetic: format!("{basis} = {shown}"),
                        verdict: format!("matches {stated_text}"),
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
                text: shown,
                value: exact,
                unit: d.unit_name.as_deref().map(String::from),
            });
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{check_rule, findings};

    #[test]
    fn more_than_the_earlier_figure() {
        assert!(
            findings("Officials counted 73 railcars, 53 more than the 20 seen before.").is_empty()
        );
        let f = check_rule(
            "difference-mismatch",
            "Officials counted 73 railcars, 43 more than the 20 seen before.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("53"), "{}", f[0].message);
    }

    #[test]
    fn a_gap_between() {
        assert!(findings("There is a gap of 5 km between 12 km and 17 km.").is_empty());
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "There is a gap of 8 km between 12 km and 17 km."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_possessive_base() {
        // 18,432 - 16,314 = 2,118.
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The winner polled 18,432 votes, 2,318 more than her rival's 16,314."
            )
            .len(),
            1
        );
        assert!(
            findings("The winner polled 18,432 votes, 2,118 more than her rival's 16,314.")
                .is_empty()
        );
        // 1,204 is fewer than 1,300: "more" is wrong.
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "There were 1,204 cases, 96 more than last week's 1,300."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_change_named_with_its_amount_after_the_figures() {
        // $25 to $12 is a drop of $13; 25C to 12C a drop of 13C.
        assert!(findings("The price fell from $25 to $12, a drop of $13.").is_empty());
        let f = check_rule(
            "difference-mismatch",
            "The price fell from $25 to $12, a drop of $15.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "$25 - $12 is $13, not $15");
        assert!(findings("It fell from 25C to 12C overnight, a drop of 13C.").is_empty());
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "It fell from 25C to 12C, a drop of 15C."
            )
            .len(),
            1
        );
        // The level first: 1,450, up from 1,200, a rise of 250.
        assert!(findings("Sales reached 1,450, up from 1,200, a rise of 250.").is_empty());
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "Sales reached 1,450, up from 1,200, a rise of 350."
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_compared_figure_may_stand_a_few_words_back() {
        // 45 - 30 = 15.
        assert!(
            findings("They scored 45 goals this season, 15 more than last season's 30.").is_empty()
        );
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "They scored 45 goals this season, 12 more than last season's 30."
            )
            .len(),
            1
        );
    }

    #[test]
    fn points_between_two_percentages() {
        // 71% to 62% is 9 points.
        assert!(findings("Turnout fell from 71% to 62%, a fall of nine points.").is_empty());
        let f = check_rule(
            "difference-mismatch",
            "Turnout fell from 71% to 62%, a fall of six points.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "71% - 62% is 9 points, not six points");
        // The level first, the base after a few words.
        assert!(
            findings("Turnout was 62%, down from 71% at the last election, a fall of 9 points.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "Turnout was 62%, down from 71% at the last election, a fall of 6 points."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_change_by_an_amount_from_a_base() {
        // 131 - 97 = 34 in every wording.
        for right in [
            "The number of arrests rose to 131, up 34 from 97 a day earlier.",
            "Arrests rose 34 to 131 from 97.",
            "Arrests rose by 34 to 131 from 97.",
            "Arrests now stand at 131, an increase of 34 from 97.",
        ] {
            assert!(findings(right).is_empty(), "{right}: {:?}", findings(right));
            let wrong = right.replace("34", "43");
            let f = check_rule("difference-mismatch", &wrong);
            assert_eq!(f.len(), 1, "{wrong}: {f:?}");
            assert_eq!(f[0].message, "131 - 97 is 34, not 43", "{wrong}");
        }
        // A year after "from" is no base.
        assert!(findings("Arrests rose to 131, up 34 from 2019.").is_empty());
    }

    #[test]
    fn a_loss_after_two_joined_figures_and_the_base_before_the_level() {
        // 7,150 - 6,420 = 730.
        assert!(
            findings("The village shrank to 6,420 from 7,150, a loss of 730 people.").is_empty()
        );
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The village shrank to 6,420 from 7,150, a loss of 830 people."
            )
            .len(),
            1
        );
        // 310 - 260 = 50.
        assert!(findings("The herd grew by 50 from 260 to 310.").is_empty());
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The herd grew by 60 from 260 to 310."
            )
            .len(),
            1
        );
    }

    #[test]
    fn points_stated_before_the_two_percentages() {
        // 4.75% - 4.5% = 0.25 points.
        assert!(
            findings("The bank raised rates by 0.25 percentage points to 4.75% from 4.5%.")
                .is_empty()
        );
        let f = check_rule(
            "difference-mismatch",
            "The bank raised rates by 0.5 percentage points to 4.75% from 4.5%.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn a_majority_between_two_vote_counts() {
        // 312 - 270 = 42.
        assert!(findings("The bill passed by 312 votes to 270, a majority of 42.").is_empty());
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The bill passed by 312 votes to 270, a majority of 52."
            )
            .len(),
            1
        );
    }

    #[test]
    fn figures_set_off_by_a_comma_and_bare_points_between_percentages() {
        // 131 - 102 = 29.
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The number of applicants rose by 19, from 102 to 131."
            )
            .len(),
            1
        );
        assert!(findings("The number of applicants rose by 29, from 102 to 131.").is_empty());
        // 41% - 37% = 4 points; "points" between two percentages are percentage points.
        let f = check_rule(
            "difference-mismatch",
            "Backing for the mayor fell 7 points to 37%, from 41% in May.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            findings("Backing for the mayor fell 4 points to 37%, from 41% in May.").is_empty()
        );
    }

    #[test]
    fn a_verb_with_its_object_and_a_possessive_base() {
        // 3.60% - 3.35% = 0.25 points.
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The central bank raised its main rate by 0.5 percentage points, from 3.35% to 3.60%."
            )
            .len(),
            1
        );
        // 12,410 - 12,180 = 230.
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The index rose 320 points to 12,410 from Monday's 12,180."
            )
            .len(),
            1
        );
        assert!(findings("The index rose 230 points to 12,410 from Monday's 12,180.").is_empty());
    }

    #[test]
    fn a_margin_before_its_two_counts_and_years_beside_the_percentages() {
        // 40,300 - 33,900 = 6,400.
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "She held the seat by a margin of 9,400 votes, with 40,300 to 33,900."
            )
            .len(),
            1
        );
        assert!(
            findings("She held the seat by a margin of 6,400 votes, with 40,300 to 33,900.")
                .is_empty()
        );
        // 71% - 64% = 7 points.
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "Turnout rose 5 percentage points, from 64% in 2018 to 71% in 2022."
            )
            .len(),
            1
        );
        assert!(
            findings("Turnout rose 7 percentage points, from 64% in 2018 to 71% in 2022.")
                .is_empty()
        );
    }

    /// Asserts that `good` passes and `bad` gets one difference-mismatch naming `expected`.
    fn holds_and_fails(good: &str, bad: &str, expected: &str) {
        assert!(findings(good).is_empty(), "{good}: {:?}", findings(good));
        let f = check_rule("difference-mismatch", bad);
        assert_eq!(f.len(), 1, "{bad}: {f:?}");
        assert!(f[0].message.contains(expected), "{}", f[0].message);
    }

    #[test]
    fn basis_points_between_percentages() {
        // 5.25% - 4.5% = 0.75 points = 75 basis points.
        holds_and_fails(
            "The central bank raised its main rate by 75 basis points to 5.25% from 4.5%.",
            "The central bank raised its main rate by 50 basis points to 5.25% from 4.5%.",
            "75 basis points",
        );
    }

    #[test]
    fn the_direction_after_the_difference() {
        // 7,420 - 7,300 = 120 points.
        holds_and_fails(
            "The index ended 120 points higher at 7,420, up from 7,300.",
            "The index ended 220 points higher at 7,420, up from 7,300.",
            "120",
        );
        // 18,400 - 16,400 = 2,000.
        holds_and_fails(
            "The gate of 18,400 was 2,000 up on last year's 16,400.",
            "The gate of 18,400 was 3,000 up on last year's 16,400.",
            "2,000",
        );
        // 14.5 - 12.4 = 2.1 metres.
        holds_and_fails(
            "The reservoir stood at 12.4 metres, 2.1 metres below its normal level of 14.5 metres.",
            "The reservoir stood at 12.4 metres, 1.6 metres below its normal level of 14.5 metres.",
            "2.1 metres",
        );
    }

    #[test]
    fn the_base_in_a_clause_of_its_own() {
        // 33,000 - 31,000 = 2,000.
        holds_and_fails(
            "Turnout fell by 2,000 to 31,000, down from 33,000 in 2019.",
            "Turnout fell by 2,500 to 31,000, down from 33,000 in 2019.",
            "2,000",
        );
    }

    #[test]
    fn the_result_in_a_participle_clause() {
        // 2,400 - 2,100 = 300.
        holds_and_fails(
            "The firm cut 300 jobs, reducing its headcount from 2,400 to 2,100.",
            "The firm cut 500 jobs, reducing its headcount from 2,400 to 2,100.",
            "300",
        );
        // 160 - 120 = 40; 420 - 390 = 30.
        holds_and_fails(
            "The council hired 40 more wardens, bringing the total to 160 from 120.",
            "The council hired 60 more wardens, bringing the total to 160 from 120.",
            "40",
        );
        holds_and_fails(
            "The bank hired an extra 30 analysts, taking its research staff to 420 from 390.",
            "The bank hired an extra 50 analysts, taking its research staff to 420 from 390.",
            "30",
        );
        // No change word and nothing added: "has 300 staff" is not a change.
        assert!(
            findings("The firm has 300 staff, bringing its headcount from 2,400 to 2,100.")
                .is_empty()
        );
    }

    #[test]
    fn a_time_phrase_between_the_figures() {
        // 21.5 - 19.9 = 1.6 billion.
        holds_and_fails(
            "Deposits rose to 21.5 billion dlrs at end-June, up 1.6 billion dlrs from 19.9 billion at end-May.",
            "Deposits rose to 21.5 billion dlrs at end-June, up 2.1 billion dlrs from 19.9 billion at end-May.",
            "1.6 billion",
        );
        // 151.3p - 139.8p = 11.5p.
        holds_and_fails(
            "Diesel averaged 139.8p a litre, 11.5p lower than a month earlier at 151.3p.",
            "Diesel averaged 139.8p a litre, 15.1p lower than a month earlier at 151.3p.",
            "11.5p",
        );
        holds_and_fails(
            "Diesel averaged 139.8p a litre, 11.5p lower than a year ago, when it was 151.3p.",
            "Diesel averaged 139.8p a litre, 15.1p lower than a year ago, when it was 151.3p.",
            "11.5p",
        );
    }

    #[test]
    fn points_between_a_percentage_level_and_its_base() {
        // 58.1% - 55.9% = 2.2 points.
        holds_and_fails(
            "Turnout was 58.1%, up 2.2 points from 55.9%.",
            "Turnout was 58.1%, up 3.2 points from 55.9%.",
            "2.2 points",
        );
        // 41% - 36% = 5 points.
        holds_and_fails(
            "Backing for the plan was 36%, down five points on last month's 41%.",
            "Backing for the plan was 36%, down eight points on last month's 41%.",
            "5 points",
        );
        // 5.5 pct - 4.75 pct = 0.75 point.
        holds_and_fails(
            "The bank cut its lending rate 0.75 percentage point to 4.75 pct from 5.5 pct.",
            "The bank cut its lending rate 0.5 percentage point to 4.75 pct from 5.5 pct.",
            "0.75",
        );
    }

    #[test]
    fn a_month_between_the_level_and_the_base() {
        // 1.31 billion - 945 mln = 365 mln.
        holds_and_fails(
            "The deficit widened by 365 mln stg to 1.31 billion stg in June from 945 mln stg in May.",
            "The deficit widened by 395 mln stg to 1.31 billion stg in June from 945 mln stg in May.",
            "365 mln",
        );
    }

    #[test]
    fn on_the_base_and_a_bare_change_after_the_pair() {
        // 41,870 - 39,950 = 1,920.
        holds_and_fails(
            "Rovers drew a crowd of 41,870, up 1,920 on the 39,950 at the same game last year.",
            "Rovers drew a crowd of 41,870, up 2,920 on the 39,950 at the same game last year.",
            "1,920",
        );
        // 71.2% - 63.8% = 7.4 points.
        holds_and_fails(
            "Turnout fell to 63.8% from 71.2% in 2017, down 7.4 points.",
            "Turnout fell to 63.8% from 71.2% in 2017, down 4.7 points.",
            "7.4 points",
        );
    }

    #[test]
    fn ahead_of_or_behind_a_rival_and_a_margin_after_what_the_first_is_of() {
        // 41% - 33% = 8 points.
        holds_and_fails(
            "The survey puts Labour on 41%, eight points ahead of the Conservatives on 33%.",
            "The survey puts Labour on 41%, five points ahead of the Conservatives on 33%.",
            "8 points",
        );
        // 51.2% - 46.1% = 5.1 points.
        holds_and_fails(
            "The senator won 51.2% of the vote to her rival's 46.1%, a margin of 5.1 points.",
            "The senator won 51.2% of the vote to her rival's 46.1%, a margin of 7.1 points.",
            "5.1 points",
        );
    }

    #[test]
    fn a_base_named_by_what_it_is() {
        // $2.9 billion - $2.3 billion = $600 million.
        holds_and_fails(
            "The final bid was $2.9 billion, $600 million more than the first offer of $2.3 billion.",
            "The final bid was $2.9 billion, $900 million more than the first offer of $2.3 billion.",
            "$600 million",
        );
    }

    #[test]
    fn a_fraction_of_a_point() {
        // 4.75% - 4.5% = 0.25 points; 6.5% - 6% = half a percentage point.
        holds_and_fails(
            "The bank raised rates by a quarter of a point to 4.75% from 4.5%.",
            "The bank raised rates by half a point to 4.75% from 4.5%.",
            "0.25 points",
        );
        holds_and_fails(
            "The bank cut its key rate by half a percentage point to 6% from 6.5%.",
            "The bank cut its key rate by half a percentage point to 6% from 7%.",
            "one percentage point",
        );
    }

    #[test]
    fn comparatives_of_size_and_price_and_a_plural_possessive_base() {
        // 412 m - 388 m = 24 m.
        assert!(
            findings("The new bridge, at 412 m, is 24 m longer than the 388 m span it replaces.")
                .is_empty()
        );
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The west spire, at 412 m, is 34 m taller than the 388 m east spire."
            )
            .len(),
            1
        );
        // £79 - £64 = £15.
        assert!(
            findings("The basic model, at £64, is £15 cheaper than the £79 deluxe one.").is_empty()
        );
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The basic model, at £64, is £25 cheaper than the £79 deluxe one."
            )
            .len(),
            1
        );
        // 5.2 million - 4.1 million = 1.1 million.
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The Greens' 5.2 million votes were 2.1 million more than the Liberals' 4.1 million."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_margin_then_the_result_it_separates() {
        // 54.6% - 45.4% = 9.2 points.
        assert!(findings("The measure passed by nine points, 54.6% to 45.4%.").is_empty());
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The measure passed by 15 points, 54.6% to 45.4%."
            )
            .len(),
            1
        );
        // 2,210 - 2,187 = 23.
        assert!(findings("The council vote was carried by 23 votes, 2,210 to 2,187.").is_empty());
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "The council vote was carried by 32 votes, 2,210 to 2,187."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_gap_set_off_after_the_two_figures() {
        // 64% - 41% = 23 points.
        assert!(findings("Some 64% of graduates own a home, against 41% of non-graduates, a gap of 23 points.").is_empty());
        assert_eq!(
            check_rule(
                "difference-mismatch",
                "Some 64% of graduates own a home, against 41% of non-graduates, a gap of 33 points."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_subject_figure_then_a_comparative() {
        // 2,150 - 1,890 = 260 kg heavier; "short of": 412 - 365 = 47 miles.
        holds_and_fails(
            "At 2,150kg, the new van is 260kg heavier than the 1,890kg model it replaces.",
            "At 2,150kg, the new van is 160kg heavier than the 1,890kg model it replaces.",
            "260kg",
        );
        holds_and_fails(
            "On our test loop the car managed 365 miles, 47 miles short of the 412 miles promised.",
            "On our test loop the car managed 365 miles, 67 miles short of the 412 miles promised.",
            "47 miles",
        );
        // Points between percentages: 71.4 - 64.2 = 7.2.
        holds_and_fails(
            "Attendance slipped to 64.2%, 7.2 points lower than the 71.4% of last spring.",
            "Attendance slipped to 64.2%, 5.2 points lower than the 71.4% of last spring.",
            "7.2 points",
        );
    }
}
