"""Kinerja harian as bukti dukung of a period: per IKI, the activities linked to it between two
dates that count — accepted by the Pejabat Penilai, or still waiting past their verification
window when the settings count those — with their time and their outputs summed by unit; and
those still waiting within the window, named apart. Two queries whatever the number of IKI."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select

from app.domain.daily import ActivityStatus, working_days_after
from app.extensions import db
from app.models import Activity, Employee
from app.models.base import local_today
from app.services.daily.calendar import holiday_days
from app.services.settings import get_settings


@dataclass
class IndicatorWork:
    count: int = 0
    minutes: int = 0
    outputs: dict[str, Decimal] = field(default_factory=dict)  # unit as written → quantity
    waiting: int = 0  # not yet verified, still inside the window (not counted)

    def quantity_in(self, unit: str | None) -> Decimal | None:
        """The summed output in the IKI's own unit (case and spaces do not matter), if any."""
        wanted = " ".join((unit or "").lower().split())
        if not wanted:
            return None
        found = [q for u, q in self.outputs.items() if " ".join(u.lower().split()) == wanted]
        return sum(found, Decimal(0)) if found else None


def for_indicators(employee_id: int, first: dt.date, last: dt.date, indicator_ids: list[int],
                   today: dt.date | None = None) -> dict[int, IndicatorWork]:
    """IKI id → what the pegawai's kinerja harian between first and last shows for it."""
    if not indicator_ids:
        return {}
    today = today or local_today()
    settings = get_settings()
    holidays = holiday_days(first, last + dt.timedelta(days=settings.verify_days * 3 + 14))
    work: dict[int, IndicatorWork] = {}
    for indicator_id, day, status, count, minutes in db.session.execute(
            select(Activity.indicator_id, Activity.day, Activity.status, func.count(Activity.id),
                   func.sum(Activity.minutes))
            .where(Activity.employee_id == employee_id, Activity.day.between(first, last),
                   Activity.indicator_id.in_(indicator_ids),
                   Activity.status.in_((ActivityStatus.DITERIMA, ActivityStatus.MENUNGGU)))
            .group_by(Activity.indicator_id, Activity.day, Activity.status)):
        item = work.setdefault(indicator_id, IndicatorWork())
        if status == ActivityStatus.MENUNGGU:
            closed = today > working_days_after(day, settings.verify_days, holidays)
            if not closed:
                item.waiting += count
                continue
            if not settings.unverified_accepted:
                continue
        item.count += count
        item.minutes += int(minutes or 0)
    _sum_outputs(employee_id, first, last, indicator_ids, work, today, settings, holidays)
    return work


def _sum_outputs(employee_id, first, last, indicator_ids, work, today, settings, holidays) -> None:
    """The output quantities (ExactDecimal is text on SQLite: summed here, exactly)."""
    for indicator_id, day, status, unit, quantity in db.session.execute(
            select(Activity.indicator_id, Activity.day, Activity.status, Activity.output_unit, Activity.output_quantity)
            .where(Activity.employee_id == employee_id, Activity.day.between(first, last),
                   Activity.indicator_id.in_(indicator_ids), Activity.output_quantity.is_not(None),
                   Activity.status.in_((ActivityStatus.DITERIMA, ActivityStatus.MENUNGGU)))):
        if status == ActivityStatus.MENUNGGU and (
                today <= working_days_after(day, settings.verify_days, holidays) or not settings.unverified_accepted):
            continue
        item = work.setdefault(indicator_id, IndicatorWork())
        item.outputs[unit] = item.outputs.get(unit, Decimal(0)) + Decimal(quantity)


def activities_for(employee: Employee, indicator_id: int, first: dt.date, last: dt.date) -> list[Activity]:
    """The activities linked to one IKI between two dates, newest first (the list a period links to)."""
    return list(db.session.scalars(
        select(Activity).where(Activity.employee_id == employee.id, Activity.indicator_id == indicator_id,
                               Activity.day.between(first, last))
        .order_by(Activity.day.desc(), Activity.start_time.desc())))


def for_period(employee_id: int, period, indicator_ids: list[int]) -> dict[int, IndicatorWork]:
    """for_indicators over the dates of an appraisal period."""
    return for_indicators(employee_id, period.start_date, period.end_date, indicator_ids)


@dataclass
class MonthWork:
    count: int = 0
    minutes: int = 0
    outputs: dict[str, Decimal] = field(default_factory=dict)


def monthly_by_result(employee_id: int, first: dt.date, last: dt.date, today: dt.date | None = None
                      ) -> dict[int | None, dict[tuple[int, int], MonthWork]]:
    """The counted activities between two dates by RHK (None: tugas tambahan and other work) and by
    month (year, month): the recap the Evaluasi Kinerja appends. Two queries."""
    today = today or local_today()
    settings = get_settings()
    holidays = holiday_days(first, last + dt.timedelta(days=settings.verify_days * 3 + 14))
    recap: dict[int | None, dict[tuple[int, int], MonthWork]] = {}
    counted_day: dict[tuple[dt.date, ActivityStatus], bool] = {}

    def counts(day: dt.date, status: ActivityStatus) -> bool:
        if status == ActivityStatus.DITERIMA:
            return True
        if (day, status) not in counted_day:
            counted_day[(day, status)] = settings.unverified_accepted and \
                today > working_days_after(day, settings.verify_days, holidays)
        return counted_day[(day, status)]

    where = (Activity.employee_id == employee_id, Activity.day.between(first, last),
             Activity.status.in_((ActivityStatus.DITERIMA, ActivityStatus.MENUNGGU)))
    for result_id, day, status, count, minutes in db.session.execute(
            select(Activity.work_result_id, Activity.day, Activity.status, func.count(Activity.id),
                   func.sum(Activity.minutes)).where(*where)
            .group_by(Activity.work_result_id, Activity.day, Activity.status)):
        if counts(day, status):
            item = recap.setdefault(result_id, {}).setdefault((day.year, day.month), MonthWork())
            item.count += count
            item.minutes += int(minutes or 0)
    for result_id, day, status, unit, quantity in db.session.execute(
            select(Activity.work_result_id, Activity.day, Activity.status, Activity.output_unit,
                   Activity.output_quantity).where(*where, Activity.output_quantity.is_not(None))):
        if counts(day, status):
            item = recap.setdefault(result_id, {}).setdefault((day.year, day.month), MonthWork())
            item.outputs[unit] = item.outputs.get(unit, Decimal(0)) + Decimal(quantity)
    return recap
