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


def _names(cls, skip: tuple[str, ...] = ()) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.name not in skip]


# Values are stored as JSON arrays in this field order (a third the size of named objects, and
# faster to read); the order is kept in the archive, so a model that gains or loses a field still
# reads old rows by name, and the extractor key makes the next `factlint index` rewrite them.
LAYOUT: dict[str, list[str]] = {
    "quantity": _names(Quantity),
    "date": _names(DateValue),
    "fact": _names(Fact, _FACT_COLUMNS + _OBJECTS + ("dated",)),
    "event": _names(Event, _EVENT_COLUMNS + _OBJECTS),
}
_TUPLES = {f.name for cls in (Quantity, DateValue, Fact, Event) for f in dataclasses.fields(cls)
           if isinstance(f.default, tuple) or f.default_factory is tuple}


def _values(obj: Any, names: list[str]) -> list:
    out = []
    for name in names:
        value = getattr(obj, name)
        out.append(value.isoformat() if isinstance(value, date) else value)
    return out


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def fact_row(fact: Fact, seq: int) -> tuple:
    year = fact.article.published.year if fact.article.published else 0
    return (fact.article.id, seq, fact.claim.id, *(getattr(fact, c) for c in _FACT_COLUMNS), int(fact.dated), year,
            dumps(_values(fact, LAYOUT["fact"])), dumps(_values(fact.value, LAYOUT["quantity"])))


def event_row(event: Event, seq: int) -> tuple:
    return (event.article.id, seq, event.claim.id, *(getattr(event, c) for c in _EVENT_COLUMNS),
            dumps(_values(event, LAYOUT["event"])), dumps(_values(event.date, LAYOUT["date"])))


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


class Decoder:
    """Rebuilds facts and events from rows written with ``layout`` (the archive's, maybe older)."""

    def __init__(self, layout: dict[str, list[str]] | None = None) -> None:
        # per part: (position in the stored array, field name, a tuple field?) for the fields the model has;
        # fields the model no longer has are dropped, fields it gained take their defaults
        layout = layout or LAYOUT
        self.plan = {part: [(i, name, name in _TUPLES) for i, name in enumerate(layout.get(part, names))
                            if name in names] for part, names in LAYOUT.items()}

        # the usual case, rows written by this very model: plain zip, then the few tuple fields
        self.same = {part: list(layout.get(part, names)) == names for part, names in LAYOUT.items()}
        self.tuples = {part: [n for n in names if n in _TUPLES] for part, names in LAYOUT.items()}
        self._quantity_tuples = [i for i, name in enumerate(LAYOUT["quantity"]) if name in _TUPLES]

    def _kwargs(self, part: str, values: list) -> dict[str, Any]:
        if self.same[part]:
            kwargs = dict(zip(LAYOUT[part], values))
            for name in self.tuples[part]:
                kwargs[name] = tuple(kwargs[name])
            return kwargs
        return {name: (tuple(values[i]) if is_tuple else values[i]) for i, name, is_tuple in self.plan[part]}

    def _quantity(self, values: list) -> Quantity:
        if self.same["quantity"]:
            # rows written by this very model: the stored order is the field order
            for i in self._quantity_tuples:
                values[i] = tuple(values[i])
            return Quantity(*values)
        return Quantity(**self._kwargs("quantity", values))

    def fact(self, row, claim: Claim, article: Article) -> Fact:
        subject, commodity, metric, scope, kind, period, dated, extra, value = row
        extra, value = json.loads(f"[{extra},{value}]")   # one parse for both arrays
        return Fact(subject=subject, metric=metric, scope=scope, period=period,
                    value=self._quantity(value), claim=claim, article=article,
                    commodity=commodity, kind=kind, dated=bool(dated), **self._kwargs("fact", extra))

    def event(self, row, claim: Claim, article: Article) -> Event:
        subject, action, modality, extra, when = row
        extra, when = json.loads(f"[{extra},{when}]")
        data = self._kwargs("date", when)
        data["start"], data["end"] = date.fromisoformat(data["start"]), date.fromisoformat(data["end"])
        return Event(subject=subject, action=action, date=DateValue(**data), modality=modality, claim=claim,
                     article=article, **self._kwargs("event", extra))
