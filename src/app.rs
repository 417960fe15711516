//! The commands behind the CLI: read inputs, run the library, print reports, pick the exit code.

use crate::checks;
use crate::cli::{
    CheckArgs, CheckFormat, Cli, ColorChoice, Command, ExtractArgs, ExtractFormat, InputArgs,
    InputFormatArg, SeverityArg,
};
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::extract::Locale;
use crate::files::{self, Input, InputError, Loaded};
use crate::pipeline;
use crate::report::{self, CheckedFile, ReportOptions, SourceFile};
use crate::source::{self, InputFormat};
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};

/// Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage, input or config error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success = 0,
    Findings = 1,
    Error = 2,
}

pub fn run(cli: Cli) -> ExitStatus {
    let result = match cli.command {
        Command::Check(a) => run_check(a),
        Command::Extract(a) => run_extract(a),
        Command::Rules(a) => run_rules(a.json, a.markdown),
        Command::Explain(a) => run_explain(&a.rule),
        Command::Serve(a) => crate::serve::run(a),
    };
    match result {
        Ok(s) => s,
        Err(msg) => {
            eprintln!("numlint: error: {msg}");
            ExitStatus::Error
        }
    }
}

fn set_color(choice: ColorChoice, stream_is_tty: bool) -> bool {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stream_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    colored::control::set_override(on);
    on
}

fn input_format(a: &InputArgs) -> Option<InputFormat> {
    a.input_format.map(|f| match f {
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Markdown => InputFormat::Markdown,
        InputFormatArg::Html => InputFormat::Html,
    })
}

/// Builds the configuration shared by check and extract.
fn base_config(a: &InputArgs) -> Result<Config, String> {
    let mut config = Config::default();
    if let Some(l) = &a.locale {
        config.locale =
            Locale::parse(l).ok_or_else(|| format!("unknown locale `{l}` (use en-GB or en-US)"))?;
    }
    Ok(config)
}

fn exclude_set(a: &InputArgs) -> Result<globset::GlobSet, String> {
    let mut b = globset::GlobSetBuilder::new();
    for g in &a.exclude {
        let glob = globset::Glob::new(g).map_err(|e| format!("bad --exclude glob `{g}`: {e}"))?;
        b.add(glob);
    }
    b.build().map_err(|e| e.to_string())
}

/// Collects and reads every input; errors are printed and counted, never fatal.
fn load_inputs(a: &InputArgs) -> Result<(Vec<Result<Loaded, InputError>>, bool), String> {
    let paths = if a.paths.is_empty() {
        vec!["-".to_string()]
    } else {
        a.paths.clone()
    };
    let (inputs, errors) = files::collect(&paths, &exclude_set(a)?);
    let mut had_error = false;
    for e in &errors {
        eprintln!("numlint: error: {e}");
        had_error = true;
    }
    let fmt = input_format(a);
    let loaded: Vec<Result<Loaded, InputError>> = inputs
        .iter()
        .map(|i| files::load(i, fmt, a.stdin_filename.as_deref(), a.lossy))
        .collect();
    let _ = Input::Stdin;
    Ok((loaded, had_error))
}

fn thread_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, String> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(j) = jobs {
        b = b.num_threads(j.max(1));
    }
    b.build().map_err(|e| e.to_string())
}

fn run_extract(a: ExtractArgs) -> Result<ExitStatus, String> {
    let config = base_config(&a.input)?;
    set_color(a.input.color, io::stdout().is_terminal());
    let (loaded, mut had_error) = load_inputs(&a.input)?;
    let pool = thread_pool(a.input.jobs)?;
    let results: Vec<Option<report::extract::ExtractedFile>> = pool.install(|| {
        loaded
            .into_par_iter()
            .map(|l| match l {
                Ok(l) => {
                    let rep = pipeline::extract_source(&l.text, l.format, &config);
                    Some(report::extract::ExtractedFile {
                        file: SourceFile::new(l.path, l.text),
                        report: rep,
                    })
                }
                Err(e) => {
                    eprintln!("numlint: error: {e}");
                    None
                }
            })
            .collect()
    });
    if results.iter().any(|r| r.is_none()) {
        had_error = true;
    }
    let files: Vec<_> = results.into_iter().flatten().collect();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let res = match a.format {
        ExtractFormat::Json => {
            report::extract::write_json(&files, config.vocab(), a.dates, &mut out)
        }
        ExtractFormat::Human => report::extract::write_human(&files, a.dates, &mut out),
    };
    finish_output(res, out)?;
    Ok(if had_error {
        ExitStatus::Error
    } else {
        ExitStatus::Success
    })
}

