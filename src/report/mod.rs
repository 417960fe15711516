//! Reporters: one file per output format. They receive findings and quantities with source
//! spans and know nothing of rules beyond their ids.

pub mod concise;
pub mod extract;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::diagnostic::{Finding, Passed, Severity};
use crate::extract::Span;
use crate::source::LineIndex;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// 1-based line and column (in characters) of a span's start and end; the end column is one
/// past the last character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A file's text with its line index, for turning spans into locations and snippets.
///
/// A file read as a stream keeps only the lines its findings touch (`excerpts`); `text` is then
/// empty, and the methods below answer from the excerpts. Reporters use the methods.
pub struct SourceFile {
    pub path: String,
    /// The whole text; empty for a streamed file.
    pub text: String,
    pub lines: LineIndex,
    /// The lines and spans findings touch, for a streamed file.
    pub excerpts: Option<Excerpts>,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> SourceFile {
        let lines = LineIndex::new(&text);
        SourceFile {
            path,
            text,
            lines,
            excerpts: None,
        }
    }

    /// A part of a file read as a stream, known only by its excerpts.
    pub fn excerpted(path: String, excerpts: Excerpts) -> SourceFile {
        SourceFile {
            path,
            text: String::new(),
            lines: LineIndex::new(""),
            excerpts: Some(excerpts),
        }
    }

