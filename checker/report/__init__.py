"""Report stage: one renderer module per output format, all fed the same Report.

Renderer modules import their heavy libraries (rich, jinja2, junit_xml) themselves, so
importing this package stays cheap on the CLI's cold path.
"""
from __future__ import annotations

from importlib import import_module

from checker.model import Report

FORMATS = ("text", "json", "md", "html", "sarif", "junit", "github")

_MODULES = {
    "text": "text",
    "json": "json_report",
    "md": "markdown",
    "html": "html",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
}


def render(report: Report, fmt: str, *, color: bool = False, root: str | None = None,
           link_base: str | None = None, width: int | None = None) -> str:
    """Render ``report`` in format ``fmt``.

    ``color``: ANSI colour for ``text`` only. ``root``: the directory SARIF/GitHub/JUnit file
    paths are made relative to (default: the current directory). ``link_base``: the directory
    the md/html report will be read from, so its links to articles resolve (default: current
    directory; pass the ``--output`` file's directory). ``width``: terminal width for ``text``.
    """
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = import_module(f"checker.report.{_MODULES[fmt]}")
    return module.render(report, color=color, root=root, link_base=link_base, width=width)


def github_step_summary(report: Report, *, link_base: str | None = None) -> str:
    """The Markdown appended to ``$GITHUB_STEP_SUMMARY`` by ``--format github``."""
    from checker.report.markdown import step_summary

    return step_summary(report, link_base=link_base)
