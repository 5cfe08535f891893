"""Chinese numerals: 五千二百万, 4.78万亿, 十分之一, 百分之六十, with 多/余 and the 四川 traps."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from checker.quantities import lexicon


@dataclass(frozen=True, slots=True)
class CjkNumber:
    """A number read from a Chinese numeral run (offsets inside the run)."""

    start: int
    end: int
    value: float
    percent: bool = False     # 百分之/千分之/万分之: value is in percent
    fraction: bool = False    # 五分之一: a fraction, value is the ratio
    approx: str | None = None  # 多/余 inside the numeral ("一千多万")


@functools.lru_cache(maxsize=None)
def tables() -> dict:
    """Character classes from rules/chinese.toml."""
    d = lexicon.load("chinese")
    digits = lexicon.number_map(d, "digits", "chinese")
    small = lexicon.number_map(d, "small_units", "chinese")
    big = lexicon.number_map(d, "big_units", "chinese")
    not_numbers: dict[str, list[tuple[str, int]]] = {}
    numch = set(digits) | set(small) | set(big)
    for w in lexicon.need(d, "not_numbers", list, "chinese"):
        for k, ch in enumerate(w):
            if ch in numch:
                not_numbers.setdefault(ch, []).append((w, k))
    return {"digits": digits, "small": small, "big": big, "numch": "".join(sorted(numch)),
            "formal": lexicon.need(d, "formal_only", str, "chinese"),
            "point": lexicon.need(d, "point", str, "chinese"),
            "neg": lexicon.need(d, "negative", str, "chinese"),
            "approx": lexicon.need(d, "approx_after", str, "chinese"),
            "not_numbers": not_numbers, "not_before": lexicon.need(d, "not_before", str, "chinese"),
            "data": d}


@functools.lru_cache(maxsize=None)
def run_pattern() -> str:
    """Regex source of a Chinese numeral run (may start with digits: "370亿", "5万4千")."""
    t = tables()
    ch = re.escape(t["numch"])
    pt = re.escape(t["point"])
    neg = re.escape(t["neg"])
    ap = re.escape(t["approx"])
    dg = r"\d+(?:,\d{3})*(?:\.\d+)?"
    return (rf"(?:[{neg}]-?)?(?:{dg}(?:又|分之)?)?[{ch}](?:[{ch}]|{dg}|[{pt}](?=[{ch}\d])|又|[{ap}](?=[{ch}])|分之)*"
            rf"[{ap}]?|(?:[{neg}]-?)?{dg}分之{dg}|[{neg}]{dg}")


_TOK = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|.", re.S)


def _integer(s: str) -> float | None:
    """Value of an integer-part numeral ("四千零五万", "3万4000", "两千四百五"), None if malformed."""
    t = tables()
    digits, small, big = t["digits"], t["small"], t["big"]
    total = section = 0.0
    num: float | None = None
    last_unit = None
    prev = None          # kind of the previous token: arabic | digit | zero | unit
    seen = False
    for tok in _TOK.findall(s):
        if tok[0].isdigit():
            if prev in ("arabic", "digit"):
                return None
            num, prev, seen = float(tok.replace(",", "")), "arabic", True
        elif tok in digits:
            if digits[tok] == 0:
                num, prev = None, "zero"
                continue
            if prev in ("arabic", "digit"):
                return None        # 两两, 三四: not one number
            num, prev, seen = digits[tok], "digit", True
        elif tok in small:
            if num is None and prev == "unit":
                return None        # 七十百: a unit after a unit with no digit between
            section += (num if num is not None else 1) * small[tok]
            num, last_unit, prev, seen = None, small[tok], "unit", True
        elif tok in big:
            if big[tok] >= 1e8:
                total = (total + section + (num or 0)) * big[tok]
                section = 0
            else:
                section = (section + (num or 0)) * big[tok]
            if total == 0 and section == 0:
                return None        # 万, 万万: a unit with no digit
            num, last_unit, prev = None, big[tok], "unit"
        else:
            return None
    if not seen:
        return None
    if num is not None:
        # 一万三 = 13000, 两千四百五 = 2450: a last bare digit counts in the next lower unit
        if prev == "digit" and last_unit and _last_kind(s) == "digit_after_unit":
            num *= last_unit / 10
        section += num
    return total + section


def _last_kind(s: str) -> str:
    t = tables()
    toks = _TOK.findall(s)
    if len(toks) >= 2 and toks[-1] in t["digits"] and (toks[-2] in t["small"] or toks[-2] in t["big"]):
        return "digit_after_unit"
    return ""


def _decimal(s: str) -> float | None:
    """Value of a numeral with an optional 点 part ("十点二三三")."""
    t = tables()
    for p in t["point"]:
        if p in s:
            head, tail = s.split(p, 1)
            whole = _integer(head)
            frac = "".join(str(int(t["digits"][c])) if c in t["digits"] else (c if c.isdigit() else "x")
                           for c in tail)
            if whole is None or not frac or "x" in frac:
                return None
            return whole + float("0." + frac)
    return _integer(s)


_PERCENT_DENOMS = {100.0: 1.0, 1000.0: 0.1, 10000.0: 0.01, 1e6: 1e-4, 1e7: 1e-5}


def parse(run: str) -> CjkNumber | None:
    """The longest number at the start of a Chinese numeral run, or None."""
    while run:
        r = _parse(run)
        if r is not None:
            return r
        run = run[:-1]
    return None


def _parse(run: str) -> CjkNumber | None:
    """One number from a whole Chinese numeral run, or None."""
    t = tables()
    s = run
    sign = 1
    if s[0] in t["neg"]:
        sign, s = -1, s[1:].lstrip("-")
    approx = None
    if any(c in s for c in t["approx"]):
        approx = "more_than"
        s = "".join(c for c in s if c not in t["approx"])
    if not s:
        return None
    if "分之" in s:
        whole = 0.0
        if "又" in s:
            w, s = s.split("又", 1)
            whole_v = _decimal(w)
            if whole_v is None:
                return None
            whole = whole_v
        den_s, num_s = s.split("分之", 1)
        den = t["big"].get(den_s) if len(den_s) == 1 else None
        den = den or _decimal(den_s)
        num = _decimal(num_s)
        if not den or num is None:
            return None
        if not whole and den in _PERCENT_DENOMS and all(c in t["small"] or c in t["big"] for c in den_s):
            return CjkNumber(0, len(run), sign * num * _PERCENT_DENOMS[den], percent=True, approx=approx)
        return CjkNumber(0, len(run), sign * (whole + num / den), fraction=True, approx=approx)
    if "又" in s:
        return None
    v = _decimal(s)
    if v is None:
        return None
    return CjkNumber(0, len(run), sign * v, approx=approx)


def rejected(text: str, start: int, run: str) -> bool:
    """True when the numeral is a word, not a number: 四川, 一切, a lone 伍, 一折."""
    t = tables()
    if len(run) == 1 and run in t["formal"]:
        return True
    for w, k in t["not_numbers"].get(run[0], ()):
        s = start - k
        if s >= 0 and text.startswith(w, s) and not text.startswith("之", s + len(w)):
            return True
    end = start + len(run)
    if end < len(text) and text[end] in t["not_before"]:
        return True
    if start > 0 and text[start - 1] == "第":
        return True       # 第一: an ordinal
    return False
