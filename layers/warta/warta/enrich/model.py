"""Typed results of enrichment. Plain frozen dataclasses: cheap to build, easy to serialise."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

RegionLevel = Literal["province", "regency", "city"]
RegionRole = Literal["dateline", "mentioned"]


@dataclass(frozen=True, slots=True)
class RegionMention:
    """An Indonesian region named in the text, resolved against the gazetteer."""

    name: str  # as written in the text, e.g. "Palu"
    canonical: str  # gazetteer name, e.g. "Kota Palu"
    level: RegionLevel
    code: str  # Kemendagri code, e.g. "72.71"
    path: tuple[str, ...]  # canonical names from the province down to this region
    start: int = -1  # offset of the first mention in the searched text
    end: int = -1
    role: RegionRole = "mentioned"  # "dateline": where the story was filed, not a place it is about


@dataclass(frozen=True, slots=True)
class Official:
    """A person holding an office or a rank."""

    key: str  # canonical key for facets: the normalised name
    name: str
    rank: str | None = None  # full rank, e.g. "Inspektur Jenderal"
    position: str | None = None  # e.g. "Kapolda Metro Jaya"
    jurisdiction: str | None = None  # canonical region the position covers, when it names one
    former: bool = False  # "Mantan Kapolda ..."
    public: bool = True  # False for company posts
    mentions: int = 1


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in the text, however often and in whatever short form."""

    name: str  # the fullest form written, e.g. "Ahmad Fauzi"
    canonical: str  # the alias table's name when it knows the person ("Jokowi" -> "Joko Widodo"), else name
    mentions: tuple[tuple[int, int], ...] = ()  # [start, end) of each mention in the searched text


@dataclass(frozen=True, slots=True)
class Organization:
    name: str  # as written
    canonical: str  # full name, e.g. "Markas Besar Kepolisian Negara Republik Indonesia"
    abbreviation: str | None = None  # e.g. "Mabes Polri"


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str  # as written
    date: date
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class Entities:
    officials: tuple[Official, ...] = field(default_factory=tuple)
    regions: tuple[RegionMention, ...] = field(default_factory=tuple)
    organizations: tuple[Organization, ...] = field(default_factory=tuple)
    dates: tuple[DateMention, ...] = field(default_factory=tuple)
    quotes: tuple[Quote, ...] = field(default_factory=tuple)
    persons: tuple[Person, ...] = field(default_factory=tuple)  # officials among them


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str  # as written at the quote ("Putut", "KPK")
    canonical: str  # the fullest name the body gives ("Putut Eko Bayu Seno")


QuoteKind = Literal["direct", "indirect"]


@dataclass(frozen=True, slots=True)
class Quote:
    """Words the body gives to a speaker: in quotation marks (direct) or reported with a speech verb."""

    text: str  # direct: the words inside the marks; indirect: the reported clause (at most 200 characters)
    kind: QuoteKind
    speaker: Speaker | None  # None for unnamed people ("seorang warga")
    speaker_role: str | None  # the post the body gives the speaker
    cue: str | None  # "kata", "mengatakan", "menurut"; None when the speaker is known from context only
    start: int  # offsets of the quoted words in the body
    end: int
