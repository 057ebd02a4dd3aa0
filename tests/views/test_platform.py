"""Health check, security headers, cookies, error pages, Indonesian formatting."""
import datetime as dt

import pytest
from sqlalchemy.exc import OperationalError

from app.extensions import db
from app.formatting import angka, tanggal, tanggal_jam
from tests.conftest import make_app


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_database_outage(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(db.session, "execute", broken)
    response = client.raw.get("/healthz")  # the patched session is the test's own session
    assert response.status_code == 503
    assert response.get_json()["database"] == "unavailable"


def test_healthz_with_an_unreachable_database(tmp_path):
    app = make_app("postgresql+psycopg://nobody@127.0.0.1:1/none", str(tmp_path))
    with app.app_context():
        response = app.test_client().get("/healthz")
        db.engine.dispose()
    assert response.status_code == 503


def test_security_headers_on_every_page(client):
    response = client.get("/masuk")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_pages_use_no_inline_script_or_style(client, factory):
    user = factory.superadmin()
    client.login_as(user)
    for url in ["/masuk", "/", "/profil", "/pengelolaan/", "/pengelolaan/pegawai"]:
        body = client.get(url).get_data(as_text=True)
        assert "<script>" not in body and " style=" not in body, url
        assert "cdn" not in body.lower(), url


def test_personal_pages_are_not_cached(client, factory):
    client.login_as(factory.employee().user)
    assert client.get("/").headers["Cache-Control"] == "no-store"


def test_session_cookie_is_httponly_and_lax(client, factory):
    employee = factory.employee()
    response = client.post("/masuk", {"nip": employee.nip, "password": "Kinerja-Terukur-2026"})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_assets_are_served_by_the_app(client):
    page = client.get("/masuk").get_data(as_text=True)
    assert "/bootstrap/static/css/bootstrap.min.css" in page
    assert client.get("/bootstrap/static/css/bootstrap.min.css").status_code == 200
    assert client.get("/static/css/capaian.css").status_code == 200


def test_404_page_is_indonesian(client):
    response = client.get("/tidak-ada")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.get_data(as_text=True)


def test_413_page_is_indonesian(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 1000)
    response = client.post("/masuk", {"nip": "x" * 5000, "password": "y"})
    assert response.status_code == 413
    assert "Berkas terlalu besar" in response.get_data(as_text=True)


def test_500_page_is_indonesian_and_rolls_back(tmp_path, database_url):
    app = make_app(database_url, str(tmp_path))

    @app.route("/meledak")
    def explode():
        raise RuntimeError("boom")

    with app.app_context():
        response = app.test_client().get("/meledak")
    assert response.status_code == 500
    assert "Terjadi kesalahan" in response.get_data(as_text=True)


def test_refuses_to_start_without_a_secret_key(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    from app import create_app

    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"SECRET_KEY": None, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"SECRET_KEY": "short", "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_postgres_urls_use_psycopg3(tmp_path):
    app = make_app("postgres://u@h/db", str(tmp_path))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"


def test_indonesian_dates_and_numbers(app):
    with app.test_request_context():
        assert tanggal(dt.date(2026, 11, 23)) == "23 November 2026"
        assert tanggal(dt.date(2026, 8, 17)) == "17 Agustus 2026"
        assert tanggal(None) == "–"
        moment = dt.datetime(2026, 11, 23, 1, 5, tzinfo=dt.timezone.utc)
        assert tanggal_jam(moment) == "23 November 2026 08.05 WIB"
        assert angka(1234567) == "1.234.567"
        assert angka(98.75, 2) == "98,75"
