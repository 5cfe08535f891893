"""Tense and modality of a dated clause, from the cue lists in rules/lexicons/tense.toml."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from checker import trie
from checker.data import default_rules_dir, expect_str_list, read_toml
from checker.fold import CJK, fold

_TOKEN = re.compile(r"[a-z']+")
# "its plans to", "a plan to": a noun, not the modal "plans to"
_NOUN_BEFORE = re.compile(r"\b(?:its|their|his|her|a|an|the|our|new|whose)\s+$")


@dataclass(frozen=True)
class TenseRules:
    upcoming_with_object: re.Pattern
    upcoming: re.Pattern
    plan_past: re.Pattern
    reported: re.Pattern
    done_irregular: frozenset[str]
    not_past: frozenset[str]
    blockers: tuple[str, ...]
    past_candidate: re.Pattern     # a word that may be a past-tense verb: irregular, or "-ed"
    done_reporting: re.Pattern     # present-tense reports of measured data ("figures show")
    forecast: re.Pattern = re.compile(r"(?!)")   # modal words that make a figure a forecast only ("could reach")
    # a state that has held since a date ("in commercial service since December 2024"): the date is its start
    state_since: re.Pattern = re.compile(r"(?!)")
    # a goal stated as a noun ("the government's target of 30 GW by 2030"): a target, nothing done
    goal: re.Pattern = re.compile(r"(?!)")
    # first words of a phrase that opens a sentence before its subject ("In", "During", "Some time in")
    intro_words: frozenset[str] = frozenset()
    # a reporting verb right before a date ("said in March"): the date is the saying's
    reporting: re.Pattern = re.compile(r"(?!)")
    # a verb that moves an event to a new date ("pushed back ... to the first half of 2026")
    rescheduled: re.Pattern = re.compile(r"(?!)")
    # nouns that, right after a figure, make it a forecast or a goal ("the 6 million forecast")
    forecast_nouns: frozenset[str] = frozenset()
    # words that mark an event as done where no verb shows tense (Chinese "已", "于 ... 投产")
    done_markers: re.Pattern = re.compile(r"(?!)")
    # an appositive between commas that describes a noun ("the plant, set to be Africa's largest, began
    # in June 2024"): no tense of the clause
    appositive: re.Pattern = re.compile(r"(?!)")
    # a participle that opens a clause with the result of the main clause ("..., taking total capacity to
    # 60 GWh"): the figure it gives has the main clause's tense
    result_participle: re.Pattern = re.compile(r"(?!)")
    # after the Chinese "将", a verb that makes it the object marker ("将稀土技术列入禁止出口类", "put X on
    # the list"), not "will"
    disposal: re.Pattern = re.compile(r"(?!)")
    # a past verb that says a goal was reached ("hit its target of ...")
    goal_reached: re.Pattern = re.compile(r"(?!)")
    # right after a figure, a relative clause with one of these makes it a forecast ("above the 150,000
    # that the operator had forecast")
    forecast_relative: re.Pattern = re.compile(r"(?!)")
    # past verbs of a decision that grants or sets something for a period ("approved £104bn of spending for
    # 2025-30"): a date of that period dates nothing done
    grant_verbs: frozenset[str] = frozenset()
    # a plan told as changed ("opening now expected in H1 2026"): a revision, never compared with the old plan
    revised_plan: re.Pattern = re.compile(r"(?!)")
    # a delay the same sentence tells after a plan's date ("on course to load its first cargo in late 2025,
    # after the partners pushed back the original first-half target"): the plan is a changed one
    delay_told_after: re.Pattern = re.compile(r"(?!)")
    # a commitment and the infinitive of what it commits to ("signed an agreement to supply", "agreed to
    # deliver"): a later date than the article's is the thing still to do, not the signing
    commitment: re.Pattern = re.compile(r"(?!)")
    # right after a goal noun, words that tell how it came out ("目标未能如期实现", "the target was missed"): a past
    # goal, no plan still ahead
    goal_outcome: re.Pattern = re.compile(r"(?!)")
    # irregular past forms that are nouns too ("the first rate cut")
    noun_forms: frozenset[str] = frozenset()


def _phrases(words: list[str]) -> re.Pattern:
    # lower case, no re.I: run on fold(text); Chinese words stand inside runs of Chinese text, with no
    # word boundary around them
    latin = {fold(w) for w in words if not CJK.search(w)}
    cjk = {w for w in words if CJK.search(w)}
    parts = [rf"(?<![\w'])(?:{trie.alternation(latin)})(?![\w'])"] if latin else []
    if cjk:
        parts.append(f"(?:{trie.alternation(cjk)})")
    return re.compile("|".join(parts) or "(?!)")


@functools.lru_cache(maxsize=4)
def load_tense_rules(rules_dir: str | None = None) -> TenseRules:
    path = Path(rules_dir or default_rules_dir()) / "lexicons" / "tense.toml"
    data = read_toml(path)
    verbs = trie.alternation({fold(w) for w in expect_str_list(data, "upcoming_with_object", path)})
    irregular = frozenset(w.lower() for w in expect_str_list(data, "done_irregular", path))
    return TenseRules(
        _with_object(verbs, expect_str_list(data, "decision_verbs", path, default=[]),
                     expect_str_list(data, "decision_start_markers", path, default=[])),
        _phrases(expect_str_list(data, "upcoming", path)),
        _phrases(expect_str_list(data, "plan_past", path)),
        _phrases(expect_str_list(data, "reported", path)),
        irregular,
        frozenset(w.lower() for w in expect_str_list(data, "not_past", path)),
        tuple(w.lower() for w in expect_str_list(data, "done_blockers", path)),
        # the tokens (runs of a-z and ') that _past_verb considers, found in one scan
        re.compile(rf"(?<![a-z'])(?:{trie.alternation(w for w in irregular if _TOKEN.fullmatch(w))}|[a-z']{{3,}}ed)(?![a-z'])"),
        _phrases(expect_str_list(data, "done_reporting", path, default=[])),
        _phrases(expect_str_list(data, "forecast", path, default=[])),
        _state_since(expect_str_list(data, "state_since", path, default=[])),
        _phrases(expect_str_list(data, "goal", path, default=[])),
        frozenset(w.lower() for w in expect_str_list(data, "intro_words", path, default=[])),
        _reporting(expect_str_list(data, "reporting_verbs", path, default=[])),
        _phrases(expect_str_list(data, "rescheduled", path, default=[])),
        frozenset(w.lower() for w in expect_str_list(data, "forecast_nouns", path, default=[])),
        _phrases(expect_str_list(data, "done_markers", path, default=[])),
        _appositive(expect_str_list(data, "appositive_cues", path, default=[])),
        _opening(expect_str_list(data, "result_participles", path, default=[])),
        _disposal(expect_str_list(data, "disposal_verbs", path, default=[])),
        _phrases(expect_str_list(data, "goal_reached", path, default=[])),
        _forecast_relative(expect_str_list(data, "forecast_relative_verbs", path, default=[])),
        frozenset(w.lower() for w in expect_str_list(data, "grant_verbs", path, default=[])),
        _phrases(expect_str_list(data, "revised_plan", path, default=[])),
        _phrases(expect_str_list(data, "delay_told_after", path, default=[])),
        _commitment(expect_str_list(data, "commitment_words", path, default=[])),
        _phrases(expect_str_list(data, "goal_outcome", path, default=[])),
        frozenset(w.lower() for w in expect_str_list(data, "noun_forms", path, default=[])),
    )


def _commitment(words: list[str]) -> re.Pattern:
    """One of ``words``, up to three words, then an infinitive (on fold(text))."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w'])(?:{trie.alternation({fold(w) for w in words})})(?:\s+[\w'’€$£.,-]+){{0,3}}?\s+to\s+"
                      r"(?!(?:the|a|an|its|their|his|her|this|that|these|those|about|around|some|nearly|over|under)\b)[a-z]{3,}\b")


