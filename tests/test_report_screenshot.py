"""The HTML report renders in headless Chromium (skipped where no Chromium is installed)."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from checker.report import render
from test_report_fixtures import FIXTURES, ROOT

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install chromium)")
def test_screenshot_script_renders_the_html_report(tmp_path):
    html = tmp_path / "seeds.html"
    html.write_text(render(FIXTURES["seeds"](), "html", link_base=str(tmp_path)), encoding="utf-8")
    png = tmp_path / "seeds.png"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshot_report.py"), str(html), "-o", str(png),
                    "--width", "1000", "--height", "800"], check=True, capture_output=True, timeout=120)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
