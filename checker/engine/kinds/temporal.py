"""Shared by stale_schedule and future_dated: how far a date lies from the publication date."""
from __future__ import annotations

from datetime import date

from checker.model import Event


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
