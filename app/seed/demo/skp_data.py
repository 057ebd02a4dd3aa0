"""What the demo SKPs say: each OPD's Perjanjian Kinerja targets, the RHK and IKI of leaders per
unit and of staff per jabatan family. Plain data only; app/seed/demo/skp.py assigns them to
the demo pegawai and links each RHK to the superior's RHK it intervenes in."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from app.seed.demo import names


@dataclass(frozen=True)
class Iki:
    aspect: str  # Aspect member name
    text: str
    target: Decimal
    unit: str
    direction: str = "higher"  # Direction value: higher, lower, range
    high: Decimal | None = None
    perspective: str | None = None  # Perspective member name (JPT)

    @property
    def cumulative(self) -> bool:
        """Counts add up over the periods; percentages, indexes and durations stand alone."""
        return self.aspect == "KUANTITAS" and self.unit not in ("%", "Nilai", "Indeks", "Skor")


@dataclass(frozen=True)
class Rhk:
    text: str
    ikis: tuple[Iki, ...]
    hint: str = ""  # words of the superior's RHK it intervenes, where the wording alone does not say


@dataclass(frozen=True)
class Target:
    """A Perjanjian Kinerja target: sasaran strategis, IKU, and the head's IKI for it."""

    goal: str
    iku: Iki
    extra: tuple[Iki, ...] = field(default_factory=tuple)


def _iki(aspect: str, text: str, target, unit: str, *, lower: bool = False, perspective: str | None = None) -> Iki:
    raw = str(target)
    if "-" in raw:  # "2-8": a target range
        low, high = raw.split("-")
        return Iki(aspect, text, Decimal(low), unit, "range", Decimal(high), perspective)
    return Iki(aspect, text, Decimal(raw), unit, "lower" if lower else "higher", None, perspective)


def K(text, target, unit, **kw):  # noqa: N802 (short names keep the tables readable)
    return _iki("KUANTITAS", text, target, unit, **kw)


def Q(text, target, unit, **kw):  # noqa: N802
    return _iki("KUALITAS", text, target, unit, **kw)


def W(text, target, unit, **kw):  # noqa: N802
    return _iki("WAKTU", text, target, unit, lower=True, **kw)


def B(text, target, unit, **kw):  # noqa: N802
    return _iki("BIAYA", text, target, unit, **kw)


def R(text: str, *ikis: Iki, hint: str = "") -> Rhk:  # noqa: N802
    return Rhk(text, ikis, hint)


def T(goal, indicator, target, unit, perspective, *, lower=False, extra=()) -> Target:  # noqa: N802
    return Target(goal, Q(indicator, target, unit, lower=lower, perspective=perspective), tuple(extra))


PL, PB, PI, AG = "PENERIMA_LAYANAN", "PROSES_BISNIS", "PENGUATAN_INTERNAL", "ANGGARAN"


def _budget(opd: str) -> Iki:
    return B(f"Persentase realisasi anggaran {opd}", 95, "%", perspective=AG)


# --- Perjanjian Kinerja per OPD (3–5 targets); the kepala's RHK are these sasaran ----------------
ORG_TARGETS: dict[str, tuple[Target, ...]] = {
    names.SETDA: (
        T("Meningkatnya kualitas penyelenggaraan pemerintahan daerah",
          "Skor evaluasi kinerja penyelenggaraan pemerintahan daerah (EKPPD)", "3.2", "Skor", PB),
        T("Meningkatnya kualitas produk hukum daerah",
          "Persentase rancangan produk hukum daerah yang ditetapkan tepat waktu", 90, "%", PB),
        T("Meningkatnya pertumbuhan ekonomi daerah", "Laju pertumbuhan ekonomi", "5.1", "%", PL),
        T("Meningkatnya kualitas pengadaan barang/jasa pemerintah daerah",
          "Persentase paket tender yang selesai tepat waktu", 95, "%", PB),
        T("Meningkatnya kualitas tata kelola pemerintahan", "Indeks Reformasi Birokrasi", 72, "Nilai", PI,
          extra=[_budget("Sekretariat Daerah")]),
    ),
    "Dinas Pendidikan": (
        T("Meningkatnya akses dan mutu pendidikan dasar", "Angka Partisipasi Murni SD/MI", 98, "%", PL),
        T("Meningkatnya akses dan mutu pendidikan menengah pertama", "Angka Partisipasi Murni SMP/MTs", 85, "%", PL),
        T("Meningkatnya kualitas pembelajaran",
          "Persentase satuan pendidikan dengan rapor pendidikan kategori baik", 60, "%", PB),
        T("Meningkatnya kompetensi guru dan tenaga kependidikan", "Persentase guru bersertifikat pendidik", 80, "%", PI,
          extra=[_budget("Dinas Pendidikan")]),
    ),
    names.DINKES: (
        T("Meningkatnya derajat kesehatan masyarakat", "Angka kematian ibu per 100.000 kelahiran hidup", 85,
          "per 100.000 KH", PL, lower=True,
          extra=[Q("Prevalensi stunting pada balita", 14, "%", lower=True, perspective=PL)]),
        T("Meningkatnya mutu pelayanan kesehatan", "Persentase puskesmas terakreditasi paripurna", 100, "%", PB),
        T("Meningkatnya pengendalian penyakit menular",
          "Persentase desa/kelurahan Universal Child Immunization (UCI)", 95, "%", PL),
        T("Meningkatnya akuntabilitas kinerja dan keuangan dinas", "Nilai SAKIP perangkat daerah", 75, "Nilai", PI,
          extra=[_budget("Dinas Kesehatan")]),
    ),
    "Dinas Pekerjaan Umum dan Penataan Ruang": (
        T("Meningkatnya kualitas infrastruktur jalan kabupaten",
          "Persentase panjang jalan kabupaten dalam kondisi mantap", 75, "%", PL),
        T("Meningkatnya layanan air irigasi",
          "Persentase daerah irigasi kewenangan kabupaten dalam kondisi baik", 70, "%", PL),
        T("Meningkatnya akses air minum dan sanitasi layak",
          "Persentase rumah tangga dengan akses air minum layak", 90, "%", PL),
        T("Meningkatnya kesesuaian pemanfaatan ruang",
          "Persentase kesesuaian pemanfaatan ruang terhadap RTRW", 85, "%", PB,
          extra=[_budget("Dinas PUPR")]),
    ),
    names.BKPSDM: (
        T("Meningkatnya penerapan sistem merit dalam manajemen ASN", "Nilai Indeks Sistem Merit", 325, "Nilai", PB),
        T("Meningkatnya profesionalitas ASN", "Indeks Profesionalitas ASN", 75, "Nilai", PL),
        T("Meningkatnya kompetensi ASN",
          "Persentase ASN yang mengikuti pengembangan kompetensi minimal 20 JP", 80, "%", PI),
        T("Meningkatnya kualitas pengelolaan kinerja ASN",
          "Persentase ASN dengan SKP yang disetujui tepat waktu", 95, "%", PB, extra=[_budget("BKPSDM")]),
    ),
    "Badan Perencanaan Pembangunan Daerah": (
        T("Meningkatnya kualitas perencanaan pembangunan daerah",
          "Persentase konsistensi program RKPD terhadap RPJMD", 95, "%", PB),
        T("Meningkatnya kualitas pengendalian dan evaluasi pembangunan",
          "Persentase indikator kinerja RPJMD yang dievaluasi", 100, "%", PB),
        T("Meningkatnya pemanfaatan hasil penelitian dan pengembangan",
          "Jumlah rekomendasi kebijakan hasil kajian yang dimanfaatkan", 4, "Rekomendasi", PL,
          extra=[_budget("Bappeda")]),
    ),
    "Inspektorat Daerah": (
        T("Meningkatnya kapabilitas APIP", "Level kapabilitas APIP", 3, "Level", PI),
        T("Meningkatnya tindak lanjut hasil pengawasan",
          "Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", 85, "%", PB),
        T("Meningkatnya efektivitas pencegahan korupsi", "Skor Monitoring Center for Prevention (MCP)", 85, "Skor", PL,
          extra=[_budget("Inspektorat Daerah")]),
    ),
    "Badan Pengelolaan Keuangan dan Aset Daerah": (
        T("Meningkatnya kualitas pengelolaan pendapatan dan belanja daerah",
          "Persentase realisasi belanja daerah terhadap anggaran", 92, "%", AG),
        T("Meningkatnya akuntabilitas laporan keuangan daerah",
          "Jumlah temuan berulang BPK atas pengelolaan keuangan", 2, "Temuan", PB, lower=True),
        T("Meningkatnya ketertiban pengelolaan aset daerah", "Persentase aset tanah bersertifikat", 70, "%", PB),
        T("Meningkatnya kualitas layanan perbendaharaan", "Persentase SP2D terbit paling lama 2 hari kerja",
          95, "%", PL, extra=[_budget("BPKAD")]),
    ),
    "Dinas Komunikasi dan Informatika": (
        T("Meningkatnya kualitas penyelenggaraan SPBE", "Indeks SPBE", "3.0", "Indeks", PB),
        T("Meningkatnya keterbukaan informasi publik", "Nilai monitoring dan evaluasi keterbukaan informasi publik",
          85, "Nilai", PL),
        T("Meningkatnya ketersediaan data statistik sektoral",
          "Persentase perangkat daerah yang menyediakan data di portal Satu Data", 90, "%", PI,
          extra=[_budget("Dinas Kominfo")]),
    ),
    "Kecamatan Tanjung Harapan": (
        T("Meningkatnya kualitas pelayanan administrasi terpadu kecamatan",
          "Indeks kepuasan masyarakat terhadap layanan PATEN", 82, "Nilai", PL),
        T("Meningkatnya ketenteraman dan ketertiban umum",
          "Persentase gangguan ketenteraman dan ketertiban yang tertangani", 100, "%", PL),
        T("Meningkatnya pemberdayaan masyarakat dan desa", "Persentase desa berstatus desa maju", 40, "%", PB),
    ),
}

