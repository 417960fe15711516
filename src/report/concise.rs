//! `--format concise`: one line per finding, `path:line:col: severity[rule] message`, the shape
//! compilers and ruff print, so editors and `grep` can jump to each finding; then the summary line.

use super::human::summary_line;
use super::{CheckedFile, Sink, Summary};
use std::io::{self, Write};

/// Writes one line per finding, in file order, then the summary line.
pub fn write(files: &[CheckedFile], out: &mut dyn Write) -> io::Result<()> {
    for f in files {
        write_file(f, out)?;
    }
    writeln!(out, "{}", summary_line(&Summary::of(files)))
}

/// The concise format as a [`Sink`].
pub struct ConciseSink;

impl Sink for ConciseSink {
    fn file(&mut self, f: CheckedFile, out: &mut dyn Write) -> io::Result<()> {
        write_file(&f, out)
    }

    fn end(&mut self, s: &Summary, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", summary_line(s))
    }
}

fn write_file(f: &CheckedFile, out: &mut dyn Write) -> io::Result<()> {
    {
        for x in &f.findings {
            let loc = f.file.locate(x.span);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                f.file.path,
                loc.line,
                loc.column,
                x.severity,
                x.rule,
                one_line(&x.message)
            )?;
        }
    }
    Ok(())
}

/// A line break inside a message would split one finding over two lines and break the
/// one-finding-per-line promise that scripts rely on.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_stay_on_one_line() {
        assert_eq!(one_line("a\r\nb\nc"), "a b c");
        assert_eq!(one_line("plain"), "plain");
    }
}
