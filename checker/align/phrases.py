"""A case-insensitive phrase matcher over word starts: a trie-shaped scan finds the words that
begin some phrase, dictionary look-ups do the rest."""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker import trie

# a word is a run of letters, digits and underscores (CJK apart); one CJK character is a word
_LATIN_WORD = re.compile(r"[^\W\u4e00-\u9fff]+")


@dataclass(frozen=True, slots=True)
class PhraseHit:
    start: int
    end: int
    kind: str        # which lexicon: metric_noun, metric_verb, commodity, global, ...
    id: str          # the entry id
    surface: str


class PhraseMatcher:
    """Longest phrase at each word start; phrases are matched on lower-cased text."""

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[str, str, str]]] = {}
        self._starts: re.Pattern | None = None

    def _start_pattern(self) -> re.Pattern:
        """Word starts whose word begins some phrase: the scan skips every other word in C."""
        if self._starts is None:
            latin = [w for w in self._by_first if _LATIN_WORD.fullmatch(w)]
            cjk = [w for w in self._by_first if _is_cjk(w[0])]
            # (a Latin word may follow a Chinese character: "公司生产PVC约98万吨")
            self._starts = re.compile(rf"(?<![^\W\u4e00-\u9fff])(?<!['’-])(?P<w>{trie.alternation(latin)})(?![^\W\u4e00-\u9fff])"
                                      rf"|{trie.alternation(cjk)}")
        return self._starts

    def add(self, phrase: str, kind: str, entry_id: str) -> None:
        phrase = phrase.strip().lower()
        if not phrase:
            return
        first = _first_word(phrase)
        self._starts = None
        bucket = self._by_first.setdefault(first, [])
        if (phrase, kind, entry_id) not in bucket:
            bucket.append((phrase, kind, entry_id))
            bucket.sort(key=lambda item: len(item[0]), reverse=True)

    def kinds(self, phrase: str) -> frozenset[str]:
        """The kinds ``phrase`` is entered as ("exports": a metric's noun and its verb)."""
        phrase = phrase.strip().lower()
        return frozenset(kind for entry, kind, _ in self._by_first.get(_first_word(phrase), ()) if entry == phrase)

    def find(self, text: str, lowered: str | None = None) -> list[PhraseHit]:
        """All non-overlapping hits, longest first at each position, in text order."""
        lowered = lowered if lowered is not None else text.lower()
        hits: list[PhraseHit] = []
        cursor = 0
        n = len(lowered)
        by_first = self._by_first
        for match in self._start_pattern().finditer(lowered):
            i = match.start()
            if i < cursor:
                continue
            word = match.group("w")
            cjk = word is None
            bucket = by_first.get(match.group() if cjk else word)
            if not bucket:
                continue
            for phrase, kind, entry_id in bucket:
                if lowered.startswith(phrase, i):
                    end = i + len(phrase)
                    if not cjk and end < n and ((lowered[end].isalnum() and not _is_cjk(lowered[end])) or lowered[end] == "-"):
                        continue
                    hits.append(PhraseHit(i, end, kind, entry_id, text[i:end]))
                    cursor = end
                    break
        return hits


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _first_word(phrase: str) -> str:
    if "\u4e00" <= phrase[0] <= "\u9fff":
        return phrase[0]
    match = re.match(r"[\w]+", phrase)
    return match.group() if match else phrase[:1]