fn finish_output(res: io::Result<()>, mut out: impl Write) -> Result<(), String> {
    match res.and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

fn run_check(a: CheckArgs) -> Result<ExitStatus, String> {
    let mut config = base_config(&a.input)?;
    if let Some(sel) = &a.select {
        checks::validate_names(sel)?;
        config.rules.select = Some(sel.clone());
    }
    checks::validate_names(&a.ignore)?;
    checks::validate_names(&a.extend_select)?;
    config.rules.ignore.extend(a.ignore.iter().cloned());
    config
        .rules
        .extend_select
        .extend(a.extend_select.iter().cloned());
    if let Some(f) = a.fail_on {
        config.fail_on = match f {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
            SeverityArg::Never => Severity::Error,
        };
    }
    let never_fail = a.fail_on == Some(SeverityArg::Never);
    config.date = a.date.clone();
    config.show_passed = a.show_passed || a.format == CheckFormat::Html;
    set_color(a.input.color, io::stdout().is_terminal());
    let (loaded, mut had_error) = load_inputs(&a.input)?;
    let pool = thread_pool(a.input.jobs)?;
    let results: Vec<Option<CheckedFile>> = pool.install(|| {
        loaded
            .into_par_iter()
            .map(|l| match l {
                Ok(l) => {
                    let doc = source::parse(&l.text, l.format);
                    let rep = pipeline::check_document(&l.text, &doc, &config);
                    Some(CheckedFile {
                        file: SourceFile::new(l.path, l.text),
                        findings: rep.findings,
                        passed: rep.passed,
                    })
                }
                Err(e) => {
                    eprintln!("numlint: error: {e}");
                    None
                }
            })
            .collect()
    });
    if results.iter().any(|r| r.is_none()) {
        had_error = true;
    }
    let files: Vec<CheckedFile> = results.into_iter().flatten().collect();
    let opts = ReportOptions {
        color: colored::control::SHOULD_COLORIZE.should_colorize(),
        show_passed: a.show_passed,
        statistics: a.statistics,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let res = match a.format {
        CheckFormat::Json => report::json::write(&files, &opts, &mut out),
        CheckFormat::Jsonl => report::json::write_lines(&files, &opts, &mut out),
        CheckFormat::Concise => report::concise::write(&files, &mut out),
        CheckFormat::Sarif => report::sarif::write(&files, &checks::all_infos(), &mut out),
        CheckFormat::Github => report::github::write(&files, &mut out),
        CheckFormat::Junit => report::junit::write(&files, &mut out),
        CheckFormat::Html => report::html::write(&files, &opts, &mut out),
        CheckFormat::Human => report::human::write(&files, &opts, &mut out),
    };
    finish_output(res, out)?;
    let failing = files
        .iter()
        .flat_map(|f| &f.findings)
        .any(|f| f.severity >= config.fail_on);
    Ok(if had_error {
        ExitStatus::Error
    } else if failing && !never_fail {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

fn run_rules(json: bool, markdown: bool) -> Result<ExitStatus, String> {
    let config = Config::default();
    let infos = checks::all_infos();
    let mut out = io::stdout().lock();
    if markdown {
        let _ = write!(out, "{}", checks::markdown_table());
    } else if json {
        let v: Vec<_> = infos
            .iter()
            .map(|i| serde_json::json!({"id": i.id, "family": i.family, "severity": i.default_severity.as_str(), "enabled": checks::is_enabled(&config, i), "summary": i.summary}))
            .collect();
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&v).unwrap_or_default()
        );
    } else {
        for i in infos {
            let on = if checks::is_enabled(&config, i) {
                "on "
            } else {
                "off"
            };
            let _ = writeln!(
                out,
                "{:<28} {:<8} {on}  {}",
                i.id,
                i.default_severity.as_str(),
                i.summary
            );
        }
    }
    Ok(ExitStatus::Success)
}

fn run_explain(rule: &str) -> Result<ExitStatus, String> {
    let info =
        checks::find(rule).ok_or_else(|| format!("unknown rule `{rule}` (see `numlint rules`)"))?;
    let mut out = io::stdout().lock();
    let _ = writeln!(
        out,
        "# {} ({}, {} by default{})\n\n{}\n\n{}",
        info.id,
        info.family,
        info.default_severity.as_str(),
        if info.default_enabled {
            ""
        } else {
            ", off unless selected"
        },
        info.summary,
        info.doc.trim()
    );
    Ok(ExitStatus::Success)
}
