"""Appraisal years and their periods."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from app.domain.nip import MONTHS_ID
from app.domain.periods import (
    DEFAULT_REVIEW_DAYS, DEFAULT_SUBMISSION_DAYS, PeriodKind, PeriodScheme, build_periods,
)
from app.extensions import db
from app.models import AppraisalYear, Period, User
from app.models.base import local_today, utcnow
from app.services import FieldErrors, ServiceError
from app.services.audit import changed_fields, record

MAX_DEADLINE_DAYS = 120  # further than this after the period's end needs a reason (an extension)
MAX_EXTENSION_DAYS = 730  # an extension past two years after the period's end is a typo
EXTENSION_REASON_MIN = 10


def get_year(year: int) -> AppraisalYear | None:
    return db.session.scalar(
        select(AppraisalYear).where(AppraisalYear.year == year).options(selectinload(AppraisalYear.periods))
    )


def all_years() -> list[AppraisalYear]:
    return list(db.session.scalars(select(AppraisalYear).order_by(AppraisalYear.year.desc())))


def current_year(today: dt.date | None = None) -> AppraisalYear | None:
    """This calendar year when it is open in the app, else the latest year before it."""
    today = today or local_today()
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
    _check_days(submission_days, review_days)
    appraisal_year = AppraisalYear(year=year, scheme=scheme)
    for spec in build_periods(year, scheme, submission_days=submission_days, review_days=review_days):
        appraisal_year.periods.append(Period(
            number=spec.number, kind=spec.kind, label=spec.label, start_date=spec.start,
            end_date=spec.end, submission_deadline=spec.submission_deadline,
            review_deadline=spec.review_deadline, is_open=True,
        ))
    try:
        with db.session.begin_nested():  # another superadmin may open the same year right now
            db.session.add(appraisal_year)
    except IntegrityError:
        raise ServiceError(f"Tahun penilaian {year} sudah dibuka.", field="year") from None
    record(actor, "tahun.dibuka", appraisal_year, object_type="appraisal_year",
           summary=f"Tahun penilaian {year} dibuka ({scheme.label}, {len(appraisal_year.periods)} periode).",
           after={"year": year, "scheme": scheme.value})
    return appraisal_year


def _check_days(submission_days: int, review_days: int) -> None:
    errors = []
    if not 0 <= submission_days <= MAX_DEADLINE_DAYS:
        errors.append(("submission_days", f"Isi 0 sampai {MAX_DEADLINE_DAYS} hari."))
    if not 0 <= review_days <= MAX_DEADLINE_DAYS:
        errors.append(("review_days", f"Isi 0 sampai {MAX_DEADLINE_DAYS} hari."))
    elif review_days < submission_days:
        errors.append(("review_days", "Batas penilaian atasan tidak boleh sebelum batas pengajuan pegawai."))
    if errors:
        raise FieldErrors(errors)


def years_overview() -> list[AppraisalYear]:
    """Every year, newest first, with its periods loaded."""
    return list(db.session.scalars(
        select(AppraisalYear).options(selectinload(AppraisalYear.periods))
        .order_by(AppraisalYear.year.desc())
    ))


def period_for(year: AppraisalYear, day: dt.date) -> Period | None:
    """The (non-Akhir) period of `year` that contains `day`."""
    return next((p for p in year.periods
                 if p.kind != PeriodKind.AKHIR and p.start_date <= day <= p.end_date), None)


def long_date(day: dt.date) -> str:
    """"1 April 2026" (for messages; templates use the `tanggal` filter)."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def _period_snapshot(period: Period) -> dict:
    return {
        "submission_deadline": period.submission_deadline,
        "review_deadline": period.review_deadline,
        "extension_reason": period.extension_reason,
        "is_open": period.is_open,
        "closed_at": period.closed_at,
    }


def _require_superadmin(actor: User | None, what: str) -> None:
    if actor is not None and not actor.is_superadmin:
        raise ServiceError(f"Hanya super admin yang dapat {what}.")


