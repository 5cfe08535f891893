"""Everything the rules need from one article: its claims read into facts, events and counts."""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from checker import trie
from checker.align.counts import CountStatement, GroupCount, counts_of, group_counts_of, load_count_rules
from checker.align.events import WITH_PARTY, events_of, last_project, load_event_rules
from checker.align.facts import _POSSESSIVE_END, facts_of
from checker.align.growth import (BreakdownStatement, GrowthStatement, PartStatement, RemainderStatement, ShareListStatement,
                                  breakdowns_of, share_lists_of,
                                  growth_of, load_growth_rules, parts_of, percent_shares, remainders_of)
from checker.align.lexicon import AlignLexicon, load_align_lexicon
from checker.align.own_year import date_undated
from checker.align.reading import WHERE_ASIDE, ClaimReading, facility_nouns, read_claim
from checker.align.tense import load_tense_rules
from checker.claims import load_claim_rules, split_claims
from checker.entities import EntityLexicon, NameCanon, find_entities, load_entities
from checker.entities.match import load_name_rules, name_id, site_numbered_parts
from checker.entities.zh_names import load_zh_name_rules, zh_names
from checker.fold import CJK
from checker.model import Article, Claim, EntityMention, Event, Fact

_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")


@dataclass(frozen=True)
class ArticleAnalysis:
    article: Article
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    events: tuple[Event, ...]
    counts: tuple[CountStatement, ...]
    growth: tuple[GrowthStatement | PartStatement | RemainderStatement | BreakdownStatement | ShareListStatement, ...] = ()  # rates, parts of a whole
    group_counts: tuple[GroupCount, ...] = ()


