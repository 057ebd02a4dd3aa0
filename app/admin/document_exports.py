"""Ekspor dokumen: the pengelola kinerja asks for every pegawai's document of one kind for an OPD
and period as one ZIP; it is built in the background and the job page follows its progress."""
from __future__ import annotations

import os

from flask import abort, current_app, jsonify, redirect, render_template, request, send_file, url_for
from flask_login import current_user

from app.admin.blueprint import bp
from app.admin.forms import ExportForm
from app.domain.enums import JobStatus
from app.extensions import db
from app.forms import apply_service_error, choices
from app.models import ExportJob, OrgUnit
from app.security import can_see_export
from app.services import ServiceError
from app.services.documents import export
from app.services.documents.issue import SLUGS, base_url
from app.services.org.units import opds_in_scope
from app.services.years import all_years, current_year
from app.web import arg_id, commit


def _job_or_404(job_id: int) -> ExportJob:
    job = db.session.get(ExportJob, job_id)
    if job is None or not can_see_export(current_user, job):
        abort(404)
    commit(lambda: export.expire_stale(job))
    return job


def _fill(form: ExportForm, opds, years) -> None:
    form.opd.choices = choices([(o.id, o.name) for o in opds])
    form.year.choices = choices([(y.year, str(y.year)) for y in years])
    form.period.choices = choices([("", "—")] + [
        (f"{y.year}-{p.number}", f"{p.label} {y.year}") for y in years for p in y.periods])


@bp.route("/ekspor-dokumen", methods=["GET", "POST"])
def document_export():
    """Choose OPD, year, kind and period; POST queues the job and opens its page."""
    opds, years = opds_in_scope(current_user), all_years()
    form = ExportForm()
    _fill(form, opds, years)
    if request.method == "GET":
        form.opd.data = arg_id("opd_id")
        year = current_year()
        form.year.data = arg_id("tahun") or (year.year if year else None)
        number = arg_id("periode")
        form.period.data = f"{form.year.data}-{number}" if number else ""
    if form.validate_on_submit():
        opd = next((o for o in opds if o.id == form.opd.data), None)
        year = next((y for y in years if y.year == form.year.data), None)
        period = None
        if form.period.data:
            period = next((p for y in years for p in y.periods if f"{y.year}-{p.number}" == form.period.data), None)
        try:
            if opd is None:
                raise ServiceError("Pilih perangkat daerah yang Anda kelola.", field="opd")
            if year is None:
                raise ServiceError("Pilih tahun penilaian.", field="year")
            job = commit(lambda: export.create(current_user, opd, year, SLUGS[form.kind.data], period))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            export.start(current_app._get_current_object(), job.id, base_url())
            return redirect(url_for("admin.document_export_job", job_id=job.id))
    jobs = export.recent_jobs(current_user)
    commit(lambda: [export.expire_stale(j) for j in jobs])
    return render_template("admin/document_export.html", form=form, jobs=jobs)


@bp.route("/ekspor-dokumen/<int:job_id>")
def document_export_job(job_id: int):
    """The job's progress (refreshes itself), its message, and the ZIP when done."""
    job = _job_or_404(job_id)
    return render_template("admin/document_export_job.html", job=job, JobStatus=JobStatus)


@bp.route("/ekspor-dokumen/<int:job_id>/kemajuan.json")
def document_export_progress(job_id: int):
    """Progress for the page's script: status, done, total, message, download address."""
    job = _job_or_404(job_id)
    return jsonify({
        "status": job.status.value, "label": job.status.label, "done": job.done, "total": job.total,
        "message": job.message, "finished": job.status in (JobStatus.DONE, JobStatus.FAILED),
        "download": url_for("admin.document_export_download", job_id=job.id) if job.status == JobStatus.DONE else None,
    })


@bp.route("/ekspor-dokumen/<int:job_id>/unduh.zip")
def document_export_download(job_id: int):
    """The ZIP of a finished job."""
    job = _job_or_404(job_id)
    if job.status != JobStatus.DONE or not job.stored_name or not os.path.isfile(export.path_for(job.stored_name)):
        abort(404)
    opd: OrgUnit = job.opd
    name = f"dokumen-{job.kind.value.lower()}-{opd.name}-{job.period.label if job.period else job.year.year}"
    name = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") + ".zip"
    response = send_file(export.path_for(job.stored_name), mimetype="application/zip", as_attachment=True,
                         download_name=name, max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response
