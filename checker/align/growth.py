"""Growth statements: a stated rate of change next to the two values it links.

"Sales rose 20% from 1.0 million in 2020 to 1.5 million in 2021" states a rate (20%) and
the values it joins (1.0m -> 1.5m); the arithmetic rule checks that they agree.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from checker import trie
from checker.align.reading import ClaimReading
from checker.data import default_rules_dir, expect_str_list, read_toml
from checker.model import Quantity


@dataclass(frozen=True)
class GrowthStatement:
    rate: Quantity            # the stated change, in percent
    direction: int            # +1 for a rise, -1 for a fall
    before: Quantity          # the "from" value
    after: Quantity           # the "to" value
    reading: ClaimReading


@dataclass(frozen=True)
class GrowthRules:
    rise: re.Pattern
    fall: re.Pattern


@functools.lru_cache(maxsize=4)
def load_growth_rules(rules_dir: str | None = None) -> GrowthRules:
    path = Path(rules_dir or default_rules_dir()) / "lexicons" / "growth.toml"
    data = read_toml(path)

    def words(key: str) -> re.Pattern:
        alt = trie.alternation(expect_str_list(data, key, path))
        return re.compile(rf"\b(?:{alt})\b(?:\s+by)?\s*$", re.I)

    return GrowthRules(words("rise"), words("fall"))


def growth_of(reading: ClaimReading, rules: GrowthRules | None = None) -> list[GrowthStatement]:
    """Rates of change whose two linked values the same sentence gives ("from A ... to B")."""
    rules = rules or load_growth_rules()
    text = reading.text
    found = []
    quantities = sorted(reading.quantities, key=lambda q: q.start)
    for i, rate in enumerate(quantities):
        if rate.kind != "percentage" or rate.unit != "percent":
            continue
        before_text = text[max(0, rate.start - 40):rate.start]
        direction = 1 if rules.rise.search(before_text) else (-1 if rules.fall.search(before_text) else 0)
        if not direction:
            continue
        rest = [q for q in quantities[i + 1:] if q.kind in ("quantity", "currency", "number", "percentage")]
        pair = _from_to(text, rate, rest)
        if pair:
            found.append(GrowthStatement(rate, direction, pair[0], pair[1], reading))
    return found


def _from_to(text: str, rate: Quantity, rest: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    for a, b in zip(rest, rest[1:]):
        if not re.search(r"\bfrom\s+$", text[max(rate.end, a.start - 8):a.start], re.I):
            continue
        if not re.search(r"\bto\s+$", text[a.end:b.start], re.I) and not re.search(r"\bto\s+$", text[max(a.end, b.start - 6):b.start], re.I):
            continue
        if (a.base_unit, a.kind) != (b.base_unit, b.kind):
            continue
        return a, b
    return None
