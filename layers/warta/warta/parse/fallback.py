"""The second opinion: trafilatura's extraction, for pages where ours finds no body or a doubtful one.

trafilatura is imported here, inside the call, so a cold start pays nothing for it unless a page
needs it (its import costs about 140 ms and its dependencies about 56 MB, which is why it ships in a
separate optional layer: docs/decisions.md). When it is not installed, the fallback says so and the
page keeps what our extractor found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import cast

# Below this, our body is doubtful enough to ask for the second opinion.
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class FallbackBody:
    paragraphs: list[str]
    available: bool  # False when trafilatura is not installed


@cache
def _trafilatura_extract() -> Callable[..., str | None] | None:
    """trafilatura's `extract`, imported on first use; None when it is not installed (asked once per
    process: a failed import is not cached by Python and would scan sys.path on every page)."""
    try:
        from trafilatura import extract
    except ImportError:
        return None
    return cast("Callable[..., str | None]", extract)


def fallback_paragraphs(html: str) -> FallbackBody:
    """trafilatura's paragraphs of `html`, without comments, tables or links' targets."""
    extract = _trafilatura_extract()
    if extract is None:
        return FallbackBody([], available=False)
    try:
        text = extract(
            html,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            deduplicate=False,
            with_metadata=False,
        )
    except Exception:  # noqa: BLE001 - a third-party failure must not lose the page: ours still stands
        return FallbackBody([], available=True)
    paragraphs = [" ".join(line.split()) for line in (text or "").splitlines()]
    return FallbackBody([p for p in paragraphs if p], available=True)


def is_better(ours: list[str], theirs: list[str]) -> bool:
    """Take the fallback's body only when it clearly holds more story text than ours."""
    our_chars = sum(len(p) for p in ours)
    their_chars = sum(len(p) for p in theirs)
    return their_chars >= 200 and their_chars > 1.5 * our_chars
