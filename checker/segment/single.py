"""A plain-text file holding one article: title line, optional dateline, body."""
from __future__ import annotations

from checker.model import Article, Document, LineAnchor
from checker.segment.lines import Byline, generic_dateline, is_chrome, looks_like_title, match_byline
from checker.segment.rules import SegmentRules


def find_dateline(lines: list[str], i: int, rules: SegmentRules) -> Byline | None:
    """The dateline on line ``i``: a named pattern first, then a digest byline, then a generic date line."""
    line = lines[i]
    return (match_byline(line, i, rules.datelines, rules) or match_byline(line, i, rules.digest, rules)
            or generic_dateline(line, i, rules))


def _non_empty(lines: list[str], start: int, count: int) -> list[int]:
    out = []
    i = start
    while i < len(lines) and len(out) < count:
        if lines[i].strip():
            out.append(i)
        i += 1
    return out


def _article(doc: Document, lines: list[str], body_from: int, title: str | None,
             dateline: Byline | None) -> Article:
    start = body_from
    while start < len(lines) and not lines[start].strip():
        start += 1
    body = "\n".join(lines[start:]).rstrip()
    start = min(start, max(len(lines) - 1, 0))  # no body: anchor on the last line, never past the file
    return Article(
        id=doc.id, doc_id=doc.id, index=1, body=body, anchors=(LineAnchor(0, start + 1, True),),
        title=title, outlet=dateline.outlet if dateline else None,
        published=dateline.published if dateline else None)


def single_article(doc: Document, lines: list[str], rules: SegmentRules) -> Article:
    """Title = first non-empty line; a dateline among the next few lines; body after it."""
    top = _non_empty(lines, 0, len(lines) if len(lines) < 50 else 50)
    top = [i for i in top if not is_chrome(lines[i], rules)] or top
    if not top:
        return _article(doc, lines, 0, None, None)
    first = top[0]
    # A dateline may stand above the title.
    dl = find_dateline(lines, first, rules) if len(lines[first]) <= rules.max_dateline_chars else None
    if dl is not None and len(top) > 1 and looks_like_title(lines[top[1]], rules):
        return _article(doc, lines, top[1] + 1, lines[top[1]].strip(), dl)
    window = [i for i in top[1: 1 + rules.dateline_window]]
    if looks_like_title(lines[first], rules):
        for i in window:
            dl = find_dateline(lines, i, rules)
            if dl is not None:
                return _article(doc, lines, i + 1, lines[first].strip(), dl)
        if len(top) > 1:
            return _article(doc, lines, first + 1, lines[first].strip(), None)
    return _article(doc, lines, first, None, None)
