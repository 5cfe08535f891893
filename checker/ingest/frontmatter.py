"""Front matter: '---' YAML-like key/value lines (parsed simply) or '+++' TOML."""
from __future__ import annotations

import re
import tomllib
from typing import Any

from checker.ingest.problems import InputError

_KEY = re.compile(r"^([A-Za-z_][\w.-]*)\s*:\s*(.*)$")


def _scalar(raw: str) -> Any:
    """A YAML-ish scalar: quoted or bare string, list in [..]; no type guessing beyond that."""
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        inner = raw[1:-1].strip()
        if not inner:
            return []
        return [_scalar(p) for p in re.findall(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|[^,]+', inner)]
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        body = raw[1:-1]
        if raw[0] == '"':
            body = re.sub(r'\\(["\\/])', r"\1", body).replace("\\n", "\n").replace("\\t", "\t")
        else:
            body = body.replace("''", "'")
        return body
    if " #" in raw:  # a trailing comment on a bare value
        raw = raw.split(" #", 1)[0].rstrip()
    return raw


def parse_yaml_like(lines: list[str]) -> dict[str, Any]:
    """key: value lines; '- item' lines under an empty key make a list; anything else is ignored."""
    meta: dict[str, Any] = {}
    last: str | None = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _KEY.match(line)
        if m:
            last = m.group(1).lower()
            value = m.group(2)
            meta[last] = _scalar(value) if value.strip() else []
        elif last is not None and line.lstrip().startswith("- ") and isinstance(meta.get(last), list):
            meta[last].append(_scalar(line.lstrip()[2:]))
    return meta


def split_front_matter(text: str) -> tuple[dict[str, Any], int, InputError | None]:
    """(metadata, index of the first body line (0-based), problem) for a Markdown text."""
    lines = text.split("\n")
    fence = lines[0].rstrip() if lines else ""
    if fence not in ("---", "+++"):
        return {}, 0, None
    closers = ("---", "...") if fence == "---" else ("+++",)
    for i in range(1, len(lines)):
        if lines[i].rstrip() in closers:
            block = lines[1:i]
            if fence == "+++":
                try:
                    meta = tomllib.loads("\n".join(block))
                except tomllib.TOMLDecodeError as exc:
                    return {}, i + 1, InputError(f"TOML front matter does not parse: {exc}", "parse", 2)
                return {k.lower(): v for k, v in meta.items()}, i + 1, None
            return parse_yaml_like(block), i + 1, None
    return {}, 0, InputError(f"front matter opened with '{fence}' on line 1 never closes; "
                             "the whole file is read as body", "parse", 1)
