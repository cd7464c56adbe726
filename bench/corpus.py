"""A deterministic corpus of realistic Indonesian news pages for the benchmarks.

Every page is a pure function of (seed, index): the same seed gives byte-identical files on any
machine. Pages imitate the shapes of five kinds of Indonesian news sites (detik-, kompas-, viva-,
tempo- and antara-like): a story of officials with ranks and positions, regions at every level,
organizations and dates, wrapped in what makes real pages heavy (inline scripts and state blobs,
mega menus, related and popular lists, footers). Sizes follow a log-normal spread clipped to
20 KB .. 400 KB, as on real sites.

    python -m bench.corpus --count 300 --seed 7 --out /tmp/pages
"""

from __future__ import annotations

import argparse
import html
import json
import math
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from . import vocab

LAYOUTS = ("detik", "kompas", "viva", "tempo", "antara")
MIN_BYTES = 20_000
MAX_BYTES = 400_000
MEDIAN_BYTES = 90_000  # typical of the sites imitated; the log-normal spread gives a long tail


@dataclass(frozen=True, slots=True)
class Region:
    name: str  # gazetteer name: "Kabupaten Bogor", "Kota Bandung", "Jawa Barat"
    short: str  # how stories usually write it: "Bogor", "Bandung"
    level: str
    code: str
    province: str  # the province's name


@dataclass(frozen=True, slots=True)
class Page:
    name: str  # file name
    layout: str
    title: str
    data: bytes
    officials: tuple[str, ...]  # first mentions as written ("Kapolres Bogor AKBP ...")
    regions: tuple[str, ...]  # gazetteer names of the regions the story is about


@cache
def gazetteer() -> tuple[list[Region], dict[str, list[Region]]]:
    """Provinces, and the regencies and cities of each province, from the enrich gazetteer."""
    text = resources.files("warta.enrich").joinpath("data/regions.json").read_text(encoding="utf-8")
    data = json.loads(text)
    guarded = set(data.get("guarded", {}))
    raw = data["regions"]
    provinces = {r["code"]: r["name"] for r in raw if r["level"] == "province"}
    provs: list[Region] = []
    children: dict[str, list[Region]] = {}
    for r in raw:
        short = r["name"].removeprefix("Kabupaten ").removeprefix("Kota ")
        if r["level"] == "province":
            provs.append(Region(r["name"], r["name"], "province", r["code"], r["name"]))
        elif short not in guarded and r.get("parent") in provinces:
            children.setdefault(provinces[r["parent"]], []).append(
                Region(r["name"], short, r["level"], r["code"], provinces[r["parent"]])
            )
    return [p for p in provs if p.name in children], children


def _zone(code: str) -> tuple[str, int]:
    """The time zone of a province code: WIB (+7), WITA (+8) or WIT (+9)."""
    head = int(code.split(".", maxsplit=1)[0])
    if head >= 81:
        return "WIT", 9
    if head >= 63 or 51 <= head <= 53:
        return "WITA", 8
    return "WIB", 7


