"""One big alternation, split by the class of its first character.

Python's regex engine tries every branch of an alternation at a position, so a pattern of thirty
date forms costs thirty attempts at each candidate.  The branches that can start with a digit are
few; at a digit only they are tried.  Which branches can start with which class is read from the
parsed pattern (conservatively: anything the analysis does not know counts as "any character"),
so the split never changes what matches — it only skips branches that could not.
"""
from __future__ import annotations

import re
from collections.abc import Callable

try:                                   # the parser is internal to ``re``; without it, no split
    from re import _constants as _C
    from re import _parser as _P
except ImportError:                    # pragma: no cover - other Python implementations
    _C = _P = None

CLASSES = ("digit", "alpha", "other")
_ALL = frozenset(CLASSES)


def char_class(c: str) -> str:
    """The dispatch class of one character."""
    if "0" <= c <= "9":
        return "digit"
    if ("a" <= c <= "z") or ("A" <= c <= "Z"):
        return "alpha"
    return "other"


def _range_classes(lo: int, hi: int) -> set[str]:
    out = set()
    if lo <= ord("9") and hi >= ord("0"):
        out.add("digit")
    if (lo <= ord("z") and hi >= ord("a")) or (lo <= ord("Z") and hi >= ord("A")):
        out.add("alpha")
    if lo < ord("0") or hi > ord("z") or (ord("9") < hi and lo < ord("A")) or (ord("Z") < hi and lo < ord("a")):
        out.add("other")
    return out


def _in_classes(items, ignore_case: bool) -> frozenset:
    out: set[str] = set()
    for op, av in items:
        if op is _C.NEGATE:
            return _ALL
        if op is _C.LITERAL:
            out.add(char_class(chr(av)))
        elif op is _C.RANGE:
            out |= _range_classes(*av)
        elif op is _C.CATEGORY and av is _C.CATEGORY_DIGIT:
            out.add("digit")
        elif op is _C.CATEGORY and av is _C.CATEGORY_UNI_DIGIT:
            out |= {"digit", "other"}
        else:
            return _ALL
    if ignore_case and "alpha" in out:
        out.add("other")               # (?i) lets "k" match the Kelvin sign, "s" the long s
    return frozenset(out)


def _first(seq, ignore_case: bool) -> tuple[frozenset, bool]:
    """Classes a sequence can start with, and whether it can match the empty string."""
    acc: set[str] = set()
    for op, av in seq:
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue                   # zero width: the next item decides
        if op is _C.LITERAL:
            got = {char_class(chr(av))}
            if ignore_case and "alpha" in got:
                got.add("other")
            return frozenset(acc | got), False
        if op is _C.IN:
            return frozenset(acc | _in_classes(av, ignore_case)), False
        if op is _C.BRANCH:
            nullable = False
            for alt in av[1]:
                cls, nul = _first(alt, ignore_case)
                acc |= cls
                nullable = nullable or nul
            if not nullable:
                return frozenset(acc), False
            continue
        if op is _C.SUBPATTERN:
            _group, add_flags, _del, sub = av
            cls, nul = _first(sub, ignore_case or bool(add_flags & re.IGNORECASE))
            acc |= cls
            if not nul:
                return frozenset(acc), False
            continue
        if op is _C.ATOMIC_GROUP:
            cls, nul = _first(av, ignore_case)
            acc |= cls
            if not nul:
                return frozenset(acc), False
            continue
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            lo, _hi, sub = av
            cls, nul = _first(sub, ignore_case)
            acc |= cls
            if lo > 0 and not nul:
                return frozenset(acc), False
            continue
        return _ALL, False             # anything else (ANY, NOT_LITERAL, back references): any class
    return frozenset(acc), True


def first_classes(src: str, flags: int = 0) -> frozenset:
    """Classes of character a match of ``src`` can start with (all three when unsure)."""
    if _P is None:
        return _ALL
    try:
        cls, nullable = _first(_P.parse(src, flags), bool(flags & re.IGNORECASE))
    except Exception:                  # an analysis failure only costs speed
        return _ALL
    return _ALL if nullable else cls


def match_at(lowered: str, positions, split_patterns: Callable[[], dict[str, re.Pattern]],
             ascii_patterns: Callable[[], dict[str, re.Pattern]]):
    """Matches of a split alternation at candidate ``positions`` (ascending) of a lowered text:
    leftmost first, none starting inside an earlier one. The patterns are asked for lazily: a run
    that reads only ASCII text never compiles the full set (a tenth of a second at start-up)."""
    patterns = ascii_patterns() if lowered.isascii() else split_patterns()
    end = -1
    for pos in positions:
        if pos < end:
            continue
        m = patterns[char_class(lowered[pos])].match(lowered, pos)
        if m is not None:
            end = m.end()
            yield m


def _caseless(c: str) -> bool:
    return c.lower() == c.upper()


def _needs_non_ascii(seq, ignore_case: bool) -> bool:
    """Must every match of the sequence contain a non-ASCII character? (False when unsure.)"""
    for op, av in seq:
        if op is _C.LITERAL:
            if av > 127 and (not ignore_case or _caseless(chr(av))):
                return True
        elif op is _C.IN:
            members = []
            for iop, iav in av:
                if iop is _C.LITERAL:
                    members.append(iav > 127 and (not ignore_case or _caseless(chr(iav))))
                elif iop is _C.RANGE:
                    members.append(iav[0] > 127 and not ignore_case)
                else:
                    members.append(False)
            if members and all(members):
                return True
        elif op is _C.SUBPATTERN:
            _group, add_flags, _del, sub = av
            if _needs_non_ascii(sub, ignore_case or bool(add_flags & re.IGNORECASE)):
                return True
        elif op is _C.ATOMIC_GROUP:
            if _needs_non_ascii(av, ignore_case):
                return True
        elif op is _C.BRANCH:
            if all(_needs_non_ascii(alt, ignore_case) for alt in av[1]):
                return True
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            lo, _hi, sub = av
            if lo > 0 and _needs_non_ascii(sub, ignore_case):
                return True
    return False


def needs_non_ascii(src: str, flags: int = 0) -> bool:
    """True when no ASCII-only text can match ``src`` (False when the analysis is unsure)."""
    if _P is None:
        return False
    try:
        return _needs_non_ascii(_P.parse(src, flags), bool(flags & re.IGNORECASE))
    except Exception:
        return False


def split(branches: list[tuple[str, str]], wrap: Callable[[str], str], flags: int = 0,
          ascii_only: bool = False) -> dict[str, re.Pattern]:
    """One compiled pattern per first-character class, each holding (in order) the branches
    ``(name, source)`` that can start with that class; ``wrap`` puts the union in its context.
    With ``ascii_only`` the patterns are for ASCII texts: branches that need a non-ASCII
    character (a Chinese numeral, 年) are left out."""
    union = {c: [] for c in CLASSES}
    for name, src in branches:
        if ascii_only and needs_non_ascii(src, flags):
            continue
        for c in first_classes(src, flags):
            union[c].append(f"(?P<{name}>{src})")
    return {c: re.compile(wrap("|".join(alts) or "(?!)"), flags) for c, alts in union.items()}
