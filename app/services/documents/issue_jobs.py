"""Issuing one document in the background: the request that asks for a document whose data changed
records an IssueJob and returns at once; the job (services/jobs: a thread, or an RQ worker) renders
and stores the PDF while the page that asked refreshes itself and downloads it when it is ready. An
unchanged document needs no job: it is downloaded straight away."""
from __future__ import annotations

import datetime as dt
from typing import Any

from flask import current_app
from sqlalchemy import select, update

from app.domain.enums import DocumentKind, JobStatus
from app.extensions import db
from app.models import AnnualEvaluation, AppraisalYear, Assessment, Document, IssueJob, OrgUnit, Plan, User
from app.models.base import utcnow
from app.services import ConflictError, ServiceError
from app.services.documents import issue as docs

STALE = ("Penerbitan dokumen terhenti sebelum selesai (server dimulai ulang atau proses berhenti). "
         "Terbitkan dokumen ini sekali lagi.")
_MODELS = {"plan": Plan, "assessment": Assessment, "evaluation": AnnualEvaluation}


def _reference(source: Any) -> dict[str, Any]:
    """How a job names its source: {"source": "plan", "source_id": 7} or the rekap's OPD and year."""
    if isinstance(source, tuple):
        opd, year = source
        return {"source": "recap", "opd_id": opd.id, "year_id": year.id}
    name = next(name for name, model in _MODELS.items() if isinstance(source, model))
    return {"source": name, "source_id": source.id}


def source_of(job: IssueJob) -> Any:
    """The job's source again (None when it was deleted meanwhile)."""
    if job.source == "recap":
        opd, year = db.session.get(OrgUnit, job.opd_id), db.session.get(AppraisalYear, job.year_id)
        return (opd, year) if opd is not None and year is not None else None
    return db.session.get(_MODELS[job.source], job.source_id)


def start(kind: DocumentKind, source: Any, user: User, base: str) -> Document | IssueJob:
    """The current document when its data has not changed; else the job that issues the new
    version: one already waiting for the same document (a second click, a colleague), or a new one
    (the caller commits, then runs it with `jobs.enqueue("issue", job.id, base)`). Raises
    DocumentUnavailable at once when the approval the document needs is missing."""
    ready = docs.prepare(kind, source, user=user, base=base)
    if isinstance(ready, Document):
        return ready
    reference = _reference(source)
    waiting = db.session.scalar(
        select(IssueJob).where(IssueJob.kind == kind, IssueJob.status.in_((JobStatus.QUEUED, JobStatus.RUNNING)),
                               *(getattr(IssueJob, name) == value for name, value in reference.items()),
                               IssueJob.requested_by_id == user.id)
        .order_by(IssueJob.id.desc()).limit(1))
    if waiting is not None and not expire_stale(waiting):
        return waiting
    job = IssueJob(kind=kind, requested_by_id=user.id, status=JobStatus.QUEUED, created_at=utcnow(), **reference)
    db.session.add(job)
    db.session.flush()
    return job


def run(job_id: int, base: str) -> None:
    """The job: issue (or find already issued) the document, then record DONE with it, or FAILED
    with the reason in words. Short transactions: the render holds none."""
    claimed = db.session.execute(update(IssueJob).where(IssueJob.id == job_id, IssueJob.status == JobStatus.QUEUED)
                                 .values(status=JobStatus.RUNNING).execution_options(synchronize_session=False))
    db.session.commit()
    if claimed.rowcount != 1:  # done, failed, or taken by another runner
        return
    try:
        job = db.session.get(IssueJob, job_id)
        source = source_of(job)
        if source is None:
            raise ServiceError("Data dokumen ini sudah tidak ada.")
        try:
            document = docs.issue(job.kind, source, user=job.requested_by, base=base, release=db.session.rollback)
        except ConflictError:  # issued by someone else a moment ago: that one is the document
            db.session.rollback()
            document = docs.current_for(job.kind, source)
            if document is None:
                raise
        document_id = document.id
        db.session.commit()
    except Exception as error:  # the page must say what happened, whatever it was
        db.session.rollback()
        if not isinstance(error, ServiceError):
            current_app.logger.exception("Issue job %s failed", job_id)
        _finish(job_id, JobStatus.FAILED, message=(
            error.message if isinstance(error, ServiceError)
            else f"Dokumen gagal diterbitkan karena kesalahan pada server ({type(error).__name__})."))
        return
    _finish(job_id, JobStatus.DONE, document_id=document_id)


def _finish(job_id: int, status: JobStatus, *, document_id: int | None = None, message: str | None = None) -> None:
    job = db.session.get(IssueJob, job_id)
    job.status, job.document_id, job.message, job.finished_at = status, document_id, message, utcnow()
    db.session.commit()


def expire_stale(job: IssueJob, now: dt.datetime | None = None) -> bool:
    """Mark a job FAILED when nothing runs it any more (the server restarted) and it waited longer
    than ISSUE_JOB_STALE_SECONDS. True when it changed (the caller commits)."""
    from app.services import jobs

    if job.status not in (JobStatus.QUEUED, JobStatus.RUNNING):
        return False
    limit = dt.timedelta(seconds=current_app.config.get("ISSUE_JOB_STALE_SECONDS", 300))
    if (now or utcnow()) - job.created_at < limit or jobs.alive("issue", job.id):
        return False
    job.status, job.finished_at, job.message = JobStatus.FAILED, utcnow(), STALE
    return True
