"""Batch export: every pegawai's document of one kind for an OPD and period, as one ZIP under
instance/exports/ (or the shared folder). The job runs in the background (services/jobs: a thread,
or an RQ worker on any server); the job page polls its done/total. Unchanged documents are reused;
new ones are rendered in parallel by a pool of render processes across the machine's cores
(EXPORT_PROCESSES), while the job itself reads, signs and stores them one after another."""
from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections import deque

from flask import Flask, current_app
from sqlalchemy import select, update

from app.domain.enums import DocumentKind, JobStatus
from app.extensions import db
from app.models import AppraisalYear, Document, ExportJob, OrgUnit, Period, User
from app.models.base import utcnow
from app.security import can_admin_opd
from app.services import ConflictError, ServiceError, files
from app.services.audit import record
from app.services.documents import issue as docs
from app.services.documents.sources import opd_employees, source_for

STALE = ("Ekspor terhenti sebelum selesai (server dimulai ulang atau proses berhenti). "
         "Buat ekspor baru untuk mengulanginya.")


def folder() -> str:
    return current_app.config.get("EXPORT_FOLDER") or os.path.join(current_app.instance_path, "exports")


def path_for(stored_name: str) -> str:
    return files.stored_path(folder(), stored_name, r"[0-9a-f]{32}\.zip", fan_out=False)


def create(user: User, opd: OrgUnit, year: AppraisalYear, kind: DocumentKind, period: Period | None) -> ExportJob:
    """A queued job (the caller commits, then calls `start`)."""
    if not can_admin_opd(user, opd.id):
        raise ServiceError("Anda tidak mengelola perangkat daerah ini.", field="opd")
    if kind == DocumentKind.REKAP:
        raise ServiceError("Rekap predikat diterbitkan dari halaman Rekap predikat, bukan sebagai ekspor.", field="kind")
    if kind == DocumentKind.EVALUASI and period is None:
        raise ServiceError("Pilih periode evaluasi kinerja.", field="period")
    if period is not None and period.year_id != year.id:
        raise ServiceError("Periode tidak termasuk tahun yang dipilih.", field="period")
    if kind != DocumentKind.EVALUASI:
        period = None
    job = ExportJob(requested_by_id=user.id, opd_id=opd.id, year_id=year.id, period_id=period.id if period else None,
                    kind=kind, status=JobStatus.QUEUED, total=0, done=0, created_at=utcnow())
    db.session.add(job)
    db.session.flush()
    record(user, "dokumen.ekspor_dibuat", job, opd_id=opd.id,
           summary=f"Ekspor {kind.label} {opd.name} {period.title if period else year.year} dibuat",
           after={"kind": kind, "opd": opd.name, "year": year.year, "period": period.label if period else None})
    return job


def start(app: Flask, job_id: int, base: str) -> None:
    """Run the committed job on the configured runner (services/jobs)."""
    from flask import has_app_context

    from app.services import jobs

    if has_app_context() and current_app._get_current_object() is app:
        jobs.enqueue("export", job_id, base)
        return
    with app.app_context():
        jobs.enqueue("export", job_id, base)


def _member_name(employee, kind: DocumentKind, period: Period | None) -> str:
    words = {DocumentKind.SKP: "skp", DocumentKind.EVALUASI: "evaluasi",
             DocumentKind.DOKUMEN_EVALUASI: "dokumen-evaluasi"}[kind]
    suffix = f"-{period.label}" if period is not None else ""
    name = re.sub(r"[^A-Za-z0-9]+", "-", f"{employee.nip}-{employee.name}-{words}{suffix}").strip("-").lower()
    return name[:150] + ".pdf"


def run(job_id: int, base: str) -> None:
    """Issue (or reuse) each pegawai's document, write the ZIP, record progress; FAILED with the
    message when anything unexpected happens."""
    claimed = db.session.execute(update(ExportJob).where(ExportJob.id == job_id, ExportJob.status == JobStatus.QUEUED)
                                 .values(status=JobStatus.RUNNING).execution_options(synchronize_session=False))
    db.session.commit()
    if claimed.rowcount != 1:  # done, failed, or taken by another runner
        return
    job = db.session.get(ExportJob, job_id)
    try:
        _run(job, base)
    except Exception as error:  # the job page must say what happened, whatever it was
        db.session.rollback()
        current_app.logger.exception("Export job %s failed", job_id)
        job = db.session.get(ExportJob, job_id)
        job.status, job.finished_at = JobStatus.FAILED, utcnow()
        job.message = (error.message if isinstance(error, ServiceError)
                       else f"Ekspor gagal karena kesalahan pada server ({type(error).__name__}).")
        db.session.commit()