def _forecast_relative(words: list[str]) -> re.Pattern:
    if not words:
        return re.compile(r"(?!)")
    # ("the 1.1 million tonnes it had forecast": or a pronoun opening the relative clause without "that";
    # "the 171 million cartons the industry had forecast": or a subject of its own, after the goods counted)
    return re.compile(rf"\s+(?:(?:that|which)\s+(?:[\w'’.-]+\s+){{0,6}}?|(?:it|they|we|he|she)\s+"
                      rf"|(?:[a-z][\w-]*\s+)?(?:the|its|their)\s+(?:[a-z][\w-]*\s+){{1,2}}?)(?:had\s+|has\s+|have\s+)?"
                      rf"(?:{trie.alternation(words)})\b", re.I)


def _disposal(words: list[str]) -> re.Pattern:
    """The object and then one of ``words`` in the same clause, right after "将"."""
    return re.compile(rf"[^，,。；;！？]{{1,40}}?(?:{trie.alternation(words)})") if words else re.compile(r"(?!)")


_OBJECT_TO = r"(?:[^.;]|\.(?=[,\w'’])){0,80}?\bto\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those)\s)[a-z]"


def _with_object(intentions: str, decisions: list[str], markers: list[str]) -> re.Pattern:
    """An intention with an infinitive ("plans ... to build") makes any later date upcoming; a past
    decision ("signed a deal on Wednesday to supply LNG from 2026") only a date it marks as the
    start of what was decided (a bare "in July 2022" after it may be the signing's own date).
    (A period inside the stretch only as an abbreviation's, "Co., Ltd.'s", never a sentence's end.)"""
    parts = [rf"(?<![\w'])(?:{intentions})(?![\w']){_OBJECT_TO}"]
    if decisions and markers:
        parts.append(rf"(?<![\w'])(?:{trie.alternation({fold(w) for w in decisions})})(?![\w']){_OBJECT_TO}"
                     rf"[^.;]{{0,150}}?\b(?:{trie.phrase_alternation(markers)})\s+(?:the\s+)?$")
    return re.compile("|".join(parts))


