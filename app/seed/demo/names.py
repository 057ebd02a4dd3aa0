"""Data for the fictional demo kabupaten: people's names and titles, the organisation, the
jabatan families. Plain data only; app/seed/demo/story.py turns it into pegawai."""
from __future__ import annotations

from dataclasses import dataclass

REGION_NAME = "Pemerintah Kabupaten Tanjung Harapan"
DOCUMENT_PLACE = "Tanjung Harapan"
HEAD_TITLE = "Bupati Tanjung Harapan"
HEAD_NAME = "H. Darmawan Syahputra, S.H., M.H."
# A reserved top-level domain (RFC 2606): demo mail can never reach a real mailbox.
MAIL_DOMAIN = "tanjungharapankab.example"

MALE_FIRST = (
    "Ahmad Muhammad Abdul Agus Andi Arif Bambang Budi Dedi Deni Dimas Eko Edi Fajar Fauzan "
    "Fikri Hendra Hadi Hasan Ilham Irfan Irwan Joko Khairul Lukman Mulyadi Nanda Rahmat Reza "
    "Ridwan Rizki Roni Rudi Safrizal Slamet Sugeng Syahrul Taufik Teguh Wahyu Yudi Yusuf Zainal "
    "Zulkifli Arman Erwin Firman Gunawan Hendri Iwan Jefri Kurnia Mardiansyah Novri Surya Yoga "
    "Aldi Bayu Candra Doni Fadli Gilang Habib Indra Juanda Kevin Maulana Rian Sandi"
).split()
MALE_LAST = (
    "Hidayat Saputra Pratama Wijaya Nugroho Kurniawan Setiawan Santoso Syahputra Rahman Hakim "
    "Firmansyah Permana Fauzi Hermawan Purnomo Susanto Prasetyo Ramadhan Aditya Hasibuan "
    "Siregar Nasution Lubis Harahap Tanjung Daulay Batubara Pohan Sitompul Simatupang Effendi "
    "Iskandar Sulaiman Arifin Mahendra Hutapea Rangkuti Syafrizal Anwar Hasan Prabowo Utomo"
).split()
FEMALE_FIRST = (
    "Siti Sri Dewi Rina Yuni Nurul Fitri Indah Putri Ayu Wulan Rini Novi Dian Eka Maya Ratna "
    "Yanti Sari Desi Lina Mega Annisa Aisyah Nur Ika Lia Rika Yulia Winda Elvi Fitria Hesti "
    "Intan Juwita Kartika Melati Nadia Oktavia Puspita Rahma Susi Tuti Vera Widya Yessi Zahra "
    "Erna Evi Hana Irma Linda Mira Neni Rosita Sinta Tika Citra Dina Feby Gita Laila Nova"
).split()
FEMALE_LAST = (
    "Lestari Wulandari Rahayu Handayani Susanti Puspitasari Maharani Anggraini Safitri Yuliani "
    "Oktaviani Permatasari Kusumawati Rahmawati Wahyuni Fitriani Ramadhani Novitasari Marlina "
    "Yusnita Ratnasari Agustina Hasibuan Siregar Nasution Lubis Harahap Tanjung Aini Hayati "
    "Utami Pertiwi Amelia Purnamasari Febriani Sulastri Susilawati Mardiana Herlina Daulay"
).split()
# Older Javanese-style single names, for some pegawai born before 1976.
MALE_SINGLE = "Sutrisno Suparman Sugiarto Suharyanto Sudirman Mulyono Supriadi Sumarno".split()
FEMALE_SINGLE = "Sumiati Suryani Sukarti Suharti Rusmini Mariani Suwarni Painem".split()

