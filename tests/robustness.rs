//! Robustness: the inputs that once crashed a fuzz target, replayed through the same harnesses
//! (`fuzz/fuzz_targets/common.rs`), and bad input given to the binary.

#[path = "../fuzz/fuzz_targets/common.rs"]
mod harness;

use numlint::InputFormat;
use std::path::PathBuf;

fn regression_inputs() -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-regressions");
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("tests/data/fuzz-regressions")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).expect("readable");
            (p, bytes)
        })
        .collect();
    out.sort();
    out
}

/// Every input that ever crashed a fuzz target goes through every harness.
#[test]
fn fuzz_regressions_replay_through_every_harness() {
    let inputs = regression_inputs();
    assert!(!inputs.is_empty());
    for (path, bytes) in &inputs {
        let name = path.display();
        let run = |what: &str, f: &dyn Fn()| {
            if std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).is_err() {
                panic!("{what} panicked on {name}");
            }
        };
        run("extract_text", &|| {
            harness::extract(bytes, InputFormat::Text)
        });
        run("extract_markdown", &|| {
            harness::extract(bytes, InputFormat::Markdown)
        });
        run("extract_html", &|| {
            harness::extract(bytes, InputFormat::Html)
        });
        run("check_text", &|| {
            harness::check(bytes, InputFormat::Text);
        });
        run("check_markdown", &|| {
            harness::check(bytes, InputFormat::Markdown);
        });
        run("check_html", &|| {
            harness::check(bytes, InputFormat::Html);
        });
        run("fix_roundtrip", &|| harness::fix_roundtrip(bytes));
    }
}

// Bad input through the binary: each case gives a clear error or a normal report, an exit code
// the README documents (0, 1 or 2), never a panic, and leaves every input file as it was.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

const WRONG: &str = "It is 40 km (15 miles) away.";

/// Every file under `dir`, with its bytes (unreadable files are left out).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                out.insert(p, bytes);
            }
        }
    }
    out
}

/// Runs numlint in `dir` with `args`; asserts no panic, a documented exit code and no file
/// changed. Returns exit code, stdout and stderr.
fn numlint(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let before = snapshot(dir);
    let out = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .stdin(Stdio::null())
        .output()
        .expect("numlint runs");
    let code = out.status.code().unwrap_or(-1);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    assert!(
        matches!(code, 0..=2),
        "{args:?}: exit {code} is not documented\n{stderr}"
    );
    assert!(
        snapshot(dir) == before,
        "{args:?} changed a file it was only meant to read"
    );
    (code, stdout, stderr)
}

fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (p, bytes) in files {
        let path = dir.path().join(p);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    }
    dir
}

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).expect("valid JSON")
}