def _opening(words: list[str]) -> re.Pattern:
    return re.compile(rf"(?:{trie.alternation({fold(w) for w in words})})\s") if words else re.compile(r"(?!)")


def _appositive(words: list[str]) -> re.Pattern:
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf",\s+(?:{trie.alternation({fold(w) for w in words})})\s+[^,;]{{1,60}},\s")


def _reporting(words: list[str]) -> re.Pattern:
    if not words:
        return re.compile(r"(?!)")
    body = trie.alternation({fold(w) for w in words})
    return re.compile(rf"(?<![\w'])(?:{body})\s+(?:in|on|at|during|early|late|last)\s+(?:the\s+)?$")


def _state_since(words: list[str]) -> re.Pattern:
    """The state words right before "since" (and an optional "the end of") that end a date's lead."""
    if not words:
        return re.compile(r"(?!)")
    body = trie.alternation({fold(w) for w in words})
    # ("producing separated oxide since February 2025": the state's object may stand before "since")
    return re.compile(rf"(?<![\w'])(?:{body})\s+(?:[a-z-]+\s+){{0,3}}?since\s+(?:the\s+)?(?:(?:end|start|beginning)[- ](?:of\s+)?)?$")


def modality(clause: str, rules: TenseRules | None = None) -> str:
    """upcoming | done | plan_past | reported | target | unknown, for the clause around one date."""
    return modality_cue(clause, rules)[0]


