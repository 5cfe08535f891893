"""Snapshot tests: every renderer on every fixture report, compared with tests/snapshots/."""
from __future__ import annotations

from dataclasses import replace

import pytest

from checker.report import FORMATS, github_step_summary, render
from test_report_fixtures import FIXTURES, ROOT, assert_snapshot

EXT = {"text": "txt", "json": "json", "md": "md", "html": "html", "sarif": "sarif", "junit": "xml", "github": "log"}


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    # Evidence paths are relative to where factlint runs; snapshots are taken from the repo root.
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
@pytest.mark.parametrize("fmt", FORMATS)
def test_renderer_snapshot(fixture, fmt):
    out = render(FIXTURES[fixture](), fmt, root=str(ROOT), link_base=str(ROOT / "reports"))
    assert_snapshot(f"{fixture}.{EXT[fmt]}", out)


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_color_text_snapshot(fixture):
    out = render(FIXTURES[fixture](), "text", color=True, width=100)
    assert "\x1b[" in out
    assert_snapshot(f"{fixture}.color.txt", out)


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_step_summary_snapshot(fixture):
    assert_snapshot(f"{fixture}.step-summary.md", github_step_summary(FIXTURES[fixture](), link_base=str(ROOT)))


@pytest.mark.parametrize("fmt", FORMATS)
def test_rendering_is_deterministic_and_order_independent(fmt):
    report = FIXTURES["seeds"]()
    shuffled = replace(report, findings=tuple(reversed(report.findings)))
    assert render(report, fmt) == render(shuffled, fmt)


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown format"):
        render(FIXTURES["empty"](), "pdf")
