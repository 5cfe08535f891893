"""segment stage: split Documents into Articles (digest pages, single articles, feed records).

``segment`` never raises; ``load_segment_rules`` raises RulesError for a bad rule file.
"""
from __future__ import annotations

from checker.model import Article, Document, LineAnchor
from checker.segment.digest import find_bylines, is_digest, split_digest
from checker.segment.records import from_records
from checker.segment.rules import RulesError, SegmentRules, default_rules_dir, load_segment_rules
from checker.segment.single import single_article

__all__ = ["RulesError", "SegmentRules", "default_rules_dir", "load_segment_rules", "segment"]


def _plain(doc: Document, rules: SegmentRules) -> list[Article]:
    lines = doc.text.split("\n")
    bylines = find_bylines(lines, rules)
    if is_digest(lines, bylines):
        return split_digest(doc, lines, bylines, rules)
    return [single_article(doc, lines, rules)]


def segment(doc: Document, rules: SegmentRules | None = None) -> list[Article]:
    """The articles of one Document, in file order."""
    try:
        if doc.records:
            return from_records(doc)
        if not doc.text.strip():
            return []
        return _plain(doc, rules or load_segment_rules())
    except RulesError:
        raise  # a broken rule file is a configuration error for the CLI to report, not bad input
    except Exception:  # noqa: BLE001 - an unforeseen shape of text: keep the whole file as one article
        return [Article(id=doc.id, doc_id=doc.id, index=1, body=doc.text.rstrip(),
                        anchors=(LineAnchor(0, 1, True),))]
