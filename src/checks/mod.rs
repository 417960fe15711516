//! Checks: one file per rule, each a small unit with its own tests; this module is the registry.
//!
//! A check reads the claims of one paragraph (and, for document rules, every paragraph) and
//! reports [`Finding`]s. Checks know nothing of output formats.

pub mod comparison;
pub mod consistency;
pub mod conversion;
pub mod date;
pub mod style;
pub mod suppression;
#[cfg(test)]
pub mod testing;

use crate::claims::Claim;
use crate::config::Config;
use crate::diagnostic::{Finding, Passed, Severity};
use crate::extract::{Facts, Para};

/// A rule's identity and documentation. The documentation is the rule's doc comment.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub id: &'static str,
    /// The family `--select` accepts as a prefix ("conversion", "comparison", "date", "style").
    pub family: &'static str,
    pub default_severity: Severity,
    pub default_enabled: bool,
    pub summary: &'static str,
    pub doc: &'static str,
}

/// Declares a rule: its doc comment becomes `numlint explain`'s text.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            id: $id:literal,
            family: $family:literal,
            severity: $sev:ident,
            enabled: $enabled:literal,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        $vis struct $name;

        impl $name {
            pub const INFO: $crate::checks::RuleInfo = $crate::checks::RuleInfo {
                id: $id,
                family: $family,
                default_severity: $crate::diagnostic::Severity::$sev,
                default_enabled: $enabled,
                summary: $summary,
                doc: concat!($($doc, "\n"),*),
            };
        }
    };
}

/// What a paragraph check sees.
pub struct Context<'a> {
    pub para: &'a Para<'a>,
    pub facts: &'a Facts,
    pub claims: &'a [Claim],
    pub config: &'a Config,
    /// Evaluations shared by several rules, computed on first use.
    pub cache: Cache,
    /// Whether to describe the claims that hold (`--show-passed`, the HTML report, the web
    /// page); skipped otherwise, since the descriptions cost more than the checks.
    pub want_passed: bool,
}

/// Work several rules share, done once per paragraph.
#[derive(Default)]
pub struct Cache {
    pub conversions: std::cell::OnceCell<Vec<conversion::Verdict>>,
}

/// A rule that looks at one paragraph at a time.
pub trait Check: Sync {
    fn info(&self) -> &'static RuleInfo;
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>, passed: &mut Vec<Passed>);
}

/// What a document rule knows before reading: the date the document's metadata gives (front
/// matter `date:`, HTML `<time datetime>` or `article:published_time`) and `--date`.
#[derive(Debug, Clone, Default)]
pub struct DocInfo {
    pub metadata_date: Option<String>,
    pub config_date: Option<String>,
}

/// What a document rule sees of one paragraph: its prose, its facts, and the way back to the
/// source. Paragraphs arrive in order, once each, so a rule can keep state across them.
pub struct DocParagraph<'a> {
    /// Position of the paragraph in the document (0 = first).
    pub index: usize,
    pub para: &'a Para<'a>,
    pub facts: &'a Facts,
    pub source: &'a crate::source::Paragraph,
    /// The relative date references ("last week", "on Thursday"), read once for every rule
    /// that wants them.
    pub relative: std::cell::OnceCell<Vec<crate::dates::relative::RelativeRef>>,
}

impl DocParagraph<'_> {
    /// The paragraph's relative date references, read on first use.
    pub fn relative_refs(&self) -> &[crate::dates::relative::RelativeRef] {
        self.relative.get_or_init(|| {
            crate::dates::relative::find(
                self.para,
                self.facts,
                crate::dates::words::DateWords::builtin(),
            )
        })
    }

    /// Maps a span of the paragraph's prose to the source file.
    pub fn to_source(&self, s: crate::extract::Span) -> crate::extract::Span {
        let (a, b) = self.source.span_to_source(s.start, s.end);
        crate::extract::Span::new(a, b)
    }
}

/// A rule that reads the whole document (dates, figures restated differently). Findings it
/// reports carry source spans (use [`DocParagraph::to_source`]).
pub trait DocumentCheck: Sync {
    fn info(&self) -> &'static RuleInfo;
    /// Starts reading one document.
    fn begin(&self, doc: &DocInfo, config: &Config) -> Box<dyn DocumentState>;
}

/// The state of a [`DocumentCheck`] while it reads one document.
pub trait DocumentState {
    fn paragraph(&mut self, para: &DocParagraph, out: &mut Vec<Finding>);
    fn finish(&mut self, out: &mut Vec<Finding>);
}

/// Every document rule, in the order `numlint rules` lists them.
pub fn all_document() -> Vec<&'static dyn DocumentCheck> {
    vec![
        &date::weekday::WeekdayMismatch,
        &date::relative::RelativeDateMismatch,
        &date::age::AgeMismatch,
        &date::duration::DurationMismatch,
        &consistency::restated::RestatedFigure,
    ]
}