class Analyzer:
    """Holds the lexicons once; ``analyse(article)`` is a pure function of the article."""

    def __init__(self, rules_dir: Path | None = None) -> None:
        key = str(rules_dir) if rules_dir else None
        self.entities: EntityLexicon = load_entities(key)
        self.lexicon: AlignLexicon = load_align_lexicon(key)
        # measures of a level at a time, not a flow over a period: one told as of now is of the month of publication
        self.levels = frozenset(m.group for m in self.lexicon.metrics.values() if not m.flow)
        self.claim_rules = load_claim_rules(key)
        self.tense = load_tense_rules(key)
        self.event_rules = load_event_rules(key)
        self.count_rules = load_count_rules(key)
        self.growth_rules = load_growth_rules(key)
        self.name_rules = load_name_rules(key)
        self.zh_name_rules = load_zh_name_rules(key)

    def article_commodity(self, article: Article) -> str | None:
        """The commodity an article is mostly about (title counts double)."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        of = self.lexicon.commodity_of
        for text, weight in ((article.title or "", 2), (article.body, 1)):
            for match in self.lexicon.commodity_finder.finditer(text.lower()):
                counts[of[match.group()]] += weight
                first.setdefault(of[match.group()], len(first))
        if not counts:
            return None
        # (a tie goes to a kind of goods over the generic word for them, then to the one named first: "India
        # keeps sugar exports shut, caps ethanol diversion")
        generic = self.lexicon.generic_commodities
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] in generic, first[kv[0]]))[0][0]

    @staticmethod
    def _antecedent(entities: EntityLexicon, article: Article, claims: list[Claim], claim: Claim, kind: str) -> EntityMention | None:
        """The place of ``kind`` (country, bloc) an earlier sentence of the article, or its title, named last."""
        earlier = [c.text for c in claims if c.end <= claim.start][::-1] + [article.title or ""]
        for text in earlier:
            places = [m for m in find_entities(text, entities) if m.kind == kind]
            if len(places) >= 3 and all(_LISTED_GAP.fullmatch(text, a.end, b.start) for a, b in zip(places, places[1:])):
                # ("Southeast Asia took two-thirds, led by Indonesia, Vietnam and the Philippines": places
                # listed together are none of them what the article is about)
                continue
            if places:
                # "Côte d'Ivoire is Africa's biggest producer, with Liberia a distant second. The country
                # harvested ...": the place that opens the sentence is its subject
                # (after a dateline and an article: "OTTAWA, March 12 (Wire) - The Bank of Canada cut ...")
                return places[0] if _OPENS_SENTENCE.fullmatch(text, 0, places[0].start) else places[-1]
        return None

    @staticmethod
    def _title_name(entities: EntityLexicon, article: Article, lowercase: frozenset[str]) -> EntityMention | None:
        """The first proper name the title gives ("Sarvam Vaccines posts record year"): what "the company"
        points to before any sentence has stated figures about one."""
        names = [m for m in find_entities(article.title or "", entities, lowercase_words=lowercase) if _referable(m)]
        return EntityMention(names[0].entity, "", 0, 0, "name", "implicit") if names else None

    def _latin_name(self, surface: str) -> str:
        """The id of a Latin name written after a Chinese one, "" for a trade term ("MHP", "HPAL"), goods
        ("聚氯乙烯（PVC）") or a measure ("门店终端零售额(GMV)")."""
        if surface in self.name_rules.not_names or self.lexicon.commodity_finder.fullmatch(surface.lower()) \
                or "metric_noun" in self.lexicon.matcher.kinds(surface):
            return ""
        return name_id(surface, self.name_rules)

    @staticmethod
    def _proper_names(entities: EntityLexicon, text: str, lowercase: frozenset[str]) -> list[EntityMention]:
        """The proper names ``text`` gives (no guessed ones; a lone capitalised word the article also
        writes in lower case is none: "Water levels on the upper Yangtze ...")."""
        return [m for m in find_entities(text, entities, lowercase_words=lowercase) if _referable(m)]

    def _one_company(self, text: str, mentions: list[EntityMention]) -> EntityMention | None:
        """The one proper name of ``text`` (its ``mentions``), if it gives exactly one, else the one that
        opens it as its subject ("Gulf Crest Aluminium of the United Arab Emirates owns 40% of Qamar. The
        company ..."), past a word that only describes it ("Swiss chocolate maker Corvina Chocolate AG")."""
        names = {m.entity for m in mentions}
        if len(names) > 1:
            # ("The route depends on Dala Rail, Kazakhstan's national railway, which hauls the boxes from the
            # border crossings at Khorgos and Dostyk": the names of places something is at are no company)
            # ("Tembo Tin Plc, the operator of the Lowa Hills mine in Congo's Maniema province": nor are a
            # facility's name or a place after a country's possessive)
            unplaced, placed = [], False
            for m in mentions:
                placed = bool(_AT_PLACE.search(text, max(0, m.start - 30), m.start)
                              or (placed and _AND_BEFORE.search(text, max(0, m.start - 6), m.start)))
                if not placed and not facility_nouns(text, m, self.event_rules.facilities):
                    unplaced.append(m)
            if unplaced and len({m.entity for m in unplaced}) == 1:
                names = {unplaced[0].entity}
        if len(names) == 1 and _FROM_PLACE.search(text, max(0, mentions[0].start - 12), mentions[0].start) \
                and any(text.lstrip(" \"'“‘(").lower().startswith(a + " ") for a in self.lexicon.cues["company_anaphors"]):
            # ("The battery recycler from Jingmen in central China plans ...": the company meant is the one before,
            # the name only where it is from)
            return None
        if len(names) == 1 and any(a.start() < mentions[0].start < a.end() for a in WHERE_ASIDE.finditer(text)):
            return None     # ("The plant, on the coast near Caldera, pumps ...": where it stands names no company)
        if len(names) == 1:
            return EntityMention(names.pop(), "", 0, 0, "name", "implicit")
        if len(mentions) > 1 and (gap := _DESCRIPTION.fullmatch(text, mentions[0].end, mentions[1].start)) is not None \
                and f"the {gap.group('noun').lower()}" in self.lexicon.cues["company_anaphors"]:
            mentions = mentions[1:]
        if mentions and _opens_with(text, mentions[0]):
            return EntityMention(mentions[0].entity, "", 0, 0, "name", "implicit")
        return None

    def _facilities_named(self, text: str, mentions: list[EntityMention]) -> set[str]:
        """The names ``text`` gives as facilities ("the Ciliwung Line", "Mombasa port"; the site of "The first
        reactor at the Karaburun nuclear power plant")."""
        named = ((m, facility_nouns(text, m, self.event_rules.facilities)) for m in mentions)
        return {_facility_meant(m, nouns).entity for m, nouns in named if nouns}

    def _place_of(self, facts: list[Fact]) -> EntityMention | None:
        """The one country or bloc a sentence's facts are all about, if there is one."""
        subjects = {f.subject for f in facts}
        if len(subjects) != 1:
            return None
        subject = subjects.pop()
        kind = self.entities.kind(subject)
        # "Chinese visitors numbered 6.7 million": a demonym names people or goods of a place, not the
        # place whose measures the next sentence may go on with
        if any(self.entities.surfaces.get(f.subject_surface, ("", ""))[1] == "demonym" for f in facts):
            return None
        return EntityMention(subject, "", 0, 0, kind, "implicit") if kind in ("country", "bloc", "region") else None

    def _market_of(self, facts: list[Fact], previous: Fact | None) -> Fact | None:
        """A sentence's one dated total of a place or the world ("Global smartphone shipments rose 7% to
        288 million units in the second quarter of 2024"); companies' shares carry it on, anything else
        ends it."""
        # (a named place's visitors too: "Bali welcomed 5.27 million foreign visitors in 2023. Australians made up
        # 23% of foreign arrivals"; measures whose people are told by where they come from)
        totals = [f for f in facts if f.dated and f.kind.startswith("amount") and not f.kind.endswith("forecast")
                  and (f.subject == "WORLD" or self.entities.kind(f.subject) in ("country", "bloc")
                       or (f.subject.startswith("name:") and f.metric in self.lexicon.origin_metrics))]
        if len({(f.subject, f.commodity, f.metric) for f in totals}) == 1:
            # ("rose to 151 million units in 2024, up from 146 million in 2023": the latest period's)
            return max(totals, key=lambda f: f.period)
        if all(f.kind == "share" and f.subject.startswith("name:") for f in facts):
            return previous         # (a sentence with no figures read keeps it too)
        return None

    def analyse(self, article: Article) -> ArticleAnalysis:
        claims = split_claims(article, self.claim_rules)
        lowercase = frozenset(_LOWER_WORD.findall(article.body))
        commodity = self.article_commodity(article)
        facts: list[Fact] = []
        events: list[Event] = []
        counts: list[CountStatement] = []
        growth: list[GrowthStatement | PartStatement | RemainderStatement | BreakdownStatement | ShareListStatement] = []
        group_counts: list[GroupCount] = []
        # (Chinese copy's names, found once per article: "卢美拉(Maison Lumeira)", "德德萨瀑布水电站")
        whole = f"{article.title or ''}\n{article.body}"
        names = zh_names(whole, self.entities, self._latin_name, self.zh_name_rules)
        # (the capitalised words the article writes before another one, read once and only if asked for)
        openers = functools.cache(lambda: frozenset(_NAME_OPENER.findall(whole)))
        entities = self.entities.with_names(names) if names else self.entities
        implicit: EntityMention | None = None      # the place the sentence before stated figures about
        facility: EntityMention | None = None      # the facility an earlier sentence named last
        # the one it named last with each facility noun ("airport"); None when the last one it brought in
        # with that noun had no name ("will build a 100,000-tonne-a-year plant in Oman. The plant's ...")
        by_noun: dict[str, EntityMention | None] = {}
        title_name = self._title_name(entities, article, lowercase)
        actor = title_name                         # the company the last sentence with figures was about
        before: list[Fact] = []                    # the facts of the sentence before
        market: Fact | None = None                 # the dated total of a place that companies' shares are of
        quiet: Claim | None = None                 # the sentence right before, when it stated no company's figures
        lead_year: int | None = None               # the year the first sentence naming one names
        earlier_shares: tuple = ()                 # the percentages of the sentence before
        for claim in claims:
            # read_claim is None for a claim without figures (extract_figures gates on may_hold_figure)
            reading = read_claim(claim, article, entities, self.lexicon, lowercase, commodity)
            if reading is None:
                implicit, before, quiet, earlier_shares = None, [], claim, ()
                continue
            if lead_year is None and (years := [d.start.year for d in reading.dates if d.granularity == "year" and not d.relative]):
                lead_year = years[0]      # (the first sentence that names a year: the lead)
            quiet_names = self._proper_names(entities, quiet.text, lowercase) if quiet is not None else []
            # ("Work began in March 2023 with Unit 1, ...": a numbered part named alone is the site's part)
            quiet_names = list(site_numbered_parts(tuple(quiet_names), facility, self.name_rules))
            if quiet is not None and (reading.phrases_in(0, len(reading.text), "company_anaphors") or any(
                    _POSSESSIVE_END.sub("", hit.surface.lower()) in self.lexicon.cues.get("company_anaphors", ())
                    for hit in reading.phrases_in(0, len(reading.text), "pronouns"))
                    # ("Lumora reported its fourth-quarter results last week. It ended 2023 with ...")
                    or _IT_OPENS.match(reading.text)):
                # "Investors remember Sweden's Nordvik Cells. The company delivered some 14 GWh last
                # year": the one company the sentence before names, though it stated no figures of it
                actor = self._one_company(quiet.text, quiet_names) or actor
            # "Mombasa remains East Africa's busiest gateway. The port handled about 2.1 million TEU": the
            # name that opens the sentence before, though it stated no figures, is the facility meant: the
            # one name it gives as a facility (none when it gives two), else the name it gives or opens with
            # ("... returned the first engine overhauled at its new Seletar shop. The US$300 million shop,
            # which opened in March 2024, ...": the facility a sentence without figures names is the one meant)
            named = self._facilities_named(quiet.text, quiet_names) if quiet is not None else set()
            one = EntityMention(next(iter(named)), "", 0, 0, "name", "implicit") if len(named) == 1 else None
            if one is not None and _IT_OPENS.match(reading.text) and quiet_names \
                    and _opens_with(quiet.text, quiet_names[0]) \
                    and facility_nouns(quiet.text, quiet_names[0], self.event_rules.facilities):
                # ("The Kaldvatn station, owned by Nordfjell Kraft, is among the hardest hit. It produced ...":
                # "It" is the facility the sentence before opens with, not the owner in its aside)
                actor = one
            lead_name = one if named else (self._one_company(quiet.text, quiet_names) if quiet is not None else None)
            if not named and lead_name is not None and any(
                    m.entity == lead_name.entity and (_SAYS_AFTER.match(quiet.text, m.end) or _SAID_BEFORE.search(quiet.text, max(0, m.start - 16), m.start))
                    for m in quiet_names):
                # ("Forty-one of the 76 turbines were in place, Nordvik Energy said. Once complete, the farm will
                # produce ...": who told it is not the facility meant)
                lead_name = None
            # (when it gives several, "the line" is the one it gives as a line)
            # ("its Línea Dorada metro line, ... buses on the Suba corridor": "the line" is the Línea Dorada)
            quiet_facilities = {noun: EntityMention(m.entity, "", 0, 0, "name", "implicit") for noun, m in
                                _named_facilities(quiet.text, quiet_names, self.event_rules.facilities).items()} if len(named) > 1 else {}
            facility = one or facility
            if (numbered := site_numbered_parts(reading.entities, facility, self.name_rules)) is not reading.entities:
                reading = replace(reading, entities=numbered)
            quiet = None
            # ("Stores at end-2022: 6,400", a fact box after a sentence about a rival: the article's own company)
            # (the title's name only when the company before is another family: "Qingyue Tea" after "Qingyu Tea")
            owner = title_name if title_name is not None and actor is not None and _LABEL_LINE.match(claim.text) \
                and actor.entity.split()[0] != title_name.entity.split()[0] else actor
            found = facts_of(reading, self.lexicon, commodity, self.event_rules.facilities, self.tense,
                             functools.partial(self._antecedent, entities, article, claims, claim), implicit, owner, before, market,
                             functools.partial(_facility_meant_by, one, lead_name, quiet_facilities, by_noun, facility or title_name))
            broken = breakdowns_of(reading, self.growth_rules) if len(reading.quantities) >= 3 else []
            if broken:
                # the listed parts are measures of their own (knitwear, woven garments), not the total's
                parts = {(q.start, q.end) for b in broken if not b.exact for q in b.parts}
                found = [f for f in found if (f.value.start, f.value.end) not in parts]
            facts.extend(found)
            before = found
            if not any(f.subject.startswith("name:") or (f.subject.startswith("name?:") and _grammatical_name(f.subject))
                       for f in found):
                quiet = claim        # "Aurelia remained the largest of two carriers.": figures, none about a company
            market = self._market_of(found, market)
            implicit = self._place_of(found)
            actor = _actor_of(found, actor, reading, self.name_rules.public_bodies, openers, self.event_rules.facilities,
                              {m.entity for m in by_noun.values() if m is not None})
            events.extend(events_of(reading, self.tense, self.event_rules, facility, actor))
            facility = last_project(reading, self.event_rules) or facility
            by_noun.update(_facilities_brought_in(reading, self.event_rules.facilities))
            by_noun.update(_named_facilities(reading.text, reading.entities, self.event_rules.facilities))
            counts.extend(counts_of(reading, self.count_rules))
            group_counts.extend(group_counts_of(reading, self.count_rules))
            if len(reading.quantities) >= 2:
                growth.extend(remainders_of(reading, self.growth_rules, earlier_shares))
            if len(reading.quantities) >= 3:
                growth.extend(share_lists_of(reading, self.growth_rules))
                growth.extend(growth_of(reading, self.growth_rules))
                growth.extend(parts_of(reading))
                growth.extend(broken)
            earlier_shares = tuple(percent_shares(reading))
        facts = date_undated(facts, article, lead_year, self.levels)
        events = _opening_before_output(events)
        return ArticleAnalysis(article, tuple(claims), tuple(facts), tuple(events), tuple(counts), tuple(growth), tuple(group_counts))


_IT_OPENS = re.compile(r"^\W*It\s")
_SAYS_AFTER = re.compile(r"\s+(?:said|says|told|added)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|according\s+to)\s+$")
# a fact-box line: a short label, a colon, its figure ("Stores at end-2022: 6,400 (end-2021: 4,100)")
_LABEL_LINE = re.compile(r"^\W*[A-Z][\w ,'’()/-]{2,40}:\s*\S")
_AT_PLACE = re.compile(r"\b(?:at|in|near|via|across|through|to)\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:'s|’s)\s+)?$")
_FROM_PLACE = re.compile(r"\b(?:from|in|at|near|based\s+in)\s+(?:the\s+)?$")
_AND_BEFORE = re.compile(r"(?:,|\band)\s+$")
# ("Japan's Takamine Machinery, Hengyue's main rival, has lost ground": a place's possessive before the name)
_LEAD_TO_NAME = re.compile(r"^\W*(?:[Tt]he\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:'s|’s)\s+)?")
# ("Swiss chocolate maker Corvina": lower-case words closing in a noun a company is called by)
_DESCRIPTION = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}(?P<noun>[a-z]+)\s+")


