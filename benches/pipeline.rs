//! Throughput of the whole pipeline: `extract_source` and `check_source` on a generated corpus
//! of news-like prose (about 2 MB; see `common/mod.rs`), as plain text, Markdown and HTML.
//!
//! ```text
//! cargo bench --bench pipeline                     # everything
//! cargo bench --bench pipeline -- extract/text     # one case
//! NUMLINT_BENCH_SIZE=10MB cargo bench --bench pipeline
//! NUMLINT_BENCH_CORPUS=target/bench/corpus-10MB.txt cargo bench --bench pipeline -- text
//! NUMLINT_BENCH_DUMP=target/bench cargo bench --bench pipeline -- --list   # write the corpora out
//! ```
//!
//! Criterion reports bytes per second (`Throughput::Bytes`). The files that `bench/throughput.sh`
//! measures through the binary are the better guide to what a user sees; this is the one to run
//! before and after a change to the library.

mod common;

use std::hint::black_box;
use std::time::Duration;

use common::Flavour;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use numlint::{Config, InputFormat, check_source, extract_source};

fn cases() -> Vec<(&'static str, Flavour, InputFormat)> {
    vec![
        ("text", Flavour::Text, InputFormat::Text),
        ("markdown", Flavour::Markdown, InputFormat::Markdown),
        ("html", Flavour::Html, InputFormat::Html),
    ]
}

fn pipeline(c: &mut Criterion) {
    let config = Config::default();
    let corpora: Vec<_> = cases()
        .into_iter()
        .map(|(name, flavour, format)| (name, format, common::corpus(flavour)))
        .collect();
    if let Ok(dir) = std::env::var("NUMLINT_BENCH_DUMP") {
        std::fs::create_dir_all(&dir).expect("NUMLINT_BENCH_DUMP: cannot create the directory");
        for (name, _, text) in &corpora {
            let ext = match *name {
                "markdown" => "md",
                "html" => "html",
                _ => "txt",
            };
            let path = std::path::Path::new(&dir).join(format!("bench-corpus.{ext}"));
            std::fs::write(&path, text).expect("NUMLINT_BENCH_DUMP: cannot write");
            eprintln!("wrote {} ({} bytes)", path.display(), text.len());
        }
    }

    let mut extract = c.benchmark_group("extract");
    for (name, format, text) in &corpora {
        extract.throughput(Throughput::Bytes(text.len() as u64));
        extract.bench_function(*name, |b| {
            b.iter(|| extract_source(black_box(text), *format, &config))
        });
    }
    extract.finish();

    let mut check = c.benchmark_group("check");
    for (name, format, text) in &corpora {
        check.throughput(Throughput::Bytes(text.len() as u64));
        check.bench_function(*name, |b| {
            b.iter(|| check_source(black_box(text), *format, &config).expect("check_source failed"))
        });
    }
    check.finish();
}

fn config() -> Criterion {
    // Each iteration reads megabytes: ten samples over ~5 s are plenty and keep the run short.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
}

criterion_group! {
    name = benches;
    config = config();
    targets = pipeline
}
criterion_main!(benches);
