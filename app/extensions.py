"""Unbound extension singletons; `create_app` binds them to an app."""
from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager

from flask_babel import Babel
from flask_bootstrap import Bootstrap5
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import event
from sqlalchemy.engine import Engine

from app.models.base import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
bootstrap = Bootstrap5()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    """SQLite: enforce foreign keys, WAL for concurrent readers, wait instead of failing on locks."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    # Let SQLAlchemy emit BEGIN itself so SAVEPOINT and transaction scope behave as on PostgreSQL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn):
    """SQLite: a request that may write (POST) takes the write lock when its transaction begins.
    A deferred transaction that reads first and writes later cannot wait for the lock: when another
    writer committed in between, SQLite answers "database is locked" at once (busy_timeout does not
    apply), which many pegawai submitting at the same time would see. Reading requests stay
    deferred and never wait (WAL)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE" if _may_write() else "BEGIN")


_thread = threading.local()


@contextmanager
def writing_thread():
    """Inside: every transaction of this thread begins IMMEDIATE on SQLite, as a POST does (for
    background work such as the ZIP export, which has no request)."""
    _thread.immediate = True
    try:
        yield
    finally:
        _thread.immediate = False


def _may_write() -> bool:
    from flask import has_request_context, request

    if getattr(_thread, "immediate", False):
        return True
    return has_request_context() and request.method not in ("GET", "HEAD", "OPTIONS")


def database_reachable() -> bool:
    """Whether the database answers a trivial query now (for /healthz); never raises."""
    from sqlalchemy import text

    try:
        db.session.execute(text("SELECT 1"))
        return True
    except Exception:  # any failure to reach the database is "down"
        return False
    finally:
        db.session.rollback()
