"""Find entity mentions in a claim: lexicon aliases first, then runs of capitalised words."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from checker import trie
from checker.data import DataError, default_rules_dir, expect_str_list, read_toml
from checker.entities.lexicon import MASKED, EntityLexicon
from checker.model import EntityMention

# Latin capitals with accents too ("Évora", "Østfold"); the rest of a token may be any letter ("Cafés").
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# a name's letters are Latin: in Chinese text a name stops where the Chinese characters start
# ("Vexa与Lumo合计" holds two names)
_NAME_CHAR = r"(?:[^\W\u4e00-\u9fff]|[&'’.\-–])"
_NAME_END = r"(?:[^\W\u4e00-\u9fff]|&)"
_TOKEN = rf"[{_UPPER}]{_NAME_CHAR}*{_NAME_END}|[{_UPPER}]"
# "Kybusol Oil & Gas": an ampersand joins the words of one name
# (written capital first, the start's look-behind after it, so the engine scans for capitals in C)


@functools.lru_cache(maxsize=4)
def _run_pattern(particles: tuple[str, ...], joined_pairs: tuple[tuple[str, str, str], ...] = ()) -> re.Pattern:
    """A run of capitalised words; a particle joins two of them ("Salar del Viento", "Port of Spain"), and so
    does the "and" of a trade pair ("Hengyan Iron and Steel Group")."""
    joiner = rf"|[ \t]+(?:{'|'.join(map(re.escape, particles))})(?=[ \t]+[{_UPPER}])" if particles else ""
    joiner += "".join(rf"|(?<=\b{re.escape(a)})[ \t]+{re.escape(j)}(?=[ \t]+{re.escape(b)}\b)" for a, j, b in joined_pairs)
    return re.compile(rf"[{_UPPER}](?<![^\W\u4e00-\u9fff][{_UPPER}])(?<!['’.][{_UPPER}])(?:{_NAME_CHAR}*{_NAME_END})?"
                      rf"(?:(?:(?:[ \t]+&)?{joiner})?[ \t]+(?:{_TOKEN}))*")


_SUFFIX_AFTER = re.compile(r"\.?,? ([A-Za-z.]{2,6})(?![\w])")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)(?!\w)")


@dataclass(frozen=True)
class NameRules:
    leading: frozenset[str]
    not_names: frozenset[str]
    trailing: frozenset[str]
    lower_suffixes: frozenset[str] = frozenset()    # corporate suffixes, lower case, no final "."
    particles: tuple[str, ...] = ()                  # lower-case words inside a name ("del", "van")
    unit_symbols: frozenset[str] = frozenset()       # "GW", "Mt": after a figure, a unit, not a name's first word
    adjective_suffixes: tuple[str, ...] = ()         # "-based": "Hsinchu-based" is an adjective, not a name
    # after a demonym, capitalised words ending in one of these make one name with it ("Indian Ocean
    # Tuna Commission", "European Central Bank"): the demonym names no country there
    institution_after: re.Pattern = re.compile(r"(?!)")
    # "Unit 1", "Reactor 2": a numbered part that, before "of/at the X", is the X's part of that number
    numbered_part: re.Pattern = re.compile(r"(?!)")
    public_bodies: frozenset[str] = frozenset()     # "Directorate", "Ministry": a name ending so is no company
    # "Grupo", "Agrícola": a name opening with one also goes by the rest ("Agrícola Costa Dorada" = "Costa Dorada")
    generic_leads: frozenset[str] = frozenset()
    # "Iron and Steel": two trade words an "and" joins inside one name, as (first, joiner, second)
    joined_pairs: tuple[tuple[str, str, str], ...] = ()
    part_ordinals: tuple[str, ...] = ()              # "first", "second": "the first unit of X" is "X 1"
    # "Unit 2" written alone: the numbered part of the site the article is about
    bare_numbered_part: re.Pattern = re.compile(r"(?!)")
    of_heads: frozenset[str] = frozenset()          # "Port": "the Port of San Antonio" is San Antonio's port


def _goods_acronyms(rules_dir: str | None) -> frozenset[str]:
    """The goods commodities.toml names by an acronym ("PVC", "LNG") and the measures metrics.toml
    does ("GMV", "AISC"): no company, even written alone ("聚氯乙烯（PVC）项目", "公司于…开出 … GMV")."""
    lexicons = Path(rules_dir or default_rules_dir()) / "lexicons"
    found: set[str] = set()
    for file, table, field in (("commodities.toml", "commodity", "names"), ("metrics.toml", "metric", "nouns")):
        path = lexicons / file
        entries = read_toml(path).get(table, {}) if path.exists() else {}
        found.update(name for entry in entries.values() if isinstance(entry, dict)
                     for name in entry.get(field, []) if isinstance(name, str) and name.isupper() and name.isascii())
    return frozenset(found)


@functools.lru_cache(maxsize=4)
def load_name_rules(rules_dir: str | None = None) -> NameRules:
    """rules/lexicons/names.toml."""
    path = Path(rules_dir or default_rules_dir()) / "lexicons" / "names.toml"
    data = read_toml(path)
    return NameRules(
        frozenset(expect_str_list(data, "leading_words", path)),
        frozenset(expect_str_list(data, "not_names", path)) | _goods_acronyms(rules_dir),
        frozenset(expect_str_list(data, "trailing_drop", path)),
        frozenset(x.lower().rstrip(".") for x in expect_str_list(data, "corporate_suffixes", path)),
        tuple(expect_str_list(data, "particles", path, default=[])),
        _unit_symbols(),
        tuple(w.lower() for w in expect_str_list(data, "adjective_suffixes", path, default=[])),
        _institution_after(expect_str_list(data, "institution_words", path, default=[])),
        _numbered_part(expect_str_list(data, "numbered_parts", path, default=[]), ordinals := [
            w.lower() for w in expect_str_list(data, "part_ordinals", path, default=[])]),
        frozenset(w.lower() for w in expect_str_list(data, "public_bodies", path, default=[])),
        frozenset(w.lower() for w in expect_str_list(data, "generic_leads", path, default=[])),
        _joined_pairs(expect_str_list(data, "joined_pairs", path, default=[]), path),
        tuple(ordinals),
        _bare_numbered_part(expect_str_list(data, "numbered_parts", path, default=[])),
        frozenset(expect_str_list(data, "of_heads", path, default=[])),
    )


def _joined_pairs(pairs: list[str], path: Path) -> tuple[tuple[str, str, str], ...]:
    out = []
    for pair in pairs:
        words = pair.split()
        if len(words) != 3 or not words[0][:1].isupper() or not words[2][:1].isupper() or words[1][:1].isupper():
            raise DataError(path, f"{pair!r} is not 'Word joiner Word' (\"Iron and Steel\")", key="joined_pairs")
        out.append((words[0], words[1], words[2]))
    return tuple(out)


def _numbered_part(words: list[str], ordinals: list[str] = ()) -> re.Pattern:
    """ "Unit 1 of the", and "the first unit of the" with ``ordinals`` (the first is 1)."""
    if not words:
        return re.compile(r"(?!)")
    # (a size may stand between: "the first 35-megawatt unit at the Longonot Ridge plant"; and the site's
    # country or owner: "the second reactor at Turkey's Çamlıbel plant", "Unit 2 at Nordfjell Kraft's Kaldvatn station")
    lead = r"(?:of|at)[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?(?:[A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?(?:'s|’s)[ \t]+)?$"
    by_word = rf"|\b(?P<ordinal>(?i:{trie.alternation(ordinals)}))[ \t]+(?:[\d.,]+[- ]?[a-z]+[ \t]+)?(?i:{trie.alternation(words)})[ \t]+{lead}" \
        if ordinals else ""
    return re.compile(rf"\b(?i:{trie.alternation(words)})[ \t]+(\d{{1,2}})[ \t]+{lead}{by_word}")


def _bare_numbered_part(words: list[str]) -> re.Pattern:
    return re.compile(rf"(?:{trie.alternation(words)})[ \t]+(\d{{1,2}})") if words else re.compile(r"(?!)")


def site_numbered_parts(mentions: tuple[EntityMention, ...], site: EntityMention | None, rules: NameRules) -> tuple[EntityMention, ...]:
    """ "... work at the Çamlıbel nuclear plant. Unit 2, which was connected ...": a numbered part named
    alone is the part of that number of the site an earlier sentence named (``site``)."""
    if site is None or not site.entity.startswith("name:") \
            or not any(m.kind == "name" and rules.bare_numbered_part.fullmatch(m.surface) for m in mentions):
        return mentions
    whole = re.sub(r" \d{1,2}$", "", site.entity)      # (the site, not its unit named last)
    return tuple(replace(m, entity=f"{whole} {part.group(1)}")
                 if m.kind == "name" and (part := rules.bare_numbered_part.fullmatch(m.surface)) else m for m in mentions)


def _numbered_parts(text: str, found: list[EntityMention], rules: NameRules) -> list[EntityMention]:
    """ "Unit 1 of the Longwan nuclear power plant" is "Longwan 1": one name, the site's numbered part
    (whether or not "Unit" was read as a name of its own)."""
    out: list[EntityMention] = []
    for mention in found:
        part = rules.numbered_part.search(text, max(0, mention.start - 45), mention.start) if mention.kind == "name" else None
        if part is None:
            out.append(mention)
            continue
        # (a place between stays a place of its own: "at Turkey's Çamlıbel")
        places = [m for m in out if m.end > part.start() and m.kind != "name"]
        out = [m for m in out if m.end <= part.start()]
        number = part.group(1) or str(rules.part_ordinals.index(part.group("ordinal").lower()) + 1)
        out.append(EntityMention(f"{mention.entity} {number}", text[part.start():mention.end], part.start(), mention.end,
                                 "name", mention.role))
        out.extend(places)
    return out


def _institution_after(words: list[str]) -> re.Pattern:
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?:[ \t]+[{_UPPER}][\w&-]*){{0,4}}?[ \t]+(?:{trie.alternation(words)})(?![\w-])")


def _unit_symbols() -> frozenset[str]:
    """The case-sensitive unit symbols of rules/units.toml that start with a capital."""
    from checker.quantities import units
    return frozenset(s for s in units.table()["symbols"] if s[:1].isupper())


def name_id(surface: str, rules: NameRules) -> str:
    """Canonical id of a proper name: lower case, no corporate suffix, no possessive."""
    tokens = [t for t in re.split(r"\s+", surface.strip()) if t]
    # "Aksaria Shipbuilding Co., Ltd." = "Aksaria Shipbuilding Co." = "Aksaria Shipbuilding";
    # a suffix may take several tokens ("Sp. z o.o.") and carry a comma
    while len(tokens) > 1:
        size = next((k for k in (3, 2, 1) if len(tokens) > k
                     and " ".join(tokens[-k:]).lower().rstrip(".,") in rules.lower_suffixes), 0)
        if not size:
            break
        del tokens[-size:]
    # ("Xi'an–Gdańsk" = "Xi'an-Gdańsk": a dash joins a name's parts however it is typed)
    return "name:" + " ".join(t.lower().rstrip(".,") for t in tokens).replace("–", "-").replace("—", "-")


def find_entities(text: str, lexicon: EntityLexicon, *, sentence_start: int = 0,
                  lowercase_words: frozenset[str] | set[str] = frozenset(),
                  rules: NameRules | None = None) -> list[EntityMention]:
    """Entity mentions in reading order, each with its role (name, possessive, demonym, government)."""
    rules = rules or load_name_rules()
    found: list[EntityMention] = []
    taken = bytearray(len(text))
    for start, end, surface in _lexicon_hits(text, lexicon):
        entity_id, role = lexicon.surfaces[surface]
        if role == MASKED:
            taken[start:end] = b"\x01" * (end - start)
            continue
        if role in ("demonym", "name") and rules.institution_after.match(text, end):
            continue            # "the Indian Ocean Tuna Commission", "the US Geological Survey": one name, found as a run below
        if role == "government" and (_NAME_GOES_ON.match(text, end) or _particle_goes_on(text, end, rules, lexicon)):
            continue            # "the Riyadh Metro", "the Washington Post": a capital inside a longer name
        if role in ("name", "government") and _inside_company_name(text, start, end, rules):
            continue            # "Kora Mobile Nigeria Plc": a country inside a company's name, found as a run below
        possessive = _POSSESSIVE.match(text, end)
        if possessive and role == "name":
            role = "possessive"
            end = possessive.end()
        elif possessive and role == "government":
            role = "possessive"
            end = possessive.end()
        found.append(EntityMention(entity_id, text[start:end], start, end, lexicon.kind(entity_id), role))
        taken[start:end] = b"\x01" * (end - start)
    for match in _run_pattern(rules.particles, rules.joined_pairs).finditer(text):
        start, end = match.start(), match.end()
        if any(taken[start:end]):
            # split the run around lexicon matches: keep the parts outside them
            for part_start, part_end in (p for f in _free_parts(taken, start, end) for p in _split_possessives(text, *f)):
                _add_name(text, part_start, part_end, found, rules, sentence_start, lowercase_words)
            continue
        for part_start, part_end in _split_possessives(text, start, end):
            _add_name(text, part_start, part_end, found, rules, sentence_start, lowercase_words)
    found.sort(key=lambda m: m.start)
    if rules.of_heads:
        found = _of_heads(text, found, rules)
    return _numbered_parts(text, found, rules) if rules.numbered_part.pattern != "(?!)" else found


def _inside_company_name(text: str, start: int, end: int, rules: NameRules) -> bool:
    """Does the place at ``start:end`` stand inside a capitalised run that a corporate suffix closes, after
    the run's first word ("Kora Mobile Nigeria Plc", "Cerro Azul Peru S.A.")?"""
    if not _WORD_BEFORE.search(text, max(0, start - 40), start):
        return False
    suffix = _SUFFIX_CLOSES_RUN.match(text, end)
    return suffix is not None and suffix.group(1).lower().rstrip(".") in rules.lower_suffixes


