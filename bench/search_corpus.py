"""Synthetic enriched articles for the search benchmark, straight to index documents.

No HTML and no enrichment run: an `Article` and its `Entities` are composed directly and handed to
`build_document`, so 10,000 documents take seconds. The shapes follow what real news gives the index:
a few officials are named in most stories (Zipf-like popularity), regions lean towards the big cities
and provinces, organizations repeat, and publication dates spread over 2012-2025. Everything is
deterministic from the seed."""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from warta.enrich import regions as regions_module
from warta.enrich.model import DateMention, Entities, Official, Organization, RegionMention
from warta.enrich.regions import region_by_code
from warta.index.documents import build_document
from warta.parse.article import Article

WIB = timezone(timedelta(hours=7))
BUCKET = "bench-search"
FIRST_DAY = date(2012, 1, 1)
LAST_DAY = date(2025, 12, 31)

_GIVEN = [
    "Agus",
    "Budi",
    "Putut",
    "Sri",
    "Dewi",
    "Rudi",
    "Hendra",
    "Siti",
    "Bambang",
    "Eko",
    "Joko",
    "Rina",
    "Andi",
    "Fajar",
    "Wahyu",
    "Nur",
    "Dedi",
    "Yusuf",
    "Ratna",
    "Teguh",
    "Indra",
    "Lestari",
    "Arif",
    "Bayu",
    "Dian",
    "Gita",
    "Hadi",
    "Irwan",
    "Kartika",
    "Mulyadi",
]
_FAMILY = [
    "Santoso",
    "Wibowo",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Siregar",
    "Nasution",
    "Harahap",
    "Kurniawan",
    "Setiawan",
    "Pratama",
    "Simanjuntak",
    "Sitompul",
    "Wijaya",
    "Rahman",
    "Lubis",
    "Sinaga",
    "Susanto",
    "Purnomo",
    "Gunawan",
]
_RANKS = [
    ("Inspektur Jenderal", "Kapolda"),
    ("Brigadir Jenderal", "Wakapolda"),
    ("Komisaris Besar", "Kapolres"),
    ("Ajun Komisaris Besar", "Kasat Reskrim"),
    (None, "Gubernur"),
    (None, "Bupati"),
    (None, "Wali Kota"),
    (None, "Ketua DPRD"),
    (None, "Menteri"),
    (None, "Kepala Dinas"),
]
_MINISTRIES = ["Keuangan", "Dalam Negeri", "Kesehatan", "Pendidikan", "Perhubungan", "Pertanian", "Sosial"]
_ORGANIZATIONS = [
    ("Kepolisian Negara Republik Indonesia", "Polri"),
    ("Komisi Pemberantasan Korupsi", "KPK"),
    ("Dewan Perwakilan Rakyat", "DPR"),
    ("Badan Nasional Penanggulangan Bencana", "BNPB"),
    ("Kejaksaan Agung", "Kejagung"),
    ("Mahkamah Konstitusi", "MK"),
    ("Komisi Pemilihan Umum", "KPU"),
    ("Badan Pengawas Pemilu", "Bawaslu"),
    ("Tentara Nasional Indonesia", "TNI"),
    ("Badan Pusat Statistik", "BPS"),
    ("Bank Indonesia", "BI"),
    ("Otoritas Jasa Keuangan", "OJK"),
    ("Badan Narkotika Nasional", "BNN"),
    ("Pertamina", None),
    ("Perusahaan Listrik Negara", "PLN"),
    ("Badan Meteorologi, Klimatologi, dan Geofisika", "BMKG"),
    ("Ombudsman Republik Indonesia", None),
    ("Komisi Nasional Hak Asasi Manusia", "Komnas HAM"),
    ("Mahkamah Agung", "MA"),
    ("Badan Pemeriksa Keuangan", "BPK"),
    ("Kementerian Kesehatan", "Kemenkes"),
    ("Kementerian Keuangan", "Kemenkeu"),
    ("Basarnas", None),
    ("Palang Merah Indonesia", "PMI"),
]
_SITES = [
    ("Kompas.com", "kompas.com"),
    ("detikNews", "news.detik.com"),
    ("Tempo.co", "nasional.tempo.co"),
    ("VIVA.co.id", "www.viva.co.id"),
    ("CNN Indonesia", "www.cnnindonesia.com"),
    ("Antara", "www.antaranews.com"),
    ("Liputan6.com", "www.liputan6.com"),
]
_SITE_WEIGHTS = [30, 25, 15, 10, 10, 6, 4]
# Where news happens most: Jakarta and the big cities first, then every region of the gazetteer.
_BIG = {
    "31": 40,
    "32": 14,
    "35": 14,
    "33": 10,
    "12": 6,
    "36": 6,
    "73": 4,
    "51": 4,
    "34": 4,
    "35.78": 18,
    "32.73": 12,
    "12.71": 10,
    "33.74": 8,
    "73.71": 6,
    "32.01": 6,
    "32.75": 5,
    "36.71": 5,
    "34.71": 5,
    "51.71": 4,
    "16.71": 3,
    "72.71": 3,
}

