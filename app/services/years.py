"""Appraisal years and their periods."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.periods import DEFAULT_REVIEW_DAYS, DEFAULT_SUBMISSION_DAYS, PeriodScheme, build_periods
from app.extensions import db
from app.models import AppraisalYear, Period, User
from app.services import ServiceError
from app.services.audit import record


def get_year(year: int) -> AppraisalYear | None:
    return db.session.scalar(
        select(AppraisalYear).where(AppraisalYear.year == year).options(selectinload(AppraisalYear.periods))
    )


def all_years() -> list[AppraisalYear]:
    return list(db.session.scalars(select(AppraisalYear).order_by(AppraisalYear.year.desc())))


def current_year(today: dt.date | None = None) -> AppraisalYear | None:
    """This calendar year when it is open in the app, else the latest year before it."""
    today = today or dt.date.today()
    return db.session.scalar(
        select(AppraisalYear).where(AppraisalYear.year <= today.year)
        .order_by(AppraisalYear.year.desc()).limit(1)
    ) or db.session.scalar(select(AppraisalYear).order_by(AppraisalYear.year).limit(1))


def open_year(
    actor: User | None,
    year: int,
    scheme: PeriodScheme = PeriodScheme.TRIWULANAN,
    *,
    submission_days: int = DEFAULT_SUBMISSION_DAYS,
    review_days: int = DEFAULT_REVIEW_DAYS,
) -> AppraisalYear:
    """Open an appraisal year: its periods under `scheme` plus the annual Akhir period."""
    if actor is not None and not actor.is_superadmin:
        raise ServiceError("Hanya super admin yang dapat membuka tahun penilaian.", field="year")
    if not 2000 <= year <= 2100:
        raise ServiceError("Tahun penilaian harus antara 2000 dan 2100.", field="year")
    if get_year(year) is not None:
        raise ServiceError(f"Tahun penilaian {year} sudah dibuka.", field="year")
    if submission_days < 0 or review_days < submission_days:
        raise ServiceError("Batas penilaian atasan tidak boleh sebelum batas pengajuan pegawai.",
                           field="review_days")
    appraisal_year = AppraisalYear(year=year, scheme=scheme)
    for spec in build_periods(year, scheme, submission_days=submission_days, review_days=review_days):
        appraisal_year.periods.append(Period(
            number=spec.number, kind=spec.kind, label=spec.label, start_date=spec.start,
            end_date=spec.end, submission_deadline=spec.submission_deadline,
            review_deadline=spec.review_deadline, is_open=True,
        ))
    db.session.add(appraisal_year)
    db.session.flush()
    record(actor, "tahun.dibuka", appraisal_year, object_type="appraisal_year",
           summary=f"Tahun penilaian {year} dibuka ({scheme.label}, {len(appraisal_year.periods)} periode).",
           after={"year": year, "scheme": scheme.value})
    return appraisal_year
