"""Growth statements: a stated rate of change next to the two values it links.

"Sales rose 20% from 1.0 million in 2020 to 1.5 million in 2021" states a rate (20%) and
the values it joins (1.0m -> 1.5m); the arithmetic rule checks that they agree.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from checker import trie
from checker.align.reading import ClaimReading
from checker.data import default_rules_dir, expect_str_list, read_toml
from checker.model import Quantity
from checker.quantities import units


@dataclass(frozen=True)
class GrowthStatement:
    rate: Quantity            # the stated change, in percent
    direction: int            # +1 for a rise, -1 for a fall
    before: Quantity          # the "from" value
    after: Quantity           # the "to" value
    reading: ClaimReading


@dataclass(frozen=True)
class GrowthRules:
    rise: re.Pattern
    fall: re.Pattern
    remainder: re.Pattern = re.compile(r"(?!)")   # "the remaining 10%": the shares before it complete a whole
    any_rate: re.Pattern = re.compile(r"(?!)")    # a rise or fall word anywhere before a figure
    breakdown: re.Pattern = re.compile(r"(?!)")   # ", with", ", of which": a breakdown of the amount before
    combined: re.Pattern = re.compile(r"(?!)")    # "a combined": the amounts listed before, added up
    list_share: re.Pattern = re.compile(r"(?!)")  # "accounted for": the verb of a list of shares
    summed: re.Pattern = re.compile(r"(?!)")      # "together": a share that is the sum of the ones listed after it
    out_of: re.Pattern = re.compile(r"(?!)")      # "out of a national total of": the whole the amounts listed before are parts of
    financed: re.Pattern = re.compile(r"(?!)")    # "plant was financed with": the sources of the amount before


@functools.lru_cache(maxsize=4)
def load_growth_rules(rules_dir: str | None = None) -> GrowthRules:
    path = Path(rules_dir or default_rules_dir()) / "lexicons" / "growth.toml"
    data = read_toml(path)

    def words(key: str) -> re.Pattern:
        alt = trie.alternation(expect_str_list(data, key, path))
        return re.compile(rf"\b(?:{alt})\b(?:\s+by)?\s*$", re.I)

    remainder = trie.alternation(expect_str_list(data, "remainder", path, default=[]) or ["(?!)"])
    rates = trie.alternation(expect_str_list(data, "rise", path) + expect_str_list(data, "fall", path))
    openers = trie.phrase_alternation(expect_str_list(data, "breakdown", path, default=[]))
    combined = expect_str_list(data, "combined", path, default=[])
    return GrowthRules(words("rise"), words("fall"), re.compile(rf"\b(?:{remainder})\s+$", re.I),
                       re.compile(rf"\b(?:{rates})\b", re.I), re.compile(rf",\s+(?:{openers})\s", re.I),
                       re.compile(rf"\b(?:{trie.phrase_alternation(combined)})\s+(?:of\s+)?$" + _qualified_totals(combined), re.I)
                       if combined else re.compile(r"(?!)"),
                       re.compile(rf"\b(?:{trie.phrase_alternation(verbs)})\s+(?:about\s+|around\s+|roughly\s+|nearly\s+)?$", re.I)
                       if (verbs := expect_str_list(data, "list_share_verbs", path, default=[])) else re.compile(r"(?!)"),
                       re.compile(rf"\b(?:{trie.phrase_alternation(summed)})\b", re.I)
                       if (summed := expect_str_list(data, "sum_words", path, default=[])) else re.compile(r"(?!)"),
                       # (a word may say whose total it is: "out of a national total of")
                       re.compile(rf"\b(?:{trie.phrase_alternation(out_of)})\s+(?:[a-z-]+\s+)?total\s+of\s+$", re.I)
                       if (out_of := expect_str_list(data, "out_of_total", path, default=[])) else re.compile(r"(?!)"),
                       # (the total's noun and a passive verb between: "The $540 million plant was financed with")
                       re.compile(rf"(?:\s+[a-z][\w-]*){{0,2}}\s+(?:was|were|is|are|will\s+be|has\s+been|had\s+been)\s+"
                                  rf"(?:{trie.phrase_alternation(funded)})\s", re.I)
                       if (funded := expect_str_list(data, "financed_by", path, default=[])) else re.compile(r"(?!)"))


def _qualified_totals(combined: list[str]) -> str:
    """The combined phrases that end in "a total of", with a word saying whose total ("for a group total of")."""
    leads = [p[:-len(" total of")] for p in combined if p.lower().endswith(" a total of")]
    return rf"|\b(?:{trie.phrase_alternation(leads)})\s+[a-z-]+\s+total\s+of\s+$" if leads else ""


def growth_of(reading: ClaimReading, rules: GrowthRules | None = None) -> list[GrowthStatement]:
    """Rates of change whose two linked values the same sentence gives ("from A ... to B")."""
    rules = rules or load_growth_rules()
    text = reading.text
    found = []
    quantities = sorted(reading.quantities, key=lambda q: q.start)
    for i, rate in enumerate(quantities):
        if rate.kind != "percentage" or rate.unit != "percent":
            continue
        before_text = text[max(0, rate.start - 40):rate.start]
        direction = 1 if rules.rise.search(before_text) else (-1 if rules.fall.search(before_text) else 0)
        if not direction:
            continue
        rest = [q for q in quantities[i + 1:] if q.kind in ("quantity", "currency", "number", "percentage")]
        pair = _from_to(text, rate, rest)
        if pair:
            found.append(GrowthStatement(rate, direction, pair[0], pair[1], reading))
    return found


@dataclass(frozen=True)
class PartStatement:
    """ "exports reached 62,000 tonnes, or about 45% of the 210,000 tonnes produced": a part, the
    share it is said to be, and the whole, in one sentence."""
    part: Quantity
    share: Quantity
    whole: Quantity
    reading: ClaimReading


# the part, then "or"/"equal to"/"representing" ... the share, then "of (the|its|their)" the whole
# ("Tunisia's harvest, estimated at about 340,000 tonnes, accounts for roughly 18% of the 3.37 million tonnes")
_PART_TO_SHARE = re.compile(r"\s*\(?\s*|,\s+|,?\s+(?:or|i\.e\.|that\s+is|equal\s+to|equivalent\s+to|representing|"
                            r"accounting\s+for|accounts?\s+for|accounted\s+for|makes?\s+up|made\s+up|"
                            r"which\s+is|which\s+was|some|about|a\s+share\s+of|a\s+proportion\s+of)\s+"
                            # "sold 11,800 new-energy buses in 2023, accounting for about 35% of the 52,000 ...":
                            # the part's noun and adjunct may stand before the comma
                            # ("about 180,000 public charge points, close to 30% of the EU's 880,000": or none)
                            r"|\s[^,;%()]{0,70}?,\s+(?:(?:representing|accounting\s+for|equal\s+to|equivalent\s+to|"
                            r"a\s+share\s+of|or\s+(?:some|about|around|roughly|nearly|almost)?)\s*)?", re.I)
# "Of the 2.82 million new cars registered, 380,609 were battery-electric, a share of 23%": the whole first
_PREDICATE_TO_SHARE = re.compile(r"[^,;%()]{0,60},\s+(?:or|a\s+share\s+of|a\s+proportion\s+of|representing|equal\s+to|"
                                 r"equivalent\s+to|accounting\s+for)\s+", re.I)
_PART_OF_WHOLE = re.compile(r"\s+of\s+(?:the|its|their)\s+", re.I)
_WHOLE_TO_SHARE = re.compile(r"[^,;%()]{0,70},\s+(?:or\s+|some\s+|about\s+)?", re.I)
_OF_THE_TOTAL = re.compile(r"\s+of\s+(?:the\s+total|the\s+whole|all|it|them|that)\b", re.I)
_FRONTED_WHOLE = re.compile(r"\W*of\s+(?:the|its|their|a|an|all)?\s*(?:total\s+(?:of\s+)?)?$", re.I)
# ("about 18% of the record 221 million tonnes": one adjective may stand before the whole)
# ("close to 30% of the EU's 880,000": the whole's owner may stand before it)
_SHARE_TO_WHOLE = re.compile(r"\)?\s+of\s+(?:the|its|their|his|her|a|an)?\s*(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*(?:'s|’s)\s+)?"
                             r"(?:total\s+(?:of\s+)?)?"
                             r"(?:(?:record|estimated|combined|overall|entire|global|worldwide|annual)\s+)?"
                             # ("about 70% of the global tuna catch of 4.9 million tonnes": the whole's noun first)
                             r"(?:(?:[a-z-]+\s+){1,3}(?:of|at)\s+)?", re.I)


def parts_of(reading: ClaimReading) -> list[PartStatement]:
    """A part and its share of a whole stated together: "62,000 t, or about 45% of the 210,000 t", and
    "Of the 2.82 million cars registered, 380,609 were electric, a share of 23%"."""
    text = reading.text
    quantities = sorted(reading.quantities, key=lambda q: q.start)
    found = []
    for i, (before_share, share, whole) in enumerate(zip(quantities, quantities[1:], quantities[2:])):
        if share.kind != "percentage" or share.unit != "percent" or before_share.kind == "percentage" or whole.kind == "percentage":
            continue
        part = before_share
        if i and _WHERE_COUNT.search(text, max(0, part.start - 8), part.start) \
                and not _LIST_BREAK.search(text, quantities[i - 1].end, part.start):
            # "352,000 public charging points in 51 cities, nearly 10 per cent of the 3.58 million": the
            # count after "in" tells where; the figure before it is the part
            part = quantities[i - 1]
        if (part.base_unit, part.kind) != (whole.base_unit, whole.kind):
            continue
        if _PART_TO_SHARE.fullmatch(text, before_share.end, share.start) and _SHARE_TO_WHOLE.fullmatch(text, share.end, whole.start):
            found.append(PartStatement(part, share, whole, reading))
    for whole, part, share in zip(quantities, quantities[1:], quantities[2:]):
        if share.kind != "percentage" or share.unit != "percent" or part.kind == "percentage" or whole.kind == "percentage":
            continue
        if (part.base_unit, part.kind) != (whole.base_unit, whole.kind) or "," not in text[whole.end:part.start]:
            continue
        if _FRONTED_WHOLE.fullmatch(text, 0, whole.start) and _PREDICATE_TO_SHARE.fullmatch(text, part.end, share.start):
            found.append(PartStatement(part, share, whole, reading))
    for part, whole, share in zip(quantities, quantities[1:], quantities[2:]):
        # "Indonesia took 310,000 tonnes of the 1.32 million tonnes of garlic China exported in the first half,
        # more than a third of the total": the part of the whole, then its share of "the total"
        if share.kind != "percentage" or share.unit != "percent" or part.kind == "percentage" or whole.kind == "percentage":
            continue
        if (part.base_unit, part.kind) == (whole.base_unit, whole.kind) and _PART_OF_WHOLE.fullmatch(text, part.end, whole.start) \
                and _WHOLE_TO_SHARE.fullmatch(text, whole.end, share.start) and _OF_THE_TOTAL.match(text, share.end):
            found.append(PartStatement(part, share, whole, reading))
    return found


def _from_to(text: str, rate: Quantity, rest: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    if len(rest) >= 2 and _TO_GAP.fullmatch(text, rate.end, rest[0].start) and _FROM_GAP.fullmatch(text, rest[0].end, rest[1].start) \
            and (rest[0].base_unit, rest[0].kind) == (rest[1].base_unit, rest[1].kind):
        return rest[1], rest[0]     # "fell 9.3% to 39,000 tonnes from 43,000 tonnes": the level reached first
    for a, b in zip(rest, rest[1:]):
        if not re.search(r"\bfrom\s+$", text[max(rate.end, a.start - 8):a.start], re.I):
            continue
        if not re.search(r"\bto\s+$", text[a.end:b.start], re.I) and not re.search(r"\bto\s+$", text[max(a.end, b.start - 6):b.start], re.I):
            continue
        if (a.base_unit, a.kind) != (b.base_unit, b.kind):
            continue
        if _NEW_CLAUSE.search(text, a.end, b.start):
            continue        # "up about 15% from £512m, and said operating profit rose to £71m": another measure's
        return a, b
    return None


_EACH_NEAR = re.compile(r"\beach\b", re.I)
_TO_GAP = re.compile(r"\s+to\s+", re.I)
_FROM_GAP = re.compile(r"\s+from\s+", re.I)
_WHERE_COUNT = re.compile(r"\b(?:in|across|at)\s+$", re.I)
_LIST_BREAK = re.compile(r"[,;]")
# (", bringing output for the first nine months to 17,300 tonnes": a running total, another measure)
_NEW_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas|bringing|taking|putting|lifting|pushing)\s", re.I)


@dataclass(frozen=True)
class BreakdownStatement:
    """ "earned $38.5 billion from garment exports, with knitwear bringing in $21.9 billion and woven
    garments $19.4 billion": amounts the sentence lists as parts of a total it states; together they
    cannot exceed it."""
    total: Quantity
    parts: tuple[Quantity, ...]
    reading: ClaimReading
    # "5.25 million and 2.76 million tonnes respectively, a combined 9.1 million tonnes": the total is
    # said to be the parts' sum, so they must also reach it
    exact: bool = False


_FRONTED_TOTAL = re.compile(r"\W*of\s+(?:that|the|this|its|their|those|these)\s+", re.I)
# ("Of the roughly 739 million square metres of floor space started in 2024, ...": the total's goods and
# period may stand before the comma)
# "ended June with 1,268 stores: 520 in Europe, 410 in Asia-Pacific and ...": a colon (or a dash) right
# after a total and its noun opens the list of its parts
# ("produced 2.3 million tonnes of corn starch in 2024 — 1.45 million tonnes at Zhucheng, ...": the
# total's year may close its noun)
_COLON_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,3}(?:\s+in\s+(?:19|20)\d\d)?(?::|\s+[—–])\s+")
# ("Of the £1,690 total, wholesale energy accounts for £890, ...": a noun or two may follow the total)
# ("Of the 5,120 GWh it generated last year, 4,650 GWh was sold to ...": or a short clause of its own)
_COMMA_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,4}?(?:\s+(?:of|in|for|from)\s[^,;.%]{0,60}?)?\s*,\s*")
# (", where membership reached 18.5 million": a relative clause states a level of its own, no further part)
_LIST_GAP = re.compile(r"(?![^;.%]*\b(?:where|which|who|whose|when)\b)"
                       r"[^;.%]{0,60}?(?:,\s*(?:and\s+|while\s+)?|\s+and\s+|\s+while\s+)[^;.%]{0,40}?$", re.I)


def breakdowns_of(reading: ClaimReading, rules: GrowthRules | None = None) -> list[BreakdownStatement]:
    """A total, then ", with"/", of which" and at least two amounts of its unit, listed ("A at X and B Y")."""
    rules = rules or load_growth_rules()
    text = reading.text
    amounts = [q for q in sorted(reading.quantities, key=lambda q: q.start)
               if q.kind in ("quantity", "currency", "number") and not (q.kind == "number" and q.value < 100)]
    found = []
    for i, total in enumerate(amounts):
        # "Of that £412 million, broadcasting brought in £198m, ...": a fronted total opens the list too
        opener = _COMMA_AFTER.match(text, total.end) if _FRONTED_TOTAL.fullmatch(text, 0, total.start) \
            else (_COLON_AFTER.match(text, total.end) or rules.breakdown.search(text, total.end)
                  or rules.financed.match(text, total.end))
        if opener is None or ";" in text[total.end:opener.start()] or opener.start() - total.end > 80:
            continue
        parts: list[Quantity] = []
        for q in amounts[i + 1:]:
            if q.start < opener.end():
                break               # another amount stands between the total and the breakdown
            q = _elided_unit(q, total)
            if (q.kind, q.base_unit) != (total.kind, total.base_unit):
                break
            if parts and not _LIST_GAP.fullmatch(text, parts[-1].end, q.start):
                break
            parts.append(q)
        if len(parts) >= 2:
            found.append(BreakdownStatement(total, tuple(parts), reading))
    return found + _combined(reading, amounts, rules)


def _elided_unit(part: Quantity, total: Quantity) -> Quantity:
    """ "Of the 739 million square metres ..., homes accounted for 537 million": a bare number listed as a
    part of a total with a unit is in the total's unit, which the list leaves out."""
    if part.kind != "number" or total.kind not in ("quantity", "currency") or not total.unit or part.high == float("inf"):
        return part
    if total.kind == "currency":
        scale = 1.0 if total.unit == total.base_unit else None
    else:
        base, scale = units.factor(total.unit, total.dimension or "")
        scale = scale if base == total.base_unit else None
    if scale is None:
        return part
    return replace(part, kind=total.kind, unit=total.unit, base_unit=total.base_unit, dimension=total.dimension,
                   low=part.low * scale, high=part.high * scale)


