"""A pegawai's documents for a year: preview (HTML), issue-or-reuse (POST), download the PDF.
Load → authorise (can_view_documents; anything else is 404, nothing is revealed) → act."""
from __future__ import annotations

import io
import re

from flask import abort, current_app, flash, make_response, redirect, render_template, send_file, url_for
from flask_login import current_user

from app.documents.blueprint import bp
from app.domain.enums import DocumentKind, JobStatus, OrgUnitKind
from app.errors import render_error
from app.extensions import db
from app.forms import ActionForm
from app.models import AnnualEvaluation, Assessment, Document, Employee, IssueJob, OrgUnit, Plan
from app.security import can_admin_opd, can_view_documents
from app.services import ServiceError, jobs
from app.services.documents import sources
from app.services.documents import issue as docs
from app.services.documents import issue_jobs
from app.services.years import all_years, current_year
from app.web import commit, year_or_404


def _employee_or_404(employee_id: int) -> Employee:
    employee = db.session.get(Employee, employee_id)
    if employee is None or not can_view_documents(current_user, employee):
        abort(404)
    return employee


def _source_or_404(model, source_id: int):
    source = db.session.get(model, source_id)
    if source is None or not can_view_documents(current_user, source.employee):
        abort(404)
    return source


def _opd_or_404(opd_id: int) -> OrgUnit:
    opd = db.session.get(OrgUnit, opd_id)
    if opd is None or opd.kind != OrgUnitKind.OPD or not can_admin_opd(current_user, opd.id):
        abort(404)
    return opd


def _back(source) -> str:
    if isinstance(source, tuple):
        opd, year = source
        return url_for("admin.recap_opd", opd_id=opd.id, tahun=year.year)
    return url_for("documents.employee_year", employee_id=source.employee_id, year=_year_of(source))


def _year_of(source) -> int:
    if isinstance(source, Assessment):
        return source.period.year.year
    return source.year.year


# --- the Dokumen page ---------------------------------------------------------------------------

@bp.route("/")
def mine():
    """My documents of the current year."""
    year = current_year()
    if current_user.employee is None:
        abort(404)
    if year is None:
        flash("Belum ada tahun penilaian yang dibuka, jadi belum ada dokumen.", "info")
        return redirect(url_for("main.home"))
    return redirect(url_for("documents.employee_year", employee_id=current_user.employee_id, year=year.year))


@bp.route("/pegawai/<int:employee_id>")
def employee_current(employee_id: int):
    """A pegawai's documents of the current year."""
    employee = _employee_or_404(employee_id)
    year = current_year()
    if year is None:
        abort(404)
    return redirect(url_for("documents.employee_year", employee_id=employee.id, year=year.year))


@bp.route("/pegawai/<int:employee_id>/<int:year>")
def employee_year(employee_id: int, year: int):
    """Every document the pegawai has for the year: preview, issue or download each."""
    employee = _employee_or_404(employee_id)
    appraisal_year = year_or_404(year)
    entries, missing = sources.entries(employee, appraisal_year)
    return render_template("documents/employee_year.html", employee=employee, year=appraisal_year, entries=entries,
                           missing=missing, years=all_years(), form=ActionForm(), mask_nip=docs.mask_nip)


# --- preview and issue, one pair per kind -------------------------------------------------------

def _preview(kind: DocumentKind, source):
    from app.services.documents.data import DocumentUnavailable
    from app.services.documents.render import render_html

    try:
        snapshot = docs.build_snapshot(kind, source)
    except DocumentUnavailable as error:
        return render_error(403, error.message)
    response = make_response(render_html(snapshot, preview=True))
    response.headers["Cache-Control"] = "no-store"
    return response


def _issue(kind: DocumentKind, source):
    """An unchanged document downloads at once; a new version is rendered in the background while
    the issuing page refreshes itself."""
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    base = docs.base_url()

    def start():
        outcome = issue_jobs.start(kind, source, current_user._get_current_object(), base)
        return type(outcome), outcome.id, getattr(outcome, "status", None)

    try:
        # What the request needs afterwards is read before the commit: reading the committed row
        # again would begin a transaction, which on SQLite (a POST) would hold the write lock the
        # job needs while this request waits for it.
        made, made_id, status = commit(start)
    except ServiceError as error:  # DocumentUnavailable, signing refused
        flash(error.message, "danger")
        return redirect(_back(source))
    if made is Document:
        return redirect(url_for("documents.download", document_id=made_id))
    job_id = made_id
    if status == JobStatus.QUEUED and not jobs.alive("issue", job_id):  # a job claims itself once
        jobs.enqueue("issue", job_id, base)
    # Most documents are ready within a second or two: then the download follows at once, and only
    # a slower one shows the page that refreshes itself.
    jobs.wait("issue", job_id, current_app.config.get("ISSUE_WAIT_SECONDS") or 0)
    db.session.rollback()  # see what the job committed
    job = db.session.get(IssueJob, job_id)
    if job is not None and job.status == JobStatus.DONE and job.document_id is not None:
        return redirect(url_for("documents.download", document_id=job.document_id))
    return redirect(url_for("documents.issue_job", job_id=job_id))


