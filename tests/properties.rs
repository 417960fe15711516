//! Property tests (proptest) of the library's promises about figures:
//!
//! - a number written in any style numlint reads parses back to the same value;
//! - every quantity's interval contains the figure as stated (both ends, for a range);
//! - a conversion computed from exact factors and rounded the way writers round is never
//!   flagged, and the same sentence with the converted figure 30% off always is.

use numlint::{Config, InputFormat, Severity, check_source, extract_source};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Groups the digits of `int` in threes with `sep`.
fn grouped(int: u64, sep: &str) -> String {
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// `int` with `decimals` digits after the point taken from `frac`, and its value.
fn decimal(int: u64, frac: u32, decimals: u32, sep: &str) -> (String, f64) {
    let mut s = grouped(int, sep);
    let mut value = int as f64;
    if decimals > 0 {
        let frac = frac % 10u32.pow(decimals);
        s.push_str(&format!(".{frac:0width$}", width = decimals as usize));
        value += frac as f64 / 10f64.powi(decimals as i32);
    }
    (s, value)
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn words(n: u64) -> String {
    match n {
        0..=19 => ONES[n as usize].to_string(),
        _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].to_string(),
        _ => format!("{}-{}", TENS[(n / 10) as usize], ONES[(n % 10) as usize]),
    }
}

/// A figure in one of the styles numlint reads, in a sentence, with the value it stands for.
fn written_figure() -> impl Strategy<Value = (String, f64)> {
    let plain = (0u64..10_000_000, any::<u32>(), 0u32..=3).prop_map(|(i, f, d)| {
        let (s, v) = decimal(i, f, d, "");
        (format!("The survey counted {s} cases last year."), v)
    });
    let grouped = (
        1_000u64..1_000_000_000,
        any::<u32>(),
        0u32..=2,
        prop::sample::select(vec![",", " ", "\u{a0}", "\u{202f}"]),
    )
        .prop_map(|(i, f, d, sep)| {
            let (s, v) = decimal(i, f, d, sep);
            (format!("The survey counted {s} cases last year."), v)
        });
    let scaled = (
        1u64..1000,
        any::<u32>(),
        0u32..=1,
        prop::sample::select(vec![("million", 1e6), ("billion", 1e9)]),
    )
        .prop_map(|(i, f, d, (word, scale))| {
            let (s, v) = decimal(i, f, d, "");
            (format!("The city has {s} {word} residents."), v * scale)
        });
    let money = (
        1u64..1000,
        any::<u32>(),
        0u32..=1,
        prop::sample::select(vec![
            ("m", 1e6),
            ("bn", 1e9),
            (" million", 1e6),
            (" billion", 1e9),
        ]),
    )
        .prop_map(|(i, f, d, (word, scale))| {
            let (s, v) = decimal(i, f, d, "");
            (format!("The firm lost ${s}{word} last year."), v * scale)
        });
    let in_words =
        (2u64..100).prop_map(|n| (format!("The team signed {} players.", words(n)), n as f64));
    let percent = (
        0u64..1000,
        any::<u32>(),
        0u32..=2,
        prop::sample::select(vec!["%", " per cent", " percent"]),
    )
        .prop_map(|(i, f, d, sign)| {
            let (s, v) = decimal(i, f, d, "");
            (format!("Sales rose {s}{sign} in May."), v)
        });
    prop_oneof![plain, grouped, scaled, money, in_words, percent]
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Hedges and ranges around a figure: (sentence, every figure stated).
fn hedged_or_range() -> impl Strategy<Value = (String, Vec<f64>)> {
    let hedged = (
        prop::sample::select(vec![
            "",
            "about ",
            "nearly ",
            "almost ",
            "more than ",
            "at least ",
            "up to ",
            "less than ",
            "roughly ",
            "over ",
            "some ",
        ]),
        1u64..100_000,
        any::<u32>(),
        0u32..=2,
        prop::sample::select(vec![
            "km", "miles", "kg", "tonnes", "metres", "feet", "°C", "%",
        ]),
    )
        .prop_map(|(hedge, i, f, d, unit)| {
            let (s, v) = decimal(i, f, d, ",");
            (format!("The figure was {hedge}{s} {unit} in all."), vec![v])
        });
    // Ends below 1,000 or grouped with commas: "1500-2201" reads as years, not a range.
    let range = (
        1u64..1_000,
        1u64..1_000,
        prop::sample::select(vec![
            "between {a} and {b}",
            "{a}-{b}",
            "{a} to {b}",
            "from {a} to {b}",
        ]),
        prop::sample::select(vec!["km", "miles", "kg", "metres", "%", "people"]),
    )
        .prop_map(|(a, extra, form, unit)| {
            let b = a + extra;
            let figure = form
                .replace("{a}", &grouped(a, ","))
                .replace("{b}", &grouped(b, ","));
            (
                format!("The road is {figure} {unit} long."),
                vec![a as f64, b as f64],
            )
        });
    prop_oneof![hedged, range]
}

/// One conversion a writer might print: the units as written, and the exact function.
struct Pair {
    from: &'static str,
    to: &'static str,
    convert: fn(f64) -> f64,
    template: &'static str,
    /// The source figures drawn.
    range: std::ops::Range<i64>,
}

const MILE_KM: f64 = 1.609_344;
const POUND_KG: f64 = 0.453_592_37;
const FOOT_M: f64 = 0.3048;
const US_GALLON_L: f64 = 3.785_411_784;

fn pairs() -> Vec<Pair> {
    vec![
        Pair {
            from: "km",
            to: "miles",
            convert: |v| v / MILE_KM,
            template: "The road is {a} {from} ({b} {to}) long.",
            range: 5..20_000,
        },
        Pair {
            from: "miles",
            to: "km",
            convert: |v| v * MILE_KM,
            template: "The road is {a} {from} ({b} {to}) long.",
            range: 5..20_000,
        },
        Pair {
            from: "kg",
            to: "lb",
            convert: |v| v / POUND_KG,
            template: "The bag weighs {a} {from} ({b} {to}) in all.",
            range: 5..5_000,
        },
        Pair {
            from: "lb",
            to: "kg",
            convert: |v| v * POUND_KG,
            template: "The bag weighs {a} {from} ({b} {to}) in all.",
            range: 5..5_000,
        },
        Pair {
            from: "metres",
            to: "feet",
            convert: |v| v / FOOT_M,
            template: "The tower is {a} {from} ({b} {to}) tall.",
            range: 5..5_000,
        },
        Pair {
            from: "feet",
            to: "metres",
            convert: |v| v * FOOT_M,
            template: "The tower is {a} {from} ({b} {to}) tall.",
            range: 20..20_000,
        },
        Pair {
            from: "C",
            to: "F",
            convert: |v| v * 9.0 / 5.0 + 32.0,
            template: "The temperature reached {a}{from} ({b}{to}) at noon.",
            range: 10..60,
        },
        Pair {
            from: "F",
            to: "C",
            convert: |v| (v - 32.0) * 5.0 / 9.0,
            template: "The temperature reached {a}{from} ({b}{to}) at noon.",
            range: 60..140,
        },
        Pair {
            from: "litres",
            to: "US gallons",
            convert: |v| v / US_GALLON_L,
            template: "The tank holds {a} {from} ({b} {to}) of fuel.",
            range: 20..5_000,
        },
    ]
}

/// Rounds as a writer does: to a whole number, or to two significant figures.
fn round_like_a_writer(v: f64, two_significant: bool) -> String {
    if two_significant && v.abs() >= 1.0 {
        let digits = v.abs().log10().floor() as i32 + 1;
        let step = 10f64.powi(digits - 2);
        let r = (v / step).round() * step;
        if step >= 1.0 {
            format!("{}", r as i64)
        } else {
            format!("{:.*}", (-step.log10().round()) as usize, r)
        }
    } else {
        format!("{}", v.round() as i64)
    }
}

fn sentence(pair: &Pair, a: i64, b: &str) -> String {
    pair.template
        .replace("{a}", &a.to_string())
        .replace("{from}", pair.from)
        .replace("{b}", b)
        .replace("{to}", pair.to)
}

fn problems(text: &str) -> Vec<String> {
    let report = check_source(text, InputFormat::Text, &Config::default()).expect("checked");
    report
        .findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Error | Severity::Warning))
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect()
}

