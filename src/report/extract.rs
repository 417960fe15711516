//! `extract --format json|human`: every quantity understood, with its interval.

use super::SourceFile;
use super::json::{finite, write_pretty_at};
use crate::extract::{DateMention, Quantity};
use crate::pipeline::ExtractReport;
use crate::vocab::Vocabulary;
use colored::Colorize;
use serde_json::{Value, json};
use std::io::{self, Write};

/// One extracted file.
pub struct ExtractedFile {
    pub file: SourceFile,
    pub report: ExtractReport,
}

/// One quantity of `extract --format json`. The fields are in alphabetical order, the order
/// `json!` objects are written in, so a quantity reads like every other item.
#[derive(serde::Serialize)]
struct QuantityItem<'a> {
    ambiguous: Vec<&'a str>,
    byte_end: usize,
    byte_start: usize,
    column: usize,
    dimension: &'static str,
    end_column: usize,
    end_line: usize,
    hedge: Option<&'static str>,
    high: Option<f64>,
    line: usize,
    low: Option<f64>,
    noun: Option<&'a str>,
    noun_text: Option<&'a str>,
    path: &'a str,
    precision: PrecisionItem,
    range: Option<RangeItem>,
    strict_high: Option<f64>,
    strict_low: Option<f64>,
    temperature: Option<crate::extract::TemperatureReading>,
    text: &'a str,
    unit: Option<&'a str>,
    unit_text: Option<&'a str>,
    value: Option<f64>,
}

#[derive(serde::Serialize)]
struct PrecisionItem {
    significant_figures: u32,
    step: Option<f64>,
    strict_step: Option<f64>,
}

#[derive(serde::Serialize)]
struct RangeItem {
    from: Option<f64>,
    to: Option<f64>,
}

/// A number for JSON: `None` (null) for infinities and NaN, which JSON has no words for.
fn fin(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

fn quantity_item<'a>(
    f: &'a SourceFile,
    q: &'a Quantity,
    vocab: &'a Vocabulary,
) -> QuantityItem<'a> {
    let loc = f.locate(q.span);
    let units = &vocab.units.registry;
    QuantityItem {
        ambiguous: q
            .alternatives
            .iter()
            .map(|u| &*units.get(*u).name)
            .collect(),
        byte_end: q.span.end,
        byte_start: q.span.start,
        column: loc.column,
        dimension: q.dimension.as_str(),
        end_column: loc.end_column,
        end_line: loc.end_line,
        hedge: q.hedge.map(|h| h.as_str()),
        high: fin(q.interval.hi),
        line: loc.line,
        low: fin(q.interval.lo),
        noun: q.noun.as_ref().map(|n| &*n.lemma),
        noun_text: q.noun.as_ref().map(|n| &*n.text),
        path: &f.path,
        precision: PrecisionItem {
            significant_figures: q.precision.lenient_sig,
            step: fin(q.precision.lenient_step),
            strict_step: fin(q.precision.strict_step),
        },
        range: q.range.map(|(a, b)| RangeItem {
            from: fin(a),
            to: fin(b),
        }),
        strict_high: fin(q.strict.hi),
        strict_low: fin(q.strict.lo),
        temperature: q.temperature,
        text: f.slice(q.span),
        unit: q.unit_name.as_deref(),
        unit_text: q.unit_span.map(|s| f.slice(s)),
        value: q.value.map(fin).unwrap_or(None),
    }
}

fn fraction_value(f: &SourceFile, x: &crate::extract::FractionMention) -> Value {
    let loc = f.locate(x.span);
    json!({
        "path": f.path, "line": loc.line, "column": loc.column,
        "end_line": loc.end_line, "end_column": loc.end_column,
        "byte_start": x.span.start, "byte_end": x.span.end,
        "text": f.slice(x.span), "value": finite(x.value), "range": null,
        "low": finite(x.value), "high": finite(x.value), "unit": null, "unit_text": null,
        "noun": null, "noun_text": null, "dimension": "count", "hedge": null, "ambiguous": [],
        "fraction": true,
    })
}

/// Writes `extract --format json` for whole files.
pub fn write_json(
    files: &[ExtractedFile],
    vocab: &Vocabulary,
    dates: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut w = JsonWriter::new(vocab, dates);
    w.begin(out)?;
    for f in files {
        w.file(f, out)?;
    }
    w.end(out)
}