def _opens_with(text: str, mention: EntityMention) -> bool:
    """Does ``mention`` open ``text`` as its subject (past "The" and a place's possessive)?"""
    return not _LEAD_TO_NAME.sub("", text[:mention.start]).strip()


def _facility_meant_by(one: EntityMention | None, lead_name: EntityMention | None, quiet_facilities: dict,
                       by_noun: dict, fallback: EntityMention | None, noun: str) -> EntityMention | None:
    """What "the <noun>" of a sentence is: the one facility the sentence before named, else the one it named
    with that noun, else one the article named with it before ("... to fund the Zefir Baltic offshore wind farm.
    Nordvik has named four contractors. Once running, the farm ...": not the company the sentence before opens
    with), else that company, else none when the last one brought in with the noun had no name."""
    if one is not None:
        return one
    if quiet_facilities.get(noun) is not None:
        return quiet_facilities[noun]
    if by_noun.get(noun) is not None:
        return by_noun[noun]
    return lead_name or (None if noun in by_noun else fallback)


def _opening_before_output(events: list[Event]) -> list[Event]:
    """ "The plant, opened in December 2023, ..." and "produced its first batch in March 2024" in one
    article: an article does not contradict itself, so an opening it dates before the start it also
    dates is the opening ceremony (an inauguration), another milestone."""
    starts = [e for e in events if e.action == "start" and e.modality == "done" and e.subject]
    out = []
    for event in events:
        if event in starts and _OPENED.search(event.cue or "") and any(
                other.subject == event.subject and other.part == event.part and other.date.start > event.date.end
                and not _OPENED.search(other.cue or "") for other in starts):
            event = replace(event, action="inauguration", action_surface="inauguration")
        out.append(event)
    return out


