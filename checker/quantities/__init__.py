"""The figure layer: numbers, words, fractions, hedges as intervals, units, money, durations, dates.

Public API (what the rest of the pipeline calls):
    extract_quantities(text) -> list[Quantity]
    extract_dates(text, reference) -> list[DateValue]
    mentions(text, reference) -> list[dict]      # conformance-form items, also what `factlint mentions` prints
    hedge_interval(value, hedge, surface) -> (low, high)
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import replace

from checker.fold import lower_ascii
from checker.model import DateValue, Quantity
from checker.quantities import dates as _dates
from checker.quantities.extract import Reading, read
from checker.quantities.hedges import find_after, hedge_interval
from checker.quantities.numbers import normalize, word_set

__all__ = ["extract_figures", "extract_quantities", "extract_dates", "mentions", "hedge_interval", "may_hold_figure"]


@functools.lru_cache(maxsize=None)
def _triggers() -> tuple[re.Pattern, frozenset[str]]:
    """The characters and words without which neither the number nor the date pass finds anything."""
    from checker.quantities import chinese, extract, units
    from checker.quantities.numbers import UNICODE_FRACTIONS
    zh = chinese.tables()
    chars = re.compile("[\\d" + re.escape(zh["numch"] + zh["neg"] + zh["data"]["half"] + "".join(UNICODE_FRACTIONS))
                       + "]|[明去今]年")
    words = extract._candidates()[2] | _dates._triggers()[2] | {w for w in units.table()["durations"] if w.isalpha()}
    return chars, frozenset(words)


def may_hold_figure(text: str) -> bool:
    """False only when ``extract_figures`` would find nothing: the same candidate gates, in one cheap test."""
    lowered = lower_ascii(normalize(text))
    chars, words = _triggers()
    return chars.search(lowered) is not None or not words.isdisjoint(word_set(lowered))


def _share(r: Reading) -> bool:
    """A fraction in words used as a share ("nearly half", "三成" is already a percentage)."""
    return r.fraction and r.kind == "number" and 0 < r.value <= 1


def extract_figures(text: str, reference: _dt.date | None) -> tuple[list[Quantity], list[DateValue]]:
    """Quantities and dates of a sentence in one pass (dates are read once and fence the numbers)."""
    if not text or not may_hold_figure(text):
        return [], []
    t = normalize(text)
    hits = _dates.find(t, reference)
    return _quantities(text, [(h.start, h.end) for h in hits if not h.offset]), _date_values(text, hits)


def extract_quantities(text: str) -> list[Quantity]:
    """Figures in a sentence as Quantity values (years, dates, labels and citation markers left out)."""
    if not text or not may_hold_figure(text):
        return []
    t = normalize(text)
    return _quantities(text, [(h.start, h.end) for h in _dates.find(t, None) if not h.offset])


_ONE_IN = re.compile(r"\s+(?:in|out of)\s+(?:every\s+)?$", re.I)


def _one_in_n(text: str, readings: list[Reading]) -> list[Reading]:
    """ "three in ten", "one out of every five": a share written as a ratio of two small numbers."""
    out: list[Reading] = []
    skip = False
    for a, b in zip(readings, readings[1:] + [None]):
        if skip:
            skip = False
            continue
        if (b is not None and a.kind == "number" and b.kind == "number" and 0 < a.value < b.value <= 100
                and _ONE_IN.search(text[a.end:b.start]) and not text[a.end:b.start].strip(" \t").startswith("in 1")):
            pct = a.value / b.value * 100
            low, high = hedge_interval(pct, a.hedge, "")
            out.append(Reading(kind="percentage", value=pct, unit="percent", start=a.start, end=b.end,
                               hedge=a.hedge, hedge_text=a.hedge_text, low=low, high=high,
                               dimension="share", base_unit="percent"))
            skip = True
            continue
        out.append(a)
    return out


def _postposed(text: str, readings: list[Reading]) -> list[Reading]:
    """ "36 percent or so", "2 million or thereabouts", "ten or more": a hedge written after the figure."""
    for r in readings:
        if r.hedge is not None or (r.kind == "number" and r.value < 10 and not r.fraction):
            continue
        found = find_after(text, r.end)
        if found is None:
            continue
        hedge, surface, end = found
        # low/high are in base units: keep the reading's own scale (tonnes per "Mt", ...)
        scale = (r.low + r.high) / 2 / r.value if r.value and r.high != float("inf") else 1.0
        low, high = hedge_interval(r.value, hedge, text[r.start:r.end])
        r.low, r.high = low * scale, (high * scale if high != float("inf") else high)
        r.hedge, r.hedge_text, r.end = hedge, surface.lower(), end
    return readings


def _quantities(text: str, blocks: list[tuple[int, int]]) -> list[Quantity]:
    out: list[Quantity] = []
    for r in _postposed(text, _one_in_n(text, read(text, blocks))):
        if r.kind == "number" and (r.label or r.year_like):
            continue
        kind, value, unit, low, high, base, dim = r.kind, r.value, r.unit, r.low, r.high, r.base_unit, r.dimension
        if _share(r):
            kind, unit, base, dim = "percentage", "percent", "percent", "share"
            value, low, high = value * 100, low * 100, high * 100
        out.append(Quantity(kind=kind, value=value, unit=unit, start=r.start, end=r.end,
                            text=text[r.start:r.end], low=low, high=high, base_unit=base, dimension=dim,
                            hedge=r.hedge, hedge_text=r.hedge_text, notes=r.notes))
    return out


def extract_dates(text: str, reference: _dt.date | None) -> list[DateValue]:
    """Dates and periods in a sentence; relative ones are resolved against ``reference``."""
    if not text:
        return []
    return _date_values(text, _dates.find(normalize(text), reference))


_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
# ("grew to €1.5 billion at the end of June from €1.2 billion at the end of 2023": the year of the value
# compared with is no year the sentence is in)
_COMPARED_BEFORE = re.compile(r"\b(?:from|than|versus|vs\.?|compared\s+(?:with|to)|against)\s+(?:[^,;.()]|\.(?=\d)){0,30}$", re.I)

_AFTER_BETWEEN = re.compile(r"\bafter\b", re.I)


def _before_what_came_after(bare: _dates.DateHit, dated: list[_dates.DateHit], text: str) -> bool:
    """ "was completed on June 28, ..., about nine months after it began in October 2023": the dated time
    an 'after' clause later in the sentence names came first, so a day in that year before it is none."""
    return any(d.start >= bare.end and _AFTER_BETWEEN.search(text, bare.end, d.start)
               and (bare.first.month, bare.first.day) < (d.first.month, d.first.day) for d in dated)


def _date_values(text: str, hits) -> list[DateValue]:
    out: list[DateValue] = []
    # "Hronov 3 produced 2.9 TWh in 2023 after it was connected to the grid in early February": a
    # month without its year in a sentence that names one earlier year is in that year
    # ("from June 1, its first increase there since 2022": a year a span starts from is no year the sentence
    # is in)
    dated = [h for h in hits if h.first and "XXXX" not in h.iso and not h.relative and h.granularity != "season"
             and not _SINCE_BEFORE.search(text, max(0, h.start - 8), h.start)
             and not _COMPARED_BEFORE.search(text, max(0, h.start - 45), h.start)]
    years = {h.first.year for h in dated}
    anchor = years.pop() if len(years) == 1 else None
    for h in hits:
        if h.first is None or h.last is None:
            continue
        if anchor is not None and "XXXX" in h.iso and h.first.year > anchor and h.first.year == h.last.year \
                and not _before_what_came_after(h, dated, text):
            try:
                h = replace(h, first=h.first.replace(year=anchor), last=h.last.replace(year=anchor))
            except ValueError:
                pass            # February 29 of a year without one: keep the reading
        iso = h.iso if "XXXX" not in h.iso else h.iso.replace("XXXX", f"{h.first.year:04d}")
        out.append(DateValue(start=h.first, end=h.last, granularity=h.granularity, text=text[h.start:h.end],
                             span_start=h.start, span_end=h.end, iso=iso,
                             relative=h.relative or "XXXX" in h.iso, deadline=h.deadline))
    return out


def _finite(x: float) -> float | None:
    return x if x == x and abs(x) != float("inf") else None


def mentions(text: str, reference: _dt.date | None) -> list[dict]:
    """Everything read in ``text`` as conformance items: kind, value, unit, start, end, low, high, hedge."""
    if not text or not may_hold_figure(text):
        return []
    t = normalize(text)
    hits = _dates.find(t, reference)
    items: list[dict] = []
    for h in hits:
        items.append({"kind": "date", "value": h.iso, "unit": None, "start": h.start, "end": h.end,
                      "low": h.first.isoformat() if h.first else None,
                      "high": h.last.isoformat() if h.last else None, "hedge": None,
                      "text": text[h.start:h.end]})
    for r in _postposed(text, read(text, [(h.start, h.end) for h in hits], mentions_mode=True)):
        items.append({"kind": r.kind, "value": r.value, "unit": r.unit, "start": r.start, "end": r.end,
                      "low": _finite(r.low), "high": _finite(r.high), "hedge": r.hedge,
                      "text": text[r.start:r.end]})
    items.sort(key=lambda i: (i["start"], i["end"]))
    return items
