"""Helpers every renderer shares: ordering, grouping, counts, numbers, places and safe links.

Only the standard library here: ``checker.report`` is imported on the CLI's cold path.
"""
from __future__ import annotations

import hashlib
import math
import os
import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from checker.model import Evidence, Finding, Report

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
CATEGORIES = ("numeric_conflict", "date_conflict", "stale_temporal", "future_dated", "count_conflict", "arithmetic")


def sort_key(f: Finding) -> tuple:
    """The contract's deterministic order: (category, rule, first evidence doc, line, message)."""
    first = f.evidence[0] if f.evidence else None
    doc = first.doc if first else ""
    line = first.line if first and first.line is not None else 0
    return (f.category, f.rule, doc, line, f.message, fingerprint(f))


def sorted_findings(report: Report) -> list[Finding]:
    """Findings in the contract's order, whatever order the engine produced them in."""
    return sorted(report.findings, key=sort_key)


def fingerprint(f: Finding) -> str:
    """The finding's line-independent fingerprint; derived from rule and claim texts when the engine left it empty."""
    if f.fingerprint:
        return f.fingerprint
    # Lines move when an article is edited; the rule, the files and the claims' words do not.
    parts = [f.rule] + sorted(f"{doc_path(e)}\x1f{' '.join(e.text.split()).casefold()}" for e in f.evidence)
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Group:
    """Findings about one measure (entity, metric, period), shown as one card."""

    title: str
    findings: tuple[Finding, ...]

    @property
    def severity(self) -> str:
        return max((f.severity for f in self.findings), key=lambda s: SEVERITY_RANK.get(s, 0))


def group_by_measure(report: Report) -> list[Group]:
    """Findings grouped by ``Finding.measure`` in order of first appearance; no measure means a card of its own."""
    order: dict[str, list[Finding]] = {}
    for f in sorted_findings(report):
        key = f.measure or f"\x00{fingerprint(f)}"
        order.setdefault(key, []).append(f)
    return [Group(title=k if not k.startswith("\x00") else _untitled(v[0]), findings=tuple(v)) for k, v in order.items()]


def _untitled(f: Finding) -> str:
    """A card title for a finding without a measure: its kind and where it is."""
    where = f" in {f.evidence[0].doc}" if f.evidence else ""
    return f"{f.category.replace('_', ' ')}{where}"


def severity_counts(report: Report) -> dict[str, int]:
    """Findings per severity, every severity present (zeros included)."""
    c = Counter(f.severity for f in report.findings)
    return {s: c.get(s, 0) for s in SEVERITIES}


def category_counts(report: Report) -> dict[str, int]:
    """Findings per category, sorted by category name."""
    c = Counter(f.category for f in report.findings)
    return dict(sorted(c.items()))


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 finding`` / ``2 findings``."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def summary_line(report: Report) -> str:
    """One line for every human format: counts by severity, documents and articles read, problems."""
    sev = severity_counts(report)
    parts = ", ".join(f"{sev[s]} {s}" for s in SEVERITIES)
    line = (f"{plural(len(report.findings), 'finding')} ({parts}) in "
            f"{plural(report.counts.documents, 'document')}, {plural(report.counts.articles, 'article')} read")
    if report.problems:
        line += f"; {plural(len(report.problems), 'input problem')}"
    return line


def finite(x: float | None) -> float | None:
    """The number, or None for a missing, infinite or NaN value (JSON has no inf)."""
    if x is None or math.isinf(x) or math.isnan(x):
        return None
    return float(x)


def fmt_num(x: float) -> str:
    """A short human number: 60, 66.5, 0.25, 1.2e+07 stays readable as 12,000,000."""
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.4g}" if abs(x) < 1e4 else f"{x:,.0f}"


def interval(e: Evidence) -> str:
    """The normalized interval shown to a reader: the engine's label, else built from low/high."""
    if e.value:
        return e.value
    lo, hi = finite(e.low), finite(e.high)
    unit = "%" if e.unit in ("%", "percent") else (f" {e.unit}" if e.unit else "")
    if lo is None and hi is None:
        return ""
    if hi is None:
        return f"≥ {fmt_num(lo)}{unit}"
    if lo is None:
        return f"≤ {fmt_num(hi)}{unit}"
    if lo == hi:
        return f"{fmt_num(lo)}{unit}"
    return f"{fmt_num(lo)}–{fmt_num(hi)}{unit}"


def doc_path(e: Evidence) -> str:
    """The file an evidence item lives in: ``path``, or the doc id before ``#N``."""
    return e.path or e.doc.split("#", 1)[0]


def place(e: Evidence) -> str:
    """``doc:line`` as shown to a reader (doc keeps its ``#N``)."""
    return f"{e.doc}:{e.line}" if e.line is not None else e.doc


def figure_span(e: Evidence) -> tuple[int, int] | None:
    """Offsets of the figure inside the claim text, when the engine gave valid ones."""
    if e.start is None or e.end is None or not (0 <= e.start < e.end <= len(e.text)):
        return None
    return e.start, e.end


