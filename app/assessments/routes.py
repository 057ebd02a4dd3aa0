"""My periods: the list of the year, the period form (Mulai mengisi, Simpan draf, Ajukan)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from app.assessments.blueprint import bp
from app.assessments.drafts import Stored, evidence_problems, store
from app.assessments.forms import StartForm
from app.assessments.loaders import CONFLICT, CONFLICT_KEPT, editable_assessment, period_or_404
from app.assessments.sheet import Sheet
from app.domain.numbers import input_text
from app.extensions import db
from app.forms import apply_service_error
from app.models import AppraisalYear, Period
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.assessments import assessments as svc
from app.services.assessments.period_status import period_statuses, window_before_start
from app.services.daily import summary as daily_summary
from app.services.years import all_years, current_year
from app.web import commit, year_or_404


def _render_periods(year: AppraisalYear | None):
    employee = current_user.employee
    plan = svc.approved_plan_for(employee, year) if employee is not None and year is not None else None
    statuses = period_statuses(employee, year) if employee is not None and year is not None else []
    return render_template("assessments/index.html", year=year, years=all_years(), employee=employee,
                           plan=plan, statuses=statuses)


@bp.route("/")
def index():
    """My periods of the current year: state, deadline, days left, capaian."""
    return _render_periods(current_year())


@bp.route("/<int:year>")
def index_year(year: int):
    """My periods of one appraisal year."""
    return _render_periods(year_or_404(year))


def render_period(period: Period, sheet: Sheet | None, form=None, *, problems=None, theirs=None,
                  error: str | None = None):
    """The period page: the form while the assessment is open for entry, else read-only."""
    context = sheet.context() if sheet is not None else {"period": period, "assessment": None}
    filled = []
    if sheet is not None:
        sheet.daily = daily_summary.for_period(sheet.assessment.employee_id, period,
                                               [row.indicator.id for row in sheet.rows])
    if sheet is not None and sheet.window.can_edit and form is None:
        form = sheet.fresh_form()
        if request.args.get("isi") == "harian":
            filled = _fill_from_daily(sheet, form)
    employee = current_user.employee
    return render_template(
        "assessments/period.html", form=form if sheet is not None and sheet.window.can_edit else None,
        problems=problems or [], theirs=theirs or {}, error=error, start_form=StartForm(),
        plan_in_force=svc.approved_plan_for(employee, period.year) if sheet is None else None,
        not_started=window_before_start(period) if sheet is None else None, filled_from_daily=filled, **context,
    )


def _fill_from_daily(sheet: Sheet, form) -> list[str]:
    """"Isi dari kinerja harian": each numeric IKI whose unit is the unit of the outputs of its
    accepted activities gets their sum as this period's realisasi, in the form only (the pegawai
    checks and saves). The IKI filled, by text."""
    filled = []
    for row in sheet.rows:
        work = sheet.daily.get(row.indicator.id)
        name = f"value_{row.indicator.id}"
        if work is None or sheet.narrative(row) or name not in form:
            continue
        quantity = work.quantity_in(row.indicator.unit)
        if quantity is not None:
            form[name].process_formdata([input_text(quantity)])
            filled.append(row.indicator.text)
    return filled


@bp.route("/<int:year>/<int:number>")
def period(year: int, number: int):
    """My form for one period; an existing assessment is opened (and follows a newer SKP version
    while untouched), a missing one is started with the Mulai mengisi button."""
    the_period = period_or_404(year, number)
    employee = current_user.employee
    if employee is None:
        abort(404)
    if svc.find(employee.id, the_period.id) is None:
        return render_period(the_period, None)
    assessment = commit(lambda: svc.open_assessment(current_user, employee, the_period), conflict=CONFLICT)
    return render_period(the_period, Sheet.of(assessment))


@bp.route("/<int:year>/<int:number>/mulai", methods=["POST"])
def start(year: int, number: int):
    """Mulai mengisi: create my assessment of the period against my approved SKP."""
    the_period = period_or_404(year, number)
    employee = current_user.employee
    if employee is None:
        abort(404)
    if StartForm().validate_on_submit():
        try:
            commit(lambda: svc.open_assessment(current_user, employee, the_period), conflict=CONFLICT)
        except ServiceError as error:
            flash(error.message, "danger")
        except IntegrityError:  # opened in another tab at the same moment: use that one
            db.session.rollback()
    return redirect(url_for("assessments.period", year=year, number=number))


def _store_posted(sheet: Sheet):
    """Validate the posted form and save it: what was stored, or the page to show instead (the
    typed input kept, the messages at their fields)."""
    form = sheet.form_class()()
    period = sheet.assessment.period
    valid = form.validate_on_submit()
    refused = evidence_problems(sheet, form)  # every field's problem in one pass: numbers, files, links
    if refused:
        apply_service_error(form, FieldErrors(refused))
    if not valid or refused:
        return render_period(period, sheet, _reselect(form), error="Isian belum disimpan: perbaiki isian yang ditandai.")
    try:
        return commit(lambda: store(current_user, sheet, form), conflict=CONFLICT)
    except ConflictError:
        fresh = Sheet.of(editable_assessment(sheet.assessment.id))
        form.version.data = fresh.assessment.lock_version
        form.form_errors.append(CONFLICT_KEPT)
        return render_period(period, fresh, _reselect(form), theirs=fresh.theirs(form))
    except ServiceError as error:
        apply_service_error(form, error)
        return render_period(period, sheet, _reselect(form))


def _reselect(form):
    """A browser cannot refill a file input: say so when files were chosen but not stored."""
    if any(getattr(u, "filename", None) for f in form if f.name.startswith("file_") for u in (f.data or [])):
        form.form_errors.append("Berkas bukti dukung yang Anda pilih belum diunggah; pilih kembali setelah "
                                "memperbaiki isian.")
    return form


@bp.route("/isian/<int:assessment_id>/simpan", methods=["POST"])
def save(assessment_id: int):
    """Simpan draf: realisasi, notes, reflections and the chosen bukti dukung, while open."""
    sheet = Sheet.of(editable_assessment(assessment_id))
    outcome = _store_posted(sheet)
    if not isinstance(outcome, Stored):
        return outcome
    flash(outcome.message, "success")
    period = sheet.assessment.period
    return redirect(url_for("assessments.period", year=period.year.year, number=period.number))


@bp.route("/isian/<int:assessment_id>/ajukan", methods=["POST"])
def submit(assessment_id: int):
    """Ajukan: save what the form holds, then submit it to the Pejabat Penilai; every IKI still
    without realisasi is named at its field and listed on top."""
    assessment = editable_assessment(assessment_id)
    outcome = _store_posted(Sheet.of(assessment))
    if not isinstance(outcome, Stored):
        return outcome
    period = assessment.period
    try:
        commit(lambda: svc.submit(current_user, assessment), conflict=CONFLICT)
    except FieldErrors as missing:
        sheet = Sheet.of(assessment)
        form = sheet.fresh_form()
        apply_service_error(form, missing)
        form.form_errors.clear()
        return render_period(period, sheet, form, problems=missing.errors)
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash(f"Penilaian {period.title} diajukan kepada Pejabat Penilai Kinerja"
              + (" (terlambat)." if assessment.late else "."), "success")
    return redirect(url_for("assessments.period", year=period.year.year, number=period.number))
