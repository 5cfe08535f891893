"""GitHub workflow commands: escaping of properties and messages, levels, and the step summary."""
from __future__ import annotations

from checker.report import github_step_summary, render
from checker.report.github import command, escape_data, escape_property
from test_report_fixtures import FIXTURES


def test_escaping_differs_for_properties_and_message():
    assert escape_data("50%\r\nx: a, b") == "50%25%0D%0Ax: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("error", "m: 1, 2", file="a,b:c.txt", line=3, title="T: x") == \
        "::error file=a%2Cb%3Ac.txt,line=3,title=T%3A x::m: 1, 2"


def test_one_command_line_per_finding_and_problem():
    out = render(FIXTURES["seeds"](), "github").splitlines()
    cmds = [line for line in out if line.startswith("::")]
    assert len(cmds) == 3
    assert cmds[0].startswith("::error file=seeds/000_019cb405469e32cd.txt,line=10,title=NM01 share-mismatch::")
    assert cmds[1].startswith("::warning file=seeds/000_019cb405469e32cd.txt,line=7,")
    assert out[-1].startswith("factlint: 2 findings")


def test_hostile_message_cannot_start_a_new_command():
    out = render(FIXTURES["hostile"](), "github")
    for line in out.splitlines():
        assert line.startswith("::") or line.startswith("factlint:")
    assert "::notice " in out  # info -> notice
    assert "\x1b" not in out


def test_step_summary_is_markdown():
    md = github_step_summary(FIXTURES["seeds"]())
    assert md.startswith("## factlint") and "| error |" in md and "`NM01`" in md