# Academic degrees by field: (front title, back title); "Drs." becomes "Dra." for a woman.
DEGREES = {
    "umum": [("", "S.Sos."), ("", "S.E."), ("", "S.AP."), ("", "S.IP."), ("", "S.H."), ("Drs.", "")],
    "pemerintahan": [("", "S.STP."), ("", "S.IP."), ("", "S.Sos."), ("Drs.", "")],
    "hukum": [("", "S.H.")],
    "sdm": [("", "S.Sos."), ("", "S.Psi."), ("", "S.AP."), ("", "S.STP.")],
    "keuangan": [("", "S.E."), ("", "S.Ak."), ("", "S.E., Ak.")],
    "perencanaan": [("", "S.E."), ("", "S.T."), ("", "S.P."), ("Ir.", ""), ("", "S.Si.")],
    "pengawasan": [("", "S.E."), ("", "S.H."), ("", "S.Ak."), ("", "S.IP.")],
    "teknik": [("Ir.", ""), ("", "S.T.")],
    "kesehatan": [("dr.", ""), ("", "S.K.M."), ("", "S.Kep., Ns."), ("apt.", "S.Farm.")],
    "pendidikan": [("", "S.Pd."), ("Drs.", ""), ("", "S.Pd.I."), ("", "S.Si.")],
    "informatika": [("", "S.Kom."), ("", "S.T."), ("", "S.I.Kom.")],
}
MASTERS = {
    "umum": ["M.Si.", "M.M.", "M.AP."],
    "pemerintahan": ["M.Si.", "M.AP."],
    "hukum": ["M.H."],
    "sdm": ["M.Si.", "M.AP.", "M.Psi."],
    "keuangan": ["M.Si.", "M.M.", "M.Ak."],
    "perencanaan": ["M.Si.", "M.E.", "M.T."],
    "pengawasan": ["M.Ak.", "M.H.", "M.Si."],
    "teknik": ["M.T.", "M.Eng.", "M.Si."],
    "kesehatan": ["M.Kes.", "M.K.M.", "M.M."],
    "pendidikan": ["M.Pd.", "M.Si."],
    "informatika": ["M.Kom.", "M.T.", "M.M."],
}


@dataclass(frozen=True)
class Family:
    """A jabatan family: the jenjang follows from the golongan (Ahli Pertama/Muda, Terampil/
    Mahir/Penyelia), or a fixed pelaksana name. `start` is the first PNS grade rank for the
    education; `pppk` the chance that a new pegawai of this family is PPPK."""

    base: str
    ladder: str | None  # "ahli", "terampil", "guru", or None for a pelaksana
    start: int  # rank in PNS_GRADES: 5 = II/a, 7 = II/c, 9 = III/a, 10 = III/b
    degrees: tuple[tuple[str, str], ...]
    female: float = 0.5
    pppk: float = 0.0
    masters: tuple[str, ...] = ()


def _f(base, ladder, start, degrees, female=0.5, pppk=0.0, masters=()):
    return Family(base, ladder, start, tuple(degrees), female, pppk, tuple(masters))


