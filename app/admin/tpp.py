"""TPP bulanan: the pengelola kinerja's monthly TPP list of an OPD — computed from the month's
kinerja harian and presensi, issued as a locked version, corrected only by a new version with a
reason, downloaded as a workbook for the treasurer — and the super admin's nominal per jabatan."""
from __future__ import annotations

import datetime as dt
import io

from flask import abort, current_app, flash, make_response, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from flask_wtf.file import FileField, FileRequired
from openpyxl import Workbook
from wtforms import HiddenField, TextAreaField

from app.admin.blueprint import bp
from app.domain.nip import MONTHS_ID
from app.extensions import db
from app.forms import Form, apply_service_error
from app.models import OrgUnit, TppList
from app.models.base import local_today
from app.security import can_admin_opd, superadmin_required
from app.services import ServiceError, jobs
from app.services.documents.issue import base_url
from app.services.org.units import opds_in_scope
from app.services.roster.sheets import XLSX_MIMETYPE
from app.services.roster.store import clean_filename
from app.services.settings import get_settings
from app.services.tpp import basis as basis_svc
from app.services.tpp import monthly
from app.web import arg_id, commit

PER_PAGE = 100


class IssueForm(Form):
    reason = TextAreaField("Alasan koreksi", render_kw={"rows": 2, "maxlength": 2000},
                           description="Wajib bila daftar bulan ini sudah diterbitkan.")
    version = HiddenField()


class BasisFileForm(Form):
    file = FileField("Berkas nilai TPP jabatan (.xlsx atau .csv)",
                     validators=[FileRequired("Pilih berkas .xlsx atau .csv yang akan diimpor.")])


def _months(today: dt.date) -> list[tuple[int, int]]:
    months, year, month = [], today.year, today.month
    for _ in range(13):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def _chosen(opds: list[OrgUnit]):
    opd_id = arg_id("opd")
    opd = next((o for o in opds if o.id == opd_id), None) if opd_id else (opds[0] if opds else None)
    if opd_id and opd is None:
        abort(404)
    text = request.args.get("bulan") or f"{local_today():%Y-%m}"
    try:
        year, month = (int(p) for p in text.split("-"))
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            raise ValueError
    except ValueError:
        abort(404)
    return opd, year, month


