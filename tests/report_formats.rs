//! Every `check` output format on one hand-made sample, plus the format contracts that CI
//! services rely on: SARIF valid against the official schema, GitHub escaping, stable
//! fingerprints, well-escaped JUnit XML.
//!
//! The findings are built by hand (not by running the checks), so these snapshots change only
//! when a reporter changes.

use numlint::checks::RuleInfo;
use numlint::diagnostic::Expected;
use numlint::extract::Span;
use numlint::report::{self, CheckedFile, ReportOptions, SourceFile};
use numlint::{Finding, Fix, Severity};
use serde_json::Value;

const ARTICLE: &str = "\
The missiles can fly about 900 km (650 miles), officials said.
Sales rose from 40 to 50 units last year, a 20% increase.
In Zürich, the 6,000 km (3,728 miles) pipeline was opened.
";

const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "conversion-mismatch",
        family: "conversion",
        default_severity: Severity::Error,
        default_enabled: true,
        summary: "A converted figure does not match the figure it converts.",
        doc: " ## What it does\n Recomputes a conversion.\n\n ## Example\n `900 km (650 miles)`\n",
    },
    RuleInfo {
        id: "percent-change-mismatch",
        family: "comparison",
        default_severity: Severity::Error,
        default_enabled: true,
        summary: "A stated percent change does not match the figures.",
        doc: " ## What it does\n Recomputes a percent change.\n",
    },
    RuleInfo {
        id: "conversion-overprecise",
        family: "style",
        default_severity: Severity::Info,
        default_enabled: false,
        summary: "A conversion is more precise than the figure it converts.",
        doc: " ## What it does\n Flags false precision.\n",
    },
];

/// The span of the `n`th (0-based) occurrence of `needle` in `text`.
fn span_of(text: &str, needle: &str, n: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("`{needle}` not in sample"))
        .0;
    Span::new(start, start + needle.len())
}

fn article(path: &str, text: &str) -> CheckedFile {
    let mut mismatch = Finding::new(
        "conversion-mismatch",
        Severity::Error,
        span_of(text, "650 miles", 0),
        "900 km is about 559 miles, not 650 miles: the conversion is off by 16%".into(),
    );
    mismatch.expected = Some(Expected {
        text: "559 miles".into(),
        value: 559.234,
        unit: Some("mile".into()),
    });
    mismatch.suggestion = Some(Fix {
        span: span_of(text, "650 miles", 0),
        replacement: "560 miles".into(),
        safe: true,
    });
    mismatch.related = vec![span_of(text, "900 km", 0)];
    mismatch.notes = vec!["650 miles is 1,046 km".into()];

    let mut percent = Finding::new(
        "percent-change-mismatch",
        Severity::Warning,
        span_of(text, "20%", 0),
        "40 to 50 is a rise of 25%, not 20%".into(),
    );
    percent.suggestion = Some(Fix {
        span: span_of(text, "20%", 0),
        replacement: "25%".into(),
        safe: false,
    });

    let mut overprecise = Finding::new(
        "conversion-overprecise",
        Severity::Info,
        span_of(text, "3,728 miles", 0),
        "3,728 miles is more precise than 6,000 km".into(),
    );
    overprecise.suggestion = Some(Fix {
        span: span_of(text, "3,728 miles", 0),
        replacement: "3,700 miles".into(),
        safe: true,
    });

    CheckedFile {
        file: SourceFile::new(path.into(), text.into()),
        findings: vec![mismatch, percent, overprecise],
        passed: vec![],
    }
}

/// The article with findings, then a clean file whose name needs escaping in some formats.
fn sample() -> Vec<CheckedFile> {
    vec![
        article("articles/missiles.md", ARTICLE),
        CheckedFile {
            file: SourceFile::new(
                "articles/clean & tidy.md".into(),
                "No figures here.\n".into(),
            ),
            findings: vec![],
            passed: vec![],
        },
    ]
}

fn rules() -> Vec<&'static RuleInfo> {
    RULES.iter().collect()
}

