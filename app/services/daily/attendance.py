"""Presensi from the kabupaten's attendance system: a file of days (.xlsx or .csv: NIP, Tanggal,
Masuk, Pulang, Status) checked whole and imported whole or not at all, each row's problem named;
a day already imported is replaced by the newer record (the attendance system is the source). The
minutes late and early are computed against the office hours of the settings (Friday apart) when
a day is recorded."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy import select

from app.domain.daily import AttendanceStatus, early_minutes, late_minutes
from app.extensions import db
from app.models import Attendance, Employee, User
from app.services import ServiceError
from app.services.audit import record
from app.services.daily.absences import fold, cell_date
from app.services.daily.rows import employee_of, employees_of
from app.services.roster.reader import RosterFileError, cell_text, read_table
from app.services.settings import get_settings

HEADERS = {"nip": "nip", "tanggal": "day", "masuk": "in", "jammasuk": "in", "datang": "in", "pulang": "out",
           "jampulang": "out", "status": "status", "keterangan": "status"}
TEMPLATE_HEADERS = ["NIP", "Tanggal", "Masuk", "Pulang", "Status"]
STATUSES = {"h": AttendanceStatus.HADIR, "hadir": AttendanceStatus.HADIR,
            "tk": AttendanceStatus.TANPA_KETERANGAN, "tanpaketerangan": AttendanceStatus.TANPA_KETERANGAN,
            "alpa": AttendanceStatus.TANPA_KETERANGAN, "alpha": AttendanceStatus.TANPA_KETERANGAN}


@dataclass
class Day:
    row: int
    employee: Employee
    day: dt.date
    status: AttendanceStatus
    check_in: dt.time | None
    check_out: dt.time | None


@dataclass
class Check:
    filename: str
    days: list[Day] = field(default_factory=list)
    errors: list[tuple[int | None, str | None, str]] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors and bool(self.days)


def cell_time(value: object) -> dt.time | None:
    """A time cell: a spreadsheet time, or text as 07.45 / 07:45 / 07:45:10."""
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    match = re.fullmatch(r"(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?", cell_text(value))
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))


def check_file(actor: User, data: bytes, filename: str, *, max_bytes: int) -> Check:
    """Read and check every row; a fixed number of queries whatever the number of rows."""
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
    missing = [name for key, name in zip(("nip", "day", "in", "out", "status"), TEMPLATE_HEADERS)
               if key not in columns]
    if missing:
        check.errors.append((header_number, None, "Kolom wajib tidak ada: " + ", ".join(missing)
                             + ". Gunakan templat: " + ", ".join(TEMPLATE_HEADERS) + "."))
        return check
    keys = ("nip", "day", "in", "out", "status")
    body = [(n, {key: (v[columns[key]] if columns[key] < len(v) else None) for key in keys})
            for n, v in table[1:] if any(cell_text(x) for x in v)]
    if not body:
        check.errors.append((None, None, "Berkas tidak memuat baris data."))
        return check
    return check_rows(actor, body, check)


def check_rows(actor: User | None, body: list[tuple[int, dict]], check: Check) -> Check:
    """Check rows given as (row number, {"nip", "day", "in", "out", "status"}); `actor` None is an
    outside system with the presensi scope (every pegawai of the kabupaten)."""
    employees = employees_of(cells.get("nip") for _n, cells in body)
    seen: dict[tuple[int, dt.date], int] = {}
    for number, cells in body:
        before = len(check.errors)

        def fail(column: str, message: str) -> None:
            check.errors.append((number, column, message))

        employee = employee_of(actor, cells.get("nip"), employees, fail)
        day = cell_date(cells.get("day"))
        if day is None:
            fail("Tanggal", "Tulis tanggal sebagai hh/bb/tttt, mis. 17/08/2026.")
        status = STATUSES.get(fold(cells.get("status")))
        if status is None:
            fail("Status", "Tulis H (hadir) atau TK (tanpa keterangan).")
        check_in, check_out = cell_time(cells.get("in")), cell_time(cells.get("out"))
        for key, name, parsed in (("in", "Masuk", check_in), ("out", "Pulang", check_out)):
            if cell_text(cells.get(key)) and parsed is None:
                fail(name, "Tulis jam sebagai jj.mm, mis. 07.45.")
        if status == AttendanceStatus.HADIR and check_in is None and not cell_text(cells.get("in")):
            fail("Masuk", "Hadir tanpa jam masuk: isi jamnya.")
        if check_in and check_out and check_out <= check_in:
            fail("Pulang", "Jam pulang harus setelah jam masuk.")
        if employee is not None and day is not None:
            key = (employee.id, day)
            if key in seen:
                fail("Tanggal", f"{employee.name} pada {day:%d/%m/%Y} sudah ada di baris {seen[key]}.")
            seen.setdefault(key, number)
        if len(check.errors) == before:
            check.days.append(Day(number, employee, day, status,
                                  check_in if status == AttendanceStatus.HADIR else None,
                                  check_out if status == AttendanceStatus.HADIR else None))
    return check


def import_days(actor: User | None, check: Check, *, source: str | None = None) -> tuple[int, int]:
    """Write every day of a valid check (a day already there is replaced); (new, replaced)."""
    if not check.valid:
        raise ServiceError("Berkas masih memuat kesalahan; tidak ada yang diimpor.")
    settings = get_settings()
    existing = {(a.employee_id, a.day): a for a in db.session.scalars(select(Attendance).where(
        Attendance.employee_id.in_({d.employee.id for d in check.days}),
        Attendance.day.between(min(d.day for d in check.days), max(d.day for d in check.days))))}
    new = replaced = 0
    for item in check.days:
        end = settings.friday_end if item.day.weekday() == 4 else settings.work_end
        row = existing.get((item.employee.id, item.day))
        if row is None:
            row = Attendance(employee_id=item.employee.id, day=item.day)
            db.session.add(row)
            new += 1
        else:
            replaced += 1
        row.status, row.check_in, row.check_out = item.status, item.check_in, item.check_out
        row.late_minutes = late_minutes(item.check_in, settings.work_start)
        row.early_minutes = early_minutes(item.check_out, end)
        row.source, row.recorded_by_id = (source or check.filename)[:200], actor.id if actor else None
    db.session.flush()
    record(actor, "presensi.diimpor", None, summary=f"Presensi dari {source or check.filename}: {new} hari baru, "
                                                    f"{replaced} diperbarui", object_type="presensi",
           after={"file": check.filename, "new": new, "replaced": replaced,
                  "employees": len({d.employee.id for d in check.days})})
    return new, replaced


def of_day(employee_id: int, day: dt.date) -> Attendance | None:
    return db.session.scalar(select(Attendance).where(Attendance.employee_id == employee_id, Attendance.day == day))