def modality_cue(clause: str, rules: TenseRules | None = None, without_date: str | None = None,
                 may_be_past: bool = True) -> tuple[str, str]:
    """The modality of a clause and the words that decided it ("set to", "originally", "opened").
    ``without_date`` is the clause with its date phrase taken out: "figures for 2023 credit X" is
    a report of measured data, the date only an adjunct between subject and verb. ``may_be_past`` is
    False for a date after the article's own: a past verb cannot have happened then."""
    rules = rules or load_tense_rules()
    low = fold(clause)
    if "," in low:
        # (same length: the cue's words are cut from ``clause`` at the same offsets)
        low = rules.appositive.sub(lambda m: " " * len(m.group()), low)
    match = rules.plan_past.search(low)
    if match:
        return "plan_past", clause[match.start():match.end()]
    match = rules.reported.search(low)
    if match:
        return "reported", clause[match.start():match.end()]
    for match in rules.upcoming.finditer(low):
        if _TO_NOUN.match(low, match.end()) and low[match.start():match.end()].endswith(" to"):
            continue        # "submitted a compensation plan to the OPEC secretariat": "to" is a preposition
        if low.endswith("than ", 0, match.start()):
            continue        # "took longer than expected to ramp up": a comparison, nothing ahead
        if _NEXT_TO.match(low, match.start()):
            continue        # "built next to its theme park": a place, nothing ahead
        if low[match.start():match.end()] == "将" and rules.disposal.match(low, match.end()):
            continue        # "将稀土萃取技术列入禁止出口类": "将" marks the object of a verb, it is no "will"
        gerund = _AFTER_GERUND.search(low, match.end())
        if gerund and may_be_past:
            # "on track for a record year after flying 26.8 million passengers in the first nine months
            # of 2024": the date is the gerund's, done by then
            return "done", clause[gerund.start():gerund.end()]
        if not _NOUN_BEFORE.search(low, 0, match.start()):
            # "nuclear power will shield them from the kind of shock that hit Europe in 2022": a relative
            # clause after the cue, with a past verb of its own, is what the date belongs to
            # (", which opened in September 2024" is done whenever the date; "an auction that drew no
            # bids during December 2024", written before then, is the plan's date)
            relative = [r for r in _RELATIVE.finditer(low, match.end()) if may_be_past or r.group().startswith(",")]
            if relative and (verb := _past_verb(clause[relative[-1].end():], rules, low[relative[-1].end():])[0]):
                return "done", verb
            return "upcoming", clause[match.start():match.end()]
    for match in rules.upcoming_with_object.finditer(low):
        if not low[match.start():match.end()].split()[0].endswith("ed") and _NOUN_USE.search(low, max(0, match.start() - 30), match.start()):
            continue        # "one of the largest liquefaction projects to come online": a noun, not a verb
        return "upcoming", clause[match.start():match.end()]
    goals = list(rules.goal.finditer(low))
    verb, at = _past_verb(clause, rules, low)
    reached = next((m for m in rules.goal_reached.finditer(low, 0, goals[-1].start())
                    if _GOAL_OBJECT.fullmatch(low, m.end(), goals[-1].start())), None) if goals else None
    if reached:
        # "China hit its target of 1,200 GW in July 2024": the goal is what was done ("raised its target
        # for 2030" still states a goal)
        return "done", clause[reached.start():reached.end()]
    if goals and (_HAD_GOAL.search(low, 0, goals[-1].start()) or rules.goal_outcome.match(low, goals[-1].end())):
        # ("公司去年初提出的“2023年底建成2000座换电站”目标未能如期实现": a goal whose outcome is told is a past one)
        # "The first season of 2022 had a quota of 2.79 Mt": a goal that was in force then, no plan still ahead
        return "unknown", ""
    if goals and (not verb or goals[-1].start() > at or _GOAL_CLAUSE.match(low, goals[-1].end())):
        # the words nearer the date decide: "beating its target of $13.5bn, and delivered its first
        # carrier in the fourth quarter" is done, "X was short of the target of 30 GW by 2030" a target
        return "target", clause[goals[-1].start():goals[-1].end()]
    if verb:
        if not may_be_past and (aim := rules.commitment.search(low, max(0, at - 40))) is not None:
            # "has signed a €45 million agreement to supply 150 trucks in 2025", written in 2024: the later
            # date is the infinitive's, a thing still to do
            return "upcoming", clause[aim.start():aim.end()]
        return "done", verb
    match = rules.done_markers.search(low)
    if match:
        return "done", clause[match.start():match.end()]
    match = rules.done_reporting.search(low)
    if match:
        return "done", clause[match.start():match.end()]
    if without_date is not None:
        match = rules.done_reporting.search(fold(without_date))
        if match:
            return "done", without_date[match.start():match.end()]
    return "unknown", ""


