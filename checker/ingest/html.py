"""HTML pages: article text as paragraphs (chrome removed), metadata, and source-line anchors."""
from __future__ import annotations

import html as htmllib
import re

from selectolax.lexbor import LexborHTMLParser

from checker.ingest.htmlmeta import page_meta
from checker.ingest.limits import Limits
from checker.ingest.problems import InputError
from checker.model import Document, LineAnchor, RawArticle

BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "figcaption")
# Page furniture around the story; related-link captions and bylines are not article text.
CHROME_SELECTOR = ("nav, aside, footer, header:not(article header), script, style, noscript, template, form, "
                   "iframe, svg, button, select, figure.related, [role=navigation], [role=complementary], "
                   "[aria-hidden=true]")
# Whole class/id tokens only: "related" and "byline" are chrome, "share-price" is not.
_CHROME_CLASS = re.compile(r"(?<![\w-])(?:byline|dateline|related|related-\w+|share|sharing|social|newsletter|"
                           r"advert|ad-slot|promo|subscribe|comments?|breadcrumbs?|tags|author-bio|timestamp)"
                           r"(?![\w-])", re.I)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
_BREAKS = frozenset({"br", "div", "td", "th", "tr", "ul", "ol", "table", "section"})
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def depth_exceeds(raw: str, limit: int) -> bool:
    """True when elements nest deeper than ``limit`` (a cheap tag scan, no tree)."""
    if raw.count("<") <= limit:
        return False
    depth = 0
    for m in _TAG.finditer(raw):
        if m.group(3) or m.group(2).lower() in _VOID:
            continue
        depth += -1 if m.group(1) else 1
        if depth > limit:
            return True
    return False


def _clean(text: str) -> str:
    return " ".join(text.split())


_ENTITY_OF = {
    "&": r"(?:&|&amp;|&#0*38;|&#x0*26;)",
    "<": r"(?:<|&lt;|&#0*60;)",
    ">": r"(?:>|&gt;|&#0*62;)",
    '"': r'(?:"|&quot;|&#0*34;|&#x0*22;)',
    "'": r"(?:'|&#0*39;|&#x0*27;|&apos;)",
}
_REGEX_BUDGET = 500                  # blocks per page that may use the slow regex search
_WINDOW = 500_000                   # characters searched ahead of the previous block
_GAP = r"(?:\s|<[^>]*>)+"          # whitespace or inline tags between words in the source


_SPECIAL = re.compile(r"(\s+|[&<>\"'\u0080-\U0010ffff])")


def _special(ch: str) -> str:
    if ch[0].isspace():
        return _GAP
    if ch in _ENTITY_OF:
        return _ENTITY_OF[ch]
    return f"(?:{re.escape(ch)}|&[#\\w]+;)"   # non-ASCII may be written as an entity


def _source_pattern(text: str) -> str:
    """A regex matching ``text`` as it may be written in HTML source (entities, inline tags, line breaks)."""
    parts = _SPECIAL.split(text)
    return "".join(_special(p) if i % 2 else re.escape(p) for i, p in enumerate(parts) if p)


class _LineFinder:
    """Finds each block's 1-based line in the raw HTML, moving forward from the previous block."""

    def __init__(self, raw: str, start: int = 0) -> None:
        self.raw = raw
        self.pos = start
        self.line = raw.count("\n", 0, start) + 1
        self.budget = _REGEX_BUDGET

    def find(self, text: str) -> int:
        """Line of the block starting with ``text``; the previous block's line when not found."""
        span = self._search(text)
        if span is None:
            return self.line
        start, end = span
        line = self.line + self.raw.count("\n", self.pos, start)
        # Continue after this match: two blocks may begin with the same words.
        self.line = line + self.raw.count("\n", start, end)
        self.pos = end
        return line

    def _search(self, text: str) -> tuple[int, int] | None:
        # A bounded window: a block that cannot be found must not cost a scan of the whole page.
        stop = self.pos + _WINDOW
        prefixes = [p for p in dict.fromkeys((text[:40], text[:12])) if p.strip()]
        for prefix in prefixes:  # the common case: written as is, no regex needed
            at = self.raw.find(prefix, self.pos, stop)
            if at >= 0:
                return at, at + len(prefix)
        if self.budget <= 0:
            return None
        self.budget -= 1  # compiling a pattern per block is slow; a page where most need it gets approximate lines
        for prefix in prefixes:  # entities, inline tags or line breaks inside the prefix
            m = re.compile(_source_pattern(prefix)).search(self.raw, self.pos, stop)
            if m:
                return m.start(), m.end()
        return None


