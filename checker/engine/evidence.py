"""Shared helpers of the rule kinds: evidence items, interval text, fingerprints, messages."""
from __future__ import annotations

import hashlib
import math
import re

from checker.model import INF, Article, Claim, Evidence, Quantity

_UNIT_SUFFIX = {"percent": "%", "percentage_point": " pp", "tonne": " t", "metric_ton": " t", "USD": " USD"}


def _readable(unit: str) -> str:
    """A pint unit name as a reader writes it: "meter ** 2" -> "meter²", "barrel_per_day" -> "barrel per day"."""
    return unit.replace(" ** 2", "²").replace(" ** 3", "³").replace("_", " ")


def number(value: float) -> str:
    """Compact human number: 210000 -> 210,000; 3.7e10 -> 37 billion; 56.5 -> 56.5."""
    if value == INF:
        return "∞"
    if value != value:  # NaN
        return "?"
    magnitude = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            return f"{_trim(value / size)} {word}"
    if magnitude >= 1000:
        return f"{value:,.0f}" if value == round(value) else f"{value:,.1f}"
    return _trim(value)


def _trim(value: float) -> str:
    if value == 0:
        return "0"
    digits = max(0, 3 - int(math.floor(math.log10(abs(value)))) - 1)
    text = f"{value:.{min(digits, 3)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def interval(low: float, high: float, unit: str | None) -> str:
    """ "56.5–63.5%", "≥ 10 year", "210,000 t"."""
    suffix = _UNIT_SUFFIX.get(unit or "", f" {_readable(unit)}" if unit else "")
    if high == INF:
        return f"≥ {number(low)}{suffix}"
    if low == 0 and high > 0 and unit == "percent":
        return f"≤ {number(high)}{suffix}"
    if abs(high - low) <= 1e-9 * max(1.0, abs(high)):
        return f"{number(low)}{suffix}"
    return f"{number(low)}–{number(high)}{suffix}"


def evidence(article: Article, claim: Claim, *, side: str | None = None, quantity: Quantity | None = None,
             value: str | None = None, low: float | None = None, high: float | None = None,
             unit: str | None = None, span: tuple[int, int] | None = None) -> Evidence:
    """One evidence item for a claim, carrying the normalized value that made it count."""
    if quantity is not None:
        low = quantity.low if low is None else low
        high = quantity.high if high is None else high
        unit = unit or quantity.base_unit
        value = value or interval(low, high, unit)
        span = span or (quantity.start, quantity.end)
    return Evidence(
        doc=article.id,
        path=article.doc_id,
        line=claim.line,
        text=claim.text,
        side=side,
        value=value,
        low=None if low is None or low == INF else low,
        high=None if high is None or high == INF else high,
        unit=unit,
        outlet=article.outlet,
        published=article.published.isoformat(sep=" ", timespec="minutes") if article.published else None,
        title=article.title,
        start=span[0] if span else None,
        end=span[1] if span else None,
        column=None,
        url=article.url,
    )


def normalise_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def fingerprint(code: str, measure: str, items: list[Evidence]) -> str:
    """Line-independent identity of a finding: rule, measure and the claims' documents and texts."""
    parts = sorted({f"{e.doc}\x1f{normalise_text(e.text)}" for e in items})
    digest = hashlib.sha256("\x1e".join([code, measure, *parts]).encode("utf-8")).hexdigest()
    return digest[:16]


def render_message(template: str, **values: str) -> str:
    """Fill a rule's message template; unknown placeholders are left visible, never raise."""
    def fill(match: re.Match) -> str:
        key = match.group(1)
        return str(values.get(key, match.group(0)))
    return re.sub(r"\{(\w+)\}", fill, template)
