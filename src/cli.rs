//! Command-line definitions (clap). The work is done in [`crate::app`].

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "numlint",
    version,
    about = "Checks the numbers in prose: conversions, ratios, percent changes, shares, totals.",
    long_about = None,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the claims that the numbers in PATHs make; report those that do not hold.
    Check(CheckArgs),
    /// List every quantity numlint understood in PATHs.
    Extract(ExtractArgs),
    /// List every rule with its default severity and whether it is on.
    Rules(RulesArgs),
    /// Print a rule's documentation with examples.
    Explain(ExplainArgs),
    /// Score numlint on a labelled corpus (JSON Lines, default eval/corpus.jsonl): sensitivity
    /// and specificity per kind of claim.
    Eval(crate::eval::EvalArgs),
    /// Serve the web page for editors and the HTTP API (loopback only unless --addr says so).
    Serve(crate::serve::ServeArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Concise,
    Json,
    Jsonl,
    Sarif,
    Github,
    Junit,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    Text,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Info,
    Warning,
    Error,
    /// Never fail on findings.
    Never,
}

/// Options shared by `check` and `extract`.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files, directories or globs to read ("-" for stdin). Directories are walked for .txt, .md
    /// and .html files, honouring .gitignore; quote globs so numlint expands them ('news/**/*.md').
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,

    /// Read every input as this format instead of guessing from the extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,

    /// The name to report for stdin (and to guess its format from).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Settle ambiguous units (gallons, tons, degrees) for this locale: en-GB or en-US.
    #[arg(long, value_name = "LOCALE")]
    pub locale: Option<String>,

    /// Replace invalid UTF-8 instead of refusing the file.
    #[arg(long)]
    pub lossy: bool,

    /// Skip paths matching this glob (repeatable; replaces `exclude` in numlint.toml).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Use this configuration file instead of discovering numlint.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<String>,

    /// Ignore every configuration file.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,

    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,

    /// Worker threads for many files (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: CheckFormat,

    /// Run only these rules or families (comma-separated; "ALL" for every rule).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Option<Vec<String>>,

    /// Add these rules to the selection (house-style rules are off by default).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub extend_select: Vec<String>,

    /// Never run these rules.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,

    /// Exit with 1 when a finding is at or above this severity.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<SeverityArg>,

    /// Also list the claims that were recomputed and hold.
    #[arg(long)]
    pub show_passed: bool,

    /// Print how many findings each rule produced.
    #[arg(long)]
    pub statistics: bool,

    /// The document's date (YYYY-MM-DD) when it does not give one, for the date rules.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// Print a unified diff of the safe fixes; write nothing.
    #[arg(long)]
    pub diff: bool,

    /// Apply the safe fixes to the files (each written atomically); with stdin, print the
    /// fixed text.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,

    /// With --fix or --diff, also apply fixes that are only suggestions.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Record the current findings in FILE and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff", "baseline"])]
    pub write_baseline: Option<String>,

    /// Report only findings that are not in the baseline FILE.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<String>,

    /// Write the report to FILE instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<String>,

    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: ExtractFormat,

    /// Also list dates and times.
    #[arg(long)]
    pub dates: bool,
}

#[derive(Debug, Clone, Args)]
pub struct RulesArgs {
    /// Print as JSON.
    #[arg(long)]
    pub json: bool,

    /// Print as a Markdown table (the README's rule table).
    #[arg(long, conflicts_with = "json")]
    pub markdown: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// The rule id, e.g. conversion-mismatch.
    pub rule: String,
}