SMA, D3, S1, PROFESI = 5, 7, 9, 10
FAMILIES = {
    # Pelaksana (KepmenPANRB 11/2024 names)
    "adm": _f("Pengadministrasi Perkantoran", None, SMA, [("", "")], pppk=0.35),
    "operator": _f("Operator Layanan Operasional", None, SMA, [("", "")], pppk=0.35),
    "pengolah": _f("Pengolah Data dan Informasi", None, D3, [("", "A.Md."), ("", "A.Md.Kom.")], pppk=0.2),
    "pengelola": _f("Pengelola Layanan Operasional", None, D3, [("", "A.Md."), ("", "A.Md.Ak.")], pppk=0.2),
    "penata": _f("Penata Layanan Operasional", None, S1, [("", "S.E."), ("", "S.Sos."), ("", "S.AP."), ("", "S.Kom.")], pppk=0.2),
    "penelaah": _f("Penelaah Teknis Kebijakan", None, S1, [("", "S.Sos."), ("", "S.H."), ("", "S.IP."), ("", "S.E.")]),
    # Fungsional, general
    "kebijakan": _f("Analis Kebijakan", "ahli", S1, [("", "S.Sos."), ("", "S.IP."), ("", "S.H."), ("", "S.AP.")], masters=["M.Si.", "M.AP."]),
    "sdm": _f("Analis SDM Aparatur", "ahli", S1, [("", "S.Psi."), ("", "S.Sos."), ("", "S.AP.")], female=0.6, masters=["M.Si."]),
    "pranata_sdm": _f("Pranata SDM Aparatur", "terampil", D3, [("", "A.Md.")], female=0.6),
    "arsiparis": _f("Arsiparis", "terampil", D3, [("", "A.Md.")], female=0.6),
    "prakom": _f("Pranata Komputer", "ahli", S1, [("", "S.Kom."), ("", "S.T.")], female=0.35, pppk=0.4),
    "prakom_d3": _f("Pranata Komputer", "terampil", D3, [("", "A.Md.Kom.")], female=0.35, pppk=0.4),
    "perencana": _f("Perencana", "ahli", S1, [("", "S.E."), ("", "S.T."), ("", "S.P."), ("", "S.Si.")], masters=["M.Si.", "M.E.", "M.T."]),
    "auditor": _f("Auditor", "ahli", S1, [("", "S.E."), ("", "S.Ak.")], masters=["M.Ak."]),
    "p2upd": _f("Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", "ahli", S1, [("", "S.H."), ("", "S.IP."), ("", "S.Sos.")]),
    "akpd": _f("Analis Keuangan Pusat dan Daerah", "ahli", S1, [("", "S.E."), ("", "S.Ak.")], female=0.6),
    "pengadaan": _f("Pengelola Pengadaan Barang/Jasa", "ahli", S1, [("", "S.E."), ("", "S.T.")]),
    "perancang": _f("Perancang Peraturan Perundang-undangan", "ahli", S1, [("", "S.H.")], masters=["M.H."]),
    "humas": _f("Pranata Hubungan Masyarakat", "ahli", S1, [("", "S.I.Kom."), ("", "S.Sos.")]),
    "statistisi": _f("Statistisi", "ahli", S1, [("", "S.Si."), ("", "S.Stat.")]),
    "sandiman": _f("Sandiman", "ahli", S1, [("", "S.Kom."), ("", "S.Tr.Kom.")], female=0.3),
    # Fungsional, public works
    "jalan": _f("Teknik Jalan dan Jembatan", "ahli", S1, [("", "S.T.")], female=0.2, masters=["M.T."]),
    "pengairan": _f("Teknik Pengairan", "ahli", S1, [("", "S.T.")], female=0.2),
    "bangunan": _f("Teknik Tata Bangunan dan Perumahan", "ahli", S1, [("", "S.T.")], female=0.3),
    "tata_ruang": _f("Penata Ruang", "ahli", S1, [("", "S.T."), ("", "S.PWK.")]),
    # Fungsional, health
    "dokter": _f("Dokter", "ahli", PROFESI, [("dr.", "")], female=0.6, pppk=0.4),
    "dokter_gigi": _f("Dokter Gigi", "ahli", PROFESI, [("drg.", "")], female=0.7),
    "perawat": _f("Perawat", "ahli", PROFESI, [("", "S.Kep., Ns.")], female=0.7, pppk=0.45),
    "perawat_d3": _f("Perawat", "terampil", D3, [("", "A.Md.Kep.")], female=0.7, pppk=0.45),
    "bidan": _f("Bidan", "terampil", D3, [("", "A.Md.Keb.")], female=1.0, pppk=0.45),
    "bidan_ahli": _f("Bidan", "ahli", S1, [("", "S.Tr.Keb.")], female=1.0, pppk=0.4),
    "apoteker": _f("Apoteker", "ahli", PROFESI, [("apt.", "S.Farm.")], female=0.7),
    "nutrisionis": _f("Nutrisionis", "terampil", D3, [("", "A.Md.Gz.")], female=0.8, pppk=0.4),
    "sanitarian": _f("Sanitarian", "terampil", D3, [("", "A.Md.K.L.")], pppk=0.4),
    "lab": _f("Pranata Laboratorium Kesehatan", "terampil", D3, [("", "A.Md.A.K.")], female=0.6, pppk=0.4),
    "epidemiolog": _f("Epidemiolog Kesehatan", "ahli", S1, [("", "S.K.M.")], female=0.6, masters=["M.Epid."]),
    "promkes": _f("Penyuluh Kesehatan Masyarakat", "ahli", S1, [("", "S.K.M.")], female=0.6),
    "adminkes": _f("Administrator Kesehatan", "ahli", S1, [("", "S.K.M.")], female=0.6, masters=["M.K.M."]),
    # Fungsional, education
    "guru": _f("Guru", "guru", S1, [("", "S.Pd."), ("", "S.Pd."), ("", "S.Pd., Gr."), ("", "S.Pd.I."), ("", "S.Si.")], female=0.65, pppk=0.6, masters=["M.Pd."]),
}

# Staff mixes, drawn per unit (repeats make a family likelier).
MIX_UMUM = ("adm", "adm", "operator", "pengolah", "pengelola", "penata", "penata", "arsiparis", "kebijakan")
MIX_KEUANGAN = ("akpd", "akpd", "penata", "pengelola", "adm")
SUBBAG_UMUM = ("adm", "arsiparis", "pranata_sdm", "pengolah", "penata", "operator")
SUBBAG_KEU = ("akpd", "penata", "pengelola", "perencana", "adm")

