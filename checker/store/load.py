"""Load from the archive only the fact and event groups a new batch touches, as model objects."""
from __future__ import annotations

import contextlib
import gc
import json
import sqlite3
from collections import defaultdict
from datetime import datetime
from types import SimpleNamespace

from checker.align import ArticleAnalysis
from checker.model import Article, Claim, Document, Fact
from checker.store import codec

_FACT_KEY = ("subject", "commodity", "metric", "scope", "kind")
_NAME_THRESHOLD = 94.0    # NameCanon's: archive spellings the batch would merge with its own names


def _name_variants(conn: sqlite3.Connection, subjects: set[str]) -> dict[str, set[str]]:
    """Archived subjects that alignment would unify with each new "name:" subject (same block, near spelling)."""
    from rapidfuzz import fuzz, process

    variants = {s: {s} for s in subjects}
    blocks: dict[str, list[str]] = defaultdict(list)
    for subject in subjects:
        if subject.startswith("name:"):
            blocks[subject[5:8]].append(subject)
    for block, members in blocks.items():
        low, high = "name:" + block, "name:" + block + "\U0010ffff"
        archived = {r[0] for table in ("facts", "events") for r in conn.execute(
            f"SELECT DISTINCT subject FROM {table} WHERE subject >= ? AND subject < ?", (low, high))}
        archived = [a[5:] for a in archived if a[5:8] == block]
        for subject in members:
            for match, _, _ in process.extract(subject[5:], archived, scorer=fuzz.ratio,
                                               score_cutoff=_NAME_THRESHOLD, limit=None):
                variants[subject].add("name:" + match)
    return variants


def _on(columns: tuple[str, ...]) -> str:
    return " AND ".join(f"f.{c} = w.{c}" for c in columns)


def _keys_table(conn: sqlite3.Connection, name: str, columns: tuple[str, ...], keys: set[tuple]) -> None:
    conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
    conn.execute(f"CREATE TEMP TABLE {name} ({', '.join(columns)}, PRIMARY KEY ({', '.join(columns)})) WITHOUT ROWID")
    conn.executemany(f"INSERT OR IGNORE INTO temp.{name} VALUES ({', '.join('?' * len(columns))})", keys)


def _fact_ids(conn: sqlite3.Connection, facts: list[Fact], variants: dict[str, set[str]], rules,
              whole_groups: bool) -> None:
    """Fill temp.want_rows with the archived facts in a new fact's value_conflict group and period bucket.

    A first pass reads only the distinct (period, dated, year) of each touched measure from the
    covering index and lets the rule kind's own bucketing decide, so the rows of the other periods
    (most of a popular measure) are never read.
    """
    from checker.engine.kinds.value_conflict import period_buckets

    columns = (*_FACT_KEY, "period", "dated", "year")
    offsets = {tuple(r.param("current_year_offsets")) for r in rules if r.kind == "value_conflict"}
    wanted: set[tuple] = set()
    if offsets and facts:
        canon = {v: s for s in sorted(variants, reverse=True) for v in variants[s]}
        _keys_table(conn, "want_facts", _FACT_KEY,
                    {(v, f.commodity, f.metric, f.scope, f.kind) for f in facts for v in variants[f.subject]})
        groups: dict[tuple, list] = defaultdict(list)
        for f in facts:
            groups[(f.subject, f.commodity, f.metric, f.scope, f.kind)].append(f)
        # CROSS JOIN keeps SQLite from scanning facts: the few wanted keys drive the index look-ups
        for combo in conn.execute(f"SELECT DISTINCT {', '.join('f.' + c for c in columns)}"
                                  f" FROM temp.want_facts w CROSS JOIN facts f ON {_on(_FACT_KEY)}"):
            subject, commodity, metric, scope, kind, period, dated, year = combo
            published = datetime(year, 1, 1) if year else None
            groups[(canon[subject], commodity, metric, scope, kind)].append(SimpleNamespace(
                combo=combo, period=period, dated=bool(dated), article=SimpleNamespace(published=published)))
        for members in groups.values():
            if whole_groups:   # --all: every period of a touched measure, so archive-only conflicts show too
                wanted.update(m.combo for m in members if not isinstance(m, Fact))
                continue
            for offset in offsets:
                for bucket in period_buckets(members, list(offset)).values():
                    if any(isinstance(m, Fact) for m in bucket):
                        wanted.update(m.combo for m in bucket if not isinstance(m, Fact))
    _keys_table(conn, "want_rows", columns, wanted)