_OPENED = re.compile(r"\bopen", re.I)


def _actor_of(facts: list[Fact], previous: EntityMention | None, reading: ClaimReading,
              public_bodies: frozenset[str], openers, facilities: frozenset[str] = frozenset(),
              named_facilities: set[str] = frozenset()) -> EntityMention | None:
    """The one named subject (a company, a project) of a sentence's facts: what "the company's share"
    in a later sentence points back to. A sentence about places only keeps the earlier one; one about a
    public body ("Chile's Metropolitan Public Transport Directorate has ordered 250 buses from Spanish
    manufacturer Cierzo Electric Bus") points on to the one other name it gives. ``openers()`` are the
    capitalised words the article writes before another one."""
    names = {f.subject for f in facts if f.subject.startswith("name:") or _short_form(f, openers)}
    if not names:
        return previous
    if len(names) > 1:
        # ("Grupo Cervecero Altamar sold 9.8 million hectolitres ... and would spend 2.5 billion pesos on a line at
        # its Mérida brewery": the name that opens the sentence, when every other is one it owns)
        opener = next((m for m in reading.entities if m.kind == "name" and m.entity in names), None)
        owned = [m for m in reading.entities if m.kind == "name" and m.entity in names and m is not opener]
        if opener is None or not _OPENS_SENTENCE.fullmatch(reading.text, 0, opener.start) \
                or not all(_OWNED_BEFORE.search(reading.text, max(0, m.start - 12), m.start) for m in owned) \
                or {m.entity for m in owned} | {opener.entity} != names:
            return None
        names = {opener.entity}
    name = names.pop()
    opener = next((m for m in reading.entities if m.kind == "name"), None)
    owned = next((m for m in reading.entities if m.entity == name), None)
    if opener is not None and owned is not None and opener.entity != name and opener.entity not in named_facilities \
            and _OPENS_SENTENCE.fullmatch(reading.text, 0, opener.start) \
            and _OWNED_BEFORE.search(reading.text, max(0, owned.start - 12), owned.start) \
            and (name in named_facilities or _told_as_facility(facts, name, reading, facilities)):
        # ("Marula Ridge Platinum ... said it would cut 1,200 jobs at its Mmapula shaft. The company produced ...": the
        # company that opens the sentence, not the facility it owns)
        return EntityMention(opener.entity, "", 0, 0, "name", "implicit")
    # ("... the nuclear island of Unit 3 at the Longwan station. The Longwan station, whose first two reactors ...":
    # a facility after one of its own numbered parts is what the sentences after it are about)
    if previous is not None and previous.entity != name and not previous.entity.startswith(name + " ") \
            and (name in named_facilities or _told_as_facility(facts, name, reading, facilities)
                 # ("Nkwanta Hill supplied just over half of group output": a part of the company before)
                 or all(f.kind == "share" and f.scope == f"of:{previous.entity}" for f in facts if f.subject == name)):
        # ("The Mombasa South Container Terminal, which opened last year, handled 410,000 TEU. The company
        # plans ...", "其中,厦门码头完成吞吐量360万标箱。上半年公司营业收入…": a facility is no company; the
        # company before goes on)
        return previous
    if name.rsplit(" ", 1)[-1] in public_bodies:
        others = {m.entity for m in reading.entities if m.kind == "name" and m.entity.startswith("name:") and m.entity != name
                  and m.entity.rsplit(" ", 1)[-1] not in public_bodies}
        return EntityMention(others.pop(), "", 0, 0, "name", "implicit") if len(others) == 1 else previous
    return EntityMention(name, "", 0, 0, "name", "implicit")


