"""Plain frozen dataclasses passed between the pipeline's stages.

ingest -> Document; segment -> Article; claims -> Claim; quantities -> Quantity,
DateValue; entities -> EntityMention; align -> Fact, FactGroup, Event; engine ->
Finding, Report.  Stages import this module, never each other's internals.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

INF = float("inf")


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that could not be read (fully), reported instead of raised."""

    path: str
    reason: str
    code: str = "input"          # input | encoding | binary | empty | missing | limit | parse
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One input file (or standard input) as read by a loader."""

    id: str                       # the path as given on the command line
    path: str
    format: str                   # text | markdown | html | jsonfeed | digest
    text: str                     # the decoded file text
    encoding: str = "utf-8"
    metadata: dict[str, Any] = field(default_factory=dict)
    # Articles a loader already knows (JSON feeds, HTML, front matter): segment keeps them.
    records: tuple["RawArticle", ...] = ()


@dataclass(frozen=True, slots=True)
class LineAnchor:
    """Maps an offset in an article body to a 1-based line of its file."""

    offset: int                   # offset in the article body where the anchor starts
    line: int                     # file line of that offset
    counts_newlines: bool = True  # False when the body came from one JSON line or an HTML block


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as a loader found it, before segmentation decides ids."""

    body: str
    anchors: tuple[LineAnchor, ...]
    title: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    url: str | None = None
    record_id: str | None = None
    position: int | None = None   # 1-based place in the file (JSONL: N-th non-blank line, broken ones counted)


