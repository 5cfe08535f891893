"""Currency markers ("$", "US$", "euros", "元", "MUSD", "cents") and their ISO 4217 codes."""
from __future__ import annotations

import functools
import re

from checker.quantities import lexicon


@functools.lru_cache(maxsize=None)
def table() -> dict:
    """Currency surfaces from rules/currencies.toml."""
    d = lexicon.load("currencies")
    prefix = lexicon.need(d, "prefix", dict, "currencies")
    prefix_ci = {k.lower(): v for k, v in lexicon.need(d, "prefix_ci", dict, "currencies").items()}
    suffix = {k.lower(): v for k, v in lexicon.need(d, "suffix", dict, "currencies").items()}
    codes = dict(lexicon.need(d, "codes", dict, "currencies"))
    for c in lexicon.need(d, "excluded_codes", list, "currencies"):
        codes.pop(c, None)
        prefix.pop(c, None)
    # an ISO code accepted after an amount is a marker before one too ("NOK 172 billion", "SEK 5bn")
    prefix = {**codes, **prefix}
    lower = {c: codes[c.upper()] for c in lexicon.need(d, "codes_lower", list, "currencies") if c.upper() in codes}
    mcodes = lexicon.need(d, "million_codes", dict, "currencies")
    subs = {k.lower(): (v[0], float(v[1])) for k, v in lexicon.need(d, "subunits", dict, "currencies").items()}
    for k, v in {**prefix, **suffix, **codes, **mcodes}.items():
        if not (isinstance(v, str) and len(v) == 3 and v.isupper()):
            raise lexicon.LexiconError(f"rules/currencies.toml: {k!r} maps to {v!r}, not an ISO 4217 code")
    return {"prefix": prefix, "prefix_ci": prefix_ci, "suffix": suffix, "codes": codes, "lower": lower,
            "mcodes": mcodes, "subunits": subs, "glued": tuple(lexicon.need(d, "glued_prefixes", list, "currencies")),
            "pounds": {w.lower() for w in lexicon.need(d, "ambiguous_pounds", list, "currencies")},
            "pounds_money_of": frozenset(w.lower() for w in d.get("pounds_money_of", []))}


@functools.lru_cache(maxsize=None)
def prefix_regex() -> re.Pattern:
    """A currency marker ending right before a number (search with endpos = number start)."""
    t = table()
    cs = lexicon.alternation(list(t["prefix"]) + list(t["mcodes"]))
    ci = lexicon.alternation(t["prefix_ci"])
    return re.compile(rf"(?<![A-Za-z$])(?:(?P<cs>{cs})|(?i:(?P<ci>{ci})))[ \t]?$")


def glued_marker_lookbehind() -> str:
    """A look-behind (for lower-cased text) for the currency markers currencies.toml lets stand glued
    to digits ("USD115", "Rp216.9", "rmb40"), grouped by length: look-behinds are fixed-width."""
    by_length: dict[int, set[str]] = {}
    for marker in table()["glued"]:
        by_length.setdefault(len(marker), set()).add(re.escape(marker.lower()))
    return "|".join(f"(?<=\\b(?:{'|'.join(sorted(group))}))" for _, group in sorted(by_length.items()))


def find_prefix(text: str, start: int) -> tuple[str, float, int] | None:
    """(ISO code, multiplier, marker start) of a currency marker written before a number."""
    m = prefix_regex().search(text, max(0, start - 8), start)
    if not m:
        return None
    t = table()
    if m.group("cs"):
        s = m.group("cs")
        if s in t["mcodes"]:
            return t["mcodes"][s], 1e6, m.start()
        if s[-1].isalpha() and start == m.end() and s.isupper() and len(s) == 3 and s != "RMB":
            pass  # "USD115": a code glued to digits is still a marker
        return t["prefix"][s], 1.0, m.start()
    return t["prefix_ci"][m.group("ci").lower()], 1.0, m.start()


def suffix_entries() -> dict[str, tuple]:
    """Suffix surfaces -> ("cur", code, multiplier) | ("sub", code, factor); keys exact or lower-case."""
    t = table()
    cs: dict[str, tuple] = {}
    ci: dict[str, tuple] = {}
    for k, v in t["suffix"].items():
        ci[k] = ("cur", v, 1.0)
    for k, v in t["codes"].items():
        cs[k] = ("cur", v, 1.0)
    for k, v in t["lower"].items():
        cs.setdefault(k, ("cur", v, 1.0))
    for k, v in t["mcodes"].items():
        cs[k] = ("cur", v, 1e6)
    for k, v in t["subunits"].items():
        ci[k] = ("sub", v[0], v[1])
    return {"cs": cs, "ci": ci}
