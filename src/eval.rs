//! `numlint eval`: how well numlint does on a labelled corpus.
//!
//! The corpus is JSON Lines, one sentence a line: `{"id", "text", "kind", "label", "truth",
//! "note"?}` (eval/README.md describes the labels and how they were computed). Each sentence is
//! checked as its own document with the library's [`crate::check_source`]; a sentence counts as
//! *flagged* when numlint reports a finding of severity error or warning on it (info does not
//! count). Then, per kind and in total:
//!
//! - **sensitivity**: the share of `inconsistent` sentences that are flagged;
//! - **specificity**: the share of `consistent` and `none` sentences that are not flagged.
//!
//! Rows with any other label (such as `ambiguous`) are skipped. This is the same scoring as
//! `../shared/eval/score_checks.py`, run in process.

use crate::app::ExitStatus;
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::pipeline::check_source;
use crate::source::InputFormat;
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

/// The corpus `numlint eval` reads when given no file (relative to the working directory).
pub const DEFAULT_CORPUS: &str = "eval/corpus.jsonl";

/// Options of `numlint eval`.
#[derive(Debug, Clone, Args)]
pub struct EvalArgs {
    /// A JSON Lines file of labelled sentences (default: eval/corpus.jsonl).
    #[arg(value_name = "FILE")]
    pub file: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: EvalFormat,

    /// List up to N missed sentences and N false alarms, with the findings' rules and messages.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub show: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    Human,
    Json,
}

/// What a sentence is labelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// It states a claim that holds.
    Consistent,
    /// It states a claim that does not hold: numlint should flag it.
    Inconsistent,
    /// It has numbers but no checkable claim.
    None,
}

impl Label {
    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "consistent" => Some(Label::Consistent),
            "inconsistent" => Some(Label::Inconsistent),
            "none" => Some(Label::None),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Consistent => "consistent",
            Label::Inconsistent => "inconsistent",
            Label::None => "none",
        }
    }
}

/// A finding that made (or, below warning, did not make) a sentence flagged.
#[derive(Debug, Clone, PartialEq)]
pub struct Reported {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
}

/// One scored sentence.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// 1-based line in the corpus file.
    pub line: usize,
    /// The row's id (`line N` when it has none).
    pub id: String,
    pub kind: String,
    pub label: Label,
    pub text: String,
    /// The recomputation the corpus gives, if any.
    pub truth: Option<String>,
    /// A finding of severity warning or above was reported.
    pub flagged: bool,
    /// Every finding, in source order.
    pub findings: Vec<Reported>,
}

impl Outcome {
    /// Flagged but labelled consistent or none.
    pub fn is_false_alarm(&self) -> bool {
        self.flagged && self.label != Label::Inconsistent
    }

    /// Labelled inconsistent but not flagged.
    pub fn is_miss(&self) -> bool {
        !self.flagged && self.label == Label::Inconsistent
    }
}

/// Counts for one kind (or the total).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    /// Inconsistent sentences.
    pub positives: usize,
    /// Inconsistent sentences flagged.
    pub flagged: usize,
    /// Consistent and none sentences.
    pub negatives: usize,
    /// Consistent and none sentences not flagged.
    pub passed: usize,
}

impl Score {
    fn add(&mut self, o: &Outcome) {
        if o.label == Label::Inconsistent {
            self.positives += 1;
            self.flagged += o.flagged as usize;
        } else {
            self.negatives += 1;
            self.passed += !o.flagged as usize;
        }
    }

    /// Inconsistent sentences flagged, in percent; `None` without any.
    pub fn sensitivity(&self) -> Option<f64> {
        (self.positives > 0).then(|| 100.0 * self.flagged as f64 / self.positives as f64)
    }

    /// Consistent and none sentences left alone, in percent; `None` without any.
    pub fn specificity(&self) -> Option<f64> {
        (self.negatives > 0).then(|| 100.0 * self.passed as f64 / self.negatives as f64)
    }
}

/// The result of scoring a corpus.
#[derive(Debug, Clone)]
pub struct Report {
    pub path: String,
    /// Every scored sentence, in file order.
    pub outcomes: Vec<Outcome>,
    /// Rows whose label is not consistent, inconsistent or none.
    pub skipped: usize,
}

impl Report {
    /// Scores per kind, sorted by kind.
    pub fn by_kind(&self) -> BTreeMap<&str, Score> {
        let mut m: BTreeMap<&str, Score> = BTreeMap::new();
        for o in &self.outcomes {
            m.entry(o.kind.as_str()).or_default().add(o);
        }
        m
    }

    pub fn total(&self) -> Score {
        let mut s = Score::default();
        for o in &self.outcomes {
            s.add(o);
        }
        s
    }

