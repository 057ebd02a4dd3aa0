"""The period assessments of the demo year (part of `flask seed-demo`).

The demo's story is set on STORY_DAY (23 November 2026): the deadlines of Triwulan I–III have
passed, Triwulan IV is running. Every pegawai with an approved SKP has assessed the past periods:
realisasi for every IKI (narratives for kualitatif SKPs), notes on some, bukti dukung (small PDF or
PNG files made by demo_evidence and stored through evidence_store like any upload, or links
to the kabupaten's archive), reflections on a few BerAKHLAK values. Most submitted on time, a
handful late, a few past periods were left in draft, and one submission in the demo supervisor's
team came back with her notes. About half have a Triwulan IV draft with the values so far.

Each pegawai performs around, above or below target (a seeded draw); the realisasi follows from a
wished capaian, and the stored capaian comes from assessment_rows.compute, the function the app
uses when a pegawai saves, so lower-is-better, ranges and the pro-rata targets of cumulative IKI
are the app's own. Rows are built in memory and written with four bulk inserts; dates are fixed.
"""
from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import insert, select
from sqlalchemy.orm import selectinload

from app.domain.enums import AssessmentStatus
from app.domain.scoring import period_target
from app.domain.skp import Approach, Direction, PlanStatus
from app.extensions import db
from app.models import (
    AppraisalYear, Assessment, BehaviorReflection, CoreValue, Employee, Evidence, Indicator,
    IndicatorPeriodTarget, Period, Plan, Realization, WorkResult,
)
from app.seed.demo import assessment_data as text
from app.seed.demo import names
from app.seed.demo.evidence import EvidenceMaker
from app.seed.demo.plan import REFERENCE_YEAR, SEED, DemoPlan
from app.services.assessments.rows import compute

WIB = dt.timezone(dt.timedelta(hours=7))
STORY_DAY = dt.date(REFERENCE_YEAR, 11, 23)  # the demo's "today" (SEED is this date too)
# How pegawai perform: (cumulative share, mean wished capaian, spread); the rest are on track.
TIERS = ((0.14, 112, 3), (0.30, 82, 5), (1.0, 100, 3))
IKI_SPREAD, PERIOD_SPREAD = 4, 4  # per IKI (kept over the year) and per period
LATE, DRAFT = 0.006, 0.008  # chance per pegawai and past period: submitted late, left in draft
CURRENT = 0.55  # share with a draft for the running period
FILE, FILE_AND_LINK, LINK = 0.07, 0.085, 0.55  # bukti dukung of a submitted realisasi (cumulative)
LOGIN_OFFSETS = (6, -14, 12, 0, -6, 3)  # the demo logins' IKI: some above, some below
NOTE_CHANCE = {"below": 0.45, "above": 0.3, "around": 0.08}
MAX_VALUE = {"%": Decimal(100), "Nilai": Decimal(100)}
WHOLE = {"Temuan", "Kasus", "Level", "Rekomendasi"}  # counted, never fractional
HUNDREDTHS = {"Skor", "Indeks"}


@dataclass
class AssessmentSummary:
    assessments: int
    statuses: dict[str, dict[str, int]]  # period label -> status -> count
    late: int
    realizations: int
    files: int
    links: int
    reflections: int

    def as_dict(self) -> dict:
        return {"assessments": self.assessments, "assessment_statuses": self.statuses, "late": self.late,
                "realizations": self.realizations, "evidence_files": self.files, "evidence_links": self.links,
                "reflections": self.reflections}


def login_indices(demo: DemoPlan) -> dict[str, int]:
    """Demo login label -> the pegawai's position in demo.people (as DemoPlan.login_nips)."""
    return {label: demo.heads[(opd, unit)] if whom == "head" else demo.staff[(opd, unit)][whom]
            for label, opd, unit, whom in names.DEMO_LOGINS}


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _places(indicator: Indicator) -> int:
    if indicator.cumulative or indicator.unit in WHOLE:
        return 0
    return 2 if indicator.unit in HUNDREDTHS else 1


def _level(capaian: Decimal | None, wished: float) -> str:
    score = float(capaian) if capaian is not None else wished
    return "below" if score < 90 else "above" if score > 110 else "around"


@dataclass
class _Row:
    result: WorkResult
    indicator: Indicator
    offset: float
    narrative: bool  # kualitatif, or an IKI without a numeric target


