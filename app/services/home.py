"""What Beranda and Profil show: my data, my reporting line, my team, my admin area."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import ActingAssignment, Employee, OrgUnit, User
from app.models.base import utcnow
from app.security import admin_opd_ids


@dataclass
class AdminSummary:
    opd_count: int
    employee_count: int
    inactive_count: int
    without_password: int
    locked: int


@dataclass
class Home:
    user: User
    employee: Employee | None
    assessor: Employee | None = None
    second_assessor: Employee | None = None
    subordinates: list[Employee] = field(default_factory=list)
    acting: list[ActingAssignment] = field(default_factory=list)
    admin: AdminSummary | None = None


def build(user: User, today: dt.date | None = None) -> Home:
    today = today or dt.date.today()
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
    return home


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
