"""JUnit XML (``--format junit``): a suite per category, a failing test case per finding."""
from __future__ import annotations

from typing import Any

from checker.model import Finding, Report
from checker.report.common import doc_path, fingerprint, place, repo_path, sorted_findings, summary_line


def _details(f: Finding) -> str:
    """The evidence as plain text lines, for the failure body."""
    lines = [f.message, ""]
    for e in f.evidence:
        side = f"[{e.side}] " if e.side else ""
        value = f" ({e.value})" if e.value else ""
        lines.append(f"{side}{place(e)}{value}: {' '.join(e.text.split())}")
    return "\n".join(lines)


def render(report: Report, *, root: str | None = None, **_: Any) -> str:
    """The XML text; junit-xml strips characters XML cannot hold (article text may carry them)."""
    from junit_xml import TestCase, TestSuite, to_xml_report_string

    suites: dict[str, list[TestCase]] = {}
    for f in sorted_findings(report):
        first = f.evidence[0] if f.evidence else None
        case = TestCase(
            name=f"{f.rule} {f.name}: {f.message}",
            classname=f"factlint.{f.category}",
            file=repo_path(doc_path(first), root) if first else None,
            line=first.line if first else None,
        )
        case.add_failure_info(message=f"{f.severity}: {f.message}", output=_details(f), failure_type=f.severity)
        case.stdout = f"fingerprint {fingerprint(f)}"
        suites.setdefault(f.category, []).append(case)
    out = [TestSuite(f"factlint.{cat}", cases) for cat, cases in suites.items()]
    if report.problems:
        cases = []
        for p in report.problems:
            case = TestCase(name=f"read {p.path}", classname="factlint.inputs", file=p.path, line=p.line)
            case.add_error_info(message=f"{p.code}: {p.reason}", error_type=p.code)
            cases.append(case)
        out.append(TestSuite("factlint.inputs", cases))
    if not out:
        # An empty report still shows one passing check, so CI dashboards count the run.
        out.append(TestSuite("factlint", [TestCase(name="no discrepancies", classname="factlint")]))
    out[0].properties = {"summary": summary_line(report)}
    return to_xml_report_string(out, prettyprint=True, encoding="utf-8")
