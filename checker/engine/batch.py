"""What the rule kinds look at: the aligned facts, events and counts of one batch."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checker.model import Article, Event, Fact

if TYPE_CHECKING:  # the engine does not import the align stage at run time
    from checker.align.counts import CountStatement


@dataclass
class Batch:
    articles: list[Article]
    facts: list[Fact]
    events: list[Event]
    counts: list["CountStatement"]
    reference_rows: list[dict[str, Any]] = field(default_factory=list)
    growth: list[Any] = field(default_factory=list)               # align.growth.GrowthStatement
    group_counts: list[Any] = field(default_factory=list)         # align.counts.GroupCount
    members: dict[str, int] = field(default_factory=dict)         # bloc id -> number of members in the lexicon
    labels: dict[str, str] = field(default_factory=dict)     # entity / commodity / metric id -> label
