"""The shared conformance suite through `mentions`: micro F1 >= 0.90 and every file >= 0.85."""
from __future__ import annotations

import collections
import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from checker.quantities import mentions

SUITE = Path(__file__).resolve().parent.parent.parent / "shared" / "conformance"
FILES = ("numbers", "percentages", "quantities", "currency", "dates", "numbers_zh")

pytestmark = pytest.mark.skipif(not (SUITE / "score.py").exists(), reason="conformance suite not present")


def _f1(c):
    p = c["tp"] / c["predicted"] if c["predicted"] else 0.0
    r = c["tp"] / c["expected"] if c["expected"] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def test_conformance_suite():
    spec = importlib.util.spec_from_file_location("conformance_score", SUITE / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    try:
        import pint
        ureg = pint.UnitRegistry()
    except Exception:  # the scorer works without pint too
        ureg = None
    total = collections.Counter()
    per_file = {}
    for name in FILES:
        recs = [json.loads(x) for x in (SUITE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if x]
        preds = {r["id"]: mentions(r["text"], dt.date.fromisoformat(r["reference_date"]) if r.get("reference_date") else None)
                 for r in recs}
        c = collections.Counter()
        for kc in score.score_records(recs, preds, ureg).values():
            c.update({k: kc[k] for k in ("tp", "predicted", "expected")})
        per_file[name] = _f1(c)
        total.update(c)
    assert _f1(total) >= 0.90, per_file
    for name, f1 in per_file.items():
        assert f1 >= 0.85, (name, per_file)
