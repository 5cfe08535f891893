"""factlint: find where news sources disagree about facts, with evidence."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check"]


def check(paths, config=None):
    """Check articles at ``paths`` and return a :class:`checker.model.Report` (same as the CLI)."""
    from checker.pipeline import check as _check

    return _check(paths, config)
