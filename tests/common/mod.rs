//! Running the numlint binary in tests, as a user would.
#![allow(dead_code)]

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs numlint with `args`, feeding `stdin`; returns exit code, stdout and stderr.
pub fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("numlint runs");
    // numlint may exit before reading stdin (a usage error): a broken pipe is fine.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    let out = child.wait_with_output().expect("numlint finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The quantities `numlint extract --format json -` finds in `text`.
pub fn quantities(text: &str) -> Vec<Value> {
    let (code, out, err) = run(&["extract", "--format", "json", "-"], text);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    v["quantities"].as_array().expect("array").clone()
}

/// The texts of the quantities found.
pub fn texts(text: &str) -> Vec<String> {
    quantities(text)
        .iter()
        .map(|q| q["text"].as_str().unwrap_or("").to_string())
        .collect()
}

/// The findings of `numlint check --format json -` on `text`, with extra args.
pub fn findings_with(text: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    args.push("-");
    let (code, out, err) = run(&args, text);
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    v["findings"].as_array().expect("array").clone()
}

/// Errors and warnings on `text`.
pub fn problems(text: &str) -> Vec<Value> {
    findings_with(text, &[])
        .into_iter()
        .filter(|f| f["severity"] == "error" || f["severity"] == "warning")
        .collect()
}

/// Findings of one rule, with that rule selected (house-style rules included).
pub fn rule(text: &str, id: &str) -> Vec<Value> {
    findings_with(text, &["--select", id])
}

/// The claims that hold, from `--show-passed`.
pub fn passed(text: &str) -> Vec<Value> {
    let (_, out, _) = run(&["check", "--format", "json", "--show-passed", "-"], text);
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    v["passed"].as_array().cloned().unwrap_or_default()
}

/// Runs numlint with `args` in the directory `dir` (for configuration discovery and relative
/// paths), feeding `stdin`; returns exit code, stdout and stderr.
pub fn run_in(dir: &std::path::Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("numlint runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("numlint finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The findings of a JSON report as (rule, line, column) triples, in report order.
pub fn rule_lines(json: &str) -> Vec<(String, u64, u64)> {
    let v: Value = serde_json::from_str(json).expect("valid JSON");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

/// A temporary directory holding `files` (path, contents).
pub fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (p, text) in files {
        let path = dir.path().join(p);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}
