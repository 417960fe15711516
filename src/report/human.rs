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
        let (text, first_col) = file
            .line_near(line, f.span.start)
            .map_or((String::new(), 1), |(_, t, c)| (t.replace('\t', " "), c));
        let chars: Vec<char> = text.chars().collect();
        // Columns within the kept text (0-based), underlined from `a` to `b`.
        let a = if line == loc.line {
            loc.column.saturating_sub(first_col)
        } else {
            0
        };
        let b = if line == loc.end_line {
            loc.end_column.saturating_sub(first_col)
        } else {
            chars.len()
        };
        let a = a.min(chars.len());
        let b = b.clamp(a, chars.len().max(a));
        // A very long line (a file with no line breaks) is shown only around the finding.
        const LONG: usize = 240;
        const CONTEXT: usize = 80;
        let (from, to) = if chars.len() > LONG || first_col > 1 {
            (a.saturating_sub(CONTEXT), (b + CONTEXT).min(chars.len()))
        } else {
            (0, chars.len())
        };
        let cut_before = from > 0 || first_col > 1;
        let cut_after = to < chars.len();
        let shown: String = chars[from..to].iter().collect();
        let lead = if cut_before { "…" } else { "" };
        writeln!(
            out,
            "{} {bar} {lead}{shown}{}",
            format!("{line:>width$}").blue().bold(),
            if cut_after { "…" } else { "" }
        )?;
        let marks = "^".repeat((b - a).max(1));
        writeln!(
            out,
            "{pad} {bar} {}{}",
            " ".repeat(a - from + lead.chars().count()),
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
        let (a, line_text, _) = file
            .line_near(loc.line, fix.span.start)
            .unwrap_or((0, "", 1));
        let b = a + line_text.len();
        let label = if fix.safe { "fix" } else { "suggestion" };
        let on_boundaries = |x: usize| x >= a && x <= b && line_text.is_char_boundary(x - a);
        if on_boundaries(fix.span.start) && on_boundaries(fix.span.end) {
            // The fixed line, or on a very long line the fixed words and some around them.
            let (mut from, mut to) = (0, line_text.len());
            if line_text.len() > 240 {
                from = (fix.span.start - a).saturating_sub(80);
                to = (fix.span.end - a + 80).min(line_text.len());
                while !line_text.is_char_boundary(from) {
                    from -= 1;
                }
                while !line_text.is_char_boundary(to) {
                    to += 1;
                }
            }
            let fixed = format!(
                "{}{}{}{}{}",
                if from > 0 { "…" } else { "" },
                &line_text[from..fix.span.start - a],
                fix.replacement,
                &line_text[fix.span.end - a..to],
                if to < line_text.len() { "…" } else { "" }
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
