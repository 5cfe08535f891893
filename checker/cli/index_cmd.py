"""`factlint index PATHS --db FILE` fills an archive; `factlint archive stats --db FILE` describes one."""
from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.cli.app import app
from checker.cli.common import fail, load_settings

archive_app = typer.Typer(name="archive", help="Inspect an archive made by `factlint index`.", no_args_is_help=True)
app.add_typer(archive_app)

DbOption = Annotated[Path, typer.Option("--db", help="The archive file (SQLite).")]


class StatsFormat(str, enum.Enum):
    text = "text"
    json = "json"


@app.command("index")
def index_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or globs to add to the archive.")],
    db: DbOption,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Worker processes (default: the number of cores).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Extract every article again, changed or not.")] = False,
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file.")] = None,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Read every input with this encoding.")] = None,
) -> None:
    """Extract articles, claims, facts and events once and store them; unchanged articles are skipped."""
    from checker.data import DataError
    from checker.store.index import index_paths

    if "-" in paths:
        fail("index reads files, not standard input: archived articles need a path to cite")
    settings = load_settings(config, encoding=encoding, jobs=jobs)
    try:
        summary = index_paths(paths, settings, db, jobs=settings.jobs, force=force)
    except DataError as exc:
        fail(str(exc))
    for problem in summary.problems:
        typer.echo(f"factlint: skipped {problem.path}: {problem.reason}", err=True)
    typer.echo(f"{db}: {summary.documents} document(s) read, {summary.unchanged_documents} unchanged; "
               f"articles: {summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged, "
               f"{summary.removed} removed; {len(summary.problems)} problem(s)")


@archive_app.command("stats")
def stats_command(
    db: DbOption,
    format: Annotated[StatsFormat, typer.Option("--format", "-f", help="Output format.")] = StatsFormat.text,
) -> None:
    """Say what is in an archive: documents, articles, facts, events, dates, outlets."""
    from checker.data import DataError
    from checker.store.stats import archive_stats

    try:
        stats = archive_stats(db)
    except DataError as exc:
        fail(str(exc))
    if format is StatsFormat.json:
        import json

        typer.echo(json.dumps(stats, indent=2, ensure_ascii=False))
        return
    width = max(len(k) for k in stats)
    for key, value in stats.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        typer.echo(f"{key.replace('_', ' '):<{width}}  {shown}")
