"""`enrich`: an Article -> the officials, persons, regions, organizations, dates and quotes it names. Pure.

The package's own import loads nothing: `enrich` and the entity types load on first use (PEP 562). A
module that needs one part, such as the search API reading the alias table (`enrich.aliases`), does not
pay for the tagger, the gazetteer and every finder at its cold start (about 70 ms)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import DateMention, Entities, Official, Organization, Person, Quote, RegionMention, Speaker
    from .pipeline import enrich

__all__ = [
    "DateMention",
    "Entities",
    "Official",
    "Organization",
    "Person",
    "Quote",
    "RegionMention",
    "Speaker",
    "enrich",
]

# where each public name lives: "enrich" in the pipeline, the entity types in the model
_HOME = {name: "pipeline" if name == "enrich" else "model" for name in __all__}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{home}", __name__), name)
