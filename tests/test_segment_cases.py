"""Runs every segmentation case in tests/cases/segment/*.toml (one parametrised test)."""
from __future__ import annotations

import time
import tomllib
from datetime import datetime
from pathlib import Path

import pytest

from checker.ingest import load_document
from checker.model import Document
from checker.segment import segment

ROOT = Path(__file__).resolve().parent.parent
CASE_DIR = Path(__file__).resolve().parent / "cases" / "segment"
FIELDS = ("title", "outlet", "url")


def _cases():
    for path in sorted(CASE_DIR.glob("*.toml")):
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
        for case in data.get("case", []):
            yield pytest.param(case, id=f"{path.stem}:{case['name']}")


CASES = list(_cases())


def _document(case):
    if "fixture" in case:
        doc_id = case["fixture"]
        data = (ROOT / doc_id).read_bytes()
    else:
        doc_id = case.get("file", "case.txt")
        data = case["text"].encode("utf-8")
    doc, _problems = load_document(doc_id, data)
    return doc


def test_case_files_are_not_empty():
    """Every case file holds cases, and every case states what it expects."""
    assert CASES, "no segmentation cases found"
    for param in CASES:
        case = param.values[0]
        assert "count" in case and case.get("article"), f"{case['name']}: needs count and [[case.article]]"


@pytest.mark.parametrize("case", CASES)
def test_segment_case(case):
    doc = _document(case)
    articles = segment(doc)
    assert len(articles) == case["count"], [a.id for a in articles]
    by_id = {a.id: a for a in articles}
    for exp in case["article"]:
        aid = doc.id + exp["id"]
        assert aid in by_id, f"{aid} not in {list(by_id)}"
        art = by_id[aid]
        assert art.multi == bool(exp["id"]), "multi flag must follow the #N id"
        for key in FIELDS:
            if key in exp:
                assert getattr(art, key) == exp[key], key
        if "published" in exp:
            assert art.published == datetime.fromisoformat(exp["published"])
            assert art.published.tzinfo is None
        for key in exp.get("none", []):
            assert getattr(art, key) is None, key
        if "body_starts" in exp:
            assert art.body.startswith(exp["body_starts"]), art.body[:80]
        if "body_line" in exp:
            assert art.line_of(0) == exp["body_line"]
        for phrase, line in exp.get("line_of", []):
            pos = art.body.find(phrase)
            assert pos >= 0, f"{phrase!r} not in body"
            assert art.line_of(pos) == line, phrase
        # The title and byline are never part of the body.
        if art.title and art.body:
            assert art.body.split("\n", 1)[0].strip() != art.title


# ----------------------------------------------------------------- rule files
from checker.data import DataError  # noqa: E402
from checker.segment import RulesError, load_segment_rules  # noqa: E402
from checker.segment.rules import default_rules_dir, parse_rules  # noqa: E402

CHROME = 'lines = ["Workflow"]\n'


def _rules(tmp_path, bylines: str, chrome: str = CHROME):
    (tmp_path / "bylines.toml").write_text(bylines, encoding="utf-8")
    (tmp_path / "chrome.toml").write_text(chrome, encoding="utf-8")
    return parse_rules(tmp_path / "bylines.toml", tmp_path / "chrome.toml")


def test_packaged_rules_load_and_are_cached():
    rules = load_segment_rules()
    assert rules is load_segment_rules(default_rules_dir())
    assert rules.digest and rules.datelines and "workflow" in rules.chrome_lines


@pytest.mark.parametrize("bylines, words", [
    ("[[digest]]\npattern = '(?P<date>[0-9'\n", "[digest[0].pattern]: pattern does not compile"),
    ("[[digest]]\npattern = '(?P<when>x)'\n", "unknown group"),
    ("[[dateline]]\npattern = '(?P<outlet>x)'\n", "needs a (?P<date>"),
    ("[[dateline]]\npattern = '^(?P<date>(a+)+)$'\n", "nested quantifier"),
    ("[[dateline]]\nname = 'x'\npattern = '(?P<date>x)'\nflags = 'i'\n", "unknown key"),
    ("[settings]\nmatch_timeout = -1\n", "[settings.match_timeout]: must be a positive float"),
    ("[[digest]]\npattern = 5\n", "[digest[0].pattern]: pattern must be"),
    ("[stuff]\n", "unknown key"),
    ("not toml = = 1\n", "bylines.toml:1: malformed TOML"),
])
def test_bad_rule_files_name_file_and_key(tmp_path, bylines, words):
    with pytest.raises(DataError) as err:  # RulesError is a DataError: the CLI reports it with exit 2
        _rules(tmp_path, bylines)
    assert isinstance(err.value, RulesError)
    assert "bylines.toml" in str(err.value) and words in str(err.value)


def test_bad_chrome_file(tmp_path):
    with pytest.raises(RulesError, match=r"chrome.toml \[lines\]: must be"):
        _rules(tmp_path, "", "lines = [1]\n")
    with pytest.raises(RulesError, match=r"chrome.toml \[header.max_keyword_chars\]"):
        _rules(tmp_path, "", "[header]\nmax_keyword_chars = 'x'\n")


def test_missing_rules_dir(tmp_path):
    with pytest.raises(RulesError, match="not found"):
        load_segment_rules(tmp_path / "nowhere")


def test_slow_user_regex_times_out_instead_of_hanging(tmp_path):
    rules = _rules(tmp_path, "[settings]\nmatch_timeout = 0.01\n[[digest]]\n"
                             "pattern = '^(?P<outlet>(.*a){25})x(?P<date>[0-9-]+)$'\n")
    doc = Document(id="slow.txt", path="slow.txt", format="text", text=("a" * 60 + "!\n") * 3)
    start = time.perf_counter()
    articles = segment(doc, rules)
    assert time.perf_counter() - start < 2
    assert len(articles) == 1 and not articles[0].multi
