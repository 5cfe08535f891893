"""The archive's tables, its schema version, and the migrations that bring an older file up to date."""
from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x464C4E54   # "FLNT" in the SQLite header: tells our files from foreign ones
SCHEMA_VERSION = 1

# MIGRATIONS[n] takes a file from version n-1 to n; a new version appends one entry, never edits one.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        # markers: the file text, kept only when it carries factlint: suppression markers
        "CREATE TABLE documents (path TEXT PRIMARY KEY, hash TEXT NOT NULL, format TEXT NOT NULL,"
        " markers TEXT, indexed_at TEXT NOT NULL)",
        "CREATE TABLE articles (id TEXT PRIMARY KEY, doc_path TEXT NOT NULL, idx INTEGER NOT NULL,"
        " hash TEXT NOT NULL, title TEXT, outlet TEXT, published TEXT, url TEXT, multi INTEGER NOT NULL,"
        " chars INTEGER NOT NULL, claims INTEGER NOT NULL)",
        "CREATE INDEX articles_doc ON articles (doc_path)",
        # only the claims that facts or events cite are kept: the rest is never shown as evidence
        "CREATE TABLE claims (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, text TEXT NOT NULL,"
        " start INTEGER NOT NULL, end_ INTEGER NOT NULL, line INTEGER, citations TEXT)",
        "CREATE INDEX claims_article ON claims (article_id)",
        # dated and year (of publication, 0 if unknown) decide which period bucket an undated figure joins
        "CREATE TABLE facts (article_id TEXT NOT NULL, seq INTEGER NOT NULL, claim_id TEXT NOT NULL,"
        " subject TEXT NOT NULL, commodity TEXT NOT NULL, metric TEXT NOT NULL, scope TEXT NOT NULL,"
        " kind TEXT NOT NULL, period TEXT NOT NULL, dated INTEGER NOT NULL, year INTEGER NOT NULL,"
        " extra TEXT NOT NULL, value TEXT NOT NULL)",
        # covers the first pass of a check --against: which periods and years a touched measure has
        "CREATE INDEX facts_key ON facts (subject, commodity, metric, scope, kind, period, dated, year)",
        "CREATE INDEX facts_article ON facts (article_id)",
        "CREATE TABLE events (article_id TEXT NOT NULL, seq INTEGER NOT NULL, claim_id TEXT NOT NULL,"
        " subject TEXT NOT NULL, action TEXT NOT NULL, modality TEXT NOT NULL, extra TEXT NOT NULL,"
        " date TEXT NOT NULL)",
        "CREATE INDEX events_key ON events (subject, action, modality)",
        "CREATE INDEX events_article ON events (article_id)",
    ),
}


def version_of(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the missing migrations in one transaction each; returns the version reached."""
    current = version_of(conn)
    for version in range(current + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")   # the connection is in autocommit mode: DDL needs an explicit transaction
        try:
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return SCHEMA_VERSION
