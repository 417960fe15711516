//! `conversion-mismatch`: a stated conversion that does not hold.

use super::{Verdict, expected, shown, slips, suggestion, text, verdicts};
use crate::checks::{Check, Context, RuleInfo};
use crate::declare_rule;
use crate::diagnostic::{Finding, Passed, Severity};
use crate::extract::Span;

declare_rule! {
    /// ## What it does
    /// Recomputes every stated unit conversion ("900 km (559 miles)", "900 kilometres, that's
    /// about 550 miles", "40km/25 miles") with exact factors and reports the pairs where neither
    /// figure can be the other, however the writer rounded and hedged.
    ///
    /// ## Why
    /// A reader trusts the figure in brackets. A wrong one costs a correction in print, and a
    /// wrong factor usually means the writer reached for a rule of thumb or the wrong unit.
    ///
    /// ## How it decides
    /// Each figure stands for an interval: "550" is 545..555, "about 550" is 495..605. The pair
    /// holds when the exact conversion of one side falls in the other side's interval, either
    /// way round. The message gives the exact value and the relative miss; notes name the slip
    /// that explains the figure when one does (nautical miles, imperial gallons, a temperature
    /// change converted as a temperature, the linear factor used for an area, x10 slips).
    /// Severity: error when the miss is more than half a rounding step beyond the interval,
    /// warning when it holds only under a looser reading of the writer's rounding.
    ///
    /// ## Example
    /// ```text
    /// The missiles can fly 40 km (15 miles).
    /// ```
    /// 40 km is 24.9 miles, not 15 miles (-40%). Fix: `40 km (25 miles)`.
    ///
    /// ## Options
    /// None; `--locale en-GB|en-US` settles gallons, pints and tons.
    pub struct ConversionMismatch {
        id: "conversion-mismatch",
        family: "conversion",
        severity: Error,
        enabled: true,
        summary: "A stated unit conversion does not hold",
    }
}

impl Check for ConversionMismatch {
    fn info(&self) -> &'static RuleInfo {
        &Self::INFO
    }

    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, passed: &mut Vec<Passed>) {
        for v in verdicts(ctx) {
            if !v.comparable || v.evaluations.is_empty() {
                continue;
            }
            if v.holds() {
                if ctx.want_passed {
                    passed.push(passed_entry(ctx, v));
                }
                continue;
            }
            if v.holds_otherwise().is_some() {
                continue; // conversion-ambiguous-unit reports it
            }
            out.push(finding(ctx, v));
        }
    }
}

fn finding(ctx: &Context, v: &Verdict) -> Finding {
    let qs = &ctx.facts.quantities;
    let (a, b) = (&qs[v.claim.a], &qs[v.claim.b]);
    let e = v.preferred().expect("checked by the caller");
    let fwd = &e.forward;
    let b_stated = super::ends(b);
    let rel = match (fwd.exact.first(), b_stated.first()) {
        (Some(x), Some(s)) if *x != 0.0 => (s - x) / x.abs() * 100.0,
        _ => 0.0,
    };
    let rel_text = if rel.abs() >= 1.0 {
        format!("{rel:+.0}%")
    } else {
        format!("{rel:+.1}%")
    };
    let message = format!(
        "{} is {}, not {} ({rel_text})",
        text(ctx, a),
        shown(ctx, &fwd.exact, b),
        text(ctx, b)
    );
    let severity = Severity::from_miss(e.miss());
    let mut f = Finding::new(
        ConversionMismatch::INFO.id,
        severity,
        Span::new(a.span.start, b.span.end),
        message,
    );
    f.expected = Some(expected(ctx, b, &fwd.exact));
    f.suggestion = suggestion(ctx, b, &fwd.exact);
    // The other direction, so nobody has to guess which figure is wrong.
    let bwd = &e.backward;
    f.notes.push(format!(
        "the other way round, {} is {}",
        text(ctx, b),
        shown(ctx, &bwd.exact, a)
    ));
    f.notes.extend(slips::explain(ctx, a, b, e));
    f
}

