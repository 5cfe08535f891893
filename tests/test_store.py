"""The archive: index, re-index by content hash, --against with new-only and --all, bad files."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from checker.config import Config
from checker.pipeline import check
from checker.store.against import check_against
from checker.store.db import StoreError, open_store
from checker.store.index import index_paths
from checker.store.schema import SCHEMA_VERSION
from checker.store.stats import archive_stats

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT.parent / "shared" / "eval" / "gen_corpus.py"   # the evaluation harness next to the project
pytestmark = pytest.mark.skipif(not GEN.exists(), reason="evaluation harness not available")


@pytest.fixture(scope="module")
def split(tmp_path_factory) -> Path:
    """One generated corpus split into an archive part (old/) and a new batch (new/)."""
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(GEN), "--out", str(out), "--docs", "80", "--seed", "5", "--quiet"], check=True)
    files = sorted(p for p in (out / "docs").rglob("*") if p.is_file())
    for i, path in enumerate(files):
        target = out / ("new" if i % 4 == 0 else "old") / path.name
        target.parent.mkdir(exist_ok=True)
        shutil.move(path, target)
    return out


@pytest.fixture
def archive(split, tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(split)   # paths as given, relative, as a user would type them
    db = tmp_path / "archive.sqlite"
    index_paths(["old"], Config(), db)
    return db


def _findings(report) -> list:
    return [(f.rule, f.message, tuple((e.doc, e.line, e.text, e.side) for e in f.evidence)) for f in report.findings]


def test_index_stores_articles_facts_and_events(archive):
    stats = archive_stats(archive)
    report = check(["old"], Config())
    assert stats["schema_version"] == SCHEMA_VERSION
    assert (stats["documents"], stats["articles"]) == (report.counts.documents, report.counts.articles)
    assert (stats["facts"], stats["events"], stats["claims"]) == (report.counts.facts, report.counts.events,
                                                                 report.counts.claims)
    conn = sqlite3.connect(archive)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reindex_unchanged_is_a_no_op(archive):
    before = archive_stats(archive)
    summary = index_paths(["old"], Config(), archive)
    assert summary.unchanged_documents == summary.documents == before["documents"]
    assert (summary.added, summary.replaced, summary.removed) == (0, 0, 0)
    after = archive_stats(archive)
    assert {k: v for k, v in after.items() if k not in ("updated", "file_mb")} == \
        {k: v for k, v in before.items() if k not in ("updated", "file_mb")}


def test_reindex_changed_article_replaces_its_facts(archive, split):
    victim = next(p for p in sorted((split / "old").iterdir()) if p.suffix == ".md")
    original = victim.read_text(encoding="utf-8")
    try:
        victim.write_text(original + "\nChina's share of global rare earth refining was 99% in 2023.\n",
                          encoding="utf-8")
        summary = index_paths(["old"], Config(), archive)
        assert (summary.added, summary.replaced, summary.removed) == (0, 1, 0)
        conn = sqlite3.connect(archive)
        aid = f"old/{victim.name}"
        stored = conn.execute("SELECT count(*) FROM facts WHERE article_id = ?", (aid,)).fetchone()[0]
        fresh = check([aid], Config()).counts.facts
        assert stored == fresh   # the old facts are gone, not duplicated
        assert archive_stats(archive)["facts"] == check(["old"], Config()).counts.facts
    finally:
        victim.write_text(original, encoding="utf-8")


def test_against_reports_what_a_full_check_says_about_the_new_articles(archive):
    full = check(["old", "new"], Config())
    new_ids = {a for f in full.findings for e in f.evidence if (a := e.doc).startswith("new/")}
    expected = [f for f in _findings(full) if any(doc in new_ids for doc, *_ in f[2])]
    report = check_against(["new"], Config(), archive)
    assert _findings(report) == expected
    assert any(any(doc.startswith("old/") for doc, *_ in f[2]) for f in expected)   # the archive mattered
    assert report.counts.articles == check(["new"], Config()).counts.articles


def _article(path: Path, outlet: str, day: int, sentence: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Rare earths\noutlet: {outlet}\ndate: 2024-03-0{day}\n---\n\n{sentence}\n",
                    encoding="utf-8")


def test_against_all_adds_archive_only_findings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    share = "China's share of global rare earth refining was {} in {}."
    _article(tmp_path / "old" / "a.md", "Wire A", 1, share.format("85%", 2023))
    _article(tmp_path / "old" / "b.md", "Wire B", 2, share.format("70%", 2023))
    _article(tmp_path / "new" / "c.md", "Wire C", 3, share.format("60%", 2021))   # same group, other year
    index_paths(["old"], Config(), tmp_path / "a.sqlite")
    new_only = check_against(["new"], Config(), tmp_path / "a.sqlite")
    everything = check_against(["new"], Config(), tmp_path / "a.sqlite", include_all=True)
    assert new_only.findings == ()
    assert [sorted(e.doc for e in f.evidence) for f in everything.findings] == [["old/a.md", "old/b.md"]]


def test_against_all_keeps_every_new_only_finding(archive):
    new_only = set(_findings(check_against(["new"], Config(), archive)))
    everything = _findings(check_against(["new"], Config(), archive, include_all=True))
    assert new_only <= set(everything)
    # a finding about one archived article alone rests on part of it: never reported
    assert all(len({doc for doc, *_ in f[2]}) > 1 for f in everything if f not in new_only)


def test_archived_evidence_cites_path_outlet_and_date(archive):
    report = check_against(["new"], Config(), archive)
    old = [e for f in report.findings for e in f.evidence if e.doc.startswith("old/")]
    assert old and all(e.path.startswith("old/") and e.outlet and e.published and e.line for e in old)


def test_empty_archive_changes_nothing(split, tmp_path, monkeypatch):
    monkeypatch.chdir(split)
    db = tmp_path / "empty.sqlite"
    index_paths([], Config(), db)
    assert _findings(check_against(["new"], Config(), db)) == _findings(check(["new"], Config()))


@pytest.mark.parametrize("content", [b"", b"not a database at all, just text\n" * 20,
                                     b"SQLite format 3\x00" + b"\xff" * 4000])
def test_garbage_files_are_refused(tmp_path, content):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    with pytest.raises(StoreError, match="not a factlint archive|corrupted"):
        open_store(bad)


def test_foreign_database_is_refused_and_left_alone(tmp_path):
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.commit()
    conn.close()
    for create in (False, True):
        with pytest.raises(StoreError, match="foreign"):
            open_store(foreign, create=create)
    assert sqlite3.connect(foreign).execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 1


def test_missing_archive_and_newer_schema_are_refused(tmp_path):
    with pytest.raises(StoreError, match="no such archive"):
        open_store(tmp_path / "nope.sqlite")
    db = tmp_path / "new.sqlite"
    open_store(db, create=True).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db)


def test_older_schema_is_migrated(tmp_path, monkeypatch):
    from checker.store import schema

    db = tmp_path / "old.sqlite"
    open_store(db, create=True).close()
    monkeypatch.setitem(schema.MIGRATIONS, SCHEMA_VERSION + 1, ("CREATE TABLE notes (text TEXT)",))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr("checker.store.db.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    conn = open_store(db)
    assert schema.version_of(conn) == SCHEMA_VERSION + 1
    assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == 0


def test_rows_of_an_older_model_still_load_by_name(archive):
    from checker.store import codec

    conn = open_store(archive)
    row = conn.execute("SELECT subject, commodity, metric, scope, kind, period, dated, extra, value FROM facts"
                       " LIMIT 1").fetchone()
    current = codec.Decoder().fact(row, claim=None, article=None)
    # a model that had an extra field "gone" first, and lacked the last field of Quantity
    layout = {**codec.LAYOUT, "quantity": ["gone", *codec.LAYOUT["quantity"][:-1]]}
    value = json.loads(row[8])
    old_row = (*row[:8], json.dumps(["x", *value[:-1]]))
    older = codec.Decoder(layout).fact(old_row, claim=None, article=None)
    assert older.value.text == current.value.text and older.value.low == current.value.low