TOPICS: dict[str, list[str]] = {
    "hukum": [
        "korupsi",
        "penyidik",
        "tersangka",
        "suap",
        "gratifikasi",
        "dakwaan",
        "persidangan",
        "vonis",
        "jaksa",
        "saksi",
        "penahanan",
        "barang bukti",
    ],
    "bencana": [
        "banjir",
        "longsor",
        "gempa",
        "pengungsi",
        "evakuasi",
        "bantuan",
        "cuaca ekstrem",
        "tanggul",
        "korban",
        "relawan",
        "posko",
        "kekeringan",
    ],
    "politik": [
        "pemilu",
        "kampanye",
        "koalisi",
        "anggaran",
        "rapat paripurna",
        "fraksi",
        "pilkada",
        "rekapitulasi",
        "pemungutan suara",
        "partai",
        "calon",
        "debat",
    ],
    "ekonomi": [
        "inflasi",
        "harga beras",
        "subsidi",
        "investasi",
        "ekspor",
        "pajak",
        "pertumbuhan",
        "suku bunga",
        "UMKM",
        "rupiah",
        "impor",
        "neraca",
    ],
    "keamanan": [
        "narkoba",
        "penangkapan",
        "razia",
        "patroli",
        "tawuran",
        "pencurian",
        "begal",
        "senjata",
        "operasi",
        "penggerebekan",
        "pengamanan",
        "lalu lintas",
    ],
    "kesehatan": [
        "vaksinasi",
        "demam berdarah",
        "rumah sakit",
        "puskesmas",
        "stunting",
        "tenaga medis",
        "obat",
        "wabah",
        "gizi",
        "BPJS",
        "imunisasi",
        "pasien",
    ],
}
_TITLES = [
    "{Pos} {name} Tegaskan {w1} di {place} Jadi Prioritas",
    "{w1} di {place}, {org} Turun Tangan",
    "{org} Periksa {n} Saksi Terkait {w1}",
    "{name}: {w1} Harus Ditangani Serius",
    "Soal {w1}, {Pos} {place} Minta Warga Tenang",
    "{n} Orang Terdampak {w1} di {place}",
    "{org} dan Pemda {place} Bahas {w1} dan {w2}",
    "Kasus {w1} di {place} Masuk Babak Baru",
]
_SENTENCES = [
    "{Pos} {name} mengatakan pihaknya terus memantau {w1} di wilayah {place}.",
    "Menurut {name}, {w1} tidak bisa dipisahkan dari persoalan {w2} yang sudah lama terjadi.",
    "{org} menyatakan akan menindaklanjuti laporan masyarakat mengenai {w1}.",
    "Sebanyak {n} orang telah dimintai keterangan terkait {w1} tersebut.",
    "Warga {place} berharap pemerintah segera mengambil langkah nyata untuk mengatasi {w2}.",
    '"Kami tidak akan berhenti sampai {w1} ini tuntas," ujar {name} kepada wartawan, {day}.',
    "Rapat koordinasi antara {org} dan pemerintah daerah digelar di {place} pada {day}.",
    "Data sementara menunjukkan ada {n} laporan baru soal {w2} dalam sepekan terakhir.",
    "Ia menambahkan, anggaran untuk penanganan {w1} sudah disiapkan sejak awal tahun.",
    "Sejumlah pengamat menilai langkah {org} dalam urusan {w2} masih perlu dievaluasi.",
    "Kepada wartawan, {name} menyebut koordinasi dengan {org} berjalan baik.",
    "Hingga berita ini diturunkan, belum ada keterangan resmi soal {w2} dari pihak terkait.",
    "Di {place}, persoalan {w1} menjadi perhatian sejak beberapa bulan lalu.",
    "Petugas gabungan dikerahkan untuk memastikan {w1} tidak meluas ke daerah lain.",
]
_AUTHORS = ["Ayu Lestari", "Bagus Prasetyo", "Citra Anggraini", "Dimas Haryanto", "Evi Susanti"]
_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


@dataclass(frozen=True, slots=True)
class Population:
    """The named things documents draw from, with their popularity weights (most popular first)."""

    officials: list[Official]
    official_weights: list[float]
    regions: list[RegionMention]
    region_weights: list[float]
    organizations: list[Organization]
    organization_weights: list[float]


