"""Days away entered by the pengelola kinerja: one pegawai's range of dates (cuti from … to …), or a
file of them from the leave records (.xlsx or .csv: NIP, Mulai, Selesai, Jenis, Keterangan), all
rows or none, with each row's problem. A range becomes one day away per working day (weekends and
holidays are skipped); a day off cannot cover a day that already holds activities, and a day
already recorded as another kind is reported, never overwritten silently."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from app.domain.daily import AbsenceKind, working_days
from app.extensions import db
from app.models import Absence, Activity, Employee, User
from app.models.base import local_today
from app.services import ServiceError
from app.services.audit import record
from app.services.daily.calendar import holiday_days
from app.services.daily.rows import employee_of, employees_of
from app.services.roster.reader import RosterFileError, cell_text, read_table

HEADERS = {"nip": "nip", "mulai": "first", "tanggalmulai": "first", "dari": "first", "selesai": "last",
           "tanggalselesai": "last", "sampai": "last", "jenis": "kind", "keterangan": "note", "catatan": "note"}
REQUIRED = ("nip", "first", "kind")
TEMPLATE_HEADERS = ["NIP", "Mulai", "Selesai", "Jenis", "Keterangan"]
MAX_DAYS = 366
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


@dataclass
class Row:
    row: int | None
    employee: Employee
    kind: AbsenceKind
    days: list[dt.date]
    note: str


@dataclass
class Check:
    filename: str
    rows: list[Row] = field(default_factory=list)
    errors: list[tuple[int | None, str | None, str]] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors and bool(self.rows)

    @property
    def days(self) -> int:
        return sum(len(r.days) for r in self.rows)


def fold(text) -> str:
    return "".join(ch for ch in str(text or "").casefold() if ch.isalnum())


KINDS = {fold(k.label): k for k in AbsenceKind} | {fold(k.value): k for k in AbsenceKind} | {
    "dl": AbsenceKind.DINAS_LUAR, "tb": AbsenceKind.TUGAS_BELAJAR, "ct": AbsenceKind.CUTI,
    "cutitahunan": AbsenceKind.CUTI, "cutisakit": AbsenceKind.SAKIT}


def cell_date(value: object) -> dt.date | None:
    """A date cell: a spreadsheet date, or text as dd/mm/yyyy (also dd-mm-yyyy, yyyy-mm-dd)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = cell_text(value)
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _cell(values: tuple, index: int | None):
    return values[index] if index is not None and index < len(values) else None


