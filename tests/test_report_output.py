"""--output writes atomically inside its directory; --fail-on and --exit-zero decide the exit code."""
from __future__ import annotations

import os
from dataclasses import replace

import pytest

from checker.cli.output import OutputPathError, exit_code, write_output
from test_report_fixtures import FIXTURES


def test_writes_atomically_and_creates_parents(tmp_path):
    path = write_output("héllo\n", "out/sub/r.json", base_dir=tmp_path)
    assert path == tmp_path / "out/sub/r.json"
    assert path.read_bytes() == "héllo\n".encode()
    write_output("again\n", "out/sub/r.json", base_dir=tmp_path)
    assert path.read_text(encoding="utf-8") == "again\n"
    assert sorted(os.listdir(path.parent)) == ["r.json"]  # no temp file left behind


def test_new_files_respect_umask(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_output("x", "r.txt", base_dir=tmp_path)
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_defaults_to_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert write_output("x", "r.txt").read_text() == "x"
    with pytest.raises(OutputPathError):
        write_output("x", "../r.txt")


@pytest.mark.parametrize("target", ["../escape.txt", "a/../../escape.txt", "/etc/factlint-escape.txt", ".", "sub/.."])
def test_refuses_targets_outside_the_base(tmp_path, target):
    base = tmp_path / "base"
    base.mkdir()
    with pytest.raises(OutputPathError):
        write_output("x", target, base_dir=base)
    assert not (tmp_path / "escape.txt").exists()


def test_absolute_target_inside_base_is_fine(tmp_path):
    assert write_output("x", str(tmp_path / "r.txt"), base_dir=tmp_path).read_text() == "x"


def test_refuses_symlinked_directory_on_the_way(tmp_path):
    base, outside = tmp_path / "base", tmp_path / "outside"
    base.mkdir()
    outside.mkdir()
    (base / "reports").symlink_to(outside, target_is_directory=True)
    with pytest.raises(OutputPathError):
        write_output("x", "reports/r.json", base_dir=base)
    assert not list(outside.iterdir())


def test_refuses_symlink_as_the_target(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    base = tmp_path / "base"
    base.mkdir()
    (base / "r.json").symlink_to(victim)
    with pytest.raises(OutputPathError):
        write_output("x", "r.json", base_dir=base)
    assert victim.read_text() == "keep"


def test_refuses_directory_as_the_target(tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(OutputPathError):
        write_output("x", "d", base_dir=tmp_path)


def test_exit_codes():
    seeds, empty = FIXTURES["seeds"](), FIXTURES["empty"]()  # seeds: one error, one warning
    info_only = replace(seeds, findings=tuple(replace(f, severity="info") for f in seeds.findings))
    assert exit_code(empty) == 0
    assert exit_code(seeds) == 1 and exit_code(seeds, "error") == 1
    assert exit_code(info_only) == 0 and exit_code(info_only, "info") == 1
    assert exit_code(info_only, "error") == 0
    assert exit_code(seeds, "info", exit_zero=True) == 0
    with pytest.raises(ValueError):
        exit_code(seeds, "fatal")