_LISTED_GAP = re.compile(r",\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")


def _told_as_facility(facts: list[Fact], name: str, reading: ClaimReading, facilities: frozenset[str]) -> bool:
    """Is ``name`` written as a facility where the sentence gives it ("... Container Terminal", "the
    Tongliao plant", "厦门码头")?"""
    for surface in {f.subject_surface for f in facts if f.subject == name and f.subject_surface}:
        at = reading.text.find(surface)
        if at < 0:
            continue
        if CJK.search(surface):
            if any(surface.endswith(noun) for noun in facilities if CJK.search(noun)):
                return True
            continue
        # the name's last word and the one after it ("Jambi–Muara Bulian section")
        last = _FACILITY_WORDS.findall(surface)[-1:]
        after = _FACILITY_WORDS.match(reading.text, at + len(surface) + 1) if reading.text[at + len(surface):at + len(surface) + 1] == " " else None
        if any(word.lower() in facilities for word in last + ([after.group()] if after else [])):
            return True
    return False


_FACILITY_WORDS = re.compile(r"[A-Za-z]+")


def _short_form(fact: Fact, openers) -> bool:
    """Is the fact's tentative subject ("Veltris also nudged up ...") the first word of a longer name the
    article writes ("Veltris Pharmaceuticals": in ``openers()``), or a Chinese name found by its grammar?"""
    if not fact.subject.startswith("name?:"):
        return False
    return _grammatical_name(fact.subject) or fact.subject_surface in openers()


