"""Each kind of extraction failure seen on real pages, on a page of our own writing (issue 13):
titles and dates weighed by evidence, story text that was refused or polluted, the dateline."""

from __future__ import annotations

from pathlib import Path

import pytest
from warta.parse import NoArticle, parse_article
from warta.parse.datelines import parse_dateline, parse_url_date
from warta.parse.story_dateline import find_dateline

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def _parse(name: str, **kwargs: object):  # type: ignore[no-untyped-def]
    return parse_article((PAGES / name).read_bytes(), key=name, **kwargs)  # type: ignore[arg-type]


def test_a_slogan_title_and_a_footer_heading_lose_to_the_headline_that_og_title_and_h1_agree_on() -> None:
    article = _parse("chrome-date-slogan-title.html")
    assert article.title == "Pemkot Semarang Tambah 40 Bus Listrik untuk Rute Pinggiran"
    assert article.title_source == "h1"


def test_the_header_bars_date_of_today_never_wins_over_the_date_line_beside_the_headline() -> None:
    article = _parse("chrome-date-slogan-title.html")
    assert article.published is not None
    assert article.published.isoformat() == "2024-03-04T08:15:00+07:00"
    assert article.published_source == "dateline"


def test_an_english_itemprop_date_with_at_and_wib_beats_a_related_articles_time_element() -> None:
    article = _parse("itemprop-english-date-related-time.html")
    assert article.published is not None
    assert article.published.isoformat() == "2017-03-09T10:42:00+07:00"
    assert article.published_source == "itemprop"


def test_a_page_with_only_a_short_url_date_path_gets_that_day() -> None:
    article = _parse("teaser-br-body-url-date.html")
    assert article.published is not None
    assert article.published.isoformat() == "2023-08-14T00:00:00+07:00"
    assert article.published_source == "url"


def test_a_visible_date_line_in_wita_is_the_date_when_metadata_has_none() -> None:
    article = _parse("widget-lead-visible-date.html")
    assert article.published is not None
    assert article.published.isoformat() == "2024-01-17T19:45:00+08:00"


def test_a_single_paragraph_cut_by_br_br_inside_a_teaser_container_is_the_story() -> None:
    article = _parse("teaser-br-body-url-date.html")
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("MAROS, WARTASULSEL - Jalan poros")
    assert article.extractor == "warta"


def test_widget_placeholders_gallery_labels_and_photo_credits_are_not_the_lead() -> None:
    article = _parse("widget-lead-visible-date.html")
    assert article.body.startswith("DENPASAR, KABARBALI - Ribuan wisatawan")
    for noise in ("notifikasi", "Foto 1 dari 6", "Dok. Humas"):
        assert noise not in article.body


def test_a_dateline_printed_apart_from_the_first_paragraph_is_kept_in_front_of_it() -> None:
    article = _parse("itemprop-english-date-related-time.html")
    assert article.body.startswith("Gresik - Ratusan nelayan")
    assert article.dateline is not None
    assert article.dateline.place == "Gresik"
    start, end = article.dateline.place_start, article.dateline.place_end
    assert start is not None and end is not None and article.body[start:end] == "Gresik"


def test_related_headlines_between_paragraphs_are_left_out() -> None:
    body = _parse("itemprop-english-date-related-time.html").body
    for related in ("Pemkab Gresik Janjikan", "Cuaca Buruk Diperkirakan", "Harga Ikan Tongkol", "Baca juga"):
        assert related not in body
    assert body.rstrip().endswith("gelombang tinggi di perairan Madura.")


def test_an_outlet_printed_without_its_domain_is_the_agency_not_the_place() -> None:
    dateline = _parse("chrome-date-slogan-title.html").dateline
    assert dateline is not None
    assert (dateline.text, dateline.place, dateline.agency) == (
        "SEMARANG, WARTANUSANTARA - ",
        "SEMARANG",
        "WARTANUSANTARA",
    )


