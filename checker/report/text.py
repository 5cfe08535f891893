"""Terminal report (``--format text``): findings grouped by measure, sources side by side, a summary line."""
from __future__ import annotations

from typing import Any

from checker.model import Evidence, Finding, Report
from checker.report.common import (group_by_measure, interval, place, printable, split_claim, summary_line)

DEFAULT_WIDTH = 120
CLAIM_CHARS = 160
SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
COLUMNS = ("side", "outlet", "published", "claim", "normalized", "where")


def _claim_parts(e: Evidence) -> tuple[str, str, str]:
    before, fig, after = split_claim(e, CLAIM_CHARS)
    return printable(before), printable(fig), printable(after)


def _cells(e: Evidence) -> list[str]:
    return [printable(e.side) or "-", printable(e.outlet) or "-", printable(e.published) or "-",
            "", printable(interval(e)) or "-", printable(place(e))]


def _heading(f: Finding) -> str:
    return f"{f.severity} {f.rule} {printable(f.name)}: {printable(f.message)}"


def render_plain(report: Report, width: int) -> str:
    """No colour: tabulate tables, the figure marked «like this»."""
    from tabulate import tabulate

    claim_width = max(30, width - 80)
    out: list[str] = []
    for g in group_by_measure(report):
        out += [printable(g.title), "=" * min(width, len(printable(g.title)))]
        for f in g.findings:
            rows = []
            for e in f.evidence:
                before, fig, after = _claim_parts(e)
                cells = _cells(e)
                cells[3] = f"{before}«{fig}»{after}" if fig else before
                rows.append(cells)
            table = tabulate(rows, headers=COLUMNS, tablefmt="simple",
                             maxcolwidths=[16, 20, 12, claim_width, 16, None], disable_numparse=True)
            out += [_heading(f), *("  " + line for line in table.splitlines()), ""]
    if report.problems:
        rows = [[printable(p.path), p.code, "" if p.line is None else str(p.line), printable(p.reason)]
                for p in report.problems]
        out += ["input problems", *("  " + line for line in tabulate(
            rows, headers=("path", "code", "line", "reason"), tablefmt="simple", disable_numparse=True).splitlines()), ""]
    out.append(summary_line(report))
    return "\n".join(out) + "\n"


def render_color(report: Report, width: int) -> str:
    """Colour: rich tables built from Text objects, so article text is never read as markup."""
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, color_system="standard", width=width, markup=False,
                      highlight=False, emoji=False, legacy_windows=False, soft_wrap=False)
    for g in group_by_measure(report):
        console.print(Text(printable(g.title), style="bold underline"))
        for f in g.findings:
            head = Text()
            head.append(f.severity, style=SEVERITY_STYLE.get(f.severity, "bold"))
            head.append(f" {f.rule} ", style="cyan")
            head.append(printable(f.name), style="dim")
            head.append(": " + printable(f.message))
            console.print(head)
            # Source and place sit under their cells so the claim keeps the width on narrow terminals.
            table = Table(show_edge=False, header_style="bold", pad_edge=False, expand=True)
            table.add_column("side", max_width=16)
            table.add_column("source", max_width=24)
            table.add_column("claim", ratio=1, overflow="fold")
            table.add_column("normalized", max_width=16, style="bold")
            for e in f.evidence:
                before, fig, after = _claim_parts(e)
                claim = Text(before)
                if fig:
                    claim.append(fig, style="bold reverse")
                    claim.append(after)
                claim.append("\n")
                claim.append(printable(place(e)), style="dim")
                cells = _cells(e)
                table.add_row(Text(cells[0]), Text(f"{cells[1]}\n{cells[2]}"), claim, Text(cells[4]))
            console.print(table)
            console.print()
    if report.problems:
        console.print(Text("input problems", style="bold"))
        table = Table("path", "code", "line", "reason", show_edge=False, header_style="bold", pad_edge=False)
        for p in report.problems:
            table.add_row(Text(printable(p.path)), Text(p.code), Text("" if p.line is None else str(p.line)),
                          Text(printable(p.reason)))
        console.print(table)
        console.print()
    sev = Text(summary_line(report), style="bold")
    console.print(sev)
    return buf.getvalue()


def render(report: Report, *, color: bool = False, width: int | None = None, **_: Any) -> str:
    """The terminal report; ``width`` defaults to a fixed 120 columns so files and snapshots are stable."""
    width = width or DEFAULT_WIDTH
    return render_color(report, width) if color else render_plain(report, width)
