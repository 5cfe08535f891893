"""Rule documentation generated from the rule files (for `factlint explain` and docs/rules.md)."""
from __future__ import annotations

from checker.engine.rules import Rule


def explain(rule: Rule) -> str:
    """A rule's page as Markdown."""
    params = "\n".join(f"| `{key}` | `{value!r}` |" for key, value in sorted(rule.params.items()))
    lines = [
        f"## {rule.code} `{rule.name}`",
        "",
        f"**Category:** `{rule.category}` · **Kind:** `{rule.kind}` · **Default severity:** `{rule.severity}`",
        "",
        rule.docs["summary"],
        "",
        f"**Why:** {rule.docs['why']}",
        "",
        f"**Fires:** {rule.docs['fires']}",
        "",
        f"**Does not fire:** {rule.docs['passes']}",
        "",
        f"**Message:** `{rule.message}`",
        "",
    ]
    if params:
        lines += ["| parameter | value |", "|---|---|", params, ""]
    return "\n".join(lines)


def rules_markdown(rules: list[Rule]) -> str:
    """docs/rules.md: the index, then one section per rule."""
    head = [
        "# factlint rules",
        "",
        "Generated from the rule files in `rules/checks/` by `python scripts/gen_rule_docs.py`;",
        "a test fails when this page is stale. Each rule file picks a rule *kind* (code) and sets its",
        "severity, message, parameters and these docs (data).",
        "",
        "| code | name | category | kind | severity | summary |",
        "|---|---|---|---|---|---|",
    ]
    head += [f"| {r.code} | `{r.name}` | `{r.category}` | `{r.kind}` | {r.severity} | {r.docs['summary']} |" for r in rules]
    return "\n".join(head) + "\n\n" + "\n".join(explain(r) for r in rules)
