"""Choose a loader from the file suffix, and from the content when the suffix is unknown or misleading."""
from __future__ import annotations

import re

_SUFFIX = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|article|main|div|p|meta|title|!--)\b", re.I)


def suffix_format(path: str) -> str | None:
    """The loader a suffix names, or None."""
    lower = path.lower()
    dot = lower.rfind(".")
    return _SUFFIX.get(lower[dot:]) if dot >= 0 else None


def content_format(text: str) -> str:
    """The loader the text itself looks like: json, jsonl, html, markdown or text."""
    head = text.lstrip()[:2048]
    if head.startswith(("{", "[")):
        first, _, rest = head.partition("\n")
        if head.startswith("{") and first.rstrip().endswith("}") and rest.lstrip().startswith("{"):
            return "jsonl"
        return "json"
    if head.startswith("<") and _HTML_START.match(head):
        return "html"
    if text.startswith(("---\n", "+++\n")):
        return "markdown"
    return "text"


def choose(path: str, text: str) -> str:
    """Loader for a file: its suffix unless the content clearly says otherwise."""
    by_suffix = suffix_format(path)
    by_content = content_format(text)
    if by_suffix in (None, "text"):
        # Scrapers save pages and feeds as .txt; plain text never starts with '{' or '<html'.
        # A .txt that opens with '---' is more likely a rule line than front matter.
        return "text" if by_suffix == "text" and by_content == "markdown" else by_content
    if by_suffix == "json" and by_content == "jsonl":
        return "jsonl"
    if by_suffix == "jsonl" and by_content == "json" and not text.lstrip().startswith("{"):
        return "json"
    if by_suffix in ("json", "jsonl") and by_content == "html":
        return "html"
    if by_suffix == "html" and by_content in ("json", "jsonl"):
        return by_content
    return by_suffix
