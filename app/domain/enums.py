"""Official category values. Each enum's values are its member names, so they read the same in
the database, in code and in URLs; `label` gives the Indonesian wording for the UI."""
from __future__ import annotations

import enum


class LabeledEnum(str, enum.Enum):
    """A str-valued enum (value == name) with an Indonesian label per member."""

    __labels__: dict[str, str] = {}

    @property
    def label(self) -> str:
        return type(self).__labels__.get(self.name, self.name)

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def parse(cls, raw: object):
        """The member for a member, its name or its label (case-insensitive), else None."""
        if isinstance(raw, cls):
            return raw
        text = " ".join(str(raw or "").split()).casefold()
        for member in cls:
            if text in (member.name.casefold(), member.label.casefold()):
                return member
        return None

    def __str__(self) -> str:
        return self.value


class EmploymentStatus(LabeledEnum):
    PNS = "PNS"
    PPPK = "PPPK"
    __labels__ = {"PNS": "PNS", "PPPK": "PPPK"}


class PositionKind(LabeledEnum):
    """Jenis jabatan."""

    JPT = "JPT"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    PELAKSANA = "PELAKSANA"
    FUNGSIONAL = "FUNGSIONAL"
    __labels__ = {
        "JPT": "JPT",
        "ADMINISTRATOR": "Administrator",
        "PENGAWAS": "Pengawas",
        "PELAKSANA": "Pelaksana",
        "FUNGSIONAL": "Fungsional",
    }


class Gender(LabeledEnum):
    LAKI_LAKI = "LAKI_LAKI"
    PEREMPUAN = "PEREMPUAN"
    __labels__ = {"LAKI_LAKI": "Laki-laki", "PEREMPUAN": "Perempuan"}


class OrgUnitKind(LabeledEnum):
    PEMDA = "PEMDA"
    OPD = "OPD"
    SEKRETARIAT = "SEKRETARIAT"
    BIDANG = "BIDANG"
    BAGIAN = "BAGIAN"
    SEKSI = "SEKSI"
    SUBBAGIAN = "SUBBAGIAN"
    UPTD = "UPTD"
    UNIT = "UNIT"
    __labels__ = {
        "PEMDA": "Pemerintah Daerah",
        "OPD": "Perangkat Daerah",
        "SEKRETARIAT": "Sekretariat",
        "BIDANG": "Bidang",
        "BAGIAN": "Bagian",
        "SEKSI": "Seksi",
        "SUBBAGIAN": "Subbagian",
        "UPTD": "UPTD",
        "UNIT": "Unit kerja lain",
    }


class ActingKind(LabeledEnum):
    """Plt. fills a vacant post; Plh. stands in while the holder is away."""

    PLT = "PLT"
    PLH = "PLH"
    __labels__ = {"PLT": "Plt.", "PLH": "Plh."}


class Role(LabeledEnum):
    PEGAWAI = "PEGAWAI"
    ADMIN = "ADMIN"
    SUPERADMIN = "SUPERADMIN"
    __labels__ = {"PEGAWAI": "Pegawai", "ADMIN": "Pengelola Kinerja", "SUPERADMIN": "Super Admin"}


class PaperSize(LabeledEnum):
    A4 = "A4"
    F4 = "F4"
    __labels__ = {"A4": "A4 (210 × 297 mm)", "F4": "F4 (215 × 330 mm)"}


class OrgPredikat(LabeledEnum):
    """Predikat kinerja organisasi (RULES.md §5)."""

    ISTIMEWA = "ISTIMEWA"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"
    __labels__ = {
        "ISTIMEWA": "Istimewa",
        "BAIK": "Baik",
        "BUTUH_PERBAIKAN": "Butuh Perbaikan",
        "KURANG": "Kurang",
        "SANGAT_KURANG": "Sangat Kurang",
    }


class LatePolicy(LabeledEnum):
    """What happens to a period submission after its deadline."""

    ALLOW_MARKED = "ALLOW_MARKED"
    REFUSE = "REFUSE"
    __labels__ = {
        "ALLOW_MARKED": "Tetap diterima dan ditandai terlambat",
        "REFUSE": "Ditolak (pengelola kinerja dapat membuka kembali)",
    }


class AssessmentStatus(LabeledEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    RETURNED = "RETURNED"
    APPROVED = "APPROVED"
    __labels__ = {
        "DRAFT": "Draf",
        "SUBMITTED": "Diajukan",
        "RETURNED": "Dikembalikan",
        "APPROVED": "Disetujui",
    }


class EvidenceKind(LabeledEnum):
    FILE = "FILE"
    LINK = "LINK"
    __labels__ = {"FILE": "Berkas", "LINK": "Tautan"}


class CurveEnforcement(LabeledEnum):
    WARN = "WARN"
    BLOCK = "BLOCK"
    __labels__ = {"WARN": "Peringatkan saja", "BLOCK": "Tolak penyerahan hasil"}


class EvaluationStatus(LabeledEnum):
    DRAFT = "DRAFT"
    HANDED_OVER = "HANDED_OVER"
    __labels__ = {"DRAFT": "Draf", "HANDED_OVER": "Diserahkan"}


class ObjectionStatus(LabeledEnum):
    FILED = "FILED"
    EXPLAINED = "EXPLAINED"
    DECIDED = "DECIDED"
    __labels__ = {"FILED": "Diajukan", "EXPLAINED": "Ditanggapi Pejabat Penilai", "DECIDED": "Diputuskan"}


class ObjectionDecision(LabeledEnum):
    CONFIRMED = "CONFIRMED"
    CHANGED = "CHANGED"
    __labels__ = {"CONFIRMED": "Hasil dikukuhkan", "CHANGED": "Hasil diubah"}


class FollowUpKind(LabeledEnum):
    RECOGNITION = "RECOGNITION"
    DEVELOPMENT = "DEVELOPMENT"
    __labels__ = {"RECOGNITION": "Penghargaan", "DEVELOPMENT": "Pengembangan kompetensi"}


class Programme(LabeledEnum):
    PELATIHAN = "PELATIHAN"
    COACHING = "COACHING"
    MENTORING = "MENTORING"
    PENGHARGAAN = "PENGHARGAAN"
    LAINNYA = "LAINNYA"
    __labels__ = {
        "PELATIHAN": "Pelatihan",
        "COACHING": "Coaching",
        "MENTORING": "Mentoring",
        "PENGHARGAAN": "Penghargaan",
        "LAINNYA": "Lainnya",
    }


class PhraseScope(LabeledEnum):
    HASIL = "HASIL"
    PERILAKU = "PERILAKU"
    __labels__ = {"HASIL": "Hasil kerja (RHK)", "PERILAKU": "Perilaku kerja"}


class DocumentKind(LabeledEnum):
    SKP = "SKP"
    EVALUASI = "EVALUASI"
    DOKUMEN_EVALUASI = "DOKUMEN_EVALUASI"
    REKAP = "REKAP"
    __labels__ = {
        "SKP": "Sasaran Kinerja Pegawai",
        "EVALUASI": "Evaluasi Kinerja Pegawai",
        "DOKUMEN_EVALUASI": "Dokumen Evaluasi Kinerja Pegawai",
        "REKAP": "Rekap Predikat Kinerja Pegawai",
    }


class JobStatus(LabeledEnum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    DONE = "DONE"
    FAILED = "FAILED"
    __labels__ = {"QUEUED": "Menunggu", "RUNNING": "Diproses", "DONE": "Selesai", "FAILED": "Gagal"}
