//! numlint's own evaluation corpus (eval/corpus.jsonl) is data, and data is checked: it parses,
//! is large enough, every row has a valid kind and label, and ids are unique. Accuracy is
//! watched with `numlint eval`, not asserted here (labels come from eval/verify.py).

use numlint::Config;
use numlint::eval::{self, Label};
use std::collections::{HashMap, HashSet};
use std::path::Path;

const KINDS: [&str; 8] = [
    "conversion",
    "percent",
    "comparison",
    "share",
    "direction",
    "difference",
    "total",
    "other",
];

fn corpus() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/corpus.jsonl")
}

#[test]
fn the_corpus_parses_and_every_row_is_labelled() {
    let report = eval::run(&corpus(), &Config::default()).expect("eval/corpus.jsonl parses");
    assert_eq!(report.skipped, 0, "every row has a valid label");
    assert!(
        report.outcomes.len() >= 300,
        "{} rows; the corpus needs at least 300",
        report.outcomes.len()
    );
    let mut seen = HashSet::new();
    let mut labels: HashMap<Label, usize> = HashMap::new();
    for o in &report.outcomes {
        assert!(
            KINDS.contains(&o.kind.as_str()),
            "[{}] bad kind {}",
            o.id,
            o.kind
        );
        assert!(!o.id.starts_with("line "), "line {} has no id", o.line);
        assert!(seen.insert(o.id.clone()), "duplicate id {}", o.id);
        assert!(!o.text.trim().is_empty(), "[{}] empty text", o.id);
        assert!(o.truth.is_some(), "[{}] no truth", o.id);
        assert_eq!(
            o.label == Label::None,
            o.kind == "other",
            "[{}] `none` rows, and only they, have kind `other`",
            o.id
        );
        *labels.entry(o.label).or_default() += 1;
    }
    // Every label is represented (roughly a third each; eval/verify.py prints the counts).
    for l in [Label::Consistent, Label::Inconsistent, Label::None] {
        assert!(
            labels.get(&l).copied().unwrap_or(0) >= 80,
            "{labels:?}: too few {}",
            l.as_str()
        );
    }
}
