"""The same inputs in any order, on any run, with any number of jobs, give byte-identical JSON and SARIF."""
from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GEN = Path("/work/shared/eval/gen_corpus.py")
if not GEN.is_file():
    GEN = ROOT.parent / "shared" / "eval" / "gen_corpus.py"
from test_hostile import mf  # noqa: E402


def check(args: list[str], cwd: Path) -> bytes:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "PYTHONHASHSEED": "random"}
    proc = subprocess.run([sys.executable, "-m", "checker", "check", *args], cwd=cwd, capture_output=True,
                          timeout=300, env=env)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    assert b"Traceback" not in proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """hostile/ (small cap so the huge file stays small), corpus/docs/ and seeds/, all under one folder."""
    base = tmp_path_factory.mktemp("determinism")
    mf.write_small(base / "hostile")
    (base / "hostile" / "deep.html").write_bytes(mf.deep_html())
    (base / "hostile" / "deep.json").write_bytes(mf.deep_json())
    (base / "hostile" / "huge.txt").write_bytes(mf.huge_bytes(1_000_001))
    (base / "factlint.toml").write_text("[limits]\nmax_file_bytes = 1000000\n")
    if not GEN.is_file():
        pytest.skip("the evaluation corpus generator is not available")
    subprocess.run([sys.executable, str(GEN), "--out", str(base / "corpus"), "--docs", "40", "--seed", "5", "--quiet"],
                   check=True, timeout=120)
    (base / "seeds").mkdir()
    for seed in SEEDS.iterdir():
        (base / "seeds" / seed.name).write_bytes(seed.read_bytes())
    return base


def _files(base: Path) -> list[str]:
    """Every input as a directory walk names it ('hostile/x.txt'), so ids match whichever way it is given."""
    out = []
    for folder in ("hostile", "corpus/docs", "seeds"):
        for root, _dirs, names in os.walk(base / folder):
            for name in names:
                out.append(os.path.relpath(os.path.join(root, name), base))
    return out


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_shuffled_inputs_give_identical_bytes(work, fmt):
    reference = check(["hostile", "corpus/docs", "seeds", "--format", fmt, "-j", "1"], work)
    assert reference.strip()
    files = _files(work)
    orders = [
        ["seeds", "corpus/docs", "hostile"],
        ["corpus/docs", "seeds", "hostile/", "hostile"],                 # a folder twice, spelled two ways
        sorted(files, reverse=True),
    ]
    rng = random.Random(7)
    for _ in range(2):
        shuffled = files[:]
        rng.shuffle(shuffled)
        orders.append(shuffled)
    for order in orders:
        got = check([*order, "--format", fmt, "-j", "1"], work)
        assert got == reference, f"output differs for input order {order[:4]}..."


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_repeated_runs_and_jobs_give_identical_bytes(work, fmt):
    reference = check(["hostile", "corpus/docs", "seeds", "--format", fmt, "-j", "1"], work)
    assert check(["hostile", "corpus/docs", "seeds", "--format", fmt, "-j", "1"], work) == reference
    assert check(["hostile", "corpus/docs", "seeds", "--format", fmt, "-j", "2"], work) == reference
    shuffled = _files(work)
    random.Random(3).shuffle(shuffled)
    assert check([*shuffled, "--format", fmt, "-j", "2"], work) == reference


def test_no_timestamps_or_absolute_paths(work):
    import json

    sarif = json.loads(check(["hostile", "seeds", "--format", "sarif", "-j", "1"], work))
    text = json.dumps(sarif)
    assert str(work) not in text
    for run in sarif["runs"]:
        for invocation in run.get("invocations", []):
            assert "startTimeUtc" not in invocation and "endTimeUtc" not in invocation
    report = check(["hostile", "seeds", "--format", "json", "-j", "1"], work).decode()
    assert str(work) not in report
