"""Events: dated clauses with a subject (project or actor), an action class and a modality."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from checker import trie
from checker.align.reading import (WITH_CLAUSE, ClaimReading, described_apposition, described_name, facility_after, facility_named, figure_of_date, is_baseline,
                                  is_deadline, year_unsaid)
from checker.align.tense import TenseRules, load_tense_rules, modality_cue
from checker.data import DataError, default_rules_dir, expect, expect_str_list, read_toml
from checker.fold import CJK, fold, lower_ascii
from checker.model import DateValue, EntityMention, Event
from checker.quantities import extract_quantities

_YEAR_SPAN_AFTER = re.compile(r"[-–/](?:\d{2}|\d{4})\b")
_PERIOD_BEFORE = re.compile(r"\b(?:for|over|from|covering|between)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$"
                            r"|\bbetween\s+\S+\s+and\s+$", re.I)     # ("... forests between 2021 and 2025")
_FIGURE_FOR_GAP = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?for\s+(?:the\s+)?(?:full\s+|whole\s+)?(?:year\s+)?$", re.I)
# ("Beijing's mining quota for 2024 totalled 114,000 tonnes": or another past verb of an amount)
_PAST_COPULA_AFTER = re.compile(r"\s+(?:was|were|had\s+been|stood\s+at|totalled|totaled|amounted\s+to|came\s+to|reached)\b", re.I)
_AUXILIARIES = frozenset({"be", "have", "do", "will", "would", "expect", "set", "schedule", "plan", "say", "aim", "go", "get"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# (a unit written into a size, "the 480-km Saryarka bypass", "a 2-GW plant", is no word of the clause)
_WORD_OR_COMMA = re.compile(r"(?<![A-Za-z\d'\-–])[A-Za-z][A-Za-z'-]*|,")


@dataclass(frozen=True)
class EventRules:
    lemma_of: dict[str, str]
    classes: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...]   # id, label, phrases (lemma tuples)
    facilities: frozenset[str]
    determiners: frozenset[str]
    finder: re.Pattern = None          # every phrase, longest first, over the lemma string
    phrase_class: dict = None          # " ".join(phrase) -> (id, label)
    verbs: frozenset[str] = frozenset()
    generic: dict = None               # lemma -> class, used only for named facilities
    facility_finder: re.Pattern = None  # a facility noun as a whole word, on ASCII-lower-cased text
    # a subordinate clause with a subject and verb of its own ("after the reservoir began filling")
    own_subject: re.Pattern = re.compile(r"(?!)")
    # the Chinese phrases of the event classes ("投产", "开通运营"), found in the raw text: Chinese has no
    # words for the lemma scan to split
    cjk_finder: re.Pattern = re.compile(r"(?!)")
    # a clause ends at a semicolon, a dash, or a comma before a clause opener or a participle, or at
    # ", and" before a new subject ("Airlines have added routes, and the operator expects ... in 2025")
    clause_stop: re.Pattern = re.compile(r"(?!)")
    # a date compared with or a span's limit, or a noun's time: no event (events.toml reference_before)
    reference_before: re.Pattern = re.compile(r"(?!)")
    # a date right before these is a level compared with, no event ("will not get back to 2022/23 levels")
    reference_after: re.Pattern = re.compile(r"(?!)")
    new_facility: re.Pattern = re.compile(r"(?!)")   # "the new plant": another facility
    part: re.Pattern = re.compile(r"(?!)")           # "the second (Sundal) potline": a part of the facility
    # "a new cargo terminal at <the site>", "a hydrogen station next to the <facility>": a facility of its
    # own kind at the site (groups "kind", "noun"), right before the site's name or before its facility noun
    site_part: re.Pattern = re.compile(r"(?!)")
    site_part_at_facility: re.Pattern = re.compile(r"(?!)")
    part_nouns: frozenset[str] = frozenset()           # "turbine", "potline": parts a figure may size too
    # the words before the date from which a rule or a decision holds ("from 2025", "effective:")
    effect_from: re.Pattern = re.compile(r"(?!)")       # "... compulsory for companies from 2025"
    effective_label: re.Pattern = re.compile(r"(?!)")   # "Licences required from: August 1, 2023"
    past_state_before: re.Pattern = re.compile(r"(?!)")  # "where they were before 2022": a past time compared with
    # Chinese parts ("首台机组" = "first unit"), found in the raw text, and the part each names
    zh_parts: dict = None
    zh_part_finder: re.Pattern = re.compile(r"(?!)")
    # a Chinese clause that opens with a facility noun ("电站首台机组于2024年8月投产"): the facility named before
    zh_facility_opening: re.Pattern = re.compile(r"(?!)")
    # a Chinese figure that sizes the facility noun after it ("40万吨/年聚氯乙烯（PVC）项目"), in one clause
    zh_sized: re.Pattern = re.compile(r"(?!)")
    # verbs right before a count of facilities opened ("opened four hotels"): a measure, no milestone
    opening_count_verbs: re.Pattern = re.compile(r"(?!)")
    # shops and other outlets a chain opens by the dozen ("open ten large-format stores"): counted, never
    # a facility of their own
    outlets: frozenset[str] = frozenset()
    # a unit its owner has one of, named by its kind after a possessive ("Kaveri Coast's new hydrocracker",
    # "Its 2.8-million-tonne-a-year hydrocracker"): the owner's event, with that part (group "noun")
    owned_part: re.Pattern = re.compile(r"(?!)")
    # a deal's reduced relative clause right before the date ("under an agreement the two companies signed
    # on September 6"): the date is the signing's, whatever the main clause says
    deal_relative: re.Pattern = re.compile(r"(?!)")
    # a subordinator after the date opens a clause of its own ("turned an operating profit in the fourth
    # quarter after Corvalis declared commercial production on July 3"): its verb names no event of the date
    subordinate: re.Pattern = re.compile(r"(?!)")
    # kinds of facility that stand beside a site's own works ("The 20 MW solar plant at Swartkop Pan"): a
    # facility of their own at the site, never the site (events.toml ancillary_kinds)
    ancillary_kinds: frozenset[str] = frozenset()
    # "The domestic pier will open in July 2024", after sentences about the airport: a part the sentence
    # opens with by its kind alone is that part of the facility the article is about
    opening_part: re.Pattern = re.compile(r"(?!)")
    # part_ordinals, in order ("first", "second", ...): "the first two reactors" are the first and the second
    part_ordinals: tuple[str, ...] = ()
    # "截至", "as of": right before a date, they make a count in its clause a level at that date
    as_of: re.Pattern = re.compile(r"(?!)")
    # "had", "operated": right before a count of facilities before the date, they make it a level at that date
    held_count_verbs: re.Pattern = re.compile(r"(?!)")


def _opening_part_pattern(part_nouns: list[str], determiners, fresh: list[str]) -> re.Pattern:
    if not part_nouns:
        return re.compile(r"(?!)")
    skip = trie.alternation(sorted({*determiners, *fresh, "its", "their", "a", "an", "the"}))
    return re.compile(rf"^\W*(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?:{trie.phrase_alternation(fresh)})\s+)?(?!(?:{skip})\s)(?P<kind>[a-z][a-z-]{{2,}})\s+"
                      rf"(?P<noun>{trie.alternation(part_nouns)})\b(?!\s+(?:at|of|in|next|beside|near|for)\b)")


def _owned_part_pattern(nouns: list[str]) -> re.Pattern:
    if not nouns:
        return re.compile(r"(?!)")
    return re.compile(r"(?:\b(?P<its>[Ii]ts|[Tt]heir)|(?<=['’]s))\s+(?:new\s+)?(?:[\w.,$€£-]+\s+)?"
                      rf"(?P<noun>{trie.phrase_alternation(nouns)})\b")


def _deal_relative_pattern(nouns: list[str]) -> re.Pattern:
    if not nouns:
        return re.compile(r"(?!)")
    signers = r"(?:the\s+(?:two\s+)?(?:companies|firms|groups|sides|parties)|both\s+(?:companies|sides)|they|it|[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
    # ("under a PLN 2.1 billion contract signed in March 2023": or the participle right after the deal)
    return re.compile(rf"\b(?i:{trie.phrase_alternation(nouns)})\s+(?:(?:(?:that|which)\s+)?{signers}\s+(?:had\s+|has\s+|have\s+)?)?"
                      r"(?:signed|struck|inked|sealed)\s+(?:(?:on|in|at|during)\s+)?$")


@functools.lru_cache(maxsize=4)
def load_event_rules(rules_dir: str | None = None) -> EventRules:
    path = Path(rules_dir or default_rules_dir()) / "lexicons" / "events.toml"
    data = read_toml(path)
    lemma_of: dict[str, str] = {}
    generic: dict[str, tuple[str, str]] = {}
    for lemma, forms in expect(data, "lemmas", dict, path).items():
        for form in expect_str_list({"f": forms}, "f", path, where=f"lemmas.{lemma}"):
            lemma_of[form.lower()] = lemma
    determiners = frozenset(expect_str_list(data, "determiners", path))
    classes = []
    for event_id, entry in expect(data, "event", dict, path).items():
        where = f"event.{event_id}"
        phrases = tuple(
            tuple(lemma_of.get(w, w) for w in p.lower().split() if w not in determiners)
            for p in expect_str_list(entry, "phrases", path, where=where)
        )
        classes.append((event_id, expect(entry, "label", str, path, where=where), phrases))
        for word in expect_str_list(entry, "generic", path, default=[], where=where):
            generic[lemma_of.get(word, word)] = (event_id, expect(entry, "label", str, path, where=where))
    phrase_class: dict[str, tuple[str, str]] = {}
    for event_id, label, phrases in classes:
        for phrase in phrases:
            phrase_class.setdefault(" ".join(phrase), (event_id, label))
    ordered = sorted(phrase_class, key=len, reverse=True)
    finder = re.compile(r"(?<!\S)(?:" + trie.alternation(ordered) + r")(?!\S)")
    facilities = frozenset(expect_str_list(data, "facilities", path))
    nouns = [f for f in facilities if f.isascii() and f.isalpha() and f == f.lower()]
    # ("Chile's development agency Corfo": a facility noun before one of ``facility_modifiers`` only describes it)
    modified = expect_str_list(data, "facility_modifiers", path, default=[])
    modifier = rf"(?!\s+(?:{trie.phrase_alternation(modified)})\b)" if modified else ""
    facility_finder = re.compile(rf"(?<![A-Za-z])(?:{trie.alternation(nouns)})(?![A-Za-z]){modifier}")
    subordinators = expect_str_list(data, "subordinators", path, default=[])
    # ("since its first turbines were energised": "its" keeps the facility named before as the subject)
    own_subject = re.compile(rf"\b(?:{trie.alternation({w.lower() for w in subordinators})})\s+(?:the|this|that|these|those)\s+"
                             r"(?P<np>(?:[a-z-]+\s+){0,2})(?:[a-z]{3,}ed|began|was|were|is|are|has|had|will|would|came|rose|fell|went)\b") \
        if subordinators else re.compile(r"(?!)")
    cjk = [p for p in phrase_class if re.search(r"[\u4e00-\u9fff]", p)]
    cjk_finder = re.compile(trie.alternation(cjk)) if cjk else re.compile(r"(?!)")
    openers = trie.phrase_alternation(expect_str_list(data, "clause_openers", path, default=[]))
    # ("are increasingly targeting players abroad: overseas sales reached $17.3 billion in 2022": a
    # colon before a lower-case word opens a clause of its own, after a sentence's worth of words, not
    # after a label: "Second fab: construction from H2 2025")
    clause_stop = re.compile(rf"[;]|(?<=.{{40}}):\s+(?=[a-z])|\s[-–—]\s|,\s+(?=(?:{openers}|[a-z]{{3,}}ing)\b)|,\s+and\s+(?=(?:the|its|their|a|an)\s)"
                             # (", and markets expect a first cut in early 2025": a subject and its verb of their own)
                             r"|,\s+and\s+(?=[a-z]+\s+(?:expect|say|see|predict|forecast|believe|estimate)s?\b)")
    time_nouns = trie.phrase_alternation(expect_str_list(data, "time_nouns", path, default=[]))
    limit_words = expect_str_list(data, "reference_before", path, default=[])
    limits = trie.phrase_alternation([w for w in limit_words if not CJK.search(w)])
    # (Chinese limits stand right before the date: "手持订单已排产至2027年")
    cjk_limits = [w for w in limit_words if CJK.search(w)]
    reference_before = re.compile(rf"\b(?:(?:the|a|an|its|their)\s+(?!(?:{time_nouns})\s)[a-z]{{3,}}\s+of|{limits})"
                                  r"\s+(?:the\s+)?(?:end[- ](?:of\s+)?)?$"
                                  + (rf"|(?:{trie.alternation(cjk_limits)})\s*$" if cjk_limits else ""), re.I)
    levels = expect_str_list(data, "reference_after", path, default=[])
    reference_after = re.compile(rf"(?:'s|’s)?\s+(?:{trie.phrase_alternation(levels)})\b", re.I) if levels else re.compile(r"(?!)")
    fresh = trie.phrase_alternation(expect_str_list(data, "new_facility_words", path, default=[]))
    return EventRules(lemma_of, tuple(classes), facilities, determiners,
                      finder, phrase_class, frozenset(lemma_of.values()), generic, facility_finder, own_subject, cjk_finder,
                      clause_stop, reference_before, reference_after, re.compile(rf"\b(?:{fresh})\b", re.I),
                      _part_pattern(data, path), *_site_part_patterns(nouns, determiners, expect_str_list(data, "new_facility_words", path, default=[])),
                      frozenset(w.lower() for w in expect_str_list(data, "part_nouns", path, default=[])),
                      *_effect_patterns(data, path),
                      _words_right_before(expect_str_list(data, "past_state_before", path, default=[])),
                      *_zh_part_patterns(data, path, facilities),
                      _words_right_before(expect_str_list(data, "opening_count_verbs", path, default=[])),
                      frozenset(w.lower() for w in expect_str_list(data, "outlets", path, default=[])),
                      _owned_part_pattern(expect_str_list(data, "owned_parts", path, default=[])),
                      _deal_relative_pattern(expect_str_list(data, "deal_nouns", path, default=[])),
                      re.compile(rf"\s(?:{trie.alternation({w.lower() for w in subordinators})})\s") if subordinators else re.compile(r"(?!)"),
                      frozenset(w.lower() for w in expect_str_list(data, "ancillary_kinds", path, default=[])),
                      _opening_part_pattern([w.lower() for w in expect_str_list(data, "part_nouns", path, default=[])], determiners,
                                            expect_str_list(data, "new_facility_words", path, default=[])),
                      tuple(w.lower() for w in expect_str_list(data, "part_ordinals", path, default=[])),
                      _words_right_before_any(expect_str_list(data, "as_of_words", path, default=[])),
                      _words_right_before(expect_str_list(data, "held_count_verbs", path, default=[])))


def _zh_part_patterns(data: dict, path: Path, facilities: frozenset[str]) -> tuple[dict, re.Pattern, re.Pattern, re.Pattern]:
    parts = expect(data, "zh_parts", dict, path, default={})
    for surface, part in parts.items():
        if not isinstance(part, str):
            raise DataError(path, "expected a string (the part's English name)", key=f"zh_parts.{surface}")
    finder = re.compile(trie.alternation(parts)) if parts else re.compile(r"(?!)")
    nouns = [f for f in facilities if CJK.search(f)]
    # ("电站首台机组于2024年8月投产", "2号机组已于2023年6月并网发电": a sentence that opens with the facility's noun or
    # with one of its parts is about the facility named before)
    opening = re.compile(rf"(?:该|这座|此|这个)?(?:{trie.alternation(nouns)})" + (rf"|(?:{trie.alternation(parts)})" if parts else "")) \
        if nouns else re.compile(r"(?!)")
    sized = re.compile(rf"[^，。；,;]{{0,16}}?(?:{trie.alternation(nouns)})") if nouns else re.compile(r"(?!)")
    return parts, finder, opening, sized


def _words_right_before_any(words: list[str]) -> re.Pattern:
    """Any of ``words``, Latin or Chinese, right before the end of the searched stretch."""
    return re.compile(rf"(?:{trie.phrase_alternation(words)})\s*$", re.I) if words else re.compile(r"(?!)")


def _words_right_before(words: list[str]) -> re.Pattern:
    """Any of ``words`` (an optional "the" after them) right before the end of the searched stretch."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"\b(?:{trie.phrase_alternation(words)})\s+(?:the\s+)?$", re.I)


