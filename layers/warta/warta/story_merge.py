"""Story clusters that converge: two copies written at the same moment end in one story, without a lock.

Two workers (or two SQS batches in flight together) may each look for earlier copies before either has
written, and each start a story of its own (`warta.stories.assign_documents`). After its bulk write
(made visible by a refresh), every batch asks the index again for the copies of what it wrote. When its
documents and their copies carry more than one story id, the stories merge into the one whose first
document was indexed first (then the smaller id): the story that would have won had the two batches run
one after the other, so a story id stays the id of its story's first document. Every worker applies the
same rule to what the index holds, so they agree whichever finishes first; the later of two racing
batches always sees the other's write, because each refreshes before it looks.

Pure: the rule (`merge_groups`, `winners`) and the loop (`converge`) against a `StoryMerger` port;
the index adapter (`warta.index.story_merge.OpenSearchStoryMerger`) does the searches and the writes.
Moves are idempotent: a story id that no document carries any more moves nothing, so a redelivered
message or a second worker re-running the same move changes nothing. Why and what it costs:
docs/decisions.md ("Story clusters").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from .ports import WriteAction, WriteResult
from .stories import SAME_STORY, Fingerprint, Known

MAX_ROUNDS = 3  # a move can race with another merge of its winner; look again, a bounded number of times


class StoryMerger(Protocol):
    """The index as convergence sees it. Each call reads what earlier writes left (refreshed)."""

    def copies(self, prints: Sequence[Fingerprint]) -> list[Known]:
        """Indexed documents sharing a band with any of `prints`, with their current story ids."""
        ...

    def first_indexed(self, story_ids: Collection[str]) -> dict[str, datetime | None]:
        """When each story's first document (the document whose id is the story id) was indexed;
        None when that document is gone or has no time."""
        ...

    def move(self, moves: Mapping[str, str]) -> int:
        """Give every document of each story in `moves` (loser -> winner) the winner's id, visible to
        the next `copies` on return; returns the number of documents changed."""
        ...


def merge_groups(written: Iterable[Known], found: Iterable[Known]) -> list[set[str]]:
    """Sets of story ids that hold copies of one written document (estimated Jaccard >= SAME_STORY),
    joined when they share a story. A written document counts under its story in the index (`found`),
    which another worker may have moved since it was written."""
    found = list(found)
    current = {known.doc_id: known.story_id for known in found}
    by_band: dict[str, list[Known]] = {}
    for known in found:
        for band in known.fingerprint.bands():
            by_band.setdefault(band, []).append(known)
    parent: dict[str, str] = {}

    def root(story: str) -> str:
        while parent.setdefault(story, story) != story:
            parent[story] = parent[parent[story]]
            story = parent[story]
        return story

    for doc in written:
        own = root(current.get(doc.doc_id, doc.story_id))
        candidates = {k.doc_id: k for band in doc.fingerprint.bands() for k in by_band.get(band, ())}
        for copy in candidates.values():
            if copy.doc_id != doc.doc_id and doc.fingerprint.similarity(copy.fingerprint) >= SAME_STORY:
                other = root(copy.story_id)
                if other != own:
                    parent[other] = own
    groups: dict[str, set[str]] = {}
    for story in parent:
        groups.setdefault(root(story), set()).add(story)
    return [group for group in groups.values() if len(group) > 1]


def winners(groups: Iterable[set[str]], first_indexed: Mapping[str, datetime | None]) -> dict[str, str]:
    """loser -> winner for every story of every group: the winner is the story whose first document was
    indexed first, then the smallest id; a story whose first document is gone ranks last."""

    def rank(story: str) -> tuple[bool, Any, str]:
        when = first_indexed.get(story)
        return (when is None, when.timestamp() if when is not None else 0.0, story)

    moves: dict[str, str] = {}
    for group in groups:
        winner = min(group, key=rank)
        moves.update({story: winner for story in group if story != winner})
    return moves


def converge(written: Sequence[Known], merger: StoryMerger, rounds: int = MAX_ROUNDS) -> dict[str, str]:
    """Merge the stories that hold copies of `written` (documents this batch has just indexed, with the
    story each was given) until one look finds nothing to merge, at most `rounds` looks. Returns the
    story of each written document as the index holds it at the end."""
    stories = {doc.doc_id: doc.story_id for doc in written}
    comparable = [doc for doc in written if doc.fingerprint]
    prints = [doc.fingerprint for doc in comparable]
    for _ in range(rounds if prints else 0):
        found = merger.copies(prints)
        stories.update({k.doc_id: k.story_id for k in found if k.doc_id in stories})
        groups = merge_groups(comparable, found)
        if not groups:
            break
        moves = winners(groups, merger.first_indexed(set().union(*groups)))
        merger.move(moves)
        stories = {doc_id: moves.get(story, story) for doc_id, story in stories.items()}
    return stories


def converge_batch(
    actions: Sequence[WriteAction],
    owners: Sequence[str],
    results: Sequence[WriteResult],
    merger: StoryMerger,
    index: str,
) -> dict[str, str]:
    """The ingest hook, after the batch's bulk write: converge the stories of the documents it indexed
    into `index` (their `story_id` is updated in place, so alerts match the merged story). Returns the
    messages whose look failed, with the reason: SQS delivers them again and the retry looks again
    (the documents themselves are written)."""
    written = [
        (owner, action.document)
        for action, owner, result in zip(actions, owners, results, strict=True)
        if action.op == "index"
        and action.index == index
        and result.outcome == "indexed"
        and isinstance(action.document, dict)
    ]
    if not written:
        return {}
    try:
        stories = converge(
            [Known(d["id"], d["story_id"], Fingerprint.decode(d.get("story_signature"))) for _, d in written],
            merger,
        )
    except Exception as exc:  # noqa: BLE001 - OpenSearch trouble: retry, the next look merges
        reason = f"story merge check failed: {type(exc).__name__}: {exc}"[:500]
        return {owner: reason for owner, _ in written}
    for _, document in written:
        document["story_id"] = stories[document["id"]]
    return {}


def parse_time(value: object) -> datetime | None:
    """An ISO 8601 time as stored in the index (`ingested`), or None."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
