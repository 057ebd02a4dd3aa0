"""Kinerja harian of the demo: the fixed-date national holidays of the year, and three weeks of
activities for the Pejabat Penilai login and her team (the pegawai login among them), tied to
their approved SKP — the older ones accepted by her, a few returned with a note, the latest days
waiting — with their presensi, and one day of cuti; the nominal TPP per jabatan and last month's
TPP list of Dinas Kesehatan, issued. Deterministic for a given date (random.Random, fixed seed)."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.daily import (
    AbsenceKind, ActivityCategory, ActivityStatus, AttendanceStatus, HolidayKind, is_working_day, minutes_between,
    working_days_back,
)
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import Absence, Activity, AppraisalYear, Attendance, Employee, Holiday, Plan, User, WorkResult
from app.models.base import local_today, utcnow

# National holidays whose date never moves (the moving ones are entered each year by the BKPSDM).
FIXED_HOLIDAYS = (((1, 1), "Tahun Baru Masehi"), ((5, 1), "Hari Buruh Internasional"),
                  ((6, 1), "Hari Lahir Pancasila"), ((8, 17), "Hari Kemerdekaan Republik Indonesia"),
                  ((12, 25), "Hari Raya Natal"))
DAYS = 15  # working days of activities, up to yesterday
TASKS = (
    ("Menyusun draf {thing}", "Dokumen"), ("Memeriksa kelengkapan {thing}", "Berkas"),
    ("Mengolah data untuk {thing}", "Laporan"), ("Membalas surat terkait {thing}", "Surat"),
    ("Mengikuti rapat koordinasi tentang {thing}", None), ("Memperbarui rekap {thing}", "Dokumen"),
)
EXTRA = ("Piket layanan informasi", "Mendampingi tamu dinas dari provinsi", "Apel pagi dan pembinaan pegawai")
RETURN_NOTES = ("Lampirkan notulen rapatnya sebagai bukti dukung.", "Uraiannya terlalu umum; sebutkan dokumennya.")


@dataclass
class DailyStats:
    holidays: int = 0
    activities: int = 0
    accepted: int = 0
    returned: int = 0
    absences: int = 0
    presence: int = 0
    tpp_bases: int = 0
    tpp_lists: int = 0


# Nominal TPP by jenis jabatan for the demo's Perkada table (illustrative figures, rupiah).
DEMO_TPP = {"JPT": 15_000_000, "ADMINISTRATOR": 9_000_000, "PENGAWAS": 6_500_000, "FUNGSIONAL": 5_000_000,
            "PELAKSANA": 3_500_000}


def _holidays(year: int) -> list[Holiday]:
    return [Holiday(day=dt.date(year, month, day), kind=HolidayKind.LIBUR_NASIONAL, name=name)
            for (month, day), name in FIXED_HOLIDAYS]


def seed_daily(assessor: Employee, recorder: User) -> DailyStats:
    """Holidays of this year and the last; activities of `assessor` and her direct reports."""
    stats = DailyStats()
    today = local_today()
    for year in sorted({today.year, (today - dt.timedelta(days=40)).year}):
        for holiday in _holidays(year):
            holiday.created_by_id = recorder.id
            db.session.add(holiday)
            stats.holidays += 1
    db.session.flush()
    holidays = {h for h in db.session.scalars(select(Holiday.day))}
    rng = random.Random(20260107)
    people = [assessor] + sorted(db.session.scalars(select(Employee).where(Employee.assessor_id == assessor.id,
                                                                           Employee.active.is_(True))),
                                 key=lambda e: e.nip)
    first = working_days_back(today, DAYS, holidays)
    days = [first + dt.timedelta(days=n) for n in range((today - first).days) if
            is_working_day(first + dt.timedelta(days=n), holidays)]
    verify_before = working_days_back(today, 4, holidays)  # older days were verified by now
    for index, person in enumerate(people):
        plan = db.session.scalar(
            select(Plan).join(AppraisalYear, Plan.year_id == AppraisalYear.id)
            .where(Plan.employee_id == person.id, Plan.status == PlanStatus.APPROVED, AppraisalYear.year == today.year)
            .options(selectinload(Plan.results).selectinload(WorkResult.indicators))
            .order_by(Plan.version.desc()).limit(1))
        if plan is None or not plan.results:
            continue
        leave_day = days[(index * 3 + 2) % len(days)] if index % 3 == 1 else None
        for day in days:
            if day == leave_day:
                db.session.add(Absence(employee_id=person.id, day=day, kind=AbsenceKind.CUTI, note="Cuti tahunan",
                                       created_by_id=recorder.id))
                stats.absences += 1
                continue
            _one_day(rng, person, plan, day, verify_before, assessor, stats)
            _presence(rng, person, day, stats)
    db.session.flush()
    return stats


def _presence(rng: random.Random, person: Employee, day: dt.date, stats: DailyStats) -> None:
    """The attendance system's record of the day: mostly on time, now and then late or early."""
    late = rng.choice((0, 0, 0, 0, 0, 7, 18, 42))
    early = rng.choice((0, 0, 0, 0, 0, 0, 25))
    arrive = (dt.datetime.combine(day, dt.time(7, 30)) + dt.timedelta(minutes=late - rng.randint(0, 20) * (not late)))
    end = dt.time(16, 30) if day.weekday() == 4 else dt.time(16)
    leave = dt.datetime.combine(day, end) + dt.timedelta(minutes=rng.randint(0, 30) if not early else -early)
    db.session.add(Attendance(employee_id=person.id, day=day, status=AttendanceStatus.HADIR,
                              check_in=arrive.time(), check_out=leave.time(), late_minutes=late, early_minutes=early,
                              source="Demo: sistem presensi"))
    stats.presence += 1


