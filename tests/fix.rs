//! --fix, --diff and --unsafe-fixes end to end: what is written, what is not, and exit codes.

mod common;

use common::{rule_lines, run, run_in, tree};

/// Three wrong conversions, a multi-byte character before them, a fix that makes the text
/// longer ("3" -> "6.2") before others on the same line, and one finding with no fix.
const STORY: &str = "\
# Zürich – Genève

The trail is 10 km (3 miles) long and 5 km (1 mile) wide.

The plane flew 900 km (650 miles) on Friday.

Sales doubled from 10 to 30 units.
";

const FIXED: &str = "\
# Zürich – Genève

The trail is 10 km (6.2 miles) long and 5 km (3.1 miles) wide.

The plane flew 900 km (560 miles) on Friday.

Sales doubled from 10 to 30 units.
";

#[test]
fn several_fixes_all_applied_with_offsets_right() {
    let dir = tree(&[("a.md", STORY)]);
    let p = dir.path();
    let (code, out, err) = run_in(p, &["check", "--fix", "--format", "json", "a.md"], "");
    assert_eq!(std::fs::read_to_string(p.join("a.md")).unwrap(), FIXED);
    assert!(err.contains("fixed 3 findings in 1 file"), "{err}");
    // What remains is reported against the fixed text, and decides the exit code.
    assert_eq!(rule_lines(&out), [("ratio-mismatch".into(), 7, 7)]);
    assert_eq!(code, 1);
    // A second run has nothing left to fix.
    let (_, _, err) = run_in(p, &["check", "--fix", "a.md"], "");
    assert!(err.contains("fixed 0 findings in 0 files"), "{err}");
    assert_eq!(std::fs::read_to_string(p.join("a.md")).unwrap(), FIXED);
}

#[test]
fn exit_code_after_fix_is_zero_when_nothing_remains() {
    let dir = tree(&[("a.txt", "It is 40 km (15 miles) away.\n")]);
    let (code, out, err) = run_in(dir.path(), &["check", "--fix", "a.txt"], "");
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "It is 40 km (25 miles) away.\n"
    );
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = tree(&[("a.md", STORY)]);
    let p = dir.path();
    let (code, out, err) = run_in(p, &["check", "--diff", "a.md"], "");
    // Blank context lines are a single space, written as "\x20" so editors keep them.
    let expected = [
        "--- a.md",
        "+++ a.md",
        "@@ -1,7 +1,7 @@",
        " # Zürich – Genève",
        "\x20",
        "-The trail is 10 km (3 miles) long and 5 km (1 mile) wide.",
        "+The trail is 10 km (6.2 miles) long and 5 km (3.1 miles) wide.",
        "\x20",
        "-The plane flew 900 km (650 miles) on Friday.",
        "+The plane flew 900 km (560 miles) on Friday.",
        "\x20",
        " Sales doubled from 10 to 30 units.",
        "",
    ];
    assert_eq!(out, expected.join("\n"));
    assert!(err.contains("would fix 3 findings in 1 file"), "{err}");
    assert_eq!(code, 1, "the file still has its errors");
    assert_eq!(std::fs::read_to_string(p.join("a.md")).unwrap(), STORY);
    // The diff applies with patch -p0 to give what --fix writes.
    let status = std::process::Command::new("patch")
        .args(["-p0", "--quiet"])
        .current_dir(p)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(out.as_bytes())?;
            c.wait()
        });
    if let Ok(s) = status {
        assert!(s.success());
        assert_eq!(std::fs::read_to_string(p.join("a.md")).unwrap(), FIXED);
    }
}

#[test]
fn read_only_file_is_left_alone_with_a_clear_error() {
    let dir = tree(&[("locked.md", STORY), ("open.md", STORY)]);
    let p = dir.path();
    let locked = p.join("locked.md");
    let mut perms = std::fs::metadata(&locked).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&locked, perms).unwrap();
    // Root may write anything, and a rename needs only the directory's permission: numlint
    // must refuse by itself.
    let (code, _, err) = run_in(p, &["check", "--fix", "locked.md", "open.md"], "");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("numlint: error: locked.md: not fixed: the file is read-only"),
        "{err}"
    );
    assert_eq!(err.matches("not fixed").count(), 1, "{err}");
    assert_eq!(std::fs::read_to_string(&locked).unwrap(), STORY);
    assert!(std::fs::metadata(&locked).unwrap().permissions().readonly());
    assert_eq!(std::fs::read_to_string(p.join("open.md")).unwrap(), FIXED);
    assert!(err.contains("fixed 3 findings in 1 file"), "{err}");
}

