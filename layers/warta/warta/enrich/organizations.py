"""Organizations named in a news text: police and military, ministries and agencies, courts,
parliaments and major parties.

One compiled regex holds every written form (longest first, case-sensitive, word-bounded). Forms that
take a place ("Polda Jawa Barat", "DPRD DKI Jakarta", "Kodam III/Siliwangi") read it right after the
head and are skipped when no place follows. Short abbreviations that are also ordinary words or
degrees ("MA", "MK", "PAN", "PKB", "DPD", "Demokrat") count only with context: their full name
elsewhere in the text, or a telling word right before them ("Ketua MK", "kader PAN", "Partai ...").
Positions do not imply organizations: "Kapolda Metro Jaya" alone yields no "Polda Metro Jaya".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from warta.enrich._triggers import TriggeredPattern, first_words
from warta.enrich.model import Organization

# written form -> (canonical, abbreviation)
_POLRI = ("Kepolisian Negara Republik Indonesia", "Polri")
_MABES = ("Markas Besar Kepolisian Negara Republik Indonesia", "Mabes Polri")
_TNI = ("Tentara Nasional Indonesia", "TNI")
_FIXED: dict[str, tuple[str, str | None]] = {
    # police and military
    "Polri": _POLRI,
    "Kepolisian Negara Republik Indonesia": _POLRI,
    "Kepolisian RI": _POLRI,
    "Mabes Polri": _MABES,
    "Markas Besar Polri": _MABES,
    "Markas Besar Kepolisian Negara Republik Indonesia": _MABES,
    "Bareskrim": ("Badan Reserse Kriminal Polri", "Bareskrim"),
    "Bareskrim Polri": ("Badan Reserse Kriminal Polri", "Bareskrim"),
    "Badan Reserse Kriminal": ("Badan Reserse Kriminal Polri", "Bareskrim"),
    "Densus 88": ("Detasemen Khusus 88 Antiteror", "Densus 88"),
    "Brimob": ("Korps Brigade Mobil", "Brimob"),
    "TNI": _TNI,
    "Tentara Nasional Indonesia": _TNI,
    "Mabes TNI": ("Markas Besar Tentara Nasional Indonesia", "Mabes TNI"),
    "TNI AD": ("TNI Angkatan Darat", "TNI AD"),
    "TNI Angkatan Darat": ("TNI Angkatan Darat", "TNI AD"),
    "TNI AL": ("TNI Angkatan Laut", "TNI AL"),
    "TNI Angkatan Laut": ("TNI Angkatan Laut", "TNI AL"),
    "TNI AU": ("TNI Angkatan Udara", "TNI AU"),
    "TNI Angkatan Udara": ("TNI Angkatan Udara", "TNI AU"),
    "Kostrad": ("Komando Cadangan Strategis Angkatan Darat", "Kostrad"),
    "Kopassus": ("Komando Pasukan Khusus", "Kopassus"),
    # agencies
    "KPK": ("Komisi Pemberantasan Korupsi", "KPK"),
    "Komisi Pemberantasan Korupsi": ("Komisi Pemberantasan Korupsi", "KPK"),
    "BNN": ("Badan Narkotika Nasional", "BNN"),
    "Badan Narkotika Nasional": ("Badan Narkotika Nasional", "BNN"),
    "BNPB": ("Badan Nasional Penanggulangan Bencana", "BNPB"),
    "Badan Nasional Penanggulangan Bencana": ("Badan Nasional Penanggulangan Bencana", "BNPB"),
    "Basarnas": ("Badan Nasional Pencarian dan Pertolongan", "Basarnas"),
    "Badan SAR Nasional": ("Badan Nasional Pencarian dan Pertolongan", "Basarnas"),
    "Badan Nasional Pencarian dan Pertolongan": ("Badan Nasional Pencarian dan Pertolongan", "Basarnas"),
    "BIN": ("Badan Intelijen Negara", "BIN"),
    "Badan Intelijen Negara": ("Badan Intelijen Negara", "BIN"),
    "BPK": ("Badan Pemeriksa Keuangan", "BPK"),
    "Badan Pemeriksa Keuangan": ("Badan Pemeriksa Keuangan", "BPK"),
    "PPATK": ("Pusat Pelaporan dan Analisis Transaksi Keuangan", "PPATK"),
    "OJK": ("Otoritas Jasa Keuangan", "OJK"),
    "Otoritas Jasa Keuangan": ("Otoritas Jasa Keuangan", "OJK"),
    "BMKG": ("Badan Meteorologi, Klimatologi, dan Geofisika", "BMKG"),
    "KPU": ("Komisi Pemilihan Umum", "KPU"),
    "Komisi Pemilihan Umum": ("Komisi Pemilihan Umum", "KPU"),
    "Bawaslu": ("Badan Pengawas Pemilihan Umum", "Bawaslu"),
    "Komnas HAM": ("Komisi Nasional Hak Asasi Manusia", "Komnas HAM"),
    "Kejaksaan Agung": ("Kejaksaan Agung", "Kejagung"),
    "Kejagung": ("Kejaksaan Agung", "Kejagung"),
    # courts
    "Mahkamah Konstitusi": ("Mahkamah Konstitusi", "MK"),
    "MK": ("Mahkamah Konstitusi", "MK"),
    "Mahkamah Agung": ("Mahkamah Agung", "MA"),
    "MA": ("Mahkamah Agung", "MA"),
    "Komisi Yudisial": ("Komisi Yudisial", "KY"),
    "Pengadilan Tipikor": ("Pengadilan Tindak Pidana Korupsi", "Pengadilan Tipikor"),
    "Pengadilan Tindak Pidana Korupsi": ("Pengadilan Tindak Pidana Korupsi", "Pengadilan Tipikor"),
    # parliaments
    "DPR": ("Dewan Perwakilan Rakyat", "DPR"),
    "DPR RI": ("Dewan Perwakilan Rakyat", "DPR"),
    "Dewan Perwakilan Rakyat": ("Dewan Perwakilan Rakyat", "DPR"),
    "MPR": ("Majelis Permusyawaratan Rakyat", "MPR"),
    "MPR RI": ("Majelis Permusyawaratan Rakyat", "MPR"),
    "Majelis Permusyawaratan Rakyat": ("Majelis Permusyawaratan Rakyat", "MPR"),
    "DPD": ("Dewan Perwakilan Daerah", "DPD"),
    "DPD RI": ("Dewan Perwakilan Daerah", "DPD"),
    "Dewan Perwakilan Daerah": ("Dewan Perwakilan Daerah", "DPD"),
    # parties
    "PDI-P": ("Partai Demokrasi Indonesia Perjuangan", "PDI-P"),
    "PDIP": ("Partai Demokrasi Indonesia Perjuangan", "PDI-P"),
    "PDI Perjuangan": ("Partai Demokrasi Indonesia Perjuangan", "PDI-P"),
    "Partai Demokrasi Indonesia Perjuangan": ("Partai Demokrasi Indonesia Perjuangan", "PDI-P"),
    "Golkar": ("Partai Golongan Karya", "Golkar"),
    "Partai Golkar": ("Partai Golongan Karya", "Golkar"),
    "Partai Golongan Karya": ("Partai Golongan Karya", "Golkar"),
    "Gerindra": ("Partai Gerakan Indonesia Raya", "Gerindra"),
    "Partai Gerindra": ("Partai Gerakan Indonesia Raya", "Gerindra"),
    "Partai Gerakan Indonesia Raya": ("Partai Gerakan Indonesia Raya", "Gerindra"),
    "PKB": ("Partai Kebangkitan Bangsa", "PKB"),
    "Partai Kebangkitan Bangsa": ("Partai Kebangkitan Bangsa", "PKB"),
    "PKS": ("Partai Keadilan Sejahtera", "PKS"),
    "Partai Keadilan Sejahtera": ("Partai Keadilan Sejahtera", "PKS"),
    "NasDem": ("Partai NasDem", "NasDem"),
    "Nasdem": ("Partai NasDem", "NasDem"),
    "Partai NasDem": ("Partai NasDem", "NasDem"),
    "Partai Nasdem": ("Partai NasDem", "NasDem"),
    "Demokrat": ("Partai Demokrat", "Demokrat"),
    "Partai Demokrat": ("Partai Demokrat", "Demokrat"),
    "PAN": ("Partai Amanat Nasional", "PAN"),
    "Partai Amanat Nasional": ("Partai Amanat Nasional", "PAN"),
    "PPP": ("Partai Persatuan Pembangunan", "PPP"),
    "Partai Persatuan Pembangunan": ("Partai Persatuan Pembangunan", "PPP"),
    "Hanura": ("Partai Hati Nurani Rakyat", "Hanura"),
    "Partai Hanura": ("Partai Hati Nurani Rakyat", "Hanura"),
}

_MINISTRIES: dict[str, tuple[str, str]] = {
    "Kemendagri": ("Kementerian Dalam Negeri", "Kemendagri"),
    "Kemenkeu": ("Kementerian Keuangan", "Kemenkeu"),
    "Kemenlu": ("Kementerian Luar Negeri", "Kemenlu"),
    "Kemenhan": ("Kementerian Pertahanan", "Kemenhan"),
    "Kemenkumham": ("Kementerian Hukum dan Hak Asasi Manusia", "Kemenkumham"),
    "Kemenkes": ("Kementerian Kesehatan", "Kemenkes"),
    "Kemendikbud": ("Kementerian Pendidikan dan Kebudayaan", "Kemendikbud"),
    "Kemenag": ("Kementerian Agama", "Kemenag"),
    "Kemensos": ("Kementerian Sosial", "Kemensos"),
    "Kemenhub": ("Kementerian Perhubungan", "Kemenhub"),
    "Kementan": ("Kementerian Pertanian", "Kementan"),
    "Kemenperin": ("Kementerian Perindustrian", "Kemenperin"),
    "Kemendag": ("Kementerian Perdagangan", "Kemendag"),
    "Kemenaker": ("Kementerian Ketenagakerjaan", "Kemenaker"),
    "Kemenpora": ("Kementerian Pemuda dan Olahraga", "Kemenpora"),
    "Kemenkominfo": ("Kementerian Komunikasi dan Informatika", "Kemenkominfo"),
    "Kominfo": ("Kementerian Komunikasi dan Informatika", "Kemenkominfo"),
    "KLHK": ("Kementerian Lingkungan Hidup dan Kehutanan", "KLHK"),
    "Kementerian BUMN": ("Kementerian Badan Usaha Milik Negara", "Kementerian BUMN"),
    "Kementerian PUPR": ("Kementerian Pekerjaan Umum dan Perumahan Rakyat", "Kementerian PUPR"),
    "Kemenko Polhukam": ("Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan", "Kemenko Polhukam"),
}
for _abbr, (_full, _short) in list(_MINISTRIES.items()):
    _MINISTRIES.setdefault(_full, (_full, _short))
_MINISTRIES.setdefault("Kementerian Hukum dan HAM", _MINISTRIES["Kemenkumham"])
_FIXED.update(_MINISTRIES)

# head -> (canonical head, abbreviation head); a place must follow
_SCOPED: dict[str, tuple[str, str]] = {
    "Polda": ("Kepolisian Daerah", "Polda"),
    "Kepolisian Daerah": ("Kepolisian Daerah", "Polda"),
    "Polres": ("Kepolisian Resor", "Polres"),
    "Kepolisian Resor": ("Kepolisian Resor", "Polres"),
    "Polresta": ("Kepolisian Resor Kota", "Polresta"),
    "Kepolisian Resor Kota": ("Kepolisian Resor Kota", "Polresta"),
    "Polrestabes": ("Kepolisian Resor Kota Besar", "Polrestabes"),
    "Kepolisian Resor Kota Besar": ("Kepolisian Resor Kota Besar", "Polrestabes"),
    "Polsek": ("Kepolisian Sektor", "Polsek"),
    "Kepolisian Sektor": ("Kepolisian Sektor", "Polsek"),
    "Kodam": ("Komando Daerah Militer", "Kodam"),
    "Komando Daerah Militer": ("Komando Daerah Militer", "Kodam"),
    "Korem": ("Komando Resor Militer", "Korem"),
    "Komando Resor Militer": ("Komando Resor Militer", "Korem"),
    "Kodim": ("Komando Distrik Militer", "Kodim"),
    "Komando Distrik Militer": ("Komando Distrik Militer", "Kodim"),
    "BPBD": ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    "Badan Penanggulangan Bencana Daerah": ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    "Kejati": ("Kejaksaan Tinggi", "Kejati"),
    "Kejaksaan Tinggi": ("Kejaksaan Tinggi", "Kejati"),
    "Kejari": ("Kejaksaan Negeri", "Kejari"),
    "Kejaksaan Negeri": ("Kejaksaan Negeri", "Kejari"),
    "Pengadilan Negeri": ("Pengadilan Negeri", "PN"),
    "PN": ("Pengadilan Negeri", "PN"),
    "Pengadilan Tinggi": ("Pengadilan Tinggi", "PT"),
    "DPRD": ("Dewan Perwakilan Rakyat Daerah", "DPRD"),
    "Dewan Perwakilan Rakyat Daerah": ("Dewan Perwakilan Rakyat Daerah", "DPRD"),
}

# abbreviations that are also ordinary words/degrees: they need context
_PARTY_CONTEXT = (
    r"(?:Partai|partai|Fraksi|fraksi|F-|kader|Kader|politikus|Politikus|politisi|Politisi|Ketua\s+Umum|"
    r"Ketum|DPP|koalisi|Koalisi|Sekjen|dari|asal|pengurus|Wakil\s+Ketua\s+Umum)\s*$"
)
_COURT_CONTEXT = (
    r"(?:Ketua|ketua|hakim|Hakim|putusan|Putusan|kasasi|ke|di|oleh|gugatan|sidang|Sidang|uji\s+materi|"
    r"Juru\s+Bicara|juru\s+bicara|Jubir|jubir|lembaga)\s+$"
)
_RISKY: dict[str, tuple[str, re.Pattern[str]]] = {
    "MA": ("Mahkamah Agung", re.compile(_COURT_CONTEXT)),
    "MK": ("Mahkamah Konstitusi", re.compile(_COURT_CONTEXT)),
    "PAN": ("Partai Amanat Nasional", re.compile(_PARTY_CONTEXT)),
    "PKB": ("Partai Kebangkitan Bangsa", re.compile(_PARTY_CONTEXT)),
    "Demokrat": ("Partai Demokrat", re.compile(_PARTY_CONTEXT)),
    "DPD": (
        "Dewan Perwakilan Daerah",
        re.compile(r"(?:anggota|Anggota|Ketua|ketua|senator|Senator|Wakil\s+Ketua)\s+$"),
    ),
}
_PARTY_AFTER_RE = re.compile(
    r"\s+(?:Partai|Golkar|PDI|PAN|PKB|PKS|PPP|Gerindra|Demokrat|NasDem|Nasdem|Hanura)\b"
)

_PLACE_TOKEN_RE = re.compile(r"(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?|[A-Z]{2,4})(?![\w]|\.\w)")
_MILITARY_UNIT_RE = re.compile(
    r"(?:[IVX]{1,5}|\d{2,4})/[A-Z][\w-]*"
    r"(?:\s+(?!(?:Mayjen|Brigjen|Letjen|Kolonel|Letkol|Mayor|Jenderal)\b)[A-Z][a-z]+(?=[\s,.;)]|$))?"
)
_GAP_RE = re.compile(r"[ \t]+")


_RANK_BEFORE_RE = re.compile(
    r"(?<![\w])(?:Jenderal|Letjen|Mayjen|Brigjen|Kolonel|Letkol|Mayor|Kapten|Lettu|Letda|Laksamana|Laksdya|Laksda|"
    r"Laksma|Marsekal|Marsdya|Marsda|Marsma|Pelda|Serka|Sertu|Serda|Praka|Pratu|Prada|Madya|Muda|Pertama)\s+$"
)


def _alt(forms: Iterable[str]) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


_ORG_RE = re.compile(
    r"(?<![\w])(?:(?<=TNI-)|(?<!-))(?:(?P<scoped>"
    + _alt(_SCOPED)
    + r")(?=\s)|(?P<fixed>"
    + _alt(_FIXED)
    + r")(?![\w]|-(?!Polri))"
    r"|(?P<ministry>Kementerian(?:\s+(?:dan\s+|Bidang\s+)?[A-Z][\w-]*,?){1,6}))"
)


_ORG_SCAN = TriggeredPattern(_ORG_RE, first_words([*_SCOPED, *_FIXED, "Kementerian"]))


def _read_place(text: str, pos: int) -> tuple[str, int]:
    """A place right after a scoped head ("Metro Jaya", "Jawa Barat", "III/Siliwangi"): (place, end)."""
    from warta.enrich.jurisdictions import split_place_words  # shared place vocabulary
    from warta.enrich.names import PLACE_STOP

    m = _MILITARY_UNIT_RE.match(text, pos)
    if m:
        return m.group(0), m.end()
    toks: list[re.Match[str]] = []
    p = pos
    while len(toks) < 6:
        t = _PLACE_TOKEN_RE.match(text, p)
        if not t or t.group(0) in PLACE_STOP:
            break
        toks.append(t)
        g = _GAP_RE.match(text, t.end())
        if not g:
            break
        p = g.end()
    words = [t.group(0) for t in toks]
    k = split_place_words(words, text, toks[-1].end() if toks else pos)
    if k == 0:
        return "", pos
    return " ".join(words[:k]), toks[k - 1].end()


def find_organizations(text: str) -> tuple[Organization, ...]:
    """Organizations named in `text`, deduplicated by canonical name, in order of first mention."""
    if not text:
        return ()
    seen: dict[str, Organization] = {}
    for m in _ORG_SCAN.finditer(text):
        written = " ".join(m.group(0).split())
        if m.group("scoped"):
            head = " ".join(m.group("scoped").split())
            place, _end = _read_place(text, m.end("scoped") + 1)
            if not place:
                continue
            canon_head, abbr_head = _SCOPED[head]
            org = Organization(
                name=f"{head} {place}", canonical=f"{canon_head} {place}", abbreviation=f"{abbr_head} {place}"
            )
        elif m.group("ministry"):
            full = written.rstrip(",")
            canonical, abbr = _MINISTRIES.get(full, (full, None))
            org = Organization(name=full, canonical=canonical, abbreviation=abbr)
        else:
            canonical, abbr = _FIXED[written]
            risky = _RISKY.get(written)
            if risky:
                full, context = risky
                before = text[max(0, m.start() - 40) : m.start()]
                if full not in text and not context.search(before):
                    continue
                if written == "DPD" and _PARTY_AFTER_RE.match(text, m.end()):
                    continue  # "DPD Partai Golkar" is a party's regional board
            if (
                abbr is not None
                and abbr.startswith("TNI")
                and _RANK_BEFORE_RE.search(text[max(0, m.start() - 20) : m.start()])
            ):
                continue  # "Mayjen TNI Kunto": the force marker of a rank, not a mention of the TNI
            org = Organization(name=written, canonical=canonical, abbreviation=abbr)
        seen.setdefault(org.canonical, org)
    return tuple(seen.values())


def name_words() -> frozenset[str]:
    """Words that name an organization on their own here, as written: abbreviations and one-word names
    ("KPK", "Golkar", "Polda"). The tagger uses them as a feature."""
    written = [*_FIXED, *_SCOPED, *_RISKY]
    words = {w for w in written if " " not in w}
    words |= {w for form in written for w in form.split() if w.isupper() and len(w) > 1}
    return frozenset(words)
