"""Facts: for every figure of a claim, who it is about, what it measures, over which period.

The reading is positional and lexicon-driven, never tied to one sentence pattern:
* the **metric** comes from the "of ..." phrase after a share ("60% of global MINING"),
  else the nearest metric word before the figure ("China PRODUCED ..."), else it is carried
  from the figure before it in the same sentence ("... and nearly 90% of refining");
* the **subject** is the nearest entity before the figure in its own stretch of text, a
  "global"/"world" word there makes it the world total, "its" points back to the sentence's
  subject, and otherwise the subject of the previous figure carries over;
* the **scope** of a share is global unless its "of" phrase names an owner ("of Turkey's
  imports", "of new car sales in the US", "of China's");
* the **period** is the year of the nearest date in the sentence, else "current" at the
  article's publication; stocks such as reserves have no period.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checker.align.lexicon import AlignLexicon
from checker.align.reading import ClaimReading
from checker.model import EntityMention, Fact, Quantity

_OF = re.compile(r"\s*(?:worth\s+)?of\s+", re.I)
_PHRASE_STOP = re.compile(r"[,;:()]|\s(?:while|whereas|but|compared|versus|vs\.?)\s")
_SEPARATOR = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or)\s*$")
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_IN = re.compile(r"\bin\s+(?:the\s+)?$", re.I)
_FIGURE_KINDS = ("percentage", "quantity", "currency", "number")
# metrics that money can measure besides a project's value ("exports worth $37bn")
_MONEY_METRICS = frozenset({"exports", "imports", "revenue", "price", "sales"})


@dataclass
class _Frame:
    quantity: Quantity
    left: tuple[int, int]
    of_phrase: tuple[int, int] | None
    metric: str | None = None
    metric_surface: str = ""
    commodity: str | None = None
    subject: EntityMention | None = None
    subject_id: str | None = None
    scope: str = ""
    is_share: bool = False
    change: bool = False


def _figures(reading: ClaimReading) -> list[Quantity]:
    figures = []
    for q in reading.quantities:
        if q.kind not in _FIGURE_KINDS:
            continue
        if q.kind == "number" and q.value < 100:
            continue                       # "the four producers": a count of things, not a measure
        if q.kind == "percentage" and q.unit != "percent":
            continue                       # percentage points are changes, never shares
        figures.append(q)
    figures.sort(key=lambda q: q.start)
    return figures


def _figure_end(text: str, q: Quantity) -> int:
    """Where the figure itself ends ("2.6 million tonnes of" read with its "of" still ends at "tonnes")."""
    end = q.end
    tail = re.search(r"\s+of$", text[q.start:end])
    return q.start + tail.start() if tail else end


def _of_phrase(text: str, q: Quantity, limit: int) -> tuple[int, int] | None:
    match = _OF.match(text, _figure_end(text, q))
    if not match or match.end() > limit:
        return None
    stop = _PHRASE_STOP.search(text, match.end(), limit)
    end = stop.start() if stop else limit
    return (_figure_end(text, q), end) if end > match.end() else None


def _frames(reading: ClaimReading, figures: list[Quantity]) -> list[_Frame]:
    text = reading.text
    frames: list[_Frame] = []
    boundary = 0
    for i, q in enumerate(figures):
        limit = figures[i + 1].start if i + 1 < len(figures) else len(text)
        of_phrase = _of_phrase(text, q, limit)
        frames.append(_Frame(q, (boundary, q.start), of_phrase))
        boundary = of_phrase[1] if of_phrase else q.end
    return frames


def _nearest(items, before: int):
    best = None
    for item in items:
        if item.end <= before and (best is None or item.start > best.start):
            best = item
    return best


def _modified(hit, reading: ClaimReading):
    """ "refined rare earth output" is refining: a participle of another metric just before the noun wins."""
    if hit.kind != "metric_noun":
        return hit
    for other in reading.phrases_in(max(0, hit.start - 40), hit.start, "metric_verb"):
        between = reading.text[other.end:hit.start].split()
        if other.surface.lower().endswith("ed") and other.id != hit.id and len(between) <= 3:
            return other
    return hit


def _resolve_metric(frame: _Frame, reading: ClaimReading, lexicon: AlignLexicon) -> None:
    q = frame.quantity
    lo, hi = frame.left
    left = reading.phrases_in(lo, hi, "metric_noun", "metric_verb")
    right = reading.phrases_in(*frame.of_phrase, "metric_noun") if frame.of_phrase else []
    left_share = reading.phrases_in(lo, hi, "share_words")
    frame.is_share = q.kind == "percentage"
    if frame.is_share and not frame.of_phrase and not left_share:
        before = reading.text[max(lo, hi - 25):hi].lower()
        if any(cue in before.split() or cue in before for cue in lexicon.cues["change"]):
            frame.change = True
    # "155,000 vehicles sold in 2016": a verb right after an amount states it
    after = [] if frame.is_share else [
        h for h in reading.phrases_in(_figure_end(reading.text, q), min(len(reading.text), _figure_end(reading.text, q) + 30), "metric_verb", "metric_noun")
        if not reading.entities_in(_figure_end(reading.text, q), h.start)]
    # for amounts a noun before the figure names the measure better than a verb
    # ("Mines in Peru delivered 502 kt" is production; "China produced 210 kt" has only the verb)
    left_nouns = [h for h in left[::-1] if h.kind == "metric_noun"]
    left_verbs = [h for h in left[::-1] if h.kind != "metric_noun"]
    candidates = (right + left[::-1]) if frame.is_share else (left_nouns + left_verbs + right + after[:1])
    candidates = [_modified(hit, reading) for hit in candidates]
    for hit in candidates:
        metric = lexicon.metrics[hit.id]
        if metric.money_only and q.kind != "currency":
            continue
        frame.metric, frame.metric_surface = metric.group, hit.surface
        break
    commodities = (reading.phrases_in(*frame.of_phrase, "commodity") if frame.of_phrase else []) or \
        reading.phrases_in(lo, hi, "commodity")[::-1]
    if commodities:
        frame.commodity = commodities[0].id


_WORLD_OF = re.compile(r"(?:global|world|worldwide|world's)\b[^,;.]{0,50}\bof\s*$", re.I)
_RELATIVE = re.compile(r"^\W*(?:which|that)\b", re.I)


def _world_total(frame: _Frame, previous: _Frame | None, reading: ClaimReading) -> bool:
    """ "of global deliveries of 5.13 million", "global output, which reached 718 Mt": the world total."""
    text = reading.text
    q = frame.quantity
    before = text[max(0, q.start - 70):q.start]
    world = _WORLD_OF.search(before)
    if world and not reading.entities_in(q.start - len(before) + world.start(), q.start):
        return True
    # "... 3.6% of the 4.63m tonnes of worldwide cocoa output": a total named by its own "of" phrase
    if frame.of_phrase and re.search(r"\bof\s+(?:the\s+)?$", before, re.I) and reading.phrases_in(*frame.of_phrase, "global"):
        return True
    lo, hi = frame.left
    if previous is not None and previous.of_phrase and _RELATIVE.match(text[lo:hi]) and not reading.entities_in(lo, hi):
        return bool(reading.phrases_in(*previous.of_phrase, "global"))
    return False


def _resolve_subject(frame: _Frame, reading: ClaimReading, lexicon: AlignLexicon, first_entity) -> None:
    lo, hi = frame.left
    local = [e for e in reading.entities_in(lo, hi)]
    pronoun = reading.phrases_in(lo, hi, "pronouns")
    if pronoun and first_entity is not None and (not local or pronoun[-1].start > local[-1].end):
        frame.subject = first_entity
        return
    if local:
        frame.subject = local[-1]
        return
    if reading.phrases_in(lo, hi, "global"):
        frame.subject_id = "WORLD"


def _resolve_scope(frame: _Frame, reading: ClaimReading, first_entity) -> None:
    """Owner of a share ("of Turkey's imports", "of new car sales in the US") and its role."""
    if not frame.is_share:
        return
    if frame.metric == "new_sales_share":
        frame.scope = "market"
    if not frame.of_phrase:
        frame.scope = frame.scope or "global"
        return
    text = reading.text
    inside = reading.entities_in(*frame.of_phrase)
    owner = next((e for e in inside if e.role == "possessive"), None)
    if owner is None and reading.phrases_in(*frame.of_phrase, "pronouns"):
        owner = first_entity
    supplier = next((e for e in inside if _FROM.search(text[max(0, e.start - 10):e.start])), None)
    located = next((e for e in inside if _IN.search(text[max(0, e.start - 8):e.start])), None)
    if frame.metric == "new_sales_share":
        if located is not None:
            frame.subject = located
        frame.scope = "market"
        return
    if owner is not None and owner.entity == "WORLD":
        owner = None                      # "of the world's output" is a global share
    if frame.subject is None and frame.subject_id is None and (supplier or located) is not None:
        # "11% of the world's cocoa came from Cameroon", "2% of global reserves lie in Zambia"
        frame.subject = supplier or located
        located = None if frame.subject is located else located
    if frame.metric == "imports" and owner is not None:
        frame.scope = f"imports:{owner.entity}"
        if supplier is not None:
            frame.subject = supplier
        elif frame.subject is not None and frame.subject.entity == owner.entity:
            others = [e for e in reading.entities if e.entity != owner.entity and e.end <= frame.quantity.start]
            frame.subject = others[-1] if others else None
        return
    if owner is not None and owner.entity != "WORLD":
        frame.scope = f"of:{owner.entity}"
    elif located is not None and located.entity != "WORLD":
        frame.scope = f"in:{located.entity}"
    else:
        frame.scope = "global"


def _coordinated(text: str, items: list, start_gap_ok=lambda gap: True) -> list:
    """The longest run at the end of ``items`` joined only by ", " / " and " (a coordinated list)."""
    run = items[-1:]
    for item in reversed(items[:-1]):
        gap = text[item.end:run[0].start]
        if _SEPARATOR.match(gap) or re.fullmatch(r"\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?|,\s*(?:the\s+)?", gap):
            run.insert(0, item)
        else:
            break
    return run


def _respectively(frames: list[_Frame], reading: ClaimReading) -> None:
    """ "A, B and C held 40%, 35% and 20% (respectively)": pair a list of entities with a list of figures.

    With "respectively" the pairing is said outright; without it, it is read when a coordinated
    list of N entities stands right before a coordinated list of N figures with only a short verb
    phrase between them.
    """
    if len(frames) < 2:
        return
    text = reading.text
    run = [frames[0]]
    for frame in frames[1:]:
        gap = text[run[-1].quantity.end:frame.quantity.start]
        if _SEPARATOR.match(gap):
            run.append(frame)
        else:
            break
    if len(run) < 2:
        return
    names = [e for e in reading.entities if e.end <= run[0].quantity.start and e.role != "possessive"]
    said = bool(reading.phrases_in(0, len(text), "respectively"))
    if said and len(names) >= len(run):
        for frame, entity in zip(run, names[-len(run):]):
            frame.subject = entity
        return
    listed = _coordinated(text, names) if names else []
    between = text[listed[-1].end:run[0].quantity.start] if listed else ""
    if len(listed) == len(run) and len(between.split()) <= 4 and not re.search(r"[,;:]", between):
        for frame, entity in zip(run, listed):
            frame.subject = entity


def _bracketed(frames: list[_Frame], reading: ClaimReading, lexicon: AlignLexicon) -> None:
    """ "A (45%), B (40%) and C (36%) led Russia's steel output": each figure belongs to the name before it,
    and the measure comes after the list."""
    text = reading.text
    bracketed = [f for f in frames if text[max(0, f.quantity.start - 2):f.quantity.start].rstrip().endswith("(")
                 and text[f.quantity.end:f.quantity.end + 2].lstrip().startswith(")")]
    if not bracketed:
        return
    tail_start = text.find(")", bracketed[-1].quantity.end) + 1
    tail_end = min(len(text), tail_start + 80)
    nouns = reading.phrases_in(tail_start, tail_end, "metric_noun")
    metric = next((lexicon.metrics[h.id].group for h in nouns if not lexicon.metrics[h.id].money_only), None)
    commodity = next((h.id for h in reading.phrases_in(tail_start, tail_end, "commodity")), None)
    owner = next((e for e in reading.entities_in(tail_start, tail_end) if e.role == "possessive"), None)
    for frame in bracketed:
        before = [e for e in reading.entities if e.end <= frame.quantity.start]
        if before and text[before[-1].end:frame.quantity.start].strip(" (") == "":
            frame.subject = before[-1]
        if frame.metric is None and metric:
            frame.metric, frame.metric_surface = metric, nouns[0].surface
        frame.commodity = frame.commodity or commodity
        if owner is not None and frame.is_share and not frame.of_phrase:
            frame.scope = f"of:{owner.entity}"


def _carry(frames: list[_Frame], article_commodity: str | None, text: str) -> None:
    """Fill what a figure leaves unsaid from its neighbours in the same sentence."""
    # "40%, 35% and 20% of global output": the shared "of" phrase is read back onto the list.
    for i in range(len(frames) - 2, -1, -1):
        nxt, cur = frames[i + 1], frames[i]
        gap = text[cur.quantity.end:nxt.quantity.start]
        if cur.of_phrase is None and cur.is_share == nxt.is_share and _SEPARATOR.match(gap):
            if cur.metric is None:
                cur.metric, cur.metric_surface = nxt.metric, nxt.metric_surface
            cur.commodity = cur.commodity or nxt.commodity
            cur.of_phrase = nxt.of_phrase
    previous: _Frame | None = None
    speaker: _Frame | None = None          # the last figure about a real subject (not the world total)
    for frame in frames:
        if previous is not None:
            if frame.metric is None:
                frame.metric, frame.metric_surface = previous.metric, previous.metric_surface
            if frame.commodity is None:
                frame.commodity = previous.commodity
            if frame.subject is None and frame.subject_id is None:
                # "X produced 5 kt out of a world total of 191 kt, a share of 2.6%": the share is X's
                source = speaker if speaker is not None else previous
                frame.subject, frame.subject_id = source.subject, source.subject_id
        if frame.commodity is None:
            frame.commodity = article_commodity
        previous = frame
        if frame.subject is not None:
            speaker = frame


def _subject_after(frames: list[_Frame], reading: ClaimReading) -> None:
    """ "With 6.1 Mt of reserves, Orrulex holds ...": a figure before any subject takes the first one after it."""
    for frame in frames:
        if frame.subject is not None or frame.subject_id is not None:
            continue
        after = frame.of_phrase[1] if frame.of_phrase else frame.quantity.end
        nxt = next((e for e in reading.entities if e.start >= after and e.role != "possessive"), None)
        if nxt is not None:
            frame.subject = nxt


def _period(frame: _Frame, reading: ClaimReading, static: bool) -> tuple[str, bool]:
    if static:
        return "stock", False
    dates = [d for d in reading.dates if not d.deadline]
    if not dates:
        return "current", False
    q = frame.quantity
    nearest = min(dates, key=lambda d: min(abs(d.span_start - q.end), abs(q.start - d.span_end)))
    return str(nearest.start.year), True


def _projects(reading: ClaimReading, facilities: frozenset[str]) -> list[EntityMention]:
    """Proper names followed by a facility noun ("the Varmore Bay assembly plant")."""
    out = []
    for mention in reading.entities:
        if mention.kind != "name" or mention.role == "possessive":
            continue
        match = re.match(r"((?:\s+[a-z][a-z-]*){1,4})", reading.text[mention.end:mention.end + 70])
        if match and any(w in facilities for w in match.group(1).split()):
            out.append(mention)
    return out


def facts_of(reading: ClaimReading, lexicon: AlignLexicon, article_commodity: str | None,
             facilities: frozenset[str] = frozenset()) -> list[Fact]:
    """The facts a claim states (figures with a subject and a metric)."""
    figures = _figures(reading)
    if not figures:
        return []
    frames = _frames(reading, figures)
    first_entity = reading.entities[0] if reading.entities else None
    projects = _projects(reading, facilities) if facilities else []
    previous = None
    for frame in frames:
        _resolve_metric(frame, reading, lexicon)
        _resolve_subject(frame, reading, lexicon, first_entity)
        if not frame.is_share and _world_total(frame, previous, reading):
            frame.subject, frame.subject_id = None, "WORLD"
        previous = frame
        if frame.quantity.kind == "currency" and projects and frame.metric not in _MONEY_METRICS:
            # money tied to a named project is the project's value or investment, whoever pays it
            frame.metric, frame.metric_surface = "investment", frame.metric_surface or "value"
            frame.subject = projects[0]
            frame.commodity = ""          # the project names the measure; its commodity adds nothing
    _respectively(frames, reading)
    _bracketed(frames, reading, lexicon)
    _carry(frames, article_commodity, reading.text)
    _subject_after(frames, reading)
    previous_share = None
    for frame in frames:
        _resolve_scope(frame, reading, first_entity)
        if frame.is_share:
            # "A held 45% of Malaysia's exports, with B on 40% and C on 36%": the scope carries on
            if frame.of_phrase is None and previous_share is not None and previous_share.scope and frame.scope in ("", "global"):
                frame.scope = previous_share.scope
            previous_share = frame
    attributed = bool(reading.phrases_in(0, len(reading.text), "attribution"))
    facts: list[Fact] = []
    for frame in frames:
        if frame.change or frame.metric is None:
            continue
        subject = frame.subject.entity if frame.subject is not None else frame.subject_id
        if subject is None:
            continue
        metric = next((m for m in lexicon.metrics.values() if m.group == frame.metric), None)
        period, dated = _period(frame, reading, bool(metric and metric.static))
        q = frame.quantity
        kind = "share" if frame.is_share else f"amount:{q.dimension or q.kind}"
        if q.kind == "currency":
            kind = f"amount:currency:{q.unit}"
        facts.append(Fact(
            subject=subject,
            metric=frame.metric,
            scope=frame.scope,
            period=period,
            value=q,
            claim=reading.claim,
            article=reading.article,
            commodity=frame.commodity or "",
            kind=kind,
            dated=dated,
            attributed=attributed,
            subject_surface=frame.subject.surface if frame.subject is not None else "the world",
            metric_surface=frame.metric_surface,
        ))
    return facts


def with_subject(fact: Fact, subject: str) -> Fact:
    """The same fact under a canonical subject id (after near-variant names are unified)."""
    return replace(fact, subject=subject)
