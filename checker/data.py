"""Finding and reading the data files in rules/: one place, cached, validated with clear errors."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


class DataError(Exception):
    """A rule or lexicon file that cannot be used; names the file and the line or key."""

    def __init__(self, path: str | Path, message: str, key: str | None = None, line: int | None = None):
        self.path = str(path)
        self.key = key
        self.line = line
        self.reason = message
        where = self.path + (f":{line}" if line else "") + (f" [{key}]" if key else "")
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        # Rebuilt from its fields, so it survives the trip back from a worker process (--jobs).
        return (type(self), (self.path, self.reason, self.key, self.line))


def default_rules_dir() -> Path:
    """The packaged rules/ folder (next to the checker package in a checkout or editable install)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "rules", here / "_rules"):
        if candidate.is_dir():
            return candidate
    raise DataError(here.parent / "rules", "the rules folder is missing from this installation")


def read_toml(path: str | Path) -> dict[str, Any]:
    """Parse a TOML file; syntax errors become DataError with the line number."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(path, f"cannot read: {exc.strerror or exc}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DataError(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        line = _line_of(str(exc))
        raise DataError(path, f"malformed TOML: {exc}", line=line) from None


def _line_of(message: str) -> int | None:
    import re

    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


def expect(table: dict, key: str, kind: type | tuple[type, ...], path: str | Path, *, default: Any = ..., where: str = "") -> Any:
    """Fetch ``table[key]`` and check its type, or raise a DataError naming file and key."""
    full = f"{where}.{key}" if where else key
    if key not in table:
        if default is ...:
            raise DataError(path, "missing required key", key=full)
        return default
    value = table[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,))):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise DataError(path, f"expected {names}, got {type(value).__name__}", key=full)
    return value


def expect_str_list(table: dict, key: str, path: str | Path, *, default: Any = ..., where: str = "") -> list[str]:
    """Fetch a list of strings."""
    value = expect(table, key, list, path, default=default, where=where)
    full = f"{where}.{key}" if where else key
    for item in value:
        if not isinstance(item, str):
            raise DataError(path, f"expected a list of strings, found {type(item).__name__}", key=full)
    return value
