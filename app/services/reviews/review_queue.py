"""Whom I review in which period (RULES.md §3–§4, the rule of `services/team`, as
`security.is_period_reviewer` decides for one pegawai): my direct reports, and the team of a post
I act for (Plt./Plh.) for the periods the assignment overlaps (or any period while it runs). Two
views of it, each in a fixed number of queries:

- `review_queue(user, today)`: the submissions waiting for my review with their review deadlines,
  overdue first (Beranda);
- `review_grid(user, year, today)`: the team × the periods of a year with the state of each
  assessment, counts per period, and, for the Atasan Pejabat Penilai, the teams two levels down."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import aliased, contains_eager, selectinload

from app.domain.enums import AssessmentStatus
from app.extensions import db
from app.models import ActingAssignment, AppraisalYear, Assessment, Employee, Period, User
from app.models.base import local_today
from app.services.assessments.assessments import entry_opens
from app.services.assessments.period_status import days_note
from app.services.assessments.period_status import year_assessments
from app.services.org.head_assessed import head_assessed, head_assessed_query, on_behalf_of
from app.services.org.team import acting_posts

# state → (label, Bootstrap badge classes)
STATES = {
    "not_open": ("Belum dibuka", "text-bg-light border"),
    "none": ("Belum dimulai", "text-bg-light border"),
    "draft": ("Draf", "text-bg-secondary"),
    "submitted": ("Diajukan", "text-bg-primary"),
    "returned": ("Dikembalikan", "text-bg-warning"),
    "approved": ("Disetujui", "text-bg-success"),
}


def acting_covers(assignment: ActingAssignment, period: Period, today: dt.date) -> bool:
    """The acting official reviews a period their assignment overlaps, or any period while it runs
    (the rule of `services/team`, as `security.is_period_reviewer` decides)."""
    return assignment.covers_period(period.start_date, period.end_date, today)


def _own(user: User) -> Employee | None:
    return user.employee if user.is_authenticated else None


# --- the queue on Beranda -------------------------------------------------------------------


@dataclass
class QueueItem:
    """One submission waiting for my review."""

    assessment: Assessment
    capacity: str | None  # "Plh. Kepala Seksi …" when I review as acting official
    today: dt.date

    @property
    def employee(self) -> Employee:
        return self.assessment.employee

    @property
    def period(self) -> Period:
        return self.assessment.period

    @property
    def deadline(self) -> dt.date:
        return self.period.review_deadline

    @property
    def overdue(self) -> bool:
        return self.today > self.deadline

    @property
    def note(self) -> str:
        """"tinggal 3 hari", "hari ini batas terakhir", "terlambat 2 hari"."""
        return days_note(self.deadline, self.today)


def review_queue(user: User, today: dt.date | None = None) -> list[QueueItem]:
    """The submitted assessments I am the period reviewer of, the most urgent review deadline
    first (so the overdue ones lead). Four queries whatever the size of the team."""
    today = today or local_today()
    own = _own(user)
    items = _head_queue(user, today)
    if own is None:
        return items
    held = acting_posts(own.id)
    bosses = ([own.id] if own.active else []) + list(held)
    if not bosses:
        return items
    assessments = db.session.scalars(
        select(Assessment)
        .join(Employee, Assessment.employee_id == Employee.id)
        .join(Period, Assessment.period_id == Period.id)
        .where(Assessment.status == AssessmentStatus.SUBMITTED, Employee.assessor_id.in_(bosses),
               Employee.id != own.id, Employee.active.is_(True))
        .options(contains_eager(Assessment.employee).selectinload(Employee.unit),
                 contains_eager(Assessment.period).selectinload(Period.year))
    )
    for assessment in assessments:
        assessor_id = assessment.employee.assessor_id
        if assessor_id == own.id and own.active:
            items.append(QueueItem(assessment, None, today))
            continue
        acting = [a for a in held.get(assessor_id, []) if acting_covers(a, assessment.period, today)]
        if acting:
            items.append(QueueItem(assessment, acting[-1].title, today))
    items.sort(key=lambda i: (i.deadline, i.assessment.submitted_at, i.employee.name))
    return items


def _head_queue(user: User, today: dt.date) -> list[QueueItem]:
    """For a pengelola kinerja: the submissions of the officials the kepala daerah assesses, to
    record the kepala daerah's review (one query, none for anyone else)."""
    query = head_assessed_query(user)
    if query is None:
        return []
    officials = query.with_only_columns(Employee.id).scalar_subquery()
    assessments = db.session.scalars(
        select(Assessment).join(Employee, Assessment.employee_id == Employee.id)
        .join(Period, Assessment.period_id == Period.id)
        .where(Assessment.status == AssessmentStatus.SUBMITTED, Employee.id.in_(officials))
        .options(contains_eager(Assessment.employee).selectinload(Employee.unit),
                 contains_eager(Assessment.period).selectinload(Period.year)))
    return [QueueItem(a, f"dicatat atas nama {on_behalf_of(a.employee)}", today) for a in assessments]


# --- the team × periods grid ------------------------------------------------------------------


@dataclass
class Cell:
    """One pegawai in one period."""

    period: Period
    assessment: Assessment | None
    today: dt.date
    reviewable: bool  # I am the period reviewer (may open the review page)
    viewable: bool  # I may open the read-only view

    @property
    def state(self) -> str:
        if self.assessment is not None:
            return self.assessment.status.value.lower()
        return "none" if entry_opens(self.period) <= self.today else "not_open"

    @property
    def label(self) -> str:
        return STATES[self.state][0]

    @property
    def badge(self) -> str:
        return STATES[self.state][1]

    @property
    def waiting(self) -> bool:
        return self.state == "submitted"

    @property
    def overdue(self) -> bool:
        """Submitted and the review deadline has passed."""
        return self.waiting and self.today > self.period.review_deadline

    @property
    def note(self) -> str | None:
        return days_note(self.period.review_deadline, self.today) if self.waiting else None