@pytest.mark.parametrize(
    ("body", "text", "place", "agency"),
    [
        ("JAKARTA, KOMPAS.com - Harga naik.", "JAKARTA, KOMPAS.com - ", "JAKARTA", "KOMPAS.com"),
        ("kabarkota.id, BEKASI - Warga menilai.", "kabarkota.id, BEKASI - ", "BEKASI", "kabarkota.id"),
        ("Kupang, NTT (ANTARA) - Harga beras naik.", "Kupang, NTT (ANTARA) - ", "Kupang, NTT", "ANTARA"),
        ("TRIBUN-TIMUR.COM - Ratusan sopir.", "TRIBUN-TIMUR.COM - ", None, "TRIBUN-TIMUR.COM"),
        (
            "REPUBLIKA.CO.ID, JAKARTA -- Lembaga amil zakat.",
            "REPUBLIKA.CO.ID, JAKARTA -- ",
            "JAKARTA",
            "REPUBLIKA.CO.ID",
        ),
        ("Palu – Gempa mengguncang.", "Palu – ", "Palu", None),
    ],
)
def test_datelines_as_indonesian_pages_print_them(
    body: str, text: str, place: str | None, agency: str | None
) -> None:
    found = find_dateline(body)
    assert found is not None
    assert (found.text, found.place, found.agency) == (text, place, agency)


@pytest.mark.parametrize(
    "body",
    [
        "Warga mengatakan - dengan nada kesal - bahwa jalan rusak.",
        "Harga cabai naik 20 persen pekan ini.",
        "Menurut dia, rapat itu - yang digelar tertutup - berlangsung lama.",
    ],
)
def test_a_dash_inside_a_sentence_is_no_dateline(body: str) -> None:
    assert find_dateline(body) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("9 March 2017 at 10:42 WIB", "2017-03-09T10:42:00+07:00"),
        ("March 9, 2017 at 1:42 PM WIB", "2017-03-09T13:42:00+07:00"),
        ("Rabu, 17 Januari 2024 - 19:45 WITA", "2024-01-17T19:45:00+08:00"),
        ("Selasa, 3 Agustus 2021 – 21:05 WIB", "2021-08-03T21:05:00+07:00"),
    ],
)
def test_date_lines_in_indonesian_and_english_forms(text: str, iso: str) -> None:
    moment = parse_dateline(text)
    assert moment is not None and moment.isoformat() == iso


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://example.id/berita/23/08/14/slug", "2023-08-14"),
        ("https://example.id/read/2019/06/27/123/slug", "2019-06-27"),
        ("https://example.id/news/20210116154810-20-594417/slug", "2021-01-16"),
    ],
)
def test_url_date_paths(url: str, day: str) -> None:
    moment = parse_url_date(url)
    assert moment is not None and moment.date().isoformat() == day


STORY = (
    "Petani di lereng gunung mulai memanen kopi lebih awal tahun ini karena musim kemarau datang lebih "
    "cepat dari perkiraan, kata ketua kelompok tani setempat. "
)
HIDDEN_STORY = f"""<html><head><title>Panen Kopi Datang Lebih Awal di Lereng Gunung</title></head><body>
<h1>Panen Kopi Datang Lebih Awal di Lereng Gunung</h1>
<div class="post-content with-ads">{"".join(f"<p>{STORY}Paragraf ke-{i}.</p>" for i in range(5))}</div>
</body></html>""".encode()


def test_story_text_our_extractor_discards_is_recovered_by_the_fallback() -> None:
    article = parse_article(HIDDEN_STORY)
    assert article.extractor == "trafilatura"
    assert "Petani di lereng gunung" in article.body
    assert 0.0 <= article.confidence <= 1.0


def test_without_the_fallback_the_refusal_says_what_to_check() -> None:
    with pytest.raises(NoArticle) as caught:
        parse_article(HIDDEN_STORY, fallback=False)
    assert "no story text" in str(caught.value)


