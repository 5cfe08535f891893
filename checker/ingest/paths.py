"""Expand command-line arguments (files, directories, globs, '-') into input ids in a stable order."""
from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

KNOWN_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: its id (as given or as found), and an error when it cannot be listed."""

    id: str
    error: str | None = None       # a reason this argument yields nothing
    code: str = "input"


def has_known_suffix(name: str) -> bool:
    """True for the suffixes a directory walk picks up."""
    return name.lower().endswith(KNOWN_SUFFIXES)


def _walk(top: str, limit: int) -> list[str]:
    """Known-suffix files under ``top``, sorted, hidden files and folders skipped."""
    found: list[str] = []
    for root, dirs, files in os.walk(top, onerror=None, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and has_known_suffix(name):
                found.append(os.path.join(root, name))
        if len(found) >= limit:
            break
    # Sorted by path components, so a folder's files sit where its name sorts.
    return sorted(found, key=lambda p: p.split(os.sep))[:limit]


def _is_glob(arg: str) -> bool:
    return any(c in _GLOB_CHARS for c in arg)


def expand(args: Sequence[str], max_files: int = 1_000_000) -> Iterator[Source]:
    """Yield every input the arguments name, each once, in argument order then sorted order."""
    seen: set[str] = set()

    def once(src: Source) -> Iterator[Source]:
        if src.error is not None or src.id not in seen:
            seen.add(src.id)
            yield src

    for arg in args:
        if arg == "-":
            yield from once(Source("-"))
        elif os.path.isdir(arg):
            files = _walk(arg, max_files)
            if not files:
                yield Source(arg, error="directory has no articles (no files ending in "
                             + " ".join(KNOWN_SUFFIXES) + ")", code="empty")
            for f in files:
                yield from once(Source(f))
        elif os.path.lexists(arg):
            yield from once(Source(arg))
        elif _is_glob(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            files: list[str] = []
            for m in matches:
                if os.path.isdir(m):
                    files.extend(_walk(m, max_files))
                elif has_known_suffix(m):
                    files.append(m)
            if not files:
                yield Source(arg, error="no files match this pattern", code="missing")
            for f in files[:max_files]:
                yield from once(Source(f))
        else:
            yield Source(arg, error="no such file or directory", code="missing")
