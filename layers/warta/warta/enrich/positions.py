"""Offices (positions) that make a person an official, and the small place vocabulary used to tell
where a jurisdiction written after a position ends and the holder's name begins.

Each written form of a position maps to a `Title`: the normalised title and what may follow it
("scope"): a place ("Kapolda Jawa Barat"), a unit ("Kabid Humas Polda Metro Jaya"), a military
command ("Pangdam III/Siliwangi"), a government department plus place ("Kepala Dinas Kesehatan
DKI Jakarta"), a company ("Direktur Utama PT X") or nothing ("Kapolri").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Scope = Literal["none", "place", "unit", "military", "dinas", "company"]
Level = Literal["province", "regency", "city"] | None


@dataclass(frozen=True, slots=True)
class Title:
    title: str  # normalised title, e.g. "Kapolda", "Wali Kota", "Menteri Dalam Negeri"
    scope: Scope = "none"
    level: Level = None  # the region level the place after it usually has (a hint for the resolver)
    public: bool = True
    # words absorbed after a scope-less title, e.g. "Presiden RI", "Kabareskrim Polri"
    suffixes: tuple[str, ...] = ()


_RI = ("Republik Indonesia", "RI")
_MINISTRIES: dict[str, str] = {
    "Mendagri": "Menteri Dalam Negeri",
    "Menlu": "Menteri Luar Negeri",
    "Menhan": "Menteri Pertahanan",
    "Menkeu": "Menteri Keuangan",
    "Menkumham": "Menteri Hukum dan HAM",
    "Menkes": "Menteri Kesehatan",
    "Mendikbud": "Menteri Pendidikan dan Kebudayaan",
    "Mendiknas": "Menteri Pendidikan Nasional",
    "Menag": "Menteri Agama",
    "Mensos": "Menteri Sosial",
    "Menhub": "Menteri Perhubungan",
    "Mentan": "Menteri Pertanian",
    "Menperin": "Menteri Perindustrian",
    "Mendag": "Menteri Perdagangan",
    "Menakertrans": "Menteri Tenaga Kerja dan Transmigrasi",
    "Menaker": "Menteri Ketenagakerjaan",
    "Menpora": "Menteri Pemuda dan Olahraga",
    "Menkominfo": "Menteri Komunikasi dan Informatika",
    "Menparekraf": "Menteri Pariwisata dan Ekonomi Kreatif",
    "Menpar": "Menteri Pariwisata",
    "Menkopolhukam": "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan",
    "Menko Polhukam": "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan",
    "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan": (
        "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan"
    ),
    "Menteri Koordinator Politik, Hukum, dan Keamanan": (
        "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan"
    ),
    "Menko Perekonomian": "Menteri Koordinator Bidang Perekonomian",
    "Menteri Koordinator Bidang Perekonomian": "Menteri Koordinator Bidang Perekonomian",
    "Menko Kesra": "Menteri Koordinator Bidang Kesejahteraan Rakyat",
    "Menkokesra": "Menteri Koordinator Bidang Kesejahteraan Rakyat",
    "Menteri BUMN": "Menteri Badan Usaha Milik Negara",
    "Menteri ESDM": "Menteri Energi dan Sumber Daya Mineral",
    "Menteri PU": "Menteri Pekerjaan Umum",
    "MenPAN-RB": "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "Menpan": "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "Menristek": "Menteri Riset dan Teknologi",
}
for _full in list(_MINISTRIES.values()):
    _MINISTRIES.setdefault(_full, _full)
for _full in (
    "Menteri Sekretaris Negara",
    "Menteri Kelautan dan Perikanan",
    "Menteri Lingkungan Hidup",
    "Menteri Kehutanan",
    "Menteri Perumahan Rakyat",
    "Menteri Koperasi dan UKM",
    "Menteri Desa",
    "Menteri Agraria dan Tata Ruang",
    "Menteri Badan Usaha Milik Negara",
    "Menteri Energi dan Sumber Daya Mineral",
    "Menteri Pekerjaan Umum dan Perumahan Rakyat",
):
    _MINISTRIES.setdefault(_full, _full)


def _t(
    title: str,
    scope: Scope = "none",
    level: Level = None,
    public: bool = True,
    suffixes: tuple[str, ...] | list[str] = (),
) -> Title:
    return Title(title, scope, level, public, tuple(suffixes))


TITLES: dict[str, Title] = {
    # Polri
    "Kapolri": _t("Kapolri"),
    "Wakapolri": _t("Wakapolri"),
    "Kabareskrim": _t("Kabareskrim", suffixes=("Mabes Polri", "Polri")),
    "Kadiv Humas": _t("Kadiv Humas", "unit"),
    "Kabid Humas": _t("Kabid Humas", "unit"),
    "Karo Penmas": _t("Karo Penmas", "unit"),
    "Dirreskrimum": _t("Dirreskrimum", "unit"),
    "Dirreskrimsus": _t("Dirreskrimsus", "unit"),
    "Dirlantas": _t("Dirlantas", "unit"),
    "Kasat Reskrim": _t("Kasat Reskrim", "unit"),
    "Kapolda": _t("Kapolda", "place", "province"),
    "Wakapolda": _t("Wakapolda", "place", "province"),
    "Kapolres": _t("Kapolres", "place", "regency"),
    "Wakapolres": _t("Wakapolres", "place", "regency"),
    "Kapolresta": _t("Kapolresta", "place", "city"),
    "Kapolrestabes": _t("Kapolrestabes", "place", "city"),
    "Kapolsek": _t("Kapolsek", "place"),
    "Kapolsekta": _t("Kapolsekta", "place"),
    # the same Polri posts written out
    "Kepala Kepolisian RI": _t("Kapolri"),
    "Kepala Kepolisian Republik Indonesia": _t("Kapolri"),
    "Kepala Kepolisian Negara Republik Indonesia": _t("Kapolri"),
    "Kepala Polri": _t("Kapolri"),
    "Kepala Kepolisian Daerah": _t("Kapolda", "place", "province"),
    "Wakil Kepala Kepolisian Daerah": _t("Wakapolda", "place", "province"),
    "Kepala Kepolisian Resor": _t("Kapolres", "place", "regency"),
    "Kepala Bidang Humas": _t("Kepala Bidang Humas", "unit"),
    "Kepala Biro Penerangan Masyarakat": _t("Kepala Biro Penerangan Masyarakat", "unit"),
    "Kepala Korps Lalu Lintas": _t("Kepala Korps Lalu Lintas", suffixes=("Polri",)),
    "Kakorlantas": _t("Kepala Korps Lalu Lintas", suffixes=("Polri",)),
    "Asisten Kapolri Bidang Sumber Daya Manusia": _t("Asisten Kapolri Bidang Sumber Daya Manusia"),
    "Wakil Kapolda": _t("Wakapolda", "place", "province"),
    # TNI
    "Panglima TNI": _t("Panglima TNI"),
    "KSAD": _t("KSAD"),
    "Kasad": _t("KSAD"),
    "KSAL": _t("KSAL"),
    "Kasal": _t("KSAL"),
    "KSAU": _t("KSAU"),
    "Kasau": _t("KSAU"),
    "Pangkostrad": _t("Pangkostrad"),
    "Danjen Kopassus": _t("Danjen Kopassus"),
    "Kapuspen TNI": _t("Kapuspen TNI"),
    "Pangdam": _t("Pangdam", "military"),
    "Danrem": _t("Danrem", "military"),
    "Panglima Kodam": _t("Pangdam", "military"),
    "Komandan Korem": _t("Danrem", "military"),
    "Dandim": _t("Dandim", "military"),
    "Danramil": _t("Danramil", "military"),
    "Danlanud": _t("Danlanud", "military"),
    # executive
    "Presiden": _t("Presiden", suffixes=_RI),
    "Wakil Presiden": _t("Wakil Presiden", suffixes=_RI),
    "Wapres": _t("Wakil Presiden", suffixes=_RI),
    "Gubernur": _t("Gubernur", "place", "province"),
    "Wakil Gubernur": _t("Wakil Gubernur", "place", "province"),
    "Wagub": _t("Wakil Gubernur", "place", "province"),
    "Bupati": _t("Bupati", "place", "regency"),
    "Wakil Bupati": _t("Wakil Bupati", "place", "regency"),
    "Wabup": _t("Wakil Bupati", "place", "regency"),
    "Wali Kota": _t("Wali Kota", "place", "city"),
    "Walikota": _t("Wali Kota", "place", "city"),
    "Wakil Wali Kota": _t("Wakil Wali Kota", "place", "city"),
    "Wakil Walikota": _t("Wakil Wali Kota", "place", "city"),
    "Wawali": _t("Wakil Wali Kota", "place", "city"),
    "Sekda": _t("Sekretaris Daerah", "place"),
    "Sekretaris Daerah": _t("Sekretaris Daerah", "place"),
    "Camat": _t("Camat", "place"),
    "Lurah": _t("Lurah", "place"),
    "Kepala Desa": _t("Kepala Desa", "place"),
    "Kades": _t("Kepala Desa", "place"),
    "Kepala Dinas": _t("Kepala Dinas", "dinas"),
    "Kadis": _t("Kepala Dinas", "dinas"),
    # parliaments, agencies
    "Ketua DPR": _t("Ketua DPR", suffixes=_RI),
    "Wakil Ketua DPR": _t("Wakil Ketua DPR", suffixes=_RI),
    "Ketua DPRD": _t("Ketua DPRD", "place"),
    "Wakil Ketua DPRD": _t("Wakil Ketua DPRD", "place"),
    "Ketua MPR": _t("Ketua MPR", suffixes=_RI),
    "Ketua DPD": _t("Ketua DPD", suffixes=_RI),
    "Ketua KPK": _t("Ketua KPK"),
    "Wakil Ketua KPK": _t("Wakil Ketua KPK"),
    "Kepala BNPB": _t("Kepala BNPB"),
    "Kepala BNN": _t("Kepala BNN"),
    "Kepala Basarnas": _t("Kepala Basarnas"),
    "Kepala BPBD": _t("Kepala BPBD", "place"),
    # judiciary
    "Jaksa Agung": _t("Jaksa Agung"),
    "Wakil Jaksa Agung": _t("Wakil Jaksa Agung"),
    "Kajati": _t("Kajati", "place", "province"),
    "Kajari": _t("Kajari", "place"),
    "Kepala Kejaksaan Tinggi": _t("Kajati", "place", "province"),
    "Kepala Kejaksaan Negeri": _t("Kajari", "place"),
    "Asisten Pidana Khusus": _t("Asisten Pidana Khusus", "unit"),
    "Aspidsus": _t("Asisten Pidana Khusus", "unit"),
    "Juru Bicara KPK": _t("Juru Bicara KPK"),
    "Jubir KPK": _t("Juru Bicara KPK"),
    "Kepala Pusat Data dan Informasi": _t("Kepala Pusat Data dan Informasi", suffixes=("BNPB",)),
    "Kepala Stasiun Geofisika": _t("Kepala Stasiun Geofisika", "unit"),
    "Ketua MK": _t("Ketua Mahkamah Konstitusi"),
    "Ketua Mahkamah Konstitusi": _t("Ketua Mahkamah Konstitusi"),
    "Ketua MA": _t("Ketua Mahkamah Agung"),
    "Ketua Mahkamah Agung": _t("Ketua Mahkamah Agung"),
    "Hakim Agung": _t("Hakim Agung"),
    "Hakim Konstitusi": _t("Hakim Konstitusi"),
    "Ketua Majelis Hakim": _t("Hakim"),
    "Hakim": _t("Hakim"),
    # companies: not public offices
    "Direktur Utama": _t("Direktur Utama", "company", public=False),
    "Dirut": _t("Direktur Utama", "company", public=False),
    "Presiden Direktur": _t("Presiden Direktur", "company", public=False),
    "Presdir": _t("Presiden Direktur", "company", public=False),
    "Direktur": _t("Direktur", "company", public=False),
    "Komisaris Utama": _t("Komisaris Utama", "company", public=False),
    "Chief Executive Officer": _t("CEO", "company", public=False),
    "CEO": _t("CEO", "company", public=False),
    "General Manager": _t("General Manager", "company", public=False),
}
for _written, _full in _MINISTRIES.items():
    TITLES.setdefault(_written, _t(_full))


def _flex(variant: str) -> str:
    """Regex for a title: flexible spaces; a capitalised title may also be written in lower case."""
    body = re.escape(variant).replace(r"\ ", r"\s+")
    first = variant[0]
    if first.isupper() and len(variant) > 1 and variant[1].islower():
        body = f"[{first}{first.lower()}]" + body[1:]
    return body


_title_variants = sorted(TITLES, key=len, reverse=True)
TITLE_RE = re.compile(
    r"(?<![\w-])(?P<former>(?:[Mm]antan|[Ee]ks|[Bb]ekas)(?:\s+|-))?"
    r"(?P<title>" + "|".join(_flex(v) for v in _title_variants) + r")(?![\w])"
)


def title_for(written: str) -> Title:
    """The `Title` for a written title as matched by TITLE_RE (any case of the first letter)."""
    key = " ".join(written.split())
    hit = TITLES.get(key) or TITLES.get(key[:1].upper() + key[1:])
    if hit is None:  # should not happen: TITLE_RE is built from TITLES
        raise KeyError(written)
    return hit


# ---------------------------------------------------------------------------------------------
# Places: just enough vocabulary to split "Bupati Lampung Selatan Zulkifli Anwar" without a gazetteer.

PROVINCES: tuple[str, ...] = (
    "Aceh",
    "Nanggroe Aceh Darussalam",
    "Sumatera Utara",
    "Sumatera Barat",
    "Riau",
    "Kepulauan Riau",
    "Jambi",
    "Sumatera Selatan",
    "Bangka Belitung",
    "Kepulauan Bangka Belitung",
    "Bengkulu",
    "Lampung",
    "DKI Jakarta",
    "Jakarta",
    "Jawa Barat",
    "Banten",
    "Jawa Tengah",
    "DI Yogyakarta",
    "DIY",
    "Daerah Istimewa Yogyakarta",
    "Yogyakarta",
    "Jawa Timur",
    "Bali",
    "Nusa Tenggara Barat",
    "NTB",
    "Nusa Tenggara Timur",
    "NTT",
    "Kalimantan Barat",
    "Kalimantan Tengah",
    "Kalimantan Selatan",
    "Kalimantan Timur",
    "Kalimantan Utara",
    "Sulawesi Utara",
    "Sulawesi Tengah",
    "Sulawesi Selatan",
    "Sulawesi Tenggara",
    "Sulawesi Barat",
    "Gorontalo",
    "Maluku",
    "Maluku Utara",
    "Papua",
    "Papua Barat",
    "Papua Barat Daya",
    "Papua Selatan",
    "Papua Tengah",
    "Papua Pegunungan",
    # common short forms
    "Sumut",
    "Sumbar",
    "Sumsel",
    "Jabar",
    "Jateng",
    "Jatim",
    "Kalbar",
    "Kalteng",
    "Kalsel",
    "Kaltim",
    "Kaltara",
    "Sulut",
    "Sulteng",
    "Sulsel",
    "Sultra",
    "Sulbar",
    "Kepri",
    "Babel",
    "Malut",
    "NAD",
)
# police areas and big cities that are not provinces
POLICE_AREAS: frozenset[str] = frozenset({"Metro Jaya"})
CITIES: tuple[str, ...] = (
    "Bandung",
    "Surabaya",
    "Medan",
    "Semarang",
    "Makassar",
    "Palembang",
    "Denpasar",
    "Padang",
    "Pekanbaru",
    "Malang",
    "Solo",
    "Surakarta",
    "Bogor",
    "Bekasi",
    "Depok",
    "Tangerang",
    "Balikpapan",
    "Samarinda",
    "Pontianak",
    "Manado",
    "Kupang",
    "Mataram",
    "Ambon",
    "Jayapura",
    "Batam",
    "Cirebon",
    "Banda Aceh",
    "Bandar Lampung",
    "Tanjung Pinang",
    "Pangkal Pinang",
    "Palu",
    "Kendari",
    "Mamuju",
    "Banjarmasin",
    "Palangkaraya",
    "Palangka Raya",
    "Tangerang Selatan",
    "Tasikmalaya",
    "Garut",
)
KODAM_NAMES: frozenset[str] = frozenset(
    {
        "Jaya",
        "Jayakarta",
        "Siliwangi",
        "Diponegoro",
        "Brawijaya",
        "Iskandar Muda",
        "Bukit Barisan",
        "Sriwijaya",
        "Tanjungpura",
        "Mulawarman",
        "Udayana",
        "Wirabuana",
        "Hasanuddin",
        "Merdeka",
        "Pattimura",
        "Cenderawasih",
        "Kasuari",
        "Tuanku Tambusai",
        "Mandala Trikora",
    }
)
# words that continue a place name ("Lampung Selatan", "Jakarta Pusat", "Bekasi Kota")
PLACE_TAILS: frozenset[str] = frozenset(
    {
        "Utara",
        "Selatan",
        "Barat",
        "Timur",
        "Tengah",
        "Tenggara",
        "Daya",
        "Laut",
        "Raya",
        "Pusat",
        "Kota",
        "Baru",
        "Lama",
        "Besar",
        "Hulu",
        "Hilir",
        "Ilir",
        "Ulu",
        "Putih",
    }
)
# words that start a place name and need the next word ("Kota Bandung", "Kepulauan Seribu")
PLACE_HEADS: frozenset[str] = frozenset(
    {
        "Kota",
        "Kabupaten",
        "Kab",
        "Provinsi",
        "Metro",
        "DKI",
        "DI",
        "Kepulauan",
        "Tanjung",
        "Bandar",
        "Pangkal",
        "Kuala",
        "Pematang",
        "Tebing",
        "Nusa",
        "Daerah",
        "Kecamatan",
        "Desa",
        "Kelurahan",
    }
)
KNOWN_PLACES: frozenset[str] = frozenset(PROVINCES) | POLICE_AREAS | frozenset(CITIES)
DIRECTIONS: frozenset[str] = frozenset({"Utara", "Selatan", "Barat", "Timur", "Tengah", "Tenggara", "Daya"})
