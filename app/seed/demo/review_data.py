"""What the demo's reviews say: feedback phrases, the assessors' feedback, the reasons for a rating
other than the suggestion, the organisation results, the annual evaluations of the demo teams,
their keberatan and follow-up. Plain data only; app/seed/demo/reviews.py uses it."""
from __future__ import annotations

# The pick-list of common phrases on the review page (PhraseScope, text).
PHRASES = (
    ("HASIL", "Pertahankan ketepatan waktu penyelesaian pekerjaan."),
    ("HASIL", "Lengkapi bukti dukung untuk setiap realisasi."),
    ("HASIL", "Capaian di bawah target; susun rencana percepatan untuk triwulan berikutnya."),
    ("HASIL", "Hasil kerja melampaui target; bagikan caranya kepada rekan satu tim."),
    ("HASIL", "Periksa kembali data sebelum dilaporkan agar tidak perlu revisi."),
    ("PERILAKU", "Terus tunjukkan sikap melayani yang ramah dan cekatan."),
    ("PERILAKU", "Tingkatkan koordinasi dengan unit kerja lain sejak awal kegiatan."),
    ("PERILAKU", "Sampaikan kendala lebih awal kepada atasan."),
    ("PERILAKU", "Inisiatif Anda membantu rekan kerja sangat dihargai."),
    ("PERILAKU", "Manfaatkan pelatihan daring untuk menambah kompetensi."),
)

# Feedback on an RHK by how its utama IKI went ({rhk}: the RHK text, shortened).
RESULT_FEEDBACK = {
    "below": (
        "Capaian \u201c{rhk}\u201d masih di bawah target. Susun rencana percepatan dan laporkan kendalanya lebih awal.",
        "Untuk \u201c{rhk}\u201d, kejar kekurangan triwulan ini pada awal triwulan berikutnya; minta bantuan bila "
        "data dari unit lain terlambat.",
    ),
    "around": (
        "\u201c{rhk}\u201d berjalan sesuai rencana. Pertahankan ketepatan waktu dan kelengkapan bukti dukung.",
        "Hasil \u201c{rhk}\u201d sudah sesuai target. Lengkapi bukti dukung agar mudah diperiksa.",
        "Pekerjaan \u201c{rhk}\u201d rapi dan tepat waktu; pertahankan.",
    ),
    "above": (
        "Capaian \u201c{rhk}\u201d melampaui target. Bagikan cara kerjanya kepada rekan satu tim.",
        "Hasil \u201c{rhk}\u201d sangat baik; dokumentasikan langkahnya sebagai standar kerja unit.",
    ),
}

# Feedback on a BerAKHLAK value (CoreValue.position 1–7).
VALUE_FEEDBACK = {
    1: "Pelayanan kepada pemohon ramah dan cepat; terima kasih sudah menindaklanjuti keluhan pada hari yang sama.",
    2: "Pelaporan tepat waktu dan jujur tentang kendala; pertahankan.",
    3: "Terus ikuti pelatihan daring dan bagikan materinya kepada rekan.",
    4: "Suasana kerja tim terbantu oleh kesediaan Anda membantu rekan.",
    5: "Menjaga kerahasiaan data pegawai dengan baik.",
    6: "Cepat menyesuaikan diri dengan aplikasi baru; usulkan perbaikan bila ada kendala.",
    7: "Koordinasi dengan unit kerja lain berjalan baik; libatkan mereka sejak awal kegiatan.",
}

# Why the Pejabat Penilai chose another Rating Hasil Kerja than the capaian suggest.
SCHEDULED_REASON = ("Capaian turun karena IKI \u201c{iki}\u201d dijadwalkan selesai pada triwulan berikutnya sesuai "
                    "rencana kerja; IKI utama lainnya sesuai target.")
LOWER_REASONS = (
    "Capaian tinggi terutama karena target triwulan ini rendah; kualitas keluaran sesuai ekspektasi, belum di atasnya.",
    "Sebagian realisasi di atas target berasal dari pekerjaan tim; kontribusi pribadi sesuai ekspektasi.",
)
LENIENT_REASONS = (
    "Capaian sedikit di bawah target karena data dari unit lain terlambat; keluaran yang diserahkan berkualitas baik.",
    "Kekurangan capaian dikejar pada awal triwulan berikutnya sesuai rencana yang sudah disepakati; kualitas "
    "kerja sesuai ekspektasi.",
    "Sebagian kegiatan dijadwalkan ulang oleh pimpinan; bagian yang menjadi tanggung jawab pegawai selesai.",
)
HIGHER_REASONS = (
    "Selain target IKI, menyelesaikan tugas tambahan pimpinan yang berdampak luas pada layanan unit kerja.",
)

