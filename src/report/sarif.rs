//! `--format sarif`: SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure
//! DevOps) ingest. Hand-written serde structs, as ruff does: they hold only the properties
//! numlint fills, and `tests/report_formats.rs` validates the output against the official
//! OASIS schema.
//!
//! The rule table comes in as data ([`RuleInfo`]s) so this module knows no rule.

use super::{CheckedFile, SourceFile};
use crate::checks::RuleInfo;
use crate::diagnostic::{Finding, Severity};
use crate::extract::Span;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

/// The schema the output declares: the OASIS errata01 schema we validate against.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The key of [`fingerprint`] in `partialFingerprints`; bump the version if the hash changes.
pub const FINGERPRINT_KEY: &str = "numlint/v1";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    results: Vec<SarifResult>,
    /// Columns count Unicode scalar values, as everywhere in numlint (DESIGN.md).
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Help>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_configuration: Option<Configuration>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<RuleProperties<'a>>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

/// Rule documentation; GitHub renders `markdown` in its rule help panel.
#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
    enabled: bool,
}

/// `tags` is the property bag key code-scanning services filter on.
#[derive(Serialize)]
struct RuleProperties<'a> {
    tags: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

/// Both a text region (lines, columns, characters) and a binary one (bytes): SARIF allows
/// both when they agree, and byte offsets are what `--fix` and editors on UTF-8 need.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    char_offset: usize,
    char_length: usize,
    byte_offset: usize,
    byte_length: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
    properties: FixProperties,
}

/// Whether `--fix` would apply this fix without `--unsafe-fixes`.
#[derive(Serialize)]
struct FixProperties {
    safe: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Number of characters before byte `pos` (SARIF's `charOffset` counts code points).
#[cfg(test)]
fn chars_before(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    text[..p].chars().count()
}

fn region(file: &SourceFile, span: Span, snippet: bool) -> Region {
    let loc = file.locate(span);
    let char_offset = file.char_offset(span.start);
    Region {
        start_line: loc.line,
        start_column: loc.column,
        end_line: loc.end_line,
        end_column: loc.end_column,
        char_offset,
        char_length: file.char_offset(span.end).saturating_sub(char_offset),
        byte_offset: span.start,
        byte_length: span.end.saturating_sub(span.start),
        snippet: snippet.then(|| Text {
            text: file.slice(span).to_string(),
        }),
    }
}

/// A file path as a URI reference: `/` separators, and percent-encoding for everything that
/// is not plainly allowed in a path (spaces, `%`, `#`, `?`, and `:` that would read as a scheme).
pub fn path_to_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    let (mut out, rest) = if drive {
        (format!("file:///{}:", &path[..1]), &path[2..])
    } else {
        (String::new(), path.as_str())
    };
    for b in rest.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// FNV-1a, 64 bits: stable across Rust releases and platforms, unlike `DefaultHasher`, which
/// matters because fingerprints are compared between runs.
fn fnv1a64(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            // A separator that cannot occur in the parts keeps ("ab", "c") apart from ("a", "bc").
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A finding's identity across runs: rule, path and the quoted text, plus how many identical
/// triples came before it in the file. Line numbers are left out on purpose, so that editing
/// text above a finding does not make it look new to code scanning or a baseline.
pub fn fingerprint(rule: &str, path: &str, quoted: &str, occurrence: usize) -> String {
    let n = occurrence.to_string();
    format!("{:016x}", fnv1a64(&[rule, path, quoted, &n]))
}

/// Strips the one space that `/// ` doc comments leave at the start of each line.
fn dedent(doc: &str) -> String {
    doc.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

fn rule_descriptor<'a>(info: &'a RuleInfo) -> Rule<'a> {
    let doc = dedent(info.doc);
    Rule {
        id: info.id,
        name: info.id,
        short_description: Some(Text {
            text: info.summary.to_string(),
        }),
        full_description: (!doc.is_empty()).then(|| Text { text: doc.clone() }),
        help: (!doc.is_empty()).then(|| Help {
            text: doc.clone(),
            markdown: doc,
        }),
        help_uri: None,
        default_configuration: Some(Configuration {
            level: level(info.default_severity),
            enabled: info.default_enabled,
        }),
        properties: Some(RuleProperties {
            tags: vec![info.family],
        }),
    }
}

fn result(file: &SourceFile, x: &Finding, rule_index: usize, occurrence: usize) -> SarifResult {
    let uri = path_to_uri(&file.path);
    let mut text = x.message.clone();
    for n in &x.notes {
        text.push_str("\nnote: ");
        text.push_str(n);
    }
    let related_locations = x
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| Location {
            id: Some(i + 1),
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri.clone() },
                region: region(file, *r, true),
            },
            message: Some(Text {
                text: file.slice(*r).to_string(),
            }),
        })
        .collect();
    let fixes = x
        .suggestion
        .iter()
        .map(|fix| Fix {
            description: Text {
                text: format!(
                    "{}: write `{}`",
                    if fix.safe { "Fix" } else { "Suggestion" },
                    fix.replacement
                ),
            },
            artifact_changes: vec![ArtifactChange {
                artifact_location: ArtifactLocation { uri: uri.clone() },
                replacements: vec![Replacement {
                    deleted_region: region(file, fix.span, false),
                    inserted_content: Text {
                        text: fix.replacement.clone(),
                    },
                }],
            }],
            properties: FixProperties { safe: fix.safe },
        })
        .collect();
    let quoted = file.slice(x.span);
    SarifResult {
        rule_id: x.rule.to_string(),
        rule_index,
        level: level(x.severity),
        message: Text { text },
        locations: vec![Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri },
                region: region(file, x.span, true),
            },
            message: None,
        }],
        related_locations,
        partial_fingerprints: BTreeMap::from([(
            FINGERPRINT_KEY,
            fingerprint(x.rule, &file.path, quoted, occurrence),
        )]),
        fixes,
    }
}