# Which Setda targets each JPT of the Setda plans for (indexes into ORG_TARGETS[SETDA]).
SETDA_JPT = {
    "Sekretaris Daerah": (0, 2, 3, 4),
    "Asisten Pemerintahan dan Kesejahteraan Rakyat": (0, 1),
    "Asisten Perekonomian dan Pembangunan": (2, 3),
    "Asisten Administrasi Umum": (4, 4),
}
# A second RHK on the same target gets its own wording and IKI.
SETDA_SECOND = R("Meningkatnya kualitas pelayanan administrasi dan keprotokolan pimpinan",
                 Q("Persentase agenda pimpinan yang terlayani sesuai jadwal", 100, "%", perspective=PL))

# --- Administrators (Kepala Bidang / Bagian, Sekretaris, Inspektur Pembantu, Camat) -------------
SECRETARY = (
    R("Meningkatnya kualitas perencanaan dan pelaporan kinerja perangkat daerah",
      K("Jumlah dokumen perencanaan dan pelaporan kinerja yang tersusun tepat waktu", 5, "Dokumen"),
      Q("Nilai SAKIP perangkat daerah", 75, "Nilai")),
    R("Terselenggaranya administrasi umum, kepegawaian dan keuangan yang tertib",
      B("Persentase realisasi anggaran perangkat daerah", 95, "%"),
      Q("Persentase pegawai dengan SKP yang disetujui tepat waktu", 100, "%")),
)
CAMAT = (
    R("Meningkatnya kualitas penyelenggaraan pemerintahan dan pelayanan di kecamatan",
      Q("Indeks kepuasan masyarakat terhadap layanan PATEN", 82, "Nilai"),
      K("Jumlah desa yang dibina penyelenggaraan pemerintahannya", 12, "Desa")),
    R("Terwujudnya ketenteraman dan pemberdayaan masyarakat di kecamatan",
      Q("Persentase gangguan ketenteraman dan ketertiban yang tertangani", 100, "%"),
      Q("Persentase desa berstatus desa maju", 40, "%")),
)
INSPEKTUR_PEMBANTU = (
    R("Terlaksananya pengawasan penyelenggaraan pemerintahan daerah di wilayah kerja",
      K("Jumlah laporan hasil pemeriksaan yang diterbitkan", 12, "LHP"),
      Q("Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", 85, "%")),
    R("Terlaksananya reviu dan evaluasi akuntabilitas kinerja dan keuangan",
      K("Jumlah reviu laporan keuangan dan kinerja", 8, "Laporan"),
      W("Waktu penyelesaian reviu sejak penugasan", 14, "Hari")),
)
# An extra RHK of the Kepala Bidang who is Plt. of a vacant Bidang (staff there intervene it).
PLT_RHK = R("Terkendalinya pembangunan dan preservasi jalan dan jembatan kabupaten (Plt. Kepala Bidang Bina Marga)",
            Q("Persentase panjang jalan kabupaten dalam kondisi mantap", 75, "%"),
            K("Panjang jalan dan jembatan yang direkonstruksi", 18, "Km"))

