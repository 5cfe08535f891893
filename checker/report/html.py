"""Self-contained HTML report (``--format html``): summary, then one card per measure with a number line."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from checker.model import Evidence, Finding, Report
from checker.report.common import (SEVERITIES, category_counts, fingerprint, fmt_num, group_by_measure, interval,
                                   place, printable, rel_link, safe_url, scale, severity_counts, split_claim, summary_line)

TEMPLATES = Path(__file__).with_name("templates")
PALETTE = ("#2f6fb0", "#c2571a", "#3d8b3d", "#8a4fb0", "#b03a5b", "#5b6b7a")
X0, X1, ROW, TOP = 16.0, 500.0, 18, 8
CLAIM_WIDTH = 360


def _env():
    """A jinja2 environment that escapes everything: autoescape=True, not select_autoescape()."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def number_line(f: Finding, colors: dict[str, str]) -> dict[str, Any] | None:
    """SVG geometry (numbers and our own labels only) for the evidence intervals of a finding."""
    axis = scale([(e.low, e.high) for e in f.evidence])
    if axis is None:
        return None
    a, b = axis
    span = (b - a) or 1.0

    def x(v: float) -> float:
        return round(X0 + (v - a) / span * (X1 - X0), 1)

    rows = []
    for i, e in enumerate(f.evidence):
        if e.low is None and e.high is None:
            continue
        open_lo = e.low is None or math.isinf(e.low)
        open_hi = e.high is None or math.isinf(e.high)
        lo = X0 if open_lo else x(e.low)
        hi = X1 if open_hi else x(e.high)
        rows.append({"x1": lo, "x2": max(hi, lo + 3), "y": TOP + i * ROW + ROW / 2, "open_lo": open_lo,
                     "open_hi": open_hi, "color": colors.get(e.side or "", PALETTE[-1]), "label": printable(interval(e))})
    axis_y = TOP + len(f.evidence) * ROW + 6
    ticks = [{"x": x(v), "label": fmt_num(v)} for v in _ticks(a, b)]
    return {"rows": rows, "axis_y": axis_y, "height": axis_y + 22, "ticks": ticks, "x0": X0, "x1": X1}


def _ticks(a: float, b: float, n: int = 5) -> list[float]:
    """Round tick values inside (a, b)."""
    raw = (b - a) / n or 1.0
    step = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * step:
            step *= m
            break
    first = math.ceil(a / step) * step
    return [round(first + k * step, 10) for k in range(n + 2) if first + k * step <= b]


def source(e: Evidence, color: str, link_base: str | None) -> dict[str, Any]:
    """One side-by-side column: who said what, when, where, and the normalized interval."""
    before, fig, after = split_claim(e, CLAIM_WIDTH)
    full = " ".join(e.text.split())
    # printable() too: escaping stops markup, not bidi overrides or control characters that garble the page.
    return {"side": printable(e.side), "color": color, "outlet": printable(e.outlet), "title": printable(e.title),
            "url": safe_url(e.url), "published": printable(e.published), "before": printable(before),
            "figure": printable(fig), "after": printable(after),
            "full": printable(full) if len(full) > CLAIM_WIDTH else "", "interval": printable(interval(e)),
            "place": printable(place(e)), "href": rel_link(e, link_base)}


def finding_view(f: Finding, link_base: str | None) -> dict[str, Any]:
    """Template data for one finding."""
    sides = list(dict.fromkeys(e.side or "" for e in f.evidence))
    colors = {s: PALETTE[i % (len(PALETTE) - 1)] for i, s in enumerate(sides)}
    return {"rule": f.rule, "name": f.name, "category": f.category, "severity": f.severity,
            "message": printable(f.message),
            "fingerprint": fingerprint(f), "notes": list(f.notes), "line": number_line(f, colors),
            "sources": [source(e, colors.get(e.side or "", PALETTE[-1]), link_base) for e in f.evidence]}


def render(report: Report, *, link_base: str | None = None, **_: Any) -> str:
    """The whole page; one inline style sheet, no scripts, no external assets."""
    groups = [{"title": printable(g.title), "severity": g.severity,
               "findings": [finding_view(f, link_base) for f in g.findings]}
              for g in group_by_measure(report)]
    return _env().get_template("report.html.j2").render(
        summary=summary_line(report), severities=severity_counts(report), order=SEVERITIES,
        categories=category_counts(report), groups=groups, problems=report.problems, counts=report.counts)
