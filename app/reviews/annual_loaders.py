"""Load an annual evaluation, a keberatan or a follow-up and authorise in one step: what the user
may not see is 404 (no leak); what they may see but not change is 403."""
from __future__ import annotations

from flask import abort
from flask_login import current_user
from sqlalchemy.orm import joinedload, selectinload

from app.extensions import db
from app.models import AnnualEvaluation, Employee, FollowUp, Objection
from app.security import may_assess_year, may_view_evaluation


def _options():
    return (
        joinedload(AnnualEvaluation.employee).joinedload(Employee.unit),
        joinedload(AnnualEvaluation.year),
        joinedload(AnnualEvaluation.reviewer),
        joinedload(AnnualEvaluation.objection).joinedload(Objection.explained_by),
        joinedload(AnnualEvaluation.objection).joinedload(Objection.decided_by),
        selectinload(AnnualEvaluation.follow_ups).joinedload(FollowUp.created_by),
    )


def evaluation_or_404(evaluation_id: int) -> AnnualEvaluation:
    evaluation = db.session.get(AnnualEvaluation, evaluation_id, options=_options())
    if evaluation is None or not may_view_evaluation(current_user, evaluation):
        abort(404)
    return evaluation


def objection_or_404(objection_id: int) -> Objection:
    objection = db.session.get(Objection, objection_id)
    if objection is None:
        abort(404)
    evaluation_or_404(objection.evaluation_id)
    return objection


def follow_up_or_404(follow_up_id: int) -> FollowUp:
    follow_up = db.session.get(FollowUp, follow_up_id)
    if follow_up is None:
        abort(404)
    evaluation_or_404(follow_up.evaluation_id)
    return follow_up


def reviewed_employee_or_404(employee_id: int) -> Employee:
    """A pegawai the current user rates as Pejabat Penilai (or Plt./Plh.), or on the kepala
    daerah's behalf."""
    employee = db.session.get(Employee, employee_id)
    if employee is None or not may_assess_year(current_user, employee):
        abort(404)
    return employee
