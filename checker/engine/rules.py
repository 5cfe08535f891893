"""Rule files: one TOML file per rule picks a rule kind and sets its severity, message and params."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.data import DataError, expect, read_toml

SEVERITIES = ("error", "warning", "info")
CATEGORIES = ("numeric_conflict", "stale_temporal", "future_dated", "date_conflict", "count_conflict", "arithmetic", "reference")
_KEYS = {"code", "name", "kind", "category", "severity", "message", "params", "docs", "enabled"}
_DOC_KEYS = {"summary", "why", "fires", "passes"}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    category: str
    severity: str
    message: str
    params: dict[str, Any]
    docs: dict[str, str]
    path: str
    enabled: bool = True
    overrides: dict[str, Any] = field(default_factory=dict)

    def param(self, key: str) -> Any:
        return self.params[key]


def _check_params(path: Path, kind: str, params: dict[str, Any], schema: dict[str, tuple[type | tuple, Any]]) -> dict[str, Any]:
    """Fill defaults and check types of a rule's params against its kind's schema."""
    unknown = set(params) - set(schema)
    if unknown:
        raise DataError(path, f"unknown parameter(s) for kind {kind!r}: {', '.join(sorted(unknown))}; known: {', '.join(sorted(schema))}", key="params")
    out: dict[str, Any] = {}
    for key, (kind_type, default) in schema.items():
        if key in params:
            value = params[key]
            if isinstance(kind_type, tuple) and float in kind_type and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if kind_type is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if not isinstance(value, kind_type) or (isinstance(value, bool) and kind_type is not bool):
                expected = kind_type.__name__ if isinstance(kind_type, type) else "/".join(t.__name__ for t in kind_type)
                raise DataError(path, f"expected {expected}, got {type(value).__name__}", key=f"params.{key}")
            out[key] = value
        else:
            out[key] = default
    return out


def load_rule_file(path: Path, kinds: dict[str, Any]) -> Rule:
    """Read and validate one rule file; every problem names the file and the key."""
    data = read_toml(path)
    unknown = set(data) - _KEYS
    if unknown:
        raise DataError(path, f"unknown key(s): {', '.join(sorted(unknown))}", key=sorted(unknown)[0])
    code = expect(data, "code", str, path)
    kind = expect(data, "kind", str, path)
    if kind not in kinds:
        raise DataError(path, f"unknown rule kind {kind!r}; known kinds: {', '.join(sorted(kinds))}", key="kind")
    category = expect(data, "category", str, path)
    if category not in CATEGORIES:
        raise DataError(path, f"unknown category {category!r}; one of {', '.join(CATEGORIES)}", key="category")
    severity = expect(data, "severity", str, path)
    if severity not in SEVERITIES:
        raise DataError(path, f"severity must be one of {', '.join(SEVERITIES)}", key="severity")
    docs = expect(data, "docs", dict, path)
    extra = set(docs) - _DOC_KEYS
    if extra:
        raise DataError(path, f"unknown doc key(s): {', '.join(sorted(extra))}", key="docs." + sorted(extra)[0])
    missing = _DOC_KEYS - set(docs)
    if missing:
        raise DataError(path, f"missing doc key(s): {', '.join(sorted(missing))}", key="docs")
    for key in _DOC_KEYS:
        expect(docs, key, str, path, where="docs")
    params = _check_params(path, kind, expect(data, "params", dict, path, default={}), kinds[kind].PARAMS)
    return Rule(
        code=code,
        name=expect(data, "name", str, path),
        kind=kind,
        category=category,
        severity=severity,
        message=expect(data, "message", str, path),
        params=params,
        docs={k: docs[k] for k in _DOC_KEYS},
        path=str(path),
        enabled=expect(data, "enabled", bool, path, default=True),
    )


def load_rules(folders: list[Path], kinds: dict[str, Any]) -> list[Rule]:
    """All rule files of the folders, in code order; duplicate codes are an error."""
    rules: dict[str, Rule] = {}
    for folder in folders:
        if not folder.is_dir():
            raise DataError(folder, "rule folder does not exist")
        for path in sorted(folder.glob("*.toml")):
            rule = load_rule_file(path, kinds)
            if rule.code in rules:
                raise DataError(path, f"duplicate rule code {rule.code!r} (also in {rules[rule.code].path})", key="code")
            rules[rule.code] = rule
    return [rules[c] for c in sorted(rules)]