class _Builder:
    def __init__(self, demo: DemoPlan, employees: list[Employee]):
        self.demo, self.employees = demo, employees
        self.rng = random.Random(SEED + 4)
        self.year = db.session.scalar(select(AppraisalYear).where(AppraisalYear.year == REFERENCE_YEAR))
        regular = [p for p in self.year.periods if not p.is_final]
        self.count = len(regular)
        self.evidence = EvidenceMaker(self.rng, demo, employees, self.year.year, self.count)
        self.past = [p for p in regular if p.submission_deadline < STORY_DAY]
        self.current = next((p for p in regular if p.start_date <= STORY_DAY <= p.end_date), None)
        self.values = list(db.session.scalars(select(CoreValue).order_by(CoreValue.position)))
        logins = login_indices(demo)
        self.logins = set(logins.values())
        self.pegawai_login = logins[names.DEMO_LOGINS[0][0]]
        self.plans = self._approved_plans()
        # The one returned submission: a member of the demo supervisor's team (not the demo pegawai,
        # whose pages show the ordinary path), in the last past period; the same one was late before.
        team = [i for i in demo.staff[(names.DINKES, names.UMUM_KEPEG)]
                if i != self.pegawai_login and employees[i].id in self.plans]
        self.returned = (team[0], self.past[-1].number) if team and self.past else None
        self.late = (team[0], self.past[-2].number) if team and len(self.past) > 1 else None
        # (assessment, [(realisasi, [bukti dukung])], [reflections]) as the values of bulk inserts
        self.assessments: list[tuple[dict, list[tuple[dict, list[dict]]], list[dict]]] = []

    def _approved_plans(self) -> dict[int, Plan]:
        """employee id -> the approved SKP in force (the latest approved version), with its IKI."""
        plans = db.session.scalars(
            select(Plan).where(Plan.year_id == self.year.id, Plan.status == PlanStatus.APPROVED)
            .order_by(Plan.version)
            .options(selectinload(Plan.results).selectinload(WorkResult.indicators)
                     .selectinload(Indicator.period_targets).selectinload(IndicatorPeriodTarget.period))
            .execution_options(populate_existing=True)  # the IKI were written by a bulk insert
        )
        return {plan.employee_id: plan for plan in plans}

    # -- one pegawai's year -------------------------------------------------------------------
    def build(self) -> None:
        for index, employee in enumerate(self.employees):
            plan = self.plans.get(employee.id)
            if plan is not None:
                self._pegawai(index, employee, plan)

    def _pegawai(self, index: int, employee: Employee, plan: Plan) -> None:
        rng, login = self.rng, index in self.logins
        draw = rng.random()
        _share, mean, spread = next(t for t in TIERS if draw < t[0])
        base = rng.gauss(100, 2) if login else rng.gauss(mean, spread)
        rows = []
        for result in plan.utama + plan.tambahan:
            for indicator in result.indicators:
                offset = (LOGIN_OFFSETS[(len(rows) + index) % len(LOGIN_OFFSETS)] if login
                          else rng.gauss(0, IKI_SPREAD))
                rows.append(_Row(result, indicator, offset, plan.approach == Approach.KUALITATIF
                                 or indicator.target_value is None))
        values: dict[int, dict[int, Decimal | None]] = {row.indicator.id: {} for row in rows}
        for period in [*self.past, self.current]:
            state = self._state(index, period, login)
            if state is not None:
                self._assessment(index, employee, plan, period, state, base, rows, values)

    def _state(self, index: int, period: Period | None, login: bool) -> str | None:
        """submitted, late, draft (never submitted), returned; progress: a draft of the running period."""
        if period is None:
            return None
        draw = self.rng.random()
        if period is self.current:
            return "progress" if login or draw < CURRENT else None
        if (index, period.number) == self.returned:
            return "returned"
        if (index, period.number) == self.late:
            return "late"
        if login or draw >= DRAFT + LATE:
            return "submitted"
        return "draft" if draw < DRAFT else "late"

    def _assessment(self, index, employee, plan, period, state, base, rows, values) -> None:
        rng = self.rng
        created, edited, submitted, returned = self._times(period, state)
        progress = 1.0
        if state == "progress":
            progress = (edited.date() - period.start_date).days / ((period.end_date - period.start_date).days + 1)
        assessment = {
            "employee_id": employee.id, "period_id": period.id, "plan_id": plan.id, "created_at": created,
            "status": {"returned": AssessmentStatus.RETURNED, "draft": AssessmentStatus.DRAFT,
                       "progress": AssessmentStatus.DRAFT}.get(state, AssessmentStatus.SUBMITTED),
            "submitted_at": submitted, "late": state == "late", "returned_at": returned, "return_reason": None,
            "updated_at": returned or submitted or edited, "lock_version": 1,
        }
        realizations = []
        unproven = None  # the IKI the assessor's return notes are about: no bukti dukung yet
        for k, row in enumerate(rows):
            if state == "draft":  # given up half-way: the last IKI at least is still empty
                filled = k < len(rows) - 1 and (k == 0 or rng.random() < 0.5)
            else:
                filled = state != "progress" or k == 0 or rng.random() < 0.65
            wished = min(max(base + row.offset + rng.gauss(0, PERIOD_SPREAD), 50), 125)
            realization = {"indicator_id": row.indicator.id, "value": None, "narrative": None, "note": None,
                           "capaian": None, "updated_at": edited}
            values[row.indicator.id][period.number] = None
            if filled and row.narrative:
                level = "progress" if state == "progress" else _level(None, wished)
                realization["narrative"] = self._words(rng.choice(text.NARRATIVES[level]), period, edited)
            elif filled:
                value = self._value(row.indicator, period, wished, values[row.indicator.id], progress)
                values[row.indicator.id][period.number] = value
                _target, _high, capaian = compute(row.indicator, period, values[row.indicator.id], self.count,
                                                  plan.approach)
                realization.update(value=value, capaian=capaian)
                level = _level(capaian, wished) if value else "scheduled" if capaian < 90 else "delivered"
                if level in ("scheduled", "delivered") or rng.random() < NOTE_CHANCE[level]:
                    realization["note"] = self._words(rng.choice(text.NOTES[level]), period, edited)
            evidence = []
            if not filled or realization["value"] == 0:
                pass  # nothing to prove this period
            elif state == "returned" and unproven is None:
                unproven = row.indicator
            else:
                evidence = [self.evidence.make(kind, employee, period, row.result, row.indicator, realization,
                                               plan.approach, edited)
                            for kind in self._evidence_kinds(index, k, state)]
            realizations.append((realization, evidence))
        if state == "returned":
            assessment["return_reason"] = text.RETURN_REASON.format(iki=unproven.text)
        self.assessments.append((assessment, realizations, self._reflections(index, state, period, edited)))

    # -- numbers --------------------------------------------------------------------------------
    def _value(self, indicator: Indicator, period: Period, wished: float, earlier: dict[int, Decimal | None],
               progress: float) -> Decimal:
        """The realisasi that gives about the wished capaian under the IKI's rule."""
        factor = Decimal(str(round(wished, 1))) / 100
        towards = {Direction.HIGHER: factor, Direction.LOWER: 2 - factor}.get(indicator.direction, Decimal(1))
        annual = indicator.target_value
        if indicator.cumulative:
            targets = {t.period.number: t.value for t in indicator.period_targets if t.period is not None}
            now = period_target(annual, period.number, self.count, cumulative=True, period_targets=targets)
            before = (period_target(annual, period.number - 1, self.count, cumulative=True, period_targets=targets)
                      if period.number > 1 else Decimal(0))
            expected = before + (now - before) * Decimal(str(round(progress, 2)))
            done = sum((v for n, v in earlier.items() if n < period.number and v is not None), Decimal(0))
            return max(_round(expected * towards, 0) - done, Decimal(0))
        if indicator.direction == Direction.RANGE and indicator.target_high is not None:
            if wished < 88:  # below the range
                value = annual * factor
            else:
                inside = Decimal(str(round(self.rng.uniform(0.15, 0.85), 2)))
                value = annual + (indicator.target_high - annual) * inside
        else:
            value = annual * towards
        value = min(value, MAX_VALUE.get(indicator.unit or "", value))
        return max(_round(value, _places(indicator)), Decimal(0))

    # -- dates ------------------------------------------------------------------------------------
    def _times(self, period: Period, state: str):
        """(created, last edit, submitted, returned) as WIB times on working hours."""
        rng = self.rng
        deadline = period.submission_deadline
        if state == "submitted":
            day = period.end_date + dt.timedelta(days=rng.randint(-4, (deadline - period.end_date).days))
        elif state == "returned":  # shortly before the deadline; the assessor reviews after it
            day = deadline - dt.timedelta(days=rng.randint(0, 4))
        elif state == "late":
            day = deadline + dt.timedelta(days=rng.randint(1, 12))
        elif state == "draft":
            day = period.end_date - dt.timedelta(days=rng.randint(3, 20))
        else:
            day = max(STORY_DAY - dt.timedelta(days=rng.randint(2, 25)), period.start_date + dt.timedelta(days=20))
        at = dt.datetime.combine(day, dt.time(8), WIB) + dt.timedelta(minutes=rng.randint(0, 8 * 60))
        created = max(at - dt.timedelta(days=rng.randint(5, 20), hours=rng.randint(0, 5)),
                      dt.datetime.combine(period.start_date + dt.timedelta(days=14), dt.time(9), WIB))
        if state in ("draft", "progress"):
            return created, at, None, None
        edited = at - dt.timedelta(minutes=rng.randint(5, 90))
        returned = None
        if state == "returned":
            day = rng.randint(deadline.toordinal() + 2, period.review_deadline.toordinal())
            returned = dt.datetime.combine(dt.date.fromordinal(day), dt.time(10), WIB) \
                + dt.timedelta(minutes=rng.randint(0, 300))
        return created, edited, at, returned

    def _words(self, template: str, period: Period, at: dt.datetime) -> str:
        months = text.MONTHS[period.start_date.month - 1:period.end_date.month]
        month = text.MONTHS[at.month - 1] if period.start_date <= at.date() <= period.end_date \
            else self.rng.choice(months)
        return template.format(period=period.title, month=month, months="–".join((months[0], months[-1])))

    # -- what comes with a realisasi -------------------------------------------------------------
    def _evidence_kinds(self, index: int, k: int, state: str) -> tuple[str, ...]:
        if index in self.logins:  # the demo logins' pages show every kind
            return (("pdf",), ("link",), ("png",), ("pdf", "link"))[k % 4]
        draw = self.rng.random()
        if state == "progress" or state == "draft":
            return ("pdf",) if draw < 0.03 else ("link",) if draw < 0.3 else ()
        file = "pdf" if self.rng.random() < 0.65 else "png"
        if draw < FILE:
            return (file,)
        if draw < FILE_AND_LINK:
            return (file, "link")
        return ("link",) if draw < LINK else ()

    def _reflections(self, index: int, state: str, period: Period, at: dt.datetime) -> list[dict]:
        rng = self.rng
        if index in self.logins:
            count = 3 if state != "progress" else 1
        elif state in ("draft", "progress"):
            count = 1 if rng.random() < 0.25 else 0
        else:
            count = rng.choice((0, 1, 2, 2, 3))
        chosen = sorted(rng.sample(self.values, count), key=lambda v: v.position)
        return [{"core_value_id": v.id, "text": self._words(rng.choice(text.REFLECTIONS[v.position]), period, at)}
                for v in chosen]

    # -- writing --------------------------------------------------------------------------------
    def write(self) -> None:
        """Four bulk inserts; the ids of assessments and realisasi come back in parameter order."""
        def ids(model, rows):
            table = model.__table__
            statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            return list(db.session.execute(statement, rows).scalars()) if rows else []

        assessment_ids = ids(Assessment, [a for a, _r, _b in self.assessments])
        realizations, evidence, reflections = [], [], []
        for assessment_id, (_a, rows, behaviour) in zip(assessment_ids, self.assessments):
            realizations += [dict(row, assessment_id=assessment_id) for row, _e in rows]
            reflections += [dict(row, assessment_id=assessment_id) for row in behaviour]
        proofs = [proof for _a, rows, _b in self.assessments for _row, proof in rows]
        for realization_id, items in zip(ids(Realization, realizations), proofs):
            evidence += [dict(item, realization_id=realization_id) for item in items]
        for model, rows in ((Evidence, evidence), (BehaviorReflection, reflections)):
            if rows:
                db.session.execute(insert(model.__table__), rows)

    def summary(self) -> AssessmentSummary:
        periods = {p.id: p.label for p in [*self.past, self.current] if p is not None}
        statuses: dict[str, Counter] = {}
        for a, _rows, _behaviour in self.assessments:
            statuses.setdefault(periods[a["period_id"]], Counter())[a["status"].value] += 1
        return AssessmentSummary(
            assessments=len(self.assessments), statuses={k: dict(v) for k, v in statuses.items()},
            late=sum(a["late"] for a, _r, _b in self.assessments),
            realizations=sum(len(rows) for _a, rows, _b in self.assessments), files=self.evidence.files,
            links=self.evidence.links, reflections=sum(len(b) for _a, _r, b in self.assessments),
        )


def seed_assessments(demo: DemoPlan, employees: list[Employee]) -> AssessmentSummary:
    """Write the demo year's period assessments (after seed_skp); employees in demo.people order."""
    builder = _Builder(demo, employees)
    builder.build()
    builder.write()
    return builder.summary()
