"""Documents issued off the request: the job page that refreshes itself until the PDF is ready,
the render processes (WeasyPrint outside the web worker's GIL), and the batch export that renders
in parallel and reuses what did not change."""
from __future__ import annotations

import datetime as dt
import os
import time
import zipfile

import pytest
from sqlalchemy import func, select

from app.domain.enums import DocumentKind, JobStatus
from app.extensions import db
from app.models import Document, ExportJob, IssueJob
from app.services import jobs
from app.services.documents import export, render_pool
from app.services.documents import issue as docs
from tests.pages import body


def _documents() -> int:
    return db.session.scalar(select(func.count()).select_from(Document))


def _wait(model, job_id: int, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db.session.rollback()  # end the read transaction: see what the runner committed
        job = db.session.get(model, job_id)
        if job.status in (JobStatus.DONE, JobStatus.FAILED):
            return job
        time.sleep(0.05)
    raise AssertionError("the job did not finish")


# --- the issuing page --------------------------------------------------------------------------

def test_a_new_document_is_made_in_the_background_while_the_page_refreshes(world, make_client, app, monkeypatch):
    monkeypatch.setitem(app.config, "EXPORT_JOBS_INLINE", False)
    monkeypatch.setitem(app.config, "JOB_RUNNER", "thread")
    started = []
    real = jobs.enqueue
    monkeypatch.setattr(jobs, "enqueue", lambda *args: started.append(args))  # hold it back for a look
    client = make_client(world.rina.user)
    response = client.post(f"/dokumen/skp/{world.plan.id}/terbitkan")
    job = db.session.scalar(select(IssueJob))
    assert response.headers["Location"].endswith(f"/dokumen/terbit/{job.id}") and started == [("issue", job.id,
                                                                                                 "https://capaian.uji.go.id")]
    page = client.get(f"/dokumen/terbit/{job.id}")
    html = body(page)
    assert 'http-equiv="refresh" content="1"' in html and "Dokumen sedang dibuat" in html
    assert page.headers["Cache-Control"] == "no-store" and _documents() == 0
    # A second click while it waits joins the same job rather than rendering twice.
    again = client.post(f"/dokumen/skp/{world.plan.id}/terbitkan")
    assert again.headers["Location"].endswith(f"/dokumen/terbit/{job.id}")
    assert db.session.scalar(select(func.count()).select_from(IssueJob)) == 1

    real(*started[0][:2], started[0][2])  # the thread runner, in the app's own context
    finished = _wait(IssueJob, job.id)
    assert finished.status == JobStatus.DONE and finished.document.kind == DocumentKind.SKP
    html = body(client.get(f"/dokumen/terbit/{job.id}"))
    assert "Dokumen siap" in html and finished.document.code in html
    assert f'content="0;url=/dokumen/{finished.document_id}/unduh"' in html
    assert client.get(f"/dokumen/{finished.document_id}/unduh").mimetype == "application/pdf"


def test_a_document_ready_within_the_wait_downloads_at_once_a_slow_one_shows_its_page(
        world, make_client, app, monkeypatch):
    from app.services.documents import render

    monkeypatch.setitem(app.config, "EXPORT_JOBS_INLINE", False)
    monkeypatch.setitem(app.config, "JOB_RUNNER", "thread")
    monkeypatch.setitem(app.config, "ISSUE_WAIT_SECONDS", 30)
    client = make_client(world.rina.user)
    quick = client.post(f"/dokumen/skp/{world.plan.id}/terbitkan")
    (document,) = db.session.scalars(select(Document))
    assert quick.headers["Location"].endswith(f"/dokumen/{document.id}/unduh")

    real = render.render_document_pdf

    def slow(**kwargs):
        time.sleep(1.5)
        return real(**kwargs)

    monkeypatch.setattr(render, "render_document_pdf", slow)
    monkeypatch.setitem(app.config, "ISSUE_WAIT_SECONDS", 0.2)
    later = client.post(f"/dokumen/evaluasi/{world.assessment.id}/terbitkan")
    job = db.session.scalar(select(IssueJob).where(IssueJob.source == "assessment"))
    assert later.headers["Location"].endswith(f"/dokumen/terbit/{job.id}")
    assert _wait(IssueJob, job.id).status == JobStatus.DONE


def test_only_who_asked_sees_the_job(world, make_client, monkeypatch):
    monkeypatch.setattr(jobs, "enqueue", lambda *args: None)  # it waits: its page is what is shown
    client = make_client(world.rina.user)
    location = client.post(f"/dokumen/skp/{world.plan.id}/terbitkan").headers["Location"]
    for user in (world.kasi.user, world.admin, world.superadmin, world.colleague.user):
        assert make_client(user).get(location).status_code == 404
    assert make_client().get(location).status_code == 302  # to the login page


def test_a_failed_render_says_so_and_issues_nothing(world, make_client, monkeypatch):
    def broken(arguments):
        raise RuntimeError("font hilang")

    monkeypatch.setattr(render_pool, "_render", broken)
    client = make_client(world.rina.user)
    location = client.post(f"/dokumen/skp/{world.plan.id}/terbitkan").headers["Location"]
    html = body(client.get(location))
    assert "Dokumen gagal diterbitkan" in html and "kesalahan pada server (RuntimeError)" in html
    assert _documents() == 0 and 'http-equiv="refresh"' not in html


def test_a_job_nobody_runs_any_more_fails_after_a_while(world, make_client):
    job = IssueJob(kind=DocumentKind.SKP, source="plan", source_id=world.plan.id, requested_by_id=world.rina.user.id,
                   status=JobStatus.QUEUED, created_at=dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=10))
    fresh = IssueJob(kind=DocumentKind.SKP, source="plan", source_id=world.plan.id,
                     requested_by_id=world.rina.user.id, status=JobStatus.QUEUED)
    db.session.add_all([job, fresh])
    db.session.commit()
    client = make_client(world.rina.user)
    assert "terhenti sebelum selesai" in body(client.get(f"/dokumen/terbit/{job.id}"))
    assert "Dokumen sedang dibuat" in body(client.get(f"/dokumen/terbit/{fresh.id}"))


