"""The top officials the kepala daerah assesses (no NIP Atasan, an external assessor by name and
title, RULES.md §10), as the pengelola kinerja of their OPD — or the super admin — records the
kepala daerah's steps on their behalf. One query for every queue and table that lists them;
`security.records_external_approval` is the same rule for one pegawai."""
from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Employee, OrgUnit, User
from app.security import admin_opd_ids


def head_assessed_query(user: User) -> Select | None:
    """Active pegawai assessed by the kepala daerah in the user's OPDs (not the user), or None
    when the user records for no one."""
    if not (user.is_authenticated and user.is_admin):
        return None
    query = (select(Employee).join(OrgUnit, Employee.unit_id == OrgUnit.id)
             .where(Employee.assessor_id.is_(None), Employee.external_assessor_name.is_not(None),
                    Employee.active.is_(True)))
    if user.employee_id is not None:
        query = query.where(Employee.id != user.employee_id)
    scope = admin_opd_ids(user)
    if scope is not None:
        query = query.where(OrgUnit.opd_id.in_(scope or {-1}))
    return query


def head_assessed(user: User) -> list[Employee]:
    """Those officials with their units, by name (one query, two with the units)."""
    query = head_assessed_query(user)
    if query is None:
        return []
    return list(db.session.scalars(query.options(selectinload(Employee.unit)).order_by(Employee.name, Employee.id)))


def count_head_assessed(user: User) -> int:
    """How many such officials the user records for (one query; none for anyone else)."""
    query = head_assessed_query(user)
    return db.session.scalar(select(func.count()).select_from(query.subquery())) if query is not None else 0


def on_behalf_of(employee: Employee) -> str:
    """"Bupati Tanjung Harapan" — the kepala daerah as the official's record names them."""
    return employee.external_assessor_title or employee.external_assessor_name or "Kepala daerah"


def recorded_title(employee: Employee, actor: User) -> str:
    """How a step recorded on the kepala daerah's behalf is stored and printed."""
    return f"{on_behalf_of(employee)} (dicatat oleh {actor.name})"
