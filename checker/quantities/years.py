"""Years written in words: "nineteen ninety six", "two thousand and fifteen", "nineteen hundred
ninety three", "one thousand seven hundred and eighty nine", "nineteen oh one".

The cardinal words come from rules/numbers.toml; the grammar (a century then a two-digit part,
"hundred", "thousand", "and", "oh") is English and lives here.
"""
from __future__ import annotations

import functools
import re

from checker.quantities import lexicon

_ZERO = ("oh", "zero", "o")


@functools.lru_cache(maxsize=None)
def cardinals() -> dict[str, int]:
    """Cardinal words of rules/numbers.toml and their values (the date forms use them too)."""
    return {w.lower(): int(v) for w, v in lexicon.number_map(lexicon.load("numbers"), "cardinals", "numbers").items()}


@functools.lru_cache(maxsize=None)
def pattern() -> str:
    """Regex source of a year in words (lower case, no groups)."""
    card = cardinals()

    def alt(lo: int, hi: int) -> str:
        return lexicon.alternation([w for w, v in card.items() if lo <= v <= hi])

    unit, teen, tens = alt(1, 9), alt(10, 19), alt(20, 90)
    n10_99 = rf"(?:(?:{tens})(?:[ \t-]+(?:{unit}))?|{teen})"
    century = rf"(?:{teen}|twenty)"
    # each sub-pattern written once: the date forms embed this several times
    head = rf"(?:two[ \t]+thousand|one[ \t]+thousand[ \t]+(?:{unit})[ \t]+hundred|{century}[ \t]+hundred)"
    return (rf"(?:{head}(?:[ \t]+(?:and[ \t]+)?(?:{n10_99}|{unit})(?![a-z]))?"
            rf"|{century}[ \t]+(?:{n10_99}|(?:{'|'.join(_ZERO)})[ \t]+(?:{unit})))(?![a-z])")


def value(text: str) -> int | None:
    """The year a match of ``pattern()`` (or a run of digits) writes."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    card = cardinals()
    tokens = [t for t in re.split(r"[ \t-]+", text) if t and t != "and"]

    def number(rest: list[str]) -> int | None:
        if not rest:
            return 0
        if rest[0] in _ZERO and len(rest) == 2 and rest[1] in card:
            return card[rest[1]]
        if all(t in card for t in rest) and len(rest) <= 2:
            return sum(card[t] for t in rest)
        return None

    if tokens[:2] == ["two", "thousand"]:
        rest = number(tokens[2:])
        return None if rest is None else 2000 + rest
    if tokens[:2] == ["one", "thousand"] and len(tokens) >= 4 and tokens[3] == "hundred" and tokens[2] in card:
        rest = number(tokens[4:])
        return None if rest is None else 1000 + 100 * card[tokens[2]] + rest
    if not tokens or tokens[0] not in card:
        return None
    century = card[tokens[0]]
    if len(tokens) >= 2 and tokens[1] == "hundred":
        rest = number(tokens[2:])
    else:
        rest = number(tokens[1:])
    return None if rest is None else 100 * century + rest