    pub fn misses(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.is_miss())
    }

    pub fn false_alarms(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.is_false_alarm())
    }

    /// The human report: a line per kind, up to `show` misses and false alarms, and the totals
    /// on the last line: `sensitivity X% (a/b)  specificity Y% (c/d)`.
    pub fn write_human(&self, show: usize, out: &mut dyn Write) -> io::Result<()> {
        let n_inc = self
            .outcomes
            .iter()
            .filter(|o| o.label == Label::Inconsistent)
            .count();
        writeln!(
            out,
            "{}: {} sentences ({} inconsistent, {} consistent or none){}",
            self.path,
            self.outcomes.len(),
            n_inc,
            self.outcomes.len() - n_inc,
            if self.skipped > 0 {
                format!(", {} skipped", self.skipped)
            } else {
                String::new()
            }
        )?;
        for (kind, s) in self.by_kind() {
            writeln!(
                out,
                "{kind:12} sensitivity {:>16}   specificity {:>16}",
                ratio(s.sensitivity(), s.flagged, s.positives),
                ratio(s.specificity(), s.passed, s.negatives)
            )?;
        }
        for o in self.misses().take(show) {
            writeln!(out, "  missed      [{}] {}", o.id, o.text)?;
            if let Some(t) = &o.truth {
                writeln!(out, "                truth: {t}")?;
            }
            for f in &o.findings {
                writeln!(
                    out,
                    "                ({} only) {}: {}",
                    f.severity, f.rule, f.message
                )?;
            }
        }
        for o in self.false_alarms().take(show) {
            writeln!(
                out,
                "  false alarm [{}] ({}) {}",
                o.id,
                o.label.as_str(),
                o.text
            )?;
            for f in o
                .findings
                .iter()
                .filter(|f| f.severity >= Severity::Warning)
            {
                writeln!(
                    out,
                    "                <- {} {}: {}",
                    f.severity, f.rule, f.message
                )?;
            }
        }
        let t = self.total();
        writeln!(
            out,
            "sensitivity {}% ({}/{})  specificity {}% ({}/{})",
            pct(t.sensitivity()),
            t.flagged,
            t.positives,
            pct(t.specificity()),
            t.passed,
            t.negatives
        )
    }

    /// The figures as JSON, with up to `show` misses and false alarms.
    pub fn to_json(&self, show: usize) -> Value {
        let score = |s: &Score| {
            json!({
                "sensitivity": s.sensitivity(),
                "specificity": s.specificity(),
                "inconsistent": s.positives,
                "flagged": s.flagged,
                "negatives": s.negatives,
                "passed": s.passed,
            })
        };
        let kinds: serde_json::Map<String, Value> = self
            .by_kind()
            .iter()
            .map(|(k, s)| (k.to_string(), score(s)))
            .collect();
        let finding = |f: &Reported| json!({"rule": f.rule, "severity": f.severity.as_str(), "message": f.message});
        let row = |o: &Outcome| {
            json!({
                "id": o.id,
                "line": o.line,
                "kind": o.kind,
                "label": o.label.as_str(),
                "text": o.text,
                "truth": o.truth,
                "findings": o.findings.iter().map(finding).collect::<Vec<_>>(),
            })
        };
        json!({
            "version": 1,
            "path": self.path,
            "sentences": self.outcomes.len(),
            "skipped": self.skipped,
            "kinds": kinds,
            "total": score(&self.total()),
            "misses": self.misses().take(show).map(row).collect::<Vec<_>>(),
            "false_alarms": self.false_alarms().take(show).map(row).collect::<Vec<_>>(),
        })
    }
}

fn pct(x: Option<f64>) -> String {
    match x {
        Some(v) => format!("{v:.1}"),
        None => "-".into(),
    }
}

fn ratio(x: Option<f64>, a: usize, b: usize) -> String {
    match x {
        Some(v) => format!("{v:.1}% ({a}/{b})"),
        None => "-".into(),
    }
}

/// A corpus row as read, before checking.
struct Row {
    line: usize,
    id: String,
    kind: String,
    label: Label,
    text: String,
    truth: Option<String>,
}

fn field<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key).filter(|x| !x.is_null())
}

/// Reads and validates the corpus; rows with another label are counted as skipped.
fn read_rows(path: &Path) -> Result<(Vec<Row>, usize), String> {
    let name = path.display();
    let data = std::fs::read_to_string(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let mut rows = Vec::new();
    let mut skipped = 0;
    for (i, line) in data.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let v: Value =
            serde_json::from_str(line).map_err(|e| format!("{name}:{n}: bad JSON: {e}"))?;
        if !v.is_object() {
            return Err(format!("{name}:{n}: expected a JSON object"));
        }
        let text = match field(&v, "text") {
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(format!("{name}:{n}: `text` is not a string")),
            None => return Err(format!("{name}:{n}: no `text`")),
        };
        let label = match field(&v, "label") {
            Some(Value::String(s)) => s.as_str(),
            Some(_) => return Err(format!("{name}:{n}: `label` is not a string")),
            None => return Err(format!("{name}:{n}: no `label`")),
        };
        let Some(label) = Label::parse(label) else {
            skipped += 1;
            continue;
        };
        let id = match field(&v, "id") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => format!("line {n}"),
        };
        let kind = match field(&v, "kind") {
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(format!("{name}:{n}: `kind` is not a string")),
            None => "other".to_string(),
        };
        let truth = field(&v, "truth")
            .and_then(|t| t.as_str())
            .map(str::to_string);
        rows.push(Row {
            line: n,
            id,
            kind,
            label,
            text,
            truth,
        });
    }
    Ok((rows, skipped))
}

