"""`factlint index`, `factlint archive stats` and `check --against` through the command line."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli.app import app

SHARE = "China's share of global rare earth refining was {} in 2023."


def _article(path: Path, outlet: str, day: int, sentence: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Rare earths\noutlet: {outlet}\ndate: 2024-03-0{day}\n---\n\n{sentence}\n",
                    encoding="utf-8")


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    _article(tmp_path / "old" / "a.md", "Wire A", 1, SHARE.format("85%"))
    _article(tmp_path / "old" / "b.md", "Wire B", 2, SHARE.format("86%"))
    _article(tmp_path / "new" / "c.md", "Wire C", 3, SHARE.format("60%"))
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_index_then_reindex(tree):
    first = run("index", "old", "--db", "a.sqlite")
    assert first.exit_code == 0, first.output
    assert "2 added" in first.stdout
    again = run("index", "old", "--db", "a.sqlite", "--jobs", "2")
    assert again.exit_code == 0 and "2 unchanged; articles: 0 added, 0 replaced" in again.stdout


def test_archive_stats(tree):
    run("index", "old", "--db", "a.sqlite")
    result = run("archive", "stats", "--db", "a.sqlite", "--format", "json")
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert (stats["documents"], stats["articles"], stats["facts"]) == (2, 2, 2)
    text = run("archive", "stats", "--db", "a.sqlite")
    assert "articles" in text.stdout and "Wire A (1)" in text.stdout


def test_check_against_cites_the_archive(tree):
    run("index", "old", "--db", "a.sqlite")
    result = run("check", "new", "--against", "a.sqlite", "--format", "json")
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    docs = sorted(e["doc"] for f in findings for e in f["evidence"])
    assert docs == ["new/c.md", "old/a.md", "old/b.md"]
    archived = next(e for f in findings for e in f["evidence"] if e["doc"] == "old/a.md")
    assert archived["outlet"] == "Wire A" and archived["published"].startswith("2024-03-01")


@pytest.mark.parametrize("content", [b"garbage" * 100, b"SQLite format 3\x00" + b"\x00" * 100])
def test_corrupted_archive_exits_2_with_one_line(tree, content):
    Path("bad.sqlite").write_bytes(content)
    for args in (("check", "new", "--against", "bad.sqlite"), ("archive", "stats", "--db", "bad.sqlite"),
                 ("index", "old", "--db", "bad.sqlite")):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("factlint: error: bad.sqlite: ")
    assert Path("bad.sqlite").read_bytes() == content   # never "repaired" or overwritten


def test_foreign_database_exits_2(tree):
    conn = sqlite3.connect("foreign.db")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    result = run("check", "new", "--against", "foreign.db")
    assert result.exit_code == 2 and "not a factlint archive" in result.stderr


def test_missing_archive_exits_2(tree):
    result = run("check", "new", "--against", "nope.sqlite")
    assert result.exit_code == 2 and "no such archive" in result.stderr
