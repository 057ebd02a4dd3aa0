"""Kinerja harian tim: the Pejabat Penilai's week of the team, a member's day with its activities
and bukti dukung, verification (accept, return with a note, accept the whole day) and a comment
on the day. Load → authorise (security.may_verify_day for that pegawai and day; anyone else gets
404) → act."""
from __future__ import annotations

import datetime as dt

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms import HiddenField, TextAreaField

from app.daily.blueprint import bp
from app.daily.routes import MONTHS, _day_or_404
from app.domain.daily import date_text, duration_text, is_working_day
from app.extensions import db
from app.forms import ActionForm, Form, apply_service_error
from app.models import Activity, Employee
from app.models.base import local_today
from app.security import may_verify_day
from app.services import ServiceError
from app.services.daily import activities as daily
from app.services.daily import calendar, verification
from app.services.settings import get_settings
from app.web import commit


class ReturnForm(Form):
    note = TextAreaField("Yang perlu diperbaiki", render_kw={"rows": 2, "maxlength": 2000})
    version = HiddenField()


class CommentForm(Form):
    text = TextAreaField("Tulis umpan balik", render_kw={"rows": 2, "maxlength": 2000},
                         description="Dilihat pegawai pada halaman harinya; dicatat sebagai umpan balik berkelanjutan.")


def _member_or_404(employee_id: int, day: dt.date) -> Employee:
    employee = db.session.get(Employee, employee_id)
    if employee is None or not may_verify_day(current_user, employee, day):
        abort(404)
    return employee


def _activity_or_404(activity_id: int) -> Activity:
    activity = db.session.get(Activity, activity_id)
    if activity is None or not may_verify_day(current_user, activity.employee, activity.day):
        abort(404)
    return activity


def _member_day_url(employee_id: int, day: dt.date) -> str:
    return url_for("daily.member_day", employee_id=employee_id, day=day.isoformat())


def _version(form) -> int | None:
    try:
        return int(form.version.data) if form.version.data else None
    except ValueError:
        return -1


@bp.route("/tim")
def team():
    """This week of the team."""
    today = local_today()
    return redirect(url_for("daily.team_week", monday=(today - dt.timedelta(days=today.weekday())).isoformat()))


@bp.route("/tim/minggu/<monday>")
def team_week(monday: str):
    """Whom I review × the days of a week: time recorded against the standard, what waits."""
    start = _day_or_404(monday)
    start -= dt.timedelta(days=start.weekday())
    view = verification.team_week(current_user._get_current_object(), start)
    if not view.rows and current_user.employee is None:
        abort(404)
    last = view.days[-1]
    title = (f"{start.day}–{last.day} {MONTHS[last.month - 1]} {last.year}" if start.month == last.month
             else f"{start.day} {MONTHS[start.month - 1]} – {last.day} {MONTHS[last.month - 1]} {last.year}")
    return render_template("daily/team_week.html", view=view, title=title, duration=duration_text,
                           previous=start - dt.timedelta(days=7), following=start + dt.timedelta(days=7),
                           today=local_today(), working=lambda d: is_working_day(d, view.holidays))


def _render_member_day(employee: Employee, day: dt.date, return_form: ReturnForm | None = None,
                       comment_form: CommentForm | None = None, failed: int | None = None, status: int = 200):
    items = daily.day_activities(employee.id, day)
    settings = get_settings()
    holidays = calendar.holiday_days(day, day + dt.timedelta(days=settings.verify_days * 3 + 14))
    last = verification.deadline(day, settings.verify_days, holidays)
    return render_template(
        "daily/member_day.html", employee=employee, day=day, day_text=date_text(day), items=items,
        total=sum(a.minutes for a in items), standard=settings.day_minutes, duration=duration_text,
        deadline=last, open=local_today() <= last, return_form=return_form or ReturnForm(), failed=failed,
        comment_form=comment_form or CommentForm(), comments=verification.comments_of(employee.id, day),
        action_form=ActionForm(), absence=calendar.absences_of(employee.id, day, day).get(day),
        holiday=calendar.holidays_between(day, day).get(day),
        week_url=url_for("daily.team_week", monday=(day - dt.timedelta(days=day.weekday())).isoformat()),
        previous_day=day - dt.timedelta(days=1), next_day=day + dt.timedelta(days=1)), status