def _effect_patterns(data: dict, path: Path) -> tuple[re.Pattern, re.Pattern]:
    """events.toml effect_from_words: before a date they say from when something holds; right before it
    ("from 2025") or as a label ("from: August 1, 2023")."""
    words = expect_str_list(data, "effect_from_words", path, default=[])
    if not words:
        return re.compile(r"(?!)"), re.compile(r"(?!)")
    latin = [w for w in words if not CJK.search(w)]
    cjk = [w for w in words if CJK.search(w)]
    alt = rf"\b(?:{trie.phrase_alternation(latin)})"
    # (Chinese words stand right before the date: "自2025年起")
    zh = rf"|(?:{trie.alternation(cjk)})$" if cjk else ""
    return (re.compile(alt + r"\s+(?:the\s+)?(?:start\s+of\s+|beginning\s+of\s+)?$" + zh, re.I),
            re.compile(alt + r"\s*:\s*$", re.I))


def _part_pattern(data: dict, path: Path) -> re.Pattern:
    nouns = expect_str_list(data, "part_nouns", path, default=[])
    ordinals = expect_str_list(data, "part_ordinals", path, default=[])
    if not nouns or not ordinals:
        return re.compile(r"(?!)")
    # (a name, a size or a kind may stand between: "the second Sundal potline", "the second Hualong One reactor", "the first 200-MW unit",
    # "the fifth production line", "the third electrolytic tinning line", never a clause's little words)
    # ("the first of 76 turbines": one of a number of them)
    # ("the first two 350-MW units": so many of them, a part of its own)
    return re.compile(rf"\b(?i:(?P<ordinal>{trie.phrase_alternation(ordinals)}))\s+(?:of\s+(?:the\s+|its\s+|their\s+)?(?:[\d,]+\s+)?)?"
                      rf"(?:(?P<count>two|three|four|five|six|[2-9])\s+)?"
                      rf"(?:(?:[A-Z][\w-]*\s+){{1,2}}|[\d.,]+[- ]?[A-Za-z]{{1,12}}\s+|(?:(?!(?:the|an?|its|their|of|and|or|to|in|at|on|for|time|is|was)\s)[a-z]+(?:-[a-z]+)?\s+){{1,2}})?"
                      rf"(?i:(?P<noun>{trie.phrase_alternation(nouns)}))(?:s|es)?\b")


def _site_part_patterns(nouns: list[str], determiners, fresh: list[str]) -> tuple[re.Pattern, re.Pattern]:
    if not nouns:
        return re.compile(r"(?!)"), re.compile(r"(?!)")
    noun = trie.alternation(nouns)
    # (the kind is a word of its own: not an article or "new", "another")
    kind = rf"(?!(?:{trie.alternation(sorted({*determiners, *fresh, 'its', 'their', 'a', 'an', 'the'}))})\s)(?P<kind>[a-z0-9][a-z0-9-]{{2,}})"
    at = r"\s+(?P<at>at|next\s+to|beside|near|adjacent\s+to)\s+(?:the\s+|its\s+|their\s+)?"
    # ("the new check-in hall at Cartagena's Tierrabomba International Airport": the site's town may stand before it)
    return (re.compile(rf"\b{kind}\s+(?P<noun>{noun}){at}(?:[A-Z][\w.-]*(?:'s|’s)\s+)?$"),
            re.compile(rf"\b{kind}\s+(?P<noun>{noun}){at}(?:{noun})\b"))


def _lemmas(text: str, rules: EventRules) -> list[str]:
    """The clause's words as lemmas, without determiners; a comma stays as a word no phrase holds
    ("first concentrate produced, first cargo due": no "produce first"), and an "-ing" word before a
    facility noun is dropped ("the country's largest producing mine" starts nothing)."""
    lemma_of, determiners, facilities = rules.lemma_of, rules.determiners, rules.facilities
    words = [w.lower() for w in _WORD_OR_COMMA.findall(text)]
    return [lemma_of.get(w, w) for i, w in enumerate(words) if w not in determiners
            and not (w.endswith("ing") and i + 1 < len(words) and words[i + 1] in facilities)]


_FIRST_GOODS_HANDLED = re.compile(r"\bfirst\s+(?:[A-Za-z-]+\s+){1,2}?(?=(?:shipment|shipments|cargo|cargoes|delivery|deliveries)\b)", re.I)


_CLAUSE_MARK = re.compile(r",\s|[;:]")
_BUILDING = re.compile(r"\b(?:began|begun|begin|begins|beginning|start|started|starts|starting)\s+building\s+", re.I)


def _built_facility(clause: str, rules: EventRules) -> str:
    """The clause with the words between "began building" and the facility noun within its phrase left out."""
    found = _BUILDING.search(clause)
    if found is None:
        return clause
    noun = rules.facility_finder.search(lower_ascii(clause), found.end(), found.end() + 80)
    if noun is None or _CLAUSE_MARK.search(clause, found.end(), noun.start()):
        return clause
    return clause[:found.end()] + "the " + clause[noun.start():]


# (with a subject of its own: "Since it opened in the third quarter of 2024, the bridge has ..." points on to the bridge)
_FRONTED_SUBORDINATE = re.compile(r"\W*(?:Since|After|When|Before|Once|Until|Although|Though|While|Because)\s+(?!(?:it|they|he|she|we)\b)")
_FIRST_WORD_IN = re.compile(r"\bfirst\b", re.I)


@functools.lru_cache(maxsize=4)
def _opened_outlet(outlets: frozenset[str]) -> re.Pattern:
    """ "open a 9,000-square-metre flagship", "opened its first store": an outlet a chain opens."""
    return re.compile(rf"\bopen(?:s|ed|ing)?\s+(?:a|an|its|their)\s+(?:[^\s;]+\s+){{0,4}}?(?P<noun>{trie.alternation(outlets)})s?\b", re.I)
_RELATIVE_PLAN = re.compile(r"\b(?:that|which)\s+(?:is|are|was|were)\s+(?:due|scheduled|set|expected|slated|planned|on\s+track)\s+to\s", re.I)
_DATE_LEAD = re.compile(r"(?:\s+(?:in|on|at|from|by|during)(?:\s+the)?)?\s*$")
_DURING_LEAD = re.compile(r"\s*,?\s*(?:during|in\s+the\s+course\s+of|as\s+part\s+of)\s", re.I)


# ("during joint commissioning that began in August"; "Track-laying on the line was completed on June 28, ...
# nine months after it began in October 2023": what began is the work, not the facility's operations)
_GERUND_THAT_BEGAN = re.compile(r"\b[a-z]+ing\s+(?:that|which)\s+(?:had\s+|has\s+)?(?:began|begun|started|commenced)\s*$")
_IT_BEGAN = re.compile(r"\bit\s+(?:had\s+|has\s+)?(?:began|begun|started|commenced)\s*$")
_GERUND_OPENS = re.compile(r"^\W*(?:[A-Z][a-z]+-[a-z]+ing|[A-Z][a-z]+ing)\b")


def _activity_began(text: str, start: int, date_start: int) -> bool:
    """A generic 'began' whose subject is an activity: no start of the facility's operations."""
    lead = _DATE_LEAD.sub("", text[start:date_start])
    return bool(_GERUND_THAT_BEGAN.search(lead) or (_IT_BEGAN.search(lead) and _GERUND_OPENS.match(text)))


def _action(clauses: list[str], rules: EventRules, facility: bool) -> tuple[str, str]:
    """The event of the first clause that names one: a lexicon phrase in any clause beats a
    generic word ("At the beginning of May, the X potline is due to reach nameplate capacity" is
    full capacity, not a start), and a generic word beats a clause's own verb."""
    # ("made its first MHP shipment": the goods between "first" and what was done say nothing of the event)
    # ("began building a 100,000-tonne-a-year primary magnesium smelter": the size and kind between the building
    # verb and the facility say nothing of the event either)
    lemmatised = [_lemmas(_built_facility(_FIRST_GOODS_HANDLED.sub("first ", clause), rules), rules) for clause in clauses]
    if len(clauses) > 1 and _DURING_LEAD.match(clauses[1]) \
            and (during := [m.group() for m in rules.finder.finditer(" ".join(lemmatised[1]))]):
        # ("produced its first sintered magnets ... in July during trial runs": what was going on then names it)
        return rules.phrase_class[during[0]]
    for i, words in enumerate(lemmatised):
        hits = [m.group() for m in rules.finder.finditer(" ".join(words))] or rules.cjk_finder.findall(clauses[i])
        if hits:
            # the phrase nearest the date: the last one before it, the first one after it ("delivered
            # its first months of production ... since the mine produced its first concentrate in");
            # a phrase of several words before a lone word ("the open pit reached nameplate capacity")
            hits = [h for h in hits if " " in h] or hits
            return rules.phrase_class[hits[-1] if i == 0 else hits[0]]
    if facility and rules.generic:
        for words in lemmatised:
            for word in words:
                if word in rules.generic:
                    return rules.generic[word]
    for clause, words in zip(clauses, lemmatised):
        verb = _own_verb([w for w in words if w != ","], rules, _prepositions(clause, rules))
        if verb[0]:
            return verb
    return "", ""


