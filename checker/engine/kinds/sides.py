"""Split intervals into sides that agree among themselves and disagree across sides."""
from __future__ import annotations

from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


def split_sides(items: Sequence[T], bounds: Callable[[T], tuple[float, float]], gap: Callable[[float, float, float, float], bool]) -> list[list[T]]:
    """Greedy sweep: a side is a run of items with a common point; items that overlap two sides are dropped.

    ``gap(lo1, hi1, lo2, hi2)`` says whether two intervals are far enough apart to conflict.
    The result has sides in ascending order; fewer than two sides means no conflict.
    """
    ordered = sorted(items, key=lambda item: (bounds(item)[0], bounds(item)[1]))
    sides: list[list[T]] = []
    common: list[tuple[float, float]] = []
    for item in ordered:
        lo, hi = bounds(item)
        if sides:
            c_lo, c_hi = common[-1]
            if not gap(c_lo, c_hi, lo, hi):
                sides[-1].append(item)
                common[-1] = (max(c_lo, lo), min(c_hi, hi))
                continue
        sides.append([item])
        common.append((lo, hi))
    if len(sides) < 2:
        return sides
    # An item that does not conflict with some item of another side is ambiguous: drop it.
    clean: list[list[T]] = []
    for i, side in enumerate(sides):
        keep = []
        for item in side:
            lo, hi = bounds(item)
            ambiguous = any(
                not gap(lo, hi, *bounds(other))
                for j, other_side in enumerate(sides) if j != i
                for other in other_side
            )
            if not ambiguous:
                keep.append(item)
        if keep:
            clean.append(keep)
    return clean
