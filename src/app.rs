//! The commands behind the CLI: read inputs, run the library, print reports, pick the exit code.

use crate::baseline::{self, Baseline};
use crate::checks;
use crate::cli::{
    CheckArgs, CheckFormat, Cli, ColorChoice, Command, ExtractArgs, ExtractFormat, InputArgs,
    InputFormatArg, SeverityArg,
};
use crate::config::Config;
use crate::config_file;
use crate::diagnostic::Severity;
use crate::extract::Locale;
use crate::files::{self, Exclude, Input, InputError, Loaded};
use crate::fix;
use crate::pipeline;
use crate::progress::{self, Progress};
use crate::report::{self, CheckedFile, ReportOptions, SourceFile};
use crate::source::{self, InputFormat};
use crate::stream;
use rayon::prelude::*;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

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
        Command::Eval(a) => crate::eval::run_command(&a),
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

/// What check and extract share: the configuration (numlint.toml, then the command line)
/// and the paths to skip.
struct Settings {
    config: Config,
    exclude: Exclude,
}

/// Reads the configuration file (`--config`, or the nearest numlint.toml / .numlint.toml from
/// the working directory up, unless `--isolated`) and lays the shared flags over it.
fn settings(a: &InputArgs) -> Result<Settings, String> {
    let mut config = Config::default();
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the working directory: {e}"))?;
    let file = if a.isolated {
        None
    } else if let Some(p) = &a.config {
        Some(PathBuf::from(p))
    } else {
        // Named relative to the working directory in messages when it is at or below it.
        config_file::discover(&cwd)
            .map(|p| p.strip_prefix(&cwd).map(Path::to_path_buf).unwrap_or(p))
    };
    let mut exclude = Exclude::default();
    if let Some(path) = file {
        let fc = config_file::load(&path).map_err(|e| e.to_string())?;
        fc.apply(&mut config);
        exclude = Exclude::new(&fc.exclude, Some(&fc.dir()))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    if !a.exclude.is_empty() {
        // The command line overrides the file, here as everywhere.
        exclude = Exclude::new(&a.exclude, Some(&cwd)).map_err(|e| format!("--exclude: {e}"))?;
    }
    if let Some(l) = &a.locale {
        config.locale =
            Locale::parse(l).ok_or_else(|| format!("unknown locale `{l}` (use en-GB or en-US)"))?;
    }
    Ok(Settings { config, exclude })
}

/// Expands the path arguments; errors (a missing file, a glob that matches nothing) are
/// printed and make the exit code 2, but never stop the other inputs.
fn collect_inputs(a: &InputArgs, exclude: &Exclude) -> (Vec<Input>, bool) {
    let paths = if a.paths.is_empty() {
        vec!["-".to_string()]
    } else {
        a.paths.clone()
    };
    let (inputs, errors) = files::collect(&paths, exclude, a.jobs.unwrap_or(0));
    for e in &errors {
        eprintln!("numlint: error: {e}");
    }
    (inputs, !errors.is_empty())
}

/// Prints why an input was not read; true when that makes the exit code 2. A binary file found
/// by walking a directory or expanding a glob is skipped with a warning; one named on the
/// command line is an error.
fn input_failed(e: &InputError, a: &InputArgs) -> bool {
    if let InputError::Binary(p) = e
        && !a.paths.iter().any(|named| named == p)
    {
        eprintln!("numlint: warning: {p}: skipped: looks like a binary file, not text");
        return false;
    }
    eprintln!("numlint: error: {e}");
    true
}

fn load(i: &Input, a: &InputArgs) -> Result<Loaded, InputError> {
    files::load(i, input_format(a), a.stdin_filename.as_deref(), a.lossy)
}

/// The per-input work of a run, on `-j N` threads (default: every core), results in input
/// order. One input, or `-j 1`, runs on the calling thread: a single small file should not pay
/// for starting a thread pool (about a millisecond of start-up).
struct Jobs(Option<usize>);

impl Jobs {
    fn map<I: Sync, T: Send>(
        &self,
        inputs: &[I],
        work: impl Fn(usize, &I) -> T + Sync + Send,
    ) -> Result<Vec<T>, String> {
        if inputs.len() < 2 || self.0 == Some(1) {
            return Ok(inputs.iter().enumerate().map(|(k, i)| work(k, i)).collect());
        }
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(j) = self.0 {
            b = b.num_threads(j.max(1));
        }
        let pool = b.build().map_err(|e| e.to_string())?;
        Ok(pool.install(|| {
            inputs
                .par_iter()
                .enumerate()
                .map(|(k, i)| work(k, i))
                .collect()
        }))
    }
}

fn run_extract(a: ExtractArgs) -> Result<ExitStatus, String> {
    let Settings { config, exclude } = settings(&a.input)?;
    set_color(a.input.color, io::stdout().is_terminal());
    let (inputs, mut had_error) = collect_inputs(&a.input, &exclude);
    let jobs = Jobs(a.input.jobs);
    if a.format == ExtractFormat::Json
        && inputs
            .iter()
            .any(|i| large_file_format(i, &a.input).is_some())
    {
        let ok = extract_streaming(&a, &config, &inputs, &jobs)?;
        return Ok(if had_error || !ok {
            ExitStatus::Error
        } else {
            ExitStatus::Success
        });
    }
    // Per input: the extracted file, or whether its failure is an error.
    type Extracted = Option<Result<report::extract::ExtractedFile, bool>>;
    let results: Vec<Extracted> = jobs.map(&inputs, |_, i| match load(i, &a.input) {
        Ok(l) => {
            let rep = pipeline::extract_source(&l.text, l.format, &config);
            Some(Ok(report::extract::ExtractedFile {
                file: SourceFile::new(l.path, l.text),
                report: rep,
            }))
        }
        Err(e) => Some(Err(input_failed(&e, &a.input))),
    })?;
    let mut files = Vec::new();
    for r in results.into_iter().flatten() {
        match r {
            Ok(f) => files.push(f),
            Err(failed) => had_error |= failed,
        }
    }
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

/// `extract --format json` when some inputs are streamed: the other files are read in
/// parallel first, then every file is written in input order. False if an input failed.
fn extract_streaming(
    a: &ExtractArgs,
    config: &Config,
    inputs: &[Input],
    jobs: &Jobs,
) -> Result<bool, String> {
    let mut whole: Vec<Option<Result<report::extract::ExtractedFile, InputError>>> =
        jobs.map(inputs, |_, i| {
            if large_file_format(i, &a.input).is_some() {
                return None;
            }
            Some(load(i, &a.input).map(|l| report::extract::ExtractedFile {
                report: pipeline::extract_source(&l.text, l.format, config),
                file: SourceFile::new(l.path, l.text),
            }))
        })?;
    let mut writer = report::extract::JsonWriter::new(config.vocab(), a.dates);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut ok = true;
    let res: io::Result<()> = (|| {
        writer.begin(&mut out)?;
        for (k, input) in inputs.iter().enumerate() {
            let mut emit =
                |f: &SourceFile, r: &pipeline::ExtractReport| writer.report(f, r, &mut out);
            let result = match (whole[k].take(), input) {
                (Some(Ok(f)), _) => emit(&f.file, &f.report).map_err(stream::StreamError::Output),
                (Some(Err(e)), _) => Err(stream::StreamError::Input(e)),
                (None, i) if chunked(i, &a.input) => match load(i, &a.input) {
                    Ok(l) => {
                        extract_in_chunks(l, config, &mut emit).map_err(stream::StreamError::Output)
                    }
                    Err(e) => Err(stream::StreamError::Input(e)),
                },
                (None, Input::File(p)) => {
                    let name = p.display().to_string();
                    stream::extract_file(p, &name, config, a.input.lossy, &mut emit)
                }
                (None, Input::Stdin) => continue,
            };
            match result {
                Ok(()) => {}
                Err(stream::StreamError::Input(e)) => {
                    ok &= !input_failed(&e, &a.input);
                }
                Err(stream::StreamError::Output(e)) => return Err(e),
            }
        }
        writer.end(&mut out)
    })();
    finish_output(res, out)?;
    Ok(ok)
}

fn finish_output(res: io::Result<()>, mut out: impl Write) -> Result<(), String> {
    match res.and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the report: {e}")),
    }
}

fn run_check(a: CheckArgs) -> Result<ExitStatus, String> {
    if a.unsafe_fixes && !(a.fix || a.diff) {
        return Err("--unsafe-fixes needs --fix or --diff".into());
    }
    let Settings {
        mut config,
        exclude,
    } = settings(&a.input)?;
    checks::validate_names(&a.ignore)?;
    checks::validate_names(&a.extend_select)?;
    if let Some(sel) = &a.select {
        checks::validate_names(sel)?;
        // `--select` says exactly what to run: the file's selection no longer applies.
        config.rules.select = Some(sel.clone());
        config.rules.extend_select.clear();
        config.rules.ignore.clear();
    }
    // A rule named on the command line wins over the file ignoring it.
    config.rules.ignore.retain(|i| !a.extend_select.contains(i));
    config.rules.ignore.extend(a.ignore.iter().cloned());
    config
        .rules
        .extend_select
        .extend(a.extend_select.iter().cloned());
    if let Some(f) = a.fail_on {
        config.never_fail = f == SeverityArg::Never;
        config.fail_on = match f {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error | SeverityArg::Never => Severity::Error,
        };
    }
    config.date = a.date.clone();
    config.show_passed = a.show_passed || a.format == CheckFormat::Html;
    let to_terminal = a.output.is_none() && io::stdout().is_terminal();
    set_color(a.input.color, to_terminal);
    let baseline = a
        .baseline
        .as_deref()
        .map(|p| Baseline::read(Path::new(p)))
        .transpose()?;

    let (inputs, mut had_error) = collect_inputs(&a.input, &exclude);
    let show_bar = progress::wanted(
        io::stderr().is_terminal(),
        std::env::var("CI").ok().as_deref(),
        a.no_progress,
        inputs.len(),
    );
    let bar = Progress::new(inputs.len(), show_bar);
    let jobs = Jobs(a.input.jobs);
    // Large plain-text files are read as streams when the report can be written as it comes.
    let sinkable = matches!(
        a.format,
        CheckFormat::Human
            | CheckFormat::Concise
            | CheckFormat::Json
            | CheckFormat::Jsonl
            | CheckFormat::Github
    );
    let stream_ok =
        sinkable && !a.fix && !a.diff && a.baseline.is_none() && a.write_baseline.is_none();
    let streamed: Vec<bool> = inputs
        .iter()
        .map(|i| stream_ok && streams(i, &a.input))
        .collect();
    if streamed.contains(&true) {
        let status = check_streaming(&a, &config, &inputs, &streamed, &jobs, &bar)?;
        bar.finish();
        return Ok(if had_error { ExitStatus::Error } else { status });
    }
    let results: Vec<Result<(CheckedFile, Origin), InputError>> = jobs.map(&inputs, |_, i| {
        let r = load(i, &a.input).map(|l| check_loaded(i, l, &config));
        bar.tick();
        r
    })?;
    bar.finish();
    let mut files = Vec::new();
    let mut origins = Vec::new();
    for r in results {
        match r {
            Ok((f, o)) => {
                files.push(f);
                origins.push(o);
            }
            Err(e) => had_error |= input_failed(&e, &a.input),
        }
    }

    if let Some(path) = &a.write_baseline {
        let n = baseline::write(Path::new(path), &files)?;
        eprintln!("numlint: recorded {} in {path}", count(n, "finding"));
        return Ok(if had_error {
            ExitStatus::Error
        } else {
            ExitStatus::Success
        });
    }
    if let Some(b) = &baseline {
        let (_, unseen) = b.filter(&mut files);
        if unseen > 0 {
            eprintln!(
                "numlint: {} in the baseline {} gone; rewrite it with --write-baseline",
                count(unseen, "finding"),
                if unseen == 1 { "is" } else { "are" }
            );
        }
    }

    let mut stdin_fixed: Option<String> = None;
    if a.diff {
        let res = match &a.output {
            Some(path) => {
                let f = std::fs::File::create(path)
                    .map_err(|e| format!("{path}: cannot write the diff: {e}"))?;
                let mut out = io::BufWriter::new(f);
                let res = show_diffs(&files, a.unsafe_fixes, &mut out);
                finish_output(res, out)
            }
            None => {
                let mut out = io::BufWriter::new(io::stdout().lock());
                let res = show_diffs(&files, a.unsafe_fixes, &mut out);
                finish_output(res, out)
            }
        };
        res?;
        return Ok(exit_status(&files, &config, had_error));
    }
    if a.fix {
        let outcome = apply_fixes(
            &mut files,
            &origins,
            &config,
            baseline.as_ref(),
            a.unsafe_fixes,
        );
        had_error |= outcome.had_error;
        stdin_fixed = outcome.stdin_text;
    }

    let opts = ReportOptions {
        color: colored::control::SHOULD_COLORIZE.should_colorize(),
        show_passed: a.show_passed,
        statistics: a.statistics,
    };
    if let Some(text) = &stdin_fixed {
        // The fixed text is the output; the report of what remains goes to stderr.
        let mut out = io::BufWriter::new(io::stdout().lock());
        let res = out.write_all(text.as_bytes());
        finish_output(res, out)?;
        let mut err = io::BufWriter::new(io::stderr().lock());
        let res = write_report(&a, &files, &opts, &mut err);
        finish_output(res, err)?;
    } else if let Some(path) = &a.output {
        let f = std::fs::File::create(path)
            .map_err(|e| format!("{path}: cannot write the report: {e}"))?;
        let mut out = io::BufWriter::new(f);
        let res = write_report(&a, &files, &opts, &mut out);
        finish_output(res, out)?;
    } else {
        let mut out = io::BufWriter::new(io::stdout().lock());
        let res = write_report(&a, &files, &opts, &mut out);
        finish_output(res, out)?;
    }
    Ok(exit_status(&files, &config, had_error))
}

/// Plain-text files at least this large are read as streams (when the format allows);
/// `NUMLINT_STREAM_THRESHOLD` (bytes) overrides it.
const STREAM_THRESHOLD: u64 = 4 << 20;

fn stream_threshold() -> u64 {
    std::env::var("NUMLINT_STREAM_THRESHOLD")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(STREAM_THRESHOLD)
}

/// Is this input a plain-text file large enough to read as a stream?
/// The format of an input file of streaming size (`NUMLINT_STREAM_THRESHOLD`), else `None`.
fn large_file_format(i: &Input, a: &InputArgs) -> Option<InputFormat> {
    let Input::File(p) = i else { return None };
    std::fs::metadata(p)
        .is_ok_and(|m| m.is_file() && m.len() >= stream_threshold())
        .then(|| input_format(a).unwrap_or_else(|| InputFormat::from_path(p)))
}

/// A Markdown or HTML file as large as a streamed one: `extract --format json` reads it whole
/// (a parser needs all of it) but extracts and writes it a few paragraphs at a time, so memory
/// holds the text and its paragraphs, not every quantity of the file at once.
fn chunked(i: &Input, a: &InputArgs) -> bool {
    large_file_format(i, a).is_some_and(|f| f != InputFormat::Text)
}

/// Extracts and writes a loaded file a few hundred paragraphs at a time (see [`chunked`]).
fn extract_in_chunks(
    l: files::Loaded,
    config: &Config,
    emit: &mut dyn FnMut(&SourceFile, &pipeline::ExtractReport) -> io::Result<()>,
) -> io::Result<()> {
    const PARAGRAPHS: usize = 256;
    let doc = crate::source::parse(&l.text, l.format);
    let file = SourceFile::new(l.path, l.text);
    for part in doc.paragraphs.chunks(PARAGRAPHS) {
        emit(&file, &pipeline::extract_paragraphs(part, config))?;
    }
    Ok(())
}

fn streams(i: &Input, a: &InputArgs) -> bool {
    large_file_format(i, a) == Some(InputFormat::Text)
}

/// The check report when some inputs are streamed: the other files are checked in parallel
/// first, then every file is reported in input order, streamed ones piece by piece.
fn check_streaming(
    a: &CheckArgs,
    config: &Config,
    inputs: &[Input],
    streamed: &[bool],
    jobs: &Jobs,
    bar: &Progress,
) -> Result<ExitStatus, String> {
    let mut whole: Vec<Option<Result<CheckedFile, InputError>>> = jobs.map(inputs, |k, i| {
        if streamed[k] {
            return None;
        }
        let r = load(i, &a.input).map(|l| check_loaded(i, l, config).0);
        bar.tick();
        Some(r)
    })?;
    let opts = ReportOptions {
        color: colored::control::SHOULD_COLORIZE.should_colorize(),
        show_passed: a.show_passed,
        statistics: a.statistics,
    };
    let mut sink: Box<dyn report::Sink> = match a.format {
        CheckFormat::Json => Box::new(report::json::JsonSink::new(opts)),
        CheckFormat::Jsonl => Box::new(report::json::JsonlSink { opts }),
        CheckFormat::Concise => Box::new(report::concise::ConciseSink),
        CheckFormat::Github => Box::new(report::github::GithubSink),
        _ => Box::new(report::human::HumanSink { opts }),
    };
    let mut out: Box<dyn Write> = match &a.output {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path)
                .map_err(|e| format!("{path}: cannot write the report: {e}"))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    let mut summary = report::Summary::default();
    let mut had_error = false;
    let mut failing = false;
    let res: io::Result<()> = (|| {
        sink.begin(&mut out)?;
        for (k, input) in inputs.iter().enumerate() {
            let mut emit = |part: CheckedFile| -> io::Result<()> {
                summary.add(&part);
                failing |= part.findings.iter().any(|f| f.severity >= config.fail_on);
                sink.file(part, &mut out)
            };
            let result = match (whole[k].take(), input) {
                (Some(Ok(f)), _) => emit(f).map_err(stream::StreamError::Output),
                (Some(Err(e)), _) => Err(stream::StreamError::Input(e)),
                (None, Input::File(p)) => {
                    let name = p.display().to_string();
                    let r = stream::check_file(p, &name, config, a.input.lossy, &mut emit);
                    bar.tick();
                    r
                }
                (None, Input::Stdin) => continue,
            };
            match result {
                Ok(()) => summary.files += 1,
                Err(stream::StreamError::Input(e)) => {
                    had_error |= input_failed(&e, &a.input);
                }
                Err(stream::StreamError::Output(e)) => return Err(e),
            }
        }
        sink.end(&summary, &mut out)
    })();
    finish_output(res, out)?;
    Ok(if had_error {
        ExitStatus::Error
    } else if failing && !config.never_fail {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}

/// "1 finding", "2 findings".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Where a checked file came from, for writing fixes back.
struct Origin {
    input: Input,
    format: InputFormat,
    bom: bool,
    replaced: bool,
    digest: u64,
}

fn check_loaded(input: &Input, l: Loaded, config: &Config) -> (CheckedFile, Origin) {
    let doc = source::parse(&l.text, l.format);
    let rep = pipeline::check_document(&l.text, &doc, config);
    let origin = Origin {
        input: input.clone(),
        format: l.format,
        bom: l.bom,
        replaced: l.replaced,
        digest: l.digest,
    };
    (
        CheckedFile {
            file: SourceFile::new(l.path, l.text),
            findings: rep.findings,
            passed: rep.passed,
        },
        origin,
    )
}

/// 2 if an input could not be read or fixed, else 1 if a finding reaches `fail-on`, else 0.
fn exit_status(files: &[CheckedFile], config: &Config, had_error: bool) -> ExitStatus {
    let failing = !config.never_fail
        && files
            .iter()
            .flat_map(|f| &f.findings)
            .any(|f| f.severity >= config.fail_on);
    if had_error {
        ExitStatus::Error
    } else if failing {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    }
}

fn write_report(
    a: &CheckArgs,
    files: &[CheckedFile],
    opts: &ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match a.format {
        CheckFormat::Json => report::json::write(files, opts, out),
        CheckFormat::Jsonl => report::json::write_lines(files, opts, out),
        CheckFormat::Concise => report::concise::write(files, out),
        CheckFormat::Sarif => report::sarif::write(files, &checks::all_infos(), out),
        CheckFormat::Github => report::github::write(files, out),
        CheckFormat::Junit => report::junit::write(files, out),
        CheckFormat::Html => report::html::write(files, opts, out),
        CheckFormat::Human => report::human::write(files, opts, out),
    }
}

/// Tells on stderr of fixes left out because they overlap one applied before them.
fn report_overlaps(f: &CheckedFile, fixed: &fix::Fixed) {
    for &i in &fixed.overlapping {
        let x = &f.findings[i];
        let loc = f.file.locate(x.span);
        eprintln!(
            "numlint: {}:{}:{}: {}: fix not applied: it overlaps another fix (run --fix again)",
            f.file.path, loc.line, loc.column, x.rule
        );
    }
}

/// `--diff`: the unified diff of every file's fixes; nothing is written.
fn show_diffs(files: &[CheckedFile], unsafe_fixes: bool, out: &mut dyn Write) -> io::Result<()> {
    let (mut n, mut changed) = (0, 0);
    for f in files {
        let fixed = fix::apply(&f.file.text, &f.findings, unsafe_fixes);
        report_overlaps(f, &fixed);
        if fixed.applied.is_empty() {
            continue;
        }
        n += fixed.applied.len();
        changed += 1;
        out.write_all(fix::unified_diff(&f.file.path, &f.file.text, &fixed.text).as_bytes())?;
    }
    eprintln!(
        "numlint: would fix {} in {}",
        count(n, "finding"),
        count(changed, "file")
    );
    Ok(())
}

/// What `--fix` did.
struct FixOutcome {
    had_error: bool,
    /// The fixed text of stdin, printed instead of a report.
    stdin_text: Option<String>,
}

/// `--fix`: applies the fixes, writes each changed file atomically, and checks the fixed text
/// again so the report (and the exit code) show what remains.
fn apply_fixes(
    files: &mut [CheckedFile],
    origins: &[Origin],
    config: &Config,
    baseline: Option<&Baseline>,
    unsafe_fixes: bool,
) -> FixOutcome {
    let mut outcome = FixOutcome {
        had_error: false,
        stdin_text: None,
    };
    let (mut n, mut changed) = (0, 0);
    for (f, o) in files.iter_mut().zip(origins) {
        let fixed = fix::apply(&f.file.text, &f.findings, unsafe_fixes);
        report_overlaps(f, &fixed);
        let is_stdin = o.input == Input::Stdin;
        if fixed.applied.is_empty() {
            if is_stdin {
                outcome.stdin_text = Some(f.file.text.clone());
            }
            continue;
        }
        if let Input::File(path) = &o.input {
            let with_bom = |text: &str| {
                let mut bytes = Vec::with_capacity(text.len() + 3);
                if o.bom {
                    bytes.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
                }
                bytes.extend_from_slice(text.as_bytes());
                bytes
            };
            let written = if o.replaced {
                Err("--lossy replaced invalid UTF-8 in it, which writing would lose".to_string())
            } else if files::digest(&with_bom(&f.file.text)) != o.digest {
                // The fixes must apply to the very bytes read, never to a partial text.
                Err("numlint did not keep its whole text".to_string())
            } else {
                fix::write_fixed(path, &with_bom(&fixed.text), o.digest, &fix::Atomic)
                    .map_err(|e| e.to_string())
            };
            if let Err(e) = written {
                eprintln!("numlint: error: {}: not fixed: {e}", f.file.path);
                outcome.had_error = true;
                continue;
            }
        } else {
            outcome.stdin_text = Some(fixed.text.clone());
        }
        n += fixed.applied.len();
        changed += 1;
        let doc = source::parse(&fixed.text, o.format);
        let rep = pipeline::check_document(&fixed.text, &doc, config);
        let path = std::mem::take(&mut f.file.path);
        *f = CheckedFile {
            file: SourceFile::new(path, fixed.text),
            findings: rep.findings,
            passed: rep.passed,
        };
        if let Some(b) = baseline {
            b.filter(std::slice::from_mut(f));
        }
    }
    eprintln!(
        "numlint: fixed {} in {}",
        count(n, "finding"),
        count(changed, "file")
    );
    outcome
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
