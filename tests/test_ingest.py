"""ingest: path expansion, loaders, encodings, bad inputs and limits."""
from __future__ import annotations

import io
import os
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from checker.ingest import Limits, load_document, read_inputs
from checker.ingest.dates import parse_published
from checker.segment import segment

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases" / "ingest"
sys.path.insert(0, str(CASES))
from make_fixtures import BAD, ENCODED, write_fixtures  # noqa: E402


@pytest.fixture()
def fixtures(tmp_path: Path) -> Path:
    return write_fixtures(tmp_path / "fx")


def _tree(base: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        p = base / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


# ----------------------------------------------------------------- paths and ids
def test_directory_ids_are_paths_as_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"docs/b.txt": "B title\n\nBody.", "docs/a/z.md": "# Z\n\nBody.", "docs/.hidden.txt": "x",
                     "docs/.git/c.txt": "x", "docs/notes.csv": "x,y", "docs/a/y.html": "<p>Body y.</p>"})
    docs, problems = read_inputs(["docs/"])
    assert [d.id for d in docs] == ["docs/a/y.html", "docs/a/z.md", "docs/b.txt"]
    assert problems == []
    docs, _ = read_inputs(["docs"])
    assert docs[0].id == "docs/a/y.html"


def test_seed_directory_ids(monkeypatch):
    monkeypatch.chdir(ROOT)
    docs, problems = read_inputs(["seeds/"])
    assert [d.id for d in docs] == ["seeds/000_019cb405469e32cd.txt", "seeds/001_054e74a0c7af6f75.txt"]
    assert not problems and all(not os.path.isabs(d.id) for d in docs)


def test_absolute_path_stays_absolute():
    path = str(ROOT / "seeds" / "000_019cb405469e32cd.txt")
    docs, _ = read_inputs([path])
    assert docs[0].id == path


def test_glob_and_duplicates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"docs/x/a.md": "# A\n\nBody a.", "docs/b.md": "# B\n\nBody b.", "docs/c.txt": "C\n\nBody."})
    docs, problems = read_inputs(["docs/**/*.md", "docs/b.md"])
    assert [d.id for d in docs] == ["docs/b.md", "docs/x/a.md"]
    assert problems == []


def test_missing_paths_and_empty_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "emptydir").mkdir()
    (tmp_path / "emptydir" / "image.png").write_bytes(b"\x89PNG")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    docs, problems = read_inputs(["nope.txt", "emptydir", "none/*.md", "dangling.txt"])
    assert docs == []
    got = {p.path: (p.code, p.reason) for p in problems}
    assert got["nope.txt"] == ("missing", "no such file or directory")
    assert got["emptydir"][0] == "empty" and "no articles" in got["emptydir"][1]
    assert got["none/*.md"][0] == "missing"
    assert "dangling.txt" in got


def test_stdin_is_sniffed():
    feed = b'{"title": "T", "body": "From stdin.", "date": "2021-01-02"}\n{"body": "Two."}\n'
    docs, problems = read_inputs(["-"], stdin=io.BytesIO(feed))
    assert not problems and docs[0].id == "-" and docs[0].format == "jsonfeed"
    assert [a.id for a in segment(docs[0])] == ["-#1", "-#2"]
    docs, problems = read_inputs(["-"], stdin=io.BytesIO(b"A title\n\nPublished: 2020-01-02\n\nBody."))
    assert docs[0].format == "text" and segment(docs[0])[0].published == datetime(2020, 1, 2)


def test_unknown_suffix_named_explicitly_is_sniffed(tmp_path):
    page = tmp_path / "page.download"
    page.write_text("<html><body><article><p>Body text.</p></article></body></html>", encoding="utf-8")
    docs, problems = read_inputs([str(page)])
    assert not problems and docs[0].format == "html"


# ----------------------------------------------------------------- encodings
@pytest.mark.parametrize("name", sorted(ENCODED))
def test_encodings(fixtures, name):
    _data, encoding, text = ENCODED[name]
    docs, problems = read_inputs([str(fixtures / name)])
    assert problems == []
    assert docs[0].text == text
    if encoding:
        assert docs[0].encoding.replace("_", "-").lower() == encoding


def test_encoding_override_and_what_was_tried(fixtures):
    docs, problems = read_inputs([str(fixtures / "cp1252.txt")], encoding="utf-8")
    assert docs == [] and problems[0].code == "encoding" and "tried: utf-8" in problems[0].reason
    docs, problems = read_inputs([str(fixtures / "cp1252.txt")], encoding="cp1252")
    assert docs[0].encoding == "cp1252" and "Zürich" in docs[0].text
    _docs, problems = read_inputs([str(fixtures / "utf8.txt")], encoding="no-such-codec")
    assert problems[0].code == "encoding" and "unknown encoding" in problems[0].reason


# ----------------------------------------------------------------- bad inputs
@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_inputs_become_problems(fixtures, name):
    _data, code, words = BAD[name]
    docs, problems = read_inputs([str(fixtures / name)])
    assert docs == []
    assert len(problems) == 1 and problems[0].code == code
    assert words.lower() in problems[0].reason.lower()
    assert "\n" not in problems[0].reason