def deadline_problems(period: Period, submission: dt.date | None, review: dt.date | None,
                      reason: str | None = None) -> list[tuple[str, str]]:
    """(field, message) for each deadline rule the pair breaks. Past MAX_DEADLINE_DAYS after the
    period's end a deadline is an extension (a year adopted late) and needs a reason."""
    errors = []
    usual = period.end_date + dt.timedelta(days=MAX_DEADLINE_DAYS)
    latest = period.end_date + dt.timedelta(days=MAX_EXTENSION_DAYS)
    for name, day, what in (("submission_deadline", submission, "Batas pengajuan"),
                            ("review_deadline", review, "Batas penilaian")):
        if day is None:
            errors.append((name, f"{what} wajib diisi dengan tanggal yang valid."))
        elif day < period.start_date:
            errors.append((name, f"{what} tidak boleh sebelum awal periode ({long_date(period.start_date)})."))
        elif day > latest:
            errors.append((name, f"{what} paling lambat {long_date(latest)} (dua tahun setelah akhir periode); "
                                 "periksa tahunnya."))
    if not errors and review < submission:
        errors.append(("review_deadline", "Batas penilaian atasan tidak boleh sebelum batas pengajuan pegawai."))
    if not errors and max(submission, review) > usual and len((reason or "").strip()) < EXTENSION_REASON_MIN:
        errors.append(("reason", f"Batas waktu lewat dari {long_date(usual)} ({MAX_DEADLINE_DAYS} hari setelah akhir "
                                 f"periode) adalah perpanjangan: tuliskan alasannya (minimal {EXTENSION_REASON_MIN} "
                                 "karakter), misalnya 'Capaian mulai dipakai Desember 2026'."))
    return errors


def is_extension(period: Period, submission: dt.date, review: dt.date) -> bool:
    return max(submission, review) > period.end_date + dt.timedelta(days=MAX_DEADLINE_DAYS)


def update_period_deadlines(actor: User | None, period: Period, submission: dt.date | None,
                            review: dt.date | None, reason: str | None = None) -> Period:
    """Change a period's submission and review deadlines (audited with before/after). A deadline
    past the usual limit is an extension with its reason, shown on the period. A submission is late
    only against the deadline in force: those made by the new deadline are no longer late."""
    _require_superadmin(actor, "mengubah batas waktu periode")
    errors = deadline_problems(period, submission, review, reason)
    if errors:
        raise FieldErrors(errors)
    before = _period_snapshot(period)
    period.submission_deadline, period.review_deadline = submission, review
    if is_extension(period, submission, review):
        period.extension_reason = " ".join(reason.split())
        period.extended_at = utcnow()
    else:
        period.extension_reason = period.extended_at = None
    db.session.flush()
    relieved = _recount_late(period)
    changes = changed_fields(before, _period_snapshot(period))
    if changes:
        record(actor, "periode.batas_diubah", period,
               summary=f"Batas waktu {period.title} diubah: pengajuan {long_date(submission)}, "
                       f"penilaian {long_date(review)}"
                       + (f" (perpanjangan: {period.extension_reason})" if period.extension_reason else "")
                       + (f"; {relieved} pengajuan tidak lagi terlambat." if relieved else "."),
               before={k: v[0] for k, v in changes.items()}, after={k: v[1] for k, v in changes.items()})
    return period


def _recount_late(period: Period) -> int:
    """Mark each submission of the period late or not against its deadline in force; returns how
    many are no longer late."""
    from flask_babel import get_timezone

    from app.models import Assessment

    zone, relieved = get_timezone(), 0
    for assessment in db.session.scalars(select(Assessment).where(
            Assessment.period_id == period.id, Assessment.submitted_at.is_not(None))):
        late = assessment.submitted_at.astimezone(zone).date() > period.submission_deadline
        if assessment.late and not late:
            relieved += 1
        assessment.late = late
    db.session.flush()
    return relieved


def closed_by(period: Period) -> str:
    """Who closed a closed period, as its audit event names them (without their NIP), and when:
    "Hendra Setiawan, S.AP. pada 5 Januari 2027"."""
    import re

    from app.formatting import tanggal
    from app.models import AuditEvent

    label = db.session.scalar(
        select(AuditEvent.actor_label).where(AuditEvent.action == "periode.ditutup", AuditEvent.object_type == "period",
                                             AuditEvent.object_id == period.id)
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc()).limit(1))
    who = re.sub(r"\s*\(\d{18}\)$", "", label) if label else "pengelola kinerja"
    return f"{who} pada {tanggal(period.closed_at)}" if period.closed_at else who


def set_period_open(actor: User | None, period: Period, open: bool) -> Period:
    """Close a period (entry for it freezes) or reopen it."""
    _require_superadmin(actor, "membuka atau menutup periode")
    if period.is_open == open:
        raise ServiceError(f"{period.title} sudah {'terbuka' if open else 'ditutup'}.")
    before = _period_snapshot(period)
    period.is_open = open
    period.closed_at = None if open else utcnow()
    db.session.flush()
    record(actor, "periode.dibuka" if open else "periode.ditutup", period,
           summary=f"{period.title} {'dibuka kembali' if open else 'ditutup'}.",
           before={"is_open": before["is_open"], "closed_at": before["closed_at"]},
           after={"is_open": period.is_open, "closed_at": period.closed_at})
    return period