def load_touching(conn: sqlite3.Connection, analyses: list[ArticleAnalysis], exclude: set[str],
                  rules, *, whole_groups: bool = False) -> tuple[list[ArticleAnalysis], list[Document]]:
    """Archived articles with facts or events in the groups of ``analyses``, minus the ``exclude`` ids.

    Facts: those in a new fact's (subject, commodity, metric, scope, kind) group and period bucket
    (every period of the group with ``whole_groups``).
    Events: those in a new event's (subject, action, modality) group; events without an action are
    never compared across articles, and one archived event alone makes no finding about the batch.
    """
    facts = [f for a in analyses for f in a.facts]
    events = [e for a in analyses for e in a.events if e.action]
    variants = _name_variants(conn, {f.subject for f in facts} | {e.subject for e in events})
    _fact_ids(conn, facts, variants, rules, whole_groups)
    fact_rows = conn.execute(
        "SELECT f.article_id, f.seq, f.claim_id, f.subject, f.commodity, f.metric, f.scope, f.kind, f.period,"
        " f.dated, f.extra, f.value FROM temp.want_rows w CROSS JOIN facts f"
        f" ON {_on((*_FACT_KEY, 'period', 'dated', 'year'))}").fetchall()
    event_rows = []
    if any(r.kind == "date_conflict" for r in rules):
        _keys_table(conn, "want_events", ("subject", "action", "modality"),
                    {(s, e.action, e.modality) for e in events for s in variants[e.subject]})
        event_rows = conn.execute(
            "SELECT e.article_id, e.seq, e.claim_id, e.subject, e.action, e.modality, e.extra, e.date"
            " FROM temp.want_events w CROSS JOIN events e ON e.subject = w.subject AND e.action = w.action"
            " AND e.modality = w.modality").fetchall()
    fact_rows = [r for r in fact_rows if r[0] not in exclude]
    event_rows = [r for r in event_rows if r[0] not in exclude]
    ids = sorted({r[0] for r in fact_rows} | {r[0] for r in event_rows})
    stored = conn.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
    decode = codec.Decoder(json.loads(stored[0]) if stored else None)
    with _collector_paused():
        return _build(conn, ids, fact_rows, event_rows, decode)


@contextlib.contextmanager
def _collector_paused():
    """Tens of thousands of small objects are built at once and none is garbage: a cyclic
    collection every few hundred allocations only costs time (a fifth of the load)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(conn: sqlite3.Connection, ids: list[str], fact_rows: list, event_rows: list,
           decode: codec.Decoder) -> tuple[list[ArticleAnalysis], list[Document]]:
    articles = _articles(conn, ids)
    claims = _claims(conn, {r[2] for r in fact_rows} | {r[2] for r in event_rows})
    by_article: dict[str, tuple[list, list]] = {i: ([], []) for i in ids}
    # stored order (seq) inside each article, articles by id: the same batch every time
    for row in sorted(fact_rows, key=lambda r: (r[0], r[1])):
        by_article[row[0]][0].append(decode.fact(row[3:], claims[row[2]], articles[row[0]]))
    for row in sorted(event_rows, key=lambda r: (r[0], r[1])):
        by_article[row[0]][1].append(decode.event(row[3:], claims[row[2]], articles[row[0]]))
    loaded = [ArticleAnalysis(articles[i], (), tuple(fs), tuple(es), ()) for i, (fs, es) in by_article.items()]
    return loaded, _documents(conn, {articles[i].doc_id for i in ids})


def _in_chunks(conn: sqlite3.Connection, sql: str, values: list[str]):
    # SQLite caps bound parameters per statement; 500 stays well under every build's limit
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        yield from conn.execute(sql.format(marks=", ".join("?" * len(chunk))), chunk)


def _articles(conn: sqlite3.Connection, ids: list[str]) -> dict[str, Article]:
    sql = "SELECT id, doc_path, idx, title, outlet, published, url, multi FROM articles WHERE id IN ({marks})"
    return {row[0]: codec.article_from(row) for row in _in_chunks(conn, sql, ids)}


def _claims(conn: sqlite3.Connection, ids: set[str]) -> dict[str, Claim]:
    sql = "SELECT id, article_id, text, start, end_, line, citations FROM claims WHERE id IN ({marks})"
    return {row[0]: codec.claim_from(row) for row in _in_chunks(conn, sql, sorted(ids))}


def _documents(conn: sqlite3.Connection, paths: set[str]) -> list[Document]:
    """Stand-ins for the archived files that carry suppression markers, so those markers still apply."""
    sql = "SELECT path, format, markers FROM documents WHERE markers IS NOT NULL AND path IN ({marks})"
    return [Document(id=p, path=p, format=fmt, text=text) for p, fmt, text in _in_chunks(conn, sql, sorted(paths))]
