"""Run the active rules over a batch; findings come back sorted and de-duplicated."""
from __future__ import annotations

from checker.engine.batch import Batch
from checker.engine.kinds import KINDS
from checker.engine.rules import Rule
from checker.model import Finding


def sort_key(finding: Finding) -> tuple:
    first = finding.evidence[0] if finding.evidence else None
    return (finding.category, finding.rule, first.doc if first else "", (first.line or 0) if first else 0, finding.message)


def run_rules(batch: Batch, rules: list[Rule]) -> list[Finding]:
    """Each rule's kind turns the batch into findings; one fingerprint is reported once."""
    findings: dict[str, Finding] = {}
    for rule in rules:
        for finding in KINDS[rule.kind].run(rule, batch):
            findings.setdefault(finding.fingerprint, finding)
    return sorted(findings.values(), key=sort_key)
