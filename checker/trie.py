"""Word lists as trie-shaped regular expressions.

``a|ab|abc`` written longest first is what a list of surfaces needs (the longest surface wins),
but Python's engine then tries every word at every position.  Factored into a trie
(``a(?:b(?:c)?)?``) each branch starts with its own literal character, which the engine rejects
in one comparison, so a thousand-word list costs about as much as its first letters.  The order is
kept: of two words where one is a prefix of the other, the longer is tried first — the only words
that can both match at one position — so the pattern matches exactly what the plain list matched.
"""
from __future__ import annotations

import re
from typing import Iterable

_END = ""


def alternation(words: Iterable[str]) -> str:
    """A regex source matching any of ``words`` (longest first where one is a prefix of another)."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if not unique:
        return "(?!)"
    if _case_variant_siblings(unique):
        # under (?i) two such branches would both match and their order would decide
        return "|".join(re.escape(w) for w in unique)
    trie: dict = {}
    for word in unique:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = True
    return _source(trie)


def phrase_alternation(words: Iterable[str]) -> str:
    """``alternation`` of lower-cased phrases in which a space matches any run of spaces (for re.I)."""
    return alternation({w.lower() for w in words}).replace("\\ ", r"\s+")


def _case_variant_siblings(words: list[str]) -> bool:
    prefixes: dict[str, str] = {}
    for word in words:
        for i, ch in enumerate(word):
            key = word[:i] + "\0" + ch.lower()
            seen = prefixes.setdefault(key, ch)
            if seen != ch:
                return True
    return False


def _source(node: dict) -> str:
    """Regex of a trie node's continuations (the node itself is not an end here)."""
    branches = []
    for ch in sorted(k for k in node if k != _END):
        child = node[ch]
        chain = re.escape(ch)
        # collapse single-child, non-terminal chains: "production" not p(?:r(?:o...
        while len(child) == 1 and _END not in child:
            (nxt, child), = child.items()
            chain += re.escape(nxt)
        rest = [k for k in child if k != _END]
        if not rest:
            branches.append(chain)
        elif _END in child:
            branches.append(f"{chain}(?:{_source(child)})?")
        else:
            branches.append(chain + _source(child))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
