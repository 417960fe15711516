#!/usr/bin/env bash
# Throughput, peak memory and start-up time of the numlint binary on generated news prose.
#
#   bench/throughput.sh                 # text corpora of 1, 10 and 100 MB; Markdown and HTML at 10 MB
#   SIZES="1 10" bench/throughput.sh    # smaller run
#
# Environment (all optional):
#   SIZES         sizes of the plain-text corpora, in MB (10^6 bytes)      default "1 10 100"
#   MARKUP_SIZES  sizes of the Markdown and HTML corpora, in MB ("" = none) default "10"
#   COMMANDS      which subcommands to time                                 default "extract check"
#   REPEAT        runs per measurement; the fastest run is reported         default 1
#   JOBS          numlint -j                                                default 1 (one core)
#   SEED          generator seed                                            default 1
#   NO_BUILD=1    use target/release/numlint as it is
#   NUMLINT       path of the binary to measure                             default target/release/numlint
#
# Corpora are written to target/bench/ and reused while bench/gen_corpus.py is unchanged.
# Results: a table on stdout, and the same rows in target/bench/throughput.tsv.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT="$ROOT/target/bench"
SIZES=${SIZES-1 10 100}
MARKUP_SIZES=${MARKUP_SIZES-10}
COMMANDS=${COMMANDS-extract check}
REPEAT=${REPEAT:-1}
JOBS=${JOBS:-1}
SEED=${SEED:-1}
NUMLINT=${NUMLINT:-$ROOT/target/release/numlint}
GEN="$ROOT/bench/gen_corpus.py"
mkdir -p "$OUT"

need_root_install() { # $1 = command, $2 = Debian package
    if ! command -v "$1" >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "installing $2 ..." >&2
        apt-get install -y -qq "$2" >/dev/null 2>&1 ||
            { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$2" >/dev/null 2>&1; } || true
    fi
}

[ -x /usr/bin/time ] || need_root_install /usr/bin/time time
if [ ! -x /usr/bin/time ]; then
    echo "error: GNU time (/usr/bin/time) is needed for peak memory: apt-get install -y time" >&2
    exit 2
fi
command -v hyperfine >/dev/null 2>&1 || need_root_install hyperfine hyperfine

if [ "${NO_BUILD:-0}" != 1 ]; then
    echo "building release ..." >&2
    cargo build --release --quiet
fi
[ -x "$NUMLINT" ] || { echo "error: no binary at $NUMLINT" >&2; exit 2; }

# corpus FORMAT MB -> path (generated once, regenerated when the generator changes)
corpus() {
    local fmt=$1 mb=$2 ext
    case $fmt in text) ext=txt ;; markdown) ext=md ;; html) ext=html ;; esac
    local f="$OUT/corpus-seed$SEED-${mb}MB.$ext"
    if [ ! -s "$f" ] || [ "$GEN" -nt "$f" ]; then
        echo "generating $f ..." >&2
        python3 "$GEN" --size "${mb}MB" --seed "$SEED" --format "$fmt" --output "$f.tmp"
        mv "$f.tmp" "$f"
    fi
    echo "$f"
}

