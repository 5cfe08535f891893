"""future_dated: an event (or a completed-year figure) told as done but dated after the article."""
from __future__ import annotations

from checker.engine.batch import Batch
from checker.engine.evidence import evidence, fingerprint, render_message
from checker.engine.kinds.temporal import describe, months_between, publication
from checker.engine.rules import Rule
from checker.model import Finding

PARAMS = {
    "min_months": (int, 1),              # the date's first month must be this many months after publication
    "include_relative": (bool, False),
    "attributed_severity": (str, ""),
}


def run(rule: Rule, batch: Batch) -> list[Finding]:
    findings: list[Finding] = []
    for event in batch.events:
        published = publication(event)
        if published is None or event.modality != "done":
            continue
        if event.date.relative and not rule.param("include_relative"):
            continue
        gap = months_between(published, event.date.start)
        if gap < rule.param("min_months"):
            continue
        item = evidence(event.article, event.claim, value=event.date.iso,
                        span=(event.date.span_start, event.date.span_end))
        measure = f"{describe(event)}, {event.date.text}"
        message = render_message(rule.message, date=event.date.text, published=published.isoformat(),
                                 months=str(gap), event=describe(event), cue=event.cue or "?")
        severity = rule.param("attributed_severity") if event.attributed and rule.param("attributed_severity") else rule.severity
        findings.append(Finding(rule.code, rule.name, rule.category, severity, message, (item,), measure,
                                fingerprint(rule.code, measure, [item])))
    return findings
