"""News-digest pages: several articles, each a title line and a byline, before or after its body."""
from __future__ import annotations

import re

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


def _units(lines: list[str], start: int, end: int, rules: SegmentRules, header: bool) -> list[tuple[int, int]]:
    """The bodies in [start, end): runs of lines, a new one after a blank line or at a line that opens a
    summary (not a bullet, not a later "Group N"), so one gap may hold the end of one article and the
    start of the next."""
    start, end = _content(lines, start, end, rules, header)
    units: list[tuple[int, int]] = []
    blank = True
    for i in range(start, end):
        line = lines[i].strip()
        if not line:
            blank = True
            continue
        if blank or not units or _opens_body(line):
            units.append((i, i + 1))
        else:
            units[-1] = (units[-1][0], i + 1)
        blank = False
    return units


def _opens_body(line: str) -> bool:
    return not line.startswith(_CONTINUATION) and not _LATER_GROUP.match(line)


_CONTINUATION = ("-", "•", "*", "·", "–")
_LATER_GROUP = re.compile(r"Group\s*[2-9]\b", re.I)


def _bodies(lines: list[str], bylines: list[Byline], titles: list[int | None], layout: str,
            rules: SegmentRules) -> list[list[tuple[int, int]]]:
    """The body units of each (title, byline) block.

    Every gap between two blocks holds bodies; its first ones may belong to the block before it and
    the rest to the block after it. The split of each gap is chosen (dynamic programming over the
    gaps) so that, first, as many blocks as possible get a body, then as many bodies as possible lie
    on the side the file's layout says: a page that puts one article's byline before its body and the
    next one's after it still gives every article its own.
    """
    n = len(bylines)
    heads = [t if t is not None else b.line for b, t in zip(bylines, titles)]
    gaps = [_units(lines, 0, heads[0], rules, header=True)]
    gaps += [_units(lines, bylines[k].line + 1, heads[k + 1], rules, header=False) for k in range(n - 1)]
    gaps.append(_units(lines, bylines[-1].line + 1, len(lines), rules, header=False))

    def gain(k: int, split: int) -> int:
        """Score of giving gap k's units[:split] to block k-1 and the rest to block k: +1 for a unit on
        the layout's side, -1 against it; the text before the first block and after the last one that
        no block takes is page furniture, dropped at no cost."""
        to_previous = split if k > 0 else 0
        to_next = len(gaps[k]) - split if k < n else 0
        return to_previous - to_next if layout == "before" else to_next - to_previous

    # best[k][has] = best score of gaps 0..k, where ``has`` says block k already got a body from gap k
    best: list[dict[bool, tuple[int, list[int]]]] = [{}]
    for split in range(len(gaps[0]) + 1):
        has = len(gaps[0]) - split > 0
        score = gain(0, split)
        if has not in best[0] or score > best[0][has][0]:
            best[0][has] = (score, [split])
    for k in range(1, n + 1):
        row: dict[bool, tuple[int, list[int]]] = {}
        for had, (score, splits) in best[k - 1].items():
            for split in range(len(gaps[k]) + 1):
                total = score + gain(k, split) + (1000 if had or split > 0 else 0)
                has = k < n and len(gaps[k]) - split > 0
                if has not in row or total > row[has][0]:
                    row[has] = (total, splits + [split])
        best.append(row)
    splits = max(best[n].values(), key=lambda entry: entry[0])[1]
    return [gaps[k][splits[k]:] + gaps[k + 1][:splits[k + 1]] for k in range(n)]


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
    for n, (b, t, units) in enumerate(zip(bylines, titles, _bodies(lines, bylines, titles, layout, rules)), start=1):
        start, end = (units[0][0], units[-1][1]) if units else (b.line + 1, b.line + 1)
        body = "\n".join(lines[start:end]).rstrip() if end > start else ""
        articles.append(Article(
            id=f"{doc.id}#{n}", doc_id=doc.id, index=n, body=body,
            anchors=(LineAnchor(0, min(start, len(lines) - 1) + 1, True),),  # never past the file
            title=lines[t].strip() if t is not None else None,
            outlet=b.outlet, published=b.published, multi=True))
    return articles