def _prepositions(text: str, rules: EventRules) -> frozenset[int]:
    """Where, in the lemma list of ``text``, a "to" stands before a determiner: a preposition ("a plan
    to the secretariat"), not the mark of an infinitive."""
    raw = [w.lower() for w in _WORD.findall(text)]
    found, kept = set(), 0
    for i, word in enumerate(raw):
        if word in rules.determiners:
            continue
        if word == "to" and i + 1 < len(raw) and raw[i + 1] in rules.determiners:
            found.add(kept)
        kept += 1
    return frozenset(found)


def _own_verb(words: list[str], rules: EventRules, prepositions: frozenset[int] = frozenset()) -> tuple[str, str]:
    """No known event: the clause's own main verb (not "be", the auxiliary of "is expected to"),
    else the word after "to"/"will", else a past-tense "-ed" word; stemmed so tenses agree."""
    verbs = [i for i, w in enumerate(words) if w in rules.verbs and w not in _AUXILIARIES]
    if not verbs:
        # the word after the first "to"/modal: later "to"s are prepositions ("to switch to hydrogen"),
        # and so is one after "according" or after a past-tense verb ("switched to hydrogen")
        verbs = [i + 1 for i, w in enumerate(words[:-1]) if w in _INFINITIVE_CUES and i not in prepositions
                 and not (w == "to" and i > 0 and (words[i - 1] == "according" or _past(words[i - 1])))][:1]
    if not verbs:
        # "-ed" words, but not participles such as "owned by", "developed by"
        verbs = [i for i, w in enumerate(words) if _past(w) and (i + 1 >= len(words) or words[i + 1] != "by")]
    if verbs:
        i = verbs[-1]             # the verb nearest the date is the one the date belongs to
        # the verb and its object, without function words: "ban export palm oil" vs "ban export raw bauxite"
        # ("launched its Dutch service" is its launch there, as "launched in the Netherlands" is)
        kept = [words[i]] + [w for w in words[i + 1:] if w not in _FUNCTION_WORDS and w not in _SERVICE_WORDS][:3]
        phrase = " ".join(w if w in rules.verbs else _stem(w) for w in kept)
        return "verb:" + phrase, " ".join(kept)
    return "", ""


def _past(word: str) -> bool:
    return word.endswith("ed") and len(word) > 4


# (the head of a description with a relative clause of its own, "the ... Red Sea plant that Hydralis commissioned";
# "Tarpon Bay LNG, the Louisiana export terminal, shipped" names the terminal by its place, as later articles may)
_HEAD_RELATIVE = re.compile(r"(?:\s+[\w'’-]+){1,3}?\s+(?:that|which)\s")
# (a name that opens its sentence or clause, "Rabigh Crest, the ... plant", not "According to Enliris, the ...")
_OPENS_CLAUSE = re.compile(r"(?:^|[;:]\s*|\b(?:[Tt]he|[Ii]ts)\s+)$")
_DESCRIPTION_HEAD = re.compile(r",\s+(?:the|a|an)\s+(?:[\w$€£.,/-]+\s+){0,3}$", re.I)
_DEADLINE_NOUN_AFTER = re.compile(r"\s+(?:deadline|target\s+date|due\s+date|cut-?off)\b", re.I)
_IN_PLACE_BEFORE = re.compile(r"\b(?:in|at)\s+$", re.I)
_OWN_ORDINALS = r"(?:first|new|second|third)"
_ITS_ORDINAL_BEFORE = re.compile(rf"\b(?:its|their)\s+{_OWN_ORDINALS}\s+$", re.I)
_RELATIVE_VERB_BEFORE = re.compile(r",\s+(?:which|that)\s+(?:falls|fall|lands|land|comes|come|is|are)\s+(?:on|in|at)\s+(?:the\s+)?$")
# (", and expects first ore in the second half of 2023": the same subject's verb of another tense)
_AND_PARTICIPLE = re.compile(r"\s*,?\s*and\s+(?:then\s+)?[a-z]+(?:ed|en|t)(?:\s+(?:over|out|up|off|into\s+service))?\s+(?:in|on|by|during|from)\s+(?:the\s+)?", re.I)
_AND_PLAN_BEFORE = re.compile(r",\s+and\s+(?:expects|plans|aims|hopes|intends|targets|will|is\s+(?:set|expected|due|scheduled))\b[^,;]*$")
_WHO_ASIDE = re.compile(r",\s+who\s+[^,;]+,")
_COMMA_AFTER_DATE = re.compile(r"\s*[,，]?\s*")
_FACILITY_POSSESSIVE = re.compile(r"(?:the|its)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)(?:'s|’s)\s", re.I)
_ITS_ORDINAL_CLAUSE = re.compile(rf"\b(?:since|after|when)\s+(?:its|their)\s+{_OWN_ORDINALS}\s", re.I)
_ITS_ORDINAL_OPENING = re.compile(rf"\W*(?:Its|Their)\s+{_OWN_ORDINALS}\s")
_WITH_AFTER_DATE = re.compile(r",\s+with\s[^,;]*", re.I)
_APPOSED_AFTER_DATE = re.compile(r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}")
# ("... on August 14, 2023, the company said on Tuesday, on schedule and within its $5.4 billion budget": a figure
# after the sentence's attribution is in a clause of its own)
_ATTRIBUTION_AFTER_DATE = re.compile(r",\s+(?:the\s+[a-z-]+(?:\s+[a-z-]+)?|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})"
                                     r"\s+(?:said|says|told|reported|announced)\b")
# (or a span from another subject's event: "began service in Brazil in March 2023, two months after Anatel granted
# it a licence"; not "lifted its ban ... more than 14 months after imposing it", the same subject's)
_DELAY_AFTER = re.compile(r"\s+(?:(?i:later|earlier|late|early|behind|ahead)\b|(?:after|before)\s+(?:the\s|[A-Z]|(?:it|its|they|their|he|she|we)\s))")
_INFINITIVE_CUES = frozenset({"to", "will", "would", "finally", "should", "could", "may", "might", "must", "shall", "can"})
_SERVICE_WORDS = frozenset({"service", "services"})
_FUNCTION_WORDS = frozenset({"of", "to", "in", "on", "for", "at", "by", "with", "from", "and", "or", "as",
                             "its", "their", "the", "a", "an", "this", "that", "these", "those", "into", "onto", "over",
                             "during", "throughout", "within", "until", "before", "after", "around"})


def _stem(word: str) -> str:
    """A crude stem that makes "delivered" and "deliver", "shipped" and "ship" agree."""
    if word.endswith("ed") and len(word) > 4:
        word = word[:-2]
        if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "ls":
            word = word[:-1]
    elif word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _facility_before(text: str, end: int, rules: EventRules) -> bool:
    """A facility noun right before ``end`` ("the new passenger terminal at X": a part of the facility X)."""
    match = _LAST_WORD.search(text, max(0, end - 30), end)
    return match is not None and match.group(1).lower() in rules.facilities


_LAST_WORD = re.compile(r"([A-Za-z]+)\s*$")
_LOCATIVE = re.compile(r"\b(?:at|via|through|from|into)\s+(?:the\s+)?$", re.I)
_CONDUIT = re.compile(r"\b(?:via|through)\s+(?:the\s+|its\s+)?$", re.I)
_DESTINATION = re.compile(r"\bto\s+(?:the\s+|its\s+)?$", re.I)


def _project(reading: ClaimReading, before: int, rules: EventRules, after: int = 0) -> EntityMention | None:
    """A proper name followed (within four words) by a facility noun: "the Lake Ellford gigafactory"."""
    text = reading.text
    best = None
    for mention in reading.entities:
        if mention.role == "government" and after <= mention.start <= before and facility_after(text, mention.end, rules.facilities):
            # "Kivu BioPharma's Kigali plant", "its Kigali mRNA plant": a capital naming a facility is
            # a town, no government
            mention = EntityMention(f"name:{mention.surface.lower()}", mention.surface, mention.start, mention.end, "name", "name")
        if mention.kind != "name" or mention.start > before or mention.start < after:
            continue
        if (head := _DESCRIPTION_HEAD.search(text, max(0, mention.start - 40), mention.start)) is not None \
                and facility_after(text, mention.end, rules.facilities) and _HEAD_RELATIVE.match(text, mention.end) \
                and (described := next((e for e in reading.entities if e.kind == "name" and e.start >= after
                                        and e.end <= head.start() and not text[e.end:head.start()].strip()
                                        and _OPENS_CLAUSE.search(text, max(0, e.start - 12), e.start)), None)):
            # "Rabigh Crest, the 600,000 m³/day Red Sea plant that Hydralis commissioned": the name the
            # description's head describes is the facility
            best = described
            continue
        if described_apposition(reading, mention, before) and not _DESCRIPTION_HEAD.search(text, max(0, mention.start - 40), mention.start):
            # "Alcyon Aqua, the water park built next to its Mundo Alcyon theme park, opened ...": a facility named
            # inside a description of the name before is none of the event's (but "Tarpon Bay LNG, the Louisiana
            # export terminal, shipped ...": the description's own head may be)
            continue
        if mention.role != "possessive" and (facility_after(text, mention.end, rules.facilities)
                                             or facility_named(mention, rules.facilities)):
            locative = _LOCATIVE.search(text, max(0, mention.start - 12), mention.start)
            # ("produced its first carbonate at the Salar del Quimal project": a facility noun after the
            # name makes the place the project)
            if locative and reading.entities[0] is not mention and not _facility_before(text, locative.start(), rules) \
                    and not facility_after(text, mention.end, rules.facilities):
                continue    # "Mount Wirra loaded its first cargo at Port Hedland": where it happened, not who acted
            if best is not None and _CONDUIT.search(text, max(0, best.start - 14), best.start) \
                    and _DESTINATION.search(text, max(0, mention.start - 8), mention.start):
                continue    # "began flowing through the Sefu Link pipeline to the Mtwara plant": the conduit's event
            best = mention
    return best


# "... in August 2024 and is ramping up towards 25,000 t": a figure of the next verb phrase dates nothing
_RELATIVE_WORD = re.compile(r"\b(?:that|which)\s", re.I)


_RELATIVE_OPENING = re.compile(r",\s+(?:which|that|who|whose)\s[^,]*$", re.I)


def _in_relative_clause(text: str, start: int) -> bool:
    """Does ``start`` stand in a relative clause set off by a comma (", which restarted in ...")?"""
    return _RELATIVE_OPENING.search(text, max(0, start - 80), start) is not None


def _facility_clause(text: str, start: int, end: int, rules: EventRules) -> bool:
    """Does a relative clause about a facility ("the offshore field that came on stream") open between?"""
    for match in _RELATIVE_WORD.finditer(text, start, end):
        if rules.facility_finder.search(lower_ascii(text[max(start, match.start() - 25):match.start()])):
            return True
    return False


# a subordinate clause with a past verb of change of its own, running up to a date ("after net sales fell 31% to
# SEK 390 million in"): a change of a measure, no milestone ("after the factory started production in October 2023" is one)
_PAST_SUBORDINATE = re.compile(r"\b(?:after|because|as)\s+(?:[\w'’-]+\s+){1,4}?(?:fell|rose|grew|slid|sank|shrank|dropped|declined|"
                               r"jumped|climbed|slumped|surged|plunged|increased|decreased|tumbled|soared)\s[^,;:]*$")
# ("have stepped up purchases ahead of the expiry of the duty-free window in March 2025": the date of what they act
# ahead of)
_AHEAD_OF_EVENT = re.compile(r"\b(?:ahead\s+of|prior\s+to|in\s+anticipation\s+of)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){1,7}?(?:in|on|by)\s+$", re.I)
# ("is expected to fall ..., after drought and a hard freeze in 2023 killed young crawfish": a cause's subject, its date,
# then its past verb)
_CAUSE_BEFORE_DATE = re.compile(r"\b(?:after|because)\s+(?:[\w'’-]+\s+){1,6}?in\s+$")
_PAST_VERB_NEXT = re.compile(r"\s+(?:[a-z]{2,}ed|hit|cut|shut|struck|took|fell|rose|left|led|made)\b")
_PARTS_OF_ONE = re.compile(r"\s*\b(?:halves|sides|ends|banks|shores)\b", re.I)
_COUNT_MODIFIER = re.compile(r"-[a-z]")
_COUNTED_EVENTS = re.compile(r"\s+(?:[a-z-]+\s+)?(?:launches|missions|flights|openings|deliveries|shipments|launch|orbital\s+launches)\b", re.I)
_EXPECTS_OBJECT = re.compile(r"\s+(?:expects|expected|wants|wanted|needs|needed|told|asked|ordered|allowed|allows)\s+(?:the\s+)?")
_TO_AFTER_NAME = re.compile(r"(?:\s+[a-z][\w-]*){0,2}\s+to\s")
_AND_PAST_VERB = re.compile(r"\band\s+(?:has\s+|have\s+|had\s+)?[a-z]{3,}ed\s")
_AND_FIGURE = re.compile(r",\s+and\s+(?:[a-z]+\s+){0,2}$")
_AND_VERB = re.compile(r"\band\s+(?:is|are|has|have|had|was|were|will|plans|expects|aims)\b"
                       # "..., and Rheinstahl says it now uses a third less energy": a clause of its own
                       r"|\band\s+(?:[A-Z][\w-]*\s+){1,3}(?:says|said|reports|reported|expects|estimates|believes)\b"
                       # "said that X produced its first carbonate in November 2023, and that output will ..."
                       r"|\band\s+that\s"
                       # "opened to the public on Saturday, May 18, and drew about 14,000 visitors": a past verb
                       # after ", and" opens a clause of its own
                       r"|,\s+and\s+(?:then\s+|also\s+)?(?:[a-z]{2,}ed|drew|took|saw|won|sold|made|grew|rose|fell|hit|had|gave|brought|began|sent|spent|paid|kept)\b"
                       # "which began operating in October 2024 and now employs about 1,200 people"
                       r"|\band\s+(?:now|also|currently|already|still)\s+[a-z]+s\b")


