"""`factlint mentions`: print what the figure layer reads in each record, one JSON line per record."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.cli.app import app


def _records(raw: str, default_id: str, reference: dt.date | None):
    """JSONL records {"id", "text", "reference_date"} when the input is JSONL, else one plain-text record."""
    lines = [ln for ln in raw.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        try:
            for n, ln in enumerate(lines, 1):
                obj = json.loads(ln)
                ref = obj.get("reference_date") or obj.get("published")
                yield (obj.get("id", f"{default_id}#{n}"), obj.get("text", ""),
                       dt.date.fromisoformat(ref[:10]) if ref else reference)
            return
        except (ValueError, AttributeError, TypeError):
            pass
    yield default_id, raw, reference


@app.command("mentions")
def mentions_cmd(
    path: Annotated[str, typer.Argument(help="JSONL of {id, text, reference_date}, or plain text; '-' for stdin.")] = "-",
    reference_date: Annotated[Optional[str], typer.Option("--reference-date", help="Publication date (YYYY-MM-DD) for relative dates.")] = None,
) -> None:
    """Show the numbers, percentages, quantities, money, durations and dates read in each record."""
    from checker.quantities import mentions

    try:
        ref = dt.date.fromisoformat(reference_date) if reference_date else None
    except ValueError:
        typer.echo(f"factlint mentions: --reference-date {reference_date!r} is not YYYY-MM-DD", err=True)
        raise typer.Exit(2)
    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        typer.echo(f"factlint mentions: cannot read {path}: {exc}", err=True)
        raise typer.Exit(2)
    out = sys.stdout
    for rid, text, ref_i in _records(raw, path, ref):
        out.write(json.dumps({"id": rid, "predicted": mentions(text or "", ref_i)}, ensure_ascii=False) + "\n")
