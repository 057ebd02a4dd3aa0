"""The calendar of kinerja harian: the kabupaten's holidays, the pegawai's days away, and one
month of a pegawai as the calendar page shows it (each day's time and state), read in a fixed number
of queries whatever the month holds."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.domain.daily import (
    AbsenceKind, ActivityStatus, DayRules, HolidayKind, date_text, day_state, is_working_day, month_days,
    working_days_back,
)
from app.extensions import db
from app.models import Absence, Activity, Employee, Holiday, User
from app.models.base import local_today
from app.services import FieldErrors, ServiceError
from app.services.audit import record
from app.services.settings import get_settings


MAX_AHEAD_DAYS = 90  # a pegawai marks a planned day away at most this far ahead


def holidays_between(first: dt.date, last: dt.date) -> dict[dt.date, Holiday]:
    return {h.day: h for h in db.session.scalars(select(Holiday).where(Holiday.day.between(first, last)))}


def holiday_days(first: dt.date, last: dt.date) -> set[dt.date]:
    return set(db.session.scalars(select(Holiday.day).where(Holiday.day.between(first, last))))


def absences_of(employee_id: int, first: dt.date, last: dt.date) -> dict[dt.date, Absence]:
    return {a.day: a for a in db.session.scalars(
        select(Absence).where(Absence.employee_id == employee_id, Absence.day.between(first, last)))}


def earliest_entry(today: dt.date, entry_days: int) -> dt.date:
    """The first day an entry made today may be for (the holidays of the weeks before are read)."""
    span = holiday_days(today - dt.timedelta(days=entry_days * 3 + 14), today)
    return working_days_back(today, entry_days, span)


def rules_for(employee: Employee, day: dt.date, today: dt.date | None = None) -> DayRules:
    """What the day allows this pegawai: the settings, the entry window from today, their own day away."""
    today = today or local_today()
    settings = get_settings()
    absence = db.session.scalar(select(Absence.kind).where(Absence.employee_id == employee.id, Absence.day == day))
    return DayRules(today=today, earliest=earliest_entry(today, settings.entry_days),
                    limit_minutes=settings.day_limit_minutes, absence=absence)


# --- one month ---------------------------------------------------------------------------------------

@dataclass
class DayCell:
    day: dt.date
    state: str  # domain.daily.day_state: libur, cuti, lengkap, kurang, kosong
    minutes: int = 0
    counts: dict[ActivityStatus, int] = field(default_factory=dict)
    holiday: Holiday | None = None
    absence: Absence | None = None
    in_month: bool = True

    @property
    def waiting(self) -> int:
        return self.counts.get(ActivityStatus.MENUNGGU, 0)

    @property
    def returned(self) -> int:
        return self.counts.get(ActivityStatus.DIKEMBALIKAN, 0)


@dataclass
class Month:
    employee: Employee
    year: int
    month: int
    days: list[DayCell]
    standard: int  # minutes of a working day
    working_days: int
    minutes: int  # all recorded
    accepted_minutes: int
    waiting: int
    returned: int

    @property
    def weeks(self) -> list[list[DayCell | None]]:
        """Monday-first rows for the calendar grid (None outside the month)."""
        rows: list[list[DayCell | None]] = []
        row: list[DayCell | None] = [None] * self.days[0].day.weekday()
        for cell in self.days:
            row.append(cell)
            if len(row) == 7:
                rows.append(row)
                row = []
        if row:
            rows.append(row + [None] * (7 - len(row)))
        return rows

    @property
    def standard_minutes(self) -> int:
        return self.working_days * self.standard


def month(employee: Employee, year: int, month_number: int) -> Month:
    """The month of a pegawai: three queries (holidays, days away, activity totals per day and state)."""
    days = month_days(year, month_number)
    first, last = days[0], days[-1]
    holidays = holidays_between(first, last)
    absences = absences_of(employee.id, first, last)
    totals: dict[dt.date, dict[ActivityStatus, tuple[int, int]]] = {}
    for day, status, count, minutes in db.session.execute(
            select(Activity.day, Activity.status, func.count(Activity.id), func.sum(Activity.minutes))
            .where(Activity.employee_id == employee.id, Activity.day.between(first, last))
            .group_by(Activity.day, Activity.status)):
        totals.setdefault(day, {})[status] = (count, int(minutes or 0))
    standard = get_settings().day_minutes
    cells = []
    for day in days:
        by_status = totals.get(day, {})
        minutes = sum(m for _, m in by_status.values())
        absence = absences.get(day)
        cells.append(DayCell(day, day_state(day, minutes, standard, holidays, absence.kind if absence else None),
                             minutes, {s: c for s, (c, _) in by_status.items()}, holidays.get(day), absence))
    return Month(
        employee, year, month_number, cells, standard,
        working_days=sum(1 for c in cells if is_working_day(c.day, holidays)
                         and not (c.absence and not c.absence.kind.works)),
        minutes=sum(c.minutes for c in cells),
        accepted_minutes=sum(m for t in totals.values() for s, (_, m) in t.items() if s == ActivityStatus.DITERIMA),
        waiting=sum(c.waiting for c in cells), returned=sum(c.returned for c in cells))


# --- holidays (pengelola kinerja) -----------------------------------------------------------------------

def holidays_of_year(year: int) -> list[Holiday]:
    return list(db.session.scalars(select(Holiday).where(Holiday.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
                                   .order_by(Holiday.day)))


def add_holiday(actor: User, day: dt.date | None, kind: HolidayKind | None, name: str) -> Holiday:
    name = (name or "").strip()
    errors = []
    if day is None:
        errors.append(("day", "Isi tanggal hari libur."))
    if kind is None:
        errors.append(("kind", "Pilih jenis hari libur."))
    if not name:
        errors.append(("name", "Isi nama hari libur, misalnya Hari Raya Natal."))
    elif len(name) > 200:
        errors.append(("name", "Nama hari libur paling banyak 200 karakter."))
    if day is not None and db.session.scalar(select(Holiday.id).where(Holiday.day == day)) is not None:
        errors.append(("day", "Tanggal ini sudah tercatat sebagai hari libur."))
    if errors:
        raise FieldErrors(errors)
    holiday = Holiday(day=day, kind=kind, name=name, created_by_id=actor.id)
    db.session.add(holiday)
    db.session.flush()
    record(actor, "hari_libur.ditambahkan", holiday, summary=f"Hari libur {name} ({day:%d-%m-%Y}) ditambahkan",
           after={"day": day.isoformat(), "kind": kind, "name": name}, object_type="holiday")
    return holiday


def remove_holiday(actor: User, holiday: Holiday) -> None:
    record(actor, "hari_libur.dihapus", holiday, summary=f"Hari libur {holiday.name} ({holiday.day:%d-%m-%Y}) dihapus",
           before={"day": holiday.day.isoformat(), "kind": holiday.kind, "name": holiday.name}, object_type="holiday")
    db.session.delete(holiday)
    db.session.flush()


# --- a pegawai's own day away ----------------------------------------------------------------------------

def set_absence(actor: User, employee: Employee, day: dt.date, kind: AbsenceKind | None, note: str = "") -> Absence | None:
    """Mark (or, with kind None, clear) the pegawai's day away. A day off that already holds
    activities is refused: they would no longer count."""
    existing = db.session.scalar(select(Absence).where(Absence.employee_id == employee.id, Absence.day == day))
    note = (note or "").strip()
    if len(note) > 300:
        raise ServiceError("Keterangan paling banyak 300 karakter.", field="note")
    if actor.employee_id == employee.id:  # the pegawai's own marking: inside the same limits as the activities
        if existing is not None and existing.created_by_id not in (None, actor.id):
            raise ServiceError("Keterangan hari ini dicatat oleh pengelola kinerja; hubungi pengelola kinerja "
                               "untuk mengubahnya.", field="kind")
        today = local_today()
        earliest = earliest_entry(today, get_settings().entry_days)
        if day < earliest:
            raise ServiceError(f"Keterangan hanya dapat diubah sampai beberapa hari kerja ke belakang (paling awal "
                               f"{date_text(earliest)}); untuk hari sebelumnya hubungi pengelola kinerja.", field="kind")
        if day > today + dt.timedelta(days=MAX_AHEAD_DAYS):
            raise ServiceError(f"Keterangan dapat dicatat paling jauh {MAX_AHEAD_DAYS} hari ke depan.", field="kind")
    if kind is None:
        if existing is not None:
            record(actor, "ketidakhadiran.dihapus", existing, opd_id=employee.unit.opd_id,
                   summary=f"{existing.kind.label} {employee.name} pada {day:%d-%m-%Y} dihapus",
                   before={"kind": existing.kind, "day": day.isoformat()}, object_type="absence")
            db.session.delete(existing)
            db.session.flush()
        return None
    if not kind.works and db.session.scalar(
            select(Activity.id).where(Activity.employee_id == employee.id, Activity.day == day).limit(1)) is not None:
        raise ServiceError(f"Pada hari ini sudah ada kegiatan yang dicatat; hapus dulu kegiatannya sebelum menandai "
                           f"hari ini sebagai {kind.label.lower()}.", field="kind")
    before = {"kind": existing.kind, "note": existing.note} if existing else None
    absence = existing or Absence(employee_id=employee.id, day=day, created_by_id=actor.id)
    absence.kind, absence.note = kind, note
    if existing is None:
        db.session.add(absence)
    db.session.flush()
    record(actor, "ketidakhadiran.dicatat", absence, opd_id=employee.unit.opd_id,
           summary=f"{kind.label} {employee.name} pada {day:%d-%m-%Y} dicatat", before=before,
           after={"kind": kind, "day": day.isoformat(), "note": note}, object_type="absence")
    return absence
