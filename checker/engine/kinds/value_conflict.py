"""value_conflict: facts about the same measure and period whose intervals do not overlap."""
from __future__ import annotations

from collections import defaultdict

from checker.engine.batch import Batch
from checker.engine.evidence import evidence, fingerprint, interval, render_message
from checker.engine.kinds.sides import split_sides
from checker.engine.rules import Rule
from checker.model import INF, Fact, Finding

PARAMS = {
    # tolerance per kind of figure: points for shares, a relative fraction for amounts
    "share_tolerance": (float, 0.0),
    "amount_tolerance": (float, 0.0),
    # an undated ("current") figure is compared with dated figures of these years relative to
    # its publication year, the first that any source dates; else with the year before publication
    "current_year_offsets": (list, [-1, 0, -2]),
    "cross_article_only": (bool, True),
    "kinds": (list, ["share", "amount"]),
    "attributed_severity": (str, ""),
    # a measure whose sources fall into more sides than this is taken as misaligned, not reported
    "max_sides": (int, 3),
    # a forecast published more than this many days before another of the same measure is taken as revised
    # by it (a negative number compares every forecast with every other)
    "forecast_revision_days": (int, 30),
    # goods made from a source ("electricity"): a named subject's amount of one joins the one group of the
    # same subject and measure told by its source ("Nam Sena 2 generated 3.9 TWh" beside "The Nam Sena 2
    # hydropower plant generated 4,610 GWh"), unless one article tells both (then they are two measures)
    "output_commodities": (list, []),
}


def _unit(fact: Fact) -> str | None:
    return fact.value.base_unit


def period_buckets(facts: list[Fact], offsets: list[int]) -> dict[str, list[Fact]]:
    """Facts by the period they speak of: a dated fact by its period, an undated ("current") one by
    its article's year plus the first offset that meets a dated period of the group. The archive
    look-up buckets with the same function, so it reads exactly the periods a rule would compare."""
    # (a period the article's context gave a figure counts too: "Its own ranches supplied 44% of the milk",
    # after a sentence about 2024, is of 2024, and a "now" of 2025 is compared with it, not with 2023)
    dated_years = {f.period for f in facts if f.period != "current"}
    buckets: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.dated or fact.period != "current":      # a stock, or undated in an article about one year
            buckets[fact.period].append(fact)
            continue
        year = fact.article.published.year if fact.article.published else None
        if year is None:
            buckets["current"].append(fact)
            continue
        chosen = next((str(year + o) for o in offsets if str(year + o) in dated_years), str(year + offsets[0]) if offsets else str(year))
        buckets[chosen].append(fact)
    return buckets


def _measure(fact: Fact, period: str, labels: dict[str, str], facts: list[Fact] = ()) -> str:
    # (a name no lexicon labels is called as its sources write it: the first fact that writes the name
    # itself, not "the company" or "it" standing for it, or else the first that names it at all)
    surfaces = [s for s in (fact.subject_surface, *(f.subject_surface for f in facts)) if s]
    own = fact.subject.split(":", 1)[1].split()[0] if fact.subject.startswith("name") else ""
    # (when every source only points to it, "It", "the group's": the name its id spells)
    spelled = " ".join(w[:1].upper() + w[1:] for w in fact.subject.split(":", 1)[1].split()) if own else ""
    surface = next((s for s in surfaces if own and own in s.lower()), spelled or (surfaces[0] if surfaces else ""))
    subject = labels.get(fact.subject, surface or fact.subject)
    commodity = labels.get(fact.commodity, fact.commodity.replace("_", " "))
    metric = labels.get("metric:" + fact.metric, fact.metric.replace("_", " "))
    if fact.kind == "share":
        scope = fact.scope
        where = "global" if scope == "global" else "the article's" if scope.startswith("local:") else (
            _whose(labels.get(scope.split(':', 1)[1], scope.split(':', 1)[1])) if scope.startswith(("imports:", "of:")) else
            f"in {labels.get(scope.split(':', 1)[1], scope.split(':', 1)[1])}" if scope.startswith("in:") else scope)
        what = f"{_whose(subject)} share of {where} {commodity} {metric}".replace("  ", " ")
        if scope.startswith("imports:"):
            what = f"{_whose(subject)} share of {_whose(labels.get(scope[8:], scope[8:]))} {commodity} imports"
        elif scope == f"of:{fact.subject}" and commodity:
            # a part of the subject's own whole: "solar's share of the European Union's production"
            what = f"{_whose(commodity)} share of {_whose(subject)} {metric}"
    else:
        what = f"{_whose(subject)} {commodity} {metric}".replace("  ", " ")
    when = "stock" if period == "stock" else period
    return f"{what}, {when}"


