"""Load an object for the admin area and check the admin's OPD scope in one step."""
from __future__ import annotations

from flask import abort
from flask_login import current_user
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import ActingAssignment, Employee, OrgUnit
from app.security import can_admin_employee, can_admin_opd, can_admin_unit


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
    assignment = db.session.get(ActingAssignment, assignment_id)
    if assignment is None or not can_admin_opd(current_user, assignment.unit.opd_id):
        abort(404)
    return assignment
