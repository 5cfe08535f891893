"""reports/ holds what factlint makes of seeds/ in every format; this test regenerates them and compares.

FACTLINT_UPDATE_SNAPSHOTS=1 rewrites reports/ instead (review the diff before committing).
"""
from __future__ import annotations

import importlib.util
import os

import pytest

from checker.report import render
from test_report_fixtures import ROOT

REPORTS = ROOT / "reports"
FILES = {"seeds.txt": "text", "seeds.md": "md", "seeds.html": "html", "seeds.json": "json", "seeds.sarif": "sarif"}

pytestmark = pytest.mark.skipif(importlib.util.find_spec("checker.pipeline") is None,
                                reason="the pipeline (checker.pipeline) is not there yet")


@pytest.fixture(scope="module")
def seeds_report():
    import checker

    cwd = os.getcwd()
    os.chdir(ROOT)  # paths in the reports are as given on the command line: relative to the repo root
    try:
        return checker.check(["seeds"])
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("name", sorted(FILES))
def test_reports_match_what_factlint_makes_of_seeds(seeds_report, name, monkeypatch):
    monkeypatch.chdir(ROOT)
    text = render(seeds_report, FILES[name], root=str(ROOT), link_base=str(REPORTS))
    path = REPORTS / name
    if os.environ.get("FACTLINT_UPDATE_SNAPSHOTS") == "1":
        path.write_text(text, encoding="utf-8", newline="")
        return
    assert path.exists(), f"{path} is missing; run FACTLINT_UPDATE_SNAPSHOTS=1 pytest {__file__}"
    assert path.read_bytes().decode("utf-8") == text, \
        f"reports/{name} is stale; FACTLINT_UPDATE_SNAPSHOTS=1 pytest tests/test_report_seeds.py regenerates it"
