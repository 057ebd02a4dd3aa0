"""What one period's evaluation shows per IKI: the target for the period, the realisasi, the
capaian (RULES.md §3), and the evidence. Realisasi of earlier periods count for cumulative IKI,
matched across SKP versions by the IKI's lineage."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.enums import AssessmentStatus
from app.domain.periods import skipped_numbers
from app.domain.scoring import period_achievement, period_target
from app.domain.skp import Approach, Direction
from app.extensions import db
from app.models import Assessment, Indicator, IndicatorPeriodTarget, Period, Plan, Realization, WorkResult

MAX_LINEAGE = 50


@dataclass
class IndicatorRow:
    indicator: Indicator
    result: WorkResult
    realization: Realization | None
    target: Decimal | None  # the target that counts in this period (pro rata or per period)
    target_high: Decimal | None
    so_far: Decimal | None  # cumulative realisasi up to this period (cumulative IKI)
    capaian: Decimal | None
    earlier: dict[int, Decimal | None] = field(default_factory=dict)  # period number -> value


def lineage_roots(indicators: list[Indicator]) -> dict[int, int]:
    """Indicator id -> the id of its first version (follows origin_id through loaded rows)."""
    origin = {i.id: i.origin_id for i in indicators}
    roots = {}
    for ident in origin:
        node, steps = ident, 0
        while origin.get(node) is not None and steps < MAX_LINEAGE:
            node, steps = origin[node], steps + 1
        roots[ident] = node
    return roots


def _year_values(assessment: Assessment) -> tuple[dict[int, dict[int, Decimal | None]], dict[int, int]]:
    """For every IKI lineage: the realisasi per period number of this pegawai's year (two queries)."""
    rows = db.session.execute(
        select(Realization.value, Realization.indicator_id, Period.number)
        .join(Assessment, Realization.assessment_id == Assessment.id)
        .join(Period, Assessment.period_id == Period.id)
        .where(Assessment.employee_id == assessment.employee_id, Period.year_id == assessment.period.year_id)
    ).all()
    plan_ids = select(Plan.id).where(Plan.employee_id == assessment.employee_id,
                                     Plan.year_id == assessment.period.year_id)
    indicators = list(db.session.scalars(
        select(Indicator).join(WorkResult, Indicator.result_id == WorkResult.id)
        .where(WorkResult.plan_id.in_(plan_ids))
    ))
    roots = lineage_roots(indicators)
    by_root: dict[int, dict[int, Decimal | None]] = {}
    for value, indicator_id, number in rows:
        by_root.setdefault(roots.get(indicator_id, indicator_id), {})[number] = value
    return by_root, roots


def regular_count(period: Period) -> int:
    return sum(1 for p in period.year.periods if not p.is_final)


def compute(indicator: Indicator, period: Period, values: dict[int, Decimal | None], count: int,
            approach: Approach, skipped=frozenset()) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(target, target_high, capaian) of one IKI in one period; kualitatif IKI have no numbers.
    `skipped`: the periods before the SKP's start date, whose share of the target does not count."""
    if approach == Approach.KUALITATIF or indicator.target_value is None:
        return None, None, None
    targets = {t.period.number: t.value for t in indicator.period_targets if t.period is not None}
    target = period_target(indicator.target_value, period.number, count, cumulative=indicator.cumulative,
                           period_targets=targets, final=period.is_final, skipped=skipped)
    high = None
    if indicator.direction == Direction.RANGE and indicator.target_high is not None:
        high = indicator.target_high
        scaled = (indicator.cumulative and not period.is_final) or (period.is_final and skipped)
        if scaled and target is not None and indicator.target_value:
            high = indicator.target_high * target / indicator.target_value
    capaian = period_achievement(
        target=indicator.target_value, target_high=indicator.target_high, direction=indicator.direction,
        cumulative=indicator.cumulative, number=period.number, count=count, values=values,
        period_targets=targets, final=period.is_final, skipped=skipped,
    )
    return target, high, capaian


def indicator_rows(assessment: Assessment) -> list[IndicatorRow]:
    """Every IKI of the assessment's SKP, in SKP order, with its numbers for this period."""
    plan = db.session.scalar(
        select(Plan).where(Plan.id == assessment.plan_id).options(
            selectinload(Plan.results).selectinload(WorkResult.indicators)
            .selectinload(Indicator.period_targets).selectinload(IndicatorPeriodTarget.period)
        )
    )
    realizations = {
        r.indicator_id: r for r in db.session.scalars(
            select(Realization).where(Realization.assessment_id == assessment.id)
            .options(selectinload(Realization.evidence))
        )
    }
    by_root, roots = _year_values(assessment)
    period = assessment.period
    count = regular_count(period)
    skipped = skipped_numbers(period.year.periods, plan.start_date)
    rows = []
    for result in plan.utama + plan.tambahan:
        for indicator in result.indicators:
            values = dict(by_root.get(roots.get(indicator.id, indicator.id), {}))
            realization = realizations.get(indicator.id)
            values[period.number] = realization.value if realization else None
            target, high, capaian = compute(indicator, period, values, count, plan.approach, skipped)
            so_far = None
            if indicator.cumulative and not period.is_final and values.get(period.number) is not None:
                so_far = sum((v for k, v in values.items() if k <= period.number and v is not None), Decimal(0))
            rows.append(IndicatorRow(indicator, result, realization, target, high, so_far, capaian,
                                     {k: v for k, v in values.items() if k < period.number}))
    return rows


def refresh_capaian(assessment: Assessment) -> None:
    """Store the capaian of every realisasi of the assessment (after a save), and of later periods
    of the same year whose cumulative sums depend on it."""
    for row in indicator_rows(assessment):
        if row.realization is not None:
            row.realization.capaian = row.capaian
    later = db.session.scalars(
        select(Assessment).join(Period, Assessment.period_id == Period.id)
        .where(Assessment.employee_id == assessment.employee_id, Period.year_id == assessment.period.year_id,
               Period.number > assessment.period.number, Assessment.status != AssessmentStatus.APPROVED)
    )
    for other in later:
        for row in indicator_rows(other):
            if row.realization is not None and row.indicator.cumulative:
                row.realization.capaian = row.capaian