def _blocks(root) -> list:
    """Outermost block elements under ``root`` in document order, none inside a chrome container."""
    chosen = []
    for node in root.css(", ".join(BLOCK_TAGS)):
        if _is_chrome(node):
            continue
        parent, skip = node.parent, False
        while parent is not None and parent.mem_id != root.mem_id:  # iterative: pages nest deep
            if parent.tag in BLOCK_TAGS or _is_chrome(parent):
                skip = True
                break
            parent = parent.parent
        if not skip:
            chosen.append(node)
    return chosen


def _block_text(node) -> str:
    """Text of a block with inline markup joined as written and nested blocks kept apart."""
    out: list[str] = []
    for child in node.traverse(include_text=True):
        if child.tag == "-text":
            out.append(child.text_content or "")
        elif child.tag in BLOCK_TAGS or child.tag in _BREAKS:
            out.append(" ")
    return _clean("".join(out))


def _is_chrome(node) -> bool:
    cls = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
    return bool(_CHROME_CLASS.search(cls))


def load_html(doc_id: str, raw: str, encoding: str, limits: Limits) -> tuple[Document, list[InputError]]:
    """One Document with one record: the page's article."""
    if depth_exceeds(raw, limits.max_html_depth):
        return _flat(doc_id, raw, encoding, limits)
    tree = LexborHTMLParser(raw)
    meta = page_meta(tree, limits.max_json_depth)
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        raise InputError("HTML page has no body", "empty")
    for node in root.css(CHROME_SELECTOR):
        node.decompose()
    title = meta["title"]
    body_at = re.search(r"<body\b", raw, re.I)
    finder = _LineFinder(raw, body_at.start() if body_at else 0)
    parts: list[str] = []
    anchors: list[LineAnchor] = []
    offset = 0
    for node in _blocks(root):
        if node.css_first("time") is not None and len(node.text()) < 120:
            continue  # bylines and date lines: metadata, not claims
        text = _block_text(node)
        if not text or (node.tag == "h1" and title and text == _clean(title)):
            continue
        anchors.append(LineAnchor(offset, finder.find(text), False))
        parts.append(text)
        offset += len(text) + 2
    if not parts:  # no block elements: fall back to the text lines of the container
        for line in (root.text(separator="\n") or "").split("\n"):
            text = _clean(line)
            if text and text != title:
                anchors.append(LineAnchor(offset, finder.find(text), False))
                parts.append(text)
                offset += len(text) + 2
    body = "\n\n".join(parts)
    record = RawArticle(body=body, anchors=tuple(anchors), title=title, outlet=meta["outlet"],
                        published=meta["published"], url=meta["url"])
    problems = [] if body else [InputError("HTML page has no article text", "empty")]
    return Document(doc_id, doc_id, "html", raw, encoding, {}, (record,)), problems


def _flat(doc_id: str, raw: str, encoding: str, limits: Limits) -> tuple[Document, list[InputError]]:
    """Tag-stripped text of a page nested too deep to parse safely, one anchor per line."""
    problem = InputError(f"HTML nested deeper than {limits.max_html_depth} levels; read as plain text", "limit")
    parts: list[str] = []
    anchors: list[LineAnchor] = []
    offset = 0
    # Keep the newlines of removed scripts so line numbers still match the file.
    stripped = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", lambda m: "\n" * m.group().count("\n"), raw)
    for n, line in enumerate(stripped.split("\n"), start=1):
        text = _clean(htmllib.unescape(_TAG.sub(" ", line)))
        if text:
            anchors.append(LineAnchor(offset, n, False))
            parts.append(text)
            offset += len(text) + 2
    record = RawArticle(body="\n\n".join(parts), anchors=tuple(anchors))
    return Document(doc_id, doc_id, "html", raw, encoding, {}, (record,)), [problem]
