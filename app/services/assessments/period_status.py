"""Where one pegawai stands in each period of a year — belum dibuka, dapat diisi, draf, diajukan
(terlambat?), dikembalikan, disetujui, ditutup — with the deadline, the days left and the mean
capaian of the utama IKI. Shared by Beranda and the Penilaian pages; a fixed number of queries
(the entry rules themselves are `assessments.window`)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.domain.enums import AssessmentStatus
from app.domain.periods import assessed
from app.domain.scoring import weighted_capaian
from app.domain.skp import PlanStatus, ResultKind
from app.extensions import db
from app.formatting import state_badge
from app.models import AppraisalYear, Assessment, Employee, Indicator, Period, Plan, Realization, WorkResult
from app.models.base import local_today
from app.services.assessments.assessments import Window, entry_opens, window

# state → (label, Bootstrap badge classes; the workflow states in their one colour, formatting.py)
STATES = {
    "not_open": ("Belum dibuka", "text-bg-light border"),
    "awaiting_skp": ("Menunggu SKP disetujui", "text-bg-light border"),
    "open": ("Dapat diisi", "text-bg-info"),
    "draft": ("Draf", state_badge("DRAFT")),
    "submitted": ("Diajukan", state_badge("SUBMITTED")),
    "returned": ("Dikembalikan", state_badge("RETURNED")),
    "approved": ("Disetujui", state_badge("APPROVED")),
    "closed": ("Ditutup", "text-bg-dark"),
    "not_assessed": ("Tidak dinilai", "text-bg-light border"),
}
ACTIONABLE = ("open", "draft", "returned")


@dataclass
class _NotStarted:
    """Stands in for an assessment nobody has opened yet, so `window` judges the period alone."""

    period: Period
    editable: bool = True
    late: bool = False
    extended_until: dt.date | None = None


def window_before_start(period: Period, today: dt.date | None = None) -> Window:
    """Whether a period could be filled today by someone who has not started it yet."""
    return window(_NotStarted(period), today)


def days_note(deadline: dt.date, today: dt.date) -> str:
    """"tinggal 5 hari", "hari ini batas terakhir", "terlambat 3 hari"."""
    days = (deadline - today).days
    if days > 0:
        return f"tinggal {days} hari"
    if days == 0:
        return "hari ini batas terakhir"
    return f"terlambat {-days} hari"


@dataclass
class PeriodStatus:
    period: Period
    assessment: Assessment | None
    window: Window
    capaian: Decimal | None
    today: dt.date
    skipped: bool = False  # ends before the SKP's start date (RULES.md §10)
    # no SKP of the year approved yet: nothing can be filled in, nothing is late — which periods
    # the SKP covers is known only once it is approved (its start date)
    awaiting_skp: bool = False

    @property
    def state(self) -> str:
        a = self.assessment
        if a is not None and not a.editable:
            return a.status.value.lower()
        if self.skipped and a is None:
            return "not_assessed"
        if self.today < entry_opens(self.period):
            return "not_open"
        if self.awaiting_skp and a is None:
            return "awaiting_skp"
        if not self.window.can_edit:
            return "closed"
        if a is None:
            return "open"
        return "returned" if a.status == AssessmentStatus.RETURNED else "draft"

    @property
    def label(self) -> str:
        return STATES[self.state][0]

    @property
    def badge(self) -> str:
        return STATES[self.state][1]

    @property
    def actionable(self) -> bool:
        return self.state in ACTIONABLE

    @property
    def deadline(self) -> dt.date:
        """The submission deadline, or the later date the pengelola kinerja reopened it until."""
        extended = self.assessment.extended_until if self.assessment is not None else None
        if extended is not None and extended > self.period.submission_deadline:
            return extended
        return self.period.submission_deadline

    @property
    def deadline_note(self) -> str | None:
        """Days left (or late) while the pegawai still has to submit; None otherwise."""
        return days_note(self.deadline, self.today) if self.actionable else None

    @property
    def opens(self) -> dt.date:
        return entry_opens(self.period)


def my_assessments(employee_id: int, year: AppraisalYear) -> dict[int, Assessment]:
    """The pegawai's assessments of the year by period id (one query)."""
    return {a.period_id: a for a in db.session.scalars(
        select(Assessment).join(Period, Assessment.period_id == Period.id)
        .where(Assessment.employee_id == employee_id, Period.year_id == year.id)
    )}


def utama_means(assessment_ids: list[int]) -> dict[int, Decimal | None]:
    """The mean stored capaian of the utama IKI of each assessment (one query)."""
    if not assessment_ids:
        return {}
    values: dict[int, list] = defaultdict(list)
    for assessment_id, capaian in db.session.execute(
        select(Realization.assessment_id, Realization.capaian)
        .join(Indicator, Realization.indicator_id == Indicator.id)
        .join(WorkResult, Indicator.result_id == WorkResult.id)
        .where(Realization.assessment_id.in_(assessment_ids), WorkResult.kind == ResultKind.UTAMA)
    ):
        values[assessment_id].append(capaian)
    return {ident: weighted_capaian(values.get(ident, [])) for ident in assessment_ids}


def period_statuses(employee: Employee, year: AppraisalYear, today: dt.date | None = None) -> list[PeriodStatus]:
    """Every period of the year (Akhir last) with the pegawai's state in it."""
    today = today or local_today()
    assessments = my_assessments(employee.id, year)
    means = utama_means([a.id for a in assessments.values()])
    approved, start = approved_skp(employee.id, year)
    statuses = []
    for period in year.periods:
        assessment = assessments.get(period.id)
        state = window(assessment, today) if assessment is not None else window_before_start(period, today)
        statuses.append(PeriodStatus(period, assessment, state,
                                     means.get(assessment.id) if assessment is not None else None, today,
                                     skipped=approved and not period.is_final and not assessed(period.end_date, start),
                                     awaiting_skp=not approved))
    return statuses


def approved_skp(employee_id: int, year: AppraisalYear) -> tuple[bool, dt.date | None]:
    """Whether the pegawai has an approved SKP of the year, and its start date (None: from the
    year's start)."""
    row = db.session.execute(select(Plan.start_date).where(
        Plan.employee_id == employee_id, Plan.year_id == year.id, Plan.status == PlanStatus.APPROVED)
        .order_by(Plan.version.desc()).limit(1)).first()
    return (row is not None, row[0] if row is not None else None)


def current_period(year: AppraisalYear, today: dt.date | None = None) -> Period | None:
    """The regular period to act on now: of those already started, the one whose submission
    deadline comes first from today on; else the latest started; else the first."""
    today = today or local_today()
    regular = [p for p in year.periods if not p.is_final]
    started = [p for p in regular if p.start_date <= today]
    upcoming = sorted((p for p in started if p.submission_deadline >= today), key=lambda p: p.submission_deadline)
    if upcoming:
        return upcoming[0]
    if started:
        return started[-1]
    return regular[0] if regular else None


def year_assessments(employee_ids: list[int], year: AppraisalYear) -> dict[tuple[int, int], Assessment]:
    """(pegawai id, period id) → assessment, for many pegawai and a whole year (one query; none
    for no one)."""
    if not employee_ids:
        return {}
    return {(a.employee_id, a.period_id): a for a in db.session.scalars(
        select(Assessment).join(Period, Assessment.period_id == Period.id)
        .where(Assessment.employee_id.in_(employee_ids), Period.year_id == year.id))}
