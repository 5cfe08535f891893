"""Line-level helpers shared by the digest and single-article readers."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from checker.ingest.dates import find_date, parse_published
from checker.segment.rules import Pattern, SegmentRules, match

_SENTENCE_END = (".", "!", "?", "。", "！", "？", ";", "；")
_TITLE_END = (".", "。", ";", "；", ",", "，")   # headlines may end in '?' or '!', not in a full stop
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_LABELS = frozenset({"published", "posted", "updated", "date", "dated", "by"})


@dataclass(frozen=True, slots=True)
class Byline:
    """A byline or dateline found on one line."""

    line: int                       # 0-based line index
    published: datetime
    outlet: str | None = None
    author: str | None = None


def is_chrome(line: str, rules: SegmentRules) -> bool:
    """A line of page furniture (exact chrome word)."""
    return line.strip().casefold() in rules.chrome_lines


def is_keyword(line: str, rules: SegmentRules) -> bool:
    """A short header keyword line such as '稀土联盟'."""
    s = line.strip()
    return 0 < len(s) <= rules.max_keyword_chars and len(s.split()) <= rules.max_keyword_words \
        and not s.endswith(_SENTENCE_END)


def looks_like_title(line: str, rules: SegmentRules) -> bool:
    """Short and without a final full stop."""
    s = line.strip()
    return 0 < len(s) <= rules.max_title_chars and (not s.endswith(_TITLE_END) or s.endswith("..."))


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip(" \t,;|—–-·•")
    return value or None


def match_byline(line: str, i: int, patterns: tuple[Pattern, ...], rules: SegmentRules) -> Byline | None:
    """The first pattern matching ``line`` whose date group parses."""
    s = line.strip()
    if not s or len(s) > rules.max_line_chars:
        return None
    for pattern in patterns:
        m = match(pattern, s, rules.match_timeout)
        if m is None:
            continue
        published = parse_published(m.group("date"))
        if published is None:
            continue
        groups = m.groupdict()
        return Byline(i, published, _clean(groups.get("outlet")), _clean(groups.get("author")))
    return None


def generic_dateline(line: str, i: int, rules: SegmentRules) -> Byline | None:
    """A short line that is mostly a date, for dateline forms no pattern names."""
    s = line.strip()
    if not s or len(s) > rules.max_dateline_chars:
        return None
    found = find_date(s)
    if found is None:
        return None
    start, end, published = found
    rest = (s[:start] + " | " + s[end:])
    # A sentence that happens to hold a date has many words left once the date is gone.
    if len(rest.split()) > 12 or s.endswith((".", "!", "?")) and len(rest.split()) > 6:
        return None
    outlet = author = None
    for part in (p.strip() for p in _split(rest)):
        words = part.split()
        if not words or not any(ch.isalpha() for ch in part):
            continue
        if words[0].lower() == "by" and len(words) > 1:
            author = author or " ".join(words[1:])
        elif part.lower().rstrip(":").strip() in _LABELS or part.lower().rstrip(",") in _WEEKDAYS:
            continue
        elif outlet is None:
            outlet = part
    return Byline(i, published, _clean(outlet), _clean(author))


def _split(text: str) -> list[str]:
    out, cur = [], []
    for ch in text:
        if ch in "|—–·•,":
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out
