"""What Beranda and Profil show: my data, my reporting line, my team, my admin area, the SKP
to-dos of the current year (mine to draft or revise, my team's to approve), and the period to-dos
(the open period with its deadline, the IKI still without realisasi, what came back to me, how
many of my team submitted), the submissions waiting for my review, my annual result with its
keberatan window and the keberatan waiting for me."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.domain.enums import AssessmentStatus
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import ActingAssignment, AppraisalYear, Assessment, Employee, Indicator, OrgUnit, Period, Plan, User
from app.models.base import local_today, utcnow
from app.security import admin_opd_ids
from app.services.assessments.assessments import missing_entries
from app.services.assessments.period_status import PeriodStatus, current_period, period_statuses
from app.services.org.head_assessed import head_assessed, on_behalf_of
from app.services.org.team import members_today
from app.services.reviews.annual_queue import AnnualQueue, annual_queue
from app.services.reviews.review_queue import QueueItem, review_queue
from app.services.skp.plans import newest_plans
from app.services.years import current_year


@dataclass
class AdminSummary:
    opd_count: int
    employee_count: int
    inactive_count: int
    without_password: int
    locked: int


@dataclass
class MyPlan:
    """My SKP of the year: the newest version, and the approved one in force when that differs."""

    year: AppraisalYear
    plan: Plan | None
    in_force: Plan | None
    assessor_name: str | None

    @property
    def state(self) -> str:
        """start, draft, revision (version n+1 in draft), returned, submitted, approved."""
        if self.plan is None:
            return "start"
        if self.plan.status == PlanStatus.DRAFT:
            return "revision" if self.plan.version > 1 else "draft"
        return self.plan.status.value.lower()


@dataclass
class Review:
    """A pegawai whose SKP I approve, and in what capacity (None: as their Pejabat Penilai)."""

    employee: Employee
    plan: Plan | None
    capacity: str | None = None


@dataclass
class TeamPlans:
    """My team's SKPs of the year: those waiting for my approval, and who has none yet."""

    year: AppraisalYear
    waiting: list[Review]
    without_plan: list[Employee]
    counts: Counter
    total: int

    @property
    def summary(self) -> list[tuple[str, int]]:
        """("disetujui", 4), ("diajukan", 2), …, ("belum menyusun", 1): the non-zero counts."""
        order = (PlanStatus.APPROVED, PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.DRAFT, None)
        return [(s.label.lower() if s else "belum menyusun", self.counts[s]) for s in order if self.counts[s]]


@dataclass
class MyPeriods:
    """My period to-dos of the year: the period to act on now, its IKI still without realisasi,
    submissions returned to me, and earlier periods still to submit."""

    year: AppraisalYear
    has_plan: bool
    current: PeriodStatus | None
    missing: list[str] = field(default_factory=list)
    returned: list[PeriodStatus] = field(default_factory=list)
    overdue: list[PeriodStatus] = field(default_factory=list)


@dataclass
class TeamPeriod:
    """How far my direct reports are with the current period."""

    period: Period
    done: int
    returned: int
    total: int


@dataclass
class Home:
    user: User
    employee: Employee | None
    assessor: Employee | None = None
    second_assessor: Employee | None = None
    subordinates: list[Employee] = field(default_factory=list)
    acting: list[ActingAssignment] = field(default_factory=list)
    admin: AdminSummary | None = None
    year: AppraisalYear | None = None
    my_plan: MyPlan | None = None
    team_plans: TeamPlans | None = None
    my_periods: MyPeriods | None = None
    team_period: TeamPeriod | None = None
    reviews: list[QueueItem] = field(default_factory=list)  # period submissions waiting for my review
    annual: AnnualQueue = field(default_factory=AnnualQueue)  # my annual result, keberatan to handle


def build(user: User, today: dt.date | None = None) -> Home:
    today = today or local_today()
    employee = None
    if user.employee_id is not None:
        employee = db.session.scalar(
            select(Employee)
            .where(Employee.id == user.employee_id)
            .options(
                selectinload(Employee.unit).selectinload(OrgUnit.opd),
                selectinload(Employee.assessor).selectinload(Employee.assessor),
                selectinload(Employee.assessor).selectinload(Employee.unit),
            )
        )
    home = Home(user=user, employee=employee)
    if employee is not None:
        home.assessor = employee.assessor
        home.second_assessor = employee.assessor.assessor if employee.assessor else None
        home.subordinates = list(
            db.session.scalars(
                select(Employee)
                .where(Employee.assessor_id == employee.id, Employee.active.is_(True))
                .options(selectinload(Employee.unit))
                .order_by(Employee.name)
            )
        )
        home.acting = list(
            db.session.scalars(
                select(ActingAssignment)
                .where(
                    ActingAssignment.acting_employee_id == employee.id,
                    ActingAssignment.end_date >= today,
                )
                .options(selectinload(ActingAssignment.unit))
                .order_by(ActingAssignment.start_date)
            )
        )
    if user.is_admin:
        home.admin = _admin_summary(user)
    home.year = current_year(today)
    if home.year is not None:
        if employee is not None:
            home.my_plan = _my_plan(employee, home.year)
            home.my_periods = _my_periods(employee, home, today)
        home.team_plans = _team_plans(user, home, today)
        if home.subordinates:
            home.team_period = _team_period(home.subordinates, home.year, today)
    home.reviews = review_queue(user, today)
    home.annual = annual_queue(user, today)
    return home