# The organisation. A Bidang may list its Seksi, or none: then its staff (mostly fungsional)
# work directly under the Kepala Bidang, as after the 2021 simplification of the bureaucracy.
@dataclass(frozen=True)
class Sub:
    """A Seksi or Subbagian (headed by a Pengawas) with its staff."""

    name: str
    mix: tuple[str, ...]
    staff: tuple[int, int] = (2, 3)
    field: str = "umum"
    fixed: tuple[str, ...] = ()  # exact staff families (all PNS), instead of a random draw


@dataclass(frozen=True)
class Division:
    """A Bidang, Bagian, Inspektur Pembantu (Administrator) or a Kecamatan's Seksi (Pengawas)."""

    name: str
    field: str
    mix: tuple[str, ...] = ()
    staff: tuple[int, int] = (3, 5)
    subs: tuple[Sub, ...] = ()
    fixed: tuple[str, ...] = ()
    plt_from: str | None = None  # vacant head post, held by the head of this sibling as Plt.


@dataclass(frozen=True)
class Opd:
    name: str
    head: str  # jabatan of the head (JPT, except the Camat)
    field: str
    secretariat: tuple[Sub, ...]
    divisions: tuple[Division, ...]
    head_kind: str = "JPT"
    secretary: str = "Sekretaris"
    uptd: tuple[str, ...] = ()


UMUM_KEPEG = "Subbagian Umum dan Kepegawaian"
PERENC_KEU = "Subbagian Perencanaan dan Keuangan"


def _sekretariat(*subs: str | Sub) -> tuple[Sub, ...]:
    mixes = {UMUM_KEPEG: SUBBAG_UMUM}
    return tuple(s if isinstance(s, Sub) else Sub(s, mixes.get(s, SUBBAG_KEU)) for s in subs)


# The demo team: a Kepala Subbagian with six direct reports, among them the demo pegawai
# (Pengadministrasi Perkantoran) and the OPD's pengelola kinerja (Analis SDM Aparatur).
DEMO_TEAM = Sub(UMUM_KEPEG, SUBBAG_UMUM, fixed=("sdm", "adm", "arsiparis", "pranata_sdm", "pengolah", "penata"))

SETDA = "Sekretariat Daerah"
# The three asisten and the Bagian each coordinates (Perpres/Permendagri SOTK Setda kabupaten).
ASISTEN = (
    ("Asisten Pemerintahan dan Kesejahteraan Rakyat", (
        Division("Bagian Pemerintahan", "pemerintahan", ("kebijakan", "penata", "adm"),
                 subs=(Sub("Subbagian Administrasi Kewilayahan", ("penata", "adm", "kebijakan"), field="pemerintahan"),)),
        Division("Bagian Hukum", "hukum", ("perancang", "perancang", "penelaah", "adm"), staff=(3, 4)),
        Division("Bagian Kesejahteraan Rakyat", "umum", ("kebijakan", "penata", "adm"), staff=(2, 3)),
    )),
    ("Asisten Perekonomian dan Pembangunan", (
        Division("Bagian Perekonomian dan Sumber Daya Alam", "perencanaan", ("kebijakan", "penata", "adm"), staff=(2, 3)),
        Division("Bagian Pengadaan Barang dan Jasa", "umum", ("pengadaan", "pengadaan", "penata"), staff=(3, 4)),
    )),
    ("Asisten Administrasi Umum", (
        Division("Bagian Organisasi", "sdm", ("kebijakan", "sdm", "penata"), staff=(2, 3)),
        Division("Bagian Umum", "umum", (),
                 subs=(Sub("Subbagian Tata Usaha Pimpinan", MIX_UMUM), Sub("Subbagian Rumah Tangga", ("operator", "adm", "pengelola")),
                       Sub("Subbagian Keuangan", SUBBAG_KEU, field="keuangan"))),
        Division("Bagian Protokol dan Komunikasi Pimpinan", "informatika", ("humas", "penata", "operator"), staff=(2, 3)),
    )),
)

PUSKESMAS_MIX = ("dokter", "perawat", "perawat_d3", "perawat_d3", "bidan", "bidan", "bidan_ahli",
                 "apoteker", "nutrisionis", "sanitarian", "lab", "promkes", "adm")
SCHOOL_MIX = ("guru",) * 8 + ("adm",)