def _names_after(reading: ClaimReading, end: int) -> bool:
    """Does a proper name follow right after ``end`` ("$12 billion Fab C2", "the 5,200-guest Aurelia Solstice")?"""
    lead = _NAME_LEAD.match(reading.text, end)
    return lead is not None and any(e.start == lead.end() and e.kind == "name" and e.role == "name" for e in reading.entities)


_NAME_LEAD = re.compile(r"(?:-[a-z]+)?[ \t]+")


# ("a 1,200-bed private hospital", "its 2.8-million-tonne-a-year hydrocracker": the size's unit may be
# written onto the number)
# (a word may be hyphenated: "a 5 GWh sodium-ion cell factory")
_WORDS_AFTER = re.compile(r"(?:-[a-z]+){0,3}[ \t]+([a-z]+(?:-[a-z]+)*)(?:[ \t]+([a-z]+(?:-[a-z]+)*))?(?:[ \t]+([a-z]+(?:-[a-z]+)*))?\b")


def _sizes_facility(text: str, end: int, rules: EventRules) -> bool:
    """Does a facility noun follow a figure, at most two words apart ("$1.4 billion project", "500 MW solar farm",
    "€300 million heat pump factory")?"""
    match = _WORDS_AFTER.match(text, end)
    words = [w for word in match.groups() if word for w in (word, word.split("-")[0])] if match is not None else []
    return any(word in rules.facilities or word in rules.part_nouns for word in words) \
        or (CJK.search(text, end, end + 3) is not None and rules.zh_sized.match(text, end) is not None)


@functools.lru_cache(maxsize=4)
def _zh_facility_cost(facilities: frozenset[str]) -> re.Pattern:
    """ "…项目总投资62亿元": the money a facility noun of events.toml, right before it, costs."""
    nouns = sorted(f for f in facilities if CJK.search(f))
    return re.compile(rf"(?:{trie.alternation(nouns)})(?:总)?投资(?:约|近|超过|逾)?$") if nouns else re.compile(r"(?!)")


def _counts_facilities(text: str, q, rules: EventRules, held: bool = False) -> bool:
    """Does a count name facilities opened ("four hotels", "12 new stores"), or, when ``held``, facilities
    held ("had 34 UHV lines in operation")?"""
    match = _COUNTED_NOUN.match(text, q.end)
    noun = match.group(1).lower() if match else ""
    verbs = rules.held_count_verbs if held else rules.opening_count_verbs
    return noun.endswith("s") and any(noun in words or noun[:-1] in words or noun[:-2] in words for words in (rules.facilities, rules.outlets)) \
        and verbs.search(text, max(0, q.start - 30), q.start) is not None


# ("12 new stores", "ten large-format stores", "four more flagship stores")
# ("opened 27 UK stores": a place's name may describe them too)
_COUNTED_NOUN = re.compile(r"\s+(?:(?:new|more|[A-Za-z]+-[A-Za-z]+|[A-Z][A-Za-z]*)\s+){0,2}([A-Za-z]+)\b")


def _old_plan_after(text: str, start: int, end: int, tense: TenseRules) -> str | None:
    """A cue of an old plan right after a date ("the late-2025 start previously targeted", "the 2024
    date originally planned"): one noun may stand between."""
    m = _NOUN_THEN_CUE.match(text, start, min(end, start + 50))
    if m is None:
        return None
    cue = tense.plan_past.match(fold(text[m.end():min(end, m.end() + 30)]))
    # (a bracketed cue is the next date's: "H1 2026 (previously late 2025)")
    return text[m.end():m.end() + cue.end()] if cue and text[m.end()].isalpha() else None


_NOUN_THEN_CUE = re.compile(r"\s+(?:[a-z-]+\s+)?")


def _length_attribute(text: str, q) -> bool:
    """Is a length written into the noun after it ("4nm chips", "12-inch wafers", "4-nanometre chips"):
    the kind of thing, no amount of it?"""
    return q.dimension == "length" and _ATTRIBUTE_NOUN.match(text, q.end) is not None


_ATTRIBUTE_NOUN = re.compile(r"[ -](?!(?:of|in|at|on|to|for|from|by|and|or|a|an|the|per|last|this|next)\b)[a-z]")
_FIRST_COMMA = re.compile(r"[,;，；]")
_RELATIVE_OPEN = re.compile(r",\s+(?:which|who|where|whose\s+[a-z-]+(?:\s+[a-z-]+)?)\b", re.I)
_PURPOSE = re.compile(r"\W*(?:in\s+order\s+)?to\s+[a-z]+\b", re.I)
_BEFORE = re.compile(r"\bbefore\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)
# ("models due in 2025 and 2026", "deliveries will run from 2026 to 2032": the second date shares the clause)
_COORDINATED_DATE = re.compile(r"\s*(?:,|and|or|,\s*and|,\s*or|to|through|until|[-–]|\((?:previously|was|earlier|originally|initially))\s*(?:in\s+)?", re.I)
# ("the goal, set by more than 140 countries in Glasgow in 2021, of ...": an agent and a place may stand between)
_APPOSITIVE_PAST = re.compile(r",\s*(?:\w+ly\s+)?(?P<verb>[a-z]+ed|built|begun|made|won|held|set\s+up|set|founded)"
                              r"(?:\s+by\s+[^,;]{1,50}?)?\s+(?:in|on|during)\s+$", re.I)
_INFINITIVE = re.compile(r"\bto\s+$", re.I)   # "is aiming to cut ... by 2028": "cut" is no past tense
_PAST_STATE = frozenset({"had", "was", "were"})
_DATE_PREPOSITION = re.compile(r"(?i)\b(?:for|from|of|in)\s*$")


def _opening(lead: str, tense: TenseRules) -> bool:
    """Does the date stand in the phrase that opens its sentence ("In the second half of 2018, ...",
    "Accounting for 0.6% of deliveries in 2023, ...") rather than end a clause of its own?"""
    words = lead.split()
    if len(words) <= 2:
        return True
    first = words[0].lower().strip("\"'“‘(")
    return first in tense.intro_words or (first.endswith("ing") and len(first) > 5)


def _without_date(text: str, start: int, date, end: int) -> str:
    """The clause without its date and the preposition that leads to it ("figures [for 2023] credit")."""
    before = text[start:date.span_start]
    lead = _DATE_PREPOSITION.search(before)
    return (before[:lead.start()] if lead else before).rstrip() + " " + text[date.span_end:end].lstrip()


_SINCE_EVENT = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,5}(?:in|on|at)\s+(?:the\s+)?$")
_TO_BEFORE = re.compile(r"(?:^|[\s,])to\s+(?:the\s+)?$|[至到]$")     # ("交付期已延至2028年": Chinese writes "to" in the verb)


def _rescheduled(text: str, end: int, tense: TenseRules) -> re.Match | None:
    """The last verb before ``end`` that moves an event to a new date, unless a clause ends after it."""
    low = fold(text[:end])
    found = list(tense.rescheduled.finditer(low))
    if not found or ";" in low[found[-1].end():]:
        return None
    return found[-1]


def last_project(reading: ClaimReading, rules: EventRules) -> EntityMention | None:
    """The last named facility of a claim: what "the plant" in the next sentence is (or the named site of an
    unnamed one: "在延布工业城合资建设的20GW硅片工厂…。该项目…" is the Yanbu factory)."""
    return _project(reading, len(reading.text), rules) or _facility_town(reading, len(reading.text), rules)


_PERIOD_BOUNDS_BEFORE = re.compile(r"(?:榨季|产季|年度|财年|season|year|quarter|half)\s*[(（](?:[^()（）]{0,14}(?:至|到|-|–|to)\s*)?$", re.I)
# ("began its 2024/25 campaign on 18 September 2024": a period naming what began, dated by the date after it)
_PERIOD_NOUN_THEN_DATE = re.compile(r"\s+(?:campaign|season|crop|harvest|marketing\s+year|crush|tour)\s+(?:on|in|from)\s+(?:the\s+)?", re.I)
_PERIOD_ADJECTIVE = re.compile(r"[A-Za-z]+-(?:quarter|half)", re.I)
_PARTICIPLE_START = re.compile(r"\s*[a-z]{3,}ing\s")
# ("..., missing an earlier goal to start reprocessing in 2018": the infinitive's own time, a plan)
_INFINITIVE_BEFORE = re.compile(r"\bto\s+[a-z]{3,}")


