"""My team's SKPs: as Pejabat Penilai, as Plt./Plh., and for the pengelola kinerja the top officials
assessed by the kepala daerah; and whether the menu shows "Tim saya"."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from flask import g, render_template
from flask_login import current_user
from sqlalchemy import exists, func, select
from sqlalchemy.orm import selectinload

from app.domain.skp import PlanStatus
from app.extensions import db
from app.formatting import tanggal
from app.indicators import bp
from app.models import ActingAssignment, AppraisalYear, Employee, Plan
from app.services import plans as plan_service
from app.services.head_assessed import head_assessed, head_assessed_query
from app.services.years import all_years, current_year, get_year

# The order of the status counters on the team page; None is "belum menyusun".
STATUS_ORDER = (PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.DRAFT, PlanStatus.APPROVED, None)


@dataclass
class TeamGroup:
    title: str
    note: str
    rows: list[tuple[Employee, Plan | None]]


# --- "Tim saya" in the menu -------------------------------------------------------------------


def has_team() -> bool:
    """Whether the menu shows "Tim saya": direct reports, an active Plt./Plh. assignment, or (for
    the pengelola kinerja) a top official assessed by the kepala daerah. One query per request."""
    if "skp_has_team" in g:
        return g.skp_has_team
    answer = False
    if current_user.is_authenticated:
        checks = []
        own = current_user.employee_id
        if own is not None:
            today = dt.date.today()
            checks.append(exists().where(Employee.assessor_id == own, Employee.active.is_(True)))
            checks.append(exists().where(ActingAssignment.acting_employee_id == own,
                                         ActingAssignment.start_date <= today, ActingAssignment.end_date >= today))
        if current_user.is_admin:
            checks.append(head_assessed_query(current_user).exists())
        if checks:
            answer = any(db.session.execute(select(*checks)).one())
    g.skp_has_team = answer
    return answer


@bp.app_context_processor
def skp_navigation():
    return {"skp_has_team": has_team}


# --- the team page ----------------------------------------------------------------------------


def _newest_plans(employees: list[Employee], year: AppraisalYear) -> list[tuple[Employee, Plan | None]]:
    if not employees:
        return []
    newest = (
        select(Plan.employee_id, func.max(Plan.version).label("version"))
        .where(Plan.year_id == year.id, Plan.employee_id.in_([e.id for e in employees]))
        .group_by(Plan.employee_id).subquery()
    )
    plans = {p.employee_id: p for p in db.session.scalars(
        select(Plan).join(newest, (Plan.employee_id == newest.c.employee_id) & (Plan.version == newest.c.version))
        .where(Plan.year_id == year.id)
    )}
    return [(e, plans.get(e.id)) for e in employees]


def team_groups(year: AppraisalYear) -> list[TeamGroup]:
    """The pegawai whose SKP I review this year, grouped by the capacity I review them in."""
    groups = []
    own = current_user.employee
    if own is not None:
        groups.append(TeamGroup("Pegawai yang Anda nilai", "Sebagai Pejabat Penilai Kinerja langsung.",
                                plan_service.team_plans(own, year)))
        today = dt.date.today()
        assignments = db.session.scalars(
            select(ActingAssignment).where(
                ActingAssignment.acting_employee_id == own.id, ActingAssignment.replaced_employee_id.is_not(None),
                ActingAssignment.start_date <= today, ActingAssignment.end_date >= today)
            .options(selectinload(ActingAssignment.replaced_employee)).order_by(ActingAssignment.start_date)
        )
        for a in assignments:
            rows = [(m, p) for m, p in plan_service.team_plans(a.replaced_employee, year) if m.id != own.id]
            groups.append(TeamGroup(
                f"Sebagai {a.title}", f"Menggantikan {a.replaced_employee.name} sampai {tanggal(a.end_date)}.", rows))
    if current_user.is_admin:
        officials = head_assessed(current_user)
        if officials:
            groups.append(TeamGroup(
                "Pejabat yang dinilai kepala daerah",
                "Sebagai pengelola kinerja, Anda mencatat persetujuan SKP yang diberikan kepala daerah.",
                _newest_plans(officials, year)))
    return groups


def _render_team(year: AppraisalYear | None, missing_year: int | None = None):
    groups = team_groups(year) if year is not None else []
    seen: dict[int, Plan | None] = {}
    for group in groups:
        for member, plan in group.rows:
            seen[member.id] = plan
    counts = Counter(plan.status if plan is not None else None for plan in seen.values())
    return render_template("indicators/team_list.html", year=year, years=all_years(), groups=groups,
                           counts=counts, status_order=STATUS_ORDER, total=len(seen), missing_year=missing_year)


@bp.route("/tim")
def team():
    """My team's SKPs of the current year, with their status."""
    return _render_team(current_year())


@bp.route("/tim/<int:year>")
def team_year(year: int):
    """My team's SKPs of one year."""
    appraisal_year = get_year(year)
    return _render_team(appraisal_year, missing_year=None if appraisal_year else year)


from app.indicators import review  # noqa: E402,F401  (the review pages)
