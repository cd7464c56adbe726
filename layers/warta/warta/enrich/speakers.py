"""Who a quote's speaker phrase names: a person (by the fullest name the body gives), an official by role,
an organisation speaking as itself, or an unnamed speaker.

The persons of a body are read once with `names.read_name` (outside quotation marks, where people are
only talked about). A pronoun or an enclitic (`ia`, `dia`, `beliau`, `katanya`) goes to the person named
last before it; a short form (`Putut`) to the one longer name holding all its words; a role
(`Kapolda`) to the official the body names with that post.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from warta.enrich._triggers import TriggeredPattern, first_words
from warta.enrich.model import Official, Organization, Speaker
from warta.enrich.names import HONORIFIC_RE, NON_NAME, read_name
from warta.enrich.positions import DIRECTIONS, KNOWN_PLACES, TITLE_RE, TITLES, title_for
from warta.enrich.ranks import RANK_RE

# the words a body writes in lower case ("kereta", "seksi"): a capitalised one of them is no name
_LOWER_WORD_RE = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")
_WORD_AT_RE = re.compile(r"[A-Za-z]+")
# between a post and its holder's name: an empty or abbreviated bracket, a rank
# long forms of police and prosecution posts that the titles table knows only by their short form
_LONG_FORMS = {
    "Kepala Polda": "Kapolda",
    "Kepala Polres": "Kapolres",
    "Kepala Polresta": "Kapolresta",
    "Kepala Polsek": "Kapolsek",
    "Kepala Kejaksaan Tinggi": "Kajati",
    "Kepala Kejaksaan Negeri": "Kajari",
}
_TITLE_SCAN = TriggeredPattern(TITLE_RE, first_words(TITLES, any_first_case=True))
_LONG_FORM_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(k.replace(" ", r"\s+") for k in _LONG_FORMS) + r")(?![\w-])"
)


@cache
def _role_tail() -> re.Pattern[str]:
    """A rank (and comma) at the end of a post as written: compiled on first use, it is a long pattern."""
    return re.compile(r"(?:\s*,)?\s*(?:" + RANK_RE.pattern + r")?\s*$")


_EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)")
_PLACE_AFTER_RE = re.compile(r"\s+(?:Utara|Selatan|Barat|Timur|Tengah|Tenggara|Raya|Jaya)(?![\w-])")
_PLACE_BEFORE_RE = re.compile(
    r"(?:Perumahan|Kompleks|Komplek|Desa|Kelurahan|Kecamatan|Kampung|Dusun|Jalan|Jl\.?|Pasar|Stasiun|Bandara|"
    r"Pelabuhan|Kawasan|Kabupaten|Kota|Provinsi|Pulau|Gunung|Sungai|Kali|Pantai|Teluk|Taman|Hotel|Gedung)\s+$"
)
# after a name: the end of the phrase, or a comma that closes an apposition
_ENDS_PHRASE_RE = re.compile(r"\s*(?:$|,\s*(?:$|[a-z0-9]))")
# before a name that is its sentence's subject: the sentence's start, perhaps after a short opener
# ("Sementara itu, ", "Di sisi lain, ")
_SUBJECT_START_RE = re.compile(r"(?:^|[.!?][\"”]?\s+|\n)(?:[A-Z]\w*(?:\s+\w+){0,3},\s+)?$")
# the dateline a lead starts with: "JAKARTA - ", "TEMPO.CO, Jakarta - ", "Mataram, NTB (ANTARA News) - "
_DATELINE_RE = re.compile(r"^.{0,60}?\s[-–—]{1,2}\s+")
_CAPITAL_RE = re.compile(r"(?<![\w'’-])[A-Z][a-z]")
_ACRONYM_RE = re.compile(r"(?<![\w-])(?![IVXLC]+(?![\w-]))[A-Z]{2,6}(?![\w-])")
_PRONOUN_RE = re.compile(
    r"(?i)(?:^|[\s,])(?:ia|dia|beliau|dirinya)(?:\s+(?:juga|pun|lantas|kemudian|lalu|sempat|bahkan|kembali|"
    r"turut|pula|tetap|sendiri|justru|hanya|secara\s+\w+|lebih\s+lanjut|dengan\s+\w+))*\s*$"
)
_LEADING_PRONOUN_RE = re.compile(r"(?i)^\s*(?:ia|dia|beliau|dirinya)(?:\s+lagi|\s+menambahkan)?\s*$")
# "kata anggota Komisi III DPR itu", "Wakil rakyat dari Medan itu juga menilai": a description that points
# back to someone already named
_POINTING_BACK_RE = re.compile(
    r"(?:^|\s)(?:itu|tersebut|ini)(?:\s+(?:juga|pun|lantas|kemudian|lalu|sempat|bahkan|kembali|pula|lagi))*\s*$"
)
# a speaker phrase that describes someone without naming them
_UNNAMED_RE = re.compile(
    r"(?i)(?<![\w-])(?:seorang|analis|ekonom|salah\s+(?:satu|seorang)|warga|pihak|sumber|petugas|juru\s+bicara|jubir|"
    r"polisi|aparat|para|mereka|pengamat|peneliti|ahli|pakar|dokter|warganet|netizen|pelaku|korban|tersangka|"
    r"saksi|pria|wanita|perempuan|remaja|pengunjung|penumpang|pedagang|pengemudi|sopir|nelayan|petani|"
    r"orang\s+tua|ibu\s+\w+|bapak\s+\w+|kuasa\s+hukum|pengacara|manajemen|panitia|perwakilan)(?![\w-])"
)
_ORG_HEAD_RE = re.compile(
    r"(?<![\w-])(?:PT|CV|Kementerian|Badan|Dinas|Komisi|Pemerintah|Pemprov|Pemkab|Pemkot|Polda|Polres|Polri|"
    r"Mabes|Organisasi|Lembaga|Yayasan|Partai|Universitas|Bank|Tim|Kejaksaan|Pengadilan|Mahkamah)\s"
)
# Capitalised words of posts, units and kinship that `names.NON_NAME` does not list: a "name" holding one
# ("Seksi Urusan", "Suami Donna", "Tugas Koordinasi") is a piece of a post or a description.
_NOT_PERSON_WORDS = (
    "Baca Foto Video Selain Sementara Namun Kini Meski Seksi Urusan Tugas Koordinasi Supervisi Pembina "
    "Bidang Bagian Divisi Operasional Pengawas Pelaksana Harian Hubungan Masyarakat Program Pengembangan "
    "Penelitian Riset Perencanaan Keuangan Pemasaran Komunikasi Korporat Eksekutif Utama Senior Regional "
    "Wilayah Cabang Pembinaan Pengurus Yayasan Lembaga Institut Institute Akademi Festival Forum Kakak Adik "
    "Suami Istri Anak Ayah Putra Putri Cucu Kurang Anggota Sekretaris Bendahara Manajer Pendiri Pemilik "
    "Juru Bicara Staf Khusus Ahli Pakar Pengamat Peneliti Dosen Guru Pelatih Kapten Pemain Aktor Aktris "
    "Penyanyi Sutradara Produser Metro Kepulauan Pulau Gunung Sungai Danau Teluk Selat Tanjung Pantai"
)
_NOT_PERSON_TOKENS = frozenset(_NOT_PERSON_WORDS.split())


@dataclass(frozen=True, slots=True)
class Resolution:
    speaker: Speaker | None
    role: str | None = None
    person: bool = False  # a named person (a pronoun later in the text may point back to them)
    pending: bool = False  # a pronoun or context: the speaker is whoever spoke last before


PENDING = Resolution(None, None, pending=True)


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    tokens: frozenset[str]
    role: str | None


class SpeakerResolver:
    def __init__(
        self,
        body: str,
        officials: Sequence[Official],
        organizations: Sequence[Organization],
        quoted: Sequence[tuple[int, int]] = (),
        is_region: Callable[[str], bool] | None = None,
    ) -> None:
        self._is_region = is_region
        self._body = body
        self._officials = [o for o in officials if not o.former and not _runs_on(body, o.name)]
        self._organizations = organizations
        self._persons: list[_Person] = [_Person(o.name, _tokens(o.name), o.position) for o in self._officials]
        self._mention_pos: list[int] = []
        self._mention_who: list[_Person] = []
        self._mention_end: list[int] = []
        self._mentions_ready = False
        self._written: list[tuple[int, str, int]] = []
        self._lower = frozenset(_LOWER_WORD_RE.findall(body))
        self._titled: dict[str, _Person] = {}
        self._holders: dict[str, list[_Person]] = {}  # per short name, once the registry is complete
        self._read_persons(quoted)

    # -- the body's persons ---------------------------------------------------------------------------------

    def _read_persons(self, quoted: Sequence[tuple[int, int]]) -> None:
        spans = sorted(quoted)
        self._all_names = self._names_in(self._body)
        self._name_starts = [n[0] for n in self._all_names]
        written = [w for w in self._all_names if not _inside(spans, w[0])]
        body = self._body
        for pos, name, end in written:
            # one word in apposition ("Kepala Desa Sukamulya, Mulyadi, ...") is a name too
            alone = (
                body[max(0, pos - 2) : pos] == ", " and body[end : end + 1] == "," and not self._place(name)
            )
            if (len(name.split()) >= 2 or alone) and not any(_same_name(name, p.name) for p in self._persons):
                self._persons.append(_Person(name, _tokens(name), None))
        self._read_titled(spans)
        self._holders.clear()
        self._written = written

    def _ensure_mentions(self) -> None:
        """Who each name outside quotation marks refers to, in reading order: built on first need (many
        bodies never ask), left to right, so an ambiguous short name can look back at the ones before."""
        if self._mentions_ready:
            return
        self._mentions_ready = True
        for pos, name, end in self._written:
            person = self._person_for(name, pos)
            if person is not None:
                self._mention_pos.append(pos)
                self._mention_who.append(person)
                self._mention_end.append(end)

    def _names_between(self, start: int, end: int) -> list[tuple[int, str, int]]:
        """The body's names that lie wholly in [start, end)."""
        i = bisect.bisect_left(self._name_starts, start)
        out = []
        while i < len(self._all_names) and self._all_names[i][0] < end:
            if self._all_names[i][2] <= end:
                out.append(self._all_names[i])
            i += 1
        return out

    def _names_in(self, text: str) -> list[tuple[int, str, int]]:
        """(start, name, end) of the personal names in `text`, left to right, none inside another."""
        found: list[tuple[int, str, int]] = []
        consumed = 0
        for m in _CAPITAL_RE.finditer(text):
            pos = m.start()
            if pos < consumed or text[pos - 1 : pos] == "(":
                continue  # "(All Time High)" is a gloss
            word = _WORD_AT_RE.match(text, pos)
            if word is not None and word.group(0) in NON_NAME and not HONORIFIC_RE.match(text, pos):
                continue  # the common case, decided without reading a name
            read = read_name(text, pos)
            if read is None:
                continue
            name, start, end = read
            consumed = end
            words = name.split()
            while words and (
                words[0] in _NOT_PERSON_TOKENS
                or words[0] in DIRECTIONS
                or words[0] in KNOWN_PLACES
                or words[0].lower() in self._lower
                or (self._is_region is not None and len(words) > 1 and self._is_region(words[0]))
            ):
                start = text.index(words[0], start) + len(words[0])
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            start = text.index(words[0], start)
            if _PLACE_AFTER_RE.match(text, end) or _PLACE_BEFORE_RE.search(text, max(0, start - 20), start):
                continue  # "Metro Jakarta Timur", "Perumahan Pondok Gede Permai"
            if len(words) >= 3 and _after_place_post(text, start):
                # "Camat Lembang Rudi Hartawan": a post for a place is followed by the place's name
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]
                name = " ".join(words)
            if self._looks_personal(name):
                found.append((start, name, end))
        return found

    def _place(self, word: str) -> bool:
        return word in KNOWN_PLACES or (self._is_region is not None and self._is_region(word))

    def _looks_personal(self, name: str) -> bool:
        """No word of a name is written in lower case elsewhere ("Seksi Urusan", "Suami Donna" are not names)."""
        words = name.split()
        if name in KNOWN_PLACES or words[0] in _NOT_PERSON_TOKENS:
            return False
        return not any(w.lower() in self._lower for w in words)

    def _read_titled(self, spans: Sequence[tuple[int, int]]) -> None:
        """Posts followed by a name ("Menteri Pertanian Andi Rahmat Hidayat", "Wali Kota Bekasi Hendra
        Kusumajaya"), for roles the officials finder left out: a later "Menhub" is that person."""
        body = self._body
        posts = [
            (m, title_for(m.group("title")).title)
            for m in _TITLE_SCAN.finditer(body)
            if not m.group("former")
        ]
        posts += [(m, _LONG_FORMS[" ".join(m.group(0).split())]) for m in _LONG_FORM_RE.finditer(body)]
        for m, key in sorted(posts, key=lambda p: p[0].start()):
            if _inside(spans, m.start()):
                continue
            if key in self._titled:
                continue
            window = body[m.end() : m.end() + 90]
            names = self._names_between(m.end(), m.end() + 90)
            if not names:
                continue
            start, name, _end = names[0]
            start -= m.end()
            between = window[:start]
            if not between.strip() and len(name.split()) >= 3 and _is_place_post(key):
                first = name.split()[0]  # "Camat Lembang Rudi Hartawan": the place, then the holder
                start, name = start + len(first) + 1, name[len(first) + 1 :]
            if len(name.split()) < 2 or any(w[:1].islower() for w in between.split()) or "\n" in between:
                continue  # only places, units, ranks and brackets between the post and the name
            role = _role_tail().sub("", body[m.start() : m.end() + start])
            role = " ".join(_EMPTY_BRACKETS_RE.sub(" ", role).split())
            person = next((p for p in self._persons if p.tokens >= _tokens(name)), None)
            if person is None:
                person = _Person(name, _tokens(name), role)
                self._persons.append(person)
            elif person.role is None:
                self._persons.remove(person)
                person = _Person(person.name, person.tokens, role)
                self._persons.append(person)
            self._titled[key] = person

    def _person_for(self, name: str, pos: int) -> _Person | None:
        tokens = _tokens(name)
        if not tokens:
            return None
        holders = self._holders.get(name)
        if holders is None:
            holders = [p for p in self._persons if p.tokens >= tokens or _same_name(name, p.name)]
            self._holders[name] = holders
        if not holders:
            return None
        if len(holders) == 1:
            return holders[0]
        # several: the one named last before this point, else the fullest
        self._ensure_mentions()
        i = bisect.bisect_left(self._mention_pos, pos)
        for j in range(i - 1, -1, -1):
            if self._mention_who[j] in holders:
                return self._mention_who[j]
        return max(holders, key=lambda p: (p.role is not None, len(p.tokens)))

    def named_near(self, pos: int) -> bool:
        """Whether a person is named in the two paragraphs before `pos` (outside quotation marks)."""
        self._ensure_mentions()
        i = bisect.bisect_left(self._mention_pos, pos)
        if not i:
            return False
        window_start = self._body.rfind("\n", 0, max(0, self._body.rfind("\n", 0, pos)))
        window_start = self._body.rfind("\n", 0, max(0, window_start))
        return self._mention_pos[i - 1] >= window_start

    def introduced_between(self, start: int, end: int) -> Resolution | None:
        """The person brought in last in [start, end) as a sentence's subject ("Ia ..." then follows) or
        in apposition ("..., Dwi Andreas Santosa."), outside quotation marks."""
        self._ensure_mentions()
        i = bisect.bisect_left(self._mention_pos, end)
        while i and self._mention_pos[i - 1] >= start:
            i -= 1
            pos = self._mention_pos[i]
            after = self._body[self._mention_end[i] : self._mention_end[i] + 1]
            if _SUBJECT_START_RE.search(self._body, max(0, pos - 40), pos) or (
                self._body[max(0, pos - 2) : pos] == ", " and after == "."
            ):
                who = self._mention_who[i]
                return self._of(who, who.name)
        return None

    def named_between(self, start: int, end: int) -> Resolution | None:
        """The person named last in [start, end), outside quotation marks."""
        self._ensure_mentions()
        i = bisect.bisect_left(self._mention_pos, end)
        if i and self._mention_pos[i - 1] >= start:
            who = self._mention_who[i - 1]
            return self._of(who, who.name)
        return None

    def mentioned_before(self, pos: int) -> Resolution:
        """For a pronoun before anyone has spoken: the person named most often before `pos` (the one the
        story is about), the one named first on a tie; an unnamed speaker when nobody is named."""
        self._ensure_mentions()
        i = bisect.bisect_left(self._mention_pos, pos)
        if not i:
            return Resolution(None, None)
        counts: dict[str, int] = {}
        last_at: dict[str, int] = {}
        by_name: dict[str, _Person] = {}
        for j in range(i):
            who = self._mention_who[j]
            counts[who.name] = counts.get(who.name, 0) + 1
            last_at[who.name] = j
            by_name[who.name] = who
        first_at: dict[str, int] = {}
        for j in range(i):
            first_at.setdefault(self._mention_who[j].name, j)
        best = max(counts, key=lambda n: (counts[n], -first_at[n]))
        return self._of(by_name[best], by_name[best].name)

    def resolve(
        self, phrase: str, pos: int, *, enclitic: bool, subject: bool = False, at: int | None = None
    ) -> Resolution | None:
        """The speaker a phrase names; None when the phrase names no speaker at all (then it is no quote).
        `at` is where the phrase starts in the body, when it is a piece of it: its names are then read once,
        with the body's, instead of again."""
        text = phrase.strip(" ,")
        if at is not None:
            at += len(phrase) - len(phrase.lstrip(" ,"))
        if subject:
            dateline = _DATELINE_RE.match(text)
            if dateline:
                text = text[dateline.end() :]
                at = at + dateline.end() if at is not None else None
            if _PRONOUN_RE.search(text[-80:]):
                return PENDING
        elif (enclitic and not text) or _LEADING_PRONOUN_RE.match(text) or (enclitic and text.islower()):
            return PENDING
        if (
            _POINTING_BACK_RE.search(text[-60:])
            and (subject or text[:1].islower())
            and len(text.split()) <= 30
        ):
            return PENDING
        named = self._named(text, pos, at) or self._mononym(text, leading=True)
        if named is not None:
            return named
        role = self._role(text)
        if role is not None:
            return role
        org = self._organization(text)
        if org is not None:
            return org
        if _UNNAMED_RE.search(text):
            return Resolution(None, None)
        if subject:
            # "Walhi Jawa Timur menyatakan": a subject that is only a proper name names a body or a person
            tail = text.rsplit(", ", 1)[-1]
            if tail and 2 <= len(tail.split()) <= 8 and _capitalised_run(tail, 0) == tail:
                return Resolution(Speaker(tail, tail), None)
        mononym = self._mononym(text)
        if mononym is not None:
            return mononym
        if not subject and not text:
            return PENDING if enclitic else None
        if not subject and text and text[0].islower() and len(text.split()) <= 4:
            return Resolution(None, None)
        return None

    def _named(self, text: str, pos: int, at: int | None = None) -> Resolution | None:
        """The person a phrase names: one with a post first, then one set off by commas or ending the
        phrase ("Mitra investor dari Bukit Ventures, Clara Wijaya,"), then the first."""
        best: tuple[tuple[bool, bool], _Person, str] | None = None
        shift = at or 0
        names = self._names_in(text) if at is None else self._names_between(at, at + len(text))
        for _start, name, end in names:
            person = self._person_for(name, pos)
            if person is None:
                continue
            rank = (person.role is not None, bool(_ENDS_PHRASE_RE.match(text, end - shift)))
            if best is None or rank > best[0]:
                best = (rank, person, name)
        if best is None:
            return None
        return self._of(best[1], best[2])

    def _mononym(self, text: str, *, leading: bool = False) -> Resolution | None:
        """A one-word name the body gives no longer form of ("Sudrajat"), the only capitalised word of
        the phrase; with `leading`, also its first word ("Darsini, 54 tahun, salah satu pemilik ...")."""
        words = [w.strip(",.") for w in text.split() if w[:1].isupper()]
        if len(words) != 1 or not _CAPITAL_RE.match(words[0]):
            return None
        if (leading and not text.startswith(words[0])) or _UNNAMED_RE.fullmatch(words[0]):
            return None
        if words[0] in KNOWN_PLACES or (self._is_region is not None and self._is_region(words[0])):
            return None
        found = read_name(words[0], 0)
        if found is None or not self._looks_personal(found[0]):
            return None
        return self._of(_Person(found[0], _tokens(found[0]), None), found[0])

    def _of(self, person: _Person, written: str) -> Resolution:
        return Resolution(Speaker(written, person.name), person.role, person=True)

    def _role(self, text: str) -> Resolution | None:
        m = TITLE_RE.search(text)
        if m is None:
            return None
        title = m.group("title")
        key = title_for(title).title
        for o in self._officials:
            held = TITLE_RE.match(o.position or "")
            if held is not None and title_for(held.group("title")).title == key:
                return Resolution(Speaker(title, o.name), o.position, person=True)
        holder = self._titled.get(key)
        if holder is not None:
            return self._of(holder, title)
        # a post nobody in the body is named with: an unnamed speaker who holds it ("Menteri ESDM")
        return Resolution(
            None, " ".join(text[m.start() :].split()[:8]) if len(text) - m.start() < 60 else title
        )

    def _organization(self, text: str) -> Resolution | None:
        """An organisation speaking as itself, by its name as written ("Komisi V DPR", "KPK")."""
        spots = [
            m.start()
            for org in self._organizations
            for form in (org.name, org.abbreviation)
            if form
            for m in [re.search(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text)]
            if m
        ]
        head = _ORG_HEAD_RE.search(text + " ")
        if head:
            spots.append(head.start())
        acronym = _ACRONYM_RE.search(text)
        if acronym and acronym.group(0) not in NON_NAME:
            spots.append(acronym.start())
        if not spots:
            return None
        name = _capitalised_run(text, min(spots))
        return Resolution(Speaker(name, name), None) if name else None


