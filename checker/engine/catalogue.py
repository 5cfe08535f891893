"""Which rules a run uses: the packaged rule files, extra folders, config overrides, select/ignore."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from checker.config import Config
from checker.data import DataError
from checker.engine.kinds import KINDS
from checker.engine.rules import Rule, _check_params, load_rules


def all_rules(config: Config) -> list[Rule]:
    """Every rule file known to this configuration (packaged first, then extra folders)."""
    folders = [config.rules_root / "checks", *config.extra_rules]
    return load_rules([Path(f) for f in folders], KINDS)


def _matches(code: str, patterns: list[str]) -> bool:
    return any(code == p or code.startswith(p) for p in patterns)


def active_rules(config: Config, select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """Rules after per-rule overrides and --select/--ignore (command-line lists extend the config's)."""
    select = (select or []) or config.select
    ignore = [*config.ignore, *(ignore or [])]
    rules = []
    known = {r.code for r in all_rules(config)}
    for code in config.rule_overrides:
        if code not in known:
            raise DataError(config.source or "configuration", f"no rule with code {code!r}", key=f"rules.{code}")
    for rule in all_rules(config):
        override = config.rule_overrides.get(rule.code, {})
        if override:
            params = dict(rule.params)
            if "params" in override:
                params.update(_check_params(Path(config.source or "config"), rule.kind,
                                            {**{k: v for k, v in rule.params.items()}, **override["params"]},
                                            KINDS[rule.kind].PARAMS))
            rule = replace(rule, severity=override.get("severity", rule.severity), params=params,
                           enabled=override.get("enabled", rule.enabled))
        if not rule.enabled:
            continue
        if select and not _matches(rule.code, select) and not _matches(rule.name, select):
            continue
        if _matches(rule.code, ignore) or _matches(rule.name, ignore):
            continue
        rules.append(rule)
    return rules
