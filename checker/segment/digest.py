"""News-digest pages: several articles, each a title line and a byline, before or after its body."""
from __future__ import annotations

from checker.model import Article, Document, LineAnchor
from checker.segment.lines import Byline, is_chrome, is_keyword, looks_like_title, match_byline
from checker.segment.rules import SegmentRules


def find_bylines(lines: list[str], rules: SegmentRules) -> list[Byline]:
    """Every line that is a digest byline."""
    found = []
    for i, line in enumerate(lines):
        if line and len(line) <= rules.max_line_chars:
            byline = match_byline(line, i, rules.digest, rules)
            if byline is not None:
                found.append(byline)
    return found


def is_digest(lines: list[str], bylines: list[Byline]) -> bool:
    """Two bylines, or one with its title on the line right above (scraped pages have no blank lines there)."""
    if len(bylines) >= 2:
        return True
    return len(bylines) == 1 and bylines[0].line > 0 and bool(lines[bylines[0].line - 1].strip())


def _title_line(lines: list[str], byline: int, floor: int, rules: SegmentRules) -> int | None:
    """Index of the title line above a byline (not above ``floor``); None when that line is body text."""
    i = byline - 1
    while i > floor and not lines[i].strip():
        i -= 1
    return i if i > floor and looks_like_title(lines[i], rules) else None


def _content(lines: list[str], start: int, end: int, rules: SegmentRules, header: bool) -> tuple[int, int]:
    """[first, last+1) of the non-empty lines in [start, end); header chrome dropped when ``header``."""
    while start < end and (not lines[start].strip() or
                           header and (is_chrome(lines[start], rules) or is_keyword(lines[start], rules))):
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return start, end


def _layout(lines: list[str], first_title: int, last_byline: int, rules: SegmentRules) -> str:
    """'after' when body text precedes the first title, else 'before' (title, byline, body)."""
    pre = [ln.strip() for ln in lines[:first_title]
           if ln.strip() and not is_chrome(ln, rules) and not is_keyword(ln, rules)]
    post = [ln.strip() for ln in lines[last_byline + 1:] if ln.strip()]
    if pre and not post:
        return "after"
    if post and not pre:
        return "before"
    pre_long = sum(len(x) for x in pre if len(x) >= rules.min_body_chars)
    post_long = sum(len(x) for x in post if len(x) >= rules.min_body_chars)
    return "after" if pre_long > post_long else "before"


def split_digest(doc: Document, lines: list[str], bylines: list[Byline], rules: SegmentRules) -> list[Article]:
    """One Article per (title, byline) block, ids doc#1, doc#2, ..."""
    titles: list[int | None] = []
    floor = -1
    for b in bylines:
        t = _title_line(lines, b.line, floor, rules)
        titles.append(t)
        floor = b.line
    first_title = titles[0] if titles[0] is not None else bylines[0].line
    layout = _layout(lines, first_title, bylines[-1].line, rules)
    articles = []
    for n, (b, t) in enumerate(zip(bylines, titles), start=1):
        head = t if t is not None else b.line
        if layout == "before":
            nxt = bylines[n] if n < len(bylines) else None
            stop = (titles[n] if titles[n] is not None else nxt.line) if nxt else len(lines)
            start, end = _content(lines, b.line + 1, stop, rules, header=False)
        else:
            prev = bylines[n - 2].line + 1 if n > 1 else 0
            start, end = _content(lines, prev, head, rules, header=n == 1)
        body = "\n".join(lines[start:end]).rstrip() if end > start else ""
        articles.append(Article(
            id=f"{doc.id}#{n}", doc_id=doc.id, index=n, body=body,
            anchors=(LineAnchor(0, min(start, len(lines) - 1) + 1, True),),  # never past the file
            title=lines[t].strip() if t is not None else None,
            outlet=b.outlet, published=b.published, multi=True))
    return articles
