"""Reminders, given by `flask send-reminders` (a systemd timer runs it every morning): each one
once per recipient ever (its key), into the notification centre, and by e-mail when the server
sends mail and the recipient has not turned e-mail reminders off.

- a pegawai, REMINDER_DAYS_BEFORE days (3) before a period's submission deadline, while their
  assessment of it is not submitted (an approved SKP covering the period, the period open);
- a Pejabat Penilai, once half the review window (submission → review deadline) has passed, for
  the submissions still waiting for them in that period;
- the Atasan Pejabat Penilai, for a keberatan explained and waiting for their decision;
- each pengelola kinerja, once a week (from Monday): completion per OPD of the period to watch.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from app.domain.enums import AssessmentStatus, ObjectionStatus, Role
from app.domain.periods import assessed
from app.domain.skp import PlanStatus
from app.domain.text import sentence
from app.extensions import db
from app.formatting import tanggal
from app.models import (
    AnnualEvaluation, AppraisalYear, Assessment, Employee, Notification, Objection, Period, Plan, User,
)
from app.models.base import local_today, utcnow
from app.services.notifications.inbox import remind

SALT = "capaian-pengingat"


@dataclass
class Run:
    """What one run gave: reminders created per kind, e-mails sent and failed."""

    created: Counter = field(default_factory=Counter)
    emailed: int = 0
    failed: int = 0

    @property
    def total(self) -> int:
        return sum(self.created.values())


def unsubscribe_token(user: User) -> str:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT).dumps(user.id)


def user_of_token(token: str) -> User | None:
    try:
        user_id = URLSafeSerializer(current_app.config["SECRET_KEY"], salt=SALT).loads(token)
    except BadSignature:
        return None
    return db.session.get(User, user_id) if isinstance(user_id, int) else None


def set_reminder_email(user: User, wanted: bool) -> None:
    from app.services.audit import record

    if user.reminder_email != wanted:
        user.reminder_email = wanted
        record(user, "akun.pengingat_email", user, summary="Pengingat lewat e-mail " + ("diaktifkan." if wanted
                                                                                       else "dihentikan."))
    db.session.flush()


def _years(today: dt.date) -> list[AppraisalYear]:
    return list(db.session.scalars(select(AppraisalYear).where(AppraisalYear.year.in_([today.year - 1, today.year]))
                                   .options(selectinload(AppraisalYear.periods))))


def _deadlines(today: dt.date, days: int):
    """(user, key, title, body, period) for every pegawai to remind of a deadline."""
    for year in _years(today):
        periods = [p for p in year.periods if not p.is_final and p.is_open
                   and p.submission_deadline - dt.timedelta(days=days) <= today <= p.submission_deadline]
        if not periods:
            continue
        plans = db.session.execute(
            select(Plan.employee_id, Plan.start_date).join(Employee, Plan.employee_id == Employee.id)
            .where(Plan.year_id == year.id, Plan.status == PlanStatus.APPROVED, Employee.active.is_(True))).all()
        starts = {employee_id: start for employee_id, start in plans}
        done = {(a.employee_id, a.period_id) for a in db.session.scalars(
            select(Assessment).where(Assessment.period_id.in_([p.id for p in periods]),
                                     Assessment.status.in_([AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED])))}
        users = {u.employee_id: u for u in db.session.scalars(
            select(User).where(User.employee_id.in_(list(starts)), User.password_hash.is_not(None)))}
        for period in periods:
            days_left = (period.submission_deadline - today).days
            when = "hari ini" if days_left == 0 else f"{days_left} hari lagi"
            for employee_id, start in starts.items():
                user = users.get(employee_id)
                if user is None or (employee_id, period.id) in done or not assessed(period.end_date, start):
                    continue
                yield (user, f"periode:{period.id}:batas", f"Batas pengajuan {period.title}: {when}",
                       f"Penilaian {period.title} Anda belum diajukan. Batas pengajuan {tanggal(period.submission_deadline)}"
                       f" ({when}). Isi realisasi dengan bukti dukung, lalu Ajukan.", "period", period.id)


def _waiting_reviews(today: dt.date):
    """(user, …) for every Pejabat Penilai with submissions waiting past half the review window."""
    for year in _years(today):
        periods = [p for p in year.periods
                   if p.submission_deadline + (p.review_deadline - p.submission_deadline) / 2 <= today]
        if not periods:
            continue
        waiting = db.session.scalars(
            select(Assessment).where(Assessment.period_id.in_([p.id for p in periods]),
                                     Assessment.status == AssessmentStatus.SUBMITTED)
            .options(joinedload(Assessment.employee).joinedload(Employee.assessor).joinedload(Employee.user)))
        per: dict[tuple[int, int], list[Assessment]] = defaultdict(list)
        reviewers: dict[int, User] = {}
        for a in waiting:
            assessor = a.employee.assessor
            if assessor is None or assessor.user is None or not assessor.active:
                continue
            per[(assessor.user.id, a.period_id)].append(a)
            reviewers[assessor.user.id] = assessor.user
        by_id = {p.id: p for p in periods}
        for (user_id, period_id), items in per.items():
            period = by_id[period_id]
            names = ", ".join(a.employee.name for a in items[:5]) + (f", dan {len(items) - 5} lainnya" if len(items) > 5 else "")
            yield (reviewers[user_id], f"tinjau:{period_id}", f"{len(items)} penilaian {period.title} menunggu tinjauan Anda",
                   sentence(f"Batas penilaian {tanggal(period.review_deadline)}. Menunggu: {names}"), "period", period_id)


def _objections(today: dt.date):
    """(user, …) for every Atasan Pejabat Penilai with a keberatan to decide."""
    explained = db.session.scalars(
        select(Objection).where(Objection.status == ObjectionStatus.EXPLAINED)
        .options(joinedload(Objection.evaluation).joinedload(AnnualEvaluation.employee)
                 .joinedload(Employee.assessor).joinedload(Employee.assessor).joinedload(Employee.user)))
    for objection in explained:
        employee = objection.evaluation.employee
        second = employee.assessor.assessor if employee.assessor is not None else None
        if second is None or second.user is None or not second.active:
            continue
        yield (second.user, f"keberatan:{objection.id}:putuskan", f"Keberatan {employee.name} menunggu keputusan Anda",
               "Pejabat Penilai sudah memberi tanggapan; sebagai Atasan Pejabat Penilai, kukuhkan atau ubah hasilnya.",
               "annual_evaluation", objection.evaluation_id)


def _digests(today: dt.date):
    """(user, …) once a week for every pengelola kinerja: completion per OPD."""
    from app.services.monitoring.monitoring import default_period, progress_by_opd
    from app.services.org.units import opds_in_scope
    from app.services.years import current_year

    year = current_year(today)
    period = default_period(year, today) if year is not None else None
    if period is None:
        return
    iso = today.isocalendar()
    admins = db.session.scalars(select(User).where(User.role.in_([Role.ADMIN, Role.SUPERADMIN]),
                                                   User.password_hash.is_not(None)))
    for admin in admins:
        rows = progress_by_opd(opds_in_scope(admin), period)
        if not rows:
            continue
        lines = [f"- {r.name}: {r.states.get('diajukan', 0) + r.states.get('disetujui', 0)} dari {r.with_skp} "
                 f"pegawai ber-SKP sudah mengajukan ({r.states.get('disetujui', 0)} dinilai, {r.late} terlambat)"
                 for r in rows]
        yield (admin, f"ringkasan:{iso.year}-W{iso.week:02}", f"Ringkasan mingguan {period.title}",
               "Kelengkapan penilaian per perangkat daerah:\n" + "\n".join(lines), "period", period.id)


def _email(user: User, notification: Notification) -> bool | None:
    """E-mail one reminder: True sent, False failed, None not to be sent."""
    from app.services.mail import mail_enabled, send_mail

    email = user.employee.email if user.employee is not None else None
    if not mail_enabled() or not user.reminder_email or not email:
        return None
    base = (current_app.config.get("BASE_URL") or current_app.config.get("FALLBACK_BASE_URL") or "").rstrip("/")
    body = (f"{notification.body}\n\nLihat di Capaian: {base}/pemberitahuan\n\n"
            f"Tidak ingin menerima pengingat lewat e-mail? {base}/pengingat/berhenti/{unsubscribe_token(user)}\n")
    try:
        send_mail(email, f"[Capaian] {notification.title}", body)
    except OSError:
        current_app.logger.exception("Pengingat tidak terkirim ke %s", email)
        return False
    notification.emailed_at = utcnow()
    return True


def send_reminders(today: dt.date | None = None) -> Run:
    """Give every reminder due today that was not given before; one transaction (the caller commits)."""
    today = today or local_today()
    days = int(current_app.config.get("REMINDER_DAYS_BEFORE", 3))
    run = Run()
    sources = (("batas", _deadlines(today, days)), ("tinjau", _waiting_reviews(today)),
               ("keberatan", _objections(today)))
    weekly = (("ringkasan", _digests(today)),)
    for kind, items in sources + weekly:
        for user, key, title, body, object_type, object_id in items:
            notification = remind(user, key, title, body, object_type=object_type, object_id=object_id)
            if notification is None:
                continue
            run.created[kind] += 1
            sent = _email(user, notification)
            if sent is True:
                run.emailed += 1
            elif sent is False:
                run.failed += 1
    return run


def run_job(day_number: int, day_text: str) -> None:
    """The reminders as a background job (`flask send-reminders --queue`, services/jobs): the day's
    run in its own transaction, on whichever server's worker takes it; the result is logged."""
    from app.extensions import db

    today = dt.date.fromisoformat(day_text)
    run = send_reminders(today)
    db.session.commit()
    current_app.logger.info("Reminders of %s: %s new, %s e-mailed, %s failed", today, run.total, run.emailed,
                            run.failed)
