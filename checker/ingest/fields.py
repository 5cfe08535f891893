"""Article fields from a metadata mapping (feed record, front matter, JSON-LD), by their usual names."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from checker.ingest.dates import parse_published

TITLE_KEYS = ("title", "headline", "name")
BODY_KEYS = ("text", "body", "content", "article", "articlebody", "content_text", "description", "summary")
OUTLET_KEYS = ("source", "outlet", "publisher", "site", "site_name", "source_name", "publication")
DATE_KEYS = ("published", "published_at", "publishedat", "published_on", "publishedon", "publish_date", "publishdate",
             "date", "datepublished", "date_published", "pubdate", "pub_date", "publication_date", "posted",
             "posted_at", "posted_on", "created_at", "time", "timestamp", "datecreated", "updated")
URL_KEYS = ("url", "link", "canonical", "permalink", "href")
ID_KEYS = ("id", "guid", "uuid", "_id")


def lower_keys(obj: Mapping[str, Any]) -> dict[str, Any]:
    """The mapping with case-folded keys, so 'datePublished' and 'datepublished' agree."""
    return {str(k).lower(): v for k, v in obj.items()}


def _text(value: Any) -> str | None:
    """A string field, a {'name': ...} object, or a list of strings joined by blank lines."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        for key in ("name", "title", "text", "value", "#text"):
            inner = value.get(key)
            if isinstance(inner, str):
                return inner
        return None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def first_text(meta: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first non-empty string among ``keys``."""
    for key in keys:
        if key in meta:
            value = _text(meta[key])
            if value and value.strip():
                return value.strip() if key not in BODY_KEYS else value
    return None


def first_date(meta: Mapping[str, Any]) -> datetime | None:
    """The first readable publication time among DATE_KEYS."""
    for key in DATE_KEYS:
        if key in meta:
            value = parse_published(meta[key])
            if value is not None:
                return value
    return None