def events_of(reading: ClaimReading, tense: TenseRules | None = None, rules: EventRules | None = None,
              antecedent: EntityMention | None = None, company: EntityMention | None = None) -> list[Event]:
    """One event per date of the claim, with the modality of the clause around the date; ``antecedent``
    is the facility an earlier sentence named last ("The plant, which began production in ..."),
    ``company`` the company the sentences before were about ("The airline took delivery of ...")."""
    if not reading.dates:
        return []
    tense = tense or load_tense_rules()
    rules = rules or load_event_rules()
    text = reading.text
    dates = sorted(reading.dates, key=lambda d: d.span_start)
    published = reading.article.published_date
    attributed = bool(reading.phrases_in(0, len(text), "attribution"))
    events: list[Event] = []
    previous_end = 0
    previous_start = 0
    aside_end = -1          # the end of a date in a participle's aside ("Coral Aurora, delivered in November, ...")
    moved_to_end = -1       # the end of the date an event was moved to ("pushed back ... to April 2025")
    for i, date in enumerate(dates):
        if _PERIOD_ADJECTIVE.fullmatch(date.text) or _GOAL_NOUN_AFTER.match(text, date.span_end) \
                or ((named := _PERIOD_NOUN_THEN_DATE.match(text, date.span_end)) is not None
                    and any(d.span_start == named.end() for d in dates)) \
                or _PERIOD_BOUNDS_BEFORE.search(text, max(0, date.span_start - 30), date.span_start):
            # ("2023/24榨季(2023年10月至2024年9月)": the bounds of a season, in brackets after it, date no event)
            # "third-quarter profit": the period of a figure, never an event's date; "its end-2024 inflation
            # forecast": the period a goal is for
            continue
        start = previous_end
        stop = rules.clause_stop.search(text, start, date.span_start)
        while stop:
            start = stop.end()
            stop = rules.clause_stop.search(text, start, date.span_start)
        if i and _COORDINATED_DATE.fullmatch(text, previous_end, date.span_start):
            start = previous_start      # "models due in 2025 and 2026": the second date shares the clause
        elif i and aside_end == previous_end:
            start = previous_start      # the main clause an aside's date interrupted goes on (the aside is cut out)
        elif i and (comma := max(text.rfind(mark, previous_end, date.span_start) for mark in "，；,;")) >= 0 \
                and CJK.search(text, previous_end, comma) and CJK.search(text, comma, date.span_end):
            # ("…签署…供货协议，相关产品已于今年1月开始交付", "于2019年12月开工建设,2023年12月首台机组投产": after the
            # date before, a comma in Chinese text opens the next date's clause)
            start = max(start, comma + 1)
        # "The Porto hotel was meant to follow the Solvera Lisboa Tejo, which opened in the third quarter of
        # 2024": a relative clause after a name tells that name's event, in its own tense
        relative_subject = None
        heads = list(_RELATIVE_HEAD.finditer(text, start, date.span_start))
        if heads:
            named = next((e for e in reading.entities if e.kind == "name" and e.end == heads[-1].start()), None)
            # (but "its Bayline plant in Texas, which has been producing ...": a place after a locative
            # is where the facility before it stands, which the clause is about)
            if named is not None and not _LOCATIVE_BEFORE.search(text, max(0, named.start - 12), named.start):
                start, relative_subject = heads[-1].end(), named
        if (deal := rules.deal_relative.search(text, start, date.span_start)) is not None:
            start = deal.start()    # "will take delivery ... under an agreement the two companies signed on September 6"
        for wh in _WH_CLAUSE.finditer(text, start, date.span_start):
            start = wh.end()        # "has asked X to explain why its subsidy rose 9% in 2023": the wh-clause's date
        previous_start = start
        end_limit = dates[i + 1].span_start if i + 1 < len(dates) else len(text)
        after = rules.clause_stop.search(text, date.span_end, end_limit)
        end = after.start() if after else end_limit
        clause = text[start:end]
        lead = fold(text[max(start, date.span_start - 60):date.span_start])
        if text[date.span_end:date.span_end + 1] == "," and _RELATIVE_OPEN.search(text, max(0, start - 2), date.span_start):
            end = date.span_end       # "The plant, which began production in September 2024, now expects 10 GWh"
        if _INDEFINITE_RELATIVE.search(text, max(start, date.span_start - 80), date.span_start) \
                or _PERIOD_RELATIVE.search(text, max(0, date.span_start - 60), date.span_start):
            # "handed over the bridge in August 2023, completing a project that began in 2019": the date of
            # something new the sentence brings in, no event of what it names; "in the 2022/23 quota year,
            # which ended in June": the bounds of a period
            previous_end = date.span_end
            continue
        if tense.reporting.search(lead):
            # "The company said in March it had postponed ...": the day of the saying dates no event
            previous_end = date.span_end
            continue
        action_from = start
        if (since := tense.state_since.search(lead)) is not None:
            # "in commercial service since December 2024": the state began then, and has begun; the
            # state names the event ("..., which has been producing oxide since February 2025")
            mood, cue = "done", lead[since.start():since.end()].strip()
            action_from = max(start, date.span_start - 60) + since.start()
            if text[date.span_end:date.span_end + 1] in (",", ")"):
                end = date.span_end       # "The X mine, in operation since 2019, produced 40 kt": an apposition
        elif (old_plan := _old_plan_after(text, date.span_end, end, tense)) is not None:
            mood, cue = "plan_past", old_plan     # "later than the late-2025 start previously targeted"
        elif i and moved_to_end == previous_end and _FROM_OLD_DATE.fullmatch(text, previous_end, date.span_start):
            # "has pushed back the opening of X to April 2025 from September 2024": the date it was moved from is
            # the old plan
            mood, cue = "plan_past", text[previous_end:date.span_start].strip()
        elif is_baseline(reading, date) or rules.reference_before.search(text, max(0, date.span_start - 40), date.span_start) \
                or figure_of_date(reading, date) is not None:     # "有望超过2023年的549.1亿元": the figure's period
            # "up from 8.5 GW at the end of 2023": a past value's date; "the largest since 2022",
            # "cuts extended to end-March 2024": a reference point or the end of a period, no event
            mood, cue = "unknown", ""
        elif (appositive := _APPOSITIVE_PAST.search(text, max(0, date.span_start - 90), date.span_start)) \
                and text[date.span_end:date.span_end + 1] in (",", ")"):
            mood, cue = "done", appositive.group("verb")    # "The Chips Act, adopted in 2023, aims to ..."
        elif rules.effective_label.search(text, max(start, date.span_start - 40), date.span_start):
            # "Licences required from: August 1, 2023": a label's date from which a rule holds tells
            # neither that it has begun nor that it will
            mood, cue = "unknown", ""
        elif any(p.search(text, max(start, date.span_start - 90), date.span_start) for p in (_PAST_SUBORDINATE, _AHEAD_OF_EVENT)) \
                or (_CAUSE_BEFORE_DATE.search(text, max(start, date.span_start - 90), date.span_start)
                    and _PAST_VERB_NEXT.match(text, date.span_end)):
            # "will cut 160 jobs ... after net sales fell 31% to SEK 390 million in the July-September quarter":
            # the date is the past clause's, told as a reason; the main clause's "will" is not its mood
            mood, cue = "unknown", ""
        elif _TO_BEFORE.search(text, start, date.span_start) and (moved := _rescheduled(text, date.span_start, tense)):
            # "has pushed back the commissioning of X, originally scheduled for 2024, to the first half of
            # 2026", "agreed to delay by three months, to April 2025, the start of ...": the date the event
            # was moved to is the new plan, of the event the verb moved; a revision said as such, never
            # compared with the plans other sources reported
            mood, cue = "rescheduled", text[moved.start():moved.end()]
            if moved.end() <= start:
                action_from = moved.end()
        else:
            # the words before the date speak for it; only when they say nothing does the rest of
            # the clause, up to its first comma ("In 2022 Congo supplied 11%, a share analysts expect
            # to keep rising": "supplied", not "expect to")
            # ("plans to scrap an auction that drew no bids during December 2024", written before then:
            # the plan's date, not the relative clause's)
            may_be_past = published is None or date.start <= published
            # ("China took about 90% of last season's exports, ... ahead of the Lunar New Year, which falls on
            # January 22, 2023": a relative clause right before the date speaks for it, in its own tense)
            relative = _RELATIVE_VERB_BEFORE.search(text, max(start, date.span_start - 40), date.span_start) \
                or _AND_PLAN_BEFORE.search(text, start, date.span_start)
            mood_from = relative.start() if relative else start
            # (", who asked not to be named,": an aside about a person says nothing of the date's tense)
            mood, cue = modality_cue(_WHO_ASIDE.sub(",", _without_dated_asides(reading, mood_from, date.span_start)), tense,
                                     may_be_past=may_be_past)
            if mood == "unknown" and (since := _SINCE_EVENT.search(lead)):
                # "has been producing since its first gold pour in September 2023": what a state has
                # held since is already done
                mood, cue = "done", "since"
            purpose = _PURPOSE.match(text, start) is not None
            if purpose and mood == "done":
                mood = "unknown"    # "To reach the 750 GW envisaged for 2030, installs would need ...": a goal
            if mood == "unknown":
                # the comma after an opening date ("In 2022, Congo supplied ...") closes no clause; the
                # one after a date that ends its clause ("... starts charging in 2026, as ...") does
                opening = _opening(text[start:date.span_start], tense)
                rest = None if purpose else _FIRST_COMMA.search(text, date.span_end + (2 if opening else 0), end)
                stop = rest.start() if rest else end
                # ("expect a smaller crop in 2025 because a warm winter left orchards short": a clause of its own)
                sub = _CAUSE_AFTER.search(text, date.span_end, stop)
                stop = sub.start() if sub else stop
                # (a bracket opens an aside: "H1 2026 (previously late 2025)" says nothing of H1 2026's mood)
                aside = text.find("(", date.span_end, stop)
                stop = aside if aside >= 0 else stop
                # (an aside before the date with a date of its own speaks for that date only)
                kept = _without_dated_asides(reading, mood_from, date.span_start) + text[date.span_start:stop]
                mood, cue = modality_cue(kept, tense, _without_date(text, mood_from, date, stop), may_be_past)
            if mood == "done" and events and events[-1].modality == "upcoming" and _AND_PARTICIPLE.fullmatch(text, start, date.span_start):
                # "is due to be floated out in June 2024 and handed over in March 2025", "will be completed in June
                # and commissioned in March": a participle after "and" shares the plan's "be" before it
                mood, cue = "upcoming", events[-1].cue
            if mood == "unknown" and start > 0 and _PARTICIPLE_START.match(text, start) \
                    and not _INFINITIVE_BEFORE.search(text, start, date.span_start):
                # "has started up the new furnace, tapping the first heat in November 2024": a participle
                # clause tells more of the main clause's event, in its tense
                mood, cue = modality_cue(text[:start], tense, may_be_past=may_be_past)
                mood, cue = (mood, cue) if mood in ("done", "upcoming") else ("unknown", "")
            # "had 10.4 GW in operation by the end of 2014", "was connected by 2014" stay done; any other
            # past-looking word ("installed capacity by 2030", "is aiming to cut ... by 2028") does not
            # ("levels seen before 2023" compares; "before" is a deadline only for what is ahead)
            if is_deadline(reading, date) and not (mood == "done" and cue.lower() in _PAST_STATE
                                                   and not _INFINITIVE.search(clause, 0, clause.find(cue))) \
                    and not (mood != "upcoming" and _BEFORE.search(text, max(0, date.span_start - 20), date.span_start)) \
                    and not (mood == "done" and published is not None and date.end < published):
                # ("capacity reached about 74 GW by March 2025", written in June: done by then)
                mood, cue = "target", "by"
            if _DEADLINE_NOUN_AFTER.match(text, date.span_end):
                mood, cue = "target", "deadline"    # "finished ahead of the March 2024 deadline": no date of the deed
            if mood == "target" and _PAST_COPULA_AFTER.match(text, date.span_end):
                mood, cue = "unknown", ""   # "the quota for all of 2023 was 255,000 tonnes": a past goal, told as past
            if mood == "upcoming" and date.granularity in ("year", "quarter", "half", "season") \
                    and published is not None and date.end < published and (
                    any(_FIGURE_FOR_GAP.fullmatch(text, q.end, date.span_start) for q in reading.quantities if q.end <= date.span_start)
                    or any(h.start == date.span_end for h in reading.phrases_in(date.span_end, date.span_end + 8, "metric_noun"))):
                # "expects to report concentrate output of about 14,500 tonnes for 2023", "预计2024年一季度净利润同比下降",
                # written after the period ended: the period a forecast figure is of, no date of anything still to happen
                mood, cue = "unknown", ""
            if mood == "done" and not may_be_past and (
                    _YEAR_SPAN_AFTER.match(text, date.span_end)
                    or (cue.lower() in tense.grant_verbs and _PERIOD_BEFORE.search(text, max(0, date.span_start - 30), date.span_start))):
                # "approved £104bn of spending for 2025-30", "allowed X to spend £8.1bn over the five years
                # from April 2025": the period a past decision covers, no date of anything done
                mood, cue = "unknown", ""
        if mood == "upcoming" and any(q.end <= date.span_start and _AMOUNT_SET_FOR.fullmatch(text, q.end, date.span_start)
                                      for q in reading.quantities if q.kind not in ("date", "duration")):
            mood, cue = "unknown", ""   # "below the 114,000 tonnes set for 2024": the amount's period, no plan
        if mood == "upcoming" and ((revised := tense.revised_plan.search(fold(text[start:date.span_start]))) is not None
                                   or (revised := tense.delay_told_after.search(fold(text[date.span_end:]))) is not None):
            mood, cue = "rescheduled", revised.group()      # "opening now expected in H1 2026": a plan changed
        project = _project(reading, date.span_start, rules, after=start if relative_subject else 0)
        if project is not None and (own := rules.own_subject.search(text, project.end, date.span_start)) \
                and rules.facilities.isdisjoint(own.group("np").split()):
            # "X expects to commission the plant in 2024, after the reservoir began filling in July" (but
            # "since the mine produced its first concentrate in October 2024" is the mine named before)
            project = None
        # ("Cartagena's second cruise pier opened on November 8, 2023, when the Northstar Aurora became the
        # first ship to tie up there": a facility in a clause with a subject of its own after the date is none
        # of the date's; "three months after starting up the plant at its Yindi Creek project" has none)
        # ("Since the extension opened last year, the park-and-ride lot at Desrochers Park has been full": a name in
        # the main clause after a fronted subordinate one is none of its event's; the comma ends that clause)
        fronted_end = text.find(",", date.span_end) if _FRONTED_SUBORDINATE.match(text) else -1
        if project is None and relative_subject is None and (later := _project(reading, end, rules, after=date.span_end)) is not None \
                and not 0 <= fronted_end < later.start \
                and not ((sub := rules.subordinate.search(text, date.span_end, later.start)) and _CLAUSE_SUBJECT.match(text, sub.end())) \
                and not (WITH_CLAUSE.search(text, date.span_end, later.start)
                         and any(e.kind == "name" and start <= e.start < date.span_start for e in reading.entities)):
            # ("The Bajío Express ... began commercial service on September 12, 2023, with the first train
            # leaving Buenavista station": a facility in a "with" clause after the date's only tells how)
            project = later
        # the words before the date first; "During May 2019, the X plant started production",
        # "It was in 2021 that X opened": the event is named after the date
        # (a new verb after "and" opens the clause of a later date: "synchronised the unit with the grid
        # in December 2023 and expects it to enter commercial operation in June 2024")
        # ("completed a static fire of its Fjord-1 first stage in December 2023 and is preparing for the
        # rocket's maiden flight": the new verb's clause is none of the date's, dated or not)
        own_end = next((m.start() for m in _AND_VERB.finditer(text, date.span_end, end)), end)
        # ("... its nickel output in 2024, ..., as its Weda Timur plant, which began production in the
        # third quarter of 2024, came on stream": a relative clause after the date tells of another noun)
        relative_after = _RELATIVE_OPEN.search(text, date.span_end, own_end)
        own_end = relative_after.start() if relative_after else own_end
        # ("Sestao, idled at the end of September 2022, produced its first zinc ... in March 2024": a date in a
        # participle's aside between commas is the participle's; the main verb after the aside is none of it)
        if _PARTICIPLE_ASIDE_OPEN.search(text, max(action_from, date.span_start - 40), date.span_start) \
                and text.startswith(",", date.span_end):
            own_end, aside_end = min(own_end, date.span_end), date.span_end
        # ("started cutting in July 2024, eight months after the project broke ground": a span from
        # another event names that event, not the date's)
        other_event = _SPAN_FROM_EVENT.search(text, date.span_end, own_end) or rules.subordinate.search(text, date.span_end, own_end)
        own_end = other_event.start() if other_event else own_end
        # ("broke ground ..., starting construction of an 11.8-mile line that is due to open in late 2028": a
        # relative clause of plan right before the date names its event, not the main clause's)
        plan = list(_RELATIVE_PLAN.finditer(text, action_from, date.span_start))
        clause_from = plan[-1].start() if plan else action_from
        action_id, action_label = _action([_without_dated_asides(reading, clause_from, date.span_start, _without_names(reading, clause_from, date.span_start, rules)),
                                           _without_names(reading, date.span_end, own_end, rules)], rules,
                                          project is not None and not _activity_began(text, action_from, date.span_start))
        if action_id.startswith("verb:") and (counts := [q for q in reading.quantities if q.kind == "number" and any(c.isdigit() for c in q.text)
                                                         and action_from <= q.start < date.span_start]):
            # ("expects to deliver about 130 ship-to-shore cranes this year" and "to deliver about 120 cranes in 2024":
            # so many things is part of what is done; another number is another doing)
            action_id = f"{action_id} #{'/'.join(f'{q.value:g}' for q in counts)}"
        subject = project or relative_subject or _actor(reading, start, date.span_start) \
            or _actor(reading, date.span_end, fronted_end if 0 <= fronted_end < end else end)
        if project is None and relative_subject is None and not reading.entities_in(start, date.span_start) \
                and (lead := _COMMA_AFTER_DATE.match(text, date.span_end)) is not None \
                and any(h.start == lead.end() and CJK.match(h.surface) for h in reading.phrases_in(lead.end(), lead.end() + 4, "company_anaphors")):
            # "2024年3月，公司与韩国正极材料企业韩光材料签订…": the company the sentences before were about
            subject = company
        if subject is not None and (asked := _EXPECTS_OBJECT.match(text, subject.end)) is not None \
                and (named := next((e for e in reading.entities if e.start == asked.end() and e.kind == "name"), None)) is not None \
                and _TO_AFTER_NAME.match(text, named.end) and named.end <= date.span_start:
            subject = named         # "Skerrow expects Whinfell Bank to deliver first power in the second half of 2024"
        if project is None and subject is not None and subject.kind == "name" \
                and (opened := _owned_object(reading, subject, date.span_start)) is not None:
            subject = opened        # "Solvera Hotels & Resorts opened its 210-room Solvera Lisboa Tejo": the hotel
        anaphors = reading.phrases_in(start, date.span_start, "company_anaphors") if company is not None else []
        # ("Its first North American restaurant, which opened in Toronto in December 2023": an opening "its"
        # owns the facility, wherever it stands)
        its = company is not None and _ITS_ORDINAL_OPENING.match(text) is not None \
            and (antecedent is None or antecedent.entity != company.entity)
        if project is None and (anaphors or its) \
                and not any(not any(p.start <= e.start and e.end <= p.end for p in anaphors)
                            # ("The group opened its first Saudi restaurant": where its own facility stands)
                            and not (e.kind != "name" and _ITS_ORDINAL_BEFORE.search(text, max(0, e.start - 20), e.start))
                            and not ((e.kind != "name" or its) and _IN_PLACE_BEFORE.search(text, max(0, e.start - 4), e.start))
                            for e in reading.entities_in(0 if its else start, date.span_start)):
            # ("The Swedish retailer took delivery ...": a seat inside the anaphor is no other subject; but
            # "its first Polish base" is another event than its first base)
            # "The airline took delivery of the first of its jets on February 14, 2024, at its base at
            # Madrid-Barajas": the company before, not a place named after the date
            subject = company
        unnamed, unnamed_end = ("", 0) if project else _unnamed_facility(text[start:date.span_start], rules)
        if unnamed and subject is not None and subject.kind == "name" and subject.end <= start + unnamed_end \
                and _APPOSITION_OPEN.fullmatch(text, subject.end, start + unnamed_end - len(unnamed)):
            # "Cape Alder Wind, an 800-megawatt project south of Martha's Vineyard, delivered first power":
            # the description stands in apposition to the name, which is the facility
            unnamed = ""
        if unnamed and subject is not None and start + unnamed_end <= subject.start < date.span_start \
                and not _PLACE_AFTER_FACILITY.search(text, max(0, subject.start - 40), subject.start):
            # (but "a new railway between Jakarta and the West Java port city of Cirebon opened": places)
            unnamed = ""        # "Among the projects that came on line, X made ...": the name is nearer
            # (a name after the date, "..., chief executive Henrik Aas said", is not)
        if project is None and (its_clause := _ITS_ORDINAL_CLAUSE.search(text, start, date.span_start)) is not None \
                and not reading.entities_in(its_clause.start(), date.span_start) \
                and (opener := next((e for e in reading.entities if e.end <= its_clause.start() and e.kind == "name"), None)) is not None:
            # ("Tallowin has been exporting through Geraldton since its first cargo left the port in July 2023": a
            # clause opening with "its first" is of the name the sentence opens with; the port is where it left)
            subject, unnamed = opener, ""
        # ("The station's first 260 MW unit entered commercial operation": a part of the facility named before, new
        # as the part may be)
        owned_by_facility = (possessive := _FACILITY_POSSESSIVE.match(unnamed)) is not None and possessive.group("noun").lower() in rules.facilities
        if unnamed and antecedent is not None and _DEFINITE_FACILITY.match(unnamed) and (owned_by_facility or not rules.new_facility.search(unnamed)) \
                and not its and not _other_owner(reading, subject, company, start, date.span_start):
            # "The plant, which began series production in September 2024": the facility named before
            subject, unnamed = antecedent, ""
        if project is None and antecedent is not None and rules.zh_facility_opening.match(text, start):
            # "电站首台机组于2024年8月投产发电": the facility named before
            subject, unnamed = antecedent, ""
        if project is None and (site := _facility_town(reading, date.span_start, rules)) is not None:
            # "opened its heat pump factory in Wrocław", "Kaltberg's new plant in Wrocław, which opened":
            # an unnamed facility is known by the place it stands in
            subject, unnamed = site, ""
        # (a deal's value or volume, "signed an agreement on September 12, 2023 to buy X for US$310 million",
        # sizes the deal: its date stays the signing's)
        if action_id != "signing" and any(start <= q.start < end and (q.kind != "number" or q.value >= 100) and q.kind != "duration"
               # ("launched on May 15, 2023, with 300 e-bikes": what it started with, after its date)
               and not (q.start >= date.span_end and _WITH_AFTER_DATE.fullmatch(text, date.span_end, q.start))
               # ("shipped its first cargo ... on May 19, 2023, a 9,800 wet-tonne parcel bound for Ningbo": an
               # apposition after the date sizes what the event handled)
               and not (q.start > date.span_end and _APPOSED_AFTER_DATE.fullmatch(text, date.span_end, q.start))
               and not (q.start > date.span_end and _ATTRIBUTION_AFTER_DATE.match(text, date.span_end, q.start))
               # ("Its Xiaozhi AI tutor, launched in October 2023, had 3.2 million paying subscribers": the date is
               # the participle aside's, the figure the main clause's)
               and not (q.start > date.span_end and aside_end == date.span_end)
               # ("launched 5G in Lagos on 12 September 2023, ten months after it paid US$260 million for its licence":
               # a figure of the event the span is counted from)
               and not (q.start > date.span_end and _SPAN_FROM_EVENT.match(text, date.span_end, q.start))
               and not (q.start > date.span_end and (_AND_VERB.search(text, date.span_end, q.start)
                                                     # (", and at least 60,000 people visited": a figure
                                                     # opening a clause of its own)
                                                     or _AND_FIGURE.search(text, date.span_end, q.start)
                                                     # ("began production in May 2023 and added 400,000 tonnes
                                                     # of capacity": a verb of its own)
                                                     or _AND_PAST_VERB.search(text, date.span_end, q.start)))
               # ("苏州校区已于2023年9月正式开学，首批招收本科生约1200人": a figure after the date's own verb and a
               # full-width comma is the next clause's)
               and not (q.start > date.span_end and text.find("，", date.span_end, q.start) > date.span_end + 1)
               # ("..., a milestone for a project that will eventually make 5.6 million tonnes a year": a
               # figure in a relative clause after the date measures another noun)
               and not (q.start > date.span_end and _RELATIVE_WORD.search(text, date.span_end, q.start))
               # ("X's mine, which restarted in the third quarter of 2024 after a long shutdown, contributed
               # about 4,000 tonnes": the date is the relative clause's, the figure the main clause's)
               and not (q.start > date.span_end and _in_relative_clause(text, date.span_start)
                        and "," in text[date.span_end:q.start])
               # "profit tripled to $412 million as output climbed at X, the field that came on stream in
               # June 2024": the date is the relative clause's, the figure the main clause's
               and not (q.end <= date.span_start and _facility_clause(text, q.end, date.span_start, rules))
               # "has carried more than 30 million passengers since it opened in December 2023"
               and not (q.end <= date.span_start and _SINCE_EVENT.search(fold(text[q.end:date.span_start])))
               and not _names_after(reading, q.end)      # "its $12 billion Fab C2": an attribute of the name
               and not _sizes_facility(reading.text, q.end, rules)    # "the $1.4 billion project": of the facility
               and not _zh_facility_cost(rules.facilities).search(reading.text, max(0, q.start - 12), q.start)
               and not _length_attribute(reading.text, q)            # "began volume production of 4nm chips"
               # ("the 8,000-car supply agreement it signed with Qilan Auto": a count written into a noun's
               # modifier sizes that noun, no amount of the clause)
               and not (q.kind == "number" and _COUNT_MODIFIER.match(reading.text, q.end))
               # ("joined the two halves of the main span": the parts of one thing, no amount)
               and not (_PARTS_OF_ONE.search(q.text) is not None or (q.kind == "number" and q.value < 10 and _PARTS_OF_ONE.match(reading.text, q.end)))
               # ("首座日熔量1200吨的窑炉已于2023年11月点火投产": a figure before 的 sizes the noun it modifies)
               and not (q.end <= date.span_start and reading.text.startswith("的", q.end))
               for q in reading.quantities):
            # a dated figure ("produced 5 kt in 2023"): its date is a period, not an event
            action_id, action_label = "", ""
        elif action_id.startswith("verb:") and mood == "done" \
                and any(start <= q.start < end and ((q.kind == "number" and q.value >= 10)
                                                    # ("about seven months later than first planned": a delay)
                                                    or (q.kind == "duration" and not _DELAY_AFTER.match(text, q.end)))
                        and not (q.start >= date.span_end and _WITH_AFTER_DATE.fullmatch(text, date.span_end, q.start))
                        # (", and already has customers in all 26 states": a clause of its own)
                        and not (q.start >= date.span_end and _AND_VERB.search(text, date.span_end, q.start))
                        and not (q.start > date.span_end and aside_end == date.span_end)
                        for q in reading.quantities):
            # "received 82 ship calls in 2024": a clause's own verb with a count is a measure, no milestone
            # (as is one with a span of time: "ships waited an average of 6.8 days at anchor in 2023")
            action_id, action_label = "", ""
        elif any(start <= q.start < end and q.kind == "number" and q.value >= 2 and _COUNTED_EVENTS.match(text, q.end)
                 for q in reading.quantities):
            # "is targeting 12 launches in 2024": a count of the events, never one of them
            action_id, action_label = "", ""
        elif any(start <= q.start < end and q.kind == "number" and _counts_facilities(text, q, rules) for q in reading.quantities) \
                or any(start <= q.start and q.end <= date.span_start and q.kind == "number" and _counts_facilities(text, q, rules, held=True)
                       for q in reading.quantities) \
                or (rules.as_of.search(text, max(0, date.span_start - 8), date.span_start)
                    and any(date.span_end <= q.start < end and q.kind == "number" for q in reading.quantities)):
            # "The group opened four hotels in the quarter": a count of facilities opened is a measure of
            # the subject's growth, no milestone of its own; "China had 34 UHV lines in operation at the end of
            # 2022", "截至2023年底，我国已建成投运特高压线路37条": a count held at a date is a level
            action_id, action_label = "", ""
        if mood == "done" and published is not None and date.start > published \
                and rules.effect_from.search(text, max(0, date.span_start - 25), date.span_start):
            # "Rome has made cover compulsory for companies from 2025": a decision taken, in force from
            # a later date; the date is not when it was done
            mood, cue = "unknown", ""
        if mood in ("upcoming", "target") and published is not None and date.end < published \
                and rules.past_state_before.search(text, max(0, date.span_start - 30), date.span_start):
            # "Prices will not go back to where they were before 2022": a past time compared with, no plan
            mood, cue = "unknown", ""
        if mood == "upcoming" and published is not None and date.end < published and date.relative \
                and date.granularity in ("month", "quarter", "half") and not date.iso.startswith(str(published.year)):
            # "will open in the third quarter", written in February 2025: the third quarter still ahead (a part
            # of the year without its year is read as the nearest one, which a plan never is when it is past)
            date = _year_shifted(date, 1)
        if mood == "upcoming" and (reduced := _REDUCED_PAST.search(text, max(start, date.span_start - 40), date.span_start)) \
                and reduced.group("prev").lower() not in _NOT_NOUNS:
            # "will complete the project after a review ordered by the government elected in October 2024": a
            # past participle after a noun dates that noun's past, not the plan
            mood, cue = "unknown", ""
        if mood == "done" and _HABITUAL.search(text, max(start, date.span_start - 40), date.span_start):
            mood, cue = "unknown", ""   # "the second season, normally opened in November": a habit, no deed
        if mood == "done" and published is not None and date.start > published and date.relative \
                and date.granularity in ("day", "month", "range") and year_unsaid(date):
            # "reached full commercial operation only at the end of June", written in February 2024: a day or
            # month without its year, told as done, is the last one gone by, not the nearest one
            date = _year_shifted(date, -1)
        if mood == "unknown" and action_id and published is not None and date.end < published \
                and CJK.search(text, date.span_end, own_end):
            # "2024年4月，芯钠能源与飞速出行签署供货协议", written in 2025: Chinese marks no tense; an event told
            # with no word of plan or goal at a date gone by is done
            mood, cue = "done", action_label
        part, part_by = _part(text, start, date.span_start, rules), ""
        # ("Velaria plans to open a 9,000-square-metre flagship on Milan's Corso ... in September 2023": one more
        # shop of the chain opening is none of the chain's start; where it opens tells it from the others)
        # (but "opened its first restaurant in North America" is its start there)
        outlet = _opened_outlet(rules.outlets).search(text, start, date.span_start) if not part and action_id == "start" else None
        outlet = None if outlet is not None and _FIRST_WORD_IN.search(outlet.group()) else outlet
        if not part and (zh_part := rules.zh_part_finder.match(text, date.span_end)) is not None:
            part = rules.zh_parts[zh_part.group()]      # ("2023年12月首台机组投产发电": the part right after the date)
        if not part and project is None and (owned := rules.owned_part.search(text, start, date.span_start)) is not None:
            # "Its 2.8-million-tonne-a-year hydrocracker was commissioned in November 2023": the owner's unit
            owner = company if owned.group("its") else next(
                (e for e in reading.entities if e.kind == "name" and owned.start() - 3 <= e.end <= owned.start()), None)
            if owner is not None:
                # (a unit of its own: its start is none of the whole site's)
                subject, unnamed, part, part_by = owner, "", owned.group("noun").lower(), "beside"
        if action_id == "signing":
            # (a deal is told by who signed it with whom: another counterparty's is another deal; a later date
            # after what the deal is to do, "signed an agreement to supply 150 trucks in 2025", is that doing's)
            part = _counterparty(reading, subject)
            if not part or (published is not None and date.start > published and _SIGNED_TO.search(text, start, date.span_start)):
                action_id, action_label, part, part_by = "", "", "", ""
        site, site_by = ("", "") if part else _site_part(reading, subject, start, date.span_start, rules)
        # ("电站于2019年12月开工建设,2023年12月首台机组投产发电": a Chinese clause that names no one goes on with the
        # subject of the clause before it)
        chained = events[-1] if subject is None and not unnamed and events and events[-1].claim is reading.claim \
            and events[-1].subject and CJK.search(text, date.span_start, date.span_end) \
            and not reading.entities_in(start, own_end) else None
        events.append(Event(
            subject=chained.subject if chained else (subject.entity if subject and not unnamed else ""),
            action=action_id,
            date=date,
            modality=mood,
            claim=reading.claim,
            article=reading.article,
            subject_surface=chained.subject_surface if chained else (unnamed or (subject.surface if subject else "")),
            action_surface=action_label,
            attributed=attributed,
            cue=cue,
            part=part or site or " ".join(filter(None, (outlet.group("noun").lower() if outlet else "",
                                                         _market(reading, subject, start, date.span_start, project is not None)))),
            part_by=site_by if site else part_by,
        ))
        previous_end = date.span_end
        if mood == "rescheduled":
            moved_to_end = date.span_end
    return _parts_respectively([_released_thing(e, reading) for e in _old_plans_of_the_event(events)], reading, rules.part_ordinals)