/// `extract --format json` written as files (or the pieces of a streamed file) come:
/// quantities straight out; multipliers and dates, which JSON wants after them, are spooled
/// to a temporary file (memory when none can be made) until the end.
pub struct JsonWriter<'v> {
    vocab: &'v Vocabulary,
    dates: bool,
    first: bool,
    multipliers: Spool,
    date_items: Spool,
}

/// Pretty JSON items kept for later, in a temporary file that is deleted when dropped.
struct Spool {
    items: usize,
    file: Option<(std::path::PathBuf, io::BufWriter<std::fs::File>)>,
    memory: Vec<u8>,
}

impl Spool {
    fn new(name: &str) -> Spool {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "numlint-{}-{}-{name}.json",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .ok()
            .map(|f| (path, io::BufWriter::new(f)));
        Spool {
            items: 0,
            file,
            memory: Vec::new(),
        }
    }

    fn push<T: serde::Serialize>(&mut self, item: &T) -> io::Result<()> {
        let sink: &mut dyn Write = match &mut self.file {
            Some((_, w)) => w,
            None => &mut self.memory,
        };
        if self.items > 0 {
            sink.write_all(b",\n")?;
        }
        write_pretty_at(sink, item, 4)?;
        self.items += 1;
        Ok(())
    }

    /// Copies the items to `out`.
    fn drain_to(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if let Some((path, w)) = &mut self.file {
            w.flush()?;
            let mut f = std::fs::File::open(&*path)?;
            io::copy(&mut f, out)?;
        }
        out.write_all(&self.memory)
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        if let Some((path, _)) = self.file.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

impl<'v> JsonWriter<'v> {
    pub fn new(vocab: &'v Vocabulary, dates: bool) -> Self {
        JsonWriter {
            vocab,
            dates,
            first: true,
            multipliers: Spool::new("multipliers"),
            date_items: Spool::new("dates"),
        }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"{\n  \"quantities\": [")
    }

    fn quantity<T: serde::Serialize>(&mut self, v: &T, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        write_pretty_at(out, v, 4)
    }

    pub fn file(&mut self, f: &ExtractedFile, out: &mut dyn Write) -> io::Result<()> {
        self.report(&f.file, &f.report, out)
    }

    /// Writes what was extracted from `file`: the whole file, or a part of it (a piece of a
    /// streamed file, some paragraphs of a large Markdown file), parts in order.
    pub fn report(
        &mut self,
        file: &SourceFile,
        report: &ExtractReport,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        // Quantities and bare fractions ("two-thirds of voters" is a number too) in the order
        // they are written.
        let (qs, xs) = (&report.quantities, &report.fractions);
        let (mut i, mut j) = (0, 0);
        while i < qs.len() || j < xs.len() {
            if j >= xs.len() || (i < qs.len() && qs[i].span.start <= xs[j].span.start) {
                i += 1;
                self.quantity(&quantity_item(file, &qs[i - 1], self.vocab), out)?;
            } else {
                j += 1;
                self.quantity(&fraction_value(file, &xs[j - 1]), out)?;
            }
        }
        for m in &report.multipliers {
            let loc = file.locate(m.span);
            let v = json!({
                "path": file.path, "line": loc.line, "column": loc.column,
                "end_line": loc.end_line, "end_column": loc.end_column,
                "byte_start": m.span.start, "byte_end": m.span.end,
                "text": file.slice(m.span), "factor": finite(m.factor),
            });
            self.multipliers.push(&v)?;
        }
        if self.dates {
            for d in &report.dates {
                let loc = file.locate(d.span);
                // The keys of a quantity (so one reader takes both), then the date's parts.
                let v = json!({
                    "path": file.path, "line": loc.line, "column": loc.column,
                    "end_line": loc.end_line, "end_column": loc.end_column,
                    "byte_start": d.span.start, "byte_end": d.span.end,
                    "text": file.slice(d.span), "dimension": "date",
                    "value": null, "range": null, "low": null, "high": null, "unit": null,
                    "unit_text": null, "noun": null, "noun_text": null, "hedge": null,
                    "ambiguous": [], "precision": null, "strict_low": null, "strict_high": null,
                    "temperature": null,
                    "iso": iso_date(d),
                    "year": d.year, "month": d.month, "day": d.day, "weekday": d.weekday,
                    "hour": d.hour, "minute": d.minute,
                });
                self.date_items.push(&v)?;
            }
        }
        Ok(())
    }

    pub fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.first { b"]," } else { b"\n  ]," })?;
        let dates = self.dates;
        let mut lists: Vec<(&str, &mut Spool)> = vec![("multipliers", &mut self.multipliers)];
        if dates {
            lists.push(("dates", &mut self.date_items));
        }
        for (key, spool) in lists {
            write!(out, "\n  \"{key}\": [")?;
            if spool.items > 0 {
                out.write_all(b"\n")?;
                spool.drain_to(out)?;
            }
            out.write_all(if spool.items == 0 { b"]," } else { b"\n  ]," })?;
        }
        out.write_all(b"\n  \"version\": 1\n}\n")
    }
}