def _capitalised_run(text: str, pos: int) -> str:
    """The run of capitalised words, numbers and bracketed abbreviations around `pos`."""
    words = list(_RUN_WORD_RE.finditer(text))
    at = next((i for i, w in enumerate(words) if w.start() <= pos < w.end()), None)
    if at is None:
        return ""
    lo = hi = at
    while (
        lo > 0 and _in_run(words[lo - 1].group(0)) and text[words[lo - 1].end() : words[lo].start()].isspace()
    ):
        lo -= 1
    while (
        hi + 1 < len(words)
        and _in_run(words[hi + 1].group(0))
        and not text[words[hi].end() : words[hi + 1].start()].strip()
    ):
        hi += 1
    return text[words[lo].start() : words[hi].end()]


_RUN_WORD_RE = re.compile(r"\([^()\s]{2,12}\)|[\w&.-]+")


def _in_run(word: str) -> bool:
    return word[:1].isupper() or word[:1] == "(" or word.isdigit()


_POST_BEFORE_RE = re.compile(r"(?:^|\s)(?P<post>\S+(?:\s+\S+)?)\s+$")


def _is_place_post(key: str) -> bool:
    """A post for a place ("Camat", "Kapolda"), whose holder is named after the place's name."""
    return key in _LONG_FORMS.values() or title_for(key).scope == "place"


