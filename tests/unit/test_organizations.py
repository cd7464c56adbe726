"""find_organizations: canonical names, abbreviations, places after heads, risky abbreviations."""

from __future__ import annotations

from warta.enrich.organizations import find_organizations

SEED = (
    "Kapolda Metro Jaya Inspektur Jenderal Putut Eko Bayu Seno punya resep menekan kejahatan. Itu "
    "kata Putut usai dilantik menjadi Kapolda Metro Jaya di Mabes Polri, Jakarta, Rabu 31 Oktober 2012. "
    "Mantan Kapolda Jawa Barat menambahkan, ia akan berkoordinasi dengan gubernur, pimpinan daerah."
)


def canon(text: str) -> list[str]:
    return [o.canonical for o in find_organizations(text)]


def test_seed_names_mabes_polri_and_no_polda_from_the_position_alone():
    orgs = find_organizations(SEED)
    mabes = [o for o in orgs if o.abbreviation == "Mabes Polri"]
    assert len(mabes) == 1
    assert mabes[0].canonical == "Markas Besar Kepolisian Negara Republik Indonesia"
    assert mabes[0].name == "Mabes Polri"
    # "Kapolda Metro Jaya" is a position; it does not imply the organization
    assert "Kepolisian Daerah Metro Jaya" not in [o.canonical for o in orgs]


def test_polda_with_place_gets_full_canonical_name():
    (org,) = find_organizations("Ia diperiksa di Polda Metro Jaya, Jakarta.")
    assert (org.name, org.canonical, org.abbreviation) == (
        "Polda Metro Jaya",
        "Kepolisian Daerah Metro Jaya",
        "Polda Metro Jaya",
    )
    (full,) = find_organizations("Kepolisian Daerah Metro Jaya menyita barang bukti.")
    assert full.canonical == org.canonical and full.abbreviation == "Polda Metro Jaya"


def test_full_name_and_abbreviation_deduplicate_by_canonical_keeping_first_written():
    orgs = find_organizations("Komisi Pemberantasan Korupsi (KPK) memeriksa saksi. KPK juga menyita mobil.")
    assert len(orgs) == 1
    assert (orgs[0].name, orgs[0].canonical, orgs[0].abbreviation) == (
        "Komisi Pemberantasan Korupsi",
        "Komisi Pemberantasan Korupsi",
        "KPK",
    )


def test_place_after_head_stops_before_rank_and_day():
    names = [
        o.name
        for o in find_organizations(
            "Polres Metro Jakarta Selatan AKBP Budi menangkap pelaku. Polda Jawa Barat Rabu (31/10) merilis."
        )
    ]
    assert names == ["Polres Metro Jakarta Selatan", "Polda Jawa Barat"]


def test_heads_without_place_are_skipped():
    assert canon("Ia dibawa ke polda dan kodam untuk diperiksa.") == []


def test_military_courts_parliaments_ministries():
    got = canon(
        "Kodam III/Siliwangi, Pengadilan Negeri Jakarta Selatan, DPRD DKI Jakarta, DPR, Kemendagri "
        "dan Kementerian Hukum dan HAM."
    )
    assert got == [
        "Komando Daerah Militer III/Siliwangi",
        "Pengadilan Negeri Jakarta Selatan",
        "Dewan Perwakilan Rakyat Daerah DKI Jakarta",
        "Dewan Perwakilan Rakyat",
        "Kementerian Dalam Negeri",
        "Kementerian Hukum dan Hak Asasi Manusia",
    ]


def test_parties():
    got = canon("Politikus PDI-P, Golkar, Gerindra, PKS, NasDem dan PPP menolak usulan itu.")
    assert "Partai Demokrasi Indonesia Perjuangan" in got
    assert "Partai Golongan Karya" in got
    assert "Partai NasDem" in got and "Partai Persatuan Pembangunan" in got


def test_risky_abbreviations_need_context():
    # a degree after a name, a lowercase word, or a bare capitalised word is not an organization
    assert canon("Drs. Budi Santoso, MA, menulis buku. Ia memasak di pan besar.") == []
    assert canon("PAN dan PKB tidak disebut dengan konteks apa pun.") == []
    # with a telling word right before them they count
    got = canon("Ketua MK membacakan putusan. Kader PAN hadir. Berkas dikirim ke MA.")
    assert got == ["Mahkamah Konstitusi", "Partai Amanat Nasional", "Mahkamah Agung"]


def test_risky_abbreviation_counts_when_its_full_name_is_in_the_text():
    got = canon("Mahkamah Agung menolak kasasi itu. Juru bicara menyebut MA sudah memutus.")
    assert got == ["Mahkamah Agung"]


def test_dpd_of_a_party_is_not_the_senate():
    assert canon("Ketua DPD Partai Golkar Jawa Barat hadir.") == ["Partai Golongan Karya"]
    assert canon("Anggota DPD asal Aceh bicara.") == ["Dewan Perwakilan Daerah"]
