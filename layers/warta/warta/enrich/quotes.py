"""Attributed quotes in an Indonesian news body: who said what, in their words or reported.

Two kinds, read with compiled regexes and no model:
- direct: the words between a pair of quotation marks (straight or curly; a quote that runs over
  several paragraphs is one), with its cue after (`"...," kata Putut`, `ujarnya`), before
  (`Putut menegaskan, "..."`), in the next sentence (`Hal itu dikatakan Putut`), or none when the
  paragraph carries on the same speaker;
- indirect: reported speech, `X mengatakan (bahwa) ...`, `Menurut X, ...`, `..., kata X.` without
  marks, a cue between commas (`..., lanjutnya, ...`). Verbs of wish or attitude are not speech.

Speakers are resolved by `speakers.SpeakerResolver`: pronouns and short forms to the fullest name the
body gives, roles to the official who holds them, organisations by their name, unnamed people to None.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from warta.enrich.model import Official, Organization, Quote
from warta.enrich.speakers import PENDING, Resolution, SpeakerResolver

MAX_TEXT = 200

# The short cue that follows a quote or sits between commas: "kata", "ujarnya", "tambah dia".
_SHORT_CUES = (
    "kata|ujar|tutur|ucap|ungkap|jelas|tambah|imbuh|lanjut|tegas|papar|tandas|tukas|pungkas|sambung|"
    "cetus|bongkar|terang|sebut|seru|kilah|timpal|tulis|pinta|ajak|harap|katakan|aku|beber|urai|tanya"
)
# Verbs that report speech or a stated judgement (not wish, feeling or attitude).
_SPEECH_VERBS = (
    "mengatakan|menegaskan|menjelaskan|menyebutkan|menyebut|menyatakan|mengungkapkan|mengungkap|"
    "menerangkan|menambahkan|melanjutkan|mengaku|mengakui|mengimbau|meminta|mengajak|menyarankan|"
    "mengusulkan|memastikan|mencontohkan|menyampaikan|menilai|menganggap|menengarai|menenggarai|"
    "memprediksi|memperkirakan|berpandangan|berpendapat|mendorong|mengingatkan|menuturkan|memaparkan|"
    "mengklaim|membeberkan|menekankan|menandaskan|mengemukakan|membantah|menduga|menuding|menjawab|"
    "menuliskan|menulis|berujar|berkata|mengeluhkan|mengutarakan|mengisahkan|menceritakan|"
    "menyinggung|mendesak|mengatakannya|menyebutnya|mengimbuhkan|menukas|menambahkannya"
)
_SHORT_CUE_RE = re.compile(r"(?P<cue>" + _SHORT_CUES + r")(?P<nya>nya)?(?![\w-])")
# a short cue after a comma, inside a sentence ("..., kata Lestari." / "..., lanjutnya, ...")
_MID_CUE_RE = re.compile(r", (?P<cue>" + _SHORT_CUES + r")(?P<nya>nya)?(?![\w-])")
_PASSIVE_RE = re.compile(
    r"(?P<cue>dikatakan|disampaikan|diungkapkan|ditegaskan|dijelaskan|diutarakan|dituturkan|disebutkan)"
    r"(?P<nya>nya)?(?![\w-])"
)
# every word shaped like a "me-"/"ber-" verb, kept when it is a speech verb: one cheap pattern and a set
# lookup instead of a long alternation tried at every position
_VERB_SHAPED_RE = re.compile(r"(?<![\w-])(?P<cue>(?:me|be)[a-z]+)(?![\w-])")
_SPEECH_VERB_SET = frozenset(_SPEECH_VERBS.split("|"))


def _speech_verbs(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    for m in _VERB_SHAPED_RE.finditer(text, pos, len(text) if endpos is None else endpos):
        if m.group("cue") in _SPEECH_VERB_SET:
            yield m


_OPENERS = '"“„«'
_CLOSERS = '"”»'
_MARKS = set(_OPENERS + _CLOSERS)
_MARK_RE = re.compile("[" + re.escape(_OPENERS + _CLOSERS) + "]")
# teasers, credits and calls to action: no quotes there (prefixes of a paragraph, in lower case)
_SKIP_PARAGRAPH_STARTS = (
    "baca juga",
    "baca pula",
    "baca selengkapnya",
    "baca:",
    "baca :",
    "simak",
    "lihat juga",
    "tonton",
    "saksikan",
    "editor:",
    "penulis:",
    "sumber:",
    "artikel ini",
    "berita terkait",
    "ikuti ",
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“A-Z0-9])")
_SPACE_RE = re.compile(r"\s+")
# what a speaker phrase after a cue ends at: punctuation or a word that starts an adjunct
_PHRASE_END_RE = re.compile(
    r"[.,;:!?()\n]|\s(?:saat|ketika|kepada|di|dalam|usai|seusai|pada|dengan|lagi|kemarin|sambil|seperti|"
    r"sebagaimana|yang|sebelum|setelah|melalui|via|dikutip|dilansir|menjawab|menanggapi|soal|terkait|"
    r"tentang|mengenai|atas|untuk|bahwa|sembari|kala|tatkala|selepas|sesudah)\s"
)
# a clause that only names a topic or announces more: no content of its own
_EMPTY_CLAUSE_RE = re.compile(
    r"(?i)^(?:hal\s+(?:itu|ini|tersebut|serupa|senada|yang\s+sama)|demikian|begitu|sejumlah\s+hal|"
    r"beberapa\s+hal|maaf|terima\s+kasih|hal-hal|sebagai\s+berikut|berikut|tidak\s+tahu)"
)
# "mengatakan di Jakarta, Senin, ..." / "menegaskan saat rapat bahwa ...": where and when, then the clause
_ADJUNCT_RE = re.compile(r"(?i)(?:di|saat|ketika|dalam|usai|seusai|pada|kepada|sebagai|seperti|melalui)\s")
_VERB_CUES = _SPEECH_VERB_SET
_MARKS_TO_SPACE = str.maketrans(dict.fromkeys(_OPENERS + _CLOSERS, " "))
# a clause that only announces what follows ("caption yang berbunyi", "lima faktor, di antaranya sebagai berikut")
_ANNOUNCES_RE = re.compile(
    r"(?i)(?:berbunyi|sebagai\s+berikut|berikut\s+ini|seperti\s+ini|antara\s+lain|yakni|yaitu)\W*$"
)
_NOT_SPEECH_BEFORE_RE = re.compile(
    r"(?i)(?:tidak|tak|belum|enggan|menolak|ingin|mau|akan|bisa|dapat|harus|perlu|sempat|untuk|yang|berhasil|"
    r"mampu|gagal|mulai|terus|mencoba|berusaha|"
    r"ketika|saat|sebelum|setelah|sambil|sembari|guna|agar|supaya)\s+$"
)
_PASSIVE_NYA_RE = re.compile(r"(?<![\w-])(?P<cue>dinilai|dianggap|disebut|diakui)nya\s+")
_MENURUT_RE = re.compile(r"(?<![\w-])[Mm]enurut(?:(?P<nya>nya)|\s+(?P<who>[^,.;:]{2,90}?))\s*,\s*")
_BAHWA_RE = re.compile(r"\s*(?:,|:)?\s*")
_NEXT_SENTENCE_CUE_RE = re.compile(
    r"\s*(?:Hal\s+(?:itu|ini|tersebut)|Demikian|Pernyataan\s+(?:itu|ini|tersebut)|Itu)\s+(?:(?:di)?sampaikan|"
    r"dikatakan|diungkapkan|ditegaskan|dijelaskan|diutarakan|dituturkan|disebutkan|kata|ujar)(?P<nya>nya)?"
    r"(?:\s+oleh)?"
)


@dataclass(frozen=True, slots=True)
class _Found:
    text: str
    kind: str
    who: Resolution
    cue: str | None
    start: int
    end: int


@dataclass(slots=True)
class _Span:
    start: int  # of the words inside the marks
    end: int
    open_at: int  # the opening mark
    close_at: int  # the closing mark, or -1


def find_quotes(
    body: str,
    officials: Sequence[Official] = (),
    organizations: Sequence[Organization] = (),
    is_region: Callable[[str], bool] | None = None,
) -> tuple[Quote, ...]:
    """Quotes in `body` in reading order; offsets are into `body`. `is_region` tells a one-word place name
    ("Bekasi") from a one-word personal name ("Sudrajat")."""
    if not body:
        return ()
    paragraphs = list(_paragraphs(body))
    spans = _quote_spans(body, paragraphs)
    resolver = SpeakerResolver(
        body, officials, organizations, [(s.open_at, s.close_at) for s in spans], is_region=is_region
    )
    direct = list(_direct(body, spans, resolver))
    quoted = sorted(f.start - 1 for f in direct)  # the opening marks of accepted direct quotes
    found: list[_Found] = [*direct, *_indirect(body, paragraphs, spans, quoted, resolver)]
    found.sort(key=lambda f: f.start)
    return tuple(_finish(body, found, resolver))


def _finish(body: str, found: Sequence[_Found], resolver: SpeakerResolver) -> Iterator[Quote]:
    """Pronouns and context in reading order. A pronoun goes to a person brought in as a subject since the
    last quote in its paragraph ("Hal senada disampaikan pengamat ..., Dwi Andreas. Ia menilai ..."), else to
    the person who spoke last, else to one named in its paragraph, else to the person the story is about."""
    last: Resolution | None = None
    last_at = 0
    for f in found:
        who = f.who
        if who.pending:
            paragraph = body.rfind("\n", 0, f.start) + 1
            before = _sentence_start(body, f.start)  # not the quote's own cue phrase
            introduced = resolver.introduced_between(max(last_at, paragraph), before)
            named = resolver.named_between(max(last_at, paragraph), f.start)
            who = introduced or last or named or resolver.mentioned_before(f.start)
        if who.speaker is not None and who.person:
            last, last_at = who, f.end
        yield _quote(f.text, f.kind, who, f.cue, f.start, f.end)


def _paragraphs(body: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in body.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if line.strip() and not " ".join(line[:40].split()).lower().startswith(_SKIP_PARAGRAPH_STARTS):
            yield start, end


# -- direct quotes --------------------------------------------------------------------------------------


def _quote_spans(body: str, paragraphs: Sequence[tuple[int, int]]) -> list[_Span]:
    """Pairs of marks, paragraph by paragraph; an opening mark left open at a paragraph's end carries on
    into the next paragraphs that open with a mark (the print convention for a long quote)."""
    spans: list[_Span] = []
    open_at = -1
    for p_start, p_end in paragraphs:
        marks = [m.start() for m in _MARK_RE.finditer(body, p_start, p_end) if _is_mark(body, m.start())]
        if open_at >= 0:
            if marks and marks[0] - p_start <= 1:
                marks = marks[1:]  # the continuation paragraph's own opening mark
            else:
                open_at = -1  # the long quote never closed: drop it
        for i in marks:
            if open_at < 0:
                if body[i] in _OPENERS or _opens_with_closer(body, i, p_start):
                    open_at = i
            else:
                spans.append(_Span(open_at + 1, i, open_at, i))
                open_at = -1
        if open_at >= 0 and (open_at > p_start + 1 and body[p_start] not in _MARKS):
            open_at = -1  # an unclosed mark mid-paragraph is a typo, not a long quote
    return [s for s in spans if s.end > s.start]


def _opens_with_closer(body: str, i: int, p_start: int) -> bool:
    """A right mark used to open ("”Kami siap,” kata ..."), as some sites print both marks the same."""
    return body[i] == "”" and (i == p_start or body[i - 1].isspace()) and body[i + 1 : i + 2].isalnum()


def _is_mark(body: str, i: int) -> bool:
    """A straight mark inside a word ("5'11\"") is no quotation mark."""
    if body[i] != '"':
        return True
    before = body[i - 1] if i else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    return not (before.isalnum() and after.isalnum())


def _direct(body: str, spans: Sequence[_Span], resolver: SpeakerResolver) -> Iterator[_Found]:
    last_para_speaker: tuple[int, Resolution] | None = None
    for span in spans:
        words = _clean(body[span.start : span.end])
        if not words:
            continue
        cue, who = _cue_after(body, span, resolver)
        if cue is None:
            cue, who = _cue_before(body, span, resolver)
        if cue is None:
            cue, who = _cue_next_sentence(body, span, resolver)
        if cue is None:
            # by context only: a paragraph opening with a quote, carrying on the last speaker
            follows = last_para_speaker is not None and _same_paragraph_after(
                body, last_para_speaker[0], span.open_at
            )
            if not (_opens_paragraph(body, span.open_at) or follows) or len(words.split()) < 4:
                continue
            if last_para_speaker is not None and span.open_at - last_para_speaker[0] < 1200:
                who = last_para_speaker[1]
            elif _whole_paragraph(body, span) or resolver.named_near(span.open_at):
                who = PENDING
            else:
                continue
        if who is None:
            continue
        last_para_speaker = (span.close_at, who)
        yield _Found(words, "direct", who, cue, span.start, span.end)


def _clean(text: str) -> str:
    text = _SPACE_RE.sub(" ", text.translate(_MARKS_TO_SPACE)).strip()
    return text.rstrip(",").strip()


def _same_paragraph_after(body: str, close_at: int, open_at: int) -> bool:
    """A quote that opens the sentence right after an attributed quote in the same paragraph."""
    between = body[close_at + 1 : open_at]
    return "\n" not in between and len(between) < 120 and between.rstrip().endswith(".")


def _whole_paragraph(body: str, span: _Span) -> bool:
    """A paragraph that is one quote and nothing else: the speaker is the one the story is about."""
    line_end = body.find("\n", span.close_at)
    return (
        _opens_paragraph(body, span.open_at)
        and not body[span.close_at + 1 : line_end if line_end >= 0 else None].strip()
    )


def _opens_paragraph(body: str, pos: int) -> bool:
    line_start = body.rfind("\n", 0, pos) + 1
    return not body[line_start:pos].strip(" -–—\t")


# a quote's cue word and its speaker, or (None, None)
_Cue = tuple[str | None, Resolution | None]
_NO_CUE: _Cue = (None, None)
_BY_RE = re.compile(r"\s*oleh\s+")
_SENTENCE_STOP_RE = re.compile(r"[.!?\n]")
_AFTER_RE = re.compile(r"[,.!?…]?\s*[\"”]?\s*,?\s*(?:(?:demikian|begitu)\s+)?")


def _cue_after(body: str, span: _Span, resolver: SpeakerResolver) -> _Cue:
    pos = _AFTER_RE.match(body, span.close_at + 1)
    assert pos is not None
    at = pos.end()
    if "\n" in body[span.close_at : at]:
        return _NO_CUE
    ended = any(c in ".!?" for c in body[span.close_at - 1 : at]) and body[span.end - 1 : span.end] != ","
    m = _SHORT_CUE_RE.match(body, at)
    if m and body[at].islower():
        rest_end = _apposition_end(body, _phrase_end(body, m.end()))
        who = resolver.resolve(body[m.end() : rest_end], m.start(), enclitic=bool(m.group("nya")), at=m.end())
        return m.group("cue"), who
    p = _PASSIVE_RE.match(body, at)
    if p:
        by = _BY_RE.match(body, p.end())
        rest_start = by.end() if by else p.end()
        rest = body[rest_start : _phrase_end(body, rest_start)]
        return p.group("cue"), resolver.resolve(rest, p.start(), enclitic=bool(p.group("nya")), at=rest_start)
    if ended and body[at : at + 1].isupper():
        return _NO_CUE  # a new sentence: no cue after
    # "Putut menambahkan." / "tutur Kapolda Metro Jaya" / "Ia menegaskan."
    sentence_end = _phrase_end(body, at, allow_words=False)
    v = next(_speech_verbs(body, at, min(sentence_end, at + 120)), None)
    if v:
        who = resolver.resolve(body[at : v.start()], v.start(), enclitic=False, at=at)
        if who is not None:
            return v.group("cue"), who
    return _NO_CUE


def _cue_before(body: str, span: _Span, resolver: SpeakerResolver) -> _Cue:
    start = _sentence_start(body, span.open_at)
    before = body[start : span.open_at]
    m = re.search(r"[,:]\s*(?:bahwa\s*)?$|\s+bahwa\s*$", before)
    if not m and before.strip():
        return _NO_CUE
    head = before[: m.start()] if m else before
    verbs = list(_speech_verbs(head))
    v = verbs[-1] if verbs else None  # the verb nearest the quote
    if v is not None and (not head[v.end() :].strip(" ,") or _ANNOUNCES_RE.search(head[v.end() :])):
        who = resolver.resolve(
            head[: v.start()], start + v.start(), enclitic=v.group("cue").endswith("nya"), at=start
        )
        return v.group("cue"), who
    cues = list(_SHORT_CUE_RE.finditer(head))
    s = cues[-1] if cues else None
    if s is not None and (s.start() == 0 or head[s.start() - 1] in " ,") and head[s.start()].islower():
        who = resolver.resolve(
            head[s.end() :], start + s.start(), enclitic=bool(s.group("nya")), at=start + s.end()
        )
        return s.group("cue"), who
    return _NO_CUE


def _cue_next_sentence(body: str, span: _Span, resolver: SpeakerResolver) -> _Cue:
    m = _NEXT_SENTENCE_CUE_RE.match(body, span.close_at + 1)
    if not m or "\n" in body[span.close_at : m.start() + 3]:
        return _NO_CUE
    rest = body[m.end() : _phrase_end(body, m.end())]
    cue = re.search(r"\w+(?=(?:nya)?\s*(?:oleh)?$)", m.group(0).strip())
    word = cue.group(0) if cue else None
    if word and word.endswith("nya"):
        word = word[:-3]
    return word, resolver.resolve(rest, m.start(), enclitic=bool(m.group("nya")), at=m.end())


# ", Marlina Sitompul." after "ujar pedagang pasar": the name the description stands for
_APPOSITION_RE = re.compile(r",\s+(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’-]*(?=\s*(?:[.,;!?]|$))")


def _apposition_end(body: str, end: int) -> int:
    m = _APPOSITION_RE.match(body, end)
    return m.end() if m else end


def _phrase_end(body: str, pos: int, *, allow_words: bool = True) -> int:
    limit = min(len(body), pos + 160)
    if allow_words:
        m = _PHRASE_END_RE.search(body, pos, limit)
        return m.start() if m else limit
    m = _SENTENCE_STOP_RE.search(body, pos, limit)
    return m.start() if m else limit


def _sentence_start(body: str, pos: int) -> int:
    line_start = body.rfind("\n", 0, pos) + 1
    start = line_start
    for m in _SENTENCE_END_RE.finditer(body, line_start, pos):
        start = m.end()
    return start


# -- indirect quotes ------------------------------------------------------------------------------------


def _indirect(
    body: str,
    paragraphs: Sequence[tuple[int, int]],
    spans: Sequence[_Span],
    quoted: Sequence[int],
    resolver: SpeakerResolver,
) -> Iterator[_Found]:
    inside = [(s.open_at, s.close_at) for s in spans]
    for p_start, p_end in paragraphs:
        for s_start, s_end in _sentences(body, p_start, p_end):
            if any(a < s_start < b for a, b in inside):
                continue
            sentence = body[s_start:s_end]
            # up to the first direct quote: a title in marks ("The Beach") is part of the clause
            k = bisect.bisect_left(quoted, s_start)
            first_mark = quoted[k] - s_start if k < len(quoted) and quoted[k] < s_end else len(sentence)
            found = _reported(body, s_start, s_start + first_mark, resolver)
            if found is not None:
                yield found
            elif first_mark < len(sentence):
                found = _reported_after_quote(body, s_start, s_end, spans)
                if found is not None:
                    yield found


def _sentences(body: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _SENTENCE_END_RE.finditer(body, start, end):
        if _inside_marks(body, start, m.end()):
            continue
        yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def _inside_marks(body: str, start: int, pos: int) -> bool:
    segment = body[start:pos]
    return segment.count('"') % 2 == 1 or segment.count("“") > segment.count("”")


def _reported(body: str, start: int, end: int, resolver: SpeakerResolver) -> _Found | None:
    """The one indirect quote a sentence (up to its first quotation mark) may hold."""
    sentence = body[start:end]
    # "Menurut X, <clause>" / "Menurutnya, <clause>"
    m = _MENURUT_RE.search(sentence) if "enurut" in sentence else None
    if m and m.start() < 60:
        at = start + m.start("who") if m.group("who") else None
        who = resolver.resolve(m.group("who") or "", start + m.start(), enclitic=bool(m.group("nya")), at=at)
        clause_start = start + m.end()
        q = _reported_clause(body, clause_start, end, "menurut", who)
        if q is not None:
            return q
    # "X mengatakan (bahwa) <clause>": the sentence's first speech verb only
    v = next(_speech_verbs(sentence), None)
    if v is not None:
        subject = sentence[: v.start()]
        if not _NOT_SPEECH_BEFORE_RE.search(subject[-40:]) and subject.strip() and len(subject) <= 240:
            who = resolver.resolve(subject, start + v.start(), enclitic=False, subject=True, at=start)
            after = start + v.end()
            if who is not None and re.match(r"\s*[,:]?\s*$", body[after:end]):
                return None  # "X mengatakan, " + a direct quote: not an indirect one
            if who is not None and _says_something(v.group("cue"), body[after:end]):
                return _reported_clause(body, after, end, v.group("cue"), who)
    # "Cara itu dinilainya <clause>"
    p = _PASSIVE_NYA_RE.search(sentence) if "nya " in sentence else None
    if p is not None:
        found = _reported_clause(body, start + p.end(), end, p.group("cue"), PENDING)
        if found is not None:
            return found
    # "<clause>, kata X." (no marks) and "<a>, lanjutnya, <clause>."
    for c in _MID_CUE_RE.finditer(sentence):
        rest_end = _phrase_end(body, start + c.end())
        who = resolver.resolve(
            body[start + c.end() : rest_end],
            start + c.start("cue"),
            enclitic=bool(c.group("nya")),
            at=start + c.end(),
        )
        if who is None:
            continue
        tail = body[rest_end:end]
        if tail.startswith(",") and len(tail.split()) > 3:
            return _reported_clause(body, rest_end + 1, end, c.group("cue"), who)
        if not tail.strip(" .!?"):
            return _reported_clause(body, start, start + c.start(), c.group("cue"), who)
    return None


# '"...," ujarnya, seraya memprediksi <clause>' / '"...," kata Marcella yang mengaku <clause>'
_AFTER_QUOTE_VERB_RE = re.compile(
    r"(?:,\s*(?:seraya|sambil|sembari)|\s+yang(?:\s+juga)?)\s+(?P<cue>" + _SPEECH_VERBS + r")(?![\w-])"
)


def _reported_after_quote(body: str, start: int, end: int, spans: Sequence[_Span]) -> _Found | None:
    """Speech reported after a direct quote and its cue, in the same sentence: same speaker."""
    close = max((s.close_at for s in spans if start <= s.close_at < end), default=-1)
    if close < 0:
        return None
    m = _AFTER_QUOTE_VERB_RE.search(body, close + 1, end)
    if m is None or m.start() - close > 160 or not _says_something(m.group("cue"), body[m.end() : end]):
        return None
    return _reported_clause(body, m.end(), end, m.group("cue"), PENDING)


def _says_something(cue: str, after: str) -> bool:
    """Whether what follows a speech verb is a reported clause, not an object that names a topic:
    "menegaskan komitmennya", "menyampaikan salam dan pesan", "melanjutkan pendidikan"."""
    head = after.lstrip()
    if head[:1] in ",:":
        return True
    words = head.split()
    if not words:
        return False
    if words[0].lower() in _CLAUSE_OPENERS:
        return True
    if words[0].lower() in _CLAUSE_STARTERS:
        return True
    if (
        words[0].endswith("nya")
        and words[0].lower() not in _SUBJECT_NYA
        and (len(words) == 1 or words[1].lower() in _PREPOSITIONS)
    ):
        return False  # "menegaskan komitmennya dalam ...": a possession named, not a statement
    if cue in _OBJECT_VERBS:
        # these mostly take a plain object; a clause shows itself early on with a comma, a conjunction or
        # a verb of its own ("meminta warga tetap menjalankan", "mendesak pemerintah mencabut")
        first = " ".join(words[:5])
        return (
            "," in first
            or any(w.lower() in _CLAUSE_OPENERS for w in words[:6])
            or any(_VERB_SHAPE_RE.fullmatch(w) and w not in _NOT_VERBS for w in words[1:5])
        )
    return True


_VERB_SHAPE_RE = re.compile(r"(?:mem|men|meng|meny|me|ber)[a-z]{3,}|(?:tetap|segera|tidak|tak|jangan|ikut)")
_NOT_VERBS = frozenset(
    {
        "menuju",
        "mengenai",
        "menurut",
        "melalui",
        "menjelang",
        "memiliki",
        "menjadi",
        "meski",
        "berupa",
        "beberapa",
        "berbagai",
        "bersama",
        "berdasarkan",
        "berikut",
        "bersamaan",
        "berkisar",
        "berasal",
    }
)
_CLAUSE_STARTERS = frozenset(
    {
        "tidak",
        "tak",
        "belum",
        "sudah",
        "telah",
        "akan",
        "masih",
        "bisa",
        "dapat",
        "harus",
        "perlu",
        "ada",
        "ia",
        "dia",
        "mereka",
        "pihaknya",
        "kami",
        "saat",
        "hingga",
        "sejauh",
        "semua",
        "seluruh",
    }
)
_PREPOSITIONS = frozenset({"dalam", "untuk", "terhadap", "atas", "kepada", "pada", "dan", "di", "ke", "bagi"})
_CLAUSE_OPENERS = frozenset({"bahwa", "agar", "supaya", "jika", "kalau", "apabila", "untuk", "kepada"})
_SUBJECT_NYA = frozenset({"dirinya", "pihaknya", "kondisinya", "keduanya", "semuanya", "sebagiannya"})
_OBJECT_VERBS = frozenset(
    {
        "melanjutkan",
        "meminta",
        "mendorong",
        "mengajak",
        "menyampaikan",
        "menuliskan",
        "menulis",
        "memastikan",
        "mengingatkan",
        "menekankan",
        "membantah",
        "menjawab",
        "menceritakan",
        "mengisahkan",
        "menyinggung",
        "mengeluhkan",
        "mengutarakan",
        "menduga",
        "menuding",
        "mendesak",
    }
)


def _reported_clause(body: str, start: int, end: int, cue: str, who: Resolution | None) -> _Found | None:
    if who is None:
        return None
    m = _BAHWA_RE.match(body, start)
    if m:
        start = m.end()
    if cue in _VERB_CUES and _ADJUNCT_RE.match(body, start):
        window = body[start:end]
        bahwa = re.search(r"(?<![\w-])bahwa(?![\w-])", window[:120])
        comma = window.find(",", 0, 90)
        if bahwa:
            start += bahwa.start()
        elif comma >= 0 and len(window[:comma].split()) <= 8:
            start = start + comma + 1
        else:
            return None
    text = _clean(body[start:end]).rstrip(".")
    text = text.rstrip(",;: ")
    if (
        len(text.split()) < 3
        or _EMPTY_CLAUSE_RE.match(text)
        or _ANNOUNCES_RE.search(text)
        or text[:1] in _MARKS
    ):
        return None
    return _Found(text, "indirect", who, cue, start, end)


def _quote(text: str, kind: str, who: Resolution | None, cue: str | None, start: int, end: int) -> Quote:
    if len(text) > MAX_TEXT:
        cut = text[: MAX_TEXT + 1].rsplit(" ", 1)[0]
        text = cut.rstrip(",")
    return Quote(
        text=text,
        kind="direct" if kind == "direct" else "indirect",
        speaker=who.speaker if who else None,
        speaker_role=who.role if who else None,
        cue=cue,
        start=start,
        end=end,
    )