/// Checks every sentence of the corpus at `path` as its own document and scores the result.
pub fn run(path: &Path, config: &Config) -> Result<Report, String> {
    let (rows, skipped) = read_rows(path)?;
    let outcomes: Result<Vec<Outcome>, String> = rows
        .into_par_iter()
        .map(|r| {
            // As score_checks.py does: one line, ending in a newline.
            let doc = format!("{}\n", r.text.replace('\n', " "));
            let rep = check_source(&doc, InputFormat::Text, config)
                .map_err(|e| format!("{}:{}: {e}", path.display(), r.line))?;
            let findings: Vec<Reported> = rep
                .findings
                .iter()
                .map(|f| Reported {
                    rule: f.rule.to_string(),
                    severity: f.severity,
                    message: f.message.clone(),
                })
                .collect();
            let flagged = findings.iter().any(|f| f.severity >= Severity::Warning);
            Ok(Outcome {
                line: r.line,
                id: r.id,
                kind: r.kind,
                label: r.label,
                text: r.text,
                truth: r.truth,
                flagged,
                findings,
            })
        })
        .collect();
    Ok(Report {
        path: path.display().to_string(),
        outcomes: outcomes?,
        skipped,
    })
}

/// `numlint eval [FILE] [--format human|json] [--show N]`.
pub fn run_command(args: &EvalArgs) -> Result<ExitStatus, String> {
    let path = args.file.as_deref().unwrap_or(DEFAULT_CORPUS);
    if args.file.is_none() && !Path::new(path).exists() {
        return Err(format!(
            "cannot find {path}: run from the repository root or name the corpus file"
        ));
    }
    let report = run(Path::new(path), &Config::default())?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let res = match args.format {
        EvalFormat::Human => report.write_human(args.show, &mut out),
        EvalFormat::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&report.to_json(args.show)).unwrap_or_default()
        ),
    };
    match res.and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitStatus::Success),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitStatus::Success),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_tmp(name: &str, body: &str) -> std::path::PathBuf {
        let p = std::env::temp_dir().join(format!("numlint-eval-{}-{name}", std::process::id()));
        std::fs::write(&p, body).unwrap();
        p
    }

    #[test]
    fn scores_flagged_and_clean_sentences() {
        let p = write_tmp(
            "ok.jsonl",
            concat!(
                r#"{"id":"a","text":"The missiles can reach targets 40 km (15 miles) away.","kind":"conversion","label":"inconsistent"}"#,
                "\n",
                r#"{"id":"b","text":"The tower stands 84 metres (276 feet) tall.","kind":"conversion","label":"consistent"}"#,
                "\n\n",
                r#"{"id":"c","text":"Manchester City won 3-1 on Sunday.","kind":"other","label":"none"}"#,
                "\n",
                r#"{"id":"d","text":"It was 10 km (6 miles).","label":"ambiguous"}"#,
                "\n",
            ),
        );
        let r = run(&p, &Config::default()).unwrap();
        std::fs::remove_file(&p).ok();
        assert_eq!(r.outcomes.len(), 3);
        assert_eq!(r.skipped, 1);
        let t = r.total();
        assert_eq!((t.positives, t.negatives), (1, 2));
        assert_eq!(r.outcomes[2].line, 4);
        let mut s = Vec::new();
        r.write_human(5, &mut s).unwrap();
        let s = String::from_utf8(s).unwrap();
        let last = s.lines().last().unwrap();
        assert!(
            last.starts_with("sensitivity ") && last.contains("specificity "),
            "{s}"
        );
        let j = r.to_json(5);
        assert_eq!(j["sentences"], 3);
        assert!(j["kinds"]["conversion"].is_object());
    }

    #[test]
    fn bad_json_names_file_and_line() {
        let p = write_tmp(
            "bad.jsonl",
            "{\"text\":\"a\",\"label\":\"none\"}\n{\"text\": oops}\n",
        );
        let err = run(&p, &Config::default()).unwrap_err();
        std::fs::remove_file(&p).ok();
        assert!(err.contains("bad.jsonl:2: bad JSON"), "{err}");
    }

    #[test]
    fn a_missing_text_is_an_error() {
        let p = write_tmp("notext.jsonl", "{\"label\":\"none\"}\n");
        let err = run(&p, &Config::default()).unwrap_err();
        std::fs::remove_file(&p).ok();
        assert!(err.contains("notext.jsonl:1: no `text`"), "{err}");
    }
}
