"""find_officials: rank/position/name forms, merging, mentions, and people who are not officials."""

from __future__ import annotations

from warta.enrich.officials import find_officials
from warta.enrich.ranks import normalise_rank

SEED = (
    "Kapolda Metro Jaya Inspektur Jenderal Putut Eko Bayu Seno punya resep untuk menekan angka "
    'kejahatan di ibu kota. "Patroli akan kami perbanyak," kata Putut usai dilantik menjadi Kapolda '
    "Metro Jaya di Mabes Polri, Jakarta, Rabu 31 Oktober 2012. Mantan Kapolda Jawa Barat menambahkan, "
    'polisi akan dekat dengan warga. "Tidak ada ruang bagi preman," Putut menegaskan. Ia juga akan '
    "memperkuat koordinasi dengan gubernur, pimpinan daerah dan tokoh masyarakat."
)

_REGIONS = {
    "Jawa Barat": "Jawa Barat",
    "Kota Bandung": "Kota Bandung",
    "Kabupaten Lampung Selatan": "Kabupaten Lampung Selatan",
    "DKI Jakarta": "DKI Jakarta",
}


def resolve(name: str) -> str | None:
    return _REGIONS.get(name)


def only(text: str, resolver=None):
    found = find_officials(text, resolver)
    assert len(found) == 1, found
    return found[0]


def test_seed_article_gives_exactly_one_official_with_rank_position_and_mentions():
    # Given the seed-shaped article, when officials are extracted
    found = find_officials(SEED, resolve)
    # then Putut is the only official, merged from every form
    assert len(found) == 1, found
    putut = found[0]
    assert putut.key == putut.name == "Putut Eko Bayu Seno"
    assert putut.rank == "Inspektur Jenderal"
    assert putut.position == "Kapolda Metro Jaya"
    assert putut.jurisdiction is None  # Metro Jaya is a police area, not a region
    assert putut.former is False and putut.public is True
    assert putut.mentions >= 3


def test_rank_abbreviations_and_full_forms_normalise_to_one_rank():
    assert normalise_rank("Irjen Pol") == normalise_rank("Inspektur Jenderal") == "Inspektur Jenderal"
    assert normalise_rank("Kombes Pol") == "Komisaris Besar"
    assert normalise_rank("AKBP") == "Ajun Komisaris Besar Polisi"
    assert normalise_rank("Letkol Inf") == "Letnan Kolonel"
    assert normalise_rank("Brigjen TNI") == normalise_rank("Brigjen Pol") == "Brigadir Jenderal"
    assert normalise_rank("warga") is None


def test_rank_then_name():
    o = only("Irjen Pol Putut Eko Bayu Seno tiba di lokasi.")
    assert (o.name, o.rank, o.position) == ("Putut Eko Bayu Seno", "Inspektur Jenderal", None)


def test_name_then_position_after_comma():
    o = only("Putut Eko Bayu Seno, Kapolda Metro Jaya, memimpin apel pagi.")
    assert (o.name, o.position) == ("Putut Eko Bayu Seno", "Kapolda Metro Jaya")


def test_position_with_region_sets_jurisdiction_from_resolver():
    o = only("Gubernur Jawa Barat Ahmad Heryawan meresmikan pasar.", resolve)
    assert (o.name, o.position, o.jurisdiction) == ("Ahmad Heryawan", "Gubernur Jawa Barat", "Jawa Barat")
    o = only("Wali Kota Bandung Ridwan Kamil meninjau banjir.", resolve)
    assert (o.name, o.position, o.jurisdiction) == ("Ridwan Kamil", "Wali Kota Bandung", "Kota Bandung")


def test_without_resolver_position_is_kept_but_jurisdiction_is_none():
    o = only("Bupati Lampung Selatan Rycko Menoza hadir.")
    assert (o.name, o.position, o.jurisdiction) == ("Rycko Menoza", "Bupati Lampung Selatan", None)


def test_honorifics_and_degrees_are_stripped_from_names():
    o = only("Gubernur DKI Jakarta H. Joko Widodo, S.H., membuka acara.", resolve)
    assert o.name == "Joko Widodo"
    assert o.jurisdiction == "DKI Jakarta"
    o = only("Kepala Dinas Kesehatan Jawa Barat dr. Alma Lucyati, M.Kes menjelaskan.")
    assert (o.name, o.position) == ("Alma Lucyati", "Kepala Dinas Kesehatan Jawa Barat")


def test_former_position_is_flagged():
    o = only("Mantan Kapolda Jawa Barat Anton Charliyan menghadiri acara itu.")
    assert (o.name, o.position, o.former) == ("Anton Charliyan", "Kapolda Jawa Barat", True)


def test_former_position_without_a_name_does_not_invent_a_person():
    found = find_officials("Mantan Kapolda Jawa Barat menambahkan, situasi aman.")
    assert found == ()


def test_rank_and_position_in_different_places_merge_into_one_person():
    text = (
        "Irjen Pol Putut Eko Bayu Seno tiba pagi. Putut Eko Bayu Seno, Kapolda Metro Jaya, lalu "
        "memimpin rapat. Putut menyebut semua aman."
    )
    o = only(text)
    assert (o.rank, o.position, o.mentions) == ("Inspektur Jenderal", "Kapolda Metro Jaya", 3)


def test_military_commands_and_ministers():
    found = find_officials(
        "Pangdam III/Siliwangi Mayjen TNI Dedi Kusnadi Thamim dan Mendagri Gamawan Fauzi bertemu."
    )
    by_name = {o.name: o for o in found}
    assert by_name["Dedi Kusnadi Thamim"].position == "Pangdam III/Siliwangi"
    assert by_name["Dedi Kusnadi Thamim"].rank == "Mayor Jenderal"
    assert by_name["Gamawan Fauzi"].position == "Menteri Dalam Negeri"


def test_short_form_shared_by_two_officials_counts_for_neither():
    text = "Bupati Garut Ahmad Fauzi dan Wali Kota Bandung Ahmad Heryanto hadir. Ahmad tersenyum."
    found = find_officials(text)
    assert {o.name for o in found} == {"Ahmad Fauzi", "Ahmad Heryanto"}
    assert all(o.mentions == 1 for o in found)


def test_company_posts_are_not_public():
    o = only("Direktur Utama PT Garuda Indonesia Emirsyah Satar menjelaskan.")
    assert (o.name, o.public) == ("Emirsyah Satar", False)
    assert o.position == "Direktur Utama PT Garuda Indonesia"


def test_generic_lower_case_posts_and_residents_are_not_officials():
    assert find_officials("Ia berkoordinasi dengan gubernur, bupati dan wali kota setempat.") == ()
    assert find_officials("Warga bernama Budi Santoso menjadi korban banjir, kata artis Syahrini.") == ()
    assert find_officials("lurah Cempaka Putih menyatakan wilayahnya aman.") == ()


def test_street_named_after_a_general_is_not_an_official():
    assert find_officials("Jalan Jenderal Sudirman macet sejak pagi.") == ()


def test_direction_words_are_not_read_as_names():
    o = only("Kapolres Metro Jakarta Selatan Kombes Wahyu Hadiningrat memeriksa lokasi.")
    assert o.name == "Wahyu Hadiningrat"
    assert o.position == "Kapolres Metro Jakarta Selatan"
