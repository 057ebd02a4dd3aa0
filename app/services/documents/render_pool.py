"""WeasyPrint outside the web worker: a document's PDF is rendered in a small pool of processes
(RENDER_PROCESSES, default 1 per web worker process; 0 renders in the caller), so that the half a
second to a few seconds of layout never holds the worker's GIL and its other threads keep serving
pages. A batch export opens a pool of its own across the machine's cores (EXPORT_PROCESSES).

The processes are started fresh ("spawn": nothing of the web worker's threads, locks or database
connections is inherited) and each builds the app once, for its templates and static files. A
render gets plain data only (the snapshot and the footer's texts, the logo already read) and never
touches the database."""
from __future__ import annotations

import atexit
import concurrent.futures as futures
import importlib
import multiprocessing
import os
import threading
from contextlib import contextmanager
from typing import Any, Iterator

from flask import Flask, current_app

_pool: futures.ProcessPoolExecutor | None = None
_pool_key: tuple | None = None
_lock = threading.Lock()
_child_app: Flask | None = None

_PLAIN = (str, int, float, bool, type(None))


def _child_settings(app: Flask) -> tuple[dict, str]:
    """The app's configuration as far as it is plain data (the rest has defaults), and its
    instance folder: what a render process builds its app from."""
    config = {name: value for name, value in app.config.items()
              if isinstance(value, _PLAIN) and name.isupper()}
    config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"  # an empty database: a render reads none
    return config, app.instance_path


def _start_child(config: dict, instance_path: str) -> None:
    """A render process's initializer: the app, once, with its context pushed for good."""
    global _child_app
    # A render process is an entry point of its own, as wsgi.py is: it builds the app by its
    # factory, named here rather than imported (services sit below the app that assembles them).
    create_app = importlib.import_module("app").create_app
    _child_app = create_app(config)
    _child_app.instance_path = instance_path
    _child_app.app_context().push()
    _warm_weasyprint()
    threading.Thread(target=_follow_parent, args=(os.getppid(),), name="render-parent", daemon=True).start()


def _warm_weasyprint() -> None:
    """Load WeasyPrint and the fonts once, when the process starts, so that the first document a
    pegawai asks for does not pay for it (about a second)."""
    from weasyprint import HTML

    from app.services.documents.pdf import _font_config

    HTML(string="<p>Capaian</p>").write_pdf(font_config=_font_config())


def _ready() -> int:
    return os.getpid()


def warm(app: Flask) -> None:
    """Start this process's render processes now (gunicorn's post_worker_init, `flask worker`)
    rather than at the first document; returns at once."""
    size = int(app.config.get("RENDER_PROCESSES") or 0)
    if size > 0:
        pool = _shared_pool(app, size)
        for _ in range(size):
            pool.submit(_ready)


def _follow_parent(parent: int) -> None:
    """End this render process once the web worker that started it is gone (a worker killed or
    recycled by gunicorn does not always shut its pool down): no render process outlives its
    worker."""
    import time

    while os.getppid() == parent:
        time.sleep(2)
    os._exit(0)


def _render(arguments: dict[str, Any]) -> bytes:
    from app.services.documents.render import render_document_pdf

    return render_document_pdf(**arguments)


def _new_pool(size: int, app: Flask) -> futures.ProcessPoolExecutor:
    config, instance_path = _child_settings(app)
    return futures.ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_start_child, initargs=(config, instance_path))


def _shared_pool(app: Flask, size: int) -> futures.ProcessPoolExecutor:
    """This process's pool (a forked web worker makes its own)."""
    global _pool, _pool_key
    wanted = (os.getpid(), size, id(app))
    with _lock:
        if _pool is None or _pool_key != wanted:
            if _pool is not None and _pool_key[0] == os.getpid():
                _pool.shutdown(wait=False, cancel_futures=True)
            _pool, _pool_key = _new_pool(size, app), wanted
        return _pool


@atexit.register
def _shutdown() -> None:
    """Stop this process's pool before the interpreter tears its modules down."""
    with _lock:
        pool = _pool if _pool_key is not None and _pool_key[0] == os.getpid() else None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


def _forget(pool: futures.ProcessPoolExecutor) -> None:
    global _pool, _pool_key
    with _lock:
        if _pool is pool:
            _pool, _pool_key = None, None
    pool.shutdown(wait=False, cancel_futures=True)


def _render_page(html: str) -> bytes:
    from app.services.documents.pdf import render_pdf

    return render_pdf(html)


def render_page(html: str) -> bytes:
    """The PDF of a standalone HTML page (a list, not an official document), by the pool."""
    return _in_pool(_render_page, html)


def render(arguments: dict[str, Any]) -> bytes:
    """The PDF of one document (render.render_document_pdf's arguments), rendered by the pool."""
    return _in_pool(_render, arguments)


def _in_pool(function, argument) -> bytes:
    """Run a render in this process's pool. A pool whose process died (killed for memory, say) is
    replaced and the render tried once more."""
    app = current_app._get_current_object()
    size = int(app.config.get("RENDER_PROCESSES") or 0)
    if size <= 0:
        return function(argument)
    timeout = app.config.get("RENDER_TIMEOUT_SECONDS") or None
    for attempt in (1, 2):
        pool = _shared_pool(app, size)
        try:
            return pool.submit(function, argument).result(timeout=timeout)
        except futures.process.BrokenProcessPool:
            _forget(pool)
            if attempt == 2:
                raise
            app.logger.warning("A render process died; starting a new pool")
    raise AssertionError("unreachable")


class _Inline:
    """The pool's interface, rendering in the caller (EXPORT_PROCESSES = 1 or RENDER_PROCESSES = 0)."""

    def submit(self, function, *args) -> futures.Future:
        future: futures.Future = futures.Future()
        try:
            future.set_result(function(*args))
        except Exception as error:  # handed to the caller by future.result(), as a pool does
            future.set_exception(error)
        return future


def export_processes(app: Flask) -> int:
    configured = int(app.config.get("EXPORT_PROCESSES") or 0)
    return configured if configured > 0 else (os.cpu_count() or 1)


@contextmanager
def batch(size: int | None = None) -> Iterator[Any]:
    """A pool of `size` render processes (EXPORT_PROCESSES; default: one per core) for a batch;
    `.submit(render_arguments)` gives a Future of the PDF's bytes. One process, or rendering
    switched off the web worker (RENDER_PROCESSES = 0), renders in the caller."""
    app = current_app._get_current_object()
    size = size if size is not None else export_processes(app)
    if size <= 1 or int(app.config.get("RENDER_PROCESSES") or 0) <= 0:
        yield _Submitter(_Inline())
        return
    pool = _new_pool(size, app)
    try:
        yield _Submitter(pool)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class _Submitter:
    def __init__(self, executor) -> None:
        self.executor = executor

    def submit(self, arguments: dict[str, Any]) -> futures.Future:
        return self.executor.submit(_render, arguments)
