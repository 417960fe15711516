//! End to end: `numlint check` on real-looking sentences, one test per rule and per explained
//! slip, with the expected message and suggestion computed by hand.

mod common;
use common::{passed, problems, rule, run};
use serde_json::Value;

fn message(f: &Value) -> &str {
    f["message"].as_str().unwrap_or("")
}

fn fix(f: &Value) -> &str {
    f["suggestion"]["replacement"].as_str().unwrap_or("")
}

fn notes(f: &Value) -> String {
    f["notes"]
        .as_array()
        .map(|n| {
            n.iter()
                .map(|x| x.as_str().unwrap_or(""))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------- conversions

#[test]
fn seed_sentence_is_consistent() {
    assert!(problems("These missiles have capable ranges of approximately 900 kilometres that's about 550 miles.").is_empty());
}

#[test]
fn conversion_mismatch_message_and_fix() {
    let f = rule(
        "The missiles can fly 40 km (15 miles).",
        "conversion-mismatch",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["severity"], "error");
    // 40 / 1.609344 = 24.855 miles.
    assert_eq!(message(&f[0]), "40 km is 24.9 miles, not 15 miles (-40%)");
    assert_eq!(fix(&f[0]), "25");
    assert_eq!(f[0]["suggestion"]["safe"], true);
    assert_eq!(f[0]["expected"]["text"], "24.9 miles");
    // The fix replaces exactly the "15".
    assert_eq!(f[0]["suggestion"]["byte_start"], 28);
    assert_eq!(f[0]["suggestion"]["byte_end"], 30);
}

#[test]
fn news_rounding_is_consistent() {
    for s in [
        "The trail runs 16 kilometers (10 miles) along the coast.",
        "The tower is 84 meters (276 feet) tall.",
        "The storm was 20 miles (32 km) offshore.",
        "The road is 55 km (34 miles) long.",
        "He stands 6 feet (1.8 m) tall.",
        "It is 100 miles (161 km) away.",
        "It was 18 °C (64.4 °F) at noon.",
        "Speeds of 30 to 55 km/h (19 to 34 mph) are allowed.",
        "She is 5ft 6in (1.68m) tall.",
        "A 30-foot-tall (9-metre) statue was unveiled.",
        "The lake is 40km/25 miles wide.",
        "The planet warmed 1.1C (2F) last century.",
    ] {
        assert!(problems(s).is_empty(), "{s}: {:?}", problems(s));
    }
}

#[test]
fn conversion_dimension() {
    let f = rule(
        "The crash test ran at 40 miles per hour (17 kilometers per liter).",
        "conversion-dimension",
    );
    assert_eq!(f.len(), 1);
    assert!(message(&f[0]).contains("speed") && message(&f[0]).contains("fuel economy"));
    assert!(problems("The 13 inch (256 GB SSD) laptop sold out.").is_empty());
    assert!(problems("The tiles measure 2.3 cm x 2.3 cm.").is_empty());
}

#[test]
fn conversion_ambiguous_unit() {
    // 12 US gal = 45.4 L; 12 imperial gal = 54.6 L.
    let f = rule(
        "The tank holds 12 gallons (55 litres).",
        "conversion-ambiguous-unit",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["severity"], "warning");
    assert!(message(&f[0]).contains("imperial gallon"));
    // --locale en-GB settles it.
    let (code, out, _) = run(
        &["check", "--format", "json", "--locale", "en-GB", "-"],
        "The tank holds 12 gallons (55 litres).",
    );
    assert_eq!(code, 0, "{out}");
}

#[test]
fn conversion_overprecise() {
    let f = rule(
        "The pipeline will run 6,000 kilometres (3,728 miles).",
        "conversion-overprecise",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["severity"], "info");
    assert_eq!(fix(&f[0]), "3,700");
}

#[test]
fn house_style_rules_are_off_by_default() {
    assert!(problems("The convoy travelled 550 miles.").is_empty());
    let f = rule("The convoy travelled 550 miles.", "missing-conversion");
    assert_eq!(f.len(), 1);
    let f = rule(
        "The convoy travelled 550 miles (885 km).",
        "conversion-order",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(fix(&f[0]), "885 km (550 miles");
    assert_eq!(f[0]["suggestion"]["safe"], false);
}

#[test]
fn slip_nautical_miles() {
    // 15,200 km = 9,444.8 statute miles = 8,207.3 nautical miles.
    let f = rule(
        "The jet can fly 15,200km (8,200 miles) non-stop.",
        "conversion-mismatch",
    );
    assert_eq!(f.len(), 1);
    assert!(
        notes(&f[0]).contains("matches nautical miles"),
        "{}",
        notes(&f[0])
    );
    assert_eq!(fix(&f[0]), "9,400");
}

#[test]
fn slip_temperature_change_converted_as_temperature() {
    // A 5.5C rise is 9.9F; 41.9F is 5.5C as a temperature.
    let f = rule(
        "Temperatures could rise 5.5C (41.9F) by 2100.",
        "conversion-mismatch",
    );
    assert_eq!(f.len(), 1);
    assert!(message(&f[0]).contains("9.9"), "{}", message(&f[0]));
    assert!(
        notes(&f[0]).contains("as a temperature"),
        "{}",
        notes(&f[0])
    );
    assert_eq!(fix(&f[0]), "9.9");
}

#[test]
fn slip_imperial_gallons_named_when_us_is_explicit() {
    let f = rule(
        "The tank holds 12 US gallons (55 litres).",
        "conversion-mismatch",
    );
    assert_eq!(f.len(), 1);
    assert!(notes(&f[0]).contains("imperial gallon"), "{}", notes(&f[0]));
}

#[test]
fn slip_wrong_direction() {
    // 40 miles is 64.4 km: the writer multiplied instead of dividing.
    let f = rule("The ridge is 40 km (64 miles) long.", "conversion-mismatch");
    assert_eq!(f.len(), 1);
    assert!(notes(&f[0]).contains("wrong way"), "{}", notes(&f[0]));
}

#[test]
fn slip_factor_of_ten() {
    // 3.5 kg = 7.7 lb; 77 lb is ten times that.
    let f = rule("The parcel weighs 3.5 kg (77 lb).", "conversion-mismatch");
    assert_eq!(f.len(), 1);
    assert!(notes(&f[0]).contains("factor of 10"), "{}", notes(&f[0]));
}

#[test]
fn slip_linear_factor_for_area() {
    // 3,000 m² = 3,588 yd²; 3,300 is 3,000 x 1.094 (the linear factor).
    let f = rule(
        "The plot covers 3,000 square metres (3,300 square yards).",
        "conversion-mismatch",
    );
    assert_eq!(f.len(), 1);
    assert!(notes(&f[0]).contains("linear factor"), "{}", notes(&f[0]));
}

#[test]
fn slip_rule_of_thumb() {
    // 225 x 0.6 = 135; exactly it is 139.8 miles.
    let f = rule(
        "The village lies 225 km (135 miles) east of the capital.",
        "conversion-mismatch",
    );
    assert_eq!(f.len(), 1);
    assert!(notes(&f[0]).contains("rule of thumb"), "{}", notes(&f[0]));
}

#[test]
fn slip_tons() {
    // 4.5 metric tons = 4.96 short tons: holds when the first "tons" are metric.
    assert!(problems("Customs seized 4.5 tons (nearly 5 U.S. tons) of cocaine.").is_empty());
}

// ---------------------------------------------------------------- comparisons

#[test]
fn railcars_passage_holds_and_is_listed() {
    let s = "Approximately 73 railcars were visible in the images, whereas previous satellite pictures showed about 20 railcars at the most.";
    assert!(problems(s).is_empty());
    let p = passed(s);
    assert!(
        p.iter().any(|x| x["kind"] == "comparison"
            && x["arithmetic"].as_str().unwrap_or("").contains("3.65")),
        "{p:#?}"
    );
}

#[test]
fn ratio_mismatch() {
    assert!(
        problems("Officials counted 73 railcars, more than three times the 20 seen before.")
            .is_empty()
    );
    let f = rule(
        "The number of railcars doubled from 20 to 73.",
        "ratio-mismatch",
    );
    assert_eq!(f.len(), 1);
    assert!(message(&f[0]).contains("3.65"));
    // Hedged: "nearly doubled" holds at 1.99 and fails at 1.53.
    assert!(problems("Usage nearly doubled to 399,000 tonnes from 201,000.").is_empty());
    assert_eq!(
        rule(
            "Usage nearly doubled to 307,000 tonnes from 201,000.",
            "ratio-mismatch"
        )
        .len(),
        1
    );
}

#[test]
fn percent_change_mismatch() {
    // (73 - 20) / 20 = 265%.
    assert!(problems("The count went from 20 to 73, an increase of 265%.").is_empty());
    let f = rule(
        "Prices rose from $4 to $5, a 50% increase.",
        "percent-change-mismatch",
    );
    assert_eq!(f.len(), 1);
    assert!(message(&f[0]).contains("+25%"), "{}", message(&f[0]));
    assert_eq!(fix(&f[0]), "25");
    // Newswire: 94.0 / 80.0 = +17.5%.
    assert!(problems("Sales were up 17.5 pct to 94.0 mln dlrs from 80.0 mln.").is_empty());
    // Hedged: 4 / 544 = 0.74%, "nearly 1%" holds.
    assert!(problems("The shares rose 4p or nearly 1% to 548p.").is_empty());
}

#[test]
fn percentage_points() {
    let f = rule(
        "Turnout rose from 20% to 30%, a 10% rise.",
        "percentage-points",
    );
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["severity"], "warning");
    assert!(message(&f[0]).contains("10 percentage points") && message(&f[0]).contains("+50%"));
}

#[test]
fn share_mismatch() {
    assert!(problems("Of those polled, 30 of 120 people, or 25%, agreed.").is_empty());
    assert_eq!(
        rule(
            "Of those polled, 30 of 120 people, or 30%, agreed.",
            "share-mismatch"
        )
        .len(),
        1
    );
    assert!(problems("One in four (25%) agreed.").is_empty());
    assert!(problems("Three-quarters (75%) of the 200 seats went to the party.").is_empty());
    assert!(problems("A fifth of the 50 missiles, 10, missed.").is_empty());
}

#[test]
fn direction_mismatch() {
    let f = rule(
        "Exports rose to 20 mln tonnes from 73 mln tonnes.",
        "direction-mismatch",
    );
    assert_eq!(f.len(), 1);
    assert!(message(&f[0]).contains("rose"));
    assert!(problems("Exports fell to 20 mln tonnes from 73 mln tonnes.").is_empty());
}

#[test]
fn difference_mismatch() {
    assert!(problems("Officials counted 73 railcars, 53 more than the 20 seen before.").is_empty());
    assert_eq!(
        rule(
            "Officials counted 73 railcars, 43 more than the 20 seen before.",
            "difference-mismatch"
        )
        .len(),
        1
    );
    assert!(problems("There is a gap of 5 km between 12 km and 17 km.").is_empty());
}

#[test]
fn total_mismatch() {
    assert!(
        problems("The convoy carried a total of 12 weapons: 5 missiles, 3 launchers and 4 shells.")
            .is_empty()
    );
    let f = rule(
        "The convoy carried a total of 12 weapons: 5 missiles, 3 launchers and 6 shells.",
        "total-mismatch",
    );
    assert_eq!(f.len(), 1);
    assert!(message(&f[0]).contains("14"));
}

#[test]
fn not_read_as_claims() {
    for s in [
        "See Section 427 Row 21 of the act.",
        "A 20-year-old 73-metre ship sank.",
        "German unemployment rose 7,000 in November to 4.464 million people, or 10.8% of the workforce.",
        "The console (12cm by 7.4cm) plays music.",
        "In total, the tower has 61 lifts, 34 of them double-deckers, and 50 escalators serving 106 floors.",
        "O'Gara kicked a 40m penalty to give the visitors a 28-8 lead.",
        "Some 133m text messages were sent between midnight on 31 December and 1 January.",
    ] {
        assert!(problems(s).is_empty(), "{s}: {:?}", problems(s));
    }
}

// ---------------------------------------------------------------- CLI behaviour

#[test]
fn exit_codes() {
    let (code, _, _) = run(&["check", "-"], "It is 40 km (25 miles) away.");
    assert_eq!(code, 0);
    let (code, out, _) = run(&["check", "-"], "It is 40 km (15 miles) away.");
    assert_eq!(code, 1);
    assert!(out.contains("error[conversion-mismatch]"), "{out}");
    // Warnings do not fail unless asked.
    let (code, _, _) = run(&["check", "-"], "The tank holds 12 gallons (55 litres).");
    assert_eq!(code, 0);
    let (code, _, _) = run(
        &["check", "--fail-on", "warning", "-"],
        "The tank holds 12 gallons (55 litres).",
    );
    assert_eq!(code, 1);
    let (code, _, err) = run(&["check", "--format", "yaml", "-"], "x");
    assert_eq!(code, 2);
    assert!(err.contains("yaml"), "{err}");
    let (code, _, _) = run(&["check", "--select", "no-such-rule", "-"], "x");
    assert_eq!(code, 2);
}

#[test]
fn json_shape() {
    let (_, out, _) = run(
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "story.md",
            "-",
        ],
        "# Head\n\nIt is 40 km (15 miles) away.\n",
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], 1);
    let f = &v["findings"][0];
    assert_eq!(f["path"], "story.md");
    assert_eq!(f["line"], 3);
    assert_eq!(f["column"], 7);
    assert_eq!(f["end_column"], 22);
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn human_output_is_a_snippet_with_a_fix() {
    let (_, out, _) = run(
        &["check", "--color", "never", "-"],
        "It is 40 km (15 miles) away.\n",
    );
    assert!(
        out.contains("error[conversion-mismatch]: 40 km is 24.9 miles, not 15 miles (-40%)"),
        "{out}"
    );
    assert!(out.contains("--> -:1:7"), "{out}");
    assert!(out.contains("       ^^^^^^^^^^^^^^^\n"), "{out}");
    assert!(
        out.contains("fix: write `25`: It is 40 km (25 miles) away."),
        "{out}"
    );
    assert!(
        out.contains("Found 1 problem (1 error) in 1 file."),
        "{out}"
    );
}
