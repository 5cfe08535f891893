"""Helpers every command shares: settings from config and flags, one-line errors with exit 2."""
from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import typer


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error and exit (2: usage, configuration or rule-file error)."""
    typer.echo(f"factlint: error: {message}", err=True)
    raise typer.Exit(code)


def load_settings(config_path: Path | None, *, rules=None, reference=None, baseline=None, encoding=None, jobs=None):
    """The run's Config: the configuration file (given or found upwards), then command-line flags."""
    from checker.config import load_config
    from checker.data import DataError

    try:
        config = load_config(config_path)
    except DataError as exc:
        fail(str(exc))
    if rules:
        config.extra_rules = [*config.extra_rules, *rules]
    if reference is not None:
        config.reference = reference
    if baseline is not None:
        config.baseline = baseline
    if encoding is not None:
        config.encoding = encoding
    if jobs is not None:
        if jobs < 1:
            fail("--jobs must be at least 1")
        config.jobs = jobs
    elif config.source is None or config.jobs == 1:
        config.jobs = os.cpu_count() or 1
    return config
