//! `--format json` and `jsonl`: the stable schema in DESIGN.md.

use super::{CheckedFile, ReportOptions, Summary};
use serde::Serialize;
use serde_json::{Value, json};
use std::io::{self, Write};

/// A finding as written to JSON. Fields are in alphabetical order, the order the schema has
/// always printed them in; serialising this struct directly is several times faster than
/// building a `serde_json::Value` per finding.
#[derive(Serialize)]
pub struct FindingJson<'a> {
    byte_end: usize,
    byte_start: usize,
    column: usize,
    end_column: usize,
    end_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<ExpectedJson<'a>>,
    line: usize,
    message: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
    path: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<RelatedJson<'a>>,
    rule: &'a str,
    severity: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<SuggestionJson<'a>>,
    text: &'a str,
}

#[derive(Serialize)]
struct ExpectedJson<'a> {
    text: &'a str,
    unit: &'a Option<String>,
    value: Option<f64>,
}

#[derive(Serialize)]
struct SuggestionJson<'a> {
    byte_end: usize,
    byte_start: usize,
    replacement: &'a str,
    safe: bool,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    byte_end: usize,
    byte_start: usize,
    column: usize,
    end_column: usize,
    end_line: usize,
    line: usize,
    text: &'a str,
}

impl<'a> FindingJson<'a> {
    pub fn new(f: &'a CheckedFile, x: &'a crate::diagnostic::Finding) -> FindingJson<'a> {
        let loc = f.file.locate(x.span);
        FindingJson {
            byte_end: x.span.end,
            byte_start: x.span.start,
            column: loc.column,
            end_column: loc.end_column,
            end_line: loc.end_line,
            expected: x.expected.as_ref().map(|e| ExpectedJson {
                text: &e.text,
                unit: &e.unit,
                value: Some(e.value).filter(|v| v.is_finite()),
            }),
            line: loc.line,
            message: &x.message,
            notes: &x.notes,
            path: &f.file.path,
            related: x
                .related
                .iter()
                .map(|r| {
                    let l = f.file.locate(*r);
                    RelatedJson {
                        byte_end: r.end,
                        byte_start: r.start,
                        column: l.column,
                        end_column: l.end_column,
                        end_line: l.end_line,
                        line: l.line,
                        text: f.file.slice(*r),
                    }
                })
                .collect(),
            rule: x.rule,
            severity: x.severity.as_str(),
            suggestion: x.suggestion.as_ref().map(|s| SuggestionJson {
                byte_end: s.span.end,
                byte_start: s.span.start,
                replacement: &s.replacement,
                safe: s.safe,
            }),
            text: f.file.slice(x.span),
        }
    }
}

/// One finding as a JSON object.
pub fn finding_value(f: &CheckedFile, x: &crate::diagnostic::Finding) -> Value {
    serde_json::to_value(FindingJson::new(f, x)).expect("a finding always serialises")
}

/// A passed claim as a JSON object.
pub fn passed_value(f: &CheckedFile, p: &crate::diagnostic::Passed) -> Value {
    let loc = f.file.locate(p.span);
    json!({
        "path": f.file.path,
        "kind": p.kind,
        "claim": p.claim,
        "arithmetic": p.arithmetic,
        "verdict": p.verdict,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "byte_start": p.span.start,
        "byte_end": p.span.end,
    })
}

/// JSON has no infinity: open interval ends become null.
pub fn finite(v: f64) -> Value {
    if v.is_finite() { json!(v) } else { Value::Null }
}

pub fn write(files: &[CheckedFile], opts: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    // Streamed in the shape `{"version": 1, "findings": [...], "summary": {...}}` that
    // serde_json's pretty printer would give, without holding every finding as a Value.
    let findings: Vec<FindingJson> = files
        .iter()
        .flat_map(|f| f.findings.iter().map(move |x| FindingJson::new(f, x)))
        .collect();
    #[derive(Serialize)]
    struct Doc<'a> {
        findings: &'a [FindingJson<'a>],
        #[serde(skip_serializing_if = "Option::is_none")]
        passed: Option<Vec<Value>>,
        summary: Summary,
        version: u32,
    }
    let passed = opts.show_passed.then(|| {
        files
            .iter()
            .flat_map(|f| f.passed.iter().map(move |p| passed_value(f, p)))
            .collect()
    });
    let doc = Doc {
        findings: &findings,
        passed,
        summary: Summary::of(files),
        version: 1,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

pub fn write_lines(
    files: &[CheckedFile],
    opts: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    for f in files {
        for x in &f.findings {
            serde_json::to_writer(&mut *out, &FindingJson::new(f, x))?;
            writeln!(out)?;
        }
        if opts.show_passed {
            for p in &f.passed {
                let mut v = passed_value(f, p);
                v["passed"] = Value::Bool(true);
                serde_json::to_writer(&mut *out, &v)?;
                writeln!(out)?;
            }
        }
    }
    Ok(())
}
