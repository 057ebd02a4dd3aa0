"""Tahun & periode: open an appraisal year, set each period's deadlines, close and reopen periods.
The calendar is kabupaten-wide, so every page here is for the superadmin only."""
from __future__ import annotations

import datetime as dt

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin.blueprint import bp
from app.admin.skp_forms import DeadlineForm, YearForm
from app.domain.periods import PeriodScheme
from app.extensions import db
from app.forms import ActionForm, apply_service_error
from app.models import AppraisalYear, Period
from app.models.base import local_today
from app.security import superadmin_required
from app.services import ServiceError
from app.services.years import (
    MAX_DEADLINE_DAYS, all_years, open_year, period_for, set_period_open, update_period_deadlines, years_overview,
)
from app.web import commit


def year_by_id_or_404(year_id: int) -> AppraisalYear:
    """The year, or 404 (years are kabupaten-wide: no scope to check)."""
    year = db.session.get(AppraisalYear, year_id)
    if year is None:
        abort(404)
    return year


def period_or_404(period_id: int) -> Period:
    """The period, or 404."""
    period = db.session.get(Period, period_id)
    if period is None:
        abort(404)
    return period


@bp.route("/tahun")
@superadmin_required
def years():
    """Every appraisal year with its scheme and how many periods are open."""
    return render_template("admin/years.html", years=years_overview())


@bp.route("/tahun/baru", methods=["GET", "POST"])
@superadmin_required
def year_new():
    """Open an appraisal year: its periods under the chosen scheme plus the Akhir period."""
    form = YearForm()
    if request.method == "GET":
        form.year.data = max((y.year for y in all_years()), default=local_today().year - 1) + 1
    if form.validate_on_submit():
        try:
            year = commit(lambda: open_year(current_user, form.year.data, PeriodScheme.parse(form.scheme.data),
                                            submission_days=form.submission_days.data,
                                            review_days=form.review_days.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"Tahun penilaian {year.year} dibuka dengan {len(year.periods)} periode.", "success")
            return redirect(url_for("admin.year_detail", year_id=year.id))
    return render_template("admin/year_form.html", form=form)


@bp.route("/tahun/<int:year_id>")
@superadmin_required
def year_detail(year_id: int):
    """A year's periods: dates, deadlines, open or closed."""
    year = year_by_id_or_404(year_id)
    return render_template("admin/year_detail.html", year=year, action_form=ActionForm(),
                           running=period_for(year, local_today()))


@bp.route("/tahun/periode/<int:period_id>/ubah", methods=["GET", "POST"])
@superadmin_required
def year_period_edit(period_id: int):
    """Change a period's submission and review deadlines."""
    period = period_or_404(period_id)
    form = DeadlineForm(obj=period if request.method == "GET" else None)
    if request.method == "GET":
        form.reason.data = period.extension_reason or ""
    if form.validate_on_submit():
        try:
            commit(lambda: update_period_deadlines(current_user, period, form.submission_deadline.data,
                                                   form.review_deadline.data, form.reason.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"Batas waktu {period.title} disimpan.", "success")
            return redirect(url_for("admin.year_detail", year_id=period.year_id))
    return render_template("admin/year_period_form.html", form=form, period=period, max_days=MAX_DEADLINE_DAYS,
                           usual_limit=period.end_date + dt.timedelta(days=MAX_DEADLINE_DAYS))


def _set_open(period_id: int, open: bool):
    """Close or reopen a period from a button-only POST."""
    period = period_or_404(period_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        commit(lambda: set_period_open(current_user, period, open))
    except ServiceError as error:
        flash(error.message, "warning")
    else:
        flash(f"{period.title} {'dibuka kembali' if open else 'ditutup; pengisian untuk periode ini dibekukan'}.",
              "success")
    return redirect(url_for("admin.year_detail", year_id=period.year_id))


@bp.route("/tahun/periode/<int:period_id>/tutup", methods=["POST"])
@superadmin_required
def year_period_close(period_id: int):
    """Close a period: entry for it freezes until it is reopened."""
    return _set_open(period_id, False)


@bp.route("/tahun/periode/<int:period_id>/buka", methods=["POST"])
@superadmin_required
def year_period_open(period_id: int):
    """Reopen a closed period."""
    return _set_open(period_id, True)
