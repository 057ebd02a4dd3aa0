"""Capaian saya as data: my IKI over the periods of a year (realisasi and capaian per period,
matched across SKP versions by the IKI's lineage), the mean capaian of the utama IKI per period
and its chart, and my history across years. A fixed number of queries."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.enums import AssessmentStatus
from app.domain.periods import short_label
from app.domain.scoring import weighted_capaian
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import AppraisalYear, Assessment, Employee, Indicator, Period, Plan, Realization, WorkResult
from app.services import charts
from app.services.assessments.assessments import approved_plan_for
from app.services.assessments.period_status import utama_means
from app.services.assessments.rows import lineage_roots

DONE = (AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED)


@dataclass
class Line:
    """One IKI of the SKP in force with its realisasi per period number."""

    indicator: Indicator
    cells: dict[int, Realization] = field(default_factory=dict)


@dataclass
class YearProgress:
    year: AppraisalYear
    plan: Plan | None
    groups: list[tuple[WorkResult, list[Line]]]
    assessments: dict[int, Assessment]  # period number → assessment
    means: dict[int, Decimal | None]  # period number → mean capaian of the utama IKI


def year_progress(employee: Employee, year: AppraisalYear) -> YearProgress:
    plan = approved_plan_for(employee, year)
    assessments = {a.period.number: a for a in db.session.scalars(
        select(Assessment).join(Period, Assessment.period_id == Period.id)
        .where(Assessment.employee_id == employee.id, Period.year_id == year.id)
        .options(selectinload(Assessment.period)))}
    by_id = utama_means([a.id for a in assessments.values()])
    means = {number: by_id.get(a.id) for number, a in assessments.items()}
    if plan is None:
        return YearProgress(year, None, [], assessments, means)
    results = list(db.session.scalars(
        select(WorkResult).where(WorkResult.plan_id == plan.id).options(selectinload(WorkResult.indicators))
        .order_by(WorkResult.position, WorkResult.id)))
    year_indicators = list(db.session.scalars(
        select(Indicator).join(WorkResult, Indicator.result_id == WorkResult.id).join(Plan, WorkResult.plan_id == Plan.id)
        .where(Plan.employee_id == employee.id, Plan.year_id == year.id)))
    roots = lineage_roots(year_indicators)
    cells: dict[int, dict[int, Realization]] = defaultdict(dict)
    numbers = {a.id: number for number, a in assessments.items()}
    if numbers:
        for realization in db.session.scalars(select(Realization).where(Realization.assessment_id.in_(numbers))):
            root = roots.get(realization.indicator_id, realization.indicator_id)
            cells[root][numbers[realization.assessment_id]] = realization
    ordered = [r for r in results if r.kind.value == "UTAMA"] + [r for r in results if r.kind.value != "UTAMA"]
    groups = [(r, [Line(i, cells.get(roots.get(i.id, i.id), {})) for i in r.indicators]) for r in ordered]
    return YearProgress(year, plan, groups, assessments, means)


@dataclass
class HistoryRow:
    year: AppraisalYear
    plan: Plan | None
    submitted: int
    regular: int
    mean: Decimal | None


def history(employee: Employee) -> list[HistoryRow]:
    """One row per appraisal year: the SKP version in force, periods submitted, mean capaian."""
    years = list(db.session.scalars(
        select(AppraisalYear).options(selectinload(AppraisalYear.periods)).order_by(AppraisalYear.year.desc())))
    plans: dict[int, Plan] = {}
    for plan in db.session.scalars(select(Plan).where(
            Plan.employee_id == employee.id, Plan.status == PlanStatus.APPROVED).order_by(Plan.version)):
        plans[plan.year_id] = plan  # the newest approved version wins
    done: dict[int, list[Assessment]] = defaultdict(list)
    for a in db.session.scalars(select(Assessment).where(
            Assessment.employee_id == employee.id, Assessment.status.in_(DONE)).options(selectinload(Assessment.period))):
        if not a.period.is_final:
            done[a.period.year_id].append(a)
    means = utama_means([a.id for rows in done.values() for a in rows])
    return [HistoryRow(y, plans.get(y.id), len(done[y.id]), sum(1 for p in y.periods if not p.is_final),
                       weighted_capaian(means.get(a.id) for a in done[y.id]))
            for y in years if y.id in plans or done[y.id]]


def chart(progress: YearProgress):
    bars = [(short_label(p), progress.means.get(p.number)) for p in progress.year.periods]
    return charts.bar_chart(
        bars, title=f"Rata-rata capaian IKI utama per periode, {progress.year.year}",
        description="Batang: rata-rata capaian IKI utama yang tersimpan tiap periode; garis putus-putus: target 100 %.",
        chart_id=f"grafik-{progress.year.year}")
