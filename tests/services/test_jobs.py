"""The background runners (services/jobs): the setting that chooses one, RQ with a real Redis (the
same job function as the thread), `flask worker`, and the settings of a multi-server deployment."""
from __future__ import annotations

import os
import stat

import pytest
from sqlalchemy import select

from app.domain.enums import DocumentKind, JobStatus
from app.extensions import db
from app.models import Document, IssueJob
from app.services import files, jobs
from tests.conftest import TEST_SECRET

REDIS = os.environ.get("CAPAIAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/12")


def test_an_unknown_runner_or_job_is_refused(app, monkeypatch):
    monkeypatch.setitem(app.config, "JOB_RUNNER", "celery")
    with pytest.raises(RuntimeError, match="JOB_RUNNER must be one of thread, inline, rq"):
        jobs.runner(app)
    with pytest.raises(ValueError, match="unknown job"):
        jobs.enqueue("hapus-semua", 1)


def test_the_worker_command_needs_the_queue(app):
    result = app.test_cli_runner().invoke(args=["worker", "--burst"])
    assert result.exit_code == 1 and "hanya untuk JOB_RUNNER" in result.output


@pytest.fixture
def redis_queue(app, monkeypatch):
    import redis

    connection = redis.Redis.from_url(REDIS)
    try:
        connection.ping()
    except redis.RedisError as error:
        if os.environ.get("SERVICES_REQUIRED"):
            pytest.fail(f"Redis is not reachable at {REDIS}: {error}")
        pytest.skip(f"Redis is not reachable at {REDIS}")
    connection.flushdb()
    monkeypatch.setitem(app.config, "JOB_RUNNER", "rq")
    monkeypatch.setitem(app.config, "REDIS_URL", REDIS)
    yield connection
    connection.flushdb()
    connection.close()


def test_rq_runs_the_same_job_in_a_worker(redis_queue, app, factory):
    from tests.documents.conftest import World

    app.config["DOCUMENT_FOLDER"] = os.path.join(app.instance_path, "documents-rq")
    world = World(factory)
    job = IssueJob(kind=DocumentKind.SKP, source="plan", source_id=world.plan.id,
                   requested_by_id=world.rina.user.id, status=JobStatus.QUEUED)
    db.session.add(job)
    db.session.commit()
    job_id = job.id
    jobs.enqueue("issue", job_id, "https://capaian.uji.go.id")
    assert jobs.alive("issue", job_id)  # queued in Redis: not stale, whichever server looks
    assert db.session.get(IssueJob, job_id).status == JobStatus.QUEUED  # nothing ran in the request
    jobs.work(app, burst=True)  # what `flask worker` does, until the queue is empty
    db.session.rollback()
    finished = db.session.get(IssueJob, job_id)
    assert finished.status == JobStatus.DONE, finished.message
    assert db.session.scalar(select(Document)).id == finished.document_id
    assert not jobs.alive("issue", job_id)
    del app.config["DOCUMENT_FOLDER"]


def _configured(overrides: dict):
    """The configuration only (create_app would bind the one limiter to this app's Redis)."""
    from flask import Flask

    from app.config import load_config

    app = Flask("app", instance_path="/srv/capaian/instance")
    load_config(app, overrides)
    return app


def test_one_shared_folder_and_redis_for_several_servers(tmp_path):
    app = _configured({"SECRET_KEY": TEST_SECRET, "SHARED_FOLDER": str(tmp_path / "nfs"),
                      "REDIS_URL": "redis://10.0.0.5:6379/0", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["UPLOAD_FOLDER"] == str(tmp_path / "nfs" / "uploads")
    assert app.config["DOCUMENT_FOLDER"] == str(tmp_path / "nfs" / "documents")
    assert app.config["EXPORT_FOLDER"] == str(tmp_path / "nfs" / "exports")
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://10.0.0.5:6379/0"
    alone = _configured({"SECRET_KEY": TEST_SECRET, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert alone.config["RATELIMIT_STORAGE_URI"] == "memory://" and alone.config["DOCUMENT_FOLDER"] is None
    own = _configured({"SECRET_KEY": TEST_SECRET, "SQLALCHEMY_DATABASE_URI": "sqlite://", "REDIS_URL": "redis://a/0",
                      "RATELIMIT_STORAGE_URI": "redis://b/1"})
    assert own.config["RATELIMIT_STORAGE_URI"] == "redis://b/1"


def test_a_file_is_written_whole_under_a_name_no_other_writer_uses(tmp_path, monkeypatch):
    target = tmp_path / "ab" / "ab12.pdf"
    files.write_atomically(str(target), b"%PDF-1")
    files.write_atomically(str(target), b"%PDF-2")  # a second writer of the same name: the last one wins whole
    assert target.read_bytes() == b"%PDF-2" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert os.listdir(target.parent) == ["ab12.pdf"]  # no temporary file left behind

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        files.write_atomically(str(target), b"%PDF-3")
    assert target.read_bytes() == b"%PDF-2" and os.listdir(target.parent) == ["ab12.pdf"]