fn passed_entry(ctx: &Context, v: &Verdict) -> Passed {
    let qs = &ctx.facts.quantities;
    let (a, b) = (&qs[v.claim.a], &qs[v.claim.b]);
    let e = v
        .evaluations
        .iter()
        .find(|e| e.holds())
        .expect("holds() found one");
    let d = if e.forward.holds() {
        &e.forward
    } else {
        &e.backward
    };
    let (src, dst) = if d.from_a { (a, b) } else { (b, a) };
    let iv = d.target.first().copied().unwrap_or(dst.interval);
    Passed {
        kind: "conversion",
        span: Span::new(a.span.start, b.span.end),
        claim: format!("{} {} {}", text(ctx, a), v.claim.link_text, text(ctx, b)),
        arithmetic: format!("{} = {}", text(ctx, src), shown(ctx, &d.exact, dst)),
        verdict: format!(
            "within {} ({} to {})",
            text(ctx, dst),
            crate::checks::style::exact_text(iv.lo, 0),
            crate::checks::style::exact_text(iv.hi, 0)
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{check_rule, findings};

    #[test]
    fn forty_km_is_not_fifteen_miles() {
        let f = check_rule(
            "conversion-mismatch",
            "The missiles can fly 40 km (15 miles).",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "40 km is 24.9 miles, not 15 miles (-40%)");
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "25");
        assert_eq!(f[0].severity, crate::diagnostic::Severity::Error);
    }

    #[test]
    fn news_rounding_holds() {
        for s in [
            "These missiles have capable ranges of approximately 900 kilometres that's about 550 miles.",
            "The trail runs 16 kilometers (10 miles) along the coast.",
            "The tower is 84 meters (276 feet) tall.",
            "The storm was 20 miles (32 km) offshore.",
            "The road is 55 km (34 miles) long.",
            "He stands 6 feet (1.8 m) tall.",
            "It is 100 miles (161 km) away.",
            "It was 18 °C (64.4 °F) at noon.",
        ] {
            assert!(findings(s).is_empty(), "{s}: {:?}", findings(s));
        }
    }

    #[test]
    fn a_precise_conversion_of_a_round_figure_is_read_forwards() {
        // 200 miles is 321.9 km, so "330" is wrong; read the other way, 330 km is 205 miles,
        // which "200" (written to its last digit) does not say either.
        let f = check_rule(
            "conversion-mismatch",
            "The pipeline stretches 200 miles (330 km) across the plain.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        // Nine miles is 14.5 km; 15 km is 9.3 miles, which "nine" does say.
        assert!(findings("The bus stopped nine miles (15 km) from town.").is_empty());
    }

    #[test]
    fn a_round_source_cannot_hide_behind_rounding() {
        // 100 km is 62 miles; 50 miles is 80 km, which nobody writes as "100".
        let f = check_rule(
            "conversion-mismatch",
            "The town lies some 100 km (50 miles) west of the capital.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn nautical_miles_are_named() {
        let f = check_rule(
            "conversion-mismatch",
            "The jet flies 15,200km (8,200 miles) without refuelling.",
        );
        assert_eq!(f.len(), 1);
        assert!(
            f[0].notes.iter().any(|n| n.contains("nautical mile")),
            "{:?}",
            f[0].notes
        );
    }

    #[test]
    fn a_temperature_rise_converted_as_a_temperature() {
        let f = check_rule(
            "conversion-mismatch",
            "Temperatures are expected to rise 2C (35.6F) by 2100.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("3.6"), "{}", f[0].message);
        assert!(
            f[0].notes.iter().any(|n| n.contains("as a temperature")),
            "{:?}",
            f[0].notes
        );
    }

    #[test]
    fn a_bushel_of_a_named_crop_is_a_weight() {
        // 1.2 mln tonnes of soybeans in 60 lb bushels: 1.2e9 / 27.2155 = 44.1 mln bushels.
        assert!(
            findings("Exporters sold 1.2 mln tonnes (44.1 mln bushels) of soybeans to China.")
                .is_empty()
        );
        let f = check_rule(
            "conversion-mismatch",
            "Exporters sold 1.2 mln tonnes (51.4 mln bushels) of soybeans to China.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        // Corn bushels are 56 lb: 2 mln tonnes is 78.7 mln bushels.
        assert!(findings("The co-op stored 2 mln tonnes (78.7 mln bushels) of corn.").is_empty());
        // With no crop named, a bushel is a volume: 1,000 bushels is 35.2 cubic metres.
        assert!(findings("The bin holds 1,000 bushels (35.2 cubic metres).").is_empty());
    }

    #[test]
    fn a_change_past_a_level_names_the_level() {
        // 25C is 77F; read as a change it would be 45F.
        assert!(findings("Night-time lows seldom fall below 25C (77F) in July.").is_empty());
        let f = check_rule(
            "conversion-mismatch",
            "Night-time lows seldom fall below 25C (45F) in July.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "77");
        // "by more than" still sizes the change: 2C is 3.6F.
        assert!(findings("Average temperatures rose by more than 2C (3.6F).").is_empty());
    }

    #[test]
    fn an_unmarked_temperature_is_not_explained_away_as_a_change() {
        // 30C is 86F; as a change 30C is 54F, which "50" holds only if rounded to ten.
        let f = check_rule(
            "conversion-mismatch",
            "It was 30C (50F) in the shade at noon.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "86");
        assert!(findings("It was 30C (86F) in the shade at noon.").is_empty());
        // Read backward, 55F as a change is 30.6C, which "31" holds; a guess must hold forward
        // (31C as a change is 55.8F, not 55).
        assert_eq!(
            check_rule("conversion-mismatch", "It was 31C (55F) at noon.").len(),
            1
        );
        // A change with no word saying so still reads as one when every digit fits:
        // 1.5C as a change is 2.7F.
        assert!(findings("The 1.5C (2.7F) target is slipping away.").is_empty());
    }

    #[test]
    fn a_unit_written_for_one_takes_its_plural_in_the_fix() {
        // 5 km = 3.107 miles; 1 m = 3.28 ft.
        let f = check_rule("conversion-mismatch", "The walk is 5 km (1 mile) long.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "5 km is 3.11 miles, not 1 mile (-68%)");
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "3.1 miles");
        let f = check_rule("conversion-mismatch", "The wall is 1 metre (1 foot) high.");
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "3.3 feet");
        // Symbols have no plural.
        let f = check_rule("conversion-mismatch", "The post is 2 m (1 ft) tall.");
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "6.6");
    }

    #[test]
    fn ranges_convert_end_to_end() {
        assert!(findings("Speeds of 30 to 55 km/h (19 to 34 mph) are allowed.").is_empty());
        let f = check_rule(
            "conversion-mismatch",
            "Speeds of 30 to 55 km/h (19 to 44 mph) are allowed.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "19 to 34");
    }

    #[test]
    fn feet_and_inches_convert_as_one() {
        assert!(findings("She is 5ft 6in (1.68m) tall.").is_empty());
        assert_eq!(
            check_rule("conversion-mismatch", "She is 5ft 6in (1.88m) tall.").len(),
            1
        );
    }

    #[test]
    fn a_two_unit_figure_is_shown_and_fixed_in_both_units() {
        // 1.88 m = 6.168 ft = 6 ft 2 in.
        let f = check_rule("conversion-mismatch", "A 1.88m (6ft 6in) forward joined.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "1.88m is 6ft 2in, not 6ft 6in (+5%)");
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "6ft 2in");
        assert!(findings("A 1.88m (6ft 2in) forward joined.").is_empty());
        // 1.2 kg = 2.646 lb = 2 lb 10 oz.
        assert!(findings("She weighed just 1.2 kg (2lb 10oz) at birth.").is_empty());
        let f = check_rule(
            "conversion-mismatch",
            "She weighed just 1.2 kg (3lb 10oz) at birth.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "2lb 10oz");
        // 11 st 4 lb = 158 lb = 71.7 kg.
        assert!(findings("He weighs 11 stone 4lb (72kg).").is_empty());
    }

    #[test]
    fn no_fix_inside_quotations() {
        let f = check_rule(
            "conversion-mismatch",
            "\"We walked 40 km (15 miles),\" she said.",
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].suggestion.is_none());
    }

    #[test]
    fn linear_factor_for_an_area_is_named() {
        let f = check_rule(
            "conversion-mismatch",
            "The plot covers 3,000 square metres (3,300 square yards).",
        );
        assert_eq!(f.len(), 1);
        assert!(
            f[0].notes.iter().any(|n| n.contains("linear factor")),
            "{:?}",
            f[0].notes
        );
    }

    #[test]
    fn hot_temperatures_with_bare_letters_in_a_pair() {
        // 300C is 572F; 572F is right, 527F is not. 1,300C is 2,372F.
        assert!(findings("The kiln is fired to 300C (572F).").is_empty());
        assert_eq!(
            check_rule("conversion-mismatch", "The kiln is fired to 300C (527F).").len(),
            1
        );
        assert_eq!(
            check_rule("conversion-mismatch", "Steel melts near 1,300C (2,700F).").len(),
            1
        );
        // A large figure with a bare letter and no pair is no temperature.
        assert!(findings("The company filed 350F forms last year.").is_empty());
    }

    #[test]
    fn stones_and_pounds_written_short() {
        // 9st 6lb is 132 lb, 59.87 kg; "8st" is no ordinal.
        assert!(findings("The jockey rode at 9st 6lb (59.9kg).").is_empty());
        assert_eq!(
            check_rule(
                "conversion-mismatch",
                "The jockey rode at 9st 6lb (65.9kg)."
            )
            .len(),
            1
        );
        assert!(findings("He now weighs 14st (89kg).").is_empty());
    }

    #[test]
    fn a_round_converted_figure_is_not_a_fifty_percent_interval() {
        // 300 feet is 91.4 m, which rounds to 90 or 100, and 100 m is 75..125: it holds.
        assert!(findings("The cliff is 300 feet (100 metres) high.").is_empty());
        // 180 feet is 54.9 m: "100 metres" is no rounding of it.
        assert_eq!(
            check_rule(
                "conversion-mismatch",
                "The cliff is 180 feet (100 metres) high."
            )
            .len(),
            1
        );
        // 24 acres is 9.7 hectares (holds); 16 acres is 6.5 hectares (does not).
        assert!(findings("A 24-acre (10-hectare) site.").is_empty());
        assert_eq!(
            check_rule("conversion-mismatch", "A 16-acre (10-hectare) site.").len(),
            1
        );
    }

    #[test]
    fn rates_convert_over_the_same_denominator() {
        // 2,000,000 barrels x 0.158987 m3 = 317,975 m3: "per day" is written once.
        assert!(
            check_rule(
                "conversion-mismatch",
                "The field pumps 2 million barrels per day (318,000 cubic metres) of crude."
            )
            .is_empty()
        );
        let f = check_rule(
            "conversion-mismatch",
            "The field pumps 2 million barrels per day (418,000 cubic metres) of crude.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        // 7,000 MB/s is 7 GB/s: the same denominator on both sides.
        assert!(check_rule("conversion-mismatch", "It reads at 7,000 MB/s (7 GB/s).").is_empty());
        // 1 g/kg is 0.0353 oz over 2.2046 lb = 0.016 oz/lb; read without the denominators,
        // 1 g (0.0353 oz) would look like a wrong conversion.
        assert!(findings("The dose was 1 g/kg (0.016 oz/lb) of feed.").is_empty());
    }

    #[test]
    fn recipes_round_oven_fahrenheit_to_twenty_five() {
        // 180C = 356F, 160C = 320F, 220C = 428F; 475F = 246.1C, and 240C = 464F lies within
        // 12.5 of 475: recipes give Fahrenheit to the nearest 25 degrees.
        for s in [
            "Preheat the oven to 180C (350F).",
            "Bake at 160C (325F) for an hour.",
            "Roast the lamb at 220C (425F) for 40 minutes.",
            "Preheat the oven to 475F (240C).",
        ] {
            assert!(check_rule("conversion-mismatch", s).is_empty(), "{s}");
        }
        // 180C is 356F: 375F is 19 degrees off, beyond the 12.5 either side of a step of 25,
        // and is still an error, fixed to the nearest 25.
        let f = check_rule("conversion-mismatch", "Bake at 180C (375F) until golden.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].severity, crate::diagnostic::Severity::Error);
        assert_eq!(f[0].suggestion.as_ref().unwrap().replacement, "350");
        // Without a cooking word, or off the step of 25, every digit still counts.
        assert_eq!(
            check_rule("conversion-mismatch", "It was 180C (350F) at the vent.").len(),
            1
        );
        assert_eq!(
            check_rule("conversion-mismatch", "The oven reached 180C (340F).").len(),
            1
        );
    }

    #[test]
    fn a_speed_ending_in_five_may_be_rounded_to_five() {
        // 300 km/h is 186.4 mph, within 182.5..187.5 of "185"; 165 mph is 12% short.
        assert!(
            check_rule(
                "conversion-mismatch",
                "The new trains will reach 300 km/h (185 mph) on the straight."
            )
            .is_empty()
        );
        assert_eq!(
            check_rule(
                "conversion-mismatch",
                "The new trains will reach 300 km/h (165 mph) on the straight."
            )
            .len(),
            1
        );
    }
}
