"""Stated counts next to the items they enumerate ("the four countries, the US, Japan and India")."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from checker import trie
from checker.align.reading import ClaimReading
from checker.data import default_rules_dir, expect, expect_str_list, read_toml
from checker.model import EntityMention

# between two listed items; an item may carry one modifier ("and mainland China", "the 27-member EU")
# (an item may carry up to two lower-case words before its name: "state miner Gécamines")
_SEP_WORD = r"(?:(?!(?:in|of|at|near|from|to|with|by|on|for|and|or|other|many|several|some)\b)[a-z][a-z-]*\s+)"
# (a separator, then at most a short description: "and the regional government company X")
_SEP = re.compile(rf"\.?\s*(?:,\s*and|,\s*or|,|and|or|&)\s*(?:the\s+{_SEP_WORD}{{1,3}}|(?:the\s+)?{_SEP_WORD}{{2}}"
                  # (no preposition: "Kwena, Thaba and Mmapula, near Brits" ends the list before the place)
                  r"|(?:the\s+)?(?:(?!(?:other|many|several|some|in|of|at|near|from|to|with|by|on|for)\b)[a-z0-9][a-z0-9-]*\s+)?"
                  # ("..., Lima-based Grupo Tumbes and ...": a place-based adjective before the name)
                  r"|[A-Z][\w.]*-[a-z]+\s+)$")


@dataclass(frozen=True)
class CountRules:
    numbers: dict[str, int]
    partial: tuple[str, ...]
    not_counted: frozenset[str]
    pattern: re.Pattern
    member_nouns: frozenset[str] = frozenset()
    partial_after: tuple[str, ...] = ()
    enumerator: re.Pattern = re.compile("(?!)")   # "namely " / "i.e. " at the start of a list
    place_noun: re.Pattern = re.compile("(?!)")   # " state" after a place an item stands in ("in São Paulo state")
    where_before: re.Pattern = re.compile("(?!)")  # " across " after a count: the places that follow say where


@dataclass(frozen=True)
class CountStatement:
    """A count and the list that enumerates it, inside one claim."""

    count: int
    noun: str
    count_text: str
    items: tuple[EntityMention, ...]
    start: int
    end: int
    reading: ClaimReading


@functools.lru_cache(maxsize=4)
def load_count_rules(rules_dir: str | None = None) -> CountRules:
    path = Path(rules_dir or default_rules_dir()) / "lexicons" / "counts.toml"
    data = read_toml(path)
    numbers = {k.lower(): int(v) for k, v in expect(data, "numbers", dict, path).items()}
    adjectives = expect(data, "max_adjectives", int, path, default=2)
    words = trie.alternation(numbers)
    # plurals not made with -s ("the four consortia")
    irregular = expect_str_list(data, "irregular_plurals", path, default=[])
    plural = rf"[a-z][a-z-]*s|{trie.alternation(w.lower() for w in irregular)}" if irregular else r"[a-z][a-z-]*s"
    no_plurals = expect_str_list(data, "not_plurals", path, default=[])
    not_plural = rf"(?!(?:{trie.alternation(w.lower() for w in no_plurals)})(?![\w-]))" if no_plurals else ""
    pattern = re.compile(
        # ("the three companies whose awards ...": a relative word ends the noun phrase; "five of the
        # ships" is a part of a whole, no count of a list)
        # ("30.4 million paid members": no decimal's tail, and no amount with a magnitude, is a count of a list)
        rf"(?<![\w-])(?<!\d[.,])(?P<num>\d{{1,2}}|{words})(?!\s+(?:million|billion|thousand|trillion|hundred|mn|bn|m|k)\b)\s+(?P<adj>(?:(?!(?:whose|that|which|who|where|of)\b)[A-Za-z][A-Za-z-]*\s+(?:and\s+(?=[a-z]))?){{0,{adjectives}}})"
        # ("four new bases this spring": a word ending in -s is no plural noun for being so, counts.toml not_plurals)
        rf"{not_plural}(?P<noun>{plural})(?![\w-])",
        re.I,
    )
    return CountRules(numbers, tuple(expect_str_list(data, "partial", path)),
                      frozenset(expect_str_list(data, "not_counted", path)), pattern,
                      frozenset(expect_str_list(data, "member_nouns", path)),
                      tuple(expect_str_list(data, "partial_after", path)),
                      re.compile(rf"\s*(?:{trie.alternation(expect_str_list(data, 'enumerators', path, default=[]))})"
                                 r"[ \t]*,?[ \t]*", re.I),
                      re.compile(rf"[ \t]+(?:{trie.alternation(expect_str_list(data, 'place_nouns', path, default=[]) or ['(?!)'])})\b"),
                      _where_before(expect_str_list(data, "where_words", path, default=[])))


def _where_before(words: list[str]) -> re.Pattern:
    """ " across " (counts.toml where_words) right after a count, before the place it names."""
    if not words:
        return re.compile("(?!)")
    return re.compile(rf"\s+(?:{trie.phrase_alternation(words)})\s+(?:the\s+)?", re.I)


# ("Hanseong Rail Systems of South Korea, Takumi Rolling Stock of Japan and ...": where an item is from)
_LABEL_BEFORE = re.compile(r"\b(?!(?:The|These|Those|All|Its|Their|Our|Some|About|Around|Nearly|Only|Just|Over|Almost)\s)[A-Z][\w-]*\s+$")
_LOCATIVE = re.compile(r"[ \t]+(?:in|at|near|of|from)[ \t]+(?:the[ \t]+)?")
# ("Baotai's factory in Hai Phong, Kestrel's plant in northern Estonia": the item's facility, then where it stands)
_FACILITY_LOCATIVE = re.compile(r"(?:['’]s?)?(?:[ \t]+[a-z][a-z-]*){1,2}[ \t]+(?:in|at|near)[ \t]+"
                                r"(?:the[ \t]+)?(?:(?:northern|southern|eastern|western|central|north-eastern|north-western|"
                                r"south-eastern|south-western|coastal|rural)[ \t]+)?")
# (whole words only: " for the turbines," is no noun after the name)
_NAME_TAIL = re.compile(r"^(?:[ \t]+[a-z][a-z-]*(?![\w-])){1,2}(?=[ \t]*(?:,|&)|[ \t]+(?:and|or)\b)")
_NAME_NUMBER = re.compile(r"^[ \t]+\d{1,3}(?![\d.,]\d)")


def _list_after(reading: ClaimReading, start: int, rules: CountRules) -> tuple[list[EntityMention], bool, bool]:
    """The items listed after a count, whether an enumerator ("namely") opened the list, and whether the
    items are only where the counted things stand, several to one (a list longer than the count still
    disagrees with it: "three sorting hubs — in A, B, C and D")."""
    text = reading.text
    # "the four countries with the largest reserves, Russia, ...", "the five producers are A, B ...",
    # "the four producers (A, B and C)": a short qualifier may come first, then a comma, dash,
    # colon, bracket or a copula
    # ("the three dams that X has built on tributaries of the Mekong since 2019 — A, B, C —": a longer
    # qualifier when a dash sets the list off; "three countries so far this year — A, B, C and D —", "six more
    # Mexican cities before the end of the year — A, B, ...")
    lead = re.match(r"(?:\s+(?:with|of|in|from|among|that|which|for|to|on|across|at|by|behind|under|within|over|during|since|before|after|until|ahead\s+of|last|this|so\s+far|[a-z]{3,}ing)\s+[^,:;()]{1,70}?)?(?:\s*[,:—–(]\s*|\s+-\s+|(?<!that)(?<!which)(?<!who)\s+(?:are|were|is|was|comprise|comprised|consist of|being)\s+)"
                    r"|\s+(?:(?:now|still|currently|already)\s+)?(?:that|which|who|whose|where|it|they|we|under|being|[a-z]{3,}ed|[a-z]{3,}ing"
                    # ("the five countries hardest hit — Zambia, ...")
                    r"|[a-z]{3,}est|most|worst|least)\s+[^,:;()—–]{1,90}?\s[—–]\s*"
                    # ("Five governments have opened new investigations into Chinese steel since July: Vietnam, ...")
                    # ("Five offshore wind projects won contracts in the UK's sixth round: A, B, ...")
                    # ("Five European zinc smelters cut or halted production in 2022: A, B, ...")
                    r"|\s+(?:have\s+|has\s+|had\s+)?(?:[a-z]{3,}ed|won|took|got|made|ran|built|sold|bought|began|chose|held|set|struck|cut|shut|lost|hit|kept|left|grew|fell|rose)"
                    r"\s+[^,:;()—–]{1,90}?:\s*", text[start:])
    if not lead:
        return [], False, False
    if rules.pattern.search(lead.group()):
        return [], False, False        # "38 cities in six countries: Spain, ...": the list is the nearer count's
    if (opened := _PLACE_LIST_OPENED.search(lead.group())) is not None and not _WHERE_QUALIFIER.match(lead.group()):
        # ("five European banks to fund new charging hubs in Germany, Italy and Poland": the places the qualifier
        # opened go on, no list of the counted things)
        place = next((e for e in reading.entities if e.start == start + opened.start("place")), None)
        first = next((e for e in reading.entities if e.start >= start + lead.end()), None)
        if place is not None and first is not None and place.kind == first.kind and place.kind != "name":
            return [], False, False
    cursor = start + lead.end()
    if (first := _OF_FIRST_ITEM.fullmatch(lead.group())) is not None:
        # ("named after its four main towns of Sambava, Antalaha, Vohemar and Andapa": "of" opens the list itself)
        cursor = start + first.start("first")
    # "Vantora's four ethylene crackers, in Antwerp, Tarragona and Baytown": one facility in each town listed
    # (or between dashes: "five mainland terminals — in Xiamen, Fuzhou, ... —"; or right after the noun: "three
    # farms at Naivasha, Nanyuki and Timau")
    # ("added three new sites this year, at Reinøya, Kjølvika, Sandtind and Flatholmen": after when, too; after
    # where, "14 restaurants in the kingdom, in Riyadh, Jeddah and Dammam", the towns may hold several each)
    # ("four plants now under construction — at A, B and C": a qualifier that says no where leaves one each)
    exact = lead.group().strip() in (",", "—", "–", "-") or bool(_WHEN_LEAD.fullmatch(lead.group())) \
        or (lead.group().rstrip().endswith(("—", "–")) and not _WHERE_QUALIFIER.match(lead.group()))
    towns = _TOWNS_AFTER.match(text, cursor) if exact or lead.group().strip().endswith(",") else None
    if towns is None and (right := _TOWNS_RIGHT_AFTER.match(text, start)) is not None:
        cursor, towns, exact = right.end(), right, True
    if towns is not None:
        cursor = towns.end()
    opened = rules.enumerator.match(text, cursor)
    if opened:
        cursor = opened.end()
    # "made up of two countries: Ghana." a colon opens a list too
    enumerated = bool(opened) or ":" in lead.group()
    items: list[EntityMention] = []
    located = False
    for mention in _owned_names(reading):
        if mention.start < cursor:
            continue
        if items and enumerated and (apposed := _ITEM_APPOSITION.match(text, cursor)) is not None and mention.start < apposed.end():
            continue        # (the places an item's apposition names are no items)
        gap = text[cursor:mention.start]
        if items and mention.kind == "country" and located and gap.strip() == ",":
            # "Baotai's factory in Hai Phong, Vietnam, ...": the country of the place just named
            cursor = mention.end
            continue
        located = False
        if items and (_LOCATIVE.fullmatch(gap) or _FACILITY_LOCATIVE.fullmatch(gap)):
            # "Santa Luzia, Boa Vista and Rio Claro in São Paulo state and Serra Azul in Goiás": where
            # the item stands, not an item
            tail = rules.place_noun.match(text, mention.end)
            cursor = tail.end() if tail else mention.end
            located = True
            continue
        if items and gap == " " and items[-1].kind == "name" and items[-1].end == cursor and mention.kind != "name":
            # "Mirasol Madrid and Mirasol Sevilla": a place's name closing a name is part of it
            first = items[-1]
            items[-1] = EntityMention(f"{first.entity} {mention.surface.lower()}", text[first.start:mention.end],
                                      first.start, mention.end, "name", "name")
            cursor = mention.end
            continue
        if items and gap in _PAIR_JOINS:
            # "three routes — Madrid–Barcelona, Madrid–Valencia and ...": two names joined by a dash are one item
            first = items[-1]
            items[-1] = EntityMention(f"{first.entity}{gap}{mention.entity}", text[first.start:mention.end],
                                      first.start, mention.end, "name", "name")
            cursor = mention.end
            continue
        if items:
            gap = _NAME_NUMBER.sub("", gap, count=1)     # "Xe Don 4, Nam Phak 1 and ...": a unit number ends a name
            gap = _NAME_TAIL.sub("", gap, count=1)       # "the Lindqvist family office and ...": a noun after a name
            gap = _ITEM_SHARE.sub("", gap, count=1)      # "Kaliandra with 51%, ...": what the item holds
            gap = _ITEM_ROLE.sub("", gap, count=1)       # "Helgard Wind (turbines)", "Nordkabel for the export cables"
            if enumerated and (apposed := _ITEM_APPOSITION.match(gap)) is not None:
                gap = gap[apposed.end():]     # "Fab 1, an 8-inch line in Hefei, and Fab 2": what the item is
        if len(items) >= 2 and gap.lstrip().startswith(",") and _AND_GAP.fullmatch(text, items[-2].end, items[-1].start) \
                and _CLAUSE_AFTER_ITEMS.match(text, mention.end):
            # ("two cities, Lagos and Abuja, and Port Harcourt and Kano are due to follow": after an "and" has
            # closed the list, ", and" opens a clause of its own)
            break
        if items and not _SEP.fullmatch(gap or " "):
            if enumerated and _UNNAMED_ITEM_NEXT.match(gap):
                # ("four duty-free stores on the island: the Haitang Bay flagship in Sanya, the shops at Sanya
                # Phoenix and Haikou Meilan airports, and the new Xinhai store": items without one name each
                # go on; what the names alone list is no count of the items)
                return [], False, False
            break
        if not items and not _FIRST_ITEM_GAP.fullmatch(gap):
            # the first item may carry one modifier: "— mainland China, ..." (but ", with India and
            # Indonesia still awaiting licences" is a clause of its own, no list)
            break
        if items and gap.strip() == "":
            break
        items.append(mention)
        cursor = mention.end
    if len(items) >= 3 and _AND_GAP.fullmatch(text, items[-3].end, items[-2].start) \
            and _AND_GAP.fullmatch(text, items[-2].end, items[-1].start):
        # ("Three regions — Catalonia, Aragon and Castile and León —": a second "and" joins one name's parts)
        last = items.pop()
        items[-1] = EntityMention(f"{items[-1].entity} and {last.entity}", text[items[-1].start:last.end],
                                  items[-1].start, last.end, "name", "name")
    if towns is not None:
        # (towns only, and a full list: "two plants, in Germany and France" tells where, not how many)
        # (a capital is a town too: "in Gdańsk, Porto, Tallinn and Brno")
        return (items, False, not exact) if len(items) >= 2 and all(i.kind == "name" or i.role == "government" for i in items) \
            and _AND_BEFORE_LAST.search(text, items[-2].end, items[-1].start) else ([], False, False)
    if len(items) >= 2:
        # "Al Bawadi Construction, Hejaz Build and a Korean-led joint venture —": an item without a name
        # ends the list
        tail = _NAME_TAIL.match(text[cursor:])      # ("the Emilia-Romagna floods and ...": a noun after the name)
        unnamed = _UNNAMED_LAST.match(text, cursor + (tail.end() if tail else 0))
        if unnamed:
            items.append(EntityMention(f"name?:{unnamed.group('item').lower()}", unnamed.group("item"),
                                       unnamed.start("item"), unnamed.end("item"), "name", "name"))
    return items, enumerated, False


_UNNAMED_ITEM_NEXT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?(?:the|a|an|its|their)\s+[a-z]")
# what an item does, after it: "Helgard Wind (turbines), ...", "Helgard Wind for the turbines, ..."
_ITEM_ROLE = re.compile(r"^(?:\s*\([^()]{1,40}\)|\s+for\s+(?:the\s+|its\s+|their\s+)?(?:[a-z][\w-]*\s*){1,4}(?=,|\s+and\s))")
_ITEM_APPOSITION = re.compile(r",\s+an?\s+[a-z0-9][^,;:()]{0,60}(?=,)")
_ITEM_SHARE = re.compile(r"^,?\s+with\s+(?:the\s+remaining\s+|a\s+|an\s+|about\s+|around\s+|some\s+)?[\d.,]+\s*(?:%|per\s*cent|percent)?(?:\s+stake)?")
_CLAUSE_AFTER_ITEMS = re.compile(r"(?:\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?\s+(?:are|is|was|were|will|would|have|has|had|remain|remains|follow|should|could|may|to)\b")
_PLACE_LIST_OPENED = re.compile(r"\s(?:in|at|to|from|across)\s+(?P<place>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)\s*,\s*$")
_OF_FIRST_ITEM = re.compile(r"\s+of\s+(?P<first>[A-Z][\w'’-]*)\s*,\s*")
_WHERE_QUALIFIER = re.compile(r"\s+(?:in|at|across|within|on|throughout)\s")
# ("opened five experience stores in the quarter, in Chengdu, ...": a period the count is of, then where each stands)
_WHEN_LEAD = re.compile(r"\s+(?:(?:this|last|next)\s+(?:year|month|quarter|season)|in\s+(?:19|20)\d\d|so\s+far"
                        r"|(?:in|during)\s+the\s+(?:(?:first|second|third|fourth|latest|same|past)\s+)?(?:year|month|quarter|season|half|period))"
                        r"\s*[,—–]\s*", re.I)
_TOWNS_AFTER = re.compile(r"(?:in|at)\s+")
_TOWNS_RIGHT_AFTER = re.compile(r"\s+(?:in|at)\s+(?=[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*,\s+[A-Z])")
_AND_GAP = re.compile(r"\s+and\s+")
_AND_BEFORE_LAST = re.compile(r"\band\s+$")
_FIRST_ITEM_GAP = re.compile(r"\s*(?:[Tt]he\s+)?(?:(?!(?:with|without|while|but|although|though|as|after|before|in|at|across|from|near|on)\s)[a-z]+\s+)?")
_PAIR_JOINS = frozenset({"–", "-", "—", "/"})
_LIST_THEN_COUNT = re.compile(r"\s*(?:[:—–-]\s*(?:these|those|they|which)?\s*)?", re.I)
# ("— the Turkish earthquakes, the Emilia-Romagna floods and July's hailstorms in northern Italy —")
_UNNAMED_LAST = re.compile(r"\s*(?:,\s*and|,\s*or|and|or)\s+(?P<item>(?:(?:a|an|one|another|the)\s+[A-Za-z][\w-]*|[A-Z][\w-]*(?:'s|’s))"
                           r"(?:\s+[a-z][\w-]*){0,3}(?:\s+[A-Z][\w-]*)?)"
                           r"\s*(?=[—–);]|\.?\s*$)")


def _owned_names(reading: ClaimReading) -> list[EntityMention]:
    """The entities, a possessive place right before a name joined to it ("Japan's Kaiyo Trading" is one item)."""
    out: list[EntityMention] = []
    owner: EntityMention | None = None
    for mention in reading.entities:
        if owner is not None and mention.kind == "name" and (
                reading.text[owner.end:mention.start].strip() in ("", "'s", "’s", "'", "’")
                or (owner.role == "demonym" and _DESCRIPTOR.fullmatch(reading.text, owner.end, mention.start))):
            # ("Japanese trading house Kansai Tsusho": a demonym and a descriptor before a name, one item)
            out[-1] = replace(mention, surface=reading.text[owner.start:mention.end], start=owner.start)
            owner = None
            continue
        # ("the Nigeria Sovereign Investment Authority": a place right before a name is part of it)
        # ("Setouchi's Marugame, Onomichi and Sakaide yards": a company's possessive before a name is its owner)
        owner = mention if (mention.kind == "name" and mention.role == "possessive") or mention.kind != "name" and (mention.role in ("possessive", "demonym") or (
            mention.role == "name" and reading.text.startswith(" ", mention.end)
            and reading.text[mention.end + 1:mention.end + 2].isupper())) else None
        out.append(mention)
    return out


_DESCRIPTOR = re.compile(r"(?:\s+[a-z][a-z-]*){1,3}\s+")


def _enclosed(text: str, start: int, item: EntityMention) -> bool:
    """Is a single item set off between dashes or brackets right after the count?"""
    opener = re.match(r"\s*([—–(])", text[start:item.start])
    closer = re.match(r"\s*([—–)])", text[item.end:])
    return bool(opener and closer)


def _list_before(reading: ClaimReading, start: int) -> list[EntityMention]:
    text = reading.text
    # "A, B and C, the three producers ..." or "A, B and C make up the three producers ..."
    lead = re.search(r"(?:[,:—–]\s*|\s+(?:make up|makes up|made up|are|were|form|formed|comprise|constitute|became)\s+)(?:the\s+|all\s+)?$", text[:start], re.I)
    if not lead:
        return []
    cursor = lead.start()
    items: list[EntityMention] = []
    for mention in reversed(reading.entities):
        if mention.end > cursor:
            continue
        gap = text[mention.end:cursor]
        if items and not _SEP.fullmatch(gap or " "):
            break
        if not items and not _LIST_THEN_COUNT.fullmatch(gap):
            break           # ("A, B and C: these are the four groups ..." : a pronoun may point back to the list)
        items.insert(0, mention)
        cursor = mention.start
    # a list before the count must open the sentence (or follow a colon)
    if items and text[:items[0].start].strip(" \"“'").lower() not in ("", "the"):
        return []
    return items


@dataclass(frozen=True)
class GroupCount:
    """A count stated for a named group: "the Quad's four members", "the four members of the Quad"."""

    group: str                 # entity id of the bloc
    count: int
    text: str
    start: int
    end: int
    reading: ClaimReading


def group_counts_of(reading: ClaimReading, rules: CountRules | None = None) -> list[GroupCount]:
    """Counts tied to a bloc of the lexicon, to check against its members and other sources."""
    rules = rules or load_count_rules()
    text = reading.text
    found = []
    blocs = [e for e in reading.entities if e.kind == "bloc"]
    if not blocs:
        return found
    for match in rules.pattern.finditer(text):
        raw = match.group("num").lower()
        count = int(raw) if raw.isdigit() else rules.numbers.get(raw)
        noun = match.group("noun").lower()
        if count is None or noun not in rules.member_nouns:
            continue
        if _SUBSET_BEFORE.search(text, max(0, match.start() - 20), match.start()) or _QUALIFIED_AFTER.match(text, match.end()):
            continue        # "one of seven EU members placed under an excessive deficit procedure": some of them
        for bloc in blocs:
            before = text[bloc.end:match.start()]
            after = text[match.end():bloc.start]
            # "the Quad's four members" / "the four members of the Quad" / "the four Quad countries"
            if (bloc.role == "possessive" and not before.strip()) or re.fullmatch(r"\s+of\s+(?:the\s+)?", after) \
                    or (bloc.start > match.start() and bloc.end <= match.end() and bloc.role != "demonym"
                        # ("bids for projects in five EU countries": without "the", "all" or "its" a count of
                        # the bloc's countries is some of them)
                        and _WHOLE_GROUP_BEFORE.search(text, max(0, match.start() - 12), match.start())):
                # ("the four Southeast Asian countries" are four of the region's, not its whole membership)
                found.append(GroupCount(bloc.entity, count, match.group(), match.start(), match.end(), reading))
                break
    return found


_FIRST_WORD = re.compile(r"([a-z]+|\d+)\b")
# ("each of the five largest destinations: A, B, ..." is all of them)
_SELECTION_BEFORE = re.compile(r"(?<!each )(?<!all )(?<!both )\b(?:of|among)\s+(?:the|its|their)\s+(?:(?:top|biggest|largest|leading|main)\s+)?$", re.I)
_WHOLE_GROUP_BEFORE = re.compile(r"\b(?:the|all|its|their|all\s+the)\s+$", re.I)
_SUBSET_BEFORE = re.compile(r"\b(?:one|two|three|some|any|each|all\s+but\s+one)\s+of\s+(?:the\s+)?$", re.I)
_QUALIFIED_AFTER = re.compile(r"\s+(?:that|which|who|whose|with|without|under|facing|in\s+breach|[a-z]+ed)\b")




def counts_of(reading: ClaimReading, rules: CountRules | None = None) -> list[CountStatement]:
    """Count statements whose enumerated items can be counted (partial lists are skipped)."""
    rules = rules or load_count_rules()
    text = reading.text
    found: list[CountStatement] = []
    for match in rules.pattern.finditer(text):
        noun = match.group("noun").lower()
        if noun in rules.not_counted:
            continue
        if match.group("num").isdigit() and _LABEL_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue        # "two Phase 3 trials": a number in a label, no count
        raw = match.group("num").lower()
        count = int(raw) if raw.isdigit() else rules.numbers.get(raw)
        if count is None:
            continue
        tail = text[match.end():match.end() + 40].lower()
        if any(tail.lstrip(" ,:(—–-").startswith(p) for p in rules.partial):
            continue
        lead = _FIRST_WORD.match(tail.lstrip(" ,:(—–-"))
        if lead is not None and (lead.group(1).isdigit() or lead.group(1) in rules.numbers) and tail.lstrip()[:1] in (":", "—", "–", "(", "-"):
            continue            # "three customers: two US gas distributors and a Japanese chipmaker": groups, no names
        if _SELECTION_BEFORE.search(text, max(0, match.start() - 24), match.start()):
            continue            # "Of the five producers, A and B are the best known", "Three of the top five": a selection
        if re.match(r"\s+(?:include|includes|included|including)\b", text[match.end():]):
            continue
        items, enumerated, several_each = _list_after(reading, match.end(), rules)
        if several_each and len(items) <= count:
            continue            # "14 restaurants in the kingdom, in Riyadh, Jeddah and Dammam": where, not which
        # "the two countries — Ghana — agreed", "the two producers, namely Ghana": a list of one
        single = len(items) == 1 and (enumerated or _enclosed(text, match.end(), items[0]))
        if len(items) < 2 and not single:
            items = _list_before(reading, match.start())
        if not items or (len(items) < 2 and not single):
            continue
        lead_gap = text[match.end():items[0].start].lower() if items[0].start > match.end() else ""
        if any(re.search(rf"\b{re.escape(p)}\b", lead_gap) for p in rules.partial):
            continue            # "five countries with the largest reserves, including A and B"
        after = text[items[-1].end:items[-1].end + 30].lower()
        if any(after.lstrip(" ,)—–-").startswith(p) for p in rules.partial_after):
            continue            # "Korea and Russia among them": a partial list
        where = rules.where_before.match(text, match.end())
        if where is not None and not enumerated and noun not in rules.member_nouns \
                and any(e.start == where.end() and e.kind in ("country", "bloc", "region") for e in reading.entities) \
                and all(i.kind in ("country", "bloc", "region") for i in items):
            continue            # "54 hotels across Thailand, Vietnam, ...": where the things stand, no list of them
        found.append(CountStatement(count, noun, match.group(), tuple(items), match.start(), match.end(), reading))
    return found
