//! Every suppression form, end to end, in Markdown, HTML and plain text; and
//! `unused-suppression` for comments that silence nothing.

mod common;

use common::{rule_lines, run};

/// (rule, line) of every finding in `text`, read as `name` says.
fn found(name: &str, text: &str) -> Vec<(String, u64)> {
    let (code, out, err) = run(
        &["check", "--format", "json", "--stdin-filename", name, "-"],
        text,
    );
    assert!(code == 0 || code == 1, "{err}");
    rule_lines(&out)
        .into_iter()
        .map(|(r, l, _)| (r, l))
        .collect()
}

fn at(rule: &str, line: u64) -> (String, u64) {
    (rule.to_string(), line)
}

#[test]
fn markdown_disable_next_line_all_and_one_rule() {
    let md = "\
<!-- numlint-disable-next-line -->
It is 40 km (15 miles) away.

<!-- numlint-disable-next-line conversion-mismatch -->
The trail is 10 km (3 miles) long.

<!-- numlint-disable-next-line ratio-mismatch -->
The road is 70 km (10 miles) long.

Then 50 km (10 miles).
";
    assert_eq!(
        found("a.md", md),
        [
            at("unused-suppression", 7),
            at("conversion-mismatch", 8),
            at("conversion-mismatch", 10),
        ]
    );
}

#[test]
fn markdown_next_line_skips_blank_lines_and_covers_only_one_line() {
    let md = "\
<!-- numlint-disable-next-line -->

It is 40 km (15 miles) away,
and 50 km (10 miles) further.
";
    assert_eq!(found("a.md", md), [at("conversion-mismatch", 4)]);
}

#[test]
fn markdown_disable_enable_block() {
    let md = "\
It is 40 km (15 miles) away.

<!-- numlint-disable -->
It is 50 km (15 miles) away.

It is 60 km (15 miles) away.
<!-- numlint-enable -->

It is 70 km (15 miles) away.
";
    assert_eq!(
        found("a.md", md),
        [at("conversion-mismatch", 1), at("conversion-mismatch", 9)]
    );
}

#[test]
fn disable_runs_to_the_end_without_enable() {
    let md = "\
It is 40 km (15 miles) away.

<!-- numlint-disable conversion -->
It is 50 km (15 miles) away.

It is 60 km (15 miles) away.
";
    // A family name covers its rules.
    assert_eq!(found("a.md", md), [at("conversion-mismatch", 1)]);
}

#[test]
fn enable_naming_a_rule_ends_only_that_rule() {
    let md = "\
<!-- numlint-disable conversion-mismatch ratio-mismatch -->
It is 40 km (15 miles) away.
<!-- numlint-enable conversion-mismatch -->

It is 50 km (15 miles) away.
";
    // ratio-mismatch stays disabled but never fires: the comment still silenced something.
    assert_eq!(found("a.md", md), [at("conversion-mismatch", 5)]);

    let md = "\
<!-- numlint-disable -->
It is 40 km (15 miles) away.
<!-- numlint-enable conversion-mismatch -->

It is 50 km (15 miles) away.
";
    assert_eq!(found("a.md", md), [at("conversion-mismatch", 5)]);
}

#[test]
fn same_line_comment_in_markdown() {
    let md = "\
It is 40 km (15 miles) away. <!-- numlint: ignore -->
It is 50 km (15 miles) away.
";
    assert_eq!(found("a.md", md), [at("conversion-mismatch", 2)]);
}

#[test]
fn html_forms() {
    let html = "\
<html><body>
<!-- numlint-disable-next-line -->
<p>It is 40 km (15 miles) away.</p>
<!-- numlint-disable conversion-mismatch -->
<p>It is 50 km (15 miles) away.</p>
<p>It is 60 km (15 miles) away.</p>
<!-- numlint-enable conversion-mismatch -->
<p>It is 70 km (15 miles) away.</p>
<p>It is 80 km (15 miles) away.</p> <!-- numlint: ignore -->
<script>/* <!-- numlint-disable --> */</script>
<p>It is 90 km (15 miles) away.</p>
</body></html>
";
    assert_eq!(
        found("a.html", html),
        [at("conversion-mismatch", 8), at("conversion-mismatch", 11)]
    );
}

#[test]
fn plain_text_ignore_marker_and_comment_lines() {
    let txt = "\
It is 40 km (15 miles) away. numlint: ignore
It is 50 km (15 miles) away. numlint: ignore ratio-mismatch

numlint-disable-next-line conversion-mismatch
It is 60 km (15 miles) away.

It is 70 km (15 miles) away.
";
    assert_eq!(
        found("a.txt", txt),
        [
            at("conversion-mismatch", 2),
            at("unused-suppression", 2),
            at("conversion-mismatch", 7),
        ]
    );
}

#[test]
fn unused_suppressions_are_reported_with_what_they_name() {
    let md = "\
<!-- numlint-disable-next-line -->
The trail is 10 km (6.2 miles) long.

<!-- numlint-disable-next-line conversion-mismach -->
It is 40 km (15 miles) away.

<!-- numlint-enable -->
";
    let (_, out, _) = run(
        &["check", "--format", "json", "--stdin-filename", "a.md", "-"],
        md,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let msgs: Vec<(u64, &str, &str)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["severity"].as_str().unwrap(),
                f["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(msgs.len(), 4, "{msgs:?}");
    assert_eq!(msgs[0].0, 1);
    assert_eq!(msgs[0].1, "info");
    assert!(msgs[0].2.contains("silences nothing"), "{msgs:?}");
    assert_eq!(msgs[1].0, 4);
    assert!(
        msgs[1].2.contains("unknown rule: conversion-mismach"),
        "{msgs:?}"
    );
    assert_eq!(msgs[2].0, 5, "the misspelt comment does not hide the error");
    assert_eq!(msgs[3].0, 7);
    assert!(msgs[3].2.contains("ends no numlint-disable"), "{msgs:?}");
}

#[test]
fn comments_for_rules_that_do_not_run_are_not_called_unused() {
    let md = "\
<!-- numlint-disable-next-line missing-conversion -->
The road is 30 miles long.
";
    assert!(found("a.md", md).is_empty(), "missing-conversion is off");
    let (_, out, _) = run(
        &[
            "check",
            "--extend-select",
            "missing-conversion",
            "--format",
            "json",
            "--stdin-filename",
            "a.md",
            "-",
        ],
        md,
    );
    assert!(
        rule_lines(&out).is_empty(),
        "on, it silences the finding: {out}"
    );
    let (_, out, _) = run(
        &[
            "check",
            "--ignore",
            "unused-suppression",
            "--format",
            "json",
            "--stdin-filename",
            "a.md",
            "-",
        ],
        "<!-- numlint-disable-next-line -->\nNothing here.\n",
    );
    assert!(rule_lines(&out).is_empty(), "{out}");
}

#[test]
fn unused_suppression_severity_follows_the_configuration() {
    let dir = common::tree(&[
        (
            "numlint.toml",
            "[rules.unused-suppression]\nseverity = \"error\"\n",
        ),
        (
            "a.md",
            "<!-- numlint-disable-next-line -->\nThe trail is 10 km (6.2 miles) long.\n",
        ),
    ]);
    let (code, out, _) = common::run_in(dir.path(), &["check", "--format", "json", "a.md"], "");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"][0]["rule"], "unused-suppression");
    assert_eq!(v["findings"][0]["severity"], "error");
    assert_eq!(code, 1, "a stale comment now fails the run");
}
