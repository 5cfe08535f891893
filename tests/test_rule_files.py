"""Rule files and configuration are untrusted: each mistake is exit 2 naming the file and the key, never a hang."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from test_hostile import ROOT, SEEDS, run

GOOD = '''code = "{code}"
name = "house-share"
kind = "value_conflict"
category = "numeric_conflict"
severity = "warning"
message = "{{measure}}: {{sides}}"
[params]
kinds = ["share"]
[docs]
summary = "s"
why = "w"
fires = "f"
passes = "p"
'''

# folder contents -> (file named in the error, key or line named in the error)
BAD_RULE_FOLDERS = {
    "malformed_toml": ({"bad.toml": 'code = "XX01"\n[[[oops\n'}, "bad.toml", ":2"),
    "unknown_key": ({"r.toml": 'colour = "red"\n' + GOOD.format(code="XX02")}, "r.toml", "[colour]"),
    "wrong_type": ({"r.toml": GOOD.format(code="XX03").replace('severity = "warning"', "severity = 3")},
                   "r.toml", "[severity]"),
    "wrong_param_type": ({"r.toml": GOOD.format(code="XX04").replace('kinds = ["share"]', 'kinds = ["share"]\n'
                                                                     'share_tolerance = "a lot"')},
                         "r.toml", "[params.share_tolerance]"),
    "unknown_kind": ({"r.toml": GOOD.format(code="XX05").replace("value_conflict", "telepathy")}, "r.toml", "[kind]"),
    "duplicate_code": ({"a.toml": GOOD.format(code="XX06"), "b.toml": GOOD.format(code="XX06")}, "b.toml", "[code]"),
    "duplicate_packaged_code": ({"r.toml": GOOD.format(code="NM01")}, "r.toml", "[code]"),
    "missing_key": ({"r.toml": GOOD.format(code="XX07").replace('name = "house-share"\n', "")}, "r.toml", "[name]"),
    "not_utf8": ({"r.toml": b"code = \"\xff\xfe\"\n"}, "r.toml", "UTF-8"),
}


def _write(folder: Path, files: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


def _assert_config_error(proc, *needles: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr_text)
    assert proc.stderr_text.startswith("factlint: error:"), proc.stderr_text
    assert proc.stderr_text.count("\n") == 1, proc.stderr_text  # one line, no traceback
    for needle in needles:
        assert needle in proc.stderr_text, (needle, proc.stderr_text)


def test_a_good_extra_rule_folder_works(tmp_path):
    _write(tmp_path / "house", {"r.toml": GOOD.format(code="XX99")})
    proc = run([str(SEEDS), "--rules", "house"], tmp_path)
    assert proc.returncode == 1, proc.stderr_text


@pytest.mark.parametrize("case", sorted(BAD_RULE_FOLDERS))
def test_bad_extra_rule_folder_via_flag(tmp_path, case):
    files, name, where = BAD_RULE_FOLDERS[case]
    _write(tmp_path / "house", files)
    _assert_config_error(run([str(SEEDS), "--rules", "house"], tmp_path), name, where)


@pytest.mark.parametrize("case", sorted(BAD_RULE_FOLDERS))
def test_bad_extra_rule_folder_via_config(tmp_path, case):
    files, name, where = BAD_RULE_FOLDERS[case]
    _write(tmp_path / "house", files)
    (tmp_path / "factlint.toml").write_text('extra_rules = ["house"]\n')
    _assert_config_error(run([str(SEEDS)], tmp_path), name, where)


@pytest.mark.parametrize("command", [["rules"], ["explain", "NM01"]])
def test_other_commands_report_bad_rule_files_too(tmp_path, command):
    files, name, where = BAD_RULE_FOLDERS["unknown_kind"]
    _write(tmp_path / "house", files)
    (tmp_path / "factlint.toml").write_text('extra_rules = ["house"]\n')
    proc = run(command, tmp_path, command="")
    _assert_config_error(proc, name, where)


def test_missing_rule_folder(tmp_path):
    _assert_config_error(run([str(SEEDS), "--rules", "nowhere"], tmp_path), "nowhere", "does not exist")


@pytest.mark.parametrize("text, where", [
    ("select = [\n", "factlint.toml:"),
    ("colour = 1\n", "[colour]"),
    ("select = \"NM\"\n", "[select]"),
    ("fail_on = \"sometimes\"\n", "[fail_on]"),
    ("jobs = \"many\"\n", "[jobs]"),
    ("[rules.NM01]\nseverity = \"fatal\"\n", "[rules.NM01.severity]"),
    ("[rules.NM01]\nloudness = 3\n", "[rules.NM01]"),
    ("[rules.ZZ99]\nseverity = \"info\"\n", "[rules.ZZ99]"),
    ("[rules.NM01]\nparams = { share_tolerance = \"x\" }\n", "share_tolerance"),
    ("[rules.NM01]\nparams = { no_such_param = 1 }\n", "no_such_param"),
])
def test_bad_configuration_file(tmp_path, text, where):
    (tmp_path / "factlint.toml").write_text(text)
    _assert_config_error(run([str(SEEDS)], tmp_path), "factlint.toml", where)


def test_bad_pyproject_section(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.factlint]\nignore = 3\n")
    _assert_config_error(run([str(SEEDS)], tmp_path), "pyproject.toml", "[ignore]")


def test_explicit_config_that_does_not_exist(tmp_path):
    _assert_config_error(run([str(SEEDS), "--config", "missing.toml"], tmp_path), "missing.toml")


# ----------------------------------------------------------------- user regexes (bylines.toml)
def _own_rules(tmp_path: Path, extra: str) -> Path:
    """A copy of the packaged rules/ with ``extra`` appended to bylines.toml, used via rules_dir."""
    shutil.copytree(ROOT / "rules", tmp_path / "myrules")
    with (tmp_path / "myrules" / "bylines.toml").open("a", encoding="utf-8") as fh:
        fh.write("\n" + extra)
    (tmp_path / "factlint.toml").write_text('rules_dir = "myrules"\n')
    return tmp_path / "myrules" / "bylines.toml"


def test_copied_rules_dir_gives_the_same_answer(tmp_path):
    _own_rules(tmp_path, "")
    proc = run([str(SEEDS), "--format", "json"], tmp_path)
    assert proc.returncode == 1 and '"NM01"' in proc.stdout_text and '"TM01"' in proc.stdout_text


@pytest.mark.parametrize("pattern", [r"^(?P<date>(a+)+)$", r"^(?P<date>(\d*)*)x$", r"(?P<date>(x+x+)+y)"])
def test_nested_quantifier_is_refused_on_load(tmp_path, pattern):
    _own_rules(tmp_path, f"[[digest]]\nname = \"evil\"\npattern = '{pattern}'\n")
    _assert_config_error(run([str(SEEDS)], tmp_path), "bylines.toml", "[digest[2].pattern]", "nested quantifier")


@pytest.mark.parametrize("section", ["digest", "dateline"])
@pytest.mark.parametrize("pattern", [r"^(?P<outlet>x)?(?P<date>(a|aa)+)$", r"^(?P<date>(a|a)*)$"])
def test_catastrophic_pattern_that_passes_the_shape_check_is_bounded(tmp_path, section, pattern):
    # (the pattern is appended after the shipped ones of its section: its index is their count)
    index = sum(1 for line in (ROOT / "rules" / "bylines.toml").read_text(encoding="utf-8").splitlines() if line.strip() == f"[[{section}]]")
    _own_rules(tmp_path, f"[[{section}]]\nname = \"evil\"\npattern = '{pattern}'\n")
    # A digest pattern meets every line, a dateline pattern the lines under a title.
    (tmp_path / "aaa.txt").write_text("Title\n" + ("a" * 250 + "!\n") * 2000)
    started = time.monotonic()
    proc = run(["aaa.txt", str(SEEDS), "-j", "1"], tmp_path)
    assert time.monotonic() - started < 30
    _assert_config_error(proc, "bylines.toml", f"[{section}[{index}].pattern]", "evil")


@pytest.mark.parametrize("text, where", [
    ("[[digest]]\nname = \"x\"\npattern = '(?P<date>[)'\n", "does not compile"),
    ("[[digest]]\nname = \"x\"\npattern = '(?P<when>\\d+)'\n", "unknown group"),
    ("[[digest]]\nname = \"x\"\npattern = 3\n", "non-empty string"),
    ("[[digest]]\nname = \"x\"\npattern = 'x'\nflags = 1\n", "unknown key"),
    ("[settings]\nmatch_timeout = -1\n", "settings.match_timeout"),
])
def test_bad_byline_rules(tmp_path, text, where):
    path = _own_rules(tmp_path, "")
    original = path.read_text(encoding="utf-8")
    if text.startswith("[settings]"):
        path.write_text(original.replace("match_timeout = 0.05", "match_timeout = -1"), encoding="utf-8")
    else:
        path.write_text(original + "\n" + text, encoding="utf-8")
    _assert_config_error(run([str(SEEDS)], tmp_path), "bylines.toml", where)


def test_catastrophic_claims_pattern_is_bounded(tmp_path):
    _own_rules(tmp_path, "")
    claims = tmp_path / "myrules" / "lexicons" / "claims.toml"
    text = claims.read_text(encoding="utf-8")
    import re

    text = re.sub(r"(?m)^line_bullet\s*=.*$", "line_bullet = '^(a|aa)+$'", text)
    claims.write_text(text, encoding="utf-8")
    (tmp_path / "aaa.txt").write_text("Title\n\n" + "a" * 40 + "!\n")
    proc = run(["aaa.txt", "-j", "1"], tmp_path, timeout=20)
    _assert_config_error(proc, "claims.toml", "line_bullet")


@pytest.mark.parametrize("key, value, needle", [
    ("project_money_metrics", '["exports", "tonnage"]', "no such metric(s): tonnage"),
    ("further", "3", "further"),
])
def test_bad_cue_lists_name_file_and_key(tmp_path, key, value, needle):
    _own_rules(tmp_path, "")
    cues = tmp_path / "myrules" / "lexicons" / "cues.toml"
    import re

    text = re.sub(rf"(?m)^{key}\s*=.*$", f"{key} = {value}", cues.read_text(encoding="utf-8"))
    cues.write_text(text, encoding="utf-8")
    _assert_config_error(run([str(SEEDS), "-j", "1"], tmp_path), "cues.toml", needle)



def test_a_unit_rules_txt_does_not_define_is_a_clear_error():
    # every unit rules/units.toml names is checked against rules/units.txt when the registry is built
    from checker.quantities import lexicon, units

    units._check_defined(units.registry(), {"liter", "hectoliter"})
    with pytest.raises(lexicon.LexiconError, match=r"units\.toml: unit 'firkin' is not defined in rules/units\.txt"):
        units._check_defined(units.registry(), {"liter", "firkin"})


@pytest.mark.parametrize("pattern, replacement, needle", [
    # a commodity measured in a unit rules/units.toml does not define
    (r'(?m)^measured_in = \["barrel_per_day"', 'measured_in = ["hogshead"', "no such unit 'hogshead'"),
    # goods held as a measure metrics.toml does not define
    (r'(?m)^held_as = "capacity"', 'held_as = "armada"', "held_as 'armada' is no metric's group"),
])
def test_a_bad_commodity_key_names_file_and_key(tmp_path, pattern, replacement, needle):
    _own_rules(tmp_path, "")
    commodities = tmp_path / "myrules" / "lexicons" / "commodities.toml"
    import re

    text = re.sub(pattern, replacement, commodities.read_text(encoding="utf-8"), count=1)
    commodities.write_text(text, encoding="utf-8")
    _assert_config_error(run([str(SEEDS), "-j", "1"], tmp_path), "commodities.toml", needle)
