"""Every rule's data-driven cases: tests/cases/rules/<CODE>.toml, one [[case]] per scenario.

A case writes its documents to a temporary folder, runs the whole pipeline with only that
rule selected, and compares the number of findings and the claims they cite.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker.config import Config
from checker.engine.catalogue import all_rules
from checker.pipeline import check

CASES = Path(__file__).parent / "cases" / "rules"


def _cases():
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data.get("case", [])):
            yield pytest.param(data["rule"], case, id=f"{path.stem}-{i}-{case.get('name', '')}")


@pytest.mark.parametrize("code, case", list(_cases()))
def test_rule_case(code, case, tmp_path):
    for doc in case["doc"]:
        target = tmp_path / doc["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(doc["text"], encoding="utf-8")
    config = Config()
    if "reference" in case:
        ref = tmp_path / "reference.csv"
        ref.write_text(case["reference"], encoding="utf-8")
        config.reference = ref
    report = check([str(tmp_path / d["path"]) for d in case["doc"]], config, select=[code])
    findings = [f for f in report.findings if f.rule == code]
    assert len(findings) == case["findings"], [f.message for f in report.findings]
    for expected, finding in zip(case.get("cites", []), findings):
        texts = [e.text for e in finding.evidence]
        for needle in expected:
            assert any(needle in t for t in texts), (needle, texts)
    if "sides" in case and findings:
        assert len({e.side for e in findings[0].evidence}) == case["sides"]


def test_every_rule_has_cases_and_every_case_file_a_rule():
    codes = {r.code for r in all_rules(Config())}
    files = {p.stem for p in CASES.glob("*.toml")}
    assert codes - files == set(), f"rules without case files: {sorted(codes - files)}"
    assert files - codes == set(), f"case files naming no rule: {sorted(files - codes)}"
    for path in CASES.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data.get("rule") == path.stem, f"{path.name} must name its rule"
        assert any(c["findings"] > 0 for c in data["case"]), f"{path.name} has no case that fires"
        assert any(c["findings"] == 0 for c in data["case"]), f"{path.name} has no case that passes"
