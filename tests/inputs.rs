//! Inputs: directories (parallel walk, .gitignore), globs, --exclude, stable order, progress
//! never on a pipe, and --version.

mod common;

use common::{run_in, tree};

const WRONG: &str = "It is 40 km (15 miles) away.\n";

fn paths(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut out: Vec<String> = Vec::new();
    for f in v["findings"].as_array().unwrap() {
        let p = f["path"].as_str().unwrap().to_string();
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

fn news() -> tempfile::TempDir {
    tree(&[
        (".gitignore", "drafts/\n*.tmp.md\n"),
        ("news/a.md", WRONG),
        ("news/b.txt", WRONG),
        (
            "news/world/c.html",
            "<p>It is <b>40 km</b> (15 miles) away.</p>",
        ),
        ("news/world/d.md", WRONG),
        ("news/world/notes.rst", WRONG),
        ("news/world/photo.jpg", WRONG),
        ("news/drafts/e.md", WRONG),
        ("news/f.tmp.md", WRONG),
        ("news/.hidden/g.md", WRONG),
    ])
}

#[test]
fn directories_are_walked_honouring_gitignore_in_a_stable_order() {
    let dir = news();
    let expected = [
        "news/a.md",
        "news/b.txt",
        "news/world/c.html",
        "news/world/d.md",
    ];
    for jobs in ["1", "4"] {
        let (code, out, err) = run_in(
            dir.path(),
            &["check", "-j", jobs, "--format", "json", "news"],
            "",
        );
        assert_eq!(code, 1, "{err}");
        assert_eq!(paths(&out), expected, "-j {jobs}");
    }
}

#[test]
fn globs_expand_recursively_and_by_component() {
    let dir = news();
    let p = dir.path();
    let (_, out, _) = run_in(p, &["check", "--format", "json", "news/**/*.md"], "");
    assert_eq!(paths(&out), ["news/a.md", "news/world/d.md"]);
    let (_, out, _) = run_in(p, &["check", "--format", "json", "news/*.md"], "");
    assert_eq!(paths(&out), ["news/a.md"], "`*` stays in one directory");
    // A glob that names an extension takes files numlint would not pick by itself.
    let (_, out, _) = run_in(p, &["check", "--format", "json", "news/world/*.rst"], "");
    assert_eq!(paths(&out), ["news/world/notes.rst"]);
    let (_, out, _) = run_in(p, &["check", "--format", "json", "news/world/*"], "");
    assert_eq!(
        paths(&out),
        ["news/world/c.html", "news/world/d.md"],
        "no photo.jpg"
    );
    // From inside the directory, with no directory part.
    let (_, out, _) = run_in(&p.join("news"), &["check", "--format", "json", "*.md"], "");
    assert_eq!(paths(&out), ["a.md"]);
}

#[test]
fn a_glob_matching_nothing_is_an_error_but_others_still_run() {
    let dir = news();
    let (code, out, err) = run_in(
        dir.path(),
        &["check", "--format", "json", "sport/**/*.md", "news/a.md"],
        "",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("sport/**/*.md: no file matches this glob"),
        "{err}"
    );
    assert_eq!(paths(&out), ["news/a.md"]);
    let (code, _, err) = run_in(dir.path(), &["check", "news/[a.md"], "");
    assert_eq!(code, 2);
    assert!(err.contains("bad glob"), "{err}");
}

#[test]
fn exclude_on_the_command_line() {
    let dir = news();
    let (_, out, _) = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--exclude",
            "world/**",
            "--exclude",
            "*.txt",
            "news",
        ],
        "",
    );
    assert_eq!(paths(&out), ["news/a.md"]);
    // An excluded directory is not even walked, and named files are excluded too.
    let (_, out, _) = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--exclude",
            "world",
            "news",
            "news/world/d.md",
        ],
        "",
    );
    assert_eq!(paths(&out), ["news/a.md", "news/b.txt"]);
}

#[test]
fn no_progress_bar_on_a_pipe() {
    let files: Vec<(String, &str)> = (0..30)
        .map(|i| (format!("many/{i:02}.md"), WRONG))
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let dir = tree(&refs);
    let (code, out, err) = run_in(dir.path(), &["check", "--format", "concise", "many"], "");
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 31, "30 findings and the summary");
    assert!(err.is_empty(), "stderr is a pipe: no bar: {err:?}");
}

#[test]
fn version_is_printed() {
    let want = format!("numlint {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["-V"]] {
        let (code, out, _) = common::run(args, "");
        assert_eq!(code, 0);
        assert_eq!(out, want);
    }
    let (code, out, _) = common::run(&["check", "--version"], "");
    assert_eq!(code, 0);
    assert!(out.ends_with(&want[8..]), "{out}");
}

/// Runs `numlint args` under util-linux `script`, which gives it a terminal; stdout goes to /dev/null and
/// what reaches the terminal (stderr) is returned. None where `script` is not available.
#[cfg(target_os = "linux")]
fn on_a_terminal(dir: &std::path::Path, env: &str, args: &str) -> Option<String> {
    let bin = env!("CARGO_BIN_EXE_numlint");
    let cmd = format!("env -u CI {env} {bin} {args} > /dev/null");
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .current_dir(dir)
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(target_os = "linux")]
#[test]
fn progress_bar_on_a_terminal_unless_ci_or_asked_not_to() {
    let files: Vec<(String, &str)> = (0..30)
        .map(|i| (format!("many/{i:02}.md"), WRONG))
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), *t)).collect();
    let dir = tree(&refs);
    let Some(shown) = on_a_terminal(dir.path(), "", "check many") else {
        eprintln!("skipped: no `script` to provide a terminal");
        return;
    };
    assert!(shown.contains("] 30/30 files"), "{shown:?}");
    let quiet = on_a_terminal(dir.path(), "", "check --no-progress many").unwrap();
    assert!(!quiet.contains("files"), "{quiet:?}");
    let ci = on_a_terminal(dir.path(), "CI=true", "check many").unwrap();
    assert!(!ci.contains("files"), "{ci:?}");
    let few = on_a_terminal(dir.path(), "", "check many/00.md many/01.md").unwrap();
    assert!(!few.contains("files"), "{few:?}");
}

#[test]
fn report_goes_to_the_output_file() {
    let dir = tree(&[("a.md", WRONG)]);
    let (code, out, _) = run_in(
        dir.path(),
        &["check", "--format", "json", "-o", "report.json", "a.md"],
        "",
    );
    assert_eq!(code, 1);
    assert!(out.is_empty(), "{out}");
    let report = std::fs::read_to_string(dir.path().join("report.json")).unwrap();
    assert_eq!(paths(&report), ["a.md"]);
}
