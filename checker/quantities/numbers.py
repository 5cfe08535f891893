"""Digit numbers: normalising full-width forms, parsing "1,234.5", "1.2e6", "7 3/4", and their precision."""
from __future__ import annotations

import functools
import re

# Full-width digits and signs map one character to one, so offsets in the normalised text stay valid.
_FW = {ord("０") + i: ord("0") + i for i in range(10)}
_FW.update({ord("％"): "%", ord("，"): ",", ord("．"): ".", ord("－"): "-", ord("／"): "/",
            ord("−"): "-", ord("＄"): "$", ord("\u00a0"): " ", ord("\u202f"): " ", ord("\u2009"): " "})
_FW_TABLE = str.maketrans(_FW)

UNICODE_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4,
                     "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625,
                     "⅞": 0.875, "⅒": 0.1}

# The digit core: grouped thousands only when every group has three digits; a lone ".5" too.
# A space (or a no-break/thin space, normalised to one) groups thousands too: "1 840 Mt".
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d{1,3}(?: \d{3})+(?![\d,.]?\d)|\d+)(?:\.\d+)?(?:[eE][+-]?\d+(?![\d.]))?|\.\d+"
_EXP = re.compile(r"[eE]")
_WORDS = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=16)
def word_set(lowered: str) -> frozenset[str]:
    """The lower-case ASCII words of a lowered text (the date and number passes both gate on it)."""
    return frozenset(_WORDS.findall(lowered))


def normalize(text: str) -> str:
    """Full-width digits, %, comma, point and minus as ASCII (same length, same offsets)."""
    return text if text.isascii() else text.translate(_FW_TABLE)


def parse_digits(s: str) -> tuple[float, float, float]:
    """Value, shown unit and significant unit of a digit string ("210,000" -> 210000, 1, 10000)."""
    s = s.replace(",", "").replace(" ", "")
    value = float(s)
    mant = _EXP.split(s)[0]
    exp = 0
    if len(mant) != len(s):
        exp = int(s[len(mant) + 1:])
    if "." in mant:
        decimals = len(mant) - mant.index(".") - 1
        shown = 10.0 ** (exp - decimals)
        return value, shown, shown
    digits = mant.lstrip("+-")
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return value, 10.0 ** exp, 10.0 ** (exp + zeros)


def fraction_value(text: str) -> float | None:
    """Value of "3/4" or "7 3/4" (mixed number), None when the denominator is zero."""
    whole = 0.0
    parts = text.split()
    if len(parts) == 2:
        whole = float(parts[0])
    num, den = parts[-1].split("/")
    if float(den) == 0:
        return None
    return whole + float(num) / float(den)


def format_number(value: float) -> str:
    """A compact human form of a number ("210000", "0.21", "3.7e+10")."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6g}"
