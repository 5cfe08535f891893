"""Dates and periods with their granularity: "July 2023", "Q3 2024", "mid-2024", "next year", "2023年7月"."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from checker.fold import lower_ascii
from checker.quantities import dispatch, lexicon, words, years
from checker.quantities.numbers import word_set


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date read from text; ``iso`` may hold XXXX for a year the text does not give."""

    start: int
    end: int
    first: dt.date | None
    last: dt.date | None
    granularity: str
    iso: str
    relative: bool = False
    deadline: bool = False
    offset: bool = False      # "in 3 years", "two months ago": a date counted from the reference


@functools.lru_cache(maxsize=None)
def tables() -> dict:
    """Lexicons from rules/dates.toml."""
    d = lexicon.load("dates")
    months = lexicon.number_map(d, "months", "dates")
    ordinals = lexicon.number_map(d, "day_ordinals", "dates")
    days = dict(ordinals)
    for tens, tv in (("twenty", 20), ("thirty", 30)):
        for w, v in list(ordinals.items())[:9]:
            for sep in ("-", " "):
                days[f"{tens}{sep}{w}"] = tv + v
    card = years.cardinals()
    for w, v in card.items():
        if v <= 31:
            days.setdefault(w, v)
    for tens, tv in (("twenty", 20), ("thirty", 30)):
        for w, v in card.items():
            if v < 10 and tv + v <= 31:
                for sep in ("-", " "):
                    days.setdefault(f"{tens}{sep}{w}", tv + v)
    return {"months": months, "days": days, "ordinals": ordinals,
            "parts": {k: tuple(v) for k, v in lexicon.need(d, "parts", dict, "dates").items()},
            "month_parts": {k: tuple(v) for k, v in lexicon.need(d, "month_parts", dict, "dates").items()},
            "first_months": tuple(lexicon.need(d, "first_months", list, "dates")),
            "last_months": tuple(lexicon.need(d, "last_months", list, "dates")),
            "quarters": lexicon.number_map(d, "quarters", "dates"),
            "halves": lexicon.number_map(d, "halves", "dates"),
            "rel_years": lexicon.need(d, "relative_years", dict, "dates"),
            "rel_months": lexicon.number_map(d, "relative_months", "dates"),
            "rel_days": lexicon.number_map(d, "relative_days", "dates"),
            "deadline": tuple(lexicon.need(d, "deadline_words", list, "dates")),
            "cues": set(lexicon.need(d, "year_cues", list, "dates")),
            "month_not_after": tuple(w.lower() for w in d.get("month_prefixes_not_dates", [])),
            "relative_not_before": tuple(d.get("relative_not_before", [])),
            # "the July-June season": a month glued to another month by a dash or slash
            "month_span_before": re.compile(rf"\b(?:{lexicon.alternation(months)})[-–/]$", re.I),
            "month_span_after": re.compile(rf"[-–/](?:{lexicon.alternation(months)})\b", re.I),
            "lookback": re.compile(r"\b(?:" + lexicon.alternation([w.lower() for w in d.get("lookback_words", [])] or ["(?!)"])
                                   + r")\b[^.,;:!?]{0,50}$", re.I),
            "spot": re.compile(r"\b(?:" + lexicon.alternation([w.lower() for w in d.get("spot_words", [])] or ["(?!)"]) + r")\b", re.I),
            # "orders of 5.1 GW so far this year": the year is not over, the figure covers part of it
            "to_date": re.compile(r"\b(?:" + lexicon.alternation([w.lower() for w in d.get("to_date_words", [])] or ["(?!)"])
                                  + r")\s+(?:in\s+|this\s+|of\s+)?$", re.I),
            # "fourth-quarter revenue rose to $503 million, bringing full-year sales to $1.82 billion": the
            # figure a whole-year word stands before is the year's, whatever part of it the sentence dates
            "whole_year": re.compile(r"\b(?:" + lexicon.alternation([w.lower() for w in d.get("whole_year_words", [])] or ["(?!)"])
                                     + r")\b", re.I),
            "min_year": int(d.get("min_year", 1800)), "max_year": int(d.get("max_year", 2100))}


_DUR = r"(?P<{p}u>years?|months?|weeks?|days?|decades?)"


def _wrap(src: str) -> str:
    # no (?i): the pattern runs on ASCII-lower-cased text, at candidate positions only (see find)
    return rf"(?<![a-z0-9])(?:{src})(?![a-z0-9])"


@functools.lru_cache(maxsize=None)
def pattern() -> re.Pattern:
    """All date forms as one alternation; named groups are prefixed by the form's name (the
    reference its dispatched split, ``patterns()``, is tested against)."""
    return re.compile(_wrap("|".join(f"(?P<{name}>{p})" for name, p in _forms())))


@functools.lru_cache(maxsize=None)
def patterns() -> dict[str, re.Pattern]:
    """The same alternation split by the class of the first character (what ``_find`` uses)."""
    return dispatch.split(_forms(), _wrap)


@functools.lru_cache(maxsize=None)
def patterns_ascii() -> dict[str, re.Pattern]:
    """``patterns()`` for an ASCII text: the forms that need a non-ASCII character left out."""
    return dispatch.split(_forms(), _wrap, ascii_only=True)