_WORD_BEFORE = re.compile(rf"[{_UPPER}][\w&.-]*[ \t]+$")
_SUFFIX_CLOSES_RUN = re.compile(rf"(?:[ \t]+[{_UPPER}][\w&-]*){{0,2}}?,?[ \t]+([A-Za-z.]{{2,6}})(?![\w])")


def _of_heads(text: str, found: list[EntityMention], rules: NameRules) -> list[EntityMention]:
    """ "The Port of San Antonio": a facility's word, "of" and a name are one name, the name's, so "San
    Antonio port" elsewhere is the same (and the facility's word is no name of its own)."""
    out: list[EntityMention] = []
    for mention in found:
        # (the head may have been dropped as an ordinary word the article also writes in lower case: "The port handled")
        head = next((h for h in rules.of_heads if mention.start >= len(h) + 4 and text.startswith(f"{h} of ", mention.start - len(h) - 4)), None)
        start = mention.start - len(head) - 4 if head else mention.start
        if head is not None and mention.kind == "name" and not text[start - 1:start].isalnum():
            out = [m for m in out if m.end <= start]
            out.append(replace(mention, surface=text[start:mention.end], start=start))
            continue
        out.append(mention)
    return out


# a capitalised word (letters, digits, "&", "-", "+" after its capital), or one CJK character
# One character is taken (a class first, which the engine scans for in C); the rest of a Latin
# word is captured by a look-ahead, so a capital after "-" or "&" inside it starts a word too.
_UPPER_START = re.compile(rf"[{_UPPER}\u4e00-\u9fff](?:(?<=[{_UPPER}])(?<![\w$.][{_UPPER}])(?=(?P<rest>(?:[^\W_]|[&+-])*))|(?<=[\u4e00-\u9fff]))")