_COUNTED_PART = re.compile(r"(?P<ordinal>\w+)\s+(?P<count>\w+)\s+(?P<noun>.+)")
_DATES_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:in|on)\s+)?$")


def _parts_respectively(events: list[Event], reading: ClaimReading, ordinals: tuple[str, ...]) -> list[Event]:
    """ "whose first two reactors entered commercial operation in February 2023 and January 2024": as many
    dates listed as the parts counted date each part in turn (the first reactor's, the second's), not all of them."""
    counted = [e for e in events if ordinals and (m := _COUNTED_PART.fullmatch(e.part)) is not None and m.group("ordinal") == ordinals[0]]
    if not counted or len({e.part for e in counted}) != 1:
        return events
    found = _COUNTED_PART.fullmatch(counted[0].part)
    count = next((q.value for q in extract_quantities(found.group("count")) if q.kind == "number"), None)
    counted.sort(key=lambda e: e.date.span_start)
    if count != len(counted) or len(counted) > len(ordinals) or not all(
            _DATES_JOINED.fullmatch(reading.text, a.date.span_end, b.date.span_start) for a, b in zip(counted, counted[1:])):
        return events
    renamed = {id(e): replace(e, part=f"{ordinals[i]} {found.group('noun')}") for i, e in enumerate(counted)}
    return [renamed.get(id(e), e) for e in events]