def test_a_page_still_refused_says_the_fallback_found_nothing_and_what_to_do() -> None:
    page = b"<html><body><nav><a href='/'>Beranda</a></nav><div id='app'></div></body></html>"
    with pytest.raises(NoArticle) as caught:
        parse_article(page)
    assert caught.value.reason == "no-article"
    assert "trafilatura" in str(caught.value) and "JavaScript" in str(caught.value)


def test_a_clear_story_keeps_our_extractor_and_a_high_confidence() -> None:
    article = _parse("chrome-date-slogan-title.html")
    assert article.extractor == "warta"
    assert article.confidence >= 0.5


def test_importing_parse_does_not_import_the_fallback() -> None:
    """The cold start pays for trafilatura only when a page needs it."""
    import subprocess
    import sys

    code = (
        "import sys, warta.parse; print(any(m.split('.')[0] in ('trafilatura', 'lxml') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


STORY_P = (
    "<p>Warga desa bergotong royong memperbaiki saluran irigasi yang jebol setelah hujan deras semalam.</p>"
    * 4
)


def _page(head: str, top: str, near_headline: str) -> bytes:
    return (
        f"<html><head>{head}</head><body>{top}<div class='artikel'><h1>Saluran Irigasi Desa Diperbaiki "
        f"Warga</h1>{near_headline}<div class='isi'>{STORY_P}</div></div></body></html>"
    ).encode()


def test_a_date_in_the_sites_masthead_does_not_vote() -> None:
    page = _page(
        "<link rel='canonical' href='https://contoh.id/daerah/2024/02/01/saluran-irigasi'>",
        "<header class='situs'><time datetime='2024-02-09'>Jumat, 9 Februari 2024</time></header>",
        "",
    )
    article = parse_article(page)
    assert article.published is not None and article.published.date().isoformat() == "2024-02-01"
    assert article.published_source == "url"


@pytest.mark.parametrize(
    "line",
    [
        "Diperbarui Sabtu, 3 Februari 2024 08:00 WIB | Terbit Kamis, 1 Februari 2024 10:00 WIB",
        "Kamis, 1 Februari 2024 10:00 WIB | Diperbarui Sabtu, 3 Februari 2024 08:00 WIB",
    ],
)
def test_the_update_on_a_date_line_is_not_the_publication(line: str) -> None:
    article = parse_article(_page("", "", f"<div class='tanggal'>{line}</div>"))
    assert article.published is not None and article.published.isoformat() == "2024-02-01T10:00:00+07:00"


def test_a_standfirst_heading_above_the_story_is_not_the_lead() -> None:
    page = _page(
        "",
        "",
        "<h2 class='ringkasan'>Saluran yang jebol membuat puluhan hektare sawah di tiga dusun kekeringan selama sepekan, dan panen terancam mundur.</h2>",
    )
    assert parse_article(page).body.startswith("Warga desa bergotong royong")


def test_more_metadata_agreeing_outvotes_a_lone_visible_date() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": '
        '"NewsArticle", "headline": "Saluran Irigasi Desa Diperbaiki Warga", "datePublished": '
        '"2024-02-01T03:00:00Z"}]}</script><meta property="article:published_time" '
        'content="2024-02-01T10:00:00+07:00">'
    )
    article = parse_article(_page(head, "", "<div class='tanggal'>Sabtu, 3 Februari 2024</div>"))
    assert article.published is not None
    assert article.published.isoformat() == "2024-02-01T10:00:00+07:00"  # UTC shown in the page's zone
    assert article.published_source == "json-ld"


def test_a_printed_date_line_and_the_url_agreeing_beat_a_lone_stale_json_ld_date() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2014-07-13T08:00:00+07:00"}'
        '</script><link rel="canonical" href="https://contoh.id/read/2024/02/01/saluran-irigasi">'
    )
    article = parse_article(_page(head, "", "<div class='tanggal'>Kamis, 1 Februari 2024 10:00 WIB</div>"))
    assert article.published is not None and article.published.isoformat() == "2024-02-01T10:00:00+07:00"


