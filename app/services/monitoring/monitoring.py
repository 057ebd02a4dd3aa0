"""Pemantauan for the pengelola kinerja: where the pegawai of each OPD stand in one period — no
approved SKP, not started, a draft with values, submitted, returned, reviewed, late. One state
per pegawai, defined once as a SQL expression, so the counts per OPD (one GROUP BY query, whatever
the number of OPDs or pegawai) and the drill-down list always agree."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import Select, and_, case, exists, func, or_, select, true
from sqlalchemy.orm import contains_eager

from app.domain.enums import AssessmentStatus
from app.domain.skp import PlanStatus
from app.extensions import db
from app.formatting import state_badge
from app.models import AppraisalYear, Assessment, Employee, OrgUnit, Period, Plan, Realization

# key -> (label, Bootstrap badge classes), in the order of the table's columns
STATES: dict[str, tuple[str, str]] = {
    "tanpa_skp": ("Tanpa SKP disetujui", "text-bg-light border"),
    "tidak_dinilai": ("Tidak dinilai (SKP mulai kemudian)", "text-bg-light border"),
    "belum": ("Belum mulai", "text-bg-light border border-danger-subtle"),
    "draf": ("Draf terisi", "text-bg-secondary"),
    "diajukan": ("Diajukan", "text-bg-primary"),
    "dikembalikan": ("Dikembalikan", state_badge("RETURNED")),
    "disetujui": ("Dinilai", "text-bg-success"),
}
PROGRESS_STATES = ("belum", "draf", "diajukan", "dikembalikan", "disetujui")  # of those with an SKP
LATE = "terlambat"
FILTERS = {**{k: v[0] for k, v in STATES.items()}, LATE: "Terlambat"}
SORT_KEYS = ("opd", "aktif", "skp", *PROGRESS_STATES, LATE)
SORT_LABELS = {"opd": "nama perangkat daerah", "aktif": "jumlah pegawai aktif", "skp": "persentase SKP disetujui",
               **{k: f"persentase {STATES[k][0].lower()}" for k in PROGRESS_STATES}, LATE: "persentase terlambat"}
HUNDRED = Decimal(100)


def share(count: int, base: int) -> Decimal | None:
    """count / base in percent with one decimal; None when the base is 0."""
    if not base:
        return None
    return (Decimal(count) * HUNDRED / Decimal(base)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def default_period(year: AppraisalYear, today) -> Period | None:
    """The period to watch: the latest regular one whose submission deadline has passed, else the
    first (pegawai are still filling it in)."""
    regular = [p for p in year.periods if not p.is_final]
    passed = [p for p in regular if p.submission_deadline < today]
    return passed[-1] if passed else (regular[0] if regular else None)


# --- the state of one pegawai in one period, as SQL ---------------------------------------------

def _has_skp(period: Period):
    """An approved SKP that counts in the period: it starts before the period ends (RULES.md §10)."""
    return exists().where(Plan.employee_id == Employee.id, Plan.year_id == period.year_id,
                          Plan.status == PlanStatus.APPROVED,
                          or_(Plan.start_date.is_(None), Plan.start_date <= period.end_date)
                          if not period.is_final else true())


def _has_later_skp(period: Period):
    """An approved SKP that starts only after the period ends: the period is not assessed."""
    return exists().where(Plan.employee_id == Employee.id, Plan.year_id == period.year_id,
                          Plan.status == PlanStatus.APPROVED)


def _has_values():
    narrative = func.coalesce(func.trim(Realization.narrative), "")
    return exists().where(Realization.assessment_id == Assessment.id,
                          or_(Realization.value.is_not(None), narrative != ""))


def _state(period: Period):
    """The monitoring state (a key of STATES) of the Employee joined to its Assessment, if any."""
    return case(
        (Assessment.status == AssessmentStatus.APPROVED, "disetujui"),
        (Assessment.status == AssessmentStatus.RETURNED, "dikembalikan"),
        (Assessment.status == AssessmentStatus.SUBMITTED, "diajukan"),
        (and_(Assessment.status == AssessmentStatus.DRAFT, _has_values()), "draf"),
        (_has_skp(period), "belum"),
        (_has_later_skp(period), "tidak_dinilai"),
        else_="tanpa_skp",
    )


def _pegawai_of(period: Period, query: Select) -> Select:
    """Active pegawai (with their unit) and their assessment of the period, if any."""
    return (query.select_from(Employee).join(OrgUnit, Employee.unit_id == OrgUnit.id)
            .outerjoin(Assessment, and_(Assessment.employee_id == Employee.id, Assessment.period_id == period.id))
            .where(Employee.active.is_(True)))


# --- counts per OPD -------------------------------------------------------------------------------

@dataclass
class Progress:
    """One OPD (or the kabupaten total) in one period."""

    opd_id: int | None
    name: str
    active: int = 0
    with_skp: int = 0
    late: int = 0
    states: dict[str, int] = field(default_factory=lambda: {key: 0 for key in STATES})

    def count(self, key: str) -> int:
        fixed = {"aktif": self.active, "skp": self.with_skp, LATE: self.late}
        return fixed[key] if key in fixed else self.states.get(key, 0)

    def share(self, key: str) -> Decimal | None:
        """The SKP share of the active pegawai; every other state of the pegawai with an SKP."""
        if key == "skp":
            return share(self.with_skp, self.active)
        return share(self.count(key), self.with_skp)

    def add(self, other: Progress) -> None:
        self.active += other.active
        self.with_skp += other.with_skp
        self.late += other.late
        for key in STATES:
            self.states[key] += other.states[key]


def progress_by_opd(opds: list[OrgUnit], period: Period) -> list[Progress]:
    """The counts of every OPD in `opds` for `period`: one aggregated query."""
    rows = {opd.id: Progress(opd.id, opd.name) for opd in opds}
    if not rows:
        return []
    inner = _pegawai_of(period, select(
        OrgUnit.opd_id.label("opd_id"), _has_skp(period).label("skp"),
        _state(period).label("state"), Assessment.late.label("late"),
    )).where(OrgUnit.opd_id.in_(list(rows))).subquery()
    query = select(
        inner.c.opd_id, func.count(), func.count().filter(inner.c.skp.is_(True)),
        func.count().filter(inner.c.late.is_(True)),
        *[func.count().filter(inner.c.state == key) for key in STATES],
    ).group_by(inner.c.opd_id)
    for opd_id, active, with_skp, late, *counts in db.session.execute(query):
        row = rows[opd_id]
        row.active, row.with_skp, row.late = active, with_skp, late
        row.states = dict(zip(STATES, counts))
    return list(rows.values())


def kabupaten_total(rows: list[Progress], name: str = "Jumlah") -> Progress:
    total = Progress(None, name)
    for row in rows:
        total.add(row)
    return total


def sort_progress(rows: list[Progress], key: str, descending: bool) -> list[Progress]:
    """By OPD name, the number of active pegawai, or the share of a state (ties by name)."""
    by_name = sorted(rows, key=lambda r: r.name.casefold())
    if key == "opd" or key not in SORT_KEYS:
        return by_name[::-1] if descending else by_name
    if key == "aktif":
        measure = lambda r: r.active  # noqa: E731
    else:
        measure = lambda r: r.share(key) if r.share(key) is not None else Decimal(-1)  # noqa: E731
    return sorted(by_name, key=measure, reverse=descending)


# --- the pegawai of one OPD -----------------------------------------------------------------------

@dataclass
class PegawaiState:
    employee: Employee
    state: str
    assessment: Assessment | None

    @property
    def label(self) -> str:
        return STATES[self.state][0]

    @property
    def badge(self) -> str:
        return STATES[self.state][1]


def pegawai_query(opd_id: int, period: Period, state: str | None = None) -> Select:
    """The active pegawai of an OPD (with their unit), by name, optionally only one state or the
    late ones: for pagination."""
    query = _pegawai_of(period, select(Employee)).where(OrgUnit.opd_id == opd_id) \
        .options(contains_eager(Employee.unit)).order_by(Employee.name, Employee.id)
    if state == LATE:
        query = query.where(Assessment.late.is_(True))
    elif state in STATES:
        query = query.where(_state(period) == state)
    return query


def pegawai_states(opd_id: int, period: Period, employees: list[Employee] | None = None,
                   state: str | None = None) -> list[PegawaiState]:
    """Each pegawai (those given, or every active one of the OPD) with their state and assessment
    in the period: one query."""
    query = _pegawai_of(period, select(Employee, _state(period), Assessment)) \
        .where(OrgUnit.opd_id == opd_id).options(contains_eager(Employee.unit)) \
        .order_by(Employee.name, Employee.id)
    if employees is not None:
        query = query.where(Employee.id.in_([e.id for e in employees] or [-1]))
    elif state == LATE:
        query = query.where(Assessment.late.is_(True))
    elif state in STATES:
        query = query.where(_state(period) == state)
    return [PegawaiState(employee, key, assessment) for employee, key, assessment in db.session.execute(query)]
