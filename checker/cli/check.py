"""`factlint check PATHS`: the command editors and CI run."""
from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from checker.cli.app import app
from checker.cli.common import fail, load_settings


class Format(str, enum.Enum):
    text = "text"
    json = "json"
    md = "md"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class FailOn(str, enum.Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Color(str, enum.Enum):
    auto = "auto"
    always = "always"
    never = "never"


@app.command("check")
def check_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for standard input.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.text,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report to this file (atomically).")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option("--fail-on", help="Lowest severity that makes the exit code 1 [default: warning].")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Always exit 0 when the check ran.")] = False,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Only these rule codes (or prefixes).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Skip these rule codes (or prefixes).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Configuration file (default: factlint.toml or [tool.factlint] found upwards).")] = None,
    rules: Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra folder of rule files.")] = None,
    reference: Annotated[Optional[Path], typer.Option("--reference", help="Reference table (CSV) for the reference rule.")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Report only findings not in this baseline file.")] = None,
    update_baseline: Annotated[bool, typer.Option("--update-baseline", help="Write the current findings to --baseline and exit 0.")] = False,
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Read every input with this encoding.")] = None,
    color: Annotated[Color, typer.Option("--color", help="Colour in the terminal.")] = Color.auto,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Worker processes (default: the number of cores).")] = None,
    against: Annotated[Optional[Path], typer.Option("--against", help="Also check against this archive (factlint index).")] = None,
    all_findings: Annotated[bool, typer.Option("--all", help="With --against: report archive-only findings too.")] = False,
) -> None:
    """Check articles for discrepancies between sources and print the findings."""
    from checker.cli.output import OutputPathError, exit_code, use_color, write_output
    from checker.data import DataError
    from checker.engine.suppress import baseline_text
    from checker.report import github_step_summary, render

    settings = load_settings(config, rules=rules, reference=reference, baseline=None if update_baseline else baseline,
                             encoding=encoding, jobs=jobs)
    try:
        report = _run(paths, settings, select, ignore, against, all_findings)
    except DataError as exc:
        fail(str(exc))
    if update_baseline:
        if baseline is None:
            fail("--update-baseline needs --baseline FILE")
        try:
            write_output(baseline_text(list(report.findings)), str(baseline))
        except OutputPathError as exc:
            fail(str(exc))
        typer.echo(f"factlint: wrote {len(report.findings)} fingerprint(s) to {baseline}", err=True)
        raise typer.Exit(0)
    fmt = format.value
    colored = fmt == "text" and output is None and use_color(color.value, sys.stdout)
    width = None
    if colored:
        import shutil

        width = shutil.get_terminal_size().columns
    link_base = str(Path(output).parent) if output else None
    text = render(report, fmt, color=colored, root=os.getcwd(), link_base=link_base, width=width)
    if output:
        try:
            write_output(text, output)
        except OutputPathError as exc:
            fail(str(exc))
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary_path:
        with open(summary_path, "a", encoding="utf-8") as handle:
            handle.write(github_step_summary(report))
    raise typer.Exit(exit_code(report, (fail_on.value if fail_on else settings.fail_on), exit_zero))


def _run(paths, settings, select, ignore, against, all_findings):
    if against is not None:
        try:
            from checker.store.against import check_against
        except ModuleNotFoundError:
            fail("--against needs the archive store, which this installation lacks")
        return check_against(paths, settings, against, select=select, ignore=ignore, include_all=all_findings)
    # one job or many, the same path: small batches stay in this process, large ones get a progress bar
    from checker.parallel import check_parallel

    return check_parallel(paths, settings, select=select, ignore=ignore)
