"""reference: a figure against a dated reference table the user supplies (CSV).

Columns: entity, metric, period, value, unit, source, as_of (and optionally commodity, scope,
low, high). A fact conflicts with a row for the same entity, metric and period when its
interval does not meet the row's value (or low..high) beyond the tolerance.
"""
from __future__ import annotations

from checker.engine.batch import Batch
from checker.engine.evidence import evidence, fingerprint, interval, render_message
from checker.engine.rules import Rule
from checker.model import Finding

PARAMS = {
    "tolerance": (float, 0.0),     # relative slack for amounts, points for shares
}


def _rows_by_key(rows):
    table = {}
    for row in rows:
        key = (row["entity"], row.get("commodity", ""), row["metric"], row["period"])
        table.setdefault(key, []).append(row)
    return table


def run(rule: Rule, batch: Batch) -> list[Finding]:
    if not batch.reference_rows:
        return []
    table = _rows_by_key(batch.reference_rows)
    findings = []
    slack = rule.param("tolerance")
    for fact in batch.facts:
        rows = table.get((fact.subject, fact.commodity, fact.metric, fact.period)) or \
            table.get((fact.subject, "", fact.metric, fact.period))
        for row in rows or ():
            unit = row.get("unit", "")
            is_share = unit in ("%", "percent")
            if is_share != (fact.kind == "share"):
                continue
            lo, hi = row["low"], row["high"]
            f_lo, f_hi = fact.value.low, fact.value.high
            scale = 1.0 if is_share else max(abs(hi), 1e-12)
            if not ((lo - f_hi) / scale > slack or (f_lo - hi) / scale > slack):
                continue
            item = evidence(fact.article, fact.claim, quantity=fact.value)
            measure = f"{fact.subject_surface}'s {fact.commodity.replace('_', ' ')} {fact.metric}, {fact.period}"
            ref = f"{interval(lo, hi, 'percent' if is_share else unit)} per {row.get('source', 'reference')} (as of {row.get('as_of', '?')})"
            message = render_message(rule.message, measure=measure, stated=fact.value.text, reference=ref)
            findings.append(Finding(rule.code, rule.name, rule.category, rule.severity, message, (item,), measure,
                                    fingerprint(rule.code, measure, [item])))
    return findings