def _combined(reading: ClaimReading, amounts: list[Quantity], rules: GrowthRules) -> list[BreakdownStatement]:
    """Amounts listed, then their total said as such (growth.toml combined: "a combined 9.1 Mt"), or the whole
    they are parts of (growth.toml out_of_total: "out of a national total of 38,500 hectares")."""
    text = reading.text
    found = []
    for i, total in enumerate(amounts):
        # ("Piura had 29,400 hectares, Lambayeque 7,900 hectares and Áncash 4,300 hectares, out of a national
        # total of 38,500 hectares": parts of a whole they need not fill)
        whole = i >= 2 and rules.out_of.search(text, max(0, total.start - 40), total.start) is not None
        if i < 2 or not (whole or rules.combined.search(text, max(0, total.start - 30), total.start)):
            continue
        last = amounts[i - 1]
        if (last.kind, last.base_unit) != (total.kind, total.base_unit) or total.start - last.end > 90 \
                or re.search(r"[;.](?:\s|$)", text[last.end:total.start]):
            continue
        parts = [last]
        for q in reversed(amounts[:i - 1]):
            if (q.kind, q.base_unit) != (total.kind, total.base_unit) or not _LIST_GAP.fullmatch(text, q.end, parts[0].start):
                break
            parts.insert(0, q)
        if len(parts) >= 2:
            found.append(BreakdownStatement(total, tuple(parts), reading, exact=not whole))
    return found


