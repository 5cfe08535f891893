"""Inline suppression markers and baselines."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from typer.testing import CliRunner

from checker.cli.app import app
from checker.pipeline import check

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RUNNER = CliRunner()

STALE = """Mine update

Published: 2025-07-05 10:00

{marker}The new mine is set to produce in July 2023.
"""


def _codes(path):
    return [f.rule for f in check([str(path)]).findings]


def test_plain_text_marker_on_the_line_above(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(STALE.format(marker=""), encoding="utf-8")
    assert _codes(doc) == ["TM01"]
    doc.write_text(STALE.format(marker="factlint: ignore TM01\n"), encoding="utf-8")
    assert _codes(doc) == []


def test_marker_for_another_code_does_not_suppress(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(STALE.format(marker="factlint: ignore NM01\n"), encoding="utf-8")
    assert _codes(doc) == ["TM01"]


def test_markdown_comment_marker_and_file_wide(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("---\ndate: 2025-07-05\n---\n<!-- factlint: ignore-file TM01 -->\n\nThe new mine is set to produce in July 2023.\n", encoding="utf-8")
    assert _codes(doc) == []


def test_html_comment_marker(tmp_path):
    doc = tmp_path / "a.html"
    doc.write_text('<html><head><meta property="article:published_time" content="2025-07-05T10:00:00"></head><body><article>'
                   '<!-- factlint: ignore TM01 -->\n<p>The new mine is set to produce in July 2023.</p></article></body></html>', encoding="utf-8")
    assert _codes(doc) == []


def test_baseline_hides_known_findings_only(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = RUNNER.invoke(app, ["check", "seeds", "--baseline", "base.json", "--update-baseline"])
        assert result.exit_code == 0, result.output
        assert len(json.loads(Path("base.json").read_text())["fingerprints"]) == 2
        result = RUNNER.invoke(app, ["check", "seeds", "--baseline", "base.json", "--format", "json"])
        assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []
        # a new discrepancy in a new article still fails the gate
        Path("seeds/new.txt").write_text(STALE.format(marker=""), encoding="utf-8")
        result = RUNNER.invoke(app, ["check", "seeds", "--baseline", "base.json", "--format", "json"])
        assert result.exit_code == 1
        assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["TM01"]
    finally:
        os.chdir(old)


def test_fingerprints_do_not_depend_on_lines(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text(STALE.format(marker=""), encoding="utf-8")
    first = check([str(a)]).findings[0].fingerprint
    a.write_text(STALE.format(marker="\n\n\n"), encoding="utf-8")
    moved = check([str(a)]).findings[0]
    assert moved.fingerprint == first and moved.evidence[0].line == 8
