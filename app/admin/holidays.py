"""Hari libur: the kabupaten's days off besides the weekend (libur nasional, cuti bersama, a
regional holiday) that the kinerja harian counts working days by: super admin only."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectField, StringField

from app.admin.blueprint import bp
from app.domain.daily import HolidayKind
from app.extensions import db
from app.forms import DATE_HINT, ActionForm, Form, IndonesianDateField, apply_service_error, choices
from app.models import Holiday
from app.models.base import local_today
from app.security import superadmin_required
from app.services import ServiceError
from app.services.daily import calendar
from app.web import commit


class HolidayForm(Form):
    day = IndonesianDateField("Tanggal", description=DATE_HINT)
    kind = SelectField("Jenis", choices=choices([("", "— pilih —")] + HolidayKind.choices()))
    name = StringField("Nama", render_kw={"maxlength": 200}, description="Mis. Hari Raya Natal, Cuti bersama Idulfitri.")


@bp.route("/hari-libur", methods=["GET", "POST"])
@superadmin_required
def holidays():
    """The year's holidays and the form to add one."""
    try:
        year = int(request.args.get("tahun") or local_today().year)
    except ValueError:
        abort(404)
    if not 2000 <= year <= 2100:
        abort(404)
    form = HolidayForm()
    status = 200
    if form.validate_on_submit():
        try:
            holiday = commit(lambda: calendar.add_holiday(current_user._get_current_object(), form.day.data,
                                                           HolidayKind.parse(form.kind.data) if form.kind.data else None,
                                                           form.name.data or ""))
        except ServiceError as error:
            apply_service_error(form, error)
            status = 422
        else:
            flash(f"{holiday.name} ditambahkan.", "success")
            return redirect(url_for("admin.holidays", tahun=holiday.day.year))
    elif request.method == "POST":
        status = 422
    return render_template("admin/holidays.html", form=form, year=year, holidays=calendar.holidays_of_year(year),
                           action_form=ActionForm()), status


@bp.route("/hari-libur/<int:holiday_id>/hapus", methods=["POST"])
@superadmin_required
def holiday_delete(holiday_id: int):
    holiday = db.session.get(Holiday, holiday_id)
    if holiday is None:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    year, name = holiday.day.year, holiday.name
    commit(lambda: calendar.remove_holiday(current_user._get_current_object(), holiday))
    flash(f"{name} dihapus dari hari libur.", "success")
    return redirect(url_for("admin.holidays", tahun=year))
