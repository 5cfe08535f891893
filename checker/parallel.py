"""Spread ingest, segmentation and per-article analysis over processes; alignment and rules stay in one.

Workers get chunks of input files and send back, per file, what the serial pipeline would have
made of it; the results come back in input order, so ``finish`` sees exactly the serial batch and
the report is byte-identical whatever the number of jobs.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from checker.config import Config
from checker.ingest.limits import DEFAULT_LIMITS
from checker.ingest.paths import Source, expand
from checker.model import Document, InputProblem, Report
from checker.progress import progress_bar

SMALL_BYTES = 600_000     # a few hundred articles: below this (and 200 files) forking costs more than it saves
CHUNK_FILES = 48          # files per task: large enough to amortise pickling, small enough to balance
WARM_FILES = 24           # files analysed in this process before forking, to warm what workers inherit
FREEZE_EVERY = 256        # files between two gc.freeze() calls while results arrive


@dataclass
class WorkerState:
    """What every task needs, built once per process (inherited through fork, or by the initializer)."""

    key: tuple
    analyzer: Any
    segment_rules: Any
    encoding: str | None
    extra: Any = None
    limits: Any = DEFAULT_LIMITS   # the run's [limits] (Config.limits)


@dataclass
class SourceResult:
    """One input file as the serial pipeline sees it: its document, its problems, its analyses."""

    doc: Document | None
    problems: list[InputProblem]
    analyses: list            # ArticleAnalysis, or whatever a store worker makes of them
    empty: bool = False       # read, but no article text found


_STATE: WorkerState | None = None


def worker_state(config: Config, extra: Any = None) -> WorkerState:
    """The per-process state for ``config``, reused when it is already there."""
    global _STATE
    limits = getattr(config, "limits", DEFAULT_LIMITS)
    key = (str(config.rules_dir) if config.rules_dir else None, config.encoding, limits)
    if _STATE is None or _STATE.key != key:
        from checker.align import Analyzer
        from checker.segment import load_segment_rules

        _STATE = WorkerState(key, Analyzer(config.rules_dir), load_segment_rules(config.rules_dir), config.encoding,
                             limits=limits)
    _STATE.extra = extra
    return _STATE


def _init(config: Config, extra: Any) -> None:
    worker_state(config, extra)


def slim(doc: Document) -> Document:
    """The document as ``finish`` needs it: text only when it carries suppression markers (memory)."""
    text = doc.text if "factlint:" in doc.text else ""
    return replace(doc, text=text, records=())


def read_and_segment(src: Source, state: WorkerState):
    """Read and segment one input: (document, problems, articles)."""
    from checker.ingest import read_source
    from checker.segment import segment

    doc, problems = read_source(src, encoding=state.encoding, limits=state.limits)
    if doc is None:
        return None, problems, []
    return doc, problems, segment(doc, state.segment_rules)


def analyse_source(src: Source, state: WorkerState) -> SourceResult:
    """The default task: read, segment and analyse one input file."""
    from checker.align.guard import analyse_all

    doc, problems, articles = read_and_segment(src, state)
    if doc is None:
        return SourceResult(None, problems, [])
    analyses, trouble = analyse_all(state.analyzer, articles)
    return SourceResult(slim(doc), problems + trouble, analyses, empty=not articles)


_TABLE: dict | None = None


def _dispatch_table() -> dict:
    """Pickle the model's frozen slotted dataclasses as ``cls(*fields)``.

    The default path restores them field by field in Python (dataclasses' ``__setstate__``),
    which made unpickling in the parent, the one process that cannot be parallel, 2x slower.
    """
    global _TABLE
    if _TABLE is None:
        import copyreg
        import dataclasses
        import operator

        from checker import model

        table = copyreg.dispatch_table.copy()
        for value in vars(model).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and hasattr(value, "__slots__"):
                get = operator.attrgetter(*(f.name for f in dataclasses.fields(value)))
                table[value] = lambda obj, cls=value, get=get: (cls, get(obj))
        _TABLE = table
    return _TABLE


def dumps(obj: Any) -> bytes:
    """Pickle for the trip from worker to parent (see ``_dispatch_table``)."""
    import io
    import pickle

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _dispatch_table()
    pickler.dump(obj)
    return buffer.getvalue()


def _run_chunk(task: tuple[Callable, list[Source]]) -> bytes:
    work, chunk = task
    return dumps([work(src, _STATE) for src in chunk])


def list_sources(paths: Sequence[str]) -> tuple[list[Source], list[InputProblem]]:
    """Expand the arguments as ``read_inputs`` does; a listing failure is a problem, not a crash."""
    try:
        return list(expand(list(paths), DEFAULT_LIMITS.max_files)), []
    except Exception as exc:  # noqa: BLE001 - same policy as read_inputs
        return [], [InputProblem(path=", ".join(paths), reason=f"cannot list inputs: {exc}", code="input")]


def _small(sources: list[Source]) -> bool:
    if len(sources) >= 200:
        return False
    total = 0
    for src in sources:
        try:
            total += os.path.getsize(src.id) if src.error is None else 0
        except OSError:
            pass
    return total < SMALL_BYTES


def _context():
    # fork shares the lexicons already loaded in this process; elsewhere each worker loads its own
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def map_sources(sources: list[Source], config: Config, jobs: int, work: Callable = analyse_source, *,
                extra: Any = None, label: str = "reading", progress: bool = True) -> Iterator:
    """``work(src, state)`` for every source, in input order; in-process for one job or a small batch."""
    jobs = max(1, min(jobs, len(sources) // 2 or 1))
    if jobs == 1 or _small(sources) or any(src.id == "-" for src in sources):   # stdin is this process's
        state = worker_state(config, extra)
        with progress_bar(len(sources) if progress else 0, label) as advance:
            for src in sources:
                yield work(src, state)
                advance(1)
        return
    # The first files are done here, before forking: the lexicons, the unit registry and the lazily
    # compiled patterns are then inherited warm instead of being built again in every worker.
    state = worker_state(config, extra)
    head = [work(src, state) for src in sources[:WARM_FILES]]
    rest = sources[WARM_FILES:]
    tasks = [(work, rest[i:i + CHUNK_FILES]) for i in range(0, len(rest), CHUNK_FILES)]
    gc.freeze()   # children's collections then skip the inherited heap instead of touching (copying) it
    try:
        pool = _context().Pool(jobs, initializer=_init, initargs=(config, extra))
    finally:
        gc.unfreeze()
    try:
        # the pool's processes exist before the bar's refresh thread starts (fork after threads is unsafe)
        with progress_bar(len(sources) if progress else 0, label) as advance:
            yield from head
            advance(len(head))
            for payload in pool.imap(_run_chunk, tasks):
                results = pickle.loads(payload)
                yield from results
                advance(len(results))
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def analyse_paths(paths: Sequence[str], config: Config, jobs: int, *, progress: bool = True):
    """Documents, analyses and problems of ``paths``, in exactly the serial pipeline's order."""
    sources, problems = list_sources(paths)
    docs: list[Document] = []
    analyses: list = []
    empty: list[InputProblem] = []
    try:
        for n, result in enumerate(map_sources(sources, config, jobs, progress=progress), start=1):
            problems.extend(result.problems)
            if n % FREEZE_EVERY == 0:
                # What has arrived lives to the end of the run: take it out of the collector's full scans,
                # which grow with the heap and hold the GIL, so the pool's result thread stalls and
                # workers block on a full pipe (2.7 s of collections in this process at 10k articles).
                gc.freeze()
            if result.doc is None:
                continue
            docs.append(result.doc)
            analyses.extend(result.analyses)
            if result.empty:
                empty.append(InputProblem(result.doc.id, "no article text found", "empty"))
    finally:
        gc.unfreeze()
    return docs, analyses, problems + empty


def check_parallel(paths: Sequence[str], config: Config | None = None, *, select: list[str] | None = None,
                   ignore: list[str] | None = None, stdin: BinaryIO | None = None, jobs: int | None = None) -> Report:
    """``pipeline.check`` with ingest and analysis spread over ``jobs`` processes; the same Report."""
    from checker.engine import active_rules
    from checker.pipeline import check, finish

    config = config or Config()
    if isinstance(paths, (str, os.PathLike)):
        paths = [str(paths)]
    paths = [str(p) for p in paths]
    if "-" in paths:   # standard input can be read only once, by this process
        return check(paths, config, select=select, ignore=ignore, stdin=stdin)
    rules = active_rules(config, select, ignore)
    docs, analyses, problems = analyse_paths(paths, config, jobs or config.jobs or 1)
    return finish(docs, analyses, problems, config, rules, paths, worker_state(config).analyzer)
