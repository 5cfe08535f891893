"""Markdown report (``--format md``) and the GitHub step summary: a summary, then one card per measure."""
from __future__ import annotations

import re
from typing import Any

from checker.model import Evidence, Finding, Report
from checker.report.common import (SEVERITIES, printable, category_counts, group_by_measure, interval, place, rel_link,
                                   safe_url, scale, severity_counts, sorted_findings, split_claim, summary_line)

CLAIM_WIDTH = 280
BAR_WIDTH = 24
# What GFM (with GitHub's math and tables) reads as syntax inside a line: emphasis, code, links, cells, strike,
# math. "<", ">" and "&" become entities, so no HTML survives; our own <b> marks the figure (robust where ** is not).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")


def md(text: str | None) -> str:
    """Article text as inert Markdown: one line, no HTML, no emphasis, links, tables or math."""
    if not text:
        return ""
    text = printable(text)  # one line; keeps the edge spaces split_claim's parts rely on; no bidi overrides
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def link(label: str, url: str | None) -> str:
    """``[label](url)`` when the URL is safe (already percent-encoded), else the escaped label."""
    return f"[{md(label)}]({url})" if url else md(label)


def bar(e: Evidence, axis: tuple[float, float] | None) -> str:
    """A small text number line: the interval as a run of blocks on a dotted axis."""
    if axis is None or (e.low is None and e.high is None):
        return ""
    a, b = axis
    span = (b - a) or 1.0
    lo = a if e.low is None or e.low == float("-inf") else e.low
    hi = b if e.high is None or e.high == float("inf") else e.high
    i = max(0, min(BAR_WIDTH - 1, int((lo - a) / span * BAR_WIDTH)))
    j = max(i + 1, min(BAR_WIDTH, round((hi - a) / span * BAR_WIDTH)))
    return "`" + "·" * i + "█" * (j - i) + "·" * (BAR_WIDTH - j) + "`"


def claim_cell(e: Evidence) -> str:
    """The claim around its figure, the figure in bold."""
    before, fig, after = split_claim(e, CLAIM_WIDTH)
    return md(before) + (f"<b>{md(fig)}</b>" if fig else "") + md(after)


def finding_block(f: Finding, link_base: str | None) -> list[str]:
    """A finding: severity, code, name, message, then its sources side by side."""
    out = [f"**{f.severity}** `{f.rule}` {md(f.name)}: {md(f.message)}", ""]
    axis = scale([(e.low, e.high) for e in f.evidence])
    cols = ["side", "outlet", "published", "claim", "normalized", "range", "where"]
    if axis is None:
        cols.remove("range")
    out += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for e in f.evidence:
        row = {
            "side": md(e.side) or "—",
            "outlet": link(e.outlet or e.title or "", safe_url(e.url)) if (e.outlet or e.title) else "—",
            "published": md(e.published) or "—",
            "claim": claim_cell(e),
            "normalized": md(interval(e)) or "—",
            "range": bar(e, axis),
            "where": link(place(e), rel_link(e, link_base)),
        }
        out.append("| " + " | ".join(row[c] for c in cols) + " |")
    if f.notes:
        out += [""] + [f"- {md(n)}" for n in f.notes]
    return out + [""]


def summary(report: Report) -> list[str]:
    """The counts an editor reads first."""
    sev = severity_counts(report)
    out = [f"**{summary_line(report)}**", "", "| severity | findings |", "|---|---:|"]
    out += [f"| {s} | {sev[s]} |" for s in SEVERITIES]
    cats = category_counts(report)
    if cats:
        out += ["", "| category | findings |", "|---|---:|"] + [f"| {md(c)} | {n} |" for c, n in cats.items()]
    return out + [""]


def problems(report: Report) -> list[str]:
    """Inputs that could not be read (fully)."""
    if not report.problems:
        return []
    out = ["## Input problems", "", "| path | code | line | reason |", "|---|---|---:|---|"]
    for p in report.problems:
        out.append(f"| {md(p.path)} | {md(p.code)} | {p.line if p.line is not None else ''} | {md(p.reason)} |")
    return out + [""]


def render(report: Report, *, link_base: str | None = None, **_: Any) -> str:
    """The full Markdown report: summary, one section per measure, input problems."""
    out = ["# factlint report", ""] + summary(report)
    if not report.findings:
        out += ["No discrepancies found.", ""]
    for g in group_by_measure(report):
        out += [f"## {md(g.title)}", ""]
        for f in g.findings:
            out += finding_block(f, link_base)
    out += problems(report)
    return "\n".join(out).rstrip("\n") + "\n"


def step_summary(report: Report, *, link_base: str | None = None, limit: int = 100) -> str:
    """A compact summary for ``$GITHUB_STEP_SUMMARY``: counts and one row per finding (at most ``limit``)."""
    out = ["## factlint", ""] + summary(report)
    findings = sorted_findings(report)
    if findings:
        out += ["| severity | rule | message | where |", "|---|---|---|---|"]
        for f in findings[:limit]:
            where = ", ".join(link(place(e), rel_link(e, link_base)) for e in f.evidence[:4])
            if len(f.evidence) > 4:
                where += f", … {len(f.evidence) - 4} more"
            out.append(f"| {f.severity} | `{f.rule}` | {md(f.message)} | {where} |")
        if len(findings) > limit:
            out.append(f"\n… and {len(findings) - limit} more findings.")
        out.append("")
    out += [line.replace("## Input problems", "### Input problems") for line in problems(report)]
    return "\n".join(out).rstrip("\n") + "\n"
