"""Property tests: loaders and the segmenter never raise, whatever the input."""
from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.ingest import load_document, read_inputs
from checker.ingest.dates import parse_published
from checker.ingest.problems import InputError
from checker.model import Document
from checker.segment import segment

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.unknown", "-"])

# Lines that look like the parts of real pages, so the digest and dateline paths are exercised.
LINES = st.one_of(
    st.sampled_from(["Workflow", "icon", "Search documents", "稀土联盟", "", "---", "+++", "# Title",
                     "Sou Hu Cai Jing· 2025-07-05 02:33", "Jin Qiao Finance·2022-08-07 19:51",
                     "By Anna Chen | Global Metals Wire | July 5, 2025", "Published: 2025-07-05 02:33",
                     "Meridian Business Daily — 20 November 2024", "title: x", "date: 2020-02-30",
                     "<p>para</p>", "{\"body\": \"x\"}", "Group 1 - A bullet [1] - Another [2]"]),
    st.text(max_size=80),
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(LINES, max_size=20).map("\n".join))


def _check_articles(doc: Document) -> None:
    articles = segment(doc)
    n_lines = doc.text.count("\n") + 1
    for art in articles:
        assert art.doc_id == doc.id and art.id.startswith(doc.id)
        assert art.published is None or art.published.tzinfo is None
        for offset in (0, len(art.body) // 2, len(art.body)):
            line = art.line_of(offset)
            assert line is None or 1 <= line <= max(n_lines, 1)


@SETTINGS
@given(name=NAMES, data=st.binary(max_size=600))
def test_load_document_never_raises_on_bytes(name, data):
    try:
        doc, problems = load_document(name, data)
    except InputError:
        return
    assert all(isinstance(p, InputError) for p in problems)
    _check_articles(doc)


@SETTINGS
@given(name=NAMES, text=TEXTS)
def test_load_and_segment_never_raise_on_text(name, text):
    try:
        doc, _problems = load_document(name, text.encode("utf-8"))
    except InputError:
        return
    _check_articles(doc)


@SETTINGS
@given(text=TEXTS)
def test_segment_plain_text_never_raises(text):
    doc = Document(id="p.txt", path="p.txt", format="text", text=text)
    _check_articles(doc)
    for art in segment(doc):
        assert art.body in text  # bodies are slices of the file, never rewritten


@SETTINGS
@given(data=st.binary(max_size=300))
def test_read_inputs_never_raises_on_stdin(data):
    docs, problems = read_inputs(["-"], stdin=io.BytesIO(data))
    assert len(docs) + len(problems) >= 1


@SETTINGS
@given(value=st.one_of(st.text(max_size=60), st.integers(), st.floats(allow_nan=True), st.none()))
def test_parse_published_never_raises(value):
    got = parse_published(value)
    assert got is None or got.tzinfo is None
