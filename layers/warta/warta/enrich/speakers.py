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
from collections.abc import Sequence
from dataclasses import dataclass

from warta.enrich.model import Official, Organization, Speaker
from warta.enrich.names import NON_NAME, read_name
from warta.enrich.positions import KNOWN_PLACES, TITLE_RE, title_for
from warta.enrich.ranks import RANK_RE

_WORD_RE = re.compile(r"[^\W\d_]+")
# between a post and its holder's name: an empty or abbreviated bracket, a rank
_AFTER_TITLE_RE = re.compile(r"\s*(?:\([^()]{0,20}\)\s*)?(?:" + RANK_RE.pattern + r")?")
_CAPITAL_RE = re.compile(r"(?<![\w'’-])[A-Z][a-z]")
_ACRONYM_RE = re.compile(r"(?<![\w-])(?![IVXLC]+(?![\w-]))[A-Z]{2,6}(?![\w-])")
_PRONOUN_RE = re.compile(
    r"(?i)(?:^|[\s,])(?:ia|dia|beliau|dirinya)(?:\s+(?:juga|pun|lantas|kemudian|lalu|sempat|bahkan|kembali|"
    r"turut|pula|tetap|sendiri|justru|hanya|secara\s+\w+|lebih\s+lanjut|dengan\s+\w+))*\s*$"
)
_LEADING_PRONOUN_RE = re.compile(r"(?i)^\s*(?:ia|dia|beliau|dirinya)(?:\s+lagi|\s+menambahkan)?\s*$")
# "kata anggota Komisi IX DPR itu", "Wakil rakyat dari Jakarta itu juga menilai": a description that points
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
_NOT_PERSON_TOKENS = frozenset(
    (
        "Baca Foto Video Selain Sementara Namun Kini Meski Seksi Urusan Tugas Koordinasi Supervisi Pembina "
        "Bidang Bagian Divisi Operasional Pengawas Pelaksana Harian Hubungan Masyarakat Program Pengembangan "
        "Penelitian Riset Perencanaan Keuangan Pemasaran Komunikasi Korporat Eksekutif Utama Senior Regional "
        "Wilayah Cabang Pembinaan Pengurus Yayasan Lembaga Institut Institute Akademi Festival Forum Kakak Adik "
        "Suami Istri Anak Ayah Putra Putri Cucu Kurang Anggota Sekretaris Bendahara Manajer Pendiri Pemilik "
        "Juru Bicara Staf Khusus Ahli Pakar Pengamat Peneliti Dosen Guru Pelatih Kapten Pemain Aktor Aktris "
        "Penyanyi Sutradara Produser Kepulauan Pulau Gunung Sungai Danau Teluk Selat Tanjung Pantai"
    ).split()
)


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
    ) -> None:
        self._body = body
        self._officials = [o for o in officials if not o.former]
        self._organizations = organizations
        self._persons: list[_Person] = [
            _Person(o.name, _tokens(o.name), o.position) for o in self._officials
        ]
        self._mention_pos: list[int] = []
        self._mention_who: list[_Person] = []
        self._lower = frozenset(w for w in _WORD_RE.findall(body) if w.islower())
        self._titled: dict[str, _Person] = {}
        self._read_persons(quoted)

    # -- the body's persons ---------------------------------------------------------------------------------

    def _read_persons(self, quoted: Sequence[tuple[int, int]]) -> None:
        body = self._body
        written: list[tuple[int, str]] = []
        consumed = 0
        spans = sorted(quoted)
        for m in _CAPITAL_RE.finditer(body):
            pos = m.start()
            if pos < consumed or _inside(spans, pos) or body[pos - 1 : pos] == "(":
                continue  # quoted people are only talked about; "(All Time High)" is a gloss
            found = read_name(body, pos)
            if found is None:
                continue
            name, _start, end = found
            consumed = end
            if not self._looks_personal(name):
                continue
            written.append((pos, name))
            if len(name.split()) >= 2 and not any(_same_name(name, p.name) for p in self._persons):
                self._persons.append(_Person(name, _tokens(name), None))
        self._read_titled(spans)
        for pos, name in written:
            person = self._person_for(name, pos, mentions_only=False)
            if person is not None:
                self._mention_pos.append(pos)
                self._mention_who.append(person)

    def _looks_personal(self, name: str) -> bool:
        """No word of a name is written in lower case elsewhere ("Seksi Urusan", "Suami Donna" are not names)."""
        words = name.split()
        if name in KNOWN_PLACES or words[0] in _NOT_PERSON_TOKENS:
            return False
        return not any(w.lower() in self._lower for w in words)

    def _read_titled(self, spans: Sequence[tuple[int, int]]) -> None:
        """Posts followed by a name ("Menteri Perhubungan Budi Karya Sumadi"), for roles the officials
        finder left out: a later "Menhub" is that person."""
        body = self._body
        for m in TITLE_RE.finditer(body):
            if m.group("former") or _inside(spans, m.start()):
                continue
            key = title_for(m.group("title")).title
            if key in self._titled:
                continue
            after = _AFTER_TITLE_RE.match(body, m.end())
            pos = after.end() if after else m.end()
            found = read_name(body, pos)
            if found is not None and found[0] in KNOWN_PLACES:  # "Kapolda Metro Jaya Irjen Putut ..."
                after = _AFTER_TITLE_RE.match(body, found[2])
                found = read_name(body, after.end() if after else found[2])
            if found is None or len(found[0].split()) < 2 or not self._looks_personal(found[0]):
                continue
            person = next((p for p in self._persons if p.tokens >= _tokens(found[0])), None)
            if person is None:
                person = _Person(found[0], _tokens(found[0]), " ".join(m.group("title").split()))
                self._persons.append(person)
            elif person.role is None:
                self._persons.remove(person)
                person = _Person(person.name, person.tokens, " ".join(m.group("title").split()))
                self._persons.append(person)
            self._titled[key] = person

    def _person_for(self, name: str, pos: int, *, mentions_only: bool = True) -> _Person | None:
        tokens = _tokens(name)
        if not tokens:
            return None
        holders = [p for p in self._persons if p.tokens >= tokens or _same_name(name, p.name)]
        if not holders:
            return None
        if len(holders) == 1:
            return holders[0]
        # several: the one named last before this point, else the fullest
        i = bisect.bisect_left(self._mention_pos, pos)
        for j in range(i - 1, -1, -1):
            if self._mention_who[j] in holders:
                return self._mention_who[j]
        return max(holders, key=lambda p: (p.role is not None, len(p.tokens)))

    def _last_person(self, pos: int) -> _Person | None:
        i = bisect.bisect_left(self._mention_pos, pos)
        return self._mention_who[i - 1] if i else None

    # -- resolving a phrase -------------------------------------------------------------------------------

    def named_near(self, pos: int) -> bool:
        """Whether a person is named in the two paragraphs before `pos` (outside quotation marks)."""
        i = bisect.bisect_left(self._mention_pos, pos)
        if not i:
            return False
        window_start = self._body.rfind("\n", 0, max(0, self._body.rfind("\n", 0, pos)))
        window_start = self._body.rfind("\n", 0, max(0, window_start))
        return self._mention_pos[i - 1] >= window_start

    def named_between(self, start: int, end: int) -> Resolution | None:
        """The person named last in [start, end), outside quotation marks."""
        i = bisect.bisect_left(self._mention_pos, end)
        if i and self._mention_pos[i - 1] >= start:
            who = self._mention_who[i - 1]
            return self._of(who, who.name)
        return None

    def mentioned_before(self, pos: int) -> Resolution:
        """For a pronoun before anyone has spoken: the person named most often before `pos` (the one the
        story is about), the later one on a tie; an unnamed speaker when nobody is named."""
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

    def resolve(self, phrase: str, pos: int, *, enclitic: bool, subject: bool = False) -> Resolution | None:
        """The speaker a phrase names; None when the phrase names no speaker at all (then it is no quote)."""
        text = phrase.strip(" ,")
        if subject:
            if _PRONOUN_RE.search(text):
                return self._pronoun(pos)
        elif (enclitic and not text) or _LEADING_PRONOUN_RE.match(text) or (enclitic and text.islower()):
            return self._pronoun(pos)
        if _POINTING_BACK_RE.search(text) and (subject or text[:1].islower()) and len(text.split()) <= 30:
            return self._pronoun(pos)
        named = self._named(text, pos)
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
        mononym = self._mononym(text)
        if mononym is not None:
            return mononym
        if not subject and not text:
            return self._pronoun(pos) if enclitic else None
        if not subject and text and text[0].islower() and len(text.split()) <= 4:
            return Resolution(None, None)
        return None

    def _pronoun(self, pos: int) -> Resolution:
        return PENDING

    def _named(self, text: str, pos: int) -> Resolution | None:
        best: tuple[int, _Person, str] | None = None
        for m in _CAPITAL_RE.finditer(text):
            found = read_name(text, m.start())
            if found is None or not self._looks_personal(found[0]):
                continue
            name = found[0]
            person = self._person_for(name, pos)
            if person is None:
                continue
            rank = 2 if person.role else 1
            if best is None or rank > best[0]:
                best = (rank, person, name)
        if best is None:
            return None
        return self._of(best[1], best[2])

    def _mononym(self, text: str) -> Resolution | None:
        """A one-word name the body gives no longer form of ("Kamrussamad"), standing alone in the phrase."""
        words = [w for w in text.split() if w[:1].isupper()]
        if len(words) != 1 or not _CAPITAL_RE.match(words[0]):
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
        for o in self._officials:
            if o.position and o.position.lower().startswith(title.lower()):
                return Resolution(Speaker(title, o.name), o.position, person=True)
        holder = self._titled.get(title_for(title).title)
        if holder is not None:
            return self._of(holder, title)
        if m.start() == 0 or not text[: m.start()].strip(" ,").split()[-1:][0:1] or True:
            # a post nobody in the body is named with: an unnamed speaker who holds it ("Menteri ESDM")
            return Resolution(None, " ".join(text[m.start() :].split()[:8]) if len(text) - m.start() < 60 else title)
        return None

    def _organization(self, text: str) -> Resolution | None:
        for org in self._organizations:
            for form in (org.name, org.abbreviation):
                if form and re.search(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                    return Resolution(Speaker(form, org.canonical), None)
        if _ORG_HEAD_RE.search(text + " "):
            name = text[_ORG_HEAD_RE.search(text + " ").start() :].strip()  # type: ignore[union-attr]
            return Resolution(Speaker(name, name), None)
        acronym = _ACRONYM_RE.search(text)
        if acronym and acronym.group(0) not in NON_NAME:
            return Resolution(Speaker(acronym.group(0), acronym.group(0)), None)
        return None


def _same_name(short: str, full: str) -> bool:
    """Every word of `short` is a word of `full` or the start of one ("Dian Sastro", "Dian Sastrowardoyo")."""
    words = full.lower().split()
    return all(any(w.startswith(t) for w in words) for t in short.lower().split())


def _tokens(name: str) -> frozenset[str]:
    return frozenset(t.lower().strip(".,") for t in name.split() if len(t.strip(".,")) > 1)


def _inside(spans: Sequence[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, 1 << 62))
    return bool(i) and spans[i - 1][0] <= pos < spans[i - 1][1]
