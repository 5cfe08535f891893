"""arithmetic: figures in one article that cannot add up.

* shares of one total stated in one sentence (same measure and period, different subjects)
  whose lower bounds sum above 100% plus a tolerance;
* "X tonnes, Y% of world output" against a world total W stated in the same article (or "Y% of
  Vietnam's shipments" against Vietnam's total): the ratio interval of X and W must meet Y's interval;
* "X tonnes, or Y% of the W tonnes produced": a part, its share and the whole in one sentence;
* "rose 20% from A to B": the rate A and B imply must meet the stated rate;
* "A 65%, B 33% and C the remaining 10%": shares that say they complete a whole must make 100%.
"""
from __future__ import annotations

import re
from collections import defaultdict

from checker.align.growth import BreakdownStatement, GrowthStatement, PartStatement, RemainderStatement, ShareListStatement
from checker.engine.batch import Batch
from checker.engine.evidence import evidence, fingerprint, interval, render_message
from checker.engine.rules import Rule
from checker.model import INF, Fact, Finding
from checker.quantities.hedges import rounding_interval

PARAMS = {
    "sum_tolerance": (float, 0.0),        # points above 100% that a sum of lower bounds may reach
    "ratio_tolerance": (float, 0.0),      # points of slack between a stated share and X / W
    "growth_tolerance": (float, 1.0),     # points of slack between a stated rate and the values it links
    "check_sums": (bool, True),
    "check_ratios": (bool, True),
    "check_growth": (bool, True),
    "check_parts": (bool, True),
    "check_remainders": (bool, True),
    "remainder_tolerance": (float, 1.0),  # points by which shares closed by "the remaining N%" may miss 100%
    "check_breakdowns": (bool, True),
    "breakdown_tolerance": (float, 1.0),  # percent of the total by which its listed parts may exceed it
}


def _measure_key(fact: Fact) -> tuple:
    return (fact.commodity, fact.metric, fact.scope, fact.period)


def _sums(rule: Rule, batch: Batch) -> list[Finding]:
    by_claim: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in batch.facts:
        if fact.kind == "share" and fact.subject != "WORLD":
            by_claim[(fact.claim.id, *_measure_key(fact))].append(fact)
    findings = []
    for key in sorted(by_claim):
        facts = by_claim[key]
        subjects = {f.subject for f in facts}
        if len(subjects) < 2 or len(subjects) != len(facts):
            continue
        total_low = sum(f.value.low for f in facts)
        if total_low <= 100.0 + rule.param("sum_tolerance"):
            continue
        items = [evidence(f.article, f.claim, quantity=f.value) for f in facts]
        measure = f"shares of {facts[0].commodity.replace('_', ' ')} {facts[0].metric} ({facts[0].period})"
        message = render_message(rule.message, measure=measure, detail=f"shares sum to at least {total_low:.1f}%: " +
                                 ", ".join(f"{f.subject_surface} {f.value.text}" for f in facts))
        findings.append(Finding(rule.code, rule.name, rule.category, rule.severity, message, tuple(items), measure,
                                fingerprint(rule.code, measure, items)))
    return findings


def _owner(share: Fact) -> str | None:
    """Whose total a share is of: the world's for a global share, X's for "60% of Vietnam's shipments"."""
    if share.scope == "global":
        return "WORLD"
    return share.scope[3:] if share.scope.startswith("of:") else None


