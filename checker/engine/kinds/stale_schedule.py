"""stale_schedule: an event presented as upcoming although its date is before the article's own date."""
from __future__ import annotations

from checker.engine.batch import Batch
from checker.engine.kinds.temporal import dated_finding, months_between, publication
from checker.engine.rules import Rule
from checker.model import Finding

PARAMS = {
    "min_months": (int, 1),              # the date's last month must be this many months before publication
    "include_targets": (bool, False),    # "aims to ... by 2020" in a 2022 article
    "include_relative": (bool, False),   # "next year" is resolved against the article itself: never stale
    "attributed_severity": (str, ""),
}


def run(rule: Rule, batch: Batch) -> list[Finding]:
    findings: list[Finding] = []
    # a date an event was moved to ("pushed back ... to 2024") is as upcoming as a plan
    moods = {"upcoming", "rescheduled"} | ({"target"} if rule.param("include_targets") else set())
    for event in batch.events:
        published = publication(event)
        if published is None or event.modality not in moods:
            continue
        if event.date.relative and not rule.param("include_relative"):
            continue
        gap = months_between(event.date.end, published)
        if gap < rule.param("min_months"):
            continue
        findings.append(dated_finding(rule, event, published, gap))
    return findings
