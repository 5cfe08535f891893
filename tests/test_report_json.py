"""The JSON contract: schema-valid, deterministic, no inf, the keys the scorer reads."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest
from jsonschema import Draft202012Validator

from checker.report import render
from test_report_fixtures import FIXTURES, ROOT

SCHEMA = json.loads((ROOT / "checker" / "report" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def test_schema_is_a_valid_schema():
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_output_validates_against_published_schema(fixture):
    doc = json.loads(render(FIXTURES[fixture](), "json"))
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(doc), key=str)
    assert not errors, [e.message for e in errors]


def test_contract_keys_and_order():
    doc = json.loads(render(FIXTURES["seeds"](), "json"))
    assert list(doc) == ["version", "schema_version", "tool", "summary", "findings", "problems"]
    assert doc["version"] == 1 and doc["tool"]["name"] == "factlint"
    f = doc["findings"][0]
    assert list(f) == ["rule", "name", "category", "severity", "message", "fingerprint", "measure", "evidence"]
    assert f["rule"] == "NM01" and f["category"] == "numeric_conflict"
    assert list(f["evidence"][0]) == ["doc", "line", "text", "side", "value", "low", "high", "unit", "outlet",
                                      "published"]
    assert [e["doc"] for e in f["evidence"]] == ["seeds/000_019cb405469e32cd.txt#2", "seeds/001_054e74a0c7af6f75.txt"]
    assert [e["side"] for e in f["evidence"]] == ["56.5–63.5%", "66.5–70%"]
    assert doc["problems"] == [{"path": "seeds/missing.html", "reason": "no such file", "code": "missing",
                                "line": None}]
    assert doc["summary"]["by_severity"] == {"error": 1, "warning": 1, "info": 0}


def test_findings_sorted_by_category_rule_doc_line_message():
    doc = json.loads(render(FIXTURES["seeds"](), "json"))
    assert [f["category"] for f in doc["findings"]] == ["numeric_conflict", "stale_temporal"]


def test_open_interval_is_null_and_text_is_utf8():
    out = render(FIXTURES["hostile"](), "json")
    assert "Infinity" not in out and "NaN" not in out
    ev = json.loads(out)["findings"][1]["evidence"][1]
    assert ev["low"] == 80 and ev["high"] is None
    assert "≥80%" in out  # ensure_ascii=False


def test_nan_is_null_too():
    r = FIXTURES["hostile"]()
    f = r.findings[0]
    nan_ev = replace(f.evidence[0], low=float("nan"), high=float("-inf"))
    r = replace(r, findings=(replace(f, evidence=(nan_ev,)),))
    ev = json.loads(render(r, "json"))["findings"][0]["evidence"][0]
    assert ev["low"] is None and ev["high"] is None


def test_empty_fingerprint_gets_a_line_independent_one():
    r = FIXTURES["hostile"]()
    f = r.findings[0]
    moved = replace(f, evidence=tuple(replace(e, line=(e.line or 0) + 7) for e in f.evidence))
    fp = json.loads(render(replace(r, findings=(f,)), "json"))["findings"][0]["fingerprint"]
    fp_moved = json.loads(render(replace(r, findings=(moved,)), "json"))["findings"][0]["fingerprint"]
    assert fp and fp == fp_moved