_NAME_GOES_ON = re.compile(rf"[ \t]+[{_UPPER}][a-z]")


@functools.lru_cache(maxsize=4)
def _particle_word_pattern(particles: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"[ \t]+(?:{'|'.join(map(re.escape, particles)) or '(?!)'})[ \t]+([{_UPPER}]{_NAME_CHAR}*)")


def _particle_goes_on(text: str, end: int, rules: NameRules, lexicon: EntityLexicon) -> bool:
    """Does a particle and a capitalised word that names no known place go on after ``end`` ("San Juan del
    Río" is a town of its own; "Santiago de Chile" is still Chile's capital)?"""
    goes_on = _particle_word_pattern(rules.particles).match(text, end)
    return goes_on is not None and not lexicon.by_first_word.get(goes_on.group(1).rstrip(".,"))


_LOWER_WORD_AFTER = re.compile(r" (?!(?:and|or|nor|as|were|was|are|is)\b)[a-z]")


def _lexicon_hits(text: str, lexicon: EntityLexicon):
    """Longest lexicon surface at each capitalised (or CJK) word start, left to right, no overlaps.

    Only capitalised starts are looked up: "the United States" is found at "United" and then
    widened to take in its "the"; the few lower-case surfaces ("the world") have their own scan.
    """
    hits = []
    cursor = 0
    n = len(text)
    for match in _UPPER_START.finditer(text):
        i = match.start()
        if i < cursor:
            continue
        rest = match.group("rest")
        cjk = rest is None
        candidates = lexicon.cjk.get(match.group(), ()) if cjk else lexicon.by_first_word.get(match.group() + rest, ())
        if not candidates:
            continue
        for surface in candidates:
            if text.startswith(surface, i):
                end = i + len(surface)
                if not cjk and end < n and (text[end].isalnum() or text[end] in "$_"):
                    continue
                start = i
                has_the = i >= 4 and text[i - 4:i] in ("the ", "The ")
                if surface in lexicon.needs_the and not has_the:
                    continue
                if has_the and ("the " + surface) in lexicon.surfaces:
                    start, surface = i - 4, "the " + surface
                hits.append((start, end, surface))
                cursor = end
                break
    if lexicon.lower_pattern is not None and any(hint in text for hint in lexicon.lower_hints):
        for match in lexicon.lower_pattern.finditer(text):
            if not any(a < match.end() and match.start() < b for a, b, _ in hits):
                hits.append((match.start(), match.end(), match.group()))
        hits.sort()
    return hits