@dataclass(frozen=True, slots=True)
class Article:
    """One article: a whole file, one record of a feed, or one block of a digest page."""

    id: str                       # doc id, or "doc#N" when the file holds several articles
    doc_id: str
    index: int                    # 1-based position in the file
    body: str
    anchors: tuple[LineAnchor, ...]
    title: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    url: str | None = None
    multi: bool = False           # True when the file holds several articles

    def line_of(self, offset: int) -> int | None:
        """File line (1-based) of an offset in the body."""
        if not self.anchors:
            return None
        keys = [a.offset for a in self.anchors]
        i = max(0, bisect.bisect_right(keys, offset) - 1)
        anchor = self.anchors[i]
        if not anchor.counts_newlines:
            return anchor.line
        return anchor.line + self.body.count("\n", anchor.offset, offset)

    @property
    def published_date(self) -> date | None:
        return self.published.date() if self.published else None


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence or bullet of an article, with its place and citation markers."""

    id: str                       # article id + ":" + ordinal
    article_id: str
    text: str                     # exactly as it stands in the body (citations stripped at the end)
    start: int                    # offsets in the article body
    end: int
    line: int | None
    citations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure read from text: a number, percentage, quantity, money or duration.

    ``value``/``unit`` are as written ("52 million tons" -> 52e6, "metric_ton").
    ``low``/``high`` are the hedged interval in ``base_unit`` (percent, tonne, USD, year, ...),
    which is what rules compare.
    """

    kind: str                     # number | percentage | quantity | currency | duration
    value: float
    unit: str | None
    start: int
    end: int
    text: str
    low: float
    high: float
    base_unit: str | None = None  # canonical unit of low/high
    dimension: str | None = None  # share | mass | currency | count | duration | ...
    hedge: str | None = None      # hedge class: about, nearly, more_than, at_least, less_than, up_to
    hedge_text: str | None = None
    notes: tuple[str, ...] = ()   # policies the reading relied on, e.g. "tons read as metric tonnes"

    @property
    def base_value(self) -> float:
        """The nominal value in base units (midpoint when the interval is closed)."""
        if self.high == INF:
            return self.low
        return (self.low + self.high) / 2


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date or period read from text, as a closed interval of days."""

    start: date
    end: date
    granularity: str              # day | month | quarter | half | range | year | decade
    text: str
    span_start: int
    span_end: int
    iso: str                      # ISO form at the text's granularity ("2023-07", "2023")
    relative: bool = False        # resolved against the publication date ("next year")
    deadline: bool = False        # "by 2030": a target, not an event date
    hedge: str | None = None


@dataclass(frozen=True, slots=True)
class EntityMention:
    """An entity named in a claim (a country, bloc, company, project)."""

    entity: str                   # canonical id, e.g. "US", or a normalised proper name
    surface: str
    start: int
    end: int
    kind: str = "country"         # country | bloc | region | company | org | project | name
    role: str = "name"            # name | possessive | demonym | government


@dataclass(frozen=True, slots=True)
class Fact:
    """A figure about something: who, what measure, which period, what value."""

    subject: str                  # entity id
    metric: str                   # comparable-metric id
    scope: str                    # global | of:<entity> imports | market:<entity> | ...
    period: str                   # "2023" | "current@2025" | "stock"
    value: Quantity
    claim: Claim
    article: Article
    commodity: str = ""
    kind: str = "share"           # share | amount
    dated: bool = True
    attributed: bool = False      # someone claims it ("India claims ...", "according to ...")
    subject_surface: str = ""
    metric_surface: str = ""
    # (low, high) in the value's base unit of the figure a revision said as such replaced ("raised its
    # estimate of reserves to 2.4 million ounces from 2.1"): that earlier figure is superseded, no conflict
    revised_from: tuple[float, ...] = ()
    # its sentence calls it a final figure ("said in its final figures for the season"): it supersedes the
    # same measure's different figures in articles published before it
    final: bool = False

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.subject, self.commodity, self.metric, self.scope, self.kind)


@dataclass(frozen=True, slots=True)
class FactGroup:
    """Facts that state the same measure: (subject, commodity, metric, scope, kind, period)."""

    key: tuple[str, ...]
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event a claim reports (a mine opening, controls taking effect)."""

    subject: str                  # project or actor id
    action: str                   # event class id, e.g. "start", "expansion"
    date: DateValue
    modality: str                 # upcoming | rescheduled | done | plan_past | target | reported
    claim: Claim
    article: Article
    subject_surface: str = ""
    action_surface: str = ""
    attributed: bool = False
    cue: str = ""                 # the words that set the modality ("set to", "originally", "opened")
    part: str = ""                # the part of the facility it is about ("second potline"): another event than the first's
    # how the part is named: "" by a number or a market ("second potline", "in VN"); "kind" by its kind at
    # the site ("the new passenger terminal at X": the numbered terminal of its noun, if one is named);
    # "beside" a facility of its own next to the site ("a hydrogen station beside the X plant"): never the
    # site's own event
    part_by: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One claim cited by a finding, with the normalized value that made it count."""

    doc: str                      # article id as in the contract (path or path#N)
    path: str
    line: int | None
    text: str
    side: str | None = None
    value: str | None = None      # normalized value shown to the reader, e.g. "57–63%"
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    start: int | None = None      # offsets of the figure inside ``text`` (for highlighting)
    end: int | None = None
    column: int | None = None     # 1-based column of the claim in its line, when known
    url: str | None = None        # the article's URL as published (renderers keep only http/https/relative)


@dataclass(frozen=True, slots=True)
class Finding:
    """A discrepancy: which rule, how bad, why, and the claims that disagree."""

    rule: str                     # rule code, e.g. "NM01"
    name: str                     # rule name, e.g. "share-mismatch"
    category: str
    severity: str                 # error | warning | info
    message: str
    evidence: tuple[Evidence, ...]
    measure: str = ""             # human label of the measure (entity, metric, period)
    fingerprint: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Counts:
    documents: int = 0
    articles: int = 0
    claims: int = 0
    facts: int = 0
    events: int = 0
    skipped: int = 0


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a renderer needs: findings, what was read, what could not be."""

    findings: tuple[Finding, ...]
    counts: Counts
    inputs: tuple[str, ...]
    problems: tuple[InputProblem, ...] = ()
    rules_run: tuple[str, ...] = ()
    tool_version: str = ""
