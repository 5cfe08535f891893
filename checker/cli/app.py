"""The factlint command: a thin typer app; each command lives in its own module."""
from __future__ import annotations

import sys

import typer

from checker import __version__

app = typer.Typer(
    name="factlint",
    help="Find where news sources disagree about facts, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factlint {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Find where news sources disagree about facts, with evidence."""


def _register() -> None:
    # Each module adds its command(s); heavy libraries are imported inside the commands.
    from checker.cli import check as _check  # noqa: F401
    for name in ("mentions", "rules_cmd", "index_cmd"):
        try:
            __import__(f"checker.cli.{name}")
        except ModuleNotFoundError as exc:  # a command module not written yet
            if exc.name != f"checker.cli.{name}":
                raise


_register()


def main() -> None:
    """Entry point of the console script; exit 2 on usage errors, never a traceback.

    Set FACTLINT_DEBUG=1 to see the traceback of an internal error.
    """
    import os

    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("factlint: interrupted\n")
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one clear line, exit 2
        if os.environ.get("FACTLINT_DEBUG"):
            raise
        from checker.data import DataError

        kind = "error" if isinstance(exc, DataError) else f"internal error ({type(exc).__name__})"
        sys.stderr.write(f"factlint: {kind}: {exc}\n")
        sys.exit(2)