_NAME_OPENER = re.compile(r"\b([A-Z][\w'’-]*)\s+(?=[A-Z])")


# what may stand before the place that opens a sentence as its subject: a dateline, "the", quotes
_OWNED_BEFORE = re.compile(r"\b(?:its|their)\s+(?:new\s+)?$", re.I)
_OPENS_SENTENCE = re.compile(r"(?:[A-Z][A-Z .'’-]+(?:,[^-–—]{0,60})?\s[-–—]\s*)?(?:[Tt]he\s+)?[\s\"'“‘(]*")


def _referable(mention: EntityMention) -> bool:
    """Whether "the company" of a later sentence may point to ``mention``: a proper name, not a guessed
    one; a Chinese name found by its grammar ("晟光硅能…发布", "…水电站") is one, tentative for the batch
    (which keeps it when it sounds as a Latin name or recurs, and drops its figures otherwise)."""
    return mention.kind == "name" and (not mention.entity.startswith("name?:") or _grammatical_name(mention.entity))


def _grammatical_name(entity: str) -> bool:
    """A tentative Chinese name: found by its grammar (a designator, a statement it makes), not guessed
    from a capital letter as a tentative Latin one is."""
    return bool(CJK.search(entity))


def unify_names(analyses: list[ArticleAnalysis]) -> tuple[list[Fact], list[Event]]:
    """Near-variant proper names become one subject across the batch (rapidfuzz, blocked)."""
    canon = NameCanon()
    # (the batch's names as written still decide which short forms are one name batch-wide)
    written = {item.subject for a in analyses for item in (*a.facts, *a.events)}
    ordered = sorted(s[5:] for s in written if s.startswith("name:"))
    analyses = [_local_short_forms(a, ordered) for a in analyses]
    seen: dict[str, set[str]] = {}
    for analysis in analyses:
        for fact in analysis.facts:
            if fact.subject.startswith("name?:"):
                seen.setdefault(fact.subject, set()).add(analysis.article.id)
    repeated = {name for name, articles in seen.items() if len(articles) > 1}
    placed = {item.subject for a in analyses for item in (*a.facts, *a.events) if "-" in item.subject
              and _PLACED_NAME.search(item.claim.text) and _capitalised_parts(item.subject[5:], item.claim.text)}
    # (who a deal was signed with is a name too: "with 飞速出行" is "with Feisu Mobility")
    parties = {e.part[len(WITH_PARTY):] for a in analyses for e in a.events if e.part.startswith(WITH_PARTY + "name")}
    subjects = written | parties | {item.subject for a in analyses for item in (*a.facts, *a.events)}
    canon.build(subjects, repeated, placed, _written_as_places(subjects, analyses), _written_with_suffix(analyses))
    facts = [_canonical_fact(f, canon) for a in analyses for f in a.facts if canon.canonical(f.subject)]
    events = [_canonical_event(e, canon) for a in analyses for e in a.events]
    return facts, events


