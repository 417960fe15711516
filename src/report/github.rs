//! `--format github`: GitHub Actions workflow commands, one per finding, so that findings show
//! as annotations on the pull request's changed lines without uploading anything.
//!
//! `::error file=a.md,line=1,col=5,endLine=1,endColumn=9,title=numlint (rule)::message`; info
//! findings become `notice`, the level GitHub shows without marking the run as failed.

use super::CheckedFile;
use crate::diagnostic::{Finding, Severity};
use std::io::{self, Write};

/// GitHub's word for a severity.
fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a command's message as the Actions toolkit does (`escapeData`): without it a `%`
/// would be read as an escape and a line break would end the command early.
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value (`escapeProperty`): as data, plus `:` and `,`, which would
/// otherwise end the property list or the property.
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in escape_data(s).chars() {
        match c {
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// The annotation's text: the message, then its notes and fix on lines of their own.
fn body(x: &Finding) -> String {
    let mut s = x.message.clone();
    for n in &x.notes {
        s.push_str("\nnote: ");
        s.push_str(n);
    }
    if let Some(fix) = &x.suggestion {
        let label = if fix.safe { "fix" } else { "suggestion" };
        s.push_str(&format!("\n{label}: write `{}`", fix.replacement));
    }
    s
}

/// Writes one workflow command per finding.
pub fn write(files: &[CheckedFile], out: &mut dyn Write) -> io::Result<()> {
    for f in files {
        write_file(f, out)?;
    }
    Ok(())
}

/// The GitHub format as a [`super::Sink`].
pub struct GithubSink;

impl super::Sink for GithubSink {
    fn file(&mut self, f: CheckedFile, out: &mut dyn Write) -> io::Result<()> {
        write_file(&f, out)
    }

    fn end(&mut self, _s: &super::Summary, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

fn write_file(f: &CheckedFile, out: &mut dyn Write) -> io::Result<()> {
    {
        for x in &f.findings {
            let loc = f.file.locate(x.span);
            writeln!(
                out,
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                command(x.severity),
                escape_property(&f.file.path),
                loc.line,
                loc.column,
                loc.end_line,
                loc.end_column,
                escape_property(&format!("numlint ({})", x.rule)),
                escape_data(&body(x))
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("50% more\r\nlines: a, b"),
            "50%25 more%0D%0Alines: a, b"
        );
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("C:\\a,b%\n"), "C%3A\\a%2Cb%25%0A");
        // `%` is escaped first, so an existing `%3A` is not mistaken for an escape.
        assert_eq!(escape_property("%3A"), "%253A");
    }
}
