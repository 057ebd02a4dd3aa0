"""Ketidakhadiran pegawai: the pengelola kinerja records a pegawai's days away (cuti, sakit, izin,
dinas luar, tugas belajar) for a range of dates, or imports them from the leave records (.xlsx or
.csv, all rows or none, each row's problem reported). Only pegawai of the OPDs they manage."""
from __future__ import annotations

import io

from flask import current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from flask_wtf.file import FileField, FileRequired
from openpyxl import Workbook
from wtforms import SelectField, StringField

from app.admin.blueprint import bp
from app.domain.daily import AbsenceKind
from app.forms import DATE_HINT, Form, IndonesianDateField, choices
from app.services import ServiceError
from app.services.daily import absences as svc
from app.services.roster.sheets import XLSX_MIMETYPE
from app.services.roster.store import clean_filename
from app.web import commit

FIELDS = {"NIP": "nip", "Mulai": "first", "Selesai": "last", "Jenis": "kind", "Keterangan": "note"}


class AbsenceRangeForm(Form):
    nip = StringField("NIP pegawai", render_kw={"inputmode": "numeric", "maxlength": 21, "autocomplete": "off"})
    first = IndonesianDateField("Mulai", description=DATE_HINT)
    last = IndonesianDateField("Selesai (boleh dikosongkan)", description="Kosong: satu hari saja.")
    kind = SelectField("Jenis", choices=choices([("", "— pilih —")] + AbsenceKind.choices()))
    note = StringField("Keterangan (boleh dikosongkan)", render_kw={"maxlength": 300})


class AbsenceFileForm(Form):
    file = FileField("Berkas ketidakhadiran (.xlsx atau .csv)",
                     validators=[FileRequired("Pilih berkas .xlsx atau .csv yang akan diimpor.")])


def _render(range_form, file_form, check=None, status: int = 200):
    return render_template("admin/absences.html", range_form=range_form, file_form=file_form, check=check,
                           headers=svc.TEMPLATE_HEADERS), status


@bp.route("/ketidakhadiran", methods=["GET", "POST"])
def absences():
    """Record a range of days away for one pegawai, or import a file of them."""
    range_form, file_form = AbsenceRangeForm(prefix="rentang"), AbsenceFileForm(prefix="berkas")
    if request.method == "POST" and "rentang-nip" in request.form:
        if not range_form.validate_on_submit():
            return _render(range_form, file_form, status=422)
        check = svc.Check("formulir")
        svc.check_rows(current_user, [(None, {
            "nip": range_form.nip.data, "first": range_form.first.data, "last": range_form.last.data,
            "kind": AbsenceKind(range_form.kind.data).label if range_form.kind.data else "",
            "note": range_form.note.data})], check)
        if not check.valid:
            for _row, column, message in check.errors:
                field = getattr(range_form, FIELDS.get(column or "", ""), None)
                (field.errors.append(message) if field is not None else range_form.form_errors.append(message))
            from app.forms import mark_failed

            mark_failed(range_form)
            return _render(range_form, file_form, status=422)
        return _write(check)
    if request.method == "POST":
        if not file_form.validate_on_submit():
            return _render(range_form, file_form, status=422)
        upload = file_form.file.data
        limit = current_app.config["IMPORT_MAX_BYTES"]
        check = svc.check_file(current_user, upload.read(limit + 1), clean_filename(upload.filename), max_bytes=limit)
        if not check.valid:
            return _render(range_form, file_form, check, status=422)
        return _write(check)
    return _render(range_form, file_form)


def _write(check):
    try:
        days = commit(lambda: svc.record_absences(current_user._get_current_object(), check))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        people = len({row.employee.id for row in check.rows})
        flash(f"{days} hari kerja ketidakhadiran dicatat untuk {people} pegawai"
              + (" (yang sudah tercatat sama dilewati)." if days < check.days or not days else "."), "success")
    return redirect(url_for("admin.absences"))


@bp.route("/ketidakhadiran/templat.xlsx")
def absences_template():
    """The spreadsheet to fill in: the columns and one example row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Ketidakhadiran"
    sheet.append(svc.TEMPLATE_HEADERS)
    sheet.append(["198604232006032002", "14/12/2026", "18/12/2026", "Cuti", "Cuti tahunan"])
    for column in "ABCDE":
        sheet.column_dimensions[column].width = 22
    sheet["A2"].number_format = "@"
    buffer = io.BytesIO()
    book.save(buffer)
    return send_file(io.BytesIO(buffer.getvalue()), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name="templat-ketidakhadiran.xlsx", max_age=0)