@dataclass(frozen=True)
class RemainderStatement:
    """ "Domestic sales took 65% of output, exports 33% and stocks the remaining 10%": shares of one
    whole that the last one says complete; together they must make 100%."""
    parts: tuple[Quantity, ...]
    remainder: Quantity
    reading: ClaimReading


def remainders_of(reading: ClaimReading, rules: GrowthRules | None = None, earlier_shares: tuple[Quantity, ...] = ()) -> list[RemainderStatement]:
    """Shares listed in one clause and closed by "the remaining N%" (rates of change left out).

    ``earlier_shares`` are the sentence before's: "Corvina operates the block with a 45% stake. Its two
    partners are X, with 30%, and Y, which holds the remaining 25%": a list that, with the shares just
    before it, makes the whole goes on from them."""
    rules = rules or load_growth_rules()
    text = reading.text
    shares = percent_shares(reading)
    found = []
    for i, last in enumerate(shares):
        if i == 0 or not rules.remainder.search(text, max(0, last.start - 30), last.start):
            continue
        parts: list[Quantity] = []
        for q in reversed(shares[:i]):
            if _CLAUSE_BREAK.search(text, q.end, (parts[0] if parts else last).start):
                break
            parts.insert(0, q)
        # "X operates the field with a 45% stake, while Y holds 30% and Z the remaining 25%": a list
        # may go on across "while"; the shares further back count when, with them, the whole is made
        earlier = list(shares[:i - len(parts)])
        extended = list(parts)
        while earlier and not _makes_whole((*parts, last)):
            extended.insert(0, earlier.pop())
            if _makes_whole((*extended, last)):
                parts = extended
        if not _makes_whole((*parts, last)) and any(_makes_whole((*earlier_shares[k:], *parts, last)) for k in range(len(earlier_shares))):
            continue
        # "output rose 5% and exports 3%, the rest 2%": with a rate of change in the list, no whole is split
        # ("IPTO and EETC will each hold 20%, with investors holding the remaining 60%": a share held by each
        # of several counts more than once, as many times as the sentence does not say)
        if parts and not any(_is_rate(reading, rules, q) or _EACH_NEAR.search(text, max(0, q.start - 12), min(len(text), q.end + 6))
                             for q in (*parts, last)):
            found.append(RemainderStatement(tuple(parts), last, reading))
    return found