def population(seed: int, n_officials: int = 300) -> Population:
    rng = random.Random(seed)
    names = [f"{g} {f}" for g, f in itertools.product(_GIVEN, _FAMILY)]
    rng.shuffle(names)
    gazetteer = Path(regions_module.__file__).parent / "data" / "regions.json"
    raw_regions = json.loads(gazetteer.read_text("utf-8"))["regions"]
    regions = [m for m in (region_by_code(r["code"]) for r in raw_regions) if m is not None]
    weights = [
        float(_BIG.get(r.code, 1.5 if r.level == "city" else 1.0 if r.level == "province" else 0.4))
        for r in regions
    ]
    officials = []
    for name in names[:n_officials]:
        rank, title = _RANKS[rng.randrange(len(_RANKS))]
        place = rng.choices(regions, weights)[0]
        where = place.canonical.removeprefix("Kota ").removeprefix("Kabupaten ")
        position = f"{title} {rng.choice(_MINISTRIES)}" if title == "Menteri" else f"{title} {where}"
        officials.append(
            Official(key=name, name=name, rank=rank, position=position, jurisdiction=place.canonical)
        )
    organizations = [
        Organization(name=abbr or full, canonical=full, abbreviation=abbr) for full, abbr in _ORGANIZATIONS
    ]
    return Population(
        officials=officials,
        official_weights=[1 / (r + 1) ** 1.1 for r in range(len(officials))],
        regions=regions,
        region_weights=weights,
        organizations=organizations,
        organization_weights=[1 / (r + 1) ** 0.9 for r in range(len(organizations))],
    )


def documents(count: int, seed: int, pop: Population | None = None) -> Iterator[dict[str, Any]]:
    pop = pop or population(seed)
    rng = random.Random(seed + 1)
    span = (LAST_DAY - FIRST_DAY).days
    ingested = datetime(2026, 1, 1, tzinfo=UTC)
    for n in range(count):
        officials = _distinct(rng, pop.officials, pop.official_weights, rng.choice((0, 1, 1, 1, 2, 2, 3)))
        regions = _distinct(rng, pop.regions, pop.region_weights, rng.choice((1, 1, 1, 2, 2, 3)))
        organizations = _distinct(rng, pop.organizations, pop.organization_weights, rng.choice((0, 1, 1, 2)))
        # More news in later years: the power bends the uniform draw towards the end of the span.
        published_day = FIRST_DAY + timedelta(days=int(span * rng.random() ** 0.7))
        published = datetime.combine(published_day, datetime.min.time(), WIB) + timedelta(
            minutes=rng.randrange(6 * 60, 23 * 60)
        )
        topic = rng.choice(list(TOPICS))
        site, host = rng.choices(_SITES, _SITE_WEIGHTS)[0]
        fill = _Filler(rng, TOPICS[topic], officials, regions, organizations, published_day)
        title = fill(rng.choice(_TITLES))
        paragraphs = [
            " ".join(fill(rng.choice(_SENTENCES)) for _ in range(rng.randint(3, 5)))
            for _ in range(rng.randint(4, 7))
        ]
        key = f"{host}/{published_day:%Y/%m/%d}/{n:06d}.html"
        article = Article(
            title=title,
            body="\n\n".join(paragraphs),
            published=published,
            published_source="json-ld",
            url=f"https://{key}",
            site=site,
            language="id",
            authors=(rng.choice(_AUTHORS),),
            description=paragraphs[0][:200],
            section=topic.capitalize(),
            tags=(topic,),
        )
        entities = Entities(
            officials=tuple(officials),
            regions=tuple(regions),
            organizations=tuple(organizations),
            dates=(DateMention(text=f"{published_day:%d-%m-%Y}", date=published_day),),
        )
        yield build_document(bucket=BUCKET, key=key, article=article, entities=entities, ingested=ingested)


class _Filler:
    def __init__(
        self,
        rng: random.Random,
        words: list[str],
        officials: list[Official],
        regions: list[RegionMention],
        organizations: list[Organization],
        day: date,
    ) -> None:
        self.rng, self.words, self.day = rng, words, day
        self.officials = officials or [Official(key="", name="juru bicara", position="Juru Bicara")]
        self.places = [r.canonical.removeprefix("Kota ").removeprefix("Kabupaten ") for r in regions]
        self.orgs = [o.abbreviation or o.canonical for o in organizations] or ["pemerintah"]

    def __call__(self, template: str) -> str:
        rng = self.rng
        official = rng.choice(self.officials)
        return template.format(
            name=official.name,
            Pos=(official.position or "Pejabat").split(" ")[0],
            place=rng.choice(self.places),
            org=rng.choice(self.orgs),
            w1=rng.choice(self.words),
            w2=rng.choice(self.words),
            n=rng.randint(2, 300),
            day=_DAYS[self.day.weekday()],
        )


def _distinct(rng: random.Random, items: list[Any], weights: list[float], k: int) -> list[Any]:
    chosen: dict[int, Any] = {}
    for _ in range(k * 3):
        if len(chosen) >= k:
            break
        item = rng.choices(items, weights)[0]
        chosen[id(item)] = item
    return list(chosen.values())
