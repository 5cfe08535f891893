"""The speed-ups of the regex layer change no match: trie-shaped word lists and first-character
dispatch are checked against the plain alternations they replace."""
from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import trie
from checker.fold import lower_ascii
from checker.quantities import dates, dispatch, extract

CASES = Path(__file__).parent / "cases" / "quantities"

words = st.lists(st.text(alphabet="abAB .-é", min_size=1, max_size=5), min_size=1, max_size=25)
texts = st.text(alphabet="abAB .-éx", max_size=14)


def _plain(ws: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(ws), key=lambda w: (-len(w), w)))


@settings(max_examples=300, deadline=None)
@given(words, texts, st.sampled_from(["", "(?=[.])", r"(?![a-z])"]), st.booleans())
def test_trie_matches_what_the_longest_first_list_matches(ws, text, tail, caseless):
    flags = re.I if caseless else 0
    plain = re.compile(f"(?:{_plain(ws)}){tail}", flags)
    shaped = re.compile(f"(?:{trie.alternation(ws)}){tail}", flags)
    for pos in range(len(text) + 1):
        a, b = plain.match(text, pos), shaped.match(text, pos)
        assert (a and a.span()) == (b and b.span()), (ws, text, pos)


def test_empty_word_list_matches_nothing():
    assert re.compile(trie.alternation([])).search("anything") is None


def _texts() -> list[str]:
    out = []
    for path in sorted(CASES.glob("*")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                out.append(line)
                continue
            if isinstance(record, dict) and isinstance(record.get("text"), str):
                out.append(record["text"])
    out += ["Q3 2024, 2023年7月, mid-2024, 12/25, 3 years ago, next March", "负3.5万吨 ½ -4.2% 1/3 twenty-one",
            "Ｑ３ ２０２４ … ５０％ 〇 Kelvin \u212a 10K"]
    return out


def _agree(full: re.Pattern, split: dict[str, re.Pattern], text: str) -> None:
    for pos in range(len(text)):
        a = full.match(text, pos)
        b = split[dispatch.char_class(text[pos])].match(text, pos)
        assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), (text, pos)


def test_date_dispatch_agrees_with_the_whole_alternation():
    for text in _texts():
        _agree(dates.pattern(), dates.patterns(), lower_ascii(text))


def test_number_dispatch_agrees_with_the_whole_alternation():
    for text in _texts():
        _agree(extract.master(), extract.masters(), lower_ascii(text))


def test_first_classes_are_conservative():
    assert dispatch.first_classes(r"\d+") == {"digit"}
    assert dispatch.first_classes(r"(?<![a-z])(?:jan|feb)") == {"alpha"}
    assert dispatch.first_classes(r"(?i:k)") == {"alpha", "other"}       # the Kelvin sign folds to k
    assert dispatch.first_classes(r"x?") == set(dispatch.CLASSES)         # can match nothing
    assert dispatch.first_classes(r".") == set(dispatch.CLASSES)
    assert dispatch.first_classes(r"[^a]") == set(dispatch.CLASSES)


def test_the_figure_gate_never_hides_a_figure():
    import datetime as dt

    from checker.quantities import may_hold_figure
    from checker.quantities.numbers import normalize
    reference = dt.date(2025, 7, 5)
    texts = _texts() + ["It lasted a decade.", "Output rose seventeen per cent.", "They met in March.",
                        "Sales doubled last year.", "今年产量增长三成", "a fortnight later", "nothing to see here"]
    for text in texts:
        # the two passes themselves, without the gate in front of them
        if dates.find(normalize(text), reference) or extract.read(text, []):
            assert may_hold_figure(text), text
    assert not may_hold_figure("nothing to see here")


def test_ascii_dispatch_agrees_on_ascii_text():
    for text in _texts():
        lowered = lower_ascii(text)
        if lowered.isascii():
            _agree(dates.pattern(), dates.patterns_ascii(), lowered)
            _agree(extract.master(), extract.masters_ascii(), lowered)


def test_needs_non_ascii_is_conservative():
    assert dispatch.needs_non_ascii("[一二三]+")
    assert dispatch.needs_non_ascii(r"\d+年")
    assert not dispatch.needs_non_ascii(r"\d+(?:年)?")
    assert not dispatch.needs_non_ascii("(?i:ſ)")          # folds to "s"
    assert not dispatch.needs_non_ascii(r"[^a]")
