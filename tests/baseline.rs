//! Baselines: recorded findings stay quiet after the text around them moves; new ones show.

mod common;

use common::{rule_lines, run_in, tree};

const STORY: &str = "\
# Launch

It is 40 km (15 miles) away.

The trail is 10 km (3 miles) long.
";

fn texts(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn write_then_match_after_lines_shift() {
    let dir = tree(&[("news/a.md", STORY)]);
    let p = dir.path();
    let (code, out, err) = run_in(p, &["check", "--write-baseline", "base.json", "news"], "");
    assert_eq!(
        code, 0,
        "writing a baseline succeeds even with errors: {err}"
    );
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("recorded 2 findings in base.json"), "{err}");
    let base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p.join("base.json")).unwrap()).unwrap();
    assert_eq!(base["version"], 1);
    assert_eq!(base["findings"][0]["path"], "news/a.md");
    assert_eq!(base["findings"][0]["text"], "40 km (15 miles");
    assert!(
        base["findings"][0].get("line").is_none(),
        "lines are not recorded"
    );

    // Edit above: three new lines, one of them a new wrong conversion.
    let edited = format!(
        "Breaking.\n\nA new figure: 70 km (10 miles).\n\n{}",
        STORY.replace("# Launch", "# Launch, updated")
    );
    std::fs::write(p.join("news/a.md"), &edited).unwrap();
    let (code, out, _) = run_in(
        p,
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "json",
            "news",
        ],
        "",
    );
    assert_eq!(texts(&out), ["70 km (10 miles"]);
    assert_eq!(rule_lines(&out), [("conversion-mismatch".into(), 3, 15)]);
    assert_eq!(code, 1, "the new error fails the run");

    // Without the new figure, the baseline silences everything, whichever way the path is
    // written.
    std::fs::write(p.join("news/a.md"), format!("Intro.\n\n{STORY}")).unwrap();
    let (code, out, err) = run_in(
        p,
        &[
            "check",
            "--baseline",
            "base.json",
            "--format",
            "json",
            "./news/a.md",
        ],
        "",
    );
    assert!(texts(&out).is_empty(), "{out}");
    assert_eq!(code, 0, "{err}");
}

#[test]
fn repeated_text_is_matched_by_occurrence() {
    let one = "It is 40 km (15 miles) away.\n";
    let dir = tree(&[("a.md", one)]);
    let p = dir.path();
    run_in(p, &["check", "--write-baseline", "b.json", "a.md"], "");
    // The same wrong sentence again, below: the second one is new.
    std::fs::write(p.join("a.md"), format!("{one}\n{one}")).unwrap();
    let (code, out, _) = run_in(
        p,
        &["check", "--baseline", "b.json", "--format", "json", "a.md"],
        "",
    );
    assert_eq!(code, 1);
    assert_eq!(rule_lines(&out), [("conversion-mismatch".into(), 3, 7)]);
}

#[test]
fn fixed_findings_are_noted_and_bad_baselines_refused() {
    let dir = tree(&[("a.md", STORY)]);
    let p = dir.path();
    run_in(p, &["check", "--write-baseline", "b.json", "a.md"], "");
    std::fs::write(p.join("a.md"), "It is 40 km (15 miles) away.\n").unwrap();
    let (code, _, err) = run_in(p, &["check", "--baseline", "b.json", "a.md"], "");
    assert_eq!(code, 0);
    assert!(err.contains("1 finding in the baseline is gone"), "{err}");

    std::fs::write(p.join("bad.json"), "[1, 2]").unwrap();
    let (code, out, err) = run_in(p, &["check", "--baseline", "bad.json", "a.md"], "");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("bad.json: not a numlint baseline"), "{err}");
    let (code, _, err) = run_in(p, &["check", "--baseline", "missing.json", "a.md"], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("missing.json: cannot read the baseline"),
        "{err}"
    );
}

#[test]
fn files_not_checked_this_time_are_not_called_gone() {
    let dir = tree(&[("a.md", STORY), ("b.md", STORY)]);
    let p = dir.path();
    run_in(
        p,
        &["check", "--write-baseline", "b.json", "a.md", "b.md"],
        "",
    );
    let (code, out, err) = run_in(
        p,
        &["check", "--baseline", "b.json", "--format", "json", "a.md"],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(texts(&out).is_empty(), "{out}");
    assert!(!err.contains("gone"), "{err}");
}
