"""Articles a loader already found (feed records, HTML, front matter): ids and fields carried over."""
from __future__ import annotations

from checker.model import Article, Document


def from_records(doc: Document) -> list[Article]:
    """One Article per record; 'doc#N' ids for feeds and files with several records."""
    multi = bool(doc.metadata.get("multi")) or len(doc.records) > 1
    out = []
    for i, rec in enumerate(doc.records, start=1):
        n = rec.position or i
        out.append(Article(
            id=f"{doc.id}#{n}" if multi else doc.id, doc_id=doc.id, index=n, body=rec.body,
            anchors=rec.anchors, title=rec.title, outlet=rec.outlet,
            published=rec.published.replace(tzinfo=None) if rec.published else None,
            url=rec.url, multi=multi))
    return out