@dataclass(frozen=True)
class ShareListStatement:
    """ "Container ships accounted for 42% of transits, dry bulk carriers for 33%, tankers for 21% and gas
    carriers for 14%": shares of one whole that one verb gives to parts named in turn; together they
    cannot pass 100%."""
    parts: tuple[Quantity, ...]
    reading: ClaimReading


# (", dry bulk carriers for 33%", "and remortgaging for 38%": the verb left out, its "for" kept)
# (", dry bulk carriers for 33%", or bare: ", people of working age (15 to 59) 68.35%")
# ("Container ships accounted for 42% of transits, dry bulk carriers for 33%": the part before its share)
# (a part's name may open with any letter: "Île-de-France for 17%")
_ELLIPTICAL = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[^\W\d_][\w'’-]*"
                         r"(?:(?:\s+[\w'’-]+){0,3}\s+(?:for|with|on|at)|(?:\s+[\w'’()-]+){0,7})\s+$")
# ("Sales went 46% to European customers, 39% to Asia and 24% to buyers in the Americas": the part after its
# share, where the share is no share "of" a whole of its own; "took 51%, 34% and 23% of the 9.51 billion yuan")
_BARE_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
_PART_AFTER = re.compile(r"\s+(?:(?:were|was|are|is)\s+)?(?:to|in|from)\s")     # ("74% were in the Azul tier, 19% in Plata")