DIVISIONS: dict[str, tuple[Rhk, ...]] = {
    "Bagian Pemerintahan": (
        R("Terkoordinasinya penyelenggaraan pemerintahan umum dan kewilayahan",
          K("Jumlah laporan penyelenggaraan pemerintahan daerah yang tersusun", 1, "Dokumen"),
          W("Waktu penyampaian LPPD setelah tahun anggaran berakhir", 3, "Bulan")),
        R("Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan",
          Q("Persentase kecamatan yang menerapkan PATEN sesuai standar", 100, "%")),
    ),
    "Bagian Hukum": (
        R("Tersusunnya produk hukum daerah yang berkualitas",
          K("Jumlah rancangan peraturan daerah dan peraturan bupati yang difasilitasi", 40, "Rancangan"),
          Q("Persentase produk hukum yang lolos evaluasi tanpa revisi substansial", 90, "%")),
        R("Terlaksananya bantuan dan penyuluhan hukum",
          K("Jumlah perkara yang didampingi", 6, "Perkara"),
          K("Jumlah kegiatan penyuluhan hukum", 8, "Kegiatan")),
    ),
    "Bagian Kesejahteraan Rakyat": (
        R("Terkoordinasinya program kesejahteraan sosial dan keagamaan",
          K("Jumlah rapat koordinasi penanggulangan kemiskinan yang difasilitasi", 4, "Kegiatan"),
          Q("Persentase rekomendasi rapat koordinasi yang ditindaklanjuti", 80, "%")),
        R("Tersalurkannya hibah dan bantuan sosial tepat sasaran",
          Q("Persentase penerima hibah dan bantuan sosial yang memenuhi persyaratan", 100, "%"),
          W("Waktu verifikasi proposal hibah", 14, "Hari")),
    ),
    "Bagian Perekonomian dan Sumber Daya Alam": (
        R("Terkoordinasinya kebijakan pengendalian inflasi dan perekonomian daerah",
          K("Jumlah rekomendasi pengendalian inflasi daerah", 12, "Rekomendasi"),
          Q("Tingkat inflasi tahunan daerah", "1.5-3.5", "%")),
        R("Terfasilitasinya pembinaan badan usaha milik daerah",
          K("Jumlah laporan evaluasi kinerja BUMD", 2, "Dokumen")),
    ),
    "Bagian Pengadaan Barang dan Jasa": (
        R("Terselenggaranya pengadaan barang/jasa secara elektronik yang akuntabel",
          K("Jumlah paket tender dan seleksi yang diproses", 120, "Paket"),
          W("Rata-rata waktu proses tender sejak dokumen lengkap", 30, "Hari")),
        R("Meningkatnya pemanfaatan katalog elektronik",
          Q("Persentase belanja pengadaan melalui katalog elektronik", 40, "%")),
    ),
    "Bagian Organisasi": (
        R("Meningkatnya kualitas kelembagaan dan tata laksana perangkat daerah",
          K("Jumlah perangkat daerah yang dievaluasi kelembagaannya", 10, "Perangkat daerah"),
          Q("Persentase perangkat daerah dengan SOP mutakhir", 90, "%")),
        R("Terlaksananya evaluasi reformasi birokrasi dan pelayanan publik",
          K("Jumlah dokumen evaluasi reformasi birokrasi", 2, "Dokumen"),
          Q("Nilai Indeks Pelayanan Publik", "3.5", "Nilai")),
    ),
    "Bagian Umum": (
        R("Terpenuhinya pelayanan administrasi dan rumah tangga pimpinan",
          Q("Persentase kebutuhan rumah tangga pimpinan yang terpenuhi", 100, "%"),
          B("Persentase realisasi anggaran Bagian Umum", 95, "%")),
        R("Tertibnya administrasi keuangan Sekretariat Daerah",
          K("Jumlah laporan keuangan bulanan yang disampaikan tepat waktu", 12, "Laporan")),
    ),
    "Bagian Protokol dan Komunikasi Pimpinan": (
        R("Terlaksananya keprotokolan acara pimpinan daerah",
          K("Jumlah acara pimpinan yang difasilitasi keprotokolannya", 150, "Acara"),
          Q("Persentase acara yang berjalan sesuai susunan acara", 95, "%")),
        R("Terpublikasinya kegiatan dan kebijakan pimpinan daerah",
          K("Jumlah siaran pers kegiatan pimpinan", 120, "Rilis")),
    ),
    "Bidang Pembinaan Sekolah Dasar": (
        R("Meningkatnya mutu layanan pendidikan sekolah dasar",
          Q("Persentase SD dengan rapor pendidikan kategori baik", 55, "%"),
          K("Jumlah SD yang disupervisi", 60, "Sekolah")),
        R("Terpenuhinya sarana dan prasarana sekolah dasar sesuai standar",
          Q("Persentase ruang kelas SD dalam kondisi baik", 80, "%")),
    ),
    "Bidang Pembinaan Sekolah Menengah Pertama": (
        R("Meningkatnya mutu layanan pendidikan sekolah menengah pertama",
          Q("Persentase SMP dengan rapor pendidikan kategori baik", 60, "%"),
          K("Jumlah SMP yang disupervisi", 20, "Sekolah")),
        R("Terpenuhinya sarana dan prasarana sekolah menengah pertama sesuai standar",
          Q("Persentase ruang kelas SMP dalam kondisi baik", 85, "%")),
    ),
    "Bidang Guru dan Tenaga Kependidikan": (
        R("Meningkatnya kompetensi guru dan tenaga kependidikan",
          K("Jumlah guru yang mengikuti pelatihan", 300, "Orang"),
          Q("Persentase guru bersertifikat pendidik", 80, "%")),
        R("Terpenuhinya kebutuhan guru sesuai rasio",
          Q("Rasio peserta didik per guru SD", "15-20", "Peserta didik")),
    ),
    "Bidang Kesehatan Masyarakat": (
        R("Meningkatnya cakupan pelayanan kesehatan ibu dan anak",
          Q("Persentase persalinan di fasilitas pelayanan kesehatan", 95, "%"),
          Q("Jumlah kasus kematian ibu", 3, "Kasus", lower=True), hint="derajat kesehatan"),
        R("Menurunnya prevalensi stunting dan masalah gizi",
          Q("Prevalensi stunting pada balita", 14, "%", lower=True),
          K("Jumlah desa lokus stunting yang didampingi", 20, "Desa"), hint="derajat kesehatan"),
        R("Meningkatnya perilaku hidup bersih dan sehat masyarakat",
          Q("Persentase rumah tangga ber-PHBS", 70, "%"), hint="derajat kesehatan"),
    ),
    "Bidang Pencegahan dan Pengendalian Penyakit": (
        R("Meningkatnya cakupan imunisasi dasar lengkap",
          Q("Persentase bayi yang mendapat imunisasi dasar lengkap", 95, "%"), hint="pengendalian penyakit"),
        R("Terkendalinya penyakit menular dan kejadian luar biasa",
          Q("Persentase kasus TBC yang ditemukan dan diobati", 90, "%"),
          W("Waktu respons penyelidikan epidemiologi KLB", 24, "Jam")),
    ),
    "Bidang Pelayanan dan Sumber Daya Kesehatan": (
        R("Meningkatnya mutu pelayanan kesehatan dasar dan rujukan",
          Q("Persentase puskesmas terakreditasi paripurna", 100, "%"),
          K("Jumlah puskesmas yang dibina mutu layanannya", 3, "Puskesmas")),
        R("Terjaminnya ketersediaan obat dan perbekalan kesehatan",
          Q("Persentase ketersediaan obat esensial di puskesmas", 95, "%"), hint="mutu pelayanan"),
    ),
    "Bidang Sumber Daya Air": (
        R("Meningkatnya kondisi jaringan irigasi kewenangan kabupaten",
          Q("Persentase jaringan irigasi dalam kondisi baik", 70, "%"),
          K("Panjang saluran irigasi yang direhabilitasi", 12, "Km")),
        R("Terlaksananya operasi dan pemeliharaan jaringan irigasi",
          K("Jumlah daerah irigasi yang dipelihara", 8, "DI")),
    ),
    "Bidang Cipta Karya": (
        R("Meningkatnya akses air minum dan sanitasi layak",
          Q("Persentase rumah tangga dengan akses sanitasi layak", 85, "%"),
          K("Jumlah sambungan rumah air minum yang terbangun", 500, "SR")),
        R("Terbangunnya bangunan gedung negara sesuai standar",
          K("Jumlah bangunan gedung negara yang dibangun atau direhabilitasi", 6, "Unit"),
          Q("Persentase pekerjaan gedung yang selesai tepat mutu", 100, "%")),
    ),
    "Bidang Penataan Ruang": (
        R("Tersusunnya rencana detail tata ruang kawasan perkotaan",
          K("Jumlah dokumen RDTR yang disusun", 1, "Dokumen")),
        R("Meningkatnya pengendalian pemanfaatan ruang",
          Q("Persentase KKPR yang diterbitkan sesuai RTRW", 100, "%"),
          W("Rata-rata waktu penerbitan rekomendasi KKPR", 10, "Hari")),
    ),
    "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian": (
        R("Terkelolanya data dan informasi kepegawaian yang mutakhir",
          Q("Persentase data ASN di SIASN yang mutakhir", 98, "%")),
        R("Terlaksananya pengadaan dan pemberhentian ASN sesuai ketentuan",
          W("Waktu penyelesaian usul pensiun", 30, "Hari"),
          K("Jumlah dokumen usulan kebutuhan ASN", 1, "Dokumen")),
    ),
    "Bidang Mutasi dan Promosi": (
        R("Terlaksananya mutasi dan promosi ASN berbasis sistem merit",
          Q("Persentase pengisian JPT melalui seleksi terbuka", 100, "%"),
          K("Jumlah SK kenaikan pangkat yang diterbitkan", 450, "SK")),
        R("Terlaksananya uji kompetensi dan pemetaan talenta ASN",
          K("Jumlah ASN yang dipetakan talentanya", 300, "Orang")),
    ),
    "Bidang Pengembangan Kompetensi Aparatur": (
        R("Meningkatnya kompetensi ASN melalui pengembangan kompetensi",
          Q("Persentase ASN yang memperoleh pengembangan kompetensi 20 JP", 80, "%"),
          K("Jumlah pelatihan yang diselenggarakan", 12, "Kegiatan")),
        R("Terfasilitasinya tugas belajar dan izin belajar",
          W("Waktu penyelesaian rekomendasi izin belajar", 7, "Hari")),
    ),
    "Bidang Penilaian Kinerja Aparatur dan Penghargaan": (
        R("Meningkatnya kualitas pengelolaan kinerja ASN",
          Q("Persentase ASN dengan SKP yang disetujui tepat waktu", 95, "%"),
          K("Jumlah perangkat daerah yang didampingi penyusunan SKP", 10, "Perangkat daerah")),
        R("Terlaksananya pemberian penghargaan dan penegakan disiplin ASN",
          K("Jumlah usulan Satyalancana Karya Satya yang diproses", 120, "Usulan"),
          W("Waktu penyelesaian pemeriksaan disiplin", 30, "Hari")),
    ),
    "Bidang Pemerintahan dan Pembangunan Manusia": (
        R("Tersusunnya perencanaan pembangunan bidang pemerintahan dan pembangunan manusia",
          K("Jumlah dokumen perencanaan perangkat daerah mitra yang diverifikasi", 12, "Dokumen"),
          Q("Persentase program perangkat daerah mitra yang selaras dengan RPJMD", 95, "%")),
        R("Terlaksananya evaluasi pembangunan manusia",
          Q("Indeks Pembangunan Manusia", "70.5", "Indeks")),
    ),
    "Bidang Perekonomian dan Sumber Daya Alam": (
        R("Tersusunnya perencanaan pembangunan bidang perekonomian dan sumber daya alam",
          K("Jumlah dokumen perencanaan perangkat daerah mitra yang diverifikasi", 10, "Dokumen"),
          Q("Persentase program perangkat daerah mitra yang selaras dengan RPJMD", 95, "%")),
        R("Tersedianya analisis perekonomian daerah",
          K("Jumlah laporan analisis ekonomi makro daerah", 2, "Dokumen")),
    ),
    "Bidang Infrastruktur dan Kewilayahan": (
        R("Tersusunnya perencanaan pembangunan infrastruktur dan kewilayahan",
          K("Jumlah dokumen perencanaan infrastruktur yang diverifikasi", 8, "Dokumen")),
        R("Terkendalinya pelaksanaan program infrastruktur prioritas",
          Q("Persentase program prioritas infrastruktur yang dievaluasi", 100, "%")),
    ),
    "Bidang Penelitian dan Pengembangan": (
        R("Tersusunnya kajian kebijakan pembangunan daerah",
          K("Jumlah kajian yang diselesaikan", 4, "Kajian"),
          Q("Persentase rekomendasi kajian yang dimanfaatkan", 50, "%")),
        R("Meningkatnya inovasi daerah", K("Jumlah inovasi daerah yang dilaporkan", 40, "Inovasi")),
    ),
    "Bidang Anggaran": (
        R("Tersusunnya anggaran pendapatan dan belanja daerah tepat waktu",
          K("Jumlah dokumen anggaran yang ditetapkan tepat waktu", 3, "Dokumen"),
          Q("Persentase DPA perangkat daerah yang disahkan sebelum tahun anggaran", 100, "%")),
        R("Terkendalinya pelaksanaan anggaran daerah",
          Q("Persentase realisasi belanja daerah", 92, "%")),
    ),
    "Bidang Perbendaharaan": (
        R("Terlaksananya penatausahaan perbendaharaan daerah yang cepat dan tertib",
          W("Rata-rata waktu penerbitan SP2D", 2, "Hari"),
          K("Jumlah SP2D yang diterbitkan", 9000, "SP2D")),
        R("Terkelolanya kas daerah secara optimal",
          Q("Rasio saldo kas terhadap kebutuhan belanja bulanan", "1-1.5", "Kali")),
    ),
    "Bidang Akuntansi dan Pelaporan": (
        R("Tersusunnya laporan keuangan pemerintah daerah",
          K("Jumlah laporan keuangan pemerintah daerah yang disusun", 1, "Dokumen"),
          W("Waktu penyampaian LKPD unaudited sejak akhir tahun", 3, "Bulan")),
        R("Menurunnya temuan berulang atas pengelolaan keuangan",
          Q("Jumlah temuan berulang", 2, "Temuan", lower=True)),
    ),
    "Bidang Pengelolaan Aset Daerah": (
        R("Tertibnya penatausahaan barang milik daerah",
          Q("Persentase aset tanah bersertifikat", 70, "%"),
          K("Jumlah laporan barang milik daerah", 2, "Laporan")),
        R("Terlaksananya rekonsiliasi aset perangkat daerah",
          K("Jumlah perangkat daerah yang direkonsiliasi asetnya", 10, "Perangkat daerah")),
    ),
    "Bidang Aplikasi Informatika": (
        R("Meningkatnya layanan aplikasi dan infrastruktur SPBE",
          Q("Persentase ketersediaan layanan pusat data daerah", "99.5", "%"),
          K("Jumlah aplikasi layanan publik yang terintegrasi", 10, "Aplikasi")),
        R("Terjaminnya keamanan informasi pemerintah daerah",
          W("Waktu penanganan insiden keamanan siber", 24, "Jam")),
    ),
    "Bidang Informasi dan Komunikasi Publik": (
        R("Meningkatnya diseminasi informasi publik",
          K("Jumlah konten informasi publik yang dipublikasikan", 600, "Konten"),
          Q("Persentase permohonan informasi publik yang dilayani tepat waktu", 100, "%")),
        R("Terkelolanya pengaduan masyarakat melalui SP4N-LAPOR!",
          W("Rata-rata waktu tindak lanjut pengaduan", 5, "Hari")),
    ),
    "Bidang Statistik dan Persandian": (
        R("Tersedianya data statistik sektoral yang berkualitas",
          K("Jumlah dataset yang dipublikasikan di portal Satu Data", 150, "Dataset")),
        R("Terselenggaranya persandian untuk pengamanan informasi",
          Q("Persentase perangkat daerah yang menggunakan sertifikat elektronik", 100, "%")),
    ),
    # The seksi of a kecamatan are headed by a Pengawas directly under the Camat.
    "Seksi Pemerintahan": (
        R("Terlaksananya pembinaan administrasi pemerintahan desa",
          K("Jumlah desa yang dibina administrasi pemerintahannya", 12, "Desa")),
        R("Tertibnya pelayanan administrasi kependudukan tingkat kecamatan",
          W("Waktu penerbitan rekomendasi pindah datang", 1, "Hari")),
    ),
    "Seksi Ketenteraman dan Ketertiban Umum": (
        R("Terpeliharanya ketenteraman dan ketertiban umum di kecamatan",
          K("Jumlah patroli ketertiban", 48, "Kegiatan"),
          Q("Persentase gangguan ketertiban yang tertangani", 100, "%")),
    ),
    "Seksi Pemberdayaan Masyarakat dan Desa": (
        R("Meningkatnya pemberdayaan masyarakat desa",
          K("Jumlah desa yang didampingi penyusunan RKPDes", 12, "Desa"),
          Q("Persentase APBDes yang dievaluasi tepat waktu", 100, "%")),
    ),
    "Seksi Pelayanan Umum": (
        R("Meningkatnya kualitas layanan PATEN",
          Q("Indeks kepuasan masyarakat terhadap layanan PATEN", 82, "Nilai"),
          W("Waktu penyelesaian surat keterangan", 1, "Hari")),
    ),
}

