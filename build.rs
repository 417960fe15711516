//! Converts the shipped `rules/*.toml` to JSON at build time. The binary embeds both: the TOML
//! for `numlint rules`-style display and error messages, the JSON for loading, because
//! serde_json reads the same data several times faster than the TOML parser, and loading the
//! vocabulary is most of numlint's start-up (issue 7 asks for < 5 ms to first output).
//! User-supplied rules files are still TOML, parsed at run time.

use std::path::Path;

const FILES: &[&str] = &[
    "numbers",
    "hedges",
    "units",
    "currencies",
    "guards",
    "sentences",
    "nouns",
    "comparisons",
    "dates",
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in FILES {
        let src = format!("rules/{name}.toml");
        println!("cargo::rerun-if-changed={src}");
        let text = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{src}: {e}"));
        let json = serde_json::to_string(&value).expect("TOML values are JSON values");
        std::fs::write(Path::new(&out).join(format!("{name}.json")), json)
            .unwrap_or_else(|e| panic!("{out}/{name}.json: {e}"));
    }
}