proptest! {
    #![proptest_config(config())]

    /// (a) A figure written in any style numlint reads parses back to its value.
    #[test]
    fn written_figures_parse_back((text, value) in written_figure()) {
        let report = extract_source(&text, InputFormat::Text, &Config::default());
        let q = report.quantities.first();
        prop_assert!(q.is_some(), "nothing found in {:?}", text);
        let got = q.unwrap().value;
        prop_assert!(
            got.is_some_and(|g| close(g, value)),
            "{:?}: read {:?}, wrote {}", text, got, value
        );
    }

    /// (b) Every quantity's interval (lenient and strict) contains its stated figure; a
    /// range's contains both ends.
    #[test]
    fn intervals_contain_the_stated_figures((text, stated) in hedged_or_range()) {
        let report = extract_source(&text, InputFormat::Text, &Config::default());
        prop_assert!(!report.quantities.is_empty(), "nothing found in {:?}", text);
        let q = &report.quantities[0];
        let figures: Vec<f64> = match (q.value, q.range) {
            (Some(v), _) => vec![v],
            (None, Some((a, b))) => vec![a, b],
            _ => vec![],
        };
        prop_assert!(!figures.is_empty(), "{:?}: no figure", text);
        for (f, s) in figures.iter().zip(&stated) {
            prop_assert!(close(*f, *s), "{:?}: read {}, wrote {}", text, f, s);
        }
        for q in &report.quantities {
            let mut figures = vec![q.stated()];
            if let Some((a, b)) = q.range {
                figures.extend([a, b]);
            }
            if let Some(v) = q.value {
                figures.push(v);
            }
            for f in figures {
                prop_assert!(q.interval.contains(f), "{:?}: {} outside {:?}", text, f, q.interval);
                prop_assert!(q.strict.contains(f), "{:?}: {} outside strict {:?}", text, f, q.strict);
            }
        }
    }

    /// (c) An exact conversion rounded like a writer is never flagged (no error or warning;
    /// style advice such as an over-precise figure is info and allowed); with the converted
    /// figure 30% off it always is.
    #[test]
    fn exact_conversions_pass_and_wrong_ones_are_flagged(
        which in 0usize..9,
        seed in any::<u64>(),
        two_significant in any::<bool>(),
        up in any::<bool>(),
    ) {
        let pairs = pairs();
        let pair = &pairs[which % pairs.len()];
        let span = (pair.range.end - pair.range.start) as u64;
        let a = pair.range.start + (seed % span) as i64;
        let exact = (pair.convert)(a as f64);
        let b = round_like_a_writer(exact, two_significant);
        let right = sentence(pair, a, &b);
        let found = problems(&right);
        prop_assert!(found.is_empty(), "{:?} flagged: {:?}", right, found);

        let off = if up { exact * 1.3 } else { exact * 0.7 };
        let wrong_b = round_like_a_writer(off, two_significant);
        let written: f64 = wrong_b.parse().unwrap();
        // Rounding must not have brought the wrong figure back near the right one, nor made
        // it a round figure whose trailing zeros may be rounding that covers the right one
        // ("1000" read leniently is 500..1500).
        prop_assume!(((written - exact) / exact).abs() >= 0.2);
        let trailing_zeros = if wrong_b.contains('.') {
            0
        } else {
            wrong_b.len() - wrong_b.trim_end_matches('0').len()
        };
        prop_assume!((written - exact).abs() > 0.5 * 10f64.powi(trailing_zeros as i32));
        let wrong = sentence(pair, a, &wrong_b);
        let found = problems(&wrong);
        prop_assert!(!found.is_empty(), "{:?} not flagged (exact {})", wrong, exact);
    }
}