@functools.lru_cache(maxsize=None)
def _forms() -> list[tuple[str, str]]:
    """The date forms as (name, pattern source), in the order they are tried at one position."""
    t = tables()
    M = rf"(?:{lexicon.alternation(t['months'])})(?![a-z])\.?"
    Y = r"(?:1[89]\d\d|20\d\d|2100)(?![\d]|[.,]\d)"
    Y0 = r"(?:1[89]\d\d|20\d\d|2100)(?!\d)"          # before a separator of its own ("2015.5.13")
    D = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?"
    DW = lexicon.alternation(t["days"])
    Q = lexicon.alternation(t["quarters"])
    H = lexicon.alternation(t["halves"])
    P = lexicon.alternation([k for k in t["parts"] if " " in k])
    P1 = lexicon.alternation([k for k in t["parts"] if " " not in k])
    MP = lexicon.alternation(t["month_parts"])
    NF = lexicon.alternation(t["first_months"])
    NL = lexicon.alternation(t["last_months"])
    RY = lexicon.alternation(t["rel_years"])
    ZR = lexicon.alternation({k for k in t["rel_years"] if re.fullmatch(r"[\u4e00-\u9fff]+年", k)}) or "(?!)"
    RM = lexicon.alternation(t["rel_months"])
    RD = lexicon.alternation(t["rel_days"])
    WD = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]+)?"
    num = words.run_pattern()
    card = years.cardinals()
    YW = years.pattern()                  # "nineteen ninety six", "two thousand and fifteen"
    N11 = lexicon.alternation([w for w, v in card.items() if 2 <= v <= 11])      # "the first nine months"
    O12 = lexicon.alternation([w for w, v in t["ordinals"].items() if v <= 12])  # "the third month of"
    YA = rf"(?:{Y}|{YW})"
    forms = [
        ("iso", rf"(?<![\d.])(?P<iso_y>{Y})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])(?![\d])(?:[ T]\d\d:\d\d(?::\d\d)?)?"),
        ("ymd", rf"(?<![\d.])(?P<ymd_y>{Y0})[/.](?P<ymd_m>1[0-2]|0?[1-9])[/.](?P<ymd_d>[12]\d|3[01]|0?[1-9])(?![\d])"),
        ("yMd", rf"(?<![\d.])(?P<yMd_y>{Y})[-/](?P<yMd_m>{M})[-/](?P<yMd_d>{D})"),
        ("dmy", rf"(?<![\d./])(?P<dmy_a>\d{{1,2}})(?P<dmy_s>[-/.])(?P<dmy_b>\d{{1,2}})(?P=dmy_s)(?P<dmy_y>{Y})"),
        ("dMy", rf"(?<![\d])(?P<dMy_d>{D})[-/](?P<dMy_m>{M})[-/](?P<dMy_y>{Y})"),
        ("Mdy", rf"(?P<Mdy_m>{M})[-/](?P<Mdy_d>{D})[-/](?P<Mdy_y>{Y})"),
        ("Md", rf"(?P<Md_m>{M})[-/](?P<Md_d>{D})(?![\d/-])"),                 # "Oct/2", "Jan-1"
        # "October two thousand and five": a month and a year in words, before "October two" is a day
        ("myw", rf"(?P<myw_m>{M})(?:[ \t]+of[ \t]+|,[ \t]*|[ \t]+)(?P<myw_y>{YW})"),
        ("mdy", rf"{WD}(?P<mdy_m>{M})[ \t]*(?:the[ \t]+)?(?:(?P<mdy_d>{D})|(?P<mdy_w>{DW})(?![a-z]))(?:,?[ \t]+(?:of[ \t]+)?(?P<mdy_y>{YA}))?(?![\d,]\d)"),
        ("dmY", rf"(?<![\d.,$€£¥])(?<![$€£¥][ \t])(?:the[ \t]+)?(?:(?P<dmY_d>{D})\.?|(?P<dmY_w>{DW}))[ \t]+(?:of[ \t]+)?(?P<dmY_m>{M})(?:,?[ \t]+(?:of[ \t]+|in[ \t]+)?(?P<dmY_y>{YA}))?"),
        ("my", rf"(?P<my_m>{M})(?:[ \t]+of[ \t]+|,[ \t]*|[-/]|[ \t]+)(?P<my_y>{Y})"),
        ("ym", rf"(?<![\d.])(?P<ym_y>{Y})(?:,[ \t]*|[ \t]+)(?P<ym_m>{M})"),
        # twelve months to a month's end: "the fiscal year to March 2024", "the year ended June 30, 2024" (or
        # "30 June 2024")
        ("yto", rf"(?:the[ \t]+)?(?:(?:fiscal|financial|business|crop|marketing)[ \t]+)?(?:year|12[ \t]+months|twelve[ \t]+months)[ \t]+"
                rf"(?:to|ended|ending|through|(?:that|which)[ \t]+ended)[ \t]+(?:on[ \t]+|in[ \t]+)?(?:the[ \t]+end[ \t]+of[ \t]+)?(?:{D}[ \t]+)?(?P<yto_m>{M})(?:[ \t]+{D})?(?:,?[ \t]+(?P<yto_y>{Y}))?(?![ \t]*\d)"),
        # months to a month's end: "the three months to December", "the six months ended June 30, 2024"
        ("mto", rf"(?:the[ \t]+)?(?P<mto_n>1[01]|[2-9]|{N11})[ \t]+months[ \t]+(?:to|ended|ending|through|(?:that|which)[ \t]+ended)[ \t]+"
                rf"(?:on[ \t]+)?(?:the[ \t]+end[ \t]+of[ \t]+)?(?:{D}[ \t]+)?(?P<mto_m>{M})(?:[ \t]+{D})?(?:,?[ \t]+(?P<mto_y>{Y}))?(?![ \t]*\d)"),
        # a fiscal year: "FY2023-24", "FY 2024/25", "FY24" and "FY2024" (the fiscal year ending in 2024)
        # ("fiscal 2024", "fiscal year 2024": the same as FY2024)
        ("fy", rf"(?<![a-z])(?:fy|fiscal(?:[ \t]+year)?[ \t]+(?=\d)|financial[ \t]+year[ \t]+(?=\d))[ \t]*(?:(?P<fy_y>{Y0})(?:[/–-](?P<fy_z>\d\d(?:\d\d)?))?|(?P<fy_s>\d\d)(?:[/–-](?P<fy_s2>\d\d))?)(?![\d])"),
        # ("the 2024 financial year", "its 2024 fiscal year": FY2024 too)
        ("fyp", rf"(?<![\d./-])(?P<fyp_y>{Y0})[ \t]+(?:fiscal|financial)[ \t]+year(?![a-z])"),
        # a split year: a crop, marketing or fiscal season ("2024/25", "2019-20", "2023/2024")
        ("sea", rf"(?<![\d./-])(?P<sea_y>{Y})(?:[/–-](?P<sea_z>\d\d)|/(?P<sea_z4>\d{{4}}))(?![\d/%]|\.\d)"),
        ("yn", rf"(?<![\d./-])(?P<yn_y>{Y})[-/](?P<yn_m>1[0-2]|0?[1-9])(?![\d/-]|\.\d)"),
        ("myy", rf"(?P<myy_m>{M})[ \t]*['’](?P<myy_y>\d\d)(?![\d'’])"),
        ("hh", rf"(?P<hh_h>[12])h[ \t]+(?P<hh_y>{Y})"),
        ("ny", rf"(?<![\d./-])(?P<ny_m>1[0-2]|0?[1-9])[-/](?P<ny_y>{Y})(?![\d/])"),
        # ("the third calendar quarter of 2024")
        ("q", rf"(?:the[ \t]+)?(?P<q_o>{Q})[ \t-]+(?:calendar[ \t]+)?quarter[ \t]+(?:of[ \t]+)?(?P<q_y>{Y})"),
        ("qy", rf"\bq(?P<qy_q>[1-4])[ \t]*(?:of[ \t]+)?(?P<qy_y>{Y})|(?P<qy_y2>{Y})[ \t]*q(?P<qy_q2>[1-4])\b"),
        ("h", rf"(?:the[ \t]+)?(?P<h_o>{H})[ \t-]+(?:calendar[ \t]+)?(?:half|semester)[ \t]+(?:of[ \t]+)?(?P<h_y>{Y})"),
        ("yq", rf"(?<![\d.])(?P<yq_y>{Y})['’]s[ \t]+(?:(?P<yq_q>{Q})[ \t-]+quarter|(?P<yq_h>{H})[ \t-]+half)(?![a-z])"),
        ("hy", rf"\bh(?P<hy_h>[12])[ \t]*(?P<hy_y>{Y})"),
        ("part", rf"(?P<part_p>{P1})[ \t-]*(?P<part_y>{Y})|(?P<part_p2>{P})[ \t]+(?P<part_y2>{Y})"),
        ("mpart", rf"(?P<mpart_p>{MP})[ \t-]*(?P<mpart_m>{M})(?:,?[ \t]+(?:of[ \t]+)?(?P<mpart_y>{Y}))?(?![ \t]*\d)"),
        # "the April-June quarter", "January-March 2024", "the July-September period of 2023"
        # ("between June and August", "June through August": a span written out in words)
        ("mspan", rf"(?:the[ \t]+|(?P<mspan_w>between)[ \t]+)?(?P<mspan_a>{M})"
                  rf"(?(mspan_w)[ \t]+and[ \t]+|(?:[ \t]*[-–][ \t]*|[ \t]+through[ \t]+))(?P<mspan_b>{M})(?:[ \t]+(?:quarter|period|months|half))?"
                  rf"(?:,?[ \t]+(?:of[ \t]+)?(?P<mspan_y>{Y})(?![/–-]\d))?"),
        ("nmon", rf"(?:(?P<nmon_f>{NF})|(?P<nmon_l>{NL}))[ \t]+(?P<nmon_n>1[01]|[2-9]|{N11})[ \t]+months[ \t]+of[ \t]+"
                 rf"(?:(?:fiscal|calendar|the[ \t]+year)[ \t]+)?(?P<nmon_y>{Y})"),
        # "in the first seven months", "the first nine months of the year", "... of last year": the
        # months of the year the article stands in (or the one named relatively)
        ("nrel", rf"(?:(?<=in[ \t])|(?<=during[ \t])|(?<=for[ \t])|(?<=over[ \t])|(?<=after[ \t]))the[ \t]+(?:(?P<nrel_f>first|opening)|(?P<nrel_l>last|final))[ \t]+"
                 rf"(?P<nrel_n>1[01]|[2-9]|{N11})[ \t]+months(?:[ \t]+of[ \t]+(?P<nrel_r>the|this|last|next)[ \t]+year)?(?![ \t]+of[ \t]+\d)(?![a-z])"),
        # "今年1-10月", "2024年1至10月", "今年前10个月": a span of months of a year (named, or relative to
        # the reference date)
        ("zhm", rf"(?:(?P<zhm_y>{Y})年|(?P<zhm_r>{ZR}))?(?:(?P<zhm_a>1[0-2]|0?[1-9])月?[ \t]*[-–—~至到][ \t]*(?P<zhm_b>1[0-2]|0?[1-9])月"
                rf"|前(?P<zhm_n>1[01]|[2-9]|十一|十|[二三四五六七八九])个月)(?![\d日])"),
        # "今年1月", "去年12月5日": a month (or day) of a year named relative to the reference date
        ("zhrm", rf"(?P<zhrm_r>{ZR})(?P<zhrm_m>1[0-2]|0?[1-9])月(?:(?P<zhrm_d>[12]\d|3[01]|0?[1-9])日|(?![\d至到~—–-]))"),
        # "6月7日": a day of the month without its year
        ("zhmd", r"(?<![年\d])(?P<zhmd_m>1[0-2]|0?[1-9])月(?P<zhmd_d>[12]\d|3[01]|0?[1-9])日"),
        # "2024年7月", "2024年7月5日", "2025年下半年" (second half), "2024年第三季度" / "2024年三季度" (Q3)
        ("zh", rf"(?P<zh_y>{Y})年(?:(?P<zh_m>1[0-2]|0?[1-9])月(?:(?P<zh_d>[12]\d|3[01]|0?[1-9])日)?"
               rf"|(?P<zh_h>[上下])半年|第?(?P<zh_q>[一二三四1-4])季度)?"),
        # "今年上半年", "去年四季度", "上半年", "前三季度": a part of a year named relatively, or of the year the
        # article stands in
        ("zhp", rf"(?<![\d年])(?P<zhp_r>{ZR})?(?:(?P<zhp_h>[上下])半年|第?(?P<zhp_q>[一二三四])季度|前(?P<zhp_n>[二三])个?季度)"),
        ("mnext", rf"(?P<mnext_m>{M})[ \t]+(?P<mnext_r>next|last|this)[ \t]+year"),
        # "the second half of the year", "the first quarter of last year": a part of a year named relatively
        ("prel", rf"(?:the[ \t]+)?(?:(?P<prel_q>{Q})[ \t-]+quarter|(?P<prel_h>{H})[ \t-]+half)[ \t]+of[ \t]+"
                 rf"(?P<prel_r>the|this|last|next|the previous|the following)[ \t]+year"),
        # "in the first quarter", "during the March quarter", "in the quarter", "in the second half": a part of
        # the year the article stands in, without its year (the nearest one; "the quarter" is the last one done)
        # ("second-quarter sales", "first-half revenue", "half-year revenue": the same part of the year, written
        # before its noun)
        # ("at the end of the quarter": of a part, at its end)
        ("qbare", rf"(?:(?:(?<=in[ \t])|(?<=during[ \t])|(?<=for[ \t])|(?<=over[ \t])|(?<=end[ \t]of[ \t]))the[ \t]+(?:(?P<qbare_o>{Q})[ \t-]+quarter"
                  rf"|(?P<qbare_m>march|june|september|december)[ \t]+quarter|(?P<qbare_h>{H})[ \t-]+half|quarter|(?P<qbare_bh>half)(?![ \t-]*(?:of|a|an|the|as|its|their)\b))"
                  rf"|(?<![\w-])(?:(?P<qbare_ao>{Q})-quarter|(?P<qbare_ah>{H})-half|(?P<qbare_hy>half-year(?:ly)?))(?=[ \t]+[a-z]))"
                  rf"(?![ \t-]*(?:of|century|[12]\d{{3}})\b)(?![a-z])"),
        ("relm", rf"(?P<relm_r>this|next|last)[ \t]+(?P<relm_m>{M})"),
        ("nthm", rf"(?:the[ \t]+)?(?P<nthm_o>{O12})[ \t]+month[ \t]+of[ \t]+(?P<nthm_y>{Y})"),   # "the third month of 2021"
        ("ry", rf"(?P<ry_x>{RY})"),
        ("rm", rf"(?P<rm_x>{RM})"),
        ("rd", rf"(?<![A-Za-z])(?P<rd_x>{RD})(?![A-Za-z])"),
        ("ago", rf"(?P<ago_n>\d+|{num}|an?)[ \t]+{_DUR.format(p='ago_')}[ \t]+ago"),
        ("inn", rf"(?<![A-Za-z])in[ \t]+(?P<inn_n>\d+|{num})[ \t]+{_DUR.format(p='inn_')}(?![A-Za-z])"),
        ("md", rf"(?<![\d/.-])(?P<md_a>\d{{1,2}})/(?P<md_b>\d{{1,2}})(?![\d/.]|[ \t]*(?:of|mile|inch|point|cup|of)\b)"),
        ("mon", rf"(?P<mon_m>{M})(?![ \t]*\d)"),
        # a year in words only where the number ends ("in nineteen ninety six.", "... and", "... to")
        ("yw", rf"(?P<yw_y>{YW})(?=[ \t]*(?:$|[\r\n.,;:!?)]|and[ \t]|to[ \t]))"),
        ("year", rf"(?<![\d.,$£€])(?P<year_y>{Y})(?!%|[ \t]*(?:percent|per cent|pct|tonnes|tons|t\b|people|units|million|billion|thousand|trillion|mln|bln|bn|mn|metric|barrels|kt|mt|gw|mw|twh|gwh|teu|cgt|doses|vehicles|cars|jobs|workers))"),
    ]
    return forms


