"""Configuration: defaults here; instance/config.py and environment variables override them.

Environment variables: DATABASE_URL, SECRET_KEY and BASE_URL by their plain names, and any other
setting with the CAPAIAN_ prefix (CAPAIAN_MAIL_SERVER=smtp.kab.go.id, CAPAIAN_LOGIN_LOCK_MINUTES=30).
"""
from __future__ import annotations

import os

from flask import Flask

MB = 1024 * 1024


class Config:
    SECRET_KEY: str | None = None
    SQLALCHEMY_DATABASE_URI: str | None = None
    SQLALCHEMY_ENGINE_OPTIONS: dict = {}
    # The address users reach the app at (links in e-mails, QR codes on documents);
    # when unset, the address of the current request is used.
    BASE_URL: str | None = None
    # Where the verification page lives when neither BASE_URL nor a request says so (`make run`).
    FALLBACK_BASE_URL: str | None = None

    # Sessions and cookies
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False  # set True when served over HTTPS
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = 8 * 3600
    WTF_CSRF_TIME_LIMIT = None  # valid for the life of the session

    # Login protection
    LOGIN_MAX_FAILURES = 5  # per NIP and client address; then that address waits
    LOGIN_DELAY_SECONDS = 30  # the first wait; it doubles with every further failure
    LOGIN_FAILURE_WINDOW_MINUTES = 15
    LOGIN_LOCK_MINUTES = 15  # the longest wait, and how long an account lock lasts
    LOGIN_ACCOUNT_LOCK_FAILURES = 50  # across all addresses within the window: the account locks
    LOGIN_TRUSTED_ADDRESS_DAYS = 30  # an address the owner logged in from is spared the lock
    LOGIN_RATE_LIMIT = "30 per minute; 300 per hour"  # per client IP, on login and activation
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = False
    ACTIVATION_VALID_HOURS = 72
    PASSWORD_HASH_METHOD = "argon2id"  # or a werkzeug method; older hashes are redone at the next login

    # Behind nginx: how many proxies set X-Forwarded-For / -Proto (0 = none, do not trust them)
    PROXY_FIX_X_FOR = 0
    PROXY_FIX_X_PROTO = 0

    # Uploads (stored under instance/, never under static/)
    MAX_CONTENT_LENGTH = 32 * MB
    IMPORT_MAX_BYTES = 5 * MB
    EVIDENCE_MAX_BYTES = 10 * MB  # each bukti dukung file
    LOGO_MAX_BYTES = 1 * MB
    UPLOAD_FOLDER: str | None = None  # default: <instance>/uploads

    # Reminders (`flask send-reminders`): this many days before a period's submission deadline.
    REMINDER_DAYS_BEFORE = 3
    # Outgoing e-mail (optional): without MAIL_SERVER, activation codes are shown to the admin.
    # PAdES signing of issued PDFs (optional): a PKCS#12 file and its passphrase.
    SIGNING_P12_PATH: str | None = None
    SIGNING_P12_PASSPHRASE: str | None = None
    # An RFC 3161 timestamp authority (e.g. BSrE's TSA) that timestamps each signature: PAdES B-T.
    SIGNING_TSA_URL: str | None = None
    SIGNING_TSA_TIMEOUT = 10  # seconds (also for fetching OCSP responses and CRLs)
    # With a TSA: embed the certificates' validation data (PAdES B-LT) when it can be fetched.
    SIGNING_LTV = True
    # The root certificates (PEM/DER file) the signer's and the TSA's chains end in, e.g. Root CA
    # Indonesia for BSrE; default: the self-signed certificates in the PKCS#12 file.
    SIGNING_TRUST_ROOTS: str | None = None
    # Issued PDFs and batch ZIPs (under instance/, never under static/); default <instance>/documents
    # and <instance>/exports.
    DOCUMENT_FOLDER: str | None = None
    EXPORT_FOLDER: str | None = None
    EXPORT_JOBS_INLINE = False  # the tests' older name for JOB_RUNNER = "inline"
    EXPORT_JOB_STALE_MINUTES = 30  # a job left queued/running this long with no thread: failed
    # Background work (batch export, issuing a document): "thread" (in the web process), "inline"
    # (in the request: tests) or "rq" (a Redis queue at REDIS_URL, consumed by `flask worker`).
    JOB_RUNNER = "thread"
    JOB_TIMEOUT_SECONDS = 6 * 3600  # the longest an RQ job may run (an export of a big OPD)
    ISSUE_WAIT_SECONDS = 2  # a new document ready this soon downloads at once; later: its progress page
    ISSUE_JOB_STALE_SECONDS = 300  # a document job left waiting this long with nothing running it: failed
    # WeasyPrint in processes of their own: this many per web worker process (0: in the request
    # thread), and for a batch export this many across the machine (0: one per core).
    RENDER_PROCESSES = 1
    RENDER_TIMEOUT_SECONDS = 120
    EXPORT_PROCESSES = 0
    # Several app servers: Redis for the rate limits and the job queue, and one shared folder (an
    # NFS mount) for uploads, issued documents and export ZIPs.
    REDIS_URL: str | None = None  # redis://127.0.0.1:6379/0; also the rate limits' storage, unless
    #                               RATELIMIT_STORAGE_URI names another
    SHARED_FOLDER: str | None = None  # default: the instance folder
    API_RATE_LIMIT = "120 per minute"  # per token, on the JSON API
    API_ADDRESS_RATE_LIMIT = "300 per minute"  # per client address, valid token or not
    VERIFY_RATE_LIMIT = "30 per minute; 300 per hour"  # per client IP, on the public verification page
    VERIFY_UPLOAD_MAX_BYTES = 20 * MB  # a PDF uploaded for comparison
    # The public satisfaction survey: responses per client address (a carrier's NAT puts many phones
    # behind one address, so generous), per device and layanan (a random id in a cookie; not for the
    # kiosk link), and how long an opened form stays valid.
    SURVEY_ADDRESS_RATE_LIMIT = "30 per minute; 600 per hour"
    SURVEY_DEVICE_LIMIT = "3 per day"
    SURVEY_VISIT_SECONDS = 2 * 3600

    MAIL_SERVER: str | None = None
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USE_SSL = False
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_SENDER = "Capaian <capaian@localhost>"
    MAIL_TIMEOUT = 10

    # UI
    BABEL_DEFAULT_LOCALE = "id"
    BABEL_DEFAULT_TIMEZONE = "Asia/Jakarta"
    BOOTSTRAP_SERVE_LOCAL = True
    BOOTSTRAP_BOOTSWATCH_THEME = None
    EMPLOYEES_PER_PAGE = 50
    AUDIT_EVENTS_PER_PAGE = 50

    # bench/load only: register /_bench/floor, the cheapest authenticated page, as its yardstick.
    BENCH_FLOOR_PAGE = False


