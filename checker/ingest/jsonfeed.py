"""JSON and JSONL feeds: each record becomes a RawArticle anchored at the line it starts on."""
from __future__ import annotations

import bisect
import json
import re
from collections.abc import Mapping
from typing import Any

from checker.ingest.fields import (BODY_KEYS, ID_KEYS, OUTLET_KEYS, TITLE_KEYS, URL_KEYS,
                                   first_date, first_text, lower_keys)
from checker.ingest.jsondepth import json_depth_exceeds
from checker.ingest.limits import Limits
from checker.ingest.problems import InputError
from checker.model import Document, LineAnchor, RawArticle

LIST_KEYS = ("items", "articles", "data", "entries", "results", "records", "posts", "stories", "documents")


def to_record(obj: Any, line: int, position: int) -> RawArticle | None:
    """A feed record as a RawArticle, or None when it has no text."""
    if not isinstance(obj, Mapping):
        return None
    meta = lower_keys(obj)
    body = first_text(meta, BODY_KEYS)
    if body is None or not body.strip():
        return None
    return RawArticle(
        body=body.replace("\r\n", "\n").strip(),
        anchors=(LineAnchor(0, line, False),),
        title=first_text(meta, TITLE_KEYS),
        outlet=first_text(meta, OUTLET_KEYS),
        published=first_date(meta),
        url=first_text(meta, URL_KEYS),
        record_id=first_text(meta, ID_KEYS),
        position=position,
    )


def _loads(text: str, limits: Limits, line: int = 1) -> Any:
    """json.loads with a depth guard and errors that name the line."""
    if json_depth_exceeds(text, limits.max_json_depth):
        raise InputError(f"JSON nesting deeper than {limits.max_json_depth} levels", "limit", line)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = line + exc.lineno - 1
        raise InputError(f"JSON parse error on line {at}: {exc.msg}", "parse", at) from None
    except RecursionError:
        raise InputError("JSON nesting too deep", "limit", line) from None


def load_jsonl(doc_id: str, text: str, encoding: str, limits: Limits) -> tuple[Document, list[InputError]]:
    """One record per non-blank line; a broken line is a problem, the other lines still count."""
    records: list[RawArticle] = []
    problems: list[InputError] = []
    position = 0
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        position += 1  # broken lines keep their number, so doc#N stays stable when one is fixed
        if position > limits.max_records:
            problems.append(InputError(f"more than {limits.max_records} records; the rest are skipped", "limit", n))
            break
        try:
            obj = _loads(line, limits, n)
        except InputError as exc:
            problems.append(exc)
            continue
        record = to_record(obj, n, position)
        if record is None:
            problems.append(InputError(f"record on line {n} has no text (expected one of: "
                                       f"{', '.join(BODY_KEYS[:4])})", "parse", n))
        else:
            records.append(record)
    if not records and not problems:
        raise InputError("feed has no records", "empty")
    meta = {"multi": True, "records_total": position}
    return Document(doc_id, doc_id, "jsonfeed", text, encoding, meta, tuple(records)), problems


def _element_lines(text: str, start: int) -> list[int]:
    """Start lines of the elements of the JSON array whose '[' is at ``start``."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    decoder = json.JSONDecoder()
    lines: list[int] = []
    i = start + 1
    ws = re.compile(r"[\s,]*")
    while True:
        i = ws.match(text, i).end()
        if i >= len(text) or text[i] == "]":
            return lines
        lines.append(bisect.bisect_left(newlines, i) + 1)
        _, i = decoder.raw_decode(text, i)


def load_json(doc_id: str, text: str, encoding: str, limits: Limits) -> tuple[Document, list[InputError]]:
    """A record, a list of records, or an object with its records under items/articles/data."""
    data = _loads(text, limits)
    multi = True
    key: str | None = None
    if isinstance(data, Mapping):
        lowered = lower_keys(data)
        key = next((k for k in LIST_KEYS if isinstance(lowered.get(k), list)), None)
        if key is not None:
            items = lowered[key]
        else:
            items, multi = [data], False
    elif isinstance(data, list):
        items = data
    else:
        raise InputError("JSON holds no article object (expected an object or a list of objects)", "parse")
    try:
        if not multi:
            lines = [1]
        elif key is None:
            lines = _element_lines(text, text.index("["))
        else:
            m = re.search(r'"' + re.escape(key) + r'"\s*:\s*\[', text, re.IGNORECASE)
            lines = _element_lines(text, m.end() - 1) if m else []
    except (ValueError, RecursionError):
        lines = []
    records: list[RawArticle] = []
    problems: list[InputError] = []
    for pos, obj in enumerate(items[: limits.max_records], start=1):
        line = lines[pos - 1] if pos - 1 < len(lines) else 1
        record = to_record(obj, line, pos)
        if record is None:
            problems.append(InputError(f"record {pos} (line {line}) has no text", "parse", line))
        else:
            records.append(record)
    if len(items) > limits.max_records:
        problems.append(InputError(f"more than {limits.max_records} records; the rest are skipped", "limit"))
    if not records:
        raise InputError(f"JSON holds no article with text ({len(items)} records without a text field)", "empty")
    meta = {"multi": multi, "records_total": len(items)}
    return Document(doc_id, doc_id, "jsonfeed", text, encoding, meta, tuple(records)), problems
