"""`factlint check NEW --against ARCHIVE`: the new batch checked against itself and the archived groups it touches."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from checker.config import Config
from checker.model import Counts, Report

CROSS_ARTICLE_KINDS = {"value_conflict", "date_conflict"}   # the kinds that compare articles with each other


def check_against(paths: Sequence[str], config: Config, db_path: str | Path, *, select: list[str] | None = None,
                  ignore: list[str] | None = None, include_all: bool = False, jobs: int | None = None) -> Report:
    """Findings of the new batch with the archive; only those citing a new article unless ``include_all``."""
    from checker.engine import active_rules
    from checker.engine.run import sort_key
    from checker.parallel import analyse_paths, worker_state
    from checker.pipeline import finish
    from checker.store.db import guard, open_store
    from checker.store.load import load_touching

    conn = open_store(db_path)   # before the work: a bad archive fails fast
    try:
        rules = active_rules(config, select, ignore)
        paths = [str(p) for p in paths]
        docs, analyses, problems = analyse_paths(paths, config, jobs or config.jobs or 1)
        new_ids = {a.article.id for a in analyses}
        with guard(db_path):
            archived, archived_docs = load_touching(conn, analyses, new_ids, rules, whole_groups=include_all)
    finally:
        conn.close()
    # Rules about one article at a time run on the new batch alone: on archived articles they could only
    # make archive-only findings about part of an article, which are never reported.
    analyzer = worker_state(config).analyzer
    cross = [r for r in rules if r.kind in CROSS_ARTICLE_KINDS]
    single = finish(docs, analyses, problems, config, [r for r in rules if r.kind not in CROSS_ARTICLE_KINDS],
                    paths, analyzer)
    # new articles first: name unification keeps the new batch's spelling as the canonical one
    report = finish(docs + archived_docs, analyses + archived, problems, config, cross, paths, analyzer)
    merged = {f.fingerprint: f for f in (*single.findings, *report.findings)}
    report = replace(report, findings=tuple(sorted(merged.values(), key=sort_key)),
                     rules_run=tuple(r.code for r in rules))
    findings = report.findings
    findings = tuple(f for f in findings if _wanted(f, new_ids, include_all))
    # the counts describe the inputs, not the archive (`factlint archive stats` does that)
    counts = Counts(
        documents=len(docs),
        articles=len(analyses),
        claims=sum(len(a.claims) for a in analyses),
        facts=sum(len(a.facts) for a in analyses),
        events=sum(len(a.events) for a in analyses),
        skipped=report.counts.skipped,
    )
    return replace(report, findings=findings, counts=counts)


def _wanted(finding, new_ids: set[str], include_all: bool) -> bool:
    """A finding citing a new article; with --all also archive-only ones between archived articles.

    A finding about one archived article alone (a stale schedule, a sum) is left out even then:
    only the groups the new batch touches were loaded, so it would rest on part of that article.
    """
    docs = {e.doc for e in finding.evidence}
    if docs & new_ids:
        return True
    return include_all and len(docs) > 1
