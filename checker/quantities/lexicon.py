"""Finds and loads the rule data (TOML lexicons) of the figure layer, once per process."""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

from checker import trie
from checker.data import DataError, default_rules_dir


class LexiconError(DataError):
    """A rule file is missing or malformed; the message names the file and key."""

    def __init__(self, message: str):
        Exception.__init__(self, message)
        self.path, self.key, self.line = "", None, None

    def __str__(self) -> str:
        return self.args[0]

    def __reduce__(self):
        return (LexiconError, (self.args[0],))


def rules_dir(rules_dir: str | Path | None = None) -> Path:
    """The rules folder: the argument when given, else the packaged one (checker.data decides)."""
    if rules_dir is not None:
        return Path(rules_dir)
    return default_rules_dir()


@functools.lru_cache(maxsize=None)
def load(name: str, directory: str | None = None) -> dict[str, Any]:
    """Parse rules/<name>.toml (cached)."""
    path = rules_dir(directory) / f"{name}.toml"
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise LexiconError(f"{path}: rule file not found") from exc
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not valid TOML: {exc}") from exc


def need(data: dict[str, Any], key: str, kind: type | tuple[type, ...], file: str) -> Any:
    """data[key], checked to be of the given type, or a LexiconError naming file and key."""
    if key not in data:
        raise LexiconError(f"rules/{file}.toml: missing key {key!r}")
    value = data[key]
    if not isinstance(value, kind):
        raise LexiconError(f"rules/{file}.toml: key {key!r} should be {kind}, got {type(value).__name__}")
    return value


def number_map(data: dict[str, Any], key: str, file: str) -> dict[str, float]:
    """A table of surface -> number, validated."""
    table = need(data, key, dict, file)
    for k, v in table.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise LexiconError(f"rules/{file}.toml: [{key}] {k!r} should be a number, got {v!r}")
    return table


def alternation(words: list[str] | set[str] | dict) -> str:
    """A regex alternation of literal words in which the longest surface wins (trie-shaped)."""
    return trie.alternation(words)
