"""Open an archive file, creating or migrating it, and refuse anything that is not one (exit 2)."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from checker.data import DataError
from checker.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrate, version_of

_HEADER = b"SQLite format 3\x00"


class StoreError(DataError):
    """An archive that cannot be used; a DataError so every command reports it as a usage error."""

    def __init__(self, path: str | Path, message: str):
        super().__init__(path, message)


def _check_header(path: Path) -> bool:
    """True for an SQLite file, False for an empty one; raises for anything else."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_HEADER))
    except OSError as exc:
        raise StoreError(path, f"cannot read the archive: {exc.strerror or exc}") from None
    if not head:
        return False
    if head != _HEADER:
        raise StoreError(path, "not a factlint archive (not an SQLite database)")
    return True


def open_store(path: str | Path, *, create: bool = False) -> sqlite3.Connection:
    """A connection to a valid archive at the current schema version (created when ``create``)."""
    path = Path(path)
    if not path.exists():
        if not create:
            raise StoreError(path, "no such archive (make one with `factlint index PATHS --db FILE`)")
    elif path.is_dir():
        raise StoreError(path, "is a directory, not an archive file")
    elif not _check_header(path) and not create:
        raise StoreError(path, "not a factlint archive (empty file)")
    try:
        conn = sqlite3.connect(os.fspath(path), isolation_level=None)   # transactions are explicit
        return _validate(conn, path, create)
    except sqlite3.DatabaseError as exc:
        raise StoreError(path, f"the archive is corrupted or unreadable ({exc})") from None


def _validate(conn: sqlite3.Connection, path: Path, create: bool) -> sqlite3.Connection:
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app != APPLICATION_ID and (tables or not create):
        conn.close()
        raise StoreError(path, "not a factlint archive (a foreign SQLite database)")
    version = version_of(conn)
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(path, f"archive schema {version} is newer than this factlint understands ({SCHEMA_VERSION})")
    conn.execute("PRAGMA journal_mode = WAL")     # readers (checks) never wait for an indexing run
    conn.execute("PRAGMA synchronous = NORMAL")   # WAL keeps the file consistent; a crash loses the last commit only
    conn.execute("PRAGMA temp_store = MEMORY")
    if version < SCHEMA_VERSION:
        migrate(conn)
    return conn


def guard(path: str | Path):
    """Context manager turning SQLite errors met mid-run into a clear StoreError."""
    import contextlib

    @contextlib.contextmanager
    def _guard():
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise StoreError(path, f"the archive is corrupted or unreadable ({exc})") from None
    return _guard()