def _canonical_event(event: Event, canon: NameCanon) -> Event:
    """The event with its subject's canonical id, and its counterparty's ("with name:feisu mobility")."""
    subject = canon.canonical(event.subject)
    part = event.part
    if part.startswith(WITH_PARTY + "name"):
        part = WITH_PARTY + (canon.canonical(part[len(WITH_PARTY):]) or part[len(WITH_PARTY):])
    return event if (subject, part) == (event.subject, event.part) else replace(event, subject=subject, part=part)


_PLACED_NAME = re.compile(r"[A-Z][\w.]*-[A-Z]")


def _written_with_suffix(analyses: list[ArticleAnalysis]) -> set[str]:
    """The names the batch writes with a corporate suffix after them ("Pidelo SpA", "Hengyao Group"): a
    company's whole name, no short form of a longer one ("Pidelo Market", "Hengyao Carbon Materials")."""
    suffixes = load_name_rules().lower_suffixes
    found = set()
    for analysis in analyses:
        for item in (*analysis.facts, *analysis.events):
            if not item.subject.startswith("name:") or item.subject in found:
                continue
            written = _POSSESSIVE_END.sub("", item.subject_surface or "").rstrip(". ")
            words = written.split()
            # (a name's own capitalised suffix, not "the company")
            if len(words) >= 2 and words[-1][:1].isupper() and words[0].lower() != "the" \
                    and any(written.lower().endswith(" " + suffix) for suffix in suffixes):
                found.add(item.subject)
    return found


def _local_short_forms(analysis: ArticleAnalysis, batch_names: list[str] = ()) -> ArticleAnalysis:
    """ "Movenza" in an article about "Movenza Rent" is Movenza Rent, though the batch also knows a
    "Movenza Leasing": a short form that starts the one longer name its own article gives is that name
    (a name of its figures, or a name of the batch's (sorted ``batch_names``) the article writes out)."""
    names = {item.subject[5:] for item in (*analysis.facts, *analysis.events) if item.subject.startswith("name:")}
    text = f"{analysis.article.title or ''}\n{analysis.article.body}"
    lowered = text.lower()
    longer = {short: found for short in names
              if len(found := _longest({n for n in names if n.startswith(short + " ")}
                                       | {n for n in _starting(batch_names, short) if n in lowered})) == 1}
    if not longer:
        return analysis
    # (only when every capitalised name the article writes on from the short form is that one: "Gulf
    # smelters" in an article that names "Gulf Crest Aluminium" and the "Gulf Aluminium Council" is no
    # short form of either)
    local = {"name:" + short: "name:" + found[0] for short, found in longer.items()
             if {m.group(1).lower() for m in re.finditer(rf"(?<![\w-])(?i:{re.escape(short)})\s+([A-Z][\w&.-]*)", text)}
             == {found[0][len(short) + 1:].split(" ", 1)[0]}
             and not _as_place(short, text)}
    if not local:
        return analysis
    return replace(analysis, facts=tuple(replace(f, subject=local.get(f.subject, f.subject)) for f in analysis.facts),
                   events=tuple(replace(e, subject=local.get(e.subject, e.subject)) for e in analysis.events))


def _longest(names: set[str]) -> list[str]:
    """``names`` without those another one goes on from ("shanlan carbon" beside "shanlan carbon materials")."""
    return sorted(n for n in names if not any(m.startswith(n + " ") for m in names))


def _starting(ordered: list[str], short: str) -> list[str]:
    """The names of sorted ``ordered`` that ``short`` starts as a word ("shanlan" starts "shanlan carbon")."""
    found = []
    i = bisect.bisect_left(ordered, short + " ")
    while i < len(ordered) and ordered[i].startswith(short + " "):
        found.append(ordered[i])
        i += 1
    return found


# ("The port of Mombasa handled about 2 million TEU" in an article about the Mombasa South Container
# Terminal: a short form written as a place is the place)
_PLACE_BEFORE = re.compile(r"\b(?:(?:port|city|harbour|province|state|region|county|town) of)\s+")


def _canonical_fact(fact: Fact, canon: NameCanon) -> Fact:
    """The fact with its subject's and its whole's owner's canonical names ("of:name:halvard" is
    "of:name:halvard gold" when the batch knows that as one name)."""
    subject = canon.canonical(fact.subject)
    kind, _, owner = fact.scope.partition(":")
    scope = f"{kind}:{canon.canonical(owner) or owner}" if owner.startswith("name:") else fact.scope
    return fact if (subject, scope) == (fact.subject, fact.scope) else replace(fact, subject=subject, scope=scope)


def _as_place(name: str, text: str) -> bool:
    """Is ``name`` written in ``text`` as a place ("the port of Mombasa")?"""
    return _written_as_place([name]).search(text) is not None


