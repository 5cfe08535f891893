"""The JSON contract (``--format json``): what the scorer and CI jobs read."""
from __future__ import annotations

import json
from typing import Any

from checker.model import Evidence, Finding, Report
from checker.report.common import category_counts, finite, fingerprint, severity_counts, sorted_findings

SCHEMA_VERSION = "1.0"


def _version(report: Report) -> str:
    if report.tool_version:
        return report.tool_version
    from checker import __version__
    return __version__


def evidence_dict(e: Evidence) -> dict[str, Any]:
    """One evidence item; open interval ends (inf) become null."""
    return {
        "doc": e.doc,
        "line": e.line,
        "text": e.text,
        "side": e.side,
        "value": e.value,
        "low": finite(e.low),
        "high": finite(e.high),
        "unit": e.unit,
        "outlet": e.outlet,
        "published": e.published,
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    """One finding, evidence kept in the engine's order."""
    return {
        "rule": f.rule,
        "name": f.name,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "fingerprint": fingerprint(f),
        "measure": f.measure,
        "evidence": [evidence_dict(e) for e in f.evidence],
    }


def to_dict(report: Report) -> dict[str, Any]:
    """The whole report as plain data, in the contract's key order."""
    c = report.counts
    return {
        "version": 1,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factlint", "version": _version(report)},
        "summary": {
            "findings": len(report.findings),
            "by_severity": severity_counts(report),
            "by_category": category_counts(report),
            "documents": c.documents,
            "articles": c.articles,
            "claims": c.claims,
            "facts": c.facts,
            "events": c.events,
            "skipped": c.skipped,
            "problems": len(report.problems),
        },
        "findings": [finding_dict(f) for f in sorted_findings(report)],
        "problems": [{"path": p.path, "reason": p.reason, "code": p.code, "line": p.line} for p in report.problems],
    }


def render(report: Report, **_: Any) -> str:
    """Deterministic JSON text: stable key order, no timestamps, UTF-8 as is, no NaN/inf."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
