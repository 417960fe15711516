//! `--format junit`: JUnit XML, which every CI system can show as a test report. Each checked
//! file is one test case (so clean files show as passing); each error or warning is a
//! `<failure>` of that case, and info findings go to its `<system-out>` because style advice
//! should be visible without failing the test.

use super::{CheckedFile, SourceFile};
use crate::diagnostic::{Finding, Severity};
use std::io::{self, Write};

/// Escapes text for XML content and attribute values. Characters that XML 1.0 cannot carry at
/// all (most C0 controls) become U+FFFD so that the report always parses.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Kept as references so that attribute values keep their line breaks and tabs.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// `path:line:col severity rule message`, then notes and the fix, one per line.
fn describe(file: &SourceFile, x: &Finding) -> String {
    let loc = file.locate(x.span);
    let mut s = format!(
        "{}:{}:{} {} {} {}",
        file.path, loc.line, loc.column, x.severity, x.rule, x.message
    );
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

fn is_failure(x: &Finding) -> bool {
    x.severity >= Severity::Warning
}

/// Writes one `<testsuite name="numlint">` with a test case per file.
pub fn write(files: &[CheckedFile], out: &mut dyn Write) -> io::Result<()> {
    let failing = files
        .iter()
        .filter(|f| f.findings.iter().any(is_failure))
        .count();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuite name="numlint" tests="{}" failures="{failing}" errors="0" skipped="0">"#,
        files.len()
    )?;
    for f in files {
        let name = escape(&f.file.path);
        if f.findings.is_empty() {
            writeln!(out, r#"  <testcase classname="numlint" name="{name}"/>"#)?;
            continue;
        }
        writeln!(out, r#"  <testcase classname="numlint" name="{name}">"#)?;
        for x in f.findings.iter().filter(|x| is_failure(x)) {
            writeln!(
                out,
                r#"    <failure message="{}" type="{}">{}</failure>"#,
                escape(&x.message),
                escape(x.rule),
                escape(&describe(&f.file, x))
            )?;
        }
        let infos: Vec<String> = f
            .findings
            .iter()
            .filter(|x| !is_failure(x))
            .map(|x| describe(&f.file, x))
            .collect();
        if !infos.is_empty() {
            writeln!(
                out,
                "    <system-out>{}</system-out>",
                escape(&infos.join("\n"))
            )?;
        }
        writeln!(out, "  </testcase>")?;
    }
    writeln!(out, "</testsuite>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_controls_are_escaped() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;"
        );
        assert_eq!(escape("a\nb\u{1}"), "a&#10;b\u{FFFD}");
    }
}
