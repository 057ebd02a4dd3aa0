"""Whom a Pejabat Penilai reviews on a given day (RULES.md §10): their active direct reports and
the active reports of every post they stand in for that day as Plt./Plh., never themselves. The
annual table and the team overview use this rule; the period queues (`review_queue`) widen it to
the posts acted for during each period's dates, and the pengelola kinerja's officials of the
kepala daerah come from `head_assessed`."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import ActingAssignment, Employee, User


def heads_today(own_id: int, today: dt.date) -> list[int]:
    """My own id and those of the officials I stand in for today (one query)."""
    return [own_id] + list(db.session.scalars(
        select(ActingAssignment.replaced_employee_id).where(
            ActingAssignment.acting_employee_id == own_id, ActingAssignment.replaced_employee_id.is_not(None),
            ActingAssignment.start_date <= today, ActingAssignment.end_date >= today)))


def team_today(user: User, today: dt.date | None = None) -> list[Employee]:
    """Whom I review today, by name, with their units (three queries, none without a pegawai)."""
    own = user.employee if user.is_authenticated else None
    if own is None:
        return []
    heads = heads_today(own.id, today or dt.date.today())
    return list(db.session.scalars(
        select(Employee).where(Employee.assessor_id.in_(heads), Employee.active.is_(True), Employee.id != own.id)
        .options(selectinload(Employee.unit)).order_by(Employee.name, Employee.id)))