def test_one_bad_input_never_stops_the_batch(fixtures):
    docs, problems = read_inputs([str(fixtures)])
    assert len(docs) == len(ENCODED) and len(problems) == len(BAD)


def test_jsonl_broken_line_keeps_the_rest():
    docs, problems = read_inputs([str(CASES / "feed.jsonl")])
    assert [a.id.rsplit("#", 1)[1] for a in segment(docs[0])] == ["1", "3", "5"]
    assert [(p.line, p.code) for p in problems] == [(2, "parse"), (5, "parse")]
    assert "line 2" in problems[0].reason and "no text" in problems[1].reason


def test_unclosed_front_matter_is_reported_and_read_as_body():
    docs, problems = read_inputs([str(CASES / "unclosed.md")])
    assert problems[0].code == "parse" and "never closes" in problems[0].reason
    assert segment(docs[0])[0].body.startswith("---\ntitle: never closed")


# ----------------------------------------------------------------- limits
def test_file_size_limit_skips(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Title\n\n" + "word " * 400, encoding="utf-8")
    docs, problems = read_inputs([str(big)], limits=Limits(max_file_bytes=1000))
    assert docs == [] and problems[0].code == "limit" and "limit" in problems[0].reason
    docs, _ = read_inputs([str(big)], limits=Limits(max_file_bytes=10_000))
    assert len(docs) == 1


def test_stdin_size_limit():
    _docs, problems = read_inputs(["-"], stdin=io.BytesIO(b"x" * 50), limits=Limits(max_file_bytes=10))
    assert problems[0].code == "limit"


def test_deep_json_inside_jsonl_line(tmp_path):
    feed = tmp_path / "deep.jsonl"
    feed.write_text('{"title": "ok", "body": "Fine."}\n' + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    docs, problems = read_inputs([str(feed)])
    assert len(segment(docs[0])) == 1
    assert problems[0].code == "limit" and problems[0].line == 2


def test_deep_html_does_not_hang_or_crash(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 40_000 + "<p>Deep text.</p>" + "</div>" * 40_000
                    + "</body></html>", encoding="utf-8")
    start = time.perf_counter()
    docs, problems = read_inputs([str(page)])
    assert time.perf_counter() - start < 5
    assert problems and problems[0].code == "limit"
    assert "Deep text." in segment(docs[0])[0].body


def test_moderately_nested_html_is_parsed(tmp_path):
    page = tmp_path / "nested.html"
    page.write_text("<html><body>" + "<div>" * 500 + "<p>Nested &amp; fine.</p>" + "</div>" * 500
                    + "</body></html>", encoding="utf-8")
    docs, problems = read_inputs([str(page)])
    assert problems == [] and segment(docs[0])[0].body == "Nested & fine."


# ----------------------------------------------------------------- loaders
def test_html_loader_drops_chrome_and_reads_metadata():
    docs, problems = read_inputs([str(CASES / "article.html")])
    assert problems == []
    rec = docs[0].records[0]
    for chrome in ("Markets", "Related", "All rights reserved", "not text", "Read also", "By Mei Chen", "color"):
        assert chrome not in rec.body
    assert rec.title == "Lithium & cobalt: the new squeeze"
    assert rec.outlet == "Global Metals Wire"
    assert rec.published == datetime(2024, 1, 1, 0, 30)      # wall-clock time as printed, offset dropped
    assert rec.url == "https://example.com/lithium-squeeze?ref=canon"
    paragraphs = rec.body.split("\n\n")
    assert paragraphs[1] == "Cobalt" and paragraphs[3] == "First point about refining."
    assert [a.offset for a in rec.anchors] == [rec.body.index(p) for p in paragraphs]
    assert all(not a.counts_newlines for a in rec.anchors)


def test_html_outlet_from_json_ld_and_title_suffix():
    page = (b'<html><head><title>Headline - Harbour Times</title><script type="application/ld+json">'
            b'{"@type": "NewsArticle", "datePublished": "2020-02-02", "publisher": {"name": "Harbour Times"}}'
            b'</script></head><body><p>Body.</p></body></html>')
    doc, _ = load_document("x.html", page)
    rec = doc.records[0]
    assert (rec.title, rec.outlet, rec.published) == ("Headline", "Harbour Times", datetime(2020, 2, 2))


def test_markdown_loader():
    doc, problems = load_document("a.md", (CASES / "article.md").read_bytes())
    rec = doc.records[0]
    assert problems == [] and doc.format == "markdown"
    assert rec.title.startswith("Tokyo") and rec.outlet == "The Supply Chain Ledger"
    assert doc.metadata["tags"] == ["commodities", "industry"] and doc.metadata["author"] == "Kenji Zhang"
    assert not rec.body.startswith("#")


def test_markdown_without_front_matter_or_heading_is_plain_text():
    doc, _ = load_document("a.md", b"Plain title\n\nBy Anna Chen | Global Metals Wire | July 5, 2025\n\nBody.")
    assert doc.records == ()
    art = segment(doc)[0]
    assert art.outlet == "Global Metals Wire" and art.line_of(0) == 5


@pytest.mark.parametrize("key", ["date", "published", "published_on", "publish_date", "pub_date", "posted_at", "datePublished"])
def test_front_matter_date_keys(key):
    doc, _ = load_document("a.md", f"---\ntitle: T\n{key}: 2019-08-07T13:53:00+01:00\n---\n\nBody.".encode())
    assert segment(doc)[0].published == datetime(2019, 8, 7, 13, 53)


def test_json_record_lines():
    doc, _ = load_document("f.json", (CASES / "feed_list.json").read_bytes())
    assert [r.anchors[0].line for r in doc.records] == [2, 8]
    doc, _ = load_document("f.json", (CASES / "feed_items.json").read_bytes())
    assert [r.anchors[0].line for r in doc.records] == [4, 5]


@pytest.mark.parametrize("value, expected", [
    ("2025-07-05 02:33", datetime(2025, 7, 5, 2, 33)),
    ("2023-08-14T17:15:00+00:00", datetime(2023, 8, 14, 17, 15)),
    ("2024-01-01T00:30:00+08:00", datetime(2024, 1, 1, 0, 30)),
    ("2024-01-01T00:30:00Z", datetime(2024, 1, 1, 0, 30)),
    ("2025-07-05", datetime(2025, 7, 5)),
    ("Sat, 05 Jul 2025 02:33:00 +0800", datetime(2025, 7, 5, 2, 33)),
    ("July 5, 2025", datetime(2025, 7, 5)),
    ("Saturday 5 July 2025", datetime(2025, 7, 5)),
    ("Dec. 22, 2021 18:41", datetime(2021, 12, 22, 18, 41)),
    ("2025年7月5日", datetime(2025, 7, 5)),
    ("08.06.2019", datetime(2019, 6, 8)),                  # day first with dots
    ("13/05/2025 10:30", datetime(2025, 5, 13, 10, 30)),   # unambiguous: 13 is the day
    ("05/13/2025", datetime(2025, 5, 13)),
    ("07/05/2025", None),                                  # 7 May or 5 July: not guessed
    ("2025-13-40", None),
    ("soon", None),
    (None, None),
    (True, None),
])
def test_parse_published(value, expected):
    got = parse_published(value)
    assert got == expected
    assert got is None or got.tzinfo is None


def test_html_chrome_classes_are_whole_tokens():
    page = (b'<html><body><article><p class="share-price">Shares rose 5%.</p><div class="related-links">'
            b'<ul><li>Other story</li></ul></div><div class="x related"><p>Rel</p></div><p>End.</p>'
            b'</article></body></html>')
    doc, _ = load_document("x.html", page)
    assert doc.records[0].body == "Shares rose 5%.\n\nEnd."


# ----------------------------------------------------------------- generated corpus
GEN = ROOT.parent / "shared" / "eval" / "gen_corpus.py"   # the evaluation harness next to the project


@pytest.mark.skipif(not GEN.exists(), reason="evaluation harness not available")
def test_generated_corpus_articles_and_lines(tmp_path, monkeypatch):
    """Every file gives the generator's number of articles, and every gold claim sits on its gold line."""
    import json
    import subprocess
    from collections import Counter

    out = tmp_path / "c"
    subprocess.run([sys.executable, str(GEN), "--out", str(out), "--docs", "120", "--seed", "7", "--quiet"],
                   check=True)
    monkeypatch.chdir(out)
    docs, problems = read_inputs(["docs"])
    assert problems == []
    articles = [a for d in docs for a in segment(d)]
    gold = json.loads((out / "gold.json").read_text(encoding="utf-8"))
    by_format = Counter(("digest" if a.multi else "txt") if a.doc_id.endswith(".txt") else a.doc_id.rsplit(".", 1)[1]
                        for a in articles)
    assert dict(by_format) == {k: v for k, v in gold["generator"]["articles_by_format"].items() if v}
    assert all(a.title and a.published for a in articles)
    index = {a.id: a for a in articles}
    for item in gold["discrepancies"] + gold["consistent"]:
        for ev in item["evidence"]:
            art = index[ev["doc"] + (f"#{ev['article']}" if "article" in ev else "")]
            pos = art.body.find(ev["contains"])
            assert pos >= 0 and art.line_of(pos) == ev["line"], ev


def test_a_heading_only_markdown_file_never_points_past_its_last_line():
    from checker.ingest import load_document
    from checker.segment import segment
    doc, _ = load_document("a.md", b"# 0")
    for article in segment(doc):
        assert article.line_of(0) == 1


def test_dateline_with_a_dotted_date_first():
    doc, _ = load_document("a.txt", "Brasilia moves to curb imports\n\n08.06.2019 — Riverside Markets Post\n\nBody.".encode())
    art = segment(doc)[0]
    assert art.published == datetime(2019, 6, 8) and art.outlet == "Riverside Markets Post"