@functools.lru_cache(maxsize=None)
def _triggers() -> tuple[re.Pattern, re.Pattern, frozenset]:
    """Where a date expression can start; the big pattern is tried only there."""
    t = tables()
    ws = set(t["months"]) | {"today", "tomorrow", "yesterday", "later", "earlier", "fiscal", "financial",
                             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "between"}
    for table in ("quarters", "halves", "days", "parts", "month_parts", "first_months", "last_months"):
        ws |= {k.split()[0].split("-")[0] for k in t[table]} - {"the"}
    ws |= {w for w, c in words.tables()["cls"].items() if c[0] in ("card", "zero")}
    ws -= {"last"}
    ws |= {"half"}          # ("half-year revenue": the last half-year done)
    num = lexicon.alternation({w for w, c in words.tables()["cls"].items() if c[0] in ("card", "zero")})
    gate = ws | {"year", "years", "month", "months", "week", "weeks", "day", "days", "quarter", "half", "ago",
                 "decade", "decades"}
    for table in ("parts", "month_parts"):
        gate |= {w for k in t[table] for w in re.split(r"[ \t-]+", k)} - {"the", "of"}
    # one character class first, so the engine scans for it in C (an alternation it tries everywhere)
    # ("上半年", "前三季度", "第四季度", "四季度": a part of a year, relative to the reference date)
    plain = re.compile(r"[\dqhf明去今上下前第一二三四](?:(?<=\d)\d*|(?<=[qh])[1-4]|(?<=f)y|(?<=[明去今])年"
                       r"|(?<=[上下])(?=半年)|(?<=前)(?=[二三]个?季度)|(?<=第)(?=[一二三四]季度)|(?<=[一二三四])(?=季度))")
    wordy = re.compile(rf"(?<![a-z])(?:(?:{lexicon.alternation(ws)})(?![a-z])"
                       rf"|(?:this|next|last|the)[ \t]+(?=[a-z\d])|in[ \t]+(?=\d|(?:{num})(?![a-z]))"
                       rf"|an?[ \t]+(?=(?:month|year|week|day|decade)s?[ \t]+ago))")
    return plain, wordy, frozenset(gate)


