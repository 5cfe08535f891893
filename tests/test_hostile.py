"""Hostile inputs end to end through the CLI: every input accounted for, every limit a finding, never a hang.

The fixture set is tests/hostile/ (small files committed, large ones written by make_fixtures.py
into tmp_path).  Each command runs ``python -m checker`` in a subprocess, as CI would.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
HOSTILE = Path(__file__).resolve().parent / "hostile"


def _load_fixtures():
    """tests/hostile/make_fixtures.py under its own module name (tests/cases/ingest has a make_fixtures too)."""
    import importlib.util

    name = "hostile_make_fixtures"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HOSTILE / "make_fixtures.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


mf = _load_fixtures()


def run(args: list[str], cwd: Path, *, stdin: bytes | None = None, timeout: float = 120,
        env: dict | None = None, command: str = "check") -> subprocess.CompletedProcess:
    """``python -m checker check ARGS`` in ``cwd``; output as text."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", **(env or {})}
    full_env.pop("GITHUB_STEP_SUMMARY", None)
    proc = subprocess.run([sys.executable, "-m", "checker", *([command] if command else []), *args], cwd=cwd, input=stdin, capture_output=True,
                          timeout=timeout, env=full_env)
    proc.stdout_text = proc.stdout.decode("utf-8", "replace")
    proc.stderr_text = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in proc.stderr_text, proc.stderr_text
    return proc


def run_json(args: list[str], cwd: Path, **kw) -> tuple[int, dict]:
    proc = run([*args, "--format", "json"], cwd, **kw)
    assert proc.returncode in (0, 1), proc.stderr_text
    return proc.returncode, json.loads(proc.stdout_text)


def problems_by_name(report: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for p in report["problems"]:
        out.setdefault(Path(p["path"]).name, []).append(p)
    return out


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory) -> Path:
    """The whole hostile set (committed small files + generated large ones) in one folder."""
    return mf.write_all(tmp_path_factory.mktemp("hostile") / "set")


# ----------------------------------------------------------------- the fixture set itself
def test_committed_fixtures_match_the_script():
    committed = {p.name: p.read_bytes() for p in (HOSTILE / "inputs").iterdir()}
    assert committed == mf.SMALL, "run python tests/hostile/make_fixtures.py"


def test_expectations_cover_every_fixture(hostile_dir):
    assert sorted(p.name for p in hostile_dir.iterdir()) == sorted(mf.EXPECT)


# ----------------------------------------------------------------- the whole set plus the seeds
def test_whole_hostile_set_plus_seeds(hostile_dir):
    started = time.monotonic()
    code, report = run_json([str(hostile_dir), str(SEEDS)], hostile_dir.parent)
    assert time.monotonic() - started < 60
    assert code == 1
    s = report["summary"]
    n_inputs = len(mf.EXPECT) + len(list(SEEDS.iterdir()))
    # Every input is a document read or an input skipped; the problems list says why.
    assert s["documents"] + s["skipped"] == n_inputs
    assert s["skipped"] == sum(1 for kind, _ in mf.EXPECT.values() if kind == "skip")
    assert s["problems"] == len(report["problems"])
    problems = problems_by_name(report)
    for name, (kind, code_) in mf.EXPECT.items():
        if code_ is None:
            assert name not in problems, (name, problems.get(name))
        else:
            assert [p["code"] for p in problems[name]] == [code_], (name, problems.get(name))
            assert all(p["reason"] and "\n" not in p["reason"] for p in problems[name])
    assert s["articles"] >= s["documents"] - 1 and s["claims"] > 0 and s["facts"] > 0
    # The seeds' two findings are still there.
    seed_rules = {f["rule"] for f in report["findings"]
                  if any(Path(e["doc"].split("#")[0]).parent == SEEDS for e in f["evidence"])}
    assert {"NM01", "TM01"} <= seed_rules


@pytest.mark.parametrize("fmt", ["text", "md", "html", "sarif", "junit", "github"])
def test_whole_set_every_format(hostile_dir, fmt):
    proc = run([str(hostile_dir), str(SEEDS), "--format", fmt, "--color", "never"], hostile_dir.parent)
    assert proc.returncode == 1, proc.stderr_text
    assert proc.stdout_text.strip()


def test_missing_paths_and_globs_are_accounted_for(tmp_path):
    code, report = run_json([str(SEEDS), "no/such/file.txt", "nothing-*.md", str(tmp_path / "emptydir")],
                            tmp_path.parent if (tmp_path / "emptydir").mkdir() is None else tmp_path)
    problems = {p["path"]: p["code"] for p in report["problems"]}
    assert problems == {"no/such/file.txt": "missing", "nothing-*.md": "missing", str(tmp_path / "emptydir"): "empty"}
    assert report["summary"]["documents"] == 2 and report["summary"]["skipped"] == 3
    assert code == 1


