"""Background work (the batch export, issuing one document, the daily reminders) run by the runner
JOB_RUNNER names:

- "thread" (the default): a daemon thread of the web process, with its own app context; nothing to
  install, one server;
- "inline": in the caller, before it returns (the tests, the command line);
- "rq": a Redis queue (REDIS_URL) consumed by `flask worker` on any server, for a deployment of
  several app servers.

Every runner calls the same job function with the same arguments (`JOBS`), after the caller has
committed the row the job works on. A job function reads its own row again, does its work in short
transactions and records how it ended on that row: a runner never decides an outcome."""
from __future__ import annotations

import importlib
import threading
from typing import Any

from flask import Flask, current_app, has_app_context

from app.extensions import db, writing_thread

# The jobs there are, by name: "module:function". Nothing else can be queued or run.
JOBS = {
    "export": "app.services.documents.export:run",
    "issue": "app.services.documents.issue_jobs:run",
    "reminders": "app.services.notifications.reminders:run_job",  # job id: the day's ordinal
    "tpp_pdf": "app.services.tpp.monthly:make_pdf",  # job id: the issued TPP list
}
QUEUE_NAME = "capaian"
RUNNERS = ("thread", "inline", "rq")

_running: dict[str, threading.Event] = {}  # "export-12": jobs whose thread lives in this process
_lock = threading.Lock()


def runner(app: Flask | None = None) -> str:
    config = (app or current_app).config
    name = config.get("JOB_RUNNER") or "thread"
    if config.get("EXPORT_JOBS_INLINE"):  # the older setting of the tests
        name = "inline"
    if name not in RUNNERS:
        raise RuntimeError(f"JOB_RUNNER must be one of {', '.join(RUNNERS)}, not {name!r}")
    return name


def key(name: str, job_id: int) -> str:
    return f"{name}-{job_id}"


def _function(name: str):
    module, function = JOBS[name].split(":")
    return getattr(importlib.import_module(module), function)


def enqueue(name: str, job_id: int, *args: Any) -> None:
    """Run job `name` for row `job_id` (committed by the caller) on the configured runner."""
    if name not in JOBS:
        raise ValueError(f"unknown job {name!r}")
    app = current_app._get_current_object()
    how = runner(app)
    if how == "inline":
        _function(name)(job_id, *args)
    elif how == "rq":
        queue(app).enqueue(execute, name, job_id, *args, job_id=f"capaian-{key(name, job_id)}",
                           job_timeout=app.config["JOB_TIMEOUT_SECONDS"], result_ttl=3600, failure_ttl=7 * 86400)
    else:
        with _lock:
            _running[key(name, job_id)] = threading.Event()
        threading.Thread(target=_thread_main, args=(app, name, job_id, args), name=key(name, job_id),
                         daemon=True).start()


def _thread_main(app: Flask, name: str, job_id: int, args: tuple) -> None:
    try:
        with app.app_context(), writing_thread():  # short IMMEDIATE transactions, as a POST has
            try:
                _function(name)(job_id, *args)
            finally:
                db.session.remove()
    finally:
        with _lock:
            finished = _running.pop(key(name, job_id), None)
        if finished is not None:
            finished.set()


def alive(name: str, job_id: int) -> bool:
    """Whether the job is still waiting or running somewhere: in a thread of this process, or (with
    RQ) queued or started on any worker. A job that is neither was lost (a restart)."""
    with _lock:
        if key(name, job_id) in _running:
            return True
    if runner() != "rq":
        return False
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        status = Job.fetch(f"capaian-{key(name, job_id)}", connection=redis_connection(current_app)).get_status()
    except NoSuchJobError:
        return False
    return status is not None and status.value in ("queued", "started", "deferred", "scheduled")


def wait(name: str, job_id: int, seconds: float) -> None:
    """Wait up to `seconds` for the job to end, without touching the database (on SQLite a
    waiting POST would hold the write lock the job needs): on its thread's event, or on its RQ
    status. The caller then reads the job's row once."""
    if seconds <= 0:
        return
    with _lock:
        event = _running.get(key(name, job_id))
    if event is not None:
        event.wait(seconds)
        return
    if runner() != "rq":
        return
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and alive(name, job_id):
        time.sleep(0.1)


# --- RQ -------------------------------------------------------------------------------------------

def redis_connection(app: Flask):
    """One client (with its connection pool) per app and URL."""
    from redis import Redis

    url = app.config.get("REDIS_URL")
    if not url:
        raise RuntimeError("JOB_RUNNER = 'rq' needs REDIS_URL (redis://host:6379/0)")
    clients = app.extensions.setdefault("capaian_redis", {})
    if url not in clients:
        clients[url] = Redis.from_url(url)
    return clients[url]


def queue(app: Flask):
    from rq import Queue

    return Queue(QUEUE_NAME, connection=redis_connection(app))


def execute(name: str, job_id: int, *args: Any) -> None:
    """RQ's entry point: run the job inside the worker's app context (`flask worker` pushes it)."""
    if not has_app_context():
        raise RuntimeError("a Capaian job runs inside the app: start workers with `flask worker`")
    if name not in JOBS:
        raise ValueError(f"unknown job {name!r}")
    with writing_thread():
        try:
            _function(name)(job_id, *args)
        finally:
            db.session.remove()


def work(app: Flask, *, burst: bool = False) -> None:
    """Consume the queue in this process (`flask worker`): one job after another, no fork, the
    app context of `app` around each (the caller pushed it)."""
    from rq import SimpleWorker

    worker = SimpleWorker([queue(app)], connection=redis_connection(app))
    worker.work(burst=burst, logging_level=app.config.get("JOB_LOG_LEVEL", "INFO"))