@bp.route("/tim/<int:employee_id>/<day>")
def member_day(employee_id: int, day: str):
    """A member's day: the activities with their bukti dukung, to verify."""
    the_day = _day_or_404(day)
    return _render_member_day(_member_or_404(employee_id, the_day), the_day)


@bp.route("/kegiatan/<int:activity_id>/terima", methods=["POST"])
def accept(activity_id: int):
    activity = _activity_or_404(activity_id)
    form = ReturnForm()
    if not form.validate_on_submit():
        abort(400)
    back = _member_day_url(activity.employee_id, activity.day)
    try:
        commit(lambda: verification.accept(current_user._get_current_object(), activity, lock_version=_version(form)))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash("Kegiatan diterima.", "success")
    return redirect(back)


@bp.route("/kegiatan/<int:activity_id>/kembalikan", methods=["POST"])
def send_back(activity_id: int):
    activity = _activity_or_404(activity_id)
    employee, day = activity.employee, activity.day
    form = ReturnForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        commit(lambda: verification.send_back(current_user._get_current_object(), activity, form.note.data or "",
                                              lock_version=_version(form)))
    except ServiceError as error:
        if error.field == "note":
            apply_service_error(form, error)
            return _render_member_day(employee, day, return_form=form, failed=activity_id, status=422)
        flash(error.message, "danger")
    else:
        flash("Kegiatan dikembalikan kepada pegawai dengan catatan Anda.", "success")
    return redirect(_member_day_url(employee.id, day))


@bp.route("/tim/<int:employee_id>/<day>/terima-semua", methods=["POST"])
def accept_day(employee_id: int, day: str):
    the_day = _day_or_404(day)
    employee = _member_or_404(employee_id, the_day)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        count = commit(lambda: verification.accept_day(current_user._get_current_object(), employee, the_day))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash(f"{count} kegiatan diterima.", "success")
    return redirect(_member_day_url(employee.id, the_day))


@bp.route("/tim/<int:employee_id>/<day>/umpan-balik", methods=["POST"])
def comment(employee_id: int, day: str):
    the_day = _day_or_404(day)
    employee = _member_or_404(employee_id, the_day)
    form = CommentForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        commit(lambda: verification.comment(current_user._get_current_object(), employee, the_day, form.text.data or ""))
    except ServiceError as error:
        apply_service_error(form, error)
        return _render_member_day(employee, the_day, comment_form=form, status=422)
    flash("Umpan balik disimpan dan terlihat oleh pegawai.", "success")
    return redirect(_member_day_url(employee.id, the_day))


@bp.route("/iki/<int:indicator_id>/<int:period_id>/<int:employee_id>")
def indicator_activities(indicator_id: int, period_id: int, employee_id: int):
    """The activities a pegawai linked to one IKI in one period: for the pegawai and whoever
    reviews that period (the bukti dukung the period form and the review page summarise)."""
    from app.models import Indicator, Period
    from app.security import may_review_period
    from app.services.daily import summary

    employee = db.session.get(Employee, employee_id)
    indicator = db.session.get(Indicator, indicator_id)
    period = db.session.get(Period, period_id)
    if employee is None or indicator is None or period is None or indicator.result.plan.employee_id != employee.id:
        abort(404)
    if not (current_user.employee_id == employee.id or may_review_period(current_user, employee, period)):
        abort(404)
    items = summary.activities_for(employee, indicator.id, period.start_date, period.end_date)
    work = summary.for_period(employee.id, period, [indicator.id]).get(indicator.id)
    return render_template("daily/indicator.html", employee=employee, indicator=indicator, period=period,
                           items=items, work=work, duration=duration_text, date_text=date_text,
                           mine=current_user.employee_id == employee.id)