/// Writes one SARIF log with one run. `rules` is the rule table to describe (normally
/// `checks::all_infos()`); a finding whose rule is missing from it still gets a descriptor,
/// with its id only, so that every `ruleIndex` points at a rule.
pub fn write(files: &[CheckedFile], rules: &[&RuleInfo], out: &mut dyn Write) -> io::Result<()> {
    let mut descriptors: Vec<Rule> = rules.iter().map(|r| rule_descriptor(r)).collect();
    let mut index: HashMap<&str, usize> =
        rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut results = Vec::new();
    for f in files {
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for x in &f.findings {
            let i = *index.entry(x.rule).or_insert_with(|| {
                descriptors.push(Rule {
                    id: x.rule,
                    name: x.rule,
                    short_description: None,
                    full_description: None,
                    help: None,
                    help_uri: None,
                    default_configuration: None,
                    properties: None,
                });
                descriptors.len() - 1
            });
            let n = seen.entry((x.rule, f.file.slice(x.span))).or_default();
            results.push(result(&f.file, x, i, *n));
            *n += 1;
        }
    }
    let information_uri = [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|u| !u.is_empty());
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "numlint",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri,
                    rules: descriptors,
                },
            },
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_to_uri("articles/a b.md"), "articles/a%20b.md");
        assert_eq!(path_to_uri("100%#1?.md"), "100%25%231%3F.md");
        assert_eq!(path_to_uri("a:b.md"), "a%3Ab.md");
        assert_eq!(path_to_uri("C:\\news\\é.md"), "file:///C:/news/%C3%A9.md");
        assert_eq!(path_to_uri("-"), "-");
    }

    #[test]
    fn fingerprints_ignore_position_but_not_identity() {
        let a = fingerprint("conversion-mismatch", "a.md", "650 miles", 0);
        assert_eq!(
            a,
            fingerprint("conversion-mismatch", "a.md", "650 miles", 0)
        );
        assert_ne!(
            a,
            fingerprint("conversion-mismatch", "a.md", "650 miles", 1)
        );
        assert_ne!(
            a,
            fingerprint("conversion-mismatch", "b.md", "650 miles", 0)
        );
        assert_ne!(a, fingerprint("ratio-mismatch", "a.md", "650 miles", 0));
        assert_ne!(fnv1a64(&["ab", "c"]), fnv1a64(&["a", "bc"]));
        // Pinned: a change here silently breaks every stored baseline and code-scanning alert.
        assert_eq!(fnv1a64(&[""]), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(&["a"]), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn char_offsets_count_code_points() {
        assert_eq!(chars_before("Zürich 5 km", 8), 7);
        assert_eq!(chars_before("ü", 1), 0);
    }
}
