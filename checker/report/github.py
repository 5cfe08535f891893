"""GitHub Actions workflow commands (``--format github``): one annotation per finding and input problem."""
from __future__ import annotations

from typing import Any

from checker.model import Finding, Report
from checker.report.common import doc_path, place, printable, repo_path, sorted_findings, summary_line

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    """Escape a command's message the way the Actions runner unescapes it."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """Escape a command property value (file, title): also ``:`` and ``,``, which end a property."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: Any) -> str:
    """``::level k=v,...::message`` with each part escaped for its position."""
    kv = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level} {kv}::{escape_data(message)}" if kv else f"::{level}::{escape_data(message)}"


def annotation(f: Finding, root: str | None) -> str:
    """The finding at its first evidence; the message names every other source too."""
    first = f.evidence[0] if f.evidence else None
    # printable(): the runner's log renders ANSI escapes, and bidi overrides would disguise the text.
    lines = [printable(f.message)] + [f"- {printable(place(e))}" + (f" [{printable(e.side)}]" if e.side else "")
                                      + f": {printable(e.text)[:300]}" for e in f.evidence]
    props: dict[str, Any] = {}
    if first is not None:
        props["file"] = repo_path(doc_path(first), root)
        if first.line is not None:
            props["line"] = first.line
    props["title"] = printable(f"{f.rule} {f.name}")
    return command(LEVELS.get(f.severity, "warning"), "\n".join(lines), **props)


def render(report: Report, *, root: str | None = None, **_: Any) -> str:
    """Workflow commands, then a plain summary line (the runner prints non-command lines as they are)."""
    out = [annotation(f, root) for f in sorted_findings(report)]
    out += [command("warning", printable(f"{p.reason} ({p.code})"), file=printable(p.path), line=p.line,
                    title="factlint: input problem")
            for p in report.problems]
    out.append(f"factlint: {summary_line(report)}")
    return "\n".join(out) + "\n"
