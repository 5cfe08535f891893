"""Split article bodies into claims: sentences and digest bullets, citation markers kept apart."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import regex

from checker.data import DataError, default_rules_dir, expect, expect_str_list, read_toml
from checker.model import Article, Claim

# A sentence may end at . ! ? (and CJK 。！？) followed by space; quotes/brackets may close it.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|[。！？]+[”’」』)]*")
_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9\u4e00-\u9fff]")


# User patterns run with a time limit (the `regex` module), so a pattern that backtracks
# catastrophically on some text is reported instead of hanging the run.
_PATTERN_SECONDS = 0.5


@dataclass(frozen=True)
class ClaimRules:
    abbreviations: frozenset[str]
    label: regex.Pattern
    citation: regex.Pattern
    citations_run: regex.Pattern
    trailing_citations: regex.Pattern
    bullet_boundary: regex.Pattern
    line_bullet: regex.Pattern
    max_chars: int
    dateline: regex.Pattern = regex.compile(r"(?!)")
    path: str = ""


@functools.lru_cache(maxsize=8)
def load_claim_rules(rules_dir: str | None = None) -> ClaimRules:
    """Read rules/lexicons/claims.toml into compiled patterns."""
    path = Path(rules_dir or default_rules_dir()) / "lexicons" / "claims.toml"
    data = read_toml(path)
    try:
        labels = "|".join(f"(?:{p})" for p in expect_str_list(data, "bullet_labels", path))
        cite = expect(data, "citation", str, path)
        sep = expect(data, "bullet_separator", str, path)
        run = f"(?:\\s*{cite})+"
        return ClaimRules(
            abbreviations=frozenset(expect_str_list(data, "abbreviations", path)),
            label=regex.compile(rf"(?:^|(?<=\s))(?:{labels})\s*[-–—:]\s+"),
            citation=regex.compile(cite),
            citations_run=regex.compile(run),
            trailing_citations=regex.compile(rf"(?:{run})\s*[.;,]?\s*$"),
            # a bullet starts after a run of citation markers followed by a dash separator
            bullet_boundary=regex.compile(rf"(?<=\])\.?{sep}"),
            line_bullet=regex.compile(expect(data, "line_bullet", str, path), regex.M),
            max_chars=expect(data, "max_claim_chars", int, path, default=2000),
            dateline=regex.compile(expect(data, "dateline", str, path, default="(?!)"), regex.M),
            path=str(path),
        )
    except regex.error as exc:
        raise DataError(path, f"bad regular expression: {exc}") from None


def _mask(body: str, rules: ClaimRules) -> tuple[str, list[int]]:
    """Blank out labels, bullet dashes and wire datelines (offsets kept) and list the places where
    claims must cut."""
    blanks: list[tuple[int, int]] = []
    cuts: list[int] = [0, len(body)]
    for key, pattern in (("bullet_labels", rules.label), ("bullet_separator", rules.bullet_boundary),
                         ("line_bullet", rules.line_bullet), ("dateline", rules.dateline)):
        if key == "bullet_separator" and "]" not in body:
            continue            # the separator counts only right after a "]" (see load_claim_rules)
        try:
            # a dateline opens the article: only its first lines are looked at
            end = min(len(body), _DATELINE_REACH) if key == "dateline" else len(body)
            for match in pattern.finditer(body, 0, end, timeout=_PATTERN_SECONDS):
                blanks.append(match.span())
                cuts.append(match.start())
        except TimeoutError:
            raise DataError(rules.path, f"pattern took longer than {_PATTERN_SECONDS}s on one article (catastrophic backtracking?)", key=key) from None
    cuts += [match.start() for match in _NEWLINE.finditer(body)]
    if not blanks:
        return body, sorted(set(cuts))
    chars = list(body)
    for a, b in blanks:
        chars[a:b] = " " * (b - a)
    return "".join(chars), sorted(set(cuts))


_NEWLINE = re.compile(r"\n")
_DATELINE_REACH = 600
_WORD_CHAR = re.compile(r"\w")


def _sentences(body: str, start: int, end: int, rules: ClaimRules) -> list[tuple[int, int]]:
    """Sentence spans inside one piece, skipping abbreviations and decimals."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _END.finditer(body, start, end):
        stop = match.end()
        if body[match.start()] == ".":
            token_start = body.rfind(" ", cursor, match.start()) + 1
            token = body[max(token_start, cursor):match.start() + 1]
            if token in rules.abbreviations and not _ends_after_abbreviation(body, stop, end):
                continue
            if _INITIALS.fullmatch(token):   # initials: "J." or "U.S."
                if not _ends_after_abbreviation(body, stop, end):
                    continue
        if body[match.start()] in ".!?" and not _STARTS_SENTENCE.match(body, stop, end) and stop < end:
            continue
        spans.append((cursor, stop))
        cursor = stop
    if cursor < end:
        spans.append((cursor, end))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while b - a > rules.max_chars:
            cut = body.rfind(" ", a, a + rules.max_chars)
            cut = cut if cut > a else a + rules.max_chars
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_OPENER = re.compile(r"(?:The|This|It|In|But|And|A|An|They|He|She|We|However)\b")


def _ends_after_abbreviation(body: str, stop: int, end: int) -> bool:
    """After "U.S." a sentence ends only when a typical sentence opener follows."""
    rest = body[stop:min(end, stop + 12)].lstrip()
    return bool(_OPENER.match(rest))


def _trim(body: str, a: int, b: int) -> tuple[int, int]:
    while a < b and body[a].isspace():
        a += 1
    while b > a and body[b - 1].isspace():
        b -= 1
    return a, b


def split_claims(article: Article, rules: ClaimRules | None = None) -> list[Claim]:
    """Claims of an article in body order; each keeps its citation markers as provenance."""
    rules = rules or load_claim_rules()
    body = article.body
    masked, cuts = _mask(body, rules)
    # citation markers are looked for claim by claim only in a body that has one
    try:
        cited = rules.citation.search(body, timeout=_PATTERN_SECONDS) is not None
    except TimeoutError:
        raise DataError(rules.path, f"pattern took longer than {_PATTERN_SECONDS}s (catastrophic backtracking?)", key="citation") from None
    claims: list[Claim] = []
    for piece_start, piece_end in zip(cuts, cuts[1:]):
        for a, b in _sentences(masked, piece_start, piece_end, rules):
            a, b = _trim(masked, a, b)
            if b - a < 2:
                continue
            text = body[a:b]
            citations: tuple[str, ...] = ()
            if cited:
                try:
                    citations = tuple(rules.citation.findall(text, timeout=_PATTERN_SECONDS))
                    trailing = rules.trailing_citations.search(text, timeout=_PATTERN_SECONDS) if citations else None
                except TimeoutError:
                    raise DataError(rules.path, f"pattern took longer than {_PATTERN_SECONDS}s (catastrophic backtracking?)", key="citation") from None
                if trailing and trailing.start() > 0:
                    b = a + trailing.start()
                    a, b = _trim(body, a, b)
                    text = body[a:b]
            if not _WORD_CHAR.search(text):
                continue
            claims.append(Claim(
                id=f"{article.id}:{len(claims) + 1}",
                article_id=article.id,
                text=text,
                start=a,
                end=b,
                line=article.line_of(a),
                citations=citations,
            ))
    return claims