def _render(opd, year, month, form=None, status: int = 200):
    today = local_today()
    issued = monthly.current(opd, year, month) if opd else None
    computed = monthly.compute(opd, year, month) if opd is not None and issued is None else None
    lines = issued.snapshot["lines"] if issued else ([line.as_dict() for line in computed.lines] if computed else [])
    page = max(1, arg_id("halaman") or 1)
    pages = max(1, (len(lines) + PER_PAGE - 1) // PER_PAGE)
    form = form or IssueForm(formdata=None)
    form.version.data = issued.version if issued else 0
    return render_template(
        "admin/tpp.html", opds=opds_in_scope(current_user), opd=opd, year=year, month=month,
        month_name=f"{MONTHS_ID[month - 1]} {year}", months=_months(today), month_names=MONTHS_ID,
        issued=issued, computed=computed, lines=lines[(page - 1) * PER_PAGE:page * PER_PAGE], page=page, pages=pages,
        count=len(lines), versions=monthly.versions(opd, year, month) if opd else [], form=form,
        future=(year, month) > (today.year, today.month),
        settings_source=get_settings().tpp_productivity_source), status


@bp.route("/tpp")
def tpp():
    """The month's TPP list of one OPD: issued (locked) or, before that, as it computes now."""
    opds = opds_in_scope(current_user)
    opd, year, month = _chosen(opds)
    return _render(opd, year, month)


@bp.route("/tpp/<int:opd_id>/<int:year>/<int:month>/terbitkan", methods=["POST"])
def tpp_issue(opd_id: int, year: int, month: int):
    opd = db.session.get(OrgUnit, opd_id)
    if opd is None or not can_admin_opd(current_user, opd.id) or not 1 <= month <= 12:
        abort(404)
    form = IssueForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        version = int(form.version.data or 0)
    except ValueError:
        version = -1
    try:
        issued = commit(lambda: monthly.issue(current_user._get_current_object(), opd, year, month,
                                              form.reason.data or "", expected_version=version))
    except ServiceError as error:
        apply_service_error(form, error)
        return _render(opd, year, month, form=form, status=422)
    jobs.enqueue("tpp_pdf", issued.id, base_url())  # its PDF, made in the background
    flash(f"Daftar TPP {opd.name} {MONTHS_ID[month - 1]} {year} versi {issued.version} diterbitkan dan dikunci.",
          "success")
    return redirect(url_for("admin.tpp", opd=opd.id, bulan=f"{year}-{month:02d}"))


@bp.route("/tpp/daftar/<int:list_id>.xlsx")
def tpp_download(list_id: int):
    issued = db.session.get(TppList, list_id)
    if issued is None or not can_admin_opd(current_user, issued.opd_id):
        abort(404)
    name = f"tpp-{issued.opd.name}-{issued.year}-{issued.month:02d}-v{issued.version}"
    name = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") + ".xlsx"
    return send_file(io.BytesIO(monthly.xlsx(issued)), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name=name, max_age=0)


@bp.route("/tpp/daftar/<int:list_id>.pdf")
def tpp_pdf(list_id: int):
    """The issued list as a PDF to sign: made in the background when the list is issued, then the
    same bytes every time. While it is being made, a page that reloads itself until it is ready."""
    issued = db.session.get(TppList, list_id)
    if issued is None or not can_admin_opd(current_user, issued.opd_id):
        abort(404)
    data = monthly.stored_pdf(issued)
    if data is None:
        if not jobs.alive("tpp_pdf", issued.id):  # lost with a restart, or issued before PDFs were kept
            jobs.enqueue("tpp_pdf", issued.id, base_url())
        jobs.wait("tpp_pdf", issued.id, current_app.config["ISSUE_WAIT_SECONDS"])
        db.session.refresh(issued)
        data = monthly.stored_pdf(issued)
    if data is None:
        response = make_response(render_template("admin/tpp_pdf_wait.html", issued=issued,
                                                 month_name=f"{MONTHS_ID[issued.month - 1]} {issued.year}"), 202)
        response.headers["Cache-Control"] = "no-store"
        return response
    name = f"tpp-{issued.opd.name}-{issued.year}-{issued.month:02d}-v{issued.version}"
    name = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") + ".pdf"
    response = send_file(io.BytesIO(data), mimetype="application/pdf", as_attachment=True,
                         download_name=name, max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/tpp/nilai-jabatan", methods=["GET", "POST"])
@superadmin_required
def tpp_basis():
    """The nominal TPP per jabatan or kelas jabatan (Perkada), imported from a file."""
    form = BasisFileForm()
    check = None
    if form.validate_on_submit():
        upload = form.file.data
        limit = current_app.config["IMPORT_MAX_BYTES"]
        check = basis_svc.check_file(upload.read(limit + 1), clean_filename(upload.filename), max_bytes=limit)
        if check.valid:
            new, changed = commit(lambda: basis_svc.import_basis(current_user._get_current_object(), check))
            flash(f"Nilai TPP jabatan diimpor: {new} baru, {changed} diubah.", "success")
            return redirect(url_for("admin.tpp_basis"))
    status = 422 if (check is not None or form.errors) else 200
    return render_template("admin/tpp_basis.html", form=form, check=check, bases=basis_svc.all_bases(),
                           headers=basis_svc.TEMPLATE_HEADERS), status


@bp.route("/tpp/nilai-jabatan/templat.xlsx")
@superadmin_required
def tpp_basis_template():
    book = Workbook()
    sheet = book.active
    sheet.title = "Nilai TPP"
    sheet.append(basis_svc.TEMPLATE_HEADERS)
    sheet.append(["Kepala Subbagian Umum dan Kepegawaian", None, 4500000])
    sheet.append([None, 7, 3200000])
    sheet.column_dimensions["A"].width = 50
    sheet.column_dimensions["B"].width = 14
    sheet.column_dimensions["C"].width = 16
    buffer = io.BytesIO()
    book.save(buffer)
    return send_file(io.BytesIO(buffer.getvalue()), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name="templat-nilai-tpp.xlsx", max_age=0)
