"""JUnit XML parses back: a suite per category, a failing case per finding, control characters dropped."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from checker.report import render
from test_report_fixtures import FIXTURES


@pytest.mark.parametrize("fixture", sorted(FIXTURES))
def test_parses_back(fixture):
    report = FIXTURES[fixture]()
    root = ET.fromstring(render(report, "junit").encode("utf-8"))
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    failures = root.findall("./testsuite/testcase/failure")
    assert len(failures) == len(report.findings)
    assert len(cases) == max(1, len(report.findings) + len(report.problems))


def test_suites_by_category_and_case_details():
    root = ET.fromstring(render(FIXTURES["seeds"](), "junit").encode("utf-8"))
    assert [s.get("name") for s in root.findall("testsuite")] == [
        "factlint.numeric_conflict", "factlint.stale_temporal", "factlint.inputs"]
    case = root.find("./testsuite/testcase")
    assert case.get("file") == "seeds/000_019cb405469e32cd.txt" and case.get("line") == "10"
    assert case.find("failure").get("type") == "error"
    assert "seeds/001_054e74a0c7af6f75.txt:1" in case.find("failure").text


def test_control_characters_do_not_break_xml():
    root = ET.fromstring(render(FIXTURES["hostile"](), "junit").encode("utf-8"))
    text = "".join(root.itertext())
    assert "\x1b" not in text and "<script>" in text  # kept as text, escaped in the XML
