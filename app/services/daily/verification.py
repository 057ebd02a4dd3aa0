"""The Pejabat Penilai's side of kinerja harian: the team × the days of a week, a member's day, and
the verification of each activity (accept, or return with a note) within the window of working
days the settings give; what is not verified in time counts as accepted or not, as they say. A
Plt./Plh. verifies for the days of the assignment (or while it runs), as for the period reviews.
Comments on a day are the continuous feedback the pegawai sees on that day."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.domain.daily import AbsenceKind, ActivityStatus, date_text, is_working_day, working_days_after
from app.extensions import db
from app.models import Absence, Activity, DayComment, Employee, User
from app.models.base import local_today, utcnow
from app.security import may_verify_day
from app.services import ConflictError, ServiceError
from app.services.audit import record
from app.services.daily.calendar import holiday_days, holidays_between
from app.services.org.acting import signing_title
from app.services.org.team import Member, members_today
from app.services.settings import get_settings

COMMENT_MAX = 2000


def deadline(day: dt.date, verify_days: int, holidays: set[dt.date]) -> dt.date:
    """The last day the Pejabat Penilai may verify an activity of `day`."""
    return working_days_after(day, verify_days, holidays)


def settled(day: dt.date, today: dt.date | None = None) -> str | None:
    """What an activity of `day` still waiting has become once its window closed — "Dianggap
    diterima" or "Tidak dihitung", as the settings say — or None while it can still be verified."""
    settings = get_settings()
    if (today or local_today()) <= deadline(day, settings.verify_days, _holidays_around(day, settings.verify_days)):
        return None
    return "Dianggap diterima" if settings.unverified_accepted else "Tidak dihitung"


def _holidays_around(day: dt.date, verify_days: int) -> set[dt.date]:
    return holiday_days(day, day + dt.timedelta(days=verify_days * 3 + 14))


# --- the team's week ----------------------------------------------------------------------------------

@dataclass
class Row:
    member: Member
    minutes: dict[dt.date, int] = field(default_factory=dict)
    waiting: dict[dt.date, int] = field(default_factory=dict)
    away: dict[dt.date, AbsenceKind] = field(default_factory=dict)
    standard: int = 0  # the week's standard minutes: its working days (not away) × the day's standard

    @property
    def total(self) -> int:
        return sum(self.minutes.values())

    @property
    def waiting_total(self) -> int:
        return sum(self.waiting.values())


@dataclass
class TeamWeek:
    days: list[dt.date]
    rows: list[Row]
    holidays: dict
    standard: int


def team_week(user: User, monday: dt.date, today: dt.date | None = None) -> TeamWeek:
    """Whom I review (today) × the seven days from `monday`: minutes recorded, activities waiting,
    days away; four queries after the team's own, whatever the size of the team."""
    days = [monday + dt.timedelta(days=n) for n in range(7)]
    members = members_today(user, today)
    rows = {m.employee.id: Row(m) for m in members}
    if rows:
        for employee_id, day, status, count, minutes in db.session.execute(
                select(Activity.employee_id, Activity.day, Activity.status, func.count(Activity.id),
                       func.sum(Activity.minutes))
                .where(Activity.employee_id.in_(rows), Activity.day.between(days[0], days[-1]))
                .group_by(Activity.employee_id, Activity.day, Activity.status)):
            row = rows[employee_id]
            row.minutes[day] = row.minutes.get(day, 0) + int(minutes or 0)
            if status == ActivityStatus.MENUNGGU:
                row.waiting[day] = row.waiting.get(day, 0) + count
        for absence in db.session.scalars(select(Absence).where(Absence.employee_id.in_(rows),
                                                                Absence.day.between(days[0], days[-1]))):
            rows[absence.employee_id].away[absence.day] = absence.kind
    holidays = holidays_between(days[0], days[-1])
    standard = get_settings().day_minutes
    for row in rows.values():
        row.standard = standard * sum(1 for d in days if is_working_day(d, holidays)
                                      and not (d in row.away and not row.away[d].works))
    return TeamWeek(days, list(rows.values()), holidays, standard)


# --- verifying --------------------------------------------------------------------------------------------

