"""count_conflict: a stated count that differs from the number of items the sentence lists."""
from __future__ import annotations

from checker.engine.batch import Batch
from checker.engine.evidence import evidence, fingerprint, render_message
from checker.engine.rules import Rule
from checker.model import Finding

PARAMS = {
    "min_items": (int, 2),        # lists shorter than this are not lists
}


def run(rule: Rule, batch: Batch) -> list[Finding]:
    findings = []
    for statement in batch.counts:
        listed = len({item.entity for item in statement.items})
        if listed < rule.param("min_items") or listed == statement.count:
            continue
        reading = statement.reading
        names = ", ".join(item.surface for item in statement.items)
        item = evidence(reading.article, reading.claim, value=f"{statement.count} stated, {listed} listed",
                        span=(statement.start, statement.end))
        measure = f"{statement.count_text}: {names}"
        message = render_message(rule.message, stated=statement.count_text, count=str(statement.count),
                                 listed=str(listed), items=names)
        findings.append(Finding(rule.code, rule.name, rule.category, rule.severity, message, (item,), measure,
                                fingerprint(rule.code, measure, [item])))
    return findings
