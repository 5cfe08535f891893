"""`factlint index`: ingest, analyse and upsert articles by id and content hash; unchanged ones are skipped."""
from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from checker import __version__
from checker.config import Config
from checker.ingest.limits import DEFAULT_LIMITS
from checker.ingest.paths import Source
from checker.model import InputProblem
from checker.store import codec
from checker.store.db import guard, open_store

COMMIT_EVERY = 500        # documents per transaction: few fsyncs, and an interrupted run keeps its work


@dataclass
class ArticleRows:
    """One analysed article, already turned into rows (in the worker, where the CPU time is spread)."""

    id: str
    article: tuple
    claims: list[tuple]
    facts: list[tuple]
    events: list[tuple]


@dataclass
class DocResult:
    path: str
    problems: list[InputProblem]
    hash: str = ""
    format: str = ""
    markers: str | None = None
    unchanged: bool = False            # same content hash as the archived file: nothing to do
    article_ids: list[str] = field(default_factory=list)
    changed: list[ArticleRows] = field(default_factory=list)


@dataclass
class IndexSummary:
    documents: int = 0
    unchanged_documents: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    problems: list[InputProblem] = field(default_factory=list)


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def extractor_key(config: Config) -> str:
    """What the stored facts depend on besides the text: version, row layout, lexicons (not rule files)."""
    h = hashlib.blake2b(__version__.encode() + codec.dumps(codec.LAYOUT).encode(), digest_size=16)
    root = Path(config.rules_root)
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "checks" not in p.relative_to(root).parts):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def article_hash(article) -> str:
    # anchors are in: the same body on other lines gives claims other line numbers
    return _digest(article.body, article.title, article.outlet, article.published, article.url,
                   article.index, article.multi, article.anchors)


def _file_hash(src: Source, encoding: str | None) -> str:
    """Hash of the file's bytes (and of the encoding asked for); "" when it cannot be read."""
    if src.error is not None or src.id == "-":
        return ""
    try:
        with open(src.id, "rb") as handle:
            data = handle.read(DEFAULT_LIMITS.max_file_bytes + 1)   # an oversized file is refused later anyway
    except OSError:
        return ""   # read_source reports it
    return hashlib.blake2b(data + b"\0" + (encoding or "").encode(), digest_size=16).hexdigest()


def index_source(src: Source, state) -> DocResult:
    """Worker task: read one file and analyse only its new or changed articles."""
    from checker.align.guard import analyse_or_report
    from checker.ingest import read_source
    from checker.segment import segment

    known_docs, known_articles = state.extra
    doc_hash = _file_hash(src, state.encoding)
    if doc_hash and known_docs.get(src.id) == doc_hash:   # before parsing: an unchanged file costs a read and a hash
        return DocResult(src.id, [], doc_hash, unchanged=True)
    doc, problems = read_source(src, encoding=state.encoding)
    if doc is None:
        return DocResult(src.id, problems)
    result = DocResult(doc.id, problems, doc_hash, doc.format, doc.text if "factlint:" in doc.text else None)
    for article in segment(doc, state.segment_rules):
        result.article_ids.append(article.id)
        digest = article_hash(article)
        if known_articles.get(article.id) == digest:
            continue
        analysis, trouble = analyse_or_report(state.analyzer, article)
        result.problems.extend(trouble)
        if analysis is None:
            continue
        cited = {f.claim.id for f in analysis.facts} | {e.claim.id for e in analysis.events}
        result.changed.append(ArticleRows(
            article.id,
            codec.article_row(article, digest, len(analysis.claims)),
            [codec.claim_row(c) for c in analysis.claims if c.id in cited],
            [codec.fact_row(f, i) for i, f in enumerate(analysis.facts)],
            [codec.event_row(e, i) for i, e in enumerate(analysis.events)],
        ))
    return result


def _delete_articles(conn: sqlite3.Connection, ids: Sequence[str]) -> None:
    rows = [(i,) for i in ids]
    for table, column in (("facts", "article_id"), ("events", "article_id"), ("claims", "article_id"), ("articles", "id")):
        conn.executemany(f"DELETE FROM {table} WHERE {column} = ?", rows)


def _write(conn: sqlite3.Connection, result: DocResult, known_articles: dict[str, str], summary: IndexSummary,
           now: str) -> None:
    conn.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
                 (result.path, result.hash, result.format, result.markers, now))
    current = set(result.article_ids)
    gone = [r[0] for r in conn.execute("SELECT id FROM articles WHERE doc_path = ?", (result.path,)) if r[0] not in current]
    _delete_articles(conn, gone)
    summary.removed += len(gone)
    _delete_articles(conn, [a.id for a in result.changed if a.id in known_articles])
    for rows in result.changed:
        if rows.id in known_articles:
            summary.replaced += 1
        else:
            summary.added += 1
        conn.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.article)
        conn.executemany("INSERT OR REPLACE INTO claims VALUES (?, ?, ?, ?, ?, ?, ?)", rows.claims)
        conn.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.facts)
        conn.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows.events)
    summary.unchanged += len(result.article_ids) - len(result.changed)


def index_paths(paths: Sequence[str], config: Config, db_path: str | Path, *, jobs: int = 1,
                force: bool = False, progress: bool = True) -> IndexSummary:
    """Bring the archive at ``db_path`` up to date with ``paths``; returns what changed."""
    from checker.parallel import list_sources, map_sources

    conn = open_store(db_path, create=True)
    summary = IndexSummary()
    sources, summary.problems = list_sources(paths)
    with guard(db_path):
        key = extractor_key(config)
        stored = conn.execute("SELECT value FROM meta WHERE key = 'extractor'").fetchone()
        fresh = force or stored is None or stored[0] != key   # new lexicons or version: extract everything again
        known_docs = {} if fresh else dict(conn.execute("SELECT path, hash FROM documents"))
        known_articles = dict(conn.execute("SELECT id, '' FROM articles" if fresh else "SELECT id, hash FROM articles"))
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        conn.execute("BEGIN IMMEDIATE")
        try:
            pending = 0
            for result in map_sources(sources, config, jobs, index_source, extra=(known_docs, known_articles),
                                      label="indexing"):
                summary.problems.extend(result.problems)
                if not result.hash:
                    continue
                summary.documents += 1
                if result.unchanged:
                    summary.unchanged_documents += 1
                    continue
                _write(conn, result, known_articles, summary, now)
                pending += 1
                if pending >= COMMIT_EVERY:
                    conn.execute("COMMIT")
                    conn.execute("BEGIN IMMEDIATE")
                    pending = 0
            meta = (("extractor", key), ("factlint_version", __version__), ("updated", now),
                    ("layout", codec.dumps(codec.LAYOUT)))
            for name, value in meta:
                conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            conn.close()
    return summary
