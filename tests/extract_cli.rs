//! End to end: `numlint extract` reads numbers exactly, with units, hedges and intervals, and
//! leaves alone what is not a quantity.

mod common;
use common::{quantities, run, texts};
use serde_json::Value;

fn one(text: &str) -> Value {
    let q = quantities(text);
    assert_eq!(q.len(), 1, "{text}: {q:#?}");
    q[0].clone()
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

#[test]
fn separators_decimals_and_signs() {
    assert_eq!(num(&one("It cost 10,000.75 dollars.")["value"]), 10_000.75);
    assert_eq!(num(&one("A crowd of 1\u{a0}000 people.")["value"]), 1000.0);
    assert_eq!(
        num(&one("The site holds 2.000.000 liters.")["value"]),
        2_000_000.0
    );
    assert_eq!(
        num(&one("It fell to \u{2212}12 degrees Celsius.")["value"]),
        -12.0
    );
    assert_eq!(
        num(&one("It fell to minus 12 degrees Celsius.")["value"]),
        -12.0
    );
}

#[test]
fn scale_words_apply_to_the_value() {
    let q = one("The firm won a $48.2 million contract.");
    assert_eq!(num(&q["value"]), 48_200_000.0);
    assert_eq!(q["unit"], "dollar");
    assert_eq!(q["dimension"], "currency");
    assert_eq!(q["text"], "$48.2 million");
    assert_eq!(
        num(&one("Some 1.5 million people voted.")["value"]),
        1_500_000.0
    );
    assert_eq!(
        num(&one("Half a million people voted.")["value"]),
        500_000.0
    );
    assert_eq!(num(&one("Profits reached £3bn.")["value"]), 3e9);
    assert_eq!(num(&one("Sales were 94.0 mln dlrs.")["value"]), 94e6);
}

#[test]
fn number_words() {
    let q = one("Seventy-three railcars were seen.");
    assert_eq!(num(&q["value"]), 73.0);
    assert_eq!(q["noun"], "railcar");
    assert_eq!(
        num(&one("It lasted two hundred and five days.")["value"]),
        205.0
    );
    assert_eq!(num(&one("She bought a dozen eggs.")["value"]), 12.0);
    assert_eq!(num(&one("It took a couple of weeks.")["value"]), 2.0);
    assert_eq!(num(&one("He walked two and a half miles.")["value"]), 2.5);
}

#[test]
fn vague_quantities_are_intervals() {
    let q = one("Tens of thousands of people marched.");
    assert!(q["value"].is_null());
    assert_eq!(num(&q["low"]), 10_000.0);
    assert_eq!(num(&q["high"]), 99_999.0);
    assert_eq!(q["noun"], "people");
    let q = one("Dozens of homes were destroyed.");
    assert_eq!(q["noun"], "home");
}

#[test]
fn ranges_keep_both_ends() {
    for s in [
        "Between 10 and 15 km of road.",
        "A 10-15 km stretch.",
        "Some 10 to 15 km of road.",
    ] {
        let q = one(s);
        assert_eq!(num(&q["range"]["from"]), 10.0, "{s}");
        assert_eq!(num(&q["range"]["to"]), 15.0, "{s}");
        assert_eq!(q["unit"], "kilometer", "{s}");
    }
}

#[test]
fn four_digit_range_ends_are_amounts_before_a_unit() {
    // "930-1240" is not a phone number, and 1240 is not a year, when miles follow.
    for s in [
        "The pipeline runs 930-1240 miles north.",
        "The pipeline runs 930 to 1240 miles north.",
    ] {
        let q = one(s);
        assert_eq!(num(&q["range"]["from"]), 930.0, "{s}");
        assert_eq!(num(&q["range"]["to"]), 1240.0, "{s}");
        assert_eq!(q["unit"], "mile", "{s}");
    }
    // Both ends are read to the finer rounding: 1100 beside 1240 means 1095..1105, not
    // 1050..1150, so the range runs 1095..1245.
    let q = one("The pipeline runs 1100-1240 miles north.");
    assert_eq!(num(&q["low"]), 1095.0);
    assert_eq!(num(&q["high"]), 1245.0);
    // A phone number is still a phone number.
    assert!(quantities("Call 555-1234 for tickets.").is_empty());
}

#[test]
fn ages_set_off_by_commas_after_a_person_or_a_name() {
    for (s, age) in [
        ("The pensioner, 91, was taken to hospital.", 91.0),
        ("Anna Berg, 27, of Malmo was fined.", 27.0),
        ("Mrs Patel, 58, said she was shocked.", 58.0),
    ] {
        let q = one(s);
        assert_eq!(num(&q["value"]), age, "{s}");
        assert_eq!(q["unit"], "year", "{s}");
    }
    // A medal table and a month are no ages.
    for s in [
        "Medals went to the US, 39, and to Japan.",
        "In May, 40, of the staff left.",
    ] {
        assert!(
            quantities(s).iter().all(|q| q["unit"] != "year"),
            "{s}: {:?}",
            quantities(s)
        );
    }
}

#[test]
fn a_quarter_or_half_of_the_calendar_is_no_fraction() {
    assert_eq!(
        texts("Profit rose in the fourth quarter, and a quarter of staff left."),
        ["a quarter"]
    );
    assert!(texts("Sales fell in the first half of the year.").is_empty());
    assert_eq!(texts("Half of the staff left."), ["Half"]);
}

#[test]
fn fractions() {
    assert_eq!(num(&one("Add 1/4 mile to the route.")["value"]), 0.25);
    assert_eq!(num(&one("The door is 2½ inches thick.")["value"]), 2.5);
}

#[test]
fn percentages_in_every_spelling() {
    for s in [
        "It rose 12% last year.",
        "It rose 12 per cent last year.",
        "It rose 12 percent.",
        "It rose 12 pct.",
        "A 12pc rise.",
    ] {
        let q = one(s);
        assert_eq!(num(&q["value"]), 12.0, "{s}");
        assert_eq!(q["dimension"], "percent", "{s}");
    }
}

#[test]
fn hedges_bound_the_interval() {
    let q = one("The range is about 550 miles.");
    assert_eq!(q["hedge"], "about");
    assert!((num(&q["low"]) - 495.0).abs() < 1e-9 && (num(&q["high"]) - 605.0).abs() < 1e-9);
    let q = one("The range is more than 550 miles.");
    assert_eq!(q["hedge"], "more_than");
    assert!(q["high"].is_null(), "open above: {q}");
    let q = one("It carried up to 20 railcars.");
    assert_eq!(q["hedge"], "up_to");
    assert_eq!(num(&q["low"]), 0.0);
    let q = one("There were nearly 100 of them.");
    assert_eq!(q["hedge"], "nearly");
    assert!(num(&q["high"]) <= 100.5 && num(&q["low"]) <= 90.0);
}

#[test]
fn multipliers_are_recognised_apart() {
    let (_, out, _) = run(
        &["extract", "--format", "json", "-"],
        "Sales doubled, then rose threefold and three times again.",
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["quantities"].as_array().unwrap().len(), 0);
    let m: Vec<f64> = v["multipliers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| num(&m["factor"]))
        .collect();
    assert_eq!(m, [2.0, 3.0, 3.0]);
}

#[test]
fn not_quantities() {
    for s in [
        "The report was published in 2024.",
        "The images from 5 October showed the site.",
        "On 30 December the talks resumed.",
        "Friday 05 January 2024 06:15 GMT",
        "The meeting starts at 06:15 GMT.",
        "He finished 3rd in the race.",
        "The base lies at 34°09′22″N.",
        "Version 2.3.1 fixed it.",
        "Call 555-0123 for details.",
        "They won by a 2:1 margin.",
        "COVID-19 cases and F-16 jets at the G7 summit.",
        "See Section 427 Row 21 of the act.",
        "He spoke at No. 10 on Monday.",
        "1989's protests changed the country.",
        "It was a commanding 28-8 advantage.",
        "The 1990s were different.",
    ] {
        assert!(texts(s).is_empty(), "{s}: {:?}", texts(s));
    }
}

#[test]
fn units_measured_and_counted() {
    let q = one("A 30-foot-tall statue stood there.");
    assert_eq!(q["unit"], "foot");
    assert_eq!(num(&q["value"]), 30.0);
    let q = one("She is 5ft 6in tall.");
    assert!((num(&q["value"]) - 5.5).abs() < 1e-9);
    let q = one("Winds reached 120 km/h.");
    assert_eq!(q["unit"], "kilometer per hour");
    assert_eq!(q["dimension"], "speed");
    let q = one("Temperatures rose by 2C.");
    assert_eq!(q["dimension"], "temperature_difference");
    let q = one("It was 40°C in the shade.");
    assert_eq!(q["dimension"], "temperature");
    assert_eq!(q["unit"], "degree Celsius");
    let q = one("The plot is 3 square miles.");
    assert_eq!(q["unit"], "square mile");
    let q = one("Several launchers and 73 railcars.");
    assert_eq!(q["noun"], "railcar");
    assert_eq!(q["dimension"], "count");
}

#[test]
fn rates_keep_their_denominator() {
    // A unit over another, written with a slash or "per", is a rate, not the bare unit.
    let q = one("The drive reads at 7,000 MB/s.");
    assert_eq!(q["unit"], "megabyte per second");
    assert_eq!(q["dimension"], "information_rate");
    let q = one("The dose was 5 mg/kg of body weight.");
    assert_eq!(q["unit"], "milligram per kilogram");
    let q = one("The plant released 3 litres per hour.");
    assert_eq!(q["unit"], "liter per hour");
    // "bpd" is barrels over a day, the same unit as "barrels per day".
    let bpd = one("Output rose to 830,492 bpd.");
    let spelled = one("Output rose to 830,492 barrels per day.");
    assert_eq!(bpd["unit"], "barrel per day");
    assert_eq!(bpd["unit"], spelled["unit"]);
    assert_eq!(bpd["dimension"], spelled["dimension"]);
}

#[test]
fn units_of_specifications_and_science() {
    for (s, unit, dimension) in [
        (
            "Speeds averaged 54 Mbps in the town.",
            "megabit per second",
            "information_rate",
        ),
        (
            "The engine peaks at 6,500 rpm.",
            "revolution per minute",
            "angular_velocity",
        ),
        ("It makes 320 Nm of torque.", "newton metre", "torque"),
        (
            "Noise reached 95 dB near the runway.",
            "decibel",
            "sound_level",
        ),
        (
            "The generator is rated at 500 kVA.",
            "kilovolt-ampere",
            "power",
        ),
        (
            "It draws 20 mA on standby.",
            "milliampere",
            "electric_current",
        ),
        (
            "Workers received 12 mSv over the year.",
            "millisievert",
            "radiation_dose",
        ),
    ] {
        let q = one(s);
        assert_eq!(q["unit"], unit, "{s}");
        assert_eq!(q["dimension"], dimension, "{s}");
    }
}

#[test]
fn ranges_with_the_unit_at_both_ends_or_falling_negatives() {
    for (s, from, to, unit) in [
        (
            "Growth is forecast at 5%-7% next year.",
            5.0,
            7.0,
            "percent",
        ),
        ("The route is 5km-10km long.", 5.0, 10.0, "kilometer"),
        (
            "Overnight lows of -3 to -7C are expected.",
            -3.0,
            -7.0,
            "degree Celsius",
        ),
        (
            "Overnight lows of -3C to -7C are expected.",
            -3.0,
            -7.0,
            "degree Celsius",
        ),
    ] {
        let q = one(s);
        assert_eq!(num(&q["range"]["from"]), from, "{s}");
        assert_eq!(num(&q["range"]["to"]), to, "{s}");
        assert_eq!(q["unit"], unit, "{s}");
    }
    // Written high end first, the interval still runs from the lower end: -7.5 .. -2.5.
    let q = one("Overnight lows of -3C to -7C are expected.");
    assert_eq!(num(&q["low"]), -7.5);
    assert_eq!(num(&q["high"]), -2.5);
    // A model name stays a name.
    assert!(quantities("The F-16 flew over the base.").is_empty());
}

#[test]
fn hours_and_minutes_are_one_duration() {
    let q = one("She finished in 7h 30m.");
    assert_eq!(q["unit"], "hour");
    assert!((num(&q["value"]) - 7.5).abs() < 1e-9);
    let q = one("The flight took 2h 15min.");
    assert!((num(&q["value"]) - 2.25).abs() < 1e-9);
    let q = one("He ran the mile in 4min 12s.");
    assert_eq!(q["unit"], "minute");
    assert!((num(&q["value"]) - 4.2).abs() < 1e-9);
}

#[test]
fn a_bare_c_is_a_temperature_after_a_verb_but_a_form_stays_a_form() {
    let q = one("It was 20C in Paris on Tuesday.");
    assert_eq!(q["unit"], "degree Celsius");
    // "13F" is a filing, whatever function words stand nearby.
    let q = quantities("The fund filed a 13F report to the SEC.");
    assert!(q.iter().all(|q| q["dimension"] != "temperature"), "{q:#?}");
}

#[test]
fn ambiguity_is_reported() {
    let q = one("The tank holds 10 gallons.");
    assert_eq!(q["unit"], "gallon");
    assert_eq!(q["ambiguous"].as_array().unwrap().len(), 1);
    let (_, out, _) = run(
        &["extract", "--format", "json", "--locale", "en-GB", "-"],
        "The tank holds 10 gallons.",
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["quantities"][0]["unit"], "imperial gallon");
    let q = one("It was 98 degrees in the shade.");
    assert_eq!(q["unit"], "degree");
    assert_eq!(q["dimension"], "temperature");
    let q = one("The plane banked 30 degrees to the left.");
    assert_eq!(q["dimension"], "angle");
    let q = one("The 60m hurdles final.");
    assert_eq!(q["unit"], "meter");
    let q = one("Some 133m text messages were sent.");
    assert_eq!(num(&q["value"]), 133e6);
}

#[test]
fn positions_are_exact_lines_and_characters() {
    let text = "First line.\nThe °C scale: 40 km (25 miles).\n";
    let q = quantities(text);
    assert_eq!(q[0]["line"], 2);
    // "The °C scale: " is 14 characters (16 bytes).
    assert_eq!(q[0]["column"], 15);
    assert_eq!(q[0]["end_column"], 20);
    assert_eq!(q[0]["byte_start"], 27);
}

#[test]
fn markdown_skips_code_and_keeps_offsets() {
    let dir = tempdir();
    let path = dir.join("a.md");
    std::fs::write(
        &path,
        "# Title\n\n```\n99 miles\n```\n\nIt is `42 km` or **900 km** away.\n",
    )
    .unwrap();
    let (code, out, _) = run(&["extract", "--format", "json", path.to_str().unwrap()], "");
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    let q = v["quantities"].as_array().unwrap();
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0]["text"], "900 km");
    assert_eq!(q[0]["line"], 7);
    assert_eq!(q[0]["column"], 20);
}

