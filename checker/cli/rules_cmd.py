"""`factlint rules` lists the rules; `factlint explain CODE` prints one rule's documentation."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.cli.app import app
from checker.cli.common import fail


def _rules(config_path: Path | None, extra: list[Path] | None):
    from checker.config import load_config
    from checker.data import DataError
    from checker.engine.catalogue import all_rules

    try:
        config = load_config(config_path)
        if extra:
            config.extra_rules = [*config.extra_rules, *extra]
        return all_rules(config)
    except DataError as exc:
        fail(str(exc))


@app.command("rules")
def rules_command(
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file.")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra folder of rule files.")] = None,
) -> None:
    """List every rule: code, name, category, kind, severity and summary."""
    from tabulate import tabulate

    rows = [(r.code, r.name, r.category, r.kind, r.severity, r.docs["summary"]) for r in _rules(config, rules)]
    typer.echo(tabulate(rows, headers=["code", "name", "category", "kind", "severity", "summary"], tablefmt="simple", maxcolwidths=[None, None, None, None, None, 60]))


@app.command("explain")
def explain_command(
    code: Annotated[str, typer.Argument(help="Rule code (NM01) or name (share-mismatch).")],
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file.")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra folder of rule files.")] = None,
) -> None:
    """Print one rule's documentation."""
    from checker.engine.docs import explain

    for rule in _rules(config, rules):
        if code.upper() == rule.code or code == rule.name:
            typer.echo(explain(rule))
            return
    fail(f"no rule {code!r}; see `factlint rules`")
