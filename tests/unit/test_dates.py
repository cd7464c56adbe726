"""find_dates: absolute and relative Indonesian dates, and numbers that are not dates."""

from __future__ import annotations

from datetime import UTC, date, datetime

from warta.enrich.dates import find_dates

SEED = (
    "Kapolda Metro Jaya Inspektur Jenderal Putut Eko Bayu Seno punya resep menekan kejahatan. Itu "
    "kata Putut usai dilantik menjadi Kapolda Metro Jaya di Mabes Polri, Jakarta, Rabu 31 Oktober 2012. "
    "Mantan Kapolda Jawa Barat menambahkan, ia akan berkoordinasi dengan gubernur, pimpinan daerah."
)

PUBLISHED = datetime(2012, 11, 1, 9, 30, tzinfo=UTC)  # a Thursday


def dates(text: str, published=PUBLISHED) -> list[tuple[date, bool]]:
    return [(d.date, d.approximate) for d in find_dates(text, published)]


def test_seed_article_has_the_inauguration_date_exactly():
    found = find_dates(SEED, PUBLISHED)
    assert (date(2012, 10, 31), False) in [(d.date, d.approximate) for d in found]
    assert [d.text for d in found if d.date == date(2012, 10, 31)] == ["Rabu 31 Oktober 2012"]


def test_absolute_forms():
    assert dates("Peristiwa itu terjadi 31 Oktober 2012.") == [(date(2012, 10, 31), False)]
    assert dates("Sidang digelar Rabu, 5 Sept. 2012.") == [(date(2012, 9, 5), False)]
    assert dates("Sejak 17 Agt 2011 dan 3 Agust 2011.") == [
        (date(2011, 8, 17), False),
        (date(2011, 8, 3), False),
    ]
    assert dates("Rabu (31/10/2012) malam") == [(date(2012, 10, 31), False)]
    assert dates("tanggal 31/10/2012") == [(date(2012, 10, 31), False)]


def test_year_less_forms_take_the_year_from_publication():
    assert dates("Senin (29/10) polisi datang.") == [(date(2012, 10, 29), False)]
    assert dates("Rabu 31 Oktober petang.") == [(date(2012, 10, 31), False)]
    # a year-less date is placed in the year that puts it nearest publication
    assert dates("pada 28 Des", datetime(2013, 1, 3)) == [(date(2012, 12, 28), False)]


def test_year_less_forms_without_publication_are_skipped():
    assert dates("Senin (29/10) dan kemarin", published=None) == []
    assert dates("31 Oktober 2012", published=None) == [(date(2012, 10, 31), False)]


def test_relative_forms():
    assert dates("kemarin") == [(date(2012, 10, 31), False)]
    assert dates("Hari ini") == [(date(2012, 11, 1), False)]
    assert dates("Senin kemarin") == [(date(2012, 10, 29), False)]
    assert dates("Kamis lalu") == [(date(2012, 10, 25), False)]  # same weekday: a week back
    assert dates("dua hari lalu") == [(date(2012, 10, 30), False)]
    assert dates("pekan lalu") == [(date(2012, 10, 25), True)]
    assert dates("minggu lalu") == [(date(2012, 10, 25), True)]
    assert dates("beberapa hari yang lalu")[0][1] is True


def test_same_date_written_twice_is_deduplicated_keeping_first_text():
    found = find_dates("Rabu (31/10/2012) dan kemarin, 31 Oktober 2012.", PUBLISHED)
    assert [(d.text, d.date) for d in found] == [("Rabu (31/10/2012)", date(2012, 10, 31))]


def test_exact_and_approximate_on_the_same_day_are_kept_apart():
    found = dates("25 Oktober 2012, pekan lalu")
    assert found == [(date(2012, 10, 25), False), (date(2012, 10, 25), True)]


def test_law_numbers_money_times_and_scores_are_not_dates():
    text = (
        "Ia dijerat UU No 31 Tahun 1999 dan Nomor 12 Tahun 2011, merugikan negara Rp 31.10 miliar, "
        "ditangkap pukul 14.05 WIB. Persib menang 2-1, skor (3/1) di babak pertama. Perkara 12/10/2011 "
        "disidangkan. Pasal 2/3 dibacakan."
    )
    assert dates(text) == []


def test_invalid_calendar_dates_are_ignored():
    assert dates("31 Februari 2012 dan (32/13)") == []
