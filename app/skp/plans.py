"""My SKP: the page of the current (or a chosen) year, starting it, the pegawai's transitions
(ajukan, tarik kembali, Ubah SKP), every version read-only, and the changes between two versions."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from app.domain.skp import PlanStatus
from app.formatting import tanggal
from app.forms import ActionForm, apply_service_error
from app.models import AppraisalYear, Plan
from app.security import can_admin_employee, can_edit_plan, can_review_plan, records_external_approval
from app.services import ServiceError
from app.services.settings import core_values, get_settings
from app.services.skp import plans as plan_service
from app.services.skp.plan_copy import library_has
from app.services.skp.plan_diff import diff_plans
from app.services.skp.plan_rules import warnings_of
from app.services.years import all_years, current_year, get_year
from app.skp.blueprint import bp
from app.skp.forms import START_SOURCES, ReviseForm, StartDateForm, StartForm, SubmitForm, form_version
from app.skp.loaders import CONFLICT_MESSAGE, own_plan, plan_or_404, plan_versions
from app.web import commit


def _versioned(form, plan: Plan):
    form.version.data = plan.lock_version
    return form


def plan_context(plan: Plan) -> dict:
    """What the read-only plan partial needs besides the plan."""
    return {
        "core_values": core_values(),
        "periods": {p.id: p for p in plan.year.periods},
        "place": get_settings().document_place,
    }


def render_my_plan(year: AppraisalYear | None, *, start_form: StartForm | None = None,
                   problems=None, error: str | None = None):
    """The "SKP saya" page: the start panel, or the newest version with its actions and history;
    `problems` (from a refused Ajukan) are listed and marked in the editor."""
    employee = current_user.employee
    context = {"year": year, "years": all_years(), "employee": employee, "error": error}
    if employee is None or year is None:
        return render_template("skp/plan_mine.html", plan=None, **context)
    plan = plan_service.latest_plan(employee.id, year.id, full=True)
    if plan is None:
        form = start_form or StartForm()
        offers = {"last_year": plan_service.last_year_available(employee.id, year), "library": library_has(employee.position)}
        form.offer(**offers)
        return render_template("skp/plan_mine.html", plan=None, start_form=form,
                               sources=START_SOURCES, **context)
    problems = list(problems or [])
    marks: dict[str, list[str]] = {}
    for problem in problems:
        marks.setdefault(problem.ref, []).append(problem.message)
    places = {}  # "rhk-12" → "RHK utama 1", "iki-30" → "IKI 2 pada RHK utama 1"
    for items in (plan.utama, plan.tambahan):
        for n, result in enumerate(items, 1):
            places[f"rhk-{result.id}"] = f"RHK {result.kind.label.lower()} {n}"
            for k, indicator in enumerate(result.indicators, 1):
                places[f"iki-{indicator.id}"] = f"IKI {k} pada RHK {result.kind.label.lower()} {n}"
    in_force = None
    if plan.status != PlanStatus.APPROVED and plan.version > 1:
        in_force = plan_service.approved_plan(employee.id, year.id)
    return render_template(
        "skp/plan_mine.html", plan=plan, versions=plan_versions(plan), in_force=in_force,
        editable=can_edit_plan(current_user, plan), problems=problems, marks=marks, places=places,
        warnings=warnings_of(plan),
        submit_form=_versioned(SubmitForm(), plan), action_form=ActionForm(),
        **plan_context(plan), **context,
    )


@bp.route("/")
def my_plan():
    """My SKP of the current appraisal year."""
    return render_my_plan(current_year())


@bp.route("/<int:year>")
def my_plan_year(year: int):
    """My SKP of one appraisal year."""
    appraisal_year = get_year(year)
    if appraisal_year is None:
        return render_template("skp/plan_mine.html", plan=None, year=None, missing_year=year,
                               years=all_years(), employee=current_user.employee, error=None)
    return render_my_plan(appraisal_year)


@bp.route("/<int:year>/mulai", methods=["POST"])
def start(year: int):
    """Start my SKP for a year: empty, from last year's SKP, or from the library of my jabatan."""
    appraisal_year = get_year(year)
    employee = current_user.employee
    if appraisal_year is None or employee is None:
        abort(404)
    form = StartForm()
    form.offer(last_year=plan_service.last_year_available(employee.id, appraisal_year), library=library_has(employee.position))
    if form.validate_on_submit():
        try:
            commit(lambda: plan_service.start_plan(current_user, employee, appraisal_year,
                                                        source=form.source.data), conflict=CONFLICT_MESSAGE)
        except ServiceError as error:
            if plan_service.latest_plan(employee.id, appraisal_year.id) is not None:
                flash(error.message, "warning")
                return redirect(url_for("indicators.my_plan_year", year=year))
            apply_service_error(form, error)
        else:
            flash(f"SKP {year} dibuat sebagai draf. Lengkapi RHK dan IKI-nya, lalu ajukan.", "success")
            return redirect(url_for("indicators.my_plan_year", year=year))
    return render_my_plan(appraisal_year, start_form=form)


