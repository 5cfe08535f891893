"""`factlint archive stats`: what an archive holds."""
from __future__ import annotations

import os
from pathlib import Path


def archive_stats(db_path: str | Path) -> dict[str, object]:
    """Counts, schema version, extractor and dates of the archive at ``db_path``."""
    from checker.store.db import guard, open_store
    from checker.store.schema import version_of

    conn = open_store(db_path)
    try:
        with guard(db_path):
            one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            first, last = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
            outlets = conn.execute("SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL"
                                   " GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 5").fetchall()
            return {
                "path": str(db_path),
                "schema_version": version_of(conn),
                "factlint_version": meta.get("factlint_version", ""),
                "updated": meta.get("updated", ""),
                "documents": one("SELECT count(*) FROM documents"),
                "articles": one("SELECT count(*) FROM articles"),
                "claims": one("SELECT coalesce(sum(claims), 0) FROM articles"),
                "text_mb": round(one("SELECT coalesce(sum(chars), 0) FROM articles") / 1e6, 1),
                "facts": one("SELECT count(*) FROM facts"),
                "events": one("SELECT count(*) FROM events"),
                "fact_groups": one("SELECT count(*) FROM (SELECT DISTINCT subject, commodity, metric, scope, kind FROM facts)"),
                "first_published": first or "",
                "last_published": last or "",
                "top_outlets": [f"{o} ({n})" for o, n in outlets],
                "file_mb": round(os.path.getsize(db_path) / 1e6, 1),
            }
    finally:
        conn.close()
