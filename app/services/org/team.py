"""Whom a Pejabat Penilai reviews (RULES.md §10) — the one rule, used by every queue and page:

- my active direct reports, never myself;
- the active reports of every post I stand in for as Plt./Plh.: on a given day, those whose
  assignment runs that day (`team_today`, `members_today`); for a period, those whose assignment
  overlaps the period's dates or runs today (`ActingAssignment.covers_period`, the same test
  `security.is_period_reviewer` applies to one pegawai);
- the officials the kepala daerah assesses are recorded by their pengelola kinerja and come from
  `head_assessed`, not from here.

The annual table, the team overview, the SKP team page, Beranda's SKP queue and the keberatan queue
use `team_today` / `members_today`; the period queues and grid (`review_queue`) use `acting_posts`
with `covers_period`. Each costs a fixed number of queries whatever the size of the team."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, exists, false, or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import ActingAssignment, Employee, User
from app.models.base import local_today
from app.services.org.head_assessed import head_assessed_query


@dataclass(frozen=True)
class Member:
    """One pegawai I review, and the Plt./Plh. post I review them in (None: as their own
    Pejabat Penilai)."""

    employee: Employee
    acting: ActingAssignment | None = None

    @property
    def capacity(self) -> str | None:
        """"Plh. Kepala Seksi …" when I review as acting official."""
        return self.acting.title if self.acting is not None else None


def acting_posts(own_id: int) -> dict[int, list[ActingAssignment]]:
    """Every post I act or acted for: replaced pegawai id → my assignments for them, oldest first
    (one query; the caller keeps those that cover its day or period)."""
    held: dict[int, list[ActingAssignment]] = defaultdict(list)
    for assignment in db.session.scalars(
        select(ActingAssignment).where(ActingAssignment.acting_employee_id == own_id,
                                       ActingAssignment.replaced_employee_id.is_not(None))
        .order_by(ActingAssignment.start_date, ActingAssignment.id)
    ):
        held[assignment.replaced_employee_id].append(assignment)
    return dict(held)


def _posts_today(own_id: int, today: dt.date) -> list[ActingAssignment]:
    return list(db.session.scalars(
        select(ActingAssignment).where(
            ActingAssignment.acting_employee_id == own_id, ActingAssignment.replaced_employee_id.is_not(None),
            ActingAssignment.start_date <= today, ActingAssignment.end_date >= today)
        .order_by(ActingAssignment.start_date, ActingAssignment.id)))


def heads_today(own_id: int, today: dt.date) -> list[int]:
    """My own id and those of the officials I stand in for today (one query)."""
    return [own_id] + [a.replaced_employee_id for a in _posts_today(own_id, today)]


def members_today(user: User, today: dt.date | None = None) -> list[Member]:
    """Whom I review today, by name, each with the capacity I review them in: as their Pejabat
    Penilai first, else the latest Plt./Plh. post (three queries; none without a pegawai)."""
    own = user.employee if user.is_authenticated else None
    if own is None:
        return []
    posts: dict[int, ActingAssignment] = {}
    for assignment in _posts_today(own.id, today or local_today()):
        posts[assignment.replaced_employee_id] = assignment  # the latest assignment wins
    heads = [own.id, *posts]
    return [Member(e, None if e.assessor_id == own.id else posts[e.assessor_id])
            for e in db.session.scalars(
                select(Employee).where(Employee.assessor_id.in_(heads), Employee.active.is_(True),
                                       Employee.id != own.id)
                .options(selectinload(Employee.unit)).order_by(Employee.name, Employee.id))]


def team_today(user: User, today: dt.date | None = None) -> list[Employee]:
    """Whom I review today, by name, with their units (three queries, none without a pegawai)."""
    return [m.employee for m in members_today(user, today)]


def has_team(user: User, today: dt.date | None = None) -> bool:
    """Whether the menu shows "Tim saya": an active direct report, a Plt./Plh. assignment running
    today, or (for the pengelola kinerja) an official the kepala daerah assesses (one query)."""
    if not user.is_authenticated:
        return False
    checks = []
    own = user.employee_id
    if own is not None:
        today = today or local_today()
        checks.append(exists().where(Employee.assessor_id == own, Employee.active.is_(True)))
        checks.append(exists().where(ActingAssignment.acting_employee_id == own,
                                     ActingAssignment.start_date <= today, ActingAssignment.end_date >= today))
    if user.is_admin:
        checks.append(head_assessed_query(user).exists())
    return bool(checks) and any(db.session.execute(select(*checks)).one())


def menu_checks(user: User, today: dt.date | None = None) -> dict[str, ColumnElement[bool]]:
    """The menu's questions about the user's team, as SQL to be asked in one query with others
    (web.menu_facts): "team" (`has_team`), "reports" (`has_direct_reports`) and "reviews"
    (`reviews_anyone`)."""
    own = user.employee_id if user.is_authenticated else None
    if own is None:
        team = [head_assessed_query(user).exists()] if user.is_authenticated and user.is_admin else []
        return {"team": or_(*team) if team else false(), "reports": false(), "reviews": false()}
    today = today or local_today()
    direct = exists().where(Employee.assessor_id == own, Employee.active.is_(True))
    acting = exists().where(ActingAssignment.acting_employee_id == own,
                            ActingAssignment.start_date <= today, ActingAssignment.end_date >= today)
    replacing = exists().where(ActingAssignment.acting_employee_id == own,
                               ActingAssignment.replaced_employee_id.is_not(None),
                               ActingAssignment.start_date <= today, ActingAssignment.end_date >= today)
    team = [direct, acting] + ([head_assessed_query(user).exists()] if user.is_admin else [])
    return {"team": or_(*team), "reports": direct, "reviews": or_(direct, replacing)}


def has_direct_reports(user: User) -> bool:
    """The user is the Pejabat Penilai of at least one active pegawai (one query)."""
    if not user.is_authenticated or user.employee_id is None:
        return False
    return db.session.scalar(select(Employee.id).where(
        Employee.assessor_id == user.employee_id, Employee.active.is_(True)).limit(1)) is not None


def reviews_anyone(user: User, today: dt.date | None = None) -> bool:
    """Whether the user reviews anyone now as Pejabat Penilai: an active direct report, or a post
    acted for today (for the menu; one query)."""
    own = user.employee_id if user.is_authenticated else None
    if own is None:
        return False
    today = today or local_today()
    return bool(db.session.scalar(select(or_(
        exists().where(Employee.assessor_id == own, Employee.active.is_(True)),
        exists().where(ActingAssignment.acting_employee_id == own, ActingAssignment.replaced_employee_id.is_not(None),
                       ActingAssignment.start_date <= today, ActingAssignment.end_date >= today)))))
