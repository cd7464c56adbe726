"""Story fingerprints and assignment, in process: our hand-made copies (tests/fixtures/stories) meet,
different stories on the same subject do not, and a batch assigns its own copies in order."""

from __future__ import annotations

import pytest
from warta.parse import parse_article
from warta.stories import BANDS, SAME_STORY, Fingerprint, Known, assign_stories, fingerprint

from tests.story_pages import story_pages


@pytest.fixture(scope="module")
def bodies() -> dict[str, tuple[str, str]]:
    """key -> (story, body as the parser extracts it from the page)."""
    return {
        p.key: (p.story, parse_article(p.html, key=p.key, content_type="text/html").body)
        for p in story_pages()
    }


def test_copies_on_another_layout_with_a_new_headline_and_fewer_paragraphs_are_one_story(bodies):
    prints = [(key, fingerprint(body)) for key, (_, body) in bodies.items()]
    stories = assign_stories(prints, [])
    first_of = {}
    for key, (story, _) in bodies.items():
        first_of.setdefault(story, key)
    assert stories == {key: first_of[story] for key, (story, _) in bodies.items()}
    assert len(set(stories.values())) == 4  # banjir, banjir-susulan, beras, stadion


def test_a_follow_up_on_the_same_flood_is_not_a_copy(bodies):
    original, follow_up = (
        fingerprint(bodies["banjir-1.html"][1]),
        fingerprint(bodies["banjir-susulan-1.html"][1]),
    )
    assert original.similarity(follow_up) < SAME_STORY / 2
    assert not set(original.bands()) & set(follow_up.bands())


def test_trimmed_copy_shares_bands_and_passes_the_threshold(bodies):
    full, trimmed = fingerprint(bodies["banjir-1.html"][1]), fingerprint(bodies["banjir-3.html"][1])
    assert full.similarity(trimmed) >= SAME_STORY
    assert set(full.bands()) & set(trimmed.bands())


def test_an_earlier_indexed_copy_gives_its_story(bodies):
    body = bodies["beras-1.html"][1]
    earlier = [Known("doc-old", "story-old", fingerprint(body))]
    assert assign_stories([("doc-new", fingerprint(bodies["beras-2.html"][1]))], earlier) == {
        "doc-new": "story-old"
    }


def test_a_reingested_page_keeps_its_story(bodies):
    body = bodies["stadion-1.html"][1]
    earlier = [Known("doc-1", "story-9", fingerprint(body))]
    assert assign_stories([("doc-1", fingerprint(body + " Pembaruan pukul 17.00 WIB."))], earlier) == {
        "doc-1": "story-9"
    }


def test_the_most_similar_story_wins(bodies):
    body = bodies["banjir-1.html"][1]
    near, far = fingerprint(body), fingerprint(bodies["banjir-3.html"][1])
    earlier = [Known("a", "story-far", far), Known("b", "story-near", near)]
    assert assign_stories([("new", fingerprint(body))], earlier)["new"] == "story-near"


def test_case_and_spacing_do_not_change_the_fingerprint(bodies):
    body = bodies["beras-1.html"][1]
    assert fingerprint(body) == fingerprint("  " + body.upper().replace(" ", "\n "))


def test_short_texts_have_no_fingerprint_and_start_their_own_story():
    short = fingerprint("Gempa kecil terasa di Palu.")
    assert not short and short.bands() == [] and short.encode() == ""
    assert assign_stories([("x", short), ("y", short)], []) == {"x": "x", "y": "y"}


def test_a_fingerprint_survives_encoding(bodies):
    print_ = fingerprint(bodies["banjir-2.html"][1])
    assert Fingerprint.decode(print_.encode()) == print_
    assert len(print_.bands()) == BANDS == len(set(print_.bands()))


@pytest.mark.parametrize("garbage", [None, "", "not base64!", "AAAA"])
def test_unreadable_signatures_never_match(garbage):
    assert Fingerprint.decode(garbage).signature == ()
