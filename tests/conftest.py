"""Shared fixtures: one app per test session on SQLite (or TEST_DATABASE_URL), migrated with
the project's own migrations; every test starts from empty tables."""
from __future__ import annotations

import os
import time

# The tests run on the kabupaten's clock (WIB), as its server does; the app itself never relies on
# the server's zone (models.base.local_today), but the tests' own date.today() must agree with it
# also between 00.00 and 07.00 WIB, when a UTC clock is still on the day before.
os.environ["TZ"] = "Asia/Jakarta"
time.tzset()

import pytest  # noqa: E402
from flask import Flask  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from itsdangerous import URLSafeTimedSerializer  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app import create_app  # noqa: E402
from app.extensions import db, limiter  # noqa: E402
from tests.factories import Factory  # noqa: E402

TEST_SECRET = "test-secret-key-not-for-production-0123456789"
# Tables filled by migrations with reference data: never emptied between tests.
REFERENCE_TABLES: set[str] = {"alembic_version", "core_value", "core_value_guide"}


def _database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")


def make_app(database_url: str, instance_path: str, **overrides) -> Flask:
    config = {
        "TESTING": True,
        "SECRET_KEY": TEST_SECRET,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # fast hashing in tests only
        "UPLOAD_FOLDER": os.path.join(instance_path, "uploads"),
        "RATELIMIT_ENABLED": True,
        "SERVER_NAME": None,
        "ISSUE_WAIT_SECONDS": 0,  # the issuing page shows its job (tests/documents/test_background.py: the wait)
        "RENDER_PROCESSES": 0,  # WeasyPrint in the test's own process (tests/documents/test_render_pool.py: the pool)
    }
    config.update(overrides)
    app = create_app(config)
    app.instance_path = instance_path
    return app


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    return _database_url(tmp_path_factory)


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory) -> Flask:
    instance = str(tmp_path_factory.mktemp("instance"))
    app = make_app(database_url, instance)
    with app.app_context():
        if database_url.startswith("postgresql"):
            _reset_postgres_schema()
        upgrade()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def _reset_postgres_schema() -> None:
    """Start the session from an empty PostgreSQL schema (the database may be reused)."""
    with db.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))


def _empty_tables() -> None:
    db.session.remove()
    tables = [t for t in reversed(db.metadata.sorted_tables) if t.name not in REFERENCE_TABLES]
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as conn:
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        return
    # SQLite: self-referencing rows (units, reporting lines) cannot be deleted one by one in
    # foreign-key order, so switch the checks off (outside a transaction) while emptying.
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.execute("BEGIN")
        for table in tables:
            cursor.execute(f'DELETE FROM "{table.name}"')
        cursor.execute("COMMIT")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        raw.close()


@pytest.fixture(autouse=True)
def _app_context(app):
    """Every test runs inside an app context and leaves the tables empty for the next one."""
    with app.app_context():
        limiter.reset()
        yield
        _empty_tables()


@pytest.fixture
def factory(app) -> Factory:
    return Factory()


class Client:
    """A test client that adds a valid CSRF token to every POST, like a browser form."""

    def __init__(self, app: Flask):
        self.app = app
        self.raw = app.test_client()
        self._token: str | None = None

    def csrf_token(self) -> str:
        """A valid token; the raw token goes (back) into the session every time, since a login
        starts a new CSRF token as it would in a browser."""
        raw = "test-csrf-raw-token"
        with self.raw.session_transaction() as session:
            session["csrf_token"] = raw
        if self._token is None:
            serializer = URLSafeTimedSerializer(self.app.secret_key, salt="wtf-csrf-token")
            self._token = serializer.dumps(raw)
        return self._token

    def open(self, *args, **kwargs):
        """Commit what the test built, then serve the request in its own app context (its own
        session and `g`, as in production), and make the test's objects reload afterwards."""
        db.session.commit()
        with self.app.app_context():
            response = self.raw.open(*args, **kwargs)
            response.get_data()  # buffer streamed bodies (files) so they can be closed now
            response.close()
        db.session.expire_all()
        return response

    def get(self, *args, **kwargs):
        return self.open(*args, method="GET", **kwargs)

    def post(self, url, data=None, *, csrf: bool = True, **kwargs):
        data = dict(data or {})
        if csrf:
            data.setdefault("csrf_token", self.csrf_token())
        return self.open(url, method="POST", data=data, **kwargs)

    def login_as(self, user) -> "Client":
        """Start a session for `user` without going through the login form."""
        with self.raw.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
            if self._token is not None:
                session["csrf_token"] = "test-csrf-raw-token"
        return self

    def logout(self) -> None:
        with self.raw.session_transaction() as session:
            session.clear()
        self._token = None


@pytest.fixture
def client(app) -> Client:
    return Client(app)


@pytest.fixture
def make_client(app):
    def _make(user=None) -> Client:
        c = Client(app)
        if user is not None:
            c.login_as(user)
        return c

    return _make


# Browser tests (tests/browser.py): one chromium while browser tests run, and one demo kabupaten
# served for the tests that only read it.
@pytest.fixture(scope="session")
def chromium_path() -> str:
    from tests.browser import require_chromium

    return require_chromium()


@pytest.fixture
def browser(chromium_path):
    """The shared chromium, started on first use. Playwright's sync API keeps an event loop marked
    as running in this thread while it is up, so it is stopped before every test that is not a
    browser test (see pytest_runtest_setup) and started again for the next browser test: no other
    test ever runs beside that loop, whatever order the tests are collected in."""
    from tests.browser import PLAYWRIGHT

    return PLAYWRIGHT.browser(chromium_path)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before the fixtures of a test are set up: a test that is not a browser test, or the first
    test of another module (whose module fixtures build their data in this thread), runs with
    Playwright stopped."""
    from tests.browser import PLAYWRIGHT

    PLAYWRIGHT.before_test(item.nodeid.split("::")[0], browser_test=item.get_closest_marker("e2e") is not None)


def pytest_sessionfinish(session, exitstatus):
    from tests.browser import PLAYWRIGHT

    PLAYWRIGHT.stop()


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory, chromium_path):
    """The real app on a free port with the demo kabupaten; its tests only read."""
    from sqlalchemy import select

    from app.domain.enums import OrgUnitKind
    from app.models import OrgUnit
    from app.seed.demo.story import seed_demo
    from tests.browser import live_app

    def build() -> dict:
        logins = {label: (user.nip, user.name) for label, user in seed_demo()}
        db.session.flush()
        opds = {o.name: o.id for o in db.session.scalars(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.OPD))}
        return {"logins": logins, "opds": opds}

    with live_app(tmp_path_factory.mktemp("e2e-demo"), build) as server:
        yield server