def test_stdin_is_an_input(tmp_path):
    code, report = run_json(["-", str(SEEDS)], tmp_path, stdin=b"\x00\x01binary\x00")
    assert [(p["path"], p["code"]) for p in report["problems"]] == [("-", "binary")]
    assert report["summary"]["documents"] + report["summary"]["skipped"] == 3


def test_only_bad_inputs_exit_zero_with_problems(tmp_path):
    mf.write_small(tmp_path)
    code, report = run_json([str(tmp_path / n) for n in ("binary_nul.txt", "binary_png.html", "empty.md")], tmp_path)
    assert code == 0 and report["summary"]["skipped"] == 3 and report["summary"]["documents"] == 0


# ----------------------------------------------------------------- encodings
@pytest.mark.parametrize("name", sorted(mf.DECODED))
def test_encoding_read_through_the_cli(name, tmp_path):
    mf.write_small(tmp_path)
    _code, report = run_json([name], tmp_path)
    assert report["problems"] == [] and report["summary"]["documents"] == 1
    assert report["summary"]["articles"] >= 1


@pytest.mark.parametrize("name", sorted(mf.DECODED))
def test_encoding_decodes_to_the_text(name, tmp_path):
    from checker.config import Config
    from checker.pipeline import read_articles

    mf.write_small(tmp_path)
    docs, _articles, problems = read_articles([str(tmp_path / name)], Config())
    assert problems == [] and docs[0].text == mf.DECODED[name]


def test_encoding_override(tmp_path):
    mf.write_small(tmp_path)
    _code, report = run_json(["enc_cp1252.txt", "--encoding", "utf-8"], tmp_path)
    [problem] = report["problems"]
    assert problem["code"] == "encoding" and "utf-8" in problem["reason"]
    _code, report = run_json(["enc_cp1252.txt", "--encoding", "cp1252"], tmp_path)
    assert report["problems"] == [] and report["summary"]["documents"] == 1
    _code, report = run_json(["enc_gb18030.txt", "--encoding", "gb18030"], tmp_path)
    assert report["problems"] == []


def test_encoding_in_config(tmp_path):
    mf.write_small(tmp_path)
    (tmp_path / "factlint.toml").write_text('encoding = "ascii"\n')
    _code, report = run_json(["enc_utf8.txt"], tmp_path)
    assert report["problems"][0]["code"] == "encoding" and "ascii" in report["problems"][0]["reason"]


def test_unknown_encoding_is_a_problem_not_a_crash(tmp_path):
    mf.write_small(tmp_path)
    _code, report = run_json(["enc_utf8.txt", "--encoding", "no-such-codec"], tmp_path)
    assert report["problems"][0]["code"] == "encoding"


# ----------------------------------------------------------------- limits, each with a finding
def test_huge_file_over_the_default_cap_is_skipped_without_reading(hostile_dir):
    started = time.monotonic()
    _code, report = run_json([str(hostile_dir / "huge.txt")], hostile_dir)
    assert time.monotonic() - started < 30
    [p] = report["problems"]
    assert p["code"] == "limit" and "limit" in p["reason"]


def test_size_cap_is_configurable(tmp_path):
    (tmp_path / "big.txt").write_bytes(mf.huge_bytes(5_001))
    (tmp_path / "small.txt").write_bytes(mf.huge_bytes(4_000))
    (tmp_path / "factlint.toml").write_text("[limits]\nmax_file_bytes = 5000\n")
    _code, report = run_json(["big.txt", "small.txt"], tmp_path)
    assert [(p["path"], p["code"]) for p in report["problems"]] == [("big.txt", "limit")]
    assert report["summary"]["documents"] == 1


def test_size_cap_applies_to_stdin(tmp_path):
    (tmp_path / "factlint.toml").write_text("[limits]\nmax_file_bytes = 100\n")
    _code, report = run_json(["-"], tmp_path, stdin=mf.huge_bytes(101))
    assert report["problems"][0]["code"] == "limit"


def test_html_nested_40000_levels(hostile_dir):
    started = time.monotonic()
    _code, report = run_json([str(hostile_dir / "deep.html")], hostile_dir)
    assert time.monotonic() - started < 30
    [p] = report["problems"]
    assert p["code"] == "limit" and "nested" in p["reason"]
    assert report["summary"]["documents"] == 1 and report["summary"]["claims"] >= 1  # still read, as text