def _positions(lw: str) -> list[int]:
    plain, wordy, gate = _triggers()
    pos = [m.start() for m in plain.finditer(lw)]
    if not gate.isdisjoint(word_set(lw)):
        pos = sorted(set(pos + [m.start() for m in wordy.finditer(lw)]))
    return pos


def _nearest_year(ref: dt.date, n: int, size: int) -> int:
    """The year whose ``n``-th part of ``size`` months lies nearest the reference date ("in the second
    half", "上半年" without their year)."""
    def middle(year: int) -> dt.date:
        return dt.date(year, size * (n - 1) + 1, 1) + dt.timedelta(days=15 * size)
    return min((ref.year - 1, ref.year, ref.year + 1), key=lambda year: abs((middle(year) - ref).days))


_OPENING_MARKS = " \t\"'“‘("
# the verb after a month that opens a sentence as its subject ("March was", "May saw", "March deliveries
# rose" has a noun first and stays the verb's "march")
_MONTH_AS_SUBJECT = re.compile(r"[ \t]+(?:was|is|saw|brought|marked|proved|turned\s+out)\b")


def _month(s: str) -> int:
    return int(tables()["months"][s.lower().rstrip(".")])


def _day(g: str | None, w: str | None) -> int | None:
    if g:
        return int(re.sub(r"\D", "", g))
    if w:
        return int(tables()["days"].get(" ".join(w.lower().split()).replace(" ", " "), 0)) or None
    return None


def _month_range(y: int, m1: int, m2: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m1, 1), dt.date(y, m2, calendar.monthrange(y, m2)[1])


