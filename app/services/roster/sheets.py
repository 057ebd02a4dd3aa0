"""Spreadsheets in the roster import format: the empty template, and the current pegawai of an
admin's scope (export → edit → re-import round-trips with no changes)."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from app.domain.enums import EmploymentStatus, PositionKind
from app.domain.grades import get_grade
from app.extensions import db
from app.models import Employee, OrgUnit, User
from app.security import scope_employees
from app.services.roster.reader import COLUMNS, ORDER
from app.services.roster.units import UnitIndex

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = [COLUMNS[key][0] for key in ORDER]
TEXT_COLUMNS = {"A", "I"}  # NIP and NIP Atasan: text, or Excel rounds them to 15 digits
WIDTHS = {"A": 21, "B": 32, "C": 12, "D": 28, "E": 40, "F": 15, "G": 36, "H": 48, "I": 21, "J": 30, "K": 14}
EXAMPLE = [
    "198508222015071796", "Candra Rahmawati, S.E.", "PNS", "Penata Tingkat I (III/d)",
    "Kepala Subbagian Umum dan Kepegawaian", "Pengawas", "Dinas Kesehatan",
    "Sekretariat / Subbagian Umum dan Kepegawaian", "197611061999102585", "candra@example.go.id", "8",
]
GUIDE = [
    ("Kolom", "Wajib", "Isi"),
    ("NIP", "ya", "18 digit NIP atau NI PPPK. Kolom ini berformat Teks; jangan diubah menjadi angka."),
    ("Nama", "ya", "Nama lengkap dengan gelar."),
    ("Status Kepegawaian", "ya", "PNS atau PPPK."),
    ("Pangkat/Golongan", "PNS: ya", "PNS: 'Penata Tingkat I (III/d)' atau 'III/d'. PPPK: golongan I–XVII (boleh kosong)."),
    ("Jabatan", "ya", "Nama jabatan."),
    ("Jenis Jabatan", "ya", "JPT, Administrator, Pengawas, Pelaksana, atau Fungsional."),
    ("Perangkat Daerah", "ya", "Nama perangkat daerah (OPD); dibuat bila belum ada (super admin)."),
    ("Unit Kerja", "tidak", "Jalur unit di bawah OPD, tingkat dipisah ' / '. Kosong = langsung di OPD."),
    ("NIP Atasan", "ya*", "NIP Pejabat Penilai Kinerja (di berkas ini atau sudah terdaftar). "
                          "*Kosong hanya untuk JPT yang dinilai langsung oleh kepala daerah."),
    ("Email", "tidak", "Alamat email dinas."),
    ("Kelas Jabatan", "tidak", "1 sampai 17 menurut peta jabatan; dasar TPP bila ditetapkan per kelas. "
                               "Tanpa kolom ini kelas jabatan yang tercatat tidak diubah."),
]


def _sheet(book: Workbook, rows: list[list[str]]):
    sheet = book.active
    sheet.title = "Pegawai"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
        if column in TEXT_COLUMNS:
            sheet.column_dimensions[column].number_format = "@"
    for values in rows:
        sheet.append(values)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"  # a value that starts with "=" is text, never a formula
            if cell.column_letter in TEXT_COLUMNS:
                cell.number_format = "@"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    return sheet


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_workbook() -> bytes:
    """The import template: the headers, one example row, and a sheet explaining the columns."""
    book = Workbook()
    _sheet(book, [EXAMPLE])
    guide = book.create_sheet("Petunjuk")
    for values in GUIDE:
        guide.append(values)
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column, width in {"A": 20, "B": 10, "C": 100}.items():
        guide.column_dimensions[column].width = width
    return _save(book)


_KIND_ORDER = {kind: i for i, kind in enumerate(
    [PositionKind.JPT, PositionKind.ADMINISTRATOR, PositionKind.PENGAWAS, PositionKind.FUNGSIONAL,
     PositionKind.PELAKSANA])}


def export_rows(actor: User) -> list[list[str]]:
    """The active pegawai the admin manages, one import-format row each."""
    units = UnitIndex(list(db.session.scalars(select(OrgUnit))))
    nips = {id_: nip for id_, nip in db.session.execute(select(Employee.id, Employee.nip))}
    query = scope_employees(
        select(Employee).join(OrgUnit, Employee.unit_id == OrgUnit.id).where(Employee.active.is_(True)), actor
    )
    rows = []
    for e in db.session.scalars(query):
        key = units.key_of.get(e.unit_id, ())
        names = [units.by_key[key[:depth]].name for depth in range(1, len(key) + 1)]
        grade = get_grade(e.status, e.grade_code)
        grade_text = "" if grade is None else grade.code if e.status == EmploymentStatus.PPPK else grade.label
        rows.append([
            e.nip, e.name, e.status.label, grade_text, e.position, e.position_kind.label,
            names[0] if names else "", " / ".join(names[1:]), nips.get(e.assessor_id, ""), e.email or "",
            e.job_class or "",
        ])
    rows.sort(key=lambda r: (r[6].casefold(), r[7].casefold(), _KIND_ORDER[PositionKind.parse(r[5])],
                             r[1].casefold()))
    return rows


def export_workbook(actor: User) -> bytes:
    """The admin's pegawai as an .xlsx in the import format, NIPs as text."""
    book = Workbook()
    _sheet(book, export_rows(actor))
    return _save(book)
