"""Our hand-made set of pages with known copies (tests/fixtures/stories): each story rendered on one of
two site layouts, with its own headline and paragraphs left out or added, as syndicated copies are."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path
from string import Template

FOLDER = Path(__file__).resolve().parent / "fixtures" / "stories"


@dataclass(frozen=True)
class StoryPage:
    story: str  # which story the page tells (the expected cluster)
    key: str
    site: str
    title: str
    html: bytes


def story_pages() -> list[StoryPage]:
    data = json.loads((FOLDER / "stories.json").read_text())
    layouts = {
        name: Template((FOLDER / f"layout_{name}.html").read_text()) for name in ("portal", "regional")
    }
    pages = []
    for story, spec in data["stories"].items():
        for copy in spec["copies"]:
            paragraphs = [spec["paragraphs"][i] for i in copy["keep"]]
            if "lead" in copy:
                paragraphs[0] = f"{copy['lead']} {paragraphs[0]}"
            if "extra" in copy:
                paragraphs.insert(1, copy["extra"])
            text = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            page = layouts[copy["layout"]].substitute(
                site=html.escape(copy["site"]),
                title=html.escape(copy["title"]),
                published=copy["published"],
                url=f"https://{copy['site'].lower().replace(' ', '')}.example/{copy['key']}",
                paragraphs=text,
            )
            pages.append(StoryPage(story, copy["key"], copy["site"], copy["title"], page.encode()))
    return pages
