//! `numlint.toml`: finding it, reading it strictly, and applying it to a [`Config`].
//!
//! The file is walked as a spanned TOML table rather than deserialised into a struct, so that
//! every error (an unknown key, a misspelt rule, a bad value) names the file, the line and the
//! key, the way a user needs it to fix the file without guessing.
//!
//! ```toml
//! select = ["conversion", "comparison"]
//! extend-select = ["missing-conversion"]
//! ignore = ["conversion-overprecise"]
//! fail-on = "warning"
//! locale = "en-GB"
//! exclude = ["drafts/**"]
//!
//! [rules.missing-conversion]
//! severity = "info"
//! primary-system = "metric"
//! dimensions = ["length", "speed"]
//!
//! [vocabulary]
//! files = ["house-units.toml"]
//! ```

use crate::checks;
use crate::config::Config;
use crate::diagnostic::Severity;
use crate::extract::Locale;
use crate::vocab::{VocabKind, Vocabulary};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// File names looked for in each directory, in order of preference.
pub const FILE_NAMES: &[&str] = &["numlint.toml", ".numlint.toml"];

const TOP_KEYS: &[&str] = &[
    "select",
    "extend-select",
    "ignore",
    "fail-on",
    "locale",
    "exclude",
    "rules",
    "vocabulary",
];

/// Rules whose tables take the house-style options besides `severity`.
const HOUSE_STYLE_RULES: &[&str] = &["missing-conversion", "conversion-order"];

/// A configuration error: the file, the 1-based line, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// What `fail-on` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Severity(Severity),
    Never,
}

/// The settings one configuration file holds; every field is `None`/empty when the file does
/// not set it, so the command line can tell what to override.
#[derive(Debug, Clone, Default)]
pub struct FileConfig {
    /// The file as named in messages.
    pub path: PathBuf,
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub fail_on: Option<FailOn>,
    pub locale: Option<Locale>,
    /// Globs of paths to skip; matched relative to [`FileConfig::dir`] and on trailing parts.
    pub exclude: Vec<String>,
    /// `[rules.<id>] severity = ...`.
    pub severities: Vec<(String, Severity)>,
    pub primary_system: Option<String>,
    pub dimensions: Option<Vec<String>>,
    /// `[vocabulary] files`, relative to the file's directory, each with its line.
    pub vocabulary_files: Vec<(String, usize)>,
    /// The vocabulary once [`load`] has read those files: the defaults extended by them.
    pub vocabulary: Option<Vocabulary>,
}

impl FileConfig {
    /// The directory the file lives in: relative paths in it (vocabulary files, exclude globs)
    /// are taken from here.
    pub fn dir(&self) -> PathBuf {
        // Empty for a file in the working directory, so names read "house-units.toml".
        self.path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// Applies the file to `config` (normally a default one; the command line comes after).
    pub fn apply(&self, config: &mut Config) {
        if let Some(sel) = &self.select {
            config.rules.select = Some(sel.clone());
        }
        config
            .rules
            .extend_select
            .extend(self.extend_select.iter().cloned());
        config.rules.ignore.extend(self.ignore.iter().cloned());
        match self.fail_on {
            Some(FailOn::Severity(s)) => {
                config.fail_on = s;
                config.never_fail = false;
            }
            Some(FailOn::Never) => config.never_fail = true,
            None => {}
        }
        if let Some(l) = self.locale {
            config.locale = l;
        }
        for (rule, sev) in &self.severities {
            config.severities.insert(rule.clone(), *sev);
        }
        if let Some(p) = &self.primary_system {
            config.house_style.primary_system = p.clone();
        }
        if let Some(d) = &self.dimensions {
            config.house_style.conversion_dimensions = d.clone();
        }
        if let Some(v) = &self.vocabulary {
            config.set_vocab(v.clone());
        }
    }
}

/// The configuration file that applies in `start`: the first `numlint.toml` or `.numlint.toml`
/// found in `start` or a directory above it, up to the filesystem root.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let mut dir = Some(start);
    while let Some(d) = dir {
        for name in FILE_NAMES {
            let candidate = d.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        dir = d.parent();
    }
    None
}

/// Reads and validates the configuration file at `path`.
pub fn load(path: &Path) -> Result<FileConfig, ConfigError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        file: name.clone(),
        line: None,
        message: format!("cannot read the configuration file: {e}"),
    })?;
    let mut fc = parse(&name, &text)?;
    fc.path = path.to_path_buf();
    let dir = fc.dir();
    if !fc.vocabulary_files.is_empty() {
        let mut loaded: Vec<(String, String)> = Vec::new();
        for (f, line) in &fc.vocabulary_files {
            let p = dir.join(f);
            let shown = p.display().to_string();
            let body = std::fs::read_to_string(&p).map_err(|e| ConfigError {
                file: name.clone(),
                line: Some(*line),
                message: format!("`vocabulary.files`: cannot read `{shown}`: {e}"),
            })?;
            loaded.push((shown, body));
        }
        let pairs: Vec<(&str, &str)> = loaded
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let vocab = Vocabulary::load(&pairs).map_err(|e| ConfigError {
            file: e.file.clone(),
            line: e.line,
            message: format!("{} (a vocabulary file named in {name})", e.message),
        })?;
        fc.vocabulary = Some(vocab);
    }
    Ok(fc)
}

