//! numlint.toml end to end: discovery, --config, --isolated, every key, command-line overrides,
//! and errors that name the file, the line and the key.

mod common;

use common::{rule_lines, run_in, tree};

/// Wrong by far (40 km is 24.9 miles): an error.
const WRONG: &str = "It is 40 km (15 miles) away.\n";
/// Over-precise (an info finding): 6,000 km is 3,728.2 miles.
const OVERPRECISE: &str = "The flight covered 6,000 km (3,728 miles).\n";
/// Miles with no metric figure: missing-conversion when it runs.
const MILES_ONLY: &str = "The road is 30 miles long.\n";

fn rules(json: &str) -> Vec<String> {
    rule_lines(json).into_iter().map(|(r, _, _)| r).collect()
}

#[test]
fn discovered_from_the_working_directory_upward() {
    let dir = tree(&[
        ("numlint.toml", "ignore = [\"conversion-mismatch\"]\n"),
        ("news/world/story.md", WRONG),
    ]);
    let deep = dir.path().join("news/world");
    let (code, out, err) = run_in(&deep, &["check", "--format", "json", "story.md"], "");
    assert_eq!(code, 0, "{err}");
    assert!(rules(&out).is_empty(), "{out}");
    // --isolated ignores it.
    let (code, out, _) = run_in(
        &deep,
        &["check", "--isolated", "--format", "json", "story.md"],
        "",
    );
    assert_eq!(code, 1);
    assert_eq!(rules(&out), ["conversion-mismatch"]);
}

#[test]
fn dotted_name_and_nearest_file_win() {
    let dir = tree(&[
        ("numlint.toml", "fail-on = \"never\"\n"),
        (
            "desk/.numlint.toml",
            "ignore = [\"conversion-overprecise\"]\n",
        ),
        ("desk/a.md", OVERPRECISE),
        ("desk/b.md", WRONG),
    ]);
    let desk = dir.path().join("desk");
    // desk/.numlint.toml applies, not the fail-on = "never" above it.
    let (code, out, _) = run_in(&desk, &["check", "--format", "json", "a.md", "b.md"], "");
    assert_eq!(rules(&out), ["conversion-mismatch"]);
    assert_eq!(code, 1);
}

#[test]
fn config_flag_names_the_file_and_flags_override_it() {
    let dir = tree(&[
        (
            "house/style.toml",
            "fail-on = \"info\"\nextend-select = [\"missing-conversion\"]\n",
        ),
        ("a.md", MILES_ONLY),
    ]);
    let p = dir.path();
    let (code, out, _) = run_in(
        p,
        &[
            "check",
            "--config",
            "house/style.toml",
            "--format",
            "json",
            "a.md",
        ],
        "",
    );
    assert_eq!(rules(&out), ["missing-conversion"]);
    assert_eq!(code, 1, "a warning fails with fail-on = info");
    // The command line overrides the file.
    let (code, _, _) = run_in(
        p,
        &[
            "check",
            "--config",
            "house/style.toml",
            "--fail-on",
            "error",
            "a.md",
        ],
        "",
    );
    assert_eq!(code, 0);
    let (_, out, _) = run_in(
        p,
        &[
            "check",
            "--config",
            "house/style.toml",
            "--select",
            "conversion-mismatch",
            "--format",
            "json",
            "a.md",
        ],
        "",
    );
    assert!(
        rules(&out).is_empty(),
        "--select replaces the file's selection"
    );
    // A missing --config file is an error, not a silent default.
    let (code, _, err) = run_in(p, &["check", "--config", "nope.toml", "a.md"], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("nope.toml: cannot read the configuration file"),
        "{err}"
    );
    // --config and --isolated contradict each other.
    let (code, _, _) = run_in(
        p,
        &[
            "check",
            "--config",
            "house/style.toml",
            "--isolated",
            "a.md",
        ],
        "",
    );
    assert_eq!(code, 2);
}

#[test]
fn command_line_extend_select_beats_the_file_ignore() {
    let dir = tree(&[
        ("numlint.toml", "ignore = [\"missing-conversion\"]\n"),
        ("a.md", MILES_ONLY),
    ]);
    let (_, out, _) = run_in(
        dir.path(),
        &[
            "check",
            "--extend-select",
            "missing-conversion",
            "--format",
            "json",
            "a.md",
        ],
        "",
    );
    assert_eq!(rules(&out), ["missing-conversion"]);
}

#[test]
fn rule_severity_and_house_style_options() {
    let dir = tree(&[
        (
            "numlint.toml",
            r#"
extend-select = ["missing-conversion", "conversion-order"]

[rules.conversion-mismatch]
severity = "warning"

[rules.missing-conversion]
primary-system = "imperial"
dimensions = ["length"]
"#,
        ),
        (
            "a.md",
            "It is 40 km (15 miles) away.\n\nThe bag weighs 20 kg.\n\nThe road is 30 km long.\n",
        ),
    ]);
    let (code, out, _) = run_in(dir.path(), &["check", "--format", "json", "a.md"], "");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let found: Vec<(String, String, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    // Imperial first: "40 km (15 miles)" is in the wrong order; km alone needs miles; kg is
    // not a configured dimension.
    assert!(
        found.contains(&("conversion-mismatch".into(), "warning".into(), 1)),
        "{found:?}"
    );
    assert!(
        found.contains(&("conversion-order".into(), "warning".into(), 1)),
        "{found:?}"
    );
    assert!(
        found.contains(&("missing-conversion".into(), "warning".into(), 5)),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|f| f.2 == 3),
        "kg is not a configured dimension: {found:?}"
    );
    assert_eq!(code, 0, "only warnings now");
}

