#!/usr/bin/env python3
"""Benchmark factlint end to end on generated corpora and print the table the README quotes.

    python bench/run.py [--sizes 1000,10000,100000] [--work DIR] [--jobs N] [--new 100] [--profile]

Measures, each in a fresh process as a user would run it: articles/s and MB/s of
`factlint check` at --jobs 1 and at all cores (and that their JSON is identical), peak memory
of the whole process tree, the scaling exponent between sizes, the cold start of
`factlint --help` and of a one-article check, indexing the largest corpus, and
`check --against` for a batch of new articles against that archive.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT.parent / "shared" / "eval" / "gen_corpus.py"
CODE = ROOT   # where the measured checker package lives (a snapshot of it unless --live)


def factlint(*args: str) -> list[str]:
    """The command line of factlint from the measured code (what the console script runs)."""
    return [sys.executable, "-m", "checker", *args]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(CODE) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("GITHUB_STEP_SUMMARY", None)
    return env


def snapshot(work: Path) -> Path:
    """Copy checker/ and rules/ aside, so edits made during a long run cannot mix two versions."""
    import shutil

    target = work / "code"
    shutil.rmtree(target, ignore_errors=True)
    for name in ("checker", "rules"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _tree_rss(root: int) -> int:
    """Resident memory (bytes) of ``root`` and all its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def cpu_seconds() -> float:
    """CPU time of every finished descendant (pool workers are counted once their parent waits for them)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd: list[str], *, stdout=subprocess.DEVNULL, sample: bool = True) -> tuple[float, int, int]:
    """Wall seconds, peak tree RSS (bytes) and exit code of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, cwd=CODE, env=_env())
    peak = 0
    stop = threading.Event()

    def watch() -> None:
        nonlocal peak
        # every 0.2 s: memory grows slowly, and a faster scan of /proc steals a noticeable part of a core
        while not stop.wait(0.2):
            peak = max(peak, _tree_rss(proc.pid))

    watcher = threading.Thread(target=watch, daemon=True)
    if sample and os.path.isdir("/proc"):
        watcher.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    stop.set()
    if watcher.is_alive():
        watcher.join()
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return wall, peak, proc.returncode


def best(cmd: list[str], times: int) -> float:
    return min(run(cmd, sample=False)[0] for _ in range(times))


def corpus(work: Path, docs: int, seed: int) -> Path:
    """Generate (once) a corpus of ``docs`` documents; the generator is deterministic per seed."""
    out = work / f"c{docs}-s{seed}"
    if not (out / "gold.json").exists():
        print(f"  generating {docs} documents in {out} ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, str(GEN), "--out", str(out), "--docs", str(docs), "--seed", str(seed),
                        "--quiet", "--force"], check=True)
    return out / "docs"


def text_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def check_size(work: Path, docs: int, jobs: int) -> dict:
    folder = corpus(work, docs, seed=1)
    size = text_bytes(folder)
    row = {"docs": docs, "mb": size / 1e6}
    outputs = {}
    for j in sorted({1, jobs}):
        out = work / f"check-{docs}-j{j}.json"
        print(f"  check {docs} docs --jobs {j} ...", file=sys.stderr, flush=True)
        load, cpu = os.getloadavg()[0], cpu_seconds()
        with out.open("wb") as handle:
            wall, peak, _ = run(factlint("check", str(folder), "--format", "json", "--exit-zero", "--jobs", str(j)),
                                stdout=handle)
        summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
        row["articles"] = summary["articles"]
        row[f"s{j}"], row[f"mem{j}"], row[f"cpu{j}"] = wall, peak, cpu_seconds() - cpu
        row["load"] = max(row.get("load", 0.0), load)   # other work on the machine when the run started
        outputs[j] = out.read_bytes()
    row["identical"] = len(set(outputs.values())) == 1
    print(f"    {row}", file=sys.stderr, flush=True)   # partial results survive an interrupted run
    return row


