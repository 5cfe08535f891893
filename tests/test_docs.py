"""docs/rules.md is generated from the rule files and must not go stale."""
from __future__ import annotations

from pathlib import Path

from checker.config import Config
from checker.engine.catalogue import all_rules
from checker.engine.docs import rules_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_rules_page_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(all_rules(Config())), "docs/rules.md is stale: run python scripts/gen_rule_docs.py"


def test_every_rule_is_documented():
    for rule in all_rules(Config()):
        assert all(rule.docs[k].strip() for k in ("summary", "why", "fires", "passes")), rule.code
