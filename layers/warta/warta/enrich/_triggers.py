"""Run a big alternation regex only where it can start.

Python's `re` tries every alternative of a pattern at every position of the text, which is what makes a
pattern with hundreds of titles or ranks slow on a long article. A `TriggeredPattern` first finds, in one
Aho-Corasick pass, the places where one of the words a match must begin with occurs ("Kapolda", "Irjen",
a digit), then tries the regex anchored at those places only. The matches are the ones `finditer` would give:
leftmost first, non-overlapping, each the regex's own match at its start (look-behinds still see the text
before it). The automaton is built on first use, so importing a module that holds one stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


class TriggeredPattern:
    def __init__(self, pattern: re.Pattern[str], triggers: Iterable[str]) -> None:
        self.pattern = pattern
        self._triggers = tuple(sorted({t for t in triggers if t}))
        self._automaton: object | None = None

    def _build(self) -> object:
        import ahocorasick

        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS, ahocorasick.KEY_STRING)
        for word in self._triggers:
            automaton.add_word(word, len(word))
        automaton.make_automaton()
        self._automaton = automaton
        return automaton

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        automaton = self._automaton or self._build()
        starts = sorted({end - length + 1 for end, length in automaton.iter(text)})  # type: ignore[attr-defined]
        match = self.pattern.match
        taken = 0
        for start in starts:
            if start < taken:
                continue
            m = match(text, start)
            if m is not None:
                yield m
                taken = max(m.end(), start + 1)


def first_words(variants: Iterable[str], *, any_first_case: bool = False) -> set[str]:
    """The first word of each written form; with `any_first_case` also its lower/upper-case-initial twin."""
    out: set[str] = set()
    for v in variants:
        word = v.split()[0] if v.split() else v
        out.add(word)
        if any_first_case:
            out.add(word[:1].lower() + word[1:])
            out.add(word[:1].upper() + word[1:])
    return out