def _num(s: str) -> float | None:
    if s.isdigit():
        return float(s)
    if s.lower() in ("a", "an"):            # "a month ago"
        return 1.0
    got = words.parse_run(s)
    return got[0].value if got and got[0].end >= len(s.strip()) - 1 else None


def _shift(ref: dt.date, n: float, unit: str) -> dt.date | None:
    unit = unit.lower().rstrip("s")
    n = int(n)
    try:
        if unit == "day":
            return ref + dt.timedelta(days=n)
        if unit == "week":
            return ref + dt.timedelta(weeks=n)
        months = n * {"month": 1, "year": 12, "decade": 120}[unit]
        y, m = divmod(ref.month - 1 + months, 12)
        day = min(ref.day, calendar.monthrange(ref.year + y, m + 1)[1])
        return dt.date(ref.year + y, m + 1, day)
    except (ValueError, OverflowError, KeyError):
        return None


@functools.lru_cache(maxsize=512)
def find(text: str, reference: dt.date | None) -> tuple[DateHit, ...]:
    """All date expressions in ``text`` (normalised digits), left to right (cached: the pipeline
    asks for the dates of a sentence and then for its quantities, which skip the dates)."""
    return tuple(_find(text, reference))


def _find(text: str, reference: dt.date | None) -> list[DateHit]:
    out: list[DateHit] = []
    t = tables()
    lw = lower_ascii(text)
    for m in dispatch.match_at(lw, _positions(lw), patterns, patterns_ascii):
        try:
            hit = _hit(m, text, reference, t)
        except ValueError:
            hit = None
        if hit is not None:
            if text[hit.end - 1] == "." and hit.end >= 2 and text[hit.end - 2].isalpha():
                # "in April." or "second of Aug.": a period after a closing month name is not part of
                # the date (a sentence's end, or an abbreviation's, which the span can do without)
                hit = replace(hit, end=hit.end - 1)
            out.append(hit)
    return _shared_years(out, text)


_JOINED = re.compile(r"[ \t]*(?:[-–]|(?:to|and|or|through|until)[ \t]+)[ \t]*", re.I)


def _shared_years(hits: list[DateHit], text: str) -> list[DateHit]:
    """ "pushed back from June to August 2025", "between March 3 and May 9, 2024": a month (or day)
    written without its year, joined to one written with it, is of that year (of the year before
    when its month comes later), not of the year nearest the reference date."""
    for i, (bare, full) in enumerate(zip(hits, hits[1:])):
        if bare.iso.startswith("XXXX") and not full.iso.startswith("XXXX") and not full.relative \
                and bare.first is not None and full.first is not None \
                and bare.granularity in ("month", "day") and full.granularity in ("month", "day") \
                and _JOINED.fullmatch(text, bare.end, full.start):
            year = full.first.year - (1 if (bare.first.month, bare.first.day) > (full.first.month, full.first.day) else 0)
            if year != bare.first.year:
                try:
                    first, last = bare.first.replace(year=year), bare.last.replace(year=year)
                except ValueError:
                    continue        # "February 29 to March 3, 2025": no such day that year
                hits[i] = replace(bare, first=first, last=last, iso=f"{year:04d}" + bare.iso[4:])
    return hits


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]*$")


def _number_word_before(text: str, start: int) -> bool:
    word = _WORD_BEFORE.search(text, max(0, start - 16), start)
    return bool(word) and word.group(1).lower() in words.tables()["cls"]


def _deadline(text: str, start: int) -> bool:
    before = text[max(0, start - 20):start].lower().rstrip()
    return before.endswith(tables()["deadline"])


