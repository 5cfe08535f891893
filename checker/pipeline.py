"""The straight line: ingest -> segment -> claims -> figures/entities -> align -> engine -> Report."""
from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from checker import __version__
from checker.align import Analyzer, ArticleAnalysis
from checker.align.article import unify_names
from checker.align.guard import analyse_all
from checker.config import Config
from checker.data import DataError
from checker.engine import Batch, active_rules, run_rules
from checker.engine.suppress import read_baseline, suppressed
from checker.ingest import read_inputs
from checker.model import Article, Counts, Document, InputProblem, Report
from checker.segment import load_segment_rules, segment


def read_articles(paths: Sequence[str], config: Config, stdin: BinaryIO | None = None) -> tuple[list[Document], list[Article], list[InputProblem]]:
    """Ingest and segment; every input is either read or reported."""
    docs, problems = read_inputs(list(paths), encoding=config.encoding, limits=config.limits, stdin=stdin)
    rules = load_segment_rules(config.rules_dir)
    articles: list[Article] = []
    for doc in docs:
        found = segment(doc, rules)
        if not found:
            problems.append(InputProblem(doc.id, "no article text found", "empty"))
        articles.extend(found)
    return docs, articles, problems


def load_reference(path: Path) -> list[dict]:
    """The user's reference table: entity, metric, period, value, unit, source, as_of (CSV)."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DataError(path, f"cannot read reference table: {exc.strerror or exc}") from None
    rows = []
    with handle:
        reader = csv.DictReader(handle)
        required = {"entity", "metric", "period", "value", "unit", "source", "as_of"}
        missing = required - set(reader.fieldnames or [])
        if missing:
            raise DataError(path, f"missing column(s): {', '.join(sorted(missing))}", line=1)
        for number, row in enumerate(reader, start=2):
            try:
                value = float(row["value"])
                low = float(row["low"]) if row.get("low") else value
                high = float(row["high"]) if row.get("high") else value
            except ValueError:
                raise DataError(path, "value/low/high must be numbers", line=number) from None
            rows.append({**row, "value": value, "low": low, "high": high, "commodity": row.get("commodity") or ""})
    return rows


def labels_for(analyzer_entities, lexicon) -> dict[str, str]:
    labels = {eid: info.label for eid, info in analyzer_entities.entities.items()}
    labels.update({cid: label for cid, label in lexicon.commodity_labels.items()})
    labels.update({"metric:" + m.group: m.label for m in lexicon.metrics.values()})
    labels["WORLD"] = "the world"
    return labels


def check(paths: Sequence[str], config: Config | None = None, *, select: list[str] | None = None,
          ignore: list[str] | None = None, stdin: BinaryIO | None = None) -> Report:
    """Check articles at ``paths``; the same results as ``factlint check``."""
    config = config or Config()
    if isinstance(paths, (str, Path)):
        paths = [str(paths)]
    rules = active_rules(config, select, ignore)
    docs, articles, problems = read_articles([str(p) for p in paths], config, stdin)
    analyzer = Analyzer(config.rules_dir)
    analyses, trouble = analyse_all(analyzer, articles)
    return finish(docs, analyses, problems + trouble, config, rules, [str(p) for p in paths], analyzer)


def finish(docs: list[Document], analyses: list[ArticleAnalysis], problems: list[InputProblem], config: Config,
           rules, inputs: list[str], analyzer: Analyzer) -> Report:
    """Align the analysed articles, run the rules, drop suppressed and baselined findings."""
    facts, events = unify_names(analyses)
    reference = load_reference(config.reference) if config.reference else []
    batch = Batch(
        articles=[a.article for a in analyses],
        facts=facts,
        events=events,
        counts=[c for a in analyses for c in a.counts],
        reference_rows=reference,
        growth=[g for a in analyses for g in a.growth],
        group_counts=[g for a in analyses for g in a.group_counts],
        members={eid: len(info.members) for eid, info in analyzer.entities.entities.items() if info.members},
        labels=labels_for(analyzer.entities, analyzer.lexicon),
    )
    findings = run_rules(batch, rules)
    by_path = {d.id: d for d in docs}
    cache: dict = {}
    findings = [f for f in findings if not suppressed(f, by_path, cache)]
    if config.baseline is not None:
        known = read_baseline(config.baseline)
        findings = [f for f in findings if f.fingerprint not in known]
    counts = Counts(
        documents=len(docs),
        articles=len(analyses),
        claims=sum(len(a.claims) for a in analyses),
        facts=len(facts),
        events=len(events),
        # inputs that yielded no document; documents + skipped = every input given (problems say why)
        skipped=len({p.path for p in problems} - {d.id for d in docs}),
    )
    # Sorted, so the report does not depend on the order the inputs were given in.
    problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.code, p.reason))
    return Report(tuple(findings), counts, tuple(inputs), tuple(problems), tuple(r.code for r in rules), __version__)
