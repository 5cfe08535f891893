"""Resource limits that keep one hostile input from stalling or crashing a batch."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps applied while reading inputs; every breach becomes an InputProblem, never an exception."""

    max_file_bytes: int = 20_000_000   # larger files are skipped (a truncated JSON or HTML file misleads more than it helps)
    max_json_depth: int = 200          # json.loads recurses; deeper documents are refused before parsing
    max_html_depth: int = 1_000        # deeper pages are read by a flat tag-stripping fallback (lexbor slows down quadratically)
    max_records: int = 100_000         # records taken from one feed file; the rest are reported
    max_files: int = 1_000_000         # files taken from one directory or glob argument


DEFAULT_LIMITS = Limits()
