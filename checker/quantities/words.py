"""Numbers written in English words: "fifty-two", "one hundred and three", "two thirds", "a dozen"."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from checker.quantities import lexicon


@dataclass(frozen=True, slots=True)
class WordNumber:
    """A number read from a run of words: offsets inside the run, value, precision, fraction flag."""

    start: int
    end: int
    value: float
    shown: float
    sig: float
    fraction: bool = False


@functools.lru_cache(maxsize=None)
def tables() -> dict:
    """Token classes built once from rules/numbers.toml."""
    data = lexicon.load("numbers")
    cls: dict[str, tuple] = {}
    for w, v in lexicon.number_map(data, "cardinals", "numbers").items():
        cls[w] = ("card", v)
    for w in lexicon.need(data, "zero_words", list, "numbers"):
        cls[w] = ("zero", 0)
    for w, v in lexicon.number_map(data, "scales", "numbers").items():
        cls[w] = ("hund", v) if v == 100 else ("scale", v)
    for w, v in lexicon.number_map(data, "multipliers", "numbers").items():
        cls[w] = ("mult", v)
    for w, v in lexicon.number_map(data, "ordinals", "numbers").items():
        cls[w] = ("den", v)
        cls[w + "s"] = ("den", v)
    for w, v in lexicon.number_map(data, "fractions", "numbers").items():
        cls[w] = ("den", round(1 / v))
    cls["halfs"] = ("den", 2)
    for w in lexicon.need(data, "negatives", list, "numbers"):
        cls[w] = ("neg", 0)
    for w in ("a", "an"):
        cls[w] = ("a", 1)
    for w in ("and", "point", "over", "of"):
        cls[w] = (w, 0)
    compound = lexicon.number_map(data, "compound_ordinals", "numbers")
    return {"cls": cls, "compound": compound,
            "pronoun": set(lexicon.need(data, "pronoun_determiners", list, "numbers")),
            "vague": set(lexicon.need(data, "vague_quantifiers", list, "numbers"))}


@functools.lru_cache(maxsize=None)
def run_pattern() -> str:
    """Regex source of a run of number words (matched case-insensitively by the caller)."""
    t = tables()
    cls = t["cls"]
    start_words = [w for w, c in cls.items() if c[0] in ("card", "zero", "hund", "scale", "mult")]
    start_words += ["half", "quarter", "quarters"]
    dens = [w for w, c in cls.items() if c[0] == "den"]
    tens = [w for w, c in cls.items() if c[0] == "card" and c[1] >= 20]
    comp = [f"(?:{lexicon.alternation(tens)})-(?:{lexicon.alternation(list(t['compound']))})s?"]
    all_words = [w for w, c in cls.items() if c[0] not in ("a", "and", "of", "neg")]
    start = lexicon.alternation(start_words)
    after_a = "|".join(comp + [lexicon.alternation(start_words + dens)])
    tok = "|".join(comp + [lexicon.alternation(all_words)])
    neg = lexicon.alternation([w for w, c in cls.items() if c[0] == "neg"])
    return (rf"(?<![A-Za-z'’])(?:(?:{neg})[ \t]+)?"
            rf"(?:(?:an?)[ \t-]+(?:{after_a})|(?:{start})|\d+(?=[ \t]+(?:hundred|thousand|over)\b))"
            rf"(?:(?:[ \t]*-[ \t]*|[ \t]+(?:(?:and|of)[ \t]+)?(?:an?[ \t]+)?)(?:{tok}|\d+(?![\d.,]\d)))*"
            rf"(?![A-Za-z])")


_TOKEN = re.compile(r"[A-Za-z]+(?:-(?=[A-Za-z]))?|\d+")


def _tokens(run: str) -> list[tuple[str, tuple, int, int]]:
    """Classified tokens of a run; "twenty-first" becomes one denominator token."""
    t = tables()
    cls, comp = t["cls"], t["compound"]
    out: list[tuple[str, tuple, int, int]] = []
    for m in _TOKEN.finditer(run):
        w = m.group().rstrip("-").lower()
        s, e = m.start(), m.start() + len(w)
        if w.isdigit():
            out.append((w, ("num", int(w)), s, e))
            continue
        base = w[:-1] if w.endswith("s") and w[:-1] in comp else w
        if base in comp and out and out[-1][1][0] == "card" and out[-1][1][1] >= 20 \
                and run[out[-1][3]:s] == "-":
            prev = out.pop()
            out.append((prev[0] + "-" + w, ("den", prev[1][1] + comp[base]), prev[2], e))
            continue
        c = cls.get(w)
        if c is None:
            break
        out.append((w, c, s, e))
    return out


_DIGIT_WORDS = {"zero": "0", "nought": "0", "naught": "0", "oh": "0"}


def _cardinal(toks, i):
    """Longest cardinal from token i: (value, next index, value before the last "and", scales used)."""
    total = cur = 0.0
    last = None
    snap = None
    j = i
    n = len(toks)
    used = 0
    last_scale = float("inf")
    while j < n:
        kind, v = toks[j][1]
        if kind == "a":
            if used or j + 1 >= n or toks[j + 1][1][0] not in ("hund", "scale", "mult"):
                break
            cur, last, used = 1, "a", used + 1
        elif kind == "zero":
            if used:
                break
            last, used = "zero", 1
            j += 1
            break
        elif kind == "num":
            if used and last not in ("scale", "hund", "and"):
                break
            if last == "and" and cur % 10 ** len(str(v)) != 0:
                break
            cur, last, used = cur + v, "num", used + 1
        elif kind == "card":
            if last == "num":
                break
            width = 10 if v < 10 else 100
            if cur % width != 0:
                break
            cur, last, used = cur + v, "card", used + 1
        elif kind == "hund":
            if last == "hund" or (cur >= 100 and last != "num"):
                break
            cur, last, used = (cur or 1) * 100, "hund", used + 1
        elif kind == "scale":
            if v >= last_scale or (cur == 0 and total > 0):
                break
            total += (cur or 1) * v
            cur, last, used, last_scale = 0, "scale", used + 1, v
        elif kind == "mult":
            cur, last, used = (cur or 1) * v, "mult", used + 1
        elif kind == "and":
            if not used or j + 1 >= n:
                break
            nk, nv = toks[j + 1][1]
            ok = (nk == "card" and cur % (10 if nv < 10 else 100) == 0) or \
                 (nk == "num" and last in ("scale", "hund") and cur % 10 ** len(str(nv)) == 0)
            if not ok:
                break
            snap = total + cur
            last = "and"
        else:
            break
        j += 1
    if not used:
        return None
    return total + cur, j, snap, last


def _fraction(toks, i):
    """A fraction from token i: "a fifth", "three quarters", "a half", "half" -> (value, next index)."""
    n = len(toks)
    if i >= n:
        return None
    kind = toks[i][1][0]
    if kind == "a" and i + 1 < n and toks[i + 1][1][0] == "den":
        return 1 / toks[i + 1][1][1], i + 2
    if kind == "den" and toks[i][0] in ("half",):
        return 0.5, i + 1
    c = _cardinal(toks, i)
    if c and c[1] < n and toks[c[1]][1][0] == "den" and c[3] != "a":
        return c[0] / toks[c[1]][1][1], c[1] + 1
    return None


def _precision(value: float, fraction: bool, scale: float = 1) -> tuple[float, float]:
    if fraction or value != int(value):
        return 0.0, 0.0
    iv = abs(int(value))
    tz = 0
    while iv and iv % 10 == 0:
        iv //= 10
        tz += 1
    sig = 10.0 ** tz
    return (1.0 if abs(value) < 100 else sig), sig


def _scale_after(toks, j, value):
    """"half million", "half a million", "two thirds of a million": a scale after a fraction multiplies it."""
    n = len(toks)
    k = j
    if k + 1 < n and toks[k][1][0] == "of" and toks[k + 1][1][0] == "a":
        k += 2
    elif k + 1 < n and toks[k][1][0] == "a" and toks[k + 1][1][0] in ("scale", "mult"):
        k += 1              # ("half a dozen" is six)
    if k < n and toks[k][1][0] in ("scale", "hund", "mult"):
        return value * toks[k][1][1], k + 1
    return value, j


def _one_at(toks, i):
    """The number starting at token i: (value, next index, fraction?) or None."""
    n = len(toks)
    sign = 1
    if toks[i][1][0] == "neg":
        if i + 1 >= n:
            return None
        sign, i = -1, i + 1
    kind, v = toks[i][1]
    if kind in ("den",) or (kind == "a" and i + 1 < n and toks[i + 1][1][0] == "den"):
        if kind == "den" and toks[i][0] not in ("half", "quarter", "quarters"):
            return None
        if kind == "den" and toks[i][0] != "half":
            # a bare "quarter" is a number only as "quarter million"
            if i + 1 < n and toks[i + 1][1][0] in ("scale",):
                return sign * 0.25 * toks[i + 1][1][1], i + 2, False
            return None
        f = _fraction(toks, i)
        if not f:
            return None
        value, j = _scale_after(toks, f[1], f[0])
        return sign * value, j, j == f[1]
    c = _cardinal(toks, i)
    if not c:
        return None
    value, j, snap, last = c
    fraction = False
    if j < n and toks[j][1][0] == "den" and last not in ("a", "zero"):
        den = toks[j][1][1]
        whole = snap if snap is not None else 0.0
        value = whole + (value - whole) / den
        j += 1
        fraction = True
        value, j2 = _scale_after(toks, j, value)
        fraction = j2 == j
        j = j2
    elif j + 1 < n and toks[j][1][0] == "point":
        digits = ""
        k = j + 1
        while k < n:
            kk, kv = toks[k][1]
            if kk == "zero":
                digits += "0"
            elif kk == "card" and kv >= 20 and k + 1 < n and toks[k + 1][1][0] == "card" and toks[k + 1][1][1] < 10:
                digits += str(kv + toks[k + 1][1][1])
                k += 1
            elif kk in ("card", "num"):
                digits += str(kv)
            else:
                break
            k += 1
        if digits:
            value = value + float("0." + digits)
            j = k
    elif j + 1 < n and toks[j][1][0] == "and":
        f = _fraction(toks, j + 1)
        if f:
            value += f[0]
            j = f[1]
            value, j2 = _scale_after(toks, j, value)
            fraction = j2 == j
            j = j2
    elif j + 1 < n and toks[j][1][0] == "over" and value == 1:
        d = _cardinal(toks, j + 1)
        if d and d[0]:
            value, j = 1 / d[0], d[1]
            fraction = True
    if last == "a" and j == i + 1:
        return None
    return sign * value, j, fraction


def parse_run(run: str) -> list[WordNumber]:
    """All numbers in a run of number words, left to right."""
    toks = _tokens(run)
    out: list[WordNumber] = []
    i, n = 0, len(toks)
    while i < n:
        r = _one_at(toks, i)
        if r is None or r[1] <= i:
            i += 1
            continue
        value, j, fraction = r
        shown, sig = _precision(value, fraction)
        out.append(WordNumber(toks[i][2], toks[j - 1][3], value, shown, sig, fraction))
        i = j
    return out
