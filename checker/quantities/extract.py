"""Finds figures in text: one compiled scan for number cores, then unit, money, hedge and range context."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from checker.fold import lower_ascii
from checker.quantities import chinese, dispatch, hedges, lexicon, money, units, words
from checker.quantities.numbers import DIGITS, UNICODE_FRACTIONS, fraction_value, normalize, parse_digits, word_set

INF = float("inf")


@dataclass(slots=True)
class Reading:
    """One figure as read, before it becomes a Quantity or a conformance item."""

    kind: str                    # number | percentage | quantity | currency | duration
    value: float                 # as written, in ``unit``
    unit: str | None
    start: int
    end: int
    shown: float = 1.0           # unit of the last shown digit (in ``unit``)
    sig: float = 1.0             # unit of the last significant digit
    hedge: str | None = None
    hedge_text: str | None = None
    low: float = 0.0
    high: float = 0.0
    dimension: str | None = None
    base_unit: str | None = None
    base_factor: float = 1.0
    fraction: bool = False       # a fraction in words ("two thirds"): a share in extract_quantities
    label: bool = False          # "Group 1": a label, not a figure
    magnitude: float = 1.0       # the magnitude word read after the digits ("4 million": 1e6)
    year_like: bool = False      # a bare 4-digit year
    notes: tuple[str, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------- patterns built once from rules/

@functools.lru_cache(maxsize=None)
def _numbers_rules() -> dict:
    d = lexicon.load("numbers")
    mags = lexicon.number_map(d, "magnitudes", "numbers")
    cs = lexicon.need(d, "case_sensitive_magnitudes", dict, "numbers")
    return {"mags": {k.lower(): float(v) for k, v in mags.items()}, "cs_mags": cs,
            "labels": set(lexicon.need(d, "label_words", list, "numbers")),
            "pronoun": set(lexicon.need(d, "pronoun_determiners", list, "numbers")),
            "vague": set(lexicon.need(d, "vague_quantifiers", list, "numbers")),
            "counted": set(lexicon.need(d, "ordinal_nouns", list, "numbers")),
            "ordinal_before": set(lexicon.need(d, "ordinals_before_part", list, "numbers")),
            "period_after": set(d.get("period_after", [])),
            "span_nouns": set(d.get("span_nouns", [])),
            "fraction_words": set(lexicon.number_map(d, "fractions", "numbers"))}


def _master_branches() -> list[tuple[str, str]]:
    """Every number core: word runs, Chinese runs, fractions, digits, fraction signs."""
    fr = "".join(UNICODE_FRACTIONS)
    sign = r"(?:(?<![A-Za-z0-9)\]%])-(?=\.?\d))?"
    return [
        ("w", words.run_pattern()),
        ("z", chinese.run_pattern()),
        ("f", rf"{sign}(?<![A-Za-z0-9_.,/])(?<![A-Za-z]-)(?:\d+[ \t]+)?\d+/\d+(?![\d/])"),
        ("d", rf"{sign}(?:(?<![A-Za-z0-9_.])|{money.glued_marker_lookbehind()})(?<![A-Za-z]-)(?:{DIGITS})(?:[ \t]*(?P<uf>[{fr}]))?"),
        ("u", rf"[{fr}]"),
    ]


@functools.lru_cache(maxsize=None)
def master() -> re.Pattern:
    """One alternation for every number core (the reference its dispatched split is tested against)."""
    return re.compile("|".join(f"(?P<{name}>{src})" for name, src in _master_branches()))


@functools.lru_cache(maxsize=None)
def masters() -> dict[str, re.Pattern]:
    """The master alternation split by the class of the first character (what ``_matches`` uses)."""
    return dispatch.split(_master_branches(), lambda src: src)


@functools.lru_cache(maxsize=None)
def masters_ascii() -> dict[str, re.Pattern]:
    """``masters()`` for an ASCII text: Chinese runs and fraction signs left out."""
    return dispatch.split(_master_branches(), lambda src: src, ascii_only=True)


@functools.lru_cache(maxsize=None)
def _mag_regex() -> re.Pattern:
    r = _numbers_rules()
    words_ = [k for k in r["mags"] if len(k) > 1 and k != "hundred"]
    letters = [k for k in r["cs_mags"] if len(k) == 1] + ["k", "b"]
    return re.compile(rf"(?:[ \t]*-?[ \t]*(?i:(?P<w>{lexicon.alternation(words_)}))"
                      rf"|(?P<l>MM|{lexicon.alternation(letters)})|[ \t](?P<sp>M)(?=[ \t]*(?:$|[.,;:)])))"
                      rf"(?![A-Za-z0-9])")


@functools.lru_cache(maxsize=None)
def suffix_table() -> dict:
    """Every surface that can follow a number, with what it makes of it."""
    ut = units.table()
    cs: dict[str, tuple] = {}
    ci: dict[str, tuple] = {}
    for k in ("%", "percent", "per cent", "per-cent", "pct", "percentage", "pc"):
        ci[k] = ("pct",)
    for k in ("percentage points", "percentage point", "percentage-points", "percentage-point",
              "pct points", "pct point", "points of percentage"):
        ci[k] = ("pp",)
    cs["pp"] = ("pp",)
    zh = lexicon.load("chinese")
    for k in lexicon.need(zh, "percentage_point", list, "chinese"):
        cs[k] = ("pp",)
    cs[lexicon.need(zh, "percent_tenths", str, "chinese")] = ("tenths",)
    for k, v in lexicon.need(zh, "units", dict, "chinese").items():
        cs[k] = ("unit", units.Unit(v[0], _dimension_of(v[0])), float(v[1]))
    for k, v in lexicon.need(zh, "durations", dict, "chinese").items():
        cs[k] = ("dur", v, 1.0)
    for k, u in ut["words"].items():
        ci[k] = ("unit", u, 1.0)
    for k, u in ut["symbols"].items():
        cs[k] = ("unit", u, 1.0)
    for k, v in ut["durations"].items():
        ci[k] = ("dur", v, 1.0)
    for k, v in ut["duration_symbols"].items():
        cs[k] = ("dur", v, 1.0, "glued")
    m = money.suffix_entries()
    for k, v in m["ci"].items():
        ci[k] = v
    for k, v in m["cs"].items():
        cs[k] = v
    rx = re.compile(rf"(?P<sep>[ \t]*-?[ \t]*)(?:(?P<cs>{lexicon.alternation(cs)})|(?i:(?P<ci>{lexicon.alternation(ci)})))"
                    rf"(?![A-Za-z0-9])")
    return {"cs": cs, "ci": ci, "rx": rx}


@functools.lru_cache(maxsize=None)
def _package_regex() -> re.Pattern:
    """A count followed by packages of a stated weight: " 60-kg bags", " 480-lb bales"."""
    ut = units.table()
    symbols = [k for k, u in ut["symbols"].items() if u.dimension == "mass"]
    names = [k for k, u in ut["words"].items() if u.dimension == "mass"]
    return re.compile(rf"[ \t]+(?P<n>\d+(?:\.\d+)?)[ \t]*-?[ \t]*(?:(?P<s>{lexicon.alternation(symbols)})"
                      rf"|(?i:(?P<w>{lexicon.alternation(names)})))[ \t]*-?[ \t]*"
                      rf"(?i:(?P<p>{lexicon.alternation(ut['packages'])}))(?![A-Za-z0-9])")


def _dimension_of(pint_name: str) -> str:
    for u in list(units.table()["words"].values()) + list(units.table()["symbols"].values()):
        if u.pint == pint_name:
            return u.dimension
    return "quantity"


_OF_WORD = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?([A-Za-z]+)")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]*$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")
_CENTS = re.compile(r"(?:[ \t]+and)?[ \t]+(?P<n>\d+|(?i:[a-z]+(?:-[a-z]+)?))[ \t]+(?i:cents?)\b")
_AND_HALF = re.compile(r"(?i)[ \t]+and[ \t]+(?:(?P<a>a)[ \t]+)?(?P<f>half|quarter)\b")
_INCH_OK = re.compile(r"[ \t]+(?:thick|long|wide|tall|high|deep|across|in diameter)\b|[ \t]*\.?[ \t]*$")
_METRE_WORDS = {"tall", "long", "high", "wide", "deep", "away", "above", "below", "in", "of", "from", "and",
                "or", "to", "at", "on", "by", "for", "the", "a", "with", "under", "over", "per", "is", "was"}
_A_DURATION = re.compile(r"(?<![a-z])(?P<a>an?)[ \t]+(?P<u>hour|fortnight|decade|week|month|year|day|minute|century)\b")
_A_DURATION_CUES = {"for", "within", "than", "about", "over", "after", "nearly", "almost", "lasted", "takes",
                    "took", "take", "last", "around", "roughly", "least", "only", "just"}
_RANGE = re.compile(r"[ \t]*(?P<c>-|–|—|~|～|至|到|to|and)[ \t]*$")


_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)")


def _word_after(t: str, pos: int) -> str:
    m = _WORD_AFTER.match(t, pos)
    return m.group(1).lower() if m else ""


def _ordinal_alternative(t: str, pos: int) -> bool:
    """ "a third or fourth guest": an ordinal offered with another is a rank, no fraction."""
    m = _OR_WORD.match(t, pos)
    return bool(m) and words.tables()["cls"].get(m.group(1).lower(), ("",))[0] == "den"


_OR_WORD = re.compile(r"\s+(?:or|and|to)\s+([A-Za-z]+)\b")


def _span_after(t: str, pos: int, nr: dict) -> bool:
    """ "half a century", "a quarter of an hour": "a"/"an" (after an optional "of") and a span noun."""
    m = _SPAN_AFTER.match(t, pos)
    return bool(m) and m.group(1).lower() in nr["span_nouns"]


_SPAN_AFTER = re.compile(r"\s+(?:of\s+)?an?\s+([A-Za-z]+)\b")


def _word_before(t: str, pos: int) -> str:
    m = _WORD_BEFORE.search(t, max(0, pos - 20), pos)
    return m.group(1).lower() if m else ""


@functools.lru_cache(maxsize=None)
def _candidates() -> tuple[re.Pattern, re.Pattern, frozenset]:
    """Where a number can start: digits, Chinese numerals, fraction signs; number words (second pattern)."""
    fr = "".join(UNICODE_FRACTIONS)
    cj = re.escape(chinese.tables()["numch"] + chinese.tables()["neg"])
    starts = {w for w, c in words.tables()["cls"].items() if c[0] in ("card", "zero", "hund", "scale", "mult", "neg")}
    starts |= {"half", "quarter", "quarters"}
    dens = {w for w, c in words.tables()["cls"].items() if c[0] == "den"}
    alt = lexicon.alternation(starts)
    # scanning for candidates in C and trying the big pattern only there is what keeps this fast:
    # `plain` starts with one character class, which the engine looks for in C (an alternation it
    # would try at every position); the word alternation is only scanned when a number word occurs
    # at all (a set lookup)
    plain = re.compile(rf"[-.\d{cj}{fr}](?:(?<=-)(?=\.?\d)|(?<=\.)(?=\d)|(?<=\d)\d*|(?<=[{cj}])[{cj}]*|(?<=[{fr}]))")
    wordy = re.compile(rf"(?<![a-z])(?:an?[ \t-]+(?=(?:{alt}|{lexicon.alternation(dens)}|[a-z]+-[a-z]+)(?![a-z]))"
                       rf"|(?:{alt})(?![a-z]))")
    return plain, wordy, frozenset(starts | dens)


def _positions(lw: str):
    """Candidate start offsets in the lower-cased text, left to right."""
    plain, wordy, starts = _candidates()
    pos = [m.start() for m in plain.finditer(lw)]
    if not starts.isdisjoint(word_set(lw)):
        pos = sorted(pos + [m.start() for m in wordy.finditer(lw)])
    return pos


def _matches(lw: str):
    """The master pattern matched at candidate positions only (leftmost, non-overlapping)."""
    return dispatch.match_at(lw, _positions(lw), masters, masters_ascii)


def _cores(t: str, lw: str):
    """Yield (start, end, value, shown, sig, fraction, cjk info) for every number core."""
    for m in _matches(lw):
        g = m.lastgroup
        s = m.start()
        if g == "d":
            txt = m.group("d")
            uf = m.group("uf")
            if uf:
                body = txt[: txt.rindex(uf)].strip()
                v = float(body) + UNICODE_FRACTIONS[uf]
                yield s, m.end(), v, 0.0, 0.0, False, None
                continue
            try:
                v, shown, sig = parse_digits(txt)
            except (ValueError, OverflowError):
                continue
            if v != v or abs(v) == INF:
                continue
            yield s, m.end(), v, shown, sig, False, None
        elif g == "f":
            v = fraction_value(m.group("f").lstrip("-"))
            if v is None:
                continue
            if m.group("f").startswith("-"):
                v = -v
            yield s, m.end(), v, 0.0, 0.0, True, "slash"
        elif g == "u":
            yield s, m.end(), UNICODE_FRACTIONS[m.group()], 0.0, 0.0, True, None
        elif g == "w":
            run = t[m.start("w"):m.end("w")]
            first = _FIRST_WORD.match(run)
            if first and first.group(1).lower() in _magnitude_words() and _DIGITS_BEFORE.search(t, max(0, s - 4), s):
                # "between 33 million and 34 million": the first word is the magnitude of the digits
                # before it (read there), the run's figures start after it
                s, run = s + first.end(), run[first.end():]
            for wn in words.parse_run(run):
                yield s + wn.start, s + wn.end, wn.value, wn.shown, wn.sig, wn.fraction, "words"
        else:
            run = t[m.start("z"):m.end("z")].rstrip(".,")
            if chinese.rejected(t, s, run):
                continue
            cj = chinese.parse(run)
            if cj is None:
                continue
            yield s, s + cj.end, cj.value, 1.0, 1.0, cj.fraction, cj


_FIRST_WORD = re.compile(r"([A-Za-z]+)[ \t]*")
_DIGITS_BEFORE = re.compile(r"\d[ \t]*$")


@functools.lru_cache(maxsize=None)
def _magnitude_words() -> frozenset[str]:
    """The magnitude words read right after digits ("33 million"): what _mag_regex attaches."""
    return frozenset(k for k in _numbers_rules()["mags"] if len(k) > 1 and k != "hundred")


def read(text: str, blocked: list[tuple[int, int]] = (), mentions_mode: bool = False) -> list[Reading]:
    """All figures in ``text`` (spans in ``blocked``, e.g. dates, are skipped)."""
    t = normalize(text)
    lw = lower_ascii(t)
    urls = [(m.start(), m.end()) for m in _URL.finditer(t)] if "://" in t or "www." in t else []
    blocks = sorted(list(blocked) + urls)
    st = suffix_table()
    nr = _numbers_rules()
    out: list[Reading] = []
    last_end = -1
    for s, e, v, shown, sig, frac, info in _cores(t, lw):
        if s < last_end or any(a < e and s < b for a, b in blocks):
            continue
        r = _context(t, lw, s, e, v, shown, sig, frac, info, st, nr)
        if r is None:
            continue
        out.append(r)
        last_end = r.end
    extra = _a_durations(t, lw, out, blocks)
    if extra:
        out = [r for r in out if not any(x.start <= r.start and r.end <= x.end for x in extra)] + extra
    out.sort(key=lambda r: r.start)
    out = _ranges(t, out)
    _shared_units(t, out)
    for r in out:
        _finish(r)
    return out


_GLUED_NAME_LETTER = re.compile(r"[A-Z](?![A-Za-z0-9])")


def _context(t, lw, s, e, v, shown, sig, frac, info, st, nr) -> Reading | None:
    """Attach magnitude, unit, currency, hedge to one number core."""
    cj = info if isinstance(info, chinese.CjkNumber) else None
    # pronoun "one", "several hundred", citation markers
    if info == "words":
        first = t[s:e].split()[0].lower()
        prev = _word_before(t, s)
        if t[s:e].lower() == "one" and prev in nr["pronoun"]:
            return None
        if first in ("hundred", "thousand", "million", "billion") and prev in nr["vague"]:
            return None
        # "for a fifth consecutive year", "the second half": an ordinal, not a fraction ("half year"
        # and "a quarter year" are durations: only an ordinal word counts)
        last = t[s:e].split()[-1].lower()
        if frac and ((last not in nr["fraction_words"] and _word_after(t, e) in nr["counted"])
                     or (first in nr["fraction_words"] and prev in nr["ordinal_before"])
                     or _word_after(t, e) in nr["period_after"] or _span_after(t, e, nr)
                     or _ordinal_alternative(t, e)):
            return None
    if s > 0 and t[s - 1] == "[" and t.startswith("]", e):
        return None
    start, end = s, e
    kind, unit, dim, notes = "number", None, None, ()
    mult = magnitude = 1.0
    cur = None
    if not cj and info not in ("words", "slash"):
        cp = money.find_prefix(t, s)
        if cp:
            cur = cp[0]
            mult *= cp[1]
            start = cp[2]
    # magnitude after digits ("37bn", "1.2 million", "10M")
    if info is None and not frac:
        mm = _mag_regex().match(t, e)
        if mm:
            w, l, sp = mm.group("w"), mm.group("l"), mm.group("sp")
            mval = None
            if w:
                mval = nr["mags"].get(w.lower())
            elif sp:
                mval = 1e6
            elif l:
                mval = _letter_magnitude(t, l, mm.end(), cur is not None, nr)
            if mval:
                mult *= mval
                magnitude = mval
                shown *= mval
                sig *= mval
                e = end = mm.end()
    # suffix: percent, unit, currency, duration, Chinese markers
    sm = st["rx"].match(t, e)
    suffix = None
    if sm:
        key = sm.group("cs") or sm.group("ci")
        entry = st["cs"].get(key) if sm.group("cs") else st["ci"].get(" ".join(key.lower().split()))
        if entry is not None and _suffix_ok(t, s, e, sm, entry, cj, info, mult, v):
            suffix = entry
    if cj is not None and cj.percent:
        kind, unit = "percentage", "percent"
        if suffix and suffix[0] in ("pct", "pp", "tenths"):
            suffix = None
    if suffix:
        k = suffix[0]
        if k == "pct" and cur is None:
            kind, unit, end = "percentage", "percent", sm.end()
        elif k == "pp" and cur is None:
            kind, unit, end = "percentage", "percentage_point", sm.end()
        elif k == "tenths" and cur is None:
            kind, unit, end = "percentage", "percent", sm.end()
            v, shown, sig = v * 10, shown * 10, sig * 10
            if t.startswith(chinese.tables()["data"]["half"], end):
                v += 5
                end += 1
        elif k == "cur" and cur is None:
            kind, unit, end = "currency", suffix[1], sm.end()
            mult *= suffix[2]
        elif k == "sub" and cur is None:
            kind, unit, end = "currency", suffix[1], sm.end()
            mult *= suffix[2]
        elif k == "unit" and cur is None:
            u = suffix[1]
            kind, unit, dim, end = "quantity", u.pint, u.dimension, sm.end()
            mult *= suffix[2]
            if u.note:
                notes = (u.note,)
            if u.pint == "pound" and mult >= 1e6 and sm.group("ci").lower() in money.table()["pounds"] \
                    and not ((goods := _OF_WORD.match(t, end)) and goods.group(1).lower() not in money.table()["pounds_money_of"]):
                # ("361 million pounds" is money; "98 million pounds of the metal" a mass)
                kind, unit, dim, notes = "currency", "GBP", None, ()
        elif k == "dur" and cur is None:
            kind, unit, end = "duration", suffix[1], sm.end()
    if kind == "number" and suffix is None and cur is None and not frac and cj is None:
        pm = _package_regex().match(t, end)
        if pm:
            u = units.lookup(pm.group("s") or pm.group("w"))
            each = float(pm.group("n"))
            kind, unit, dim, end, notes = "quantity", u.pint, u.dimension, pm.end(), (units.table()["package_note"],)
            mult, shown, sig = mult * each, shown * each, sig * each
    if kind == "number" and info is None and cur is None and mult == 1 and t[s:e].isdigit() and _GLUED_NAME_LETTER.match(t, end):
        return None     # "5G", "4G", "3D": a digit glued to a capital names a technology, no figure
    if cur is not None:
        kind, unit = "currency", cur
    if kind == "currency":
        tail = _CENTS.match(t, end)
        if tail and unit == "USD" and suffix and suffix[0] == "cur":
            cents = _small_number(tail.group("n"))
            if cents is not None and cents < 100:
                v = v + cents / 100 / mult if mult else v
                end = tail.end()
        if suffix and suffix[0] == "cur" and cur is None:
            m2 = re.match(r"[ \t]+(?i:(million|billion|bn|trillion))\b", t[end:end + 12])
            if m2:
                magnitude = nr["mags"][m2.group(1).lower()]
                mult *= magnitude
                end += m2.end()
    if kind == "duration":
        tail = _AND_HALF.match(t, end)
        if tail:
            v += 0.5 if tail.group("f").lower() == "half" else 0.25
            end = tail.end()
        f = units.table()["duration_factors"].get(unit)
        if f:
            unit, mult = f[0], mult * f[1]
    value = v * mult
    if cj is not None and magnitude == 1.0:
        # "3-4万吨": the big unit of a Chinese numeral is its magnitude, shared with a range's first end
        magnitude = float(next((f for big, f in chinese.tables()["big"].items() if t[s:e].endswith(big)), 1.0))
    r = Reading(kind, value, unit, start, end, shown=shown if kind != "currency" else shown,
                sig=sig, dimension=dim, fraction=frac and kind == "number", notes=notes, magnitude=magnitude)
    if cj is not None:
        if cj.fraction and kind == "number":
            r.fraction = True        # 十分之一: a ratio; a share when extract_quantities reads it
        if cj.approx:
            r.hedge, r.hedge_text = cj.approx, "多"
    if kind == "number" and cj is None and start > 0 and t.startswith("半", end) and v == 1 and t[s:e] == "一":
        pass
    if cj is not None or (s > 0 and "\u4e00" <= t[s - 1] <= "\u9fff") or t.startswith(("成", "个", "%"), end):
        zh = hedges.find_zh(t, start, end)
        if zh and not r.hedge:
            r.hedge, r.hedge_text, r.start, r.end = zh[0], zh[1], zh[2], zh[3]
    if cj is not None and kind == "number" and t.startswith("半", end) and value == 1:
        r.kind, r.unit, r.value, r.end, r.fraction = "number", None, 0.5, end + 1, True
    if not r.hedge:
        h = hedges.find_before(t, r.start, lw)
        if h:
            r.hedge, r.hedge_text, r.start = h[0], h[1], h[2]
    if kind == "number" and not frac and info is None and mult == 1:
        word = _word_before(t, s)
        r.label = word in nr["labels"] or (s > 0 and t[s - 1] == "#")
        txt = t[s:e]
        r.year_like = len(txt) == 4 and txt.isdigit() and 1800 <= value <= 2100
    return r


def _letter_magnitude(t: str, letter: str, end: int, has_cur: bool, nr: dict) -> float | None:
    """A one-letter magnitude after digits: "10M", "$2.174T", "3.5m EVs" (but "1.8m tall" is metres)."""
    if letter == "MM":
        return 1e6
    if letter == "m":
        if has_cur:
            return 1e6
        m = _NEXT_WORD.match(t, end)
        # "3.5m EVs", "278m TEUs", "5m t": a word or a unit after "m" makes it millions of them
        if m and m.group(1).lower() not in _METRE_WORDS and m.group(1)[0].isalpha():
            return 1e6
        return None
    if letter == "K" and ("°" in t or "kelvin" in t.lower()):
        return None
    if letter in ("B", "T") and not has_cur and not (end >= len(t) or not t[end].isalnum()):
        return None
    return nr["cs_mags"].get(letter) or nr["mags"].get(letter)


def _suffix_ok(t, s, e, sm, entry, cj, info, mult, v) -> bool:
    """Guards for ambiguous short suffixes (C/F/K, in, ", one-letter durations, Chinese markers)."""
    sep = sm.group("sep")
    key = sm.group("cs") or sm.group("ci")
    after = sm.end()
    nxt = t[after:after + 2]
    if "\u4e00" <= key[0] <= "\u9fff" or key[0] in "个個":
        return sep == ""
    if "-" in sep and entry[0] in ("pct", "pp"):
        return False
    if len(entry) > 3 and entry[3] == "glued":
        if sep and not (key == "h" and re.match(r"[ \t]*(?:$|[.,;:!?)])", t[after:after + 3])):
            return False
        return True
    if entry[0] == "unit":
        guard = entry[1].guard
        if guard == "letter":
            if sep == "":
                return re.match(r"[ \t]*(?:$|[.,;:!?)\]])", t[after:after + 3]) is not None
            return re.match(r"(?:$|[.,;:!?)\]]|[ \t]+[a-z])", t[after:after + 3]) is not None
        if guard == "inch_in":
            if key == '"':
                return sep == "" and not nxt[:1].isalnum()
            return sep != "" and _INCH_OK.match(t, after) is not None
        if key in ("m", "t") and sep == "-":
            return False
    if entry[0] == "cur" and key.isupper() and len(key) == 3 and sep == "" and not t[e - 1].isdigit():
        return False
    return True


def _small_number(s: str) -> float | None:
    if s.isdigit():
        return float(s)
    got = words.parse_run(s)
    return got[0].value if got else None


def _a_durations(t: str, lw: str, found: list[Reading], blocks) -> list[Reading]:
    """"for an hour", "a fortnight": a duration of one unit with no numeral."""
    out: list[Reading] = []
    ut = units.table()
    for m in _A_DURATION.finditer(lw):
        if any(r.start < m.end() and m.start() < r.end for r in found) or \
                any(a < m.end() and m.start() < b for a, b in blocks):
            continue
        prev = _word_before(t, m.start())
        if prev not in _A_DURATION_CUES:
            continue
        unit = ut["durations"][m.group("u").lower()]
        value = 1.0
        end = m.end()
        tail = _AND_HALF.match(t, end)
        if tail:
            value += 0.5 if tail.group("f").lower() == "half" else 0.25
            end = tail.end()
        f = ut["duration_factors"].get(unit)
        if f:
            unit, value = f[0], value * f[1]
        r = Reading("duration", value, unit, m.start(), end, shown=1.0, sig=1.0)
        h = hedges.find_before(t, r.start, lw)
        if h:
            r.hedge, r.hedge_text, r.start = h[0], h[1], h[2]
        out.append(r)
    return out


def _ranges(t: str, rs: list[Reading]) -> list[Reading]:
    """"between 60 and 70%", "60-70%", "60 to 70 per cent": one reading with both ends."""
    if len(rs) < 2:
        return rs
    out: list[Reading] = []
    i = 0
    while i < len(rs):
        a = rs[i]
        if i + 1 < len(rs):
            b = rs[i + 1]
            m = _RANGE.match(t[a.end:b.start]) if b.start - a.end <= 5 else None
            before = _word_before(t, a.start) if m else ""
            if m is not None and _range_ends(a, b, m.group("c"), before):
                c = m.group("c")
                ok = c in _DASHES or (c == "to" and before != "from") or (c == "and" and before == "between")
                # ("$3-4 billion": the sign before the first end, the magnitude after the second)
                sign_first = _money_sign_first(a, b)
                scale = b.magnitude if sign_first else _mult_of(a, b)
                sign = a if sign_first else b
                if ok and a.value * scale <= b.value + 1e-9:
                    lo = a.value * scale
                    r = Reading(sign.kind, lo, sign.unit, a.start, b.end, shown=b.shown, sig=b.sig,
                                hedge="range", hedge_text=("between" if c == "and" else c),
                                dimension=sign.dimension, notes=sign.notes)
                    r.low, r.high = lo, b.value
                    if before == "between" and c == "and":
                        r.start = a.start - len("between ") if t[max(0, a.start - 8):a.start].lower() == "between " else a.start
                    out.append(r)
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


_DASHES = "-–—~～至到"


def _plain(a: Reading, b: Reading) -> bool:
    return not a.hedge and not b.hedge and not a.fraction and not b.fraction


def _money_sign_first(a: Reading, b: Reading) -> bool:
    """ "$3-4 billion": the currency sign before the first end, the magnitude after the second."""
    return _plain(a, b) and a.kind == "currency" and b.kind == "number" and a.magnitude == 1.0 and b.magnitude != 1.0


def _range_ends(a: Reading, b: Reading, c: str, before: str) -> bool:
    """Can ``a`` and ``b``, joined by ``c``, be the two ends of one range?"""
    if c == "and" and before == "between" and a.kind == b.kind and a.unit == b.unit and _plain(a, b) \
            and not (a.year_like or b.year_like or a.label or b.label):
        return True     # "between 33 million and 34 million passengers", "between $3bn and $4bn"
    if _money_sign_first(a, b) or (_plain(a, b) and a.kind == "number" and b.kind == "currency" and not a.year_like):
        return True     # "$3-4 billion", "between 3.5 and 4 billion dollars": one amount of money
    if c in _DASHES and a.kind == b.kind == "quantity" and a.unit == b.unit and not a.hedge and not b.hedge:
        return True     # "8000吨至11000吨": two ends of one unit
    if a.kind == "number" and not a.fraction and b.kind not in ("number", "currency") and not b.hedge:
        return True     # "60-70%", "3-4 million tonnes": the unit after the second end
    if a.kind == b.kind and a.kind in ("number", "percentage") and a.unit == b.unit and _plain(a, b) \
            and not (a.year_like or b.year_like or a.label or b.label) and (c in _DASHES or c == "to"):
        return True     # "190,000 to 200,000 heat pumps", "12%-14%": two ends written in full
    return a.kind == b.kind == "currency" and a.unit == b.unit and (c in _DASHES or c == "to")


_LIST_AND = re.compile(r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|or[ \t]+)")


def _shared_units(t: str, rs: list[Reading]) -> None:
    """ "5.25 million and 2.76 million tonnes", "5, 6 and 7%": bare numbers listed right before a figure
    with a unit take its unit (and its magnitude, when they have none of their own)."""
    for i in range(len(rs) - 2, -1, -1):
        a, b = rs[i], rs[i + 1]
        if a.kind != "number" or b.kind not in ("quantity", "percentage") or a.fraction or b.fraction \
                or a.year_like or a.label or a.hedge == "range" or b.hedge == "range" or a.unit is not None:
            continue
        if not _LIST_AND.fullmatch(t, a.end, b.start):
            continue
        scale = b.magnitude if a.magnitude == 1.0 else 1.0
        a.kind, a.unit, a.dimension, a.notes = b.kind, b.unit, b.dimension, b.notes
        a.value, a.shown, a.sig = a.value * scale, a.shown * scale, a.sig * scale


def _mult_of(a: Reading, b: Reading) -> float:
    """The magnitude of a range's second end, shared by a first end written without one
    ("3-4 million tonnes", "between 33 and 34 million": 3 and 33 million)."""
    if a.magnitude != 1.0 or (a.kind == b.kind and a.unit == b.unit and a.value > 1e3):
        return 1.0
    return b.magnitude


def _finish(r: Reading) -> None:
    """Hedge interval and base-unit conversion."""
    if r.hedge != "range":
        r.low, r.high = hedges.interval(r.value, r.hedge, r.shown, r.sig)
    if r.kind == "percentage":
        r.dimension = "share" if r.unit == "percent" else "percentage_point"
        r.base_unit = r.unit
    elif r.kind == "currency":
        r.dimension, r.base_unit = "currency", r.unit
    elif r.kind == "duration":
        r.dimension, r.base_unit = "duration", r.unit
    elif r.kind == "number":
        r.dimension, r.base_unit = "count", "count"
    elif r.kind == "quantity":
        base, f = units.factor(r.unit, r.dimension or "")
        r.base_unit, r.base_factor = base, f
        if f != 1.0:
            r.low *= f
            r.high *= f