fn render(f: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    colored::control::set_override(false);
    let mut out = Vec::new();
    f(&mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("reports are UTF-8")
}

fn sarif_of(files: &[CheckedFile], rules: &[&RuleInfo]) -> Value {
    let text = render(|o| report::sarif::write(files, rules, o));
    serde_json::from_str(&text).expect("SARIF output is JSON")
}

#[test]
fn snapshot_human() {
    let opts = ReportOptions::default();
    insta::assert_snapshot!(render(|o| report::human::write(&sample(), &opts, o)));
}

#[test]
fn snapshot_concise() {
    insta::assert_snapshot!(render(|o| report::concise::write(&sample(), o)));
}

#[test]
fn snapshot_json() {
    let opts = ReportOptions::default();
    insta::assert_snapshot!(render(|o| report::json::write(&sample(), &opts, o)));
}

#[test]
fn snapshot_jsonl() {
    let opts = ReportOptions::default();
    insta::assert_snapshot!(render(|o| report::json::write_lines(&sample(), &opts, o)));
}

#[test]
fn snapshot_sarif() {
    let text = render(|o| report::sarif::write(&sample(), &rules(), o));
    let log: Value = serde_json::from_str(&text).expect("SARIF output is JSON");
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["version"],
        env!("CARGO_PKG_VERSION")
    );
    // Redacted so that a version bump does not churn the snapshot.
    let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    assert_eq!(text.matches(&version).count(), 1);
    insta::assert_snapshot!(text.replace(&version, "\"version\": \"[version]\""));
}

#[test]
fn snapshot_github() {
    insta::assert_snapshot!(render(|o| report::github::write(&sample(), o)));
}

