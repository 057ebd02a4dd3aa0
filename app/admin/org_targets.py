"""Sasaran organisasi: an OPD's Perjanjian Kinerja targets (sasaran strategis + IKU) for a year,
and the organisation's predikat and capaian at year end. An OPD admin sees only their OPDs."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin.blueprint import bp
from app.admin.skp_forms import OrgResultForm, OrgTargetFilterForm, OrgTargetForm
from app.admin.years import year_by_id_or_404
from app.domain.enums import OrgPredikat, OrgUnitKind
from app.extensions import db
from app.forms import ActionForm, apply_service_error, choices
from app.models import AppraisalYear, OrgTarget, OrgUnit
from app.security import can_admin_opd
from app.services import ServiceError
from app.services.skp.org_targets import (
    OrgTargetData, create_target, delete_target, move_target, reference_counts, set_year_result, suggestion,
    targets_of, update_target, year_result,
)
from app.services.years import all_years, current_year
from app.web import commit
from app.services.org.units import opds_in_scope


def opd_or_404(opd_id: int) -> OrgUnit:
    """An OPD of mine (another OPD is a 404: its existence is not revealed)."""
    opd = db.session.get(OrgUnit, opd_id)
    if opd is None or opd.kind != OrgUnitKind.OPD or not can_admin_opd(current_user, opd.id):
        abort(404)
    return opd


def target_or_404(target_id: int) -> OrgTarget:
    """A target of one of my OPDs (else 404)."""
    target = db.session.get(OrgTarget, target_id)
    if target is None or not can_admin_opd(current_user, target.opd_id):
        abort(404)
    return target


def _filter_form(opds: list[OrgUnit], years: list[AppraisalYear]) -> OrgTargetFilterForm:
    form = OrgTargetFilterForm(request.args)
    form.opd.choices = choices([(o.id, o.name) for o in opds])
    form.tahun.choices = choices([(y.id, str(y.year)) for y in years])
    return form


@bp.route("/sasaran")
def org_targets():
    """Pick an OPD of mine and a year (default: my first OPD, the current year)."""
    opds, years = opds_in_scope(current_user), all_years()
    if not opds or not years:
        return render_template("admin/org_targets.html", opd=None, year=None, missing_opd=not opds)
    form = _filter_form(opds, years)
    form.validate()
    opd_id = form.opd.data if not form.opd.errors and form.opd.data else opds[0].id
    default_year = current_year() or years[0]
    year_id = form.tahun.data if not form.tahun.errors and form.tahun.data else default_year.id
    return redirect(url_for("admin.org_target_list", opd_id=opd_id, year_id=year_id))


def _render_list(opd: OrgUnit, year: AppraisalYear, result_form: OrgResultForm | None = None):
    opds, years = opds_in_scope(current_user), all_years()
    form = _filter_form(opds, years)
    form.opd.data, form.tahun.data = opd.id, year.id
    targets = targets_of(opd.id, year.id)
    result = year_result(opd.id, year.id)
    if result_form is None:
        result_form = OrgResultForm(formdata=None, obj=result)
        result_form.predikat.data = result.predikat.value if result and result.predikat else ""
    return render_template(
        "admin/org_targets.html", opd=opd, year=year, filter_form=form, targets=targets,
        used=reference_counts([t.id for t in targets]), result=result, result_form=result_form,
        action_form=ActionForm(), suggested=suggestion(opd.id, year.id, targets),
    )


@bp.route("/sasaran/<int:opd_id>/<int:year_id>")
def org_target_list(opd_id: int, year_id: int):
    """An OPD's targets for a year, and its organisation result."""
    return _render_list(opd_or_404(opd_id), year_by_id_or_404(year_id))


def _data(form: OrgTargetForm) -> OrgTargetData:
    return OrgTargetData(goal=form.goal.data or "", indicator=form.indicator.data or "",
                         target_value=form.target_value.data, unit=form.unit.data or "",
                         realization=form.realization.data)


@bp.route("/sasaran/<int:opd_id>/<int:year_id>/baru", methods=["GET", "POST"])
def org_target_new(opd_id: int, year_id: int):
    """Add a target to an OPD's Perjanjian Kinerja for a year."""
    opd, year = opd_or_404(opd_id), year_by_id_or_404(year_id)
    form = OrgTargetForm()
    if form.validate_on_submit():
        try:
            commit(lambda: create_target(current_user, opd, year, _data(form)))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Sasaran organisasi ditambahkan.", "success")
            return redirect(url_for("admin.org_target_list", opd_id=opd.id, year_id=year.id))
    return render_template("admin/org_target_form.html", form=form, opd=opd, year=year, target=None)


@bp.route("/sasaran/<int:target_id>/ubah", methods=["GET", "POST"])
def org_target_edit(target_id: int):
    """Edit a target, or enter its realisation at year end."""
    target = target_or_404(target_id)
    form = OrgTargetForm(obj=target if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            commit(lambda: update_target(current_user, target, _data(form)))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Sasaran organisasi disimpan.", "success")
            return redirect(url_for("admin.org_target_list", opd_id=target.opd_id, year_id=target.year_id))
    return render_template("admin/org_target_form.html", form=form, opd=target.opd, year=target.year,
                           target=target)


@bp.route("/sasaran/<int:target_id>/hapus", methods=["POST"])
def org_target_delete(target_id: int):
    """Delete a target, unless an RHK refers to it."""
    target = target_or_404(target_id)
    back = url_for("admin.org_target_list", opd_id=target.opd_id, year_id=target.year_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        commit(lambda: delete_target(current_user, target))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash("Sasaran organisasi dihapus.", "success")
    return redirect(back)


@bp.route("/sasaran/<int:target_id>/naik", methods=["POST"], defaults={"step": -1})
@bp.route("/sasaran/<int:target_id>/turun", methods=["POST"], defaults={"step": 1})
def org_target_move(target_id: int, step: int):
    """Move a target one place up or down."""
    target = target_or_404(target_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        commit(lambda: move_target(current_user, target, step))
    except ServiceError as error:
        flash(error.message, "danger")
    return redirect(url_for("admin.org_target_list", opd_id=target.opd_id, year_id=target.year_id)
                    + f"#sasaran-{target.id}")


@bp.route("/sasaran/<int:opd_id>/<int:year_id>/hasil", methods=["POST"])
def org_result(opd_id: int, year_id: int):
    """Set the OPD's predikat kinerja organisasi and capaian for the year."""
    opd, year = opd_or_404(opd_id), year_by_id_or_404(year_id)
    form = OrgResultForm()
    if form.validate_on_submit():
        try:
            commit(lambda: set_year_result(current_user, opd, year, OrgPredikat.parse(form.predikat.data),
                                           form.capaian.data, form.note.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Hasil kinerja organisasi disimpan.", "success")
            return redirect(url_for("admin.org_target_list", opd_id=opd.id, year_id=year.id) + "#hasil")
    return _render_list(opd, year, result_form=form), 200
