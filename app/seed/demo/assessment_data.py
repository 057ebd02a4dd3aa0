"""What the demo's period assessments say: notes on realisasi, narratives for kualitatif SKPs,
perilaku reflections, the assessor's return notes, and the shape of bukti dukung links. Plain data
only; app/seed/demo/assessments.py picks from these with its seeded generator."""
from __future__ import annotations

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")

# Notes on a kuantitatif realisasi, by how it compares with the target ({month}: a month of the period).
NOTES = {
    "below": (
        "Sebagian berkas masih menunggu kelengkapan dari unit pengusul; diselesaikan awal triwulan berikutnya.",
        "Aplikasi pendukung tidak dapat diakses sekitar satu minggu pada bulan {month}.",
        "Dua kegiatan dijadwalkan ulang ke triwulan berikutnya karena penyesuaian anggaran.",
        "Satu rekan tim cuti melahirkan sejak {month}; pekerjaannya dibagi ke anggota tim lain.",
        "Menunggu data dari perangkat daerah lain yang baru masuk pada akhir {month}.",
    ),
    "above": (
        "Ada tambahan permintaan dari pimpinan di luar rencana triwulan ini.",
        "Lebih cepat sejak formulir daring dipakai mulai bulan {month}.",
        "Pekerjaan triwulan berikutnya sebagian sudah dapat diselesaikan lebih awal.",
    ),
    "around": (
        "Angka diambil dari rekap bulanan {months}.",
        "Rekap lengkap ada pada bukti dukung.",
        "Sesuai buku register unit kerja.",
        "Sudah dicocokkan dengan data aplikasi pada akhir {month}.",
    ),
    # Nothing delivered yet of an IKI with a small yearly count (its pro-rata target is a fraction).
    "scheduled": (
        "Masih dalam penyusunan; dijadwalkan selesai pada triwulan berikutnya sesuai rencana kerja.",
        "Draf sudah dibahas dengan atasan pada bulan {month}; penyelesaian dijadwalkan triwulan berikutnya.",
    ),
    # Nothing new this period because it was delivered earlier.
    "delivered": (
        "Sudah diselesaikan pada triwulan sebelumnya; tidak ada tambahan pada triwulan ini.",
        "Target tahunan sudah terpenuhi pada triwulan sebelumnya.",
    ),
}

# Realisasi of a kualitatif IKI: a narrative per level ({period}: "Triwulan I 2026").
NARRATIVES = {
    "above": (
        "Hasil {period} melampaui rencana: pekerjaan selesai sebelum jadwal dan ditambah format kerja baru "
        "yang kini dipakai seluruh subbagian.",
        "Pada {period} target terlampaui karena tambahan permintaan pimpinan dapat diselesaikan tanpa "
        "mengganggu tugas rutin; hasilnya diterima tanpa revisi.",
    ),
    "around": (
        "Selama {period} seluruh kegiatan yang direncanakan untuk IKI ini terlaksana sesuai jadwal; hasilnya "
        "diperiksa atasan langsung dan diterima tanpa revisi berarti.",
        "Target {period} tercapai: pekerjaan diselesaikan bertahap setiap bulan ({months}) dan dilaporkan "
        "dalam rapat staf bulanan.",
        "Pekerjaan pada {period} berjalan sesuai rencana. Satu perbaikan kecil atas masukan atasan sudah "
        "diselesaikan dalam minggu yang sama.",
    ),
    "below": (
        "Pada {period} baru sebagian yang terlaksana: dua kegiatan tertunda karena menunggu data dari unit "
        "lain, dijadwalkan selesai pada triwulan berikutnya.",
        "Hasil {period} di bawah rencana karena aplikasi pendukung tidak dapat diakses sekitar dua minggu pada "
        "bulan {month}; pekerjaan dikejar pada bulan berikutnya.",
    ),
    "progress": (
        "Sampai pertengahan {month} pekerjaan {period} berjalan sesuai jadwal; uraian dilengkapi pada akhir "
        "triwulan.",
        "Sebagian kegiatan {period} sudah selesai; sisanya dijadwalkan pada bulan {month}.",
    ),
}

# Perilaku: a self-reflection with a concrete example, per BerAKHLAK value (CoreValue.position).
REFLECTIONS = {
    1: ("Membantu pemohon yang datang dengan berkas tidak lengkap dengan daftar kekurangan tertulis, "
        "sehingga mereka tidak perlu bolak-balik.",
        "Menjawab pertanyaan layanan lewat nomor WhatsApp kantor paling lambat satu hari kerja selama {period}."),
    2: ("Mencatat setiap pemakaian kendaraan dinas dan ATK; tidak ada selisih saat stok opname bulan {month}.",
        "Melaporkan keterlambatan satu pekerjaan kepada atasan sebelum tenggatnya, lengkap dengan rencana "
        "penyelesaiannya."),
    3: ("Mengikuti pelatihan daring 8 JP pada bulan {month} dan membagikan ringkasannya dalam rapat staf.",
        "Mengajari dua rekan baru memakai aplikasi persuratan dan penyimpanan arsip digital."),
    4: ("Membantu subbagian lain menyiapkan bahan rapat ketika mereka kekurangan orang.",
        "Ikut menata ulang ruang kerja bersama agar layanan tamu lebih nyaman."),
    5: ("Menjaga kerahasiaan data pribadi pegawai: berkas hanya dikirim lewat jalur resmi, tidak lewat grup "
        "percakapan.",),
    6: ("Beralih ke formulir daring pada bulan {month} dan menyesuaikan alur kerja tanpa menunda layanan.",
        "Mengusulkan templat laporan bulanan yang lebih ringkas; kini dipakai seluruh tim."),
    7: ("Menyusun satu lembar kerja bersama dengan unit lain, sehingga rekap bulanan selesai dua hari lebih "
        "cepat.",
        "Mengajak rekan dari bidang teknis memeriksa data sebelum dilaporkan ke pimpinan."),
}

# The assessor's notes when sending the demo's one submission back ({iki}: the IKI without evidence).
RETURN_REASON = (
    "Bukti dukung IKI “{iki}” belum ada: unggah laporannya atau tautan arsipnya. Tambahkan juga catatan "
    "singkat tentang kendala triwulan ini, lalu ajukan kembali."
)

# Bukti dukung links: the kabupaten's archive, shared folders, and news items on its website.
ARCHIVE = "https://arsip.{domain}/{opd}/{year}/tw{number}/{kind}-{token}.pdf"
SHARED = "https://drive.{domain}/s/{token}"
NEWS = "https://{domain}/berita/{year}/{month:02d}/{slug}"
LINK_KINDS = {
    "KUANTITAS": ("rekap", "laporan", "daftar"),
    "KUALITAS": ("hasil-verifikasi", "laporan-mutu"),
    "WAKTU": ("register-layanan", "rekap-waktu"),
    "BIAYA": ("realisasi-anggaran",),
}

# The PDF bukti dukung: what its lines say besides the numbers.
PDF_FOOTER = "Dokumen contoh dari data demo Capaian: fiktif, tanpa tanda tangan."
