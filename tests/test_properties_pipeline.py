"""Property tests: the claim splitter and the whole pipeline never raise on arbitrary text or bytes;
numbers written in the supported styles read back to themselves."""
from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.claims import split_claims
from checker.config import Config
from checker.model import Article, LineAnchor
from checker.pipeline import check
from checker.quantities import extract_figures, extract_quantities

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = st.sampled_from([
    "China accounts for approximately 60% of global rare earth mining.", "nearly 70%", "$37 billion",
    "210,000 tons", "1,5 tonne", "in July 2023", "百分之六十", "五千二百万吨", "近七成", " [1]", "[2][3] - ",
    "Sou Hu Cai Jing· 2025-07-05 02:33", "By Anna Chen | Global Metals Wire | July 5, 2025", "Mr.", "U.S.",
    "e.g.", "。", "！", "?", "\n", "\n\n", "- ", "* ", "1. ", "\u202e", "\x00", "\ufeff", "🙂", "\r\n", "…",
])
TEXTS = st.one_of(st.text(max_size=500), st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join))


def _article(body: str) -> Article:
    return Article(id="a.txt", doc_id="a.txt", index=1, body=body, anchors=(LineAnchor(0, 1, True),))


@FAST
@given(TEXTS)
def test_claim_splitter_never_raises_and_spans_are_in_the_body(body):
    claims = split_claims(_article(body))
    for claim in claims:
        assert claim.text.strip()


@FAST
@given(TEXTS)
def test_figure_extractor_never_raises(text):
    import datetime as dt

    quantities, dates = extract_figures(text, dt.date(2025, 7, 5))
    for q in quantities:
        assert q.low <= q.high


@SLOW
@given(st.lists(TEXTS, min_size=1, max_size=3))
def test_pipeline_never_raises_on_text(texts):
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, text in enumerate(texts):
            path = os.path.join(d, f"{i}.txt")
            with open(path, "w", encoding="utf-8", errors="surrogatepass") as fh:
                fh.write(text)
            paths.append(path)
        report = check(paths, Config())
    assert report.counts.documents + report.counts.skipped == len(texts)


@SLOW
@given(st.binary(max_size=2000))
def test_pipeline_never_raises_on_bytes_from_stdin(data):
    report = check(["-"], Config(), stdin=io.BytesIO(data))
    assert report.counts.documents + report.counts.skipped == 1


# ----------------------------------------------------------------- numbers read back
@FAST
@given(st.integers(min_value=2101, max_value=10**9))
def test_integer_styles_read_back(n):
    for text in (f"output of {n:,} tonnes", f"output of {n} tonnes"):
        got = [q for q in extract_quantities(text) if q.kind not in ("date", "year")]
        assert got and got[0].value == n, (text, got)


@FAST
@given(st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False))
def test_percent_styles_read_back(d):
    for text in (f"a share of {d}%", f"a share of {d} percent", f"a share of {d} per cent"):
        got = [q for q in extract_quantities(text) if q.kind == "percentage"]
        assert len(got) == 1 and abs(got[0].value - float(d)) < 1e-9, (text, got)


@FAST
@given(st.integers(min_value=1, max_value=999), st.sampled_from([("million", 10**6), ("billion", 10**9)]))
def test_scaled_number_styles_read_back(n, scale):
    word, factor = scale
    for text in (f"${n} {word} deal", f"${n}{word[0]} deal" if word != "billion" else f"${n}bn deal"):
        got = [q for q in extract_quantities(text) if q.kind == "currency"]
        assert len(got) == 1 and got[0].value == n * factor, (text, got)