#[test]
fn stdin_with_fix_prints_the_fixed_text() {
    let (code, out, err) = run(
        &["check", "--fix", "--stdin-filename", "story.md", "-"],
        STORY,
    );
    assert_eq!(out, FIXED);
    assert!(
        err.contains("ratio-mismatch"),
        "the rest is reported on stderr: {err}"
    );
    assert_eq!(code, 1);
    let (code, out, _) = run(
        &["check", "--fix", "-"],
        "Nothing to fix: 10 km (6.2 miles).\n",
    );
    assert_eq!(out, "Nothing to fix: 10 km (6.2 miles).\n");
    assert_eq!(code, 0);
}

#[test]
fn unsafe_fixes_only_when_asked() {
    let text = "The convoy travelled 550 miles (885 km).\n";
    let args = |extra: &[&'static str]| {
        let mut v = vec!["check", "--select", "conversion-order", "--diff"];
        v.extend_from_slice(extra);
        v.push("-");
        v
    };
    let (_, out, err) = run(&args(&[]), text);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("would fix 0 findings"), "{err}");
    let (_, out, _) = run(&args(&["--unsafe-fixes"]), text);
    assert!(
        out.contains("+The convoy travelled 885 km (550 miles).\n"),
        "{out}"
    );
    let (code, _, err) = run(&["check", "--unsafe-fixes", "-"], text);
    assert_eq!(code, 2);
    assert!(
        err.contains("--unsafe-fixes needs --fix or --diff"),
        "{err}"
    );
}

#[test]
fn byte_order_mark_and_line_endings_survive() {
    let text = "\u{feff}It is 40 km (15 miles) away.\r\n\r\nThe end.\r\n";
    let dir = tree(&[("a.txt", text)]);
    run_in(dir.path(), &["check", "--fix", "a.txt"], "");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "\u{feff}It is 40 km (25 miles) away.\r\n\r\nThe end.\r\n"
    );
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tree(&[("a.md", "It is 40 km (15 miles) away.\n")]);
    let f = dir.path().join("a.md");
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o604)).unwrap();
    run_in(dir.path(), &["check", "--fix", "a.md"], "");
    assert_eq!(
        std::fs::metadata(&f).unwrap().permissions().mode() & 0o777,
        0o604
    );
    assert!(std::fs::read_to_string(&f).unwrap().contains("25 miles"));
}

#[test]
fn lossy_files_are_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, b"It is 40 km (15 miles) away. \xff\n").unwrap();
    let (code, _, err) = run_in(dir.path(), &["check", "--fix", "--lossy", "a.txt"], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("a.txt: not fixed: --lossy replaced invalid UTF-8"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&f).unwrap(),
        b"It is 40 km (15 miles) away. \xff\n"
    );
}

#[test]
fn a_file_named_twice_is_fixed_once() {
    let dir = tree(&[("news/a.md", "It is 40 km (15 miles) away.\n")]);
    let (code, _, err) = run_in(
        dir.path(),
        &["check", "--fix", "news/a.md", "./news/a.md", "news"],
        "",
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("fixed 1 finding in 1 file"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("news/a.md")).unwrap(),
        "It is 40 km (25 miles) away.\n"
    );
}

#[test]
fn diff_goes_to_the_output_file() {
    let dir = tree(&[("a.md", "It is 40 km (15 miles) away.\n")]);
    let (_, out, _) = run_in(
        dir.path(),
        &["check", "--diff", "-o", "fix.diff", "a.md"],
        "",
    );
    assert!(out.is_empty(), "{out}");
    let diff = std::fs::read_to_string(dir.path().join("fix.diff")).unwrap();
    assert!(diff.contains("+It is 40 km (25 miles) away.\n"), "{diff}");
}

#[test]
fn overlapping_fixes_first_wins_and_the_rest_is_reported() {
    // The house-style reordering rewrites the whole pair; the conversion fix rewrites "600"
    // inside it. The first in the file wins; the other is named, and its finding remains.
    let (code, out, err) = run(
        &[
            "check",
            "--extend-select",
            "conversion-order",
            "--unsafe-fixes",
            "--fix",
            "--format",
            "concise",
            "-",
        ],
        "The convoy travelled 550 miles (600 km).\n",
    );
    assert_eq!(out, "The convoy travelled 600 km (550 miles).\n");
    assert!(
        err.contains("-:1:22: conversion-mismatch: fix not applied: it overlaps another fix"),
        "{err}"
    );
    assert!(err.contains("fixed 1 finding in 1 file"), "{err}");
    assert!(
        err.contains("-:1:22: error[conversion-mismatch] 600 km is 372.8 miles, not 550 miles"),
        "what remains is checked on the fixed text: {err}"
    );
    assert_eq!(code, 1);
}
