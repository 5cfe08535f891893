"""Lower case that keeps every offset: patterns run on folded text without re.IGNORECASE.

Python's regex engine is several times slower on a case-insensitive alternation than on a plain
one, so the big phrase patterns are compiled lower-case and run on ``fold(text)``; a match's
offsets then index the original text as well.
"""
from __future__ import annotations

import re

# a Chinese character: Chinese words stand in text without the spaces and word boundaries that the
# patterns for Latin words rely on
CJK = re.compile(r"[\u4e00-\u9fff]")

_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})


def fold(text: str) -> str:
    """``text`` in lower case, one character for one (ASCII-only lowering when a character of
    ``text`` would lower to two, e.g. the dotted capital I)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def lower_ascii(text: str) -> str:
    """ASCII letters in lower case only, so offsets stay valid (str.lower can change lengths)."""
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)
