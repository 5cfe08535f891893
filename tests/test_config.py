"""Configuration: factlint.toml / [tool.factlint] found upwards, per-rule overrides, select/ignore, extra rules."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli.app import app
from checker.config import Config, find_config_file, load_config
from checker.data import DataError
from checker.engine.catalogue import active_rules

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RUNNER = CliRunner()


def _run(args, cwd):
    import os

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return RUNNER.invoke(app, args)
    finally:
        os.chdir(old)


def test_found_by_walking_up(tmp_path):
    (tmp_path / "factlint.toml").write_text('select = ["NM"]\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    path, nested = find_config_file(deep)
    assert path == tmp_path / "factlint.toml" and not nested
    assert load_config(start=deep).select == ["NM"]


def test_pyproject_section(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.factlint]\nignore = ["TM01"]\n', encoding="utf-8")
    assert load_config(start=tmp_path).ignore == ["TM01"]


def test_pyproject_without_section_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    found = find_config_file(tmp_path)
    assert found is None or found[0] != tmp_path / "pyproject.toml"


def test_select_ignore_and_overrides(tmp_path):
    path = tmp_path / "factlint.toml"
    path.write_text('select = ["NM", "TM01"]\nignore = ["NM02"]\n[rules.NM01]\nseverity = "error"\nparams = { share_tolerance = 2.5 }\n', encoding="utf-8")
    rules = {r.code: r for r in active_rules(load_config(path))}
    assert set(rules) == {"NM01", "TM01"}
    assert rules["NM01"].severity == "error"
    assert rules["NM01"].param("share_tolerance") == 2.5
    assert rules["NM01"].param("kinds") == ["share", "ratio", "growth"]      # untouched parameters keep the rule file's value


def test_command_line_select_and_ignore():
    codes = {r.code for r in active_rules(Config(), select=["TM"], ignore=["TM02"])}
    assert codes == {"TM01"}


@pytest.mark.parametrize("text, key", [
    ('colour = "never"\n', "colour"),
    ('[rules.NM01]\nseverity = "fatal"\n', "rules.NM01.severity"),
    ('[rules.XX99]\nseverity = "error"\n', "rules.XX99"),
    ('[rules.NM01]\nparams = { share_tolerance = "wide" }\n', "params.share_tolerance"),
    ('fail_on = "sometimes"\n', "fail_on"),
])
def test_bad_settings_name_file_and_key(tmp_path, text, key):
    path = tmp_path / "factlint.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        active_rules(load_config(path))
    assert key in str(info.value) and "factlint.toml" in str(info.value)


def test_bad_config_exits_2(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "factlint.toml").write_text("select = [\n", encoding="utf-8")
    result = _run(["check", "seeds"], tmp_path)
    assert result.exit_code == 2
    assert "factlint.toml" in result.output


def test_config_severity_changes_exit_code(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "factlint.toml").write_text('fail_on = "error"\n', encoding="utf-8")
    assert _run(["check", "seeds"], tmp_path).exit_code == 0          # two warnings, gate at error
    (tmp_path / "factlint.toml").write_text('fail_on = "error"\n[rules.TM01]\nseverity = "error"\n', encoding="utf-8")
    assert _run(["check", "seeds"], tmp_path).exit_code == 1


def test_extra_rule_folder(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    house = tmp_path / "house"
    house.mkdir()
    (house / "HX01.toml").write_text(
        'code = "HX01"\nname = "strict-share"\nkind = "value_conflict"\ncategory = "numeric_conflict"\n'
        'severity = "error"\nmessage = "{measure}: {sides}"\n[params]\nkinds = ["share"]\nshare_tolerance = -10.0\n'
        '[docs]\nsummary = "s"\nwhy = "w"\nfires = "f"\npasses = "p"\n', encoding="utf-8")
    result = _run(["check", "seeds", "--rules", str(house), "--select", "HX01", "--format", "json"], tmp_path)
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    assert findings and all(f["rule"] == "HX01" for f in findings)