fn tempdir() -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!(
        "numlint-test-{}-{}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

#[test]
fn a_list_shares_its_last_unit_only_when_joined_by_and_or_or() {
    let q = quantities("Rates were 10, 20 and 30% last year.");
    let units: Vec<_> = q.iter().map(|x| x["unit"].as_str().unwrap_or("")).collect();
    assert_eq!(units, ["percent", "percent", "percent"]);
    let q = quantities("Doses of 45 or 50 mg were given.");
    assert_eq!(q[0]["unit"], "milligram");
    // A figure set off by a comma alone is not in a list with the next one.
    let q = quantities("The firm employs 2,000, 20% fewer than in 2020.");
    assert_eq!(q[0]["text"], "2,000");
    assert_eq!(q[0]["dimension"], "count");
    assert_eq!(q[1]["unit"], "percent");
}

#[test]
fn a_verb_after_a_figure_is_not_its_noun() {
    // "includes" says what the 4,000 does, not what it counts.
    let q = quantities("The firm's workforce of 4,000 includes 2,100 in Britain.");
    assert_eq!(q.len(), 2, "{q:#?}");
    assert!(q[0]["noun"].is_null(), "{:#?}", q[0]);
    let q = quantities("The list comprises 12 players and 3 coaches.");
    assert_eq!(q[0]["noun_text"], "players", "{:#?}", q[0]);
}

#[test]
fn a_fraction_of_a_point_is_an_amount_of_points() {
    // "half a percentage point" is 0.5 percentage points, not a multiple of anything.
    let q = one("The bank raised its rate by half a percentage point.");
    assert_eq!(num(&q["value"]), 0.5);
    assert_eq!(q["unit"], "percentage point");
    let q = one("The index slipped three-quarters of a point.");
    assert_eq!(num(&q["value"]), 0.75);
    assert_eq!(q["noun"], "point");
}