#[test]
fn snapshot_junit() {
    insta::assert_snapshot!(render(|o| report::junit::write(&sample(), o)));
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json"))
        .expect("vendored schema is JSON");
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the official schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let validator = sarif_validator();
    let cases = [
        ("sample", sarif_of(&sample(), &rules())),
        // A rule missing from the table still gets a descriptor for its ruleIndex.
        ("no rule table", sarif_of(&sample(), &[])),
        ("no files", sarif_of(&[], &rules())),
    ];
    for (name, log) in &cases {
        let errors = schema_errors(&validator, log);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

/// A named way to spoil a valid SARIF log.
type Breakage = (&'static str, fn(&mut Value));

/// Proves the validator really applies the schema: each broken log must be refused.
#[test]
fn schema_validation_rejects_broken_sarif() {
    let validator = sarif_validator();
    let good = sarif_of(&sample(), &rules());
    let breakages: [Breakage; 5] = [
        ("unknown level", |l| {
            l["runs"][0]["results"][0]["level"] = "fatal".into()
        }),
        ("no message", |l| {
            l["runs"][0]["results"][0]
                .as_object_mut()
                .unwrap()
                .remove("message");
        }),
        ("column 0", |l| {
            l["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] =
                0.into()
        }),
        ("unknown property", |l| {
            l["runs"][0]["colour"] = "blue".into()
        }),
        // `format` checks are on (draft 4 knows `uri`, not `uri-reference`).
        ("relative $schema", |l| l["$schema"] = "sarif.json".into()),
    ];
    for (name, break_it) in breakages {
        let mut log = good.clone();
        break_it(&mut log);
        assert!(!validator.is_valid(&log), "{name} should be invalid");
    }
}

#[test]
fn sarif_regions_point_at_the_quoted_text() {
    let files = sample();
    let log = sarif_of(&files, &rules());
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let chars: Vec<char> = ARTICLE.chars().collect();
    for r in results {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        let snippet = region["snippet"]["text"].as_str().unwrap();
        let (b, bl) = (
            region["byteOffset"].as_u64().unwrap() as usize,
            region["byteLength"].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[b..b + bl], snippet);
        let (c, cl) = (
            region["charOffset"].as_u64().unwrap() as usize,
            region["charLength"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars[c..c + cl].iter().collect::<String>(), snippet);
        let rule = &run["tool"]["driver"]["rules"][r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
    }
    // "ü" is two bytes but one column: the third finding starts at character 26 of line 3.
    let third = &results[2]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (third["startLine"].as_u64(), third["startColumn"].as_u64()),
        (Some(3), Some(26))
    );
    assert_eq!(third["endColumn"].as_u64(), Some(37));
    assert_eq!(
        [
            results[0]["level"].as_str(),
            results[1]["level"].as_str(),
            results[2]["level"].as_str()
        ],
        [Some("error"), Some("warning"), Some("note")]
    );
    let related =
        &results[0]["relatedLocations"][0]["physicalLocation"]["region"]["snippet"]["text"];
    assert_eq!(related, "900 km");
    let fix = &results[1]["fixes"][0];
    assert_eq!(fix["properties"]["safe"], false);
    assert_eq!(
        fix["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "25%"
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "articles/missiles.md"
    );
}

#[test]
fn sarif_fingerprints_survive_edits_above_the_finding() {
    let before = sarif_of(&[article("a.md", ARTICLE)], &rules());
    let shifted = format!("A new first paragraph.\n\n{ARTICLE}");
    let after = sarif_of(&[article("a.md", &shifted)], &rules());
    let prints = |log: &Value| -> Vec<Value> {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["partialFingerprints"]["numlint/v1"].clone())
            .collect()
    };
    let line = |log: &Value| {
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"]
            .clone()
    };
    assert_eq!(line(&before), 1);
    assert_eq!(line(&after), 3);
    assert_eq!(prints(&before), prints(&after));
    // ... but each finding has its own, and another file gives others.
    let p = prints(&before);
    assert!(p[0] != p[1] && p[1] != p[2] && p[0] != p[2]);
    assert_ne!(prints(&sarif_of(&[article("b.md", ARTICLE)], &rules())), p);
}

#[test]
fn sarif_repeated_text_gets_distinct_fingerprints() {
    let text = "It is 5 km (9 miles) away; the other is 5 km (9 miles) away.\n";
    let finding = |n| {
        Finding::new(
            "conversion-mismatch",
            Severity::Error,
            span_of(text, "9 miles", n),
            "off".into(),
        )
    };
    let file = CheckedFile {
        file: SourceFile::new("a.md".into(), text.into()),
        findings: vec![finding(0), finding(1)],
        passed: vec![],
    };
    let log = sarif_of(&[file], &rules());
    let r = &log["runs"][0]["results"];
    assert_ne!(r[0]["partialFingerprints"], r[1]["partialFingerprints"]);
}

#[test]
fn github_escapes_percent_line_breaks_colons_and_commas() {
    let text = "x 50% y\n";
    let mut f = Finding::new(
        "percent-change-mismatch",
        Severity::Info,
        span_of(text, "50%", 0),
        "50% is wrong:\r\nsee a, b".into(),
    );
    f.notes = vec!["100% sure".into()];
    let file = CheckedFile {
        file: SourceFile::new("drafts/a:b,c%.md".into(), text.into()),
        findings: vec![f],
        passed: vec![],
    };
    let out = render(|o| report::github::write(&[file], o));
    assert_eq!(
        out,
        "::notice file=drafts/a%3Ab%2Cc%25.md,line=1,col=3,endLine=1,endColumn=6,\
         title=numlint (percent-change-mismatch)::50%25 is wrong:%0D%0Asee a, b%0Anote: 100%25 sure\n"
    );
}

#[test]
fn junit_counts_failing_files_and_escapes_xml() {
    let text = "Use <b>5 km</b> & \"8 miles\"\n";
    let mut warning = Finding::new(
        "conversion-mismatch",
        Severity::Warning,
        span_of(text, "8 miles", 0),
        "<8> & \"3\"".into(),
    );
    warning.notes = vec!["it's off".into()];
    let info = Finding::new(
        "conversion-overprecise",
        Severity::Info,
        span_of(text, "5 km", 0),
        "a < b".into(),
    );
    let files = [
        CheckedFile {
            file: SourceFile::new("a&b.md".into(), text.into()),
            findings: vec![warning, info],
            passed: vec![],
        },
        CheckedFile {
            file: SourceFile::new("only-info.md".into(), text.into()),
            findings: vec![Finding::new(
                "conversion-overprecise",
                Severity::Info,
                span_of(text, "5 km", 0),
                "x".into(),
            )],
            passed: vec![],
        },
    ];
    let out = render(|o| report::junit::write(&files, o));
    assert!(
        out.contains(r#"<testsuite name="numlint" tests="2" failures="1" errors="0" skipped="0">"#),
        "{out}"
    );
    assert!(
        out.contains(r#"<testcase classname="numlint" name="a&amp;b.md">"#),
        "{out}"
    );
    assert!(out.contains(
        r#"<failure message="&lt;8&gt; &amp; &quot;3&quot;" type="conversion-mismatch">a&amp;b.md:1:20 warning conversion-mismatch &lt;8&gt; &amp; &quot;3&quot;&#10;note: it&apos;s off</failure>"#
    ), "{out}");
    assert!(
        out.contains(
            "<system-out>a&amp;b.md:1:8 info conversion-overprecise a &lt; b</system-out>"
        ),
        "{out}"
    );
    // Info alone does not fail a file.
    assert_eq!(out.matches("<failure").count(), 1);
}

#[test]
fn concise_is_one_line_per_finding_then_the_summary() {
    let out = render(|o| report::concise::write(&sample(), o));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert_eq!(
        lines[2],
        "articles/missiles.md:3:26: info[conversion-overprecise] 3,728 miles is more precise than 6,000 km"
    );
    assert!(lines[3].starts_with("Found 3 problems"), "{out}");
}