def _split_possessives(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "Kasalis EV's Ferland Creek" is two names: the owner and the project."""
    parts, cursor = [], start
    for match in _POSSESSIVE.finditer(text, start, end):
        parts.append((cursor, match.end()))
        cursor = match.end()
    if cursor < end:
        parts.append((cursor, end))
    return [(a + (len(text[a:b]) - len(text[a:b].lstrip())), b) for a, b in parts if text[a:b].strip()]


def _free_parts(taken: bytearray, start: int, end: int) -> list[tuple[int, int]]:
    parts, cursor = [], start
    for i in range(start, end + 1):
        if i == end or taken[i]:
            if i > cursor:
                parts.append((cursor, i))
            cursor = i + 1
    return parts


def _add_name(text: str, start: int, end: int, found: list[EntityMention], rules: NameRules,
              sentence_start: int, lowercase_words) -> None:
    """Trim a capitalised run to a plausible proper name and record it."""
    tokens = [m.span() for m in _NON_SPACE.finditer(text, start, end)]
    while tokens and (_clean(text[tokens[0][0]:tokens[0][1]]) in rules.leading
                      or _unit_after_figure(text, *tokens[0], rules)
                      or _clean(text[tokens[0][0]:tokens[0][1]]).lower().endswith(rules.adjective_suffixes)):
        tokens.pop(0)
    while len(tokens) > 1 and _clean(text[tokens[-1][0]:tokens[-1][1]]) in rules.trailing \
            and not (len(_clean(text[tokens[-1][0]:tokens[-1][1]])) == 3 and not _DAY_OR_YEAR_AFTER.match(text, tokens[-1][1])):
        tokens.pop()            # ("Pememi March 2024"; but "Grupo Chimbote Mar": a three-letter month only before its day or year)
    if not tokens:
        return
    words = [_clean(text[a:b]) for a, b in tokens]
    if all(w in rules.not_names or not w or all(part in rules.not_names for part in w.split("-")) for w in words):
        return              # "Global", "July-June": ordinary words, not a name
    if all(w.lower().rstrip(".") in rules.lower_suffixes for w in words):
        return              # ", Ltd." after a name is its suffix, not another name
    a, b = tokens[0][0], tokens[-1][1]
    while a < b and text[a] in _JOINING_DASHES:
        a += 1                      # "Madrid–Barcelona": the dash after a known name joins it, it is no part of the next
    while b > a and text[b - 1] in _JOINING_DASHES:
        b -= 1                      # "Medellín–Panama City": nor of the name before a known one
    if a == b or text[b:b + 1] == "$":       # "US$37bn" is money, not a name
        return
    number = _UNIT_NUMBER.match(text, b)
    if number and number.group("next").lower() not in _figure_words():
        b = number.end("n")         # "Nam Khiao 2" and "Nam Khiao 3" are two plants, "Xe Don 4" one dam
    surface = text[a:b]
    possessive = _POSSESSIVE.search(surface)
    role = "name"
    if possessive and possessive.end() == len(surface):
        surface = surface[:possessive.start()]
        role = "possessive"
    elif _POSSESSIVE.match(text, b):
        role = "possessive"           # "Neralis' reserves": the apostrophe stands after the run
    surface = surface.rstrip(".,;:")
    suffix = _SUFFIX_AFTER.match(text, a + len(surface))
    if suffix and suffix.group(1).lower().rstrip(".") in rules.lower_suffixes:
        # "Embabay Vaccines plc": a lower-case corporate suffix belongs to the name
        surface = text[a:suffix.end()]
        b = max(b, suffix.end())
    entity_id = name_id(surface, rules)
    if len(words) == 1 and not (number and b == number.end("n")):    # "Terminal 3", "Line 5": a name
        word = words[0]
        if word.isupper() and len(word) <= 5 and _LOWER_WORD_AFTER.match(text, b) and role != "possessive":
            return          # "PV module", "LNG imports": an acronym used as a modifier, not a name (but "SAT-3 and ACE")
        opening = not text[sentence_start:a].strip(" \"'“‘([")
        if (word.endswith(("ing", "ly")) or (word.endswith("ed") and not word.endswith("eed") and len(word) > 4)) \
                and opening and _LOWER_NEXT.match(text, b) and not (word.endswith(("ing", "ed")) and text[b:b + 1] == ","):
            # "Barring delays, ...", "Fully electric cars ...", "Landed prices ...": a participle or
            # adverb opening the sentence ("Hengjing, which shipped ...": a participle takes no comma)
            return
        if word.endswith("ed") and opening and text[b:b + 1] == "," and role != "possessive":
            # "Parcelmed, the market leader, ..." but "Undeterred, the company ...": a name only if the
            # batch knows it as one elsewhere
            entity_id = "name?:" + entity_id[5:]
        # A lone capitalised word that also occurs in lower case is an ordinary word.
        if word.lower() in lowercase_words or len(word) < 2:
            return
        if _LOWER_COMPOUND.fullmatch(word) and not text[sentence_start:a].strip(" \"'“‘(["):
            return          # "Same-store sales rose ...", "Full-year revenue ...": a compound opening the sentence
        if not text[sentence_start:a].strip(" \"'“‘([") and role != "possessive" and word.endswith("s") and not word.endswith("ss"):
            # "Dealers report ...", "Traders said ...": a plural that opens the sentence is a name
            # only if the batch knows it as one elsewhere ("Kasalis" next to "Kasalis EV")
            entity_id = "name?:" + entity_id[5:]
    found.append(EntityMention(entity_id, surface, a, a + len(surface) if role == "name" else b, "name", role))


_NON_SPACE = re.compile(r"\S+")
_DAY_OR_YEAR_AFTER = re.compile(r"\.?[ \t]*\d")
_LOWER_COMPOUND = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)+")
_JOINING_DASHES = "–—‐-/"
# a unit number after a name ("Vrbno 3", "Boeing 737"), not a figure ("Kobeda 78,000 ounces", "Brazil 3 million")
# ("Alpenwatt AG's 900-megawatt plant": a number joined to a word by a hyphen is a figure)
_UNIT_NUMBER = re.compile(r"[ \t]+(?P<n>\d{1,3}[A-Za-z]?)(?![\w%])(?![.,]\d)(?!-[a-z])[ \t]*(?P<next>[A-Za-z]*)")


@functools.lru_cache(maxsize=1)
def _figure_words() -> frozenset[str]:
    """Words after a number that make it a figure: magnitudes (rules/numbers.toml), units, durations,
    "per cent"."""
    from checker.quantities import lexicon, units
    table, numbers = units.table(), lexicon.load("numbers")
    words = {w for w in table["words"] if " " not in w} | {s.lower() for s in table["symbols"]} | set(table["durations"])
    magnitudes = {w.lower() for w in (*numbers.get("magnitudes", {}), *numbers.get("case_sensitive_magnitudes", {})) if " " not in w}
    return frozenset(words | magnitudes | {"per", "percent", "pct", "times", "of"})
_LOWER_NEXT = re.compile(r"[ \t,]*[a-z]")
_FIGURE_BEFORE = re.compile(r"\d(?:[ \t]*|[-–])$")   # "1.2 GW", "680-MW"


def _unit_after_figure(text: str, start: int, end: int, rules: NameRules) -> bool:
    """ "the 1.2 GW Ostra Bank wind farm", "the 680-MW Nam Khiao 2 plant": a unit symbol right after a
    figure opens no name."""
    return text[start:end] in rules.unit_symbols and _FIGURE_BEFORE.search(text, max(0, start - 3), start) is not None


def _clean(token: str) -> str:
    if "'" in token or "’" in token:
        token = _POSSESSIVE.sub("", token)
    return token.strip(".,;:\"“”()")
