"""Entity lexicon cases: tests/cases/entities/*.toml."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker.entities import NameCanon, find_entities, load_entities
from checker.entities.match import load_name_rules, name_id
from checker.entities.zh_names import zh_names

CASES = Path(__file__).parent / "cases" / "entities"


def _cases():
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(case, id=case["text"][:40])


@pytest.mark.parametrize("case", list(_cases()))
def test_entities(case):
    # lowercase: words the article also writes in lower case (a lone capitalised one is no name)
    found = find_entities(case["text"], load_entities(), lowercase_words=frozenset(case.get("lowercase", [])))
    assert [[m.entity, m.role] for m in found] == case["entities"]


def test_near_variants_unify_but_look_alikes_stay_apart():
    canon = NameCanon()
    canon.build({"name:norustone ev", "name:norustone evs", "name:kasalis", "name:kasalis ev", "name:dagotek", "name:dagotek auto", "name:dagotek minerals", "US"})
    assert canon.canonical("name:norustone ev") == "name:norustone ev"
    assert canon.canonical("name:norustone evs") == "name:norustone ev"
    assert canon.canonical("name:kasalis") == "name:kasalis ev"
    assert canon.canonical("name:dagotek") == "name:dagotek"
    assert canon.canonical("name:dagotek auto") == "name:dagotek auto"
    assert canon.canonical("US") == "US"
    canon = NameCanon()
    canon.build({"name:formosa wafer", "name:formosa wafer manufacturing", "name:nam khiao", "name:nam khiao 2", "name:nam khiao 3"})
    assert canon.canonical("name:formosa wafer") == "name:formosa wafer manufacturing"
    assert canon.canonical("name:nam khiao") == "name:nam khiao"


ZH_CASES = tomllib.loads((Path(__file__).parent / "cases" / "zh_names" / "names.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", ZH_CASES["case"], ids=lambda c: c["text"][:20])
def test_chinese_names(case):
    rules = load_name_rules()
    found = zh_names(case["text"], load_entities(),
                     lambda latin: "" if latin in rules.not_names else name_id(latin, rules))
    assert found == case["names"]


@pytest.mark.parametrize("case", ZH_CASES["sound"], ids=lambda c: c["chinese"])
def test_chinese_names_match_latin_ones_by_sound(case):
    canon = NameCanon()
    canon.build({case["chinese"], *case["latin"]})
    assert canon.canonical(case["chinese"]) == case["expect"]
