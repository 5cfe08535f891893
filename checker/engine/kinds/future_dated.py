"""future_dated: an event (or a completed-year figure) told as done but dated after the article."""
from __future__ import annotations

import re
from datetime import date

from checker.align.tense import load_tense_rules
from checker.engine.batch import Batch
from checker.engine.kinds.temporal import dated_finding, months_between, publication
from checker.engine.rules import Rule
from checker.fold import fold
from checker.model import Event, Finding
from checker.quantities import extract_quantities
from checker.quantities.dates import tables as date_tables

PARAMS = {
    "min_months": (int, 1),              # the date's first month must be this many months after publication
    "include_relative": (bool, False),
    "attributed_severity": (str, ""),
    # a figure told as done for the whole of the publication's own year ("returned 13.1 per cent in 2024",
    # published in October 2024) fires when at least this many months of the year were still to run
    # (0: never)
    "min_months_left": (int, 0),
    "year_message": (str, ""),           # the message for such a figure ({date}, {months} left, {published}, {event})
    # a crop's words: a year's harvest is in before the year is out ("harvested 1.03 million tonnes in 2022",
    # written in October 2022), so no such figure fires
    "seasonal_words": (list, []),
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
        if gap >= rule.param("min_months"):
            findings.append(dated_finding(rule, event, published, gap))
        elif _unfinished_year(rule, event, published):
            findings.append(dated_finding(rule, event, published, months_between(published, event.date.end),
                                          message=rule.param("year_message") or None))
    return findings


def _unfinished_year(rule: Rule, event: Event, published: date) -> bool:
    """Is the event a figure told as done for all of a year still running at publication, with no word
    that makes it the part gone by ("so far", "to date")?"""
    left = rule.param("min_months_left")
    when = event.date
    if left <= 0 or when.granularity != "year" or when.start > published or months_between(published, when.end) < left:
        return False
    text = event.claim.text
    # ("returned 13.1 per cent in 2024": the year is the figure's period, written right after it; not "for
    # 2024", "the first season of 2024", "so far in 2024")
    if not _IN_BEFORE.search(text, max(0, when.span_start - 4), when.span_start) \
            or date_tables()["to_date"].search(text, max(0, when.span_start - 30), when.span_start):
        return False
    seasonal = [w.lower() for w in rule.param("seasonal_words")]
    if seasonal and re.search(rf"\b(?:{'|'.join(map(re.escape, seasonal))})\b", text[:when.span_start], re.I):
        return False
    tense, before = load_tense_rules(), fold(text[:when.span_start])
    if tense.upcoming.search(before) or tense.forecast.search(before) or tense.goal.search(before):
        return False        # "The association expects national output to rise to about 1.9 Mt in 2024 as plants built ..."
    figures = [q for q in extract_quantities(text)
               if when.span_start - 60 <= q.end <= when.span_start and not _BREAK_BEFORE_YEAR.search(text, q.end, when.span_start)
               and q.kind in ("number", "percentage", "quantity", "currency") and not (q.kind == "number" and q.value < 10)]
    # ("The EU beet area rose about 5% to 1.51 million hectares in 2024": an area sown is a level, known
    # before the year is out)
    return bool(figures) and figures[-1].dimension not in _LEVEL_DIMENSIONS


_LEVEL_DIMENSIONS = frozenset({"area"})


_IN_BEFORE = re.compile(r"\bin\s+$")
_BREAK_BEFORE_YEAR = re.compile(r"[;:(]|,\s+(?:and|but|while|which|who)\b|\b(?:for|of|by|from|since|than)\s")
