"""Reading pegawai for the pengelola kinerja: the OPDs in their scope, the pegawai list with its
search and filters (a query the view pages), and what the detail page shows around one pegawai
(their team, their Plt./Plh. assignments, the recent audit of the pegawai and their account)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import contains_eager, selectinload

from app.domain.enums import EmploymentStatus, PositionKind
from app.extensions import db
from app.models import ActingAssignment, AuditEvent, Employee, OrgUnit, User
from app.models.base import utcnow
from app.security import scope_employees
from app.services.org.units import opds_in_scope

RECENT_EVENTS = 15


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def opd_choices(user: User) -> list[tuple[int, str]]:
    """(id, name) of the OPDs in the user's scope, by name (one query)."""
    return [(opd.id, opd.name) for opd in opds_in_scope(user)]


@dataclass(frozen=True)
class EmployeeFilter:
    """The list's search and filters, as the form holds them (empty: no filter)."""

    q: str = ""  # part of a name, or the first digits of a NIP
    opd_id: int | None = None
    unit_id: int | None = None
    position_kind: PositionKind | None = None
    status: EmploymentStatus | None = None
    active: bool | None = None
    without_assessor: bool = False


def employee_query(user: User, wanted: EmployeeFilter) -> Select:
    """The pegawai of the user's OPDs that match, by OPD and name, with their units, OPDs,
    assessors and accounts loaded (the caller paginates)."""
    query = (
        select(Employee)
        .join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .options(
            contains_eager(Employee.unit).selectinload(OrgUnit.opd),
            selectinload(Employee.assessor),
            selectinload(Employee.user),
        )
    )
    query = scope_employees(query, user)
    q = (wanted.q or "").strip()
    if q:
        digits = "".join(q.split())
        query = query.where(or_(
            Employee.name.ilike(f"%{_escape_like(q)}%", escape="\\"),
            Employee.nip.like(f"{_escape_like(digits)}%", escape="\\"),
        ))
    if wanted.opd_id:
        query = query.where(OrgUnit.opd_id == wanted.opd_id)
    if wanted.unit_id:
        query = query.where(Employee.unit_id == wanted.unit_id)
    if wanted.position_kind is not None:
        query = query.where(Employee.position_kind == wanted.position_kind)
    if wanted.status is not None:
        query = query.where(Employee.status == wanted.status)
    if wanted.active is not None:
        query = query.where(Employee.active.is_(wanted.active))
    if wanted.without_assessor:
        query = query.where(Employee.assessor_id.is_(None), Employee.external_assessor_name.is_(None))
    return query.order_by(OrgUnit.opd_id, Employee.name, Employee.id)


@dataclass
class EmployeeLines:
    """What the detail page shows around one pegawai."""

    subordinates: list[Employee]
    acting: list[ActingAssignment]
    events: list[AuditEvent]


def employee_lines(employee: Employee) -> EmployeeLines:
    """Their direct reports (active first), their Plt./Plh. assignments either way, and the
    recent audit events of the pegawai and their account (four queries)."""
    subordinates = list(db.session.scalars(
        select(Employee).where(Employee.assessor_id == employee.id)
        .options(selectinload(Employee.unit)).order_by(Employee.active.desc(), Employee.name)
    ))
    acting = list(db.session.scalars(
        select(ActingAssignment)
        .where(or_(ActingAssignment.acting_employee_id == employee.id,
                   ActingAssignment.replaced_employee_id == employee.id))
        .options(selectinload(ActingAssignment.acting_employee), selectinload(ActingAssignment.unit))
        .order_by(ActingAssignment.start_date.desc())
    ))
    user_id = employee.user.id if employee.user else -1
    events = list(db.session.scalars(
        select(AuditEvent)
        .where(or_(
            (AuditEvent.object_type == "employee") & (AuditEvent.object_id == employee.id),
            (AuditEvent.object_type == "user_account") & (AuditEvent.object_id == user_id),
        ))
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc()).limit(RECENT_EVENTS)
    ))
    return EmployeeLines(subordinates, acting, events)


def account_counts(opds: list[OrgUnit]) -> dict[int, tuple[int, int, int, int, int]]:
    """Per OPD id: active pegawai, inactive pegawai, active ones without an activated account,
    locked accounts, active ones with no Pejabat Penilai (one query)."""
    now = utcnow()
    rows = db.session.execute(
        select(
            OrgUnit.opd_id,
            func.count(Employee.id).filter(Employee.active.is_(True)),
            func.count(Employee.id).filter(Employee.active.is_(False)),
            func.count(Employee.id).filter(Employee.active.is_(True), User.password_hash.is_(None)),
            func.count(Employee.id).filter(User.locked_until > now),
            func.count(Employee.id).filter(
                Employee.active.is_(True),
                Employee.assessor_id.is_(None),
                Employee.external_assessor_name.is_(None),
            ),
        )
        .select_from(Employee)
        .join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .outerjoin(User, User.employee_id == Employee.id)
        .where(OrgUnit.opd_id.in_([o.id for o in opds] or [-1]))
        .group_by(OrgUnit.opd_id)
    ).all()
    return {row[0]: tuple(row[1:]) for row in rows}