def _ratios(rule: Rule, batch: Batch) -> list[Finding]:
    shares: dict[tuple, list[Fact]] = defaultdict(list)
    amounts: dict[tuple, list[Fact]] = defaultdict(list)
    world_totals: dict[tuple, list[Fact]] = defaultdict(list)
    dated_totals: dict[tuple, list[Fact]] = defaultdict(list)     # (article, commodity, metric, subject, kind)
    for fact in batch.facts:
        key = (fact.article.id, *_measure_key(fact)[:2], fact.period)
        if fact.kind == "share" and (owner := _owner(fact)) is not None:
            shares[(*key, owner)].append(fact)
        elif fact.kind.startswith("amount:"):
            amounts[key].append(fact)
            if fact.subject == "WORLD":
                world_totals[(fact.article.id, fact.commodity, fact.period, fact.kind)].append(fact)
            if fact.dated and not fact.scope:
                dated_totals[(*key[:3], fact.subject, fact.kind)].append(fact)
    findings = []
    checked: set[int] = set()
    slack = rule.param("ratio_tolerance")
    for key in sorted(shares):
        owner = key[-1]
        facts = amounts.get(key[:-1], [])
        parts = [f for f in facts if f.subject != owner]
        if not parts:
            continue
        # one total per kind of amount, and each part only with its own subject's shares:
        # linear in the facts of an article, however dense it is
        totals: dict[str, Fact] = {}
        for total in facts:
            if total.subject == owner and (owner == "WORLD" or not total.scope):
                totals.setdefault(total.kind, total)
        if not totals and owner == "WORLD":
            # "X's output of 3,100 t represented 8.1% of the world total": when the article states one
            # world total of that commodity and period, "the world total" is that one, whatever its metric
            # (not when the share names a measure of its own that the total is not: "about 8% of world trade"
            # beside world production)
            generic = any(_TOTAL_WORD.search(s.claim.text) for s in shares[key])
            # ("Morocco bought 75,000 tonnes, or about a fifth of the total", before the world's output is
            # told: a bare "the total" points back, never on to a total of another measure told later)
            # (but "of the global total" names the world's, told before or after)
            first_share = -1 if any(_WORLD_WORD.search(s.claim.text) for s in shares[key]) else min(s.claim.start for s in shares[key])
            for kind in {p.kind for p in parts}:
                candidates = [f for f in world_totals.get((key[0], key[1], key[3], kind), [])
                              if f.metric == key[2] or (generic and (first_share < 0 or f.claim.start <= first_share))]
                if len({(f.metric, f.value.text) for f in candidates}) == 1:
                    totals[kind] = candidates[0]
        if not totals and owner != "WORLD" and all(not f.dated for f in shares[key]):
            # "The Philippines took 3.1 Mt, or about 60% of Vietnam's shipments", after "Vietnam exported
            # 8.1 Mt in 2023": an undated part of a whole the article dated once is of that whole
            for kind in {p.kind for p in parts if not p.dated}:
                candidates = dated_totals.get((*key[:3], owner, kind), [])
                if len({(f.period, f.value.text) for f in candidates}) == 1:
                    totals[kind] = candidates[0]
        shares_of: dict[str, list[Fact]] = defaultdict(list)
        for share in shares[key]:
            shares_of[share.subject].append(share)
        # each share is checked once, with the amount told nearest to it ("Thailand produced 8.8 Mt",
        # then "The 8.8 Mt Thailand produced was roughly 9% of ...": the second one)
        checks: dict[int, tuple[tuple, Fact, Fact, Fact]] = {}
        for part in parts:
            total = totals.get(part.kind)
            if total is None or total.value.low <= 0 or total.value.high == INF:
                continue
            own = shares_of.get(part.subject, [])
            # the share stated with the amount, else the nearest share of the same subject
            same_claim = [f for f in own if f.claim.id == part.claim.id]
            candidates = same_claim or sorted(own, key=lambda f: abs(f.claim.start - part.claim.start))[:1]
            for share in candidates:
                distance = (share.claim.id != part.claim.id, abs(share.claim.start - part.claim.start))
                if id(share) not in checks or distance < checks[id(share)][0]:
                    checks[id(share)] = (distance, part, total, share)
        for _, part, total, share in checks.values():
            checked.add(id(share))
            finding = _ratio_finding(rule, part, total, share, slack)
            if finding is not None:
                findings.append(finding)
    findings.extend(_sentence_ratios(rule, batch, checked, slack))
    return findings


_TOTAL_WORD = re.compile(r"\btotal\b", re.I)
_WORLD_WORD = re.compile(r"\b(?:global|world|worldwide)\b", re.I)
_POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")


