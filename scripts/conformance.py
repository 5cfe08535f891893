#!/usr/bin/env python3
"""Run the figure layer over the shared conformance suite, write predictions.jsonl, and score it.

    python scripts/conformance.py [--suite DIR] [--out FILE]

The suite defaults to ../shared/conformance next to the repository (or $FACTLINT_CONFORMANCE).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILES = ("numbers", "percentages", "quantities", "currency", "dates", "numbers_zh")


def default_suite() -> Path:
    """The conformance folder: $FACTLINT_CONFORMANCE, else ../shared/conformance beside the repo."""
    env = os.environ.get("FACTLINT_CONFORMANCE")
    return Path(env) if env else ROOT.parent / "shared" / "conformance"


def predict(suite: Path) -> list[dict]:
    """One prediction line per suite record."""
    from checker.quantities import mentions
    out = []
    for name in FILES:
        with (suite / f"{name}.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                ref = dt.date.fromisoformat(r["reference_date"]) if r.get("reference_date") else None
                out.append({"id": r["id"], "predicted": mentions(r["text"], ref)})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", type=Path, default=default_suite())
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "conformance" / "predictions.jsonl")
    args = ap.parse_args(argv)
    if not (args.suite / "score.py").exists():
        print(f"conformance suite not found at {args.suite}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for p in predict(args.suite):
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    return subprocess.call([sys.executable, str(args.suite / "score.py"), str(args.out), "--suite", str(args.suite)])


if __name__ == "__main__":
    sys.exit(main())
