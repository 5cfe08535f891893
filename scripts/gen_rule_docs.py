"""Write docs/rules.md from the rule files (a test fails when the committed page is stale)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.config import Config  # noqa: E402
from checker.engine.catalogue import all_rules  # noqa: E402
from checker.engine.docs import rules_markdown  # noqa: E402

if __name__ == "__main__":
    (ROOT / "docs" / "rules.md").write_text(rules_markdown(all_rules(Config())), encoding="utf-8")
    print("wrote docs/rules.md")
