"""Terminal renderer: grouping, highlighting, colour choice, markup-free rich output, cheap package import."""
from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import replace

from checker.cli.output import use_color
from checker.report import render
from test_report_fixtures import FIXTURES, ROOT

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_plain_text_groups_by_measure_and_marks_the_figure():
    out = render(FIXTURES["seeds"](), "text")
    assert "\x1b" not in out
    assert out.index("China's share of global rare-earth mining") < out.index("first new U.S. rare-earth mine")
    assert "«approximately 60%»" in out.replace("\n", " ").replace("  ", " ") or "«approximately" in out
    assert out.rstrip().splitlines()[-1] == \
        "2 findings (1 error, 1 warning, 0 info) in 2 documents, 3 articles read; 1 input problem"


def test_color_output_never_interprets_article_text_as_markup():
    r = FIXTURES["seeds"]()
    f = r.findings[1]
    ev = replace(f.evidence[0], text="[bold red]not markup[/] :smile: [link=https://x]y[/link]", start=None, end=None)
    r = replace(r, findings=(replace(f, evidence=(ev,), message="[blink]m[/blink]"),))
    plain = ANSI.sub("", render(r, "text", color=True, width=200))
    assert "[bold red]not markup[/] :smile: [link=https://x]y[/link]" in plain
    assert "[blink]m[/blink]" in plain
    assert "\x1b]8;" not in render(r, "text", color=True, width=200)  # no hyperlink escape


def test_control_characters_are_made_visible():
    out = render(FIXTURES["hostile"](), "text", color=True)
    assert "\x1b[31m with" not in out and "\u202e" not in out
    assert "␛" in out


def test_use_color_honours_mode_no_color_and_tty():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert use_color("always", io.StringIO(), {"NO_COLOR": "1"}) is True
    assert use_color("never", Tty(), {}) is False
    assert use_color("auto", Tty(), {}) is True
    assert use_color("auto", Tty(), {"NO_COLOR": "1"}) is False
    assert use_color("auto", Tty(), {"NO_COLOR": ""}) is True  # no-color.org: empty means unset
    assert use_color("auto", Tty(), {"TERM": "dumb"}) is False
    assert use_color("auto", io.StringIO(), {}) is False


def test_package_import_leaves_heavy_libraries_alone():
    code = ("import sys, checker.report, checker.cli.output; "
            "print(sorted(m for m in ('rich', 'jinja2', 'junit_xml', 'tabulate') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"
