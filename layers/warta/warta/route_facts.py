"""Powertools' request validation re-derives, for every parameter of the route on every request, facts
that never change for a route. `cache_route_facts` remembers them per parameter field:

- whether the parameter is a scalar: a walk over its type annotation (`typing` and `issubclass` calls).
  With the search route's 19 parameters that walk was about a fifth of the handler's own CPU.
- the default of a parameter the request leaves out: pydantic copies it on every request (a search
  leaves out about 23 parameters: 0.38 of the 1.34 ms that request validation took under a profiler,
  `make bench-own`). Only defaults of immutable types are kept (None, str, int, float, bool, dates,
  enum members, tuples of these), for which pydantic's copy returns the same object anyway; any other
  default, and every required parameter, still goes through Powertools.

It replaces two module-level names in Powertools' validation middleware; the pinned Powertools version
is the one it is written against, and `tests/unit/test_route_facts.py` fails if the names move or the
answers differ from Powertools' own."""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

_PATCHED = "_warta_cached"
_IMMUTABLE = (type(None), str, int, float, bool, bytes, date, datetime, time, timedelta, enum.Enum)
_UNSHARED = object()  # the default is not cached: ask Powertools every time


def cache_route_facts() -> None:
    """Idempotent; call once at the handler's import."""
    from aws_lambda_powertools.event_handler.middlewares import openapi_validation as middleware

    _replace(middleware, "is_scalar_field", _cached_is_scalar)
    _replace(middleware, "_handle_missing_field_value", _cached_missing_default)


def _replace(module: Any, name: str, wrap: Callable[[Any], Any]) -> None:
    original = getattr(module, name)
    if getattr(original, _PATCHED, False):
        return
    replacement = wrap(original)
    setattr(replacement, _PATCHED, True)
    replacement.__wrapped__ = original
    setattr(module, name, replacement)


def _per_field(compute: Callable[[Any], Any]) -> Callable[[Any], Any]:
    # Keyed by identity: fields are unhashable dataclasses that live as long as the app's routes; the
    # field itself is kept with its answer so that its id cannot be reused by another object.
    answers: dict[int, tuple[Any, Any]] = {}

    def lookup(field: Any) -> Any:
        known = answers.get(id(field))
        if known is None or known[0] is not field:
            known = answers[id(field)] = (field, compute(field))
        return known[1]

    return lookup


def _cached_is_scalar(original: Callable[[Any], bool]) -> Callable[[Any], bool]:
    lookup = _per_field(original)

    def is_scalar_field(field: Any) -> bool:
        return bool(lookup(field))

    return is_scalar_field


def _shared_default(field: Any) -> Any:
    if field.required:
        return _UNSHARED
    default = field.get_default()
    return default if _immutable(default) else _UNSHARED


def _immutable(value: Any) -> bool:
    if isinstance(value, tuple):
        return all(_immutable(item) for item in value)
    return isinstance(value, _IMMUTABLE)


def _cached_missing_default(original: Callable[..., None]) -> Callable[..., None]:
    lookup = _per_field(_shared_default)

    def handle_missing_field_value(field: Any, values: dict[str, Any], errors: list[Any], loc: Any) -> None:
        default = lookup(field)
        if default is _UNSHARED:
            original(field, values, errors, loc)
        else:
            values[field.name] = default

    return handle_missing_field_value
