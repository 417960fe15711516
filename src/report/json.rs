//! `--format json` and `jsonl`: the stable schema in DESIGN.md.

use super::{CheckedFile, ReportOptions, Sink, Summary};
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
    let mut sink = JsonSink::new(*opts);
    let summary = Summary::of(files);
    sink.begin(out)?;
    for f in files {
        sink.write_file(f, out)?;
    }
    sink.end(&summary, out)
}

/// The JSON format as a [`Sink`]: findings are written as they come, in the same pretty shape
/// `{"findings": [...], "passed": [...], "summary": {...}, "version": 1}` serde would print
/// for the whole document, so a huge file never holds its findings in memory.
pub struct JsonSink {
    opts: ReportOptions,
    first: bool,
    passed: Vec<Value>,
}

impl JsonSink {
    pub fn new(opts: ReportOptions) -> JsonSink {
        JsonSink {
            opts,
            first: true,
            passed: Vec::new(),
        }
    }

    fn write_file(&mut self, f: &CheckedFile, out: &mut dyn Write) -> io::Result<()> {
        for x in &f.findings {
            out.write_all(if self.first { b"\n" } else { b",\n" })?;
            self.first = false;
            write_pretty_at(out, &FindingJson::new(f, x), 4)?;
        }
        if self.opts.show_passed {
            self.passed
                .extend(f.passed.iter().map(|p| passed_value(f, p)));
        }
        Ok(())
    }
}

/// Writes `value` as pretty JSON (two-space indents, like `serde_json::to_string_pretty`)
/// nested `indent` spaces deep: the first line where the cursor is, the others indented.
/// Straight to `out`, with no intermediate string: `extract` writes millions of items.
pub(crate) fn write_pretty_at<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
    indent: usize,
) -> io::Result<()> {
    write_spaces(out, indent)?;
    write_nested(out, value, indent)
}

/// Pretty JSON placed after a key: its first line stays where the cursor is, the others are
/// indented `indent` spaces.
fn write_nested<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
    indent: usize,
) -> io::Result<()> {
    let formatter = Nested {
        level: indent,
        has_value: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(out, formatter);
    value.serialize(&mut ser).map_err(io::Error::other)
}

fn write_spaces<W: ?Sized + Write>(w: &mut W, n: usize) -> io::Result<()> {
    const SPACES: &[u8] = b"                                                                ";
    let mut left = n;
    while left > 0 {
        let k = left.min(SPACES.len());
        w.write_all(&SPACES[..k])?;
        left -= k;
    }
    Ok(())
}

/// serde_json's pretty layout, starting `level` spaces in.
struct Nested {
    level: usize,
    has_value: bool,
}

impl Nested {
    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 2;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 2;
        if self.has_value {
            w.write_all(b"\n")?;
            write_spaces(w, self.level)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        write_spaces(w, self.level)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

impl Sink for JsonSink {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"findings\": [")
    }

    fn file(&mut self, f: CheckedFile, out: &mut dyn Write) -> io::Result<()> {
        self.write_file(&f, out)
    }

    fn end(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.first { b"]," } else { b"\n  ]," })?;
        if self.opts.show_passed {
            out.write_all(b"\n  \"passed\": ")?;
            write_nested(out, &self.passed, 2)?;
            out.write_all(b",")?;
        }
        out.write_all(b"\n  \"summary\": ")?;
        write_nested(out, summary, 2)?;
        out.write_all(b",\n  \"version\": 1\n}\n")
    }
}

pub fn write_lines(
    files: &[CheckedFile],
    opts: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut sink = JsonlSink { opts: *opts };
    for f in files {
        sink.write_file(f, out)?;
    }
    Ok(())
}

/// The JSON Lines format as a [`Sink`]: one finding (or claim that holds) per line.
pub struct JsonlSink {
    pub opts: ReportOptions,
}

impl JsonlSink {
    fn write_file(&mut self, f: &CheckedFile, out: &mut dyn Write) -> io::Result<()> {
        for x in &f.findings {
            serde_json::to_writer(&mut *out, &FindingJson::new(f, x))?;
            writeln!(out)?;
        }
        if self.opts.show_passed {
            for p in &f.passed {
                let mut v = passed_value(f, p);
                v["passed"] = Value::Bool(true);
                serde_json::to_writer(&mut *out, &v)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}

impl Sink for JsonlSink {
    fn file(&mut self, f: CheckedFile, out: &mut dyn Write) -> io::Result<()> {
        self.write_file(&f, out)
    }

    fn end(&mut self, _summary: &Summary, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