@bp.route("/terbit/<int:job_id>")
def issue_job(job_id: int):
    """The document being issued: refreshes itself every second until it is ready, then downloads
    it (no script needed). Only whoever asked for it sees it."""
    job = db.session.get(IssueJob, job_id)
    if job is None or job.requested_by_id != current_user.id:
        abort(404)
    commit(lambda: issue_jobs.expire_stale(job))
    source = issue_jobs.source_of(job)
    back = _back(source) if source is not None else url_for("documents.mine")
    response = make_response(render_template("documents/issue_job.html", job=job, JobStatus=JobStatus, back=back))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/skp/<int:plan_id>/pratinjau")
def preview_skp(plan_id: int):
    """On-screen preview of an approved SKP version."""
    return _preview(DocumentKind.SKP, _source_or_404(Plan, plan_id))


@bp.route("/skp/<int:plan_id>/terbitkan", methods=["POST"])
def issue_skp(plan_id: int):
    """Issue (or reuse) the SKP PDF, then download it."""
    return _issue(DocumentKind.SKP, _source_or_404(Plan, plan_id))


@bp.route("/evaluasi/<int:assessment_id>/pratinjau")
def preview_evaluasi(assessment_id: int):
    """On-screen preview of the Evaluasi Kinerja of an approved period."""
    return _preview(DocumentKind.EVALUASI, _source_or_404(Assessment, assessment_id))


@bp.route("/evaluasi/<int:assessment_id>/terbitkan", methods=["POST"])
def issue_evaluasi(assessment_id: int):
    """Issue (or reuse) the period's Evaluasi Kinerja PDF, then download it."""
    return _issue(DocumentKind.EVALUASI, _source_or_404(Assessment, assessment_id))


@bp.route("/akhir/<int:evaluation_id>/pratinjau")
def preview_akhir(evaluation_id: int):
    """On-screen preview of the Evaluasi Kinerja Akhir (handed-over annual result)."""
    return _preview(DocumentKind.EVALUASI, _source_or_404(AnnualEvaluation, evaluation_id))


@bp.route("/akhir/<int:evaluation_id>/terbitkan", methods=["POST"])
def issue_akhir(evaluation_id: int):
    """Issue (or reuse) the Evaluasi Kinerja Akhir PDF, then download it."""
    return _issue(DocumentKind.EVALUASI, _source_or_404(AnnualEvaluation, evaluation_id))


@bp.route("/dokumen-evaluasi/<int:evaluation_id>/pratinjau")
def preview_dokumen_evaluasi(evaluation_id: int):
    """On-screen preview of the Dokumen Evaluasi Kinerja Pegawai."""
    return _preview(DocumentKind.DOKUMEN_EVALUASI, _source_or_404(AnnualEvaluation, evaluation_id))


@bp.route("/dokumen-evaluasi/<int:evaluation_id>/terbitkan", methods=["POST"])
def issue_dokumen_evaluasi(evaluation_id: int):
    """Issue (or reuse) the Dokumen Evaluasi Kinerja PDF, then download it."""
    return _issue(DocumentKind.DOKUMEN_EVALUASI, _source_or_404(AnnualEvaluation, evaluation_id))


@bp.route("/rekap/<int:opd_id>/<int:year>/pratinjau")
def preview_rekap(opd_id: int, year: int):
    """On-screen preview of the Rekap predikat of an OPD (pengelola kinerja only)."""
    return _preview(DocumentKind.REKAP, (_opd_or_404(opd_id), year_or_404(year)))


@bp.route("/rekap/<int:opd_id>/<int:year>/terbitkan", methods=["POST"])
def issue_rekap(opd_id: int, year: int):
    """Issue (or reuse) the Rekap predikat PDF of an OPD, then download it."""
    return _issue(DocumentKind.REKAP, (_opd_or_404(opd_id), year_or_404(year)))


# --- download -----------------------------------------------------------------------------------

def _document_or_404(document_id: int) -> Document:
    document = db.session.get(Document, document_id)
    if document is None:
        abort(404)
    if document.employee is not None:
        allowed = can_view_documents(current_user, document.employee)
    else:
        allowed = document.opd_id is not None and can_admin_opd(current_user, document.opd_id)
    if not allowed:
        abort(404)
    return document


def download_name(document: Document) -> str:
    facts = (document.snapshot or {}).get("subject") or {}
    words = [document.kind.value.replace("_", "-"), facts.get("nip") or (document.opd.name if document.opd else ""),
             facts.get("period_label") or str(document.year.year), f"v{document.version}"]
    return re.sub(r"[^a-z0-9]+", "-", " ".join(w for w in words if w).lower()).strip("-") + ".pdf"


@bp.route("/<int:document_id>/unduh")
def download(document_id: int):
    """The issued PDF exactly as stored (any version; a superseded one says so on the verification page)."""
    document = _document_or_404(document_id)
    try:
        data = docs.read_bytes(document)
    except FileNotFoundError:
        current_app.logger.error("Stored document %s is missing", document.stored_name)
        return render_error(404, "Berkas dokumen ini tidak ditemukan di server. Hubungi pengelola kinerja.")
    response = send_file(io.BytesIO(data), mimetype="application/pdf", as_attachment=True,
                         download_name=download_name(document), max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response
