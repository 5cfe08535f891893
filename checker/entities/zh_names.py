"""Proper names in Chinese copy, which has no capitals to find them by.

Three sources, all read once per article:

* a well-known name (names.toml ``zh_known_names``: 长江 is the "Yangtze");
* a Latin form written after the Chinese one, "法国美妆集团卢美拉(Maison Lumeira)": the Chinese name is
  that Latin name wherever the article writes it;
* a name that opens a clause and states something (``zh_statement_verbs``: "晟光硅能4月22日晚间发布…"), or
  that opens one before a phase of its site (``zh_site_parts``: "石河子二期…项目"), or that ends in a trade
  word and opens one before a period (``zh_period_words``: "和兴硅片全年出口…"), or stands after 在 before a
  verb of building (``zh_site_builds``: "在临沧投资建设的…项目");
* a name that ends in a designator (rules/lexicons/names.toml ``zh_designators``: 公司, 集团, 水电站 ...),
  "由中国华夏水电工程公司承建的德德萨瀑布水电站": a name of its own, which the batch later matches to a
  Latin name by its sound (``sound_key``, pinyin: 德德萨 ~ "Dedessa").

A name starts after the last word it cannot hold (``zh_name_breaks``: 的, 由 ...), after a place the
entity lexicon knows (中国, 秘鲁) and after a word describing it (``zh_name_leads``: 集团, 品牌 ...).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from checker import trie
from checker.data import DataError, default_rules_dir, expect, expect_str_list, read_toml
from checker.entities.lexicon import EntityLexicon
from checker.fold import CJK

_CJK_RUN_BEFORE_GLOSS = re.compile(r"([\u4e00-\u9fff]{2,16})[（(]([A-Z][A-Za-z0-9 .&'’-]{1,60}?)[)）]")
# the day and time of day a statement was made, between its maker and its verb ("4月22日晚间")
# ("松涛锂业于3月26日晚间披露": "于" may open the time)
_WHEN_SAID = r"于?(?:(?:(?:\d{1,2}月)?\d{1,2}日|当[日天]|[今昨近]日)(?:[早晚]间|上午|下午|晚|早)?|[早晚]间|上午|下午|日前)"
_LATIN_BEFORE = re.compile(r"[A-Za-z0-9][ )）]?$")


@dataclass(frozen=True)
class ZhNameRules:
    trade_words: tuple[str, ...]
    designator_end: re.Pattern          # a designator at the end of a run
    designator_in: re.Pattern           # designators in running text
    lead: re.Pattern                    # the last describing word or break inside a run
    describing: frozenset[str]          # words that describe a name ("上市公司": a listed company)
    break_end: re.Pattern               # a word no name holds, at the end of a run ("业内人士")
    public_body_end: re.Pattern         # the end of a public body's name ("商务部", "国家统计局")
    known: dict[str, str]               # a well-known Chinese name -> the Latin name English copy gives it
    known_in: re.Pattern                # the known names in running text
    stating: re.Pattern                 # a run opening a clause before a verb of statement (group "run")
    site_part: re.Pattern               # a run opening a clause before a site's phase (group "run")
    trade_opening: re.Pattern           # a run ending in a trade word, opening a clause before a period (group "run")
    site_built: re.Pattern              # a run after 在 before a verb of building and 的 (group "run")
    region_prefixes: tuple[str, ...] = ()   # provinces a name may open with ("河南东岭农牧" is 东岭农牧 of Henan)
    # a trade word -> a word its Latin name holds ("碳材" -> "carbon"): which of two Latin names that sound
    # alike ("Hengyao Carbon Materials", "Hengyao Group") a Chinese name ("恒耀碳材") is
    trade_latin: tuple[tuple[str, str], ...] = ()
    deal_party: re.Pattern = re.compile(r"(?!)")   # a run after 与 before a verb of signing (group "run")


@functools.lru_cache(maxsize=4)
def load_zh_name_rules(rules_dir: str | None = None) -> ZhNameRules:
    path = Path(rules_dir or default_rules_dir()) / "lexicons" / "names.toml"
    data = read_toml(path)
    designators = tuple(expect_str_list(data, "zh_designators", path, default=[]))
    trade = tuple(expect_str_list(data, "zh_trade_words", path, default=[]))
    leads = expect_str_list(data, "zh_name_leads", path, default=[])
    breaks = expect_str_list(data, "zh_name_breaks", path, default=[])
    known = data.get("zh_known_names", {})
    if not isinstance(known, dict) or not all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in known.items()):
        raise DataError(path, "zh_known_names must be a table of Chinese name = Latin name", key="zh_known_names")
    never = "(?!)"
    statement_verbs = expect_str_list(data, "zh_statement_verbs", path, default=[])
    bodies = expect_str_list(data, "zh_public_bodies", path, default=[])
    site_parts = expect_str_list(data, "zh_site_parts", path, default=[])
    periods = expect_str_list(data, "zh_period_words", path, default=[])
    builds = expect_str_list(data, "zh_site_builds", path, default=[])
    deal_verbs = expect_str_list(data, "zh_deal_verbs", path, default=[])
    return ZhNameRules(
        trade,
        re.compile(rf"(?:{trie.alternation(designators)})$") if designators else re.compile(never),
        # ("海晟港口控股": designators may follow one another; "上市码头运营商海晟港口控股": a run a describing
        # word follows describes the name after it)
        # (none after "公司", which ends a name: "云禾水电投资有限公司控股投资建设" holds a verb after it)
        # (a number may stand inside: "南塞纳2水电站")
        re.compile(rf"[\u4e00-\u9fff](?:[\u4e00-\u9fff]|\d+(?![\d年月日时点%.])){{1,11}}?(?:{trie.alternation(designators)})(?:(?<!公司)(?:{trie.alternation(designators)}))*"
                   rf"{_not_before(leads, designators)}")
        if designators else re.compile(never),
        re.compile(rf"(?:{trie.alternation([*leads, *breaks])})") if leads or breaks else re.compile(never),
        frozenset(leads),
        re.compile(rf"(?:{trie.alternation(breaks)})$") if breaks else re.compile(never),
        re.compile(rf"(?:{trie.alternation(bodies)})$") if bodies else re.compile(never),
        dict(known),
        re.compile(trie.alternation(list(known))) if known else re.compile(never),
        # (after "据", "according to", or the space after a dateline: "…4月22日电 据合鑫硅材料当日晚间发布的年报")
        # ("青海多晶硅生产企业祁连硅材3月28日晚间发布": words describing the name may come first)
        re.compile(rf"(?:^|(?<=[。，,；！？：\n\s据]))(?P<run>[\u4e00-\u9fff]{{2,20}}?)(?:{_WHEN_SAID})?"
                   rf"(?:{trie.alternation(statement_verbs)})", re.M) if statement_verbs else re.compile(never),
        re.compile(rf"(?:^|(?<=[。，；！？：\n\s]))(?P<run>[\u4e00-\u9fff]{{2,6}}?)(?:{trie.alternation(site_parts)})", re.M)
        if site_parts else re.compile(never),
        # (words describing the name may come first: "河南生猪养殖企业豫禾牧业2023年出栏生猪860万头")
        re.compile(rf"(?:^|(?<=[。，；！？：\n\s]))(?P<run>[\u4e00-\u9fff]{{2,14}}?(?:{trie.alternation(trade)}))"
                   rf"(?=(?:19|20)\d\d年|{trie.alternation(periods)})", re.M) if trade and periods else re.compile(never),
        re.compile(rf"在(?P<run>[\u4e00-\u9fff]{{2,4}}?)(?:{trie.alternation(builds)})的") if builds else re.compile(never),
        tuple(sorted(expect_str_list(data, "zh_region_prefixes", path, default=[]), key=len, reverse=True)),
        _trade_latin(expect(data, "zh_trade_latin", dict, path, default={}), path),
        # ("芯钠能源与电动两轮车企业飞速出行签署供货协议": who a deal is signed with)
        re.compile(rf"与(?P<run>[\u4e00-\u9fff]{{2,14}}?)(?:{trie.alternation(deal_verbs)})") if deal_verbs else re.compile(never),
    )


def _trade_latin(table: dict, path: Path) -> tuple[tuple[str, str], ...]:
    """names.toml zh_trade_latin, longest trade word first."""
    for word, latin in table.items():
        if not isinstance(latin, str) or not latin.strip():
            raise DataError(path, f"{word!r}: expected a Latin word, found {latin!r}", key="zh_trade_latin")
    return tuple(sorted(((k, v.lower()) for k, v in table.items()), key=lambda kv: -len(kv[0])))


def _not_before(leads: list[str], designators: list[str]) -> str:
    """A look-ahead refusing the describing words that are no designators."""
    describing = [w for w in leads if w not in designators]
    return f"(?!{trie.alternation(describing)})" if describing else ""


def _own_start(run: str, rules: ZhNameRules, places) -> str:
    """The part of ``run`` (CJK characters before a name's end) that is the name: after its last break
    or describing word, and after the places that open it."""
    cut = 0
    for found in rules.lead.finditer(run):
        # (not at a trade word that only a designator follows: "云禾水电投资有限公司" is Yunhe Hydropower
        # Investment, though "投资" is a verb elsewhere)
        rest = run[found.end():]
        if found.group() in rules.trade_words and (rules.designator_end.match(rest) or len(sound_part(rest, rules)) < 2):
            continue
        if found.end() < len(run):
            cut = found.end()
    run = run[cut:]
    while run and (place := places(run)) and len(place) < len(run):
        run = run[len(place):]
    return run


def zh_names(text: str, lexicon: EntityLexicon, name_id, rules: ZhNameRules | None = None) -> dict[str, str]:
    """Chinese surface -> entity id for the names ``text`` (an article) writes in Chinese.

    ``lexicon`` is the entity lexicon (its places are no names), ``name_id`` turns a Latin name into its
    id, or "" when it names no one ("氢氧化镍钴（MHP）": a product)."""
    if not CJK.search(text):
        return {}
    rules = rules or load_zh_name_rules()
    lexicon_surfaces = lexicon.surfaces

    def place_at_start(run: str) -> str:
        # (the lexicon's Chinese surfaces, indexed by their first character, longest first)
        return next((p for p in lexicon.cjk.get(run[:1], ()) if run.startswith(p)), "")

    names: dict[str, str] = {}
    for found in rules.known_in.finditer(text):
        # "长江" is the "Yangtze" of the English copy beside it, glossed or not
        names.setdefault(found.group(), name_id(rules.known[found.group()]))
    for gloss in _CJK_RUN_BEFORE_GLOSS.finditer(text):
        own = _own_start(gloss.group(1), rules, place_at_start)
        latin = name_id(gloss.group(2).strip())
        if latin and len(own) >= 2 and own not in lexicon_surfaces:
            names[own] = latin
            short = _without_designator(own, rules)
            if len(short) >= 2 and short != own:
                names.setdefault(short, latin)
    for found in (*rules.stating.finditer(text), *rules.site_part.finditer(text), *rules.trade_opening.finditer(text),
                  *rules.site_built.finditer(text), *rules.deal_party.finditer(text)):
        own = _own_start(found.group("run"), rules, place_at_start)
        if len(own) >= 2 and not rules.break_end.search(own) and not rules.public_body_end.search(own) and own not in names and own not in lexicon_surfaces and own not in rules.describing:
            names[own] = "name?:" + own
    for found in rules.designator_in.finditer(text):
        own = _own_start(found.group(), rules, place_at_start)
        if len(own) == len(found.group()) and _LATIN_BEFORE.search(text, max(0, found.start() - 2), found.start()):
            continue        # "Pelican Bend蓝氨工厂": what the Latin name before it is
        if own in names or own in lexicon_surfaces or own in rules.describing or own[:1].isdigit() \
                or len(_without_designator(own, rules)) == len(own) \
                or len(sound_part(own, rules)) < 2:
            continue
        # (tentative: the batch keeps it when it matches a Latin name by sound or recurs in other articles)
        # (an owner's site is the site: "青岚煤化工榆林煤制烯烃项目" is the Yulin project)
        names[own] = "name?:" + (_owners_site(own, rules) or own)
    return names


def _owners_site(name: str, rules: ZhNameRules) -> str:
    """The site a name holds after its owner's trade word ("青岚煤化工榆林煤制烯烃项目" is Qinglan Coal
    Chemical's Yulin project: "榆林煤制烯烃项目"), or "" when no such owner opens it."""
    for word in rules.trade_words:
        at = name.find(word, 2)
        while at >= 0:
            rest = name[at + len(word):]
            designator = rules.designator_end.search(rest)
            if designator is not None and designator.start() >= 2 and len(sound_part(rest, rules)) >= 2:
                return rest
            at = name.find(word, at + 1)
    return ""


def _without_designator(name: str, rules: ZhNameRules) -> str:
    found = rules.designator_end.search(name)
    return name[:found.start()] if found and found.start() else name


def sound_part(name: str, rules: ZhNameRules | None = None) -> str:
    """The part of a Chinese name said by its sound: without its designator and trade words
    ("华夏水电工程公司" -> "华夏", "德德萨瀑布水电站" -> "德德萨")."""
    rules = rules or load_zh_name_rules()
    core = _without_designator(name, rules)
    changed = True
    while changed:
        changed = False
        for word in rules.trade_words:
            if core.endswith(word):
                core, changed = core[:-len(word)], True
    return core


def sound_key(chinese: str) -> str:
    """The pinyin of ``chinese`` without tones, as a Latin name transliterated from it would spell it
    (l and r are one sound: 卢美拉 is "Lumeira")."""
    from pypinyin import lazy_pinyin      # (a 0.2 s import: only batches with Chinese names need it)
    return latin_key("".join(lazy_pinyin(chinese)))


def latin_key(text: str) -> str:
    """A Latin name's letters as a transliteration's pinyin would give them (no r: 卢美拉 is "Lumeira")."""
    return re.sub(r"[^a-z]", "", text.lower()).replace("r", "l")
