"""`warta.route_facts` caches Powertools' per-request "is this parameter a scalar?" answer per field; the
cached answers are Powertools' own for every parameter of every route, and the name it replaces still
exists in the pinned Powertools."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler.middlewares import openapi_validation
from aws_lambda_powertools.event_handler.openapi.dependant import (
    is_scalar_field as powertools_is_scalar_field,
)
from warta.local.lambda_runtime import load_function
from warta.route_facts import cache_route_facts


def test_the_cached_answers_are_powertools_own_for_every_route_parameter():
    app = load_function("search").app  # the handler applies the cache at import
    cache_route_facts()  # idempotent
    cached = openapi_validation.is_scalar_field
    fields = [
        field
        for route in app._static_routes + app._dynamic_routes
        if route.enable_validation is not False
        for field in route.dependant.query_params + route.dependant.path_params
    ]

    assert (
        cached is not powertools_is_scalar_field
        and getattr(cached, "__wrapped__", None) is powertools_is_scalar_field
    )
    assert len(fields) > 20
    assert [cached(f) for f in fields] == [powertools_is_scalar_field(f) for f in fields]
    assert [cached(f) for f in fields] == [powertools_is_scalar_field(f) for f in fields]  # from the cache
    assert {cached(f) for f in fields} == {True, False}  # lists (repeatable filters) and scalars


def test_a_left_out_parameter_gets_powertools_own_default_and_a_required_one_its_error():
    app = load_function("search").app
    cache_route_facts()
    cached = openapi_validation._handle_missing_field_value
    original = cached.__wrapped__  # type: ignore[attr-defined]
    fields = [
        field
        for route in app._static_routes + app._dynamic_routes
        if route.enable_validation is not False
        for field in route.dependant.query_params + route.dependant.path_params
    ]

    def outcome(handle: Any, field: Any) -> tuple[dict[str, Any], list[Any]]:
        values: dict[str, Any] = {}
        errors: list[Any] = []
        handle(field, values, errors, ("query", field.alias))
        return values, errors

    assert cached is not original and getattr(cached, "_warta_cached", False)
    for _ in range(2):  # computed, then from the cache
        assert [outcome(cached, f) for f in fields] == [outcome(original, f) for f in fields]
    required = [f for f in fields if f.required]
    assert required and all(outcome(cached, f)[1] for f in required)  # e.g. /suggest's prefix
    assert any(outcome(cached, f)[0] == {f.name: "relevance"} for f in fields)  # a str default, shared
