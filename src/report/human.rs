//! `--format human` (the default): rustc-style snippets with the span underlined, the
//! explanation and the suggested fix, then a summary line.

use super::{CheckedFile, ReportOptions, Sink, SourceFile, Summary};
use crate::diagnostic::{Finding, Severity};
use colored::{ColoredString, Colorize};
use std::io::{self, Write};

fn severity_label(s: Severity) -> ColoredString {
    match s {
        Severity::Error => "error".red().bold(),
        Severity::Warning => "warning".yellow().bold(),
        Severity::Info => "info".cyan().bold(),
    }
}

fn underline(s: Severity, text: &str) -> ColoredString {
    match s {
        Severity::Error => text.red().bold(),
        Severity::Warning => text.yellow().bold(),
        Severity::Info => text.cyan().bold(),
    }
}

/// Writes one snippet: the source line(s) of `span` with the span underlined.
pub fn snippet(file: &SourceFile, f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let loc = file.locate(f.span);
    let width = loc.end_line.to_string().len().max(2);
    let pad = " ".repeat(width);
    let bar = "|".blue().bold();
    writeln!(out, "{pad} {bar}")?;
    let last_line = loc.end_line.min(loc.line + 2);
    for line in loc.line..=last_line {
        let text = file
            .line(line)
            .map_or(String::new(), |(_, t)| t.replace('\t', " "));
        writeln!(
            out,
            "{} {bar} {}",
            format!("{line:>width$}").blue().bold(),
            text
        )?;
        let start_col = if line == loc.line { loc.column } else { 1 };
        let end_col = if line == loc.end_line {
            loc.end_column
        } else {
            text.chars().count() + 1
        };
        let n = end_col.saturating_sub(start_col).max(1);
        let marks = "^".repeat(n);
        writeln!(
            out,
            "{pad} {bar} {}{}",
            " ".repeat(start_col - 1),
            underline(f.severity, &marks)
        )?;
    }
    Ok(())
}

fn write_finding(file: &SourceFile, f: &Finding, out: &mut dyn Write) -> io::Result<()> {
    let loc = file.locate(f.span);
    writeln!(
        out,
        "{}{}: {}",
        severity_label(f.severity),
        format!("[{}]", f.rule).bold(),
        f.message.bold()
    )?;
    let width = loc.end_line.to_string().len().max(2);
    let pad = " ".repeat(width);
    writeln!(
        out,
        "{}{} {}:{}:{}",
        &pad[1..],
        "-->".blue().bold(),
        file.path,
        loc.line,
        loc.column
    )?;
    snippet(file, f, out)?;
    let eq = "=".blue().bold();
    for r in &f.related {
        let l = file.locate(*r);
        writeln!(
            out,
            "{pad} {eq} {}: also at {}:{}:{}: `{}`",
            "note".bold(),
            file.path,
            l.line,
            l.column,
            file.slice(*r)
        )?;
    }
    for n in &f.notes {
        writeln!(out, "{pad} {eq} {}: {n}", "note".bold())?;
    }
    if let Some(fix) = &f.suggestion {
        let (a, line_text) = file.line(loc.line).unwrap_or((0, ""));
        let b = a + line_text.len();
        let label = if fix.safe { "fix" } else { "suggestion" };
        if fix.span.start >= a && fix.span.end <= b {
            let fixed = format!(
                "{}{}{}",
                &line_text[..fix.span.start - a],
                fix.replacement,
                &line_text[fix.span.end - a..]
            );
            writeln!(
                out,
                "{pad} {eq} {}: write `{}`: {}",
                label.green().bold(),
                fix.replacement,
                fixed.trim()
            )?;
        } else {
            writeln!(
                out,
                "{pad} {eq} {}: write `{}`",
                label.green().bold(),
                fix.replacement
            )?;
        }
    }
    writeln!(out)
}

pub fn write(files: &[CheckedFile], opts: &ReportOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut sink = HumanSink { opts: *opts };
    let summary = Summary::of(files);
    for f in files {
        sink.write_file(f, out)?;
    }
    sink.end(&summary, out)
}

/// The human format as a [`Sink`]: each file as it comes, the summary at the end.
pub struct HumanSink {
    pub opts: ReportOptions,
}

impl HumanSink {
    fn write_file(&mut self, f: &CheckedFile, out: &mut dyn Write) -> io::Result<()> {
        for x in &f.findings {
            write_finding(&f.file, x, out)?;
        }
        if self.opts.show_passed {
            for p in &f.passed {
                let loc = f.file.locate(p.span);
                writeln!(
                    out,
                    "{}[{}]: {} ({}) -- {}",
                    "ok".green().bold(),
                    p.kind,
                    p.claim.bold(),
                    p.arithmetic,
                    p.verdict
                )?;
                writeln!(
                    out,
                    "  {} {}:{}:{}",
                    "-->".blue().bold(),
                    f.file.path,
                    loc.line,
                    loc.column
                )?;
            }
            if !f.passed.is_empty() {
                writeln!(out)?;
            }
        }
        Ok(())
    }
}

impl Sink for HumanSink {
    fn file(&mut self, f: CheckedFile, out: &mut dyn Write) -> io::Result<()> {
        self.write_file(&f, out)
    }

    fn end(&mut self, s: &Summary, out: &mut dyn Write) -> io::Result<()> {
        if self.opts.statistics && !s.by_rule.is_empty() {
            writeln!(out, "{}", "Findings per rule:".bold())?;
            let w = s.by_rule.keys().map(|k| k.len()).max().unwrap_or(0);
            for (rule, n) in &s.by_rule {
                writeln!(out, "  {rule:<w$}  {n:>5}")?;
            }
            writeln!(out)?;
        }
        writeln!(out, "{}", summary_line(s))
    }
}

/// "Found 3 problems (2 errors, 1 warning) in 2 files; 4 claims hold."
pub fn summary_line(s: &Summary) -> String {
    let files = if s.files == 1 {
        "1 file".to_string()
    } else {
        format!("{} files", s.files)
    };
    let held = match s.passed {
        0 => String::new(),
        1 => "; 1 checked claim holds".into(),
        n => format!("; {n} checked claims hold"),
    };
    if s.findings == 0 {
        return format!("{} in {files}{held}.", "No problems found".green().bold());
    }
    let mut parts = Vec::new();
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("1 {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    if s.errors > 0 {
        parts.push(plural(s.errors, "error").red().bold().to_string());
    }
    if s.warnings > 0 {
        parts.push(plural(s.warnings, "warning").yellow().bold().to_string());
    }
    if s.infos > 0 {
        parts.push(plural(s.infos, "note").cyan().bold().to_string());
    }
    let problems = if s.findings == 1 {
        "1 problem".to_string()
    } else {
        format!("{} problems", s.findings)
    };
    format!(
        "Found {} ({}) in {files}{held}.",
        problems.bold(),
        parts.join(", ")
    )
}
