"""An optional progress bar on stderr: rich, only for long runs in an interactive terminal."""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

Advance = Callable[[int], None]

MIN_ITEMS = 300       # shorter runs finish before a bar is worth drawing


def _silent(_: int) -> None:
    return None


def wanted(total: int, stream=None) -> bool:
    """A bar only on a terminal, and only when there is enough work to watch."""
    stream = stream if stream is not None else sys.stderr
    isatty = getattr(stream, "isatty", None)
    return total >= MIN_ITEMS and bool(isatty and isatty())


@contextlib.contextmanager
def progress_bar(total: int, label: str, stream=None) -> Iterator[Advance]:
    """Yield ``advance(n)``; draws on stderr (never stdout, where reports go) or does nothing."""
    stream = stream if stream is not None else sys.stderr
    if not wanted(total, stream):
        yield _silent
        return
    # rich is imported here so that quiet runs and `--help` never pay for it
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=stream, stderr=stream is sys.stderr)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)