# --- Pengawas (Kepala Seksi / Subbagian / UPTD); matched on the start of the unit name ---------
SUBUNITS: dict[str, tuple[Rhk, ...]] = {
    names.UMUM_KEPEG: (
        R("Terselenggaranya layanan administrasi kepegawaian yang cepat dan tertib",
          K("Jumlah usulan layanan kepegawaian (kenaikan pangkat, cuti, KGB) yang diproses", 120, "Usulan"),
          W("Rata-rata waktu penyelesaian usulan layanan kepegawaian", 5, "Hari")),
        R("Tertibnya pengelolaan kinerja dan disiplin pegawai",
          Q("Persentase pegawai dengan SKP yang disetujui tepat waktu", 100, "%"),
          Q("Persentase kehadiran pegawai", 95, "%")),
        R("Terkelolanya persuratan, kearsipan dan barang milik daerah",
          Q("Persentase arsip aktif yang tertata sesuai klasifikasi", 90, "%"),
          K("Jumlah laporan barang milik daerah", 2, "Laporan")),
    ),
    names.PERENC_KEU: (
        R("Tersusunnya dokumen perencanaan dan anggaran perangkat daerah",
          K("Jumlah dokumen Renja, RKA dan DPA yang tersusun", 3, "Dokumen"),
          W("Waktu penyampaian RKA setelah pagu indikatif ditetapkan", 14, "Hari")),
        R("Tertibnya penatausahaan keuangan perangkat daerah",
          K("Jumlah laporan keuangan bulanan yang tersusun", 12, "Laporan"),
          B("Persentase realisasi anggaran", 95, "%")),
    ),
    "Subbagian Keuangan": (
        R("Tertibnya penatausahaan keuangan Sekretariat Daerah",
          K("Jumlah laporan keuangan bulanan yang tersusun", 12, "Laporan"),
          W("Rata-rata waktu verifikasi SPJ", 3, "Hari")),
    ),
    "Subbagian Tata Usaha Pimpinan": (
        R("Terlaksananya tata usaha dan persuratan pimpinan",
          K("Jumlah surat pimpinan yang diadministrasikan", 2400, "Surat"),
          W("Waktu penyampaian disposisi pimpinan", 1, "Hari")),
    ),
    "Subbagian Rumah Tangga": (
        R("Terpenuhinya kebutuhan rumah tangga pimpinan",
          Q("Persentase kebutuhan rumah tangga pimpinan yang terpenuhi", 100, "%"),
          K("Jumlah kendaraan dinas yang dipelihara", 25, "Unit")),
    ),
    "Subbagian Administrasi Kewilayahan": (
        R("Terfasilitasinya penegasan batas wilayah desa",
          K("Jumlah segmen batas desa yang ditegaskan", 6, "Segmen")),
        R("Tersusunnya evaluasi penyelenggaraan pemerintahan kecamatan",
          K("Jumlah laporan evaluasi kinerja kecamatan", 1, "Dokumen")),
    ),
    "Seksi Kurikulum dan Peserta Didik": (
        R("Terlaksananya pembinaan kurikulum dan peserta didik",
          K("Jumlah sekolah yang didampingi implementasi kurikulum", 20, "Sekolah"),
          Q("Persentase peserta didik yang lulus tepat waktu", 98, "%")),
        R("Terlaksananya asesmen nasional dan pelaporan mutu",
          Q("Persentase sekolah yang mengikuti asesmen nasional", 100, "%")),
    ),
    "Seksi Sarana dan Prasarana": (
        R("Terpenuhinya sarana dan prasarana sekolah",
          K("Jumlah ruang kelas yang direhabilitasi", 24, "Ruang"),
          Q("Persentase pekerjaan rehabilitasi yang selesai tepat waktu", 100, "%")),
    ),
    "Seksi Kesehatan Keluarga dan Gizi": (
        R("Meningkatnya pelayanan kesehatan ibu, anak dan gizi",
          Q("Persentase ibu hamil yang mendapat pelayanan antenatal enam kali", 90, "%"),
          Q("Persentase balita gizi kurang yang mendapat makanan tambahan", 100, "%")),
        R("Terlaksananya pemantauan pertumbuhan balita dan pencegahan stunting",
          K("Jumlah posyandu yang dibina", 60, "Posyandu")),
    ),
    "Seksi Promosi dan Pemberdayaan Masyarakat": (
        R("Meningkatnya perilaku hidup bersih dan sehat",
          Q("Persentase rumah tangga ber-PHBS", 70, "%"),
          K("Jumlah kegiatan promosi kesehatan", 24, "Kegiatan")),
        R("Meningkatnya peran serta masyarakat di bidang kesehatan",
          K("Jumlah desa siaga aktif", 20, "Desa")),
    ),
    "Seksi Surveilans dan Imunisasi": (
        R("Meningkatnya cakupan dan mutu imunisasi",
          Q("Persentase desa/kelurahan UCI", 95, "%"),
          Q("Suhu penyimpanan vaksin di gudang farmasi", "2-8", "°C")),
        R("Terlaksananya surveilans penyakit berpotensi KLB",
          Q("Persentase kelengkapan laporan mingguan SKDR", 90, "%"),
          W("Waktu respons sinyal kewaspadaan dini", 24, "Jam")),
    ),
    "Seksi Pengendalian Penyakit Menular": (
        R("Terkendalinya penyakit menular langsung",
          Q("Persentase kasus TBC yang diobati sampai sembuh", 90, "%"),
          K("Jumlah orang berisiko yang diskrining HIV", 2000, "Orang")),
        R("Terkendalinya demam berdarah dengue", Q("Angka bebas jentik", 95, "%")),
    ),
    "Seksi Pelayanan Kesehatan": (
        R("Meningkatnya mutu pelayanan kesehatan primer",
          K("Jumlah puskesmas yang dibimbing akreditasi", 3, "Puskesmas"),
          Q("Persentase puskesmas dengan indeks kepuasan pasien baik", 100, "%")),
        R("Terlaksananya sistem rujukan terintegrasi",
          W("Waktu respons rujukan gawat darurat", 30, "Menit")),
    ),
    "Seksi Kefarmasian dan Alat Kesehatan": (
        R("Terjaminnya ketersediaan obat dan vaksin",
          Q("Persentase ketersediaan obat esensial", 95, "%"),
          Q("Persentase obat kedaluwarsa di gudang farmasi", 1, "%", lower=True)),
        R("Terlaksananya pengawasan sarana kefarmasian",
          K("Jumlah apotek dan toko obat yang dibina", 40, "Sarana")),
    ),
    "Seksi Pembangunan Jalan dan Jembatan": (
        R("Terbangunnya jalan dan jembatan kabupaten sesuai rencana",
          K("Panjang jalan yang dibangun atau ditingkatkan", 12, "Km"),
          Q("Persentase paket pekerjaan jalan yang selesai tepat mutu", 100, "%")),
    ),
    "Seksi Preservasi Jalan dan Jembatan": (
        R("Terpeliharanya jalan dan jembatan kabupaten",
          K("Panjang jalan yang dipelihara rutin", 150, "Km"),
          W("Waktu penanganan kerusakan darurat jalan", 3, "Hari")),
    ),
    "Seksi Irigasi dan Rawa": (
        R("Terpeliharanya jaringan irigasi dan rawa",
          K("Panjang saluran irigasi yang dipelihara", 40, "Km"),
          Q("Persentase pintu air yang berfungsi baik", 90, "%")),
    ),
    "Seksi Air Minum dan Sanitasi": (
        R("Meningkatnya layanan air minum dan sanitasi",
          K("Jumlah sambungan rumah air minum yang terbangun", 500, "SR"),
          K("Jumlah unit sanitasi komunal yang terbangun", 8, "Unit")),
    ),
    "Seksi Bangunan Gedung": (
        R("Terlaksananya pembangunan dan penataan bangunan gedung",
          K("Jumlah bangunan gedung negara yang diawasi", 6, "Unit"),
          W("Waktu penerbitan rekomendasi teknis PBG", 5, "Hari")),
    ),
    "Seksi Belanja dan Pembiayaan": (
        R("Terlaksananya penatausahaan belanja dan pembiayaan daerah",
          W("Rata-rata waktu verifikasi SPM", 1, "Hari"),
          K("Jumlah SPM yang diverifikasi", 9000, "SPM")),
    ),
    "Seksi Kas Daerah": (
        R("Terkelolanya kas daerah",
          Q("Rasio saldo kas terhadap kebutuhan belanja bulanan", "1-1.5", "Kali"),
          K("Jumlah laporan posisi kas harian", 240, "Laporan")),
    ),
}
PUSKESMAS = (
    R("Meningkatnya mutu pelayanan kesehatan di wilayah kerja puskesmas",
      Q("Nilai indeks kepuasan masyarakat puskesmas", 85, "Nilai"),
      Q("Persentase standar pelayanan minimal bidang kesehatan yang tercapai", 100, "%")),
    R("Meningkatnya cakupan kesehatan ibu, anak dan imunisasi di wilayah kerja",
      Q("Persentase persalinan di fasilitas pelayanan kesehatan", 95, "%"),
      Q("Persentase bayi dengan imunisasi dasar lengkap", 95, "%"), hint="derajat kesehatan"),
    R("Terkendalinya penyakit menular di wilayah kerja puskesmas",
      Q("Persentase terduga TBC yang diperiksa", 90, "%")),
)
SCHOOL = (
    R("Meningkatnya mutu pembelajaran di satuan pendidikan",
      Q("Persentase peserta didik dengan kemampuan literasi di atas kompetensi minimum", 70, "%"),
      Q("Persentase guru yang melaksanakan pembelajaran berdiferensiasi", 80, "%")),
    R("Terkelolanya satuan pendidikan secara akuntabel",
      K("Jumlah laporan penggunaan dana BOSP", 2, "Laporan"),
      K("Jumlah kegiatan supervisi akademik", 2, "Kegiatan")),
)