class _Writer:
    """Fills templates for one story; every choice comes from the page's own Random."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        provinces, children = gazetteer()
        self.prov = rng.choice(provinces)
        places = children[self.prov.name]
        self.place = rng.choice(places)
        regencies = [r for r in places if r.level == "regency"] or places
        cities = [r for r in places if r.level == "city"] or places
        self.regency, self.city = rng.choice(regencies), rng.choice(cities)
        self.kec = self.invented()
        self.desa = self.invented()
        self.kodam = rng.choice(vocab.KODAM)
        self.officials: list[tuple[str, str]] = []  # (first mention, short reference)

    def invented(self) -> str:
        n = self.rng.choice((2, 2, 3))
        return "".join(self.rng.choice(vocab.SYLLABLES) for _ in range(n)).capitalize()

    def person(self) -> tuple[str, str]:
        given, family = self.rng.choice(vocab.GIVEN), self.rng.choice(vocab.FAMILY)
        name = f"{given} {family}" if self.rng.random() < 0.85 else given
        return name, (family if " " in name and self.rng.random() < 0.5 else given)

    def slots(self) -> dict[str, str]:
        return {
            "prov": self.prov.short,
            "place": self.place.short,
            "regency": self.regency.short,
            "city": self.city.short,
            "kec": self.kec,
            "desa": self.desa,
            "kodam": self.kodam,
            "korem": self.rng.choice(vocab.KOREM),
            "kodim": str(self.rng.randrange(100, 1800)).zfill(4),
        }

    def official(self) -> tuple[str, str]:
        roll = self.rng.random()
        name, short = self.person()
        slots = self.slots()
        if roll < 0.35:
            office, ranks = self.rng.choice(vocab.POLICE_OFFICES)
            text = f"{office.format(**slots)} {self.rng.choice(ranks)} {name}"
        elif roll < 0.5:
            office, ranks = self.rng.choice(vocab.MILITARY_OFFICES)
            text = f"{office.format(**slots)} {self.rng.choice(ranks)} {name}"
        elif roll < 0.9:
            office, _ = self.rng.choice(vocab.CIVIL_OFFICES)
            full = (self.rng.choice(vocab.HONORIFICS) + name + self.rng.choice(vocab.DEGREES)).strip()
            text = f"{office.format(**slots)} {full}"
        else:
            text = f"{self.rng.choice(vocab.NATIONAL_OFFICES)} {name}"
        self.officials.append((text, short))
        return text, short

    def org(self) -> str:
        if self.rng.random() < 0.5:
            return self.rng.choice(vocab.NATIONAL_ORGS)
        return self.rng.choice(vocab.LOCAL_ORGS).format(**self.slots())

    def long_date(self, moment: datetime) -> str:
        return f"{moment.day} {vocab.MONTHS[moment.month - 1]} {moment.year}"

    def day(self, moment: datetime) -> str:
        return f"{vocab.WEEKDAYS[moment.weekday()]} ({moment.day}/{moment.month}/{moment.year})"

    def fill(self, template: str, published: datetime) -> str:
        rng = self.rng
        values = {
            **self.slots(),
            "org": self.org(),
            "n": str(rng.randrange(2, 60)),
            "m": str(rng.randrange(10, 900)),
            "rp": f"Rp{rng.randrange(1, 900)},{rng.randrange(1, 9)} {rng.choice(('juta', 'miliar'))}",
            "day": self.day(published - timedelta(days=rng.randrange(0, 3))),
            "date": self.long_date(published + timedelta(days=rng.randrange(3, 90))),
        }
        if "{who}" in template:
            if self.officials and rng.random() < 0.4:
                values["who"] = rng.choice(self.officials)[0]
            else:
                values["who"] = self.official()[0]
        if "{short}" in template:
            values["short"] = rng.choice(self.officials)[1] if self.officials else self.official()[1]
        return template.format(**values)


@dataclass(slots=True)
class Story:
    layout: str
    title: str
    slug: str
    url: str
    site: str
    section: str
    published: datetime
    zone: str
    authors: list[str]
    editor: str
    paragraphs: list[str]
    tags: list[str]
    image: str
    caption: str
    officials: list[str]
    regions: list[str]
    related: list[tuple[str, str]]  # (headline, url) for lists and "Baca juga"


_SITES = {
    "detik": ("detikNews", "https://news.detik.com/berita/d-{id}/{slug}"),
    "kompas": ("Kompas.com", "https://regional.kompas.com/read/{y}/{mo:02d}/{d:02d}/{id}/{slug}"),
    "viva": ("VIVA.co.id", "https://www.viva.co.id/berita/nasional/{id}-{slug}"),
    "tempo": ("Tempo.co", "https://nasional.tempo.co/read/{id}/{slug}"),
    "antara": ("ANTARA News", "https://www.antaranews.com/berita/{id}/{slug}"),
}


def _slug(title: str) -> str:
    kept = "".join(c.lower() if c.isalnum() else " " for c in title)
    return "-".join(kept.split())


def _story(rng: random.Random, layout: str, body_paragraphs: int | None = None) -> Story:
    w = _Writer(rng)
    tz_name, offset = _zone(w.prov.code)
    base = datetime(2019, 1, 1, tzinfo=timezone(timedelta(hours=offset)))
    published = base + timedelta(minutes=rng.randrange(0, 6 * 365 * 24 * 60))
    topic_name = rng.choice(list(vocab.TOPICS))
    topic = vocab.TOPICS[topic_name]
    title = w.fill(rng.choice(topic["titles"]), published)
    lead_official = w.official()[0]
    paragraphs = []
    count = body_paragraphs or rng.randrange(7, 22)
    sentences = topic["sentences"]
    for i in range(count):
        if i == 0:
            lead = w.fill(rng.choice(sentences), published)
            paragraphs.append(
                f"{lead} Hal itu disampaikan {lead_official} kepada wartawan di {w.place.short}, "
                f"{w.day(published)}."
            )
            continue
        if rng.random() < 0.2:
            who = rng.choice(w.officials)
            paragraphs.append(f'"{rng.choice(vocab.QUOTES)}," {rng.choice(vocab.SPEECH_VERBS)} {who[1]}.')
            continue
        chosen = [w.fill(rng.choice(sentences), published) for _ in range(rng.randrange(1, 4))]
        paragraphs.append(" ".join(chosen))
    related = []
    for _ in range(rng.randrange(12, 40)):
        other = rng.choice(list(vocab.TOPICS.values()))
        headline = w.fill(rng.choice(other["titles"]), published)
        related.append(
            (
                headline,
                _SITES[layout][1].format(
                    id=rng.randrange(10**6, 10**7),
                    slug=_slug(headline),
                    y=published.year,
                    mo=published.month,
                    d=published.day,
                ),
            )
        )
    site, url_form = _SITES[layout]
    article_id = rng.randrange(10**6, 10**7)
    slug = _slug(title)
    return Story(
        layout=layout,
        title=title,
        slug=slug,
        url=url_form.format(id=article_id, slug=slug, y=published.year, mo=published.month, d=published.day),
        site=site,
        section=rng.choice(vocab.SECTIONS),
        published=published,
        zone=tz_name,
        authors=[w.person()[0] for _ in range(rng.choice((1, 1, 2)))],
        editor=w.person()[0],
        paragraphs=paragraphs,
        tags=[*topic["tags"], w.place.short, w.prov.short],
        image=f"https://cdn.example-media.id/{published.year}/{published.month:02d}/{slug[:40]}.jpg",
        caption=f"Suasana di {w.place.short}, {w.prov.short}. (Foto: {w.person()[0]})",
        officials=[o[0] for o in w.officials],
        regions=[w.place.name, w.prov.name],
        related=related,
    )


# ---- page chrome: what makes real pages 20 to 400 KB ------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _head(s: Story, rng: random.Random) -> str:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": s.title,
        "mainEntityOfPage": {"@type": "WebPage", "@id": s.url},
        "datePublished": s.published.isoformat(),
        "dateModified": s.published.isoformat(),
        "author": [{"@type": "Person", "name": a} for a in s.authors],
        "publisher": {"@type": "Organization", "name": s.site},
        "image": {"@type": "ImageObject", "url": s.image, "width": 780, "height": 390},
        "description": s.paragraphs[0][:160],
    }
    tracking = {
        "site": s.layout,
        "kanal": s.section.lower(),
        "articleId": s.url.rsplit("/", 2)[-2],
        "keywords": s.tags,
        "pageType": "detail",
        "abVariant": rng.choice("ABCD"),
        "slots": [{"id": f"div-gpt-ad-{i}", "sizes": [[300, 250], [728, 90]]} for i in range(6)],
    }
    lines = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(s.title)} - {_esc(s.site)}</title>",
        f'<meta name="description" content="{_esc(s.paragraphs[0][:160])}">',
        f'<meta name="keywords" content="{_esc(", ".join(s.tags))}">',
        f'<link rel="canonical" href="{s.url}">',
        f'<meta property="og:site_name" content="{_esc(s.site)}">',
        f'<meta property="og:title" content="{_esc(s.title)}">',
        f'<meta property="og:url" content="{s.url}">',
        f'<meta property="og:image" content="{s.image}">',
        '<meta property="og:type" content="article">',
        f'<meta property="article:published_time" content="{s.published.isoformat()}">',
        f'<meta name="author" content="{_esc(s.authors[0])}">',
        f'<link rel="stylesheet" href="https://cdn.{s.layout}-static.id/css/detail.css?v={rng.randrange(10**8)}">',
    ]
    if s.layout != "antara":  # one layout leans on meta tags and the dateline only
        lines.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    lines += [
        f"<script>window.dataLayer=window.dataLayer||[];dataLayer.push({json.dumps(tracking)});</script>",
        (
            "<script>(function(w,d){var s=d.createElement('script');s.async=true;"
            "s.src='https://tags.example-analytics.id/gtm.js?id=GTM-'+w.__site;d.head.appendChild(s);})"
            "(window,document);</script>"
        ),
        "</head>",
    ]
    return "\n".join(lines)


def _nav(s: Story, rng: random.Random) -> str:
    provinces, _ = gazetteer()
    items = [
        f'<li class="nav__item"><a href="https://{s.layout}.example/{_slug(p.name)}">{_esc(p.name)}</a></li>'
        for p in rng.sample(provinces, k=min(len(provinces), rng.randrange(15, 38)))
    ]
    channels = "".join(
        f'<li class="menu__item"><a href="/{sec.lower()}">{sec}</a></li>' for sec in vocab.SECTIONS
    )
    return (
        f'<header class="header"><div class="logo"><a href="/">{_esc(s.site)}</a></div>'
        f'<nav class="nav"><ul class="menu">{channels}</ul><ul class="nav__wrap">{"".join(items)}</ul></nav>'
        '<form class="search" action="/search"><input name="q" placeholder="Cari berita"></form></header>'
        '<div id="div-gpt-ad-leaderboard" class="ads-leaderboard"></div>'
    )


def _related_list(s: Story, css: str, heading: str, items: list[tuple[str, str]]) -> str:
    rows = "".join(
        f'<li class="{css}__item"><a href="{u}"><img src="{u[:60]}.jpg" alt=""><h3>{_esc(t)}</h3></a>'
        f'<span class="{css}__date">{s.published.day} {vocab.MONTHS_SHORT[s.published.month - 1]}</span></li>'
        for t, u in items
    )
    return f'<div class="{css}"><h2 class="{css}__title">{heading}</h2><ul>{rows}</ul></div>'


def _footer(s: Story, rng: random.Random) -> str:
    links = "".join(
        f'<a href="/{w.lower()}">{w}</a>'
        for w in ("Redaksi", "Pedoman Media Siber", "Karir", "Kontak", "Kotak Pos", "Info Iklan", "Privasi")
    )
    return (
        f'<footer class="footer"><div class="footer__links">{links}</div>'
        f'<p class="copyright">Hak cipta {s.published.year} {_esc(s.site)}. Seluruh hak dilindungi.</p>'
        "</footer>"
    )


def _dateline(s: Story) -> str:
    p = s.published
    place = s.regions[0].removeprefix("Kabupaten ").removeprefix("Kota ")
    return (
        {
            "detik": f"{place} - ",
            "kompas": f"{place.upper()}, KOMPAS.com - ",
            "viva": "VIVA – ",
            "tempo": f"TEMPO.CO, {place} - ",
            "antara": f"{place} (ANTARA) - ",
        }[s.layout]
        if p
        else ""
    )


def _time_text(s: Story) -> str:
    p, zone = s.published, s.zone
    wd, mon, short = vocab.WEEKDAYS[p.weekday()], vocab.MONTHS[p.month - 1], vocab.MONTHS_SHORT[p.month - 1]
    return {
        "detik": f"{wd}, {p.day:02d} {short} {p.year} {p:%H:%M} {zone}",
        "kompas": f"{p.day:02d}/{p.month:02d}/{p.year}, {p:%H:%M} {zone}",
        "viva": f"{p.day} {mon} {p.year} | {p:%H.%M} {zone}",
        "tempo": f"{wd}, {p.day} {mon} {p.year} {p:%H:%M} {zone}",
        "antara": f"{wd}, {p.day} {mon} {p.year} {p:%H:%M} {zone}",
    }[s.layout]


_BODY_CLASS = {
    "detik": "detail__body-text itp_bodycontent",
    "kompas": "read__content",
    "viva": "main-content-detail",
    "tempo": "detail-konten",
    "antara": "post-content clearfix",
}


def _article(s: Story, rng: random.Random) -> str:
    paras = []
    for i, text in enumerate(s.paragraphs):
        dateline = f"<strong>{_esc(_dateline(s))}</strong>" if i == 0 else ""
        paras.append(f"<p>{dateline}{_esc(text)}</p>")
        if i in (2, 6) and s.related:
            t, u = s.related[i]
            paras.append(f'<p class="baca-juga"><strong>Baca juga:</strong> <a href="{u}">{_esc(t)}</a></p>')
        if i == 4:
            paras.append(
                f'<div class="ads-inarticle" id="div-gpt-ad-inarticle-{i}"><script>googletag.cmd.push('
                f"function(){{googletag.display('div-gpt-ad-inarticle-{i}');}});</script></div>"
            )
    credit = (
        f'<p class="credit">Pewarta: {_esc(s.authors[0])}<br>Editor: {_esc(s.editor)}</p>'
        if s.layout == "antara"
        else ""
    )
    body_attr = ' itemprop="articleBody"' if s.layout == "viva" else ""
    tags = "".join(f'<a class="tag__link" href="/tag/{_slug(t)}">{_esc(t)}</a>' for t in s.tags)
    authors = ", ".join(_esc(a) for a in s.authors)
    return (
        f'<div class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/{s.section.lower()}">{s.section}</a></div>'
        f'<article class="detail"><h1 class="detail__title">{_esc(s.title)}</h1>'
        f'<div class="detail__author">{authors} - {_esc(s.site)}</div>'
        f'<div class="detail__date">{_time_text(s)}</div>'
        f'<figure class="detail__media"><img src="{s.image}" alt="{_esc(s.title)}">'
        f"<figcaption>{_esc(s.caption)}</figcaption></figure>"
        f'<div class="{_BODY_CLASS[s.layout]}"{body_attr}>{"".join(paras)}{credit}</div>'
        f'<div class="detail__tag">{tags}</div>'
        f'<div class="share"><a class="share--fb" href="#">Facebook</a><a class="share--wa" href="#">WhatsApp</a></div>'
        "</article>"
    )


def _state_blob(s: Story, rng: random.Random, size: int) -> str:
    """Inline JSON state of a client-side framework (recommendations, ad config): the bulk of real pages."""
    items: list[dict[str, Any]] = []
    length = 0
    while length < size:
        t, u = s.related[len(items) % len(s.related)]
        item = {
            "id": rng.randrange(10**9),
            "title": t,
            "url": u,
            "thumb": f"{u[:50]}/thumb.jpg",
            "views": rng.randrange(10**6),
            "channel": rng.choice(vocab.SECTIONS),
            "ts": int(s.published.timestamp()) - rng.randrange(10**6),
        }
        items.append(item)
        length += len(json.dumps(item, ensure_ascii=False).encode()) + 1
    blob = json.dumps({"props": {"page": "detail", "recommendations": items}}, ensure_ascii=False)
    return f'<script id="__STATE__" type="application/json">{blob}</script>'


def _target_size(rng: random.Random) -> int:
    return int(min(MAX_BYTES, max(MIN_BYTES, rng.lognormvariate(math.log(MEDIAN_BYTES), 0.65))))


def render(s: Story, rng: random.Random, target: int) -> bytes:
    top = _head(s, rng) + f'\n<body class="{s.layout} detail">' + _nav(s, rng)
    popular = _related_list(s, "terpopuler", "Terpopuler", s.related[:10])
    related = _related_list(s, "related", "Berita Terkait", s.related[10:])
    main = (
        f'<div class="container"><main class="col-main">{_article(s, rng)}{related}</main>'
        f'<aside class="col-side">{popular}</aside></div>'
    )
    bottom = _footer(s, rng) + "\n</body>\n</html>\n"
    size = len((top + main + bottom).encode())
    blob = _state_blob(s, rng, target - size - 100) if target - size > 500 else ""
    return (top + main + blob + bottom).encode("utf-8")


def page(seed: int, index: int, *, target_bytes: int | None = None) -> Page:
    """Page `index` of the corpus of `seed`; `target_bytes` overrides the drawn size (e.g. a 25 MB page,
    which then carries a very long live report as well as a large state blob)."""
    rng = random.Random(f"warta-bench:{seed}:{index}")
    layout = LAYOUTS[rng.randrange(len(LAYOUTS))]
    target = target_bytes or _target_size(rng)
    story = _story(rng, layout, body_paragraphs=(target // 2000) if target > MAX_BYTES else None)
    data = render(story, rng, target)
    return Page(
        name=f"{index:06d}-{layout}-{story.slug[:50]}.html",
        layout=layout,
        title=story.title,
        data=data,
        officials=tuple(story.officials),
        regions=tuple(story.regions),
    )


def pages(count: int, seed: int, start: int = 0) -> Iterator[Page]:
    for index in range(start, start + count):
        yield page(seed, index)


def documents(generated: Iterable[Page]) -> list[dict[str, Any]]:
    """The generated pages as ingest would index them: parsed, enriched and built (bucket "bench")."""
    from warta.enrich import enrich
    from warta.index.documents import build_document
    from warta.parse import parse_article

    built = []
    for generated_page in generated:
        article = parse_article(generated_page.data, key=generated_page.name)
        built.append(
            build_document(
                bucket="bench",
                key=generated_page.name,
                article=article,
                entities=enrich(article),
                ingested=datetime.now(UTC),
            )
        )
    return built


def write(count: int, seed: int, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for p in pages(count, seed):
        path = out / p.name
        path.write_bytes(p.data)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Write N generated Indonesian news pages, deterministic from a seed."
    )
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    paths = write(args.count, args.seed, args.out)
    total = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} pages ({total / 1e6:.1f} MB) to {args.out}")


if __name__ == "__main__":
    main()
