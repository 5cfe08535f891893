"""The closed set of rule kinds; a rule file picks one with `kind = "..."`."""
from checker.engine.kinds import (
    arithmetic,
    count_conflict,
    date_conflict,
    future_dated,
    reference,
    stale_schedule,
    value_conflict,
)

KINDS = {
    "value_conflict": value_conflict,
    "stale_schedule": stale_schedule,
    "future_dated": future_dated,
    "date_conflict": date_conflict,
    "count_conflict": count_conflict,
    "arithmetic": arithmetic,
    "reference": reference,
}
