"""Claim splitting cases: tests/cases/claims/*.toml."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker.claims import split_claims
from checker.model import Article, LineAnchor

CASES = Path(__file__).parent / "cases" / "claims"


def _cases():
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(case, id=case["name"])


@pytest.mark.parametrize("case", list(_cases()))
def test_split(case):
    article = Article(id="a", doc_id="a", index=1, body=case["body"], anchors=(LineAnchor(0, 1, True),))
    claims = split_claims(article)
    assert [c.text for c in claims] == case["claims"]
    for claim in claims:
        assert article.body[claim.start:claim.end] == claim.text
    if "citations" in case:
        assert [list(c.citations) for c in claims] == case["citations"]
    if "lines" in case:
        assert [c.line for c in claims] == case["lines"]
