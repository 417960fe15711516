//! The fuzz harnesses, shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`) and by the
//! regression test that replays their crashing inputs (`tests/robustness.rs`).
//!
//! Each harness takes arbitrary bytes, goes through the public file-reading path
//! (`files::decode`, strict and lossy) and then through the library entry points the binary
//! uses, and asserts that what comes out is sane: every span inside the text and on character
//! boundaries, lines and columns from 1, no NaN anywhere, fixes that leave valid text.
#![allow(dead_code)]

use numlint::extract::{Locale, Span};
use numlint::source::LineIndex;
use numlint::{Config, InputFormat, check_source, extract_source, files, fix};

/// The bytes as the binary would read them: refused or decoded strictly, and decoded lossily
/// (what `--lossy` gives). The lossy text is what the harnesses check, so that NUL bytes and
/// invalid UTF-8 still reach the pipeline.
fn decode(data: &[u8]) -> String {
    let strict = files::decode("fuzz", data.to_vec(), false);
    let lossy = files::decode("fuzz", data.to_vec(), true);
    match (&strict, &lossy) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "lossy decoding changed valid text"),
        (Err(_), Ok(_)) => assert!(std::str::from_utf8(data).is_err()),
        (_, Err(_)) => assert!(data[..data.len().min(8192)].contains(&0), "{lossy:?}"),
    }
    let text = String::from_utf8_lossy(data);
    // A byte-order mark is dropped by `decode`; keep the text the library would see.
    text.strip_prefix('\u{feff}').unwrap_or(&text).to_string()
}

/// A configuration that runs every rule (house style and dates too), in a locale picked by
/// the input so that all three are exercised.
fn config(data: &[u8]) -> Config {
    let mut config = Config::default();
    config.rules.select = Some(vec!["ALL".into()]);
    config.date = Some("2024-01-05".into());
    config.locale = match data.first().map_or(0, |b| b % 3) {
        0 => Locale::Unknown,
        1 => Locale::EnGb,
        _ => Locale::EnUs,
    };
    config
}

fn span_ok(text: &str, lines: &LineIndex, s: Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{what} span {s:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{what} span {s:?} not on character boundaries"
    );
    for pos in [s.start, s.end] {
        let (line, col) = lines.line_col(text, pos);
        assert!(line >= 1 && col >= 1, "{what}: line {line} column {col}");
    }
}

fn number_ok(v: f64, what: &str) {
    assert!(!v.is_nan(), "{what} is NaN");
}

/// Extraction on `format`: spans and numbers.
pub fn extract(data: &[u8], format: InputFormat) {
    let text = decode(data);
    let config = config(data);
    let report = extract_source(&text, format, &config);
    let lines = LineIndex::new(&text);
    for q in &report.quantities {
        span_ok(&text, &lines, q.span, "quantity");
        span_ok(&text, &lines, q.number_span, "number");
        span_ok(&text, &lines, q.digits_span, "digits");
        if let Some(s) = q.high_digits_span {
            span_ok(&text, &lines, s, "high digits");
        }
        if let Some(s) = q.unit_span {
            span_ok(&text, &lines, s, "unit");
        }
        if let Some(s) = q.hedge_span {
            span_ok(&text, &lines, s, "hedge");
        }
        if let Some(v) = q.value {
            number_ok(v, "value");
        }
        if let Some((a, b)) = q.range {
            number_ok(a, "range start");
            number_ok(b, "range end");
        }
        for i in [q.interval, q.strict] {
            number_ok(i.lo, "interval low");
            number_ok(i.hi, "interval high");
            assert!(i.lo <= i.hi, "interval {i:?}");
        }
        number_ok(q.stated(), "stated figure");
    }
    for m in &report.multipliers {
        span_ok(&text, &lines, m.span, "multiplier");
        number_ok(m.factor, "multiplier");
    }
    for f in &report.fractions {
        span_ok(&text, &lines, f.span, "fraction");
        number_ok(f.value, "fraction");
    }
    for d in &report.dates {
        span_ok(&text, &lines, d.span, "date");
    }
}

/// The whole check pipeline on `format`: findings, their fixes and the claims that held.
/// Returns the text checked and the findings.
pub fn check(data: &[u8], format: InputFormat) -> (String, Vec<numlint::Finding>) {
    let text = decode(data);
    let config = config(data);
    let report = check_source(&text, format, &config).expect("check_source");
    let lines = LineIndex::new(&text);
    for f in &report.findings {
        span_ok(&text, &lines, f.span, f.rule);
        if let Some(fix) = &f.suggestion {
            span_ok(&text, &lines, fix.span, "fix");
        }
        for r in &f.related {
            span_ok(&text, &lines, *r, "related");
        }
        if let Some(e) = &f.expected {
            number_ok(e.value, "expected value");
            assert!(!e.text.contains("NaN"), "{}", e.text);
        }
        assert!(!f.message.contains("NaN"), "{}", f.message);
    }
    for p in &report.passed {
        span_ok(&text, &lines, p.span, "passed");
    }
    (text, report.findings)
}

/// Applying the fixes (safe, then safe and unsafe) leaves valid text that the pipeline reads
/// again with the same guarantees. That a second run finds nothing more to fix is not promised
/// (a fix may reveal another claim), so it is not asserted.
pub fn fix_roundtrip(data: &[u8]) {
    let format = match data.first().map_or(0, |b| b % 3) {
        0 => InputFormat::Text,
        1 => InputFormat::Markdown,
        _ => InputFormat::Html,
    };
    let (text, findings) = check(data, format);
    for unsafe_fixes in [false, true] {
        let fixed = fix::apply(&text, &findings, unsafe_fixes);
        let n = findings.len();
        assert!(
            fixed
                .applied
                .iter()
                .chain(&fixed.overlapping)
                .all(|i| *i < n)
        );
        // The fixed text is a `String`, so valid UTF-8; check it again through the bytes path.
        check(fixed.text.as_bytes(), format);
        let _ = fix::unified_diff("fuzz", &text, &fixed.text);
    }
}