def _written_as_place(names) -> re.Pattern:
    """Any of ``names`` written as a place ("the port of Mombasa"), the name in group 1."""
    return re.compile(rf"{_PLACE_BEFORE.pattern}(?i:({'|'.join(re.escape(n) for n in sorted(names, key=len, reverse=True))}))\b(?!\s+[A-Z])")


def _written_as_places(subjects: set[str], analyses: list[ArticleAnalysis]) -> set[str]:
    """The names that start a longer name of the batch and that some article writes as a place."""
    names = {s[5:] for s in subjects if s.startswith("name:")}
    ordered = sorted(names)
    # (a name a longer one starts with sorts right before the names it starts: one look-up each)
    shorts = {n for n in names if (i := bisect.bisect_left(ordered, n + " ")) < len(ordered) and ordered[i].startswith(n + " ")}
    if not shorts:
        return set()
    # (one scan of each article for all the short names at once)
    pattern = _written_as_place(shorts)
    return {m.group(1).lower() for a in analyses for m in pattern.finditer(f"{a.article.title or ''}\n{a.article.body}")} & shorts


def _capitalised_parts(name: str, text: str) -> bool:
    """Is the hyphenated ``name`` written in ``text`` with each part capitalised ("Hamburg-Billbrook")?"""
    at = text.lower().find(name)
    return at >= 0 and all(part[:1].isupper() for part in text[at:at + len(name)].split("-"))


def _facilities_brought_in(reading: ClaimReading, facilities: frozenset[str]) -> dict[str, EntityMention | None]:
    """Facility noun -> what "the plant" in a later sentence is, for the unnamed facilities a claim brings
    in: the named site it puts one at ("broke ground on its polysilicon plant in the Sohar Freezone"), or
    None for a new one it names nowhere ("will build a 100,000-tonne-a-year polysilicon plant")."""
    indefinite, placed = _facility_patterns(facilities)
    found: dict[str, EntityMention | None] = {match.group("noun").lower(): None for match in indefinite.finditer(reading.text)
                                              if not reading.entities_in(match.start(), match.end())}
    for match in placed.finditer(reading.text):
        site = next((e for e in reading.entities if e.start == match.end() and e.kind == "name" and e.role == "name"), None)
        if site is not None:
            found[match.group("noun").lower()] = site
    return found


@functools.lru_cache(maxsize=4)
def _facility_patterns(facilities: frozenset[str]) -> tuple[re.Pattern, re.Pattern]:
    nouns = trie.alternation(sorted(f for f in facilities if f.isascii() and f.isalpha()))
    # ("a 100,000-tonne-a-year polysilicon plant": up to four words between the article and the noun)
    # ("joined the two halves of its main bridge across the Huai River": a part of its own it names nowhere)
    indefinite = re.compile(rf"\b(?:(?:a|an)\s+(?:[\w$€£.,%-]+\s+){{0,4}}?|(?:its|their)\s+(?:[a-z][\w-]*\s+){{1,3}}?)(?P<noun>{nouns})\b")
    placed = re.compile(rf"\b(?P<noun>{nouns})\s+(?:in|at)\s+(?:the\s+)?")
    return indefinite, placed


def _named_facilities(text: str, mentions: list[EntityMention], facilities: frozenset[str]) -> dict[str, EntityMention]:
    """Facility noun -> the name a claim (its ``text`` and entity ``mentions``) gives it last, for "the airport"
    in a later sentence."""
    found: dict[str, EntityMention] = {}
    for mention in mentions:
        if mention.kind != "name" or mention.role == "possessive":
            continue
        for noun in facility_nouns(text, mention, facilities):
            # ("Unit 1 of the Karaburun nuclear power plant": "the plant" is Karaburun, "the unit" its unit 1)
            found[noun] = _facility_meant(mention, [noun])
    return found


def _facility_meant(mention: EntityMention, nouns: list[str]) -> EntityMention:
    """The facility a name with facility ``nouns`` stands for: a numbered part's site when one of the nouns
    is the site's ("The first reactor at the Karaburun nuclear power plant"), else the name."""
    site = _site_of_part(mention)
    if site is not None and any(n != _part_noun(mention) for n in nouns):
        return site
    return mention


def _site_of_part(mention: EntityMention) -> EntityMention | None:
    """The site a numbered part's name is of ("Unit 1 of the Karaburun" -> Karaburun), if it is one."""
    site, _, number = mention.entity.rpartition(" ")
    if not number.isdigit() or not _PART_OF.search(mention.surface):
        return None
    return replace(mention, entity=site)


def _part_noun(mention: EntityMention) -> str:
    """The noun of a numbered part's name ("unit" in "the first 35-megawatt unit at the Longonot Ridge")."""
    return _PART_OF.split(mention.surface, 1)[0].split()[-1].lower()


_PART_OF = re.compile(r"\s(?:of|at)\s")
