"""Powertools' request validation asks, for every parameter of the route on every request, whether the
parameter is a scalar: a walk over its type annotation (`typing` and `issubclass` calls) whose answer
never changes for a route. With the search route's 19 parameters that walk was about a fifth of the
handler's own CPU (`make bench-own`). `cache_route_facts` remembers the answer per parameter field.

It replaces one module-level name in Powertools' validation middleware; the pinned Powertools version is
the one it is written against, and `tests/unit/test_route_facts.py` fails if the name moves or the answers
differ from Powertools' own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_PATCHED = "_warta_cached"


def cache_route_facts() -> None:
    """Idempotent; call once at the handler's import."""
    from aws_lambda_powertools.event_handler.middlewares import openapi_validation

    original: Callable[[Any], bool] = getattr(openapi_validation, "is_scalar_field")  # noqa: B009 - not exported
    if getattr(original, _PATCHED, False):
        return
    # Keyed by identity: fields are unhashable dataclasses that live as long as the app's routes; the
    # field itself is kept with its answer so that its id cannot be reused by another object.
    answers: dict[int, tuple[Any, bool]] = {}

    def is_scalar_field(field: Any) -> bool:
        known = answers.get(id(field))
        if known is None or known[0] is not field:
            known = answers[id(field)] = (field, original(field))
        return known[1]

    setattr(is_scalar_field, _PATCHED, True)
    is_scalar_field.__wrapped__ = original  # type: ignore[attr-defined]
    setattr(openapi_validation, "is_scalar_field", is_scalar_field)  # noqa: B010 - not exported
