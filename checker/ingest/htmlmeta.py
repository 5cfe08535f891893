"""Page metadata: title, outlet, publication time and URL from meta tags, JSON-LD and <title>."""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from checker.ingest.dates import parse_published
from checker.ingest.jsondepth import json_depth_exceeds

_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|—|–|·|::)\s+")
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "report", "webpage")


_META_ATTRS = ("property", "name", "itemprop")


def _meta_index(tree: LexborHTMLParser) -> dict[tuple[str, str], str]:
    """(attribute, value) -> content of the first <meta> with it, from one pass over the tags."""
    index: dict[tuple[str, str], str] = {}
    for node in tree.css("meta"):
        attributes = node.attributes
        for attr in _META_ATTRS:
            value = attributes.get(attr)
            if value is not None:
                index.setdefault((attr, value), attributes.get("content") or "")
    return index


def _meta(index: dict[tuple[str, str], str], *names: str) -> str | None:
    """content of the first <meta property|name|itemprop=...> among ``names``."""
    for name in names:
        for attr in _META_ATTRS:
            value = index.get((attr, name))
            if value is not None:
                value = value.strip()
                if value:
                    return value
    return None


def _ld_objects(tree: LexborHTMLParser, max_depth: int) -> Iterator[Mapping[str, Any]]:
    """JSON-LD objects of the page, @graph members included; broken or deep scripts are skipped."""
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(deep=True) or ""
        if json_depth_exceeds(raw, max_depth):
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:  # iterative: @graph nesting is data, not something to recurse on
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item[:100]))
            elif isinstance(item, Mapping):
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph[:100]))
                yield item


def _ld_type(obj: Mapping[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds)


def _name(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, Mapping):
        return _name(value.get("name"))
    if isinstance(value, list) and value:
        return _name(value[0])
    return None


def split_title_suffix(title: str, outlet: str | None, known_title: str | None = None) -> tuple[str, str | None]:
    """'Headline | Outlet' -> ('Headline', 'Outlet'); the suffix is kept when it is not an outlet name."""
    matches = list(_TITLE_SEPARATORS.finditer(title))
    if not matches:
        return title, None
    head, suffix = title[: matches[-1].start()].strip(), title[matches[-1].end():].strip()
    if outlet and suffix.casefold() == outlet.casefold():
        return head, suffix
    if outlet is None and len(suffix) <= 60 and (len(head) >= len(suffix) or head == known_title):
        return head, suffix
    return title, None


def page_meta(tree: LexborHTMLParser, max_depth: int) -> dict[str, Any]:
    """title, outlet, published, url as found in the page (None when absent)."""
    ld = next((o for o in _ld_objects(tree, max_depth) if _ld_type(o)), None) or {}
    metas = _meta_index(tree)
    outlet = _meta(metas, "og:site_name", "application-name") or _name(ld.get("publisher"))
    title_node = tree.css_first("title")
    page_title = " ".join((title_node.text() if title_node else "").split()) or None
    h1 = tree.css_first("h1")
    h1_text = " ".join(h1.text(separator=" ").split()) if h1 else ""
    title = _meta(metas, "og:title", "twitter:title") or _name(ld.get("headline")) or h1_text or None
    if page_title:
        head, suffix = split_title_suffix(page_title, outlet, title)
        if suffix and outlet is None and (not title or head == title):
            outlet = suffix
        title = title or head
    if title and outlet:
        title = split_title_suffix(title, outlet)[0]
    published: datetime | None = None
    for candidate in (_meta(metas, "article:published_time", "datePublished", "pubdate", "date",
                            "dc.date", "DC.date.issued", "sailthru.date", "parsely-pub-date"),
                      _time_attr(tree), ld.get("datePublished"), ld.get("dateCreated")):
        published = parse_published(candidate) if candidate else None
        if published:
            break
    link = tree.css_first('link[rel="canonical"]')
    url = (link.attributes.get("href") if link is not None else None) or _meta(metas, "og:url") or _name(ld.get("url"))
    return {"title": title, "outlet": outlet, "published": published, "url": url or None}


def _time_attr(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("time[datetime]")
    return (node.attributes.get("datetime") or None) if node is not None else None