OPDS = (
    Opd("Dinas Pendidikan", "Kepala Dinas Pendidikan", "pendidikan", _sekretariat(UMUM_KEPEG, PERENC_KEU), (
        Division("Bidang Pembinaan Sekolah Dasar", "pendidikan", subs=(
            Sub("Seksi Kurikulum dan Peserta Didik SD", ("penata", "pengolah", "guru"), field="pendidikan"),
            Sub("Seksi Sarana dan Prasarana SD", ("penata", "pengelola", "operator"), field="pendidikan"))),
        Division("Bidang Pembinaan Sekolah Menengah Pertama", "pendidikan", subs=(
            Sub("Seksi Kurikulum dan Peserta Didik SMP", ("penata", "pengolah", "guru"), field="pendidikan"),
            Sub("Seksi Sarana dan Prasarana SMP", ("penata", "pengelola", "operator"), field="pendidikan"))),
        Division("Bidang Guru dan Tenaga Kependidikan", "pendidikan", ("sdm", "pranata_sdm", "penata", "pengolah")),
    ), uptd=("UPTD SMP Negeri 1 Tanjung Harapan", "UPTD SD Negeri 4 Tanjung Harapan", "UPTD SD Negeri 12 Sungai Limau")),
    Opd("Dinas Kesehatan", "Kepala Dinas Kesehatan", "kesehatan", _sekretariat(DEMO_TEAM, PERENC_KEU), (
        Division("Bidang Kesehatan Masyarakat", "kesehatan", subs=(
            Sub("Seksi Kesehatan Keluarga dan Gizi", ("nutrisionis", "bidan_ahli", "penata"), field="kesehatan"),
            Sub("Seksi Promosi dan Pemberdayaan Masyarakat", ("promkes", "promkes", "adm"), field="kesehatan"))),
        Division("Bidang Pencegahan dan Pengendalian Penyakit", "kesehatan", subs=(
            Sub("Seksi Surveilans dan Imunisasi", ("epidemiolog", "perawat", "pengolah"), field="kesehatan"),
            Sub("Seksi Pengendalian Penyakit Menular", ("epidemiolog", "sanitarian", "perawat_d3"), field="kesehatan"))),
        Division("Bidang Pelayanan dan Sumber Daya Kesehatan", "kesehatan", subs=(
            Sub("Seksi Pelayanan Kesehatan", ("adminkes", "dokter", "penata"), field="kesehatan"),
            Sub("Seksi Kefarmasian dan Alat Kesehatan", ("apoteker", "pengelola", "adm"), field="kesehatan"))),
    ), uptd=("UPTD Puskesmas Tanjung Harapan", "UPTD Puskesmas Sungai Limau", "UPTD Puskesmas Bukit Rendah")),
    Opd("Dinas Pekerjaan Umum dan Penataan Ruang", "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "teknik",
        _sekretariat(UMUM_KEPEG, PERENC_KEU), (
        Division("Bidang Bina Marga", "teknik", ("jalan",), staff=(1, 1), plt_from="Bidang Cipta Karya", subs=(
            Sub("Seksi Pembangunan Jalan dan Jembatan", ("jalan", "jalan", "pengolah"), field="teknik"),
            Sub("Seksi Preservasi Jalan dan Jembatan", ("jalan", "operator", "pengelola"), field="teknik"))),
        Division("Bidang Sumber Daya Air", "teknik", subs=(
            Sub("Seksi Irigasi dan Rawa", ("pengairan", "pengairan", "operator"), field="teknik"),)),
        Division("Bidang Cipta Karya", "teknik", subs=(
            Sub("Seksi Air Minum dan Sanitasi", ("bangunan", "penata", "pengolah"), field="teknik"),
            Sub("Seksi Bangunan Gedung", ("bangunan", "bangunan", "adm"), field="teknik"))),
        Division("Bidang Penataan Ruang", "teknik", ("tata_ruang", "tata_ruang", "pengolah"), staff=(3, 4)),
    )),
    Opd("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "sdm", _sekretariat(UMUM_KEPEG, PERENC_KEU), (
        Division("Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian", "sdm", ("sdm", "pranata_sdm", "prakom", "prakom_d3")),
        Division("Bidang Mutasi dan Promosi", "sdm", ("sdm", "sdm", "pranata_sdm", "penata")),
        Division("Bidang Pengembangan Kompetensi Aparatur", "sdm", ("sdm", "kebijakan", "penata")),
        Division("Bidang Penilaian Kinerja Aparatur dan Penghargaan", "sdm", fixed=("sdm", "sdm", "pranata_sdm", "penata")),
    )),
    Opd("Badan Perencanaan Pembangunan Daerah", "Kepala Badan Perencanaan Pembangunan Daerah", "perencanaan",
        _sekretariat(UMUM_KEPEG), (
        Division("Bidang Pemerintahan dan Pembangunan Manusia", "perencanaan", ("perencana", "perencana", "kebijakan")),
        Division("Bidang Perekonomian dan Sumber Daya Alam", "perencanaan", ("perencana", "perencana", "penata")),
        Division("Bidang Infrastruktur dan Kewilayahan", "perencanaan", ("perencana", "perencana", "tata_ruang")),
        Division("Bidang Penelitian dan Pengembangan", "perencanaan", ("kebijakan", "perencana", "statistisi"), staff=(2, 3)),
    )),
    Opd("Inspektorat Daerah", "Inspektur Daerah", "pengawasan", _sekretariat(UMUM_KEPEG), (
        Division("Inspektur Pembantu Wilayah I", "pengawasan", ("auditor", "auditor", "p2upd")),
        Division("Inspektur Pembantu Wilayah II", "pengawasan", ("auditor", "p2upd", "p2upd")),
        Division("Inspektur Pembantu Wilayah III", "pengawasan", ("auditor", "p2upd")),
    ), secretary="Sekretaris Inspektorat"),
    Opd("Badan Pengelolaan Keuangan dan Aset Daerah", "Kepala Badan Pengelolaan Keuangan dan Aset Daerah", "keuangan",
        _sekretariat(UMUM_KEPEG, PERENC_KEU), (
        Division("Bidang Anggaran", "keuangan", MIX_KEUANGAN),
        Division("Bidang Perbendaharaan", "keuangan", subs=(
            Sub("Seksi Belanja dan Pembiayaan", MIX_KEUANGAN, field="keuangan"),
            Sub("Seksi Kas Daerah", MIX_KEUANGAN, field="keuangan"))),
        Division("Bidang Akuntansi dan Pelaporan", "keuangan", MIX_KEUANGAN),
        Division("Bidang Pengelolaan Aset Daerah", "keuangan", ("penata", "pengelola", "operator", "akpd"), staff=(2, 3)),
    )),
    Opd("Dinas Komunikasi dan Informatika", "Kepala Dinas Komunikasi dan Informatika", "informatika",
        _sekretariat(UMUM_KEPEG), (
        Division("Bidang Aplikasi Informatika", "informatika", ("prakom", "prakom", "prakom_d3", "pengolah")),
        Division("Bidang Informasi dan Komunikasi Publik", "informatika", ("humas", "humas", "operator")),
        Division("Bidang Statistik dan Persandian", "informatika", ("statistisi", "sandiman", "pengolah"), staff=(2, 3)),
    )),
    Opd("Kecamatan Tanjung Harapan", "Camat Tanjung Harapan", "pemerintahan", _sekretariat(UMUM_KEPEG), (
        Division("Seksi Pemerintahan", "pemerintahan", ("penata", "adm", "operator"), staff=(2, 3)),
        Division("Seksi Ketenteraman dan Ketertiban Umum", "pemerintahan", ("operator", "adm"), staff=(2, 3)),
        Division("Seksi Pemberdayaan Masyarakat dan Desa", "pemerintahan", ("penata", "kebijakan", "adm"), staff=(2, 3)),
        Division("Seksi Pelayanan Umum", "pemerintahan", ("operator", "pengolah", "adm"), staff=(2, 3)),
    ), head_kind="ADMINISTRATOR", secretary="Sekretaris Kecamatan"),
)

BKPSDM = OPDS[3].name
DINKES = OPDS[1].name
# (label, OPD, unit, whom): whom is "head" or the index among the unit's staff.
DEMO_LOGINS = (
    ("Pegawai (pelaksana)", DINKES, UMUM_KEPEG, 1),
    ("Pejabat Penilai (pengawas)", DINKES, UMUM_KEPEG, "head"),
    ("Pengelola Kinerja OPD", DINKES, UMUM_KEPEG, 0),
    ("Super Admin (BKPSDM)", BKPSDM, "Bidang Penilaian Kinerja Aparatur dan Penghargaan", 0),
)
