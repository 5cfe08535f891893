"""Model objects to table rows and back; unknown or missing optional fields survive model changes."""
from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

from checker.model import Article, Claim, DateValue, Event, Fact, Quantity

_FACT_COLUMNS = ("subject", "commodity", "metric", "scope", "kind", "period")
_EVENT_COLUMNS = ("subject", "action", "modality")
_OBJECTS = ("value", "date", "claim", "article")


def _defaults(cls) -> dict[str, Any]:
    return {f.name: f.default for f in dataclasses.fields(cls)}


_FIELDS = {cls: _defaults(cls) for cls in (Quantity, DateValue, Fact, Event)}
_NO_DEFAULT = dataclasses.MISSING


def _plain(obj: Any) -> dict[str, Any]:
    """Fields by name, leaving out those at their default (restored from the model on loading)."""
    out = {}
    for name, default in _FIELDS[type(obj)].items():
        value = getattr(obj, name)
        if default is not _NO_DEFAULT and value == default and type(value) is type(default):
            continue
        out[name] = value.isoformat() if isinstance(value, date) else value
    return out


def _build(cls, data: dict[str, Any], **objects: Any):
    # fields the model no longer has are dropped; fields it gained take their defaults
    known = set(_FIELDS[cls])
    args = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known}
    return cls(**args, **objects)


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def fact_row(fact: Fact, seq: int) -> tuple:
    extra = {k: v for k, v in _plain(fact).items() if k not in _FACT_COLUMNS and k not in _OBJECTS and k != "dated"}
    year = fact.article.published.year if fact.article.published else None
    return (fact.article.id, seq, fact.claim.id, *(getattr(fact, c) for c in _FACT_COLUMNS), int(fact.dated), year,
            dumps(extra), dumps(_plain(fact.value)))


def event_row(event: Event, seq: int) -> tuple:
    extra = {k: v for k, v in _plain(event).items() if k not in _EVENT_COLUMNS and k not in _OBJECTS}
    return (event.article.id, seq, event.claim.id, *(getattr(event, c) for c in _EVENT_COLUMNS),
            dumps(extra), dumps(_plain(event.date)))


def claim_row(claim: Claim) -> tuple:
    return (claim.id, claim.article_id, claim.text, claim.start, claim.end, claim.line,
            dumps(list(claim.citations)) if claim.citations else None)


def article_row(article: Article, digest: str, claims: int) -> tuple:
    published = article.published.isoformat() if article.published else None
    return (article.id, article.doc_id, article.index, digest, article.title, article.outlet, published,
            article.url, int(article.multi), len(article.body), claims)


def article_from(row) -> Article:
    """An archived article as evidence needs it; the body is not kept (claims carry their lines)."""
    aid, doc_path, idx, title, outlet, published, url, multi = row
    return Article(id=aid, doc_id=doc_path, index=idx, body="", anchors=(), title=title, outlet=outlet,
                   published=datetime.fromisoformat(published) if published else None, url=url, multi=bool(multi))


def claim_from(row) -> Claim:
    cid, article_id, text, start, end, line, citations = row
    return Claim(cid, article_id, text, start, end, line, tuple(json.loads(citations)) if citations else ())


def fact_from(row, claim: Claim, article: Article) -> Fact:
    subject, commodity, metric, scope, kind, period, dated, extra, value = row
    quantity = _build(Quantity, json.loads(value))
    return _build(Fact, json.loads(extra), subject=subject, commodity=commodity, metric=metric, scope=scope,
                  kind=kind, period=period, dated=bool(dated), value=quantity, claim=claim, article=article)


def event_from(row, claim: Claim, article: Article) -> Event:
    subject, action, modality, extra, when = row
    data = json.loads(when)
    data["start"], data["end"] = date.fromisoformat(data["start"]), date.fromisoformat(data["end"])
    return _build(Event, json.loads(extra), subject=subject, action=action, modality=modality,
                  date=_build(DateValue, data), claim=claim, article=article)
