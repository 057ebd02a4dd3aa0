"""Gunicorn settings for Capaian: `gunicorn -c deploy/gunicorn.conf.py wsgi:app`.

Four worker processes with two threads each serve a kabupaten of a few thousand pegawai on a
small server of two cores. Environment variables override the defaults (GUNICORN_BIND, GUNICORN_WORKERS,
GUNICORN_THREADS, GUNICORN_TIMEOUT) so that the systemd unit needs no edited copy of this file.
"""
import os

wsgi_app = "wsgi:app"
# Only nginx on the same machine talks to gunicorn.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Four processes of two threads on two cores: the same eight requests at once as two of four, but half
# the threads waiting on each process's GIL (the public survey at 50 respondents a second: p50 140 →
# 28 ms, docs/PERFORMANCE.md); a worker is recycled after GUNICORN_MAX_REQUESTS, not every 40 seconds.
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "2"))

# A PDF or a roster import of a few thousand rows may take a while; nginx waits 120 s.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "90"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never grows for months.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = max_requests // 10

# Logs go to stdout/stderr, i.e. the systemd journal: `journalctl -u capaian`.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# The client address as nginx saw it, the request, status, size and duration in seconds.
access_log_format = '%({x-forwarded-for}i)s "%(r)s" %(s)s %(B)s %(L)ss "%(f)s" "%(a)s"'
# The app trusts X-Forwarded-* through ProxyFix (CAPAIAN_PROXY_FIX_X_FOR/PROTO); gunicorn
# itself only from the local nginx.
forwarded_allow_ips = "127.0.0.1"
proc_name = "capaian"
# No run-time control socket: the service user has no home directory to put it in.
control_socket_disable = True


def post_worker_init(worker):
    """Start the worker's render processes (WeasyPrint) now, not at the first PDF a user asks for."""
    from app.services.documents import render_pool

    render_pool.warm(worker.wsgi)