fn rules(out: &str) -> Vec<String> {
    json(out)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn invalid_utf8_is_an_error_naming_the_byte_or_replaced_with_lossy() {
    let mut bytes = b"ok \xff bad.\n".to_vec();
    bytes.extend_from_slice(format!("{WRONG}\n").as_bytes());
    let dir = dir_with(&[("bad.txt", &bytes)]);
    for cmd in ["check", "extract"] {
        let (code, _, err) = numlint(dir.path(), &[cmd, "bad.txt"]);
        assert_eq!(code, 2, "{cmd}: {err}");
        assert!(
            err.contains("bad.txt") && err.contains("invalid UTF-8 at byte 3"),
            "{err}"
        );
    }
    let (code, out, err) = numlint(
        dir.path(),
        &["check", "--lossy", "--format", "json", "bad.txt"],
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(rules(&out), ["conversion-mismatch"]);
}

#[test]
fn surrogates_encoded_in_utf8_are_invalid_and_entities_for_them_are_harmless() {
    // U+D800 encoded as if it were a character (CESU-8 / WTF-8), alone and as a pair.
    let mut bytes = format!("{WRONG} ").into_bytes();
    bytes.extend_from_slice(b"\xed\xa0\x80 and \xed\xa0\xbd\xed\xb8\x80\n");
    let html = format!(
        "<p>{WRONG} &#xD800; &#55296; &#xDFFF;&#xD83D;&#xDE00; &#x110000; &#0; \
         &#99999999999999999999; &#x; &amp</p>"
    );
    let dir = dir_with(&[("s.txt", &bytes), ("s.html", html.as_bytes())]);
    let (code, _, err) = numlint(dir.path(), &["check", "s.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid UTF-8 at byte 29"), "{err}");
    let (code, out, _) = numlint(
        dir.path(),
        &["check", "--lossy", "--format", "json", "s.txt"],
    );
    assert_eq!(code, 1);
    assert_eq!(rules(&out), ["conversion-mismatch"]);
    let (code, out, _) = numlint(dir.path(), &["check", "--format", "json", "s.html"]);
    assert_eq!(code, 1);
    assert_eq!(rules(&out), ["conversion-mismatch"]);
    let (code, _, _) = numlint(dir.path(), &["extract", "s.html"]);
    assert_eq!(code, 0);
}

#[test]
fn a_binary_file_named_is_an_error_and_walking_skips_it_with_a_warning() {
    let dir = dir_with(&[
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"),
        ("news/a.md", format!("{WRONG}\n").as_bytes()),
        ("news/b.txt", b"GIF89a\x00\x01\x00\x00"),
    ]);
    let (code, _, err) = numlint(dir.path(), &["check", "photo.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("photo.txt") && err.contains("binary"), "{err}");
    // In a directory: the binary file is skipped with a warning (never silently), the text
    // file still checked; the exit code is the findings'.
    let (code, out, err) = numlint(dir.path(), &["check", "--format", "json", "news"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("warning") && err.contains("b.txt") && err.contains("binary"),
        "{err}"
    );
    assert_eq!(rules(&out), ["conversion-mismatch"]);
    let (code, _, err) = numlint(dir.path(), &["extract", "news"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("warning") && err.contains("b.txt"), "{err}");
}

#[test]
fn an_empty_file_is_a_clean_report() {
    let dir = dir_with(&[("empty.txt", b""), ("empty.md", b""), ("empty.html", b"")]);
    for f in ["empty.txt", "empty.md", "empty.html"] {
        let (code, out, err) = numlint(dir.path(), &["check", "--format", "json", f]);
        assert_eq!(code, 0, "{f}: {err}");
        assert!(rules(&out).is_empty());
        let (code, _, _) = numlint(dir.path(), &["extract", f]);
        assert_eq!(code, 0);
    }
}

#[test]
fn a_directory_with_no_text_files_checks_nothing() {
    let dir = dir_with(&[
        ("photos/a.jpg", b"\xff\xd8\xff"),
        ("notes/readme.rst", b"x"),
    ]);
    std::fs::create_dir(dir.path().join("empty")).expect("mkdir");
    for d in ["photos", "empty"] {
        let (code, out, err) = numlint(dir.path(), &["check", "--format", "json", d]);
        assert_eq!(code, 0, "{d}: {err}");
        assert_eq!(json(&out)["summary"]["files"], 0);
    }
}

#[test]
fn a_missing_path_is_an_error_and_the_other_files_are_still_checked() {
    let dir = dir_with(&[("a.txt", format!("{WRONG}\n").as_bytes())]);
    let (code, _, err) = numlint(dir.path(), &["check", "nope.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("nope.txt"), "{err}");
    let (code, out, err) = numlint(
        dir.path(),
        &["check", "--format", "json", "nope.txt", "a.txt"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("nope.txt"), "{err}");
    assert_eq!(rules(&out), ["conversion-mismatch"]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_and_the_other_files_are_still_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with(&[
        ("secret.txt", format!("{WRONG}\n").as_bytes()),
        ("a.txt", format!("{WRONG}\n").as_bytes()),
    ]);
    let secret = dir.path().join("secret.txt");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&secret).is_ok() {
        eprintln!("skipped: running as root, every file is readable");
        return;
    }
    let (code, out, err) = numlint(
        dir.path(),
        &["check", "--format", "json", "secret.txt", "a.txt"],
    );
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    assert_eq!(code, 2);
    assert!(err.contains("secret.txt"), "{err}");
    assert_eq!(rules(&out), ["conversion-mismatch"]);
}

/// A 5 MB line with no newline and a wrong conversion at its very end: the text and the byte
/// offset of the wrong figure pair.
fn five_megabyte_line() -> (String, usize) {
    let sentences = [
        "The council approved a budget of $48.2m for roads. ",
        "Rainfall was about 30% higher than last year. ",
        "It is 40 km (25 miles) away. ",
        "Prices rose from $4 to $5, a 25% increase. ",
        "About 73 railcars were seen, up from 20. ",
        "Nearly two-thirds of the 1,200 staff, or 800 people, voted. ",
    ];
    let mut text = String::with_capacity(5_100_000);
    let mut i = 0usize;
    while text.len() < 5_000_000 {
        text.push_str(sentences[i % sentences.len()]);
        i = (i * 7 + 3) % 1_000_003;
    }
    let at = text.len() + "It is ".len();
    text.push_str(WRONG);
    (text, at)
}

/// The last finding of `check --format json` on the 5 MB line.
fn last_finding_on_a_long_line() -> (serde_json::Value, usize) {
    let (text, at) = five_megabyte_line();
    let dir = dir_with(&[("long.txt", text.as_bytes())]);
    let start = std::time::Instant::now();
    let (code, out, err) = numlint(dir.path(), &["check", "--format", "json", "long.txt"]);
    assert_eq!(code, 1, "{err}");
    // Linear in the paragraph's length: once, a long paragraph took minutes.
    assert!(
        start.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
    let last = json(&out)["findings"]
        .as_array()
        .and_then(|f| f.last())
        .expect("a finding")
        .clone();
    (last, at)
}

#[test]
fn a_five_megabyte_line_with_no_newline_is_checked_whole() {
    let (last, at) = last_finding_on_a_long_line();
    assert_eq!(last["rule"], "conversion-mismatch");
    assert_eq!(last["line"], 1);
    assert_eq!(last["byte_start"], at);
}

/// A file of 4 MiB or more is streamed in pieces; the column of a finding on a line that
/// crosses a piece boundary still counts from the start of the line.
#[test]
fn a_five_megabyte_line_reports_exact_columns() {
    let (last, at) = last_finding_on_a_long_line();
    // ASCII: the column is the byte offset plus one.
    assert_eq!(last["column"], at + 1);
}

#[test]
fn deeply_nested_markdown_and_html_are_read_without_overflowing() {
    let n = 100_000;
    let md = format!(
        "{} {WRONG}\n\n{}\n\n{}\n{}\n\n{}{WRONG}{}\n",
        ">".repeat(n),
        "[".repeat(n),
        (0..2_000)
            .map(|i| format!("{}- item", "  ".repeat(i)))
            .collect::<Vec<_>>()
            .join("\n"),
        "*".repeat(n),
        "(".repeat(n),
        ")".repeat(n),
    );
    let html = format!(
        "{}<p>{WRONG}</p>{}{}<p>{WRONG}{}",
        "<div>".repeat(n),
        "</div>".repeat(n),
        "<span><b>".repeat(n),
        "<!--",
    );
    let text = format!("{}{WRONG}{}\n", "(".repeat(n), ")".repeat(n));
    let dir = dir_with(&[
        ("deep.md", md.as_bytes()),
        ("deep.html", html.as_bytes()),
        ("deep.txt", text.as_bytes()),
    ]);
    for f in ["deep.md", "deep.html", "deep.txt"] {
        let (code, out, err) = numlint(dir.path(), &["check", "--format", "json", f]);
        assert_eq!(code, 1, "{f}: {err}");
        assert!(
            rules(&out).iter().any(|r| r == "conversion-mismatch"),
            "{f}: {out}"
        );
        let (code, _, err) = numlint(dir.path(), &["extract", f]);
        assert_eq!(code, 0, "{f}: {err}");
    }
}

#[test]
fn huge_and_tiny_numbers_give_no_infinity_or_nan() {
    let text = format!(
        "It is 1e999 km (5 miles) away. A 1e400 tonne rock fell. It is 10^400 km away. \
         It is {big} km ({big} miles) away. {nines} people came, up from 20, a 50% rise. \
         Prices rose by 1e999% to $1e400. It was -1e999C (5F). It is 0.{zeros}1 km (5 miles) \
         away. Sales rose 1e308% to 1.7976931348623157e308 dollars, up from 1e-320.\n",
        big = format!("1{}", "0".repeat(399)),
        nines = "9".repeat(400),
        zeros = "0".repeat(400),
    );
    let dir = dir_with(&[("huge.txt", text.as_bytes())]);
    for args in [
        &["check", "--format", "json", "huge.txt"][..],
        &["check", "--format", "sarif", "huge.txt"],
        &["check", "--show-passed", "--format", "json", "huge.txt"],
        &["check", "huge.txt"],
        &["extract", "--format", "json", "huge.txt"],
        &["extract", "huge.txt"],
    ] {
        let (code, out, err) = numlint(dir.path(), args);
        assert!(code == 0 || code == 1, "{args:?}: {err}");
        for bad in ["NaN", "inf ", "inf)", "infinity", "Infinity"] {
            assert!(!out.contains(bad), "{args:?} printed {bad}: {out}");
        }
        if args.contains(&"json") || args.contains(&"sarif") {
            json(&out);
        }
    }
}

#[test]
fn crlf_and_cr_only_line_endings_give_a_normal_report() {
    let dir = dir_with(&[
        ("lf.txt", format!("Title\n\n{WRONG}\n").as_bytes()),
        ("crlf.txt", format!("Title\r\n\r\n{WRONG}\r\n").as_bytes()),
        ("crlf.md", format!("# Title\r\n\r\n{WRONG}\r\n").as_bytes()),
        ("cr.txt", format!("Title\r\r{WRONG}\r").as_bytes()),
    ]);
    let at = |f: &str| {
        let (code, out, err) = numlint(dir.path(), &["check", "--format", "json", f]);
        assert_eq!(code, 1, "{f}: {err}");
        let v = json(&out);
        let f0 = &v["findings"][0];
        assert_eq!(f0["rule"], "conversion-mismatch");
        (f0["line"].as_u64().unwrap(), f0["column"].as_u64().unwrap())
    };
    assert_eq!(at("lf.txt"), (3, 7));
    assert_eq!(at("crlf.txt"), (3, 7), "CRLF counts as one line break");
    assert_eq!(at("crlf.md"), (3, 7));
    // A lone CR is not a line break for numlint: the whole file is line 1.
    let (line, col) = at("cr.txt");
    assert_eq!((line, col), (1, 14));
    // --diff writes nothing and keeps the CRLF of the lines it shows.
    let (code, out, _) = numlint(dir.path(), &["check", "--diff", "crlf.txt"]);
    assert_eq!(code, 1);
    assert!(out.contains("(25 miles) away.\r\n"), "{out:?}");
}

#[test]
fn a_hundred_thousand_small_files_and_a_symlink_loop() {
    let dir = dir_with(&[]);
    for i in 0..100_000 {
        let sub = dir.path().join(format!("d{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).expect("mkdir");
        }
        // One wrong conversion per thousand files.
        let text = if i % 1000 == 0 {
            WRONG
        } else {
            "The trail is 10 km (6.2 miles) long."
        };
        std::fs::write(sub.join(format!("f{i}.txt")), text).expect("write");
    }
    // A link back to the top: the walk must end, and read nothing twice.
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.path().join("d000/loop")).expect("symlink");
    // Not through `numlint()`: its before/after snapshot of 100,000 files is the slow part.
    let out = Command::new(env!("CARGO_BIN_EXE_numlint"))
        .args(["check", "--isolated", "--format", "json", "."])
        .current_dir(dir.path())
        .env_remove("CI")
        .stdin(Stdio::null())
        .output()
        .expect("numlint runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let v = json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(v["summary"]["files"], 100_000);
    assert_eq!(v["summary"]["errors"], 100);
}