def split_claim(e: Evidence, width: int | None = None) -> tuple[str, str, str]:
    """(before, figure, after) of the claim text, cut to about ``width`` characters around the figure."""
    text = " ".join(e.text.split()) if width else e.text
    span = figure_span(e) if not width else _squeezed_span(e)
    if span is None:
        if width and len(text) > width:
            return text[: width - 1].rstrip() + "…", "", ""
        return text, "", ""
    a, b = span
    before, fig, after = text[:a], text[a:b], text[b:]
    if width:
        room = max(0, width - len(fig))
        keep_before = min(len(before), room // 2)
        keep_after = min(len(after), room - keep_before)
        keep_before = min(len(before), room - keep_after)
        if keep_before < len(before):
            before = "…" + before[len(before) - keep_before + 1:] if keep_before else "…"
        if keep_after < len(after):
            after = after[: max(0, keep_after - 1)] + "…"
    return before, fig, after


def _squeezed_span(e: Evidence) -> tuple[int, int] | None:
    """The figure span mapped onto the whitespace-collapsed claim text."""
    span = figure_span(e)
    if span is None:
        return None
    head = " ".join(e.text[: span[0]].split())
    fig = " ".join(e.text[span[0]: span[1]].split())
    if head and e.text[: span[0]][-1:].isspace():
        head += " "
    return len(head), len(head) + len(fig)


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) or relative, percent-encoded so it cannot break out of an attribute or link; else None."""
    if not url:
        return None
    url = url.strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in url):
        return None  # browsers strip tabs/newlines inside schemes ("java\tscript:")
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("", "http", "https"):
        return None
    if not scheme and (url.startswith("//") or ":" in url.split("/", 1)[0]):
        return None  # protocol-relative or a scheme-like first segment
    if scheme and not parts.netloc:
        return None
    # Keep URL syntax; encode quotes, angle brackets, spaces, parentheses, backslashes and pipes.
    return quote(url, safe="/:?#[]@!$&*+,;=%-._~")


def rel_link(e: Evidence, link_base: str | None) -> str | None:
    """A relative link from the report's directory to the evidence's file and line (``path#L10``)."""
    path = doc_path(e)
    if not path or path == "-":
        return None
    base = os.path.abspath(link_base or os.getcwd())
    target = os.path.abspath(path)
    try:
        rel = os.path.relpath(target, base)
    except ValueError:  # another drive on Windows
        return None
    rel = posixpath.join(*rel.split(os.sep))
    anchor = f"#L{e.line}" if e.line is not None else ""
    return quote(rel, safe="/-._~") + anchor


def rel_path(path: str, root: str | None) -> str | None:
    """``path`` as a POSIX path relative to ``root`` (default: cwd), or None when it lies outside."""
    base = os.path.abspath(root or os.getcwd())
    target = os.path.abspath(path)
    if os.path.splitdrive(target)[0] != os.path.splitdrive(base)[0]:
        return None
    rel = os.path.relpath(target, base)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return None
    return posixpath.join(*rel.split(os.sep))


def repo_path(path: str, root: str | None) -> str:
    """The path CI tools expect: repo-relative when under ``root``, else absolute (POSIX separators)."""
    return rel_path(path, root) or os.path.abspath(path).replace(os.sep, "/")


def repo_uri(path: str, root: str | None) -> tuple[str, bool]:
    """(uri, relative?) for SARIF: repo-relative URI reference when under ``root``, else a file:// URI."""
    rel = rel_path(path, root)
    if rel is not None:
        return quote(rel, safe="/-._~"), True
    target = os.path.abspath(path)
    return "file://" + quote(target.replace(os.sep, "/") if target.startswith("/") else "/" + target.replace(os.sep, "/"),
                             safe="/-._~:"), False


def scale(values: list[tuple[float | None, float | None]]) -> tuple[float, float] | None:
    """The axis (min, max) of a number line holding these intervals, with a little margin; None if nothing is finite."""
    pts = [v for lo, hi in values for v in (finite(lo), finite(hi)) if v is not None]
    if not pts:
        return None
    lo, hi = min(pts), max(pts)
    pad = (hi - lo) * 0.15 or abs(hi) * 0.1 or 1.0
    return lo - pad, hi + pad


_CONTROL = {c: (0x2400 + c if c < 32 else 0xFFFD) for c in [*range(32), 127, *range(0x80, 0xA0)]}
_CONTROL[127] = 0x2421
for _c in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
    _CONTROL[_c] = 0xFFFD  # bidi overrides could reorder what a terminal shows (Trojan Source)


def printable(text: str | None) -> str:
    """Text safe for a terminal or CI log: whitespace runs made one space, control and bidi characters visible."""
    if not text:
        return ""
    return re.sub(r"\s+", " ", text).translate(_CONTROL)
