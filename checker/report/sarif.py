"""SARIF 2.1.0 log (``--format sarif``) for code scanning, as plain JSON."""
from __future__ import annotations

import json
from typing import Any

from checker.model import Evidence, Finding, Report
from checker.report.common import doc_path, figure_span, fingerprint, repo_uri, sorted_findings
from checker.report.json_report import _version

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def region(e: Evidence) -> dict[str, Any] | None:
    """Lines and columns of the claim (of its figure, when known); columns count code points."""
    if e.line is None:
        return None
    span = figure_span(e)
    a, b = span if span else (0, len(e.text))
    head, body = e.text[:a], e.text[a:b]
    start_line = e.line + head.count("\n")
    end_line = start_line + body.count("\n")
    reg = {"startLine": start_line, "endLine": end_line}
    if e.column is not None:
        # Column of the claim's start on its line, shifted by the figure's place inside the claim.
        start_col = (e.column + a) if "\n" not in head else a - head.rfind("\n")
        end_col = (start_col + len(body)) if "\n" not in body else len(body) - body.rfind("\n")
        reg["startColumn"], reg["endColumn"] = start_col, end_col if end_line > start_line else max(end_col, start_col)
    reg["snippet"] = {"text": body}
    return reg


def location(e: Evidence, root: str | None, ident: int | None = None) -> dict[str, Any]:
    """A physical location in the evidence's file, with the claim as its message."""
    uri, relative = repo_uri(doc_path(e), root)
    art: dict[str, Any] = {"uri": uri}
    if relative:
        art["uriBaseId"] = "%SRCROOT%"
    phys: dict[str, Any] = {"artifactLocation": art}
    reg = region(e)
    if reg:
        phys["region"] = reg
    loc: dict[str, Any] = {"physicalLocation": phys}
    if ident is not None:
        loc["id"] = ident
        value = f" [{e.value}]" if e.value else ""
        loc["message"] = {"text": f"{e.doc}{value}: {' '.join(e.text.split())}"}
    return loc


def rule_descriptor(f: Finding) -> dict[str, Any]:
    """The rule as SARIF names it: id = code, a name, descriptions and the default level."""
    return {
        "id": f.rule,
        "name": f.name or f.rule,
        "shortDescription": {"text": f"{f.name or f.rule} ({f.category})"},
        "fullDescription": {"text": f"factlint rule {f.rule} '{f.name}' reports {f.category.replace('_', ' ')} "
                                    f"discrepancies between news claims."},
        "defaultConfiguration": {"level": LEVELS.get(f.severity, "warning")},
        "properties": {"category": f.category, "tags": ["factlint", f.category]},
    }


def result(f: Finding, index: int, root: str | None) -> dict[str, Any]:
    """One result: the first evidence is the location, every evidence a related location."""
    res: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [location(f.evidence[0], root)] if f.evidence else [],
        "partialFingerprints": {"factlintFingerprint/v1": fingerprint(f)},
        "properties": {"category": f.category, "measure": f.measure},
    }
    if len(f.evidence) > 1:
        res["relatedLocations"] = [location(e, root, i) for i, e in enumerate(f.evidence)]
    return res


def to_dict(report: Report, root: str | None = None) -> dict[str, Any]:
    """The SARIF log as plain data."""
    findings = sorted_findings(report)
    rules: dict[str, int] = {}
    descriptors = []
    for f in sorted(findings, key=lambda f: f.rule):
        if f.rule not in rules:
            rules[f.rule] = len(descriptors)
            descriptors.append(rule_descriptor(f))
    notes = [{"level": "warning", "message": {"text": f"{p.path}: {p.reason} ({p.code})"},
              "descriptor": {"id": f"input.{p.code}"}} for p in report.problems]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "factlint", "version": _version(report), "rules": descriptors}},
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory factlint was run from."}}},
        "columnKind": "unicodeCodePoints",
        "results": [result(f, rules[f.rule], root) for f in findings],
    }
    run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notes}] if notes else \
        [{"executionSuccessful": True}]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, *, root: str | None = None, **_: Any) -> str:
    """Deterministic SARIF JSON text."""
    return json.dumps(to_dict(report, root), ensure_ascii=False, indent=2) + "\n"