def share_lists_of(reading: ClaimReading, rules: GrowthRules | None = None) -> list[ShareListStatement]:
    """At least three shares, the first after a verb of ``list_share_verbs``, the rest elliptical."""
    rules = rules or load_growth_rules()
    text = reading.text
    shares = percent_shares(reading)
    found = []
    i = 0
    while i < len(shares):
        first = shares[i]
        if not rules.list_share.search(text, max(0, first.start - 25), first.start) or rules.summed.search(text, 0, first.start):
            # ("Argentina and the United States together accounted for nearly 60% ..., with shares of about
            # 39% and 20% respectively": the first share is the others' sum)
            i += 1
            continue
        parts = [first]
        for q in shares[i + 1:]:
            gap_start = _figure_tail(text, parts[-1])
            if not _ELLIPTICAL.fullmatch(text, gap_start, q.start) and not (
                    _BARE_LIST_GAP.fullmatch(text, gap_start, q.start)
                    and (gap_start == parts[-1].end or _PART_AFTER.match(text, parts[-1].end))):
                break
            parts.append(q)
        if len(parts) >= 3 and not any(_is_rate(reading, rules, q) for q in parts):
            found.append(ShareListStatement(tuple(parts), reading))
        i += len(parts)
    return found + _bracketed_share_list(reading, shares)


