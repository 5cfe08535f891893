"""Hedge words ("about", "nearly", "more than", 约, 近, 超过) and the intervals they make of a figure."""
from __future__ import annotations

import functools
import re

from checker.fold import lower_ascii
from checker.quantities import lexicon
from checker.quantities.numbers import DIGITS, parse_digits

INF = float("inf")
_BANDS = {"exact", "about", "nearly", "just_over", "open_above", "closed_below"}


@functools.lru_cache(maxsize=None)
def table() -> dict:
    """Hedge classes from rules/hedges.toml: surface -> class, class -> band parameters."""
    data = lexicon.load("hedges")
    exact = lexicon.need(data, "exact", dict, "hedges")
    classes = lexicon.need(data, "class", dict, "hedges")
    en: dict[str, str] = {}
    zh_before: dict[str, str] = {}
    zh_after: dict[str, str] = {}
    en_after: dict[str, str] = {}
    bands: dict[str, tuple[str, float]] = {}
    for name, spec in classes.items():
        band = lexicon.need(spec, "band", str, f"hedges [class.{name}]")
        if band not in _BANDS:
            raise lexicon.LexiconError(f"rules/hedges.toml: [class.{name}] band {band!r} is not one of {sorted(_BANDS)}")
        bands[name] = (band, float(spec.get("rel", 0.0)))
        for w in spec.get("words", []):
            en[w.lower()] = name
        for w in spec.get("zh_before", []):
            zh_before[w] = name
        for w in spec.get("zh_after", []):
            zh_after[w] = name
        for w in spec.get("words_after", []):
            en_after[w.lower()] = name
    bands["exact"] = ("exact", float(lexicon.need(exact, "rel", float, "hedges [exact]")))
    particle_table = data.get("particles", {})
    particles = {word.lower(): frozenset(v.lower() for v in lexicon.need(particle_table, word, list, "hedges [particles]"))
                 for word in particle_table}
    return {"en": en, "particles": particles, "en_after": en_after, "zh_before": zh_before, "zh_after": zh_after, "bands": bands,
            "cap": float(lexicon.need(exact, "cap", float, "hedges [exact]")),
            "digit_cap": float(lexicon.need(exact, "digit_cap", float, "hedges [exact]"))}


@functools.lru_cache(maxsize=None)
def before_regex() -> re.Pattern:
    """Matches a hedge phrase that ends right before a number (search with endpos = number start)."""
    words = lexicon.alternation(table()["en"])
    # matched on ASCII-lower-cased text: case-insensitive alternations are several times slower in re
    return re.compile(rf"(?<![a-z])(?P<h>{words})[ \t]+$")


def find_before(text: str, start: int, lower: str | None = None) -> tuple[str, str, int] | None:
    """(class, surface, start offset) of an English hedge ending at ``start``."""
    if start == 0 or text[start - 1] not in " \t":
        return None
    if lower is None:
        lower = lower_ascii(text)
    m = before_regex().search(lower, max(0, start - 40), start)
    if not m:
        return None
    surface = text[m.start("h"):m.end("h")]
    if _is_particle(lower, surface.lower(), m.start("h")):
        return None
    return table()["en"][surface.lower()], surface, m.start("h")


def _is_particle(lower: str, hedge: str, start: int) -> bool:
    """Whether the hedge word at ``start`` is the particle of the verb before it ("handed over 735")."""
    verbs = table()["particles"].get(hedge)
    if not verbs:
        return False
    before = _WORD_BEFORE.search(lower, max(0, start - 20), start)
    return bool(before) and before.group(1) in verbs


_WORD_BEFORE = re.compile(r"([a-z]+)[ \t]+$")


@functools.lru_cache(maxsize=None)
def after_regex() -> re.Pattern:
    """Matches an English hedge written after a figure ("36 percent or so", "ten or more")."""
    words = lexicon.alternation(table()["en_after"])
    return re.compile(rf"[ \t]+(?P<h>{words})(?![a-z])", re.I)


def find_after(text: str, end: int) -> tuple[str, str, int] | None:
    """(class, surface, new end) of an English hedge right after the figure ending at ``end``."""
    m = after_regex().match(text, end)
    if not m:
        return None
    return table()["en_after"][m.group("h").lower()], m.group("h"), m.end()


def find_zh(text: str, start: int, end: int) -> tuple[str, str, int, int] | None:
    """(class, surface, new start, new end) of a Chinese hedge around a number."""
    t = table()
    for w in sorted(t["zh_before"], key=len, reverse=True):
        if start - len(w) >= 0 and text.startswith(w, start - len(w)):
            return t["zh_before"][w], w, start - len(w), end
    for w in sorted(t["zh_after"], key=len, reverse=True):
        if text.startswith(w, end):
            return t["zh_after"][w], w, start, end + len(w)
    return None


def interval(value: float, hedge: str | None, shown: float, sig: float) -> tuple[float, float]:
    """The interval a hedge makes of ``value`` given the units of its last shown/significant digits."""
    t = table()
    band, rel = t["bands"].get(hedge or "exact", ("exact", t["bands"]["exact"][1]))
    n = value
    a = abs(n)
    if band == "exact":
        half = min(max(rel * a, sig / 2), t["cap"] * a)
        return n - half, n + half
    if band == "about":
        # a round figure ("about 1m") is not stretched without end by its last digit
        half = rel * a + min(shown / 2, t["digit_cap"] * a)
        return n - half, n + half
    # "nearly -1" and "just over -1" bound the magnitude: the ends swap for a negative value
    if band == "nearly":
        return (n * (1 - rel), n) if n >= 0 else (n, n * (1 - rel))
    if band == "just_over":
        return (n, n * (1 + rel)) if n >= 0 else (n * (1 + rel), n)
    if band == "open_above":
        return n, INF
    return (0.0 if n >= 0 else -INF), n


_DIG = re.compile(DIGITS)


def hedge_interval(value: float, hedge: str | None, surface: str) -> tuple[float, float]:
    """The interval a hedge makes of ``value``; the digits in ``surface`` give its precision."""
    if hedge == "range":
        return value, value
    m = _DIG.search(surface or "")
    if m:
        parsed, shown, sig = parse_digits(m.group())
        scale = abs(value / parsed) if parsed else 1.0
        return interval(value, hedge, shown * scale, sig * scale)
    if value == int(value):
        iv, tz = abs(int(value)), 0
        while iv and iv % 10 == 0:
            iv //= 10
            tz += 1
        sig = 10.0 ** tz
        return interval(value, hedge, 1.0 if abs(value) < 100 else sig, sig)
    return interval(value, hedge, 0.0, 0.0)


def rounding_interval(low: float, high: float, hedge: str | None, surface: str) -> tuple[float, float]:
    """What an unhedged figure can stand for when only the rounding of its shown digits is allowed
    ("1,268" is 1,267.5-1,268.5, "21.9 billion" 21.85-21.95 billion), in the units of ``low``/``high``;
    a hedged figure keeps its interval. Figures one sentence lists as parts of another are compared so:
    the writer had all of them in hand."""
    m = _DIG.search(surface or "")
    if hedge is not None or m is None or high == float("inf"):
        return low, high
    parsed, _shown, sig = parse_digits(m.group())
    middle = (low + high) / 2
    half = abs(middle / parsed) * sig / 2 if parsed else 0.0
    return middle - half, middle + half
