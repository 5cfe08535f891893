"""What the align stage reads from claims: tests/cases/align/facts.toml, events.toml and counts.toml, and how
names.toml's batches of articles name their subjects once names are unified."""
from __future__ import annotations

import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from checker.align import Analyzer
from checker.align.article import unify_names
from checker.model import Article, LineAnchor

CASES = Path(__file__).parent / "cases" / "align"
ANALYZER = Analyzer()


def _load(name):
    data = tomllib.loads((CASES / name).read_text(encoding="utf-8"))
    return [pytest.param(c, id=c["text"][:50]) for c in data["case"]]


def _article(case) -> Article:
    return Article(id="a.txt", doc_id="a.txt", index=1, body=case["text"], anchors=(LineAnchor(0, 1, True),),
                   title=case.get("title"), published=datetime.fromisoformat(case["published"]))


@pytest.mark.parametrize("case", _load("facts.toml"))
def test_facts(case):
    analysis = ANALYZER.analyse(_article(case))
    got = [[f.subject, f.commodity, f.metric, f.scope, f.kind, f.period, f.value.text] for f in analysis.facts]
    assert got == case["facts"]
    # optional: the compared interval of each fact in base units, and the policy notes it relies on
    for fact, (low, high) in zip(analysis.facts, case.get("intervals", [])):
        assert (fact.value.low, fact.value.high) == pytest.approx((low, high), rel=1e-3)
    for fact, notes in zip(analysis.facts, case.get("notes", [])):
        assert list(fact.value.notes) == notes
    # optional: the interval (base units) of the figure a revision replaced, [] for none
    for fact, revised in zip(analysis.facts, case.get("revised", [])):
        assert list(fact.revised_from) == pytest.approx(revised, rel=1e-3)


@pytest.mark.parametrize("case", _load("events.toml"))
def test_events(case):
    analysis = ANALYZER.analyse(_article(case))
    got = [[e.subject, e.action, e.modality, e.date.iso] for e in analysis.events]
    assert got == case["events"]
    if "parts" in case:     # (optional) the part of the facility each event is about ("first unit")
        assert [e.part for e in analysis.events] == case["parts"]
    if "parts_by" in case:  # (optional) how each part is named: "" numbered, "kind" at the site, "beside" it
        assert [e.part_by for e in analysis.events] == case["parts_by"]


@pytest.mark.parametrize("case", _load("counts.toml"))
def test_counts(case):
    analysis = ANALYZER.analyse(_article(case))
    got = [[c.count, len(c.items)] for c in analysis.counts]
    assert got == case["counts"]


def _batch(case) -> list[Article]:
    return [Article(id=f"a{i}.txt", doc_id=f"a{i}.txt", index=1, body=a["text"], anchors=(LineAnchor(0, 1, True),),
                    title=a.get("title"), published=datetime.fromisoformat(a["published"]))
            for i, a in enumerate(case["articles"])]


def _load_batches(name):
    data = tomllib.loads((CASES / name).read_text(encoding="utf-8"))
    return [pytest.param(c, id=c["comment"][:50]) for c in data["case"]]


@pytest.mark.parametrize("case", _load_batches("names.toml"))
def test_batch_names(case):
    facts, events = unify_names([ANALYZER.analyse(a) for a in _batch(case)])
    # per article, the subjects of its facts and events once the batch's names are unified
    got = [sorted({item.subject for item in (*facts, *events) if item.article.id == f"a{i}.txt"})
           for i in range(len(case["articles"]))]
    assert got == case["subjects"]