def test_a_comments_widget_full_of_prose_is_still_not_the_story() -> None:
    comment = (
        "<p>Menurut saya pemerintah desa harus lebih cepat tanggap. Sudah dua minggu kami menunggu. "
        "Semoga tahun depan tidak terulang lagi, karena sawah kami ikut kering.</p>"
    )
    page = _page("", "", f"<div class='widget comments'>{comment * 8}</div>")
    body = parse_article(page).body
    assert body.startswith("Warga desa bergotong royong")
    assert "pemerintah desa harus lebih cepat" not in body


def test_a_related_items_microdata_headline_does_not_become_the_title() -> None:
    related = (
        "<div class='related'><div itemscope itemtype='https://schema.org/NewsArticle'>"
        "<a itemprop='headline' href='/x'>Harga Gabah Kering Turun di Tingkat Petani</a></div></div>"
    )
    article = parse_article(_page("", related, ""))
    assert article.title == "Saluran Irigasi Desa Diperbaiki Warga"


def test_a_site_wide_slogan_in_og_title_and_title_loses_to_the_printed_headline() -> None:
    head = (
        "<title>Kabar Desa - Portal Berita Terkini dan Terpercaya</title>"
        "<meta property='og:title' content='Kabar Desa - Portal Berita Terkini dan Terpercaya'>"
        "<meta property='og:site_name' content='Kabar Desa'>"
    )
    article = parse_article(_page(head, "", ""))
    assert article.title == "Saluran Irigasi Desa Diperbaiki Warga"
    assert article.title_source == "h1"


def test_headlines_listed_under_a_baca_juga_label_go_with_it_linked_or_not() -> None:
    inline = (
        "<div class='sisip-artikel'><span>BACA JUGA</span><h4>Kemarau panjang, petani di Klaten beralih ke "
        "palawija</h4><h4>Bendungan baru diharapkan atasi kekeringan di Jawa Tengah</h4></div>"
    )
    page = (
        f"<html><body><h1>Saluran Irigasi Desa Diperbaiki Warga</h1><div class='isi'>{STORY_P}{inline}"
        f"{STORY_P}</div></body></html>"
    ).encode()
    body = parse_article(page).body
    assert "palawija" not in body and "Bendungan baru" not in body and "BACA JUGA" not in body
    assert body.count("Warga desa bergotong royong") == 8


def test_where_the_fallback_layer_is_missing_the_refusal_says_to_add_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from warta.parse import fallback

    monkeypatch.setattr(fallback, "_trafilatura_extract", lambda: None)  # as in Lambda without the layer
    with pytest.raises(NoArticle) as caught:
        parse_article(HIDDEN_STORY)
    assert "not installed" in str(caught.value) and "fallback layer" in str(caught.value)


def test_a_date_line_in_an_unnamed_element_near_the_headline_is_found_when_nothing_else_says() -> None:
    standfirst = (
        "Warga berharap perbaikan selesai sebelum musim tanam, karena sebagian besar sawah di tiga dusun "
        "bergantung pada saluran yang sama dan para petani sudah menyiapkan bibit padi sejak awal bulan ini"
    )
    near = (
        f"<div class='ringkas'><p class='sub'>{standfirst}</p>"
        "<div><img src='/a.jpg'></div><div class='penulis'><span>Oleh Dimas</span> <span>Kamis, "
        "1 Februari 2024 10:00 WIB</span></div></div>"
    )
    article = parse_article(_page("", "", near))
    assert article.published is not None and article.published.isoformat() == "2024-02-01T10:00:00+07:00"
    assert article.published_source == "text"


def test_a_date_mentioned_in_a_sentence_is_not_taken_for_the_publication() -> None:
    story = (
        "<p>Bendungan itu diresmikan pada 17 Agustus 2021 dan kini mengairi ratusan hektare sawah warga.</p>"
    )
    page = (
        f"<html><body><div><h1>Saluran Irigasi Desa Diperbaiki Warga</h1><div>{story}{STORY_P}</div></div>"
        f"</body></html>"
    ).encode()
    assert parse_article(page).published is None


