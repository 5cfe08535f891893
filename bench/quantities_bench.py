#!/usr/bin/env python3
"""Benchmark (not a test): figure-extraction throughput in MB/s of news text on one core,
next to a plain compiled regular-expression scan of the same text.

    python bench/quantities_bench.py [PATH ...] [--docs N] [--repeat R]

Without PATH, a corpus is generated with ../shared/eval/gen_corpus.py (txt and md articles) into a
temporary folder.  Text is split into lines (about one sentence or paragraph each, as the claims
stage hands them over) and each line goes through extract_figures (numbers, percentages, units,
money, durations and dates in one pass: what the pipeline runs on every claim), and through
extract_quantities alone.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The baseline: what a naive recognizer would run, numbers with an optional percent/magnitude/unit word.
BASELINE = re.compile(r"\d[\d,]*(?:\.\d+)?(?:\s*(?:%|percent|per cent|million|billion|tonnes|tons|kt|Mt))?")


def corpus(paths: list[str], docs: int) -> list[str]:
    """Lines of news text from PATHs, or from a freshly generated corpus."""
    files: list[Path] = []
    if paths:
        for p in map(Path, paths):
            files += sorted(p.rglob("*")) if p.is_dir() else [p]
    else:
        tmp = Path(tempfile.mkdtemp(prefix="factlint-bench-"))
        gen = ROOT.parent / "shared" / "eval" / "gen_corpus.py"
        subprocess.run([sys.executable, str(gen), "--out", str(tmp / "c"), "--docs", str(docs), "--seed", "7",
                        "--formats", "txt,md", "--quiet"], check=True)
        files = sorted((tmp / "c" / "docs").rglob("*"))
    lines: list[str] = []
    for f in files:
        if f.is_file():
            lines += [ln for ln in f.read_text(encoding="utf-8", errors="replace").splitlines() if ln.strip()]
    return lines


def best_of(fns: list, repeat: int) -> list[float]:
    """Best wall time (seconds) of each function over ``repeat`` rounds; a round runs each once,
    so a slow spell of a shared machine slows the scan and the extractors alike."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    from checker.quantities import extract_figures, extract_quantities

    lines = corpus(args.paths, args.docs)
    mb = sum(len(ln.encode("utf-8")) for ln in lines) / 1e6
    ref = dt.date(2025, 7, 5)
    for ln in lines[:50]:                 # warm up: lexicons, regexes and pint factors load once
        extract_figures(ln, ref)

    def scan():
        for ln in lines:
            for _ in BASELINE.finditer(ln):
                pass

    def quantities():
        for ln in lines:
            extract_quantities(ln)

    def figures():
        for ln in lines:
            extract_figures(ln, ref)

    t_scan, t_q, t_all = best_of([scan, quantities, figures], args.repeat)
    figures = sum(len(extract_quantities(ln)) for ln in lines)
    print(f"text: {mb:.2f} MB in {len(lines)} lines, {figures} figures read")
    print(f"plain regex scan          : {mb / t_scan:8.2f} MB/s")
    print(f"extract_quantities        : {mb / t_q:8.2f} MB/s  ({t_q / len(lines) * 1e6:.1f} us/line)  "
          f"ratio to scan 1/{t_q / t_scan:.1f}")
    print(f"extract_figures (+ dates) : {mb / t_all:8.2f} MB/s  ({t_all / len(lines) * 1e6:.1f} us/line)  "
          f"ratio to scan 1/{t_all / t_scan:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
