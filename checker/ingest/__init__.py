"""ingest stage: read files, directories, globs and standard input into Documents.

``read_inputs`` never raises: every argument is either read or reported as an InputProblem.
"""
from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from typing import BinaryIO

from checker.ingest.decode import decode
from checker.ingest.html import load_html
from checker.ingest.jsonfeed import load_json, load_jsonl
from checker.ingest.limits import DEFAULT_LIMITS, Limits
from checker.ingest.markdown import load_markdown
from checker.ingest.paths import Source, expand
from checker.ingest.problems import InputError
from checker.ingest.sniff import choose
from checker.ingest.text import load_text
from checker.model import Document, InputProblem

__all__ = ["Limits", "load_document", "read_bytes", "read_inputs", "read_source"]


def _size_mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def read_bytes(src: Source, limits: Limits, stdin: BinaryIO | None) -> bytes:
    """The bytes of one input, refusing files over the size limit."""
    cap = limits.max_file_bytes
    if src.id == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(cap + 1)
    else:
        try:
            info = os.stat(src.id)
        except OSError:
            info = None
        if info is None or not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file", "input")
        size = info.st_size
        if size > cap:
            raise InputError(f"file is {_size_mb(size)}, larger than the {_size_mb(cap)} limit; skipped", "limit")
        with open(src.id, "rb") as fh:
            # read what the file holds (a read of cap+1 bytes would allocate the whole cap first),
            # then whatever it grew by since, up to the cap
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(cap + 1 - len(data))
    if len(data) > cap:
        raise InputError(f"input is larger than the {_size_mb(cap)} limit; skipped", "limit")
    return data


def load_document(doc_id: str, data: bytes, *, encoding: str | None = None,
                  limits: Limits = DEFAULT_LIMITS) -> tuple[Document, list[InputError]]:
    """Decode and parse one input's bytes; raises InputError when nothing usable is in them."""
    if not data.strip():
        raise InputError("empty file", "empty")
    text, used = decode(data, encoding)
    if not text.strip():
        raise InputError("empty file (only whitespace)", "empty")
    fmt = choose(doc_id if doc_id != "-" else "", text)
    if fmt == "html":
        return load_html(doc_id, text, used, limits)
    if fmt == "json":
        return load_json(doc_id, text, used, limits)
    if fmt == "jsonl":
        return load_jsonl(doc_id, text, used, limits)
    if fmt == "markdown":
        return load_markdown(doc_id, text, used)
    return load_text(doc_id, text, used), []


def read_inputs(paths: Sequence[str], *, encoding: str | None = None, limits: Limits | None = None,
                stdin: BinaryIO | None = None) -> tuple[list[Document], list[InputProblem]]:
    """Documents for every readable input, and one problem for each input (or part) that is not."""
    limits = limits or DEFAULT_LIMITS
    docs: list[Document] = []
    problems: list[InputProblem] = []
    try:
        sources = list(expand(paths, limits.max_files))
    except Exception as exc:  # noqa: BLE001 - a listing failure must not lose the whole batch
        return [], [InputProblem(path=", ".join(paths), reason=f"cannot list inputs: {exc}", code="input")]
    for src in sources:
        doc, found = read_source(src, encoding=encoding, limits=limits, stdin=stdin)
        if doc is not None:
            docs.append(doc)
        problems.extend(found)
    return docs, problems


def read_source(src: Source, *, encoding: str | None = None, limits: Limits = DEFAULT_LIMITS,
                stdin: BinaryIO | None = None) -> tuple[Document | None, list[InputProblem]]:
    """One listed input: its Document (or None) and its problems; never raises (parallel workers call it)."""
    if src.error is not None:
        return None, [InputProblem(src.id, src.error, src.code)]
    try:
        data = read_bytes(src, limits, stdin)
        doc, soft = load_document(src.id, data, encoding=encoding, limits=limits)
    except InputError as exc:
        return None, [exc.problem(src.id)]
    except OSError as exc:
        return None, [InputProblem(src.id, f"cannot read: {exc.strerror or exc}", "input")]
    except (RecursionError, MemoryError) as exc:
        return None, [InputProblem(src.id, f"input too complex to read ({type(exc).__name__})", "limit")]
    except Exception as exc:  # noqa: BLE001 - one bad input never stops the batch
        return None, [InputProblem(src.id, f"internal error while reading: {type(exc).__name__}: {exc}", "input")]
    return doc, [p.problem(src.id) for p in soft]