def test_html_depth_is_configurable(tmp_path):
    (tmp_path / "page.html").write_bytes(mf.deep_html(30))
    _code, report = run_json(["page.html"], tmp_path)
    assert report["problems"] == []
    (tmp_path / "factlint.toml").write_text("[limits]\nmax_html_depth = 20\n")
    _code, report = run_json(["page.html"], tmp_path)
    assert report["problems"][0]["code"] == "limit"


def test_json_nested_100000_levels(hostile_dir):
    started = time.monotonic()
    _code, report = run_json([str(hostile_dir / "deep.json")], hostile_dir)
    assert time.monotonic() - started < 30
    [p] = report["problems"]
    assert p["code"] == "limit" and "nesting" in p["reason"]
    assert report["summary"]["skipped"] == 1


def test_json_depth_is_configurable(tmp_path):
    (tmp_path / "feed.json").write_bytes(b'{"items": [{"body": "Zinc output fell 4% in 2024.", "x": [[[[[1]]]]]}]}')
    _code, report = run_json(["feed.json"], tmp_path)
    assert report["problems"] == []
    (tmp_path / "factlint.toml").write_text("[limits]\nmax_json_depth = 4\n")
    _code, report = run_json(["feed.json"], tmp_path)
    assert report["problems"][0]["code"] == "limit"


def test_jsonl_with_a_broken_line_keeps_the_others(tmp_path):
    mf.write_small(tmp_path)
    _code, report = run_json(["feed_broken_line.jsonl"], tmp_path)
    [p] = report["problems"]
    assert p["code"] == "parse" and p["line"] == 2
    assert report["summary"]["documents"] == 1 and report["summary"]["articles"] == 2


def test_feed_record_cap_is_configurable(tmp_path):
    lines = [json.dumps({"body": f"Output rose {i}% in 2024."}) for i in range(1, 6)]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "factlint.toml").write_text("[limits]\nmax_records = 3\n")
    _code, report = run_json(["feed.jsonl"], tmp_path)
    assert report["summary"]["articles"] == 3
    assert [p["code"] for p in report["problems"]] == ["limit"]


def test_markdown_front_matter_that_never_closes(tmp_path):
    mf.write_small(tmp_path)
    _code, report = run_json(["front_matter_unclosed.md"], tmp_path)
    [p] = report["problems"]
    assert p["code"] == "parse" and "never closes" in p["reason"]
    assert report["summary"]["articles"] == 1 and report["summary"]["claims"] >= 1


@pytest.mark.parametrize("table, key", [
    ("[limits]\nmax_file_bytes = -1\n", "limits.max_file_bytes"),
    ("[limits]\nmax_file_bytes = \"big\"\n", "limits.max_file_bytes"),
    ("[limits]\nmax_depth = 3\n", "limits.max_depth"),
    ("limits = 3\n", "limits"),
])
def test_bad_limits_are_configuration_errors(tmp_path, table, key):
    (tmp_path / "factlint.toml").write_text(table)
    proc = run([str(SEEDS)], tmp_path)
    assert proc.returncode == 2
    assert "factlint.toml" in proc.stderr_text and key in proc.stderr_text


def test_a_dense_article_makes_a_bounded_number_of_findings(tmp_path):
    import random

    rng = random.Random(1)
    words = ("China accounts for approximately 60% of global rare earth mining and the price rose 5 percent "
             "to $37 billion in 2023 while exports fell").split()
    lines, size = [], 0
    while size < 10_000:
        line = " ".join(rng.choice(words) for _ in range(rng.randint(5, 40))) + "."
        lines.append(line)
        size += len(line) + 1
    (tmp_path / "dense.txt").write_text("\n".join(lines))
    _code, report = run_json(["dense.txt", "-j", "1"], tmp_path)
    assert report["summary"]["findings"] <= report["summary"]["claims"] * 4


# ----------------------------------------------------------------- reports are safe
def _inert_pair(tmp_path: Path) -> list[str]:
    mf.write_small(tmp_path)
    return ["inert_a.txt", "inert_b.txt"]


def test_inert_pair_makes_a_finding(tmp_path):
    code, report = run_json(_inert_pair(tmp_path), tmp_path)
    assert code == 1 and any("<script>" in e["text"] for f in report["findings"] for e in f["evidence"])