@dataclass
class Row:
    employee: Employee
    cells: list[Cell]
    capacity: str | None = None  # how I review this pegawai when not as their own assessor


@dataclass
class Group:
    title: str
    rows: list[Row]


# The order and words of the counts per period.
COUNT_LABELS = (("submitted", "menunggu tinjauan"), ("approved", "disetujui"), ("returned", "dikembalikan"),
                ("draft", "draf"), ("none", "belum dimulai"))


@dataclass
class PeriodCount:
    period: Period
    counts: dict[str, int]
    overdue: int
    opened: bool  # the period can be filled (or could be) by now

    def get(self, state: str) -> int:
        return self.counts.get(state, 0)

    @property
    def parts(self) -> list[tuple[str, str, int]]:
        """(state, words, number) for the non-zero counts, in the order of the workflow."""
        return [(state, words, self.get(state)) for state, words in COUNT_LABELS if self.get(state)]


@dataclass
class ReviewGrid:
    year: AppraisalYear
    today: dt.date
    mine: list[Row] = field(default_factory=list)
    below: list[Group] = field(default_factory=list)
    # for a pengelola kinerja: the officials the kepala daerah assesses, reviewed on their behalf
    for_head: list[Row] = field(default_factory=list)

    @property
    def counts(self) -> list[PeriodCount]:
        """Per period: how many of my team are in each state, and how many reviews are overdue."""
        result = []
        for n, period in enumerate(self.year.periods):
            cells = [row.cells[n] for row in self.mine if row.cells[n].reviewable or row.cells[n].viewable]
            tally: dict[str, int] = defaultdict(int)
            for cell in cells:
                tally[cell.state] += 1
            result.append(PeriodCount(period, dict(tally), sum(1 for c in cells if c.overdue),
                                      entry_opens(period) <= self.today))
        return result

    @property
    def waiting(self) -> int:
        return sum(1 for row in self.mine + self.for_head for cell in row.cells if cell.waiting and cell.reviewable)

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.mine + self.for_head for cell in row.cells if cell.overdue and cell.reviewable)


def _span(year: AppraisalYear) -> tuple[dt.date, dt.date]:
    periods = year.periods
    return min(p.start_date for p in periods), max(p.end_date for p in periods)


def _capacity(assignments: list[ActingAssignment]) -> str:
    return "; ".join(f"{a.title} ({a.start_date:%d-%m-%Y} s.d. {a.end_date:%d-%m-%Y})" for a in assignments)


def review_grid(user: User, year: AppraisalYear, today: dt.date | None = None) -> ReviewGrid:
    """My team (direct reports, and the team of a post I act for during the year) and the teams
    two levels down, × the periods of the year. Seven queries whatever the size of the teams."""
    today = today or local_today()
    grid = ReviewGrid(year, today)
    if not year.periods:
        return grid
    grid.for_head = _head_rows(user, year, today)
    own = _own(user)
    if own is None:
        return grid
    start, end = _span(year)
    held = {boss: [a for a in assignments if a.covers_period(start, end, today)]
            for boss, assignments in acting_posts(own.id).items()}
    held = {boss: assignments for boss, assignments in held.items() if assignments}
    bosses = ([own.id] if own.active else []) + list(held)
    members = list(db.session.scalars(
        select(Employee).where(Employee.assessor_id.in_(bosses or [-1]), Employee.active.is_(True),
                               Employee.id != own.id)
        .options(selectinload(Employee.unit)).order_by(Employee.name, Employee.id)))
    boss = aliased(Employee)
    below = list(db.session.scalars(
        select(Employee).join(boss, Employee.assessor_id == boss.id)
        .where(boss.assessor_id == own.id, boss.active.is_(True), Employee.active.is_(True),
               Employee.id != own.id)
        .options(contains_eager(Employee.assessor.of_type(boss)), selectinload(Employee.unit))
        .order_by(boss.name, boss.id, Employee.name, Employee.id))) if own.active else []
    cells = year_assessments([e.id for e in members + below], year)

    # direct reports first, then the teams of the posts I act for
    members.sort(key=lambda m: m.assessor_id != own.id)
    for member in members:
        direct = member.assessor_id == own.id
        assignments = [] if direct else held.get(member.assessor_id, [])
        row = Row(member, [], _capacity(assignments) if assignments else None)
        for period in year.periods:
            reviewable = direct or any(acting_covers(a, period, today) for a in assignments)
            viewable = direct or any(a.covers(today) for a in assignments)
            row.cells.append(Cell(period, cells.get((member.id, period.id)), today, reviewable, viewable))
        grid.mine.append(row)
    groups: dict[int, Group] = {}
    for employee in below:
        assessor = employee.assessor
        group = groups.setdefault(assessor.id, Group(f"Tim {assessor.name} — {assessor.position}", []))
        group.rows.append(Row(employee, [Cell(p, cells.get((employee.id, p.id)), today, False, True)
                                         for p in year.periods]))
    grid.below = list(groups.values())
    return grid


def _head_rows(user: User, year: AppraisalYear, today: dt.date) -> list[Row]:
    """The officials the kepala daerah assesses, for their pengelola kinerja (two queries)."""
    officials = head_assessed(user)
    cells = year_assessments([e.id for e in officials], year)
    return [Row(e, [Cell(p, cells.get((e.id, p.id)), today, True, True) for p in year.periods])
            for e in officials]
