"""Data-driven cases of the figure layer: tests/cases/quantities/*.jsonl, one case per line."""
from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

from checker.quantities import extract_dates, extract_quantities, mentions

CASES = Path(__file__).parent / "cases" / "quantities"


def _load():
    for path in sorted(CASES.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                yield pytest.param(json.loads(line), id=f"{path.stem}:{n}")


def _num(x):
    return math.inf if x == "inf" else x


def _close(a, b):
    b = _num(b)
    if math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-6)


@pytest.mark.parametrize("case", list(_load()))
def test_case(case):
    text = case["text"]
    if "mentions" in case:             # the conformance form that `factlint mentions` prints
        ref = dt.date.fromisoformat(case["reference"]) if case.get("reference") else None
        got = mentions(text, ref)
        for exp in case["mentions"]:
            match = [m for m in got if text[m["start"]:m["end"]] == exp["text"]]
            assert match, f"{exp['text']!r} not a mention of {text!r}: {got}"
            for key, value in exp.items():
                if key != "text":
                    assert match[0][key] == value, (key, match[0])
        return
    if "dates" in case:
        ref = dt.date.fromisoformat(case["reference"]) if case.get("reference") else None
        got = extract_dates(text, ref)
        if not case["dates"]:
            assert got == [], got
        for exp in case["dates"]:
            match = [d for d in got if d.text == exp["text"]]
            assert match, f"{exp['text']!r} not read as a date in {text!r}: {got}"
            d = match[0]
            for key in ("granularity", "iso", "relative", "deadline"):
                if key in exp:
                    assert getattr(d, key) == exp[key], (key, d)
            if "start" in exp:
                assert d.start.isoformat() == exp["start"], d
            if "end" in exp:
                assert d.end.isoformat() == exp["end"], d
        return
    got = extract_quantities(text)
    assert "expect" in case or "absent" in case, f"a case line must say what it expects: {case}"
    for exp in case.get("expect", []):
        match = [q for q in got if q.text == exp["text"]]
        assert match, f"{exp['text']!r} not read in {text!r}: {[q.text for q in got]}"
        q = match[0]
        for key in ("kind", "unit", "hedge", "base_unit"):
            if key in exp:
                assert getattr(q, key) == exp[key], (key, q)
        for key in ("value", "low", "high"):
            if key in exp:
                assert _close(getattr(q, key), exp[key]), (key, q)
        if "notes" in exp:
            assert tuple(exp["notes"]) == q.notes, q
    for surface in case.get("absent", []):
        assert not [q for q in got if surface in q.text or q.text == surface], (surface, got)