def test_html_output_is_inert(tmp_path):
    from html.parser import HTMLParser

    html = run([*_inert_pair(tmp_path), "--format", "html"], tmp_path).stdout_text
    seen: list[tuple[str, list]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            seen.append((tag, attrs))

    Tags().feed(html)
    assert not {tag for tag, _ in seen} & {"script", "img", "iframe", "object", "embed"}
    assert not [a for _, attrs in seen for a, _v in attrs if a.startswith("on")]
    assert not [v for _, attrs in seen for a, v in attrs if a in ("href", "src") and v and
                v.strip().lower().startswith(("javascript:", "http://evil"))]
    assert "&lt;script&gt;" in html
    assert "\x1b" not in html and "\u202e" not in html


def test_markdown_output_is_inert(tmp_path):
    md = run([*_inert_pair(tmp_path), "--format", "md"], tmp_path).stdout_text
    assert "<script" not in md and "<img" not in md
    assert "[click](javascript:" not in md and "![t](" not in md
    assert "\x1b" not in md and "\u202e" not in md


def test_terminal_output_is_inert(tmp_path):
    for color in ("never", "always"):
        text = run([*_inert_pair(tmp_path), "--color", color], tmp_path).stdout_text
        assert "\x1b[31mred" not in text and "\u202e" not in text
        if color == "never":
            assert "\x1b" not in text


def test_github_annotations_are_inert(tmp_path):
    out = run([*_inert_pair(tmp_path), "--format", "github"], tmp_path).stdout_text
    lines = out.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert commands and all(line.startswith(("::warning ", "::error ", "::notice ")) for line in commands)
    assert not any("pwn.txt" in line.split("::")[1] for line in commands)  # no forged file= property
    assert all("::" not in line for line in lines if not line.startswith("::"))
    assert "\x1b" not in out and "\u202e" not in out


@pytest.mark.parametrize("target", ["../escape.json", "a/../../escape.json", "/tmp/factlint-escape.json"])
def test_output_cannot_escape(tmp_path, target):
    work = tmp_path / "work"
    work.mkdir()
    proc = run([str(SEEDS), "--format", "json", "--output", target], work)
    assert proc.returncode == 2 and "refusing" in proc.stderr_text
    assert not (tmp_path / "escape.json").exists()
    if target.startswith("/"):
        assert not Path(target).exists()


def test_output_through_a_planted_symlink_is_refused(tmp_path):
    work, outside = tmp_path / "work", tmp_path / "outside"
    work.mkdir()
    outside.mkdir()
    (work / "build").symlink_to(outside, target_is_directory=True)
    (outside / "victim.json").write_text("keep")
    (work / "out.json").symlink_to(outside / "victim.json")
    for target in ("build/report.json", "build/victim.json", "out.json"):
        proc = run([str(SEEDS), "--format", "json", "--output", target], work)
        assert proc.returncode == 2, target
    assert sorted(p.name for p in outside.iterdir()) == ["victim.json"]
    assert (outside / "victim.json").read_text() == "keep"


def test_output_is_written_whole_and_no_temp_file_is_left(tmp_path):
    proc = run([str(SEEDS), "--format", "sarif", "--output", "build/out/report.sarif"], tmp_path)
    assert proc.returncode == 1 and proc.stdout_text == ""
    written = tmp_path / "build" / "out" / "report.sarif"
    json.loads(written.read_text(encoding="utf-8"))
    assert [p.name for p in written.parent.iterdir()] == ["report.sarif"]


def test_an_article_the_analyser_fails_on_is_reported_and_the_rest_checked(tmp_path, monkeypatch):
    """A bug met in one article (here a forced error) costs that article only: the batch goes on,
    serially, through the parallel worker task and through the index."""
    from checker import pipeline
    from checker.align.article import Analyzer
    from checker.config import Config
    from checker.parallel import analyse_source, worker_state
    from checker.ingest.paths import expand

    real = Analyzer.analyse

    def failing(self, article):
        if "Kelvarra" in article.body:
            raise ValueError("forced")
        return real(self, article)

    monkeypatch.setattr(Analyzer, "analyse", failing)
    (tmp_path / "bad.txt").write_text("Kelvarra\n\nPublished: 2024-05-01 09:00\n\nKelvarra mined 5 Mt in 2023.\n", encoding="utf-8")
    report = pipeline.check([str(SEEDS), str(tmp_path / "bad.txt")])
    bad = [p for p in report.problems if p.path.endswith("bad.txt")]
    assert len(bad) == 1 and "internal error while analysing article 1: ValueError: forced" in bad[0].reason
    assert report.counts.documents == 3 and report.findings        # the seeds are still checked
    sources = list(expand([str(tmp_path / "bad.txt")]))
    result = analyse_source(sources[0], worker_state(Config()))
    assert result.analyses == [] and "forced" in result.problems[-1].reason
