"""Inline suppression markers and baselines, so CI fails only on new discrepancies."""
from __future__ import annotations

import json
import re
from pathlib import Path

from checker.data import DataError
from checker.model import Document, Finding

# "factlint: ignore NM01, TM01" on the claim's line or the line above (plain text, or inside
# an HTML/Markdown comment); "factlint: ignore-file NM01" anywhere in the file; no codes = all.
_MARKER = re.compile(r"factlint:\s*(ignore(?:-file)?)\b([ \t]+[A-Z]{1,4}\d{1,3}(?:[ \t]*,[ \t]*[A-Z]{1,4}\d{1,3})*)?")


def markers(doc: Document) -> tuple[dict[int, set[str] | None], set[str] | None, bool]:
    """Per-line markers {line: codes or None (=all)}, file-wide codes, and whether a file-wide 'all' is set."""
    per_line: dict[int, set[str] | None] = {}
    file_codes: set[str] = set()
    file_all = False
    if "factlint:" not in doc.text:
        return per_line, None, False
    for number, line in enumerate(doc.text.split("\n"), start=1):
        for match in _MARKER.finditer(line):
            codes = {c.strip() for c in match.group(2).split(",")} if match.group(2) else None
            if match.group(1) == "ignore-file":
                if codes is None:
                    file_all = True
                else:
                    file_codes |= codes
            else:
                for target in (number, number + 1):
                    current = per_line.get(target, set())
                    per_line[target] = None if codes is None or current is None else current | codes
    return per_line, file_codes or None, file_all


def suppressed(finding: Finding, docs: dict[str, Document], cache: dict) -> bool:
    """A finding is suppressed when any of its evidence claims carries a marker for its code."""
    for item in finding.evidence:
        doc = docs.get(item.path)
        if doc is None:
            continue
        if item.path not in cache:
            cache[item.path] = markers(doc)
        per_line, file_codes, file_all = cache[item.path]
        if file_all or (file_codes and finding.rule in file_codes):
            return True
        if item.line is not None and item.line in per_line:
            codes = per_line[item.line]
            if codes is None or finding.rule in codes:
                return True
    return False


def read_baseline(path: Path) -> set[str]:
    """Fingerprints recorded by --update-baseline."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return set()
    except (OSError, ValueError) as exc:
        raise DataError(path, f"not a factlint baseline: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("fingerprints"), list):
        raise DataError(path, "not a factlint baseline (expected {\"fingerprints\": [...]})", key="fingerprints")
    return {str(f) for f in data["fingerprints"]}


def baseline_text(findings: list[Finding]) -> str:
    """The baseline file for these findings (line-independent fingerprints, sorted)."""
    entries = sorted({f.fingerprint for f in findings})
    return json.dumps({"version": 1, "fingerprints": entries}, indent=2) + "\n"
