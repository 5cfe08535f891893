"""date_conflict: one event (subject and action) dated differently by two sources."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from checker.engine.batch import Batch
from checker.engine.evidence import evidence, fingerprint, render_message
from checker.engine.kinds.sides import split_sides
from checker.engine.rules import Rule
from checker.model import Event, Finding

PARAMS = {
    "min_gap_days": (int, 1),            # intervals closer than this never conflict
    "moods": (list, ["done", "upcoming"]),  # an event is compared only with events of the same mood
    "cross_article_only": (bool, True),
    "attributed_severity": (str, ""),
    # a measure whose sources fall into more sides than this is taken as misaligned, not reported
    "max_sides": (int, 3),
    # an event of a part numbered with one of these ("the third line", "a fourth berth") is never the site's own,
    # which an event naming no part is ("The plant produced its first MHP in May 2022")...
    "later_part_ordinals": (list, []),
    # ...except for actions that are always of a later part ("expansion": the second phase, named or not)
    "later_part_actions": (list, []),
    # part nouns that name one kind of part ({ reactor = "unit" }: "the second reactor" is "2号机组", "the second unit")
    "same_part_nouns": (dict, {}),
}


def _same_part_nouns(events: list[Event], same_nouns: dict[str, str]) -> list[Event]:
    """Parts named with nouns of one kind of part, under one noun ("second reactor" is "second unit")."""
    if not same_nouns:
        return events
    out = []
    for e in events:
        head, _, noun = e.part.rpartition(" ")
        out.append(replace(e, part=f"{head} {same_nouns[noun]}") if head and noun in same_nouns else e)
    return out


def _by_part(groups: dict[tuple[str, str, str], list[Event]], later_ordinals: frozenset[str] = frozenset(),
             later_actions: frozenset[str] = frozenset(), same_nouns: dict[str, str] | None = None) -> dict[tuple[str, ...], list[Event]]:
    """Split a group whose events name different parts of the facility ("the first potline", "the
    second potline"): one group per part; an event that names no part could be either's, and is left out.
    A facility of its own beside the site is a group of its own, and so is a part numbered after the first
    (``later_ordinals``) when the action is not one of a later part anyway (``later_actions``)."""
    out: dict[tuple[str, ...], list[Event]] = {}
    for key, events in groups.items():
        # (a facility of its own beside the site, "a hydrogen station beside the Changshu plant", is always
        # apart)
        for part in sorted({e.part for e in events if e.part_by == "beside"}):
            out[key + ("beside " + part,)] = [e for e in events if e.part_by == "beside" and e.part == part]
        events = [e for e in events if e.part_by != "beside"]
        if not events:
            continue
        events = _kinds_as_numbered(_same_part_nouns(events, same_nouns))
        parts = sorted({e.part for e in events if e.part})
        # (not when the subject is itself a numbered part: "Kawah Seruni 2" is the second unit)
        if len(parts) == 1 and parts[0].split(" ", 1)[0] in later_ordinals and key[1] not in later_actions \
                and all(e.part_by == "" for e in events if e.part) and not key[0].rsplit(" ", 1)[-1].isdigit():
            # ("The plant produced its first MHP in May 2022" and "started producing MHP from the third line at
            # its Tanjung Mera plant on October 8, 2024": the site's start is no later line's)
            out[key + ("",)] = [e for e in events if not e.part]
            out[key + (parts[0],)] = [e for e in events if e.part]
            continue
        if len(parts) < 2:
            out[key + ("",)] = events
            continue
        for part in parts:
            out[key + (part,)] = [e for e in events if e.part == part]
    return out


def _kinds_as_numbered(events: list[Event]) -> list[Event]:
    """ "the new passenger terminal at X" is "the second terminal" when that is the one numbered part of
    its noun the group names."""
    numbered: dict[str, set[str]] = defaultdict(set)
    for e in events:
        if e.part and e.part_by == "":
            numbered[e.part.rsplit(" ", 1)[-1]].add(e.part)
    return [replace(e, part=next(iter(numbered[noun]))) if e.part_by == "kind"
            and len(numbered.get(noun := e.part.rsplit(" ", 1)[-1], ())) == 1 else e for e in events]


def _superseded(events: list[Event], old_plans: list[Event]) -> list[Event]:
    """Plans that a source reports as the old plan ("which had been due to start up in the first half
    of 2025, will now begin operating in the second half of 2026"): a delay told as such, no conflict."""
    def overlaps(a: Event, b: Event) -> bool:
        return a.date.start <= b.date.end and b.date.start <= a.date.end
    return [e for e in events if not (e.modality == "upcoming" and any(overlaps(e, old) for old in old_plans))]


def run(rule: Rule, batch: Batch) -> list[Finding]:
    groups: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
    old_plans: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in batch.events:
        if event.modality == "plan_past" and event.subject and event.action:
            old_plans[(event.subject, event.action)].append(event)
    for event in batch.events:
        if event.modality not in rule.param("moods") or not event.subject:
            continue
        if not event.action:
            continue
        groups[(event.subject, event.action, event.modality)].append(event)
    findings = []
    gap_days = rule.param("min_gap_days")

    def apart(lo1, hi1, lo2, hi2) -> bool:
        return lo2 - hi1 >= gap_days or lo1 - hi2 >= gap_days

    later = frozenset(rule.param("later_part_ordinals")), frozenset(rule.param("later_part_actions"))
    for key, events in sorted(_by_part(groups, *later, rule.param("same_part_nouns")).items()):
        events = _superseded(events, old_plans.get(key[:2], []))
        if rule.param("cross_article_only") and len({e.article.id for e in events}) < 2:
            continue
        unique = {(e.claim.id, e.date.text): e for e in events}
        sides = split_sides(list(unique.values()), lambda e: (e.date.start.toordinal(), e.date.end.toordinal()), apart)
        if len(sides) < 2 or len(sides) > rule.param("max_sides"):
            continue
        if rule.param("cross_article_only") and len({e.article.id for s in sides for e in s}) < 2:
            continue
        items = []
        labels = []
        for side in sides:
            label = " / ".join(sorted({e.date.iso for e in side}))
            labels.append(" / ".join(sorted({e.date.text for e in side})))
            for event in sorted(side, key=lambda e: (e.article.id, e.claim.start)):
                items.append(evidence(event.article, event.claim, side=label, value=event.date.iso,
                                      span=(event.date.span_start, event.date.span_end)))
        first = events[0]
        part = f", {first.part}" if first.part else ""
        measure = f"{first.subject_surface or first.subject} — {first.action_surface}{part} ({first.modality})"
        message = render_message(rule.message, event=measure, sides=" vs ".join(labels))
        attributed = all(e.attributed for s in sides for e in s)
        severity = rule.param("attributed_severity") if attributed and rule.param("attributed_severity") else rule.severity
        findings.append(Finding(rule.code, rule.name, rule.category, severity, message, tuple(items), measure,
                                fingerprint(rule.code, measure, items)))
    return findings
