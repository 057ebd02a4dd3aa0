"""The SKP editor of the pegawai: pendekatan and lampiran, and the RHK (add, change, delete, move);
the IKI routes are in indicator_editor.py. Every form carries the plan's lock version; a stale one re-renders the form with the user's input
and a conflict message, so nothing typed is lost."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.domain.skp import Approach, ResultKind
from app.extensions import db
from app.forms import apply_service_error, choices
from app.models import Plan
from app.services import ConflictError, ServiceError
from app.services.skp import plan_edit
from app.services.skp.org_targets import targets_of
from app.services.skp.plan_rules import assessor_plan
from app.skp.blueprint import bp
from app.skp.forms import HeaderForm, ResultForm, SubmitForm, form_version
from app.skp.loaders import CONFLICT_KEPT, CONFLICT_MESSAGE, editable_plan, result_of
from app.web import commit

OPTION_LENGTH = 150


def _short(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= OPTION_LENGTH else text[: OPTION_LENGTH - 1] + "…"


def _back(plan: Plan, anchor: str | None = None):
    return redirect(url_for("indicators.my_plan_year", year=plan.year.year, _anchor=anchor))


def save_form(form, plan: Plan, action, success: str, anchor=None):
    """Run an editing service for a form; on success commit and go back to the editor, else put
    the refusal at its field (a conflict above the form, with the version moved on)."""
    try:
        value = commit(action, conflict=CONFLICT_MESSAGE)
    except ConflictError:
        plan = db.session.get(Plan, plan.id)
        form.version.data = plan.lock_version
        form.form_errors.append(CONFLICT_KEPT)
        return None
    except ServiceError as error:
        apply_service_error(form, error)
        return None
    flash(success, "success")
    return _back(plan, anchor(value) if callable(anchor) else anchor)


def button_action(plan_id: int, action, success: str | None, anchor=None):
    """A button-only edit (delete, move): PRG on success; a refusal shows the editor again with
    the reason above it."""
    from app.skp.plans import render_my_plan

    plan = editable_plan(plan_id)
    year = plan.year
    try:
        commit(lambda: action(plan, form_version(SubmitForm())), conflict=CONFLICT_MESSAGE)
    except ConflictError:
        return render_my_plan(year, error=CONFLICT_MESSAGE + " Di bawah ini SKP terbaru; ulangi tindakan "
                                                             "bila masih diperlukan.")
    except ServiceError as error:
        return render_my_plan(year, error=error.message)
    if success:
        flash(success, "success")
    return _back(plan, anchor)


# --- pendekatan and lampiran ------------------------------------------------------------------


@bp.route("/rencana/<int:plan_id>/lampiran", methods=["GET", "POST"])
def edit_header(plan_id: int):
    """Pendekatan (kuantitatif/kualitatif) and the lampiran lists of my draft SKP."""
    plan = editable_plan(plan_id)
    form = HeaderForm()
    if request.method == "GET":
        form.version.data = plan.lock_version
        form.approach.data = plan.approach.value
        form.resources.data, form.accountability.data = plan.resources, plan.accountability
        form.consequences.data = plan.consequences
    if plan.is_jpt:
        form.approach.choices = choices([(Approach.KUANTITATIF.value, Approach.KUANTITATIF.label)])
    if form.validate_on_submit():
        response = save_form(form, plan, lambda: plan_edit.update_header(
            current_user, plan, approach=Approach.parse(form.approach.data) or Approach.KUANTITATIF,
            resources=form.resources.data or "", accountability=form.accountability.data or "",
            consequences=form.consequences.data or "", version=form_version(form),
        ), "Pendekatan dan lampiran SKP disimpan.", "lampiran")
        if response:
            return response
    return render_template("skp/plan_header_form.html", plan=plan, form=form)


# --- RHK --------------------------------------------------------------------------------------


def _result_form(plan: Plan, result=None) -> tuple[ResultForm, list]:
    """The RHK form with its choices: the assessor's current RHK, or (JPT) the OPD's targets."""
    form = ResultForm()
    options = []
    if plan.is_jpt:
        del form.parent_id
        options = targets_of(plan.employee.unit.opd_id, plan.year_id)
        form.org_target_id.choices = choices([(0, "— pilih sasaran organisasi —")]) + choices(
            (t.id, _short(t.label)) for t in options)
    else:
        del form.org_target_id
        boss_plan = assessor_plan(plan.employee, plan.year_id)
        options = list(boss_plan.results) if boss_plan is not None else []
        empty = "— pilih RHK atasan —" if options else "— Pejabat Penilai belum menyusun SKP —"
        form.parent_id.choices = choices([(0, empty)])
        for kind in ResultKind:
            form.parent_id.choices += choices(
                ((r.id, _short(r.text)) for r in options if r.kind == kind), f"RHK {kind.label.lower()} atasan")
    if request.method == "GET":
        form.version.data = plan.lock_version
        if result is not None:
            form.kind.data = result.kind.value
            form.text.data = result.text
            form.assigned_by.data = result.assigned_by
            if plan.is_jpt:
                form.org_target_id.data = result.org_target_id or 0
            else:
                form.parent_id.data = result.parent_id or 0
        else:
            kind = ResultKind.parse(request.args.get("jenis"))
            form.kind.data = (kind or ResultKind.UTAMA).value
    return form, options


def _result_data(form: ResultForm, plan: Plan) -> plan_edit.ResultData:
    return plan_edit.ResultData(
        kind=ResultKind.parse(form.kind.data) or ResultKind.UTAMA,
        text=form.text.data or "",
        parent_id=None if plan.is_jpt else (form.parent_id.data or None),
        org_target_id=(form.org_target_id.data or None) if plan.is_jpt else None,
        assigned_by=form.assigned_by.data,
    )


@bp.route("/rencana/<int:plan_id>/rhk/baru", methods=["GET", "POST"])
def add_result(plan_id: int):
    """Add an RHK (utama or tambahan) to my draft SKP."""
    plan = editable_plan(plan_id)
    form, options = _result_form(plan)
    if form.validate_on_submit():
        response = save_form(form, plan, lambda: plan_edit.add_result(
            current_user, plan, _result_data(form, plan), version=form_version(form)),
            "RHK ditambahkan. Tambahkan IKI-nya.", lambda r: f"rhk-{r.id}")
        if response:
            return response
    return render_template("skp/plan_result_form.html", plan=plan, form=form, result=None, options=options)


@bp.route("/rencana/<int:plan_id>/rhk/<int:result_id>/ubah", methods=["GET", "POST"])
def edit_result(plan_id: int, result_id: int):
    """Change an RHK of my draft SKP."""
    plan = editable_plan(plan_id)
    result = result_of(plan, result_id)
    form, options = _result_form(plan, result)
    if form.validate_on_submit():
        response = save_form(form, plan, lambda: plan_edit.update_result(
            current_user, plan, result, _result_data(form, plan), version=form_version(form)),
            "RHK disimpan.", f"rhk-{result.id}")
        if response:
            return response
    return render_template("skp/plan_result_form.html", plan=plan, form=form, result=result, options=options)


@bp.route("/rencana/<int:plan_id>/rhk/<int:result_id>/hapus", methods=["POST"])
def delete_result(plan_id: int, result_id: int):
    """Delete an RHK and its IKI from my draft SKP."""
    return button_action(plan_id, lambda plan, version: plan_edit.delete_result(
        current_user, plan, result_of(plan, result_id), version=version), "RHK beserta IKI-nya dihapus.")


@bp.route("/rencana/<int:plan_id>/rhk/<int:result_id>/naik", methods=["POST"])
def result_up(plan_id: int, result_id: int):
    """Move an RHK one place up."""
    return button_action(plan_id, lambda plan, version: plan_edit.move_result(
        current_user, plan, result_of(plan, result_id), -1, version=version), None, f"rhk-{result_id}")


@bp.route("/rencana/<int:plan_id>/rhk/<int:result_id>/turun", methods=["POST"])
def result_down(plan_id: int, result_id: int):
    """Move an RHK one place down."""
    return button_action(plan_id, lambda plan, version: plan_edit.move_result(
        current_user, plan, result_of(plan, result_id), 1, version=version), None, f"rhk-{result_id}")