def _authorise(user: User, activity: Activity) -> None:
    if not may_verify_day(user, activity.employee, activity.day):
        raise ServiceError("Anda bukan Pejabat Penilai pegawai ini untuk tanggal kegiatan tersebut.")
    if activity.status != ActivityStatus.MENUNGGU:
        raise ServiceError("Kegiatan ini sudah diverifikasi.")
    settings = get_settings()
    last = deadline(activity.day, settings.verify_days, _holidays_around(activity.day, settings.verify_days))
    if local_today() > last:
        counted = "dianggap diterima" if settings.unverified_accepted else "tidak dihitung"
        raise ServiceError(f"Batas verifikasi kegiatan ini sudah lewat ({date_text(last)}); kegiatan {counted}.")


def accept(user: User, activity: Activity, *, lock_version: int | None = None) -> Activity:
    _authorise(user, activity)
    if lock_version is not None and lock_version != activity.lock_version:
        raise ConflictError("Kegiatan ini telah diubah pegawai sejak halaman dibuka; periksa lagi.")
    employee = activity.employee
    activity.status, activity.return_note = ActivityStatus.DITERIMA, None
    activity.verified_by_id, activity.verified_at = user.id, utcnow()
    activity.verified_as = signing_title(user, employee, activity.day, activity.day)[:300]
    db.session.flush()
    record(user, "kegiatan.diterima", activity, opd_id=employee.unit.opd_id,
           summary=f"Kegiatan {employee.name} {activity.day:%d-%m-%Y} diterima")
    return activity


def send_back(user: User, activity: Activity, note: str, *, lock_version: int | None = None) -> Activity:
    _authorise(user, activity)
    note = (note or "").strip()
    if not note:
        raise ServiceError("Tuliskan apa yang perlu diperbaiki pegawai.", field="note")
    if len(note) > COMMENT_MAX:
        raise ServiceError("Catatan paling banyak 2.000 karakter.", field="note")
    if lock_version is not None and lock_version != activity.lock_version:
        raise ConflictError("Kegiatan ini telah diubah pegawai sejak halaman dibuka; periksa lagi.")
    employee = activity.employee
    activity.status, activity.return_note = ActivityStatus.DIKEMBALIKAN, note
    activity.verified_by_id, activity.verified_at = user.id, utcnow()
    activity.verified_as = signing_title(user, employee, activity.day, activity.day)[:300]
    db.session.flush()
    record(user, "kegiatan.dikembalikan", activity, opd_id=employee.unit.opd_id,
           summary=f"Kegiatan {employee.name} {activity.day:%d-%m-%Y} dikembalikan: {note[:200]}",
           after={"note": note})
    return activity


def accept_day(user: User, employee: Employee, day: dt.date) -> int:
    """Accept every activity of the day still waiting; the number accepted."""
    if not may_verify_day(user, employee, day):
        raise ServiceError("Anda bukan Pejabat Penilai pegawai ini untuk tanggal tersebut.")
    waiting = list(db.session.scalars(select(Activity).where(Activity.employee_id == employee.id, Activity.day == day,
                                                             Activity.status == ActivityStatus.MENUNGGU)))
    if not waiting:
        raise ServiceError("Tidak ada kegiatan yang menunggu verifikasi pada hari ini.")
    for activity in waiting:
        accept(user, activity)
    return len(waiting)


def comment(user: User, employee: Employee, day: dt.date, text: str) -> DayComment:
    if not may_verify_day(user, employee, day):
        raise ServiceError("Anda bukan Pejabat Penilai pegawai ini untuk tanggal tersebut.")
    text = (text or "").strip()
    if not text:
        raise ServiceError("Tulis umpan baliknya.", field="text")
    if len(text) > COMMENT_MAX:
        raise ServiceError("Umpan balik paling banyak 2.000 karakter.", field="text")
    note = DayComment(employee_id=employee.id, day=day, author_id=user.id, text=text,
                      author_as=signing_title(user, employee, day, day)[:300])
    db.session.add(note)
    db.session.flush()
    record(user, "kegiatan.umpan_balik", note, opd_id=employee.unit.opd_id,
           summary=f"Umpan balik untuk {employee.name} pada {day:%d-%m-%Y}", after={"text": text[:500]},
           object_type="day_comment")
    return note


def comments_of(employee_id: int, day: dt.date) -> list[DayComment]:
    return list(db.session.scalars(select(DayComment).where(DayComment.employee_id == employee_id, DayComment.day == day)
                                   .order_by(DayComment.created_at, DayComment.id)))
