"""Plt./Plh. assignments of my OPDs."""
from __future__ import annotations


from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin.blueprint import bp
from app.admin.forms import ActingForm
from app.admin.loaders import acting_or_404
from app.domain.enums import ActingKind, OrgUnitKind
from app.forms import apply_service_error, choices
from app.models.base import local_today
from app.security import admin_opd_ids
from app.services import ServiceError
from app.services.org.acting import ActingData, acting_in_scope, assignment_opd_ids, create_acting, update_acting
from app.services.org.units import units_in_scope
from app.web import commit


def _unit_choices() -> list[tuple[int, str]]:
    return [(0, "— pilih unit kerja —")] + [
        (u.id, "\u00a0\u00a0" * max(u.depth - 1, 0) + u.name)
        for u in units_in_scope(current_user) if u.kind != OrgUnitKind.PEMDA
    ]


def _data(form: ActingForm) -> ActingData:
    return ActingData(
        kind=ActingKind.parse(form.kind.data) or ActingKind.PLT,
        acting_nip=form.acting_nip.data or "",
        replaced_nip=form.replaced_nip.data,
        unit_id=form.unit_id.data or 0,
        position=form.position.data or "",
        start_date=form.start_date.data,
        end_date=form.end_date.data,
        decree=form.decree.data,
    )


@bp.route("/plt")
def acting_list():
    """Current and upcoming (or all) acting assignments in my OPDs."""
    show_all = request.args.get("semua") == "1"
    scope = admin_opd_ids(current_user)
    assignments = acting_in_scope(scope, current_only=not show_all)
    editable = {a.id for a in assignments if scope is None or assignment_opd_ids(a) <= scope}
    return render_template("admin/acting_list.html", assignments=assignments, show_all=show_all,
                           today=local_today(), editable=editable)


@bp.route("/plt/baru", methods=["GET", "POST"])
def acting_new():
    """Record a Plt./Plh. assignment."""
    form = ActingForm()
    form.unit_id.choices = choices(_unit_choices())
    if form.validate_on_submit():
        try:
            commit(lambda: create_acting(current_user, _data(form)))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Penugasan Plt./Plh. dicatat.", "success")
            return redirect(url_for("admin.acting_list"))
    return render_template("admin/acting_form.html", form=form, assignment=None)


@bp.route("/plt/<int:assignment_id>/ubah", methods=["GET", "POST"])
def acting_edit(assignment_id: int):
    """Change an assignment (for example end it early)."""
    assignment = acting_or_404(assignment_id)
    form = ActingForm(obj=assignment if request.method == "GET" else None)
    form.unit_id.choices = choices(_unit_choices())
    if request.method == "GET":
        form.kind.data = assignment.kind.value
        form.acting_nip.data = assignment.acting_employee.nip
        form.replaced_nip.data = assignment.replaced_employee.nip if assignment.replaced_employee else ""
    if form.validate_on_submit():
        try:
            commit(lambda: update_acting(current_user, assignment, _data(form)))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Penugasan Plt./Plh. diperbarui.", "success")
            return redirect(url_for("admin.acting_list"))
    return render_template("admin/acting_form.html", form=form, assignment=assignment)