def _run(job: ExportJob, base: str) -> None:
    employees = opd_employees(job.opd)
    job.status, job.total, job.done = JobStatus.RUNNING, len(employees), 0
    db.session.commit()
    skipped: list[str] = []
    stored_name = files.new_name(".zip")
    os.makedirs(folder(), mode=0o700, exist_ok=True)
    path = path_for(stored_name)
    try:
        written = _fill_zip(job, path + ".tmp", employees, skipped, base)
    except BaseException:
        if os.path.exists(path + ".tmp"):
            os.remove(path + ".tmp")  # no half-written ZIP is left behind
        raise
    os.replace(path + ".tmp", path)
    os.chmod(path, 0o600)
    job = db.session.get(ExportJob, job.id)
    job.stored_name, job.status, job.finished_at = stored_name, JobStatus.DONE, utcnow()
    job.message = f"{written} dokumen dalam berkas ZIP" + (f"; {len(skipped)} pegawai dilewati:\n" + "\n".join(skipped)
                                                           if skipped else ".")
    db.session.commit()


def _fill_zip(job: ExportJob, path: str, employees, skipped: list[str], base: str) -> int:
    """Issue or reuse each pegawai's document into the ZIP at `path`, in the roster's order; count
    progress per pegawai. While the render processes work on the next documents, this thread reads
    the data of the ones after them (at most two per process wait, so memory stays small)."""
    from app.services.documents import render_pool

    user, period, year, kind = job.requested_by, job.period, job.year, job.kind
    written = 0
    window = 2 * render_pool.export_processes(current_app)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive, render_pool.batch() as pool:
        waiting: deque = deque()  # (employee, Pending or Document or refusal, Future | None)

        def settle_one() -> None:
            nonlocal written, job
            employee, prepared, future = waiting.popleft()
            if isinstance(prepared, ServiceError):
                skipped.append(f"{employee.name} (NIP {employee.nip}): {prepared.message}")
            else:
                document = prepared if future is None else _complete(prepared, future, user)
                archive.writestr(_member_name(employee, kind, period), docs.read_bytes(document))
                written += 1
            job = db.session.get(ExportJob, job.id)
            job.done += 1
            db.session.commit()

        for employee in employees:
            try:
                prepared = docs.prepare(kind, source_for(employee, year, kind, period), user=user, base=base)
            except docs.DocumentError:
                raise  # signing is broken: every document would fail the same way
            except ServiceError as refused:  # SourceMissing, DocumentUnavailable: skip and say why
                db.session.rollback()
                waiting.append((employee, refused, None))
            else:
                future = None if isinstance(prepared, Document) else pool.submit(prepared.render)
                waiting.append((employee, prepared, future))
            while waiting and (len(waiting) > window or waiting[0][2] is None or waiting[0][2].done()):
                settle_one()
        while waiting:
            settle_one()
        if skipped:
            archive.writestr("DILEWATI.txt", "Pegawai tanpa dokumen (persetujuan yang diperlukan belum ada):\n\n"
                             + "\n".join(skipped) + "\n")
    return written


def _complete(prepared: docs.Pending, future, user: User | None) -> Document:
    """Store a rendered document (waiting for its render outside any transaction: on SQLite this
    thread's transactions hold the write lock)."""
    if not future.done():
        db.session.commit()
    pdf = future.result()
    try:
        return docs.complete(prepared, pdf, user=user)
    except ConflictError:  # issued by a colleague a moment ago: theirs is the document
        db.session.rollback()
        document = docs.current_document(prepared.subject)
        if document is None:
            raise
        return document


def expire_stale(job: ExportJob, now: dt.datetime | None = None) -> bool:
    """Mark a job FAILED when it is left QUEUED/RUNNING with no thread behind it (a restart),
    after EXPORT_JOB_STALE_MINUTES. Returns True when it changed (the caller commits)."""
    from app.services import jobs

    if job.status not in (JobStatus.QUEUED, JobStatus.RUNNING):
        return False
    alive = jobs.alive("export", job.id)
    # A big OPD may take long in another worker process: allow 5 s per pegawai beyond the minimum.
    limit = max(dt.timedelta(minutes=current_app.config.get("EXPORT_JOB_STALE_MINUTES", 30)),
                dt.timedelta(seconds=5 * (job.total or 0)))
    if alive or (now or utcnow()) - job.created_at < limit:
        return False
    job.status, job.finished_at, job.message = JobStatus.FAILED, utcnow(), STALE
    return True


def recent_jobs(user: User, limit: int = 10) -> list[ExportJob]:
    """The latest jobs of the OPDs the user manages (all for a superadmin)."""
    from app.security import admin_opd_ids

    scope = admin_opd_ids(user)
    query = select(ExportJob).order_by(ExportJob.created_at.desc(), ExportJob.id.desc()).limit(limit)
    if scope is not None:
        query = query.where((ExportJob.opd_id.in_(scope or {-1})) | (ExportJob.requested_by_id == user.id))
    return list(db.session.scalars(query))
