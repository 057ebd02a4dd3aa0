"""The review of a pegawai's SKP by their Pejabat Penilai (or Plt./Plh.), or by the pengelola kinerja
recording the kepala daerah's decision: ekspektasi khusus, Setujui, Kembalikan."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.domain.skp import PlanStatus
from app.forms import apply_service_error
from app.models import Plan
from app.security import records_external_approval
from app.services import ConflictError, ServiceError
from app.services.settings import core_values
from app.services.skp import plans as plan_service
from app.skp.blueprint import bp
from app.skp.forms import ReasonForm, expectation_form_class, form_version
from app.skp.loaders import CONFLICT_KEPT, CONFLICT_MESSAGE, plan_versions, reviewable_plan
from app.skp.plans import plan_context
from app.web import commit

EXPECTATION_STATES = (PlanStatus.DRAFT, PlanStatus.SUBMITTED, PlanStatus.RETURNED)


def _expectation_form(plan: Plan, values, *, fill: bool):
    form = expectation_form_class(values)()
    if fill:
        form.version.data = plan.lock_version
        texts = {e.core_value_id: e.text for e in plan.expectations}
        for value in values:
            form[f"value_{value.id}"].data = texts.get(value.id, "")
    return form


def render_review(plan: Plan, *, expectation_form=None, return_form=None, error: str | None = None):
    """The review page: the plan read-only, the ekspektasi form, Setujui and Kembalikan."""
    context = plan_context(plan)
    values = context["core_values"]
    if expectation_form is None:
        expectation_form = _expectation_form(plan, values, fill=True)
    # A form the page does not show in this state (return: only while submitted; ekspektasi: only
    # before approval) still has its refusal said, above the page.
    for form, shown in ((return_form, plan.status == PlanStatus.SUBMITTED),
                        (expectation_form, plan.status in EXPECTATION_STATES)):
        if form is not None and not shown:
            error = " ".join(list(form.form_errors) + [m for f in form for m in f.errors]) or error
    if return_form is None:
        return_form = ReasonForm()
        return_form.version.data = plan.lock_version
    previous = None
    if plan.version > 1:
        previous = next((v for v in plan_versions(plan) if v.version == plan.version - 1), None)
    return render_template(
        "skp/team_review.html", plan=plan, expectation_form=expectation_form, return_form=return_form,
        error=error, previous=previous,
        expectations_open=plan.status in EXPECTATION_STATES,
        external=records_external_approval(current_user, plan.employee), **context,
    )


@bp.route("/rencana/<int:plan_id>/tinjau")
def review(plan_id: int):
    """Review a pegawai's SKP: write the ekspektasi khusus, approve or return it."""
    return render_review(reviewable_plan(plan_id))


@bp.route("/rencana/<int:plan_id>/ekspektasi", methods=["POST"])
def expectations(plan_id: int):
    """Save the ekspektasi khusus pimpinan, one text per BerAKHLAK value."""
    plan = reviewable_plan(plan_id)
    values = core_values()
    form = _expectation_form(plan, values, fill=False)
    if form.validate_on_submit():
        texts = {v.id: form[f"value_{v.id}"].data or "" for v in values}
        try:
            commit(lambda: plan_service.set_expectations(current_user, plan, texts,
                                                              version=form_version(form)), conflict=CONFLICT_MESSAGE)
        except ConflictError:
            plan = reviewable_plan(plan_id)
            form.version.data = plan.lock_version
            form.form_errors.append(CONFLICT_KEPT)
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Ekspektasi khusus pimpinan disimpan.", "success")
            return redirect(url_for("indicators.review", plan_id=plan_id, _anchor="ekspektasi"))
    return render_review(plan, expectation_form=form)


@bp.route("/rencana/<int:plan_id>/setujui", methods=["POST"])
def approve(plan_id: int):
    """Setujui: agree the submitted SKP; it is frozen from now on. Sent from the ekspektasi form,
    the texts typed there are saved first, in the same transaction, so nothing typed is lost."""
    plan = reviewable_plan(plan_id)
    values = core_values()
    form = _expectation_form(plan, values, fill=False)
    if not form.validate_on_submit():
        return render_review(plan, expectation_form=form)
    texts = {v.id: form[f"value_{v.id}"].data or "" for v in values if f"value_{v.id}" in request.form}
    version = form_version(form)
    name, year = plan.employee.name, plan.year.year

    def decide():
        if texts:
            plan_service.set_expectations(current_user, plan, texts, version=version)
            plan_service.approve(current_user, plan)  # the version was checked just above
        else:
            plan_service.approve(current_user, plan, version=version)

    try:
        commit(decide, conflict=CONFLICT_MESSAGE)
    except ServiceError as error:
        plan = reviewable_plan(plan_id)
        if not texts:
            return render_review(plan, error=error.message)
        form.version.data = plan.lock_version  # show what was typed again, on the current version
        if isinstance(error, ConflictError):
            form.form_errors.append(CONFLICT_KEPT.replace("tekan Simpan", "tekan Setujui"))
            return render_review(plan, expectation_form=form)
        return render_review(plan, expectation_form=form, error=error.message)
    flash(f"SKP {year} {name} disetujui.", "success")
    return redirect(url_for("indicators.team_year", year=year))


@bp.route("/rencana/<int:plan_id>/kembalikan", methods=["POST"])
def return_plan(plan_id: int):
    """Kembalikan: send the SKP back to the pegawai with the reason to revise it."""
    plan = reviewable_plan(plan_id)
    form = ReasonForm()
    if form.validate_on_submit():
        name, year = plan.employee.name, plan.year.year
        try:
            commit(lambda: plan_service.return_plan(current_user, plan, form.reason.data,
                                                         version=form_version(form)), conflict=CONFLICT_MESSAGE)
        except ConflictError:
            plan = reviewable_plan(plan_id)
            form.version.data = plan.lock_version
            form.form_errors.append(CONFLICT_KEPT.replace("Simpan", "Kembalikan"))
        except ServiceError as error:
            plan = reviewable_plan(plan_id)
            apply_service_error(form, error)
        else:
            flash(f"SKP {year} {name} dikembalikan kepada pegawai dengan alasan perbaikan.", "success")
            return redirect(url_for("indicators.team_year", year=year))
    return render_review(plan, return_form=form)
