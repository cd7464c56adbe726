"""Attributed quotes: the rules one by one, the seed page, and pinned quality floors.

Floors are checked with `tools/eval_quotes.py`, the scorer a developer runs by hand (`make eval`):
raise them when the finder improves, never lower them quietly. No timings are asserted here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from warta.enrich import enrich
from warta.enrich.model import Official, Organization, Quote
from warta.enrich.quotes import find_quotes
from warta.parse import parse_article
from warta.parse.article import Article

ROOT = Path(__file__).resolve().parents[2]

# raise, never lower
LABELLED_RECALL_FLOOR = 0.97
LABELLED_PRECISION_FLOOR = 0.97
LABELLED_SPEAKER_FLOOR = 0.95
DEVSET_RECALL_FLOOR = 0.95  # the issue asks for 0.85
DEVSET_PRECISION_FLOOR = 0.95  # the issue asks for 0.85
DEVSET_SPEAKER_FLOOR = 0.95  # the issue asks for 0.90


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_quotes", ROOT / "tools" / "eval_quotes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_quotes"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _quotes(body: str, officials: tuple[Official, ...] = ()) -> tuple[Quote, ...]:
    return (
        enrich(Article(title="", body=body, published=None)).quotes
        if not officials
        else find_quotes(body, officials)
    )


def _only(quotes: tuple[Quote, ...], kind: str | None = None) -> Quote:
    chosen = [q for q in quotes if kind is None or q.kind == kind]
    assert len(chosen) == 1, chosen
    return chosen[0]


def _speaker(q: Quote) -> str | None:
    return q.speaker.canonical if q.speaker else None


# -- direct quotes ----------------------------------------------------------------------------------------


def test_straight_marks_with_cue_after_and_the_fullest_name():
    body = (
        "Ketua RT setempat, Sumarno Adiwijaya, sudah melapor ke kelurahan.\n\n"
        '"Saluran di gang kami tersumbat sampah sejak bulan lalu," kata Sumarno kepada wartawan.'
    )
    q = _only(_quotes(body), "direct")
    assert q.text == "Saluran di gang kami tersumbat sampah sejak bulan lalu"
    assert (q.cue, _speaker(q), q.speaker.name if q.speaker else None) == (
        "kata",
        "Sumarno Adiwijaya",
        "Sumarno",
    )
    assert body[q.start : q.end].startswith("Saluran di gang")


def test_curly_marks_and_an_enclitic_cue_go_to_the_last_speaker():
    body = (
        "“Kami akan membuka dapur umum malam ini,” ujar relawan posko, Cempaka Wulan Sari Dewi.\n\n"
        "“Bantuan beras datang besok pagi dari gudang kota,” katanya."
    )
    quotes = _quotes(body)
    assert [q.cue for q in quotes] == ["ujar", "kata"]
    assert {_speaker(q) for q in quotes} == {"Cempaka Wulan Sari Dewi"}


def test_right_marks_on_both_sides_still_pair():
    body = "”Kami siap menampung seratus pengungsi malam ini,” kata pengurus gereja, Antonius Sitanggang."
    q = _only(_quotes(body), "direct")
    assert q.text == "Kami siap menampung seratus pengungsi malam ini"
    assert _speaker(q) == "Antonius Sitanggang"


def test_an_open_mark_does_not_run_into_a_paragraph_without_marks():
    body = (
        '"Kami sudah mendata semua rumah yang rusak di tiga dusun.\n\n'
        "Petugas kemudian membagikan terpal kepada warga.\n\n"
        '"Bantuan berikutnya datang pekan depan," kata relawan, Maria Goreti Lamahoda.'
    )
    q = _only(_quotes(body), "direct")
    assert q.text == "Bantuan berikutnya datang pekan depan"


def test_cue_before_the_quote():
    body = 'Kepala sekolah Yohanes Batubara menegaskan, "Tidak ada pungutan apa pun untuk seragam tahun ini."'
    q = _only(_quotes(body), "direct")
    assert (q.cue, _speaker(q)) == ("menegaskan", "Yohanes Batubara")
    assert q.text == "Tidak ada pungutan apa pun untuk seragam tahun ini."


def test_cue_in_the_next_sentence():
    body = (
        '"Jembatan darurat bisa dilewati sepeda motor mulai Senin." '
        "Hal itu disampaikan Camat Lembang Rudi Hartawan di lokasi."
    )
    q = _only(_quotes(body), "direct")
    assert (q.cue, _speaker(q)) == ("disampaikan", "Rudi Hartawan")


def test_a_quote_over_two_paragraphs_is_one_quote():
    body = (
        '"Kami sudah mendata semua rumah yang rusak. Ada yang atapnya hilang, ada yang temboknya retak.\n\n'
        '"Semua akan mendapat bantuan perbaikan sebelum akhir bulan," kata Bupati Garut Sutrisno Wibowo.'
    )
    q = _only(_quotes(body), "direct")
    assert q.text.startswith("Kami sudah mendata") and q.text.endswith("sebelum akhir bulan")
    assert _speaker(q) == "Sutrisno Wibowo"


def test_a_paragraph_that_carries_on_the_same_speaker_has_no_cue():
    body = (
        '"Harga cabai naik dua kali lipat minggu ini," ujar pedagang pasar, Marlina Sitompul.\n\n'
        '"Pembeli jadi mengurangi belanja, kadang cuma beli seperempat kilo."'
    )
    quotes = _quotes(body)
    assert len(quotes) == 2
    assert quotes[1].cue is None and _speaker(quotes[1]) == "Marlina Sitompul"


def test_a_title_in_marks_is_no_quote():
    body = 'Film "Langit Senja di Bukit" diputar di bioskop mulai pekan depan bersama dua film lain.'
    assert _quotes(body) == ()


# -- indirect speech -------------------------------------------------------------------------------------


def test_speech_verb_with_bahwa():
    body = "Direktur RSUD Sleman, Agustinus Purba, menjelaskan bahwa ruang isolasi tambahan siap dipakai pekan ini."
    q = _only(_quotes(body), "indirect")
    assert q.cue == "menjelaskan" and _speaker(q) == "Agustinus Purba"
    assert q.text.startswith("bahwa ruang isolasi")


def test_menurut_and_kata_without_marks():
    body = (
        "Menurut Lestari Handayani, jumlah wisatawan ke pulau itu naik tajam sejak dermaga baru dibuka.\n\n"
        "Sebagian besar datang dari Jakarta dan Surabaya, kata Lestari."
    )
    quotes = _quotes(body)
    assert [(q.kind, q.cue) for q in quotes] == [("indirect", "menurut"), ("indirect", "kata")]
    assert quotes[1].text == "Sebagian besar datang dari Jakarta dan Surabaya"
    assert {_speaker(q) for q in quotes} == {"Lestari Handayani"}


def test_a_cue_between_commas_reports_what_follows():
    body = (
        "Pelatih tim voli putri, Rosalinda Manurung, memuji daya juang anak asuhnya.\n\n"
        "Turnamen berikutnya, lanjutnya, akan menjadi ujian bagi pemain muda yang baru bergabung."
    )
    q = _only(_quotes(body))
    assert q.cue == "lanjut" and q.text.startswith("akan menjadi ujian")
    assert _speaker(q) == "Rosalinda Manurung"


@pytest.mark.parametrize(
    "sentence",
    [
        "Wali kota ingin taman kota selesai dibangun sebelum musim hujan tiba.",
        "Para pedagang berharap retribusi pasar tidak dinaikkan lagi tahun ini.",
        "Ketua panitia Bonifasius Lamba optimistis acara berjalan lancar sampai malam.",
        "Warga merasa lega setelah air surut dari permukiman mereka.",
        "Mahasiswa Teguh Prasetyo menyampaikan terima kasih kepada para donatur kampus.",
    ],
)
def test_wish_attitude_and_empty_speech_are_no_quotes(sentence):
    assert _quotes(sentence) == ()


# -- speakers --------------------------------------------------------------------------------------------


def test_a_pronoun_subject_goes_to_the_person_who_spoke_last():
    body = (
        '"Sekolah darurat dibuka besok," kata Kepala Dinas Pendidikan Maluku Fransiska Latuconsina.\n\n'
        "Ia menambahkan, buku pelajaran dikirim dengan kapal dari Ambon."
    )
    q = _only(_quotes(body), "indirect")
    assert q.cue == "menambahkan" and _speaker(q) == "Fransiska Latuconsina"


def test_a_role_goes_to_the_official_named_with_it():
    officials = (Official(key="Bambang Sutejo", name="Bambang Sutejo", position="Kapolres Bogor"),)
    body = (
        "Kapolres Bogor AKBP Bambang Sutejo meninjau pos pengamanan di Puncak.\n\n"
        '"Arus kendaraan akan kami atur satu arah mulai pukul sepuluh," kata Kapolres.'
    )
    q = _only(_quotes(body, officials), "direct")
    assert _speaker(q) == "Bambang Sutejo" and q.speaker_role == "Kapolres Bogor"


def test_an_unnamed_speaker_is_null():
    body = '"Airnya datang tengah malam, kami tidak sempat menyelamatkan apa-apa," ujar seorang warga.'
    q = _only(_quotes(body), "direct")
    assert q.speaker is None and q.cue == "ujar"


def test_an_organisation_speaks_as_itself():
    organizations = (Organization(name="Badan Meteorologi", canonical="Badan Meteorologi"),)
    body = "Badan Meteorologi menyatakan bahwa hujan lebat masih akan turun hingga akhir pekan."
    q = _only(find_quotes(body, (), organizations), "indirect")
    assert q.speaker is not None and q.speaker.name == "Badan Meteorologi"


def test_a_teaser_paragraph_gives_no_quote():
    body = (
        "Jalan tol itu dibuka untuk umum pada Jumat pagi.\n\n"
        'Baca juga: "Kami Tidak Akan Menaikkan Tarif," Kata Direktur Jasa Marga'
    )
    assert _quotes(body) == ()


# -- the seed page ---------------------------------------------------------------------------------------


def test_seed_page_every_quote_is_the_kapolda_with_his_post():
    article = parse_article(
        (ROOT / "tests" / "fixtures" / "seed_vivanews.html").read_bytes(), key="seed.html"
    )
    quotes = enrich(article).quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 4  # the four passages in marks
    assert any(q.kind == "indirect" and q.cue == "menjelaskan" for q in quotes)
    for q in quotes:
        assert _speaker(q) == "Putut Eko Bayu Seno", q
        assert q.speaker_role == "Kapolda Metro Jaya", q
        assert article.body[q.start : q.end].strip(' ,."')[:20] in q.text or q.kind == "indirect"
    texts = " ".join(q.text for q in quotes)
    assert "Pajero" not in texts  # the advertisement headline inside the story
    assert "profil" not in texts  # the trailing teaser


# -- quality floors --------------------------------------------------------------------------------------


def test_labelled_set_floors():
    score = _eval_module().evaluate_labelled()
    assert score.gold >= 80 and len(list((ROOT / "tests/fixtures/quotes/pages").glob("*.txt"))) >= 15
    assert score.recall >= LABELLED_RECALL_FLOOR, score.misses
    assert score.precision >= LABELLED_PRECISION_FLOOR, score.misses
    assert score.speaker_accuracy >= LABELLED_SPEAKER_FLOOR, score.misses


def test_devset_floors():
    module = _eval_module()
    score = module.evaluate_devset()
    if score is None:
        pytest.skip(
            f"{module.shared_dir() / 'devset'} is not there (labels owned by others, not in the repo)"
        )
    assert score.recall >= DEVSET_RECALL_FLOOR, score.misses
    assert score.precision >= DEVSET_PRECISION_FLOOR, score.misses
    assert score.speaker_accuracy >= DEVSET_SPEAKER_FLOOR, score.misses