/// The parts of a date mention in ISO 8601 form: "2024-01-05", "2023-10", "--10-05" (no year),
/// "2024", "T06:15"; `None` when it has none of them (a weekday alone).
fn iso_date(d: &DateMention) -> Option<String> {
    let date = match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => format!("{y:04}-{m:02}-{day:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (None, Some(m), Some(day)) => format!("--{m:02}-{day:02}"),
        (Some(y), None, None) => format!("{y:04}"),
        _ => String::new(),
    };
    let time = match (d.hour, d.minute) {
        (Some(h), Some(m)) => format!("T{h:02}:{m:02}"),
        (Some(h), None) => format!("T{h:02}"),
        _ => String::new(),
    };
    let s = format!("{date}{time}");
    (!s.is_empty()).then_some(s)
}

fn fmt_opt(v: f64) -> String {
    if v.is_finite() {
        let s = format!("{v:.6}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        s.to_string()
    } else if v > 0.0 {
        "∞".into()
    } else {
        "-∞".into()
    }
}

pub fn write_human(files: &[ExtractedFile], dates: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut total = 0;
    for f in files {
        let n = f.report.quantities.len();
        total += n;
        let no_dates = !dates || f.report.dates.is_empty();
        if n == 0 && f.report.multipliers.is_empty() && no_dates {
            continue;
        }
        writeln!(out, "{}", f.file.path.bold())?;
        for q in &f.report.quantities {
            let loc = f.file.locate(q.span);
            let value = match (q.value, q.range) {
                (Some(v), _) => fmt_opt(v),
                (None, Some((a, b))) => format!("{}..{}", fmt_opt(a), fmt_opt(b)),
                _ => "?".into(),
            };
            let unit = q.unit_name.clone().unwrap_or_default();
            let noun = q
                .noun
                .as_ref()
                .map(|n| format!(" ({})", n.lemma))
                .unwrap_or_default();
            let hedge = q
                .hedge
                .map(|h| format!(" {}", h.as_str().replace('_', " ")))
                .unwrap_or_default();
            writeln!(
                out,
                "  {:>4}:{:<3} {:<28} {:>14} {:<18} {:<22} [{} .. {}]{}",
                loc.line.to_string().blue(),
                loc.column,
                format!("`{}`", f.file.slice(q.span)).bold(),
                value.green(),
                format!("{unit}{noun}"),
                q.dimension.as_str().cyan(),
                fmt_opt(q.interval.lo),
                fmt_opt(q.interval.hi),
                hedge.yellow(),
            )?;
        }
        for m in &f.report.multipliers {
            let loc = f.file.locate(m.span);
            writeln!(
                out,
                "  {:>4}:{:<3} {:<28} {:>14} multiplier",
                loc.line.to_string().blue(),
                loc.column,
                format!("`{}`", f.file.slice(m.span)).bold(),
                format!("x{}", fmt_opt(m.factor)).green()
            )?;
        }
        for x in &f.report.fractions {
            let loc = f.file.locate(x.span);
            writeln!(
                out,
                "  {:>4}:{:<3} {:<28} {:>14} fraction",
                loc.line.to_string().blue(),
                loc.column,
                format!("`{}`", f.file.slice(x.span)).bold(),
                fmt_opt(x.value).green()
            )?;
        }
        if dates {
            for d in &f.report.dates {
                let loc = f.file.locate(d.span);
                writeln!(
                    out,
                    "  {:>4}:{:<3} {:<28} {:>14} date",
                    loc.line.to_string().blue(),
                    loc.column,
                    format!("`{}`", f.file.slice(d.span)).bold(),
                    iso_date(d).unwrap_or_default().green()
                )?;
            }
        }
    }
    let plural = if total == 1 { "quantity" } else { "quantities" };
    writeln!(
        out,
        "{} {plural} in {} file(s).",
        total.to_string().bold(),
        files.len()
    )
}
