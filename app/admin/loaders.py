"""Load an object for the admin area and check the admin's OPD scope in one step."""
from __future__ import annotations

from flask import abort
from flask_login import current_user
from sqlalchemy.orm import selectinload

from app.domain.text import sentence
from app.extensions import db
from app.models import ActingAssignment, Employee, OrgUnit, User
from app.security import account_refusal, can_admin_employee, can_admin_opd, can_admin_unit
from app.services.audit import record
from app.services.org.accounts import pending_account
from app.services.org.acting import assignment_opd_ids
from app.web import commit


def employee_or_404(employee_id: int) -> Employee:
    """The pegawai, when it exists and lies in one of the admin's OPDs (else 404: no leak)."""
    employee = db.session.get(
        Employee, employee_id,
        options=[selectinload(Employee.unit), selectinload(Employee.assessor), selectinload(Employee.user)],
    )
    if employee is None or not can_admin_employee(current_user, employee):
        abort(404)
    return employee


def unit_or_404(unit_id: int) -> OrgUnit:
    unit = db.session.get(OrgUnit, unit_id)
    if unit is None or not can_admin_unit(current_user, unit):
        abort(404)
    return unit


def acting_or_404(assignment_id: int) -> ActingAssignment:
    """An assignment to change: 404 when it touches none of the admin's OPDs, 403 when it also
    touches an OPD outside them (a cross-OPD assignment is the super admin's)."""
    assignment = db.session.get(ActingAssignment, assignment_id)
    if assignment is None:
        abort(404)
    touched = assignment_opd_ids(assignment)
    if not any(can_admin_opd(current_user, o) for o in touched):
        abort(404)
    if not all(can_admin_opd(current_user, o) for o in touched):
        abort(403, description="Penugasan ini melibatkan perangkat daerah di luar cakupan Anda; hanya super "
                               "admin yang dapat mengubahnya.")
    return assignment


def managed_account(employee: Employee, action: str) -> User | None:
    """The pegawai's account (or the unlinked one with the same NIP) when the admin may act on
    it; otherwise the refusal is audited and answered 403 with its reason on the page."""
    account = employee.user or pending_account(employee)
    refusal = account_refusal(current_user, account, employee)
    if refusal is not None:
        db.session.rollback()  # nothing of the refused request is kept but its audit event
        commit(lambda: record(current_user, "akun.tindakan_ditolak", account or employee,
                              opd_id=employee.unit.opd_id, after={"tindakan": action},
                              summary=f"Ditolak: {action} untuk {sentence(employee.name)} {refusal}"))
        abort(403, description=refusal)
    return account
