"""Hasil sebelum Capaian: the period results a pegawai already had elsewhere, imported for a year
adopted part-way (upload → row report and preview → confirm; all rows or none)."""
from __future__ import annotations

import io

from flask import abort, current_app, flash, redirect, render_template, send_file, url_for
from flask_login import current_user
from flask_wtf.file import FileField, FileRequired
from openpyxl import Workbook
from wtforms import SelectField

from app.admin.blueprint import bp
from app.forms import ActionForm, Form, choices
from app.services import ServiceError
from app.services.assessments import earlier_results as svc
from app.services.roster.sheets import XLSX_MIMETYPE
from app.services.roster.store import clean_filename, delete_upload, load_upload, store_upload
from app.services.years import all_years, get_year
from app.web import commit, to_id


class EarlierResultsForm(Form):
    year = SelectField("Tahun penilaian", coerce=to_id)
    file = FileField("Berkas hasil periode (.xlsx atau .csv)",
                     validators=[FileRequired("Pilih berkas .xlsx atau .csv yang akan diperiksa.")])


def _form() -> EarlierResultsForm:
    form = EarlierResultsForm()
    form.year.choices = choices((y.year, str(y.year)) for y in all_years())
    return form


@bp.route("/impor-hasil", methods=["GET", "POST"])
def earlier_results():
    """Upload the earlier results; the file is checked whole and shown before anything is written."""
    form = _form()
    limit = current_app.config["IMPORT_MAX_BYTES"]
    if form.validate_on_submit():
        year = get_year(form.year.data)
        upload = form.file.data
        filename = clean_filename(upload.filename)
        data = upload.read(limit + 1)
        check = svc.check_file(current_user, year, data, filename, max_bytes=limit)
        token = store_upload(current_user.id, filename, data) if check.valid else None
        return render_template("admin/earlier_results.html", form=form, check=check, year=year, token=token,
                               confirm_form=ActionForm())
    return render_template("admin/earlier_results.html", form=form, check=None, year=None, token=None)


@bp.route("/impor-hasil/<int:year>/<token>", methods=["POST"])
def earlier_results_confirm(year: int, token: str):
    """Check the stored file again against today's data, then import every row (or none)."""
    appraisal_year = get_year(year)
    found = load_upload(token)
    if appraisal_year is None or found is None or found[0].user_id != current_user.id:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    upload, data = found
    check = svc.check_file(current_user, appraisal_year, data, upload.filename,
                           max_bytes=current_app.config["IMPORT_MAX_BYTES"])
    if not check.valid:
        return render_template("admin/earlier_results.html", form=_form(), check=check, year=appraisal_year,
                               token=None, notice="Data berubah sejak pemeriksaan; tidak ada yang diimpor."), 409
    try:
        count = commit(lambda: svc.import_results(current_user, appraisal_year, check))
    except ServiceError as error:
        flash(error.message, "danger")
        return redirect(url_for("admin.earlier_results"))
    delete_upload(token)
    flash(f"{count} hasil periode dari berkas {upload.filename} diimpor.", "success")
    return redirect(url_for("admin.earlier_results"))


@bp.route("/impor-hasil/templat.xlsx")
def earlier_results_template():
    """The spreadsheet to fill in: the columns and one example row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Hasil periode"
    sheet.append(svc.TEMPLATE_HEADERS)
    sheet.append(["199001012015011001", "Triwulan I", "Sesuai Ekspektasi", "Di Atas Ekspektasi", "e-Kinerja BKN"])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return send_file(buffer, mimetype=XLSX_MIMETYPE, as_attachment=True, download_name="templat-hasil-periode.xlsx")
