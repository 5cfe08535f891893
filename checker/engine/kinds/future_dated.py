"""future_dated: an event (or a completed-year figure) told as done but dated after the article."""
from __future__ import annotations

from checker.engine.batch import Batch
from checker.engine.kinds.temporal import dated_finding, months_between, publication
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
        findings.append(dated_finding(rule, event, published, gap))
    return findings
