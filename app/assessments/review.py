"""A pegawai's assessment read-only, for the assessor chain and the pengelola kinerja: Kembalikan
(the direct assessor, while submitted — the full review comes with the review pages) and Buka
kembali (the pengelola kinerja); and one pegawai's periods of a year."""
from __future__ import annotations


from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from app.assessments.blueprint import bp
from app.assessments.forms import ReopenForm, ReturnForm, form_version
from app.assessments.loaders import CONFLICT, administered_assessment, assessment_or_404, reviewed_assessment
from app.assessments.sheet import Sheet
from app.domain.enums import AssessmentStatus
from app.extensions import db
from app.formatting import tanggal
from app.forms import apply_service_error
from app.models import AppraisalYear, Employee
from app.models.base import local_today
from app.security import can_admin_employee, can_view_employee, is_reviewer_of
from app.services import ServiceError
from app.services.assessments import assessments as svc
from app.services.assessments.period_status import period_statuses
from app.services.years import all_years, current_year
from app.web import commit, year_or_404


def render_view(assessment, *, return_form=None, reopen_form=None, status: int = 200):
    """The read-only assessment with the actions the current user may take on it."""
    sheet = Sheet.of(assessment)
    reviewer = is_reviewer_of(current_user, assessment.employee)
    admin = can_admin_employee(current_user, assessment.employee)
    if return_form is None:
        return_form = ReturnForm()
        return_form.version.data = assessment.lock_version
    if reopen_form is None:
        reopen_form = ReopenForm()
        reopen_form.until.data = max(local_today(), assessment.period.submission_deadline)
    return render_template(
        "assessments/view.html", own=current_user.employee_id == assessment.employee_id,
        can_return=reviewer and assessment.status == AssessmentStatus.SUBMITTED,
        can_reopen=admin and assessment.status != AssessmentStatus.APPROVED,
        return_form=return_form, reopen_form=reopen_form, **sheet.context(),
    ), status


@bp.route("/lihat/<int:assessment_id>")
def view(assessment_id: int):
    """A pegawai's assessment of one period, read-only, with the bukti dukung to download."""
    return render_view(assessment_or_404(assessment_id))


@bp.route("/lihat/<int:assessment_id>/kembalikan", methods=["POST"])
def return_assessment(assessment_id: int):
    """Kembalikan: send a submission back to the pegawai with notes; it becomes editable again."""
    assessment = reviewed_assessment(assessment_id)
    form = ReturnForm()
    if form.validate_on_submit():
        name, title = assessment.employee.name, assessment.period.title
        try:
            commit(lambda: svc.return_assessment(current_user, assessment, form.reason.data,
                                                 version=form_version(form)), conflict=CONFLICT)
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"Penilaian {title} {name} dikembalikan kepada pegawai dengan catatan.", "success")
            return redirect(url_for("assessments.view", assessment_id=assessment_id))
    fresh = assessment_or_404(assessment_id)
    form.version.data = fresh.lock_version  # the notes typed stay; the page shows the current state
    return render_view(fresh, return_form=form)


@bp.route("/lihat/<int:assessment_id>/buka-kembali", methods=["POST"])
def reopen(assessment_id: int):
    """Buka kembali: the pengelola kinerja lets the pegawai change and submit until a date."""
    assessment = administered_assessment(assessment_id)
    form = ReopenForm()
    if form.validate_on_submit():
        name, title = assessment.employee.name, assessment.period.title
        try:
            commit(lambda: svc.reopen(current_user, assessment, form.until.data, form.reason.data), conflict=CONFLICT)
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"Penilaian {title} {name} dibuka kembali sampai {tanggal(form.until.data)}.", "success")
            return redirect(url_for("assessments.view", assessment_id=assessment_id))
    return render_view(assessment_or_404(assessment_id), reopen_form=form)


def _render_employee(employee: Employee, year: AppraisalYear | None, reopen_form=None, reopen_number=None):
    statuses = period_statuses(employee, year) if year is not None else []
    plan = svc.approved_plan_for(employee, year) if year is not None else None
    return render_template("assessments/index.html", year=year, years=all_years(), employee=employee,
                           plan=plan, statuses=statuses, other=employee,
                           may_reopen=can_admin_employee(current_user, employee),
                           reopen_form=reopen_form or ReopenForm(), reopen_number=reopen_number)


@bp.route("/pegawai/<int:employee_id>/<int:year>/<int:number>/buka-kembali", methods=["POST"])
def reopen_period(employee_id: int, year: int, number: int):
    """Buka kembali a period the pegawai never started (the pengelola kinerja)."""
    employee = _viewable_employee(employee_id)
    if not can_admin_employee(current_user, employee):
        abort(403)
    appraisal_year = year_or_404(year)
    period = next((p for p in appraisal_year.periods if p.number == number), None)
    if period is None:
        abort(404)
    form = ReopenForm()
    if form.validate_on_submit():
        try:
            commit(lambda: svc.reopen_period(current_user, employee, period, form.until.data, form.reason.data),
                   conflict=CONFLICT)
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"Penilaian {period.title} {employee.name} dibuka sampai {tanggal(form.until.data)}.", "success")
            return redirect(url_for("assessments.employee_periods_year", employee_id=employee.id, year=year))
    return _render_employee(employee, appraisal_year, reopen_form=form, reopen_number=number), 200


def _viewable_employee(employee_id: int) -> Employee:
    employee = db.session.get(Employee, employee_id)
    if employee is None or not (can_view_employee(current_user, employee) or is_reviewer_of(current_user, employee)):
        abort(404)
    return employee


@bp.route("/pegawai/<int:employee_id>")
def employee_periods(employee_id: int):
    """One pegawai's periods of the current year (for the assessor chain and the pengelola kinerja)."""
    return _render_employee(_viewable_employee(employee_id), current_year())


@bp.route("/pegawai/<int:employee_id>/<int:year>")
def employee_periods_year(employee_id: int, year: int):
    """One pegawai's periods of one year."""
    return _render_employee(_viewable_employee(employee_id), year_or_404(year))