def _whose(name: str) -> str:
    """ "Coralway Cruise Holdings'", "China's"."""
    if name.endswith(("'s", "’s")):
        return name         # a possessive as written ("the group's")
    return name + ("'" if name.endswith("s") else "'s")


def _join_unnamed_commodity(groups: dict[tuple, list[Fact]]) -> None:
    """ "The company booked orders totalling about 11,300 MW" beside "Nordvind booked 14.2 GW of turbine
    orders": a company's or project's figure that names no commodity joins the one group of the same
    measure that does, when there is exactly one (money and counts stay apart: they measure anything)."""
    for key in [k for k in groups if k[1] == "" and k[0].startswith("name:") and k[4].startswith("amount:")
                and not k[4].startswith(("amount:currency", "amount:count"))]:
        subject, _, metric, scope, kind = key
        named = [k for k in groups if k[0] == subject and k[1] and k[2:] == (metric, scope, kind)]
        if len(named) == 1:
            groups[named[0]].extend(groups.pop(key))


def _join_output_to_source(groups: dict[tuple, list[Fact]], outputs: frozenset[str]) -> None:
    """A named subject's amount of an output (see ``output_commodities``) joins the one group of the same
    subject, measure and kind told by the output's source, when no article tells both."""
    for key in [k for k in groups if k[1] in outputs and k[0].startswith("name:")]:
        subject, _, metric, scope, kind = key
        sources = [k for k in groups if k[0] == subject and k[1] and k[1] not in outputs and k[2:] == (metric, scope, kind)]
        if len(sources) != 1:
            continue
        told = {f.article.id for f in groups[key]}
        if told.isdisjoint(f.article.id for f in groups[sources[0]]):
            groups[sources[0]].extend(groups.pop(key))


def run(rule: Rule, batch: Batch) -> list[Finding]:
    """One finding per measure whose sources fall on sides that do not overlap."""
    kinds = set(rule.param("kinds"))
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in batch.facts:
        base_kind = fact.kind.split(":", 1)[0]
        if base_kind in kinds:
            groups[fact.key].append(fact)
    _join_unnamed_commodity(groups)
    _join_output_to_source(groups, frozenset(rule.param("output_commodities")))
    findings: list[Finding] = []
    for key in sorted(groups):
        facts = groups[key]
        if len({f.article.id for f in facts}) < 2 and rule.param("cross_article_only"):
            continue
        for period, items in sorted(period_buckets(facts, rule.param("current_year_offsets")).items()):
            finding = _conflict(rule, batch, items, period)
            if finding:
                findings.append(finding)
    return findings


def _latest_forecasts(facts: list[Fact], days: int) -> list[Fact]:
    """Forecasts of a period are revised: one published more than ``days`` before another forecast of the same measure
    ("expects Spain's 2023/24 harvest to reach about 765,000 tonnes", in January, then "is forecast to make
    about 850,000 tonnes", in March) is replaced by it, not contradicted."""
    if days < 0 or not any(f.kind.endswith("forecast") for f in facts):
        return facts
    dates = [f.article.published for f in facts if f.kind.endswith("forecast") and f.article.published is not None]
    latest = max(dates, default=None)
    return [f for f in facts if not (f.kind.endswith("forecast") and latest is not None and f.article.published is not None
                                     and (latest - f.article.published).days > days)]


