"""Usage and input mistakes on the command line: exit 2 with one line, never a traceback; exit codes 0/1 otherwise."""
from __future__ import annotations

import pytest

from test_hostile import SEEDS, run


@pytest.mark.parametrize("args", [
    [],                                            # no paths
    ["SEEDS", "--format", "pdf"],
    ["SEEDS", "--fail-on", "sometimes"],
    ["SEEDS", "--color", "purple"],
    ["SEEDS", "--jobs", "0"],
    ["SEEDS", "--jobs", "many"],
    ["SEEDS", "--no-such-flag"],
    ["SEEDS", "--update-baseline"],                # needs --baseline
    ["SEEDS", "--reference", "missing.csv"],
])
def test_usage_errors_exit_2(tmp_path, args):
    args = [str(SEEDS) if a == "SEEDS" else a for a in args]
    proc = run(args, tmp_path)
    assert proc.returncode == 2, (proc.returncode, proc.stderr_text)
    assert proc.stderr_text.strip()


def test_bad_reference_table_names_file_and_line(tmp_path):
    (tmp_path / "ref.csv").write_text("entity,metric,period,value,unit,source,as_of\nCN,share,2023,lots,%,x,2024\n")
    proc = run([str(SEEDS), "--reference", "ref.csv"], tmp_path)
    assert proc.returncode == 2 and "ref.csv:2" in proc.stderr_text
    (tmp_path / "ref.csv").write_text("entity,value\n")
    proc = run([str(SEEDS), "--reference", "ref.csv"], tmp_path)
    assert proc.returncode == 2 and "missing column" in proc.stderr_text


def test_unreadable_baseline_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "base.txt").write_bytes(b"\xff\xfe\x00garbage")
    proc = run([str(SEEDS), "--baseline", "base.txt"], tmp_path)
    assert proc.returncode in (1, 2)


def test_exit_codes(tmp_path):
    assert run([str(SEEDS)], tmp_path).returncode == 1
    assert run([str(SEEDS), "--exit-zero"], tmp_path).returncode == 0
    assert run([str(SEEDS), "--fail-on", "error"], tmp_path).returncode == 0
    assert run([str(SEEDS), "--fail-on", "info"], tmp_path).returncode == 1
    assert run([str(SEEDS), "--select", "ZZ"], tmp_path).returncode == 0
    (tmp_path / "factlint.toml").write_text('fail_on = "error"\n')
    assert run([str(SEEDS)], tmp_path).returncode == 0
    assert run([str(SEEDS), "--fail-on", "warning"], tmp_path).returncode == 1


def test_only_missing_paths_is_a_completed_run_with_problems(tmp_path):
    proc = run(["nope.txt", "--format", "json"], tmp_path)
    assert proc.returncode == 0 and '"missing"' in proc.stdout_text


def test_baseline_round_trip(tmp_path):
    assert run([str(SEEDS), "--baseline", "b.txt", "--update-baseline"], tmp_path).returncode == 0
    assert run([str(SEEDS), "--baseline", "b.txt"], tmp_path).returncode == 0


def test_baseline_cannot_be_written_outside(tmp_path):
    work = tmp_path / "w"
    work.mkdir()
    proc = run([str(SEEDS), "--baseline", "../b.txt", "--update-baseline"], work)
    assert proc.returncode == 2 and not (tmp_path / "b.txt").exists()


@pytest.mark.parametrize("args", [["explain", "ZZ99"], ["rules", "--no-such-flag"], ["no-such-command"]])
def test_other_commands_usage_errors(tmp_path, args):
    proc = run(args, tmp_path, command="")
    assert proc.returncode == 2, (proc.returncode, proc.stderr_text)


def test_version(tmp_path):
    proc = run(["--version"], tmp_path, command="")
    assert proc.returncode == 0 and proc.stdout_text.startswith("factlint ")