def test_a_job_runs_once_even_when_started_twice(world):
    job = IssueJob(kind=DocumentKind.SKP, source="plan", source_id=world.plan.id,
                   requested_by_id=world.rina.user.id, status=JobStatus.QUEUED)
    db.session.add(job)
    db.session.commit()
    from app.services.documents import issue_jobs

    issue_jobs.run(job.id, "https://capaian.uji.go.id")
    issue_jobs.run(job.id, "https://capaian.uji.go.id")
    assert db.session.get(IssueJob, job.id).status == JobStatus.DONE and _documents() == 1


# --- the render processes ------------------------------------------------------------------------

@pytest.fixture
def pool(app, monkeypatch):
    monkeypatch.setitem(app.config, "RENDER_PROCESSES", 1)
    yield
    if render_pool._pool is not None:
        render_pool._forget(render_pool._pool)


def test_the_pdf_is_rendered_in_another_process_that_reads_no_database(world, pool, app):
    pending = docs.prepare(DocumentKind.SKP, world.plan, user=world.rina.user, base="https://capaian.uji.go.id")
    pdf = render_pool.render(pending.render)
    assert pdf.startswith(b"%PDF")
    shared = render_pool._shared_pool(app, 1)
    assert shared.submit(os.getpid).result() != os.getpid()
    # The same pool serves the next render; a process that died is replaced and the render retried.
    for process in list(shared._processes.values()):
        process.kill()
    assert render_pool.render(pending.render).startswith(b"%PDF")
    assert render_pool._shared_pool(app, 1) is not shared
    document = docs.complete(pending, pdf, user=world.rina.user)
    assert document.sha256 and docs.read_bytes(document) == pdf


def test_the_batch_export_renders_in_parallel_and_reuses_what_did_not_change(world, pool, app, monkeypatch):
    monkeypatch.setitem(app.config, "EXPORT_PROCESSES", 2)
    from app.services.documents import render

    rendered_here = []
    real = render.render_document_pdf
    monkeypatch.setattr(render, "render_document_pdf", lambda **kwargs: rendered_here.append(1) or real(**kwargs))

    def export_zip() -> tuple[ExportJob, dict[str, bytes]]:
        job = export.create(world.admin, world.opd, world.year, DocumentKind.SKP, None)
        db.session.commit()
        export.run(job.id, "https://capaian.uji.go.id")
        job = db.session.get(ExportJob, job.id)
        with zipfile.ZipFile(export.path_for(job.stored_name)) as archive:
            return job, {name: archive.read(name) for name in archive.namelist()}

    job, first = export_zip()
    pdfs = {name: data for name, data in first.items() if name.endswith(".pdf")}
    assert job.status == JobStatus.DONE and job.done == job.total and len(pdfs) >= 2
    assert rendered_here == []  # every PDF came from the render processes (the spy lives only here)
    assert all(data.startswith(b"%PDF") for data in pdfs.values())
    issued = _documents()
    assert issued == len(pdfs)

    job, second = export_zip()
    assert _documents() == issued  # nothing changed: nothing issued again
    assert {name: data for name, data in second.items() if name.endswith(".pdf")} == pdfs


def test_a_render_process_ends_with_the_worker_that_started_it(tmp_path):
    """gunicorn may kill a web worker (timeout, memory, max_requests) without it shutting its pool
    down: the render process notices and ends rather than living on as an orphan."""
    import signal
    import subprocess
    import sys

    script = (
        "import os, sys, time\n"
        "from app import create_app\n"
        "from app.services.documents import render_pool\n"
        "app = create_app({'SECRET_KEY': 'x' * 32, 'SQLALCHEMY_DATABASE_URI': 'sqlite://', 'RENDER_PROCESSES': 1})\n"
        "with app.app_context():\n"
        "    print(render_pool._shared_pool(app, 1).submit(os.getpid).result(), flush=True)\n"
        "    time.sleep(120)\n")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=root, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "CAPAIAN_INSTANCE_PATH": str(tmp_path)})
    try:
        child = int(parent.stdout.readline())
        assert child != parent.pid and os.path.exists(f"/proc/{child}")
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 15
        while os.path.exists(f"/proc/{child}") and time.monotonic() < deadline:
            with open(f"/proc/{child}/stat") as stat:
                if stat.read().split(") ", 1)[1].startswith("Z"):
                    break  # ended, waiting only for init to reap it
            time.sleep(0.2)
        else:
            assert not os.path.exists(f"/proc/{child}"), "the render process outlived its worker"
    finally:
        parent.kill()
        parent.stdout.close()