def _current(facts: list[Fact], days: int = -1) -> list[Fact]:
    """The facts no later revision replaced: "raised its estimate to 2.4 Moz from 2.1" supersedes an
    earlier article's 2.1 Moz (a figure within the replaced one's interval, published no later); a
    final figure ("said in its final figures") supersedes every other figure published before it."""
    facts = _latest_forecasts(facts, days)
    finals = [f for f in facts if f.final and f.article.published is not None]
    if finals:
        facts = [f for f in facts if f.final or f.article.published is None
                 or not any(f.article.published < r.article.published for r in finals)]
    revisions = [f for f in facts if f.revised_from and f.article.published is not None]
    if not revisions:
        return facts
    return [f for f in facts if not any(
        r is not f and f.article.published is not None and f.article.published <= r.article.published
        and f.value.low <= r.revised_from[1] and r.revised_from[0] <= f.value.high
        and not (r.value.low <= f.value.high and f.value.low <= r.value.high)
        for r in revisions)]


def _conflict(rule: Rule, batch: Batch, facts: list[Fact], period: str) -> Finding | None:
    share = facts[0].kind in ("share", "ratio")    # (percentage points apart)
    tolerance = rule.param("share_tolerance") if share else rule.param("amount_tolerance")

    def apart(lo1: float, hi1: float, lo2: float, hi2: float) -> bool:
        if share:
            return lo2 - hi1 > tolerance or lo1 - hi2 > tolerance
        scale = max(abs(hi1) if hi1 != INF else abs(lo1), abs(hi2) if hi2 != INF else abs(lo2), 1e-12)
        return (lo2 - hi1) / scale > tolerance or (lo1 - hi2) / scale > tolerance

    # one figure per claim and measure: the same sentence quoted twice is one voice
    unique: dict[tuple[str, str], Fact] = {}
    # (a project's planned size, of no period, is a plan stated, not a forecast of a period's outcome)
    for fact in _current(facts, -1 if period == "stock" else rule.param("forecast_revision_days")):
        unique.setdefault((fact.claim.id, fact.value.text), fact)
    sides = split_sides(list(unique.values()), lambda f: (f.value.low, f.value.high), apart)
    if len(sides) < 2 or len(sides) > rule.param("max_sides"):
        return None
    if rule.param("cross_article_only") and len({f.article.id for side in sides for f in side}) < 2:
        return None
    items = []
    side_texts = []
    for side in sides:
        lo = max(f.value.low for f in side)
        hi = min(f.value.high for f in side)
        label = interval(lo, hi, _unit(side[0]))
        surfaces = sorted({f.value.text for f in side})
        side_texts.append(f"{' / '.join(surfaces)} ({len({f.article.id for f in side})} source{'s' if len({f.article.id for f in side}) > 1 else ''})")
        # one voice per article and side: a figure the article repeats (a "Key facts" line after
        # the sentence) is cited where it first stands
        cited: set[str] = set()
        for fact in sorted(side, key=lambda f: (f.article.id, f.claim.start)):
            if fact.article.id not in cited:
                cited.add(fact.article.id)
                items.append(evidence(fact.article, fact.claim, side=label, quantity=fact.value))
    measure = _measure(facts[0], period, batch.labels, facts)
    notes = sorted({n for f in facts for n in f.value.notes})
    attributed = all(f.attributed for side in sides for f in side)
    severity = rule.param("attributed_severity") if attributed and rule.param("attributed_severity") else rule.severity
    message = render_message(rule.message, measure=measure, sides=" vs ".join(side_texts), rule=rule.name)
    if notes:
        message += " [" + "; ".join(notes) + "]"
    return Finding(rule.code, rule.name, rule.category, severity, message, tuple(items), measure,
                   fingerprint(rule.code, measure, items), tuple(notes))
