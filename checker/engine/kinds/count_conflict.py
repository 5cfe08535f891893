"""count_conflict: a stated count that differs from the number of items the sentence lists."""
from __future__ import annotations

from checker.engine.batch import Batch
from checker.engine.evidence import evidence, fingerprint, render_message
from checker.engine.rules import Rule
from checker.model import Finding

PARAMS = {
    "min_items": (int, 2),        # lists shorter than this are not lists
    "check_members": (bool, True),   # a bloc's stated size against its members in the entity lexicon
    "cross_source": (bool, True),    # two sources giving a bloc different sizes
}


def _groups(rule: Rule, batch: Batch) -> list[Finding]:
    findings = []
    by_group: dict[str, list] = {}
    for stated in batch.group_counts:
        by_group.setdefault(stated.group, []).append(stated)
    for group in sorted(by_group):
        statements = by_group[group]
        label = batch.labels.get(group, group)
        known = batch.members.get(group)
        for stated in statements:
            if rule.param("check_members") and known and stated.count != known:
                reading = stated.reading
                item = evidence(reading.article, reading.claim, value=f"{stated.count} stated, {known} members",
                                span=(stated.start, stated.end))
                measure = f"size of {label}"
                message = render_message(rule.message, stated=stated.text, count=str(stated.count), listed=str(known),
                                         items=f"{label} has {known} members")
                findings.append(Finding(rule.code, rule.name, rule.category, rule.severity, message, (item,), measure,
                                        fingerprint(rule.code, measure, [item])))
        sizes = sorted({s.count for s in statements})
        if rule.param("cross_source") and len(sizes) > 1 and len({s.reading.article.id for s in statements}) > 1 and not known:
            items = [evidence(s.reading.article, s.reading.claim, side=str(s.count), value=str(s.count), span=(s.start, s.end))
                     for s in sorted(statements, key=lambda s: (s.count, s.reading.article.id))]
            measure = f"size of {label}"
            message = render_message(rule.message, stated=" vs ".join(str(n) for n in sizes), count="", listed="",
                                     items=f"sources disagree on the size of {label}")
            findings.append(Finding(rule.code, rule.name, rule.category, rule.severity, message, tuple(items), measure,
                                    fingerprint(rule.code, measure, items)))
    return findings


def run(rule: Rule, batch: Batch) -> list[Finding]:
    findings = _groups(rule, batch)
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
