"""The generator's vocabulary: names, ranks, offices, organizations and sentence templates, all
written for this benchmark (no text taken from any news site). Region names come from the enrich
gazetteer (warta/enrich/data/regions.json), so generated pages mention places the pipeline knows.

Templates use str.format slots filled by `bench.corpus`:
  {who}      an official with position, rank and name on first mention ("Kapolres Bogor AKBP ...")
  {short}    the same official's short reference on later mentions ("Hendra")
  {place}    a regency or city, {prov} its province, {kec} a district, {desa} a village
  {org}      an organization, {day} a weekday with a numeric date "(12/5/2025)", {date} a long date
  {n}, {m}   numbers, {rp} an amount of money"""

from __future__ import annotations

GIVEN = (
    "Agus", "Ahmad", "Andi", "Arief", "Bambang", "Benny", "Budi", "Dedi", "Dewi", "Dian", "Dwi", "Eko",
    "Fajar", "Ferdy", "Gede", "Hadi", "Hasan", "Hendra", "Heru", "Imam", "Indra", "Irfan", "Iwan", "Joko",
    "Kadek", "Ketut", "Lukman", "Made", "Markus", "Muhammad", "Nanang", "Nur", "Nyoman", "Putu", "Rahmat",
    "Ridwan", "Rina", "Rizky", "Rudi", "Sigit", "Siti", "Slamet", "Sri", "Syamsul", "Taufik", "Teguh",
    "Tri", "Wahyu", "Yohanes", "Yulia", "Yusuf", "Zainal", "Fransiskus", "Anak Agung", "Ayu", "Ratna",
)
FAMILY = (
    "Daulay", "Gunawan", "Hakim", "Halim", "Harahap", "Hidayat", "Kambu", "Kurniawan", "Latuconsina",
    "Lubis", "Manurung", "Matondang", "Mokoginta", "Nasution", "Pattiasina", "Pohan", "Pratama", "Rahman",
    "Santoso", "Saputra", "Setiawan", "Simanjuntak", "Sinaga", "Siregar", "Sitompul", "Susanto",
    "Tambunan", "Tuasikal", "Wenda", "Wibowo", "Wijaya", "Purnomo", "Syahputra", "Hutapea", "Sembiring",
    "Tarigan", "Ginting", "Rumbiak", "Lumban Gaol", "Prasetyo", "Firmansyah", "Hermawan",
)
HONORIFICS = ("", "", "", "", "H. ", "Dr. ", "Ir. ")
DEGREES = ("", "", "", "", "", " S.H.", " S.I.K., M.H.", " M.Si.", " S.E., M.M.", " S.Sos.")