def exponent(a: dict, b: dict, key: str) -> float:
    return math.log(b[key] / a[key]) / math.log(b["articles"] / a["articles"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes in documents (comma-separated)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factlint-bench",
                        help="where corpora, archive and outputs go (never inside the repository)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="the 'all cores' job count")
    parser.add_argument("--new", type=int, default=100, help="new documents checked --against the largest archive")
    parser.add_argument("--profile", action="store_true", help="also profile --jobs 1 at the largest size (pyinstrument)")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--live", action="store_true", help="run the checkout itself, not a snapshot of it")
    parser.add_argument("--no-archive", action="store_true", help="skip index and check --against")
    args = parser.parse_args(argv)
    if not GEN.exists():
        raise SystemExit(f"the corpus generator is missing: {GEN}")
    sizes = sorted(int(s) for s in args.sizes.split(","))
    work = args.work.resolve()
    if ROOT in work.parents or work == ROOT:
        raise SystemExit("--work must be outside the repository")
    work.mkdir(parents=True, exist_ok=True)
    jobs = max(1, args.jobs)
    global CODE
    if not args.live:
        CODE = snapshot(work)

    lines = [f"Machine: {machine()}", "",
             "load: the 1-minute load average when a run started (other work sharing the cores)", ""]
    one_file = next(p for p in sorted(corpus(work, sizes[0], seed=1).rglob("*.md")))
    help_s = best(factlint("--help"), 5)
    one_s = best(factlint("check", str(one_file), "--exit-zero"), 3)

    rows = [check_size(work, n, jobs) for n in sizes]
    head = (f"| articles | MB | --jobs 1 s | art/s | MB/s | --jobs {jobs} s | art/s | MB/s | speed-up "
            f"| CPU s j1 / j{jobs} | peak mem j1 | peak mem j{jobs} | same JSON | exponent j1 | load |")
    lines += [head, "|" + "---|" * (head.count("|") - 1)]
    for i, r in enumerate(rows):
        exp = f"{exponent(rows[i - 1], r, 's1'):.2f}" if i else "–"
        lines.append(
            f"| {r['articles']:,} | {r['mb']:.1f} | {r['s1']:.1f} | {r['articles'] / r['s1']:,.0f} | {r['mb'] / r['s1']:.2f} "
            f"| {r[f's{jobs}']:.1f} | {r['articles'] / r[f's{jobs}']:,.0f} | {r['mb'] / r[f's{jobs}']:.2f} "
            f"| {r['s1'] / r[f's{jobs}']:.2f}× | {r['cpu1']:.0f} / {r[f'cpu{jobs}']:.0f} "
            f"| {r['mem1'] / 2**20:,.0f} MB | {r[f'mem{jobs}'] / 2**20:,.0f} MB "
            f"| {'yes' if r['identical'] else 'NO'} | {exp} | {r['load']:.1f} |")

    big = corpus(work, sizes[-1], seed=1)
    if args.no_archive:
        print("\n".join(lines))
        return 0
    db = work / f"archive-{sizes[-1]}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    print(f"  index {sizes[-1]} docs ...", file=sys.stderr, flush=True)
    index_s, index_mem, _ = run(factlint("index", str(big), "--db", str(db), "--jobs", str(jobs)))
    reindex_s, _, _ = run(factlint("index", str(big), "--db", str(db), "--jobs", str(jobs)))
    new = corpus(work, args.new, seed=99)
    print(f"  check {args.new} new docs --against the archive ...", file=sys.stderr, flush=True)
    against = [run(factlint("check", str(new), "--against", str(db), "--format", "json", "--exit-zero"))
               for _ in range(3)]
    against_s, against_mem = min(a[0] for a in against), max(a[1] for a in against)

    lines += [
        "",
        "| measure | value |",
        "|---|---|",
        f"| `factlint --help`, cold start (best of 5) | {help_s:.2f} s |",
        f"| one-article check, cold start (best of 3) | {one_s:.2f} s |",
        f"| `factlint index` {rows[-1]['articles']:,} articles, --jobs {jobs} | {index_s:.0f} s "
        f"({rows[-1]['articles'] / index_s:,.0f} art/s, peak {index_mem / 2**20:,.0f} MB, "
        f"archive {db.stat().st_size / 1e6:,.0f} MB) |",
        f"| re-index, nothing changed | {reindex_s:.1f} s |",
        f"| `check --against`: {args.new} new documents vs {rows[-1]['articles']:,} archived articles (best of 3) "
        f"| {against_s:.2f} s (peak {against_mem / 2**20:,.0f} MB) |",
    ]
    if len(rows) > 1:
        lines.append(f"| scaling exponent {rows[-2]['articles']:,} → {rows[-1]['articles']:,} articles, "
                     f"--jobs 1 / --jobs {jobs} | {exponent(rows[-2], rows[-1], 's1'):.2f} / "
                     f"{exponent(rows[-2], rows[-1], f's{jobs}'):.2f} |")
    if args.profile:
        prof = work / f"profile-{sizes[-1]}.txt"
        print(f"  profiling check {sizes[-1]} docs --jobs 1 ...", file=sys.stderr, flush=True)
        run([sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(prof), "-m", "checker", "check",
             str(big), "--format", "json", "--exit-zero", "--jobs", "1"])
        lines += ["", f"Profile (pyinstrument, --jobs 1, {sizes[-1]:,} documents): {prof}"]
    table = "\n".join(lines)
    print(table)
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