_AFTER_GERUND = re.compile(r"\b(?:after|since|following)\s+[a-z]{3,}ing\b")
# (a subordinate clause with a subject of its own too: "will spend a further $3.5 billion, six months after it
# switched on the first phase in March 2024")
_RELATIVE = re.compile(r"(?:,\s+(?:which|who)|\b(?:that|which|who)|\b(?:after|since|when)\s+(?:it|they|we|he|she))\s")
_NEXT_TO = re.compile(r"next\s+(?:to|door)\b")
_TO_NOUN = re.compile(r"\s+(?:the|a|an|its|their|his|her|this|that|these|those)\s")
_NOUN_USE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|these|those|this|of|such|new|other|major|many|several|"
                       r"\w+ion|\w+est|\w+al)\s+$")
# ("提前完成“十四五”规划目标": in Chinese the goal's name stands between the verb and the goal noun)
_GOAL_OBJECT = re.compile(r"\s+(?:its|their|his|her|the|a|an)\s+(?:[a-z-]+\s+)?|[“”\"\u4e00-\u9fff\w-]{0,12}")
_HAD_GOAL = re.compile(r"\b(?:had|was\s+given|were\s+given|was\s+set|were\s+set)\s+(?:a|an|its|their|the)\s+(?:[a-z-]+\s+)?$")
_GOAL_CLAUSE = re.compile(r"\s+(?:that|to)\s")     # "the goal is that all cars sold from 2025 ...": the goal's content
_BARE_INFINITIVE = re.compile(r"\b(?:to|will|would|can|could|may|might|must|shall|should)\s+$")
_ATTRIBUTIVE = re.compile(r"(?:\d%?|%|\b(?:the|a|an|its|their|his|her|our|of|with))\s+$")
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|am|being|be)\s+(?:\w+ly\s+)?$")


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their)\s+(?:first\s+|second\s+|further\s+|new\s+)?$")
# ("the first rate cut": after an ordinal, a word between it and a form that is also a noun is the noun's
# modifier; "its first cargo left the port" is a subject and its verb)
_ORDINAL_MODIFIER_BEFORE = re.compile(r"\b(?:a|an|the|its|their)\s+(?:first|second|further|new)\s+[a-z]+\s+$")


def _past_verb(clause: str, rules: TenseRules, lowered: str) -> tuple[str, int]:
    """The first past-tense verb of the clause and where the last one stands ("", -1 when there is none)."""
    first, last = None, -1
    for match in rules.past_candidate.finditer(lowered):
        word = match.group()
        if word in rules.not_past or lowered[match.end():match.end() + 1] == "-" or lowered[match.start() - 1:match.start()] == "-":
            continue        # "direct-reduced iron": a hyphenated adjective, not a verb
        if word in rules.done_irregular or (word.endswith("ed") and len(word) > 4):
            if lowered.startswith(rules.blockers, match.start()):
                continue        # "a joint venture led by X": a participle before "by", not the event
            if _PRESENT_PASSIVE.search(lowered, max(0, match.start() - 12), match.start()):
                continue        # "as subsidies are scaled back", "to be phased out": nothing done yet
            if _BARE_INFINITIVE.search(lowered, max(0, match.start() - 12), match.start()):
                continue        # "racing to cut emissions", "will set up": "cut" and "set" are no past tense here
            if not word.endswith("ed") and (_ARTICLE_BEFORE.search(lowered, max(0, match.start() - 12), match.start())
                                            or (word in rules.noun_forms
                                                and _ORDINAL_MODIFIER_BEFORE.search(lowered, max(0, match.start() - 30), match.start()))):
                continue        # "markets expect a first cut in early 2025": a noun after an article
            if word.endswith("ed") and _ATTRIBUTIVE.search(lowered, max(0, match.start() - 8), match.start()):
                continue        # "at least 16% recycled cobalt", "its installed base": an adjective
            first = first or (clause[match.start():match.end()], match.start())
            last = match.start()
    return (first[0], last) if first else ("", -1)