@bp.route("/rencana/<int:plan_id>/ajukan", methods=["POST"])
def submit(plan_id: int):
    """Ajukan: send my SKP to my Pejabat Penilai; an incomplete SKP lists what is missing."""
    plan = own_plan(plan_id)
    form = SubmitForm()
    year = plan.year
    try:
        commit(lambda: plan_service.submit(current_user, plan, version=form_version(form)), conflict=CONFLICT_MESSAGE)
    except plan_service.PlanIncomplete as incomplete:
        return render_my_plan(year, problems=incomplete.problems)
    except ServiceError as error:
        return render_my_plan(year, error=error.message)
    flash("SKP diajukan kepada Pejabat Penilai Kinerja. Anda akan melihat hasilnya di halaman ini.", "success")
    return redirect(url_for("indicators.my_plan_year", year=year.year))


@bp.route("/rencana/<int:plan_id>/tarik", methods=["POST"])
def withdraw(plan_id: int):
    """Tarik kembali: take my submitted SKP back to draft before it is reviewed."""
    plan = own_plan(plan_id)
    year = plan.year
    try:
        commit(lambda: plan_service.withdraw(current_user, plan), conflict=CONFLICT_MESSAGE)
    except ServiceError as error:
        return render_my_plan(year, error=error.message)
    flash("SKP ditarik kembali menjadi draf dan dapat diubah lagi.", "success")
    return redirect(url_for("indicators.my_plan_year", year=year.year))


@bp.route("/rencana/<int:plan_id>/versi-baru", methods=["GET", "POST"])
def revise(plan_id: int):
    """Ubah SKP: an approved SKP gets a new version (a draft copy) with the reason for the change."""
    plan = own_plan(plan_id)
    newest = plan_service.latest_plan(plan.employee_id, plan.year_id)
    form = ReviseForm()
    if form.validate_on_submit():
        try:
            new = commit(lambda: plan_service.revise(current_user, plan, form.reason.data), conflict=CONFLICT_MESSAGE)
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"Versi {new.version} SKP dibuat sebagai draf. Versi {plan.version} tetap berlaku sampai "
                  f"versi baru disetujui.", "success")
            return redirect(url_for("indicators.my_plan_year", year=plan.year.year))
    allowed = plan.status == PlanStatus.APPROVED and newest is not None and newest.id == plan.id
    return render_template("skp/plan_revise.html", plan=plan, form=form, allowed=allowed, newest=newest)


def _render_view(plan, start_form=None, status: int = 200):
    own = current_user.employee_id == plan.employee_id
    sets_start = plan.status == PlanStatus.APPROVED and can_admin_employee(current_user, plan.employee)
    if sets_start and start_form is None:
        start_form = StartDateForm(formdata=None, start_date=plan.start_date)
    return render_template(
        "skp/plan_view.html", plan=plan, versions=plan_versions(plan), own=own,
        can_review=can_review_plan(current_user, plan), editable=can_edit_plan(current_user, plan),
        external=records_external_approval(current_user, plan.employee),
        start_form=start_form if sets_start else None,
        **plan_context(plan),
    ), status


@bp.route("/rencana/<int:plan_id>")
def view(plan_id: int):
    """One version of an SKP, read-only and printable, with the other versions to switch to."""
    return _render_view(plan_or_404(plan_id))


@bp.route("/rencana/<int:plan_id>/tanggal-mulai", methods=["POST"])
def start_date(plan_id: int):
    """The pengelola kinerja sets an earlier start date of an approved SKP (RULES.md §10)."""
    plan = plan_or_404(plan_id)
    if not can_admin_employee(current_user, plan.employee):
        abort(403)
    form = StartDateForm()
    if form.validate_on_submit():
        try:
            commit(lambda: plan_service.set_start_date(current_user, plan, form.start_date.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"SKP berlaku mulai {tanggal(plan.start_date)}.", "success")
            return redirect(url_for("indicators.view", plan_id=plan.id))
    return _render_view(plan_or_404(plan_id), form)


@bp.route("/rencana/<int:plan_id>/bandingkan/<int:other_id>")
def compare(plan_id: int, other_id: int):
    """What changed between two versions of the same SKP (older → newer, whichever is named first)."""
    plan, other = plan_or_404(plan_id), plan_or_404(other_id)
    if (plan.employee_id, plan.year_id) != (other.employee_id, other.year_id):
        abort(404)
    old, new = sorted((plan, other), key=lambda p: p.version)
    core_values()  # the expectations' values come from the identity map
    return render_template("skp/plan_compare.html", diff=diff_plans(old, new), old=old, new=new,
                           plan=plan, versions=plan_versions(plan))