def _bracketed_share_list(reading: ClaimReading, shares: list[Quantity]) -> list[ShareListStatement]:
    """ "Helursund Wind (well over 40 per cent), Dalirler Vind AB (a hair below 40%) and Morildex Vind AB
    (37%) were the main contributors to ...": shares each in brackets after the part they are of, the
    parts then named as contributors to one whole."""
    text = reading.text
    bracketed = [q for q in shares if _OPEN_BEFORE.search(text, max(0, q.start - 4), q.start) and _CLOSE_AFTER.match(text, q.end)]
    if len(bracketed) < 3:
        return []
    parts = [bracketed[0]]
    for q in bracketed[1:]:
        if not _BRACKET_LIST_GAP.fullmatch(text, parts[-1].end, q.start):
            break
        parts.append(q)
    if len(parts) < 3 or not _CONTRIBUTORS_AFTER.match(text, parts[-1].end):
        return []
    return [ShareListStatement(tuple(parts), reading)]


_OPEN_BEFORE = re.compile(r"\(\s*$")
_CLOSE_AFTER = re.compile(r"\s*\)")
# ") , Dalirler Vind AB (" between two bracketed shares; ") were the main contributors to" after the last
_BRACKET_LIST_GAP = re.compile(r"\s*\)\s*(?:,\s*(?:and\s+)?|\s+and\s+)[^()%]{1,60}?\(\s*")
_CONTRIBUTORS_AFTER = re.compile(r"\s*\)\s+(?:(?:were|are)\s+(?:the\s+)?(?:main|biggest|largest|top|leading|chief|principal)\s+"
                                 r"(?:contributors|producers|suppliers|sources|players)\b|(?:together\s+)?(?:accounted|account)\s+for\b"
                                 r"|(?:together\s+)?(?:made|make)\s+up\b)", re.I)