def generic_unit(name: str) -> tuple[Rhk, ...]:
    """RHK for a unit the tables do not know, from its name."""
    return (
        R(f"Terlaksananya program dan kegiatan {name} sesuai rencana kerja",
          Q("Persentase kegiatan yang terlaksana sesuai jadwal", 100, "%")),
        R(f"Tersusunnya laporan kinerja {name}", K("Jumlah laporan kinerja triwulanan", 4, "Laporan")),
    )


# --- Staff: two utama RHK per jabatan family (matched on the start of the jabatan) -------------
STAFF: dict[str, tuple[Rhk, ...]] = {
    "Pengadministrasi Perkantoran": (
        R("Terlaksananya pengadministrasian persuratan unit kerja",
          K("Jumlah surat masuk dan keluar yang diagendakan", 1200, "Surat"),
          W("Waktu pengagendaan dan distribusi surat", 1, "Hari")),
        R("Tersusunnya rekapitulasi administrasi kehadiran dan kegiatan kantor",
          K("Jumlah rekap daftar hadir bulanan", 12, "Dokumen")),
    ),
    "Operator Layanan Operasional": (
        R("Terlaksananya layanan operasional kantor",
          K("Jumlah permintaan layanan operasional yang ditangani", 240, "Layanan"),
          Q("Persentase layanan yang selesai tanpa keluhan", 95, "%")),
        R("Terpeliharanya sarana dan peralatan kantor",
          K("Jumlah laporan pemeliharaan peralatan", 12, "Laporan")),
    ),
    "Pengolah Data dan Informasi": (
        R("Tersedianya data dan informasi unit kerja yang mutakhir",
          K("Jumlah basis data yang dimutakhirkan", 12, "Dokumen"),
          Q("Persentase data yang valid saat diverifikasi", 98, "%")),
        R("Tersusunnya bahan laporan berbasis data", K("Jumlah bahan laporan yang disusun", 4, "Laporan")),
    ),
    "Pengelola Layanan Operasional": (
        R("Terkelolanya layanan operasional dan logistik unit kerja",
          K("Jumlah dokumen pengelolaan logistik", 12, "Dokumen"),
          W("Waktu pemenuhan permintaan logistik", 3, "Hari")),
        R("Tertibnya administrasi barang persediaan", K("Jumlah laporan stok opname", 4, "Laporan")),
    ),
    "Penata Layanan Operasional": (
        R("Tersusunnya bahan kebijakan teknis unit kerja",
          K("Jumlah telaahan staf dan bahan kebijakan yang disusun", 12, "Dokumen"),
          Q("Persentase bahan yang diterima pimpinan tanpa revisi", 85, "%")),
        R("Terlaksananya koordinasi pelaksanaan program unit kerja",
          K("Jumlah laporan hasil koordinasi", 12, "Laporan")),
    ),
    "Penelaah Teknis Kebijakan": (
        R("Tersusunnya telaahan teknis kebijakan",
          K("Jumlah telaahan teknis kebijakan", 12, "Dokumen"),
          Q("Persentase telaahan yang menjadi dasar keputusan pimpinan", 70, "%")),
        R("Terlaksananya inventarisasi permasalahan kebijakan", K("Jumlah laporan inventarisasi", 4, "Laporan")),
    ),
    "Analis Kebijakan": (
        R("Tersusunnya kajian dan rekomendasi kebijakan",
          K("Jumlah policy brief yang disusun", 4, "Dokumen"),
          Q("Persentase rekomendasi kebijakan yang ditindaklanjuti", 50, "%")),
        R("Terlaksananya analisis dampak kebijakan", K("Jumlah laporan analisis dampak kebijakan", 2, "Laporan")),
    ),
    "Analis SDM Aparatur": (
        R("Terlaksananya analisis kebutuhan dan pengelolaan kinerja pegawai",
          K("Jumlah dokumen analisis jabatan dan beban kerja", 1, "Dokumen"),
          Q("Persentase SKP pegawai yang diverifikasi", 100, "%")),
        R("Terkelolanya pengembangan kompetensi pegawai",
          K("Jumlah pegawai yang difasilitasi pengembangan kompetensinya", 40, "Orang")),
    ),
    "Pranata SDM Aparatur": (
        R("Terlaksananya administrasi kepegawaian",
          K("Jumlah usulan kenaikan gaji berkala dan pangkat yang diproses", 60, "Usulan"),
          W("Waktu penyiapan berkas usulan", 3, "Hari")),
        R("Termutakhirnya data kepegawaian di SIASN", Q("Persentase data pegawai yang mutakhir", 100, "%")),
    ),
    "Arsiparis": (
        R("Terkelolanya arsip dinamis unit kerja",
          K("Jumlah berkas arsip yang ditata dan didaftar", 600, "Berkas"),
          Q("Persentase arsip yang ditemukan kembali dalam 5 menit", 95, "%")),
        R("Terlaksananya penyusutan arsip", K("Jumlah daftar arsip usul musnah", 1, "Dokumen")),
    ),
    "Pranata Komputer": (
        R("Terkelolanya sistem informasi dan jaringan unit kerja",
          Q("Persentase ketersediaan layanan sistem informasi", 99, "%"),
          W("Waktu pemulihan gangguan jaringan", 4, "Jam")),
        R("Terlaksananya pengembangan dan pemeliharaan aplikasi",
          K("Jumlah modul aplikasi yang dikembangkan atau dipelihara", 6, "Modul")),
    ),
    "Perencana": (
        R("Tersusunnya dokumen perencanaan program",
          K("Jumlah dokumen perencanaan yang disusun", 4, "Dokumen"),
          Q("Persentase indikator kinerja yang selaras dengan dokumen induk", 100, "%")),
        R("Terlaksananya pemantauan dan evaluasi rencana", K("Jumlah laporan evaluasi triwulanan", 4, "Laporan")),
    ),
    "Auditor": (
        R("Terlaksananya audit kinerja dan keuangan",
          K("Jumlah penugasan audit", 10, "Penugasan"),
          W("Waktu penyelesaian kertas kerja audit", 10, "Hari")),
        R("Terpantaunya tindak lanjut rekomendasi audit",
          Q("Persentase rekomendasi yang dipantau tindak lanjutnya", 100, "%")),
    ),
    "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah": (
        R("Terlaksananya pengawasan urusan pemerintahan daerah", K("Jumlah laporan hasil pengawasan", 8, "Laporan")),
        R("Terlaksananya reviu dokumen perencanaan dan anggaran", K("Jumlah reviu RKA dan RKPD", 6, "Dokumen")),
    ),
    "Analis Keuangan Pusat dan Daerah": (
        R("Tersusunnya analisis keuangan daerah",
          K("Jumlah laporan analisis keuangan", 4, "Laporan"),
          Q("Persentase laporan keuangan yang diverifikasi tanpa koreksi", 95, "%")),
        R("Terverifikasinya dokumen pertanggungjawaban belanja",
          K("Jumlah SPJ yang diverifikasi", 600, "Dokumen"),
          W("Waktu verifikasi SPJ", 3, "Hari")),
    ),
    "Pengelola Pengadaan Barang/Jasa": (
        R("Terlaksananya pemilihan penyedia barang/jasa",
          K("Jumlah paket pemilihan yang diproses", 30, "Paket"),
          W("Waktu proses pemilihan penyedia", 30, "Hari")),
        R("Tersusunnya dokumen pemilihan yang sesuai ketentuan",
          Q("Persentase paket tanpa sanggah yang terbukti benar", 100, "%")),
    ),
    "Perancang Peraturan Perundang-undangan": (
        R("Tersusunnya rancangan produk hukum daerah",
          K("Jumlah rancangan peraturan daerah dan peraturan bupati yang disusun", 10, "Rancangan"),
          Q("Persentase rancangan yang lolos harmonisasi", 90, "%")),
        R("Terlaksananya harmonisasi rancangan produk hukum",
          K("Jumlah rancangan yang diharmonisasi", 20, "Rancangan")),
    ),
    "Pranata Hubungan Masyarakat": (
        R("Terpublikasinya informasi kegiatan pemerintah daerah",
          K("Jumlah rilis dan konten publikasi", 120, "Konten"),
          Q("Persentase konten yang terbit pada hari kegiatan", 90, "%")),
        R("Terkelolanya hubungan dengan media", K("Jumlah kegiatan jumpa pers", 6, "Kegiatan")),
    ),
    "Statistisi": (
        R("Tersedianya data statistik sektoral",
          K("Jumlah tabel statistik sektoral yang disusun", 50, "Tabel"),
          Q("Persentase data yang memenuhi prinsip Satu Data", 90, "%")),
        R("Tersusunnya publikasi statistik daerah", K("Jumlah publikasi statistik", 2, "Publikasi")),
    ),
    "Sandiman": (
        R("Terselenggaranya pengamanan informasi berklasifikasi",
          Q("Persentase dokumen rahasia yang dikirim melalui saluran sandi", 100, "%")),
        R("Terlaksananya layanan sertifikat elektronik",
          K("Jumlah sertifikat elektronik yang diterbitkan", 150, "Sertifikat"),
          W("Waktu penerbitan sertifikat elektronik", 2, "Hari")),
    ),
    "Teknik Jalan dan Jembatan": (
        R("Terlaksananya perencanaan teknis jalan dan jembatan", K("Jumlah dokumen DED yang direviu", 6, "Dokumen")),
        R("Terawasinya pekerjaan konstruksi jalan dan jembatan",
          Q("Persentase pekerjaan yang sesuai spesifikasi teknis", 100, "%"),
          K("Panjang jalan yang diawasi", 20, "Km")),
    ),
    "Teknik Pengairan": (
        R("Terlaksananya perencanaan teknis jaringan irigasi",
          K("Jumlah dokumen perencanaan irigasi", 3, "Dokumen")),
        R("Terpantaunya kondisi jaringan irigasi",
          K("Jumlah daerah irigasi yang disurvei", 8, "DI"),
          Q("Persentase laporan kondisi irigasi yang tepat waktu", 100, "%")),
    ),
    "Teknik Tata Bangunan dan Perumahan": (
        R("Terlaksananya pemeriksaan teknis bangunan gedung",
          K("Jumlah bangunan yang diperiksa kelaikan fungsinya", 30, "Bangunan"),
          W("Waktu pemeriksaan dokumen PBG", 5, "Hari")),
        R("Terawasinya pembangunan gedung negara", Q("Persentase pekerjaan gedung sesuai rencana", 100, "%")),
    ),
    "Penata Ruang": (
        R("Terlaksananya kajian kesesuaian pemanfaatan ruang",
          K("Jumlah kajian KKPR", 40, "Kajian"),
          W("Waktu penyelesaian kajian KKPR", 5, "Hari")),
        R("Tersusunnya bahan teknis rencana detail tata ruang", K("Jumlah peta dan bahan teknis RDTR", 4, "Dokumen")),
    ),
    "Dokter Gigi": (
        R("Terlaksananya pelayanan kesehatan gigi dan mulut", K("Jumlah pasien gigi yang dilayani", 1200, "Pasien")),
        R("Terlaksananya usaha kesehatan gigi sekolah", K("Jumlah sekolah yang dilayani UKGS", 10, "Sekolah")),
    ),
    "Dokter": (
        R("Terlaksananya pelayanan medis di puskesmas",
          K("Jumlah pasien yang dilayani", 3000, "Pasien"),
          Q("Rasio rujukan kasus non-spesialistik", 2, "%", lower=True)),
        R("Terlaksananya program kesehatan masyarakat", K("Jumlah kegiatan penyuluhan dan skrining", 12, "Kegiatan")),
    ),
    "Perawat": (
        R("Terlaksananya asuhan keperawatan pasien",
          K("Jumlah pasien yang diberi asuhan keperawatan", 1500, "Pasien"),
          Q("Persentase dokumentasi asuhan keperawatan yang lengkap", 95, "%")),
        R("Terlaksananya perawatan kesehatan masyarakat", K("Jumlah kunjungan rumah keluarga rawan", 48, "Kunjungan")),
    ),
    "Bidan": (
        R("Terlaksananya pelayanan kesehatan ibu hamil, bersalin dan nifas",
          K("Jumlah ibu hamil yang mendapat pelayanan antenatal", 150, "Orang"),
          Q("Persentase persalinan normal tanpa komplikasi", 95, "%")),
        R("Terlaksananya pelayanan keluarga berencana dan kesehatan bayi",
          K("Jumlah akseptor KB yang dilayani", 200, "Orang")),
    ),
    "Apoteker": (
        R("Terkelolanya sediaan farmasi di puskesmas",
          Q("Persentase ketersediaan obat esensial", 95, "%"),
          Q("Persentase obat kedaluwarsa", 1, "%", lower=True)),
        R("Terlaksananya pelayanan kefarmasian", W("Waktu tunggu pelayanan resep", 15, "Menit")),
    ),
    "Nutrisionis": (
        R("Terlaksananya pelayanan gizi masyarakat",
          K("Jumlah balita yang dipantau status gizinya", 600, "Balita"),
          Q("Persentase balita gizi buruk yang ditangani", 100, "%")),
        R("Terlaksananya konseling gizi", K("Jumlah sesi konseling gizi", 48, "Sesi")),
    ),
    "Sanitarian": (
        R("Terlaksananya inspeksi kesehatan lingkungan",
          K("Jumlah tempat pengelolaan pangan yang diinspeksi", 60, "Tempat")),
        R("Terlaksananya sanitasi total berbasis masyarakat",
          K("Jumlah desa yang dipicu STBM", 6, "Desa"),
          Q("Persentase keluarga dengan akses jamban sehat", 85, "%")),
    ),
    "Pranata Laboratorium Kesehatan": (
        R("Terlaksananya pemeriksaan laboratorium kesehatan",
          K("Jumlah spesimen yang diperiksa", 2500, "Spesimen"),
          W("Waktu penyerahan hasil pemeriksaan rutin", 2, "Jam")),
        R("Terjaminnya mutu pemeriksaan laboratorium", Q("Suhu penyimpanan reagen", "2-8", "°C")),
    ),
    "Epidemiolog Kesehatan": (
        R("Terlaksananya surveilans epidemiologi",
          Q("Persentase kelengkapan laporan surveilans mingguan", 90, "%"),
          K("Jumlah kajian epidemiologi", 4, "Kajian")),
        R("Terlaksananya penyelidikan epidemiologi kejadian luar biasa",
          W("Waktu penyelidikan sejak sinyal diterima", 24, "Jam")),
    ),
    "Penyuluh Kesehatan Masyarakat": (
        R("Terlaksananya promosi kesehatan",
          K("Jumlah kegiatan penyuluhan kesehatan", 36, "Kegiatan"),
          Q("Persentase sasaran yang memahami pesan kesehatan", 80, "%")),
        R("Terbinanya upaya kesehatan bersumber daya masyarakat", K("Jumlah posyandu yang dibina", 20, "Posyandu")),
    ),
    "Administrator Kesehatan": (
        R("Tersusunnya analisis program pelayanan kesehatan", K("Jumlah laporan analisis program", 4, "Laporan")),
        R("Terlaksananya pembinaan mutu fasilitas pelayanan kesehatan",
          K("Jumlah fasilitas pelayanan kesehatan yang dibina", 6, "Fasyankes"),
          Q("Persentase rekomendasi pembinaan yang ditindaklanjuti", 80, "%")),
    ),
    "Guru": (
        R("Terlaksananya pembelajaran yang berpusat pada peserta didik",
          K("Jumlah modul ajar yang disusun", 12, "Modul"),
          Q("Persentase peserta didik yang mencapai tujuan pembelajaran", 85, "%")),
        R("Terlaksananya asesmen dan bimbingan peserta didik",
          K("Jumlah laporan hasil belajar peserta didik", 2, "Laporan")),
    ),
}
TAMBAHAN = (
    R("Terlaksananya tugas sebagai anggota tim penyusun laporan kinerja perangkat daerah",
      K("Jumlah bahan laporan kinerja yang disusun", 1, "Dokumen")),
    R("Terlaksananya tugas sebagai panitia peringatan hari jadi kabupaten",
      K("Jumlah laporan pelaksanaan kepanitiaan", 1, "Laporan")),
    R("Terlaksananya tugas sebagai agen perubahan reformasi birokrasi",
      K("Jumlah aksi perubahan yang dilaksanakan", 2, "Kegiatan")),
)

