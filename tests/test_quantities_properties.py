"""Property tests: formatted numbers read back to themselves; no text makes the extractor raise."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from checker.quantities import extract_dates, extract_quantities, mentions

SETTINGS = settings(max_examples=200, deadline=None)


@SETTINGS
@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_integers_read_back(n):
    text = f"The company reported {n:,} widgets."
    got = [q for q in extract_quantities(text) if q.kind == "number"]
    if 1800 <= n <= 2100:
        return                       # a bare year is left to the date reader
    assert len(got) == 1 and got[0].value == n, (text, got)


@SETTINGS
@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_percentages_read_back(d):
    text = f"a share of {d}% last week"
    got = [q for q in extract_quantities(text) if q.kind == "percentage"]
    assert len(got) == 1 and abs(got[0].value - float(d)) <= 1e-9 * max(1, float(d)), (text, got)
    assert got[0].low <= got[0].value <= got[0].high


@SETTINGS
@given(st.floats(min_value=0.01, max_value=9999, allow_nan=False).map(lambda x: round(x, 2)),
       st.sampled_from([("million", 1e6), ("billion", 1e9), ("bn", 1e9), ("trillion", 1e12)]))
def test_money_read_back(x, mag):
    text = f"a deal worth ${x} {mag[0]} was signed"
    got = [q for q in extract_quantities(text) if q.kind == "currency"]
    assert len(got) == 1 and got[0].unit == "USD"
    assert abs(got[0].value - x * mag[1]) <= 1e-6 * x * mag[1]


@SETTINGS
@given(st.text(max_size=300))
def test_no_text_makes_it_raise(text):
    extract_quantities(text)
    extract_dates(text, dt.date(2025, 7, 5))
    mentions(text, None)


@SETTINGS
@given(st.lists(st.sampled_from(["one", "hundred", "and", "a", "half", "thirds", "point", "over", "minus", "-",
                                  "1", "2023", "%", "$", "万", "亿", "百分之", "成", "近", "约", "more than",
                                  "tons", "kt", "Q3", "July", "of", ",", ".", " ", "五", "十", "分之", "e5", "bn"]),
                max_size=30).map("".join))
def test_number_soup_never_raises(text):
    for q in extract_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert q.low <= q.high
    mentions(text, dt.date(2020, 1, 1))