_REDUCED_PAST = re.compile(r"\b(?P<prev>[a-z]{3,})\s+(?:elected|appointed|formed|founded|established|created|acquired|bought|"
                           r"passed|adopted|introduced|ordered|approved|signed|imposed|announced)\s+(?:in|on)\s+$")
_NOT_NOUNS = frozenset({"was", "were", "are", "been", "being", "has", "have", "had", "will", "would", "which", "that", "who",
                        "they", "and", "then", "also", "not", "never", "could", "should", "must", "may", "might", "can",
                        "shall", "first", "finally", "formally", "officially", "recently", "just", "already"})
_HABITUAL = re.compile(r"\b(?:normally|usually|typically|traditionally|customarily|generally)\s+(?:[a-z]+\s+){0,2}$", re.I)


def _year_shifted(date: DateValue, years: int) -> DateValue:
    """The same days ``years`` years away (a range's iso holds its year twice)."""
    try:
        start, end = date.start.replace(year=date.start.year + years), date.end.replace(year=date.end.year + years)
    except ValueError:
        return date             # February 29 of a year without one: keep the reading
    return replace(date, start=start, end=end,
                   iso=date.iso.replace(str(date.start.year), str(start.year)))


def _owned_object(reading: ClaimReading, subject: EntityMention, before: int) -> EntityMention | None:
    """The name right after "its" (and a size or "new") that a company's verb acts on, before ``before``."""
    for mention in reading.entities:
        if subject.end < mention.start < before and mention.kind == "name" and mention.role == "name" \
                and _ITS_OBJECT.search(reading.text, max(subject.end, mention.start - 40), mention.start) \
                and not _LOCATIVE_BEFORE.search(reading.text, max(0, mention.start - 12), mention.start) \
                and "," not in reading.text[mention.end:before]:      # (the date's own clause)
            return mention
    return None


_ITS_OBJECT = re.compile(r"\b[a-z]+\s+its\s+(?:new\s+|first\s+)?(?:[\d.,]+[- ]?[A-Za-z]+\s+)?$")


def _released_thing(event: Event, reading: ClaimReading) -> Event:
    """ "Pebble Studio will release its game Ember of Kunlun on August 20", "Pebble plans to release
    downloadable content in the first half of 2025": what is released, not who releases it, is what
    the release is of (a name it gives, else the words it is told in)."""
    if event.action != "release":
        return event
    found = None
    for found in _RELEASE_OBJECT.finditer(reading.text, 0, event.date.span_start):
        pass
    if found is None:
        return event
    named = [e for e in reading.entities if e.kind == "name" and found.start("obj") <= e.start and e.end <= found.end("obj")]
    if named:
        return replace(event, subject=named[0].entity, subject_surface=named[0].surface)
    return replace(event, part=" ".join(found.group("obj").lower().split()))


_RELEASE_OBJECT = re.compile(r"\breleas(?:e|es|ed|ing)\s+(?P<obj>[^,.;]{1,80}?)\s+(?:on|in|by|during|for|from|at|early|late|next|this)\s", re.I)


_FROM_OLD_DATE = re.compile(r"\s*,?\s+(?:from|rather\s+than|instead\s+of)\s+(?:(?:an?|the)\s+)?(?:(?:earlier|original|previous|planned)\s+)?")
_PARTICIPLE_ASIDE_OPEN = re.compile(r",\s+(?:[a-z]{3,}ed|shut|built|begun|cut|held|hit)\s+(?:(?:in|at|on|since|from|until|by|the|end|start|middle|of)\s+){0,4}$")
_SPAN_FROM_EVENT = re.compile(r",\s+(?:[\w-]+\s+){1,3}(?:after|before|since)\s", re.I)


def _old_plans_of_the_event(events: list[Event]) -> list[Event]:
    """ "is now expected to start in early 2024, after slipping from a late-2023 target": an old plan
    that names no event of its own is the old date of the event its sentence plans for the subject."""
    planned = {(e.subject, e.part): e for e in events if e.modality in ("upcoming", "rescheduled") and e.action and e.subject}
    return [replace(e, action=meant.action, action_surface=meant.action_surface)
            if e.modality == "plan_past" and not e.action and (meant := planned.get((e.subject, e.part))) is not None else e
            for e in events]


def _other_owner(reading: ClaimReading, subject: EntityMention | None, company: EntityMention | None,
                 start: int, end: int) -> bool:
    """ "Kutch Green Fuels plans to start up the hydrogen plant in 2026", in an article about its supplier:
    the clause's own subject, another company than the article's, owns "the plant" it names, which is
    not the supplier's factory named before ("X said the plant ..." names a source, not an owner)."""
    return subject is not None and company is not None and subject.kind == "name" and subject.entity != company.entity \
        and start <= subject.start < end and not reading.phrases_in(subject.end, end, "attribution")


def part_name(found: re.Match) -> str:
    """The part a match of ``EventRules.part`` names: "first unit", "first two unit" (so many of them)."""
    count = f" {found.group('count').lower()}" if found.group("count") else ""
    return f"{found.group('ordinal').lower()}{count} {found.group('noun').lower()}"


def _part(text: str, start: int, end: int, rules: EventRules) -> str:
    """ "restart the first potline at its idled Sundal smelter in ...": the facility's part named before the date."""
    found = rules.part.search(text, start, end)
    # ("would add a second line at its Bayline plant in Texas, which has been producing oxide since February
    # 2025": a relative clause between the part and the date tells of the plant, not the part)
    # (but "The second cruise pier, which opened in April 2024": a relative clause right after the part is the part's)
    relative = _RELATIVE_HEAD.search(text, found.end(), end) if found else None
    # (nor "the first two 350-MW units of X's Luoxia station in Zhejiang, which went into service in 2023": the
    # part's own "of" phrase names the whole it is of, and the clause after it is the part's)
    if found and (relative is None or relative.start() == found.end() or text.startswith(" of ", found.end())):
        return part_name(found)
    if found:
        return ""
    zh = rules.zh_part_finder.search(text, start, end)
    return rules.zh_parts[zh.group()] if zh else ""


