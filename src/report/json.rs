//! `--format json` and `jsonl`: the stable schema in DESIGN.md.

use super::{CheckedFile, ReportOptions, Summary};
use serde_json::{Value, json};
use std::io::{self, Write};

/// One finding as a JSON object.
pub fn finding_value(f: &CheckedFile, x: &crate::diagnostic::Finding) -> Value {
    let loc = f.file.locate(x.span);
    let mut v = json!({
        "path": f.file.path,
        "rule": x.rule,
        "severity": x.severity.as_str(),
        "message": x.message,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "byte_start": x.span.start,
        "byte_end": x.span.end,
        "text": f.file.slice(x.span),
    });
    let obj = v.as_object_mut().expect("object");
    if let Some(e) = &x.expected {
        obj.insert(
            "expected".into(),
            json!({"text": e.text, "value": finite(e.value), "unit": e.unit}),
        );
    }
    if let Some(s) = &x.suggestion {
        obj.insert(
            "suggestion".into(),
            json!({
                "byte_start": s.span.start,
                "byte_end": s.span.end,
                "replacement": s.replacement,
                "safe": s.safe,
            }),
        );
    }
    if !x.notes.is_empty() {
        obj.insert("notes".into(), json!(x.notes));
    }
    if !x.related.is_empty() {
        let rel: Vec<Value> = x
            .related
            .iter()
            .map(|r| {
                let l = f.file.locate(*r);
                json!({"line": l.line, "column": l.column, "end_line": l.end_line, "end_column": l.end_column, "byte_start": r.start, "byte_end": r.end, "text": f.file.slice(*r)})
            })
            .collect();
        obj.insert("related".into(), Value::Array(rel));
    }
    v
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
    let findings: Vec<Value> = files
        .iter()
        .flat_map(|f| f.findings.iter().map(move |x| finding_value(f, x)))
        .collect();
    let mut doc = json!({
        "version": 1,
        "findings": findings,
        "summary": Summary::of(files),
    });
    if opts.show_passed {
        let passed: Vec<Value> = files
            .iter()
            .flat_map(|f| f.passed.iter().map(move |p| passed_value(f, p)))
            .collect();
        doc["passed"] = Value::Array(passed);
    }
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
            serde_json::to_writer(&mut *out, &finding_value(f, x))?;
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
