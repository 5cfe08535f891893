"""No module of the package binds one top-level name twice.

A pattern or helper defined again further down a long module silently replaces the first for every
function that uses it, the ones above included (a Chinese-aware comma pattern was once shadowed this way
by an ASCII one of the same name)."""
from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "checker"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _top_level_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names.extend(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.append(node.target.id)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_top_level_name_is_bound_twice(path: Path):
    counts = Counter(_top_level_names(ast.parse(path.read_text(encoding="utf-8"))))
    assert not [name for name, n in counts.items() if n > 1]
