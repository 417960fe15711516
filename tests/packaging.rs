//! Packaging: the pre-commit hook runs numlint on the files it claims, and the README documents
//! every flag of `check` and `extract` and every configuration key.

mod common;

use clap::CommandFactory;

fn repo_file(name: &str) -> String {
    std::fs::read_to_string(format!("{}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The value of `key: value` in the hook definition.
fn hook_field<'a>(hooks: &'a str, key: &str) -> &'a str {
    hooks
        .lines()
        .find_map(|l| l.trim().strip_prefix(key)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("no `{key}` in .pre-commit-hooks.yaml"))
        .trim()
}

#[test]
fn pre_commit_hook_runs_check_on_prose_files() {
    let hooks = repo_file(".pre-commit-hooks.yaml");
    assert_eq!(hook_field(&hooks, "- id"), "numlint");
    assert_eq!(hook_field(&hooks, "language"), "rust");
    let files = regex::Regex::new(hook_field(&hooks, "files")).unwrap();
    for f in ["news/a.md", "a.markdown", "b.txt", "c.html", "d.htm"] {
        assert!(files.is_match(f), "{f}");
    }
    for f in ["src/main.rs", "a.mdx.bak", "Cargo.toml", "photo.jpg"] {
        assert!(!files.is_match(f), "{f}");
    }
    // pre-commit runs `entry` followed by the staged file names.
    let entry: Vec<&str> = hook_field(&hooks, "entry").split_whitespace().collect();
    assert_eq!(entry[0], "numlint");
    let dir = common::tree(&[
        ("a.md", "It is 40 km (15 miles) away.\n"),
        ("b.txt", "Fine.\n"),
    ]);
    let mut args: Vec<&str> = entry[1..].to_vec();
    args.extend(["a.md", "b.txt"]);
    let (code, out, _) = common::run_in(dir.path(), &args, "");
    assert_eq!(code, 1, "a wrong conversion fails the commit: {out}");
    assert!(out.contains("a.md:1:7"), "{out}");
}

#[test]
fn readme_documents_every_flag_and_config_key() {
    let readme = repo_file("README.md");
    let cli = numlint::cli::Cli::command();
    for sub in ["check", "extract"] {
        let cmd = cli.find_subcommand(sub).unwrap();
        for arg in cmd.get_arguments() {
            let Some(long) = arg.get_long().filter(|l| *l != "help") else {
                continue;
            };
            // In an options-table cell: "| `--fix` |", "| `-j, --jobs N` |".
            let documented = readme.lines().any(|l| {
                l.starts_with("| `")
                    && l.match_indices(&format!("--{long}")).any(|(i, m)| {
                        !l[i + m.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
                    })
            });
            assert!(documented, "README does not document `{sub} --{long}`");
        }
    }
    // Every key appears in the example numlint.toml of the Configuration section.
    let config = &readme[readme.find("## Configuration").expect("section")..];
    let config = &config[..config.find("\n## ").unwrap_or(config.len())];
    for key in [
        "select",
        "extend-select",
        "ignore",
        "fail-on",
        "locale",
        "exclude",
        "severity",
        "primary-system",
        "dimensions",
        "files",
    ] {
        assert!(
            config.contains(&format!("\n{key} = ")),
            "the README's example numlint.toml lacks `{key}`"
        );
    }
    assert!(config.contains("\n[vocabulary]\n") && config.contains("\n[rules."));
    for section in [
        "## Configuration",
        "## Suppressing findings",
        "## Baselines",
        "## Fixes",
        "## In CI",
        "### Exit codes",
    ] {
        assert!(readme.contains(section), "README lacks {section}");
    }
}

/// The ```toml blocks of a README section, in order.
fn toml_blocks(section: &str) -> Vec<String> {
    section
        .split("```toml\n")
        .skip(1)
        .map(|b| {
            b[..b.find("```").expect("closed block")]
                .lines()
                .map(|l| l.trim_start())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

#[test]
fn readme_examples_are_valid_configuration() {
    let readme = repo_file("README.md");
    let config = &readme[readme.find("## Configuration").expect("section")..];
    let config = &config[..config.find("\n## ").unwrap_or(config.len())];
    let blocks = toml_blocks(config);
    assert_eq!(blocks.len(), 2, "numlint.toml and house-units.toml");
    let fc = numlint::config_file::parse("numlint.toml", &blocks[0])
        .unwrap_or_else(|e| panic!("the README's numlint.toml: {e}"));
    assert_eq!(
        fc.fail_on,
        Some(numlint::config_file::FailOn::Severity(
            numlint::Severity::Warning
        ))
    );
    assert_eq!(fc.vocabulary_files[0].0, "house-units.toml");
    let v = numlint::vocab::Vocabulary::load(&[("house-units.toml", &blocks[1])])
        .unwrap_or_else(|e| panic!("the README's house-units.toml: {e}"));
    let r = numlint::extract_source("They sailed 10 leagues.", numlint::InputFormat::Text, &{
        let mut c = numlint::Config::default();
        c.set_vocab(v);
        c
    });
    assert_eq!(r.quantities[0].unit_name.as_deref(), Some("league"));
}
