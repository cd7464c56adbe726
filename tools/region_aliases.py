"""Hand-curated facts that the Kemendagri list does not carry: how Indonesian news actually names regions.

Everything here is plain data consumed by ``tools/build_gazetteer.py``; the runtime never imports this file,
it reads the generated ``regions.json``. Keys are Kemendagri codes so a renamed region cannot silently lose
its aliases (the build fails on an unknown code).
"""

from __future__ import annotations

# Canonical names that differ from the source. The source writes a few names in forms nobody uses in print
# (spelled-out "Daerah Khusus Ibukota", the "Kep." abbreviation, split compounds). The source spelling is kept
# as an extra alias, so text written either way still matches.
CANONICAL_OVERRIDES: dict[str, str] = {
    "31": "DKI Jakarta",  # the short form is what press, officials and signage use
    "34": "DI Yogyakarta",
    "71.09": "Kabupaten Kepulauan Siau Tagulandang Biaro",  # source abbreviates "Kep."
    "19.71": "Kota Pangkalpinang",  # the city writes itself as one word
    "21.72": "Kota Tanjungpinang",
    "62.71": "Kota Palangka Raya",
    "72.04": "Kabupaten Tolitoli",
    "74.72": "Kota Baubau",
    "92.03": "Kabupaten Fakfak",
}

# Extra aliases per region, on top of the automatic ones (the bare name without "Kota"/"Kabupaten", the
# source spelling, "Sumatra" for "Sumatera"). Only capitalised forms: the matcher is case-sensitive.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    # Provinces: common abbreviations and older or longer official names.
    "11": ("Nanggroe Aceh Darussalam",),
    "12": ("Sumut",),
    "13": ("Sumbar",),
    "16": ("Sumsel",),
    "19": ("Bangka Belitung", "Babel", "Kep. Bangka Belitung"),
    "21": ("Kepri", "Kep. Riau"),
    "31": (
        "DKI",
        "Jakarta",
        "Ibukota",
        "Ibu Kota",
        "Daerah Khusus Ibukota Jakarta",
        "Daerah Khusus Ibu Kota Jakarta",
        "Daerah Khusus Jakarta",
    ),
    "32": ("Jabar",),
    "33": ("Jateng",),
    "34": ("DIY", "Daerah Istimewa Yogyakarta", "Yogyakarta", "Yogya", "Jogja", "Jogjakarta"),
    "35": ("Jatim",),
    "52": ("NTB",),
    "53": ("NTT",),
    "61": ("Kalbar",),
    "62": ("Kalteng",),
    "63": ("Kalsel",),
    "64": ("Kaltim",),
    "65": ("Kaltara",),
    "71": ("Sulut",),
    "72": ("Sulteng",),
    "73": ("Sulsel",),
    "74": ("Sultra",),
    "76": ("Sulbar",),
    "82": ("Malut",),
    "92": ("Pabar",),
    # Jakarta's administrative cities: news drops "Kota Administrasi" and often abbreviates.
    "31.01": ("Kep. Seribu",),
    "31.71": ("Jakpus",),
    "31.72": ("Jakut",),
    "31.73": ("Jakbar",),
    "31.74": ("Jaksel",),
    "31.75": ("Jaktim",),
    # Regencies and cities: short names, nicknames and spelling variants seen in print.
    "12.12": ("Toba Samosir", "Tobasa"),  # renamed in 2020; the old name still appears
    "12.10": ("Labuhan Batu",),
    "12.22": ("Labuhan Batu Selatan",),
    "12.23": ("Labuhan Batu Utara",),
    "12.72": ("Pematang Siantar", "Siantar"),
    "12.74": ("Tanjung Balai",),
    "12.77": ("Padang Sidempuan", "Padangsidempuan"),
    "12.78": ("Gunung Sitoli",),
    "13.09": ("Mentawai",),
    "13.73": ("Sawah Lunto",),
    "13.75": ("Bukit Tinggi",),
    "14.10": ("Meranti",),
    "16.01": ("OKU",),
    "16.02": ("OKI",),
    "16.06": ("Muba",),
    "16.08": ("OKU Timur",),
    "16.09": ("OKU Selatan",),
    "16.12": ("PALI",),
    "16.13": ("Muratara",),
    "16.72": ("Pagaralam",),
    "16.73": ("Lubuklinggau",),
    "18.01": ("Lamsel",),
    "18.02": ("Lamteng",),
    "18.07": ("Lamtim",),
    "21.05": ("Anambas",),
    "34.01": ("Kulonprogo",),
    "34.03": ("Gunung Kidul",),
    "36.74": ("Tangsel",),
    "33.72": ("Solo",),  # Surakarta is "Solo" in nearly every news story
    "64.02": ("Kukar",),
    "71.03": ("Sangihe",),
    "71.04": ("Talaud",),
    "71.09": ("Sitaro", "Kep. Siau Tagulandang Biaro"),
    "73.01": ("Selayar",),
    "73.10": ("Pangkep",),
    "73.72": ("Pare-Pare", "Pare Pare"),
    "74.72": ("Bau-Bau",),
    "81.03": ("Tanimbar",),
    "82.07": ("Morotai",),
    "82.08": ("Taliabu",),
    "82.72": ("Tidore",),
    "91.05": ("Yapen",),
    "91.06": ("Biak",),
}