# The jabatan the demo indicator library covers, the most common in the demo (the library copies
# their STAFF entries).
LIBRARY = ("Penata Layanan Operasional", "Pengadministrasi Perkantoran", "Guru Ahli Pertama",
           "Analis SDM Aparatur Ahli Pertama")

LAMPIRAN = (
    "Anggaran DPA {opd} Tahun {year}\nSarana kerja: komputer, jaringan internet dan aplikasi Capaian\n"
    "Dukungan rekan kerja dalam tim",
    "Realisasi dilaporkan setiap triwulan kepada Pejabat Penilai Kinerja\n"
    "Bukti dukung diunggah pada aplikasi Capaian",
    "Capaian kinerja menjadi dasar pembayaran tambahan penghasilan pegawai\n"
    "Predikat kinerja menjadi pertimbangan pengembangan karier",
)
# Ekspektasi khusus pimpinan, per BerAKHLAK value (position 1..7); one is chosen per pegawai.
EXPECTATIONS = {
    1: ("Melayani permintaan rekan kerja dan masyarakat paling lambat satu hari kerja.",
        "Menindaklanjuti setiap keluhan layanan dan melaporkannya dalam rapat bulanan."),
    2: ("Menyelesaikan pekerjaan sesuai jadwal dan melaporkan kendala lebih awal.",
        "Menggunakan barang milik daerah secara tertib dan mencatat pemakaiannya."),
    3: ("Mengikuti paling sedikit 20 JP pengembangan kompetensi tahun ini.",
        "Berbagi pengetahuan dengan rekan satu tim setidaknya sekali dalam satu triwulan."),
    4: ("Menjaga suasana kerja yang saling menghargai dan membantu rekan yang kesulitan.",
        "Aktif dalam kegiatan kebersamaan unit kerja."),
    5: ("Menjaga kerahasiaan data pegawai dan dokumen dinas.",
        "Menjaga nama baik instansi dalam komunikasi di media sosial."),
    6: ("Menyesuaikan cara kerja dengan aplikasi dan prosedur baru tanpa menunda pekerjaan.",
        "Mengusulkan paling sedikit satu perbaikan cara kerja unit tahun ini."),
    7: ("Berkoordinasi dengan unit lain sebelum menyusun bahan yang lintas bidang.",
        "Melibatkan rekan tim dalam penyelesaian pekerjaan bersama."),
}
RETURN_REASONS = (
    "Target kuantitas pada RHK pertama lebih rendah dari realisasi tahun lalu; sesuaikan dengan "
    "rencana kerja unit.",
    "RHK kedua belum menunjukkan hasil kerja yang terukur; rumuskan ulang dan tambahkan IKI waktu.",
)
CHANGE_REASON = "Penugasan baru sebagai pengelola data SIASN sejak Juli; RHK dan target disesuaikan."
REVISED_RHK = R("Termutakhirnya data kepegawaian pada SIASN",
                Q("Persentase data ASN yang dimutakhirkan", 100, "%"),
                W("Waktu verifikasi usulan perubahan data", 3, "Hari"))