def seed_tpp(opd_name: str, recorder: User, stats: DailyStats) -> None:
    """The demo's nominal per jabatan for every jabatan of the kabupaten (by jenis jabatan), and the
    TPP list of the month before this one issued for the OPD of the demo's pengelola kinerja."""
    from app.models import OrgUnit, TppBasis
    from app.services.tpp.monthly import issue, position_key

    seen: dict[str, TppBasis] = {}
    for position, kind in db.session.execute(select(Employee.position, Employee.position_kind).distinct()):
        key = position_key(position)
        if key and key not in seen:
            seen[key] = TppBasis(key=key, position=" ".join(position.split()),
                                 amount=Decimal(DEMO_TPP[kind.value]), updated_by_id=recorder.id)
    db.session.add_all(seen.values())
    stats.tpp_bases = len(seen)
    db.session.flush()
    opd = db.session.scalar(select(OrgUnit).where(OrgUnit.name == opd_name, OrgUnit.opd_id == OrgUnit.id))
    last = local_today().replace(day=1) - dt.timedelta(days=1)
    issue(recorder, opd, last.year, last.month)
    stats.tpp_lists = 1


def _one_day(rng: random.Random, person: Employee, plan: Plan, day: dt.date, verify_before: dt.date,
             assessor: Employee, stats: DailyStats) -> None:
    start = dt.datetime.combine(day, dt.time(7, 30))
    end_of_day = dt.datetime.combine(day, dt.time(16, rng.choice((0, 0, 30))))
    while start < end_of_day - dt.timedelta(minutes=30):
        length = dt.timedelta(minutes=rng.choice((45, 60, 90, 90, 120, 150)))
        finish = min(start + length, end_of_day)
        if start.time() < dt.time(12) < finish.time():  # the lunch break
            finish = dt.datetime.combine(day, dt.time(12))
        result = rng.choice(plan.results)
        if rng.random() < 0.12:
            text, category, unit, result = rng.choice(EXTRA), ActivityCategory.TAMBAHAN, None, None
        else:
            pattern, unit = rng.choice(TASKS)
            thing = result.text.lower().removeprefix("terwujudnya ").removeprefix("tersusunnya ")
            text, category = pattern.format(thing=thing[:120]), ActivityCategory.RHK
        indicator = rng.choice(result.indicators) if result is not None and result.indicators else None
        activity = Activity(
            employee_id=person.id, day=day, start_time=start.time(), end_time=finish.time(),
            minutes=minutes_between(start.time(), finish.time()), description=text, category=category,
            work_result_id=result.id if result else None, indicator_id=indicator.id if indicator else None,
            output_quantity=rng.choice((1, 1, 2, 3)) if unit else None, output_unit=unit,
            status=ActivityStatus.MENUNGGU)
        if day < verify_before and person.id != assessor.id and assessor.user is not None:
            returned = rng.random() < 0.05
            activity.status = ActivityStatus.DIKEMBALIKAN if returned else ActivityStatus.DITERIMA
            activity.verified_by_id, activity.verified_at = assessor.user.id, utcnow()
            activity.return_note = rng.choice(RETURN_NOTES) if returned else None
            stats.returned += returned
            stats.accepted += not returned
        db.session.add(activity)
        stats.activities += 1
        start = finish if finish.time() != dt.time(12) else dt.datetime.combine(day, dt.time(13))