def _figure_tail(text: str, q: Quantity) -> int:
    """Where the phrase of a share ends: after its "of ..." whole and a date, before the next comma."""
    m = re.match(r"[^,;]*?(?=\s*(?:,|\s+and\s))", text[q.end:])
    return q.end + (m.end() if m else 0)


def percent_shares(reading: ClaimReading) -> list[Quantity]:
    """The sentence's percentages of a whole, in order (percentage points, and an earlier value a share is
    compared with, "46.1% of subscriptions (vs 44.8% a year earlier)", left out)."""
    return [q for q in sorted(reading.quantities, key=lambda q: q.start) if q.kind == "percentage" and q.unit == "percent"
            and not _COMPARED_BEFORE.search(reading.text, max(0, q.start - 20), q.start)]


_COMPARED_BEFORE = re.compile(r"(?:\(|,)\s*(?:vs\.?|versus|against|compared\s+(?:with|to)|(?:up|down)\s+from|from)\s+$", re.I)


def _makes_whole(figures) -> bool:
    """Do the shares make 100% within a point (the lower bounds at most, the upper at least)?"""
    return sum(q.low for q in figures) <= 101.0 and sum(q.high for q in figures) >= 99.0


_CLAUSE_BREAK = re.compile(r"[;.]|\bbut\b|\bwhile\b|\bwhereas\b", re.I)


def _is_rate(reading: ClaimReading, rules: GrowthRules, q: Quantity) -> bool:
    lo = max(0, q.start - 40)
    # ("making up the remaining 14%": an "up" inside a phrase of cues.toml not_change is no rate)
    # (one that starts before the window still holds its "up": "made up 52% of 2024 revenue, wind turbines 25%")
    kept = [p for p in reading.phrases_in(max(0, lo - 12), q.start, "not_change")]
    rates = [m for m in rules.any_rate.finditer(reading.text, lo, q.start)
             if not any(p.start <= m.start() and m.end() <= p.end for p in kept)]
    return bool(rates or reading.phrases_in(lo, q.start, "change"))
