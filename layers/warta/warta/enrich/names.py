"""Personal names in Indonesian news text: the words that are no one's name, and readers that take a
name forwards from a position ("Kapolda ... Putut Eko Bayu Seno") or backwards from one ("Putut Eko
Bayu Seno, Kapolda ...")."""

from __future__ import annotations

import re

from warta.enrich.positions import DIRECTIONS, TITLES
from warta.enrich.ranks import RANKS

_NAME_TOKEN = r"[A-Z][a-z]+(?:['’-][A-Za-z][a-z]*)*"
_NAME_TOKEN_RE = re.compile(_NAME_TOKEN + r"(?![\w])")
_INITIAL_RE = re.compile(r"[A-Z]\.(?=\s+[A-Z])")
_PARTICLE_RE = re.compile(r"\s+(?:bin|binti|van|von|de|der|da|dos|al|el)\s+(?=[A-Z])")
GAP_RE = re.compile(r"[ \t]+|\s(?=[A-Z])")
_SPACE_RE = re.compile(r"\s*")
HONORIFIC_RE = re.compile(
    r"(?:Prof|Dr|dr|Drs|Dra|Ir|Hj|H|KH|K\.H|Kiai|Kyai|Habib|Haji|Hajjah|Ny|Nyonya|Tuan|Bapak|Pak|Ibu|Bu|"
    r"Raden|Gus|Letnan\s+Kolonel\s+\(Purn\)|Ust|Ustaz|Ustadz)(?:\.|(?![\w]))\s*"
)
# a degree written after a name ends it ("S.H." or "M.Si" never match a name token; these do)
_DEGREE_WORDS = frozenset(
    {"Lc", "Ph", "Sos", "Si", "Kom", "Pd", "Ag", "Hum", "Psi", "Ak", "Ked", "Kes", "Ikom"}
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
_HEADLINE_VERB_WORDS = (
    "Ajak Akan Akui Amankan Angkat Antar Apresiasi Bagikan Bahas Bakal Bangun Bantah Bantu Batal Beber Beberkan "
    "Beri Berikan Bertemu Buka Bongkar Borong Bubarkan Buru Cabut Cari Catat Cegah Cek Copot Curhat Datangi "
    "Dorong Duga Gelar Gerebek Ingatkan Imbau Jabat Jadi Jaga Jamin Janji Jawab Jelaskan Jenguk Kawal Kecam "
    "Kerahkan Klaim Kirim Kumpulkan Kunjungi Lantik Larang Lepas Lapor Laporkan Lawan Luncurkan Minta Mutasi "
    "Naik Pamit Pantau Pastikan Pecat Periksa Perintahkan Perketat Pimpin Pilih Pukul Puji Rilis Respons Resmi "
    "Resmikan Rotasi Rombak Sambut Sampaikan Sebut Segel Serahkan Sidak Siapkan Siap Singgung Soroti Sindir "
    "Tahan Tanggapi Tangkap Tantang Targetkan Tegaskan Tekankan Temui Temukan Terima Tetapkan Tinjau Tolak "
    "Turun Turunkan Tutup Ucapkan Ultimatum Ungkap Usul Usulkan Utus Waspadai"
)
# The bare verbs alone: an organization's name stops at one ("Polda Riau Tangkap ...").
HEADLINE_VERBS: frozenset[str] = frozenset(_HEADLINE_VERB_WORDS.split())
_HEADLINE_WORDS = (
    _HEADLINE_VERB_WORDS + " "
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


def skip_space(text: str, pos: int) -> int:
    spaces = _SPACE_RE.match(text, pos)
    return spaces.end() if spaces else pos


def _skip_honorifics(text: str, pos: int) -> int:
    while True:
        m = HONORIFIC_RE.match(text, pos)
        if not m or not m.group(0).strip():
            return pos
        pos = m.end()


_VERB_SHAPE_RE = re.compile(
    r"(?:Mem[bp]|Men[dgjcst]|Meng|Meny|Ber[a-z]|Ter[bcdgjklmpst])[a-z]{2,}|Di[a-z]{3,}(?:kan|i)|[A-Z][a-z]+(?:kan|nya)"
)
_WORD_RE = re.compile(r"[^\W\d_]+")


class TextLines:
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


def read_name(text: str, pos: int, lines: TextLines | None = None) -> tuple[str, int, int] | None:
    """A person's name starting at `pos` (honorifics skipped): (name, start, end) or None.

    In a Title Case line (`lines` given) every word is capitalised, so a token also has to look like a name:
    not a verb form and not a word the text uses in lower case ("Cegah Konflik Antarwarga" is no one)."""
    strict = lines is not None and lines.title_case_at(pos)
    pos = _skip_honorifics(text, skip_space(text, pos))
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
            if (
                tok in NON_NAME
                or (tok in DIRECTIONS and words)
                or (strict and lines is not None and lines.common_word(tok))
            ):
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
        g = GAP_RE.match(text, end)
        if not g or "\n" in g.group(0):
            break
        pos = g.end()
    while parts and (parts[-1].endswith(".") or parts[-1].islower()):
        parts.pop()  # a trailing initial or particle is not part of the name
    if not words or not parts:
        return None
    return " ".join(parts), start, end


def read_name_backwards(text: str, end: int) -> str | None:
    """The name in "Name, <position>" or "Name selaku <position>", where `end` is the position start."""
    window = text[max(0, end - 160) : end]
    m = re.search(r"(?:,\s*|\s+selaku\s+)$", window)
    if not m:
        return None
    words = window[: m.start()].split(" ")
    taken: list[str] = []
    for w in reversed(words):
        if (_NAME_TOKEN_RE.fullmatch(w) and w not in NON_NAME) or (
            w in {"bin", "binti", "van", "de"} and taken
        ):
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
