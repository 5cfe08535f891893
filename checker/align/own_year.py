"""The year an article speaks of when it leaves a figure undated.

A review published in January names last year again and again ("output rose 33% in 2024 ...") and
then states some figures without a year ("Argentina's output jumped to 17,000 tonnes"): those are
last year's too. Left undated, such a figure would be matched by the rules with whatever year its
measure happens to be dated in elsewhere in the batch, and a 2024 figure would meet 2023's.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from checker.model import Article, Fact

# the dated figures that must name last year (and outnumber every other year) before it is the article's
MIN_DATED = 2
# a year in the headline counts as much as this many dated figures
TITLE_WEIGHT = 2
# an article published from this month on may report this year's figures as the year's (a harvest, an estimate)
THIS_YEAR_FROM_MONTH = 10
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|before|through)\s+$", re.I)
# a figure told as of now ("Lumora now has about 1.6 million subscribers") is no figure of last year
_PRESENT = re.compile(r"\b(?:now|currently|today|at present|presently|so far this year)\b", re.I)
_WEEKDAY = re.compile(r"\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|reported|added|noted|wrote|estimated|forecast)\s+(?:\w+\s+){0,2}$", re.I)
_YEAR = re.compile(r"(?<![\d/-])((?:19|20)\d\d)(?![\d/-])")


def own_year(facts: list[Fact], article: Article, lead_year: int | None = None) -> int | None:
    """Last year, or the year of publication, when the article's dated figures name it most; else None.
    ``lead_year`` is the year the first dated sentence names (its lead), which counts as much as the
    headline's. (A November report whose lead is this year's harvest, "World wine production is set to
    fall about 5% to 225.8 million hectolitres in 2024", states "France's output slumped 23% to 36.9
    million hl" of this year, not of the year before that other articles date.)"""
    if article.published is None:
        return None
    last_year = article.published.year - 1
    # goals ("42.5% by 2030") and forecasts say nothing of the year the article reports on
    years = Counter(f.period[:4] for f in facts
                    if f.dated and f.period[:4].isdigit() and not f.kind.endswith(":forecast"))
    # a year in the headline names what the article is about ("... of EU electricity in 2024")
    for match in _YEAR.finditer(article.title or ""):
        if not _DEADLINE_BEFORE.search(article.title, 0, match.start()):
            years[match.group(1)] += TITLE_WEIGHT       # ("eyes 5,000 buses a year by 2030": a goal's year is none)
    if lead_year is not None:
        # ("Chinese shipyards completed 48.18 million dwt of vessels in 2024, ...": the lead names the
        # year the report is about, whether or not its own figures were read)
        years[str(lead_year)] += TITLE_WEIGHT
    if not years:
        return None
    (top, count), *rest = years.most_common(2) + [(None, 0)]
    if top not in (str(last_year), str(last_year + 1)) or count < MIN_DATED or count == rest[0][1]:
        return None
    if top != str(last_year) and (article.published.month < THIS_YEAR_FROM_MONTH
                                  or any(f.dated and f.period.startswith(top) and f.period != top for f in facts)):
        # (a year not mostly gone by has no figures of its own yet; this year's quarter or month told beside
        # it: an undated figure may be of either)
        return None
    return int(top)


def date_undated(facts: list[Fact], article: Article, lead_year: int | None = None,
                 levels: frozenset[str] = frozenset()) -> list[Fact]:
    """Undated figures of an article about last year (or this year) take that year (still marked undated);
    a level (a measure of ``levels``) told as of now ("Seorin now operates 40 stations") takes the month of
    publication (a flow told as of now, "now attracts 46.2 million tourists annually", is last year's rate)."""
    if all(f.dated or f.period != "current" for f in facts):
        return facts
    if article.published is not None:
        # (not last year's level, which it may have grown from: "ended the year with 37 stations")
        # (or on the day of the news: "Farmgate prices in Dak Lak rose to a record 120,000 dong a kilogram on
        # Tuesday", not the day something was said)
        facts = [replace(f, period=f"{article.published:%Y-%m}") if not f.dated and f.period == "current"
                 and (_PRESENT.search(f.claim.text) or _news_day(f.claim.text)) and f.kind.startswith("amount")
                 and not f.kind.endswith(":forecast") and f.metric in levels else f
                 for f in facts]
    year = own_year(facts, article, lead_year)
    if year is None:
        return facts
    return [replace(f, period=str(year)) if not f.dated and f.period == "current" and not _PRESENT.search(f.claim.text) else f
            for f in facts]


def _news_day(text: str) -> bool:
    """Does the sentence date its figure by the day of the news ("... on Tuesday"), not by when it was said?"""
    return any(not _SAID_BEFORE.search(text, max(0, m.start() - 30), m.start()) for m in _WEEKDAY.finditer(text))