/// Every rule numlint has, in the order `numlint rules` lists them.
pub fn all() -> Vec<&'static dyn Check> {
    vec![
        &conversion::mismatch::ConversionMismatch,
        &conversion::dimension::ConversionDimension,
        &conversion::ambiguous_unit::ConversionAmbiguousUnit,
        &conversion::overprecise::ConversionOverprecise,
        &conversion::missing::MissingConversion,
        &conversion::order::ConversionOrder,
        &comparison::ratio::RatioMismatch,
        &comparison::percent_change::PercentChangeMismatch,
        &comparison::percentage_points::PercentagePoints,
        &comparison::share::ShareMismatch,
        &comparison::direction::DirectionMismatch,
        &comparison::difference::DifferenceMismatch,
        &comparison::total::TotalMismatch,
        &comparison::per_capita::PerCapitaMismatch,
    ]
}

/// Rules that are not paragraph checks but still have ids (suppression bookkeeping).
pub const META_RULES: &[RuleInfo] = &[suppression::UNUSED_SUPPRESSION];

/// Every rule's info, paragraph checks first.
pub fn all_infos() -> Vec<&'static RuleInfo> {
    let mut v: Vec<&'static RuleInfo> = all().into_iter().map(|c| c.info()).collect();
    v.extend(all_document().into_iter().map(|c| c.info()));
    v.extend(META_RULES.iter());
    v
}

/// The rule table in Markdown, as the README shows it.
pub fn markdown_table() -> String {
    let config = Config::default();
    let mut s = String::from(
        "| rule | family | default | on by default | what it reports |\n|---|---|---|---|---|\n",
    );
    for i in all_infos() {
        s.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            i.id,
            i.family,
            i.default_severity.as_str(),
            if is_enabled(&config, i) { "yes" } else { "no" },
            i.summary
        ));
    }
    s
}

/// Finds a rule by id.
pub fn find(id: &str) -> Option<&'static RuleInfo> {
    all_infos().into_iter().find(|r| r.id == id)
}

/// Does `pattern` name this rule: its id, its family, or "ALL"?
fn matches(pattern: &str, info: &RuleInfo) -> bool {
    pattern.eq_ignore_ascii_case("all") || pattern == info.id || pattern == info.family
}

/// The rules enabled for a run.
pub struct Registry<'c> {
    checks: Vec<&'static dyn Check>,
    documents: Vec<&'static dyn DocumentCheck>,
    config: &'c Config,
}

impl<'c> Registry<'c> {
    pub fn new(config: &'c Config) -> Registry<'c> {
        let checks = all()
            .into_iter()
            .filter(|c| is_enabled(config, c.info()))
            .collect();
        let documents = all_document()
            .into_iter()
            .filter(|c| is_enabled(config, c.info()))
            .collect();
        Registry {
            checks,
            documents,
            config,
        }
    }

    /// Starts the enabled document rules on one document.
    pub fn begin_document(&self, doc: &DocInfo) -> Vec<Box<dyn DocumentState>> {
        self.documents
            .iter()
            .map(|c| c.begin(doc, self.config))
            .collect()
    }

    pub fn run_paragraph(&self, ctx: &Context, out: &mut Vec<Finding>, passed: &mut Vec<Passed>) {
        for c in &self.checks {
            c.check(ctx, out, passed);
        }
    }

    /// Applies per-rule severity overrides from the configuration.
    pub fn apply_severities(&self, findings: &mut [Finding]) {
        for f in findings {
            if let Some(s) = self.config.severities.get(f.rule) {
                f.severity = *s;
            }
        }
    }

    pub fn is_enabled(&self, id: &str) -> bool {
        find(id).is_some_and(|info| is_enabled(self.config, info))
    }
}

/// Is a rule on under this configuration?
pub fn is_enabled(config: &Config, info: &RuleInfo) -> bool {
    let sel = &config.rules;
    if sel.ignore.iter().any(|p| matches(p, info)) {
        return false;
    }
    let base = match &sel.select {
        Some(list) => list.iter().any(|p| matches(p, info)),
        None => info.default_enabled,
    };
    base || sel.extend_select.iter().any(|p| matches(p, info))
}

/// Checks that every name in `names` is a rule id, a family or "ALL".
pub fn validate_names(names: &[String]) -> Result<(), String> {
    let infos = all_infos();
    for n in names {
        let known =
            n.eq_ignore_ascii_case("all") || infos.iter().any(|i| i.id == n || i.family == n);
        if !known {
            let ids: Vec<&str> = infos.iter().map(|i| i.id).collect();
            return Err(format!(
                "unknown rule `{n}` (known rules: {})",
                ids.join(", ")
            ));
        }
    }
    Ok(())
}