# Offices that take a place. (template, ranks to choose from; "" = civilian, no rank)
# {prov} a province, {place} a regency or city written short ("Bogor"), {kec} a district.
POLICE_OFFICES = (
    ("Kapolda {prov}", ("Irjen", "Irjen Pol", "Brigjen Pol", "Inspektur Jenderal Polisi")),
    ("Wakapolda {prov}", ("Brigjen Pol", "Brigjen")),
    ("Kabid Humas Polda {prov}", ("Kombes", "Kombes Pol", "Komisaris Besar")),
    ("Dirreskrimsus Polda {prov}", ("Kombes Pol", "Kombes")),
    ("Dirlantas Polda {prov}", ("Kombes Pol",)),
    ("Kapolres {place}", ("AKBP", "AKBP")),
    ("Kapolresta {place}", ("Kombes Pol", "AKBP")),
    ("Kasat Reskrim Polres {place}", ("AKP", "Iptu")),
    ("Kasat Narkoba Polres {place}", ("AKP", "Kompol")),
    ("Kapolsek {kec}", ("Kompol", "AKP", "Iptu")),
    ("Kanit Reskrim Polsek {kec}", ("Ipda", "Aiptu")),
)
MILITARY_OFFICES = (
    ("Pangdam {kodam}", ("Mayjen TNI", "Mayor Jenderal TNI")),
    ("Kasdam {kodam}", ("Brigjen TNI",)),
    ("Danrem {korem}", ("Brigjen TNI", "Kolonel Inf", "Kolonel Arh")),
    ("Dandim {kodim}/{place}", ("Letkol Inf", "Letkol Czi", "Letkol Arm", "Letkol Kav")),
    ("Danramil {kec}", ("Kapten Inf", "Mayor Inf")),
)
CIVIL_OFFICES = (
    ("Gubernur {prov}", ""),
    ("Wakil Gubernur {prov}", ""),
    ("Sekda {prov}", ""),
    ("Bupati {regency}", ""),
    ("Wakil Bupati {regency}", ""),
    ("Wali Kota {city}", ""),
    ("Wakil Wali Kota {city}", ""),
    ("Kepala Dinas Kesehatan {prov}", ""),
    ("Kepala Dinas Pekerjaan Umum {place}", ""),
    ("Kepala Dinas Pendidikan {place}", ""),
    ("Kepala Pelaksana BPBD {place}", ""),
    ("Ketua DPRD {place}", ""),
    ("Ketua DPRD {prov}", ""),
    ("Kajati {prov}", ""),
    ("Kajari {place}", ""),
    ("Ketua KPU {place}", ""),
    ("Ketua Bawaslu {prov}", ""),
    ("Camat {kec}", ""),
    ("Kepala Desa {desa}", ""),
)
NATIONAL_OFFICES = (
    "Menteri Dalam Negeri", "Menteri Kesehatan", "Menteri Pekerjaan Umum dan Perumahan Rakyat",
    "Menteri Perhubungan", "Menteri Sosial", "Mendagri", "Menkes", "Menhub", "Kapolri Jenderal Polisi",
    "Panglima TNI Jenderal TNI", "Kepala BNPB Letjen TNI", "Ketua KPK", "Wakil Ketua KPK",
    "Jaksa Agung Muda Tindak Pidana Khusus", "Kepala Basarnas Marsdya TNI", "Kabareskrim Polri Komjen",
)
KODAM = (
    "I/Bukit Barisan", "II/Sriwijaya", "III/Siliwangi", "IV/Diponegoro", "V/Brawijaya", "IX/Udayana",
    "XII/Tanjungpura", "XIII/Merdeka", "XIV/Hasanuddin", "XVI/Pattimura", "XVII/Cenderawasih", "Jaya",
)
KOREM = ("061/Suryakancana", "074/Warastratama", "084/Bhaskara Jaya", "141/Toddopuli", "151/Binaiya",
         "162/Wira Bhakti", "031/Wira Bima", "044/Garuda Dempo")

NATIONAL_ORGS = (
    "Komisi Pemberantasan Korupsi (KPK)", "Badan Nasional Penanggulangan Bencana (BNPB)", "Basarnas",
    "Kementerian PUPR", "Kementerian Dalam Negeri", "Kementerian Kesehatan", "Bareskrim Polri",
    "Badan Pemeriksa Keuangan (BPK)", "Ombudsman RI", "Mahkamah Konstitusi", "Bawaslu RI", "KPU RI",
    "Palang Merah Indonesia (PMI)", "PT PLN (Persero)", "BMKG", "Badan Narkotika Nasional (BNN)",
    "Densus 88", "Brimob", "TNI AD", "Kejaksaan Agung", "DPR RI", "Komisi III DPR",
)
LOCAL_ORGS = (
    "Polda {prov}", "Polres {place}", "Kejaksaan Tinggi {prov}", "Kejaksaan Negeri {place}",
    "DPRD {prov}", "DPRD {place}", "BPBD {place}", "Dinas Kesehatan {prov}", "Pemprov {prov}",
    "Pemkab {regency}", "Pengadilan Negeri {place}", "KPU {place}", "Kodam {kodam}",
)

WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")