#[test]
fn vocabulary_files_extend_the_rules() {
    let units = r#"
[[unit]]
id = "league"
uom = "length::mile"
multiple = 3
name = "league"
system = "imperial"
names = ["league", "leagues"]
"#;
    let text = "The ship sailed 10 leagues (20 km) before dawn.\n";
    let dir = tree(&[
        (
            "cfg/numlint.toml",
            "[vocabulary]\nfiles = [\"vocab/house-units.toml\"]\n",
        ),
        ("cfg/vocab/house-units.toml", units),
        ("a.md", text),
    ]);
    let p = dir.path();
    let (_, out, _) = run_in(p, &["check", "--isolated", "--format", "json", "a.md"], "");
    assert!(
        rules(&out).is_empty(),
        "leagues are unknown without the file"
    );
    // The path in the file is relative to the file, not to the working directory.
    let (code, out, err) = run_in(
        p,
        &[
            "check",
            "--config",
            "cfg/numlint.toml",
            "--format",
            "json",
            "a.md",
        ],
        "",
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        rules(&out),
        ["conversion-mismatch"],
        "30 miles is 48 km, not 20"
    );
}

#[test]
fn bad_vocabulary_files_are_config_errors() {
    let dir = tree(&[
        (
            "numlint.toml",
            "[vocabulary]\nfiles = [\n  \"missing-units.toml\",\n]\n",
        ),
        ("a.md", WRONG),
    ]);
    let (code, _, err) = run_in(dir.path(), &["check", "a.md"], "");
    assert_eq!(code, 2);
    assert!(err.contains("numlint.toml:3:"), "{err}");
    assert!(err.contains("missing-units.toml"), "{err}");

    let dir = tree(&[
        ("numlint.toml", "[vocabulary]\nfiles = [\"units-x.toml\"]\n"),
        ("units-x.toml", "[[unit]]\nid = \"x\"\nbogus = 1\n"),
        ("a.md", WRONG),
    ]);
    let (code, _, err) = run_in(dir.path(), &["check", "a.md"], "");
    assert_eq!(code, 2);
    assert!(err.contains("units-x.toml"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn exclude_globs_in_the_file() {
    let dir = tree(&[
        ("numlint.toml", "exclude = [\"drafts/**\", \"*.old.md\"]\n"),
        ("news/a.md", WRONG),
        ("news/drafts/b.md", WRONG),
        ("news/c.old.md", WRONG),
    ]);
    let (_, out, _) = run_in(dir.path(), &["check", "--format", "json", "news"], "");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let paths: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["news/a.md"]);
}

#[test]
fn errors_name_file_line_and_key() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "select = [\"conversion\"]\nfail-on = \"error\"\nselcet = [\"x\"]\n",
            "numlint.toml:3:",
            "unknown key `selcet`",
        ),
        (
            "[rules.conversion-mismach]\nseverity = \"info\"\n",
            "numlint.toml:1:",
            "unknown rule `rules.conversion-mismach`",
        ),
        (
            "\n[rules.share-mismatch]\nseverity = \"fatal\"\n",
            "numlint.toml:3:",
            "`rules.share-mismatch.severity`",
        ),
        (
            "[rules.missing-conversion]\nprimary-system = \"nautical\"\n",
            "numlint.toml:2:",
            "`rules.missing-conversion.primary-system`",
        ),
        (
            "[rules.ratio-mismatch]\ndimensions = [\"length\"]\n",
            "numlint.toml:2:",
            "unknown key `rules.ratio-mismatch.dimensions`",
        ),
        (
            "extend-select = [\"missing-conversions\"]\n",
            "numlint.toml:1:",
            "unknown rule `missing-conversions`",
        ),
        ("fail-on = \"sometimes\"\n", "numlint.toml:1:", "`fail-on`"),
        ("locale = \"en-AU\"\n", "numlint.toml:1:", "`locale`"),
        ("exclude = \"drafts\"\n", "numlint.toml:1:", "`exclude`"),
        ("exclude = [\"a[\"]\n", "numlint.toml:1:", "`exclude`"),
        (
            "[vocabulary]\nfile = []\n",
            "numlint.toml:2:",
            "`vocabulary.file`",
        ),
        ("ignore = [\n", "numlint.toml:", "invalid TOML"),
    ];
    for (toml, at, what) in cases {
        let dir = tree(&[("numlint.toml", toml), ("a.md", WRONG)]);
        let (code, out, err) = run_in(dir.path(), &["check", "a.md"], "");
        assert_eq!(code, 2, "{toml}: {err}");
        assert!(out.is_empty(), "{toml}: nothing checked: {out}");
        assert!(
            err.starts_with(&format!("numlint: error: {at}")),
            "{toml}: {err}"
        );
        assert!(err.contains(what), "{toml}: {err}");
        assert_eq!(err.lines().count(), 1, "{toml}: one line: {err}");
    }
}

#[test]
fn extract_reads_the_configuration_too() {
    let dir = tree(&[
        ("numlint.toml", "locale = \"en-US\"\n"),
        ("a.md", "It holds 5 gallons.\n"),
    ]);
    let (code, out, err) = run_in(dir.path(), &["extract", "--format", "json", "a.md"], "");
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let q = &v["quantities"][0];
    assert_eq!(q["unit"], "US gallon", "{q}");
    assert_eq!(q["ambiguous"], serde_json::json!([]), "{q}");
    let (_, out, _) = run_in(
        dir.path(),
        &["extract", "--isolated", "--format", "json", "a.md"],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let q = &v["quantities"][0];
    assert_eq!(
        q["ambiguous"],
        serde_json::json!(["imperial gallon"]),
        "{q}"
    );
}
