"""--jobs: the pool gives exactly the serial report, in input order, whatever the number of jobs."""
from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from checker import parallel
from checker.config import Config
from checker.parallel import analyse_paths, check_parallel, dumps
from checker.pipeline import check
from checker.report import render

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT.parent / "shared" / "eval" / "gen_corpus.py"   # the evaluation harness next to the project
pytestmark = pytest.mark.skipif(not GEN.exists(), reason="evaluation harness not available")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(GEN), "--out", str(out), "--docs", "60", "--seed", "11", "--quiet"], check=True)
    (out / "docs" / "empty.txt").write_text("   \n", encoding="utf-8")   # a problem in the middle of the order
    return out / "docs"


@pytest.fixture
def pooled(monkeypatch):
    """Force the process pool even for a small batch, with several chunks per worker."""
    monkeypatch.setattr(parallel, "SMALL_BYTES", 0)
    monkeypatch.setattr(parallel, "CHUNK_FILES", 7)


def _json(report) -> str:
    return render(report, "json", color=False, root=None, link_base=None, width=None)


def test_pool_report_is_byte_identical_to_serial(corpus, pooled):
    paths = [str(corpus), str(corpus / "missing.txt")]
    serial = _json(check(paths, Config()))
    assert _json(check_parallel(paths, Config(), jobs=2)) == serial
    assert _json(check_parallel(paths, Config(), jobs=3)) == serial
    assert '"findings": []' not in serial and "missing.txt" in serial and "empty.txt" in serial


def test_in_process_path_matches_serial(corpus):
    # below the size threshold no process is started; the report must not differ either
    paths = [str(corpus)]
    assert _json(check_parallel(paths, Config(), jobs=2)) == _json(check(paths, Config()))


def test_results_keep_input_order(corpus, pooled):
    _, serial, _ = analyse_paths([str(corpus)], Config(), 1)
    _, pooled_analyses, _ = analyse_paths([str(corpus)], Config(), 2)
    assert [a.article.id for a in pooled_analyses] == [a.article.id for a in serial]
    assert pooled_analyses == serial


def test_analyses_round_trip_through_the_fast_pickle(corpus):
    _, analyses, _ = analyse_paths([str(corpus)], Config(), 1)
    back = pickle.loads(dumps(analyses))
    assert back == analyses
    fact = next(f for a in back for f in a.facts)
    assert fact.article is next(a.article for a in back if a.article.id == fact.article.id)   # shared, not copied


def test_documents_keep_only_suppression_text(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("x\n<!-- factlint: ignore NM01 -->\n", encoding="utf-8")
    docs, _, _ = analyse_paths([str(tmp_path)], Config(), 1)
    assert [d.text for d in docs] == ["", "x\n<!-- factlint: ignore NM01 -->\n"]


def test_cli_jobs_one_and_two_print_identical_json(corpus, pooled):
    from typer.testing import CliRunner

    from checker.cli.app import app

    runner = CliRunner()
    one = runner.invoke(app, ["check", str(corpus), "--format", "json", "--jobs", "1", "--exit-zero"])
    two = runner.invoke(app, ["check", str(corpus), "--format", "json", "--jobs", "2", "--exit-zero"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and '"rule"' in one.stdout


def test_progress_only_on_an_interactive_stderr_for_long_runs(capsys):
    import io

    from checker.progress import progress_bar, wanted

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert not wanted(10_000, io.StringIO())        # piped or redirected: silent
    assert not wanted(10, Tty())                    # short run: silent
    tty = Tty()
    with progress_bar(1_000, "reading", stream=tty) as advance:
        advance(1_000)
    assert "reading" in tty.getvalue()
    with progress_bar(1_000, "reading", stream=io.StringIO()) as advance:
        advance(1_000)
    assert capsys.readouterr().out == ""            # never on stdout, where reports go
