"""Configuration as linters do it: factlint.toml or [tool.factlint] in pyproject.toml, found by walking up."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.data import DataError, default_rules_dir, expect, expect_str_list, read_toml
from checker.ingest.limits import DEFAULT_LIMITS, Limits

_KEYS = {"select", "ignore", "extra_rules", "rules", "fail_on", "reference", "baseline", "encoding", "jobs", "tons", "rules_dir",
         "limits"}


@dataclass
class Config:
    """Settings of one run; every field has a default, so Config() is a valid configuration."""

    select: list[str] = field(default_factory=list)       # rule codes or code prefixes; empty = all
    ignore: list[str] = field(default_factory=list)
    extra_rules: list[Path] = field(default_factory=list)  # more folders of rule files
    rule_overrides: dict[str, dict[str, Any]] = field(default_factory=dict)   # code -> {severity, params, enabled}
    fail_on: str = "warning"
    reference: Path | None = None
    baseline: Path | None = None
    encoding: str | None = None
    jobs: int = 1
    rules_dir: Path | None = None                         # replaces the packaged rules/ folder
    limits: Limits = DEFAULT_LIMITS                       # [limits]: input size and shape caps
    source: str | None = None                             # the file the settings came from

    @property
    def rules_root(self) -> Path:
        return self.rules_dir or default_rules_dir()


def find_config_file(start: Path | None = None) -> tuple[Path, bool] | None:
    """The nearest factlint.toml, or pyproject.toml with [tool.factlint], from ``start`` upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "factlint.toml"
        if candidate.is_file():
            return candidate, False
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = read_toml(pyproject)
            except DataError:
                continue
            if "factlint" in data.get("tool", {}):
                return pyproject, True
    return None


def load_config(path: Path | None = None, *, start: Path | None = None) -> Config:
    """Read a configuration file (or the one found by walking up); no file gives the defaults."""
    if path is None:
        found = find_config_file(start)
        if found is None:
            return Config()
        path, nested = found
    else:
        nested = path.name == "pyproject.toml"
    data = read_toml(path)
    if nested:
        data = data.get("tool", {}).get("factlint", {})
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path) -> Config:
    unknown = set(data) - _KEYS
    if unknown:
        raise DataError(path, f"unknown setting(s): {', '.join(sorted(unknown))}", key=sorted(unknown)[0])
    base = path.parent
    config = Config(source=str(path))
    config.select = expect_str_list(data, "select", path, default=[])
    config.ignore = expect_str_list(data, "ignore", path, default=[])
    config.extra_rules = [base / p for p in expect_str_list(data, "extra_rules", path, default=[])]
    fail_on = expect(data, "fail_on", str, path, default="warning")
    if fail_on not in ("error", "warning", "info"):
        raise DataError(path, "fail_on must be error, warning or info", key="fail_on")
    config.fail_on = fail_on
    if "reference" in data:
        config.reference = base / expect(data, "reference", str, path)
    if "baseline" in data:
        config.baseline = base / expect(data, "baseline", str, path)
    if "rules_dir" in data:
        config.rules_dir = base / expect(data, "rules_dir", str, path)
    config.encoding = expect(data, "encoding", str, path, default=None)
    config.jobs = expect(data, "jobs", int, path, default=1)
    config.limits = _limits(expect(data, "limits", dict, path, default={}), path)
    for code, table in expect(data, "rules", dict, path, default={}).items():
        if not isinstance(table, dict):
            raise DataError(path, "expected a table", key=f"rules.{code}")
        extra = set(table) - {"severity", "params", "enabled"}
        if extra:
            raise DataError(path, f"unknown key(s): {', '.join(sorted(extra))}", key=f"rules.{code}")
        if "severity" in table and table["severity"] not in ("error", "warning", "info"):
            raise DataError(path, "severity must be error, warning or info", key=f"rules.{code}.severity")
        config.rule_overrides[code] = table
    return config


def _limits(table: dict[str, Any], path: Path) -> Limits:
    """[limits]: positive integers overriding the ingest caps (max_file_bytes, max_json_depth, ...)."""
    known = set(Limits.__dataclass_fields__)
    unknown = set(table) - known
    if unknown:
        raise DataError(path, f"unknown limit(s): {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}",
                        key=f"limits.{sorted(unknown)[0]}")
    for key, value in table.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise DataError(path, f"must be a positive integer, not {value!r}", key=f"limits.{key}")
    return Limits(**table) if table else DEFAULT_LIMITS
