//! The README's rule table is generated from the rules themselves; this keeps them in step.

#[test]
fn readme_rule_table_matches_the_rules() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("<!-- rules:start -->").expect("marker") + "<!-- rules:start -->".len();
    let end = readme.find("<!-- rules:end -->").expect("marker");
    let table = readme[start..end].trim();
    assert_eq!(
        table,
        numlint::checks::markdown_table().trim(),
        "regenerate with `numlint rules --markdown`"
    );
}

#[test]
fn readme_starts_with_the_two_commands() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let quick = &readme[..readme.find("## What a report looks like").unwrap()];
    assert!(quick.contains("cargo run --release -- check examples/article.md"));
    assert!(quick.contains("cargo test"));
    assert!(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/article.md")).exists()
    );
}
