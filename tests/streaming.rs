//! Large plain-text files are read as streams (pieces cut at blank lines). The report must be
//! the one a whole-file read gives: same findings, same lines and columns, suppressions that
//! reach across pieces, document rules that compare pieces, and the same refusals.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Files of at least 200 KB are streamed here (4 MiB by default), so that pieces (256 KB) are
/// many and the tests quick.
const THRESHOLD: &str = "200000";

fn numlint() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_numlint"));
    c.env("NUMLINT_STREAM_THRESHOLD", THRESHOLD);
    c
}

fn bin() -> Command {
    let mut c = numlint();
    c.arg("check").arg("--isolated").arg("--color").arg("never");
    c
}

/// About 1.2 MB of varied paragraphs (several pieces), with planted errors.
fn big_article() -> String {
    let paragraphs = [
        "The ferry crossed 40 km (25 miles) of open water before noon.",
        "Officials said 1,200 people were moved, up from 900 last spring.",
        "The tower is 300 metres (984 feet) tall and took three years to build.",
        "Ticket sales rose from 80 to 100, a 25% increase on the season.",
        "A storm brought 50 mm (2 inches) of rain to the valley overnight.",
    ];
    let mut s = String::new();
    let mut k = 0;
    while s.len() < 1_200_000 {
        let p = paragraphs[k % paragraphs.len()];
        s.push_str(p);
        s.push_str(&format!(" Report {k} of the series.\n\n"));
        k += 1;
        if k == 5_000 {
            // Wrong: 60 km is 37.3 miles. Suppressed by the marker on its line.
            s.push_str("The road runs 60 km (20 miles) east. numlint: ignore\n\n");
            // A disable that spans later pieces, ended far below.
            s.push_str("numlint-disable conversion-mismatch\n\n");
        }
        if k == 10_000 {
            // Wrong, but inside the disabled stretch.
            s.push_str("The canal is 10 km (3 miles) long.\n\n");
            s.push_str("numlint-enable conversion-mismatch\n\n");
        }
    }
    // Wrong and reported: 40 km is 24.9 miles, not 15.
    s.push_str("Finally, the missiles can fly 40 km (15 miles).\n\n");
    // Wrong: 80 to 100 is 25%, not 40%.
    s.push_str("Ticket sales rose from 80 to 100, a 40% increase on the season.\n");
    s
}

fn write_temp(name: &str, text: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("numlint-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn sorted_lines(bytes: &[u8]) -> Vec<String> {
    let mut v: Vec<String> = String::from_utf8_lossy(bytes)
        .lines()
        .map(str::to_string)
        .collect();
    v.sort();
    v
}

/// `check --format concise` on the file (streamed) and on the same text through stdin, which
/// is always read whole, under the same name.
fn concise_streamed_and_whole(path: &std::path::Path) -> (Output, Output) {
    let streamed = bin()
        .args(["--format", "concise"])
        .arg(path)
        .output()
        .unwrap();
    let whole = bin()
        .args(["--format", "concise", "--stdin-filename"])
        .arg(path)
        .arg("-")
        .stdin(std::fs::File::open(path).unwrap())
        .output()
        .unwrap();
    (streamed, whole)
}

#[test]
fn a_streamed_file_reports_what_a_whole_read_reports() {
    let text = big_article();
    let path = write_temp("big.txt", text.as_bytes());
    let (streamed, whole) = concise_streamed_and_whole(&path);
    assert_eq!(streamed.status.code(), Some(1));
    assert_eq!(whole.status.code(), Some(1));
    let (s, w) = (sorted_lines(&streamed.stdout), sorted_lines(&whole.stdout));
    assert_eq!(s, w);
    let findings: Vec<&String> = s.iter().filter(|l| l.contains("[")).collect();
    assert_eq!(findings.len(), 2, "{findings:#?}");
    let last_line = text.lines().count();
    assert!(
        findings
            .iter()
            .any(|l| l.contains(&format!(":{}:", last_line - 2))
                && l.contains("conversion-mismatch"))
    );
    assert!(
        findings
            .iter()
            .any(|l| l.contains(&format!(":{last_line}:")) && l.contains("percent-change"))
    );
}

#[test]
fn streamed_json_is_one_valid_document_with_excerpts() {
    let path = write_temp("big-json.txt", big_article().as_bytes());
    let out = bin()
        .args(["--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["text"], "40 km (15 miles");
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["summary"]["errors"], 2);
}

#[test]
fn a_restated_figure_is_found_across_pieces() {
    let mut text = String::from("The dam holds back a reservoir of 900 million cubic metres.\n\n");
    while text.len() < 1_000_000 {
        text.push_str("Engineers inspected the spillway again on a quiet morning.\n\n");
    }
    text.push_str("The dam holds back a reservoir of 1,400 million cubic metres.\n");
    let path = write_temp("restated.txt", text.as_bytes());
    let (streamed, whole) = concise_streamed_and_whole(&path);
    let lines = sorted_lines(&streamed.stdout);
    assert_eq!(lines, sorted_lines(&whole.stdout));
    let last = text.lines().count();
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&format!(":{last}:35: error[restated-figure]"))),
        "{lines:#?}"
    );
}

