"""Everything a claim mentions, read once: figures, dates, entities and lexicon phrases."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from checker.align.lexicon import AlignLexicon
from checker.align.phrases import PhraseHit
from checker.entities import EntityLexicon, find_entities
from checker.align.tense import load_tense_rules
from checker.fold import CJK, fold
from checker.model import Article, Claim, DateValue, EntityMention, Quantity
from checker.quantities import extract_figures, units


_NAMEABLE = frozenset({"metric_noun", "metric_verb", "commodity"})
_OPENERS = " \"'“‘(["


@dataclass(frozen=True)
class ClaimReading:
    claim: Claim
    article: Article
    text: str
    quantities: tuple[Quantity, ...]
    dates: tuple[DateValue, ...]
    entities: tuple[EntityMention, ...]
    phrases: tuple[PhraseHit, ...]

    def phrases_in(self, start: int, end: int, *kinds: str) -> list[PhraseHit]:
        return [p for p in self.phrases if p.start >= start and p.end <= end and (not kinds or p.kind in kinds)]

    def entities_in(self, start: int, end: int) -> list[EntityMention]:
        return [e for e in self.entities if e.start >= start and e.end <= end]


def read_claim(claim: Claim, article: Article, entities: EntityLexicon, lexicon: AlignLexicon,
               lowercase_words: frozenset[str], article_commodity: str | None = None) -> ClaimReading | None:
    """Read one claim (None when it holds no figure and no date: no fact, event or count can
    come from it); the text compared is the claim without its citation markers."""
    text = claim.text
    reference = article.published_date
    found_quantities, found_dates = extract_figures(text, reference)
    if not found_quantities and not found_dates:
        return None
    if lexicon.packages and any(q.kind == "number" for q in found_quantities):
        found_quantities = _weighed_packages(text, found_quantities, lexicon, article_commodity)
    quantities, dates = tuple(found_quantities), tuple(found_dates)
    mentions = find_entities(text, entities, lowercase_words=lowercase_words)
    # ("MAD 7.9 billion", "NOK 172 billion": a currency's code written into an amount is no name)
    money = [(q.start, q.end) for q in quantities if q.kind == "currency"]
    if money:
        mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in money)]
    found = lexicon.matcher.find(text)
    if based := _based_company(text, lexicon):
        # "The Copenhagen-based carrier ended 2023 with ...": "the company" with the place it is based in
        found = sorted([*found, *based], key=lambda p: (p.start, p.end))
    # "Growers in X picked ...", "Cocoa accounted for ...": a capitalised word opening the sentence
    # that is exactly a lexicon word (a metric, a commodity) is that word, not a name
    lexical = {(p.start, p.end) for p in found if p.kind in _NAMEABLE}
    opening = {p.start: p.end for p in found if p.kind in _NAMEABLE and not text[:p.start].strip(_OPENERS)
               and not (p.kind == "commodity" and _counts_other_goods(text, p, found, quantities))}
    mentions = tuple(m for m in mentions
                     if not (m.kind == "name" and (
                         ((m.start, m.end) in lexical and m.entity.startswith("name?:"))
                         # "Solar panels supplied ...": the opening name lies within the lexicon phrase
                         # ("Coal's share ...": the name's end is its surface's, before the "'s")
                         or m.start + len(m.surface) <= opening.get(m.start, -1))))
    # "Toll revenue dropped to $3.02 billion": one capitalised word opening the sentence right before a
    # measure's noun modifies it; a name only if the batch knows it as one elsewhere
    # ("Vesarmar exports shy of 80 million m3": a word that is also a measure's verb may be the verb)
    # (a label, "Vardal capacity: 190,000 t/yr", keeps its name: the sentence must go on with a verb)
    nouns_at = {p.start for p in found if p.kind == "metric_noun" and "metric_verb" not in lexicon.matcher.kinds(p.surface)
                and _VERB_NEXT.match(text, p.end)}
    mentions = tuple(m for m in mentions
                     if not (m.kind == "name" and m.role == "name" and " " not in m.surface and not text[:m.start].strip(_OPENERS)
                             and (m.end + 1) in nouns_at and text[m.end:m.end + 1] == " "
                             and not re.search(rf"[a-z,] {re.escape(m.surface)}\b", article.body)))
    # "FY2023-24 garment exports": a capitalised date is no name
    mentions = tuple(m for m in mentions if not (m.kind == "name" and any(d.span_start <= m.start < d.span_end for d in dates)))
    names = [(m.start, m.end) for m in mentions if m.kind == "name"]
    # "Davowick Resources" or "Crebaria Grain" name a company, not a metric or a commodity
    phrases = tuple(p for p in found
                    if not (p.kind in _NAMEABLE and any(a <= p.start and p.end <= b for a, b in names)))
    return ClaimReading(claim, article, text, quantities, dates, mentions, phrases)


_VERB_NEXT = re.compile(r"[ \t]+[a-z]")
# a count, then at most two capitalised words (a maker's name), then goods: "about 480 Aerovance aircraft"
_COUNT_THEN_GOODS = re.compile(r"[ \t]+(?:[A-Z][\w-]*[ \t]+){0,2}$")


def _counts_other_goods(text: str, opening: PhraseHit, found: tuple[PhraseHit, ...], quantities: tuple[Quantity, ...]) -> bool:
    """ "Saffron already had about 480 Aerovance aircraft on order": goods that open a sentence whose first
    figure counts other goods own nothing; the capitalised word is a name (an airline)."""
    first = next((q for q in quantities if q.start > opening.end), None)
    if first is None or first.kind != "number":
        return False
    return any(p.kind == "commodity" and p.surface.lower() != opening.surface.lower() and p.start > first.end
               and _COUNT_THEN_GOODS.fullmatch(text, first.end, p.start) for p in found)


def _based_company(text: str, lexicon: AlignLexicon) -> list[PhraseHit]:
    """ "the Copenhagen-based carrier", "the Saskatchewan company": company anaphors (cues.toml
    company_anaphors) with the seat of the company between "the" and the noun."""
    pattern = _based_pattern(lexicon.cues.get("company_anaphors", frozenset()))
    return [PhraseHit(m.start(), m.end(), "company_anaphors", "company_anaphors", m.group()) for m in pattern.finditer(text)]


@functools.lru_cache(maxsize=4)
def _based_pattern(anaphors: frozenset[str]) -> re.Pattern:
    nouns = company_nouns(anaphors)
    if not nouns:
        return re.compile(r"(?!)")
    # ("The Saskatchewan company's mines": a one-word seat without "-based"; "The company, based in Seattle,":
    # the seat in an aside; "The London-listed company": where its shares trade)
    alternation = '|'.join(map(re.escape, sorted(nouns)))
    return re.compile(rf"\b[Tt]he\s+(?:[A-Z][\w.]*(?:[ -][A-Z][\w.]*)*-(?:based|listed|headquartered|registered)|[A-Z][a-z]+)\s+(?:{alternation})\b"
                      rf"|\b[Tt]he\s+(?:{alternation}),\s+(?:based|headquartered)\s+in\s+[A-Z][\w.]*(?:[ -][A-Z][\w.]*)*,")


def company_nouns(anaphors: frozenset[str]) -> frozenset[str]:
    """The nouns of "the company", "the group" ... (cues.toml company_anaphors)."""
    return frozenset(a.split()[-1] for a in anaphors if a.startswith("the "))


_PACKAGE_AFTER = re.compile(r"[ \t]+([a-z]+)\b")


def _weighed_packages(text: str, quantities: list[Quantity], lexicon: AlignLexicon, article_commodity: str | None) -> list[Quantity]:
    """ "50.4 million bags" of coffee: a count of the commodity's standard package is that much mass,
    so it meets "3 million tonnes" and "50 million 60-kg bags" (the finding says so)."""
    words = {m.group(1) for q in quantities if q.kind == "number" and (m := _PACKAGE_AFTER.match(text, q.end))}
    if not any(words & weights.keys() for weights in lexicon.packages.values()):
        return quantities           # no count of packages: the commodity need not be looked for
    named = lexicon.commodity_finder.search(text.lower())
    commodity = lexicon.commodity_of[named.group()] if named else article_commodity
    weights = lexicon.packages.get(commodity or "")
    if not weights:
        return quantities
    out = []
    for q in quantities:
        word = _PACKAGE_AFTER.match(text, q.end) if q.kind == "number" else None
        spec = weights.get(word.group(1)) if word else None
        if spec is None:
            out.append(q)
            continue
        weight, unit = spec
        base, factor = units.factor(unit, "mass")
        each = weight * factor
        label = lexicon.commodity_labels.get(commodity or "", commodity)
        out.append(replace(q, kind="quantity", unit=unit, value=q.value * weight, low=q.low * each, high=q.high * each,
                           base_unit=base, dimension="mass",
                           notes=(*q.notes, f"{word.group(1)} of {label} read as {weight:g}-{unit.replace('_', ' ')} {word.group(1)}")))
    return out


# lower-case words after a name, a unit number maybe first ("the Vrbno 3 nuclear reactor")
# (or an apposition: "Okpara Deep, the offshore field that came on stream in June 2024")
# ("Jandaia, the company's second field": a possessive may stand in an apposition)
_WORDS_AFTER_NAME = re.compile(r"(?:[ \t]+\d{1,3}[A-Za-z]?(?![\d.,%]))?(?:,(?=[ \t]+(?:the|a|an|its)[ \t]))?((?:\s+[a-z][A-Za-z-]*(?:['’]s)?){1,4})")


# ", with the first train leaving Buenavista station": a clause that only tells how something went
WITH_CLAUSE = re.compile(r",\s+with\s", re.I)
# where a thing stands, in an aside after it ("The plant, on the coast near Caldera, pumps ..."): no subject
WHERE_ASIDE = re.compile(r"(?<=\w),\s+(?:just\s+)?(?:on|near|off|along|outside|(?:north|south|east|west)\s+of)\s[^,;]{1,80},")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{1,8}")


# participles that name a kind of facility, no verb ("the Bunya Ridge pumped hydro project")
_KIND_PARTICIPLES = frozenset({"pumped", "combined", "liquefied", "integrated", "bonded"})


def facility_after(text: str, end: int, facilities: frozenset[str]) -> bool:
    """A facility noun after a name, at most three lower-case words between ("Port Zanwood grain terminal"),
    or in the run of Chinese text right after it ("Pelican Bend蓝氨工厂")."""
    # ("马努岭（Marnoo Ridge）铁矿": a Latin name in brackets after the Chinese one)
    cjk = _CJK_RUN.match(text, end + 1 if text.startswith(("）", ")"), end) else end)
    if cjk:
        return any(noun in cjk.group() for noun in facilities if _CJK_RUN.fullmatch(noun))
    match = _WORDS_AFTER_NAME.match(text[end:end + 70])
    if match is None:
        return False
    words = match.group(1).split()
    if words[0].endswith("ed") and "-" not in words[0] and words[0] not in _KIND_PARTICIPLES:
        # "Ticino entered full commercial operation": a verb after the name, no facility of it; an
        # adjective stands right before its noun ("the Fomuri Estuary automated terminal")
        words = words[:2]
    # ("the West Java port city of Cirebon", "the mining town of X": a facility noun before a place noun
    # describes the place)
    return any(w in facilities and (i + 1 == len(words) or words[i + 1] not in _PLACE_NOUNS) for i, w in enumerate(words))


_PLACE_NOUNS = frozenset({"city", "town", "towns", "cities", "village", "district", "province", "region", "area", "suburb", "county"})


def facility_nouns(text: str, mention: EntityMention, facilities: frozenset[str]) -> list[str]:
    """The facility nouns a name carries or has right after it ("Talvera International Airport" ->
    airport; "the Pelican Bend ammonia plant" -> plant)."""
    words = [w.lower() for w in mention.surface.split()]
    after = _WORDS_AFTER_NAME.match(text[mention.end:mention.end + 70])
    nouns = ([words[0], words[-1]] if len(words) > 1 else []) + (after.group(1).lower().split() if after else [])
    return [noun for noun in nouns if noun in facilities]


def facility_named(mention: EntityMention, facilities: frozenset[str]) -> bool:
    """Does the name itself start or end with a facility noun ("Fab C2", "Mine 3", "Baltic Interconnector")?"""
    words = mention.surface.split()
    if mention.kind == "name" and CJK.match(mention.surface):
        # "德德萨瀑布水电站": a Chinese name that ends in a facility noun
        return any(mention.surface.endswith(noun) and len(mention.surface) > len(noun) for noun in facilities if CJK.match(noun))
    return mention.kind == "name" and len(words) > 1 and (words[0].lower() in facilities or words[-1].lower() in facilities)


def is_deadline(reading: ClaimReading, date: DateValue) -> bool:
    """ "aims to ... by 2030" is a deadline; a sentence that opens "By 2020, China accounted for ..." dates a fact."""
    if not date.deadline:
        return False
    opening = reading.text[:date.span_start].strip().lower()
    following = reading.text[date.span_end:date.span_end + 2]
    return not (opening in ("by", "by the end of", "by end of") and following.startswith(","))


_CHANGE_FROM = re.compile(r"\b(?:up|down|higher|lower|rise|rose|risen|fell|fall|fallen|increase|increased|decrease|decreased|"
                          r"drop|dropped|gain|gained|growth|jump|jumped|climb|climbed|slip|slipped)\b(?:[^,;.]|\.(?=\d)){0,30}?"
                          r"\b(?:from|on|over|than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+)?"
                          r"(?:same\s+(?:period|month|quarter)\s+(?:of|in|a)\s+)?$", re.I)
_CHANGED_FROM = re.compile(r"\b(?:up|down)\s+(?:\S+\s+)?from\s+$", re.I)
# (or "..., half their level in January": a level compared with)
_MORE_THAN_IN = re.compile(r"\b(?:(?:more|less|fewer|higher|lower|bigger|smaller)\s+than|(?:its|their)\s+(?:level|peak|high|low))"
                           r"\s+(?:in|during|of)\s+(?:the\s+)?$", re.I)
# a pace compared with an earlier one, whose date dates that pace only
_PACE_FROM = re.compile(r"\b(?:slowing|slowed|slows|easing|eased|eases|cooling|cooled|accelerating|accelerated|quickening|"
                        r"quickened|picking\s+up|down|up)\s+from\s+[^,;.]{0,40}?\b(?:growth|pace|rate|increase|gain|rise|"
                        r"decline|fall|drop)s?\s+(?:in|during|of)\s+(?:the\s+)?$", re.I)
_CHANGE_FROM_ENDS = ("from", " on", "over", "than", "with", " to", "versus", "vs", "vs.", "the", "period of", "period in",
                     "period a", "month of", "month in", "month a", "quarter of", "quarter in", "quarter a")
# ("around $595 a tonne, well above the roughly $530 paid in June")
# ("well below the company-wide average of 3.1 hectolitres in 2022": a level compared with, a few words after "below the")
_BASELINE_LEAD = re.compile(r"\b(?:from|than|compared with|compared to|versus|vs\.?|against|(?:above|below)\s+the(?:\s+[\w-]+){0,3}\s+of)\s+$"
                            r"|\b(?:above|below)\s+the\s+$"
                            # ("swung to a net profit of 455 million yuan, from a loss of 160 million yuan in fiscal 2023")
                            r"|\b(?:from|compared\s+with|after|against)\s+an?\s+(?:(?:net|operating|pre-tax)\s+)?(?:loss|profit|deficit|surplus)\s+of\s+$", re.I)
# ("was set at 62,000 tonnes, the same as in 2023", "unchanged from 2023": a date the figure is compared with)
_SAME_AS_BEFORE = re.compile(r"\b(?:the\s+same\s+as|same\s+as|unchanged\s+from|level\s+with|in\s+line\s+with)\s+(?:(?:in|at|for)\s+)?(?:the\s+)?$", re.I)
# "44.7% in 2023", "27.5 million bags in 2023/24", "8.5 GW at the end of 2023", "$290/kg a year ago"
# ("down from 29,800 in the same period of 2021")
_BASELINE_GAP = re.compile(r"(?:/[a-z]+)?(?:\s+[a-z][\w-]*){0,2}?\s*(?:(?:in|during|at|for|over)\s+(?:the\s+)?)?"
                           r"(?:(?:same\s+)?(?:period|months|quarter|half)\s+(?:of|in)\s+)?", re.I)




def is_reference(text: str, end: int) -> bool:
    """Does a date or year ending at ``end`` name a level compared with ("its 2019 record", "2022/23
    levels": events.toml reference_after)?"""
    from checker.align.events import load_event_rules      # (events reads this module)
    return load_event_rules().reference_after.match(text, end) is not None


def is_compared(text: str, start: int) -> bool:
    """Is a date or year starting at ``start`` one compared with or a span's limit ("more than double the
    2023 total", "than in 2022": events.toml reference_before)?"""
    from checker.align.events import load_event_rules      # (events reads this module)
    return load_event_rules().reference_before.search(text, max(0, start - 40), start) is not None


_COMMA_FROM = re.compile(r",\s*(?:up\s+|down\s+)?from\s+$")


def is_baseline(reading: ClaimReading, date: DateValue) -> bool:
    """ "rose to 47.4% from 44.7% in 2023", "up from 8.5 GW at the end of 2023": the date of the
    earlier value a change is measured from. It dates that value only, never the sentence's other
    figures, and it is no event."""
    text = reading.text
    if _SAME_AS_BEFORE.search(text, max(0, date.span_start - 30), date.span_start):
        return True
    if is_reference(text, date.span_end):
        return True         # "about 70% of its 2019 record", "back to 2022/23 levels": a level compared with
    if CJK.match(text, max(0, date.span_start - 1)) and is_compared(text, date.span_start):
        return True         # "较2022年下降约8个百分点": the year compared with (events.toml reference_before)
    for q in reading.quantities:
        if q.end <= date.span_start and _BASELINE_GAP.fullmatch(text, q.end, date.span_start) \
                and (lead := _BASELINE_LEAD.search(text, max(0, q.start - 50), q.start)):
            if lead.group().lower().startswith(("above", "below")):
                return True     # "will use 2.5 hl, well below the company-wide average of 3.1 hl in 2022"
            # ("is due to go up to €13.99 a month from €12.99 in June 2024": the one date of a change still
            # ahead is the change's; but "is expected to harvest about 1.8 million tonnes, down from 2.24
            # million tonnes in 2022/23" names the earlier value's)
            # ("is expected to fall to about 230 million yuan, from 610 million yuan in 2019": an earlier value set
            # off by a comma is dated by its own date)
            return len(reading.dates) > 1 or not _upcoming_before(text, q.start) \
                or _CHANGED_FROM.search(text, max(0, q.start - 20), q.start) is not None \
                or _COMMA_FROM.search(text, max(0, q.start - 12), q.start) is not None
    if _MORE_THAN_IN.search(text, max(0, date.span_start - 40), date.span_start):
        return True         # "processed 1.08 million tonnes of scrap, 6% more than in 2021"
    if _PACE_FROM.search(text, max(0, date.span_start - 70), date.span_start):
        return True         # "grew 5.1% to 33.2 billion yuan, slowing from double-digit growth in 2022"
    # "down about 11% from the previous year", "up 5% on 2022": the year a change is measured from
    # (a cheap look at the last word first: most dates follow "in")
    if not text[max(0, date.span_start - 12):date.span_start].rstrip().lower().endswith(_CHANGE_FROM_ENDS):
        return False
    return _CHANGE_FROM.search(text, max(0, date.span_start - 60), date.span_start) is not None


def _upcoming_before(text: str, end: int) -> bool:
    """Do the words before ``end`` say something is still to happen ("is due to", "will")?"""
    return load_tense_rules().upcoming.search(fold(text[:end])) is not None


def described_name(reading: ClaimReading, owner: EntityMention) -> EntityMention | None:
    """The name an owner's possessive describes after a few lower-case words ("Canada's national
    pension fund manager CPP Investments", "Jade Kite Pictures' naval action film "Iron Harbour""),
    if any: what the sentence is about, the owner only says whose it is."""
    return next((e for e in reading.entities if e.kind == "name" and e.start > owner.end
                 and _DESCRIBED_GAP.fullmatch(reading.text, owner.end, e.start)), None)


_DESCRIBED_GAP = re.compile(r"(?:'s|’s|'|’)?(?:\s+[a-z][\w-]*){1,4}\s+[\"“‘']?")


def figure_of_date(reading: ClaimReading, date: DateValue) -> Quantity | None:
    """The figure a date modifies with "的" ("2023年的425万吨"), or the money a budget year follows
    ("has asked Congress for ₱710 billion for 2024"), if any: that figure's period, no event."""
    if not reading.text.startswith("的", date.span_end):
        return next((q for q in reading.quantities if q.kind == "currency" and q.end <= date.span_start
                     and _FOR_BUDGET_YEAR.fullmatch(reading.text, q.end, date.span_start)), None)
    return next((q for q in reading.quantities if q.start == date.span_end + 1), None)


_FOR_BUDGET_YEAR = re.compile(r"\s+for\s+(?:the\s+)?(?:(?:fiscal|financial|budget)\s+(?:year\s+)?)?", re.I)


def parenthesis_around(text: str, pos: int) -> tuple[int, int] | None:
    """The innermost ( ... ) holding ``pos`` within one sentence, or None."""
    open_at = text.rfind("(", 0, pos)
    if open_at < 0 or text.rfind(")", open_at, pos) >= 0:
        return None
    close_at = text.find(")", pos)
    return (open_at, close_at + 1) if close_at >= 0 else None


def name_before(reading: ClaimReading, comma: int, kinds: tuple[str, ...] = ()) -> bool:
    """Does an entity (of one of ``kinds``, if given) end right before the comma at ``comma``?"""
    return any((not kinds or e.kind in kinds) and e.end <= comma and not reading.text[e.end:comma].strip()
               for e in reading.entities)


_DESCRIPTION_OPEN = re.compile(r",\s+(?:one\s+of|the|a|an)\s[^,;]*$", re.I)
_POSSESSIVE_DESCRIPTION = re.compile(r",\s+(?:(?:long|once|now|still|formerly|traditionally)\s+)?")


def described_apposition(reading: ClaimReading, mention: EntityMention, figure: int) -> bool:
    """ "Aurelia Cruises, one of the busiest lines in the western Mediterranean, carried ...": a place
    inside a description set off by commas after a name is no subject."""
    comma = reading.text.rfind(",", 0, mention.start)
    if comma < 0 or "," not in reading.text[mention.end:figure]:
        return False
    if getattr(mention, "role", "") == "possessive" and _POSSESSIVE_DESCRIPTION.fullmatch(reading.text, comma, mention.start):
        # ("South Korea, long China's main rival, won roughly a fifth": whose rival it is says who it is)
        return name_before(reading, comma)
    if not _DESCRIPTION_OPEN.match(reading.text, comma, mention.start):
        return False
    # ("Antalya's own airport, the gateway to the Mediterranean resorts, handled ...": a name's thing too)
    return name_before(reading, comma, ("name",)) or any(
        e.kind == "name" and e.end <= comma and _NAMED_THING.fullmatch(reading.text, e.end, comma) for e in reading.entities)


_NAMED_THING = re.compile(r"(?:'s|’s)?(?:\s+[a-z-]+){1,3}")


def year_unsaid(date: DateValue) -> bool:
    """Is ``date`` written with no year and no word placing it ("in June", "the end of June", "in the first half";
    not "June 2024", "next June", "last June")? The nearest reading of such a date may be a year off."""
    return _YEAR_SAID.search(date.text) is None


_YEAR_SAID = re.compile(r"\d{4}|'\d\d|\b(?:next|this|coming|last|previous|following)\b", re.I)