def _yto_hit(s: int, e: int, y: int, mo: int, text: str) -> DateHit:
    """Twelve months to the end of month ``mo`` of year ``y``: that calendar year, or the season it ends."""
    if mo == 12:
        return DateHit(s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", str(y), deadline=_deadline(text, s))
    # the season it ends, as "2023/24" is written
    return DateHit(s, e, dt.date(y - 1, 1, 1), dt.date(y, 12, 31), "season", f"{y - 1}/{y}", deadline=_deadline(text, s))


def _hit(m: re.Match, text: str, ref: dt.date | None, t: dict) -> DateHit | None:
    g = m.lastgroup
    s, e = m.start(), m.end()
    G = m.group

    def day_hit(y, mo, d):
        first = dt.date(y, mo, d)
        return DateHit(s, e, first, first, "day", first.isoformat(), deadline=_deadline(text, s))

    def month_hit(y, mo):
        a, b = _month_range(y, mo, mo)
        return DateHit(s, e, a, b, "month", f"{y:04d}-{mo:02d}", deadline=_deadline(text, s))

    def quarter_hit(y, q):
        a, b = _month_range(y, 3 * q - 2, 3 * q)
        return DateHit(s, e, a, b, "quarter", f"{y}-Q{q}", deadline=_deadline(text, s))

    def half_hit(y, h):
        a, b = _month_range(y, 6 * h - 5, 6 * h)
        return DateHit(s, e, a, b, "half", f"{y}-H{h}", deadline=_deadline(text, s))

    def months_hit(y, m1, m2):
        # whole months that make a quarter or a half are that quarter or half ("the last three months of 2023")
        if m2 - m1 == 2 and m1 % 3 == 1:
            return quarter_hit(y, (m1 + 2) // 3)
        if m2 - m1 == 5 and m1 in (1, 7):
            return half_hit(y, 1 if m1 == 1 else 2)
        a, b = _month_range(y, m1, m2)
        return DateHit(s, e, a, b, "months", f"{y}-{m1:02d}/{y}-{m2:02d}", deadline=_deadline(text, s))

    def no_year(mo, d=None):
        iso = f"XXXX-{mo:02d}" + (f"-{d:02d}" if d else "")
        if d and (d > calendar.monthrange(2000, mo)[1]):
            return None
        first = last = None
        if ref:
            # a month more than half a year after the reference is last year's ("shipments slowed in
            # December", written in January); otherwise the reference year's
            y = ref.year - 1 if mo - ref.month > 6 else ref.year
            if d:
                try:
                    first = last = dt.date(y, mo, d)
                except ValueError:
                    first = last = None
            else:
                first, last = _month_range(y, mo, mo)
        return DateHit(s, e, first, last, "day" if d else "month", iso)

    if g == "yto":
        mo = _month(G("yto_m"))
        if not G("yto_y"):
            # "in the fiscal year ended March 31", without its year: the last such year ended by the reference date
            if not ref:
                return None
            y = ref.year if mo <= ref.month else ref.year - 1
            hit = _yto_hit(s, e, y, mo, text)
            return replace(hit, relative=True)
        y = int(G("yto_y"))
        return _yto_hit(s, e, y, mo, text)
    if g == "mto":
        n, m2 = _num(G("mto_n")), _month(G("mto_m"))
        if n is None or not 2 <= n <= 11 or n != int(n):
            return None
        if G("mto_y"):
            y = int(G("mto_y"))
        elif ref:
            y = ref.year if m2 <= ref.month else ref.year - 1     # the last such month ended by the reference date
        else:
            return None
        m1 = m2 - int(n) + 1
        if m1 < 1:
            # "the six months to February 29": months across a year's turn (a fiscal half)
            a, b = dt.date(y - 1, m1 + 12, 1), dt.date(y, m2, calendar.monthrange(y, m2)[1])
            hit = DateHit(s, e, a, b, "months", f"{y - 1}-{m1 + 12:02d}/{y}-{m2:02d}", deadline=_deadline(text, s))
        else:
            hit = months_hit(y, m1, m2)
        return hit if G("mto_y") else replace(hit, relative=True)
    if g == "fy":
        if G("fy_y"):
            y = int(G("fy_y"))
            if G("fy_z"):
                following = int(G("fy_z")) if len(G("fy_z")) == 4 else (y // 100) * 100 + int(G("fy_z"))
                if following != y + 1:
                    return None
            else:
                y -= 1            # "FY2024" ends in 2024
        else:
            y = 2000 + int(G("fy_s"))
            if G("fy_s2"):
                if int(G("fy_s2")) != (y + 1) % 100:
                    return None
            else:
                y -= 1            # "FY24" ends in 2024
        return DateHit(s, e, dt.date(y, 1, 1), dt.date(y + 1, 12, 31), "season", f"{y}/{y + 1}", deadline=_deadline(text, s))
    if g == "fyp":
        y = int(G("fyp_y")) - 1     # (the fiscal year ending in the year named)
        return DateHit(s, e, dt.date(y, 1, 1), dt.date(y + 1, 12, 31), "season", f"{y}/{y + 1}", deadline=_deadline(text, s))
    if g == "sea":
        y = int(G("sea_y"))
        following = int(G("sea_z4")) if G("sea_z4") else (y // 100) * 100 + int(G("sea_z"))
        if following != y + 1 and G("sea_z") and 1 <= int(G("sea_z")) <= 12:
            return month_hit(y, int(G("sea_z")))       # "2016-11": a month
        if following != y + 1:    # "2019-21", "2011/13": a run of years, read from its first
            return DateHit(s, s + 4, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", str(y), deadline=_deadline(text, s))
        return DateHit(s, e, dt.date(y, 1, 1), dt.date(y + 1, 12, 31), "season", f"{y}/{y + 1}",
                       deadline=_deadline(text, s))
    if g == "iso":
        return day_hit(int(G("iso_y")), int(G("iso_m")), int(G("iso_d")))
    if g == "ymd":
        return day_hit(int(G("ymd_y")), int(G("ymd_m")), int(G("ymd_d")))
    if g == "yMd":
        return day_hit(int(G("yMd_y")), _month(G("yMd_m")), _day(G("yMd_d"), None))
    if g == "dmy":
        a, b = int(G("dmy_a")), int(G("dmy_b"))
        mo, d = (b, a) if a > 12 else (a, b)
        return day_hit(int(G("dmy_y")), mo, d)
    if g == "dMy":
        return day_hit(int(G("dMy_y")), _month(G("dMy_m")), _day(G("dMy_d"), None))
    if g == "Mdy":
        return day_hit(int(G("Mdy_y")), _month(G("Mdy_m")), _day(G("Mdy_d"), None))
    if g in ("mdy", "dmY"):
        mo = _month(G(g + "_m"))
        d = _day(G(g + "_d"), G(g + "_w"))
        if not d:
            return None
        mword = G(g + "_m").lower().rstrip(".")
        if G(g + "_y"):
            y = years.value(G(g + "_y"))
            return day_hit(y, mo, d) if y else None
        if mword in ("may", "march") and G(g + "_w") and (g == "mdy" or text[m.start(g + "_m")] == "m"):
            return None          # "may twenty", "One may ask": the verb next to a number word
        return no_year(mo, d)
    if g in ("my", "myw"):
        y = years.value(G(g + "_y"))
        return month_hit(y, _month(G(g + "_m"))) if y else None
    if g == "ym":
        return month_hit(int(G("ym_y")), _month(G("ym_m")))
    if g == "yn":
        return month_hit(int(G("yn_y")), int(G("yn_m")))
    if g == "myy":
        # "Dec '22": a two-digit year with an apostrophe is this century's
        return month_hit(2000 + int(G("myy_y")), _month(G("myy_m")))
    if g == "hh":
        return half_hit(int(G("hh_y")), int(G("hh_h")))
    if g == "ny":
        return month_hit(int(G("ny_y")), int(G("ny_m")))
    if g in ("q", "qy"):
        if g == "q":
            q, y = int(t["quarters"][G("q_o").lower()]), int(G("q_y"))
        else:
            q = int(G("qy_q") or G("qy_q2"))
            y = int(G("qy_y") or G("qy_y2"))
        return quarter_hit(y, q)
    if g == "yq":
        # "2026's first quarter", "2025's second half"
        y = int(G("yq_y"))
        if G("yq_q"):
            return quarter_hit(y, int(t["quarters"][G("yq_q").lower()]))
        return half_hit(y, int(t["halves"][G("yq_h").lower()]))
    if g in ("h", "hy"):
        h = int(t["halves"][G("h_o").lower()]) if g == "h" else int(G("hy_h"))
        return half_hit(int(G("h_y") if g == "h" else G("hy_y")), h)
    if g == "part":
        p = (G("part_p") or G("part_p2")).lower()
        y = int(G("part_y") or G("part_y2"))
        m1, m2 = t["parts"][" ".join(p.split())]
        a, b = _month_range(y, int(m1), int(m2))
        if (int(m1), int(m2)) == (1, 12):     # "over the course of 2027": the whole year
            return DateHit(s, e, a, b, "year", str(y), deadline=_deadline(text, s))
        return DateHit(s, e, a, b, "range", f"{y}-{int(m1):02d}/{y}-{int(m2):02d}", deadline=_deadline(text, s))
    if g == "mpart":
        d1, d2 = (int(x) for x in t["month_parts"][" ".join(G("mpart_p").split())])
        mo = _month(G("mpart_m"))
        # (without its year, as a bare month: "at the end of December", written in March, is last year's)
        y = int(G("mpart_y")) if G("mpart_y") else ((ref.year - 1 if mo - ref.month > 6 else ref.year) if ref else None)
        # without any year, February may still have its 29th
        d2 = min(d2, calendar.monthrange(y or 2000, mo)[1])
        a = b = None
        if y:
            a, b = dt.date(y, mo, d1), dt.date(y, mo, d2)
        shown = G("mpart_y") or "XXXX"        # like a month without its year: resolved, iso unknown
        return DateHit(s, e, a, b, "range", f"{shown}-{mo:02d}-{d1:02d}/{shown}-{mo:02d}-{d2:02d}",
                       deadline=bool(y) and _deadline(text, s))
    if g == "mspan":
        m1, m2 = _month(G("mspan_a")), _month(G("mspan_b"))
        if m1 >= m2:
            return None          # "the July-June season": a span of months that names a season
        if G("mspan_y"):
            y = int(G("mspan_y"))
        elif ref is not None:
            # the span named without a year is the last one begun by the reference date ("the April-June
            # quarter", written in February 2025, is 2024's)
            y = ref.year - 1 if m1 - ref.month > 1 else ref.year
        else:
            return None
        # (a span of months, not a quarter, with its year read from the reference date, as "in March" is: no
        # date to hold a done deed against)
        hit = months_hit(y, m1, m2)
        return replace(hit, relative=True) if not G("mspan_y") and hit.granularity == "months" else hit
    if g == "nmon":
        n = _num(G("nmon_n"))
        if n is None or not 1 <= n <= 11 or n != int(n):
            return None
        y, n = int(G("nmon_y")), int(n)
        m1, m2 = (1, n) if G("nmon_f") else (13 - n, 12)
        # "the first ten months of 2024": a stretch of whole months, a period of its own
        return months_hit(y, m1, m2)
    if g == "nrel":
        n = _num(G("nrel_n"))
        if not ref or n is None or not 1 <= n <= 11 or n != int(n):
            return None
        n = int(n)
        if G("nrel_l") and not G("nrel_r"):
            return None           # "in the last six months": a stretch back from now, no months of one year
        y = ref.year + {"last": -1, "next": 1}.get((G("nrel_r") or "").lower(), 0)
        m1, m2 = (1, n) if G("nrel_f") else (13 - n, 12)
        if y == ref.year and G("nrel_f") and m2 > ref.month:
            y -= 1                # "in the first nine months", written in March: last year's
        return replace(months_hit(y, m1, m2), relative=True)
    if g == "zhm":
        if G("zhm_y"):
            y = int(G("zhm_y"))
        elif G("zhm_r") and ref is not None:
            y = ref.year + int(t["rel_years"][G("zhm_r")][0])
        elif ref is not None and G("zhm_a"):
            # "1—5月累计进口": the span of the year the article stands in (the last one ended, early in a year)
            y = ref.year - 1 if int(G("zhm_b")) > ref.month else ref.year
        else:
            return None
        n = "一二三四五六七八九十".find(G("zhm_n")[-1]) + 1 + (10 if G("zhm_n") == "十一" else 0) \
            if G("zhm_n") and not G("zhm_n").isdigit() else int(G("zhm_n") or 0)
        m1, m2 = (1, n) if G("zhm_n") else (int(G("zhm_a")), int(G("zhm_b")))
        if not 1 <= m1 < m2 <= 12:
            return None
        a, b = _month_range(y, m1, m2)
        hit = DateHit(s, e, a, b, "months", f"{y}-{m1:02d}/{y}-{m2:02d}")
        return replace(hit, relative=True) if G("zhm_r") else hit
    if g == "zhrm":
        if ref is None:
            return None
        y = ref.year + int(t["rel_years"][G("zhrm_r")][0])
        hit = day_hit(y, int(G("zhrm_m")), int(G("zhrm_d"))) if G("zhrm_d") else month_hit(y, int(G("zhrm_m")))
        return replace(hit, relative=True) if hit is not None else None
    if g == "zhmd":
        return no_year(int(G("zhmd_m")), int(G("zhmd_d")))
    if g == "zh":
        y = int(G("zh_y"))
        if G("zh_h"):
            return half_hit(y, 1 if G("zh_h") == "上" else 2)
        if G("zh_q"):
            return quarter_hit(y, "一二三四1234".index(G("zh_q")) % 4 + 1)
        if G("zh_d"):
            return day_hit(y, int(G("zh_m")), int(G("zh_d")))
        if G("zh_m"):
            return month_hit(y, int(G("zh_m")))
        return DateHit(s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", str(y), deadline=_deadline(text, s))
    if g == "zhp":
        if not ref:
            return None
        if G("zhp_n"):
            n, size = "二三".index(G("zhp_n")) + 2, 3
        elif G("zhp_h"):
            n, size = (1 if G("zhp_h") == "上" else 2), 6
        else:
            n, size = "一二三四".index(G("zhp_q")) + 1, 3
        y = ref.year + int(t["rel_years"][G("zhp_r")][0]) if G("zhp_r") else _nearest_year(ref, n, size)
        if G("zhp_n"):
            a, b = _month_range(y, 1, 3 * n)
            return DateHit(s, e, a, b, "months", f"{y}-01/{y}-{3 * n:02d}", relative=True)
        return replace((quarter_hit if size == 3 else half_hit)(y, n), relative=True)
    if g == "prel":
        quarter = bool(G("prel_q"))
        n = int(t["quarters"][G("prel_q").lower()]) if quarter else int(t["halves"][G("prel_h").lower()])
        if not ref:               # still a period, not a fraction: "half" here is no share
            return DateHit(s, e, None, None, "quarter" if quarter else "half",
                           f"XXXX-{'Q' if quarter else 'H'}{n}", relative=True)
        shift = {"next": 1, "the following": 1, "last": -1, "the previous": -1}.get(" ".join(G("prel_r").lower().split()), 0)
        hit = (quarter_hit if quarter else half_hit)(ref.year + shift, n)
        return replace(hit, relative=True)
    if g == "qbare":
        if not ref:
            return None
        if G("qbare_h") or G("qbare_ah"):
            n, size = int(t["halves"][(G("qbare_h") or G("qbare_ah")).lower()]), 6
        elif G("qbare_o") or G("qbare_ao") or G("qbare_m"):
            ordinal = G("qbare_o") or G("qbare_ao")
            n, size = (int(t["quarters"][ordinal.lower()]) if ordinal else _month(G("qbare_m")) // 3), 3
        elif G("qbare_bh") or G("qbare_hy"):   # "in the half", "half-year revenue": the last half-year done by the reference date
            n = (ref.month - 1) // 6
            return replace(half_hit(ref.year if n else ref.year - 1, n or 2), relative=True)
        else:                     # "in the quarter": the last quarter done by the reference date
            n, size = (ref.month - 1) // 3, 3
            y = ref.year if n else ref.year - 1
            return replace(quarter_hit(y, n or 4), relative=True)
        return replace((quarter_hit if size == 3 else half_hit)(_nearest_year(ref, n, size), n), relative=True)
    if g == "mnext":
        if not ref:
            return None
        y = ref.year + {"next": 1, "last": -1, "this": 0}[G("mnext_r").lower()]
        a, b = _month_range(y, _month(G("mnext_m")), _month(G("mnext_m")))
        return DateHit(s, e, a, b, "month", f"{y}-{a.month:02d}", relative=True)
    if g == "Md":
        return no_year(_month(G("Md_m")), _day(G("Md_d"), None))
    if g == "nthm":
        mo = t["ordinals"].get(G("nthm_o").lower())
        return month_hit(int(G("nthm_y")), mo) if mo and mo <= 12 else None
    if g == "relm":
        if not ref:
            return None
        if G("relm_m") in ("may", "march") and text[m.start("relm_m")] == "m":
            return None          # "This may take longer": the verb, not the month (a month is capitalised)
        mo = _month(G("relm_m"))
        r = G("relm_r").lower()
        y = ref.year
        if r == "next" and mo <= ref.month:
            y += 1
        elif r == "last" and mo >= ref.month:
            y -= 1
        a, b = _month_range(y, mo, mo)
        return DateHit(s, e, a, b, "month", f"{y}-{mo:02d}", relative=True)
    if g == "ry":
        if not ref:
            return None
        if text.startswith(t["relative_not_before"], e):
            return None           # "较去年同期": the same period of last year, a comparison, not the year
        off, r1, r2 = t["rel_years"][" ".join(G("ry_x").lower().split())]
        y = ref.year + int(off)

        def mon(rule):
            return {"jan": 1, "dec": 12, "pub": ref.month, "pub+1": min(12, ref.month + 1),
                    "pub-1": max(1, ref.month - 1)}[rule]
        a, b = _month_range(y, mon(r1), mon(r2))
        iso = str(y) if (r1, r2) == ("jan", "dec") else f"{y}-{a.month:02d}/{y}-{b.month:02d}"
        return DateHit(s, e, a, b, "year" if (r1, r2) == ("jan", "dec") else "range", iso, relative=True,
                       deadline=_deadline(text, s))
    if g == "rm":
        if not ref:
            return None
        d = _shift(ref.replace(day=1), t["rel_months"][G("rm_x").lower()], "month")
        a, b = _month_range(d.year, d.month, d.month)
        return DateHit(s, e, a, b, "month", f"{d.year}-{d.month:02d}", relative=True)
    if g == "rd":
        if not ref:
            return None
        if text[s].isupper() and text[:s].rstrip(" \t\"'“‘(—–-").rstrip()[-1:] not in ("", ".", "!", "?", ":", ";"):
            return None           # "(Mining Africa Today)", "USA Today": a capitalised "Today" inside a name
        d = ref + dt.timedelta(days=int(t["rel_days"][G("rd_x").lower()]))
        return DateHit(s, e, d, d, "day", d.isoformat(), relative=True)
    if g in ("ago", "inn"):
        if not ref:
            return None
        if g == "inn" and t["lookback"].search(text, max(0, s - 60), s):
            return None          # "the strongest output in five years": a look back, not a future date
        n = _num(G(g + "_n"))
        if n is None or n != int(n):
            return None
        unit = G(g + "_u")
        d = _shift(ref, -n if g == "ago" else n, unit)
        if d is None:
            return None
        return DateHit(s, e, d, d, "day", d.isoformat(), relative=True, offset=True)
    if g == "md":
        a, b = int(G("md_a")), int(G("md_b"))
        if 1 <= a <= 12 and 12 < b <= 31:
            return no_year(a, b)
        if 12 < a <= 31 and G("md_b").startswith("0") and 1 <= b <= 12:
            return no_year(b, a)
        return None
    if g == "mon":
        word = G("mon_m").lower().rstrip(".")
        if len(word) <= 3 and word not in ("may",):
            return None
        if text[max(0, s - 5):s].lower().endswith(t["month_not_after"]):
            return None          # "pre-April levels": the time before a month, not the month
        if t["month_span_before"].search(text, max(0, s - 12), s) or t["month_span_after"].match(text, e):
            return None          # "the July-June season": a span of months that names a season
        prev = _WORD_BEFORE.search(text, max(0, s - 12), s)
        pw = prev.group(1).lower() if prev else ""
        if word in ("may", "march") and pw not in ("in", "the", "of", "since", "from", "until", "early", "late", "mid", "by", "last", "next", "this") \
                and not (not text[:s].strip(_OPENING_MARKS) and _MONTH_AS_SUBJECT.match(text, e)):
            return None     # (but "March was the busiest month of the quarter": a month opening the sentence as its subject)
        mo = _month(word)
        return no_year(mo)
    if g in ("year", "yw"):
        y = years.value(G(g + "_y"))
        prev = _WORD_BEFORE.search(text, max(0, s - 16), s)
        pw = prev.group(1).lower() if prev else ""
        if not y or pw not in t["cues"]:
            return None
        if g == "yw" and pw == "and" and _number_word_before(text, prev.start()):
            return None          # "two hundred and two thousand": the end of a number, not a year
        return DateHit(s, e, dt.date(y, 1, 1), dt.date(y, 12, 31), "year", str(y), deadline=_deadline(text, s))
    return None
