"""Texts of the scale data (`flask seed-scale`): Perjanjian Kinerja targets, RHK, IKI, ekspektasi,
notes and links, in the words a kabupaten uses. Plain data and small pickers, no database."""
from __future__ import annotations

import random
from decimal import Decimal

from app.domain.enums import PositionKind
from app.domain.skp import Aspect, Direction, Perspective

ORG_TARGETS = (
    ("Meningkatnya kualitas layanan {short}", "Indeks kepuasan masyarakat atas layanan {short}", "82", "Indeks"),
    ("Meningkatnya akuntabilitas kinerja {short}", "Nilai SAKIP {short}", "75", "Nilai"),
    ("Meningkatnya capaian program prioritas daerah", "Persentase program prioritas {short} yang tercapai", "90", "%"),
)
RHK = {
    PositionKind.ADMINISTRATOR: ("Terlaksananya program {unit} sesuai rencana strategis",
                                 "Meningkatnya kualitas perencanaan dan pelaporan {unit}",
                                 "Terkendalinya pelaksanaan anggaran {unit}"),
    PositionKind.PENGAWAS: ("Terselenggaranya kegiatan {unit} tepat waktu", "Tersusunnya laporan kegiatan {unit}",
                            "Meningkatnya mutu layanan {unit}"),
    PositionKind.FUNGSIONAL: ("Terlaksananya layanan fungsional di {unit} sesuai standar",
                              "Tersusunnya dokumen hasil kerja jabatan fungsional di {unit}",
                              "Meningkatnya mutu pelayanan kepada masyarakat di {unit}"),
    PositionKind.PELAKSANA: ("Terselesaikannya administrasi {unit} tepat waktu",
                             "Tersedianya data dan informasi {unit} yang mutakhir",
                             "Terlaksananya dukungan layanan operasional {unit}"),
}
TAMBAHAN = ("Terlaksananya tugas sebagai anggota tim penyusun LKjIP", "Terlaksananya tugas sebagai panitia HUT Kabupaten",
            "Terlaksananya tugas sebagai pengelola website unit kerja")
# aspect, text, target, unit, direction, cumulative
IKI = (
    (Aspect.KUANTITAS, "Jumlah laporan yang diselesaikan", "12", "Laporan", Direction.HIGHER, True),
    (Aspect.KUANTITAS, "Jumlah dokumen yang diproses", "240", "Dokumen", Direction.HIGHER, True),
    (Aspect.KUALITAS, "Persentase hasil kerja yang diterima tanpa revisi", "90", "%", Direction.HIGHER, False),
    (Aspect.WAKTU, "Rata-rata waktu penyelesaian layanan", "3", "Hari", Direction.LOWER, False),
    (Aspect.KUALITAS, "Persentase layanan yang sesuai standar", "95", "%", Direction.HIGHER, False),
)
EXPECTATIONS = (
    "Memberikan layanan dengan ramah dan tuntas sesuai standar pelayanan.",
    "Menyelesaikan tugas tepat waktu dan melaporkan kendala sejak awal.",
    "Aktif berbagi pengetahuan dengan rekan satu tim.",
    "Menjaga kerahasiaan data dan menggunakan anggaran secara bertanggung jawab.",
    "Terbuka terhadap masukan dan cepat menyesuaikan cara kerja.",
)
RESOURCES = "Anggaran kegiatan unit kerja\nSarana dan prasarana kantor\nAplikasi pendukung"
ACCOUNTABILITY = "Laporan kinerja triwulanan kepada pimpinan unit kerja"
CONSEQUENCES = "Sesuai ketentuan peraturan perundang-undangan tentang manajemen kinerja ASN"
NOTES = ("Sesuai jadwal kegiatan.", "Ada kendala jaringan pada awal periode, sudah teratasi.",
         "Beberapa berkas menunggu tanda tangan pimpinan.", "Target terlampaui berkat dukungan tim.")
REFLECTIONS = ("Saya menyelesaikan permintaan layanan pada hari yang sama dan menindaklanjuti keluhan.",
               "Saya membantu rekan menyusun laporan dan berbagi templat kerja.",
               "Saya menyesuaikan jadwal ketika ada tugas mendesak dari pimpinan.")
FEEDBACK = ("Pertahankan ketepatan waktu pelaporan.", "Lengkapi bukti dukung setiap IKI.",
            "Koordinasikan lebih awal bila ada kendala.")
LINK = "https://arsip.tanjungharapankab.example/kinerja/{year}/{nip}/tw{period}-{n}.pdf"


def _short(opd: str) -> str:
    return opd.replace("Dinas ", "").replace("Badan ", "") if not opd.startswith("Kecamatan") else opd


def org_targets(opd: str) -> list[tuple[str, str, Decimal, str]]:
    return [(goal.format(short=_short(opd)), iku.format(short=_short(opd)), Decimal(value), unit)
            for goal, iku, value, unit in ORG_TARGETS]


def jpt_rhk(opd: str, n: int) -> str:
    return ORG_TARGETS[n][0].format(short=_short(opd))


def rhk_text(kind: PositionKind, unit: str, k: int, rng: random.Random) -> str:
    table = RHK[PositionKind.ADMINISTRATOR if kind == PositionKind.JPT else kind]
    return table[(k + rng.randrange(len(table))) % len(table)].format(unit=unit)


def ikis(rng: random.Random, jpt: bool) -> list[dict]:
    """One or two IKI of an RHK as insert values."""
    chosen = rng.sample(IKI, 1 + (rng.random() < 0.6))
    perspectives = list(Perspective)
    return [{"aspect": aspect, "text": words, "target_value": Decimal(target), "unit": unit, "direction": direction,
             "cumulative": cumulative, "perspective": perspectives[n % len(perspectives)] if jpt else None}
            for n, (aspect, words, target, unit, direction, cumulative) in enumerate(chosen)]
