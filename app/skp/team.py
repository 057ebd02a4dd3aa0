"""My team's SKPs: as Pejabat Penilai, as Plt./Plh., and for the pengelola kinerja the top officials
assessed by the kepala daerah (whether the menu shows "Tim saya" is `app.web.menu_has_team`)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from flask import render_template
from flask_login import current_user

from app.domain.skp import PlanStatus
from app.formatting import tanggal
from app.models import ActingAssignment, AppraisalYear, Employee, Plan
from app.services.org.head_assessed import head_assessed
from app.services.org.team import members_today
from app.services.skp import plans as plan_service
from app.services.years import all_years, current_year, get_year
from app.skp.blueprint import bp

# The order of the status counters on the team page; None is "belum menyusun".
STATUS_ORDER = (PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.DRAFT, PlanStatus.APPROVED, None)


@dataclass
class TeamGroup:
    title: str
    note: str
    rows: list[tuple[Employee, Plan | None]]


# --- the team page ----------------------------------------------------------------------------


def _with_plans(employees: list[Employee], year: AppraisalYear) -> list[tuple[Employee, Plan | None]]:
    plans = plan_service.newest_plans([e.id for e in employees], year)
    return [(e, plans.get(e.id)) for e in employees]


def team_groups(year: AppraisalYear) -> list[TeamGroup]:
    """The pegawai whose SKP I review this year (`services/team`: whom I review today), grouped by
    the capacity I review them in, then the kepala daerah's officials for their pengelola."""
    members = members_today(current_user)
    plans = plan_service.newest_plans([m.employee.id for m in members], year)
    groups = []
    if current_user.employee is not None:
        groups.append(TeamGroup("Pegawai yang Anda nilai", "Sebagai Pejabat Penilai Kinerja langsung.",
                                [(m.employee, plans.get(m.employee.id)) for m in members if m.acting is None]))
    posts: dict[ActingAssignment, TeamGroup] = {}
    for member in members:
        a = member.acting
        if a is not None:
            group = posts.setdefault(a, TeamGroup(
                f"Sebagai {a.title}", f"Menggantikan {a.replaced_employee.name} sampai {tanggal(a.end_date)}.", []))
            group.rows.append((member.employee, plans.get(member.employee.id)))
    groups.extend(group for _a, group in sorted(posts.items(), key=lambda item: (item[0].start_date, item[0].id)))
    if current_user.is_admin:
        officials = head_assessed(current_user)
        if officials:
            groups.append(TeamGroup(
                "Pejabat yang dinilai kepala daerah",
                "Sebagai pengelola kinerja, Anda mencatat persetujuan SKP yang diberikan kepala daerah.",
                _with_plans(officials, year)))
    return groups


def _render_team(year: AppraisalYear | None, missing_year: int | None = None):
    groups = team_groups(year) if year is not None else []
    seen: dict[int, Plan | None] = {}
    for group in groups:
        for member, plan in group.rows:
            seen[member.id] = plan
    counts = Counter(plan.status if plan is not None else None for plan in seen.values())
    return render_template("skp/team_list.html", year=year, years=all_years(), groups=groups,
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
