"""Summaries of repeated measurements: the median and the spread, never a single run."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any


def summary(values: Sequence[float]) -> dict[str, Any]:
    """Median, p90, p99, min and max of `values` (seconds or any unit), and how many there were."""
    ordered = sorted(values)
    if not ordered:
        return {"n": 0}
    if len(ordered) == 1:
        only = ordered[0]
        return {"n": 1, "median": only, "p90": only, "p99": only, "min": only, "max": only}
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {
        "n": len(ordered),
        "median": statistics.median(ordered),
        "p90": cuts[89],
        "p99": cuts[98],
        "min": ordered[0],
        "max": ordered[-1],
    }


def ms(value: float) -> str:
    return f"{value * 1000:.1f}" if value < 10 else f"{value * 1000:.0f}"