def _after_place_post(text: str, start: int) -> bool:
    """Whether the words right before `start` are a post whose holder is named after a place."""
    m = _POST_BEFORE_RE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    for candidate in (m.group("post"), m.group("post").split()[-1]):
        t = TITLE_RE.fullmatch(candidate)
        if t is not None and title_for(t.group("title")).scope == "place":
            return True
    return False


def _runs_on(body: str, name: str) -> bool:
    """A one-word "name" that the text runs on from ("PT Kereta Api Indonesia" read as a post and "Api")."""
    if " " in name:
        return False
    at = body.find(name)
    return at > 0 and bool(re.match(r"\s+[A-Z]", body[at + len(name) : at + len(name) + 3]))


def _same_name(short: str, full: str) -> bool:
    """Every word of `short` is a word of `full` or the start of one ("Rina Kusuma", "Rina Kusumawardani")."""
    words = full.lower().split()
    wanted = short.lower().split()
    if wanted[0] not in words and not any(w.startswith(wanted[0]) for w in words):
        return False  # the common case, decided on the first word
    return all(any(w.startswith(t) for w in words) for t in wanted)


def _tokens(name: str) -> frozenset[str]:
    return frozenset(t.lower().strip(".,") for t in name.split() if len(t.strip(".,")) > 1)


def _inside(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62))
    return bool(i) and spans[i - 1][0] <= pos < spans[i - 1][1]
