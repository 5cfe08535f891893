"""Shared by stale_schedule and future_dated: how far a date lies from the publication date."""
from __future__ import annotations

from datetime import date

from checker.engine.evidence import evidence, fingerprint, render_message
from checker.engine.rules import Rule
from checker.model import Event, Finding


def months_between(earlier: date, later: date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (negative when later is before)."""
    return (later.year - earlier.year) * 12 + (later.month - earlier.month)


def publication(event: Event) -> date | None:
    return event.article.published_date


def describe(event: Event) -> str:
    """ "the Lake Ellford gigafactory — start of operations", or the subject alone."""
    if event.subject_surface and event.action_surface:
        return f"{event.subject_surface} — {event.action_surface}"
    return event.subject_surface or event.action_surface or "dated event"


def dated_finding(rule: Rule, event: Event, published: date, gap: int, message: str | None = None) -> Finding:
    """A finding about one dated claim, its date and modality cue as the evidence."""
    item = evidence(event.article, event.claim, value=event.date.iso,
                    span=(event.date.span_start, event.date.span_end))
    measure = f"{describe(event)}, {event.date.text}"
    message = render_message(message or rule.message, date=event.date.text, published=published.isoformat(),
                             months=str(gap), event=describe(event), cue=event.cue or "?")
    severity = rule.param("attributed_severity") if event.attributed and rule.param("attributed_severity") else rule.severity
    return Finding(rule.code, rule.name, rule.category, severity, message, (item,), measure,
                   fingerprint(rule.code, measure, [item]))