def check_rows(actor: User, body: list[tuple[int | None, dict]], check: Check) -> Check:
    """Check rows given as (row number, {"nip", "first", "last", "kind", "note"}); a fixed number of
    queries whatever the number of rows."""
    employees = employees_of(cells.get("nip") for _n, cells in body)
    dates = [d for _n, cells in body for d in (cell_date(cells.get("first")), cell_date(cells.get("last"))) if d]
    first_all, last_all = (min(dates), max(dates)) if dates else (local_today(), local_today())
    holidays = holiday_days(first_all, last_all)
    ids = [e.id for e in employees.values()] or [-1]
    busy = set(db.session.execute(select(Activity.employee_id, Activity.day).where(
        Activity.employee_id.in_(ids), Activity.day.between(first_all, last_all)).distinct()).all())
    recorded = {(a.employee_id, a.day): a.kind for a in db.session.scalars(select(Absence).where(
        Absence.employee_id.in_(ids), Absence.day.between(first_all, last_all)))}
    seen: dict[tuple[int, dt.date], int | None] = {}
    for number, cells in body:
        before = len(check.errors)

        def fail(column: str, message: str) -> None:
            check.errors.append((number, column, message))

        employee = employee_of(actor, cells.get("nip"), employees, fail)
        first = cell_date(cells.get("first"))
        last = cell_date(cells.get("last")) if cell_text(cells.get("last")) else first
        if first is None:
            fail("Mulai", "Isi tanggal mulai sebagai hh/bb/tttt, mis. 17/08/2026.")
        if cell_text(cells.get("last")) and last is None:
            fail("Selesai", "Tanggal selesai tidak valid: tulis sebagai hh/bb/tttt.")
        if first and last and last < first:
            fail("Selesai", "Tanggal selesai sebelum tanggal mulai.")
        elif first and last and (last - first).days >= MAX_DAYS:
            fail("Selesai", "Satu baris paling lama satu tahun.")
        kind = KINDS.get(fold(cells.get("kind")))
        if kind is None:
            fail("Jenis", "Tulis Cuti, Sakit, Izin, Dinas luar, atau Tugas belajar.")
        note = " ".join(cell_text(cells.get("note")).split())
        if len(note) > 300:
            fail("Keterangan", "Keterangan paling banyak 300 karakter.")
        days: list[dt.date] = []
        if employee is not None and first and last and last >= first and kind is not None and len(check.errors) == before:
            days = working_days(first, last, holidays)
            if not days:
                fail("Mulai", "Rentang tanggal itu tidak memuat hari kerja.")
            for day in days:
                if (employee.id, day) in seen:
                    fail("Mulai", f"{employee.name} pada {day:%d/%m/%Y} sudah ada di baris {seen[(employee.id, day)]}.")
                    break
                seen[(employee.id, day)] = number
                if not kind.works and (employee.id, day) in busy:
                    fail("Mulai", f"{employee.name} sudah mencatat kegiatan pada {day:%d/%m/%Y}; hari itu tidak dapat "
                                  f"ditandai {kind.label.lower()}.")
                    break
                other = recorded.get((employee.id, day))
                if other is not None and other != kind:
                    fail("Jenis", f"{employee.name} pada {day:%d/%m/%Y} sudah tercatat {other.label.lower()}.")
                    break
            days = [d for d in days if recorded.get((employee.id, d)) != kind]
        if len(check.errors) == before and employee is not None and kind is not None:
            check.rows.append(Row(number, employee, kind, days, note))
    return check


def check_file(actor: User, data: bytes, filename: str, *, max_bytes: int) -> Check:
    check = Check(filename)
    try:
        table = read_table(data, filename, max_bytes=max_bytes)
    except RosterFileError as error:
        check.errors.append((None, None, str(error)))
        return check
    if not table:
        check.errors.append((None, None, "Berkas tidak memuat baris judul."))
        return check
    header_number, header = table[0]
    columns = {HEADERS[fold(cell)]: i for i, cell in enumerate(header) if fold(cell) in HEADERS}
    missing = [TEMPLATE_HEADERS[("nip", "first", "last", "kind", "note").index(k)] for k in REQUIRED
               if k not in columns]
    if missing:
        check.errors.append((header_number, None, "Kolom wajib tidak ada: " + ", ".join(missing)
                             + ". Gunakan templat: " + ", ".join(TEMPLATE_HEADERS) + "."))
        return check
    body = [(number, {key: _cell(values, columns.get(key)) for key in ("nip", "first", "last", "kind", "note")})
            for number, values in table[1:] if any(cell_text(v) for v in values)]
    if not body:
        check.errors.append((None, None, "Berkas tidak memuat baris data."))
        return check
    return check_rows(actor, body, check)


def record_absences(actor: User, check: Check) -> int:
    """Write every day of a valid check in the current transaction; the number of days written."""
    if not check.valid:
        raise ServiceError("Berkas masih memuat kesalahan; tidak ada yang dicatat.")
    written = 0
    for row in check.rows:
        for day in row.days:
            db.session.add(Absence(employee_id=row.employee.id, day=day, kind=row.kind, note=row.note,
                                   created_by_id=actor.id))
            written += 1
        if row.days:
            record(actor, "ketidakhadiran.dicatat", row.employee, opd_id=row.employee.unit.opd_id,
                   summary=f"{row.kind.label} {row.employee.name} {row.days[0]:%d-%m-%Y} s.d. {row.days[-1]:%d-%m-%Y} "
                           f"({len(row.days)} hari kerja) dicatat oleh pengelola kinerja",
                   after={"kind": row.kind, "days": [d.isoformat() for d in row.days], "note": row.note,
                          "source": check.filename})
    db.session.flush()
    return written
