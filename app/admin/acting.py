"""Plt./Plh. assignments of my OPDs."""
from __future__ import annotations

import datetime as dt

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.admin import bp
from app.admin.forms import ActingForm
from app.admin.loaders import acting_or_404
from app.domain.enums import ActingKind, OrgUnitKind
from app.extensions import db
from app.forms import apply_service_error, choices
from app.models import ActingAssignment, OrgUnit
from app.security import admin_opd_ids
from app.services import ServiceError
from app.services.acting import ActingData, create_acting, update_acting
from app.services.org import units_in_scope


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
    query = (
        select(ActingAssignment)
        .join(OrgUnit, ActingAssignment.unit_id == OrgUnit.id)
        .options(
            selectinload(ActingAssignment.acting_employee),
            selectinload(ActingAssignment.replaced_employee),
            selectinload(ActingAssignment.unit),
        )
        .order_by(ActingAssignment.start_date.desc(), ActingAssignment.id.desc())
    )
    scope = admin_opd_ids(current_user)
    if scope is not None:
        query = query.where(OrgUnit.opd_id.in_(scope or {-1}))
    if not show_all:
        query = query.where(ActingAssignment.end_date >= dt.date.today())
    assignments = list(db.session.scalars(query.limit(500)))
    return render_template("admin/acting_list.html", assignments=assignments, show_all=show_all,
                           today=dt.date.today())


@bp.route("/plt/baru", methods=["GET", "POST"])
def acting_new():
    """Record a Plt./Plh. assignment."""
    form = ActingForm()
    form.unit_id.choices = choices(_unit_choices())
    if form.validate_on_submit():
        try:
            create_acting(current_user, _data(form))
        except ServiceError as error:
            db.session.rollback()
            apply_service_error(form, error)
        else:
            db.session.commit()
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
            update_acting(current_user, assignment, _data(form))
        except ServiceError as error:
            db.session.rollback()
            apply_service_error(form, error)
        else:
            db.session.commit()
            flash("Penugasan Plt./Plh. diperbarui.", "success")
            return redirect(url_for("admin.acting_list"))
    return render_template("admin/acting_form.html", form=form, assignment=assignment)