# Syllables for invented district and village names (the gazetteer stops at regencies and cities).
SYLLABLES = ("su", "ka", "ma", "ja", "wa", "ngi", "lo", "ta", "ra", "sa", "ri", "mu", "ba", "ge", "pu",
             "di", "le", "so", "na", "tu", "ke", "bo", "ci", "ba", "tan", "pang", "sem", "jo")

SECTIONS = ("Nasional", "Hukum", "Daerah", "Peristiwa", "Politik", "Regional", "Metro", "Ekonomi")

# Each topic: headline templates, story sentences, and tags.
TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "banjir": {
        "titles": ("Banjir Rendam {n} Desa di {place}, Ribuan Warga Mengungsi",
                   "{place} Tetapkan Status Tanggap Darurat Banjir",
                   "Air Mulai Surut, Pengungsi Banjir {place} Kembali ke Rumah"),
        "sentences": (
            "Hujan deras yang turun sejak {day} malam membuat sungai di {kec} meluap dan merendam permukiman.",
            "Sebanyak {n} kepala keluarga di Desa {desa} terpaksa mengungsi ke balai desa dan masjid terdekat.",
            "{who} mengatakan ketinggian air di sejumlah titik sempat mencapai {m} sentimeter.",
            "Petugas gabungan dari {org} dan relawan mendirikan dapur umum di tiga lokasi pengungsian.",
            "Menurut {short}, pemerintah daerah sudah menyiapkan anggaran darurat sebesar {rp}.",
            "Data sementara mencatat {m} rumah rusak ringan dan dua jembatan desa terputus.",
            "Warga diminta tetap waspada karena prakiraan cuaca menunjukkan hujan masih turun hingga {date}.",
            "{who} meninjau lokasi pengungsian dan meminta bantuan logistik disalurkan tanpa menunggu pendataan selesai.",
        ),
        "tags": ("banjir", "bencana alam", "pengungsi", "cuaca ekstrem"),
    },
    "korupsi": {
        "titles": ("{org} Tahan Pejabat {place} Terkait Dugaan Korupsi Dana Hibah",
                   "Kasus Proyek Jalan {place}, Jaksa Periksa {n} Saksi",
                   "Tersangka Korupsi Alat Kesehatan {prov} Segera Disidang"),
        "sentences": (
            "{who} menyebut kerugian negara dalam perkara ini ditaksir mencapai {rp}.",
            "Penyidik {org} telah memeriksa {n} saksi, termasuk rekanan proyek dan bendahara dinas.",
            "Tersangka diduga mengatur pemenang lelang proyek peningkatan jalan di {kec} pada tahun anggaran lalu.",
            "{short} memastikan penyidik akan menelusuri aliran dana ke pihak lain yang ikut menikmati hasilnya.",
            "Berkas perkara dijadwalkan rampung sebelum {date} dan segera dilimpahkan ke pengadilan.",
            "Kuasa hukum tersangka menyatakan kliennya akan kooperatif dan menghormati proses hukum.",
            "Pemeriksaan berlangsung sejak pagi hingga sore di kantor {org}, {day}.",
            "{who} menegaskan tidak ada toleransi bagi aparatur yang menyalahgunakan anggaran publik.",
        ),
        "tags": ("korupsi", "hukum", "kejaksaan", "tindak pidana korupsi"),
    },
    "kriminal": {
        "titles": ("Polisi Bekuk {n} Pelaku Tawuran di {place}",
                   "Komplotan Pencuri Motor Lintas Provinsi Dibekuk di {place}",
                   "Peredaran Sabu {m} Gram Digagalkan di {kec}"),
        "sentences": (
            "{who} mengatakan para pelaku ditangkap tidak lama setelah laporan warga masuk ke posko.",
            "Dari tangan pelaku, petugas menyita senjata tajam, telepon genggam dan dua sepeda motor.",
            "Para pelaku yang masih berusia belasan tahun kini menjalani pemeriksaan di Mapolres {place}.",
            "{short} mengimbau orang tua lebih memperhatikan kegiatan anak-anak mereka pada malam hari.",
            "Polisi juga menambah patroli di titik rawan, terutama di sekitar {kec} dan jalur lingkar kota.",
            "Kasus ini terungkap berkat rekaman kamera pengawas yang terpasang di ujung gang Desa {desa}.",
            "Atas perbuatannya, tersangka dijerat pasal berlapis dengan ancaman hukuman hingga {m} tahun penjara.",
            "{who} menyebut jaringan ini sudah beraksi di sedikitnya {n} lokasi sejak awal tahun.",
        ),
        "tags": ("kriminal", "polisi", "tawuran", "penangkapan"),
    },
    "infrastruktur": {
        "titles": ("Pembangunan Jembatan Penghubung {place} Ditargetkan Rampung Tahun Depan",
                   "Jalan Provinsi di {place} Rusak Parah, Warga Tanam Pohon Pisang",
                   "Bendungan Baru di {prov} Mulai Alirkan Air ke {n} Hektare Sawah"),
        "sentences": (
            "{who} menjelaskan proyek senilai {rp} itu dikerjakan dalam dua tahap.",
            "Progres fisik pekerjaan saat ini sudah mencapai {n} persen, lebih cepat dari jadwal semula.",
            "Warga {kec} berharap akses jalan yang lebih baik membuat hasil panen cepat sampai ke pasar.",
            "{short} meminta kontraktor menjaga mutu pekerjaan dan tidak mengurangi spesifikasi material.",
            "Anggaran pembangunan berasal dari APBN dan dukungan dana bagi hasil {prov}.",
            "Selama pengerjaan, arus kendaraan dialihkan melalui jalur alternatif di Desa {desa}.",
            "Peresmian direncanakan berlangsung pada {date} bersama {org}.",
            "{who} menyebut sedikitnya {m} tenaga kerja lokal dilibatkan dalam proyek tersebut.",
        ),
        "tags": ("infrastruktur", "pembangunan", "jalan", "PUPR"),
    },
    "pilkada": {
        "titles": ("KPU {place} Tetapkan {n} Pasangan Calon Kepala Daerah",
                   "Bawaslu Temukan Dugaan Politik Uang Jelang Pemungutan Suara di {place}",
                   "Sengketa Hasil Pilkada {place} Bergulir ke Mahkamah Konstitusi"),
        "sentences": (
            "{who} menyampaikan seluruh tahapan berjalan sesuai jadwal yang ditetapkan.",
            "Jumlah pemilih tetap di daerah itu tercatat {rp} orang, tersebar di {m} tempat pemungutan suara.",
            "{short} meminta semua pasangan calon menjaga suasana kampanye tetap sejuk.",
            "Pengawas menerima {n} laporan dugaan pelanggaran, sebagian besar terkait alat peraga kampanye.",
            "Rapat pleno rekapitulasi digelar di aula {org} pada {day} dengan pengamanan ketat.",
            "{who} memastikan aparat siap mengamankan setiap tahapan hingga pelantikan.",
            "Debat publik putaran kedua dijadwalkan berlangsung pada {date}.",
            "Tim pemenangan salah satu calon menyatakan akan menempuh jalur hukum atas hasil rekapitulasi.",
        ),
        "tags": ("pilkada", "pemilu", "KPU", "Bawaslu"),
    },
    "kesehatan": {
        "titles": ("Kasus DBD di {place} Meningkat, Dinkes Gencarkan Fogging",
                   "Cakupan Imunisasi Anak di {prov} Baru {n} Persen",
                   "Puskesmas di {kec} Kekurangan Tenaga Medis"),
        "sentences": (
            "{who} mengatakan sepanjang bulan ini tercatat {n} kasus, naik dibandingkan bulan sebelumnya.",
            "Petugas kesehatan melakukan pemeriksaan jentik dari rumah ke rumah di Desa {desa}.",
            "{short} mengingatkan warga untuk menguras bak mandi dan menutup tempat penampungan air.",
            "Rumah sakit daerah menyiapkan {m} tempat tidur tambahan untuk mengantisipasi lonjakan pasien.",
            "Program vaksinasi keliling akan menyasar sekolah dasar di {kec} mulai {date}.",
            "{org} menyalurkan bantuan obat-obatan dan alat pelindung diri ke puskesmas terdekat.",
            "{who} menyebut keterbatasan dokter spesialis masih menjadi kendala utama di daerah terpencil.",
            "Anggaran kesehatan daerah tahun ini dialokasikan sebesar {rp}.",
        ),
        "tags": ("kesehatan", "DBD", "imunisasi", "puskesmas"),
    },
    "pangan": {
        "titles": ("Harga Cabai di {place} Tembus Rp{n} Ribu per Kilogram",
                   "Operasi Pasar Digelar di {place} untuk Tekan Harga Beras",
                   "Stok Beras {prov} Dinyatakan Aman hingga Akhir Tahun"),
        "sentences": (
            "{who} memantau langsung harga kebutuhan pokok di pasar tradisional, {day}.",
            "Kenaikan harga dipicu pasokan yang berkurang akibat cuaca buruk di sentra produksi.",
            "{short} memastikan pemerintah daerah akan menggelar operasi pasar di {n} titik.",
            "Pedagang di {kec} mengeluhkan pembeli yang berkurang sejak harga naik.",
            "Stok beras di gudang Bulog setempat tercatat sekitar {m} ton.",
            "{org} diminta mengawasi distribusi agar tidak terjadi penimbunan.",
            "Inflasi bulanan daerah itu tercatat lebih tinggi dibandingkan rata-rata nasional.",
            "{who} meminta warga tidak panik membeli dalam jumlah berlebihan.",
        ),
        "tags": ("harga pangan", "inflasi", "beras", "pasar"),
    },
    "kecelakaan": {
        "titles": ("Bus Terguling di Jalur Lintas {place}, {n} Penumpang Luka",
                   "Kecelakaan Beruntun di Tol {prov} Libatkan {n} Kendaraan",
                   "Truk Rem Blong Tabrak Warung di {kec}"),
        "sentences": (
            "{who} mengatakan kecelakaan terjadi sekitar pukul 05.30 waktu setempat, {day}.",
            "Korban luka dievakuasi ke rumah sakit terdekat, sementara dua orang masih dirawat intensif.",
            "Dugaan sementara, pengemudi kehilangan kendali saat melintasi turunan tajam di Desa {desa}.",
            "{short} menyebut polisi masih memeriksa sopir dan kelaikan kendaraan.",
            "Arus lalu lintas sempat tersendat hingga {m} kilometer sebelum kendaraan dievakuasi.",
            "Petugas {org} membantu mengatur arus kendaraan di lokasi kejadian.",
            "{who} mengimbau pengemudi angkutan umum beristirahat cukup sebelum menempuh perjalanan jauh.",
            "Kerugian material akibat kecelakaan ditaksir mencapai {rp}.",
        ),
        "tags": ("kecelakaan", "lalu lintas", "transportasi"),
    },
}
QUOTES = (
    "Kami sudah berkoordinasi dengan semua pihak agar penanganan berjalan cepat",
    "Kami tidak ingin kejadian serupa terulang di wilayah ini",
    "Semua laporan warga akan kami tindak lanjuti",
    "Prosesnya masih berjalan, kami minta masyarakat bersabar",
    "Anggaran sudah tersedia, tinggal pelaksanaan di lapangan",
    "Kami pastikan tidak ada yang ditutup-tutupi",
    "Kalau ada yang menemukan pelanggaran, silakan lapor",
)
SPEECH_VERBS = ("kata", "ujar", "ucap", "tutur", "jelas", "tegas")