def _my_periods(employee: Employee, home: Home, today: dt.date) -> MyPeriods:
    """A fixed number of queries: the period states, and for the current one its missing IKI."""
    has_plan = home.my_plan is not None and (
        home.my_plan.in_force is not None or (home.my_plan.plan is not None and home.my_plan.plan.status == PlanStatus.APPROVED))
    statuses = period_statuses(employee, home.year, today)
    period = current_period(home.year, today)
    current = next((s for s in statuses if period is not None and s.period.id == period.id), None)
    todo = MyPeriods(home.year, has_plan, current,
                     returned=[s for s in statuses if s.state == "returned" and s is not current],
                     overdue=[s for s in statuses if s.actionable and s is not current and s.deadline < today])
    if current is not None and current.actionable and current.assessment is not None:
        ids = [int(name.rsplit("_", 1)[1]) for name, _message in missing_entries(current.assessment)]
        if ids:
            texts = dict(db.session.execute(select(Indicator.id, Indicator.text).where(Indicator.id.in_(ids))).all())
            todo.missing = [texts[i] for i in ids if i in texts]
    return todo


def _team_period(team: list[Employee], year: AppraisalYear, today: dt.date) -> TeamPeriod | None:
    """How many of my direct reports submitted the current period (one query)."""
    period = current_period(year, today)
    if period is None:
        return None
    counts = dict(db.session.execute(
        select(Assessment.status, func.count()).where(
            Assessment.period_id == period.id, Assessment.employee_id.in_([e.id for e in team]))
        .group_by(Assessment.status)).all())
    done = counts.get(AssessmentStatus.SUBMITTED, 0) + counts.get(AssessmentStatus.APPROVED, 0)
    return TeamPeriod(period, done, counts.get(AssessmentStatus.RETURNED, 0), len(team))


def _my_plan(employee: Employee, year: AppraisalYear) -> MyPlan:
    versions = list(db.session.scalars(
        select(Plan).where(Plan.employee_id == employee.id, Plan.year_id == year.id).order_by(Plan.version)
    ))
    newest = versions[-1] if versions else None
    in_force = next((p for p in reversed(versions) if p.status == PlanStatus.APPROVED), None)
    if employee.assessor is not None:
        assessor = employee.assessor.name
    else:
        assessor = employee.external_assessor_title or employee.external_assessor_name
    return MyPlan(year=year, plan=newest, in_force=in_force if in_force is not newest else None,
                  assessor_name=assessor)


def _team_plans(user: User, home: Home, today: dt.date) -> TeamPlans | None:
    """Whose SKP I approve: whom I review today (`services/team`: direct reports and the reports
    of the posts I stand in for), and, for a pengelola kinerja, the top officials assessed by the
    kepala daerah (recorded on their behalf). A fixed number of queries, whatever the team's size."""
    reviews = {m.employee.id: Review(m.employee, None, m.capacity) for m in members_today(user, today)}
    officials = [Review(e, None, f"dicatat atas nama {on_behalf_of(e)}") for e in head_assessed(user)]
    if not reviews and not officials:
        return None
    plans = newest_plans([*reviews, *(r.employee.id for r in officials)], home.year)
    for review in (*reviews.values(), *officials):
        review.plan = plans.get(review.employee.id)
    team = sorted(reviews.values(), key=lambda r: r.employee.name)
    waiting = [r for r in (*team, *officials) if r.plan is not None and r.plan.status == PlanStatus.SUBMITTED]
    waiting.sort(key=lambda r: (r.plan.submitted_at, r.employee.name))
    return TeamPlans(
        year=home.year, waiting=waiting,
        without_plan=[r.employee for r in team if r.plan is None],
        counts=Counter(r.plan.status if r.plan is not None else None for r in team), total=len(team),
    )


def _admin_summary(user: User) -> AdminSummary:
    scope = admin_opd_ids(user)
    base = select(Employee).join(OrgUnit, Employee.unit_id == OrgUnit.id)
    if scope is not None:
        base = base.where(OrgUnit.opd_id.in_(scope or {-1}))
    ids = base.with_only_columns(Employee.id).subquery()
    counts = db.session.execute(
        select(
            func.count().filter(Employee.active.is_(True)),
            func.count().filter(Employee.active.is_(False)),
        ).where(Employee.id.in_(select(ids.c.id)))
    ).one()
    account_counts = db.session.execute(
        select(
            func.count().filter(User.password_hash.is_(None)),
            func.count().filter(User.locked_until > utcnow()),
        ).where(User.employee_id.in_(select(ids.c.id)))
    ).one()
    opd_count = len(scope) if scope is not None else db.session.scalar(
        select(func.count()).select_from(OrgUnit).where(OrgUnit.kind == "OPD")
    )
    return AdminSummary(
        opd_count=opd_count,
        employee_count=counts[0],
        inactive_count=counts[1],
        without_password=account_counts[0],
        locked=account_counts[1],
    )