def _site_part(reading: ClaimReading, subject: EntityMention | None, start: int, end: int, rules: EventRules) -> tuple[str, str]:
    """The part, and how it is named, of a facility named by its kind at the site the event is filed
    under: "Cahaya's new cargo terminal at Kota Permai International", "A new cargo terminal at the hub"
    name a part ("kind": its runway is another); "A hydrogen station next to the Changshu plant" a facility
    of its own ("beside"). "The new biodiesel refinery at Kuala Tanjung" is the Kuala Tanjung refinery: no part."""
    text = reading.text
    found = None
    if subject is not None and subject.end > subject.start and start <= subject.start <= end:
        found = rules.site_part.search(text, max(0, subject.start - 60), subject.start)
    found = found or rules.site_part_at_facility.search(text, start, end)
    if found is None:
        opening = rules.opening_part.match(text) if not reading.entities_in(0, end) else None
        return (f"{opening.group('kind').lower()} {opening.group('noun').lower()}", "kind") \
            if opening is not None and opening.end() <= end else ("", "")
    part = f"{found.group('kind').lower()} {found.group('noun').lower()}"
    if found.group("at").split()[0].lower() != "at" or found.group("kind").lower() in rules.ancillary_kinds \
            or found.group("noun").lower() in rules.ancillary_kinds:
        # ("will open a 120-room hotel at Tres Cumbres in 2026": a facility of its own at the site)
        return part, "beside"
    return (part, "kind") if found.group("noun").lower() in rules.part_nouns else ("", "")


# the part of a signing: who the deal is with ("with name:qilan auto")
WITH_PARTY = "with "


def _counterparty(reading: ClaimReading, subject: EntityMention | None) -> str:
    """ "the 8,000-car supply agreement it signed with Qilan Auto": the one other company the sentence
    names, who signed with the subject ("" when it names none, or several)."""
    # (not a place the deal was signed at: "signed on September 6 at the IAA Mobility show in Munich")
    # (nor the subject's short name: "..., Xinna said" after "Xinna Energy Technology")
    own = subject.entity.split()[0] if subject is not None else None
    named = [e for e in reading.entities if e.kind == "name" and e.role != "government"
             and (subject is None or (e.entity != subject.entity and e.entity.split()[0] != own))
             and not _AT_BEFORE.search(reading.text, max(0, e.start - 8), e.start)]
    # ("signed its agreement to buy Salmones Reloncaví in March 2023, now farms in Los Lagos": the one the
    # deal is with, or the one it buys, first)
    party = next((e for e in named if _PARTY_BEFORE.search(reading.text, max(0, e.start - 40), e.start)), None)
    if party is not None:
        return f"{WITH_PARTY}{party.entity}"
    others = {e.entity for e in named}
    return f"{WITH_PARTY}{others.pop()}" if len(others) == 1 else ""


_AT_BEFORE = re.compile(r"\b(?:at|in)\s+(?:the\s+)?$", re.I)
# ("随着2023年产季苹果陆续出库": the season a year names is the goods' period, no date of an event)
_GOAL_NOUN_AFTER = re.compile(r"(?:\s+[a-z-]+){1,2}\s+(?:forecast|forecasts|target|targets|estimate|estimates|guidance|projection|projections|outlook)\b"
                              r"|产季|榨季|采收季|收获季", re.I)
_CAUSE_AFTER = re.compile(r"\s(?:because|although|though|whereas)\s", re.I)
# ("in fiscal 2023, which ended in September": a fiscal year named by its number)
_PERIOD_RELATIVE = re.compile(r"\b(?:year|season|quarter|half|period|months|(?:fiscal|financial|FY)\s*(?:19|20)\d\d(?:/\d\d)?)\s*,?\s+(?:which|that)\s+(?:ended|ends|began|begins|"
                              r"started|starts|ran|runs|closed|closes|opened|opens)\s+(?:in|on|at)?\s*$", re.I)
_WH_CLAUSE = re.compile(r"\b(?:why|how|whether)\s+", re.I)
_INDEFINITE_RELATIVE = re.compile(r"\b(?:a|an|another)\s+(?:[\w-]+\s+){0,2}?[a-z]+\s+(?:that|which)\s+(?:[a-z]+\s+){1,2}?(?:in|on|at|during)\s+(?:the\s+)?$")
# ("below the 114,000 tonnes set for 2024"; "more than the 21,400 tonnes the company produced in all of 2022": a
# relative clause of its own after the amount)
_AMOUNT_SET_FOR = re.compile(r"\s+(?:(?:was|were|is|are|been)\s+)?(?:set|planned|earmarked|targeted|budgeted|allocated|allotted)\s+for\s+(?:the\s+)?"
                             r"|\s+(?:[A-Za-z]+\s+){0,4}?(?:[a-z]+ed|made|sold|grew|built|had|shipped|spent)\s+(?:in|during|over)\s+(?:all\s+of\s+)?(?:the\s+)?"
                             # ("the 2.5 million who used the old airport in 2019")
                             r"|\s+(?:who|that|which)\s+(?:[a-z]+ed|made|sold|grew|built|had|took|flew|came|went)\s+(?:[a-z-]+\s+){1,3}?(?:in|during)\s+(?:the\s+)?", re.I)
_SIGNED_TO = re.compile(r"\bsign(?:s|ed|ing)?\b.*\bto\s+[a-z]+", re.I)
_PARTY_BEFORE = re.compile(r"\b(?:with|to\s+(?:buy|acquire|purchase|take\s+over|supply))\s+(?:[A-Za-z-]+\s+){0,3}?$")


def _market(reading: ClaimReading, subject: EntityMention | None, start: int, end: int, facility: bool) -> str:
    """ "Lumora plans to launch in Vietnam in the second half of 2024": a company's event in a country
    is that country's event of the company (its launch in Indonesia is another). A company's event in a
    city or region is that place's too ("will open its first stations in Xi'an"); a facility's place
    is only where it stands ("Saguaro Helium's Navajo Springs plant in Arizona")."""
    if subject is None or subject.kind != "name":
        return ""
    kinds = ("country", "bloc") if facility else ("country", "bloc", "region", "name")
    # ("its first Polish base": where the company's own new site stands, named by its people's word)
    place = next((e for e in reading.entities if start <= e.start < end and e.kind in kinds
                  and e.entity != subject.entity and (reading.text[max(0, e.start - 3):e.start].lower() == "in "
                                                      # ("its first Polish base", "its Dutch service")
                                                      or (e.role == "demonym" and (_ITS_ORDINAL_BEFORE.search(
                                                          reading.text, max(0, e.start - 20), e.start)
                                                          or _OWNED_RIGHT_BEFORE.search(reading.text, max(0, e.start - 7), e.start))))), None)
    if place is None:
        # ("In Brazil, where Veyra began service in October 2023, ...": the place the relative clause is of)
        place = next((e for e in reading.entities if e.end <= start and e.kind in kinds and e.entity != subject.entity
                      and reading.text[max(0, e.start - 3):e.start].lower() == "in " and _WHERE_AFTER.match(reading.text, e.end)), None)
    return f"in {place.entity}" if place is not None else ""


_OWNED_RIGHT_BEFORE = re.compile(r"\b(?:its|their)\s+$", re.I)
_WHERE_AFTER = re.compile(r",\s+where\s")


def _without_dated_asides(reading: ClaimReading, start: int, end: int, text: str | None = None) -> str:
    """The text between ``start`` and ``end`` (or ``text``, that stretch already edited) with asides
    between commas that hold a date of their own blanked: "planned to restart its Lesedi shaft,
    mothballed late last year, in the first quarter of 2025" plans a restart, the aside's closure is
    another event."""
    text = reading.text[start:end] if text is None else text
    asides = [a for a in _ASIDE.finditer(reading.text, start, end)
              if any(a.start() <= d.span_start and d.span_end <= a.end() for d in reading.dates)]
    for aside in reversed(asides):      # (cut out, so the words before it stay near the date)
        text = text[:aside.start() - start] + " " + text[aside.end() - start:]
    return text


_ASIDE = re.compile(r",[^,;]{1,60},")


def _without_names(reading: ClaimReading, start: int, end: int, rules: EventRules) -> str:
    """The text between ``start`` and ``end`` with entity names blanked: "the European Commission"
    names no commissioning, "Launch Minerals" no launch (but "Test runs on the line began ...": a lone
    capitalised word opening the sentence that starts an event's phrase with the words after it is that phrase)."""
    text = reading.text[start:end]
    for mention in reading.entities:
        if mention.start == 0 and " " not in mention.surface and (phrase := rules.finder.match(
                " ".join(_lemmas(reading.text[:mention.end + 40], rules)))) is not None and phrase.end() > len(mention.surface):
            continue
        if start <= mention.start and mention.end <= end:
            a, b = mention.start - start, mention.end - start
            text = text[:a] + " " * (b - a) + text[b:]
    return text


_DETERMINER = re.compile(r"\b(?:the|a|an|its|their)\s+", re.I)
_DEFINITE_FACILITY = re.compile(r"(?:the|its)\s", re.I)


def _unnamed_facility(clause: str, rules: EventRules) -> tuple[str, int]:
    """ "the first new rare earth mine": a facility without a name is described, never aligned.
    Returns the description and where it ends in the clause ("", 0 when there is none)."""
    best, end = "", 0
    for word in rules.facility_finder.finditer(lower_ascii(clause)):
        window = clause[max(0, word.start() - 60):word.start()]
        determiners = list(_DETERMINER.finditer(window))
        if determiners and len(window[determiners[-1].start():].split()) <= 6:
            best, end = window[determiners[-1].start():] + clause[word.start():word.end()], word.end()
    return best, end


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|outside|of|from|to|on)\s+(?:the\s+)?$", re.I)
# a subject of another owner opening a subordinate clause ("when the Northstar Aurora became ..."; not "after
# starting up ...", nor "as its Weda Timur plant ... came on stream", the same owner's)
_CLAUSE_SUBJECT = re.compile(r"(?:the|an?|this|these)\s|[A-Z]")
_RELATIVE_HEAD = re.compile(r",\s+(?:which|who)\s+")
_APPOSITION_OPEN = re.compile(r"\s*,\s*")
_PLACE_AFTER_FACILITY = re.compile(r"\b(?:between|linking|connecting|from|to|in|at|near|of|outside)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+and\s+(?:the\s+)?)?$")
_IN_OR_AT = re.compile(r"\s+(?:in|at)\s+$")
_ZH_SITE_BEFORE = re.compile(r"(?:在|位于)$")


def _facility_town(reading: ClaimReading, end: int, rules: EventRules) -> EntityMention | None:
    """The named place (a town, not a country) right after "<facility noun> in/at", before ``end``; in
    Chinese, a named site after 在/位于 with a facility noun after it in its clause ("在延布工业城合资建设的
    20GW硅片工厂已于2024年3月开工建设": the factory in Yanbu)."""
    for mention in reading.entities:
        if mention.start >= end or mention.kind != "name" or mention.role != "name":
            continue
        if CJK.match(mention.surface):
            # (a facility noun within the clause after the site: ``zh_sized``)
            if _ZH_SITE_BEFORE.search(reading.text, max(0, mention.start - 3), mention.start) \
                    and (noun := rules.zh_sized.match(reading.text, mention.end)) is not None and noun.end() <= end:
                return mention
            continue
        lead = reading.text[max(0, mention.start - 30):mention.start]
        at = _IN_OR_AT.search(lead)
        words = lead[:at.start()].split() if at else []
        if words and rules.facility_finder.search(lower_ascii(words[-1])):
            return mention
    return None


_FRONTED_IN = re.compile(r"\W*(?:[Ii]n|[Aa]cross|[Tt]hroughout)\s+(?:the\s+)?")
# ("Harbor Point Energy's 800 MW Cape Alder Wind": a size between the owner and its named project)
_SIZE_BETWEEN = re.compile(r"\s*(?:US)?[$€£]?[\d.,]+[- ]?(?:[A-Za-z]{1,9}\b)?(?:-[a-z]+)?\s*")


_ROUTE_END_BEFORE = re.compile(r"\b(?:from|to)\s+(?:the\s+)?$")


def _actor(reading: ClaimReading, start: int, end: int) -> EntityMention | None:
    # ("Since its first shipment from Pemba in August 2023": where goods left from or went to acts in nothing)
    acting = [e for e in reading.entities if e.start < end and not _ROUTE_END_BEFORE.search(reading.text, max(0, e.start - 6), e.start)]
    inside = [e for e in acting if start <= e.start] or acting
    if len(inside) > 1 and inside[0].kind in ("country", "region", "bloc") \
            and _FRONTED_IN.fullmatch(reading.text, start, inside[0].start) and reading.text.startswith(",", inside[0].end):
        inside = inside[1:]     # "In Oman, Ras Hamra's new potline 4 produced its first metal": where, not who
    if inside:
        first = inside[0]
        # "Puna Minerals' Salar del Viento made ...": the owner's named project acts
        owned = inside[1] if len(inside) > 1 else None
        # ("Jade Kite Pictures' naval action film "Iron Harbour" opened": after a few words saying what it is)
        if first.role == "possessive" and owned is not None and owned.kind == "name" \
                and (not _SIZE_BETWEEN.sub("", reading.text[first.end:owned.start]).strip(" '’s")
                     or described_name(reading, first) is owned):
            return owned
        # ("Chinese bubble-tea chain Qingyu Tea opened ...": a demonym describing the name after it)
        if first.role == "demonym" and owned is not None and described_name(reading, first) is owned:
            return owned
        return first
    return None
