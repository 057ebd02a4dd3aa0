"""Unit kerja: the tree, with pegawai counts; create, edit, (de)activate."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin.blueprint import bp
from app.admin.forms import UnitForm
from app.admin.loaders import unit_or_404
from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.forms import ActionForm, apply_service_error, choices
from app.models import OrgUnit
from app.security import admin_opd_ids, can_admin_unit
from app.services import ServiceError
from app.services.org.units import active_counts, create_unit, get_pemda, set_unit_active, units_in_scope, update_unit
from app.web import arg_id, commit


def _parent_choices(exclude: OrgUnit | None = None) -> list[tuple[int, str]]:
    units = units_in_scope(current_user)
    pemda = get_pemda()
    if current_user.is_superadmin and pemda is not None and pemda not in units:
        units = [pemda] + units
    choices = []
    for unit in units:
        if exclude is not None and unit.id == exclude.id:
            continue
        if unit.kind == OrgUnitKind.PEMDA and not current_user.is_superadmin:
            continue
        choices.append((unit.id, "\u00a0\u00a0" * getattr(unit, "depth", 0) + unit.name))
    return choices


@bp.route("/unit")
def units():
    """The unit tree of my OPDs with active pegawai per unit."""
    scope = admin_opd_ids(current_user)
    all_units = units_in_scope(current_user, active_only=False)
    counts = active_counts()
    children: dict[int | None, list[OrgUnit]] = {}
    ids = {u.id for u in all_units}
    for unit in all_units:
        children.setdefault(unit.parent_id if unit.parent_id in ids else None, []).append(unit)
    return render_template("admin/units.html", roots=children.get(None, []), children=children,
                           counts=counts, pemda=get_pemda() if scope is None else None,
                           action_form=ActionForm())


@bp.route("/unit/baru", methods=["GET", "POST"])
def unit_new():
    """Add a unit under a parent in my scope (an OPD: superadmin only)."""
    form = UnitForm()
    form.parent_id.choices = choices(_parent_choices())
    if request.method == "GET" and arg_id("induk") is not None:
        form.parent_id.data = arg_id("induk")
    if form.validate_on_submit():
        parent = db.session.get(OrgUnit, form.parent_id.data)
        try:
            if parent is None:
                raise ServiceError("Pilih unit induk.", field="parent_id")
            unit = commit(lambda: create_unit(current_user, parent, form.name.data, OrgUnitKind.parse(form.kind.data)))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"Unit '{unit.name}' ditambahkan.", "success")
            return redirect(url_for("admin.units"))
    return render_template("admin/unit_form.html", form=form, unit=None)


@bp.route("/unit/<int:unit_id>/ubah", methods=["GET", "POST"])
def unit_edit(unit_id: int):
    """Rename, re-kind or move a unit within my scope."""
    unit = unit_or_404(unit_id)
    form = UnitForm(obj=unit if request.method == "GET" else None)
    form.parent_id.choices = choices(_parent_choices(exclude=unit))
    if unit.kind == OrgUnitKind.PEMDA:
        form.kind.choices = choices([("PEMDA", OrgUnitKind.PEMDA.label)])
        form.parent_id.choices = choices([(0, "—")])
    if request.method == "GET":
        form.kind.data = unit.kind.value
        form.parent_id.data = unit.parent_id or 0
    if form.validate_on_submit():
        parent = db.session.get(OrgUnit, form.parent_id.data) if form.parent_id.data else None
        try:
            commit(lambda: update_unit(current_user, unit, name=form.name.data,
                                       kind=OrgUnitKind.parse(form.kind.data), parent=parent))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Unit disimpan.", "success")
            return redirect(url_for("admin.units"))
    return render_template("admin/unit_form.html", form=form, unit=unit)


@bp.route("/unit/<int:unit_id>/status", methods=["POST"])
def unit_toggle(unit_id: int):
    """Deactivate an empty unit, or reactivate it."""
    unit = unit_or_404(unit_id)
    if not ActionForm().validate_on_submit() or not can_admin_unit(current_user, unit):
        abort(400)
    try:
        commit(lambda: set_unit_active(current_user, unit, not unit.active))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash(f"Unit '{unit.name}' {'diaktifkan' if unit.active else 'dinonaktifkan'}.", "success")
    return redirect(url_for("admin.units"))
