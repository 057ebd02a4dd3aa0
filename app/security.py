"""Every permission predicate in one place. Views load → authorise (with these) → act."""
from __future__ import annotations

from functools import wraps

from flask import abort
from flask_login import current_user
from sqlalchemy import Select

from app.domain.enums import Role
from app.models import Employee, OrgUnit, User

MAX_CHAIN_DEPTH = 30  # longer than any real reporting line; guards against bad data


def admin_opd_ids(user: User) -> set[int] | None:
    """The OPDs a user administers: None means all (superadmin); an empty set means none."""
    if not user.is_authenticated:
        return set()
    if user.role == Role.SUPERADMIN:
        return None
    if user.role == Role.ADMIN:
        return {unit.id for unit in user.admin_units}
    return set()


def is_admin(user: User) -> bool:
    return user.is_authenticated and user.is_admin


def can_admin_opd(user: User, opd_id: int | None) -> bool:
    scope = admin_opd_ids(user)
    if scope is None:
        return True
    return opd_id is not None and opd_id in scope


def can_admin_unit(user: User, unit: OrgUnit) -> bool:
    """Change a unit: a superadmin anything; an OPD admin the units inside their OPDs."""
    if user.is_authenticated and user.is_superadmin:
        return True
    return unit.kind.value != "PEMDA" and can_admin_opd(user, unit.opd_id)


def can_admin_employee(user: User, employee: Employee) -> bool:
    return can_admin_opd(user, employee.unit.opd_id)


def is_above(superior: Employee, employee: Employee) -> bool:
    """True when `superior` is somewhere up the assessor chain of `employee`."""
    node, depth = employee.assessor, 0
    while node is not None and depth < MAX_CHAIN_DEPTH:
        if node.id == superior.id:
            return True
        node, depth = node.assessor, depth + 1
    return False


def can_view_employee(user: User, employee: Employee) -> bool:
    """The pegawai, their assessor chain, and the pengelola kinerja of their OPD."""
    if not user.is_authenticated:
        return False
    own = user.employee
    if own is not None and (own.id == employee.id or is_above(own, employee)):
        return True
    return can_admin_employee(user, employee)


def scope_employees(query: Select, user: User) -> Select:
    """Restrict an Employee query (already joined to OrgUnit) to the admin's OPDs."""
    scope = admin_opd_ids(user)
    if scope is None:
        return query
    return query.where(OrgUnit.opd_id.in_(scope or {-1}))


def superadmin_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not (current_user.is_authenticated and current_user.is_superadmin):
            abort(403)
        return view(*args, **kwargs)

    return wrapped
