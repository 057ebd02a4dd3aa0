"""Presensi: the pengelola kinerja imports the attendance system's days (.xlsx or .csv), checked
whole and imported whole or not at all; only pegawai of the OPDs they manage."""
from __future__ import annotations

import io

from flask import current_app, flash, redirect, render_template, send_file, url_for
from flask_login import current_user
from flask_wtf.file import FileField, FileRequired
from openpyxl import Workbook

from app.admin.blueprint import bp
from app.forms import Form
from app.services import ServiceError
from app.services.daily import attendance as svc
from app.services.roster.sheets import XLSX_MIMETYPE
from app.services.roster.store import clean_filename
from app.web import commit


class AttendanceFileForm(Form):
    file = FileField("Berkas presensi (.xlsx atau .csv)",
                     validators=[FileRequired("Pilih berkas .xlsx atau .csv yang akan diimpor.")])


@bp.route("/presensi", methods=["GET", "POST"])
def attendance():
    """Upload the presensi file; every row is checked before anything is written."""
    form = AttendanceFileForm()
    check = None
    if form.validate_on_submit():
        upload = form.file.data
        limit = current_app.config["IMPORT_MAX_BYTES"]
        check = svc.check_file(current_user, upload.read(limit + 1), clean_filename(upload.filename), max_bytes=limit)
        if check.valid:
            try:
                new, replaced = commit(lambda: svc.import_days(current_user._get_current_object(), check))
            except ServiceError as error:
                flash(error.message, "danger")
            else:
                flash(f"Presensi {check.filename} diimpor: {new} hari baru, {replaced} diperbarui.", "success")
            return redirect(url_for("admin.attendance"))
    status = 422 if (check is not None or form.errors) else 200
    return render_template("admin/attendance.html", form=form, check=check, headers=svc.TEMPLATE_HEADERS), status


@bp.route("/presensi/templat.xlsx")
def attendance_template():
    book = Workbook()
    sheet = book.active
    sheet.title = "Presensi"
    sheet.append(svc.TEMPLATE_HEADERS)
    sheet.append(["198604232006032002", "14/12/2026", "07.42", "16.05", "H"])
    sheet.append(["198604232006032002", "15/12/2026", "", "", "TK"])
    for column in "ABCDE":
        sheet.column_dimensions[column].width = 22
    buffer = io.BytesIO()
    book.save(buffer)
    return send_file(io.BytesIO(buffer.getvalue()), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name="templat-presensi.xlsx", max_age=0)