/// Parses the text of a configuration file named `file` (for messages). Vocabulary files are
/// validated by name but not read: [`load`] reads them.
pub fn parse(file: &str, text: &str) -> Result<FileConfig, ConfigError> {
    let err = |span: Range<usize>, message: String| ConfigError {
        file: file.to_string(),
        line: Some(line_of(text, span.start)),
        message,
    };
    let root = DeTable::parse(text).map_err(|e| ConfigError {
        file: file.to_string(),
        line: e.span().map(|s| line_of(text, s.start)),
        message: format!("invalid TOML: {}", e.message().trim()),
    })?;
    let mut fc = FileConfig {
        path: PathBuf::from(file),
        ..FileConfig::default()
    };
    for (key, value) in in_file_order(root.get_ref()) {
        let k = key.get_ref().as_ref();
        match k {
            "select" => fc.select = Some(rule_names(k, value, &err)?),
            "extend-select" => fc.extend_select = rule_names(k, value, &err)?,
            "ignore" => fc.ignore = rule_names(k, value, &err)?,
            "fail-on" => {
                let s = string(k, value, &err)?;
                fc.fail_on = Some(match s.to_ascii_lowercase().as_str() {
                    "never" => FailOn::Never,
                    other => FailOn::Severity(Severity::parse(other).ok_or_else(|| {
                        err(
                            value.span(),
                            format!(
                                "`fail-on`: expected \"info\", \"warning\", \"error\" or \"never\", found \"{s}\""
                            ),
                        )
                    })?),
                });
            }
            "locale" => {
                let s = string(k, value, &err)?;
                fc.locale = Some(Locale::parse(&s).ok_or_else(|| {
                    err(
                        value.span(),
                        format!("`locale`: expected \"en-GB\" or \"en-US\", found \"{s}\""),
                    )
                })?);
            }
            "exclude" => {
                let globs = strings(k, value, &err)?;
                for (g, span) in &globs {
                    crate::files::glob(g)
                        .map_err(|e| err(span.clone(), format!("`exclude`: {e}")))?;
                }
                fc.exclude = globs.into_iter().map(|(g, _)| g).collect();
            }
            "rules" => rules_table(&mut fc, value, &err)?,
            "vocabulary" => {
                let table = table(k, value, &err)?;
                for (vk, vv) in in_file_order(table) {
                    if vk.get_ref() != "files" {
                        return Err(err(
                            vk.span(),
                            format!(
                                "unknown key `vocabulary.{}` (the only key is `files`)",
                                vk.get_ref()
                            ),
                        ));
                    }
                    for (f, span) in strings("vocabulary.files", vv, &err)? {
                        if VocabKind::from_file_name(&f).is_none() {
                            return Err(err(
                                span,
                                format!(
                                    "`vocabulary.files`: cannot tell which vocabulary `{f}` extends: \
                                     its name must contain numbers, hedges, units, currencies, \
                                     guards, sentences, nouns or comparisons"
                                ),
                            ));
                        }
                        fc.vocabulary_files.push((f, line_of(text, span.start)));
                    }
                }
            }
            _ => {
                return Err(err(
                    key.span(),
                    format!("unknown key `{k}` (known keys: {})", TOP_KEYS.join(", ")),
                ));
            }
        }
    }
    Ok(fc)
}

type ErrFn<'a> = dyn Fn(Range<usize>, String) -> ConfigError + 'a;