#[test]
fn a_bad_byte_deep_in_a_streamed_file_is_refused_before_any_report() {
    let mut bytes = big_article().into_bytes();
    let at = bytes.len() - 10;
    bytes[at] = 0xff;
    let path = write_temp("bad.txt", &bytes);
    let out = bin()
        .args(["--format", "concise"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("invalid UTF-8 at byte {at}")),
        "{err}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("[conversion"));
}

#[test]
fn streamed_extract_json_is_byte_for_byte_a_whole_read() {
    let path = write_temp("big-extract.txt", big_article().as_bytes());
    let extract = |stdin: bool| {
        let mut c = numlint();
        c.args(["extract", "--isolated", "--format", "json", "--dates"]);
        if stdin {
            c.arg("--stdin-filename")
                .arg(&path)
                .arg("-")
                .stdin(std::fs::File::open(&path).unwrap());
        } else {
            c.arg(&path);
        }
        c.output().unwrap()
    };
    let (streamed, whole) = (extract(false), extract(true));
    assert_eq!(streamed.status.code(), Some(0));
    assert!(
        streamed.stdout == whole.stdout,
        "streamed and whole JSON differ"
    );
    let v: serde_json::Value = serde_json::from_slice(&streamed.stdout).unwrap();
    let qs = v["quantities"].as_array().unwrap();
    // Several figures in each of the ~18,000 paragraphs, in text order.
    assert!(qs.len() > 30_000, "{}", qs.len());
    assert!(
        qs.windows(2)
            .all(|w| w[0]["byte_start"].as_u64() <= w[1]["byte_start"].as_u64())
    );
}

/// A large Markdown file is extracted a few hundred paragraphs at a time; the JSON must be the
/// one a single pass over the whole file gives (threshold raised so the same file is whole).
#[test]
fn large_markdown_extract_in_parts_is_byte_for_byte_a_whole_read() {
    let mut md = String::from("# Harbour report\n\n");
    for (k, para) in big_article().split("\n\n").enumerate() {
        // Headings, emphasis and lists so the Markdown parser has work to do.
        match k % 40 {
            0 => md.push_str(&format!("## Part {}\n\n", k / 40 + 1)),
            7 => md.push_str(&format!("- *Note:* {para}\n- Second item.\n\n")),
            _ => md.push_str(&format!("{para}\n\n")),
        }
    }
    let path = write_temp("big.md", md.as_bytes());
    let extract = |threshold: &str| {
        numlint()
            .env("NUMLINT_STREAM_THRESHOLD", threshold)
            .args(["extract", "--isolated", "--format", "json", "--dates"])
            .arg(&path)
            .output()
            .unwrap()
    };
    let (parts, whole) = (extract(THRESHOLD), extract("1000000000000"));
    assert_eq!(parts.status.code(), Some(0));
    assert!(
        parts.stdout == whole.stdout,
        "JSON in parts and whole differ"
    );
    let v: serde_json::Value = serde_json::from_slice(&parts.stdout).unwrap();
    // Several figures per paragraph, over many more paragraphs than one part holds.
    assert!(v["quantities"].as_array().unwrap().len() > 30_000);
    assert!(!v["dates"].as_array().unwrap().is_empty());
}

#[test]
fn a_long_line_is_quoted_around_the_finding_with_its_true_column() {
    // One 600 KB line with no break (several pieces), a wrong conversion at its end.
    let filler = "The council met again on a quiet morning. ";
    let mut text = filler.repeat(600_000 / filler.len());
    let at = text.len();
    text.push_str("The ferry crossed 40 km (15 miles) of water.");
    let path = write_temp("one-line.txt", text.as_bytes());
    let out = bin().arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    // ASCII: the column is the byte offset plus one; "40 km" starts 18 bytes in.
    assert!(
        report.contains(&format!(":1:{}", at + 19)),
        "{}",
        &report[..report.len().min(2000)]
    );
    assert!(report.len() < 4_000, "{} bytes of report", report.len());
    assert!(report.contains("…"), "the quoted line is cut: {report}");
}