# measure CMD FILE -> "seconds peak_kib" (fastest of REPEAT runs, largest peak)
measure() {
    local cmd=$1 file=$2 best="" peak=0 i tv rc secs kib
    tv=$(mktemp)
    for ((i = 0; i < REPEAT; i++)); do
        rc=0
        /usr/bin/time -v -o "$tv" "$NUMLINT" "$cmd" --isolated --format json -j "$JOBS" "$file" \
            >/dev/null 2>"$tv.err" || rc=$?
        # check exits 1 when it finds something: that is a result, not a failure.
        if [ "$rc" -gt 1 ]; then
            echo "error: numlint $cmd $file exited $rc:" >&2
            head -20 "$tv.err" >&2
            rm -f "$tv" "$tv.err"
            return 2
        fi
        secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {
                n = split($2, p, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + p[k]; print s }' "$tv")
        kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tv")
        if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; fi
        [ "$kib" -gt "$peak" ] && peak=$kib
    done
    rm -f "$tv" "$tv.err"
    echo "$best $peak"
}

echo
echo "machine: $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "numlint: $("$NUMLINT" --version 2>/dev/null) ($(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD -- src rules Cargo.toml 2>/dev/null || echo '+dirty')), -j $JOBS, best of $REPEAT"
echo

TSV="$OUT/throughput.tsv"
printf 'command\tformat\tbytes\tseconds\tMB_per_s\tpeak_MiB\n' >"$TSV"
printf '%-8s %-9s %9s %9s %9s %10s\n' command format size_MB seconds MB/s peak_MiB
printf '%-8s %-9s %9s %9s %9s %10s\n' -------- --------- --------- --------- --------- ----------

run_set() { # FORMAT SIZES...
    local fmt=$1 mb f bytes cmd res secs kib rate mib
    shift
    for mb in "$@"; do
        f=$(corpus "$fmt" "$mb")
        bytes=$(stat -c %s "$f")
        for cmd in $COMMANDS; do
            res=$(measure "$cmd" "$f") || exit 2
            read -r secs kib <<<"$res"
            rate=$(awk "BEGIN{ if ($secs > 0) printf \"%.2f\", $bytes / 1e6 / $secs; else print \"inf\" }")
            mib=$(awk "BEGIN{printf \"%.1f\", $kib / 1024}")
            printf '%-8s %-9s %9.1f %9.2f %9s %10s\n' "$cmd" "$fmt" "$(awk "BEGIN{print $bytes/1e6}")" "$secs" "$rate" "$mib"
            printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$cmd" "$fmt" "$bytes" "$secs" "$rate" "$mib" >>"$TSV"
        done
    done
}

# shellcheck disable=SC2086
run_set text $SIZES
for fmt in markdown html; do
    # shellcheck disable=SC2086
    [ -n "$MARKUP_SIZES" ] && run_set "$fmt" $MARKUP_SIZES
done

# Linearity: the spread of MB/s across the plain-text sizes (issue 7 wants it within 10%).
echo
awk -F'\t' 'NR > 1 && $2 == "text" && $5 != "inf" {
        if (!($1 in lo) || $5 < lo[$1]) lo[$1] = $5
        if (!($1 in hi) || $5 > hi[$1]) hi[$1] = $5
        n[$1]++ }
    END { for (c in n) if (n[c] > 1)
        printf "linearity %-8s MB/s from %s to %s across sizes (spread %.0f%%)\n", c, lo[c], hi[c], (hi[c] / lo[c] - 1) * 100 }' "$TSV"

# Start-up to first output on a 5 KB article: the whole run is an upper bound of it.
ART="$OUT/article-5KB.txt"
if [ ! -s "$ART" ] || [ "$GEN" -nt "$ART" ]; then
    python3 "$GEN" --size 5KB --exact --seed "$SEED" --output "$ART"
fi
echo
for cmd in $COMMANDS; do
    if command -v hyperfine >/dev/null 2>&1; then
        json=$(mktemp)
        hyperfine --shell=none --warmup 10 --runs 200 -i --style none --export-json "$json" \
            "$NUMLINT $cmd --isolated --format json -j 1 $ART" >/dev/null 2>&1
        python3 - "$json" "$cmd" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ms = lambda x: x * 1000
print(f"start-up {sys.argv[2]:<8} 5 KB article: median {ms(r['median']):.2f} ms, "
      f"mean {ms(r['mean']):.2f} ± {ms(r['stddev']):.2f} ms, min {ms(r['min']):.2f} ms "
      f"({len(r['times'])} runs, hyperfine)")
EOF
        rm -f "$json"
    else
        for i in $(seq 5); do "$NUMLINT" "$cmd" --isolated --format json -j 1 "$ART" >/dev/null || true; done
        t0=$(date +%s%N)
        for i in $(seq 100); do "$NUMLINT" "$cmd" --isolated --format json -j 1 "$ART" >/dev/null || true; done
        t1=$(date +%s%N)
        awk "BEGIN{printf \"start-up %-8s 5 KB article: mean %.2f ms (100 runs, shell loop)\n\", \"$cmd\", ($t1 - $t0) / 1e6 / 100}"
    fi
done
echo
echo "rows also in $TSV"
