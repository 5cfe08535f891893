"""Packaging glue: the rules/ folder ships inside the wheel as checker/_rules.

Everything else is declared in pyproject.toml; this file only maps the data folder, which
lives at the top of the repository (where editors and users find it) but must travel with
the package when factlint is installed without a checkout.
"""
from setuptools import find_packages, setup

RULE_FOLDERS = ["", "checks", "lexicons", "entities"]

setup(
    packages=find_packages(include=["checker", "checker.*"])
    + ["checker._rules" + (f".{sub}" if sub else "") for sub in RULE_FOLDERS],
    package_dir={"checker._rules": "rules"},
    package_data={
        "checker": ["py.typed"],
        "checker.report": ["templates/*", "schemas/*"],
        **{"checker._rules" + (f".{sub}" if sub else ""): ["*.toml", "*.txt", "*.csv"] for sub in RULE_FOLDERS},
    },
)
