"""Unit surfaces of news text mapped to pint units, and factors to each dimension's base unit."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from checker.quantities import lexicon


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit as read: pint name, dimension, base unit, and the policy note it relies on."""

    pint: str
    dimension: str
    guard: str | None = None
    note: str | None = None


@functools.lru_cache(maxsize=None)
def table() -> dict:
    """Surface -> Unit maps (case-insensitive words, case-sensitive symbols) from rules/units.toml."""
    data = lexicon.load("units")
    policy = lexicon.need(data, "policy", dict, "units")
    metric = bool(policy.get("tons_as_metric", True))
    note = policy.get("tons_note", "tons read as metric tonnes")
    base = lexicon.need(data, "base", dict, "units")
    words: dict[str, Unit] = {}
    symbols: dict[str, Unit] = {}
    for key, spec in lexicon.need(data, "units", dict, "units").items():
        where = f"units [units.{key}]"
        pint_name = spec.get("pint", key)
        dim = lexicon.need(spec, "dimension", str, where)
        if dim not in base:
            raise lexicon.LexiconError(f"rules/units.toml: [units.{key}] dimension {dim!r} has no [base] entry")
        n = spec.get("note")
        if spec.get("tons"):
            n = note
            if not metric and pint_name == "metric_ton":
                pint_name, n = "short_ton", None
        u = Unit(pint_name, dim, spec.get("guard"), n)
        for w in spec.get("words", []):
            words[" ".join(w.lower().split())] = u
        for s in spec.get("symbols", []):
            symbols[s] = u
    durations = lexicon.need(data, "durations", dict, "units")
    dsym = lexicon.need(data, "duration_symbols", dict, "units")
    dfac = {k: (v[0], float(v[1])) for k, v in lexicon.need(data, "duration_factors", dict, "units").items()}
    goods = frozenset(policy.get("goods_dimensions", []))
    packages = data.get("packages", {"words": []})
    if not isinstance(packages, dict) or not isinstance(packages.get("words"), list):
        raise lexicon.LexiconError("rules/units.toml: [packages] needs words = [...]")
    return {"words": words, "symbols": symbols, "base": base, "durations": durations,
            "duration_symbols": dsym, "duration_factors": dfac, "goods": goods,
            "packages": frozenset(w.lower() for w in packages["words"]),
            "package_note": str(packages.get("note", "packages of a stated weight read as their total weight"))}


def _check_defined(ureg, names: set[str]) -> None:
    """Every unit rules/units.toml names must be defined in rules/units.txt (a clear error when the
    registry is built, not a crash on the first article that uses the unit)."""
    import pint
    for name in sorted(names):
        try:
            ureg.parse_units(name)
        except (pint.errors.UndefinedUnitError, AttributeError, ValueError):
            raise lexicon.LexiconError(f"rules/units.toml: unit {name!r} is not defined in rules/units.txt") from None


def lookup(surface: str) -> Unit | None:
    """The unit a surface names: exact symbol first, then the case-insensitive word."""
    t = table()
    return t["symbols"].get(surface) or t["words"].get(" ".join(surface.lower().split()))


@functools.lru_cache(maxsize=1)
def registry():
    """The project's pint registry from rules/units.txt (pint imported here, lazily)."""
    import pint
    ureg = pint.UnitRegistry(str(lexicon.rules_dir() / "units.txt"), autoconvert_offset_to_baseunit=True)
    t = table()
    _check_defined(ureg, {u.pint for u in (*t["words"].values(), *t["symbols"].values())} | set(t["base"].values()))
    return ureg


@functools.lru_cache(maxsize=None)
def factor(pint_name: str, dimension: str) -> tuple[str, float]:
    """(base unit, multiplier) to express ``pint_name`` in its dimension's base unit."""
    base = table()["base"].get(dimension) or ""
    if not base or base == pint_name:
        return pint_name, 1.0       # temperatures keep their own scale (offset units)
    ureg = registry()
    return base, float(ureg.Quantity(1.0, pint_name).to(base).magnitude)


def quantity(value: float, pint_name: str):
    """A pint Quantity built from our own number parse (never from raw text)."""
    return registry().Quantity(value, pint_name)
