#!/usr/bin/env bash
# numlint extract against quantulum3 (Python) on the same generated corpus, in one run.
#
#   bench/compare.sh                  # 2 MB corpus, quantulum3 in a temporary venv
#   SIZE=5 bench/compare.sh           # 5 MB (quantulum3 parses about 25-30 KB/s here: ~3 min)
#
# Environment (all optional):
#   SIZE            corpus size in MB (10^6 bytes)                        default 2
#   SEED            generator seed                                       default 1
#   CLASSIFIER=1    install quantulum3[classifier] (scikit-learn) so that it disambiguates units
#                   with its trained model; pinned to the scikit-learn its model was saved with
#   QUANTULUM_VENV  reuse this venv (created if missing, kept afterwards) instead of a temporary one
#   REPEAT          numlint runs; the fastest is reported                 default 3
#   NO_BUILD=1      use target/release/numlint as it is
#   NUMLINT         the binary                                           default target/release/numlint
#
# Both run on one core: numlint with -j 1, quantulum3 is single-threaded Python. quantulum3's
# time is its parse loop over the paragraphs; its one-off load (imports, unit tables, model) is
# printed apart. numlint's time is the whole process (start-up, reading, JSON output to /dev/null).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT="$ROOT/target/bench"
SIZE=${SIZE:-2}
SEED=${SEED:-1}
REPEAT=${REPEAT:-3}
NUMLINT=${NUMLINT:-$ROOT/target/release/numlint}
GEN="$ROOT/bench/gen_corpus.py"
mkdir -p "$OUT"

# 1. quantulum3 in a venv
if [ -n "${QUANTULUM_VENV:-}" ]; then
    VENV=$QUANTULUM_VENV
else
    VENV=$(mktemp -d "${TMPDIR:-/tmp}/numlint-quantulum3.XXXXXX")
    trap 'rm -rf "$VENV"' EXIT
fi
PY="$VENV/bin/python"
if [ ! -x "$PY" ]; then
    echo "creating venv $VENV ..." >&2
    python3 -m venv "$VENV"
fi
if ! "$PY" -c 'import quantulum3' >/dev/null 2>&1 ||
    { [ "${CLASSIFIER:-0}" = 1 ] && ! "$PY" -c 'import sklearn' >/dev/null 2>&1; }; then
    echo "installing quantulum3 ..." >&2
    "$PY" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null 2>&1 || true
    if [ "${CLASSIFIER:-0}" = 1 ]; then
        # quantulum3 0.10.0 ships clf.joblib pickled with scikit-learn 1.8.0; 1.9 cannot unpickle it.
        "$PY" -m pip install -q --disable-pip-version-check "quantulum3[classifier]" "scikit-learn==1.8.0"
    else
        "$PY" -m pip install -q --disable-pip-version-check quantulum3
    fi
fi
# quantulum3 needs inflect and num2words; older releases did not declare every dependency.
if ! "$PY" -W ignore -c 'from quantulum3 import parser; parser.parse("5 km")' >/dev/null 2>&1; then
    echo "quantulum3 does not import; adding inflect and num2words ..." >&2
    "$PY" -m pip install -q --disable-pip-version-check inflect num2words
    "$PY" -W ignore -c 'from quantulum3 import parser; parser.parse("5 km")'
fi
QVERSION=$("$PY" -c 'from importlib.metadata import version; print(version("quantulum3"))')

# 2. numlint
if [ "${NO_BUILD:-0}" != 1 ]; then
    echo "building release ..." >&2
    cargo build --release --quiet
fi
[ -x "$NUMLINT" ] || { echo "error: no binary at $NUMLINT" >&2; exit 2; }

# 3. the corpus (shared with throughput.sh)
CORPUS="$OUT/corpus-seed$SEED-${SIZE}MB.txt"
if [ ! -s "$CORPUS" ] || [ "$GEN" -nt "$CORPUS" ]; then
    echo "generating $CORPUS ..." >&2
    python3 "$GEN" --size "${SIZE}MB" --seed "$SEED" --format text --output "$CORPUS.tmp"
    mv "$CORPUS.tmp" "$CORPUS"
fi
BYTES=$(stat -c %s "$CORPUS")

# 4. run both
echo "running quantulum3 $QVERSION over $CORPUS ($BYTES bytes) ..." >&2
QJSON=$("$PY" "$ROOT/bench/quantulum_driver.py" "$CORPUS")

echo "running numlint extract ($REPEAT runs) ..." >&2
NJSON="$OUT/compare-numlint.json"
best=""
for ((i = 0; i < REPEAT; i++)); do
    t0=$(date +%s%N)
    "$NUMLINT" extract --isolated --format json -j 1 "$CORPUS" >"$NJSON"
    t1=$(date +%s%N)
    s=$(awk "BEGIN{print ($t1 - $t0) / 1e9}")
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; fi
done

# 5. the table
python3 - "$QJSON" "$NJSON" "$best" "$BYTES" "$QVERSION" "$("$NUMLINT" --version)" <<'EOF'
import json, sys
q = json.loads(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    n = json.load(f)
n_secs, n_bytes = float(sys.argv[3]), int(sys.argv[4])
q_rate = q["bytes"] / 1e6 / q["parse_seconds"]
n_rate = n_bytes / 1e6 / n_secs
nq = len(n.get("quantities", []))
clf = "with classifier" if q["classifier"] else "no classifier"
rows = [
    (f"quantulum3 {sys.argv[5]} ({clf})", q["bytes"], q["parse_seconds"], q_rate, q["quantities"]),
    (f"{sys.argv[6]} extract -j 1", n_bytes, n_secs, n_rate, nq),
]
print()
print(f"{'tool':<38} {'MB':>6} {'seconds':>9} {'MB/s':>10} {'quantities':>11}")
print(f"{'-' * 38} {'-' * 6} {'-' * 9} {'-' * 10} {'-' * 11}")
for name, b, s, r, k in rows:
    print(f"{name:<38} {b / 1e6:>6.2f} {s:>9.3f} {r:>10.4f} {k:>11,}")
print()
print(f"numlint / quantulum3 throughput: {n_rate / q_rate:,.0f}x  (goal in issue 7: >= 3,000x)")
print(f"quantulum3 load time (imports, unit tables, model), not counted above: {q['load_seconds']:.2f} s")
print("quantity counts differ in what each tool calls a quantity; they are context, not a score.")
EOF
