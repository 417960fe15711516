#!/usr/bin/env python3
"""Runs quantulum3's parser over a corpus, paragraph by paragraph, and reports its throughput.

    python bench/quantulum_driver.py CORPUS [--limit-seconds N]

Prints one JSON object: bytes, paragraphs, quantities, load_seconds (import and first parse,
which loads quantulum3's unit tables and, if installed, its classifier) and parse_seconds (the
loop over the paragraphs only). Paragraphs are separated by blank lines, as bench/gen_corpus.py
writes them. Run it with the Python of a venv where quantulum3 is installed (bench/compare.sh).
"""

import argparse
import json
import sys
import time
import warnings


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--limit-seconds", type=float, default=0,
                    help="stop after this long and report what was parsed (0 = no limit)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    with warnings.catch_warnings():
        # Without scikit-learn quantulum3 warns that its classifier is missing; that is expected.
        warnings.simplefilter("ignore")
        from quantulum3 import classifier, parser
        parser.parse("The pipeline is 900 km (559 miles) long.")
    load = time.perf_counter() - t0

    with open(args.corpus, encoding="utf-8") as f:
        text = f.read()
    paragraphs = [p for p in text.split("\n\n") if p.strip()]

    done_bytes = 0
    quantities = 0
    n = 0
    t1 = time.perf_counter()
    for p in paragraphs:
        quantities += len(parser.parse(p))
        done_bytes += len(p.encode("utf-8")) + 2
        n += 1
        if args.limit_seconds and time.perf_counter() - t1 > args.limit_seconds:
            break
    parse = time.perf_counter() - t1
    if n == len(paragraphs):
        done_bytes = len(text.encode("utf-8"))

    json.dump({
        "bytes": done_bytes,
        "total_bytes": len(text.encode("utf-8")),
        "paragraphs": n,
        "quantities": quantities,
        "load_seconds": round(load, 3),
        "parse_seconds": round(parse, 3),
        "classifier": bool(getattr(classifier, "USE_CLF", False)),
        "python": sys.version.split()[0],
    }, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
