"""Hand-built Report fixtures for the renderer tests, and the snapshot helper they share."""
from __future__ import annotations

import os
from pathlib import Path

from checker.model import Counts, Evidence, Finding, InputProblem, Report

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = Path(__file__).with_name("snapshots")
SEED0 = "seeds/000_019cb405469e32cd.txt"
SEED1 = "seeds/001_054e74a0c7af6f75.txt"


def _ev(doc: str, line: int | None, text: str, figure: str | None, column: int | None = None, **kw) -> Evidence:
    """Evidence with the figure's offsets found in the text (so fixtures cannot drift from their text)."""
    start = text.index(figure) if figure else None
    return Evidence(doc=doc, path=doc.split("#")[0], line=line, text=text, column=column,
                    start=start, end=None if start is None else start + len(figure), **kw)


def seeds_report() -> Report:
    """What the pipeline should make of seeds/: one numeric conflict, one stale schedule, one unreadable input."""
    mining = _ev(
        f"{SEED0}#2", 10,
        "The core objective of the QUAD alliance is to reduce dependence on China's critical minerals, particularly "
        "in rare earth elements, where China dominates global supply chains, accounting for approximately 60% of "
        "global rare earth mining and nearly 90% of refining [5][9][30]",
        "approximately 60%", column=11, side="56.5–63.5%", value="56.5–63.5%", low=56.5, high=63.5, unit="percent",
        outlet="Sou Hu Cai Jing", published="2025-07-04",
        title="四国在美牵手,建立“稀土联盟”,转头却发现特朗普又对中国让步")
    production = _ev(
        SEED1, 1,
        "China holds approximately 52 million tons of proven rare earth reserves, nearly half of the global total, "
        "and produced 210,000 tons in 2023, accounting for nearly 70% of global production [3].",
        "nearly 70%", column=557, side="66.5–70%", value="66.5–70%", low=66.5, high=70.0, unit="percent",
        outlet="Sou Hu Cai Jing", published="2025-07-07",
        title="又盯上中国了,“印太”稀土联盟已成,四国在美牵手,中方已做好打算")
    stale = _ev(
        f"{SEED0}#1", 7,
        "The U.S. is attempting to reduce its reliance on Chinese rare earths, with the first new rare earth mine "
        "set to produce in July 2023, valued at $37 billion [1]",
        "set to produce in July 2023", column=11, value="2023-07", outlet="Sou Hu Cai Jing", published="2025-07-05",
        title="四国在美牵手,建立稀土联盟,转头却发现:特朗普又对中国让步了")
    findings = (
        Finding(rule="TM01", name="stale-schedule", category="stale_temporal", severity="warning",
                message="Presented as upcoming, but July 2023 is before the article's publication date (2025-07-05)",
                evidence=(stale,), measure="first new U.S. rare-earth mine, start of production",
                fingerprint="tm01-5d1c2e9a4b7f3c10"),
        Finding(rule="NM01", name="share-mismatch", category="numeric_conflict", severity="error",
                message="China's share of global rare-earth mining, current 2025: approximately 60% (56.5–63.5%) "
                        "vs nearly 70% (66.5–70%)",
                evidence=(mining, production), measure="China's share of global rare-earth mining, current 2025",
                fingerprint="nm01-8a3f0c6e21d94b57"),
    )
    return Report(findings=findings, counts=Counts(documents=2, articles=3, claims=31, facts=9, events=2),
                  inputs=(SEED0, SEED1), problems=(InputProblem("seeds/missing.html", "no such file", "missing"),),
                  rules_run=("NM01", "TM01"), tool_version="0.0.0-test")


HOSTILE_TITLE = '<script>alert("t")</script> Prices | "onmouseover="alert(1)'
HOSTILE_TEXT = ('Output rose to <script>alert(1)</script> about 45% "onmouseover="alert(2) of [x](javascript:alert(3)) '
                'world | supply <img src=x onerror=alert(4)> & more')


def hostile_report() -> Report:
    """An article whose title, text, outlet and URL try to inject markup, script, links and table cells."""
    bad = _ev("docs/evil.html", 3, HOSTILE_TEXT, "about 45%", column=1, side="a|b", value="40–50%", low=40, high=50,
              unit="percent", outlet='Evil | Outlet "onmouseover="x', published="2024-01-02", title=HOSTILE_TITLE,
              url="javascript:alert(document.cookie)")
    spaced = _ev("docs/evil two.md", 5, "At least 80% of output, says <b>someone</b>.", "At least 80%",
                 side="≥80%", low=80, high=float("inf"), unit="percent", outlet="Fine Outlet",
                 url='https://example.org/a?q="x"&y=<z>')
    rel = _ev("docs/ok.txt", None, "Exports were 55% in 2023.", "55%", side="55%", low=55, high=55, unit="percent",
              outlet="Relative", url="articles/ok.html")
    tab = _ev("docs/evil.html", 4, "A\tline\x1b[31m with\r\ncontrol\u202echaracters, 12 %", None, column=2)
    findings = (
        Finding(rule="NM01", name="share-mismatch", category="numeric_conflict", severity="warning",
                message='Share of <b>world</b> supply: 45% vs "80%" | 55%', evidence=(bad, spaced, rel),
                measure="<i>Evil</i> | share, 2023"),
        Finding(rule="CT01", name="count-mismatch", category="count_conflict", severity="info",
                message="Count: 50%, done; 100% sure:\nnext line", evidence=(tab,)),
    )
    return Report(findings=findings, counts=Counts(documents=3, articles=3, claims=4), inputs=("docs",),
                  tool_version="0.0.0-test")


def empty_report() -> Report:
    """Nothing found, nothing wrong."""
    return Report(findings=(), counts=Counts(documents=1, articles=1, claims=5), inputs=("a.txt",),
                  tool_version="0.0.0-test")


FIXTURES = {"seeds": seeds_report, "hostile": hostile_report, "empty": empty_report}


def assert_snapshot(name: str, text: str) -> None:
    """Compare ``text`` with ``tests/snapshots/NAME``; FACTLINT_UPDATE_SNAPSHOTS=1 rewrites the file instead."""
    path = SNAPSHOTS / name
    if os.environ.get("FACTLINT_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        return
    assert path.exists(), f"missing snapshot {path}; run with FACTLINT_UPDATE_SNAPSHOTS=1 to create it"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{name} differs from its snapshot; FACTLINT_UPDATE_SNAPSHOTS=1 updates it after review"


def test_fixture_figures_sit_in_their_claims():
    for build in FIXTURES.values():
        for f in build().findings:
            for e in f.evidence:
                if e.start is not None:
                    assert e.text[e.start:e.end]


def test_seed_fixture_matches_the_seed_files():
    # The fixture's lines and columns are those of the real files, so SARIF regions point at the right place.
    for f in seeds_report().findings:
        for e in f.evidence:
            lines = (ROOT / e.path).read_text(encoding="utf-8").split("\n")
            line = lines[e.line - 1]
            assert line[e.column - 1:].startswith(e.text)
