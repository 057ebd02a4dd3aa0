"""Roster import (upload → validation report → confirm → result) and the spreadsheets in the
import format (template, export of the current pegawai)."""
from __future__ import annotations

import datetime as dt
import io

from flask import abort, current_app, flash, redirect, render_template, send_file, session, url_for
from flask_login import current_user
from flask_wtf.file import FileField, FileRequired
from sqlalchemy.exc import SQLAlchemyError
from wtforms import BooleanField, HiddenField

from app.admin.blueprint import bp
from app.extensions import db
from app.forms import Form
from app.models.base import utcnow
from app.services import ServiceError
from app.services.roster.importer import apply_import, plan_import
from app.services.roster.plan import ImportPlan
from app.services.roster.reader import RosterFileError, read_roster
from app.services.roster.sheets import XLSX_MIMETYPE, export_workbook, template_workbook
from app.services.roster.store import StoredUpload, clean_filename, delete_upload, load_upload, store_upload
from app.web import commit

RESULT_KEY = "impor_hasil"
PREVIEW_LIMIT = 1000  # rows per list on the report page; the CLI lists everything


class ImportUploadForm(Form):
    file = FileField("Berkas data pegawai (.xlsx atau .csv)",
                     validators=[FileRequired("Pilih berkas .xlsx atau .csv yang akan diimpor.")])


class ImportConfirmForm(Form):
    fingerprint = HiddenField()
    deactivate_missing = BooleanField("Nonaktifkan pegawai yang tidak ada di berkas")


@bp.route("/impor", methods=["GET", "POST"])
def import_upload():
    """Upload a roster file; a file that cannot be read is refused next to the field."""
    form = ImportUploadForm()
    limit = current_app.config["IMPORT_MAX_BYTES"]
    if form.validate_on_submit():
        upload = form.file.data
        filename = clean_filename(upload.filename)
        data = upload.read(limit + 1)
        try:
            read_roster(data, filename, max_bytes=limit)
        except RosterFileError as error:
            form.file.errors = list(form.file.errors) + [str(error)]
        else:
            token = store_upload(current_user.id, filename, data)
            return redirect(url_for("admin.import_report", token=token))
    return render_template("admin/import_upload.html", form=form, limit_mb=limit // (1024 * 1024))


def _upload_or_404(token: str) -> tuple[StoredUpload, bytes]:
    """The caller's own stored upload; anyone else's, or an unknown token, is a 404."""
    found = load_upload(token)
    if found is None or found[0].user_id != current_user.id:
        abort(404)
    if found[0].expired():
        delete_upload(token)
        flash("Unggahan itu sudah lebih dari 24 jam dan dihapus; unggah ulang berkasnya.", "warning")
        abort(redirect(url_for("admin.import_upload")))
    return found


def _plan(upload: StoredUpload, data: bytes) -> ImportPlan:
    try:
        roster = read_roster(data, upload.filename, max_bytes=current_app.config["IMPORT_MAX_BYTES"])
    except RosterFileError as error:
        delete_upload(upload.token)
        flash(f"Berkas tidak dapat dibaca lagi: {error}", "danger")
        abort(redirect(url_for("admin.import_upload")))
    return plan_import(current_user, roster)


def _report(upload: StoredUpload, plan: ImportPlan, form: ImportConfirmForm | None = None, notice: str | None = None):
    form = form or ImportConfirmForm()
    form.fingerprint.data = plan.fingerprint()
    form.deactivate_missing.label.text = f"Nonaktifkan {len(plan.missing)} pegawai yang tidak ada di berkas"
    return render_template("admin/import_report.html", upload=upload, plan=plan, form=form,
                           notice=notice, limit=PREVIEW_LIMIT)


@bp.route("/impor/<token>")
def import_report(token: str):
    """The validation report of an uploaded file and, when it is valid, the preview."""
    upload, data = _upload_or_404(token)
    return _report(upload, _plan(upload, data))


@bp.route("/impor/<token>/konfirmasi", methods=["POST"])
def import_confirm(token: str):
    """Re-check the stored file against today's data, then import it: all rows or nothing."""
    upload, data = _upload_or_404(token)
    form = ImportConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    plan = _plan(upload, data)
    if not plan.valid:
        return _report(upload, plan, notice="Data berubah sejak pemeriksaan dan berkas kini memuat galat; "
                                            "tidak ada yang ditulis."), 409
    if form.fingerprint.data != plan.fingerprint():
        return _report(upload, plan, notice="Data pegawai berubah sejak pratinjau dibuka. Periksa pratinjau "
                                            "terbaru di bawah, lalu konfirmasi lagi."), 409
    try:
        result = commit(lambda: apply_import(current_user, plan, deactivate_missing=form.deactivate_missing.data))
    except (ServiceError, SQLAlchemyError):
        db.session.rollback()  # a database error is not rolled back by commit()
        current_app.logger.exception("Roster import %s failed", token)
        flash("Impor gagal karena data berubah pada saat yang sama; tidak ada yang ditulis. Periksa lagi.", "danger")
        return redirect(url_for("admin.import_report", token=token))
    delete_upload(token)
    session[RESULT_KEY] = result.counts() | {"waktu": utcnow().isoformat()}
    flash(f"Impor berkas {upload.filename} selesai.", "success")
    return redirect(url_for("admin.import_result"))


@bp.route("/impor/hasil")
def import_result():
    """What the last import of this session wrote."""
    counts = session.get(RESULT_KEY)
    if not counts:
        return redirect(url_for("admin.import_upload"))
    finished_at = dt.datetime.fromisoformat(counts["waktu"]) if counts.get("waktu") else None
    return render_template("admin/import_result.html", counts=counts, finished_at=finished_at)


@bp.route("/impor/templat.xlsx")
def import_template():
    """The empty import template with one example row."""
    return send_file(io.BytesIO(template_workbook()), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name="templat-impor-pegawai.xlsx")


@bp.route("/pegawai/unduh.xlsx")
def employees_export():
    """The admin's active pegawai as an .xlsx in the import format (edit, then re-import)."""
    name = f"pegawai-{utcnow():%Y%m%d}.xlsx"
    return send_file(io.BytesIO(export_workbook(current_user)), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name=name)