def _sentence_ratios(rule: Rule, batch: Batch, checked: set[int], slack: float) -> list[Finding]:
    """ "Sales of 196,000 tonnes gave the company about 25% of world lithium supply, which it estimated
    at 1.2 million tonnes": one sentence that states a part, its share and the whole ties them, even
    when its words name the part's measure and the whole's differently."""
    by_claim: dict[int, list[Fact]] = defaultdict(list)
    for fact in batch.facts:
        by_claim[fact.claim.id].append(fact)
    findings = []
    for claim_id in sorted(by_claim):
        facts = by_claim[claim_id]
        for share in facts:
            owner = _owner(share) if share.kind == "share" else None
            if owner is None or owner == share.subject or id(share) in checked:
                continue
            amounts = [f for f in facts if f.kind.startswith("amount:") and f.period == share.period
                       and f.commodity == share.commodity]
            parts = [f for f in amounts if f.subject == share.subject]
            totals = [f for f in amounts if f.subject == owner and not f.scope]
            if len(parts) != 1 or len(totals) != 1 or parts[0] is totals[0] or parts[0].kind != totals[0].kind \
                    or totals[0].value.low <= 0 or totals[0].value.high == INF:
                continue
            finding = _ratio_finding(rule, parts[0], totals[0], share, slack)
            if finding is not None:
                findings.append(finding)
    return findings


def _ratio_finding(rule: Rule, part: Fact, world: Fact, share: Fact, slack: float) -> Finding | None:
    """X of a total W (the world's, or the owner's) against the share stated for X."""
    w_lo, w_hi = world.value.low, world.value.high
    lo = part.value.low / w_hi * 100
    hi = (part.value.high / w_lo * 100) if part.value.high != INF else INF
    s_lo, s_hi = share.value.low, share.value.high
    if not (s_lo - hi > slack or lo - s_hi > slack):
        return None
    trio = [part, world, share]
    items = [evidence(f.article, f.claim, quantity=f.value) for f in trio]
    owner = part.subject_surface if _POSSESSIVE_END.search(part.subject_surface) else f"{part.subject_surface}'s"
    measure = f"{owner} share of {part.commodity.replace('_', ' ')} {part.metric} ({part.period})"
    detail = f"{part.value.text} of {world.value.text} is {interval(lo, hi, 'percent')}, not {share.value.text}"
    message = render_message(rule.message, measure=measure, detail=detail)
    return Finding(rule.code, rule.name, rule.category, rule.severity, message, tuple(items), measure,
                   fingerprint(rule.code, measure, items))


def _parts(rule: Rule, batch: Batch) -> list[Finding]:
    """ "62,000 tonnes, or about 45% of the 210,000 tonnes": part / whole must meet the stated share."""
    findings = []
    slack = rule.param("ratio_tolerance")
    for statement in batch.growth:
        if not isinstance(statement, PartStatement):
            continue
        part, share, whole = statement.part, statement.share, statement.whole
        if whole.low <= 0 or part.high == INF or whole.high == INF:
            continue
        lo, hi = part.low / whole.high * 100, part.high / whole.low * 100
        if not (share.low - hi > slack or lo - share.high > slack):
            continue
        findings.append(_statement_finding(rule, statement.reading, (part, share, whole),
                                           f"{part.text} as a share of {whole.text}",
                                           f"{interval(lo, hi, 'percent')}, not {share.text}"))
    return findings


def _statement_finding(rule: Rule, reading, quantities: tuple, measure: str, detail: str) -> Finding:
    """A finding citing one sentence once per figure it checked."""
    items = [evidence(reading.article, reading.claim, quantity=q) for q in quantities]
    return Finding(rule.code, rule.name, rule.category, rule.severity,
                   render_message(rule.message, measure=measure, detail=detail), tuple(items), measure,
                   fingerprint(rule.code, measure, items))


def _remainders(rule: Rule, batch: Batch) -> list[Finding]:
    """ "A 65%, B 33% and C the remaining 10%": shares that say they complete a whole must make 100%."""
    findings = []
    slack = rule.param("remainder_tolerance")
    for statement in batch.growth:
        if not isinstance(statement, RemainderStatement):
            continue
        figures = (*statement.parts, statement.remainder)
        low, high = sum(q.low for q in figures), sum(q.high for q in figures)     # inf stays inf
        if low <= 100.0 + slack and high >= 100.0 - slack:
            continue
        findings.append(_statement_finding(rule, statement.reading, figures,
                                           f"shares of one whole ending in {statement.remainder.text!r}",
                                           f"{' + '.join(q.text for q in figures)} make {interval(low, high, 'percent')}, not 100%"))
    return findings


