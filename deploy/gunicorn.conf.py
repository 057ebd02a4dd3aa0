"""Gunicorn settings for Capaian: `gunicorn -c deploy/gunicorn.conf.py wsgi:app`.

Two worker processes with four threads each serve a kabupaten of a few thousand pegawai on a
small server. Environment variables override the defaults (GUNICORN_BIND, GUNICORN_WORKERS,
GUNICORN_THREADS, GUNICORN_TIMEOUT) so that the systemd unit needs no edited copy of this file.
"""
import os

wsgi_app = "wsgi:app"
# Only nginx on the same machine talks to gunicorn.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))

# A PDF or a roster import of a few thousand rows may take a while; nginx waits 120 s.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "90"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never grows for months.
max_requests = 2000
max_requests_jitter = 200

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