def test_a_story_set_between_br_tags_outside_any_p_beats_a_list_of_short_paragraphs() -> None:
    lines = "<br><br>".join(
        [
            "Warga desa bergotong royong memperbaiki saluran irigasi yang jebol setelah hujan deras "
            "semalam, kata kepala dusun setempat."
        ]
        * 5
    )
    others = "".join(
        f"<p>Jadwal posyandu bulan ini berubah untuk dusun nomor {i} di desa kami.</p>" for i in range(6)
    )
    page = (
        f"<html><body><h1>Saluran Irigasi Desa Diperbaiki Warga</h1><div class='isi'>TEMANGGUNG - {lines}</div>"
        f"<div class='kolom'>{others}</div></body></html>"
    ).encode()
    body = parse_article(page).body
    assert body.startswith("TEMANGGUNG - Warga desa bergotong royong")
    assert "posyandu" not in body


def test_a_div_paragraph_with_br_inside_does_not_take_the_place_of_the_story_around_it() -> None:
    sentence = (
        "Pabrik baru itu akan menyerap sekitar dua ribu pekerja dari kabupaten sekitar, kata direktur utama."
    )
    split = "<br>".join([sentence] * 4)
    page = (
        f"<html><body><h1>Pabrik Ban Baru Diresmikan di Karawang</h1><div id='isi'>"
        f"<div>KARAWANG - Sebuah pabrik ban sepeda motor diresmikan di kawasan industri Karawang, Selasa.</div>"
        f"<div><br></div><div>Peresmian dihadiri sejumlah pejabat daerah dan perwakilan perusahaan mitra.</div>"
        f"<div><br>{split}</div></div></body></html>"
    ).encode()
    body = parse_article(page).body
    assert body.startswith("KARAWANG - Sebuah pabrik ban")
    assert body.count("dua ribu pekerja") == 4


def test_a_short_quoted_paragraph_after_a_related_label_and_its_headline_stays() -> None:
    inline = (
        "<p>Baca juga:</p><p><a href='/x'>Petani Klaten beralih ke palawija</a></p>"
        '<p>"Kami tidak mau menunggu hujan," kata Suparno, ketua kelompok tani."</p>'
    )
    page = (
        f"<html><body><h1>Saluran Irigasi Desa Diperbaiki Warga</h1><div class='isi'>{STORY_P}{inline}"
        f"{STORY_P}</div></body></html>"
    ).encode()
    body = parse_article(page).body
    assert "Kami tidak mau menunggu hujan" in body
    assert "palawija" not in body


def test_a_summary_paragraph_classed_as_such_above_the_story_is_not_the_lead() -> None:
    summary = (
        "<p class='article-excerpt'>Saluran sepanjang dua kilometer yang jebol membuat puluhan hektare "
        "sawah kekeringan selama sepekan terakhir di tiga dusun.</p>"
    )
    page = (
        f"<html><body><h1>Saluran Irigasi Desa Diperbaiki Warga</h1><div class='isi'>{summary}{STORY_P}"
        f"</div></body></html>"
    ).encode()
    assert parse_article(page).body.startswith("Warga desa bergotong royong")


def test_a_tag_link_around_words_of_a_sentence_keeps_them_in_the_body() -> None:
    first = (
        "<p>Pemerintah kota (<a class='link-tag' href='/tag/pemkot'>Pemkot</a>) menambah "
        "<a class='tags-inline' href='/tag/bus'>bus listrik</a> untuk rute pinggiran pekan ini.</p>"
    )
    page = (
        f"<html><body><h1>Saluran Irigasi Desa Diperbaiki Warga</h1><div class='isi'>{first}{STORY_P}</div>"
        "</body></html>"
    ).encode()
    assert parse_article(page).body.startswith("Pemerintah kota (Pemkot) menambah bus listrik untuk rute")
