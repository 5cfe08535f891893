"""Segmentation rules (bylines.toml, chrome.toml): loaded, validated and compiled once."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from checker import data

GROUPS = frozenset({"outlet", "date", "author"})
# A quantified group that itself ends in a quantifier, e.g. (a+)+ or (\w*\s?)*: the classic
# catastrophic-backtracking shape.  Refused on load; the match timeout covers what slips through.
_NESTED = regex.compile(r"\((?:[^()\\]|\\.)*[+*}]\)[+*{]|\((?:[^()\\]|\\.)*[+*}]\)\?\+")


class RulesError(data.DataError):
    """A segmentation rule file that is missing, malformed or unsafe; names the file and key.

    A DataError, so the CLI reports it like every other rule-file error (exit 2).
    """


@dataclass(frozen=True, slots=True)
class Pattern:
    """One named byline or dateline regex."""

    name: str
    rx: Any  # regex.Pattern
    path: str = ""  # the rule file and key it came from, for the error when it times out
    key: str = ""


@dataclass(frozen=True, slots=True)
class SegmentRules:
    """Everything segment() needs to read plain-text pages."""

    digest: tuple[Pattern, ...]
    datelines: tuple[Pattern, ...]
    chrome_lines: frozenset[str]
    max_keyword_chars: int = 12
    max_keyword_words: int = 3
    min_body_chars: int = 40
    max_line_chars: int = 300
    dateline_window: int = 4
    max_title_chars: int = 200
    max_dateline_chars: int = 160
    match_timeout: float = 0.05


def default_rules_dir() -> Path:
    """The packaged rules/ folder, as checker.data finds it."""
    return data.default_rules_dir()


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise RulesError(path, "rule file not found")
    try:
        return data.read_toml(path)
    except data.DataError as exc:
        raise RulesError(path, str(exc).split(": ", 1)[-1], line=exc.line) from None


def _int(path: Path, table: dict[str, Any], key: str, where: str, default: int | float) -> Any:
    value = table.get(key, default)
    kind = float if isinstance(default, float) else int
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0 or \
            (kind is int and not isinstance(value, int)):
        raise RulesError(path, f"must be a positive {kind.__name__}, not {value!r}", f"{where}.{key}")
    return value


def compile_pattern(path: Path, where: str, source: Any, need_date: bool = True) -> Any:
    """Compile a user regex, refusing syntax errors, unknown groups and nested quantifiers."""
    if not isinstance(source, str) or not source:
        raise RulesError(path, "pattern must be a non-empty string", f"{where}.pattern")
    if _NESTED.search(source):
        raise RulesError(path, "pattern has a nested quantifier (like (a+)+) that can backtrack "
                         "catastrophically; rewrite it without one", f"{where}.pattern")
    try:
        rx = regex.compile(source, regex.V0)
    except regex.error as exc:
        raise RulesError(path, f"pattern does not compile: {exc}", f"{where}.pattern") from None
    unknown = set(rx.groupindex) - GROUPS
    if unknown:
        raise RulesError(path, f"pattern has unknown group(s) {sorted(unknown)}; allowed: {sorted(GROUPS)}",
                         f"{where}.pattern")
    if need_date and "date" not in rx.groupindex:
        raise RulesError(path, "pattern needs a (?P<date>...) group", f"{where}.pattern")
    return rx


def _patterns(path: Path, data: dict[str, Any], key: str) -> tuple[Pattern, ...]:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise RulesError(path, "must be an array of tables ([[...]])", key)
    out = []
    for i, item in enumerate(items):
        where = f"{key}[{i}]"
        if not isinstance(item, dict):
            raise RulesError(path, "must be a table with name and pattern", where)
        extra = set(item) - {"name", "pattern"}
        if extra:
            raise RulesError(path, f"unknown key(s) {sorted(extra)}", where)
        name = item.get("name", f"{key}-{i + 1}")
        out.append(Pattern(str(name), compile_pattern(path, where, item.get("pattern")), str(path), f"{where}.pattern"))
    return tuple(out)


def parse_rules(bylines_path: Path, chrome_path: Path) -> SegmentRules:
    """Validate and compile the two rule files."""
    by = _read(bylines_path)
    ch = _read(chrome_path)
    extra = set(by) - {"settings", "digest", "dateline"}
    if extra:
        raise RulesError(bylines_path, f"unknown key(s) {sorted(extra)}; expected settings, digest, dateline")
    s = by.get("settings", {})
    if not isinstance(s, dict):
        raise RulesError(bylines_path, "must be a table", "settings")
    lines = ch.get("lines", [])
    if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
        raise RulesError(chrome_path, "must be a list of strings", "lines")
    header, layout = ch.get("header", {}), ch.get("layout", {})
    return SegmentRules(
        digest=_patterns(bylines_path, by, "digest"),
        datelines=_patterns(bylines_path, by, "dateline"),
        chrome_lines=frozenset(x.strip().casefold() for x in lines),
        max_keyword_chars=_int(chrome_path, header, "max_keyword_chars", "header", 12),
        max_keyword_words=_int(chrome_path, header, "max_keyword_words", "header", 3),
        min_body_chars=_int(chrome_path, layout, "min_body_chars", "layout", 40),
        max_line_chars=_int(bylines_path, s, "max_line_chars", "settings", 300),
        dateline_window=_int(bylines_path, s, "dateline_window", "settings", 4),
        max_title_chars=_int(bylines_path, s, "max_title_chars", "settings", 200),
        max_dateline_chars=_int(bylines_path, s, "max_dateline_chars", "settings", 160),
        match_timeout=_int(bylines_path, s, "match_timeout", "settings", 0.05),
    )


@functools.lru_cache(maxsize=8)
def _cached(rules_dir: str) -> SegmentRules:
    base = Path(rules_dir)
    return parse_rules(base / "bylines.toml", base / "chrome.toml")


@functools.lru_cache(maxsize=1)
def _default_dir() -> str:
    return str(default_rules_dir())


def load_segment_rules(rules_dir: Path | None = None) -> SegmentRules:
    """SegmentRules from ``rules_dir`` (default: the packaged rules/), cached per folder."""
    return _cached(_default_dir() if rules_dir is None else str(Path(rules_dir).resolve()))


def match(pattern: Pattern, line: str, timeout: float) -> Any:
    """pattern.rx.search with a timeout; a pattern that times out is a rule-file error (exit 2), not a hang.

    A pattern that takes longer than ``timeout`` on one short line backtracks catastrophically; letting it
    fail silently would cost the timeout on every line of every input and hide the problem.
    """
    try:
        return pattern.rx.search(line, timeout=timeout)
    except TimeoutError:
        raise RulesError(pattern.path or "bylines.toml",
                         f"pattern {pattern.name!r} took more than {timeout} s on a {len(line)}-character line "
                         "(catastrophic backtracking); rewrite it", pattern.key or None) from None
