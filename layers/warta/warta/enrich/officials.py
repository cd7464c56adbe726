"""Officials named in a news text: who holds which rank and/or position.

Forms read (all with compiled regexes, no model):
- position [jurisdiction] [rank] name   "Kapolda Metro Jaya Inspektur Jenderal Putut Eko Bayu Seno"
- rank name                             "Irjen Pol Putut Eko Bayu Seno"
- name, position                        "Putut Eko Bayu Seno, Kapolda Metro Jaya"
- "Mantan"/"Eks" before a position marks it former.
A position without a name right after it (and no "Name, " right before it) is ignored: generic
"gubernur", or "Mantan Kapolda Jawa Barat menambahkan" (the model has one position per person, so
a second, former position of the main official is not recorded).

Records are merged per person: a shorter name whose tokens all belong to exactly one longer name
is the same person. `mentions` counts runs of the person's name tokens in the whole text, so
"kata Putut" and "Putut menegaskan" count; a token shared by two officials counts for neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from warta.enrich._triggers import TriggeredPattern, first_words
from warta.enrich.model import Official
from warta.enrich.positions import (
    DIRECTIONS,
    KNOWN_PLACES,
    KODAM_NAMES,
    PLACE_HEADS,
    PLACE_TAILS,
    POLICE_AREAS,
    TITLE_RE,
    TITLES,
    Title,
    title_for,
)
from warta.enrich.ranks import RANK_RE, RANKS

Resolver = Callable[[str], str | None]

# --- name vocabulary ----------------------------------------------------------------------------

_NAME_TOKEN = r"[A-Z][a-z]+(?:['’-][A-Za-z][a-z]*)*"
_NAME_TOKEN_RE = re.compile(_NAME_TOKEN + r"(?![\w])")
_INITIAL_RE = re.compile(r"[A-Z]\.(?=\s+[A-Z])")
_PARTICLE_RE = re.compile(r"\s+(?:bin|binti|van|von|de|der|da|dos|al|el)\s+(?=[A-Z])")
_GAP_RE = re.compile(r"[ \t]+|\s(?=[A-Z])")
_SPACE_RE = re.compile(r"\s*")
_HONORIFIC_RE = re.compile(
    r"(?:Prof|Dr|dr|Drs|Dra|Ir|Hj|H|KH|K\.H|Kiai|Kyai|Habib|Haji|Hajjah|Ny|Nyonya|Tuan|Bapak|Pak|Ibu|Bu|"
    r"Raden|Gus|Letnan\s+Kolonel\s+\(Purn\)|Ust|Ustaz|Ustadz)(?:\.|(?![\w]))\s*"
)
# a degree written after a name ends it ("S.H." or "M.Si" never match a name token; these do)
_DEGREE_WORDS = frozenset(
    {"Lc", "Ph", "Sos", "Si", "Kom", "Pd", "Ag", "Hum", "Psi", "Ak", "Ked", "Kes", "Ikom"}
)
# the word right before a rank or position that makes it a place name, not a person
_PLACE_PREFIX_RE = re.compile(
    r"(?:Jalan|Jl|Jln|Bandara|Stadion|Universitas|Museum|Makam|Gedung|Lapangan|Monumen|Patung|Yayasan|"
    r"RS|RSUD|Rumah\s+Sakit|Kampus|Taman)\.?\s+$"
)

_DAYS = "Senin Selasa Rabu Kamis Jumat Jum'at Sabtu Minggu Ahad"
_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
_FUNCTION = (
    "Dan Atau Yang Di Ke Dari Pada Untuk Dengan Dalam Oleh Kepada Bagi Tentang Terhadap Sejak Setelah "
    "Sebelum Saat Ketika Sementara Namun Tetapi Tapi Selain Menurut Kata Ujar Ucap Tutur Jelas Imbuh "
    "Sedangkan Adapun Bahkan Ia Dia Mereka Kami Kita Saya Aku Anda Ini Itu Para Sang Jika Bila Kalau "
    "Hingga Sampai Tak Tidak Juga Sudah Telah Akan Masih Lalu Kemudian Selanjutnya Usai Seusai Sebab "
    "Karena Agar Supaya Meski Walau Sebelumnya Sesudah Begitu Demikian Maka Pun Hal Acara Pihak "
    "Selamat Terima Kasih Baca Berita Foto Video Editor Penulis Reporter Sumber Pukul Tahun Bulan Pekan Hari"
)
_MEDIA = "Kompas Tempo Antara Detik Tribun Okezone Liputan Republika Pos Juga"
_ORG_WORDS = (
    "Polri Polda Polres Polresta Polrestabes Polsek Mabes Markas Besar Kepolisian Kodam Korem Kodim "
    "Koramil Kostrad Kopassus Brimob Densus Reskrim Reserse Kriminal Humas Satuan Direktorat Bareskrim "
    "Kementerian Kemendagri Kejaksaan Kejagung Kejati Kejari Pengadilan Negeri Tinggi Agung Mahkamah "
    "Konstitusi Komisi Dewan Badan Dinas Majelis Partai Fraksi Pemerintah Pemprov Pemkab Pemkot "
    "Provinsi Kabupaten Kota Kecamatan Kelurahan Desa Kampung Dusun Istana Negara Gedung Kantor Jalan "
    "Rumah Sakit Universitas Sekolah Masjid Gereja Bandara Pelabuhan Stasiun Terminal Pasar Republik "
    "Indonesia Nasional Daerah Pusat Rakyat Umum Khusus Tim Unit Sat Subdit Ditreskrimum Ditreskrimsus "
    "Presiden Menteri Gubernur Bupati Walikota Wali Camat Lurah Kepala Ketua Wakil Direktur Panglima "
    "Hakim Jaksa Kapolda Kapolres Kapolri Kapolsek Kapolresta Pangdam Danrem Dandim Amerika Serikat"
)
# Words that Title Case headlines put right after a position ("Kapolri Rotasi Lima Kapolda", "Gubernur Minta
# Warga Waspada"): bare verbs, numerals and frequent nouns. None of them is a given name.
_HEADLINE_WORDS = (
    "Ajak Akan Akui Amankan Angkat Antar Apresiasi Bagikan Bahas Bakal Bangun Bantah Bantu Batal Beber Beberkan "
    "Beri Berikan Bertemu Buka Bongkar Borong Bubarkan Buru Cabut Cari Catat Cegah Cek Copot Curhat Datangi "
    "Dorong Duga Gelar Gerebek Ingatkan Imbau Jabat Jadi Jaga Jamin Janji Jawab Jelaskan Jenguk Kawal Kecam "
    "Kerahkan Klaim Kirim Kumpulkan Kunjungi Lantik Larang Lepas Lapor Laporkan Lawan Luncurkan Minta Mutasi "
    "Naik Pamit Pantau Pastikan Pecat Periksa Perintahkan Perketat Pimpin Pilih Pukul Puji Rilis Respons Resmi "
    "Resmikan Rotasi Rombak Sambut Sampaikan Sebut Segel Serahkan Sidak Siapkan Siap Singgung Soroti Sindir "
    "Tahan Tanggapi Tangkap Tantang Targetkan Tegaskan Tekankan Temui Temukan Terima Tetapkan Tinjau Tolak "
    "Turun Turunkan Tutup Ucapkan Ultimatum Ungkap Usul Usulkan Utus Waspadai "
    "Satu Dua Tiga Empat Lima Enam Tujuh Delapan Sembilan Sepuluh Ratusan Ribuan Puluhan Belasan Sejumlah "
    "Banyak Semua Seluruh Baru Lama Lagi Sudah Belum Soal Terkait Kasus Cara Kisah Daftar Lengkap Lengkapnya "
    "Warga Konflik Banjir Gempa Longsor Lokasi Motif Pembunuhan Korban Pelaku Tersangka Saksi Kapal Jalan "
    "Jembatan Proyek Posko Bantuan Anggaran Kebakaran Tawuran Narkoba Teroris Demo Massa Mahasiswa Pelajar "
    "Begini Berikut Inilah Alasan Agenda Pesan Respon Jelang Usai Pasca Saat"
)
_TITLE_WORDS = {w for v in TITLES for w in v.replace(",", " ").split() if w[:1].isupper()}
_RANK_WORDS = {w for v in RANKS for w in v.split()}
NON_NAME: frozenset[str] = (
    frozenset((_DAYS + " " + _MONTHS + " " + _FUNCTION + " " + _MEDIA + " " + _ORG_WORDS).split())
    | frozenset(_HEADLINE_WORDS.split())
    | _TITLE_WORDS
    | _RANK_WORDS
)
PLACE_STOP: frozenset[str] = frozenset((_DAYS + " " + _MONTHS + " " + _FUNCTION).split())
_NAME_STOP_BEFORE = frozenset({"Menurut", "Bagi", "Kepada", "Untuk", "Dengan", "Oleh", "Dari"})
_COMPANY_HEAD_RE = re.compile(r"(?:PT|Perum|Perusahaan|Bank|CV)\.?(?![\w])")
_COMPANY_END_RE = re.compile(r"\s*(?:\((?:Persero|Tbk)\)|Tbk\.?)")
_GOV_WORDS = frozenset(
    [
        "Polri",
        "Polda",
        "Polres",
        "Polresta",
        "Polrestabes",
        "Polsek",
        "Mabes",
        "Kepolisian",
        "Reserse",
        "Kriminal",
        "Direktorat",
        "Lalu",
        "Lintas",
        "Kementerian",
        "Kejaksaan",
        "Badan",
        "Dinas",
        "Pemprov",
        "Pemkab",
        "Pemkot",
        "Pemerintah",
        "Kodam",
        "Korem",
        "Kodim",
        "Bareskrim",
    ]
)
_UNIT_RE = re.compile(
    r"(?P<unit>Mabes\s+Polri|Polri|TNI|Kejaksaan\s+Agung|Kejagung|Bareskrim(?:\s+Polri)?|"
    r"Divisi\s+Humas\s+Polri|"
    r"(?P<local>Polda|Polres(?:ta|tabes)?|Polsek(?:ta)?|Kodam|Pemprov|Pemkab|Pemkot|Kejati|Kejari|BMKG))(?![\w])"
)
_MILITARY_RE = re.compile(
    r"(?:[IVX]{1,5}|\d{2,4})/[A-Z][\w-]*(?:\s+(?!Mayjen|Brigjen|Kolonel|Letkol)[A-Z][a-z]+)?"
)
_DINAS = (
    "Pekerjaan Umum",
    "Bina Marga",
    "Sumber Daya Air",
    "Tenaga Kerja",
    "Lingkungan Hidup",
    "Tata Kota",
    "Pemadam Kebakaran",
    "Kelautan dan Perikanan",
    "Perindustrian dan Perdagangan",
    "Komunikasi dan Informatika",
    "Pemuda dan Olahraga",
    "Kependudukan dan Pencatatan Sipil",
    "Kebudayaan dan Pariwisata",
    "Pendidikan dan Kebudayaan",
)
_DINAS_RE = re.compile(
    r"(?:" + "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in _DINAS) + r"|[A-Z][a-z]+)(?![\w])"
)
_PLACE_TOKEN_RE = re.compile(r"(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?|[A-Z]{2,4})(?![\w]|\.\w)|Kab\.")


@dataclass(slots=True)
class _Raw:
    name: str
    start: int
    rank: str | None = None
    position: str | None = None
    jurisdiction: str | None = None
    former: bool = False
    public: bool = True


# --- low-level readers --------------------------------------------------------------------------


def _skip(text: str, pos: int) -> int:
    return _SPACE_RE.match(text, pos).end()


def _skip_honorifics(text: str, pos: int) -> int:
    while True:
        m = _HONORIFIC_RE.match(text, pos)
        if not m or not m.group(0).strip():
            return pos
        pos = m.end()


_VERB_SHAPE_RE = re.compile(
    r"(?:Mem[bp]|Men[dgjcst]|Meng|Meny|Ber[a-z]|Ter[bcdgjklmpst])[a-z]{2,}|Di[a-z]{3,}(?:kan|i)|[A-Z][a-z]+(?:kan|nya)"
)
_WORD_RE = re.compile(r"[^\W\d_]+")


class _Lines:
    """Per-text facts computed on demand: which lines are Title Case, which words occur in lower case."""

    __slots__ = ("_lower", "_title_lines", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: frozenset[str] | None = None
        self._title_lines: dict[int, bool] = {}

    def lower_words(self) -> frozenset[str]:
        if self._lower is None:
            self._lower = frozenset(w for w in _WORD_RE.findall(self.text) if w.islower())
        return self._lower

    def title_case_at(self, pos: int) -> bool:
        """Whether the line holding `pos` reads like a headline: nearly every longer word capitalised."""
        start = self.text.rfind("\n", 0, pos) + 1
        cached = self._title_lines.get(start)
        if cached is not None:
            return cached
        end = self.text.find("\n", pos)
        words = [
            w for w in _WORD_RE.findall(self.text, start, end if end >= 0 else len(self.text)) if len(w) > 3
        ]
        caps = sum(1 for w in words if w[0].isupper())
        verdict = len(words) >= 3 and caps == len(words)
        self._title_lines[start] = verdict
        return verdict

    def common_word(self, token: str) -> bool:
        """In a headline, a capitalised token that is a verb form or is written in lower case elsewhere."""
        return bool(_VERB_SHAPE_RE.fullmatch(token)) or token.lower() in self.lower_words()


def _read_name(text: str, pos: int, lines: _Lines | None = None) -> tuple[str, int, int] | None:
    """A person's name starting at `pos` (honorifics skipped): (name, start, end) or None.

    In a Title Case line (`lines` given) every word is capitalised, so a token also has to look like a name:
    not a verb form and not a word the text uses in lower case ("Cegah Konflik Antarwarga" is no one)."""
    strict = lines is not None and lines.title_case_at(pos)
    pos = _skip_honorifics(text, _skip(text, pos))
    start = pos
    parts: list[str] = []
    words = 0
    end = pos
    while words < 5:
        m = _INITIAL_RE.match(text, pos)
        if m:
            tok = m.group(0)
        else:
            m = _NAME_TOKEN_RE.match(text, pos)
            if not m:
                break
            tok = m.group(0)
            if tok in NON_NAME or (tok in DIRECTIONS and words) or (strict and lines.common_word(tok)):
                break
            if tok in _DEGREE_WORDS or (
                text[m.end() : m.end() + 1] == "." and text[m.end() + 1 : m.end() + 2].isalpha()
            ):
                break
            words += 1
        parts.append(tok)
        end = m.end()
        # next token: a plain space, or a particle such as "bin"
        p = _PARTICLE_RE.match(text, end)
        if p and words:
            nxt = _NAME_TOKEN_RE.match(text, p.end())
            if nxt and nxt.group(0) not in NON_NAME:
                parts.append(p.group(0).strip())
                pos = p.end()
                continue
        g = _GAP_RE.match(text, end)
        if not g or "\n" in g.group(0):
            break
        pos = g.end()
    while parts and (parts[-1].endswith(".") or parts[-1].islower()):
        parts.pop()  # a trailing initial or particle is not part of the name
    if not words or not parts:
        return None
    return " ".join(parts), start, end


def _read_name_backwards(text: str, end: int) -> str | None:
    """The name in "Name, <position>" or "Name selaku <position>", where `end` is the position start."""
    window = text[max(0, end - 160) : end]
    m = re.search(r"(?:,\s*|\s+selaku\s+)$", window)
    if not m:
        return None
    words = window[: m.start()].split(" ")
    taken: list[str] = []
    for w in reversed(words):
        if _NAME_TOKEN_RE.fullmatch(w) and w not in NON_NAME or w in {"bin", "binti", "van", "de"} and taken:
            taken.append(w)
        else:
            if w in _NAME_STOP_BEFORE:
                return None
            break
        if len(taken) > 6:
            return None
    while taken and taken[-1].islower():
        taken.pop()
    if not taken:
        return None
    return " ".join(reversed(taken))


def _place_tokens(text: str, pos: int) -> list[re.Match[str]]:
    """Capitalised tokens from `pos` separated by single spaces, stopping before a rank or honorific."""
    toks: list[re.Match[str]] = []
    while len(toks) < 7:
        if RANK_RE.match(text, pos) or _HONORIFIC_RE.match(text, pos):
            break
        m = _PLACE_TOKEN_RE.match(text, pos)
        if not m or m.group(0) in PLACE_STOP:
            break
        toks.append(m)
        g = _GAP_RE.match(text, m.end())
        if not g or "\n" in g.group(0):
            break
        pos = g.end()
    return toks


def _resolve(resolve: Resolver | None, place: str, title: Title) -> str | None:
    if resolve is None or place in POLICE_AREAS:
        return None
    place = place.removeprefix("Metro ")
    candidates = []
    if title.level == "city" and not place.startswith("Kota "):
        candidates.append("Kota " + place)
    elif title.level == "regency" and not place.startswith("Kabupaten "):
        candidates.append("Kabupaten " + place)
    candidates.append(place)
    for c in candidates:
        hit = resolve(c)
        if hit:
            return hit
    return None


def _split_place(words: list[str], stopped_by_rank: bool, resolve: Resolver | None, title: Title) -> int:
    """How many of `words` (a capitalised run after a position) name the place."""
    n = len(words)
    if n == 0:
        return 0
    if stopped_by_rank and n <= 5:
        return n
    # 1. known police areas / provinces / cities, longest prefix, then direction tails
    best = 0
    for k in range(min(n, 4), 0, -1):
        if " ".join(words[:k]) in KNOWN_PLACES:
            best = k
            break
    # 2. the resolver, longest prefix leaving at least one word for a name
    if resolve is not None and best == 0:
        for k in range(min(n - 1, 4), 0, -1):
            if _resolve(resolve, " ".join(words[:k]), title):
                best = k
                break
        if best == 0 and n <= 2 and title.level is not None:
            return 0  # "Gubernur Ahmad Heryawan": no place; villages (level None) are never resolved
    # 3. fallback: head words need the next word; one word; then tails
    if best == 0:
        k = 0
        while k < n - 1 and words[k] in PLACE_HEADS:
            k += 1
        best = k + 1
    while best < n and words[best] in PLACE_TAILS:
        best += 1
    return min(best, n)


# --- position scopes ----------------------------------------------------------------------------


def _scope_place(text: str, pos: int, title: Title, resolve: Resolver | None) -> tuple[str, int, str | None]:
    toks = _place_tokens(text, pos)
    if not toks:
        return "", pos, None
    after = _skip(text, toks[-1].end())
    stopped = bool(RANK_RE.match(text, after) or _HONORIFIC_RE.match(text, after))
    words = [t.group(0) for t in toks]
    k = _split_place(words, stopped, resolve, title)
    if k == 0:
        return "", pos, None
    place = " ".join(words[:k])
    return place, toks[k - 1].end(), _resolve(resolve, place, title)


def _scope(text: str, pos: int, title: Title, resolve: Resolver | None) -> tuple[str, int, str | None, bool]:
    """(scope text, end, jurisdiction, public) for the position whose title ends at `pos`."""
    public = title.public
    p = _skip(text, pos)
    if title.scope == "none":
        for suffix in title.suffixes:
            if text.startswith(suffix, p) and not text[p + len(suffix) : p + len(suffix) + 1].isalnum():
                return suffix, p + len(suffix), None, public
        return "", pos, None, public
    if title.scope == "place":
        place, end, juris = _scope_place(text, p, title, resolve)
        return place, end, juris, public
    if title.scope == "unit":
        m = _UNIT_RE.match(text, p)
        if not m:
            return "", pos, None, public
        unit = " ".join(m.group("unit").split())
        if m.group("local"):
            place, end, juris = _scope_place(text, _skip(text, m.end()), title, resolve)
            if place:
                return f"{unit} {place}", end, juris, public
        return unit, m.end(), None, public
    if title.scope == "military":
        m = _MILITARY_RE.match(text, p)
        if m:
            return m.group(0), m.end(), None, public
        for k in (2, 1):
            toks = _place_tokens(text, p)[:k]
            cand = " ".join(t.group(0) for t in toks)
            if len(toks) == k and cand in KODAM_NAMES:
                return cand, toks[-1].end(), None, public
        place, end, juris = _scope_place(text, p, title, resolve)
        return place, end, juris, public
    if title.scope == "dinas":
        m = _DINAS_RE.match(text, p)
        if not m or m.group(0) in PLACE_STOP:
            return "", pos, None, public
        dept = " ".join(m.group(0).split())
        place, end, juris = _scope_place(text, _skip(text, m.end()), title, resolve)
        if place:
            return f"{dept} {place}", end, juris, public
        return dept, m.end(), None, public
    # company: "PT Kereta Api Indonesia (Persero) Ignasius Jonan", "Pertamina Karen Agustiawan"
    head = _COMPANY_HEAD_RE.match(text, p)
    q = _skip(text, head.end()) if head else p
    toks = _place_tokens(text, q)
    if not toks:
        if head:
            return head.group(0), head.end(), None, public
        return "", pos, None, public
    words = [t.group(0) for t in toks]
    after = _skip(text, toks[-1].end())
    tail = _COMPANY_END_RE.match(text, toks[-1].end())
    if tail or RANK_RE.match(text, after) or _HONORIFIC_RE.match(text, after):
        k = len(words)
    elif len(words) >= 3:
        k = len(words) - 2
    elif len(words) == 2:
        k = 1
    else:
        k = 0 if not head else 1
    if any(w in _GOV_WORDS for w in words[:k]):
        public = True  # "Direktur Reserse Kriminal Umum Polda ..." is a police post
    if k == 0:
        return "", pos, None, public
    end = toks[k - 1].end()
    if tail and k == len(words):
        end = tail.end()
    scope = text[p:end]
    return " ".join(scope.split()), end, None, public


# --- main ---------------------------------------------------------------------------------------


# first words of island names that are no one's name ("Sumatera Utara" read after "Wakil Kapolda")
_PLACE_FIRST_WORDS = frozenset(
    {"Sumatera", "Sumatra", "Kalimantan", "Sulawesi", "Jawa", "Nusa", "Papua", "Maluku"}
)


def _memo(resolve: Resolver) -> Resolver:
    """A per-call cache around the region resolver: the same few place names are asked about many times."""
    cache: dict[str, str | None] = {}

    def cached(name: str) -> str | None:
        if name not in cache:
            cache[name] = resolve(name)
        return cache[name]

    return cached


_TITLE_SCAN = TriggeredPattern(
    TITLE_RE, first_words(TITLES, any_first_case=True) | {"Mantan", "mantan", "Eks", "eks", "Bekas", "bekas"}
)
_RANK_SCAN = TriggeredPattern(RANK_RE, first_words(RANKS))


def _titles(text: str) -> Iterator[re.Match[str]]:
    return _TITLE_SCAN.finditer(text)


def _ranks(text: str) -> Iterator[re.Match[str]]:
    return _RANK_SCAN.finditer(text)


def _left_is_place_prefix(text: str, start: int) -> bool:
    return bool(_PLACE_PREFIX_RE.search(text[max(0, start - 20) : start]))


# "(Sulsel)" or "(Kajati)": an abbreviation in brackets after a position or its place, skipped
_PAREN_ABBR_RE = re.compile(r"\s*\([A-Z][\w-]{1,11}\)")
# "<name> ditunjuk sebagai <position>", "<name> yang sebelumnya menjabat <position>"
_LINK_BEFORE_RE = re.compile(
    r"\s+(?:yang\s+)?(?P<before>sebelumnya\s+)?(?:kini\s+|resmi\s+|akan\s+)?"
    r"(?:(?:ditunjuk|diangkat|dilantik|dimutasi|dipromosikan|dipercaya)\s+(?:sebagai|menjadi)|menjabat(?:\s+sebagai)?)"
    r"\s+$"
)
# "<position> kini dijabat <name>", "Kursi <position> kemudian ditempati <name>"
_LINK_AFTER_RE = re.compile(
    r"\s+(?:kini\s+|kemudian\s+|akan\s+|resmi\s+)?(?:dijabat|ditempati|diisi|diemban)(?:\s+oleh)?\s+"
)
# "<position> <name> dimutasi menjadi <other position>": the first position is the one being left
_MOVED_AFTER_RE = re.compile(
    r"\s+(?:yang\s+)?(?:kini\s+|resmi\s+)?(?:dimutasi|dipromosikan|digeser|dirotasi)\s+(?:sebagai|menjadi)\s"
)


def _name_before_link(text: str, start: int) -> tuple[str, bool] | None:
    """The name in "Name ditunjuk sebagai <position at start>": (name, whether the post is a former one)."""
    window = text[max(0, start - 200) : start]
    m = _LINK_BEFORE_RE.search(window)
    if not m:
        return None
    name = _read_name_backwards(window[: m.start()] + ", ", len(window[: m.start()]) + 2)
    return (name, bool(m.group("before"))) if name else None


def _from_positions(
    text: str, resolve: Resolver | None, lines: _Lines
) -> tuple[list[_Raw], list[tuple[int, int]]]:
    raws: list[_Raw] = []
    spans: list[tuple[int, int]] = []
    for m in _titles(text):
        if _left_is_place_prefix(text, m.start()):
            continue
        title = title_for(m.group("title"))
        after_title = m.end("title")
        paren = _PAREN_ABBR_RE.match(text, after_title)
        if paren and title.scope != "none":
            after_title = paren.end()
        scope, end, juris, public = _scope(text, after_title, title, resolve)
        position = f"{title.title} {scope}" if scope else title.title
        paren = _PAREN_ABBR_RE.match(text, end)
        if paren:
            end = paren.end()
        p = _skip(text, end)
        link = _LINK_AFTER_RE.match(text, end)
        if link:
            p = link.end()
        if text.startswith(",", p) and RANK_RE.match(text, _skip(text, p + 1)):
            p = _skip(text, p + 1)  # "Kapolda Metro Jaya, Irjen Putut ..."
        rank = None
        r = RANK_RE.match(text, p)
        if r:
            rank = RANKS[" ".join(r.group("rank").split())]
            p = r.end()
            public = True
        found = _read_name(text, p, lines)
        if found and title.scope == "place" and not scope and not r and m.group("title")[0].islower():
            continue  # "lurah Cempaka Putih menyatakan": a generic lower-case post, not a name
        former = bool(m.group("former"))
        if found:
            name = found[0]
            spans.append((m.start(), found[2]))
            if _MOVED_AFTER_RE.match(text, found[2]):
                former = True  # "Kapolda Jawa Tengah Irjen X dimutasi menjadi ...": X leaves this post
        else:
            if r:  # "Kapolda Irjen" with no name is nothing
                continue
            name = _read_name_backwards(text, m.start())
            if not name:
                linked = _name_before_link(text, m.start())
                if not linked:
                    continue
                name, was = linked
                former = former or was
        if resolve is not None and len(name.split()) <= 3 and _resolve(resolve, name, title):
            continue  # a place, not a person
        if name in KNOWN_PLACES or name.split()[0] in _PLACE_FIRST_WORDS:
            continue
        raws.append(_Raw(name, m.start(), rank, position, juris, former=former, public=public))
    return raws, spans


def _from_ranks(text: str, lines: _Lines) -> list[_Raw]:
    raws: list[_Raw] = []
    for m in _ranks(text):
        if _left_is_place_prefix(text, m.start()):
            continue
        found = _read_name(text, m.end(), lines)
        if not found or text[m.end() : found[1]].count("\n"):
            continue
        raws.append(_Raw(found[0], m.start(), RANKS[" ".join(m.group("rank").split())]))
    return raws


def _canonical_names(raws: list[_Raw]) -> dict[str, str]:
    """Map every raw name to the full name of its person."""
    names = sorted({r.name for r in raws}, key=lambda n: (-len(n.split()), n))
    canon: dict[str, str] = {}
    fulls: list[tuple[str, set[str]]] = []
    for n in names:
        toks = {t for t in n.split() if not t.endswith(".")}
        owners = [full for full, ftoks in fulls if toks <= ftoks]
        if len(owners) == 1:
            canon[n] = owners[0]
        elif owners:
            canon[n] = n  # ambiguous short form: keep it apart rather than guess
        else:
            canon[n] = n
            fulls.append((n, toks))
    return canon


def _count_mentions(text: str, names: list[str]) -> dict[str, int]:
    owner: dict[str, set[str]] = {}
    for n in names:
        for t in n.split():
            if len(t) >= 3 and not t.endswith(".") and not t.islower() and t not in NON_NAME:
                owner.setdefault(t, set()).add(n)
    unique = {t: next(iter(o)) for t, o in owner.items() if len(o) == 1}
    counts = dict.fromkeys(names, 0)
    if not unique:
        return counts
    pat = re.compile(
        r"(?<![\w])(?:" + "|".join(map(re.escape, sorted(unique, key=len, reverse=True))) + r")(?![\w])"
    )
    last_end = -10
    last_owner = None
    for m in pat.finditer(text):
        who = unique[m.group(0)]
        gap = text[last_end : m.start()]
        if who == last_owner and (gap.strip() == "" or gap.strip() in {"bin", "binti", "van", "de"}):
            last_end = m.end()
            continue  # same run of one name
        counts[who] += 1
        last_owner, last_end = who, m.end()
    return counts


def find_officials(text: str, resolve_region: Resolver | None = None) -> tuple[Official, ...]:
    """Officials named in `text`, one per person, in order of first appearance."""
    if not text:
        return ()
    if resolve_region is not None:
        resolve_region = _memo(resolve_region)
    lines = _Lines(text)
    raws, _ = _from_positions(text, resolve_region, lines)
    raws += _from_ranks(text, lines)
    if not raws:
        return ()
    canon = _canonical_names(raws)
    groups: dict[str, list[_Raw]] = {}
    for r in sorted(raws, key=lambda r: r.start):
        groups.setdefault(canon[r.name], []).append(r)
    counts = _count_mentions(text, list(groups))
    out: list[Official] = []
    for key, rs in groups.items():
        rank = next((r.rank for r in rs if r.rank), None)
        with_pos = [r for r in rs if r.position]
        current = [r for r in with_pos if not r.former]
        chosen = (current or with_pos or [None])[0]
        public = any(r.public for r in with_pos) if with_pos else True
        out.append(
            Official(
                key=key,
                name=key,
                rank=rank,
                position=chosen.position if chosen else None,
                jurisdiction=chosen.jurisdiction if chosen else None,
                former=bool(chosen and not current),
                public=public or rank is not None,
                mentions=max(counts.get(key, 0), 1),
            )
        )
    return tuple(out)


_PLAIN_PLACE_TITLE = Title("", "place")


def split_place_words(words: list[str], text: str, end: int) -> int:
    """How many of `words` (capitalised words ending at `end` in `text`, read after an organization
    head such as "Polda") name a place, without a gazetteer: all of them when a rank or honorific
    follows or when there are at most three, else known places / one word, plus direction tails."""
    after = _skip(text, end)
    stopped = bool(RANK_RE.match(text, after) or _HONORIFIC_RE.match(text, after)) or len(words) <= 3
    return _split_place(words, stopped, None, _PLAIN_PLACE_TITLE)
