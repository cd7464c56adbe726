"""Story clusters: which articles are copies of one story (syndication, regional subdomains, reposts).

Pure: text in, fingerprint out; fingerprints in, story ids out. The index look-up lives in
`warta.index.stories`.

A fingerprint is a MinHash of the body's word 4-shingles, computed by one-permutation hashing: every
shingle is hashed once (xxh3, 64 bits); the top bits pick one of `BINS` bins and each bin keeps its
smallest value. Empty bins borrow a filled bin's value along a fixed probe sequence (densification),
so short texts still give a full signature. The share of equal bins estimates the Jaccard similarity
of the two shingle sets. Bins are grouped in `BANDS` bands of `ROWS`; a band's key is a hash of its
values, stored as a keyword, so documents that share any band key are found with one terms query
(locality-sensitive hashing). Candidates are then confirmed with the signature itself.

Only the body counts: a changed headline, another site's chrome (already stripped by `warta.parse`)
and trimmed paragraphs leave most shingles shared. Why our own MinHash and not datasketch, with
numbers: docs/decisions.md ("Story clusters").

API for other modules (alerts fire once per story):
- `fingerprint(body) -> Fingerprint`; `Fingerprint.bands()`, `.encode()`, `Fingerprint.decode(text)`;
- `assign_stories(batch, earlier) -> {doc_id: story_id}` for a batch in order, where `earlier` are
  `Known` documents (id, story id, fingerprint) found in the index;
- `assign_documents(documents, lookup)`: the ingest hook; sets `story_id` on documents built by
  `warta.index.documents.build_document`, asking a `StoryLookup` (the index adapter:
  `warta.index.stories.OpenSearchStoryLookup`) for earlier copies;
- a story id is the id of the first document of the story.
"""

from __future__ import annotations

import base64
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from xxhash import xxh3_64_hexdigest, xxh3_64_intdigest

SHINGLE_WORDS = 4
BINS = 128
ROWS = 4
BANDS = BINS // ROWS  # 32 bands of 4: P(shared band) is 0.57 at similarity 0.4, 0.87 at 0.5, 0.99 at 0.6
BIN_BITS = 7  # log2(BINS)
VALUE_MASK = (1 << (64 - BIN_BITS)) - 1
MIN_SHINGLES = 12  # below this (about a dozen words) a text says too little to call it a copy
SAME_STORY = 0.4  # estimated Jaccard of the shingle sets; unrelated news stories share well under 0.05
_WORD = re.compile(r"\w+")
_PACK = struct.Struct(f">{BINS}I")


# A fixed pseudo-random probe order per bin, the same for every text: an empty bin i borrows from
# the first filled bin of (start_i + k * step_i) mod BINS, k = 1, 2, ...; an odd step visits every bin.
_STARTS = tuple(xxh3_64_intdigest(b"start%d" % i) % BINS for i in range(BINS))
_STEPS = tuple(xxh3_64_intdigest(b"step%d" % i) % BINS | 1 for i in range(BINS))


@dataclass(frozen=True, slots=True)
class Fingerprint:
    signature: tuple[int, ...]  # BINS 32-bit values; empty when the text is too short to compare

    def __bool__(self) -> bool:
        return bool(self.signature)

    def bands(self) -> list[str]:
        """LSH keys, one per band: two fingerprints sharing one are candidates for the same story."""
        if not self.signature:
            return []
        packed = _PACK.pack(*self.signature)
        return [
            f"{band:02d}-{xxh3_64_hexdigest(packed[band * ROWS * 4 : (band + 1) * ROWS * 4])}"
            for band in range(BANDS)
        ]

    def similarity(self, other: Fingerprint) -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets (0 when either is empty)."""
        if not self.signature or not other.signature:
            return 0.0
        return sum(a == b for a, b in zip(self.signature, other.signature, strict=True)) / BINS

    def encode(self) -> str:
        return base64.b64encode(_PACK.pack(*self.signature)).decode() if self.signature else ""

    @classmethod
    def decode(cls, text: str | None) -> Fingerprint:
        """The inverse of `encode`; anything unreadable gives an empty fingerprint (never a match)."""
        try:
            return cls(_PACK.unpack(base64.b64decode(text or "", validate=True)))
        except (ValueError, struct.error):
            return cls(())


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))


def fingerprint(text: str) -> Fingerprint:
    hashes = sorted(map(xxh3_64_intdigest, map(str.encode, shingles(text))), reverse=True)
    if len(hashes) < MIN_SHINGLES:
        return Fingerprint(())
    # Descending order: the last write per bin is its smallest hash.
    smallest = {h >> (64 - BIN_BITS): h & 0xFFFFFFFF for h in hashes}
    signature = []
    for index in range(BINS):
        value = smallest.get(index)
        if value is None:
            start, step = _STARTS[index], _STEPS[index]
            value = next(
                smallest[p] for k in range(1, BINS + 1) if (p := (start + k * step) % BINS) in smallest
            )
        signature.append(value)
    return Fingerprint(tuple(signature))


@dataclass(frozen=True, slots=True)
class Known:
    """A document already assigned to a story."""

    doc_id: str
    story_id: str
    fingerprint: Fingerprint


def assign_stories(batch: Sequence[tuple[str, Fingerprint]], earlier: Iterable[Known]) -> dict[str, str]:
    """A story id for each (doc_id, fingerprint) of `batch`, taken in order: the story of the most
    similar known document (earlier ones, then those before it in the batch) when the similarity
    reaches `SAME_STORY`, else the document's own id (it starts a story). A document found among
    `earlier` under its own id (a re-ingested page) keeps its story while its text stays close."""
    by_band: dict[str, list[Known]] = {}

    def remember(known: Known) -> None:
        for band in known.fingerprint.bands():
            by_band.setdefault(band, []).append(known)

    for known in earlier:
        remember(known)
    stories: dict[str, str] = {}
    for doc_id, print_ in batch:
        candidates = {id(k): k for band in print_.bands() for k in by_band.get(band, ())}.values()
        scored = [(print_.similarity(k.fingerprint), k.story_id) for k in candidates]
        matches = [(-score, story) for score, story in scored if score >= SAME_STORY]
        story = min(matches)[1] if matches else doc_id
        stories[doc_id] = story
        remember(Known(doc_id, story, print_))
    return stories


class StoryLookup(Protocol):
    def known(self, prints: Sequence[Fingerprint]) -> list[Known]:
        """Indexed documents sharing at least one band with any of `prints`; raises when unreachable."""
        ...


def assign_documents(documents: Sequence[dict[str, Any]], lookup: StoryLookup) -> None:
    """Set `story_id` on each document (in place, in order; copies within the batch included) from its
    stored `story_signature`."""
    prints = [(d["id"], Fingerprint.decode(d.get("story_signature"))) for d in documents]
    earlier = lookup.known([p for _, p in prints if p]) if any(p for _, p in prints) else []
    stories = assign_stories(prints, earlier)
    for document in documents:
        document["story_id"] = stories[document["id"]]
