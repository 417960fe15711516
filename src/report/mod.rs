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
pub struct SourceFile {
    pub path: String,
    pub text: String,
    pub lines: LineIndex,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> SourceFile {
        let lines = LineIndex::new(&text);
        SourceFile { path, text, lines }
    }

    pub fn locate(&self, span: Span) -> Location {
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
        self.text.get(span.start..span.end).unwrap_or("")
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
            s.passed += f.passed.len();
            for x in &f.findings {
                s.findings += 1;
                match x.severity {
                    Severity::Error => s.errors += 1,
                    Severity::Warning => s.warnings += 1,
                    Severity::Info => s.infos += 1,
                }
                *s.by_rule.entry(x.rule.to_string()).or_default() += 1;
            }
        }
        s
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
