"""Kinerja harian of the pegawai: the month calendar, the day with its activities (add, change,
delete, copy the previous day's, mark the day away), and the bukti dukung files. Load → authorise
(only the pegawai's own activities here; anyone else's is 404) → act."""
from __future__ import annotations

import datetime as dt
import os

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from app.daily.blueprint import bp
from app.daily.forms import AbsenceForm, ActivityForm
from app.domain.daily import AbsenceKind, ActivityCategory, date_text, duration_text, month_days
from app.domain.enums import EvidenceKind
from app.extensions import db
from app.forms import ActionForm, apply_service_error, choices
from app.models import Activity, ActivityEvidence, Employee
from app.models.base import local_today
from app.security import may_verify_day
from app.services import ServiceError
from app.services.assessments.evidence_store import path_for
from app.services.daily import activities as svc
from app.services.daily import calendar
from app.services.settings import get_settings
from app.web import commit

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def _me() -> Employee:
    employee = current_user.employee
    if employee is None:
        abort(404)
    return employee


def _day_or_404(text: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        abort(404)
    if not 2000 <= day.year <= 2100:
        abort(404)
    return day


def _activity_or_404(activity_id: int) -> Activity:
    activity = db.session.get(Activity, activity_id)
    if activity is None or activity.employee_id != current_user.employee_id:
        abort(404)
    return activity


def _day_url(day: dt.date) -> str:
    return url_for("daily.day", day=day.isoformat())


@bp.route("/")
def mine():
    """This month's calendar."""
    _me()
    today = local_today()
    return redirect(url_for("daily.month", year=today.year, month=today.month))


@bp.route("/<int:year>/<int:month>")
def month(year: int, month: int):
    """The month: each day's time and state, what waits for verification or came back."""
    employee = _me()
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        abort(404)
    view = calendar.month(employee, year, month)
    first = dt.date(year, month, 1)
    previous = first - dt.timedelta(days=1)
    following = month_days(year, month)[-1] + dt.timedelta(days=1)
    return render_template("daily/month.html", view=view, month_name=f"{MONTHS[month - 1]} {year}",
                           previous=previous, following=following, today=local_today(),
                           duration=duration_text)


def _fill_choices(form: ActivityForm, plan) -> None:
    results = plan.results if plan is not None else []
    form.work_result_id.choices = choices([("", "— pilih RHK —")] + [(str(r.id), r.text) for r in results])
    form.indicator_id.choices = choices([("", "— tanpa IKI —")] + [
        (str(i.id), f"{i.text} (RHK {n})") for n, r in enumerate(results, 1) for i in r.indicators])


def _entry(form: ActivityForm, day: dt.date) -> svc.Entry:
    def number(text):
        try:
            return int(text) if text else None
        except (TypeError, ValueError):
            return None

    upload = form.file.data if getattr(form.file.data, "filename", "") else None
    limit = svc.evidence_store.max_bytes()
    return svc.Entry(
        day=day, start=form.start.data, end=form.end.data, description=form.description.data or "",
        category=ActivityCategory.parse(form.category.data) if form.category.data else None,
        work_result_id=number(form.work_result_id.data), indicator_id=number(form.indicator_id.data),
        output_quantity=form.output_quantity.data, output_unit=form.output_unit.data or "",
        link=(form.link.data or "").strip(),
        file=(upload.read(limit + 1), upload.filename) if upload is not None else None)


def _render_day(employee: Employee, day: dt.date, form: ActivityForm, absence_form: AbsenceForm, status: int = 200):
    items = svc.day_activities(employee.id, day)
    rules = calendar.rules_for(employee, day)
    holiday = calendar.holidays_between(day, day).get(day)
    absence = calendar.absences_of(employee.id, day, day).get(day)
    settings = get_settings()
    total = sum(a.minutes for a in items)
    from app.services.daily.attendance import of_day
    from app.services.daily.verification import comments_of, settled

    return render_template(
        "daily/day.html", employee=employee, comments=comments_of(employee.id, day), settled=settled(day, rules.today),
        presence=of_day(employee.id, day), day=day, day_text=date_text(day), items=items, form=form,
        absence_form=absence_form, action_form=ActionForm(), rules=rules, holiday=holiday, absence=absence,
        total=total, standard=settings.day_minutes, duration=duration_text,
        may_change={a.id: svc.may_change(a, rules=rules) for a in items},
        open_for_entry=rules.earliest <= day <= rules.today and not (absence and not absence.kind.works),
        previous_day=day - dt.timedelta(days=1), next_day=day + dt.timedelta(days=1),
        month_url=url_for("daily.month", year=day.year, month=day.month)), status


@bp.route("/hari/<day>", methods=["GET", "POST"])
def day(day: str):
    """One day: its activities and the form to add one."""
    employee = _me()
    the_day = _day_or_404(day)
    form = ActivityForm()
    _fill_choices(form, svc.plan_for_day(employee.id, the_day))
    absence_form = AbsenceForm(prefix="hadir")
    if request.method == "GET":
        existing = calendar.absences_of(employee.id, the_day, the_day).get(the_day)
        absence_form.kind.data = existing.kind.value if existing else ""
        absence_form.note.data = existing.note if existing else ""
    if form.validate_on_submit():
        try:
            commit(lambda: svc.add(current_user._get_current_object(), employee, _entry(form, the_day)))
        except ServiceError as error:
            apply_service_error(form, error)
            return _render_day(employee, the_day, form, absence_form, 422)
        flash("Kegiatan dicatat dan menunggu verifikasi Pejabat Penilai.", "success")
        return redirect(_day_url(the_day))
    return _render_day(employee, the_day, form, absence_form, 422 if request.method == "POST" else 200)


@bp.route("/kegiatan/<int:activity_id>/ubah", methods=["GET", "POST"])
def edit(activity_id: int):
    """Change an activity that is not verified yet (or was returned)."""
    activity = _activity_or_404(activity_id)
    employee = activity.employee
    if not svc.may_change(activity):
        flash("Kegiatan ini sudah diverifikasi atau sudah lewat batas waktu pencatatan; tidak dapat diubah.", "warning")
        return redirect(_day_url(activity.day))
    form = ActivityForm(obj=None)
    _fill_choices(form, svc.plan_for_day(employee.id, activity.day))
    if request.method == "GET":
        form.start.data, form.end.data = activity.start_time, activity.end_time
        form.description.data = activity.description
        form.category.data = activity.category.value
        form.work_result_id.data = str(activity.work_result_id or "")
        form.indicator_id.data = str(activity.indicator_id or "")
        form.output_quantity.data = activity.output_quantity
        form.output_unit.data = activity.output_unit or ""
        form.version.data = activity.lock_version
    if form.validate_on_submit():
        try:
            version = int(form.version.data or 0)
        except ValueError:
            version = -1
        try:
            commit(lambda: svc.update(current_user._get_current_object(), activity, _entry(form, activity.day),
                                      lock_version=version))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Perubahan kegiatan disimpan.", "success")
            return redirect(_day_url(activity.day))
    status = 422 if request.method == "POST" else 200
    return render_template("daily/edit.html", activity=activity, form=form, day_text=date_text(activity.day),
                           day_url=_day_url(activity.day), action_form=ActionForm()), status


@bp.route("/kegiatan/<int:activity_id>/hapus", methods=["POST"])
def delete(activity_id: int):
    activity = _activity_or_404(activity_id)
    day = activity.day
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        commit(lambda: svc.delete(current_user._get_current_object(), activity))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash("Kegiatan dihapus.", "success")
    return redirect(_day_url(day))


@bp.route("/hari/<day>/salin", methods=["POST"])
def copy_previous(day: str):
    """Copy the previous day's activities (those that fit) onto this day."""
    employee = _me()
    the_day = _day_or_404(day)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        copied, skipped = commit(lambda: svc.copy_previous(current_user._get_current_object(), employee, the_day))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        if copied:
            flash(f"{len(copied)} kegiatan disalin dari hari sebelumnya; periksa jamnya dan tambahkan bukti dukung "
                  "bila perlu.", "success")
        if skipped:
            flash("Tidak disalin: " + " · ".join(skipped), "warning")
    return redirect(_day_url(the_day))


@bp.route("/hari/<day>/keterangan", methods=["POST"])
def absence(day: str):
    """Mark the day as cuti, sakit, izin, dinas luar or tugas belajar (or clear it)."""
    employee = _me()
    the_day = _day_or_404(day)
    form = AbsenceForm(prefix="hadir")
    if not form.validate_on_submit():
        abort(400)
    kind = AbsenceKind.parse(form.kind.data) if form.kind.data else None
    try:
        commit(lambda: calendar.set_absence(current_user._get_current_object(), employee, the_day, kind,
                                            form.note.data or ""))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash(f"Hari ini ditandai {kind.label.lower()}." if kind else "Keterangan hari ini dihapus.", "success")
    return redirect(_day_url(the_day))


@bp.route("/bukti/<int:evidence_id>")
def evidence(evidence_id: int):
    """A bukti dukung file, always as a download under its own name."""
    item = db.session.get(ActivityEvidence, evidence_id)
    if item is None or not (item.activity.employee_id == current_user.employee_id
                            or may_verify_day(current_user, item.activity.employee, item.activity.day)):
        abort(404)
    if item.kind != EvidenceKind.FILE or not item.stored_name:
        abort(404)
    path = path_for(item.stored_name)
    if not os.path.isfile(path):
        abort(404)
    response = send_file(path, mimetype=item.mime or "application/octet-stream", as_attachment=True,
                         download_name=item.original_name or "bukti", max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/bukti/<int:evidence_id>/hapus", methods=["POST"])
def remove_evidence(evidence_id: int):
    item = db.session.get(ActivityEvidence, evidence_id)
    if item is None or item.activity.employee_id != current_user.employee_id:
        abort(404)
    day = item.activity.day
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        commit(lambda: svc.remove_evidence(current_user._get_current_object(), item))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash("Bukti dukung dihapus.", "success")
    return redirect(_day_url(day))
