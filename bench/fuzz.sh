#!/usr/bin/env bash
# Fuzz numlint's library entry points with cargo-fuzz (libFuzzer), one target after another.
#
#   bench/fuzz.sh                  # every target for 300 s
#   SECONDS_PER_TARGET=60 bench/fuzz.sh check_html fix_roundtrip
#
# Targets (fuzz/fuzz_targets/): extract_text, check_text, check_markdown, check_html,
# fix_roundtrip. Each reads arbitrary bytes through `files::decode` (strict and lossy), runs
# the pipeline and asserts sane output (see fuzz/fuzz_targets/common.rs).
#
# The toolchain is stable, so RUSTC_BOOTSTRAP=1 is set for the fuzz build only. Seeds come from
# eval/corpus.jsonl and examples/ and are written to fuzz/corpus/<target>/ (ignored by git), which
# the runs then grow. A crash leaves its input in fuzz/artifacts/<target>/: copy it to
# tests/data/fuzz-regressions/ so that `cargo test --test robustness` replays it.
#
# Environment: SECONDS_PER_TARGET (default 300), TIMEOUT (seconds per input, default 2),
# MAX_LEN (bytes, default 8192), RSS_LIMIT_MB (default 2048).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${SECONDS_PER_TARGET:-300}
TIMEOUT=${TIMEOUT:-2}
MAX_LEN=${MAX_LEN:-8192}
RSS_LIMIT_MB=${RSS_LIMIT_MB:-2048}
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(extract_text check_text check_markdown check_html fix_roundtrip)
fi

if ! cargo fuzz --version > /dev/null 2>&1; then
  cargo install cargo-fuzz
fi

# Seeds: every sentence of the labelled corpus, the sample articles, the regression inputs.
python3 - "${TARGETS[@]}" <<'EOF'
import json, os, sys, glob, html
sentences = [json.loads(l)["text"] for l in open("eval/corpus.jsonl", encoding="utf-8") if l.strip()]
articles = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("examples/*"))]
regressions = [open(p, "rb").read() for p in sorted(glob.glob("tests/data/fuzz-regressions/*"))]
for target in sys.argv[1:]:
    d = os.path.join("fuzz", "corpus", target)
    os.makedirs(d, exist_ok=True)
    seeds = []
    for s in sentences + articles:
        if target == "check_html":
            s = "<html><body><p>" + html.escape(s, quote=False).replace("\n\n", "</p>\n<p>") + "</p></body></html>"
        seeds.append(s.encode("utf-8"))
    seeds += regressions
    for i, b in enumerate(seeds):
        with open(os.path.join(d, "seed-%04d" % i), "wb") as f:
            f.write(b)
EOF

cd fuzz
for t in "${TARGETS[@]}"; do
  echo "==> $t for ${SECONDS_PER_TARGET}s"
  RUSTC_BOOTSTRAP=1 cargo fuzz run "$t" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout="$TIMEOUT" -max_len="$MAX_LEN" \
    -rss_limit_mb="$RSS_LIMIT_MB" -print_final_stats=1
done