    pub fn locate(&self, span: Span) -> Location {
        if let Some(e) = &self.excerpts {
            let (line, column) = e.line_col(span.start);
            let (end_line, end_column) = e.line_col(span.end);
            return Location {
                line,
                column,
                end_line,
                end_column,
            };
        }
        let (line, column) = self.lines.line_col(&self.text, span.start);
        let (end_line, end_column) = self.lines.line_col(&self.text, span.end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }

    pub fn slice(&self, span: Span) -> &str {
        if let Some(e) = &self.excerpts {
            return e.slice(span);
        }
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// Line `n` (1-based): its first byte and its text without the line break.
    pub fn line(&self, n: usize) -> Option<(usize, &str)> {
        self.line_near(n, 0).map(|(a, t, _)| (a, t))
    }

    /// Line `n` as kept near byte `pos`: its first byte, its text and the column of that text's
    /// first character (1 unless a streamed file kept only a stretch of a very long line).
    pub fn line_near(&self, n: usize, pos: usize) -> Option<(usize, &str, usize)> {
        if let Some(e) = &self.excerpts {
            return e.line_near(n, pos);
        }
        if n == 0 {
            return None;
        }
        let (a, b) = self.lines.line_range(&self.text, n);
        // A very long line (a file with no line breaks) is handed out only around `pos`: the
        // snippet shows a few dozen characters of it, and copying megabytes per finding made
        // the report quadratic.
        const WIDE: usize = 4096;
        if b - a <= WIDE {
            return Some((a, &self.text[a..b], 1));
        }
        let pos = if (a..=b).contains(&pos) { pos } else { a };
        let mut start = pos.saturating_sub(WIDE / 4).max(a);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (pos + WIDE / 2).min(b);
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column =
            self.lines.char_offset(&self.text, start) - self.lines.char_offset(&self.text, a) + 1;
        Some((start, &self.text[start..end], column))
    }

    /// Characters before byte `pos` in the file (SARIF's `charOffset`).
    pub fn char_offset(&self, pos: usize) -> usize {
        match &self.excerpts {
            Some(e) => e.char_offset(pos),
            None => self.lines.char_offset(&self.text, pos),
        }
    }
}

/// One source line (or a stretch of one: a very long line is kept only around its findings)
/// kept for a streamed file.
#[derive(Debug, Clone)]
struct ExcerptLine {
    number: usize,
    start: usize,
    chars_before: usize,
    /// Characters of the line before `start` (0 when the whole line is kept).
    column_before: usize,
    text: String,
}

/// The lines (and span texts) a streamed file's findings touch.
#[derive(Debug, Clone, Default)]
pub struct Excerpts {
    /// Sorted by `start`.
    lines: Vec<ExcerptLine>,
    spans: rustc_hash::FxHashMap<(usize, usize), String>,
}

impl Excerpts {
    /// Keeps line `number`, which starts at byte `start` after `chars_before` characters.
    pub fn add_line(&mut self, number: usize, start: usize, chars_before: usize, text: &str) {
        self.add_stretch(number, start, chars_before, 0, text);
    }

    /// Keeps a stretch of line `number` from byte `start` (after `chars_before` characters in
    /// the file and `column_before` in the line) to the line's end or the stretch's.
    pub fn add_stretch(
        &mut self,
        number: usize,
        start: usize,
        chars_before: usize,
        column_before: usize,
        text: &str,
    ) {
        if let Err(i) = self.lines.binary_search_by_key(&start, |l| l.start) {
            self.lines.insert(
                i,
                ExcerptLine {
                    number,
                    start,
                    chars_before,
                    column_before,
                    text: text.trim_end_matches(['\n', '\r']).to_string(),
                },
            );
        }
    }

    /// Keeps the text of a span.
    pub fn add_span(&mut self, span: Span, text: &str) {
        self.spans.insert((span.start, span.end), text.to_string());
    }

    fn at(&self, pos: usize) -> Option<&ExcerptLine> {
        let i = self.lines.partition_point(|l| l.start <= pos);
        i.checked_sub(1).map(|i| &self.lines[i])
    }

    fn line_col(&self, pos: usize) -> (usize, usize) {
        match self.at(pos) {
            Some(l) => {
                let off = (pos - l.start).min(l.text.len());
                let mut off = off;
                while !l.text.is_char_boundary(off) {
                    off -= 1;
                }
                (
                    l.number,
                    l.column_before + l.text[..off].chars().count() + 1,
                )
            }
            None => (1, 1),
        }
    }

    fn slice(&self, span: Span) -> &str {
        if let Some(s) = self.spans.get(&(span.start, span.end)) {
            return s;
        }
        match self.at(span.start) {
            Some(l) => l
                .text
                .get(span.start - l.start..(span.end - l.start).min(l.text.len()))
                .unwrap_or(""),
            None => "",
        }
    }

    /// The kept stretch of line `n` nearest `pos`: its start, text and first column.
    fn line_near(&self, n: usize, pos: usize) -> Option<(usize, &str, usize)> {
        let l = self
            .lines
            .iter()
            .filter(|l| l.number == n)
            .min_by_key(|l| {
                if pos < l.start {
                    l.start - pos
                } else {
                    pos.saturating_sub(l.start + l.text.len())
                }
            })?;
        Some((l.start, &l.text, l.column_before + 1))
    }

    fn char_offset(&self, pos: usize) -> usize {
        match self.at(pos) {
            Some(l) => {
                let mut off = (pos - l.start).min(l.text.len());
                while !l.text.is_char_boundary(off) {
                    off -= 1;
                }
                l.chars_before + l.text[..off].chars().count()
            }
            None => 0,
        }
    }
}

/// A report format that takes files one at a time, so a huge file can be reported while it is
/// read. A streamed file may arrive in several parts, in order.
pub trait Sink {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn file(&mut self, f: CheckedFile, out: &mut dyn Write) -> io::Result<()>;
    fn end(&mut self, summary: &Summary, out: &mut dyn Write) -> io::Result<()>;
}

/// Writes whole files through a sink.
pub fn write_through(
    sink: &mut dyn Sink,
    files: Vec<CheckedFile>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let summary = Summary::of(&files);
    sink.begin(out)?;
    for f in files {
        sink.file(f, out)?;
    }
    sink.end(&summary, out)
}

/// A sink for formats that need every file before writing (SARIF's rule table, JUnit's
/// counts, the HTML page): it keeps the files and hands them to `write` at the end.
pub struct Buffered<W: FnMut(&[CheckedFile], &mut dyn Write) -> io::Result<()>> {
    files: Vec<CheckedFile>,
    write: W,
}

impl<W: FnMut(&[CheckedFile], &mut dyn Write) -> io::Result<()>> Buffered<W> {
    pub fn new(write: W) -> Self {
        Buffered {
            files: Vec::new(),
            write,
        }
    }
}

impl<W: FnMut(&[CheckedFile], &mut dyn Write) -> io::Result<()>> Sink for Buffered<W> {
    fn file(&mut self, f: CheckedFile, _out: &mut dyn Write) -> io::Result<()> {
        self.files.push(f);
        Ok(())
    }

    fn end(&mut self, _summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        (self.write)(&self.files, out)
    }
}

/// The findings of one checked file.
pub struct CheckedFile {
    pub file: SourceFile,
    pub findings: Vec<Finding>,
    pub passed: Vec<Passed>,
}

/// Counts for the summary line and `--statistics`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    // Alphabetical: the order JSON consumers have always seen.
    pub by_rule: BTreeMap<String, usize>,
    pub errors: usize,
    pub files: usize,
    pub findings: usize,
    pub infos: usize,
    pub passed: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(files: &[CheckedFile]) -> Summary {
        let mut s = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for f in files {
            s.add(f);
        }
        s
    }

    /// Counts one file's (or one part's) findings; the caller counts files.
    pub fn add(&mut self, f: &CheckedFile) {
        self.passed += f.passed.len();
        for x in &f.findings {
            self.findings += 1;
            match x.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
            *self.by_rule.entry(x.rule.to_string()).or_default() += 1;
        }
    }
}

/// Options every check reporter may use.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportOptions {
    pub color: bool,
    pub show_passed: bool,
    pub statistics: bool,
}

/// Formats a number the way a reader writes it: thousands separators, at most `decimals`.
pub fn format_number(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.trim_end_matches('0').to_string())),
        None => (s.clone(), None),
    };
    let mut grouped = String::new();
    let len = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let mut out = if v < 0.0 && (grouped != "0" || frac.as_deref().is_some_and(|f| !f.is_empty())) {
        format!("-{grouped}")
    } else {
        grouped
    };
    if let Some(f) = frac.filter(|f| !f.is_empty()) {
        out.push('.');
        out.push_str(&f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(format_number(24.8548, 1), "24.9");
        assert_eq!(format_number(1500000.0, 0), "1,500,000");
        assert_eq!(format_number(2024.0, 0), "2,024");
        assert_eq!(format_number(12345.0, 0), "12,345");
        assert_eq!(format_number(-0.04, 1), "0");
        assert_eq!(format_number(-3.25, 2), "-3.25");
        assert_eq!(format_number(5.0, 2), "5");
    }
}