# Predikat kinerja organisasi 2026 per OPD (name → (OrgPredikat, capaian, note)).
ORG_RESULTS = {
    "Sekretariat Daerah": ("BAIK", "101.20", None),
    "Dinas Pendidikan": ("BAIK", "98.75", None),
    "Dinas Kesehatan": (
        "BAIK", "103.40", "Angka kematian ibu turun di bawah target; akreditasi puskesmas sesuai rencana."),
    "Dinas Pekerjaan Umum dan Penataan Ruang": (
        "BUTUH_PERBAIKAN", "84.60", "Kemantapan jalan dan layanan irigasi di bawah target karena kontrak terlambat."),
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia": ("BAIK", "100.85", None),
    "Badan Perencanaan Pembangunan Daerah": ("BAIK", "99.10", None),
    "Inspektorat Daerah": ("BAIK", "102.30", None),
    "Badan Pengelolaan Keuangan dan Aset Daerah": (
        "ISTIMEWA", "112.40", "Opini WTP kedelapan berturut-turut; realisasi pendapatan asli daerah 108 %."),
    "Dinas Komunikasi dan Informatika": ("BAIK", "104.20", None),
    "Kecamatan Tanjung Harapan": ("BAIK", "97.60", None),
}

# The annual evaluation of some teams (early, for the demo): (OPD, unit of the Pejabat Penilai),
# the hand-over day in November 2026, the predikat from the highest year capaian down
# (the rest of the team is Baik), and whether the results are handed over or still a draft.
ANNUAL_TEAMS = (
    {"opd": "Dinas Kesehatan", "unit": "UPTD Puskesmas Tanjung Harapan", "day": 3,
     "top": ("SANGAT_BAIK", "SANGAT_BAIK"), "bottom": ("BUTUH_PERBAIKAN", "BUTUH_PERBAIKAN"), "hand_over": True},
    {"opd": "Dinas Kesehatan", "unit": "Sekretariat", "day": 4, "top": (), "bottom": (), "hand_over": True},
    {"opd": "Dinas Komunikasi dan Informatika", "unit": "Bidang Aplikasi Informatika", "day": 2,
     "top": ("SANGAT_BAIK",), "bottom": ("BUTUH_PERBAIKAN",), "hand_over": True},
    {"opd": "Badan Pengelolaan Keuangan dan Aset Daerah", "unit": "Bidang Anggaran", "day": 5,
     "top": ("SANGAT_BAIK", "SANGAT_BAIK"), "bottom": (), "hand_over": True},
    {"opd": "Badan Perencanaan Pembangunan Daerah", "unit": "Bidang Perekonomian dan Sumber Daya Alam", "day": 9,
     "top": (), "bottom": (), "hand_over": False, "limit": 3},
)

ANNUAL_REASONS = {
    "SANGAT_BAIK": "Selain mencapai target IKI, memimpin perbaikan layanan unit yang kini dipakai seluruh perangkat "
                   "daerah.",
    "BAIK": "Kekurangan capaian disebabkan penjadwalan ulang kegiatan oleh pimpinan, bukan kinerja pegawai.",
    "BUTUH_PERBAIKAN": "Beberapa keluaran utama terlambat dan perlu diperbaiki berulang kali sepanjang tahun.",
}
ANNUAL_NOTES = {
    "SANGAT_BAIK": "Direkomendasikan untuk penghargaan pegawai berkinerja terbaik.",
    "BUTUH_PERBAIKAN": "Perlu pendampingan dalam perencanaan dan pelaporan pekerjaan.",
}

# The keberatan of the demo: (OPD, unit of the Pejabat Penilai, whose: "login" = the demo Pejabat
# Penilai herself, "bottom" = the team's lowest predikat), and its steps as (day of November, text).
OBJECTIONS = (
    {"opd": "Dinas Komunikasi dan Informatika", "unit": "Bidang Aplikasi Informatika", "whose": "bottom",
     "filed": (6, "Predikat Butuh Perbaikan tidak sesuai: dua keluaran utama terlambat karena server pusat data "
                  "diperbaiki selama tiga minggu, di luar kendali saya. Bukti berita acara perbaikan terlampir."),
     "explained": (9, "Keterlambatan memang bertepatan dengan perbaikan server; keluaran lain sesuai target."),
     "decided": (16, "CHANGED", "SESUAI", "SESUAI",
                 "Keterlambatan disebabkan gangguan sarana di luar kendali pegawai; capaian lain sesuai target.")},
    {"opd": "Dinas Kesehatan", "unit": "Sekretariat", "whose": "login",
     "filed": (10, "Saya memohon peninjauan predikat: selain target IKI, saya menyelesaikan penataan arsip "
                   "kepegawaian seluruh puskesmas yang tidak ada dalam rencana SKP."),
     "explained": (13, "Penataan arsip puskesmas adalah penugasan tambahan yang diselesaikan dengan baik; capaian "
                       "IKI utama sesuai target, tidak di atasnya."),
     "decided": None},
)

# Tindak lanjut: (programme, note) by predikat; None leaves the result without a programme yet.
FOLLOW_UPS = {
    "SANGAT_BAIK": (("PENGHARGAAN", "Usulan pegawai teladan tingkat kabupaten 2026."),
                    ("LAINNYA", "Prioritas peserta pelatihan kepemimpinan pengawas 2027."), None),
    "BUTUH_PERBAIKAN": (("COACHING", "Coaching bulanan oleh Kepala Puskesmas tentang perencanaan kerja."), None),
}