# Bare aliases that are also common words, people's names, other places or institutions. They count only with
# an explicit cue before them: "Kota"/"Kabupaten"/"Provinsi" (the region's own title), an office or government
# word ("Bupati", "Pemkot", ...) or, when ``locative`` is true, the prepositions "di"/"ke"/"dari" followed by
# something that is not another capitalised word ("di Batu" yes, "di Batu Ampar" no).
GUARDED: dict[str, tuple[bool, str]] = {
    # alias: (locative cue allowed, reason)
    "Agam": (True, "also a given name"),
    "Batu": (True, "'batu' (stone) opens sentences and many place names (Batu Ampar, Batu Aji)"),
    "Banjar": (False, "a Kalimantan regency and a West Java city; also the Balinese neighbourhood unit"),
    "Tanah Datar": (True, "'tanah datar' (flat land) is an ordinary phrase"),
    "Metro": (True, "Polda Metro Jaya, Metro TV and 'metro' news desks are far more common than Kota Metro"),
    "Kuningan": (False, "also the Kuningan business district of South Jakarta"),
    "Puncak": (False, "'puncak' (peak) and the Puncak pass in Bogor"),
    "Pati": (True, "'Pati' is the police and army shorthand for high-ranking officers"),
    "Bima": (True, "a common given name (e.g. politicians named Bima)"),
    "Batang": (True, "'batang' (stem, trunk) and a counting word"),
    "Toba": (False, "usually Lake Toba, not the regency"),
    "Lingga": (True, "also a Karo clan name and a given name"),
    "Buru": (True, "'buru' (hunt), as in 'Tim Buru Sergap'"),
    "Malaka": (False, "usually Malacca in Malaysia or the Strait of Malacca"),
    "Landak": (True, "'landak' (porcupine)"),
    "Kapuas": (False, "usually the Kapuas river in West Kalimantan, not the Central Kalimantan regency"),
    "Ketapang": (False, "a very common village and harbour name (Ketapang in Banyuwangi, Jakarta)"),
}

# Capitalised phrases that contain a region name but do not refer to that region (police areas, media,
# foreign countries, streets and landmarks elsewhere, religious terms). They are matched like aliases so the
# longest-match rule swallows the embedded name, and then yield nothing.
BLOCKERS: tuple[str, ...] = (
    "Metro Jaya",  # Polda Metro Jaya covers Jakarta and its satellites; resolving it is the officials' job
    "Metro TV",
    "Papua Nugini",  # Papua New Guinea: a foreign country
    "Papua New Guinea",
    "Roh Kudus",  # the Holy Spirit, not Kabupaten Kudus
    "Medan Merdeka",  # the square and streets around Monas in Jakarta
    "Lebak Bulus",  # a South Jakarta neighbourhood and MRT terminus
    "Ibu Kota Nusantara",  # the new capital in East Kalimantan, not Jakarta
    "Ibukota Nusantara",
    "Ibu Kota Negara",
    "Ibukota Negara",
    "Jakarta Post",  # newspapers
    "Bali Post",
    "Kerajaan Mataram",  # the historical kingdom
    "Abdul Jabar",  # a personal name, not West Java
    "Nasi Padang",
    "nasi Padang",
    "Masakan Padang",
    "masakan Padang",
    "Rumah Makan Padang",
    "rumah makan Padang",
)

# Words that must never be an alias on their own: compass directions and administrative words. The build
# fails if any alias is one of these, so a data edit cannot make "Barat" a region.
FORBIDDEN_ALIASES: frozenset[str] = frozenset(
    {
        "Barat",
        "Timur",
        "Utara",
        "Selatan",
        "Tengah",
        "Tenggara",
        "Barat Daya",
        "Barat Laut",
        "Timur Laut",
        "Kota",
        "Kabupaten",
        "Provinsi",
        "Kepulauan",
        "Pulau",
        "Raya",
        "Jaya",
        "Baru",
        "Seribu",
        "Aru",
    }
)