/// `[rules.<id>]` tables: severity and the house-style options.
fn rules_table(
    fc: &mut FileConfig,
    value: &Spanned<DeValue>,
    err: &ErrFn,
) -> Result<(), ConfigError> {
    let rules = table("rules", value, err)?;
    for (rk, rv) in in_file_order(rules) {
        let id = rk.get_ref().as_ref();
        let Some(info) = checks::find(id) else {
            let ids: Vec<&str> = checks::all_infos().iter().map(|i| i.id).collect();
            return Err(err(
                rk.span(),
                format!(
                    "unknown rule `rules.{id}` (known rules: {})",
                    ids.join(", ")
                ),
            ));
        };
        let opts = table(&format!("rules.{id}"), rv, err)?;
        let house = HOUSE_STYLE_RULES.contains(&info.id);
        for (ok, ov) in in_file_order(opts) {
            let opt = ok.get_ref().as_ref();
            let full = format!("rules.{id}.{opt}");
            match opt {
                "severity" => {
                    let s = string(&full, ov, err)?;
                    let sev = Severity::parse(&s).ok_or_else(|| {
                        err(
                            ov.span(),
                            format!(
                                "`{full}`: expected \"error\", \"warning\" or \"info\", found \"{s}\""
                            ),
                        )
                    })?;
                    fc.severities.push((id.to_string(), sev));
                }
                "primary-system" if house => {
                    let s = string(&full, ov, err)?;
                    if s != "metric" && s != "imperial" {
                        return Err(err(
                            ov.span(),
                            format!("`{full}`: expected \"metric\" or \"imperial\", found \"{s}\""),
                        ));
                    }
                    set_once(&mut fc.primary_system, s, &full, ov.span(), err)?;
                }
                "dimensions" if house => {
                    let mut dims = Vec::new();
                    for (d, span) in strings(&full, ov, err)? {
                        let ok = crate::units::Dimension::parse(&d)
                            .is_some_and(|x| x.is_physical() && x.family().as_str() == d);
                        if !ok {
                            return Err(err(
                                span,
                                format!(
                                    "`{full}`: unknown dimension \"{d}\" (use length, mass, area, \
                                     volume, speed, temperature, time, energy, power, pressure, \
                                     information, angle, frequency, fuel_economy or force)"
                                ),
                            ));
                        }
                        dims.push(d);
                    }
                    set_once(&mut fc.dimensions, dims, &full, ov.span(), err)?;
                }
                _ => {
                    let known = if house {
                        "severity, primary-system, dimensions"
                    } else {
                        "severity"
                    };
                    return Err(err(
                        ok.span(),
                        format!("unknown key `{full}` (options of `{id}`: {known})"),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// The house-style options are shared by two rules: both may set them, but not differently.
fn set_once<T: PartialEq>(
    slot: &mut Option<T>,
    value: T,
    key: &str,
    span: Range<usize>,
    err: &ErrFn,
) -> Result<(), ConfigError> {
    if slot.as_ref().is_some_and(|old| *old != value) {
        return Err(err(
            span,
            format!(
                "`{key}` differs from the value another house-style rule sets; \
                 missing-conversion and conversion-order share one house style"
            ),
        ));
    }
    *slot = Some(value);
    Ok(())
}

/// Table entries in the order they appear in the file, so the first error reported is the
/// first one a reader meets.
fn in_file_order<'a, 'i>(
    t: &'a DeTable<'i>,
) -> Vec<(
    &'a Spanned<std::borrow::Cow<'i, str>>,
    &'a Spanned<DeValue<'i>>,
)> {
    let mut v: Vec<_> = t.iter().collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

fn table<'a, 'i>(
    key: &str,
    v: &'a Spanned<DeValue<'i>>,
    err: &ErrFn,
) -> Result<&'a DeTable<'i>, ConfigError> {
    v.get_ref().as_table().ok_or_else(|| {
        err(
            v.span(),
            format!(
                "`{key}`: expected a table, found {}",
                v.get_ref().type_str()
            ),
        )
    })
}

fn string(key: &str, v: &Spanned<DeValue>, err: &ErrFn) -> Result<String, ConfigError> {
    v.get_ref().as_str().map(str::to_string).ok_or_else(|| {
        err(
            v.span(),
            format!(
                "`{key}`: expected a string, found {}",
                v.get_ref().type_str()
            ),
        )
    })
}

/// An array of strings, each with its span.
fn strings(
    key: &str,
    v: &Spanned<DeValue>,
    err: &ErrFn,
) -> Result<Vec<(String, Range<usize>)>, ConfigError> {
    let arr = v.get_ref().as_array().ok_or_else(|| {
        err(
            v.span(),
            format!(
                "`{key}`: expected an array of strings, found {}",
                v.get_ref().type_str()
            ),
        )
    })?;
    arr.iter()
        .map(|e| match e.get_ref().as_str() {
            Some(s) => Ok((s.to_string(), e.span())),
            None => Err(err(
                e.span(),
                format!(
                    "`{key}`: expected an array of strings, found a {} in it",
                    e.get_ref().type_str()
                ),
            )),
        })
        .collect()
}

/// An array of rule ids, families or "ALL", each checked.
fn rule_names(key: &str, v: &Spanned<DeValue>, err: &ErrFn) -> Result<Vec<String>, ConfigError> {
    let names = strings(key, v, err)?;
    for (n, span) in &names {
        checks::validate_names(std::slice::from_ref(n))
            .map_err(|e| err(span.clone(), format!("`{key}`: {e}")))?;
    }
    Ok(names.into_iter().map(|(n, _)| n).collect())
}

/// The 1-based line of byte `pos` in `text`.
fn line_of(text: &str, pos: usize) -> usize {
    text[..pos.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_err(text: &str) -> ConfigError {
        parse("numlint.toml", text).expect_err("should be rejected")
    }

    #[test]
    fn reads_every_key() {
        let fc = parse(
            "numlint.toml",
            r#"
select = ["conversion"]
extend-select = ["missing-conversion"]
ignore = ["conversion-overprecise"]
fail-on = "warning"
locale = "en-GB"
exclude = ["drafts/**"]

[rules.missing-conversion]
severity = "info"
primary-system = "imperial"
dimensions = ["length", "speed"]

[rules.conversion-order]
primary-system = "imperial"
"#,
        )
        .unwrap();
        assert_eq!(fc.select, Some(vec!["conversion".to_string()]));
        assert_eq!(fc.extend_select, ["missing-conversion"]);
        assert_eq!(fc.ignore, ["conversion-overprecise"]);
        assert_eq!(fc.fail_on, Some(FailOn::Severity(Severity::Warning)));
        assert_eq!(fc.locale, Some(Locale::EnGb));
        assert_eq!(fc.exclude, ["drafts/**"]);
        assert_eq!(
            fc.severities,
            [("missing-conversion".to_string(), Severity::Info)]
        );
        assert_eq!(fc.primary_system.as_deref(), Some("imperial"));
        assert_eq!(
            fc.dimensions,
            Some(vec!["length".to_string(), "speed".to_string()])
        );
        let mut c = Config::default();
        fc.apply(&mut c);
        assert_eq!(c.fail_on, Severity::Warning);
        assert_eq!(c.house_style.primary_system, "imperial");
        assert_eq!(
            c.severities.get("missing-conversion"),
            Some(&Severity::Info)
        );
    }

    #[test]
    fn errors_name_line_and_key() {
        let e = parse_err("select = [\"conversion\"]\n\nselct = [\"x\"]\n");
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("unknown key `selct`"), "{e}");
        assert!(e.to_string().starts_with("numlint.toml:3: "), "{e}");

        let e = parse_err("[rules.conversion-mismach]\nseverity = \"info\"\n");
        assert_eq!(e.line, Some(1));
        assert!(
            e.message
                .contains("unknown rule `rules.conversion-mismach`")
        );

        let e = parse_err("[rules.conversion-mismatch]\nseverity = \"fatal\"\n");
        assert_eq!(e.line, Some(2));
        assert!(
            e.message.contains("rules.conversion-mismatch.severity"),
            "{e}"
        );
        assert!(e.message.contains("\"fatal\""), "{e}");

        let e = parse_err("[rules.ratio-mismatch]\nprimary-system = \"metric\"\n");
        assert_eq!(e.line, Some(2));
        assert!(
            e.message
                .contains("unknown key `rules.ratio-mismatch.primary-system`")
        );

        let e = parse_err("ignore = [\n  \"ratio-mismatch\",\n  \"nope\",\n]\n");
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("`ignore`: unknown rule `nope`"), "{e}");

        let e = parse_err("fail-on = 1\n");
        assert!(
            e.message.contains("expected a string, found integer"),
            "{e}"
        );

        let e = parse_err("locale = \"fr-FR\"\n");
        assert!(e.message.contains("`locale`"), "{e}");

        let e = parse_err("[rules.missing-conversion]\ndimensions = [\"length\", \"colour\"]\n");
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("\"colour\""), "{e}");

        let e = parse_err(
            "[rules.missing-conversion]\nprimary-system = \"metric\"\n[rules.conversion-order]\nprimary-system = \"imperial\"\n",
        );
        assert_eq!(e.line, Some(4));

        let e = parse_err("[vocabulary]\nfiles = [\"extra.toml\"]\n");
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("cannot tell which vocabulary"), "{e}");

        let e = parse_err("select = [\"conversion\"\n");
        assert_eq!(e.line, Some(1));
        assert!(e.message.starts_with("invalid TOML"), "{e}");
    }

    #[test]
    fn discovery_walks_up_and_prefers_the_plain_name() {
        let root = tempfile::tempdir().unwrap();
        let deep = root.path().join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(discover(&deep), discover(root.path()));
        std::fs::write(root.path().join("a/.numlint.toml"), "").unwrap();
        assert_eq!(discover(&deep), Some(root.path().join("a/.numlint.toml")));
        std::fs::write(root.path().join("a/numlint.toml"), "").unwrap();
        assert_eq!(discover(&deep), Some(root.path().join("a/numlint.toml")));
        std::fs::write(root.path().join("a/b/numlint.toml"), "").unwrap();
        assert_eq!(discover(&deep), Some(root.path().join("a/b/numlint.toml")));
    }
}