def _normalise_database_url(url: str) -> str:
    """Accept the postgres:// and postgresql:// spellings and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def load_config(app: Flask, overrides: dict | None = None) -> None:
    """Defaults, then instance/config.py, then the environment, then explicit overrides."""
    app.config.from_object(Config)
    app.config.from_pyfile("config.py", silent=True)
    for name in ("DATABASE_URL", "SECRET_KEY", "BASE_URL"):
        if os.environ.get(name):
            key = "SQLALCHEMY_DATABASE_URI" if name == "DATABASE_URL" else name
            app.config[key] = os.environ[name]
    app.config.from_prefixed_env("CAPAIAN")
    if "DATABASE_URL" in app.config and not (overrides or {}).get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = app.config["DATABASE_URL"]
    if overrides:
        app.config.update(overrides)

    uri = app.config.get("SQLALCHEMY_DATABASE_URI")
    if not uri:
        uri = "sqlite:///" + os.path.join(app.instance_path, "capaian.sqlite3")
    uri = _normalise_database_url(uri)
    app.config["SQLALCHEMY_DATABASE_URI"] = uri
    if uri.startswith("postgresql"):
        # Per process: gunicorn's 4 workers of 2 threads (and a background job now and then) need a
        # few connections each; 4 × (5 + 5) stays under PostgreSQL's 100 even for two app servers.
        options = {"pool_pre_ping": True, "pool_size": 5, "max_overflow": 5}
        options.update(app.config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    shared = app.config.get("SHARED_FOLDER")
    for name, sub in (("UPLOAD_FOLDER", "uploads"), ("DOCUMENT_FOLDER", "documents"), ("EXPORT_FOLDER", "exports")):
        if not app.config.get(name) and (shared or name == "UPLOAD_FOLDER"):
            app.config[name] = os.path.join(shared or app.instance_path, sub)
    if app.config.get("REDIS_URL") and app.config.get("RATELIMIT_STORAGE_URI") in (None, "", "memory://"):
        app.config["RATELIMIT_STORAGE_URI"] = app.config["REDIS_URL"]
    if app.config.get("BASE_URL"):
        app.config["BASE_URL"] = app.config["BASE_URL"].rstrip("/")

    secret = app.config.get("SECRET_KEY")
    if not secret or len(str(secret)) < 16:
        raise RuntimeError(
            "SECRET_KEY is missing or shorter than 16 characters. Run `make instance/config.py` "
            "(writes a random key into instance/config.py) or set the SECRET_KEY environment "
            "variable."
        )