def _share_lists(rule: Rule, batch: Batch) -> list[Finding]:
    """ "Container ships accounted for 42% of transits, dry bulk carriers for 33%, tankers for 21% and gas
    carriers for 14%": shares one verb gives to parts of one whole cannot pass 100%."""
    findings = []
    slack = rule.param("remainder_tolerance")
    for statement in batch.growth:
        if not isinstance(statement, ShareListStatement):
            continue
        low = sum(q.low for q in statement.parts)
        if low <= 100.0 + slack:
            continue
        findings.append(_statement_finding(rule, statement.reading, statement.parts, "shares of one whole",
                                           f"{' + '.join(q.text for q in statement.parts)} make "
                                           f"{interval(low, INF, 'percent')}, more than 100%"))
    return findings


def _growth(rule: Rule, batch: Batch) -> list[Finding]:
    """ "rose 20% from 1.0m to 1.5m": the rate the two values imply must meet the stated rate."""
    findings = []
    slack = rule.param("growth_tolerance")
    for statement in batch.growth:
        if not isinstance(statement, GrowthStatement):
            continue
        a, b, rate = statement.before, statement.after, statement.rate
        if a.low <= 0 or a.high == INF or b.high == INF:
            continue
        lo = (b.low / a.high - 1) * 100
        hi = (b.high / a.low - 1) * 100
        s_lo, s_hi = (rate.low, rate.high) if statement.direction > 0 else (-rate.high, -rate.low)
        if not (s_lo - hi > slack or lo - s_hi > slack):
            continue
        sign = "+" if statement.direction > 0 else "-"
        findings.append(_statement_finding(rule, statement.reading, (rate, a, b), f"change from {a.text} to {b.text}",
                                           f"{a.text} to {b.text} is a change of {interval(lo, hi, 'percent')}, not {sign}{rate.text}"))
    return findings


def _as_written(q) -> tuple[float, float]:
    return rounding_interval(q.low, q.high, q.hedge, q.text)


def _breakdowns(rule: Rule, batch: Batch) -> list[Finding]:
    """ "$38.5 billion, with knitwear bringing in $21.9 billion and woven garments $19.4 billion": the
    parts a sentence lists of a total cannot add up to more than it."""
    findings = []
    slack = rule.param("breakdown_tolerance") / 100.0
    for statement in batch.growth:
        if not isinstance(statement, BreakdownStatement):
            continue
        total, parts = statement.total, statement.parts
        # (figures listed together are as exact as their digits: "1,268 stores: 520 in Europe, ...")
        total_low, total_high = _as_written(total)
        written = [_as_written(q) for q in parts]
        low = sum(lo for lo, _ in written)
        high = sum(hi for _, hi in written)
        unit = total.base_unit or ""
        if total_high != INF and low > total_high * (1 + slack):
            detail = f"make {interval(low, INF, unit)}, more than {interval(total_low, total_high, unit)}"
        elif statement.exact and high != INF and high < total_low * (1 - slack):
            # "a combined 9.1 Mt": the parts must also reach the total they are said to make
            detail = f"make at most {interval(high, high, unit)}, less than {interval(total_low, total_high, unit)}"
        else:
            continue
        findings.append(_statement_finding(rule, statement.reading, (total, *parts),
                                           f"parts of {total.text!r}", f"{' + '.join(q.text for q in parts)} {detail}"))
    return findings


def run(rule: Rule, batch: Batch) -> list[Finding]:
    findings = []
    if rule.param("check_growth"):
        findings += _growth(rule, batch)
    if rule.param("check_sums"):
        findings += _sums(rule, batch)
    parts = _parts(rule, batch) if rule.param("check_parts") else []
    if rule.param("check_ratios"):
        # a part, its share and the whole stated in one sentence are one error, reported once (as the
        # sentence's own statement), even when the whole's owner also makes them a ratio of its total
        said = {(e.doc, e.text) for f in parts for e in f.evidence}
        findings += [f for f in _ratios(rule, batch) if not {(e.doc, e.text) for e in f.evidence} <= said]
    findings += parts
    if rule.param("check_remainders"):
        findings += _remainders(rule, batch)
        # (a list whose shares are also facts of one whole is reported once, by the sums)
        said = [{(e.doc, e.text) for e in f.evidence} for f in findings]
        findings += [f for f in _share_lists(rule, batch) if not any({(e.doc, e.text) for e in f.evidence} <= s for s in said)]
    if rule.param("check_breakdowns"):
        findings += _breakdowns(rule, batch)
    return findings
